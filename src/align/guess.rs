//! Guessing, before the matching, which paragraphs will be linked, so that a helper thread can
//! start their word diffs at once (see `match_groups` and `par::Board`). A guess only decides
//! which diffs run early; the links come from the matching, and a diff is the same whoever runs
//! it and whenever, so a wrong guess costs time, never a different result.
//!
//! The guess: every pair of paragraphs with two different texts that share enough distinct
//! words (Dice), taken one to one, the closest first, as the matching's greedy pass does. On the
//! sample pair it guesses 38 pairs, among them 31 of the 32 links whose diffs the comparison
//! needs (a test checks that at most one is missed).

use crate::fxhash::FxSet;
use crate::model::Paragraph;

/// Below this word overlap (Dice over distinct words) a pair is not guessed.
const MIN_DICE: f64 = 0.3;

/// From this overlap on, a guess is nearly always a link and its diff runs before the others.
const CONFIDENT_DICE: f64 = 0.5;

/// The multiplier of the word hash (as in `fxhash`).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Distinct word hashes of a text, ASCII lower-cased; words with a digit are left out (a
/// changed year or symbol says nothing about which paragraph is which). Any byte outside ASCII
/// counts as part of a word: this is a guess, not the matching.
fn word_set(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let words = text
        .as_bytes()
        .split(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.iter().any(u8::is_ascii_digit));
    for w in words {
        let mut h = 0u64;
        for chunk in w.chunks(8) {
            let mut b = [0u8; 8];
            for (d, s) in b.iter_mut().zip(chunk) {
                // ASCII letters lower-cased; other bytes of a word only need to stay distinct.
                *d = s | 0x20;
            }
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(SEED);
        }
        out.push(h);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Likely 1–1 links between paragraphs with different texts (a text found on both sides needs
/// no diff), as (old, new) indices: one to one, the closest pairs first. Ordered for running
/// their diffs: the confident guesses first, then the others, each the most expensive first
/// (longer and less similar texts take longer).
pub(crate) fn likely_links(old: &[Paragraph], new: &[Paragraph]) -> Vec<(usize, usize)> {
    let old_texts: FxSet<&str> = old.iter().map(|p| p.text.as_str()).collect();
    let new_texts: FxSet<&str> = new.iter().map(|p| p.text.as_str()).collect();
    let old_sets: Vec<Option<Vec<u64>>> = old
        .iter()
        .map(|p| (!new_texts.contains(p.text.as_str())).then(|| word_set(&p.text)))
        .collect();
    // (word, old paragraph), sorted by word: the paragraphs of a word are one run.
    let mut index: Vec<(u64, u32)> = old_sets
        .iter()
        .enumerate()
        .flat_map(|(o, set)| {
            set.iter()
                .flatten()
                .map(move |&w| (w, u32::try_from(o).unwrap_or(u32::MAX)))
        })
        .collect();
    index.sort_unstable();
    // Every pair that shares enough words.
    let mut shared = vec![0u32; old.len()];
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for (n, p) in new.iter().enumerate() {
        if old_texts.contains(p.text.as_str()) {
            continue;
        }
        let set = word_set(&p.text);
        shared.iter_mut().for_each(|s| *s = 0);
        for w in &set {
            let from = index.partition_point(|e| e.0 < *w);
            let run = index.get(from..).unwrap_or_default();
            for &(_, o) in run.iter().take_while(|e| e.0 == *w) {
                if let Some(s) = shared.get_mut(o as usize) {
                    *s += 1;
                }
            }
        }
        for (o, &s) in shared.iter().enumerate() {
            let Some(Some(old_set)) = old_sets.get(o) else {
                continue;
            };
            let size = old_set.len() + set.len();
            if size == 0 {
                continue;
            }
            let dice = 2.0 * f64::from(s) / size as f64;
            if dice >= MIN_DICE {
                pairs.push((o, n, dice));
            }
        }
    }
    // One to one, the closest first.
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let (mut old_taken, mut new_taken) = (vec![false; old.len()], vec![false; new.len()]);
    let mut out: Vec<(bool, usize, usize, usize)> = Vec::new();
    for (o, n, dice) in pairs {
        let (Some(ot), Some(nt), Some(a), Some(b)) = (
            old_taken.get_mut(o),
            new_taken.get_mut(n),
            old.get(o),
            new.get(n),
        ) else {
            continue;
        };
        if *ot || *nt {
            continue;
        }
        (*ot, *nt) = (true, true);
        let cost = ((a.text.len() + b.text.len()) as f64 * (1.0 - dice).max(0.01)) as usize;
        out.push((dice >= CONFIDENT_DICE, cost, o, n));
    }
    out.sort_by_key(|g| std::cmp::Reverse((g.0, g.1)));
    out.into_iter().map(|g| (g.2, g.3)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            id: "OP1".to_string(),
            kind: crate::model::ParagraphKind::Operative,
            number: None,
            lead: None,
            text: text.to_string(),
            parent: None,
            part: crate::model::Part::Body,
            section: None,
            footnote_refs: Vec::new(),
            printed_number: None,
        }
    }

    #[test]
    fn words_are_compared_without_case_and_numbers() {
        assert_eq!(
            word_set("Recalling its resolution 65/141, RECALLING"),
            word_set("recalling Its resolution 66/184")
        );
        assert_ne!(word_set("États"), word_set("Etats"));
        assert!(word_set("2010 65/141 ...").is_empty());
    }

    #[test]
    fn guesses_are_one_to_one_between_different_texts_closest_first() {
        let old = [
            para("Welcomes the report of the Secretary-General on the question"),
            para("Decides to include in the provisional agenda of its next session the item"),
            para("Requests the Secretary-General to report on the implementation"),
        ];
        let new = [
            para("Welcomes the report of the Secretary-General on the question"),
            para("Decides to include in the provisional agenda of its eightieth session the item"),
            // Shares words with old 2 and, less, with old 1 (taken by new 1, which is closer).
            para("Requests the Secretary-General to submit a report on the implementation"),
            para("Stresses the importance of cooperation among States"),
        ];
        let guesses = likely_links(&old, &new);
        // old 0 = new 0 needs no diff; new 3 shares too little with anything.
        assert_eq!(guesses.len(), 2, "{guesses:?}");
        assert!(guesses.contains(&(1, 1)) && guesses.contains(&(2, 2)));
        // Both are confident; the more expensive diff (longer, less similar) first.
        assert_eq!(guesses.first(), Some(&(2, 2)));
    }

    #[test]
    fn the_sample_pair_guesses_its_heaviest_link() {
        // A/RES/65/141 → A/RES/66/184: OP (old 45, new 48) is the longest rewritten paragraph
        // (the pair with the slowest word diff, 1.2 kB each side); it is guessed, and among the
        // confident guesses, so its diff starts first.
        let read = |f: &str| {
            std::fs::read_to_string(format!("{}/sample_data/{f}", env!("CARGO_MANIFEST_DIR")))
                .map(|t| crate::parse::parse(&t))
        };
        let (Ok(old), Ok(new)) = (read("A_RES_65_141.txt"), read("A_RES_66_184.txt")) else {
            panic!("the sample files are part of the repository");
        };
        let guesses = likely_links(&old.paragraphs, &new.paragraphs);
        assert_eq!(guesses.first(), Some(&(45, 48)), "{guesses:?}");
        // And most of the diffs the comparison needs are guessed: all 1–1 links with two
        // different texts but one.
        let needed: Vec<(usize, usize)> = crate::align::align(&old, &new)
            .links
            .iter()
            .filter_map(|l| match (l.old.as_slice(), l.new.as_slice()) {
                ([o], [n]) if old.paragraphs[*o].text != new.paragraphs[*n].text => Some((*o, *n)),
                _ => None,
            })
            .collect();
        let missed: Vec<_> = needed.iter().filter(|k| !guesses.contains(k)).collect();
        assert!(missed.len() <= 1, "{missed:?}");
    }
}
