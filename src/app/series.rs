//! The series view's state: a series of versions opened in the app, the paragraph the user is
//! on, blame colouring, and the provenance index built in the background.
//!
//! Everything shown comes from the engine ([`crate::series`], [`crate::provenance`]); this module
//! only runs it off the UI thread and keeps what the user selected. Commands arrive as
//! [`SeriesCommand`]s inside [`super::Command::Series`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::provenance::{ParagraphProvenance, ProvenanceIndex, QueryScope, Span, of_document_in};
use crate::series::{Blame, Order, Series, load_series};

use super::command::Command;
use super::loader::Waker;
use super::notice::Notice;
use super::state::AppState;

/// What the user can do with a series.
#[derive(Debug, Clone, PartialEq)]
pub enum SeriesCommand {
    /// Open the versions of one resolution (files, or folders of them), ordered by their
    /// metadata (session, stage, date).
    Open(Vec<PathBuf>),
    /// Move the version at `from` to position `to` (the user's order; the series is rebuilt
    /// in that order).
    MoveVersion {
        /// Its position now.
        from: usize,
        /// Its position after.
        to: usize,
    },
    /// Select a paragraph of the newest version (by its index) to see its history.
    Select(usize),
    /// Colour each word of the newest version by the version that introduced it.
    SetBlame(bool),
    /// Show the series (true) or the pair comparison (false).
    Show(bool),
    /// Build or update the provenance index of a corpus folder in the background, then find
    /// the wording of the newest version in it. `index`: where the index lives (`None`: the
    /// default place in the user's cache folder).
    BuildIndex {
        /// The corpus folder.
        corpus: PathBuf,
        /// The index file.
        index: Option<PathBuf>,
    },
    /// Stop the index build (nothing is written).
    CancelIndex,
    /// Open an indexed source document beside the newest version (a pair comparison), on the
    /// selected paragraph.
    OpenSource(String),
}

/// The provenance of the newest version against a corpus.
#[derive(Debug)]
pub struct ProvenanceResult {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// The index file.
    pub index: PathBuf,
    /// Documents in the index.
    pub documents: usize,
    /// Every paragraph of the newest version with wording found in earlier documents other
    /// than the versions of the series.
    pub paragraphs: Vec<ParagraphProvenance>,
    /// The file of each source symbol, to open it.
    pub files: HashMap<String, PathBuf>,
}

/// An index build in progress.
#[derive(Debug, Clone)]
pub struct IndexRun {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Files looked at so far.
    pub done: Arc<AtomicUsize>,
    /// Files in the folder (0 until known).
    pub total: Arc<AtomicUsize>,
    /// Set to stop the build.
    pub cancel: Arc<AtomicBool>,
}

impl IndexRun {
    /// `(done, total)` now.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

enum SeriesJob {
    Built {
        generation: u64,
        result: Result<(Box<Series>, Box<Blame>), String>,
    },
    Indexed {
        generation: u64,
        result: Result<ProvenanceResult, String>,
    },
}

/// The series opened in the app.
pub struct SeriesState {
    /// The series, once built.
    pub series: Option<Arc<Series>>,
    /// Blame of its newest version.
    pub blame: Option<Arc<Blame>>,
    /// The selected paragraph of the newest version (index).
    pub selected: Option<usize>,
    /// Colour words by the version that introduced them.
    pub show_blame: bool,
    /// The series view is shown (instead of the pair comparison).
    pub shown: bool,
    /// The files being read and compared, while a build runs.
    pub loading: Option<Vec<PathBuf>>,
    /// A running index build.
    pub index_run: Option<IndexRun>,
    /// Provenance of the newest version, once an index was built.
    pub provenance: Option<Arc<ProvenanceResult>>,
    /// A paragraph id to jump to once the pair opened from a source is compared.
    pub pending_jump: Option<String>,
    generation: u64,
    index_generation: u64,
    tx: Sender<SeriesJob>,
    rx: Receiver<SeriesJob>,
    waker: Option<Waker>,
}

impl std::fmt::Debug for SeriesState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeriesState")
            .field("versions", &self.series.as_ref().map(|s| s.versions.len()))
            .field("selected", &self.selected)
            .field("show_blame", &self.show_blame)
            .field("shown", &self.shown)
            .field("loading", &self.loading)
            .finish()
    }
}

