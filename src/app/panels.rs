//! Menus, toolbar, notices, status bar and the summary side panel.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::compare::{Comparison, Status};
use crate::diff::Direction;
use crate::report::Format;

use super::change_list::{ChangeListUi, SideTab};
use super::command::{Command, Side};
use super::filter::Filter;
use super::notice::Level;
use super::palette::Palette;
use super::settings::ThemePref;
use super::state::{AppState, file_label};
use super::view::badge;

/// Text fields and focus requests of the toolbar.
#[derive(Debug, Default)]
pub struct ToolbarState {
    /// The jump-to field.
    pub jump: String,
    /// The search field.
    pub search: String,
    /// Focus the jump field next frame.
    pub focus_jump: bool,
    /// Focus the search field next frame.
    pub focus_search: bool,
}

/// A request that needs the window (native dialogs, clipboard, closing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UiRequest {
    /// Pick a file for a side.
    PickFile(Side),
    /// Pick two files at once.
    PickPair,
    /// Choose where to save a report in this format, then export.
    Export(Format),
    /// Close the window.
    Quit,
    /// Pick the files of a series.
    PickSeries,
    /// Pick a folder holding the versions of a series.
    PickSeriesFolder,
    /// Pick a corpus folder to find the series' wording in.
    PickCorpus,
    /// Type the paths of a pair (no dialog).
    TypePath,
}

