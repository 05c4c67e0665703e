//! `compare()` end to end on the sample pair A/RES/65/141 → A/RES/66/184, checked against facts
//! read in the two documents.

use resdiff::compare::{Comparison, Status, compare};
use resdiff::diff::{ChangeKind, new_text, old_text};
use resdiff::parse::parse;

fn sample() -> Comparison {
    let read = |n: &str| std::fs::read_to_string(format!("sample_data/{n}")).unwrap();
    compare(
        parse(&read("A_RES_65_141.txt")),
        parse(&read("A_RES_66_184.txt")),
    )
}

fn pair_of<'a>(c: &'a Comparison, old_id: &str) -> &'a resdiff::compare::Pair {
    c.pairs
        .iter()
        .find(|p| p.old.iter().any(|&i| c.old.paragraphs[i].id == old_id))
        .unwrap_or_else(|| panic!("no pair for {old_id}"))
}

fn new_ids(c: &Comparison, p: &resdiff::compare::Pair) -> Vec<String> {
    p.new
        .iter()
        .map(|&i| c.new.paragraphs[i].id.clone())
        .collect()
}

#[test]
fn sample_pair_end_to_end() {
    let c = sample();
    // Every paragraph of both documents appears exactly once.
    let mut seen_old = vec![0; c.old.paragraphs.len()];
    let mut seen_new = vec![0; c.new.paragraphs.len()];
    for p in &c.pairs {
        p.old.iter().for_each(|&i| seen_old[i] += 1);
        p.new.iter().for_each(|&i| seen_new[i] += 1);
    }
    assert!(seen_old.iter().chain(&seen_new).all(|&n| n == 1));

    // 65/141 OP14 "Recognizes the urgent need to harness ..." is word for word 66/184 OP15.
    let p = pair_of(&c, "OP14");
    assert_eq!(new_ids(&c, p), ["OP15"]);
    assert_eq!(p.status, Status::Renumbered);
    assert!(p.renumbered);
    assert_eq!(p.class.kind, ChangeKind::None);
    assert!(
        c.summary
            .renumbering
            .iter()
            .any(|r| r.old == "OP14" && r.new == "OP15")
    );
    // The cultural-diversity paragraph (PP3) moved down to PP11 of 66/184.
    let p = pair_of(&c, "PP3");
    assert_eq!(new_ids(&c, p), ["PP11"]);
    assert_eq!(p.status, Status::Moved);
    // OP20 "Decides that the desirability ..." became the preambular PP24 "Recalling its decision ...".
    let p = pair_of(&c, "OP20");
    assert_eq!(new_ids(&c, p), ["PP24"]);
    // OP9 (South-South and triangular cooperation) was merged into OP6.
    let p = pair_of(&c, "OP9");
    assert_eq!(new_ids(&c, p), ["OP6"]);
    assert_eq!(p.status, Status::Merged);
    assert_eq!(p.old.len(), 2);
    // The paragraph 65/141 lacks (66/184 PP3, "Recalling further the Declaration ...") is added.
    let pp3 = c.new.paragraphs.iter().position(|p| p.id == "PP3").unwrap();
    let added = c.pairs.iter().find(|p| p.new == [pp3]).unwrap();
    assert_eq!(added.status, Status::Added);
    assert!(added.old.is_empty());
    // "Emphasizing the significance ..." → "Reiterating the significance ...": a lead change.
    assert!(
        c.summary
            .lead_changes
            .iter()
            .any(|l| l.old_id == "PP19" && l.new_id == "PP25")
    );
    // OP23 asks for a report at the sixty-sixth session, OP20 of 66/184 at the sixty-seventh:
    // the only change is routine.
    let p = pair_of(&c, "OP23");
    assert_eq!(new_ids(&c, p), ["OP20"]);
    assert_eq!(p.class.kind, ChangeKind::Routine);
    // Pairs follow the new document; a removed paragraph sits after its old predecessor's pair.
    let mut last_new = 0;
    for (k, p) in c.pairs.iter().enumerate() {
        if let Some(&n) = p.new.first() {
            assert!(n >= last_new, "pair {k} out of new order");
            last_new = n;
        } else {
            let o = p.old[0];
            if o > 0 {
                let pred = c.pairs[..k].iter().rposition(|q| q.old.contains(&(o - 1)));
                assert!(pred.is_some(), "removed {o} before its predecessor");
            }
        }
    }
    // The diffs reconstruct both texts.
    for p in &c.pairs {
        let join = |doc: &resdiff::model::Resolution, idx: &[usize]| {
            idx.iter()
                .map(|&i| doc.paragraphs[i].text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(old_text(&p.ops), join(&c.old, &p.old));
        assert_eq!(new_text(&p.ops), join(&c.new, &p.new));
    }
    // Summary figures.
    let s = &c.summary;
    let total: usize = Status::ALL.iter().map(|&st| s.counts.get(st)).sum();
    assert_eq!(total, c.pairs.len());
    assert_eq!(s.counts.added, 10);
    assert_eq!(s.counts.merged, 1);
    assert!(s.sections.iter().any(|x| x.section == "preambular"));
    assert!(s.sections.iter().any(|x| x.section == "operative"));
    assert!(s.similarity > 0.5 && s.similarity < 1.0, "{}", s.similarity);
    assert!(s.routine >= 1 && s.substantive >= 10);
    println!("{:?}", s.counts);
    println!(
        "similarity {:.3}, routine {}, substantive {}",
        s.similarity, s.routine, s.substantive
    );
    println!(
        "renumbering {:?}",
        s.renumbering
            .iter()
            .map(|r| format!("{}→{}", r.old, r.new))
            .collect::<Vec<_>>()
    );
}

/// A/RES/80/118 was adopted from draft A/C.2/80/L.58 without change: the two texts differ only
/// in that the adopted one joins nine words ("COVID‑19", "multi‑stakeholder", "e‑commerce", …)
/// with the non-breaking hyphen U+2011. Read from the files (text and PDF), every pair is
/// unchanged.
#[test]
fn adopted_80_118_is_draft_l58_word_for_word() {
    let Some(corpus) = resdiff::corpus::dir_or_skip("L.58 → A/RES/80/118 compare") else {
        return;
    };
    let text = |s: &str| resdiff::corpus::text_path(&corpus, s);
    let raw = std::fs::read_to_string(text("A/RES/80/118")).unwrap();
    assert!(
        raw.contains("COVID\u{2011}19"),
        "the adopted text uses U+2011"
    );
    let l58 = std::fs::read_to_string(text("A/C.2/80/L.58")).unwrap();
    assert!(!l58.contains('\u{2011}') && l58.contains("COVID-19"));

    let pdf = |name: &str| corpus.join("pdf").join(name);
    for (old, new) in [
        (text("A/C.2/80/L.58"), text("A/RES/80/118")),
        (pdf("A_C.2_80_L.58.pdf"), pdf("A_RES_80_118.pdf")),
    ] {
        let c = resdiff::compare_files(&old, &new).unwrap();
        assert_eq!(c.pairs.len(), 135, "{}", new.display());
        let changed: Vec<&str> = c
            .pairs
            .iter()
            .filter(|p| p.status != Status::Unchanged)
            .flat_map(|p| p.new.iter().map(|&i| c.new.paragraphs[i].id.as_str()))
            .collect();
        assert!(changed.is_empty(), "{}: {changed:?}", new.display());
    }
}
