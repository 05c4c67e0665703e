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
