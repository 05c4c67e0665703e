//! Word diff on real paragraph pairs from `sample_data/` and on small typed inputs.

use resdiff::diff::{
    DiffOp, DiffOptions, OpKind, diff_words, diff_words_with, new_text, old_text, similarity,
};

fn sample(name: &str) -> String {
    let path = format!("{}/sample_data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// The paragraph line of `file` that starts (after tabs/spaces and a number) with `start`.
fn line(file: &str, start: &str) -> String {
    sample(file)
        .lines()
        .map(|l| l.trim())
        .map(|l| {
            let l = l.trim_start_matches(|c: char| c.is_ascii_digit());
            l.trim_start_matches(['.', '\t', ' '])
        })
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?} in {file}"))
        .to_string()
}

fn check(old: &str, new: &str) -> Vec<DiffOp> {
    let ops = diff_words(old, new);
    assert_eq!(old_text(&ops), old);
    assert_eq!(new_text(&ops), new);
    ops
}

fn changed(ops: &[DiffOp], kind: OpKind) -> Vec<&str> {
    ops.iter()
        .filter(|o| o.op == kind)
        .map(|o| o.text.as_str())
        .collect()
}

#[test]
fn identical_and_empty_inputs() {
    let ops = check(
        "Recalling its resolution 65/141,",
        "Recalling its resolution 65/141,",
    );
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].op, OpKind::Equal);
    assert!(check("", "").is_empty());
    let ops = check("", "Notes");
    assert_eq!(ops, vec![DiffOp::new(OpKind::Insert, "Notes")]);
    let ops = check("  ", "");
    assert_eq!(ops, vec![DiffOp::new(OpKind::Delete, "  ")]);
    assert_eq!(similarity(&check("a b", "a b")), 1.0);
    assert_eq!(similarity(&check("a b", "c d")), 0.0);
}

#[test]
fn inserted_word_is_marked_with_its_trailing_space() {
    let ops = check(
        "Recalling its resolutions",
        "Recalling also its resolutions",
    );
    assert_eq!(changed(&ops, OpKind::Insert), vec!["also "]);
    assert!(changed(&ops, OpKind::Delete).is_empty());
}

#[test]
fn symbols_change_as_whole_tokens() {
    let ops = check(
        "report of the Second Committee (A/65/433)",
        "report of the Second Committee (A/66/437)",
    );
    assert_eq!(changed(&ops, OpKind::Delete), vec!["A/65/433"]);
    assert_eq!(changed(&ops, OpKind::Insert), vec!["A/66/437"]);
}

#[test]
fn function_word_islands_are_folded_into_rewrites() {
    // "the" and the spaces between rewritten words must not stay as equal islands.
    let ops = check(
        "invites all Member States to support the work of the Forum",
        "urges Governments and donors to fund the meetings of the Forum",
    );
    for op in &ops {
        if op.op == OpKind::Equal {
            let t = op.text.trim();
            assert!(
                !matches!(t, "" | "the" | "and" | "of"),
                "island {:?} left in {ops:?}",
                op.text
            );
        }
    }
    // Deletes come before inserts inside each change.
    for w in ops.windows(2) {
        assert!(
            !(w[0].op == OpKind::Insert && w[1].op == OpKind::Delete),
            "{ops:?}"
        );
        assert!(w[0].op != w[1].op, "unmerged neighbours in {ops:?}");
    }
}

#[test]
fn real_last_operative_paragraph_pair() {
    // In A_RES_65_141.txt the closing "69th plenary meeting" is glued to this line; keep the
    // paragraph only.
    let old = line(
        "A_RES_65_141.txt",
        "Decides to include in the provisional agenda",
    );
    let old = old.split(" 69th plenary").next().unwrap().to_string();
    let new = line(
        "A_RES_66_184.txt",
        "Decides to include in the provisional agenda",
    );
    let ops = check(&old, &new);
    assert_eq!(changed(&ops, OpKind::Delete), vec!["sixty-sixth"]);
    assert_eq!(changed(&ops, OpKind::Insert), vec!["sixty-seventh"]);
    assert!(similarity(&ops) > 0.9);
}

#[test]
fn real_first_preambular_paragraph_pair_reconstructs() {
    let old = line("A_RES_65_141.txt", "Recalling its resolutions 56/183");
    let new = line("A_RES_66_184.txt", "Recalling its resolutions 56/183");
    let ops = check(&old, &new);
    // The added resolution 65/141 appears only as an insertion.
    assert!(
        changed(&ops, OpKind::Insert)
            .iter()
            .any(|t| t.contains("65/141"))
    );
    assert!(
        !changed(&ops, OpKind::Delete)
            .iter()
            .any(|t| t.contains("56/183"))
    );
}

#[test]
fn expired_deadline_is_reported_and_exact() {
    let old = line("A_RES_65_141.txt", "Recalling its resolutions 56/183");
    let new = line("A_RES_66_184.txt", "Recalling its resolutions 56/183");
    let out = diff_words_with(
        &old,
        &new,
        &DiffOptions {
            deadline: Some(std::time::Duration::ZERO),
            ..DiffOptions::default()
        },
    );
    assert!(out.timed_out);
    assert_eq!(old_text(&out.ops), old);
    assert_eq!(new_text(&out.ops), new);
}
