//! A PDF redline drawn with `pdf-writer`: DejaVu Sans embedded (Type 0 / CIDFontType2 with a
//! ToUnicode map, so text is selectable and extractable), text wrapped to the A4 page width,
//! insertions green and underlined, deletions red and struck through (lines drawn, so they survive
//! black-and-white printing), routine changes grey, a running header with both symbols and
//! `Page N of M` footers.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::common::labels;
use super::common::{direction_str, numbered_ops, pair_label, paragraphs, summary_lines};
use super::common::{kind_label, only_note, shown, status_label};
use super::options::Layout as ReportLayout;
use super::{RenderOptions, ReportError};
use crate::compare::{Comparison, Status};
use crate::diff::{FootnoteChange, OpKind};

/// The embedded font (Bitstream Vera licence, see `assets/fonts/DejaVuSans-LICENSE.txt`).
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 56.0;
const TOP: f32 = PAGE_H - 72.0;
const BOTTOM: f32 = 60.0;
const FONT_NAME: Name<'static> = Name(b"F1");

/// How a piece of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Bold,
    Muted,
    /// Text of a paragraph that did not change: quieter than changed text.
    Quiet,
    Ins,
    Del,
    InsRoutine,
    DelRoutine,
}

impl Style {
    fn color(self) -> (f32, f32, f32) {
        match self {
            Style::Plain | Style::Bold => (0.0, 0.0, 0.0),
            Style::Muted => (0.35, 0.35, 0.35),
            Style::Quiet => (0.45, 0.45, 0.45),
            Style::Ins => (0.03, 0.42, 0.16),
            Style::Del => (0.72, 0.12, 0.10),
            Style::InsRoutine | Style::DelRoutine => (0.50, 0.50, 0.50),
        }
    }
}

/// The font with its metrics, recording every glyph used (for widths and the ToUnicode map).
struct Font<'a> {
    face: ttf_parser::Face<'a>,
    upem: f32,
    used: BTreeMap<u16, char>,
}

impl<'a> Font<'a> {
    fn new(data: &'a [u8]) -> Result<Self, ReportError> {
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|e| ReportError::Pdf(format!("embedded font unreadable: {e}")))?;
        let upem = f32::from(face.units_per_em());
        Ok(Self {
            face,
            upem,
            used: BTreeMap::new(),
        })
    }

    fn glyph(&self, ch: char) -> u16 {
        let ch = if ch == '\t' || ch == '\u{a0}' {
            ' '
        } else {
            ch
        };
        self.face.glyph_index(ch).map_or(0, |g| g.0)
    }

    /// Advance of a glyph in thousandths of the font size.
    fn advance_units(&self, gid: u16) -> f32 {
        let adv = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        f32::from(adv) * 1000.0 / self.upem
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance_units(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// Glyph ids of `text` as the 2-byte codes of the Identity-H encoding.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for ch in text.chars() {
            let g = self.glyph(ch);
            self.used.entry(g).or_insert(ch);
            out.extend_from_slice(&g.to_be_bytes());
        }
        out
    }
}

/// A run of text with one style.
#[derive(Debug, Clone)]
struct Span {
    text: String,
    style: Style,
}

impl Span {
    fn new(text: impl Into<String>, style: Style) -> Self {
        Self {
            text: text.into(),
            style,
        }
    }
}

/// A word (with its trailing spaces) of one style, measured.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    style: Style,
    width: f32,
    /// Width without trailing spaces (what is drawn at a line end and underlined).
    ink: f32,
}

/// One laid-out line: pieces with their x offsets.
type Line = Vec<(f32, Piece)>;

struct Layout<'a> {
    font: Font<'a>,
    pages: Vec<Content>,
    /// Never drawn; a target for [`Layout::page`] that needs no panic path.
    scratch: Content,
    y: f32,
    /// Draw change bars in the left margin beside lines with changes.
    bars: bool,
    /// Where each pair's heading stands: pair index → (page, y of its top).
    anchors: BTreeMap<usize, (usize, f32)>,
    /// Index lines waiting for their page number: (page, right edge x, baseline y, pair).
    slots: Vec<(usize, f32, f32, usize)>,
    /// Internal links: (page, rectangle, target pair).
    links: Vec<(usize, Rect, usize)>,
    /// Outline entries: (level 0 or 1, title, page, y).
    outline: Vec<(u8, String, usize, f32)>,
}

