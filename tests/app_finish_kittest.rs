//! The rest of issue 11, driven headless with egui_kittest on real files: launch overrides of
//! the side panel, view, order and theme; the change list's labels and excerpts on the corpus
//! pair A/RES/78/69 → A/RES/79/144; file dialogs that leave the window working; one-line rows;
//! every inserted glyph underlined as painted; the focus ring; the width of the columns; the
//! status bar in step with search, filters and the side panel; the README's app figures.

mod app_support;

use app_support::{app_with, harness_sized, sample, snapshot};

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::epaint::{RectShape, Shape, TextShape};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use resdiff::app::{
    ChangeOrder, Command, DialogAnswer, DialogAsk, DialogWait, Dialogs, Filter, KindFilter,
    LaunchView, NARROW_BELOW, PAD, Palette, PanelChoice, ResdiffApp, Row, SideTab, ThemePref,
    ViewLayout, contrast, row_text,
};
use resdiff::changes::ChangeType;
use resdiff::compare::Status;

fn sample_app(theme: ThemePref) -> ResdiffApp {
    app_with(
        sample("A_RES_65_141.txt"),
        sample("A_RES_66_184.txt"),
        theme,
    )
}

fn sample_harness(theme: ThemePref) -> Harness<'static, ResdiffApp> {
    harness_sized(sample_app(theme), 1380.0, 860.0)
}

/// The corpus pair 78/69 → 79/144, or None (SKIPPED) without the corpus.
fn corpus_app(what: &str) -> Option<ResdiffApp> {
    let dir = resdiff::corpus::dir_or_skip(what)?;
    Some(app_with(
        resdiff::corpus::text_path(&dir, "A/RES/78/69"),
        resdiff::corpus::text_path(&dir, "A/RES/79/144"),
        ThemePref::Light,
    ))
}

