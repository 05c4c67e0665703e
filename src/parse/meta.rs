//! Metadata from the head lines (stamp, adoption line, committee report, title, sponsors).

use super::patterns::{
    ADOPTED, AGENDA, BARCODE, DATE_LINE, JOB_NUMBER, ODS_SYMBOL, PAGE_COUNTER, REPORT, SPONSORS,
    SUBMITTED_BY, SYMBOL_LINE, SYMBOL_SESSION, TITLE_LINE, iso_date,
};
use super::text::{Vocabulary, collapse_ws, join_lines};
use crate::model::{DocumentKind, Metadata};

/// Read the metadata from the head lines; `raw` is the whole text (for ODS markers).
pub fn read(head: &[String], raw: &str, vocab: &Vocabulary) -> Metadata {
    let mut m = Metadata::default();
    let joined = collapse_ws(&head.join(" "));

    m.symbol = ODS_SYMBOL
        .captures(raw)
        .and_then(|c| c.get(1))
        .map(|x| x.as_str().to_string())
        .or_else(|| {
            head.iter()
                .take(12)
                .find_map(|l| SYMBOL_LINE.captures(l).and_then(|c| c.get(1)))
                .map(|x| x.as_str().to_string())
        });

    m.date = ADOPTED
        .captures(&joined)
        .and_then(|c| c.get(1))
        .and_then(|d| iso_date(d.as_str()));
    if m.date.is_none() {
        // Drafts: the stamp date (the first date line of the head).
        m.date = head
            .iter()
            .take(30)
            .find(|l| DATE_LINE.is_match(l))
            .and_then(|l| iso_date(l));
    }
    m.committee_report = REPORT
        .captures(&joined)
        .and_then(|c| c.get(1))
        .map(|x| x.as_str().trim_end_matches(['.', ',']).to_string());
    m.agenda_item = head
        .iter()
        .find_map(|l| AGENDA.captures(l).and_then(|c| c.get(1)))
        .map(|x| x.as_str().to_string());

    // Title: `66/184. Title` plus its continuation lines up to a blank line.
    let mut title_prefix = None;
    // Where the title starts in `head`: the lines above it are the head lines.
    let mut title_start = None;
    if let Some(i) = head.iter().position(|l| TITLE_LINE.is_match(l)) {
        title_start = Some(i);
        let mut parts: Vec<String> = Vec::new();
        if let Some(c) = TITLE_LINE.captures(&head[i]) {
            title_prefix = Some((
                c.get(1).map_or("", |x| x.as_str()).to_string(),
                c.get(2).map_or("", |x| x.as_str()).to_string(),
            ));
            parts.push(c.get(3).map_or("", |x| x.as_str()).to_string());
        }
        // The title runs to the end of the head (it may be split by blank lines:
        // `79/243. United Nations Convention against Cybercrime;` / `Strengthening …`).
        parts.extend(
            head.iter()
                .skip(i + 1)
                .filter(|l| !l.trim().is_empty())
                .cloned(),
        );
        m.title = Some(join_lines(&parts, vocab)).filter(|t| !t.is_empty());
    }

    // Sponsors of a draft: the block of lines ending in `: draft resolution`.
    let mut sponsor_end = None;
    for (i, l) in head.iter().enumerate() {
        if l.trim_end().ends_with("draft resolution") || l.trim_end().ends_with("draft decision") {
            // Gather the wrapped sponsor lines above (up to a blank line).
            let mut a = i;
            while a > 0 && !head[a - 1].trim().is_empty() && !is_stamp_line(&head[a - 1]) {
                a -= 1;
            }
            let block = join_lines(&head[a..=i], vocab);
            if let Some(c) = SPONSORS.captures(&block) {
                let s = c
                    .get(1)
                    .map_or("", |x| x.as_str())
                    .trim()
                    .trim_end_matches('*');
                if !s.is_empty() {
                    m.sponsors = Some(s.trim().to_string());
                }
                if m.kind == DocumentKind::Unknown {
                    m.kind = if c.get(2).is_some_and(|x| x.as_str() == "decision") {
                        DocumentKind::Decision
                    } else {
                        DocumentKind::DraftResolution
                    };
                }
                sponsor_end = Some(i);
                break;
            }
        }
        if SUBMITTED_BY.is_match(l.trim()) {
            // `Draft resolution submitted by the Vice-Chair …, Name\n(Country), on the basis of …`
            let mut e = i;
            while e + 1 < head.len() && !head[e + 1].trim().is_empty() {
                e += 1;
            }
            let block = join_lines(&head[i..=e], vocab);
            if let Some(c) = SUBMITTED_BY.captures(&block) {
                let who = c.get(2).map_or("", |x| x.as_str());
                let who = who.split(", on the basis of").next().unwrap_or(who);
                m.sponsors = Some(who.trim().to_string());
            }
            sponsor_end = Some(e);
            break;
        }
    }
    if m.title.is_none()
        && let Some(e) = sponsor_end
    {
        title_start = head
            .iter()
            .enumerate()
            .skip(e + 1)
            .find(|(_, l)| !l.trim().is_empty())
            .map(|(i, _)| i);
        let rest: Vec<String> = head
            .iter()
            .skip(e + 1)
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .cloned()
            .collect();
        m.title = Some(join_lines(&rest, vocab)).filter(|t| !t.is_empty());
    }

    if m.title.is_none() && sponsor_end.is_none() {
        // A title printed without its number: the last block of the head, unless it is a
        // stamp, adoption or report line.
        let blocks: Vec<&[String]> = head
            .split(|l| l.trim().is_empty())
            .filter(|b| !b.is_empty())
            .collect();
        if let Some(last) = blocks.last() {
            let t = join_lines(last, vocab);
            let stamp_like = t.starts_with('[')
                || t.contains("adopted by the General Assembly")
                || t.starts_with("Agenda item")
                || t.contains("Distr.")
                || t.ends_with("session")
                || t.contains("draft resolution")
                || t.contains("Draft resolution")
                || SYMBOL_LINE.is_match(&t);
            if !stamp_like && blocks.len() > 1 {
                m.title = Some(t);
                // The last block's first line.
                title_start = head
                    .iter()
                    .rposition(|l| l.trim().is_empty())
                    .map(|i| i + 1)
                    .filter(|i| *i < head.len());
            }
        }
    }
    m.head_lines = head_lines(&head[..title_start.unwrap_or(head.len())], vocab);
    if m.symbol.is_none()
        && let Some((s, n)) = &title_prefix
    {
        m.symbol = Some(format!("A/RES/{s}/{n}"));
    }
    m.session = m
        .symbol
        .as_deref()
        .and_then(|s| SYMBOL_SESSION.captures(s))
        .and_then(|c| c.get(1))
        .and_then(|x| x.as_str().parse().ok())
        .or_else(|| title_prefix.as_ref().and_then(|(s, _)| s.parse().ok()));

    let sym = m.symbol.as_deref().unwrap_or("");
    m.kind = if sym.contains("/RES/") {
        DocumentKind::Resolution
    } else if sym.contains("/DEC/") {
        DocumentKind::Decision
    } else if m.kind != DocumentKind::Unknown {
        m.kind
    } else if sym.contains("/L.")
        || joined.contains("draft resolution")
        || joined.contains("Draft resolution")
    {
        DocumentKind::DraftResolution
    } else if joined.contains("Decision adopted by") {
        DocumentKind::Decision
    } else if joined.contains("Resolution adopted by") || title_prefix.is_some() {
        DocumentKind::Resolution
    } else {
        DocumentKind::Unknown
    };
    m
}

