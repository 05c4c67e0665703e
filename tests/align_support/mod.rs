//! Test-only helpers shared by the `align*` integration tests.
#![allow(dead_code)]

use resdiff::model::{Paragraph, ParagraphKind, Part, Resolution};

/// A paragraph of `kind` with `id` and `text` (number taken from an `OPn` id).
pub fn para(id: &str, kind: ParagraphKind, text: &str) -> Paragraph {
    let number = match kind {
        ParagraphKind::Operative => id.rsplit("OP").next().map(str::to_string),
        ParagraphKind::SubParagraph => id
            .rsplit('(')
            .next()
            .map(|s| s.trim_end_matches(')').to_string()),
        _ => None,
    };
    let parent = match kind {
        ParagraphKind::SubParagraph => id.rfind('(').map(|i| id[..i].to_string()),
        _ => None,
    };
    Paragraph {
        id: id.to_string(),
        kind,
        number,
        lead: None,
        text: text.to_string(),
        parent,
        part: Part::Body,
        section: None,
        footnote_refs: Vec::new(),
        printed_number: None,
    }
}

/// A resolution from plain lines: `N. text` lines are operative, other lines preambular.
pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Resolution {
    let mut paragraphs = Vec::new();
    let mut pp = 0;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let num: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !num.is_empty() && line[num.len()..].starts_with('.') {
            let text = line[num.len() + 1..].trim();
            paragraphs.push(para(&format!("OP{num}"), ParagraphKind::Operative, text));
        } else {
            pp += 1;
            paragraphs.push(para(&format!("PP{pp}"), ParagraphKind::Preambular, line));
        }
    }
    Resolution {
        paragraphs,
        structured: true,
        ..Resolution::default()
    }
}

/// Assert that every paragraph of both sides appears in exactly one link, that links with two
/// sides are not added/removed, and that indices are ascending inside a link.
pub fn assert_covers(al: &resdiff::align::Alignment, n_old: usize, n_new: usize) {
    use resdiff::compare::Status;
    let mut seen_old = vec![0usize; n_old];
    let mut seen_new = vec![0usize; n_new];
    for l in &al.links {
        for &o in &l.old {
            seen_old[o] += 1;
        }
        for &n in &l.new {
            seen_new[n] += 1;
        }
        assert!(l.old.windows(2).all(|w| w[0] < w[1]), "{l:?}");
        assert!(l.new.windows(2).all(|w| w[0] < w[1]), "{l:?}");
        match (l.old.is_empty(), l.new.is_empty()) {
            (true, true) => panic!("empty link"),
            (true, false) => assert_eq!(l.status, Status::Added),
            (false, true) => assert_eq!(l.status, Status::Removed),
            (false, false) => {
                assert!(
                    !matches!(l.status, Status::Added | Status::Removed),
                    "{l:?}"
                );
                if l.new.len() > 1 {
                    assert_eq!(l.status, Status::Split);
                }
                if l.old.len() > 1 {
                    assert_eq!(l.status, Status::Merged);
                }
            }
        }
    }
    assert!(
        seen_old.iter().all(|&c| c == 1),
        "old coverage {seen_old:?}"
    );
    assert!(
        seen_new.iter().all(|&c| c == 1),
        "new coverage {seen_new:?}"
    );
}

/// A small deterministic random generator (SplitMix64) for reproducible synthetic cases.
pub struct Rng(pub u64);

impl Rng {
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Reassign ids after edits: preambular `PPk`, operative `OPk` (number updated), sub-paragraphs
/// under the id of the paragraph before them.
pub fn renumber(paragraphs: &mut [Paragraph]) {
    let (mut pp, mut op) = (0, 0);
    let mut parent = String::new();
    let mut used = std::collections::HashSet::new();
    for p in paragraphs.iter_mut() {
        match p.kind {
            ParagraphKind::Preambular => {
                pp += 1;
                p.id = format!("PP{pp}");
                parent = p.id.clone();
            }
            ParagraphKind::Operative => {
                op += 1;
                p.id = format!("OP{op}");
                p.number = Some(op.to_string());
                parent = p.id.clone();
            }
            ParagraphKind::SubParagraph => {
                let label = p.number.clone().unwrap_or_default();
                p.parent = Some(parent.clone());
                p.id = format!("{parent}({label})");
            }
            ParagraphKind::Heading | ParagraphKind::Unstructured => {}
        }
        let mut id = p.id.clone();
        let mut k = 1;
        while !used.insert(id.clone()) {
            k += 1;
            id = format!("{}~{k}", p.id);
        }
        p.id = id;
    }
}

/// Read and parse a document.
pub fn load(path: &std::path::Path) -> Resolution {
    resdiff::parse::parse(&std::fs::read_to_string(path).unwrap())
}
