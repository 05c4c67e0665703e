//! No link without evidence: a 1–1 link whose two texts share little is kept only with a named
//! structural reason ([`LinkReason`]); otherwise both sides are reported removed and added.
//!
//! "Share little" is the word similarity of the word diff (the `similarity` of the compare JSON:
//! twice the words kept equal over the words of both sides) below [`SIMILARITY_FLOOR`]. A link
//! that is also *moved* (out of the in-order run) claims more — that a paragraph travelled — so
//! below [`MOVE_FLOOR`] it is kept only with a reason found in the two texts themselves
//! ([`LinkReason::is_textual`]: one names the other, both recall the same instrument, both hold
//! a phrase no other paragraph holds); a neighbourhood or lead-phrase reason does not carry a
//! move (see [`vet_moves`]). Links
//! whose normalised texts have a cosine of at least [`COSINE_CLEAR`] are never weak in practice
//! and are not re-diffed, which keeps the check cheap; the corpus test
//! `tests/align_evidence.rs` checks over every series pair that no weak link slips through.

use std::collections::HashSet;

use super::alignment::LinkReason;
use super::split::Group;
use crate::model::Paragraph;

/// Word similarity under which a 1–1 modified or moved link needs a structural reason.
pub const SIMILARITY_FLOOR: f64 = 0.2;

/// Word similarity under which a 1–1 *moved* link needs a textual reason
/// ([`LinkReason::is_textual`]); without one both sides are reported removed and added.
///
/// Measured on the 178 series pairs of the corpus when introduced: the one moved link it took
/// out was A/RES/78/238 OP10 (the Secretary-General's assistance to the 2024–2028 working group)
/// → A/RES/79/21 OP9 (the report of the group of governmental experts transmitted to other
/// bodies), similarity 0.31, which the hand-made gold (`tests/gold/78_238__79_21.tsv`) has as
/// removed and added.
pub const MOVE_FLOOR: f64 = 0.4;

/// Cosine of the normalised texts from which a link is taken to share enough words without
/// running the word diff.
const COSINE_CLEAR: f64 = 0.6;

/// Words that never make a subject.
const STOP: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "on",
    "its",
    "their",
    "for",
    "all",
    "with",
    "by",
    "that",
    "as",
    "at",
    "this",
    "these",
    "which",
    "from",
    "also",
    "further",
    "other",
    "relevant",
    "including",
    "inter",
    "alia",
    "well",
    "such",
    "into",
    "within",
    "under",
    "through",
    "upon",
    "general",
    "assembly",
    "united",
    "nations",
];

/// The words of a text as written, one at a time.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '/' && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
}

/// Lower-cased words of a text, one at a time.
fn word_iter(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(str::to_lowercase)
}

/// A distinctive word (4 letters or more, not a stop word), lower-cased.
fn distinctive(word: &str) -> Option<String> {
    if word.is_ascii() {
        // The same test without lower-casing first (ASCII case changes nothing else).
        let ok = word.len() >= 4
            && word.bytes().all(|b| b.is_ascii_alphabetic())
            && !STOP.iter().any(|s| s.eq_ignore_ascii_case(word));
        return ok.then(|| word.to_ascii_lowercase());
    }
    let w = word.to_lowercase();
    (w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) && !STOP.contains(&w.as_str()))
        .then_some(w)
}

/// Append a text's lower-cased words joined by single spaces (`words(text).join(" ")`) to
/// `out`, without a string per word.
fn push_normalised(out: &mut String, text: &str) {
    for w in raw_words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            if let Some(tail) = out.get_mut(at..) {
                tail.make_ascii_lowercase();
            }
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
}

/// A text's lower-cased words joined by single spaces.
fn normalised_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalised(&mut out, text);
    out
}

