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
    // First references come in footnote order (a misread number would break it).
    let mut firsts: Vec<u32> = Vec::new();
    for p in &r.paragraphs {
        for f in &p.footnote_refs {
            if !firsts.contains(&f.number) {
                firsts.push(f.number);
            }
        }
    }
    if let Some(w) = firsts.windows(2).find(|w| w[0] > w[1]) {
        bad.push((
            "refs_in_order",
            format!("{} before {} in {firsts:?}", w[0], w[1]),
        ));
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
    // A lead is a prefix of its paragraph ending at a word boundary.
    for p in &r.paragraphs {
        if let Some(lead) = &p.lead {
            let rest = p.text.strip_prefix(lead.as_str());
            let ok = rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', ';', ':']));
            if !ok {
                bad.push(("lead_prefix", format!("{} {lead:?}", p.id)));
            }
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
        "refs_in_order",
        "lead_prefix",
        "truncated_parses",
        "trim_stable",
        "paragraph_ends",
        "paragraph_starts",
        "lead_found",
        "no_unstructured_in_body",
    ];
    let mut failures: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
    // Lead-phrase coverage over all body paragraphs: (kind, with lead, total).
    let mut lead_stats: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut lead_freq: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let raw = std::fs::read_to_string(f).unwrap();
        let r = resdiff::parse::parse(&raw);
        for p in r.paragraphs.iter().filter(|p| p.part == Part::Body) {
            let kind = match p.kind {
                ParagraphKind::Preambular => "preambular",
                ParagraphKind::Operative => "operative",
                _ => continue,
            };
            let e = lead_stats.entry(kind).or_default();
            e.1 += 1;
            if let Some(l) = &p.lead {
                e.0 += 1;
                *lead_freq.entry(l.clone()).or_default() += 1;
            }
        }
        let mut seen = BTreeSet::new();
        // A document cut in the middle (at a line boundary) still parses into something sane.
        let mid = raw.as_bytes()[..raw.len() / 2]
            .iter()
            .rposition(|&b| b == b'\n')
            .unwrap_or(0);
        let half = resdiff::parse::parse(&raw[..mid]);
        // The same text with trailing spaces stripped from every line (another normaliser
        // might do that) parses to the same paragraphs.
        let trimmed: String = raw.lines().map(|l| format!("{}\n", l.trim_end())).collect();
        let t = resdiff::parse::parse(&trimmed);
        let same = t.paragraphs.len() == r.paragraphs.len()
            && t.paragraphs
                .iter()
                .zip(&r.paragraphs)
                .all(|(a, b)| a.id == b.id && a.text == b.text);
        if !same {
            let diff = t
                .paragraphs
                .iter()
                .zip(&r.paragraphs)
                .find(|(a, b)| a.id != b.id || a.text != b.text)
                .map(|(a, b)| {
                    format!(
                        "{} vs {}: {} | {}",
                        a.id,
                        b.id,
                        a.text.chars().take(60).collect::<String>(),
                        b.text.chars().take(60).collect::<String>()
                    )
                })
                .unwrap_or_else(|| {
                    format!(
                        "{} vs {} paragraphs",
                        t.paragraphs.len(),
                        r.paragraphs.len()
                    )
                });
            failures
                .entry("trim_stable")
                .or_default()
                .push((name.clone(), diff));
        }
        if half.paragraphs.iter().any(|p| p.id.is_empty())
            || (mid > 2000 && half.paragraphs.is_empty())
        {
            failures
                .entry("truncated_parses")
                .or_default()
                .push((name.clone(), "empty".into()));
        }
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
        let shown = if std::env::var_os("RESDIFF_ALL_FAILURES").is_some() {
            usize::MAX
        } else {
            15
        };
        for (doc, detail) in failures.get(inv).into_iter().flatten().take(shown) {
            eprintln!(
                "        {doc}: {}",
                detail.chars().take(160).collect::<String>()
            );
        }
    }
    for (kind, (with, total)) in &lead_stats {
        eprintln!("  lead found for {with}/{total} {kind} paragraphs");
    }
    let mut freq: Vec<_> = lead_freq.iter().collect();
    freq.sort_by(|a, b| b.1.cmp(a.1));
    eprintln!(
        "  {} distinct leads; most frequent: {:?}",
        freq.len(),
        &freq[..freq.len().min(12)]
    );
    if std::env::var_os("RESDIFF_ALL_LEADS").is_some() {
        eprintln!("  all leads: {freq:?}");
    }
    let (pp_with, pp_total) = lead_stats.get("preambular").copied().unwrap_or_default();
    let (op_with, op_total) = lead_stats.get("operative").copied().unwrap_or_default();
    // The README's figures: every preambular paragraph of the corpus bodies has its lead
    // (12,135 of 12,135 when measured), operative ones at least 15,488 (of 15,836; 15,487 before the letter-spaced `I n v i t e s` of 79/172 OP45 was joined).
    assert!(
        pp_total >= 12_000 && pp_with == pp_total,
        "preambular leads {pp_with}/{pp_total}"
    );
    assert!(op_with >= 15_488, "operative leads {op_with}/{op_total}");
    // Quality measures: floors at the measured level (regression guards). The remaining misses
    // are real-text oddities (a lead split by a comma, letter-spaced `I n v i t e s`, tables
    // kept as unstructured paragraphs, a footnote referenced from a table or heading).
    let floors = [
        ("refs_in_order", 665),
        ("footnotes_referenced", 635),
        ("paragraph_ends", 665),
        ("lead_found", 660),
        ("no_unstructured_in_body", 650),
    ];
    for (inv, floor) in floors {
        let ok = n - failures.get(inv).map_or(0, Vec::len);
        assert!(ok >= floor, "{inv}: {ok}/{n} below the floor {floor}");
    }
    for inv in [
        "structured",
        "metadata",
        "op_contiguous",
        "no_furniture",
        "no_footnote_text",
        "no_glued_ref",
        "unique_ids",
        "paragraph_starts",
        "lead_prefix",
        "truncated_parses",
        "trim_stable",
    ] {
        let bad = failures.get(inv).map_or(0, Vec::len);
        assert_eq!(bad, 0, "{bad} documents violate {inv}");
    }
}

