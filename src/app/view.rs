//! The two-column comparison view: one row per aligned pair, only visible rows laid out.

use egui::text::LayoutJob;
use egui::{
    Align, CornerRadius, FontId, Label, Layout, Pos2, Rect, RichText, Sense, Shape, Stroke,
    TextFormat, Ui, UiBuilder, pos2, vec2,
};

use crate::compare::{Comparison, Pair, Status};
use crate::diff::{ChangeKind, Direction, OpKind};

use super::command::{Command, CopyWhat, Side};
use super::filter::is_change;
use super::palette::Palette;
use super::state::{AppState, Row};
use super::text::{find_matches, id_label, ops_match, side_paragraphs, side_text};

/// Width of the gutter with ids and badges.
pub const GUTTER_W: f32 = 132.0;
/// Width of the gap (and splitter) between the columns.
pub const SPLIT_W: f32 = 12.0;
/// Width of the overview strip.
pub const STRIP_W: f32 = 14.0;
/// Padding around a row's content (above, below, left of the gutter).
pub const PAD: f32 = 6.0;

/// Average width of a character of document text, as a share of the text size (7.05 points at
/// 15 points in egui's default font, measured on 66/184 PP1).
pub const CHAR_W: f32 = 0.47;

/// The width the central panel needs so that each of the two text columns holds `chars`
/// characters of document text at `text_size` points.
pub fn central_width_for(chars: f32, text_size: f32) -> f32 {
    2.0 * chars * CHAR_W * text_size + GUTTER_W + SPLIT_W + 2.0 * PAD + STRIP_W + 14.0 + 16.0
}

/// Per-window state of the view: measured row heights and pending scrolls.
#[derive(Debug, Default)]
pub struct ViewState {
    heights: Vec<f32>,
    measured: Vec<bool>,
    key: (u32, u32, usize, usize),
    pending_scroll: Option<(usize, u8)>,
    pending_offset: Option<f32>,
    /// The scroll offset of the last frame.
    pub offset: f32,
    /// When set, the scroll offset is forced to this value (scroll benchmark).
    pub forced_offset: Option<f32>,
    /// Height of all rows, from the last frame.
    pub content_height: f32,
    /// Height of the visible part, from the last frame.
    pub viewport_height: f32,
    /// Frames in which row heights were still being corrected.
    pub unsettled: bool,
    /// Widths of the text columns drawn last frame (old, new), in points; in the inline view
    /// the one column's width twice.
    pub columns: (f32, f32),
}

/// A short badge for a status: a sign and a word, so colour is never the only cue.
pub fn badge(status: Status) -> &'static str {
    match status {
        Status::Unchanged => "= same",
        Status::Renumbered => "# renumbered",
        Status::Modified => "~ modified",
        Status::Moved => "⇄ moved",
        Status::Split => "÷ split",
        Status::Merged => "× merged",
        Status::Added => "+ added",
        Status::Removed => "− removed",
    }
}

/// The lead-phrase callout: `▲ stronger: Encourages → Urges`.
pub fn lead_callout(pair: &Pair) -> Option<(String, Direction)> {
    let lc = pair.class.lead_change.as_ref()?;
    let (sign, word) = match lc.direction {
        Direction::Stronger => ("▲", "stronger"),
        Direction::Weaker => ("▼", "weaker"),
        Direction::Neutral => ("≠", "lead changed"),
        Direction::Reversed => ("⇄", "reversed"),
    };
    let moved = match lc.kind_change {
        Some(crate::diff::KindChange::OperativeToPreambular) => " (operative → preambular)",
        Some(crate::diff::KindChange::PreambularToOperative) => " (preambular → operative)",
        None => "",
    };
    Some((
        format!("{sign} {word}: {} → {}{moved}", lc.old, lc.new),
        lc.direction,
    ))
}

fn estimate(c: &Comparison, row: Row, col_w: f32, size: f32) -> f32 {
    let line = size * 1.35;
    match row {
        Row::MovedFrom(_) => line + 2.0 * PAD,
        Row::Pair(i) => {
            let Some(p) = c.pairs.get(i) else {
                return line;
            };
            let chars = side_text(c, p, Side::Old)
                .chars()
                .count()
                .max(side_text(c, p, Side::New).chars().count()) as f32;
            let per_line = (col_w / (size * 0.48)).max(10.0);
            let lines = (chars / per_line).ceil().max(1.0);
            lines * line + 2.0 * PAD
        }
    }
}

impl ViewState {
    /// Ask the view to bring `row` to the top for the next frames.
    pub fn scroll_to_row(&mut self, row: usize) {
        self.pending_offset = None;
        self.pending_scroll = Some((row, 4));
    }

    /// Scroll by `dy` points from the current position (positive is down).
    pub fn scroll_by(&mut self, dy: f32) {
        let base = self.pending_offset.unwrap_or(self.offset);
        let max = (self.content_height - self.viewport_height).max(0.0);
        self.pending_scroll = None;
        self.pending_offset = Some((base + dy).clamp(0.0, max));
    }

