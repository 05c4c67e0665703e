//! The one `Comparison` value that every front end (CLI, GUI, reports) renders.

use serde::{Deserialize, Serialize};

use crate::diff::{Classification, DiffOp, LeadChange};
use crate::model::Resolution;

/// The status of a pair is the alignment's ([`crate::align::Status`]); re-exported here because
/// every front end reads it from a [`Pair`].
pub use crate::align::Status;

/// One aligned row: old paragraph(s) ↔ new paragraph(s).
///
/// `old` and `new` hold indices into `Comparison::old.paragraphs` / `Comparison::new.paragraphs`.
/// A 1–1 pair has one index on each side; an added paragraph has none on the old side; a split has
/// one old and several new; a merge several old and one new. For several paragraphs on one side,
/// `ops` diff the texts joined with `"\n"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Indices of old paragraphs (empty when added).
    pub old: Vec<usize>,
    /// Indices of new paragraphs (empty when removed).
    pub new: Vec<usize>,
    /// What happened.
    pub status: Status,
    /// The printed operative number changed (recorded also for moved/modified pairs).
    pub renumbered: bool,
    /// Similarity of the two texts, 0–1 (1 for identical; 0 for added/removed).
    pub similarity: f64,
    /// Why the alignment linked a 1–1 pair whose texts share little (word similarity below
    /// [`crate::align::SIMILARITY_FLOOR`], or below [`crate::align::MOVE_FLOOR`] for a moved
    /// pair): its named structural evidence. `None` for every ordinary link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<crate::align::LinkReason>,
    /// Word-level diff of old text → new text.
    pub ops: Vec<DiffOp>,
    /// Routine vs substantive, lead-phrase change, footnotes, references.
    pub class: Classification,
}

/// Counts of pairs per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Unchanged pairs.
    pub unchanged: usize,
    /// Renumbered pairs.
    pub renumbered: usize,
    /// Modified pairs.
    pub modified: usize,
    /// Moved pairs.
    pub moved: usize,
    /// Split pairs.
    pub split: usize,
    /// Merged pairs.
    pub merged: usize,
    /// Added paragraphs.
    pub added: usize,
    /// Removed paragraphs.
    pub removed: usize,
}

impl StatusCounts {
    /// Count one pair of `status`.
    pub fn add(&mut self, status: Status) {
        *self.get_mut(status) += 1;
    }

    /// The count for `status`.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Unchanged => self.unchanged,
            Status::Renumbered => self.renumbered,
            Status::Modified => self.modified,
            Status::Moved => self.moved,
            Status::Split => self.split,
            Status::Merged => self.merged,
            Status::Added => self.added,
            Status::Removed => self.removed,
        }
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Unchanged => &mut self.unchanged,
            Status::Renumbered => &mut self.renumbered,
            Status::Modified => &mut self.modified,
            Status::Moved => &mut self.moved,
            Status::Split => &mut self.split,
            Status::Merged => &mut self.merged,
            Status::Added => &mut self.added,
            Status::Removed => &mut self.removed,
        }
    }

    /// Pairs that are not unchanged.
    pub fn changed(&self) -> usize {
        Status::ALL
            .iter()
            .filter(|s| **s != Status::Unchanged)
            .map(|s| self.get(*s))
            .sum()
    }
}

/// Counts for one section of the document (preambular, operative, an annex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionCounts {
    /// `preambular`, `operative`, `annex 1`, …
    pub section: String,
    /// Counts of the pairs in that section.
    pub counts: StatusCounts,
}

/// One entry of the operative renumbering map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renumbering {
    /// Old paragraph id (`OP17`).
    pub old: String,
    /// New paragraph id (`OP19`).
    pub new: String,
}

/// A lead-phrase change with the ids it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadChangeEntry {
    /// Index of the pair in `Comparison::pairs`.
    pub pair: usize,
    /// Old paragraph id.
    pub old_id: String,
    /// New paragraph id.
    pub new_id: String,
    /// The change.
    pub change: LeadChange,
}

/// A document reference added or removed, with where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceChange {
    /// Index of the pair in `Comparison::pairs`.
    pub pair: usize,
    /// The symbol (`65/141`, `A/66/437`).
    pub reference: String,
    /// True when added, false when removed.
    pub added: bool,
}

