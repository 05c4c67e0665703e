//! One self-contained, printable HTML file: metadata, summary, renumbering map, lead-phrase
//! changes, a side-by-side table and an inline redline. No script, no external resource.

use std::fmt::Write as _;

use super::RenderOptions;
use super::common::labels;
use super::common::{change_index, cover_rows, kind_label, only_note, shown, status_label};
use super::common::{
    change_str, direction_str, is_changed, meta_keys, meta_rows, numbered_ops, ops, pair_label,
    paragraphs, printed_number, summary_lines,
};
use super::options::Layout;
use crate::compare::{Comparison, Pair, Status};
use crate::diff::{Direction, FootnoteChange, OpKind};

/// Escape text for HTML element content and double- or single-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab/newline are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with paragraph breaks (`\n`) as `<br>`.
fn esc_br(s: &str) -> String {
    esc(s).replace('\n', "<br>")
}

const CSS: &str = r#"
:root { --ins: #0a6b2b; --del: #b3261e; --muted: #6b6b6b; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 15px; line-height: 1.45;
  color: #111; background: #fff; margin: 0 auto; max-width: 1200px; padding: 1.2em 1.5em 3em; }
h1 { font-size: 1.45em; margin: 0 0 .4em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; border-bottom: 2px solid #333; padding-bottom: .15em; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
table.meta th:first-child, table.meta td:first-child { width: 12em; }
table.counts { width: auto; min-width: 22em; }
table.counts th, table.counts td.n { text-align: center; }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
nav { font-size: .9em; margin: .4em 0 1em; }
nav a { margin-right: 1em; }
del { color: var(--del); background: #fde7e6; text-decoration: line-through; text-decoration-thickness: 1.5px; }
ins { color: var(--ins); background: #e3f4e7; text-decoration: underline; text-decoration-thickness: 1.5px; }
del.routine, ins.routine { color: var(--muted); background: none; text-decoration-thickness: 1px; }
.legend { font-size: .9em; margin: .5em 0; }
ul.renum { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3em 1.6em; }
.legend span { margin-right: 1.2em; }
.status { font-family: "DejaVu Sans", Arial, sans-serif; font-size: .8em; white-space: nowrap; }
.status b { display: inline-block; border: 1px solid #555; border-radius: 3px; padding: 0 .3em; font-weight: 600; }
.kind-substantive { font-weight: 700; }
.kind-routine { color: var(--muted); }
.id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85em; white-space: nowrap; }
table.sbs td.text { width: 42%; }
tr.none td.text { color: #6b6b6b; }
table.index td { font-size: .9em; }
table.cover td { font-size: .9em; }
tr.routine td.text { color: #333; }
.stronger::before { content: "▲ "; }
.weaker::before { content: "▼ "; }
.pair { border-left: 3px solid var(--line); padding: .1em 0 .1em .8em; margin: .9em 0; }
.pair.substantive { border-left-color: #333; }
.pair p { margin: .3em 0; }
.notes { font-size: .9em; color: #333; margin: .2em 0; padding-left: 1.2em; }
.warn { color: #8a4b00; }
footer { margin-top: 2em; font-size: .8em; color: var(--muted); }
@page { size: A4; margin: 15mm 12mm 18mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  tr, .pair { break-inside: avoid; }
  thead { display: table-header-group; }
  del, ins { background: none; }
  del { text-decoration: line-through; }
  ins { text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn status_cell(pair: &Pair) -> String {
    let mut s = format!("<b>{}</b>", status_label(pair));
    if let Some(k) = kind_label(pair) {
        let _ = write!(s, " <span class=\"kind-{k}\">{k}</span>");
    }
    if pair.renumbered && pair.status != Status::Renumbered {
        s.push_str(" <span>renumbered</span>");
    }
    s
}

/// One side of the pair as HTML: the printed numbers and the text with only this side's marks.
fn side_html(c: &Comparison, pair: &Pair, old_side: bool) -> String {
    let (res, idxs) = if old_side {
        (&c.old, &pair.old)
    } else {
        (&c.new, &pair.new)
    };
    let paras = paragraphs(res, idxs);
    if paras.is_empty() {
        return String::from("<span class=\"status\">(none)</span>");
    }
    let numbers: Vec<String> = paras.iter().map(|p| printed_number(p)).collect();
    let mut out = String::new();
    let mut para_no = 0usize;
    let push_number = |out: &mut String, i: usize| {
        if let Some(n) = numbers.get(i)
            && !n.is_empty()
        {
            let _ = write!(out, "<span class=\"id\">{}</span> ", esc(n));
        }
    };
    push_number(&mut out, 0);
    for op in ops(c, pair).iter() {
        let show = match op.op {
            OpKind::Equal => true,
            OpKind::Delete => old_side,
            OpKind::Insert => !old_side,
        };
        if !show {
            continue;
        }
        let r = routine_attrs(op);
        let (open, close) = match op.op {
            OpKind::Equal => (String::new(), ""),
            OpKind::Delete => (format!("<del{r}>"), "</del>"),
            OpKind::Insert => (format!("<ins{r}>"), "</ins>"),
        };
        for (k, piece) in op.text.split('\n').enumerate() {
            if k > 0 {
                out.push_str("<br>");
                para_no += 1;
                push_number(&mut out, para_no);
            }
            if !piece.is_empty() {
                out.push_str(&open);
                out.push_str(&esc(piece));
                out.push_str(close);
            }
        }
    }
    out
}

/// The inline redline of a pair (both sides' marks in one text).
fn inline_html(c: &Comparison, pair: &Pair) -> String {
    let mut out = String::new();
    for op in numbered_ops(c, pair).iter() {
        let r = routine_attrs(op);
        match op.op {
            OpKind::Equal => out.push_str(&esc_br(&op.text)),
            OpKind::Delete => {
                let _ = write!(out, "<del{r}>{}</del>", esc_br(&op.text));
            }
            OpKind::Insert => {
                let _ = write!(out, "<ins{r}>{}</ins>", esc_br(&op.text));
            }
        }
    }
    out
}

/// ` class="routine" title="why"` for a routine op (the reason shows on hover), else nothing.
fn routine_attrs(op: &crate::diff::DiffOp) -> String {
    if !op.routine {
        return String::new();
    }
    match &op.routine_reason {
        Some(why) => format!(" class=\"routine\" title=\"routine: {}\"", esc(why)),
        None => " class=\"routine\"".to_string(),
    }
}

/// The legend of routine marks: every reason that muted a change in this comparison, with how
/// many marks it covers, so a reader can audit them.
fn routine_legend(c: &Comparison) -> String {
    let mut reasons: Vec<(String, usize)> = Vec::new();
    for pair in &c.pairs {
        let from_ops = pair
            .ops
            .iter()
            .filter(|o| o.routine)
            .filter_map(|o| o.routine_reason.clone());
        let from_notes = pair.class.footnotes.iter().filter_map(|f| match f {
            FootnoteChange::Changed {
                routine_reason: Some(r),
                ..
            } => Some(format!("footnote: {r}")),
            _ => None,
        });
        for r in from_ops.chain(from_notes) {
            match reasons.iter_mut().find(|(x, _)| *x == r) {
                Some((_, n)) => *n += 1,
                None => reasons.push((r, 1)),
            }
        }
    }
    let gap = match c.summary.session_gap {
        Some(g) => format!("the documents are {g} session(s) apart"),
        None => "the gap between the documents is unknown".to_string(),
    };
    let mut out = format!(
        "<h3>Routine updates</h3>\n<p>Muted marks are the annual rollover only; {gap}. Hover a muted mark for its rule.</p>"
    );
    if reasons.is_empty() {
        out.push_str("<p>No change was judged routine.</p>\n");
    } else {
        out.push_str("<ul class=\"routine-legend\">");
        for (r, n) in &reasons {
            let _ = write!(
                out,
                "<li><del class=\"routine\">{}</del> × {n}</li>",
                esc(r)
            );
        }
        out.push_str("</ul>\n");
    }
    out
}

fn direction_html(d: Direction) -> String {
    format!("<span class=\"{0}\">{0}</span>", direction_str(d))
}

/// Render the comparison as one HTML document.
pub fn render(c: &Comparison, opts: &RenderOptions) -> String {
    let (old_label, new_label) = labels(c, opts);
    let (old_label, new_label) = (old_label.as_str(), new_label.as_str());
    let side_by_side = opts.layout != Layout::Redline;
    let redline = opts.layout != Layout::SideBySide;
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"resdiff {}\">\n\
         <title>Comparison: {} → {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(old_label),
        esc(new_label)
    );
    let _ = writeln!(
        h,
        "<header>\n<h1>Comparison of {} (old) and {} (new)</h1>",
        esc(old_label),
        esc(new_label)
    );
    h.push_str("<nav><a href=\"#changes\">Changes</a><a href=\"#summary\">Summary</a><a href=\"#renumbering\">Renumbering</a><a href=\"#leads\">Lead phrases</a>");
    if side_by_side {
        h.push_str("<a href=\"#side-by-side\">Side by side</a>");
    }
    if redline {
        h.push_str("<a href=\"#redline\">Redline</a>");
    }
    h.push_str("</nav>\n");
    h.push_str("<table class=\"meta\"><thead><tr><th scope=\"col\"></th><th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead><tbody>\n");
    let old_rows = meta_rows(&c.old);
    let new_rows = meta_rows(&c.new);
    let keys = meta_keys(&old_rows, &new_rows);
    // The names used in this report, when one of them is not the document symbol.
    if c.old.meta.symbol.as_deref() != Some(old_label)
        || c.new.meta.symbol.as_deref() != Some(new_label)
    {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">Document</th><td>{}</td><td>{}</td></tr>",
            esc(old_label),
            esc(new_label)
        );
    }
    for k in keys {
        let o = old_rows
            .iter()
            .find(|r| r.0 == k)
            .map_or("—", |r| r.1.as_str());
        let n = new_rows
            .iter()
            .find(|r| r.0 == k)
            .map_or("—", |r| r.1.as_str());
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{k}</th><td>{}</td><td>{}</td></tr>",
            esc(o),
            esc(n)
        );
    }
    h.push_str("</tbody></table>\n");
    h.push_str("<table class=\"meta cover\"><tbody>\n");
    for (k, v) in cover_rows(c, opts) {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\">{k}</th><td colspan=\"2\">{}</td></tr>",
            esc(&v)
        );
    }
    h.push_str("</tbody></table>\n</header>\n<main>\n");
    index_html(&mut h, c, redline);

    // Summary
    h.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    for line in summary_lines(c) {
        let _ = writeln!(h, "<p>{}</p>", esc(&line));
    }
    h.push_str("<table class=\"counts\"><thead><tr><th scope=\"col\">Pairs</th>");
    for st in Status::ALL {
        let _ = write!(h, "<th scope=\"col\">{}</th>", st.as_str());
    }
    h.push_str("<th scope=\"col\">substantive</th><th scope=\"col\">routine only</th></tr></thead><tbody>\n<tr><th scope=\"row\">all</th>");
    for st in Status::ALL {
        let _ = write!(h, "<td class=\"n\">{}</td>", c.summary.counts.get(st));
    }
    let _ = writeln!(
        h,
        "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
        c.summary.substantive, c.summary.routine
    );
    for sec in &c.summary.sections {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&sec.section));
        for st in Status::ALL {
            let _ = write!(h, "<td class=\"n\">{}</td>", sec.counts.get(st));
        }
        h.push_str("<td></td><td></td></tr>\n");
    }
    h.push_str("</tbody></table>\n");
    if !c.summary.reference_changes.is_empty() {
        h.push_str("<h3>References to other documents</h3><ul class=\"notes\">\n");
        // One line per pair: `PP1: added 65/141; removed 2006/46, 2008/3`.
        let mut by_pair: Vec<(usize, Vec<&str>, Vec<&str>)> = Vec::new();
        for r in &c.summary.reference_changes {
            if by_pair.last().is_none_or(|e| e.0 != r.pair) {
                by_pair.push((r.pair, Vec::new(), Vec::new()));
            }
            if let Some(e) = by_pair.last_mut() {
                if r.added {
                    e.1.push(&r.reference);
                } else {
                    e.2.push(&r.reference);
                }
            }
        }
        for (pair, added, removed) in by_pair {
            let label = c
                .pairs
                .get(pair)
                .map(|p| pair_label(c, p))
                .unwrap_or_default();
            let mut parts = Vec::new();
            if !added.is_empty() {
                let v: Vec<String> = added
                    .iter()
                    .map(|r| format!("<ins>{}</ins>", esc(r)))
                    .collect();
                parts.push(format!("added {}", v.join(", ")));
            }
            if !removed.is_empty() {
                let v: Vec<String> = removed
                    .iter()
                    .map(|r| format!("<del>{}</del>", esc(r)))
                    .collect();
                parts.push(format!("removed {}", v.join(", ")));
            }
            let _ = writeln!(
                h,
                "<li><a class=\"id\" href=\"#p{pair}\">{}</a>: {}</li>",
                esc(&label),
                parts.join("; ")
            );
        }
        h.push_str("</ul>\n");
    }
    let mut warnings: Vec<String> = c.warnings.clone();
    warnings.extend(c.old.warnings.iter().map(|w| format!("old document: {w}")));
    warnings.extend(c.new.warnings.iter().map(|w| format!("new document: {w}")));
    if !warnings.is_empty() {
        h.push_str("<h3>Warnings</h3><ul class=\"warn\">\n");
        for w in &warnings {
            let _ = writeln!(h, "<li>{}</li>", esc(w));
        }
        h.push_str("</ul>\n");
    }
    h.push_str(&routine_legend(c));
    h.push_str("</section>\n");

    // Renumbering map
    h.push_str("<section id=\"renumbering\">\n<h2>Renumbering</h2>\n");
    if c.summary.renumbering.is_empty() {
        h.push_str("<p>No operative paragraph was renumbered.</p>\n");
    } else {
        h.push_str("<p>Old → new operative paragraph numbers:</p>\n<ul class=\"renum\">");
        for m in super::common::renumbering_ranges(&c.summary.renumbering) {
            let _ = write!(h, "<li><span class=\"id\">{}</span></li>", esc(&m));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    // Lead phrases
    h.push_str("<section id=\"leads\">\n<h2>Lead-phrase changes</h2>\n");
    if c.summary.lead_changes.is_empty() {
        h.push_str("<p>No lead phrase changed.</p>\n");
    } else {
        h.push_str("<table><thead><tr><th scope=\"col\">Paragraph</th><th scope=\"col\">Old phrase</th><th scope=\"col\">New phrase</th><th scope=\"col\">Direction</th></tr></thead><tbody>\n");
        for l in &c.summary.lead_changes {
            let mut scale = l
                .change
                .scale
                .as_deref()
                .map(|s| format!(" ({})", esc(s)))
                .unwrap_or_default();
            if let Some(k) = l.change.kind_change {
                let _ = write!(scale, " <span class=\"kind-change\">{}</span>", k.as_str());
            }
            let _ = writeln!(
                h,
                "<tr><td class=\"id\">{} → {}</td><td><del>{}</del></td><td><ins>{}</ins></td><td>{}{scale}</td></tr>",
                esc(&l.old_id),
                esc(&l.new_id),
                esc(&l.change.old),
                esc(&l.change.new),
                direction_html(l.change.direction)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");

    if let Some(note) = only_note(c, opts.only) {
        let _ = writeln!(h, "<p class=\"only\">{}</p>", esc(&note));
    }
    if side_by_side {
        side_by_side_html(&mut h, c, opts, old_label, new_label);
    }
    if redline {
        redline_html(&mut h, c, opts);
    }
    h.push_str("</main>\n");
    let _ = writeln!(
        h,
        "<footer>Generated by resdiff {}. Deletions are struck through, insertions underlined; routine updates (symbols, dates, years, session numbers) are muted.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    h
}

/// The change index: counts, legend, then every substantive change with a link to it (in the
/// redline when the report has one, else in the side-by-side table).
fn index_html(h: &mut String, c: &Comparison, redline: bool) {
    let entries = change_index(c, 110);
    let _ = writeln!(
        h,
        "<section id=\"changes\">\n<h2>Substantive changes ({})</h2>",
        entries.len()
    );
    if let Some(first) = summary_lines(c).first() {
        let _ = writeln!(h, "<p>{}</p>", esc(first));
    }
    h.push_str("<p class=\"legend\"><span><del>deleted</del></span><span><ins>inserted</ins></span><span><del class=\"routine\">routine</del> <ins class=\"routine\">update</ins> (the annual rollover, muted)</span></p>\n");
    if entries.is_empty() {
        h.push_str("<p>No substantive change.</p>\n</section>\n");
        return;
    }
    h.push_str("<table class=\"index\"><thead><tr><th scope=\"col\">Paragraph</th><th scope=\"col\">Change</th><th scope=\"col\">Changed words</th></tr></thead><tbody>\n");
    let anchor = if redline { 'r' } else { 'p' };
    for e in &entries {
        let _ = writeln!(
            h,
            "<tr><td class=\"id\"><a href=\"#{anchor}{}\">{}</a></td><td class=\"status\">{}</td><td>{}</td></tr>",
            e.pair,
            esc(&e.label),
            esc(&e.kind),
            esc(&e.excerpt)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// The side-by-side table of the pairs `opts.only` keeps.
fn side_by_side_html(
    h: &mut String,
    c: &Comparison,
    opts: &RenderOptions,
    old_label: &str,
    new_label: &str,
) {
    let _ = writeln!(
        h,
        "<section id=\"side-by-side\">\n<h2>Side by side</h2>\n<p class=\"legend\"><span><del>deleted</del></span><span><ins>inserted</ins></span><span><del class=\"routine\">routine</del> <ins class=\"routine\">update</ins> (muted)</span></p>\n\
         <table class=\"sbs\"><thead><tr><th scope=\"col\">Paragraph</th><th scope=\"col\">Status</th><th scope=\"col\">Old: {}</th><th scope=\"col\">New: {}</th></tr></thead><tbody>",
        esc(old_label),
        esc(new_label)
    );
    for (i, pair) in c
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| shown(p, opts.only))
    {
        let kind = change_str(pair.class.kind);
        let _ = writeln!(
            h,
            "<tr id=\"p{i}\" class=\"{} {kind}\"><td class=\"id\">{}</td><td class=\"status\">{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td></tr>",
            pair.status.as_str(),
            esc(&pair_label(c, pair)),
            status_cell(pair),
            side_html(c, pair, true),
            side_html(c, pair, false)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// The inline redline of the changed pairs `opts.only` keeps.
fn redline_html(h: &mut String, c: &Comparison, opts: &RenderOptions) {
    h.push_str("<section id=\"redline\">\n<h2>Redline (changed paragraphs)</h2>\n");
    let mut any = false;
    for (i, pair) in c
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| is_changed(p) && shown(p, opts.only))
    {
        any = true;
        let _ = writeln!(
            h,
            "<div class=\"pair {}\" id=\"r{i}\"><h3><a href=\"#p{i}\" class=\"id\">{}</a> <span class=\"status\">{}</span></h3>",
            change_str(pair.class.kind),
            esc(&pair_label(c, pair)),
            status_cell(pair)
        );
        let mut notes = Vec::new();
        if let Some(l) = &pair.class.lead_change {
            let moved = l
                .kind_change
                .map(|k| format!("; <span class=\"kind-change\">{}</span>", k.as_str()))
                .unwrap_or_default();
            notes.push(format!(
                "Lead phrase: <del>{}</del> → <ins>{}</ins> ({}{moved})",
                esc(&l.old),
                esc(&l.new),
                direction_html(l.direction)
            ));
        }
        for f in &pair.class.footnotes {
            notes.push(match f {
                FootnoteChange::Added { text } => {
                    format!("Footnote added: <ins>{}</ins>", esc(text))
                }
                FootnoteChange::Removed { text } => {
                    format!("Footnote removed: <del>{}</del>", esc(text))
                }
                FootnoteChange::Changed { old, new, .. } => format!(
                    "Footnote changed: <del>{}</del> → <ins>{}</ins>",
                    esc(old),
                    esc(new)
                ),
            });
        }
        for r in &pair.class.references_added {
            notes.push(format!("Reference added: <ins>{}</ins>", esc(r)));
        }
        for r in &pair.class.references_removed {
            notes.push(format!("Reference removed: <del>{}</del>", esc(r)));
        }
        if !notes.is_empty() {
            h.push_str("<ul class=\"notes\">");
            for n in notes {
                let _ = write!(h, "<li>{n}</li>");
            }
            h.push_str("</ul>\n");
        }
        let _ = writeln!(h, "<p>{}</p></div>", inline_html(c, pair));
    }
    if !any {
        h.push_str("<p>The two documents have the same paragraphs.</p>\n");
    }
    h.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_dangerous() {
        assert_eq!(
            esc("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{fffd}b");
    }
}