// ---------------------------------------------------------------------------------------------
// Facts of individual corpus documents, checked by reading their texts (counts confirmed with
// grep/awk over the raw files: numbered paragraph lines, blank-line-led lead words, footnote
// lines).

fn corpus_doc(symbol: &str) -> Option<Resolution> {
    let dir = resdiff::corpus::dir_or_skip(&format!("parse facts of {symbol}"))?;
    let text = std::fs::read_to_string(resdiff::corpus::text_path(&dir, symbol)).unwrap();
    Some(resdiff::parse::parse(&text))
}

fn count_kind(r: &Resolution, kind: ParagraphKind, part: &Part) -> usize {
    r.paragraphs
        .iter()
        .filter(|p| p.kind == kind && &p.part == part)
        .count()
}

fn numbered_ops(r: &Resolution, part: &Part) -> usize {
    r.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Operative && p.number.is_some() && &p.part == part)
        .count()
}

fn refs(r: &Resolution, id: &str) -> Vec<u32> {
    r.paragraph(id)
        .unwrap()
        .footnote_refs
        .iter()
        .map(|f| f.number)
        .collect()
}

fn annex(index: u32, label: &str) -> Part {
    Part::Annex {
        index,
        label: label.to_string(),
    }
}

#[test]
fn fact_a_c2_80_l17_draft() {
    let Some(r) = corpus_doc("A/C.2/80/L.17") else {
        return;
    };
    let m = &r.meta;
    assert_eq!(m.kind, resdiff::model::DocumentKind::DraftResolution);
    assert_eq!(m.symbol.as_deref(), Some("A/C.2/80/L.17"));
    assert_eq!(m.session, Some(80));
    assert_eq!(m.date.as_deref(), Some("2025-10-14"));
    assert_eq!(m.sponsors.as_deref(), Some("Iraq"));
    assert_eq!(m.agenda_item.as_deref(), Some("15"));
    assert_eq!(
        m.title.as_deref(),
        Some("Information and communications technologies for sustainable development")
    );
    assert_eq!(m.plenary_meeting, None);
    // 57: PP5 (`Welcoming the convening of the Fourth International Conference`) and PP23
    // (`Recalling the ongoing efforts`) follow a comma-ended line with no blank line between.
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 57);
    assert_eq!(numbered_ops(&r, &Part::Body), 73);
    // 25 numbered footnotes plus the sponsors' asterisk footnote (number 0).
    assert_eq!(r.footnotes.len(), 26);
    assert!(
        r.footnote(0)
            .unwrap()
            .text
            .starts_with("On behalf of the States that are members of the Group of 77 and China")
    );
    assert_eq!(r.footnote(25).unwrap().text, "E/HLPF/2025/6.");
    assert_eq!(refs(&r, "PP1"), vec![1]);
    assert_eq!(
        r.paragraph("OP69(a)").unwrap().parent.as_deref(),
        Some("OP69")
    );
    assert!(
        r.paragraph("OP69(b)")
            .unwrap()
            .text
            .starts_with("Enabling international innovation-based environments")
    );
    assert_eq!(
        r.paragraph("OP73").unwrap().lead.as_deref(),
        Some("Decides")
    );
    assert!(r.paragraph("OP74").is_none());
}

