//! Character encoding detection and decoding of plain-text bytes.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::IngestError;

/// Text decoded from bytes, with the encoding used and any warnings.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The decoded text (not yet normalised; a BOM is removed).
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: String,
    /// Warnings about replaced bytes or guesses.
    pub warnings: Vec<String>,
    /// The encoding was guessed from the content (not a BOM, not valid UTF-8).
    pub guessed: bool,
}

/// How many leading bytes are examined for the UTF-16-without-BOM pattern.
const UTF16_SNIFF_BYTES: usize = 4096;

/// Decodes text bytes: BOM first (UTF-8, UTF-16LE/BE), then UTF-16 without BOM by its NUL
/// pattern, then UTF-8, then a legacy encoding guessed by `chardetng` (typically windows-1252).
///
/// NUL bytes in text that is not UTF-16 make the file binary data: an error naming the file.
pub(crate) fn decode_text(bytes: &[u8], name: &str) -> Result<Decoded, IngestError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return Ok(decode_with(encoding, body, name, Vec::new()));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let warning = format!(
            "{name} has no byte-order mark; read as {} from its pattern of zero bytes",
            encoding.name()
        );
        return Ok(decode_with(encoding, bytes, name, vec![warning]));
    }
    if bytes.contains(&0) {
        return Err(IngestError::Unsupported {
            name: name.to_string(),
            what: "binary data (it contains NUL bytes)".to_string(),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name().to_string(),
            warnings: Vec::new(),
            guessed: false,
        });
    }
    if mostly_utf8(bytes) {
        return Ok(decode_with(UTF_8, bytes, name, Vec::new()));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let warning = format!(
        "{name} is not UTF-8; its encoding was guessed from the content as {}",
        encoding.name()
    );
    let mut decoded = decode_with(encoding, bytes, name, vec![warning]);
    decoded.guessed = true;
    Ok(decoded)
}

/// Decodes `bytes` with an encoding declared by the document itself (an HTML `charset`).
pub(crate) fn decode_declared(encoding: &'static Encoding, bytes: &[u8], name: &str) -> Decoded {
    decode_with(encoding, bytes, name, Vec::new())
}

/// Decodes `bytes` (without BOM) with `encoding`, warning if anything had to be replaced.
fn decode_with(
    encoding: &'static Encoding,
    bytes: &[u8],
    name: &str,
    mut warnings: Vec<String>,
) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(format!(
            "{name}: {replaced} invalid byte sequence(s) for {} were replaced by \u{FFFD}",
            encoding.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name().to_string(),
        warnings,
        guessed: false,
    }
}

/// UTF-16 without BOM, recognised when ASCII-range characters make one byte of each pair zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(UTF16_SNIFF_BYTES))?;
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let mut zero_even = 0usize;
    let mut zero_odd = 0usize;
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            zero_even += usize::from(*a == 0);
            zero_odd += usize::from(*b == 0);
        }
    }
    let high = |n: usize| n * 10 >= pairs * 3; // at least 30 % of the pairs
    let low = |n: usize| n * 20 <= pairs; // at most 5 %
    if high(zero_odd) && low(zero_even) {
        Some(UTF_16LE)
    } else if high(zero_even) && low(zero_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when invalid UTF-8 is a damaged UTF-8 file rather than a legacy encoding: it has more
/// valid multi-byte UTF-8 characters than invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_pattern_without_bom() {
        let le: Vec<u8> = "Recalling"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Recalling"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        assert_eq!(utf16_without_bom(b"Recalling"), None);
    }

    #[test]
    fn damaged_utf8_stays_utf8_with_warning() {
        let mut bytes = "Décidé — d’accord ".as_bytes().to_vec();
        bytes.push(0xFF);
        let decoded = decode_text(&bytes, "x.txt").unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.starts_with("Décidé — d’accord"));
        assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
    }
}
