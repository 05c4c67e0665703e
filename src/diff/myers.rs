//! Myers' O(ND) difference algorithm in linear space, over interned token ids.
//!
//! The two sequences are first trimmed of their common prefix and suffix; the middle is split at
//! the "middle snake" found by searching forward and backward at once (Myers 1986, section 4b),
//! and both halves are diffed recursively. Memory is linear in the input length.
//!
//! A deadline bounds the time: once it has passed, any sub-problem still to be solved is reported
//! as one delete of its old part followed by one insert of its new part. The result is then
//! coarser, but it still reproduces both sequences exactly.

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

/// State of one diff run: output and deadline bookkeeping.
struct Run {
    deadline: Option<Instant>,
    timed_out: bool,
    out: Vec<Edit>,
    /// Forward and backward frontier buffers, reused by every `middle_snake` call.
    v1: Vec<isize>,
    v2: Vec<isize>,
    /// Scratch buffer of [`disjoint`].
    sorted: Vec<u32>,
}

impl Run {
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

    fn expired(&mut self) -> bool {
        if self.timed_out {
            return true;
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.timed_out = true;
        }
        self.timed_out
    }
}

/// Diffs `a` against `b`. Returns the edit script and whether the deadline cut the search short.
pub(crate) fn diff(a: &[u32], b: &[u32], deadline: Option<Instant>) -> (Vec<Edit>, bool) {
    let mut run = Run {
        deadline,
        timed_out: false,
        out: Vec::new(),
        v1: Vec::new(),
        v2: Vec::new(),
        sorted: Vec::new(),
    };
    diff_rec(&mut run, a, b);
    (run.out, run.timed_out)
}

fn common_prefix(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u32], b: &[u32]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn diff_rec(run: &mut Run, a: &[u32], b: &[u32]) {
    let pre = common_prefix(a, b);
    run.push(OpKind::Equal, pre);
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = common_suffix(a, b);
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() {
        run.push(OpKind::Insert, b.len());
    } else if b.is_empty() {
        run.push(OpKind::Delete, a.len());
    } else if run.expired() || disjoint(&mut run.sorted, a, b) {
        // Without a common token the only path is delete-all/insert-all, which the middle-snake
        // search would also return (as `None`), but only after O((N + M)²) steps.
        run.push(OpKind::Delete, a.len());
        run.push(OpKind::Insert, b.len());
    } else if let Some((x, y)) = middle_snake(run, a, b) {
        diff_rec(run, &a[..x], &b[..y]);
        diff_rec(run, &a[x..], &b[y..]);
    } else {
        run.push(OpKind::Delete, a.len());
        run.push(OpKind::Insert, b.len());
    }
    run.push(OpKind::Equal, suf);
}

/// True when `a` and `b` have no token in common (`sorted` is a reused scratch buffer).
fn disjoint(sorted: &mut Vec<u32>, a: &[u32], b: &[u32]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() <= 4 {
        return !large.iter().any(|t| small.contains(t));
    }
    sorted.clear();
    sorted.extend_from_slice(small);
    sorted.sort_unstable();
    !large.iter().any(|t| sorted.binary_search(t).is_ok())
}

/// Finds a split point `(x, y)` on an optimal path, or `None` when the deadline passed (or, for
/// sequences with no common element, when the only path is delete-all/insert-all).
fn middle_snake(run: &mut Run, a: &[u32], b: &[u32]) -> Option<(usize, usize)> {
    let mut v1 = std::mem::take(&mut run.v1);
    let mut v2 = std::mem::take(&mut run.v2);
    let found = snake_search(run, a, b, &mut v1, &mut v2);
    run.v1 = v1;
    run.v2 = v2;
    found
}