#[test]
fn fact_a_c2_80_l58_revised_draft() {
    let Some(r) = corpus_doc("A/C.2/80/L.58") else {
        return;
    };
    let m = &r.meta;
    assert_eq!(m.kind, resdiff::model::DocumentKind::DraftResolution);
    assert_eq!(m.date.as_deref(), Some("2025-11-18"));
    assert_eq!(
        m.sponsors.as_deref(),
        Some("Vice-Chair of the Committee, Jenni Mikkola (Finland)")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Information and communications technologies for sustainable development")
    );
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 59);
    assert_eq!(numbered_ops(&r, &Part::Body), 74);
    // A paragraph that starts a page right after a footnote block stays separate.
    let pp = r
        .paragraphs
        .iter()
        .find(|p| {
            p.text
                .starts_with("Recalling also the references to information")
        })
        .unwrap();
    assert_eq!(pp.kind, ParagraphKind::Preambular);
    assert_eq!(pp.lead.as_deref(), Some("Recalling also"));
    // The paragraph before it ends with its footnote reference removed.
    let pp9 = r.paragraph("PP9").unwrap();
    assert!(
        pp9.text.ends_with("endorsed by the Assembly,"),
        "{}",
        pp9.text
    );
    assert_eq!(refs(&r, "PP9"), vec![6, 7, 8, 9]);
    assert_eq!(
        r.paragraph("OP70(a)").unwrap().parent.as_deref(),
        Some("OP70")
    );
    assert_eq!(
        r.paragraph("OP74").unwrap().lead.as_deref(),
        Some("Decides")
    );
}

#[test]
fn fact_a_80_l41_outcome_document() {
    let Some(r) = corpus_doc("A/80/L.41") else {
        return;
    };
    let m = &r.meta;
    assert_eq!(m.kind, resdiff::model::DocumentKind::DraftResolution);
    assert_eq!(
        m.sponsors.as_deref(),
        Some("President of the General Assembly")
    );
    assert_eq!(m.date.as_deref(), Some("2025-12-16"));
    assert!(
        m.title
            .as_deref()
            .unwrap()
            .starts_with("Outcome document of the high-level meeting of the General Assembly")
    );
    let adopts = r.paragraph("OPU1").unwrap();
    assert_eq!(adopts.kind, ParagraphKind::Operative);
    assert_eq!(adopts.lead.as_deref(), Some("Adopts"));
    assert!(adopts.text.ends_with("at its eightieth session:"));
    assert_eq!(numbered_ops(&r, &Part::Body), 127);
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 7);
    assert_eq!(r.footnotes.len(), 12);
    let op1 = r.paragraph("OP1").unwrap();
    assert_eq!(op1.lead, None);
    assert!(
        op1.text
            .starts_with("We reaffirm our commitment to the vision of the World Summit")
    );
    assert_eq!(op1.section.as_deref(), Some("Introduction"));
    assert_eq!(refs(&r, "OP1"), vec![2]);
    assert_eq!(
        r.paragraph("OP127").unwrap().section.as_deref(),
        Some("Follow-up and review")
    );
}

