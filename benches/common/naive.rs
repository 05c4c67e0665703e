//! The naive aligner of a typical web comparison tool, the baseline both `compare` and `process`
//! benchmarks report against.

use resdiff::model::Resolution;

/// Character-Levenshtein similarity, 1 − distance / longer length.
fn lev_similarity(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / longer as f64
}

/// The naive aligner of a typical web tool: for each new paragraph, the first old paragraph after
/// the previous match with Levenshtein similarity > 0.8, else the best old paragraph anywhere.
pub fn naive_align(old: &Resolution, new: &Resolution) -> Vec<Option<usize>> {
    let old_chars: Vec<Vec<char>> = old
        .paragraphs
        .iter()
        .map(|p| p.text.chars().collect())
        .collect();
    let mut last = 0usize;
    new.paragraphs
        .iter()
        .map(|p| {
            let n: Vec<char> = p.text.chars().collect();
            if let Some(o) =
                (last..old_chars.len()).find(|&o| lev_similarity(&old_chars[o], &n) > 0.8)
            {
                last = o + 1;
                return Some(o);
            }
            let best = (0..old_chars.len())
                .map(|o| (o, lev_similarity(&old_chars[o], &n)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            best.filter(|b| b.1 > 0.0).map(|b| b.0)
        })
        .collect()
}
