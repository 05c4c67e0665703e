//! Reports of real comparisons: the sample pair A/RES/65/141 → A/RES/66/184 and corpus pairs.

mod report_support;

use report_support::{docx_document_xml, docx_paragraphs, resolve, tool_or_skip};
use resdiff::compare::{Comparison, compare};
use resdiff::parse::parse;
use resdiff::report::{Format, RenderOptions, render, resolution_json, resolution_text};

use report_support::{read, sample};

fn corpus_pair(old: &str, new: &str, what: &str) -> Option<Comparison> {
    let dir = resdiff::corpus::dir_or_skip(what)?;
    let o = read(&resdiff::corpus::text_path(&dir, old));
    let n = read(&resdiff::corpus::text_path(&dir, new));
    Some(compare(parse(&o), parse(&n)))
}

fn opts() -> RenderOptions {
    RenderOptions {
        date: Some("2026-11-28T12:00:00Z".into()),
        ..RenderOptions::default()
    }
}

fn text(c: &Comparison, f: Format) -> String {
    String::from_utf8(render(c, f, &opts()).unwrap()).unwrap()
}

/// Accepting all tracked changes gives the new paragraphs, rejecting gives the old ones.
fn docx_round_trip(c: &Comparison) {
    let xml = docx_document_xml(&render(c, Format::Docx, &opts()).unwrap());
    let paras = docx_paragraphs(&xml);
    for (accept, res) in [(true, &c.new), (false, &c.old)] {
        let got = resolve(&paras, accept);
        let want = report_support::expected_paragraphs(res);
        // got = title, "The General Assembly,", paragraphs (with the closing line among them)
        assert_eq!(got[1], "The General Assembly,");
        let closing = res.meta.plenary_meeting.map(|n| format!("{n}"));
        // Notes no paragraph references are kept in a last paragraph of their own (no text).
        let end = if report_support::unreferenced_notes(res).is_empty() {
            got.len()
        } else {
            assert_eq!(got.last().map(String::as_str), Some(""));
            got.len() - 1
        };
        let body: Vec<&String> = got[2..end]
            .iter()
            .filter(|p| {
                !(p.ends_with("plenary meeting")
                    && closing.as_deref().is_some_and(|n| p.starts_with(n)))
            })
            .collect();
        let label = format!("{} → {}", c.old.label("old"), c.new.label("new"));
        for (i, (g, w)) in body.iter().zip(&want).enumerate() {
            assert_eq!(*g, w, "{label}: paragraph {i} (accept={accept})");
        }
        assert_eq!(
            body.len(),
            want.len(),
            "{label}: paragraph count (accept={accept})"
        );
    }
}

#[test]
fn sample_docx_accepts_to_66_184_and_rejects_to_65_141() {
    let c = sample();
    assert!(c.pairs.iter().any(|p| !p.ops.is_empty()));
    docx_round_trip(&c);
    let xml = docx_document_xml(&render(&c, Format::Docx, &opts()).unwrap());
    assert!(xml.contains("<w:delText"));
    assert!(xml.contains("<w:ins "));
    assert!(xml.contains("w:author=\"resdiff\" w:date=\"2026-11-28T12:00:00Z\""));
    assert!(xml.contains("66/184."), "title number");
    // The 65/141 copy has no stamp and no title line: its side of the heading is empty, and the
    // new number and title are insertions (no symbol standing in for a title).
    let paras = docx_paragraphs(&xml);
    let (accepted, rejected) = (resolve(&paras, true), resolve(&paras, false));
    assert_eq!(
        accepted[0],
        "66/184.\tInformation and communications technologies for development"
    );
    assert_eq!(rejected[0], "");
    assert!(xml.contains("91st plenary meeting"));
}

#[test]
fn corpus_docx_round_trip_79_194_to_80_118() {
    let Some(c) = corpus_pair(
        "A/RES/79/194",
        "A/RES/80/118",
        "DOCX round trip on 79/194 → 80/118",
    ) else {
        return;
    };
    docx_round_trip(&c);
}

#[test]
fn sample_html_is_valid_and_complete() {
    let c = sample();
    let h = text(&c, Format::Html);
    assert_eq!(report_support::html5_errors(&h), Vec::<String>::new());
    assert!(h.contains("A/RES/66/184"));
    assert!(h.contains("Information and communications technologies for development"));
    assert!(h.contains("Reaffirms the role of the General Assembly"));
    assert!(h.contains("<del") && h.contains("<ins"));
    assert!(h.contains("<h2>Renumbering</h2>"));
}

