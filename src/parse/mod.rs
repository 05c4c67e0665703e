//! Turning text into the document model ([`crate::model::Resolution`]).
//!
//! [`parse`] detects the text flavour ([`TextFlavour`]): the ODS plain-text export, one paragraph
//! per line, or the text layer of an official PDF; a flavour-specific reader removes page
//! furniture, collects footnote texts and joins wrapped lines into units; a common stage classifies
//! units into preambular/operative paragraphs, sub-paragraphs, headings and annexes, removes
//! footnote reference digits and finds each paragraph's lead phrase. Texts that do not look like
//! a resolution become a list of unstructured paragraphs.
//!
//! # Ids
//! - body: `PP<n>` (preambular, counted), `OP<n>` (printed number), `OPU<n>` (an unnumbered
//!   operative paragraph such as `Adopts the following …:`), `H<n>` (headings, counted),
//!   `P<n>` (unstructured prose), sub-paragraphs `<parent>(a)`, `<parent>(a)(i)`, items of a
//!   numbered list inside a paragraph ending in `:` `<parent>(1)`;
//! - when operative numbering restarts at 1 after a heading (sections of budget resolutions,
//!   articles of a convention, rules of procedure) the k-th sequence gets the scope `S<k>.`
//!   (`S2.OP1`);
//! - annex paragraphs carry `AN<k>.` (`AN1.OP3`, `AN1.H1`, `AN1.P2`, `AN1.S3.OP1`);
//! - a repeated id gets `~2`, `~3` and a warning.
//!
//! # Footnotes
//! Footnote texts come from the blocks after `_____` lines (PDF), the numbered lines after the
//! plenary line (ODS), or asterisk lines at a page foot (`* On behalf of …`, stored with number
//! 0). Reference digits are removed from paragraph text (rules in `refs.rs`): glued to a word or closing punctuation, or set off by two spaces, or ending a
//! paragraph, or glued to a year/resolution number (`2024–203411`, `59/3009`), always a known
//! footnote number, new references in order.
//!
//! # Leads and hyphens
//! See [`lead_phrase`] and [`hyphen_join`].

mod lead;
mod lines;
mod meta;
mod patterns;
mod pdf;
mod prepared;
mod refs;
mod structure;
mod text;

pub use lead::{LeadStyle, lead_phrase};
pub use text::{HyphenJoin, Vocabulary, hyphen_join, keep_hyphen};

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{ParagraphKind, Resolution, TextFlavour};
use patterns::{GA_LINE, JOB_NUMBER, PAGE_COUNTER, TITLE_LINE};
use refs::RefScanner;

/// Detect which layout a text has.
pub fn detect_flavour(text: &str) -> TextFlavour {
    if text.contains("<<ODS") {
        return TextFlavour::OdsExport;
    }
    let mut nonempty = 0usize;
    let mut long = 0usize;
    let mut total = 0usize;
    let mut tab_numbered = 0usize;
    let mut furniture = 0usize;
    let mut ga = false;
    for l in text.lines() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        nonempty += 1;
        total += t.len();
        if t.len() > 200 {
            long += 1;
        }
        if l.starts_with('\t') && t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(".\t") {
            tab_numbered += 1;
        }
        if PAGE_COUNTER.is_match(t) || JOB_NUMBER.is_match(t) || t.starts_with("Distr.") {
            furniture += 1;
        }
        if GA_LINE.is_match(t) || TITLE_LINE.is_match(t) {
            ga = true;
        }
    }
    if nonempty == 0 {
        return TextFlavour::Plain;
    }
    if tab_numbered >= 2 {
        return TextFlavour::OdsExport;
    }
    let avg = total / nonempty;
    if furniture >= 1 || (ga && avg < 110 && nonempty >= 8 && long == 0) {
        return TextFlavour::PdfText;
    }
    if ga {
        return TextFlavour::LinePerParagraph;
    }
    if avg < 110 && nonempty >= 8 && long == 0 {
        // A hard-wrapped text without resolution markers: read it as wrapped prose.
        return TextFlavour::Plain;
    }
    TextFlavour::Plain
}

