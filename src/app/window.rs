//! The eframe application: wires state, view, panels, shortcuts, drops and launch modes.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::command::{Command, Side};
use super::dialogs::{DialogAnswer, DialogAsk, Dialogs, NativeDialogs, PendingDialog};
use super::notice::Level;
use super::palette::Palette;
use super::panels::{self, ToolbarState, UiRequest};
use super::series::SeriesCommand;
use super::settings::{Settings, ThemePref};
use super::state::AppState;
use super::view::{self, ViewState};
use crate::report::Format;

/// The typed-path field that stands in for a file dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    /// What the path is for (the same request the dialog was for).
    pub purpose: UiRequest,
    /// The typed path(s): one, or two (old, new) for a pair.
    pub paths: Vec<String>,
    /// Why the last attempt failed (no such file).
    pub error: Option<String>,
}

impl PathPrompt {
    /// A prompt for `purpose`, empty.
    pub fn new(purpose: UiRequest) -> Self {
        let n = if purpose == UiRequest::PickPair { 2 } else { 1 };
        Self {
            purpose,
            paths: vec![String::new(); n],
            error: None,
        }
    }
}

/// The side panel's default width, in points.
pub const SIDE_PANEL_W: f32 = 340.0;
/// The side panel's smallest width, in points.
pub const MIN_PANEL_W: f32 = 240.0;
/// What the side panel takes beyond its content width (frame margins and the separator).
const PANEL_MARGINS: f32 = 32.0;
/// The characters a text column keeps when the side panel is open (the panel is no wider).
pub const COLUMN_CHARS: f32 = 45.0;

/// One step of Ctrl+= / Ctrl+-.
pub const ZOOM_STEP: f32 = 0.1;

/// Launch modes for automation (screenshot, frame limit, scroll benchmark).
#[derive(Debug, Clone, Default)]
pub struct Automation {
    /// Write a PNG of the window after the first complete frame, then exit.
    pub screenshot: Option<PathBuf>,
    /// Exit after this many frames.
    pub quit_after_frames: Option<u64>,
    /// Scroll for this many frames, print frame times, exit.
    pub scroll_bench_frames: Option<u64>,
    /// Resize the window to this inner size (points) on the first frame, overriding the
    /// geometry eframe restored from the last run.
    pub window_size: Option<(f32, f32)>,
}

enum Shot {
    Waiting,
    Requested(Receiver<Arc<egui::ColorImage>>),
    Done,
}

struct Bench {
    left: u64,
    offset: f32,
    times: Vec<Duration>,
}

/// The resdiff window.
pub struct ResdiffApp {
    /// Documents, comparison, filter, search, settings.
    pub state: AppState,
    /// Row heights and scrolling.
    pub view: ViewState,
    /// Toolbar fields.
    pub toolbar: ToolbarState,
    /// Scrolling and focus of the change list.
    pub change_list: super::change_list::ChangeListUi,
    /// The file choosers (native ones unless a test replaces them).
    pub dialogs: Box<dyn Dialogs>,
    /// The typed-path fallback, open when no file dialog could be shown (or asked for from
    /// File ▸ Open by typing a path).
    pub path_prompt: Option<PathPrompt>,
    /// The file dialog open now (waited for off the UI thread), if any.
    pending_dialog: Option<PendingDialog>,
    auto: Automation,
    frames: u64,
    ready_frames: u64,
    shot: Shot,
    bench: Option<Bench>,
    title: String,
    applied_theme: Option<ThemePref>,
    frames_since_question: u64,
    /// Set when an automation run fails (the launcher returns it as an error).
    pub failure: Arc<Mutex<Option<String>>>,
    /// The remembered theme and side-panel setting that launch overrides replaced (saved
    /// instead of the overrides, unless the user changed them since).
    overridden: Overridden,
}

/// Settings that a launch override replaced, with the value it set.
#[derive(Debug, Default, Clone, Copy)]
struct Overridden {
    theme: Option<(ThemePref, ThemePref)>,
    side_panel: Option<(bool, bool)>,
}

