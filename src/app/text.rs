//! Plain-text views of comparison rows: side texts, ids, redlines, search matches.

use std::ops::Range;

use crate::compare::{Comparison, Pair, Status};
use crate::diff::{OpKind, new_text, old_text};
use crate::model::Paragraph;

use super::command::Side;
use super::state::{AppState, Row, file_label};

/// The paragraphs of one side of a pair.
pub fn side_paragraphs<'a>(c: &'a Comparison, pair: &Pair, side: Side) -> Vec<&'a Paragraph> {
    let (doc, idx) = match side {
        Side::Old => (&c.old, &pair.old),
        Side::New => (&c.new, &pair.new),
    };
    idx.iter().filter_map(|i| doc.paragraphs.get(*i)).collect()
}

/// The text of one side of a pair: its paragraphs joined with `"\n"`.
pub fn side_text(c: &Comparison, pair: &Pair, side: Side) -> String {
    side_paragraphs(c, pair, side)
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The ids of one side (`OP5`, or `OP5 + OP6` for several), empty when the side is empty.
pub fn side_ids(c: &Comparison, pair: &Pair, side: Side) -> String {
    side_paragraphs(c, pair, side)
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The gutter label: `OP17 → OP19`, `OP3`, `+ PP2` (added), `− OP9` (removed).
pub fn id_label(c: &Comparison, pair: &Pair) -> String {
    let old = side_ids(c, pair, Side::Old);
    let new = side_ids(c, pair, Side::New);
    match (old.is_empty(), new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => new,
        (false, true) => old,
        (false, false) if old == new => new,
        (false, false) => format!("{old} → {new}"),
    }
}

/// Whether the pair's ops describe exactly the two side texts (then they can be drawn word by word).
pub fn ops_match(c: &Comparison, pair: &Pair) -> bool {
    !pair.ops.is_empty()
        && old_text(&pair.ops) == side_text(c, pair, Side::Old)
        && new_text(&pair.ops) == side_text(c, pair, Side::New)
}

/// The pair as one line of redline text: `[-deleted-]{+inserted+}` around changed words, with
/// the ids and the status in front.
pub fn redline(c: &Comparison, pair: &Pair) -> String {
    let body = match pair.status {
        Status::Added => format!("{{+{}+}}", side_text(c, pair, Side::New)),
        Status::Removed => format!("[-{}-]", side_text(c, pair, Side::Old)),
        _ if ops_match(c, pair) => {
            let mut s = String::new();
            for op in &pair.ops {
                match op.op {
                    OpKind::Equal => s.push_str(&op.text),
                    OpKind::Delete => {
                        s.push_str("[-");
                        s.push_str(&op.text);
                        s.push_str("-]");
                    }
                    OpKind::Insert => {
                        s.push_str("{+");
                        s.push_str(&op.text);
                        s.push_str("+}");
                    }
                }
            }
            s
        }
        _ => {
            let old = side_text(c, pair, Side::Old);
            let new = side_text(c, pair, Side::New);
            if old == new {
                new
            } else {
                format!("[-{old}-]{{+{new}+}}")
            }
        }
    };
    format!("{} ({}): {}", id_label(c, pair), pair.status.as_str(), body)
}

/// The redline of every shown row, one pair per paragraph, under a line naming both documents.
pub fn redline_of_rows(state: &AppState) -> String {
    let Some(c) = &state.comparison else {
        return String::new();
    };
    let mut s = format!(
        "{} → {}\n\n",
        c.old.label(&file_label(state.old.path.as_deref())),
        c.new.label(&file_label(state.new.path.as_deref()))
    );
    for row in &state.rows {
        if let Row::Pair(i) = row
            && let Some(p) = c.pairs.get(*i)
        {
            s.push_str(&redline(c, p));
            s.push_str("\n\n");
        }
    }
    s
}

/// Byte ranges of case-insensitive (ASCII) matches of `needle` in `hay`, not overlapping.
pub fn find_matches(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let window = &h[i..i + n.len()];
        if window.eq_ignore_ascii_case(n)
            && hay.is_char_boundary(i)
            && hay.is_char_boundary(i + n.len())
        {
            out.push(i..i + n.len());
            i += n.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_case_insensitive_and_disjoint() {
        assert_eq!(find_matches("Aaa aA", "aa"), vec![0..2, 4..6]);
        assert_eq!(find_matches("ICT for development", "ict"), vec![0..3]);
        assert!(find_matches("abc", "").is_empty());
        assert!(find_matches("ab", "abc").is_empty());
        assert_eq!(find_matches("é ICT é", "ict"), vec![3..6]);
    }
}
