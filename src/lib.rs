//! resdiff: compare versions of UN General Assembly resolutions.
//!
//! Data flows one way: bytes → text ([`ingest`]) → [`model::Resolution`] ([`parse`]) →
//! [`compare::Comparison`] ([`align`], [`diff`], [`compare`]) → views and reports ([`report`]).
//! Nothing in the engine depends on the GUI ([`app`], behind the default `gui` feature).

pub mod align;
#[cfg(feature = "gui")]
pub mod app;
pub mod compare;
pub mod corpus;
pub mod diff;
pub mod ingest;
pub mod model;
pub mod parse;
pub mod report;

use std::path::Path;

pub use ingest::IngestError;

/// Read a file and parse it: `ingest` then `parse`. Warnings from reading (encoding guessed, format
/// differs from the extension, …) are carried into [`model::Resolution::warnings`].
pub fn load(path: &Path) -> Result<model::Resolution, IngestError> {
    let ingested = ingest::read_path(path)?;
    let mut doc = parse::parse(&ingested.text);
    let mut warnings = ingested.warnings;
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    Ok(doc)
}

/// Load two files and compare them (old → new).
pub fn compare_files(old: &Path, new: &Path) -> Result<compare::Comparison, IngestError> {
    let old = load(old)?;
    let new = load(new)?;
    Ok(compare::compare(old, new))
}
