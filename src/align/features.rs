//! Word features of paragraphs: tokens, TF-IDF vectors over word unigrams and bigrams, and an
//! inverted index that finds candidate partners without comparing all pairs.

use std::borrow::Cow;

use crate::fxhash::FxMap;

/// The word-token vocabulary shared by both documents: token text → id. Words are keyed by the
/// text they were read from where they are already lower case (no copy), else by their lower
/// case.
#[derive(Default)]
pub(crate) struct Vocab<'t> {
    ids: FxMap<Cow<'t, str>, u32>,
    /// The id of `#` (every token holding a digit), once made.
    number: Option<u32>,
}

impl<'t> Vocab<'t> {
    fn id(&mut self, word: Cow<'t, str>) -> u32 {
        if let Some(&id) = self.ids.get(word.as_ref()) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(word, id);
        id
    }

    /// Token ids of an already normalised text: lower-cased words, every token holding a digit
    /// as `#` so that changed years, symbols and numbers do not hide a match. A non-blank text
    /// without any word is one token, itself (so that rules like `______` still match their twin).
    pub(crate) fn tokens(&mut self, text: &'t str) -> Vec<u32> {
        if !text.chars().any(char::is_alphanumeric) {
            let t = text.trim();
            return if t.is_empty() {
                Vec::new()
            } else {
                vec![self.id(Cow::Borrowed(t))]
            };
        }
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        for w in words_of(text) {
            let id = if w.bytes().any(|b| b.is_ascii_digit()) {
                match self.number {
                    Some(id) => id,
                    None => {
                        let id = self.id(Cow::Borrowed("#"));
                        self.number = Some(id);
                        id
                    }
                }
            } else if w.chars().any(char::is_uppercase) {
                let lower: String = w.chars().flat_map(char::to_lowercase).collect();
                match self.ids.get(lower.as_str()) {
                    Some(&id) => id,
                    None => self.id(Cow::Owned(lower)),
                }
            } else {
                self.id(Cow::Borrowed(w))
            };
            out.push(id);
        }
        out
    }
}

/// The maximal runs of alphanumeric characters of `text` (`text.split(|c| !c.is_alphanumeric())`
/// without the empty pieces), ASCII bytes told apart without decoding.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip to the start of the next word.
        loop {
            let &b = bytes.get(at)?;
            if b.is_ascii_alphanumeric() {
                break;
            }
            if b.is_ascii() {
                at += 1;
                continue;
            }
            let c = text.get(at..)?.chars().next()?;
            if c.is_alphanumeric() {
                break;
            }
            at += c.len_utf8();
        }
        let start = at;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphanumeric() {
                at += 1;
            } else if b.is_ascii() {
                break;
            } else {
                match text.get(at..).and_then(|rest| rest.chars().next()) {
                    Some(c) if c.is_alphanumeric() => at += c.len_utf8(),
                    _ => break,
                }
            }
        }
        text.get(start..at)
    })
}

/// A unit-length sparse vector: feature ids ascending with their weights.
#[derive(Debug, Clone, Default)]
pub(crate) struct SparseVec {
    pub(crate) ids: Vec<u32>,
    pub(crate) weights: Vec<f32>,
}

impl SparseVec {
    /// Cosine of two unit vectors (merge join over the sorted ids).
    pub(crate) fn cosine(&self, other: &SparseVec) -> f64 {
        let (mut i, mut j) = (0, 0);
        let mut dot = 0f64;
        while let (Some(&a), Some(&b)) = (self.ids.get(i), other.ids.get(j)) {
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let wa = self.weights.get(i).copied().unwrap_or(0.0);
                    let wb = other.weights.get(j).copied().unwrap_or(0.0);
                    dot += f64::from(wa) * f64::from(wb);
                    i += 1;
                    j += 1;
                }
            }
        }
        dot.clamp(0.0, 1.0)
    }
}

/// Features of all paragraphs of both documents.
pub(crate) struct Features {
    /// Normalised word token ids per old paragraph.
    pub(crate) old_tokens: Vec<Vec<u32>>,
    /// Normalised word token ids per new paragraph.
    pub(crate) new_tokens: Vec<Vec<u32>>,
    /// Word token ids per old paragraph, sorted (for [`Features::dice`] and the split detection).
    pub(crate) old_sorted: Vec<Vec<u32>>,
    /// Word token ids per new paragraph, sorted.
    pub(crate) new_sorted: Vec<Vec<u32>>,
    /// TF-IDF vectors of the old paragraphs.
    pub(crate) old_vecs: Vec<SparseVec>,
    /// TF-IDF vectors of the new paragraphs.
    pub(crate) new_vecs: Vec<SparseVec>,
}