/// The menu bar.
pub fn menu_bar(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>, req: &mut Vec<UiRequest>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open old version…  (Ctrl+O)").clicked() {
                req.push(UiRequest::PickFile(Side::Old));
            }
            if ui.button("Open new version…  (Ctrl+Shift+O)").clicked() {
                req.push(UiRequest::PickFile(Side::New));
            }
            if ui.button("Open pair (old, then new)…").clicked() {
                req.push(UiRequest::PickPair);
            }
            if ui.button("Open by typing the paths…").clicked() {
                req.push(UiRequest::TypePath);
            }
            ui.menu_button("Recent", |ui| {
                if state.settings.recent.is_empty() {
                    ui.label("No recent pairs");
                }
                for p in &state.settings.recent {
                    let label = format!(
                        "{} → {}",
                        file_label(Some(&p.old)),
                        file_label(Some(&p.new))
                    );
                    if ui
                        .button(label)
                        .on_hover_text(format!("{}\n{}", p.old.display(), p.new.display()))
                        .clicked()
                    {
                        out.push(Command::OpenPair(p.old.clone(), p.new.clone()));
                    }
                }
                if !state.settings.recent.is_empty() && ui.button("Clear recent").clicked() {
                    out.push(Command::ClearRecent);
                }
            });
            ui.separator();
            let loaded = state.old.is_taken() || state.new.is_taken();
            if ui
                .add_enabled(loaded, egui::Button::new("Swap old and new"))
                .clicked()
            {
                out.push(Command::Swap);
            }
            if ui
                .add_enabled(loaded, egui::Button::new("Reload  (F5)"))
                .clicked()
            {
                out.push(Command::Reload);
            }
            ui.separator();
            let has = state.comparison.is_some();
            if ui
                .add_enabled(
                    has,
                    egui::Button::new("Copy redline of shown rows  (Ctrl+Shift+C)"),
                )
                .clicked()
            {
                out.push(Command::CopyShown);
            }
            ui.add_enabled_ui(has, |ui| {
                ui.menu_button("Export", |ui| {
                    for format in Format::ALL {
                        let shortcut = if format == Format::Html {
                            "  (Ctrl+E)"
                        } else {
                            ""
                        };
                        let text = format!(
                            "{} (.{})…{shortcut}",
                            AppState::format_label(format),
                            format.extension()
                        );
                        if ui.button(text).clicked() {
                            req.push(UiRequest::Export(format));
                        }
                    }
                    ui.separator();
                    ui.menu_button("Export options", |ui| export_options(ui, state, out));
                });
            });
            ui.separator();
            if ui.button("Quit  (Ctrl+Q)").clicked() {
                req.push(UiRequest::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            for t in [ThemePref::System, ThemePref::Light, ThemePref::Dark] {
                if ui
                    .radio(state.settings.theme == t, format!("Theme: {}", t.label()))
                    .clicked()
                {
                    out.push(Command::SetTheme(t));
                }
            }
            ui.separator();
            let mut size = state.settings.text_size;
            if ui
                .add(egui::Slider::new(&mut size, 10.0..=28.0).text("Text size"))
                .changed()
            {
                out.push(Command::SetTextSize(size));
            }
            ui.horizontal(|ui| {
                ui.label(format!("Interface {:.0} %", state.settings.zoom * 100.0));
                if ui.button("−").on_hover_text("Smaller (Ctrl+-)").clicked() {
                    out.push(Command::SetZoom(state.settings.zoom - 0.1));
                }
                if ui.button("+").on_hover_text("Larger (Ctrl+=)").clicked() {
                    out.push(Command::SetZoom(state.settings.zoom + 0.1));
                }
                if ui.button("100 %").on_hover_text("Ctrl+0").clicked() {
                    out.push(Command::SetZoom(1.0));
                }
            });
            if ui
                .checkbox(
                    &mut state.side_panel_open(),
                    "Change list and summary  (F9)",
                )
                .clicked()
            {
                out.push(Command::ToggleSidePanel);
            }
            ui.separator();
            {
                use super::change_list::ViewLayout;
                for (l, text) in [
                    (ViewLayout::SideBySide, "Side by side (two columns)"),
                    (ViewLayout::Inline, "Inline redline (one column)  (Ctrl+L)"),
                ] {
                    if ui.radio(state.layout == l, text).clicked() {
                        out.push(Command::SetLayout(l));
                    }
                }
            }
            ui.separator();
            let split = state.settings.split;
            let step = super::view::SPLIT_STEP;
            if ui.button("Widen the old column").clicked() {
                out.push(Command::SetSplit(split + step));
            }
            if ui.button("Equal columns").clicked() {
                out.push(Command::SetSplit(0.5));
            }
            if ui.button("Widen the new column").clicked() {
                out.push(Command::SetSplit(split - step));
            }
            ui.separator();
            for f in Filter::choices() {
                if ui.radio(state.settings.filter == f, f.label()).clicked() {
                    out.push(Command::SetFilter(f));
                }
            }
        });
        super::series_view::menu(ui, state, out, req);
        ui.menu_button("Go", |ui| {
            if ui.button("Next change  (F7, Alt+Down)").clicked() {
                out.push(Command::NextChange);
            }
            if ui.button("Previous change  (Shift+F7, Alt+Up)").clicked() {
                out.push(Command::PrevChange);
            }
            if ui.button("Next search hit  (F3)").clicked() {
                out.push(Command::NextHit);
            }
            if ui.button("Previous search hit  (Shift+F3)").clicked() {
                out.push(Command::PrevHit);
            }
        });
    });
}

/// Below this width the toolbar uses short labels so it stays on one line.
pub const COMPACT_TOOLBAR_BELOW: f32 = 1240.0;

/// A toolbar button whose accessible name stays `name` whatever its (possibly shortened) text.
fn tool_button(ui: &mut Ui, enabled: bool, text: &str, name: &str, hover: &str) -> egui::Response {
    let resp = ui
        .add_enabled(enabled, egui::Button::new(text))
        .on_hover_text(hover);
    let name = name.to_owned();
    resp.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    resp
}

