//! The 1–1 matching passes: anchors, scored candidates with greedy global assignment, and an
//! exhaustive dynamic programme inside the small stretches left between matched pairs.

use std::collections::BTreeMap;

use crate::fxhash::FxMap;

use super::features::Features;
use super::lis::lis_mask;
use crate::model::{Paragraph, ParagraphKind};

/// Tuning of the matching passes.
pub(crate) mod tuning {
    /// Candidates kept per new paragraph from the inverted index.
    pub(crate) const CANDIDATES: usize = 8;
    /// Cosine accepted anywhere in the document.
    pub(crate) const ACCEPT_ANYWHERE: f64 = 0.5;
    /// Cosine accepted when the old paragraph lies between the matched neighbours of the new one.
    pub(crate) const ACCEPT_IN_GAP: f64 = 0.3;
    /// Cosine accepted by the dynamic programme inside a small gap.
    pub(crate) const ACCEPT_GAP_DP: f64 = 0.2;
    /// Least cosine of the paragraph that takes over a link citing other documents (pass 5b).
    pub(crate) const SYMBOL_COSINE: f64 = 0.5;
    /// Weighted containment (unigrams and bigrams) accepted for an unmatched candidate pair.
    pub(crate) const ACCEPT_CONTAINED: f64 = 0.75;
    /// Minimum words of the contained paragraph for a containment match.
    pub(crate) const CONTAINED_MIN_WORDS: usize = 6;
    /// Cosine accepted for two leftover paragraphs with the same lead verb (pass 6).
    pub(crate) const ACCEPT_ORPHAN: f64 = 0.2;
    /// Largest `old × new` size of a gap handled by the dynamic programme.
    pub(crate) const GAP_DP_MAX_CELLS: usize = 2_500;
    /// Score bonus for an old candidate between the matched neighbours of the new paragraph.
    pub(crate) const IN_GAP_BONUS: f64 = 0.1;
    /// Evidence added when both paragraphs open with the same lead verb (stemmed).
    pub(crate) const LEAD_BONUS: f64 = 0.1;
    /// Score bonus for the same paragraph kind.
    pub(crate) const SAME_KIND_BONUS: f64 = 0.03;
    /// Weight of the relative-position distance as a tie-breaker.
    pub(crate) const POSITION_WEIGHT: f64 = 0.03;
    /// Weight of the word overlap (Dice over the multisets of words), which prefers the
    /// counterpart of similar length: a long decision restated almost verbatim over a short
    /// paragraph whose words it merely contains.
    pub(crate) const DICE_WEIGHT: f64 = 0.2;
    /// Score bonus when the subjects (distinctive words among the first eight after the lead)
    /// share a word.
    pub(crate) const SUBJECT_BONUS: f64 = 0.1;
    /// How much two links must be worth above the one they replace (pass 3b).
    pub(crate) const SWAP_MARGIN: f64 = 0.3;
    /// Weight of the offset from the previous in-order pair as a tie-breaker (saturates at 5).
    pub(crate) const LOCAL_WEIGHT: f64 = 0.02;
}

/// Stem of the first word of a paragraph's lead phrase (or of its text): lower-cased, with `-ing`,
/// `-es`, `-s` removed, so `Recognizing also` and `Recognizes` agree (a preambular paragraph
/// turned operative keeps its verb).
fn lead_stem(p: &Paragraph) -> String {
    let src = p.lead.as_deref().unwrap_or(p.text.as_str());
    let first: String = src
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    for suffix in ["ing", "es", "s"] {
        if let Some(stem) = first.strip_suffix(suffix)
            && stem.len() >= 3
        {
            return stem.to_string();
        }
    }
    first
}

