//! Edit scripts over interned token ids: `similar`'s Myers search, with long common runs pinned
//! first.
//!
//! A shortest edit script is not always the one a reader expects: when a paragraph is rewritten
//! around a long unchanged clause, the shortest script may delete the clause and insert it again
//! a few words later, because that lets it keep more short common words elsewhere. So
//! [`diff_anchored`] finds every run of at least [`ANCHOR_WORDS`] words that both sides share and
//! the set of them, in the same order on both sides, with the most words. If the shortest script
//! (`similar`'s raw Myers search: no heuristics, under the caller's deadline) shows that many
//! words in long equal runs, it is kept; otherwise those runs are pinned as equal text and only
//! the gaps between them are searched.

use std::hash::{Hash, Hasher};
use std::time::Instant;

use similar::algorithms::{DiffHook, myers};

use super::OpKind;
use crate::fxhash::{FxHasher, FxMap};

/// A shared run of at least this many words is always shown as equal text (unless it crosses a
/// longer shared run, which a diff cannot show as equal at the same time).
pub const ANCHOR_WORDS: usize = 8;

/// A window of [`ANCHOR_WORDS`] words that occurs more often than this in the old text is too
/// ambiguous to pin (a repeated formula); the search decides there.
const MAX_OCCURRENCES: usize = 16;

/// One run of the edit script: `len` tokens kept, deleted or inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    /// Equal, delete or insert.
    pub op: OpKind,
    /// Number of tokens.
    pub len: usize,
}

/// Collects `similar`'s callbacks as runs, merging neighbours of the same kind.
#[derive(Default)]
struct Collect {
    out: Vec<Edit>,
}

impl Collect {
    fn push(&mut self, op: OpKind, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.out.last_mut()
            && last.op == op
        {
            last.len += len;
            return;
        }
        self.out.push(Edit { op, len });
    }
}

impl DiffHook for Collect {
    type Error = std::convert::Infallible;

