use serde::{Deserialize, Serialize};

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

/// One row of an [`Alignment`]: old paragraph(s) linked to new paragraph(s).
///
/// Indices point into `old.paragraphs` / `new.paragraphs` of the two aligned resolutions. A 1–1
/// link has one index on each side, an added paragraph none on the old side, a removed one none on
/// the new side, a split one old and several new, a merge several old and one new.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Indices of old paragraphs, ascending (empty when added).
    pub old: Vec<usize>,
    /// Indices of new paragraphs, ascending (empty when removed).
    pub new: Vec<usize>,
    /// What happened to the paragraph(s).
    pub status: Status,
    /// The printed number changed (`OP17` → `OP19`); also set on moved or modified links.
    pub renumbered: bool,
    /// The matching score that linked the two sides (cosine of the normalised texts, 0–1;
    /// 1 for exact normalised matches, 0 for added/removed).
    pub score: f64,
}

/// The result of [`crate::align::align`]: every paragraph of both documents in exactly one link.
///
/// Links are in reading order of the new document; a removed paragraph is placed right after the
/// link of its nearest matched old predecessor (at the start when it has none).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Alignment {
    /// The links, in display order.
    pub links: Vec<Link>,
    /// Things the aligner noticed and worked around (e.g. candidate search capped).
    pub warnings: Vec<String>,
}

impl Alignment {
    /// The 1–1 and n–m paragraph links as `(old index, new index)` pairs, plus `(Some, None)` for
    /// removed and `(None, Some)` for added paragraphs: the form the gold standard is written in.
    pub fn index_links(&self) -> Vec<(Option<usize>, Option<usize>)> {
        let mut out = Vec::new();
        for link in &self.links {
            match (link.old.is_empty(), link.new.is_empty()) {
                (true, _) => out.extend(link.new.iter().map(|&n| (None, Some(n)))),
                (_, true) => out.extend(link.old.iter().map(|&o| (Some(o), None))),
                _ => {
                    for &o in &link.old {
                        out.extend(link.new.iter().map(|&n| (Some(o), Some(n))));
                    }
                }
            }
        }
        out
    }
}
