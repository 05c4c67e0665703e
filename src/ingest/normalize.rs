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
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{000B}' | '\u{000C}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => out.push(' '),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            _ => out.push(c),
        }
    }
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
    }
}