/// State of the 1–1 matching.
pub(crate) struct Matcher<'a> {
    pub(crate) old: &'a [Paragraph],
    pub(crate) new: &'a [Paragraph],
    pub(crate) f: Features,
    pub(crate) old_to_new: Vec<Option<usize>>,
    pub(crate) new_to_old: Vec<Option<usize>>,
    /// Matching score per new paragraph (cosine; 1 for anchors).
    pub(crate) score: Vec<f64>,
    pub(crate) warnings: Vec<String>,
    pub(crate) old_leads: Vec<String>,
    pub(crate) new_leads: Vec<String>,
    /// Subjects (see `evidence::subject`) of the old paragraphs, computed once.
    pub(crate) old_subjects: Vec<std::collections::HashSet<String>>,
    /// Subjects of the new paragraphs.
    pub(crate) new_subjects: Vec<std::collections::HashSet<String>>,
}

/// Can these two kinds be linked? Headings only with headings; everything else freely
/// (a preambular paragraph may become operative and back).
fn kinds_compatible(a: ParagraphKind, b: ParagraphKind) -> bool {
    (a == ParagraphKind::Heading) == (b == ParagraphKind::Heading)
}

impl<'a> Matcher<'a> {
    pub(crate) fn new(old: &'a [Paragraph], new: &'a [Paragraph], f: Features) -> Self {
        Matcher {
            old,
            new,
            f,
            old_to_new: vec![None; old.len()],
            new_to_old: vec![None; new.len()],
            score: vec![0.0; new.len()],
            warnings: Vec::new(),
            old_leads: old.iter().map(lead_stem).collect(),
            new_leads: new.iter().map(lead_stem).collect(),
            old_subjects: old.iter().map(super::evidence::subject).collect(),
            new_subjects: new.iter().map(super::evidence::subject).collect(),
        }
    }

    fn link(&mut self, o: usize, n: usize, score: f64) {
        if let (Some(a), Some(b), Some(s)) = (
            self.old_to_new.get_mut(o),
            self.new_to_old.get_mut(n),
            self.score.get_mut(n),
        ) {
            *a = Some(n);
            *b = Some(o);
            *s = score;
        }
    }

    fn is_free(&self, o: usize, n: usize) -> bool {
        self.old_to_new.get(o).is_some_and(Option::is_none)
            && self.new_to_old.get(n).is_some_and(Option::is_none)
    }

    /// Bonus when the two paragraphs open with the same lead verb.
    fn lead_bonus(&self, o: usize, n: usize) -> f64 {
        match (self.old_leads.get(o), self.new_leads.get(n)) {
            (Some(a), Some(b)) if !a.is_empty() && a == b => tuning::LEAD_BONUS,
            _ => 0.0,
        }
    }

    /// Bonus when the subjects (distinctive words right after the lead) share a word.
    fn subject_bonus(&self, o: usize, n: usize) -> f64 {
        match (self.old_subjects.get(o), self.new_subjects.get(n)) {
            (Some(a), Some(b)) if !a.is_disjoint(b) => tuning::SUBJECT_BONUS,
            _ => 0.0,
        }
    }

    fn compatible(&self, o: usize, n: usize) -> bool {
        match (self.old.get(o), self.new.get(n)) {
            (Some(a), Some(b)) => kinds_compatible(a.kind, b.kind),
            _ => false,
        }
    }

    /// Pass 1: paragraphs whose normalised token sequence occurs exactly once on each side.
    pub(crate) fn anchor_unique_exact(&mut self) {
        let mut seen: FxMap<&[u32], (usize, usize, usize, usize)> = FxMap::default();
        for (o, t) in self.f.old_tokens.iter().enumerate() {
            if t.is_empty() {
                continue;
            }
            let e = seen.entry(t.as_slice()).or_insert((0, 0, 0, 0));
            e.0 += 1;
            e.1 = o;
        }
        for (n, t) in self.f.new_tokens.iter().enumerate() {
            if t.is_empty() {
                continue;
            }
            if let Some(e) = seen.get_mut(t.as_slice()) {
                e.2 += 1;
                e.3 = n;
            }
        }
        let mut anchors: Vec<(usize, usize)> = seen
            .values()
            .filter(|e| e.0 == 1 && e.2 == 1)
            .map(|e| (e.1, e.3))
            .collect();
        anchors.sort_unstable();
        for (o, n) in anchors {
            if self.compatible(o, n) {
                self.link(o, n, 1.0);
            }
        }
    }

