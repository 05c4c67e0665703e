//! Tests of `resdiff::ingest`: format detection, encodings, normalisation, DOCX, PDF, HTML and
//! the error cases, on the sample data, corpus PDFs and small typed inputs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use resdiff::ingest::{
    FOOTNOTE_RULE, IngestError, MAX_FILE_BYTES, SourceFormat, decode, normalize::normalize,
    read_path,
};

const SAMPLE_66_184: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_data/A_RES_66_184.txt");

/// A unique path in the temp directory, ending with `name`.
fn temp_path(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("resdiff-ingest-{}-{n}-{name}", std::process::id()))
}

/// A temp file or folder removed when dropped.
struct TempFile(PathBuf);

impl std::ops::Deref for TempFile {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = if self.0.is_dir() {
            std::fs::remove_dir_all(&self.0)
        } else {
            std::fs::remove_file(&self.0)
        };
    }
}

/// Writes `bytes` to a unique temp file, removed when the returned guard is dropped.
fn temp_file(name: &str, bytes: &[u8]) -> TempFile {
    let path = temp_path(name);
    std::fs::write(&path, bytes).unwrap();
    TempFile(path)
}

fn sample_text() -> String {
    std::fs::read_to_string(SAMPLE_66_184).unwrap()
}

fn corpus_pdf(what: &str, file: &str) -> Option<PathBuf> {
    let dir = resdiff::corpus::dir_or_skip(what)?;
    Some(dir.join("pdf").join(file))
}

// ---------------------------------------------------------------- text encodings

#[test]
fn utf8_sample_file_is_read_unchanged() {
    let got = read_path(Path::new(SAMPLE_66_184)).unwrap();
    assert_eq!(got.format, SourceFormat::Text);
    assert_eq!(got.encoding, "UTF-8");
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert_eq!(got.text, sample_text());
    assert!(
        got.text
            .contains("66/184.\tInformation and communications technologies for development")
    );
}

#[test]
fn utf8_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(sample_text().as_bytes());
    let got = decode(&bytes, "bom.txt").unwrap();
    assert_eq!(got.encoding, "UTF-8");
    assert_eq!(got.text, sample_text());
    assert!(!got.text.starts_with('\u{FEFF}'));
}

#[test]
fn utf16_le_and_be_with_bom() {
    let original = sample_text();
    let mut le = vec![0xFF, 0xFE];
    le.extend(original.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(original.encode_utf16().flat_map(u16::to_be_bytes));
    let got_le = read_path(&temp_file("utf16le.txt", &le)).unwrap();
    let got_be = read_path(&temp_file("utf16be.txt", &be)).unwrap();
    assert_eq!(got_le.encoding, "UTF-16LE");
    assert_eq!(got_be.encoding, "UTF-16BE");
    assert_eq!(got_le.text, normalize(&original));
    assert_eq!(got_be.text, normalize(&original));
    assert!(got_le.warnings.is_empty() && got_be.warnings.is_empty());
}

#[test]
fn utf16_le_without_bom_is_recognised_with_warning() {
    let original = sample_text();
    let le: Vec<u8> = original.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let got = decode(&le, "nobom.txt").unwrap();
    assert_eq!(got.encoding, "UTF-16LE");
    assert_eq!(got.text, original);
    assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
    assert!(got.warnings[0].contains("nobom.txt"));
}

#[test]
fn windows_1252_smart_quotes_and_dashes() {
    // A paragraph of A/RES/66/184 as Word would save it in windows-1252 with smart punctuation.
    let mut bytes = Vec::new();
    bytes.extend_from_slice(
        b"\tRecalling further the Declaration of Principles and the Plan of Action ",
    );
    bytes.extend_from_slice(
        b"adopted by the World Summit on the Information Society at its first phase, ",
    );
    bytes.extend_from_slice(
        b"held in Geneva from 10 to 12 December 2003 \x96 the \x93Geneva phase\x94 \x97 ",
    );
    bytes.extend_from_slice(b"and the Secretary-General\x92s report,\r\n");
    bytes.extend_from_slice(b"\tNoting the organization of the World Summit\x85 in Gen\xE8ve,\r\n");
    let got = decode(&bytes, "cp1252.txt").unwrap();
    assert_eq!(got.encoding, "windows-1252");
    assert!(
        got.text
            .contains("2003 \u{2013} the \u{201C}Geneva phase\u{201D} \u{2014} and"),
        "{}",
        got.text
    );
    assert!(got.text.contains("Secretary-General\u{2019}s report,\n"));
    assert!(got.text.contains("Summit\u{2026} in Gen\u{E8}ve,\n"));
    assert!(!got.text.contains('\r'));
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("cp1252.txt") && w.contains("windows-1252"))
    );
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let mut bytes = "Décide que — “Genève” ".repeat(3).into_bytes();
    bytes.extend_from_slice(b"\xC3(\n");
    let got = decode(&bytes, "broken.txt").unwrap();
    assert_eq!(got.encoding, "UTF-8");
    assert!(got.text.contains('\u{FFFD}'));
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("broken.txt") && w.contains("replaced"))
    );
}

