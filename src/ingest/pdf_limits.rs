//! Memory limits checked on the raw bytes of a PDF before the PDF libraries see it.
//!
//! `lopdf` inflates a compressed stream in one piece (object streams already while it loads the
//! file) and `adobe-cmap-parser` makes a map entry for every code of a `ToUnicode` range; neither
//! has a cap to set, and a worker thread past its time limit cannot be stopped. So every stream
//! of the file is decoded here first, through the filters its dictionary names as lopdf decodes
//! them (Flate, LZW, ASCII85, chains of them), into a small counting buffer, and every character
//! map found is measured: a stream that inflates beyond [`MAX_PDF_STREAM_BYTES`], streams that
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
    for (dict, data) in streams(bytes) {
        let sink = decode(dict, data)?;
        total += sink.size;
        if total > MAX_PDF_INFLATED_BYTES {
            return Err(format!(
                "its compressed streams inflate to more than {} MiB together, far more than any \
                 resolution (a decompression bomb?)",
                MAX_PDF_INFLATED_BYTES >> 20
            ));
        }
        // The raw bytes are measured too: a library may read a stream its filter cannot decode
        // as it stands.
        let raw_big_cmap = data.len() > CMAP_KEEP_BYTES && has_cmap_ranges(data);
        if raw_big_cmap
            || sink.big_cmap
            || (sink.size > CMAP_KEEP_BYTES as u64 && has_cmap_ranges(&sink.kept))
        {
            return Err(format!(
                "it holds a character map larger than {} MiB, far more than any font needs",
                CMAP_KEEP_BYTES >> 20
            ));
        }
        codes += cmap_codes(&sink.kept).max(cmap_codes(data));
        if codes > MAX_PDF_CMAP_CODES {
            return Err(format!(
                "its character maps span more than {MAX_PDF_CMAP_CODES} codes, far more than \
                 any font needs"
            ));
        }
    }
    Ok(())
}

/// A stream filter the PDF libraries decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    /// LZW, with the "early change" of the code size (the default).
    Lzw {
        early_change: bool,
    },
    Ascii85,
}

/// The filters named in a stream's dictionary (`/Filter /FlateDecode`, `/Filter [/A85 /Fl]`),
/// in decoding order; `None` when it names one the libraries do not decode (nothing is then
/// inflated). A dictionary without `/Filter` gives no filters.
fn filters(dict: &[u8]) -> Option<Vec<Filter>> {
    let Some(at) = rfind(dict, b"/Filter") else {
        return Some(Vec::new());
    };
    let early_change = rfind(dict, b"/EarlyChange")
        .and_then(|k| dict.get(k + 12..))
        .is_none_or(|r| r.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'0'));
    let rest = dict.get(at + 7..).unwrap_or_default();
    let rest = rest.get(rest.iter().position(|b| !b.is_ascii_whitespace())?..)?;
    let list: &[u8] = if rest.first() == Some(&b'[') {
        rest.get(1..rest.iter().position(|&b| b == b']')?)?
    } else {
        let end = rest
            .iter()
            .skip(1)
            .position(|b| b.is_ascii_whitespace() || b"/<>[]".contains(b))
            .map_or(rest.len(), |p| p + 1);
        rest.get(..end)?
    };
    let mut out = Vec::new();
    for name in list.split(|&b| b == b'/' || b.is_ascii_whitespace()) {
        match name {
            b"" => {}
            b"FlateDecode" | b"Fl" => out.push(Filter::Flate),
            b"LZWDecode" | b"LZW" => out.push(Filter::Lzw { early_change }),
            b"ASCII85Decode" | b"A85" => out.push(Filter::Ascii85),
            _ => return None,
        }
    }
    Some(out)
}

