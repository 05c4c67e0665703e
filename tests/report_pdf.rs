//! PDF: a real file whose text `pdftotext` can extract, with header, page numbers and marks.

mod report_support;

use std::process::Command;

use report_support::{crafted, tool_or_skip};
use resdiff::report::{Format, RenderOptions, render};

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
    assert!(text.contains("Page 1 of 1"), "{text}");
    assert!(text.contains("Encourages"), "{text}");
    assert!(text.contains("Urges"));
    assert!(text.contains("<now> & \"fast\""), "{text}");
    assert!(text.contains("Welcomes the new tools;"));
}
