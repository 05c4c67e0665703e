//! CSV: one row per aligned pair (RFC 4180 quoting, CRLF line ends, UTF-8, optional BOM).

use super::common::{change_str, ids_joined, lead_change_label, side_text};
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
pub fn field(s: &str) -> String {
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

/// Render the comparison as CSV; multi-paragraph sides join ids with `+` and texts with a newline.
pub fn render(c: &Comparison, bom: bool) -> Vec<u8> {
    let mut s = String::new();
    if bom {
        s.push('\u{feff}');
    }
    row(&mut s, &HEADER.map(str::to_string));
    for p in &c.pairs {
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
    }
}