/// Every shape of the last frame, groups flattened.
fn shapes(h: &Harness<'_, ResdiffApp>) -> Vec<Shape> {
    fn flatten(s: &Shape, out: &mut Vec<Shape>) {
        match s {
            Shape::Vec(v) => v.iter().for_each(|s| flatten(s, out)),
            other => out.push(other.clone()),
        }
    }
    let mut out = Vec::new();
    for c in &h.output().shapes {
        flatten(&c.shape, &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// a. Launch overrides

#[test]
fn launch_overrides_show_the_change_list_view_order_and_theme_and_are_not_saved() {
    let mut app = sample_app(ThemePref::System);
    app.state.settings.side_panel = false;
    app.apply_launch_view(LaunchView {
        side_panel: Some(PanelChoice::Changes),
        layout: Some(ViewLayout::Inline),
        order: Some(ChangeOrder::Consequence),
        theme: Some(ThemePref::Dark),
    });
    // Opened even in a window narrower than the threshold.
    let mut h = harness_sized(app, NARROW_BELOW - 100.0, 800.0);
    {
        let s = &h.state().state;
        assert!(s.side_panel_open());
        assert_eq!(s.side_tab, SideTab::Changes);
        assert_eq!(s.layout, ViewLayout::Inline);
        assert_eq!(s.change_order, ChangeOrder::Consequence);
        assert_eq!(s.settings.theme, ThemePref::Dark);
    }
    assert!(h.ctx.global_style().visuals.dark_mode);
    h.get_by_label_contains("Redline: Old: A/RES/65/141");
    h.get_by_label("Order:");
    // What the scroll benchmark prints.
    let line = h.state().open_description(egui::vec2(1380.0, 860.0));
    assert_eq!(
        line,
        "side panel changes, view inline, order consequence, 1380×860"
    );
    // The user's remembered theme and panel setting are what is saved.
    let saved = h.state().settings_to_save();
    assert_eq!(saved.theme, ThemePref::System);
    assert!(!saved.side_panel);
    // A change the user makes afterwards is saved.
    h.state_mut().apply(Command::SetTheme(ThemePref::Light));
    assert_eq!(h.state().settings_to_save().theme, ThemePref::Light);

    let mut app = sample_app(ThemePref::Light);
    app.apply_launch_view(LaunchView {
        side_panel: Some(PanelChoice::Closed),
        ..LaunchView::default()
    });
    let mut h = harness_sized(app, 1380.0, 860.0);
    assert!(!h.state().state.side_panel_open());
    assert!(h.query_by_label("Summary").is_none());
    assert!(h.state().settings_to_save().side_panel);
    assert!(
        h.state()
            .open_description(egui::vec2(1380.0, 860.0))
            .starts_with("side panel closed, view side-by-side, order document")
    );
    h.state_mut().apply_launch_view(LaunchView {
        side_panel: Some(PanelChoice::Summary),
        ..LaunchView::default()
    });
    h.run_steps(4);
    h.get_by_label("Documents");
    h.state_mut()
        .apply(Command::SetChangeKind(KindFilter::LeadPhrases));
    h.state_mut().apply(Command::SetSideTab(SideTab::Changes));
    assert!(
        h.state()
            .open_description(egui::vec2(1380.0, 860.0))
            .starts_with("side panel changes (lead-phrase changes), view side-by-side")
    );
}

// ---------------------------------------------------------------------------------------------
// c, b. The change list's labels and excerpts on the corpus pair

/// 78/69 PP4 begins "Recognizing the pre-eminent contribution provided by the Convention"; 79/144
/// PP4 begins "Noting with satisfaction that 16 November 2024 marked the thirtieth anniversary
/// …, and recognizing the pre-eminent contribution …" (read in both texts). Its dates make it a
/// numbers-or-dates change first; the row must still say that the lead phrase changed.
#[test]
fn a_lead_phrase_change_is_named_even_when_numbers_rank_first() {
    let Some(app) = corpus_app("lead phrase of 79/144 PP4") else {
        return;
    };
    let mut h = harness_sized(app, 1380.0, 860.0);
    let (k, text, kinds) = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        // The gold, from the texts themselves.
        let para = |d: &resdiff::model::Resolution, id: &str| {
            d.paragraphs
                .iter()
                .find(|p| p.id == id)
                .unwrap()
                .text
                .clone()
        };
        assert!(para(&c.old, "PP4").starts_with("Recognizing the pre-eminent contribution"));
        assert!(para(&c.new, "PP4").starts_with("Noting with satisfaction that 16 November 2024"));
        let k = s
            .changes
            .iter()
            .position(|ch| ch.ids == "PP4")
            .expect("PP4 is a change");
        let ch = &s.changes[k];
        (k, row_text(ch), ch.display_types())
    };
    assert!(kinds.contains(&ChangeType::Numbers), "{kinds:?}");
    // The lead-phrase type comes right after the main kind, and the excerpt opens with it.
    assert!(kinds[1].is_lead() || kinds[0].is_lead(), "{kinds:?}");
    assert!(text.contains("lead phrase"), "{text}");
    assert!(
        text.contains("“Recognizing” → “Noting with satisfaction”"),
        "{text}"
    );
    let lead_at = text.find("lead phrase").unwrap();
    assert!(lead_at < 45, "visible in a narrow list: {text}");
    // The row in the list, and the lead-phrase filter keeps it.
    h.state_mut().apply(Command::GoToChange(k));
    h.run_steps(6);
    h.get_by_label(&text);
    assert!(h.state().state.status_line.contains("lead phrase"));
    h.state_mut()
        .apply(Command::SetChangeKind(KindFilter::LeadPhrases));
    h.run_steps(4);
    assert!(h.state().state.listed_changes().0.contains(&k));
    h.get_by_label(&text);
}

/// Whether `word` spells a number or a date (digits, months, ordinals) — an independent, simpler
/// reading than the engine's, enough to see that the excerpt shows the changed figures.
fn numberish(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    let cardinal = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion",
    ];
    w.chars().any(|c| c.is_ascii_digit())
        || lower.split('-').any(|part| cardinal.contains(&part))
        || [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
        .contains(&lower.as_str())
        || lower.ends_with("th")
        || lower.ends_with("first")
        || lower.ends_with("second")
        || lower.ends_with("third")
}

#[test]
fn numbers_and_reference_rows_show_the_changed_words_not_the_paragraph_start() {
    let Some(app) = corpus_app("excerpts of 78/69 → 79/144") else {
        return;
    };
    let s = &app.state;
    let c = s.comparison.as_ref().unwrap();
    let mut checked = (0, 0);
    for ch in &s.changes {
        let p = &c.pairs[ch.pair];
        if p.old.is_empty() || p.new.is_empty() {
            continue;
        }
        let start: String = {
            let t = &c.new.paragraphs[p.new[0]].text;
            t.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
        };
        let changed_at_start = p
            .ops
            .iter()
            .find(|o| !o.text.trim().is_empty())
            .is_some_and(|o| o.op != resdiff::diff::OpKind::Equal);
        match ch.kind {
            ChangeType::Numbers => {
                checked.0 += 1;
                assert!(
                    ch.excerpt.split_whitespace().any(numberish),
                    "{}: {}",
                    ch.ids,
                    ch.excerpt
                );
                if !changed_at_start {
                    assert!(!ch.excerpt.contains(&start), "{}: {}", ch.ids, ch.excerpt);
                }
            }
            ChangeType::References => {
                checked.1 += 1;
                let refs: Vec<&String> = p
                    .class
                    .references_added
                    .iter()
                    .chain(&p.class.references_removed)
                    .collect();
                let short = |r: &str| {
                    r.rsplit(' ')
                        .next()
                        .unwrap_or(r)
                        .trim_start_matches("A/")
                        .to_owned()
                };
                assert!(
                    refs.iter().any(|r| ch.excerpt.contains(&short(r))),
                    "{}: {} (references {refs:?})",
                    ch.ids,
                    ch.excerpt
                );
                if !changed_at_start {
                    assert!(!ch.excerpt.contains(&start), "{}: {}", ch.ids, ch.excerpt);
                }
            }
            _ => {}
        }
    }
    // 66 numbers-first rows; one references-first row (OP356 → OP343, "its decision, in
    // resolution 78/69," added): the others hold a number or date too, which ranks first.
    assert!(checked.0 >= 10 && checked.1 >= 1, "{checked:?}");
}

/// The README's figures for the change list of 78/69 → 79/144 are what the app shows.
#[test]
fn readme_change_list_figures_of_78_69_to_79_144_hold() {
    let Some(app) = corpus_app("README figures of 78/69 → 79/144") else {
        return;
    };
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains("A/RES/78/69 → A/RES/79/144 the change list holds"))
        .expect("the README gives the change list's figures of 78/69 → 79/144");
    let figures = line
        .split("the change list holds")
        .nth(1)
        .unwrap_or_default();
    let numbers: Vec<usize> = figures
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .filter_map(|t| t.parse().ok())
        .collect();
    assert!(numbers.len() >= 5, "{line}");
    let s = &app.state;
    let c = s.comparison.as_ref().unwrap();
    let routine = s.changes.iter().filter(|ch| ch.is_routine()).count();
    let renumbered_only = c
        .pairs
        .iter()
        .filter(|p| p.status == Status::Renumbered && !resdiff::changes::is_listed(p))
        .count();
    let lead = s.changes.iter().filter(|ch| ch.has_lead()).count();
    let lead_not_main = s
        .changes
        .iter()
        .filter(|ch| ch.has_lead() && !ch.kind.is_lead())
        .count();
    assert_eq!(
        numbers[..5],
        [
            s.changes.len(),
            routine,
            renumbered_only,
            lead,
            lead_not_main
        ],
        "{line}"
    );
    // F7 goes through exactly the listed changes.
    let (main, rest) = s.listed_changes();
    assert_eq!(main.len() + rest.len(), s.changes.len());
}

// ---------------------------------------------------------------------------------------------
// f. File dialogs off the UI thread

/// A file dialog the test holds open until it sends the answer.
struct HeldDialogs {
    answer: Arc<Mutex<Option<Receiver<Option<PathBuf>>>>>,
    asked: Arc<Mutex<Vec<String>>>,
}

impl Dialogs for HeldDialogs {
    fn start(&mut self, ask: DialogAsk) -> DialogWait {
        self.asked.lock().unwrap().push(ask.title());
        let rx = self.answer.lock().unwrap().take();
        Box::new(move || match rx.and_then(|r| r.recv().ok()) {
            Some(Some(p)) => DialogAnswer::Chosen(vec![p]),
            _ => DialogAnswer::Cancelled,
        })
    }
}

fn held(h: &mut Harness<'_, ResdiffApp>) -> (Sender<Option<PathBuf>>, Arc<Mutex<Vec<String>>>) {
    let (tx, rx) = channel();
    let asked = Arc::new(Mutex::new(Vec::new()));
    h.state_mut().dialogs = Box::new(HeldDialogs {
        answer: Arc::new(Mutex::new(Some(rx))),
        asked: asked.clone(),
    });
    (tx, asked)
}

#[test]
fn the_window_keeps_working_while_a_file_dialog_is_open() {
    let mut h = sample_harness(ThemePref::Light);
    let (answer, asked) = held(&mut h);
    h.get_by_label("Open old…").click();
    h.run_steps(3);
    assert!(h.state().dialog_pending().is_some());
    assert!(
        h.state()
            .state
            .status_line
            .contains("Open the old version: waiting for the file dialog"),
        "{}",
        h.state().state.status_line
    );
    // Frames go on: keys, navigation and search act while the dialog is open.
    let before = h.state().state.current;
    h.key_press(egui::Key::F7);
    h.run_steps(3);
    assert_ne!(h.state().state.current, before);
    assert!(h.state().state.status_line.starts_with("Change 1 of "));
    h.state_mut()
        .apply(Command::Search("Tunis Agenda".to_owned()));
    h.run_steps(3);
    assert!(h.state().state.hit_total() > 0);
    // A second dialog is not stacked on the first.
    h.get_by_label("Open new…").click();
    h.run_steps(3);
    assert_eq!(asked.lock().unwrap().len(), 1);
    assert!(
        h.state()
            .state
            .status_line
            .starts_with("A file dialog is already open"),
        "{}",
        h.state().state.status_line
    );
    // The answer comes: the file opens as the old version.
    answer.send(Some(sample("A_RES_66_184.txt"))).unwrap();
    assert!(h.state_mut().wait_dialog(Duration::from_secs(30)));
    h.run_steps(3);
    assert!(h.state().dialog_pending().is_none());
    assert!(h.state_mut().state.wait_idle(Duration::from_secs(120)));
    h.run_steps(4);
    let s = &h.state().state;
    assert!(
        s.old
            .path
            .as_ref()
            .is_some_and(|p| p.ends_with("A_RES_66_184.txt"))
    );
    assert!(s.comparison.is_some());
}

#[test]
fn a_cancelled_dialog_says_so_and_changes_nothing() {
    let mut h = sample_harness(ThemePref::Light);
    let (answer, _) = held(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    assert!(h.state().dialog_pending().is_some());
    answer.send(None).unwrap();
    assert!(h.state_mut().wait_dialog(Duration::from_secs(30)));
    h.run_steps(3);
    assert!(h.state().dialog_pending().is_none());
    assert!(h.state().path_prompt.is_none());
    assert_eq!(h.state().state.status_line, "Export HTML report: cancelled");
}

// ---------------------------------------------------------------------------------------------
// g. One-line rows stay one line

/// The height of one line of document text (a short line of the sample laid out in the
/// document font) plus the row's padding.
fn one_line_row(h: &Harness<'_, ResdiffApp>) -> f32 {
    let size = h.state().state.settings.text_size;
    let line = h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            "Recalling the 2005 World Summit Outcome,".to_owned(),
            egui::FontId::proportional(size),
            egui::Color32::BLACK,
        )
        .size()
        .y
    });
    line + 2.0 * PAD
}

