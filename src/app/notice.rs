//! Messages shown to the user (errors, warnings, information).

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something failed (a file could not be read).
    Error,
    /// Something was worked around.
    Warning,
    /// For information.
    Info,
}

/// One message in the notice bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Error, warning or information.
    pub level: Level,
    /// The readable message.
    pub text: String,
    /// What the message is about: a file's name, or `comparison`; a message about a file goes
    /// when that file is replaced or read again.
    pub source: Option<String>,
}

impl Notice {
    /// An error notice.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            level: Level::Error,
            text: text.into(),
            source: None,
        }
    }

    /// A warning notice.
    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            text: text.into(),
            source: None,
        }
    }

    /// The same notice, about `source` (a file name or `comparison`).
    pub fn about(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// An information notice.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            level: Level::Info,
            text: text.into(),
            source: None,
        }
    }
}
