//! The DOCX opens in LibreOffice (headless conversion to PDF).

mod report_support;

use std::process::Command;

use report_support::{crafted, tool_or_skip};
use resdiff::report::{Format, RenderOptions, render};

#[test]
fn libreoffice_converts_the_docx() {
    if !tool_or_skip("soffice", "DOCX conversion with LibreOffice") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("resdiff-soffice-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("crafted.docx");
    std::fs::write(
        &docx,
        render(&crafted(), Format::Docx, &RenderOptions::default()).unwrap(),
    )
    .unwrap();
    let profile = dir.join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&docx)
        .output()
        .unwrap();
    let pdf = dir.join("crafted.pdf");
    assert!(
        pdf.is_file(),
        "no PDF from soffice: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 1000);
    let _ = std::fs::remove_dir_all(&dir);
}
