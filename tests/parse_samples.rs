//! Facts of the two sample resolutions (counted by reading `sample_data/`), plus small typed
//! inputs for edge cases.

use resdiff::model::{DocumentKind, ParagraphKind, Resolution, TextFlavour};
use resdiff::parse::parse;

fn sample(name: &str) -> Resolution {
    let path = format!("{}/sample_data/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).unwrap())
}

fn count(r: &Resolution, kind: ParagraphKind) -> usize {
    r.paragraphs.iter().filter(|p| p.kind == kind).count()
}

#[test]
fn a_res_66_184_ods_export() {
    let r = sample("A_RES_66_184.txt");
    assert_eq!(r.flavour, TextFlavour::OdsExport);
    assert!(r.structured);
    assert_eq!(count(&r, ParagraphKind::Preambular), 30);
    assert_eq!(count(&r, ParagraphKind::Operative), 21);
    assert_eq!(
        r.paragraphs.len(),
        51,
        "no furniture paragraphs after the footnotes"
    );
    assert_eq!(r.footnotes.len(), 10);
    let m = &r.meta;
    assert_eq!(m.symbol.as_deref(), Some("A/RES/66/184"));
    assert_eq!(
        m.title.as_deref(),
        Some("Information and communications technologies for development")
    );
    assert_eq!(m.session, Some(66));
    assert_eq!(m.date.as_deref(), Some("2011-12-22"));
    assert_eq!(m.plenary_meeting, Some(91));
    assert_eq!(m.committee_report.as_deref(), Some("A/66/437"));
    assert_eq!(m.agenda_item.as_deref(), Some("16"));
    assert_eq!(m.kind, DocumentKind::Resolution);

    let ids: Vec<&str> = r.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids[0], "PP1");
    assert_eq!(ids[29], "PP30");
    assert_eq!(ids[30], "OP1");
    assert_eq!(ids[50], "OP21");

    let pp3 = r.paragraph("PP3").unwrap();
    assert_eq!(pp3.lead.as_deref(), Some("Recalling further"));
    assert!(pp3.text.contains("held in Geneva from 10 to 12 December 2003, and endorsed by the General Assembly, and the Tunis"));
    let nums: Vec<u32> = pp3.footnote_refs.iter().map(|f| f.number).collect();
    assert_eq!(nums, vec![1, 2, 3, 4]);
    // The offset points right after the punctuation the digit was glued to.
    let first = pp3.footnote_refs[0].offset;
    assert!(pp3.text[..first].ends_with("December 2003,"));
    assert!(pp3.text.ends_with("endorsed by the General Assembly,"));

    let op9 = r.paragraph("OP9").unwrap();
    assert!(op9.text.contains("outcomes of the Geneva and Tunis phases"));
    assert_eq!(
        op9.footnote_refs
            .iter()
            .map(|f| f.number)
            .collect::<Vec<_>>(),
        vec![1, 3]
    );
    assert_eq!(
        r.paragraph("PP16").unwrap().lead.as_deref(),
        Some("Expressing concern also")
    );
    assert_eq!(
        r.paragraph("PP25").unwrap().lead.as_deref(),
        Some("Reiterating")
    );
    assert_eq!(
        r.paragraph("OP8").unwrap().lead.as_deref(),
        Some("Further recognizes")
    );
    assert_eq!(
        r.paragraph("OP2").unwrap().lead.as_deref(),
        Some("Expresses concern")
    );
    let op21 = r.paragraph("OP21").unwrap();
    assert!(
        op21.text.starts_with(
            "Decides to include in the provisional agenda of its sixty-seventh session"
        )
    );
    assert!(op21.text.ends_with("for development\"."));
    assert_eq!(r.footnote(1).unwrap().text, "See A/C.2/59/3, annex.");
    assert_eq!(r.footnote(10).unwrap().text, "A/66/77-E/2011/103.");
    assert!(
        r.footnote(8)
            .unwrap()
            .text
            .starts_with("United Nations Educational, Scientific")
    );
}

#[test]
fn a_res_65_141_line_per_paragraph() {
    let r = sample("A_RES_65_141.txt");
    assert_eq!(r.flavour, TextFlavour::LinePerParagraph);
    assert!(r.structured);
    assert_eq!(count(&r, ParagraphKind::Operative), 24);
    // The copy lacks the paragraph with footnotes 1–4 (see sample_data/README.md): 24 remain.
    assert_eq!(count(&r, ParagraphKind::Preambular), 24);
    assert!(r.footnotes.is_empty());
    let m = &r.meta;
    assert_eq!(m.date.as_deref(), Some("2010-12-20"));
    assert_eq!(m.plenary_meeting, Some(69));
    assert_eq!(m.committee_report.as_deref(), Some("A/65/433"));
    assert_eq!(m.kind, DocumentKind::Resolution);
    let op24 = r.paragraph("OP24").unwrap();
    assert!(
        op24.text.ends_with("technologies for development\"."),
        "{}",
        op24.text
    );
    assert!(!op24.text.contains("plenary"));
    let op10 = r.paragraph("OP10").unwrap();
    assert!(
        op10.text
            .contains("outcomes of the Geneva and Tunis phases")
    );
    assert_eq!(
        op10.footnote_refs
            .iter()
            .map(|f| f.number)
            .collect::<Vec<_>>(),
        vec![2, 4]
    );
    assert_eq!(
        r.paragraph("PP9").unwrap().lead.as_deref(),
        Some("Taking note also")
    );
    // Blank lines are not paragraph breaks; every line is one paragraph.
    assert!(
        r.paragraph("PP4")
            .unwrap()
            .text
            .starts_with("Recalling also the 2005 World Summit Outcome")
    );
}

