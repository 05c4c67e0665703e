//! Memory limits checked on the raw bytes of a PDF before the PDF libraries see it.
//!
//! `lopdf` inflates a compressed stream in one piece (object streams already while it loads the
//! file) and `adobe-cmap-parser` makes a map entry for every code of a `ToUnicode` range; neither
//! has a cap to set, and a worker thread past its time limit cannot be stopped. So every stream
//! of the file is inflated here first into a small counting buffer, and every character map
//! found is measured: a stream that inflates beyond [`MAX_PDF_STREAM_BYTES`], streams that
//! together inflate beyond [`MAX_PDF_INFLATED_BYTES`], or character maps with more than
//! [`MAX_PDF_CMAP_CODES`] codes in their ranges refuse the file before any library allocates.

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

/// Largest size one stream of a PDF may inflate to: 32 MiB (the corpus PDFs' largest stream,
/// an embedded font, inflates to well under 1 MiB).
pub const MAX_PDF_STREAM_BYTES: u64 = 32 * 1024 * 1024;

/// Largest size all streams of a PDF may inflate to together: 128 MiB.
pub const MAX_PDF_INFLATED_BYTES: u64 = 128 * 1024 * 1024;

/// Most codes the ranges of the character maps (`beginbfrange`, `begincidrange`) of a PDF may
/// span together: 2^20. A two-byte map spans at most 65,536; the corpus PDFs' maps a few hundred.
pub const MAX_PDF_CMAP_CODES: u64 = 1 << 20;

/// A stream's inflated text is kept for the character-map check up to this size; a larger
/// stream holding a character map is refused.
const CMAP_KEEP_BYTES: usize = 4 * 1024 * 1024;

/// Checks the limits above; the error says which one the file passes.
pub(crate) fn check(bytes: &[u8]) -> Result<(), String> {
    let mut total: u64 = 0;
    let mut codes: u64 = 0;
    for data in streams(bytes) {
        let inflated = inflate_counting(data)?;
        let (size, text) = match inflated {
            // Not zlib data (another filter, or none): the raw bytes are what a library sees.
            None => (data.len() as u64, Some(data)),
            Some((size, ref kept)) => (size, kept.as_deref()),
        };
        total += size;
        if total > MAX_PDF_INFLATED_BYTES {
            return Err(format!(
                "its compressed streams inflate to more than {} MiB together, far more than any \
                 resolution (a decompression bomb?)",
                MAX_PDF_INFLATED_BYTES >> 20
            ));
        }
        match text {
            Some(t) => {
                codes += cmap_codes(t);
                if codes > MAX_PDF_CMAP_CODES {
                    return Err(format!(
                        "its character maps span more than {MAX_PDF_CMAP_CODES} codes, far more \
                         than any font needs"
                    ));
                }
            }
            None => {
                return Err(format!(
                    "it holds a character map larger than {} MiB, far more than any font needs",
                    CMAP_KEEP_BYTES >> 20
                ));
            }
        }
    }
    Ok(())
}

