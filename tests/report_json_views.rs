//! The compare and parse JSON are written from borrowed views of the model (no `Value` tree);
//! their layout must stay the one a `serde_json::Value` gives: every object's keys in sorted
//! order, as earlier versions wrote them. Re-serialising the parsed output through `Value` (whose
//! objects keep their keys sorted; floats parsed exactly, serde_json's `float_roundtrip`) must give
//! back the same bytes, on the sample pair and on every series pair of the corpus.

use resdiff::report::{Format, RenderOptions, comparison_json, render, render_resolution};

fn check_comparison(c: &resdiff::compare::Comparison, what: &str) {
    let bytes = render(c, Format::Json, &RenderOptions::default()).expect("json renders");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("valid json");
    let mut again = serde_json::to_vec_pretty(&value).expect("serialises");
    again.push(b'\n');
    if again != bytes {
        let at = again
            .iter()
            .zip(&bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let lo = at.saturating_sub(200);
        panic!(
            "{what}: the compare JSON is not in sorted-key layout at byte {at}:\n--- rendered\n{}\n--- through Value\n{}",
            String::from_utf8_lossy(&bytes[lo..(at + 200).min(bytes.len())]),
            String::from_utf8_lossy(&again[lo..(at + 200).min(again.len())])
        );
    }
    assert_eq!(value, comparison_json(c), "{what}: comparison_json differs");
}

fn check_resolution(r: &resdiff::model::Resolution, what: &str) {
    let text = render_resolution(r).expect("json renders");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid json");
    let mut again = serde_json::to_string_pretty(&value).expect("serialises");
    again.push('\n');
    assert!(
        again == text,
        "{what}: the parse JSON is not in sorted-key layout"
    );
}

#[test]
fn sample_pair_json_keeps_the_sorted_layout() {
    let c = resdiff::compare_files(
        "sample_data/A_RES_65_141.txt".as_ref(),
        "sample_data/A_RES_66_184.txt".as_ref(),
    )
    .expect("samples load");
    check_comparison(&c, "sample pair");
    check_resolution(&c.old, "65/141");
    check_resolution(&c.new, "66/184");
    // The fields that only some pairs have are present here: routine ops, lead changes, notes.
    let text = String::from_utf8(
        render(&c, Format::Json, &RenderOptions::default()).expect("json renders"),
    )
    .expect("utf-8");
    for key in [
        "\"routine_reason\"",
        "\"lead_change\": {",
        "\"annex\": null",
    ] {
        assert!(text.contains(key), "sample JSON lacks {key}");
    }
}

#[test]
fn corpus_series_pairs_json_keeps_the_sorted_layout() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("JSON layout over the series pairs") else {
        return;
    };
    let pairs = resdiff::corpus::series_pairs(&corpus).expect("series.tsv");
    assert!(pairs.len() >= 170, "{} pairs", pairs.len());
    for (old, new) in pairs {
        let (po, pn) = (
            resdiff::corpus::text_path(&corpus, &old),
            resdiff::corpus::text_path(&corpus, &new),
        );
        let c = resdiff::compare_files(&po, &pn).expect("corpus texts load");
        check_comparison(&c, &format!("{old} -> {new}"));
    }
}
