//! The resdiff window driven headless with egui_kittest on the sample pair
//! (A/RES/65/141 → A/RES/66/184): navigation, search, filters, jump, and PNG snapshots.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use resdiff::app::{
    AppState, Automation, Command, Filter, ResdiffApp, Row, Settings, Side, ThemePref, id_label,
    side_ids,
};
use resdiff::compare::Status;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_data")
        .join(name)
}

fn app(theme: ThemePref) -> ResdiffApp {
    let settings = Settings {
        theme,
        ..Settings::default()
    };
    let mut state = AppState::new(settings);
    state.apply(Command::OpenPair(
        sample("A_RES_65_141.txt"),
        sample("A_RES_66_184.txt"),
    ));
    assert!(
        state.wait_idle(Duration::from_secs(120)),
        "loading timed out"
    );
    assert!(
        state
            .notices
            .iter()
            .all(|n| n.level != resdiff::app::Level::Error),
        "{:?}",
        state.notices
    );
    // The comparison time varies from run to run; keep it out of the snapshots.
    state.compare_time = None;
    ResdiffApp::new(state, Automation::default())
}

fn harness(theme: ThemePref) -> Harness<'static, ResdiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 720.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ResdiffApp| app.show(ui), app(theme));
    h.run_steps(8);
    h
}

/// A few anti-aliased pixels differ between software-rendered runs; anything larger fails.
fn snapshot_options() -> egui_kittest::SnapshotOptions {
    egui_kittest::SnapshotOptions::new().max_failed_pixels(120)
}

fn current_ids(h: &Harness<'_, ResdiffApp>) -> (String, String) {
    let s = &h.state().state;
    let c = s.comparison.as_ref().unwrap();
    let p = &c.pairs[s.current.unwrap()];
    (side_ids(c, p, Side::Old), side_ids(c, p, Side::New))
}

#[test]
fn opens_the_sample_pair_with_both_columns() {
    let h = harness(ThemePref::Light);
    let s = &h.state().state;
    let c = s.comparison.as_ref().unwrap();
    assert!(!c.pairs.is_empty());
    // 66/184 has a symbol; the 65/141 copy has no stamp, so the reader takes the symbol from the
    // file name and says so in a warning.
    h.get_by_label("New: A/RES/66/184");
    h.get_by_label("Old: A/RES/65/141");
    h.get_by_label_contains("A_RES_65_141.txt: the text names no document symbol");
    assert!(s.title().contains("A/RES/66/184"));
}

#[test]
fn next_change_button_moves_to_a_changed_row_and_shows_it() {
    let mut h = harness(ThemePref::Light);
    h.get_by_label("Next change ›").click();
    h.run_steps(8);
    let (label, status) = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        let i = s.current.expect("a change is selected");
        (id_label(c, &c.pairs[i]), c.pairs[i].status)
    };
    assert_ne!(status, Status::Unchanged);
    h.get_by_label(&label);
    // F7 steps further down.
    let before = h.state().state.current;
    h.key_press(egui::Key::F7);
    h.run_steps(8);
    assert!(h.state().state.current > before);
}

#[test]
fn jump_to_op20_lands_on_old_op23() {
    // 66/184 OP20 ("Requests the Secretary-General to submit … at its sixty-seventh session")
    // is 65/141 OP23 ("… at its sixty-sixth session").
    let mut h = harness(ThemePref::Light);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run_steps(2);
    h.get_by_label("Go to:").type_text("OP20");
    h.key_press(egui::Key::Enter);
    h.run_steps(8);
    assert_eq!(current_ids(&h), ("OP23".to_owned(), "OP20".to_owned()));
    // The gutter of the row and the renumbering list in the side panel.
    assert_eq!(h.query_all_by_label("OP23 » OP20").count(), 2);
}

#[test]
fn search_highlights_and_counts_hits_in_both_columns() {
    let mut h = harness(ThemePref::Light);
    h.get_by_label("Find:").focus();
    h.get_by_label("Find:").type_text("sixty-seventh");
    h.run_steps(8);
    let s = &h.state().state;
    // "sixty-seventh session" appears only in 66/184: OP10 (review process), OP20 (report) and
    // OP21 (provisional agenda); 65/141 has "sixty-sixth" there.
    assert_eq!(s.hits.len(), 3, "{:?}", s.hits);
    assert_eq!(s.hit_total(), 3);
    let c = s.comparison.as_ref().unwrap();
    let news: Vec<String> = s
        .hits
        .iter()
        .map(|(p, _)| side_ids(c, &c.pairs[*p], Side::New))
        .collect();
    assert_eq!(
        news,
        vec!["OP10".to_owned(), "OP20".to_owned(), "OP21".to_owned()]
    );
    h.get_by_label("3 hits in 3 rows (row 1/3)");
}

#[test]
fn filters_limit_the_rows_shown() {
    let mut h = harness(ThemePref::Light);
    h.state_mut().apply(Command::SetFilter(Filter::ChangesOnly));
    h.run_steps(8);
    let s = &h.state().state;
    let c = s.comparison.as_ref().unwrap();
    assert!(!s.rows.is_empty());
    for r in &s.rows {
        if let Row::Pair(i) = r {
            assert_ne!(c.pairs[*i].status, Status::Unchanged);
        }
    }
    let shown = s.rows.iter().filter(|r| matches!(r, Row::Pair(_))).count();
    let changed = c
        .pairs
        .iter()
        .filter(|p| p.status != Status::Unchanged)
        .count();
    assert_eq!(shown, changed);
    h.get_by_label_contains(&format!(
        "{} rows shown of {} pairs",
        s.rows.len(),
        c.pairs.len()
    ));
}

#[test]
fn snapshot_light() {
    let mut h = harness(ThemePref::Light);
    h.snapshot_options("app_light", &snapshot_options());
}

#[test]
fn snapshot_dark() {
    let mut h = harness(ThemePref::Dark);
    h.state_mut().apply(Command::NextChange);
    h.run_steps(8);
    h.snapshot_options("app_dark", &snapshot_options());
}

#[test]
fn snapshot_moved_paragraph() {
    let mut h = harness(ThemePref::Light);
    let moved = {
        let c = h.state().state.comparison.clone().unwrap();
        c.pairs.iter().position(|p| p.status == Status::Moved)
    };
    let moved = moved.expect("the sample pair has a moved paragraph");
    h.state_mut().apply(Command::GoToPair(moved));
    h.run_steps(8);
    assert!(
        h.query_all_by_label_contains("moved here (show old position)")
            .count()
            >= 1
    );
    h.snapshot_options("app_moved", &snapshot_options());
}
