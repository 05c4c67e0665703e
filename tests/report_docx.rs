//! DOCX: tracked changes that accept to the new text and reject to the old text.

mod report_support;

use report_support::{crafted, docx_document_xml, docx_paragraphs, expected_paragraphs, resolve};
use resdiff::compare::Comparison;
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
    let paras = expected_paragraphs(r);
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
