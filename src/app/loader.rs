//! Loading and comparing off the UI thread.
//!
//! Every request carries a generation number; a result whose generation is no longer the
//! latest for its slot is dropped, so a newer request always supersedes an older one.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::compare::Comparison;
use crate::model::Resolution;

use super::command::Side;

/// Reads a file into a [`Resolution`]; the error is a readable message (without the file name).
pub type LoadFn = fn(&Path) -> Result<Resolution, String>;
/// Compares two resolutions.
pub type CompareFn = fn(Resolution, Resolution) -> Comparison;

/// The engine functions the application runs in the background.
#[derive(Clone, Copy)]
pub struct Engine {
    /// File → resolution.
    pub load: LoadFn,
    /// Old + new → comparison.
    pub compare: CompareFn,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Engine")
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self {
            load: load_document,
            compare: compare_documents,
        }
    }
}

/// Load one file into a resolution (read, detect format and encoding, parse). This is the single
/// place where the GUI reads documents; the reader's warnings are in `Resolution::warnings`.
pub fn load_document(path: &Path) -> Result<Resolution, String> {
    crate::load(path).map_err(|e| e.to_string())
}

/// Compare two resolutions (the engine's comparison).
pub fn compare_documents(old: Resolution, new: Resolution) -> Comparison {
    crate::compare::compare(old, new)
}

/// A finished background job.
#[derive(Debug)]
pub enum JobResult {
    /// A file was read.
    Loaded {
        /// Which side it was for.
        side: Side,
        /// The request generation for that side.
        generation: u64,
        /// The file.
        path: PathBuf,
        /// The document, or a readable error.
        result: Result<Box<Resolution>, String>,
    },
    /// Two documents were compared.
    Compared {
        /// The request generation for comparisons.
        generation: u64,
        /// The result.
        comparison: Box<Comparison>,
        /// How long comparing took.
        elapsed: Duration,
    },
    /// The comparison panicked.
    CompareFailed {
        /// The request generation for comparisons.
        generation: u64,
        /// A readable message.
        message: String,
    },
}

/// Wakes the UI when a job finishes.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Runs jobs on background threads and collects their results.
pub struct Worker {
    engine: Engine,
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    waker: Option<Waker>,
    running: usize,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("running", &self.running)
            .finish()
    }
}

impl Worker {
    /// A worker running `engine`.
    pub fn new(engine: Engine) -> Self {
        let (tx, rx) = channel();
        Self {
            engine,
            tx,
            rx,
            waker: None,
            running: 0,
        }
    }

    /// Call `waker` whenever a job finishes (the UI passes a repaint request).
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// Read `path` for `side`.
    pub fn load(&mut self, side: Side, generation: u64, path: PathBuf) {
        let tx = self.tx.clone();
        let load = self.engine.load;
        let waker = self.waker.clone();
        self.running += 1;
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(|| load(&path).map(Box::new))
                .unwrap_or_else(|_| Err("the reader crashed on this file".to_owned()));
            let _ = tx.send(JobResult::Loaded {
                side,
                generation,
                path,
                result,
            });
            if let Some(w) = waker {
                w();
            }
        });
    }

    /// Compare `old` and `new`.
    pub fn compare(&mut self, generation: u64, old: Resolution, new: Resolution) {
        let tx = self.tx.clone();
        let compare = self.engine.compare;
        let waker = self.waker.clone();
        self.running += 1;
        std::thread::spawn(move || {
            let start = Instant::now();
            let comparison = std::panic::catch_unwind(|| Box::new(compare(old, new)));
            let elapsed = start.elapsed();
            match comparison {
                Ok(comparison) => {
                    let _ = tx.send(JobResult::Compared {
                        generation,
                        comparison,
                        elapsed,
                    });
                }
                Err(_) => {
                    let _ = tx.send(JobResult::CompareFailed {
                        generation,
                        message: "the comparison engine crashed on this pair".to_owned(),
                    });
                }
            }
            if let Some(w) = waker {
                w();
            }
        });
    }

    /// Results ready now, without waiting.
    pub fn try_collect(&mut self) -> Vec<JobResult> {
        let mut out = Vec::new();
        while let Ok(r) = self.rx.try_recv() {
            self.running = self.running.saturating_sub(1);
            out.push(r);
        }
        out
    }

    /// Wait up to `timeout` for one result.
    pub fn wait_one(&mut self, timeout: Duration) -> Option<JobResult> {
        let r = self.rx.recv_timeout(timeout).ok()?;
        self.running = self.running.saturating_sub(1);
        Some(r)
    }
}
