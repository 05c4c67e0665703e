//! Series, blame and provenance at scale (issue 13).
//!
//! `cargo bench --no-default-features --bench series` measures, on the corpus at
//! `$RESDIFF_CORPUS`: the provenance index of the whole corpus from cold, provenance of every
//! paragraph of a 132-paragraph resolution (A/C.2/80/L.17) warm, and series and blame of the
//! five-document ICT chain. With `RESDIFF_BENCH_SYNTH=N` (e.g. 20000) it also writes a synthetic
//! corpus of N documents — the real texts replicated with perturbed wording (every 40th word
//! replaced, differently in each replica) — indexes it from cold and queries it, reporting peak
//! memory (VmHWM) and the index size on disk. With `RESDIFF_BENCH_KEEP=1` the synthetic corpus
//! and its index are left in place (their folder is printed) for profiling the query on its own
//! (`examples/provenance_query.rs`).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use resdiff::provenance::{ProvenanceIndex, of_document};
use resdiff::series::{Order, Series, Version, blame};

const CHAIN: [&str; 5] = [
    "A/RES/78/132",
    "A/RES/79/194",
    "A/C.2/80/L.17",
    "A/C.2/80/L.58",
    "A/RES/80/118",
];

fn median_ms(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resdiff-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn index_cold(corpus: &Path, index: &Path) -> (ProvenanceIndex, f64) {
    let _ = std::fs::remove_file(index);
    let t = Instant::now();
    let (idx, stats) = ProvenanceIndex::update(corpus, index, &|_| {}, &AtomicBool::new(false))
        .expect("index builds");
    let secs = t.elapsed().as_secs_f64();
    assert!(stats.failed.is_empty(), "{:?}", stats.failed);
    (idx, secs)
}

fn provenance_warm(idx: &ProvenanceIndex, doc: &resdiff::model::Resolution) -> (f64, usize) {
    let _ = of_document(idx, doc).expect("query"); // warm the pages
    let mut times = Vec::new();
    let mut spans = 0;
    for _ in 0..7 {
        let t = Instant::now();
        let found = of_document(idx, doc).expect("query");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        spans = found.iter().map(|p| p.spans.len()).sum();
    }
    (median_ms(times), spans)
}

/// Replace every 40th word (from an offset that depends on the replica) by a word taken from
/// further on in the text, so each replica shares most but not all of its wording.
fn perturb(text: &str, replica: usize) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if (i + replica).is_multiple_of(40) && w.chars().all(char::is_alphabetic) && !w.is_empty() {
            let other = words[(i * 7 + replica * 13) % words.len()];
            out.push_str(if other.is_empty() { "varied" } else { other });
        } else {
            out.push_str(w);
        }
    }
    out
}

fn main() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("series bench") else {
        return;
    };
    let texts = corpus.join("text");
    println!(
        "machine: {} cores available (shared with other work: figures are upper bounds)",
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    );

    // Index of the whole corpus from cold.
    let dir = scratch("real");
    let index_path = dir.join("index.redb");
    let mut colds = Vec::new();
    let mut idx = None;
    for _ in 0..3 {
        drop(idx.take());
        let (i, secs) = index_cold(&texts, &index_path);
        colds.push(secs * 1000.0);
        idx = Some(i);
    }
    let idx = idx.expect("built");
    let size = std::fs::metadata(&index_path).map_or(0, |m| m.len());
    println!(
        "index, whole corpus ({} documents), cold: median {:.0} ms of 3 ({:?}); {:.1} MiB on disk",
        idx.len(),
        median_ms(colds.clone()),
        colds.iter().map(|c| c.round()).collect::<Vec<_>>(),
        size as f64 / 1048576.0
    );
    let l17 = resdiff::load(&resdiff::corpus::text_path(&corpus, "A/C.2/80/L.17")).expect("L.17");
    let (ms, spans) = provenance_warm(&idx, &l17);
    println!(
        "provenance warm, A/C.2/80/L.17 ({} paragraphs) against the corpus: median {ms:.1} ms, {spans} spans",
        l17.paragraphs.len()
    );

    // Series and blame of the ICT chain (files read once; the timing covers ordering, the four
    // comparisons and tracing).
    let versions: Vec<Version> = CHAIN
        .iter()
        .map(|s| {
            let p = resdiff::corpus::text_path(&corpus, s);
            Version::new(resdiff::load(&p).expect("loads"), p)
        })
        .collect();
    let mut st = Vec::new();
    let mut bt = Vec::new();
    for _ in 0..11 {
        let t = Instant::now();
        let s = Series::build(versions.clone(), Order::Metadata).expect("series");
        st.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let b = blame(&s);
        bt.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(b.warnings.is_empty());
    }
    println!(
        "series of the ICT chain (5 documents): median {:.1} ms; blame: median {:.1} ms (11 runs)",
        median_ms(st),
        median_ms(bt)
    );
    drop(idx);
    let _ = std::fs::remove_dir_all(&dir);

    // The synthetic corpus.
    let Some(n) = std::env::var("RESDIFF_BENCH_SYNTH")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        println!("synthetic corpus: set RESDIFF_BENCH_SYNTH=20000 to run it");
        return;
    };
    let originals: Vec<(String, String)> = resdiff::corpus::text_files(&corpus)
        .expect("texts")
        .iter()
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(p).ok()?))
        })
        .collect();
    let dir = scratch("synth");
    let synth = dir.join("texts");
    std::fs::create_dir_all(&synth).expect("synthetic folder");
    let t = Instant::now();
    for k in 0..n {
        let (name, text) = &originals[k % originals.len()];
        let replica = k / originals.len();
        let body = if replica == 0 {
            text.clone()
        } else {
            perturb(text, replica)
        };
        std::fs::write(synth.join(format!("{name}__{replica:03}.txt")), body).expect("write");
    }
    println!(
        "synthetic corpus: {n} documents written in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let index_path = dir.join("index.redb");
    let (idx, secs) = index_cold(&synth, &index_path);
    let size = std::fs::metadata(&index_path).map_or(0, |m| m.len());
    println!(
        "index, synthetic {n} documents, cold: {secs:.1} s; peak memory (VmHWM, whole process) {:.0} MiB; {:.0} MiB on disk",
        peak_rss_mib(),
        size as f64 / 1048576.0
    );
    let (ms, spans) = provenance_warm(&idx, &l17);
    println!(
        "provenance warm, A/C.2/80/L.17 ({} paragraphs) against the synthetic corpus: median {ms:.1} ms, {spans} spans",
        l17.paragraphs.len()
    );
    drop(idx);
    if std::env::var_os("RESDIFF_BENCH_KEEP").is_some() {
        println!("synthetic corpus and index kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
