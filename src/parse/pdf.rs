//! Reading the text layer of an official PDF: page furniture, footnote blocks, wrapped lines.

use std::collections::HashSet;

use super::lead::{self, LeadStyle, lead_phrase};
use super::patterns::{
    ACTION_START, ANNEX_START, BARCODE, FN_SEPARATOR, FN_START, GA_LINE, JOB_NUMBER, OP_START,
    PAGE_COUNTER, PART_START, PLENARY, ROMAN_HEADING, SECTION_START, STARS, SUB_START, SYMBOL_LINE,
    TITLE_LINE,
};
use super::prepared::Prepared;
use super::text::{Vocabulary, join_lines, join_lines_raw};
use crate::model::Footnote;

/// What a raw line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Content,
    /// Running header/footer, page counter, job number, barcode.
    Furniture,
    /// Part of a footnote block.
    Note,
}

fn is_furniture_line(t: &str, symbol: Option<&str>, titles: &HashSet<String>) -> bool {
    let t = t.trim();
    t.is_empty()
        || PAGE_COUNTER.is_match(t)
        || JOB_NUMBER.is_match(t)
        || BARCODE.is_match(t)
        || symbol.is_some_and(|s| s == t)
        || SYMBOL_LINE.is_match(t)
        || titles.contains(t)
}

/// Learn the running-title lines from headers where the symbol comes first (`A/RES/79/194`,
/// then the short title lines, then a blank or the job number).
fn running_titles(lines: &[&str], symbol: Option<&str>) -> HashSet<String> {
    let mut titles = HashSet::new();
    for (i, l) in lines.iter().enumerate() {
        if !PAGE_COUNTER.is_match(l) {
            continue;
        }
        let lo = i.saturating_sub(8);
        let Some(s) = (lo..i).find(|&k| {
            let t = lines[k].trim();
            symbol.is_some_and(|s| s == t) || SYMBOL_LINE.is_match(t)
        }) else {
            continue;
        };
        // Even pages: symbol, title lines, blank, job, counter.
        let mut k = s + 1;
        let mut found = Vec::new();
        while k < i {
            let t = lines[k].trim();
            if t.is_empty() || JOB_NUMBER.is_match(t) || PAGE_COUNTER.is_match(t) {
                break;
            }
            found.push(t.to_string());
            k += 1;
        }
        if !found.is_empty() && found.len() <= 8 {
            titles.extend(found);
        }
    }
    titles
}

/// Mark page-furniture runs around each page counter; returns the roles and the indexes where a
/// page break starts.
fn mark_furniture(
    lines: &[&str],
    symbol: Option<&str>,
    titles: &HashSet<String>,
) -> (Vec<Role>, Vec<bool>) {
    let mut roles = vec![Role::Content; lines.len()];
    let mut page_break = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if !PAGE_COUNTER.is_match(l) {
            continue;
        }
        // A counter must have a job number or the symbol near it, else it may be content.
        let hi = (i + 4).min(lines.len());
        let anchored = (i.saturating_sub(8)..hi).any(|k| {
            let t = lines[k].trim();
            JOB_NUMBER.is_match(t) || symbol.is_some_and(|s| s == t) || SYMBOL_LINE.is_match(t)
        });
        if !anchored {
            continue;
        }
        let is_sym = |t: &str| {
            let t = t.trim();
            symbol.is_some_and(|s| s == t) || SYMBOL_LINE.is_match(t)
        };
        let lo = i.saturating_sub(10);
        let mut a = i;
        match (lo..i).rev().find(|&k| is_sym(lines[k])) {
            Some(s) => {
                // Even pages: symbol, title lines, job, counter. Odd pages: title lines, symbol,
                // counter, job — the title starts after the page separator (an empty line).
                let title_after = (s + 1..i).any(|k| {
                    let t = lines[k].trim();
                    !t.is_empty() && !JOB_NUMBER.is_match(t) && !is_sym(t)
                });
                a = s;
                if !title_after {
                    let sep = (s.saturating_sub(8)..s)
                        .rev()
                        .find(|&k| lines[k].is_empty());
                    match sep {
                        Some(k) => a = k + 1,
                        None => {
                            while a > lo && titles.contains(lines[a - 1].trim()) {
                                a -= 1;
                            }
                        }
                    }
                }
                if a > 0 && lines[a - 1].is_empty() {
                    a -= 1;
                }
            }
            None => {
                while a > lo && is_furniture_line(lines[a - 1], symbol, titles) {
                    a -= 1;
                }
                // Keep leading blank lines (paragraph separators at the page foot) as content.
                while a < i && lines[a].trim().is_empty() && !lines[a].is_empty() {
                    a += 1;
                }
            }
        }
        let mut b = i + 1;
        while b < (i + 6).min(lines.len()) && is_furniture_line(lines[b], symbol, titles) {
            b += 1;
        }
        for r in roles.iter_mut().take(b).skip(a) {
            *r = Role::Furniture;
        }
        page_break[a] = true;
    }
    (roles, page_break)
}

