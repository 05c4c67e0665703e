mod align_support;
use resdiff::align::align;
#[test]
fn scratch() {
    let a = std::fs::read_to_string("sample_data/A_RES_65_141.txt").unwrap();
    let b = std::fs::read_to_string("sample_data/A_RES_66_184.txt").unwrap();
    let b: Vec<&str> = b.lines().filter(|l| l.starts_with('\t')).collect();
    let old = align_support::from_lines(a.lines());
    let new = align_support::from_lines(b);
    let al = align(&old, &new);
    for l in &al.links {
        let o: Vec<_> = l.old.iter().map(|&i| old.paragraphs[i].id.clone()).collect();
        let n: Vec<_> = l.new.iter().map(|&i| new.paragraphs[i].id.clone()).collect();
        let ot = l.old.first().map(|&i| old.paragraphs[i].text.chars().take(50).collect::<String>()).unwrap_or_default();
        let nt = l.new.first().map(|&i| new.paragraphs[i].text.chars().take(50).collect::<String>()).unwrap_or_default();
        println!("{:?}\t{:?}\t{:?}\t{:.2}\t{}\t|{}", o, n, l.status, l.score, ot, nt);
    }
    println!("{:?}", al.warnings);
}
