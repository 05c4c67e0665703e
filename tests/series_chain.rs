//! Series and blame on the real ICT chain of the corpus: A/RES/78/132 → A/RES/79/194 →
//! A/C.2/80/L.17 → A/C.2/80/L.58 → A/RES/80/118. Every fact below was checked by reading the
//! documents (the wording searched in each text), not taken from resdiff's output.

use std::path::PathBuf;

use resdiff::series::{Order, Series, blame, load_series};

const CHAIN: [&str; 5] = [
    "A/RES/78/132",
    "A/RES/79/194",
    "A/C.2/80/L.17",
    "A/C.2/80/L.58",
    "A/RES/80/118",
];

/// The chain's files in a shuffled order (metadata must put them right).
fn shuffled_chain() -> Option<Vec<PathBuf>> {
    let corpus = resdiff::corpus::dir_or_skip("series_chain")?;
    Some(
        [4, 2, 0, 3, 1]
            .iter()
            .map(|&i| resdiff::corpus::text_path(&corpus, CHAIN[i]))
            .collect(),
    )
}

fn chain_series() -> Option<Series> {
    let files = shuffled_chain()?;
    Some(load_series(&files, Order::Metadata).expect("the chain loads"))
}

fn symbol(s: &Series, v: usize) -> &str {
    &s.versions[v].symbol
}

/// The history of a paragraph of A/RES/80/118 by id.
fn history<'a>(s: &'a Series, id: &str) -> &'a resdiff::series::ParagraphHistory {
    let n = s
        .newest()
        .doc
        .paragraphs
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} in A/RES/80/118"));
    &s.paragraphs[n]
}

#[test]
fn versions_are_ordered_by_session_and_stage() {
    let Some(s) = chain_series() else { return };
    let order: Vec<&str> = (0..s.versions.len()).map(|v| symbol(&s, v)).collect();
    assert_eq!(order, CHAIN);
    assert_eq!(s.steps.len(), 4);
    // The user's order wins when asked for.
    let Some(files) = shuffled_chain() else {
        return;
    };
    let given = load_series(&files, Order::Given).expect("loads");
    assert_eq!(given.versions[0].symbol, "A/RES/80/118");
}

#[test]
fn first_appearance_of_operative_paragraphs_of_80_118() {
    let Some(s) = chain_series() else { return };
    // OP18 (`Emphasizes the importance of increased investment, particularly from the private
    // sector and philanthropy, to scale up artificial intelligence capacity-building …`) and OP46
    // (`Recalls the commitment to strengthen international cooperation to address the challenge
    // of misinformation and disinformation and hate speech online …`): their wording is in L.58
    // and in no earlier version.
    for id in ["OP18", "OP46"] {
        let h = history(&s, id);
        assert_eq!(symbol(&s, h.first_version), "A/C.2/80/L.58", "{id}");
        assert_eq!(
            h.history[0].status,
            Some(resdiff::compare::Status::Added),
            "{id}"
        );
    }
    // OP15 (`Emphasizes the role of the Commission on Science and Technology for Development in
    // the follow-up and review process of the Global Digital Compact …`) is first in L.17 (its
    // paragraph 15); 79/194 and 78/132 have no such paragraph.
    assert_eq!(
        symbol(&s, history(&s, "OP15").first_version),
        "A/C.2/80/L.17"
    );
    // OP1 (`Recognizes that information and communications technologies have the potential to
    // provide new solutions to development challenges …`) is already paragraph 1 of 78/132.
    let op1 = history(&s, "OP1");
    assert_eq!(symbol(&s, op1.first_version), "A/RES/78/132");
    assert_eq!(op1.history.len(), 5);
    assert!(
        op1.history
            .iter()
            .all(|e| s.ids(e.version, &e.paragraphs) == "OP1")
    );
}

#[test]
fn adoption_without_change_and_changes_with_their_diff() {
    let Some(s) = chain_series() else { return };
    // A/RES/80/118 was adopted from L.58 without change (they differ only by U+2011 hyphens,
    // normalised on reading): no paragraph changed in the last step.
    assert!(s.paragraphs.iter().all(|h| !h.changed_in.contains(&4)));
    // PP5 of 80/118 (`Welcoming the convening of the Fourth International Conference on Financing
    // for Development … Sevilla …`) changed in L.58: `4 trillion dollar financing gap, catalyse
    // sustainable investments` became `4 trillion United States dollar financing gap, and
    // catalyse sustainable development investments`.
    let pp5 = history(&s, "PP5");
    assert!(
        pp5.changed_in
            .iter()
            .any(|&v| symbol(&s, v) == "A/C.2/80/L.58")
    );
    let step = pp5
        .history
        .iter()
        .find(|e| symbol(&s, e.version) == "A/C.2/80/L.58")
        .expect("an L.58 entry");
    let inserted: String = s
        .step_ops(step)
        .iter()
        .filter(|o| o.op == resdiff::diff::OpKind::Insert)
        .map(|o| o.text.as_str())
        .collect();
    assert!(inserted.contains("United States"), "{inserted}");
}

