//! DOCX: tracked changes that accept to the new text and reject to the old text.

mod report_support;

use report_support::{
    DocxView, Mark, Seg, crafted, docx_document_xml, docx_paragraphs, docx_part, docx_view,
    expected_paragraphs, expected_paragraphs_with_notes, para, referenced_notes, resolve,
};
use resdiff::compare::{Comparison, compare};
use resdiff::model::{Footnote, FootnoteRef, Metadata, ParagraphKind, Resolution};
use resdiff::parse::parse;
use resdiff::report::{Format, RenderOptions, render};

fn opts() -> RenderOptions {
    RenderOptions {
        author: "Delegate & Co".into(),
        date: Some("2026-01-02T03:04:05Z".into()),
        ..RenderOptions::default()
    }
}

/// What a document must read as after accepting (new) or rejecting (old) every change: title,
/// "The General Assembly,", the paragraphs, and the closing plenary line.
fn expected(c: &Comparison, new: bool) -> Vec<String> {
    let r = if new { &c.new } else { &c.old };
    expected_around(r, expected_paragraphs(r), false)
}

/// [`expected`] with footnote marks written `[^text]` as [`docx_view`] reads them.
fn expected_with_notes(c: &Comparison, new: bool) -> Vec<String> {
    let r = if new { &c.new } else { &c.old };
    expected_around(r, expected_paragraphs_with_notes(r), true)
}

/// The title, "The General Assembly,", `paras` and the closing line of `r` in document order, then
/// the paragraph that keeps the notes no paragraph references (their marks when `with_notes`).
fn expected_around(r: &Resolution, paras: Vec<String>, with_notes: bool) -> Vec<String> {
    let mut v = Vec::new();
    let number = r
        .meta
        .symbol
        .as_deref()
        .and_then(|s| s.strip_prefix("A/RES/"));
    let title = r
        .meta
        .title
        .clone()
        .or(r.meta.symbol.clone())
        .unwrap_or_default();
    v.push(match number {
        Some(n) => format!("{n}.\t{title}"),
        None => title,
    });
    v.push("The General Assembly,".to_string());
    let closing = r.meta.plenary_meeting.map(|n| {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix} plenary meeting")
    });
    let first_annex = r
        .paragraphs
        .iter()
        .position(|p| matches!(p.part, resdiff::model::Part::Annex { .. }));
    for (i, p) in paras.into_iter().enumerate() {
        if Some(i) == first_annex
            && let Some(cl) = &closing
        {
            v.push(cl.clone());
        }
        v.push(p);
    }
    if first_annex.is_none()
        && let Some(cl) = closing
    {
        v.push(cl);
    }
    let unplaced = report_support::unreferenced_notes(r);
    if !unplaced.is_empty() {
        v.push(if with_notes {
            unplaced
                .iter()
                .map(|n| format!("[^{}]", r.footnote(*n).map_or("", |f| f.text.as_str())))
                .collect()
        } else {
            String::new()
        });
    }
    v
}

fn check_round_trip(c: &Comparison) -> String {
    let bytes = render(c, Format::Docx, &opts()).unwrap();
    let xml = docx_document_xml(&bytes);
    let paras = docx_paragraphs(&xml);
    let accepted = resolve(&paras, true);
    let rejected = resolve(&paras, false);
    let want_new = expected(c, true);
    let want_old = expected(c, false);
    for (i, (got, want)) in accepted.iter().zip(&want_new).enumerate() {
        assert_eq!(got, want, "accepted paragraph {i}");
    }
    assert_eq!(accepted.len(), want_new.len(), "accepted paragraph count");
    for (i, (got, want)) in rejected.iter().zip(&want_old).enumerate() {
        assert_eq!(got, want, "rejected paragraph {i}");
    }
    assert_eq!(rejected.len(), want_old.len(), "rejected paragraph count");
    xml
}

