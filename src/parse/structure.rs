//! Classifying body units into preambular/operative paragraphs, sub-paragraphs, headings and
//! annexes, with unique ids.

use std::collections::HashSet;

use super::lead::{LeadStyle, lead_phrase};
use super::patterns::{
    ACTION_START, ANNEX_START, DATE_LINE, GA_LINE, OP_NO_PERIOD, OP_START, PART_START, PLENARY,
    ROMAN_HEADING, SECTION_START, SUB_START, iso_date,
};
use super::text::collapse_ws;
use crate::model::{Metadata, Paragraph, ParagraphKind, Part};

/// Running state of the classifier.
struct Builder {
    paras: Vec<Paragraph>,
    used: HashSet<String>,
    warnings: Vec<String>,
    part: Part,
    prefix: String,
    pp: u32,
    p: u32,
    h: u32,
    opu: u32,
    annexes: u32,
    seen_op: bool,
    /// Index of the last top-level (non-sub) paragraph.
    top: Option<usize>,
    /// Index and label of the last letter sub-paragraph.
    letter: Option<(usize, String)>,
    section: Option<String>,
    after_plenary: bool,
    /// Id scope of a restarted numbering (`S2.`), empty for the first sequence of a part.
    scope: String,
    scopes: u32,
    last_op_num: Option<u32>,
    ops_since_heading: u32,
    /// A heading printed as a bare number (`II`, `Article 17`) whose title is the next unit.
    untitled: Option<usize>,
    /// A numbered list inside a paragraph ending with `:` (parent index, last item number).
    list: Option<(usize, u32)>,
    /// First and last page of each paragraph (PDF text), parallel to `paras`.
    pages: Vec<(u32, u32)>,
    /// The pages of the unit being read.
    unit_pages: (u32, u32),
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

fn next_letter(prev: &str) -> Option<String> {
    let mut it = prev.chars();
    let c = it.next()?;
    (it.next().is_none() && c.is_ascii_lowercase() && c != 'z')
        .then(|| ((c as u8 + 1) as char).to_string())
}

impl Builder {
    fn new() -> Self {
        Self {
            paras: Vec::new(),
            used: HashSet::new(),
            warnings: Vec::new(),
            part: Part::Body,
            prefix: String::new(),
            pp: 0,
            p: 0,
            h: 0,
            opu: 0,
            annexes: 0,
            seen_op: false,
            top: None,
            letter: None,
            section: None,
            after_plenary: false,
            scope: String::new(),
            scopes: 1,
            last_op_num: None,
            ops_since_heading: 0,
            list: None,
            untitled: None,
            pages: Vec::new(),
            unit_pages: (0, 0),
        }
    }

    fn unique(&mut self, id: String) -> String {
        if self.used.insert(id.clone()) {
            return id;
        }
        let mut k = 2;
        loop {
            let cand = format!("{id}~{k}");
            if self.used.insert(cand.clone()) {
                self.warnings
                    .push(format!("duplicate paragraph id {id}: renamed to {cand}"));
                return cand;
            }
            k += 1;
        }
    }

    fn push(
        &mut self,
        id: String,
        kind: ParagraphKind,
        number: Option<String>,
        text: &str,
        parent: Option<String>,
    ) -> usize {
        let id = self.unique(id);
        if kind != ParagraphKind::Heading {
            self.untitled = None;
        }
        let section = if kind == ParagraphKind::Heading {
            None
        } else {
            self.section.clone()
        };
        self.paras.push(Paragraph {
            id,
            kind,
            number,
            lead: None,
            text: text.to_string(),
            parent,
            part: self.part.clone(),
            section,
            footnote_refs: Vec::new(),
            printed_number: None,
        });
        self.pages.push(self.unit_pages);
        self.paras.len() - 1
    }

    fn start_annex(&mut self, label: &str, text: &str) {
        self.annexes += 1;
        self.part = Part::Annex {
            index: self.annexes,
            label: label.to_string(),
        };
        self.prefix = format!("AN{}.", self.annexes);
        self.pp = 0;
        self.p = 0;
        self.h = 0;
        self.opu = 0;
        self.seen_op = false;
        self.letter = None;
        self.section = None;
        self.scope.clear();
        self.scopes = 1;
        self.last_op_num = None;
        self.ops_since_heading = 0;
        self.list = None;
        self.h += 1;
        let id = format!("{}H{}", self.prefix, self.h);
        let number = (!label.is_empty()).then(|| label.to_string());
        let i = self.push(id, ParagraphKind::Heading, number, text, None);
        if let Some(h) = self.paras.get_mut(i) {
            // `Annex II` is printed in the heading's own text: no label before it.
            h.printed_number = Some(String::new());
        }
        self.top = Some(i);
    }

