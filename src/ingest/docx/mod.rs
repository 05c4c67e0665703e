//! DOCX (Office Open XML word-processing) to text: one line per paragraph, automatic numbering
//! rendered as typed labels, tracked deletions skipped, footnotes appended after a rule line.

mod body;
mod numbering;
mod xml;

use std::io::{Cursor, Read};

use body::{FootnoteNumbers, read_part};
use numbering::Numbering;

pub use xml::MAX_XML_DEPTH;

/// Largest unpacked size accepted for one XML part of a DOCX: 32 MiB. The `word/document.xml` of
/// the DOCX test files (A/RES/66/184) is 8-42 kB, and the longest corpus resolution is 220 kB of
/// text; a part that inflates beyond the cap (a zip bomb: a few kB packed) is refused as soon as
/// the cap is passed, whatever size the archive declares, so no more than the cap is unpacked.
pub const MAX_DOCX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// Largest unpacked size accepted for all the parts read from one DOCX together: 64 MiB (the
/// reader reads at most four: document, numbering, styles, footnotes).
pub const MAX_DOCX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// The line placed before the footnotes appended at the end of the text.
pub const FOOTNOTE_RULE: &str = "_______________";

/// What is in a zip archive, as far as ingest cares.
pub(crate) enum ZipKind {
    /// A Word document (`word/document.xml` present).
    Docx,
    /// Another Office or zip-based format, described with an article ("an Excel workbook").
    Other(String),
}

/// Opens the archive.
fn open(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, String> {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("the zip container is damaged or truncated ({e})"))
}

/// Classifies a zip archive by its members. Errors if it cannot be opened.
pub(crate) fn classify_zip(bytes: &[u8]) -> Result<ZipKind, String> {
    let archive = open(bytes)?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let has = |n: &str| names.iter().any(|m| m == n);
    let starts = |p: &str| names.iter().any(|n| n.starts_with(p));
    Ok(if has("word/document.xml") {
        ZipKind::Docx
    } else if starts("xl/") {
        ZipKind::Other("an Excel workbook (.xlsx)".into())
    } else if starts("ppt/") {
        ZipKind::Other("a PowerPoint presentation (.pptx)".into())
    } else if has("mimetype") && has("content.xml") {
        ZipKind::Other("an OpenDocument file (save it as .docx)".into())
    } else if has("[Content_Types].xml") {
        ZipKind::Other("an Office file without a Word document inside".into())
    } else {
        ZipKind::Other("a zip archive".into())
    })
}

/// Reads one member as UTF-8 text; `Ok(None)` if it does not exist. `budget` is what is left of
/// [`MAX_DOCX_TOTAL_BYTES`]; it is reduced by the member's size.
fn read_member(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    member: &str,
    budget: &mut u64,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(member) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot open {member} inside it ({e})")),
    };
    let cap = MAX_DOCX_PART_BYTES.min(*budget);
    let mut raw = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut raw)
        .map_err(|e| format!("cannot unpack {member} inside it ({e})"))?;
    let size = raw.len() as u64;
    if size > MAX_DOCX_PART_BYTES {
        return Err(format!(
            "{member} inside it unpacks to more than {} MiB, the limit for one part (a zip bomb?)",
            MAX_DOCX_PART_BYTES / 1024 / 1024
        ));
    }
    if size > *budget {
        return Err(format!(
            "its parts unpack to more than {} MiB together, the limit for a document (a zip \
             bomb?); the limit was passed in {member}",
            MAX_DOCX_TOTAL_BYTES / 1024 / 1024
        ));
    }
    *budget -= size;
    let text = String::from_utf8(raw).map_err(|_| format!("{member} inside it is not UTF-8"))?;
    Ok(Some(text))
}

/// Text of a DOCX with warnings (plain words, without the file name).
#[derive(Debug)]
pub(crate) struct DocxText {
    /// The lines, LF-separated, ending with LF.
    pub text: String,
    /// Things left out that the user should know about.
    pub warnings: Vec<String>,
}

/// Converts a DOCX to text lines. Errors are plain-word descriptions without the file name (the
/// caller adds it).
pub(crate) fn docx_to_text(bytes: &[u8]) -> Result<DocxText, String> {
    let mut archive = open(bytes)?;
    let mut budget = MAX_DOCX_TOTAL_BYTES;
    let document = read_member(&mut archive, "word/document.xml", &mut budget)?
        .ok_or_else(|| "it has no word/document.xml".to_string())?;
    let mut numbering = match read_member(&mut archive, "word/numbering.xml", &mut budget)? {
        Some(xml) => {
            let styles = read_member(&mut archive, "word/styles.xml", &mut budget)?;
            Some(Numbering::parse(&xml, styles.as_deref())?)
        }
        None => None,
    };
    let mut numbers = FootnoteNumbers::default();
    let body = read_part(
        &document,
        "word/document.xml",
        numbering.as_mut(),
        &mut numbers,
    )?;
    let mut lines = body.lines;
    if !numbers.order.is_empty()
        && let Some(xml) = read_member(&mut archive, "word/footnotes.xml", &mut budget)?
    {
        let mut unused = FootnoteNumbers::default();
        let notes = read_part(&xml, "word/footnotes.xml", None, &mut unused)?;
        lines.push(FOOTNOTE_RULE.to_string());
        for (id, n) in &numbers.order {
            let Some(paras) = notes.footnotes.get(id) else {
                continue;
            };
            let mut first = true;
            for para in paras {
                if first {
                    lines.push(format!("{n} {}", para.trim_start()));
                    first = false;
                } else if !para.trim().is_empty() {
                    lines.push(para.clone());
                }
            }
        }
    }
    let mut warnings = Vec::new();
    if numbers.endnote_refs > 0 {
        warnings.push(format!(
            "{} endnote reference(s) found; endnote texts are not included",
            numbers.endnote_refs
        ));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(DocxText { text, warnings })
}