#[test]
fn fact_a_c1_80_l20_short_draft() {
    let Some(r) = corpus_doc("A/C.1/80/L.20") else {
        return;
    };
    let m = &r.meta;
    assert_eq!(m.sponsors.as_deref(), Some("Singapore"));
    assert_eq!(m.date.as_deref(), Some("2025-10-13"));
    assert_eq!(m.agenda_item.as_deref(), Some("94"));
    assert!(
        m.title
            .as_deref()
            .unwrap()
            .starts_with("Open-ended working group on security of and in the use of information")
    );
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 3);
    assert_eq!(numbered_ops(&r, &Part::Body), 4);
    assert!(r.footnotes.is_empty());
    assert_eq!(
        r.paragraph("PP3").unwrap().lead.as_deref(),
        Some("Recalling further")
    );
    // OP3 starts a new page: the running header is gone.
    let op3 = r.paragraph("OP3").unwrap();
    assert!(
        op3.text
            .starts_with("Also requests the Secretary-General to provide the necessary support")
    );
    assert_eq!(op3.lead.as_deref(), Some("Also requests"));
    assert_eq!(
        r.paragraph("OP4").unwrap().lead.as_deref(),
        Some("Also decides")
    );
}

#[test]
fn fact_a_res_79_1_pact_with_annexes() {
    let Some(r) = corpus_doc("A/RES/79/1") else {
        return;
    };
    let m = &r.meta;
    assert_eq!(m.title.as_deref(), Some("The Pact for the Future"));
    assert_eq!(m.date.as_deref(), Some("2024-09-22"));
    assert_eq!(m.plenary_meeting, Some(3));
    assert_eq!(
        m.committee_report, None,
        "adopted without reference to a Main Committee"
    );
    assert_eq!(r.paragraph("OPU1").unwrap().lead.as_deref(), Some("Adopts"));
    assert_eq!(numbered_ops(&r, &Part::Body), 84);
    let actions = r
        .paragraphs
        .iter()
        .filter(|p| {
            p.number
                .as_deref()
                .is_some_and(|n| n.starts_with("Action "))
        })
        .count();
    assert_eq!(actions, 56);
    assert_eq!(
        count_kind(&r, ParagraphKind::SubParagraph, &Part::Body),
        242
    );
    let a1 = annex(1, "I");
    let a2 = annex(2, "II");
    assert_eq!(numbered_ops(&r, &a1), 74);
    assert_eq!(numbered_ops(&r, &a2), 32);
    let h = r.paragraph("AN1.H1").unwrap();
    assert_eq!(
        (h.kind, h.number.as_deref(), h.text.as_str()),
        (ParagraphKind::Heading, Some("I"), "Annex I")
    );
    assert_eq!(
        r.paragraph("AN1.H2").unwrap().text,
        "Global Digital Compact"
    );
    assert_eq!(
        r.paragraph("AN2.H2").unwrap().text,
        "Declaration on Future Generations"
    );
    assert!(
        r.paragraph("AN1.OP1")
            .unwrap()
            .text
            .starts_with("Digital technologies are dramatically transforming our world.")
    );
    // A numbered list inside AN1.OP7 (`…following objectives:` 1.–5.).
    let item = r.paragraph("AN1.OP7(1)").unwrap();
    assert_eq!(item.parent.as_deref(), Some("AN1.OP7"));
    assert!(item.text.starts_with("Close all digital divides"));
    assert!(r.paragraph("AN1.OP7(5)").is_some());
    assert_eq!(
        r.paragraph("AN1.OP8").unwrap().section.as_deref(),
        Some("Principles")
    );
    assert_eq!(
        r.paragraph("AN2.PP1").unwrap().lead.as_deref(),
        Some("Reaffirming")
    );
    assert_eq!(r.footnotes.len(), 26);
    // Body paragraphs and annex paragraphs never share ids.
    assert!(r.paragraph("OP1").unwrap().part == Part::Body);
}

