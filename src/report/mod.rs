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
pub use json::{FORMAT_VERSION, comparison_json, render_resolution, resolution_json};
pub use options::{Layout, Only, RenderOptions, author_from, default_author};
pub use provenance::{
    provenance_html_section, provenance_json, provenance_paragraphs_json, provenance_text,
};
pub use series::{blame_json, blame_text, series_html, series_json, series_text};
pub use text::resolution_text;

use crate::compare::Comparison;

/// Render `c` in `format`.
///
/// Text formats (HTML, Markdown, JSON, CSV, text) are UTF-8; DOCX is a ZIP package; PDF is a PDF
/// file with an embedded font. Errors only come from the binary formats' writers. Warnings (an
/// option the format ignores, a footnote the Word document had to place at the end) are dropped
/// here; use [`render_with_warnings`] to show them.
pub fn render(
    c: &Comparison,
    format: Format,
    opts: &RenderOptions,
) -> Result<Vec<u8>, ReportError> {
    render_with_warnings(c, format, opts).map(|(bytes, _)| bytes)
}

/// [`render`], with what the reader should be told about the report: options this format
/// ignores, and (DOCX) footnotes that no paragraph references, kept at the end of the document.
pub fn render_with_warnings(
    c: &Comparison,
    format: Format,
    opts: &RenderOptions,
) -> Result<(Vec<u8>, Vec<String>), ReportError> {
    let mut warnings = Vec::new();
    if opts.only != Only::All && matches!(format, Format::Docx | Format::Json) {
        warnings.push(format!(
            "--only {} is ignored: a {} report always holds the whole comparison",
            opts.only,
            format.name()
        ));
    }
    if opts.layout != Layout::Both && !matches!(format, Format::Html | Format::Pdf) {
        warnings.push(format!(
            "--layout {} is ignored: only html and pdf reports have layouts",
            opts.layout
        ));
    }
    let bytes = match format {
        Format::Html => html::render(c, opts).into_bytes(),
        Format::Docx => docx::render(c, opts, &mut warnings)?,
        Format::Pdf => pdf::render(c, opts)?,
        Format::Markdown => markdown::render(c, opts).into_bytes(),
        Format::Json => json::render(c)?,
        Format::Csv => csv::render(c, opts),
        Format::Text => text::render(c, opts).into_bytes(),
    };
    Ok((bytes, warnings))
}
