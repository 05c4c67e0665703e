//! The one `Comparison` value that every front end (CLI, GUI, reports) renders.

use serde::{Deserialize, Serialize};

use crate::diff::{Classification, DiffOp, LeadChange};
use crate::model::Resolution;

/// What happened to a paragraph between the old and the new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Same text, same number, same relative position.
    Unchanged,
    /// Same text, same relative position, but a different printed number (`OP17` → `OP19`).
    Renumbered,
    /// Text changed, same relative position.
    Modified,
    /// Out of order relative to the longest in-order run of matched pairs (text may also differ).
    Moved,
    /// One old paragraph became several new ones.
    Split,
    /// Several old paragraphs became one new one.
    Merged,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Status; 8] = [
        Status::Unchanged,
        Status::Renumbered,
        Status::Modified,
        Status::Moved,
        Status::Split,
        Status::Merged,
        Status::Added,
        Status::Removed,
    ];

    /// Lower-case name as used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Renumbered => "renumbered",
            Status::Modified => "modified",
            Status::Moved => "moved",
            Status::Split => "split",
            Status::Merged => "merged",
            Status::Added => "added",
            Status::Removed => "removed",
        }
    }
}

/// One aligned row: old paragraph(s) ↔ new paragraph(s).
///
/// `old` and `new` hold indices into `Comparison::old.paragraphs` / `Comparison::new.paragraphs`.
/// A 1–1 pair has one index on each side; an added paragraph has none on the old side; a split has
/// one old and several new; a merge several old and one new. For several paragraphs on one side,
/// `ops` diff the texts joined with `"\n"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Indices of old paragraphs (empty when added).
    pub old: Vec<usize>,
    /// Indices of new paragraphs (empty when removed).
    pub new: Vec<usize>,
    /// What happened.
    pub status: Status,
    /// The printed operative number changed (recorded also for moved/modified pairs).
    pub renumbered: bool,
    /// Similarity of the two texts, 0–1 (1 for identical; 0 for added/removed).
    pub similarity: f64,
    /// Word-level diff of old text → new text.
    pub ops: Vec<DiffOp>,
    /// Routine vs substantive, lead-phrase change, footnotes, references.
    pub class: Classification,
}

/// Counts of pairs per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Unchanged pairs.
    pub unchanged: usize,
    /// Renumbered pairs.
    pub renumbered: usize,
    /// Modified pairs.
    pub modified: usize,
    /// Moved pairs.
    pub moved: usize,
    /// Split pairs.
    pub split: usize,
    /// Merged pairs.
    pub merged: usize,
    /// Added paragraphs.
    pub added: usize,
    /// Removed paragraphs.
    pub removed: usize,
}

impl StatusCounts {
    /// Count one pair of `status`.
    pub fn add(&mut self, status: Status) {
        *self.get_mut(status) += 1;
    }

    /// The count for `status`.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Unchanged => self.unchanged,
            Status::Renumbered => self.renumbered,
            Status::Modified => self.modified,
            Status::Moved => self.moved,
            Status::Split => self.split,
            Status::Merged => self.merged,
            Status::Added => self.added,
            Status::Removed => self.removed,
        }
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Unchanged => &mut self.unchanged,
            Status::Renumbered => &mut self.renumbered,
            Status::Modified => &mut self.modified,
            Status::Moved => &mut self.moved,
            Status::Split => &mut self.split,
            Status::Merged => &mut self.merged,
            Status::Added => &mut self.added,
            Status::Removed => &mut self.removed,
        }
    }

    /// Pairs that are not unchanged.
    pub fn changed(&self) -> usize {
        Status::ALL
            .iter()
            .filter(|s| **s != Status::Unchanged)
            .map(|s| self.get(*s))
            .sum()
    }
}

/// Counts for one section of the document (preambular, operative, an annex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionCounts {
    /// `preambular`, `operative`, `annex 1`, …
    pub section: String,
    /// Counts of the pairs in that section.
    pub counts: StatusCounts,
}

/// One entry of the operative renumbering map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renumbering {
    /// Old paragraph id (`OP17`).
    pub old: String,
    /// New paragraph id (`OP19`).
    pub new: String,
}

/// A lead-phrase change with the ids it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadChangeEntry {
    /// Index of the pair in `Comparison::pairs`.
    pub pair: usize,
    /// Old paragraph id.
    pub old_id: String,
    /// New paragraph id.
    pub new_id: String,
    /// The change.
    pub change: LeadChange,
}

/// A document reference added or removed, with where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceChange {
    /// Index of the pair in `Comparison::pairs`.
    pub pair: usize,
    /// The symbol (`65/141`, `A/66/437`).
    pub reference: String,
    /// True when added, false when removed.
    pub added: bool,
}

/// Everything a reader wants to know before reading the rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Counts per status over all pairs.
    pub counts: StatusCounts,
    /// Counts per section.
    pub sections: Vec<SectionCounts>,
    /// Pairs whose only changes are routine updates.
    pub routine: usize,
    /// Pairs with substantive changes.
    pub substantive: usize,
    /// The full operative renumbering map (old id → new id), in new order.
    pub renumbering: Vec<Renumbering>,
    /// Lead-phrase changes, in new order.
    pub lead_changes: Vec<LeadChangeEntry>,
    /// References to other documents added or removed.
    pub reference_changes: Vec<ReferenceChange>,
    /// Overall similarity of the two documents, 0–1.
    pub similarity: f64,
}

/// The result of comparing two resolutions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The old document.
    pub old: Resolution,
    /// The new document.
    pub new: Resolution,
    /// Aligned rows, in reading order of the new document (removed paragraphs placed where they stood).
    pub pairs: Vec<Pair>,
    /// Summary counts and maps.
    pub summary: Summary,
    /// Problems met while comparing (deadline hit, etc.); never silent.
    pub warnings: Vec<String>,
}
