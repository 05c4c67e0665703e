//! A Word document: the new text with real tracked changes (`w:ins`/`w:del`) against the old text.
//!
//! A cover page comes first (style `ResdiffCover`, ending in a page break): the compared files,
//! when and with which version, the counts, how changes are authored, and the index of
//! substantive changes, each line a link to a bookmark at its change. It belongs to neither
//! version, so accepting or rejecting changes leaves it; the reader deletes it before
//! circulating the text.
//!
//! Accepting every change in Word gives the new text paragraph by paragraph; rejecting every change
//! gives the old text. A moved paragraph is a real Word move (`w:moveFrom` where it stood,
//! `w:moveTo` where it stands, tied by their range names) with the words changed on the way as
//! `w:del` at the source and `w:ins` at the destination; a split or merge out of order is a
//! deletion where it stood and an insertion where it stands. Both directions keep document order.
//!
//! # Footnotes
//!
//! The documents' footnotes are real Word footnotes (`word/footnotes.xml`), their references
//! superscript (`FootnoteReference` style) at the offsets recorded in
//! [`crate::model::Paragraph::footnote_refs`], so accepting every change gives the new document's
//! footnotes and rejecting every change the old one's:
//!
//! - A reference that stands at the same place of text both versions share (inside an unchanged
//!   run of the word diff) is one footnote. When its text differs between the versions, the
//!   footnote's own text carries the word diff as tracked changes, as Word records an edit of a
//!   footnote: accept gives the new text, reject the old.
//! - A reference only in the new text (or in inserted text) is an inserted reference whose footnote
//!   text is an insertion; one only in the old text (or in deleted text) is a deleted reference
//!   whose footnote text is a deletion. Accepting removes the deleted reference and with it its
//!   footnote; rejecting does the same for inserted ones.
//! - A footnote referenced a second time (A/RES/66/184 cites footnotes 1, 3 and 7 twice) is, as
//!   Word does it, a `NOTEREF` cross-reference field (`\f`: formatted as a footnote reference) to
//!   a bookmark on the first reference, so the note is not printed twice and the numbers stay those
//!   of the document. The field's stored result is the number Word gives the note once every
//!   change is accepted (rejected, for a deleted field), so it is right before fields are updated.
//!   When the old and the new text's first references are different notes, or the note's number
//!   differs between the versions, the second reference is a deleted field for the old text and an
//!   inserted field for the new one.
//! - Every note gets its own id (from 1; -1 and 0 are the separator and continuation separator),
//!   unique over old-only, new-only and shared notes; Word numbers the notes itself in reference
//!   order. A footnote no paragraph references (the parser found no place for it) is never
//!   dropped: its reference goes into one last paragraph of the document and the report says so
//!   in a warning; a reference to a number the document has no footnote text for (the copy of
//!   A/RES/65/141 in `sample_data`) keeps its mark, with an empty note.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::common::{
    IndexEntry, change_index, cover_rows, now_iso, ops, paragraphs, printed_number,
    resolution_number, summary_lines,
};
use super::{RenderOptions, ReportError};
use crate::compare::{Comparison, Pair, Status};
use crate::diff::{OpKind, diff_words};
use crate::model::{FootnoteRef, Paragraph, ParagraphKind, Part, Resolution};

/// How a run or a paragraph mark is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Track {
    None,
    Ins,
    Del,
    /// Text of a moved paragraph where it stood (`w:moveFrom`): gone once accepted.
    MoveFrom,
    /// Text of a moved paragraph where it stands now (`w:moveTo`): gone once rejected.
    MoveTo,
}

impl Track {
    /// The text is part of the old version.
    fn old_side(self) -> bool {
        !matches!(self, Track::Ins | Track::MoveTo)
    }

    /// The text is part of the new version.
    fn new_side(self) -> bool {
        !matches!(self, Track::Del | Track::MoveFrom)
    }
}

/// Escape XML text and attribute values; drop characters XML 1.0 forbids.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

struct Writer<'a> {
    body: String,
    para: String,
    style: &'static str,
    next_id: u32,
    author: String,
    /// The author of routine updates: `AUTHOR (routine update)`, so that Word's review pane can
    /// accept them in one step apart from the substantive changes.
    routine_author: String,
    /// The changes written now are routine updates.
    routine: bool,
    /// A bookmark (id, name) to put at the start of the next paragraph: the target of a change
    /// index link.
    bookmark: Option<(u32, String)>,
    /// How the last run of the current paragraph was tracked.
    last_track: Option<Track>,
    /// Every run of the current paragraph so far is inserted.
    all_inserted: bool,
    /// The last paragraph written, when its mark is plain: where in `body` its mark can be
    /// marked inserted, and whether it ends in inserted text.
    prev_plain: Option<(usize, bool)>,
    date: String,
    old: &'a Resolution,
    new: &'a Resolution,
    /// The `w:footnote` elements written so far (without the separators).
    notes: String,
    /// The id of the last note written (ids start at 1).
    next_note: u32,
    /// Old footnote number → the note that holds its first reference in the old text, and the
    /// number Word gives that note once every change is rejected.
    old_notes: HashMap<u32, Note>,
    /// New footnote number → the note that holds its first reference in the new text, and the
    /// number Word gives that note once every change is accepted.
    new_notes: HashMap<u32, Note>,
}

/// A note written to `footnotes.xml`, as seen from one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Note {
    /// The `w:id` of the note.
    id: u32,
    /// Its number among the notes of that side, in reference order.
    shown: u32,
}

