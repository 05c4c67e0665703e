//! The line patterns shared by the parser stages, written as small hand-made matchers.
//!
//! Each pattern is documented with the regular expression it implements, and behaves exactly like
//! that expression under the `regex` crate's semantics (leftmost-first, greedy unless marked lazy,
//! `\s` = Unicode White_Space, `.` = any character but `\n`, `$` = end of the text):
//! `tests/parse_patterns.rs` checks every pattern against its expression (compiled there with
//! `regex`, a test-only dependency) on every line and paragraph of the corpus and on edge cases.
//!
//! Why not `regex` itself: a `resdiff parse` or `resdiff compare` process runs once per command, and
//! compiling these 29 expressions cost about 11 million instructions, a quarter of parsing a
//! resolution, before any text was read (plus the lazy DFA states built on the first searches).
//! The patterns are simple enough that a matcher per pattern is short, allocation-free and has
//! nothing to compile.

use std::ops::Range;

/// The most capture groups (group 0 included) a pattern here has.
const GROUPS: usize = 4;

/// One match of a group: a range of the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
    /// Byte offset of the start in the haystack.
    pub fn start(&self) -> usize {
        self.start
    }
    /// Byte offset of the end in the haystack.
    pub fn end(&self) -> usize {
        self.end
    }
    /// `start..end`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The groups of one match; group 0 is the whole match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Captures<'h> {
    hay: &'h str,
    groups: [Option<(usize, usize)>; GROUPS],
}

impl<'h> Captures<'h> {
    fn new(hay: &'h str, whole: Range<usize>) -> Self {
        let mut groups = [None; GROUPS];
        groups[0] = Some((whole.start, whole.end));
        Self { hay, groups }
    }
    fn with(mut self, i: usize, r: Option<Range<usize>>) -> Self {
        if let Some(slot) = self.groups.get_mut(i) {
            *slot = r.map(|r| (r.start, r.end));
        }
        self
    }
    /// Group `i`, if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let (start, end) = (*self.groups.get(i)?)?;
        Some(Match {
            hay: self.hay,
            start,
            end,
        })
    }
}

/// A pattern: a matcher function and the expression it implements (for documentation and the
/// cross-check in the tests).
pub struct Pattern {
    matcher: for<'h> fn(&'h str) -> Option<Captures<'h>>,
    /// The regular expression this pattern implements (read by the oracle tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub expression: &'static str,
}

impl Pattern {
    /// Whether the pattern matches anywhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        (self.matcher)(hay).is_some()
    }
    /// The leftmost-first match and its groups.
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        (self.matcher)(hay)
    }
}

const fn pattern(
    expression: &'static str,
    matcher: for<'h> fn(&'h str) -> Option<Captures<'h>>,
) -> Pattern {
    Pattern {
        matcher,
        expression,
    }
}

// ---------------------------------------------------------------------------------------------
// Small cursor helpers over byte offsets. Every offset they return is a char boundary.

/// Offset of the first non-whitespace character at or after `i` (`\s*`).
fn skip_ws(s: &str, i: usize) -> usize {
    s[i..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(s.len(), |(k, _)| i + k)
}

/// Offset after the run of ASCII bytes satisfying `f` starting at `i`, taking at most `max`.
fn run(s: &str, i: usize, max: usize, f: impl Fn(u8) -> bool) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && j - i < max && f(b[j]) {
        j += 1;
    }
    j
}

fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

fn roman(b: u8) -> bool {
    matches!(b, b'I' | b'V' | b'X')
}

/// Whether `s[i..]` contains no `\n` (what `.*$` needs).
fn no_newline(s: &str, i: usize) -> bool {
    !s.as_bytes()[i..].contains(&b'\n')
}

/// Whether `s[i..]` is all whitespace (`\s*$`).
fn only_ws(s: &str, i: usize) -> bool {
    s[i..].chars().all(char::is_whitespace)
}

/// The byte at `i`, if any.
fn at(s: &str, i: usize) -> Option<u8> {
    s.as_bytes().get(i).copied()
}

/// `\w` in the regex crate's Unicode sense, as far as the texts here need it.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A Unicode word boundary (`\b`) at offset `i`.
fn boundary(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back().is_some_and(word_char);
    let after = s[i..].chars().next().is_some_and(word_char);
    before != after
}

/// `(.+?)\s*$` at `i`, where the text before `i` was matched by a literal: the lazy group is the
/// rest without its trailing whitespace, or its first character when the rest is all whitespace.
fn lazy_rest(s: &str, i: usize) -> Option<Range<usize>> {
    let end = i + s[i..].trim_end().len();
    if end > i {
        return no_newline(&s[..end], i).then_some(i..end);
    }
    let c = s[i..].chars().next()?;
    (c != '\n').then(|| i..i + c.len_utf8())
}

