//! Time (and profile) the provenance query on its own against an existing index.
//!
//! `cargo run --release --no-default-features --example provenance_query -- INDEX FILE [RUNS]`
//! opens INDEX (verified as `resdiff provenance` does), loads FILE, runs the provenance of every
//! paragraph of FILE once to warm the pages and then RUNS times (default 7), and prints the median
//! and each run's time. RUNS = 0 stops after the warm-up run, so `perf stat` of a run with RUNS = N
//! minus one with RUNS = 0 gives the instructions of N queries. With `RESDIFF_QUERY_JSON=PATH` the
//! answer of the last run is written to PATH as JSON (for `cmp` before and after a change).

use std::time::Instant;

use anyhow::{Context, Result};
use resdiff::provenance::{ProvenanceIndex, of_document};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(index), Some(file)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: provenance_query INDEX FILE [RUNS]");
    };
    let runs: usize = match args.get(2) {
        Some(r) => r.parse().context("RUNS is a number")?,
        None => 7,
    };
    let idx = ProvenanceIndex::open(std::path::Path::new(index)).map_err(anyhow::Error::msg)?;
    let doc = resdiff::load(std::path::Path::new(file))?;
    let mut found = of_document(&idx, &doc)?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        // The previous answer is freed before the clock starts (as in `benches/series.rs`).
        drop(std::mem::take(&mut found));
        let t = Instant::now();
        found = of_document(&idx, &doc)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let spans: usize = found.iter().map(|p| p.spans.len()).sum();
    let sources: usize = found
        .iter()
        .flat_map(|p| &p.spans)
        .map(|s| s.sources.len())
        .sum();
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN);
    println!(
        "{} documents; {} paragraphs of {file}: {spans} spans, {sources} sources; median {median:.1} ms of {runs} ({})",
        idx.len(),
        doc.paragraphs.len(),
        times
            .iter()
            .map(|t| format!("{t:.1}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(path) = std::env::var_os("RESDIFF_QUERY_JSON") {
        std::fs::write(&path, serde_json::to_vec_pretty(&found)?)?;
    }
    Ok(())
}
