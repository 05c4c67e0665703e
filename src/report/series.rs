//! Reports of a [`Series`]: the history of every paragraph of the newest version (JSON, text,
//! HTML) and the blame of its words (JSON, text).

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::common::change_str;
use super::html::esc;
use crate::diff::{DiffOp, OpKind};
use crate::series::{Blame, HistoryEntry, Series};

fn versions_json(s: &Series) -> Value {
    Value::Array(
        s.versions
            .iter()
            .map(|v| {
                json!({
                    "symbol": v.symbol,
                    "date": v.date,
                    "file": v.file.display().to_string(),
                    "stage": v.stage.as_str(),
                })
            })
            .collect(),
    )
}

fn ops_json(ops: &[DiffOp]) -> Value {
    serde_json::to_value(ops).unwrap_or(Value::Null)
}

fn status_str(e: &HistoryEntry) -> &'static str {
    e.status.map_or("original", |s| s.as_str())
}

/// The series as JSON: `versions` (`symbol`, `date`, `file`, `stage`), `paragraphs` (`id`,
/// `first_version`, `changed_in`, `history` of `{version, id, status, change, ops}`), `removed`
/// (`{id, version, removed_in, text}`) and `warnings`. Versions are named by symbol; `ops` is the
/// step's word diff, present where the paragraph changed.
pub fn series_json(s: &Series) -> Value {
    let sym = |v: usize| s.versions.get(v).map_or("", |x| x.symbol.as_str());
    let newest = &s.newest().doc;
    let paragraphs: Vec<Value> = s
        .paragraphs
        .iter()
        .map(|h| {
            let history: Vec<Value> = h
                .history
                .iter()
                .map(|e| {
                    let mut entry = json!({
                        "version": sym(e.version),
                        "id": s.ids(e.version, &e.paragraphs),
                        "status": status_str(e),
                        "change": e.change.map(change_str),
                    });
                    if e.change.is_some_and(|c| c != crate::diff::ChangeKind::None)
                        && let Some(obj) = entry.as_object_mut()
                    {
                        obj.insert("ops".into(), ops_json(&s.step_ops(e)));
                    }
                    entry
                })
                .collect();
            json!({
                "id": newest.paragraphs.get(h.paragraph).map(|p| p.id.as_str()),
                "first_version": sym(h.first_version),
                "changed_in": h.changed_in.iter().map(|&v| sym(v)).collect::<Vec<_>>(),
                "history": history,
            })
        })
        .collect();
    let removed: Vec<Value> = s
        .removed
        .iter()
        .map(|r| {
            json!({
                "id": s.ids(r.version, &[r.paragraph]),
                "version": sym(r.version),
                "removed_in": sym(r.removed_in),
                "text": s.versions.get(r.version)
                    .and_then(|v| v.doc.paragraphs.get(r.paragraph))
                    .map(|p| p.text.as_str()),
            })
        })
        .collect();
    json!({
        "versions": versions_json(s),
        "paragraphs": paragraphs,
        "removed": removed,
        "warnings": s.warnings,
    })
}

/// `[-deleted-]{+inserted+}` redline of ops (routine ones `[~-…-~]{~+…+~}`).
fn redline(ops: &[DiffOp]) -> String {
    let mut out = String::new();
    for op in ops {
        match (op.op, op.routine) {
            (OpKind::Equal, _) => out.push_str(&op.text),
            (OpKind::Delete, false) => {
                let _ = write!(out, "[-{}-]", op.text);
            }
            (OpKind::Insert, false) => {
                let _ = write!(out, "{{+{}+}}", op.text);
            }
            (OpKind::Delete, true) => {
                let _ = write!(out, "[~-{}-~]", op.text);
            }
            (OpKind::Insert, true) => {
                let _ = write!(out, "{{~+{}+~}}", op.text);
            }
        }
    }
    out
}

/// One line per version, oldest first: `  MARK SYMBOL  DATE  MORE`, with the mark and the rest
/// of the line given by `parts` (number and file for the series, number and word count for
/// blame).
fn version_lines(
    out: &mut String,
    s: &Series,
    parts: impl Fn(usize, &crate::series::Version) -> (String, String),
) {
    for (i, v) in s.versions.iter().enumerate() {
        let (mark, more) = parts(i, v);
        let _ = writeln!(
            out,
            "  {mark} {}  {}  {more}",
            v.symbol,
            v.date.as_deref().unwrap_or("(no date)"),
        );
    }
}

