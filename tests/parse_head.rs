//! The document head (session, committee, agenda item, adoption line, report reference) and the
//! closing lines (plenary meeting, date), and headings' labels as printed, on real documents. Every
//! expected line was read in the corpus text file it speaks of; the furniture around them (United
//! Nations, General Assembly, Distr., dates of issue, job numbers, barcodes) must not appear.

use resdiff::model::{ParagraphKind, Resolution};
use resdiff::parse::parse;

fn corpus_doc(symbol: &str) -> Option<Resolution> {
    let dir = resdiff::corpus::dir_or_skip("document head and closing lines")?;
    let path = resdiff::corpus::text_path(&dir, symbol);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Some(parse(&text))
}

fn sample(name: &str) -> Resolution {
    let path = format!("{}/sample_data/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).expect("sample file"))
}

/// Printed labels of the headings, in document order (`None` where the heading has none).
fn heading_labels(r: &Resolution) -> Vec<(Option<&str>, &str)> {
    r.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .map(|p| (p.printed_number.as_deref(), p.text.as_str()))
        .collect()
}

/// The samples are ODS exports: their head is the adoption line and the report line only (the
/// `[DU1]` marker before them is not text); 65/141 ends its last paragraph with the plenary line.
#[test]
fn sample_heads_and_closings() {
    let r = sample("A_RES_66_184.txt");
    assert_eq!(
        r.meta.head_lines,
        [
            "Resolution adopted by the General Assembly on 22 December 2011",
            "[on the report of the Second Committee (A/66/437)]",
        ]
    );
    assert_eq!(
        r.meta.closing_lines,
        ["91st plenary meeting", "22 December 2011"]
    );
    let r = sample("A_RES_65_141.txt");
    assert_eq!(
        r.meta.head_lines,
        [
            "Resolution adopted by the General Assembly on 20 December 2010",
            "[on the report of the Second Committee (A/65/433)]",
        ]
    );
    assert_eq!(r.meta.closing_lines, ["69th plenary meeting"]);
}

#[test]
fn adopted_resolution_head_joins_wrapped_title_and_adoption_line() {
    let Some(r) = corpus_doc("A/RES/79/194") else {
        return;
    };
    assert_eq!(
        r.meta.head_lines,
        [
            "Seventy-ninth session",
            "Agenda item 15",
            "Information and communications technologies for sustainable development",
            "Resolution adopted by the General Assembly on 19 December 2024",
            "[on the report of the Second Committee (A/79/434, para. 21)]",
        ]
    );
    assert_eq!(
        r.meta.closing_lines,
        ["54th plenary meeting", "19 December 2024"]
    );
}

#[test]
fn draft_heads_keep_committee_and_sponsor_lines() {
    let Some(l17) = corpus_doc("A/C.2/80/L.17") else {
        return;
    };
    assert_eq!(
        l17.meta.head_lines,
        [
            "Eightieth session",
            "Second Committee",
            "Agenda item 15",
            "Information and communications technologies for sustainable development",
            "Iraq:* draft resolution",
        ]
    );
    assert!(
        l17.meta.closing_lines.is_empty(),
        "a draft has no plenary line: {:?}",
        l17.meta.closing_lines
    );
    let Some(l58) = corpus_doc("A/C.2/80/L.58") else {
        return;
    };
    assert_eq!(
        l58.meta.head_lines.last().map(String::as_str),
        Some(
            "Draft resolution submitted by the Vice-Chair of the Committee, Jenni Mikkola \
             (Finland), on the basis of informal consultations on draft resolution A/C.2/80/L.17"
        ),
        "the sponsor line wraps over two lines in the file and is one line in the head"
    );
}

#[test]
fn no_furniture_in_any_head() {
    let Some(dir) = resdiff::corpus::dir_or_skip("document head furniture") else {
        return;
    };
    let files = resdiff::corpus::text_files(&dir).expect("corpus text folder");
    let mut checked = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).expect("corpus text");
        let r = parse(&text);
        for line in &r.meta.head_lines {
            let bad = line == "United Nations"
                || line == "General Assembly"
                || line.starts_with("Distr.")
                || line.starts_with("Original:")
                || line.starts_with('*') && line.ends_with('*')
                || r.meta.symbol.as_deref() == Some(line.as_str());
            assert!(!bad, "{}: furniture {line:?} in the head", path.display());
        }
        checked += 1;
    }
    assert!(checked > 600, "only {checked} corpus files read");
}

#[test]
fn headings_keep_their_printed_labels() {
    let Some(r) = corpus_doc("A/RES/79/144") else {
        return;
    };
    let labels = heading_labels(&r);
    // 79/144 prints its section numbers without a full stop: "IV" on its own line.
    assert!(
        labels.contains(&(
            Some("I"),
            "Implementation of the Convention and related agreements and instruments"
        )),
        "{labels:?}"
    );
    assert!(labels.contains(&(Some("IV"), "Peaceful settlement of disputes")));
    assert!(labels.contains(&(Some("XVI"), "Eightieth session of the General Assembly")));

    let Some(r) = corpus_doc("A/RES/79/1") else {
        return;
    };
    let labels = heading_labels(&r);
    // The Pact for the Future prints "I." with a full stop, and "Action 12." before its actions.
    assert!(
        labels.contains(&(
            Some("I."),
            "Sustainable development and financing for development"
        )),
        "{labels:?}"
    );
    assert!(labels.contains(&(Some("IV."), "Youth and future generations")));
    assert!(
        labels
            .iter()
            .any(|(l, t)| *l == Some("Action 12.") && t.starts_with("We will plan for the future"))
    );
    assert!(
        labels
            .iter()
            .any(|(l, t)| *l == Some("Objective 1.") && t.starts_with("Close all digital divides"))
    );
    // An annex heading carries its label in its text.
    assert!(labels.contains(&(Some(""), "Annex I")));
}