    /// The matched pairs sorted by new index, and which of them form the longest in-order run.
    fn ordered_pairs(&self) -> (Vec<(usize, usize)>, Vec<bool>) {
        let pairs: Vec<(usize, usize)> = self
            .new_to_old
            .iter()
            .enumerate()
            .filter_map(|(n, o)| o.map(|o| (o, n)))
            .collect();
        let keys: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        let mask = lis_mask(&keys);
        (pairs, mask)
    }

    /// For every new index, the open range of old indices between its in-order matched neighbours:
    /// `(lo, hi, lo_n)` meaning old indices `o` with `lo < o + 1 && o + 1 < hi` (shifted by one so
    /// that the document start is 0); `lo_n` is the new index + 1 of the previous in-order pair.
    fn gaps(&self) -> Vec<(usize, usize, usize)> {
        let (pairs, mask) = self.ordered_pairs();
        let kept: Vec<(usize, usize)> = pairs
            .iter()
            .zip(&mask)
            .filter(|(_, m)| **m)
            .map(|(p, _)| *p)
            .collect();
        let mut out = Vec::with_capacity(self.new.len());
        let mut next = 0; // index into kept of the first pair with new index >= n
        let mut lo = 0usize; // old index + 1 of the previous kept pair
        let mut lo_n = 0usize; // new index + 1 of the previous kept pair
        for n in 0..self.new.len() {
            while kept.get(next).is_some_and(|p| p.1 < n) {
                if let Some(p) = kept.get(next) {
                    lo = p.0 + 1;
                    lo_n = p.1 + 1;
                }
                next += 1;
            }
            let mut hi_idx = next;
            if kept.get(hi_idx).is_some_and(|p| p.1 == n) {
                hi_idx += 1;
            }
            let hi = kept.get(hi_idx).map_or(self.old.len() + 1, |p| p.0 + 1);
            out.push((lo, hi, lo_n));
        }
        out
    }

    fn position_distance(&self, o: usize, n: usize) -> f64 {
        let po = (o as f64 + 0.5) / self.old.len().max(1) as f64;
        let pn = (n as f64 + 0.5) / self.new.len().max(1) as f64;
        (po - pn).abs()
    }

    /// Passes 2 and 3: greedy assignment by descending score over the candidate edges with
    /// cosine ≥ `min_cos`. An edge is accepted at once when it keeps the order of the in-order
    /// matched pairs (checked against an ordered map, O(log P)); an edge that would cross them is
    /// deferred and, when `allow_moves`, accepted afterwards if both ends are still free (a move).
    pub(crate) fn greedy(
        &mut self,
        candidates: &[Vec<(usize, f64)>],
        min_cos: f64,
        allow_moves: bool,
    ) {
        let gaps = self.gaps();
        let (pairs, mask) = self.ordered_pairs();
        let mut ordered: BTreeMap<usize, usize> = pairs
            .iter()
            .zip(&mask)
            .filter(|(_, m)| **m)
            .map(|(p, _)| (p.1, p.0))
            .collect();
        let mut edges: Vec<(f64, usize, usize, f64)> = Vec::new();
        for (n, cands) in candidates.iter().enumerate() {
            let Some(&(lo, hi, lo_n)) = gaps.get(n) else {
                continue;
            };
            for &(o, cos) in cands {
                let lead = self.lead_bonus(o, n);
                // Moves need the cosine alone; in-order matches may lean on the lead verb.
                let evidence = if allow_moves { cos } else { cos + lead };
                if evidence < min_cos || !self.is_free(o, n) || !self.compatible(o, n) {
                    continue;
                }
                let in_gap = lo < o + 1 && o + 1 < hi;
                let same_kind = match (self.old.get(o), self.new.get(n)) {
                    (Some(a), Some(b)) => a.kind == b.kind,
                    _ => false,
                };
                // Offset from the previous in-order pair: prefers the twin at the same distance.
                let local = ((o + 1).abs_diff(lo) as f64 - (n + 1).abs_diff(lo_n) as f64).abs();
                let score = cos
                    + lead
                    + self.subject_bonus(o, n)
                    + if in_gap { tuning::IN_GAP_BONUS } else { 0.0 }
                    + if same_kind {
                        tuning::SAME_KIND_BONUS
                    } else {
                        0.0
                    }
                    - tuning::POSITION_WEIGHT * self.position_distance(o, n)
                    - tuning::LOCAL_WEIGHT * (local / 5.0).min(1.0)
                    + tuning::DICE_WEIGHT * self.f.dice(o, n);
                edges.push((score, o, n, cos));
            }
        }
        edges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        let mut deferred = Vec::new();
        for (_, o, n, cos) in edges {
            if !self.is_free(o, n) {
                continue;
            }
            let before_ok = ordered.range(..n).next_back().is_none_or(|(_, &po)| po < o);
            let after_ok = ordered.range(n + 1..).next().is_none_or(|(_, &so)| so > o);
            if before_ok && after_ok {
                self.link(o, n, cos);
                ordered.insert(n, o);
            } else if allow_moves {
                deferred.push((o, n, cos));
            }
        }
        for (o, n, cos) in deferred {
            if self.is_free(o, n) {
                self.link(o, n, cos);
            }
        }
    }