/// One side of a footnote reference: the old or the new document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

impl Writer<'_> {
    fn attrs(&mut self) -> String {
        self.next_id += 1;
        let author = if self.routine {
            &self.routine_author
        } else {
            &self.author
        };
        format!(
            "w:id=\"{}\" w:author=\"{}\" w:date=\"{}\"",
            self.next_id,
            xml(author),
            xml(&self.date)
        )
    }

    /// Append a run of `text` (tabs become `w:tab`) tracked as `track`.
    fn run(&mut self, text: &str, track: Track) {
        self.run_styled(text, track, false);
    }

    /// Append a run, in italics when `italic` (lead phrases are italic in resolutions).
    fn run_styled(&mut self, text: &str, track: Track, italic: bool) {
        if text.is_empty() {
            return;
        }
        let tag = if track == Track::Del {
            "w:delText"
        } else {
            "w:t"
        };
        let mut inner = String::new();
        for (i, piece) in text.split('\t').enumerate() {
            if i > 0 {
                inner.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                let _ = write!(
                    inner,
                    "<{tag} xml:space=\"preserve\">{}</{tag}>",
                    xml(piece)
                );
            }
        }
        let rpr = if italic { "<w:rPr><w:i/></w:rPr>" } else { "" };
        self.tracked(&format!("<w:r>{rpr}{inner}</w:r>"), track);
    }

    /// Old and new versions of a short piece (a number, a title): equal → plain, else del + ins.
    fn either(&mut self, old: Option<&str>, new: Option<&str>) {
        match (old, new) {
            (Some(o), Some(n)) if o == n => self.run(n, Track::None),
            (o, n) => {
                if let Some(o) = o {
                    self.run(o, Track::Del);
                }
                if let Some(n) = n {
                    self.run(n, Track::Ins);
                }
            }
        }
    }

    /// Wrap runs in `w:ins` / `w:del` as `track` says and append them to the paragraph.
    fn tracked(&mut self, runs: &str, track: Track) {
        self.last_track = Some(track);
        if !matches!(track, Track::Ins | Track::MoveTo) {
            self.all_inserted = false;
        }
        match track {
            Track::None => self.para.push_str(runs),
            Track::Ins => {
                let a = self.attrs();
                let _ = write!(self.para, "<w:ins {a}>{runs}</w:ins>");
            }
            Track::Del => {
                let a = self.attrs();
                let _ = write!(self.para, "<w:del {a}>{runs}</w:del>");
            }
            Track::MoveFrom => {
                let a = self.attrs();
                let _ = write!(self.para, "<w:moveFrom {a}>{runs}</w:moveFrom>");
            }
            Track::MoveTo => {
                let a = self.attrs();
                let _ = write!(self.para, "<w:moveTo {a}>{runs}</w:moveTo>");
            }
        }
    }

    /// The footnote reference(s) at one place of the text: `old` is the footnote number referenced
    /// there in the old text, `new` in the new text (both when the place is in shared text).
    fn footnote_mark(&mut self, old: Option<u32>, new: Option<u32>) {
        match (old, new) {
            (Some(o), Some(n)) => {
                match (
                    self.old_notes.get(&o).copied(),
                    self.new_notes.get(&n).copied(),
                ) {
                    // First reference on both sides: one note, its text diffed.
                    (None, None) => {
                        let id = self.footnote(Some(o), Some(n));
                        self.reference(id, Track::None);
                        self.register(Side::Old, o, id);
                        self.register(Side::New, n, id);
                    }
                    // Repeated on both sides, to one note that has the same number in both.
                    (Some(x), Some(y)) if x == y => self.cross_reference(y, Track::None),
                    _ => {
                        self.footnote_side(Side::Old, o);
                        self.footnote_side(Side::New, n);
                    }
                }
            }
            (Some(o), None) => self.footnote_side(Side::Old, o),
            (None, Some(n)) => self.footnote_side(Side::New, n),
            (None, None) => {}
        }
    }

    /// Record note `id` as holding the first reference to footnote `number` of `side`.
    fn register(&mut self, side: Side, number: u32, id: u32) {
        let notes = match side {
            Side::Old => &mut self.old_notes,
            Side::New => &mut self.new_notes,
        };
        let shown = u32::try_from(notes.len() + 1).unwrap_or(u32::MAX);
        notes.insert(number, Note { id, shown });
    }

    /// A reference of one side only: deleted (old) or inserted (new); a new note at its first
    /// reference, a cross-reference to that note afterwards.
    fn footnote_side(&mut self, side: Side, number: u32) {
        let (track, known) = match side {
            Side::Old => (Track::Del, self.old_notes.get(&number).copied()),
            Side::New => (Track::Ins, self.new_notes.get(&number).copied()),
        };
        if let Some(note) = known {
            self.cross_reference(note, track);
            return;
        }
        let id = match side {
            Side::Old => self.footnote(Some(number), None),
            Side::New => self.footnote(None, Some(number)),
        };
        self.register(side, number, id);
        self.reference(id, track);
    }

    /// Write a new note for old footnote `old` and/or new footnote `new` into `notes` and return
    /// its id: the text of one side as a tracked deletion or insertion, or the word diff of the
    /// two texts.
    fn footnote(&mut self, old: Option<u32>, new: Option<u32>) -> u32 {
        let (old_text, new_text) = (note_text(self.old, old), note_text(self.new, new));
        self.next_note += 1;
        let id = self.next_note;
        let outer = std::mem::take(&mut self.para);
        // The note's own runs say nothing about how the paragraph around it is tracked.
        let (last_track, all_inserted) = (self.last_track, self.all_inserted);
        match (old_text, new_text) {
            (Some(o), Some(n)) if o == n => self.run(n, Track::None),
            (Some(o), Some(n)) => {
                for op in diff_words(o, n) {
                    let track = match op.op {
                        OpKind::Equal => Track::None,
                        OpKind::Insert => Track::Ins,
                        OpKind::Delete => Track::Del,
                    };
                    self.run(&op.text, track);
                }
            }
            (Some(o), None) => self.run(o, Track::Del),
            (None, Some(n)) => self.run(n, Track::Ins),
            (None, None) => {}
        }
        let body = std::mem::replace(&mut self.para, outer);
        (self.last_track, self.all_inserted) = (last_track, all_inserted);
        let _ = write!(
            self.notes,
            "<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\
             <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>\
             <w:r><w:t xml:space=\"preserve\"> </w:t></w:r>{body}</w:p></w:footnote>"
        );
        id
    }

    /// The reference to note `id`, inside a bookmark that cross-references can point to.
    fn reference(&mut self, id: u32, track: Track) {
        let _ = write!(
            self.para,
            "<w:bookmarkStart w:id=\"{id}\" w:name=\"{}\"/>",
            bookmark(id)
        );
        self.tracked(
            &format!(
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>\
                 <w:footnoteReference w:id=\"{id}\"/></w:r>"
            ),
            track,
        );
        let _ = write!(self.para, "<w:bookmarkEnd w:id=\"{id}\"/>");
    }

    /// A second reference to `note`: a `NOTEREF` field whose stored result is the note's number.
    fn cross_reference(&mut self, note: Note, track: Track) {
        let (instr, text) = if track == Track::Del {
            ("w:delInstrText", "w:delText")
        } else {
            ("w:instrText", "w:t")
        };
        let runs = format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><{instr} xml:space=\"preserve\"> NOTEREF {} \\f \\h </{instr}></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><{text}>{}</{text}></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            bookmark(note.id),
            note.shown
        );
        self.tracked(&runs, track);
    }

    /// Close the current paragraph, its mark tracked as `mark`.
    fn end_para(&mut self, mark: Track) {
        let mut mark = mark;
        // A wholly inserted paragraph after a paragraph that ends in inserted text: the inserted
        // paragraph break is written on the paragraph before (the break before the new
        // paragraph, as LibreOffice models it) and this paragraph's own mark stays. Word gives
        // the same text either way; LibreOffice's Reject All otherwise joins the paragraph
        // before with the one after.
        if mark == Track::Ins
            && self.all_inserted
            && let Some((at, prev_ends_inserted)) = self.prev_plain.take()
            && prev_ends_inserted
            && at <= self.body.len()
            && self.body.is_char_boundary(at)
        {
            let rpr = format!("<w:rPr><w:ins {}/></w:rPr>", self.attrs());
            self.body.insert_str(at, &rpr);
            mark = Track::None;
        }
        let rpr = match mark {
            Track::None => String::new(),
            Track::Ins | Track::MoveTo => format!("<w:rPr><w:ins {}/></w:rPr>", self.attrs()),
            Track::Del | Track::MoveFrom => {
                format!("<w:rPr><w:del {}/></w:rPr>", self.attrs())
            }
        };
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{rpr}",
            self.style
        );
        // Where a paragraph mark can still be marked inserted: a plain mark only.
        let ends_inserted = matches!(self.last_track, Some(Track::Ins | Track::MoveTo));
        self.prev_plain = (mark == Track::None).then_some((self.body.len(), ends_inserted));
        let _ = write!(self.body, "</w:pPr>{}</w:p>", self.para);
        self.para.clear();
        self.last_track = None;
        self.all_inserted = true;
    }

    fn start_para(&mut self, style: &'static str) {
        self.para.clear();
        self.style = style;
        if let Some((id, name)) = self.bookmark.take() {
            let _ = write!(
                self.para,
                "<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/><w:bookmarkEnd w:id=\"{id}\"/>"
            );
        }
    }
}

