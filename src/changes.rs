//! The list of changes of a [`Comparison`]: one entry per changed pair, with what kind of change
//! it is, how consequential, and a one-line excerpt of the changed words.
//!
//! This is the engine's reading of a comparison for a reader who wants the most consequential
//! change first (the app's change list and triage order present it; nothing here knows about a
//! window). The rules, all auditable:
//!
//! - A pair whose only change is its number or its place **without** a text change is not a
//!   change here when it was only renumbered (the renumbering map lists it); a moved paragraph
//!   is (its place in the order of the paragraphs can matter).
//! - A pair whose every text change is the annual rollover ([`ChangeKind::Routine`], each run
//!   carrying its rule) is *routine*: listed, in a group of its own (a reference the rollover
//!   adds, such as the old document joining a list, is part of it). A moved, split, merged,
//!   added or removed paragraph is never routine.
//! - Every other change gets all the [`ChangeType`]s that apply to it; the most consequential is
//!   its [`Change::kind`]. Consequence, most first: a new or removed operative paragraph; a
//!   lead-phrase reversal, then a weakening; a changed number, date or deadline (any digit, month
//!   or number word in a changed non-routine run); a reference to another document added or
//!   removed; a new or removed preambular paragraph; a stronger or otherwise changed lead
//!   phrase; a split or merge; changed footnotes; a move; other wording. A one-line label names
//!   every type, the main kind first and a lead-phrase change next
//!   ([`Change::display_types`]), and the excerpt opens with the changed lead phrase, so that a
//!   lead-phrase change is never hidden behind a more consequential kind.
//! - The triage order ([`triage_order`]) puts operative paragraphs before annexes, annexes
//!   before the preamble, then ranks by kind, then keeps document order; routine changes come
//!   last.

use serde::{Deserialize, Serialize};

use crate::compare::{Comparison, Pair, Status};
use crate::diff::{ChangeKind, Direction, FootnoteChange, OpKind};
use crate::model::{Paragraph, ParagraphKind, Part};

/// What kind of change a pair holds. The order of the variants is their consequence, most
/// consequential first (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeType {
    /// A new operative paragraph (or annex paragraph).
    OperativeAdded,
    /// An operative paragraph (or annex paragraph) removed.
    OperativeRemoved,
    /// The lead phrase turned from approval to concern or back.
    LeadReversed,
    /// The lead phrase is weaker on its scale.
    LeadWeaker,
    /// A number, date, year or deadline changed (not by the annual rollover).
    Numbers,
    /// A reference to another document added or removed.
    References,
    /// A new preambular paragraph.
    PreambularAdded,
    /// A preambular paragraph removed.
    PreambularRemoved,
    /// The lead phrase is stronger on its scale.
    LeadStronger,
    /// The lead phrase changed otherwise (same rank, another scale, or the paragraph moved
    /// between preamble and operative part).
    LeadChanged,
    /// One paragraph became several.
    Split,
    /// Several paragraphs became one.
    Merged,
    /// Footnotes added, removed or changed.
    Footnotes,
    /// The paragraph moved to another place in the order.
    Moved,
    /// Other wording changed.
    Wording,
    /// Only the annual rollover (each change says which rule made it routine).
    Routine,
}

impl ChangeType {
    /// Every type, most consequential first.
    pub const ALL: [ChangeType; 16] = [
        ChangeType::OperativeAdded,
        ChangeType::OperativeRemoved,
        ChangeType::LeadReversed,
        ChangeType::LeadWeaker,
        ChangeType::Numbers,
        ChangeType::References,
        ChangeType::PreambularAdded,
        ChangeType::PreambularRemoved,
        ChangeType::LeadStronger,
        ChangeType::LeadChanged,
        ChangeType::Split,
        ChangeType::Merged,
        ChangeType::Footnotes,
        ChangeType::Moved,
        ChangeType::Wording,
        ChangeType::Routine,
    ];

