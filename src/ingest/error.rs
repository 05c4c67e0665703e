//! Errors of the ingest step: every message names the file and says what is wrong in plain words.

use thiserror::Error;

/// Why a file could not be turned into text.
///
/// `name` is the file name or path as the user gave it, so every message can be shown as it is.
#[derive(Debug, Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{name} does not exist")]
    NotFound {
        /// The file as named by the user.
        name: String,
    },
    /// The path is a directory, not a file.
    #[error("{name} is a folder, not a file")]
    IsDirectory {
        /// The file as named by the user.
        name: String,
    },
    /// Reading the file failed (permissions, I/O error).
    #[error("could not read {name}: {source}")]
    Io {
        /// The file as named by the user.
        name: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`super::MAX_FILE_BYTES`].
    #[error("{name} is too large ({size} bytes, {size_mib:.1} MiB); the limit is {max_mib} MiB")]
    TooLarge {
        /// The file as named by the user.
        name: String,
        /// Its size in bytes.
        size: u64,
        /// Its size in MiB, for the message.
        size_mib: f64,
        /// The limit in MiB.
        max_mib: u64,
    },
    /// The file has no content, or only whitespace.
    #[error("{name} is empty")]
    Empty {
        /// The file as named by the user.
        name: String,
    },
    /// The file holds something that is not a document this program reads (an image, a program,
    /// a spreadsheet, binary data …).
    #[error("{name} is {what}, not a document resdiff can read (use .txt, .docx, .pdf or .html)")]
    Unsupported {
        /// The file as named by the user.
        name: String,
        /// What the file was recognised as, with an article: "a PNG image", "a program (ELF)".
        what: String,
    },
    /// A PDF file that could not be read (damaged, truncated, encrypted).
    #[error("{name} looks like a PDF but cannot be read: {detail}")]
    BadPdf {
        /// The file as named by the user.
        name: String,
        /// What went wrong, in plain words.
        detail: String,
    },
    /// A Word (.docx) file that could not be read (damaged, truncated).
    #[error("{name} looks like a Word (.docx) document but cannot be read: {detail}")]
    BadDocx {
        /// The file as named by the user.
        name: String,
        /// What went wrong, in plain words.
        detail: String,
    },
    /// A document that was read but holds no text (for example a scanned PDF without text layer).
    #[error("{name} contains no text{hint}")]
    NoText {
        /// The file as named by the user.
        name: String,
        /// Extra explanation starting with a separator, or empty.
        hint: String,
    },
}