/// The toolbar. Below [`COMPACT_TOOLBAR_BELOW`] points it shortens its labels (the accessible
/// names and tooltips stay the same), and it wraps only in a very narrow window.
pub fn toolbar(
    ui: &mut Ui,
    state: &AppState,
    tb: &mut ToolbarState,
    out: &mut Vec<Command>,
    req: &mut Vec<UiRequest>,
) {
    // The hit counter and its two buttons need about 210 more points while a search is on.
    let searching = !state.search.trim().is_empty();
    let compact =
        ui.available_width() < COMPACT_TOOLBAR_BELOW + if searching { 210.0 } else { 0.0 };
    let pick = |full: &'static str, short: &'static str| if compact { short } else { full };
    ui.horizontal_wrapped(|ui| {
        if tool_button(
            ui,
            true,
            pick("Open old…", "Old…"),
            "Open old…",
            "Choose the old version (Ctrl+O)",
        )
        .clicked()
        {
            req.push(UiRequest::PickFile(Side::Old));
        }
        if tool_button(
            ui,
            true,
            pick("Open new…", "New…"),
            "Open new…",
            "Choose the new version (Ctrl+Shift+O)",
        )
        .clicked()
        {
            req.push(UiRequest::PickFile(Side::New));
        }
        let loaded = state.old.path.is_some() || state.new.path.is_some();
        if tool_button(
            ui,
            loaded,
            pick("⇄ Swap", "⇄"),
            "Swap",
            "Exchange old and new",
        )
        .clicked()
        {
            out.push(Command::Swap);
        }
        if tool_button(
            ui,
            loaded,
            pick("↻ Reload", "↻"),
            "Reload",
            "Read both files again (F5)",
        )
        .clicked()
        {
            out.push(Command::Reload);
        }
        ui.separator();
        let has = state.comparison.is_some();
        if tool_button(
            ui,
            has,
            pick("▲ Previous change", "▲ Prev"),
            "Previous change",
            "Previous change (Shift+F7 or Alt+Up)",
        )
        .clicked()
        {
            out.push(Command::PrevChange);
        }
        if tool_button(
            ui,
            has,
            pick("▼ Next change", "▼ Next"),
            "Next change",
            "Next change (F7 or Alt+Down)",
        )
        .clicked()
        {
            out.push(Command::NextChange);
        }
        ui.separator();
        // Compact: no captions; the fields keep them as accessible names and hints.
        let jl = (!compact).then(|| ui.label("Go to:"));
        let jump = ui.add(
            egui::TextEdit::singleline(&mut tb.jump)
                .hint_text(if compact { "Go to" } else { "OP5(a)(ii)" })
                .desired_width(if compact { 76.0 } else { 92.0 }),
        );
        let jump = match jl {
            Some(l) => jump.labelled_by(l.id),
            None => {
                jump.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Go to:")
                });
                jump
            }
        }
        .on_hover_text("Jump to a paragraph id, e.g. OP12, PP3 or OP5(a)(ii) (Ctrl+G, Enter)");
        if tb.focus_jump {
            jump.request_focus();
            tb.focus_jump = false;
        }
        if jump.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            out.push(Command::JumpTo(tb.jump.clone()));
        }
        ui.separator();
        let sl = (!compact).then(|| ui.label("Find:"));
        let search = ui.add(
            egui::TextEdit::singleline(&mut tb.search)
                .hint_text(pick("text in both columns", "Find"))
                .desired_width(if compact { 110.0 } else { 150.0 }),
        );
        let search = match sl {
            Some(l) => search.labelled_by(l.id),
            None => {
                search.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find:")
                });
                search
            }
        }
        .on_hover_text("Search both columns (Ctrl+F; Enter or F3 for the next hit; Escape clears)");
        if tb.focus_search {
            search.request_focus();
            tb.focus_search = false;
        }
        if search.changed() {
            out.push(Command::Search(tb.search.clone()));
        }
        if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            out.push(Command::NextHit);
            search.request_focus();
        }
        if !state.search.trim().is_empty() {
            let rows = state.hits.len();
            let text = match state.current_hit {
                Some(h) => format!(
                    "{} hits in {rows} rows (row {}/{rows})",
                    state.hit_total(),
                    h + 1
                ),
                None => format!("{} hits in {rows} rows", state.hit_total()),
            };
            // Compact: "1/3 rows · 3 hits", the whole sentence in the tooltip and for screen readers.
            let shown = match (compact, state.current_hit) {
                (false, _) => text.clone(),
                (true, Some(h)) => format!("{}/{rows} rows · {} hits", h + 1, state.hit_total()),
                (true, None) => format!("{rows} rows · {} hits", state.hit_total()),
            };
            let counter = ui.label(shown).on_hover_text(&text);
            counter.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
            if tool_button(ui, rows > 0, "▲", "Previous hit", "Previous hit (Shift+F3)").clicked()
            {
                out.push(Command::PrevHit);
            }
            if tool_button(ui, rows > 0, "▼", "Next hit", "Next hit (F3)").clicked() {
                out.push(Command::NextHit);
            }
        }
        ui.separator();
        let current = state.settings.filter;
        // Compact: no caption; the box keeps "Show:" as its accessible name and tooltip.
        let caption = (!compact).then(|| ui.label("Show:"));
        let filter = egui::ComboBox::from_id_salt("row_filter")
            .selected_text(current.label())
            .show_ui(ui, |ui| {
                for f in Filter::choices() {
                    if ui.selectable_label(current == f, f.label()).clicked() {
                        out.push(Command::SetFilter(f));
                    }
                }
            })
            .response
            .on_hover_text("Show: which rows are listed");
        match caption {
            Some(c) => {
                filter.labelled_by(c.id);
            }
            None => {
                filter
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Show:"));
            }
        }
        if has {
            let (main, routine) = state.listed_changes();
            let open = state.side_panel_open();
            let n = main.len() + routine.len();
            let text = format!("Changes ({n})");
            let shown = if compact {
                format!("≡ {n}")
            } else {
                text.clone()
            };
            let resp = ui
                .add(egui::Button::selectable(open, shown))
                .on_hover_text("Show or hide the change list and summary (F9)");
            let name = format!("Side panel: {text}");
            resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &name));
            if resp.clicked() {
                out.push(Command::ToggleSidePanel);
            }
        }
        let theme = state.settings.theme;
        if tool_button(
            ui,
            true,
            &if compact {
                "◐".to_owned()
            } else {
                format!("◐ {}", theme.label())
            },
            "Theme",
            &format!("Theme: {} (click to cycle, Ctrl+T)", theme.label()),
        )
        .clicked()
        {
            out.push(Command::ToggleTheme);
        }
        if state.is_busy() {
            ui.separator();
            ui.spinner();
            ui.label(state.busy_label());
        }
    });
}