    /// Scroll to the top (`false`) or the bottom (`true`).
    pub fn scroll_to_end(&mut self, bottom: bool) {
        self.pending_scroll = None;
        self.pending_offset = Some(if bottom {
            (self.content_height - self.viewport_height).max(0.0)
        } else {
            0.0
        });
    }

    /// The height of row `r` as drawn (or estimated, if it was never on screen), in points.
    pub fn row_height(&self, r: usize) -> Option<f32> {
        self.heights.get(r).copied()
    }

    /// Whether row `r` has been drawn (its height is measured, not estimated).
    pub fn row_measured(&self, r: usize) -> bool {
        self.measured.get(r).copied().unwrap_or(false)
    }

    fn prefix(&self) -> Vec<f32> {
        let mut v = Vec::with_capacity(self.heights.len() + 1);
        let mut y = 0.0;
        v.push(0.0);
        for h in &self.heights {
            y += h;
            v.push(y);
        }
        v
    }
}

/// The text of one side of a pair as a layout job: deleted words struck through (old side),
/// inserted words highlighted and underlined (new side), routine updates muted, search hits
/// marked, footnote markers raised.
pub fn side_job(
    c: &Comparison,
    pair: &Pair,
    side: Side,
    pal: &Palette,
    size: f32,
    query: &str,
    width: f32,
) -> LayoutJob {
    let text = side_text(c, pair, side);
    // (start, end, changed, routine)
    let mut spans: Vec<(usize, usize, bool, bool)> = Vec::new();
    if ops_match(c, pair) && !matches!(pair.status, Status::Added | Status::Removed) {
        let mut pos = 0;
        for op in &pair.ops {
            let changed = match (op.op, side) {
                (OpKind::Equal, _) => false,
                (OpKind::Delete, Side::Old) | (OpKind::Insert, Side::New) => true,
                _ => continue,
            };
            spans.push((pos, pos + op.text.len(), changed, op.routine));
            pos += op.text.len();
        }
    } else {
        spans.push((0, text.len(), false, false));
    }
    let hits = find_matches(&text, query.trim());
    let mut markers: Vec<(usize, u32)> = Vec::new();
    let mut base = 0;
    for p in side_paragraphs(c, pair, side) {
        for r in &p.footnote_refs {
            markers.push((base + r.offset.min(p.text.len()), r.number));
        }
        base += p.text.len() + 1;
    }
    markers.sort_unstable();

    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (a, b, _, _) in &spans {
        cuts.push(*a);
        cuts.push(*b);
    }
    for h in &hits {
        cuts.push(h.start);
        cuts.push(h.end);
    }
    cuts.extend(markers.iter().map(|m| m.0));
    cuts.retain(|x| *x <= text.len() && text.is_char_boundary(*x));
    cuts.sort_unstable();
    cuts.dedup();

    let font = FontId::proportional(size);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let plain = TextFormat {
        font_id: font.clone(),
        color: pal.text,
        ..Default::default()
    };
    let marker_fmt = TextFormat {
        font_id: FontId::proportional((size * 0.7).round()),
        color: pal.link,
        valign: Align::TOP,
        ..Default::default()
    };
    let mut next_marker = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next_marker < markers.len() && markers[next_marker].0 <= a {
            job.append(&markers[next_marker].1.to_string(), 0.0, marker_fmt.clone());
            next_marker += 1;
        }
        let Some(seg) = text.get(a..b) else {
            continue;
        };
        let mut fmt = plain.clone();
        if let Some((_, _, changed, routine)) = spans.iter().find(|s| s.0 <= a && a < s.1)
            && *changed
        {
            if *routine {
                fmt.color = pal.routine;
                let line = Stroke::new(1.0, pal.routine);
                match side {
                    Side::Old => fmt.strikethrough = line,
                    Side::New => fmt.underline = line,
                }
            } else {
                match side {
                    Side::Old => {
                        fmt.color = pal.delete_fg;
                        fmt.background = pal.delete_bg;
                        fmt.strikethrough = Stroke::new(1.5, pal.delete_fg);
                    }
                    Side::New => {
                        fmt.color = pal.insert_fg;
                        fmt.background = pal.insert_bg;
                        fmt.underline = Stroke::new(1.5, pal.insert_fg);
                    }
                }
            }
        }
        if hits.iter().any(|h| h.start <= a && a < h.end) {
            fmt.background = pal.hit_bg;
            fmt.color = pal.hit_fg;
        }
        job.append(seg, 0.0, fmt);
    }
    while next_marker < markers.len() {
        job.append(&markers[next_marker].1.to_string(), 0.0, marker_fmt.clone());
        next_marker += 1;
    }
    job
}

