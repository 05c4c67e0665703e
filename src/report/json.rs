//! The JSON contracts of `resdiff parse --format json` and `resdiff compare --format json`.

use serde::Serialize;
use serde_json::Value;

use super::ReportError;
use super::common::{change_str, direction_str, id_refs};
use crate::compare::{Comparison, Pair};
use crate::diff::{FootnoteChange, LeadChange, OpKind};
use crate::model::{DocumentKind, Paragraph, ParagraphKind, Part, Resolution};

/// Version of the compare JSON layout; bumped when a field changes meaning or is removed.
pub const FORMAT_VERSION: u32 = 2;

fn kind_str(k: DocumentKind) -> &'static str {
    match k {
        DocumentKind::Resolution => "resolution",
        DocumentKind::DraftResolution => "draft_resolution",
        DocumentKind::Decision => "decision",
        DocumentKind::Unknown => "unknown",
    }
}

fn paragraph_kind_str(k: ParagraphKind) -> &'static str {
    match k {
        ParagraphKind::Preambular => "preambular",
        ParagraphKind::Operative => "operative",
        ParagraphKind::SubParagraph => "sub_paragraph",
        ParagraphKind::Heading => "heading",
        ParagraphKind::Unstructured => "unstructured",
    }
}

// The JSON is written from borrowed views of the model. Their fields are declared in
// alphabetical order: the layout is the one `serde_json::Value` objects give (sorted keys), which
// earlier versions built and readers may rely on; the views only avoid building that tree
// (`tests/report_json_views.rs` pins the bytes against the `Value` built the old way).

#[derive(Serialize)]
struct FootnoteRefView {
    number: u32,
    offset: usize,
}

#[derive(Serialize)]
struct ParagraphView<'a> {
    annex: Option<u32>,
    annex_label: Option<&'a str>,
    footnote_refs: Vec<FootnoteRefView>,
    id: &'a str,
    kind: &'static str,
    lead: &'a Option<String>,
    number: &'a Option<String>,
    parent: &'a Option<String>,
    part: &'static str,
    printed_number: &'a Option<String>,
    section: &'a Option<String>,
    text: &'a str,
}

fn paragraph_view(p: &Paragraph) -> ParagraphView<'_> {
    let (part, annex, annex_label) = match &p.part {
        Part::Body => ("body", None, None),
        Part::Annex { index, label } => ("annex", Some(*index), Some(label.as_str())),
    };
    ParagraphView {
        annex,
        annex_label,
        footnote_refs: p
            .footnote_refs
            .iter()
            .map(|r| FootnoteRefView {
                number: r.number,
                offset: r.offset,
            })
            .collect(),
        id: &p.id,
        kind: paragraph_kind_str(p.kind),
        lead: &p.lead,
        number: &p.number,
        parent: &p.parent,
        part,
        printed_number: &p.printed_number,
        section: &p.section,
        text: &p.text,
    }
}

#[derive(Serialize)]
struct FootnoteView<'a> {
    number: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct ResolutionView<'a> {
    agenda_item: &'a Option<String>,
    closing_lines: &'a [String],
    committee_report: &'a Option<String>,
    date: &'a Option<String>,
    flavour: crate::model::TextFlavour,
    footnotes: Vec<FootnoteView<'a>>,
    head_lines: &'a [String],
    kind: &'static str,
    paragraphs: Vec<ParagraphView<'a>>,
    plenary_meeting: Option<u32>,
    session: Option<u32>,
    sponsors: &'a Option<String>,
    structured: bool,
    symbol: &'a Option<String>,
    title: &'a Option<String>,
    warnings: &'a [String],
}

fn resolution_view(r: &Resolution) -> ResolutionView<'_> {
    let m = &r.meta;
    ResolutionView {
        agenda_item: &m.agenda_item,
        closing_lines: &m.closing_lines,
        committee_report: &m.committee_report,
        date: &m.date,
        flavour: r.flavour,
        footnotes: r
            .footnotes
            .iter()
            .map(|f| FootnoteView {
                number: f.number,
                text: &f.text,
            })
            .collect(),
        head_lines: &m.head_lines,
        kind: kind_str(m.kind),
        paragraphs: r.paragraphs.iter().map(paragraph_view).collect(),
        plenary_meeting: m.plenary_meeting,
        session: m.session,
        sponsors: &m.sponsors,
        structured: r.structured,
        symbol: &m.symbol,
        title: &m.title,
        warnings: &r.warnings,
    }
}

