//! Replays the inputs the fuzzers found (tests/fuzz_regressions/TARGET/) through exactly the code
//! each fuzz target runs (fuzz/src/lib.rs, included here), so CI checks every finding without
//! running a fuzzer (issue 15). Each case must end without a panic; the properties the targets
//! assert (an ingest error names the file, report outputs parse back) are checked along the way,
//! and the results are bounded (text no larger than the caps allow, as many pairs as paragraphs).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_targets;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// Where the panics on the PDF reader's worker thread ([`resdiff::ingest::PDF_THREAD_NAME`])
/// happened since the last [`take_pdf_panics`], as `path:line` (the path as the compiler wrote
/// it, for a library `…/pdf-extract-0.12.1/src/lib.rs`). The reader turns each panic there (in
/// the PDF libraries, or in the glyph collector they call) into an error naming the file.
static PDF_PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Held by every test here that reads the regression cases, so that the panic sites recorded in
/// [`PDF_PANICS`] belong to the case being read (tests run in parallel threads of one process).
static SERIAL: Mutex<()> = Mutex::new(());

/// Takes [`SERIAL`] and installs, once, a panic hook recording the location of panics on the PDF
/// worker thread in [`PDF_PANICS`] (quietly: they are expected and become errors). Any other
/// panic goes to the previous hook, so a panic that escapes the reader is reported as usual and
/// fails its test.
fn serial() -> MutexGuard<'static, ()> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some(resdiff::ingest::PDF_THREAD_NAME) {
                let site = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_else(|| "unknown location".to_string());
                lock(&PDF_PANICS).push(site);
                return;
            }
            previous(info);
        }));
    });
    let guard = lock(&SERIAL);
    take_pdf_panics();
    guard
}

/// Locks a mutex even if a failed test poisoned it (the data stays meaningful).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The PDF-library panic sites recorded since the last call.
fn take_pdf_panics() -> Vec<String> {
    std::mem::take(&mut *lock(&PDF_PANICS))
}

/// The panic site a `pdf-panic-*` case is named after: `pdf-panic-LINE-what.pdf` for line LINE
/// of pdf-extract's `src/lib.rs`, `pdf-panic-cmap-LINE-what.pdf` for adobe-cmap-parser's,
/// as (crate name, `src/lib.rs:LINE`). `None` if the name has neither form.
fn named_site(file_name: &str) -> Option<(&'static str, String)> {
    let rest = file_name.strip_prefix("pdf-panic-")?;
    let (krate, rest) = match rest.strip_prefix("cmap-") {
        Some(rest) => ("adobe-cmap-parser", rest),
        None => ("pdf-extract", rest),
    };
    let line: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if line.is_empty() || !rest[line.len()..].starts_with('-') {
        return None;
    }
    Some((krate, format!("src/lib.rs:{line}")))
}

/// Whether a recorded site (`…/CRATE-VERSION/src/lib.rs:LINE`) is `site` of crate `krate`, any
/// version.
fn is_site(recorded: &str, krate: &str, site: &str) -> bool {
    let recorded = recorded.replace('\\', "/");
    let Some(prefix) = recorded.strip_suffix(site) else {
        return false;
    };
    let Some(dir) = prefix.strip_suffix('/') else {
        return false;
    };
    let dir = dir.rsplit('/').next().unwrap_or(dir);
    dir.strip_prefix(krate)
        .and_then(|v| v.strip_prefix('-'))
        .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
}

/// The regression inputs of one target, sorted by name.
fn cases(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    if !dir.exists() {
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

/// Runs `run` on every case of `target`, naming the case if it panics.
fn replay(target: &str, run: impl Fn(&Path, &[u8])) -> usize {
    let files = cases(target);
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(file, &bytes)));
        if let Err(panic) = outcome {
            eprintln!("regression case {} failed", file.display());
            std::panic::resume_unwind(panic);
        }
    }
    files.len()
}

#[test]
fn ingest_cases_end_cleanly() {
    let _serial = serial();
    let n = replay("ingest", |file, bytes| {
        fuzz_targets::ingest(bytes);
        // Bounded: the text is never larger than the DOCX caps or a few times the input.
        let name = file.display().to_string();
        if let Ok(ingested) = resdiff::ingest::decode(bytes, &name) {
            let bound = (resdiff::ingest::MAX_DOCX_TOTAL_BYTES as usize).max(bytes.len() * 4);
            assert!(ingested.text.len() <= bound, "{name}: text too large");
        }
    });
    assert!(n > 0, "no ingest regression cases");
}