/// The printed head lines of [`Metadata::head_lines`]: one per printed line, the lines the layout
/// wrapped joined (see [`continues`]), page furniture left out.
fn head_lines(lines: &[String], vocab: &Vocabulary) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Whether the last line pushed is in the same block as the current one.
    let mut same_block = false;
    let mut after_distr = false;
    for l in lines {
        let t = collapse_ws(l.trim());
        if t.is_empty() {
            same_block = false;
            continue;
        }
        let stamp_date = after_distr && DATE_LINE.is_match(&t);
        after_distr = t.starts_with("Distr.");
        if is_furniture(&t) || stamp_date {
            same_block = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if same_block && continues(last, &t) => {
                *last = join_lines(&[last.as_str(), t.as_str()], vocab);
            }
            _ => out.push(t),
        }
        same_block = true;
    }
    out
}

/// Page furniture of the masthead: not part of the text a reader compares.
fn is_furniture(t: &str) -> bool {
    matches!(t, "United Nations" | "General Assembly")
        || t.starts_with("Distr.")
        || t.starts_with("Original:")
        || SYMBOL_LINE.is_match(t)
        || JOB_NUMBER.is_match(t)
        || BARCODE.is_match(t)
        || PAGE_COUNTER.is_match(t)
        || is_marker(t)
}

/// An editorial marker such as `[DU1]` (a comment anchor left in a saved text).
fn is_marker(t: &str) -> bool {
    t.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(|inner| {
            (2..=6).contains(&inner.len())
                && inner
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

/// Whether printed line `next` continues `prev` in the same block (a line the layout wrapped):
/// always, unless one of them is a line of its own kind (session, committee, agenda item,
/// adoption line, report line, a draft's sponsors or submitter line).
fn continues(prev: &str, next: &str) -> bool {
    let own_line = |t: &str| {
        (t.ends_with(" session") && t.split(' ').count() <= 3)
            || (t.ends_with("Committee") && t.len() < 60 && !t.starts_with('['))
            || t.starts_with("Agenda item")
    };
    let starts_own = next.starts_with("Resolution adopted")
        || next.starts_with("Decision adopted")
        || next.starts_with('[')
        || next.starts_with("Draft resolution submitted")
        || own_line(next);
    let ends_own = own_line(prev)
        || prev.ends_with(']')
        || prev.ends_with("draft resolution")
        || prev.ends_with("draft decision");
    !starts_own && !ends_own
}

fn is_stamp_line(l: &str) -> bool {
    let t = l.trim();
    t.starts_with("Agenda item")
        || t.ends_with("Committee")
        || t.ends_with("session")
        || t.starts_with("Distr.")
}
