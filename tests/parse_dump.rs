//! Debugging aid: `RESDIFF_DUMP=path cargo test --no-default-features --test parse_dump -- --ignored --nocapture`
//! prints the parse of a file as a compact outline.

#[test]
#[ignore = "debugging aid, prints a parse"]
fn dump() {
    let Some(path) = std::env::var_os("RESDIFF_DUMP") else {
        eprintln!("set RESDIFF_DUMP to a text file");
        return;
    };
    for path in std::env::split_paths(&path) {
        let text = std::fs::read_to_string(&path).unwrap();
        let r = resdiff::parse::parse(&text);
        println!(
            "== {} {:?} structured={} meta={:?}",
            path.display(),
            r.flavour,
            r.structured,
            r.meta
        );
        let mut counts = std::collections::BTreeMap::new();
        for p in &r.paragraphs {
            let part = match &p.part {
                resdiff::model::Part::Body => "body".to_string(),
                resdiff::model::Part::Annex { index, .. } => format!("AN{index}"),
            };
            *counts.entry(format!("{part}:{:?}", p.kind)).or_insert(0) += 1;
        }
        println!("  COUNTS {counts:?} footnotes={}", r.footnotes.len());
        if std::env::var_os("RESDIFF_DUMP_HEADINGS").is_some() {
            for p in r
                .paragraphs
                .iter()
                .filter(|p| p.kind == resdiff::model::ParagraphKind::Heading)
            {
                println!(
                    "  HEAD {} {:?} {}",
                    p.id,
                    p.number,
                    p.text.chars().take(120).collect::<String>()
                );
            }
            continue;
        }
        if std::env::var_os("RESDIFF_DUMP_SUMMARY").is_some() {
            continue;
        }
        for w in &r.warnings {
            println!("  WARN {w}");
        }
        for p in &r.paragraphs {
            let t: String = p.text.chars().take(90).collect();
            let refs: Vec<String> = p
                .footnote_refs
                .iter()
                .map(|f| format!("{}@{}", f.number, f.offset))
                .collect();
            println!(
                "  {:<12} {:?} lead={:?} sec={:?} refs=[{}] | {}{}",
                p.id,
                p.kind,
                p.lead,
                p.section
                    .as_deref()
                    .map(|s| s.chars().take(20).collect::<String>()),
                refs.join(","),
                t,
                if p.text.len() > 90 {
                    format!(
                        " …{}",
                        p.text
                            .chars()
                            .rev()
                            .take(40)
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect::<String>()
                    )
                } else {
                    String::new()
                }
            );
        }
        for f in &r.footnotes {
            println!(
                "  FN {} {}",
                f.number,
                f.text.chars().take(100).collect::<String>()
            );
        }
    }
}
