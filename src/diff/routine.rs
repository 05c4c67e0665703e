//! Routine annual updates: the rollover between two documents (rules documented on the `diff`
//! module: "Routine updates").

use std::borrow::Cow;

use super::token::{TokenKind, tokenize};
use super::{DiffOp, OpKind};

/// What a word (or group of words) is, for routine detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Resolution or decision symbol.
    Res,
    /// Document symbol.
    Doc,
    /// A date; holds its year when printed.
    Date(Option<i32>),
    /// A year.
    Year(i32),
    /// A session ordinal.
    Ordinal,
    /// A plain number; `true` when it is a paragraph number (routine).
    Num(bool),
    /// Any other word.
    Word,
}

/// One annotated item: a byte range of the text and its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The class.
    pub class: Class,
    /// Lower-cased text (for words).
    pub lower: Cow<'a, str>,
}

const UNIT_ORD: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TEEN_ORD: &[&str] = &[
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const TENS_ORD: &[&str] = &[
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
];

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_res(w: &str) -> bool {
    let mut parts = w.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => is_digits(a) && is_digits(b) && a.len() <= 4 && b.len() <= 4,
        _ => false,
    }
}

/// A UN document symbol: an all-capitals first component (`A`, `E`, `ST`, `UNEP`), at least one
/// `/`, and a digit somewhere (`HIV/AIDS` is not a symbol).
/// A parenthesised session is allowed in the first component (`GC(67)/RES/7`).
fn is_doc(w: &str) -> bool {
    let first = w.split('/').next().unwrap_or_default();
    let head = first.split('(').next().unwrap_or_default();
    w.contains('/')
        && !head.is_empty()
        && head.chars().all(|c| c.is_ascii_uppercase())
        && (head.len() == first.len()
            || first
                .get(head.len()..)
                .is_some_and(|rest| rest.starts_with('(') && rest.ends_with(')')))
        && w.chars().any(|c| c.is_ascii_digit())
}

/// A plain number as the tokenizer keeps it: digits with decimal points, thousands separators
/// and a trailing per cent sign (`26`, `1.5`, `18,318,600`, `1,5`, `26%`).
fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && is_digits(w) {
        let y: i32 = w.parse().ok()?;
        (1900..=2099).contains(&y).then_some(y)
    } else {
        None
    }
}

fn day_of(w: &str) -> bool {
    w.len() <= 2 && is_digits(w) && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_month(lower: &str) -> bool {
    crate::vocab::MONTHS.contains(&lower)
}

/// True for ordinal words that are routine anywhere (tenth and above, compound tens, numeric).
fn is_high_ordinal(lower: &str) -> bool {
    if TEEN_ORD.contains(&lower) || TENS_ORD.contains(&lower) {
        return true;
    }
    if let Some((tens, unit)) = lower.split_once(['-', '\u{2011}'])
        && TENS.contains(&tens)
        && UNIT_ORD.contains(&unit)
    {
        return true;
    }
    // 91st, 2nd, 3rd, 4th
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = lower.get(digits..).unwrap_or_default();
    digits > 0 && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// The lower-cased form of a word, borrowed when it is already lower-case ASCII.
fn lower_of(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Annotates the words of `text` with routine classes (punctuation and whitespace are dropped).
pub(crate) fn annotate(text: &str) -> Vec<Item<'_>> {
    let toks = tokenize(text);
    // Words: (start, end, only whitespace up to the next word).
    let mut words: Vec<(usize, usize, bool)> = Vec::with_capacity(toks.len() / 2 + 1);
    let mut only_space = true;
    for t in &toks {
        match t.kind {
            TokenKind::Word => {
                if let Some(last) = words.last_mut() {
                    last.2 = only_space;
                }
                only_space = true;
                words.push((t.start, t.start + t.text.len(), false));
            }
            TokenKind::Space => {}
            TokenKind::Punct => only_space = false,
        }
    }
    let word = |k: usize| {
        words
            .get(k)
            .and_then(|&(s, e, _)| text.get(s..e))
            .unwrap_or_default()
    };
    let lower: Vec<Cow<'_, str>> = (0..words.len()).map(|k| lower_of(word(k))).collect();
    let low = |k: usize| lower.get(k).map(Cow::as_ref).unwrap_or_default();
    // Only whitespace between word k and word k+1?
    let adjacent = |k: usize| -> bool { words.get(k).is_some_and(|w| w.2) };

    let mut out = Vec::with_capacity(words.len());
    let mut in_para_list = false;
    let mut k = 0;
    while k < words.len() {
        let w = word(k);
        let lw = low(k);
        let mut last = k;
        let has_digit = w.bytes().any(|b| b.is_ascii_digit());
        let class = if has_digit && is_res(w) {
            let next = word(k + 1);
            if next.len() == 1 && next.chars().all(|c| c.is_ascii_uppercase()) && adjacent(k) {
                last = k + 1;
            }
            Class::Res
        } else if has_digit && is_doc(w) {
            Class::Doc
        } else if is_month(lw) && year_of(word(k + 1)).is_some() {
            last = k + 1;
            Class::Date(year_of(word(k + 1)))
        } else if has_digit && day_of(w) && is_month(low(k + 1)) {
            last = k + 1;
            let y = year_of(word(k + 2));
            if y.is_some() {
                last = k + 2;
            }
            Class::Date(y)
        } else if has_digit
            && day_of(w)
            && matches!(low(k + 1), "to" | "and")
            && day_of(word(k + 2))
            && is_month(low(k + 3))
        {
            last = k + 3;
            let y = year_of(word(k + 4));
            if y.is_some() {
                last = k + 4;
            }
            Class::Date(y)
        } else if let Some(y) = year_of(w) {
            Class::Year(y)
        } else if is_high_ordinal(lw) || (UNIT_ORD.contains(&lw) && low(k + 1) == "session") {
            Class::Ordinal
        } else if is_number(w) {
            Class::Num(in_para_list)
        } else {
            Class::Word
        };
        in_para_list = match class {
            Class::Word => {
                matches!(lw, "paragraph" | "paragraphs")
                    || (in_para_list && matches!(lw, "to" | "and"))
            }
            Class::Num(_) => in_para_list,
            _ => false,
        };
        let start = words.get(k).map_or(0, |w| w.0);
        let end = words.get(last).map_or(0, |w| w.1);
        out.push(Item {
            start,
            end,
            class,
            lower: lower.get(k).cloned().unwrap_or_default(),
        });
        k = last + 1;
    }
    out
}

/// Text for matching: lower-cased, routine items replaced by placeholders, punctuation dropped,
/// whitespace collapsed.
///
/// Placeholders: `<res>` resolution/decision symbols, `<doc>` document symbols, `<date>` dates,
/// `<year>` years (target years too), `<ord>` session ordinals, `<num>` plain numbers. Example:
/// `Recalling its resolution 65/141 of 20 December 2010,` → `recalling its resolution <res> of
/// <date>`.
pub fn normalize_for_matching(text: &str) -> String {
    matching_text_of(&annotate(text), text.len())
}

/// [`normalize_for_matching`] of the text `items` annotate (`capacity`: the text's length).
pub(crate) fn matching_text_of(items: &[Item<'_>], capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for item in items {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(match item.class {
            Class::Res => "<res>",
            Class::Doc => "<doc>",
            Class::Date(_) => "<date>",
            Class::Year(_) => "<year>",
            Class::Ordinal => "<ord>",
            Class::Num(_) => "<num>",
            Class::Word => item.lower.as_ref(),
        });
    }
    out
}