#[test]
fn crafted_comparison_accepts_to_new_and_rejects_to_old() {
    let c = crafted();
    let xml = check_round_trip(&c);
    assert!(xml.contains("w:author=\"Delegate &amp; Co\""));
    assert!(xml.contains("w:date=\"2026-01-02T03:04:05Z\""));
    assert!(xml.contains("<w:delText xml:space=\"preserve\">Encourages</w:delText>"));
    assert!(xml.contains("&lt;now&gt; &amp; &quot;fast&quot;"));
    // the removed paragraph has a deleted paragraph mark
    let removed = xml.find("to remain seized").unwrap();
    let p_start = xml[..removed].rfind("<w:p>").unwrap();
    assert!(
        xml[p_start..removed].contains("<w:rPr><w:del "),
        "deleted paragraph mark"
    );
    // the added paragraph has an inserted paragraph mark
    let added = xml.find("the new tools").unwrap();
    let p_start = xml[..added].rfind("<w:p>").unwrap();
    assert!(
        xml[p_start..added].contains("<w:rPr><w:ins "),
        "inserted paragraph mark"
    );
}

#[test]
fn lead_phrases_are_italic() {
    let xml = docx_document_xml(&render(&crafted(), Format::Docx, &opts()).unwrap());
    // "Urges" is both inserted and the new lead phrase; "Recalling" is an unchanged lead.
    assert!(xml.contains(
        "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Urges</w:t></w:r></w:ins>"
    ));
    assert!(
        xml.contains("<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Recalling</w:t></w:r>")
    );
    assert!(
        xml.contains(
            "<w:rPr><w:i/></w:rPr><w:delText xml:space=\"preserve\">Encourages</w:delText>"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Footnotes

/// Both views of the DOCX of `c`, checked against the documents with their footnotes: every
/// paragraph with its footnote marks in place (`[^note text]`), and the notes Word numbers, in
/// order, equal to the footnotes each document references, in order of first reference.
fn check_footnotes(c: &Comparison) -> (DocxView, DocxView) {
    let bytes = render(c, Format::Docx, &opts()).unwrap();
    let accepted = docx_view(&bytes, true);
    let rejected = docx_view(&bytes, false);
    for (view, new, what) in [
        (&accepted, true, "accepted"),
        (&rejected, false, "rejected"),
    ] {
        let want = expected_with_notes(c, new);
        for (i, (got, want)) in view.paragraphs.iter().zip(&want).enumerate() {
            assert_eq!(got, want, "{what} paragraph {i}");
        }
        assert_eq!(view.paragraphs.len(), want.len(), "{what} paragraph count");
        let r = if new { &c.new } else { &c.old };
        assert_eq!(view.notes, referenced_notes(r), "{what} notes");
    }
    (accepted, rejected)
}

use report_support::{read, sample};

/// The ids of the notes referenced outside any tracked change whose text differs between the
/// accepted and the rejected view (one note, its text diffed inside `footnotes.xml`).
fn shared_notes_with_changed_text(bytes: &[u8]) -> Vec<String> {
    let doc = docx_paragraphs(&docx_document_xml(bytes));
    let notes = docx_paragraphs(&docx_part(bytes, "word/footnotes.xml"));
    let text = |id: &str, keep: Mark| -> String {
        notes
            .iter()
            .filter(|p| p.note.as_deref() == Some(id))
            .flat_map(|p| &p.segments)
            .filter(|(m, _)| *m == Mark::None || *m == keep)
            .map(|(_, s)| match s {
                Seg::Text(t) => t.clone(),
                _ => String::new(),
            })
            .collect()
    };
    doc.iter()
        .flat_map(|p| &p.segments)
        .filter_map(|(m, s)| match (m, s) {
            (Mark::None, Seg::Note { id, .. }) => Some(id.clone()),
            _ => None,
        })
        .filter(|id| text(id, Mark::Ins) != text(id, Mark::Del))
        .collect()
}

#[test]
fn package_declares_the_footnotes_part() {
    let bytes = render(&sample(), Format::Docx, &opts()).unwrap();
    let types = docx_part(&bytes, "[Content_Types].xml");
    assert!(types.contains(
        "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
    ));
    let rels = docx_part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains(
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\""
    ));
    let notes = docx_part(&bytes, "word/footnotes.xml");
    assert!(notes.contains("<w:footnote w:type=\"separator\" w:id=\"-1\">"));
    assert!(notes.contains("<w:footnote w:type=\"continuationSeparator\" w:id=\"0\">"));
    // ids are unique
    let mut ids: Vec<&str> = notes
        .split("<w:footnote ")
        .skip(1)
        .filter_map(|n| n.split("w:id=\"").nth(1)?.split('"').next())
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "footnote ids are unique");
    // the reference mark is superscript through the FootnoteReference character style
    let styles = docx_part(&bytes, "word/styles.xml");
    assert!(styles.contains(
        "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/>"
    ));
    let xml = docx_document_xml(&bytes);
    assert!(xml.contains(
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>"
    ));
}

/// A/RES/66/184 has 10 footnotes, footnote 1 `See A/C.2/59/3, annex.` and footnote 8 the UNESCO
/// records; it cites footnotes 1 and 3 again in OP9 (`Geneva1 and Tunis3`) and 7 again in OP13.
/// The 65/141 copy has reference digits (`Geneva2`, `Tunis4`, `Information Society,4`) but no
/// footnote texts.
#[test]
fn sample_footnotes_accept_to_66_184_and_reject_to_65_141() {
    let c = sample();
    assert_eq!(c.new.footnotes.len(), 10);
    assert!(c.old.footnotes.is_empty());
    let (accepted, rejected) = check_footnotes(&c);
    let texts: Vec<&str> = c.new.footnotes.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        accepted.notes, texts,
        "accept all: the 10 footnotes of 66/184 in order"
    );
    assert_eq!(accepted.notes[0], "See A/C.2/59/3, annex.");
    assert!(accepted.notes[7].starts_with(
        "United Nations Educational, Scientific and Cultural Organization, Records of the General Conference, Thirty-first Session"
    ));
    assert_eq!(accepted.notes[9], "A/66/77-E/2011/103.");
    assert_eq!(accepted.cross_references, 3, "1 and 3 in OP9, 7 in OP13");
    let op9 = accepted
        .paragraphs
        .iter()
        .find(|p| p.starts_with("9.\tEncourages strengthened"))
        .unwrap();
    assert!(op9.contains(
        "outcomes of the Geneva[^See A/C.2/59/3, annex.] and Tunis[^See A/60/687.] phases"
    ));
    // 65/141: references to footnotes 2 and 4 (twice), whose texts the copy lacks
    assert_eq!(rejected.notes, vec![String::new(), String::new()]);
    assert_eq!(rejected.cross_references, 1);
}

