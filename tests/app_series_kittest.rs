//! The series view driven headless with egui_kittest on the real ICT chain (A/RES/78/132 →
//! A/RES/79/194 → A/C.2/80/L.17 → A/C.2/80/L.58 → A/RES/80/118): a folder opened as a series,
//! the timeline, a paragraph's history on a click, blame colouring switched off, the
//! provenance of new wording with its source opened side by side, and an index build shown
//! with progress and cancelled from the panel.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use resdiff::app::{AppState, Automation, Command, ResdiffApp, SeriesCommand, Settings, ThemePref};

const WAIT: Duration = Duration::from_secs(300);

const CHAIN: [&str; 5] = [
    "A/RES/78/132",
    "A/RES/79/194",
    "A/C.2/80/L.17",
    "A/C.2/80/L.58",
    "A/RES/80/118",
];

fn scratch(name: &str) -> PathBuf {
    resdiff::corpus::scratch_dir("resdiff-series-kittest", name).expect("scratch folder")
}

fn copy_texts(corpus: &Path, symbols: &[&str], to: &Path) {
    resdiff::corpus::copy_texts(corpus, symbols, to).expect("copy corpus texts");
}

/// The app with the chain's folder opened as the desktop would hand it over (`resdiff DIR`).
fn chain_app(folder: &Path) -> Harness<'static, ResdiffApp> {
    let settings = Settings {
        theme: ThemePref::Light,
        ..Settings::default()
    };
    let mut state = AppState::new(settings);
    state.apply(Command::OpenFiles(vec![folder.to_path_buf()]));
    assert!(state.wait_series_idle(WAIT), "the series build timed out");
    let app = ResdiffApp::new(state, Automation::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1300.0, 820.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ResdiffApp| app.show(ui), app);
    h.run_steps(6);
    h
}

fn index_of(h: &Harness<'_, ResdiffApp>, id: &str) -> usize {
    let s = h.state().state.series.series.clone().expect("a series");
    s.newest()
        .doc
        .paragraphs
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} in A/RES/80/118"))
}

#[test]
fn the_ict_chain_opens_as_a_series_with_history_blame_and_agreed_language() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("series view on the ICT chain") else {
        return;
    };
    let dir = scratch("chain");
    let folder = dir.join("ict");
    copy_texts(&corpus, &CHAIN, &folder);
    let mut h = chain_app(&folder);

    // The timeline: the five versions in the order of the making, with their stage and date.
    h.get_by_label("5 versions: A/RES/78/132 → A/RES/80/118");
    for s in CHAIN {
        h.get_by_label(s);
    }
    h.get_by_label("draft · 2025-10-14");
    h.get_by_label("adopted · 2025-12-15");

    // Click a paragraph: its history shows in the side panel, step by step. PP2 (`Recalling
    // also Economic and Social Council resolution …`) names a newer ECOSOC resolution each year.
    h.get_by_label("PP2").click();
    h.run_steps(4);
    h.get_by_label("History of PP2");
    h.get_by_label("A/RES/78/132 · PP2 · original");
    h.get_by_label_contains("First in A/RES/78/132; changed in A/RES/79/194");

    // Rows are named controls: the keyboard and screen readers reach them too.
    h.get_by_label("Paragraph PP3: show its history").click();
    h.run_steps(4);
    h.get_by_label("History of PP3");

    // OP18 (new in L.58, read in the five texts): one step, where it was added.
    let op18 = index_of(&h, "OP18");
    h.state_mut()
        .apply(Command::Series(SeriesCommand::Select(op18)));
    h.run_steps(4);
    h.get_by_label("History of OP18");
    h.get_by_label("First in A/C.2/80/L.58; changed in no later version");
    h.get_by_label("A/C.2/80/L.58 · OP18 · added");

    // Blame colouring is on; its checkbox turns it off.
    assert!(h.state().state.series.show_blame);
    h.get_by_label("Colour words by the version that introduced them")
        .click();
    h.run_steps(2);
    assert!(!h.state().state.series.show_blame);

    // Agreed language: index a small corpus, then OP18's new wording is traced to the Pact for
    // the Future, A/RES/79/1 (22 September 2024), annex paragraph 63 (`We emphasize the
    // importance of increased investment, particularly from the private sector and
    // philanthropy, to scale up artificial intelligence capacity-building …`).
    let texts = dir.join("texts");
    copy_texts(&corpus, &["A/RES/79/1", "A/RES/78/132"], &texts);
    h.state_mut()
        .apply(Command::Series(SeriesCommand::BuildIndex {
            corpus: texts,
            index: Some(dir.join("index.redb")),
        }));
    assert!(h.state_mut().state.wait_series_idle(WAIT));
    h.run_steps(4);
    h.get_by_label("Agreed language");
    h.get_by_label_contains("earliest A/RES/79/1 AN1.OP63 (2024-09-22)");
    h.get_by_label("Open A/RES/79/1 side by side").click();
    h.run_steps(2);
    assert!(h.state_mut().state.wait_idle(WAIT));
    h.run_steps(6);
    let st = &h.state().state;
    assert!(!st.series.shown, "the pair view replaces the series");
    let c = st
        .comparison
        .clone()
        .expect("the source compared with the newest");
    assert_eq!(c.old.meta.symbol.as_deref(), Some("A/RES/79/1"));
    assert_eq!(c.new.meta.symbol.as_deref(), Some("A/RES/80/118"));
    let cur = st.current.expect("on the selected paragraph");
    assert!(
        c.pairs[cur]
            .new
            .iter()
            .any(|&k| c.new.paragraphs[k].id == "OP18")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_index_build_shows_progress_and_is_cancelled_from_the_panel() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("series index cancel") else {
        return;
    };
    let dir = scratch("cancel");
    let folder = dir.join("ict");
    copy_texts(&corpus, &CHAIN, &folder);
    let mut h = chain_app(&folder);
    // The whole corpus (669 texts) takes seconds to index: the panel shows the build.
    h.state_mut()
        .apply(Command::Series(SeriesCommand::BuildIndex {
            corpus: corpus.join("text"),
            index: Some(dir.join("index.redb")),
        }));
    h.run_steps(2);
    h.get_by_label_contains("Indexing ");
    h.get_by_label_contains(" files");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state_mut().state.wait_series_idle(WAIT));
    h.run_steps(2);
    let st = &h.state().state;
    assert!(st.series.provenance.is_none());
    assert!(st.status_line.contains("cancelled"), "{}", st.status_line);
    h.get_by_label("Choose a corpus folder…");
    let _ = std::fs::remove_dir_all(&dir);
}
