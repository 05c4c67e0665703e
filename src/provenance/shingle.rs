//! Normalised words and 8-word shingles.
//!
//! A word is a maximal run of letters and digits, lower-cased; everything else separates words:
//! punctuation, quotes, apostrophes, every hyphen and dash (`capacity-building`, `capacity‑building`
//! with U+2011 and `capacity building` read alike), and whitespace of any kind. Superscript digits
//! (footnote marks such as `¹`) are dropped; footnote reference digits glued to words
//! (`resolutions,1`) are already taken out of paragraph texts by the parser.

/// Words per shingle: wording is shared when at least this many consecutive words are.
pub const SHINGLE_WORDS: usize = 8;

/// One normalised word with where it stands in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Hash of the lower-cased word.
    pub hash: u64,
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

/// A footnote mark: superscript digits and signs.
fn is_footnote_mark(c: char) -> bool {
    matches!(
        c,
        '\u{00B2}' | '\u{00B3}' | '\u{00B9}' | '\u{2070}'..='\u{209F}'
    )
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The normalised words of `text`, with their hashes (FNV-1a of the lower-cased UTF-8, stable
/// across runs and machines, as the index on disk needs).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut hash = FNV_OFFSET;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() && !is_footnote_mark(c) {
            if start.is_none() {
                start = Some(i);
                hash = FNV_OFFSET;
            }
            for lc in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for b in lc.encode_utf8(&mut buf).bytes() {
                    hash ^= u64::from(b);
                    hash = hash.wrapping_mul(FNV_PRIME);
                }
            }
            last_end = i + c.len_utf8();
        } else if is_footnote_mark(c) {
            // A mark glued to a word ends it but is not part of it.
            if let Some(s) = start.take() {
                out.push(Word {
                    hash,
                    start: s,
                    end: last_end,
                });
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                hash,
                start: s,
                end: last_end,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            hash,
            start: s,
            end: last_end,
        });
    }
    out
}

/// The shingle hashes of `words`: entry `i` covers words `i .. i + SHINGLE_WORDS`. Empty when
/// there are fewer words than a shingle.
pub fn shingles(words: &[Word]) -> Vec<u64> {
    words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
            for word in w {
                h = (h.rotate_left(23) ^ word.hash).wrapping_mul(0x2545_f491_4f6c_dd1d);
            }
            h ^ (h >> 29)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(text: &str) -> Vec<u64> {
        shingles(&words(text))
    }

    #[test]
    fn case_punctuation_hyphens_marks_and_spaces_do_not_matter() {
        let a = "Encourages capacity-building, in particular for developing countries¹ and the Internet";
        let b = "encourages  capacity\u{2011}building in PARTICULAR for “developing countries” and\nthe internet.";
        assert_eq!(hashes(a), hashes(b));
        assert_eq!(hashes(a).len(), 4); // 11 words: `capacity-building` is two
        let c =
            "encourages capacity building in particular for developed countries and the internet";
        assert_ne!(hashes(a), hashes(c));
    }

    #[test]
    fn words_keep_their_offsets() {
        let text = "Recalling resolution 78/132¹, “the Pact”";
        let w = words(text);
        let got: Vec<&str> = w.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(got, ["Recalling", "resolution", "78", "132", "the", "Pact"]);
        assert!(hashes("seven words are not enough here ok").is_empty());
    }
}