// ---------------------------------------------------------------- normalisation

#[test]
fn crlf_and_cr_become_lf_and_lines_keep_trailing_spaces() {
    let got = decode(
        b"The General Assembly, \r\n\r\nRecalling \rits resolution\r\n",
        "crlf.txt",
    )
    .unwrap();
    assert_eq!(
        got.text,
        "The General Assembly, \n\nRecalling \nits resolution\n"
    );
}

#[test]
fn nbsp_soft_hyphen_zero_width_ligatures_and_form_feed() {
    let input = "1.\u{00A0}Requests the Secre\u{00AD}tary-General\u{200B} to submit a \u{FB01}nal \u{FB02}ow of e\u{FB00}orts,\u{202F}o\u{FB03}ce;\u{000C}2.\u{2007}Decides";
    let got = decode(input.as_bytes(), "special.txt").unwrap();
    assert_eq!(
        got.text,
        "1. Requests the Secretary-General to submit a final flow of efforts, office;\n2. Decides"
    );
}

// ---------------------------------------------------------------- errors

#[test]
fn empty_and_whitespace_only_files() {
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"  \r\n\t \n"[..])] {
        let path = temp_file(name, bytes);
        let err = read_path(&path).unwrap_err();
        assert!(matches!(err, IngestError::Empty { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.contains(name) && msg.ends_with("is empty"), "{msg}");
    }
    // Whitespace that only appears after decoding (UTF-16 spaces, NBSP) is empty too.
    let err = decode("\u{00A0} \u{200B}\n".as_bytes(), "nbsp.txt").unwrap_err();
    assert!(matches!(err, IngestError::Empty { .. }), "{err:?}");
}

#[test]
fn png_bytes_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
    let path = temp_file("scan.txt", png);
    let err = read_path(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, IngestError::Unsupported { .. }), "{err:?}");
    assert!(
        msg.contains("scan.txt") && msg.contains("PNG image"),
        "{msg}"
    );
}

#[test]
fn other_binary_signatures_are_refused() {
    let cases: [(&[u8], &str); 6] = [
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", "JPEG"),
        (b"GIF89a\x01\0\x01\0\x80\0\0", "GIF"),
        (b"II*\0\x08\0\0\0\x0e\0", "TIFF"),
        (b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0", "BMP"),
        (b"\x7FELF\x02\x01\x01\0\0\0\0\0", "ELF"),
        (
            b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff",
            "Windows executable",
        ),
    ];
    for (bytes, what) in cases {
        let err = decode(bytes, "file.txt").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("file.txt") && msg.contains(what), "{msg}");
    }
}

#[test]
fn nul_bytes_in_text_are_binary() {
    let mut bytes = sample_text().into_bytes();
    bytes.splice(100..100, [0u8, 1, 2, 0, 0, 0, 7]);
    let path = temp_file("nul.txt", &bytes);
    let err = read_path(&path).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("nul.txt") && msg.contains("NUL"), "{msg}");
}

