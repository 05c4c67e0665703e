//! Routine annual updates (rules documented on the `diff` module: "Routine updates").

use std::borrow::Cow;

use super::token::{TokenKind, tokenize};
use super::{DiffOp, OpKind};

/// Largest year shift that still counts as a routine update (annual/biennial/triennial cycle).
pub const MAX_ROUTINE_YEAR_SHIFT: i32 = 3;

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

const CONNECTORS: &[&str] = &[
    "and",
    "or",
    "of",
    "as",
    "well",
    "its",
    "the",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "session",
    "sessions",
    "at",
    "in",
    "on",
    "see",
    "paragraph",
    "paragraphs",
    "to",
    "from",
    "also",
    "plenary",
    "meeting",
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
fn is_doc(w: &str) -> bool {
    let first = w.split('/').next().unwrap_or_default();
    w.contains('/')
        && !first.is_empty()
        && first.chars().all(|c| c.is_ascii_uppercase())
        && w.chars().any(|c| c.is_ascii_digit())
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
        } else if w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == '.')
        {
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
            Class::Word => item.lower.as_ref(),
        });
    }
    out
}

fn is_routine_item(c: Class) -> bool {
    match c {
        Class::Res | Class::Doc | Class::Date(_) | Class::Year(_) | Class::Ordinal => true,
        Class::Num(paragraph) => paragraph,
        Class::Word => false,
    }
}

fn year(c: Class) -> Option<i32> {
    match c {
        Class::Year(y) | Class::Date(Some(y)) => Some(y),
        _ => None,
    }
}

/// The routine test on the items touched on each side (see the module doc).
fn routine_items(del: &[&Item<'_>], ins: &[&Item<'_>]) -> bool {
    let mut any_routine = false;
    for it in del.iter().chain(ins) {
        if is_routine_item(it.class) {
            any_routine = true;
        } else if !(it.class == Class::Word && CONNECTORS.contains(&it.lower.as_ref())) {
            return false;
        }
    }
    if !any_routine {
        return false;
    }
    // Only adding or dropping words: routine only for symbols (a list that grows or shrinks);
    // adding or dropping a date, year, ordinal or paragraph number changes the meaning.
    if (del.is_empty() || ins.is_empty())
        && !del
            .iter()
            .chain(ins)
            .any(|it| matches!(it.class, Class::Res | Class::Doc))
    {
        return false;
    }
    let dy: Vec<i32> = del.iter().filter_map(|i| year(i.class)).collect();
    let iy: Vec<i32> = ins.iter().filter_map(|i| year(i.class)).collect();
    if dy.len() == iy.len() {
        dy.iter()
            .zip(&iy)
            .all(|(a, b)| (a - b).abs() <= MAX_ROUTINE_YEAR_SHIFT)
    } else {
        true
    }
}

/// True when a deleted/inserted span pair differs only in routine items (see the module doc).
///
/// `is_routine_change("sixty-sixth", "sixty-seventh")` and
/// `is_routine_change("and 64/187", ", 64/187 and 65/141")` are true;
/// `is_routine_change("encourages", "urges")` is false. Two spans that differ only in
/// whitespace are routine; spans with no word and differing punctuation are not.
pub fn is_routine_change(deleted: &str, inserted: &str) -> bool {
    if deleted.trim().is_empty() && inserted.trim().is_empty() {
        return true;
    }
    let d = annotate(deleted);
    let i = annotate(inserted);
    let dr: Vec<&Item<'_>> = d.iter().collect();
    let ir: Vec<&Item<'_>> = i.iter().collect();
    routine_items(&dr, &ir)
}

/// Items of `items` overlapping any of the byte `ranges`, each once, in order.
fn touched<'a, 'b>(items: &'a [Item<'b>], ranges: &[(usize, usize)]) -> Vec<&'a Item<'b>> {
    items
        .iter()
        .filter(|it| {
            ranges
                .iter()
                .any(|&(s, e)| s < e && it.start < e && s < it.end)
        })
        .collect()
}

/// Sets [`DiffOp::routine`] on the insert/delete runs that are routine updates.
///
/// The old and new texts are annotated in full, so context decides (the day in
/// `20 December 2010`, the number in `paragraph 22`). Change runs separated only by equal text
/// made of routine items and connector words form one cluster, judged as a whole.
pub fn mark_routine(ops: &mut [DiffOp]) {
    if ops.iter().all(|op| op.op == OpKind::Equal) {
        return; // no change run to judge
    }
    let old = super::old_text(ops);
    let new = super::new_text(ops);
    mark_routine_with(ops, &annotate(&old), &annotate(&new));
}

/// [`mark_routine`] with the annotations of the old and the new text of `ops` already made.
pub(crate) fn mark_routine_with(
    ops: &mut [DiffOp],
    old_items: &[Item<'_>],
    new_items: &[Item<'_>],
) {
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
                let items = touched(old_items, &[r]);
                items.iter().all(|it| {
                    is_routine_item(it.class)
                        || (it.class == Class::Word && CONNECTORS.contains(&it.lower.as_ref()))
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
        let routine = if del_text.trim().is_empty() && ins_text.trim().is_empty() {
            true
        } else {
            routine_items(&touched(old_items, &del_r), &touched(new_items, &ins_r))
        };
        if routine {
            for idx in cluster {
                if let Some(op) = ops.get_mut(idx) {
                    op.routine = true;
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
            Class, TEEN_ORD, TENS, TENS_ORD, UNIT_ORD, day_of, is_doc, is_month, is_res, year_of,
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
                } else if w.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && w.chars().all(|c| c.is_ascii_digit() || c == '.')
                {
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
        let mut texts: Vec<String> = [
            "sample_data/A_RES_65_141.txt",
            "sample_data/A_RES_66_184.txt",
        ]
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
        if let Some(dir) = crate::corpus::dir_or_skip("annotate oracle") {
            let mut files: Vec<_> = std::fs::read_dir(dir.join("text"))
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            // Every 4th corpus text keeps the debug-build test short.
            for f in files.iter().step_by(4) {
                texts.push(std::fs::read_to_string(f).unwrap());
            }
        }
        let with_corpus = texts.len() > 2;
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
        // The two sample files hold 30 + 51 paragraphs of their own; the corpus adds thousands.
        let floor = if with_corpus { 1_000 } else { 60 };
        assert!(n > floor, "only {n} paragraphs checked");
    }
}