impl ResdiffApp {
    /// An app around `state`.
    pub fn new(state: AppState, auto: Automation) -> Self {
        let bench = auto.scroll_bench_frames.map(|n| Bench {
            left: n,
            offset: 0.0,
            times: Vec::with_capacity(n.min(100_000) as usize),
        });
        Self {
            state,
            view: ViewState::default(),
            toolbar: ToolbarState::default(),
            change_list: Default::default(),
            dialogs: Box::new(NativeDialogs),
            path_prompt: None,
            pending_dialog: None,
            auto,
            frames: 0,
            ready_frames: 0,
            shot: Shot::Waiting,
            bench,
            title: String::new(),
            applied_theme: None,
            frames_since_question: 0,
            failure: Arc::new(Mutex::new(None)),
            overridden: Overridden::default(),
        }
    }

    /// Show what the command line asked for (`--side-panel`, `--view`, `--order`, `--theme`).
    /// The remembered theme and panel setting are saved back at exit, not the overrides.
    pub fn apply_launch_view(&mut self, v: super::LaunchView) {
        use super::PanelChoice;
        use super::change_list::SideTab;
        if let Some(t) = v.theme {
            self.overridden.theme = Some((self.state.settings.theme, t));
            self.apply(Command::SetTheme(t));
        }
        if let Some(p) = v.side_panel {
            let open = p != PanelChoice::Closed;
            self.overridden.side_panel = Some((self.state.settings.side_panel, open));
            match p {
                PanelChoice::Changes => self.apply(Command::SetSideTab(SideTab::Changes)),
                PanelChoice::Summary => self.apply(Command::SetSideTab(SideTab::Summary)),
                PanelChoice::Closed => {}
            }
            // Open or closed whatever the window's width.
            self.state.settings.side_panel = open;
            self.state.narrow_panel_open = open;
        }
        if let Some(l) = v.layout {
            self.apply(Command::SetLayout(l));
        }
        if let Some(o) = v.order {
            self.apply(Command::SetChangeOrder(o));
        }
    }

    /// The settings to save: the user's, with the launch overrides replaced by the values they
    /// stood in for (unless changed since).
    pub fn settings_to_save(&self) -> Settings {
        let mut s = self.state.settings.clone();
        if let Some((before, set)) = self.overridden.theme
            && s.theme == set
        {
            s.theme = before;
        }
        if let Some((before, set)) = self.overridden.side_panel
            && s.side_panel == set
        {
            s.side_panel = before;
        }
        s
    }

    /// What is open, for the scroll benchmark's line: `side panel changes, view side-by-side,
    /// order document, 1380×860`.
    pub fn open_description(&self, size: egui::Vec2) -> String {
        use super::change_list::{KindFilter, SideTab};
        let panel = if !self.state.side_panel_open() {
            "side panel closed".to_owned()
        } else {
            match self.state.side_tab {
                SideTab::Changes if self.state.change_kind != KindFilter::All => format!(
                    "side panel changes ({})",
                    self.state.change_kind.label().to_lowercase()
                ),
                SideTab::Changes => "side panel changes".to_owned(),
                SideTab::Summary => "side panel summary".to_owned(),
            }
        };
        format!(
            "{panel}, view {}, order {}, {:.0}×{:.0}",
            self.state.layout.as_str(),
            self.state.change_order.as_str(),
            size.x,
            size.y
        )
    }

    /// Apply a command (also keeps the toolbar fields in step).
    pub fn apply(&mut self, cmd: Command) {
        if let Command::Search(q) = &cmd {
            self.toolbar.search = q.clone();
        }
        self.state.apply(cmd);
    }