/// Scroll row `row` into view (or make its pair current), draw, and give its height.
fn drawn_height(h: &mut Harness<'_, ResdiffApp>, row: usize, current: bool) -> f32 {
    if current {
        let Row::Pair(i) = h.state().state.rows[row] else {
            panic!("row {row} is a marker");
        };
        h.state_mut().state.apply(Command::GoToPair(i));
    } else {
        h.state_mut().state.current = None;
        h.state_mut().view.scroll_to_row(row);
    }
    h.run_steps(8);
    assert!(h.state().view.row_measured(row), "row {row} drawn");
    h.state().view.row_height(row).unwrap()
}

#[test]
fn one_line_rows_are_one_text_line_tall() {
    // The sample pair has no short unchanged paragraph; its one short paragraph that is not a
    // lead-phrase change (drawn with its callout line) is 66/184 PP27, added: "Reaffirming also
    // paragraphs 35 to 37 and 67 to 72 of the Tunis Agenda," — one line at 1920 points.
    let mut h = harness_sized(sample_app(ThemePref::Light), 1920.0, 1000.0);
    h.remove_cursor();
    let row = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        let i = c
            .pairs
            .iter()
            .position(|p| {
                p.new.iter().any(|&k| {
                    c.new.paragraphs[k]
                        .text
                        .starts_with("Reaffirming also paragraphs 35 to 37")
                })
            })
            .expect("66/184 PP27");
        s.row_of_pair(i).unwrap()
    };
    let one_line = one_line_row(&h);
    for current in [false, true] {
        // The current row shows its copy button, still on one line.
        let height = drawn_height(&mut h, row, current);
        assert!(
            height <= one_line + 1.0,
            "PP27, current {current}: {height} > {one_line}"
        );
    }
    assert_eq!(h.query_all_by_label_contains("as redline text").count(), 1);

    // Unchanged one-line paragraphs: the headings and short lines of 78/69 → 79/144.
    let Some(app) = corpus_app("one-line rows of 78/69 → 79/144") else {
        return;
    };
    let mut h = harness_sized(app, 1380.0, 860.0);
    h.remove_cursor();
    let short: Vec<usize> = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        s.rows
            .iter()
            .enumerate()
            .filter_map(|(r, row)| match row {
                Row::Pair(i) => {
                    let p = &c.pairs[*i];
                    let len = |side| resdiff::app::side_text(c, p, side).chars().count();
                    (p.status == Status::Unchanged
                        && len(resdiff::app::Side::Old) < 30
                        && len(resdiff::app::Side::New) < 30)
                        .then_some(r)
                }
                Row::MovedFrom(_) => None,
            })
            .collect()
    };
    assert!(short.len() >= 5, "{}", short.len());
    let one_line = one_line_row(&h);
    for (n, &r) in short.iter().enumerate() {
        let height = drawn_height(&mut h, r, n % 2 == 1);
        assert!(height <= one_line + 1.0, "row {r}: {height} > {one_line}");
    }
}

