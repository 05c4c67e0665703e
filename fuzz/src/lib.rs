//! The bodies of resdiff's fuzz targets.
//!
//! Each `fuzz_targets/*.rs` is one line calling a function here, and `tests/fuzz_replay.rs` in the
//! main crate includes this file (`#[path]`) to replay the kept regression inputs through exactly
//! the same code as the fuzzer ran. Every function panics when a property fails; a library panic
//! propagates as it would in the app.
//!
//! Input layouts (what `scripts/fuzz-seeds.sh` writes):
//! - `ingest`: the raw bytes of a file; they are also wrapped as `word/document.xml` of a stored
//!   DOCX package (further parts after NUL bytes: numbering, styles, footnotes), so the DOCX XML
//!   readers are reached without the fuzzer having to forge deflate streams and CRCs.
//! - `parse`: text (invalid UTF-8 replaced).
//! - `compare`: old text, a NUL byte, new text (no NUL: split in the middle).
//! - `report`: one option byte (only, layout, CSV BOM, colour), then as `compare`.

use std::io::{Cursor, Read, Write};

use resdiff::ingest::{self, IngestError};
use resdiff::report::{self, Format, Layout, Only, RenderOptions};

// A path relative to this file, so that the module is found also where this file is included
// with `#[path]` (tests/fuzz_replay.rs).
#[path = "html5.rs"]
mod html5;
pub use html5::html5_errors;

/// For the fuzz targets (not the replay test): keeps libFuzzer's abort-on-panic hook for every
/// panic except those on the PDF reader's worker thread ([`resdiff::ingest::PDF_THREAD_NAME`]),
/// where the PDF libraries run isolated and a panic becomes an error naming the file. Those are
/// reported once per location on stderr (findings about the libraries, handled by the
/// isolation) and left to end the worker thread. A panic anywhere else still aborts.
pub fn install_panic_hook() {
    KEEP_INPUT.store(true, std::sync::atomic::Ordering::Relaxed);
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static SEEN: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let abort_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(ingest::PDF_THREAD_NAME) {
            let location = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
            if seen.insert(location.clone()) {
                eprintln!("PDF library panic (isolated by the reader): {info}");
                // Keep the input (to make a regression case from), named after the crate and
                // line: `…/pdf-extract-0.12.1/src/lib.rs:177` gives
                // `pdf-panic-pdf-extract-0.12.1-src-lib.rs-177`.
                let input = CURRENT.lock().unwrap_or_else(|e| e.into_inner());
                let site: Vec<&str> = location.rsplit(['/', '\\']).take(3).collect();
                let site: Vec<&str> = site.into_iter().rev().collect();
                let file = format!(
                    "fuzz/artifacts/pdf-panic-{}",
                    site.join("-").replace(':', "-")
                );
                let _ = std::fs::create_dir_all("fuzz/artifacts");
                let _ = std::fs::write(file, &*input);
            }
            return;
        }
        abort_hook(info);
    }));
}

/// Whether [`ingest`] keeps a copy of its input for the panic hook (fuzzing only).
static KEEP_INPUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The input [`ingest`] is working on, when [`KEEP_INPUT`] is set.
static CURRENT: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

/// The name the fuzzed file is given; every ingest error message must contain it.
pub const INPUT_NAME: &str = "fuzz-input.bin";

/// The name of the DOCX package built around the input.
pub const PACKAGE_NAME: &str = "fuzz-package.docx";

/// `ingest` target: format sniffing and every reader on raw bytes, then the same bytes as the
/// XML parts of a DOCX package.
pub fn ingest(data: &[u8]) {
    if KEEP_INPUT.load(std::sync::atomic::Ordering::Relaxed) {
        let mut current = CURRENT.lock().unwrap_or_else(|e| e.into_inner());
        current.clear();
        current.extend_from_slice(data);
    }
    check_decoded(ingest::decode(data, INPUT_NAME), INPUT_NAME);
    if !data.starts_with(b"PK") {
        let package = docx_package(data);
        check_decoded(ingest::decode(&package, PACKAGE_NAME), PACKAGE_NAME);
    }
}

/// Properties of a decode result: text is not blank, an error names the file.
fn check_decoded(result: Result<ingest::Ingested, IngestError>, name: &str) {
    match result {
        Ok(ingested) => assert!(
            !ingested.text.trim().is_empty(),
            "decode returned blank text"
        ),
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(name),
                "error without the file name: {message}"
            );
        }
    }
}

/// A stored (uncompressed) DOCX package whose parts are the NUL-separated pieces of `data`:
/// `word/document.xml`, `word/numbering.xml`, `word/styles.xml`, `word/footnotes.xml`.
pub fn docx_package(data: &[u8]) -> Vec<u8> {
    let names = [
        "word/document.xml",
        "word/numbering.xml",
        "word/styles.xml",
        "word/footnotes.xml",
    ];
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut pieces = data.splitn(names.len(), |&b| b == 0);
    for name in names {
        let Some(piece) = pieces.next() else { break };
        writer
            .start_file(name, options)
            .expect("zip member in memory");
        writer.write_all(piece).expect("zip write in memory");
    }
    writer.finish().expect("zip finish in memory").into_inner()
}

/// `parse` target: the parser on arbitrary text, and the single-document writers.
pub fn parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = resdiff::parse::parse(&text);
    let json = report::resolution_json(&doc);
    let _ = serde_json::to_string(&json).expect("resolution JSON serialises");
    let _ = report::resolution_text(&doc);
}

/// Splits the input at its first NUL byte (else in the middle) into two texts.
pub fn two_texts(data: &[u8]) -> (String, String) {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    (
        String::from_utf8_lossy(old).into_owned(),
        String::from_utf8_lossy(new).into_owned(),
    )
}

