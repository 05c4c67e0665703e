//! Everything the user can ask the application to do.

use std::path::PathBuf;

use super::filter::Filter;
use super::settings::ThemePref;
use crate::report::{Format, Layout, Only};

/// Which document of the pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The old version (left column).
    Old,
    /// The new version (right column).
    New,
}

impl Side {
    /// `old` or `new`.
    pub fn label(self) -> &'static str {
        match self {
            Side::Old => "old",
            Side::New => "new",
        }
    }
}

/// What to put on the clipboard for one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyWhat {
    /// The old paragraph(s) as plain text.
    Old,
    /// The new paragraph(s) as plain text.
    New,
    /// The pair as one redline line: `[-deleted-]{+inserted+}`.
    Redline,
}

impl From<Side> for CopyWhat {
    /// The plain text of that side.
    fn from(side: Side) -> Self {
        match side {
            Side::Old => CopyWhat::Old,
            Side::New => CopyWhat::New,
        }
    }
}

/// A user action, applied by [`super::AppState::apply`]. Every button, menu entry, shortcut and
/// drop goes through one of these, so the UI logic can be tested without a window.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Load a file as the old version.
    OpenOld(PathBuf),
    /// Load a file as the new version.
    OpenNew(PathBuf),
    /// Load both (old, new).
    OpenPair(PathBuf, PathBuf),
    /// Files given on the command line or passed by the desktop (`resdiff FILE…`, the desktop
    /// entry's `%F`): one file opens as the old version, two as old and new; of more, the first
    /// two are compared and a notice names the rest.
    OpenFiles(Vec<PathBuf>),
    /// Files dropped on the window, with the column under the pointer when the platform told
    /// where the drop happened. One file goes to that column, else to the empty side, else the
    /// user is asked ([`super::AppState::drop_choice`]); two or more open as a pair (first old).
    Drop(Vec<PathBuf>, Option<Side>),
    /// Answer the question about a dropped file: open it as this side, or (None) not at all.
    ResolveDrop(Option<Side>),
    /// Exchange old and new.
    Swap,
    /// Read both files again.
    Reload,
    /// Go to the next changed row.
    NextChange,
    /// Go to the previous changed row.
    PrevChange,
    /// Go to the row holding a paragraph id (`OP12`, `PP3`), old or new.
    JumpTo(String),
    /// Go to a row by pair index.
    GoToPair(usize),
    /// Go to the marker row where the old paragraph of moved pair `i` stood.
    GoToMovedFrom(usize),
    /// Show only some rows.
    SetFilter(Filter),
    /// Highlight a text in both columns (empty clears).
    Search(String),
    /// Go to the next row with a search hit.
    NextHit,
    /// Go to the previous row with a search hit.
    PrevHit,
    /// Cycle system → light → dark.
    ToggleTheme,
    /// Set the theme.
    SetTheme(ThemePref),
    /// Set the document text size.
    SetTextSize(f32),
    /// Scale the whole interface (1.0 = 100 %; clamped to 50–300 %).
    SetZoom(f32),
    /// Open or close the summary panel.
    ToggleSidePanel,
    /// Set the share of the old column (0.2–0.8).
    SetSplit(f32),
    /// Forget the recent pairs.
    ClearRecent,
    /// Hide the message at this index.
    DismissNotice(usize),
    /// Put a pair's text or redline on the clipboard.
    Copy(usize, CopyWhat),
    /// Put the redline of every shown row on the clipboard.
    CopyShown,
    /// Write a report of the whole comparison in `Format` to the file (atomically, never over
    /// one of the compared files), with the export options the dialog set.
    Export(Format, PathBuf),
    /// Which paragraphs exported reports show (as `--only`).
    SetExportOnly(Only),
    /// Which views an exported HTML or PDF report holds (as `--layout`).
    SetExportLayout(Layout),
    /// The author of tracked changes in an exported Word document (as `--author`); an empty
    /// name falls back to the default.
    SetExportAuthor(String),
    /// Go to change `k` of [`super::AppState::changes`] (the change list's row).
    GoToChange(usize),
    /// Order the change list (and next/previous change) by document order or by consequence.
    SetChangeOrder(super::change_list::ChangeOrder),
    /// Show only changes of some kinds in the change list (and step only through them).
    SetChangeKind(super::change_list::KindFilter),
    /// Open or close the change list's group of routine updates.
    ShowRoutine(bool),
    /// Show the change list or the summary in the side panel.
    SetSideTab(super::change_list::SideTab),
    /// Side by side or a single-column redline.
    SetLayout(super::change_list::ViewLayout),
    /// Hide every message.
    DismissAll,
    /// A command of the series view (open a series, select a paragraph, blame, provenance).
    Series(super::series::SeriesCommand),
}
