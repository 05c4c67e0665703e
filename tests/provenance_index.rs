//! The provenance index on real corpus texts: agreed language found in an earlier resolution (a
//! fact checked by searching the texts by hand), a damaged index rebuilt, and an update that
//! reads only the file that changed.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use resdiff::provenance::{ProvenanceIndex, QueryScope, UpdateStats, of_document};

fn scratch(name: &str) -> PathBuf {
    resdiff::corpus::scratch_dir("resdiff-prov", name).expect("scratch folder")
}

fn update(corpus: &Path, index: &Path) -> (ProvenanceIndex, UpdateStats) {
    ProvenanceIndex::update(corpus, index, &|_| {}, &AtomicBool::new(false)).expect("update")
}

/// A small corpus: copies of a few real texts (in a scratch folder, never in the repository).
fn small_corpus(corpus: &Path, name: &str) -> PathBuf {
    let dir = scratch(name).join("texts");
    std::fs::create_dir_all(&dir).expect("texts folder");
    for s in [
        "A/RES/78/132",
        "A/RES/78/160",
        "A/RES/79/194",
        "A/RES/78/14",
        "A/RES/79/15",
    ] {
        let from = resdiff::corpus::text_path(corpus, s);
        let to = dir.join(from.file_name().expect("file name"));
        std::fs::copy(&from, &to).expect("copy a corpus text");
    }
    dir
}

const ROAD_MAPS: &str = "such as the Partnership in Action on STI for SDGs Road Maps";

/// The spans of A/RES/79/194's paragraph that names the STI road maps.
fn road_map_spans(index: &ProvenanceIndex, corpus: &Path) -> Vec<resdiff::provenance::Span> {
    let doc =
        resdiff::load(&resdiff::corpus::text_path(corpus, "A/RES/79/194")).expect("79/194 loads");
    let p = doc
        .paragraphs
        .iter()
        .find(|p| p.text.contains(ROAD_MAPS))
        .expect("79/194 names the road maps");
    index
        .provenance(&p.text, &QueryScope::of(&doc))
        .expect("query")
}

/// The documents before 79/194 that hold the road-maps phrase itself.
fn phrase_sources(index: &ProvenanceIndex) -> Vec<String> {
    let scope = QueryScope {
        before: Some("2024-12-19".into()),
        exclude_symbol: Some("A/RES/79/194".into()),
        ..QueryScope::default()
    };
    let spans = index.provenance(ROAD_MAPS, &scope).expect("query");
    let mut symbols: Vec<String> = spans
        .iter()
        .flat_map(|s| s.sources.iter().map(|s| s.symbol.clone()))
        .collect();
    symbols.sort();
    symbols.dedup();
    symbols
}

