//! A small HTML-to-text conversion: enough for a resolution saved as a web page.
//!
//! Scripts, styles, comments and the document head's title are dropped; block elements end lines,
//! table cells are separated by tabs, entities are decoded and runs of whitespace collapse to one
//! space (except inside `<pre>`).

/// True when decoded text starts (after BOM, whitespace, an XML declaration and comments) with
/// `<!DOCTYPE html` or `<html`, case-insensitively.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{FEFF}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            match after.find("?>") {
                Some(end) => rest = after.get(end + 2..).unwrap_or_default().trim_start(),
                None => return false,
            }
        } else if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = after.get(end + 3..).unwrap_or_default().trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let head: String = rest
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The character encoding declared in the first 4 KiB (`<meta charset=…>` or
/// `content="text/html; charset=…"`), if it is a known ASCII-compatible encoding.
pub(crate) fn declared_charset(text: &str) -> Option<&'static encoding_rs::Encoding> {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let at = head.find("charset=")?;
    let label: String = head
        .get(at + "charset=".len()..)?
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes()).filter(|e| e.is_ascii_compatible())
}

/// Elements whose start and end both end the current line.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "blockquote",
    "pre",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "figure",
    "figcaption",
    "address",
    "form",
    "fieldset",
    "body",
    "html",
    "center",
];

/// Elements whose whole content is dropped.
const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "title", "template", "noscript"];

/// Converts HTML to text lines.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut conv = Converter::default();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .map_or("", |i| after.get(i + 3..).unwrap_or_default());
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest
                .find('>')
                .map_or("", |i| rest.get(i + 1..).unwrap_or_default());
        } else if rest.starts_with('<') && is_tag_start(rest) {
            let (tag, after) = parse_tag(rest);
            rest = after;
            if !tag.closing && SKIPPED_ELEMENTS.contains(&tag.name.as_str()) && !tag.self_closing {
                rest = skip_raw_content(rest, &tag.name);
                continue;
            }
            conv.tag(&tag);
        } else {
            // Text up to the next `<` after the first character (which may itself be a lone `<`).
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = rest
                .get(first..)
                .and_then(|r| r.find('<'))
                .map_or(rest.len(), |i| i + first);
            let (text, after) = rest.split_at(end);
            conv.text(&decode_entities(text));
            rest = after;
        }
    }
    conv.finish()
}

/// A parsed start or end tag.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
}

/// True when `<` begins a tag (`<a`, `</a`), not a literal less-than sign.
fn is_tag_start(s: &str) -> bool {
    let mut chars = s.chars().skip(1);
    match chars.next() {
        Some('/') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) => c.is_ascii_alphabetic(),
        None => false,
    }
}

/// Parses the tag at the start of `s` (which starts with `<`), skipping attributes with their
/// quoted values; returns the tag and the rest after `>`.
fn parse_tag(s: &str) -> (Tag, &str) {
    let body = s.get(1..).unwrap_or_default();
    let closing = body.starts_with('/');
    let body = body.strip_prefix('/').unwrap_or(body);
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(body.len());
    let name = body
        .get(..name_len)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut quote: Option<char> = None;
    let mut end = body.len();
    let mut prev = ' ';
    let mut self_closing = false;
    for (i, c) in body.char_indices().skip(name_len) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => {
                end = i + 1;
                self_closing = prev == '/';
                break;
            }
            None => {}
        }
        prev = c;
    }
    let tag = Tag {
        name,
        closing,
        self_closing,
    };
    (tag, body.get(end..).unwrap_or_default())
}

/// Skips the raw content of `<script>`-like elements up to and including the end tag.
fn skip_raw_content<'a>(s: &'a str, name: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(i) => {
            let after = s.get(i..).unwrap_or_default();
            after
                .find('>')
                .map_or("", |j| after.get(j + 1..).unwrap_or_default())
        }
        None => "",
    }
}

