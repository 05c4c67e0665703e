//! Provenance reports: which earlier documents hold the wording of a document's paragraphs or of
//! a comparison's inserted text.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::html::esc;
use crate::provenance::{ParagraphProvenance, Source};

fn source_json(s: &Source) -> Value {
    json!({"symbol": &*s.symbol, "date": s.date.as_deref(), "paragraph": &*s.paragraph})
}

/// `[{id, spans: [{start, end, text, sources: [{symbol, date, paragraph}]}]}]`, byte offsets in
/// the paragraph's text, sources oldest first.
pub fn provenance_paragraphs_json(paras: &[ParagraphProvenance]) -> Value {
    Value::Array(
        paras
            .iter()
            .map(|p| {
                let spans: Vec<Value> = p
                    .spans
                    .iter()
                    .map(|s| {
                        json!({
                            "start": s.start,
                            "end": s.end,
                            "text": s.text,
                            "sources": s.sources.iter().map(source_json).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                json!({"id": p.id, "spans": spans})
            })
            .collect(),
    )
}

/// `{symbol, paragraphs: [...]}` (see [`provenance_paragraphs_json`]).
pub fn provenance_json(symbol: &str, paras: &[ParagraphProvenance]) -> Value {
    json!({"symbol": symbol, "paragraphs": provenance_paragraphs_json(paras)})
}

fn earliest_latest(sources: &[Source]) -> String {
    let show = |s: &Source| {
        format!(
            "{} {} ({})",
            s.symbol,
            s.paragraph,
            s.date.as_deref().unwrap_or("no date")
        )
    };
    match sources {
        [] => String::new(),
        [one] => show(one),
        [first, .., last] => format!(
            "earliest {}, most recent {}; {} documents",
            show(first),
            show(last),
            sources.len()
        ),
    }
}

/// One block per paragraph: each span in quotes with its earliest and most recent source.
pub fn provenance_text(symbol: &str, paras: &[ParagraphProvenance]) -> String {
    let mut out = format!("Wording of {symbol} found in earlier documents:\n");
    if paras.is_empty() {
        out.push_str("  none\n");
    }
    for p in paras {
        let _ = writeln!(out, "\n{}", p.id);
        for s in &p.spans {
            let _ = writeln!(
                out,
                "  [{}..{}] “{}”\n    {}",
                s.start,
                s.end,
                s.text,
                earliest_latest(&s.sources)
            );
        }
    }
    out
}

/// An HTML section for a compare report: the inserted text found in earlier documents.
pub fn provenance_html_section(paras: &[ParagraphProvenance]) -> String {
    let mut h = String::from(
        "<section id=\"provenance\">\n<h2>Provenance of inserted text</h2>\n<p>Inserted wording (8 or more consecutive words, ignoring case, punctuation, hyphens and footnote marks) already found in earlier documents of the corpus.</p>\n",
    );
    if paras.is_empty() {
        h.push_str("<p>No inserted wording was found in an earlier document.</p>\n");
    } else {
        h.push_str("<table>\n<thead><tr><th>Paragraph</th><th>Wording</th><th>Earliest source</th><th>Most recent source</th><th>Documents</th></tr></thead>\n<tbody>\n");
        for p in paras {
            for s in &p.spans {
                let cell = |src: Option<&Source>| {
                    src.map(|s| {
                        format!(
                            "{} {} <small>({})</small>",
                            esc(&s.symbol),
                            esc(&s.paragraph),
                            esc(s.date.as_deref().unwrap_or("no date"))
                        )
                    })
                    .unwrap_or_default()
                };
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.id),
                    esc(&s.text),
                    cell(s.sources.first()),
                    cell(s.sources.last()),
                    s.sources.len()
                );
            }
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");
    h
}
