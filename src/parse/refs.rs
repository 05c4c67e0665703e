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
    "actions",
    "recommendation",
    "recommendations",
    "phase",
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

/// Words after which a number is not a footnote reference (month names are added from
/// [`crate::vocab::MONTHS`]).
const AFTER_STOP: &[&str] = &[
    "per",
    "percent",
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
    "annex", "sales", "suppl", "res", "op", "cit", "e", "i", "ii", "iii", "iv", "v", "vi",
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
            // A reference glued to a number: a year (`2024–203411`), a resolution number
            // (`59/3009` = 59/300 + 9) or Agenda 21 (`Agenda 216`). Split when the tail is
            // exactly the lowest footnote not yet referenced.
            if let Some(split) = self.glued_to_number(text, start, end) {
                let low = self.lowest_unseen().unwrap_or(0);
                out.push_str(&text[last..split]);
                refs.push(FootnoteRef {
                    number: low,
                    offset: out.len(),
                });
                self.max_seen = self.max_seen.max(low);
                self.seen.insert(low);
                last = end;
                continue;
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

    /// Where to split a digit run whose tail is a reference glued to a number.
    fn glued_to_number(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let low = self.lowest_unseen()?;
        let after = text[end..].chars().next();
        if !after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':' | ')')) {
            return None;
        }
        let run = &text[start..end];
        let tail_is_low = |head_len: usize| {
            head_len < run.len()
                && !run[head_len..].starts_with('0')
                && run[head_len..].parse::<u32>().ok() == Some(low)
        };
        let before = &text[..start];
        // Year + reference.
        if (5..=7).contains(&run.len())
            && run[..4]
                .parse::<u32>()
                .is_ok_and(|y| (1900..2100).contains(&y))
            && tail_is_low(4)
        {
            return Some(start + 4);
        }
        // Resolution number (at most three digits after the slash) + reference.
        if before.ends_with('/')
            && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
            && (4..=5).contains(&run.len())
        {
            return tail_is_low(3).then_some(start + 3);
        }
        // Agenda 21 + reference.
        if before.ends_with("Agenda ") && run.starts_with("21") && tail_is_low(2) {
            return Some(start + 2);
        }
        None
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
            let pre_ok = match pre {
                Some(c) if c.is_ascii_digit() || c == '.' => false,
                Some('/') => word.chars().count() >= 3,
                _ => true,
            };
            return (ok && pre_ok).then_some((n, true, false));
        }
        if matches!(prev, ',' | ';' | ':' | ')' | '”' | '’' | '"') {
            // `CM/Rec(2022)16`: digits after a parenthesis glued to a symbol.
            if prev == ')'
                && let Some(open) = before.rfind('(')
                && before[..open].ends_with(|c: char| c.is_alphanumeric())
            {
                return None;
            }
            // `1,088 students`: a thousands separator, not a reference.
            let before_punct = before[..before.len() - prev.len_utf8()].chars().next_back();
            if prev == ',' && end - start == 3 && before_punct.is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            return Some((n, true, false));
        }
        if prev == '.' {
            let stem = &before[..before.len() - 1];
            let w_start = stem
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(stem.len(), |(i, _)| i);
            let w = &stem[w_start..];
            // `GC.18/Res.9`, `A/CONF.157`: part of a symbol.
            if stem[..w_start].ends_with(['/', '.', '-']) {
                return None;
            }
            let wl = w.to_lowercase();
            let digits_at = stem
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit())
                .last()
                .map_or(stem.len(), |(i, _)| i);
            let digits = &stem[digits_at..];
            let year = digits.len() == 4
                && digits
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..2100).contains(&y))
                && !stem[..digits_at].ends_with(['/', '.', '-']);
            if !year
                && (w.chars().count() < 3
                    || ABBREV.contains(&wl.as_str())
                    || (w.chars().count() < 4 && w.starts_with(char::is_uppercase))
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
            if (AFTER_STOP.contains(&nl.as_str()) || crate::vocab::MONTHS.contains(&nl.as_str()))
                && nl != "and"
                && nl != "to"
                && nl != "of"
            {
                return None;
            }
            // "2003, 4 and" is fine; "4 and 5" (a list of numbers) is not.
            let rest = text[end..].trim_start();
            let after_word = rest.get(next.len()..).unwrap_or("").trim_start();
            let next_number: String = after_word
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '/')
                .collect();
            if (nl == "and" || nl == "to" || nl == "or")
                && !next_number.is_empty()
                && !next_number.contains('/')
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
