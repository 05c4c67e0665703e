//! Time to render each report format, for the sample pair and the largest series pair of the
//! corpus (A/RES/78/69 → A/RES/79/144). Run with
//! `cargo bench --no-default-features --bench report`.
//!
//! Set `RESDIFF_REPORT_OUT=DIR` to also write every rendered report there (for inspection).

use std::path::Path;
use std::time::{Duration, Instant};

use resdiff::compare::{Comparison, compare};
use resdiff::parse::parse;
use resdiff::report::{Format, Layout, Only, RenderOptions, render};

fn read(p: &Path) -> Option<String> {
    match std::fs::read_to_string(p) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("cannot read {}: {e}", p.display());
            None
        }
    }
}

fn bench(name: &str, c: &Comparison) {
    bench_with(name, c, &RenderOptions::default(), &Format::ALL);
}

/// Time `formats` of `c` rendered with `opts`.
fn bench_with(name: &str, c: &Comparison, opts: &RenderOptions, formats: &[Format]) {
    let out_dir = std::env::var_os("RESDIFF_REPORT_OUT");
    println!(
        "{name}: {} old / {} new paragraphs, {} pairs",
        c.old.paragraphs.len(),
        c.new.paragraphs.len(),
        c.pairs.len()
    );
    for &f in formats {
        let mut times: Vec<Duration> = Vec::new();
        let mut size = 0;
        let start = Instant::now();
        while times.len() < 3 || (start.elapsed() < Duration::from_secs(2) && times.len() < 50) {
            let t = Instant::now();
            match render(c, f, opts) {
                Ok(bytes) => {
                    size = bytes.len();
                    if times.is_empty()
                        && let Some(dir) = &out_dir
                    {
                        let path = Path::new(dir).join(format!("{name}.{}", f.extension()));
                        if let Err(e) = std::fs::write(&path, &bytes) {
                            eprintln!("cannot write {}: {e}", path.display());
                        }
                    }
                }
                Err(e) => {
                    println!("  {:<5} FAILED: {e}", f.name());
                    break;
                }
            }
            times.push(t.elapsed());
        }
        times.sort();
        if let (Some(min), Some(med)) = (times.first(), times.get(times.len() / 2)) {
            println!(
                "  {:<5} min {:>8.2} ms  median {:>8.2} ms  ({} runs)  {:>9} bytes",
                f.name(),
                min.as_secs_f64() * 1e3,
                med.as_secs_f64() * 1e3,
                times.len(),
                size
            );
        }
    }
}

fn main() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    if let (Some(o), Some(n)) = (
        read(&sample.join("A_RES_65_141.txt")),
        read(&sample.join("A_RES_66_184.txt")),
    ) {
        bench("sample_65_141_to_66_184", &compare(parse(&o), parse(&n)));
    }
    let Some(dir) = resdiff::corpus::dir_or_skip("report bench on corpus pairs") else {
        return;
    };
    for (old, new) in [
        ("A/RES/79/194", "A/RES/80/118"),
        ("A/RES/78/69", "A/RES/79/144"),
    ] {
        let (Some(o), Some(n)) = (
            read(&resdiff::corpus::text_path(&dir, old)),
            read(&resdiff::corpus::text_path(&dir, new)),
        ) else {
            continue;
        };
        let t = Instant::now();
        let c = compare(parse(&o), parse(&n));
        println!(
            "(parse + compare {old} → {new}: {:.1} ms)",
            t.elapsed().as_secs_f64() * 1e3
        );
        let name = format!("{}_to_{}", old.replace('/', "_"), new.replace('/', "_"));
        bench(&name, &c);
        if new == "A/RES/79/144" {
            // The options a delegate uses to keep the largest pair short.
            let short = RenderOptions {
                only: Only::Changes,
                layout: Layout::Redline,
                ..RenderOptions::default()
            };
            bench_with(
                &format!("{name}_changes_redline"),
                &c,
                &short,
                &[Format::Html, Format::Pdf],
            );
            let columns = RenderOptions {
                layout: Layout::SideBySide,
                ..RenderOptions::default()
            };
            bench_with(
                &format!("{name}_side_by_side"),
                &c,
                &columns,
                &[Format::Pdf],
            );
        }
    }
}
