//! Pairing the paragraphs of two resolutions.
//!
//! [`align`] links every paragraph of the old document (body, sub-paragraphs, headings and
//! annexes alike) to its counterpart(s) in the new one, or marks it removed; every new paragraph
//! not linked is added. The result is an [`Alignment`]: [`Link`]s in reading order of the new
//! document, each with a [`Status`] (unchanged, renumbered, modified, moved, split, merged, added,
//! removed).
//!
//! # Algorithm
//!
//! Matching works on normalised text (`normalize_for_matching` of the diff module, then lower-cased
//! word tokens with every token holding a digit replaced by `#`), so routine annual updates (years,
//! symbols, session ordinals) and renumbering do not hide a match. Display always uses the real
//! text. With `P` paragraphs and `W` words in all, the passes are:
//!
//! 1. **Anchors.** A normalised token sequence that occurs exactly once on each side links its two
//!    paragraphs (score 1). Hash map, O(W).
//! 2. **Candidates.** Each paragraph becomes a TF-IDF vector over word unigrams and bigrams
//!    (sub-linear term frequency, IDF over the paragraphs of both sides, unit length). An inverted
//!    index over the old vectors accumulates dot products for each new paragraph, skipping
//!    features whose posting list is longer than `max(32, 4√P_old)` (very common words, which
//!    carry little weight anyway), so no all-pairs comparison is made; the best 8 by partial
//!    score are kept and re-scored with the exact cosine. Roughly O(W · cap).
//! 3. **Global assignment, greedy.** Candidate edges are ranked by `cosine + 0.1 (same lead
//!    verb, stemmed: `Recognizing` = `Recognizes`) + 0.1 (old paragraph lies between the in-order
//!    matched neighbours of the new one) + 0.03 (same kind) − 0.03·|relative position
//!    difference| − 0.02·min(1, |offset from the previous in-order pair| / 5)` and taken greedily
//!    while both ends are free. An edge that keeps the order of the pairs already kept (checked
//!    in an ordered map, O(log P)) is accepted at once; one that would cross them is deferred and
//!    accepted afterwards as a *move* if both ends are still free. First round: cosine ≥ 0.5;
//!    second round (in-order only): cosine + lead bonus ≥ 0.3. O(E log E). The rank also adds
//!    0.1 when the subjects agree (a distinctive word among the first eight after the lead) and
//!    0.2 × the Dice overlap of the two word multisets (prefers the counterpart of similar
//!    length). Between the rounds, a link `o → n` is replaced by `o' → n` and `o → n'` (both
//!    ends free) when those two are worth 0.3 more than it (cosine + lead + subject + Dice
//!    bonuses): a decision restated word for word takes its successor back from a short
//!    paragraph whose words it merely contains.
//! 4. **Gaps.** Between consecutive pairs of the longest in-order run, the still unmatched old and
//!    new paragraphs are aligned by an order-preserving dynamic programme maximising
//!    `Σ (cosine + lead bonus − 0.2)`; a stretch larger than 2,500 cells is skipped with a
//!    warning, which keeps entirely different documents linear.
//! 5. **Containment.** A still unmatched candidate pair where one side is mostly contained in the
//!    other (TF-IDF-weighted share of unigrams and bigrams ≥ 0.75, at least 6 words) is linked:
//!    a short paragraph cut down from a long one, or the reverse.
//!    5b. **Cited documents.** A link whose two paragraphs cite documents and share none of them
//!    is given to a free candidate (cosine ≥ 0.5) on the other side that cites exactly the
//!    documents of one of its ends: the normalised text reads every symbol alike, so `Recalling
//!    its resolution 77/208 of …` resembles `Recalling its resolution 67/19 of …` as much as the
//!    old `Recalling also its resolution 67/19 of …` does (78/192 → 79/163). A routine rollover
//!    (`77/208` → `78/192`) keeps its link, as no other paragraph cites the new symbol alone.
//! 6. **Orphans.** Leftovers on both sides with the same lead verb and subject (a distinctive
//!    word among the first eight after the lead), cosine ≥ 0.2, each the
//!    other's best such partner, are linked anywhere (a paragraph rewritten and moved, e.g. a
//!    preambular `Recognizing …` that became operative `Recognizes …`). This pass runs after a
//!    first round of pass 7 and only on paragraphs no split or merge took (78/154 → 79/207: the
//!    last clause of old OP33, split off as new OP34, is not the twin of old OP2); pass 7 then
//!    runs again.
//! 7. **Splits and merges.** An unmatched new paragraph adjacent to the new side of a link whose
//!    single old paragraph still has words its partners do not cover joins that link when ≥ 60 % of
//!    its words are among those uncovered words, or when ≥ 75 % of a sizeable uncovered remainder
//!    (≥ 10 words) is found in it (a split); not adjacent but among its candidates, it joins at
//!    ≥ 80 %. Symmetrically for an unmatched old paragraph (a merge). Pieces of fewer than 4 words
//!    are never joined. After passes 8 and 9, a piece still unmatched joins a link on a shared
//!    phrase: both preambular or both operative, at least 10 words, ≥ 60 % of them (and ≥ 40 %
//!    of its TF-IDF weight) found in the link's single paragraph on the other side, ≥ 4 of them
//!    among the words the link's own paragraphs leave unexplained there, and a shared run of at
//!    least 8 words (the run the word diff always shows as equal) with a 5-word window that the
//!    link's own paragraphs lack and no other paragraph of either document repeats (78/155 OP25
//!    + OP29 → 79/208 OP26).
//! 8. **Evidence.** A 1–1 link whose word similarity (the `similarity` of the compare JSON) is
//!    below [`SIMILARITY_FLOOR`] is kept only with a named structural reason ([`LinkReason`]:
//!    the newer paragraph names the older by number, both name the same paragraph of an
//!    instrument, both cite an instrument no other paragraph cites, both hold a phrase or proper
//!    name no other paragraph holds, the same slot, lead and subject, or the last two paragraphs
//!    of a lead); otherwise both sides are reported removed and added (module `evidence`).
//! 9. **Moves.** Links are ordered by new position; the longest strictly increasing subsequence of
//!    their old positions (patience sorting, O(P log P)) is the in-order run; 1–1 links outside it
//!    are *moved*. A moved link whose word similarity is below [`MOVE_FLOOR`] (0.4) is kept only
//!    with a reason found in the texts themselves ([`LinkReason::is_textual`]: one names the
//!    other, the same instrument recalled, a unique shared phrase), else both sides are removed
//!    and added and the run is taken again. Inside it, identical text is *unchanged* (or *renumbered* when the printed
//!    number differs: `OP17` → `OP19`, `OP5(a)` → `OP6(a)`, a heading `II` → `III`), any other
//!    difference *modified*. Headings are linked only with headings; a preambular paragraph may be
//!    linked with an operative one and back.
//! 10. **Order.** Links follow the new document; a removed paragraph comes right after the link of
//!     its nearest matched old predecessor (first when it has none), removed runs in old order.
//!
//! The passes always run with the older document first ([`runs_reversed`]: by session, symbol,
//! then text); `align(b, a)` mirrors that result, so the alignment never depends on the order of
//! the arguments.
//!
//! Nothing here panics on input: an empty side gives only added or only removed links.