fn style_of(p: Option<&Paragraph>) -> &'static str {
    match p.map(|p| p.kind) {
        Some(ParagraphKind::Operative) => "Operative",
        Some(ParagraphKind::SubParagraph) => "SubParagraph",
        Some(ParagraphKind::Heading) => "Heading",
        Some(ParagraphKind::Preambular) => "Preambular",
        _ => "BodyText",
    }
}

/// The number as written before a paragraph's text in the document: `5.\t`, `(a)\t`, or nothing.
pub fn number_prefix(p: &Paragraph) -> String {
    let n = printed_number(p);
    if n.is_empty() { n } else { format!("{n}\t") }
}

/// The printed numbers before a paragraph: a renumbering (both sides numbered) is a routine
/// update; the number of an added or removed paragraph goes with its text.
fn prefixes(w: &mut Writer, old: Option<&Paragraph>, new: Option<&Paragraph>) {
    let o = old.map(number_prefix).filter(|s| !s.is_empty());
    let n = new.map(number_prefix).filter(|s| !s.is_empty());
    let was = w.routine;
    w.routine = o.is_some() && n.is_some();
    w.either(o.as_deref(), n.as_deref());
    w.routine = was;
}

/// The text of footnote `number` of `r` (empty when the document has no such footnote).
fn note_text(r: &Resolution, number: Option<u32>) -> Option<&str> {
    number.map(|n| r.footnote(n).map(|f| f.text.as_str()).unwrap_or_default())
}

