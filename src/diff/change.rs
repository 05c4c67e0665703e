use serde::{Deserialize, Serialize};

/// Whether a change between two paragraphs matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The texts are identical.
    #[default]
    None,
    /// Every change is the annual rollover between the documents (each routine op says why), and
    /// footnote texts changed, if at all, only by that rollover.
    Routine,
    /// The paragraph text is unchanged or changed only by the rollover, but its footnotes changed:
    /// a footnote reference was added or removed, or a footnote text changed otherwise. As
    /// important as a substantive change (see [`ChangeKind::is_substantive`]).
    Footnote,
    /// Anything else.
    Substantive,
}

impl ChangeKind {
    /// True for changes a reader must see: `Substantive` and `Footnote`.
    pub fn is_substantive(self) -> bool {
        matches!(self, ChangeKind::Substantive | ChangeKind::Footnote)
    }
}

/// Direction of a lead-phrase change on the strength scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The new lead phrase is stronger on the same scale (`Encourages` → `Urges`).
    Stronger,
    /// The new lead phrase is weaker on the same scale.
    Weaker,
    /// Same rank, or the two phrases are on different scales / not on any scale, or the paragraph
    /// moved between preamble and operative part (see [`LeadChange::kind_change`]).
    Neutral,
    /// Approval turned into concern, condemnation or withheld approval, or back (`Welcomes` →
    /// `Condemns`, `Welcomes` → `Does not welcome`).
    Reversed,
}

/// A move of a paragraph between the preamble and the operative part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindChange {
    /// An operative paragraph became preambular: a demotion (the Assembly no longer acts on it).
    OperativeToPreambular,
    /// A preambular paragraph became operative: a promotion.
    PreambularToOperative,
}

impl KindChange {
    /// `operative_to_preambular` or `preambular_to_operative`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            KindChange::OperativeToPreambular => "operative_to_preambular",
            KindChange::PreambularToOperative => "preambular_to_operative",
        }
    }
}

/// A changed lead phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadChange {
    /// Old lead phrase as printed.
    pub old: String,
    /// New lead phrase as printed.
    pub new: String,
    /// Stronger, weaker, neutral or reversed.
    pub direction: Direction,
    /// Name of the scale both phrases were found on (`exhortation`, `approval`, `concern`,
    /// `affirmation`; `decision` when a decision is compared with another lead), if any.
    pub scale: Option<String>,
    /// The paragraph moved between preamble and operative part; the direction is then never a
    /// strength change of the verb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_change: Option<KindChange>,
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
        /// Why the change is routine, when it is the annual rollover (`report A/78/… → A/79/…:
        /// session +1 = document gap`); `None` when it is substantive.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        routine_reason: Option<String>,
    },
}

/// The classification of one paragraph pair.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Classification {
    /// None, routine, footnote or substantive.
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
