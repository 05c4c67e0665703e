//! Whole-corpus invariants of the parser over every text of `corpus/text`.
//!
//! Each invariant is counted over all documents, printed as a table (`N/669 satisfy …`) and
//! asserted; documents that violate one for a genuine reason are listed in an allowlist with the
//! reason.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;
use resdiff::model::{ParagraphKind, Part, Resolution};

/// Documents allowed to violate an invariant, with the reason (checked by reading the text).
const ALLOW: &[(&str, &str, &str)] = &[];

static COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*\d{1,3}/(\d{1,3})\s*$").unwrap());
static JOB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^\s*(\d{2}-\d{5})").unwrap());
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z]{3,}[,;:”’)]?(\d{1,3})(?:\s|$|[,;.:])").unwrap());

fn allowed(doc: &str, inv: &str) -> bool {
    ALLOW.iter().any(|(d, i, _)| *d == doc && *i == inv)
}

/// Every violated invariant of one document, with a detail.
fn check(name: &str, raw: &str, r: &Resolution) -> Vec<(&'static str, String)> {
    let mut bad = Vec::new();
    if !r.structured {
        bad.push(("structured", "not structured".to_string()));
    }
    if r.meta.symbol.is_none() || r.meta.date.is_none() || r.meta.title.is_none() {
        bad.push(("metadata", format!("{:?}", r.meta)));
    }
    // Operative numbering contiguous from 1 in each part.
    let mut by_part: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for p in &r.paragraphs {
        if p.kind == ParagraphKind::Operative
            && let Some(n) = p.number.as_deref().and_then(|n| n.parse::<u32>().ok())
        {
            // Numbering restarts (sections, articles) get their own id scope `S<k>.`.
            let scope = p.id.split("OP").next().unwrap_or("");
            let key = match &p.part {
                Part::Body => format!("body {scope}"),
                Part::Annex { index, .. } => format!("annex{index} {scope}"),
            };
            by_part.entry(key).or_default().push(n);
        }
    }
    for (part, nums) in &by_part {
        let expect: Vec<u32> = (1..=nums.len() as u32).collect();
        if *nums != expect {
            let first_bad = nums
                .iter()
                .zip(&expect)
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            bad.push((
                "op_contiguous",
                format!(
                    "{part}: at #{first_bad}: {:?}",
                    &nums[first_bad.saturating_sub(2)..(first_bad + 3).min(nums.len())]
                ),
            ));
        }
    }
    // Furniture.
    let job = JOB.captures(raw).map(|c| c[1].to_string());
    let total = COUNTER.captures(raw).map(|c| c[1].to_string());
    let barcode = job.as_ref().map(|j| format!("*{}*", j.replace('-', "")));
    for p in &r.paragraphs {
        let t = &p.text;
        let mut why = None;
        if t.contains("Distr.") {
            why = Some("Distr.");
        } else if job.as_ref().is_some_and(|j| t.contains(j.as_str())) {
            why = Some("job number");
        } else if barcode.as_ref().is_some_and(|b| t.contains(b.as_str())) {
            why = Some("barcode");
        } else if let Some(m) = total.as_ref()
            && (1..=m.parse::<u32>().unwrap_or(0)).any(|k| {
                // A counter left between words; `resolution 2/3` is a real number.
                let c = format!(" {k}/{m} ");
                let padded = format!(" {t} ");
                padded.match_indices(&c).any(|(i, _)| {
                    let before = padded[..i].trim_end();
                    let w = before.rsplit(' ').next().unwrap_or("").to_lowercase();
                    ![
                        "resolution",
                        "resolutions",
                        "decision",
                        "decisions",
                        "and",
                        "document",
                    ]
                    .contains(&w.trim_end_matches(','))
                        && !w.ends_with(',')
                })
            })
        {
            why = Some("page counter");
        } else if r
            .meta
            .symbol
            .as_ref()
            .is_some_and(|s| t.contains(s.as_str()) && !raw_mentions_symbol_in_text(raw, s))
        {
            why = Some("symbol");
        }
        if let Some(w) = why {
            bad.push((
                "no_furniture",
                format!("{} {w}: {}", p.id, t.chars().take(80).collect::<String>()),
            ));
        }
    }
    // Footnote texts never inside paragraphs.
    for f in &r.footnotes {
        if f.text.len() < 20 {
            continue;
        }
        if let Some(p) = r.paragraphs.iter().find(|p| p.text.contains(&f.text)) {
            bad.push((
                "no_footnote_text",
                format!("{} holds footnote {}", p.id, f.number),
            ));
        }
    }
    // No glued reference digits left.
    let numbers: BTreeSet<u32> = r.footnotes.iter().map(|f| f.number).collect();
    for p in &r.paragraphs {
        for c in GLUED.captures_iter(&p.text) {
            let n: u32 = c[1].parse().unwrap_or(0);
            if numbers.contains(&n) {
                let m = c.get(0).unwrap();
                bad.push(("no_glued_ref", format!("{} `{}`", p.id, m.as_str())));
            }
        }
    }
    // Every footnote is referenced (quality measure).
    let referenced: BTreeSet<u32> = r
        .paragraphs
        .iter()
        .flat_map(|p| p.footnote_refs.iter().map(|f| f.number))
        .collect();
    let unref: Vec<u32> = numbers
        .iter()
        .copied()
        .filter(|n| *n > 0 && !referenced.contains(n))
        .collect();
    if !unref.is_empty() {
        bad.push(("footnotes_referenced", format!("unreferenced {unref:?}")));
    }
    // Paragraphs end like paragraphs (a page break or blank line did not split one).
    for p in &r.paragraphs {
        if matches!(
            p.kind,
            ParagraphKind::Preambular | ParagraphKind::Operative | ParagraphKind::SubParagraph
        ) {
            let t = p.text.trim_end();
            let ok = t.is_empty()
                || t.ends_with([',', ';', ':', '.', '”', '"', ')', '’', '!', '?'])
                || t.ends_with("; and")
                || t.ends_with("; or")
                || t.ends_with(" and")
                || t.ends_with(" or");
            if !ok {
                bad.push((
                    "paragraph_ends",
                    format!(
                        "{} …{}",
                        p.id,
                        t.chars()
                            .rev()
                            .take(50)
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect::<String>()
                    ),
                ));
            }
        }
        if p.text.starts_with(|c: char| c.is_lowercase()) && p.kind != ParagraphKind::SubParagraph {
            bad.push((
                "paragraph_starts",
                format!("{} {}", p.id, p.text.chars().take(50).collect::<String>()),
            ));
        }
        if matches!(p.kind, ParagraphKind::Preambular | ParagraphKind::Operative)
            && p.lead.is_none()
            && p.part == Part::Body
        {
            bad.push((
                "lead_found",
                format!("{} {}", p.id, p.text.chars().take(50).collect::<String>()),
            ));
        }
        if p.kind == ParagraphKind::Unstructured && p.part == Part::Body {
            bad.push((
                "no_unstructured_in_body",
                format!("{} {}", p.id, p.text.chars().take(70).collect::<String>()),
            ));
        }
    }
    // Ids unique.
    let mut ids = BTreeSet::new();
    for p in &r.paragraphs {
        if !ids.insert(p.id.as_str()) {
            bad.push(("unique_ids", p.id.clone()));
        }
    }
    let _ = name;
    bad
}

