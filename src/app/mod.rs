//! The eframe desktop application: the only module that imports egui, eframe and rfd.
//!
//! [`run`] opens the window. The UI logic lives in [`AppState`] and is driven by [`Command`]s,
//! so it is tested without a window; [`ResdiffApp::show`] draws everything into an `egui::Ui`.

mod change_list;
mod command;
mod dialogs;
mod filter;
mod fonts;
mod inline;
mod loader;
mod notice;
mod palette;
mod panels;
mod series;
mod series_view;
mod settings;
mod state;
mod text;
mod view;
mod window;

#[cfg(test)]
mod series_tests;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use change_list::{ChangeListUi, ChangeOrder, KindFilter, SideTab, ViewLayout, row_text};
pub use command::{Command, CopyWhat, Side};
pub use dialogs::{
    DialogAnswer, DialogAsk, DialogWait, Dialogs, NO_DIALOG_REASON, NO_DIALOG_WITHIN,
    NativeDialogs, PendingDialog,
};
pub use filter::{Filter, is_change, is_substantive};
pub use fonts::install as install_fonts;
pub use inline::{InlineRun, inline_runs};
pub use loader::{CompareFn, Engine, LoadFn, compare_documents, load_document};
pub use notice::{Level, Notice};
pub use palette::{Palette, contrast};
pub use panels::UiRequest;
pub use series::{IndexRun, ProvenanceResult, SeriesCommand, SeriesState};
pub use settings::{RecentPair, Settings, ThemePref};
pub use state::{AppState, NARROW_BELOW, Row, SideState};
pub use text::{find_matches, id_label, redline, redline_of_rows, side_ids, side_text};
pub use view::{GUTTER_W, PAD, ViewState, badge, lead_callout};
pub use window::{Automation, FOCUS_RING_W, PathPrompt, ResdiffApp, ZOOM_STEP};

/// How to start the window.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    /// Files to open, as given on the command line or by the desktop: the first is the old
    /// version, the second the new one (see [`Command::OpenFiles`]).
    pub files: Vec<PathBuf>,
    /// Write a PNG of the window once the comparison is shown, then exit.
    pub screenshot: Option<PathBuf>,
    /// Exit after this many frames.
    pub quit_after_frames: Option<u64>,
    /// Scroll programmatically for this many frames, print frame CPU times, exit.
    pub scroll_bench_frames: Option<u64>,
    /// Open at this inner size (points) instead of the remembered geometry.
    pub window_size: Option<(f32, f32)>,
    /// What the window shows at launch (side panel, view, order, theme) instead of the
    /// remembered settings; the overrides are not saved as the user's settings.
    pub view: LaunchView,
}

impl From<crate::launch::LaunchArgs> for LaunchOptions {
    /// The options the command line asks for (`resdiff-app FILE... --side-panel changes ...`).
    fn from(args: crate::launch::LaunchArgs) -> Self {
        use crate::launch::{OrderArg, SidePanelArg, ThemeArg, ViewArg};
        let view = LaunchView {
            side_panel: args.side_panel.map(|p| match p {
                SidePanelArg::Changes => PanelChoice::Changes,
                SidePanelArg::Summary => PanelChoice::Summary,
                SidePanelArg::Closed => PanelChoice::Closed,
            }),
            layout: args.view.map(|v| match v {
                ViewArg::SideBySide => ViewLayout::SideBySide,
                ViewArg::Inline => ViewLayout::Inline,
            }),
            order: args.order.map(|o| match o {
                OrderArg::Document => ChangeOrder::Document,
                OrderArg::Consequence => ChangeOrder::Consequence,
            }),
            theme: args.theme.map(|t| match t {
                ThemeArg::Light => ThemePref::Light,
                ThemeArg::Dark => ThemePref::Dark,
            }),
        };
        LaunchOptions {
            files: args.files,
            screenshot: args.screenshot,
            quit_after_frames: args.quit_after_frames,
            scroll_bench_frames: args.scroll_bench,
            window_size: args.window_size,
            view,
        }
    }
}

/// What the side panel shows at launch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelChoice {
    /// Open on the change list.
    Changes,
    /// Open on the summary.
    Summary,
    /// Closed.
    Closed,
}

impl PanelChoice {
    /// `changes`, `summary` or `closed`, as on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            PanelChoice::Changes => "changes",
            PanelChoice::Summary => "summary",
            PanelChoice::Closed => "closed",
        }
    }
}

/// Launch overrides of what the window shows (`--side-panel`, `--view`, `--order`, `--theme`),
/// so that screenshots and the scroll benchmark are taken in a known state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LaunchView {
    /// The side panel: change list, summary or closed (also in a narrow window).
    pub side_panel: Option<PanelChoice>,
    /// Side by side or inline redline.
    pub layout: Option<ViewLayout>,
    /// Document order or most consequential first.
    pub order: Option<ChangeOrder>,
    /// Light or dark.
    pub theme: Option<ThemePref>,
}

/// Open the resdiff window and run until it is closed.
pub fn run(opts: LaunchOptions) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default();
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let (w, h) = opts.window_size.unwrap_or((1380.0, 860.0));
    let native = eframe::NativeOptions {
        viewport: viewport
            .with_title("resdiff")
            .with_app_id("resdiff")
            .with_inner_size([w, h])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        // An explicit size wins over the geometry remembered from the last run.
        persist_window: opts.window_size.is_none(),
        ..Default::default()
    };
    let auto = Automation {
        screenshot: opts.screenshot.clone(),
        quit_after_frames: opts.quit_after_frames,
        scroll_bench_frames: opts.scroll_bench_frames,
        window_size: opts.window_size,
    };
    let failure = std::sync::Arc::new(std::sync::Mutex::new(None));
    let failure_in = failure.clone();
    eframe::run_native(
        "resdiff",
        native,
        Box::new(move |cc| {
            let mut app = window::create(cc, auto);
            app.failure = failure_in;
            app.apply_launch_view(opts.view);
            if !opts.files.is_empty() {
                app.apply(Command::OpenFiles(opts.files));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
    let failed = failure.lock().ok().and_then(|f| f.clone());
    match failed {
        Some(msg) => Err(anyhow::anyhow!(msg)),
        None => Ok(()),
    }
}
