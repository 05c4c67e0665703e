//! Blame: for every word of the newest version, the version that introduced it.
//!
//! Each step's comparison links paragraphs (across renumbering, moves, splits and merges) and
//! diffs every link word by word; its ops reproduce both texts exactly. Walking the ops maps every
//! byte of a new paragraph either to a byte of an old paragraph (an equal run) or to nothing (an
//! insert). Going forward from the oldest version, whose bytes all date from it, each byte of a
//! later version inherits the origin of the byte it maps to, or is dated to that version when it
//! was inserted there. A word of the newest version is dated to the latest origin among its
//! letters and digits (punctuation alone does not re-date a word: `development` → `development,`
//! keeps its date), or among all its bytes when it has none.

use crate::compare::Comparison;
use crate::diff::OpKind;

use super::Series;

/// Where one byte of a version's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Origin {
    /// The version that introduced it.
    version: usize,
    /// It was introduced by a routine (annual rollover) insert.
    routine: bool,
}

/// One word of the newest version and the version that introduced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlameWord {
    /// Byte offset of the word in its paragraph's text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Index of the version (in [`Series::versions`]) that introduced the word in this form.
    pub version: usize,
    /// The word came in through a routine update (the annual rollover, see `diff`).
    pub routine: bool,
}

/// The words of one paragraph of the newest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlameParagraph {
    /// Index of the paragraph in the newest version.
    pub paragraph: usize,
    /// Its words (whitespace-separated), in order.
    pub words: Vec<BlameWord>,
}

/// Blame of the whole newest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blame {
    /// One entry per paragraph of the newest version.
    pub paragraphs: Vec<BlameParagraph>,
    /// Links whose ops did not reproduce their texts (a bug elsewhere, never hidden): their new
    /// text is dated to the new version.
    pub warnings: Vec<String>,
}

impl Blame {
    /// Number of words introduced by each version, indexed like [`Series::versions`].
    pub fn counts(&self, versions: usize) -> Vec<usize> {
        let mut counts = vec![0; versions];
        for w in self.paragraphs.iter().flat_map(|p| &p.words) {
            if let Some(c) = counts.get_mut(w.version) {
                *c += 1;
            }
        }
        counts
    }
}

/// Blame every word of the newest version of `series`.
pub fn blame(series: &Series) -> Blame {
    let mut warnings = Vec::new();
    let first = &series.versions[0].doc;
    let mut origins: Vec<Vec<Origin>> = first
        .paragraphs
        .iter()
        .map(|p| {
            vec![
                Origin {
                    version: 0,
                    routine: false
                };
                p.text.len()
            ]
        })
        .collect();
    for (i, step) in series.steps.iter().enumerate() {
        origins = carry(step, &origins, i + 1, &mut warnings);
    }
    let newest = &series.newest().doc;
    let paragraphs = newest
        .paragraphs
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let origin = origins.get(n).map(Vec::as_slice).unwrap_or(&[]);
            BlameParagraph {
                paragraph: n,
                words: words_of(&p.text, origin, series.versions.len() - 1),
            }
        })
        .collect();
    Blame {
        paragraphs,
        warnings,
    }
}

/// The origins of every byte of the new side of `step`, from those of its old side.
fn carry(
    step: &Comparison,
    old_origins: &[Vec<Origin>],
    version: usize,
    warnings: &mut Vec<String>,
) -> Vec<Vec<Origin>> {
    let fresh = |routine| Origin { version, routine };
    let mut out: Vec<Vec<Origin>> = step
        .new
        .paragraphs
        .iter()
        .map(|p| vec![fresh(false); p.text.len()])
        .collect();
    for pair in &step.pairs {
        if pair.new.is_empty() {
            continue;
        }
        // The joined texts the ops describe, and where each paragraph starts in them.
        let old_starts = starts(&step.old, &pair.old);
        let new_starts = starts(&step.new, &pair.new);
        let joined_new: Vec<&str> = pair
            .new
            .iter()
            .filter_map(|&k| step.new.paragraphs.get(k))
            .map(|p| p.text.as_str())
            .collect();
        if crate::diff::new_text(&pair.ops) != joined_new.join("\n") {
            let ids: Vec<&str> = pair
                .new
                .iter()
                .filter_map(|&k| step.new.paragraphs.get(k))
                .map(|p| p.id.as_str())
                .collect();
            warnings.push(format!(
                "the diff of {} in {} does not reproduce its text; its words are dated to that version",
                ids.join("+"),
                step.new.label("the new version")
            ));
            continue;
        }
        let (mut o, mut n) = (0usize, 0usize);
        for op in &pair.ops {
            let len = op.text.len();
            match op.op {
                OpKind::Equal => {
                    for k in 0..len {
                        let from = locate(&old_starts, o + k)
                            .and_then(|(p, b)| old_origins.get(p)?.get(b).copied());
                        if let (Some(from), Some((p, b))) = (from, locate(&new_starts, n + k))
                            && let Some(slot) = out.get_mut(p).and_then(|v| v.get_mut(b))
                        {
                            *slot = from;
                        }
                    }
                    o += len;
                    n += len;
                }
                OpKind::Insert => {
                    for k in 0..len {
                        if let Some((p, b)) = locate(&new_starts, n + k)
                            && let Some(slot) = out.get_mut(p).and_then(|v| v.get_mut(b))
                        {
                            *slot = fresh(op.routine);
                        }
                    }
                    n += len;
                }
                OpKind::Delete => o += len,
            }
        }
    }
    out
}

