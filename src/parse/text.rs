//! Small text helpers shared by the parser stages: line joining with the hyphen rule, whitespace
//! collapsing, and a vocabulary of the words a document attests.

use std::collections::HashSet;

use crate::fxhash::FxMap;

/// The words a document attests, consulted to decide whether a line-end hyphen is a real one.
///
/// Words are the runs of letters, digits and inner hyphens of each line (a word cut by a
/// line-end hyphen is not counted). A document asks few questions (13 for A/RES/79/194, whose
/// 64 KB hold 9,000 words), so the first [`SCAN_LOOKUPS`] are answered by searching the text
/// for the word; only a document that asks more gets the table of all its words, built once.
/// Both ways give the same counts (`scan_agrees_with_the_table_on_the_corpus`).
#[derive(Debug, Default)]
pub struct Vocabulary<'a> {
    text: &'a str,
    words: std::cell::OnceCell<FxMap<&'a str, usize>>,
    /// The same words lower-cased, built only when a case-blind lookup is asked for.
    folded: std::cell::OnceCell<HashSet<String>>,
    /// Lookups answered by a search so far.
    scans: std::cell::Cell<usize>,
}

/// Lookups a [`Vocabulary`] answers by searching its text before it builds its table. A/RES/79/194
/// asks 13 questions (each in up to three spellings): 0.86 million instructions searched, against
/// 3.7 million to build the table (callgrind).
const SCAN_LOOKUPS: usize = 64;

/// A character of a word run: a letter, a digit or a hyphen.
fn is_word_char(c: char) -> bool {
    c == '-' || c.is_alphanumeric()
}

impl<'a> Vocabulary<'a> {
    /// Use `text` (the whole document) as the vocabulary.
    pub fn from_text(text: &'a str) -> Self {
        Self {
            text,
            words: std::cell::OnceCell::new(),
            folded: std::cell::OnceCell::new(),
            scans: std::cell::Cell::new(0),
        }
    }

    /// How often `key` occurs as a word: from the table when it exists, else by a search.
    fn occurrences(&self, key: &str) -> usize {
        if self.words.get().is_none() && self.scans.get() < SCAN_LOOKUPS {
            self.scans.set(self.scans.get() + 1);
            return self.scan(key);
        }
        self.words().get(key).copied().unwrap_or(0)
    }

    /// What the table would say for `key`, found by searching the text: the word runs (maximal
    /// runs of letters, digits and hyphens) that are `key` once their edge hyphens are trimmed,
    /// except a run that ends a line with a hyphen.
    fn scan(&self, key: &str) -> usize {
        if key.len() <= 1 || key.starts_with('-') || key.ends_with('-') {
            return 0;
        }
        if !key.chars().all(is_word_char) {
            return 0;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let mut n = 0;
        for start in memchr::memmem::find_iter(bytes, key.as_bytes()) {
            let end = start + key.len();
            let mut left = start;
            while left > 0 && bytes.get(left - 1) == Some(&b'-') {
                left -= 1;
            }
            let mut right = end;
            while bytes.get(right) == Some(&b'-') {
                right += 1;
            }
            let (Some(before), Some(after)) = (text.get(..left), text.get(right..)) else {
                continue;
            };
            // The run must be the whole run, not part of a longer word.
            if before.chars().next_back().is_some_and(is_word_char)
                || after.chars().next().is_some_and(is_word_char)
            {
                continue;
            }
            // A run ending in a hyphen with no other run after it on its line is a cut word.
            if right > end {
                let line = after.split('\n').next().unwrap_or_default();
                if !line.chars().any(is_word_char) {
                    continue;
                }
            }
            n += 1;
        }
        n
    }

    fn words(&self) -> &FxMap<&'a str, usize> {
        self.words.get_or_init(|| {
            let mut set = FxMap::with_capacity_and_hasher(self.text.len() / 16, Default::default());
            for line in self.text.lines() {
                let mut pending: Option<&'a str> = None;
                let mut count = |t: &'a str, last: bool| {
                    if last && t.ends_with('-') {
                        return;
                    }
                    let t = t.trim_matches('-');
                    if t.len() > 1 {
                        *set.entry(t).or_insert(0) += 1;
                    }
                };
                for t in word_runs(line) {
                    if let Some(p) = pending.replace(t) {
                        count(p, false);
                    }
                }
                if let Some(p) = pending {
                    count(p, true);
                }
            }
            set
        })
    }

    /// Whether `w` occurs as a word (also with its first letter in the other case).
    fn has(&self, w: &str) -> bool {
        self.count(w) > 0
    }

    /// Whether `w` occurs as a word in any case (`non-proliferation` for `Non-Proliferation`).
    fn has_folded(&self, w: &str) -> bool {
        self.folded
            .get_or_init(|| self.words().keys().map(|k| k.to_lowercase()).collect())
            .contains(&w.to_lowercase())
    }

    /// How often `w` occurs as a word (also with its first letter in the other case).
    fn count(&self, w: &str) -> usize {
        let exact = self.occurrences(w);
        let mut cs = w.chars();
        let Some(first) = cs.next() else {
            return 0;
        };
        let rest = cs.as_str();
        let lower = format!("{}{rest}", first.to_lowercase());
        let upper = format!("{}{rest}", first.to_uppercase());
        let other = [lower, upper]
            .iter()
            .filter(|o| o.as_str() != w)
            .map(|o| self.occurrences(o))
            .sum::<usize>();
        exact + other
    }
}

