//! Regular expressions shared by the parser stages, compiled once, on first use.
//!
//! Digits are written `[0-9]`, not `\d`: paragraph numbers, years and symbols are printed in
//! ASCII digits (and parsed as such), while Unicode `\d` (70 digit ranges) made compiling these
//! patterns cost about 5 ms, more than parsing a whole resolution.

use std::sync::LazyLock;

use regex::Regex;

fn re(s: &str) -> Regex {
    // The patterns are constants checked by the unit tests; an invalid one is a programming error.
    Regex::new(s).unwrap_or_else(|e| panic!("invalid built-in pattern {s}: {e}"))
}

/// `The General Assembly,` on a line of its own.
pub static GA_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*The General Assembly\s*,?\s*$"));
/// A document symbol on a line of its own (`A/RES/79/194`, `A/C.2/80/L.17`).
pub static SYMBOL_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(A/(?:[A-Z0-9.\-]+/)*[0-9]+/[A-Za-z0-9.\-/]*[A-Za-z0-9])\**\s*$"));
/// A page counter `2/18`.
pub static PAGE_COUNTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[0-9]{1,3}/[0-9]{1,3}\s*$"));
/// A job number `24-24293`, `24-24293 (E)`, `25-16621 (E)    221025`.
pub static JOB_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[0-9]{2}-[0-9]{5}(?:\s*\([A-Z]\))?(?:\s+[0-9]{6})?\s*$"));
/// A barcode line `*2424293*`.
pub static BARCODE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\*[0-9]{5,}\*\s*$"));
/// The footnote separator line.
pub static FN_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*_{5,}\s*$"));
/// The start of a footnote: its number (or asterisks) and text.
pub static FN_START: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*([0-9]{1,3}|\*{1,3})\s+(\S.*)$"));
/// An operative paragraph number at the start of a line (`12.` or `12. Requests`).
pub static OP_START: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{1,3})\.(?:\s+|$)"));
/// A paragraph number printed without its period (`26 Condemns …`).
pub static OP_NO_PERIOD: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9]{1,3})\s+([A-Z])"));
/// A sub-paragraph label at the start (`(a)`, `(iv)`).
pub static SUB_START: LazyLock<Regex> = LazyLock::new(|| re(r"^\(([a-z]{1,4})\)(?:\s+|$)"));
/// A roman or capital-letter section heading (`I.`, `II. Title`, `A. Title`).
pub static SECTION_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:([IVX]{1,6})\.|([A-H])\.\s)\s*(.*)$"));
/// A roman numeral followed by a heading title without a period (`II Financial performance`).
pub static ROMAN_HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([IVX]{1,6})\s*$|^([IVX]{1,6})\s+([A-Z][^.;]*)$"));
/// `Part IV International cooperation`, `Article 17`, `Rule 60 …`, `Section 10 …` headings.
pub static PART_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^((?:Part|Chapter|Article|Rule|Section|Regulation)\s+(?:[IVX]{1,6}|[A-Z]|[0-9]{1,3}))\.?(?:\s+(.*))?$",
    )
});
/// A line of separator asterisks (`* * *`).
pub static STARS: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:\*\s*){2,}$"));
/// `Action 12. …` in the Pact for the Future.
pub static ACTION_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^((?:Action|Objective) [0-9]{1,3})\.\s*(.*)$"));
/// An annex heading (`Annex`, `Annex II`, `Annex I Global Digital Compact`).
pub static ANNEX_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:Annex|ANNEX)(?:\s+([IVX]{1,6}|[0-9]{1,2}))?\b\s*(.*)$"));
/// The closing plenary meeting line, possibly at the end of a paragraph, with an optional date.
pub static PLENARY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)([0-9]{1,3})(?:st|nd|rd|th)(?:\s+\(resumed\))? plenary meeting\s*(?:([0-9]{1,2} [A-Z][a-z]+ ?[0-9]{4})\s*)?$",
    )
});
/// A date on its own (`22 December 2011`).
pub static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([0-9]{1,2}) ([A-Z][a-z]+) ([0-9]{4})\s*$"));
/// A date inside text.
pub static DATE_IN: LazyLock<Regex> =
    LazyLock::new(|| re(r"([0-9]{1,2}) ([A-Z][a-z]+) ?([0-9]{4})"));