/// Everything a reader wants to know before reading the rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Counts per status over all pairs.
    pub counts: StatusCounts,
    /// Counts per section.
    pub sections: Vec<SectionCounts>,
    /// Pairs whose only changes are routine updates (the annual rollover).
    pub routine: usize,
    /// Pairs with substantive changes, footnote-only changes included.
    pub substantive: usize,
    /// Of the substantive pairs, those whose only substantive change is in their footnotes
    /// ([`crate::diff::ChangeKind::Footnote`]).
    pub footnote_only: usize,
    /// Pairs whose text and footnotes are the same but whose number or place changed (renumbered,
    /// or moved without a text change): neither routine nor substantive.
    pub position_only: usize,
    /// Pairs with any change: `substantive + routine + position_only` (every changed pair is in
    /// exactly one of those buckets; footnote-only pairs are in `substantive`).
    pub changed: usize,
    /// The gap between the documents that decided what is routine: sessions (new − old), `None`
    /// when unknown (then nothing is routine).
    pub session_gap: Option<i32>,
    /// The full operative renumbering map (old id → new id), in new order: every linked pair of
    /// operative paragraphs whose number changed (moved and modified ones included; paragraphs
    /// that kept their number are not listed).
    pub renumbering: Vec<Renumbering>,
    /// Lead-phrase changes, in new order.
    pub lead_changes: Vec<LeadChangeEntry>,
    /// References to other documents added or removed.
    pub reference_changes: Vec<ReferenceChange>,
    /// Overall similarity of the two documents, 0–1.
    pub similarity: f64,
}

impl Summary {
    /// The overall similarity as a reader sees it, with a percent sign: `100 %` only when no pair
    /// changed; otherwise truncated (never rounded up) to one decimal, and `> 99.9 %` when that
    /// would still read 100 (a renumbering or a footnote change can leave the words identical).
    pub fn similarity_label(&self) -> String {
        if self.changed == 0 {
            return "100 %".to_string();
        }
        let tenths = (self.similarity.clamp(0.0, 1.0) * 1000.0).floor() / 10.0;
        if tenths >= 100.0 {
            "> 99.9 %".to_string()
        } else {
            format!("{tenths:.1} %")
        }
    }
}

/// The result of comparing two resolutions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The old document.
    pub old: Resolution,
    /// The new document.
    pub new: Resolution,
    /// Aligned rows, in reading order of the new document (removed paragraphs placed where they stood).
    pub pairs: Vec<Pair>,
    /// Summary counts and maps.
    pub summary: Summary,
    /// Problems met while comparing (deadline hit, etc.); never silent.
    pub warnings: Vec<String>,
}

/// Options of [`compare_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareOptions {
    /// Time budget of the word diff of one pair (see [`crate::diff::DiffOptions::deadline`]).
    pub pair_deadline: std::time::Duration,
    /// Time budget of all word diffs together; once spent, each remaining pair gets 1 ms, so
    /// degenerate documents stay bounded (a warning says so).
    pub total_deadline: std::time::Duration,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            pair_deadline: std::time::Duration::from_millis(50),
            total_deadline: std::time::Duration::from_secs(3),
        }
    }
}

/// Compare two resolutions with default options: align their paragraphs, diff every pair word
/// by word (with a deadline), classify the changes and summarise.
pub fn compare(old: Resolution, new: Resolution) -> Comparison {
    compare_with(old, new, &CompareOptions::default())
}