mod alignment;
mod evidence;
mod features;
mod guess;

mod lis;
mod matcher;
mod split;

pub use alignment::{Alignment, Link, LinkReason, Status};
pub use evidence::{MOVE_FLOOR, SIMILARITY_FLOOR};

use crate::model::{Paragraph, ParagraphKind, Resolution};
use features::Features;
use matcher::{Matcher, tuning};
use split::Group;

/// The routine annotation of a paragraph's text ([`crate::diff::annotate`]), shared by the
/// paragraphs with that text. (An `Arc<Vec>` rather than an `Arc<[Item]>`, which would copy
/// every annotation once more: about 240 KB for the sample pair.)
pub(crate) type Annotation<'a> = std::sync::Arc<Vec<crate::diff::Item<'a>>>;

/// The annotation the matching made of every paragraph's text, per document (in the order of
/// the call, whichever way the matching ran); the comparison classifies the pairs with them
/// instead of annotating the same texts again.
pub(crate) struct Annotations<'a> {
    /// Per paragraph of the old document.
    pub(crate) old: Vec<Annotation<'a>>,
    /// Per paragraph of the new document.
    pub(crate) new: Vec<Annotation<'a>>,
}

/// The document symbols a paragraph cites ([`crate::diff::extract_references`]), from its
/// annotation when the matching made one (the same list, without annotating again).
fn references(p: &Paragraph, annotation: Option<&Annotation<'_>>) -> Vec<String> {
    crate::diff::references_of(&p.text, annotation.map(|a| &a[..]))
}

