//! Drawing the series view: the timeline of versions, the newest text with blame colouring,
//! and the side panel with the selected paragraph's history (each step's word diff) and the
//! provenance of the wording the series inserted.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke, Ui};

use crate::diff::{ChangeKind, DiffOp, OpKind};
use crate::series::Series;

use super::command::Command;
use super::palette::Palette;
use super::panels::UiRequest;
use super::series::SeriesCommand;
use super::state::AppState;

/// The background tint of words introduced by version `version` (`None` for the oldest
/// version, whose text is the baseline). Light tints in light mode and deep ones in dark mode,
/// so the document text stays readable on every tint (a unit test checks the contrast).
pub fn blame_tint(version: usize, dark: bool) -> Option<Color32> {
    const LIGHT: [Color32; 6] = [
        Color32::from_rgb(0xff, 0xe8, 0xa8), // amber
        Color32::from_rgb(0xc8, 0xe6, 0xff), // blue
        Color32::from_rgb(0xd6, 0xf5, 0xc8), // green
        Color32::from_rgb(0xf5, 0xd0, 0xf0), // pink
        Color32::from_rgb(0xd8, 0xd4, 0xff), // violet
        Color32::from_rgb(0xc8, 0xf2, 0xec), // teal
    ];
    const DARK: [Color32; 6] = [
        Color32::from_rgb(0x5a, 0x46, 0x10),
        Color32::from_rgb(0x18, 0x3c, 0x66),
        Color32::from_rgb(0x24, 0x4e, 0x1c),
        Color32::from_rgb(0x5a, 0x22, 0x52),
        Color32::from_rgb(0x36, 0x2c, 0x6a),
        Color32::from_rgb(0x14, 0x4c, 0x46),
    ];
    let k = version.checked_sub(1)?;
    Some(if dark { DARK } else { LIGHT }[k % LIGHT.len()])
}

/// The "Series" menu.
pub fn menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>, req: &mut Vec<UiRequest>) {
    ui.menu_button("Series", |ui| {
        if ui.button("Open versions of a resolution…").clicked() {
            req.push(UiRequest::PickSeries);
        }
        if ui.button("Open a folder of versions…").clicked() {
            req.push(UiRequest::PickSeriesFolder);
        }
        let has = state.series.series.is_some();
        ui.separator();
        if ui
            .add_enabled(has, egui::Button::new("Find agreed language in a corpus…"))
            .clicked()
        {
            req.push(UiRequest::PickCorpus);
        }
        ui.separator();
        let mut shown = state.series.shown;
        if ui
            .add_enabled(has, egui::Checkbox::new(&mut shown, "Show the series"))
            .clicked()
        {
            out.push(Command::Series(SeriesCommand::Show(shown)));
        }
        let mut blame = state.series.show_blame;
        if ui
            .add_enabled(
                has,
                egui::Checkbox::new(&mut blame, "Colour words by version"),
            )
            .clicked()
        {
            out.push(Command::Series(SeriesCommand::SetBlame(blame)));
        }
    });
}

/// The timeline: one chip per version (oldest first) with its blame colour, stage, date and
/// the number of words of the newest text it wrote; arrows to reorder.
fn timeline(ui: &mut Ui, state: &AppState, s: &Series, pal: &Palette, out: &mut Vec<Command>) {
    let dark = ui.visuals().dark_mode;
    let counts = state
        .series
        .blame
        .as_ref()
        .map(|b| b.counts(s.versions.len()))
        .unwrap_or_default();
    let n = s.versions.len();
    ui.horizontal_wrapped(|ui| {
        for (i, v) in s.versions.iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("→").size(18.0).color(pal.weak));
            }
            let fill = blame_tint(i, dark).unwrap_or(ui.visuals().extreme_bg_color);
            egui::Frame::new()
                .fill(fill)
                .stroke(Stroke::new(1.0, pal.rule))
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        ui.label(RichText::new(&v.symbol).strong().color(pal.text))
                            .on_hover_text(v.file.display().to_string());
                        ui.label(
                            RichText::new(format!(
                                "{} · {}",
                                v.stage.as_str(),
                                v.date.as_deref().unwrap_or("no date")
                            ))
                            .color(pal.text),
                        );
                        if let Some(c) = counts.get(i) {
                            ui.label(
                                RichText::new(format!("{c} words of the newest")).color(pal.text),
                            );
                        }
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(i > 0, egui::Button::new("◀").small())
                                .on_hover_text("Move this version earlier")
                                .clicked()
                            {
                                out.push(Command::Series(SeriesCommand::MoveVersion {
                                    from: i,
                                    to: i - 1,
                                }));
                            }
                            if ui
                                .add_enabled(i + 1 < n, egui::Button::new("▶").small())
                                .on_hover_text("Move this version later")
                                .clicked()
                            {
                                out.push(Command::Series(SeriesCommand::MoveVersion {
                                    from: i,
                                    to: i + 1,
                                }));
                            }
                        });
                    });
                });
        }
    });
}

