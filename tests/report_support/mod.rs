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
    }
}

fn op(kind: OpKind, text: &str, routine: bool) -> DiffOp {
    DiffOp {
        op: kind,
        text: text.to_string(),
        routine,
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

/// One paragraph of `word/document.xml` as read back.
#[derive(Debug, Default, Clone)]
pub struct DocxPara {
    /// Text outside `w:ins`/`w:del` (`w:t`, tabs as `\t`).
    pub segments: Vec<(Mark, String)>,
    /// How the paragraph mark is tracked.
    pub mark: Mark,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    #[default]
    None,
    Ins,
    Del,
}

/// Unzip `word/document.xml` (and check the package has every required part).
pub fn docx_document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
    ] {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        // every part is well-formed XML
        let mut r = Reader::from_str(&s);
        loop {
            match r.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
        }
    }
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// Read the paragraphs of `document.xml` with their tracked runs.
pub fn docx_paragraphs(xml: &str) -> Vec<DocxPara> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur = DocxPara::default();
    let mut in_ppr = false;
    let mut run_mark = Mark::None;
    let mut in_text = false;
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:p" => {
                cur = DocxPara::default();
                let _ = e;
            }
            Event::Start(e) => match e.name().as_ref() {
                "w:pPr" => in_ppr = true,
                "w:ins" => run_mark = Mark::Ins,
                "w:del" => run_mark = Mark::Del,
                "w:t" | "w:delText" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:ins" if in_ppr => cur.mark = Mark::Ins,
                "w:del" if in_ppr => cur.mark = Mark::Del,
                "w:tab" if !in_ppr => cur.segments.push((run_mark, "\t".into())),
                _ => {}
            },
            Event::Text(t) if in_text => {
                cur.segments
                    .push((run_mark, t.xml10_content().into_owned()));
            }
            Event::GeneralRef(g) if in_text => {
                let name = g.into_inner().into_owned();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                cur.segments.push((run_mark, ch.into()));
            }
            Event::End(e) => match e.name().as_ref() {
                "w:p" => out.push(std::mem::take(&mut cur)),
                "w:pPr" => in_ppr = false,
                "w:ins" | "w:del" => run_mark = Mark::None,
                "w:t" | "w:delText" => in_text = false,
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// The paragraphs Word shows after accepting (`accept = true`) or rejecting every change.
pub fn resolve(paras: &[DocxPara], accept: bool) -> Vec<String> {
    let (keep, drop_mark) = if accept {
        (Mark::Ins, Mark::Del)
    } else {
        (Mark::Del, Mark::Ins)
    };
    let mut out = Vec::new();
    let mut pending = String::new();
    for p in paras {
        for (m, t) in &p.segments {
            if *m == Mark::None || *m == keep {
                pending.push_str(t);
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

/// The text of each paragraph of a document as the DOCX writes it: printed number, tab, text.
pub fn expected_paragraphs(r: &Resolution) -> Vec<String> {
    r.paragraphs
        .iter()
        .map(|p| {
            let n = match (p.kind, p.number.as_deref()) {
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
    eprintln!("SKIPPED {what}: `{bin}` not found (install it to run this test)");
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

/// Parse errors html5ever reports for `html` (exact errors on).
pub fn html5_errors(html: &str) -> Vec<String> {
    use html5ever::driver::ParseOpts;
    use html5ever::tendril::TendrilSink;
    use html5ever::tokenizer::TokenizerOpts;
    use html5ever::tree_builder::TreeBuilderOpts;
    use markup5ever_rcdom::RcDom;
    let opts = ParseOpts {
        tokenizer: TokenizerOpts {
            exact_errors: true,
            ..TokenizerOpts::default()
        },
        tree_builder: TreeBuilderOpts {
            exact_errors: true,
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    };
    let dom = html5ever::parse_document(RcDom::default(), opts)
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .unwrap();
    let errors = dom.errors.borrow();
    errors.iter().map(|e| e.to_string()).collect()
}
