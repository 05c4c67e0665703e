//! File dialogs that never block the window: a dialog is started on the UI thread, waited for on
//! a thread of its own, and its answer collected by the window on a later frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::report::Format;

use super::panels::UiRequest;
use super::state::AppState;

/// What a file dialog is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAsk {
    /// Choose one file to open.
    PickFile {
        /// The dialog's title.
        title: String,
    },
    /// Choose several files to open (in the order the user picked them).
    PickFiles {
        /// The dialog's title.
        title: String,
    },
    /// Choose where to save a report in `format`, proposing `file_name`.
    SaveFile {
        /// The report's format.
        format: Format,
        /// The proposed file name.
        file_name: String,
    },
    /// Choose a folder (the versions of a series, a corpus).
    PickFolder {
        /// The dialog's title.
        title: String,
    },
}

impl DialogAsk {
    /// The dialog's title, as the window names a pending dialog.
    pub fn title(&self) -> String {
        match self {
            DialogAsk::PickFile { title }
            | DialogAsk::PickFiles { title }
            | DialogAsk::PickFolder { title } => title.clone(),
            DialogAsk::SaveFile { format, .. } => {
                format!("Export {}", AppState::format_label(*format))
            }
        }
    }
}

/// How a file dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user chose these paths (one, or several for [`DialogAsk::PickFiles`]).
    Chosen(Vec<PathBuf>),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown (on Linux: no XDG desktop portal and no `zenity`); the reason.
    /// The window then offers a typed path.
    Unavailable(String),
}

/// The part of a dialog that waits for the user: run off the UI thread.
pub type DialogWait = Box<dyn FnOnce() -> DialogAnswer + Send>;

/// The file choosers the window opens. [`NativeDialogs`] uses the platform's dialogs (rfd);
/// tests pass their own.
///
/// [`Dialogs::start`] is called on the UI thread and must return at once; the window runs the
/// returned [`DialogWait`] on a thread of its own and keeps drawing (and answering keys) until
/// the answer comes.
pub trait Dialogs {
    /// Start a dialog for `ask`; the returned function waits for its answer.
    fn start(&mut self, ask: DialogAsk) -> DialogWait;
}

/// The platform's dialogs, filtered on the formats resdiff reads and writes.
///
/// The dialog is created on the UI thread (as macOS wants) as an `rfd::AsyncFileDialog` and
/// awaited on another thread. rfd answers "no file" both when the user cancels and when no dialog
/// could be shown at all; a dialog a person cancels stays open for a while, so an empty answer
/// within [`NO_DIALOG_WITHIN`] means that no dialog was shown.
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// An empty answer faster than this means that no dialog was shown.
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// Why [`NativeDialogs`] gives [`DialogAnswer::Unavailable`].
pub const NO_DIALOG_REASON: &str =
    "no file dialog is available on this desktop (no XDG desktop portal, no zenity)";

fn open_dialog(title: &str) -> rfd::AsyncFileDialog {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter("Resolutions", &["txt", "docx", "pdf", "html", "htm"])
        .add_filter("All files", &["*"])
}

impl Dialogs for NativeDialogs {
    fn start(&mut self, ask: DialogAsk) -> DialogWait {
        use std::future::Future;
        use std::pin::Pin;
        type Paths = Pin<Box<dyn Future<Output = Option<Vec<PathBuf>>> + Send>>;
        let one = |f: Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>| -> Paths {
            Box::pin(async move { f.await.map(|h| vec![h.path().to_path_buf()]) })
        };
        let waiting: Paths = match ask {
            DialogAsk::PickFile { title } => one(Box::pin(open_dialog(&title).pick_file())),
            DialogAsk::PickFiles { title } => {
                let f = open_dialog(&title).pick_files();
                Box::pin(async move {
                    f.await
                        .map(|hs| hs.iter().map(|h| h.path().to_path_buf()).collect())
                })
            }
            DialogAsk::SaveFile { format, file_name } => {
                let label = AppState::format_label(format);
                one(Box::pin(
                    rfd::AsyncFileDialog::new()
                        .set_title(format!("Export {label}"))
                        .add_filter(label, &[format.extension()])
                        .add_filter("All files", &["*"])
                        .set_file_name(file_name)
                        .save_file(),
                ))
            }
            DialogAsk::PickFolder { title } => one(Box::pin(
                rfd::AsyncFileDialog::new().set_title(title).pick_folder(),
            )),
        };
        let started = Instant::now();
        Box::new(move || match block_on(waiting) {
            Some(paths) if !paths.is_empty() => DialogAnswer::Chosen(paths),
            _ if started.elapsed() < NO_DIALOG_WITHIN => {
                DialogAnswer::Unavailable(NO_DIALOG_REASON.to_owned())
            }
            _ => DialogAnswer::Cancelled,
        })
    }
}

/// Run a future to its end on this thread (the dialog's own waiting thread).
fn block_on<T>(fut: impl std::future::Future<Output = T>) -> T {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => std::thread::park(),
        }
    }
}

/// A dialog the window is waiting for.
pub struct PendingDialog {
    /// What the dialog is for (the request it answers).
    pub purpose: UiRequest,
    /// Its title, as the window names it.
    pub title: String,
    answer: Receiver<DialogAnswer>,
    ready: Option<DialogAnswer>,
}

impl std::fmt::Debug for PendingDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingDialog")
            .field("purpose", &self.purpose)
            .field("title", &self.title)
            .finish_non_exhaustive()
    }
}

impl PendingDialog {
    /// Start `ask` with `dialogs` and wait for it on a new thread; `wake` is called when the
    /// answer is there (the window asks for a repaint).
    pub fn start(
        dialogs: &mut dyn Dialogs,
        purpose: UiRequest,
        ask: DialogAsk,
        wake: impl FnOnce() + Send + 'static,
    ) -> Self {
        let title = ask.title();
        let wait = dialogs.start(ask);
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("resdiff-file-dialog".to_owned())
            .spawn(move || {
                let _ = tx.send(wait());
                wake();
            });
        let answer = match spawned {
            Ok(_) => rx,
            Err(e) => {
                // No thread: answer at once that no dialog could be shown.
                let (tx, rx) = channel();
                let _ = tx.send(DialogAnswer::Unavailable(format!(
                    "no thread could be started for the dialog ({e})"
                )));
                rx
            }
        };
        Self {
            purpose,
            title,
            answer,
            ready: None,
        }
    }

    /// The answer, once the dialog has closed; `None` while it is open.
    pub fn poll(&mut self) -> Option<DialogAnswer> {
        if let Some(a) = self.ready.take() {
            return Some(a);
        }
        match self.answer.try_recv() {
            Ok(a) => Some(a),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(DialogAnswer::Unavailable(
                "the file dialog ended without an answer".to_owned(),
            )),
        }
    }

    /// Block until the dialog has closed (or `timeout` passes); true when it has. The answer is
    /// kept for [`Self::poll`]. For tests and scripts: the window itself never waits.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        if self.ready.is_some() {
            return true;
        }
        match self.answer.recv_timeout(timeout) {
            Ok(a) => {
                self.ready = Some(a);
                true
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => false,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => true,
        }
    }
}