/// The text of paragraph `k` of the newest version, words tinted by the version that
/// introduced them when blame is on.
fn blame_job(
    state: &AppState,
    s: &Series,
    k: usize,
    pal: &Palette,
    dark: bool,
    width: f32,
) -> LayoutJob {
    let text = s
        .newest()
        .doc
        .paragraphs
        .get(k)
        .map_or("", |p| p.text.as_str());
    let font = FontId::proportional(state.settings.text_size);
    let plain = TextFormat {
        font_id: font,
        color: pal.text,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let words = state
        .series
        .blame
        .as_ref()
        .filter(|_| state.series.show_blame)
        .and_then(|b| b.paragraphs.iter().find(|p| p.paragraph == k))
        .map(|p| p.words.as_slice())
        .unwrap_or(&[]);
    let mut at = 0;
    let mut prev: Option<usize> = None;
    for w in words {
        if w.start < at || w.end > text.len() {
            continue;
        }
        if let Some(gap) = text.get(at..w.start) {
            // The space between two words of the same version takes their tint, so a run
            // reads as one block.
            let mut f = plain.clone();
            if prev == Some(w.version)
                && let Some(bg) = blame_tint(w.version, dark)
            {
                f.background = bg;
            }
            job.append(gap, 0.0, f);
        }
        prev = Some(w.version);
        let mut fmt = plain.clone();
        if let Some(bg) = blame_tint(w.version, dark) {
            fmt.background = bg;
        }
        if w.routine {
            fmt.underline = Stroke::new(1.0, pal.routine);
        }
        if let Some(word) = text.get(w.start..w.end) {
            job.append(word, 0.0, fmt);
        }
        at = w.end;
    }
    if let Some(rest) = text.get(at..) {
        job.append(rest, 0.0, plain);
    }
    job
}

/// The central panel of the series view.
pub fn central(ui: &mut Ui, state: &AppState, pal: &Palette, out: &mut Vec<Command>) {
    let Some(s) = state.series.series.clone() else {
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.spinner();
            ui.label("Reading and comparing the versions…");
        });
        return;
    };
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.heading(format!(
            "{} versions: {} → {}",
            s.versions.len(),
            s.versions[0].symbol,
            s.newest().symbol
        ));
        if state.series.loading.is_some() {
            ui.spinner();
        }
    });
    timeline(ui, state, &s, pal, out);
    ui.horizontal(|ui| {
        let mut blame = state.series.show_blame;
        if ui
            .checkbox(
                &mut blame,
                "Colour words by the version that introduced them",
            )
            .clicked()
        {
            out.push(Command::Series(SeriesCommand::SetBlame(blame)));
        }
        if state.comparison.is_some() && ui.button("Back to the pair").clicked() {
            out.push(Command::Series(SeriesCommand::Show(false)));
        }
    });
    ui.separator();
    let width = ui.available_width();
    egui::ScrollArea::vertical()
        .id_salt("series_text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for h in &s.paragraphs {
                let k = h.paragraph;
                let Some(p) = s.newest().doc.paragraphs.get(k) else {
                    continue;
                };
                let selected = state.series.selected == Some(k);
                let frame = egui::Frame::new().inner_margin(4.0).stroke(if selected {
                    Stroke::new(2.0, pal.focus)
                } else {
                    Stroke::NONE
                });
                let row = frame
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let first = &s.versions[h.first_version].symbol;
                            let changed = h.changed_in.len();
                            ui.label(RichText::new(&p.id).strong().color(pal.text));
                            ui.label(
                                RichText::new(format!(
                                    "since {first}{}",
                                    if changed > 0 {
                                        format!(" · changed {changed}×")
                                    } else {
                                        String::new()
                                    }
                                ))
                                .color(pal.weak),
                            );
                        });
                        let job = blame_job(state, &s, k, pal, dark, width - 24.0);
                        ui.add(egui::Label::new(job).selectable(false));
                    })
                    .response
                    .interact(egui::Sense::click());
                // Reachable with Tab and named for screen readers; Enter or Space selects.
                row.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        selected,
                        format!("Paragraph {}: show its history", p.id),
                    )
                });
                if row.clicked() {
                    out.push(Command::Series(SeriesCommand::Select(k)));
                }
            }
        });
}