/// The maximal runs of letters, digits and hyphens of `line` (what splitting at every other
/// character and dropping the empty pieces gives), scanned byte by byte with a fast path for ASCII.
fn word_runs(line: &str) -> impl Iterator<Item = &str> {
    let b = line.as_bytes();
    let mut i = 0;
    // Length of the word character at `i`, or `None` for a separator (and its length).
    let class = move |i: usize| -> (bool, usize) {
        match b[i] {
            c if c < 0x80 => (c.is_ascii_alphanumeric() || c == b'-', 1),
            _ => match line[i..].chars().next() {
                Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                None => (false, 1),
            },
        }
    };
    std::iter::from_fn(move || {
        while i < b.len() {
            let (word, len) = class(i);
            if word {
                break;
            }
            i += len;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() {
            let (word, len) = class(i);
            if !word {
                break;
            }
            i += len;
        }
        Some(&line[start..i])
    })
}

/// What to do with a hyphen that ends a line, between the word fragments `first` and `second`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HyphenJoin {
    /// A real hyphen: `multi-` + `stakeholder` → `multi-stakeholder`.
    Keep,
    /// A line-break artefact: `imple-` + `mentation` → `implementation`.
    Drop,
    /// A suspended hyphen before a conjunction: `low-` + `and` → `low- and`.
    KeepSpaced,
}

/// Decide what a hyphen ending a line between `first` and `second` is.
///
/// Rule, in order (measured on the corpus: of 1,556 line-end hyphens in the 669 official PDF
/// texts none splits a word inside a syllable — UN documents break lines only at existing
/// hyphens):
/// 1. the second part is a conjunction (`and`, `or`, `nor`, `to`) → suspended hyphen, kept with
///    its space (`low- and middle-income`);
/// 2. the first part ends with a digit → keep (`COVID-19-related`, `18-month`,
///    `WT/MIN(15)/48-WT/L/982`: a hyphen after a number never breaks a word);
/// 3. the hyphenated form occurs elsewhere in the document → keep;
/// 4. the closed form occurs elsewhere in the document (and the hyphenated one does not) → the
///    hyphen was a line-break artefact → drop;
/// 5. otherwise keep (`multi-stakeholder`, `South-South`, `people-centred`, `non-binding`).
///
/// [`attested_compound`] says whether a kept hyphen is also attested (rules 2 and 3, the
/// hyphenated form in the document in another case, or a compound of UN usage).
pub fn hyphen_join(first: &str, second: &str, vocab: &Vocabulary) -> HyphenJoin {
    if matches!(second, "and" | "or" | "nor" | "to") {
        return HyphenJoin::KeepSpaced;
    }
    if first.is_empty()
        || second.is_empty()
        || first.ends_with(|c: char| c.is_ascii_digit())
        || vocab.has(&format!("{first}-{second}"))
    {
        return HyphenJoin::Keep;
    }
    if vocab.has(&format!("{first}{second}")) {
        return HyphenJoin::Drop;
    }
    HyphenJoin::Keep
}