impl<'a> Layout<'a> {
    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        // Never empty here; the fallback only keeps this free of panics.
        if self.pages.last().is_none() {
            self.pages.push(Content::new());
        }
        match self.pages.last_mut() {
            Some(page) => page,
            None => &mut self.scratch,
        }
    }

    /// The index of the current page (0 before the first).
    fn page_no(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = TOP;
    }

    /// Start a new page unless `needed` points fit below the current position.
    fn ensure(&mut self, needed: f32) {
        if self.pages.is_empty() || self.y - needed < BOTTOM {
            self.new_page();
        }
    }

    /// Split spans into measured pieces: one per word with its trailing whitespace; `\n` becomes
    /// a forced break (`None`).
    fn pieces(&self, spans: &[Span], size: f32) -> Vec<Option<Piece>> {
        let mut out = Vec::new();
        for span in spans {
            for (k, segment) in span.text.split('\n').enumerate() {
                if k > 0 {
                    out.push(None);
                }
                let mut word = String::new();
                let mut in_space = false;
                for ch in segment.chars() {
                    let space = ch.is_whitespace();
                    if !space && in_space && !word.is_empty() {
                        out.push(Some(self.piece(
                            std::mem::take(&mut word),
                            span.style,
                            size,
                        )));
                    }
                    in_space = space;
                    word.push(ch);
                }
                if !word.is_empty() {
                    out.push(Some(self.piece(word, span.style, size)));
                }
            }
        }
        out
    }

    fn piece(&self, text: String, style: Style, size: f32) -> Piece {
        let width = self.font.width(&text, size);
        let ink = self.font.width(text.trim_end(), size);
        Piece {
            text,
            style,
            width,
            ink,
        }
    }

    /// Break pieces into lines no wider than `width`; words wider than a line are cut by chars.
    fn lines(&self, pieces: Vec<Option<Piece>>, width: f32, size: f32) -> Vec<Line> {
        let mut lines: Vec<Line> = Vec::new();
        let mut cur: Line = Vec::new();
        let mut x = 0.0f32;
        for p in pieces {
            let Some(p) = p else {
                lines.push(std::mem::take(&mut cur));
                x = 0.0;
                continue;
            };
            if x > 0.0 && x + p.ink > width {
                lines.push(std::mem::take(&mut cur));
                x = 0.0;
            }
            if p.ink > width {
                // Cut an over-long word into chunks that fit.
                let mut chunk = String::new();
                for ch in p.text.chars() {
                    let mut next = chunk.clone();
                    next.push(ch);
                    if !chunk.is_empty() && x + self.font.width(&next, size) > width {
                        let piece = self.piece(std::mem::take(&mut chunk), p.style, size);
                        cur.push((x, piece));
                        lines.push(std::mem::take(&mut cur));
                        x = 0.0;
                        chunk.push(ch);
                    } else {
                        chunk = next;
                    }
                }
                if !chunk.is_empty() {
                    let piece = self.piece(chunk, p.style, size);
                    let w = piece.width;
                    cur.push((x, piece));
                    x += w;
                }
                continue;
            }
            let w = p.width;
            cur.push((x, p));
            x += w;
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
        lines
    }

    /// Draw a block of styled text at indent `indent` (from the left margin), wrapping it.
    fn block(&mut self, spans: &[Span], size: f32, indent: f32, space_after: f32) {
        let leading = size * 1.35;
        let width = PAGE_W - 2.0 * MARGIN_X - indent;
        let pieces = self.pieces(spans, size);
        let lines = self.lines(pieces, width, size);
        for line in lines {
            self.ensure(leading);
            self.y -= leading;
            let y = self.y + size * 0.25;
            let x0 = MARGIN_X + indent;
            self.draw_line(&line, x0, y, size);
            if self.bars {
                self.change_bar(&line, y, size, MARGIN_X - 9.0);
            }
        }
        self.y -= space_after;
    }

    /// A bar in the margin at `x` beside a line with changes: dark for a substantive change,
    /// thin and grey for routine updates only.
    fn change_bar(&mut self, line: &Line, y: f32, size: f32, x: f32) {
        let substantive = line
            .iter()
            .any(|(_, p)| matches!(p.style, Style::Ins | Style::Del));
        let routine = line
            .iter()
            .any(|(_, p)| matches!(p.style, Style::InsRoutine | Style::DelRoutine));
        let (gray, width) = match (substantive, routine) {
            (true, _) => (0.15, 2.0),
            (false, true) => (0.65, 0.8),
            _ => return,
        };
        let c = self.page();
        c.set_stroke_gray(gray);
        c.set_line_width(width);
        c.move_to(x, y - size * 0.3);
        c.line_to(x, y + size * 1.05);
        c.stroke();
    }

    /// Old and new text of a pair in two columns, line by line; each column's lines carry
    /// change bars in its own margin.
    fn columns(&mut self, left: &[Span], right: &[Span], size: f32, space_after: f32) {
        let leading = size * 1.35;
        let gap = 18.0;
        let width = (PAGE_W - 2.0 * MARGIN_X - gap) / 2.0;
        let l = self.lines(self.pieces(left, size), width, size);
        let r = self.lines(self.pieces(right, size), width, size);
        let empty: Line = Vec::new();
        for k in 0..l.len().max(r.len()) {
            self.ensure(leading);
            self.y -= leading;
            let y = self.y + size * 0.25;
            let xr = MARGIN_X + width + gap;
            let (a, b) = (l.get(k).unwrap_or(&empty), r.get(k).unwrap_or(&empty));
            self.draw_line(a, MARGIN_X, y, size);
            self.draw_line(b, xr, y, size);
            if self.bars {
                self.change_bar(a, y, size, MARGIN_X - 9.0);
                self.change_bar(b, y, size, xr - 6.0);
            }
        }
        self.y -= space_after;
    }

    fn draw_line(&mut self, line: &Line, x0: f32, y: f32, size: f32) {
        let count = line.len();
        for (i, (x, piece)) in line.iter().enumerate() {
            let last = i + 1 == count;
            let text = if last {
                piece.text.trim_end()
            } else {
                piece.text.as_str()
            };
            if text.is_empty() {
                continue;
            }
            let encoded = self.font.encode(text);
            let (r, g, b) = piece.style.color();
            let bold = piece.style == Style::Bold;
            let content = self.page();
            content.set_fill_rgb(r, g, b);
            content.begin_text();
            content.set_font(FONT_NAME, size);
            if bold {
                content.set_stroke_rgb(r, g, b);
                content.set_line_width(size * 0.035);
                content.set_text_rendering_mode(TextRenderingMode::FillStroke);
            }
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x0 + x, y]);
            content.show(Str(&encoded));
            if bold {
                content.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            content.end_text();
            // Marks drawn as lines: underline for insertions, strike-through for deletions. The
            // mark spans the whitespace between words of one run but not a line's last space.
            let next_same = line.get(i + 1).is_some_and(|(_, n)| n.style == piece.style);
            let mark_w = if next_same { piece.width } else { piece.ink };
            let (ly, lw) = match piece.style {
                Style::Ins | Style::InsRoutine => (y - size * 0.14, size * 0.06),
                Style::Del | Style::DelRoutine => (y + size * 0.30, size * 0.06),
                Style::Plain | Style::Bold | Style::Muted | Style::Quiet => continue,
            };
            let content = self.page();
            content.set_stroke_rgb(r, g, b);
            content.set_line_width(lw);
            content.move_to(x0 + x, ly);
            content.line_to(x0 + x + mark_w, ly);
            content.stroke();
        }
    }

    /// A thin horizontal rule.
    fn rule(&mut self, gap: f32) {
        self.ensure(gap * 2.0);
        self.y -= gap;
        let y = self.y;
        let c = self.page();
        c.set_stroke_rgb(0.6, 0.6, 0.6);
        c.set_line_width(0.5);
        c.move_to(MARGIN_X, y);
        c.line_to(PAGE_W - MARGIN_X, y);
        c.stroke();
        self.y -= gap;
    }
}

