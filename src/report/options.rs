/// Options that change how a report is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Start CSV output with a UTF-8 byte-order mark so that Excel detects the encoding.
    pub csv_bom: bool,
    /// Use ANSI colours in the text format (red strike-through for deletions, green underline
    /// for insertions).
    pub color: bool,
    /// Author recorded on DOCX tracked changes (`w:author`).
    pub author: String,
    /// ISO 8601 date-time recorded on DOCX tracked changes (`w:date`) and in document properties;
    /// `None` means the current time (UTC).
    pub date: Option<String>,
    /// Name shown for the old document when it has neither symbol nor title (e.g. its file
    /// name); `None` means "old document".
    pub old_label: Option<String>,
    /// Name shown for the new document when it has neither symbol nor title.
    pub new_label: Option<String>,
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
        }
    }
}
