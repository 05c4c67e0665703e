//! Routine detection and classification on real paragraph pairs: the sample resolutions
//! (A/RES/65/141 → A/RES/66/184) and corpus texts (A/RES/78/132 → A/RES/79/194).

use resdiff::diff::{
    ChangeKind, Direction, FootnoteChange, KindChange, OpKind, Rollover, classify, diff_words,
    mark_routine, new_text, old_text,
};
use resdiff::model::{Footnote, FootnoteRef, Paragraph, ParagraphKind, Part, Resolution};

/// A corpus text as one line: wrapped lines joined, spacing collapsed, footnote digits glued to
/// words removed (`Goals19` → `Goals`), as the parser does.
fn corpus_flat(symbol: &str) -> Option<String> {
    let dir = resdiff::corpus::dir_or_skip("diff_corpus")?;
    let raw = std::fs::read_to_string(resdiff::corpus::text_path(&dir, symbol)).unwrap();
    let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let mut prev_lower = false;
    for c in joined.chars() {
        if c.is_ascii_digit() && prev_lower {
            continue;
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    Some(out)
}

/// The text from `start` through the first following `end`.
fn para(text: &str, start: &str, end: &str) -> String {
    let s = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let rest = &text[s..];
    let e = rest
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found after {start:?}"));
    rest[..e + end.len()].to_string()
}

fn sample_line(file: &str, start: &str) -> String {
    let path = format!("{}/sample_data/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{start:?} not in {file}"))
        .to_string()
}

fn paragraph(id: &str, lead: Option<&str>, text: &str, notes: &[u32]) -> Paragraph {
    Paragraph {
        id: id.to_string(),
        kind: ParagraphKind::Operative,
        number: None,
        lead: lead.map(str::to_string),
        text: text.to_string(),
        parent: None,
        part: Part::Body,
        section: None,
        footnote_refs: notes
            .iter()
            .map(|&number| FootnoteRef {
                number,
                offset: text.len(),
            })
            .collect(),
        printed_number: None,
    }
}

fn resolution(notes: &[(u32, &str)]) -> Resolution {
    Resolution {
        footnotes: notes
            .iter()
            .map(|&(number, text)| Footnote {
                number,
                text: text.to_string(),
            })
            .collect(),
        ..Resolution::default()
    }
}

/// The rollover between the two sample resolutions (65/141 → 66/184), from their metadata.
fn sample_rollover() -> Rollover {
    let load = |f: &str| {
        resdiff::load(std::path::Path::new(&format!(
            "{}/sample_data/{f}",
            env!("CARGO_MANIFEST_DIR")
        )))
        .unwrap()
    };
    let r = Rollover::between(
        &load("A_RES_65_141.txt").meta,
        &load("A_RES_66_184.txt").meta,
    );
    assert_eq!(r.sessions, Some(1));
    assert_eq!(r.old_symbol.as_deref(), Some("65/141"));
    r
}

/// The rollover between two corpus documents, from their metadata (the corpus exists when
/// this is called).
fn corpus_rollover(old: &str, new: &str) -> Rollover {
    let dir = resdiff::corpus::expected_dir();
    let load = |s: &str| resdiff::load(&resdiff::corpus::text_path(&dir, s)).unwrap();
    Rollover::between(&load(old).meta, &load(new).meta)
}

fn routine_kind(old: &str, new: &str, ro: &Rollover) -> ChangeKind {
    let mut ops = diff_words(old, new);
    assert_eq!(old_text(&ops), old);
    assert_eq!(new_text(&ops), new);
    let (ro_doc, rn_doc) = (resolution(&[]), resolution(&[]));
    let (po, pn) = (
        paragraph("OP1", None, old, &[]),
        paragraph("OP1", None, new, &[]),
    );
    classify(Some((&po, &ro_doc)), Some((&pn, &rn_doc)), &mut ops, ro).kind
}

#[test]
fn sample_stamp_lines_are_routine() {
    // "Resolution adopted by the General Assembly on 20 December 2010" → "… 22 December 2011".
    let old = sample_line(
        "A_RES_65_141.txt",
        "Resolution adopted by the General Assembly",
    );
    let new = sample_line(
        "A_RES_66_184.txt",
        "Resolution adopted by the General Assembly",
    );
    assert!(old.ends_with("20 December 2010") && new.ends_with("22 December 2011"));
    let ro = sample_rollover();
    assert_eq!(routine_kind(&old, &new, &ro), ChangeKind::Routine);
    // A/65/433 → A/66/437: the committee report of the next session.
    let old = sample_line("A_RES_65_141.txt", "[on the report of the Second Committee");
    let new = sample_line("A_RES_66_184.txt", "[on the report of the Second Committee");
    assert_eq!(routine_kind(&old, &new, &ro), ChangeKind::Routine);
    // With the gap unknown, or as if both were of one session, nothing is routine.
    assert_eq!(
        routine_kind(&old, &new, &Rollover::default()),
        ChangeKind::Substantive
    );
    assert_eq!(
        routine_kind(&old, &new, &Rollover::with_gap(66, 0)),
        ChangeKind::Substantive
    );
}

#[test]
fn sample_last_operative_paragraph_is_routine() {
    let old = sample_line("A_RES_65_141.txt", "24. Decides to include");
    let old = old
        .split(" 69th plenary")
        .next()
        .unwrap()
        .trim_start_matches("24. ");
    let new = sample_line("A_RES_66_184.txt", "21.\tDecides to include");
    let new = new.trim_start_matches("21.\t");
    assert_eq!(
        routine_kind(old, new, &sample_rollover()),
        ChangeKind::Routine
    );
}

#[test]
fn sample_first_preambular_paragraph_is_substantive() {
    // 66/184 adds 65/141 to the list (routine) but also moves the ECOSOC resolutions out of the
    // paragraph (substantive).
    let old = sample_line("A_RES_65_141.txt", "Recalling its resolutions 56/183");
    let new = sample_line("A_RES_66_184.txt", "Recalling its resolutions 56/183");
    let mut ops = diff_words(&old, &new);
    let (ro, rn) = (resolution(&[]), resolution(&[]));
    let (po, pn) = (
        paragraph("PP1", Some("Recalling"), &old, &[]),
        paragraph("PP1", Some("Recalling"), &new, &[]),
    );
    let c = classify(
        Some((&po, &ro)),
        Some((&pn, &rn)),
        &mut ops,
        &sample_rollover(),
    );
    assert_eq!(c.kind, ChangeKind::Substantive);
    assert_eq!(c.references_added, vec!["65/141"]);
    assert_eq!(c.references_removed, vec!["2006/46", "2008/3", "2009/7"]);
    assert_eq!(c.lead_change, None);
    // The list growth ("and 64/187" → ", 64/187 … 65/141 …") is joined, through the equal
    // "64/187 of 21 December 2009, ", with the removal of the ECOSOC resolutions, so the cluster
    // is not routine; the unchanged lead is untouched.
    let grown: Vec<_> = ops
        .iter()
        .filter(|o| o.op == OpKind::Insert && o.text.contains("65/141"))
        .collect();
    assert_eq!(grown.len(), 1);
    assert!(!grown[0].routine);
}

#[test]
fn sample_taking_note_paragraph_lead_and_references() {
    // "Taking note of … resolution 2010/2 of 19 July 2010 …" became "Recalling also … and taking
    // note of … resolution 2011/16 of 26 July 2011 …".
    let old = sample_line(
        "A_RES_65_141.txt",
        "Taking note of Economic and Social Council",
    );
    let new = sample_line(
        "A_RES_66_184.txt",
        "Recalling also Economic and Social Council",
    );
    let mut ops = diff_words(&old, &new);
    let (ro, rn) = (resolution(&[]), resolution(&[]));
    let (po, pn) = (
        paragraph("PP2", Some("Taking note of"), &old, &[]),
        paragraph("PP2", Some("Recalling also"), &new, &[]),
    );
    let c = classify(
        Some((&po, &ro)),
        Some((&pn, &rn)),
        &mut ops,
        &sample_rollover(),
    );
    assert_eq!(c.kind, ChangeKind::Substantive);
    let lead = c.lead_change.unwrap();
    assert_eq!(lead.direction, Direction::Neutral);
    assert_eq!(lead.scale, None);
    assert_eq!(
        c.references_added,
        vec!["2006/46", "2008/3", "2009/7", "2011/16"]
    );
    assert!(c.references_removed.is_empty());
    // "2010/2 of 19 July 2010" → "2011/16 of 26 July 2011" cites a different ECOSOC resolution:
    // not the rollover of the old document, so not routine (it used to be muted).
    assert!(
        ops.iter()
            .any(|o| o.op == OpKind::Delete && o.text.contains("2010/2") && !o.routine)
    );
}

#[test]
fn footnote_changes_by_text() {
    let text = "Recalling the 2005 World Summit Outcome,";
    let ro = resolution(&[(4, "See resolution 60/1."), (5, "A/65/64-E/2010/12.")]);
    let rn = resolution(&[
        (5, "See resolution 60/1."),
        (7, "A/66/64-E/2011/77."),
        (8, "New note."),
    ]);
    let po = paragraph("PP4", None, text, &[4, 5]);
    let pn = paragraph("PP4", None, text, &[5, 7, 8]);
    let mut ops = diff_words(text, text);
    let annual = Rollover::with_gap(65, 1);
    let c = classify(Some((&po, &ro)), Some((&pn, &rn)), &mut ops, &annual);
    // The text is the same but a footnote was added: the footnote change kind, never "none".
    assert_eq!(c.kind, ChangeKind::Footnote);
    assert!(c.kind.is_substantive());
    assert_eq!(
        c.footnotes,
        vec![
            FootnoteChange::Changed {
                old: "A/65/64-E/2010/12.".into(),
                new: "A/66/64-E/2011/77.".into(),
                routine_reason: Some(
                    "report A/65/…-E/2010/… → A/66/…-E/2011/…: session +1 = document gap".into()
                ),
            },
            FootnoteChange::Added {
                text: "New note.".into()
            },
        ]
    );
    // Only the rollover of a note's text: routine, not unchanged.
    let rn2 = resolution(&[(5, "See resolution 60/1."), (7, "A/66/64-E/2011/77.")]);
    let pn2 = paragraph("PP4", None, text, &[5, 7]);
    let mut ops = diff_words(text, text);
    let c = classify(Some((&po, &ro)), Some((&pn2, &rn2)), &mut ops, &annual);
    assert_eq!(c.kind, ChangeKind::Routine);
    // The same change with the gap unknown: substantive, in the footnote.
    let c = classify(
        Some((&po, &ro)),
        Some((&pn2, &rn2)),
        &mut ops,
        &Rollover::default(),
    );
    assert_eq!(c.kind, ChangeKind::Footnote);
    // An added paragraph is substantive.
    let mut ops = diff_words("", text);
    let c = classify(None, Some((&pn, &rn)), &mut ops, &annual);
    assert_eq!(c.kind, ChangeKind::Substantive);
}

#[test]
fn corpus_first_preambular_paragraph_is_routine() {
    let (Some(old), Some(new)) = (corpus_flat("A/RES/78/132"), corpus_flat("A/RES/79/194")) else {
        return;
    };
    let o = para(&old, "Recalling its resolution 77/150", "on the issue,");
    let n = para(&new, "Recalling its resolution 78/132", "on the issue,");
    // 77/150 of 14 December 2022, the predecessor, replaced by 78/132 of 19 December 2023, the old
    // document with its own adoption date.
    let ro = corpus_rollover("A/RES/78/132", "A/RES/79/194");
    assert_eq!(routine_kind(&o, &n, &ro), ChangeKind::Routine);
    let mut ops = diff_words(&o, &n);
    mark_routine(&mut ops, &ro);
    assert!(ops.iter().any(|o| o.routine_reason.as_deref()
        == Some("77/150 (the predecessor) replaced by 78/132 (the old document)")));
    let deleted: Vec<_> = ops
        .iter()
        .filter(|o| o.op == OpKind::Delete)
        .map(|o| o.text.as_str())
        .collect();
    assert!(deleted.concat().contains("77/150"));
}

#[test]
fn corpus_growing_list_of_resolutions_is_routine() {
    let (Some(old), Some(new)) = (corpus_flat("A/RES/78/132"), corpus_flat("A/RES/79/194")) else {
        return;
    };
    // Footnote 2: "… 2021/28 and 2022/15." → "… 2021/28, 2022/15 and 2023/3."
    let start = "Economic and Social Council resolutions 2006/46, 2008/3";
    let o = para(&old, start, ".");
    let n = para(&new, start, ".");
    assert!(o.ends_with("2021/28 and 2022/15.") && n.ends_with("2022/15 and 2023/3."));
    // A further ECOSOC resolution is another document, not the rollover (it used to be muted).
    let ro = corpus_rollover("A/RES/78/132", "A/RES/79/194");
    assert_eq!(routine_kind(&o, &n, &ro), ChangeKind::Substantive);
    // Marked up as a person would: "2021/28[- and-]{+,+} 2022/15{+ and 2023/3+}."
    let ops = diff_words(&o, &n);
    let del: Vec<_> = ops
        .iter()
        .filter(|x| x.op == OpKind::Delete)
        .map(|x| x.text.as_str())
        .collect();
    let ins: Vec<_> = ops
        .iter()
        .filter(|x| x.op == OpKind::Insert)
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(del, vec![" and"]);
    assert_eq!(ins, vec![",", " and 2023/3"]);
}

#[test]
fn corpus_session_and_year_updates_are_routine() {
    let (Some(old), Some(new)) = (corpus_flat("A/RES/78/132"), corpus_flat("A/RES/79/194")) else {
        return;
    };
    // seventy-ninth → eightieth
    let o = para(
        &old,
        "Decides to include in the provisional agenda",
        "unless otherwise agreed.",
    );
    let n = para(
        &new,
        "Decides to include in the provisional agenda",
        "unless otherwise agreed.",
    );
    assert!(o.contains("seventy-ninth") && n.contains("eightieth"));
    let ro = corpus_rollover("A/RES/78/132", "A/RES/79/194");
    assert_eq!(routine_kind(&o, &n, &ro), ChangeKind::Routine);
    // "… Goals in 2024 to include …" → "in 2025"
    let o = para(
        &old,
        "Invites the Co-Chairs of the multi-stakeholder forum",
        "summary;",
    );
    let n = para(
        &new,
        "Invites the Co-Chairs of the multi-stakeholder forum",
        "summary;",
    );
    assert_eq!(routine_kind(&o, &n, &ro), ChangeKind::Routine);
    let o = para(
        &old,
        "Requests the Secretary-General to submit to the General Assembly at its",
        "international levels;",
    );
    let n = para(
        &new,
        "Requests the Secretary-General to submit to the General Assembly at its",
        "international levels;",
    );
    assert_eq!(routine_kind(&o, &n, &ro), ChangeKind::Routine);
}

#[test]
fn corpus_commission_session_paragraph_is_substantive() {
    let (Some(old), Some(new)) = (corpus_flat("A/RES/78/132"), corpus_flat("A/RES/79/194")) else {
        return;
    };
    // The session ordinals and dates are routine, but the priority themes changed.
    let o = para(
        &old,
        "Noting also the holding of the twenty-sixth session",
        "capacity-building,",
    );
    let n = para(
        &new,
        "Noting also the holding of the twenty-seventh session",
        "capacity-building,",
    );
    let ro = corpus_rollover("A/RES/78/132", "A/RES/79/194");
    let mut ops = diff_words(&o, &n);
    mark_routine(&mut ops, &ro);
    // The Commission's session is not the General Assembly's, and the text does not call it
    // annual: its ordinal is not part of the rollover (it used to be muted).
    assert!(
        ops.iter()
            .any(|op| !op.routine && op.text.contains("twenty-sixth"))
    );
    assert!(
        ops.iter()
            .any(|op| !op.routine && op.op == OpKind::Insert && op.text.contains("Diversifying"))
    );
    assert_eq!(routine_kind(&o, &n, &ro), ChangeKind::Substantive);
}

#[test]
fn sample_lead_demoted_when_operative_became_preambular() {
    // 65/141 OP16 "Further recognizes that the Internet governance-related outcomes …" became
    // the 66/184 preambular paragraph "Reaffirming that the outcomes …": a demotion from the
    // operative part, never reported as a stronger verb (it used to be "▲ stronger").
    let old = sample_line("A_RES_65_141.txt", "16. Further recognizes that");
    let old = old.trim_start_matches("16. ");
    let new = sample_line(
        "A_RES_66_184.txt",
        "Reaffirming that the outcomes of the World Summit",
    );
    let mut ops = diff_words(old, &new);
    let (ro, rn) = (resolution(&[]), resolution(&[]));
    let po = paragraph("OP16", Some("Further recognizes"), old, &[]);
    let mut pn = paragraph("PP26", Some("Reaffirming"), &new, &[]);
    pn.kind = ParagraphKind::Preambular;
    let c = classify(
        Some((&po, &ro)),
        Some((&pn, &rn)),
        &mut ops,
        &sample_rollover(),
    );
    let lead = c.lead_change.unwrap();
    assert_eq!(lead.old, "Further recognizes");
    assert_eq!(lead.new, "Reaffirming");
    assert_eq!(lead.direction, Direction::Neutral);
    assert_eq!(lead.kind_change, Some(KindChange::OperativeToPreambular));
    assert_eq!(lead.scale, None);
    assert_eq!(c.kind, ChangeKind::Substantive);
}