/// Whether `first-second` is a hyphenated word the reader can vouch for: the first part ends with
/// a digit (`COVID-19-related`), or the hyphenated form is one of the document's own words (in
/// any case: `non-proliferation` vouches for `Non-Proliferation`), or a compound of UN usage
/// ([`crate::vocab::HYPHENATED_COMPOUNDS`]). A hyphen followed by a space inside a line
/// (`Non- Proliferation`) is closed up only when it is.
pub fn attested_compound(first: &str, second: &str, vocab: &Vocabulary) -> bool {
    if first.is_empty() || second.is_empty() {
        return false;
    }
    if first.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let hyphenated = format!("{first}-{second}");
    vocab.has(&hyphenated)
        || vocab.has_folded(&hyphenated)
        || crate::vocab::HYPHENATED_COMPOUNDS
            .binary_search(&hyphenated.to_lowercase().as_str())
            .is_ok()
}

/// True when the line-end hyphen between `first` and `second` is kept (see [`hyphen_join`]).
pub fn keep_hyphen(first: &str, second: &str, vocab: &Vocabulary) -> bool {
    hyphen_join(first, second, vocab) != HyphenJoin::Drop
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
            // A word, or a number (`COVID-19-` / `related`, `18-` / `month`).
            let first_is_word = first.chars().last().is_some_and(char::is_alphanumeric);
            if first_is_word && second.chars().next().is_some_and(char::is_alphanumeric) {
                match hyphen_join(&first, &second, vocab) {
                    HyphenJoin::Drop => {
                        out.pop();
                    }
                    HyphenJoin::Keep => {}
                    HyphenJoin::KeepSpaced => out.push(' '),
                }
                out.push_str(line);
                continue;
            }
        }
        // A range broken after its dash (`2015–` / `2030`) is one token.
        if out.ends_with('–')
            && out[..out.len() - '–'.len_utf8()].ends_with(|c: char| c.is_ascii_digit())
            && line.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push_str(line);
            continue;
        }
        out.push(' ');
        out.push_str(line);
    }
    out
}

/// Repair words the text layer broke inside a line, in a paragraph text whose footnote
/// references sit at `offsets` (moved with the edits):
/// - `Non- Proliferation`, `self- determination`: a hyphen followed by a space is closed up when
///   the hyphenated word is attested ([`attested_compound`]: the document writes it elsewhere,
///   in any case, or it is a compound of UN usage), or dropped when the document writes the
///   closed word; a suspended hyphen (`low- and`) and anything else is kept;
/// - `2022– 2025`: a range with a space after its dash only is closed up;
/// - `a nd` (a footnote mark printed inside `and`): two pieces around a reference mark are joined
///   when the joined word occurs in the document and one of the pieces occurs nowhere else.
pub fn rejoin_split_words(text: &mut String, offsets: &mut [usize], vocab: &Vocabulary) {
    let word_back = |s: &str| -> usize {
        s.char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
            .last()
            .map_or(s.len(), |(i, _)| i)
    };
    let word_len = |s: &str| -> usize {
        s.char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(s.len(), |(i, _)| i)
    };
    // Hyphen + space.
    let mut from = 0;
    while let Some(k) = text[from..].find("- ").map(|k| k + from) {
        from = k + 2;
        let first_start = word_back(&text[..k]);
        let first = &text[first_start..k];
        let second = &text[k + 2..k + 2 + word_len(&text[k + 2..])];
        if !first.ends_with(char::is_alphabetic) || second.is_empty() {
            continue;
        }
        let cut = match hyphen_join(first, second, vocab) {
            HyphenJoin::Keep if attested_compound(first, second, vocab) => k + 1..k + 2,
            HyphenJoin::Drop => k..k + 2,
            _ => continue,
        };
        let n = cut.len();
        text.replace_range(cut.clone(), "");
        for o in offsets.iter_mut() {
            if *o >= cut.end {
                *o -= n;
            } else if *o > cut.start {
                *o = cut.start;
            }
        }
        from = cut.start;
    }
    // A range whose dash the text layer followed by a space (`2022– 2025`; print has no
    // space on either side, `3 – 14 June` keeps both).
    let mut from = 0;
    while let Some(k) = text[from..].find("– ").map(|k| k + from) {
        let space = k + '–'.len_utf8();
        from = space + 1;
        if text[..k].ends_with(|c: char| c.is_ascii_digit())
            && text[space + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            text.remove(space);
            for o in offsets.iter_mut() {
                if *o > space {
                    *o -= 1;
                }
            }
            from = space;
        }
    }
    close_joint_symbols(text, offsets);
    // A letter-spaced first word (`I n v i t e s` in 79/172 OP45: the text layer kept the
    // spacing of a spaced-out lead word) whose letters, joined, are one of the document's own
    // words. Only at the start of the paragraph, where its lead is read.
    if let Some(end) = letter_spaced_start(text) {
        let joined: String = text[..end].split(' ').collect();
        if vocab.count(&joined) > 0 {
            let spaces: Vec<usize> = (0..end)
                .filter(|&i| text.as_bytes().get(i) == Some(&b' '))
                .collect();
            for &sp in spaces.iter().rev() {
                text.remove(sp);
                for o in offsets.iter_mut() {
                    if *o > sp {
                        *o -= 1;
                    }
                }
            }
        }
    }
    // Pieces around a reference mark.
    let mut marks: Vec<usize> = offsets.to_vec();
    marks.sort_unstable();
    marks.dedup();
    for &m in marks.iter().rev() {
        if m > text.len() || !text.is_char_boundary(m) || !text[m..].starts_with(' ') {
            continue;
        }
        let a_start = word_back(&text[..m]);
        let a = &text[a_start..m];
        let b = &text[m + 1..m + 1 + word_len(&text[m + 1..])];
        if a.is_empty() || b.is_empty() || a.contains('-') {
            continue;
        }
        let joined = format!("{a}{b}");
        let stray = |w: &str| vocab.count(w) <= 1 && w.chars().all(|c| c.is_lowercase());
        if vocab.count(&joined) >= 1 && (stray(a) || stray(b)) {
            text.remove(m);
            for o in offsets.iter_mut() {
                if *o > m {
                    *o -= 1;
                }
            }
        }
    }
}