/// A step's word diff as a layout job: deletions struck through, insertions underlined,
/// routine updates muted.
fn ops_job(ops: &[DiffOp], pal: &Palette, size: f32, width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let plain = TextFormat {
        font_id: FontId::proportional(size),
        color: pal.text,
        ..Default::default()
    };
    for op in ops {
        let mut f = plain.clone();
        match (op.op, op.routine) {
            (OpKind::Equal, _) => {}
            (OpKind::Delete, true) => {
                f.color = pal.routine;
                f.strikethrough = Stroke::new(1.0, pal.routine);
            }
            (OpKind::Insert, true) => {
                f.color = pal.routine;
                f.underline = Stroke::new(1.0, pal.routine);
            }
            (OpKind::Delete, false) => {
                f.color = pal.delete_fg;
                f.background = pal.delete_bg;
                f.strikethrough = Stroke::new(1.5, pal.delete_fg);
            }
            (OpKind::Insert, false) => {
                f.color = pal.insert_fg;
                f.background = pal.insert_bg;
                f.underline = Stroke::new(1.5, pal.insert_fg);
            }
        }
        job.append(&op.text, 0.0, f);
    }
    job
}

fn change_label(c: Option<ChangeKind>) -> &'static str {
    match c {
        None => "",
        Some(ChangeKind::None) => "unchanged text",
        Some(ChangeKind::Routine) => "routine update",
        Some(ChangeKind::Footnote) => "footnotes changed",
        Some(ChangeKind::Substantive) => "changed",
    }
}