    /// A heading whose label is printed as `printed` (`IV`, `IV.`, `Part IV`, `Action 12.`).
    fn heading_as_printed(&mut self, number: String, printed: String, text: &str) {
        let before = self.paras.len();
        self.heading(Some(number), text);
        if self.paras.len() > before
            && let Some(h) = self.paras.last_mut()
        {
            h.printed_number = Some(printed);
        }
    }

    fn heading(&mut self, number: Option<String>, text: &str) {
        if number.is_none()
            && let Some(i) = self.untitled.take()
            && let Some(h) = self.paras.get_mut(i)
        {
            // The title line of a bare-number heading.
            h.text = text.to_string();
            self.section = Some(text.to_string());
            return;
        }
        self.untitled = None;
        self.h += 1;
        let id = format!("{}H{}", self.prefix, self.h);
        let i = self.push(id, ParagraphKind::Heading, number.clone(), text, None);
        self.top = Some(i);
        self.letter = None;
        self.ops_since_heading = 0;
        self.list = None;
        if text.is_empty() {
            self.untitled = Some(i);
        }
        self.section = Some(if text.is_empty() {
            number.unwrap_or_default()
        } else {
            text.to_string()
        });
    }

    fn list_item(&mut self, parent: usize, n: u32, body: &str) {
        let parent_id = self
            .paras
            .get(parent)
            .map(|p| p.id.clone())
            .unwrap_or_default();
        let id = format!("{parent_id}({n})");
        self.push(
            id,
            ParagraphKind::SubParagraph,
            Some(n.to_string()),
            body,
            Some(parent_id),
        );
        self.list = Some((parent, n));
    }

    fn append_to_last(&mut self, text: &str) -> bool {
        match self.paras.last_mut() {
            Some(last) => {
                last.text.push(' ');
                last.text.push_str(text);
                if let Some(pages) = self.pages.last_mut() {
                    pages.1 = pages.1.max(self.unit_pages.1);
                }
                true
            }
            None => false,
        }
    }

