//! The DOCX opens in LibreOffice (headless conversion to PDF).

mod report_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use report_support::{crafted, tool_or_skip};
use resdiff::compare::compare;
use resdiff::parse::parse;
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

/// Convert `docx` to PDF in `dir` with LibreOffice (own profile) and return the PDF's path.
fn to_pdf(dir: &Path, docx: &Path) -> PathBuf {
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .unwrap();
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.is_file(),
        "no PDF from soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// A word of `pdftotext -bbox` output: page, text, top and bottom.
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    top: f64,
    bottom: f64,
}

fn words(pdf: &Path) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let mut words = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let num = |key: &str| -> f64 {
            let at = rest.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
            rest[at..].split('"').next().unwrap().parse().unwrap()
        };
        let text = rest.split('>').nth(1).unwrap().trim_end_matches("</word");
        words.push(Word {
            page,
            text: text.replace("&amp;", "&"),
            top: num("yMin"),
            bottom: num("yMax"),
        });
    }
    words
}

/// The sample pair's DOCX in LibreOffice: A/RES/66/184's footnotes are printed at the foot of
/// their pages, below all body text and smaller, and every footnote text is there.
#[test]
fn libreoffice_prints_the_footnotes_at_the_page_foot() {
    if !tool_or_skip("soffice", "DOCX footnotes in LibreOffice")
        || !tool_or_skip("pdftotext", "text of the LibreOffice PDF")
    {
        return;
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let read = |f: &str| std::fs::read_to_string(data.join(f)).unwrap();
    let c = compare(
        parse(&read("A_RES_65_141.txt")),
        parse(&read("A_RES_66_184.txt")),
    );
    let dir = std::env::temp_dir().join(format!("resdiff-soffice-fn-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("sample.docx");
    std::fs::write(
        &docx,
        render(&c, Format::Docx, &RenderOptions::default()).unwrap(),
    )
    .unwrap();
    let words = words(&to_pdf(&dir, &docx));
    let all: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let all = all.join(" ");
    for f in &c.new.footnotes {
        let text = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            all.contains(&text),
            "footnote {} in the PDF: {text}",
            f.number
        );
    }
    // footnote 1, "See A/C.2/59/3, annex.": below every line of body text of its page, smaller
    // (The cover's change index quotes the note too; the text starts after the cover's page
    // break, with "The General Assembly,".)
    let start = words.iter().find(|w| w.text == "Assembly,").unwrap().page;
    let note = words
        .iter()
        .find(|w| w.text == "A/C.2/59/3," && w.page >= start)
        .unwrap();
    let body_height = |w: &Word| w.bottom - w.top;
    let body: Vec<&Word> = words
        .iter()
        .filter(|w| w.page == note.page && body_height(w) > body_height(note) + 1.0)
        .collect();
    assert!(body.len() > 100, "page {} has body text", note.page);
    assert!(
        body.iter().all(|w| w.bottom < note.top),
        "footnote 1 stands below the body text of page {}",
        note.page
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A Basic module that opens a document, accepts or rejects every tracked change with
/// LibreOffice's own commands and saves the text.
const RESOLVE_MACRO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(path As String, out As String, accept As Boolean)
  Dim noargs()
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(path), &quot;_blank&quot;, 0, noargs())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  If accept Then
    dispatcher.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    dispatcher.executeDispatch(frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim a(0) As New com.sun.star.beans.PropertyValue
  a(0).Name = &quot;FilterName&quot;
  a(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(out), a())
  doc.close(True)
End Sub
</script:module>
"#;

/// The text LibreOffice leaves of `docx` after Accept All (`accept`) or Reject All.
fn libreoffice_resolves(profile: &Path, docx: &Path, accept: bool) -> String {
    let out = docx.with_extension(if accept {
        "accepted.txt"
    } else {
        "rejected.txt"
    });
    let _ = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .arg("--headless")
        .arg(format!(
            "macro:///Standard.Module1.Resolve(\"{}\",\"{}\",{accept})",
            docx.display(),
            out.display()
        ))
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("no text from LibreOffice for {}: {e}", out.display()));
    text.trim_start_matches('\u{feff}').to_string()
}

/// Text without digits (footnote marks print as digits) and whitespace.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .collect()
}

/// LibreOffice's Accept All gives the new document and its Reject All the old one, paragraph by
/// paragraph: no paragraph joined to the next (a paragraph ending in inserted text followed by a
/// wholly inserted or moved paragraph used to be joined on Reject All).
#[test]
fn libreoffice_accept_and_reject_all_keep_paragraphs_apart() {
    if !tool_or_skip("soffice", "Accept/Reject All in LibreOffice") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("resdiff-soffice-ar-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).unwrap();
    let _ = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--terminate_after_init"])
        .output()
        .unwrap();
    let basic = profile.join("user/basic/Standard");
    assert!(basic.is_dir(), "LibreOffice made no profile");
    std::fs::write(basic.join("Module1.xba"), RESOLVE_MACRO).unwrap();

    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let mut pairs = vec![(
        "sample".to_string(),
        std::fs::read_to_string(data.join("A_RES_65_141.txt")).unwrap(),
        std::fs::read_to_string(data.join("A_RES_66_184.txt")).unwrap(),
    )];
    if let Some(corpus) =
        resdiff::corpus::dir_or_skip("LibreOffice Accept/Reject All on corpus pairs")
    {
        let read = |s: &str| report_support::read(&resdiff::corpus::text_path(&corpus, s));
        // The largest pair, a year-to-year pair and a draft → adopted pair.
        for (name, old, new) in [
            ("78_69", "A/RES/78/69", "A/RES/79/144"),
            ("79_194", "A/RES/79/194", "A/RES/80/118"),
            ("L58", "A/C.2/80/L.58", "A/RES/80/118"),
        ] {
            pairs.push((name.to_string(), read(old), read(new)));
        }
    }
    for (name, old, new) in pairs {
        let c = compare(parse(&old), parse(&new));
        let docx = dir.join(format!("{name}.docx"));
        std::fs::write(
            &docx,
            render(&c, Format::Docx, &RenderOptions::default()).unwrap(),
        )
        .unwrap();
        for (accept, r) in [(true, &c.new), (false, &c.old)] {
            let text = libreoffice_resolves(&profile, &docx, accept);
            // The text after the cover: from "The General Assembly,", without the closing line.
            let got: Vec<String> = text
                .lines()
                .skip_while(|l| l.trim() != "The General Assembly,")
                .skip(1)
                .map(|l| {
                    // the printed number and its tab
                    let l = l.trim_start();
                    match l.split_once('\t') {
                        Some((n, rest)) if n.len() <= 8 && !n.contains(' ') => rest,
                        _ => l,
                    }
                })
                .map(squeeze)
                .filter(|l| !l.is_empty() && !l.ends_with("plenarymeeting"))
                .collect();
            let want: Vec<String> = r
                .paragraphs
                .iter()
                .map(|p| squeeze(&p.text))
                .filter(|p| !p.is_empty())
                .collect();
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                assert_eq!(g, w, "{name} accept={accept}: paragraph {i}");
            }
            assert_eq!(got.len(), want.len(), "{name} accept={accept}: paragraphs");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