    fn equal(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Self::Error> {
        self.push(OpKind::Equal, len);
        Ok(())
    }

    fn delete(&mut self, _old: usize, len: usize, _new: usize) -> Result<(), Self::Error> {
        self.push(OpKind::Delete, len);
        Ok(())
    }

    fn insert(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Self::Error> {
        self.push(OpKind::Insert, len);
        Ok(())
    }
}

fn expired(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() >= d)
}

/// Searches of at most this many tokens (both sides together) run to the end without reading
/// the clock, when at least [`UNTIMED_MARGIN`] of the budget is left: at worst about
/// (N + M)² / 2 steps, a few milliseconds. Reading the clock once per search depth cost about
/// 7 % of the searches' time on the sample pair (`perf`).
const UNTIMED_TOKENS: usize = 2_048;

/// The budget a search of at most [`UNTIMED_TOKENS`] tokens must have left to run without the
/// clock, several times its worst case; with less (a comparison whose overall budget is spent
/// gives each pair 1 ms), the search is timed as any other.
const UNTIMED_MARGIN: std::time::Duration = std::time::Duration::from_millis(20);

/// Appends the shortest edit script of `a` → `b` to `c`. When the deadline passes during the
/// search, `similar` reports the unsolved rest as deletion plus insertion (exact, coarser);
/// a short search with time to spare always runs to the end (see [`UNTIMED_TOKENS`]).
fn myers_into(c: &mut Collect, a: &[u32], b: &[u32], deadline: Option<Instant>) {
    if a.is_empty() || b.is_empty() || disjoint(a, b) {
        // Without a common token the only script is delete-all/insert-all, which the search
        // would also find, but only after O((N + M)²) steps.
        c.push(OpKind::Delete, a.len());
        c.push(OpKind::Insert, b.len());
        return;
    }
    let deadline = deadline.filter(|_| !runs_untimed(a.len() + b.len(), deadline));
    let Ok(()) = myers::diff_deadline_raw(c, a, 0..a.len(), b, 0..b.len(), deadline);
}

/// Whether a search over `tokens` tokens (both sides together) runs to the end without reading
/// the clock (see [`UNTIMED_TOKENS`]): it then always finds a shortest edit script.
pub(crate) fn runs_untimed(tokens: usize, deadline: Option<Instant>) -> bool {
    deadline.is_none_or(|d| {
        tokens <= UNTIMED_TOKENS && d.saturating_duration_since(Instant::now()) >= UNTIMED_MARGIN
    })
}

/// Every shortest edit script of `a` → `b`, told apart by the tokens they keep, when there are
/// at most `max_scripts` of them and the two sides have at most `max_points` pairs of equal
/// tokens; else `None`. An empty list never comes back: without a common token the one script
/// deletes `a` and inserts `b`.
///
/// A shortest script keeps a longest common subsequence, so when only one set of kept token
/// pairs is that long, every shortest search — `similar`'s Myers search included — keeps it,
/// and when there are a few, one of them (the order of the deletions and insertions between two
/// kept tokens may differ). Finding them is cheap when few token pairs are equal
/// (a content-word re-alignment, where function words and spaces cannot match: 80 equal pairs
/// in the 355 × 348 tokens of the sample pair's largest rewrite), while a Myers search there
/// walks every diagonal for every unmatched token. Each script's equal runs, deletions and
/// insertions are merged; between two kept tokens the deletions come first.
pub(crate) fn shortest_scripts(
    a: &[u32],
    b: &[u32],
    max_points: usize,
    max_scripts: usize,
) -> Option<Vec<Vec<Edit>>> {
    // The pairs of equal tokens, ordered by position in `a`, then in `b`: a pair that can come
    // before another in a common subsequence is listed before it.
    let mut in_b: Vec<(u32, usize)> = b.iter().enumerate().map(|(j, &t)| (t, j)).collect();
    in_b.sort_unstable();
    let mut points: Vec<(usize, usize)> = Vec::new();
    for (i, &t) in a.iter().enumerate() {
        let from = in_b.partition_point(|&(u, _)| u < t);
        for &(u, j) in in_b.get(from..).unwrap_or_default() {
            if u != t {
                break;
            }
            if points.len() == max_points {
                return None;
            }
            points.push((i, j));
        }
    }
    // For each pair: the length of the longest chain of pairs (each after the last in both
    // sequences) that ends with it, and how many chains that long end with it (saturating).
    let mut length = vec![1usize; points.len()];
    let mut count = vec![1u64; points.len()];
    for p in 0..points.len() {
        let (pi, pj) = points[p];
        for q in 0..p {
            let (qi, qj) = points[q];
            if qi >= pi || qj >= pj {
                continue;
            }
            if length[q] + 1 > length[p] {
                length[p] = length[q] + 1;
                count[p] = count[q];
            } else if length[q] + 1 == length[p] {
                count[p] = count[p].saturating_add(count[q]);
            }
        }
    }
    let longest = length.iter().copied().max().unwrap_or(0);
    if longest == 0 {
        return Some(vec![script_keeping(&[], a.len(), b.len())]);
    }
    let total = (0..points.len())
        .filter(|&p| length[p] == longest)
        .fold(0u64, |sum, p| sum.saturating_add(count[p]));
    if total > max_scripts as u64 {
        return None;
    }
    // Walk every longest chain back from its last pair.
    let mut walk = Walk {
        points: &points,
        length: &length,
        sizes: (a.len(), b.len()),
        chain: Vec::with_capacity(longest),
        scripts: Vec::new(),
    };
    for p in (0..points.len()).filter(|&p| length[p] == longest) {
        walk.chains_ending_at(p);
    }
    Some(walk.scripts)
}

/// The walk of [`shortest_scripts`] back along the longest chains of equal pairs.
struct Walk<'p> {
    /// The equal pairs, by position in `a`, then in `b`.
    points: &'p [(usize, usize)],
    /// The length of the longest chain ending with each pair.
    length: &'p [usize],
    /// The lengths of `a` and `b`.
    sizes: (usize, usize),
    /// The pairs after the one being visited, last first.
    chain: Vec<(usize, usize)>,
    /// The script of every chain walked to its start.
    scripts: Vec<Vec<Edit>>,
}