/// Errors and warnings, each dismissible, and all at once when there are several.
pub fn notices(ui: &mut Ui, state: &AppState, pal: &Palette, out: &mut Vec<Command>) {
    if state.notices.len() > 1
        && ui
            .small_button(format!("Dismiss all {} messages", state.notices.len()))
            .clicked()
    {
        out.push(Command::DismissAll);
    }
    for (i, n) in state.notices.iter().enumerate().take(6) {
        ui.horizontal(|ui| {
            let (tag, color) = match n.level {
                Level::Error => ("Error", pal.delete_fg),
                Level::Warning => ("Warning", pal.weak),
                Level::Info => ("Note", pal.weak),
            };
            if ui
                .small_button("Dismiss")
                .on_hover_text("Hide this message")
                .clicked()
            {
                out.push(Command::DismissNotice(i));
            }
            ui.label(RichText::new(format!("{tag}: {}", n.text)).color(color));
        });
    }
    if state.notices.len() > 6 {
        ui.label(format!("… and {} more messages", state.notices.len() - 6));
    }
}

/// The options of the Export menu: which paragraphs, which layout, the Word author.
fn export_options(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    use crate::report::{Layout, Only};
    ui.label("Show (HTML, PDF, Markdown, CSV, text):");
    for only in Only::ALL {
        let text = match only {
            Only::All => "All paragraphs",
            Only::Changes => "Changed paragraphs",
            Only::Substantive => "Substantive changes",
        };
        if ui.radio(state.export.only == only, text).clicked() {
            out.push(Command::SetExportOnly(only));
        }
    }
    ui.label("Layout (HTML, PDF):");
    for layout in Layout::ALL {
        let text = match layout {
            Layout::SideBySide => "Side by side",
            Layout::Redline => "Redline",
            Layout::Both => "Both",
        };
        if ui.radio(state.export.layout == layout, text).clicked() {
            out.push(Command::SetExportLayout(layout));
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label("Author (Word):");
        let mut name = state.export.author.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(140.0))
            .labelled_by(label.id)
            .changed()
        {
            out.push(Command::SetExportAuthor(name));
        }
    });
}