    /// A short label (`new operative paragraph`, `lead phrase weaker`).
    pub fn label(self) -> &'static str {
        match self {
            ChangeType::OperativeAdded => "new operative paragraph",
            ChangeType::OperativeRemoved => "operative paragraph removed",
            ChangeType::LeadReversed => "lead phrase reversed",
            ChangeType::LeadWeaker => "lead phrase weaker",
            ChangeType::Numbers => "numbers or dates",
            ChangeType::References => "references",
            ChangeType::PreambularAdded => "new preambular paragraph",
            ChangeType::PreambularRemoved => "preambular paragraph removed",
            ChangeType::LeadStronger => "lead phrase stronger",
            ChangeType::LeadChanged => "lead phrase changed",
            ChangeType::Split => "split",
            ChangeType::Merged => "merged",
            ChangeType::Footnotes => "footnotes",
            ChangeType::Moved => "moved",
            ChangeType::Wording => "wording",
            ChangeType::Routine => "routine update",
        }
    }

    /// The consequence rank: 0 is the most consequential.
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// True for the four lead-phrase types.
    pub fn is_lead(self) -> bool {
        matches!(
            self,
            ChangeType::LeadReversed
                | ChangeType::LeadWeaker
                | ChangeType::LeadStronger
                | ChangeType::LeadChanged
        )
    }
}

/// Where a paragraph stands, in triage order: operative first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The operative part (operative paragraphs, their sub-paragraphs, headings).
    Operative,
    /// An annex.
    Annex,
    /// The preamble.
    Preambular,
    /// Text the parser could not place.
    Other,
}

/// One change: one changed pair of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Index of the pair in [`Comparison::pairs`].
    pub pair: usize,
    /// The paragraph ids: `OP5`, `OP17 → OP19`, `OP3 → OP3 + OP4`.
    pub ids: String,
    /// The most consequential type of the change.
    pub kind: ChangeType,
    /// Every type that applies, most consequential first (`kind` is the first).
    pub types: Vec<ChangeType>,
    /// Where the paragraph stands (the new one, else the old one).
    pub section: Section,
    /// A one-line excerpt of what changed: the lead phrases when they changed, then the deleted
    /// and inserted words (`“sixty-sixth” → “sixty-seventh”`) — for a change of numbers or
    /// references the words that hold them first, cut around them — or the start of an added or
    /// removed paragraph.
    pub excerpt: String,
}

impl Change {
    /// Only the annual rollover: listed in the routine group.
    pub fn is_routine(&self) -> bool {
        self.kind == ChangeType::Routine
    }

    /// Whether the change has this type (not only as its main kind).
    pub fn has(&self, t: ChangeType) -> bool {
        self.types.contains(&t)
    }

    /// Whether the lead phrase changed.
    pub fn has_lead(&self) -> bool {
        self.types.iter().any(|t| t.is_lead())
    }

    /// The types in the order a one-line label names them: the main kind first, then a
    /// lead-phrase change (so that a paragraph whose numbers changed too never hides that its
    /// lead phrase did), then the others by consequence.
    pub fn display_types(&self) -> Vec<ChangeType> {
        let mut out = vec![self.kind];
        out.extend(
            self.types
                .iter()
                .copied()
                .filter(|t| t.is_lead() && *t != self.kind),
        );
        out.extend(
            self.types
                .iter()
                .copied()
                .filter(|t| !t.is_lead() && *t != self.kind),
        );
        out
    }

    /// Every type's label, in [`Self::display_types`] order: `numbers or dates, lead phrase
    /// changed, wording`.
    pub fn kinds_label(&self) -> String {
        self.display_types()
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Longest excerpt, in characters.
pub const EXCERPT_CHARS: usize = 140;

/// The changes of a comparison, in document order (the order of [`Comparison::pairs`]).
pub fn changes(c: &Comparison) -> Vec<Change> {
    c.pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| change_of(c, i, p))
        .collect()
}

/// The indices of `changes` in triage order: non-routine before routine, then operative before
/// annex before preambular, then by consequence of the kind, then in document order.
pub fn triage_order(changes: &[Change]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..changes.len()).collect();
    idx.sort_by_key(|&i| {
        let ch = &changes[i];
        (ch.is_routine(), ch.section, ch.kind.rank(), ch.pair)
    });
    idx
}

/// Whether a pair is a change in the sense of this module (see the module documentation).
pub fn is_listed(pair: &Pair) -> bool {
    match pair.status {
        Status::Unchanged | Status::Renumbered => pair.class.kind != ChangeKind::None,
        _ => true,
    }
}

