//! Shared helpers of the report integration tests: a hand-built comparison for edge cases, and
//! readers that take DOCX output apart.
#![allow(dead_code)]

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;
use resdiff::compare::{Comparison, LeadChangeEntry, Pair, Renumbering, Status, Summary};
use resdiff::diff::{ChangeKind, Classification, DiffOp, Direction, LeadChange, OpKind};
use resdiff::model::{Metadata, Paragraph, ParagraphKind, Part, Resolution};

pub fn para(id: &str, kind: ParagraphKind, number: Option<&str>, text: &str) -> Paragraph {
    Paragraph {
        id: id.to_string(),
        kind,
        number: number.map(str::to_string),
        lead: text.split(' ').next().map(str::to_string),
        text: text.to_string(),
        parent: None,
        part: Part::Body,
        section: None,
        footnote_refs: Vec::new(),
        printed_number: None,
    }
}

fn op(kind: OpKind, text: &str, routine: bool) -> DiffOp {
    DiffOp {
        op: kind,
        text: text.to_string(),
        routine,
        routine_reason: routine.then(|| "session +1 = document gap".to_owned()),
    }
}

fn pair(old: &[usize], new: &[usize], status: Status, ops: Vec<DiffOp>, kind: ChangeKind) -> Pair {
    Pair {
        old: old.to_vec(),
        new: new.to_vec(),
        status,
        renumbered: false,
        similarity: if old.is_empty() || new.is_empty() {
            0.0
        } else {
            0.8
        },
        reason: None,
        ops,
        class: Classification {
            kind,
            ..Classification::default()
        },
    }
}