#[test]
fn missing_file_and_directory() {
    let missing = temp_path("does-not-exist.txt");
    let err = read_path(&missing).unwrap_err();
    assert!(matches!(err, IngestError::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("does-not-exist.txt"));
    let dir = TempFile(temp_path("folder"));
    std::fs::create_dir_all(&*dir).unwrap();
    let err = read_path(&dir).unwrap_err();
    assert!(matches!(err, IngestError::IsDirectory { .. }), "{err:?}");
    assert!(err.to_string().contains("folder") && err.to_string().contains("not a file"));
}

#[test]
fn oversize_file_errors_from_metadata() {
    let path = temp_path("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: nothing is written or read
    drop(file);
    let err = read_path(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    let msg = err.to_string();
    assert!(
        matches!(err, IngestError::TooLarge { size, .. } if size == MAX_FILE_BYTES + 1),
        "{msg}"
    );
    assert!(
        msg.contains("huge.txt") && msg.contains(&(MAX_FILE_BYTES + 1).to_string()),
        "{msg}"
    );
}

// ---------------------------------------------------------------- zip and DOCX

/// Builds a zip archive from (member name, content) pairs.
fn build_zip(members: &[(&str, &str)]) -> Vec<u8> {
    let mut cursor = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut cursor);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in members {
            zip.start_file(*name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    cursor.into_inner()
}

#[test]
fn zip_that_is_not_docx_is_refused() {
    let plain = build_zip(&[("notes.txt", "The General Assembly,")]);
    let err = decode(&plain, "archive.zip").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("archive.zip") && msg.contains("zip archive"),
        "{msg}"
    );

    let xlsx = build_zip(&[
        ("[Content_Types].xml", "<Types/>"),
        ("xl/workbook.xml", "<workbook/>"),
    ]);
    let err = decode(&xlsx, "votes.docx").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("votes.docx") && msg.contains("Excel"), "{msg}");
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn numbered_docx() -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="1267"/></w:tabs></w:pPr><w:r><w:t>66/184.</w:t></w:r><w:r><w:tab/><w:t>Information and communications technologies for development</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The General Assembly, </w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Recalling the Declaration of Principles adopted in Geneva</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> and the Tunis Commitment</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t>,</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Takes note of the report of the Secretary-General;</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Requests </w:t></w:r><w:del w:id="9" w:author="Delegate"><w:r><w:delText>the Secretary-General</w:delText></w:r></w:del><w:ins w:id="10" w:author="Delegate"><w:r><w:t>the Commission</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> to report &amp; to act:</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>first item;</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>sub-item</w:t></w:r><w:r><w:br/><w:t>continued</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>second sub-item;</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>second item;</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Decides to remain seized of the matter.</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>91st plenary meeting</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#
    );
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<w:footnotes {W_NS}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/60/687.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>See A/C.2/59/3, annex.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"#
    );
    build_zip(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
        ("word/footnotes.xml", &footnotes),
    ])
}

#[test]
fn docx_numbering_tracked_changes_and_footnotes() {
    let path = temp_file("draft.docx", &numbered_docx());
    let got = read_path(&path).unwrap();
    assert_eq!(got.format, SourceFormat::Docx);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    let expected = format!(
        "66/184.\tInformation and communications technologies for development\n\
         The General Assembly, \n\
         Recalling the Declaration of Principles adopted in Geneva1 and the Tunis Commitment2,\n\
         1.\tTakes note of the report of the Secretary-General;\n\
         2.\tRequests the Commission to report & to act:\n\
         (a)\tfirst item;\n\
         (i)\tsub-item\ncontinued\n\
         (ii)\tsecond sub-item;\n\
         (b)\tsecond item;\n\
         3.\tDecides to remain seized of the matter.\n\
         \n\
         91st plenary meeting\n\
         {FOOTNOTE_RULE}\n\
         1 See A/C.2/59/3, annex.\n\
         2 See A/60/687.\n"
    );
    assert_eq!(got.text, expected);
}

