//! No link without evidence: a 1–1 link whose two texts share little is kept only with a named
//! structural reason ([`LinkReason`]); otherwise both sides are reported removed and added.
//!
//! "Share little" is the word similarity of the word diff (the `similarity` of the compare JSON:
//! twice the words kept equal over the words of both sides) below [`SIMILARITY_FLOOR`]. Links
//! whose normalised texts have a cosine of at least [`COSINE_CLEAR`] are never weak in practice
//! and are not re-diffed, which keeps the check cheap; the corpus test
//! `tests/align_evidence.rs` checks over every series pair that no weak link slips through.

use std::collections::HashSet;

use super::alignment::LinkReason;
use super::split::Group;
use crate::model::Paragraph;

/// Word similarity under which a 1–1 modified or moved link needs a structural reason.
pub const SIMILARITY_FLOOR: f64 = 0.2;

/// Cosine of the normalised texts from which a link is taken to share enough words without
/// running the word diff.
const COSINE_CLEAR: f64 = 0.6;

/// Words that never make a subject.
const STOP: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "on",
    "its",
    "their",
    "for",
    "all",
    "with",
    "by",
    "that",
    "as",
    "at",
    "this",
    "these",
    "which",
    "from",
    "also",
    "further",
    "other",
    "relevant",
    "including",
    "inter",
    "alia",
    "well",
    "such",
    "into",
    "within",
    "under",
    "through",
    "upon",
    "general",
    "assembly",
    "united",
    "nations",
];

/// Word similarity of two paragraph texts, as the comparison computes it.
pub(crate) fn word_similarity(old: &str, new: &str) -> f64 {
    if old == new {
        return 1.0;
    }
    crate::diff::similarity(&crate::diff::diff_words(old, new))
}