/// A small comparison covering every status the DOCX writer treats specially: routine and
/// substantive modifications, an addition, a renumbering, a removal, a move, a split and a merge,
/// with text that needs escaping in every format.
pub fn crafted() -> Comparison {
    use OpKind::{Delete as D, Equal as E, Insert as I};
    use ParagraphKind::{Operative as Op, Preambular as Pp, SubParagraph as Sub};
    let meta = |sym: &str, title: &str, meeting: u32| Metadata {
        symbol: Some(sym.to_string()),
        title: Some(title.to_string()),
        session: Some(sym[6..8].parse().unwrap()),
        date: None,
        plenary_meeting: Some(meeting),
        committee_report: None,
        agenda_item: None,
        kind: resdiff::model::DocumentKind::Resolution,
        sponsors: None,
        // Head lines that change in place (routine), stay, go and come.
        head_lines: if meeting == 69 {
            vec![
                "Sixty-fifth session".to_string(),
                "Agenda item 16".to_string(),
                "Resolution adopted by the General Assembly on 20 December 2010".to_string(),
                "[on the report of the Second Committee (A/65/433)]".to_string(),
            ]
        } else {
            vec![
                "Sixty-sixth session".to_string(),
                "Second Committee".to_string(),
                "Agenda item 16".to_string(),
                "Guyana & <Co>:* draft resolution".to_string(),
            ]
        },
        closing_lines: vec![
            format!(
                "{meeting}{} plenary meeting",
                if meeting == 91 { "st" } else { "th" }
            ),
            "22 December 2011".to_string(),
        ],
    };
    let mut sub = para(
        "OP3(a)",
        Sub,
        Some("a"),
        "in <b>bold</b> & \"quoted\" terms;",
    );
    sub.parent = Some("OP3".into());
    let old = Resolution {
        meta: meta("A/RES/65/141", "Tools & <script>alert('t')</script>", 69),
        paragraphs: vec![
            para(
                "PP1",
                Pp,
                None,
                "Recalling its resolution 64/187 of 21 December 2009,",
            ),
            para("OP1", Op, Some("1"), "Encourages Member States to act;"),
            para(
                "OP2",
                Op,
                Some("2"),
                "Requests the Secretary-General to report;",
            ),
            para(
                "OP3",
                Op,
                Some("3"),
                "Decides to remain seized of the matter;",
            ),
            sub,
            para(
                "OP4",
                Op,
                Some("4"),
                "Notes the first part. Notes the second part;",
            ),
            para("OP5", Op, Some("5"), "Stresses one thing;"),
            para("OP6", Op, Some("6"), "Stresses another thing;"),
            para("OP7", Op, Some("7"), "Moves *later* in the text;"),
        ],
        structured: true,
        ..Resolution::default()
    };
    let new = Resolution {
        meta: meta("A/RES/66/184", "Tools & <script>alert('t')</script>", 91),
        paragraphs: vec![
            para(
                "PP1",
                Pp,
                None,
                "Recalling its resolution 65/141 of 20 December 2010,",
            ),
            para(
                "OP1",
                Op,
                Some("1"),
                "Urges Member States to act <now> & \"fast\";",
            ),
            para("OP2", Op, Some("2"), "Welcomes the new tools;"),
            para(
                "OP3",
                Op,
                Some("3"),
                "Requests the Secretary-General to report;",
            ),
            para("OP4", Op, Some("4"), "Moves *later* in the text;"),
            para("OP5", Op, Some("5"), "Notes the first part;"),
            para("OP6", Op, Some("6"), "Notes the second part;"),
            para(
                "OP7",
                Op,
                Some("7"),
                "Stresses one thing and another thing;",
            ),
        ],
        structured: true,
        ..Resolution::default()
    };
    let mut lead = pair(
        &[1],
        &[1],
        Status::Modified,
        vec![
            op(D, "Encourages", false),
            op(I, "Urges", false),
            op(E, " Member States to act", false),
            op(I, " <now> & \"fast\"", false),
            op(E, ";", false),
        ],
        ChangeKind::Substantive,
    );
    let lc = LeadChange {
        old: "Encourages".into(),
        new: "Urges".into(),
        direction: Direction::Stronger,
        scale: Some("exhortation".into()),
        kind_change: None,
    };
    lead.class.lead_change = Some(lc.clone());
    let mut renum = pair(
        &[2],
        &[3],
        Status::Renumbered,
        vec![op(E, "Requests the Secretary-General to report;", false)],
        ChangeKind::None,
    );
    renum.renumbered = true;
    renum.similarity = 1.0;
    let pairs = vec![
        pair(
            &[0],
            &[0],
            Status::Modified,
            vec![
                op(E, "Recalling its resolution ", false),
                op(D, "64/187", true),
                op(I, "65/141", true),
                op(E, " of ", false),
                op(D, "21 December 2009", true),
                op(I, "20 December 2010", true),
                op(E, ",", false),
            ],
            ChangeKind::Routine,
        ),
        lead,
        pair(
            &[],
            &[2],
            Status::Added,
            vec![op(I, "Welcomes the new tools;", false)],
            ChangeKind::Substantive,
        ),
        renum,
        // Old OP7 moved up to OP4.
        pair(
            &[8],
            &[4],
            Status::Moved,
            vec![op(E, "Moves *later* in the text;", false)],
            ChangeKind::None,
        ),
        pair(
            &[3],
            &[],
            Status::Removed,
            vec![op(D, "Decides to remain seized of the matter;", false)],
            ChangeKind::Substantive,
        ),
        pair(
            &[4],
            &[],
            Status::Removed,
            vec![op(D, "in <b>bold</b> & \"quoted\" terms;", false)],
            ChangeKind::Substantive,
        ),
        pair(
            &[5],
            &[5, 6],
            Status::Split,
            vec![
                op(E, "Notes the first part", false),
                op(D, ". ", false),
                op(I, ";\n", false),
                op(E, "Notes the second part;", false),
            ],
            ChangeKind::Substantive,
        ),
        pair(
            &[6, 7],
            &[7],
            Status::Merged,
            vec![
                op(E, "Stresses one thing", false),
                op(D, ";\nStresses", false),
                op(I, " and", false),
                op(E, " another thing;", false),
            ],
            ChangeKind::Substantive,
        ),
    ];
    let mut summary = Summary::default();
    for p in &pairs {
        summary.counts.add(p.status);
        match p.class.kind {
            ChangeKind::Routine => summary.routine += 1,
            ChangeKind::Substantive => summary.substantive += 1,
            ChangeKind::Footnote => {
                summary.substantive += 1;
                summary.footnote_only += 1;
            }
            ChangeKind::None => {}
        }
    }
    summary.renumbering = vec![Renumbering {
        old: "OP2".into(),
        new: "OP3".into(),
    }];
    summary.lead_changes = vec![LeadChangeEntry {
        pair: 1,
        old_id: "OP1".into(),
        new_id: "OP1".into(),
        change: lc,
    }];
    summary.similarity = 0.7;
    Comparison {
        old,
        new,
        pairs,
        summary,
        warnings: vec!["a <warning> & more".into()],
    }
}

