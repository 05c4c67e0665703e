use serde::{Deserialize, Serialize};

/// Whether a change between two paragraphs matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The texts are identical.
    #[default]
    None,
    /// Only symbols, dates, years, session ordinals or report symbols changed.
    Routine,
    /// Anything else.
    Substantive,
}

/// Direction of a lead-phrase change on the strength scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The new lead phrase is stronger on the same scale (`Encourages` → `Urges`).
    Stronger,
    /// The new lead phrase is weaker on the same scale.
    Weaker,
    /// Same rank, or the two phrases are on different scales / not on any scale.
    Neutral,
}

/// A changed lead phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadChange {
    /// Old lead phrase as printed.
    pub old: String,
    /// New lead phrase as printed.
    pub new: String,
    /// Stronger, weaker or neutral.
    pub direction: Direction,
    /// Name of the scale both phrases were found on (`exhortation`, `approval`, `concern`), if any.
    pub scale: Option<String>,
}

/// A footnote change inside a paragraph pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum FootnoteChange {
    /// A footnote reference present only in the new paragraph.
    Added {
        /// Footnote text in the new document.
        text: String,
    },
    /// A footnote reference present only in the old paragraph.
    Removed {
        /// Footnote text in the old document.
        text: String,
    },
    /// A footnote whose text changed.
    Changed {
        /// Old footnote text.
        old: String,
        /// New footnote text.
        new: String,
    },
}

/// The classification of one paragraph pair.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Classification {
    /// None, routine or substantive.
    pub kind: ChangeKind,
    /// The lead-phrase change, when the lead phrase differs.
    pub lead_change: Option<LeadChange>,
    /// Footnote changes attached to this pair.
    pub footnotes: Vec<FootnoteChange>,
    /// References to other documents (resolution and report symbols) only in the new text.
    pub references_added: Vec<String>,
    /// References to other documents only in the old text.
    pub references_removed: Vec<String>,
}