/// Items that may be part of a routine update (used to bridge change runs into one cluster).
fn is_routine_item(c: Class) -> bool {
    match c {
        Class::Res | Class::Doc | Class::Date(_) | Class::Year(_) | Class::Ordinal => true,
        Class::Num(paragraph) => paragraph,
        Class::Word => false,
    }
}

/// Words that may change or stand around a routine item without changing its meaning.
const ROLLOVER_CONNECTORS: &[&str] = &[
    "and",
    "of",
    "its",
    "the",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "session",
    "sessions",
    "as",
    "well",
    "also",
];

/// A word before a date, year or ordinal that makes it a time limit, a period or a duration
/// (`by`, `until`, `no later than`, `for the period`, `within`, `from … to`, …).
const TIME_LIMIT_BEFORE: &[&str] = &[
    "by",
    "until",
    "till",
    "before",
    "within",
    "through",
    "throughout",
    "from",
    "to",
    "ending",
    "beyond",
    "after",
    "since",
    "between",
    "than",
    "period",
    "periods",
    "biennium",
    "triennium",
    "duration",
    "deadline",
    "extend",
    "extends",
    "extended",
    "extending",
    "expire",
    "expires",
    "expiring",
    "starting",
    "commencing",
    "effective",
    "up",
];

/// A word right after a date, year or ordinal that makes it a period (`2024 biennium`).
const TIME_LIMIT_AFTER: &[&str] = &[
    "biennium",
    "triennium",
    "period",
    "deadline",
    "cycle",
    "onwards",
    "onward",
];

/// Words skipped while looking back for a time-limit word (`by the end of its …`).
const TIME_SKIP: &[&str] = &[
    "the", "its", "their", "end", "close", "start", "of", "first", "second", "half", "part",
    "resumed", "main", "year", "years", "calendar",
];

/// How far a session ordinal may lie from the document's own session to be read as a session of
/// the General Assembly (`its seventy-ninth session` in a 78th-session text).
const GA_SESSION_WINDOW: i32 = 3;

/// A calendar date: (year, month 1–12, day).
pub type Ymd = (i32, u32, u32);

/// The annual rollover between two documents: how far apart they are, and who the old document
/// is. Built from the two documents' metadata by [`Rollover::between`]; see the `diff` module doc
/// ("Routine updates") for the rules that use it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rollover {
    /// Sessions between the documents (new − old); `None` when either session is unknown.
    pub sessions: Option<i32>,
    /// Years between the documents' dates (new − old); `None` when either date is unknown.
    pub years: Option<i32>,
    /// Session of the old document.
    pub old_session: Option<i32>,
    /// The old document as it is cited (`78/132` for `A/RES/78/132`), when it is a resolution.
    pub old_symbol: Option<String>,
    /// Adoption (or issue) date of the old document.
    pub old_date: Option<Ymd>,
    /// Adoption (or issue) date of the new document.
    pub new_date: Option<Ymd>,
}

