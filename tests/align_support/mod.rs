//! Test-only helpers shared by the `align*` integration tests.
#![allow(dead_code)]

use resdiff::model::{Paragraph, ParagraphKind, Part, Resolution};

/// A paragraph of `kind` with `id` and `text` (number taken from an `OPn` id).
pub fn para(id: &str, kind: ParagraphKind, text: &str) -> Paragraph {
    let number = match kind {
        ParagraphKind::Operative => id.rsplit("OP").next().map(str::to_string),
        ParagraphKind::SubParagraph => id
            .rsplit('(')
            .next()
            .map(|s| s.trim_end_matches(')').to_string()),
        _ => None,
    };
    let parent = match kind {
        ParagraphKind::SubParagraph => id.rfind('(').map(|i| id[..i].to_string()),
        _ => None,
    };
    Paragraph {
        id: id.to_string(),
        kind,
        number,
        lead: None,
        text: text.to_string(),
        parent,
        part: Part::Body,
        section: None,
        footnote_refs: Vec::new(),
    }
}

/// A resolution from plain lines: `N. text` lines are operative, other lines preambular.
pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Resolution {
    let mut paragraphs = Vec::new();
    let mut pp = 0;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let num: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !num.is_empty() && line[num.len()..].starts_with('.') {
            let text = line[num.len() + 1..].trim();
            paragraphs.push(para(&format!("OP{num}"), ParagraphKind::Operative, text));
        } else {
            pp += 1;
            paragraphs.push(para(&format!("PP{pp}"), ParagraphKind::Preambular, line));
        }
    }
    Resolution {
        paragraphs,
        structured: true,
        ..Resolution::default()
    }
}