/// [`compare`] with explicit options.
pub fn compare_with(old: Resolution, new: Resolution, opts: &CompareOptions) -> Comparison {
    let (alignment, mut known_diffs, annotations) = crate::align::align_keeping_diffs(&old, &new);
    // The gap between the documents decides what is a routine rollover.
    let rollover = crate::diff::Rollover::between(&old.meta, &new.meta);
    let mut warnings: Vec<String> = alignment.warnings.clone();
    let started = std::time::Instant::now();
    // The alignment has normally diffed each 1–1 pair already, with the default options, in
    // its evidence check (every 1–1 link when it matched in this orientation); a diff that
    // finished within its deadline is the same under any deadline. Each link takes its own.
    let links: Vec<LinkAndDiff<'_>> = alignment
        .links
        .iter()
        .map(|link| {
            let known = match (link.old.as_slice(), link.new.as_slice()) {
                ([o], [n]) => known_diffs
                    .remove(&(*o, *n))
                    .filter(|d| !d.timed_out)
                    .map(|d| d.ops),
                _ => None,
            };
            (link, std::sync::Mutex::new(known))
        })
        .collect();
    // Each pair is diffed and classified independently: on a multi-core machine the links are
    // cut into one contiguous chunk per core and the results joined in order, so the output is
    // the same as a sequential run (only a deadline hit can depend on timing, as before).
    let build = |(link, known): &LinkAndDiff<'_>| -> PairOutcome {
        let old_paras: Vec<&crate::model::Paragraph> = link
            .old
            .iter()
            .filter_map(|&i| old.paragraphs.get(i))
            .collect();
        let new_paras: Vec<&crate::model::Paragraph> = link
            .new
            .iter()
            .filter_map(|&i| new.paragraphs.get(i))
            .collect();
        let old_text = join_texts(&old_paras);
        let new_text = join_texts(&new_paras);
        let mut timed_out = None;
        let mut budget_spent = false;
        let known = known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        let mut ops = if let Some(known) = known {
            known
        } else if old_text == new_text {
            // Identical texts: one equal run, no search needed.
            if old_text.is_empty() {
                Vec::new()
            } else {
                vec![DiffOp::new(crate::diff::OpKind::Equal, old_text.clone())]
            }
        } else {
            let remaining = opts.total_deadline.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                budget_spent = true;
            }
            let deadline = opts
                .pair_deadline
                .min(remaining)
                .max(std::time::Duration::from_millis(1));
            let outcome = crate::diff::diff_words_with(
                &old_text,
                &new_text,
                &crate::diff::DiffOptions {
                    deadline: Some(deadline),
                    ..crate::diff::DiffOptions::default()
                },
            );
            if outcome.timed_out {
                timed_out = Some(pair_label(&old_paras, &new_paras));
            }
            outcome.ops
        };
        // The matching annotated every paragraph text; the classification reuses that. For a
        // split or merge, the first paragraph of the side with several stands for it (lead
        // phrase, footnotes).
        let class = crate::diff::classify_annotated(
            old_paras.first().map(|p| (*p, &old)),
            new_paras.first().map(|p| (*p, &new)),
            &mut ops,
            &rollover,
            (
                first_annotation(&link.old, &annotations.old),
                first_annotation(&link.new, &annotations.new),
            ),
        );
        let similarity = if old_paras.is_empty() || new_paras.is_empty() {
            0.0
        } else {
            crate::diff::similarity(&ops)
        };
        // The pair's weight in the overall similarity (counted here, on all cores).
        let words = |ps: &[&crate::model::Paragraph]| -> usize {
            ps.iter().map(|p| word_count(&p.text)).sum()
        };
        let weight = words(&old_paras).max(words(&new_paras)).max(1);
        PairOutcome {
            weight,
            pair: Pair {
                old: link.old.clone(),
                new: link.new.clone(),
                status: link.status,
                renumbered: link.renumbered,
                similarity,
                reason: link.reason,
                ops,
                class,
            },
            timed_out,
            budget_spent,
        }
    };
    let outcomes = crate::par::map_in_order(&links, 8, build);
    let mut timed_out_ids: Vec<String> = Vec::new();
    let mut budget_spent = false;
    let mut pairs = Vec::with_capacity(outcomes.len());
    let mut weights = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        weights.push(o.weight);
        timed_out_ids.extend(o.timed_out);
        budget_spent |= o.budget_spent;
        pairs.push(o.pair);
    }
    if !timed_out_ids.is_empty() {
        warnings.push(format!(
            "the word diff of {} pair(s) hit its time limit and is shown coarsely: {}",
            timed_out_ids.len(),
            timed_out_ids.join(", ")
        ));
    }
    if budget_spent {
        warnings.push(format!(
            "the total word-diff budget of {} ms was spent; later pairs got 1 ms each",
            opts.total_deadline.as_millis()
        ));
    }
    let summary = summarise(&old, &new, &pairs, &weights);
    Comparison {
        old,
        new,
        pairs,
        summary,
        warnings,
    }
}

