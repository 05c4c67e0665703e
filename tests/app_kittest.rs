//! The resdiff window driven headless with egui_kittest on the sample pair
//! (A/RES/65/141 → A/RES/66/184): navigation, search, filters, jump, and PNG snapshots.

mod app_support;

use app_support::{sample, snapshot};

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use resdiff::app::{
    AppState, Automation, Command, DialogAnswer, DialogAsk, DialogWait, Dialogs, Filter,
    ResdiffApp, Row, Settings, Side, ThemePref, id_label, side_ids,
};
use resdiff::compare::Status;

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

fn build(app: ResdiffApp) -> Harness<'static, ResdiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 720.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ResdiffApp| app.show(ui), app);
    h.run_steps(8);
    h
}

/// Let the background loader finish, then draw a few frames.
fn settle(h: &mut Harness<'_, ResdiffApp>) {
    assert!(
        h.state_mut().state.wait_idle(Duration::from_secs(120)),
        "loading timed out"
    );
    h.run_steps(8);
}

/// A file dropped from a file manager, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drop `files` on the window with the pointer at `pos` (None: the platform did not say
/// where, as with a drag from a file manager).
fn drop_at(h: &mut Harness<'_, ResdiffApp>, pos: Option<egui::Pos2>, files: &[PathBuf]) {
    match pos {
        Some(p) => h.hover_at(p),
        None => h.remove_cursor(),
    }
    h.run_steps(1);
    for f in files {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(f.clone())));
    }
    h.run_steps(1);
    settle(h);
}

fn drop_files(h: &mut Harness<'_, ResdiffApp>, pos: egui::Pos2, files: &[PathBuf]) {
    drop_at(h, Some(pos), files);
}

fn harness(theme: ThemePref) -> Harness<'static, ResdiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 720.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ResdiffApp| app.show(ui), app(theme));
    h.run_steps(8);
    h
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
    h.get_by_label("Next change").click();
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
    // The gutter of the row (the renumbering list is in the Summary tab, collapsed).
    assert_eq!(h.query_all_by_label("OP23 → OP20").count(), 1);
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
    // A changed row has a status other than unchanged or renumbered, or a text or footnotes
    // that changed (an unchanged text whose footnotes changed is never hidden as unchanged; a
    // row that was only renumbered is not a change).
    let is_changed = |p: &resdiff::compare::Pair| {
        !matches!(p.status, Status::Unchanged | Status::Renumbered)
            || p.class.kind != resdiff::diff::ChangeKind::None
    };
    for r in &s.rows {
        if let Row::Pair(i) = r {
            assert!(is_changed(&c.pairs[*i]), "row {i}");
        }
    }
    let shown = s.rows.iter().filter(|r| matches!(r, Row::Pair(_))).count();
    let changed = c.pairs.iter().filter(|p| is_changed(p)).count();
    assert!(
        c.pairs.iter().any(|p| p.status == Status::Unchanged
            && p.class.kind == resdiff::diff::ChangeKind::Footnote),
        "the sample pair has footnote-only changes (65/141 as plain text has no footnotes)"
    );
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
    snapshot(&mut h, "app_light");
}

#[test]
fn snapshot_dark() {
    let mut h = harness(ThemePref::Dark);
    h.state_mut().apply(Command::NextChange);
    h.run_steps(8);
    snapshot(&mut h, "app_dark");
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
    snapshot(&mut h, "app_moved");
}