impl Default for SeriesState {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            series: None,
            blame: None,
            selected: None,
            show_blame: true,
            shown: false,
            loading: None,
            index_run: None,
            provenance: None,
            pending_jump: None,
            generation: 0,
            index_generation: 0,
            tx,
            rx,
            waker: None,
        }
    }
}

impl SeriesState {
    /// Call `waker` when a background job finishes or makes progress.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// A series is being read and compared, or an index is being built.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.index_run.is_some()
    }

    /// The history of the selected paragraph.
    pub fn selected_history(&self) -> Option<&crate::series::ParagraphHistory> {
        let s = self.series.as_ref()?;
        let k = self.selected?;
        s.paragraphs.iter().find(|h| h.paragraph == k)
    }

    /// The spans of paragraph `k` of the newest version that were found in earlier documents
    /// and overlap a word this series introduced (blamed on a version after the oldest).
    pub fn inserted_provenance(&self, k: usize) -> Vec<&Span> {
        let (Some(prov), Some(blame)) = (&self.provenance, &self.blame) else {
            return Vec::new();
        };
        let Some(pp) = prov.paragraphs.iter().find(|p| p.paragraph == k) else {
            return Vec::new();
        };
        let words: Vec<(usize, usize)> = blame
            .paragraphs
            .iter()
            .find(|b| b.paragraph == k)
            .map(|b| {
                b.words
                    .iter()
                    .filter(|w| w.version > 0 && !w.routine)
                    .map(|w| (w.start, w.end))
                    .collect()
            })
            .unwrap_or_default();
        pp.spans
            .iter()
            .filter(|s| words.iter().any(|&(a, b)| s.start < b && a < s.end))
            .collect()
    }

    fn start_build(&mut self, inputs: Vec<PathBuf>, order: Order) {
        self.generation += 1;
        let generation = self.generation;
        self.loading = Some(inputs.clone());
        let tx = self.tx.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(|| {
                load_series(&inputs, order)
                    .map(|s| {
                        let b = crate::series::blame(&s);
                        (Box::new(s), Box::new(b))
                    })
                    .map_err(|e| e.to_string())
            })
            .unwrap_or_else(|_| Err("the engine crashed on this series".to_owned()));
            let _ = tx.send(SeriesJob::Built { generation, result });
            if let Some(w) = waker {
                w();
            }
        });
    }

    fn start_index(&mut self, corpus: PathBuf, index: Option<PathBuf>) -> Result<(), String> {
        let Some(series) = self.series.clone() else {
            return Err("Open a series first: provenance is found for its newest version".into());
        };
        if let Some(run) = &self.index_run {
            run.cancel.store(true, Ordering::Relaxed);
        }
        self.index_generation += 1;
        let generation = self.index_generation;
        let run = IndexRun {
            corpus: corpus.clone(),
            done: Arc::new(AtomicUsize::new(0)),
            total: Arc::new(AtomicUsize::new(0)),
            cancel: Arc::new(AtomicBool::new(false)),
        };
        self.index_run = Some(run.clone());
        let tx = self.tx.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let index = index.unwrap_or_else(|| crate::provenance::default_index_path(&corpus));
            let progress = |p: crate::provenance::Progress| {
                run.done.store(p.done, Ordering::Relaxed);
                run.total.store(p.total, Ordering::Relaxed);
                if let Some(w) = &waker {
                    w();
                }
            };
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let (idx, _stats) =
                    ProvenanceIndex::update(&corpus, &index, &progress, &run.cancel)
                        .map_err(|e| e.to_string())?;
                // Agreed language comes from elsewhere: the series' own versions are left
                // out (blame already says which of them wrote each word).
                let newest = &series.newest().doc;
                let mut scope = QueryScope::of(newest);
                scope.exclude_also = series.versions.iter().map(|v| v.symbol.clone()).collect();
                let paragraphs = of_document_in(&idx, newest, &scope).map_err(|e| e.to_string())?;
                let mut files = HashMap::new();
                for s in paragraphs
                    .iter()
                    .flat_map(|p| &p.spans)
                    .flat_map(|s| &s.sources)
                {
                    if !files.contains_key(&s.symbol)
                        && let Some(f) = idx.file_of(&s.symbol)
                    {
                        files.insert(s.symbol.clone(), corpus.join(f));
                    }
                }
                Ok(ProvenanceResult {
                    corpus: corpus.clone(),
                    index: index.clone(),
                    documents: idx.len(),
                    paragraphs,
                    files,
                })
            }))
            .unwrap_or_else(|_| Err("the index build crashed".to_owned()));
            let _ = tx.send(SeriesJob::Indexed { generation, result });
            if let Some(w) = &waker {
                w();
            }
        });
        Ok(())
    }

    /// Wait up to `timeout` for one finished job.
    fn wait_one(&mut self, timeout: std::time::Duration) -> Option<SeriesJob> {
        self.rx.recv_timeout(timeout).ok()
    }
}