/// The name of the bookmark on the reference to note `id` (hidden: it starts with `_`).
fn bookmark(id: u32) -> String {
    format!("_RefFn{id}")
}

/// Length in bytes of the lead phrase at the start of a paragraph's text (0 when none).
fn lead_len(p: Option<&Paragraph>) -> usize {
    p.and_then(|p| {
        let lead = p.lead.as_deref()?;
        p.text.starts_with(lead).then_some(lead.len())
    })
    .unwrap_or(0)
}

/// Where the writer stands in the current paragraph of one side: the byte offset in its text, the
/// length of its lead phrase (set in italics) and the footnote references still to be written.
#[derive(Default)]
struct SideCursor {
    off: usize,
    lead: usize,
    refs: Vec<FootnoteRef>,
    next_ref: usize,
}

impl SideCursor {
    fn new(p: Option<&Paragraph>) -> Self {
        let mut refs = p.map(|p| p.footnote_refs.clone()).unwrap_or_default();
        refs.sort_by_key(|r| r.offset);
        Self {
            off: 0,
            lead: lead_len(p),
            refs,
            next_ref: 0,
        }
    }

    /// The references that stand after a byte of the next `len` bytes (or before the text, at
    /// offset 0), as (position in those bytes, footnote number); they count as written.
    fn take_refs(&mut self, len: usize) -> Vec<(usize, u32)> {
        let end = self.off + len;
        let mut out = Vec::new();
        while let Some(r) = self.refs.get(self.next_ref).filter(|r| r.offset <= end) {
            out.push((r.offset.saturating_sub(self.off), r.number));
            self.next_ref += 1;
        }
        out
    }

    /// The references not written yet (an offset past the end of the text).
    fn rest(&mut self) -> Vec<u32> {
        let rest = self
            .refs
            .get(self.next_ref..)
            .unwrap_or_default()
            .iter()
            .map(|r| r.number)
            .collect();
        self.next_ref = self.refs.len();
        rest
    }
}

/// Where the writer stands in the current old and new paragraphs.
struct TextCursor {
    old: SideCursor,
    new: SideCursor,
}

impl TextCursor {
    fn new(old: Option<&Paragraph>, new: Option<&Paragraph>) -> Self {
        Self {
            old: SideCursor::new(old),
            new: SideCursor::new(new),
        }
    }

    /// Write `piece` of an op tracked as `track`: its part inside the lead phrase in italics, and
    /// the footnote references that stand in it. In text both sides share, an old and a new
    /// reference at the same place are one mark.
    fn emit(&mut self, w: &mut Writer, piece: &str, track: Track) {
        // (position in `piece`, old footnote number, new footnote number)
        let mut marks: Vec<(usize, Option<u32>, Option<u32>)> = Vec::new();
        if track.old_side() {
            for (at, n) in self.old.take_refs(piece.len()) {
                marks.push((at, Some(n), None));
            }
        }
        if track.new_side() {
            for (at, n) in self.new.take_refs(piece.len()) {
                match marks
                    .iter_mut()
                    .find(|m| m.0 == at && m.1.is_some() && m.2.is_none())
                {
                    Some(m) => m.2 = Some(n),
                    None => marks.push((at, None, Some(n))),
                }
            }
        }
        marks.sort_by_key(|m| m.0);
        let mut pos = 0;
        for (at, old, new) in marks {
            let mut cut = at.clamp(pos, piece.len());
            while !piece.is_char_boundary(cut) {
                cut += 1;
            }
            self.text(w, piece.get(pos..cut).unwrap_or_default(), track, pos);
            pos = cut;
            w.footnote_mark(old, new);
        }
        self.text(w, piece.get(pos..).unwrap_or_default(), track, pos);
        if track.old_side() {
            self.old.off += piece.len();
        }
        if track.new_side() {
            self.new.off += piece.len();
        }
    }

    /// Write `text`, which starts `at` bytes into the current piece, its part inside the lead
    /// phrase in italics.
    fn text(&self, w: &mut Writer, text: &str, track: Track, at: usize) {
        let side = if track.new_side() {
            &self.new
        } else {
            &self.old
        };
        let cut = side.lead.saturating_sub(side.off + at).min(text.len());
        match (text.get(..cut), text.get(cut..)) {
            (Some(head), Some(tail)) => {
                w.run_styled(head, track, true);
                w.run(tail, track);
            }
            _ => w.run(text, track),
        }
    }

    /// Write the old paragraph's references not written yet (deleted), then move to `p`.
    fn next_old(&mut self, w: &mut Writer, p: Option<&Paragraph>) {
        for n in self.old.rest() {
            w.footnote_mark(Some(n), None);
        }
        self.old = SideCursor::new(p);
    }

    /// Write the new paragraph's references not written yet (inserted), then move to `p`.
    fn next_new(&mut self, w: &mut Writer, p: Option<&Paragraph>) {
        for n in self.new.rest() {
            w.footnote_mark(None, Some(n));
        }
        self.new = SideCursor::new(p);
    }
}