#[test]
fn fact_a_res_79_194_separated_refs_and_subparagraphs() {
    let Some(r) = corpus_doc("A/RES/79/194") else {
        return;
    };
    let m = &r.meta;
    assert_eq!(m.date.as_deref(), Some("2024-12-19"));
    assert_eq!(m.plenary_meeting, Some(54));
    assert_eq!(m.committee_report.as_deref(), Some("A/79/434"));
    assert_eq!(m.agenda_item.as_deref(), Some("15"));
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 55);
    assert_eq!(numbered_ops(&r, &Part::Body), 69);
    assert_eq!(r.footnotes.len(), 20);
    assert_eq!(
        r.footnote(1).unwrap().text,
        "Resolutions 56/183, 57/238, 59/220, 60/252, 62/182, 63/202, 64/187, 65/141, 66/184, 67/195, 68/198, 69/204, 70/184, 71/212, 72/200, 73/218, 74/197, 75/202, 76/189 and 77/150."
    );
    // `2003, 4  and endorsed by the General Assembly, 5  and the Tunis … 2005, 6 and … Assembly,7`
    let pp8 = r.paragraph("PP8").unwrap();
    assert_eq!(refs(&r, "PP8"), vec![4, 5, 6, 7]);
    assert!(pp8.text.contains("held in Geneva from 10 to 12 December 2003, and endorsed by the General Assembly, and the Tunis Commitment"));
    assert!(pp8.text.ends_with("and endorsed by the Assembly,"));
    // PP3 spans a page with a footnote block and keeps its hyphenated compound.
    let pp3 = r.paragraph("PP3").unwrap();
    assert!(
        pp3.text
            .contains("comprehensive, far-reaching and people-centred set of universal")
    );
    assert!(pp3.text.ends_with("to address their unfinished business,"));
    let sub = r.paragraph("OP65(a)").unwrap();
    assert_eq!(
        (sub.kind, sub.parent.as_deref()),
        (ParagraphKind::SubParagraph, Some("OP65"))
    );
    assert_eq!(
        r.paragraph("PP35").unwrap().lead.as_deref(),
        Some("Noting with great concern also")
    );
    assert_eq!(
        r.paragraph("OP17").unwrap().lead.as_deref(),
        Some("Looks forward")
    );
}

#[test]
fn fact_a_res_78_253_sections_restart_numbering() {
    let Some(r) = corpus_doc("A/RES/78/253") else {
        return;
    };
    assert_eq!(r.meta.committee_report.as_deref(), Some("A/78/662"));
    assert_eq!(
        r.meta.title.as_deref(),
        Some("Special subjects relating to the proposed programme budget for 2024")
    );
    let h1 = r.paragraph("H1").unwrap();
    assert_eq!(
        (h1.number.as_deref(), h1.text.as_str()),
        (Some("I"), "Enterprise resource planning project, Umoja")
    );
    assert_eq!(
        r.paragraph("PP2").unwrap().lead.as_deref(),
        Some("Having considered")
    );
    assert_eq!(
        r.paragraph("OP1").unwrap().text,
        "Takes note of the report of the Secretary-General;"
    );
    // Section II restarts at 1: ids get the scope `S2.`.
    let s2 = r.paragraph("S2.OP1").unwrap();
    assert_eq!(
        s2.section.as_deref(),
        Some("Financial performance report on the programme budget for 2022")
    );
    assert_eq!(
        r.paragraph("S2.OP2").unwrap().lead.as_deref(),
        Some("Endorses")
    );
    assert_eq!(
        r.paragraph("PP3").unwrap().section.as_deref(),
        Some("Financial performance report on the programme budget for 2022")
    );
}

#[test]
fn fact_a_res_79_243_convention_annex() {
    let Some(r) = corpus_doc("A/RES/79/243") else {
        return;
    };
    assert_eq!(
        r.meta.title.as_deref(),
        Some(
            "United Nations Convention against Cybercrime; Strengthening International Cooperation for Combating Certain Crimes Committed by Means of Information and Communications Technology Systems and for the Sharing of Evidence in Electronic Form of Serious Crimes"
        )
    );
    assert_eq!(
        r.paragraph("PP3").unwrap().lead.as_deref(),
        Some("Strongly convinced")
    );
    assert_eq!(numbered_ops(&r, &Part::Body), 12);
    assert_eq!(
        r.paragraph("OP11").unwrap().lead.as_deref(),
        Some("Further requests")
    );
    assert_eq!(r.paragraph("AN1.H1").unwrap().text, "Annex");
    // Articles restart their numbering; their paragraphs have no lead verb.
    let art = r.paragraph("AN1.S2.OP1").unwrap();
    assert!(
        art.text
            .starts_with("States Parties shall carry out their obligations under this Convention")
    );
    assert_eq!(art.lead, None);
    assert_eq!(r.footnotes.len(), 1);
}

