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
}

impl Notice {
    /// An error notice.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            level: Level::Error,
            text: text.into(),
        }
    }

    /// A warning notice.
    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            text: text.into(),
        }
    }

    /// An information notice.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            level: Level::Info,
            text: text.into(),
        }
    }
}