/// A 1–1, split, merged, added or removed pair written through its word diff.
fn write_pair(w: &mut Writer, c: &Comparison, pair: &Pair) {
    let olds = paragraphs(&c.old, &pair.old);
    let news = paragraphs(&c.new, &pair.new);
    let (mut oi, mut ni) = (0usize, 0usize);
    let mut cur = TextCursor::new(olds.first().copied(), news.first().copied());
    w.start_para(style_of(news.first().or(olds.first()).copied()));
    prefixes(w, olds.first().copied(), news.first().copied());
    for op in ops(c, pair).iter() {
        let track = match op.op {
            OpKind::Equal => Track::None,
            OpKind::Insert => Track::Ins,
            OpKind::Delete => Track::Del,
        };
        w.routine = op.routine;
        for (k, piece) in op.text.split('\n').enumerate() {
            if k > 0 {
                if track.old_side() {
                    oi += 1;
                    cur.next_old(w, olds.get(oi).copied());
                }
                if track.new_side() {
                    ni += 1;
                    cur.next_new(w, news.get(ni).copied());
                }
                w.end_para(track);
                let o = if track == Track::Ins {
                    None
                } else {
                    olds.get(oi).copied()
                };
                let n = if track == Track::Del {
                    None
                } else {
                    news.get(ni).copied()
                };
                w.start_para(style_of(n.or(o)));
                prefixes(w, o, n);
            }
            cur.emit(w, piece, track);
        }
        w.routine = false;
    }
    cur.next_old(w, None);
    cur.next_new(w, None);
    let mark = match (olds.is_empty(), news.is_empty()) {
        (true, false) => Track::Ins,
        (false, true) => Track::Del,
        _ => Track::None,
    };
    w.end_para(mark);
}

/// True when a moved pair is written as a real move: one paragraph on each side.
fn real_move(pair: &Pair) -> bool {
    pair.old.len() == 1 && pair.new.len() == 1 && !pair.ops.iter().any(|o| o.text.contains('\n'))
}

/// One half of a moved paragraph, as Word records a move: where it stood (`source`), the text
/// both versions share is `w:moveFrom` and the words deleted on the way are `w:del`; where it
/// stands now, the shared text is `w:moveTo` and the inserted words are `w:ins`. The halves are
/// tied by the name of their move ranges. Accepting gives the new text in its new place,
/// rejecting the old text in its old place.
fn write_move(w: &mut Writer, c: &Comparison, i: usize, pair: &Pair, source: bool) {
    let (para, shared, changed, skip) = if source {
        (
            paragraphs(&c.old, &pair.old).first().copied(),
            Track::MoveFrom,
            Track::Del,
            OpKind::Insert,
        )
    } else {
        (
            paragraphs(&c.new, &pair.new).first().copied(),
            Track::MoveTo,
            Track::Ins,
            OpKind::Delete,
        )
    };
    let Some(para) = para else { return };
    let range = if source { "moveFrom" } else { "moveTo" };
    w.start_para(style_of(Some(para)));
    let a = w.attrs();
    let id = w.next_id;
    let _ = write!(
        w.para,
        "<w:{range}RangeStart {a} w:name=\"resdiffMove{i}\"/>"
    );
    let prefix = number_prefix(para);
    w.run(&prefix, changed);
    let mut cur = if source {
        TextCursor::new(Some(para), None)
    } else {
        TextCursor::new(None, Some(para))
    };
    for op in ops(c, pair).iter().filter(|op| op.op != skip) {
        w.routine = op.routine;
        let track = if op.op == OpKind::Equal {
            shared
        } else {
            changed
        };
        cur.emit(w, &op.text, track);
        w.routine = false;
    }
    cur.next_old(w, None);
    cur.next_new(w, None);
    let _ = write!(w.para, "<w:{range}RangeEnd w:id=\"{id}\"/>");
    w.end_para(changed);
}

/// Paragraphs written whole, all inserted or all deleted (the two halves of a move).
fn write_whole(w: &mut Writer, paras: &[&Paragraph], track: Track) {
    for p in paras {
        w.start_para(style_of(Some(p)));
        let prefix = number_prefix(p);
        w.run(&prefix, track);
        let mut cur = if track == Track::Del {
            TextCursor::new(Some(p), None)
        } else {
            TextCursor::new(None, Some(p))
        };
        cur.emit(w, &p.text, track);
        cur.next_old(w, None);
        cur.next_new(w, None);
        w.end_para(track);
    }
}

#[derive(Debug, Clone, Copy)]
enum Item {
    /// A pair written through its word diff.
    Pair(usize),
    /// One old paragraph (pair, old paragraph index) of a moved pair, deleted where it stood.
    MovedFrom(usize, usize),
    /// A moved pair's new paragraphs, inserted where they stand now.
    MovedTo(usize),
    /// One new paragraph (pair, new paragraph index) of a pair whose new paragraphs are not
    /// adjacent, inserted where it stands.
    NewPiece(usize, usize),
}

/// True when paragraphs of other pairs stand between this pair's new paragraphs (a split whose
/// pieces are apart): written whole, it would put them next to each other.
fn gapped(p: &Pair) -> bool {
    match (p.new.iter().min(), p.new.iter().max()) {
        (Some(&lo), Some(&hi)) => hi - lo + 1 != p.new.len(),
        _ => false,
    }
}

