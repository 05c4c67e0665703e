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
}

/// The platform's dialogs, filtered on the formats resdiff reads and writes.
#[derive(Debug, Default)]
pub struct NativeDialogs;

fn open_dialog(title: &str) -> rfd::FileDialog {
    rfd::FileDialog::new()
        .set_title(title)
        .add_filter("Resolutions", &["txt", "docx", "pdf", "html", "htm"])
        .add_filter("All files", &["*"])
}

impl Dialogs for NativeDialogs {
    fn pick_file(&mut self, title: &str) -> Option<PathBuf> {
        open_dialog(title).pick_file()
    }

    fn pick_files(&mut self, title: &str) -> Option<Vec<PathBuf>> {
        open_dialog(title).pick_files()
    }

    fn save_file(&mut self, format: Format, file_name: &str) -> Option<PathBuf> {
        let label = AppState::format_label(format);
        rfd::FileDialog::new()
            .set_title(format!("Export {label}"))
            .add_filter(label, &[format.extension()])
            .add_filter("All files", &["*"])
            .set_file_name(file_name)
            .save_file()
    }

    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }
}
