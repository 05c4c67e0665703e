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
    /// The page each numbered footnote is printed on (PDF text), empty when unknown.
    note_pages: std::collections::BTreeMap<u32, u32>,
    /// First and last page of the paragraph being scanned, when known.
    page_range: Option<(u32, u32)>,
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
            note_pages: std::collections::BTreeMap::new(),
            page_range: None,
        }
    }

    /// Tell the scanner on which page each footnote is printed: a reference then stands only in
    /// a paragraph on that page (see [`RefScanner::set_pages`]).
    pub fn with_note_pages(mut self, note_pages: std::collections::BTreeMap<u32, u32>) -> Self {
        self.note_pages = note_pages;
        self
    }

    /// The first and last page of the next paragraph to scan (`None` when unknown).
    pub fn set_pages(&mut self, pages: Option<(u32, u32)>) {
        self.page_range = pages;
    }

    /// False when footnote `n` is printed on a page the current paragraph does not reach.
    fn on_page(&self, n: u32) -> bool {
        match (self.page_range, self.note_pages.get(&n)) {
            (Some((a, b)), Some(&page)) => a <= page && page <= b,
            _ => true,
        }
    }

    fn accept(&self, n: u32, glued: bool, strong: bool) -> bool {
        if n == 0 || !self.on_page(n) {
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
                && (glued || strong || !glued_later(&text[end..], &text[start..end]))
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
        let low = self.lowest_unseen().filter(|&l| self.on_page(l))?;
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
        if !after_ok || continues_number(&text[end..]) {
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
            // `1,088 students`, `18,318,600`: a thousands separator, not a reference. The group
            // before the comma has one to three digits and stands alone or after another group;
            // `1990,126` (a year) and `5/14,118` (a symbol) are not numbers with separators.
            if prev == ',' && end - start == 3 && is_thousands_group(&before[..before.len() - 1]) {
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
            // `resolutions 71/205 13  and`: after a number, only the two-space signal of PDF
            // text marks the next reference.
            let after_number_set_off = p.is_ascii_digit()
                && text[end..].starts_with("  ")
                && !text[end..].trim_start().is_empty()
                && self.lowest_unseen() == Some(n);
            if !(after_year
                || after_number_set_off
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
            // `programmes 2, 10, 17`: an item of a list of numbers.
            let after_comma_number = text[end..]
                .strip_prefix(", ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            if p == ',' && w.chars().all(|c| c.is_ascii_digit()) && after_comma_number {
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

/// How a reference found by [`repair`] was attached to its text, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Attach {
    /// Glued to a word or to closing punctuation (`Agreement4and`, `2024,113`, `Protocol I6`).
    Glued,
    /// Glued to a year or to the number of a symbol (`202321`, `76/17918`, `VII/1113`).
    Number,
    /// Set off by a space (`recommendations 57 emanating`).
    Separated,
    /// Set off by a space where a number is expected (`of 13 September`, `paragraph 6 of`).
    NumberLike,
    /// The last digits of a short symbol number (`77/229`, `6/929`), which may be real.
    ShortSymbol,
}

/// A possible reference site for footnote `n`: the digits `start..end` of a text.
#[derive(Debug, Clone, Copy)]
struct Site {
    para: usize,
    start: usize,
    end: usize,
    attach: Attach,
}

/// The digit run `s..e` of `text` read as a reference to the footnote with digits `digits`, if
/// its shape allows: the run ends with those digits, the reference is followed by a space,
/// closing punctuation, a letter or the end, and what it is glued to is a word, punctuation, a
/// year or the number of a symbol.
fn site_shape(text: &str, s: usize, e: usize, digits: &str) -> Option<(usize, Attach)> {
    let run = &text[s..e];
    if !run.ends_with(digits) {
        return None;
    }
    let tail = e - digits.len();
    let after_ok = match text[e..].chars().next() {
        None => true,
        Some(c) if c.is_whitespace() || c.is_alphabetic() => true,
        Some(',' | ';' | ':' | ')' | '”' | '’' | '"' | ']') => true,
        Some('.') => !text[e + 1..].starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    };
    if !after_ok || continues_number(&text[e..]) {
        return None;
    }
    let before = &text[..s];
    if tail > s {
        // Glued to a number: a year (`2015–20306`) or the number of a symbol (`76/17918`,
        // `1/CP.2731`, `COVID-1915`), never a number starting the reference with 0.
        if digits.starts_with('0') {
            return None;
        }
        let head = &text[s..tail];
        let year = head.len() == 4 && head.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y));
        if year {
            return Some((tail, Attach::Number));
        }
        if head.len() <= 3 && before.ends_with(['/', '.', '-']) {
            // `76/17918`, `VII/1113`, `CP.2731`: no symbol number has four digits or more.
            let attach = if run.len() >= 4 {
                Attach::Number
            } else {
                Attach::ShortSymbol
            };
            return Some((tail, attach));
        }
        return None;
    }
    let prev = before.chars().next_back()?;
    if prev.is_alphabetic() {
        return Some((tail, Attach::Glued));
    }
    // A number glued to the word after it (`basis 1no later`) is not a number of the text;
    // ordinals (`1st`, `22nd`) are.
    let next_word: String = text[e..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if !next_word.is_empty() && !matches!(next_word.as_str(), "st" | "nd" | "rd" | "th") {
        return Some((tail, Attach::Glued));
    }
    if matches!(prev, ',' | ';' | ':' | ')' | '”' | '’' | '"') {
        let stem = &before[..before.len() - prev.len_utf8()];
        if prev == ',' && is_thousands_group(stem) {
            return None;
        }
        return Some((tail, Attach::Glued));
    }
    if prev == '.' {
        // Not a decimal or a symbol (`5.2`, `A/78/5.1`).
        let stem = &before[..before.len() - 1];
        return (!stem.ends_with(|c: char| c.is_ascii_digit())).then_some((tail, Attach::Glued));
    }
    if prev != ' ' {
        return None;
    }
    // Context where the text itself puts a number: after a number-taking word or before a
    // unit or a month (`paragraph 6 of`, `of 13 September`, `5 per cent`).
    let word_before = prev_word(before).to_lowercase();
    let word_after: String = text[e..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let number_like = BEFORE_STOP.contains(&word_before.as_str())
        || (AFTER_STOP.contains(&word_after.as_str())
            && !matches!(word_after.as_str(), "and" | "to" | "of" | "or"))
        || crate::vocab::MONTHS.contains(&word_after.as_str());
    Some((
        tail,
        if number_like {
            Attach::NumberLike
        } else {
            Attach::Separated
        },
    ))
}

/// Find the reference sites the reading-order scan missed.
///
/// For every footnote of `known` that no paragraph references yet, in number order, the window
/// between the reference of the nearest lower note and that of the nearest higher note (the
/// start or end of the document when there is none; without pages at most [`OPEN_WINDOW`]
/// paragraphs away) is searched, on the page the note is printed on when the text has pages, for digit runs of the right shape ending in the note's number (see `site_shape`).
/// The site is taken only when it is the single one of the strongest attachment found there
/// (glued, then glued to a number, then separated); the digits are removed and the reference
/// recorded. Returns the notes still unreferenced.
pub fn repair(
    texts: &mut [String],
    refs: &mut [Vec<FootnoteRef>],
    known: &BTreeSet<u32>,
    pages: Option<Pages>,
) -> Vec<u32> {
    let mut missing = Vec::new();
    for &n in known.iter().filter(|n| **n > 0) {
        let mut lo: Option<(usize, usize)> = None;
        let mut hi: Option<(usize, usize)> = None;
        let mut found = false;
        for (i, rs) in refs.iter().enumerate() {
            for r in rs {
                let pos = (i, r.offset);
                if r.number == n {
                    found = true;
                } else if r.number < n {
                    lo = lo.max(Some(pos));
                } else if hi.is_none_or(|h| pos < h) {
                    hi = Some(pos);
                }
            }
        }
        if found {
            continue;
        }
        if let (Some(l), Some(h)) = (lo, hi)
            && l >= h
        {
            missing.push(n);
            continue;
        }
        let last = texts.len().saturating_sub(1);
        // The page the note is printed on: its reference stands on that page.
        let on_page = pages.and_then(|pg| pg.notes.get(&n).map(|&page| (pg.paragraphs, page)));
        let open = if on_page.is_some() { last } else { OPEN_WINDOW };
        let start_para = match (lo, hi) {
            (Some(l), _) => l.0,
            (None, Some(h)) => h.0.saturating_sub(open),
            (None, None) => 0,
        };
        let end_para = match (hi, lo) {
            (Some(h), _) => h.0,
            (None, Some(l)) => l.0.saturating_add(open).min(last),
            (None, None) => last,
        };
        let digits = n.to_string();
        let mut sites: Vec<Site> = Vec::new();
        for (i, text) in texts.iter().enumerate().take(end_para + 1).skip(start_para) {
            if let Some((para_pages, page)) = on_page
                && !para_pages
                    .get(i)
                    .is_some_and(|&(a, b)| a <= page && page <= b)
            {
                continue;
            }
            let from = match lo {
                Some(l) if l.0 == i => l.1,
                _ => 0,
            };
            let to = match hi {
                Some(h) if h.0 == i => h.1,
                _ => text.len(),
            };
            let bytes = text.as_bytes();
            let mut k = from;
            while k < to.min(bytes.len()) {
                if !bytes[k].is_ascii_digit() {
                    k += 1;
                    continue;
                }
                let s = k;
                while k < bytes.len() && bytes[k].is_ascii_digit() {
                    k += 1;
                }
                // A run that began before the window belongs to the reference before it.
                if s > 0 && bytes[s - 1].is_ascii_digit() {
                    continue;
                }
                if k > to {
                    break;
                }
                if let Some((tail, attach)) = site_shape(text, s, k, &digits) {
                    sites.push(Site {
                        para: i,
                        start: tail,
                        end: k,
                        attach,
                    });
                }
            }
        }
        let Some(best) = sites.iter().map(|x| x.attach).min() else {
            missing.push(n);
            continue;
        };
        let mut strongest = sites.iter().filter(|x| x.attach == best);
        let (Some(site), None) = (strongest.next(), strongest.next()) else {
            missing.push(n);
            continue;
        };
        let site = *site;
        let (Some(text), Some(rs)) = (texts.get_mut(site.para), refs.get_mut(site.para)) else {
            continue;
        };
        // Remove the digits and keep one space between words: `Goals 6 and` → `Goals and`,
        // `basis 1no` → `basis no`, `Agreement4and` → `Agreement and`.
        let space_before = text[..site.start].ends_with(' ');
        let letter_after = text[site.end..].starts_with(char::is_alphabetic);
        let (cut_start, replacement) = match (space_before, letter_after) {
            (true, true) => (site.start, ""),
            (true, false) => (site.start - 1, ""),
            (false, true) => (site.start, " "),
            (false, false) => (site.start, ""),
        };
        text.replace_range(cut_start..site.end, replacement);
        let removed = site.end - cut_start - replacement.len();
        for r in rs.iter_mut() {
            if r.offset >= site.end {
                r.offset -= removed;
            }
        }
        rs.push(FootnoteRef {
            number: n,
            offset: cut_start,
        });
        rs.sort_by_key(|r| (r.offset, r.number));
    }
    missing
}

/// Where things stand on the pages of a PDF text, for [`repair`].
#[derive(Debug, Clone, Copy)]
pub struct Pages<'a> {
    /// First and last page of each paragraph.
    pub paragraphs: &'a [(u32, u32)],
    /// The page each numbered footnote is printed on.
    pub notes: &'a std::collections::BTreeMap<u32, u32>,
}

/// How many paragraphs a window without a closing neighbour reference may span in [`repair`]
/// when the layout has no pages.
const OPEN_WINDOW: usize = 3;

/// Whether `digits` occur later in `rest` glued to a word or closing punctuation and ending
/// there (`…2024;5`), where a reference is far more likely than at a number set off by spaces
/// (`6 from African States, 5 from Asia-Pacific States`).
fn glued_later(rest: &str, digits: &str) -> bool {
    rest.match_indices(digits).any(|(i, _)| {
        let before = rest[..i].chars().next_back();
        let after = &rest[i + digits.len()..];
        before.is_some_and(|c| {
            c.is_alphabetic() || matches!(c, ',' | ';' | ':' | ')' | '”' | '’' | '"')
        }) && after
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':' | ')'))
            && !continues_number(after)
            && !(before == Some(',') && is_thousands_group(&rest[..i - 1]))
    })
}

/// Whether `rest` (the text after a digit run) continues it as a number with separators
/// (`4,998,800`: `,998` follows the `4`).
fn continues_number(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 4
        && b[0] == b','
        && b[1..4].iter().all(u8::is_ascii_digit)
        && !b.get(4).is_some_and(u8::is_ascii_digit)
}

/// Whether `s` ends with a digit group that a thousands separator may follow: one to three
/// digits standing alone (`1`, ` 18`) or after another separator group (`18,318`).
fn is_thousands_group(s: &str) -> bool {
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let head = &s[..s.len() - digits];
    match head.chars().next_back() {
        None => digits <= 3,
        Some(',') => digits == 3 && is_thousands_group(&head[..head.len() - 1]),
        Some(c) => digits <= 3 && !(c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '–')),
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