#[test]
fn fact_a_res_78_223_numbered_list_inside_paragraph() {
    let Some(r) = corpus_doc("A/RES/78/223") else {
        return;
    };
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 16);
    assert_eq!(numbered_ops(&r, &Part::Body), 24);
    assert!(
        r.paragraph("OP11")
            .unwrap()
            .text
            .ends_with("at its thirty-second session:")
    );
    for n in 1..=7 {
        let item = r.paragraph(&format!("OP11({n})")).unwrap();
        assert_eq!(item.parent.as_deref(), Some("OP11"));
    }
    assert_eq!(
        r.paragraph("OP11(1)").unwrap().text,
        "Opening of the Congress."
    );
    assert_eq!(
        r.paragraph("OP12").unwrap().lead.as_deref(),
        Some("Decides")
    );
    assert_eq!(
        r.paragraph("OP17").unwrap().lead.as_deref(),
        Some("Emphasizes")
    );
}

#[test]
fn fact_a_res_79_160_number_without_period() {
    let Some(r) = corpus_doc("A/RES/79/160") else {
        return;
    };
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 20);
    assert_eq!(numbered_ops(&r, &Part::Body), 75);
    assert_eq!(r.footnotes.len(), 22);
    // `26 ` is printed without its period.
    let op26 = r.paragraph("OP26").unwrap();
    assert!(op26.text.starts_with(
        "Condemns without reservation any denial of or attempt to deny the Holocaust"
    ));
    assert!(r.warnings.iter().any(|w| w.contains("paragraph 26")));
    // References glued to a year (`20117` = 2011 + footnote 7) and separated ones.
    assert_eq!(refs(&r, "PP2"), vec![4, 5, 6, 7, 8]);
    assert!(
        r.paragraph("PP2")
            .unwrap()
            .text
            .contains("18/15 of 29 September 2011 and 21/33 of 28 September 2012,")
    );
}

// Issue 10: facts read in the raw texts where the parser went wrong before.

#[test]
fn fact_a_res_78_221_references_glued_to_numbers() {
    let Some(r) = corpus_doc("A/RES/78/221") else {
        return;
    };
    // Printed: `resolutions 71/205 13  and 72/190, 14  and … 73/263, 15 74/168, 16 75/192, 17
    // 76/17918 and 77/229,19 and the reports of 18 October 2022,20 15 March 202321 and
    // 19 October 2023 22  of the Independent …`, notes 13–22 at the foot of page 3.
    let pp19 = r.paragraph("PP19").unwrap();
    assert!(pp19.text.contains(
        "pursuant to resolutions 71/205 and 72/190, and the reports of the Secretary-General \
         submitted pursuant to resolutions 73/263, 74/168, 75/192, 76/179 and 77/229, and the \
         reports of 18 October 2022, 15 March 2023 and 19 October 2023 of the Independent"
    ));
    assert_eq!(refs(&r, "PP19"), (13..=22).collect::<Vec<u32>>());
    assert!(r.warnings.iter().all(|w| !w.contains("footnote")));
}

#[test]
fn fact_a_res_78_69_and_79_144_references_after_numbers_and_words() {
    let Some(r) = corpus_doc("A/RES/78/69") else {
        return;
    };
    // `… Response and Cooperation, 1990,126 and the Protocol …`
    let op244 = r.paragraph("OP244").unwrap();
    assert!(
        op244
            .text
            .contains("Preparedness, Response and Cooperation, 1990, and the Protocol")
    );
    assert!(refs(&r, "OP244").contains(&126));
    let Some(r) = corpus_doc("A/RES/79/144") else {
        return;
    };
    // `… during the COVID‑19 pandemic 56 and on recommendations 57 emanating from the …`
    let op114 = r.paragraph("OP114").unwrap();
    assert!(
        op114
            .text
            .contains("pandemic and on recommendations emanating from the Joint")
    );
    assert_eq!(refs(&r, "OP114"), vec![56, 57, 58]);
}

