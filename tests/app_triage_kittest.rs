//! The change list, the triage order and the defects of issue 11, driven headless with
//! egui_kittest on the sample pair (A/RES/65/141 → A/RES/66/184) and on the corpus pair
//! A/RES/78/69 → A/RES/79/144 (314 renumbered paragraphs).

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use resdiff::app::{
    AppState, Automation, ChangeOrder, Command, KindFilter, ResdiffApp, Settings, SideTab,
    ThemePref, row_text,
};
use resdiff::changes::ChangeType;
use resdiff::compare::Status;
use resdiff::diff::ChangeKind;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_data")
        .join(name)
}

fn app_with(old: PathBuf, new: PathBuf, theme: ThemePref) -> ResdiffApp {
    let settings = Settings {
        theme,
        ..Settings::default()
    };
    let mut state = AppState::new(settings);
    state.apply(Command::OpenPair(old, new));
    assert!(
        state.wait_idle(Duration::from_secs(120)),
        "loading timed out"
    );
    state.compare_time = None;
    ResdiffApp::new(state, Automation::default())
}

fn harness_sized(app: ResdiffApp, w: f32, h: f32) -> Harness<'static, ResdiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ResdiffApp| app.show(ui), app);
    h.run_steps(8);
    h
}

fn sample_harness(theme: ThemePref) -> Harness<'static, ResdiffApp> {
    harness_sized(
        app_with(
            sample("A_RES_65_141.txt"),
            sample("A_RES_66_184.txt"),
            theme,
        ),
        1380.0,
        860.0,
    )
}

/// The corpus pair 78/69 → 79/144, or None (SKIPPED) without the corpus.
fn corpus_harness(what: &str) -> Option<Harness<'static, ResdiffApp>> {
    let dir = resdiff::corpus::dir_or_skip(what)?;
    Some(harness_sized(
        app_with(
            resdiff::corpus::text_path(&dir, "A/RES/78/69"),
            resdiff::corpus::text_path(&dir, "A/RES/79/144"),
            ThemePref::Light,
        ),
        1380.0,
        860.0,
    ))
}

fn snapshot(h: &mut Harness<'_, ResdiffApp>, name: &str) {
    let opts = egui_kittest::SnapshotOptions::new().max_failed_pixels(120);
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        h.try_snapshot_options(name, &opts)
    }));
    match rendered {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("snapshot {name}: {e}"),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or_default();
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            if ci || !msg.contains("No adapter found") {
                std::panic::resume_unwind(panic);
            }
            resdiff::corpus::say_skipped(&format!(
                "SKIPPED snapshot {name}: no GPU adapter to render with"
            ));
        }
    }
}

fn current_pair(h: &Harness<'_, ResdiffApp>) -> usize {
    h.state().state.current.expect("a row is current")
}

#[test]
fn the_change_list_lists_every_change_and_a_click_goes_there() {
    let mut h = sample_harness(ThemePref::Light);
    let (n, lead_text, target, text) = {
        let s = &h.state().state;
        let lead = s
            .changes
            .iter()
            .find(|ch| ch.ids == "OP18 → OP17")
            .expect("OP18 → OP17 is listed");
        let (main, _) = s.listed_changes();
        let third = &s.changes[main[2]];
        (s.changes.len(), row_text(lead), third.pair, row_text(third))
    };
    // The tab names the count; a row shows ids, kind and the changed words.
    h.get_by_label(&format!("Changes ({n})"));
    assert!(lead_text.contains("lead phrase weaker"), "{lead_text}");
    assert!(lead_text.contains("“Welcomes” → “Notes”"), "{lead_text}");
    h.get_by_label(&text).click();
    h.run_steps(8);
    assert_eq!(current_pair(&h), target);
    let status = h.state().state.status_line.clone();
    assert!(status.starts_with("Change "), "{status}");
    let ids = text.split("  ").next().unwrap().to_owned();
    assert!(status.contains(&ids), "{status}");
}

#[test]
fn f7_moves_the_highlight_down_the_list_and_skips_renumbering() {
    let Some(mut h) = corpus_harness("F7 on 78/69 → 79/144") else {
        return;
    };
    let (listed, renumbered_only) = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        let r = c
            .pairs
            .iter()
            .filter(|p| p.status == Status::Renumbered && p.class.kind == ChangeKind::None)
            .count();
        (s.changes.len(), r)
    };
    assert!(renumbered_only > 150, "{renumbered_only}");
    // Nothing renumbered-only is a change: F7 visits only listed changes and counts them.
    let mut seen = Vec::new();
    for step in 0..25 {
        h.key_press(egui::Key::F7);
        h.run_steps(3);
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        let p = &c.pairs[s.current.unwrap()];
        assert!(
            !(p.status == Status::Renumbered && p.class.kind == ChangeKind::None),
            "step {step}"
        );
        let k = s.current_change().expect("the current row is a change");
        assert!(
            s.status_line
                .starts_with(&format!("Change {} of {listed}", step + 1)),
            "{}",
            s.status_line
        );
        seen.push(k);
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]));
    // The current change's row is drawn selected in the list (on screen).
    let text = {
        let s = &h.state().state;
        row_text(&s.changes[s.current_change().unwrap()])
    };
    let row = h.get_by_label(&text);
    assert_eq!(
        row.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    // The side panel does not open on a renumbering list.
    assert!(h.query_by_label_contains("Renumbering (").is_none());
    h.get_by_label("Summary").click();
    h.run_steps(4);
    h.get_by_label_contains("Renumbering (");
    // Collapsed: none of its 191 links is shown.
    assert!(h.query_by_label("OP2 → OP3").is_none());
}

