//! Markdown for e-mail and issue trackers: summary table, then each changed pair with
//! `~~deleted~~` and `**inserted**` text.

use std::fmt::Write as _;

use super::RenderOptions;
use super::common::labels;
use super::common::{
    direction_str, is_changed, lead_direction_label, meta_keys, meta_rows, numbered_ops,
    pair_label, summary_lines,
};
use super::common::{kind_label, only_note, shown, status_label};
use crate::compare::{Comparison, Status};
use crate::diff::{FootnoteChange, OpKind};

/// Escape Markdown (CommonMark/GFM) specials in document text so it shows literally, with as few
/// backslashes as possible so that the source stays readable in a plain-text e-mail: `_` only at
/// word edges, `&` only where it could start an entity, `!` only before `[`.
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &ch) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let needs = match ch {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '#'),
            '!' => next == Some('['),
            '#' => i == 0,
            _ => false,
        };
        if ch == '\n' {
            out.push_str("<br>");
            continue;
        }
        if needs {
            out.push('\\');
        }
        out.push(ch);
    }
    // A line that starts like a list item must not become one.
    if let Some(first) = out.chars().next()
        && matches!(first, '-' | '+' | '=')
    {
        out.insert(0, '\\');
    }
    out
}

/// How a change is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Substantive insertion: `**bold**`.
    Ins,
    /// Substantive deletion: `~~struck~~`.
    Del,
    /// Routine insertion (the annual rollover): `<em>italic</em>`.
    RoutineIns,
    /// Routine deletion: `<del><em>struck italic</em></del>`.
    RoutineDel,
}

/// A piece of a Markdown line: text already escaped, or a marked change whose delimiters are
/// chosen once its neighbours are known.
enum Seg {
    Plain(String),
    Marked {
        mark: Mark,
        /// Whitespace before the marked text (kept outside the delimiters).
        lead: String,
        /// The escaped text between the delimiters.
        inner: String,
        /// Whitespace after it.
        trail: String,
    },
}

/// A change as a segment: surrounding spaces stay outside the marks, since CommonMark does not
/// open emphasis before a space nor close it after one.
fn marked_seg(text: &str, mark: Mark) -> Seg {
    let trimmed_start = text.trim_start();
    let lead = &text[..text.len() - trimmed_start.len()];
    let core = trimmed_start.trim_end();
    let trail = &trimmed_start[core.len()..];
    if core.is_empty() {
        return Seg::Plain(text.replace('\n', "<br>"));
    }
    let mut inner = escape(core);
    // Escaping `-` at the start is only needed at line start; inside emphasis it is harmless.
    if inner.starts_with('\\') && matches!(core.chars().next(), Some('-' | '+' | '=')) {
        inner.remove(0);
    }
    Seg::Marked {
        mark,
        lead: lead.replace('\n', "<br>"),
        inner,
        trail: trail.replace('\n', "<br>"),
    }
}

/// Punctuation as CommonMark's flanking rules see it (ASCII punctuation and Unicode
/// punctuation and symbols).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// True when a `**` or `~~` run with `before` and `after` around it opens (left-flanking) or,
/// with `open` false, closes (right-flanking) emphasis in CommonMark/GFM; `None` is a line edge.
fn flanks(before: Option<char>, after: Option<char>, open: bool) -> bool {
    let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(is_punct);
    let (inside, outside) = if open {
        (after, before)
    } else {
        (before, after)
    };
    !ws(inside) && (!punct(inside) || ws(outside) || punct(outside))
}