#[test]
fn paragraphs_removed_along_the_way() {
    let Some(s) = chain_series() else { return };
    // L.17's paragraph 36 (`Recognizes the importance of the Internet Governance Forum and its
    // mandate as the forum for multi-stakeholder dialogue …`) is not in L.58.
    let found = s.removed.iter().any(|r| {
        symbol(&s, r.version) == "A/C.2/80/L.17"
            && s.ids(r.version, &[r.paragraph]) == "OP36"
            && symbol(&s, r.removed_in) == "A/C.2/80/L.58"
    });
    assert!(found, "L.17 OP36 removed in L.58");
    assert!(s.removed.iter().all(|r| r.removed_in == r.version + 1));
}

#[test]
fn blame_dates_words_to_the_version_that_wrote_them() {
    let Some(s) = chain_series() else { return };
    let b = blame(&s);
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    let newest = &s.newest().doc;
    let words_of = |id: &str| -> Vec<(String, String)> {
        let n = newest.paragraphs.iter().position(|p| p.id == id).expect(id);
        let text = &newest.paragraphs[n].text;
        b.paragraphs[n]
            .words
            .iter()
            .map(|w| {
                (
                    text[w.start..w.end].to_string(),
                    symbol(&s, w.version).to_string(),
                )
            })
            .collect()
    };
    let pp5 = words_of("PP5");
    let version_of = |words: &[(String, String)], word: &str| -> String {
        words
            .iter()
            .find(|(w, _)| w.trim_matches(|c: char| !c.is_alphanumeric()) == word)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{word}"))
    };
    // `United States` came in with L.58; `Sevilla` with L.17 (79/194 never names it).
    assert_eq!(version_of(&pp5, "United"), "A/C.2/80/L.58");
    assert_eq!(version_of(&pp5, "States"), "A/C.2/80/L.58");
    assert_eq!(version_of(&pp5, "Sevilla"), "A/C.2/80/L.17");
    // OP18 is new in L.58: every word of it.
    assert!(words_of("OP18").iter().all(|(_, v)| v == "A/C.2/80/L.58"));
    // OP1 has kept 78/132's wording; its words (renumbering or not) date from 78/132.
    let op1 = words_of("OP1");
    assert_eq!(version_of(&op1, "globalization"), "A/RES/78/132");
    // Every word is dated and the counts add up.
    let total: usize = b.counts(s.versions.len()).iter().sum();
    let words: usize = b.paragraphs.iter().map(|p| p.words.len()).sum();
    assert_eq!(total, words);
}

#[test]
fn json_shapes_are_as_documented() {
    let Some(s) = chain_series() else { return };
    let j = resdiff::report::series_json(&s);
    assert_eq!(j["versions"][0]["symbol"], "A/RES/78/132");
    assert_eq!(j["versions"][4]["date"], "2025-12-15");
    assert!(
        j["versions"][0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("A_RES_78_132.txt"))
    );
    let op18 = j["paragraphs"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == "OP18"))
        .expect("OP18");
    assert_eq!(op18["first_version"], "A/C.2/80/L.58");
    assert_eq!(op18["history"][0]["status"], "added");
    assert_eq!(op18["history"][1]["version"], "A/RES/80/118");
    assert!(op18["changed_in"].as_array().is_some_and(Vec::is_empty));
    let removed = j["removed"].as_array().expect("removed");
    assert!(removed.iter().any(|r| r["id"] == "OP36"
        && r["version"] == "A/C.2/80/L.17"
        && r["removed_in"] == "A/C.2/80/L.58"));
    let b = resdiff::report::blame_json(&s, &blame(&s));
    let word = &b["paragraphs"][0]["words"][0];
    assert!(word["start"].is_u64() && word["end"].is_u64() && word["version"].is_string());
    let html = resdiff::report::series_html(&s);
    assert!(html.contains("<ol class=\"timeline\">") && html.contains("A/C.2/80/L.58"));
}