// ---------------------------------------------------------------------------------------------
// h. Underlines, focus ring, column widths, status bar

/// For every text drawn in the last frame, every glyph of an underlined section (the inserted
/// words) has a painted line under it; returns how many glyphs were checked.
fn check_painted_underlines(h: &Harness<'_, ResdiffApp>, what: &str) -> usize {
    let all = shapes(h);
    let lines: Vec<(f32, f32, f32)> = all
        .iter()
        .filter_map(|s| match s {
            Shape::LineSegment { points, stroke } if stroke.width > 0.0 => {
                ((points[0].y - points[1].y).abs() < 0.01).then(|| {
                    (
                        points[0].x.min(points[1].x),
                        points[0].x.max(points[1].x),
                        points[0].y,
                    )
                })
            }
            _ => None,
        })
        .collect();
    let mut checked = 0;
    for s in &all {
        let Shape::Text(TextShape { pos, galley, .. }) = s else {
            continue;
        };
        let job = &galley.job;
        let underline_at = |b: usize| {
            job.sections
                .iter()
                .find(|s| s.byte_range.contains(&egui::epaint::text::ByteIndex(b)))
                .map(|s| s.format.underline)
                .filter(|u| !u.is_empty())
        };
        let mut chars = job.text.char_indices();
        for placed in &galley.rows {
            for g in &placed.row.glyphs {
                let Some((b, _)) = chars.by_ref().find(|(_, ch)| *ch == g.chr) else {
                    continue;
                };
                let Some(u) = underline_at(b) else {
                    continue;
                };
                if g.chr.is_whitespace() {
                    continue;
                }
                let x = pos.x + placed.pos.x + g.pos.x + g.advance_width / 2.0;
                let y = pos.y + placed.pos.y + g.logical_rect().bottom() - u.width / 2.0;
                assert!(
                    lines
                        .iter()
                        .any(|(x0, x1, ly)| *x0 <= x && x <= *x1 && (ly - y).abs() < 0.75),
                    "{what}: {:?} (byte {b} of “{}…”) has no underline",
                    g.chr,
                    job.text.chars().take(40).collect::<String>()
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn every_inserted_glyph_is_underlined_as_painted_on_every_row() {
    let mut h = sample_harness(ThemePref::Light);
    h.remove_cursor();
    // Narrow columns so that long insertions wrap over many lines.
    h.set_size(egui::vec2(1100.0, 860.0));
    h.run_steps(6);
    for layout in [ViewLayout::SideBySide, ViewLayout::Inline] {
        h.state_mut().apply(Command::SetLayout(layout));
        h.state_mut().state.current = None;
        h.state_mut().view.scroll_to_end(false);
        h.run_steps(6);
        let mut checked = 0;
        let mut seen = std::collections::BTreeSet::new();
        let n = h.state().state.changes.len();
        for _ in 0..n {
            h.key_press(egui::Key::F7);
            h.run_steps(4);
            let s = &h.state().state;
            let c = s.comparison.as_ref().unwrap();
            let p = &c.pairs[s.current.unwrap()];
            seen.insert(resdiff::app::side_ids(c, p, resdiff::app::Side::New));
            checked += check_painted_underlines(&h, &format!("{layout:?}"));
        }
        // 66/184 PP2 and PP12 hold long insertions that wrap.
        assert!(seen.contains("PP2") && seen.contains("PP12"), "{seen:?}");
        assert!(checked > 1000, "{layout:?}: {checked} glyphs");
    }
}

#[test]
fn the_focused_widget_has_a_visible_ring() {
    for theme in [ThemePref::Light, ThemePref::Dark] {
        let mut h = sample_harness(theme);
        let pal = Palette::for_dark_mode(theme == ThemePref::Dark);
        for _ in 0..60 {
            if h.get_by_label("Open old…").is_focused() {
                break;
            }
            h.key_press(egui::Key::Tab);
            h.run_steps(2);
        }
        assert!(h.get_by_label("Open old…").is_focused());
        let rect = h.get_by_label("Open old…").rect();
        let panel = h.ctx.global_style().visuals.panel_fill;
        let ring = shapes(&h).into_iter().find_map(|s| match s {
            Shape::Rect(RectShape {
                rect: r, stroke, ..
            }) if r.expand(0.5).contains_rect(rect) && r.width() < rect.width() + 8.0 => {
                Some(stroke)
            }
            _ => None,
        });
        let ring = ring.expect("the focused button is drawn with an outline");
        assert!(ring.width >= resdiff::app::FOCUS_RING_W, "{ring:?}");
        assert_eq!(ring.color, pal.focus);
        assert!(contrast(ring.color, panel) >= 3.0, "{theme:?}");
        // Tab on: the ring moves to the next control.
        h.key_press(egui::Key::Tab);
        h.run_steps(2);
        assert!(!h.get_by_label("Open old…").is_focused());
    }
}

#[test]
fn each_column_keeps_45_characters_with_the_side_panel_open_or_folded() {
    let mut h = harness_sized(sample_app(ThemePref::Light), 1380.0, 860.0);
    // The average width of a character of real text: 66/184 PP1 in the document font.
    let size = h.state().state.settings.text_size;
    let avg = {
        let s = &h.state().state;
        let c = s.comparison.as_ref().unwrap();
        let text = c.new.paragraphs[0].text.clone();
        let n = text.chars().count() as f32;
        let w = h.ctx.fonts_mut(|f| {
            f.layout_no_wrap(text, egui::FontId::proportional(size), egui::Color32::BLACK)
                .size()
                .x
        });
        w / n
    };
    for width in [
        1024.0,
        1100.0,
        NARROW_BELOW - 1.0,
        NARROW_BELOW,
        1280.0,
        1380.0,
        1920.0,
    ] {
        h.set_size(egui::vec2(width, 860.0));
        h.run_steps(6);
        let open = h.state().state.side_panel_open();
        assert_eq!(open, width >= NARROW_BELOW, "{width}");
        let (old_w, new_w) = h.state().view.columns;
        let chars = old_w.min(new_w) / avg;
        assert!(
            chars >= 45.0,
            "{width} pt (side panel {}): {chars:.1} characters",
            if open { "open" } else { "folded" }
        );
    }
}

/// The status bar's count of listed changes, from its text.
fn status_counts(h: &Harness<'_, ResdiffApp>) -> (String, usize) {
    let text = h
        .query_all_by_label_contains("rows shown of")
        .filter_map(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
        .find(|l| l.contains("rows shown of"))
        .expect("the status bar");
    let after = text.split(" pairs · ").nth(1).unwrap();
    let n = after
        .split(|c: char| !c.is_ascii_digit())
        .find(|t| !t.is_empty())
        .unwrap()
        .parse()
        .unwrap();
    (text, n)
}

fn tab_count(h: &Harness<'_, ResdiffApp>, prefix: &str) -> usize {
    let label = h
        .query_all_by_label_contains(prefix)
        .filter_map(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("{prefix}"));
    label[prefix.len()..].trim_end_matches(')').parse().unwrap()
}

#[test]
fn the_status_bar_and_counters_follow_search_filters_and_the_side_panel() {
    let mut h = sample_harness(ThemePref::Light);
    let check = |h: &Harness<'_, ResdiffApp>, what: &str| {
        let (main, routine) = h.state().state.listed_changes();
        let listed = main.len() + routine.len();
        let (text, n) = status_counts(h);
        assert_eq!(n, listed, "{what}: {text}");
        assert_eq!(tab_count(h, "Side panel: Changes ("), listed, "{what}");
        if h.state().state.side_panel_open() {
            assert_eq!(tab_count(h, "Changes ("), listed, "{what}");
        }
        text
    };
    let all = h.state().state.changes.len();
    let text = check(&h, "at start");
    assert!(text.contains(&format!("· {all} changes (")), "{text}");
    // The kind filter: fewer listed, said in the status bar.
    h.state_mut()
        .apply(Command::SetChangeKind(KindFilter::LeadPhrases));
    h.run_steps(4);
    let text = check(&h, "lead phrases");
    assert!(
        text.contains(&format!(" of {all} changes listed")),
        "{text}"
    );
    assert!(text.contains("lead-phrase changes"), "{text}");
    // F7 then a filter change: the "Change n of N" line follows the new list.
    h.key_press(egui::Key::F7);
    h.run_steps(3);
    let listed = h.state().state.listed_changes().0.len();
    assert!(
        h.state()
            .state
            .status_line
            .starts_with(&format!("Change 1 of {listed}:"))
    );
    h.state_mut().apply(Command::SetChangeKind(KindFilter::All));
    h.run_steps(3);
    let status = h.state().state.status_line.clone();
    assert!(status.contains(&format!(" of {all}:")), "{status}");
    // The row filter.
    h.state_mut()
        .apply(Command::SetFilter(Filter::Status(Status::Added)));
    h.run_steps(4);
    let text = check(&h, "added rows only");
    assert!(text.contains("showing"), "{text}");
    // Search: the toolbar's counter and the status bar give the same hits.
    h.state_mut().apply(Command::SetFilter(Filter::All));
    h.state_mut()
        .apply(Command::Search("information".to_owned()));
    h.run_steps(4);
    let hits = h.state().state.hit_total();
    assert!(hits > 0);
    let (text, _) = status_counts(&h);
    assert!(
        text.contains(&format!("{hits} hits for “information”")),
        "{text}"
    );
    h.get_by_label_contains(&format!("{hits} hits in "));
    // Fewer rows, fewer hits, in both places.
    h.state_mut()
        .apply(Command::SetFilter(Filter::Status(Status::Added)));
    h.run_steps(4);
    let fewer = h.state().state.hit_total();
    assert!(fewer < hits);
    let (text, _) = status_counts(&h);
    assert!(text.contains(&format!("{fewer} hits for")), "{text}");
    h.get_by_label_contains(&format!("{fewer} hits in "));
    // The side panel closed (F9) and in a narrow window: the toggle keeps the count.
    h.key_press(egui::Key::F9);
    h.run_steps(4);
    assert!(!h.state().state.side_panel_open());
    check(&h, "panel closed");
    h.set_size(egui::vec2(1000.0, 800.0));
    h.run_steps(4);
    check(&h, "narrow");
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label_contains("hits for").is_none());
}

// ---------------------------------------------------------------------------------------------
// e. Snapshots

#[test]
fn snapshot_change_list_in_document_order_light_and_dark() {
    for (theme, name) in [
        (ThemePref::Light, "change_list_light"),
        (ThemePref::Dark, "change_list_dark"),
    ] {
        let mut h = sample_harness(theme);
        h.remove_cursor();
        h.state_mut().apply(Command::SetSideTab(SideTab::Changes));
        h.key_press(egui::Key::F7);
        h.key_press(egui::Key::F7);
        h.run_steps(8);
        snapshot(&mut h, name);
    }
}
