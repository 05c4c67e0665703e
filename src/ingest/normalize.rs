//! Text normalisation shared by all formats.
//!
//! Only characters that carry no meaning for a comparison are changed; line structure and
//! trailing spaces are kept, because the parser works on lines.

/// Normalises extracted text.
///
/// - CRLF and lone CR become LF; form feed, vertical tab, U+2028 and U+2029 become LF;
/// - no-break space (U+00A0), narrow no-break space (U+202F) and figure space (U+2007) become a
///   plain space;
/// - hyphen (U+2010) and non-breaking hyphen (U+2011) become the ASCII hyphen-minus: the adopted
///   text of a resolution often joins "COVID‑19" or "multi‑stakeholder" with U+2011 where its
///   draft used "-", and that is typography, not a change;
/// - soft hyphen (U+00AD) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are removed;
/// - the Latin ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) are expanded to their letters.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    // `text[run..i]` needs no change and is copied in one piece when a character that does is met.
    let (mut run, mut i) = (0usize, 0usize);
    while i < b.len() {
        let (c, len) = match b[i] {
            x if x < 0x80 && !matches!(x, b'\r' | 0x0B | 0x0C) => {
                i += 1;
                continue;
            }
            x if x < 0x80 => (char::from(x), 1),
            _ => match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        let replacement: Option<&str> = match c {
            '\r' | '\u{000B}' | '\u{000C}' | '\u{2028}' | '\u{2029}' => Some("\n"),
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => Some(" "),
            '\u{2010}' | '\u{2011}' => Some("-"),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(""),
            '\u{FB00}' => Some("ff"),
            '\u{FB01}' => Some("fi"),
            '\u{FB02}' => Some("fl"),
            '\u{FB03}' => Some("ffi"),
            '\u{FB04}' => Some("ffl"),
            '\u{FB05}' | '\u{FB06}' => Some("st"),
            _ => None,
        };
        let Some(replacement) = replacement else {
            i += len;
            continue;
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        i += len;
        // CRLF is one line end.
        if c == '\r' && b.get(i) == Some(&b'\n') {
            i += 1;
        }
        run = i;
    }
    out.push_str(&text[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn line_ends_and_special_characters() {
        assert_eq!(normalize("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalize("p.\u{000C}Next"), "p.\nNext");
        assert_eq!(normalize("1\u{00A0}000\u{202F}km\u{2007}x"), "1 000 km x");
        assert_eq!(normalize("infor\u{00AD}mation\u{200B}"), "information");
        assert_eq!(
            normalize("COVID\u{2011}19, multi\u{2010}stakeholder \u{2013} and \u{2014}"),
            "COVID-19, multi-stakeholder \u{2013} and \u{2014}"
        );
        assert_eq!(
            normalize("\u{FB01}nal e\u{FB00}ort o\u{FB03}ce"),
            "final effort office"
        );
        assert_eq!(
            normalize("line ends with space \nnext"),
            "line ends with space \nnext"
        );
        assert_eq!(normalize("\r\r\n\u{2028}é\u{00A0}"), "\n\n\né ");
        assert_eq!(normalize("plain ascii"), "plain ascii");
        assert_eq!(normalize(""), "");
    }
}