/// The status bar.
pub fn status_bar(ui: &mut Ui, state: &AppState) {
    ui.horizontal(|ui| {
        if state.is_busy() {
            ui.spinner();
            ui.label(state.busy_label());
        }
        if let Some(c) = &state.comparison {
            let routine = state.changes.iter().filter(|ch| ch.is_routine()).count();
            let renumbered = c
                .pairs
                .iter()
                .filter(|p| !crate::changes::is_listed(p) && p.status != Status::Unchanged)
                .count();
            // The same count as the change list's tab and the toolbar's toggle.
            let (main, listed_routine) = state.listed_changes();
            let listed = main.len() + listed_routine.len();
            let total = state.changes.len();
            let mut text = format!(
                "{} rows shown of {} pairs · ",
                state.rows.len(),
                c.pairs.len()
            );
            if listed == total {
                text.push_str(&format!("{total} changes ({routine} routine)"));
            } else {
                text.push_str(&format!(
                    "{listed} of {total} changes listed ({routine} routine)"
                ));
            }
            if renumbered > 0 {
                text.push_str(&format!(" · {renumbered} only renumbered"));
            }
            if state.settings.filter != Filter::All
                || state.change_kind != super::change_list::KindFilter::All
            {
                text.push_str(&format!(
                    " · showing {}, {}",
                    state.settings.filter.label().to_lowercase(),
                    state.change_kind.label().to_lowercase()
                ));
            }
            if !state.search.trim().is_empty() {
                text.push_str(&format!(
                    " · {} hits for “{}”",
                    state.hit_total(),
                    state.search.trim()
                ));
            }
            ui.label(text);
        } else if !state.is_busy() && !state.series.shown {
            ui.label(
                "Open two versions of a resolution (File > Open, or drop files on the window).",
            );
        }
        if !state.status_line.is_empty() {
            ui.separator();
            ui.label(&state.status_line);
        }
    });
}

/// The References list: one entry per reference added or removed, with the ids of the
/// paragraphs it was added to or removed from (`+ added 65/141 in PP1, OP5`), and the first pair.
pub fn reference_entries(c: &Comparison) -> Vec<(String, usize)> {
    let mut groups: Vec<(bool, &str, Vec<usize>)> = Vec::new();
    for r in &c.summary.reference_changes {
        match groups
            .iter_mut()
            .find(|g| g.0 == r.added && g.1 == r.reference)
        {
            Some(g) => {
                if !g.2.contains(&r.pair) {
                    g.2.push(r.pair);
                }
            }
            None => groups.push((r.added, &r.reference, vec![r.pair])),
        }
    }
    groups
        .into_iter()
        .map(|(added, reference, pairs)| {
            let ids: Vec<String> = pairs
                .iter()
                .filter_map(|&i| c.pairs.get(i))
                .map(|p| super::text::id_label(c, p))
                .collect();
            let text = format!(
                "{} {reference} in {}",
                if added { "+ added" } else { "− removed" },
                ids.join(", ")
            );
            (text, pairs[0])
        })
        .collect()
}

fn doc_block(ui: &mut Ui, heading: &str, c: &Comparison, side: Side, path: Option<&PathBuf>) {
    let doc = match side {
        Side::Old => &c.old,
        Side::New => &c.new,
    };
    ui.label(RichText::new(heading).strong());
    ui.label(format!(
        "Symbol: {}",
        doc.meta.symbol.as_deref().unwrap_or("(none)")
    ));
    if let Some(t) = &doc.meta.title {
        ui.label(format!("Title: {t}"));
    }
    ui.label(format!(
        "Date: {}",
        doc.meta.date.as_deref().unwrap_or("(unknown)")
    ));
    ui.label(format!("File: {}", file_label(path.map(|p| p.as_path()))));
    ui.label(format!("{} paragraphs", doc.paragraphs.len()));
}

