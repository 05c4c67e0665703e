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