/// The underline segments of a laid-out text, relative to the galley: one `(stroke, x0, x1, y)`
/// per run of underlined glyphs on a row, at the y egui draws them.
pub fn underline_segments(galley: &egui::Galley) -> Vec<(Stroke, f32, f32, f32)> {
    let mut out = Vec::new();
    // Each glyph is one character of the text, in order (a row's closing `\n` has none).
    let mut chars = galley.job.text.char_indices();
    for placed in &galley.rows {
        let mut run: Option<(Stroke, f32, f32, f32)> = None;
        for g in &placed.row.glyphs {
            let byte = chars.by_ref().find(|(_, ch)| *ch == g.chr).map(|(b, _)| b);
            let stroke = byte
                .and_then(|b| {
                    galley
                        .job
                        .sections
                        .iter()
                        .find(|s| s.byte_range.contains(&egui::epaint::text::ByteIndex(b)))
                })
                .map_or(Stroke::NONE, |s| s.format.underline);
            let x0 = placed.pos.x + g.pos.x;
            let x1 = x0 + g.advance_width;
            let y = placed.pos.y + g.logical_rect().bottom();
            match &mut run {
                Some(r) if r.0 == stroke && r.3 == y => r.2 = x1,
                _ => {
                    out.extend(run.take());
                    if !stroke.is_empty() {
                        run = Some((stroke, x0, x1, y));
                    }
                }
            }
        }
        out.extend(run);
    }
    out
}

/// Draw the underlines of a laid-out text again, over it: egui draws each row's underline
/// before the next row's background, which then hides it (the insertion background reaches
/// the row boundary), so a long inserted passage lost its underline on all but its last line.
fn paint_underlines(painter: &egui::Painter, galley: &egui::Galley, origin: Pos2) {
    for (stroke, x0, x1, y) in underline_segments(galley) {
        painter.hline(
            (origin.x + x0)..=(origin.x + x1),
            origin.y + y - stroke.width / 2.0,
            stroke,
        );
    }
}

