//! Splitting a paragraph into diff tokens.
//!
//! A token is one of:
//! - a **word**: a run of letters and digits that may contain `/`, `.`, `-`, `‑`, `'` or `’`
//!   between two letters/digits, so `A/66/437`, `A/C.2/80/L.17`, `2011/16`, `m-health` and
//!   `world's` are single tokens, while a sentence-final `.` is not;
//! - a **whitespace run** (spaces, tabs, newlines);
//! - a single **punctuation** character (anything else).
//!
//! Concatenating the tokens gives the input back exactly.

/// The class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters/digits with optional internal joiners.
    Word,
    /// A run of whitespace.
    Space,
    /// One punctuation (or other non-word, non-space) character.
    Punct,
}

/// A token: its text (a slice of the input) and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The text of the token.
    pub text: &'a str,
    /// Byte offset in the input.
    pub start: usize,
    /// Word, whitespace or punctuation.
    pub kind: TokenKind,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '/' | '.' | '-' | '\u{2011}' | '\'' | '\u{2019}')
}

/// Splits `text` into tokens (see the module doc).
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = if c.is_alphanumeric() {
            // Extend over alphanumerics and joiners that sit between alphanumerics.
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    end = i + next.len_utf8();
                    chars.next();
                } else if is_joiner(next) {
                    let after = text
                        .get(i + next.len_utf8()..)
                        .and_then(|rest| rest.chars().next());
                    if after.is_some_and(char::is_alphanumeric) {
                        end = i + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                text: text.get(start..end).unwrap_or_default(),
                start,
                kind: TokenKind::Word,
            });
            continue;
        } else if c.is_whitespace() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !next.is_whitespace() {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            out.push(Token {
                text: text.get(start..end).unwrap_or_default(),
                start,
                kind: TokenKind::Space,
            });
            continue;
        } else {
            TokenKind::Punct
        };
        let end = start + c.len_utf8();
        out.push(Token {
            text: text.get(start..end).unwrap_or_default(),
            start,
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn symbols_and_hyphenated_words_are_single_tokens() {
        assert_eq!(
            texts("see A/66/437, 2011/16 and m-health."),
            vec![
                "see", " ", "A/66/437", ",", " ", "2011/16", " ", "and", " ", "m-health", "."
            ]
        );
        assert_eq!(texts("A/C.2/80/L.17"), vec!["A/C.2/80/L.17"]);
        assert_eq!(
            texts("world's  \"x\""),
            vec!["world's", "  ", "\"", "x", "\""]
        );
        assert_eq!(texts(""), Vec::<&str>::new());
        assert_eq!(texts("a-"), vec!["a", "-"]);
    }
}