/// Mark footnote blocks: from a separator line to the next page break (or the end); parse them.
fn mark_notes(
    lines: &[&str],
    roles: &mut [Role],
    page_break: &[bool],
    vocab: &Vocabulary,
) -> Vec<(Footnote, usize)> {
    // (label, lines, index of the first line)
    let mut notes: Vec<(String, Vec<String>, usize)> = Vec::new();
    let mut i = 0;
    let mut next_expected = 1u32;
    while i < lines.len() {
        let star_note = super::patterns::STAR_NOTE.is_match(lines[i]);
        if roles[i] != Role::Content || !(FN_SEPARATOR.is_match(lines[i]) || star_note) {
            i += 1;
            continue;
        }
        let mut k = if star_note { i } else { i + 1 };
        roles[i] = Role::Note;
        let mut first = true;
        while k < lines.len() && !page_break[k] && roles[k] == Role::Content {
            roles[k] = Role::Note;
            let t = lines[k].trim();
            if !t.is_empty() {
                let start = FN_START.captures(t).and_then(|c| {
                    let label = c.get(1)?.as_str();
                    let body = c.get(2)?.as_str();
                    if label.starts_with('*') {
                        return Some((label.to_string(), body));
                    }
                    let n: u32 = label.parse().ok()?;
                    // A line right below an unfinished note line continues that note
                    // (`… New York,` / `17 March 2022, …` in A/C.2/80/L.47, note 16).
                    let prev = lines[k - 1].trim_end();
                    let continues = !first && !prev.trim().is_empty() && !ends_note(prev);
                    ((n == next_expected || first) && !continues).then(|| (label.to_string(), body))
                });
                match start {
                    Some((label, body)) => {
                        if let Ok(n) = label.parse::<u32>() {
                            next_expected = n + 1;
                        }
                        notes.push((label, vec![body.to_string()], k));
                    }
                    None => match notes.last_mut() {
                        Some(n) => n.1.push(t.to_string()),
                        None => notes.push((String::new(), vec![t.to_string()], k)),
                    },
                }
                first = false;
            }
            k += 1;
        }
        i = k;
    }
    notes
        .into_iter()
        .map(|(label, body, line)| {
            (
                Footnote {
                    number: label.parse().unwrap_or(0),
                    text: {
                        let mut text = join_lines(&body, vocab);
                        super::text::close_joint_symbols(&mut text, &mut []);
                        text
                    },
                },
                line,
            )
        })
        .collect()
}

/// Whether a note line ends like a footnote text (`… annex.`, `… (A/78/25).`, `… para. 8.1 (c)`):
/// with a period, or a closing parenthesis or quote after one.
fn ends_note(line: &str) -> bool {
    let t = line.trim_end_matches([')', '”', '’', '"', ' ']);
    t.ends_with('.') || line.trim_end().ends_with(')')
}

/// Whether a content line starts a new unit regardless of blank lines.
struct Starter {
    last_op: u32,
    /// The last number of the outer sequence when a nested list restarted at 1.
    outer: u32,
}

impl Starter {
    fn starts(&mut self, t: &str, prev: Option<&str>) -> bool {
        if GA_LINE.is_match(t)
            || PLENARY.is_match(t) && t.len() < 60
            || ACTION_START.is_match(t)
            || t.starts_with('•')
            || PART_START.is_match(t)
                && t.len() < 120
                && !t.ends_with([';', ',', '.'])
                && prev.is_none_or(ends_paragraph)
            || ROMAN_HEADING
                .captures(t)
                .is_some_and(|c| c.get(1).is_some())
        {
            return true;
        }
        if let Some(c) = ANNEX_START.captures(t)
            && t.len() < 80
            && c.get(2)
                .is_some_and(|m| !m.as_str().starts_with(|ch: char| ch.is_lowercase()))
        {
            self.last_op = 0;
            self.outer = 0;
            return true;
        }
        if let Some(c) = OP_START.captures(t) {
            let n: u32 = c.get(1).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
            let prev_blocks = prev.is_some_and(|p| {
                let p = p.trim_end();
                p.ends_with("paragraph") || p.ends_with("paragraphs") || p.ends_with("para.")
            });
            if !prev_blocks && n == 1 && self.last_op > 0 {
                self.outer = self.last_op;
                self.last_op = 1;
                return true;
            }
            let repeat = n == self.last_op && prev.is_some_and(ends_paragraph);
            if !prev_blocks
                && (n == 1
                    || (n > self.last_op && n <= self.last_op + 3)
                    || n == self.outer + 1
                    || repeat)
            {
                self.last_op = n;
                return true;
            }
            return false;
        }
        if let Some(n) = t
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n == self.last_op + 1 && self.last_op > 0)
        {
            // `26` alone on a line: a paragraph number printed without its period.
            self.last_op = n;
            return true;
        }
        if SUB_START.is_match(t) {
            let prev_blocks = prev.is_some_and(|p| {
                let p = p.trim_end();
                p.ends_with("paragraph")
                    || p.ends_with("paragraphs")
                    || p.ends_with("subparagraph")
                    || p.ends_with("subparagraphs")
                    || (p.ends_with(" and") && !p.ends_with("; and") && !p.ends_with(", and"))
                    || p.ends_with("article")
                    // `paragraph 5` + `(a)` is a reference; `…Protocol II;15` (a footnote
                    // mark after the closing punctuation) ends a sub-paragraph.
                    || (p.ends_with(|c: char| c.is_ascii_digit())
                        && !strip_ref(p).ends_with([';', ':', ',', '.']))
            });
            return !prev_blocks;
        }
        if let Some(c) = SECTION_START.captures(t) {
            let rest = c.get(3).map_or("", |m| m.as_str());
            return rest.len() < 200 && !rest.ends_with([',', ';']);
        }
        false
    }
}

