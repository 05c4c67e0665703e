//! The edit script of two sequences of interned token ids, computed by the `similar` crate.
//!
//! resdiff uses `similar`'s raw Myers search (`diff_deadline_raw`: the shortest edit script, in
//! linear space, without the heuristics of its default entry point that may return a longer
//! script), and collects the hook calls into runs of kept, deleted and inserted tokens. A deadline
//! bounds the search: once it has passed, `similar` reports any sub-problem still to be solved as
//! one deletion plus one insertion, so the script is coarser but still reproduces both sequences
//! exactly. `similar` does not say whether that happened; the search ran out of time exactly when
//! the deadline has passed by the time it returns, which is what [`diff`] reports.

use std::convert::Infallible;
use std::time::Instant;

use super::OpKind;

/// One run of the edit script: `len` tokens kept, deleted or inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    /// Equal, delete or insert.
    pub op: OpKind,
    /// Number of tokens.
    pub len: usize,
}

/// Collects `similar`'s hook calls as runs, merging adjacent runs of the same kind.
#[derive(Default)]
struct Runs(Vec<Edit>);

impl Runs {
    fn push(&mut self, op: OpKind, len: usize) {
        if len == 0 {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.op == op => last.len += len,
            _ => self.0.push(Edit { op, len }),
        }
    }
}

impl similar::algorithms::DiffHook for Runs {
    type Error = Infallible;

    fn equal(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Infallible> {
        self.push(OpKind::Equal, len);
        Ok(())
    }

    fn delete(&mut self, _old: usize, len: usize, _new: usize) -> Result<(), Infallible> {
        self.push(OpKind::Delete, len);
        Ok(())
    }

    fn insert(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Infallible> {
        self.push(OpKind::Insert, len);
        Ok(())
    }
}

/// Diffs `a` against `b`. Returns the edit script (runs in order; within a changed region the
/// deletions and insertions may alternate) and whether the deadline cut the search short.
pub(crate) fn diff(a: &[u32], b: &[u32], deadline: Option<Instant>) -> (Vec<Edit>, bool) {
    let mut runs = Runs::default();
    let result = similar::algorithms::myers::diff_deadline_raw(
        &mut runs,
        a,
        0..a.len(),
        b,
        0..b.len(),
        deadline,
    );
    // The hook cannot fail.
    let Ok(()) = result;
    let timed_out = deadline.is_some_and(|d| Instant::now() > d);
    (runs.0, timed_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies an edit script: the old and the new sequence it describes.
    fn apply(a: &[u32], b: &[u32], edits: &[Edit]) -> (Vec<u32>, Vec<u32>) {
        let (mut i, mut j) = (0, 0);
        let (mut old, mut new) = (Vec::new(), Vec::new());
        for e in edits {
            match e.op {
                OpKind::Equal => {
                    old.extend_from_slice(&a[i..i + e.len]);
                    new.extend_from_slice(&b[j..j + e.len]);
                    i += e.len;
                    j += e.len;
                }
                OpKind::Delete => {
                    old.extend_from_slice(&a[i..i + e.len]);
                    i += e.len;
                }
                OpKind::Insert => {
                    new.extend_from_slice(&b[j..j + e.len]);
                    j += e.len;
                }
            }
        }
        (old, new)
    }

    fn edit_distance(edits: &[Edit]) -> usize {
        edits
            .iter()
            .filter(|e| e.op != OpKind::Equal)
            .map(|e| e.len)
            .sum()
    }

    /// Length of the longest common subsequence, by dynamic programming (the oracle).
    fn lcs(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diag = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[b.len()]
    }

    #[test]
    fn minimal_script_on_small_inputs() {
        // Every pair of sequences over a three-letter alphabet up to length 6: the script
        // reproduces both sides and is as short as the LCS allows.
        let seqs: Vec<Vec<u32>> = (0..=6u32)
            .flat_map(|n| {
                (0..3u32.pow(n)).map(move |k| (0..n).map(|i| (k / 3u32.pow(i)) % 3).collect())
            })
            .collect();
        for a in seqs.iter().step_by(7) {
            for b in seqs.iter().step_by(11) {
                let (edits, timed_out) = diff(a, b, None);
                assert!(!timed_out);
                assert_eq!(apply(a, b, &edits), (a.clone(), b.clone()), "{a:?} {b:?}");
                assert_eq!(
                    edit_distance(&edits),
                    a.len() + b.len() - 2 * lcs(a, b),
                    "{a:?} {b:?}"
                );
                // Runs of one kind are merged.
                assert!(edits.windows(2).all(|w| w[0].op != w[1].op));
            }
        }
    }

    #[test]
    fn expired_deadline_gives_coarse_exact_script() {
        let a: Vec<u32> = (0..3000).map(|i| i % 97).collect();
        let b: Vec<u32> = (0..3000).map(|i| (i * 7) % 101).collect();
        let past = Instant::now();
        let (edits, timed_out) = diff(&a, &b, Some(past));
        assert!(timed_out);
        assert_eq!(apply(&a, &b, &edits), (a.clone(), b.clone()));
        // Without a deadline the same inputs get a finer script.
        let (fine, timed_out) = diff(&a, &b, None);
        assert!(!timed_out);
        assert!(edit_distance(&fine) < edit_distance(&edits));
        assert_eq!(apply(&a, &b, &fine), (a, b));
    }
}