/// Feature ids, in order of first appearance: a word's id from a dense table (word ids are
/// dense), a bigram's from a map that holds bigrams only.
struct Interner {
    /// Feature id of each word id; `u32::MAX` until the word is first seen.
    words: Vec<u32>,
    /// Feature id of each bigram seen, keyed by the two word ids.
    bigrams: FxMap<u64, u32>,
    /// Number of feature ids handed out.
    len: u32,
}

impl Interner {
    fn new(vocab_len: usize, bigrams: usize) -> Self {
        Self {
            words: vec![u32::MAX; vocab_len],
            bigrams: FxMap::with_capacity_and_hasher(bigrams, Default::default()),
            len: 0,
        }
    }

    fn word(&mut self, w: u32) -> u32 {
        let Some(slot) = self.words.get_mut(w as usize) else {
            debug_assert!(false, "word id {w} outside the vocabulary");
            return u32::MAX;
        };
        if *slot == u32::MAX {
            *slot = self.len;
            self.len = self.len.saturating_add(1);
        }
        *slot
    }

    fn bigram(&mut self, key: u64) -> u32 {
        let next = self.len;
        let id = *self.bigrams.entry(key).or_insert(next);
        if id == next {
            self.len = self.len.saturating_add(1);
        }
        id
    }
}

/// Raw term counts of one paragraph (its word ids in order, and sorted) over unigrams and
/// bigrams: feature id → count, ascending. New features get ids in ascending order of their
/// key — the words by word id, then the bigrams by (first, second) word id — so the ids depend
/// only on the order of the paragraphs.
fn term_counts(tokens: &[u32], words: &[u32], intern: &mut Interner) -> Vec<(u32, u32)> {
    let mut bigrams: Vec<u64> = tokens
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((u64::from(*a) << 32) | u64::from(*b)),
            _ => None,
        })
        .collect();
    bigrams.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(words.len() + bigrams.len());
    for run in words.chunk_by(|a, b| a == b) {
        if let Some(&w) = run.first() {
            out.push((intern.word(w), u32::try_from(run.len()).unwrap_or(u32::MAX)));
        }
    }
    for run in bigrams.chunk_by(|a, b| a == b) {
        if let Some(&k) = run.first() {
            out.push((
                intern.bigram(k),
                u32::try_from(run.len()).unwrap_or(u32::MAX),
            ));
        }
    }
    out.sort_unstable();
    out
}

impl Features {
    /// Build tokens and TF-IDF vectors (document frequency over the paragraphs of both sides).
    pub(crate) fn build(old_texts: &[String], new_texts: &[String]) -> Self {
        let mut vocab = Vocab::default();
        let old_tokens: Vec<Vec<u32>> = old_texts.iter().map(|t| vocab.tokens(t)).collect();
        let new_tokens: Vec<Vec<u32>> = new_texts.iter().map(|t| vocab.tokens(t)).collect();
        // Room for every bigram, so the map never grows while it is filled.
        let bigrams: usize = old_tokens
            .iter()
            .chain(&new_tokens)
            .map(|t| t.len().saturating_sub(1))
            .sum();
        let sorted = |t: &Vec<u32>| {
            let mut s = t.clone();
            s.sort_unstable();
            s
        };
        let old_sorted: Vec<Vec<u32>> = old_tokens.iter().map(sorted).collect();
        let new_sorted: Vec<Vec<u32>> = new_tokens.iter().map(sorted).collect();
        let mut intern = Interner::new(vocab.ids.len(), bigrams);
        let old_counts: Vec<_> = old_tokens
            .iter()
            .zip(&old_sorted)
            .map(|(t, s)| term_counts(t, s, &mut intern))
            .collect();
        let new_counts: Vec<_> = new_tokens
            .iter()
            .zip(&new_sorted)
            .map(|(t, s)| term_counts(t, s, &mut intern))
            .collect();
        let mut df = vec![0u32; intern.len as usize];
        for counts in old_counts.iter().chain(new_counts.iter()) {
            for (id, _) in counts {
                if let Some(d) = df.get_mut(*id as usize) {
                    *d += 1;
                }
            }
        }
        let n_docs = (old_counts.len() + new_counts.len()).max(1) as f64;
        let vectorise = |counts: &Vec<(u32, u32)>| -> SparseVec {
            let mut ids = Vec::with_capacity(counts.len());
            let mut weights = Vec::with_capacity(counts.len());
            for &(id, tf) in counts {
                let d = f64::from(df.get(id as usize).copied().unwrap_or(1).max(1));
                let idf = (1.0 + n_docs / d).ln();
                ids.push(id);
                weights.push((1.0 + f64::from(tf).ln()) * idf);
            }
            let norm = weights.iter().map(|w| w * w).sum::<f64>().sqrt();
            let weights = weights
                .iter()
                .map(|w| if norm > 0.0 { (w / norm) as f32 } else { 0.0 })
                .collect();
            SparseVec { ids, weights }
        };
        let old_vecs = old_counts.iter().map(vectorise).collect();
        let new_vecs = new_counts.iter().map(vectorise).collect();
        Features {
            old_sorted,
            new_sorted,
            old_tokens,
            new_tokens,
            old_vecs,
            new_vecs,
        }
    }

