//! CSV: one row per aligned pair (RFC 4180 quoting, CRLF line ends, UTF-8, optional BOM).

use super::RenderOptions;
use super::common::{change_str, ids_joined, lead_change_label, shown, side_text};
use crate::compare::Comparison;

/// The header row.
pub const HEADER: [&str; 8] = [
    "old_id",
    "new_id",
    "status",
    "similarity",
    "change",
    "lead_change",
    "old_text",
    "new_text",
];

/// Quote a field when it holds a comma, a quote, CR or LF (or starts/ends with a space); quotes
/// inside are doubled.
///
/// A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) is neutralised as OWASP recommends against CSV injection: a single quote
/// is put before it and the cell is quoted, so Excel and LibreOffice show it as text.
pub fn field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return format!("\"'{}\"", s.replace('"', "\"\""));
    }
    if s.contains([',', '"', '\r', '\n']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Render the comparison as CSV (the pairs `opts.only` keeps); multi-paragraph sides join ids
/// with `+` and texts with a newline.
pub fn render(c: &Comparison, opts: &RenderOptions) -> Vec<u8> {
    let mut s = String::new();
    if opts.csv_bom {
        s.push('\u{feff}');
    }
    row(&mut s, &HEADER.map(str::to_string));
    for p in c.pairs.iter().filter(|p| shown(p, opts.only)) {
        let lead = p
            .class
            .lead_change
            .as_ref()
            .map(lead_change_label)
            .unwrap_or_default();
        row(
            &mut s,
            &[
                ids_joined(&c.old, &p.old),
                ids_joined(&c.new, &p.new),
                p.status.as_str().to_string(),
                format!("{:.4}", p.similarity.clamp(0.0, 1.0)),
                change_str(p.class.kind).to_string(),
                lead,
                side_text(&c.old, &p.old),
                side_text(&c.new, &p.new),
            ],
        );
    }
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(""), "");
        // Formula injection (OWASP): every trigger character is neutralised.
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for s in ["+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(field(s), format!("\"'{s}\""));
        }
        assert_eq!(field("a=b"), "a=b");
    }
}
