//! A very long paragraph against an edited copy: the result must be exact (time is measured in
//! `benches/diff.rs`, not here).

use resdiff::diff::{DiffOptions, OpKind, diff_words, diff_words_with, new_text, old_text};

/// About `n` words built from the sample paragraphs, deterministic.
fn long_text(n: usize) -> String {
    let path = format!(
        "{}/sample_data/A_RES_66_184.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let words: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert!(words.len() > 3000);
    words
        .iter()
        .cycle()
        .take(n)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Deterministic edits every `step` words: replace, delete, insert in turn.
fn edited(text: &str, step: usize) -> String {
    let mut out = Vec::new();
    for (i, w) in text.split(' ').enumerate() {
        if i % step == 7 {
            match (i / step) % 3 {
                0 => out.push(format!("{w}X")),
                1 => {}
                _ => {
                    out.push("inserted".to_string());
                    out.push(w.to_string());
                }
            }
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

#[test]
fn fifty_thousand_words_with_scattered_edits() {
    let old = long_text(50_000);
    let new = edited(&old, 500);
    let out = diff_words_with(&old, &new, &DiffOptions::default());
    assert_eq!(old_text(&out.ops), old);
    assert_eq!(new_text(&out.ops), new);
    // 100 edit sites: the diff must have found them, not one big replace (unless it timed out).
    if !out.timed_out {
        let changes = out.ops.iter().filter(|o| o.op == OpKind::Insert).count();
        assert!(changes >= 60, "{changes} insert runs");
    }
}

#[test]
fn fifty_thousand_words_without_deadline_is_fine_grained() {
    let old = long_text(50_000);
    let new = edited(&old, 2_000);
    let out = diff_words_with(
        &old,
        &new,
        &DiffOptions {
            deadline: None,
            ..DiffOptions::default()
        },
    );
    assert!(!out.timed_out);
    assert_eq!(old_text(&out.ops), old);
    assert_eq!(new_text(&out.ops), new);
    let equal: usize = out
        .ops
        .iter()
        .filter(|o| o.op == OpKind::Equal)
        .map(|o| o.text.len())
        .sum();
    assert!(equal * 10 > old.len() * 9, "most text should be equal");
}

#[test]
fn unrelated_long_texts_fall_back_exactly() {
    let old = long_text(20_000);
    let new: String = old.chars().rev().collect();
    let ops = diff_words(&old, &new);
    assert_eq!(old_text(&ops), old);
    assert_eq!(new_text(&ops), new);
}

#[test]
fn tiny_deadlines_stay_exact() {
    let old = long_text(50_000);
    let new = edited(&old, 500);
    for ms in [0, 1, 3, 10] {
        let out = diff_words_with(
            &old,
            &new,
            &DiffOptions {
                deadline: Some(std::time::Duration::from_millis(ms)),
                ..DiffOptions::default()
            },
        );
        assert_eq!(old_text(&out.ops), old, "{ms} ms");
        assert_eq!(new_text(&out.ops), new, "{ms} ms");
    }
}