/// The text the aligner matches on: the paragraph text with routine details normalised
/// ([`crate::diff::normalize_for_matching`]), and the annotation it was made from.
/// Text without any letter or digit (rules, dots) is matched on its raw form instead.
fn matching_text(p: &Paragraph) -> (String, Annotation<'_>) {
    let items = crate::diff::annotate(&p.text);
    let normalised = crate::diff::matching_text_of(&items, p.text.len());
    let text = if normalised.chars().any(char::is_alphanumeric) {
        normalised
    } else {
        p.text.trim().to_string()
    };
    (text, std::sync::Arc::new(items))
}

/// The printed label that renumbering compares: the id path for operative paragraphs and their
/// sub-paragraphs, the printed number for headings and preambular sub-paragraphs.
fn printed_label(p: &Paragraph) -> Option<&str> {
    match p.kind {
        ParagraphKind::Operative => Some(p.id.as_str()),
        ParagraphKind::SubParagraph if p.is_operative_like() => Some(p.id.as_str()),
        ParagraphKind::SubParagraph | ParagraphKind::Heading => p.number.as_deref(),
        ParagraphKind::Preambular | ParagraphKind::Unstructured => None,
    }
}

/// Whether the printed number of a linked pair changed.
pub fn is_renumbered(old: &Paragraph, new: &Paragraph) -> bool {
    match (printed_label(old), printed_label(new)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// Align the paragraphs of `old` and `new` (see the module documentation for the algorithm).
///
/// The result does not depend on the order of the arguments: `align(b, a)` is the mirror of
/// `align(a, b)` (the same links, added ↔ removed, split ↔ merged), because the matching always
/// runs in one orientation, the older document first (see [`runs_reversed`]).
pub fn align(old: &Resolution, new: &Resolution) -> Alignment {
    align_with_diffs(old, new, false).0
}

/// Word diffs of linked 1–1 pairs that the alignment already ran (its evidence check), keyed by
/// (old index, new index) in the orientation of the call, with the default [`DiffOptions`].
///
/// [`DiffOptions`]: crate::diff::DiffOptions
pub(crate) type KnownDiffs = crate::fxhash::FxMap<(usize, usize), crate::diff::DiffOutcome>;

/// [`align`], also handing over the word diffs the evidence check ran for links it kept, so
/// that the comparison does not run them again. Diffs run in the other orientation (when the
/// matching runs reversed) are not handed over: `old → new` is diffed afresh. In the usual
/// orientation every linked 1–1 pair with two different texts is diffed during the alignment
/// (see `evidence::vet`), so the comparison only classifies. The annotations the matching made
/// of the paragraph texts are handed over too (the classification needs the same).
pub(crate) fn align_keeping_diffs<'a>(
    old: &'a Resolution,
    new: &'a Resolution,
) -> (Alignment, KnownDiffs, Annotations<'a>) {
    align_with_diffs(old, new, true)
}

/// [`align`] with the evidence diffs; `diff_all`: also diff the 1–1 pairs the check does not
/// need (for a caller that will diff them next).
fn align_with_diffs<'a>(
    old: &'a Resolution,
    new: &'a Resolution,
    diff_all: bool,
) -> (Alignment, KnownDiffs, Annotations<'a>) {
    let (old_p, new_p) = (&old.paragraphs, &new.paragraphs);
    if runs_reversed(old, new) {
        let (mut m, annotations) = match_groups(new_p, old_p, (symbol(new), symbol(old)), false);
        for g in &mut m.groups {
            std::mem::swap(&mut g.old, &mut g.new);
        }
        let links = build_links(
            old_p,
            new_p,
            &m.groups,
            &m.group_of_new,
            &m.kept,
            &mut m.warnings,
        );
        let alignment = Alignment {
            links,
            warnings: m.warnings,
        };
        let annotations = Annotations {
            old: annotations.new,
            new: annotations.old,
        };
        (alignment, KnownDiffs::default(), annotations)
    } else {
        let (mut m, annotations) = match_groups(old_p, new_p, (symbol(old), symbol(new)), diff_all);
        let links = build_links(
            old_p,
            new_p,
            &m.groups,
            &m.group_of_old,
            &m.kept,
            &mut m.warnings,
        );
        let alignment = Alignment {
            links,
            warnings: m.warnings,
        };
        let diffs = m.diffs.into_iter().map(|(o, n, d)| ((o, n), d)).collect();
        (alignment, diffs, annotations)
    }
}

