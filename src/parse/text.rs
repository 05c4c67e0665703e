//! Small text helpers shared by the parser stages: line joining with the hyphen rule, whitespace
//! collapsing, and a vocabulary of the words a document attests.

use std::collections::HashSet;

/// Prefixes after which a hyphen at a line end is a real hyphen (`multi-` + `stakeholder`).
const HYPHEN_PREFIXES: &[&str] = &[
    "multi", "non", "co", "self", "cross", "well", "inter", "intra", "anti", "pre", "post", "sub",
    "socio", "macro", "micro", "semi", "long", "short", "medium", "high", "low", "middle", "low",
    "small", "large", "full", "part", "people", "gender", "age", "evidence", "science", "data",
    "human", "rights", "risk", "results", "country", "State", "region", "ex", "quasi", "mid",
    "follow", "capacity", "decision", "policy", "climate", "nature", "market", "child", "youth",
    "peace", "e", "m", "day", "year", "two", "three", "four", "five", "ten", "one", "first",
    "second", "third", "fourth", "fifth", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "open", "time", "cost", "trust", "user", "needs", "land", "sea", "end",
    "top", "off", "on", "in", "out", "back", "up", "down", "over", "under", "all", "wide", "world",
    "life", "tax", "debt", "South", "North", "East", "West", "cyber", "bio", "geo", "extra",
    "ultra",
];

/// The words (lower-cased, split on whitespace and punctuation other than `-`) a document attests
/// on single lines; used to decide whether a line-end hyphen is a real one.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    /// Collect the vocabulary of `text`, ignoring the last word of each line when it ends in `-`.
    pub fn from_text(text: &str) -> Self {
        let mut words = HashSet::new();
        for line in text.lines() {
            let line = line.trim_end();
            let mut toks: Vec<&str> = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|t| !t.is_empty())
                .collect();
            if line.ends_with('-') {
                toks.pop();
            }
            for t in toks {
                let t = t.trim_matches('-');
                if t.len() > 1 {
                    words.insert(t.to_lowercase());
                }
            }
        }
        Self { words }
    }

    fn has(&self, w: &str) -> bool {
        self.words.contains(&w.to_lowercase())
    }
}

/// Decide whether a hyphen ending a line between `first` and `second` (the word fragments around
/// it) is kept.
///
/// Rule, in order: the hyphenated form attested elsewhere in the document → keep; the closed form
/// attested and the hyphenated one not → drop; the second part starts with a capital or a digit →
/// keep (`South-South`, `COVID-19`); the first part is a known prefix (`multi`, `non`, `co`,
/// `self`, `cross`, `well`, …) → keep; otherwise the hyphen is a line-break artefact → drop.
pub fn keep_hyphen(first: &str, second: &str, vocab: &Vocabulary) -> bool {
    if first.is_empty() || second.is_empty() {
        return true;
    }
    let hyph = format!("{first}-{second}");
    if vocab.has(&hyph) {
        return true;
    }
    let closed = format!("{first}{second}");
    if vocab.has(&closed) {
        return false;
    }
    if second
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return true;
    }
    // The last hyphen-free piece of the first part (`people-` in `well-people-`).
    let last = first.rsplit('-').next().unwrap_or(first);
    HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(last))
}

/// Join wrapped lines into one paragraph text: single spaces between lines, line-end hyphens
/// resolved with [`keep_hyphen`], runs of whitespace collapsed.
pub fn join_lines<S: AsRef<str>>(lines: &[S], vocab: &Vocabulary) -> String {
    collapse_ws(&join_lines_raw(lines, vocab))
}

/// Like [`join_lines`] but keeps runs of spaces inside lines (a double space after a number is
/// a footnote-reference signal in PDF text).
pub fn join_lines_raw<S: AsRef<str>>(lines: &[S], vocab: &Vocabulary) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        if out.ends_with('-') && !out.ends_with(" -") && !out.ends_with("--") {
            let before = &out[..out.len() - 1];
            let first: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let second: String = line
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            let first_is_word = first.chars().last().is_some_and(char::is_alphabetic);
            if first_is_word && second.chars().next().is_some_and(char::is_alphanumeric) {
                if !keep_hyphen(&first, &second, vocab) {
                    out.pop();
                }
                out.push_str(line);
                continue;
            }
        }
        out.push(' ');
        out.push_str(line);
    }
    out
}

/// Collapse whitespace runs like [`collapse_ws`] and move byte offsets (sorted or not) into the
/// collapsed text.
pub fn collapse_with_offsets(s: &str, offsets: &mut [usize]) -> String {
    let lead = s.len() - s.trim_start().len();
    let mut out = String::with_capacity(s.len());
    // map[i] = output length when input byte i is reached.
    let mut map = vec![0usize; s.len() + 1];
    let mut space = false;
    for (i, c) in s.char_indices() {
        for m in map.iter_mut().take(i + c.len_utf8()).skip(i) {
            *m = out.len() + usize::from(space && !out.is_empty() && !c.is_whitespace());
        }
        if i < lead {
            continue;
        }
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if let Some(last) = map.last_mut() {
        *last = out.len();
    }
    for o in offsets.iter_mut() {
        *o = map.get(*o).copied().unwrap_or(out.len()).min(out.len());
    }
    out
}

/// Collapse every run of whitespace into one space and trim the ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_moves_offsets() {
        let mut offs = [5, 8, 14];
        let s = collapse_with_offsets("  ab,  cd  and  x", &mut offs);
        assert_eq!(s, "ab, cd and x");
        assert_eq!(offs[0], 3);
        assert_eq!(&s[..offs[1]], "ab, c");
        assert_eq!(offs[2], "ab, cd and".len());
        let mut offs = [3];
        assert_eq!(collapse_with_offsets("ab,", &mut offs), "ab,");
        assert_eq!(offs[0], 3);
    }

    #[test]
    fn hyphen_rule() {
        let v = Vocabulary::from_text("people-centred approach\nGovernments act\n");
        assert!(keep_hyphen("people", "centred", &v));
        assert!(!keep_hyphen("Gov", "ernments", &v));
        assert!(keep_hyphen("South", "South", &v));
        assert!(keep_hyphen("multi", "stakeholder", &v));
        assert!(!keep_hyphen("imple", "mentation", &v));
        assert_eq!(
            join_lines(&["a multi-", "stakeholder and imple-", "mentation  x"], &v),
            "a multi-stakeholder and implementation x"
        );
    }
}
