//! The document model: what a parsed resolution is.
//!
//! Data flows one way through the engine: bytes → text (`ingest`) → [`Resolution`] (`parse`)
//! → `Comparison` (`align`, `diff`, `compare`) → views and reports. The types here are plain data,
//! serialisable with serde, and carry no behaviour beyond small accessors.

mod footnote;
mod metadata;
mod paragraph;
mod resolution;

pub use footnote::{Footnote, FootnoteRef};
pub use metadata::{DocumentKind, Metadata};
pub use paragraph::{Paragraph, ParagraphKind, Part};
pub use resolution::{Resolution, TextFlavour};
