//! The word diff entry points: tokenise, intern, pin long shared runs, run Myers (`similar`),
//! clean up.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::cleanup::{Seg, cleanup, merge};
use super::script::{self, Edit};
use super::token::{Token, TokenKind, tokenize};
use super::{DiffOp, OpKind};
use crate::fxhash::FxMap;

/// Options for [`diff_words_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// Time budget for the word-level search. When it runs out, the texts are diffed clause by
    /// clause (clauses end at `,` `;` `:` `.` or a line break) under a second budget of the same
    /// length, changed clauses are refined word by word while that budget lasts, and what is
    /// left is one deletion plus one insertion per region — exact, but coarser — and
    /// [`DiffOutcome::timed_out`] is set. The search thus takes at most about twice this budget.
    /// (A search of at most 2,048 tokens that starts with 20 ms or more of the budget left runs
    /// to the end without watching the clock: a few milliseconds at worst.) `None` means no
    /// limit. Default: 50 ms.
    pub deadline: Option<Duration>,
    /// Apply the semantic cleanup (see the module doc of `diff`). Default: true. Without it the
    /// ops are the raw minimal token diff (adjacent same-kind runs merged, deletes first).
    pub semantic_cleanup: bool,
}

impl Default for DiffOptions {
    fn default() -> Self {
        Self {
            deadline: Some(Duration::from_millis(50)),
            semantic_cleanup: true,
        }
    }
}

/// The result of [`diff_words_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOutcome {
    /// The ops; they reproduce the old and the new text exactly.
    pub ops: Vec<DiffOp>,
    /// True when the deadline passed and part of the result is coarser than a full search.
    pub timed_out: bool,
}

/// Word-level diff of `old` → `new` with default options.
pub fn diff_words(old: &str, new: &str) -> Vec<DiffOp> {
    diff_words_with(old, new, &DiffOptions::default()).ops
}

/// Word-level diff of `old` → `new`.
pub fn diff_words_with(old: &str, new: &str, opts: &DiffOptions) -> DiffOutcome {
    let start = Instant::now();
    let deadline = opts.deadline.and_then(|d| start.checked_add(d));
    let a = tokenize(old);
    let b = tokenize(new);
    let mut ids: FxMap<&str, u32> =
        FxMap::with_capacity_and_hasher((a.len() + b.len()) / 2 + 1, Default::default());
    let mut ia = Vec::with_capacity(a.len());
    for t in &a {
        let next = ids.len() as u32;
        ia.push(*ids.entry(t.text).or_insert(next));
    }
    let mut ib = Vec::with_capacity(b.len());
    for t in &b {
        let next = ids.len() as u32;
        ib.push(*ids.entry(t.text).or_insert(next));
    }
    let words = |toks: &[Token<'_>]| -> Vec<usize> {
        toks.iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word)
            .map(|(i, _)| i)
            .collect()
    };
    let (edits, timed_out) = script::diff_anchored(&ia, &ib, &words(&a), &words(&b), deadline);
    let edits = match (timed_out, opts.deadline) {
        (true, Some(budget)) => clause_level(&a, &b, &ia, &ib, budget),
        _ => edits,
    };

    let mut segs = Vec::with_capacity(edits.len());
    let (mut i, mut j) = (0usize, 0usize);
    for e in edits {
        let toks = match e.op {
            OpKind::Equal | OpKind::Delete => {
                let t = a.get(i..i + e.len).unwrap_or_default().to_vec();
                i += e.len;
                if e.op == OpKind::Equal {
                    j += e.len;
                }
                t
            }
            OpKind::Insert => {
                let t = b.get(j..j + e.len).unwrap_or_default().to_vec();
                j += e.len;
                t
            }
        };
        segs.push(Seg { op: e.op, toks });
    }
    let segs = if opts.semantic_cleanup {
        cleanup(segs, deadline)
    } else {
        merge(segs)
    };
    let ops = segs
        .into_iter()
        .map(|s| DiffOp::new(s.op, s.toks.iter().map(|t| t.text).collect::<String>()))
        .collect();
    DiffOutcome { ops, timed_out }
}

/// Largest changed region (tokens per side) that the clause-level fallback refines word by word.
const MAX_REFINE: usize = 5_000;