/// Builds the output lines.
#[derive(Default)]
struct Converter {
    lines: Vec<String>,
    line: String,
    pre_depth: usize,
    cell_index: usize,
}

impl Converter {
    fn tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if name == "br" {
            self.hard_break();
            return;
        }
        if name == "pre" {
            if tag.closing {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            } else if !tag.self_closing {
                self.pre_depth += 1;
            }
        }
        if name == "tr" {
            self.cell_index = 0;
        }
        if (name == "td" || name == "th") && !tag.closing {
            if self.cell_index > 0 {
                let trimmed = self.line.trim_end_matches(' ').len();
                self.line.truncate(trimmed);
                self.line.push('\t');
            }
            self.cell_index += 1;
            return;
        }
        if BLOCK_ELEMENTS.contains(&name) {
            self.soft_break();
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            let mut parts = text.split('\n');
            if let Some(first) = parts.next() {
                self.line.push_str(first);
            }
            for part in parts {
                self.hard_break();
                self.line.push_str(part);
            }
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}') {
                let at_start = self.line.is_empty() || self.line.ends_with('\t');
                if !at_start && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    /// Ends the current line, even if it is empty (`<br>`).
    fn hard_break(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push(line.trim_end_matches(' ').to_string());
    }

    /// Ends the current line if it has content (block boundaries).
    fn soft_break(&mut self) {
        if !self.line.trim().is_empty() {
            self.hard_break();
        } else {
            self.line.clear();
        }
    }

    fn finish(mut self) -> String {
        self.soft_break();
        while self.lines.last().is_some_and(|l| l.trim().is_empty()) {
            self.lines.pop();
        }
        let start = self
            .lines
            .iter()
            .position(|l| !l.trim().is_empty())
            .unwrap_or(self.lines.len());
        let mut out = self.lines.get(start..).unwrap_or_default().join("\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// Names of the Latin-1 entities U+00A0..=U+00FF, in code point order.
const LATIN1_ENTITIES: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other common named entities.
const OTHER_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201A}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("bdquo", '\u{201E}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("permil", '\u{2030}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203A}'),
    ("euro", '\u{20AC}'),
    ("trade", '\u{2122}'),
    ("minus", '\u{2212}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("OElig", '\u{0152}'),
    ("oelig", '\u{0153}'),
    ("Scaron", '\u{0160}'),
    ("scaron", '\u{0161}'),
    ("Yuml", '\u{0178}'),
    ("fnof", '\u{0192}'),
    ("circ", '\u{02C6}'),
    ("tilde", '\u{02DC}'),
];

/// Resolves an entity name (without `&` and `;`) or numeric reference (`#233`, `#xE9`).
fn resolve_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{FFFD}'),
        );
    }
    if let Some(i) = LATIN1_ENTITIES.iter().position(|&n| n == name) {
        return u32::try_from(i).ok().and_then(|i| char::from_u32(0xA0 + i));
    }
    OTHER_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
}

/// Decodes character and entity references; unknown ones are kept literally.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let resolved = after
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((resolve_entity(after.get(..semi)?)?, semi)));
        match resolved {
            Some((c, semi)) => {
                out.push(c);
                rest = after.get(semi + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&amp;b &eacute;t&eacute; &#8220;x&#x201D; &bogus; & c"),
            "a&b été \u{201C}x\u{201D} &bogus; & c"
        );
    }

    #[test]
    fn charset_declarations() {
        let meta = "<html><head><meta charset=\"windows-1251\">";
        assert_eq!(declared_charset(meta), Some(encoding_rs::WINDOWS_1251));
        let http = "<html><meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>";
        assert_eq!(declared_charset(http), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(declared_charset("<html><body>no declaration"), None);
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("\u{FEFF}  <!DOCTYPE HTML><html>"));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?>\n<!-- c --><html lang=en>"
        ));
        assert!(!looks_like_html("The General Assembly, <html>"));
    }
}