/// Join segments into Markdown. A substantive change is `**inserted**` or `~~deleted~~` where
/// CommonMark lets those delimiters open and close there; next to punctuation, where it does not
/// (`and**,**` renders literally), the same emphasis is written as `<strong>` or `<del>`, which
/// renders the same. Routine changes are always inline HTML in italics.
fn join_segs(segs: &[Seg]) -> String {
    let mut out = String::new();
    for (i, seg) in segs.iter().enumerate() {
        match seg {
            Seg::Plain(t) => out.push_str(t),
            Seg::Marked {
                mark,
                lead,
                inner,
                trail,
            } => {
                out.push_str(lead);
                let before = out.chars().last();
                let after = trail.chars().next().or_else(|| match segs.get(i + 1) {
                    Some(Seg::Plain(t)) => t.chars().next(),
                    // The next mark starts with a delimiter or a tag: punctuation either way.
                    Some(Seg::Marked { lead, .. }) => lead.chars().next().or(Some('<')),
                    None => None,
                });
                let first = inner.chars().next();
                let last = inner.chars().last();
                let fits = flanks(before, first, true) && flanks(last, after, false);
                let (open, close) = match (mark, fits) {
                    (Mark::Ins, true) => ("**", "**"),
                    (Mark::Del, true) => ("~~", "~~"),
                    (Mark::Ins, false) => ("<strong>", "</strong>"),
                    (Mark::Del, false) => ("<del>", "</del>"),
                    (Mark::RoutineIns, _) => ("<em>", "</em>"),
                    (Mark::RoutineDel, _) => ("<del><em>", "</em></del>"),
                };
                out.push_str(open);
                out.push_str(inner);
                out.push_str(close);
                out.push_str(trail);
            }
        }
    }
    out
}

/// `text` marked as `mark` on a line of its own (a footnote line).
fn marked(text: &str, mark: Mark) -> String {
    join_segs(&[marked_seg(text, mark)])
}

fn cell(s: &str) -> String {
    escape(s)
}

/// Render the comparison as Markdown.
pub fn render(c: &Comparison, opts: &RenderOptions) -> String {
    let mut s = String::new();
    let (old_label, new_label) = labels(c, opts);
    let _ = writeln!(
        s,
        "# Comparison: {} → {}\n",
        escape(&old_label),
        escape(&new_label)
    );
    let _ = writeln!(s, "| | Old | New |\n|---|---|---|");
    let old_rows = meta_rows(&c.old);
    let new_rows = meta_rows(&c.new);
    let keys = meta_keys(&old_rows, &new_rows);
    let _ = writeln!(
        s,
        "| Document | {} | {} |",
        cell(&old_label),
        cell(&new_label)
    );
    for k in keys {
        let o = old_rows
            .iter()
            .find(|r| r.0 == k)
            .map_or("", |r| r.1.as_str());
        let n = new_rows
            .iter()
            .find(|r| r.0 == k)
            .map_or("", |r| r.1.as_str());
        let _ = writeln!(s, "| {k} | {} | {} |", cell(o), cell(n));
    }
    let _ = writeln!(s, "\n## Summary\n");
    for line in summary_lines(c) {
        let _ = writeln!(s, "{}  ", escape(&line));
    }
    let _ = writeln!(s, "\n| Status | Pairs |\n|---|---:|");
    for st in Status::ALL {
        let _ = writeln!(s, "| {} | {} |", st.as_str(), c.summary.counts.get(st));
    }
    let _ = writeln!(
        s,
        "| **substantive changes** | {} |\n| **routine changes only** | {} |",
        c.summary.substantive, c.summary.routine
    );
    if !c.summary.renumbering.is_empty() {
        let _ = writeln!(s, "\n## Renumbering\n");
        let map = super::common::renumbering_ranges(&c.summary.renumbering);
        let _ = writeln!(s, "{}", escape(&map.join(", ")));
    }
    if !c.summary.lead_changes.is_empty() {
        let _ = writeln!(
            s,
            "\n## Lead phrases\n\n| Old | New | Old phrase | New phrase | Direction |\n|---|---|---|---|---|"
        );
        for l in &c.summary.lead_changes {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                cell(&l.old_id),
                cell(&l.new_id),
                cell(&l.change.old),
                cell(&l.change.new),
                direction_str(l.change.direction)
            );
        }
    }
    if !c.warnings.is_empty() {
        let _ = writeln!(s, "\n## Warnings\n");
        for w in &c.warnings {
            let _ = writeln!(s, "- {}", escape(w));
        }
    }
    let _ = writeln!(
        s,
        "\n## Changes\n\nDeleted text is ~~struck through~~, inserted text is **bold**; routine updates \
         (the annual rollover, renumbering) are in italics: <del><em>deleted</em></del> <em>inserted</em>.\n"
    );
    if let Some(note) = only_note(c, opts.only) {
        let _ = writeln!(s, "{}\n", escape(&note));
    }
    let mut any = false;
    for pair in c
        .pairs
        .iter()
        .filter(|p| is_changed(p) && shown(p, opts.only))
    {
        any = true;
        let mut head = format!(
            "### {} — {}",
            escape_inline(&pair_label(c, pair)),
            status_label(pair)
        );
        if let Some(k) = kind_label(pair) {
            head.push_str(", ");
            head.push_str(k);
        }
        if pair.renumbered && pair.status != Status::Renumbered {
            head.push_str(", renumbered");
        }
        let _ = writeln!(s, "{head}\n");
        if let Some(l) = &pair.class.lead_change {
            let _ = writeln!(
                s,
                "Lead phrase: “{}” → “{}” ({})\n",
                escape(&l.old),
                escape(&l.new),
                lead_direction_label(l)
            );
        }
        for f in &pair.class.footnotes {
            let _ = match f {
                FootnoteChange::Added { text } => {
                    writeln!(s, "Footnote added: {}\n", marked(text, Mark::Ins))
                }
                FootnoteChange::Removed { text } => {
                    writeln!(s, "Footnote removed: {}\n", marked(text, Mark::Del))
                }
                FootnoteChange::Changed {
                    old,
                    new,
                    routine_reason,
                } => {
                    let (d, i) = if routine_reason.is_some() {
                        (Mark::RoutineDel, Mark::RoutineIns)
                    } else {
                        (Mark::Del, Mark::Ins)
                    };
                    writeln!(
                        s,
                        "Footnote changed: {} → {}\n",
                        marked(old, d),
                        marked(new, i)
                    )
                }
            };
        }
        let segs: Vec<Seg> = numbered_ops(c, pair)
            .iter()
            .map(|op| match (op.op, op.routine) {
                (OpKind::Equal, _) => Seg::Plain(escape_inline(&op.text)),
                (OpKind::Delete, false) => marked_seg(&op.text, Mark::Del),
                (OpKind::Insert, false) => marked_seg(&op.text, Mark::Ins),
                (OpKind::Delete, true) => marked_seg(&op.text, Mark::RoutineDel),
                (OpKind::Insert, true) => marked_seg(&op.text, Mark::RoutineIns),
            })
            .collect();
        let mut body = join_segs(&segs);
        if body.starts_with(['-', '+', '=']) {
            body.insert(0, '\\');
        }
        // `5. Requests` at a line start would become an ordered list item.
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && body[digits..].starts_with(['.', ')']) {
            body.insert(digits, '\\');
        }
        let _ = writeln!(s, "{body}\n");
    }
    if !any {
        let _ = writeln!(s, "No differences.");
    }
    s
}