/// The side panel: the change list or the summary, one tab each.
pub fn side_panel(
    ui: &mut Ui,
    state: &AppState,
    lui: &mut ChangeListUi,
    pal: &Palette,
    out: &mut Vec<Command>,
) {
    let Some(c) = state.comparison.clone() else {
        ui.label("No comparison yet.");
        return;
    };
    ui.horizontal(|ui| {
        let (main, routine) = state.listed_changes();
        for (tab, text) in [
            (
                SideTab::Changes,
                format!("Changes ({})", main.len() + routine.len()),
            ),
            (SideTab::Summary, "Summary".to_owned()),
        ] {
            if ui.selectable_label(state.side_tab == tab, text).clicked() {
                out.push(Command::SetSideTab(tab));
            }
        }
    });
    ui.separator();
    if state.side_tab == SideTab::Changes {
        super::change_list::show(ui, state, lui, pal, out);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("summary_scroll")
        .show(ui, |ui| {
            ui.heading("Documents");
            doc_block(ui, "Old", &c, Side::Old, state.old.path.as_ref());
            ui.add_space(4.0);
            doc_block(ui, "New", &c, Side::New, state.new.path.as_ref());
            ui.separator();
            ui.heading("Summary");
            let s = &c.summary;
            ui.label(format!(
                "Similarity {} · {} substantive · {} routine",
                s.similarity_label(),
                s.substantive,
                s.routine
            ));
            if let Some(t) = state.compare_time {
                ui.label(
                    RichText::new(format!("Compared in {:.0} ms", t.as_secs_f64() * 1000.0))
                        .color(pal.weak),
                );
            }
            for st in Status::ALL {
                let n = s.counts.get(st);
                if n == 0 {
                    continue;
                }
                let resp = ui.link(format!("{}: {n}", badge(st)));
                if resp
                    .on_hover_text(format!("Show only {} rows", st.as_str()))
                    .clicked()
                {
                    out.push(Command::SetFilter(Filter::Status(st)));
                }
            }
            if state.settings.filter != Filter::All && ui.link("Show all rows").clicked() {
                out.push(Command::SetFilter(Filter::All));
            }
            ui.separator();
            egui::CollapsingHeader::new(format!("Renumbering ({})", s.renumbering.len()))
                .id_salt("renumbering")
                .default_open(false)
                .show(ui, |ui| {
                    if s.renumbering.is_empty() {
                        ui.label("No operative paragraph changed number.");
                    }
                    for r in &s.renumbering {
                        if ui.link(format!("{} → {}", r.old, r.new)).clicked() {
                            out.push(Command::JumpTo(r.new.clone()));
                        }
                    }
                });
            egui::CollapsingHeader::new(format!("Lead phrases ({})", s.lead_changes.len()))
                .id_salt("lead_changes")
                .default_open(true)
                .show(ui, |ui| {
                    if s.lead_changes.is_empty() {
                        ui.label("No lead phrase changed.");
                    }
                    for e in &s.lead_changes {
                        let sign = match e.change.direction {
                            Direction::Stronger => "▲",
                            Direction::Weaker => "▼",
                            Direction::Neutral => "≠",
                            Direction::Reversed => "⇄",
                        };
                        let text =
                            format!("{sign} {}: {} → {}", e.new_id, e.change.old, e.change.new);
                        if ui.link(text).clicked() {
                            out.push(Command::GoToPair(e.pair));
                        }
                    }
                });
            let refs = reference_entries(&c);
            egui::CollapsingHeader::new(format!("References ({})", refs.len()))
                .id_salt("references")
                .default_open(true)
                .show(ui, |ui| {
                    if refs.is_empty() {
                        ui.label("No reference added or removed.");
                    }
                    for (text, pair) in refs {
                        if ui.link(text).clicked() {
                            out.push(Command::GoToPair(pair));
                        }
                    }
                });
            if !c.warnings.is_empty() {
                egui::CollapsingHeader::new(format!("Warnings ({})", c.warnings.len()))
                    .id_salt("warnings")
                    .show(ui, |ui| {
                        for w in &c.warnings {
                            ui.label(w);
                        }
                    });
            }
        });
}
