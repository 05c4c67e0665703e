//! Making a raw token diff read the way a person would mark it up.
//!
//! Rules, applied in this order (see [`cleanup`]):
//! 1. **Normalise** ([`merge`]): drop empty runs, merge adjacent runs of the same kind, put all
//!    deletions of a change before its insertions, and move tokens common to the start (end) of a
//!    change's deleted and inserted text out into the equal run before (after) it.
//! 2. **Semantic islands**: an equal run that sits between two changes is folded into the change
//!    (as a deletion plus an insertion of the same text) when
//!    - it is no longer, in characters, than the larger side of the change on *each* side of it
//!      (the rule of diff-match-patch's semantic cleanup, counted on whole tokens); or
//!    - it is whitespace only (whitespace between two changes belongs to the change); or
//!    - it is *weak* — only whitespace, punctuation and at most three common function words
//!      (`the`, `of`, `and`, `to`, …) — and no longer than the two changes around it together.
//!
//!    An equal run of [`ANCHOR_WORDS`] words or more is never folded: a long shared run is always
//!    shown as equal text. Repeated until nothing changes.
//! 3. **Boundary sliding**: a lone insertion or deletion between two equal runs that can slide
//!    (because the same tokens repeat) is placed where its edges fall on the best boundaries: at the
//!    start/end of the text, before a word after a space, after a word before a space. So
//!    `Recalling also its` against `Recalling its` marks `also ` rather than ` also`.
//!
//! 4. **Content re-alignment**: each remaining change (deletion + insertion) is diffed again on
//!    its content words only (whitespace, punctuation and function words cannot anchor a match),
//!    so a shared content word inside a rewritten span (`76/189` in ` and 76/189` →
//!    `, 76/189 and 77/150`) shows as equal text; rules 1–3 then run once more. A person marks up
//!    a growing list as `[- and-]{+,+} 76/189{+ and 77/150+}`, not as a rewrite of ` and 76/189`.
//!
//! Tokens are never split, so edits always cover whole words.

use std::time::Instant;

use super::OpKind;
use super::script::{self, ANCHOR_WORDS, Edit};
use super::token::{Token, TokenKind};
use crate::fxhash::FxMap;

/// A run of tokens with its operation.
#[derive(Debug, Clone)]
pub(crate) struct Seg<'a> {
    /// Equal, delete or insert.
    pub op: OpKind,
    /// The tokens of the run.
    pub toks: Vec<Token<'a>>,
}

const WEAK_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "an", "for", "on", "by", "with", "at", "as", "its",
    "their", "that", "or", "from", "be", "is", "are", "this", "which", "also",
];