/// One paragraph of `word/document.xml` (or of `word/footnotes.xml`) as read back.
#[derive(Debug, Default, Clone)]
pub struct DocxPara {
    /// Text (`w:t`, `w:delText`, tabs as `\t`) and footnote marks, each with how it is tracked.
    pub segments: Vec<(Mark, Seg)>,
    /// How the paragraph mark is tracked.
    pub mark: Mark,
    /// In `footnotes.xml`: the `w:id` of the footnote the paragraph belongs to.
    pub note: Option<String>,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// Text.
    Text(String),
    /// A `w:footnoteReference` to note `id`, inside bookmark `bookmark` if any.
    Note {
        id: String,
        bookmark: Option<String>,
    },
    /// A `NOTEREF` field to bookmark `bookmark`, showing `shown`.
    NoteRef { bookmark: String, shown: String },
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    #[default]
    None,
    Ins,
    Del,
}

/// The parts every DOCX package of resdiff has.
pub const DOCX_PARTS: [&str; 7] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/footnotes.xml",
    "word/styles.xml",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
];

/// One part of a DOCX package as text.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// Unzip `word/document.xml` (and check the package has every required part, each well-formed).
pub fn docx_document_xml(bytes: &[u8]) -> String {
    for name in DOCX_PARTS {
        let s = docx_part(bytes, name);
        let mut r = Reader::from_str(&s);
        loop {
            match r.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
        }
    }
    strip_cover(&docx_part(bytes, "word/document.xml"))
}

/// The paragraphs of the cover page (style `ResdiffCover`), which is not part of either version.
const COVER: &str = r#"<w:p><w:pPr><w:pStyle w:val="ResdiffCover"/></w:pPr>.*?</w:p>"#;

/// `document.xml` without the cover page: the text that accepting or rejecting changes gives.
pub fn strip_cover(xml: &str) -> String {
    regex::Regex::new(COVER)
        .unwrap()
        .replace_all(xml, "")
        .into_owned()
}

/// The cover paragraphs of a DOCX `document.xml`, as XML.
pub fn docx_cover(bytes: &[u8]) -> Vec<String> {
    let xml = docx_part(bytes, "word/document.xml");
    regex::Regex::new(COVER)
        .unwrap()
        .find_iter(&xml)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// The value of attribute `name` (`w:id`) of an element.
fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.to_string())
}

/// A field being read: its instruction, and its result once `separate` was seen.
#[derive(Default)]
struct Field {
    instr: String,
    result: Option<String>,
}

/// Read the paragraphs of `document.xml` or `footnotes.xml` with their tracked runs, footnote
/// references and `NOTEREF` fields (a field's result is not text of the paragraph).
pub fn docx_paragraphs(xml: &str) -> Vec<DocxPara> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur = DocxPara::default();
    let mut in_ppr = false;
    let mut run_mark = Mark::None;
    let mut in_text = false;
    let mut in_instr = false;
    let mut note: Option<String> = None;
    let mut bookmark: Option<String> = None;
    let mut field: Option<Field> = None;
    let push =
        |cur: &mut DocxPara, field: &mut Option<Field>, in_instr: bool, m, t: &str| match field {
            Some(f) if in_instr => f.instr.push_str(t),
            Some(Field {
                result: Some(res), ..
            }) => res.push_str(t),
            Some(_) => panic!("text inside a field's instruction part: {t}"),
            None => cur.segments.push((m, Seg::Text(t.to_string()))),
        };
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:p" => {
                cur = DocxPara {
                    note: note.clone(),
                    ..DocxPara::default()
                };
                let _ = e;
            }
            Event::Start(e) => match e.name().as_ref() {
                // separators (`w:type`) are not notes
                "w:footnote" => note = attr(&e, "w:id").filter(|_| attr(&e, "w:type").is_none()),
                "w:pPr" => in_ppr = true,
                // A move's source reads as deleted text, its destination as inserted text.
                "w:ins" | "w:moveTo" => run_mark = Mark::Ins,
                "w:del" | "w:moveFrom" => run_mark = Mark::Del,
                "w:t" | "w:delText" => in_text = true,
                "w:instrText" | "w:delInstrText" => in_instr = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:ins" if in_ppr => cur.mark = Mark::Ins,
                "w:del" if in_ppr => cur.mark = Mark::Del,
                "w:tab" if !in_ppr => push(&mut cur, &mut field, false, run_mark, "\t"),
                "w:bookmarkStart" => bookmark = attr(&e, "w:name"),
                "w:bookmarkEnd" => bookmark = None,
                "w:footnoteReference" => cur.segments.push((
                    run_mark,
                    Seg::Note {
                        id: attr(&e, "w:id").unwrap(),
                        bookmark: bookmark.clone(),
                    },
                )),
                "w:fldChar" => match attr(&e, "w:fldCharType").as_deref() {
                    Some("begin") => {
                        assert!(field.is_none(), "nested field");
                        field = Some(Field::default());
                    }
                    Some("separate") => {
                        if let Some(f) = field.as_mut() {
                            f.result = Some(String::new());
                        }
                    }
                    Some("end") => {
                        let f = field.take().expect("field end without begin");
                        let words: Vec<&str> = f.instr.split_whitespace().collect();
                        let ["NOTEREF", name, ..] = words[..] else {
                            panic!("unexpected field {}", f.instr);
                        };
                        cur.segments.push((
                            run_mark,
                            Seg::NoteRef {
                                bookmark: name.to_string(),
                                shown: f.result.unwrap_or_default(),
                            },
                        ));
                    }
                    other => panic!("fldChar {other:?}"),
                },
                _ => {}
            },
            Event::Text(t) if in_text || in_instr => {
                let t = t.xml10_content().into_owned();
                push(&mut cur, &mut field, in_instr, run_mark, &t);
            }
            Event::GeneralRef(g) if in_text || in_instr => {
                let name = g.into_inner().into_owned();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                push(&mut cur, &mut field, in_instr, run_mark, ch);
            }
            Event::End(e) => match e.name().as_ref() {
                "w:p" => out.push(std::mem::take(&mut cur)),
                "w:footnote" => note = None,
                "w:pPr" => in_ppr = false,
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => run_mark = Mark::None,
                "w:t" | "w:delText" => in_text = false,
                "w:instrText" | "w:delInstrText" => in_instr = false,
                _ => {}
            },
            _ => {}
        }
    }
    assert!(field.is_none(), "unterminated field");
    out
}