fn op_style(kind: OpKind, routine: bool) -> Style {
    match (kind, routine) {
        (OpKind::Equal, _) => Style::Plain,
        (OpKind::Insert, false) => Style::Ins,
        (OpKind::Delete, false) => Style::Del,
        (OpKind::Insert, true) => Style::InsRoutine,
        (OpKind::Delete, true) => Style::DelRoutine,
    }
}

/// The outline section a pair belongs to: `Preamble`, `Operative part`, `Annex 1`, `Other text`.
fn section_title(c: &Comparison, pair: &crate::compare::Pair) -> String {
    use crate::model::{ParagraphKind, Part};
    let p = paragraphs(&c.new, &pair.new)
        .first()
        .or(paragraphs(&c.old, &pair.old).first())
        .copied();
    match p.map(|p| (&p.part, p.kind, p.is_operative_like())) {
        Some((Part::Annex { index, .. }, _, _)) => format!("Annex {index}"),
        Some((_, ParagraphKind::Preambular, _)) => "Preamble".to_string(),
        Some((_, ParagraphKind::Operative | ParagraphKind::Heading, _))
        | Some((_, ParagraphKind::SubParagraph, true)) => "Operative part".to_string(),
        Some((_, ParagraphKind::SubParagraph, false)) => "Preamble".to_string(),
        _ => "Other text".to_string(),
    }
}