fn change_of(c: &Comparison, i: usize, p: &Pair) -> Option<Change> {
    if !is_listed(p) {
        return None;
    }
    let olds: Vec<&Paragraph> = p
        .old
        .iter()
        .filter_map(|&k| c.old.paragraphs.get(k))
        .collect();
    let news: Vec<&Paragraph> = p
        .new
        .iter()
        .filter_map(|&k| c.new.paragraphs.get(k))
        .collect();
    let first = news.first().or(olds.first()).copied();
    let section = first.map_or(Section::Other, section_of);
    let operative = matches!(section, Section::Operative | Section::Annex);
    let mut types: Vec<ChangeType> = Vec::new();
    match p.status {
        Status::Added => types.push(if operative {
            ChangeType::OperativeAdded
        } else {
            ChangeType::PreambularAdded
        }),
        Status::Removed => types.push(if operative {
            ChangeType::OperativeRemoved
        } else {
            ChangeType::PreambularRemoved
        }),
        Status::Split => types.push(ChangeType::Split),
        Status::Merged => types.push(ChangeType::Merged),
        Status::Moved => types.push(ChangeType::Moved),
        _ => {}
    }
    if let Some(lc) = &p.class.lead_change {
        types.push(match lc.direction {
            Direction::Reversed => ChangeType::LeadReversed,
            Direction::Weaker => ChangeType::LeadWeaker,
            Direction::Stronger => ChangeType::LeadStronger,
            Direction::Neutral => ChangeType::LeadChanged,
        });
    }
    let two_sided = !olds.is_empty() && !news.is_empty();
    let substantive_runs = two_sided
        && p.ops
            .iter()
            .any(|o| o.op != OpKind::Equal && !o.routine && !o.text.trim().is_empty());
    if two_sided && numbers_changed(p) {
        types.push(ChangeType::Numbers);
    }
    // In a routine pair every changed word is explained by a rollover rule, the reference to
    // the old document it adds included: nothing but the rollover to list.
    let routine_text = p.class.kind == ChangeKind::Routine;
    if !routine_text
        && (!p.class.references_added.is_empty() || !p.class.references_removed.is_empty())
    {
        types.push(ChangeType::References);
    }
    let footnotes_matter = p.class.footnotes.iter().any(|f| match f {
        FootnoteChange::Changed { routine_reason, .. } => routine_reason.is_none(),
        _ => true,
    });
    if footnotes_matter {
        types.push(ChangeType::Footnotes);
    }
    if substantive_runs && p.class.kind == ChangeKind::Substantive {
        types.push(ChangeType::Wording);
    }
    if types.is_empty() {
        // Only the rollover: the text (or a footnote) changed by routine rules alone.
        types.push(if p.class.kind == ChangeKind::Routine {
            ChangeType::Routine
        } else {
            ChangeType::Wording
        });
    }
    types.sort();
    types.dedup();
    let kind = types[0];
    let excerpt = excerpt(p, &olds, &news, &types);
    Some(Change {
        pair: i,
        ids: ids(&olds, &news),
        kind,
        types,
        section,
        excerpt,
    })
}

fn section_of(p: &Paragraph) -> Section {
    match (&p.part, p.kind) {
        (Part::Annex { .. }, _) => Section::Annex,
        (Part::Body, ParagraphKind::Preambular) => Section::Preambular,
        (Part::Body, ParagraphKind::Operative | ParagraphKind::Heading) => Section::Operative,
        (Part::Body, ParagraphKind::SubParagraph) if p.is_operative_like() => Section::Operative,
        (Part::Body, ParagraphKind::SubParagraph) => Section::Preambular,
        (Part::Body, ParagraphKind::Unstructured) => Section::Other,
    }
}

fn ids(olds: &[&Paragraph], news: &[&Paragraph]) -> String {
    let join = |ps: &[&Paragraph]| {
        ps.iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let (o, n) = (join(olds), join(news));
    match (o.is_empty(), n.is_empty()) {
        (true, _) => n,
        (false, true) => o,
        (false, false) if o == n => n,
        (false, false) => format!("{o} → {n}"),
    }
}

/// Words that spell numbers (cardinal and ordinal stems; compounds such as `sixty-seventh` are
/// split on the hyphen).
const NUMBER_WORDS: [&str; 36] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "thousand", "million", "billion", "trillion", "first", "third", "fifth",
    "eighth", "ninth", "twelfth", "half", "double", "twice", "percent",
];

/// Whether a word spells a number, an ordinal, a month or holds a digit. Document symbols
/// (with a `/`) are references, not numbers.
fn is_number_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '%');
    if w.is_empty() || w.contains('/') {
        return false;
    }
    if w.chars().any(|c| c.is_ascii_digit()) || w.contains('%') {
        return true;
    }
    let lower = w.to_lowercase();
    if crate::vocab::MONTHS.contains(&lower.as_str()) {
        return true;
    }
    lower.split('-').any(|part| {
        let stem = part
            .strip_suffix("ieth")
            .map(|s| format!("{s}y"))
            .or_else(|| part.strip_suffix("th").map(str::to_owned))
            .unwrap_or_else(|| part.to_owned());
        NUMBER_WORDS.contains(&part) || NUMBER_WORDS.contains(&stem.as_str())
    })
}