    /// Pass 3b: undo a greedy choice that took a better-fitting paragraph's partner. For a link
    /// `o → n`, a free old `o'` whose cosine with `n` is at least [`tuning::ACCEPT_ANYWHERE`] and
    /// a free new `n'` with evidence for `o` of at least [`tuning::ACCEPT_IN_GAP`] replace it by
    /// `o' → n` and `o → n'` when their values (cosine + lead bonus + Dice bonus) sum to more
    /// than the link's own value plus [`tuning::SWAP_MARGIN`]: a long decision restated word
    /// for word gets its successor, and the short paragraph whose words it contains its own.
    pub(crate) fn improve_by_swaps(&mut self, candidates: &[Vec<(usize, f64)>]) {
        let mut cands_of_old: Vec<Vec<usize>> = vec![Vec::new(); self.old.len()];
        for (n, c) in candidates.iter().enumerate() {
            for &(o, _) in c {
                if let Some(list) = cands_of_old.get_mut(o) {
                    list.push(n);
                }
            }
        }
        let value = |m: &Self, o: usize, n: usize| {
            m.f.cosine(o, n)
                + m.lead_bonus(o, n)
                + m.subject_bonus(o, n)
                + tuning::DICE_WEIGHT * m.f.dice(o, n)
        };
        for n in 0..self.new.len() {
            let Some(o) = self.new_to_old.get(n).copied().flatten() else {
                continue;
            };
            if self.score.get(n).is_some_and(|&s| s >= 1.0) {
                continue; // an exact anchor
            }
            let here = value(self, o, n);
            let mut best: Option<(f64, usize, usize)> = None;
            for &(o2, cos2) in candidates.get(n).map_or(&[][..], Vec::as_slice) {
                if o2 == o
                    || cos2 < tuning::ACCEPT_ANYWHERE
                    || self.old_to_new.get(o2).is_none_or(Option::is_some)
                    || !self.compatible(o2, n)
                {
                    continue;
                }
                for &n2 in cands_of_old.get(o).map_or(&[][..], Vec::as_slice) {
                    if n2 == n
                        || self.new_to_old.get(n2).is_none_or(Option::is_some)
                        || !self.compatible(o, n2)
                        || self.f.cosine(o, n2) + self.lead_bonus(o, n2) < tuning::ACCEPT_IN_GAP
                    {
                        continue;
                    }
                    let gain = value(self, o2, n) + value(self, o, n2) - here;
                    if gain > tuning::SWAP_MARGIN && best.is_none_or(|b| gain > b.0) {
                        best = Some((gain, o2, n2));
                    }
                }
            }
            if let Some((_, o2, n2)) = best {
                if let Some(slot) = self.old_to_new.get_mut(o) {
                    *slot = None;
                }
                let (c1, c2) = (self.f.cosine(o2, n), self.f.cosine(o, n2));
                self.link(o2, n, c1);
                self.link(o, n2, c2);
            }
        }
    }