/// Whether line `t`, with no blank line or page break before it, starts a new preambular
/// paragraph inside the unit `cur`: the unit is itself a preambular paragraph (it opens with a
/// lead), its last line ends with a comma, and `t` opens with a preambular head that cannot be
/// part of the running sentence — a capitalised participle (`Welcoming`, `Recalling`), one of the
/// adjectives that open preambular paragraphs (`Mindful`, `Concerned`) or a fixed head (`Bearing
/// in mind`). A/C.2/80/L.17 prints `…in the spirit of global partnership and solidarity,` and
/// `Welcoming the convening of the Fourth International Conference…` on consecutive lines with no
/// blank between them. Only used before the first operative paragraph.
fn starts_preambular(t: &str, cur: &[&str]) -> bool {
    let (Some(first), Some(last)) = (cur.first(), cur.last()) else {
        return false;
    };
    if !strip_ref(last).ends_with(',') || lead_phrase(first, LeadStyle::Preambular).is_none() {
        return false;
    }
    let Some(lead) = lead_phrase(t, LeadStyle::Preambular) else {
        return false;
    };
    // A lead runs on into the sentence (`Welcoming the`, `Noting in this regard`); a title
    // that wraps after a comma does not (`Production,` / `Stockpiling and Use of Chemical
    // Weapons`, `Securing Our Common Future`).
    let next = t[lead.len()..].split_whitespace().next().unwrap_or("");
    lead::is_preambular_head(&lead)
        && next.starts_with(|c: char| c.is_lowercase())
        && !matches!(next, "and" | "or" | "of" | "for")
}

/// The line without a trailing footnote reference (`Assembly,9` → `Assembly,`).
fn strip_ref(line: &str) -> &str {
    line.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
}

fn ends_paragraph(line: &str) -> bool {
    let t = strip_ref(line);
    t.ends_with([',', ';', ':', '.']) || t.ends_with(".”") || t.ends_with(";”")
}