/// The data of every `stream … endstream` of the file (the bytes between the line end after
/// `stream` and the next `endstream`; the declared `/Length` is not trusted).
fn streams(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let rest = bytes.get(from..)?;
            let k = find(rest, b"stream")? + from;
            from = k + 6;
            // Not the `stream` of `endstream`.
            if k >= 3 && bytes.get(k - 3..k) == Some(b"end") {
                continue;
            }
            let mut start = k + 6;
            match (bytes.get(start), bytes.get(start + 1)) {
                (Some(b'\r'), Some(b'\n')) => start += 2,
                (Some(b'\n' | b'\r'), _) => start += 1,
                _ => continue,
            }
            let len = bytes
                .get(start..)
                .and_then(|r| find(r, b"endstream"))
                .unwrap_or(bytes.len().saturating_sub(start));
            from = start + len;
            return bytes.get(start..start + len);
        }
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = 0;
    while let Some(p) = hay
        .get(i..)
        .and_then(|h| h.iter().position(|&b| b == first))
    {
        let at = i + p;
        if hay.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Inflates `data` as a zlib stream into a reused buffer, counting the output. `None` when it is
/// not zlib data; otherwise the inflated size (up to where the data ends or breaks) and, when it
/// is at most [`CMAP_KEEP_BYTES`] or holds no character map, its text (`None` for a larger stream
/// that holds one). Errs when the stream passes [`MAX_PDF_STREAM_BYTES`].
#[allow(clippy::type_complexity)]
fn inflate_counting(data: &[u8]) -> Result<Option<(u64, Option<Vec<u8>>)>, String> {
    // A zlib header: CMF byte with method 8, check bits right.
    let (Some(&cmf), Some(&flg)) = (data.first(), data.get(1)) else {
        return Ok(None);
    };
    if cmf & 0x0f != 8 || (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
        return Ok(None);
    }
    let mut state = Box::<DecompressorOxide>::default();
    // The output buffer is a ring of 64 KiB, as the decompressor allows without a flag to keep
    // the whole output.
    let mut ring = vec![0u8; 64 * 1024];
    let mut kept: Vec<u8> = Vec::new();
    let mut tail: Vec<u8> = Vec::new();
    let mut big_cmap = false;
    let (mut inp, mut out_pos, mut size) = (0usize, 0usize, 0u64);
    loop {
        let flags =
            inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_HAS_MORE_INPUT;
        let (status, read, written) = decompress(
            &mut state,
            data.get(inp..).unwrap_or_default(),
            &mut ring,
            out_pos,
            flags,
        );
        inp += read;
        let chunk = ring.get(out_pos..out_pos + written).unwrap_or_default();
        size += written as u64;
        if size > MAX_PDF_STREAM_BYTES {
            return Err(format!(
                "a compressed stream of it inflates to more than {} MiB, far more than any \
                 resolution (a decompression bomb?)",
                MAX_PDF_STREAM_BYTES >> 20
            ));
        }
        let room = CMAP_KEEP_BYTES.saturating_sub(kept.len());
        kept.extend_from_slice(chunk.get(..chunk.len().min(room)).unwrap_or_default());
        if !big_cmap && size > CMAP_KEEP_BYTES as u64 {
            // Past the kept bytes only watch for a character map, with the last bytes before
            // this chunk in case a keyword straddles two chunks.
            let mut probe = std::mem::take(&mut tail);
            probe.extend_from_slice(chunk);
            big_cmap = has_cmap_ranges(&probe);
            tail = probe
                .get(probe.len().saturating_sub(16)..)
                .unwrap_or_default()
                .to_vec();
        } else {
            tail.extend_from_slice(chunk);
            let cut = tail.len().saturating_sub(16);
            tail.drain(..cut);
        }
        out_pos = (out_pos + written) % ring.len();
        match status {
            TINFLStatus::HasMoreOutput => continue,
            TINFLStatus::NeedsMoreInput if read == 0 && written == 0 => break,
            TINFLStatus::NeedsMoreInput => continue,
            // Done, or broken data (lopdf will say so itself): what came out is what counts.
            _ => break,
        }
    }
    if big_cmap || (size as usize > CMAP_KEEP_BYTES && has_cmap_ranges(&kept)) {
        return Ok(Some((size, None)));
    }
    Ok(Some((size, Some(kept))))
}

fn has_cmap_ranges(t: &[u8]) -> bool {
    find(t, b"beginbfrange").is_some() || find(t, b"begincidrange").is_some()
}

/// The number of codes the `beginbfrange` and `begincidrange` sections of `t` span: for each
/// entry `<lo> <hi> …`, `hi − lo + 1` (nothing when `hi < lo`).
fn cmap_codes(t: &[u8]) -> u64 {
    let mut total: u64 = 0;
    for (begin, end) in [
        (&b"beginbfrange"[..], &b"endbfrange"[..]),
        (&b"begincidrange"[..], &b"endcidrange"[..]),
    ] {
        let mut from = 0;
        while let Some(k) = t.get(from..).and_then(|r| find(r, begin)).map(|k| k + from) {
            let body_start = k + begin.len();
            let body_len = t
                .get(body_start..)
                .and_then(|r| find(r, end))
                .unwrap_or(t.len().saturating_sub(body_start));
            let body = t.get(body_start..body_start + body_len).unwrap_or_default();
            total = total.saturating_add(range_codes(body));
            from = body_start + body_len;
        }
    }
    total
}

/// Sums `hi − lo + 1` over the entries of one range section: two hex strings, then the
/// destination (a hex string, an array of them, or a number), which is skipped.
fn range_codes(body: &[u8]) -> u64 {
    let mut total: u64 = 0;
    let mut i = 0;
    let hex = |i: &mut usize| -> Option<u64> {
        while body.get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
        if body.get(*i) != Some(&b'<') {
            return None;
        }
        *i += 1;
        let mut v: u64 = 0;
        while let Some(&c) = body.get(*i) {
            *i += 1;
            match c {
                b'>' => return Some(v),
                c if c.is_ascii_hexdigit() => {
                    let d = (c as char).to_digit(16).unwrap_or(0);
                    v = v.saturating_mul(16).saturating_add(u64::from(d));
                }
                _ => {}
            }
        }
        Some(v)
    };
    while i < body.len() {
        let start = i;
        match (hex(&mut i), hex(&mut i)) {
            (Some(lo), Some(hi)) => {
                if hi >= lo {
                    total = total.saturating_add(hi - lo + 1);
                }
                // The destination.
                while body.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                match body.get(i) {
                    Some(b'[') => {
                        i = body
                            .get(i..)
                            .and_then(|r| r.iter().position(|&b| b == b']'))
                            .map_or(body.len(), |p| i + p + 1);
                    }
                    Some(b'<') => {
                        let _ = hex(&mut i);
                    }
                    _ => {
                        while body.get(i).is_some_and(|b| !b.is_ascii_whitespace()) {
                            i += 1;
                        }
                    }
                }
            }
            _ => i = start + 1,
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf_with_stream(data: &[u8]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Length 0 /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    #[test]
    fn a_stream_that_inflates_past_the_cap_is_refused() {
        let zeros = vec![0u8; (MAX_PDF_STREAM_BYTES + 1024) as usize];
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9);
        assert!(bomb.len() < 100 * 1024, "{}", bomb.len());
        let err = check(&pdf_with_stream(&bomb)).unwrap_err();
        assert!(err.contains("inflates to more than 32 MiB"), "{err}");
        // Just under the cap: accepted.
        let ok = miniz_oxide::deflate::compress_to_vec_zlib(&zeros[..1 << 20], 9);
        assert_eq!(check(&pdf_with_stream(&ok)), Ok(()));
    }

    #[test]
    fn streams_that_inflate_past_the_total_cap_are_refused() {
        let zeros = vec![0u8; 30 << 20];
        let one = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9);
        let mut pdf = Vec::new();
        for _ in 0..5 {
            pdf.extend(pdf_with_stream(&one));
        }
        let err = check(&pdf).unwrap_err();
        assert!(err.contains("128 MiB together"), "{err}");
    }

    #[test]
    fn a_character_map_with_four_billion_codes_is_refused() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange\nend\n";
        let err = check(&pdf_with_stream(cmap)).unwrap_err();
        assert!(err.contains("character maps span more than"), "{err}");
        // The same compressed.
        let z = miniz_oxide::deflate::compress_to_vec_zlib(cmap, 6);
        assert!(check(&pdf_with_stream(&z)).is_err());
        // An ordinary map: a range of 256 codes, an array destination, single codes.
        let fine = b"2 beginbfrange\n<0000> <00FF> <0020>\n<0100> <0101> [<0041> <0042>]\nendbfrange\n1 begincidrange\n<0000> <FFFF> 0\nendcidrange\n";
        assert_eq!(cmap_codes(fine), 256 + 2 + 65_536);
        assert_eq!(check(&pdf_with_stream(fine)), Ok(()));
    }

    #[test]
    fn endstream_is_not_a_stream_and_broken_data_is_left_to_the_library() {
        let pdf = b"%PDF-1.4\n1 0 obj <<>> stream\nx\x9c\x01\x02garbage\nendstream endobj";
        assert_eq!(streams(pdf).count(), 1);
        assert_eq!(check(pdf), Ok(()));
    }
}
