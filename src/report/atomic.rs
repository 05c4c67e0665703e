//! Writing an output file atomically, never over an input.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ReportError;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The absolute, symlink-free form of `p`; for a file that does not exist yet, its canonical
/// directory joined with its name. `None` when even the directory cannot be resolved.
fn resolve(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = fs::canonicalize(p) {
        return Some(c);
    }
    let name = p.file_name()?;
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::canonicalize(parent).ok().map(|d| d.join(name))
}

/// The prefix of the temporary files [`write_atomic`] makes for a target named `name`; the full
/// name is `.{name}.resdiff-{pid}-{n}.tmp`.
fn temp_prefix(name: &str) -> String {
    format!(".{name}.resdiff-")
}

/// Removes temporary files left in `dir` for the target `name` by a resdiff process that no
/// longer runs (killed while writing: power cut, `kill -9`, a file-size limit). Only files of the
/// exact pattern whose process id is not alive are removed; where liveness cannot be checked
/// (no `/proc`), nothing is removed.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let proc_root = Path::new("/proc/self");
    if !proc_root.exists() {
        return;
    }
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some((pid, counter)) = rest.split_once('-') else {
            continue;
        };
        let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), counter.parse::<u64>()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Write `bytes` to `out` atomically: into a temporary file in the same directory, flushed to
/// disk (`fsync`), then renamed over `out`.
///
/// Refuses (with [`ReportError::OutputIsInput`]) when `out` is one of `inputs`, comparing
/// canonical paths so that a relative path or a symlink to an input is caught too. When `out` is
/// a symlink to another file, that file is replaced. On any failure the temporary file is removed,
/// so nothing partial is left behind, and the error names the path; an earlier file at `out` is
/// untouched until the rename, so a failed write (disk full, killed process) never damages it.
/// Temporary files of the same target left by a resdiff process that was killed while writing
/// are removed.
///
/// An existing `out` that is not a regular file or a folder (a device such as `/dev/null` or
/// `/dev/stdout`, a named pipe) is written to directly: renaming over it would replace the
/// device itself with a file (for root, even `/dev/null`).
pub fn write_atomic(out: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), ReportError> {
    let write_err = |source: std::io::Error| ReportError::Write {
        path: out.to_path_buf(),
        source,
    };
    let target = resolve(out);
    if let Some(t) = &target {
        for input in inputs {
            if let Ok(ci) = fs::canonicalize(input)
                && &ci == t
            {
                return Err(ReportError::OutputIsInput {
                    out: out.to_path_buf(),
                    input: input.to_path_buf(),
                });
            }
        }
    }
    let target = target.unwrap_or_else(|| out.to_path_buf());
    if fs::metadata(&target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(write_err);
    }
    let name = target
        .file_name()
        .ok_or_else(|| {
            write_err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the output path has no file name",
            ))
        })?
        .to_string_lossy()
        .into_owned();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&dir, &name);
    let tmp = dir.join(format!(
        "{}{}-{}.tmp",
        temp_prefix(&name),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(write_err)?;
    let result = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)?;
        // Make the rename itself durable; not every platform allows syncing a directory.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e: std::io::Error| {
        let _ = fs::remove_file(&tmp);
        write_err(e)
    })
}
