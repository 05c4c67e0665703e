//! Locating the shared corpus of real GA texts used by tests and benchmarks.
//!
//! The corpus is never part of the project: it is found through the `RESDIFF_CORPUS` environment
//! variable, defaulting to `../shared/corpus` relative to the crate root.

use std::path::{Path, PathBuf};

/// Where the corpus is expected: `$RESDIFF_CORPUS`, else `<crate>/../shared/corpus`.
pub fn expected_dir() -> PathBuf {
    match std::env::var_os("RESDIFF_CORPUS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

/// The corpus directory if it exists (it must hold `text/`).
///
/// When it is absent this returns `None` after printing a clear skip message to stderr — except
/// under `CI=true`, where a missing corpus is a failure and this panics (tests only).
pub fn dir_or_skip(what: &str) -> Option<PathBuf> {
    let dir = expected_dir();
    if dir.join("text").is_dir() {
        return Some(dir);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "corpus not found at {} (set RESDIFF_CORPUS); required under CI=true for {what}",
        dir.display()
    );
    say_skipped(&format!(
        "SKIPPED {what}: corpus not found at {} (set RESDIFF_CORPUS to run it)",
        dir.display()
    ));
    None
}

/// Writes a skip message straight to the process's standard error. The test harness captures
/// `eprintln!` output of passing tests, so a skip said that way would never be seen; a write to
/// the stream itself shows in `cargo test`'s output.
pub fn say_skipped(line: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// All `.txt` files of `corpus/text`, sorted by name.
pub fn text_files(corpus: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join("text"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

/// Every consecutive pair of every series in `corpus/series.tsv` (a header line, then
/// `title<TAB>symbols oldest first`), older symbol first, in file order.
pub fn series_pairs(corpus: &Path) -> std::io::Result<Vec<(String, String)>> {
    let series = std::fs::read_to_string(corpus.join("series.tsv"))?;
    Ok(series
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once('\t'))
        .flat_map(|(_, symbols)| {
            let s: Vec<&str> = symbols.split_whitespace().collect();
            s.windows(2)
                .map(|w| (w[0].to_string(), w[1].to_string()))
                .collect::<Vec<_>>()
        })
        .collect())
}

/// Path of a corpus text by symbol (`A/RES/79/194` → `text/A_RES_79_194.txt`).
pub fn text_path(corpus: &Path, symbol: &str) -> PathBuf {
    corpus
        .join("text")
        .join(format!("{}.txt", symbol.replace('/', "_")))
}

/// A fresh, empty folder under the system temp folder (never in the repository), named after
/// `prefix` and `name` plus the process id and the time, so parallel tests never share one.
pub fn scratch_dir(prefix: &str, name: &str) -> std::io::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("{prefix}-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Copies the corpus texts of `symbols` into the folder `to` (created if needed), under their
/// corpus file names.
pub fn copy_texts(corpus: &Path, symbols: &[&str], to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for s in symbols {
        let from = text_path(corpus, s);
        let name = from.file_name().unwrap_or_default();
        std::fs::copy(&from, to.join(name))?;
    }
    Ok(())
}

/// The two sample files, as paths from the crate root.
#[cfg(test)]
fn samples() -> [PathBuf; 2] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    [dir.join("A_RES_65_141.txt"), dir.join("A_RES_66_184.txt")]
}

/// For tests over real pairs: the sample pair, then every `step`-th consecutive pair of the
/// corpus series when the corpus is there (`what` names the test in the skip line), as paths.
#[cfg(test)]
pub(crate) fn sample_and_series_pairs(what: &str, step: usize) -> Vec<(PathBuf, PathBuf)> {
    let [old, new] = samples();
    let mut pairs = vec![(old, new)];
    if let Some(dir) = dir_or_skip(what) {
        let series = series_pairs(&dir).unwrap_or_default();
        assert!(series.len() > 100, "series.tsv has {} pairs", series.len());
        for (o, n) in series.iter().step_by(step) {
            pairs.push((text_path(&dir, o), text_path(&dir, n)));
        }
    }
    pairs
}

/// For tests over real texts: the two sample files, then every `step`-th text of the corpus
/// (by name) when it is there (`what` names the test in the skip line); and whether it was.
#[cfg(test)]
pub(crate) fn sample_and_corpus_texts(what: &str, step: usize) -> (Vec<String>, bool) {
    let read =
        |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let mut texts: Vec<String> = samples().iter().map(|p| read(p)).collect();
    let dir = dir_or_skip(what);
    if let Some(dir) = &dir {
        let files = text_files(dir).unwrap_or_default();
        for f in files.iter().step_by(step) {
            texts.push(read(f));
        }
    }
    (texts, dir.is_some())
}