    /// Weighted containment: the share of `a`'s TF-IDF weight on features that `b` also has.
    fn contained(a: &SparseVec, b: &SparseVec) -> f64 {
        let (mut i, mut j) = (0, 0);
        let (mut shared, mut total) = (0f64, 0f64);
        while let Some(&fa) = a.ids.get(i) {
            let wa = f64::from(a.weights.get(i).copied().unwrap_or(0.0));
            total += wa;
            while b.ids.get(j).is_some_and(|&fb| fb < fa) {
                j += 1;
            }
            if b.ids.get(j) == Some(&fa) {
                shared += wa;
            }
            i += 1;
        }
        if total > 0.0 { shared / total } else { 0.0 }
    }

    /// Weighted containment of old `o` in new `n` (`old_in_new`) or of new `n` in old `o`.
    pub(crate) fn contained_in(&self, o: usize, n: usize, old_in_new: bool) -> f64 {
        let (Some(a), Some(b)) = (self.old_vecs.get(o), self.new_vecs.get(n)) else {
            return 0.0;
        };
        if old_in_new {
            Self::contained(a, b)
        } else {
            Self::contained(b, a)
        }
    }

    /// The larger of the two weighted containments of old `o` in new `n` and back, with the word
    /// count of the contained (smaller) side.
    pub(crate) fn containment(&self, o: usize, n: usize) -> (f64, usize) {
        let (Some(a), Some(b)) = (self.old_vecs.get(o), self.new_vecs.get(n)) else {
            return (0.0, 0);
        };
        let o_in_n = Self::contained(a, b);
        let n_in_o = Self::contained(b, a);
        let words_o = self.old_tokens.get(o).map_or(0, Vec::len);
        let words_n = self.new_tokens.get(n).map_or(0, Vec::len);
        if o_in_n >= n_in_o {
            (o_in_n, words_o)
        } else {
            (n_in_o, words_n)
        }
    }

    /// Dice coefficient of the word multisets of old `o` and new `n`: twice the shared words over
    /// the words of both.
    pub(crate) fn dice(&self, o: usize, n: usize) -> f64 {
        let (Some(a), Some(b)) = (self.old_sorted.get(o), self.new_sorted.get(n)) else {
            return 0.0;
        };
        let total = a.len() + b.len();
        if total == 0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (2 * shared) as f64 / total as f64
    }

    /// Cosine similarity of old paragraph `o` and new paragraph `n`.
    pub(crate) fn cosine(&self, o: usize, n: usize) -> f64 {
        match (self.old_vecs.get(o), self.new_vecs.get(n)) {
            (Some(a), Some(b)) => a.cosine(b),
            _ => 0.0,
        }
    }