/// Whether the matching runs from `new` to `old` (and is mirrored): when `new` is the older
/// document by session, then by symbol, then (same metadata) by its paragraph texts and ids.
/// Any fixed total order would make the result direction-independent; this one keeps the usual
/// older → newer comparison in the orientation the aligner was tuned and measured on.
pub fn runs_reversed(old: &Resolution, new: &Resolution) -> bool {
    let key = |r: &Resolution| {
        (
            r.meta.session.unwrap_or(0),
            r.meta.symbol.clone().unwrap_or_default(),
        )
    };
    fn texts(r: &Resolution) -> impl Iterator<Item = (&str, &str, ParagraphKind)> {
        r.paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.id.as_str(), p.kind))
    }
    match key(old).cmp(&key(new)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => texts(old).gt(texts(new)),
    }
}

/// A document's symbol as resolutions cite it (`65/141` for `A/RES/65/141`).
fn symbol(r: &Resolution) -> Option<String> {
    r.meta.symbol.clone()
}

/// The groups of linked paragraphs in one orientation, with which of them are in order.
struct Matched {
    groups: Vec<Group>,
    group_of_old: Vec<Option<usize>>,
    group_of_new: Vec<Option<usize>>,
    /// Per group: part of the longest in-order run (not moved).
    kept: Vec<bool>,
    warnings: Vec<String>,
    /// Word diffs the evidence check ran for links it kept.
    diffs: Vec<evidence::KeptDiff>,
}

