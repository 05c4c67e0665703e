//! Parser throughput over the whole corpus: `cargo bench --no-default-features --bench parse`.
//!
//! Reads every text of `corpus/text`, parses all of them `ROUNDS` times and prints MB/s.

use std::time::Instant;

const ROUNDS: usize = 5;

fn main() {
    let Some(dir) = resdiff::corpus::dir_or_skip("parse benchmark") else {
        return;
    };
    let files = match resdiff::corpus::text_files(&dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot list corpus texts: {e}");
            return;
        }
    };
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Warm-up (compiles the lazily built regexes).
    let mut paragraphs = 0usize;
    for t in &texts {
        paragraphs += resdiff::parse::parse(t).paragraphs.len();
    }
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for t in &texts {
            std::hint::black_box(resdiff::parse::parse(std::hint::black_box(t)));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * ROUNDS) as f64 / 1e6;
    println!(
        "parse: {} texts, {:.1} MB, {paragraphs} paragraphs; {ROUNDS} rounds in {secs:.2} s = {:.1} MB/s ({:.2} ms per document)",
        texts.len(),
        bytes as f64 / 1e6,
        mb / secs,
        secs * 1000.0 / (texts.len() * ROUNDS) as f64
    );
}
