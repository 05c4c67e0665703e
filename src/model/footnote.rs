use serde::{Deserialize, Serialize};

/// A footnote of the document: its printed number and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The printed footnote number (`1`, `2`, …).
    pub number: u32,
    /// The footnote text, without its number, wrapped lines joined.
    pub text: String,
}

/// Where a footnote reference stood in a paragraph.
///
/// The reference digits themselves are removed from [`crate::model::Paragraph::text`]; `offset` is the
/// byte offset in that cleaned text right after the word or punctuation the reference was glued to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteRef {
    /// The footnote number the reference points to.
    pub number: u32,
    /// Byte offset into the paragraph's cleaned text (always on a char boundary).
    pub offset: usize,
}
