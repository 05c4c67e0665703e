//! Sweep over every series pair of the corpus (`series.tsv`: each consecutive pair of a series'
//! symbols, oldest first): how many diff ops are routine, by reason, and each paragraph pair's
//! change kind.
//!
//! ```sh
//! cargo run --release --no-default-features --example routine_sweep -- OUT.tsv [BEFORE.tsv]
//! ```
//!
//! Writes one line per paragraph pair (`old → new` symbols, old ids, new ids, change kind) to
//! `OUT.tsv` and prints the totals. With `BEFORE.tsv` (the same file written by an earlier build)
//! it also prints how many paragraph pairs and how many document pairs changed classification.
//! Only the compare JSON contract is used, so the same example runs on older builds.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out_path = args
        .next()
        .ok_or("usage: routine_sweep OUT.tsv [BEFORE.tsv]")?;
    let before_path = args.next();
    let corpus = resdiff::corpus::expected_dir();
    let mut out = String::new();
    let mut doc_pairs = 0usize;
    let mut ops_total = 0usize;
    let mut changed_ops = 0usize;
    let mut routine_ops = 0usize;
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (old, new) in resdiff::corpus::series_pairs(&corpus)? {
        let (po, pn) = (
            resdiff::corpus::text_path(&corpus, &old),
            resdiff::corpus::text_path(&corpus, &new),
        );
        let c = resdiff::compare_files(&po, &pn)?;
        doc_pairs += 1;
        let json = resdiff::report::comparison_json(&c);
        let pairs = json["pairs"].as_array().cloned().unwrap_or_default();
        for p in &pairs {
            let change = p["change"].as_str().unwrap_or("?").to_string();
            *kinds.entry(change.clone()).or_default() += 1;
            let ids = |k: &str| {
                p[k].as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str())
                            .collect::<Vec<_>>()
                            .join("+")
                    })
                    .unwrap_or_default()
            };
            writeln!(
                out,
                "{old} → {new}\t{}\t{}\t{change}",
                ids("old_ids"),
                ids("new_ids")
            )?;
            for op in p["ops"].as_array().map(Vec::as_slice).unwrap_or_default() {
                ops_total += 1;
                if op["op"] != "equal" {
                    changed_ops += 1;
                }
                if op["routine"] == true {
                    routine_ops += 1;
                    // The rule, without its numbers and symbols (`# (the old document)
                    // added to the list`); each reason of a combined one counted once.
                    let reason = op["routine_reason"].as_str().unwrap_or("(no reason given)");
                    for part in reason.split("; ") {
                        let rule: Vec<&str> = part
                            .split(' ')
                            .map(|w| {
                                if w.chars().any(|c| c.is_ascii_digit()) {
                                    if w.ends_with(':') { "#:" } else { "#" }
                                } else {
                                    w
                                }
                            })
                            .collect();
                        *by_reason.entry(rule.join(" ")).or_default() += 1;
                    }
                }
            }
        }
    }
    std::fs::write(&out_path, &out)?;
    println!("document pairs: {doc_pairs}");
    println!("ops: {ops_total}, of which changed (insert/delete): {changed_ops}");
    println!(
        "routine ops: {routine_ops}; by rule (an op with a combined reason counts once per rule):"
    );
    for (reason, n) in &by_reason {
        println!("  {n:6}  {reason}");
    }
    println!("paragraph pairs by change kind:");
    for (kind, n) in &kinds {
        println!("  {n:6}  {kind}");
    }
    if let Some(before_path) = before_path {
        let before = std::fs::read_to_string(before_path)?;
        let key = |l: &str| -> Option<(String, String)> {
            let (k, kind) = l.rsplit_once('\t')?;
            Some((k.to_string(), kind.to_string()))
        };
        let old: HashMap<String, String> = before.lines().filter_map(key).collect();
        let mut changed_pairs = 0usize;
        let mut transitions: BTreeMap<String, usize> = BTreeMap::new();
        let mut docs_changed: BTreeMap<String, ()> = BTreeMap::new();
        let mut unmatched = 0usize;
        for (k, kind) in out.lines().filter_map(key) {
            match old.get(&k) {
                Some(was) if *was != kind => {
                    changed_pairs += 1;
                    *transitions.entry(format!("{was} → {kind}")).or_default() += 1;
                    let doc = k.split('\t').next().unwrap_or_default().to_string();
                    docs_changed.insert(doc, ());
                }
                Some(_) => {}
                None => unmatched += 1,
            }
        }
        println!(
            "versus before: {changed_pairs} paragraph pairs in {} document pairs changed classification ({unmatched} pairs not in the before file)",
            docs_changed.len()
        );
        for (t, n) in &transitions {
            println!("  {n:6}  {t}");
        }
    }
    Ok(())
}
