//! Reads the paragraphs of a WordprocessingML part (`document.xml`, `footnotes.xml`) as lines.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::numbering::Numbering;
use super::xml::{Depth, attr, qname};

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
    /// The paragraph mark is a tracked deletion: the text joins the next paragraph.
    mark_deleted: bool,
}

/// Numbers footnotes in the order of their first reference, as Word prints them.
#[derive(Debug, Default)]
pub(super) struct FootnoteNumbers {
    /// Footnote id → printed number, in order of assignment.
    pub order: Vec<(String, u32)>,
    by_id: HashMap<String, u32>,
    /// Number of endnote references met (endnotes are not extracted).
    pub endnote_refs: usize,
}

impl FootnoteNumbers {
    fn number(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.by_id.get(id) {
            return n;
        }
        let n = u32::try_from(self.order.len() + 1).unwrap_or(u32::MAX);
        self.by_id.insert(id.to_string(), n);
        self.order.push((id.to_string(), n));
        n
    }
}

/// Lines read from a part; for `footnotes.xml`, the lines of each footnote by id.
#[derive(Debug, Default)]
pub(super) struct PartText {
    /// All paragraph lines outside footnote elements.
    pub lines: Vec<String>,
    /// Footnote id → its paragraph lines.
    pub footnotes: HashMap<String, Vec<String>>,
}

/// Reads the paragraphs of one part. `part` names it in error messages.
pub(super) fn read_part(
    xml: &str,
    part: &str,
    mut numbering: Option<&mut Numbering>,
    footnote_numbers: &mut FootnoteNumbers,
) -> Result<PartText, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = PartText::default();
    let mut paras: Vec<Para> = Vec::new();
    let mut skip_depth = 0usize;
    let mut in_text = false;
    let mut ppr_depth = 0usize;
    let mut footnote: Option<String> = None;
    let mut carry = String::new();
    let mut depth = Depth::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{part} is not valid XML ({e})"))?;
        depth.track(&event, part)?;
        match event {
            Event::Start(e) => {
                let name = qname(&e);
                if matches!(name.as_str(), "w:del" | "w:moveFrom" | "mc:Fallback") {
                    if ppr_depth > 0
                        && let Some(p) = paras.last_mut()
                    {
                        p.mark_deleted = true;
                    }
                    skip_depth += 1;
                    continue;
                }
                match name.as_str() {
                    "w:p" => paras.push(Para::default()),
                    "w:pPr" => ppr_depth += 1,
                    "w:t" => in_text = true,
                    "w:footnote" => footnote = note_id(&e),
                    _ => {
                        if skip_depth == 0 {
                            element(&e, &name, ppr_depth > 0, &mut paras, footnote_numbers);
                        }
                    }
                }
            }
            Event::Empty(e) => {
                let name = qname(&e);
                if name == "w:p" {
                    if skip_depth == 0 {
                        push_line(&mut out, footnote.as_deref(), String::new());
                    }
                } else if skip_depth == 0 {
                    element(&e, &name, ppr_depth > 0, &mut paras, footnote_numbers);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:del" | "w:moveFrom" | "mc:Fallback" => skip_depth = skip_depth.saturating_sub(1),
                "w:pPr" => ppr_depth = ppr_depth.saturating_sub(1),
                "w:t" => in_text = false,
                "w:footnote" => footnote = None,
                "w:p" => {
                    if let Some(para) = paras.pop() {
                        if skip_depth > 0 {
                            continue;
                        }
                        let label = numbering.as_deref_mut().and_then(|n| label_of(n, &para));
                        let text = std::mem::take(&mut carry) + &para.text;
                        if para.mark_deleted {
                            carry = text;
                            continue;
                        }
                        let line = match label {
                            Some(label) => label + &text,
                            None => text,
                        };
                        push_line(&mut out, footnote.as_deref(), line);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if in_text
                    && skip_depth == 0
                    && let Some(p) = paras.last_mut()
                {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if in_text
                    && skip_depth == 0
                    && let Some(p) = paras.last_mut()
                {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if in_text
                    && skip_depth == 0
                    && let Some(p) = paras.last_mut()
                {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match r.as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    p.text.push(c.unwrap_or('\u{FFFD}'));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !carry.is_empty() {
        out.lines.push(carry);
    }
    Ok(out)
}

/// The id of a `w:footnote` that holds real text (not a separator).
fn note_id(e: &BytesStart<'_>) -> Option<String> {
    match attr(e, "type").as_deref() {
        Some("separator" | "continuationSeparator" | "continuationNotice") => None,
        _ => attr(e, "id"),
    }
}

fn push_line(out: &mut PartText, footnote: Option<&str>, line: String) {
    match footnote {
        Some(id) => out.footnotes.entry(id.to_string()).or_default().push(line),
        None => out.lines.push(line),
    }
}

/// The list label of a paragraph (direct `w:numPr` or from its style).
fn label_of(numbering: &mut Numbering, para: &Para) -> Option<String> {
    let (num_id, ilvl) = match (&para.num_id, para.style.as_deref()) {
        (Some(id), _) => (id.clone(), para.ilvl.unwrap_or(0)),
        (None, Some(style)) => {
            let (id, lvl) = numbering.style_numbering(style)?;
            (id, para.ilvl.unwrap_or(lvl))
        }
        (None, None) => return None,
    };
    if num_id == "0" {
        return None;
    }
    numbering.next_label(&num_id, ilvl)
}

/// Handles a start or empty element inside a paragraph.
fn element(
    e: &BytesStart<'_>,
    name: &str,
    in_ppr: bool,
    paras: &mut [Para],
    footnote_numbers: &mut FootnoteNumbers,
) {
    let Some(para) = paras.last_mut() else {
        return;
    };
    if in_ppr {
        match name {
            "w:numId" => para.num_id = attr(e, "val"),
            "w:ilvl" => para.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
            "w:pStyle" => para.style = attr(e, "val"),
            "w:del" | "w:moveFrom" => para.mark_deleted = true,
            _ => {}
        }
        return;
    }
    match name {
        "w:tab" | "w:ptab" => para.text.push('\t'),
        "w:br" | "w:cr" => para.text.push('\n'),
        "w:noBreakHyphen" => para.text.push('-'),
        "w:endnoteReference" => footnote_numbers.endnote_refs += 1,
        "w:footnoteReference" => {
            if let Some(id) = attr(e, "id") {
                let n = footnote_numbers.number(&id);
                let custom = matches!(
                    attr(e, "customMarkFollows").as_deref(),
                    Some("1" | "true" | "on")
                );
                if !custom {
                    para.text.push_str(&n.to_string());
                }
            }
        }
        _ => {}
    }
}
