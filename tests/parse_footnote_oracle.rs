//! An oracle for footnote reference digits, independent of the parser's own bookkeeping.
//!
//! It reads the raw text layer itself and never looks at `footnote_refs`, the parser's warnings
//! or its footnote list; from the parser it takes only the paragraph texts (and the printed
//! numbers of operative paragraphs and headings, which the raw text also holds).
//!
//! What it relies on is how UN documents are typeset: a footnote is printed at the foot of the
//! page that holds its reference mark. In the text layer a page ends at a line that is entirely
//! empty; a note block starts at a `_____` line, and a note starts at a line `N  text` that
//! follows a blank line (a wrapped note line never does: of the 6,791 digit-led lines of the
//! corpus note blocks, the 70 without a blank line before them all continue a note).
//!
//! The check: the body lines of every page (page furniture, note blocks and the head before
//! `The General Assembly,` left out) are cut into whitespace tokens, and so are the parsed
//! paragraph texts. Every token the parser dropped or changed leaves a deficit (raw count minus
//! parsed count). A footnote `N` printed on page `P` is accounted for when a token of page `P`
//! with a digit run ending in `N` (`Geneva,3`, `76/17918`, `202321`, `57`) has a deficit no other
//! note claims (a bipartite matching). A reference mark left in the text keeps its token intact,
//! so its note stays unmatched and the test names the document, note, page and candidates.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use resdiff::model::{ParagraphKind, Resolution};

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap()
}

static GA: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*The General Assembly\s*,?\s*$"));
static TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\d{1,3}/\d{1,4}\s*\.\s*\S"));
static SEP: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*_{5,}\s*$"));
static NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(\d{1,3})\s+\S"));
static COUNTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\d{1,3}/\d{1,3}\s*$"));
static JOB: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\d{2}-\d{5}"));
static BARCODE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\*\d{5,}\*\s*$"));
static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[AE]/(?:[A-Z0-9.\-]+/)*\d+/[A-Za-z0-9.\-/]*[A-Za-z0-9]\**\s*$"));
static PLENARY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\d{1,3}(st|nd|rd|th)( \(resumed\))? plenary meeting"));
static DATE: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,2} [A-Z][a-z]+ \d{4}$"));
static DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"\d+"));

/// `12.` and `12` count as one token (a paragraph number, or a number ending a sentence).
fn norm(w: &str) -> String {
    match w.strip_suffix('.') {
        Some(d) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) => d.to_string(),
        _ => w.to_string(),
    }
}

/// A footnote the oracle could not account for.
#[derive(Debug)]
struct Unmatched {
    note: u32,
    page: usize,
    /// Candidate tokens of the page: (token, raw count, parsed count).
    candidates: Vec<(String, usize, usize)>,
}

/// The footnotes of `raw` whose reference mark did not leave the parsed text, or `None` when
/// the text has no body start the oracle recognises.
fn unmatched_notes(raw: &str, parsed: &Resolution) -> Option<(usize, Vec<Unmatched>)> {
    let lines: Vec<&str> = raw.split('\n').collect();
    let start = match lines.iter().position(|l| GA.is_match(l)) {
        Some(i) => i,
        None => lines.iter().position(|l| TITLE.is_match(l))?,
    };
    // Running titles: short lines with words, repeated on three pages or more.
    let mut line_count: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        let t = l.trim();
        if !t.is_empty() {
            *line_count.entry(t).or_default() += 1;
        }
    }
    let running: HashSet<&str> = line_count
        .iter()
        .filter(|(l, c)| {
            **c >= 3 && l.len() < 120 && l.chars().filter(|c| c.is_alphabetic()).count() >= 3
        })
        .map(|(l, _)| *l)
        .collect();
    let mut notes: Vec<(u32, usize)> = Vec::new();
    let mut page_tokens: Vec<Vec<String>> = vec![Vec::new()];
    let mut raw_count: HashMap<String, usize> = HashMap::new();
    let mut in_notes = false;
    let mut prev_blank = false;
    let mut after_plenary = false;
    for (i, l) in lines.iter().enumerate() {
        if l.is_empty() {
            page_tokens.push(Vec::new());
            in_notes = false;
            continue;
        }
        let page = page_tokens.len() - 1;
        let t = l.trim();
        if SEP.is_match(l) {
            in_notes = true;
            prev_blank = true;
            continue;
        }
        if in_notes {
            if prev_blank && let Some(c) = NOTE.captures(l) {
                notes.push((c[1].parse().unwrap(), page));
            }
            prev_blank = t.is_empty();
            continue;
        }
        if i <= start
            || t.is_empty()
            || COUNTER.is_match(t)
            || JOB.is_match(t)
            || BARCODE.is_match(t)
            || SYMBOL.is_match(t)
            || running.contains(t)
        {
            continue;
        }
        if PLENARY.is_match(t) {
            after_plenary = true;
            continue;
        }
        if after_plenary && DATE.is_match(t) {
            continue;
        }
        for w in t.split_whitespace() {
            let w = norm(w);
            *raw_count.entry(w.clone()).or_default() += 1;
            page_tokens[page].push(w);
        }
    }
    let mut parsed_count: HashMap<String, usize> = HashMap::new();
    for p in &parsed.paragraphs {
        let mut words: Vec<&str> = p.text.split_whitespace().collect();
        if let Some(n) = &p.number
            && (matches!(p.kind, ParagraphKind::Heading | ParagraphKind::Operative)
                || n.bytes().all(|b| b.is_ascii_digit()))
        {
            words.extend(n.split_whitespace());
        }
        for w in words {
            *parsed_count.entry(norm(w)).or_default() += 1;
        }
    }
    let count = |m: &HashMap<String, usize>, t: &str| m.get(t).copied().unwrap_or(0);
    // Deficit units: one per lost occurrence and digit run of a token.
    let candidates = |n: u32, page: usize| -> Vec<String> {
        let d = n.to_string();
        let mut out: Vec<String> = page_tokens[page]
            .iter()
            .filter(|t| DIGITS.find_iter(t).any(|m| m.as_str().ends_with(&d)))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let mut edges: Vec<Vec<(String, usize)>> = Vec::new();
    for &(n, page) in &notes {
        let mut e = Vec::new();
        for t in candidates(n, page) {
            let deficit = count(&raw_count, &t).saturating_sub(count(&parsed_count, &t));
            let units = deficit * DIGITS.find_iter(&t).count();
            e.extend((0..units).map(|k| (t.clone(), k)));
        }
        edges.push(e);
    }
    // Kuhn's augmenting paths; notes with longer numbers first (`11` before `1`).
    let mut owner: BTreeMap<(String, usize), usize> = BTreeMap::new();
    fn augment(
        v: usize,
        edges: &[Vec<(String, usize)>],
        owner: &mut BTreeMap<(String, usize), usize>,
        seen: &mut HashSet<(String, usize)>,
    ) -> bool {
        for u in &edges[v] {
            if !seen.insert(u.clone()) {
                continue;
            }
            let free = match owner.get(u).copied() {
                None => true,
                Some(w) => augment(w, edges, owner, seen),
            };
            if free {
                owner.insert(u.clone(), v);
                return true;
            }
        }
        false
    }
    let mut order: Vec<usize> = (0..notes.len()).collect();
    order.sort_by_key(|&v| std::cmp::Reverse(notes[v].0.to_string().len()));
    let mut unmatched = Vec::new();
    for v in order {
        if !augment(v, &edges, &mut owner, &mut HashSet::new()) {
            let (note, page) = notes[v];
            unmatched.push(Unmatched {
                note,
                page: page + 1,
                candidates: candidates(note, page)
                    .into_iter()
                    .map(|t| {
                        let (a, b) = (count(&raw_count, &t), count(&parsed_count, &t));
                        (t, a, b)
                    })
                    .collect(),
            });
        }
    }
    unmatched.sort_by_key(|u| u.note);
    Some((notes.len(), unmatched))
}