/// The texts of one side of a pair, joined with `"\n"`.
fn join_texts(paras: &[&crate::model::Paragraph]) -> String {
    paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `OP3 → OP4`-style label of a pair for warnings.
fn pair_label(old: &[&crate::model::Paragraph], new: &[&crate::model::Paragraph]) -> String {
    let ids = |ps: &[&crate::model::Paragraph]| {
        if ps.is_empty() {
            "-".to_string()
        } else {
            ps.iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join("+")
        }
    };
    format!("{} → {}", ids(old), ids(new))
}

/// The annotation of the first paragraph of one side of a link.
fn first_annotation<'s, 'a>(
    side: &[usize],
    of: &'s [crate::align::Annotation<'a>],
) -> Option<&'s [crate::diff::Item<'a>]> {
    side.first().and_then(|&i| of.get(i)).map(|a| &a[..])
}

/// Section label of a paragraph: `preambular`, `operative`, `annex k`, or `other`.
fn section_of(p: &crate::model::Paragraph) -> String {
    use crate::model::{ParagraphKind, Part};
    match (&p.part, p.kind) {
        (Part::Annex { index, .. }, _) => format!("annex {index}"),
        (Part::Body, ParagraphKind::Preambular) => "preambular".to_string(),
        (Part::Body, ParagraphKind::Operative | ParagraphKind::Heading) => "operative".to_string(),
        (Part::Body, ParagraphKind::SubParagraph) if p.is_operative_like() => {
            "operative".to_string()
        }
        (Part::Body, ParagraphKind::SubParagraph) => "preambular".to_string(),
        (Part::Body, ParagraphKind::Unstructured) => "other".to_string(),
    }
}

