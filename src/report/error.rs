use std::path::PathBuf;

/// Why a report could not be rendered or written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The format name is not one of `html|docx|pdf|md|json|csv|text`.
    #[error("unknown report format `{0}` (expected html, docx, pdf, md, json, csv or text)")]
    UnknownFormat(String),
    /// The output path is one of the input documents.
    #[error("refusing to write the report to {out}: it is the input file {input}")]
    OutputIsInput {
        /// The output path as given.
        out: PathBuf,
        /// The input it resolves to.
        input: PathBuf,
    },
    /// The output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The path that could not be written (the output file or its temporary sibling).
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Building the DOCX package failed.
    #[error("cannot build the Word document: {0}")]
    Docx(String),
    /// Building the PDF failed (font problem).
    #[error("cannot build the PDF: {0}")]
    Pdf(String),
    /// JSON serialisation failed.
    #[error("cannot serialise JSON: {0}")]
    Json(#[from] serde_json::Error),
}
