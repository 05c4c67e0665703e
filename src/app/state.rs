//! The application state and the command handler, independent of any window.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::compare::{Comparison, Status};
use crate::model::Resolution;
use crate::report::{self, Format, Layout, Only, RenderOptions};

use super::change_list::{ChangeOrder, KindFilter, SideTab, ViewLayout};
use super::command::{Command, CopyWhat, Side};
use super::filter::Filter;
use super::loader::{Engine, JobResult, Worker};
use super::notice::Notice;
use super::settings::{Settings, TEXT_SIZE_RANGE, ThemePref};
use super::text::{find_matches, id_label, redline, redline_of_rows, side_ids, side_text};

/// Below this window width (points) the side panel folds into a toolbar toggle, so that each
/// text column keeps about 45 characters.
pub const NARROW_BELOW: f32 = 1200.0;

/// One displayed row of the comparison view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A pair of `Comparison::pairs`.
    Pair(usize),
    /// Where the old paragraph of a moved pair stood in the old document (a marker row).
    MovedFrom(usize),
}

/// One document slot (old or new).
#[derive(Debug, Clone, Default)]
pub struct SideState {
    /// The file the loaded document came from.
    pub path: Option<PathBuf>,
    /// The loaded document.
    pub doc: Option<Arc<Resolution>>,
    /// The file being read now, if any.
    pub loading: Option<PathBuf>,
    generation: u64,
}

impl SideState {
    /// A file is loaded here or being read: a dropped file does not go to this side unasked.
    pub fn is_taken(&self) -> bool {
        self.path.is_some() || self.loading.is_some()
    }
}

/// Everything the window shows, and the logic behind every command.
#[derive(Debug)]
pub struct AppState {
    /// Persisted settings.
    pub settings: Settings,
    /// The old document.
    pub old: SideState,
    /// The new document.
    pub new: SideState,
    /// The current comparison.
    pub comparison: Option<Arc<Comparison>>,
    /// Rows shown, after filtering.
    pub rows: Vec<Row>,
    /// The pair the user is on (focus of next/previous change, jumps, hits).
    pub current: Option<usize>,
    /// A row the view should scroll to (consumed by the view).
    pub scroll_request: Option<usize>,
    /// The first row visible in the view (written by the view).
    pub top_row: usize,
    /// The search text.
    pub search: String,
    /// Pairs with search hits and the number of hits in each, in row order.
    pub hits: Vec<(usize, usize)>,
    /// Index into `hits` of the current hit row.
    pub current_hit: Option<usize>,
    /// Errors and warnings for the user.
    pub notices: Vec<Notice>,
    /// A short message about the last navigation (“No more changes below”).
    pub status_line: String,
    /// How long the last comparison took.
    pub compare_time: Option<Duration>,
    /// Text waiting to go to the clipboard (the window hands it over and clears it).
    pub clipboard: Option<String>,
    /// A dropped file waiting for the user to say which side it is (both sides were loaded and
    /// the drop position was unknown).
    pub drop_choice: Option<PathBuf>,
    /// Options of the Export menu, the same as the command line's `--only`, `--layout` and
    /// `--author`.
    pub export: ExportOptions,
    /// The changes of the comparison, in document order ([`crate::changes::changes`]).
    pub changes: Vec<crate::changes::Change>,
    /// The order of the change list and of next/previous change.
    pub change_order: ChangeOrder,
    /// Which kinds of change the list shows (and next/previous change visits).
    pub change_kind: KindFilter,
    /// Whether the change list's routine group is open.
    pub routine_open: bool,
    /// What the side panel shows.
    pub side_tab: SideTab,
    /// Side by side or one redline column.
    pub layout: ViewLayout,
    /// The window is narrower than [`NARROW_BELOW`]: the side panel is a toggle, closed until
    /// asked for (written by the window each frame).
    pub narrow: bool,
    /// The side panel was opened in a narrow window.
    pub narrow_panel_open: bool,
    /// A series of versions opened in the app (its own view, see [`super::series`]).
    pub series: super::series::SeriesState,
    reloading: bool,
    comparing: bool,
    compare_generation: u64,
    worker: Worker,
}

/// The export options the File ▸ Export menu sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Which paragraphs a report shows.
    pub only: Only,
    /// Which views an HTML or PDF report holds.
    pub layout: Layout,
    /// The author of a Word document's tracked changes, as typed (blank: the default).
    pub author: String,
}