/// Distinct indices of the paragraphs of `text` (paragraph texts joined by line breaks, the
/// paragraphs starting at `starts`) that hold `needle` (a needle without line breaks).
fn paragraphs_holding(text: &str, starts: &[usize], needle: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        let p = starts.partition_point(|&s| s <= at).saturating_sub(1);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// Characters outside ASCII whose lower case holds an ASCII letter (KELVIN SIGN → `k`, LATIN
/// CAPITAL LETTER I WITH DOT ABOVE → `i̇`): a paragraph holding one is always searched in full.
const ASCII_LOWERING: [char; 2] = ['\u{212A}', '\u{0130}'];

/// One side's paragraph texts prepared for counting who holds a phrase or name: the raw texts
/// joined by line breaks (one SIMD search per needle), the same ASCII-lower-cased, and each
/// paragraph's normalised text computed only when a search needs it. It owns its data, so the
/// contexts of successive rounds of the check hand it on (see [`Context::take_sides`]).
pub(crate) struct Side {
    raw: String,
    lower: String,
    starts: Vec<usize>,
    /// Paragraphs holding a character of [`ASCII_LOWERING`].
    odd: Vec<usize>,
    norm: Vec<Option<String>>,
}

impl Side {
    fn new(paras: &[Paragraph]) -> Self {
        let mut raw = String::new();
        let mut starts = Vec::with_capacity(paras.len());
        for p in paras {
            if !starts.is_empty() {
                raw.push('\n');
            }
            starts.push(raw.len());
            raw.push_str(&p.text);
        }
        // ASCII lower-casing keeps every byte offset.
        let lower = raw.to_ascii_lowercase();
        let odd = paras
            .iter()
            .enumerate()
            // (An ASCII text holds neither; the check for that is one quick pass.)
            .filter(|(_, p)| !p.text.is_ascii() && p.text.contains(ASCII_LOWERING))
            .map(|(i, _)| i)
            .collect();
        Side {
            raw,
            lower,
            starts,
            odd,
            norm: vec![None; paras.len()],
        }
    }

    /// How many paragraphs hold the proper name `name` in their raw text.
    fn holding_name(&self, name: &str) -> usize {
        paragraphs_holding(&self.raw, &self.starts, name).len()
    }

    /// How many paragraphs hold `needle` (lower-cased words joined by spaces) in their
    /// normalised text. Only paragraphs whose ASCII-lower-cased text holds the needle's longest
    /// run of ASCII letters can (a normalised word is its raw word lower-cased), so only those
    /// are normalised and searched.
    #[cfg(test)]
    fn holding(&mut self, paras: &[Paragraph], needle: &str) -> usize {
        self.holding_up_to(paras, needle, usize::MAX)
    }

    /// [`Side::holding`], counting no further than `limit`; `paras` are the paragraphs this
    /// side was made of.
    fn holding_up_to(&mut self, paras: &[Paragraph], needle: &str, limit: usize) -> usize {
        let run = needle
            .split(|c: char| !c.is_ascii_alphabetic())
            .max_by_key(|r| r.len())
            .unwrap_or("");
        let candidates: Vec<usize> = if run.len() >= 3 {
            let mut c = paragraphs_holding(&self.lower, &self.starts, run);
            c.extend(self.odd.iter().copied());
            c.sort_unstable();
            c.dedup();
            c
        } else {
            (0..paras.len()).collect()
        };
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut count = 0;
        for i in candidates {
            let (Some(slot), Some(p)) = (self.norm.get_mut(i), paras.get(i)) else {
                continue;
            };
            let text = slot.get_or_insert_with(|| normalised_text(&p.text));
            if finder.find(text.as_bytes()).is_some() {
                count += 1;
                if count >= limit {
                    break;
                }
            }
        }
        count
    }
}

/// Lower-cased words of a text.
fn words(text: &str) -> Vec<String> {
    word_iter(text).collect()
}

/// The subject of a paragraph: the distinctive words (4 letters or more, not stop words) among
/// the first eight words after its lead phrase. Only those first words are read.
pub(crate) fn subject(p: &Paragraph) -> HashSet<String> {
    let lead_words = p.lead.as_deref().map_or(1, |l| raw_words(l).count());
    raw_words(&p.text)
        .skip(lead_words)
        .take(8)
        .filter_map(distinctive)
        .collect()
}

/// Distinctive words of a text: 4 letters or more, not stop words.
fn content_words(text: &str) -> HashSet<String> {
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// Connectors inside a proper name (`Summit of the Future`).
const NAME_LINKS: &[&str] = &["of", "the", "on", "for", "and", "to", "in"];

/// The distinctive phrases of a text: its five-word phrases (lower-cased) with at least three
/// distinctive words, and its proper names of two or more capitalised words after the first
/// word (`Summit of the Future`, `Intergovernmental Working Group on Drought`), as `name:…`.
fn phrases(text: &str) -> HashSet<String> {
    let w = words(text);
    // Each word's test once, then a count over each window of five.
    let distinct: Vec<bool> = w
        .iter()
        .map(|x| {
            x.chars().count() >= 4
                && x.chars().all(char::is_alphabetic)
                && !STOP.contains(&x.as_str())
        })
        .collect();
    let mut out: HashSet<String> = w
        .windows(5)
        .zip(distinct.windows(5))
        .filter(|(_, d)| d.iter().filter(|&&x| x).count() >= 3)
        .map(|(win, _)| win.join(" "))
        .collect();
    let raw: Vec<&str> = text.split(|c: char| c.is_whitespace()).skip(1).collect();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        while run.last().is_some_and(|t| NAME_LINKS.contains(t)) {
            run.pop();
        }
        let capitals = run.iter().filter(|t| !NAME_LINKS.contains(t)).count();
        if capitals >= 2 {
            out.insert(format!("name:{}", run.join(" ")));
        }
        run.clear();
    };
    for tok in raw {
        let core = tok.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().all(|c| c.is_alphabetic() || c == '-');
        let link = !run.is_empty() && NAME_LINKS.contains(&core) && core == tok;
        if capital || link {
            run.push(core);
        } else {
            flush(&mut run);
            continue;
        }
        // Punctuation after a word ends the name.
        if core != tok {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Whether `text` holds `needle` (ASCII) with ASCII letters in any case.
fn holds_ascii_ignoring_case(text: &str, needle: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// `paragraph N of [its] resolution X` (or `decision X`) parts named in a text, as `(N, X)`.
fn paragraph_references(text: &str) -> Vec<(String, String)> {
    // A word whose lower case starts with `paragraph` is spelt so in ASCII, in any case (no
    // other character lower-cases to these letters): most texts hold none and need no words.
    if !holds_ascii_ignoring_case(text, "paragraph") {
        return Vec::new();
    }
    let w = words(text);
    let mut out = Vec::new();
    for (i, word) in w.iter().enumerate() {
        if !word.starts_with("paragraph") {
            continue;
        }
        let Some(num) = w
            .get(i + 1)
            .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        else {
            continue;
        };
        let tail = w.get(i + 2..(i + 8).min(w.len())).unwrap_or(&[]);
        let symbol = tail.windows(2).find(
            |p| matches!(p, [k, s] if (k == "resolution" || k == "decision") && s.contains('/')),
        );
        if let Some([_, s]) = symbol {
            out.push((num.clone(), s.clone()));
        }
    }
    out
}

/// The inputs the reasons look at.
pub(crate) struct Context<'a> {
    pub(crate) old: &'a [Paragraph],
    pub(crate) new: &'a [Paragraph],
    pub(crate) leads_old: &'a [String],
    pub(crate) leads_new: &'a [String],
    pub(crate) group_of_old: &'a [Option<usize>],
    pub(crate) group_of_new: &'a [Option<usize>],
    /// Subjects of the old paragraphs (see [`subject`]), computed once per document.
    subjects_old: &'a [HashSet<String>],
    /// Subjects of the new paragraphs.
    subjects_new: &'a [HashSet<String>],
    /// The symbols of the two documents (`65/141` for `A/RES/65/141`), when known.
    pub(crate) symbols: (Option<String>, Option<String>),
    /// Both sides prepared for counting the holders of a phrase, on first use.
    sides: Option<(Side, Side)>,
    /// The matching's annotations of the paragraph texts, when given (for the symbols cited).
    annotations: Option<&'a super::Annotations<'a>>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        old: &'a [Paragraph],
        new: &'a [Paragraph],
        leads_old: &'a [String],
        leads_new: &'a [String],
        group_of_old: &'a [Option<usize>],
        group_of_new: &'a [Option<usize>],
        subjects: (&'a [HashSet<String>], &'a [HashSet<String>]),
    ) -> Self {
        Context {
            old,
            new,
            leads_old,
            leads_new,
            group_of_old,
            group_of_new,
            subjects_old: subjects.0,
            subjects_new: subjects.1,
            symbols: (None, None),
            sides: None,
            annotations: None,
        }
    }

    /// Reads the symbols a paragraph cites from the matching's annotations (the same symbols,
    /// without annotating the texts again).
    pub(crate) fn with_annotations(mut self, annotations: &'a super::Annotations<'a>) -> Self {
        self.annotations = Some(annotations);
        self
    }

    /// The sides this context prepared (if any), for the next context over the same paragraphs.
    pub(crate) fn take_sides(&mut self) -> Option<(Side, Side)> {
        self.sides.take()
    }

    /// Hands on the sides a previous context over the same paragraphs prepared.
    pub(crate) fn with_sides(mut self, sides: Option<(Side, Side)>) -> Self {
        self.sides = sides;
        self
    }

    /// The neighbours of `o` and `n` before (or after) them are linked to each other, or both
    /// are the document boundary.
    fn neighbours_linked(&self, o: usize, n: usize, forward: bool) -> bool {
        let step = |i: usize| {
            if forward {
                i.checked_add(1)
            } else {
                i.checked_sub(1)
            }
        };
        // None: the boundary; Some(None): an unlinked paragraph; Some(Some(g)): in group g.
        let at = |i: usize, map: &[Option<usize>]| step(i).and_then(|j| map.get(j).copied());
        match (at(o, self.group_of_old), at(n, self.group_of_new)) {
            (None, None) => true,
            (Some(Some(a)), Some(Some(b))) => a == b,
            _ => false,
        }
    }

    fn same_slot(&self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let same_lead = matches!(
            (self.leads_old.get(o), self.leads_new.get(n)),
            (Some(x), Some(y)) if !x.is_empty() && x == y
        );
        a.kind == b.kind
            && same_lead
            && self.neighbours_linked(o, n, false)
            && self.neighbours_linked(o, n, true)
            && matches!(
                (self.subjects_old.get(o), self.subjects_new.get(n)),
                (Some(x), Some(y)) if !x.is_disjoint(y)
            )
    }

    /// Whether exactly one paragraph of each side holds `needle` (in its raw text for a proper
    /// name, else in its normalised text: lower-cased words joined by spaces). Both sides are
    /// prepared once, on first use.
    fn unique(&mut self, needle: &str) -> bool {
        let (old, new) = (self.old, self.new);
        let (a, b) = self
            .sides
            .get_or_insert_with(|| (Side::new(old), Side::new(new)));
        match needle.strip_prefix("name:") {
            Some(name) => a.holding_name(name) == 1 && b.holding_name(name) == 1,
            // Counting stops at a second holder.
            None => a.holding_up_to(old, needle, 2) == 1 && b.holding_up_to(new, needle, 2) == 1,
        }
    }

    fn same_instrument(&mut self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let known_a = self.annotations.and_then(|x| x.old.get(o));
        let known_b = self.annotations.and_then(|x| x.new.get(n));
        let rb = super::references(b, known_b);
        let shared: Vec<String> = super::references(a, known_a)
            .into_iter()
            .filter(|r| rb.contains(r))
            .collect();
        // A paragraph holding the symbol's text at all counts as citing it (conservative).
        shared.iter().any(|r| {
            let count =
                |ps: &[Paragraph]| ps.iter().filter(|p| p.text.contains(r.as_str())).count();
            count(self.old) == 1 && count(self.new) == 1
        })
    }

    fn same_paragraph_reference(&self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let ra = paragraph_references(&a.text);
        !ra.is_empty() && paragraph_references(&b.text).iter().any(|r| ra.contains(r))
    }

    /// One paragraph names the other by number in the other's document: `paragraph 22 of its
    /// resolution 65/141` in one side, where the other side is 65/141 and the paragraph is its
    /// operative paragraph 22.
    fn names_predecessor(&self, o: usize, n: usize) -> bool {
        let names = |text: &str, symbol: &Option<String>, target: &Paragraph| {
            let Some(symbol) = symbol.as_deref() else {
                return false;
            };
            let symbol = symbol
                .strip_prefix("A/RES/")
                .unwrap_or(symbol)
                .to_lowercase();
            paragraph_references(text)
                .iter()
                .any(|(num, s)| *s == symbol && target.id == format!("OP{num}"))
        };
        match (self.old.get(o), self.new.get(n)) {
            (Some(a), Some(b)) => {
                names(&b.text, &self.symbols.0, a) || names(&a.text, &self.symbols.1, b)
            }
            _ => false,
        }
    }

    fn shared_unique_phrase(&mut self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let pb = phrases(&b.text);
        let shared: Vec<String> = phrases(&a.text).intersection(&pb).cloned().collect();
        shared.iter().any(|ph| self.unique(ph))
    }

    /// Same kind and lead phrase, some shared distinctive wording, and every other paragraph
    /// of that kind and lead on either side is linked to one with the same lead: these two are
    /// the only ones left of their kind (`Looks forward`).
    fn unique_lead(&self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let (Some(la), Some(lb)) = (a.lead.as_deref(), b.lead.as_deref()) else {
            return false;
        };
        if a.kind != b.kind || la != lb {
            return false;
        }
        let same = |p: &Paragraph| p.kind == a.kind && p.lead.as_deref() == Some(la);
        // Groups holding a paragraph of that kind and lead on each side.
        let groups = |ps: &[Paragraph], map: &[Option<usize>], skip: usize| -> HashSet<usize> {
            ps.iter()
                .enumerate()
                .filter(|(i, p)| *i != skip && same(p))
                .filter_map(|(i, _)| map.get(i).copied().flatten())
                .collect()
        };
        let paired =
            |ps: &[Paragraph], map: &[Option<usize>], skip: usize, other: &HashSet<usize>| {
                ps.iter().enumerate().all(|(i, p)| {
                    i == skip
                        || !same(p)
                        || map
                            .get(i)
                            .copied()
                            .flatten()
                            .is_some_and(|g| other.contains(&g))
                })
            };
        let (go, gn) = (
            groups(self.old, self.group_of_old, o),
            groups(self.new, self.group_of_new, n),
        );
        paired(self.old, self.group_of_old, o, &gn)
            && paired(self.new, self.group_of_new, n, &go)
            && !content_words(&a.text).is_disjoint(&content_words(&b.text))
    }

    /// The reason found in the texts of old `o` and new `n` themselves, if any (first that
    /// applies): one names the other, both name the same paragraph of an instrument, both recall
    /// the same instrument, both hold the same unique phrase.
    pub(crate) fn textual_reason(&mut self, o: usize, n: usize) -> Option<LinkReason> {
        if self.names_predecessor(o, n) {
            Some(LinkReason::NamesItsPredecessor)
        } else if self.same_paragraph_reference(o, n) {
            Some(LinkReason::SameParagraphReference)
        } else if self.same_instrument(o, n) {
            Some(LinkReason::SameInstrument)
        } else if self.shared_unique_phrase(o, n) {
            Some(LinkReason::SharedUniquePhrase)
        } else {
            None
        }
    }

    /// The structural reason linking old `o` and new `n`, if any (first that applies): a
    /// [`Context::textual_reason`], else the same slot, else the only two of their lead.
    pub(crate) fn reason(&mut self, o: usize, n: usize) -> Option<LinkReason> {
        if let Some(r) = self.textual_reason(o, n) {
            Some(r)
        } else if self.same_slot(o, n) {
            Some(LinkReason::SameSlot)
        } else if self.unique_lead(o, n) {
            Some(LinkReason::UniqueLead)
        } else {
            None
        }
    }
}

/// A word diff the evidence check ran, kept for the comparison (which would run the same diff
/// for the link it keeps): old and new paragraph index in the matching orientation, and the diff
/// of their texts with the default options.
pub(crate) type KeptDiff = (usize, usize, crate::diff::DiffOutcome);

/// Runs the word diffs of the given (old, new) paragraph pairs (default options), in the order
/// given, which is the order to start them in; returns them in that order.
pub(crate) type Gather<'a> = dyn Fn(&[(usize, usize)]) -> Vec<crate::diff::DiffOutcome> + 'a;

/// Vet every 1–1 group: one whose texts share little gets its structural reason or is dissolved
/// (both sides left unlinked). `cosine` gives the matching cosine of a pair. Returns the groups
/// (with their reasons), which of them are kept, and the word diffs run for the kept ones.
///
/// Only the groups below [`COSINE_CLEAR`] need their word diff for the check; with `diff_all`
/// every 1–1 group with two different texts is diffed here, in the same parallel run, because
/// the comparison needs those diffs next and reuses them (one run over both cores, the longest
/// first, instead of two).
pub(crate) fn vet(
    groups: Vec<Group>,
    ctx: &mut Context<'_>,
    cosine: impl Fn(usize, usize) -> f64,
    diff_all: bool,
    gather: &Gather<'_>,
) -> (Vec<Group>, Vec<bool>, Vec<KeptDiff>) {
    let mut keep = vec![true; groups.len()];
    let mut out = Vec::with_capacity(groups.len());
    let mut diffs = Vec::new();
    // The 1–1 groups to diff: group, (old, new) paragraph, whether the check needs it, and the
    // expected cost of the diff (longer and less similar texts take longer).
    let mut to_diff: Vec<(usize, (usize, usize), bool, usize)> = groups
        .iter()
        .enumerate()
        .filter_map(
            |(g, group)| match (group.old.as_slice(), group.new.as_slice()) {
                ([o], [n]) => {
                    let (a, b) = (ctx.old.get(*o)?, ctx.new.get(*n)?);
                    if a.text == b.text {
                        return None;
                    }
                    let c = cosine(*o, *n);
                    let check = c < COSINE_CLEAR;
                    let cost =
                        ((a.text.len() + b.text.len()) as f64 * (1.0 - c).max(0.01)) as usize;
                    (check || diff_all).then_some((g, (*o, *n), check, cost))
                }
                _ => None,
            },
        )
        .collect();
    // The similarity of the compare JSON: the same diff, the same options. The longest first,
    // so that it starts at once and the others fill the time beside it.
    to_diff.sort_by_key(|d| std::cmp::Reverse(d.3));
    let keys: Vec<(usize, usize)> = to_diff.iter().map(|d| d.1).collect();
    let mut outcomes: Vec<(usize, bool, crate::diff::DiffOutcome)> = to_diff
        .iter()
        .zip(gather(&keys))
        .map(|(d, outcome)| (d.0, d.2, outcome))
        .collect();
    outcomes.sort_by_key(|d| d.0);
    let mut outcomes: std::collections::VecDeque<_> = outcomes.into();
    for (g, mut group) in groups.into_iter().enumerate() {
        if let ([o], [n]) = (group.old.as_slice(), group.new.as_slice()) {
            let (o, n) = (*o, *n);
            if outcomes.front().is_some_and(|c| c.0 == g)
                && let Some((_, check, outcome)) = outcomes.pop_front()
            {
                let weak = check && crate::diff::similarity(&outcome.ops) < SIMILARITY_FLOOR;
                let reason = if weak { ctx.reason(o, n) } else { None };
                if weak && reason.is_none() {
                    if let Some(k) = keep.get_mut(g) {
                        *k = false;
                    }
                } else {
                    group.reason = reason;
                    diffs.push((o, n, outcome));
                }
            }
        }
        out.push(group);
    }
    (out, keep, diffs)
}

/// Vet the *moved* 1–1 links (`moved[g]` for group `g`): one whose word similarity is below
/// [`MOVE_FLOOR`] is kept only with a textual reason ([`LinkReason::is_textual`]), which it then
/// carries (replacing a weaker one); otherwise it is dissolved. Word diffs already run by
/// [`vet`] are looked up in `diffs`, others are run and added there; the diffs of dissolved
/// links are taken out. Returns which groups are kept.
pub(crate) fn vet_moves(
    groups: &mut [Group],
    moved: &[bool],
    ctx: &mut Context<'_>,
    diffs: &mut Vec<KeptDiff>,
) -> Vec<bool> {
    let mut keep = vec![true; groups.len()];
    for ((group, &is_moved), k) in groups.iter_mut().zip(moved).zip(keep.iter_mut()) {
        let ([o], [n]) = (group.old.as_slice(), group.new.as_slice()) else {
            continue;
        };
        let (o, n) = (*o, *n);
        let (Some(a), Some(b)) = (ctx.old.get(o), ctx.new.get(n)) else {
            continue;
        };
        if !is_moved || a.text == b.text {
            continue;
        }
        let similarity = match diffs.iter().find(|d| d.0 == o && d.1 == n) {
            Some(d) => crate::diff::similarity(&d.2.ops),
            None => {
                let outcome = crate::diff::diff_words_with(
                    &a.text,
                    &b.text,
                    &crate::diff::DiffOptions::default(),
                );
                let s = crate::diff::similarity(&outcome.ops);
                diffs.push((o, n, outcome));
                s
            }
        };
        if similarity >= MOVE_FLOOR || group.reason.is_some_and(LinkReason::is_textual) {
            continue;
        }
        match ctx.textual_reason(o, n) {
            Some(r) => group.reason = Some(r),
            None => {
                *k = false;
                diffs.retain(|d| (d.0, d.1) != (o, n));
            }
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_text_is_the_joined_words() {
        for t in [
            "Recalling its resolution 78/238 of 22 December 2023, ÉTATS Σ. and",
            "...",
            "A/RES/79/1.",
            "",
        ] {
            let mut out = String::new();
            push_normalised(&mut out, t);
            assert_eq!(out, words(t).join(" "), "{t}");
        }
    }

    #[test]
    fn holders_count_paragraphs_not_matches() {
        let para = |t: &str| Paragraph {
            id: "PP1".to_string(),
            kind: crate::model::ParagraphKind::Preambular,
            number: None,
            lead: None,
            text: t.to_string(),
            parent: None,
            part: crate::model::Part::Body,
            section: None,
            footnote_refs: Vec::new(),
            printed_number: None,
        };
        let paras: Vec<Paragraph> = [
            "The trade and the trade",
            "no",
            "THE TRADE",
            "trade, and",
            "\u{212A}ILOMETRES of trade",
        ]
        .into_iter()
        .map(para)
        .collect();
        let mut side = Side::new(&paras);
        assert_eq!(side.holding(&paras, "the trade"), 2);
        assert_eq!(side.holding(&paras, "trade and"), 2);
        assert_eq!(side.holding(&paras, "kilometres of"), 1);
        assert_eq!(side.holding(&paras, "absent words"), 0);
        assert_eq!(side.holding_name("THE TRADE"), 1);
        // The same counts as normalising every paragraph.
        for needle in ["the trade", "trade and", "kilometres of", "of trade"] {
            let full = paras
                .iter()
                .filter(|p| normalised_text(&p.text).contains(needle))
                .count();
            assert_eq!(side.holding(&paras, needle), full, "{needle}");
        }
    }

    #[test]
    fn finds_paragraph_references() {
        assert_eq!(
            paragraph_references("Recalling paragraph 5 of its resolution 78/238, and"),
            vec![("5".to_string(), "78/238".to_string())]
        );
        assert!(paragraph_references("Recalling its resolution 78/238").is_empty());
        // Any case: the quick check for the word does not miss a capitalised one.
        assert_eq!(
            paragraph_references("PARAGRAPH 12 of Resolution 65/141"),
            vec![("12".to_string(), "65/141".to_string())]
        );
        assert_eq!(
            paragraph_references("see Paragraphs 3 of decision 79/555"),
            vec![("3".to_string(), "79/555".to_string())]
        );
        assert!(holds_ascii_ignoring_case("a ParaGraph", "paragraph"));
        assert!(!holds_ascii_ignoring_case("a paragrap", "paragraph"));
        assert!(!holds_ascii_ignoring_case("", "paragraph"));
    }

    /// The phrases as first written (each window tested word by word), against which the
    /// counting over precomputed tests must agree.
    fn phrases_window_by_window(text: &str) -> HashSet<String> {
        let w = words(text);
        let distinctive = |x: &String| {
            x.chars().count() >= 4
                && x.chars().all(char::is_alphabetic)
                && !STOP.contains(&x.as_str())
        };
        w.windows(5)
            .filter(|win| win.iter().filter(|x| distinctive(x)).count() >= 3)
            .map(|win| win.join(" "))
            .collect()
    }

    #[test]
    fn phrases_are_those_tested_window_by_window() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        let mut seen = 0;
        for file in ["A_RES_65_141.txt", "A_RES_66_184.txt"] {
            let r = crate::load(&dir.join(file)).expect("sample file");
            for p in &r.paragraphs {
                let got: HashSet<String> = phrases(&p.text)
                    .into_iter()
                    .filter(|x| !x.starts_with("name:"))
                    .collect();
                assert_eq!(got, phrases_window_by_window(&p.text), "{}", p.text);
                seen += got.len();
            }
        }
        assert!(seen > 1000, "{seen}");
    }

    #[test]
    fn finds_proper_names() {
        let p = phrases(
            "Welcoming the convening of the Summit of the Future on 22 September, at the United Nations Headquarters,",
        );
        assert!(p.contains("name:Summit of the Future"), "{p:?}");
        assert!(p.contains("name:United Nations Headquarters"), "{p:?}");
        assert!(!p.iter().any(|x| x.starts_with("name:Welcoming")));
    }
}