/// Indices (into `keys`) of a longest strictly increasing subsequence of `keys`.
fn longest_increasing(keys: &[usize]) -> Vec<usize> {
    // tails[k] = index in `keys` of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let pos = tails.partition_point(|&t| keys.get(t).is_some_and(|&v| v < k));
        if pos > 0
            && let Some(slot) = prev.get_mut(i)
        {
            *slot = tails.get(pos - 1).copied();
        }
        if pos == tails.len() {
            tails.push(i);
        } else if let Some(t) = tails.get_mut(pos) {
            *t = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(i);
        cur = prev.get(i).copied().flatten();
    }
    out.reverse();
    out
}

/// The order in which pairs are written: new-document order; pairs whose old paragraphs are out
/// of old-document order (moved, off the longest in-order run, or spanning paragraphs that other
/// pairs keep) are written as an insertion in new order plus a deletion of each of their old
/// paragraphs at its old place. A pair whose new paragraphs are apart (other pairs' paragraphs
/// between them) is written the same way, with each new paragraph inserted at its own place.
/// Accepting all changes then gives the new order, rejecting all gives the old order.
fn items(pairs: &[Pair]) -> Vec<Item> {
    let min_old = |i: usize| {
        pairs
            .get(i)
            .and_then(|p| p.old.iter().min().copied())
            .unwrap_or(0)
    };
    let max_old = |i: usize| {
        pairs
            .get(i)
            .and_then(|p| p.old.iter().max().copied())
            .unwrap_or(0)
    };
    let candidates: Vec<usize> = (0..pairs.len())
        .filter(|i| {
            pairs
                .get(*i)
                .is_some_and(|p| !p.old.is_empty() && p.status != Status::Moved && !gapped(p))
        })
        .collect();
    let keys: Vec<usize> = candidates.iter().map(|i| min_old(*i)).collect();
    let mut kept: Vec<usize> = longest_increasing(&keys)
        .into_iter()
        .filter_map(|k| candidates.get(k).copied())
        .collect();
    // A kept pair must not span old paragraphs that stand between it and the next kept pair.
    while let Some(pos) = kept.windows(2).position(|w| max_old(w[0]) >= min_old(w[1])) {
        let (Some(&a), Some(&b)) = (kept.get(pos), kept.get(pos + 1)) else {
            break;
        };
        let span = |i: usize| max_old(i) - min_old(i);
        kept.remove(if span(a) >= span(b) { pos } else { pos + 1 });
    }
    let mut items = Vec::with_capacity(pairs.len() + 4);
    let mut moved_old: Vec<(usize, usize)> = Vec::new();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        if gapped(p) {
            let mut news = p.new.clone();
            news.sort_unstable();
            if let Some((first, rest)) = news.split_first() {
                items.push(Item::NewPiece(i, *first));
                pieces.extend(rest.iter().map(|n| (*n, i)));
            }
            moved_old.extend(p.old.iter().map(|o| (*o, i)));
        } else if p.old.is_empty() || kept.contains(&i) {
            items.push(Item::Pair(i));
        } else {
            items.push(Item::MovedTo(i));
            moved_old.extend(p.old.iter().map(|o| (*o, i)));
        }
    }
    // The later pieces of apart pairs go before the first item that starts further down.
    let first_new = |it: &Item| match it {
        Item::Pair(k) | Item::MovedTo(k) => pairs.get(*k).and_then(|p| p.new.iter().min().copied()),
        Item::NewPiece(_, n) => Some(*n),
        Item::MovedFrom(..) => None,
    };
    pieces.sort_unstable();
    for (n, pair) in pieces {
        match items
            .iter()
            .position(|it| first_new(it).is_some_and(|m| m > n))
        {
            Some(pos) => items.insert(pos, Item::NewPiece(pair, n)),
            None => items.push(Item::NewPiece(pair, n)),
        }
    }
    moved_old.sort_unstable();
    for (old, pair) in moved_old {
        let pos = items.iter().position(|it| match it {
            Item::Pair(k) => pairs
                .get(*k)
                .and_then(|p| p.old.iter().min())
                .is_some_and(|o| *o > old),
            Item::MovedFrom(_, o) => *o > old,
            Item::MovedTo(_) | Item::NewPiece(..) => false,
        });
        match pos {
            Some(pos) => items.insert(pos, Item::MovedFrom(pair, old)),
            None => items.push(Item::MovedFrom(pair, old)),
        }
    }
    items
}

fn in_annex(c: &Comparison, item: Item) -> bool {
    let pair = match item {
        Item::Pair(i) | Item::MovedFrom(i, _) | Item::MovedTo(i) | Item::NewPiece(i, _) => {
            c.pairs.get(i)
        }
    };
    pair.is_some_and(|p| {
        paragraphs(&c.old, &p.old)
            .iter()
            .chain(paragraphs(&c.new, &p.new).iter())
            .any(|q| matches!(q.part, Part::Annex { .. }))
    })
}

/// The closing line (`91st plenary meeting`) of a document, if known.
pub fn closing_line(r: &Resolution) -> Option<String> {
    r.meta
        .plenary_meeting
        .map(|n| format!("{} plenary meeting", super::common::ordinal(n)))
}

/// The title as written at the top: `66/184.\tTitle` (number and tab only for adopted resolutions).
pub fn title_parts(r: &Resolution) -> (Option<String>, Option<String>) {
    (
        resolution_number(r).map(|n| format!("{n}.\t")),
        r.meta.title.clone(),
    )
}

/// The body XML (`w:document`) and the footnotes XML (`w:footnotes`).
/// The name of the bookmark on the first paragraph of pair `i` (hidden: it starts with `_`).
fn change_bookmark(i: usize) -> String {
    format!("_Chg{i}")
}

