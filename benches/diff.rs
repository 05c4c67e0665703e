//! Word-diff speed on real paragraph pairs and on a 50,000-word paragraph.
//!
//! Run: `cargo bench --no-default-features --bench diff`.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use resdiff::diff::{
    DiffOptions, diff_words, diff_words_with, mark_routine, new_text, normalize_for_matching,
    old_text,
};

fn lines(file: &str) -> Vec<String> {
    let path = format!("{}/sample_data/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .expect("sample file")
        .lines()
        .map(str::trim)
        .filter(|l| l.split_whitespace().count() >= 5)
        .map(str::to_string)
        .collect()
}

fn word_set(text: &str) -> HashSet<String> {
    normalize_for_matching(text)
        .split(' ')
        .map(str::to_string)
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.union(b).count().max(1);
    inter as f64 / union as f64
}

fn main() {
    let old = lines("A_RES_65_141.txt");
    let new = lines("A_RES_66_184.txt");
    let new_sets: Vec<_> = new.iter().map(|l| word_set(l)).collect();
    // Pair each old paragraph with its most similar new paragraph (Jaccard on normalised words).
    let pairs: Vec<(&String, &String)> = old
        .iter()
        .filter_map(|o| {
            let os = word_set(o);
            new.iter()
                .zip(&new_sets)
                .map(|(n, ns)| (n, jaccard(&os, ns)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .filter(|(_, s)| *s >= 0.3)
                .map(|(n, _)| (o, n))
        })
        .collect();
    let chars: usize = pairs.iter().map(|(o, n)| o.len() + n.len()).sum();
    println!(
        "{} paragraph pairs (A/RES/65/141 → A/RES/66/184), {} chars in total",
        pairs.len(),
        chars
    );

    let rounds = 50;
    let start = Instant::now();
    let mut ops_total = 0;
    for _ in 0..rounds {
        for (o, n) in &pairs {
            let ops = diff_words(o, n);
            ops_total += ops.len();
        }
    }
    let per_pair = start.elapsed().as_secs_f64() * 1e6 / (rounds * pairs.len()) as f64;
    println!(
        "diff_words: {per_pair:.1} µs per pair ({} ops per round)",
        ops_total / rounds
    );

    let raw = DiffOptions {
        semantic_cleanup: false,
        ..DiffOptions::default()
    };
    let start = Instant::now();
    for _ in 0..rounds {
        for (o, n) in &pairs {
            std::hint::black_box(diff_words_with(o, n, &raw));
        }
    }
    let per_pair = start.elapsed().as_secs_f64() * 1e6 / (rounds * pairs.len()) as f64;
    println!("diff_words_with without semantic cleanup: {per_pair:.1} µs per pair");

    let rollover = resdiff::diff::Rollover::with_gap(65, 1);
    let start = Instant::now();
    for _ in 0..rounds {
        for (o, n) in &pairs {
            let mut ops = diff_words(o, n);
            mark_routine(&mut ops, &rollover);
        }
    }
    let per_pair = start.elapsed().as_secs_f64() * 1e6 / (rounds * pairs.len()) as f64;
    println!("diff_words + mark_routine: {per_pair:.1} µs per pair");

    let start = Instant::now();
    for _ in 0..rounds {
        for o in &old {
            std::hint::black_box(normalize_for_matching(o));
        }
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / (rounds * old.len()) as f64;
    println!("normalize_for_matching: {per:.1} µs per paragraph");

    // 50,000 words against a copy with an edit every 500 words.
    let words: Vec<&str> = new.iter().flat_map(|l| l.split_whitespace()).collect();
    let big: Vec<&str> = words.iter().cycle().take(50_000).copied().collect();
    let big_old = big.join(" ");
    let big_new = big
        .iter()
        .enumerate()
        .map(|(i, w)| if i % 500 == 7 { "CHANGED" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    for (label, deadline) in [
        ("default 50 ms deadline", DiffOptions::default().deadline),
        ("no deadline", None),
        ("1 ms deadline", Some(Duration::from_millis(1))),
        ("5 ms deadline", Some(Duration::from_millis(5))),
    ] {
        let opts = DiffOptions {
            deadline,
            ..DiffOptions::default()
        };
        let start = Instant::now();
        let out = diff_words_with(&big_old, &big_new, &opts);
        let took = start.elapsed();
        assert_eq!(old_text(&out.ops), big_old);
        assert_eq!(new_text(&out.ops), big_new);
        println!(
            "50,000 words, 100 edits, {label}: {:.1} ms, {} ops, timed_out={}",
            took.as_secs_f64() * 1e3,
            out.ops.len(),
            out.timed_out
        );
    }

    // Two unrelated texts of 5,000 words (worst case for the search and the cleanup).
    let a: Vec<&str> = words.iter().take(5_000).copied().collect();
    let mut b = a.clone();
    let len = b.len();
    for i in 0..len {
        b.swap(i, (i * 7919 + 13) % len);
    }
    let (a, b) = (a.join(" "), b.join(" "));
    let start = Instant::now();
    let out = diff_words_with(&a, &b, &DiffOptions::default());
    println!(
        "5,000 words against a shuffle of them: {:.1} ms, {} ops, timed_out={}",
        start.elapsed().as_secs_f64() * 1e3,
        out.ops.len(),
        out.timed_out
    );
}
