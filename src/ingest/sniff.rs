//! Recognising a file's kind from its first bytes.

/// What the leading bytes say about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Magic {
    /// `%PDF-` within the first 1024 bytes.
    Pdf,
    /// A zip archive (`PK\x03\x04`, or the end record of an empty one).
    Zip,
    /// A kind of file that is not a document (with an article: "a PNG image").
    Unsupported(&'static str),
    /// Nothing recognised: text, or HTML.
    None,
}

/// Classifies the bytes of a file by their signature.
pub(crate) fn magic(bytes: &[u8]) -> Magic {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    let starts = |sig: &[u8]| bytes.starts_with(sig);
    let pdf_at = head.windows(5).position(|w| w == b"%PDF-");
    let binary_prefix = |end: usize| {
        head.get(..end)
            .is_some_and(|p| p.iter().any(|&b| !(0x09..0x80).contains(&b)))
    };
    if pdf_at == Some(0) || pdf_at.is_some_and(binary_prefix) {
        return Magic::Pdf;
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Magic::Zip;
    }
    // Binary signatures contain bytes that cannot start a text file, or NUL bytes right after.
    let nul_in_head = bytes.iter().take(64).any(|&b| b == 0);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Magic::Unsupported("a PNG image")
    } else if starts(b"\xFF\xD8\xFF") {
        Magic::Unsupported("a JPEG image")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Magic::Unsupported("a GIF image")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Magic::Unsupported("a TIFF image")
    } else if starts(b"BM") && bytes.get(6..10) == Some(&[0, 0, 0, 0]) {
        Magic::Unsupported("a BMP image")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Magic::Unsupported("a WebP image")
    } else if starts(b"\x7FELF") {
        Magic::Unsupported("a program (ELF executable)")
    } else if starts(b"MZ") && nul_in_head {
        Magic::Unsupported("a program (Windows executable)")
    } else if starts(b"\xCF\xFA\xED\xFE") || starts(b"\xCE\xFA\xED\xFE") {
        Magic::Unsupported("a program (Mach-O executable)")
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Magic::Unsupported("an old-style Office file (.doc/.xls; save it as .docx)")
    } else if starts(b"{\\rtf") {
        Magic::Unsupported("an RTF document (save it as .docx or .txt)")
    } else if starts(b"\x1F\x8B") {
        Magic::Unsupported("a gzip archive")
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        Magic::Unsupported("a 7-Zip archive")
    } else if starts(b"Rar!\x1A\x07") {
        Magic::Unsupported("a RAR archive")
    } else {
        Magic::None
    }
}