/// True when the document's own symbol appears in running text lines of the raw file (beyond
/// stamp and running headers), so its presence in a paragraph is genuine.
fn raw_mentions_symbol_in_text(raw: &str, symbol: &str) -> bool {
    raw.lines()
        .any(|l| l.contains(symbol) && l.trim() != symbol && l.trim().len() > symbol.len() + 3)
}

#[test]
fn corpus_invariants() {
    let Some(dir) = resdiff::corpus::dir_or_skip("parse corpus invariants") else {
        return;
    };
    let files = resdiff::corpus::text_files(&dir).unwrap();
    assert!(files.len() >= 600, "corpus has {} texts", files.len());
    let invariants = [
        "structured",
        "metadata",
        "op_contiguous",
        "no_furniture",
        "no_footnote_text",
        "no_glued_ref",
        "footnotes_referenced",
        "unique_ids",
        "paragraph_ends",
        "paragraph_starts",
        "lead_found",
        "no_unstructured_in_body",
    ];
    let mut failures: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
    for f in &files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let raw = std::fs::read_to_string(f).unwrap();
        let r = resdiff::parse::parse(&raw);
        let mut seen = BTreeSet::new();
        for (inv, detail) in check(&name, &raw, &r) {
            if allowed(&name, inv) {
                continue;
            }
            if seen.insert(inv) {
                failures
                    .entry(inv)
                    .or_default()
                    .push((name.clone(), detail));
            }
        }
    }
    let n = files.len();
    eprintln!("parse corpus invariants over {n} documents:");
    for inv in invariants {
        let bad = failures.get(inv).map_or(0, Vec::len);
        eprintln!("  {:>4}/{n} satisfy {inv}", n - bad);
        for (doc, detail) in failures.get(inv).into_iter().flatten().take(15) {
            eprintln!(
                "        {doc}: {}",
                detail.chars().take(160).collect::<String>()
            );
        }
    }
    for inv in [
        "structured",
        "op_contiguous",
        "no_furniture",
        "no_footnote_text",
        "no_glued_ref",
        "unique_ids",
    ] {
        let bad = failures.get(inv).map_or(0, Vec::len);
        assert_eq!(bad, 0, "{bad} documents violate {inv}");
    }
}