fn char_len(toks: &[Token<'_>]) -> usize {
    toks.iter().map(|t| t.text.chars().count()).sum()
}

fn word_count(toks: &[Token<'_>]) -> usize {
    toks.iter().filter(|t| t.kind == TokenKind::Word).count()
}

fn is_weak(toks: &[Token<'_>]) -> bool {
    let mut words = 0;
    for t in toks {
        if t.kind == TokenKind::Word {
            if !is_weak_word(t.text) {
                return false;
            }
            words += 1;
        }
    }
    words <= 3
}

/// Upper bound on island-elimination passes (each pass folds every qualifying island; real
/// paragraphs settle in two or three).
const MAX_PASSES: usize = 32;

/// Runs all cleanup stages on `segs`; `deadline` bounds the content re-alignment.
pub(crate) fn cleanup(segs: Vec<Seg<'_>>, deadline: Option<Instant>) -> Vec<Seg<'_>> {
    let mut segs = fold_islands(merge(segs));
    slide(&mut segs);
    realign_and_finish(merge(segs), deadline)
}

/// Rule 2 until stable (bounded by [`MAX_PASSES`]).
fn fold_islands(mut segs: Vec<Seg<'_>>) -> Vec<Seg<'_>> {
    for _ in 0..MAX_PASSES {
        let (next, changed) = eliminate_islands(segs);
        segs = merge(next);
        if !changed {
            break;
        }
    }
    segs
}

/// Largest change (tokens per side) that rule 4 re-aligns.
const MAX_REALIGN: usize = 4000;

fn is_weak_word(w: &str) -> bool {
    WEAK_WORDS.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn is_weak_token(t: &Token<'_>) -> bool {
    t.kind != TokenKind::Word || is_weak_word(t.text)
}

/// Most pairs of equal content words in a change for which rule 4 lists the longest sets of
/// them itself instead of running the search (see [`script::shortest_scripts`]).
const MAX_MATCH_POINTS: usize = 256;

/// Most ways to keep the largest number of content words that rule 4 tries out, both per change
/// (longest sets listed) and over all changes of the paragraph together (combinations of their
/// sets): when every one of them gives the same result, so does the search, whichever it would
/// pick.
const MAX_ALTERNATIVES: usize = 8;

#[cfg(test)]
thread_local! {
    /// Off in tests that need the search's result everywhere, to compare with.
    static LISTING: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Whether rule 4 may list the longest sets of content words itself (always, but in tests
/// that turn it off on their thread).
fn listing_on() -> bool {
    #[cfg(test)]
    return LISTING.with(std::cell::Cell::get);
    #[cfg(not(test))]
    true
}

/// What rule 4 does with one change.
enum Plan {
    /// Leave it as it is: no content word in common, or out of time.
    Keep,
    /// Split it along this edit script of its deleted → inserted tokens.
    Split(Vec<Edit>),
    /// One of these scripts (two or more), all keeping equally many content words; the search
    /// decides which, unless they all give the same result.
    Open(Vec<Vec<Edit>>),
}

/// One change that rule 4 looks at: the position of its deletion in the seg list, the ids of
/// both sides, and what to do with it.
struct Change {
    at: usize,
    a: Vec<u32>,
    b: Vec<u32>,
    plan: Plan,
}

/// Rule 4 and what follows it: re-aligns each change (a deletion followed by an insertion) on
/// its content words only — whitespace, punctuation and function words may not anchor a match
/// — so that a shared content word (`76/189` in ` and 76/189` → `, 76/189 and 77/150`) stays
/// visible as equal text instead of a shared ` and `; when any change was split, rules 2 and 3
/// run again; then rule 1.
///
/// The re-alignment is a shortest edit script (a longest common subsequence of content words,
/// `similar`'s Myers search). When few content words repeat, the longest ones are found
/// directly; if there is one, the search keeps the same token pairs (it may order the deletions
/// and insertions between two kept tokens differently, which rule 1 makes identical); if there
/// are a few and every choice among them ends in the same segs, that result is the search's too.
/// Otherwise the search runs. The result is the same either way.
fn realign_and_finish<'a>(segs: Vec<Seg<'a>>, deadline: Option<Instant>) -> Vec<Seg<'a>> {
    let mut changes: Vec<Change> = Vec::new();
    for (at, pair) in segs.windows(2).enumerate() {
        let [del, ins] = pair else { continue };
        if del.op != OpKind::Delete
            || ins.op != OpKind::Insert
            || del.toks.len() > MAX_REALIGN
            || ins.toks.len() > MAX_REALIGN
        {
            continue;
        }
        let (a, b) = content_ids(&del.toks, &ins.toks);
        let listed = if listing_on() && script::runs_untimed(a.len() + b.len(), deadline) {
            script::shortest_scripts(&a, &b, MAX_MATCH_POINTS, MAX_ALTERNATIVES)
        } else {
            None
        };
        let plan = match listed {
            // As after a search that ran out of time.
            Some(_) if deadline.is_some_and(|d| Instant::now() >= d) => Plan::Keep,
            Some(scripts) if scripts.len() > 1 => Plan::Open(scripts),
            Some(scripts) => plan_of(scripts.into_iter().next(), false),
            None => {
                let (edits, timed_out) = script::diff(&a, &b, deadline);
                plan_of(Some(edits), timed_out)
            }
        };
        changes.push(Change { at, a, b, plan });
    }
    if changes.iter().any(|c| matches!(c.plan, Plan::Open(..))) {
        if let Some(result) = same_for_every_choice(&segs, &changes) {
            return result;
        }
        // The search decides.
        for c in &mut changes {
            if matches!(c.plan, Plan::Open(..)) {
                let (edits, timed_out) = script::diff(&c.a, &c.b, deadline);
                c.plan = plan_of(Some(edits), timed_out);
            }
        }
    }
    finish(split(&segs, &changes, 0))
}

/// The ids rule 4 diffs a change by: weak tokens get ids no other token has, content words are
/// interned by text (shared by both sides).
fn content_ids<'a>(del: &[Token<'a>], ins: &[Token<'a>]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: FxMap<&'a str, u32> = FxMap::default();
    let mut fresh = u32::MAX;
    let mut id_of = |t: &Token<'a>| -> u32 {
        if is_weak_token(t) {
            fresh -= 1;
            fresh
        } else {
            let next = ids.len() as u32;
            *ids.entry(t.text).or_insert(next)
        }
    };
    let a = del.iter().map(&mut id_of).collect();
    let b = ins.iter().map(&mut id_of).collect();
    (a, b)
}

/// The finished segs when every combination of the open changes' choices gives the same ones
/// (tried while there are at most [`MAX_ALTERNATIVES`] combinations); else `None`.
fn same_for_every_choice<'a>(segs: &[Seg<'a>], changes: &[Change]) -> Option<Vec<Seg<'a>>> {
    let combinations = changes.iter().try_fold(1usize, |n, c| match &c.plan {
        Plan::Open(scripts) => n.checked_mul(scripts.len()),
        _ => Some(n),
    })?;
    if combinations > MAX_ALTERNATIVES {
        return None;
    }
    let first = finish(split(segs, changes, 0));
    (1..combinations)
        .all(|k| same_segs(&first, &finish(split(segs, changes, k))))
        .then_some(first)
}

/// The plan for a change given its edit script: split it when the script keeps a token and the
/// time had not run out.
fn plan_of(edits: Option<Vec<Edit>>, timed_out: bool) -> Plan {
    match edits {
        Some(edits) if !timed_out && edits.iter().any(|e| e.op == OpKind::Equal) => {
            Plan::Split(edits)
        }
        _ => Plan::Keep,
    }
}

/// `segs` with each change split by its plan; the open ones take their choice from `combination`
/// (read as a mixed-radix number, one digit per open change).
fn split<'a>(segs: &[Seg<'a>], changes: &[Change], combination: usize) -> (Vec<Seg<'a>>, bool) {
    let mut out: Vec<Seg<'a>> = Vec::with_capacity(segs.len());
    let mut split_any = false;
    let mut rest = combination;
    let mut next = changes.iter().peekable();
    let mut i = 0;
    while let Some(seg) = segs.get(i) {
        let change = next.next_if(|c| c.at == i);
        let edits = match change.map(|c| &c.plan) {
            Some(Plan::Split(edits)) => Some(edits),
            Some(Plan::Open(scripts)) => {
                let radix = scripts.len().max(1);
                let digit = rest % radix;
                rest /= radix;
                scripts.get(digit)
            }
            _ => None,
        };
        let (Some(edits), Some(ins)) = (edits, segs.get(i + 1)) else {
            out.push(seg.clone());
            i += 1;
            continue;
        };
        split_any = true;
        let (mut x, mut y) = (0usize, 0usize);
        for e in edits {
            let (from, take_a, take_b) = match e.op {
                OpKind::Equal => (&seg.toks, true, true),
                OpKind::Delete => (&seg.toks, true, false),
                OpKind::Insert => (&ins.toks, false, true),
            };
            let start = if take_a { x } else { y };
            let toks = from.get(start..start + e.len).unwrap_or_default().to_vec();
            if take_a {
                x += e.len;
            }
            if take_b {
                y += e.len;
            }
            out.push(Seg { op: e.op, toks });
        }
        i += 2;
    }
    (out, split_any)
}

