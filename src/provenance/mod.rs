//! Agreed-language provenance: which earlier documents of a corpus already contain a wording.
//!
//! An index of every 8-word shingle ([`shingle`]) of every paragraph of a corpus folder, kept on
//! disk in a [redb](https://docs.rs/redb) database (pure Rust, transactional, checksummed pages).
//! Tables:
//!
//! - `meta`: format tag, next document id, next segment id, posting counts;
//! - `files`: path relative to the corpus → size, modification time, content hash, document id;
//! - `docs`: document id → symbol, date, file, paragraph ids;
//! - `postings`: (shingle hash, segment) → the documents and paragraphs holding it, sorted by
//!   document, delta- and varint-coded.
//!
//! **Updates** touch only files whose size or modification time changed and whose content hash
//! differs; a changed file gets a new document id and the old id is dropped from `docs`, so its
//! stale postings are skipped at query time (they are counted, and when they pass half of all
//! postings the index is rebuilt). Each run writes its postings as new segments: no posting list
//! is ever rewritten. One run is one write transaction: an interrupted run leaves the previous
//! index intact.
//!
//! **Damage**: on every update the database is opened and verified (redb's page checksums via
//! `check_integrity`, then the format tag and the tables); anything wrong — including a file that
//! is not a redb database at all — and the index is deleted and rebuilt, with a warning that says
//! why. It is never trusted half-way.
//!
//! **Queries** ([`ProvenanceIndex::provenance`]) look up every shingle of a text, keep the
//! documents dated before the query document (not the document itself), and merge consecutive
//! matching shingles into spans, each with its sources oldest first.

pub mod shingle;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use redb::{ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use shingle::{SHINGLE_WORDS, shingles, words};

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const FILES: TableDefinition<&str, &[u8]> = TableDefinition::new("files");
const DOCS: TableDefinition<u32, &[u8]> = TableDefinition::new("docs");
const POSTINGS: TableDefinition<(u64, u32), &[u8]> = TableDefinition::new("postings");

/// The format tag stored in `meta`; an index with another tag is rebuilt.
const FORMAT: &[u8] = b"resdiff-provenance-1 shingle=8 fnv1a";
/// Postings held in memory before they are written as a segment (16 bytes each).
const SEGMENT_POSTINGS: usize = 12_000_000;

/// Why the index cannot be built or read.
#[derive(Debug, thiserror::Error)]
pub enum ProvenanceError {
    /// The database failed.
    #[error("index {path}: {source}")]
    Store {
        /// The index file.
        path: PathBuf,
        /// The database error.
        source: Box<redb::Error>,
    },
    /// A file or folder could not be read or removed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The build was cancelled.
    #[error("the index build was cancelled")]
    Cancelled,
    /// Another program (or another handle in this one) has the index open.
    #[error("index {0} is in use by another resdiff; try again when it has finished")]
    Busy(PathBuf),
}

/// What one file of the corpus was when indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileEntry {
    size: u64,
    mtime_ns: u128,
    hash: u64,
    doc: u32,
}

/// One indexed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Document symbol (else the file name).
    pub symbol: String,
    /// Adoption or issue date, ISO, when known.
    pub date: Option<String>,
    /// Path relative to the corpus folder.
    pub file: String,
    /// Paragraph ids, by paragraph index.
    pub paragraphs: Vec<String>,
    /// Postings this document added (for the stale count when it is replaced).
    pub postings: u64,
}

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateStats {
    /// Files (re)indexed because they are new or changed.
    pub indexed: Vec<String>,
    /// Files whose size and modification time (or content) were unchanged.
    pub unchanged: usize,
    /// Files gone from the folder, dropped from the index.
    pub removed: Vec<String>,
    /// Files that could not be read (named, never silently skipped).
    pub failed: Vec<(String, String)>,
    /// The index was damaged or of another format and was rebuilt: why.
    pub rebuilt: Option<String>,
    /// Postings written.
    pub postings: u64,
}

/// Progress of an update, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files looked at so far.
    pub done: usize,
    /// Files in the folder.
    pub total: usize,
}