/// The cover: the compared files, when and with which version, the counts, a legend, then the
/// index of substantive changes, one line each with a slot for its page number (filled once
/// the body is laid out) and a link to the change.
fn cover(l: &mut Layout, c: &Comparison, opts: &RenderOptions) {
    let (old_label, new_label) = labels(c, opts);
    l.outline
        .push((0, "Cover and change index".to_string(), 0, TOP));
    l.block(
        &[Span::new(
            format!("Comparison of {old_label} (old) and {new_label} (new)"),
            Style::Bold,
        )],
        14.0,
        0.0,
        6.0,
    );
    for (k, v) in super::common::cover_rows(c, opts) {
        l.block(
            &[
                Span::new(format!("{k}: "), Style::Bold),
                Span::new(v, Style::Plain),
            ],
            9.5,
            0.0,
            1.0,
        );
    }
    l.y -= 3.0;
    if let Some(first) = summary_lines(c).first() {
        l.block(&[Span::new(first.clone(), Style::Plain)], 9.5, 0.0, 2.0);
    }
    l.block(
        &[
            Span::new("Legend: ", Style::Bold),
            Span::new("deleted text", Style::Del),
            Span::new("   ", Style::Plain),
            Span::new("inserted text", Style::Ins),
            Span::new("   ", Style::Plain),
            Span::new("routine update", Style::InsRoutine),
            Span::new("   ", Style::Plain),
            Span::new("unchanged paragraph", Style::Quiet),
            Span::new("   a bar in the margin marks a changed line", Style::Plain),
        ],
        9.0,
        0.0,
        2.0,
    );
    l.rule(4.0);
    let entries = super::common::change_index(c, 400);
    l.block(
        &[Span::new(
            format!("Substantive changes ({})", entries.len()),
            Style::Bold,
        )],
        12.0,
        0.0,
        3.0,
    );
    if entries.is_empty() {
        l.block(
            &[Span::new("No substantive change.", Style::Plain)],
            10.0,
            0.0,
            2.0,
        );
    }
    let size = 8.5;
    let leading = size * 1.4;
    let right = PAGE_W - MARGIN_X;
    let text_w = right - MARGIN_X - 34.0;
    for e in entries {
        let head = format!("{}  ", e.label);
        let kind = format!("{}  ", e.kind);
        let used = l.font.width(&head, size) + l.font.width(&kind, size);
        // One line per entry: the excerpt is cut to what fits before the page number (one
        // pass over its characters).
        let room = text_w - used;
        let excerpt = if l.font.width(&e.excerpt, size) <= room {
            e.excerpt.clone()
        } else {
            let budget = room - l.font.width("…", size);
            let mut x = 0.0;
            let mut cut = 0;
            for (at, ch) in e.excerpt.char_indices() {
                x += l.font.advance_units(l.font.glyph(ch)) * size / 1000.0;
                if x > budget {
                    break;
                }
                cut = at + ch.len_utf8();
            }
            format!("{}…", e.excerpt.get(..cut).unwrap_or_default().trim_end())
        };
        l.ensure(leading);
        l.y -= leading;
        let y = l.y + size * 0.25;
        let line = vec![
            (0.0, l.piece(head.clone(), Style::Bold, size)),
            (
                l.font.width(&head, size),
                l.piece(kind.clone(), Style::Muted, size),
            ),
            (used, l.piece(excerpt, Style::Plain, size)),
        ];
        l.draw_line(&line, MARGIN_X, y, size);
        let page = l.page_no();
        l.slots.push((page, right, y, e.pair));
        l.links
            .push((page, Rect::new(MARGIN_X, y - 2.5, right, y + size), e.pair));
    }
}

