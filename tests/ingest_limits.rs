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

/// A one-page PDF with a cross-reference table, built from its objects.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream_object(data: &[u8], extra: &str) -> Vec<u8> {
    let mut o = format!("<< /Length {} {extra}>>\nstream\n", data.len()).into_bytes();
    o.extend_from_slice(data);
    o.extend_from_slice(b"\nendstream");
    o
}

fn pdf_error(bytes: &[u8], name: &str) -> String {
    match resdiff::ingest::decode(bytes, name) {
        Ok(_) => panic!("{name} was read"),
        Err(e) => e.to_string(),
    }
}

/// A content stream that inflates far beyond the cap (before the limit, 2 MB of such a file
/// took the release build to 4 GB in 3 s): refused before the PDF libraries allocate.
#[test]
fn pdf_stream_inflating_beyond_the_cap_is_refused() {
    let spaces = vec![b' '; 2 * resdiff::ingest::MAX_PDF_STREAM_BYTES as usize];
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&spaces, 9);
    let pdf = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        stream_object(&bomb, "/Filter /FlateDecode "),
    ]);
    let err = pdf_error(&pdf, "bomb.pdf");
    assert!(
        err.contains("bomb.pdf") && err.contains("inflates to more than 32 MiB"),
        "{err}"
    );
}

/// A ToUnicode map with one range of four billion codes (862 bytes; before the limit it took the
/// release build to 527 MB in the 1 s the reader had): refused, and a real map still reads.
#[test]
fn pdf_character_map_beyond_the_cap_is_refused() {
    let page = |cmap: &[u8]| {
        pdf_of(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
              /Resources << /Font << /F1 5 0 R >> >> >>"
                .to_vec(),
            stream_object(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET", ""),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>".to_vec(),
            stream_object(cmap, ""),
        ])
    };
    let cmap = |range: &str| {
        format!(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 \
             begincodespacerange\n<00> <FF>\nendcodespacerange\n1 beginbfrange\n{range}\n\
             endbfrange\nendcmap\nend\nend\n"
        )
    };
    let err = pdf_error(
        &page(cmap("<00000000> <FFFFFFFF> <0041>").as_bytes()),
        "map.pdf",
    );
    assert!(
        err.contains("map.pdf") && err.contains("character maps span more than"),
        "{err}"
    );
    let ok = resdiff::ingest::decode(&page(cmap("<48> <6F> <0048>").as_bytes()), "fine.pdf");
    assert!(ok.is_ok(), "{ok:?}");
}