/// True when a piece tracked as `m` is shown after accepting (`accept = true`) or rejecting
/// every change.
fn shown(m: Mark, accept: bool) -> bool {
    match m {
        Mark::None => true,
        Mark::Ins => accept,
        Mark::Del => !accept,
    }
}

/// The paragraphs Word shows after accepting (`accept = true`) or rejecting every change, text
/// only.
pub fn resolve(paras: &[DocxPara], accept: bool) -> Vec<String> {
    resolve_with(paras, accept, |_| String::new())
}

/// [`resolve`], each footnote mark written as `note(mark)`.
fn resolve_with(paras: &[DocxPara], accept: bool, note: impl Fn(&Seg) -> String) -> Vec<String> {
    let drop_mark = if accept { Mark::Del } else { Mark::Ins };
    let mut out = Vec::new();
    let mut pending = String::new();
    for p in paras {
        for (m, seg) in &p.segments {
            if shown(*m, accept) {
                match seg {
                    Seg::Text(t) => pending.push_str(t),
                    other => pending.push_str(&note(other)),
                }
            }
        }
        // A removed paragraph mark joins this paragraph with the next one.
        if p.mark != drop_mark {
            out.push(std::mem::take(&mut pending));
        }
    }
    if !pending.is_empty() {
        out.push(pending);
    }
    out
}

/// What a DOCX reads as after accepting (`accept = true`) or rejecting every change.
#[derive(Debug)]
pub struct DocxView {
    /// The paragraphs, each footnote mark written `[^text of the note]`; a cross-reference to a
    /// note that is not shown, or whose stored number is not the note's number, is written
    /// `[^BROKEN …]`.
    pub paragraphs: Vec<String>,
    /// The texts of the notes referenced, in the order Word numbers them (1, 2, …).
    pub notes: Vec<String>,
    /// How many marks are cross-references (`NOTEREF` fields) rather than notes.
    pub cross_references: usize,
}

