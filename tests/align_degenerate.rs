//! Degenerate inputs: the aligner and `compare` never panic, stay bounded, and give the right
//! structure.

mod align_support;

use align_support::{Rng, assert_covers, para};
use resdiff::align::align;
use resdiff::compare::{Status, compare};
use resdiff::diff::{new_text, old_text};
use resdiff::model::{ParagraphKind, Resolution};

fn sample(name: &str) -> Resolution {
    let text = std::fs::read_to_string(format!("sample_data/{name}")).unwrap();
    align_support::from_lines(text.lines().filter(|l| !l.trim().is_empty()))
}

fn doc(texts: &[String]) -> Resolution {
    let paragraphs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| para(&format!("OP{}", i + 1), ParagraphKind::Operative, t))
        .collect();
    Resolution {
        paragraphs,
        structured: true,
        ..Resolution::default()
    }
}

/// A letters-only word for `k` (digits would be normalised away as routine numbers).
fn word(prefix: &str, mut k: usize) -> String {
    let mut s = prefix.to_string();
    loop {
        s.push((b'a' + (k % 26) as u8) as char);
        k /= 26;
        if k == 0 {
            return s;
        }
    }
}

fn random_text(rng: &mut Rng, prefix: &str, vocab: usize, words: usize) -> String {
    (0..words)
        .map(|_| word(prefix, rng.below(vocab)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_reconstruction(cmp: &resdiff::compare::Comparison) {
    for pair in &cmp.pairs {
        let join = |doc: &Resolution, idx: &[usize]| {
            idx.iter()
                .map(|&i| doc.paragraphs[i].text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(old_text(&pair.ops), join(&cmp.old, &pair.old));
        assert_eq!(new_text(&pair.ops), join(&cmp.new, &pair.new));
    }
}

#[test]
fn identical_documents_are_all_unchanged() {
    let d = sample("A_RES_66_184.txt");
    let al = align(&d, &d);
    assert_covers(&al, d.paragraphs.len(), d.paragraphs.len());
    assert_eq!(al.links.len(), d.paragraphs.len());
    for (i, l) in al.links.iter().enumerate() {
        assert_eq!((l.old.as_slice(), l.new.as_slice()), (&[i][..], &[i][..]));
        assert_eq!(l.status, Status::Unchanged);
    }
    let cmp = compare(d.clone(), d);
    assert_eq!(cmp.summary.counts.unchanged, cmp.pairs.len());
    assert!((cmp.summary.similarity - 1.0).abs() < 1e-9);
    assert_eq!(cmp.summary.substantive, 0);
    check_reconstruction(&cmp);
}

#[test]
fn entirely_different_documents_are_added_and_removed() {
    let mut rng = Rng(7);
    let old: Vec<String> = (0..60)
        .map(|_| random_text(&mut rng, "alpha", 500, 30))
        .collect();
    let new: Vec<String> = (0..70)
        .map(|_| random_text(&mut rng, "beta", 500, 30))
        .collect();
    let (old, new) = (doc(&old), doc(&new));
    let al = align(&old, &new);
    assert_covers(&al, 60, 70);
    assert!(
        al.links
            .iter()
            .all(|l| l.old.is_empty() || l.new.is_empty())
    );
    let cmp = compare(old, new);
    assert_eq!(cmp.summary.counts.added, 70);
    assert_eq!(cmp.summary.counts.removed, 60);
    assert_eq!(cmp.summary.similarity, 0.0);
    check_reconstruction(&cmp);
}

#[test]
fn an_empty_side_gives_only_added_or_removed() {
    let d = sample("A_RES_65_141.txt");
    let empty = Resolution::default();
    let n = d.paragraphs.len();
    let al = align(&empty, &d);
    assert_covers(&al, 0, n);
    assert!(al.links.iter().all(|l| l.status == Status::Added));
    let al = align(&d, &empty);
    assert_covers(&al, n, 0);
    assert!(al.links.iter().all(|l| l.status == Status::Removed));
    // Removed paragraphs keep their old order when nothing precedes them.
    let order: Vec<usize> = al.links.iter().map(|l| l.old[0]).collect();
    assert_eq!(order, (0..n).collect::<Vec<_>>());
    assert!(align(&empty, &empty).links.is_empty());
    let cmp = compare(empty.clone(), empty);
    assert!(cmp.pairs.is_empty());
    let cmp = compare(d, Resolution::default());
    assert_eq!(cmp.summary.counts.removed, n);
    check_reconstruction(&cmp);
}

#[test]
fn five_thousand_paragraphs_with_edits() {
    let mut rng = Rng(42);
    let old: Vec<String> = (0..5_000)
        .map(|_| {
            let len = 15 + rng.below(40);
            random_text(&mut rng, "w", 3_000, len)
        })
        .collect();
    // New: delete every 50th, insert a fresh paragraph every 70th, edit one word in every 10th.
    let mut new = Vec::new();
    let mut truth = Vec::new();
    for (i, t) in old.iter().enumerate() {
        if i % 70 == 0 {
            new.push(random_text(&mut rng, "fresh", 3_000, 25));
            truth.push(None);
        }
        if i % 50 == 0 {
            continue;
        }
        let text = if i % 10 == 0 {
            format!("{t} extra")
        } else {
            t.clone()
        };
        new.push(text);
        truth.push(Some(i));
    }
    let (old_doc, new_doc) = (doc(&old), doc(&new));
    let al = align(&old_doc, &new_doc);
    assert_covers(&al, old.len(), new.len());
    let mut got = vec![None; new.len()];
    for l in &al.links {
        if let (Some(&o), Some(&n)) = (l.old.first(), l.new.first()) {
            got[n] = Some(o);
        }
    }
    let wrong = got.iter().zip(&truth).filter(|(g, t)| g != t).count();
    assert!(
        wrong <= new.len() / 100,
        "{wrong} wrong links of {}",
        new.len()
    );
    let cmp = compare(old_doc, new_doc);
    assert_eq!(cmp.pairs.len(), al.links.len());
    check_reconstruction(&cmp);
}

#[test]
fn one_paragraph_of_fifty_thousand_words() {
    let mut rng = Rng(3);
    let big = random_text(&mut rng, "w", 5_000, 50_000);
    let mut words: Vec<String> = big.split(' ').map(str::to_string).collect();
    for _ in 0..500 {
        let k = rng.below(words.len());
        words[k] = word("edited", k);
    }
    let edited = words.join(" ");
    let (old, new) = (doc(&[big]), doc(&[edited]));
    let al = align(&old, &new);
    assert_eq!(al.links.len(), 1);
    assert_eq!(al.links[0].status, Status::Modified);
    let cmp = compare(old, new);
    assert_eq!(cmp.pairs.len(), 1);
    // Either the full diff finished (then it is precise) or its deadline was hit and said so.
    let timed_out = cmp.warnings.iter().any(|w| w.contains("time limit"));
    assert!(timed_out || (cmp.pairs[0].similarity > 0.9 && cmp.pairs[0].similarity < 1.0));
    check_reconstruction(&cmp);
}
