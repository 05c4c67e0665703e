//! Split and merge detection on top of the 1–1 matching.
//!
//! An unmatched new paragraph right next to (the new side of) a group whose single old paragraph
//! still has words its current partners do not cover, and whose own words are mostly among those
//! uncovered words, joins that group: the old paragraph was split. Symmetrically for an unmatched
//! old paragraph next to a group with a single new paragraph: a merge.

/// Share of a paragraph's words that must come from the uncovered remainder of the neighbour's
/// counterpart.
const CONTAINMENT: f64 = 0.6;
/// The same share for a piece that is not adjacent to the group but among its candidates.
const CONTAINMENT_FAR: f64 = 0.8;
/// Size of the unexplained remainder of a group's single paragraph that a neighbour may explain.
const REST_MIN_WORDS: i64 = 10;
/// Share of that remainder the neighbour must contain.
const REST_EXPLAINED: f64 = 0.75;
/// Paragraphs shorter than this (in words) are never treated as split or merged pieces.
const MIN_WORDS: usize = 4;

/// A group of linked paragraphs (indices ascending on each side).
#[derive(Debug, Clone, Default)]
pub(crate) struct Group {
    pub(crate) old: Vec<usize>,
    pub(crate) new: Vec<usize>,
    pub(crate) score: f64,
    /// The structural reason of a weak 1–1 link (see `evidence`).
    pub(crate) reason: Option<super::alignment::LinkReason>,
}

/// The multiset union of several sorted token lists, sorted (borrowed when there is one).
fn union<'a>(lists: &[&'a [u32]]) -> std::borrow::Cow<'a, [u32]> {
    match lists {
        [one] => std::borrow::Cow::Borrowed(*one),
        _ => {
            let mut all: Vec<u32> = lists.iter().flat_map(|l| l.iter().copied()).collect();
            all.sort_unstable();
            std::borrow::Cow::Owned(all)
        }
    }
}

/// The multiset `whole − covered` of two sorted token lists, sorted.
fn minus(whole: &[u32], covered: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(whole.len());
    let mut j = 0;
    for &t in whole {
        while covered.get(j).is_some_and(|&c| c < t) {
            j += 1;
        }
        if covered.get(j) == Some(&t) {
            j += 1;
        } else {
            out.push(t);
        }
    }
    out
}

/// Size of the multiset intersection of two sorted token lists.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of `piece`'s words found in `rest` (the words of the counterpart its partners leave
/// uncovered; multiset semantics; both sorted).
fn containment(piece: &[u32], rest: &[u32]) -> f64 {
    if piece.is_empty() {
        return 0.0;
    }
    common(piece, rest) as f64 / piece.len() as f64
}

/// True when the words `rest` of the counterpart that its partners leave over are many
/// (≥ `REST_MIN_WORDS`) and mostly (≥ `REST_EXPLAINED`) found in `piece`: the piece is where
/// that remainder came from.
fn explains_rest(piece: &[u32], rest: &[u32]) -> bool {
    let hit = common(piece, rest);
    rest.len() as i64 >= REST_MIN_WORDS && hit as f64 >= REST_EXPLAINED * rest.len() as f64
}

/// The words of the single paragraph on the other side of a group that the paragraphs on this
/// side do not cover (sorted token lists in, sorted out).
fn uncovered(other: &[usize], same: &[usize], theirs: &[Vec<u32>], mine: &[Vec<u32>]) -> Vec<u32> {
    let whole: Vec<&[u32]> = other
        .iter()
        .filter_map(|&k| theirs.get(k))
        .map(Vec::as_slice)
        .collect();
    let covered: Vec<&[u32]> = same
        .iter()
        .filter_map(|&k| mine.get(k))
        .map(Vec::as_slice)
        .collect();
    minus(&union(&whole), &union(&covered))
}

/// Which side of the groups is being extended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Extend the new side (split).
    New,
    /// Extend the old side (merge).
    Old,
}