/// The hover text of one side's routine marks: each muted change with the rule that made it
/// routine (`65/141 → 66/184: 65/141 (the predecessor) replaced by …`), so every muted change can
/// be audited.
pub fn routine_hover(pair: &Pair, side: Side) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for op in pair.ops.iter().filter(|o| o.routine) {
        let shown = matches!(
            (op.op, side),
            (OpKind::Delete, Side::Old) | (OpKind::Insert, Side::New)
        );
        let text = op.text.trim();
        if !shown || text.is_empty() {
            continue;
        }
        let why = op.routine_reason.as_deref().unwrap_or("routine update");
        let line = format!("muted “{text}”: {why}");
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn footnote_hover(c: &Comparison, pair: &Pair, side: Side) -> Option<String> {
    let doc = match side {
        Side::Old => &c.old,
        Side::New => &c.new,
    };
    let mut lines = Vec::new();
    for p in side_paragraphs(c, pair, side) {
        for r in &p.footnote_refs {
            let text = doc
                .footnote(r.number)
                .map(|f| f.text.as_str())
                .unwrap_or("(footnote text not found in this document)");
            lines.push(format!("{}: {}", r.number, text));
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Draw the column headers, the rows, the splitter and the overview strip. User actions are
/// pushed to `out`.
pub fn show(
    ui: &mut Ui,
    state: &mut AppState,
    view: &mut ViewState,
    pal: &Palette,
    out: &mut Vec<Command>,
) {
    let Some(c) = state.comparison.clone() else {
        return;
    };
    if let Some(r) = state.scroll_request.take() {
        view.scroll_to_row(r);
    }
    let size = state.settings.text_size;
    let full = ui.available_rect_before_wrap();
    let body_w = (full.width() - STRIP_W - 14.0).max(200.0);
    let text_w = (body_w - GUTTER_W - SPLIT_W - 2.0 * PAD).max(100.0);
    let old_w = (text_w * state.settings.split).round();
    let new_w = text_w - old_w;
    view.columns = if state.layout == super::change_list::ViewLayout::Inline {
        (old_w + SPLIT_W + new_w, old_w + SPLIT_W + new_w)
    } else {
        (old_w, new_w)
    };

    // Column headers.
    let header_h = 24.0;
    let header = Rect::from_min_size(full.min, vec2(body_w, header_h));
    let not_resolution = |d: &crate::model::Resolution| {
        if d.structured {
            ""
        } else {
            " — not a resolution (plain text)"
        }
    };
    let old_label = format!(
        "Old: {}{}",
        c.old
            .label(&super::state::file_label(state.old.path.as_deref())),
        not_resolution(&c.old)
    );
    let new_label = format!(
        "New: {}{}",
        c.new
            .label(&super::state::file_label(state.new.path.as_deref())),
        not_resolution(&c.new)
    );
    let x_old = full.min.x + GUTTER_W + PAD;
    let x_new = x_old + old_w + SPLIT_W;
    let inline_layout = state.layout == super::change_list::ViewLayout::Inline;
    // The layout toggle sits over the gutter: two columns ⇄ one redline column (Ctrl+L).
    let toggle = ui
        .put(
            Rect::from_min_size(pos2(full.min.x, full.min.y), vec2(GUTTER_W - PAD, header_h)),
            egui::Button::selectable(
                inline_layout,
                if inline_layout {
                    "▣ Inline"
                } else {
                    "◫ Side by side"
                },
            )
            .small(),
        )
        .on_hover_text("Switch between two columns and one redline column (Ctrl+L)");
    toggle.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, inline_layout, "Inline redline")
    });
    if toggle.clicked() {
        out.push(Command::SetLayout(if inline_layout {
            super::change_list::ViewLayout::SideBySide
        } else {
            super::change_list::ViewLayout::Inline
        }));
    }
    if inline_layout {
        ui.put(
            Rect::from_min_size(
                pos2(x_old, full.min.y),
                vec2(old_w + SPLIT_W + new_w, header_h),
            ),
            Label::new(
                RichText::new(format!(
                    "Redline: {old_label} → {new_label} (deleted struck, inserted underlined)"
                ))
                .strong(),
            )
            .truncate(),
        );
    } else {
        ui.put(
            Rect::from_min_size(pos2(x_old, full.min.y), vec2(old_w, header_h)),
            Label::new(RichText::new(old_label).strong()).truncate(),
        );
        ui.put(
            Rect::from_min_size(pos2(x_new, full.min.y), vec2(new_w, header_h)),
            Label::new(RichText::new(new_label).strong()).truncate(),
        );
    }
    ui.painter()
        .hline(full.x_range(), header.bottom(), Stroke::new(1.0, pal.rule));

    let body = Rect::from_min_max(
        pos2(full.min.x, header.bottom() + 1.0),
        pos2(full.min.x + body_w + 14.0, full.max.y),
    );
    let strip = Rect::from_min_max(pos2(body.max.x, body.min.y), pos2(full.max.x, full.max.y));

    // Row heights: reset when the width, text size or rows change.
    let col_w = if inline_layout {
        old_w + SPLIT_W + new_w
    } else {
        old_w.min(new_w)
    };
    let key = (
        col_w.round() as u32,
        size.to_bits(),
        state.rows.len(),
        std::sync::Arc::as_ptr(&c) as usize,
    );
    if key != view.key || view.heights.len() != state.rows.len() {
        view.key = key;
        let w = col_w;
        view.heights = state
            .rows
            .iter()
            .map(|r| estimate(&c, *r, w, size))
            .collect();
        view.measured = vec![false; state.rows.len()];
    }
    let prefix = view.prefix();
    let total = prefix.last().copied().unwrap_or(0.0);

    let mut area = egui::ScrollArea::vertical()
        .id_salt("comparison_rows")
        .auto_shrink([false, false]);
    keyboard_scroll(ui, view, size);
    if let Some(off) = view.forced_offset.or(view.pending_offset.take()) {
        area = area.vertical_scroll_offset(off.clamp(0.0, (total - body.height()).max(0.0)));
    } else if let Some((row, left)) = view.pending_scroll {
        let y = prefix.get(row).copied().unwrap_or(0.0);
        area = area.vertical_scroll_offset((y - 4.0).max(0.0));
        view.pending_scroll = (left > 1).then_some((row, left - 1));
        ui.ctx().request_repaint();
    }

    let query = state.search.clone();
    let current = state.current;
    let inline = state.layout == super::change_list::ViewLayout::Inline;
    let current_row = current.and_then(|i| state.row_of_pair(i));
    // A row shows its copy buttons when it is current or under the pointer.
    let show_buttons = |ui: &Ui, r: usize, at: Pos2, h: f32| {
        current_row == Some(r) || ui.rect_contains_pointer(Rect::from_min_size(at, vec2(body_w, h)))
    };
    let mut measured_changed = false;
    let mut top_row = 0;
    let output = ui
        .scope_builder(UiBuilder::new().max_rect(body), |ui| {
            area.show_viewport(ui, |ui, viewport| {
                ui.set_min_height(total);
                ui.set_min_width(body_w);
                let origin = ui.max_rect().min;
                let start = prefix
                    .partition_point(|y| *y <= viewport.min.y)
                    .saturating_sub(1);
                top_row = start;
                let mut r = start;
                while r < state.rows.len() && prefix.get(r).is_some_and(|y| *y < viewport.max.y) {
                    let y = origin.y + prefix[r];
                    let row = state.rows[r];
                    let known_h = view.heights.get(r).copied().unwrap_or(0.0);
                    let buttons = show_buttons(ui, r, pos2(origin.x, y), known_h);
                    let h = draw_row(
                        ui,
                        &c,
                        row,
                        r,
                        pos2(origin.x, y),
                        (old_w, new_w),
                        pal,
                        size,
                        &query,
                        current,
                        (inline, buttons),
                        out,
                    );
                    if let Some(old) = view.heights.get_mut(r)
                        && (*old - h).abs() > 0.5
                    {
                        *old = h;
                        measured_changed = true;
                    }
                    if let Some(m) = view.measured.get_mut(r) {
                        *m = true;
                    }
                    r += 1;
                }
            })
        })
        .inner;
    state.top_row = top_row;
    view.content_height = total;
    view.viewport_height = output.inner_rect.height();
    view.unsettled = measured_changed;
    if measured_changed {
        ui.ctx().request_repaint();
    }
    let offset = output.state.clamped_offset().y;
    view.offset = offset;

    if !inline_layout {
        splitter(ui, state, pal, full, (x_old, x_new, old_w, text_w), out);
    }
    draw_overview(ui, state, view, &c, pal, strip, &prefix, total, offset, out);
}

/// The splitter between the columns: drag, arrow keys, double click, screen-reader actions.
fn splitter(
    ui: &mut Ui,
    state: &AppState,
    pal: &Palette,
    full: Rect,
    (x_old, x_new, old_w, text_w): (f32, f32, f32, f32),
    out: &mut Vec<Command>,
) {
    // Splitter between the columns.
    let split_rect = Rect::from_min_max(
        pos2(x_old + old_w + 1.0, full.min.y),
        pos2(x_new - 1.0, full.max.y),
    );
    let split = ui.interact(
        split_rect,
        ui.scope_id().with("column_splitter"),
        Sense::drag(),
    );
    let share = state.settings.split;
    split.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::Splitter, true, "Column splitter");
        info.value = Some(f64::from(share));
        info
    });
    ui.ctx().accesskit_node_builder(split.id, |node| {
        use egui::accesskit::{Action, Orientation};
        node.set_orientation(Orientation::Vertical);
        node.set_min_numeric_value(0.2);
        node.set_max_numeric_value(0.8);
        node.set_numeric_value_step(f64::from(SPLIT_STEP));
        node.add_action(Action::Increment);
        node.add_action(Action::Decrement);
        node.add_action(Action::SetValue);
    });
    // Screen readers: Increment/Decrement step the old column's share, SetValue sets it.
    let (steps, set) = ui.input(|i| {
        use egui::accesskit::{Action, ActionData};
        let steps = i.num_accesskit_action_requests(split.id, Action::Increment) as f32
            - i.num_accesskit_action_requests(split.id, Action::Decrement) as f32;
        let set = i
            .accesskit_action_requests(split.id, Action::SetValue)
            .filter_map(|r| match r.data {
                Some(ActionData::NumericValue(v)) => Some(v as f32),
                _ => None,
            })
            .last();
        (steps, set)
    });
    if steps != 0.0 || set.is_some() {
        out.push(Command::SetSplit(set.unwrap_or(share) + steps * SPLIT_STEP));
    }
    let split = split
        .on_hover_cursor(egui::CursorIcon::ResizeHorizontal)
        .on_hover_text("Drag to resize the columns; when focused, Left/Right arrows move it and Enter makes them equal");
    if split.double_clicked() {
        out.push(Command::SetSplit(0.5));
    }
    if split.has_focus() {
        keep_arrow_keys(ui, split.id, true);
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft) {
                out.push(Command::SetSplit(state.settings.split - SPLIT_STEP));
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight) {
                out.push(Command::SetSplit(state.settings.split + SPLIT_STEP));
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Enter) {
                out.push(Command::SetSplit(0.5));
            }
        });
    }
    let stroke_color = if split.hovered() || split.dragged() || split.has_focus() {
        pal.focus
    } else {
        pal.rule
    };
    ui.painter().vline(
        split_rect.center().x,
        full.y_range(),
        Stroke::new(
            if split.dragged() || split.has_focus() {
                2.0
            } else {
                1.0
            },
            stroke_color,
        ),
    );
    if split.dragged() {
        let dx = split.drag_delta().x;
        out.push(Command::SetSplit(state.settings.split + dx / text_w));
    }
}

