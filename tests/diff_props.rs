//! Property tests: the ops always reproduce both texts exactly, and are well formed.

use proptest::prelude::*;
use resdiff::diff::{
    DiffOp, DiffOptions, OpKind, diff_words, diff_words_with, mark_routine, new_text, old_text,
    similarity,
};

fn sample_lines() -> Vec<String> {
    let mut out = Vec::new();
    for f in ["A_RES_65_141.txt", "A_RES_66_184.txt"] {
        let path = format!("{}/sample_data/{f}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        out.extend(
            text.lines()
                .filter(|l| l.split_whitespace().count() >= 8)
                .map(str::to_string),
        );
    }
    assert!(
        out.len() > 80,
        "expected the sample paragraphs, got {}",
        out.len()
    );
    out
}

fn check_ops(old: &str, new: &str, ops: &[DiffOp]) {
    assert_eq!(old_text(ops), old);
    assert_eq!(new_text(ops), new);
    for op in ops {
        assert!(!op.text.is_empty(), "empty op in {ops:?}");
    }
    for w in ops.windows(2) {
        assert!(w[0].op != w[1].op, "unmerged neighbours in {ops:?}");
        assert!(
            !(w[0].op == OpKind::Insert && w[1].op == OpKind::Delete),
            "insert before delete in {ops:?}"
        );
    }
    let s = similarity(ops);
    assert!((0.0..=1.0).contains(&s));
    // Never half a word: no op boundary falls between two letters/digits of the same text.
    for text_of in [OpKind::Insert, OpKind::Delete] {
        let runs: Vec<&str> = ops
            .iter()
            .filter(|o| o.op != text_of)
            .map(|o| o.text.as_str())
            .collect();
        for w in runs.windows(2) {
            let before = w[0].chars().last();
            let after = w[1].chars().next();
            assert!(
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric)),
                "op boundary splits a word: {w:?} in {ops:?}"
            );
        }
    }
}

/// `check_ops` plus what the semantic cleanup guarantees.
fn check_clean(old: &str, new: &str, ops: &[DiffOp]) {
    check_ops(old, new, ops);
    // Whitespace between two changes belongs to the change.
    for w in ops.windows(3) {
        if w[1].op == OpKind::Equal && w[0].op != OpKind::Equal && w[2].op != OpKind::Equal {
            assert!(!w[1].text.trim().is_empty(), "whitespace island in {ops:?}");
        }
    }
}

/// Applies random word-level edits (delete, insert, replace, swap) to `text`.
fn edit(text: &str, edits: &[(usize, u8, String)]) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    for (pos, kind, word) in edits {
        if words.is_empty() {
            words.push(word.clone());
            continue;
        }
        let i = pos % words.len();
        match kind % 4 {
            0 => {
                words.remove(i);
            }
            1 => words.insert(i, word.clone()),
            2 => words[i] = word.clone(),
            _ => {
                let j = (i + 1) % words.len();
                words.swap(i, j);
            }
        }
    }
    words.join(" ")
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        // Anything, including unicode and control characters.
        any::<String>(),
        // Words, symbols, punctuation and odd whitespace drawn from a small alphabet so that
        // the two sides share tokens.
        proptest::collection::vec(
            prop_oneof![
                Just("the".to_string()),
                Just("of".to_string()),
                Just("and".to_string()),
                Just("65/141".to_string()),
                Just("A/66/437".to_string()),
                Just("sixty-sixth".to_string()),
                Just("Développement".to_string()),
                Just("développement".to_string()),
                Just("中文".to_string()),
                Just(",".to_string()),
                Just(";".to_string()),
                Just(" ".to_string()),
                Just("  ".to_string()),
                Just("\t".to_string()),
                Just("\n".to_string()),
                Just("\u{a0}".to_string()),
                Just("-".to_string()),
                "[a-c]{1,3}".prop_map(|s| s),
            ],
            0..40
        )
        .prop_map(|v| v.concat()),
        Just(String::new()),
        "[ \t\n]{0,5}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_strings_reconstruct(old in text_strategy(), new in text_strategy()) {
        let mut ops = diff_words(&old, &new);
        check_clean(&old, &new, &ops);
        mark_routine(&mut ops, &resdiff::diff::Rollover::with_gap(78, 1));
        check_clean(&old, &new, &ops);
        let raw = diff_words_with(&old, &new, &DiffOptions { semantic_cleanup: false, ..DiffOptions::default() });
        check_ops(&old, &new, &raw.ops);
    }

    #[test]
    fn random_edits_of_real_paragraphs_reconstruct(
        line in 0usize..1000,
        edits in proptest::collection::vec(
            (any::<usize>(), any::<u8>(), prop_oneof![
                Just("also".to_string()),
                Just("the".to_string()),
                Just("66/184".to_string()),
                Just("seventy-ninth".to_string()),
                Just("Société".to_string()),
                Just(",".to_string()),
                Just("".to_string()),
                Just("  ".to_string()),
                "[a-zé]{1,8}".prop_map(|s| s),
            ]),
            0..12,
        ),
    ) {
        let lines = sample_lines();
        let old = lines[line % lines.len()].clone();
        let new = edit(&old, &edits);
        let ops = diff_words(&old, &new);
        check_clean(&old, &new, &ops);
        // Edits happened only where the new text differs, so an unedited pair is all equal.
        if old == new {
            prop_assert!(ops.iter().all(|o| o.op == OpKind::Equal));
        }
        // A zero deadline still gives an exact (coarse) result.
        let coarse = diff_words_with(&old, &new, &DiffOptions { deadline: Some(std::time::Duration::ZERO), ..DiffOptions::default() });
        check_ops(&old, &new, &coarse.ops);
    }

    #[test]
    fn real_paragraph_pairs_reconstruct(a in 0usize..1000, b in 0usize..1000) {
        let lines = sample_lines();
        let old = &lines[a % lines.len()];
        let new = &lines[b % lines.len()];
        let ops = diff_words(old, new);
        check_clean(old, new, &ops);
    }
}
