//! Which rows of the comparison are shown.

use serde::{Deserialize, Serialize};

use crate::compare::{Pair, Status};
use crate::diff::ChangeKind;

/// A row filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Filter {
    /// Every row.
    #[default]
    All,
    /// Rows whose status is not unchanged.
    ChangesOnly,
    /// Rows with substantive changes (not only routine updates or renumbering).
    SubstantiveOnly,
    /// Rows with one status.
    Status(Status),
}

impl Filter {
    /// Human label.
    pub fn label(self) -> String {
        match self {
            Filter::All => "All paragraphs".to_owned(),
            Filter::ChangesOnly => "Changes only".to_owned(),
            Filter::SubstantiveOnly => "Substantive only".to_owned(),
            Filter::Status(s) => format!("Only {}", s.as_str()),
        }
    }

    /// Whether a pair passes the filter.
    pub fn accepts(self, pair: &Pair) -> bool {
        match self {
            Filter::All => true,
            Filter::ChangesOnly => is_change(pair),
            Filter::SubstantiveOnly => is_substantive(pair),
            Filter::Status(s) => pair.status == s,
        }
    }

    /// Every filter offered in the UI.
    pub fn choices() -> Vec<Filter> {
        let mut v = vec![Filter::All, Filter::ChangesOnly, Filter::SubstantiveOnly];
        v.extend(Status::ALL.iter().map(|s| Filter::Status(*s)));
        v
    }
}

/// A pair that is a change ([`crate::changes::is_listed`]): its text or footnotes changed, or it
/// was added, removed, moved, split or merged. A pair that was only renumbered is not (the
/// renumbering map in the summary lists it).
pub fn is_change(pair: &Pair) -> bool {
    crate::changes::is_listed(pair)
}

/// A pair with a change that matters: substantive text, changed footnotes, or a structural change.
pub fn is_substantive(pair: &Pair) -> bool {
    pair.class.kind.is_substantive()
        || matches!(
            pair.status,
            Status::Added | Status::Removed | Status::Split | Status::Merged
        )
        || (pair.status == Status::Moved && pair.class.kind != ChangeKind::Routine)
}
