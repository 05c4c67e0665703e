//! PDF text layer to text lines, with `pdf-extract` (on `lopdf`) doing the content-stream work.
//!
//! Glyphs are collected with their positions and grouped into lines in content-stream order: a
//! new line starts when the baseline moves by more than half the font size (raised footnote
//! digits stay on their line), when the text jumps back to the left, or after a horizontal gap
//! wider than 0.8 font sizes (the gap after a paragraph number, columns of the document stamp),
//! which reproduces the line breaks of the corpus text layer closely. Words are separated by a space wherever the
//! gap between glyphs is wider than a fraction of the font size. Pages are separated by an
//! empty line, like the corpus text layer.
//!
//! The PDF libraries run isolated (see [`pdf_to_text`]): on a worker thread of their own, with a
//! time limit ([`pdf_time_limit`]) and a cap on the glyphs collected ([`MAX_PDF_GLYPHS`]); a panic, the
//! time limit or the cap becomes an error, never an abort of the caller. Before they see the file,
//! its streams and character maps are measured against the memory limits of `pdf_limits`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Text extracted from a PDF with warnings.
#[derive(Debug)]
pub(crate) struct PdfText {
    /// The lines, LF-separated.
    pub text: String,
    /// Problems worth telling the user (pages without text).
    pub warnings: Vec<String>,
}

/// One glyph as drawn on the page.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    advance: f64,
    text: String,
}

/// A horizontal gap wider than this many font sizes starts a new line (the gap after an
/// operative paragraph number, columns of the document stamp), as in the corpus text layer.
const COLUMN_GAP: f64 = 0.8;
/// A gap wider than this fraction of the font size is a word space.
const WORD_GAP: f64 = 0.15;
/// A baseline move larger than this fraction of the font size starts a new line.
const BASELINE_TOLERANCE: f64 = 0.5;

/// Name of the worker thread the PDF libraries run on (a panic hook can recognise it).
pub const PDF_THREAD_NAME: &str = "resdiff-pdf";

/// Time the PDF libraries may take for a file of one byte; [`pdf_time_limit`] adds
/// [`PDF_TIME_PER_MIB`] per MiB of file. A 1 MiB file may take 2 s, a 50 MiB one (the largest
/// accepted) 51 s. The largest corpus PDF (A/RES/79/1, 650 kB) is read in 0.19 s by a debug
/// build (the PDF libraries optimised), 0.54 s by the fuzzing build: the limit leaves a margin of
/// 7 for a loaded or slower machine.
pub const PDF_TIME_BASE: Duration = Duration::from_secs(1);

/// Time added to [`PDF_TIME_BASE`] per MiB of PDF.
pub const PDF_TIME_PER_MIB: Duration = Duration::from_secs(1);

/// Most glyphs collected from one PDF (all pages): 20 million, about 40 times the longest
/// corpus resolution. Beyond it the file is refused as not a resolution (guards memory: a small
/// PDF can draw one glyph many times through repeated content streams or forms).
pub const MAX_PDF_GLYPHS: usize = 20_000_000;

/// Stack of the worker thread: deep but finite recursion in the PDF libraries (nested arrays,
/// dictionaries, forms) must end in their own errors, not in a stack overflow, which no thread
/// can survive.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// The time limit of the PDF libraries for a file of `len` bytes: [`PDF_TIME_BASE`] plus
/// [`PDF_TIME_PER_MIB`] per MiB.
pub fn pdf_time_limit(len: usize) -> Duration {
    PDF_TIME_BASE + PDF_TIME_PER_MIB.mul_f64(len as f64 / (1024.0 * 1024.0))
}

/// Why the collector stopped the PDF library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The caller gave up waiting (time limit).
    Cancelled,
    /// More than [`MAX_PDF_GLYPHS`] glyphs.
    TooManyGlyphs,
}

/// Collects glyphs per page.
#[derive(Default)]
struct Collector {
    pages: Vec<Vec<Glyph>>,
    /// Glyphs collected so far.
    glyphs: usize,
    /// Set by the waiting caller when the time limit is reached.
    cancel: Arc<AtomicBool>,
    /// Why output stopped, if it did.
    stopped: Option<Stop>,
}

