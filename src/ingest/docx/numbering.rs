//! Automatic list numbering of a DOCX (`word/numbering.xml`, numbering set through styles in
//! `word/styles.xml`), rendered as the printed label (`1.`, `(a)`, `(iv)`) plus its suffix.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml::{Depth, attr, qname};

/// Number of list levels Word supports.
const LEVELS: usize = 9;

/// One level of an abstract numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: String,
    /// `w:lvlRestart`: 0 = never restart when a higher level advances.
    restart: Option<u32>,
}

/// A concrete list (`w:num`): which abstract definition it uses and start overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
}

/// Numbering definitions and the running counters while a document is read in order.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// Paragraph style → (numId, ilvl) from `styles.xml` (after `w:basedOn`).
    style_numbering: HashMap<String, (Option<String>, Option<usize>)>,
    style_based_on: HashMap<String, String>,
    /// Style linked to a level in `numbering.xml` (`w:lvl/w:pStyle`) → that level.
    style_level: HashMap<String, usize>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    used_nums: HashSet<String>,
}

impl Numbering {
    /// Reads `numbering.xml` and (optionally) `styles.xml`. Malformed XML yields an error string.
    pub(super) fn parse(numbering_xml: &str, styles_xml: Option<&str>) -> Result<Self, String> {
        let mut numbering = Numbering::default();
        numbering.read_numbering(numbering_xml)?;
        if let Some(styles) = styles_xml {
            numbering.read_styles(styles)?;
        }
        Ok(numbering)
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        let mut depth = Depth::default();
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("word/numbering.xml is not valid XML ({e})"))?;
            depth.track(&event, "word/numbering.xml")?;
            match event {
                Event::Start(e) | Event::Empty(e) => match qname(&e).as_str() {
                    "w:abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "w:lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                suffix: "\t".into(),
                                ..Level::default()
                            },
                        ));
                    }
                    "w:start" => {
                        if let (Some((_, lvl)), Some(v)) =
                            (level.as_mut(), attr(&e, "val").and_then(|v| v.parse().ok()))
                        {
                            lvl.start = v;
                        }
                    }
                    "w:numFmt" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            lvl.format = v;
                        }
                    }
                    "w:lvlText" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            lvl.text = v;
                        }
                    }
                    "w:suff" => {
                        if let Some((_, lvl)) = level.as_mut() {
                            lvl.suffix = match attr(&e, "val").as_deref() {
                                Some("space") => " ".into(),
                                Some("nothing") => String::new(),
                                _ => "\t".into(),
                            };
                        }
                    }
                    "w:lvlRestart" => {
                        if let Some((_, lvl)) = level.as_mut() {
                            lvl.restart = attr(&e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    "w:pStyle" => {
                        if let (Some((ilvl, _)), Some(style)) = (level.as_ref(), attr(&e, "val")) {
                            self.style_level.insert(style, *ilvl);
                        }
                    }
                    "w:num" => {
                        if let Some(id) = attr(&e, "numId") {
                            num = Some((id, Num::default()));
                        }
                    }
                    "w:abstractNumId" => {
                        if let (Some((_, n)), Some(v)) = (num.as_mut(), attr(&e, "val")) {
                            n.abstract_id = v;
                        }
                    }
                    "w:lvlOverride" => {
                        override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok());
                    }
                    "w:startOverride" => {
                        if let (Some((_, n)), Some(ilvl), Some(v)) = (
                            num.as_mut(),
                            override_level,
                            attr(&e, "val").and_then(|v| v.parse().ok()),
                        ) {
                            n.start_overrides.insert(ilvl, v);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:lvl" => {
                        if let (Some(id), Some((ilvl, lvl))) = (abstract_id.as_ref(), level.take())
                            && ilvl < LEVELS
                        {
                            let levels = self.abstracts.entry(id.clone()).or_default();
                            if levels.len() <= ilvl {
                                levels.resize(ilvl + 1, Level::default());
                            }
                            if let Some(slot) = levels.get_mut(ilvl) {
                                *slot = lvl;
                            }
                        }
                    }
                    "w:abstractNum" => abstract_id = None,
                    "w:num" => {
                        if let Some((id, n)) = num.take() {
                            self.nums.insert(id, n);
                        }
                    }
                    "w:lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        let mut style: Option<String> = None;
        let mut depth = Depth::default();
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("word/styles.xml is not valid XML ({e})"))?;
            depth.track(&event, "word/styles.xml")?;
            match event {
                Event::Start(e) | Event::Empty(e) => match qname(&e).as_str() {
                    "w:style" => style = attr(&e, "styleId"),
                    "w:basedOn" => {
                        if let (Some(s), Some(v)) = (style.as_ref(), attr(&e, "val")) {
                            self.style_based_on.insert(s.clone(), v);
                        }
                    }
                    "w:numId" => {
                        if let Some(s) = style.as_ref() {
                            self.style_numbering.entry(s.clone()).or_default().0 = attr(&e, "val");
                        }
                    }
                    "w:ilvl" => {
                        if let Some(s) = style.as_ref() {
                            self.style_numbering.entry(s.clone()).or_default().1 =
                                attr(&e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.name().as_ref() == "w:style" => style = None,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// The numbering (numId, level) a paragraph gets from its style, following `w:basedOn`.
    pub(super) fn style_numbering(&self, style: &str) -> Option<(String, usize)> {
        let mut current = style.to_string();
        for _ in 0..16 {
            if let Some((Some(num_id), ilvl)) = self.style_numbering.get(&current) {
                let ilvl = ilvl
                    .or_else(|| self.style_level.get(style).copied())
                    .unwrap_or(0);
                return Some((num_id.clone(), ilvl));
            }
            current = self.style_based_on.get(&current)?.clone();
        }
        None
    }

    /// The label of the next paragraph in list `num_id` at level `ilvl` (advancing the counters),
    /// with its suffix (tab by default); `None` if the list is unknown or shows no label.
    pub(super) fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let level = levels.get(ilvl)?;
        let counters = self
            .counters
            .entry(num.abstract_id.clone())
            .or_insert([None; LEVELS]);
        if self.used_nums.insert(num_id.to_string()) {
            for (&lvl, _) in num.start_overrides.iter() {
                if let Some(c) = counters.get_mut(lvl) {
                    *c = None;
                }
            }
        }
        let start_of = |lvl: usize| {
            num.start_overrides
                .get(&lvl)
                .copied()
                .or_else(|| levels.get(lvl).map(|l| l.start))
                .unwrap_or(1)
        };
        let value = counters
            .get(ilvl)
            .copied()
            .flatten()
            .map_or(start_of(ilvl), |c| c.saturating_add(1));
        if let Some(c) = counters.get_mut(ilvl) {
            *c = Some(value);
        }
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels.get(deeper).and_then(|l| l.restart);
            if restart != Some(0) {
                *counter = None;
            }
        }
        if level.format == "none" && level.text.is_empty() {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=9).contains(&d)
            {
                chars.next();
                let lvl = (d - 1) as usize;
                let n = counters
                    .get(lvl)
                    .copied()
                    .flatten()
                    .unwrap_or_else(|| start_of(lvl));
                let format = levels.get(lvl).map_or("decimal", |l| l.format.as_str());
                label.push_str(&format_number(n, format));
            } else if level.format == "bullet" && ('\u{E000}'..='\u{F8FF}').contains(&c) {
                label.push('\u{2022}');
            } else {
                label.push(c);
            }
        }
        label.push_str(&level.suffix);
        Some(label)
    }
}

/// Formats a list counter as Word prints it for `w:numFmt`.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        "decimalZero" => format!("{n:02}"),
        "none" | "bullet" => String::new(),
        _ => n.to_string(),
    }
}

/// Word's letter numbering: a … z, then aa … zz, aaa …
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let index = (n - 1) % 26;
    let repeat = (n - 1) / 26 + 1;
    let c = char::from(b'a' + u8::try_from(index).unwrap_or(0));
    std::iter::repeat_n(c, repeat as usize).collect()
}

/// Lower-case Roman numeral (1 … 3999; larger values fall back to digits).
fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(1, "lowerLetter"), "a");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(12, "decimal"), "12");
    }
}