    fn shortcuts(&mut self, ui: &Ui, out: &mut Vec<Command>, req: &mut Vec<UiRequest>) {
        let sc = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let shift = Modifiers::SHIFT;
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        ui.input_mut(|i| {
            if i.consume_shortcut(&sc(shift, Key::F7))
                || i.consume_shortcut(&sc(Modifiers::ALT, Key::ArrowUp))
            {
                out.push(Command::PrevChange);
            }
            if i.consume_shortcut(&sc(Modifiers::NONE, Key::F7))
                || i.consume_shortcut(&sc(Modifiers::ALT, Key::ArrowDown))
            {
                out.push(Command::NextChange);
            }
            if i.consume_shortcut(&sc(shift, Key::F3)) {
                out.push(Command::PrevHit);
            }
            if i.consume_shortcut(&sc(Modifiers::NONE, Key::F3)) {
                out.push(Command::NextHit);
            }
            if i.consume_shortcut(&sc(cmd, Key::G)) {
                self.toolbar.focus_jump = true;
            }
            if i.consume_shortcut(&sc(cmd, Key::F)) {
                self.toolbar.focus_search = true;
            }
            if i.consume_shortcut(&sc(Modifiers::NONE, Key::F5)) {
                out.push(Command::Reload);
            }
            if i.consume_shortcut(&sc(Modifiers::NONE, Key::F9)) {
                out.push(Command::ToggleSidePanel);
            }
            if i.consume_shortcut(&sc(cmd, Key::L)) {
                use super::change_list::ViewLayout;
                out.push(Command::SetLayout(match self.state.layout {
                    ViewLayout::SideBySide => ViewLayout::Inline,
                    ViewLayout::Inline => ViewLayout::SideBySide,
                }));
            }
            if i.consume_shortcut(&sc(cmd, Key::T)) {
                out.push(Command::ToggleTheme);
            }
            if i.consume_shortcut(&sc(cmd_shift, Key::O)) {
                req.push(UiRequest::PickFile(Side::New));
            }
            if i.consume_shortcut(&sc(cmd, Key::O)) {
                req.push(UiRequest::PickFile(Side::Old));
            }
            if i.consume_shortcut(&sc(cmd_shift, Key::C)) {
                out.push(Command::CopyShown);
            }
            if i.consume_shortcut(&sc(cmd, Key::E)) {
                req.push(UiRequest::Export(Format::Html));
            }
            if i.consume_shortcut(&sc(cmd, Key::Q)) {
                req.push(UiRequest::Quit);
            }
            // Ctrl+= / Ctrl+- scale the whole interface; Ctrl+0 back to 100 %.
            let zoom = self.state.settings.zoom;
            if i.consume_shortcut(&sc(cmd, Key::Plus))
                || i.consume_shortcut(&sc(cmd_shift, Key::Plus))
                || i.consume_shortcut(&sc(cmd, Key::Equals))
                || i.consume_shortcut(&sc(cmd_shift, Key::Equals))
            {
                out.push(Command::SetZoom(zoom + ZOOM_STEP));
            }
            if i.consume_shortcut(&sc(cmd, Key::Minus)) {
                out.push(Command::SetZoom(zoom - ZOOM_STEP));
            }
            if i.consume_shortcut(&sc(cmd, Key::Num0)) {
                out.push(Command::SetZoom(1.0));
            }
            // Escape clears the search (and leaves the search field).
            if !self.state.search.is_empty()
                && self.state.drop_choice.is_none()
                && i.key_pressed(Key::Escape)
            {
                out.push(Command::Search(String::new()));
            }
        });
    }