/// Parse a decoded, normalised text (LF line endings) into a [`Resolution`].
///
/// Never panics and never fails: a text that is not recognised as a resolution comes back with
/// `structured == false` and its blank-line-separated blocks as unstructured paragraphs `P1…`;
/// anything worked around is listed in [`Resolution::warnings`].
pub fn parse(text: &str) -> Resolution {
    let mut res = Resolution::default();
    if text.trim().is_empty() {
        res.warnings.push("empty text: no paragraphs".into());
        return res;
    }
    let vocab = Vocabulary::from_text(text);
    let flavour = detect_flavour(text);
    res.flavour = flavour;
    let prepared = match flavour {
        TextFlavour::OdsExport | TextFlavour::LinePerParagraph => lines::prepare(text),
        TextFlavour::PdfText => pdf::prepare(text, &vocab),
        TextFlavour::Plain => lines::prepare_plain(text, &vocab),
    };
    res.warnings.extend(prepared.warnings);
    res.footnotes = prepared.footnotes;
    let note_pages = prepared.note_pages;
    // The pages of each paragraph, when the layout has pages (PDF text).
    let mut para_pages: Option<Vec<(u32, u32)>> = None;
    // In a text that is not a resolution, a digit is data, not a footnote mark: its paragraphs
    // keep every character and get no footnote references.
    let recognised = prepared.found_body_start;
    if prepared.found_body_start {
        res.structured = true;
        res.meta = meta::read(&prepared.head, text, &vocab);
        if res.meta.agenda_item.is_none() {
            res.meta.agenda_item = meta::read(&prepared.tail, text, &vocab).agenda_item;
        }
        let (paras, warnings, pages) =
            structure::build(&prepared.units, &prepared.unit_pages, &mut res.meta);
        res.paragraphs = paras;
        if !prepared.unit_pages.is_empty() {
            para_pages = Some(pages);
        }
        res.warnings.extend(warnings);
        if res.meta.title.is_none() {
            // No title in the head (`A/80/L.41`): the first heading of the body.
            res.meta.title = res
                .paragraphs
                .iter()
                .find(|p| p.kind == ParagraphKind::Heading && !p.text.trim().is_empty())
                .map(|p| text::collapse_ws(&p.text));
        }
        if !res
            .paragraphs
            .iter()
            .any(|p| matches!(p.kind, ParagraphKind::Operative | ParagraphKind::Preambular))
        {
            res.structured = false;
        }
    } else {
        let mut units = prepared.head;
        units.extend(prepared.units);
        units.retain(|u| !u.trim().is_empty());
        res.paragraphs = structure::build_plain(&units);
        res.warnings
            .push("text not recognised as a resolution: paragraphs kept unstructured".into());
    }
    // Footnote references, in reading order, then lead phrases.
    let known: BTreeSet<u32> = res
        .footnotes
        .iter()
        .map(|f| f.number)
        .filter(|n| *n > 0)
        .collect();
    let mut scanner =
        RefScanner::new(known.iter().copied()).with_note_pages(if para_pages.is_some() {
            note_pages.clone()
        } else {
            BTreeMap::new()
        });
    let mut texts = Vec::with_capacity(res.paragraphs.len());
    let mut all_refs = Vec::with_capacity(res.paragraphs.len());
    for (i, p) in res.paragraphs.iter().enumerate() {
        scanner.set_pages(para_pages.as_ref().and_then(|pp| pp.get(i).copied()));
        let (clean, mut refs) = if recognised {
            scanner.scan(&p.text)
        } else {
            (p.text.clone(), Vec::new())
        };
        let mut offsets: Vec<usize> = refs.iter().map(|r| r.offset).collect();
        texts.push(text::collapse_with_offsets(&clean, &mut offsets));
        for (r, o) in refs.iter_mut().zip(offsets) {
            r.offset = o;
        }
        all_refs.push(refs);
    }
    // References the reading-order scan missed, found between their neighbours.
    let pages = para_pages.as_deref().map(|p| refs::Pages {
        paragraphs: p,
        notes: &note_pages,
    });
    let unreferenced = if recognised {
        refs::repair(&mut texts, &mut all_refs, &known, pages)
    } else {
        Vec::new()
    };
    for n in unreferenced {
        res.warnings.push(format!(
            "footnote {n} is not referenced in the text (no reference mark found for it)"
        ));
    }
    // A note cited again is no fault: A/RES/65/141 cites note 4 after `Tunis` and again after
    // `Tunis Agenda for the Information Society`, so repeated references carry no warning.
    for ((p, mut text), mut refs) in res.paragraphs.iter_mut().zip(texts).zip(all_refs) {
        let mut offsets: Vec<usize> = refs.iter().map(|r| r.offset).collect();
        text::rejoin_split_words(&mut text, &mut offsets, &vocab);
        for (r, o) in refs.iter_mut().zip(offsets) {
            r.offset = o;
        }
        p.text = text;
        p.footnote_refs = refs;
        if let Some(s) = &p.section {
            p.section = Some(text::collapse_ws(s));
        }
        // Leads only from paragraphs that are sentences (not headings or fragments).
        p.lead = match p.kind {
            // A preambular paragraph that lost its final comma in print keeps its lead.
            ParagraphKind::Preambular
                if !lead::is_sentence(&p.text) && p.text.split_whitespace().count() < 6 =>
            {
                None
            }
            ParagraphKind::Preambular => lead_phrase(&p.text, LeadStyle::Preambular),
            _ if !lead::is_sentence(&p.text) => None,
            ParagraphKind::Operative => lead_phrase(&p.text, LeadStyle::Operative),
            ParagraphKind::SubParagraph => None,
            ParagraphKind::Heading => None,
            ParagraphKind::Unstructured => None,
        };
    }
    let mut numbers: Vec<u32> = res.footnotes.iter().map(|f| f.number).collect();
    numbers.sort_unstable();
    if numbers.windows(2).any(|w| w[0] == w[1]) {
        res.warnings.push("footnote numbers repeat".into());
    }
    res
}
