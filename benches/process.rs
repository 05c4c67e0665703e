//! Whole-process benchmark: what a user of the command line waits for.
//!
//! `cargo bench --bench process` starts the release binary (`CARGO_BIN_EXE_resdiff`, the command
//! line; since session 12 the desktop app is the separate `resdiff-app`) again and again, the way a
//! shell or a script does, and reports the median wall time from start to exit (like hyperfine:
//! warm-up runs first, then `RESDIFF_BENCH_RUNS` runs, default 41), with the minimum and the 90th
//! percentile. Cases: `--version` (start-up alone), `parse` of one corpus file, `compare` of the
//! sample pair and of A/RES/79/194 → A/RES/80/118 (JSON to a pipe), and a degenerate pair of
//! 5,000 paragraphs (peak memory from `wait4`). Then the naive baseline of a web tool (first later
//! paragraph with character-Levenshtein similarity > 0.8, else the best) aligns 79/194 → 80/118
//! in this process, and the ratio of its time to the whole-process compare is printed.
//!
//! Run it on an otherwise idle machine: wall time is what it measures. `RESDIFF_BENCH_KEEP=1` keeps
//! the degenerate pair in the temporary folder it names.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "common/naive.rs"]
mod naive;

const BIN: &str = env!("CARGO_BIN_EXE_resdiff");

/// One run of the binary: wall time and peak resident memory (KiB) of the child.
fn run_once(args: &[&str]) -> (Duration, u64) {
    let started = Instant::now();
    let child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, whose pid we hold; the pointers outlive the call.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(got, pid, "wait4 failed for {args:?}");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{BIN} {args:?} failed (status {status})"
    );
    // `child` is already reaped; dropping it does not wait again.
    drop(child);
    (elapsed, usage.ru_maxrss.max(0) as u64)
}

struct Stats {
    median: Duration,
    min: Duration,
    p90: Duration,
    max_rss_kib: u64,
}

fn measure(args: &[&str], warmup: usize, runs: usize) -> Stats {
    for _ in 0..warmup {
        run_once(args);
    }
    let mut times = Vec::with_capacity(runs);
    let mut rss = 0;
    for _ in 0..runs {
        let (t, r) = run_once(args);
        times.push(t);
        rss = rss.max(r);
    }
    times.sort();
    Stats {
        median: times[times.len() / 2],
        min: times[0],
        p90: times[(times.len() * 9 / 10).min(times.len() - 1)],
        max_rss_kib: rss,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(label: &str, s: &Stats, target: &str) {
    println!(
        "{label:<44} median {:7.2} ms  (min {:6.2}, p90 {:6.2})  max RSS {:6.1} MiB  {target}",
        ms(s.median),
        ms(s.min),
        ms(s.p90),
        s.max_rss_kib as f64 / 1024.0
    );
}

/// A word of the degenerate documents: the prefix and `k` in base 26 (letters only, so that no
/// word reads as a number or a reference).
fn word(prefix: &str, mut k: u64) -> String {
    let mut s = prefix.to_string();
    loop {
        s.push(char::from(b'a' + (k % 26) as u8));
        k /= 26;
        if k == 0 {
            return s;
        }
    }
}

/// Two texts of 5,000 paragraphs of 15–54 random words (old), the new one with every 50th
/// paragraph removed, a fresh one inserted every 70th and one word added to every 10th.
fn degenerate_pair() -> (String, String) {
    let mut state: u64 = 42;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut para = |prefix: &str, len: u64| -> String {
        (0..len)
            .map(|_| word(prefix, next(3_000)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let old: Vec<String> = (0..5_000u64)
        .map(|i| para("w", 15 + (i * 7919) % 40))
        .collect();
    let mut new = Vec::new();
    for (i, t) in old.iter().enumerate() {
        if i % 70 == 0 {
            new.push(para("fresh", 25));
        }
        if i % 50 == 0 {
            continue;
        }
        new.push(if i % 10 == 0 {
            format!("{t} extra")
        } else {
            t.clone()
        });
    }
    // Preambular paragraphs: unnumbered, as printed numbers stop at three digits.
    let text = |paras: &[String]| {
        let mut s = String::from("The General Assembly,\n\n");
        for p in paras {
            s.push_str(&format!("Recalling {p},\n\n"));
        }
        s
    };
    (text(&old), text(&new))
}

fn main() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("bench process") else {
        return;
    };
    let runs: usize = std::env::var("RESDIFF_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(41);
    let ict_old = resdiff::corpus::text_path(&corpus, "A/RES/79/194");
    let ict_new = resdiff::corpus::text_path(&corpus, "A/RES/80/118");
    let (ict_old_s, ict_new_s) = (
        ict_old.to_string_lossy().into_owned(),
        ict_new.to_string_lossy().into_owned(),
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("== whole process: {BIN}");
    println!(
        "   {runs} runs after 3 warm-up runs; load average at start: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    report(
        "--version",
        &measure(&["--version"], 3, runs),
        "(start-up alone)",
    );
    report(
        "parse A/RES/79/194",
        &measure(&["parse", &ict_old_s], 3, runs),
        "(target < 3 ms)",
    );
    let sample = measure(
        &[
            "compare",
            "sample_data/A_RES_65_141.txt",
            "sample_data/A_RES_66_184.txt",
            "--format",
            "json",
        ],
        3,
        runs,
    );
    report(
        "compare sample 65/141 -> 66/184, json",
        &sample,
        "(target < 5 ms)",
    );
    let ict = measure(
        &["compare", &ict_old_s, &ict_new_s, "--format", "json"],
        3,
        runs,
    );
    report("compare 79/194 -> 80/118, json", &ict, "(target < 15 ms)");

    let dir = std::env::temp_dir().join(format!("resdiff-bench-process-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let (old, new) = degenerate_pair();
    let (po, pn) = (dir.join("old_5000.txt"), dir.join("new_5000.txt"));
    for (p, t) in [(&po, &old), (&pn, &new)] {
        let mut f = std::fs::File::create(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        f.write_all(t.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    }
    let (po_s, pn_s) = (
        po.to_string_lossy().into_owned(),
        pn.to_string_lossy().into_owned(),
    );
    println!("   degenerate pair in {}", dir.display());
    report(
        "compare 5,000 paragraphs (degenerate), json",
        &measure(&["compare", &po_s, &pn_s, "--format", "json"], 1, 5),
        "(target < 1 s)",
    );
    if std::env::var_os("RESDIFF_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }

    println!("== naive baseline of a web tool, in this process (79/194 -> 80/118, align only)");
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let (o, n) = (
        resdiff::parse::parse(&read(&ict_old)),
        resdiff::parse::parse(&read(&ict_new)),
    );
    let started = Instant::now();
    std::hint::black_box(naive::naive_align(&o, &n));
    let t_naive = started.elapsed();
    println!(
        "naive Levenshtein aligner {:.1} ms; whole-process compare (median) {:.2} ms: {:.0}x faster (target >= 50x)",
        ms(t_naive),
        ms(ict.median),
        t_naive.as_secs_f64() / ict.median.as_secs_f64()
    );
}