#[test]
fn empty_text() {
    let r = parse("");
    assert!(r.paragraphs.is_empty());
    assert!(!r.structured);
    assert!(!r.warnings.is_empty());
    let r = parse(" \n\n \n");
    assert!(r.paragraphs.is_empty());
}

#[test]
fn unrecognised_prose_is_unstructured() {
    let text = "Dear colleague,\n\nI have the honour to transmit the\nattached note on the multi-\nstakeholder meeting.\n\nYours sincerely,\nThe Chair\n";
    let r = parse(text);
    assert!(!r.structured);
    let ids: Vec<&str> = r.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P2", "P3"]);
    assert!(
        r.paragraphs
            .iter()
            .all(|p| p.kind == ParagraphKind::Unstructured)
    );
    assert_eq!(
        r.paragraphs[1].text,
        "I have the honour to transmit the attached note on the multi-stakeholder meeting."
    );
    // Lines without blank lines: one paragraph per line.
    let r = parse("first line\nsecond line\n");
    assert_eq!(r.paragraphs.len(), 2);
}

#[test]
fn repeated_numbers_get_unique_ids() {
    let text = "The General Assembly,\nRecalling its resolutions,\n1. Decides to act;\n2. Requests a report;\n2. Requests another report;\n(a) first item;\n(b) second item;\n(i) a roman item;\n3. Decides to remain seized of the matter.\n";
    let r = parse(text);
    assert!(r.structured);
    let ids: Vec<&str> = r.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "PP1",
            "OP1",
            "OP2",
            "OP2~2",
            "OP2~2(a)",
            "OP2~2(b)",
            "OP2~2(b)(i)",
            "OP3"
        ]
    );
    assert!(r.warnings.iter().any(|w| w.contains("OP2~2")));
    let sub = r.paragraph("OP2~2(b)(i)").unwrap();
    assert_eq!(sub.kind, ParagraphKind::SubParagraph);
    assert_eq!(sub.parent.as_deref(), Some("OP2~2(b)"));
}

#[test]
fn letter_i_after_h_is_a_letter() {
    let mut text = String::from("The General Assembly,\n1. Decides:\n");
    for l in 'a'..='j' {
        text.push_str(&format!("({l}) item {l};\n"));
    }
    let r = parse(&text);
    let i = r.paragraph("OP1(i)").unwrap();
    assert_eq!(i.parent.as_deref(), Some("OP1"));
    assert!(r.paragraph("OP1(j)").is_some());
}

#[test]
fn odd_inputs_never_panic() {
    let inputs = [
        "1.",
        "(a)",
        "The General Assembly,",
        "The General Assembly,\n1.\n(i)\n(ii)\n2/18\n24-24293\n*2424293*\n",
        "__________\n1 note\n* star\n",
        "Annex\nAnnex II\nArticle 1\nRule 2\n",
        "66/184.\tTitle\n\tThe General Assembly,\n\t1.\tDecides;\n91st plenary meeting\n1 Note.\n<<ODS JOB NO>>",
        "word2 word,3 2024–203411 59/3009 Agenda 216 1,088",
        "\u{feff}é–”’\u{2028}\t\t\n\n\n  ",
        "multi-\n\n-stakeholder low-\nand",
    ];
    for t in inputs {
        let r = parse(t);
        for p in &r.paragraphs {
            for f in &p.footnote_refs {
                assert!(
                    p.text.is_char_boundary(f.offset) && f.offset <= p.text.len(),
                    "{t:?}"
                );
            }
        }
    }
}

#[test]
fn sample_prefixes_never_panic() {
    // Every prefix of the samples cut at a line boundary: partial documents must still parse.
    for name in ["A_RES_66_184.txt", "A_RES_65_141.txt"] {
        let path = format!("{}/sample_data/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        for (i, _) in text.match_indices('\n').step_by(3) {
            let r = parse(&text[..i]);
            assert!(r.paragraphs.iter().all(|p| !p.id.is_empty()));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn arbitrary_text_never_panics(s in "(The General Assembly,\n|[0-9]{1,3}\\. |\\([a-z]{1,3}\\) |[A-Za-z,;:.”’ \n\t-]{0,12}|[0-9/]{1,6}|_{5,8}\n|\u{a0}|é){0,60}") {
        let r = parse(&s);
        for p in &r.paragraphs {
            for f in &p.footnote_refs {
                proptest::prop_assert!(p.text.is_char_boundary(f.offset));
            }
        }
    }
}
