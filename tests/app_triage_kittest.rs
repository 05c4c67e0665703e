//! The change list, the triage order and the defects of issue 11, driven headless with
//! egui_kittest on the sample pair (A/RES/65/141 → A/RES/66/184) and on the corpus pair
//! A/RES/78/69 → A/RES/79/144 (314 renumbered paragraphs).

mod app_support;

use app_support::{app_with, harness_sized, sample, snapshot};

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use resdiff::app::{
    AppState, Automation, ChangeOrder, Command, DialogAnswer, DialogAsk, KindFilter, ResdiffApp,
    Settings, SideTab, ThemePref, ViewLayout, row_text,
};
use resdiff::changes::ChangeType;
use resdiff::compare::Status;
use resdiff::diff::ChangeKind;

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

fn empty_harness(w: f32) -> Harness<'static, ResdiffApp> {
    let state = AppState::new(Settings {
        theme: ThemePref::Light,
        ..Settings::default()
    });
    harness_sized(ResdiffApp::new(state, Automation::default()), w, 800.0)
}

#[test]
fn inline_redline_shares_navigation_search_and_filters() {
    let mut h = sample_harness(ThemePref::Light);
    h.get_by_label("Inline redline").click();
    h.run_steps(6);
    assert_eq!(h.state().state.layout, ViewLayout::Inline);
    h.get_by_label_contains("Redline: Old: A/RES/65/141 → New: A/RES/66/184");
    // One column: PP1's redline holds both the deleted and the inserted symbols.
    assert!(
        h.query_all_by_label_contains("Economic and Social Council resolutions 2006/46")
            .filter_map(|n| n.accesskit_node().value())
            .any(|l| l.starts_with("Recalling its resolutions 56/183")
                && l.contains("65/141 of 20 December 2010"))
    );
    // F7, the kind filter and search act as in two columns.
    h.state_mut()
        .apply(Command::SetChangeKind(KindFilter::LeadPhrases));
    h.key_press(egui::Key::F7);
    h.run_steps(4);
    let k = h.state().state.current_change().unwrap();
    assert!(h.state().state.changes[k].has_lead());
    h.state_mut()
        .apply(Command::Search("Tunis Agenda".to_owned()));
    h.run_steps(4);
    assert!(h.state().state.hit_total() > 0);
    // Ctrl+L goes back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run_steps(4);
    assert_eq!(h.state().state.layout, ViewLayout::SideBySide);
}

#[test]
fn snapshot_inline_light_and_dark() {
    for (theme, name) in [
        (ThemePref::Light, "inline_light"),
        (ThemePref::Dark, "inline_dark"),
    ] {
        let mut h = sample_harness(theme);
        h.state_mut().apply(Command::SetLayout(ViewLayout::Inline));
        h.state_mut()
            .apply(Command::SetChangeOrder(ChangeOrder::Consequence));
        h.key_press(egui::Key::F7);
        h.run_steps(8);
        snapshot(&mut h, name);
    }
}

#[test]
fn warnings_are_shown_once_dropped_with_their_file_and_dismissed_together() {
    let mut h = sample_harness(ThemePref::Light);
    let warning = "A_RES_65_141.txt: the text names no document symbol";
    assert_eq!(h.query_all_by_label_contains(warning).count(), 1);
    for _ in 0..2 {
        h.key_press(egui::Key::F5);
        h.run_steps(2);
        assert!(h.state_mut().state.wait_idle(Duration::from_secs(120)));
        h.run_steps(4);
    }
    assert_eq!(h.query_all_by_label_contains(warning).count(), 1);
    assert!(
        h.state()
            .state
            .status_line
            .starts_with("Reloaded A_RES_65_141.txt and A_RES_66_184.txt"),
        "{}",
        h.state().state.status_line
    );
    // Replacing the old file drops its warning.
    h.state_mut()
        .apply(Command::OpenOld(sample("A_RES_66_184.txt")));
    assert!(h.state_mut().state.wait_idle(Duration::from_secs(120)));
    h.run_steps(4);
    assert!(h.query_by_label_contains(warning).is_none());
    // Several messages: one click dismisses them all.
    h.state_mut()
        .apply(Command::OpenNew(PathBuf::from("/nonexistent/a.txt")));
    h.state_mut().apply(Command::OpenPair(
        PathBuf::from("/nonexistent/b.txt"),
        PathBuf::from("/nonexistent/c.txt"),
    ));
    assert!(h.state_mut().state.wait_idle(Duration::from_secs(120)));
    h.run_steps(4);
    assert!(h.state().state.notices.len() >= 2);
    h.get_by_label_contains("Dismiss all").click();
    h.run_steps(4);
    assert!(h.state().state.notices.is_empty());
}