    /// For every new paragraph, up to `k` old candidates with their cosine, best first, found
    /// through an inverted index over the old vectors. Features whose posting list is longer than
    /// `cap` (very common words) are skipped while collecting candidates; the returned cosine is
    /// nevertheless the exact one. Returns the candidates and whether any feature was skipped.
    pub(crate) fn candidates(&self, k: usize, cap: usize) -> Vec<Vec<(usize, f64)>> {
        // Postings in compressed rows: feature ids are dense (0..n_features), so count, offset,
        // fill — no allocation per feature.
        let n_features = self
            .old_vecs
            .iter()
            .chain(&self.new_vecs)
            .flat_map(|v| v.ids.last().copied())
            .max()
            .map_or(0, |m| m as usize + 1);
        let mut start = vec![0usize; n_features + 1];
        for v in &self.old_vecs {
            for &id in &v.ids {
                if let Some(c) = start.get_mut(id as usize + 1) {
                    *c += 1;
                }
            }
        }
        for i in 1..start.len() {
            let prev = start.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = start.get_mut(i) {
                *c += prev;
            }
        }
        let mut fill = start.clone();
        let mut entries: Vec<(u32, f32)> = vec![(0, 0.0); start.last().copied().unwrap_or(0)];
        for (o, v) in self.old_vecs.iter().enumerate() {
            let o = u32::try_from(o).unwrap_or(u32::MAX);
            for (id, w) in v.ids.iter().zip(&v.weights) {
                if let Some(f) = fill.get_mut(*id as usize) {
                    if let Some(e) = entries.get_mut(*f) {
                        *e = (o, *w);
                    }
                    *f += 1;
                }
            }
        }
        let postings = |id: u32| -> &[(u32, f32)] {
            let (a, b) = (
                start.get(id as usize).copied().unwrap_or(0),
                start.get(id as usize + 1).copied().unwrap_or(0),
            );
            entries.get(a..b).unwrap_or(&[])
        };
        let mut acc = vec![0f32; self.old_vecs.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Vec::with_capacity(self.new_vecs.len());
        for (n, v) in self.new_vecs.iter().enumerate() {
            for (id, w) in v.ids.iter().zip(&v.weights) {
                let list = postings(*id);
                if list.len() > cap {
                    continue;
                }
                for &(o, wo) in list {
                    if let Some(a) = acc.get_mut(o as usize) {
                        if *a == 0.0 {
                            touched.push(o);
                        }
                        *a += w * wo;
                    }
                }
            }
            let mut partial: Vec<(usize, f32)> = touched
                .iter()
                .map(|&o| (o as usize, acc.get(o as usize).copied().unwrap_or(0.0)))
                .collect();
            for &o in &touched {
                if let Some(a) = acc.get_mut(o as usize) {
                    *a = 0.0;
                }
            }
            touched.clear();
            // Keep the best k by the partial score, then rank them by the exact cosine.
            // The order is total (ties by index), so selecting the k best before sorting keeps
            // exactly the same k in the same order.
            let by_score =
                |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if k == 0 {
                partial.clear();
            } else if partial.len() > k {
                partial.select_nth_unstable_by(k - 1, by_score);
                partial.truncate(k);
            }
            partial.sort_unstable_by(by_score);
            let mut exact: Vec<(usize, f64)> = partial
                .into_iter()
                .map(|(o, _)| (o, self.cosine(o, n)))
                .collect();
            exact.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            exact.truncate(k);
            out.push(exact);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words_of` against the split it replaces.
    fn same_as_split(text: &str) {
        let split: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words_of(text).collect::<Vec<_>>(), split, "on {text:?}");
    }

    #[test]
    fn words_are_the_alphanumeric_runs() {
        for t in [
            "",
            " ",
            "a",
            "<res> of <date>, recalling",
            "naïve café Ünited 数据 ٢٠٢٣",
            "états—Σ. x\u{a0}y",
            "…«a»",
            "1,5 and 26%",
        ] {
            same_as_split(t);
        }
        let (texts, _) = crate::corpus::sample_and_corpus_texts("feature words", 5);
        for t in &texts {
            same_as_split(t);
        }
    }

    /// The term counts as first written: one map over unigram and bigram keys, ids handed out
    /// in ascending key order per paragraph. The oracle for [`term_counts`].
    fn term_counts_by_one_map(tokens: &[u32], intern: &mut FxMap<u64, u32>) -> Vec<(u32, u32)> {
        let mut keys: Vec<u64> = tokens.iter().map(|&t| u64::from(t)).collect();
        keys.extend(
            tokens
                .windows(2)
                .map(|w| ((u64::from(w[0]) + 1) << 32) | (u64::from(w[1]) + 1)),
        );
        keys.sort_unstable();
        let mut out = Vec::new();
        for run in keys.chunk_by(|a, b| a == b) {
            let next = intern.len() as u32;
            let id = *intern.entry(run[0]).or_insert(next);
            out.push((id, run.len() as u32));
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn feature_ids_and_counts_are_those_of_the_single_map() {
        let (texts, _) = crate::corpus::sample_and_corpus_texts("feature ids", 5);
        // Each text's lines as the paragraphs of one document pair (halves: old and new).
        for text in &texts {
            let mut vocab = Vocab::default();
            let tokens: Vec<Vec<u32>> = text.lines().map(|l| vocab.tokens(l)).collect();
            let bigrams = tokens.iter().map(|t| t.len().saturating_sub(1)).sum();
            let mut intern = Interner::new(vocab.ids.len(), bigrams);
            let mut oracle = FxMap::default();
            for t in &tokens {
                let mut sorted = t.clone();
                sorted.sort_unstable();
                assert_eq!(
                    term_counts(t, &sorted, &mut intern),
                    term_counts_by_one_map(t, &mut oracle)
                );
            }
            assert_eq!(intern.len as usize, oracle.len());
        }
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_split_on_any_text(t in "[a-c1 ,.<>éЖ٣—\u{a0}\t]{0,24}") {
            let split: Vec<&str> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(words_of(&t).collect::<Vec<_>>(), split);
        }
    }
}
