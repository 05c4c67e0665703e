use serde::{Deserialize, Serialize};

/// What a diff operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// Text present in both versions.
    Equal,
    /// Text only in the new version.
    Insert,
    /// Text only in the old version.
    Delete,
}

/// One run of a word-level diff. Concatenating the `Equal` and `Delete` runs gives the old text
/// exactly; concatenating the `Equal` and `Insert` runs gives the new text exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    /// Equal, insert or delete.
    pub op: OpKind,
    /// The text of the run, including its spacing.
    pub text: String,
    /// True when this insert/delete is part of a routine annual update (symbol, date, year,
    /// session ordinal), so views can mute it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub routine: bool,
    /// Why the run is routine: the rollover rule that made it so (`session +1 = document gap`),
    /// so a user can audit every muted change. `None` when the run is not routine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routine_reason: Option<String>,
}

impl DiffOp {
    /// A run of `op` with `text`, not routine.
    pub fn new(op: OpKind, text: impl Into<String>) -> Self {
        Self {
            op,
            text: text.into(),
            routine: false,
            routine_reason: None,
        }
    }
}

/// The old text the ops describe (equal + delete runs).
pub fn old_text(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|o| o.op != OpKind::Insert)
        .map(|o| o.text.as_str())
        .collect()
}

/// The new text the ops describe (equal + insert runs).
pub fn new_text(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|o| o.op != OpKind::Delete)
        .map(|o| o.text.as_str())
        .collect()
}