/// A changed, non-routine run holds a number, date, ordinal or month.
fn numbers_changed(p: &Pair) -> bool {
    p.ops
        .iter()
        .filter(|o| o.op != OpKind::Equal && !o.routine)
        .any(|o| o.text.split_whitespace().any(is_number_word))
}

/// Collapse whitespace and cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut s: String = flat.chars().take(max.saturating_sub(1)).collect();
    if let Some(cut) = s.rfind(' ').filter(|&k| k > max / 2) {
        s.truncate(cut);
    }
    s.push('…');
    s
}

/// Cut `text` (whitespace collapsed) to about `max` characters around its first word that
/// `focus` accepts: a few words before it, `…` where something was left out. Without such a
/// word, the start.
fn shorten_around(text: &str, max: usize, focus: &dyn Fn(&str) -> bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let flat = words.join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let Some(at) = words.iter().position(|w| focus(w)) else {
        return shorten(text, max);
    };
    let start = at.saturating_sub(3);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut taken = 0;
    for w in &words[start..] {
        let len = w.chars().count() + usize::from(taken > 0);
        if out.chars().count() + len > max.saturating_sub(1) && taken > 0 {
            break;
        }
        if taken > 0 {
            out.push(' ');
        }
        out.push_str(w);
        taken += 1;
    }
    if start + taken < words.len() {
        out.push('…');
    }
    out
}

/// Drop the leading words of `text` that begin `lead` (the lead phrase, shown on its own): all
/// of them, or as many as the run holds (`Taking` of `Taking note`); `None` when the run does not
/// start with the lead phrase.
fn strip_lead(text: &str, lead: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = words
        .iter()
        .zip(lead.split_whitespace())
        .take_while(|(w, l)| w.eq_ignore_ascii_case(l))
        .count();
    (n > 0).then(|| words[n..].join(" "))
}

