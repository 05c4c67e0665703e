//! Report formats on a hand-built comparison (edge cases: escaping, every status).

mod report_support;

use report_support::crafted;
use resdiff::report::{Format, RenderOptions, render};

fn opts() -> RenderOptions {
    RenderOptions {
        date: Some("2026-01-02T03:04:05Z".into()),
        ..RenderOptions::default()
    }
}

#[test]
fn every_format_renders_the_crafted_comparison() {
    let c = crafted();
    for f in Format::ALL {
        let out = render(&c, f, &opts()).unwrap();
        assert!(out.len() > 200, "{f}: {} bytes", out.len());
    }
}

#[test]
fn html_escapes_crafted_text() {
    let c = crafted();
    let html = String::from_utf8(render(&c, Format::Html, &opts()).unwrap()).unwrap();
    assert!(!html.contains("<script>"), "raw script tag in output");
    assert!(!html.contains("<b>bold"), "raw markup from document text");
    assert!(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;now&gt; &amp; &quot;fast&quot;"));
    assert!(html.contains("a &lt;warning&gt; &amp; more"));
    assert!(html.contains("<del>Encourages</del>"));
    assert!(html.contains("<ins> &lt;now&gt; &amp; &quot;fast&quot;</ins>"));
    assert!(html.contains(
        "<del class=\"routine\" title=\"routine: session +1 = document gap\">64/187</del>"
    ));
}

#[test]
fn markdown_escapes_and_marks() {
    let c = crafted();
    let md = String::from_utf8(render(&c, Format::Markdown, &opts()).unwrap()).unwrap();
    assert!(
        md.contains("~~Encourages~~**Urges** Member States to act **\\<now\\> & \"fast\"**;"),
        "{md}"
    );
    assert!(md.contains("Moves \\*later\\* in the text;"));
    assert!(!md.contains("<script>"));
    assert!(md.contains("| modified | 2 |"));
}

#[test]
fn text_marks_routine_and_substantive() {
    let c = crafted();
    let t = String::from_utf8(render(&c, Format::Text, &opts()).unwrap()).unwrap();
    assert!(
        t.contains("[-Encourages-]{+Urges+} Member States to act{+ <now> & \"fast\"+};"),
        "{t}"
    );
    assert!(t.contains("[~-64/187-~]{~+65/141+~}"));
    assert!(t.contains("OP2 → OP3 renumbered"));
    let colored = RenderOptions {
        color: true,
        ..opts()
    };
    let t = String::from_utf8(render(&c, Format::Text, &colored).unwrap()).unwrap();
    assert!(t.contains("\x1b[31;9mEncourages\x1b[0m\x1b[32;4mUrges\x1b[0m"));
}

#[test]
fn csv_parses_back_to_the_pairs() {
    let c = crafted();
    let bytes = render(&c, Format::Csv, &opts()).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.starts_with('\u{feff}'));
    let rows = report_support::parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "old_id",
            "new_id",
            "status",
            "similarity",
            "change",
            "lead_change",
            "old_text",
            "new_text"
        ]
    );
    assert_eq!(rows.len(), c.pairs.len() + 1);
    for (row, pair) in rows[1..].iter().zip(&c.pairs) {
        assert_eq!(row.len(), 8);
        assert_eq!(row[2], pair.status.as_str());
        let old: Vec<&str> = pair
            .old
            .iter()
            .map(|i| c.old.paragraphs[*i].text.as_str())
            .collect();
        let new: Vec<&str> = pair
            .new
            .iter()
            .map(|i| c.new.paragraphs[*i].text.as_str())
            .collect();
        assert_eq!(row[6], old.join("\n"));
        assert_eq!(row[7], new.join("\n"));
        let sim: f64 = row[3].parse().unwrap();
        assert!((sim - pair.similarity).abs() < 1e-4);
    }
    assert_eq!(rows[2][5], "Encourages → Urges (stronger)");
    assert_eq!(rows[2][7], "Urges Member States to act <now> & \"fast\";");
    assert_eq!(rows[8][0], "OP4");
    assert_eq!(rows[8][1], "OP5+OP6");
    let bom = RenderOptions {
        csv_bom: true,
        ..opts()
    };
    let with_bom = String::from_utf8(render(&c, Format::Csv, &bom).unwrap()).unwrap();
    assert_eq!(with_bom.strip_prefix('\u{feff}'), Some(text.as_str()));
}

