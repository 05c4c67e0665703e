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
    assert!(html.contains("<del class=\"routine\">64/187</del>"));
}

#[test]
fn markdown_escapes_and_marks() {
    let c = crafted();
    let md = String::from_utf8(render(&c, Format::Markdown, &opts()).unwrap()).unwrap();
    assert!(
        md.contains("~~Encourages~~**Urges** Member States to act **\\<now\\> \\& \"fast\"**;"),
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
