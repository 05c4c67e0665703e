//! HTML: valid HTML5 (no parse errors from html5ever), escaped, printable, self-contained.

mod report_support;

use report_support::{crafted, html5_errors};
use resdiff::compare::Comparison;
use resdiff::report::{Format, RenderOptions, render};

fn html(c: &Comparison) -> String {
    String::from_utf8(render(c, Format::Html, &RenderOptions::default()).unwrap()).unwrap()
}

#[test]
fn validator_catches_broken_markup() {
    // The check itself must be able to fail.
    let errs = html5_errors(
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><b>x</p></i></body></html>",
    );
    assert!(!errs.is_empty());
}

#[test]
fn crafted_html_is_valid_html5_and_self_contained() {
    let h = html(&crafted());
    assert_eq!(html5_errors(&h), Vec::<String>::new());
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(!h.contains("<script"), "no script needed to read it");
    assert!(
        !h.contains("src=") && !h.contains("<link"),
        "no external resource"
    );
    assert!(h.contains("@media print"));
    assert!(h.contains("@page { size: A4"));
    assert!(h.contains("tr, .pair { break-inside: avoid; }"));
    // marks that survive black-and-white printing: strike-through and underline, status as text
    assert!(h.contains("del { text-decoration: line-through; }"));
    assert!(h.contains("ins { text-decoration: underline; }"));
    assert!(h.contains("<b>renumbered</b>"));
    // sections
    for id in ["summary", "renumbering", "leads", "side-by-side", "redline"] {
        assert!(h.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    assert!(h.contains("<span class=\"stronger\">stronger</span>"));
}

/// The change index lists every substantive change with a link to an element of the page, in
/// every layout; the cover names the files, the date and the resdiff version.
#[test]
fn change_index_links_to_every_substantive_change() {
    use resdiff::report::Layout;
    let c = report_support::sample();
    let substantive = c
        .pairs
        .iter()
        .filter(|p| {
            matches!(
                p.class.kind,
                resdiff::diff::ChangeKind::Substantive | resdiff::diff::ChangeKind::Footnote
            )
        })
        .count();
    let link = regex::Regex::new(r##"<td class="id"><a href="#([rp]\d+)">"##).unwrap();
    for layout in [Layout::Both, Layout::Redline, Layout::SideBySide] {
        let opts = RenderOptions {
            layout,
            old_label: Some("old.txt".into()),
            date: Some("2026-01-02T03:04:05Z".into()),
            ..RenderOptions::default()
        };
        let html = String::from_utf8(render(&c, Format::Html, &opts).unwrap()).unwrap();
        assert!(html.contains(&format!("Substantive changes ({substantive})")));
        assert!(html.contains("2026-01-02 03:04:05 UTC with resdiff "));
        let targets: Vec<String> = link
            .captures_iter(&html)
            .map(|m| m[1].to_string())
            .collect();
        assert_eq!(targets.len(), substantive, "{layout:?}");
        for t in targets {
            assert_eq!(
                html.matches(&format!(" id=\"{t}\"")).count(),
                1,
                "{layout:?}: #{t}"
            );
        }
        assert_eq!(report_support::html5_errors(&html), Vec::<String>::new());
    }
}