#[test]
fn pdf_library_panics_become_errors_naming_the_file() {
    // Hand-made PDFs on which the PDF libraries (pdf-extract, adobe-cmap-parser) panic, kept as
    // `pdf-panic-*` and named after the panic site: the reader's isolation turns each into an
    // error naming the file, and the panic happened where the name says (so each case keeps
    // covering the site the fuzzer found).
    let _serial = serial();
    let panics: Vec<PathBuf> = cases("ingest")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.starts_with("pdf-panic-"))
        })
        .collect();
    assert!(!panics.is_empty(), "no PDF panic cases");
    let name = "delegate's copy.pdf";
    let mut sites = std::collections::BTreeSet::new();
    for file in &panics {
        let file_name = file.file_name().and_then(|s| s.to_str()).unwrap_or("");
        let (krate, site) = named_site(file_name)
            .unwrap_or_else(|| panic!("{file_name}: name does not say the panic site"));
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        match resdiff::ingest::decode(&bytes, name) {
            Err(e @ resdiff::IngestError::BadPdf { .. }) => {
                let message = e.to_string();
                assert!(message.contains(name), "{message}");
                assert!(message.contains("failed on its content"), "{message}");
            }
            other => panic!("{}: expected a PDF error, got {other:?}", file.display()),
        }
        let recorded = take_pdf_panics();
        assert!(
            recorded.len() == 1 && is_site(&recorded[0], krate, &site),
            "{file_name}: expected one panic at {krate} {site}, got {recorded:?}"
        );
        assert!(
            sites.insert((krate, site.clone())),
            "{file_name}: a second case for {krate} {site}"
        );
    }
}

#[test]
fn parse_compare_and_report_cases_end_cleanly() {
    // These targets have no finding of their own yet (see the README's campaign table); the
    // replay runs whatever is kept, and the ingest cases through the text paths as well.
    let _serial = serial();
    let mut n = replay("parse", |_, bytes| fuzz_targets::parse(bytes));
    n += replay("compare", |_, bytes| check_compare(bytes));
    n += replay("report", |_, bytes| fuzz_targets::report(bytes));
    n += replay("ingest", |_, bytes| {
        fuzz_targets::parse(bytes);
        check_compare(bytes);
        fuzz_targets::report(bytes);
    });
    assert!(n > 0, "no regression cases");
}

/// The `compare` target, and the bound on its result: no more pairs than paragraphs.
fn check_compare(bytes: &[u8]) {
    let c = fuzz_targets::compare(bytes);
    let paragraphs = c.old.paragraphs.len() + c.new.paragraphs.len();
    assert!(c.pairs.len() <= paragraphs, "more pairs than paragraphs");
}

/// With `RESDIFF_FUZZ_REPLAY=TARGET:DIR` (for example `ingest:fuzz/corpus/ingest`), replays every
/// file of DIR through TARGET: a whole fuzzing corpus checked against the current code without
/// libFuzzer. Prints on stderr the slowest input (and any over 2 s) and every place where a PDF
/// library panicked (the reader turned each panic into an error), with how many inputs reached
/// it, the smallest of them, and whether a `pdf-panic-*` regression case is kept for it. Without
/// the variable there is nothing to do.
#[test]
fn replay_a_corpus_named_in_the_environment() {
    let Ok(spec) = std::env::var("RESDIFF_FUZZ_REPLAY") else {
        return;
    };
    let _serial = serial();
    let (target, dir) = spec
        .split_once(':')
        .expect("RESDIFF_FUZZ_REPLAY=TARGET:DIR");
    let run: fn(&[u8]) = match target {
        "ingest" => fuzz_targets::ingest,
        "parse" => fuzz_targets::parse,
        "compare" => check_compare,
        "report" => fuzz_targets::report,
        other => panic!("unknown target {other}"),
    };
    let mut n = 0;
    let mut with_panic = 0;
    let mut slowest: Option<(std::time::Duration, PathBuf)> = None;
    // Site -> (inputs reaching it, smallest input's size and path).
    let mut sites: BTreeMap<String, (usize, (usize, PathBuf))> = BTreeMap::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue; // removed by a running fuzzer
        };
        let start = std::time::Instant::now();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        if let Err(panic) = outcome {
            eprintln!("{} failed", path.display());
            std::panic::resume_unwind(panic);
        }
        let took = start.elapsed();
        if took > std::time::Duration::from_secs(2) {
            eprintln!("slow: {} took {took:.2?}", path.display());
        }
        if slowest.as_ref().is_none_or(|(t, _)| took > *t) {
            slowest = Some((took, path.clone()));
        }
        n += 1;
        let mut reached = take_pdf_panics();
        reached.sort();
        reached.dedup();
        with_panic += usize::from(!reached.is_empty());
        for site in reached {
            let entry = sites
                .entry(site)
                .or_insert_with(|| (0, (bytes.len(), path.clone())));
            entry.0 += 1;
            entry.1 = entry.1.clone().min((bytes.len(), path.clone()));
        }
    }
    eprintln!("replayed {n} inputs of {dir} through {target}");
    if let Some((took, path)) = &slowest {
        eprintln!("slowest: {} in {took:.2?}", path.display());
    }
    if sites.is_empty() {
        return;
    }
    let kept: Vec<(&str, String)> = cases("ingest")
        .iter()
        .filter_map(|p| p.file_name().and_then(|s| s.to_str()).and_then(named_site))
        .collect();
    eprintln!(
        "{with_panic} inputs made a PDF library panic (turned into errors) at {} sites:",
        sites.len()
    );
    for (site, (count, (size, path))) in &sites {
        let case = kept.iter().any(|(krate, line)| is_site(site, krate, line));
        eprintln!(
            "  {site}: {count} inputs, smallest {size} bytes {}; regression case {}",
            path.display(),
            if case { "kept" } else { "MISSING" }
        );
    }
}
