use serde::{Deserialize, Serialize};

use super::FootnoteRef;

/// The role of a paragraph in a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// A preambular paragraph (`Recalling also …,`).
    Preambular,
    /// A numbered operative paragraph (`5. Requests …;`).
    Operative,
    /// A lettered or roman-numbered sub-paragraph (`(a)`, `(i)`) of another paragraph.
    SubParagraph,
    /// A section or annex heading (`I. Introduction`, `Annex`).
    Heading,
    /// A paragraph of a text that was not recognised as a resolution, or that fits no other kind.
    Unstructured,
}

/// Which part of the document a paragraph belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "part")]
pub enum Part {
    /// The resolution itself.
    #[default]
    Body,
    /// An annex; `index` counts from 1 in document order, `label` is as printed (`I`, `II`, or empty).
    Annex {
        /// 1-based annex index.
        index: u32,
        /// The annex label as printed (`I`), empty for a single unnamed annex.
        label: String,
    },
}

/// One paragraph of a resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Stable id, unique in the document: `PP3`, `OP5`, `OP5(a)`, `OP5(a)(i)`, `H2`; annex
    /// paragraphs carry the annex prefix (`AN1.OP3`).
    pub id: String,
    /// Preambular, operative, sub-paragraph, heading or unstructured.
    pub kind: ParagraphKind,
    /// The printed number or label without punctuation: `5` for `5.`, `a` for `(a)`, `I` for a
    /// roman section heading; `None` for preambular paragraphs.
    pub number: Option<String>,
    /// A heading's label exactly as printed, with its punctuation (`IV` in A/RES/79/144, `IV.` in
    /// A/RES/79/1, `Part IV`, `Action 12.`); `None` where the standard form applies (`5.`, `(a)`).
    #[serde(default)]
    pub printed_number: Option<String>,
    /// The lead phrase: `Recalling also`, `Deeply concerned`, `Further requests`.
    pub lead: Option<String>,
    /// The paragraph text without its printed number or label and without footnote reference
    /// digits; wrapped lines joined with single spaces.
    pub text: String,
    /// Id of the parent paragraph for sub-paragraphs (`OP5` for `OP5(a)`).
    pub parent: Option<String>,
    /// The part of the document (body or an annex).
    #[serde(flatten)]
    pub part: Part,
    /// The title of the section heading this paragraph stands under, if any.
    pub section: Option<String>,
    /// Footnote references that stood in the text, in order.
    pub footnote_refs: Vec<FootnoteRef>,
}

impl Paragraph {
    /// True for numbered operative paragraphs and their sub-paragraphs.
    pub fn is_operative_like(&self) -> bool {
        matches!(self.kind, ParagraphKind::Operative)
            || (self.kind == ParagraphKind::SubParagraph
                && self.parent.as_deref().is_some_and(|p| p.contains("OP")))
    }
}