/// Read a DOCX package as Word shows it after accepting or rejecting every change, footnotes
/// included. Panics when a note is referenced twice, a reference has no note, or a note lacks
/// its `w:footnoteRef` mark.
pub fn docx_view(bytes: &[u8], accept: bool) -> DocxView {
    let paras = docx_paragraphs(&docx_document_xml(bytes));
    let note_paras = docx_paragraphs(&docx_part(bytes, "word/footnotes.xml"));
    let footnotes_xml = docx_part(bytes, "word/footnotes.xml");
    // note id → its text in this view (the paragraphs of the note joined with "\n", without the
    // space after the note's own number mark)
    let mut texts: std::collections::HashMap<String, String> = Default::default();
    for p in &note_paras {
        let Some(id) = &p.note else { continue };
        let text: String = p
            .segments
            .iter()
            .filter(|(m, _)| shown(*m, accept))
            .map(|(_, s)| match s {
                Seg::Text(t) => t.as_str(),
                other => panic!("mark inside note {id}: {other:?}"),
            })
            .collect();
        let entry = texts.entry(id.clone()).or_default();
        if !entry.is_empty() {
            entry.push('\n');
        }
        entry.push_str(text.strip_prefix(' ').unwrap_or(&text));
    }
    for id in texts.keys() {
        let open = format!("<w:footnote w:id=\"{id}\">");
        let at = footnotes_xml.find(&open).unwrap();
        let end = at + footnotes_xml[at..].find("</w:footnote>").unwrap();
        assert_eq!(
            footnotes_xml[at..end].matches("<w:footnoteRef/>").count(),
            1,
            "note {id} has one number mark"
        );
    }
    // Notes shown, in order, with their numbers; bookmarks on shown references.
    let mut order: Vec<String> = Vec::new();
    let mut bookmarks: std::collections::HashMap<String, String> = Default::default();
    for p in &paras {
        for (m, seg) in &p.segments {
            if let Seg::Note { id, bookmark } = seg {
                if let Some(b) = bookmark {
                    assert!(
                        bookmarks.insert(b.clone(), id.clone()).is_none(),
                        "bookmark {b} twice"
                    );
                }
                if shown(*m, accept) {
                    assert!(!order.contains(id), "note {id} referenced twice");
                    order.push(id.clone());
                }
            }
        }
    }
    let mut cross_references = 0;
    let paragraphs = resolve_with(&paras, accept, |seg| match seg {
        Seg::Note { id, .. } => {
            let text = texts
                .get(id)
                .unwrap_or_else(|| panic!("no note {id} in footnotes.xml"));
            format!("[^{text}]")
        }
        Seg::NoteRef { bookmark, shown } => {
            let target = bookmarks.get(bookmark);
            let number = target.and_then(|id| order.iter().position(|o| o == id));
            match (target, number) {
                (Some(id), Some(k)) if *shown == (k + 1).to_string() => {
                    format!("[^{}]", texts[id])
                }
                _ => format!("[^BROKEN {bookmark} showing {shown}]"),
            }
        }
        Seg::Text(_) => unreachable!(),
    });
    for p in &paras {
        cross_references += p
            .segments
            .iter()
            .filter(|(m, s)| shown(*m, accept) && matches!(s, Seg::NoteRef { .. }))
            .count();
    }
    let notes = order.iter().map(|id| texts[id].clone()).collect();
    DocxView {
        paragraphs,
        notes,
        cross_references,
    }
}

/// The paragraphs of a document as [`docx_view`] writes them: printed number, tab, text, each
/// footnote reference as `[^footnote text]` at its offset (`[^]` for a number without a footnote).
pub fn expected_paragraphs_with_notes(r: &Resolution) -> Vec<String> {
    let numbered = expected_paragraphs(r);
    r.paragraphs
        .iter()
        .zip(numbered)
        .map(|(p, full)| {
            let prefix = &full[..full.len() - p.text.len()];
            let mut out = prefix.to_string();
            let mut refs = p.footnote_refs.clone();
            refs.sort_by_key(|f| f.offset);
            let mut at = 0;
            for f in refs {
                out.push_str(&p.text[at..f.offset]);
                at = f.offset;
                let text = r.footnote(f.number).map(|n| n.text.as_str()).unwrap_or("");
                out.push_str(&format!("[^{text}]"));
            }
            out.push_str(&p.text[at..]);
            out
        })
        .collect()
}

