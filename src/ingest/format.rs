//! The kind of document a file was read as.

use serde::Serialize;
use std::fmt;

/// The format a document was detected as (from its content, not only its extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SourceFormat {
    /// Plain text in some character encoding.
    Text,
    /// A Word document in Office Open XML (.docx).
    Docx,
    /// A PDF with a text layer.
    Pdf,
    /// An HTML page.
    Html,
}

impl SourceFormat {
    /// The usual file extensions of this format, lower case, without dot.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            SourceFormat::Text => &["txt", "text", "md", ""],
            SourceFormat::Docx => &["docx", "docm", "dotx"],
            SourceFormat::Pdf => &["pdf"],
            SourceFormat::Html => &["html", "htm", "xhtml"],
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceFormat::Text => "plain text",
            SourceFormat::Docx => "Word document (.docx)",
            SourceFormat::Pdf => "PDF",
            SourceFormat::Html => "HTML",
        })
    }
}
