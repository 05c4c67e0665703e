use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t0 = Instant::now();
    let a = std::fs::read_to_string(&args[1]).unwrap();
    let b = std::fs::read_to_string(&args[2]).unwrap();
    let t1 = Instant::now();
    let pa = resdiff::parse::parse(&a);
    let t2 = Instant::now();
    let pb = resdiff::parse::parse(&b);
    let t3 = Instant::now();
    let pa2 = resdiff::parse::parse(&a);
    let t4 = Instant::now();
    let c = resdiff::compare::compare(pa, pb);
    let t5 = Instant::now();
    let c2 = resdiff::compare::compare(pa2, resdiff::parse::parse(&b));
    let t6 = Instant::now();
    let j = resdiff::report::render(&c, resdiff::report::Format::Json, &Default::default());
    let t7 = Instant::now();
    eprintln!(
        "read {:?} parse1(cold) {:?} parse2 {:?} parse1(warm) {:?} compare(cold) {:?} compare+parse(warm) {:?} json {:?} [{} {}]",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        t5 - t4,
        t6 - t5,
        t7 - t6,
        c2.pairs.len(),
        j.map(|x| x.len()).unwrap_or(0)
    );
}