/// Parses an ISO date `YYYY-MM-DD`.
fn parse_iso(date: &str) -> Option<Ymd> {
    let mut it = date.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// The session of the General Assembly in progress on a date: a regular session opens in
/// September, the first in 1946 (`2010-12-20` → 65, `2025-10-06` → 80).
fn session_of_date((year, month, _): Ymd) -> i32 {
    if month >= 9 { year - 1945 } else { year - 1946 }
}

impl Rollover {
    /// The rollover between two documents, from their metadata: the session gap from the
    /// sessions (read from the symbol or its `65/141.` title prefix; without either, the session
    /// in progress on the adoption or issue date, which opens in September), the year gap from the
    /// dates, and the old document's own symbol and date.
    pub fn between(old: &crate::model::Metadata, new: &crate::model::Metadata) -> Self {
        let old_date = old.date.as_deref().and_then(parse_iso);
        let new_date = new.date.as_deref().and_then(parse_iso);
        let session = |m: &crate::model::Metadata, date: Option<Ymd>| {
            m.session
                .and_then(|s| i32::try_from(s).ok())
                .or_else(|| date.map(session_of_date))
        };
        let old_session = session(old, old_date);
        let new_session = session(new, new_date);
        let old_symbol = old
            .symbol
            .as_deref()
            .filter(|s| s.contains("/RES/") || s.contains("/DEC/"))
            .and_then(|s| {
                let parts: Vec<&str> = s.split('/').collect();
                match parts.as_slice() {
                    [.., a, b] if is_res(&format!("{a}/{b}")) => Some(format!("{a}/{b}")),
                    _ => None,
                }
            });
        Self {
            sessions: old_session.zip(new_session).map(|(o, n)| n - o),
            years: old_date.zip(new_date).map(|(o, n)| n.0 - o.0),
            old_session,
            old_symbol,
            old_date,
            new_date,
        }
    }

    /// A rollover of `gap` sessions (and years) from a document of session `old_session`,
    /// without a known symbol or date (for tests and examples).
    pub fn with_gap(old_session: i32, gap: i32) -> Self {
        Self {
            sessions: Some(gap),
            years: Some(gap),
            old_session: Some(old_session),
            ..Self::default()
        }
    }

    /// The session gap when it is known and positive: the only case where anything is routine.
    pub fn gap(&self) -> Option<i32> {
        self.sessions.filter(|&g| g > 0)
    }

    /// True when a year shift of `by` is the document gap (in sessions or in years).
    fn year_shift_ok(&self, by: i32) -> bool {
        by > 0 && (self.gap() == Some(by) || (self.gap().is_some() && self.years == Some(by)))
    }
}

/// Of the deleted and the inserted items (each with its text), those whose text is not on the
/// other side too: items printed the same on both sides (a list around the change) are not part
/// of the change.
fn not_on_both_sides(
    (del, del_texts): (&[usize], &[String]),
    (ins, ins_texts): (&[usize], &[String]),
) -> (Vec<usize>, Vec<usize>) {
    let only = |items: &[usize], texts: &[String], other: &[String]| -> Vec<usize> {
        items
            .iter()
            .zip(texts)
            .filter(|(_, t)| !other.contains(t))
            .map(|(&k, _)| k)
            .collect()
    };
    (
        only(del, del_texts, ins_texts),
        only(ins, ins_texts, del_texts),
    )
}

/// The value of an ordinal word (`sixty-sixth` → 66, `eightieth` → 80, `91st` → 91).
fn ordinal_value(lower: &str) -> Option<i32> {
    let pos = |list: &[&str], w: &str| list.iter().position(|x| *x == w);
    if let Some(i) = pos(UNIT_ORD, lower) {
        return i32::try_from(i + 1).ok();
    }
    if let Some(i) = pos(TEEN_ORD, lower) {
        return i32::try_from(i + 10).ok();
    }
    if let Some(i) = pos(TENS_ORD, lower) {
        return i32::try_from(i * 10 + 20).ok();
    }
    if let Some((tens, unit)) = lower.split_once(['-', '\u{2011}']) {
        let t = pos(TENS, tens)?;
        let u = pos(UNIT_ORD, unit)?;
        return i32::try_from(t * 10 + 20 + u + 1).ok();
    }
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = lower.get(digits..)?;
    if digits > 0 && matches!(suffix, "st" | "nd" | "rd" | "th") {
        return lower.get(..digits)?.parse().ok();
    }
    None
}

/// One side of a change: its full text, its annotation and the indices of the touched items.
struct Side<'s, 'a> {
    text: &'s str,
    items: &'s [Item<'a>],
    touched: Vec<usize>,
}