/// The search of [`middle_snake`] on reused buffers.
///
/// All vector indices stay in `0..2 * max_d + 2` by construction: `|k| <= d < max_d`. Only the
/// window `v_offset ± w` is initialised (to -1, as a fresh buffer would be), widened by one
/// diagonal per round, so a call costs O(D) set-up instead of O(N + M); reads outside the
/// window count as -1 (never written in this call).
fn snake_search(
    run: &mut Run,
    a: &[u32],
    b: &[u32],
    v1: &mut Vec<isize>,
    v2: &mut Vec<isize>,
) -> Option<(usize, usize)> {
    let n = a.len() as isize;
    let m = b.len() as isize;
    let max_d = (n + m + 1) / 2;
    let v_offset = max_d;
    let v_len = (2 * max_d + 2) as usize;
    if v1.len() < v_len {
        v1.resize(v_len, -1);
    }
    if v2.len() < v_len {
        v2.resize(v_len, -1);
    }
    let mut w = 1isize;
    for i in (v_offset - 1)..=(v_offset + 1) {
        v1[i as usize] = -1;
        v2[i as usize] = -1;
    }
    v1[(v_offset + 1) as usize] = 0;
    v2[(v_offset + 1) as usize] = 0;
    let in_window = |off: isize, w: isize| (off - v_offset).abs() <= w;
    let delta = n - m;
    let front = delta % 2 != 0;
    let (mut k1start, mut k1end, mut k2start, mut k2end) = (0isize, 0isize, 0isize, 0isize);
    for d in 0..max_d {
        if d % 16 == 0 && run.expired() {
            return None;
        }
        while w < d + 1 {
            w += 1;
            for i in [v_offset - w, v_offset + w] {
                v1[i as usize] = -1;
                v2[i as usize] = -1;
            }
        }
        let mut k1 = -d + k1start;
        while k1 <= d - k1end {
            let k1_off = (v_offset + k1) as usize;
            // Both neighbours lie in the initialised window (radius d + 1).
            let (left, right) = (v1[k1_off - 1], v1[k1_off + 1]);
            let mut x1 = if k1 == -d || (k1 != d && left < right) {
                right
            } else {
                left + 1
            };
            let mut y1 = x1 - k1;
            while x1 < n && y1 < m && a[x1 as usize] == b[y1 as usize] {
                x1 += 1;
                y1 += 1;
            }
            v1[k1_off] = x1;
            if x1 > n {
                k1end += 2;
            } else if y1 > m {
                k1start += 2;
            } else if front {
                let k2_off = v_offset + delta - k1;
                if k2_off >= 0
                    && (k2_off as usize) < v_len
                    && in_window(k2_off, w)
                    && v2[k2_off as usize] != -1
                {
                    let x2 = n - v2[k2_off as usize];
                    if x1 >= x2 {
                        return Some((x1 as usize, y1 as usize));
                    }
                }
            }
            k1 += 2;
        }
        let mut k2 = -d + k2start;
        while k2 <= d - k2end {
            let k2_off = (v_offset + k2) as usize;
            let (left, right) = (v2[k2_off - 1], v2[k2_off + 1]);
            let mut x2 = if k2 == -d || (k2 != d && left < right) {
                right
            } else {
                left + 1
            };
            let mut y2 = x2 - k2;
            while x2 < n && y2 < m && a[(n - x2 - 1) as usize] == b[(m - y2 - 1) as usize] {
                x2 += 1;
                y2 += 1;
            }
            v2[k2_off] = x2;
            if x2 > n {
                k2end += 2;
            } else if y2 > m {
                k2start += 2;
            } else if !front {
                let k1_off = v_offset + delta - k2;
                if k1_off >= 0
                    && (k1_off as usize) < v_len
                    && in_window(k1_off, w)
                    && v1[k1_off as usize] != -1
                {
                    let x1 = v1[k1_off as usize];
                    let y1 = v_offset + x1 - k1_off;
                    if x1 >= n - x2 {
                        return Some((x1 as usize, y1 as usize));
                    }
                }
            }
            k2 += 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(a: &[u32], b: &[u32], edits: &[Edit]) -> (Vec<u32>, Vec<u32>) {
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

    #[test]
    fn minimal_script_on_small_inputs() {
        let a = [1, 2, 3, 4, 5, 6];
        let b = [1, 3, 4, 7, 5, 6, 8];
        let (edits, t) = diff(&a, &b, None);
        assert!(!t);
        let (ra, rb) = apply(&a, &b, &edits);
        assert_eq!(ra, a);
        assert_eq!(rb, b);
        let changed: usize = edits
            .iter()
            .filter(|e| e.op != OpKind::Equal)
            .map(|e| e.len)
            .sum();
        assert_eq!(changed, 3);
    }

    #[test]
    fn expired_deadline_gives_coarse_exact_script() {
        let a = [1, 2, 3, 4, 5, 6];
        let b = [1, 9, 3, 8, 5, 6];
        let (edits, t) = diff(&a, &b, Some(Instant::now()));
        assert!(t);
        let (ra, rb) = apply(&a, &b, &edits);
        assert_eq!(ra, a);
        assert_eq!(rb, b);
        assert_eq!(edits.len(), 4);
    }

    /// The implementation before the buffers were reused (fresh buffers per call), as an oracle.
    mod oracle {
        use super::super::{OpKind, common_prefix, common_suffix};

        fn diff_rec(run: &mut super::Run, a: &[u32], b: &[u32]) {
            let pre = common_prefix(a, b);
            run.push(OpKind::Equal, pre);
            let (a, b) = (&a[pre..], &b[pre..]);
            let suf = common_suffix(a, b);
            let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
            if a.is_empty() {
                run.push(OpKind::Insert, b.len());
            } else if b.is_empty() {
                run.push(OpKind::Delete, a.len());
            } else if run.expired() {
                run.push(OpKind::Delete, a.len());
                run.push(OpKind::Insert, b.len());
            } else if let Some((x, y)) = middle_snake(run, a, b) {
                diff_rec(run, &a[..x], &b[..y]);
                diff_rec(run, &a[x..], &b[y..]);
            } else {
                run.push(OpKind::Delete, a.len());
                run.push(OpKind::Insert, b.len());
            }
            run.push(OpKind::Equal, suf);
        }

        /// Finds a split point `(x, y)` on an optimal path, or `None` when the deadline passed (or, for
        /// sequences with no common element, when the only path is delete-all/insert-all).
        ///
        /// All vector indices stay in `0..2 * max_d + 2` by construction: `|k| <= d < max_d`.
        fn middle_snake(run: &mut super::Run, a: &[u32], b: &[u32]) -> Option<(usize, usize)> {
            let n = a.len() as isize;
            let m = b.len() as isize;
            let max_d = (n + m + 1) / 2;
            let v_offset = max_d;
            let v_len = (2 * max_d + 2) as usize;
            let mut v1 = vec![-1isize; v_len];
            let mut v2 = vec![-1isize; v_len];
            v1[(v_offset + 1) as usize] = 0;
            v2[(v_offset + 1) as usize] = 0;
            let delta = n - m;
            let front = delta % 2 != 0;
            let (mut k1start, mut k1end, mut k2start, mut k2end) = (0isize, 0isize, 0isize, 0isize);
            for d in 0..max_d {
                if d % 16 == 0 && run.expired() {
                    return None;
                }
                let mut k1 = -d + k1start;
                while k1 <= d - k1end {
                    let k1_off = (v_offset + k1) as usize;
                    let mut x1 = if k1 == -d || (k1 != d && v1[k1_off - 1] < v1[k1_off + 1]) {
                        v1[k1_off + 1]
                    } else {
                        v1[k1_off - 1] + 1
                    };
                    let mut y1 = x1 - k1;
                    while x1 < n && y1 < m && a[x1 as usize] == b[y1 as usize] {
                        x1 += 1;
                        y1 += 1;
                    }
                    v1[k1_off] = x1;
                    if x1 > n {
                        k1end += 2;
                    } else if y1 > m {
                        k1start += 2;
                    } else if front {
                        let k2_off = v_offset + delta - k1;
                        if k2_off >= 0 && (k2_off as usize) < v_len && v2[k2_off as usize] != -1 {
                            let x2 = n - v2[k2_off as usize];
                            if x1 >= x2 {
                                return Some((x1 as usize, y1 as usize));
                            }
                        }
                    }
                    k1 += 2;
                }
                let mut k2 = -d + k2start;
                while k2 <= d - k2end {
                    let k2_off = (v_offset + k2) as usize;
                    let mut x2 = if k2 == -d || (k2 != d && v2[k2_off - 1] < v2[k2_off + 1]) {
                        v2[k2_off + 1]
                    } else {
                        v2[k2_off - 1] + 1
                    };
                    let mut y2 = x2 - k2;
                    while x2 < n && y2 < m && a[(n - x2 - 1) as usize] == b[(m - y2 - 1) as usize] {
                        x2 += 1;
                        y2 += 1;
                    }
                    v2[k2_off] = x2;
                    if x2 > n {
                        k2end += 2;
                    } else if y2 > m {
                        k2start += 2;
                    } else if !front {
                        let k1_off = v_offset + delta - k2;
                        if k1_off >= 0 && (k1_off as usize) < v_len && v1[k1_off as usize] != -1 {
                            let x1 = v1[k1_off as usize];
                            let y1 = v_offset + x1 - k1_off;
                            if x1 >= n - x2 {
                                return Some((x1 as usize, y1 as usize));
                            }
                        }
                    }
                    k2 += 2;
                }
            }
            None
        }

        pub(super) fn diff(a: &[u32], b: &[u32]) -> Vec<super::Edit> {
            let mut run = super::Run {
                deadline: None,
                timed_out: false,
                out: Vec::new(),
                v1: Vec::new(),
                v2: Vec::new(),
                sorted: Vec::new(),
            };
            diff_rec(&mut run, a, b);
            run.out
        }
    }

    #[test]
    fn reused_buffers_give_the_same_script_as_fresh_ones() {
        // A small deterministic generator: sequences over small alphabets with shared runs.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for case in 0..2000 {
            let alpha = 2 + case % 7;
            let len_a = next(60) as usize;
            let a: Vec<u32> = (0..len_a).map(|_| next(alpha) as u32).collect();
            let mut b: Vec<u32> = a.clone();
            for _ in 0..next(12) {
                let pos = next(b.len() as u64 + 1) as usize;
                match next(3) {
                    0 if pos < b.len() => {
                        b.remove(pos);
                    }
                    1 if pos < b.len() => b[pos] = next(alpha) as u32,
                    _ => b.insert(pos, next(alpha) as u32),
                }
            }
            if case % 5 == 0 {
                // Tokens of `b` unique to it (like the weak tokens of the cleanup re-alignment).
                for (i, t) in b.iter_mut().enumerate() {
                    if i % 2 == 0 || case % 3 == 0 {
                        *t = 1000 + i as u32;
                    }
                }
            }
            let (new, timed_out) = diff(&a, &b, None);
            assert!(!timed_out);
            assert_eq!(new, oracle::diff(&a, &b), "case {case}: {a:?} -> {b:?}");
            let (ra, rb) = apply(&a, &b, &new);
            assert_eq!((ra, rb), (a, b));
        }
    }
}