/// Extend groups with adjacent unmatched paragraphs (see the module docs). `group_of_old` /
/// `group_of_new` map paragraph indices to group indices and are updated. `old_tokens` and
/// `new_tokens` are each paragraph's word token ids, **sorted** (only the multisets matter).
pub(crate) fn detect(
    groups: &mut [Group],
    group_of_old: &mut [Option<usize>],
    group_of_new: &mut [Option<usize>],
    old_tokens: &[Vec<u32>],
    new_tokens: &[Vec<u32>],
    cands_of_new: &[Vec<usize>],
    cands_of_old: &[Vec<usize>],
) {
    adjacent(groups, group_of_old, group_of_new, old_tokens, new_tokens);
    far(
        groups,
        group_of_new,
        group_of_old,
        new_tokens,
        old_tokens,
        cands_of_new,
        Side::New,
    );
    far(
        groups,
        group_of_old,
        group_of_new,
        old_tokens,
        new_tokens,
        cands_of_old,
        Side::Old,
    );
}

/// Pieces that are not adjacent to the group but among the candidates found for them
/// (`cands[i]`: indices on the other side).
fn far(
    groups: &mut [Group],
    group_of_mine: &mut [Option<usize>],
    group_of_theirs: &[Option<usize>],
    mine_tokens: &[Vec<u32>],
    theirs_tokens: &[Vec<u32>],
    cands: &[Vec<usize>],
    side: Side,
) {
    for i in 0..group_of_mine.len() {
        if group_of_mine.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let (Some(piece), Some(list)) = (mine_tokens.get(i), cands.get(i)) else {
            continue;
        };
        if piece.len() < MIN_WORDS {
            continue;
        }
        // The candidate counterpart whose group leaves most of this piece uncovered.
        let mut best: Option<(f64, usize)> = None;
        for &c in list {
            let Some(g) = group_of_theirs.get(c).copied().flatten() else {
                continue;
            };
            let Some(group) = groups.get(g) else {
                continue;
            };
            let (other, same) = match side {
                Side::New => (&group.old, &group.new),
                Side::Old => (&group.new, &group.old),
            };
            if other.len() != 1 {
                continue;
            }
            let c = containment(piece, &uncovered(other, same, theirs_tokens, mine_tokens));
            if c >= CONTAINMENT_FAR && best.is_none_or(|b| c > b.0) {
                best = Some((c, g));
            }
        }
        if let Some((_, g)) = best {
            if let Some(slot) = group_of_mine.get_mut(i) {
                *slot = Some(g);
            }
            if let Some(group) = groups.get_mut(g) {
                let list = match side {
                    Side::New => &mut group.new,
                    Side::Old => &mut group.old,
                };
                list.push(i);
                list.sort_unstable();
            }
        }
    }
}

/// Pieces adjacent to a group.
fn adjacent(
    groups: &mut [Group],
    group_of_old: &mut [Option<usize>],
    group_of_new: &mut [Option<usize>],
    old_tokens: &[Vec<u32>],
    new_tokens: &[Vec<u32>],
) {
    for side in [Side::New, Side::Old] {
        // Forward sweep then backward sweep, so runs of pieces on either side of a group join.
        for forward in [true, false] {
            let len = if side == Side::New {
                group_of_new.len()
            } else {
                group_of_old.len()
            };
            let order: Vec<usize> = if forward {
                (0..len).collect()
            } else {
                (0..len).rev().collect()
            };
            for i in order {
                let (mine, mine_tokens, theirs_tokens) = match side {
                    Side::New => (&mut *group_of_new, new_tokens, old_tokens),
                    Side::Old => (&mut *group_of_old, old_tokens, new_tokens),
                };
                if mine.get(i).is_some_and(Option::is_some) {
                    continue;
                }
                let Some(piece) = mine_tokens.get(i) else {
                    continue;
                };
                if piece.len() < MIN_WORDS {
                    continue;
                }
                let neighbour = if forward {
                    i.checked_sub(1)
                } else {
                    Some(i + 1)
                };
                let Some(g) = neighbour.and_then(|j| mine.get(j).copied().flatten()) else {
                    continue;
                };
                let Some(group) = groups.get(g) else {
                    continue;
                };
                let (other, same) = match side {
                    Side::New => (&group.old, &group.new),
                    Side::Old => (&group.new, &group.old),
                };
                if other.len() != 1 {
                    continue;
                }
                let rest = uncovered(other, same, theirs_tokens, mine_tokens);
                if containment(piece, &rest) < CONTAINMENT && !explains_rest(piece, &rest) {
                    continue;
                }
                if let Some(slot) = mine.get_mut(i) {
                    *slot = Some(g);
                }
                if let Some(group) = groups.get_mut(g) {
                    let list = match side {
                        Side::New => &mut group.new,
                        Side::Old => &mut group.old,
                    };
                    list.push(i);
                    list.sort_unstable();
                }
            }
        }
    }
}