#[test]
fn dropped_files_open_on_the_side_under_the_pointer() {
    let mut h = build(ResdiffApp::new(
        AppState::new(Settings::default()),
        Automation::default(),
    ));
    let (left, right) = (egui::pos2(200.0, 400.0), egui::pos2(900.0, 400.0));
    let (old, new) = (sample("A_RES_65_141.txt"), sample("A_RES_66_184.txt"));

    // One file on the right half: the new version; nothing is compared yet.
    drop_files(&mut h, right, std::slice::from_ref(&new));
    assert_eq!(h.state().state.new.path.as_ref(), Some(&new));
    assert!(h.state().state.old.path.is_none());
    assert!(h.state().state.comparison.is_none());
    h.get_by_label_contains("New version: A_RES_66_184.txt (loaded)");

    // One file on the left half: the old version, and the pair is compared.
    drop_files(&mut h, left, std::slice::from_ref(&old));
    assert_eq!(h.state().state.old.path.as_ref(), Some(&old));
    assert!(h.state().state.comparison.is_some());
    h.get_by_label("Old: A/RES/65/141");

    // Two files at once, wherever the pointer is: the first is old, the second new.
    drop_files(&mut h, right, &[new.clone(), old.clone()]);
    assert_eq!(h.state().state.old.path.as_ref(), Some(&new));
    assert_eq!(h.state().state.new.path.as_ref(), Some(&old));
    h.get_by_label("Old: A/RES/66/184");

    // A file that is not a resolution, dropped on the left: a message naming it, and the
    // other side stays loaded.
    let dir = std::env::temp_dir().join(format!("resdiff-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty draft.txt");
    std::fs::write(&empty, b"").unwrap();
    drop_files(&mut h, left, std::slice::from_ref(&empty));
    h.get_by_label_contains("empty draft.txt");
    assert_eq!(h.state().state.new.path.as_ref(), Some(&old));
    assert!(h.state().state.new.doc.is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_drop_without_a_position_asks_which_side_when_both_are_loaded() {
    let mut h = harness(ThemePref::Light);
    let other = sample("A_RES_65_141.txt");
    drop_at(&mut h, None, std::slice::from_ref(&other));
    h.get_by_label("Open the dropped file as…");
    assert_eq!(h.state().state.drop_choice.as_ref(), Some(&other));
    // Escape cancels; nothing changes.
    h.key_press(egui::Key::Escape);
    h.run_steps(4);
    assert!(h.state().state.drop_choice.is_none());
    assert!(h.query_by_label("Open the dropped file as…").is_none());
    assert_eq!(
        h.state().state.new.path.as_ref(),
        Some(&sample("A_RES_66_184.txt"))
    );
    // Asked again and answered: the file replaces the new version.
    drop_at(&mut h, None, std::slice::from_ref(&other));
    h.get_by_label("New version").click();
    h.run_steps(2);
    settle(&mut h);
    assert_eq!(h.state().state.new.path.as_ref(), Some(&other));
    h.get_by_label("New: A/RES/65/141");
}

#[test]
fn clicking_the_overview_strip_scrolls_there() {
    let mut h = harness(ThemePref::Light);
    assert_eq!(h.state().state.top_row, 0);
    let rect = h.get_by_label("Change overview").rect();
    let rows = h.state().state.rows.len();
    // Three quarters down the strip is far below the first screen of rows.
    let at = egui::pos2(rect.center().x, rect.top() + 0.75 * rect.height());
    h.hover_at(at);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(8);
    let top = h.state().state.top_row;
    assert!(top > rows / 2, "top row {top} of {rows}");
    assert!(h.state().view.offset > 0.0);
}

#[test]
fn keyboard_scrolls_resizes_the_columns_and_steps_through_changes() {
    let mut h = harness(ThemePref::Light);
    // Page Down / End / Ctrl+Home scroll the rows when no text field has the focus.
    h.key_press(egui::Key::PageDown);
    h.run_steps(4);
    let page = h.state().view.offset;
    assert!(page > 300.0, "offset after Page Down: {page}");
    h.key_press(egui::Key::End);
    h.run_steps(8);
    assert!(h.state().view.offset > page);
    assert!(h.state().state.top_row > h.state().state.rows.len() / 2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Home);
    h.run_steps(4);
    assert_eq!(h.state().view.offset, 0.0);

    // The splitter takes the focus; Left/Right move it, Enter makes the columns equal.
    h.get_by_label("Column splitter").focus();
    h.run_steps(2);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert!((h.state().state.settings.split - 0.55).abs() < 1e-4);
    h.key_press(egui::Key::ArrowLeft);
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(2);
    assert!((h.state().state.settings.split - 0.45).abs() < 1e-4);
    assert!(h.get_by_label("Column splitter").is_focused());
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().state.settings.split, 0.5);

    // The overview strip takes the focus; Down and Up step through the changes.
    h.get_by_label("Change overview").focus();
    h.run_steps(2);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(4);
    let first = h
        .state()
        .state
        .current
        .expect("Down selects the first change");
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(4);
    let second = h.state().state.current.unwrap();
    assert!(second > first);
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(4);
    assert_eq!(h.state().state.current, Some(first));
    let s = &h.state().state;
    let c = s.comparison.as_ref().unwrap();
    assert_ne!(c.pairs[first].status, Status::Unchanged);
}

/// The toolbar stays on one line: its first and last controls (and the search-hit buttons, when
/// a search is on) share a top edge.
fn assert_toolbar_on_one_line(h: &Harness<'_, ResdiffApp>, width: f32) {
    let top = |label: &str| h.get_by_label(label).rect().top();
    let first = top("Open old…");
    for label in ["Theme", "Next hit"] {
        assert!(
            (top(label) - first).abs() < 1.0,
            "{label} wrapped at width {width}: top {} vs {first}",
            top(label)
        );
    }
}

#[test]
fn the_toolbar_keeps_one_line_while_searching_at_any_usual_width() {
    let mut h = harness(ThemePref::Light);
    h.state_mut()
        .apply(Command::Search("information society".to_owned()));
    for width in [1000.0, 1240.0, 1380.0, 1600.0] {
        h.set_size(egui::vec2(width, 720.0));
        h.run_steps(4);
        assert_toolbar_on_one_line(&h, width);
    }
}

#[test]
fn narrow_window_keeps_the_toolbar_names() {
    let mut h = harness(ThemePref::Light);
    h.set_size(egui::vec2(900.0, 700.0));
    h.run_steps(4);
    // Shortened texts, same accessible names.
    for name in [
        "Open old…",
        "Swap",
        "Previous change",
        "Next change",
        "Theme",
    ] {
        h.get_by_label(name);
    }
    assert!(h.query_by_label("▼ Next").is_none());
    h.get_by_label("Next change").click();
    h.run_steps(8);
    assert!(h.state().state.current.is_some());
}

/// File choosers that answer from a script and record what they were asked.
#[derive(Debug, Default, Clone)]
struct ScriptedDialogs {
    answers: std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>,
    asked: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl ScriptedDialogs {
    fn next(&self, question: String) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(question);
        let mut a = self.answers.lock().unwrap();
        (!a.is_empty()).then(|| a.remove(0))
    }
}

impl Dialogs for ScriptedDialogs {
    fn start(&mut self, ask: DialogAsk) -> DialogWait {
        let question = match &ask {
            DialogAsk::SaveFile { format, file_name } => format!("save {format:?} as {file_name}"),
            other => other.title(),
        };
        let answer = match self.next(question) {
            Some(p) => DialogAnswer::Chosen(vec![p]),
            None => DialogAnswer::Cancelled,
        };
        Box::new(move || answer)
    }
}

/// Draw frames until the open file dialog has answered and its answer is taken.
fn dialog_answered(h: &mut Harness<'_, ResdiffApp>) {
    assert!(
        h.state_mut().wait_dialog(Duration::from_secs(30)),
        "the dialog never answered"
    );
    h.run_steps(2);
    assert!(h.state().dialog_pending().is_none());
}

/// Press `key` until `focused` holds (at most 60 times).
fn press_until(
    h: &mut Harness<'_, ResdiffApp>,
    key: egui::Key,
    focused: impl Fn(&Harness<'_, ResdiffApp>) -> bool,
) {
    for _ in 0..60 {
        if focused(h) {
            return;
        }
        h.key_press(key);
        h.run_steps(2);
    }
    panic!("{key:?} never reached the widget");
}

fn tab_to(h: &mut Harness<'_, ResdiffApp>, focused: impl Fn(&Harness<'_, ResdiffApp>) -> bool) {
    press_until(h, egui::Key::Tab, focused);
}

#[test]
fn keyboard_alone_goes_from_open_to_export() {
    let dir = std::env::temp_dir().join(format!("resdiff-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (html, pdf) = (dir.join("report.html"), dir.join("report.pdf"));
    let dialogs = ScriptedDialogs::default();
    dialogs.answers.lock().unwrap().extend([
        sample("A_RES_65_141.txt"),
        sample("A_RES_66_184.txt"),
        html.clone(),
        pdf.clone(),
    ]);
    let mut app = ResdiffApp::new(AppState::new(Settings::default()), Automation::default());
    app.dialogs = Box::new(dialogs.clone());
    let mut h = build(app);
    let cmd = egui::Modifiers::COMMAND;

    // Ctrl+O, Ctrl+Shift+O: both versions through the file chooser.
    h.key_press_modifiers(cmd, egui::Key::O);
    h.run_steps(1);
    dialog_answered(&mut h);
    h.key_press_modifiers(cmd | egui::Modifiers::SHIFT, egui::Key::O);
    h.run_steps(1);
    dialog_answered(&mut h);
    settle(&mut h);
    assert!(h.state().state.comparison.is_some());

    // F7: the first change; Ctrl+F and typing: the first hit; Enter: the second.
    h.key_press(egui::Key::F7);
    h.run_steps(4);
    assert!(h.state().state.current.is_some());
    h.key_press_modifiers(cmd, egui::Key::F);
    h.run_steps(2);
    assert!(h.get_by_label("Find:").is_focused());
    h.get_by_label("Find:").type_text("sixty-seventh");
    h.run_steps(2);
    assert_eq!(h.state().state.current_hit, Some(0));
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().state.current_hit, Some(1));

    // Escape leaves the field; Ctrl+E exports HTML.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.key_press_modifiers(cmd, egui::Key::E);
    h.run_steps(1);
    dialog_answered(&mut h);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("A/RES/66/184"));

    // The File menu with Tab and Enter only: to File, open it, Tab to Export, open that,
    // arrow down to PDF, Enter.
    tab_to(&mut h, |h| h.get_by_label("File").is_focused());
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    tab_to(&mut h, |h| h.get_by_label("Export").is_focused());
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    press_until(&mut h, egui::Key::ArrowDown, |h| {
        h.query_by_label_contains("(.pdf)")
            .is_some_and(|n| n.is_focused())
    });
    h.key_press(egui::Key::Enter);
    h.run_steps(1);
    dialog_answered(&mut h);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let asked = dialogs.asked.lock().unwrap().clone();
    assert_eq!(
        asked,
        vec![
            "Open the old version".to_owned(),
            "Open the new version".to_owned(),
            "save Html as A_RES_65_141_vs_A_RES_66_184.html".to_owned(),
            "save Pdf as A_RES_65_141_vs_A_RES_66_184.pdf".to_owned(),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn side_panel_entries_go_to_their_rows() {
    let mut h = harness(ThemePref::Light);
    // 1100 points: a narrow window, the panel opens on demand.
    h.state_mut()
        .apply(Command::SetSideTab(resdiff::app::SideTab::Changes));
    h.run_steps(2);
    h.get_by_label("Summary").click();
    h.run_steps(2);
    h.get_by_label_contains("Renumbering (").click();
    // Let the section finish opening before clicking in it.
    h.run_steps(20);
    // The renumbering map: 65/141 OP23 is 66/184 OP20.
    // The row is far down, so only the side panel's link is on screen.
    h.get_by_label("OP23 → OP20").scroll_to_me();
    h.run_steps(20);
    h.get_by_label("OP23 → OP20").click();
    h.run_steps(8);
    assert_eq!(current_ids(&h), ("OP23".to_owned(), "OP20".to_owned()));
    // A lead-phrase entry: 66/184 PP2 went from "Taking note" to "Recalling also".
    h.get_by_label_contains("PP2: Taking note → Recalling also")
        .scroll_to_me();
    h.run_steps(4);
    h.get_by_label_contains("PP2: Taking note → Recalling also")
        .click();
    h.run_steps(8);
    assert_eq!(current_ids(&h).1, "PP2");
}

/// The text the last frame put on the clipboard.
fn copied(h: &Harness<'_, ResdiffApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

#[test]
fn one_click_copies_a_paragraph_or_the_redline() {
    let mut h = harness(ThemePref::Light);
    let (new_pp1, old_pp2) = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        let text = |d: &resdiff::model::Resolution, id: &str| {
            d.paragraphs
                .iter()
                .find(|p| p.id == id)
                .unwrap()
                .text
                .clone()
        };
        (text(&c.new, "PP1"), text(&c.old, "PP2"))
    };
    // The first row is PP1 of both versions; its buttons show on the current row.
    assert!(h.query_by_label("Copy the new text (PP1)").is_none());
    h.state_mut().apply(Command::GoToPair(0));
    h.run_steps(4);
    h.get_by_label("Copy the new text (PP1)").click();
    h.run_steps(1);
    assert_eq!(copied(&h), Some(new_pp1));
    assert!(h.state().state.status_line.contains("Copied PP1"));

    h.state_mut().apply(Command::GoToPair(1));
    h.run_steps(4);
    h.get_by_label("Copy the old text (PP2)").click();
    h.run_steps(1);
    let old = copied(&h).unwrap();
    assert_eq!(old, old_pp2);
    // 65/141 PP2 is "Taking note of Economic and Social Council resolution 2010/2 …".
    assert!(old.starts_with("Taking note of Economic and Social Council resolution"));

    h.get_by_label("Copy PP2 as redline text").click();
    h.run_steps(1);
    let red = copied(&h).unwrap();
    assert!(red.starts_with("PP2 (modified): [-Taking-]"), "{red}");
    assert!(red.contains("{+"), "{red}");
}
