//! Splitting a paragraph into diff tokens.
//!
//! A token is one of:
//! - a **word**: a run of letters and digits that may contain `/`, `.`, `-`, `‑`, `'` or `’`
//!   between two letters/digits, so `A/66/437`, `A/C.2/80/L.17`, `CCW/MSP/2023/7`, `2011/16`,
//!   `m-health` and `world's` are single tokens, while a sentence-final `.` is not. Numbers keep
//!   their separators and signs: a `,` between two digits (`18,318,600`, `1,5`), a decimal point
//!   (`1.5`) and a `%` right after a digit (`26%`) stay inside; a parenthesised part followed by
//!   `/` stays inside a symbol (`GC(67)/RES/7`). A change of one digit therefore shows the whole
//!   number or symbol;
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

/// The length of `(alnum…)/` at the start of `rest` when a letter or digit follows the `/`
/// (the session part of `GC(67)/RES/7`), else `None`.
fn symbol_parenthesis(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('(')?;
    let n = inner
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        .map_or(inner.len(), |(k, _)| k);
    let tail = inner.get(n..)?;
    let after = tail.strip_prefix(")/")?;
    (n > 0 && after.chars().next().is_some_and(char::is_alphanumeric)).then_some(1 + n + 2)
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
                    continue;
                }
                // The last character of the word so far.
                let prev_digit = text
                    .get(..i)
                    .and_then(|before| before.chars().next_back())
                    .is_some_and(|p| p.is_ascii_digit());
                let after = text
                    .get(i + next.len_utf8()..)
                    .and_then(|rest| rest.chars().next());
                if next == ',' && prev_digit && after.is_some_and(|c| c.is_ascii_digit()) {
                    end = i + 1;
                    chars.next();
                } else if next == '%' && prev_digit {
                    end = i + 1;
                    chars.next();
                    break;
                } else if next == '('
                    && let Some(len) = text.get(i..).and_then(symbol_parenthesis)
                {
                    // `(67)/` inside `GC(67)/RES/7`: take it through the `/`.
                    end = i + len;
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                } else if is_joiner(next) {
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

    #[test]
    fn numbers_and_symbols_are_whole() {
        assert_eq!(
            texts("18,318,600 dollars, 1,5 and 1.5 or 26%."),
            vec![
                "18,318,600",
                " ",
                "dollars",
                ",",
                " ",
                "1,5",
                " ",
                "and",
                " ",
                "1.5",
                " ",
                "or",
                " ",
                "26%",
                "."
            ]
        );
        assert_eq!(
            texts("GC(67)/RES/7, CCW/MSP/2023/7 (2023)/x"),
            vec![
                "GC(67)/RES/7",
                ",",
                " ",
                "CCW/MSP/2023/7",
                " ",
                "(",
                "2023",
                ")",
                "/",
                "x"
            ]
        );
        assert_eq!(
            texts("States (A/78/1)"),
            vec!["States", " ", "(", "A/78/1", ")"]
        );
        assert_eq!(
            texts("1, 2 and 3,"),
            vec!["1", ",", " ", "2", " ", "and", " ", "3", ","]
        );
        assert_eq!(texts("f(x)/"), vec!["f", "(", "x", ")", "/"]);
    }
}
