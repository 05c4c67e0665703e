//! Replays the inputs the fuzzers found (tests/fuzz_regressions/TARGET/) through exactly the code
//! each fuzz target runs (fuzz/src/lib.rs, included here), so CI checks every finding without
//! running a fuzzer (issue 15). Each case must end without a panic; the properties the targets
//! assert (an ingest error names the file, report outputs parse back) are checked along the way,
//! and the results are bounded (text no larger than the caps allow, as many pairs as paragraphs).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_targets;

use std::path::{Path, PathBuf};

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
    // Inputs on which the PDF libraries (pdf-extract, lopdf, adobe-cmap-parser) panic, kept as
    // `pdf-panic-*`: the reader's isolation turns each into an error naming the file.
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
    for file in &panics {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        match resdiff::ingest::decode(&bytes, name) {
            Err(e @ resdiff::IngestError::BadPdf { .. }) => {
                let message = e.to_string();
                assert!(message.contains(name), "{message}");
                assert!(message.contains("failed on its content"), "{message}");
            }
            other => panic!("{}: expected a PDF error, got {other:?}", file.display()),
        }
    }
}

#[test]
fn parse_compare_and_report_cases_end_cleanly() {
    // These targets have no finding of their own yet (see the README's campaign table); the
    // replay runs whatever is kept, and the ingest cases through the text paths as well.
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
/// libFuzzer. Without the variable there is nothing to do.
#[test]
fn replay_a_corpus_named_in_the_environment() {
    let Ok(spec) = std::env::var("RESDIFF_FUZZ_REPLAY") else {
        return;
    };
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
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.expect("directory entry").path();
        let Ok(bytes) = std::fs::read(&path) else {
            continue; // removed by a running fuzzer
        };
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        if let Err(panic) = outcome {
            eprintln!("{} failed", path.display());
            std::panic::resume_unwind(panic);
        }
        n += 1;
    }
    eprintln!("replayed {n} inputs of {dir} through {target}");
}
