//! The JSON contracts of `resdiff parse --format json` and `resdiff compare --format json`.

use serde_json::{Value, json};

use super::ReportError;
use super::common::{change_str, direction_str, ids};
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

fn paragraph_json(p: &Paragraph) -> Value {
    let (part, annex, annex_label) = match &p.part {
        Part::Body => ("body", Value::Null, Value::Null),
        Part::Annex { index, label } => ("annex", json!(index), json!(label)),
    };
    json!({
        "id": p.id,
        "kind": paragraph_kind_str(p.kind),
        "number": p.number,
        "printed_number": p.printed_number,
        "lead": p.lead,
        "text": p.text,
        "parent": p.parent,
        "part": part,
        "annex": annex,
        "annex_label": annex_label,
        "section": p.section,
        "footnote_refs": p.footnote_refs.iter().map(|r| json!({"number": r.number, "offset": r.offset})).collect::<Vec<_>>(),
    })
}

/// The JSON of one parsed document (the `resdiff parse --format json` contract).
///
/// Fields: `symbol`, `title`, `date`, `session`, `plenary_meeting`, `committee_report`,
/// `agenda_item`, `kind`, `sponsors`, `head_lines`, `closing_lines`, `flavour`, `structured`,
/// `paragraphs` (each `id`, `kind`,
/// `number`, `printed_number`, `lead`, `text`, `parent`, `part` (`body`/`annex`), `annex`, `annex_label`, `section`,
/// `footnote_refs`), `footnotes` (`number`, `text`) and `warnings`. Absent values are `null`.
pub fn resolution_json(r: &Resolution) -> Value {
    let m = &r.meta;
    let flavour = serde_json::to_value(r.flavour).unwrap_or(Value::Null);
    json!({
        "symbol": m.symbol,
        "title": m.title,
        "date": m.date,
        "session": m.session,
        "plenary_meeting": m.plenary_meeting,
        "committee_report": m.committee_report,
        "agenda_item": m.agenda_item,
        "kind": kind_str(m.kind),
        "sponsors": m.sponsors,
        "head_lines": m.head_lines,
        "closing_lines": m.closing_lines,
        "flavour": flavour,
        "structured": r.structured,
        "paragraphs": r.paragraphs.iter().map(paragraph_json).collect::<Vec<_>>(),
        "footnotes": r.footnotes.iter().map(|f| json!({"number": f.number, "text": f.text})).collect::<Vec<_>>(),
        "warnings": r.warnings,
    })
}

fn lead_json(l: &LeadChange) -> Value {
    json!({
        "old": l.old,
        "new": l.new,
        "direction": direction_str(l.direction),
        "scale": l.scale,
        "kind_change": l.kind_change.map(|k| k.as_str()),
    })
}

fn footnote_json(f: &FootnoteChange) -> Value {
    match f {
        FootnoteChange::Added { text } => json!({"change": "added", "text": text}),
        FootnoteChange::Removed { text } => json!({"change": "removed", "text": text}),
        FootnoteChange::Changed {
            old,
            new,
            routine_reason,
        } => match routine_reason {
            Some(why) => {
                json!({"change": "changed", "old": old, "new": new, "routine_reason": why})
            }
            None => json!({"change": "changed", "old": old, "new": new}),
        },
    }
}

fn pair_json(c: &Comparison, i: usize, p: &Pair) -> Value {
    let old_ids = ids(&c.old, &p.old);
    let new_ids = ids(&c.new, &p.new);
    let ops: Vec<Value> = p
        .ops
        .iter()
        .map(|o| {
            let op = match o.op {
                OpKind::Equal => "equal",
                OpKind::Insert => "insert",
                OpKind::Delete => "delete",
            };
            if o.routine {
                json!({"op": op, "text": o.text, "routine": true, "routine_reason": o.routine_reason})
            } else {
                json!({"op": op, "text": o.text})
            }
        })
        .collect();
    json!({
        "index": i,
        "old": old_ids.first(),
        "new": new_ids.first(),
        "old_ids": old_ids,
        "new_ids": new_ids,
        "status": p.status.as_str(),
        "similarity": p.similarity.clamp(0.0, 1.0),
        "reason": p.reason.map(|r| r.as_str()),
        "renumbered": p.renumbered,
        "change": change_str(p.class.kind),
        "lead_change": p.class.lead_change.as_ref().map(lead_json),
        "footnotes": p.class.footnotes.iter().map(footnote_json).collect::<Vec<_>>(),
        "references_added": p.class.references_added,
        "references_removed": p.class.references_removed,
        "ops": ops,
    })
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
    let s = &c.summary;
    let counts = serde_json::to_value(s.counts).unwrap_or(Value::Null);
    json!({
        "format_version": FORMAT_VERSION,
        "old": resolution_json(&c.old),
        "new": resolution_json(&c.new),
        "pairs": c.pairs.iter().enumerate().map(|(i, p)| pair_json(c, i, p)).collect::<Vec<_>>(),
        "summary": {
            "counts": counts,
            "changed": s.changed,
            "position_only": s.position_only,
            "routine": s.routine,
            "substantive": s.substantive,
            "footnote_only": s.footnote_only,
            "session_gap": s.session_gap,
            "similarity": s.similarity.clamp(0.0, 1.0),
            "sections": s.sections.iter().map(|x| json!({
                "section": x.section,
                "counts": serde_json::to_value(x.counts).unwrap_or(Value::Null),
            })).collect::<Vec<_>>(),
            "renumbering": s.renumbering.iter().map(|r| json!({"old": r.old, "new": r.new})).collect::<Vec<_>>(),
            "lead_changes": s.lead_changes.iter().map(|l| json!({
                "pair": l.pair,
                "old_id": l.old_id,
                "new_id": l.new_id,
                "old": l.change.old,
                "new": l.change.new,
                "direction": direction_str(l.change.direction),
                "scale": l.change.scale,
                "kind_change": l.change.kind_change.map(|k| k.as_str()),
            })).collect::<Vec<_>>(),
            "reference_changes": s.reference_changes.iter().map(|r| json!({
                "pair": r.pair,
                "reference": r.reference,
                "added": r.added,
            })).collect::<Vec<_>>(),
        },
        "warnings": c.warnings,
    })
}

/// Pretty-printed [`comparison_json`] with a trailing newline.
pub fn render(c: &Comparison) -> Result<Vec<u8>, ReportError> {
    let mut v = serde_json::to_vec_pretty(&comparison_json(c))?;
    v.push(b'\n');
    Ok(v)
}
