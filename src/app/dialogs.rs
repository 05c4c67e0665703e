//! Native file dialogs behind a trait, so tests can answer them without a desktop.

use std::path::PathBuf;

use crate::report::Format;

use super::state::AppState;

/// The file choosers the window opens. [`NativeDialogs`] uses the platform's dialogs (rfd);
/// tests pass their own answers.
pub trait Dialogs {
    /// Choose one file to open.
    fn pick_file(&mut self, title: &str) -> Option<PathBuf>;
    /// Choose several files to open (in the order the user picked them).
    fn pick_files(&mut self, title: &str) -> Option<Vec<PathBuf>>;
    /// Choose where to save a report in `format`, proposing `file_name`.
    fn save_file(&mut self, format: Format, file_name: &str) -> Option<PathBuf>;
    /// Choose a folder (the versions of a series, a corpus). Tests that never ask need not
    /// answer.
    fn pick_folder(&mut self, _title: &str) -> Option<PathBuf> {
        None
    }
    /// Why the last dialog could not be shown at all (no platform dialog), as opposed to the
    /// user cancelling it; `None` when it was shown. The window then offers a typed path.
    fn unavailable(&self) -> Option<String> {
        None
    }
}

/// The platform's dialogs, filtered on the formats resdiff reads and writes.
///
/// rfd answers "no file" both when the user cancels and when no dialog could be shown (on Linux:
/// no XDG desktop portal and no `zenity`). A dialog a person cancels stays open for a while; one
/// that answers within [`NO_DIALOG_WITHIN`] was never shown, and [`Dialogs::unavailable`] says so.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    failed: bool,
}

/// An empty answer faster than this means that no dialog was shown.
pub const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(250);

impl NativeDialogs {
    fn timed<T>(&mut self, ask: impl FnOnce() -> Option<T>) -> Option<T> {
        let started = std::time::Instant::now();
        let answer = ask();
        self.failed = answer.is_none() && started.elapsed() < NO_DIALOG_WITHIN;
        answer
    }
}

fn open_dialog(title: &str) -> rfd::FileDialog {
    rfd::FileDialog::new()
        .set_title(title)
        .add_filter("Resolutions", &["txt", "docx", "pdf", "html", "htm"])
        .add_filter("All files", &["*"])
}

impl Dialogs for NativeDialogs {
    fn pick_file(&mut self, title: &str) -> Option<PathBuf> {
        self.timed(|| open_dialog(title).pick_file())
    }

    fn pick_files(&mut self, title: &str) -> Option<Vec<PathBuf>> {
        self.timed(|| open_dialog(title).pick_files())
    }

    fn save_file(&mut self, format: Format, file_name: &str) -> Option<PathBuf> {
        let label = AppState::format_label(format);
        self.timed(|| {
            rfd::FileDialog::new()
                .set_title(format!("Export {label}"))
                .add_filter(label, &[format.extension()])
                .add_filter("All files", &["*"])
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        self.timed(|| rfd::FileDialog::new().set_title(title).pick_folder())
    }

    fn unavailable(&self) -> Option<String> {
        self.failed.then(|| {
            "no file dialog is available on this desktop (no XDG desktop portal, no zenity)"
                .to_owned()
        })
    }
}