/// Dialogs that can never open (as on a desktop without portal or zenity).
struct NoDialogs;

impl resdiff::app::Dialogs for NoDialogs {
    fn start(&mut self, _ask: DialogAsk) -> resdiff::app::DialogWait {
        Box::new(|| DialogAnswer::Unavailable("no file dialog on this test desktop".to_owned()))
    }
}

/// Draw frames until the open file dialog has answered and its answer is taken.
fn dialog_answered(h: &mut Harness<'_, ResdiffApp>) {
    assert!(
        h.state_mut().wait_dialog(Duration::from_secs(30)),
        "the dialog never answered"
    );
    h.run_steps(4);
    assert!(h.state().dialog_pending().is_none());
}

#[test]
fn without_a_file_dialog_open_says_so_and_takes_a_typed_path() {
    let mut h = empty_harness(1380.0);
    // The real dialogs where none can open (no portal, no zenity): rfd answers at once.
    let native_fails = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
        && std::process::Command::new("zenity")
            .arg("--version")
            .output()
            .is_err();
    if native_fails {
        h.state_mut().dialogs = Box::new(resdiff::app::NativeDialogs);
    } else {
        resdiff::corpus::say_skipped(
            "SKIPPED the native-dialog half: this desktop has a portal or zenity",
        );
        h.state_mut().dialogs = Box::new(NoDialogs);
    }
    h.get_by_label("Open old…").click();
    h.run_steps(1);
    dialog_answered(&mut h);
    h.get_by_label_contains("The file dialog did not open");
    assert!(h.state().path_prompt.is_some());
    h.get_by_label("Path:").type_text("/nonexistent/old.txt");
    h.get_by_label("Open").click();
    h.run_steps(4);
    h.get_by_label_contains("No such file or folder");
    let path = sample("A_RES_65_141.txt");
    h.get_by_label("Path:").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Path:")
        .type_text(&path.display().to_string());
    h.run_steps(1);
    h.get_by_label("Open").click();
    h.run_steps(4);
    assert!(h.state().path_prompt.is_none());
    assert!(h.state_mut().state.wait_idle(Duration::from_secs(60)));
    assert!(
        h.state()
            .state
            .old
            .path
            .as_ref()
            .is_some_and(|p| p.ends_with("A_RES_65_141.txt"))
    );
}

#[test]
fn export_without_a_dialog_writes_to_a_typed_path() {
    let mut h = sample_harness(ThemePref::Light);
    h.state_mut().dialogs = Box::new(NoDialogs);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(1);
    dialog_answered(&mut h);
    assert!(h.state().path_prompt.is_some());
    let dir = resdiff::corpus::scratch_dir("resdiff-triage-kittest", "export").unwrap();
    let out = dir.join("report.html");
    h.get_by_label("Path:")
        .type_text(&out.display().to_string());
    h.get_by_label("Export").click();
    h.run_steps(4);
    assert!(out.exists(), "{}", h.state().state.status_line);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn zoom_scales_the_whole_interface() {
    let mut h = sample_harness(ThemePref::Light);
    let before = h.get_by_label("Open old…").rect().width();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    h.run_steps(6);
    assert!((h.state().state.settings.zoom - 1.1).abs() < 1e-3);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-3);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run_steps(6);
    assert!((h.ctx.zoom_factor() - 0.9).abs() < 1e-3);
    // The toolbar button scales with it (in points the size stays; in pixels it shrinks).
    let after = h.get_by_label("Open old…").rect().width();
    assert!((after - before).abs() < 2.0, "{before} → {after}");
    assert!(h.state().state.status_line.contains("90 %"));
}