#[test]
fn fact_a_c2_80_l47_wrapped_footnote_line() {
    let Some(r) = corpus_doc("A/C.2/80/L.47") else {
        return;
    };
    // Note 16 wraps onto a line starting `17 March 2022, …`; note 17 is `Resolution 78/317, annex.`
    assert_eq!(
        r.footnote(16).unwrap().text,
        "Report of the Fifth United Nations Conference on the Least Developed Countries, New \
         York, 17 March 2022, and Doha, 5–9 March 2023 (A/CONF.219/2023/3), chap. I, resolution 2."
    );
    assert_eq!(r.footnote(17).unwrap().text, "Resolution 78/317, annex.");
    assert_eq!(r.footnotes.len(), 19);
}

#[test]
fn fact_sub_paragraphs_after_a_page_break() {
    // A/RES/78/111: OP6(b) ends `… Special Committee;10`, the page breaks, `(c) Calls upon …`.
    let Some(r) = corpus_doc("A/RES/78/111") else {
        return;
    };
    assert!(
        r.paragraph("OP6(b)")
            .unwrap()
            .text
            .ends_with("posted on the website of the Special Committee;")
    );
    assert!(
        r.paragraph("OP6(c)")
            .unwrap()
            .text
            .starts_with("Calls upon the Special Committee to include a summary")
    );
    // A/RES/79/75: OP8(d)(v) ends `… Amended Protocol II;15`, then `(vi) Meeting of …`.
    let Some(r) = corpus_doc("A/RES/79/75") else {
        return;
    };
    assert!(r.paragraph("OP8(d)(v)").unwrap().text.ends_with(
        "Twenty-fifth Annual Conference of the High Contracting Parties to Amended Protocol II;"
    ));
    assert!(r.paragraph("OP8(d)(vi)").unwrap().text.starts_with(
        "Meeting of the High Contracting Parties to the Convention, from 13 to 15 November 2024"
    ));
}

#[test]
fn fact_a_res_78_8_preambular_paragraph_without_comma() {
    let Some(r) = corpus_doc("A/RES/78/8") else {
        return;
    };
    // `Having received the report of the International Atomic Energy Agency for 2022 1` has no
    // final comma in print; it is the first of four preambular paragraphs, not a heading.
    let pp1 = r.paragraph("PP1").unwrap();
    assert_eq!(
        pp1.text,
        "Having received the report of the International Atomic Energy Agency for 2022"
    );
    // The lexicon reads `Having received …` as the lead `Having`, as in the other documents.
    assert_eq!(pp1.lead.as_deref(), Some("Having"));
    assert_eq!(refs(&r, "PP1"), vec![1]);
    assert_eq!(count_kind(&r, ParagraphKind::Preambular, &Part::Body), 4);
    assert_eq!(count_kind(&r, ParagraphKind::Heading, &Part::Body), 0);
}

