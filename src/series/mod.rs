//! A series of versions of one resolution: last year's text, the first draft, its revisions and
//! the adopted text, compared step by step.
//!
//! [`Series::build`] orders the versions by their metadata (see [`order_key`]) unless the caller
//! keeps the given order, compares every consecutive pair with [`crate::compare::compare`] and
//! follows each paragraph of the newest version back through the links of those comparisons:
//! the version where it first appeared, every step where its text (or its footnotes) changed,
//! with that step's word diff, and its id in every version. Paragraphs dropped along the way are
//! listed with the version that dropped them. [`blame`] follows the same links word by word.
//!
//! Nothing is inferred beyond the alignment: a paragraph's history is exactly the chain of links
//! the aligner made between consecutive versions (a split or merge carries every paragraph of
//! its group along), so the history is as trustworthy as each pairwise comparison, which the
//! user can open on its own.

mod blame;

pub use blame::{Blame, BlameParagraph, BlameWord, blame};

use std::path::{Path, PathBuf};

use crate::compare::{Comparison, Status};
use crate::diff::{ChangeKind, DiffOp};
use crate::model::{DocumentKind, Metadata, Resolution};

/// Where a version stands in the making of a resolution within one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// A draft resolution (`A/C.2/80/L.17`, `A/80/L.41`).
    Draft,
    /// A revised draft (`A/C.2/80/L.17/Rev.1`).
    Revision,
    /// The adopted resolution (`A/RES/80/118`).
    Adopted,
    /// Neither a draft nor a resolution by its metadata (ordered after the others of its session).
    Other,
}

impl Stage {
    /// The stage of a document by its kind and symbol.
    pub fn of(meta: &Metadata) -> Stage {
        let symbol = meta.symbol.as_deref().unwrap_or("");
        match meta.kind {
            DocumentKind::Resolution | DocumentKind::Decision => Stage::Adopted,
            DocumentKind::DraftResolution if symbol.contains("/Rev.") => Stage::Revision,
            DocumentKind::DraftResolution => Stage::Draft,
            DocumentKind::Unknown => Stage::Other,
        }
    }

    /// Lower-case name (`draft`, `revision`, `adopted`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Revision => "revision",
            Stage::Adopted => "adopted",
            Stage::Other => "other",
        }
    }
}

/// The session of a document: from its metadata, else from its date (a General Assembly session
/// opens in September: `2025-10-14` is in the 80th session, `2025-06-30` in the 79th).
pub fn session_of(meta: &Metadata) -> Option<u32> {
    if meta.session.is_some() {
        return meta.session;
    }
    let date = meta.date.as_deref()?;
    let year: u32 = date.get(0..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let first_year = if month >= 9 {
        year
    } else {
        year.checked_sub(1)?
    };
    first_year.checked_sub(1945)
}

/// The number of a draft in its symbol (`A/C.2/80/L.58` → 58), to break ties between drafts of
/// the same date.
fn draft_number(symbol: &str) -> Option<u32> {
    let rest = symbol.split("/L.").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The key versions are ordered by: session, stage (draft < revision < adopted < other), date,
/// draft number, symbol. `None` when the document names neither a session nor a date, so it
/// cannot be placed.
pub fn order_key(meta: &Metadata) -> Option<(u32, Stage, String, u32, String)> {
    let session = session_of(meta)?;
    let symbol = meta.symbol.clone().unwrap_or_default();
    Some((
        session,
        Stage::of(meta),
        meta.date.clone().unwrap_or_default(),
        draft_number(&symbol).unwrap_or(0),
        symbol,
    ))
}

/// How the versions of a series are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// By session and stage from the metadata ([`order_key`]).
    #[default]
    Metadata,
    /// As given, oldest first (the user's order).
    Given,
}

/// One version of the series.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The document symbol, else the title, else the file name.
    pub symbol: String,
    /// Adoption date (drafts: issue date), ISO, when the document names one.
    pub date: Option<String>,
    /// The file it was read from (empty for texts given directly).
    pub file: PathBuf,
    /// Draft, revision, adopted or other.
    pub stage: Stage,
    /// The parsed document.
    pub doc: Resolution,
}

impl Version {
    /// A version from a parsed document and the file it came from.
    pub fn new(doc: Resolution, file: impl Into<PathBuf>) -> Self {
        let file = file.into();
        let fallback = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "untitled".to_string());
        Self {
            symbol: doc.label(&fallback).to_string(),
            date: doc.meta.date.clone(),
            stage: Stage::of(&doc.meta),
            file,
            doc,
        }
    }
}