/// A piece joined by a shared phrase has at least this many words.
const PHRASE_MIN_WORDS: usize = 10;
/// Length in words of the windows that tell a phrase the documents repeat (a formula such as the
/// name of a conference) from one they do not.
const PHRASE_WORDS: usize = 5;
/// Length in words of the shared phrase that must come from the piece: the run that the word
/// diff always shows as equal text ([`crate::diff::ANCHOR_WORDS`]).
const PHRASE_RUN: usize = crate::diff::ANCHOR_WORDS;
/// TF-IDF weighted share (words and word pairs) of the piece that the counterpart must contain.
const PHRASE_WEIGHTED: f64 = 0.4;
/// Share of the piece's words that the counterpart must contain.
const PHRASE_CONTAINMENT: f64 = 0.6;
/// Words of the piece found only in the counterpart's unexplained remainder.
const PHRASE_REST_HITS: usize = 4;

/// Token sequences of both sides, in text order (for the shared-phrase rule).
pub(crate) struct Sequences<'a> {
    /// Old paragraphs' word token ids in order.
    pub(crate) old: &'a [Vec<u32>],
    /// New paragraphs' word token ids in order.
    pub(crate) new: &'a [Vec<u32>],
}

/// The windows of [`PHRASE_WORDS`] words, lying in a run of at least [`PHRASE_RUN`] words that
/// `piece` and `target` share, that none of `partners` holds.
fn shared_windows<'a>(piece: &'a [u32], target: &[u32], partners: &[&[u32]]) -> Vec<&'a [u32]> {
    let k = PHRASE_WORDS;
    let in_partners: crate::fxhash::FxSet<&[u32]> =
        partners.iter().flat_map(|p| p.windows(k)).collect();
    let mut out: Vec<&[u32]> = Vec::new();
    for i in 0..piece.len() {
        for j in 0..target.len() {
            // Only where a shared run starts.
            let starts = i == 0 || j == 0 || piece.get(i - 1) != target.get(j - 1);
            if !starts || piece.get(i) != target.get(j) {
                continue;
            }
            let len = piece
                .get(i..)
                .unwrap_or_default()
                .iter()
                .zip(target.get(j..).unwrap_or_default())
                .take_while(|(a, b)| a == b)
                .count();
            if len >= PHRASE_RUN {
                let run = piece.get(i..i + len).unwrap_or_default();
                out.extend(run.windows(k).filter(|w| !in_partners.contains(w)));
            }
        }
    }
    out
}

/// Whether one of `windows` occurs in exactly one paragraph of each document (not a formula the
/// documents repeat).
fn any_unique(windows: &[&[u32]], seqs: &Sequences<'_>) -> bool {
    let mut counts: crate::fxhash::FxMap<&[u32], (u32, u32)> =
        windows.iter().map(|w| (*w, (0, 0))).collect();
    for (old_side, paras) in [(true, seqs.old), (false, seqs.new)] {
        for p in paras {
            let mut seen: crate::fxhash::FxSet<&[u32]> = Default::default();
            for w in p.windows(PHRASE_WORDS) {
                if let Some(c) = counts.get_mut(w)
                    && seen.insert(w)
                {
                    if old_side {
                        c.0 += 1;
                    } else {
                        c.1 += 1;
                    }
                }
            }
        }
    }
    counts.values().any(|&c| c == (1, 1))
}