/// The numbers of the footnotes of `r` that no paragraph references, in number order: the DOCX
/// keeps them in a last paragraph of their own.
pub fn unreferenced_notes(r: &Resolution) -> Vec<u32> {
    let mut v: Vec<u32> = r
        .footnotes
        .iter()
        .map(|f| f.number)
        .filter(|n| {
            !r.paragraphs
                .iter()
                .any(|p| p.footnote_refs.iter().any(|f| f.number == *n))
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The texts of the footnotes of `r` in the order of their first reference (`""` for a number
/// without a footnote), then those no paragraph references, in number order: the notes Word
/// shows for `r`.
pub fn referenced_notes(r: &Resolution) -> Vec<String> {
    let mut seen: Vec<u32> = Vec::new();
    for p in &r.paragraphs {
        let mut refs = p.footnote_refs.clone();
        refs.sort_by_key(|f| f.offset);
        for f in refs {
            if !seen.contains(&f.number) {
                seen.push(f.number);
            }
        }
    }
    seen.extend(unreferenced_notes(r));
    seen.iter()
        .map(|n| r.footnote(*n).map(|f| f.text.clone()).unwrap_or_default())
        .collect()
}

/// The text of each paragraph of a document as the DOCX writes it: printed number, tab, text.
pub fn expected_paragraphs(r: &Resolution) -> Vec<String> {
    r.paragraphs
        .iter()
        .map(|p| {
            let n = match (p.kind, p.number.as_deref()) {
                // A heading's label as the parser read it from the page (`IV`, `IV.`, none).
                (ParagraphKind::Heading, _) if p.printed_number.is_some() => p
                    .printed_number
                    .as_ref()
                    .filter(|l| !l.is_empty())
                    .map_or(String::new(), |l| format!("{l}\t")),
                (ParagraphKind::Operative, Some(n)) => format!("{n}.\t"),
                (ParagraphKind::SubParagraph, Some(n)) => format!("({n})\t"),
                (ParagraphKind::Heading, Some(n)) if !n.is_empty() => format!("{n}.\t"),
                _ => String::new(),
            };
            format!("{n}{}", p.text)
        })
        .collect()
}

/// True when `bin` can be run (`bin --version` succeeds). When it cannot: panics under CI=true,
/// otherwise prints why the test is skipped and returns false.
pub fn tool_or_skip(bin: &str, what: &str) -> bool {
    let ok = std::process::Command::new(bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty());
    if ok {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!ci, "`{bin}` is required under CI=true for {what}");
    resdiff::corpus::say_skipped(&format!(
        "SKIPPED {what}: `{bin}` not found (install it to run this test)"
    ));
    false
}

/// Parse RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields.
pub fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(ch) = chars.next() {
        if quoted {
            if ch == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(ch);
            }
            continue;
        }
        match ch {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("bare quote inside an unquoted field: {field}"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("bare LF line end"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

// The strict HTML5 check, shared with the `report` fuzz target.
#[path = "../../fuzz/src/html5.rs"]
mod html5;
#[allow(unused_imports)] // not every test binary using this module checks HTML
pub use html5::html5_errors;

/// A file's text; panics naming the file.
pub fn read(p: &std::path::Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The real sample pair, A/RES/65/141 → A/RES/66/184, parsed and compared.
pub fn sample() -> Comparison {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    resdiff::compare::compare(
        resdiff::parse::parse(&read(&dir.join("A_RES_65_141.txt"))),
        resdiff::parse::parse(&read(&dir.join("A_RES_66_184.txt"))),
    )
}

/// The head lines, the title, "The General Assembly,", `paras` and the closing lines of `r` in
/// document order, then the paragraph that keeps the notes no paragraph references (their marks
/// when `with_notes`).
pub fn expected_document(r: &Resolution, paras: Vec<String>, with_notes: bool) -> Vec<String> {
    let mut v = r.meta.head_lines.clone();
    let number = r
        .meta
        .symbol
        .as_deref()
        .and_then(|s| s.strip_prefix("A/RES/"));
    let title = r
        .meta
        .title
        .clone()
        .or(r.meta.symbol.clone())
        .unwrap_or_default();
    v.push(match number {
        Some(n) => format!("{n}.\t{title}"),
        None => title,
    });
    v.push("The General Assembly,".to_string());
    let closing = if r.meta.closing_lines.is_empty() {
        r.meta.plenary_meeting.map(|n| {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            vec![format!("{n}{suffix} plenary meeting")]
        })
    } else {
        Some(r.meta.closing_lines.clone())
    };
    let first_annex = r
        .paragraphs
        .iter()
        .position(|p| matches!(p.part, resdiff::model::Part::Annex { .. }));
    for (i, p) in paras.into_iter().enumerate() {
        if Some(i) == first_annex
            && let Some(cl) = &closing
        {
            v.extend(cl.iter().cloned());
        }
        v.push(p);
    }
    if first_annex.is_none()
        && let Some(cl) = closing
    {
        v.extend(cl);
    }
    let unplaced = unreferenced_notes(r);
    if !unplaced.is_empty() {
        v.push(if with_notes {
            unplaced
                .iter()
                .map(|n| format!("[^{}]", r.footnote(*n).map_or("", |f| f.text.as_str())))
                .collect()
        } else {
            String::new()
        });
    }
    v
}
