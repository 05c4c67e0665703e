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

/// The character at byte `p` of `text` and its length in bytes (`None` at the end).
fn char_at(text: &str, p: usize) -> Option<(char, usize)> {
    let &b = text.as_bytes().get(p)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(p..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text` into tokens (see the module doc).
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    out.extend(Tokens { text, at: 0 });
    out
}

/// The number of word tokens of `text` (as [`tokenize`] splits it), without a vector of tokens.
pub(crate) fn count_words(text: &str) -> usize {
    Tokens { text, at: 0 }
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// The tokens of `text` from byte `at` on, one at a time.
struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let (text, start) = (self.text, self.at);
        let &first = text.as_bytes().get(start)?;
        // ASCII letters, digits and punctuation are told apart by their byte (most of a text);
        // whitespace and the rest by their character.
        let (end, kind) = if first.is_ascii_alphanumeric() {
            (word_end(text, start + 1), TokenKind::Word)
        } else if first.is_ascii() && !matches!(first, b' ' | b'\t'..=b'\r') {
            (start + 1, TokenKind::Punct)
        } else {
            let (c, width) = char_at(text, start)?;
            if c.is_alphanumeric() {
                (word_end(text, start + width), TokenKind::Word)
            } else if c.is_whitespace() {
                let mut end = start + width;
                while let Some((_, w)) = char_at(text, end).filter(|(n, _)| n.is_whitespace()) {
                    end += w;
                }
                (end, TokenKind::Space)
            } else {
                (start + width, TokenKind::Punct)
            }
        };
        self.at = end;
        Some(Token {
            text: text.get(start..end).unwrap_or_default(),
            start,
            kind,
        })
    }
}

/// The end of the word whose first `end` bytes are taken: extends over alphanumerics and the
/// joiners and number separators of the module doc.
fn word_end(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // A run of ASCII letters and digits at once.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let Some((next, width)) = char_at(text, end) else {
            break;
        };
        if next.is_alphanumeric() {
            end += width;
            continue;
        }
        let i = end;
        // The last character of the word so far (a char boundary precedes `i`, so its last byte
        // is an ASCII digit exactly when that character is one).
        let prev_digit = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
        let after = char_at(text, i + width).map(|(c, _)| c);
        if next == ',' && prev_digit && after.is_some_and(|c| c.is_ascii_digit()) {
            end = i + 1;
        } else if next == '%' && prev_digit {
            return i + 1;
        } else if next == '('
            && let Some(len) = text.get(i..).and_then(symbol_parenthesis)
        {
            // `(67)/` inside `GC(67)/RES/7`: take it through the `/`.
            end = i + len;
        } else if is_joiner(next) && after.is_some_and(char::is_alphanumeric) {
            end = i + width;
        } else {
            return end;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was written first (char by char), kept as the oracle of the faster one.
    fn tokenize_oracle(text: &str) -> Vec<Token<'_>> {
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

    /// Checks the tokenizer against the oracle on `text`.
    fn same_as_oracle(text: &str) {
        assert_eq!(tokenize(text), tokenize_oracle(text), "on {text:?}");
    }

    #[test]
    fn the_tokenizer_matches_the_oracle_on_edge_cases() {
        for t in [
            "",
            " ",
            "a",
            "1",
            "é",
            "1,",
            "1,2",
            "1,a",
            ",1",
            "5%",
            "a%",
            "5%%",
            "GC(67)/",
            "GC(67)/R",
            "GC()/R",
            "x(1)/",
            "x(é)/y",
            "a-",
            "a-b",
            "a--b",
            "a’b",
            "a‑b",
            "1.5.",
            "A/C.2/80/L.17.",
            "1\u{a0}000",
            "naïve café Ünited 数据 ٢٠٢٣",
            "a\t\n b",
            "(a)",
            "a(1)/(2)/b",
        ] {
            same_as_oracle(t);
        }
    }

    #[test]
    fn the_tokenizer_matches_the_oracle_on_samples_and_corpus() {
        let (texts, _) = crate::corpus::sample_and_corpus_texts("tokenizer oracle", 3);
        for t in &texts {
            // Whole files: line ends, tables and page furniture included.
            same_as_oracle(t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 4096,
            ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn the_tokenizer_matches_the_oracle_on_any_text(
            t in "[a-c1-3 ,.%()/'’‑\\-éЖ٣\u{a0}\t]{0,24}"
        ) {
            proptest::prop_assert_eq!(tokenize(&t), tokenize_oracle(&t));
        }
    }
}
