//! Links without evidence and direction dependence over every series pair of the corpus
//! (`series.tsv`: each consecutive pair of a series' symbols, oldest first).
//!
//! ```sh
//! cargo run --release --no-default-features --example weak_links -- [FLOOR]
//! ```
//!
//! Prints every modified or moved link whose word similarity (the `similarity` of the compare
//! JSON) is below `FLOOR` (default: the aligner's documented floor,
//! [`resdiff::align::SIMILARITY_FLOOR`]), with the structural reason the aligner gave, if any;
//! then how many series pairs align differently when the two documents are swapped
//! (`compare B A` not the mirror of `compare A B`).

use resdiff::align::{Link, Status, align};
use resdiff::compare::compare;
use resdiff::parse::parse;

/// A link as a direction-free key: (old ids, new ids, status) with the statuses of the reverse
/// comparison turned back.
fn key(
    link: &Link,
    old: &resdiff::model::Resolution,
    new: &resdiff::model::Resolution,
    mirror: bool,
) -> (Vec<String>, Vec<String>, &'static str) {
    let ids = |idx: &[usize], doc: &resdiff::model::Resolution| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| doc.paragraphs.get(i))
            .map(|p| p.id.clone())
            .collect()
    };
    let (a, b) = (ids(&link.old, old), ids(&link.new, new));
    if mirror {
        (b, a, link.status.mirrored().as_str())
    } else {
        (a, b, link.status.as_str())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let floor: f64 = match std::env::args().nth(1) {
        Some(f) => f.parse()?,
        None => resdiff::align::SIMILARITY_FLOOR,
    };
    let corpus = resdiff::corpus::expected_dir();
    let series = std::fs::read_to_string(corpus.join("series.tsv"))?;
    let (mut pairs, mut weak, mut with_reason, mut asym, mut asym_links) = (0, 0, 0, 0, 0);
    for line in series.lines().skip(1) {
        let Some((_, symbols)) = line.split_once('\t') else {
            continue;
        };
        let symbols: Vec<&str> = symbols.split_whitespace().collect();
        for w in symbols.windows(2) {
            let [old_sym, new_sym] = w else { continue };
            let (Ok(a), Ok(b)) = (
                std::fs::read_to_string(resdiff::corpus::text_path(&corpus, old_sym)),
                std::fs::read_to_string(resdiff::corpus::text_path(&corpus, new_sym)),
            ) else {
                continue;
            };
            pairs += 1;
            let (old, new) = (parse(&a), parse(&b));
            let forward = align(&old, &new);
            let c = compare(old.clone(), new.clone());
            for (p, l) in c.pairs.iter().zip(&forward.links) {
                if !matches!(p.status, Status::Modified | Status::Moved) || p.similarity >= floor {
                    continue;
                }
                weak += 1;
                let reason = l.reason.map(|r| r.as_str());
                with_reason += usize::from(reason.is_some());
                println!(
                    "{old_sym} -> {new_sym}\t{} -> {}\t{}\tsimilarity {:.3}\tcosine {:.3}\t{}",
                    c.old.paragraphs[p.old[0]].id,
                    c.new.paragraphs[p.new[0]].id,
                    p.status.as_str(),
                    p.similarity,
                    l.score,
                    reason.unwrap_or("-")
                );
            }
            let backward = align(&new, &old);
            let mut f: Vec<_> = forward
                .links
                .iter()
                .map(|l| key(l, &old, &new, false))
                .collect();
            let mut r: Vec<_> = backward
                .links
                .iter()
                .map(|l| key(l, &new, &old, true))
                .collect();
            f.sort();
            r.sort();
            if f != r {
                asym += 1;
                let diff = f.iter().filter(|k| !r.contains(k)).count();
                asym_links += diff;
                println!("asymmetric {old_sym} <-> {new_sym}: {diff} links differ");
            }
        }
    }
    println!(
        "{pairs} series pairs; {weak} modified/moved links with similarity < {floor} \
         ({with_reason} with a structural reason); {asym} pairs align differently when swapped \
         ({asym_links} links)"
    );
    Ok(())
}