/// While widget `id` has the focus, its arrow keys (left/right when `horizontal`, else up/down)
/// act on it instead of moving the focus away.
fn keep_arrow_keys(ui: &Ui, id: egui::Id, horizontal: bool) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            egui::EventFilter {
                horizontal_arrows: horizontal,
                vertical_arrows: !horizontal,
                ..Default::default()
            },
        )
    });
}

/// Share of the text width one arrow key press moves the splitter.
pub const SPLIT_STEP: f32 = 0.05;

/// Page Up/Down, Ctrl+Home/End (and Home/End, Up/Down when no widget has the keyboard focus)
/// scroll the rows. Nothing happens while a text field is being edited.
fn keyboard_scroll(ui: &Ui, view: &mut ViewState, size: f32) {
    if ui.ctx().text_edit_focused() {
        return;
    }
    let nothing_focused = ui.memory(|m| m.focused().is_none());
    let page = (view.viewport_height - 3.0 * size).max(size);
    let line = size * 2.5;
    let none = egui::Modifiers::NONE;
    ui.input_mut(|i| {
        if i.consume_key(none, egui::Key::PageDown) {
            view.scroll_by(page);
        }
        if i.consume_key(none, egui::Key::PageUp) {
            view.scroll_by(-page);
        }
        if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Home)
            || (nothing_focused && i.consume_key(none, egui::Key::Home))
        {
            view.scroll_to_end(false);
        }
        if i.consume_key(egui::Modifiers::COMMAND, egui::Key::End)
            || (nothing_focused && i.consume_key(none, egui::Key::End))
        {
            view.scroll_to_end(true);
        }
        if nothing_focused && i.consume_key(none, egui::Key::ArrowDown) {
            view.scroll_by(line);
        }
        if nothing_focused && i.consume_key(none, egui::Key::ArrowUp) {
            view.scroll_by(-line);
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn draw_row(
    ui: &mut Ui,
    c: &Comparison,
    row: Row,
    r: usize,
    top_left: Pos2,
    (old_w, new_w): (f32, f32),
    pal: &Palette,
    size: f32,
    query: &str,
    current: Option<usize>,
    (inline, show_buttons): (bool, bool),
    out: &mut Vec<Command>,
) -> f32 {
    let bg_idx = ui.painter().add(Shape::Noop);
    let x_gutter = top_left.x + PAD;
    let x_old = top_left.x + GUTTER_W + PAD;
    let x_new = x_old + old_w + SPLIT_W;
    let y = top_left.y + PAD;
    let small = FontId::proportional((size * 0.8).max(10.0));
    let (pair_idx, status, mut heights) = match row {
        Row::MovedFrom(i) => {
            let Some(p) = c.pairs.get(i) else {
                return 0.0;
            };
            let old_ids = super::text::side_ids(c, p, Side::Old);
            let new_ids = super::text::side_ids(c, p, Side::New);
            let h = column(ui, ("moved_from", r), pos2(x_old, y), old_w, |ui| {
                let link = ui.link(
                    RichText::new(format!("↪ {old_ids} stood here; moved to {new_ids} (go)"))
                        .color(pal.link)
                        .font(small.clone()),
                );
                if link.clicked() {
                    out.push(Command::GoToPair(i));
                }
            });
            let g = column(
                ui,
                ("moved_from_gutter", r),
                pos2(x_gutter, y),
                GUTTER_W - 2.0 * PAD,
                |ui| {
                    ui.label(
                        RichText::new(badge(Status::Moved))
                            .background_color(pal.badge_bg(Status::Moved))
                            .color(pal.badge_text)
                            .font(small.clone()),
                    );
                },
            );
            (i, Status::Moved, [g, h, 0.0])
        }
        Row::Pair(i) => {
            let Some(p) = c.pairs.get(i) else {
                return 0.0;
            };
            let mut sides = [0.0f32; 2];
            // Inline: one column as wide as both, the redline drawn with the new side's notes.
            let columns: Vec<(usize, Side, f32, f32)> = if inline {
                vec![(1, Side::New, x_old, old_w + SPLIT_W + new_w)]
            } else {
                vec![(0, Side::Old, x_old, old_w), (1, Side::New, x_new, new_w)]
            };
            for (k, side, x, w) in columns {
                let empty = !inline && side_paragraphs(c, p, side).is_empty();
                sides[k] = column(ui, (side.label(), r), pos2(x, y), w, |ui| {
                    if p.status == Status::Moved && (!inline || side == Side::New) {
                        let text = match side {
                            Side::Old => "⇄ moved from its old position (show)",
                            Side::New => "⇄ moved here (show old position)",
                        };
                        if ui
                            .link(RichText::new(text).color(pal.link).font(small.clone()))
                            .clicked()
                        {
                            out.push(Command::GoToMovedFrom(i));
                        }
                    }
                    if side == Side::New
                        && let Some((text, dir)) = lead_callout(p)
                    {
                        let color = match dir {
                            Direction::Stronger => pal.stronger,
                            Direction::Weaker => pal.weaker,
                            Direction::Neutral => pal.weak,
                            Direction::Reversed => pal.weaker,
                        };
                        ui.label(
                            RichText::new(text)
                                .font(small.clone())
                                .color(color)
                                .strong(),
                        );
                    }
                    if empty {
                        let msg = match side {
                            Side::Old => "(not in the old version)",
                            Side::New => "(not in the new version)",
                        };
                        ui.label(
                            RichText::new(msg)
                                .italics()
                                .color(pal.weak)
                                .font(small.clone()),
                        );
                        return;
                    }
                    let job = if inline {
                        super::inline::inline_job(c, p, pal, size, query, w)
                    } else {
                        side_job(c, p, side, pal, size, query, w)
                    };
                    let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
                    let mut resp = ui.add(Label::new(galley.clone()).wrap());
                    paint_underlines(ui.painter(), &galley, resp.rect.min);
                    let mut notes = vec![footnote_hover(c, p, side), routine_hover(p, side)];
                    if inline {
                        notes.push(routine_hover(p, Side::Old));
                    }
                    let hover: Vec<String> = notes.into_iter().flatten().collect();
                    if !hover.is_empty() {
                        resp = resp.on_hover_text(hover.join("\n\n"));
                    }
                    resp.context_menu(|ui| {
                        if ui.button("Copy paragraph").clicked() {
                            out.push(Command::Copy(i, CopyWhat::from(side)));
                            ui.close();
                        }
                        if ui.button("Copy pair as redline").clicked() {
                            out.push(Command::Copy(i, CopyWhat::Redline));
                            ui.close();
                        }
                    });
                });
            }
            // The gutter after the text, so that it knows whether the row is one line.
            let text_h = sides[0].max(sides[1]);
            let g = column(
                ui,
                ("gutter", r),
                pos2(x_gutter, y),
                GUTTER_W - 2.0 * PAD,
                |ui| gutter(ui, c, p, i, pal, &small, (text_h, show_buttons), out),
            );
            (i, p.status, [g, sides[0], sides[1]])
        }
    };
    heights.sort_by(|a, b| b.total_cmp(a));
    let h = heights[0] + 2.0 * PAD;
    let width = GUTTER_W + PAD + old_w + SPLIT_W + new_w + PAD;
    let rect = Rect::from_min_size(top_left, vec2(width, h));
    let is_current = current == Some(pair_idx) && matches!(row, Row::Pair(_));
    let muted = c
        .pairs
        .get(pair_idx)
        .is_some_and(|p| p.class.kind == ChangeKind::Routine);
    let fill = if muted {
        pal.row_bg(Status::Unchanged)
    } else {
        pal.row_bg(status)
    };
    let mut shapes = vec![Shape::rect_filled(
        rect.shrink2(vec2(0.0, 1.0)),
        CornerRadius::same(3),
        fill,
    )];
    if status != Status::Unchanged {
        shapes.push(Shape::rect_filled(
            Rect::from_min_size(rect.min + vec2(0.0, 1.0), vec2(3.0, h - 2.0)),
            CornerRadius::ZERO,
            if muted {
                pal.routine
            } else {
                pal.badge_bg(status)
            },
        ));
    }
    if is_current {
        // The current row: a 3-point outline and a 6-point bar in the focus colour.
        shapes.push(Shape::rect_stroke(
            rect.shrink(1.0),
            CornerRadius::same(3),
            Stroke::new(3.0, pal.focus),
            egui::StrokeKind::Inside,
        ));
        shapes.push(Shape::rect_filled(
            Rect::from_min_size(rect.min + vec2(0.0, 1.0), vec2(6.0, h - 2.0)),
            CornerRadius::same(2),
            pal.focus,
        ));
    }
    ui.painter().set(bg_idx, Shape::Vec(shapes));
    h
}

/// The gutter of a pair's row, on one line: the paragraph id, the status as a sign chip (with
/// its word when it fits), and the classification as the chip's colour (routine: grey) and a
/// short tag (`routine`, `¹` for footnotes). A substantive change needs no tag: its chip keeps
/// the status colour. The whole reading is the hover text and the accessible name.
///
/// The copy buttons show only on the current row and the row under the pointer: on a line of
/// their own when the text is at least two gutter lines tall, else in place of the chip (one
/// button, the redline; the right-click menu has the rest), so that one-line rows stay one line.
#[allow(clippy::too_many_arguments)]
fn gutter(
    ui: &mut Ui,
    c: &Comparison,
    p: &Pair,
    i: usize,
    pal: &Palette,
    small: &FontId,
    (text_h, show_buttons): (f32, bool),
    out: &mut Vec<Command>,
) {
    let ids = id_label(c, p);
    let routine = p.class.kind == ChangeKind::Routine;
    let (tag, tag_word) = match p.class.kind {
        ChangeKind::Routine => ("routine", "routine update"),
        ChangeKind::Footnote => ("¹", "footnotes changed"),
        ChangeKind::Substantive if !matches!(p.status, Status::Added | Status::Removed) => {
            ("", "substantive")
        }
        _ => ("", ""),
    };
    let full = badge(p.status);
    let sign = full.split(' ').next().unwrap_or(full);
    let avail = ui.available_width();
    let gap = 4.0;
    let width = |ui: &Ui, t: &str| -> f32 {
        if t.is_empty() {
            return 0.0;
        }
        ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(t.to_owned(), small.clone(), pal.text)
                .size()
                .x
        })
    };
    let line_h = ui.ctx().fonts_mut(|f| f.row_height(small));
    let two_lines = text_h >= 2.0 * line_h + ui.spacing().item_spacing.y;
    let inline_button = show_buttons && !two_lines;
    let id_w = width(ui, &ids);
    let tag_w = if tag.is_empty() {
        0.0
    } else {
        gap + width(ui, tag)
    };
    let chip = if id_w + gap + width(ui, full) + tag_w <= avail {
        full
    } else {
        sign
    };
    let mut reading = format!("{ids}: {full}");
    if !tag_word.is_empty() {
        reading.push_str(&format!(", {tag_word}"));
    }
    let chip_bg = if routine {
        pal.routine
    } else {
        pal.badge_bg(p.status)
    };
    // A horizontal line is at least `interact_size.y` tall (18 points): no taller than the text.
    ui.spacing_mut().interact_size.y = line_h;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        ui.label(
            RichText::new(&ids)
                .font(small.clone())
                .color(pal.text)
                .strong(),
        )
        .on_hover_text(&reading);
        if inline_button {
            copy_button(ui, c, p, i, "Copy", CopyWhat::Redline, out);
            return;
        }
        let chip = ui
            .label(
                RichText::new(chip)
                    .background_color(chip_bg)
                    .color(pal.badge_text)
                    .font(small.clone()),
            )
            .on_hover_text(&reading);
        // Screen readers hear the whole reading, not the sign alone.
        chip.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &reading));
        if !tag.is_empty() {
            let color = if routine { pal.routine } else { pal.weak };
            ui.label(RichText::new(tag).font(small.clone()).color(color))
                .on_hover_text(&reading);
        }
    });
    if !show_buttons || inline_button {
        return;
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        copy_button(ui, c, p, i, "Copy", CopyWhat::Redline, out);
        for (side, text) in [(Side::Old, "old"), (Side::New, "new")] {
            if !side_paragraphs(c, p, side).is_empty() {
                copy_button(ui, c, p, i, text, CopyWhat::from(side), out);
            }
        }
    });
}