impl Walk<'_> {
    /// Adds the script of every longest chain ending at pair `p`.
    fn chains_ending_at(&mut self, p: usize) {
        let (pi, pj) = self.points[p];
        self.chain.push((pi, pj));
        if self.length[p] == 1 {
            let kept: Vec<(usize, usize)> = self.chain.iter().rev().copied().collect();
            let (n, m) = self.sizes;
            self.scripts.push(script_keeping(&kept, n, m));
        } else {
            for q in 0..p {
                let (qi, qj) = self.points[q];
                if qi < pi && qj < pj && self.length[q] + 1 == self.length[p] {
                    self.chains_ending_at(q);
                }
            }
        }
        self.chain.pop();
    }
}

/// The edit script of an `a` of `n` tokens → a `b` of `m` tokens that keeps the pairs `kept`
/// (ascending in both), deletions before insertions between them.
fn script_keeping(kept: &[(usize, usize)], n: usize, m: usize) -> Vec<Edit> {
    let mut c = Collect::default();
    let (mut i, mut j) = (0, 0);
    for &(ki, kj) in kept {
        c.push(OpKind::Delete, ki - i);
        c.push(OpKind::Insert, kj - j);
        c.push(OpKind::Equal, 1);
        (i, j) = (ki + 1, kj + 1);
    }
    c.push(OpKind::Delete, n - i);
    c.push(OpKind::Insert, m - j);
    c.out
}

/// True when `a` and `b` have no token in common.
fn disjoint(a: &[u32], b: &[u32]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() <= 8 {
        return !large.iter().any(|t| small.contains(t));
    }
    let mut sorted = small.to_vec();
    sorted.sort_unstable();
    !large.iter().any(|t| sorted.binary_search(t).is_ok())
}

/// Diffs `a` against `b` with `similar`'s Myers search. Returns the edit script and whether the
/// deadline passed (part of the script may then be coarser than the shortest).
pub(crate) fn diff(a: &[u32], b: &[u32], deadline: Option<Instant>) -> (Vec<Edit>, bool) {
    let mut c = Collect::default();
    myers_into(&mut c, a, b, deadline);
    (c.out, expired(deadline))
}

/// A shared run: `len` tokens from `a` at `a` and from `b` at `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    a: usize,
    b: usize,
    len: usize,
    words: usize,
}

fn window_hash(toks: &[u32]) -> u64 {
    let mut h = FxHasher::default();
    toks.hash(&mut h);
    h.finish()
}

/// Every maximal run of tokens shared by `a` and `b` that holds at least [`ANCHOR_WORDS`]
/// words. `wa`/`wb` are the positions of the word tokens. Windows of the old text that repeat
/// more than [`MAX_OCCURRENCES`] times are not used as seeds.
fn shared_runs(
    a: &[u32],
    b: &[u32],
    wa: &[usize],
    wb: &[usize],
    deadline: Option<Instant>,
) -> Vec<Run> {
    let k = ANCHOR_WORDS;
    if wa.len() < k || wb.len() < k {
        return Vec::new();
    }
    // Token range of the window of `k` words starting at word `p`.
    let window = |w: &[usize], p: usize| (w[p], w[p + k - 1] + 1);
    let mut seeds: FxMap<u64, Vec<usize>> = FxMap::default();
    for p in 0..=wa.len() - k {
        let (s, e) = window(wa, p);
        seeds.entry(window_hash(&a[s..e])).or_default().push(p);
    }
    // The end (in `a`) of the last run found on each diagonal, so a run is found once.
    let mut reach: FxMap<isize, usize> = FxMap::default();
    let mut runs = Vec::new();
    for q in 0..=wb.len() - k {
        if q % 256 == 0 && expired(deadline) {
            break;
        }
        let (bs, be) = window(wb, q);
        let Some(ps) = seeds.get(&window_hash(&b[bs..be])) else {
            continue;
        };
        if ps.len() > MAX_OCCURRENCES {
            continue;
        }
        for &p in ps {
            let (as_, ae) = window(wa, p);
            let diag = as_ as isize - bs as isize;
            if reach.get(&diag).is_some_and(|&end| end > as_) {
                continue;
            }
            if a[as_..ae] != b[bs..be] {
                continue;
            }
            let (mut i, mut j) = (as_, bs);
            while i > 0 && j > 0 && a[i - 1] == b[j - 1] {
                i -= 1;
                j -= 1;
            }
            let (mut ie, mut je) = (ae, be);
            while ie < a.len() && je < b.len() && a[ie] == b[je] {
                ie += 1;
                je += 1;
            }
            reach.insert(diag, ie);
            // Pin from the first to the last word: the spaces and punctuation at the edges are
            // often shared with the next run, and the gap's search places them.
            let (first, last) = (
                wa.partition_point(|&x| x < i),
                wa.partition_point(|&x| x < ie),
            );
            let (Some(&s), Some(&e)) = (wa.get(first), last.checked_sub(1).and_then(|l| wa.get(l)))
            else {
                continue;
            };
            runs.push(Run {
                a: s,
                b: j + (s - i),
                len: e + 1 - s,
                words: last - first,
            });
        }
    }
    runs
}

