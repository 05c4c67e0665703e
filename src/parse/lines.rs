//! Reading line-oriented texts: the ODS plain-text export and the one-paragraph-per-line layout,
//! plus plain texts split on blank lines.

use super::patterns::{FN_START, GA_LINE, PLENARY, TITLE_LINE, strip_ods_tag};
use super::prepared::Prepared;
use super::text::{Vocabulary, collapse_ws, join_lines};
use crate::model::Footnote;

/// Clean one raw line: ODS tags and markers removed, tabs to spaces, trimmed.
fn clean(line: &str) -> Option<String> {
    if line.contains("<<ODS") {
        return None;
    }
    let t = strip_ods_tag(line);
    let t = t.trim();
    if !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | ' ')) {
        return None;
    }
    Some(collapse_ws(t))
}

/// Read a text with one paragraph per line (ODS export or parallel-corpus layout).
pub fn prepare(text: &str) -> Prepared {
    // ODS export: everything from the first marker line after the body is page furniture (a
    // flattened stamp, job numbers, page numbers); it is kept for metadata only.
    let raw: Vec<&str> = text.lines().collect();
    let ga_raw = raw.iter().position(|l| GA_LINE.is_match(l)).unwrap_or(0);
    let cut = raw
        .iter()
        .enumerate()
        .skip(ga_raw)
        .find(|(_, l)| l.contains("<<ODS"))
        .map_or(raw.len(), |(i, _)| i);
    let lines: Vec<String> = raw[..cut].iter().copied().filter_map(clean).collect();
    let tail: Vec<String> = raw[cut..].iter().copied().filter_map(clean).collect();
    let mut p = Prepared::default();
    let ga = lines.iter().position(|l| GA_LINE.is_match(l));
    let body_start = match ga {
        Some(g) => {
            p.found_body_start = true;
            g
        }
        None => match lines.iter().take(40).position(|l| TITLE_LINE.is_match(l)) {
            Some(t) => {
                p.found_body_start = true;
                p.warnings.push(
                    "no `The General Assembly,` line: body taken to start after the title".into(),
                );
                t + 1
            }
            None => 0,
        },
    };
    p.head = lines.iter().take(body_start).cloned().collect();
    p.tail = tail;
    let mut after_plenary = false;
    let mut in_notes = false;
    let mut next_fn = 1u32;
    for l in lines.iter().skip(body_start) {
        if l.is_empty() {
            continue;
        }
        if after_plenary {
            if let Some(c) = FN_START.captures(l) {
                let n: Option<u32> = c.get(1).and_then(|m| m.as_str().parse().ok());
                if n == Some(next_fn) {
                    in_notes = true;
                    next_fn += 1;
                    let mut text = c.get(2).map_or("", |m| m.as_str()).to_string();
                    super::text::close_joint_symbols(&mut text, &mut []);
                    p.footnotes.push(Footnote {
                        number: n.unwrap_or(0),
                        text,
                    });
                    continue;
                }
            }
            if in_notes {
                // A wrapped footnote line (rare in this layout) unless it looks like a paragraph.
                if let Some(f) = p.footnotes.last_mut()
                    && !l.starts_with(|c: char| c.is_ascii_digit() || c == '(')
                    && !l.starts_with("Annex")
                {
                    f.text.push(' ');
                    f.text.push_str(l);
                    continue;
                }
                in_notes = false;
            }
        }
        if PLENARY.is_match(l) {
            after_plenary = true;
        }
        p.units.push(l.clone());
    }
    p
}

/// Read an unrecognised text: paragraphs are separated by blank lines, or are single lines when
/// the text has no blank lines.
pub fn prepare_plain(text: &str, vocab: &Vocabulary) -> Prepared {
    let mut p = Prepared::default();
    let has_blank = text.lines().any(|l| l.trim().is_empty());
    if has_blank {
        let mut cur: Vec<&str> = Vec::new();
        for l in text.lines() {
            if l.trim().is_empty() {
                if !cur.is_empty() {
                    p.units.push(join_lines(&cur, vocab));
                    cur.clear();
                }
            } else {
                cur.push(l);
            }
        }
        if !cur.is_empty() {
            p.units.push(join_lines(&cur, vocab));
        }
    } else {
        p.units = text
            .lines()
            .map(collapse_ws)
            .filter(|l| !l.is_empty())
            .collect();
    }
    p.units.retain(|u| !u.is_empty());
    p
}