/// Closes up a joint document symbol that the text layer broke after its hyphen
/// (`A/77/69/Add.1- E/2022/47/Add.1` in a note of 79/226 → `A/77/69/Add.1-E/2022/47/Add.1`): a
/// `- ` between a word holding a `/` and a word that starts with a capital and holds a `/`.
/// Byte offsets after the removed space move back by one.
pub fn close_joint_symbols(text: &mut String, offsets: &mut [usize]) {
    let mut from = 0;
    // `find('-')` runs on memchr; most hyphens are inside words.
    while let Some(k) = text.get(from..).and_then(|t| t.find('-')).map(|k| k + from) {
        from = k + 1;
        if text.as_bytes().get(k + 1) != Some(&b' ') {
            continue;
        }
        from = k + 2;
        let before = text[..k]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let after = text[k + 2..]
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .next()
            .unwrap_or_default();
        if before.contains('/')
            && after.starts_with(|c: char| c.is_ascii_uppercase())
            && after.contains('/')
        {
            text.remove(k + 1);
            for o in offsets.iter_mut() {
                if *o > k + 1 {
                    *o -= 1;
                }
            }
            from = k + 1;
        }
    }
}

/// The end of a run of at least four single ASCII letters separated by single spaces (`I n v i
/// t e s`) at the start of `s`, each standing as a word of its own.
fn letter_spaced_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let word_char = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    // A single letter at `i`: a letter with no word character after it.
    let single = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic) && !word_char(i + 1);
    if !single(0) {
        return None;
    }
    let (mut end, mut letters) = (1, 1);
    while b.get(end) == Some(&b' ') && single(end + 1) {
        end += 2;
        letters += 1;
    }
    (letters >= 4).then_some(end)
}

