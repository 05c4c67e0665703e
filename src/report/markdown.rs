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

/// Wrap `text` in `mark` (e.g. `**`), keeping surrounding spaces outside the markers, since
/// CommonMark does not open emphasis before a space.
fn marked(text: &str, mark: &str) -> String {
    let trimmed_start = text.trim_start();
    let lead = &text[..text.len() - trimmed_start.len()];
    let core = trimmed_start.trim_end();
    let trail = &trimmed_start[core.len()..];
    if core.is_empty() {
        return text.replace('\n', "<br>");
    }
    let mut inner = escape(core);
    // Escaping `-` at the start is only needed at line start; inside emphasis it is harmless.
    if inner.starts_with('\\') && matches!(core.chars().next(), Some('-' | '+' | '=')) {
        inner.remove(0);
    }
    format!(
        "{}{mark}{inner}{mark}{}",
        lead.replace('\n', "<br>"),
        trail.replace('\n', "<br>")
    )
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
        "\n## Changes\n\nDeleted text is ~~struck through~~, inserted text is **bold**.\n"
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
                    writeln!(s, "Footnote added: **{}**\n", escape(text).trim())
                }
                FootnoteChange::Removed { text } => {
                    writeln!(s, "Footnote removed: ~~{}~~\n", escape(text).trim())
                }
                FootnoteChange::Changed { old, new, .. } => writeln!(
                    s,
                    "Footnote changed: ~~{}~~ → **{}**\n",
                    escape(old).trim(),
                    escape(new).trim()
                ),
            };
        }
        let mut body = String::new();
        for op in numbered_ops(c, pair).iter() {
            match op.op {
                OpKind::Equal => body.push_str(&escape_inline(&op.text)),
                OpKind::Delete => body.push_str(&marked(&op.text, "~~")),
                OpKind::Insert => body.push_str(&marked(&op.text, "**")),
            }
        }
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
        assert_eq!(marked(" new words ", "**"), " **new words** ");
        assert_eq!(marked("  ", "**"), "  ");
        assert_eq!(marked("a*b", "~~"), "~~a\\*b~~");
    }
}
