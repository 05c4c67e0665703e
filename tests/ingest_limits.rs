//! Limits that hold by construction (issue 15): a DOCX that unpacks beyond the caps or nests XML
//! too deep is refused with an error naming the file; extreme texts (10 MiB on one line, a
//! million one-word paragraphs) are read, parsed and compared to the end. The time they take is
//! measured by `examples/extreme_inputs.rs` (README, "Reliability"), not asserted here.

use std::io::Write;

use resdiff::IngestError;
use resdiff::ingest::{MAX_DOCX_PART_BYTES, MAX_DOCX_TOTAL_BYTES, MAX_XML_DEPTH, decode};

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A zip archive of (member, content) pairs, deflated as Word does.
fn build_zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, content) in members {
        writer.start_file(*name, options).expect("zip member");
        writer.write_all(content).expect("zip write");
    }
    writer.finish().expect("zip finish").into_inner()
}

/// A `document.xml` of one paragraph holding `text_bytes` spaces: a part that inflates to about
/// that size from a few kB.
fn document_of_size(text_bytes: usize) -> Vec<u8> {
    let mut xml = format!(
        r#"<w:document {W_NS}><w:body><w:p><w:r><w:t xml:space="preserve">The General Assembly,"#
    )
    .into_bytes();
    xml.resize(xml.len() + text_bytes, b' ');
    xml.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    xml
}

/// The message of a DOCX error, checking it names the file.
fn docx_error(bytes: &[u8], name: &str) -> String {
    match decode(bytes, name) {
        Err(e @ IngestError::BadDocx { .. }) => {
            let message = e.to_string();
            assert!(message.contains(name), "{message}");
            message
        }
        other => panic!("expected a DOCX error, got {other:?}"),
    }
}

#[test]
fn docx_part_inflating_beyond_the_cap_is_refused() {
    let cap = MAX_DOCX_PART_BYTES as usize;
    let bomb = build_zip(&[("word/document.xml", &document_of_size(cap + 1))]);
    assert!(bomb.len() < cap / 100, "packed {} bytes", bomb.len());
    let message = docx_error(&bomb, "bomb.docx");
    assert!(
        message.contains("word/document.xml")
            && message.contains(&format!("{} MiB", cap / 1024 / 1024))
            && message.contains("zip bomb"),
        "{message}"
    );
    // Just under the cap, the same document is read.
    let fits = build_zip(&[("word/document.xml", &document_of_size(cap - 1024))]);
    let ingested = decode(&fits, "fits.docx").expect("a part under the cap is read");
    assert!(ingested.text.starts_with("The General Assembly,"));
}

#[test]
fn docx_parts_inflating_beyond_the_total_cap_are_refused() {
    // Three parts, each under the per-part cap, together over the total cap.
    let part = (MAX_DOCX_PART_BYTES - 1024 * 1024) as usize;
    assert!(3 * part as u64 > MAX_DOCX_TOTAL_BYTES && 2 * (part as u64) < MAX_DOCX_TOTAL_BYTES);
    let numbering = {
        let mut x = format!("<w:numbering {W_NS}>").into_bytes();
        x.resize(x.len() + part, b' ');
        x.extend_from_slice(b"</w:numbering>");
        x
    };
    let styles = {
        let mut x = format!("<w:styles {W_NS}>").into_bytes();
        x.resize(x.len() + part, b' ');
        x.extend_from_slice(b"</w:styles>");
        x
    };
    let docx = build_zip(&[
        ("word/document.xml", &document_of_size(part)),
        ("word/numbering.xml", &numbering),
        ("word/styles.xml", &styles),
    ]);
    let message = docx_error(&docx, "three parts.docx");
    assert!(
        message.contains("together")
            && message.contains(&format!("{} MiB", MAX_DOCX_TOTAL_BYTES / 1024 / 1024))
            && message.contains("word/styles.xml"),
        "{message}"
    );
}

/// A document whose one paragraph's run sits inside `depth` nested elements in all.
fn nested_document(depth: usize) -> Vec<u8> {
    // document, body, p, r, t are 5 levels; the rest are nested smart tags around the run.
    let extra = depth - 5;
    let mut xml = format!("<w:document {W_NS}><w:body><w:p>");
    xml.push_str(&"<w:smartTag>".repeat(extra));
    xml.push_str("<w:r><w:t>Decides to remain seized of the matter.</w:t></w:r>");
    xml.push_str(&"</w:smartTag>".repeat(extra));
    xml.push_str("</w:p></w:body></w:document>");
    xml.into_bytes()
}

#[test]
fn docx_nesting_beyond_the_depth_cap_is_refused() {
    let at_cap = build_zip(&[("word/document.xml", &nested_document(MAX_XML_DEPTH))]);
    let ingested = decode(&at_cap, "deep.docx").expect("nesting at the cap is read");
    assert_eq!(
        ingested.text.trim(),
        "Decides to remain seized of the matter."
    );
    let beyond = build_zip(&[("word/document.xml", &nested_document(MAX_XML_DEPTH + 1))]);
    let message = docx_error(&beyond, "deeper.docx");
    assert!(
        message.contains("word/document.xml")
            && message.contains(&format!("more than {MAX_XML_DEPTH} levels")),
        "{message}"
    );
    // The numbering part is held to the same cap.
    let mut numbering = format!("<w:numbering {W_NS}>");
    numbering.push_str(&"<w:x>".repeat(MAX_XML_DEPTH));
    numbering.push_str(&"</w:x>".repeat(MAX_XML_DEPTH));
    numbering.push_str("</w:numbering>");
    let docx = build_zip(&[
        ("word/document.xml", &nested_document(6)),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let message = docx_error(&docx, "deep numbering.docx");
    assert!(message.contains("word/numbering.xml"), "{message}");
}

#[test]
fn ten_mib_on_one_line_is_read_parsed_and_compared() {
    let old = "word ".repeat(2 * 1024 * 1024);
    let mut new = old.clone().into_bytes();
    new[5 * 1024 * 1024] = b'W';
    let a = decode(old.as_bytes(), "old.txt").expect("read");
    let b = decode(&new, "new.txt").expect("read");
    let c = resdiff::compare_texts(&a.text, &b.text);
    assert_eq!(c.old.paragraphs.len(), 1);
    assert_eq!(c.new.paragraphs.len(), 1);
    assert_eq!(c.pairs.len(), 1);
    assert!(c.summary.counts.changed() >= 1, "the changed word is found");
}

#[test]
fn a_million_one_word_paragraphs_are_read_parsed_and_compared() {
    let old = "word\n\n".repeat(1_000_000);
    let new = format!("{old}another\n");
    let a = decode(old.as_bytes(), "old.txt").expect("read");
    let b = decode(new.as_bytes(), "new.txt").expect("read");
    let c = resdiff::compare_texts(&a.text, &b.text);
    assert_eq!(c.old.paragraphs.len(), 1_000_000);
    assert_eq!(c.new.paragraphs.len(), 1_000_001);
    assert!(c.pairs.len() >= 1_000_001, "{} pairs", c.pairs.len());
}