/// The series as text: the versions, then per paragraph of the newest version its first
/// version, its ids along the way and the redline of each step that changed it, then the
/// paragraphs removed along the way.
pub fn series_text(s: &Series) -> String {
    let mut out = String::new();
    let sym = |v: usize| s.versions.get(v).map_or("", |x| x.symbol.as_str());
    let _ = writeln!(out, "Versions, oldest first:");
    version_lines(&mut out, s, |i, v| {
        (
            format!("{}.", i + 1),
            format!("{}  {}", v.stage.as_str(), v.file.display()),
        )
    });
    for w in &s.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let newest = &s.newest().doc;
    for h in &s.paragraphs {
        let Some(p) = newest.paragraphs.get(h.paragraph) else {
            continue;
        };
        let _ = writeln!(out);
        let changed: Vec<&str> = h.changed_in.iter().map(|&v| sym(v)).collect();
        let _ = writeln!(
            out,
            "{}  first in {}; changed in {}",
            p.id,
            sym(h.first_version),
            if changed.is_empty() {
                "no later version".to_string()
            } else {
                changed.join(", ")
            }
        );
        let trail: Vec<String> = h
            .history
            .iter()
            .map(|e| {
                format!(
                    "{} {} ({})",
                    sym(e.version),
                    s.ids(e.version, &e.paragraphs),
                    status_str(e)
                )
            })
            .collect();
        let _ = writeln!(out, "  {}", trail.join(" → "));
        for e in h
            .history
            .iter()
            .filter(|e| e.change.is_some_and(|c| c != crate::diff::ChangeKind::None))
        {
            let _ = writeln!(
                out,
                "  in {} ({}): {}",
                sym(e.version),
                e.change.map_or("", change_str),
                redline(&s.step_ops(e))
            );
        }
    }
    if !s.removed.is_empty() {
        let _ = writeln!(out, "\nRemoved along the way:");
        for r in &s.removed {
            let text = s
                .versions
                .get(r.version)
                .and_then(|v| v.doc.paragraphs.get(r.paragraph))
                .map_or("", |p| p.text.as_str());
            let _ = writeln!(
                out,
                "  {} of {}, removed in {}: {}",
                s.ids(r.version, &[r.paragraph]),
                sym(r.version),
                sym(r.removed_in),
                text
            );
        }
    }
    out
}

const CSS: &str = r#"
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 15px; line-height: 1.45; color: #111;
  background: #fff; margin: 0 auto; max-width: 1100px; padding: 1.2em 1.5em 3em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; border-bottom: 2px solid #333; margin-top: 1.6em; }