    /// Pass 4: inside every stretch between consecutive in-order matched pairs, an exhaustive
    /// order-preserving dynamic programme over the still unmatched paragraphs (maximising the sum
    /// of `cosine − threshold`), when the stretch is small enough.
    pub(crate) fn fill_gaps(&mut self) {
        let (pairs, mask) = self.ordered_pairs();
        let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
        bounds.extend(
            pairs
                .iter()
                .zip(&mask)
                .filter(|(_, m)| **m)
                .map(|(p, _)| (p.0 as isize, p.1 as isize)),
        );
        bounds.push((self.old.len() as isize, self.new.len() as isize));
        let mut skipped = 0usize;
        for w in bounds.windows(2) {
            let (Some(a), Some(b)) = (w.first(), w.get(1)) else {
                continue;
            };
            let olds: Vec<usize> = ((a.0 + 1)..b.0)
                .map(|o| o as usize)
                .filter(|&o| self.old_to_new.get(o).is_some_and(Option::is_none))
                .collect();
            let news: Vec<usize> = ((a.1 + 1)..b.1)
                .map(|n| n as usize)
                .filter(|&n| self.new_to_old.get(n).is_some_and(Option::is_none))
                .collect();
            if olds.is_empty() || news.is_empty() {
                continue;
            }
            if olds.len() * news.len() > tuning::GAP_DP_MAX_CELLS {
                skipped += 1;
                continue;
            }
            for (o, n, _) in self.gap_dp(&olds, &news) {
                let cos = self.f.cosine(o, n);
                self.link(o, n, cos);
            }
        }
        if skipped > 0 {
            self.warnings.push(format!(
                "{skipped} long stretch(es) of unmatched paragraphs were compared only through \
                 shared distinctive words, not exhaustively"
            ));
        }
    }