/// A/RES/79/194 → A/RES/80/118: footnotes added, removed, and changed. 80/118 has 26 footnotes;
/// footnote 11 (`A/80/62-E/2025/12.`, after "international levels," of the paragraph taking note
/// of the Secretary-General's report) was footnote 9 of 79/194 (`A/79/62-E/2024/3.`), in a
/// paragraph whose text did not change; footnote 1 gained `78/132`.
#[test]
fn corpus_footnotes_79_194_to_80_118() {
    let Some(dir) = resdiff::corpus::dir_or_skip("DOCX footnotes on 79/194 → 80/118") else {
        return;
    };
    let c = compare(
        parse(&read(&resdiff::corpus::text_path(&dir, "A/RES/79/194"))),
        parse(&read(&resdiff::corpus::text_path(&dir, "A/RES/80/118"))),
    );
    assert_eq!(c.old.footnotes.len(), 20);
    assert_eq!(c.new.footnotes.len(), 26);
    let (accepted, rejected) = check_footnotes(&c);
    let texts =
        |r: &Resolution| -> Vec<String> { r.footnotes.iter().map(|f| f.text.clone()).collect() };
    assert_eq!(
        accepted.notes,
        texts(&c.new),
        "accept all: 80/118's footnotes in order"
    );
    assert_eq!(
        rejected.notes,
        texts(&c.old),
        "reject all: 79/194's footnotes in order"
    );
    assert_eq!(accepted.notes[10], "A/80/62-E/2025/12.");
    assert_eq!(rejected.notes[8], "A/79/62-E/2024/3.");
    assert!(accepted.notes[0].ends_with("77/150 and 78/132."));
    assert!(rejected.notes[0].ends_with("76/189 and 77/150."));
    let levels = |v: &DocxView, note: &str| {
        v.paragraphs.iter().any(|p| {
            p.contains(&format!(
                "at the regional and international levels,[^{note}]"
            ))
        })
    };
    assert!(levels(&accepted, "A/80/62-E/2025/12."));
    assert!(levels(&rejected, "A/79/62-E/2024/3."));
    // Changed footnotes of shared references are one note each, diffed inside footnotes.xml.
    let bytes = render(&c, Format::Docx, &opts()).unwrap();
    let changed = shared_notes_with_changed_text(&bytes);
    assert!(
        changed.len() >= 3,
        "shared notes with changed text: {changed:?}"
    );
}

