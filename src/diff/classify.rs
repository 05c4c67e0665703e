//! Classification of one paragraph pair: routine or substantive, lead phrase, footnotes,
//! references.

use super::change::{ChangeKind, Classification, FootnoteChange};
use super::lead::lead_change;
use super::refs::{extract_references, references_in};
use super::routine::{annotate, mark_routine_with, normalize_for_matching};
use super::{DiffOp, OpKind, diff_words, similarity};
use crate::model::{Paragraph, Resolution};

/// Words that end a lead phrase taken from the text (the object or clause begins).
const LEAD_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "that",
    "its",
    "their",
    "all",
    "to",
    "in",
    "about",
    "at",
    "over",
    "by",
    "regarding",
    "for",
    "on",
    "this",
    "these",
    "those",
    "each",
    "every",
    "any",
];

/// The paragraph's lead phrase, or, without one, its first words up to the object: at most five
/// words, stopping before a determiner/preposition (`the`, `that`, `to`, …), a capitalised word
/// after the first (`Member States`), a number or punctuation. `Takes note with appreciation of
/// the report` → `Takes note with appreciation of`; `Calls upon all States` → `Calls upon`.
fn lead_of(p: &Paragraph) -> String {
    if let Some(lead) = p.lead.as_deref().filter(|l| !l.trim().is_empty()) {
        return lead.trim().to_string();
    }
    let mut lead: Vec<&str> = Vec::new();
    for (i, raw) in p.text.split_whitespace().take(5).enumerate() {
        let w = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        let capital_later = i > 0 && w.chars().next().is_some_and(char::is_uppercase);
        if w.is_empty()
            || !w.chars().all(char::is_alphabetic)
            || LEAD_STOP.contains(&lower.as_str())
            || capital_later
        {
            break;
        }
        lead.push(w);
        if w.len() != raw.len() {
            break; // punctuation after the word ends the phrase
        }
    }
    lead.join(" ")
}

/// Footnote texts referenced by the paragraph, in order, each once.
fn footnote_texts(p: &Paragraph, res: &Resolution) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &p.footnote_refs {
        if let Some(f) = res.footnote(r.number) {
            let t = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// Footnote changes: identical texts cancel out; the rest pair up in order as `Changed` when at
/// least 30 % of their words agree or they are equal for matching ([`normalize_for_matching`]),
/// else they are `Removed` / `Added`.
fn footnote_changes(old: &[String], new: &[String]) -> Vec<FootnoteChange> {
    let old_only: Vec<&String> = old.iter().filter(|t| !new.contains(t)).collect();
    let mut new_only: Vec<Option<&String>> =
        new.iter().filter(|t| !old.contains(t)).map(Some).collect();
    let mut out = Vec::new();
    for o in old_only {
        let partner = new_only.iter_mut().find(|n| {
            n.is_some_and(|n| {
                normalize_for_matching(o) == normalize_for_matching(n)
                    || similarity(&diff_words(o, n)) >= 0.3
            })
        });
        match partner.and_then(Option::take) {
            Some(n) => out.push(FootnoteChange::Changed {
                old: o.clone(),
                new: n.clone(),
            }),
            None => out.push(FootnoteChange::Removed { text: o.clone() }),
        }
    }
    for n in new_only.into_iter().flatten() {
        out.push(FootnoteChange::Added { text: n.clone() });
    }
    out
}

/// Classifies a paragraph pair whose word diff is `ops`, and marks its routine runs.
///
/// - `kind`: `None` when nothing changed (and both paragraphs exist), `Routine` when every changed
///   run is routine (see [`super::is_routine_change`]), otherwise `Substantive` (always for an
///   added or removed paragraph).
/// - `lead_change`: from the paragraphs' `lead` fields, falling back to the first words of the
///   text up to the object (`Takes note with appreciation of`, `Calls upon`); only for pairs.
/// - `footnotes`: footnotes referenced by each paragraph, compared by text.
/// - `references_added` / `references_removed`: set differences of [`extract_references`].
pub fn classify(
    old: Option<(&Paragraph, &Resolution)>,
    new: Option<(&Paragraph, &Resolution)>,
    ops: &mut [DiffOp],
) -> Classification {
    // Annotate each side once, for the routine marks and for the references.
    let any_change = ops.iter().any(|o| o.op != OpKind::Equal);
    let (old_joined, new_joined) = if any_change {
        (super::old_text(ops), super::new_text(ops))
    } else {
        (String::new(), String::new())
    };
    let old_items = if any_change {
        annotate(&old_joined)
    } else {
        Vec::new()
    };
    let new_items = if any_change {
        annotate(&new_joined)
    } else {
        Vec::new()
    };
    if any_change {
        mark_routine_with(ops, &old_items, &new_items);
    }
    let changes: Vec<&DiffOp> = ops.iter().filter(|o| o.op != OpKind::Equal).collect();
    let kind = if old.is_none() || new.is_none() {
        if old.is_none() && new.is_none() {
            ChangeKind::None
        } else {
            ChangeKind::Substantive
        }
    } else if changes.is_empty() {
        ChangeKind::None
    } else if changes.iter().all(|o| o.routine) {
        ChangeKind::Routine
    } else {
        ChangeKind::Substantive
    };
    let lead_change = match (old, new) {
        (Some((o, _)), Some((n, _))) => lead_change(&lead_of(o), &lead_of(n)),
        _ => None,
    };
    let old_notes = old.map(|(p, r)| footnote_texts(p, r)).unwrap_or_default();
    let new_notes = new.map(|(p, r)| footnote_texts(p, r)).unwrap_or_default();
    let same_text = matches!((old, new), (Some((o, _)), Some((n, _))) if o.text == n.text);
    let refs = |side: Option<(&Paragraph, &Resolution)>, joined: &str, items: &[_]| match side {
        // Identical texts have identical references: nothing added or removed.
        Some((p, _)) if !same_text => {
            if any_change && p.text == joined {
                references_in(&p.text, items)
            } else {
                extract_references(&p.text)
            }
        }
        _ => Vec::new(),
    };
    let old_refs = refs(old, &old_joined, &old_items);
    let new_refs = refs(new, &new_joined, &new_items);
    Classification {
        kind,
        lead_change,
        footnotes: footnote_changes(&old_notes, &new_notes),
        references_added: new_refs
            .iter()
            .filter(|r| !old_refs.contains(r))
            .cloned()
            .collect(),
        references_removed: old_refs
            .iter()
            .filter(|r| !new_refs.contains(r))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ParagraphKind, Part};

    fn para(text: &str) -> Paragraph {
        Paragraph {
            id: "OP1".into(),
            kind: ParagraphKind::Operative,
            number: Some("1".into()),
            lead: None,
            text: text.into(),
            parent: None,
            part: Part::Body,
            section: None,
            footnote_refs: Vec::new(),
        }
    }

    #[test]
    fn lead_fallback_stops_at_the_object() {
        let cases = [
            (
                "Takes note with appreciation of the report",
                "Takes note with appreciation of",
            ),
            ("Calls upon all States to act;", "Calls upon"),
            ("Encourages Member States to", "Encourages"),
            ("Recalling also its resolution 65/141,", "Recalling also"),
            ("Deeply concerned that", "Deeply concerned"),
            ("Emphasizing, however, that", "Emphasizing"),
            ("Reaffirms paragraphs 4, 5 and 55", "Reaffirms paragraphs"),
        ];
        for (text, lead) in cases {
            assert_eq!(lead_of(&para(text)), lead, "{text}");
        }
    }
}