/// A source of a wording: an earlier document and the paragraph that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Document symbol.
    pub symbol: String,
    /// Its date, ISO.
    pub date: Option<String>,
    /// The paragraph id holding most of the span's shingles.
    pub paragraph: String,
}

/// A stretch of a paragraph found in earlier documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the first word in the paragraph text.
    pub start: usize,
    /// Byte offset just past the last word.
    pub end: usize,
    /// The text of the span.
    pub text: String,
    /// Documents holding at least 8 consecutive words of the span, oldest first.
    pub sources: Vec<Source>,
}

/// Which documents count as earlier sources of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryScope {
    /// Only documents dated strictly before this date (ISO); `None`: any date.
    pub before: Option<String>,
    /// Never this symbol (the query document itself).
    pub exclude_symbol: Option<String>,
    /// Never these symbols either (the other versions of the same resolution, whose wording
    /// is its own history rather than language agreed elsewhere).
    pub exclude_also: Vec<String>,
}

impl QueryScope {
    /// The scope of a document: earlier than its date, not itself.
    pub fn of(doc: &crate::model::Resolution) -> Self {
        Self {
            before: doc.meta.date.clone(),
            exclude_symbol: doc.meta.symbol.clone(),
            exclude_also: Vec::new(),
        }
    }
}

/// An open provenance index.
pub struct ProvenanceIndex {
    db: redb::Database,
    path: PathBuf,
    docs: HashMap<u32, DocInfo>,
}

impl std::fmt::Debug for ProvenanceIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProvenanceIndex")
            .field("path", &self.path)
            .field("docs", &self.docs.len())
            .finish()
    }
}

/// Where the index of `corpus` lives by default: `$XDG_CACHE_HOME/resdiff` (else
/// `~/.cache/resdiff`, else the system temp folder), named after the corpus's absolute path.
pub fn default_index_path(corpus: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
    let mut h = shingle::words(&abs.to_string_lossy())
        .iter()
        .fold(0u64, |h, w| h.rotate_left(7) ^ w.hash);
    h ^= abs.to_string_lossy().len() as u64;
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    let name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    base.join("resdiff")
        .join(format!("index-{name}-{h:016x}.redb"))
}

fn store_err(path: &Path) -> impl Fn(redb::Error) -> ProvenanceError + '_ {
    move |e| ProvenanceError::Store {
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

/// The files of a corpus folder that resdiff reads (txt, docx, pdf, html), recursively, sorted,
/// hidden files and folders skipped.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>, ProvenanceError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| ProvenanceError::Io {
            path: d.clone(),
            source,
        })?;
        for e in entries.flatten() {
            let p = e.path();
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                matches!(
                    x.to_ascii_lowercase().as_str(),
                    "txt" | "docx" | "pdf" | "html" | "htm"
                )
            }) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn mtime_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in bytes.chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 31;
    }
    h ^ bytes.len() as u64
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// A parsed, shingled file ready to be written.
struct Prepared {
    rel: String,
    entry: FileEntry,
    info: DocInfo,
    /// (shingle, paragraph), deduplicated.
    shingles: Vec<(u64, u16)>,
}

