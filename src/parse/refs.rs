//! Finding footnote reference digits in paragraph text and removing them.
//!
//! A digit run (1–3 digits) is a reference when
//! - it is glued to a word (`Geneva1`, the word has at least two letters and a lower-case one, or
//!   the footnote is new) or to closing punctuation (`resolutions,1`, `Agenda”2`, `Summit.3`), or
//!   it stands alone after a word or punctuation (`Framework 2`, `2003, 4 and`) when it is exactly
//!   the next new footnote number, is not preceded by a word that takes numbers (`paragraph`,
//!   `resolution`, `Goal`, `from`, …) and not followed by one (`per cent`, a month);
//! - it is followed by whitespace, closing punctuation or the end (never by `/`, `-`, a digit or a
//!   letter);
//! - its number is a known footnote of the document (when the document has footnote texts), and
//!   references appear in order: a new number is the next one (or, without footnote texts, at most
//!   three above the highest seen — copies may have lost a paragraph); an already-seen number may
//!   recur only glued.

use std::collections::BTreeSet;

use crate::model::FootnoteRef;

/// State carried through the document in reading order.
#[derive(Debug, Default)]
pub struct RefScanner {
    known: BTreeSet<u32>,
    /// Highest footnote number referenced so far.
    pub max_seen: u32,
    seen: BTreeSet<u32>,
}

const BEFORE_STOP: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "article",
    "articles",
    "section",
    "sections",
    "chapter",
    "chap",
    "annex",
    "goal",
    "goals",
    "target",
    "targets",
    "no",
    "vol",
    "page",
    "pages",
    "rule",
    "rules",
    "principle",
    "principles",
    "item",
    "items",
    "from",
    "to",
    "and",
    "or",
    "of",
    "by",
    "the",
    "between",
    "than",
    "at",
    "in",
    "on",
    "over",
    "some",
    "all",
    "about",
    "with",
    "least",
    "nearly",
    "approximately",
    "only",
    "top",
    "under",
    "action",
    "actions",
    "recommendation",
    "recommendations",
    "phase",
    "session",
    "level",
    "part",
    "table",
    "figure",
    "box",
    "appendix",
    "sdg",
    "sdgs",
    "protocol",
    "amendment",
    "objective",
    "objectives",
    "commitment",
    "commitments",
    "step",
    "steps",
    "stage",
    "pillar",
    "round",
    "cycle",
    "week",
    "day",
    "days",
    "year",
    "years",
    "until",
    "for",
    "since",
    "per",
    "up",
    "around",
    "almost",
    "over",
    "below",
    "above",
    "just",
    "additional",
    "another",
    "first",
    "its",
    "their",
    "his",
    "her",
    "these",
    "those",
    "plus",
    "minus",
    "of",
    "are",
    "is",
    "were",
    "was",
    "be",
    "been",
    "every",
    "each",
    "within",
    "after",
    "before",
    "during",
    "into",
    "against",
    "among",
    "supplement",
    "corr",
    "add",
    "rev",
    "sect",
    "art",
    "arts",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "appendices",
    "paragraphs",
    "subparagraph",
    "subparagraphs",
    "cp",
    "cma",
    "cmp",
    "chapters",
    "volume",
    "series",
    "decade",
    "number",
    "numbers",
    "phase",
    "module",
    "option",
    "options",
    "track",
    "scenario",
];

const AFTER_STOP: &[&str] = &[
    "per",
    "percent",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "million",
    "millions",
    "billion",
    "trillion",
    "years",
    "year",
    "days",
    "day",
    "months",
    "month",
    "weeks",
    "hours",
    "and",
    "or",
    "to",
    "of",
    "members",
    "member",
    "states",
    "countries",
    "times",
    "people",
    "persons",
    "women",
    "per-cent",
];

const ABBREV: &[&str] = &[
    "no", "para", "paras", "vol", "chap", "add", "rev", "corr", "art", "arts", "sect", "p", "pp",
    "annex", "sales", "suppl", "op", "cit", "e", "i", "ii", "iii", "iv", "v", "vi",
];