/// The id of that bookmark, apart from the ids of the footnote bookmarks (the note ids).
fn change_bookmark_id(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(0).saturating_add(1_000_000)
}

/// A cover paragraph (style `ResdiffCover`, so a reader can find and delete the cover): plain
/// runs, bold when `bold`.
fn cover_para(w: &mut Writer, runs: &[(&str, bool)]) {
    w.start_para("ResdiffCover");
    for (text, bold) in runs {
        let rpr = if *bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        let _ = write!(
            w.para,
            "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml(text)
        );
    }
    w.end_para(Track::None);
}

/// The cover page before the text: the compared files, when and with which version, the counts,
/// how changes are authored, and the index of substantive changes, each linked to its bookmark.
/// It is not part of either version: accepting or rejecting changes leaves it; delete it (up to
/// the page break) before circulating the text.
fn cover(w: &mut Writer, c: &Comparison, opts: &RenderOptions, index: &[IndexEntry]) {
    let (old_label, new_label) = super::common::labels(c, opts);
    cover_para(
        w,
        &[(
            &format!("Comparison of {old_label} (old) and {new_label} (new)"),
            true,
        )],
    );
    for (k, v) in cover_rows(c, opts) {
        cover_para(w, &[(&format!("{k}: "), true), (&v, false)]);
    }
    if let Some(first) = summary_lines(c).first() {
        cover_para(w, &[(first, false)]);
    }
    let legend = format!(
        "Tracked changes by {}; routine updates (the annual rollover, renumbering) by {}, so that \
         they can be reviewed and accepted on their own. This cover is not part of the text: \
         delete it, up to the page break, before circulating the document.",
        w.author, w.routine_author
    );
    cover_para(w, &[("Legend: ", true), (&legend, false)]);
    cover_para(
        w,
        &[(&format!("Substantive changes ({})", index.len()), true)],
    );
    for e in index {
        w.start_para("ResdiffCover");
        let _ = write!(
            w.para,
            "<w:hyperlink w:anchor=\"{}\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink>\
             <w:r><w:t xml:space=\"preserve\">  {}  </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            change_bookmark(e.pair),
            xml(&e.label),
            xml(&e.kind),
            xml(&e.excerpt)
        );
        w.end_para(Track::None);
    }
    w.start_para("ResdiffCover");
    w.para.push_str("<w:r><w:br w:type=\"page\"/></w:r>");
    w.end_para(Track::None);
}

fn document_xml(
    c: &Comparison,
    opts: &RenderOptions,
    author: &str,
    date: &str,
    warnings: &mut Vec<String>,
) -> (String, String) {
    let mut w = Writer {
        body: String::new(),
        para: String::new(),
        style: "BodyText",
        next_id: 0,
        author: author.to_string(),
        routine_author: format!("{author} (routine update)"),
        routine: false,
        bookmark: None,
        last_track: None,
        all_inserted: true,
        prev_plain: None,
        date: date.to_string(),
        old: &c.old,
        new: &c.new,
        notes: String::new(),
        next_note: 0,
        old_notes: HashMap::new(),
        new_notes: HashMap::new(),
    };
    let index = change_index(c, 160);
    cover(&mut w, c, opts, &index);
    let (on, mut ot) = title_parts(&c.old);
    let (nn, mut nt) = title_parts(&c.new);
    // A side whose text has no title line has no title to delete or insert; only when neither
    // has one do the symbols stand in, so the heading is never empty.
    if ot.is_none() && nt.is_none() {
        ot = c.old.meta.symbol.clone();
        nt = c.new.meta.symbol.clone();
    }
    w.start_para("ResTitle");
    w.either(on.as_deref(), nn.as_deref());
    w.either(ot.as_deref(), nt.as_deref());
    w.end_para(Track::None);
    w.start_para("BodyText");
    w.run("The General Assembly,", Track::None);
    w.end_para(Track::None);

    let mut closed = false;
    let close = |w: &mut Writer| {
        let (o, n) = (closing_line(&c.old), closing_line(&c.new));
        // A closing line on one side only is an inserted or deleted paragraph.
        let mark = match (&o, &n) {
            (None, Some(_)) => Track::Ins,
            (Some(_), None) => Track::Del,
            _ => Track::None,
        };
        if o.is_some() || n.is_some() {
            w.start_para("Closing");
            w.either(o.as_deref(), n.as_deref());
            w.end_para(mark);
        }
    };
    let mut marked: Vec<usize> = Vec::new();
    for item in items(&c.pairs) {
        if !closed && in_annex(c, item) {
            close(&mut w);
            closed = true;
        }
        // The first paragraph written for a substantive change carries the bookmark its index
        // line links to (a move: where it stood or stands, whichever comes first).
        let writes = match item {
            Item::MovedTo(i) => c.pairs.get(i).is_some_and(|p| !p.new.is_empty()),
            Item::Pair(_) | Item::NewPiece(..) | Item::MovedFrom(..) => true,
        };
        if let Item::Pair(i) | Item::MovedTo(i) | Item::NewPiece(i, _) | Item::MovedFrom(i, _) =
            item
            && writes
            && !marked.contains(&i)
            && index.iter().any(|e| e.pair == i)
        {
            marked.push(i);
            w.bookmark = Some((change_bookmark_id(i), change_bookmark(i)));
        }
        match item {
            Item::Pair(i) => {
                if let Some(p) = c.pairs.get(i) {
                    write_pair(&mut w, c, p);
                }
            }
            Item::MovedFrom(i, old) => match c.pairs.get(i) {
                Some(p) if real_move(p) => write_move(&mut w, c, i, p, true),
                _ => write_whole(&mut w, &paragraphs(&c.old, &[old]), Track::Del),
            },
            Item::MovedTo(i) => match c.pairs.get(i) {
                Some(p) if real_move(p) => write_move(&mut w, c, i, p, false),
                Some(p) => write_whole(&mut w, &paragraphs(&c.new, &p.new), Track::Ins),
                None => {}
            },
            Item::NewPiece(_, new) => {
                write_whole(&mut w, &paragraphs(&c.new, &[new]), Track::Ins);
            }
        }
    }
    if !closed {
        close(&mut w);
    }
    unplaced_notes(&mut w, warnings);
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1247\" \
         w:bottom=\"1440\" w:left=\"1247\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>",
        w.body
    );
    (document, footnotes_xml(&w.notes))
}

