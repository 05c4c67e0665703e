//! The application state and the command handler, independent of any window.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::compare::{Comparison, Status};
use crate::model::Resolution;
use crate::report::{self, Format, Layout, Only, RenderOptions};

use super::command::{Command, CopyWhat, Side};
use super::filter::{Filter, is_change};
use super::loader::{Engine, JobResult, Worker};
use super::notice::Notice;
use super::settings::{Settings, TEXT_SIZE_RANGE, ThemePref};
use super::text::{find_matches, id_label, redline, redline_of_rows, side_ids, side_text};

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
    /// A series of versions opened in the app (its own view, see [`super::series`]).
    pub series: super::series::SeriesState,
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
            Command::Swap => self.swap(),
            Command::Reload => {
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
            Command::ToggleSidePanel => self.settings.side_panel = !self.settings.side_panel,
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
                let s = self.side_mut(side);
                s.loading = None;
                match result {
                    Ok(doc) => {
                        let warnings: Vec<String> = doc.warnings.clone();
                        s.doc = Some(Arc::new(*doc));
                        s.path = Some(path.clone());
                        add_warnings(&mut self.notices, &file_label(Some(&path)), &warnings);
                        self.maybe_compare();
                    }
                    Err(msg) => {
                        self.notices.push(Notice::error(format!(
                            "Could not open {} as the {} document: {msg}",
                            path.display(),
                            side.label()
                        )));
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
                add_warnings(&mut self.notices, "comparison", &comparison.warnings);
                self.comparison = Some(Arc::new(*comparison));
                if let (Some(o), Some(n)) = (self.old.path.clone(), self.new.path.clone()) {
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

    fn step_change(&mut self, forward: bool) {
        let Some(c) = self.comparison.clone() else {
            return;
        };
        let here = self
            .current
            .and_then(|p| self.row_of_pair(p))
            .map(|r| r as isize)
            .unwrap_or(if forward {
                self.top_row as isize - 1
            } else {
                self.top_row as isize
            });
        let is_change_row = |r: &Row| match r {
            Row::Pair(i) => c.pairs.get(*i).is_some_and(is_change),
            Row::MovedFrom(_) => false,
        };
        let found = if forward {
            self.rows
                .iter()
                .enumerate()
                .skip((here + 1).max(0) as usize)
                .find(|(_, r)| is_change_row(r))
        } else {
            self.rows
                .iter()
                .enumerate()
                .take(here.max(0) as usize)
                .rev()
                .find(|(_, r)| is_change_row(r))
        };
        match found {
            Some((row, Row::Pair(i))) => {
                self.current = Some(*i);
                self.scroll_request = Some(row);
                let n = self.rows[..=row]
                    .iter()
                    .filter(|r| is_change_row(r))
                    .count();
                let total = self.rows.iter().filter(|r| is_change_row(r)).count();
                self.status_line = format!("Change {n} of {total}");
            }
            _ => {
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
        let found = c
            .pairs
            .iter()
            .position(|p| matches(&c.new, &p.new))
            .or_else(|| c.pairs.iter().position(|p| matches(&c.old, &p.old)));
        match found {
            Some(i) => {
                self.go_to_pair(i);
                self.status_line = format!("Jumped to {id}");
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

/// The file name of a path, for labels.
pub fn file_label(path: Option<&Path>) -> String {
    path.and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".to_owned())
}

pub(super) fn add_warnings(notices: &mut Vec<Notice>, source: &str, warnings: &[String]) {
    const SHOWN: usize = 3;
    for w in warnings.iter().take(SHOWN) {
        notices.push(Notice::warning(format!("{source}: {w}")));
    }
    if warnings.len() > SHOWN {
        notices.push(Notice::warning(format!(
            "{source}: {} more warnings",
            warnings.len() - SHOWN
        )));
    }
}