/// Collapse whitespace runs like [`collapse_ws`] and move byte offsets (sorted or not) into the
/// collapsed text.
pub fn collapse_with_offsets(s: &str, offsets: &mut [usize]) -> String {
    // Fast path: already collapsed (the common case outside PDF text).
    let clean = !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s.contains("  ")
        && !s.contains(['\n', '\t', '\r'])
        && !s.chars().any(|c| !c.is_ascii() && c.is_whitespace());
    if clean {
        return s.to_string();
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&k| offsets[k]);
    let mut next = 0usize;
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for (i, c) in s.char_indices() {
        // Offsets at or before this input position map to the current output end, plus the
        // pending space when this char is a word char.
        while let Some(&k) = order.get(next) {
            if offsets[k] > i {
                break;
            }
            offsets[k] = out.len() + usize::from(space && !out.is_empty() && !c.is_whitespace());
            next += 1;
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
    for &k in order.iter().skip(next) {
        offsets[k] = out.len();
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

    /// The questions a document may ask its vocabulary: every word run of `text` with its edge
    /// hyphens trimmed (every one ending a line with a hyphen, every fifth other one), the same
    /// with the first letter in the other case, and the joins of a line's last run with the next
    /// line's first (what the hyphen rule asks).
    fn questions(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let runs: Vec<&str> = word_runs(line).collect();
            for (k, run) in runs.iter().enumerate() {
                let last = k + 1 == runs.len();
                if (last && run.ends_with('-')) || k % 5 == 0 {
                    let t = run.trim_matches('-').to_string();
                    let mut cs = t.chars();
                    if let Some(c) = cs.next() {
                        out.push(format!("{}{}", c.to_uppercase(), cs.as_str()));
                        out.push(format!("{}{}", c.to_lowercase(), cs.as_str()));
                    }
                    out.push(t);
                }
            }
            if let (Some(end), Some(next)) = (
                runs.last(),
                lines.get(i + 1).and_then(|l| word_runs(l).next()),
            ) {
                let stem = end.trim_end_matches('-');
                out.push(format!("{stem}{next}"));
                out.push(format!("{stem}-{next}"));
            }
        }
        out.extend(["-", "a", "--x", "x--", "a b", "ab-", ""].map(String::from));
        out
    }

    fn scan_agrees_with_table(text: &str) -> usize {
        let v = Vocabulary::from_text(text);
        let mut asked = 0;
        for q in questions(text) {
            let table = v.words().get(q.as_str()).copied().unwrap_or(0);
            assert_eq!(v.scan(&q), table, "{q:?}");
            asked += 1;
        }
        asked
    }

    #[test]
    fn scan_agrees_with_the_table_on_edge_cases() {
        let text = "multi-\nstakeholder multi-stakeholder --multi-- Multi\nnon-\n\
                    proliferation, semi- and full-time; re-\r\nport report-\nreports\n\
                    ab-- -\nab--\nab -- cd\nab\u{e9}t \u{e9}t\u{e9} x-x x";
        assert!(scan_agrees_with_table(text) > 20);
        let v = Vocabulary::from_text(text);
        // `multi-` ending a line is a cut word, `multi-stakeholder` and `Multi` are other words:
        // only `--multi--` counts.
        assert_eq!(v.scan("multi"), 1);
        assert_eq!(v.scan("multi-stakeholder"), 1);
        // `ab--` ending a line is not counted; `ab-- -` (another run follows) and `ab -- cd`
        // are, `ab\u{e9}t` is another word.
        assert_eq!(v.scan("ab"), 2);
    }

    #[test]
    fn scan_agrees_with_the_table_on_the_corpus() {
        let Some(corpus) = crate::corpus::dir_or_skip("vocabulary scan against its table") else {
            return;
        };
        let files = crate::corpus::text_files(&corpus).unwrap_or_default();
        assert!(files.len() > 600, "corpus texts: {}", files.len());
        let mut asked = 0;
        for f in files.iter().step_by(3) {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            asked += scan_agrees_with_table(&text);
        }
        assert!(asked > 100_000, "questions asked: {asked}");
    }

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
    fn joint_symbol_broken_after_its_hyphen_is_closed_up() {
        let close = |t: &str, offs: &[usize]| {
            let mut text = t.to_string();
            let mut offs = offs.to_vec();
            close_joint_symbols(&mut text, &mut offs);
            (text, offs)
        };
        assert_eq!(
            close(
                "A/77/69-E/2022/47, A/77/69/Add.1- E/2022/47/Add.1, A/78/72",
                &[50]
            ),
            (
                "A/77/69-E/2022/47, A/77/69/Add.1-E/2022/47/Add.1, A/78/72".to_string(),
                vec![49]
            )
        );
        // Not symbols on both sides: kept as printed.
        assert_eq!(
            close("low- and middle-income", &[]).0,
            "low- and middle-income"
        );
        assert_eq!(close("A/78/72- see E/2023", &[]).0, "A/78/72- see E/2023");
        assert_eq!(close("pre- E/2023/1", &[]).0, "pre- E/2023/1");
    }

    #[test]
    fn letter_spaced_word_is_joined_when_the_document_has_it() {
        let doc = "I n v i t e s the holders\n7. Invites the Office\n(a) b c d e";
        let v = Vocabulary::from_text(doc);
        let run = |t: &str, offs: &[usize]| {
            let mut text = t.to_string();
            let mut offs = offs.to_vec();
            rejoin_split_words(&mut text, &mut offs, &v);
            (text, offs)
        };
        // The mark after `holders` moves back by the six spaces taken out.
        assert_eq!(
            run("I n v i t e s the holders, and", &[25]),
            ("Invites the holders, and".to_string(), vec![19])
        );
        // Letters that join into no word of the document stay as printed, as do runs of three.
        assert_eq!(run("b c d e f", &[]).0, "b c d e f");
        // A run joins only as a whole: `xInvites` is no word of the document.
        assert_eq!(run("x I n v i t e s", &[]).0, "x I n v i t e s");
        assert_eq!(run("N o t e", &[]).0, "N o t e");
        // Only at the start of the paragraph.
        assert_eq!(run("so I n v i t e s", &[]).0, "so I n v i t e s");
        assert_eq!(letter_spaced_start("I n v i t e s the"), Some(13));
        assert_eq!(letter_spaced_start("a b c"), None);
        assert_eq!(letter_spaced_start("ab c d e f"), None);
    }

    #[test]
    fn hyphen_rule() {
        let v = Vocabulary::from_text(
            "people-centred approach\nGovernments act\ngender-\nresponsive\n",
        );
        assert!(keep_hyphen("people", "centred", &v));
        assert!(!keep_hyphen("Gov", "ernments", &v));
        assert!(keep_hyphen("South", "South", &v));
        assert!(keep_hyphen("multi", "stakeholder", &v));
        assert!(keep_hyphen("gender", "responsive", &v));
        assert_eq!(hyphen_join("low", "and", &v), HyphenJoin::KeepSpaced);
        assert_eq!(hyphen_join("COVID-19", "related", &v), HyphenJoin::Keep);
        assert_eq!(hyphen_join("COVID-19", "and", &v), HyphenJoin::KeepSpaced);
        assert_eq!(
            join_lines(
                &[
                    "a multi-",
                    "stakeholder and Gov-",
                    "ernments  x, low-",
                    "and middle-income"
                ],
                &v
            ),
            "a multi-stakeholder and Governments x, low- and middle-income"
        );
        // A hyphen after a number is kept without a space.
        assert_eq!(
            join_lines(
                &[
                    "Countering COVID-19-",
                    "related Hate Speech, an 18-",
                    "month"
                ],
                &v
            ),
            "Countering COVID-19-related Hate Speech, an 18-month"
        );
    }

    #[test]
    fn hyphen_and_space_closed_up_only_when_attested() {
        let rejoin = |text: &str, doc: &str| {
            let v = Vocabulary::from_text(doc);
            let mut t = text.to_string();
            let mut offsets = [t.len()];
            rejoin_split_words(&mut t, &mut offsets, &v);
            assert_eq!(offsets[0], t.len(), "{text}");
            t
        };
        // The document's own word, in another case.
        assert_eq!(
            rejoin(
                "the Treaty on the Non- Proliferation",
                "non-proliferation efforts"
            ),
            "the Treaty on the Non-Proliferation"
        );
        // Not in the document: a compound of UN usage.
        assert_eq!(
            rejoin("including non- governmental organizations", "nothing"),
            "including non-governmental organizations"
        );
        assert_eq!(
            rejoin("in this regard re- emphasizes", ""),
            "in this regard re-emphasizes"
        );
        // The closed form in the document wins.
        assert_eq!(
            rejoin(
                "including non- governmental organizations",
                "nongovernmental"
            ),
            "including nongovernmental organizations"
        );
        // Suspended hyphens and unattested words are kept as printed.
        assert_eq!(rejoin("pre- and post-session", ""), "pre- and post-session");
        assert_eq!(rejoin("medium- and long-term", ""), "medium- and long-term");
        assert_eq!(
            rejoin("the quasi- judicial body", ""),
            "the quasi- judicial body"
        );
    }

    #[test]
    fn compound_list_is_sorted_lower_case_and_hyphenated() {
        let list = crate::vocab::HYPHENATED_COMPOUNDS;
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(list.iter().all(|w| w.matches('-').count() == 1
            && !w.starts_with('-')
            && !w.ends_with('-')
            && w.chars().all(|c| c == '-' || c.is_ascii_lowercase())));
    }
}