/// The data of every `stream … endstream` of the file (the bytes between the line end after
/// `stream` and the next `endstream`; the declared `/Length` is not trusted), with the 4 KiB
/// before the keyword where its dictionary stands.
fn streams(bytes: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
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
            // The dictionary: from the last `obj` (or `endstream`) before the keyword.
            let window = bytes.get(k.saturating_sub(4096)..k).unwrap_or_default();
            let dict_from = [rfind(window, b"obj"), rfind(window, b"endstream")]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(0);
            let dict = window.get(dict_from..).unwrap_or_default();
            return Some((dict, bytes.get(start..start + len)?));
        }
    })
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(hay, needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Where a stream's decoded bytes go: counted, the first [`CMAP_KEEP_BYTES`] (or all, for an
/// intermediate filter) kept, the rest only watched for a character map.
struct Sink {
    size: u64,
    keep: usize,
    kept: Vec<u8>,
    tail: Vec<u8>,
    big_cmap: bool,
}

impl Sink {
    fn new(keep: usize) -> Self {
        Sink {
            size: 0,
            keep,
            kept: Vec::new(),
            tail: Vec::new(),
            big_cmap: false,
        }
    }

    fn push(&mut self, chunk: &[u8]) -> Result<(), String> {
        self.size += chunk.len() as u64;
        if self.size > MAX_PDF_STREAM_BYTES {
            return Err(format!(
                "a compressed stream of it inflates to more than {} MiB, far more than any \
                 resolution (a decompression bomb?)",
                MAX_PDF_STREAM_BYTES >> 20
            ));
        }
        let room = self.keep.saturating_sub(self.kept.len());
        self.kept
            .extend_from_slice(chunk.get(..chunk.len().min(room)).unwrap_or_default());
        if !self.big_cmap && self.size > self.keep as u64 {
            // Past the kept bytes only watch for a character map, with the last bytes before
            // this chunk in case a keyword straddles two chunks.
            let mut probe = std::mem::take(&mut self.tail);
            probe.extend_from_slice(chunk);
            self.big_cmap = has_cmap_ranges(&probe);
            self.tail = probe
                .get(probe.len().saturating_sub(16)..)
                .unwrap_or_default()
                .to_vec();
        } else {
            self.tail.extend_from_slice(chunk);
            let cut = self.tail.len().saturating_sub(16);
            self.tail.drain(..cut);
        }
        Ok(())
    }
}

/// Decodes a stream through its filters as the PDF libraries would, into a [`Sink`] (only the
/// last filter's output is merely counted; the ones before are kept, within the stream cap).
fn decode(dict: &[u8], data: &[u8]) -> Result<Sink, String> {
    let chain = match filters(dict) {
        // Unknown filter: the libraries decode nothing; the raw bytes are what they hold.
        None => Vec::new(),
        // No filter named but zlib data (a dictionary not found where expected): inflate it to be
        // safe.
        Some(f) if f.is_empty() && zlib_header(data) => vec![Filter::Flate],
        Some(f) => f,
    };
    let mut input: std::borrow::Cow<'_, [u8]> = std::borrow::Cow::Borrowed(data);
    for (i, filter) in chain.iter().enumerate() {
        let last = i + 1 == chain.len();
        let mut sink = Sink::new(if last { CMAP_KEEP_BYTES } else { usize::MAX });
        match filter {
            Filter::Flate => inflate_into(&input, &mut sink)?,
            Filter::Lzw { early_change } => lzw_into(&input, *early_change, &mut sink)?,
            Filter::Ascii85 => ascii85_into(&input, &mut sink)?,
        }
        if last {
            return Ok(sink);
        }
        input = std::borrow::Cow::Owned(sink.kept);
    }
    let mut sink = Sink::new(CMAP_KEEP_BYTES);
    sink.push(&input)?;
    Ok(sink)
}

fn zlib_header(data: &[u8]) -> bool {
    matches!((data.first(), data.get(1)), (Some(&cmf), Some(&flg))
        if cmf & 0x0f == 8 && (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0)
}

/// Inflates zlib `data` through a 64 KiB ring into `sink` (up to where the data ends or breaks,
/// as the libraries keep what came out of a broken stream).
fn inflate_into(data: &[u8], sink: &mut Sink) -> Result<(), String> {
    let mut state = Box::<DecompressorOxide>::default();
    let mut ring = vec![0u8; 64 * 1024];
    let (mut inp, mut out_pos) = (0usize, 0usize);
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
        sink.push(ring.get(out_pos..out_pos + written).unwrap_or_default())?;
        out_pos = (out_pos + written) % ring.len();
        match status {
            TINFLStatus::HasMoreOutput => {}
            TINFLStatus::NeedsMoreInput if read == 0 && written == 0 => return Ok(()),
            TINFLStatus::NeedsMoreInput => {}
            _ => return Ok(()),
        }
    }
}

/// Decodes LZW `data` (most significant bit first, as PDF writes it) into `sink`.
fn lzw_into(data: &[u8], early_change: bool, sink: &mut Sink) -> Result<(), String> {
    use weezl::{BitOrder, LzwStatus, decode::Decoder};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut buf = vec![0u8; 64 * 1024];
    let mut inp = 0usize;
    loop {
        let r = decoder.decode_bytes(data.get(inp..).unwrap_or_default(), &mut buf);
        inp += r.consumed_in;
        sink.push(buf.get(..r.consumed_out).unwrap_or_default())?;
        match r.status {
            Ok(LzwStatus::Ok) if r.consumed_in > 0 || r.consumed_out > 0 => {}
            _ => return Ok(()),
        }
    }
}

/// Decodes ASCII85 `data` (whitespace skipped, `z` for four zero bytes, `~>` ends it) into
/// `sink`, in chunks.
fn ascii85_into(data: &[u8], sink: &mut Sink) -> Result<(), String> {
    let mut out: Vec<u8> = Vec::with_capacity(64 * 1024);
    let (mut group, mut n) = (0u64, 0usize);
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group = group * 85 + u64::from(c - b'!');
                n += 1;
                if n == 5 {
                    out.extend_from_slice(&(group as u32).to_be_bytes());
                    (group, n) = (0, 0);
                }
            }
            _ => {}
        }
        if out.len() >= 64 * 1024 {
            sink.push(&out)?;
            out.clear();
        }
    }
    if n > 1 {
        for _ in n..5 {
            group = group * 85 + 84;
        }
        let bytes = (group as u32).to_be_bytes();
        out.extend_from_slice(bytes.get(..n - 1).unwrap_or_default());
    }
    sink.push(&out)
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

    fn stream_with_filter(filter: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf =
            format!("%PDF-1.4\n1 0 obj\n<< /Length 0 /Filter {filter} >>\nstream\n").into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    fn ascii85(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut b = [0u8; 4];
            b[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(b) as u64;
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (v % 85) as u8 + b'!';
                v /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }

    #[test]
    fn filters_are_read_from_the_dictionary() {
        assert_eq!(
            filters(b"<< /Filter /FlateDecode /Length 5 >>"),
            Some(vec![Filter::Flate])
        );
        assert_eq!(
            filters(b"<< /Filter [/A85 /LZW] /DecodeParms << /EarlyChange 0 >> >>"),
            Some(vec![
                Filter::Ascii85,
                Filter::Lzw {
                    early_change: false
                }
            ])
        );
        assert_eq!(filters(b"<< /Length 5 >>"), Some(vec![]));
        assert_eq!(filters(b"<< /Filter /DCTDecode >>"), None);
    }

    #[test]
    fn lzw_and_ascii85_wrapped_bombs_are_refused() {
        let spaces = vec![b' '; (MAX_PDF_STREAM_BYTES + 1024) as usize];
        let lzw = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(&spaces)
            .unwrap();
        let err = check(&stream_with_filter("/LZWDecode", &lzw)).unwrap_err();
        assert!(err.contains("inflates to more than 32 MiB"), "{err}");
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&spaces, 9);
        let wrapped = ascii85(&z);
        let err = check(&stream_with_filter(
            "[/ASCII85Decode /FlateDecode]",
            &wrapped,
        ))
        .unwrap_err();
        assert!(err.contains("inflates to more than 32 MiB"), "{err}");
        // The same small: decoded and accepted, its character map measured.
        let cmap = b"1 beginbfrange\n<0000> <FFFF> <0020>\nendbfrange\n";
        let z = miniz_oxide::deflate::compress_to_vec_zlib(cmap, 6);
        let sink = decode(b"<< /Filter [/A85 /Fl] >>", &ascii85(&z)).unwrap();
        assert_eq!(sink.kept, cmap);
        assert_eq!(cmap_codes(&sink.kept), 65_536);
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
        let pdf = b"%PDF-1.4\n1 0 obj <</Filter/FlateDecode>> stream\nx\x9c\x01\x02garbage\nendstream endobj";
        assert_eq!(streams(pdf).count(), 1);
        assert_eq!(check(pdf), Ok(()));
    }
}