#[test]
fn docx_numbering_through_paragraph_styles() {
    // Numbering attached to a paragraph style (inherited through w:basedOn), restarted by a
    // second list instance with a start override, and upper-case Roman section headings.
    let document = format!(
        r#"<w:document {W_NS}><w:body>
<w:p><w:pPr><w:pStyle w:val="Section"/></w:pPr><w:r><w:t>Follow-up</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="OpPara"/></w:pPr><w:r><w:t>Decides to convene the meeting;</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="OpPara"/></w:pPr><w:r><w:t>Requests a report;</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Section"/></w:pPr><w:r><w:t>Annex</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="OpPara"/><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Annex paragraph.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Plain"/></w:pPr><w:r><w:t>91st plenary meeting</w:t></w:r></w:p>
</w:body></w:document>"#
    );
    let styles = format!(
        r#"<w:styles {W_NS}>
<w:style w:type="paragraph" w:styleId="OpBase"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="OpPara"><w:basedOn w:val="OpBase"/></w:style>
<w:style w:type="paragraph" w:styleId="Section"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Plain"/>
</w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"#
    );
    let bytes = build_zip(&[
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
    ]);
    let got = decode(&bytes, "styles.docx").unwrap();
    assert_eq!(
        got.text,
        "I.\tFollow-up\n1. Decides to convene the meeting;\n2. Requests a report;\n\
         II.\tAnnex\n1. Annex paragraph.\n91st plenary meeting\n"
    );
}

#[test]
fn docx_with_wrong_extension_is_read_with_warning() {
    let got = decode(&numbered_docx(), "draft.txt").unwrap();
    assert_eq!(got.format, SourceFormat::Docx);
    assert!(got.text.contains("1.\tTakes note"));
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("draft.txt") && w.contains(".txt"))
    );
}

#[test]
fn truncated_docx_is_an_error_naming_the_file() {
    let bytes = numbered_docx();
    let cut = &bytes[..bytes.len() / 2];
    let err = decode(cut, "cut.docx").unwrap_err();
    assert!(matches!(err, IngestError::BadDocx { .. }), "{err:?}");
    assert!(err.to_string().contains("cut.docx"));
    let broken = build_zip(&[("word/document.xml", "<w:document><w:body><w:p>")]);
    let err = decode(&broken, "broken.docx").unwrap_err();
    assert!(err.to_string().contains("broken.docx"), "{err}");
}

/// A/RES/66/184 (sample_data) converted once to .docx by LibreOffice Writer 7
/// (`soffice --headless --convert-to docx`): every line became a Word paragraph, tabs `w:tab`.
#[test]
fn word_processor_docx_of_sample_matches_text() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/A_RES_66_184_libreoffice.docx");
    let got = read_path(&path).unwrap();
    assert_eq!(got.format, SourceFormat::Docx);
    assert_eq!(got.text.trim_end(), sample_text().trim_end());
}