    /// Pass 5b: a link whose two paragraphs cite documents and share none of them, while a free
    /// paragraph on the other side cites exactly the documents of one of its ends and is a
    /// candidate of that end (cosine ≥ [`tuning::SYMBOL_COSINE`]), is given to that paragraph;
    /// the other end is left free for the later passes. The normalised text reads every symbol
    /// as `<res>`, so `Recalling its resolution 77/208 of …` and `Recalling its resolution 67/19
    /// of …` look alike, but when the old text also holds `Recalling also its resolution 67/19
    /// of …` that one is the counterpart (78/192 → 79/163). A routine rollover (`77/208` →
    /// `78/192`) keeps its link: no other paragraph cites the new symbol alone.
    /// `annotations`: the matching's annotations of the paragraph texts (for the symbols).
    pub(crate) fn symbol_pass(
        &mut self,
        candidates: &[Vec<(usize, f64)>],
        annotations: &super::Annotations<'_>,
    ) {
        fn refs_of(
            cache: &mut [Option<Vec<String>>],
            paras: &[Paragraph],
            annotations: &[super::Annotation<'_>],
            i: usize,
        ) -> Vec<String> {
            if let Some(Some(r)) = cache.get(i) {
                return r.clone();
            }
            let mut r = paras
                .get(i)
                .filter(|p| p.text.contains('/'))
                .map(|p| super::references(p, annotations.get(i)))
                .unwrap_or_default();
            r.sort_unstable();
            if let Some(slot) = cache.get_mut(i) {
                *slot = Some(r.clone());
            }
            r
        }
        let disjoint = |a: &[String], b: &[String]| !a.iter().any(|x| b.contains(x));
        let mut old_refs: Vec<Option<Vec<String>>> = vec![None; self.old.len()];
        let mut new_refs: Vec<Option<Vec<String>>> = vec![None; self.new.len()];
        let mut cands_of_old: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.old.len()];
        for (n, c) in candidates.iter().enumerate() {
            for &(o, cos) in c {
                if let Some(list) = cands_of_old.get_mut(o) {
                    list.push((n, cos));
                }
            }
        }
        for n in 0..self.new.len() {
            let Some(Some(o)) = self.new_to_old.get(n).copied() else {
                continue;
            };
            if o == usize::MAX {
                continue;
            }
            let (ro, rn) = (
                refs_of(&mut old_refs, self.old, &annotations.old, o),
                refs_of(&mut new_refs, self.new, &annotations.new, n),
            );
            if ro.is_empty() || rn.is_empty() || !disjoint(&ro, &rn) {
                continue;
            }
            // A free old paragraph citing exactly what new `n` cites, or a free new paragraph
            // citing exactly what old `o` cites; the best cosine wins (`n`'s candidates first on a tie).
            let mut best: Option<(f64, usize, usize)> = None; // (cosine, old, new)
            let for_new = candidates.get(n).map(Vec::as_slice).unwrap_or_default();
            let for_old = cands_of_old.get(o).map(Vec::as_slice).unwrap_or_default();
            let pairs = (for_new.iter().map(|&(o2, cos)| (o2, n, cos)))
                .chain(for_old.iter().map(|&(n2, cos)| (o, n2, cos)));
            for (o2, n2, cos) in pairs {
                if (o2, n2) == (o, n) || cos < tuning::SYMBOL_COSINE || !self.compatible(o2, n2) {
                    continue;
                }
                let fits = if n2 == n {
                    self.old_to_new.get(o2).is_some_and(Option::is_none)
                        && refs_of(&mut old_refs, self.old, &annotations.old, o2) == rn
                } else {
                    self.new_to_old.get(n2).is_some_and(Option::is_none)
                        && refs_of(&mut new_refs, self.new, &annotations.new, n2) == ro
                };
                if fits && best.is_none_or(|b| cos > b.0) {
                    best = Some((cos, o2, n2));
                }
            }
            if let Some((cos, o2, n2)) = best {
                if let Some(slot) = self.old_to_new.get_mut(o) {
                    *slot = None;
                }
                if let Some(slot) = self.new_to_old.get_mut(n) {
                    *slot = None;
                }
                self.link(o2, n2, cos);
            }
        }
    }

    /// Pass 5: a still unmatched pair of candidates where one paragraph is mostly contained in the
    /// other (a short new paragraph cut from a long old one, or the reverse), greedily by
    /// weighted containment.
    pub(crate) fn containment_pass(&mut self, candidates: &[Vec<(usize, f64)>]) {
        let mut edges: Vec<(f64, usize, usize, f64)> = Vec::new();
        for (n, cands) in candidates.iter().enumerate() {
            for &(o, cos) in cands {
                if !self.is_free(o, n) || !self.compatible(o, n) {
                    continue;
                }
                let (c, words) = self.f.containment(o, n);
                if c >= tuning::ACCEPT_CONTAINED && words >= tuning::CONTAINED_MIN_WORDS {
                    edges.push((c, o, n, cos));
                }
            }
        }
        edges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        for (_, o, n, cos) in edges {
            if self.is_free(o, n) {
                self.link(o, n, cos);
            }
        }
    }