impl RefScanner {
    /// A scanner for a document whose footnote texts carry these numbers (may be empty).
    pub fn new(known: impl IntoIterator<Item = u32>) -> Self {
        Self {
            known: known.into_iter().collect(),
            max_seen: 0,
            seen: BTreeSet::new(),
        }
    }

    fn accept(&self, n: u32, glued: bool, strong: bool) -> bool {
        if n == 0 {
            return false;
        }
        if self.known.is_empty() {
            if !glued {
                return false;
            }
            return n <= self.max_seen + 3;
        }
        if !self.known.contains(&n) {
            return false;
        }
        if glued || (strong && self.lowest_unseen().is_some_and(|l| n >= l)) {
            return true;
        }
        // A separated number must be the lowest footnote not referenced yet (or follow the
        // highest one).
        self.lowest_unseen() == Some(n) || n == self.max_seen + 1
    }

    fn lowest_unseen(&self) -> Option<u32> {
        self.known.iter().find(|k| !self.seen.contains(k)).copied()
    }

    /// Remove reference digits from `text` (already whitespace-collapsed); returns the cleaned text
    /// and the references with offsets into it.
    pub fn scan(&mut self, text: &str) -> (String, Vec<FootnoteRef>) {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut refs = Vec::new();
        let mut last = 0usize;
        let mut i = 0usize;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let end = i;
            // A reference glued to a year (`2024–203411`): split when the tail is exactly the
            // lowest footnote not yet referenced.
            if (5..=7).contains(&(end - start))
                && let Some(low) = self.lowest_unseen()
                && let Ok(year) = text[start..start + 4].parse::<u32>()
                && (1900..2100).contains(&year)
                && text[start + 4..end].parse::<u32>().ok() == Some(low)
                && !text[start + 4..end].starts_with('0')
            {
                let after = text[end..].chars().next();
                if after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':')) {
                    out.push_str(&text[last..start + 4]);
                    refs.push(FootnoteRef {
                        number: low,
                        offset: out.len(),
                    });
                    self.max_seen = self.max_seen.max(low);
                    self.seen.insert(low);
                    last = end;
                    continue;
                }
            }
            if end - start > 3 {
                continue;
            }
            if let Some((n, glued, strong)) = self.candidate(text, start, end)
                && self.accept(n, glued, strong)
            {
                {
                    out.push_str(&text[last..start]);
                    if !glued {
                        while out.ends_with(' ') {
                            out.pop();
                        }
                    }
                    refs.push(FootnoteRef {
                        number: n,
                        offset: out.len(),
                    });
                    if n > self.max_seen {
                        self.max_seen = n;
                    }
                    self.seen.insert(n);
                    last = end;
                    // Avoid a double space / space before punctuation left by the removal.
                    let rest = &text[end..];
                    if glued && out.ends_with(' ') && rest.starts_with(' ') {
                        last += 1;
                    }
                }
            }
        }
        out.push_str(&text[last..]);
        (out, refs)
    }

    /// The number and whether it is glued, if the digit run at `start..end` has the shape of a
    /// reference.
    fn candidate(&self, text: &str, start: usize, end: usize) -> Option<(u32, bool, bool)> {
        if end - start > 3 {
            return None;
        }
        let n: u32 = text.get(start..end)?.parse().ok()?;
        let after = text[end..].chars().next();
        let after_ok = match after {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some(',' | ';' | ':' | ')' | '”' | '’' | '"' | ']') => true,
            Some('.') => !text[end + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric()),
            _ => false,
        };
        if !after_ok {
            return None;
        }
        let before = &text[..start];
        let prev = before.chars().next_back()?;
        if prev.is_alphabetic() {
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let has_lower = word.chars().any(char::is_lowercase);
            let new = n > self.max_seen;
            let ok = word.chars().count() >= 2 && (has_lower || (new && !self.known.is_empty()));
            // Letters glued to a previous hyphen/digit word (`COVID-19`, `G20`) are not refs.
            let pre = before[..before.len() - word.len()].chars().next_back();
            let pre_ok = !matches!(pre, Some(c) if c.is_ascii_digit() || c == '/' || c == '.');
            return (ok && pre_ok).then_some((n, true, false));
        }
        if matches!(prev, ',' | ';' | ':' | ')' | '”' | '’' | '"') {
            return Some((n, true, false));
        }
        if prev == '.' {
            let w = prev_word(&before[..before.len() - 1]);
            let wl = w.to_lowercase();
            let year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y));
            if !year
                && (w.chars().count() < 3
                    || ABBREV.contains(&wl.as_str())
                    || !w.chars().last().is_some_and(|c| c.is_lowercase()))
            {
                return None;
            }
            return Some((n, true, false));
        }
        if prev == ' ' {
            let b = before.trim_end();
            let p = b.chars().next_back()?;
            let w = prev_word(b.trim_end_matches([',', ';', ':', ')', '”', '’', '"', '.']));
            // `September 2016 7`: a separated reference after a year.
            let after_year = p.is_ascii_digit()
                && w.len() == 4
                && w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
                && self.lowest_unseen() == Some(n);
            if !(after_year
                || p.is_alphabetic()
                || matches!(p, ',' | ';' | ':' | ')' | '”' | '’' | '"' | '.'))
            {
                return None;
            }
            let wl = w.to_lowercase();
            if self.known.is_empty() {
                return None;
            }
            // PDF text: a reference number is set off by two spaces (`Justice 9  and`).
            let rest = &text[end..];
            if rest.starts_with("  ") && !rest.trim_start().is_empty() {
                return Some((n, false, true));
            }
            // At the very end of a paragraph after its closing punctuation (`Wrecks, 2007; 86`).
            if rest.trim().is_empty()
                && matches!(p, ',' | ';' | ':' | '.')
                && self.lowest_unseen().is_some_and(|l| n >= l)
            {
                return Some((n, false, true));
            }
            // Number-taking words matter only when the number follows them directly.
            let direct = prev_word(b).to_lowercase();
            if BEFORE_STOP.contains(&direct.as_str()) {
                return None;
            }
            if p == '.' && (w.chars().count() < 3 || ABBREV.contains(&wl.as_str())) {
                return None;
            }
            let next: String = text[end..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            let nl = next.to_lowercase();
            if AFTER_STOP.contains(&nl.as_str()) && nl != "and" && nl != "to" && nl != "of" {
                return None;
            }
            // "2003, 4 and" is fine; "4 and 5" (a list of numbers) is not.
            let rest = text[end..].trim_start();
            let after_word = rest.get(next.len()..).unwrap_or("").trim_start();
            if (nl == "and" || nl == "to" || nl == "or")
                && after_word.starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            if self.known.is_empty() {
                return None;
            }
            return Some((n, false, false));
        }
        None
    }
}

