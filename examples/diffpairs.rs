use resdiff::diff::*;
fn lines(p: &str) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| l.split_whitespace().count() > 5)
        .collect()
}
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let old = lines(&a[1]);
    let new = lines(&a[2]);
    for o in &old {
        let mut best = (0.0, None);
        for n in &new {
            let s = similarity(&diff_words(o, n));
            if s > best.0 {
                best = (s, Some(n));
            }
        }
        let Some(n) = best.1 else { continue };
        if best.0 < 0.5 || best.0 == 1.0 {
            continue;
        }
        let mut ops = diff_words(o, n);
        mark_routine(&mut ops);
        for o in &ops {
            match o.op {
                OpKind::Equal => print!("{}", o.text),
                OpKind::Delete => print!("[-{}-]{}", o.text, if o.routine { "ʳ" } else { "" }),
                OpKind::Insert => print!("{{+{}+}}{}", o.text, if o.routine { "ʳ" } else { "" }),
            }
        }
        println!("\n  sim {:.3}\n", best.0);
    }
}