impl AppState {
    /// Apply a series command.
    pub fn apply_series(&mut self, cmd: SeriesCommand) {
        match cmd {
            SeriesCommand::Open(inputs) => {
                if inputs.is_empty() {
                    return;
                }
                let inputs = inputs
                    .into_iter()
                    .map(|p| std::path::absolute(&p).unwrap_or(p))
                    .collect();
                self.series.start_build(inputs, Order::Metadata);
                self.series.shown = true;
            }
            SeriesCommand::MoveVersion { from, to } => {
                let Some(s) = &self.series.series else {
                    return;
                };
                let n = s.versions.len();
                if from >= n || to >= n || from == to {
                    return;
                }
                let mut files: Vec<PathBuf> = s.versions.iter().map(|v| v.file.clone()).collect();
                let f = files.remove(from);
                files.insert(to, f);
                self.status_line = "Versions reordered by hand: comparing again…".to_owned();
                self.series.start_build(files, Order::Given);
            }
            SeriesCommand::Select(k) => {
                let known = self
                    .series
                    .series
                    .as_ref()
                    .is_some_and(|s| s.paragraphs.iter().any(|h| h.paragraph == k));
                if known {
                    self.series.selected = Some(k);
                }
            }
            SeriesCommand::SetBlame(on) => self.series.show_blame = on,
            SeriesCommand::Show(on) => {
                self.series.shown = on && self.series.series.is_some();
            }
            SeriesCommand::BuildIndex { corpus, index } => {
                if let Err(msg) = self.series.start_index(corpus, index) {
                    self.notices.push(Notice::error(msg));
                }
            }
            SeriesCommand::CancelIndex => {
                if let Some(run) = &self.series.index_run {
                    run.cancel.store(true, Ordering::Relaxed);
                    self.status_line = "Cancelling the index build…".to_owned();
                }
            }
            SeriesCommand::OpenSource(symbol) => self.open_source(&symbol),
        }
    }

    fn open_source(&mut self, symbol: &str) {
        let (Some(prov), Some(series)) = (&self.series.provenance, &self.series.series) else {
            return;
        };
        let Some(file) = prov.files.get(symbol).cloned() else {
            self.notices.push(Notice::error(format!(
                "{symbol} is not a file of the indexed corpus"
            )));
            return;
        };
        let newest = series.newest();
        let newest_file = newest.file.clone();
        self.series.pending_jump = self
            .series
            .selected
            .and_then(|k| newest.doc.paragraphs.get(k))
            .map(|p| p.id.clone());
        self.series.shown = false;
        self.status_line = format!("Opened {symbol} beside {}", newest.symbol);
        self.apply(Command::OpenPair(file, newest_file));
    }