/// Above this many shared runs, [`chain`] takes them longest first instead of searching for the
/// best set (which costs the square of their number).
const MAX_CHAIN_SEARCH: usize = 2_000;

/// The shared runs to pin: a set of runs in the same order on both sides (none overlapping;
/// a run that overlaps the one before it is cut at its head, from the next word on) with the
/// most words in all, so that a long run repeated elsewhere cannot push out two runs that
/// together hold more. Sorted by position. `wa` are the positions of the old words.
fn chain(mut runs: Vec<Run>, wa: &[usize]) -> Vec<Run> {
    let words =
        |s: usize, e: usize| wa.partition_point(|&x| x < e) - wa.partition_point(|&x| x < s);
    let fits = |p: &Run, r: &Run| p.a + p.len <= r.a && p.b + p.len <= r.b;
    if runs.len() > MAX_CHAIN_SEARCH {
        runs.sort_by(|x, y| {
            y.words
                .cmp(&x.words)
                .then(x.a.cmp(&y.a))
                .then(x.b.cmp(&y.b))
        });
        let mut kept: std::collections::BTreeMap<usize, Run> = std::collections::BTreeMap::new();
        for r in runs {
            let before = kept.range(..=r.a).next_back().map(|(_, v)| *v);
            let after = kept.range(r.a..).next().map(|(_, v)| *v);
            if before.is_none_or(|p| fits(&p, &r)) && after.is_none_or(|n| fits(&r, &n)) {
                kept.insert(r.a, r);
            }
        }
        return kept.into_values().collect();
    }
    runs.sort_by_key(|r| (r.a, r.b));
    // best[i]: most words of a chain ending with run i, whose start is then start[i] (the run
    // cut at its head, to the next word, where it overlaps its predecessor `prev[i]`).
    let n = runs.len();
    let (mut best, mut prev, mut start) = (vec![0; n], vec![None; n], vec![0; n]);
    for (i, r) in runs.iter().enumerate() {
        let end = r.a + r.len;
        let (mut top, mut top_prev, mut top_start) = (r.words, None, r.a);
        for (j, p) in runs[..i].iter().enumerate() {
            let head = (p.a + p.len)
                .saturating_sub(r.a)
                .max((p.b + p.len).saturating_sub(r.b));
            let Some(&s) = wa.get(wa.partition_point(|&x| x < r.a + head)) else {
                continue;
            };
            if s >= end {
                continue;
            }
            let value = best[j] + words(s, end);
            if value > top {
                (top, top_prev, top_start) = (value, Some(j), s);
            }
        }
        (best[i], prev[i], start[i]) = (top, top_prev, top_start);
    }
    let mut at = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
    let mut out = Vec::new();
    while let Some(i) = at {
        let r = runs[i];
        let cut = start[i] - r.a;
        out.push(Run {
            a: start[i],
            b: r.b + cut,
            len: r.len - cut,
            words: words(start[i], r.a + r.len),
        });
        at = prev[i];
    }
    out.reverse();
    out
}

/// Words of `a` in equal runs of [`ANCHOR_WORDS`] words or more in `edits`.
fn long_equal_words(edits: &[Edit], wa: &[usize]) -> usize {
    let mut i = 0;
    let mut total = 0;
    for e in edits {
        if e.op != OpKind::Insert {
            if e.op == OpKind::Equal {
                let w = wa.partition_point(|&x| x < i + e.len) - wa.partition_point(|&x| x < i);
                if w >= ANCHOR_WORDS {
                    total += w;
                }
            }
            i += e.len;
        }
    }
    total
}