/// The shared-phrase rule (pass 7b of the module documentation of `align`), for pieces that
/// neither [`detect`] rule took and no other pass linked: an unmatched paragraph joins the group
/// of a candidate counterpart (a merge on the old side, a split on the new side) when
///
/// - both are preambular or both operative (`same_part`; a phrase alone is not enough evidence
///   for a move between the preamble and the operative part, nor for list items, whose shared
///   formulas repeat),
/// - the piece has at least [`PHRASE_MIN_WORDS`] words, ≥ [`PHRASE_CONTAINMENT`] of them found in
///   the counterpart and ≥ [`PHRASE_WEIGHTED`] of its TF-IDF weight (`contained`),
/// - at least [`PHRASE_REST_HITS`] of its words are among those of the counterpart that the
///   group's own paragraphs leave unexplained, and
/// - the piece and the counterpart share a run of at least [`PHRASE_RUN`] words holding a window
///   of [`PHRASE_WORDS`] words that the group's own paragraphs do not have and that no other
///   paragraph of either document repeats: the piece brought that wording over.
///
/// 78/155 OP25 + OP29 → 79/208 OP26: OP29's "importance of mainstreaming biodiversity across
/// government and society" came into OP26, whose other words are OP25's.
#[allow(clippy::too_many_arguments)]
pub(crate) fn phrases(
    groups: &mut [Group],
    group_of_old: &mut [Option<usize>],
    group_of_new: &mut [Option<usize>],
    sorted: (&[Vec<u32>], &[Vec<u32>]),
    seqs: &Sequences<'_>,
    cands_of_new: &[Vec<usize>],
    cands_of_old: &[Vec<usize>],
    contained: impl Fn(usize, usize, bool) -> f64,
    same_part: impl Fn(usize, usize) -> bool,
) {
    for side in [Side::Old, Side::New] {
        let (mine, theirs, mine_sorted, theirs_sorted, mine_seq, theirs_seq, cands) = match side {
            Side::Old => (
                &mut *group_of_old,
                &*group_of_new,
                sorted.0,
                sorted.1,
                seqs.old,
                seqs.new,
                cands_of_old,
            ),
            Side::New => (
                &mut *group_of_new,
                &*group_of_old,
                sorted.1,
                sorted.0,
                seqs.new,
                seqs.old,
                cands_of_new,
            ),
        };
        for i in 0..mine.len() {
            if mine.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let (Some(piece), Some(piece_seq), Some(list)) =
                (mine_sorted.get(i), mine_seq.get(i), cands.get(i))
            else {
                continue;
            };
            if piece.len() < PHRASE_MIN_WORDS {
                continue;
            }
            let mut best: Option<(usize, usize)> = None;
            for &c in list {
                let Some(g) = theirs.get(c).copied().flatten() else {
                    continue;
                };
                let Some(group) = groups.get(g) else { continue };
                let (other, same) = match side {
                    Side::New => (&group.old, &group.new),
                    Side::Old => (&group.new, &group.old),
                };
                if other.len() != 1 {
                    continue;
                }
                let (o, n) = match side {
                    Side::Old => (i, c),
                    Side::New => (c, i),
                };
                if !same_part(o, n) {
                    continue;
                }
                let (Some(target), Some(target_seq)) = (theirs_sorted.get(c), theirs_seq.get(c))
                else {
                    continue;
                };
                if (common(piece, target) as f64) < PHRASE_CONTAINMENT * piece.len() as f64 {
                    continue;
                }
                let hits = common(piece, &uncovered(other, same, theirs_sorted, mine_sorted));
                if hits < PHRASE_REST_HITS {
                    continue;
                }
                if contained(o, n, side == Side::Old) < PHRASE_WEIGHTED {
                    continue;
                }
                let partners: Vec<&[u32]> = same
                    .iter()
                    .filter_map(|&k| mine_seq.get(k))
                    .map(Vec::as_slice)
                    .collect();
                let windows = shared_windows(piece_seq, target_seq, &partners);
                if windows.is_empty() || !any_unique(&windows, seqs) {
                    continue;
                }
                if best.is_none_or(|b| hits > b.0) {
                    best = Some((hits, g));
                }
            }
            if let Some((_, g)) = best {
                if let Some(slot) = mine.get_mut(i) {
                    *slot = Some(g);
                }
                if let Some(group) = groups.get_mut(g) {
                    let list = match side {
                        Side::New => &mut group.new,
                        Side::Old => &mut group.old,
                    };
                    list.push(i);
                    list.sort_unstable();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Old: Y (0), X (1), Z (2); new: N (0), W (1). Y → N is linked; X is a candidate of N and
    /// W a candidate of Y. `phrase` is the run X shares with N; `z` is Z's text.
    struct Case {
        old: Vec<Vec<u32>>,
        new: Vec<Vec<u32>>,
    }

    impl Case {
        fn new(phrase: &[u32], z: &[u32]) -> Self {
            let y: Vec<u32> = (1..=12).collect();
            let n: Vec<u32> = y.iter().chain(phrase).copied().collect();
            // X: half of Y's words, then the phrase.
            let x: Vec<u32> = (1..=6).chain(phrase.iter().copied()).collect();
            Case {
                old: vec![y, x, z.to_vec()],
                new: vec![n, (200..=215).collect()],
            }
        }

        /// Runs the rule; returns the group of Y → N.
        fn run(&self, same_part: bool) -> Group {
            run_rule(&self.old, &self.new, same_part)
        }
    }

    /// Runs the rule with old 0 → new 0 linked, every other paragraph unmatched and each
    /// paragraph's only candidate the other side's first; returns that group.
    fn run_rule(old: &[Vec<u32>], new: &[Vec<u32>], same_part: bool) -> Group {
        let sort = |v: &[Vec<u32>]| -> Vec<Vec<u32>> {
            v.iter()
                .map(|t| {
                    let mut s = t.clone();
                    s.sort_unstable();
                    s
                })
                .collect()
        };
        let (old_sorted, new_sorted) = (sort(old), sort(new));
        let mut groups = vec![Group {
            old: vec![0],
            new: vec![0],
            score: 0.9,
            reason: None,
        }];
        let linked = |len: usize| -> Vec<Option<usize>> {
            (0..len).map(|i| (i == 0).then_some(0)).collect()
        };
        let (mut group_of_old, mut group_of_new) = (linked(old.len()), linked(new.len()));
        phrases(
            &mut groups,
            &mut group_of_old,
            &mut group_of_new,
            (&old_sorted, &new_sorted),
            &Sequences { old, new },
            &vec![vec![0]; new.len()],
            &vec![vec![0]; old.len()],
            |_, _, _| 0.5,
            |_, _| same_part,
        );
        groups.swap_remove(0)
    }

    #[test]
    fn a_piece_that_brought_a_phrase_of_eight_words_is_merged() {
        let phrase: Vec<u32> = (100..108).collect();
        let g = Case::new(&phrase, &[300, 301, 302]).run(true);
        assert_eq!((g.old, g.new), (vec![0, 1], vec![0]));
    }

    #[test]
    fn seven_shared_words_are_not_enough() {
        let phrase: Vec<u32> = (100..107).collect();
        let g = Case::new(&phrase, &[300, 301, 302]).run(true);
        assert_eq!((g.old, g.new), (vec![0], vec![0]));
    }

    #[test]
    fn a_phrase_another_paragraph_repeats_is_a_formula() {
        let phrase: Vec<u32> = (100..110).collect();
        // Z repeats the phrase: every window of it occurs in two old paragraphs.
        let g = Case::new(&phrase, &phrase).run(true);
        assert_eq!((g.old, g.new), (vec![0], vec![0]));
        // Z repeating only the first five words leaves a novel window in the run.
        let g = Case::new(&phrase, &phrase[..5]).run(true);
        assert_eq!((g.old, g.new), (vec![0, 1], vec![0]));
    }

    #[test]
    fn no_merge_across_parts() {
        let phrase: Vec<u32> = (100..110).collect();
        let g = Case::new(&phrase, &[300]).run(false);
        assert_eq!((g.old, g.new), (vec![0], vec![0]));
    }

    #[test]
    fn a_phrase_the_partner_already_has_is_not_evidence() {
        let phrase: Vec<u32> = (100..110).collect();
        let mut case = Case::new(&phrase, &[300]);
        // Y already holds the phrase: N got it from Y.
        if let Some(y) = case.old.get_mut(0) {
            y.extend(&phrase);
        }
        let g = case.run(true);
        assert_eq!((g.old, g.new), (vec![0], vec![0]));
    }

    #[test]
    fn the_mirror_is_a_split() {
        let phrase: Vec<u32> = (100..110).collect();
        let case = Case::new(&phrase, &[300]);
        // Swap the sides: the old Y+phrase is split into the new Y and X.
        let old = vec![case.new[0].clone(), (200..=215).collect()];
        let new = vec![case.old[0].clone(), case.old[1].clone(), vec![300]];
        let g = run_rule(&old, &new, true);
        assert_eq!((g.old, g.new), (vec![0], vec![0, 1]));
    }
}
