use serde::{Deserialize, Serialize};

use super::{Footnote, Metadata, Paragraph};

/// Which of the text layouts met in real life a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFlavour {
    /// The UN Official Document System plain-text export (tab-led lines, `<<ODS …>>` markers).
    OdsExport,
    /// One paragraph per line, no stamp (the UN parallel corpus layout).
    LinePerParagraph,
    /// The text layer of an official PDF: hard-wrapped lines, running headers, footnote blocks.
    PdfText,
    /// Not recognised; paragraphs split on blank lines.
    #[default]
    Plain,
}

/// A parsed resolution (or draft, or an unrecognised text as a list of paragraphs).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Resolution {
    /// Metadata from the stamp and closing lines.
    pub meta: Metadata,
    /// All paragraphs in document order: body first, then annexes (see [`Paragraph::part`]).
    pub paragraphs: Vec<Paragraph>,
    /// Footnotes in number order.
    pub footnotes: Vec<Footnote>,
    /// The text layout the document was read from.
    pub flavour: TextFlavour,
    /// False when the text was not recognised as a resolution and its paragraphs are unstructured.
    pub structured: bool,
    /// Things the parser noticed and worked around (never silent loss).
    pub warnings: Vec<String>,
}

impl Resolution {
    /// The paragraph with this id.
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }

    /// The footnote with this number.
    pub fn footnote(&self, number: u32) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == number)
    }

    /// A short label for UI and reports: the symbol, else the title, else `fallback`.
    pub fn label<'a>(&'a self, fallback: &'a str) -> &'a str {
        self.meta
            .symbol
            .as_deref()
            .or(self.meta.title.as_deref())
            .unwrap_or(fallback)
    }
}