/// Diffs `a` against `b` (token ids; `wa`/`wb` the positions of word tokens) so that long
/// shared runs show as equal text (see the module doc). The shortest edit script is kept when it
/// already shows as many words in long equal runs as the best set of pinned runs holds; else the
/// runs are pinned and only the gaps between them are searched. Returns the edit script and
/// whether the deadline passed.
pub(crate) fn diff_anchored(
    a: &[u32],
    b: &[u32],
    wa: &[usize],
    wb: &[usize],
    deadline: Option<Instant>,
) -> (Vec<Edit>, bool) {
    let anchors = chain(shared_runs(a, b, wa, wb, deadline), wa);
    let mut c = Collect::default();
    myers_into(&mut c, a, b, deadline);
    let pinned: usize = anchors.iter().map(|r| r.words).sum();
    if anchors.is_empty() || long_equal_words(&c.out, wa) >= pinned {
        return (c.out, expired(deadline));
    }
    let mut c = Collect::default();
    let (mut i, mut j) = (0usize, 0usize);
    for r in anchors {
        myers_into(&mut c, &a[i..r.a], &b[j..r.b], deadline);
        c.push(OpKind::Equal, r.len);
        i = r.a + r.len;
        j = r.b + r.len;
    }
    myers_into(&mut c, &a[i..], &b[j..], deadline);
    (c.out, expired(deadline))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> Vec<usize> {
        (0..n).collect()
    }

    fn replay(edits: &[Edit], a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
        let (mut i, mut j) = (0, 0);
        let (mut ra, mut rb) = (Vec::new(), Vec::new());
        for e in edits {
            match e.op {
                OpKind::Equal => {
                    assert_eq!(a[i..i + e.len], b[j..j + e.len]);
                    ra.extend_from_slice(&a[i..i + e.len]);
                    rb.extend_from_slice(&b[j..j + e.len]);
                    i += e.len;
                    j += e.len;
                }
                OpKind::Delete => {
                    ra.extend_from_slice(&a[i..i + e.len]);
                    i += e.len;
                }
                OpKind::Insert => {
                    rb.extend_from_slice(&b[j..j + e.len]);
                    j += e.len;
                }
            }
        }
        (ra, rb)
    }

    /// The token pairs an edit script keeps.
    fn kept(edits: &[Edit]) -> Vec<(usize, usize)> {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        for e in edits {
            match e.op {
                OpKind::Equal => {
                    out.extend((0..e.len).map(|k| (i + k, j + k)));
                    i += e.len;
                    j += e.len;
                }
                OpKind::Delete => i += e.len,
                OpKind::Insert => j += e.len,
            }
        }
        out
    }

    /// `shortest_scripts` against `similar`'s search on `a` → `b`: when it lists scripts, they
    /// are distinct, each reproduces both sides, each keeps as many tokens as the search, and
    /// the search's script keeps the same pairs as one of them. Returns how many were listed.
    fn check_listing(a: &[u32], b: &[u32], max_scripts: usize) -> Option<usize> {
        let scripts = shortest_scripts(a, b, 256, max_scripts)?;
        let (searched, timed_out) = diff(a, b, None);
        assert!(!timed_out);
        let best = kept(&searched);
        assert!(!scripts.is_empty() && scripts.len() <= max_scripts);
        let sets: Vec<Vec<(usize, usize)>> = scripts.iter().map(|s| kept(s)).collect();
        for (s, k) in scripts.iter().zip(&sets) {
            assert_eq!(replay(s, a, b), (a.to_vec(), b.to_vec()));
            assert_eq!(k.len(), best.len(), "{a:?} {b:?}");
            assert_eq!(sets.iter().filter(|x| *x == k).count(), 1, "listed twice");
        }
        assert!(
            sets.contains(&best),
            "{a:?} {b:?}: search kept {best:?}, listed {sets:?}"
        );
        Some(scripts.len())
    }

    #[test]
    fn listed_scripts_are_the_shortest_and_hold_the_search_result() {
        // Content words 1..=3 repeat; 100.. are unique (function words and spaces in the
        // re-alignment), so few pairs are equal.
        // `1 2` or `1 3` are kept: two scripts.
        let a = [1, 100, 2, 101, 3];
        let b = [1, 102, 3, 103, 2];
        assert_eq!(check_listing(&a, &b, 8), Some(2));
        // One longest set: listed alone.
        assert_eq!(
            check_listing(&[1, 100, 2, 101, 3], &[1, 102, 2, 3], 8),
            Some(1)
        );
        // Nothing in common: the one script deletes everything and inserts everything.
        let only = shortest_scripts(&[100, 101], &[102], 256, 8);
        assert_eq!(
            only,
            Some(vec![vec![
                Edit {
                    op: OpKind::Delete,
                    len: 2
                },
                Edit {
                    op: OpKind::Insert,
                    len: 1
                }
            ]])
        );
        // `1 1 1 1` → `1 1`: six ways to keep two. Listed with room for eight, not with five.
        assert_eq!(check_listing(&[1, 1, 1, 1], &[1, 1], 8), Some(6));
        assert_eq!(shortest_scripts(&[1, 1, 1, 1], &[1, 1], 256, 5), None);
        // Too many equal pairs: not listed.
        assert_eq!(shortest_scripts(&[1; 20], &[1; 20], 256, 8), None);
        // A short side against a long one (at most 64 against at least 512 tokens), where
        // `similar` answers with its exact table for a small side instead of the search: `1 2 3`
        // kept, with `2` at one of two places.
        let a: Vec<u32> = [1, 2, 3].iter().flat_map(|&t| [t, 100 + t]).collect();
        let mut b: Vec<u32> = (1000..1600).collect();
        for (at, t) in [(100, 1), (300, 2), (400, 2), (500, 3)] {
            b[at] = t;
        }
        assert_eq!(check_listing(&a, &b, 8), Some(2));
    }

    /// `v` with ids 4 and up made unique (`base` + position): tokens that never match, as the
    /// function words and spaces of a content re-alignment.
    fn unmatched_above_four(v: &[u32], base: u32) -> Vec<u32> {
        v.iter()
            .enumerate()
            .map(|(k, &t)| if t < 4 { t } else { base + k as u32 })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn listing_agrees_with_the_search(
            a in proptest::collection::vec(0u32..12, 0..40),
            b in proptest::collection::vec(0u32..12, 0..40),
        ) {
            let (a, b) = (unmatched_above_four(&a, 1000), unmatched_above_four(&b, 2000));
            let _ = check_listing(&a, &b, 64);
        }

        #[test]
        fn listing_agrees_with_the_search_on_a_short_side_against_a_long_one(
            a in proptest::collection::vec(0u32..12, 1..64),
            b in proptest::collection::vec(0u32..200, 512..700),
        ) {
            // The long side holds a shared id (0..4) about once in fifty tokens.
            let (a, b) = (unmatched_above_four(&a, 1000), unmatched_above_four(&b, 2000));
            let _ = check_listing(&a, &b, 64);
        }
    }

    #[test]
    fn a_long_shared_run_stays_equal_where_a_shortest_script_could_drop_it() {
        // Old: X (10 tokens) then 1 2; new: 1 2 then X. Both `1 2` and X are common; the
        // shortest script keeps X (10) and re-inserts `1 2`, and so does the anchored one.
        let x: Vec<u32> = (100..110).collect();
        let mut a = x.clone();
        a.extend([1, 2]);
        let mut b = vec![1, 2];
        b.extend(&x);
        let (edits, timed_out) = diff_anchored(&a, &b, &words(a.len()), &words(b.len()), None);
        assert!(!timed_out);
        assert_eq!(replay(&edits, &a, &b), (a.clone(), b.clone()));
        let equal: usize = edits
            .iter()
            .filter(|e| e.op == OpKind::Equal)
            .map(|e| e.len)
            .sum();
        assert_eq!(equal, 10);
    }

    #[test]
    fn two_runs_in_order_beat_one_longer_run_that_crosses_them() {
        // 78/42 -> 79/35 PP24 in small: old `M P x M P`, new `Ms P y M P` where `M P` (9
        // words) and `P` (8) repeat. Old 1st `M P` against new 2nd `M P` is the longest single
        // run, but `P`-`P` then `M P`-`M P` keeps 17 words in order.
        let m = [1u32];
        let p: Vec<u32> = (10..18).collect();
        let mp: Vec<u32> = m.iter().chain(&p).copied().collect();
        let old: Vec<u32> = mp.iter().chain(&[50]).chain(&mp).copied().collect();
        let new: Vec<u32> = [2u32]
            .iter()
            .chain(&p)
            .chain(&[60])
            .chain(&mp)
            .copied()
            .collect();
        let (a, wa) = spaced(&old);
        let (b, wb) = spaced(&new);
        let runs = chain(shared_runs(&a, &b, &wa, &wb, None), &wa);
        let words: usize = runs.iter().map(|r| r.words).sum();
        assert_eq!(words, 17, "{runs:?}");
    }

    #[test]
    fn the_longer_of_two_crossing_runs_wins() {
        // a = P Q, b = Q P with |P| = 9, |Q| = 12: only one can be equal; Q is kept.
        let p: Vec<u32> = (1..10).collect();
        let q: Vec<u32> = (20..32).collect();
        let a: Vec<u32> = p.iter().chain(&q).copied().collect();
        let b: Vec<u32> = q.iter().chain(&p).copied().collect();
        let (edits, _) = diff_anchored(&a, &b, &words(a.len()), &words(b.len()), None);
        assert_eq!(replay(&edits, &a, &b), (a.clone(), b.clone()));
        assert!(edits.contains(&Edit {
            op: OpKind::Equal,
            len: 12
        }));
    }

    /// Words get ids from 1, the space between them is 0; returns tokens and word positions.
    fn spaced(words: &[u32]) -> (Vec<u32>, Vec<usize>) {
        let mut toks = Vec::new();
        let mut pos = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                toks.push(0);
            }
            pos.push(toks.len());
            toks.push(*w);
        }
        (toks, pos)
    }

    #[test]
    fn two_runs_separated_by_a_shared_space_are_both_kept() {
        // Old: R1 (8 words) X R2 (9 words); new: R1 R2. Each run, extended, would claim the
        // space between them on the new side; pinned from word to word, both fit.
        let r1: Vec<u32> = (1..=8).collect();
        let r2: Vec<u32> = (20..29).collect();
        let old: Vec<u32> = r1.iter().chain(&[99]).chain(&r2).copied().collect();
        let new: Vec<u32> = r1.iter().chain(&r2).copied().collect();
        let (a, wa) = spaced(&old);
        let (b, wb) = spaced(&new);
        let (edits, _) = diff_anchored(&a, &b, &wa, &wb, None);
        assert_eq!(replay(&edits, &a, &b), (a.clone(), b.clone()));
        let changed: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Equal)
            .map(|e| e.len)
            .sum();
        assert_eq!(changed, 2, "{edits:?}");
        assert_eq!(chain(shared_runs(&a, &b, &wa, &wb, None), &wa).len(), 2);
    }

    #[test]
    fn a_repeated_formula_is_not_pinned_but_the_diff_stays_exact() {
        let unit: Vec<u32> = (1..=8).collect();
        let a: Vec<u32> = unit.iter().cycle().take(8 * 40).copied().collect();
        let mut b = a.clone();
        b.insert(100, 999);
        let (edits, _) = diff_anchored(&a, &b, &words(a.len()), &words(b.len()), None);
        assert_eq!(replay(&edits, &a, &b), (a.clone(), b.clone()));
        let changed: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Equal)
            .map(|e| e.len)
            .sum();
        assert_eq!(changed, 1);
    }

    #[test]
    fn an_expired_deadline_still_gives_an_exact_script() {
        let a: Vec<u32> = (0..300).map(|i| (i * 7 % 13) as u32).collect();
        let b: Vec<u32> = (0..280).map(|i| (i * 5 % 11) as u32).collect();
        let past = Instant::now().checked_sub(std::time::Duration::from_millis(1));
        let (edits, timed_out) = diff_anchored(&a, &b, &words(a.len()), &words(b.len()), past);
        assert!(timed_out);
        assert_eq!(replay(&edits, &a, &b), (a.clone(), b.clone()));
        // The search was cut short (it is short enough to run untimed, but had no time to
        // spare): it is coarser than the full search.
        let (full, _) = diff_anchored(&a, &b, &words(a.len()), &words(b.len()), None);
        assert_ne!(edits, full);
    }
}
