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

/// Write `bytes` to `out` atomically: into a temporary file in the same directory, flushed to
/// disk (`fsync`), then renamed over `out`.
///
/// Refuses (with [`ReportError::OutputIsInput`]) when `out` is one of `inputs`, comparing
/// canonical paths so that a relative path or a symlink to an input is caught too. When `out` is
/// a symlink to another file, that file is replaced. On any failure the temporary file is removed,
/// so nothing partial is left behind, and the error names the path.
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
    let tmp = dir.join(format!(
        ".{name}.resdiff-{}-{}.tmp",
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
