use std::fmt;
use std::str::FromStr;

/// Which pairs a report shows (HTML, PDF, Markdown, CSV, text). DOCX and JSON always hold the
/// whole comparison: a Word document must accept to the complete new text and reject to the
/// complete old one, and JSON is the full record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Only {
    /// Every pair, unchanged ones included.
    #[default]
    All,
    /// Pairs with any change (substantive, routine, footnotes, renumbered or moved).
    Changes,
    /// Pairs with a substantive change, footnote-only changes included.
    Substantive,
}

impl Only {
    /// All choices, in the order they are offered.
    pub const ALL: [Only; 3] = [Only::All, Only::Changes, Only::Substantive];

    /// The name on the command line: `all`, `changes`, `substantive`.
    pub fn name(self) -> &'static str {
        match self {
            Only::All => "all",
            Only::Changes => "changes",
            Only::Substantive => "substantive",
        }
    }
}

/// Which views of the text an HTML or PDF report holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Old and new text in two columns (HTML: a table; PDF: two columns per pair).
    SideBySide,
    /// One text with deletions struck through and insertions underlined.
    Redline,
    /// Both views (HTML: the side-by-side table, then the redline; PDF: the redline, since a
    /// printed side-by-side of every paragraph doubles the page count).
    #[default]
    Both,
}

impl Layout {
    /// All choices, in the order they are offered.
    pub const ALL: [Layout; 3] = [Layout::SideBySide, Layout::Redline, Layout::Both];

    /// The name on the command line: `side-by-side`, `redline`, `both`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::SideBySide => "side-by-side",
            Layout::Redline => "redline",
            Layout::Both => "both",
        }
    }
}

macro_rules! name_traits {
    ($t:ty, $what:literal) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl FromStr for $t {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let s = s.trim().to_ascii_lowercase();
                Self::ALL
                    .into_iter()
                    .find(|v| v.name() == s)
                    .ok_or_else(|| {
                        let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
                        format!("unknown {} `{s}` (expected {})", $what, names.join(", "))
                    })
            }
        }
    };
}

name_traits!(Only, "--only choice");
name_traits!(Layout, "layout");

/// Options that change how a report is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Start CSV output with a UTF-8 byte-order mark so that Excel detects the encoding.
    pub csv_bom: bool,
    /// Use ANSI colours in the text format (red strike-through for deletions, green underline
    /// for insertions).
    pub color: bool,
    /// Author recorded on DOCX tracked changes (`w:author`); routine updates are recorded as
    /// `AUTHOR (routine update)`, so Word can accept them apart from the rest.
    pub author: String,
    /// ISO 8601 date-time recorded on DOCX tracked changes (`w:date`), in document properties and
    /// on the cover of HTML and PDF reports; `None` means the current time (UTC).
    pub date: Option<String>,
    /// Name shown for the old document when it has neither symbol nor title (e.g. its file
    /// name); `None` means "old document".
    pub old_label: Option<String>,
    /// Name shown for the new document when it has neither symbol nor title.
    pub new_label: Option<String>,
    /// Which pairs the report shows.
    pub only: Only,
    /// Which views an HTML or PDF report holds.
    pub layout: Layout,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            csv_bom: false,
            color: false,
            author: "resdiff".to_string(),
            date: None,
            old_label: None,
            new_label: None,
            only: Only::All,
            layout: Layout::Both,
        }
    }
}

/// The author to record on tracked changes when none is given: the user's login name from the
/// environment (`USER`, else `USERNAME`, else `LOGNAME`), else `resdiff`.
pub fn default_author() -> String {
    author_from(|k| std::env::var(k).ok())
}

/// [`default_author`] with the environment given as a lookup (for tests).
pub fn author_from(var: impl Fn(&str) -> Option<String>) -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .filter_map(var)
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "resdiff".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_unknown_ones_are_named() {
        for o in Only::ALL {
            assert_eq!(o.name().parse::<Only>(), Ok(o));
        }
        for l in Layout::ALL {
            assert_eq!(l.name().parse::<Layout>(), Ok(l));
        }
        let err = "some".parse::<Only>().unwrap_err();
        assert!(err.contains("some") && err.contains("substantive"), "{err}");
    }

    #[test]
    fn author_comes_from_the_environment_else_resdiff() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(author_from(env(&[("USER", "amina")])), "amina");
        assert_eq!(
            author_from(env(&[("USER", " "), ("USERNAME", "J. Doe")])),
            "J. Doe"
        );
        assert_eq!(author_from(env(&[("LOGNAME", "lo")])), "lo");
        assert_eq!(author_from(env(&[])), "resdiff");
    }
}