/// Draw the whole report: the cover with the change index, then (on a new page) the summary and
/// the pairs `opts.only` keeps; returns the layout with one content stream per page.
fn layout<'a>(c: &Comparison, opts: &RenderOptions, font: Font<'a>) -> Layout<'a> {
    let mut l = Layout {
        font,
        pages: Vec::new(),
        scratch: Content::new(),
        y: TOP,
        bars: false,
        anchors: BTreeMap::new(),
        slots: Vec::new(),
        links: Vec::new(),
        outline: Vec::new(),
    };
    l.new_page();
    cover(&mut l, c, opts);
    l.new_page();
    l.outline.push((0, "Summary".to_string(), l.page_no(), TOP));
    l.block(&[Span::new("Summary", Style::Bold)], 12.0, 0.0, 3.0);
    for line in summary_lines(c) {
        l.block(&[Span::new(line, Style::Plain)], 10.0, 0.0, 1.0);
    }
    if !c.summary.renumbering.is_empty() {
        let map = super::common::renumbering_ranges(&c.summary.renumbering);
        l.block(
            &[
                Span::new("Renumbered: ", Style::Bold),
                Span::new(map.join(", "), Style::Plain),
            ],
            10.0,
            0.0,
            1.0,
        );
    }
    for lc in &c.summary.lead_changes {
        l.block(
            &[
                Span::new(
                    format!("Lead phrase {} → {}: ", lc.old_id, lc.new_id),
                    Style::Bold,
                ),
                Span::new(lc.change.old.clone(), Style::Del),
                Span::new(" → ", Style::Plain),
                Span::new(lc.change.new.clone(), Style::Ins),
                Span::new(
                    format!(" ({})", direction_str(lc.change.direction)),
                    Style::Plain,
                ),
            ],
            10.0,
            0.0,
            1.0,
        );
    }
    for w in &c.warnings {
        l.block(
            &[Span::new(format!("Warning: {w}"), Style::Muted)],
            9.5,
            0.0,
            1.0,
        );
    }
    if let Some(note) = only_note(c, opts.only) {
        l.block(&[Span::new(note, Style::Muted)], 9.5, 0.0, 2.0);
    }
    l.rule(5.0);

    let side_by_side = opts.layout == ReportLayout::SideBySide;
    let mut section = String::new();
    for (i, pair) in c
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| shown(p, opts.only))
    {
        let mut head = format!("{}  ·  {}", pair_label(c, pair), status_label(pair));
        if let Some(k) = kind_label(pair) {
            head.push_str("  ·  ");
            head.push_str(k);
        }
        if pair.renumbered && pair.status != Status::Renumbered {
            head.push_str("  ·  renumbered");
        }
        if let Some(lc) = &pair.class.lead_change {
            head.push_str(&format!(
                "  ·  lead “{}” → “{}” ({})",
                lc.old,
                lc.new,
                direction_str(lc.direction)
            ));
        }
        // Keep the heading with at least two lines of its paragraph.
        l.ensure(9.0 * 1.35 + 10.0 * 1.35 * 2.0 + 6.0);
        let title = section_title(c, pair);
        if title != section {
            l.outline.push((0, title.clone(), l.page_no(), l.y + 8.0));
            section = title;
        }
        l.anchors.insert(i, (l.page_no(), l.y + 8.0));
        if matches!(
            pair.class.kind,
            crate::diff::ChangeKind::Substantive | crate::diff::ChangeKind::Footnote
        ) {
            let mut t = pair_label(c, pair);
            let excerpt = super::common::change_excerpt(c, pair, 60);
            if !excerpt.is_empty() {
                t.push_str(": ");
                t.push_str(&excerpt);
            }
            l.outline.push((1, t, l.page_no(), l.y + 8.0));
        }
        l.block(&[Span::new(head, Style::Muted)], 8.0, 0.0, 0.5);
        l.bars = true;
        for f in &pair.class.footnotes {
            let spans = match f {
                FootnoteChange::Added { text } => vec![
                    Span::new("Footnote added: ", Style::Muted),
                    Span::new(text.clone(), Style::Ins),
                ],
                FootnoteChange::Removed { text } => vec![
                    Span::new("Footnote removed: ", Style::Muted),
                    Span::new(text.clone(), Style::Del),
                ],
                FootnoteChange::Changed { old, new, .. } => vec![
                    Span::new("Footnote changed: ", Style::Muted),
                    Span::new(old.clone(), Style::Del),
                    Span::new(" → ", Style::Muted),
                    Span::new(new.clone(), Style::Ins),
                ],
            };
            l.block(&spans, 8.0, 0.0, 0.5);
        }
        // Unchanged text (a paragraph only renumbered or moved included) is quieter than the
        // text of a changed paragraph.
        let plain = if pair.class.kind != crate::diff::ChangeKind::None {
            Style::Plain
        } else {
            Style::Quiet
        };
        let style = |op: &crate::diff::DiffOp| match op.op {
            OpKind::Equal => plain,
            _ => op_style(op.op, op.routine),
        };
        let numbered = numbered_ops(c, pair);
        if side_by_side {
            let side = |keep: OpKind| -> Vec<Span> {
                numbered
                    .iter()
                    .filter(|op| op.op == OpKind::Equal || op.op == keep)
                    .map(|op| Span::new(op.text.clone(), style(op)))
                    .collect()
            };
            l.columns(&side(OpKind::Delete), &side(OpKind::Insert), 9.5, 6.0);
        } else {
            let spans: Vec<Span> = numbered
                .iter()
                .map(|op| Span::new(op.text.clone(), style(op)))
                .collect();
            let indent = match paragraphs(&c.new, &pair.new)
                .first()
                .or(paragraphs(&c.old, &pair.old).first())
                .map(|p| p.kind)
            {
                Some(crate::model::ParagraphKind::SubParagraph) => 24.0,
                _ => 0.0,
            };
            l.block(&spans, 10.0, indent, 6.0);
        }
        l.bars = false;
    }
    // Second pass over the index: the page number of every change, now that it is known.
    for (page, right, y, pair) in std::mem::take(&mut l.slots) {
        let Some(&(target, _)) = l.anchors.get(&pair) else {
            continue;
        };
        let text = (target + 1).to_string();
        let w = l.font.width(&text, 8.5);
        let enc = l.font.encode(&text);
        if let Some(content) = l.pages.get_mut(page) {
            content.set_fill_rgb(0.0, 0.0, 0.0);
            content.begin_text();
            content.set_font(FONT_NAME, 8.5);
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, right - w, y]);
            content.show(Str(&enc));
            content.end_text();
        }
    }
    l
}

