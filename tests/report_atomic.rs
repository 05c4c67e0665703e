//! write_atomic: replaces atomically, refuses inputs (also through symlinks), fails cleanly.

use std::fs;
use std::path::{Path, PathBuf};

use resdiff::report::{ReportError, write_atomic};

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("resdiff-atomic-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn entries(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn writes_and_replaces_without_leftovers() {
    let d = scratch("replace");
    let out = d.join("report.html");
    write_atomic(&out, b"first", &[]).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"first");
    write_atomic(&out, b"second version", &[]).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"second version");
    assert_eq!(entries(&d), ["report.html"]);
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn refuses_an_input_by_any_path() {
    let d = scratch("input");
    let input = d.join("old.txt");
    fs::write(&input, "the input").unwrap();
    // same path
    let e = write_atomic(&input, b"x", &[&input]).unwrap_err();
    assert!(matches!(e, ReportError::OutputIsInput { .. }), "{e}");
    // a different spelling of the same path
    let dotted = d.join(".").join("old.txt");
    let e = write_atomic(&dotted, b"x", &[&input]).unwrap_err();
    assert!(matches!(e, ReportError::OutputIsInput { .. }), "{e}");
    // a symlink to the input, given as output
    let link = d.join("link.txt");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let e = write_atomic(&link, b"x", &[&input]).unwrap_err();
    assert!(e.to_string().contains("link.txt"), "{e}");
    // the input given through a symlink
    let e = write_atomic(&input, b"x", &[&link]).unwrap_err();
    assert!(matches!(e, ReportError::OutputIsInput { .. }), "{e}");
    assert_eq!(fs::read_to_string(&input).unwrap(), "the input");
    assert_eq!(entries(&d), ["link.txt", "old.txt"]);
    // another file next to it is fine
    write_atomic(&d.join("new.html"), b"ok", &[&input, &link]).unwrap();
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn unwritable_paths_give_an_error_naming_the_path() {
    let d = scratch("unwritable");
    let missing = d.join("no-such-dir").join("r.html");
    let e = write_atomic(&missing, b"x", &[]).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("no-such-dir/r.html"), "{msg}");
    assert!(matches!(e, ReportError::Write { .. }));
    // parent is a regular file
    let file = d.join("plain");
    fs::write(&file, "x").unwrap();
    let e = write_atomic(&file.join("r.html"), b"x", &[]).unwrap_err();
    assert!(e.to_string().contains("plain/r.html"), "{e}");
    // a read-only file system location (works as root too)
    let e = write_atomic(Path::new("/proc/resdiff-report.html"), b"x", &[]).unwrap_err();
    assert!(e.to_string().contains("/proc/resdiff-report.html"), "{e}");
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn failure_after_the_temporary_file_leaves_nothing_behind() {
    let d = scratch("partial");
    // The target is a non-empty directory: the temporary file is written, the rename fails.
    let target = d.join("out.html");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep"), "x").unwrap();
    let e = write_atomic(&target, &vec![b'a'; 100_000], &[]).unwrap_err();
    assert!(e.to_string().contains("out.html"), "{e}");
    assert_eq!(entries(&d), ["out.html"], "temporary file left behind");
    assert_eq!(entries(&target), ["keep"]);
    fs::remove_dir_all(&d).unwrap();
}