impl Side<'_, '_> {
    fn item(&self, k: usize) -> Option<&Item<'_>> {
        self.items.get(k)
    }

    fn item_text(&self, k: usize) -> &str {
        self.item(k)
            .and_then(|it| self.text.get(it.start..it.end))
            .unwrap_or_default()
    }

    /// Touched items of a class.
    fn of(&self, pred: impl Fn(Class) -> bool) -> Vec<usize> {
        self.touched
            .iter()
            .copied()
            .filter(|&k| self.item(k).is_some_and(|it| pred(it.class)))
            .collect()
    }

    /// True when item `k` is a time limit, a period or a duration: a time-limit word before it
    /// (looking back over `the`, `its`, `end of`, …; `for` before a year or date), a period word
    /// right after it, or a dash
    /// joining it to another year or date (`2024–2025`).
    fn time_limited(&self, k: usize) -> bool {
        let mut j = k;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            j -= 1;
            steps += 1;
            let Some(it) = self.item(j) else { break };
            if it.class != Class::Word {
                break;
            }
            let w = it.lower.as_ref();
            if TIME_LIMIT_BEFORE.contains(&w) {
                return true;
            }
            // `for the year 2024 and subsequent years`, `for 2024`: a period. (Not an ordinal:
            // `for its eightieth session` names the session, not a span of time.)
            if w == "for"
                && self
                    .item(k)
                    .is_some_and(|x| matches!(x.class, Class::Year(_) | Class::Date(_)))
            {
                return true;
            }
            if !TIME_SKIP.contains(&w) {
                break;
            }
        }
        if let Some(next) = self.item(k + 1)
            && next.class == Class::Word
            && TIME_LIMIT_AFTER.contains(&next.lower.as_ref())
        {
            return true;
        }
        let dated = |c: Class| matches!(c, Class::Year(_) | Class::Date(_));
        let dash_between = |a: &Item<'_>, b: &Item<'_>| {
            dated(a.class)
                && dated(b.class)
                && self
                    .text
                    .get(a.end..b.start)
                    .is_some_and(|t| t.contains(['-', '\u{2013}', '\u{2014}']))
        };
        let (Some(it), prev, next) = (
            self.item(k),
            k.checked_sub(1).and_then(|p| self.item(p)),
            self.item(k + 1),
        ) else {
            return false;
        };
        prev.is_some_and(|p| dash_between(p, it)) || next.is_some_and(|n| dash_between(it, n))
    }

    /// True when an `annual` or `annually` stands within four words of item `k`.
    fn annual_near(&self, k: usize) -> bool {
        (k.saturating_sub(4)..=k + 4).any(|j| {
            self.item(j)
                .is_some_and(|it| it.class == Class::Word && it.lower.starts_with("annual"))
        })
    }

    /// True when the symbol at item `k` names the place of a part of a document: `paragraph`,
    /// `section`, `annex`, `part`, … within six words before it (`paragraph 22 of its resolution
    /// 65/141`).
    fn part_of(&self, k: usize) -> bool {
        (k.saturating_sub(6)..k).any(|j| {
            self.item(j).is_some_and(|it| {
                it.class == Class::Word
                    && matches!(
                        it.lower.as_ref(),
                        "paragraph"
                            | "paragraphs"
                            | "para"
                            | "paras"
                            | "section"
                            | "sections"
                            | "annex"
                            | "annexes"
                            | "part"
                            | "parts"
                            | "chapter"
                            | "article"
                    )
            })
        })
    }

    /// True when item `k` is followed by `session(s)`.
    fn before_session(&self, k: usize) -> bool {
        self.item(k + 1)
            .is_some_and(|it| matches!(it.lower.as_ref(), "session" | "sessions"))
    }

    /// The date of item `k`, with the day and month when printed.
    fn date(&self, k: usize) -> Option<(Option<u32>, Option<u32>, Option<i32>)> {
        let it = self.item(k)?;
        let Class::Date(year) = it.class else {
            return None;
        };
        let words: Vec<String> = self
            .item_text(k)
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let month = words.iter().find_map(|w| {
            crate::vocab::MONTHS
                .iter()
                .position(|m| *m == w.as_str())
                .and_then(|i| u32::try_from(i + 1).ok())
        });
        // A single day before the month (`20 December 2010`); ranges keep `None`.
        let day = match words.as_slice() {
            [d, m, ..] if crate::vocab::MONTHS.contains(&m.as_str()) => d.parse().ok(),
            _ => None,
        };
        Some((day, month, year))
    }
}

/// The first word of a resolution item (`57/270 B` → `57/270`).
fn res_symbol(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or_default()
}

/// The session of a resolution symbol (`77/150` → 77); `None` for year-based symbols
/// (`2011/16`).
fn res_session(symbol: &str) -> Option<i32> {
    let (s, _) = symbol.split_once('/')?;
    if s.len() > 3 {
        return None;
    }
    s.parse().ok()
}

/// True when `new` is the document symbol `old` moved to the new session: the same series
/// (same components apart from numbers), the session component moved from the old document's
/// session by the gap or a year component by the year gap, and only the last number of each
/// part (the serial) otherwise free (`A/78/62-E/2023/53` → `A/79/72-E/2024/54`).
fn doc_rolled_over(old: &str, new: &str, ro: &Rollover, gap: i32) -> bool {
    let (Some(session), Some(_)) = (ro.old_session, ro.gap()) else {
        return false;
    };
    let op: Vec<&str> = old.split('-').collect();
    let np: Vec<&str> = new.split('-').collect();
    if op.len() != np.len() {
        return false;
    }
    let mut shifted = false;
    for (o, n) in op.iter().zip(&np) {
        let oc: Vec<&str> = o.split('/').collect();
        let nc: Vec<&str> = n.split('/').collect();
        if oc.len() != nc.len() || oc.first() != nc.first() {
            return false;
        }
        let last = oc.len().saturating_sub(1);
        let mut part_shifted = false;
        for (i, (a, b)) in oc.iter().zip(&nc).enumerate() {
            if a == b {
                continue;
            }
            let (Ok(x), Ok(y)) = (a.parse::<i32>(), b.parse::<i32>()) else {
                return false;
            };
            let session_moved = x == session && y == session + gap;
            let year_moved = a.len() == 4 && ro.year_shift_ok(y - x);
            if i != last && (session_moved || year_moved) {
                part_shifted = true;
            } else if i == last && part_shifted {
                // The serial number of the new report.
            } else {
                return false;
            }
        }
        shifted |= part_shifted;
    }
    shifted
}