    fn handle_drops(&mut self, ui: &Ui, pal: &Palette, out: &mut Vec<Command>) {
        // Desktop platforms do not report where a drop lands (the drag source holds the
        // pointer), so the pointer position is only a hint when egui knows it.
        let (dropped, pos, width) = ui.input(|i| {
            (
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .collect::<Vec<_>>(),
                i.pointer.latest_pos(),
                i.content_rect().width(),
            )
        });
        let side_at = |p: egui::Pos2| {
            if p.x < width / 2.0 {
                Side::Old
            } else {
                Side::New
            }
        };
        if !dropped.is_empty() {
            out.push(Command::Drop(dropped, pos.map(side_at)));
        }
        let hovered = ui.input(|i| i.raw.hovered_files.len());
        if hovered > 0 {
            let rect = ui.ctx().content_rect();
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                ui.scope_id().with("drop_overlay"),
            ));
            painter.rect_filled(rect, 0.0, pal.overlay_bg);
            let white = pal.overlay_text;
            let font = |size| egui::FontId::proportional(size);
            let centre = egui::Align2::CENTER_CENTER;
            if hovered >= 2 {
                painter.text(
                    rect.center(),
                    centre,
                    format!("{hovered} files: the first opens as old, the second as new"),
                    font(22.0),
                    white,
                );
            } else if pos.is_some() {
                let mid = rect.center().x;
                for (x, text) in [
                    (rect.left() + rect.width() / 4.0, "Drop here: old version"),
                    (mid + rect.width() / 4.0, "Drop here: new version"),
                ] {
                    painter.text(
                        egui::pos2(x, rect.center().y),
                        centre,
                        text,
                        font(22.0),
                        white,
                    );
                }
                painter.vline(mid, rect.y_range(), egui::Stroke::new(2.0, white));
            } else {
                let one = match (self.state.old.is_taken(), self.state.new.is_taken()) {
                    (false, _) => "The file opens as the old version",
                    (true, false) => "The file opens as the new version",
                    (true, true) => "Drop, then choose: old or new version",
                };
                painter.text(rect.center(), centre, one, font(22.0), white);
            }
            painter.text(
                egui::pos2(rect.center().x, rect.bottom() - 40.0),
                centre,
                "Two files at once: the first is old, the second new",
                font(16.0),
                white,
            );
        }
    }

    fn drop_question(&mut self, ui: &Ui, out: &mut Vec<Command>) {
        let Some(path) = self.state.drop_choice.clone() else {
            return;
        };
        let name = super::state::file_label(Some(&path));
        let modal =
            egui::Modal::new(egui::Id::unique("resdiff_drop_choice")).show(ui.ctx(), |ui| {
                ui.set_max_width(420.0);
                ui.heading("Open the dropped file as…");
                ui.label(format!(
                    "{name} replaces one of the two loaded versions. Which one?"
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let old = ui.button("Old version");
                    if self.frames_since_question == 0 {
                        old.request_focus();
                    }
                    if old.clicked() {
                        out.push(Command::ResolveDrop(Some(Side::Old)));
                    }
                    if ui.button("New version").clicked() {
                        out.push(Command::ResolveDrop(Some(Side::New)));
                    }
                    if ui.button("Cancel").clicked() {
                        out.push(Command::ResolveDrop(None));
                    }
                });
            });
        self.frames_since_question += 1;
        if modal.should_close() {
            out.push(Command::ResolveDrop(None));
        }
    }

    fn handle_requests(&mut self, ui: &Ui, req: Vec<UiRequest>, out: &mut Vec<Command>) {
        for r in req {
            let title = |t: &str| t.to_owned();
            let ask = match &r {
                UiRequest::TypePath => {
                    self.path_prompt = Some(PathPrompt::new(UiRequest::PickPair));
                    continue;
                }
                UiRequest::Quit => {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    continue;
                }
                UiRequest::PickFile(Side::Old) => DialogAsk::PickFile {
                    title: title("Open the old version"),
                },
                UiRequest::PickFile(Side::New) => DialogAsk::PickFile {
                    title: title("Open the new version"),
                },
                UiRequest::PickPair => DialogAsk::PickFiles {
                    title: title("Open two versions (old, then new)"),
                },
                UiRequest::Export(format) => DialogAsk::SaveFile {
                    format: *format,
                    file_name: self.state.export_file_name(*format),
                },
                UiRequest::PickSeries => DialogAsk::PickFiles {
                    title: title("Open the versions of a resolution (any order)"),
                },
                UiRequest::PickSeriesFolder => DialogAsk::PickFolder {
                    title: title("Open a folder of versions"),
                },
                UiRequest::PickCorpus => DialogAsk::PickFolder {
                    title: title("Choose a corpus folder to find agreed language in"),
                },
            };
            // One dialog at a time; the window keeps working while it is open.
            if let Some(p) = &self.pending_dialog {
                self.state.status_line = format!(
                    "A file dialog is already open ({}); finish it first",
                    p.title
                );
                continue;
            }
            let ctx = ui.ctx().clone();
            let pending =
                PendingDialog::start(self.dialogs.as_mut(), r, ask, move || ctx.request_repaint());
            self.state.status_line = format!("{}: waiting for the file dialog…", pending.title);
            self.pending_dialog = Some(pending);
        }
        self.collect_dialog(ui, out);
    }

    /// Take the answer of the open file dialog, if it has closed.
    fn collect_dialog(&mut self, ui: &Ui, out: &mut Vec<Command>) {
        let Some(pending) = &mut self.pending_dialog else {
            return;
        };
        let Some(answer) = pending.poll() else {
            // Still open: look again soon even if the wake-up is lost.
            ui.ctx().request_repaint_after(Duration::from_millis(100));
            return;
        };
        let Some(pending) = self.pending_dialog.take() else {
            return;
        };
        let paths = match answer {
            DialogAnswer::Chosen(paths) => paths,
            DialogAnswer::Cancelled => {
                self.state.status_line = format!("{}: cancelled", pending.title);
                return;
            }
            DialogAnswer::Unavailable(why) => {
                self.state
                    .notices
                    .push(super::notice::Notice::error(format!(
                        "The file dialog did not open: {why}. Type the path instead."
                    )));
                self.state.status_line.clear();
                self.path_prompt = Some(PathPrompt::new(pending.purpose));
                return;
            }
        };
        self.state.status_line.clear();
        let first = paths.first().cloned();
        let cmd = match (pending.purpose, first) {
            (_, None) => None,
            (UiRequest::PickFile(Side::Old), Some(p)) => Some(Command::OpenOld(p)),
            (UiRequest::PickFile(Side::New), Some(p)) => Some(Command::OpenNew(p)),
            (UiRequest::PickPair, Some(p)) => Some(match paths.get(1) {
                Some(n) => Command::OpenPair(p, n.clone()),
                None => Command::OpenOld(p),
            }),
            (UiRequest::Export(format), Some(p)) => Some(Command::Export(format, p)),
            (UiRequest::PickSeries, Some(_)) => {
                Some(Command::Series(SeriesCommand::Open(paths.clone())))
            }
            (UiRequest::PickSeriesFolder, Some(dir)) => {
                Some(Command::Series(SeriesCommand::Open(vec![dir])))
            }
            (UiRequest::PickCorpus, Some(corpus)) => {
                Some(Command::Series(SeriesCommand::BuildIndex {
                    corpus,
                    index: None,
                }))
            }
            (UiRequest::Quit | UiRequest::TypePath, Some(_)) => None,
        };
        out.extend(cmd);
    }

    /// The file dialog the window is waiting for, if one is open.
    pub fn dialog_pending(&self) -> Option<&PendingDialog> {
        self.pending_dialog.as_ref()
    }

    /// Block until the open file dialog (if any) has answered, at most `timeout`; true when no
    /// dialog is waiting any more. The answer is taken on the next frame. For tests and scripts.
    pub fn wait_dialog(&mut self, timeout: Duration) -> bool {
        self.pending_dialog.as_mut().is_none_or(|p| p.wait(timeout))
    }

    /// The typed-path field: a modal with one field (two for a pair) and Open / Cancel.
    fn path_prompt_ui(&mut self, ui: &Ui, out: &mut Vec<Command>) {
        let Some(prompt) = &mut self.path_prompt else {
            return;
        };
        let (title, action) = match &prompt.purpose {
            UiRequest::PickFile(Side::Old) => ("Open the old version", "Open"),
            UiRequest::PickFile(Side::New) => ("Open the new version", "Open"),
            UiRequest::PickPair => ("Open two versions", "Open"),
            UiRequest::Export(_) => ("Export to a file", "Export"),
            UiRequest::PickSeries | UiRequest::PickSeriesFolder => {
                ("Open a folder of versions", "Open")
            }
            UiRequest::PickCorpus => ("Choose a corpus folder", "Choose"),
            UiRequest::Quit | UiRequest::TypePath => ("Open", "Open"),
        };
        let mut go = false;
        let mut cancel = false;
        let modal =
            egui::Modal::new(egui::Id::unique("resdiff_path_prompt")).show(ui.ctx(), |ui| {
                ui.set_max_width(560.0);
                ui.heading(title);
                ui.label("Type or paste the full path of the file.");
                let n = prompt.paths.len();
                for (k, text) in prompt.paths.iter_mut().enumerate() {
                    let caption = match (n, k) {
                        (2, 0) => "Old version:",
                        (2, _) => "New version:",
                        _ => "Path:",
                    };
                    ui.horizontal(|ui| {
                        let l = ui.label(caption);
                        let field = ui
                            .add(egui::TextEdit::singleline(text).desired_width(420.0))
                            .labelled_by(l.id);
                        if k == 0 && !field.has_focus() && text.is_empty() && prompt.error.is_none()
                        {
                            field.request_focus();
                        }
                        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                            go = true;
                        }
                    });
                }
                if let Some(e) = &prompt.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.horizontal(|ui| {
                    if ui.button(action).clicked() {
                        go = true;
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if modal.should_close() {
            cancel = true;
        }
        if cancel {
            self.path_prompt = None;
            return;
        }
        if !go {
            return;
        }
        let paths: Vec<PathBuf> = prompt
            .paths
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
        let must_exist = !matches!(prompt.purpose, UiRequest::Export(_));
        if paths.is_empty() {
            prompt.error = Some("Type a path first.".to_owned());
            return;
        }
        if must_exist && let Some(missing) = paths.iter().find(|p| !p.exists()) {
            prompt.error = Some(format!("No such file or folder: {}", missing.display()));
            return;
        }
        let cmd = match (&prompt.purpose, paths.as_slice()) {
            (UiRequest::PickFile(Side::Old), [p, ..]) => Command::OpenOld(p.clone()),
            (UiRequest::PickFile(Side::New), [p, ..]) => Command::OpenNew(p.clone()),
            (UiRequest::PickPair | UiRequest::TypePath, [o, n, ..]) => {
                Command::OpenPair(o.clone(), n.clone())
            }
            (UiRequest::PickPair | UiRequest::TypePath, [o]) => Command::OpenOld(o.clone()),
            (UiRequest::Export(f), [p, ..]) => Command::Export(*f, p.clone()),
            (UiRequest::PickSeries | UiRequest::PickSeriesFolder, _) => {
                Command::Series(SeriesCommand::Open(paths.clone()))
            }
            (UiRequest::PickCorpus, [p, ..]) => Command::Series(SeriesCommand::BuildIndex {
                corpus: p.clone(),
                index: None,
            }),
            _ => return,
        };
        out.push(cmd);
        self.path_prompt = None;
    }

    fn apply_theme(&mut self, ui: &Ui) {
        if self.applied_theme.is_none() {
            focus_ring(ui.ctx());
        }
        if self.applied_theme != Some(self.state.settings.theme) {
            self.applied_theme = Some(self.state.settings.theme);
            ui.ctx().set_theme(match self.state.settings.theme {
                ThemePref::System => egui::ThemePreference::System,
                ThemePref::Light => egui::ThemePreference::Light,
                ThemePref::Dark => egui::ThemePreference::Dark,
            });
        }
    }

    /// Draw the whole window content (used by eframe and by tests).
    pub fn show(&mut self, ui: &mut Ui) {
        let started = Instant::now();
        self.frames += 1;
        super::fonts::install(ui.ctx());
        if self.frames == 1
            && let Some((w, h)) = self.auto.window_size
        {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(w, h)));
        }
        self.state.poll();
        self.apply_theme(ui);
        // The whole interface scales (toolbar, panels, buttons, text); egui's own keyboard
        // zoom is off so that one key press is one step.
        let ctx = ui.ctx().clone();
        if ctx.options(|o| o.zoom_with_keyboard) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        if (ctx.zoom_factor() - self.state.settings.zoom).abs() > 1e-3 {
            ctx.set_zoom_factor(self.state.settings.zoom);
        }
        let pal = Palette::for_dark_mode(ui.visuals().dark_mode);
        let mut out = Vec::new();
        let mut req = Vec::new();
        self.shortcuts(ui, &mut out, &mut req);
        self.handle_drops(ui, &pal, &mut out);

        let title = self.state.title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        self.state.narrow = ui.ctx().content_rect().width() < super::state::NARROW_BELOW;
        egui::Panel::top("menu_and_toolbar").show(ui, |ui| {
            panels::menu_bar(ui, &self.state, &mut out, &mut req);
            // Only what applies to the view shown: the pair's tools or the series'.
            if self.state.series_view_shown() {
                super::series_view::toolbar(ui, &self.state, &mut out, &mut req);
            } else {
                panels::toolbar(ui, &self.state, &mut self.toolbar, &mut out, &mut req);
            }
        });
        if !self.state.notices.is_empty() {
            egui::Panel::top("notices").show(ui, |ui| {
                panels::notices(ui, &self.state, &pal, &mut out);
            });
        }
        egui::Panel::bottom("status").show(ui, |ui| panels::status_bar(ui, &self.state));
        let series_shown = self.state.series_view_shown();
        if series_shown {
            if self.state.series.series.is_some() {
                egui::Panel::right("series_history")
                    .resizable(true)
                    .default_size(380.0)
                    .show(ui, |ui| {
                        super::series_view::side_panel(ui, &self.state, &pal, &mut out, &mut req)
                    });
            }
            egui::CentralPanel::default().show(ui, |ui| {
                super::series_view::central(ui, &self.state, &pal, &mut out)
            });
        } else if self.state.side_panel_open() && self.state.comparison.is_some() {
            // No wider than leaves each text column 45 characters (the user can narrow it).
            let width = ui.ctx().content_rect().width();
            let max = (width
                - super::view::central_width_for(COLUMN_CHARS, self.state.settings.text_size)
                - PANEL_MARGINS)
                .max(MIN_PANEL_W);
            egui::Panel::right("summary")
                .resizable(true)
                .default_size(SIDE_PANEL_W.min(max))
                .size_range(MIN_PANEL_W..=max)
                .show(ui, |ui| {
                    panels::side_panel(ui, &self.state, &mut self.change_list, &pal, &mut out)
                });
        }
        if !series_shown {
            egui::CentralPanel::default().show(ui, |ui| {
                if self.state.comparison.is_some() {
                    view::show(ui, &mut self.state, &mut self.view, &pal, &mut out);
                } else {
                    ui.vertical_centered(|ui| {
                        ui.add_space(60.0);
                        if self.state.is_busy() {
                            ui.spinner();
                            ui.label(self.state.busy_label());
                        } else {
                            ui.heading("Compare two versions of a resolution");
                            ui.label(
                                "Open the old and the new version, or drop them on this window.",
                            );
                            for (name, side) in [("Old", &self.state.old), ("New", &self.state.new)]
                            {
                                let text = match &side.path {
                                    Some(p) => format!(
                                        "{name} version: {} (loaded)",
                                        super::state::file_label(Some(p))
                                    ),
                                    None => format!("{name} version: not loaded"),
                                };
                                ui.label(text);
                            }
                            ui.add_space(8.0);
                            if ui.button("Open old version…").clicked() {
                                req.push(UiRequest::PickFile(Side::Old));
                            }
                            if ui.button("Open new version…").clicked() {
                                req.push(UiRequest::PickFile(Side::New));
                            }
                            if ui.button("Open the versions of a series…").clicked() {
                                req.push(UiRequest::PickSeries);
                            }
                            if !self.state.settings.recent.is_empty() {
                                ui.add_space(16.0);
                                ui.strong("Recent pairs");
                                for p in self.state.settings.recent.iter().take(6) {
                                    let label = format!(
                                        "{} → {}",
                                        super::state::file_label(Some(&p.old)),
                                        super::state::file_label(Some(&p.new))
                                    );
                                    if ui
                                        .link(label)
                                        .on_hover_text(format!(
                                            "{}\n{}",
                                            p.old.display(),
                                            p.new.display()
                                        ))
                                        .clicked()
                                    {
                                        out.push(Command::OpenPair(p.old.clone(), p.new.clone()));
                                    }
                                }
                            }
                        }
                    });
                }
            });
        }

        if self.state.drop_choice.is_some() {
            self.drop_question(ui, &mut out);
        } else {
            self.frames_since_question = 0;
        }
        self.path_prompt_ui(ui, &mut out);
        self.handle_requests(ui, req, &mut out);
        for c in out {
            self.apply(c);
        }
        if let Some(text) = self.state.clipboard.take() {
            ui.ctx().copy_text(text);
        }
        if self.state.is_busy() || self.state.series.is_busy() {
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
        self.automation(ui, started);
    }

    fn automation(&mut self, ui: &Ui, started: Instant) {
        let ctx = ui.ctx();
        let loaded = !self.state.is_busy() && self.state.comparison.is_some();
        // Nothing loading and row heights measured: the frame shows what there is to show
        // (the comparison, an error, or the start screen when no file was given).
        let settled = !self.state.is_busy()
            && self.state.series.loading.is_none()
            && (self.state.series.shown || !self.view.unsettled);
        if settled {
            self.ready_frames += 1;
        } else {
            self.ready_frames = 0;
        }
        if let Some(path) = self.auto.screenshot.clone() {
            ctx.request_repaint();
            match &self.shot {
                Shot::Waiting if self.ready_frames >= 3 => {
                    let (tx, rx) = channel();
                    ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(
                        egui::ScreenshotCallback::new(move |img| {
                            let _ = tx.send(img);
                        }),
                    ));
                    self.shot = Shot::Requested(rx);
                }
                Shot::Requested(rx) => {
                    if let Ok(img) = rx.try_recv() {
                        if let Err(e) = save_png(&img, &path) {
                            self.fail(format!("could not write {}: {e}", path.display()));
                        } else if self.state.comparison.is_none()
                            && self.state.notices.iter().any(|n| n.level == Level::Error)
                        {
                            let msgs: Vec<String> =
                                self.state.notices.iter().map(|n| n.text.clone()).collect();
                            self.fail(format!("nothing was compared: {}", msgs.join("; ")));
                        }
                        self.shot = Shot::Done;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                }
                _ => {}
            }
        }
        if let Some(n) = self.auto.quit_after_frames {
            ctx.request_repaint();
            if self.frames >= n {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        if let Some(mut b) = self.bench.take() {
            ctx.request_repaint();
            if loaded && b.left > 0 {
                b.times.push(started.elapsed());
                b.left -= 1;
                b.offset += 37.0;
                let max = (self.view.content_height - self.view.viewport_height).max(0.0);
                if b.offset > max {
                    b.offset = 0.0;
                }
                self.view.forced_offset = Some(b.offset);
                if b.left == 0 {
                    let slowest = b
                        .times
                        .iter()
                        .enumerate()
                        .max_by_key(|(_, d)| **d)
                        .map_or(0, |(i, _)| i + 1);
                    let mut t = b.times.clone();
                    t.sort();
                    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
                    let open = self.open_description(ctx.content_rect().size());
                    if let (Some(min), Some(max)) = (t.first(), t.last()) {
                        println!(
                            "scroll bench ({open}): {} frames, frame CPU time min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms (frame {slowest})",
                            t.len(),
                            ms(*min),
                            ms(t[t.len() / 2]),
                            ms(t[(t.len() * 95 / 100).min(t.len() - 1)]),
                            ms(*max)
                        );
                    }
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            } else if !self.state.is_busy() && self.state.comparison.is_none() && self.frames > 5 {
                self.fail("scroll bench: nothing to scroll (no comparison loaded)".to_owned());
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            self.bench = Some(b);
        }
    }

    fn fail(&self, msg: String) {
        if let Ok(mut f) = self.failure.lock() {
            *f = Some(msg);
        }
    }
}

/// Width of the keyboard focus ring, in points.
pub const FOCUS_RING_W: f32 = 2.0;

/// A focused widget gets a ring in the palette's focus colour, wider than egui's 1-point
/// outline (egui draws a focused widget with its "active" look).
fn focus_ring(ctx: &egui::Context) {
    for (theme, dark) in [(egui::Theme::Light, false), (egui::Theme::Dark, true)] {
        let focus = Palette::for_dark_mode(dark).focus;
        ctx.style_mut_of(theme, |s| {
            s.visuals.widgets.active.bg_stroke = egui::Stroke::new(FOCUS_RING_W, focus);
            s.visuals.selection.stroke.width = s.visuals.selection.stroke.width.max(1.5);
        });
    }
}

fn save_png(img: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = img.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for c in &img.pixels {
        let [r, g, b, _] = c.to_array();
        bytes.extend_from_slice(&[r, g, b, 255]);
    }
    let buf = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| "screenshot has an unexpected size".to_owned())?;
    buf.save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| e.to_string())
}

impl eframe::App for ResdiffApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings_to_save().save(storage);
    }
}

/// Build the app for a window: settings from storage, repaint on background results.
pub fn create(cc: &eframe::CreationContext<'_>, auto: Automation) -> ResdiffApp {
    let (settings, warning) = Settings::load(cc.storage);
    let mut state = AppState::new(settings);
    if let Some(w) = warning {
        state.notices.push(super::notice::Notice::warning(w));
    }
    let ctx = cc.egui_ctx.clone();
    state.set_waker(Arc::new(move || ctx.request_repaint()));
    ResdiffApp::new(state, auto)
}
