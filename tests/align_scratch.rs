mod align_support;
#[test]
fn dump_ids() {
    let Ok(path) = std::env::var("DUMP") else {
        return;
    };
    let d = align_support::load(std::path::Path::new(&path));
    for p in &d.paragraphs {
        println!("{}\t{:?}\t{}", p.id, p.kind, p.text);
    }
}
