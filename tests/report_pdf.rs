//! PDF: a real file whose text `pdftotext` can extract, with header, page numbers and marks.

mod report_support;

use std::process::Command;

use report_support::{crafted, tool_or_skip};
use resdiff::report::{Format, RenderOptions, render};

/// The text of each page (pdftotext separates pages with a form feed).
fn pages(pdf: &[u8], name: &str) -> Vec<String> {
    pdftotext(pdf, name)
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

/// The change index of a report: (label, page number) of each line, read from the cover pages
/// (those before the summary).
fn index_entries(pages: &[String]) -> Vec<(String, usize)> {
    let line = regex::Regex::new(
        r"^\s*(.+?)\s+(?:modified|moved|split|merged|added|removed|renumbered|unchanged|footnotes changed)\b.*?\s(\d+)\s*$",
    )
    .unwrap();
    let mut out = Vec::new();
    for page in pages {
        if page.contains("Summary\n") || page.contains("\nSummary") {
            break;
        }
        for l in page.lines() {
            if let Some(m) = line.captures(l) {
                out.push((m[1].trim().to_string(), m[2].parse().unwrap()));
            }
        }
    }
    out
}

/// Every index entry's page number is the page its change stands on (two-pass layout); the PDF
/// has an outline and one link per entry.
fn check_index(c: &resdiff::compare::Comparison, name: &str) -> usize {
    let pdf = render(c, Format::Pdf, &RenderOptions::default()).unwrap();
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("/Outlines") && raw.contains("/UseOutlines"),
        "{name}: outline"
    );
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
    assert_eq!(
        raw.matches("/Subtype /Link").count(),
        substantive,
        "{name}: links"
    );
    let pages = pages(&pdf, name);
    let entries = index_entries(&pages);
    assert_eq!(entries.len(), substantive, "{name}: index entries");
    for (label, page) in &entries {
        let text = pages
            .get(page - 1)
            .unwrap_or_else(|| panic!("{name}: page {page}"));
        let heading = format!("{label} · ");
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(&heading)),
            "{name}: {label} is not on page {page}"
        );
    }
    substantive
}

#[test]
fn index_page_numbers_are_where_the_changes_are() {
    if !tool_or_skip("pdftotext", "PDF change index") {
        return;
    }
    assert!(check_index(&report_support::sample(), "sample") > 40);
    let Some(dir) = resdiff::corpus::dir_or_skip("PDF change index of 78/69 → 79/144") else {
        return;
    };
    let read = |s: &str| report_support::read(&resdiff::corpus::text_path(&dir, s));
    let c = resdiff::compare::compare(
        resdiff::parse::parse(&read("A/RES/78/69")),
        resdiff::parse::parse(&read("A/RES/79/144")),
    );
    let n = check_index(&c, "78_69");
    println!("78/69 → 79/144: {n} substantive changes, each on the page its index line names");
}

fn pdftotext(pdf: &[u8], name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("resdiff-pdf-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("r.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn crafted_pdf_has_text_header_and_marks() {
    let c = crafted();
    let pdf = render(&c, Format::Pdf, &RenderOptions::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let s = String::from_utf8_lossy(&pdf);
    assert!(s.contains("/FontFile2"), "font embedded");
    assert!(s.contains("/ToUnicode"));
    if !tool_or_skip("pdftotext", "PDF text extraction") {
        return;
    }
    let text = pdftotext(&pdf, "crafted");
    assert!(text.contains("A/RES/65/141 → A/RES/66/184"), "{text}");
    // The cover with the change index, then the body on its own page.
    assert!(
        text.contains("Page 1 of 2") && text.contains("Page 2 of 2"),
        "{text}"
    );
    assert!(text.contains("Substantive changes ("), "{text}");
    assert!(text.contains("Encourages"), "{text}");
    assert!(text.contains("Urges"));
    assert!(text.contains("<now> & \"fast\""), "{text}");
    assert!(text.contains("Welcomes the new tools;"));
}
