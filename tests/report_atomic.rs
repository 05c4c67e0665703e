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

/// Mounts a tmpfs of `size` at `dir`; `false` when this is not possible (not root, no
/// permission in a container), and the test is then skipped.
fn mount_tmpfs(dir: &Path, size: &str) -> bool {
    std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Unmounts `dir` when dropped (also when an assertion fails).
struct Mounted<'a>(&'a Path);

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(self.0).status();
    }
}

#[test]
fn disk_full_keeps_the_earlier_file_and_leaves_no_temporary_file() {
    let d = scratch("diskfull");
    if !mount_tmpfs(&d, "64k") {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        fs::remove_dir_all(&d).unwrap();
        return;
    }
    {
        let _mounted = Mounted(&d);
        let out = d.join("report.pdf");
        let earlier = vec![b'1'; 8 * 1024];
        write_atomic(&out, &earlier, &[]).unwrap();
        // Larger than the file system: writing the temporary file fails part-way (no space).
        let e = write_atomic(&out, &vec![b'2'; 256 * 1024], &[]).unwrap_err();
        assert!(e.to_string().contains("report.pdf"), "{e}");
        assert_eq!(fs::read(&out).unwrap(), earlier, "earlier file damaged");
        assert_eq!(entries(&d), ["report.pdf"], "temporary file left behind");
        // The space is free again: a write that fits succeeds.
        write_atomic(&out, b"fits", &[]).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"fits");
    }
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn killed_while_writing_keeps_the_earlier_file_and_the_next_write_cleans_up() {
    let d = scratch("killed");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let old = data.join("A_RES_65_141.txt");
    let new = data.join("A_RES_66_184.txt");
    let out = d.join("diff.html");
    fs::write(&out, "the earlier report").unwrap();
    // `ulimit -f 1`: the process is killed (SIGXFSZ) once the file it writes passes 1 KiB,
    // as a crash or `kill -9` would stop it in the middle of the report.
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"ulimit -f 1 && exec "$0" compare "$1" "$2" -o "$3""#)
        .arg(env!("CARGO_BIN_EXE_resdiff"))
        .args([&old, &new, &out])
        // Not the test's own streams: when they are files (a CI log), the size limit would stop
        // resdiff at its first warning, before it writes any report.
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("bash runs");
    assert!(!status.success(), "the size limit did not stop resdiff");
    assert_eq!(fs::read_to_string(&out).unwrap(), "the earlier report");
    let left = entries(&d);
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(
        left.iter().any(|n| n.starts_with(".diff.html.resdiff-")),
        "{left:?}"
    );
    // The next write to the same path replaces the report and removes the dead temporary file.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .arg("compare")
        .args([&old, &new])
        .arg("-o")
        .arg(&out)
        .status()
        .expect("resdiff runs");
    assert!(status.success());
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .contains("<!DOCTYPE html>")
    );
    assert_eq!(entries(&d), ["diff.html"]);
    fs::remove_dir_all(&d).unwrap();
}

#[test]
fn temporary_files_of_running_processes_are_kept() {
    let d = scratch("live");
    let out = d.join("r.md");
    // Process 1 always runs; a file of another name or pattern is not ours to remove.
    let live = d.join(".r.md.resdiff-1-0.tmp");
    let other = d.join(".other.md.resdiff-999999999-0.tmp");
    let unrelated = d.join(".r.md.resdiff-notes.tmp");
    for f in [&live, &other, &unrelated] {
        fs::write(f, "x").unwrap();
    }
    write_atomic(&out, b"report", &[]).unwrap();
    assert_eq!(
        entries(&d),
        [
            ".other.md.resdiff-999999999-0.tmp",
            ".r.md.resdiff-1-0.tmp",
            ".r.md.resdiff-notes.tmp",
            "r.md"
        ]
    );
    fs::remove_dir_all(&d).unwrap();
}

/// A named pipe at the output path (as `/dev/null` and `/dev/stdout` are devices) is written
/// into, not replaced by a file: renaming over it would, for root, replace even `/dev/null`.
#[cfg(unix)]
#[test]
fn a_device_or_pipe_is_written_into_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let d = scratch("fifo");
    let fifo = d.join("report.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // The reading end, opened without waiting for a writer; the report fits the pipe's buffer.
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    // A real report: the sample pair's Markdown, which fits the pipe's buffer.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let cmp = resdiff::compare_files(
        &sample.join("A_RES_65_141.txt"),
        &sample.join("A_RES_66_184.txt"),
    )
    .unwrap();
    let report = resdiff::report::render(
        &cmp,
        resdiff::report::Format::Markdown,
        &resdiff::report::RenderOptions::default(),
    )
    .unwrap();
    assert!(
        report.len() > 1_000 && report.len() < 60_000,
        "{}",
        report.len()
    );
    write_atomic(&fifo, &report, &[]).unwrap();
    let mut got = Vec::new();
    let _ = reader.read_to_end(&mut got);
    assert!(
        got == report,
        "{} of {} bytes came through",
        got.len(),
        report.len()
    );
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(entries(&d), vec!["report.json".to_string()]);
    let _ = fs::remove_dir_all(&d);
}