/// Paragraphs of A/RES/66/184 (sample_data) written as an HTML page with nested `<ol>` lists and
/// a footnote, converted once to .docx by LibreOffice Writer 7: list numbering comes from
/// `word/numbering.xml` (`%1.` decimal, `%2.` lowerLetter, `%3.` lowerRoman), the footnote from
/// `word/footnotes.xml`.
#[test]
fn word_processor_docx_lists_and_footnote() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/A_RES_66_184_lists_libreoffice.docx");
    let got = read_path(&path).unwrap();
    assert_eq!(got.format, SourceFormat::Docx);
    let lines: Vec<&str> = got.text.lines().collect();
    assert!(lines[2].starts_with("Recalling further the Declaration of Principles"));
    assert!(lines[2].contains("held in Geneva from 10 to 12 December 2003,1 and endorsed"));
    let labels: Vec<&str> = lines[3..]
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "1.",
            "2.",
            "3.",
            "a.",
            "b.",
            "i.",
            "ii.",
            "4.",
            "5.",
            FOOTNOTE_RULE,
            "1 See A/C.2/59/3, annex."
        ]
    );
    assert!(
        lines[3].starts_with("1.\tRecognizes that information and communications technologies")
    );
    assert_eq!(
        lines[6],
        "a.\tTo continue to promote the work of the Commission;"
    );
    assert_eq!(lines[9], "ii.\tin Asia and the Pacific;");
    assert!(lines[10].starts_with("4.\tStresses that, for the majority of the poor"));
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_document_to_lines() {
    let html = "\u{FEFF}<!DOCTYPE html>\n<html><head><title>A/RES/66/184</title>\n\
        <style>p { color: red; }</style><script>var x = '<p>not text</p>';</script></head>\n\
        <body><!-- navigation --><h1>66/184. Information and   communications\n technologies</h1>\n\
        <p>The General&nbsp;Assembly,</p><p><i>Recalling</i> its resolutions 56/183 &amp; 57/238,\n\
        in Gen&egrave;ve &#8220;WSIS&#x201D;&hellip;</p>\
        <ol><li>Requests</li><li>Decides</li></ol>\
        <table><tr><td>1.</td><td>Takes note</td></tr><tr><th>2.</th><td>Invites</td></tr></table>\
        line one<br>line two<br/>\n<div>91st plenary meeting</div></body></html>";
    let got = decode(html.as_bytes(), "res.html").unwrap();
    assert_eq!(got.format, SourceFormat::Html);
    assert_eq!(
        got.text,
        "66/184. Information and communications technologies\n\
         The General Assembly,\n\
         Recalling its resolutions 56/183 & 57/238, in Genève \u{201C}WSIS\u{201D}\u{2026}\n\
         Requests\nDecides\n1.\tTakes note\n2.\tInvites\nline one\nline two\n91st plenary meeting\n"
    );
}

#[test]
fn html_declared_charset_is_used_when_bytes_are_not_utf8() {
    let (body, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<p>\u{0413}\u{0435}\u{043D}\u{0435}\u{0440}\u{0430}\u{043B}\u{044C}\u{043D}\u{0430}\u{044F} \
         \u{0410}\u{0441}\u{0441}\u{0430}\u{043C}\u{0431}\u{043B}\u{0435}\u{044F},</p>",
    );
    let mut bytes =
        b"<!DOCTYPE html><html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
    bytes.extend_from_slice(&body);
    bytes.extend_from_slice(b"</body></html>");
    let got = decode(&bytes, "ru.html").unwrap();
    assert_eq!(got.format, SourceFormat::Html);
    assert_eq!(got.encoding, "windows-1251");
    assert_eq!(got.text, "Генеральная Ассамблея,\n");
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

#[test]
fn docx_endnotes_are_reported_not_dropped_silently() {
    let document = format!(
        r#"<w:document {W_NS}><w:body><w:p><w:r><w:t>Noting the report</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p></w:body></w:document>"#
    );
    let bytes = build_zip(&[("word/document.xml", &document)]);
    let got = decode(&bytes, "endnotes.docx").unwrap();
    assert_eq!(got.text, "Noting the report\n");
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("endnotes.docx") && w.contains("endnote")),
        "{:?}",
        got.warnings
    );
}

// ---------------------------------------------------------------- PDF

#[test]
fn corpus_pdf_extracts_known_phrases() {
    let Some(pdf) = corpus_pdf("corpus_pdf_extracts_known_phrases", "A_RES_79_194.pdf") else {
        return;
    };
    let got = read_path(&pdf).unwrap();
    assert_eq!(got.format, SourceFormat::Pdf);
    for phrase in [
        "A/RES/79/194",
        "Information and communications technologies for",
        "The General Assembly,",
        "Recalling its resolution 78/132 of 19 December 2023 on information and",
        "Reaffirming also its resolution 69/313 of 27 July 2015 on the Addis Ababa",
    ] {
        assert!(got.text.contains(phrase), "missing {phrase:?}");
    }
}

#[test]
fn pdf_saved_as_txt_is_read_as_pdf_with_warning() {
    let Some(pdf) = corpus_pdf(
        "pdf_saved_as_txt_is_read_as_pdf_with_warning",
        "A_RES_79_194.pdf",
    ) else {
        return;
    };
    let path = temp_file("A_RES_79_194.txt", &std::fs::read(pdf).unwrap());
    let got = read_path(&path).unwrap();
    assert_eq!(got.format, SourceFormat::Pdf);
    assert!(got.text.contains("The General Assembly,"));
    assert!(
        got.warnings
            .iter()
            .any(|w| w.contains("A_RES_79_194.txt") && w.contains("PDF")),
        "{:?}",
        got.warnings
    );
}

