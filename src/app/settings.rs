//! Settings persisted between runs with eframe storage (RON via serde).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::filter::Filter;

/// The storage key under which the settings are saved.
pub const SETTINGS_KEY: &str = "resdiff.settings";

/// Most recent pairs kept in File ▸ Recent.
pub const MAX_RECENT: usize = 10;

/// Smallest and largest interface scale.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// Smallest and largest document text size, in points.
pub const TEXT_SIZE_RANGE: (f32, f32) = (10.0, 28.0);

/// Light, dark, or whatever the operating system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemePref {
    /// Follow the system theme.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemePref {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ThemePref::System => "Follow system",
            ThemePref::Light => "Light",
            ThemePref::Dark => "Dark",
        }
    }
}

/// An old/new pair of files opened together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentPair {
    /// The old document.
    pub old: PathBuf,
    /// The new document.
    pub new: PathBuf,
}

/// Everything the application remembers between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Colour theme.
    pub theme: ThemePref,
    /// Size of the document text, in points.
    pub text_size: f32,
    /// Which rows are shown.
    pub filter: Filter,
    /// Whether the summary side panel is open.
    pub side_panel: bool,
    /// Width share of the old column, 0.2–0.8.
    pub split: f32,
    /// Recently compared pairs, newest first.
    pub recent: Vec<RecentPair>,
    /// Scale of the whole interface (Ctrl+= / Ctrl+-), 1.0 = 100 %.
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemePref::System,
            text_size: 15.0,
            filter: Filter::All,
            side_panel: true,
            split: 0.5,
            recent: Vec::new(),
            zoom: 1.0,
        }
    }
}

impl Settings {
    /// Read the settings from a RON string. Anything unreadable gives the defaults and a
    /// message saying so; out-of-range values are clamped.
    pub fn from_ron(text: &str) -> (Self, Option<String>) {
        match ron::from_str::<Settings>(text) {
            Ok(mut s) => {
                s.sanitize();
                (s, None)
            }
            Err(e) => (
                Settings::default(),
                Some(format!(
                    "Saved settings could not be read ({e}); defaults are used."
                )),
            ),
        }
    }

    /// The settings as RON.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string(self)
    }

    /// Load from eframe storage (defaults when absent or unreadable, with a message when unreadable).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> (Self, Option<String>) {
        match storage.and_then(|s| s.get_string(SETTINGS_KEY)) {
            Some(text) => Self::from_ron(&text),
            None => (Settings::default(), None),
        }
    }

    /// Save into eframe storage.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = self.to_ron() {
            storage.set_string(SETTINGS_KEY, text);
        }
    }

    /// Clamp values that a hand-edited or older file could hold out of range.
    pub fn sanitize(&mut self) {
        let (lo, hi) = TEXT_SIZE_RANGE;
        if !self.text_size.is_finite() {
            self.text_size = Settings::default().text_size;
        }
        self.text_size = self.text_size.clamp(lo, hi);
        if !self.split.is_finite() {
            self.split = 0.5;
        }
        self.split = self.split.clamp(0.2, 0.8);
        if !self.zoom.is_finite() {
            self.zoom = 1.0;
        }
        self.zoom = self.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        self.recent.truncate(MAX_RECENT);
    }

    /// Put a pair at the top of the recent list (once).
    pub fn push_recent(&mut self, old: PathBuf, new: PathBuf) {
        let pair = RecentPair { old, new };
        self.recent.retain(|p| *p != pair);
        self.recent.insert(0, pair);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Status;
    use std::path::Path;

    #[test]
    fn round_trip() {
        let mut s = Settings {
            theme: ThemePref::Dark,
            text_size: 18.0,
            filter: Filter::Status(Status::Moved),
            side_panel: false,
            split: 0.4,
            recent: vec![],
            zoom: 1.5,
        };
        s.push_recent("a.txt".into(), "b.txt".into());
        let text = s.to_ron().unwrap();
        let (back, msg) = Settings::from_ron(&text);
        assert_eq!(back, s);
        assert!(msg.is_none());
    }

    #[test]
    fn garbage_falls_back_to_defaults_with_message() {
        for garbage in ["", "((((", "Settings(theme: Purple)", "42", "\u{0}\u{1}xyz"] {
            let (s, msg) = Settings::from_ron(garbage);
            assert_eq!(s, Settings::default(), "input {garbage:?}");
            assert!(msg.unwrap().contains("defaults"), "input {garbage:?}");
        }
    }

    #[test]
    fn old_partial_value_keeps_known_fields_and_clamps() {
        let (s, msg) = Settings::from_ron("(text_size: 400.0, split: -3.0)");
        assert!(msg.is_none());
        assert_eq!(s.text_size, TEXT_SIZE_RANGE.1);
        assert_eq!(s.split, 0.2);
        assert_eq!(s.theme, ThemePref::System);
    }

    #[test]
    fn recent_is_deduplicated_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.push_recent(format!("o{i}").into(), "n".into());
        }
        s.push_recent("o3".into(), "n".into());
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0].old, PathBuf::from("o3"));
        assert_eq!(
            s.recent.iter().filter(|p| p.old == Path::new("o3")).count(),
            1
        );
    }
}
