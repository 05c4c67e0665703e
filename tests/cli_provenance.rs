//! `resdiff compare --corpus DIR` on real texts: the JSON report gains a `provenance` array for
//! the text the new version inserted, with a source found by reading the documents.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    resdiff::corpus::scratch_dir("resdiff-cli-prov", name).expect("scratch folder")
}

fn copy_texts(corpus: &Path, symbols: &[&str], to: &Path) {
    resdiff::corpus::copy_texts(corpus, symbols, to).expect("copy corpus texts");
}

fn compare_json(old: &Path, new: &Path, extra: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .arg("compare")
        .arg(old)
        .arg(new)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("the resdiff binary runs");
    assert!(
        out.status.success(),
        "resdiff compare failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// A/C.2/80/L.17 (the first 2025 draft on ICT for sustainable development) adds an operative
/// paragraph that 79/194 does not have: `17. Welcomes the report of the Secretary-General on
/// innovative voluntary financing options for artificial intelligence capacity-building, …`.
/// Searched by hand in the corpus (text with line breaks joined): that wording stands, among the
/// documents, only in L.17, in its sibling draft A/C.2/80/L.18 and in the Pact for the Future,
/// A/RES/79/1 of 22 September 2024, annex paragraph 63 (`… to develop innovative voluntary
/// financing options for artificial intelligence capacity-building that take into account …`),
/// which asked for that report.
#[test]
fn compare_with_a_corpus_gives_the_provenance_of_inserted_text() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("compare --corpus provenance") else {
        return;
    };
    let dir = scratch("compare");
    let texts = dir.join("texts");
    // L.17 itself is in the folder: a document is never its own source.
    copy_texts(
        &corpus,
        &[
            "A/RES/78/132",
            "A/RES/79/1",
            "A/RES/79/194",
            "A/C.2/80/L.17",
        ],
        &texts,
    );
    let old = resdiff::corpus::text_path(&corpus, "A/RES/79/194");
    let new = resdiff::corpus::text_path(&corpus, "A/C.2/80/L.17");
    let index = dir.join("index.redb");
    let index_arg = index.to_string_lossy().into_owned();
    let texts_arg = texts.to_string_lossy().into_owned();

    let plain = compare_json(&old, &new, &[]);
    assert!(
        plain.get("provenance").is_none(),
        "no corpus, no provenance"
    );

    let report = compare_json(&old, &new, &["--corpus", &texts_arg, "--index", &index_arg]);
    assert!(index.is_file(), "the index is written where --index says");
    let prov = report["provenance"].as_array().expect("a provenance array");
    assert!(!prov.is_empty());

    // Every span's offsets cut its text out of that paragraph of the new document, and no
    // source is the new document itself or later than it.
    let new_paras = report["new"]["paragraphs"].as_array().expect("paragraphs");
    for p in prov {
        let id = p["id"].as_str().expect("id");
        let text = new_paras
            .iter()
            .find(|q| q["id"] == id)
            .and_then(|q| q["text"].as_str())
            .unwrap_or_else(|| panic!("{id} is a paragraph of L.17"));
        for s in p["spans"].as_array().expect("spans") {
            let (a, b) = (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(text.get(a..b), s["text"].as_str(), "{id} {a}..{b}");
            for src in s["sources"].as_array().expect("sources") {
                assert_ne!(src["symbol"], "A/C.2/80/L.17");
                assert!(src["date"].as_str().is_some_and(|d| d < "2025-10-14"));
            }
        }
    }

    let op17 = prov
        .iter()
        .find(|p| p["id"] == "OP17")
        .expect("OP17 of L.17 has provenance");
    let span = op17["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .find(|s| {
            s["text"].as_str().is_some_and(|t| {
                t.contains(
                    "innovative voluntary financing options for artificial intelligence capacity-building",
                )
            })
        })
        .expect("the financing-options wording is traced");
    let sources = span["sources"].as_array().expect("sources");
    assert!(
        sources.iter().any(|s| s["symbol"] == "A/RES/79/1"
            && s["date"] == "2024-09-22"
            && s["paragraph"] == "AN1.OP63"),
        "{sources:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