/// Footnotes no paragraph references (the text does not say where they stand) are never dropped:
/// their references go into one last paragraph of the document, in number order (a note of both
/// versions with the same number is one note, its text diffed; a note of one version only is a
/// deleted or inserted reference), and a warning names them.
fn unplaced_notes(w: &mut Writer, warnings: &mut Vec<String>) {
    let unplaced = |r: &Resolution, placed: &HashMap<u32, Note>| -> Vec<u32> {
        let mut v: Vec<u32> = r
            .footnotes
            .iter()
            .map(|f| f.number)
            .filter(|n| !placed.contains_key(n))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let old = unplaced(w.old, &w.old_notes);
    let new = unplaced(w.new, &w.new_notes);
    if old.is_empty() && new.is_empty() {
        return;
    }
    let mut numbers: Vec<u32> = old.iter().chain(&new).copied().collect();
    numbers.sort_unstable();
    numbers.dedup();
    w.start_para("BodyText");
    for n in &numbers {
        let o = old.contains(n).then_some(*n);
        let nn = new.contains(n).then_some(*n);
        w.footnote_mark(o, nn);
    }
    let mark = match (old.is_empty(), new.is_empty()) {
        (true, false) => Track::Ins,
        (false, true) => Track::Del,
        _ => Track::None,
    };
    w.end_para(mark);
    let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    for (side, v) in [("old", &old), ("new", &new)] {
        if !v.is_empty() {
            warnings.push(format!(
                "no paragraph of the {side} text references footnote(s) {}; the Word document keeps them in a last paragraph of their own",
                list(v)
            ));
        }
    }
}

/// The footnotes part: the separator (-1) and continuation separator (0) Word expects, then
/// `notes`.
fn footnotes_xml(notes: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" \
         w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing \
         w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/>\
         </w:r></w:p></w:footnote>{notes}</w:footnotes>"
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="BodyText"><w:name w:val="Body Text"/><w:pPr><w:ind w:firstLine="567"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ResTitle"><w:name w:val="Resolution Title"/><w:basedOn w:val="BodyText"/><w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs><w:spacing w:before="240" w:after="240"/><w:ind w:left="1134" w:hanging="1134" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Preambular"><w:name w:val="Preambular Paragraph"/><w:basedOn w:val="BodyText"/></w:style><w:style w:type="paragraph" w:styleId="Operative"><w:name w:val="Operative Paragraph"/><w:basedOn w:val="BodyText"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="SubParagraph"><w:name w:val="Sub-paragraph"/><w:basedOn w:val="BodyText"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs><w:ind w:left="1701" w:hanging="567" w:firstLine="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Section Heading"/><w:basedOn w:val="BodyText"/><w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:before="240"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Closing"><w:name w:val="Closing Line"/><w:basedOn w:val="BodyText"/><w:pPr><w:spacing w:before="240"/><w:jc w:val="right"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="BodyText"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ResdiffCover"><w:name w:val="resdiff Cover"/><w:basedOn w:val="BodyText"/><w:pPr><w:spacing w:after="60"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>"#;

fn core_xml(labels: &(String, String), author: &str, date: &str) -> String {
    let title = format!("{} (tracked changes against {})", labels.1, labels.0);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>\
         <dc:creator>{}</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created>\
         </cp:coreProperties>",
        xml(&title),
        xml(author),
        xml(date)
    )
}

/// Render the DOCX package.
pub fn render(
    c: &Comparison,
    opts: &RenderOptions,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, ReportError> {
    let date = opts.date.clone().unwrap_or_else(now_iso);
    let author = if opts.author.trim().is_empty() {
        "resdiff"
    } else {
        opts.author.as_str()
    };
    let (document, footnotes) = document_xml(c, opts, author, &date, warnings);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("word/document.xml", document),
        ("word/footnotes.xml", footnotes),
        ("word/styles.xml", STYLES.to_string()),
        ("word/_rels/document.xml.rels", DOC_RELS.to_string()),
        (
            "docProps/core.xml",
            core_xml(&super::common::labels(c, opts), author, &date),
        ),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(name, options)
            .map_err(|e| ReportError::Docx(format!("{name}: {e}")))?;
        zip.write_all(body.as_bytes())
            .map_err(|e| ReportError::Docx(format!("{name}: {e}")))?;
    }
    let cursor = zip.finish().map_err(|e| ReportError::Docx(e.to_string()))?;
    Ok(cursor.into_inner())
}