ol.timeline { display: flex; flex-wrap: wrap; gap: .4em 1.4em; padding: 0; list-style: none; }
ol.timeline li { border: 1px solid #bbb; border-radius: 4px; padding: .3em .6em; }
ol.timeline li small { display: block; color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c8c8; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
td.id { white-space: nowrap; font-weight: bold; }
.trail { font-size: .88em; color: #333; }
.step { margin: .3em 0; }
.step b { font-size: .85em; }
del { color: #b3261e; background: #fde7e6; } ins { color: #0a6b2b; background: #e3f4e7; }
del.routine, ins.routine { color: #6b6b6b; background: none; }
"#;

fn ops_html(ops: &[DiffOp]) -> String {
    let mut out = String::new();
    for op in ops {
        let class = if op.routine { " class=\"routine\"" } else { "" };
        let title = op
            .routine_reason
            .as_deref()
            .map(|r| format!(" title=\"routine: {}\"", esc(r)))
            .unwrap_or_default();
        match op.op {
            OpKind::Equal => out.push_str(&esc(&op.text)),
            OpKind::Delete => {
                let _ = write!(out, "<del{class}{title}>{}</del>", esc(&op.text));
            }
            OpKind::Insert => {
                let _ = write!(out, "<ins{class}{title}>{}</ins>", esc(&op.text));
            }
        }
    }
    out.replace('\n', "<br>")
}

/// The series as one self-contained HTML page: a timeline of the versions, a table with one row
/// per paragraph of the newest version (first version, ids along the way, each changing step's
/// redline) and the paragraphs removed along the way.
pub fn series_html(s: &Series) -> String {
    let sym = |v: usize| s.versions.get(v).map_or("", |x| x.symbol.as_str());
    let newest = &s.newest().doc;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Series: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>History of {}</h1>\n",
        esc(&s.newest().symbol),
        esc(&s.newest().symbol)
    );
    h.push_str("<ol class=\"timeline\">");
    for v in &s.versions {
        let _ = write!(
            h,
            "<li>{}<small>{} · {}</small></li>",
            esc(&v.symbol),
            esc(v.date.as_deref().unwrap_or("no date")),
            v.stage.as_str()
        );
    }
    h.push_str("</ol>\n");
    for w in &s.warnings {
        let _ = writeln!(h, "<p>Warning: {}</p>", esc(w));
    }
    h.push_str("<h2>Paragraphs of the newest version</h2>\n<table>\n<thead><tr><th>Paragraph</th><th>First in</th><th>History and changes</th></tr></thead>\n<tbody>\n");
    for ph in &s.paragraphs {
        let Some(p) = newest.paragraphs.get(ph.paragraph) else {
            continue;
        };
        let trail: Vec<String> = ph
            .history
            .iter()
            .map(|e| {
                esc(&format!(
                    "{} {} ({})",
                    sym(e.version),
                    s.ids(e.version, &e.paragraphs),
                    status_str(e)
                ))
            })
            .collect();
        let _ = write!(
            h,
            "<tr id=\"{}\"><td class=\"id\">{}</td><td>{}</td><td><div class=\"trail\">{}</div>",
            esc(&p.id),
            esc(&p.id),
            esc(sym(ph.first_version)),
            trail.join(" → ")
        );
        let mut any = false;
        for e in ph
            .history
            .iter()
            .filter(|e| e.change.is_some_and(|c| c != crate::diff::ChangeKind::None))
        {
            any = true;
            let _ = write!(
                h,
                "<div class=\"step\"><b>{} ({})</b>: {}</div>",
                esc(sym(e.version)),
                e.change.map_or("", change_str),
                ops_html(&s.step_ops(e))
            );
        }
        if !any {
            let _ = write!(h, "<div class=\"step\">{}</div>", esc(&p.text));
        }
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody>\n</table>\n<h2>Removed along the way</h2>\n");
    if s.removed.is_empty() {
        h.push_str("<p>No paragraph was removed.</p>\n");
    } else {
        h.push_str("<table>\n<thead><tr><th>Paragraph</th><th>Last in</th><th>Removed in</th><th>Text</th></tr></thead>\n<tbody>\n");
        for r in &s.removed {
            let text = s
                .versions
                .get(r.version)
                .and_then(|v| v.doc.paragraphs.get(r.paragraph))
                .map_or("", |p| p.text.as_str());
            let _ = writeln!(
                h,
                "<tr><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&s.ids(r.version, &[r.paragraph])),
                esc(sym(r.version)),
                esc(sym(r.removed_in)),
                esc(text)
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// Blame as JSON: `versions`, `counts` (words per version symbol, oldest first), `paragraphs` of
/// `{id, text, words: [{start, end, text, version, routine?}]}` with byte offsets in the text,
/// and `warnings`.
pub fn blame_json(s: &Series, b: &Blame) -> Value {
    let sym = |v: usize| s.versions.get(v).map_or("", |x| x.symbol.as_str());
    let newest = &s.newest().doc;
    let counts: Vec<Value> = b
        .counts(s.versions.len())
        .iter()
        .enumerate()
        .map(|(v, n)| json!({"version": sym(v), "words": n}))
        .collect();
    let paragraphs: Vec<Value> = b
        .paragraphs
        .iter()
        .filter_map(|bp| {
            let p = newest.paragraphs.get(bp.paragraph)?;
            let words: Vec<Value> = bp
                .words
                .iter()
                .map(|w| {
                    let mut v = json!({
                        "start": w.start,
                        "end": w.end,
                        "text": p.text.get(w.start..w.end),
                        "version": sym(w.version),
                    });
                    if w.routine
                        && let Some(o) = v.as_object_mut()
                    {
                        o.insert("routine".into(), Value::Bool(true));
                    }
                    v
                })
                .collect();
            Some(json!({"id": p.id, "text": p.text, "words": words}))
        })
        .collect();
    let mut warnings = s.warnings.clone();
    warnings.extend(b.warnings.iter().cloned());
    json!({
        "versions": versions_json(s),
        "counts": counts,
        "paragraphs": paragraphs,
        "warnings": warnings,
    })
}

/// Blame as text: a legend numbering the versions, then each paragraph with `⟨k⟩` before every
/// run of words introduced by version k (`⟨k~⟩` for a routine update).
pub fn blame_text(s: &Series, b: &Blame) -> String {
    let mut out = String::from("Versions:\n");
    let counts = b.counts(s.versions.len());
    version_lines(&mut out, s, |i, _| {
        (
            format!("⟨{}⟩", i + 1),
            format!("{} words", counts.get(i).copied().unwrap_or(0)),
        )
    });
    for w in s.warnings.iter().chain(&b.warnings) {
        let _ = writeln!(out, "warning: {w}");
    }
    let newest = &s.newest().doc;
    for bp in &b.paragraphs {
        let Some(p) = newest.paragraphs.get(bp.paragraph) else {
            continue;
        };
        let _ = write!(out, "\n{}  ", p.id);
        let mut last: Option<(usize, bool)> = None;
        for (k, w) in bp.words.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            if last != Some((w.version, w.routine)) {
                let _ = write!(
                    out,
                    "⟨{}{}⟩",
                    w.version + 1,
                    if w.routine { "~" } else { "" }
                );
                last = Some((w.version, w.routine));
            }
            out.push_str(p.text.get(w.start..w.end).unwrap_or(""));
        }
        out.push('\n');
    }
    out
}