/// The side panel: the selected paragraph's history and the provenance of its new wording.
pub fn side_panel(
    ui: &mut Ui,
    state: &AppState,
    pal: &Palette,
    out: &mut Vec<Command>,
    req: &mut Vec<UiRequest>,
) {
    let Some(s) = state.series.series.clone() else {
        return;
    };
    let size = state.settings.text_size - 1.0;
    egui::ScrollArea::vertical()
        .id_salt("series_side")
        .show(ui, |ui| {
            let width = ui.available_width() - 8.0;
            match state.series.selected_history() {
                None => {
                    ui.label("Select a paragraph to see its history.");
                }
                Some(h) => {
                    let id = s
                        .newest()
                        .doc
                        .paragraphs
                        .get(h.paragraph)
                        .map_or("", |p| p.id.as_str());
                    ui.heading(format!("History of {id}"));
                    ui.label(format!(
                        "First in {}; changed in {}",
                        s.versions[h.first_version].symbol,
                        if h.changed_in.is_empty() {
                            "no later version".to_owned()
                        } else {
                            h.changed_in
                                .iter()
                                .map(|&v| s.versions[v].symbol.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    ));
                    for e in &h.history {
                        ui.separator();
                        let v = &s.versions[e.version];
                        let status = e.status.map_or("original", |st| st.as_str());
                        ui.label(
                            RichText::new(format!(
                                "{} · {} · {status}{}",
                                v.symbol,
                                s.ids(e.version, &e.paragraphs),
                                match change_label(e.change) {
                                    "" => String::new(),
                                    c => format!(" · {c}"),
                                }
                            ))
                            .strong(),
                        );
                        let ops = s.step_ops(e);
                        let shows_diff = matches!(
                            e.change,
                            Some(
                                ChangeKind::Substantive
                                    | ChangeKind::Routine
                                    | ChangeKind::Footnote
                            )
                        );
                        if shows_diff && !ops.is_empty() {
                            ui.label(ops_job(&ops, pal, size, width));
                        } else if e.status.is_none() || e.change.is_none() {
                            let text: Vec<&str> = e
                                .paragraphs
                                .iter()
                                .filter_map(|&k| v.doc.paragraphs.get(k))
                                .map(|p| p.text.as_str())
                                .collect();
                            ui.label(RichText::new(text.join("\n")).size(size).color(pal.text));
                        }
                    }
                    ui.separator();
                    provenance_section(ui, state, h.paragraph, pal, out, req);
                }
            }
            ui.separator();
            egui::CollapsingHeader::new(format!("Removed along the way ({})", s.removed.len()))
                .id_salt("series_removed")
                .show(ui, |ui| {
                    if s.removed.is_empty() {
                        ui.label("No paragraph was dropped.");
                    }
                    for r in &s.removed {
                        let v = &s.versions[r.version];
                        let id = v
                            .doc
                            .paragraphs
                            .get(r.paragraph)
                            .map_or("", |p| p.id.as_str());
                        ui.label(format!(
                            "{id} of {}, removed in {}",
                            v.symbol, s.versions[r.removed_in].symbol
                        ));
                    }
                });
        });
}

fn provenance_section(
    ui: &mut Ui,
    state: &AppState,
    k: usize,
    pal: &Palette,
    out: &mut Vec<Command>,
    req: &mut Vec<UiRequest>,
) {
    ui.heading("Agreed language");
    if let Some(run) = &state.series.index_run {
        let (done, total) = run.progress();
        ui.label(format!("Indexing {}…", run.corpus.display()));
        let frac = if total > 0 {
            done as f32 / total as f32
        } else {
            0.0
        };
        ui.add(egui::ProgressBar::new(frac).text(format!("{done} of {total} files")));
        if ui.button("Cancel").clicked() {
            out.push(Command::Series(SeriesCommand::CancelIndex));
        }
        return;
    }
    let Some(prov) = &state.series.provenance else {
        ui.label("Where the wording this series added already stands in earlier documents.");
        if ui.button("Choose a corpus folder…").clicked() {
            req.push(UiRequest::PickCorpus);
        }
        return;
    };
    ui.label(
        RichText::new(format!(
            "{} documents of {}",
            prov.documents,
            prov.corpus.display()
        ))
        .color(pal.weak),
    );
    let spans = state.series.inserted_provenance(k);
    if spans.is_empty() {
        ui.label("None of the wording this series added to this paragraph is found in an earlier document of the corpus.");
    }
    let mut openable: Vec<&String> = Vec::new();
    for sp in &spans {
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!("“{}”", sp.text))
                .italics()
                .color(pal.text),
        );
        let (Some(first), Some(last)) = (sp.sources.first(), sp.sources.last()) else {
            continue;
        };
        let src = |s: &crate::provenance::Source| {
            format!(
                "{} {} ({})",
                s.symbol,
                s.paragraph,
                s.date.as_deref().unwrap_or("no date")
            )
        };
        ui.label(format!(
            "{} source{}: earliest {}{}",
            sp.sources.len(),
            if sp.sources.len() == 1 { "" } else { "s" },
            src(first),
            if sp.sources.len() > 1 {
                format!(", most recent {}", src(last))
            } else {
                String::new()
            }
        ));
        for s in [first, last] {
            if !openable.contains(&&s.symbol) && prov.files.contains_key(&s.symbol) {
                openable.push(&s.symbol);
            }
        }
    }
    // One button per source document (earliest and most recent of each passage).
    ui.horizontal_wrapped(|ui| {
        for symbol in openable {
            if ui
                .button(format!("Open {symbol} side by side"))
                .on_hover_text("Compare that document with the newest version, on this paragraph")
                .clicked()
            {
                out.push(Command::Series(SeriesCommand::OpenSource(symbol.clone())));
            }
        }
    });
    if ui.button("Update the index").clicked() {
        out.push(Command::Series(SeriesCommand::BuildIndex {
            corpus: prov.corpus.clone(),
            index: Some(prov.index.clone()),
        }));
    }
}
