//! Reading a file into text: format and encoding detection, normalisation.
//!
//! [`read_path`] checks the file (exists, is a file, size under [`MAX_FILE_BYTES`]) before reading
//! it; [`decode`] detects the format from the content (magic bytes and structure, the extension
//! only as a hint), converts DOCX, PDF and HTML to text lines, decodes plain text (BOM, UTF-16
//! pattern, UTF-8, else a guessed legacy encoding such as windows-1252) and normalises the result
//! (see [`normalize::normalize`]).

mod docx;
mod encoding;
mod error;
mod format;
mod html;
mod ingested;
pub mod normalize;
mod pdf;
mod pdf_limits;
mod sniff;

use std::path::Path;

pub use docx::{FOOTNOTE_RULE, MAX_DOCX_PART_BYTES, MAX_DOCX_TOTAL_BYTES, MAX_XML_DEPTH};
pub use error::IngestError;
pub use format::SourceFormat;
pub use ingested::Ingested;
pub use pdf::{MAX_PDF_GLYPHS, PDF_THREAD_NAME, PDF_TIME_BASE, PDF_TIME_PER_MIB, pdf_time_limit};
pub use pdf_limits::{MAX_PDF_CMAP_CODES, MAX_PDF_INFLATED_BYTES, MAX_PDF_STREAM_BYTES};

use sniff::Magic;

/// Largest file accepted: 50 MiB. Checked from the file's metadata before it is read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Reads the file at `path` and turns it into normalised text.
///
/// The file is checked before reading: a missing path, a directory or a file larger than
/// [`MAX_FILE_BYTES`] is an error naming the file. Messages use the path as given.
pub fn read_path(path: &Path) -> Result<Ingested, IngestError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            IngestError::NotFound { name: name.clone() }
        } else {
            IngestError::Io {
                name: name.clone(),
                source,
            }
        }
    })?;
    if meta.is_dir() {
        return Err(IngestError::IsDirectory { name });
    }
    check_size(&name, meta.len())?;
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        name: name.clone(),
        source,
    })?;
    // The file may have grown between the metadata check and the read.
    check_size(&name, bytes.len() as u64)?;
    decode(&bytes, &name)
}

/// Errors when `size` exceeds [`MAX_FILE_BYTES`].
fn check_size(name: &str, size: u64) -> Result<(), IngestError> {
    if size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            name: name.to_string(),
            size,
            size_mib: size as f64 / (1024.0 * 1024.0),
            max_mib: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// Turns the bytes of a file into normalised text. `name` is used in messages and its extension
/// as a hint (a PDF or DOCX with another extension is read as what it is, with a warning).
pub fn decode(bytes: &[u8], name: &str) -> Result<Ingested, IngestError> {
    check_size(name, bytes.len() as u64)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty {
            name: name.to_string(),
        });
    }
    let extension = extension_of(name);
    let mut warnings = Vec::new();
    let (text, format, encoding) = match sniff::magic(bytes) {
        Magic::Pdf => {
            let text = pdf::pdf_to_text(bytes).map_err(|detail| IngestError::BadPdf {
                name: name.to_string(),
                detail,
            })?;
            warnings.extend(text.warnings.into_iter().map(|w| format!("{name}: {w}")));
            (text.text, SourceFormat::Pdf, "PDF text layer".to_string())
        }
        Magic::Zip => match docx::classify_zip(bytes) {
            Ok(docx::ZipKind::Docx) => {
                let docx = docx::docx_to_text(bytes).map_err(|detail| IngestError::BadDocx {
                    name: name.to_string(),
                    detail,
                })?;
                warnings.extend(docx.warnings.into_iter().map(|w| format!("{name}: {w}")));
                (docx.text, SourceFormat::Docx, "UTF-8 (DOCX)".to_string())
            }
            Ok(docx::ZipKind::Other(what)) => {
                return Err(IngestError::Unsupported {
                    name: name.to_string(),
                    what,
                });
            }
            Err(detail) => {
                return Err(IngestError::BadDocx {
                    name: name.to_string(),
                    detail,
                });
            }
        },
        Magic::Unsupported(what) => {
            return Err(IngestError::Unsupported {
                name: name.to_string(),
                what: what.to_string(),
            });
        }
        Magic::None => {
            let mut decoded = encoding::decode_text(bytes, name)?;
            let is_html = html::looks_like_html(&decoded.text);
            // A guessed encoding yields to the page's own declaration.
            if is_html
                && decoded.guessed
                && let Some(declared) = html::declared_charset(&decoded.text)
            {
                decoded = encoding::decode_declared(declared, bytes, name);
            }
            warnings.extend(decoded.warnings);
            if is_html {
                (
                    html::html_to_text(&decoded.text),
                    SourceFormat::Html,
                    decoded.encoding,
                )
            } else {
                (decoded.text, SourceFormat::Text, decoded.encoding)
            }
        }
    };
    if let Some(ext) = extension.as_deref()
        && !format.extensions().contains(&ext)
        && matches!(format, SourceFormat::Pdf | SourceFormat::Docx)
    {
        warnings.push(format!(
            "{name} has the extension .{ext} but is a {format}; it was read as {format}"
        ));
    }
    if format == SourceFormat::Text
        && let Some(ext) = extension.as_deref()
        && matches!(ext, "pdf" | "docx")
    {
        warnings.push(format!(
            "{name} has the extension .{ext} but holds plain text; it was read as text"
        ));
    }
    let text = normalize::normalize(&text);
    if text.trim().is_empty() {
        return Err(match format {
            SourceFormat::Pdf => IngestError::NoText {
                name: name.to_string(),
                hint: " (it may be a scanned PDF without a text layer)".to_string(),
            },
            SourceFormat::Text => IngestError::Empty {
                name: name.to_string(),
            },
            SourceFormat::Docx | SourceFormat::Html => IngestError::NoText {
                name: name.to_string(),
                hint: String::new(),
            },
        });
    }
    Ok(Ingested {
        text,
        format,
        encoding,
        warnings,
    })
}

/// The lower-case extension of a file name, if any.
fn extension_of(name: &str) -> Option<String> {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}