fn excerpt(p: &Pair, olds: &[&Paragraph], news: &[&Paragraph], types: &[ChangeType]) -> String {
    let text = |ps: &[&Paragraph]| {
        ps.iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match p.status {
        Status::Added => return shorten(&text(news), EXCERPT_CHARS),
        Status::Removed => return shorten(&text(olds), EXCERPT_CHARS),
        _ => {}
    }
    let kind = types.first().copied().unwrap_or(ChangeType::Wording);
    let mut parts: Vec<String> = Vec::new();
    // A changed lead phrase is always shown, first (whatever the main kind).
    let lead = p.class.lead_change.as_ref();
    if let Some(lc) = lead {
        parts.push(format!("“{}” → “{}”", lc.old, lc.new));
    }
    // The changed runs, as (deleted, inserted) groups: routine ones only when nothing else
    // changed.
    let routine = kind == ChangeType::Routine;
    let mut groups: Vec<(String, String)> = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    for o in &p.ops {
        let wanted = o.routine == routine;
        match o.op {
            OpKind::Delete if wanted => del.push_str(&o.text),
            OpKind::Insert if wanted => ins.push_str(&o.text),
            OpKind::Equal if o.text.trim().is_empty() => {
                del.push_str(&o.text);
                ins.push_str(&o.text);
            }
            _ => {
                if !del.trim().is_empty() || !ins.trim().is_empty() {
                    groups.push((std::mem::take(&mut del), std::mem::take(&mut ins)));
                }
                del.clear();
                ins.clear();
            }
        }
    }
    if !del.trim().is_empty() || !ins.trim().is_empty() {
        groups.push((del, ins));
    }
    // The lead phrase is already shown: not again at the start of the first group.
    if let (Some(lc), Some(first)) = (lead, groups.first_mut()) {
        if let Some(rest) = strip_lead(&first.0, &lc.old) {
            first.0 = rest;
        }
        if let Some(rest) = strip_lead(&first.1, &lc.new) {
            first.1 = rest;
        }
        if first.0.trim().is_empty() && first.1.trim().is_empty() {
            groups.remove(0);
        }
    }
    // Numbers and references: the groups that hold them first, each cut around them, so that
    // the row shows the changed figure or symbol, not the words before it.
    let refs: Vec<&str> = p
        .class
        .references_added
        .iter()
        .chain(&p.class.references_removed)
        .filter_map(|r| r.split_whitespace().next())
        .collect();
    let is_ref = |w: &str| refs.iter().any(|r| w.contains(r));
    let focus: &dyn Fn(&str) -> bool = match kind {
        ChangeType::Numbers => &is_number_word,
        ChangeType::References => &is_ref,
        _ => &|_: &str| false,
    };
    let holds = |g: &(String, String)| {
        g.0.split_whitespace().any(focus) || g.1.split_whitespace().any(focus)
    };
    groups.sort_by_key(|g| !holds(g));
    for (d, i) in &groups {
        let (d, i) = (shorten_around(d, 60, focus), shorten_around(i, 60, focus));
        match (d.is_empty(), i.is_empty()) {
            (true, true) => {}
            (false, true) => parts.push(format!("−“{d}”")),
            (true, false) => parts.push(format!("+“{i}”")),
            (false, false) => parts.push(format!("“{d}” → “{i}”")),
        }
    }
    if parts.is_empty() {
        for f in &p.class.footnotes {
            parts.push(match f {
                FootnoteChange::Added { text } => format!("footnote added: {text}"),
                FootnoteChange::Removed { text } => format!("footnote removed: {text}"),
                FootnoteChange::Changed { old, new, .. } => format!("footnote “{old}” → “{new}”"),
            });
        }
    }
    if parts.is_empty() {
        return match p.status {
            Status::Moved => "moved, text unchanged".to_owned(),
            _ => shorten(&text(news), EXCERPT_CHARS),
        };
    }
    shorten(&parts.join(" · "), EXCERPT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Comparison {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        crate::compare_files(&dir.join("A_RES_65_141.txt"), &dir.join("A_RES_66_184.txt"))
            .expect("sample pair loads")
    }

    #[test]
    fn shortening_around_a_figure_keeps_it_and_marks_the_cuts() {
        let text = "that the thirty-fourth Meeting of States Parties to the Convention \
                    commemorated the anniversary on 16 November 2024 in New York, and recognizing";
        let cut = shorten_around(text, 60, &is_number_word);
        // The first number word is `thirty-fourth`, three words in: nothing cut before it.
        assert!(cut.starts_with("that the thirty-fourth"), "{cut}");
        assert!(cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() <= 60, "{cut}");
        let later = "Welcomes the work of the many partners in the region and beyond, and the \
                     report A/79/68 of the Secretary-General";
        let cut = shorten_around(later, 40, &|w: &str| w.contains("79/68"));
        assert!(cut.starts_with('…') && cut.contains("A/79/68"), "{cut}");
        // Short texts and texts without the word stay as they were (cut at the end).
        assert_eq!(
            shorten_around("sixty-sixth", 60, &is_number_word),
            "sixty-sixth"
        );
        assert!(shorten_around(later, 40, &|_: &str| false).starts_with("Welcomes"));
    }

    #[test]
    fn the_lead_phrase_is_taken_off_the_front_only() {
        assert_eq!(
            strip_lead(
                "Noting with satisfaction that 16 November",
                "Noting with satisfaction"
            ),
            Some("that 16 November".to_owned())
        );
        assert_eq!(
            strip_lead("Recognizing", "Recognizing"),
            Some(String::new())
        );
        assert_eq!(strip_lead("Taking", "Taking note"), Some(String::new()));
        assert_eq!(strip_lead("Also recognizing", "Recognizing"), None);
    }

    #[test]
    fn display_types_name_a_lead_change_right_after_the_main_kind() {
        let ch = Change {
            pair: 0,
            ids: "PP4".to_owned(),
            kind: ChangeType::Numbers,
            types: vec![
                ChangeType::Numbers,
                ChangeType::References,
                ChangeType::LeadChanged,
                ChangeType::Wording,
            ],
            section: Section::Preambular,
            excerpt: String::new(),
        };
        assert_eq!(
            ch.display_types(),
            vec![
                ChangeType::Numbers,
                ChangeType::LeadChanged,
                ChangeType::References,
                ChangeType::Wording
            ]
        );
        assert_eq!(
            ch.kinds_label(),
            "numbers or dates, lead phrase changed, references, wording"
        );
    }

    #[test]
    fn number_words() {
        for w in [
            "2015,",
            "sixty-seventh",
            "eightieth",
            "December",
            "26%",
            "twentieth",
            "third",
            "thousand",
        ] {
            assert!(is_number_word(w), "{w}");
        }
        for w in ["A/66/64", "Member", "States", "the", "other", "one"] {
            assert!(!is_number_word(w), "{w}");
        }
    }

    #[test]
    fn sample_pair_lists_every_changed_pair_once_and_nothing_renumbered_only() {
        let c = sample();
        let list = changes(&c);
        assert!(!list.is_empty());
        // One entry per listed pair, in document order.
        assert!(list.windows(2).all(|w| w[0].pair < w[1].pair));
        let listed: Vec<usize> = list.iter().map(|ch| ch.pair).collect();
        for (i, p) in c.pairs.iter().enumerate() {
            let only_position = matches!(p.status, Status::Unchanged | Status::Renumbered)
                && p.class.kind == ChangeKind::None;
            assert_eq!(
                listed.contains(&i),
                !only_position,
                "pair {i} {:?}",
                p.status
            );
        }
        // Every entry's kind is its first type, and excerpts are one line.
        for ch in &list {
            assert_eq!(Some(&ch.kind), ch.types.first());
            assert!(!ch.excerpt.contains('\n'), "{}", ch.excerpt);
            assert!(ch.excerpt.chars().count() <= EXCERPT_CHARS);
            assert!(!ch.excerpt.is_empty(), "{}", ch.ids);
        }
    }

    #[test]
    fn sample_pair_excerpts_show_the_changed_words() {
        // 65/141 OP23 "… at its sixty-sixth session …" is 66/184 OP20 "… sixty-seventh …": the
        // rollover, routine, and its excerpt names the changed ordinals, not the paragraph start.
        let c = sample();
        let list = changes(&c);
        let op20 = list
            .iter()
            .find(|ch| ch.ids == "OP23 → OP20")
            .expect("OP23 → OP20 listed");
        assert!(op20.excerpt.contains("sixty-seventh"), "{}", op20.excerpt);
        assert!(!op20.excerpt.starts_with("Requests"), "{}", op20.excerpt);
        // The added paragraphs of 66/184 start their excerpt with their own text.
        for ch in list
            .iter()
            .filter(|ch| ch.kind == ChangeType::OperativeAdded)
        {
            let p = &c.pairs[ch.pair];
            let first = &c.new.paragraphs[p.new[0]].text;
            assert!(
                first.starts_with(ch.excerpt.trim_end_matches('…')),
                "{}",
                ch.ids
            );
        }
    }

    #[test]
    fn triage_puts_operative_consequence_first_and_routine_last() {
        let c = sample();
        let list = changes(&c);
        let order = triage_order(&list);
        assert_eq!(order.len(), list.len());
        let keys: Vec<_> = order
            .iter()
            .map(|&i| {
                let ch = &list[i];
                (ch.is_routine(), ch.section, ch.kind.rank(), ch.pair)
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        let first = &list[order[0]];
        assert_eq!(first.section, Section::Operative);
        assert!(!first.is_routine());
        // Routine entries, if any, are all at the end.
        let k = order.iter().position(|&i| list[i].is_routine());
        if let Some(k) = k {
            assert!(order[k..].iter().all(|&i| list[i].is_routine()));
        }
    }

    #[test]
    fn corpus_78_69_to_79_144_has_no_renumbering_only_change() {
        let Some(dir) = crate::corpus::dir_or_skip("changes 78/69 → 79/144") else {
            return;
        };
        let c = crate::compare_files(
            &crate::corpus::text_path(&dir, "A/RES/78/69"),
            &crate::corpus::text_path(&dir, "A/RES/79/144"),
        )
        .expect("corpus pair loads");
        let list = changes(&c);
        let renumbered_only = c
            .pairs
            .iter()
            .filter(|p| p.status == Status::Renumbered && p.class.kind == ChangeKind::None)
            .count();
        assert!(renumbered_only > 100, "{renumbered_only}");
        assert!(list.iter().all(|ch| {
            let p = &c.pairs[ch.pair];
            !(p.status == Status::Renumbered && p.class.kind == ChangeKind::None)
        }));
        // Far fewer entries than changed pairs; lead-phrase changes carry their lead phrases.
        assert!(list.len() + renumbered_only <= c.summary.changed + 1);
        for ch in list.iter().filter(|ch| ch.kind.is_lead()) {
            assert!(ch.excerpt.contains('→'), "{}: {}", ch.ids, ch.excerpt);
        }
    }
}
