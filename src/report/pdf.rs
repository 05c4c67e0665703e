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
                _ => continue,
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

/// Draw the whole report body; returns the layout with one content stream per page.
fn layout<'a>(c: &Comparison, opts: &RenderOptions, font: Font<'a>) -> Layout<'a> {
    let mut l = Layout {
        font,
        pages: Vec::new(),
        scratch: Content::new(),
        y: TOP,
    };
    let (old_label, new_label) = labels(c, opts);
    l.block(
        &[Span::new(
            format!("Comparison of {old_label} (old) and {new_label} (new)"),
            Style::Bold,
        )],
        14.0,
        0.0,
        6.0,
    );
    for (side, r, label) in [("Old", &c.old, &old_label), ("New", &c.new, &new_label)] {
        let mut parts = vec![label.clone()];
        if let Some(t) = &r.meta.title
            && Some(t.as_str()) != r.meta.symbol.as_deref().or(Some(""))
            && r.meta.symbol.is_some()
        {
            parts.push(t.clone());
        }
        if let Some(d) = &r.meta.date {
            parts.push(format!("adopted/issued {d}"));
        }
        if let Some(p) = r.meta.plenary_meeting {
            parts.push(format!("{} plenary meeting", super::common::ordinal(p)));
        }
        if let Some(rep) = &r.meta.committee_report {
            parts.push(format!("report {rep}"));
        }
        parts.push(format!("{} paragraphs", r.paragraphs.len()));
        l.block(
            &[
                Span::new(format!("{side}: "), Style::Bold),
                Span::new(parts.join(" · "), Style::Plain),
            ],
            9.5,
            0.0,
            1.0,
        );
    }
    l.rule(5.0);
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
    l.y -= 4.0;
    l.block(
        &[
            Span::new("Legend: ", Style::Bold),
            Span::new("deleted text", Style::Del),
            Span::new("   ", Style::Plain),
            Span::new("inserted text", Style::Ins),
            Span::new("   ", Style::Plain),
            Span::new("routine update", Style::InsRoutine),
        ],
        10.0,
        0.0,
        2.0,
    );
    l.rule(5.0);

    if let Some(note) = only_note(c, opts.only) {
        l.block(&[Span::new(note, Style::Muted)], 9.5, 0.0, 2.0);
    }
    for pair in c.pairs.iter().filter(|p| shown(p, opts.only)) {
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
        l.block(&[Span::new(head, Style::Muted)], 8.0, 0.0, 0.5);
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
        let mut spans = Vec::new();
        for op in numbered_ops(c, pair) {
            spans.push(Span::new(op.text.clone(), op_style(op.op, op.routine)));
        }
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
    l
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
    pdf.catalog(catalog).pages(tree);
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
        page.finish();
        let data = compress(&content.finish());
        pdf.stream(content_id, &data).filter(Filter::FlateDecode);
    }

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