/// Lower-cased words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '/' && c != '.')
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The subject of a paragraph: the distinctive words (4 letters or more, not stop words) among
/// the first eight words after its lead phrase.
pub(crate) fn subject(p: &Paragraph) -> HashSet<String> {
    let lead_words = p.lead.as_deref().map_or(1, |l| words(l).len());
    words(&p.text)
        .into_iter()
        .skip(lead_words)
        .take(8)
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// Distinctive words of a text: 4 letters or more, not stop words.
fn content_words(text: &str) -> HashSet<String> {
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// Connectors inside a proper name (`Summit of the Future`).
const NAME_LINKS: &[&str] = &["of", "the", "on", "for", "and", "to", "in"];

/// The distinctive phrases of a text: its five-word phrases (lower-cased) with at least three
/// distinctive words, and its proper names of two or more capitalised words after the first
/// word (`Summit of the Future`, `Intergovernmental Working Group on Drought`), as `name:…`.
fn phrases(text: &str) -> HashSet<String> {
    let w = words(text);
    let distinctive = |x: &String| {
        x.chars().count() >= 4 && x.chars().all(char::is_alphabetic) && !STOP.contains(&x.as_str())
    };
    let mut out: HashSet<String> = w
        .windows(5)
        .filter(|win| win.iter().filter(|x| distinctive(x)).count() >= 3)
        .map(|win| win.join(" "))
        .collect();
    let raw: Vec<&str> = text.split(|c: char| c.is_whitespace()).skip(1).collect();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        while run.last().is_some_and(|t| NAME_LINKS.contains(t)) {
            run.pop();
        }
        let capitals = run.iter().filter(|t| !NAME_LINKS.contains(t)).count();
        if capitals >= 2 {
            out.insert(format!("name:{}", run.join(" ")));
        }
        run.clear();
    };
    for tok in raw {
        let core = tok.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().all(|c| c.is_alphabetic() || c == '-');
        let link = !run.is_empty() && NAME_LINKS.contains(&core) && core == tok;
        if capital || link {
            run.push(core);
        } else {
            flush(&mut run);
            continue;
        }
        // Punctuation after a word ends the name.
        if core != tok {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// `paragraph N of [its] resolution X` (or `decision X`) parts named in a text, as `(N, X)`.
fn paragraph_references(text: &str) -> Vec<(String, String)> {
    let w = words(text);
    let mut out = Vec::new();
    for (i, word) in w.iter().enumerate() {
        if !word.starts_with("paragraph") {
            continue;
        }
        let Some(num) = w
            .get(i + 1)
            .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        else {
            continue;
        };
        let tail = w.get(i + 2..(i + 8).min(w.len())).unwrap_or(&[]);
        let symbol = tail.windows(2).find(
            |p| matches!(p, [k, s] if (k == "resolution" || k == "decision") && s.contains('/')),
        );
        if let Some([_, s]) = symbol {
            out.push((num.clone(), s.clone()));
        }
    }
    out
}

/// The inputs the reasons look at.
pub(crate) struct Context<'a> {
    pub(crate) old: &'a [Paragraph],
    pub(crate) new: &'a [Paragraph],
    pub(crate) leads_old: &'a [String],
    pub(crate) leads_new: &'a [String],
    pub(crate) group_of_old: &'a [Option<usize>],
    pub(crate) group_of_new: &'a [Option<usize>],
    /// The symbols of the two documents (`65/141` for `A/RES/65/141`), when known.
    pub(crate) symbols: (Option<String>, Option<String>),
    /// Normalised texts of both sides, computed on first use.
    norm: Option<(Vec<String>, Vec<String>)>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        old: &'a [Paragraph],
        new: &'a [Paragraph],
        leads_old: &'a [String],
        leads_new: &'a [String],
        group_of_old: &'a [Option<usize>],
        group_of_new: &'a [Option<usize>],
    ) -> Self {
        Context {
            old,
            new,
            leads_old,
            leads_new,
            group_of_old,
            group_of_new,
            symbols: (None, None),
            norm: None,
        }
    }

    /// The neighbours of `o` and `n` before (or after) them are linked to each other, or both
    /// are the document boundary.
    fn neighbours_linked(&self, o: usize, n: usize, forward: bool) -> bool {
        let step = |i: usize| {
            if forward {
                i.checked_add(1)
            } else {
                i.checked_sub(1)
            }
        };
        // None: the boundary; Some(None): an unlinked paragraph; Some(Some(g)): in group g.
        let at = |i: usize, map: &[Option<usize>]| step(i).and_then(|j| map.get(j).copied());
        match (at(o, self.group_of_old), at(n, self.group_of_new)) {
            (None, None) => true,
            (Some(Some(a)), Some(Some(b))) => a == b,
            _ => false,
        }
    }

    fn same_slot(&self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let same_lead = matches!(
            (self.leads_old.get(o), self.leads_new.get(n)),
            (Some(x), Some(y)) if !x.is_empty() && x == y
        );
        a.kind == b.kind
            && same_lead
            && self.neighbours_linked(o, n, false)
            && self.neighbours_linked(o, n, true)
            && !subject(a).is_disjoint(&subject(b))
    }

    /// Normalised (lower-cased words joined by spaces) texts of both sides, computed on first use.
    fn normalised(&mut self) -> &(Vec<String>, Vec<String>) {
        let (old, new) = (self.old, self.new);
        self.norm.get_or_insert_with(|| {
            let all = |ps: &[Paragraph]| -> Vec<String> {
                ps.iter().map(|p| words(&p.text).join(" ")).collect()
            };
            (all(old), all(new))
        })
    }

    /// How many paragraphs of each side hold `needle` (in their raw text for a proper name,
    /// else in their normalised text).
    fn holders(&mut self, needle: &str) -> (usize, usize) {
        if let Some(name) = needle.strip_prefix("name:") {
            let count = |ps: &[Paragraph]| ps.iter().filter(|p| p.text.contains(name)).count();
            return (count(self.old), count(self.new));
        }
        let (a, b) = self.normalised();
        let count = |ts: &[String]| ts.iter().filter(|t| t.contains(needle)).count();
        (count(a), count(b))
    }

    fn same_instrument(&mut self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let rb = crate::diff::extract_references(&b.text);
        let shared: Vec<String> = crate::diff::extract_references(&a.text)
            .into_iter()
            .filter(|r| rb.contains(r))
            .collect();
        // A paragraph holding the symbol's text at all counts as citing it (conservative).
        shared.iter().any(|r| {
            let count =
                |ps: &[Paragraph]| ps.iter().filter(|p| p.text.contains(r.as_str())).count();
            count(self.old) == 1 && count(self.new) == 1
        })
    }

    fn same_paragraph_reference(&self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let ra = paragraph_references(&a.text);
        !ra.is_empty() && paragraph_references(&b.text).iter().any(|r| ra.contains(r))
    }

    /// One paragraph names the other by number in the other's document: `paragraph 22 of its
    /// resolution 65/141` in one side, where the other side is 65/141 and the paragraph is its
    /// operative paragraph 22.
    fn names_predecessor(&self, o: usize, n: usize) -> bool {
        let names = |text: &str, symbol: &Option<String>, target: &Paragraph| {
            let Some(symbol) = symbol.as_deref() else {
                return false;
            };
            let symbol = symbol
                .strip_prefix("A/RES/")
                .unwrap_or(symbol)
                .to_lowercase();
            paragraph_references(text)
                .iter()
                .any(|(num, s)| *s == symbol && target.id == format!("OP{num}"))
        };
        match (self.old.get(o), self.new.get(n)) {
            (Some(a), Some(b)) => {
                names(&b.text, &self.symbols.0, a) || names(&a.text, &self.symbols.1, b)
            }
            _ => false,
        }
    }

    fn shared_unique_phrase(&mut self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let pb = phrases(&b.text);
        let shared: Vec<String> = phrases(&a.text).intersection(&pb).cloned().collect();
        shared.iter().any(|ph| self.holders(ph) == (1, 1))
    }

    /// Same kind and lead phrase, some shared distinctive wording, and every other paragraph
    /// of that kind and lead on either side is linked to one with the same lead: these two are
    /// the only ones left of their kind (`Looks forward`).
    fn unique_lead(&self, o: usize, n: usize) -> bool {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return false;
        };
        let (Some(la), Some(lb)) = (a.lead.as_deref(), b.lead.as_deref()) else {
            return false;
        };
        if a.kind != b.kind || la != lb {
            return false;
        }
        let same = |p: &Paragraph| p.kind == a.kind && p.lead.as_deref() == Some(la);
        // Groups holding a paragraph of that kind and lead on each side.
        let groups = |ps: &[Paragraph], map: &[Option<usize>], skip: usize| -> HashSet<usize> {
            ps.iter()
                .enumerate()
                .filter(|(i, p)| *i != skip && same(p))
                .filter_map(|(i, _)| map.get(i).copied().flatten())
                .collect()
        };
        let paired =
            |ps: &[Paragraph], map: &[Option<usize>], skip: usize, other: &HashSet<usize>| {
                ps.iter().enumerate().all(|(i, p)| {
                    i == skip
                        || !same(p)
                        || map
                            .get(i)
                            .copied()
                            .flatten()
                            .is_some_and(|g| other.contains(&g))
                })
            };
        let (go, gn) = (
            groups(self.old, self.group_of_old, o),
            groups(self.new, self.group_of_new, n),
        );
        paired(self.old, self.group_of_old, o, &gn)
            && paired(self.new, self.group_of_new, n, &go)
            && !content_words(&a.text).is_disjoint(&content_words(&b.text))
    }

    /// The structural reason linking old `o` and new `n`, if any (first that applies).
    pub(crate) fn reason(&mut self, o: usize, n: usize) -> Option<LinkReason> {
        if self.names_predecessor(o, n) {
            Some(LinkReason::NamesItsPredecessor)
        } else if self.same_paragraph_reference(o, n) {
            Some(LinkReason::SameParagraphReference)
        } else if self.same_instrument(o, n) {
            Some(LinkReason::SameInstrument)
        } else if self.shared_unique_phrase(o, n) {
            Some(LinkReason::SharedUniquePhrase)
        } else if self.same_slot(o, n) {
            Some(LinkReason::SameSlot)
        } else if self.unique_lead(o, n) {
            Some(LinkReason::UniqueLead)
        } else {
            None
        }
    }
}

/// Vet every 1–1 group: one whose texts share little gets its structural reason or is dissolved
/// (both sides left unlinked). `cosine` gives the matching cosine of a pair. Returns the groups
/// kept, with `group_of_old` / `group_of_new` renumbered to match.
pub(crate) fn vet(
    groups: Vec<Group>,
    ctx: &mut Context<'_>,
    cosine: impl Fn(usize, usize) -> f64,
) -> (Vec<Group>, Vec<bool>) {
    let mut keep = vec![true; groups.len()];
    let mut out = Vec::with_capacity(groups.len());
    for (g, mut group) in groups.into_iter().enumerate() {
        if let ([o], [n]) = (group.old.as_slice(), group.new.as_slice()) {
            let (o, n) = (*o, *n);
            if let (Some(a), Some(b)) = (ctx.old.get(o), ctx.new.get(n))
                && a.text != b.text
                && cosine(o, n) < COSINE_CLEAR
                && word_similarity(&a.text, &b.text) < SIMILARITY_FLOOR
            {
                match ctx.reason(o, n) {
                    Some(r) => group.reason = Some(r),
                    None => {
                        if let Some(k) = keep.get_mut(g) {
                            *k = false;
                        }
                    }
                }
            }
        }
        out.push(group);
    }
    (out, keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_paragraph_references() {
        assert_eq!(
            paragraph_references("Recalling paragraph 5 of its resolution 78/238, and"),
            vec![("5".to_string(), "78/238".to_string())]
        );
        assert!(paragraph_references("Recalling its resolution 78/238").is_empty());
    }

    #[test]
    fn finds_proper_names() {
        let p = phrases(
            "Welcoming the convening of the Summit of the Future on 22 September, at the United Nations Headquarters,",
        );
        assert!(p.contains("name:Summit of the Future"), "{p:?}");
        assert!(p.contains("name:United Nations Headquarters"), "{p:?}");
        assert!(!p.iter().any(|x| x.starts_with("name:Welcoming")));
    }
}
