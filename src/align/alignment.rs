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

    /// The status of the same link seen from the other side (`compare B A` for `compare A B`):
    /// added ↔ removed, split ↔ merged, everything else unchanged.
    pub fn mirrored(self) -> Status {
        match self {
            Status::Added => Status::Removed,
            Status::Removed => Status::Added,
            Status::Split => Status::Merged,
            Status::Merged => Status::Split,
            s => s,
        }
    }
}

/// Why a 1–1 link whose texts share little (word similarity below
/// [`crate::align::SIMILARITY_FLOOR`], or below [`crate::align::MOVE_FLOOR`] for a moved link) is
/// nevertheless a link: the structural evidence the aligner found. A weak link without one of
/// these (a moved one without a [textual](LinkReason::is_textual) one) is never made; both sides
/// are reported removed and added instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkReason {
    /// Same slot: the matched neighbours on both sides are linked to each other, the two
    /// paragraphs are of the same kind, open with the same lead verb and share a distinctive
    /// subject word.
    SameSlot,
    /// Both recall or cite the same instrument (the same resolution, decision or document
    /// symbol), and no other paragraph of either side cites it.
    SameInstrument,
    /// Both name the same part of an instrument (`paragraph 5 of resolution 78/238`).
    SameParagraphReference,
    /// The newer paragraph names the older one: `Recalls paragraph 22 of its resolution 65/141`
    /// in the text that follows 65/141, whose paragraph 22 it is.
    NamesItsPredecessor,
    /// Both hold the same phrase that no other paragraph of either document holds: five words
    /// (three of them distinctive), or a proper name of two or more capitalised words
    /// (`Summit of the Future`): the same subject, named the same way.
    SharedUniquePhrase,
    /// Both open with the same lead phrase (`Looks forward`), share some distinctive wording,
    /// and every other paragraph of their kind with that lead on either side is linked to one
    /// with the same lead: they are the only two left.
    UniqueLead,
}

impl LinkReason {
    /// Whether the reason is found in the two texts themselves (one names the other, both name
    /// the same paragraph of an instrument, both recall the same instrument, both hold the same
    /// unique phrase), not in their neighbourhood or lead phrase. Only such a reason keeps a
    /// moved link below [`crate::align::MOVE_FLOOR`].
    pub fn is_textual(self) -> bool {
        match self {
            LinkReason::SameInstrument
            | LinkReason::SameParagraphReference
            | LinkReason::NamesItsPredecessor
            | LinkReason::SharedUniquePhrase => true,
            LinkReason::SameSlot | LinkReason::UniqueLead => false,
        }
    }

    /// Lower-case name as used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkReason::SameSlot => "same_slot",
            LinkReason::SameInstrument => "same_instrument",
            LinkReason::SameParagraphReference => "same_paragraph_reference",
            LinkReason::NamesItsPredecessor => "names_its_predecessor",
            LinkReason::SharedUniquePhrase => "shared_unique_phrase",
            LinkReason::UniqueLead => "unique_lead",
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
    /// The structural evidence of a 1–1 modified or moved link whose word similarity is below
    /// [`crate::align::SIMILARITY_FLOOR`], or of a moved link below [`crate::align::MOVE_FLOOR`]
    /// (then always [textual](LinkReason::is_textual)); `None` for every other link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<LinkReason>,
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