#[test]
fn swap_and_reload_are_disabled_with_nothing_loaded_and_escape_clears_search() {
    let mut h = empty_harness(1380.0);
    for name in ["Swap", "Reload"] {
        assert!(
            h.get_by_label(name).accesskit_node().is_disabled(),
            "{name}"
        );
    }
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert_eq!(
        h.state().state.status_line,
        "Nothing to reload: no file is open"
    );
    let mut h = sample_harness(ThemePref::Light);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    h.get_by_label("Find:").type_text("Tunis");
    h.run_steps(2);
    assert!(h.state().state.hit_total() > 0);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().state.search.is_empty());
    assert!(h.state().state.hits.is_empty());
}

#[test]
fn a_file_that_is_not_a_resolution_says_so_keeps_its_digits_and_stays_out_of_recent() {
    let passwd = Path::new("/etc/passwd");
    if !passwd.exists() {
        resdiff::corpus::say_skipped("SKIPPED: no /etc/passwd here");
        return;
    }
    let mut h = harness_sized(
        app_with(
            passwd.to_path_buf(),
            sample("A_RES_66_184.txt"),
            ThemePref::Light,
        ),
        1380.0,
        860.0,
    );
    h.run_steps(4);
    h.get_by_label_contains("passwd does not look like a resolution");
    h.get_by_label_contains("not a resolution (plain text)");
    let s = &h.state().state;
    let c = s.comparison.as_ref().unwrap();
    let text = std::fs::read_to_string(passwd).unwrap();
    for p in &c.old.paragraphs {
        assert!(p.footnote_refs.is_empty(), "{}", p.id);
        assert!(text.contains(p.text.trim()), "{}: {}", p.id, p.text);
    }
    assert!(s.settings.recent.is_empty());
}

#[test]
fn go_to_fits_a_sub_paragraph_id_and_says_which_side() {
    let mut h = sample_harness(ThemePref::Light);
    let field = h.get_by_label("Go to:").rect().width();
    let needed = h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            "OP5(a)(ii)".to_owned(),
            egui::FontId::proportional(14.0),
            egui::Color32::BLACK,
        )
        .size()
        .x
    });
    assert!(field > needed + 8.0, "{field} vs {needed}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run_steps(2);
    h.get_by_label("Go to:").type_text("OP20");
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    assert_eq!(
        h.state().state.status_line,
        "Jumped to OP20 of the new version; OP23 in the old version"
    );
    // An id only the old version has (66/184 ends at OP21).
    h.state_mut().apply(Command::JumpTo("OP24".to_owned()));
    assert_eq!(
        h.state().state.status_line,
        "Jumped to OP24 of the old version; OP21 in the new version"
    );
}

#[test]
fn references_list_names_paragraphs_once_each() {
    let mut h = sample_harness(ThemePref::Light);
    h.get_by_label("Summary").click();
    h.run_steps(8);
    let labels: Vec<String> = h
        .query_all_by_label_contains(" in ")
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with("+ added") || l.starts_with("− removed"))
        .collect();
    assert!(!labels.is_empty());
    let mut unique = labels.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), labels.len(), "{labels:?}");
    for l in &labels {
        let ids = l.split(" in ").nth(1).unwrap();
        assert!(
            ids.split(", ")
                .all(|id| id.starts_with("PP") || id.starts_with("OP")),
            "{l}"
        );
    }
}

#[test]
fn below_1200_points_the_side_panel_is_a_toggle() {
    let mut h = harness_sized(
        app_with(
            sample("A_RES_65_141.txt"),
            sample("A_RES_66_184.txt"),
            ThemePref::Light,
        ),
        1100.0,
        800.0,
    );
    assert!(
        h.query_by_label("Summary").is_none(),
        "closed in a narrow window"
    );
    h.get_by_label_contains("Side panel: Changes (").click();
    h.run_steps(6);
    h.get_by_label("Summary");
    h.key_press(egui::Key::F9);
    h.run_steps(6);
    assert!(h.query_by_label("Summary").is_none());
    // Wide again: the panel is back (the wide-window setting was never changed).
    h.set_size(egui::vec2(1400.0, 800.0));
    h.run_steps(6);
    h.get_by_label("Summary");
}

#[test]
fn row_buttons_show_on_the_current_row_only() {
    let mut h = sample_harness(ThemePref::Light);
    h.remove_cursor();
    h.run_steps(2);
    assert_eq!(h.query_all_by_label_contains("as redline text").count(), 0);
    h.key_press(egui::Key::F7);
    h.run_steps(6);
    assert_eq!(h.query_all_by_label_contains("as redline text").count(), 1);
}