/// The JSON of one parsed document (the `resdiff parse --format json` contract).
///
/// Fields: `symbol`, `title`, `date`, `session`, `plenary_meeting`, `committee_report`,
/// `agenda_item`, `kind`, `sponsors`, `head_lines`, `closing_lines`, `flavour`, `structured`,
/// `paragraphs` (each `id`, `kind`,
/// `number`, `printed_number`, `lead`, `text`, `parent`, `part` (`body`/`annex`), `annex`, `annex_label`, `section`,
/// `footnote_refs`), `footnotes` (`number`, `text`) and `warnings`. Absent values are `null`.
pub fn resolution_json(r: &Resolution) -> Value {
    serde_json::to_value(resolution_view(r)).unwrap_or(Value::Null)
}

/// Pretty-printed [`resolution_json`] with a trailing newline, written straight from the model.
pub fn render_resolution(r: &Resolution) -> Result<String, ReportError> {
    let mut s = serde_json::to_string_pretty(&resolution_view(r))?;
    s.push('\n');
    Ok(s)
}

#[derive(Serialize)]
struct LeadView<'a> {
    direction: &'static str,
    kind_change: Option<&'static str>,
    new: &'a str,
    old: &'a str,
    scale: &'a Option<String>,
}

fn lead_view(l: &LeadChange) -> LeadView<'_> {
    LeadView {
        direction: direction_str(l.direction),
        kind_change: l.kind_change.map(|k| k.as_str()),
        new: &l.new,
        old: &l.old,
        scale: &l.scale,
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum FootnoteChangeView<'a> {
    Text {
        change: &'static str,
        text: &'a str,
    },
    Changed {
        change: &'static str,
        new: &'a str,
        old: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        routine_reason: Option<&'a str>,
    },
}

fn footnote_view(f: &FootnoteChange) -> FootnoteChangeView<'_> {
    match f {
        FootnoteChange::Added { text } => FootnoteChangeView::Text {
            change: "added",
            text,
        },
        FootnoteChange::Removed { text } => FootnoteChangeView::Text {
            change: "removed",
            text,
        },
        FootnoteChange::Changed {
            old,
            new,
            routine_reason,
        } => FootnoteChangeView::Changed {
            change: "changed",
            new,
            old,
            routine_reason: routine_reason.as_deref(),
        },
    }
}

#[derive(Serialize)]
struct OpView<'a> {
    op: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    routine: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    routine_reason: Option<&'a Option<String>>,
    text: &'a str,
}

#[derive(Serialize)]
struct PairView<'a> {
    change: &'static str,
    footnotes: Vec<FootnoteChangeView<'a>>,
    index: usize,
    lead_change: Option<LeadView<'a>>,
    new: Option<&'a str>,
    new_ids: Vec<&'a str>,
    old: Option<&'a str>,
    old_ids: Vec<&'a str>,
    ops: Vec<OpView<'a>>,
    reason: Option<&'static str>,
    references_added: &'a [String],
    references_removed: &'a [String],
    renumbered: bool,
    similarity: f64,
    status: &'static str,
}

fn pair_view<'a>(c: &'a Comparison, i: usize, p: &'a Pair) -> PairView<'a> {
    let old_ids = id_refs(&c.old, &p.old);
    let new_ids = id_refs(&c.new, &p.new);
    let ops = p
        .ops
        .iter()
        .map(|o| OpView {
            op: match o.op {
                OpKind::Equal => "equal",
                OpKind::Insert => "insert",
                OpKind::Delete => "delete",
            },
            routine: o.routine.then_some(true),
            routine_reason: o.routine.then_some(&o.routine_reason),
            text: &o.text,
        })
        .collect();
    PairView {
        change: change_str(p.class.kind),
        footnotes: p.class.footnotes.iter().map(footnote_view).collect(),
        index: i,
        lead_change: p.class.lead_change.as_ref().map(lead_view),
        new: new_ids.first().copied(),
        new_ids,
        old: old_ids.first().copied(),
        old_ids,
        ops,
        reason: p.reason.map(|r| r.as_str()),
        references_added: &p.class.references_added,
        references_removed: &p.class.references_removed,
        renumbered: p.renumbered,
        similarity: p.similarity.clamp(0.0, 1.0),
        status: p.status.as_str(),
    }
}

#[derive(Serialize)]
struct SectionView<'a> {
    counts: Value,
    section: &'a str,
}

#[derive(Serialize)]
struct RenumberingView<'a> {
    new: &'a str,
    old: &'a str,
}

#[derive(Serialize)]
struct LeadEntryView<'a> {
    direction: &'static str,
    kind_change: Option<&'static str>,
    new: &'a str,
    new_id: &'a str,
    old: &'a str,
    old_id: &'a str,
    pair: usize,
    scale: &'a Option<String>,
}

#[derive(Serialize)]
struct ReferenceView<'a> {
    added: bool,
    pair: usize,
    reference: &'a str,
}