impl Default for ExportOptions {
    /// All paragraphs, both views, the user name from the environment (else `resdiff`).
    fn default() -> Self {
        Self {
            only: Only::All,
            layout: Layout::Both,
            author: report::default_author(),
        }
    }
}

impl AppState {
    /// A state running the real engine.
    pub fn new(settings: Settings) -> Self {
        Self::with_engine(settings, Engine::default())
    }

    /// A state running `engine` (tests pass their own).
    pub fn with_engine(settings: Settings, engine: Engine) -> Self {
        Self {
            settings,
            old: SideState::default(),
            new: SideState::default(),
            comparison: None,
            rows: Vec::new(),
            current: None,
            scroll_request: None,
            top_row: 0,
            search: String::new(),
            hits: Vec::new(),
            current_hit: None,
            notices: Vec::new(),
            status_line: String::new(),
            compare_time: None,
            drop_choice: None,
            clipboard: None,
            export: ExportOptions::default(),
            series: super::series::SeriesState::default(),
            changes: Vec::new(),
            change_order: ChangeOrder::default(),
            change_kind: KindFilter::default(),
            routine_open: false,
            side_tab: SideTab::default(),
            layout: ViewLayout::default(),
            narrow: false,
            narrow_panel_open: false,
            reloading: false,
            comparing: false,
            compare_generation: 0,
            worker: Worker::new(engine),
        }
    }

    /// Call `waker` when background work finishes (the window passes a repaint request).
    pub fn set_waker(&mut self, waker: super::loader::Waker) {
        self.series.set_waker(waker.clone());
        self.worker.set_waker(waker);
    }

    /// Whether the side panel is shown (in a narrow window only when opened there).
    pub fn side_panel_open(&self) -> bool {
        if self.narrow {
            self.narrow_panel_open
        } else {
            self.settings.side_panel
        }
    }

    /// A file is being read or a comparison is running.
    pub fn is_busy(&self) -> bool {
        self.old.loading.is_some() || self.new.loading.is_some() || self.comparing
    }