/// Every consecutive pair of the corpus series (178): in both views each paragraph carries its
/// footnotes, and the notes Word numbers are the document's, in order.
#[test]
fn corpus_series_footnotes() {
    let Some(dir) = resdiff::corpus::dir_or_skip("DOCX footnotes on corpus series") else {
        return;
    };
    let series = read(&dir.join("series.tsv"));
    let mut done = 0;
    for line in series.lines().skip(1) {
        let Some((_, symbols)) = line.split_once('\t') else {
            continue;
        };
        let symbols: Vec<&str> = symbols.split_whitespace().collect();
        for w in symbols.windows(2) {
            let (po, pn) = (
                resdiff::corpus::text_path(&dir, w[0]),
                resdiff::corpus::text_path(&dir, w[1]),
            );
            if !po.is_file() || !pn.is_file() {
                continue;
            }
            let c = compare(parse(&read(&po)), parse(&read(&pn)));
            let bytes = render(&c, Format::Docx, &opts()).unwrap();
            for (accept, r) in [(true, &c.new), (false, &c.old)] {
                let view = docx_view(&bytes, accept);
                let want = expected_around(r, expected_paragraphs_with_notes(r), true);
                // Compared as sorted lists: the paragraph order is checked by the text round
                // trips; here it is each paragraph's notes, in every series pair.
                let (mut got, mut want) = (view.paragraphs.clone(), want);
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "{} → {} accept={accept}", w[0], w[1]);
                assert_eq!(view.notes, referenced_notes(r), "{} → {}", w[0], w[1]);
            }
            done += 1;
        }
    }
    assert_eq!(done, 178, "series pairs found");
}

fn note(number: u32, text: &str) -> Footnote {
    Footnote {
        number,
        text: text.to_string(),
    }
}

/// `para` with footnote references after the first occurrence of each `after` text.
fn with_refs(
    id: &str,
    kind: ParagraphKind,
    number: Option<&str>,
    text: &str,
    refs: &[(u32, &str)],
) -> resdiff::model::Paragraph {
    let mut p = para(id, kind, number, text);
    p.footnote_refs = refs
        .iter()
        .map(|(n, after)| FootnoteRef {
            number: *n,
            offset: if after.is_empty() {
                0
            } else {
                text.find(after).unwrap() + after.len()
            },
        })
        .collect();
    p
}

