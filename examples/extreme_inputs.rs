//! Time the whole pipeline on extreme inputs (issue 15): each case is decoded as a file, parsed,
//! compared with a variant of itself and rendered as HTML, and the time of each step is printed.
//! The README's reliability section records the figures; `tests/ingest_limits.rs` checks that
//! the same inputs finish (without timing).
//!
//! ```text
//! cargo run --release --no-default-features --example extreme_inputs
//! ```

use std::time::Instant;

use resdiff::report::{Format, RenderOptions};

/// The extreme inputs: name, old text, new text.
fn cases() -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
    let line = "word ".repeat(2 * 1024 * 1024).into_bytes(); // 10 MiB, no line break
    let mut line_new = line.clone();
    line_new[5 * 1024 * 1024] = b'W';
    let paragraphs = "word\n\n".repeat(1_000_000).into_bytes(); // 1 M one-word paragraphs
    let mut paragraphs_new = paragraphs.clone();
    paragraphs_new.extend_from_slice(b"another\n");
    let numbered: Vec<u8> = (1..=200_000)
        .map(|i| format!("{i}.\tDecides to remain seized of the matter {i};\n"))
        .collect::<String>()
        .into_bytes();
    vec![
        ("10 MiB on one line", line, line_new),
        ("1 M one-word paragraphs", paragraphs, paragraphs_new),
        (
            "200 000 numbered operative paragraphs",
            numbered.clone(),
            numbered,
        ),
    ]
}

fn main() {
    for (name, old, new) in cases() {
        let t = Instant::now();
        let a = resdiff::ingest::decode(&old, "old.txt");
        let b = resdiff::ingest::decode(&new, "new.txt");
        let decode = t.elapsed();
        let (Ok(a), Ok(b)) = (a, b) else {
            println!("{name}: refused when read");
            continue;
        };
        let t = Instant::now();
        let (pa, pb) = (
            resdiff::parse::parse(&a.text),
            resdiff::parse::parse(&b.text),
        );
        let parse = t.elapsed();
        let paragraphs = (pa.paragraphs.len(), pb.paragraphs.len());
        let t = Instant::now();
        let c = resdiff::compare::compare(pa, pb);
        let compare = t.elapsed();
        let t = Instant::now();
        let html = resdiff::report::render(&c, Format::Html, &RenderOptions::default());
        let render = t.elapsed();
        println!(
            "{name}: {} + {} bytes, {paragraphs:?} paragraphs, {} pairs, {} warnings | decode {:.2} s, \
             parse {:.2} s, compare {:.2} s, html {:.2} s ({} bytes) | total {:.2} s",
            old.len(),
            new.len(),
            c.pairs.len(),
            c.warnings.len(),
            decode.as_secs_f64(),
            parse.as_secs_f64(),
            compare.as_secs_f64(),
            render.as_secs_f64(),
            html.map(|h| h.len()).unwrap_or(0),
            (decode + parse + compare + render).as_secs_f64(),
        );
        for w in &c.warnings {
            println!("  warning: {w}");
        }
    }
}
