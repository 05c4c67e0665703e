mod align_support;
use resdiff::align::align;
use std::collections::HashSet;
#[test]
fn scratch() {
    let a = std::fs::read_to_string("sample_data/A_RES_65_141.txt").unwrap();
    let b = std::fs::read_to_string("sample_data/A_RES_66_184.txt").unwrap();
    let a: Vec<&str> = a.lines().skip(3).collect();
    let b: Vec<&str> = b.lines().filter(|l| l.starts_with('\t')).skip(1).collect();
    let old = align_support::from_lines(a);
    let new = align_support::from_lines(b);
    let al = align(&old, &new);
    let pred: HashSet<(String, String)> = al.index_links().into_iter().map(|(o, n)| (o.map_or("-".into(), |i| old.paragraphs[i].id.clone()), n.map_or("-".into(), |i| new.paragraphs[i].id.clone()))).collect();
    let gold: HashSet<(String, String)> = std::fs::read_to_string("/tmp/align_gold_sample_content.txt").unwrap().lines().map(|l| { let mut s = l.split(' '); (s.next().unwrap().to_string(), s.next().unwrap().to_string()) }).collect();
    let hit = pred.intersection(&gold).count();
    println!("P {:.3} R {:.3}", hit as f64 / pred.len() as f64, hit as f64 / gold.len() as f64);
    for m in gold.difference(&pred) { println!("missed {m:?}"); }
    for m in pred.difference(&gold) { println!("extra {m:?}"); }
}