/// Read a PDF text layer.
pub fn prepare(text: &str, vocab: &Vocabulary) -> Prepared {
    let lines: Vec<&str> = text.lines().collect();
    let symbol = lines
        .iter()
        .take(20)
        .find_map(|l| SYMBOL_LINE.captures(l).and_then(|c| c.get(1)))
        .map(|m| m.as_str().to_string());
    let titles = running_titles(&lines, symbol.as_deref());
    let (mut roles, page_break) = mark_furniture(&lines, symbol.as_deref(), &titles);
    let notes = mark_notes(&lines, &mut roles, &page_break, vocab);
    // The page of each line: page breaks counted up to it.
    let mut page_of = Vec::with_capacity(lines.len());
    let mut page = 0u32;
    for &b in &page_break {
        if b {
            page += 1;
        }
        page_of.push(page);
    }
    let mut p = Prepared::default();
    for (note, line) in notes {
        if note.number > 0 {
            p.note_pages
                .insert(note.number, page_of.get(line).copied().unwrap_or(0));
        }
        p.footnotes.push(note);
    }
    // Body start: the `The General Assembly` line, else the end of the title block.
    let ga = lines
        .iter()
        .enumerate()
        .position(|(i, l)| roles[i] == Role::Content && GA_LINE.is_match(l));
    let body_start = match ga {
        Some(g) => {
            p.found_body_start = true;
            g
        }
        None => match lines.iter().take(120).position(|l| TITLE_LINE.is_match(l)) {
            Some(t) => {
                p.found_body_start = true;
                let mut k = t + 1;
                while k < lines.len() && !lines[k].trim().is_empty() {
                    k += 1;
                }
                p.warnings.push(
                    "no `The General Assembly,` line: body taken to start after the title".into(),
                );
                k
            }
            None => 0,
        },
    };
    for (i, l) in lines.iter().enumerate().take(body_start) {
        if roles[i] == Role::Content {
            p.head.push(l.trim().to_string());
        }
    }

    let mut starter = Starter {
        last_op: 0,
        outer: 0,
    };
    let mut cur: Vec<&str> = Vec::new();
    // First and last page of the lines in `cur`.
    let mut cur_pages = (0u32, 0u32);
    let mut pending_break = false;
    let mut pending_blank = false;
    let flush = |cur: &mut Vec<&str>, pages: (u32, u32), p: &mut Prepared| {
        if !cur.is_empty() {
            let u = join_lines_raw(cur, vocab);
            if !u.trim().is_empty() {
                p.units.push(u);
                p.unit_pages.push(pages);
            }
            cur.clear();
        }
    };
    for i in body_start..lines.len() {
        if roles[i] != Role::Content {
            if page_break[i] || roles[i] == Role::Note {
                pending_break = true;
            }
            continue;
        }
        let t = lines[i].trim();
        if t.is_empty() || STARS.is_match(t) {
            if !cur.is_empty() {
                pending_blank = true;
            }
            continue;
        }
        let prev = cur.last().copied();
        let starts = starter.starts(t, prev);
        if pending_blank {
            // A blank line ends the unit unless it clearly fell inside a sentence: the previous
            // line is a long wrapped line ending in a lower-case word and this line neither
            // starts a paragraph nor reads like a lead.
            let inside = prev.is_some_and(|p| {
                p.chars().count() >= 75
                    && p.trim_end().ends_with(|c: char| c.is_lowercase())
                    && !pending_break
            }) && !starts
                && (t.starts_with(|c: char| c.is_lowercase())
                    || lead_phrase(t, LeadStyle::Preambular).is_none());
            if !inside {
                flush(&mut cur, cur_pages, &mut p);
            }
            pending_blank = false;
            pending_break = false;
        }
        if pending_break && !cur.is_empty() {
            let prev_ends = prev.is_some_and(ends_paragraph);
            let prev_ends_hard = prev.is_some_and(|p| {
                let p = strip_ref(p);
                p.ends_with([';', ':', '.']) || p.ends_with(".”")
            });
            let upper = t.starts_with(|c: char| c.is_uppercase());
            let lead_like = lead_phrase(t, LeadStyle::Preambular).is_some();
            if starts || (prev_ends && lead_like) || (prev_ends_hard && upper) {
                flush(&mut cur, cur_pages, &mut p);
            }
        } else if starts || (starter.last_op == 0 && starts_preambular(t, &cur)) {
            flush(&mut cur, cur_pages, &mut p);
        }
        pending_break = false;
        let page = page_of.get(i).copied().unwrap_or(0);
        if cur.is_empty() {
            cur_pages = (page, page);
        } else {
            cur_pages.1 = page;
        }
        cur.push(t);
        if GA_LINE.is_match(t)
            || (ANNEX_START.is_match(t) && t.len() < 40 && !t.ends_with(['.', ',', ';']))
        {
            flush(&mut cur, cur_pages, &mut p);
        }
    }
    flush(&mut cur, cur_pages, &mut p);
    p
}

#[cfg(test)]
mod tests {
    use super::starts_preambular;

    /// Lines as printed in A/C.2/80/L.17 (p. 2) and A/RES/79/80, A/RES/79/35.
    #[test]
    fn a_preambular_head_after_a_comma_starts_a_paragraph_but_a_wrapped_title_does_not() {
        let addis = [
            "Reaffirming also its resolution 69/313 of 27 July 2015 on the Addis Ababa Action",
            "for sustainable development in the spirit of global partnership and solidarity,",
        ];
        assert!(starts_preambular(
            "Welcoming the convening of the Fourth International Conference on Financing",
            &addis
        ));
        assert!(starts_preambular(
            "Noting in this regard the concern about the potential risks",
            &addis
        ));
        let cwc = [
            "Recalling also the provisions of the Treaty on the Non-Proliferation of Nuclear",
            "Weapons, the Convention on the Prohibition of the Development, Production,",
        ];
        assert!(!starts_preambular(
            "Stockpiling and Use of Chemical Weapons and on Their Destruction",
            &cwc
        ));
        assert!(!starts_preambular(
            "Securing Our Common Future: An Agenda",
            &cwc
        ));
        // Not after a line that ends the sentence otherwise, nor inside an operative paragraph.
        let semicolon = ["Requests the Secretary-General to report;"];
        assert!(!starts_preambular("Welcoming the report", &semicolon));
        let op = ["Decides to include in the provisional agenda,"];
        assert!(!starts_preambular("Welcoming the report", &op));
    }
}