/// One of a row's copy buttons: `Copy` (the pair as redline), `old`, `new`.
fn copy_button(
    ui: &mut Ui,
    c: &Comparison,
    p: &Pair,
    i: usize,
    text: &str,
    what: CopyWhat,
    out: &mut Vec<Command>,
) {
    let name = match what {
        CopyWhat::Redline => format!("Copy {} as redline text", id_label(c, p)),
        CopyWhat::Old => format!(
            "Copy the old text ({})",
            super::text::side_ids(c, p, Side::Old)
        ),
        CopyWhat::New => format!(
            "Copy the new text ({})",
            super::text::side_ids(c, p, Side::New)
        ),
    };
    let hover = if matches!(what, CopyWhat::Redline) {
        format!("{name} (right-click the text for more)")
    } else {
        name.clone()
    };
    let resp = ui.small_button(text).on_hover_text(hover);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if resp.clicked() {
        out.push(Command::Copy(i, what));
    }
}

fn column(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    at: Pos2,
    width: f32,
    add: impl FnOnce(&mut Ui),
) -> f32 {
    let rect = Rect::from_min_size(at, vec2(width.max(20.0), 100_000.0));
    let child = ui.scope_builder(
        UiBuilder::new()
            .id_salt(salt)
            .max_rect(rect)
            .layout(Layout::top_down(Align::Min)),
        |ui| {
            ui.spacing_mut().item_spacing.y = 3.0;
            add(ui);
        },
    );
    child.response.rect.height()
}

