//! The word diff never hides shared text: on every paired paragraph of every series pair of the
//! corpus (`series.tsv`), each run of 8 or more words that both sides share is shown as equal
//! text, unless showing it would un-show at least as much equal text (a diff cannot show two
//! crossing runs as equal at once, and a moved clause crosses the rest of the paragraph), or it
//! conflicts with a shown equal stretch at least as long.
//! (The first and last word of a run may fall either way: `…Assembly, at its` can end a change.)
//!
//! The check reads only the displayed ops: words are whitespace-separated (punctuation stays
//! attached, so `Assembly,` and `Assembly` differ), shared runs are found independently of the
//! engine, and a word counts as shown equal when all its characters come from equal text.

use std::collections::HashMap;

use resdiff::compare::{Status, compare};
use resdiff::diff::{DiffOp, OpKind};
use resdiff::parse::parse;

const RUN: usize = 8;

/// One side's words, whether each is shown as equal text, and where each starts.
struct Side {
    words: Vec<String>,
    equal: Vec<bool>,
    /// Start offset of each word in the side's text.
    start: Vec<usize>,
}

/// Splits one side of the ops into words; also returns, for each byte of this side's text in
/// equal text, its offset in the other side's text.
fn side(ops: &[DiffOp], keep: OpKind) -> (Side, Vec<Option<usize>>) {
    let (mut text, mut eq, mut map) = (String::new(), Vec::new(), Vec::new());
    let mut other = 0usize;
    for op in ops {
        let mine = op.op == OpKind::Equal || op.op == keep;
        if mine {
            for b in 0..op.text.len() {
                eq.push(op.op == OpKind::Equal);
                map.push((op.op == OpKind::Equal).then_some(other + b));
            }
            text.push_str(&op.text);
        }
        if op.op == OpKind::Equal || (op.op != keep && op.op != OpKind::Equal) {
            other += op.text.len();
        }
    }
    let (mut words, mut equal, mut start) = (Vec::new(), Vec::new(), Vec::new());
    let mut pos = 0;
    for w in text.split_whitespace() {
        let s = pos + text[pos..].find(w).unwrap_or(0);
        words.push(w.to_string());
        equal.push(eq[s..s + w.len()].iter().all(|&e| e));
        start.push(s);
        pos = s + w.len();
    }
    (
        Side {
            words,
            equal,
            start,
        },
        map,
    )
}

/// Word index of the word starting at byte `offset` of a side, if any.
fn word_at(side: &Side, offset: usize) -> Option<usize> {
    side.start.binary_search(&offset).ok()
}

/// Problems found in one pair: hidden runs without a conflicting equal stretch as long.
fn hidden_runs(ops: &[DiffOp]) -> Vec<String> {
    let (old, old_map) = side(ops, OpKind::Delete);
    let (new, _) = side(ops, OpKind::Insert);
    // Equal word pairs (old word index, new word index) as displayed.
    let shown: Vec<(usize, usize)> = (0..old.words.len())
        .filter(|&i| old.equal[i])
        .filter_map(|i| {
            let to = old_map.get(old.start[i]).copied().flatten()?;
            Some((i, word_at(&new, to)?))
        })
        .collect();
    let shown_set: std::collections::HashSet<(usize, usize)> = shown.iter().copied().collect();
    // Shown equal stretches: (old start, new start, words) on one diagonal.
    let mut stretches: Vec<(usize, usize, usize)> = Vec::new();
    for &(x, y) in &shown {
        match stretches.last_mut() {
            Some((sx, sy, n)) if *sx + *n == x && *sy + *n == y => *n += 1,
            _ => stretches.push((x, y, 1)),
        }
    }
    // Maximal shared runs of >= RUN words, found from RUN-word windows.
    let mut windows: HashMap<&[String], Vec<usize>> = HashMap::new();
    for i in 0..old.words.len().saturating_sub(RUN - 1) {
        windows.entry(&old.words[i..i + RUN]).or_default().push(i);
    }
    let mut problems = Vec::new();
    for j in 0..new.words.len().saturating_sub(RUN - 1) {
        let Some(starts) = windows.get(&new.words[j..j + RUN]) else {
            continue;
        };
        for &i in starts {
            if i > 0 && j > 0 && old.words[i - 1] == new.words[j - 1] {
                continue; // not the start of a maximal run
            }
            let mut len = RUN;
            while i + len < old.words.len()
                && j + len < new.words.len()
                && old.words[i + len] == new.words[j + len]
            {
                len += 1;
            }
            // Words inside the run (its first and last may go either way at a boundary).
            let hidden = (1..len - 1)
                .filter(|k| !shown_set.contains(&(i + k, j + k)))
                .count();
            if hidden == 0 {
                continue;
            }
            // Shown equal words that showing this run would un-show, and the longest shown
            // equal stretch among them.
            let conflicts = |x: usize, y: usize| {
                let before = x < i && y < j;
                let after = x >= i + len && y >= j + len;
                let same = (i..i + len).contains(&x) && y + i == x + j;
                !(before || after || same)
            };
            let total = shown.iter().filter(|&&(x, y)| conflicts(x, y)).count();
            let longest = stretches
                .iter()
                .filter(|&&(x, y, n)| (0..n).any(|k| conflicts(x + k, y + k)))
                .map(|&(_, _, n)| n)
                .max()
                .unwrap_or(0);
            if total < hidden && longest < hidden {
                problems.push(format!(
                    "{len} shared words, {hidden} not shown as equal: {:?}",
                    old.words[i..i + len].join(" ")
                ));
            }
        }
    }
    problems
}

