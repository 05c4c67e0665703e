//! Classification of one paragraph pair: routine or substantive, lead phrase, footnotes,
//! references.

use super::change::{ChangeKind, Classification, FootnoteChange};
use super::lead::lead_change_between;
use super::refs::{extract_references, references_in};
use std::borrow::Cow;

use super::routine::{
    Item, Rollover, annotate, mark_routine, mark_routine_with, normalize_for_matching,
};
use super::{DiffOp, OpKind, diff_words, similarity};
use crate::model::{Paragraph, ParagraphKind, Resolution};

/// The paragraph's lead phrase as the parser found it (only sentence paragraphs have one), or
/// an empty string. No words are guessed from headings or fragments.
fn lead_of(p: &Paragraph) -> &str {
    p.lead.as_deref().map(str::trim).unwrap_or_default()
}

/// `Some(true)` for an operative paragraph, `Some(false)` for a preambular one, `None` for any
/// other kind (sub-paragraph, heading, unstructured text).
fn operative(p: &Paragraph) -> Option<bool> {
    match p.kind {
        ParagraphKind::Operative => Some(true),
        ParagraphKind::Preambular => Some(false),
        _ => None,
    }
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

/// Why the change of a footnote text from `old` to `new` is the rollover `ro`, if it is: every
/// changed run of their word diff is routine.
fn footnote_routine(old: &str, new: &str, ro: &Rollover) -> Option<String> {
    let mut ops = diff_words(old, new);
    mark_routine(&mut ops, ro);
    let mut reasons: Vec<String> = Vec::new();
    for op in ops.iter().filter(|o| o.op != OpKind::Equal) {
        let reason = op.routine_reason.clone()?;
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    (!reasons.is_empty()).then(|| reasons.join("; "))
}

/// Footnote changes: identical texts cancel out; the rest pair up in order as `Changed` when at
/// least 30 % of their words agree or they are equal for matching ([`normalize_for_matching`]),
/// else they are `Removed` / `Added`. A changed text that is the rollover `ro` carries its
/// `routine_reason`.
fn footnote_changes(old: &[String], new: &[String], ro: &Rollover) -> Vec<FootnoteChange> {
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
                routine_reason: footnote_routine(o, n, ro),
            }),
            None => out.push(FootnoteChange::Removed { text: o.clone() }),
        }
    }
    for n in new_only.into_iter().flatten() {
        out.push(FootnoteChange::Added { text: n.clone() });
    }
    out
}

/// Classifies a paragraph pair whose word diff is `ops`, and marks its routine runs as the
/// rollover `ro` between the two documents (see [`Rollover::between`]; nothing is routine when
/// its gap is zero or unknown).
///
/// - `kind`: `Substantive` for an added or removed paragraph or any changed run that is not
///   routine; else `Footnote` when a footnote reference was added or removed or a footnote text
///   changed other than by the rollover; else `Routine` when some run or footnote text changed
///   by the rollover; else `None`.
/// - `lead_change`: from the paragraphs' `lead` fields (the parser takes leads only from sentence
///   paragraphs; nothing is guessed from the text), with the move between preamble and operative
///   part as `kind_change`; only for pairs.
/// - `footnotes`: footnotes referenced by each paragraph, compared by text.
/// - `references_added` / `references_removed`: set differences of [`extract_references`].
pub fn classify(
    old: Option<(&Paragraph, &Resolution)>,
    new: Option<(&Paragraph, &Resolution)>,
    ops: &mut [DiffOp],
    ro: &Rollover,
) -> Classification {
    classify_annotated(old, new, ops, ro, (None, None))
}

/// The annotation of `joined` (one side's text as the ops spell it): `known` when it annotates
/// the same text (`para`), else made here; none when nothing changed.
fn annotation<'t>(
    any_change: bool,
    joined: &'t str,
    para: Option<&str>,
    known: Option<&'t [Item<'t>]>,
) -> Cow<'t, [Item<'t>]> {
    match known {
        _ if !any_change => Cow::Owned(Vec::new()),
        Some(items) if para == Some(joined) => Cow::Borrowed(items),
        _ => Cow::Owned(annotate(joined)),
    }
}

/// [`classify`], given the annotations ([`annotate`]) of the old and the new paragraph's text
/// where they were made already (by the matching); an annotation is used only for a side whose
/// ops spell exactly that paragraph's text, so the result is the same as [`classify`]'s.
pub(crate) fn classify_annotated(
    old: Option<(&Paragraph, &Resolution)>,
    new: Option<(&Paragraph, &Resolution)>,
    ops: &mut [DiffOp],
    ro: &Rollover,
    known: (Option<&[Item<'_>]>, Option<&[Item<'_>]>),
) -> Classification {
    // Annotate each side once, for the routine marks and for the references.
    let any_change = ops.iter().any(|o| o.op != OpKind::Equal);
    let (old_joined, new_joined) = if any_change {
        (super::old_text(ops), super::new_text(ops))
    } else {
        (String::new(), String::new())
    };
    let old_items = annotation(
        any_change,
        &old_joined,
        old.map(|(p, _)| p.text.as_str()),
        known.0,
    );
    let new_items = annotation(
        any_change,
        &new_joined,
        new.map(|(p, _)| p.text.as_str()),
        known.1,
    );
    if any_change {
        mark_routine_with(ops, &old_joined, &new_joined, &old_items, &new_items, ro);
    }
    let changes: Vec<&DiffOp> = ops.iter().filter(|o| o.op != OpKind::Equal).collect();
    let old_notes = old.map(|(p, r)| footnote_texts(p, r)).unwrap_or_default();
    let new_notes = new.map(|(p, r)| footnote_texts(p, r)).unwrap_or_default();
    let footnotes = footnote_changes(&old_notes, &new_notes, ro);
    let footnote_substantive = footnotes.iter().any(|f| {
        !matches!(
            f,
            FootnoteChange::Changed {
                routine_reason: Some(_),
                ..
            }
        )
    });
    let kind = if old.is_none() || new.is_none() {
        if old.is_none() && new.is_none() {
            ChangeKind::None
        } else {
            ChangeKind::Substantive
        }
    } else if changes.iter().any(|o| !o.routine) {
        ChangeKind::Substantive
    } else if footnote_substantive {
        ChangeKind::Footnote
    } else if !changes.is_empty() || !footnotes.is_empty() {
        ChangeKind::Routine
    } else {
        ChangeKind::None
    };
    let lead_change = match (old, new) {
        (Some((o, _)), Some((n, _))) => match (operative(o), operative(n)) {
            (Some(oo), Some(no)) => lead_change_between(lead_of(o), oo, lead_of(n), no),
            _ => lead_change_between(lead_of(o), false, lead_of(n), false),
        },
        _ => None,
    };
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
        footnotes,
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