/// What follows rule 4: rules 2 and 3 again when a change was split, then rule 1.
fn finish((segs, split_any): (Vec<Seg<'_>>, bool)) -> Vec<Seg<'_>> {
    let mut segs = segs;
    if split_any {
        segs = fold_islands(merge(segs));
        slide(&mut segs);
    }
    merge(segs)
}

/// Whether two seg lists give the same diff: the same operations on the same texts (the tokens
/// may come from different places of the paragraph).
fn same_segs(x: &[Seg<'_>], y: &[Seg<'_>]) -> bool {
    x.len() == y.len()
        && x.iter().zip(y).all(|(s, t)| {
            s.op == t.op
                && s.toks.len() == t.toks.len()
                && s.toks.iter().zip(&t.toks).all(|(u, v)| u.text == v.text)
        })
}

/// Rule 1: merge same-kind neighbours, deletes before inserts, factor out common edges.
pub(crate) fn merge(segs: Vec<Seg<'_>>) -> Vec<Seg<'_>> {
    let mut out: Vec<Seg<'_>> = Vec::with_capacity(segs.len());
    let mut del: Vec<Token<'_>> = Vec::new();
    let mut ins: Vec<Token<'_>> = Vec::new();
    for seg in segs {
        match seg.op {
            OpKind::Delete => del.extend(seg.toks),
            OpKind::Insert => ins.extend(seg.toks),
            OpKind::Equal => {
                flush_change(&mut out, &mut del, &mut ins);
                push_equal(&mut out, seg.toks);
            }
        }
    }
    flush_change(&mut out, &mut del, &mut ins);
    out
}

fn push_equal<'a>(out: &mut Vec<Seg<'a>>, toks: Vec<Token<'a>>) {
    if toks.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut()
        && last.op == OpKind::Equal
    {
        last.toks.extend(toks);
        return;
    }
    out.push(Seg {
        op: OpKind::Equal,
        toks,
    });
}

fn flush_change<'a>(out: &mut Vec<Seg<'a>>, del: &mut Vec<Token<'a>>, ins: &mut Vec<Token<'a>>) {
    if del.is_empty() && ins.is_empty() {
        return;
    }
    let mut del = std::mem::take(del);
    let mut ins = std::mem::take(ins);
    if !del.is_empty() && !ins.is_empty() {
        let pre = del
            .iter()
            .zip(&ins)
            .take_while(|(a, b)| a.text == b.text)
            .count();
        if pre > 0 {
            let head: Vec<Token<'a>> = del.drain(..pre).collect();
            ins.drain(..pre);
            push_equal(out, head);
        }
        let suf = del
            .iter()
            .rev()
            .zip(ins.iter().rev())
            .take_while(|(a, b)| a.text == b.text)
            .count();
        let tail: Vec<Token<'a>> = if suf > 0 {
            ins.truncate(ins.len() - suf);
            del.split_off(del.len() - suf)
        } else {
            Vec::new()
        };
        push_change(out, del, ins);
        push_equal(out, tail);
    } else {
        push_change(out, del, ins);
    }
}

