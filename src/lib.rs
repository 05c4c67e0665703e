//! resdiff: compare versions of UN General Assembly resolutions.
//!
//! Data flows one way: bytes → text ([`ingest`]) → [`model::Resolution`] ([`parse`]) →
//! [`compare::Comparison`] ([`align`], [`diff`], [`compare`]) → views and reports ([`report`]).
//! Nothing in the engine depends on the GUI ([`app`], behind the default `gui` feature).

pub mod align;
#[cfg(feature = "gui")]
pub mod app;
pub mod changes;
pub mod compare;
pub mod corpus;
pub mod diff;
pub(crate) mod fxhash;
pub mod ingest;
pub mod launch;
pub mod model;
mod par;
pub mod parse;
pub mod provenance;
pub mod report;
pub mod series;
mod vocab;

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
    if doc.meta.symbol.is_none()
        && doc.structured
        && let Some(symbol) = symbol_from_file_name(path)
    {
        doc.warnings.push(format!(
            "the text names no document symbol; {symbol} is taken from the file name"
        ));
        if doc.meta.session.is_none() {
            doc.meta.session = session_of_symbol(&symbol);
        }
        doc.meta.symbol = Some(symbol);
    }
    Ok(doc)
}

/// A UN document symbol spelled in a file name the way the UN and this corpus do
/// (`A_RES_65_141.txt` → `A/RES/65/141`, `A_C.2_80_L.17.docx` → `A/C.2/80/L.17`).
pub fn symbol_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let parts: Vec<&str> = stem.split('_').collect();
    let body = parts.first()?;
    let series_ok = matches!(*body, "A" | "E" | "S");
    let parts_ok = parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        })
        && parts.iter().any(|p| p.chars().all(|c| c.is_ascii_digit()));
    (series_ok && parts_ok).then(|| parts.join("/"))
}

/// The session number in a symbol (`A/RES/65/141` → 65, `A/C.2/80/L.17` → 80).
fn session_of_symbol(symbol: &str) -> Option<u32> {
    symbol
        .split('/')
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
        .and_then(|p| p.parse().ok())
}

/// Load two files (in parallel) and compare them (old → new).
pub fn compare_files(old: &Path, new: &Path) -> Result<compare::Comparison, IngestError> {
    let (old, new) = load_both(old, new)?;
    Ok(compare::compare(old, new))
}

/// Start the helper thread that [`load_both`] and the comparison use now, on another core: called
/// before work that does not need it (reading the command line), its start-up overlaps that work
/// instead of delaying the reading of the files.
pub fn prepare_threads() {
    par::prepare(read_cpu_features);
}

/// Read the CPU's features, which `memchr`'s vector searches (the parser's and the aligner's
/// substring searches) ask for on first use (`std_detect`, cached for the process). On a virtual
/// machine every CPUID instruction traps to the hypervisor (about 9 µs each on the project's
/// machine kind, several per reading): run by the helper that [`prepare_threads`] starts, this
/// overlaps the argument parsing instead of delaying the first searches of both threads.
fn read_cpu_features() {
    #[cfg(target_arch = "x86_64")]
    let _ = std::arch::is_x86_feature_detected!("avx2");
}

/// Read and parse two files (in parallel), the first error winning.
pub fn load_both(
    old: &Path,
    new: &Path,
) -> Result<(model::Resolution, model::Resolution), IngestError> {
    let (old, new) = par::both(|| load(old), || load(new));
    Ok((old?, new?))
}

/// Parse two texts (in parallel) and compare them (old → new).
pub fn compare_texts(old: &str, new: &str) -> compare::Comparison {
    let (old, new) = par::both(|| parse::parse(old), || parse::parse(new));
    compare::compare(old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_from_file_names() {
        let s = |p: &str| symbol_from_file_name(Path::new(p));
        assert_eq!(
            s("sample_data/A_RES_65_141.txt").as_deref(),
            Some("A/RES/65/141")
        );
        assert_eq!(s("A_C.2_80_L.17.docx").as_deref(), Some("A/C.2/80/L.17"));
        assert_eq!(s("A_80_L.41.pdf").as_deref(), Some("A/80/L.41"));
        assert_eq!(s("draft_v2.txt"), None);
        assert_eq!(s("notes.txt"), None);
        assert_eq!(session_of_symbol("A/C.2/80/L.17"), Some(80));
    }
}