/// `compare` target: parse both texts, align and diff them. Properties: every paragraph of
/// either side is in exactly one pair (valid indices), similarities lie in 0-1.
pub fn compare(data: &[u8]) -> resdiff::compare::Comparison {
    let (old, new) = two_texts(data);
    let c = resdiff::compare_texts(&old, &new);
    let mut seen_old = vec![0u32; c.old.paragraphs.len()];
    let mut seen_new = vec![0u32; c.new.paragraphs.len()];
    for pair in &c.pairs {
        for &i in &pair.old {
            *seen_old.get_mut(i).expect("old index in range") += 1;
        }
        for &i in &pair.new {
            *seen_new.get_mut(i).expect("new index in range") += 1;
        }
        assert!(
            (0.0..=1.0).contains(&pair.similarity),
            "similarity {}",
            pair.similarity
        );
    }
    assert!(
        seen_old.iter().chain(&seen_new).all(|&n| n == 1),
        "a paragraph is in no pair or in several: {:?}",
        c.warnings
    );
    let _ = serde_json::to_string(&report::comparison_json(&c)).expect("comparison JSON");
    c
}

/// Report options from one byte.
pub fn options(byte: u8) -> RenderOptions {
    RenderOptions {
        csv_bom: byte & 1 != 0,
        color: byte & 2 != 0,
        author: "fuzz <&\"author\">".to_string(),
        date: Some("2026-12-02T00:00:00Z".to_string()),
        old_label: Some("old <label> & \"quoted\"".to_string()),
        new_label: None,
        only: Only::ALL[usize::from((byte >> 2) & 3) % Only::ALL.len()],
        layout: Layout::ALL[usize::from((byte >> 4) & 3) % Layout::ALL.len()],
    }
}

/// `report` target: every report writer on the comparison of two fuzzed texts, each output
/// checked by an independent reader (HTML by html5ever with exact errors, DOCX as a zip whose
/// XML parts must be well-formed and which resdiff reads back, PDF read back by the PDF reader,
/// JSON by serde_json, the text formats as UTF-8).
pub fn report(data: &[u8]) {
    let Some((&byte, rest)) = data.split_first() else {
        return;
    };
    let c = compare(rest);
    let opts = options(byte);
    for format in Format::ALL {
        let (bytes, _warnings) = report::render_with_warnings(&c, format, &opts)
            .unwrap_or_else(|e| panic!("{format} report failed: {e}"));
        match format {
            Format::Html => {
                let html = std::str::from_utf8(&bytes).expect("HTML is UTF-8");
                let errors = html5_errors(html);
                assert!(errors.is_empty(), "HTML parse errors: {errors:?}");
            }
            Format::Docx => check_docx(&bytes),
            Format::Pdf => {
                assert!(bytes.starts_with(b"%PDF-"), "PDF header");
                read_back(&bytes, "report.pdf");
            }
            Format::Json => {
                serde_json::from_slice::<serde_json::Value>(&bytes).expect("JSON parses");
            }
            Format::Markdown | Format::Csv | Format::Text => {
                std::str::from_utf8(&bytes).expect("text report is UTF-8");
            }
        }
    }
}

/// A written report read back by resdiff's own reader: text, or "no text" for a comparison of
/// two texts without paragraphs. Any other error is a writer/reader disagreement.
fn read_back(bytes: &[u8], name: &str) {
    match ingest::decode(bytes, name) {
        Ok(_) | Err(IngestError::NoText { .. }) => {}
        Err(e) => panic!("resdiff cannot read its own {name}: {e}"),
    }
}

/// A DOCX report: a zip whose every XML part is well-formed (one root, balanced and matching
/// tags, no syntax error), and which resdiff's DOCX reader reads back.
fn check_docx(bytes: &[u8]) {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("DOCX is a zip");
    assert!(
        archive.by_name("word/document.xml").is_ok(),
        "DOCX has word/document.xml"
    );
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).expect("zip member");
        let name = member
            .name()
            .map(|n| n.into_owned())
            .expect("zip member name");
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        member
            .read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        check_xml(&xml).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
    }
    read_back(bytes, "report.docx");
}

/// Well-formedness of one XML document with quick-xml: every event reads without error, end tags
/// match start tags (quick-xml's default check), every element is closed, and there is exactly
/// one root element with nothing but whitespace, comments and declarations outside it, and no
/// character XML 1.0 forbids (controls other than tab and line ends, U+FFFE, U+FFFF: Word calls
/// such a file damaged).
pub fn check_xml(xml: &str) -> Result<(), String> {
    if let Some(c) = xml.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    }) {
        return Err(format!(
            "character U+{:04X} is not allowed in XML",
            u32::from(c)
        ));
    }
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        if let Event::Start(e) | Event::Empty(e) = &event {
            for a in e.attributes() {
                a.map_err(|e| e.to_string())?;
            }
        }
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Event::Empty(_) if depth == 0 => roots += 1,
            Event::End(_) if depth == 0 => return Err("end tag without a start".into()),
            Event::End(_) => depth -= 1,
            Event::Text(t) if depth == 0 && !t.xml10_content().chars().all(char::is_whitespace) => {
                return Err("text outside the root element".into());
            }
            Event::GeneralRef(_) | Event::CData(_) if depth == 0 => {
                return Err("content outside the root element".into());
            }
            Event::GeneralRef(r) => {
                let name: &str = r.as_ref();
                let known = matches!(name, "lt" | "gt" | "amp" | "quot" | "apos")
                    || r.resolve_char_ref().map_err(|e| e.to_string())?.is_some();
                if !known {
                    return Err(format!("undefined entity &{name};"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(format!("{depth} element(s) not closed"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}