#[test]
fn fact_words_broken_in_the_text_layer() {
    // A/RES/79/164 prints `self- determination,3` (and `self-determination` elsewhere).
    let Some(r) = corpus_doc("A/RES/79/164") else {
        return;
    };
    assert!(
        r.paragraphs
            .iter()
            .all(|p| !p.text.contains("self- determination"))
    );
    assert!(
        r.paragraph("PP8")
            .unwrap()
            .text
            .ends_with("the right of peoples to self-determination,")
    );
    // A/RES/78/33: `Treaty on the Non- Proliferation of Nuclear Weapons`.
    let Some(r) = corpus_doc("A/RES/78/33") else {
        return;
    };
    assert!(
        r.paragraph("PP16")
            .unwrap()
            .text
            .contains("Treaty on the Non-Proliferation of Nuclear Weapons")
    );
    // A/RES/79/263: `Reduction 2015–` / `2030, a 8 nd other relevant …` (note 8 printed inside
    // `and`).
    let Some(r) = corpus_doc("A/RES/79/263") else {
        return;
    };
    let pp13 = r.paragraph("PP13").unwrap();
    assert!(
        pp13.text
            .contains("Disaster Risk Reduction 2015–2030, and other relevant major"),
        "{}",
        pp13.text
    );
    assert_eq!(refs(&r, "PP13"), vec![7, 8]);
    // A/RES/79/16 OP1 and A/RES/79/36 PP6 print `Non- Proliferation`: 79/16 never writes the
    // word whole (a compound of UN usage), 79/36 writes `non-proliferation` elsewhere.
    for (symbol, id) in [("A/RES/79/16", "OP1"), ("A/RES/79/36", "PP6")] {
        let Some(r) = corpus_doc(symbol) else {
            return;
        };
        let text = &r.paragraph(id).unwrap().text;
        assert!(
            text.contains("Treaty on the Non-Proliferation of Nuclear Weapons"),
            "{symbol} {id}: {text}"
        );
    }
    // Line-end hyphens after a number: A/RES/78/234 `COVID-19-` / `related Hate Speech`,
    // A/RES/79/254 `an 18-` / `month pilot programme`; A/RES/78/173 `re- emphasizes`.
    for (symbol, id, words) in [
        (
            "A/RES/78/234",
            "PP6",
            "Countering COVID-19-related Hate Speech",
        ),
        (
            "A/RES/79/254",
            "OP26",
            "to initiate an 18-month pilot programme",
        ),
        (
            "A/RES/78/173",
            "OP12",
            "in this regard re-emphasizes the resolve",
        ),
        (
            "A/RES/79/219",
            "OP4",
            "in a well-coordinated and coherent manner",
        ),
    ] {
        let Some(r) = corpus_doc(symbol) else {
            return;
        };
        let text = &r.paragraph(id).unwrap().text;
        assert!(text.contains(words), "{symbol} {id}: {text}");
    }
}

/// A hyphen followed by a space between two words (`Non- Proliferation`, `COVID-19- related`)
/// is a line-break artefact unless the hyphen is suspended (`medium- and long-term`,
/// `pre- or post-`): counted over the paragraph text of every corpus document with a regex of
/// its own, not through the parser's joining rules.
#[test]
fn no_hyphen_space_artefact_in_paragraph_text() {
    let Some(dir) = resdiff::corpus::dir_or_skip("hyphen artefacts in corpus paragraphs") else {
        return;
    };
    let pair = Regex::new(r"(\w+)- (\w+)").unwrap();
    let line_end_after_number = Regex::new(r"\d-[ \t]*\n[ \t]*[A-Za-z]").unwrap();
    let suspended = |next: &str| matches!(next, "and" | "or" | "to" | "nor");
    let (mut raw_artefacts, mut kept_suspended, mut left) = (0, 0, Vec::new());
    let files = resdiff::corpus::text_files(&dir).unwrap();
    assert!(files.len() >= 600, "corpus has {} texts", files.len());
    for f in &files {
        let raw = std::fs::read_to_string(f).unwrap();
        // In the raw text layer: inside a line, and at a line end after a number.
        for line in raw.lines() {
            raw_artefacts += pair
                .captures_iter(line)
                .filter(|c| !suspended(&c[2]))
                .count();
        }
        raw_artefacts += line_end_after_number.find_iter(&raw).count();
        let r = resdiff::parse::parse(&raw);
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        for p in &r.paragraphs {
            for c in pair.captures_iter(&p.text) {
                if suspended(&c[2]) {
                    kept_suspended += 1;
                } else {
                    left.push(format!("{name} {}: {}", p.id, &c[0]));
                }
            }
        }
    }
    eprintln!(
        "hyphen + space in {} texts: {raw_artefacts} artefacts in the raw text layer (inside a \
         line, or a line-end hyphen after a number), {} left in paragraph text; {kept_suspended} \
         suspended hyphens kept",
        files.len(),
        left.len()
    );
    assert!(
        left.is_empty(),
        "{} artefacts left:\n{}",
        left.len(),
        left.join("\n")
    );
    // Suspended hyphens stay as printed (274 in the corpus paragraphs when measured).
    assert!(
        kept_suspended >= 274,
        "only {kept_suspended} suspended hyphens kept"
    );
}