fn push_change<'a>(out: &mut Vec<Seg<'a>>, del: Vec<Token<'a>>, ins: Vec<Token<'a>>) {
    if !del.is_empty() {
        out.push(Seg {
            op: OpKind::Delete,
            toks: del,
        });
    }
    if !ins.is_empty() {
        out.push(Seg {
            op: OpKind::Insert,
            toks: ins,
        });
    }
}

/// Larger side (delete or insert, in chars) of the change that ends just before `i` (going
/// left) or starts just after `i` (going right), and the total of both sides.
fn change_size(segs: &[Seg<'_>], range: impl Iterator<Item = usize>) -> (usize, usize) {
    let (mut del, mut ins) = (0, 0);
    for j in range {
        let Some(s) = segs.get(j) else { break };
        match s.op {
            OpKind::Equal => break,
            OpKind::Delete => del += char_len(&s.toks),
            OpKind::Insert => ins += char_len(&s.toks),
        }
    }
    (del.max(ins), del + ins)
}

/// Rule 2, one pass: folds every qualifying equal island into the changes around it.
fn eliminate_islands(segs: Vec<Seg<'_>>) -> (Vec<Seg<'_>>, bool) {
    let mut fold = vec![false; segs.len()];
    let mut any = false;
    for (i, seg) in segs.iter().enumerate() {
        if seg.op != OpKind::Equal || i == 0 || i + 1 >= segs.len() {
            continue;
        }
        let (before_max, before_total) = change_size(&segs, (0..i).rev());
        let (after_max, after_total) = change_size(&segs, i + 1..segs.len());
        if before_total == 0 || after_total == 0 {
            continue;
        }
        // A long shared run stays visible, whatever surrounds it.
        let words = seg
            .toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if words >= ANCHOR_WORDS {
            continue;
        }
        let len = char_len(&seg.toks);
        let blank = seg.toks.iter().all(|t| t.kind == TokenKind::Space);
        if blank
            || (len <= before_max && len <= after_max)
            || (is_weak(&seg.toks) && len <= before_total + after_total)
        {
            fold[i] = true;
            any = true;
        }
    }
    if !any {
        return (segs, false);
    }
    let mut out = Vec::with_capacity(segs.len() + 4);
    for (seg, f) in segs.into_iter().zip(fold) {
        if f {
            out.push(Seg {
                op: OpKind::Delete,
                toks: seg.toks.clone(),
            });
            out.push(Seg {
                op: OpKind::Insert,
                toks: seg.toks,
            });
        } else {
            out.push(seg);
        }
    }
    // Deletes must stay before inserts: `merge` regroups each change region.
    (out, true)
}

/// Score of the boundary between two adjacent tokens (higher is a better place for an edit edge).
fn boundary(left: Option<&Token<'_>>, right: Option<&Token<'_>>) -> u32 {
    let (Some(l), Some(r)) = (left, right) else {
        return 6;
    };
    match (l.kind, r.kind) {
        (TokenKind::Space, TokenKind::Word) => 4,
        (TokenKind::Word, TokenKind::Space) | (TokenKind::Punct, TokenKind::Space) => 3,
        (TokenKind::Space, TokenKind::Punct) => 2,
        (TokenKind::Punct, TokenKind::Word) | (TokenKind::Word, TokenKind::Punct) => 1,
        _ => 0,
    }
}

fn score(e1: &[Token<'_>], x: &[Token<'_>], e2: &[Token<'_>]) -> u32 {
    let start_bonus = u32::from(x.first().is_some_and(|t| t.kind != TokenKind::Space));
    boundary(e1.last(), x.first()) + boundary(x.last(), e2.first()) + start_bonus
}

/// How far a lone edit may slide right (bounds the work on long repetitive texts).
const MAX_SLIDE: usize = 64;

/// Rule 3: slides lone edits between two equal runs to the best-scoring position.
fn slide(segs: &mut Vec<Seg<'_>>) {
    let mut i = 1;
    while i + 1 < segs.len() {
        let lone = segs[i].op != OpKind::Equal
            && segs[i - 1].op == OpKind::Equal
            && segs[i + 1].op == OpKind::Equal;
        if lone {
            let mut e1 = std::mem::take(&mut segs[i - 1].toks);
            let mut x = std::mem::take(&mut segs[i].toks);
            let mut e2 = std::mem::take(&mut segs[i + 1].toks);
            // A long shared run on either side must stay long where the edit lands (else rule 2
            // could fold what is left of it).
            let (long1, long2) = (
                word_count(&e1) >= ANCHOR_WORDS,
                word_count(&e2) >= ANCHOR_WORDS,
            );
            let keeps_runs = |pe1: &[Token<'_>], pe2: &[Token<'_>]| {
                (!long1 || word_count(pe1) >= ANCHOR_WORDS)
                    && (!long2 || word_count(pe2) >= ANCHOR_WORDS)
            };
            // Shift fully left over the common suffix of e1 and x.
            let c = e1
                .iter()
                .rev()
                .zip(x.iter().rev())
                .take_while(|(a, b)| a.text == b.text)
                .count();
            if c > 0 {
                let moved: Vec<_> = x.split_off(x.len() - c);
                let from_e1: Vec<_> = e1.split_off(e1.len() - c);
                let mut new_x = from_e1;
                new_x.extend(x);
                x = new_x;
                let mut new_e2 = moved;
                new_e2.extend(e2);
                e2 = new_e2;
            }
            // Step right, remembering the best position (as a count of steps).
            let mut best = if keeps_runs(&e1, &e2) {
                Some(score(&e1, &x, &e2))
            } else {
                None
            };
            let mut best_steps = 0;
            let mut steps = 0;
            let (mut pe1, mut px, mut pe2) = (e1.clone(), x.clone(), e2.clone());
            while let (Some(a), Some(b)) = (px.first().copied(), pe2.first().copied()) {
                if a.text != b.text || steps >= MAX_SLIDE {
                    break;
                }
                pe1.push(a);
                px.remove(0);
                px.push(b);
                pe2.remove(0);
                steps += 1;
                if !keeps_runs(&pe1, &pe2) {
                    continue;
                }
                let s = score(&pe1, &px, &pe2);
                if best.is_none_or(|b| s > b) {
                    best = Some(s);
                    best_steps = steps;
                }
            }
            if best.is_none() {
                // No position keeps the long runs but the original one, `c` steps right.
                best_steps = c;
            }
            for _ in 0..best_steps {
                let (Some(a), Some(b)) = (x.first().copied(), e2.first().copied()) else {
                    break;
                };
                e1.push(a);
                x.remove(0);
                x.push(b);
                e2.remove(0);
            }
            segs[i - 1].toks = e1;
            segs[i].toks = x;
            segs[i + 1].toks = e2;
        }
        i += 1;
    }
    segs.retain(|s| !s.toks.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOp, DiffOptions, diff_words_with};

    /// The word diff of `old` → `new` with rule 4 listing (as always) and with the search alone,
    /// without a deadline (so that a slow test machine cannot make the two runs differ).
    fn both_ways(old: &str, new: &str) -> (Vec<DiffOp>, Vec<DiffOp>) {
        let opts = DiffOptions {
            deadline: None,
            ..DiffOptions::default()
        };
        let listed = diff_words_with(old, new, &opts).ops;
        LISTING.with(|on| on.set(false));
        let searched = diff_words_with(old, new, &opts).ops;
        LISTING.with(|on| on.set(true));
        (listed, searched)
    }

    #[test]
    fn the_sample_pairs_largest_rewrite_has_four_longest_sets_and_one_diff() {
        // Old 45 → new 48 of the sample pair: "Welcomes the decision of the Economic and Social
        // Council, in paragraph 24 of its resolution 2010/2, …" rewritten as "Recalls paragraph
        // 22 of its resolution 65/141, takes note of the report of the Secretary-General …".
        // Read in both texts: 26 content words can be kept in order, with "Secretary-General"
        // (old: "to invite the Secretary-General to convene") taken as the new text's first or
        // second "Secretary-General", and near the end either "report" or "outcome" kept.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        let load = |f: &str| crate::load(&dir.join(f)).expect("sample file");
        let (old, new) = (load("A_RES_65_141.txt"), load("A_RES_66_184.txt"));
        let (o, n) = (&old.paragraphs[45].text, &new.paragraphs[48].text);
        assert!(o.starts_with("Welcomes the decision of the Economic and Social Council"));
        assert!(n.starts_with("Recalls paragraph 22 of its resolution 65/141"));
        let (del, ins) = (
            super::super::token::tokenize(o),
            super::super::token::tokenize(n),
        );
        let (a, b) = content_ids(&del, &ins);
        let scripts = script::shortest_scripts(&a, &b, MAX_MATCH_POINTS, MAX_ALTERNATIVES)
            .expect("few equal pairs");
        assert_eq!(scripts.len(), 4);
        // The old words each script keeps; those not kept by all four.
        let kept_words = |edits: &[Edit]| -> Vec<(usize, usize)> {
            let (mut i, mut j, mut out) = (0, 0, Vec::new());
            for e in edits {
                if e.op == OpKind::Equal {
                    out.extend((0..e.len).map(|k| (i + k, j + k)));
                }
                i += if e.op == OpKind::Insert { 0 } else { e.len };
                j += if e.op == OpKind::Delete { 0 } else { e.len };
            }
            out
        };
        let sets: Vec<Vec<(usize, usize)>> = scripts.iter().map(|s| kept_words(s)).collect();
        assert!(sets.iter().all(|k| k.len() == 26));
        let mut differing: Vec<&str> = sets
            .iter()
            .flatten()
            .filter(|p| !sets.iter().all(|k| k.contains(p)))
            .map(|&(i, _)| del[i].text)
            .collect();
        differing.sort_unstable();
        differing.dedup();
        assert_eq!(differing, ["Secretary-General", "outcome", "report"]);
        // similar's search keeps one of the four, and the diff is the same either way.
        let (searched, _) = script::diff(&a, &b, None);
        assert!(sets.contains(&kept_words(&searched)));
        let (listed, searched) = both_ways(o, n);
        assert_eq!(listed, searched);
    }

    #[test]
    fn listing_the_longest_sets_changes_no_diff_of_real_pairs() {
        // Every linked pair of paragraphs of the sample and of every second series pair, and in
        // the sample every old paragraph against the new one at the same place (mostly
        // unrelated texts: long rewrites with a few shared content words, where rule 4 has
        // several equally long choices).
        let pairs =
            crate::corpus::sample_and_series_pairs("rule 4 listing over the series pairs", 2);
        let mut checked = 0;
        for (k, (old_path, new_path)) in pairs.iter().enumerate() {
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p)
                    .map(|t| crate::parse::parse(&t))
                    .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            };
            let (old, new) = (read(old_path), read(new_path));
            let mut texts: Vec<(String, String)> = Vec::new();
            for link in crate::align::align(&old, &new).links {
                let join = |ids: &[usize], doc: &crate::model::Resolution| {
                    ids.iter()
                        .map(|&i| doc.paragraphs[i].text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                if !link.old.is_empty() && !link.new.is_empty() {
                    texts.push((join(&link.old, &old), join(&link.new, &new)));
                }
            }
            if k == 0 {
                for (o, n) in old.paragraphs.iter().zip(&new.paragraphs) {
                    texts.push((o.text.clone(), n.text.clone()));
                }
            }
            for (o, n) in &texts {
                let (listed, searched) = both_ways(o, n);
                assert_eq!(listed, searched, "{}: {o:?} -> {n:?}", old_path.display());
                checked += 1;
            }
        }
        assert!(checked >= 80, "{checked} pairs");
    }
}