    /// Pass 6: paragraphs still unmatched on both sides that open with the same lead verb and
    /// subject (a distinctive word among the first eight after the lead), share some distinctive
    /// wording (cosine ≥ 0.2) and are each other's best such partner: a
    /// paragraph rewritten and moved (also from the preamble to the operative part, or back).
    pub(crate) fn orphan_pass(
        &mut self,
        candidates: &[Vec<(usize, f64)>],
    ) -> Vec<(usize, usize, f64)> {
        let mut best_of_old: FxMap<usize, (f64, usize)> = FxMap::default();
        let mut best_of_new: FxMap<usize, (f64, usize)> = FxMap::default();
        for (n, cands) in candidates.iter().enumerate() {
            for &(o, cos) in cands {
                if cos < tuning::ACCEPT_ORPHAN
                    || self.lead_bonus(o, n) == 0.0
                    || self.subject_bonus(o, n) == 0.0
                    || !self.is_free(o, n)
                    || !self.compatible(o, n)
                {
                    continue;
                }
                let bo = best_of_old.entry(o).or_insert((cos, n));
                if cos > bo.0 {
                    *bo = (cos, n);
                }
                let bn = best_of_new.entry(n).or_insert((cos, o));
                if cos > bn.0 {
                    *bn = (cos, o);
                }
            }
        }
        let mut mutual: Vec<(usize, usize, f64)> = best_of_new
            .iter()
            .filter(|(n, (_, o))| best_of_old.get(o).is_some_and(|b| b.1 == **n))
            .map(|(n, (cos, o))| (*o, *n, *cos))
            .collect();
        mutual.sort_unstable_by_key(|e| (e.1, e.0));
        for &(o, n, cos) in &mutual {
            self.link(o, n, cos);
        }
        mutual
    }

    /// Take old `o` out of the 1–1 matching (it is a piece of a split or merge).
    pub(crate) fn block_old(&mut self, o: usize) {
        if let Some(slot) = self.old_to_new.get_mut(o) {
            *slot = Some(usize::MAX);
        }
    }

    /// Take new `n` out of the 1–1 matching (it is a piece of a split or merge).
    pub(crate) fn block_new(&mut self, n: usize) {
        if let Some(slot) = self.new_to_old.get_mut(n) {
            *slot = Some(usize::MAX);
        }
    }

    fn gap_dp(&self, olds: &[usize], news: &[usize]) -> Vec<(usize, usize, f64)> {
        let (a, b) = (olds.len(), news.len());
        let w = b + 1;
        let mut best = vec![0f64; (a + 1) * w];
        let mut sims = vec![0f64; a * b];
        for (i, &o) in olds.iter().enumerate() {
            for (j, &n) in news.iter().enumerate() {
                let s = if self.compatible(o, n) {
                    self.f.cosine(o, n) + self.lead_bonus(o, n)
                } else {
                    0.0
                };
                if let Some(c) = sims.get_mut(i * b + j) {
                    *c = s;
                }
            }
        }
        let get = |v: &Vec<f64>, i: usize, j: usize| v.get(i * w + j).copied().unwrap_or(0.0);
        for i in 1..=a {
            for j in 1..=b {
                let s = sims.get((i - 1) * b + (j - 1)).copied().unwrap_or(0.0);
                let mut v = get(&best, i - 1, j).max(get(&best, i, j - 1));
                if s >= tuning::ACCEPT_GAP_DP {
                    v = v.max(get(&best, i - 1, j - 1) + s - tuning::ACCEPT_GAP_DP + 1e-9);
                }
                if let Some(c) = best.get_mut(i * w + j) {
                    *c = v;
                }
            }
        }
        let mut out = Vec::new();
        let (mut i, mut j) = (a, b);
        while i > 0 && j > 0 {
            let s = sims.get((i - 1) * b + (j - 1)).copied().unwrap_or(0.0);
            let here = get(&best, i, j);
            if s >= tuning::ACCEPT_GAP_DP
                && (here - (get(&best, i - 1, j - 1) + s - tuning::ACCEPT_GAP_DP + 1e-9)).abs()
                    < 1e-12
            {
                if let (Some(&o), Some(&n)) = (olds.get(i - 1), news.get(j - 1)) {
                    out.push((o, n, s));
                }
                i -= 1;
                j -= 1;
            } else if (here - get(&best, i - 1, j)).abs() < 1e-12 {
                i -= 1;
            } else {
                j -= 1;
            }
        }
        out
    }
}