/// Why a change is routine: the reasons found so far, each once.
#[derive(Default)]
struct Reasons(Vec<String>);

impl Reasons {
    fn add(&mut self, r: String) {
        if !self.0.contains(&r) {
            self.0.push(r);
        }
    }
}

/// The rollover test on the items touched on each side (see the module doc): `Some(reason)` when
/// every touched item is explained by one of the rollover rules (the rest being connector
/// words), `None` otherwise.
fn judge(del: &Side<'_, '_>, ins: &Side<'_, '_>, ro: &Rollover) -> Option<String> {
    let gap = ro.gap()?;
    // Anything but a connector word or a rollover item is substantive.
    for side in [del, ins] {
        for &k in &side.touched {
            let it = side.item(k)?;
            let ok = match it.class {
                Class::Word => ROLLOVER_CONNECTORS.contains(&it.lower.as_ref()),
                Class::Num(_) => false,
                _ => true,
            };
            if !ok {
                return None;
            }
        }
    }
    let mut reasons = Reasons::default();
    // Resolution symbols: the old document joins the list, or replaces its predecessor.
    // Symbols on both sides (a list around the change) are not part of it.
    let res_text = |side: &Side<'_, '_>, k: usize| res_symbol(side.item_text(k)).to_string();
    let del_all = del.of(|c| c == Class::Res);
    let ins_all = ins.of(|c| c == Class::Res);
    let del_syms: Vec<String> = del_all.iter().map(|&k| res_text(del, k)).collect();
    let ins_syms: Vec<String> = ins_all.iter().map(|&k| res_text(ins, k)).collect();
    let (del_res, ins_res) = not_on_both_sides((&del_all, &del_syms), (&ins_all, &ins_syms));
    let mut del_dates = del.of(|c| matches!(c, Class::Date(_)));
    let mut ins_dates = ins.of(|c| matches!(c, Class::Date(_)));
    if !(del_res.is_empty() && ins_res.is_empty()) {
        let own = ro.old_symbol.as_deref()?;
        let [added] = ins_res.as_slice() else {
            return None;
        };
        if res_symbol(ins.item_text(*added)) != own {
            return None;
        }
        match del_res.as_slice() {
            [] => reasons.add(format!("{own} (the old document) added to the list")),
            [gone] => {
                let pred = res_symbol(del.item_text(*gone));
                if res_session(pred)? != ro.old_session? - gap {
                    return None;
                }
                reasons.add(format!(
                    "{pred} (the predecessor) replaced by {own} (the old document)"
                ));
                // The predecessor's date goes with it.
                if !del_dates.is_empty() {
                    del_dates.remove(0);
                }
            }
            _ => return None,
        }
        // The old document comes with its own adoption date (`78/132 of 19 December 2023`), or
        // with no date at all (`pursuant to resolution 78/25`) — but not as the place of a part
        // of it (`paragraph 22 of its resolution 65/141` is another text), and never with
        // another date.
        let own_date = ins_dates.iter().position(|&k| {
            ins.date(k)
                .zip(ro.old_date)
                .is_some_and(|((d, m, y), (oy, om, od))| {
                    d == Some(od) && m == Some(om) && y == Some(oy)
                })
        });
        match own_date {
            Some(pos) => {
                ins_dates.remove(pos);
            }
            None if ins_dates.len() > del_dates.len() || ins.part_of(*added) => return None,
            None => {}
        }
    }
    // Dates printed the same on both sides (a list around the change) are not part of it.
    let del_texts: Vec<String> = del_dates
        .iter()
        .map(|&k| del.item_text(k).to_string())
        .collect();
    let ins_texts: Vec<String> = ins_dates
        .iter()
        .map(|&k| ins.item_text(k).to_string())
        .collect();
    let (del_dates, ins_dates) =
        not_on_both_sides((&del_dates, &del_texts), (&ins_dates, &ins_texts));
    // Dates: each old/new pair the same day and month with the year moved by the gap, outside a
    // time limit; or the documents' own adoption dates (the stamp line).
    if del_dates.len() != ins_dates.len() {
        return None;
    }
    for (&a, &b) in del_dates.iter().zip(&ins_dates) {
        let (da, ma, ya) = del.date(a)?;
        let (db, mb, yb) = ins.date(b)?;
        let as_ymd = |d: Option<u32>, m: Option<u32>, y: Option<i32>| Some((y?, m?, d?));
        if as_ymd(da, ma, ya).is_some()
            && as_ymd(da, ma, ya) == ro.old_date
            && as_ymd(db, mb, yb) == ro.new_date
        {
            reasons.add("adoption date of the old → the new document".to_string());
            continue;
        }
        let (ya, yb) = (ya?, yb?);
        if da != db || ma != mb || !ro.year_shift_ok(yb - ya) {
            return None;
        }
        if del.time_limited(a) || ins.time_limited(b) {
            return None;
        }
        reasons.add(format!("date: year +{} = document gap", yb - ya));
    }
    // Years.
    let del_years = del.of(|c| matches!(c, Class::Year(_)));
    let ins_years = ins.of(|c| matches!(c, Class::Year(_)));
    if del_years.len() != ins_years.len() {
        return None;
    }
    for (&a, &b) in del_years.iter().zip(&ins_years) {
        let (Some(Class::Year(ya)), Some(Class::Year(yb))) =
            (del.item(a).map(|i| i.class), ins.item(b).map(|i| i.class))
        else {
            return None;
        };
        if !ro.year_shift_ok(yb - ya) || del.time_limited(a) || ins.time_limited(b) {
            return None;
        }
        reasons.add(format!("year +{} = document gap", yb - ya));
    }
    // Session ordinals of the General Assembly, and ordinals of annual events.
    let del_ord = del.of(|c| c == Class::Ordinal);
    let ins_ord = ins.of(|c| c == Class::Ordinal);
    if del_ord.len() != ins_ord.len() {
        return None;
    }
    for (&a, &b) in del_ord.iter().zip(&ins_ord) {
        let va = ordinal_value(del.item(a)?.lower.as_ref())?;
        let vb = ordinal_value(ins.item(b)?.lower.as_ref())?;
        if vb - va != gap || del.time_limited(a) || ins.time_limited(b) {
            return None;
        }
        let session = ro.old_session?;
        if del.before_session(a)
            && ins.before_session(b)
            && (va - session).abs() <= GA_SESSION_WINDOW
        {
            reasons.add(format!("session +{gap} = document gap"));
        } else if del.annual_near(a) && ins.annual_near(b) {
            reasons.add(format!("annual event +{gap} = document gap"));
        } else {
            return None;
        }
    }
    // Document symbols of the same series moved to the new session.
    let del_doc = del.of(|c| c == Class::Doc);
    let ins_doc = ins.of(|c| c == Class::Doc);
    if del_doc.len() != ins_doc.len() {
        return None;
    }
    for (&a, &b) in del_doc.iter().zip(&ins_doc) {
        if !doc_rolled_over(del.item_text(a), ins.item_text(b), ro, gap) {
            return None;
        }
        // `A/65/433` → `A/65/…`; `A/65/64-E/2010/12` → `A/65/…-E/2010/…`.
        let series = |s: &str| {
            s.split('-')
                .map(|part| {
                    let mut c: Vec<&str> = part.split('/').collect();
                    c.pop();
                    c.push("…");
                    c.join("/")
                })
                .collect::<Vec<_>>()
                .join("-")
        };
        reasons.add(format!(
            "report {} → {}: session +{gap} = document gap",
            series(del.item_text(a)),
            series(ins.item_text(b))
        ));
    }
    if reasons.0.is_empty() {
        return None; // connector words alone
    }
    Some(reasons.0.join("; "))
}