/// Hand-made documents with every kind of footnote change: a note whose text changes under an
/// unchanged reference, an unchanged note, a note only in an added paragraph and one only in a
/// removed paragraph (at offset 0), references repeated with the same and with a different
/// number in both versions, a note in a moved paragraph, a reference after a multi-byte
/// character, and a reference to a number without a footnote.
fn footnoted() -> Comparison {
    use ParagraphKind::{Operative as Op, Preambular as Pp};
    let meta = |sym: &str| Metadata {
        symbol: Some(sym.to_string()),
        title: Some("Footnotes & <notes>".to_string()),
        plenary_meeting: Some(50),
        ..Metadata::default()
    };
    let old = Resolution {
        meta: meta("A/RES/65/1"),
        paragraphs: vec![
            with_refs(
                "PP1",
                Pp,
                None,
                "Recalling its resolution 64/187 of 2009,",
                &[(1, "2009,")],
            ),
            with_refs(
                "PP2",
                Pp,
                None,
                "Noting the report of the Secretary-General,",
                &[(2, "General,")],
            ),
            with_refs(
                "OP1",
                Op,
                Some("1"),
                "Welcomes the Summit held in Geneva and the Forum held in Tunis;",
                &[(3, "Geneva"), (2, "Tunis")],
            ),
            with_refs(
                "OP2",
                Op,
                Some("2"),
                "Decides to remain seized of the matter;",
                &[(4, "")],
            ),
            with_refs(
                "OP3",
                Op,
                Some("3"),
                "Stresses the role of the café and of the Geneva meeting;",
                &[(5, "café"), (3, "Geneva")],
            ),
            with_refs(
                "OP4",
                Op,
                Some("4"),
                "Notes the work on the agenda;",
                &[(9, "work")],
            ),
            with_refs(
                "OP5",
                Op,
                Some("5"),
                "Moves to the end of the text with its note;",
                &[(6, "note;")],
            ),
        ],
        footnotes: vec![
            note(1, "Resolution 64/187."),
            note(2, "A/65/1."),
            note(3, "Geneva Declaration."),
            note(4, "Old-only note & <more>."),
            note(5, "See the café."),
            note(6, "The moving note."),
        ],
        structured: true,
        ..Resolution::default()
    };
    let new = Resolution {
        meta: meta("A/RES/66/1"),
        paragraphs: vec![
            with_refs(
                "PP1",
                Pp,
                None,
                "Recalling its resolution 65/141 of 2010,",
                &[(1, "2010,")],
            ),
            with_refs(
                "PP2",
                Pp,
                None,
                "Noting the report of the Secretary-General,",
                &[(2, "General,")],
            ),
            with_refs(
                "PP3",
                Pp,
                None,
                "Welcoming the new tools for broadband access,",
                &[(3, "tools")],
            ),
            with_refs(
                "OP1",
                Op,
                Some("1"),
                "Moves to the end of the text with its note;",
                &[(4, "note;")],
            ),
            with_refs(
                "OP2",
                Op,
                Some("2"),
                "Welcomes the Summit held in Geneva and the Forum held in Tunis;",
                &[(5, "Geneva"), (2, "Tunis")],
            ),
            with_refs(
                "OP3",
                Op,
                Some("3"),
                "Stresses the role of the café and of the Geneva meeting;",
                &[(6, "café"), (5, "Geneva")],
            ),
            with_refs(
                "OP4",
                Op,
                Some("4"),
                "Notes the work on the agenda;",
                &[(7, "work")],
            ),
        ],
        footnotes: vec![
            note(1, "Resolution 65/141."),
            note(2, "A/65/1."),
            note(3, "New-only note."),
            note(4, "The moving note, updated."),
            note(5, "Geneva Declaration."),
            note(6, "See the café."),
            note(7, "A note that was missing."),
        ],
        structured: true,
        ..Resolution::default()
    };
    compare(old, new)
}

#[test]
fn crafted_footnotes_accept_to_new_and_reject_to_old() {
    let c = footnoted();
    assert!(
        c.pairs
            .iter()
            .any(|p| p.status == resdiff::compare::Status::Moved),
        "the last paragraph moved: {:?}",
        c.pairs.iter().map(|p| p.status).collect::<Vec<_>>()
    );
    let (accepted, rejected) = check_footnotes(&c);
    assert_eq!(
        accepted.notes,
        c.new
            .footnotes
            .iter()
            .map(|f| f.text.clone())
            .collect::<Vec<_>>()
    );
    // old: notes 1, 2, 3, 4, 5, then 9 (no text), then 6
    assert_eq!(
        rejected.notes,
        [
            "Resolution 64/187.",
            "A/65/1.",
            "Geneva Declaration.",
            "Old-only note & <more>.",
            "See the café.",
            "",
            "The moving note."
        ]
    );
    // Tunis repeats note 2 in both versions (number 2 in both): one untracked field. Geneva in
    // OP3 repeats the Geneva note, number 3 in the old text and 5 in the new: a deleted and an
    // inserted field.
    assert_eq!(accepted.cross_references, 2);
    assert_eq!(rejected.cross_references, 2);
    let bytes = render(&c, Format::Docx, &opts()).unwrap();
    let xml = docx_document_xml(&bytes);
    assert!(xml.contains(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> NOTEREF _RefFn2 \\f \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t>2</w:t></w:r>"
    ), "untracked cross-reference to note 2");
    assert!(xml.contains("<w:delInstrText xml:space=\"preserve\"> NOTEREF "));
    assert!(xml.contains("<w:delText>3</w:delText>"));
    assert!(xml.contains("<w:t>5</w:t>"));
    // Notes under a shared reference whose text changed, diffed: PP1's (64/187 → 65/141) and
    // OP4's (old footnote 9 has no text, new footnote 7 has one); the others are unchanged.
    let changed = shared_notes_with_changed_text(&bytes);
    assert_eq!(changed, ["1", "8"]);
    let notes = docx_part(&bytes, "word/footnotes.xml");
    assert!(notes.contains("<w:delText xml:space=\"preserve\">64/187</w:delText>"));
    assert!(notes.contains("<w:t xml:space=\"preserve\">65/141</w:t>"));
    assert!(notes.contains("Old-only note &amp; &lt;more&gt;."));
}

