use resdiff::diff::*;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let old = std::fs::read_to_string(&a[1]).unwrap();
    let new = std::fs::read_to_string(&a[2]).unwrap();
    let mut ops = diff_words(old.trim(), new.trim());
    mark_routine(&mut ops);
    for o in &ops {
        match o.op {
            OpKind::Equal => print!("{}", o.text),
            OpKind::Delete => print!("[-{}-]{}", o.text, if o.routine { "ʳ" } else { "" }),
            OpKind::Insert => print!("{{+{}+}}{}", o.text, if o.routine { "ʳ" } else { "" }),
        }
    }
    println!("\nsim {:.3}", similarity(&ops));
}