#[test]
fn json_has_the_documented_fields() {
    let c = crafted();
    let v: serde_json::Value =
        serde_json::from_slice(&render(&c, Format::Json, &opts()).unwrap()).unwrap();
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["old"]["symbol"], "A/RES/65/141");
    assert_eq!(v["new"]["plenary_meeting"], 91);
    assert_eq!(v["new"]["kind"], "resolution");
    let p = &v["old"]["paragraphs"][4];
    assert_eq!(p["id"], "OP3(a)");
    assert_eq!(p["kind"], "sub_paragraph");
    assert_eq!(p["number"], "a");
    assert_eq!(p["parent"], "OP3");
    assert_eq!(p["part"], "body");
    for key in ["lead", "text", "section", "footnote_refs", "annex"] {
        assert!(p.get(key).is_some(), "{key}");
    }
    for key in [
        "title",
        "date",
        "session",
        "committee_report",
        "agenda_item",
        "sponsors",
        "footnotes",
        "warnings",
    ] {
        assert!(v["new"].get(key).is_some(), "{key}");
    }
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 9);
    assert_eq!(pairs[1]["old"], "OP1");
    assert_eq!(pairs[1]["change"], "substantive");
    assert_eq!(pairs[1]["lead_change"]["direction"], "stronger");
    assert_eq!(pairs[2]["old"], serde_json::Value::Null);
    assert_eq!(pairs[2]["status"], "added");
    assert_eq!(pairs[7]["new_ids"], serde_json::json!(["OP5", "OP6"]));
    assert_eq!(
        pairs[0]["ops"][1],
        serde_json::json!({"op": "delete", "text": "64/187", "routine": true,
            "routine_reason": "session +1 = document gap"})
    );
    assert_eq!(
        pairs[0]["ops"][0],
        serde_json::json!({"op": "equal", "text": "Recalling its resolution "})
    );
    for key in [
        "similarity",
        "renumbered",
        "footnotes",
        "references_added",
        "references_removed",
    ] {
        assert!(pairs[3].get(key).is_some(), "{key}");
    }
    assert_eq!(v["summary"]["counts"]["removed"], 2);
    assert_eq!(
        v["summary"]["renumbering"][0],
        serde_json::json!({"old": "OP2", "new": "OP3"})
    );
    assert_eq!(v["warnings"][0], "a <warning> & more");
}

#[test]
fn json_and_every_report_show_the_new_semantics() {
    use resdiff::compare::Status;
    use resdiff::diff::{ChangeKind, Direction, FootnoteChange, KindChange};
    let mut c = crafted();
    // An unchanged text whose footnote gained a reference: the footnote change kind.
    // The renumbered pair, made unchanged: same text, same number.
    let k = c
        .pairs
        .iter()
        .position(|p| p.status == Status::Renumbered)
        .expect("a renumbered pair");
    c.pairs[k].status = Status::Unchanged;
    c.pairs[k].renumbered = false;
    c.pairs[k].class.kind = ChangeKind::Footnote;
    c.pairs[k].class.footnotes = vec![FootnoteChange::Added {
        text: "Burkina Faso and Mali.".into(),
    }];
    // A demotion with a reversed polarity.
    let lc = c.pairs[1].class.lead_change.as_mut().unwrap();
    lc.direction = Direction::Reversed;
    lc.kind_change = Some(KindChange::OperativeToPreambular);
    let lc = lc.clone();
    c.summary.lead_changes[0].change = lc;
    let v: serde_json::Value =
        serde_json::from_slice(&render(&c, Format::Json, &opts()).unwrap()).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs[k]["change"], "footnote");
    assert_eq!(pairs[1]["lead_change"]["direction"], "reversed");
    assert_eq!(
        pairs[1]["lead_change"]["kind_change"],
        "operative_to_preambular"
    );
    assert!(v["summary"].get("footnote_only").is_some());
    assert!(v["summary"].get("session_gap").is_some());
    // Every readable report shows the footnote-only pair as a change (it is never hidden as
    // unchanged) and the routine reason where it has room for it.
    for format in [Format::Html, Format::Markdown, Format::Text] {
        let out = String::from_utf8(render(&c, format, &opts()).unwrap()).unwrap();
        assert!(
            out.contains("Burkina Faso"),
            "{format:?} hides the footnote-only change"
        );
    }
    let html = String::from_utf8(render(&c, Format::Html, &opts()).unwrap()).unwrap();
    assert!(html.contains("title=\"routine: session +1 = document gap\""));
    assert!(html.contains("<h3>Routine updates</h3>"));
    assert!(html.contains("operative_to_preambular"));
    let csv = String::from_utf8(render(&c, Format::Csv, &opts()).unwrap()).unwrap();
    assert!(csv.contains(",footnote,"), "{csv}");
    assert!(csv.contains("(reversed; operative → preambular)"));
}