/// Escape text that continues a line (no line-start escaping needed).
fn escape_inline(text: &str) -> String {
    let e = escape(text);
    if e.starts_with('\\') && matches!(text.chars().next(), Some('-' | '+' | '=')) {
        e[1..].to_string()
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_specials_and_keeps_spaces_outside_marks() {
        assert_eq!(
            escape("a*b_c <x> | #1 & [y]"),
            "a\\*b_c \\<x\\> \\| #1 & \\[y\\]"
        );
        assert_eq!(
            escape("#x _y_ &amp; &#1; ![a]"),
            "\\#x \\_y\\_ \\&amp; \\&#1; \\!\\[a\\]"
        );
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(marked(" new words ", Mark::Ins), " **new words** ");
        assert_eq!(marked("  ", Mark::Ins), "  ");
        assert_eq!(marked("a*b", Mark::Del), "~~a\\*b~~");
        assert_eq!(marked("2025", Mark::RoutineIns), "<em>2025</em>");
    }

    #[test]
    fn marks_next_to_punctuation_fall_back_to_tags() {
        let seg = |t: &str| Seg::Plain(t.to_string());
        // `and**,**` does not parse as emphasis: the comma is inserted after a letter.
        assert_eq!(
            join_segs(&[seg("and"), marked_seg(",", Mark::Ins), seg(" the")]),
            "and<strong>,</strong> the"
        );
        assert_eq!(
            join_segs(&[seg("2011"), marked_seg(";", Mark::Del), seg("\n")]),
            "2011<del>;</del>\n"
        );
        // Words between spaces or punctuation keep the light delimiters.
        assert_eq!(
            join_segs(&[seg("to act "), marked_seg("now", Mark::Ins), seg(";")]),
            "to act **now**;"
        );
        assert_eq!(
            join_segs(&[
                marked_seg("Encourages", Mark::Del),
                marked_seg("Urges", Mark::Ins)
            ]),
            "~~Encourages~~**Urges**"
        );
    }
}
