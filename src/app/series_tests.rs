//! Window-free tests of the series view's commands: opening a series (files or a folder),
//! ordering and reordering, selecting a paragraph, blame, the background index with progress
//! and cancel, and opening a provenance source side by side. On the sample pair (always there)
//! and on the ICT chain of the corpus (skipped without it).

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::*;

const WAIT: Duration = Duration::from_secs(300);

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_data")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    crate::corpus::scratch_dir("resdiff-app-series", name).expect("scratch folder")
}

fn state() -> AppState {
    AppState::new(Settings::default())
}

fn open(s: &mut AppState, files: Vec<PathBuf>) {
    s.apply(Command::Series(SeriesCommand::Open(files)));
    assert!(s.wait_series_idle(WAIT), "the series build timed out");
}

fn symbols(s: &AppState) -> Vec<String> {
    s.series
        .series
        .as_ref()
        .expect("a series")
        .versions
        .iter()
        .map(|v| v.symbol.clone())
        .collect()
}

fn id_index(s: &AppState, id: &str) -> usize {
    let series = s.series.series.as_ref().expect("a series");
    series
        .newest()
        .doc
        .paragraphs
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} in the newest version"))
}

#[test]
fn a_series_given_newest_first_is_ordered_by_its_metadata_and_can_be_reordered() {
    let mut s = state();
    open(
        &mut s,
        vec![sample("A_RES_66_184.txt"), sample("A_RES_65_141.txt")],
    );
    assert!(s.series.shown, "the series view opens");
    assert_eq!(symbols(&s), ["A/RES/65/141", "A/RES/66/184"]);
    // A paragraph is selected from the start, so the side panel has something to show.
    let first = s.series.selected.expect("a selection");
    assert!(
        s.series
            .selected_history()
            .is_some_and(|h| h.paragraph == first)
    );

    // The user's order wins: move the newer one first, then the series is rebuilt so.
    let op1 = id_index(&s, "OP1");
    s.apply(Command::Series(SeriesCommand::Select(op1)));
    s.apply(Command::Series(SeriesCommand::MoveVersion {
        from: 1,
        to: 0,
    }));
    assert!(s.wait_series_idle(WAIT));
    assert_eq!(symbols(&s), ["A/RES/66/184", "A/RES/65/141"]);
    // The selection follows the paragraph id into the new newest version.
    let sel = s.series.selected.expect("selection kept");
    let newest = &s.series.series.as_ref().expect("series").newest().doc;
    assert_eq!(newest.paragraphs[sel].id, "OP1");
    // Moves outside the series are ignored.
    s.apply(Command::Series(SeriesCommand::MoveVersion {
        from: 0,
        to: 9,
    }));
    assert!(s.series.loading.is_none());
}

#[test]
fn selection_blame_and_view_switch_go_through_commands() {
    let mut s = state();
    open(
        &mut s,
        vec![sample("A_RES_65_141.txt"), sample("A_RES_66_184.txt")],
    );
    // An index that is not a paragraph of the newest version is refused.
    let before = s.series.selected;
    s.apply(Command::Series(SeriesCommand::Select(10_000)));
    assert_eq!(s.series.selected, before);
    let pp1 = id_index(&s, "PP1");
    s.apply(Command::Series(SeriesCommand::Select(pp1)));
    let h = s.series.selected_history().expect("history");
    assert_eq!(h.history.last().map(|e| e.version), Some(1));
    assert!(s.series.show_blame, "blame colouring is on by default");
    s.apply(Command::Series(SeriesCommand::SetBlame(false)));
    assert!(!s.series.show_blame);
    s.apply(Command::Series(SeriesCommand::Show(false)));
    assert!(!s.series.shown);
    s.apply(Command::Series(SeriesCommand::Show(true)));
    assert!(s.series.shown);
    // Opening a pair shows the pair; the series is kept and can be shown again.
    s.apply(Command::OpenPair(
        sample("A_RES_65_141.txt"),
        sample("A_RES_66_184.txt"),
    ));
    assert!(!s.series.shown);
    assert!(s.wait_idle(WAIT));
    assert!(s.comparison.is_some() && s.series.series.is_some());
    s.apply(Command::Series(SeriesCommand::Show(true)));
    assert!(s.series.shown);
}

