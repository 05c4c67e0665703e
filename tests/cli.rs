//! The command line as a newcomer meets it: help with examples, shell completions, and the Linux
//! desktop entry that hands files to the same command line.

use std::path::Path;
use std::process::{Command, Output};

fn resdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .output()
        .expect("the resdiff binary runs")
}

fn stdout(args: &[&str]) -> String {
    let out = resdiff(args);
    assert!(
        out.status.success(),
        "resdiff {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_command_has_a_one_line_purpose_and_an_example() {
    let top = stdout(&["--help"]);
    let first = top.lines().next().unwrap_or_default();
    assert!(first.starts_with("Compare versions of UN General Assembly resolutions"));
    assert!(top.contains("Examples:") && top.contains("resdiff compare old.pdf new.docx"));
    for (sub, purpose) in [
        ("parse", "Read one file and print its document model"),
        ("compare", "Compare two versions"),
        ("completions", "Print a shell completion script"),
        (
            "series",
            "Follow every paragraph of the newest version back",
        ),
        ("blame", "For every word of the newest version, the version"),
        ("index", "Build or update the provenance index"),
        ("provenance", "Find the wording of a document's paragraphs"),
    ] {
        // The purpose is listed on one line in the top-level help …
        assert!(
            top.lines()
                .any(|l| l.trim_start().starts_with(sub) && l.contains(purpose)),
            "{sub} has no one-line purpose in --help:\n{top}"
        );
        // … and the subcommand's own help ends with an example that uses it.
        let help = stdout(&[sub, "--help"]);
        assert!(help.starts_with(purpose), "{help}");
        let examples = help
            .split_once("Example")
            .map(|(_, e)| e)
            .unwrap_or_else(|| panic!("no example in `resdiff {sub} --help`:\n{help}"));
        assert!(
            examples.contains(&format!("resdiff {sub} ")),
            "{sub}: {examples}"
        );
    }
}

#[test]
fn completions_are_generated_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for word in ["compare", "parse", "completions", "format", "docx"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    // The bash script is valid bash (when bash is there to say so).
    let script = stdout(&["completions", "bash"]);
    let dir = std::env::temp_dir().join(format!("resdiff-completion-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("resdiff.bash");
    std::fs::write(&file, script).unwrap();
    if let Ok(out) = Command::new("bash").arg("-n").arg(&file).output() {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
    // An unknown shell is refused with exit code 2 and a message naming it.
    let out = resdiff(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

/// `Key=value` of the `[Desktop Entry]` group.
fn desktop_value<'a>(entry: &'a str, key: &str) -> Option<&'a str> {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn desktop_entry_opens_text_pdf_word_and_html_files() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/linux/resdiff.desktop");
    let entry = std::fs::read_to_string(&path).unwrap();
    assert!(entry.starts_with("[Desktop Entry]\n"));
    // The file manager passes the selected files; the command line opens one or two of them.
    assert_eq!(desktop_value(&entry, "Exec"), Some("resdiff %F"));
    assert_eq!(desktop_value(&entry, "Icon"), Some("resdiff"));
    assert_eq!(desktop_value(&entry, "Terminal"), Some("false"));
    let mime: Vec<&str> = desktop_value(&entry, "MimeType")
        .unwrap_or_default()
        .split(';')
        .filter(|m| !m.is_empty())
        .collect();
    for needed in [
        "text/plain",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/html",
    ] {
        assert!(mime.contains(&needed), "MimeType lacks {needed}: {mime:?}");
    }
    // The icon it names is shipped.
    let icon = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon.png");
    assert!(std::fs::read(icon).unwrap().starts_with(b"\x89PNG"));

    // The freedesktop validator agrees (desktop-file-utils; CI installs it).
    match Command::new("desktop-file-validate").arg(&path).output() {
        Ok(out) => assert!(
            out.status.success() && out.stdout.is_empty(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(!ci, "desktop-file-validate is required under CI=true");
            resdiff::corpus::say_skipped("SKIPPED desktop-file-validate: not installed");
        }
    }
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_data")
        .join(name)
        .display()
        .to_string()
}

/// A scratch directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("resdiff-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_error_is_one_line_that_says_the_system_error_once() {
    let (old, new) = (sample("A_RES_65_141.txt"), sample("A_RES_66_184.txt"));
    let out = resdiff(&["compare", &old, &new, "-o", "/nonexistent-dir/x.html"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    // (The sample's warnings about its symbol come first; they are not the error.)
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("resdiff: warning:"))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("resdiff: cannot write /nonexistent-dir/x.html"));
    assert_eq!(lines[0].matches("os error 2").count(), 1, "{err}");
    // A missing input: one line naming it.
    let out = resdiff(&["compare", "/nonexistent-old.txt", &new]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines()
            .filter(|l| !l.starts_with("resdiff: warning:"))
            .count(),
        1,
        "{err}"
    );
    assert!(err.contains("/nonexistent-old.txt"), "{err}");
    assert!(err.matches("os error").count() <= 1, "{err}");
}

#[test]
fn dash_is_standard_output_and_a_mismatched_extension_is_a_warning() {
    let (old, new) = (sample("A_RES_65_141.txt"), sample("A_RES_66_184.txt"));
    let out = resdiff(&["compare", &old, &new, "--format", "json", "-o", "-"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["new"]["symbol"], "A/RES/66/184");
    // Binary formats go to a pipe too (the test's stdout is a pipe, not a terminal).
    let out = resdiff(&["compare", &old, &new, "--format", "pdf", "-o", "-"]);
    assert!(out.status.success() && out.stdout.starts_with(b"%PDF-"));
    // Without --format, `-o -` is the text redline.
    let out = resdiff(&["compare", &old, &new, "-o", "-"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("A/RES/65/141 → A/RES/66/184"));

    let dir = scratch("mismatch");
    let file = dir.join("out.pdf");
    let f = file.display().to_string();
    let out = resdiff(&["compare", &old, &new, "--format", "html", "-o", &f]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: writing a html report to") && err.contains("extension says pdf"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // A matching extension says nothing of the kind.
    let out = resdiff(&["compare", &old, &new, "--format", "pdf", "-o", &f]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("extension says"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn only_layout_and_author_reach_the_reports() {
    let (old, new) = (sample("A_RES_65_141.txt"), sample("A_RES_66_184.txt"));
    let all = stdout(&["compare", &old, &new, "--format", "csv"]);
    let subst = stdout(&[
        "compare",
        &old,
        &new,
        "--format",
        "csv",
        "--only",
        "substantive",
    ]);
    let changes = stdout(&[
        "compare", &old, &new, "--format", "csv", "--only", "changes",
    ]);
    // (Rows counted by their line ends: texts hold no CR.)
    let rows = |s: &str| s.matches("\r\n").count();
    assert!(rows(&subst) < rows(&changes) && rows(&changes) < rows(&all));
    assert!(subst.contains(",substantive,"));
    assert!(!subst.contains(",routine,") && !subst.contains(",none,"));
    assert!(all.contains(",unchanged,1.0000,none,"));
    assert!(!changes.contains(",unchanged,1.0000,none,"));

    let html = stdout(&[
        "compare", &old, &new, "--format", "html", "--layout", "redline",
    ]);
    assert!(html.contains("id=\"redline\"") && !html.contains("id=\"side-by-side\""));
    let html = stdout(&[
        "compare",
        &old,
        &new,
        "--format",
        "html",
        "--layout",
        "side-by-side",
    ]);
    assert!(!html.contains("id=\"redline\"") && html.contains("id=\"side-by-side\""));

    let dir = scratch("author");
    let file = dir.join("a.docx");
    let f = file.display().to_string();
    let out = resdiff(&[
        "compare",
        &old,
        &new,
        "-o",
        &f,
        "--author",
        "Delegation of X",
    ]);
    assert!(out.status.success());
    let doc = docx_document(&file);
    assert!(doc.contains("w:author=\"Delegation of X\""));
    assert!(doc.contains("w:author=\"Delegation of X (routine update)\""));
    // Without --author: the user name from the environment, else resdiff.
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(["compare", &old, &new, "-o", &f])
        .env("USER", "amina")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(docx_document(&file).contains("w:author=\"amina\""));
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(["compare", &old, &new, "-o", &f])
        .env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(docx_document(&file).contains("w:author=\"resdiff\""));
    // An option a format ignores is said, not silently dropped.
    let out = resdiff(&["compare", &old, &new, "-o", &f, "--only", "changes"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--only changes is ignored"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `word/document.xml` of a DOCX file.
fn docx_document(path: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// `resdiff` without a subcommand hands its arguments to the desktop app, a program of its own
/// beside it; alone, it says what is missing and how to get it, in one line.
#[test]
fn without_a_subcommand_the_app_beside_resdiff_is_started_or_named() {
    let dir = scratch("lonely");
    let lonely = dir.join("resdiff");
    std::fs::copy(env!("CARGO_BIN_EXE_resdiff"), &lonely).unwrap();
    let out = Command::new(&lonely)
        .arg(sample("A_RES_65_141.txt"))
        .output()
        .expect("the copied binary runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("resdiff-app") && err.contains("cargo build --release"),
        "{err}"
    );
    // The command line works without the app.
    let out = Command::new(&lonely)
        .args(["parse", &sample("A_RES_66_184.txt"), "--format", "json"])
        .output()
        .expect("the copied binary runs");
    assert!(out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

/// The app takes the same window arguments as `resdiff FILE...` (its help lists them) and checks
/// them before opening a window.
#[cfg(feature = "gui")]
#[test]
fn the_app_takes_the_launch_arguments() {
    let app = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_resdiff-app"))
            .args(args)
            .output()
            .expect("resdiff-app runs")
    };
    let out = app(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--screenshot",
        "--window-size",
        "--side-panel",
        "--view",
        "--order",
        "--theme",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    let out = app(&["--window-size", "10x10"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("out of range"));
    // And `resdiff` checks them too, before starting the app.
    let out = resdiff(&["--view", "redline"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Whether an ELF file names a program interpreter (the dynamic loader), i.e. is linked
/// dynamically. `None` when the bytes are not a 64-bit little-endian ELF file.
#[cfg(all(target_os = "linux", target_arch = "x86_64", target_env = "gnu"))]
fn asks_for_a_loader(elf: &[u8]) -> Option<bool> {
    if elf.get(..4)? != b"\x7fELF" || elf.get(4)? != &2 || elf.get(5)? != &1 {
        return None;
    }
    let read = |at: usize, n: usize| -> Option<u64> {
        let b = elf.get(at..at + n)?;
        Some(
            b.iter()
                .rev()
                .fold(0u64, |acc, &x| (acc << 8) | u64::from(x)),
        )
    };
    let phoff = usize::try_from(read(0x20, 8)?).ok()?;
    let phentsize = usize::try_from(read(0x36, 2)?).ok()?;
    let phnum = usize::try_from(read(0x38, 2)?).ok()?;
    const PT_INTERP: u64 = 3;
    let mut interp = false;
    for i in 0..phnum {
        interp |= read(phoff + i * phentsize, 4)? == PT_INTERP;
    }
    Some(interp)
}

/// The command-line binary is linked statically on x86_64 Linux (scripts/rustc-wrapper; it
/// starts about 0.4 ms sooner, the README's performance table), and the app, which loads the
/// graphics drivers at run time, dynamically.
#[cfg(all(target_os = "linux", target_arch = "x86_64", target_env = "gnu"))]
#[test]
fn the_command_line_is_static_and_the_app_dynamic() {
    let read = |p: &str| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let cli = asks_for_a_loader(&read(env!("CARGO_BIN_EXE_resdiff")));
    if cli == Some(true) && std::env::var("CI").as_deref() != Ok("true") {
        // The wrapper leaves the link dynamic where glibc's static libraries are missing
        // (glibc-static on Fedora and its kin) or when RUSTC_WORKSPACE_WRAPPER replaces it.
        eprintln!(
            "SKIPPED: resdiff is linked dynamically here (no static libc, or \
             scripts/rustc-wrapper not in use); under CI=true this fails"
        );
        return;
    }
    assert_eq!(
        cli,
        Some(false),
        "resdiff is linked dynamically: is .cargo/config.toml's rustc-workspace-wrapper in use?"
    );
    #[cfg(feature = "gui")]
    assert_eq!(
        asks_for_a_loader(&read(env!("CARGO_BIN_EXE_resdiff-app"))),
        Some(true)
    );
    // The static binary does its work.
    let json = stdout(&[
        "compare",
        &sample("A_RES_65_141.txt"),
        &sample("A_RES_66_184.txt"),
        "--format",
        "json",
    ]);
    assert!(json.contains("\"pairs\""));
}
