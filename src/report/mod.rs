//! Reports: render a [`Comparison`] (or a single [`Resolution`]) to HTML, Word, PDF, Markdown, JSON,
//! CSV or terminal text, and write the result atomically.
//!
//! Every renderer works from the same [`Comparison`] value; none of them re-computes the diff. The
//! entry point is [`render`]; [`resolution_json`] and [`resolution_text`] serve `resdiff parse`, and
//! [`write_atomic`] writes an output file without ever clobbering an input or leaving a partial file.

mod atomic;
mod common;
mod csv;
mod docx;
mod error;
mod format;
mod html;
mod json;
mod markdown;
mod options;
mod pdf;
mod provenance;
mod series;
mod subset;
mod text;

pub use atomic::write_atomic;
pub use error::ReportError;
pub use format::Format;
pub use json::{FORMAT_VERSION, comparison_json, resolution_json};
pub use options::RenderOptions;
pub use provenance::{
    provenance_html_section, provenance_json, provenance_paragraphs_json, provenance_text,
};
pub use series::{blame_json, blame_text, series_html, series_json, series_text};
pub use text::resolution_text;

use crate::compare::Comparison;

/// Render `c` in `format`.
///
/// Text formats (HTML, Markdown, JSON, CSV, text) are UTF-8; DOCX is a ZIP package; PDF is a PDF
/// file with an embedded font. Errors only come from the binary formats' writers.
pub fn render(
    c: &Comparison,
    format: Format,
    opts: &RenderOptions,
) -> Result<Vec<u8>, ReportError> {
    match format {
        Format::Html => Ok(html::render(c, opts).into_bytes()),
        Format::Docx => docx::render(c, opts),
        Format::Pdf => pdf::render(c, opts),
        Format::Markdown => Ok(markdown::render(c, opts).into_bytes()),
        Format::Json => json::render(c),
        Format::Csv => Ok(csv::render(c, opts.csv_bom)),
        Format::Text => Ok(text::render(c, opts).into_bytes()),
    }
}