#[test]
fn a_rewritten_paragraph_keeps_its_long_shared_clause_equal() {
    // 78/136 -> 79/196 OP10 -> OP14: the diff once deleted and re-inserted this 21-word clause.
    let old = "Welcomes the allocation, calls for the urgent voluntary rechannelling of special \
               drawing rights for countries most in need, including through multilateral \
               development banks, while respecting relevant legal frameworks and preserving the \
               reserve asset character of special drawing rights, and will explore ways for \
               future allocations of special drawing rights to benefit those countries most in \
               need;";
    let new = "Welcomes the allocation, calls upon countries that are in a position to do so to \
               voluntarily rechannel special drawing rights, and calls for those countries to \
               also consider rechannelling at least half of their special drawing rights, \
               including through multilateral development banks, while respecting relevant \
               legal frameworks and preserving the reserve asset character of special drawing \
               rights, and encourages the International Monetary Fund to explore all options;";
    let ops = resdiff::diff::diff_words(old, new);
    assert_eq!(hidden_runs(&ops), Vec::<String>::new());
    assert!(ops.iter().any(|o| o.op == OpKind::Equal
        && o.text.contains(
            "including through multilateral development banks, while respecting relevant legal \
             frameworks and preserving the reserve asset character of special drawing rights"
        )));
}

#[test]
fn the_check_finds_a_hidden_run() {
    // The checker itself: a clause deleted and re-inserted is reported.
    let clause =
        "including through multilateral development banks while respecting legal frameworks";
    let ops = vec![
        DiffOp::new(OpKind::Equal, "Calls for action, "),
        DiffOp::new(OpKind::Delete, clause),
        DiffOp::new(OpKind::Insert, format!("now {clause}")),
        DiffOp::new(OpKind::Equal, ";"),
    ];
    assert_eq!(hidden_runs(&ops).len(), 1);
}

#[test]
fn corpus_series_pairs_never_hide_a_long_shared_run() {
    let Some(dir) = resdiff::corpus::dir_or_skip("shared runs on corpus series") else {
        return;
    };
    let pairs = resdiff::corpus::series_pairs(&dir).unwrap();
    let (mut checked, mut problems) = (0, Vec::new());
    for (old, new) in &pairs {
        let (po, pn) = (
            resdiff::corpus::text_path(&dir, old),
            resdiff::corpus::text_path(&dir, new),
        );
        let (Ok(a), Ok(b)) = (std::fs::read_to_string(&po), std::fs::read_to_string(&pn)) else {
            continue;
        };
        let c = compare(parse(&a), parse(&b));
        for p in &c.pairs {
            if matches!(p.status, Status::Added | Status::Removed) {
                continue;
            }
            checked += 1;
            for h in hidden_runs(&p.ops) {
                problems.push(format!("{old} -> {new} {:?} -> {:?}: {h}", p.old, p.new));
            }
        }
    }
    println!(
        "{} series pairs, {checked} paired paragraphs, {} hidden runs",
        pairs.len(),
        problems.len()
    );
    assert!(checked > 8_000, "only {checked} paired paragraphs checked");
    assert!(
        problems.is_empty(),
        "{} hidden runs:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