/// Why the change from `deleted` to `inserted` is a routine rollover under `ro`, or `None` when it
/// is substantive (see the module doc). Two spans that differ only in whitespace are routine
/// (`whitespace only`) when the gap is positive; nothing is routine when the gap is zero or
/// unknown.
///
/// With `ro = Rollover::with_gap(66, 1)`: `sixty-sixth` → `sixty-seventh` is routine
/// (`session +1 = document gap`); `sixty-sixth` → `sixty-eighth`, `Encourages` → `Urges` and
/// `2015` → `2030` are not.
pub fn routine_reason(deleted: &str, inserted: &str, ro: &Rollover) -> Option<String> {
    ro.gap()?;
    if deleted.trim().is_empty() && inserted.trim().is_empty() {
        return Some("whitespace only".to_string());
    }
    let d = annotate(deleted);
    let i = annotate(inserted);
    let del = Side {
        text: deleted,
        items: &d,
        touched: (0..d.len()).collect(),
    };
    let ins = Side {
        text: inserted,
        items: &i,
        touched: (0..i.len()).collect(),
    };
    judge(&del, &ins, ro)
}

/// True when [`routine_reason`] finds a reason.
pub fn is_routine_change(deleted: &str, inserted: &str, ro: &Rollover) -> bool {
    routine_reason(deleted, inserted, ro).is_some()
}

/// Indices of the items of `items` overlapping any of the byte `ranges`, each once, in order.
fn touched(items: &[Item<'_>], ranges: &[(usize, usize)]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, it)| {
            ranges
                .iter()
                .any(|&(s, e)| s < e && it.start < e && s < it.end)
        })
        .map(|(k, _)| k)
        .collect()
}

/// Sets [`DiffOp::routine`] and [`DiffOp::routine_reason`] on the insert/delete runs that are
/// the annual rollover `ro` (nothing when the gap is zero or unknown).
///
/// The old and new texts are annotated in full, so context decides (the day in
/// `20 December 2010`, the `by` before a deadline). Change runs separated only by equal text
/// made of routine items and connector words form one cluster, judged as a whole.
pub fn mark_routine(ops: &mut [DiffOp], ro: &Rollover) {
    if ops.iter().all(|op| op.op == OpKind::Equal) {
        return; // no change run to judge
    }
    let old = super::old_text(ops);
    let new = super::new_text(ops);
    mark_routine_with(ops, &old, &new, &annotate(&old), &annotate(&new), ro);
}