/// The title line `66/184. Title`.
pub static TITLE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([0-9]{1,3})/([0-9]{1,4})\s*\.\s*(\S.*)$"));
/// The adoption line.
pub static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:Resolution|Decision) adopted by the General Assembly\s+on\s+([0-9]{1,2} [A-Z][a-z]+ [0-9]{4})",
    )
});
/// The committee report reference `[on the report of the Second Committee (A/66/437)]`.
pub static REPORT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\[on the reports? of the [^\]]*?\((A/[0-9]+/[A-Za-z0-9.\-/]+)"));
/// The agenda item line.
pub static AGENDA: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*Agenda items?\s+(.+?)\s*$"));
/// A sponsors line ending in `draft resolution` / `draft decision`.
pub static SPONSORS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(.*?)\s*:\s*\**\s*[Dd]raft (resolution|decision)\s*$"));
/// `Draft resolution submitted by …`.
pub static SUBMITTED_BY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^Draft (resolution|decision) submitted by (?:the )?(.+?)\s*$"));
/// Session number from a symbol.
pub static SYMBOL_SESSION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^A/(?:RES/|DEC/|C\.[0-9]/|ES-[0-9]+/|S-[0-9]+/)*([0-9]{1,3})/"));
/// ODS export markers.
pub static ODS_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| re(r"<<ODS DOC SYMBOL1>>\s*([^<]+?)\s*<<"));
/// ODS leading bracket tags like `[DU1]`.
pub static ODS_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"^\[[A-Z]{1,3}[0-9]*\]"));

/// Month name → number.
pub fn month_number(name: &str) -> Option<u32> {
    let l = name.to_lowercase();
    crate::vocab::MONTHS
        .iter()
        .position(|m| *m == l)
        .map(|i| i as u32 + 1)
}

/// `22 December 2011` → `2011-12-22`.
pub fn iso_date(text: &str) -> Option<String> {
    let c = DATE_IN.captures(text)?;
    let d: u32 = c.get(1)?.as_str().parse().ok()?;
    let m = month_number(c.get(2)?.as_str())?;
    let y: u32 = c.get(3)?.as_str().parse().ok()?;
    (1..=31)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_match() {
        assert!(GA_LINE.is_match("The General Assembly,  "));
        assert!(SYMBOL_LINE.is_match("A/RES/79/194 "));
        assert!(SYMBOL_LINE.is_match("A/C.2/80/L.17"));
        assert!(PAGE_COUNTER.is_match("2/18 "));
        assert!(JOB_NUMBER.is_match("25-16621 (E)    221025     "));
        assert!(BARCODE.is_match("*2424293* "));
        assert!(PLENARY.is_match("development”. 69th plenary meeting"));
        assert!(PLENARY.is_match("50th (resumed) plenary meeting 22 December 2023"));
        assert!(PLENARY.is_match("47th plenary meeting 4 December2024"));
        assert_eq!(iso_date("4 December2024").as_deref(), Some("2024-12-04"));
        assert!(ROMAN_HEADING.is_match("II"));
        assert!(ROMAN_HEADING.is_match("II Financial performance report for 2022"));
        assert!(!ROMAN_HEADING.is_match("I n v i t e s"));
        assert!(PART_START.is_match("Part IV International cooperation for development"));
        assert!(STARS.is_match("* * * "));
        assert!(PART_START.is_match("Article 17"));
        assert!(PART_START.is_match("Rule 60 Intergovernmental organizations"));
        assert_eq!(
            iso_date("on 22 December 2011").as_deref(),
            Some("2011-12-22")
        );
        assert!(ODS_SYMBOL.is_match("<<ODS DOC SYMBOL1>>A/RES/66/184<<ODS DOC SYMBOL1>>"));
        assert!(ANNEX_START.is_match("Annex II"));
        assert!(!ANNEX_START.is_match("Annexes"));
        assert!(SECTION_START.is_match("IV. Youth"));
        assert!(SPONSORS.is_match("Iraq:* draft resolution"));
        assert!(REPORT.is_match("[on the report of the Second Committee (A/79/434, para. 21)]"));
        assert!(!OP_START.is_match("2030 Agenda"));
        assert!(AGENDA.is_match("Agenda item 15 "));
        assert!(TITLE_LINE.is_match("66/184.\tInformation"));
        assert!(
            SUBMITTED_BY
                .is_match("Draft resolution submitted by the President of the General Assembly")
        );
        assert!(SYMBOL_SESSION.is_match("A/C.2/80/L.17"));
        assert!(ODS_TAG.is_match("[DU1]<<ODS"));
        assert!(ACTION_START.is_match("Action 1. We will"));
        assert!(FN_SEPARATOR.is_match("__________________ "));
        assert!(FN_START.is_match("1  Resolutions 56/183"));
        assert!(SUB_START.is_match("(iv) text"));
        assert!(DATE_LINE.is_match("19 December 2024 "));
    }
}