#[derive(Serialize)]
struct SummaryView<'a> {
    changed: usize,
    counts: Value,
    footnote_only: usize,
    lead_changes: Vec<LeadEntryView<'a>>,
    position_only: usize,
    reference_changes: Vec<ReferenceView<'a>>,
    renumbering: Vec<RenumberingView<'a>>,
    routine: usize,
    sections: Vec<SectionView<'a>>,
    session_gap: Option<i32>,
    similarity: f64,
    substantive: usize,
}

#[derive(Serialize)]
struct ComparisonView<'a> {
    format_version: u32,
    new: ResolutionView<'a>,
    old: ResolutionView<'a>,
    pairs: Vec<PairView<'a>>,
    summary: SummaryView<'a>,
    warnings: &'a [String],
}

fn comparison_view(c: &Comparison) -> ComparisonView<'_> {
    let s = &c.summary;
    // The status counts keep the sorted keys of a JSON object (a small map, built as before).
    let counts = |x| serde_json::to_value(x).unwrap_or(Value::Null);
    ComparisonView {
        format_version: FORMAT_VERSION,
        new: resolution_view(&c.new),
        old: resolution_view(&c.old),
        pairs: c
            .pairs
            .iter()
            .enumerate()
            .map(|(i, p)| pair_view(c, i, p))
            .collect(),
        summary: SummaryView {
            changed: s.changed,
            counts: counts(s.counts),
            footnote_only: s.footnote_only,
            lead_changes: s
                .lead_changes
                .iter()
                .map(|l| LeadEntryView {
                    direction: direction_str(l.change.direction),
                    kind_change: l.change.kind_change.map(|k| k.as_str()),
                    new: &l.change.new,
                    new_id: &l.new_id,
                    old: &l.change.old,
                    old_id: &l.old_id,
                    pair: l.pair,
                    scale: &l.change.scale,
                })
                .collect(),
            position_only: s.position_only,
            reference_changes: s
                .reference_changes
                .iter()
                .map(|r| ReferenceView {
                    added: r.added,
                    pair: r.pair,
                    reference: &r.reference,
                })
                .collect(),
            renumbering: s
                .renumbering
                .iter()
                .map(|r| RenumberingView {
                    new: &r.new,
                    old: &r.old,
                })
                .collect(),
            routine: s.routine,
            sections: s
                .sections
                .iter()
                .map(|x| SectionView {
                    counts: counts(x.counts),
                    section: &x.section,
                })
                .collect(),
            session_gap: s.session_gap,
            similarity: s.similarity.clamp(0.0, 1.0),
            substantive: s.substantive,
        },
        warnings: &c.warnings,
    }
}

/// The JSON of a comparison (the `resdiff compare --format json` contract).
///
/// Fields: `format_version`, `old` and `new` (each [`resolution_json`]), `pairs` (each `index`,
/// `old`/`new` = first paragraph id or `null`, `old_ids`/`new_ids`, `status`, `similarity`,
/// `reason` (the structural evidence of a link below the similarity floor, else `null`),
/// `renumbered`, `change` (`none|routine|footnote|substantive`), `lead_change` (`old`, `new`,
/// `direction` = `stronger|weaker|neutral|reversed`, `scale`, `kind_change` =
/// `operative_to_preambular|preambular_to_operative|null`), `footnotes` (a changed note may carry
/// `routine_reason`), `references_added`, `references_removed`, `ops` = `[{op:
/// equal|insert|delete, text, routine?, routine_reason?}]`), `summary` (`counts`, `changed` =
/// `substantive + routine + position_only`, `routine`, `substantive` (footnote-only pairs
/// included), `footnote_only`, `position_only` (renumbered or moved, text unchanged), `session_gap`,
/// `similarity`, `sections`,
/// `renumbering`, `lead_changes`, `reference_changes`) and `warnings`.
pub fn comparison_json(c: &Comparison) -> Value {
    serde_json::to_value(comparison_view(c)).unwrap_or(Value::Null)
}

/// Pretty-printed [`comparison_json`] with a trailing newline, written straight from the
/// comparison (no intermediate `Value` tree).
pub fn render(c: &Comparison) -> Result<Vec<u8>, ReportError> {
    // The report holds each text about three times (the documents, the ops) plus the layout:
    // reserving that at once spares the copies and fresh pages of a doubling buffer.
    let texts: usize = [&c.old, &c.new]
        .iter()
        .flat_map(|r| &r.paragraphs)
        .map(|p| p.text.len())
        .sum();
    let mut v = Vec::with_capacity(4 * texts + 16 * 1024);
    serde_json::to_writer_pretty(&mut v, &comparison_view(c))?;
    v.push(b'\n');
    Ok(v)
}