#[test]
fn footnote_changes_show_in_every_readable_format() {
    use resdiff::diff::FootnoteChange;
    let mut c = crafted();
    c.pairs[0].class.footnotes = vec![
        FootnoteChange::Changed {
            old: "See A/64/100.".into(),
            new: "See A/65/200.".into(),
            routine_reason: None,
        },
        FootnoteChange::Added {
            text: "Resolution 60/1 & annex.".into(),
        },
    ];
    let html = String::from_utf8(render(&c, Format::Html, &opts()).unwrap()).unwrap();
    assert!(html.contains("Footnote changed: <del>See A/64/100.</del> → <ins>See A/65/200.</ins>"));
    assert!(html.contains("Footnote added: <ins>Resolution 60/1 &amp; annex.</ins>"));
    let md = String::from_utf8(render(&c, Format::Markdown, &opts()).unwrap()).unwrap();
    assert!(
        md.contains("Footnote changed: ~~See A/64/100.~~ → **See A/65/200.**"),
        "{md}"
    );
    let t = String::from_utf8(render(&c, Format::Text, &opts()).unwrap()).unwrap();
    assert!(t.contains("footnote added: Resolution 60/1 & annex."));
    let pdf = render(&c, Format::Pdf, &opts()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn empty_documents_render_in_every_format() {
    use resdiff::compare::{Comparison, Summary};
    use resdiff::model::Resolution;
    let c = Comparison {
        old: Resolution::default(),
        new: Resolution::default(),
        pairs: Vec::new(),
        summary: Summary::default(),
        warnings: Vec::new(),
    };
    let labelled = RenderOptions {
        old_label: Some("draft-1.txt".into()),
        new_label: Some("draft-2.txt".into()),
        ..opts()
    };
    for f in Format::ALL {
        let out = render(&c, f, &labelled).unwrap();
        assert!(!out.is_empty(), "{f}");
    }
    let html = String::from_utf8(render(&c, Format::Html, &labelled).unwrap()).unwrap();
    assert_eq!(report_support::html5_errors(&html), Vec::<String>::new());
    assert!(html.contains("draft-1.txt") && html.contains("draft-2.txt"));
    assert!(html.contains("The two documents have the same paragraphs."));
    let text = String::from_utf8(render(&c, Format::Text, &labelled).unwrap()).unwrap();
    assert!(text.starts_with("draft-1.txt → draft-2.txt\n"));
    let csv = String::from_utf8(render(&c, Format::Csv, &labelled).unwrap()).unwrap();
    assert_eq!(report_support::parse_csv(&csv).len(), 1);
    let pdf = render(&c, Format::Pdf, &labelled).unwrap();
    // The cover (with an empty change index) and the summary page.
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("/Type /Pages") && raw.contains("/Count 2"),
        "{raw}"
    );
}