#[test]
fn truncated_pdf_is_an_error_not_a_panic() {
    let Some(pdf) = corpus_pdf("truncated_pdf_is_an_error_not_a_panic", "A_RES_79_194.pdf") else {
        return;
    };
    let bytes = std::fs::read(pdf).unwrap();
    let path = temp_file("truncated.pdf", &bytes[..20 * 1024]);
    let err = read_path(&path).unwrap_err();
    assert!(
        matches!(err, IngestError::BadPdf { .. } | IngestError::NoText { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("truncated.pdf"), "{err}");
    let err = decode(b"%PDF-1.7\n%garbage", "garbage.pdf").unwrap_err();
    assert!(err.to_string().contains("garbage.pdf"), "{err}");
}

#[test]
fn damaged_pdfs_and_docx_never_panic() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("damaged_pdfs_and_docx_never_panic") else {
        return;
    };
    let mut damaged: Vec<Vec<u8>> = Vec::new();
    for file in ["A_RES_80_16.pdf", "A_RES_79_194.pdf"] {
        let bytes = std::fs::read(corpus.join("pdf").join(file)).unwrap();
        damaged.extend((1..8).map(|k| bytes[..bytes.len() * k / 8].to_vec()));
        for k in 1..6 {
            let mut flipped = bytes.clone();
            let at = flipped.len() * k / 6;
            for b in &mut flipped[at..(at + 512).min(bytes.len())] {
                *b = b.wrapping_mul(31).wrapping_add(7);
            }
            damaged.push(flipped);
        }
    }
    let docx = numbered_docx();
    for k in 1..6 {
        let mut flipped = docx.clone();
        let at = flipped.len() * k / 6;
        for b in &mut flipped[at..(at + 64).min(docx.len())] {
            *b ^= 0x5A;
        }
        damaged.push(flipped);
    }
    for (i, bytes) in damaged.iter().enumerate() {
        let name = format!("damaged-{i}.bin");
        match decode(bytes, &name) {
            Ok(got) => assert!(!got.text.trim().is_empty()),
            Err(err) => assert!(err.to_string().contains(&name), "{err}"),
        }
    }
}

/// Words of a text, for comparing extractions (punctuation kept, whitespace split).
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Length of the longest common subsequence of two word lists.
fn lcs(a: &[&str], b: &[&str]) -> usize {
    // Myers' algorithm finds a shortest edit script, whose equal runs are a longest common
    // subsequence, in O((N + M) D): fast on near-identical texts of tens of thousands of words.
    similar::capture_diff_slices(similar::Algorithm::Myers, a, b)
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

/// Non-blank lines with surrounding spaces trimmed.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Agreement of our PDF extraction with the corpus text layer of the same document.
struct PdfAgreement {
    /// Fraction of the corpus words found, in order, in ours.
    word_recall: f64,
    /// Fraction of our words that are in that common sequence.
    word_precision: f64,
    /// Fraction of the corpus's non-blank lines found identical (trimmed), in order, in ours.
    line_recall: f64,
}

fn pdf_agreement(corpus: &Path, stem: &str) -> PdfAgreement {
    let ours = read_path(&corpus.join("pdf").join(format!("{stem}.pdf"))).unwrap();
    let reference =
        std::fs::read_to_string(corpus.join("text").join(format!("{stem}.txt"))).unwrap();
    let reference = normalize(&reference);
    let (a, b) = (words(&reference), words(&ours.text));
    let common = lcs(&a, &b) as f64;
    let (la, lb) = (lines(&reference), lines(&ours.text));
    PdfAgreement {
        word_recall: common / a.len().max(1) as f64,
        word_precision: common / b.len().max(1) as f64,
        line_recall: lcs(&la, &lb) as f64 / la.len().max(1) as f64,
    }
}

#[test]
fn pdf_words_match_corpus_text_layer() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("pdf_words_match_corpus_text_layer") else {
        return;
    };
    for stem in ["A_RES_79_194", "A_C.2_80_L.17", "A_RES_80_16"] {
        let m = pdf_agreement(&corpus, stem);
        eprintln!(
            "{stem}: word recall {:.4}, word precision {:.4}, line recall {:.4}",
            m.word_recall, m.word_precision, m.line_recall
        );
        assert!(
            m.word_recall > 0.99,
            "{stem}: word recall {:.4}",
            m.word_recall
        );
        assert!(
            m.word_precision > 0.99,
            "{stem}: word precision {:.4}",
            m.word_precision
        );
        assert!(
            m.line_recall > 0.97,
            "{stem}: line recall {:.4}",
            m.line_recall
        );
    }
}

/// Every corpus PDF (23 documents, A/RES/79/1 with its 56 pages among them): the words of the
/// corpus text layer found, in order, in our extraction (the README's measured-quality row:
/// 99.97–100 %). Prints each document's word recall, word precision and line recall.
#[test]
fn pdf_words_of_every_corpus_pdf() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("pdf_words_of_every_corpus_pdf") else {
        return;
    };
    let mut pdfs: Vec<_> = std::fs::read_dir(corpus.join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pdfs.sort();
    assert!(pdfs.len() >= 23, "{} corpus PDFs", pdfs.len());
    let mut lowest = 1.0f64;
    for pdf in pdfs {
        let stem = pdf.file_stem().unwrap().to_string_lossy().to_string();
        let m = pdf_agreement(&corpus, &stem);
        println!(
            "{stem}\twords recall {:.4} precision {:.4}\tlines {:.4}",
            m.word_recall, m.word_precision, m.line_recall
        );
        lowest = lowest.min(m.word_recall);
    }
    println!("lowest word recall {lowest:.4}");
    assert!(lowest >= 0.9997, "lowest word recall {lowest:.4}");
}

#[test]
fn source_format_serializes_and_displays() {
    assert_eq!(
        serde_json::to_string(&SourceFormat::Docx).unwrap(),
        "\"Docx\""
    );
    assert_eq!(SourceFormat::Pdf.to_string(), "PDF");
}

/// End to end: for every corpus PDF, parsing our extraction gives the same paragraphs (texts)
/// and footnote count as parsing the corpus text layer of the same document, each read as a
/// user's file would be.
#[test]
fn parsing_pdf_extraction_equals_parsing_corpus_text() {
    let Some(corpus) =
        resdiff::corpus::dir_or_skip("parsing_pdf_extraction_equals_parsing_corpus_text")
    else {
        return;
    };
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(corpus.join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pdfs.sort();
    assert!(
        pdfs.len() >= 20,
        "expected the corpus PDFs, found {}",
        pdfs.len()
    );
    for pdf in pdfs {
        let stem = pdf.file_stem().unwrap().to_string_lossy().to_string();
        // Both files go through the reader, so both get the same normalisation (U+2011 → "-").
        let reference = read_path(&corpus.join("text").join(format!("{stem}.txt")))
            .unwrap()
            .text;
        let ours = resdiff::parse::parse(&read_path(&pdf).unwrap().text);
        let reference = resdiff::parse::parse(&reference);
        let ours_texts: Vec<&str> = ours.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let ref_texts: Vec<&str> = reference
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        if let Some(i) = (0..ours_texts.len().max(ref_texts.len()))
            .find(|&i| ours_texts.get(i) != ref_texts.get(i))
        {
            panic!(
                "{stem}: paragraph {i} differs ({} vs {} paragraphs)\n  from the PDF:  {:?}\n  from the text: {:?}",
                ours_texts.len(),
                ref_texts.len(),
                ours_texts.get(i),
                ref_texts.get(i)
            );
        }
        assert_eq!(
            ours.footnotes.len(),
            reference.footnotes.len(),
            "{stem}: footnotes"
        );
    }
}