#[test]
fn corpus_html_is_valid() {
    let Some(c) = corpus_pair("A/RES/79/194", "A/RES/80/118", "HTML of 79/194 → 80/118") else {
        return;
    };
    let h = text(&c, Format::Html);
    assert_eq!(report_support::html5_errors(&h), Vec::<String>::new());
    assert!(h.contains("A/RES/80/118"));
}

const OLD_CRAFTED: &str = "Resolution adopted by the General Assembly on 20 December 2010\n\
The General Assembly,\n\
Recalling its resolution <script>alert(\"x\")</script> & 'quotes',\n\
1. Requests the \"Secretary-General\" to report on <b>tags</b> & more;\n\
2. Decides to continue the work of A & B.\n";

const NEW_CRAFTED: &str = "Resolution adopted by the General Assembly on 20 December 2011\n\
The General Assembly,\n\
Recalling its resolution <script>alert(\"y\")</script> & 'quotes' <!-- -->,\n\
1. Requests the \"Secretary-General\" to report on <b>tags</b> & <i>more</i>;\n\
2. Decides to continue the work of A & B & C.\n";

#[test]
fn crafted_documents_are_escaped_in_html() {
    let c = compare(parse(OLD_CRAFTED), parse(NEW_CRAFTED));
    let h = text(&c, Format::Html);
    assert_eq!(report_support::html5_errors(&h), Vec::<String>::new());
    assert!(!h.contains("<script>"));
    assert!(!h.contains("<b>tags"));
    assert!(!h.contains("<!-- -->"));
    assert!(h.contains("&lt;script&gt;"));
    assert!(h.contains("&amp;"));
    assert!(h.contains("&quot;Secretary-General&quot;"));
    assert!(h.contains("&#39;quotes&#39;"));
    // the same documents in Markdown show the markup literally
    let md = text(&c, Format::Markdown);
    assert!(!md.contains("<script>") && md.contains("\\<script\\>"));
}