/// `text.split_whitespace().count()`, with a byte loop for ASCII text (most paragraphs).
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` accepts.
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// Summary counts and maps over the pairs; `weights`: each pair's weight in the similarity.
fn summarise(old: &Resolution, new: &Resolution, pairs: &[Pair], weights: &[usize]) -> Summary {
    use crate::diff::ChangeKind;
    use crate::model::ParagraphKind;
    let mut s = Summary {
        session_gap: crate::diff::Rollover::between(&old.meta, &new.meta).sessions,
        ..Summary::default()
    };
    let (mut weighted, mut weight) = (0f64, 0f64);
    for (i, pair) in pairs.iter().enumerate() {
        s.counts.add(pair.status);
        let first_old = pair.old.first().and_then(|&k| old.paragraphs.get(k));
        let first_new = pair.new.first().and_then(|&k| new.paragraphs.get(k));
        if let Some(p) = first_new.or(first_old) {
            let label = section_of(p);
            match s.sections.iter_mut().find(|sc| sc.section == label) {
                Some(sc) => sc.counts.add(pair.status),
                None => {
                    let mut counts = StatusCounts::default();
                    counts.add(pair.status);
                    s.sections.push(SectionCounts {
                        section: label,
                        counts,
                    });
                }
            }
        }
        match pair.class.kind {
            ChangeKind::Routine => s.routine += 1,
            ChangeKind::Substantive => s.substantive += 1,
            ChangeKind::Footnote => {
                s.substantive += 1;
                s.footnote_only += 1;
            }
            ChangeKind::None if pair.status != Status::Unchanged => s.position_only += 1,
            ChangeKind::None => {}
        }
        if let (Some(o), Some(n)) = (first_old, first_new) {
            if pair.renumbered
                && o.kind == ParagraphKind::Operative
                && n.kind == ParagraphKind::Operative
            {
                s.renumbering.push(Renumbering {
                    old: o.id.clone(),
                    new: n.id.clone(),
                });
            }
            if let Some(change) = &pair.class.lead_change {
                s.lead_changes.push(LeadChangeEntry {
                    pair: i,
                    old_id: o.id.clone(),
                    new_id: n.id.clone(),
                    change: change.clone(),
                });
            }
        }
        for r in &pair.class.references_added {
            s.reference_changes.push(ReferenceChange {
                pair: i,
                reference: r.clone(),
                added: true,
            });
        }
        for r in &pair.class.references_removed {
            s.reference_changes.push(ReferenceChange {
                pair: i,
                reference: r.clone(),
                added: false,
            });
        }
        let w = weights.get(i).copied().unwrap_or(1) as f64;
        weighted += pair.similarity * w;
        weight += w;
    }
    s.similarity = if weight > 0.0 { weighted / weight } else { 1.0 };
    s.changed = s.substantive + s.routine + s.position_only;
    s
}

/// A link and the word diff the alignment already ran for it, taken by the one who builds its
/// pair (the pairs are built on all cores).
type LinkAndDiff<'l> = (
    &'l crate::align::Link,
    std::sync::Mutex<Option<Vec<DiffOp>>>,
);

/// One pair built by [`compare_with`], with what its diff ran into.
struct PairOutcome {
    pair: Pair,
    /// The words of the larger side (at least 1): the pair's weight in the summary's similarity.
    weight: usize,
    timed_out: Option<String>,
    budget_spent: bool,
}

#[cfg(test)]
mod summary_tests {
    use super::Summary;

    #[test]
    fn word_count_is_that_of_split_whitespace() {
        for t in [
            "",
            "   ",
            "Recalling its resolution 65/141 of 20 December 2010,",
            "  two\twords\n\r\x0b\x0c end ",
            // U+001C–U+001F are not white space for Rust; NBSP and the ideographic space are.
            "a\x1cb\x1fc d",
            "États\u{a0}membres\u{3000}ont",
            "tail-",
        ] {
            assert_eq!(super::word_count(t), t.split_whitespace().count(), "{t:?}");
        }
        // Every paragraph of the sample pair (ASCII and not).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        let mut words = 0;
        for file in ["A_RES_65_141.txt", "A_RES_66_184.txt"] {
            let r = crate::load(&dir.join(file)).expect("sample file");
            for p in &r.paragraphs {
                assert_eq!(
                    super::word_count(&p.text),
                    p.text.split_whitespace().count()
                );
                words += super::word_count(&p.text);
            }
        }
        assert!(words > 5_000, "{words}");
    }

    #[test]
    fn similarity_reads_100_only_when_nothing_changed() {
        let s = |similarity: f64, changed: usize| Summary {
            similarity,
            changed,
            ..Summary::default()
        };
        assert_eq!(s(1.0, 0).similarity_label(), "100 %");
        // Renumbering or a footnote change leaves the words identical: not 100 %.
        assert_eq!(s(1.0, 4).similarity_label(), "> 99.9 %");
        assert_eq!(s(0.99996, 4).similarity_label(), "99.9 %");
        // Truncated, never rounded up.
        assert_eq!(s(0.9995, 1).similarity_label(), "99.9 %");
        assert_eq!(s(0.97369, 1).similarity_label(), "97.3 %");
        assert_eq!(s(0.0, 3).similarity_label(), "0.0 %");
    }
}

#[cfg(test)]
mod reuse_tests {
    /// The comparison classifies each pair with the annotations the matching made of the
    /// paragraph texts; classifying the same ops afresh (annotating again) must give the same
    /// classification and the same routine marks, on the sample pair and every third series pair.
    #[test]
    fn classifying_with_the_matching_annotations_changes_nothing() {
        let pairs =
            crate::corpus::sample_and_series_pairs("annotation reuse over the series pairs", 3);
        let mut checked = 0;
        for (old, new) in pairs {
            let (old, new) = (crate::load(&old).unwrap(), crate::load(&new).unwrap());
            // Both orientations: the matching runs reversed in one of them.
            for (a, b) in [(old.clone(), new.clone()), (new.clone(), old.clone())] {
                let c = super::compare(a, b);
                let rollover = crate::diff::Rollover::between(&c.old.meta, &c.new.meta);
                for p in &c.pairs {
                    let old_p = p.old.first().and_then(|&i| c.old.paragraphs.get(i));
                    let new_p = p.new.first().and_then(|&i| c.new.paragraphs.get(i));
                    let mut ops = p.ops.clone();
                    let class = crate::diff::classify(
                        old_p.map(|x| (x, &c.old)),
                        new_p.map(|x| (x, &c.new)),
                        &mut ops,
                        &rollover,
                    );
                    assert_eq!(class, p.class, "{:?} {:?}", p.old, p.new);
                    assert_eq!(ops, p.ops, "{:?} {:?}", p.old, p.new);
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "only {checked} pairs checked");
    }
}