/// One step of a paragraph's history: the paragraph in one version.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// Index of the version in [`Series::versions`].
    pub version: usize,
    /// Indices of the paragraph(s) in that version (several after a merge or before a split).
    pub paragraphs: Vec<usize>,
    /// How the paragraph came into this version from the previous one: the status of the link
    /// (`added` where it first appeared); `None` for the oldest version, which has no previous.
    pub status: Option<Status>,
    /// What changed in that step (none, routine, footnote, substantive); `None` for the oldest
    /// version and where the paragraph was added.
    pub change: Option<ChangeKind>,
    /// Index of the link(s) in [`Series::steps`]`[version - 1].pairs` (empty for the oldest).
    pub pairs: Vec<usize>,
}

/// The history of one paragraph of the newest version.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphHistory {
    /// Index of the paragraph in the newest version.
    pub paragraph: usize,
    /// The version where it (or the paragraph(s) it grew from) first appeared.
    pub first_version: usize,
    /// The versions in which its text or footnotes changed (not moves or renumbering alone).
    pub changed_in: Vec<usize>,
    /// One entry per version from `first_version` to the newest.
    pub history: Vec<HistoryEntry>,
}

/// A paragraph that a step dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedParagraph {
    /// Index of the last version that had it.
    pub version: usize,
    /// Index of the paragraph in that version.
    pub paragraph: usize,
    /// Index of the version that dropped it (`version + 1`).
    pub removed_in: usize,
}

/// A series of versions, their step-by-step comparisons and the history of every paragraph of
/// the newest version.
#[derive(Debug, Clone)]
pub struct Series {
    /// The versions, oldest first.
    pub versions: Vec<Version>,
    /// `steps[i]` compares `versions[i]` (old) with `versions[i + 1]` (new).
    pub steps: Vec<Comparison>,
    /// One entry per paragraph of the newest version, in its order.
    pub paragraphs: Vec<ParagraphHistory>,
    /// Paragraphs dropped along the way, by step then old order.
    pub removed: Vec<RemovedParagraph>,
    /// How the versions were ordered and anything worth knowing about it.
    pub warnings: Vec<String>,
}

/// Why a series cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum SeriesError {
    /// Fewer than two versions.
    #[error("a series needs at least two versions, got {0}")]
    TooFew(usize),
    /// A file could not be read.
    #[error(transparent)]
    Ingest(#[from] crate::IngestError),
    /// A folder could not be listed.
    #[error("cannot list {path}: {source}")]
    ListDir {
        /// The folder.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
}

/// The files of a series given as files and folders: each folder contributes its regular files
/// (not hidden ones), sorted by name.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, SeriesError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|source| SeriesError::ListDir {
                path: input.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| !n.starts_with('.'))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// Read the files (folders are expanded, [`expand_inputs`]) and build the series.
pub fn load_series(inputs: &[PathBuf], order: Order) -> Result<Series, SeriesError> {
    let files = expand_inputs(inputs)?;
    if files.len() < 2 {
        return Err(SeriesError::TooFew(files.len()));
    }
    let mut versions = Vec::with_capacity(files.len());
    for f in &files {
        versions.push(Version::new(crate::load(f)?, f.as_path()));
    }
    Series::build(versions, order)
}

impl Series {
    /// Order the versions, compare each with the next and trace every paragraph of the newest.
    pub fn build(mut versions: Vec<Version>, order: Order) -> Result<Series, SeriesError> {
        if versions.len() < 2 {
            return Err(SeriesError::TooFew(versions.len()));
        }
        let mut warnings = Vec::new();
        if order == Order::Metadata {
            order_versions(&mut versions, &mut warnings);
        }
        let steps: Vec<Comparison> = (1..versions.len())
            .map(|i| crate::compare::compare(versions[i - 1].doc.clone(), versions[i].doc.clone()))
            .collect();
        for (i, step) in steps.iter().enumerate() {
            for w in &step.warnings {
                warnings.push(format!(
                    "{} → {}: {w}",
                    versions[i].symbol,
                    versions[i + 1].symbol
                ));
            }
        }
        let paragraphs = trace_paragraphs(&versions, &steps);
        let removed = removed_paragraphs(&steps);
        Ok(Series {
            versions,
            steps,
            paragraphs,
            removed,
            warnings,
        })
    }