impl Collector {
    /// Checks the cancel flag and the glyph cap; an error stops `pdf-extract`.
    fn check(&mut self) -> Result<(), OutputError> {
        let stop = if self.cancel.load(Ordering::Relaxed) {
            Some(Stop::Cancelled)
        } else if self.glyphs > MAX_PDF_GLYPHS {
            Some(Stop::TooManyGlyphs)
        } else {
            None
        };
        match stop {
            Some(s) => {
                self.stopped = Some(s);
                Err(OutputError::FormatError(std::fmt::Error))
            }
            None => Ok(()),
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.check()?;
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs.is_multiple_of(4096) || self.glyphs > MAX_PDF_GLYPHS {
            self.check()?;
        }
        // Scale of the text rendering matrix applied to the font size (area-preserving side).
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let glyph = Glyph {
            x: trm.m31,
            y: trm.m32,
            size: if size.is_finite() && size > 0.0 {
                size
            } else {
                1.0
            },
            // Glyph width plus character and word spacing (Tc, Tw), which pdf-extract passes in
            // unscaled text space: the pen position where the next glyph would follow.
            advance: width * size
                + if font_size > 0.0 {
                    spacing * size / font_size
                } else {
                    0.0
                },
            text: char.to_string(),
        };
        if let Some(page) = self.pages.last_mut() {
            page.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Extracts the text layer of a PDF. Errors (damaged, truncated, password-protected files, and
/// panics inside the PDF libraries) are returned as plain words without the file name.
///
/// The PDF libraries run on a worker thread ([`PDF_THREAD_NAME`]) with a large stack: a panic
/// there ends the thread, not the program, and becomes an error; if no answer comes within
/// [`pdf_time_limit`] the caller gets an error at once and the worker is told to stop at its next
/// glyph (a worker stuck inside the parser runs on detached until the parser returns; it holds
/// only its copy of the file). More than [`MAX_PDF_GLYPHS`] glyphs are refused.
pub(crate) fn pdf_to_text(bytes: &[u8]) -> Result<PdfText, String> {
    pdf_to_text_within(bytes, pdf_time_limit(bytes.len()))
}

/// [`pdf_to_text`] with an explicit time limit.
fn pdf_to_text_within(bytes: &[u8], limit: Duration) -> Result<PdfText, String> {
    let pages = run_isolated(bytes, limit)?;
    let mut warnings = Vec::new();
    let empty: Vec<String> = pages
        .iter()
        .enumerate()
        .filter(|(_, g)| g.iter().all(|g| g.text.trim().is_empty()))
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !empty.is_empty() && empty.len() < pages.len() {
        warnings.push(format!(
            "page(s) {} have no text layer (scanned images are not read)",
            empty.join(", ")
        ));
    }
    let mut text = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        for line in page_lines(page) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    Ok(PdfText { text, warnings })
}

/// Runs [`extract_pages`] on a worker thread and waits at most `limit` for it.
fn run_isolated(bytes: &[u8], limit: Duration) -> Result<Vec<Vec<Glyph>>, String> {
    let start = Instant::now();
    let data: Arc<[u8]> = Arc::from(bytes);
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::sync_channel(1);
    let worker_cancel = Arc::clone(&cancel);
    let spawned = std::thread::Builder::new()
        .name(PDF_THREAD_NAME.to_string())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            // A send fails only when the caller stopped waiting; nothing is left to tell.
            let _ = tx.send(extract_pages(&data, worker_cancel));
        })
        .map_err(|e| format!("the PDF reader could not be started ({e})"))?;
    match rx.recv_timeout(limit) {
        Ok(result) => {
            // The worker has sent its answer and is ending; joining is immediate.
            let _ = spawned.join();
            result
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            cancel.store(true, Ordering::Relaxed);
            Err(format!(
                "the PDF reader gave up after {:.1} s (the limit for a file of this size); the \
                 file may be damaged or built to be slow to read",
                start.elapsed().as_secs_f64()
            ))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The worker ended without an answer: it panicked.
            let what = match spawned.join() {
                Err(panic) => panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown failure".to_string()),
                Ok(()) => "unknown failure".to_string(),
            };
            Err(format!(
                "the PDF reader failed on its content ({what}); the file may be damaged"
            ))
        }
    }
}

/// Loads the document and collects the glyphs of every page; stops when `cancel` is set.
fn extract_pages(bytes: &[u8], cancel: Arc<AtomicBool>) -> Result<Vec<Vec<Glyph>>, String> {
    // Memory first: the libraries below have no cap of their own.
    super::pdf_limits::check(bytes)?;
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| describe_load_error(&e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("it is password-protected".to_string());
    }
    let mut collector = Collector {
        cancel,
        ..Collector::default()
    };
    let result = pdf_extract::output_doc(&doc, &mut collector);
    match (collector.stopped, result) {
        (Some(Stop::TooManyGlyphs), _) => Err(format!(
            "it draws more than {MAX_PDF_GLYPHS} characters, far more than any resolution"
        )),
        (Some(Stop::Cancelled), _) => Err("reading it was stopped (time limit)".to_string()),
        (None, Err(e)) => Err(format!("its content could not be read ({e})")),
        (None, Ok(())) => Ok(collector.pages),
    }
}

/// Plain words for a load failure.
fn describe_load_error(e: &pdf_extract::Error) -> String {
    format!("it is damaged or truncated ({e})")
}

/// Groups a page's glyphs (in content-stream order) into text lines.
fn page_lines(glyphs: &[Glyph]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Baseline and size of the line's main text, and where the last glyph ended.
    let mut base_y = 0.0_f64;
    let mut base_size = 0.0_f64;
    let mut last_end = 0.0_f64;
    let mut started = false;
    // Whether the previous glyph was a raised, smaller one (a footnote reference digit).
    let mut prev_raised = false;
    // Whether the last glyph that was not a space was raised.
    let mut last_visible_raised = false;
    for g in glyphs {
        let raised = started && g.size < base_size * 0.85 && g.y > base_y + base_size * 0.1;
        if started {
            let size = base_size.max(g.size);
            let dy = (g.y - base_y).abs();
            let gap = g.x - last_end;
            let new_line =
                dy > size * BASELINE_TOLERANCE || gap < -size * 0.5 || gap > size * COLUMN_GAP;
            if new_line {
                lines.push(std::mem::take(&mut line));
                base_y = g.y;
                base_size = g.size;
            } else {
                if gap > g.size.min(base_size) * WORD_GAP
                    && !line.ends_with(' ')
                    && !g.text.starts_with(' ')
                {
                    line.push(' ');
                    // The text layer the corpus was made from sets a footnote reference off
                    // from the following word by two spaces; the parser relies on that to tell
                    // a reference (`decision 20  on`) from a number in the text.
                    if prev_raised && !raised {
                        line.push(' ');
                    }
                }
                if g.size > base_size {
                    base_size = g.size;
                    base_y = g.y;
                }
            }
        } else {
            base_y = g.y;
            base_size = g.size;
            started = true;
        }
        // Runs of space glyphs collapse to one, except after a raised footnote digit, where the
        // two spaces that set the reference off are kept (see above).
        let space_allowed = !line.ends_with(' ') || (last_visible_raised && !line.ends_with("  "));
        if g.text != " " || space_allowed {
            line.push_str(&g.text);
        }
        if g.text.trim() != "" {
            last_visible_raised = raised;
        }
        last_end = g.x + g.advance;
        prev_raised = raised;
    }
    if started {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF drawing `lines` lines of text with a standard font (uncompressed).
    fn text_pdf(lines: usize) -> Vec<u8> {
        let mut content = String::from("BT /F1 10 Tf 72 720 Td 12 TL\n");
        for i in 0..lines {
            content.push_str(&format!(
                "(Decides to remain seized of the matter {i};) Tj T*\n"
            ));
        }
        content.push_str("ET\n");
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        ];
        let mut pdf = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
        }
        let xref = pdf.len();
        pdf.push_str(&format!(
            "xref\n0 {}\n0000000000 65535 f \n",
            objects.len() + 1
        ));
        for o in offsets {
            pdf.push_str(&format!("{o:010} 00000 n \n"));
        }
        pdf.push_str(&format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        ));
        pdf.into_bytes()
    }

    #[test]
    fn text_is_read_on_the_worker_thread() {
        let text = pdf_to_text(&text_pdf(3)).expect("read");
        assert!(
            text.text
                .contains("Decides to remain seized of the matter 2;"),
            "{}",
            text.text
        );
    }

    #[test]
    fn the_time_limit_gives_an_error_at_once() {
        // 20,000 lines take the library far longer than no time at all.
        let started = Instant::now();
        let err = pdf_to_text_within(&text_pdf(20_000), Duration::ZERO).unwrap_err();
        assert!(err.contains("gave up after"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(60));
    }

    #[test]
    fn the_glyph_cap_stops_the_library() {
        let mut collector = Collector {
            glyphs: MAX_PDF_GLYPHS,
            ..Collector::default()
        };
        collector.pages.push(Vec::new());
        let identity = Transform::identity();
        assert!(
            collector
                .output_character(&identity, 0.5, 0.0, 10.0, "a")
                .is_err()
        );
        assert_eq!(collector.stopped, Some(Stop::TooManyGlyphs));
        // A cancelled reader stops at the next page too.
        let mut cancelled = Collector::default();
        cancelled.cancel.store(true, Ordering::Relaxed);
        let media = MediaBox {
            llx: 0.0,
            lly: 0.0,
            urx: 612.0,
            ury: 792.0,
        };
        assert!(cancelled.begin_page(1, &media, None).is_err());
        assert_eq!(cancelled.stopped, Some(Stop::Cancelled));
    }

    #[test]
    fn time_limit_grows_with_the_file() {
        assert_eq!(pdf_time_limit(0), PDF_TIME_BASE);
        assert_eq!(pdf_time_limit(1024 * 1024), Duration::from_secs(2));
        assert_eq!(pdf_time_limit(50 * 1024 * 1024), Duration::from_secs(51));
    }
}