/// `(paragraph index, start offset, length)` of each paragraph of a side in its joined text.
fn starts(doc: &crate::model::Resolution, indices: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut at = 0;
    let mut out = Vec::with_capacity(indices.len());
    for &k in indices {
        let len = doc.paragraphs.get(k).map_or(0, |p| p.text.len());
        out.push((k, at, len));
        at += len + 1; // the joining "\n"
    }
    out
}

/// The paragraph and offset of byte `pos` of a joined text (`None` on a joining newline).
fn locate(starts: &[(usize, usize, usize)], pos: usize) -> Option<(usize, usize)> {
    starts
        .iter()
        .find(|(_, s, len)| pos >= *s && pos < s + len)
        .map(|(k, s, _)| (*k, pos - s))
}

/// The whitespace-separated words of `text` with the version of each.
fn words_of(text: &str, origin: &[Origin], newest: usize) -> Vec<BlameWord> {
    let mut words = Vec::new();
    let mut start = None;
    let push = |s: usize, e: usize, words: &mut Vec<BlameWord>| {
        let word = &text[s..e];
        let alnum: Vec<usize> = word
            .char_indices()
            .filter(|(_, c)| c.is_alphanumeric())
            .map(|(k, _)| s + k)
            .collect();
        let bytes: Vec<usize> = if alnum.is_empty() {
            (s..e).collect()
        } else {
            alnum
        };
        let at = |b: usize| {
            origin.get(b).copied().unwrap_or(Origin {
                version: newest,
                routine: false,
            })
        };
        let version = bytes.iter().map(|&b| at(b).version).max().unwrap_or(newest);
        let routine = bytes
            .iter()
            .map(|&b| at(b))
            .filter(|o| o.version == version)
            .all(|o| o.routine)
            && version > 0;
        words.push(BlameWord {
            start: s,
            end: e,
            version,
            routine,
        });
    };
    for (k, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(s, k, &mut words);
            }
        } else if start.is_none() {
            start = Some(k);
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut words);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::{Order, Series, Version};

    fn version(text: &str, name: &str) -> Version {
        Version::new(crate::parse::parse(text), name)
    }

    #[test]
    fn words_are_dated_through_a_renumbering_and_an_edit() {
        let a = "The General Assembly,\n\nRecalling its resolution on widgets,\n\n1. Requests the Secretary-General to report on widgets;\n\n2. Decides to remain seized of the matter.\n";
        let b = "The General Assembly,\n\nRecalling its resolution on widgets,\n\n1. Welcomes the report on gadgets;\n\n2. Requests the Secretary-General to report on widgets and gadgets;\n\n3. Decides to remain seized of the matter.\n";
        let series = Series::build(vec![version(a, "a.txt"), version(b, "b.txt")], Order::Given)
            .expect("two versions");
        let blame = blame(&series);
        assert!(blame.warnings.is_empty(), "{:?}", blame.warnings);
        let newest = &series.newest().doc;
        let word_versions = |id: &str| -> Vec<(String, usize)> {
            let n = newest
                .paragraphs
                .iter()
                .position(|p| p.id == id)
                .expect("paragraph");
            blame.paragraphs[n]
                .words
                .iter()
                .map(|w| {
                    (
                        newest.paragraphs[n].text[w.start..w.end].to_string(),
                        w.version,
                    )
                })
                .collect()
        };
        // OP1 is new in b; OP2 is a's OP1 renumbered, with two words added.
        assert!(word_versions("OP1").iter().all(|(_, v)| *v == 1));
        let op2 = word_versions("OP2");
        let dated_b: Vec<&str> = op2
            .iter()
            .filter(|(_, v)| *v == 1)
            .map(|(w, _)| w.as_str())
            .collect();
        assert_eq!(dated_b, ["and", "gadgets;"]);
        // `widgets;` became `widgets` (punctuation only): still a's word.
        assert!(op2.contains(&("widgets".to_string(), 0)));
        assert!(word_versions("OP3").iter().all(|(_, v)| *v == 0));
    }
}