#[test]
fn sample_pdf_text_extracts() {
    let c = sample();
    let pdf = render(&c, Format::Pdf, &opts()).unwrap();
    // The embedded font is a subset: the whole DejaVu Sans alone is 740 KB.
    assert!(String::from_utf8_lossy(&pdf).contains("/RDSUBS+DejaVuSans"));
    assert!(pdf.len() < 250_000, "{} bytes", pdf.len());
    if !tool_or_skip("pdftotext", "PDF text extraction (sample pair)") {
        return;
    }
    let path = std::env::temp_dir().join(format!("resdiff-sample-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let t = String::from_utf8(out.stdout).unwrap();
    let header = format!(
        "{} → {}",
        c.old.label("old document"),
        c.new.label("new document")
    );
    assert!(t.contains(&header), "running header {header}");
    assert!(t.contains("A/RES/66/184"));
    assert!(t.contains("Page 1 of "));
    assert!(t.contains("Reaffirms the role of the General Assembly"));
    assert!(t.contains("World Summit on the Information Society"));
}

#[test]
fn sample_csv_json_text_markdown() {
    let c = sample();
    let rows = report_support::parse_csv(&text(&c, Format::Csv));
    assert_eq!(rows.len(), c.pairs.len() + 1);
    for (row, p) in rows[1..].iter().zip(&c.pairs) {
        assert_eq!(row[2], p.status.as_str());
    }
    let v: serde_json::Value = serde_json::from_str(&text(&c, Format::Json)).unwrap();
    assert_eq!(v["new"]["symbol"], "A/RES/66/184");
    assert_eq!(v["new"]["plenary_meeting"], 91);
    assert_eq!(v["new"]["committee_report"], "A/66/437");
    assert_eq!(v["pairs"].as_array().unwrap().len(), c.pairs.len());
    // Every changed pair is in exactly one bucket, and the buckets add up.
    let s = &c.summary;
    let changed = c
        .pairs
        .iter()
        .filter(|p| {
            p.status != resdiff::compare::Status::Unchanged
                || p.class.kind != resdiff::diff::ChangeKind::None
        })
        .count();
    assert_eq!(v["summary"]["changed"], changed);
    assert_eq!(s.changed, s.substantive + s.routine + s.position_only);
    assert_eq!(s.changed, changed);
    assert_ne!(s.similarity_label(), "100 %");
    assert_eq!(v["new"], resolution_json(&c.new));
    let t = text(&c, Format::Text);
    let first: Vec<&str> = t.lines().take(2).collect();
    assert!(first[0].contains("A/RES/66/184"));
    assert!(first[1].contains("pairs") && first[1].contains("substantive"));
    assert!(t.contains("[-") && t.contains("{+"));
    let md = text(&c, Format::Markdown);
    assert!(md.starts_with("# Comparison: "));
    assert!(md.contains("~~") && md.contains("**"));
    let rt = resolution_text(&c.new);
    assert!(rt.contains("A/RES/66/184"));
    assert!(rt.contains("[OP10]"));
}

#[test]
fn sample_docx_opens_in_libreoffice() {
    if !tool_or_skip("soffice", "LibreOffice conversion of the sample DOCX") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("resdiff-soffice-real-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("sample.docx");
    std::fs::write(&docx, render(&sample(), Format::Docx, &opts()).unwrap()).unwrap();
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&docx)
        .output()
        .unwrap();
    let pdf = dir.join("sample.pdf");
    assert!(
        pdf.is_file(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if tool_or_skip("pdftotext", "text of the LibreOffice PDF") {
        let t = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        // Line breaks depend on the fonts LibreOffice finds: compare with whitespace collapsed.
        let t = String::from_utf8_lossy(&t.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(t.contains("The General Assembly,"));
        assert!(t.contains("Information and communications technologies for development"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every consecutive pair of every corpus series (series.tsv): the DOCX round trip holds
/// (accept-all gives the new document in order, reject-all the old one) and, for every 10th
/// pair, the HTML is valid HTML5. A/C.2/80/L.17 → L.58 has a split whose two new halves stand
/// on either side of an added paragraph.
#[test]
fn corpus_series_pairs_round_trip() {
    let Some(dir) = resdiff::corpus::dir_or_skip("report round trips on corpus series") else {
        return;
    };
    let series = read(&dir.join("series.tsv"));
    let mut done = 0;
    let chains = series.lines().skip(1).filter_map(|line| {
        let (_, symbols) = line.split_once('\t')?;
        Some(symbols.split_whitespace().collect::<Vec<_>>())
    });
    let pairs: Vec<(&str, &str)> = chains
        .flat_map(|s| s.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>())
        .collect();
    assert!(pairs.contains(&("A/C.2/80/L.17", "A/C.2/80/L.58")));
    for (k, (old, new)) in pairs.into_iter().enumerate() {
        let (po, pn) = (
            resdiff::corpus::text_path(&dir, old),
            resdiff::corpus::text_path(&dir, new),
        );
        if !po.is_file() || !pn.is_file() {
            continue;
        }
        let c = compare(parse(&read(&po)), parse(&read(&pn)));
        docx_round_trip(&c);
        if k % 10 == 0 {
            let h = text(&c, Format::Html);
            assert_eq!(
                report_support::html5_errors(&h),
                Vec::<String>::new(),
                "{old} → {new}"
            );
        }
        done += 1;
    }
    assert!(done >= 170, "only {done} series pairs found");
}

/// The DOCX read back by resdiff's own ingest (which takes the accepted view of tracked changes,
/// numbers footnotes in reference order and appends their texts) and parsed again gives the new
/// document's paragraphs, footnote references and footnotes.
#[test]
fn sample_docx_reads_back_as_the_new_document() {
    let c = sample();
    let bytes = render(&c, Format::Docx, &opts()).unwrap();
    let ingested = resdiff::ingest::decode(&bytes, "report.docx").unwrap();
    let back = parse(&ingested.text);
    let got: Vec<(&str, &str)> = back
        .paragraphs
        .iter()
        .map(|p| (p.id.as_str(), p.text.as_str()))
        .collect();
    let want: Vec<(&str, &str)> = c
        .new
        .paragraphs
        .iter()
        .map(|p| (p.id.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(got, want);
    let refs = |r: &resdiff::model::Resolution| -> Vec<(String, Vec<resdiff::model::FootnoteRef>)> {
        r.paragraphs
            .iter()
            .map(|p| (p.id.clone(), p.footnote_refs.clone()))
            .collect()
    };
    assert_eq!(refs(&back), refs(&c.new));
    assert_eq!(back.footnotes.len(), 10);
    assert_eq!(back.footnotes, c.new.footnotes);
}
