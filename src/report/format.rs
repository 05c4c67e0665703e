use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::ReportError;

/// An output format of `resdiff compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One self-contained HTML file (inline CSS, printable).
    Html,
    /// A Word document: the new text with tracked changes against the old.
    Docx,
    /// A PDF redline with embedded font, page numbers and running header.
    Pdf,
    /// Markdown for e-mail or an issue tracker.
    Markdown,
    /// Machine-readable JSON (see [`super::comparison_json`]).
    Json,
    /// One CSV row per aligned pair.
    Csv,
    /// A terminal redline, optionally with ANSI colours.
    Text,
}

impl Format {
    /// All formats, in the order they are documented.
    pub const ALL: [Format; 7] = [
        Format::Html,
        Format::Docx,
        Format::Pdf,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Text,
    ];

    /// The format an output file name asks for, from its extension (case-insensitive):
    /// `html`/`htm`, `docx`, `pdf`, `md`/`markdown`, `json`, `csv`, `txt`/`text`.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The name accepted by [`FromStr`] (`html`, `docx`, `pdf`, `md`, `json`, `csv`, `text`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Text => "text",
        }
    }

    /// The usual file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            other => other.name(),
        }
    }

    /// True for formats whose output is not UTF-8 text (DOCX, PDF): not for a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ReportError;

    /// Parse `html|docx|pdf|md|json|csv|text` (also `markdown`, `txt`), case-insensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "text" | "txt" => Ok(Format::Text),
            _ => Err(ReportError::UnknownFormat(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_extensions_map() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().unwrap(), f);
            let p = format!("out/report.{}", f.extension());
            assert_eq!(Format::from_extension(Path::new(&p)), Some(f));
        }
        assert_eq!(
            Format::from_extension(Path::new("X.HTM")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_extension(Path::new("x.rtf")), None);
        assert_eq!(Format::from_extension(Path::new("noext")), None);
        let err = "xlsx".parse::<Format>().unwrap_err();
        assert!(err.to_string().contains("xlsx"), "{err}");
    }
}