#[test]
fn triage_order_puts_operative_consequence_first_and_routine_collapsed_last() {
    let mut h = sample_harness(ThemePref::Light);
    h.state_mut()
        .apply(Command::SetChangeOrder(ChangeOrder::Consequence));
    h.run_steps(4);
    h.key_press(egui::Key::F7);
    h.run_steps(4);
    let (first, routine_texts) = {
        let s = &h.state().state;
        let k = s.current_change().unwrap();
        let routine: Vec<String> = s
            .changes
            .iter()
            .filter(|c| c.is_routine())
            .map(row_text)
            .collect();
        (s.changes[k].clone(), routine)
    };
    assert_eq!(first.kind, ChangeType::OperativeAdded);
    assert!(!routine_texts.is_empty());
    // The routine group sits after the last change, collapsed: its rows are not shown.
    let (main, routine) = h.state().state.listed_changes();
    h.state_mut()
        .apply(Command::GoToChange(*main.last().unwrap()));
    h.run_steps(4);
    h.get_by_label_contains("Routine updates (");
    for t in &routine_texts {
        assert!(h.query_by_label(t).is_none(), "{t}");
    }
    // egui ignores clicks in a scroll area until its programmatic scroll has settled.
    h.run_steps(30);
    let header = h.get_by_label_contains("Routine updates (");
    header.click();
    h.run_steps(4);
    assert!(h.state().state.routine_open);
    h.get_by_label(&routine_texts[0]);
    // F7 from the last non-routine change lands in the routine group.
    h.key_press(egui::Key::F7);
    h.run_steps(4);
    assert_eq!(h.state().state.current_change(), Some(routine[0]));
    assert!(h.state().state.status_line.contains("(routine)"));
}

#[test]
fn the_lead_phrase_filter_keeps_only_lead_changes_for_the_list_and_f7() {
    let mut h = sample_harness(ThemePref::Light);
    h.get_by_label("Kind:").click();
    h.run_steps(2);
    h.get_by_label_contains("Lead-phrase changes (").click();
    h.run_steps(4);
    assert_eq!(h.state().state.change_kind, KindFilter::LeadPhrases);
    let (main, routine) = h.state().state.listed_changes();
    assert!(main.len() >= 5, "{}", main.len());
    assert!(routine.is_empty());
    for _ in 0..main.len() {
        h.key_press(egui::Key::F7);
        h.run_steps(2);
        let s = &h.state().state;
        let k = s.current_change().unwrap();
        assert!(s.changes[k].has_lead(), "{}", s.changes[k].ids);
    }
    let s = &h.state().state;
    assert!(s.status_line.contains(&format!("of {}", main.len())));
    // The status bar says what is filtered.
    h.get_by_label_contains("lead-phrase changes");
}

#[test]
fn the_change_list_is_keyboard_operable() {
    let mut h = sample_harness(ThemePref::Light);
    h.key_press(egui::Key::F7);
    h.run_steps(4);
    let first = h.state().state.current_change().unwrap();
    // Focus the current row, then Down/Up move the selection and the focus follows.
    h.state_mut().change_list.focus_current = true;
    h.run_steps(2);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(4);
    let second = h.state().state.current_change().unwrap();
    assert_ne!(second, first);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(4);
    let third = h.state().state.current_change().unwrap();
    assert_ne!(third, second);
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(4);
    assert_eq!(h.state().state.current_change(), Some(second));
    // Enter on a focused row goes there (Tab moves the focus to the next row).
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().state.current_change(), Some(third));
}

#[test]
fn snapshot_change_list_light_and_dark() {
    for (theme, name) in [
        (ThemePref::Light, "triage_list_light"),
        (ThemePref::Dark, "triage_list_dark"),
    ] {
        let mut h = sample_harness(theme);
        h.state_mut()
            .apply(Command::SetChangeOrder(ChangeOrder::Consequence));
        h.state_mut().apply(Command::SetSideTab(SideTab::Changes));
        h.key_press(egui::Key::F7);
        h.run_steps(8);
        snapshot(&mut h, name);
    }
}