#[test]
fn no_reference_digit_left_in_paragraph_text() {
    let Some(dir) = resdiff::corpus::dir_or_skip("footnote reference oracle") else {
        return;
    };
    let files = resdiff::corpus::text_files(&dir).unwrap();
    assert!(files.len() >= 600, "corpus has {} texts", files.len());
    let (mut notes, mut docs_checked) = (0usize, 0usize);
    let mut bad: Vec<String> = Vec::new();
    let mut warned_notes: Vec<String> = Vec::new();
    for f in &files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let raw = std::fs::read_to_string(f).unwrap();
        let parsed = resdiff::parse::parse(&raw);
        // Removing a mark never leaves two spaces behind.
        for p in &parsed.paragraphs {
            if p.text.contains("  ") {
                bad.push(format!("{name}: {} has a double space", p.id));
            }
        }
        let Some((n, unmatched)) = unmatched_notes(&raw, &parsed) else {
            continue;
        };
        docs_checked += 1;
        notes += n;
        for u in unmatched {
            // A note with no mark to remove is fine only when the document says so.
            let warned = parsed
                .warnings
                .iter()
                .any(|w| w.starts_with(&format!("footnote {} is not referenced", u.note)));
            let line = format!(
                "{name}: note {} (page {}) candidates {:?}",
                u.note, u.page, u.candidates
            );
            if warned {
                warned_notes.push(format!("{line} [warned]"));
            } else {
                bad.push(line);
            }
        }
    }
    eprintln!(
        "footnote oracle: {notes} notes in {docs_checked} documents; {} with their mark left in \
         the text; {} unaccounted but warned",
        bad.len(),
        warned_notes.len()
    );
    for l in bad.iter().chain(&warned_notes) {
        eprintln!("  {l}");
    }
    assert!(docs_checked >= 600, "only {docs_checked} documents checked");
    assert!(notes >= 6000, "only {notes} footnotes found");
    assert!(
        bad.is_empty(),
        "{} reference marks left in paragraph text",
        bad.len()
    );
}

/// The oracle itself catches a mark left in the text: the same document with one reference put
/// back into a paragraph fails.
#[test]
fn oracle_catches_a_mark_left_in_text() {
    let Some(dir) = resdiff::corpus::dir_or_skip("footnote reference oracle self-check") else {
        return;
    };
    let raw = std::fs::read_to_string(resdiff::corpus::text_path(&dir, "A/RES/78/221")).unwrap();
    let mut parsed = resdiff::parse::parse(&raw);
    let (_, unmatched) = unmatched_notes(&raw, &parsed).unwrap();
    assert!(unmatched.is_empty(), "{unmatched:?}");
    // PP19 of 78/221 reads `… resolutions 73/263,15 74/168,16 75/192,17 76/179 18 and 77/229,19`
    // in print; put the mark 18 back after 76/179.
    let pp19 = parsed
        .paragraphs
        .iter_mut()
        .find(|p| p.id == "PP19")
        .unwrap();
    assert!(pp19.text.contains("76/179 and 77/229,"), "{}", pp19.text);
    pp19.text = pp19.text.replace("76/179 and", "76/17918 and");
    let (_, unmatched) = unmatched_notes(&raw, &parsed).unwrap();
    assert_eq!(
        unmatched.iter().map(|u| u.note).collect::<Vec<_>>(),
        vec![18]
    );
}