/// The (shingle, paragraph) pairs of a document, deduplicated.
fn doc_shingles(doc: &crate::model::Resolution) -> Vec<(u64, u16)> {
    let mut out: Vec<(u64, u16)> = Vec::new();
    for (k, p) in doc.paragraphs.iter().enumerate() {
        let k = u16::try_from(k).unwrap_or(u16::MAX);
        out.extend(shingles(&words(&p.text)).into_iter().map(|h| (h, k)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl ProvenanceIndex {
    /// Open the index at `index` for the corpus folder `corpus`, verify it, and bring it up to
    /// date: only new or changed files are read. A damaged index is rebuilt (see the module
    /// documentation). `progress` is called as files are looked at; setting `cancel` stops the
    /// update before anything is written.
    pub fn update(
        corpus: &Path,
        index: &Path,
        progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<(ProvenanceIndex, UpdateStats), ProvenanceError> {
        let mut stats = UpdateStats::default();
        if let Some(parent) = index.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| ProvenanceError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let db = match open_verified(index) {
            Ok(db) => db,
            Err(Unusable::Busy) => return Err(ProvenanceError::Busy(index.to_path_buf())),
            Err(Unusable::Damaged(why)) => {
                if index.exists() {
                    stats.rebuilt = Some(why);
                    std::fs::remove_file(index).map_err(|source| ProvenanceError::Io {
                        path: index.to_path_buf(),
                        source,
                    })?;
                }
                create(index)?
            }
        };
        let mut idx = ProvenanceIndex {
            db,
            path: index.to_path_buf(),
            docs: HashMap::new(),
        };
        idx.sync(corpus, &mut stats, progress, cancel)?;
        idx.load_docs()?;
        Ok((idx, stats))
    }

    /// Open an index for queries only, after verifying it as [`Self::update`] does; `Err` with
    /// the reason when it is missing or damaged (then run an update).
    pub fn open(index: &Path) -> Result<ProvenanceIndex, String> {
        let db = open_verified(index).map_err(|u| match u {
            Unusable::Busy => format!("{} is in use by another resdiff", index.display()),
            Unusable::Damaged(why) => why,
        })?;
        let mut idx = ProvenanceIndex {
            db,
            path: index.to_path_buf(),
            docs: HashMap::new(),
        };
        idx.load_docs().map_err(|e| e.to_string())?;
        Ok(idx)
    }

    /// The index file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of live documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no document is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The file (relative to the corpus folder) of the indexed document with this symbol, so a
    /// source can be opened; the first by file name when several files carry the symbol.
    pub fn file_of(&self, symbol: &str) -> Option<&str> {
        self.docs
            .values()
            .filter(|d| d.symbol == symbol)
            .map(|d| d.file.as_str())
            .min()
    }

    fn load_docs(&mut self) -> Result<(), ProvenanceError> {
        let err = store_err(&self.path);
        let txn = self.db.begin_read().map_err(|e| err(e.into()))?;
        let table = txn.open_table(DOCS).map_err(|e| err(e.into()))?;
        let mut docs = HashMap::new();
        for row in table.iter().map_err(|e| err(e.into()))? {
            let (k, v) = row.map_err(|e| err(e.into()))?;
            let info: DocInfo = serde_json::from_slice(v.value()).map_err(|e| {
                err(redb::Error::Corrupted(format!(
                    "document {} unreadable: {e}",
                    k.value()
                )))
            })?;
            docs.insert(k.value(), info);
        }
        self.docs = docs;
        Ok(())
    }

    /// Bring the index up to date with the folder.
    fn sync(
        &mut self,
        corpus: &Path,
        stats: &mut UpdateStats,
        progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<(), ProvenanceError> {
        let path = self.path.clone();
        let err = store_err(&path);
        let files = corpus_files(corpus)?;
        let rel_of = |p: &Path| -> String {
            p.strip_prefix(corpus)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        };
        // What the index holds now.
        let known: HashMap<String, FileEntry> = {
            let txn = self.db.begin_read().map_err(|e| err(e.into()))?;
            let table = txn.open_table(FILES).map_err(|e| err(e.into()))?;
            let mut m = HashMap::new();
            for row in table.iter().map_err(|e| err(e.into()))? {
                let (k, v) = row.map_err(|e| err(e.into()))?;
                let entry: FileEntry = serde_json::from_slice(v.value()).map_err(|e| {
                    err(redb::Error::Corrupted(format!(
                        "file entry {} unreadable: {e}",
                        k.value()
                    )))
                })?;
                m.insert(k.value().to_string(), entry);
            }
            m
        };
        let meta_u64 = |name: &str| -> Result<u64, ProvenanceError> {
            let txn = self.db.begin_read().map_err(|e| err(e.into()))?;
            let table = txn.open_table(META).map_err(|e| err(e.into()))?;
            let v = table.get(name).map_err(|e| err(e.into()))?;
            Ok(v.and_then(|v| v.value().try_into().ok())
                .map_or(0, u64::from_le_bytes))
        };
        let mut next_doc = u32::try_from(meta_u64("next_doc")?).unwrap_or(u32::MAX);
        let mut next_segment = u32::try_from(meta_u64("next_segment")?).unwrap_or(u32::MAX);
        let mut total_postings = meta_u64("postings")?;
        let mut stale_postings = meta_u64("stale_postings")?;

        // Parse the new and changed files on every core; unchanged ones are only stat'ed.
        let total = files.len();
        let done = AtomicUsize::new(0);
        let next = AtomicUsize::new(0);
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .clamp(1, 8);
        let (tx, rx) =
            std::sync::mpsc::sync_channel::<Result<Option<Prepared>, (String, String)>>(256);
        let present: Vec<String> = files.iter().map(|p| rel_of(p)).collect();
        let write_txn = self.db.begin_write().map_err(|e| err(e.into()))?;
        let mut unchanged = 0usize;
        let mut batch: Vec<(u64, u32, u16)> = Vec::new();
        let outcome: Result<(), ProvenanceError> = std::thread::scope(|scope| {
            for _ in 0..threads {
                let tx = tx.clone();
                let (files, known, next, done) = (&files, &known, &next, &done);
                scope.spawn(move || {
                    loop {
                        if cancel.load(Ordering::Relaxed) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        let rel = rel_of(path);
                        let r = prepare(path, &rel, known.get(&rel));
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        progress(Progress { done: n, total });
                        if tx.send(r).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut files_t = write_txn.open_table(FILES).map_err(|e| err(e.into()))?;
            let mut docs_t = write_txn.open_table(DOCS).map_err(|e| err(e.into()))?;
            let mut post_t = write_txn.open_table(POSTINGS).map_err(|e| err(e.into()))?;
            for r in rx {
                match r {
                    Err(failed) => stats.failed.push(failed),
                    Ok(None) => unchanged += 1,
                    Ok(Some(mut p)) => {
                        if p.entry.doc == u32::MAX {
                            // Same content, new time stamp: keep the document, refresh the entry.
                            if let Some(old) = known.get(&p.rel) {
                                p.entry.doc = old.doc;
                                let bytes = serde_json::to_vec(&p.entry).unwrap_or_default();
                                files_t
                                    .insert(p.rel.as_str(), bytes.as_slice())
                                    .map_err(|e| err(e.into()))?;
                            }
                            unchanged += 1;
                            continue;
                        }
                        if let Some(old) = known.get(&p.rel)
                            && let Some(old_doc) =
                                docs_t.remove(old.doc).map_err(|e| err(e.into()))?
                        {
                            let info: Option<DocInfo> =
                                serde_json::from_slice(old_doc.value()).ok();
                            stale_postings += info.map_or(0, |i| i.postings);
                        }
                        let doc = next_doc;
                        next_doc = next_doc.saturating_add(1);
                        p.entry.doc = doc;
                        p.info.postings = p.shingles.len() as u64;
                        total_postings += p.info.postings;
                        batch.extend(p.shingles.iter().map(|&(h, k)| (h, doc, k)));
                        let entry = serde_json::to_vec(&p.entry).unwrap_or_default();
                        files_t
                            .insert(p.rel.as_str(), entry.as_slice())
                            .map_err(|e| err(e.into()))?;
                        let info = serde_json::to_vec(&p.info).unwrap_or_default();
                        docs_t
                            .insert(doc, info.as_slice())
                            .map_err(|e| err(e.into()))?;
                        stats.postings += p.info.postings;
                        stats.indexed.push(p.rel);
                        if batch.len() >= SEGMENT_POSTINGS {
                            write_segment(&mut post_t, &mut batch, next_segment).map_err(&err)?;
                            next_segment = next_segment.saturating_add(1);
                        }
                    }
                }
            }
            if !batch.is_empty() {
                write_segment(&mut post_t, &mut batch, next_segment).map_err(&err)?;
                next_segment = next_segment.saturating_add(1);
            }
            // Files gone from the folder.
            let present: std::collections::HashSet<&str> =
                present.iter().map(String::as_str).collect();
            for (rel, entry) in &known {
                if !present.contains(rel.as_str()) {
                    files_t.remove(rel.as_str()).map_err(|e| err(e.into()))?;
                    if let Some(old_doc) = docs_t.remove(entry.doc).map_err(|e| err(e.into()))? {
                        let info: Option<DocInfo> = serde_json::from_slice(old_doc.value()).ok();
                        stale_postings += info.map_or(0, |i| i.postings);
                    }
                    stats.removed.push(rel.clone());
                }
            }
            Ok(())
        });
        outcome?;
        if cancel.load(Ordering::Relaxed) {
            write_txn.abort().map_err(|e| err(e.into()))?;
            return Err(ProvenanceError::Cancelled);
        }
        {
            let mut meta_t = write_txn.open_table(META).map_err(|e| err(e.into()))?;
            meta_t.insert("format", FORMAT).map_err(|e| err(e.into()))?;
            for (k, v) in [
                ("next_doc", u64::from(next_doc)),
                ("next_segment", u64::from(next_segment)),
                ("postings", total_postings),
                ("stale_postings", stale_postings),
            ] {
                meta_t
                    .insert(k, v.to_le_bytes().as_slice())
                    .map_err(|e| err(e.into()))?;
            }
        }
        write_txn.commit().map_err(|e| err(e.into()))?;
        stats.unchanged = unchanged;
        stats.indexed.sort();
        stats.removed.sort();
        // Too many stale postings: start again from the folder.
        if stale_postings > 0 && stale_postings * 2 > total_postings {
            let again = create_fresh(&self.path)?;
            self.db = again;
            let mut fresh = UpdateStats::default();
            self.sync(corpus, &mut fresh, progress, cancel)?;
            stats.rebuilt = Some(format!(
                "{stale_postings} of {total_postings} postings were of replaced files; compacted"
            ));
        }
        Ok(())
    }

    /// Spans of `text` whose wording (8 or more consecutive normalised words) is in documents of
    /// `scope`, with their sources oldest first.
    pub fn provenance(&self, text: &str, scope: &QueryScope) -> Result<Vec<Span>, ProvenanceError> {
        let err = store_err(&self.path);
        let ws = words(text);
        let hs = shingles(&ws);
        if hs.is_empty() {
            return Ok(Vec::new());
        }
        let decide = |doc: u32| -> bool {
            let Some(info) = self.docs.get(&doc) else {
                return false; // a replaced or removed file
            };
            if scope
                .exclude_symbol
                .as_deref()
                .is_some_and(|s| s == info.symbol)
                || scope.exclude_also.contains(&info.symbol)
            {
                return false;
            }
            match (&scope.before, &info.date) {
                (Some(before), Some(date)) => date < before,
                (Some(_), None) => false,
                (None, _) => true,
            }
        };
        // A common shingle lists thousands of documents: decide each document once per query.
        let size = self.docs.keys().max().map_or(0, |&m| m as usize + 1);
        let mut verdicts = vec![0u8; size]; // 0 unknown, 1 allowed, 2 not
        let mut allowed = |doc: u32| -> bool {
            let Some(slot) = verdicts.get_mut(doc as usize) else {
                return false;
            };
            if *slot == 0 {
                *slot = if decide(doc) { 1 } else { 2 };
            }
            *slot == 1
        };
        let txn = self.db.begin_read().map_err(|e| err(e.into()))?;
        let table = txn.open_table(POSTINGS).map_err(|e| err(e.into()))?;
        // The (doc, paragraph) hits of each distinct shingle, and per shingle position the
        // index of its list (a shingle repeated in the text is looked up once, never copied).
        let mut lists: Vec<Vec<(u32, u16)>> = Vec::new();
        let mut cache: HashMap<u64, usize> = HashMap::new();
        let mut hits: Vec<usize> = Vec::with_capacity(hs.len());
        for &h in &hs {
            if let Some(&i) = cache.get(&h) {
                hits.push(i);
                continue;
            }
            let mut found = Vec::new();
            for row in table
                .range((h, 0u32)..=(h, u32::MAX))
                .map_err(|e| err(e.into()))?
            {
                let (_, v) = row.map_err(|e| err(e.into()))?;
                let bytes = v.value();
                let mut at = 0;
                let mut doc = 0u64;
                while at < bytes.len() {
                    let (Some(d), Some(k)) =
                        (get_varint(bytes, &mut at), get_varint(bytes, &mut at))
                    else {
                        return Err(err(redb::Error::Corrupted(
                            "a posting list is truncated".into(),
                        )));
                    };
                    doc += d;
                    let doc32 = u32::try_from(doc).unwrap_or(u32::MAX);
                    if allowed(doc32) {
                        found.push((doc32, u16::try_from(k).unwrap_or(u16::MAX)));
                    }
                }
            }
            cache.insert(h, lists.len());
            hits.push(lists.len());
            lists.push(found);
        }
        let has_hits = |i: usize| lists.get(hits[i]).is_some_and(|l| !l.is_empty());
        // Consecutive positions with hits make one span.
        let mut spans = Vec::new();
        let mut i = 0;
        while i < hits.len() {
            if !has_hits(i) {
                i += 1;
                continue;
            }
            let first = i;
            while i < hits.len() && has_hits(i) {
                i += 1;
            }
            let last = i - 1;
            // Per document, the paragraph holding most of the span's shingles (the first such
            // paragraph on a tie).
            let mut all: Vec<(u32, u16)> = hits[first..=last]
                .iter()
                .flat_map(|&l| lists[l].iter().copied())
                .collect();
            all.sort_unstable();
            let mut best: Vec<(u32, u16)> = Vec::new();
            let mut run = 0usize;
            let mut best_n = 0usize;
            for (j, &(d, k)) in all.iter().enumerate() {
                run = if j > 0 && all[j - 1] == (d, k) {
                    run + 1
                } else {
                    1
                };
                if all.get(j + 1) == Some(&(d, k)) {
                    continue;
                }
                match best.last_mut() {
                    Some(b) if b.0 == d => {
                        if run > best_n {
                            *b = (d, k);
                            best_n = run;
                        }
                    }
                    _ => {
                        best.push((d, k));
                        best_n = run;
                    }
                }
            }
            let mut sources: Vec<Source> = best
                .into_iter()
                .filter_map(|(d, k)| {
                    let info = self.docs.get(&d)?;
                    Some(Source {
                        symbol: info.symbol.clone(),
                        date: info.date.clone(),
                        paragraph: info
                            .paragraphs
                            .get(usize::from(k))
                            .cloned()
                            .unwrap_or_default(),
                    })
                })
                .collect();
            sources.sort_by(|a, b| (&a.date, &a.symbol).cmp(&(&b.date, &b.symbol)));
            let start = ws[first].start;
            let end = ws[last + SHINGLE_WORDS - 1].end;
            spans.push(Span {
                start,
                end,
                text: text.get(start..end).unwrap_or("").to_string(),
                sources,
            });
        }
        Ok(spans)
    }
}

/// The provenance of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphProvenance {
    /// Index of the paragraph in its document.
    pub paragraph: usize,
    /// Its id.
    pub id: String,
    /// Spans found in earlier documents, in text order.
    pub spans: Vec<Span>,
}

/// Every paragraph of `doc` that has wording from earlier documents of the index.
pub fn of_document(
    index: &ProvenanceIndex,
    doc: &crate::model::Resolution,
) -> Result<Vec<ParagraphProvenance>, ProvenanceError> {
    of_document_in(index, doc, &QueryScope::of(doc))
}

/// [`of_document`] with the sources limited by `scope` (e.g. leaving out the other versions of
/// a series as well as the document itself).
pub fn of_document_in(
    index: &ProvenanceIndex,
    doc: &crate::model::Resolution,
    scope: &QueryScope,
) -> Result<Vec<ParagraphProvenance>, ProvenanceError> {
    let scope = scope.clone();
    let mut out = Vec::new();
    for (k, p) in doc.paragraphs.iter().enumerate() {
        let spans = index.provenance(&p.text, &scope)?;
        if !spans.is_empty() {
            out.push(ParagraphProvenance {
                paragraph: k,
                id: p.id.clone(),
                spans,
            });
        }
    }
    Ok(out)
}

/// For the text a comparison inserted (not routine updates): the spans of each new paragraph
/// that overlap an insertion and are found in documents earlier than the new document.
pub fn of_insertions(
    index: &ProvenanceIndex,
    cmp: &crate::compare::Comparison,
) -> Result<Vec<ParagraphProvenance>, ProvenanceError> {
    use crate::diff::OpKind;
    let scope = QueryScope::of(&cmp.new);
    // Inserted byte ranges per new paragraph.
    let mut inserted: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    for pair in &cmp.pairs {
        let mut starts = Vec::new();
        let mut at = 0;
        for &k in &pair.new {
            let len = cmp.new.paragraphs.get(k).map_or(0, |p| p.text.len());
            starts.push((k, at, len));
            at += len + 1;
        }
        let mut n = 0;
        for op in &pair.ops {
            let len = op.text.len();
            match op.op {
                OpKind::Equal => n += len,
                OpKind::Delete => {}
                OpKind::Insert => {
                    if !op.routine {
                        for &(k, s, l) in &starts {
                            let (a, b) = (n.max(s), (n + len).min(s + l));
                            if a < b {
                                inserted.entry(k).or_default().push((a - s, b - s));
                            }
                        }
                    }
                    n += len;
                }
            }
        }
    }
    let mut out = Vec::new();
    for (k, ranges) in inserted {
        let Some(p) = cmp.new.paragraphs.get(k) else {
            continue;
        };
        let spans: Vec<Span> = index
            .provenance(&p.text, &scope)?
            .into_iter()
            .filter(|s| ranges.iter().any(|&(a, b)| s.start < b && a < s.end))
            .collect();
        if !spans.is_empty() {
            out.push(ParagraphProvenance {
                paragraph: k,
                id: p.id.clone(),
                spans,
            });
        }
    }
    Ok(out)
}

/// Read, parse and shingle one file; `Ok(None)` when unchanged by size and time.
fn prepare(
    path: &Path,
    rel: &str,
    known: Option<&FileEntry>,
) -> Result<Option<Prepared>, (String, String)> {
    let fail = |e: &dyn std::fmt::Display| (rel.to_string(), e.to_string());
    let meta = std::fs::metadata(path).map_err(|e| fail(&e))?;
    let (size, mtime) = (meta.len(), mtime_ns(&meta));
    if let Some(k) = known
        && k.size == size
        && k.mtime_ns == mtime
    {
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(|e| fail(&e))?;
    let hash = content_hash(&bytes);
    let entry = FileEntry {
        size,
        mtime_ns: mtime,
        hash,
        doc: 0,
    };
    if known.is_some_and(|k| k.hash == hash) {
        // Touched but not changed: only the entry is refreshed (doc = MAX marks it).
        return Ok(Some(Prepared {
            rel: rel.to_string(),
            entry: FileEntry {
                doc: u32::MAX,
                ..entry
            },
            info: DocInfo {
                symbol: String::new(),
                date: None,
                file: rel.to_string(),
                paragraphs: Vec::new(),
                postings: 0,
            },
            shingles: Vec::new(),
        }));
    }
    let doc = crate::load(path).map_err(|e| fail(&e))?;
    let fallback = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let info = DocInfo {
        symbol: doc.label(&fallback).to_string(),
        date: doc.meta.date.clone(),
        file: rel.to_string(),
        paragraphs: doc.paragraphs.iter().map(|p| p.id.clone()).collect(),
        postings: 0,
    };
    Ok(Some(Prepared {
        rel: rel.to_string(),
        entry,
        info,
        shingles: doc_shingles(&doc),
    }))
}

/// Sort a batch of postings and write it as one segment.
fn write_segment(
    table: &mut redb::Table<(u64, u32), &[u8]>,
    batch: &mut Vec<(u64, u32, u16)>,
    segment: u32,
) -> Result<(), redb::Error> {
    batch.sort_unstable();
    let mut buf = Vec::new();
    let mut i = 0;
    while i < batch.len() {
        let h = batch[i].0;
        buf.clear();
        let mut prev = 0u32;
        while i < batch.len() && batch[i].0 == h {
            let (_, d, k) = batch[i];
            put_varint(&mut buf, u64::from(d - prev));
            put_varint(&mut buf, u64::from(k));
            prev = d;
            i += 1;
        }
        table.insert((h, segment), buf.as_slice())?;
    }
    batch.clear();
    batch.shrink_to(SEGMENT_POSTINGS.min(1 << 20));
    Ok(())
}

fn create(index: &Path) -> Result<redb::Database, ProvenanceError> {
    let err = store_err(index);
    let db = redb::Database::create(index).map_err(|e| err(e.into()))?;
    let txn = db.begin_write().map_err(|e| err(e.into()))?;
    {
        let mut meta = txn.open_table(META).map_err(|e| err(e.into()))?;
        meta.insert("format", FORMAT).map_err(|e| err(e.into()))?;
        txn.open_table(FILES).map_err(|e| err(e.into()))?;
        txn.open_table(DOCS).map_err(|e| err(e.into()))?;
        txn.open_table(POSTINGS).map_err(|e| err(e.into()))?;
    }
    txn.commit().map_err(|e| err(e.into()))?;
    Ok(db)
}

fn create_fresh(index: &Path) -> Result<redb::Database, ProvenanceError> {
    if index.exists() {
        std::fs::remove_file(index).map_err(|source| ProvenanceError::Io {
            path: index.to_path_buf(),
            source,
        })?;
    }
    create(index)
}

/// The marker of an index open elsewhere inside [`open_verified`].
const BUSY: &str = "\u{0}busy";

/// Why an index file cannot be used as it is.
enum Unusable {
    /// Open elsewhere: never rebuilt for that.
    Busy,
    /// Missing, damaged or of another format: rebuilt.
    Damaged(String),
}

/// Open an existing index and verify it: redb's checksums of every page, the format tag, and
/// the four tables. `Err` says what is wrong (or that there is no index yet).
fn open_verified(index: &Path) -> Result<redb::Database, Unusable> {
    if !index.exists() {
        return Err(Unusable::Damaged("no index yet".into()));
    }

    // redb reports damage as errors; some checks in its debug builds assert instead, so a panic
    // while opening a damaged file is caught and treated the same way.
    let opened = std::panic::catch_unwind(|| -> Result<redb::Database, String> {
        let mut db = match redb::Database::open(index) {
            Ok(db) => db,
            Err(redb::DatabaseError::DatabaseAlreadyOpen) => return Err(BUSY.to_string()),
            Err(e) => return Err(e.to_string()),
        };
        match db.check_integrity() {
            Ok(true) => {}
            Ok(false) => return Err("the file failed its integrity check".into()),
            Err(e) => return Err(e.to_string()),
        }
        let txn = db.begin_read().map_err(|e| e.to_string())?;
        {
            let meta = txn.open_table(META).map_err(|e| e.to_string())?;
            let format = meta.get("format").map_err(|e| e.to_string())?;
            if format.as_ref().map(|f| f.value()) != Some(FORMAT) {
                return Err("the file is of another format".into());
            }
            txn.open_table(FILES).map_err(|e| e.to_string())?;
            txn.open_table(DOCS).map_err(|e| e.to_string())?;
            txn.open_table(POSTINGS).map_err(|e| e.to_string())?;
        }
        drop(txn);
        Ok(db)
    });
    match opened {
        Ok(Err(why)) if why == BUSY => Err(Unusable::Busy),
        Ok(r) => r.map_err(|why| {
            Unusable::Damaged(format!("the index was damaged or unreadable ({why})"))
        }),
        Err(_) => Err(Unusable::Damaged(
            "the index was damaged (the store could not read it)".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut buf = Vec::new();
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX)] {
            put_varint(&mut buf, v);
        }
        let mut at = 0;
        let back: Vec<u64> = std::iter::from_fn(|| get_varint(&buf, &mut at)).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, u64::from(u32::MAX)]);
        assert_eq!(get_varint(&[0x80], &mut 0), None);
    }
}
