//! Benchmark of parse + align + diff (`cargo bench --no-default-features --bench compare`).
//!
//! Prints: time per comparison for the sample pair, for A/RES/79/194 → A/RES/80/118 and for
//! A/RES/79/1 against an edited copy; growth at 1×, 2×, 4×, 8× document size; peak memory
//! (VmHWM); and the speed ratio against a naive character-Levenshtein aligner.

use std::hint::black_box;
use std::time::{Duration, Instant};

use resdiff::compare::compare;
use resdiff::model::{Paragraph, Resolution};
use resdiff::parse::parse;

#[path = "common/naive.rs"]
mod naive;
use naive::naive_align;

/// On-CPU time of this thread (first field of /proc/thread-self/schedstat, in ns), which the
/// other processes of a busy machine do not inflate; `None` where unavailable.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// `RESDIFF_BENCH_WALL=1` measures wall time instead of thread CPU time: finer-grained (the CPU
/// time advances only at scheduler ticks), and the right figure on an otherwise idle machine.
fn wall_clock() -> bool {
    std::env::var_os("RESDIFF_BENCH_WALL").is_some_and(|v| v == "1")
}

/// Median time per call of `f`: calls are grouped in batches of at least 40 ms (the kernel
/// updates a thread's CPU time only at scheduler ticks), each batch measured in thread CPU time
/// where the platform reports it (robust on a shared machine), else in wall time.
fn median_time(budget: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_micros(1));
    let per_batch = ((0.04 / once.as_secs_f64()).ceil() as u32).max(1);
    let batches = (budget.as_secs_f64() / (once.as_secs_f64() * f64::from(per_batch)))
        .clamp(5.0, 60.0) as usize;
    let mut times: Vec<Duration> = (0..batches)
        .map(|_| {
            let (t, c) = (Instant::now(), thread_cpu());
            for _ in 0..per_batch {
                f();
            }
            let total = match (c, thread_cpu()) {
                (Some(a), Some(b)) if !wall_clock() => b.saturating_sub(a),
                _ => t.elapsed(),
            };
            total / per_batch
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Peak resident memory of this process (VmHWM), in MiB, where /proc is available.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A letters-only tag for replica `r` (digits would be normalised away).
fn tag(mut r: usize) -> String {
    let mut s = String::from("replica");
    loop {
        s.push((b'a' + (r % 26) as u8) as char);
        r /= 26;
        if r == 0 {
            return s;
        }
    }
}

/// The document replicated `k` times, each replica's paragraphs varied by a replica tag word.
fn replicate(doc: &Resolution, k: usize) -> Resolution {
    let mut out = doc.clone();
    out.paragraphs.clear();
    for r in 0..k {
        for p in &doc.paragraphs {
            let mut q: Paragraph = p.clone();
            q.id = format!("{}~{r}", p.id);
            if r > 0 {
                q.text = format!("{} {}", tag(r), p.text);
            }
            out.paragraphs.push(q);
        }
    }
    out
}

/// An edited copy: every 7th paragraph gets a clause, every 11th is dropped, every 13th moved to
/// the end, years bumped.
fn edited_copy(doc: &Resolution) -> Resolution {
    let mut out = doc.clone();
    let mut moved = Vec::new();
    out.paragraphs = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 11 != 5)
        .filter_map(|(i, p)| {
            let mut q = p.clone();
            q.text = q.text.replace("2024", "2025").replace("2030", "2031");
            if i % 7 == 3 {
                q.text
                    .push_str(" and in this regard stresses the importance of further efforts");
            }
            if i % 13 == 8 {
                moved.push(q);
                None
            } else {
                Some(q)
            }
        })
        .collect();
    out.paragraphs.extend(moved);
    out
}

fn main() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("bench compare") else {
        return;
    };
    let read = |p: std::path::PathBuf| {
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let sample_old = read("sample_data/A_RES_65_141.txt".into());
    let sample_new = read("sample_data/A_RES_66_184.txt".into());
    let ict_old = read(resdiff::corpus::text_path(&corpus, "A/RES/79/194"));
    let ict_new = read(resdiff::corpus::text_path(&corpus, "A/RES/80/118"));
    let pact = read(resdiff::corpus::text_path(&corpus, "A/RES/79/1"));
    let budget = Duration::from_millis(1500);

    println!(
        "== parse + align + diff (median {} time) ==",
        if thread_cpu().is_some() && !wall_clock() {
            "thread CPU"
        } else {
            "wall"
        }
    );
    let t_sample = median_time(budget, || {
        black_box(resdiff::compare_texts(&sample_old, &sample_new));
    });
    println!(
        "sample 65/141 -> 66/184      {:8.3} ms   (target < 5 ms)",
        ms(t_sample)
    );
    let (so, sn) = (parse(&sample_old), parse(&sample_new));
    let t_sparse = median_time(budget, || {
        black_box((parse(&sample_old), parse(&sample_new)));
    });
    let t_salign = median_time(budget, || {
        black_box(resdiff::align::align(&so, &sn));
    });
    let t_scmp = median_time(budget, || {
        black_box(compare(so.clone(), sn.clone()));
    });
    println!(
        "  of which: parse {:.3} ms, align {:.3} ms, align + diff + classify {:.3} ms",
        ms(t_sparse),
        ms(t_salign),
        ms(t_scmp)
    );
    let t_ict = median_time(budget, || {
        black_box(resdiff::compare_texts(&ict_old, &ict_new));
    });
    println!(
        "79/194 -> 80/118             {:8.3} ms   (target < 20 ms)",
        ms(t_ict)
    );
    let pact_doc = parse(&pact);
    let pact_edit = edited_copy(&pact_doc);
    let t_pact = median_time(budget, || {
        black_box(compare(parse(&pact), pact_edit.clone()));
    });
    println!(
        "79/1 ({} paragraphs) -> edited copy ({}) {:8.3} ms",
        pact_doc.paragraphs.len(),
        pact_edit.paragraphs.len(),
        ms(t_pact)
    );

    println!("== growth (align + diff, 79/194 -> 80/118 replicated) ==");
    let (o1, n1) = (parse(&ict_old), parse(&ict_new));
    let mut base = None;
    for k in [1usize, 2, 4, 8] {
        let (o, n) = (replicate(&o1, k), replicate(&n1, k));
        let t = median_time(budget, || {
            black_box(compare(o.clone(), n.clone()));
        });
        let b = *base.get_or_insert(t);
        println!(
            "{k}x ({:5} + {:5} paragraphs) {:9.3} ms   ratio to 1x {:6.2} (linear would be {k})",
            o.paragraphs.len(),
            n.paragraphs.len(),
            ms(t),
            t.as_secs_f64() / b.as_secs_f64()
        );
    }
    let (o8, n8) = (replicate(&o1, 8), replicate(&n1, 8));
    let t_align8 = median_time(budget, || {
        black_box(resdiff::align::align(&o8, &n8));
    });
    let t_align1 = median_time(budget, || {
        black_box(resdiff::align::align(&o1, &n1));
    });
    println!(
        "align only: 1x {:.3} ms, 8x {:.3} ms, ratio {:.2}",
        ms(t_align1),
        ms(t_align8),
        t_align8.as_secs_f64() / t_align1.as_secs_f64()
    );

    let t_parse = median_time(budget, || {
        black_box((parse(&ict_old), parse(&ict_new)));
    });
    let t_norm = median_time(budget, || {
        for p in o1.paragraphs.iter().chain(&n1.paragraphs) {
            black_box(resdiff::diff::normalize_for_matching(&p.text));
        }
    });
    println!(
        "parts of 79/194 -> 80/118: parse {:.3} ms, normalize_for_matching of all paragraphs {:.3} ms",
        ms(t_parse),
        ms(t_norm)
    );

    println!("== naive baseline (79/194 -> 80/118, align only) ==");
    let (t0, c0) = (Instant::now(), thread_cpu());
    black_box(naive_align(&o1, &n1));
    let t_naive = match (c0, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => t0.elapsed(),
    };
    println!(
        "naive Levenshtein aligner   {:9.3} ms; resdiff align {:.3} ms; parse+align+diff {:.3} ms",
        ms(t_naive),
        ms(t_align1),
        ms(t_ict)
    );
    println!(
        "speed ratio: {:.0}x (align only), {:.0}x (full compare incl. parse)",
        t_naive.as_secs_f64() / t_align1.as_secs_f64(),
        t_naive.as_secs_f64() / t_ict.as_secs_f64()
    );
    if let Some(mib) = peak_mib() {
        println!("peak memory (VmHWM) {mib:.1} MiB");
    }
}