    fn unit(&mut self, raw: &str, meta: &mut Metadata) {
        let mut text = raw.trim();
        if text.is_empty() || GA_LINE.is_match(text) {
            return;
        }
        // Closing plenary line (alone, or at the end of the last paragraph).
        if let Some(c) = PLENARY.captures(text) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let before = text[..whole.start].trim_end();
            let n: Option<u32> = c.get(1).and_then(|m| m.as_str().parse().ok());
            if meta.plenary_meeting.is_none() {
                meta.plenary_meeting = n;
                // `54th plenary meeting` and its date, one closing line each as printed.
                let date = c.get(2);
                let line_end = date.map_or(whole.end, |d| d.start());
                let start = c.get(1).map_or(whole.start, |m| m.start());
                meta.closing_lines
                    .push(collapse_ws(text.get(start..line_end).unwrap_or_default()));
                if let Some(d) = date {
                    meta.closing_lines.push(collapse_ws(d.as_str()));
                }
            }
            if let Some(d) = c.get(2).and_then(|m| iso_date(m.as_str()))
                && meta.date.is_none()
            {
                meta.date = Some(d);
            }
            if !before.is_empty() {
                self.unit(before, meta);
            }
            self.after_plenary = true;
            return;
        }
        if self.after_plenary && DATE_LINE.is_match(text) {
            if meta.date.is_none() {
                meta.date = iso_date(text);
            }
            if meta.closing_lines.len() == 1 {
                meta.closing_lines.push(collapse_ws(text));
            }
            return;
        }
        // Annex.
        if let Some(c) = ANNEX_START.captures(text)
            && text.len() < 120
            && !text.ends_with([',', ';'])
        {
            let rest = c.get(2).map_or("", |m| m.as_str());
            if !rest.starts_with(|ch: char| ch.is_lowercase()) {
                let label = c.get(1).map_or("", |m| m.as_str()).to_string();
                self.start_annex(&label, text);
                return;
            }
        }
        // Bullet item: a child of the paragraph it follows (`OP12(•1)`).
        if let Some(body) = text.strip_prefix('•')
            && let Some(pi) = self.top
        {
            let parent_id = self.paras.get(pi).map(|p| p.id.clone()).unwrap_or_default();
            let k = self
                .paras
                .iter()
                .filter(|p| {
                    p.parent.as_deref() == Some(parent_id.as_str())
                        && p.number.as_deref() == Some("•")
                })
                .count()
                + 1;
            let id = format!("{parent_id}(•{k})");
            self.push(
                id,
                ParagraphKind::SubParagraph,
                Some("•".into()),
                body.trim_start(),
                Some(parent_id),
            );
            return;
        }
        // Sub-paragraph.
        if let Some(c) = SUB_START.captures(text) {
            let label = c.get(1).map_or("", |m| m.as_str()).to_string();
            let body = &text[c.get(0).map_or(0, |m| m.end())..];
            let letter_next = self
                .letter
                .as_ref()
                .and_then(|(_, l)| next_letter(l))
                .is_some_and(|n| n == label);
            let roman =
                is_roman(&label) && !letter_next && (self.letter.is_some() || label.len() > 1);
            let parent_idx = if roman {
                self.letter.as_ref().map(|(i, _)| *i).or(self.top)
            } else {
                self.top
            };
            let Some(pi) = parent_idx else {
                self.p += 1;
                let id = format!("{}P{}", self.prefix, self.p);
                self.push(id, ParagraphKind::Unstructured, None, text, None);
                return;
            };
            let parent_id = self.paras.get(pi).map(|p| p.id.clone()).unwrap_or_default();
            let id = format!("{parent_id}({label})");
            let i = self.push(
                id,
                ParagraphKind::SubParagraph,
                Some(label.clone()),
                body,
                Some(parent_id),
            );
            if !roman {
                self.letter = Some((i, label));
            }
            return;
        }
        // Numbered operative paragraph (also `26 Condemns` when the period is missing).
        let numbered = OP_START
            .captures(text)
            .map(|c| {
                (
                    c.get(1).map_or("", |m| m.as_str()).to_string(),
                    c.get(0).map_or(0, |m| m.end()),
                )
            })
            .or_else(|| {
                let c = OP_NO_PERIOD.captures(text)?;
                let n: u32 = c.get(1)?.as_str().parse().ok()?;
                (Some(n) == self.last_op_num.map(|l| l + 1)).then(|| {
                    self.warnings.push(format!(
                        "paragraph {n} printed without a period after its number"
                    ));
                    (n.to_string(), c.get(2).map_or(0, |m| m.start()))
                })
            });
        if let Some((num, body_at)) = numbered {
            let body = &text[body_at..];
            let n: u32 = num.parse().unwrap_or(0);
            // A numbered list inside the previous paragraph (`…objectives:` `1. Close …`).
            if let Some((pi, last)) = self.list {
                if n == last + 1 {
                    self.list_item(pi, n, body);
                    return;
                }
                self.list = None;
            }
            if n == 1 && self.last_op_num.is_some() {
                let top_ends_colon = self
                    .top
                    .and_then(|t| self.paras.get(t))
                    .is_some_and(|p| p.text.trim_end().ends_with(':'));
                if top_ends_colon && let Some(pi) = self.top {
                    self.list_item(pi, n, body);
                    return;
                }
                // Numbering restarts (sections, articles, rules): a new id scope.
                self.scopes += 1;
                self.scope = format!("S{}.", self.scopes);
            }
            self.seen_op = true;
            self.last_op_num = Some(n);
            self.ops_since_heading += 1;
            let id = format!("{}{}OP{}", self.prefix, self.scope, num);
            let i = self.push(id, ParagraphKind::Operative, Some(num), body, None);
            self.top = Some(i);
            self.letter = None;
            return;
        }
        if let Some(c) = ACTION_START.captures(text) {
            let num = c.get(1).map_or("", |m| m.as_str()).to_string();
            let body = c.get(2).map_or("", |m| m.as_str());
            self.heading_as_printed(num.clone(), format!("{num}."), body);
            return;
        }
        if let Some(c) = PART_START.captures(text)
            && text.len() < 250
            && !text.ends_with([',', ';', '.'])
        {
            let label = c.get(1).map_or("", |m| m.as_str()).to_string();
            let rest = c.get(2).map_or("", |m| m.as_str());
            // `Part IV.` or `Part IV`: the label as printed, up to the title.
            let printed = c
                .get(2)
                .map_or(text, |m| &text[..m.start()])
                .trim_end()
                .to_string();
            self.heading_as_printed(label, printed, rest);
            return;
        }
        if let Some(c) = ROMAN_HEADING.captures(text)
            && text.len() < 250
        {
            let label = c.get(1).or(c.get(2)).map_or("", |m| m.as_str()).to_string();
            let rest = c.get(3).map_or("", |m| m.as_str());
            self.heading_as_printed(label.clone(), label, rest);
            return;
        }
        if let Some(c) = SECTION_START.captures(text) {
            let label = c.get(1).or(c.get(2)).map_or("", |m| m.as_str()).to_string();
            let rest = c.get(3).map_or("", |m| m.as_str());
            if rest.len() < 250 && !rest.ends_with([',', ';']) {
                self.heading_as_printed(label.clone(), format!("{label}."), rest);
                return;
            }
        }
        // Unnumbered text.
        let first_upper = text.chars().next().is_some_and(char::is_uppercase);
        let pp_lead = lead_phrase(text, LeadStyle::Preambular).is_some();
        let op_lead = lead_phrase(text, LeadStyle::Operative).is_some();
        // A preambular paragraph whose final comma is missing (`Having received the report of
        // the International Atomic Energy Agency for 2022` in A/RES/78/8) is not a heading.
        let comma_less_preamble = pp_lead
            && !self.seen_op
            && matches!(self.part, Part::Body)
            && text.split_whitespace().count() >= 6;
        if first_upper
            && !comma_less_preamble
            && text.len() < 250
            && !text
                .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
                .ends_with(['.', ',', ';', ':', '”', '"'])
            && !text.contains(". ")
        {
            self.heading(None, text);
            return;
        }
        let starts_lower = text.starts_with(|c: char| c.is_lowercase());
        if starts_lower && !self.paras.is_empty() {
            self.append_to_last(text);
            text = "";
        }
        if text.is_empty() {
            return;
        }
        if (!self.seen_op || self.ops_since_heading == 0) && pp_lead {
            self.pp += 1;
            let id = format!("{}PP{}", self.prefix, self.pp);
            let i = self.push(id, ParagraphKind::Preambular, None, text, None);
            self.top = Some(i);
            self.letter = None;
            return;
        }
        if !self.seen_op && op_lead && matches!(self.part, Part::Body) {
            self.opu += 1;
            let id = format!("{}OPU{}", self.prefix, self.opu);
            let i = self.push(id, ParagraphKind::Operative, None, text, None);
            self.top = Some(i);
            self.letter = None;
            return;
        }
        if !self.seen_op && matches!(self.part, Part::Body) && self.pp > 0 {
            // Preambular paragraph with an unusual opening.
            self.pp += 1;
            let id = format!("{}PP{}", self.prefix, self.pp);
            let i = self.push(id, ParagraphKind::Preambular, None, text, None);
            self.top = Some(i);
            self.letter = None;
            return;
        }
        self.p += 1;
        let id = format!("{}P{}", self.prefix, self.p);
        let i = self.push(id, ParagraphKind::Unstructured, None, text, None);
        self.top = Some(i);
        self.letter = None;
    }
}

/// Classify the body units of a recognised resolution; fills plenary/date in `meta`.
///
/// `unit_pages` (parallel to `units`, or empty when the layout has no pages) gives each unit's
/// first and last page; the paragraphs' pages come back in the same form, parallel to them.
pub fn build(
    units: &[String],
    unit_pages: &[(u32, u32)],
    meta: &mut Metadata,
) -> (Vec<Paragraph>, Vec<String>, Vec<(u32, u32)>) {
    let mut b = Builder::new();
    for (i, u) in units.iter().enumerate() {
        b.unit_pages = unit_pages.get(i).copied().unwrap_or((0, 0));
        b.unit(u, meta);
    }
    (b.paras, b.warnings, b.pages)
}

/// An unrecognised text: every unit is an unstructured paragraph `P1…`.
pub fn build_plain(units: &[String]) -> Vec<Paragraph> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| Paragraph {
            id: format!("P{}", i + 1),
            kind: ParagraphKind::Unstructured,
            number: None,
            lead: None,
            text: u.clone(),
            parent: None,
            part: Part::Body,
            section: None,
            footnote_refs: Vec::new(),
            printed_number: None,
        })
        .collect()
}
