mod align_support;
use resdiff::align::align;
#[test]
fn scratch() {
    let b = std::fs::read_to_string("sample_data/A_RES_66_184.txt").unwrap();
    let d = align_support::from_lines(b.lines().filter(|l| !l.trim().is_empty()));
    let al = align(&d, &d);
    for l in &al.links {
        if l.old.len() != 1 || l.new.len() != 1 || l.old != l.new {
            println!("{:?} {:?} {:?} {:?}", l, l.old.iter().map(|&i| &d.paragraphs[i].text).collect::<Vec<_>>(), l.new.iter().map(|&i| &d.paragraphs[i].text).collect::<Vec<_>>(), 0);
        }
    }
}
