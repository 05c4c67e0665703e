//! A fixed amount of aligning work for instruction counting under callgrind, which a busy
//! machine does not skew (wall-clock benchmarks are in `benches/compare.rs`):
//!
//! ```text
//! cargo build --release --example align_cost
//! valgrind --tool=callgrind target/release/examples/align_cost OLD.txt NEW.txt [align|compare] [REPEAT] [SCALE]
//! ```
//!
//! Parses both texts once, replicates them `SCALE` times (as the compare bench's growth rows do),
//! then runs `align` (or the whole `compare`) `REPEAT` times. The difference between two repeat
//! counts is the cost of the repeated part alone.

use resdiff::model::{Paragraph, Resolution};

/// A letters-only tag for replica `r` (as in the compare bench).
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

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(a), Some(b)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: align_cost OLD.txt NEW.txt [align|compare] [REPEAT] [SCALE]");
    };
    let mode = args.get(3).map_or("align", String::as_str);
    let repeat: usize = args.get(4).map_or(Ok(1), |s| s.parse())?;
    let scale: usize = args.get(5).map_or(Ok(1), |s| s.parse())?;
    let old = replicate(&resdiff::parse::parse(&std::fs::read_to_string(a)?), scale);
    let new = replicate(&resdiff::parse::parse(&std::fs::read_to_string(b)?), scale);
    let mut links = 0;
    for _ in 0..repeat {
        links += match mode {
            "compare" => resdiff::compare::compare(old.clone(), new.clone())
                .pairs
                .len(),
            _ => resdiff::align::align(&old, &new).links.len(),
        };
    }
    println!("{links} links");
    Ok(())
}