/// Passes 1–9 of the module documentation, in the orientation given.
fn match_groups<'a>(
    old_p: &'a [Paragraph],
    new_p: &'a [Paragraph],
    symbols: (Option<String>, Option<String>),
    diff_all: bool,
) -> (Matched, Annotations<'a>) {
    // The matching texts of both sides in one run over the cores. Most paragraphs come through
    // a revision word for word: the new side's copies reuse the old side's text.
    let old_set: crate::fxhash::FxSet<&str> = old_p.iter().map(|p| p.text.as_str()).collect();
    let own: Vec<&Paragraph> = old_p
        .iter()
        .chain(new_p.iter().filter(|p| !old_set.contains(p.text.as_str())))
        .collect();
    let mut own_texts = crate::par::map_in_order(&own, 16, |p| matching_text(p)).into_iter();
    let (old_texts, old_items): (Vec<String>, Vec<Annotation<'a>>) =
        own_texts.by_ref().take(old_p.len()).unzip();
    let mut new_own = own_texts;
    let known: crate::fxhash::FxMap<&str, (&String, &Annotation<'a>)> = old_p
        .iter()
        .zip(old_texts.iter().zip(&old_items))
        .map(|(p, t)| (p.text.as_str(), t))
        .collect();
    let (new_texts, new_items): (Vec<String>, Vec<Annotation<'a>>) = new_p
        .iter()
        .map(|p| match known.get(p.text.as_str()) {
            Some((t, items)) => ((*t).clone(), std::sync::Arc::clone(items)),
            None => new_own.next().unwrap_or_else(|| matching_text(p)),
        })
        .unzip();
    let annotations = Annotations {
        old: old_items,
        new: new_items,
    };
    let diff = |(o, n): (usize, usize)| match (old_p.get(o), new_p.get(n)) {
        (Some(a), Some(b)) => {
            crate::diff::diff_words_with(&a.text, &b.text, &crate::diff::DiffOptions::default())
        }
        _ => crate::diff::DiffOutcome {
            ops: Vec::new(),
            timed_out: false,
        },
    };
    let matching = |gather: &evidence::Gather<'_>| {
        let texts = (old_texts.as_slice(), new_texts.as_slice());
        match_texts(old_p, new_p, texts, &annotations, symbols, diff_all, gather)
    };
    if !diff_all || crate::par::cores() < 2 {
        let gather = |keys: &[(usize, usize)]| crate::par::map_in_order(keys, 1, |&k| diff(k));
        let matched = matching(&gather);
        return (matched, annotations);
    }
    // The comparison needs the word diff of every 1–1 link: a helper starts on the links it
    // guesses from the texts while this thread runs the matching (see `guess`).
    let board = crate::par::Board::new(diff);
    let gather = |keys: &[(usize, usize)]| {
        let found = board.gather(keys);
        board.close();
        found
    };
    let matched = crate::par::both(
        || {
            board.guess(guess::likely_links(old_p, new_p));
            board.serve();
        },
        || {
            let _close = board.closer();
            matching(&gather)
        },
    )
    .1;
    (matched, annotations)
}

/// Passes 1–9 on the matching texts (old, new) and the annotations they were made from;
/// `gather` runs the evidence diffs of the pairs it is given.
fn match_texts(
    old_p: &[Paragraph],
    new_p: &[Paragraph],
    (old_texts, new_texts): (&[String], &[String]),
    annotations: &Annotations<'_>,
    symbols: (Option<String>, Option<String>),
    diff_all: bool,
    gather: &evidence::Gather<'_>,
) -> Matched {
    let features = Features::build(old_texts, new_texts);

    let mut m = Matcher::new(old_p, new_p, features);
    m.anchor_unique_exact();
    let cap = 32usize.max((4.0 * (old_p.len() as f64).sqrt()) as usize);
    let candidates = m.f.candidates(tuning::CANDIDATES, cap);
    m.greedy(&candidates, tuning::ACCEPT_ANYWHERE, true);
    m.improve_by_swaps(&candidates);
    m.greedy(&candidates, tuning::ACCEPT_IN_GAP, false);
    m.fill_gaps();
    m.containment_pass(&candidates);
    m.symbol_pass(&candidates, annotations);
    // Groups from the 1–1 matches, then splits and merges.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of_old: Vec<Option<usize>> = vec![None; old_p.len()];
    let mut group_of_new: Vec<Option<usize>> = vec![None; new_p.len()];
    for (n, o) in m.new_to_old.iter().enumerate() {
        if let Some(o) = *o {
            if let (Some(go), Some(gn)) = (group_of_old.get_mut(o), group_of_new.get_mut(n)) {
                *go = Some(groups.len());
                *gn = Some(groups.len());
            }
            groups.push(Group {
                old: vec![o],
                new: vec![n],
                score: m.score.get(n).copied().unwrap_or(0.0),
                reason: None,
            });
        }
    }
    let cands_of_new: Vec<Vec<usize>> = candidates
        .iter()
        .map(|c| c.iter().map(|e| e.0).collect())
        .collect();
    let mut cands_of_old: Vec<Vec<usize>> = vec![Vec::new(); old_p.len()];
    for (n, c) in candidates.iter().enumerate() {
        for &(o, _) in c {
            if let Some(list) = cands_of_old.get_mut(o) {
                list.push(n);
            }
        }
    }
    split::detect(
        &mut groups,
        &mut group_of_old,
        &mut group_of_new,
        &m.f.old_sorted,
        &m.f.new_sorted,
        &cands_of_new,
        &cands_of_old,
    );

    // Orphans (pass 6) come after the first split and merge detection, so that a piece of a
    // split is not taken as the rewritten twin of an unrelated paragraph: the pieces found so far
    // are taken out of the 1–1 matching, and detection runs again for the orphans' links.
    for (o, g) in group_of_old.iter().enumerate() {
        if g.is_some() && m.old_to_new.get(o).is_some_and(Option::is_none) {
            m.block_old(o);
        }
    }
    for (n, g) in group_of_new.iter().enumerate() {
        if g.is_some() && m.new_to_old.get(n).is_some_and(Option::is_none) {
            m.block_new(n);
        }
    }
    for (o, n, cos) in m.orphan_pass(&candidates) {
        if let (Some(go), Some(gn)) = (group_of_old.get_mut(o), group_of_new.get_mut(n)) {
            *go = Some(groups.len());
            *gn = Some(groups.len());
        }
        groups.push(Group {
            old: vec![o],
            new: vec![n],
            score: cos,
            reason: None,
        });
    }
    split::detect(
        &mut groups,
        &mut group_of_old,
        &mut group_of_new,
        &m.f.old_sorted,
        &m.f.new_sorted,
        &cands_of_new,
        &cands_of_old,
    );

    // No link without evidence: weak 1–1 links need a structural reason.
    // `sides`: prepared for counting who holds a phrase (on first use), handed from context to
    // context.
    let (groups, keep, mut diffs, mut sides) = {
        let mut ctx = evidence::Context::new(
            old_p,
            new_p,
            &m.old_leads,
            &m.new_leads,
            &group_of_old,
            &group_of_new,
            (&m.old_subjects, &m.new_subjects),
        )
        .with_annotations(annotations);
        ctx.symbols = symbols.clone();
        let (groups, keep, diffs) =
            evidence::vet(groups, &mut ctx, |o, n| m.f.cosine(o, n), diff_all, gather);
        (groups, keep, diffs, ctx.take_sides())
    };
    let mut groups = regroup(groups, &keep, &mut group_of_old, &mut group_of_new);
    // Pass 9: the in-order run; moved links below the move floor need a textual reason. Taking
    // a moved link out leaves the run as long as it was, so this settles in one or two rounds.
    let mut kept = in_order(&groups);
    loop {
        let moved: Vec<bool> = kept.iter().map(|k| !k).collect();
        let keep = {
            let mut ctx = evidence::Context::new(
                old_p,
                new_p,
                &m.old_leads,
                &m.new_leads,
                &group_of_old,
                &group_of_new,
                (&m.old_subjects, &m.new_subjects),
            )
            .with_annotations(annotations)
            .with_sides(sides.take());
            ctx.symbols = symbols.clone();
            let keep = evidence::vet_moves(&mut groups, &moved, &mut ctx, &mut diffs);
            sides = ctx.take_sides();
            keep
        };
        if keep.iter().all(|&k| k) {
            break;
        }
        groups = regroup(groups, &keep, &mut group_of_old, &mut group_of_new);
        kept = in_order(&groups);
    }
    split::phrases(
        &mut groups,
        &mut group_of_old,
        &mut group_of_new,
        (&m.f.old_sorted, &m.f.new_sorted),
        &split::Sequences {
            old: &m.f.old_tokens,
            new: &m.f.new_tokens,
        },
        &cands_of_new,
        &cands_of_old,
        |o, n, old_in_new| m.f.contained_in(o, n, old_in_new),
        |o, n| match (old_p.get(o).map(|p| p.kind), new_p.get(n).map(|p| p.kind)) {
            (Some(a), Some(b)) => {
                a == b && matches!(a, ParagraphKind::Preambular | ParagraphKind::Operative)
            }
            _ => false,
        },
    );
    let kept = in_order(&groups);
    Matched {
        groups,
        group_of_old,
        group_of_new,
        kept,
        warnings: std::mem::take(&mut m.warnings),
        diffs,
    }
}

/// The groups marked in `keep`, with the paragraph → group maps rebuilt for them.
fn regroup(
    groups: Vec<Group>,
    keep: &[bool],
    group_of_old: &mut [Option<usize>],
    group_of_new: &mut [Option<usize>],
) -> Vec<Group> {
    let mut kept_groups = Vec::with_capacity(groups.len());
    group_of_old.iter_mut().for_each(|g| *g = None);
    group_of_new.iter_mut().for_each(|g| *g = None);
    for (g, &k) in groups.into_iter().zip(keep) {
        if !k {
            continue;
        }
        for &o in &g.old {
            if let Some(slot) = group_of_old.get_mut(o) {
                *slot = Some(kept_groups.len());
            }
        }
        for &n in &g.new {
            if let Some(slot) = group_of_new.get_mut(n) {
                *slot = Some(kept_groups.len());
            }
        }
        kept_groups.push(g);
    }
    kept_groups
}

/// Which groups are in the longest in-order run (the rest are moved): the longest increasing
/// subsequence of their first old paragraphs, over the groups ordered by their first new one.
fn in_order(groups: &[Group]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_unstable_by_key(|&g| groups.get(g).and_then(|gr| gr.new.first().copied()));
    let keys: Vec<usize> = order
        .iter()
        .map(|&g| {
            groups
                .get(g)
                .and_then(|gr| gr.old.first().copied())
                .unwrap_or(0)
        })
        .collect();
    let mut kept = vec![false; groups.len()];
    for (&g, k) in order.iter().zip(lis::lis_mask(&keys)) {
        if let Some(slot) = kept.get_mut(g) {
            *slot = k;
        }
    }
    kept
}

/// Statuses, moves and display order.
fn build_links(
    old_p: &[Paragraph],
    new_p: &[Paragraph],
    groups: &[Group],
    group_of_old: &[Option<usize>],
    kept_of_group: &[bool],
    warnings: &mut Vec<String>,
) -> Vec<Link> {
    // Groups by first new index (every group has at least one index on each side).
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_unstable_by_key(|&g| groups.get(g).and_then(|gr| gr.new.first().copied()));
    let in_run: Vec<bool> = order
        .iter()
        .map(|&g| kept_of_group.get(g).copied().unwrap_or(false))
        .collect();

    // (sort key, link): key = (rank of the anchor link, 0 for matched / 1 for removed, index).
    let mut rows: Vec<((i64, u8, usize), Link)> = Vec::with_capacity(old_p.len() + new_p.len());
    let mut rank_of_group = vec![0i64; groups.len()];
    let mut rank = 0i64;
    // The group starting at each new index, with whether it is in the in-order run.
    let mut group_of_new_first: Vec<Option<(usize, bool)>> = vec![None; new_p.len()];
    for (&g, &kept) in order.iter().zip(&in_run) {
        if let Some(&n) = groups.get(g).and_then(|gr| gr.new.first())
            && let Some(slot) = group_of_new_first.get_mut(n)
        {
            *slot = Some((g, kept));
        }
    }
    // Walk the new document: added paragraphs and groups interleave by new index.
    let mut in_group = vec![false; new_p.len()];
    for gr in groups {
        for &n in &gr.new {
            if let Some(s) = in_group.get_mut(n) {
                *s = true;
            }
        }
    }
    for n in 0..new_p.len() {
        rank += 1;
        if let Some(Some((g, kept))) = group_of_new_first.get(n).copied() {
            let Some(gr) = groups.get(g) else {
                continue;
            };
            if let Some(r) = rank_of_group.get_mut(g) {
                *r = rank;
            }
            let (status, renumbered) = group_status(old_p, new_p, gr, kept);
            rows.push((
                (rank, 0, n),
                Link {
                    old: gr.old.clone(),
                    new: gr.new.clone(),
                    status,
                    renumbered,
                    score: gr.score,
                    reason: gr.reason,
                },
            ));
        } else if !in_group.get(n).copied().unwrap_or(false) {
            rows.push((
                (rank, 0, n),
                Link {
                    old: Vec::new(),
                    new: vec![n],
                    status: Status::Added,
                    renumbered: false,
                    score: 0.0,
                    reason: None,
                },
            ));
        }
    }
    // Removed paragraphs: after the link of the nearest matched old predecessor.
    let mut pred_rank = 0i64; // 0 = before everything
    for (o, g) in group_of_old.iter().enumerate() {
        match g {
            Some(g) => pred_rank = rank_of_group.get(*g).copied().unwrap_or(pred_rank),
            None => rows.push((
                (pred_rank, 1, o),
                Link {
                    old: vec![o],
                    new: Vec::new(),
                    status: Status::Removed,
                    renumbered: false,
                    score: 0.0,
                    reason: None,
                },
            )),
        }
    }
    rows.sort_by_key(|r| r.0);
    let total_old: usize = rows.iter().map(|r| r.1.old.len()).sum();
    let total_new: usize = rows.iter().map(|r| r.1.new.len()).sum();
    if total_old != old_p.len() || total_new != new_p.len() {
        warnings.push(format!(
            "alignment covers {total_old} of {} old and {total_new} of {} new paragraphs",
            old_p.len(),
            new_p.len()
        ));
    }
    rows.into_iter().map(|r| r.1).collect()
}

/// Status and renumbering flag of a matched group.
fn group_status(
    old_p: &[Paragraph],
    new_p: &[Paragraph],
    gr: &Group,
    kept: bool,
) -> (Status, bool) {
    let (Some(o), Some(n)) = (
        gr.old.first().and_then(|&o| old_p.get(o)),
        gr.new.first().and_then(|&n| new_p.get(n)),
    ) else {
        return (Status::Modified, false);
    };
    let renumbered = is_renumbered(o, n);
    let status = if gr.new.len() > 1 {
        Status::Split
    } else if gr.old.len() > 1 {
        Status::Merged
    } else if !kept {
        Status::Moved
    } else if o.text == n.text && o.kind == n.kind {
        if renumbered {
            Status::Renumbered
        } else {
            Status::Unchanged
        }
    } else {
        Status::Modified
    };
    (status, renumbered)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diffs a helper ran early on guessed links are the ones the comparison would run: the
    /// same links as `align` (which runs no early diffs) and, for every linked pair, the same
    /// word diff as a direct call. On the sample pair and every third series pair of the corpus.
    #[test]
    fn early_diffs_change_nothing() {
        let read = |path: std::path::PathBuf| {
            std::fs::read_to_string(&path)
                .map(|t| crate::parse::parse(&t))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let pairs: Vec<_> =
            crate::corpus::sample_and_series_pairs("early diffs over the series pairs", 3)
                .into_iter()
                .map(|(o, n)| (read(o), read(n)))
                .collect();
        for (old, new) in &pairs {
            let (with_diffs, diffs, _) = align_keeping_diffs(old, new);
            assert_eq!(with_diffs, align(old, new), "{:?}", old.meta.symbol);
            for ((o, n), d) in &diffs {
                let direct = crate::diff::diff_words_with(
                    &old.paragraphs[*o].text,
                    &new.paragraphs[*n].text,
                    &crate::diff::DiffOptions::default(),
                );
                assert_eq!(d, &direct, "{:?} {o} {n}", old.meta.symbol);
            }
        }
    }
}