/// [`mark_routine`] with the old and new text of `ops` and their annotations already made.
pub(crate) fn mark_routine_with(
    ops: &mut [DiffOp],
    old_text: &str,
    new_text: &str,
    old_items: &[Item<'_>],
    new_items: &[Item<'_>],
    ro: &Rollover,
) {
    for op in ops.iter_mut() {
        op.routine = false;
        op.routine_reason = None;
    }
    if ro.gap().is_none() {
        return;
    }
    // Byte ranges of each op in old / new.
    let mut ranges = Vec::with_capacity(ops.len());
    let (mut o, mut n) = (0usize, 0usize);
    for op in ops.iter() {
        let len = op.text.len();
        let r = match op.op {
            OpKind::Equal => {
                let r = (o, o + len);
                o += len;
                n += len;
                r
            }
            OpKind::Delete => {
                let r = (o, o + len);
                o += len;
                r
            }
            OpKind::Insert => {
                let r = (n, n + len);
                n += len;
                r
            }
        };
        ranges.push(r);
    }
    // Build clusters: lists of op indices.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut pending_equal: Option<usize> = None;
    for (idx, op) in ops.iter().enumerate() {
        if op.op == OpKind::Equal {
            if !current.is_empty() {
                pending_equal = Some(idx);
            }
            continue;
        }
        if let Some(eq) = pending_equal.take() {
            let bridge = ranges.get(eq).is_some_and(|&r| {
                touched(old_items, &[r]).iter().all(|&k| {
                    old_items.get(k).is_some_and(|it| {
                        is_routine_item(it.class)
                            || (it.class == Class::Word
                                && ROLLOVER_CONNECTORS.contains(&it.lower.as_ref()))
                    })
                })
            });
            if !bridge {
                clusters.push(std::mem::take(&mut current));
            }
        }
        current.push(idx);
    }
    if !current.is_empty() {
        clusters.push(current);
    }
    for cluster in clusters {
        let mut del_r = Vec::new();
        let mut ins_r = Vec::new();
        let mut del_text = String::new();
        let mut ins_text = String::new();
        for &idx in &cluster {
            let (Some(op), Some(&r)) = (ops.get(idx), ranges.get(idx)) else {
                continue;
            };
            if op.op == OpKind::Delete {
                del_r.push(r);
                del_text.push_str(&op.text);
            } else {
                ins_r.push(r);
                ins_text.push_str(&op.text);
            }
        }
        let reason = if del_text.trim().is_empty() && ins_text.trim().is_empty() {
            Some("whitespace only".to_string())
        } else {
            let del = Side {
                text: old_text,
                items: old_items,
                touched: touched(old_items, &del_r),
            };
            let ins = Side {
                text: new_text,
                items: new_items,
                touched: touched(new_items, &ins_r),
            };
            judge(&del, &ins, ro)
        };
        if let Some(reason) = reason {
            for idx in cluster {
                if let Some(op) = ops.get_mut(idx)
                    && op.op != OpKind::Equal
                {
                    op.routine = true;
                    op.routine_reason = Some(reason.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The implementation before the allocation-free rewrite, kept as an oracle.
    mod oracle {
        use super::super::{
            Class, TEEN_ORD, TENS, TENS_ORD, UNIT_ORD, day_of, is_doc, is_month, is_number, is_res,
            year_of,
        };
        use crate::diff::token::{TokenKind, tokenize};

        /// The original annotated item (owned lower-case text).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub(super) struct Item {
            pub start: usize,
            pub end: usize,
            pub class: Class,
            pub lower: String,
        }

        /// True for ordinal words that are routine anywhere (tenth and above, compound tens, numeric).
        fn is_high_ordinal(lower: &str) -> bool {
            if TEEN_ORD.contains(&lower) || TENS_ORD.contains(&lower) {
                return true;
            }
            if let Some((tens, unit)) = lower.split_once(['-', '\u{2011}'])
                && TENS.contains(&tens)
                && UNIT_ORD.contains(&unit)
            {
                return true;
            }
            // 91st, 2nd, 3rd, 4th
            let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
            let suffix = lower.get(digits.len()..).unwrap_or_default();
            !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th")
        }

        /// Annotates the words of `text` with routine classes (punctuation and whitespace are dropped).
        fn annotate(text: &str) -> Vec<Item> {
            let toks = tokenize(text);
            let words: Vec<(usize, &str)> = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == TokenKind::Word)
                .map(|(i, t)| (i, t.text))
                .collect();
            let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
            let span = |from: usize, to: usize| -> (usize, usize) {
                let s = words
                    .get(from)
                    .and_then(|(i, _)| toks.get(*i))
                    .map_or(0, |t| t.start);
                let e = words
                    .get(to)
                    .and_then(|(i, _)| toks.get(*i))
                    .map_or(0, |t| t.start + t.text.len());
                (s, e)
            };
            let word = |k: usize| words.get(k).map(|(_, w)| *w).unwrap_or_default();
            let low = |k: usize| lower.get(k).map(String::as_str).unwrap_or_default();
            // Only whitespace between word k and word k+1?
            let adjacent = |k: usize| -> bool {
                match (words.get(k), words.get(k + 1)) {
                    (Some((a, _)), Some((b, _))) => toks
                        .get(a + 1..*b)
                        .is_some_and(|between| between.iter().all(|t| t.kind == TokenKind::Space)),
                    _ => false,
                }
            };

            let mut out = Vec::with_capacity(words.len());
            let mut in_para_list = false;
            let mut k = 0;
            while k < words.len() {
                let w = word(k);
                let lw = low(k);
                let mut last = k;
                let class = if is_res(w) {
                    let next = word(k + 1);
                    if next.len() == 1
                        && next.chars().all(|c| c.is_ascii_uppercase())
                        && adjacent(k)
                    {
                        last = k + 1;
                    }
                    Class::Res
                } else if is_doc(w) {
                    Class::Doc
                } else if is_month(lw) && year_of(word(k + 1)).is_some() {
                    last = k + 1;
                    Class::Date(year_of(word(k + 1)))
                } else if day_of(w) && is_month(low(k + 1)) {
                    last = k + 1;
                    let y = year_of(word(k + 2));
                    if y.is_some() {
                        last = k + 2;
                    }
                    Class::Date(y)
                } else if day_of(w)
                    && matches!(low(k + 1), "to" | "and")
                    && day_of(word(k + 2))
                    && is_month(low(k + 3))
                {
                    last = k + 3;
                    let y = year_of(word(k + 4));
                    if y.is_some() {
                        last = k + 4;
                    }
                    Class::Date(y)
                } else if let Some(y) = year_of(w) {
                    Class::Year(y)
                } else if is_high_ordinal(lw) || (UNIT_ORD.contains(&lw) && low(k + 1) == "session")
                {
                    Class::Ordinal
                } else if is_number(w) {
                    Class::Num(in_para_list)
                } else {
                    Class::Word
                };
                in_para_list = match class {
                    Class::Word => {
                        matches!(lw, "paragraph" | "paragraphs")
                            || (in_para_list && matches!(lw, "to" | "and"))
                    }
                    Class::Num(_) => in_para_list,
                    _ => false,
                };
                let (start, end) = span(k, last);
                out.push(Item {
                    start,
                    end,
                    class,
                    lower: lw.to_string(),
                });
                k = last + 1;
            }
            out
        }

        /// Text for matching: lower-cased, routine items replaced by placeholders, punctuation dropped,
        /// whitespace collapsed.
        ///
        /// Placeholders: `<res>` resolution/decision symbols, `<doc>` document symbols, `<date>` dates,
        /// `<year>` years (target years too), `<ord>` session ordinals, `<num>` plain numbers. Example:
        /// `Recalling its resolution 65/141 of 20 December 2010,` → `recalling its resolution <res> of
        /// <date>`.
        pub(super) fn normalize_for_matching(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for item in annotate(text) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(match item.class {
                    Class::Res => "<res>",
                    Class::Doc => "<doc>",
                    Class::Date(_) => "<date>",
                    Class::Year(_) => "<year>",
                    Class::Ordinal => "<ord>",
                    Class::Num(_) => "<num>",
                    Class::Word => &item.lower,
                });
            }
            out
        }
        /// The old annotation as (start, end, class, lower) tuples.
        pub(super) fn items(text: &str) -> Vec<(usize, usize, Class, String)> {
            annotate(text)
                .into_iter()
                .map(|i| (i.start, i.end, i.class, i.lower))
                .collect()
        }
    }

    fn new_items(text: &str) -> Vec<(usize, usize, Class, String)> {
        annotate(text)
            .into_iter()
            .map(|i| (i.start, i.end, i.class, i.lower.into_owned()))
            .collect()
    }

    fn check(text: &str) {
        assert_eq!(new_items(text), oracle::items(text), "{text}");
        assert_eq!(
            normalize_for_matching(text),
            oracle::normalize_for_matching(text),
            "{text}"
        );
    }

    #[test]
    fn annotate_matches_the_oracle_on_edge_cases() {
        for t in [
            "",
            "   ",
            "Recalling its resolution 65/141 of 20 December 2010,",
            "resolutions 57/270 B of 23 June 2003 and 60/265 C, A/66/64-E/2011/77",
            "from 10 to 12 December 2003 and 16 and 17 June 2011; December 2011",
            "the sixty-sixth session, its second session, 91st, 2nd Seventy\u{2011}ninth",
            "paragraphs 35 to 37 and 67 to 72, paragraph 22. 26 per cent 1.5",
            "ÉTATS Membres, Ünïcödé ΣΟΦΊΑ İstanbul HIV/AIDS A/C.2/80/L.17",
            "65/141 B. 65/141 (B) 65/141  B",
        ] {
            check(t);
        }
    }

    #[test]
    fn annotate_matches_the_oracle_on_samples_and_corpus() {
        // Every 4th corpus text keeps the debug-build test short.
        let (texts, with_corpus) = crate::corpus::sample_and_corpus_texts("annotate oracle", 4);
        let mut n = 0;
        for t in &texts {
            let doc = crate::parse::parse(t);
            for p in &doc.paragraphs {
                check(&p.text);
                n += 1;
            }
            for f in &doc.footnotes {
                check(&f.text);
            }
        }
        // The two samples alone hold 99 paragraphs; a quarter of the corpus adds thousands.
        let floor = if with_corpus { 1_000 } else { 90 };
        assert!(n > floor, "only {n} paragraphs checked");
    }
}
