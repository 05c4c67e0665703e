//! Markdown as a CommonMark/GFM parser reads it: every insertion and deletion renders as emphasis
//! (never as literal `**` or `~~`), on the sample pair and on every series pair of the corpus.

mod report_support;

use pulldown_cmark::{Event, Options, Parser, Tag};
use resdiff::compare::{Comparison, compare};
use resdiff::diff::OpKind;
use resdiff::parse::parse;
use resdiff::report::{Format, RenderOptions, render};

use report_support::{read, sample};

/// What a GFM renderer makes of the report.
#[derive(Default, Debug)]
struct Rendered {
    /// Text runs that show a delimiter literally (`and**,**`).
    literal: Vec<String>,
    /// Bold spans (`**…**` or `<strong>`) and struck spans (`~~…~~` or `<del>`).
    strong: usize,
    struck: usize,
    /// Italic spans (routine updates are `<em>`).
    em: usize,
}

fn rendered(md: &str) -> Rendered {
    let mut r = Rendered::default();
    let opts = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    // The parser hands out text in pieces (`and`, `**`, `,`): join the runs of text first.
    let mut text = String::new();
    let flush = |text: &mut String, r: &mut Rendered| {
        if text.contains("**") || text.contains("~~") {
            r.literal.push(std::mem::take(text));
        }
        text.clear();
    };
    for (ev, range) in Parser::new_ext(md, opts).into_offset_iter() {
        // pulldown-cmark opens `~~` where GitHub's cmark-gfm does not (`2011~~;~~`): hold its
        // strikethrough to the CommonMark flanking rules that GitHub applies.
        if matches!(ev, Event::Start(Tag::Strikethrough)) && !strict_flanking(md, range.clone()) {
            r.literal.push(md[range.clone()].to_string());
        }
        if let Event::Text(t) = &ev {
            text.push_str(t);
            continue;
        }
        flush(&mut text, &mut r);
        match ev {
            Event::Start(Tag::Strong) => r.strong += 1,
            Event::Start(Tag::Strikethrough) => r.struck += 1,
            Event::Start(Tag::Emphasis) => r.em += 1,
            Event::InlineHtml(h) | Event::Html(h) => {
                let h = h.trim();
                r.strong += usize::from(h == "<strong>");
                r.struck += usize::from(h == "<del>");
                r.em += usize::from(h == "<em>");
            }
            _ => {}
        }
    }
    flush(&mut text, &mut r);
    r
}

/// True when the delimiter runs at both ends of `md[range]` (`~~…~~`) are left- and
/// right-flanking as CommonMark defines them (punctuation: ASCII, or not alphanumeric and not
/// space in Unicode).
fn strict_flanking(md: &str, range: std::ops::Range<usize>) -> bool {
    let span = &md[range.clone()];
    let run = span.len() - span.trim_start_matches('~').len();
    let end_run = span.len() - span.trim_end_matches('~').len();
    let before = md[..range.start].chars().last();
    let after = md[range.end..].chars().next();
    let first = span[run..].chars().next();
    let last = span[..span.len() - end_run].chars().last();
    let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_punctuation() || !(c.is_alphanumeric() || c.is_whitespace()))
    };
    let left = !ws(first) && (!punct(first) || ws(before) || punct(before));
    let right = !ws(last) && (!punct(last) || ws(after) || punct(after));
    left && right
}

/// Checks one comparison; returns (marks expected, marks rendered) for the totals.
fn check(c: &Comparison, label: &str) -> (usize, usize) {
    let md =
        String::from_utf8(render(c, Format::Markdown, &RenderOptions::default()).unwrap()).unwrap();
    let r = rendered(&md);
    assert!(
        r.literal.is_empty(),
        "{label}: literal delimiters in the rendered text: {:?}",
        r.literal
    );
    // Every substantive insertion and deletion of a changed pair is one bold or struck span (a
    // run split by a paragraph break is one span per paragraph, so at least that many).
    let (mut ins, mut del, mut routine) = (0, 0, 0);
    for p in &c.pairs {
        for op in &p.ops {
            if op.text.trim().is_empty() {
                continue;
            }
            match (op.op, op.routine) {
                (OpKind::Insert, false) => ins += 1,
                (OpKind::Delete, false) => del += 1,
                (OpKind::Equal, _) => {}
                _ => routine += 1,
            }
        }
    }
    assert!(
        r.strong >= ins,
        "{label}: {} bold for {ins} insertions",
        r.strong
    );
    assert!(
        r.struck >= del,
        "{label}: {} struck for {del} deletions",
        r.struck
    );
    // Routine updates are marked differently: in italics.
    assert!(
        r.em >= routine,
        "{label}: {} italic for {routine} routine",
        r.em
    );
    (ins + del, r.strong + r.struck)
}

#[test]
fn sample_pair_renders_every_change() {
    let c = sample();
    let (want, got) = check(&c, "sample");
    assert!(want > 100, "{want}");
    assert!(got >= want);
}

#[test]
fn every_series_pair_renders_every_change() {
    let Some(dir) = resdiff::corpus::dir_or_skip("Markdown on the corpus series") else {
        return;
    };
    let series = read(&dir.join("series.tsv"));
    let (mut pairs, mut marks) = (0, 0);
    for line in series.lines().skip(1) {
        let Some((_, symbols)) = line.split_once('\t') else {
            continue;
        };
        let symbols: Vec<&str> = symbols.split_whitespace().collect();
        for w in symbols.windows(2) {
            let (po, pn) = (
                resdiff::corpus::text_path(&dir, w[0]),
                resdiff::corpus::text_path(&dir, w[1]),
            );
            if !po.is_file() || !pn.is_file() {
                continue;
            }
            let c = compare(parse(&read(&po)), parse(&read(&pn)));
            marks += check(&c, &format!("{} → {}", w[0], w[1])).0;
            pairs += 1;
        }
    }
    assert_eq!(pairs, 178, "series pairs found");
    println!("{pairs} series pairs, {marks} substantive insertions and deletions rendered");
}

#[test]
fn the_checker_sees_delimiters_that_do_not_parse() {
    assert_eq!(rendered("and**,** the").literal, ["and**,** the"]);
    assert_eq!(rendered("2011~~;~~").literal, ["~~;~~"]);
    let ok = rendered("to act **now**; ~~Encourages~~**Urges** and<strong>,</strong>");
    assert!(ok.literal.is_empty());
    assert_eq!((ok.strong, ok.struck), (3, 1));
}