#[allow(clippy::too_many_arguments)]
fn draw_overview(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ViewState,
    c: &Comparison,
    pal: &Palette,
    strip: Rect,
    prefix: &[f32],
    total: f32,
    offset: f32,
    out: &mut Vec<Command>,
) {
    if total <= 0.0 || strip.height() <= 0.0 {
        return;
    }
    let resp = ui.interact(
        strip,
        ui.scope_id().with("overview_strip"),
        Sense::click_and_drag(),
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ScrollBar, true, "Change overview"));
    let resp = resp.on_hover_text(
        "Where the changes are: click or drag to go there. \
         When focused, Up/Down go to the previous/next change, Home/End to the start/end.",
    );
    if resp.has_focus() {
        keep_arrow_keys(ui, resp.id, false);
        let none = egui::Modifiers::NONE;
        ui.input_mut(|i| {
            if i.consume_key(none, egui::Key::ArrowDown) {
                out.push(Command::NextChange);
            }
            if i.consume_key(none, egui::Key::ArrowUp) {
                out.push(Command::PrevChange);
            }
            if i.consume_key(none, egui::Key::Home) {
                view.scroll_to_end(false);
            }
            if i.consume_key(none, egui::Key::End) {
                view.scroll_to_end(true);
            }
        });
    }
    let painter = ui.painter_at(strip);
    painter.rect_filled(strip, CornerRadius::ZERO, pal.strip_bg);
    let scale = strip.height() / total;
    for (r, row) in state.rows.iter().enumerate() {
        if let Row::Pair(i) = row
            && let Some(p) = c.pairs.get(*i)
            && is_change(p)
        {
            let y = strip.top() + prefix.get(r).copied().unwrap_or(0.0) * scale;
            let color = if p.class.kind == ChangeKind::Routine {
                pal.routine
            } else {
                pal.badge_bg(p.status)
            };
            painter.rect_filled(
                Rect::from_min_size(pos2(strip.left() + 2.0, y), vec2(strip.width() - 4.0, 3.0)),
                CornerRadius::ZERO,
                color,
            );
        }
    }
    if !state.hits.is_empty() {
        for (pair, _) in &state.hits {
            if let Some(r) = state.row_of_pair(*pair) {
                let y = strip.top() + prefix.get(r).copied().unwrap_or(0.0) * scale;
                painter.rect_filled(
                    Rect::from_min_size(pos2(strip.left(), y), vec2(4.0, 3.0)),
                    CornerRadius::ZERO,
                    pal.hit_bg,
                );
            }
        }
    }
    let vis = Rect::from_min_max(
        pos2(strip.left(), strip.top() + offset * scale),
        pos2(
            strip.right(),
            strip.top() + (offset + view.viewport_height) * scale,
        ),
    );
    painter.rect_stroke(
        vis,
        CornerRadius::same(2),
        Stroke::new(1.0, pal.strip_view),
        egui::StrokeKind::Inside,
    );
    if resp.has_focus() {
        painter.rect_stroke(
            strip,
            CornerRadius::ZERO,
            Stroke::new(2.0, pal.focus),
            egui::StrokeKind::Inside,
        );
    }
    if (resp.clicked() || resp.dragged())
        && let Some(pos) = resp.interact_pointer_pos()
    {
        let target = ((pos.y - strip.top()) / scale - view.viewport_height / 2.0).max(0.0);
        let row = prefix.partition_point(|y| *y <= target).saturating_sub(1);
        view.scroll_to_row(row);
    }
}
