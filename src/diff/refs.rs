//! References to other documents inside a paragraph.

use super::routine::{Class, Item, annotate};

/// Normalises one reference as printed: whitespace collapsed, `A/RES/65/141` → `65/141`.
fn normalise(raw: &str) -> String {
    let squashed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match squashed.strip_prefix("A/RES/") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => squashed,
    }
}

/// Document references in `text`, normalised, deduplicated, in order of first appearance.
///
/// Found: GA resolution and decision symbols (`65/141`, `57/270 B` — the part letter is kept),
/// ECOSOC resolutions (`2006/46`), and UN document symbols (`A/66/437`, `E/2011/77`,
/// `A/CONF.199/12`, `A/C.2/59/3`). Normalisation: spacing collapsed, `A/RES/65/141` written as
/// `65/141` (so it equals `resolution 65/141` elsewhere), and a joint symbol
/// `A/66/64-E/2011/77` split into `A/66/64` and `E/2011/77`.
pub fn extract_references(text: &str) -> Vec<String> {
    references_of(text, None)
}

/// [`extract_references`], from the annotation `items` of `text` when the caller has one.
pub(crate) fn references_of(text: &str, items: Option<&[Item<'_>]>) -> Vec<String> {
    if !text.contains('/') {
        return Vec::new(); // every symbol holds a `/`
    }
    match items {
        Some(items) => references_in(text, items),
        None => references_in(text, &annotate(text)),
    }
}

/// [`extract_references`] from the annotation `items` of `text` (computed once by the caller).
pub(crate) fn references_in(text: &str, items: &[Item<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |r: String| {
        if !r.is_empty() && !out.contains(&r) {
            out.push(r);
        }
    };
    for item in items {
        let raw = text.get(item.start..item.end).unwrap_or_default();
        match item.class {
            Class::Res => push(normalise(raw)),
            Class::Doc => {
                // Split joint symbols at a hyphen that starts a new symbol (`-E/2011/77`).
                let mut start = 0;
                let bytes: Vec<(usize, char)> = raw.char_indices().collect();
                for w in bytes.windows(2) {
                    if let [(i, '-'), (_, c)] = w
                        && c.is_ascii_uppercase()
                        && raw.get(i + 1..).is_some_and(|rest| {
                            rest.split(['-']).next().is_some_and(|s| s.contains('/'))
                        })
                    {
                        push(normalise(raw.get(start..*i).unwrap_or_default()));
                        start = i + 1;
                    }
                }
                push(normalise(raw.get(start..).unwrap_or_default()));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_and_res_symbols() {
        assert_eq!(
            extract_references("see A/66/64-E/2011/77 and A/RES/65/141; resolution 65/141"),
            vec!["A/66/64", "E/2011/77", "65/141"]
        );
        assert_eq!(
            extract_references("resolutions 57/270 B of 23 June 2003 and HIV/AIDS"),
            vec!["57/270 B"]
        );
        assert_eq!(
            extract_references("Report of the World Summit (A/CONF.199/20) and A/C.2/59/3, annex."),
            vec!["A/CONF.199/20", "A/C.2/59/3"]
        );
    }
}