/// `([0-9]{1,2}) ([A-Z][a-z]+)( ?)([0-9]{4})` anchored at `i`, with a required space before the
/// year when `space` is true: the day, month and year ranges and the end.
fn date_at(s: &str, i: usize, space_required: bool) -> Option<([Range<usize>; 3], usize)> {
    let d_end = run(s, i, 2, digit);
    // `[0-9]{1,2}` is greedy: two digits first, then one.
    for d in (i + 1..=d_end).rev() {
        if at(s, d) != Some(b' ') {
            continue;
        }
        let m = d + 1;
        if !at(s, m).is_some_and(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let m_end = run(s, m + 1, usize::MAX, |b| b.is_ascii_lowercase());
        if m_end == m + 1 {
            continue;
        }
        let mut y = m_end;
        if at(s, y) == Some(b' ') {
            y += 1;
        } else if space_required {
            continue;
        }
        if run(s, y, 4, digit) == y + 4 {
            return Some(([i..d, m..m_end, y..y + 4], y + 4));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// The patterns.

/// `The General Assembly,` on a line of its own.
pub static GA_LINE: Pattern = pattern(r"^\s*The General Assembly\s*,?\s*$", |s| {
    let i = skip_ws(s, 0);
    let rest = s[i..].strip_prefix("The General Assembly")?;
    let r = rest.trim_start();
    let r = r.strip_prefix(',').unwrap_or(r);
    r.chars()
        .all(char::is_whitespace)
        .then(|| Captures::new(s, 0..s.len()))
});

/// A document symbol on a line of its own (`A/RES/79/194`, `A/C.2/80/L.17`).
pub static SYMBOL_LINE: Pattern = pattern(
    r"^\s*(A/(?:[A-Z0-9.\-]+/)*[0-9]+/[A-Za-z0-9.\-/]*[A-Za-z0-9])\**\s*$",
    |s| {
        let i = skip_ws(s, 0);
        let end = s.trim_end().trim_end_matches('*').len();
        if end <= i {
            return None;
        }
        let core = &s[i..end];
        let rest = core.strip_prefix("A/")?;
        let ok_char = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/');
        if !rest.bytes().all(ok_char) || !rest.as_bytes().last()?.is_ascii_alphanumeric() {
            return None;
        }
        // Some `/` must end a run of digits that only upper-case segments precede, with text after.
        let seg_ok =
            |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-');
        let b = rest.as_bytes();
        let (mut seg_start, mut prefix_ok, mut found) = (0, true, false);
        for p in (0..b.len()).filter(|&p| b[p] == b'/') {
            let seg = &b[seg_start..p];
            if !seg.is_empty() && seg.iter().all(u8::is_ascii_digit) && prefix_ok && p + 1 < b.len()
            {
                found = true;
                break;
            }
            prefix_ok &= !seg.is_empty() && seg.iter().all(|&c| seg_ok(c));
            seg_start = p + 1;
        }
        found.then(|| Captures::new(s, 0..s.len()).with(1, Some(i..end)))
    },
);

/// A page counter `2/18`.
pub static PAGE_COUNTER: Pattern = pattern(r"^\s*[0-9]{1,3}/[0-9]{1,3}\s*$", |s| {
    let t = s.trim();
    let (a, b) = t.split_once('/')?;
    let ok = |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    (ok(a) && ok(b)).then(|| Captures::new(s, 0..s.len()))
});

/// A job number `24-24293`, `24-24293 (E)`, `25-16621 (E)    221025`.
pub static JOB_NUMBER: Pattern = pattern(
    r"^\s*[0-9]{2}-[0-9]{5}(?:\s*\([A-Z]\))?(?:\s+[0-9]{6})?\s*$",
    |s| {
        let i = skip_ws(s, 0);
        if run(s, i, 2, digit) != i + 2 || at(s, i + 2) != Some(b'-') {
            return None;
        }
        let mut j = i + 3;
        if run(s, j, 5, digit) != j + 5 {
            return None;
        }
        j += 5;
        let k = skip_ws(s, j);
        if at(s, k) == Some(b'(')
            && at(s, k + 1).is_some_and(|b| b.is_ascii_uppercase())
            && at(s, k + 2) == Some(b')')
        {
            j = k + 3;
        }
        let k = skip_ws(s, j);
        if k > j && run(s, k, 6, digit) == k + 6 {
            j = k + 6;
        }
        only_ws(s, j).then(|| Captures::new(s, 0..s.len()))
    },
);

/// A barcode line `*2424293*`.
pub static BARCODE: Pattern = pattern(r"^\s*\*[0-9]{5,}\*\s*$", |s| {
    let t = s.trim();
    let mid = t.strip_prefix('*')?.strip_suffix('*')?;
    (mid.len() >= 5 && mid.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Captures::new(s, 0..s.len()))
});

/// The footnote separator line.
pub static FN_SEPARATOR: Pattern = pattern(r"^\s*_{5,}\s*$", |s| {
    let t = s.trim();
    (t.len() >= 5 && t.bytes().all(|b| b == b'_')).then(|| Captures::new(s, 0..s.len()))
});

/// The start of a footnote: its number (or asterisks) and text.
pub static FN_START: Pattern = pattern(r"^\s*([0-9]{1,3}|\*{1,3})\s+(\S.*)$", |s| {
    let i = skip_ws(s, 0);
    let mut j = run(s, i, 3, digit);
    if j == i {
        j = run(s, i, 3, |b| b == b'*');
    }
    if j == i {
        return None;
    }
    let k = skip_ws(s, j);
    (k > j && k < s.len() && no_newline(s, k)).then(|| {
        Captures::new(s, 0..s.len())
            .with(1, Some(i..j))
            .with(2, Some(k..s.len()))
    })
});

/// An operative paragraph number at the start of a line (`12.` or `12. Requests`).
pub static OP_START: Pattern = pattern(r"^([0-9]{1,3})\.(?:\s+|$)", |s| {
    let j = run(s, 0, 3, digit);
    if j == 0 || at(s, j) != Some(b'.') {
        return None;
    }
    let k = skip_ws(s, j + 1);
    (k > j + 1 || j + 1 == s.len()).then(|| Captures::new(s, 0..k).with(1, Some(0..j)))
});

/// A paragraph number printed without its period (`26 Condemns …`).
pub static OP_NO_PERIOD: Pattern = pattern(r"^([0-9]{1,3})\s+([A-Z])", |s| {
    let j = run(s, 0, 3, digit);
    let k = skip_ws(s, j);
    (j > 0 && k > j && at(s, k).is_some_and(|b| b.is_ascii_uppercase())).then(|| {
        Captures::new(s, 0..k + 1)
            .with(1, Some(0..j))
            .with(2, Some(k..k + 1))
    })
});

/// A sub-paragraph label at the start (`(a)`, `(iv)`).
pub static SUB_START: Pattern = pattern(r"^\(([a-z]{1,4})\)(?:\s+|$)", |s| {
    if at(s, 0) != Some(b'(') {
        return None;
    }
    let j = run(s, 1, 4, |b| b.is_ascii_lowercase());
    if j == 1 || at(s, j) != Some(b')') {
        return None;
    }
    let k = skip_ws(s, j + 1);
    (k > j + 1 || j + 1 == s.len()).then(|| Captures::new(s, 0..k).with(1, Some(1..j)))
});

/// A roman or capital-letter section heading (`I.`, `II. Title`, `A. Title`).
pub static SECTION_START: Pattern = pattern(r"^(?:([IVX]{1,6})\.|([A-H])\.\s)\s*(.*)$", |s| {
    let j = run(s, 0, 6, roman);
    let (g1, g2, after) = if j > 0 && at(s, j) == Some(b'.') {
        (Some(0..j), None, j + 1)
    } else if at(s, 0).is_some_and(|b| (b'A'..=b'H').contains(&b))
        && at(s, 1) == Some(b'.')
        && s[2..].starts_with(char::is_whitespace)
    {
        let w = s[2..].chars().next().map_or(0, char::len_utf8);
        (None, Some(0..1), 2 + w)
    } else {
        return None;
    };
    let k = skip_ws(s, after);
    no_newline(s, k).then(|| {
        Captures::new(s, 0..s.len())
            .with(1, g1)
            .with(2, g2)
            .with(3, Some(k..s.len()))
    })
});

/// A roman numeral followed by a heading title without a period (`II Financial performance`).
pub static ROMAN_HEADING: Pattern =
    pattern(r"^([IVX]{1,6})\s*$|^([IVX]{1,6})\s+([A-Z][^.;]*)$", |s| {
        let j = run(s, 0, 6, roman);
        if j == 0 {
            return None;
        }
        if only_ws(s, j) {
            return Some(Captures::new(s, 0..s.len()).with(1, Some(0..j)));
        }
        let k = skip_ws(s, j);
        (k > j && at(s, k).is_some_and(|b| b.is_ascii_uppercase()) && !s[k..].contains(['.', ';']))
            .then(|| {
                Captures::new(s, 0..s.len())
                    .with(2, Some(0..j))
                    .with(3, Some(k..s.len()))
            })
    });

/// `Part IV International cooperation`, `Article 17`, `Rule 60 …`, `Section 10 …` headings.
pub static PART_START: Pattern = pattern(
    r"^((?:Part|Chapter|Article|Rule|Section|Regulation)\s+(?:[IVX]{1,6}|[A-Z]|[0-9]{1,3}))\.?(?:\s+(.*))?$",
    |s| {
        const KEYWORDS: [&str; 6] = [
            "Part",
            "Chapter",
            "Article",
            "Rule",
            "Section",
            "Regulation",
        ];
        let kw = KEYWORDS.iter().find(|k| s.starts_with(**k))?.len();
        let l = skip_ws(s, kw);
        if l == kw {
            return None;
        }
        // The label's alternatives in the order the expression tries them.
        let roman_end = run(s, l, 6, roman);
        let digit_end = run(s, l, 3, digit);
        let upper = at(s, l).is_some_and(|b| b.is_ascii_uppercase());
        let ends = (l + 1..=roman_end)
            .rev()
            .chain(upper.then_some(l + 1))
            .chain((l + 1..=digit_end).rev());
        for e in ends {
            let mut j = e;
            if at(s, j) == Some(b'.') {
                j += 1;
            }
            if j == s.len() {
                return Some(Captures::new(s, 0..s.len()).with(1, Some(0..e)));
            }
            let k = skip_ws(s, j);
            if k > j && no_newline(s, k) {
                return Some(
                    Captures::new(s, 0..s.len())
                        .with(1, Some(0..e))
                        .with(2, Some(k..s.len())),
                );
            }
        }
        None
    },
);

/// A line of separator asterisks (`* * *`).
pub static STARS: Pattern = pattern(r"^\s*(?:\*\s*){2,}$", |s| {
    let t = s.trim_start();
    (t.starts_with('*')
        && t.chars().all(|c| c == '*' || c.is_whitespace())
        && t.bytes().filter(|&b| b == b'*').count() >= 2)
        .then(|| Captures::new(s, 0..s.len()))
});

/// `Action 12. …` in the Pact for the Future.
pub static ACTION_START: Pattern = pattern(r"^((?:Action|Objective) [0-9]{1,3})\.\s*(.*)$", |s| {
    let kw = ["Action ", "Objective "]
        .iter()
        .find(|k| s.starts_with(**k))?
        .len();
    let j = run(s, kw, 3, digit);
    if j == kw || at(s, j) != Some(b'.') {
        return None;
    }
    let k = skip_ws(s, j + 1);
    no_newline(s, k).then(|| {
        Captures::new(s, 0..s.len())
            .with(1, Some(0..j))
            .with(2, Some(k..s.len()))
    })
});

/// An annex heading (`Annex`, `Annex II`, `Annex I Global Digital Compact`).
pub static ANNEX_START: Pattern = pattern(
    r"^(?:Annex|ANNEX)(?:\s+([IVX]{1,6}|[0-9]{1,2}))?\b\s*(.*)$",
    |s| {
        if !(s.starts_with("Annex") || s.starts_with("ANNEX")) {
            return None;
        }
        let tail = |label: Option<Range<usize>>, e: usize| {
            let k = skip_ws(s, e);
            (boundary(s, e) && no_newline(s, k)).then(|| {
                Captures::new(s, 0..s.len())
                    .with(1, label)
                    .with(2, Some(k..s.len()))
            })
        };
        let l = skip_ws(s, 5);
        if l > 5 {
            let roman_end = run(s, l, 6, roman);
            let digit_end = run(s, l, 2, digit);
            for e in (l + 1..=roman_end).rev().chain((l + 1..=digit_end).rev()) {
                if let Some(c) = tail(Some(l..e), e) {
                    return Some(c);
                }
            }
        }
        tail(None, 5)
    },
);

/// The closing plenary meeting line, possibly at the end of a paragraph, with an optional date.
pub static PLENARY: Pattern = pattern(
    r"(?:^|\s)([0-9]{1,3})(?:st|nd|rd|th)(?:\s+\(resumed\))? plenary meeting\s*(?:([0-9]{1,2} [A-Z][a-z]+ ?[0-9]{4})\s*)?$",
    |s| {
        // Anchored at the end: only the last ` plenary meeting` can be followed by what the
        // expression allows.
        let p = s.rfind(" plenary meeting")?;
        let after = p + " plenary meeting".len();
        let k = skip_ws(s, after);
        let date = if k == s.len() {
            None
        } else {
            let (g, e) = date_at(s, k, false)?;
            if !only_ws(s, e) {
                return None;
            }
            Some(g[0].start..g[2].end)
        };
        let mut b = &s[..p];
        if let Some(x) = b.strip_suffix("(resumed)") {
            let t = x.trim_end();
            if t.len() == x.len() {
                return None;
            }
            b = t;
        }
        let b = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suf| b.strip_suffix(*suf))?;
        let digits = b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 3 {
            return None;
        }
        let d0 = b.len() - digits;
        let start = match b[..d0].chars().next_back() {
            None => 0,
            Some(c) if c.is_whitespace() => d0 - c.len_utf8(),
            Some(_) => return None,
        };
        Some(
            Captures::new(s, start..s.len())
                .with(1, Some(d0..b.len()))
                .with(2, date),
        )
    },
);

/// A date on its own (`22 December 2011`).
pub static DATE_LINE: Pattern = pattern(r"^\s*([0-9]{1,2}) ([A-Z][a-z]+) ([0-9]{4})\s*$", |s| {
    let i = skip_ws(s, 0);
    let (g, e) = date_at(s, i, true)?;
    only_ws(s, e).then(|| {
        let [d, m, y] = g;
        Captures::new(s, 0..s.len())
            .with(1, Some(d))
            .with(2, Some(m))
            .with(3, Some(y))
    })
});

/// A date inside text.
pub static DATE_IN: Pattern = pattern(r"([0-9]{1,2}) ([A-Z][a-z]+) ?([0-9]{4})", |s| {
    s.bytes()
        .enumerate()
        .filter(|&(_, b)| b.is_ascii_digit())
        .find_map(|(i, _)| date_at(s, i, false).map(|(g, e)| (i, g, e)))
        .map(|(i, [d, m, y], e)| {
            Captures::new(s, i..e)
                .with(1, Some(d))
                .with(2, Some(m))
                .with(3, Some(y))
        })
});

/// The title line `66/184. Title`.
pub static TITLE_LINE: Pattern = pattern(r"^\s*([0-9]{1,3})/([0-9]{1,4})\s*\.\s*(\S.*)$", |s| {
    let i = skip_ws(s, 0);
    let j = run(s, i, 3, digit);
    if j == i || at(s, j) != Some(b'/') {
        return None;
    }
    let k = run(s, j + 1, 4, digit);
    if k == j + 1 {
        return None;
    }
    let d = skip_ws(s, k);
    if at(s, d) != Some(b'.') {
        return None;
    }
    let t = skip_ws(s, d + 1);
    (t < s.len() && no_newline(s, t)).then(|| {
        Captures::new(s, 0..s.len())
            .with(1, Some(i..j))
            .with(2, Some(j + 1..k))
            .with(3, Some(t..s.len()))
    })
});

/// The adoption line.
pub static ADOPTED: Pattern = pattern(
    r"(?:Resolution|Decision) adopted by the General Assembly\s+on\s+([0-9]{1,2} [A-Z][a-z]+ [0-9]{4})",
    |s| {
        const TAIL: &str = " adopted by the General Assembly";
        let mut from = 0;
        while let Some(p) = s[from..].find(TAIL).map(|p| p + from) {
            from = p + 1;
            let start = if s[..p].ends_with("Resolution") {
                p - "Resolution".len()
            } else if s[..p].ends_with("Decision") {
                p - "Decision".len()
            } else {
                continue;
            };
            let a = p + TAIL.len();
            let o = skip_ws(s, a);
            if o == a || !s[o..].starts_with("on") {
                continue;
            }
            let d = skip_ws(s, o + 2);
            if d == o + 2 {
                continue;
            }
            if let Some((g, e)) = date_at(s, d, true) {
                return Some(Captures::new(s, start..e).with(1, Some(g[0].start..g[2].end)));
            }
        }
        None
    },
);

/// The committee report reference `[on the report of the Second Committee (A/66/437)]`.
pub static REPORT: Pattern = pattern(
    r"\[on the reports? of the [^\]]*?\((A/[0-9]+/[A-Za-z0-9.\-/]+)",
    |s| {
        let mut from = 0;
        while let Some(p) = s[from..].find("[on the report").map(|p| p + from) {
            from = p + 1;
            let mut q = p + "[on the report".len();
            if at(s, q) == Some(b's') {
                q += 1;
            }
            if !s[q..].starts_with(" of the ") {
                continue;
            }
            q += " of the ".len();
            let stop = s[q..].find(']').map_or(s.len(), |k| q + k);
            let mut r = q;
            while let Some(o) = s[r..stop].find('(').map(|k| k + r) {
                r = o + 1;
                let a = o + 1;
                if !s[a..].starts_with("A/") {
                    continue;
                }
                let n = run(s, a + 2, usize::MAX, digit);
                if n == a + 2 || at(s, n) != Some(b'/') {
                    continue;
                }
                let e = run(s, n + 1, usize::MAX, |b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/')
                });
                if e > n + 1 {
                    return Some(Captures::new(s, p..e).with(1, Some(a..e)));
                }
            }
        }
        None
    },
);

/// The agenda item line.
pub static AGENDA: Pattern = pattern(r"^\s*Agenda items?\s+(.+?)\s*$", |s| {
    let i = skip_ws(s, 0);
    if !s[i..].starts_with("Agenda item") {
        return None;
    }
    let mut j = i + "Agenda item".len();
    if at(s, j) == Some(b's') {
        j += 1;
    }
    let k = skip_ws(s, j);
    if k == j {
        return None;
    }
    let g = if k < s.len() {
        lazy_rest(s, k)?
    } else {
        // All whitespace after `item`: the greedy `\s+` gives its last character to `.+?`.
        let c = s[j..].chars().next_back()?;
        let c0 = s.len() - c.len_utf8();
        if c0 == j || c == '\n' {
            return None;
        }
        c0..s.len()
    };
    Some(Captures::new(s, 0..s.len()).with(1, Some(g)))
});

/// A sponsors line ending in `draft resolution` / `draft decision`.
pub static SPONSORS: Pattern = pattern(
    r"^(.*?)\s*:\s*\**\s*[Dd]raft (resolution|decision)\s*$",
    |s| {
        // Only the last colon can be followed by what the expression allows.
        let c = s.rfind(':')?;
        let mut k = skip_ws(s, c + 1);
        k = run(s, k, usize::MAX, |b| b == b'*');
        k = skip_ws(s, k);
        let rest = s[k..]
            .strip_prefix("draft ")
            .or_else(|| s[k..].strip_prefix("Draft "))?;
        let w0 = s.len() - rest.len();
        let word = ["resolution", "decision"]
            .into_iter()
            .find(|w| rest.starts_with(w))?;
        if !only_ws(s, w0 + word.len()) {
            return None;
        }
        let g1_end = s[..c].trim_end().len();
        no_newline(&s[..g1_end], 0).then(|| {
            Captures::new(s, 0..s.len())
                .with(1, Some(0..g1_end))
                .with(2, Some(w0..w0 + word.len()))
        })
    },
);

/// `Draft resolution submitted by …`.
pub static SUBMITTED_BY: Pattern = pattern(
    r"^Draft (resolution|decision) submitted by (?:the )?(.+?)\s*$",
    |s| {
        let rest = s.strip_prefix("Draft ")?;
        let word = ["resolution", "decision"]
            .into_iter()
            .find(|w| rest.starts_with(w))?;
        let mut j = "Draft ".len() + word.len();
        j += s[j..]
            .strip_prefix(" submitted by ")
            .map(|_| " submitted by ".len())?;
        let g = match s[j..].strip_prefix("the ") {
            Some(_) => lazy_rest(s, j + 4).or_else(|| lazy_rest(s, j)),
            None => lazy_rest(s, j),
        }?;
        Some(
            Captures::new(s, 0..s.len())
                .with(1, Some(6..6 + word.len()))
                .with(2, Some(g)),
        )
    },
);

/// Session number from a symbol.
pub static SYMBOL_SESSION: Pattern = pattern(
    r"^A/(?:RES/|DEC/|C\.[0-9]/|ES-[0-9]+/|S-[0-9]+/)*([0-9]{1,3})/",
    |s| {
        let mut i = s.strip_prefix("A/").map(|_| 2)?;
        loop {
            let r = &s[i..];
            let committee = r.starts_with("C.")
                && at(s, i + 2).is_some_and(digit)
                && at(s, i + 3) == Some(b'/');
            let skip = if r.starts_with("RES/") || r.starts_with("DEC/") || committee {
                4
            } else if let Some(p) = ["ES-", "S-"].iter().find(|p| r.starts_with(**p)) {
                let d = run(s, i + p.len(), usize::MAX, digit);
                if d > i + p.len() && at(s, d) == Some(b'/') {
                    d + 1 - i
                } else {
                    0
                }
            } else {
                0
            };
            if skip == 0 {
                break;
            }
            i += skip;
        }
        let j = run(s, i, 3, digit);
        (j > i && at(s, j) == Some(b'/')).then(|| Captures::new(s, 0..j + 1).with(1, Some(i..j)))
    },
);

/// ODS export markers.
pub static ODS_SYMBOL: Pattern = pattern(r"<<ODS DOC SYMBOL1>>\s*([^<]+?)\s*<<", |s| {
    const MARK: &str = "<<ODS DOC SYMBOL1>>";
    let mut from = 0;
    while let Some(p) = s[from..].find(MARK).map(|p| p + from) {
        from = p + 1;
        let a = p + MARK.len();
        let k = skip_ws(s, a);
        let lt = s[k..].find('<').map(|x| x + k);
        let Some(lt) = lt.filter(|&lt| s[lt..].starts_with("<<")) else {
            continue;
        };
        let g_end = k + s[k..lt].trim_end().len();
        let g = if g_end > k {
            k..g_end
        } else if k > a {
            // All whitespace: the greedy `\s*` gives its last character to the group.
            let c = s[a..k].chars().next_back().map_or(1, char::len_utf8);
            k - c..k
        } else {
            continue;
        };
        return Some(Captures::new(s, p..lt + 2).with(1, Some(g)));
    }
    None
});

/// ODS leading bracket tags like `[DU1]`.
pub static ODS_TAG: Pattern = pattern(r"^\[[A-Z]{1,3}[0-9]*\]", |s| {
    if at(s, 0) != Some(b'[') {
        return None;
    }
    let j = run(s, 1, 3, |b| b.is_ascii_uppercase());
    let k = run(s, j, usize::MAX, digit);
    (j > 1 && at(s, k) == Some(b']')).then(|| Captures::new(s, 0..k + 1))
});

/// A footnote marked with asterisks at a page foot without a separator line (`* On behalf of …`).
pub static STAR_NOTE: Pattern = pattern(r"^\*{1,3}\s+[A-Z]", |s| {
    let j = run(s, 0, 3, |b| b == b'*');
    let k = skip_ws(s, j);
    (j > 0 && k > j && at(s, k).is_some_and(|b| b.is_ascii_uppercase()))
        .then(|| Captures::new(s, 0..k + 1))
});

/// Every pattern with its name, for the cross-check against the expressions.
#[cfg(test)]
pub static ALL: [(&str, &Pattern); 29] = [
    ("GA_LINE", &GA_LINE),
    ("SYMBOL_LINE", &SYMBOL_LINE),
    ("PAGE_COUNTER", &PAGE_COUNTER),
    ("JOB_NUMBER", &JOB_NUMBER),
    ("BARCODE", &BARCODE),
    ("FN_SEPARATOR", &FN_SEPARATOR),
    ("FN_START", &FN_START),
    ("OP_START", &OP_START),
    ("OP_NO_PERIOD", &OP_NO_PERIOD),
    ("SUB_START", &SUB_START),
    ("SECTION_START", &SECTION_START),
    ("ROMAN_HEADING", &ROMAN_HEADING),
    ("PART_START", &PART_START),
    ("STARS", &STARS),
    ("ACTION_START", &ACTION_START),
    ("ANNEX_START", &ANNEX_START),
    ("PLENARY", &PLENARY),
    ("DATE_LINE", &DATE_LINE),
    ("DATE_IN", &DATE_IN),
    ("TITLE_LINE", &TITLE_LINE),
    ("ADOPTED", &ADOPTED),
    ("REPORT", &REPORT),
    ("AGENDA", &AGENDA),
    ("SPONSORS", &SPONSORS),
    ("SUBMITTED_BY", &SUBMITTED_BY),
    ("SYMBOL_SESSION", &SYMBOL_SESSION),
    ("ODS_SYMBOL", &ODS_SYMBOL),
    ("ODS_TAG", &ODS_TAG),
    ("STAR_NOTE", &STAR_NOTE),
];

/// `line` without a leading ODS tag (`[DU1]`).
pub fn strip_ods_tag(line: &str) -> &str {
    match ODS_TAG.captures(line).and_then(|c| c.get(0)) {
        Some(m) => &line[m.end()..],
        None => line,
    }
}

/// Month name → number.
pub fn month_number(name: &str) -> Option<u32> {
    let l = name.to_lowercase();
    crate::vocab::MONTHS
        .iter()
        .position(|m| *m == l)
        .map(|i| i as u32 + 1)
}

/// `22 December 2011` → `2011-12-22`.
pub fn iso_date(text: &str) -> Option<String> {
    let c = DATE_IN.captures(text)?;
    let d: u32 = c.get(1)?.as_str().parse().ok()?;
    let m = month_number(c.get(2)?.as_str())?;
    let y: u32 = c.get(3)?.as_str().parse().ok()?;
    (1..=31)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_match() {
        assert!(GA_LINE.is_match("The General Assembly,  "));
        assert!(SYMBOL_LINE.is_match("A/RES/79/194 "));
        assert!(SYMBOL_LINE.is_match("A/C.2/80/L.17"));
        assert!(PAGE_COUNTER.is_match("2/18 "));
        assert!(JOB_NUMBER.is_match("25-16621 (E)    221025     "));
        assert!(BARCODE.is_match("*2424293* "));
        assert!(PLENARY.is_match("development”. 69th plenary meeting"));
        assert!(PLENARY.is_match("50th (resumed) plenary meeting 22 December 2023"));
        assert!(PLENARY.is_match("47th plenary meeting 4 December2024"));
        assert_eq!(iso_date("4 December2024").as_deref(), Some("2024-12-04"));
        assert!(ROMAN_HEADING.is_match("II"));
        assert!(ROMAN_HEADING.is_match("II Financial performance report for 2022"));
        assert!(!ROMAN_HEADING.is_match("I n v i t e s"));
        assert!(PART_START.is_match("Part IV International cooperation for development"));
        assert!(STARS.is_match("* * * "));
        assert!(PART_START.is_match("Article 17"));
        assert!(PART_START.is_match("Rule 60 Intergovernmental organizations"));
        assert_eq!(
            iso_date("on 22 December 2011").as_deref(),
            Some("2011-12-22")
        );
        assert!(ODS_SYMBOL.is_match("<<ODS DOC SYMBOL1>>A/RES/66/184<<ODS DOC SYMBOL1>>"));
        assert!(ANNEX_START.is_match("Annex II"));
        assert!(!ANNEX_START.is_match("Annexes"));
        assert!(SECTION_START.is_match("IV. Youth"));
        assert!(SPONSORS.is_match("Iraq:* draft resolution"));
        assert!(REPORT.is_match("[on the report of the Second Committee (A/79/434, para. 21)]"));
        assert!(!OP_START.is_match("2030 Agenda"));
        assert!(AGENDA.is_match("Agenda item 15 "));
        assert!(TITLE_LINE.is_match("66/184.\tInformation"));
        assert!(
            SUBMITTED_BY
                .is_match("Draft resolution submitted by the President of the General Assembly")
        );
        assert!(SYMBOL_SESSION.is_match("A/C.2/80/L.17"));
        assert!(ODS_TAG.is_match("[DU1]<<ODS"));
        assert!(ACTION_START.is_match("Action 1. We will"));
        assert!(FN_SEPARATOR.is_match("__________________ "));
        assert!(FN_START.is_match("1  Resolutions 56/183"));
        assert!(SUB_START.is_match("(iv) text"));
        assert!(DATE_LINE.is_match("19 December 2024 "));
    }
}

/// Each hand-written pattern against the expression it documents (compiled with `regex`, a
/// test-only dependency): same match or no match, same group offsets.
#[cfg(test)]
mod oracle {
    use super::{ALL, Captures};
    use proptest::prelude::*;

    /// The groups of a hand-written match as offsets.
    fn ours(c: Option<Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
        c.map(|c| {
            (0..4)
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
    }

    /// The groups of a `regex` match as offsets, padded to four.
    fn theirs(c: Option<regex::Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
        c.map(|c| {
            (0..4)
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
    }

    type Compiled = Vec<(&'static str, &'static super::Pattern, regex::Regex)>;

    /// The expressions, compiled once for all tests and proptest cases.
    static COMPILED: std::sync::LazyLock<Compiled> = std::sync::LazyLock::new(|| {
        ALL.iter()
            .map(|(name, p)| match regex::Regex::new(p.expression) {
                Ok(re) => (*name, *p, re),
                Err(e) => panic!("{name}: {e}"),
            })
            .collect()
    });

    struct Oracle {
        checked: usize,
    }

    impl Oracle {
        fn new() -> Self {
            Self { checked: 0 }
        }

        /// Panics with the pattern, the text and both answers on the first difference.
        fn check(&mut self, hay: &str) {
            for (name, p, re) in COMPILED.iter() {
                let a = ours(p.captures(hay));
                let b = theirs(re.captures(hay));
                assert_eq!(a, b, "{name} differs from {} on {hay:?}", p.expression);
                self.checked += 1;
            }
        }

        /// A text, its lines (raw, trimmed, whitespace collapsed) and its parsed paragraphs.
        fn check_document(&mut self, text: &str) {
            self.check(text);
            let collapsed = crate::parse::text::collapse_ws(text);
            self.check(&collapsed);
            for line in text.lines() {
                self.check(line);
                self.check(line.trim());
                self.check(&line.replace('\t', " "));
            }
            let r = crate::parse::parse(text);
            for p in &r.paragraphs {
                self.check(&p.text);
            }
        }
    }

    const EDGES: &[&str] = &[
        "",
        " ",
        "\n",
        "The General Assembly,",
        "  The General Assembly ,  ",
        "The General Assembly,,",
        "The General Assemblyx",
        "A/RES/79/194",
        "A/RES/79/194* ",
        "A/RES/79/194 *",
        "A/C.2/80/L.17",
        "A/79/",
        "A/79/a",
        "A/res/79/194",
        "A/ES-10/L.30/Rev.1",
        "A/RES/ES-11/1",
        "A/x/79/1",
        "A//79/1",
        "2/18",
        "2/1844",
        " 12/3 ",
        "24-24293",
        "24-24293(E)",
        "24-24293 (E)   221025",
        "24-24293 221025",
        "24-242931",
        "24-24293 2210255",
        "*2424293*",
        "*2424*",
        "_____",
        "____",
        "1  Resolutions 56/183",
        "1234 Resolutions",
        "*** Note",
        "**** Note",
        "1 ",
        "1 \nx",
        "1 x\ny",
        "12.",
        "12. Requests",
        "12.Requests",
        "1234. x",
        "26 Condemns",
        "26  condemns",
        "(a)",
        "(iv) text",
        "(abcde) text",
        "(a)text",
        "IV. Youth",
        "IV.",
        "IIIIIII. x",
        "A. Title",
        "A.Title",
        "I. a\nb",
        "H.\tx",
        "II",
        "II ",
        "II Financial performance report for 2022",
        "II Financial. performance",
        "I n v i t e s",
        "XIIIIII x",
        "Part IV International cooperation for development",
        "Part IVa",
        "Article 17",
        "Article 17.",
        "Article 1234",
        "Rule 60 Intergovernmental organizations",
        "Section A. x\ny",
        "Chapter II.  ",
        "Regulation 5.3",
        "* * * ",
        "*",
        "** x",
        "Action 1. We will",
        "Objective 12.",
        "Action 1234. x",
        "Annex",
        "Annex II",
        "Annexes",
        "Annex I Global Digital Compact",
        "Annex Implementation plan",
        "Annex 12b",
        "Annex IV.",
        "ANNEX\tIII",
        "Annex VIIIIII x",
        "development”. 69th plenary meeting",
        "50th (resumed) plenary meeting 22 December 2023",
        "47th plenary meeting 4 December2024",
        "1234th plenary meeting",
        "x69th plenary meeting",
        "69th plenary meeting x",
        "69th plenary meeting\n",
        "69th(resumed) plenary meeting",
        "69th plenary meeting 122 December 2023",
        "the 5th plenary meeting and the 69th plenary meeting",
        "19 December 2024 ",
        "19 December  2024",
        "119 December 2024",
        "on 22 December 2011",
        "2023 15 March 2024",
        "115 March 20245",
        "5 march 2024 and 6 May2025",
        "66/184.\tInformation",
        "66/184 . x",
        "1234/1. x",
        "66/18444. x",
        "66/184.",
        "Resolution adopted by the General Assembly on 19 December 2024",
        "Decision adopted by the General Assembly\non\n5 May 2020",
        "Resolution adopted by the General Assembly on 123 May 2020 Resolution adopted by the General Assembly on 1 May 2020",
        "[on the report of the Second Committee (A/79/434, para. 21)]",
        "[on the reports of the Committee (see) (A/79/434)]",
        "[on the report of the Committee] (A/79/434)",
        "[on the reportx of the (A/1/x)",
        "Agenda item 15 ",
        "Agenda items 15 and 16",
        "Agenda item  ",
        "Agenda item \n",
        "Agenda item 15\n16",
        "Iraq:* draft resolution",
        "A: b: Draft decision ",
        "A\nB: draft resolution",
        "A: draft resolutions",
        "Draft resolution submitted by the President of the General Assembly",
        "Draft decision submitted by the ",
        "Draft decision submitted by ",
        "Draft resolution submitted by x\ny",
        "A/C.2/80/L.17",
        "A/ES-10/80/1",
        "A/S-27/5/x",
        "A/RES/1234/1",
        "<<ODS DOC SYMBOL1>>A/RES/66/184<<ODS DOC SYMBOL1>>",
        "<<ODS DOC SYMBOL1>>  <<",
        "<<ODS DOC SYMBOL1>> x<y <<ODS DOC SYMBOL1>> A/1 <<",
        "[DU1]<<ODS",
        "[ABCD]",
        "[A]",
        "[]",
    ];

    #[test]
    fn edge_cases_match_the_expressions() {
        let mut o = Oracle::new();
        for e in EDGES {
            o.check(e);
        }
    }

    #[test]
    fn sample_and_corpus_texts_match_the_expressions() {
        let mut o = Oracle::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        for name in ["A_RES_65_141.txt", "A_RES_66_184.txt"] {
            let text = std::fs::read_to_string(root.join(name)).unwrap_or_default();
            assert!(!text.is_empty(), "sample {name} missing");
            o.check_document(&text);
        }
        let Some(corpus) = crate::corpus::dir_or_skip("pattern oracle over the corpus") else {
            return;
        };
        let files = crate::corpus::text_files(&corpus).unwrap_or_default();
        assert!(files.len() >= 600, "corpus texts: {}", files.len());
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            o.check_document(&text);
        }
        assert!(o.checked > 1_000_000, "{} checks", o.checked);
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "0",
            "1",
            "12",
            "123",
            "2024",
            "/",
            ".",
            ",",
            ";",
            ":",
            "*",
            "-",
            "_",
            "(",
            ")",
            "[",
            "]",
            "<",
            "<<",
            ">>",
            "A",
            "A/",
            "RES/",
            "C.2/",
            "ES-",
            "S-",
            "L.",
            "I",
            "V",
            "X",
            "II",
            "E",
            "a",
            "x",
            "é",
            "st",
            "th",
            "Annex",
            "ANNEX",
            "Part",
            "Article",
            "Action",
            "Objective",
            "December",
            "May",
            "The General Assembly",
            " plenary meeting",
            "(resumed)",
            "Resolution",
            "Decision",
            " adopted by the General Assembly",
            "on",
            "[on the report",
            "s",
            " of the ",
            "Agenda item",
            "draft resolution",
            "Draft ",
            "decision",
            " submitted by ",
            "the ",
            "<<ODS DOC SYMBOL1>>",
            "[DU1]",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, .. ProptestConfig::default() })]
        #[test]
        fn random_texts_match_the_expressions(parts in proptest::collection::vec(piece(), 0..14)) {
            let mut o = Oracle::new();
            o.check(&parts.concat());
        }
    }
}