    /// The newest version.
    pub fn newest(&self) -> &Version {
        // `build` refuses fewer than two versions.
        &self.versions[self.versions.len() - 1]
    }

    /// The ids of paragraphs `indices` of version `version`, joined with `+`.
    pub fn ids(&self, version: usize, indices: &[usize]) -> String {
        let Some(v) = self.versions.get(version) else {
            return String::new();
        };
        indices
            .iter()
            .filter_map(|&i| v.doc.paragraphs.get(i))
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join("+")
    }

    /// The word diff of a history entry: the ops of its link(s) in the step into its version
    /// (several links are concatenated, separated by a newline run).
    pub fn step_ops(&self, entry: &HistoryEntry) -> Vec<DiffOp> {
        let Some(step) = entry.version.checked_sub(1).and_then(|s| self.steps.get(s)) else {
            return Vec::new();
        };
        let mut ops = Vec::new();
        for (k, &p) in entry.pairs.iter().enumerate() {
            if let Some(pair) = step.pairs.get(p) {
                if k > 0 {
                    ops.push(DiffOp::new(crate::diff::OpKind::Equal, "\n"));
                }
                ops.extend(pair.ops.iter().cloned());
            }
        }
        ops
    }
}

/// Sort by [`order_key`]; when a version cannot be placed, keep the given order and say so.
fn order_versions(versions: &mut [Version], warnings: &mut Vec<String>) {
    let unplaced: Vec<&str> = versions
        .iter()
        .filter(|v| order_key(&v.doc.meta).is_none())
        .map(|v| v.symbol.as_str())
        .collect();
    if !unplaced.is_empty() {
        warnings.push(format!(
            "kept the given order: no session or date in {}",
            unplaced.join(", ")
        ));
        return;
    }
    versions.sort_by_cached_key(|v| order_key(&v.doc.meta));
    let symbols: Vec<&str> = versions.iter().map(|v| v.symbol.as_str()).collect();
    for w in symbols.windows(2) {
        if let [a, b] = w
            && a == b
        {
            warnings.push(format!("{a} is in the series twice"));
        }
    }
}

/// For each step, the links by new paragraph index.
fn links_by_new(step: &Comparison) -> Vec<Vec<usize>> {
    let mut by_new = vec![Vec::new(); step.new.paragraphs.len()];
    for (k, pair) in step.pairs.iter().enumerate() {
        for &n in &pair.new {
            if let Some(slot) = by_new.get_mut(n) {
                slot.push(k);
            }
        }
    }
    by_new
}

fn trace_paragraphs(versions: &[Version], steps: &[Comparison]) -> Vec<ParagraphHistory> {
    let last = versions.len() - 1;
    let by_new: Vec<Vec<Vec<usize>>> = steps.iter().map(links_by_new).collect();
    let newest = &versions[last].doc;
    (0..newest.paragraphs.len())
        .map(|n| {
            let mut cur = vec![n];
            let mut entries: Vec<HistoryEntry> = Vec::new();
            let mut v = last;
            loop {
                if v == 0 {
                    entries.push(HistoryEntry {
                        version: 0,
                        paragraphs: cur,
                        status: None,
                        change: None,
                        pairs: Vec::new(),
                    });
                    break;
                }
                let step = &steps[v - 1];
                let mut pairs: Vec<usize> = cur
                    .iter()
                    .filter_map(|&i| by_new[v - 1].get(i))
                    .flatten()
                    .copied()
                    .collect();
                pairs.sort_unstable();
                pairs.dedup();
                let mut prev: Vec<usize> = pairs
                    .iter()
                    .filter_map(|&k| step.pairs.get(k))
                    .flat_map(|p| p.old.iter().copied())
                    .collect();
                prev.sort_unstable();
                prev.dedup();
                let linked: Vec<&crate::compare::Pair> =
                    pairs.iter().filter_map(|&k| step.pairs.get(k)).collect();
                if prev.is_empty() {
                    entries.push(HistoryEntry {
                        version: v,
                        paragraphs: cur,
                        status: Some(Status::Added),
                        change: None,
                        pairs,
                    });
                    break;
                }
                let status = linked
                    .iter()
                    .map(|p| p.status)
                    .max_by_key(|s| status_weight(*s))
                    .unwrap_or(Status::Modified);
                let change = linked
                    .iter()
                    .map(|p| p.class.kind)
                    .max_by_key(|k| change_weight(*k))
                    .unwrap_or(ChangeKind::None);
                entries.push(HistoryEntry {
                    version: v,
                    paragraphs: cur,
                    status: Some(status),
                    change: Some(change),
                    pairs,
                });
                cur = prev;
                v -= 1;
            }
            entries.reverse();
            let first_version = entries.first().map_or(last, |e| e.version);
            let changed_in = entries
                .iter()
                .filter(|e| e.change.is_some_and(|c| c != ChangeKind::None))
                .map(|e| e.version)
                .collect();
            ParagraphHistory {
                paragraph: n,
                first_version,
                changed_in,
                history: entries,
            }
        })
        .collect()
}