    /// Take the results of finished series jobs into the state.
    pub(super) fn poll_series(&mut self) {
        while let Ok(job) = self.series.rx.try_recv() {
            self.handle_series(job);
        }
        // Once the pair opened from a source is compared (or failed to be), jump once.
        if !self.is_busy()
            && let Some(id) = self.series.pending_jump.take()
            && self.comparison.is_some()
        {
            self.apply(Command::JumpTo(id));
        }
    }

    /// Wait until the series and index jobs have finished (or `timeout` passes); true when
    /// idle. For tests and automation.
    pub fn wait_series_idle(&mut self, timeout: std::time::Duration) -> bool {
        let end = std::time::Instant::now() + timeout;
        self.poll_series();
        while self.series.is_busy() {
            let now = std::time::Instant::now();
            if now >= end {
                return false;
            }
            if let Some(job) = self.series.wait_one(end - now) {
                self.handle_series(job);
            }
        }
        true
    }

    fn handle_series(&mut self, job: SeriesJob) {
        match job {
            SeriesJob::Built { generation, result } => {
                if generation != self.series.generation {
                    return;
                }
                let inputs = self.series.loading.take().unwrap_or_default();
                match result {
                    Ok((series, blame)) => {
                        let newest = series.newest();
                        self.status_line = format!(
                            "Series of {} versions, {} → {}",
                            series.versions.len(),
                            series.versions[0].symbol,
                            newest.symbol
                        );
                        super::state::add_warnings(&mut self.notices, "series", &series.warnings);
                        // Keep the selection on the same paragraph id when reordering.
                        let keep = self
                            .series
                            .selected
                            .and_then(|k| {
                                self.series
                                    .series
                                    .as_ref()
                                    .and_then(|s| s.newest().doc.paragraphs.get(k))
                            })
                            .map(|p| p.id.clone());
                        let same_newest = self
                            .series
                            .series
                            .as_ref()
                            .is_some_and(|s| s.newest().file == newest.file);
                        if !same_newest {
                            self.series.provenance = None;
                        }
                        self.series.selected = keep
                            .and_then(|id| newest.doc.paragraphs.iter().position(|p| p.id == id))
                            .or_else(|| series.paragraphs.first().map(|h| h.paragraph));
                        self.series.series = Some(Arc::from(series));
                        self.series.blame = Some(Arc::from(blame));
                        self.series.shown = true;
                    }
                    Err(msg) => {
                        let names: Vec<String> = inputs
                            .iter()
                            .map(|p| super::state::file_label(Some(p)))
                            .collect();
                        self.notices.push(Notice::error(format!(
                            "Could not open the series ({}): {msg}",
                            names.join(", ")
                        )));
                    }
                }
            }
            SeriesJob::Indexed { generation, result } => {
                if generation != self.series.index_generation {
                    return;
                }
                let run = self.series.index_run.take();
                let cancelled = run
                    .as_ref()
                    .is_some_and(|r| r.cancel.load(Ordering::Relaxed));
                match result {
                    Ok(prov) => {
                        let spans: usize = prov.paragraphs.iter().map(|p| p.spans.len()).sum();
                        self.status_line = format!(
                            "Provenance: {} documents indexed; {spans} passages of the newest version found in earlier documents",
                            prov.documents
                        );
                        self.series.provenance = Some(Arc::new(prov));
                    }
                    Err(_) if cancelled => {
                        self.status_line =
                            "Index build cancelled; the index on disk is as it was".to_owned();
                    }
                    Err(msg) => self.notices.push(Notice::error(format!(
                        "Could not build the provenance index: {msg}"
                    ))),
                }
            }
        }
    }
}
