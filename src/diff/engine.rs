//! The word diff entry points: tokenise, intern, run Myers, clean up.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::cleanup::{Seg, cleanup, merge};
use super::myers;
use super::token::{TokenKind, tokenize};
use super::{DiffOp, OpKind};

/// Options for [`diff_words_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// Time budget for the search. When it runs out, the remaining parts are reported as one
    /// deletion plus one insertion each (exact, but coarser), and [`DiffOutcome::timed_out`] is set.
    /// `None` means no limit. Default: 50 ms.
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
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity((a.len() + b.len()) / 2 + 1);
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
    let (edits, timed_out) = myers::diff(&ia, &ib, deadline);

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
        cleanup(segs)
    } else {
        merge(segs)
    };
    let ops = segs
        .into_iter()
        .map(|s| DiffOp::new(s.op, s.toks.iter().map(|t| t.text).collect::<String>()))
        .collect();
    DiffOutcome { ops, timed_out }
}

fn word_count(text: &str) -> usize {
    tokenize(text)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// Word-based similarity of the two texts the ops describe: `2 × equal words / (old words + new
/// words)`, in 0..=1. Two texts without any word are 1.0 when equal, else 0.0.
pub fn similarity(ops: &[DiffOp]) -> f64 {
    let (mut eq, mut old, mut new) = (0usize, 0usize, 0usize);
    let mut changed = false;
    for op in ops {
        let n = word_count(&op.text);
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