    /// What the progress indicator says.
    pub fn busy_label(&self) -> &'static str {
        if self.old.loading.is_some() || self.new.loading.is_some() {
            "Loading…"
        } else {
            "Comparing…"
        }
    }

    /// The window title: `resdiff`, with the pair's symbols when loaded.
    pub fn title(&self) -> String {
        match &self.comparison {
            Some(c) => format!(
                "resdiff — {} → {}",
                c.old.label(&file_label(self.old.path.as_deref())),
                c.new.label(&file_label(self.new.path.as_deref()))
            ),
            None => "resdiff".to_owned(),
        }
    }

    /// The side's state.
    pub fn side(&self, side: Side) -> &SideState {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }

    fn side_mut(&mut self, side: Side) -> &mut SideState {
        match side {
            Side::Old => &mut self.old,
            Side::New => &mut self.new,
        }
    }

    /// Apply one user command.
    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::OpenOld(p) => self.start_load(Side::Old, p),
            Command::OpenNew(p) => self.start_load(Side::New, p),
            Command::OpenPair(o, n) => {
                self.start_load(Side::Old, o);
                self.start_load(Side::New, n);
            }
            Command::OpenFiles(files) => match files.as_slice() {
                [] => {}
                // A folder holds the versions of a series.
                [one] if one.is_dir() => {
                    self.apply_series(super::series::SeriesCommand::Open(files))
                }
                [one] => self.start_load(Side::Old, one.clone()),
                _ => self.open_first_two(&files, "given"),
            },
            Command::Drop(files, side) => self.drop_files(files, side),
            Command::ResolveDrop(side) => {
                if let (Some(path), Some(side)) = (self.drop_choice.take(), side) {
                    self.start_load(side, path);
                }
            }
            Command::Swap => {
                if self.old.is_taken() || self.new.is_taken() {
                    self.swap();
                    self.status_line = "Swapped old and new".to_owned();
                } else {
                    self.status_line = "Nothing to swap: no file is open".to_owned();
                }
            }
            // In the series view F5 and Reload read the series again, not the pair behind it.
            Command::Reload if self.series_view_shown() => {
                self.apply_series(super::series::SeriesCommand::Reload)
            }
            Command::Reload => {
                let files: Vec<String> = [&self.old, &self.new]
                    .iter()
                    .filter_map(|s| s.loading.as_deref().or(s.path.as_deref()))
                    .map(|p| file_label(Some(p)))
                    .collect();
                self.status_line = if files.is_empty() {
                    "Nothing to reload: no file is open".to_owned()
                } else {
                    self.reloading = true;
                    format!("Reloading {}…", files.join(" and "))
                };
                for side in [Side::Old, Side::New] {
                    let s = self.side(side);
                    if let Some(p) = s.loading.clone().or_else(|| s.path.clone()) {
                        self.start_load(side, p);
                    }
                }
            }
            Command::NextChange => self.step_change(true),
            Command::PrevChange => self.step_change(false),
            Command::JumpTo(id) => self.jump_to(&id),
            Command::GoToPair(i) => self.go_to_pair(i),
            Command::GoToMovedFrom(i) => self.go_to_moved_from(i),
            Command::SetFilter(f) => {
                self.settings.filter = f;
                self.rebuild_rows();
                self.refresh_change_status();
            }
            Command::Search(q) => {
                self.search = q;
                self.recompute_hits();
                self.current_hit = None;
                if !self.hits.is_empty() {
                    self.step_hit(true);
                }
            }
            Command::NextHit => self.step_hit(true),
            Command::PrevHit => self.step_hit(false),
            Command::ToggleTheme => {
                self.settings.theme = match self.settings.theme {
                    ThemePref::System => ThemePref::Light,
                    ThemePref::Light => ThemePref::Dark,
                    ThemePref::Dark => ThemePref::System,
                }
            }
            Command::SetTheme(t) => self.settings.theme = t,
            Command::SetTextSize(s) => {
                if s.is_finite() {
                    self.settings.text_size = s.clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1);
                }
            }
            Command::SetZoom(z) => {
                if z.is_finite() {
                    let (lo, hi) = super::settings::ZOOM_RANGE;
                    self.settings.zoom = (z * 10.0).round() / 10.0;
                    self.settings.zoom = self.settings.zoom.clamp(lo, hi);
                    self.status_line = format!("Interface at {:.0} %", self.settings.zoom * 100.0);
                }
            }
            Command::ToggleSidePanel => {
                if self.narrow {
                    self.narrow_panel_open = !self.narrow_panel_open;
                } else {
                    self.settings.side_panel = !self.settings.side_panel;
                }
            }
            Command::SetSplit(f) => {
                if f.is_finite() {
                    self.settings.split = f.clamp(0.2, 0.8);
                }
            }
            Command::ClearRecent => self.settings.recent.clear(),
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::Export(format, path) => self.export(format, &path),
            Command::SetExportOnly(only) => self.export.only = only,
            Command::SetExportLayout(layout) => self.export.layout = layout,
            Command::SetExportAuthor(name) => self.export.author = name,
            Command::Series(c) => self.apply_series(c),
            Command::GoToChange(k) => self.go_to_change(k),
            Command::SetChangeOrder(o) => {
                self.change_order = o;
                self.refresh_change_status();
            }
            Command::SetChangeKind(k) => {
                self.change_kind = k;
                if k == KindFilter::Routine {
                    self.routine_open = true;
                }
                self.refresh_change_status();
            }
            Command::ShowRoutine(open) => self.routine_open = open,
            Command::SetSideTab(t) => {
                self.side_tab = t;
                if self.narrow {
                    self.narrow_panel_open = true;
                } else {
                    self.settings.side_panel = true;
                }
            }
            Command::SetLayout(l) => self.layout = l,
            Command::DismissAll => self.notices.clear(),
            Command::Copy(i, what) => self.copy_pair(i, what),
            Command::CopyShown => {
                if self.comparison.is_some() {
                    let rows = self
                        .rows
                        .iter()
                        .filter(|r| matches!(r, Row::Pair(_)))
                        .count();
                    self.clipboard = Some(redline_of_rows(self));
                    self.status_line = format!("Copied the redline of {rows} shown rows");
                }
            }
        }
    }

    /// A human name for a report format, as in the Export menu.
    pub fn format_label(format: Format) -> &'static str {
        match format {
            Format::Html => "HTML report",
            Format::Docx => "Word document with tracked changes",
            Format::Pdf => "PDF redline",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Text => "plain-text redline",
        }
    }

    /// A file name for an export of the current pair (`A_RES_65_141_vs_A_RES_66_184.html`).
    pub fn export_file_name(&self, format: Format) -> String {
        let stem = |s: &SideState| {
            s.path
                .as_deref()
                .and_then(Path::file_stem)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "document".to_owned())
        };
        format!(
            "{}_vs_{}.{}",
            stem(&self.old),
            stem(&self.new),
            format.extension()
        )
    }

    fn export(&mut self, format: Format, path: &Path) {
        let Some(cmp) = self.comparison.clone() else {
            self.notices.push(Notice::error(
                "Nothing to export yet: open an old and a new version first",
            ));
            return;
        };
        let label = |s: &SideState| {
            s.path
                .as_deref()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
        };
        let opts = RenderOptions {
            old_label: label(&self.old),
            new_label: label(&self.new),
            only: self.export.only,
            layout: self.export.layout,
            author: match self.export.author.trim() {
                "" => report::default_author(),
                name => name.to_string(),
            },
            ..RenderOptions::default()
        };
        let inputs: Vec<&Path> = [&self.old.path, &self.new.path]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        let result = report::render_with_warnings(&cmp, format, &opts)
            .and_then(|(bytes, w)| report::write_atomic(path, &bytes, &inputs).map(|()| w));
        match result {
            Ok(warnings) => {
                for w in warnings {
                    self.notices.push(Notice::warning(w));
                }
                self.status_line = format!(
                    "{} written to {}",
                    Self::format_label(format),
                    path.display()
                );
            }
            Err(e) => self.notices.push(Notice::error(format!(
                "Could not export the {}: {e}",
                Self::format_label(format)
            ))),
        }
    }

    fn start_load(&mut self, side: Side, path: PathBuf) {
        // Absolute paths, so recent pairs work from any working directory.
        let path = std::path::absolute(&path).unwrap_or(path);
        // Opening a version of a pair shows the pair (the series stays a menu click away).
        self.series.shown = false;
        // The messages about the file this side held, and about this file, are out of date.
        let before = self
            .side(side)
            .loading
            .clone()
            .or_else(|| self.side(side).path.clone());
        if let Some(b) = before {
            forget_notices(&mut self.notices, &file_label(Some(&b)));
        }
        forget_notices(&mut self.notices, &file_label(Some(&path)));
        let s = self.side_mut(side);
        s.generation += 1;
        s.loading = Some(path.clone());
        let generation = s.generation;
        self.worker.load(side, generation, path);
    }

    fn copy_pair(&mut self, i: usize, what: CopyWhat) {
        let Some(c) = &self.comparison else {
            return;
        };
        let Some(p) = c.pairs.get(i) else {
            return;
        };
        let (text, label) = match what {
            CopyWhat::Old => (side_text(c, p, Side::Old), side_ids(c, p, Side::Old)),
            CopyWhat::New => (side_text(c, p, Side::New), side_ids(c, p, Side::New)),
            CopyWhat::Redline => (redline(c, p), format!("the redline of {}", id_label(c, p))),
        };
        if text.is_empty() {
            self.status_line = "Nothing to copy: that side has no paragraph".to_owned();
            return;
        }
        self.status_line = format!("Copied {label}");
        self.clipboard = Some(text);
    }

    fn drop_files(&mut self, files: Vec<PathBuf>, side: Option<Side>) {
        self.drop_choice = None;
        match files.as_slice() {
            [] => {}
            [one] => {
                let side = side.or(match (self.old.is_taken(), self.new.is_taken()) {
                    (false, _) => Some(Side::Old),
                    (true, false) => Some(Side::New),
                    (true, true) => None,
                });
                match side {
                    Some(side) => self.start_load(side, one.clone()),
                    None => self.drop_choice = Some(one.clone()),
                }
            }
            _ => self.open_first_two(&files, "dropped"),
        }
    }

    /// Open the first two of `files` (at least two) as old and new; a notice names any others.
    /// `how` says how they came: `dropped`, `given`.
    fn open_first_two(&mut self, files: &[PathBuf], how: &str) {
        let [old, new, rest @ ..] = files else {
            return;
        };
        if !rest.is_empty() {
            self.notices.push(Notice::warning(format!(
                "{} files were {how}; the first two are compared ({} as old, {} as new) and the others are ignored.",
                files.len(),
                file_label(Some(old)),
                file_label(Some(new))
            )));
        }
        let (old, new) = (old.clone(), new.clone());
        self.apply(Command::OpenPair(old, new));
    }

    fn swap(&mut self) {
        std::mem::swap(&mut self.old, &mut self.new);
        // Results in flight were requested for the other slot: drop them and ask again.
        let (go, gn) = (self.old.generation, self.new.generation);
        let g = go.max(gn) + 1;
        self.old.generation = g;
        self.new.generation = g;
        for side in [Side::Old, Side::New] {
            if let Some(p) = self.side(side).loading.clone() {
                self.start_load(side, p);
            }
        }
        self.maybe_compare();
    }

    /// Take the results of finished background jobs into the state.
    pub fn poll(&mut self) {
        for r in self.worker.try_collect() {
            self.handle(r);
        }
        self.poll_series();
    }

    /// Block until no job is running (or `timeout` passes); true when idle.
    pub fn wait_idle(&mut self, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        self.poll();
        while self.is_busy() {
            let now = Instant::now();
            if now >= end {
                return false;
            }
            if let Some(r) = self.worker.wait_one(end - now) {
                self.handle(r);
            }
        }
        true
    }

    fn handle(&mut self, r: JobResult) {
        match r {
            JobResult::Loaded {
                side,
                generation,
                path,
                result,
            } => {
                if generation != self.side(side).generation {
                    return;
                }
                self.side_mut(side).loading = None;
                match result {
                    Ok(doc) => {
                        let mut warnings: Vec<String> = doc.warnings.clone();
                        if !doc.structured {
                            // Said first and plainly: the comparison of such a file is only
                            // a comparison of text blocks.
                            warnings.retain(|w| !w.contains("not recognised as a resolution"));
                            let name = file_label(Some(&path));
                            self.notices.push(
                                Notice::error(format!(
                                    "{name} does not look like a resolution: no preambular or operative paragraphs were found. It is shown as plain text blocks, and not added to Recent."
                                ))
                                .about(name),
                            );
                        }
                        let s = self.side_mut(side);
                        s.doc = Some(Arc::new(*doc));
                        s.path = Some(path.clone());
                        add_warnings(&mut self.notices, &file_label(Some(&path)), &warnings);
                        self.finish_reload();
                        self.maybe_compare();
                    }
                    Err(msg) => {
                        self.notices.push(
                            Notice::error(format!(
                                "Could not open {} as the {} document: {msg}",
                                path.display(),
                                side.label()
                            ))
                            .about(file_label(Some(&path))),
                        );
                        self.maybe_compare();
                    }
                }
            }
            JobResult::Compared {
                generation,
                comparison,
                elapsed,
            } => {
                if generation != self.compare_generation {
                    return;
                }
                self.comparing = false;
                self.compare_time = Some(elapsed);
                forget_notices(&mut self.notices, "comparison");
                add_warnings(&mut self.notices, "comparison", &comparison.warnings);
                self.changes = crate::changes::changes(&comparison);
                self.comparison = Some(Arc::new(*comparison));
                // Only pairs of resolutions go to Recent (not a stray text file).
                if let (Some(o), Some(n)) = (self.old.path.clone(), self.new.path.clone())
                    && self
                        .comparison
                        .as_ref()
                        .is_some_and(|c| c.old.structured && c.new.structured)
                {
                    self.settings.push_recent(o, n);
                }
                self.current = None;
                self.current_hit = None;
                self.rebuild_rows();
                self.recompute_hits();
                self.scroll_request = Some(0);
            }
            JobResult::CompareFailed {
                generation,
                message,
            } => {
                if generation == self.compare_generation {
                    self.comparing = false;
                    self.notices.push(Notice::error(message));
                }
            }
        }
    }

    /// After a reload, once nothing is being read: say so.
    fn finish_reload(&mut self) {
        if !self.reloading || self.old.loading.is_some() || self.new.loading.is_some() {
            return;
        }
        self.reloading = false;
        let files: Vec<String> = [&self.old, &self.new]
            .iter()
            .filter_map(|s| s.path.as_deref())
            .map(|p| file_label(Some(p)))
            .collect();
        self.status_line = format!("Reloaded {} from disk", files.join(" and "));
    }

    /// Start a comparison when both documents are loaded and nothing is being read.
    fn maybe_compare(&mut self) {
        if self.old.loading.is_some() || self.new.loading.is_some() {
            return;
        }
        let (Some(o), Some(n)) = (self.old.doc.clone(), self.new.doc.clone()) else {
            return;
        };
        if let Some(c) = &self.comparison
            && c.old == *o
            && c.new == *n
        {
            return;
        }
        self.compare_generation += 1;
        self.comparing = true;
        self.worker
            .compare(self.compare_generation, (*o).clone(), (*n).clone());
    }

    /// Rebuild the displayed rows from the comparison and the filter.
    pub fn rebuild_rows(&mut self) {
        self.rows.clear();
        let Some(c) = self.comparison.clone() else {
            return;
        };
        let filter = self.settings.filter;
        let pairs = &c.pairs;
        let mut pair_of_old: Vec<Option<usize>> = vec![None; c.old.paragraphs.len()];
        for (i, p) in pairs.iter().enumerate() {
            for &o in &p.old {
                if let Some(slot) = pair_of_old.get_mut(o) {
                    *slot = Some(i);
                }
            }
        }
        let mut after: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut at_start = Vec::new();
        for (i, p) in pairs.iter().enumerate() {
            if p.status != Status::Moved || p.new.is_empty() {
                continue;
            }
            let Some(&first_old) = p.old.iter().min() else {
                continue;
            };
            let anchor = (0..first_old).rev().find_map(|k| {
                pair_of_old
                    .get(k)
                    .copied()
                    .flatten()
                    .filter(|q| pairs.get(*q).is_some_and(|pq| pq.status != Status::Moved))
            });
            match anchor {
                Some(q) => after.entry(q).or_default().push(i),
                None => at_start.push(i),
            }
        }
        let accepts = |i: usize| pairs.get(i).is_some_and(|p| filter.accepts(p));
        for m in at_start {
            if accepts(m) {
                self.rows.push(Row::MovedFrom(m));
            }
        }
        for i in 0..pairs.len() {
            if accepts(i) {
                self.rows.push(Row::Pair(i));
            }
            if let Some(ms) = after.get(&i) {
                for &m in ms {
                    if accepts(m) {
                        self.rows.push(Row::MovedFrom(m));
                    }
                }
            }
        }
        self.recompute_hits();
    }

    /// The row index showing pair `i`.
    pub fn row_of_pair(&self, i: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == Row::Pair(i))
    }

    /// The row index of the “moved from here” marker of pair `i`.
    pub fn row_of_moved_from(&self, i: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == Row::MovedFrom(i))
    }

    /// Scroll to and focus the row of pair `i`, showing all rows if the filter hides it.
    pub fn go_to_pair(&mut self, i: usize) {
        let Some(c) = &self.comparison else {
            return;
        };
        if i >= c.pairs.len() {
            return;
        }
        if self.row_of_pair(i).is_none() {
            self.settings.filter = Filter::All;
            self.rebuild_rows();
        }
        self.current = Some(i);
        self.scroll_request = self.row_of_pair(i);
    }

    /// Scroll to the “moved from here” marker of pair `i`.
    pub fn go_to_moved_from(&mut self, i: usize) {
        if let Some(r) = self.row_of_moved_from(i) {
            self.current = Some(i);
            self.scroll_request = Some(r);
        }
    }

    /// The changes the list shows, as indices into [`Self::changes`]: those of the kind filter
    /// whose row the row filter shows, in the chosen order; the routine ones apart (second).
    pub fn listed_changes(&self) -> (Vec<usize>, Vec<usize>) {
        let Some(c) = &self.comparison else {
            return (Vec::new(), Vec::new());
        };
        let filter = self.settings.filter;
        let keep = |k: &usize| {
            self.changes.get(*k).is_some_and(|ch| {
                self.change_kind.accepts(ch)
                    && c.pairs.get(ch.pair).is_some_and(|p| filter.accepts(p))
            })
        };
        let order: Vec<usize> = match self.change_order {
            ChangeOrder::Document => (0..self.changes.len()).collect(),
            ChangeOrder::Consequence => crate::changes::triage_order(&self.changes),
        };
        let (routine, main): (Vec<usize>, Vec<usize>) = order
            .into_iter()
            .filter(keep)
            .partition(|k| self.changes[*k].is_routine());
        (main, routine)
    }

    /// The change at the current pair, as an index into [`Self::changes`].
    pub fn current_change(&self) -> Option<usize> {
        let cur = self.current?;
        self.changes.iter().position(|ch| ch.pair == cur)
    }

    /// The line under the change list's filters: `47 changes · 4 routine · 314 only renumbered`.
    pub fn change_count_line(&self, main: usize, routine: usize) -> String {
        let Some(c) = &self.comparison else {
            return String::new();
        };
        let position_only = c
            .pairs
            .iter()
            .filter(|p| !crate::changes::is_listed(p) && p.status != Status::Unchanged)
            .count();
        let mut s = format!(
            "{main} change{} · {routine} routine",
            if main == 1 { "" } else { "s" }
        );
        if position_only > 0 {
            s.push_str(&format!(
                " · {position_only} only renumbered (not listed; see Summary)"
            ));
        }
        s
    }

    /// Go to change `k` of [`Self::changes`] and say where it stands in the list.
    pub fn go_to_change(&mut self, k: usize) {
        let Some(ch) = self.changes.get(k) else {
            return;
        };
        let (pair, routine) = (ch.pair, ch.is_routine());
        if routine {
            self.routine_open = true;
        }
        self.go_to_pair(pair);
        self.status_line = self.listed_change_status(k);
    }

    /// "Change n of N" for change `k` in the change list as listed now (routine group last), or
    /// that the list's filter hides it.
    fn listed_change_status(&self, k: usize) -> String {
        let (main, rest) = self.listed_changes();
        let nav: Vec<usize> = main.into_iter().chain(rest).collect();
        match nav.iter().position(|&x| x == k) {
            Some(n) => self.change_status(n, nav.len(), k),
            None => format!(
                "Change {}: not in the change list's filter",
                self.changes[k].ids
            ),
        }
    }

    /// After the list's order or filters changed: a "Change n of N" status line says where the
    /// current change stands in the new list (or that the filter hides it).
    fn refresh_change_status(&mut self) {
        if !self.status_line.starts_with("Change ") {
            return;
        }
        let Some(k) = self.current_change() else {
            return;
        };
        self.status_line = self.listed_change_status(k);
    }

    fn change_status(&self, n: usize, total: usize, k: usize) -> String {
        let ch = &self.changes[k];
        format!(
            "Change {} of {total}: {} {}{}",
            n + 1,
            ch.ids,
            ch.kinds_label(),
            if ch.is_routine() { " (routine)" } else { "" }
        )
    }

    fn step_change(&mut self, forward: bool) {
        if self.comparison.is_none() {
            return;
        }
        let (main, routine) = self.listed_changes();
        let nav: Vec<usize> = main.into_iter().chain(routine).collect();
        let here = self
            .current_change()
            .and_then(|k| nav.iter().position(|&x| x == k));
        let target: Option<usize> = match (here, self.change_order) {
            (Some(n), _) => {
                if forward {
                    nav.get(n + 1).copied()
                } else {
                    n.checked_sub(1).and_then(|m| nav.get(m).copied())
                }
            }
            (None, ChangeOrder::Consequence) => {
                if forward {
                    nav.first().copied()
                } else {
                    nav.last().copied()
                }
            }
            (None, ChangeOrder::Document) => {
                // From the current row (or the top of the view): the first change of the list
                // below it (main list first, then the routine group), or the last above it.
                let here_row = self
                    .current
                    .and_then(|p| self.row_of_pair(p))
                    .map(|r| r as isize)
                    .unwrap_or(if forward {
                        self.top_row as isize - 1
                    } else {
                        self.top_row as isize
                    });
                let row_of = |k: &usize| {
                    self.changes
                        .get(*k)
                        .and_then(|ch| self.row_of_pair(ch.pair))
                        .map_or(-1, |r| r as isize)
                };
                if forward {
                    nav.iter().copied().find(|k| row_of(k) > here_row)
                } else {
                    nav.iter()
                        .rev()
                        .copied()
                        .find(|k| (0..here_row).contains(&row_of(k)))
                }
            }
        };
        match target {
            Some(k) => self.go_to_change(k),
            None => {
                self.status_line = if forward {
                    "No more changes below".to_owned()
                } else {
                    "No more changes above".to_owned()
                };
            }
        }
    }

    fn jump_to(&mut self, query: &str) {
        let Some(c) = self.comparison.clone() else {
            return;
        };
        let q = query.trim();
        if q.is_empty() {
            return;
        }
        let mut id = q.to_ascii_uppercase().replace(' ', "");
        if id.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
            id = format!("OP{id}");
        }
        let matches = |doc: &Resolution, idx: &Vec<usize>| {
            idx.iter().any(|i| {
                doc.paragraphs
                    .get(*i)
                    .is_some_and(|p| p.id.eq_ignore_ascii_case(&id))
            })
        };
        let in_new = c.pairs.iter().position(|p| matches(&c.new, &p.new));
        let found = in_new.map(|i| (i, Side::New)).or_else(|| {
            c.pairs
                .iter()
                .position(|p| matches(&c.old, &p.old))
                .map(|i| (i, Side::Old))
        });
        match found {
            Some((i, side)) => {
                self.go_to_pair(i);
                let (here, there) = c.pairs.get(i).map_or((id.clone(), String::new()), |p| {
                    let here = super::text::side_paragraphs(&c, p, side)
                        .iter()
                        .find(|q| q.id.eq_ignore_ascii_case(&id))
                        .map_or(id.clone(), |q| q.id.clone());
                    (here, super::text::side_ids(&c, p, side_other(side)))
                });
                let other = side_other(side).label();
                let tail = if there.is_empty() {
                    format!("; not in the {other} version")
                } else if there == here {
                    format!("; {there} in the {other} version too")
                } else {
                    format!("; {there} in the {other} version")
                };
                self.status_line =
                    format!("Jumped to {here} of the {} version{tail}", side.label());
            }
            None => {
                self.status_line = format!("No paragraph {id} in either document");
            }
        }
    }

    /// Recount search hits over the shown rows.
    pub fn recompute_hits(&mut self) {
        self.hits.clear();
        let q = self.search.trim();
        let Some(c) = &self.comparison else {
            return;
        };
        if q.is_empty() {
            self.current_hit = None;
            return;
        }
        for row in &self.rows {
            if let Row::Pair(i) = row
                && let Some(p) = c.pairs.get(*i)
            {
                let n = find_matches(&side_text(c, p, Side::Old), q).len()
                    + find_matches(&side_text(c, p, Side::New), q).len();
                if n > 0 {
                    self.hits.push((*i, n));
                }
            }
        }
        if self.current_hit.is_some_and(|h| h >= self.hits.len()) {
            self.current_hit = None;
        }
    }

    /// Total number of search hits over the shown rows.
    pub fn hit_total(&self) -> usize {
        self.hits.iter().map(|(_, n)| n).sum()
    }

    fn step_hit(&mut self, forward: bool) {
        if self.hits.is_empty() {
            self.status_line = if self.search.trim().is_empty() {
                String::new()
            } else {
                format!("No match for “{}”", self.search.trim())
            };
            return;
        }
        let n = self.hits.len();
        let next = match (self.current_hit, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(h), true) => (h + 1) % n,
            (Some(h), false) => (h + n - 1) % n,
        };
        self.current_hit = Some(next);
        if let Some((pair, _)) = self.hits.get(next).copied() {
            self.current = Some(pair);
            self.scroll_request = self.row_of_pair(pair);
            self.status_line = format!("Row {} of {} with hits", next + 1, n);
        }
    }
}

fn side_other(side: Side) -> Side {
    match side {
        Side::Old => Side::New,
        Side::New => Side::Old,
    }
}

/// The file name of a path, for labels.
pub fn file_label(path: Option<&Path>) -> String {
    path.and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".to_owned())
}

pub(super) fn add_warnings(notices: &mut Vec<Notice>, source: &str, warnings: &[String]) {
    const SHOWN: usize = 3;
    let mut push = |n: Notice| {
        if !notices
            .iter()
            .any(|m| m.level == n.level && m.text == n.text)
        {
            notices.push(n);
        }
    };
    for w in warnings.iter().take(SHOWN) {
        push(Notice::warning(format!("{source}: {w}")).about(source));
    }
    if warnings.len() > SHOWN {
        push(
            Notice::warning(format!(
                "{source}: {} more warnings",
                warnings.len() - SHOWN
            ))
            .about(source),
        );
    }
}

/// Remove the messages about `source` (a file replaced or read again, a comparison redone).
pub(super) fn forget_notices(notices: &mut Vec<Notice>, source: &str) {
    notices.retain(|n| n.source.as_deref() != Some(source));
}