#[test]
fn a_folder_opens_as_a_series_and_a_bad_file_is_reported() {
    let dir = scratch("folder");
    for f in ["A_RES_65_141.txt", "A_RES_66_184.txt"] {
        std::fs::copy(sample(f), dir.join(f)).expect("copy");
    }
    let mut s = state();
    // A folder given on the command line (or by the desktop) opens as a series.
    s.apply(Command::OpenFiles(vec![dir.clone()]));
    assert!(s.wait_series_idle(WAIT));
    assert_eq!(symbols(&s), ["A/RES/65/141", "A/RES/66/184"]);

    let mut bad = state();
    open(
        &mut bad,
        vec![sample("A_RES_65_141.txt"), dir.join("missing.txt")],
    );
    assert!(bad.series.series.is_none());
    assert!(
        bad.notices
            .iter()
            .any(|n| n.level == Level::Error && n.text.contains("missing.txt")),
        "{:?}",
        bad.notices
    );
    // Provenance needs a series.
    bad.apply(Command::Series(SeriesCommand::BuildIndex {
        corpus: dir.clone(),
        index: Some(dir.join("index.redb")),
    }));
    assert!(bad.series.index_run.is_none());
    assert!(
        bad.notices
            .iter()
            .any(|n| n.text.contains("Open a series first"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

const CHAIN: [&str; 5] = [
    "A/RES/78/132",
    "A/RES/79/194",
    "A/C.2/80/L.17",
    "A/C.2/80/L.58",
    "A/RES/80/118",
];

#[test]
fn the_ict_chain_its_history_blame_and_agreed_language() {
    let Some(corpus) = crate::corpus::dir_or_skip("app series on the ICT chain") else {
        return;
    };
    let mut files: Vec<PathBuf> = CHAIN
        .iter()
        .map(|c| crate::corpus::text_path(&corpus, c))
        .collect();
    files.rotate_left(2); // any order: metadata puts them right
    let mut s = state();
    open(&mut s, files);
    assert_eq!(symbols(&s), CHAIN);

    // OP18 of A/RES/80/118 (`Emphasizes the importance of increased investment, particularly
    // from the private sector and philanthropy, to scale up artificial intelligence
    // capacity-building …`) is new in L.58 (read in the five texts).
    let op18 = id_index(&s, "OP18");
    s.apply(Command::Series(SeriesCommand::Select(op18)));
    let series = s.series.series.clone().expect("series");
    let h = s.series.selected_history().expect("history");
    assert_eq!(series.versions[h.first_version].symbol, "A/C.2/80/L.58");
    // PP5 changed in L.58 (`4 trillion dollar financing gap` → `4 trillion United States dollar
    // financing gap`); its history shows that step's diff.
    let pp5 = id_index(&s, "PP5");
    s.apply(Command::Series(SeriesCommand::Select(pp5)));
    let h = s.series.selected_history().expect("history");
    let step = h
        .history
        .iter()
        .find(|e| series.versions[e.version].symbol == "A/C.2/80/L.58")
        .expect("PP5 is in L.58");
    let inserted: String = series
        .step_ops(step)
        .iter()
        .filter(|o| o.op == crate::diff::OpKind::Insert)
        .map(|o| o.text.as_str())
        .collect();
    assert!(inserted.contains("United States"), "{inserted}");

    // Provenance: index a small corpus in the background (progress counted), then the new
    // wording of OP18 is traced to the Pact for the Future, A/RES/79/1 of 22 September 2024,
    // annex paragraph 63 (`We emphasize the importance of increased investment, particularly
    // from the private sector and philanthropy, to scale up artificial intelligence
    // capacity-building for sustainable development.`), found by reading it.
    let dir = scratch("chain");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).expect("texts");
    for sym in ["A/RES/79/1", "A/RES/78/132", "A/RES/79/194"] {
        let from = crate::corpus::text_path(&corpus, sym);
        std::fs::copy(&from, texts.join(from.file_name().expect("name"))).expect("copy");
    }
    s.apply(Command::Series(SeriesCommand::BuildIndex {
        corpus: texts.clone(),
        index: Some(dir.join("index.redb")),
    }));
    let run = s.series.index_run.clone().expect("an index build runs");
    assert!(s.wait_series_idle(WAIT));
    assert_eq!(run.progress(), (3, 3), "progress reached every file");
    let prov = s.series.provenance.clone().expect("provenance");
    assert_eq!(prov.documents, 3);
    let spans = s.series.inserted_provenance(op18);
    let span = spans
        .iter()
        .find(|sp| {
            sp.text
                .contains("private sector and philanthropy, to scale up artificial intelligence")
        })
        .unwrap_or_else(|| panic!("OP18's wording traced: {spans:?}"));
    let src = span
        .sources
        .iter()
        .find(|x| x.symbol == "A/RES/79/1")
        .expect("A/RES/79/1 is a source");
    assert_eq!(src.paragraph, "AN1.OP63");
    assert_eq!(src.date.as_deref(), Some("2024-09-22"));
    // The series' own versions are never sources: agreed language comes from elsewhere.
    // PP3 (`Reaffirming its resolution 70/1 …, in which it adopted … its recognition that
    // eradicating poverty in all its forms and dimensions, including extreme poverty, is the
    // greatest global challenge and an indispensable requirement for sustainable development`)
    // has that clause in A/RES/79/1 too (read there), but every word of PP3 dates from 78/132:
    // the series inserted none of it, so the panel shows nothing for it.
    let pp3 = id_index(&s, "PP3");
    assert!(prov.paragraphs.iter().any(|p| p.paragraph == pp3
        && p.spans.iter().any(|sp| {
            sp.text
                .contains("is the greatest global challenge and an indispensable requirement")
                && sp.sources.iter().any(|x| x.symbol == "A/RES/79/1")
        })));
    assert!(s.series.inserted_provenance(pp3).is_empty());

    // Open that source side by side from OP18: a pair comparison of 79/1 and 80/118, on OP18.
    s.apply(Command::Series(SeriesCommand::Select(op18)));
    s.apply(Command::Series(SeriesCommand::OpenSource(
        "A/RES/79/1".into(),
    )));
    assert!(!s.series.shown);
    assert!(s.wait_idle(WAIT));
    s.poll();
    let c = s.comparison.clone().expect("compared");
    assert_eq!(c.old.meta.symbol.as_deref(), Some("A/RES/79/1"));
    assert_eq!(c.new.meta.symbol.as_deref(), Some("A/RES/80/118"));
    let cur = s.current.expect("jumped to the paragraph");
    assert!(
        c.pairs[cur]
            .new
            .iter()
            .any(|&k| c.new.paragraphs[k].id == "OP18")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_index_build_can_be_cancelled_and_leaves_no_result() {
    let Some(corpus) = crate::corpus::dir_or_skip("app index cancel") else {
        return;
    };
    let mut s = state();
    open(
        &mut s,
        vec![sample("A_RES_65_141.txt"), sample("A_RES_66_184.txt")],
    );
    let dir = scratch("cancel");
    let index = dir.join("index.redb");
    // The whole corpus (669 texts) takes seconds: the cancel lands before it ends.
    s.apply(Command::Series(SeriesCommand::BuildIndex {
        corpus: corpus.join("text"),
        index: Some(index.clone()),
    }));
    assert!(s.series.is_busy());
    s.apply(Command::Series(SeriesCommand::CancelIndex));
    assert!(s.wait_series_idle(WAIT));
    assert!(s.series.index_run.is_none());
    assert!(s.series.provenance.is_none());
    assert!(s.status_line.contains("cancelled"), "{}", s.status_line);
    assert!(
        s.notices.iter().all(|n| n.level != Level::Error),
        "{:?}",
        s.notices
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn document_text_is_readable_on_every_blame_tint() {
    for dark in [false, true] {
        let pal = Palette::for_dark_mode(dark);
        assert!(
            super::series_view::blame_tint(0, dark).is_none(),
            "the oldest is the baseline"
        );
        for v in 1..=12 {
            let tint = super::series_view::blame_tint(v, dark).expect("a tint");
            let c = contrast(pal.text, tint);
            assert!(c >= 4.5, "version {v}, dark {dark}: contrast {c:.2}");
        }
        // Neighbouring versions are told apart.
        assert_ne!(
            super::series_view::blame_tint(1, dark),
            super::series_view::blame_tint(2, dark)
        );
    }
}
