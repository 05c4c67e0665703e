//! The flavour-independent intermediate form: head lines, body units, footnotes.

use crate::model::Footnote;

/// What a flavour-specific reader hands to the structuring stage.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Lines before the body (stamp, adoption line, title, sponsors), trimmed; blank lines are kept
    /// as empty strings because they delimit the title.
    pub head: Vec<String>,
    /// Body units in reading order: candidate paragraphs with wrapped lines joined.
    pub units: Vec<String>,
    /// Lines after the body that are only furniture but may hold metadata (ODS flattened stamp).
    pub tail: Vec<String>,
    /// Footnote texts found in the document.
    pub footnotes: Vec<Footnote>,
    /// True when a `The General Assembly,` line (or a title line) marked the start of the body.
    pub found_body_start: bool,
    /// For the text layer of a PDF: the first and last page (counted from 0) of each unit,
    /// parallel to `units`; empty for other layouts.
    pub unit_pages: Vec<(u32, u32)>,
    /// For the text layer of a PDF: the page on which each numbered footnote is printed.
    pub note_pages: std::collections::BTreeMap<u32, u32>,
    /// Things noticed while reading.
    pub warnings: Vec<String>,
}