/// The document outline (bookmarks): top-level entries (cover, summary, each section) with the
/// substantive changes of a section as its children, closed.
fn write_outline(
    pdf: &mut Pdf,
    root: Ref,
    items: &[(u8, String, usize, f32, Ref)],
    page_ids: &[Ref],
) {
    let tops: Vec<usize> = (0..items.len())
        .filter(|&i| items.get(i).is_some_and(|it| it.0 == 0))
        .collect();
    let children = |top: usize| -> Vec<usize> {
        (top + 1..items.len())
            .take_while(|&k| items.get(k).is_some_and(|it| it.0 == 1))
            .collect()
    };
    let refs = |v: &[usize]| -> Vec<Ref> {
        v.iter()
            .filter_map(|&k| items.get(k))
            .map(|it| it.4)
            .collect()
    };
    let top_refs = refs(&tops);
    let mut outline = pdf.outline(root);
    if let (Some(first), Some(last)) = (top_refs.first(), top_refs.last()) {
        outline.first(*first).last(*last);
    }
    outline.count(i32::try_from(tops.len()).unwrap_or(0));
    outline.finish();
    let mut write = |k: usize, parent: Ref, prev: Option<Ref>, next: Option<Ref>, kids: &[Ref]| {
        let Some((_, title, page, y, id)) = items.get(k) else {
            return;
        };
        let mut item = pdf.outline_item(*id);
        item.title(TextStr(title)).parent(parent);
        if let Some(p) = prev {
            item.prev(p);
        }
        if let Some(n) = next {
            item.next(n);
        }
        if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
            item.first(*f).last(*l);
            item.count(-i32::try_from(kids.len()).unwrap_or(0));
        }
        if let Some(page_ref) = page_ids.get(*page) {
            item.dest().page(*page_ref).xyz(0.0, *y, None);
        }
    };
    for (n, &top) in tops.iter().enumerate() {
        let kids = children(top);
        let kid_refs = refs(&kids);
        let prev = n.checked_sub(1).and_then(|p| top_refs.get(p)).copied();
        write(top, root, prev, top_refs.get(n + 1).copied(), &kid_refs);
        let Some(top_id) = top_refs.get(n).copied() else {
            continue;
        };
        for (m, &kid) in kids.iter().enumerate() {
            let prev = m.checked_sub(1).and_then(|p| kid_refs.get(p)).copied();
            write(kid, top_id, prev, kid_refs.get(m + 1).copied(), &[]);
        }
    }
}

fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Render the PDF.
pub fn render(c: &Comparison, opts: &RenderOptions) -> Result<Vec<u8>, ReportError> {
    let font = Font::new(FONT)?;
    let (old_label, new_label) = labels(c, opts);
    let mut l = layout(c, opts, font);
    if l.pages.is_empty() {
        l.new_page();
    }
    let total = l.pages.len();
    let header = format!("{old_label} → {new_label}");
    // Running header and footer on every page.
    let header_enc = l.font.encode(&header);
    let header_right = "resdiff comparison";
    let right_enc = l.font.encode(header_right);
    let right_w = l.font.width(header_right, 8.0);
    let mut footers = Vec::with_capacity(total);
    for i in 0..total {
        let text = format!("Page {} of {}", i + 1, total);
        let w = l.font.width(&text, 8.0);
        footers.push((l.font.encode(&text), w));
    }
    for (content, (footer, fw)) in l.pages.iter_mut().zip(&footers) {
        content.set_fill_rgb(0.3, 0.3, 0.3);
        content.begin_text();
        content.set_font(FONT_NAME, 8.0);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, MARGIN_X, PAGE_H - 40.0]);
        content.show(Str(&header_enc));
        content.set_text_matrix([
            1.0,
            0.0,
            0.0,
            1.0,
            PAGE_W - MARGIN_X - right_w,
            PAGE_H - 40.0,
        ]);
        content.show(Str(&right_enc));
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, (PAGE_W - fw) / 2.0, 32.0]);
        content.show(Str(footer));
        content.end_text();
        content.set_stroke_rgb(0.6, 0.6, 0.6);
        content.set_line_width(0.5);
        content.move_to(MARGIN_X, PAGE_H - 46.0);
        content.line_to(PAGE_W - MARGIN_X, PAGE_H - 46.0);
        content.stroke();
    }

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let type0 = Ref::new(3);
    let cid = Ref::new(4);
    let descriptor = Ref::new(5);
    let font_file = Ref::new(6);
    let cmap_ref = Ref::new(7);
    let info = Ref::new(8);
    let first_page = 9;
    let page_ids: Vec<Ref> = (0..total)
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    let mut next_ref = first_page + 2 * total as i32;
    let mut alloc = || {
        let r = Ref::new(next_ref);
        next_ref += 1;
        r
    };
    // Internal links of the change index: one annotation each, on the page it stands on.
    let links: Vec<(usize, Rect, usize, Ref)> = std::mem::take(&mut l.links)
        .into_iter()
        .map(|(page, rect, pair)| (page, rect, pair, alloc()))
        .collect();
    let outline_root = alloc();
    let outline: Vec<(u8, String, usize, f32, Ref)> = std::mem::take(&mut l.outline)
        .into_iter()
        .map(|(level, title, page, y)| (level, title, page, y, alloc()))
        .collect();
    pdf.catalog(catalog)
        .pages(tree)
        .outlines(outline_root)
        .page_mode(pdf_writer::types::PageMode::UseOutlines);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(total as i32);
    let pages = std::mem::take(&mut l.pages);
    for (i, content) in pages.into_iter().enumerate() {
        let page_id = Ref::new(first_page + 2 * i as i32);
        let content_id = Ref::new(first_page + 2 * i as i32 + 1);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(content_id);
        page.resources().fonts().pair(FONT_NAME, type0);
        let annots: Vec<Ref> = links
            .iter()
            .filter(|(p, ..)| *p == i)
            .map(|(.., r)| *r)
            .collect();
        if !annots.is_empty() {
            page.annotations(annots);
        }
        page.finish();
        let data = compress(&content.finish());
        pdf.stream(content_id, &data).filter(Filter::FlateDecode);
    }
    for (_, rect, pair, id) in &links {
        let Some(&(target, y)) = l.anchors.get(pair) else {
            continue;
        };
        let Some(page_ref) = page_ids.get(target) else {
            continue;
        };
        let mut annot = pdf.annotation(*id);
        annot
            .subtype(pdf_writer::types::AnnotationType::Link)
            .rect(*rect)
            .border(0.0, 0.0, 0.0, None);
        annot
            .action()
            .action_type(pdf_writer::types::ActionType::GoTo)
            .destination()
            .page(*page_ref)
            .xyz(0.0, y, None);
    }
    write_outline(&mut pdf, outline_root, &outline, &page_ids);

    let font = &l.font;
    // A subset font's name carries a six-letter tag (PDF 32000-1, 9.6.4).
    let base = Name(b"RDSUBS+DejaVuSans");
    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_ref);
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    {
        let mut cidf = pdf.cid_font(cid);
        cidf.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(system_info)
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"))
            .default_width(font.advance_units(0));
        let mut widths = cidf.widths();
        for gid in font.used.keys() {
            widths.consecutive(*gid, [font.advance_units(*gid)]);
        }
        widths.finish();
        cidf.finish();
    }
    let scale = 1000.0 / font.upem;
    let bbox = font.face.global_bounding_box();
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(bbox.x_min) * scale,
            f32::from(bbox.y_min) * scale,
            f32::from(bbox.x_max) * scale,
            f32::from(bbox.y_max) * scale,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(font.face.ascender()) * scale)
        .descent(f32::from(font.face.descender()) * scale)
        .cap_height(f32::from(font.face.capital_height().unwrap_or(729)) * scale)
        .stem_v(80.0)
        .font_file2(font_file);
    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system_info);
    for (gid, ch) in &font.used {
        cmap.pair(*gid, *ch);
    }
    let cmap_data = cmap.finish();
    pdf.cmap(cmap_ref, cmap_data.as_slice());
    // Only the outlines of the glyphs used; the whole font if it cannot be subset.
    let subset = super::subset::subset(FONT, font.used.keys().copied());
    let program: &[u8] = subset.as_deref().unwrap_or(FONT);
    let font_data = compress(program);
    let mut stream = pdf.stream(font_file, &font_data);
    stream.filter(Filter::FlateDecode);
    stream.pair(Name(b"Length1"), program.len() as i32);
    stream.finish();
    pdf.document_info(info)
        .title(TextStr(&format!(
            "Comparison of {old_label} and {new_label}"
        )))
        .producer(TextStr(concat!("resdiff ", env!("CARGO_PKG_VERSION"))));
    Ok(pdf.finish())
}