/// Token ranges of the clauses of `toks`: a clause ends after `,` `;` `:` `.` or a line break.
fn clauses(toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let end = match t.kind {
            TokenKind::Punct => matches!(t.text, "," | ";" | ":" | "."),
            TokenKind::Space => t.text.contains('\n'),
            TokenKind::Word => false,
        };
        if end {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

/// The fallback after the word-level search ran out of time: diff the clauses (a much shorter
/// sequence) under a fresh budget of the same length, then refine each changed region word by
/// word while that budget lasts; regions left over stay one deletion plus one insertion. Exact in
/// every case.
fn clause_level<'x>(
    a: &[Token<'_>],
    b: &[Token<'_>],
    ia: &'x [u32],
    ib: &'x [u32],
    budget: Duration,
) -> Vec<Edit> {
    let deadline = Instant::now().checked_add(budget);
    let ca = clauses(a);
    let cb = clauses(b);
    let mut ids: HashMap<&'x [u32], u32> = HashMap::with_capacity(ca.len() + cb.len());
    let mut cia = Vec::with_capacity(ca.len());
    for &(s, e) in &ca {
        let next = ids.len() as u32;
        cia.push(*ids.entry(ia.get(s..e).unwrap_or_default()).or_insert(next));
    }
    let mut cib = Vec::with_capacity(cb.len());
    for &(s, e) in &cb {
        let next = ids.len() as u32;
        cib.push(*ids.entry(ib.get(s..e).unwrap_or_default()).or_insert(next));
    }
    let (clause_edits, _) = script::diff(&cia, &cib, deadline);

    let mut out: Vec<Edit> = Vec::new();
    let (mut ci, mut cj) = (0usize, 0usize); // clause cursors
    let (mut del, mut ins) = (0usize, 0usize); // pending changed tokens
    let (mut ti, mut tj) = (0usize, 0usize); // token cursors at the start of the pending region
    let flush = |out: &mut Vec<Edit>, ti: usize, tj: usize, del: usize, ins: usize| {
        if del == 0 && ins == 0 {
            return;
        }
        let sub_a = ia.get(ti..ti + del).unwrap_or_default();
        let sub_b = ib.get(tj..tj + ins).unwrap_or_default();
        let in_time = deadline.is_none_or(|d| Instant::now() < d);
        if in_time && del <= MAX_REFINE && ins <= MAX_REFINE {
            out.extend(script::diff(sub_a, sub_b, deadline).0);
        } else {
            out.push(Edit {
                op: OpKind::Delete,
                len: del,
            });
            out.push(Edit {
                op: OpKind::Insert,
                len: ins,
            });
        }
    };
    let len_of = |ranges: &[(usize, usize)], from: usize, n: usize| -> usize {
        ranges
            .get(from..from + n)
            .unwrap_or_default()
            .iter()
            .map(|(s, e)| e - s)
            .sum()
    };
    for e in clause_edits {
        match e.op {
            OpKind::Equal => {
                flush(&mut out, ti, tj, del, ins);
                ti += del;
                tj += ins;
                del = 0;
                ins = 0;
                let n = len_of(&ca, ci, e.len);
                out.push(Edit {
                    op: OpKind::Equal,
                    len: n,
                });
                ti += n;
                tj += n;
                ci += e.len;
                cj += e.len;
            }
            OpKind::Delete => {
                del += len_of(&ca, ci, e.len);
                ci += e.len;
            }
            OpKind::Insert => {
                ins += len_of(&cb, cj, e.len);
                cj += e.len;
            }
        }
    }
    flush(&mut out, ti, tj, del, ins);
    out
}

/// Word-based similarity of the two texts the ops describe: `2 × equal words / (old words + new
/// words)`, in 0..=1. Two texts without any word are 1.0 when equal, else 0.0.
pub fn similarity(ops: &[DiffOp]) -> f64 {
    let (mut eq, mut old, mut new) = (0usize, 0usize, 0usize);
    let mut changed = false;
    for op in ops {
        let n = super::token::count_words(&op.text);
        match op.op {
            OpKind::Equal => {
                eq += n;
                old += n;
                new += n;
            }
            OpKind::Delete => {
                old += n;
                changed |= !op.text.is_empty();
            }
            OpKind::Insert => {
                new += n;
                changed |= !op.text.is_empty();
            }
        }
    }
    if old + new == 0 {
        return if changed { 0.0 } else { 1.0 };
    }
    (2 * eq) as f64 / (old + new) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(toks: &[Token<'_>], map: &mut HashMap<String, u32>) -> Vec<u32> {
        toks.iter()
            .map(|t| {
                let next = map.len() as u32;
                *map.entry(t.text.to_string()).or_insert(next)
            })
            .collect()
    }

    #[test]
    fn clause_fallback_is_exact_and_word_level_inside_changed_clauses() {
        let old = "Recalling its resolution 65/141, noting the report; urges States to act.";
        let new =
            "Recalling its resolution 66/184, noting the report; strongly urges States to act.";
        let (a, b) = (tokenize(old), tokenize(new));
        let mut map = HashMap::new();
        let (ia, ib) = (ids(&a, &mut map), ids(&b, &mut map));
        let edits = clause_level(&a, &b, &ia, &ib, Duration::from_secs(5));
        let del: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Insert)
            .map(|e| e.len)
            .sum();
        let ins: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Delete)
            .map(|e| e.len)
            .sum();
        assert_eq!((del, ins), (a.len(), b.len()));
        // Only the symbol and "strongly " differ.
        let changed: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Equal)
            .map(|e| e.len)
            .sum();
        assert_eq!(changed, 4);
        // A zero budget leaves whole clauses as delete + insert, still exact.
        let edits = clause_level(&a, &b, &ia, &ib, Duration::ZERO);
        let del: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Insert)
            .map(|e| e.len)
            .sum();
        let ins: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Delete)
            .map(|e| e.len)
            .sum();
        assert_eq!((del, ins), (a.len(), b.len()));
    }
}