/// Which status describes a step made of several links: the most telling one.
fn status_weight(s: Status) -> u8 {
    match s {
        Status::Unchanged => 0,
        Status::Renumbered => 1,
        Status::Modified => 2,
        Status::Moved => 3,
        Status::Split => 4,
        Status::Merged => 5,
        Status::Added => 6,
        Status::Removed => 7,
    }
}

fn change_weight(k: ChangeKind) -> u8 {
    match k {
        ChangeKind::None => 0,
        ChangeKind::Routine => 1,
        ChangeKind::Footnote => 2,
        ChangeKind::Substantive => 3,
    }
}

fn removed_paragraphs(steps: &[Comparison]) -> Vec<RemovedParagraph> {
    let mut out = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        for pair in step.pairs.iter().filter(|p| p.status == Status::Removed) {
            for &o in &pair.old {
                out.push(RemovedParagraph {
                    version: i,
                    paragraph: o,
                    removed_in: i + 1,
                });
            }
        }
    }
    out.sort_by_key(|r| (r.version, r.paragraph));
    out
}

/// A file name as shown in reports: the path as given.
pub fn file_label(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(symbol: &str, date: &str, kind: DocumentKind, session: Option<u32>) -> Metadata {
        Metadata {
            symbol: Some(symbol.to_string()),
            date: Some(date.to_string()),
            kind,
            session,
            ..Metadata::default()
        }
    }

    #[test]
    fn session_from_date_when_the_symbol_has_none() {
        let mut m = meta("x", "2025-10-14", DocumentKind::DraftResolution, None);
        assert_eq!(session_of(&m), Some(80));
        m.date = Some("2025-06-30".into());
        assert_eq!(session_of(&m), Some(79));
        m.date = None;
        assert_eq!(session_of(&m), None);
        assert_eq!(order_key(&m), None);
    }

    #[test]
    fn drafts_before_revisions_before_adopted_within_a_session() {
        let docs = [
            meta(
                "A/RES/80/118",
                "2025-12-15",
                DocumentKind::Resolution,
                Some(80),
            ),
            meta(
                "A/C.2/80/L.17/Rev.1",
                "2025-11-01",
                DocumentKind::DraftResolution,
                Some(80),
            ),
            meta(
                "A/C.2/80/L.58",
                "2025-11-18",
                DocumentKind::DraftResolution,
                Some(80),
            ),
            meta(
                "A/RES/79/194",
                "2024-12-19",
                DocumentKind::Resolution,
                Some(79),
            ),
            meta(
                "A/C.2/80/L.17",
                "2025-10-14",
                DocumentKind::DraftResolution,
                Some(80),
            ),
        ];
        let mut keyed: Vec<_> = docs.iter().map(|m| (order_key(m), m)).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let order: Vec<&str> = keyed
            .iter()
            .filter_map(|(_, m)| m.symbol.as_deref())
            .collect();
        assert_eq!(
            order,
            [
                "A/RES/79/194",
                "A/C.2/80/L.17",
                "A/C.2/80/L.58",
                "A/C.2/80/L.17/Rev.1",
                "A/RES/80/118"
            ]
        );
        assert_eq!(draft_number("A/C.2/80/L.58"), Some(58));
        assert_eq!(draft_number("A/RES/80/118"), None);
    }

    #[test]
    fn a_series_needs_two_versions() {
        let v = Version::new(Resolution::default(), "a.txt");
        assert!(matches!(
            Series::build(vec![v], Order::Given),
            Err(SeriesError::TooFew(1))
        ));
    }
}