/// The cover page: the compared files and the index of substantive changes, each line a link to
/// a bookmark at its change; accepting or rejecting changes leaves the text without it.
#[test]
fn cover_indexes_every_substantive_change_with_a_link() {
    let c = report_support::sample();
    let bytes = render(&c, Format::Docx, &opts()).unwrap();
    let cover = report_support::docx_cover(&bytes);
    let text = cover.join("\n");
    assert!(
        text.contains("Comparison of ") && text.contains("A/RES/66/184 (new)"),
        "{text}"
    );
    assert!(text.contains("Compared: "), "{text}");
    assert!(text.contains("w:br w:type=\"page\""));
    let substantive: Vec<usize> = c
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches!(
                p.class.kind,
                resdiff::diff::ChangeKind::Substantive | resdiff::diff::ChangeKind::Footnote
            )
        })
        .map(|(i, _)| i)
        .collect();
    let anchors: Vec<String> = regex::Regex::new(r#"w:hyperlink w:anchor="([^"]+)""#)
        .unwrap()
        .captures_iter(&text)
        .map(|m| m[1].to_string())
        .collect();
    assert_eq!(anchors.len(), substantive.len());
    // Every link has its bookmark, once, in the text after the cover.
    let body = docx_document_xml(&bytes);
    for a in &anchors {
        assert_eq!(
            body.matches(&format!("w:name=\"{a}\"")).count(),
            1,
            "bookmark {a}"
        );
    }
}

/// A moved paragraph is a Word move: `w:moveFrom` where it stood and `w:moveTo` where it stands,
/// tied by their range names, with the words changed on the way tracked inside (deleted at the
/// source, inserted at the destination); accept and reject still give the new and old texts.
#[test]
fn moves_are_word_moves_with_their_inner_changes() {
    let c = report_support::sample();
    let moved: Vec<usize> = c
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.status == resdiff::compare::Status::Moved && p.old.len() == 1 && p.new.len() == 1
        })
        .map(|(i, _)| i)
        .collect();
    assert!(moved.len() >= 3, "{moved:?}");
    let bytes = render(&c, Format::Docx, &opts()).unwrap();
    let xml = docx_document_xml(&bytes);
    let paras: Vec<&str> = xml.split("<w:p>").collect();
    for i in &moved {
        let name = format!("w:name=\"resdiffMove{i}\"");
        let from = paras
            .iter()
            .find(|p| p.contains("<w:moveFromRangeStart") && p.contains(&name))
            .unwrap_or_else(|| panic!("no move source for pair {i}"));
        let to = paras
            .iter()
            .find(|p| p.contains("<w:moveToRangeStart") && p.contains(&name))
            .unwrap_or_else(|| panic!("no move destination for pair {i}"));
        assert!(from.contains("<w:moveFrom ") && from.contains("<w:moveFromRangeEnd"));
        assert!(to.contains("<w:moveTo ") && to.contains("<w:moveToRangeEnd"));
        // Inner word changes travel with the move.
        let p = &c.pairs[*i];
        let changed = |k: resdiff::diff::OpKind| p.ops.iter().any(|o| o.op == k && !o.routine);
        if changed(resdiff::diff::OpKind::Insert) {
            assert!(
                to.contains("<w:ins "),
                "pair {i}: inserted words at the destination"
            );
        }
        if changed(resdiff::diff::OpKind::Delete) {
            assert!(
                from.contains("<w:del "),
                "pair {i}: deleted words at the source"
            );
        }
    }
    check_round_trip(&c);
}