/// The last word (letters only) of `s`.
fn prev_word(s: &str) -> &str {
    let t = s.trim_end();
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '/')
        .last()
        .map_or(t.len(), |(i, _)| i);
    &t[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_and_separated() {
        let mut s = RefScanner::new(1..=8);
        let (t, r) = s.scan("as well as previous resolutions on the issue,1");
        assert_eq!(t, "as well as previous resolutions on the issue,");
        assert_eq!(
            r,
            vec![FootnoteRef {
                number: 1,
                offset: t.len()
            }]
        );
        let (t, r) = s.scan("held in Geneva from 10 to 12 December 2003, 2 and endorsed by the Assembly,3 its resolution 70/1 and paragraph 4 of 2030");
        assert_eq!(
            t,
            "held in Geneva from 10 to 12 December 2003, and endorsed by the Assembly, its resolution 70/1 and paragraph 4 of 2030"
        );
        assert_eq!(r.len(), 2);
        let (t, r) = s.scan("the Framework 4 and the 70 per cent of G20 and COVID-19");
        assert_eq!(t, "the Framework and the 70 per cent of G20 and COVID-19");
        assert_eq!(r[0].offset, "the Framework".len());
    }

    #[test]
    fn unknown_footnotes() {
        let mut s = RefScanner::new([]);
        let (t, r) = s.scan("outcomes of the Geneva2 and Tunis4 phases, in 2005 and para 3");
        assert_eq!(
            t,
            "outcomes of the Geneva and Tunis phases, in 2005 and para 3"
        );
        assert_eq!(r.len(), 2);
    }
}
