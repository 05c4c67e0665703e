//! The result of reading a file: normalised text plus what was detected on the way.

use super::SourceFormat;

/// A document turned into normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    /// The text, normalised (LF line ends, no soft hyphens or zero-width characters, special
    /// spaces as plain spaces, ligatures expanded). Line structure is kept as in the source.
    pub text: String,
    /// The format the content was read as.
    pub format: SourceFormat,
    /// The character encoding used to decode it (`UTF-8`, `UTF-16LE`, `windows-1252`, …); for
    /// DOCX and PDF the encoding of the container's text (`UTF-8` / `PDF text layer`).
    pub encoding: String,
    /// Things the user should know (wrong extension, undecodable bytes replaced, …).
    pub warnings: Vec<String>,
}