#[test]
fn agreed_language_of_79_194_found_in_earlier_resolutions() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("provenance agreed language") else {
        return;
    };
    let dir = scratch("whole");
    let (index, stats) = update(&corpus.join("text"), &dir.join("index.redb"));
    assert_eq!(index.len(), 669);
    assert!(stats.failed.is_empty(), "{:?}", stats.failed);
    // By hand: `… such as the Partnership in Action on STI for SDGs Road Maps` stands in
    // A/RES/78/132 (PP8) and in A/RES/78/160, both adopted on 19 December 2023, before 79/194
    // (19 December 2024); L.17, L.18, L.47, L.58, 80/118 and 80/147 have it too, but later.
    let spans = road_map_spans(&index, &corpus);
    let span = spans
        .iter()
        .find(|s| s.text.contains(ROAD_MAPS))
        .expect("the road-maps wording is found");
    let symbols: Vec<&str> = span.sources.iter().map(|s| s.symbol.as_str()).collect();
    assert!(symbols.contains(&"A/RES/78/132"), "{symbols:?}");
    assert!(symbols.contains(&"A/RES/78/160"), "{symbols:?}");
    assert!(
        span.sources
            .iter()
            .all(|s| s.date.as_deref().is_some_and(|d| d < "2024-12-19")),
        "only earlier documents: {:?}",
        span.sources
    );
    // Oldest first; 78/132 names it in its paragraph PP8.
    let dates: Vec<&str> = span
        .sources
        .iter()
        .filter_map(|s| s.date.as_deref())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let from_132 = span
        .sources
        .iter()
        .find(|s| s.symbol == "A/RES/78/132")
        .expect("78/132");
    assert_eq!(from_132.paragraph, "PP8");
    // The offsets are the span's place in the paragraph text.
    let doc = resdiff::load(&resdiff::corpus::text_path(&corpus, "A/RES/79/194")).expect("loads");
    let whole = of_document(&index, &doc).expect("document provenance");
    assert!(whole.iter().all(|p| p.spans.iter().all(|s| {
        doc.paragraphs[p.paragraph].text.get(s.start..s.end) == Some(s.text.as_str())
    })));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_damaged_index_is_detected_and_rebuilt() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("provenance damaged index") else {
        return;
    };
    let texts = small_corpus(&corpus, "damaged");
    let index_path = texts.with_file_name("index.redb");
    let (index, stats) = update(&texts, &index_path);
    assert_eq!(stats.indexed.len(), 5);
    assert_eq!(stats.rebuilt, None);
    let before = road_map_spans(&index, &corpus);
    assert!(!before.is_empty());
    drop(index);

    // Overwrite a stretch in the middle of the file with garbage.
    let mut bytes = std::fs::read(&index_path).expect("index file");
    let mid = bytes.len() / 2;
    for b in bytes.iter_mut().skip(mid).take(4096) {
        *b = 0xA5;
    }
    std::fs::write(&index_path, &bytes).expect("damage");
    let (index, stats) = update(&texts, &index_path);
    assert!(stats.rebuilt.is_some(), "damage went unnoticed");
    assert_eq!(stats.indexed.len(), 5, "rebuilt from the folder");
    assert_eq!(road_map_spans(&index, &corpus), before);
    drop(index);

    // A file that is not an index at all, and a truncated one.
    std::fs::write(&index_path, b"not an index").expect("overwrite");
    let (index, stats) = update(&texts, &index_path);
    assert!(stats.rebuilt.is_some());
    assert_eq!(road_map_spans(&index, &corpus), before);
    drop(index);
    let bytes = std::fs::read(&index_path).expect("index file");
    std::fs::write(&index_path, &bytes[..bytes.len() / 3]).expect("truncate");
    let (index, stats) = update(&texts, &index_path);
    assert!(stats.rebuilt.is_some());
    assert_eq!(road_map_spans(&index, &corpus), before);
    std::fs::remove_dir_all(texts.parent().expect("scratch")).ok();
}

#[test]
fn an_update_reads_only_the_file_that_changed() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("provenance incremental update") else {
        return;
    };
    let texts = small_corpus(&corpus, "update");
    let index_path = texts.with_file_name("index.redb");
    let (index, stats) = update(&texts, &index_path);
    assert_eq!(stats.indexed.len(), 5);
    assert_eq!(phrase_sources(&index), ["A/RES/78/132", "A/RES/78/160"]);
    drop(index);
    // Nothing changed: nothing is read.
    let (_, stats) = update(&texts, &index_path);
    assert!(stats.indexed.is_empty());
    assert_eq!(stats.unchanged, 5);

    // Change the wording of 78/160: its road-maps clause is gone.
    let changed = texts.join("A_RES_78_160.txt");
    let text = std::fs::read_to_string(&changed).expect("read");
    // (Wrapped in the text: `… the Partnership in Action on STI for ⏎SDGs Road Maps, …`.)
    let flat = text.replace("Partnership in Action on STI for", "X");
    assert_ne!(flat, text, "78/160 names the road maps (checked by hand)");
    std::fs::write(&changed, flat).expect("rewrite");
    // Touch another file without changing it: re-stat'ed and hashed, not re-indexed.
    let touched = texts.join("A_RES_78_14.txt");
    let same = std::fs::read(&touched).expect("read");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&touched, same).expect("touch");

    let (index, stats) = update(&texts, &index_path);
    assert_eq!(stats.indexed, ["A_RES_78_160.txt"]);
    assert_eq!(stats.unchanged, 4);
    assert_eq!(index.len(), 5);
    let after = phrase_sources(&index);
    assert_eq!(
        after,
        ["A/RES/78/132"],
        "78/160's old wording is no longer found"
    );
    // While the index is open, another update refuses to run and leaves the file alone.
    let busy = ProvenanceIndex::update(&texts, &index_path, &|_| {}, &AtomicBool::new(false));
    assert!(
        matches!(busy, Err(resdiff::provenance::ProvenanceError::Busy(_))),
        "{busy:?}"
    );
    drop(index);

    // A file removed from the folder is dropped from the index.
    std::fs::remove_file(texts.join("A_RES_79_15.txt")).expect("remove");
    let (index, stats) = update(&texts, &index_path);
    assert_eq!(stats.removed, ["A_RES_79_15.txt"]);
    assert_eq!(index.len(), 4);
    std::fs::remove_dir_all(texts.parent().expect("scratch")).ok();
}
