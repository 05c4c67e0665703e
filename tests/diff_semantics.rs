//! Change semantics a negotiator can trust (issue 9): every example of the issue on the corpus
//! file it comes from, and a table of synthetic edits applied to a real resolution with the
//! expected classification.
//!
//! The gold facts below were read from the corpus texts, not taken from resdiff's output.

use resdiff::compare::{Comparison, Pair};
use resdiff::compare_texts;
use resdiff::diff::{ChangeKind, Direction, FootnoteChange, KindChange, OpKind};

/// The comparison of two corpus documents, or `None` (skipped) without the corpus.
fn corpus_pair(old: &str, new: &str) -> Option<Comparison> {
    let dir = resdiff::corpus::dir_or_skip("diff_semantics")?;
    let read = |s: &str| resdiff::load(&resdiff::corpus::text_path(&dir, s)).unwrap();
    Some(resdiff::compare::compare(read(old), read(new)))
}

/// The pair whose new paragraph has id `new_id`.
fn by_new<'c>(c: &'c Comparison, new_id: &str) -> &'c Pair {
    c.pairs
        .iter()
        .find(|p| {
            p.new
                .iter()
                .any(|&i| c.new.paragraphs.get(i).is_some_and(|q| q.id == new_id))
        })
        .unwrap_or_else(|| panic!("no pair with new {new_id}"))
}

fn old_ids(c: &Comparison, p: &Pair) -> Vec<String> {
    p.old
        .iter()
        .map(|&i| c.old.paragraphs[i].id.clone())
        .collect()
}

/// The changed ops whose text contains `needle`.
fn changed_with<'p>(p: &'p Pair, needle: &str) -> Vec<&'p resdiff::diff::DiffOp> {
    p.ops
        .iter()
        .filter(|o| o.op != OpKind::Equal && o.text.contains(needle))
        .collect()
}

/// Asserts that `needle` is among the changed words of `p` and never muted as routine.
fn changed_and_shown(p: &Pair, needle: &str) {
    let ops = changed_with(p, needle);
    assert!(!ops.is_empty(), "{needle} is not among the changes");
    assert!(ops.iter().all(|o| !o.routine), "{needle} muted as routine");
}

#[test]
fn deferred_working_group_and_dropped_resolution_are_substantive() {
    // 78/102 OP15: "… as well as its resolution 77/98 … continued during its seventy-ninth
    // session"; 79/116 OP15: the reference to 77/98 is gone and it is the eighty-first session
    // (a session skipped, while the documents are one session apart).
    let Some(c) = corpus_pair("A/RES/78/102", "A/RES/79/116") else {
        return;
    };
    assert_eq!(c.summary.session_gap, Some(1));
    let p = by_new(&c, "OP15");
    assert_eq!(old_ids(&c, p), ["OP15"]);
    assert_eq!(p.class.kind, ChangeKind::Substantive);
    for needle in ["77/98", "eighty-first"] {
        changed_and_shown(p, needle);
    }
}

#[test]
fn reports_moved_to_a_two_year_cycle_are_substantive() {
    // 78/223 OP24 → 79/186 OP27 and 78/277 OP22 → 79/321 OP22: "submit to the General Assembly
    // at its seventy-ninth session a report" → "eighty-first session".
    for (old, new, old_id, new_id) in [
        ("A/RES/78/223", "A/RES/79/186", "OP24", "OP27"),
        ("A/RES/78/277", "A/RES/79/321", "OP22", "OP22"),
    ] {
        let Some(c) = corpus_pair(old, new) else {
            return;
        };
        let p = by_new(&c, new_id);
        assert_eq!(old_ids(&c, p), [old_id], "{new}");
        assert_eq!(p.class.kind, ChangeKind::Substantive, "{new} {new_id}");
        changed_and_shown(p, "eighty-first");
    }
    // 78/113 OP2 → 79/127 OP2: "establish, at its seventy-ninth session, a working group" →
    // "at its eighty-first session": the key change is not greyed.
    let Some(c) = corpus_pair("A/RES/78/113", "A/RES/79/127") else {
        return;
    };
    let p = by_new(&c, "OP2");
    assert_eq!(p.class.kind, ChangeKind::Substantive);
    changed_and_shown(p, "eighty-first");
}

#[test]
fn a_period_starting_year_is_substantive_even_when_shifted_by_the_gap() {
    // 78/154 OP35 "Decides to include, in the United Nations calendar of conferences and
    // meetings for the year 2023 and subsequent years, …" → 79/207 OP36 "… for the year 2024
    // and subsequent years …": a period, shown; while PP27 → PP30 "the global celebrations of
    // the 2023 World Day to Combat Desertification" → "2024 World Day" (an annual day, one
    // session apart) stays the rollover.
    let Some(c) = corpus_pair("A/RES/78/154", "A/RES/79/207") else {
        return;
    };
    assert_eq!(c.summary.session_gap, Some(1));
    let p = by_new(&c, "OP36");
    assert_eq!(old_ids(&c, p), ["OP35"]);
    changed_and_shown(p, "2024");
    let p = by_new(&c, "PP30");
    assert_eq!(old_ids(&c, p), ["PP27"]);
    // The year of the Day alone; the new theme and "on 17 June 2024" are other, shown changes.
    let day_year: Vec<_> = changed_with(p, "2024")
        .into_iter()
        .filter(|o| o.text == "2024")
        .collect();
    assert_eq!(day_year.len(), 1);
    assert!(day_year[0].routine);
    assert_eq!(
        day_year[0].routine_reason.as_deref(),
        Some("year +1 = document gap")
    );
}

#[test]
fn added_paragraph_list_and_competing_resolution_are_substantive() {
    // 78/68 OP267 → 79/145 OP275: "… and paragraphs 181, 203 to 207, … and 257 of resolution
    // 77/118" added.
    let Some(c) = corpus_pair("A/RES/78/68", "A/RES/79/145") else {
        return;
    };
    let p = by_new(&c, "OP275");
    assert_eq!(old_ids(&c, p), ["OP267"]);
    assert_eq!(p.class.kind, ChangeKind::Substantive);
    changed_and_shown(p, "77/118");
    // 78/20 PP1 → 79/22 PP1: 78/20 (the old document, with its date 4 December 2023) and
    // 78/238 (another resolution) join the recall list.
    let Some(c) = corpus_pair("A/RES/78/20", "A/RES/79/22") else {
        return;
    };
    let p = by_new(&c, "PP1");
    assert_eq!(old_ids(&c, p), ["PP1"]);
    assert_eq!(p.class.kind, ChangeKind::Substantive);
    changed_and_shown(p, "78/238");
}

#[test]
fn the_old_document_replacing_its_predecessor_is_routine() {
    // 78/25 PP4 "Taking note of the report of the Secretary-General submitted pursuant to
    // resolution 77/44," → 79/45 PP4 "… pursuant to resolution 78/25,": the rollover; its
    // footnote "A/78/116." → "A/79/118." is the report of the next session.
    let Some(c) = corpus_pair("A/RES/78/25", "A/RES/79/45") else {
        return;
    };
    let p = by_new(&c, "PP4");
    assert_eq!(old_ids(&c, p), ["PP4"]);
    assert_eq!(p.class.kind, ChangeKind::Routine);
    let ops = changed_with(p, "78/25");
    assert!(!ops.is_empty());
    assert!(ops.iter().all(|o| o.routine_reason.as_deref()
        == Some("77/44 (the predecessor) replaced by 78/25 (the old document)")));
}

#[test]
fn footnote_that_gains_states_is_not_unchanged() {
    // 78/21 PP11 → 79/20 PP14 "Stressing the importance of the political statements …": the
    // footnote listing the States gains Burkina Faso and Mali; the paragraph text is the same.
    let Some(c) = corpus_pair("A/RES/78/21", "A/RES/79/20") else {
        return;
    };
    let p = by_new(&c, "PP14");
    assert_eq!(old_ids(&c, p), ["PP11"]);
    assert_eq!(p.class.kind, ChangeKind::Footnote);
    assert!(p.class.footnotes.iter().any(|f| matches!(
        f,
        FootnoteChange::Changed { new, routine_reason: None, .. }
            if new.contains("Burkina Faso") && new.contains("Mali")
    )));
    // It counts with the substantive pairs (the "substantive only" filter shows it).
    assert!(p.class.kind.is_substantive());
    assert!(c.summary.footnote_only >= 1);
}

#[test]
fn lead_changes_from_the_corpus() {
    // 78/32 OP10 "Calls upon" → 79/58 OP10 "Urgently calls upon": stronger.
    if let Some(c) = corpus_pair("A/RES/78/32", "A/RES/79/58") {
        let l = by_new(&c, "OP10").class.lead_change.clone().unwrap();
        assert_eq!(
            (l.old.as_str(), l.new.as_str()),
            ("Calls upon", "Urgently calls upon")
        );
        assert_eq!(l.direction, Direction::Stronger);
        assert_eq!(l.kind_change, None);
    }
    // 78/46 OP32 "Encourages Member States to discuss … the establishment of an open-ended
    // technical expert group" → 79/40 OP33 "Decides to establish an open-ended technical
    // expert group": stronger (a decision).
    if let Some(c) = corpus_pair("A/RES/78/46", "A/RES/79/40") {
        let p = by_new(&c, "OP33");
        assert_eq!(old_ids(&c, p), ["OP32"]);
        let l = p.class.lead_change.clone().unwrap();
        assert_eq!((l.old.as_str(), l.new.as_str()), ("Encourages", "Decides"));
        assert_eq!(l.direction, Direction::Stronger);
    }
    // L.17 OP65 "Decides to finalize the modalities …" → L.58 OP66 "Takes note of the
    // modalities resolution …": weaker; and as both drafts are of the 80th session nothing in
    // the pair is routine.
    if let Some(c) = corpus_pair("A/C.2/80/L.17", "A/C.2/80/L.58") {
        assert_eq!(c.summary.session_gap, Some(0));
        assert_eq!(c.summary.routine, 0);
        assert!(c.pairs.iter().all(|p| p.ops.iter().all(|o| !o.routine)));
        let p = by_new(&c, "OP66");
        assert_eq!(old_ids(&c, p), ["OP65"]);
        let l = p.class.lead_change.clone().unwrap();
        assert_eq!((l.old.as_str(), l.new.as_str()), ("Decides", "Takes note"));
        assert_eq!(l.direction, Direction::Weaker);
    }
}

#[test]
fn sample_operative_paragraph_demoted_to_the_preamble() {
    // 65/141 OP16 "Further recognizes that …" became 66/184 PP26 "Reaffirming that …": a
    // demotion, never "▲ stronger".
    let c = resdiff::compare_files(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample_data/A_RES_65_141.txt"
        )),
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample_data/A_RES_66_184.txt"
        )),
    )
    .unwrap();
    assert_eq!(c.summary.session_gap, Some(1));
    let p = by_new(&c, "PP26");
    assert_eq!(old_ids(&c, p), ["OP16"]);
    let l = p.class.lead_change.clone().unwrap();
    assert_eq!(
        (l.old.as_str(), l.new.as_str()),
        ("Further recognizes", "Reaffirming")
    );
    assert_eq!(l.kind_change, Some(KindChange::OperativeToPreambular));
    assert_eq!(l.direction, Direction::Neutral);
    // Every routine op of the sample pair says why.
    let routine: Vec<_> = c
        .pairs
        .iter()
        .flat_map(|p| &p.ops)
        .filter(|o| o.routine)
        .collect();
    assert!(!routine.is_empty());
    assert!(routine.iter().all(|o| o.routine_reason.is_some()));
}

#[test]
fn leads_only_from_sentence_paragraphs() {
    // 79/145 has the heading "Eightieth session of the General Assembly" before OP282; 78/20
    // has the list item "(a) Intentional damage to and destruction of space systems;".
    for (symbol, text) in [
        ("A/RES/79/145", "Eightieth session of the General Assembly"),
        (
            "A/RES/78/20",
            "Intentional damage to and destruction of space systems",
        ),
    ] {
        let Some(dir) = resdiff::corpus::dir_or_skip("diff_semantics leads") else {
            return;
        };
        let r = resdiff::load(&resdiff::corpus::text_path(&dir, symbol)).unwrap();
        let p = r
            .paragraphs
            .iter()
            .find(|p| p.text.starts_with(text))
            .unwrap_or_else(|| panic!("{text:?} not in {symbol}"));
        assert_eq!(p.lead, None, "{symbol}: {text}");
    }
    // "Looking forward to …" (78/145 PP): the lead is "Looking forward", not "Looking".
    if let Some(dir) = resdiff::corpus::dir_or_skip("diff_semantics leads") {
        let r = resdiff::load(&resdiff::corpus::text_path(&dir, "A/RES/78/145")).unwrap();
        let p = r
            .paragraphs
            .iter()
            .find(|p| {
                p.text
                    .starts_with("Looking forward to the third United Nations Ocean")
            })
            .unwrap();
        assert_eq!(p.lead.as_deref(), Some("Looking forward"));
    }
}

#[test]
fn numbers_and_symbols_change_whole() {
    // 78/293 "18,318,600 dollars" → 79/298 "18,904,600 dollars"; 78/8 "GC(67)/RES/7" → 79/4
    // "GC(68)/RES/8".
    let Some(dir) = resdiff::corpus::dir_or_skip("diff_semantics numbers") else {
        return;
    };
    let line = |symbol: &str, needle: &str| -> String {
        let raw = std::fs::read_to_string(resdiff::corpus::text_path(&dir, symbol)).unwrap();
        let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = flat
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {symbol}"));
        flat[at.saturating_sub(40)..at + needle.len() + 20].to_string()
    };
    let old = line("A/RES/78/293", "18,318,600 dollars");
    let new = old.replace("18,318,600", "18,904,600");
    assert!(line("A/RES/79/298", "18,904,600 dollars").contains("18,904,600 dollars"));
    let ops = resdiff::diff::diff_words(&old, &new);
    let changed: Vec<&str> = ops
        .iter()
        .filter(|o| o.op != OpKind::Equal)
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(changed, ["18,318,600", "18,904,600"]);
    let old = line("A/RES/78/8", "GC(67)/RES/7");
    let new = old.replace("GC(67)/RES/7", "GC(68)/RES/8");
    assert!(line("A/RES/79/4", "GC(68)/RES/8").contains("GC(68)/RES/8"));
    let ops = resdiff::diff::diff_words(&old, &new);
    let changed: Vec<&str> = ops
        .iter()
        .filter(|o| o.op != OpKind::Equal)
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(changed, ["GC(67)/RES/7", "GC(68)/RES/8"]);
}

/// Where an edit lands: the pair whose new paragraph contains a text, or cites a footnote.
#[derive(Clone, Copy)]
enum At {
    Text(&'static str),
    Note(u32),
}

/// One synthetic edit of the next year's version of A/RES/66/184 and what it must be.
struct Case {
    what: &'static str,
    find: &'static str,
    replace: &'static str,
    at: At,
    kind: ChangeKind,
    /// The lead-phrase direction, when the edit changes the lead.
    lead: Option<Direction>,
    /// A part of the routine reason, for routine cases.
    reason: Option<&'static str>,
}

const fn case(
    what: &'static str,
    find: &'static str,
    replace: &'static str,
    at: At,
    kind: ChangeKind,
) -> Case {
    Case {
        what,
        find,
        replace,
        at,
        kind,
        lead: None,
        reason: None,
    }
}

const fn routine(
    what: &'static str,
    find: &'static str,
    replace: &'static str,
    at: At,
    reason: &'static str,
) -> Case {
    Case {
        what,
        find,
        replace,
        at,
        kind: ChangeKind::Routine,
        lead: None,
        reason: Some(reason),
    }
}

const fn lead(
    what: &'static str,
    find: &'static str,
    replace: &'static str,
    direction: Direction,
) -> Case {
    Case {
        what,
        find,
        replace,
        at: At::Text(replace),
        kind: ChangeKind::Substantive,
        lead: Some(direction),
        reason: None,
    }
}

use ChangeKind::{Footnote, Substantive};

const CASES: &[Case] = &[
    // True rollovers: one session, one year.
    routine(
        "agenda of the next session",
        "agenda of its sixty-seventh session",
        "agenda of its sixty-eighth session",
        At::Text("Decides to include"),
        "session +1 = document gap",
    ),
    routine(
        "report at the next session",
        "Assembly at its sixty-seventh session, through",
        "Assembly at its sixty-eighth session, through",
        At::Text("Requests the Secretary-General to submit"),
        "session +1 = document gap",
    ),
    routine(
        "the annual Forum's year",
        "Information Society Forum 2011 in Geneva",
        "Information Society Forum 2012 in Geneva",
        At::Text("Noting the organization of the World Summit"),
        "year +1 = document gap",
    ),
    routine(
        "the old document joins the recall list",
        "65/141 of 20 December 2010 and other relevant resolutions",
        "65/141 of 20 December 2010, 66/184 of 22 December 2011 and other relevant resolutions",
        At::Text("Recalling its resolutions 56/183"),
        "66/184 (the old document) added to the list",
    ),
    routine(
        "the old document replaces its predecessor",
        "65/141 of 20 December 2010 and other relevant resolutions",
        "66/184 of 22 December 2011 and other relevant resolutions",
        At::Text("Recalling its resolutions 56/183"),
        "65/141 (the predecessor) replaced by 66/184 (the old document)",
    ),
    routine(
        "the report of the next session in a footnote",
        "7 A/66/64-E/2011/77.",
        "7 A/67/64-E/2012/77.",
        At::Note(7),
        "report A/66/…-E/2011/… → A/67/…-E/2012/…",
    ),
    routine(
        "another report of the next session in a footnote",
        "10 A/66/77-E/2011/103.",
        "10 A/67/80-E/2012/110.",
        At::Note(10),
        "session +1 = document gap",
    ),
    // Shifts that are not the gap, or go backwards.
    case(
        "agenda deferred by two sessions",
        "agenda of its sixty-seventh session",
        "agenda of its sixty-ninth session",
        At::Text("Decides to include"),
        Substantive,
    ),
    case(
        "report at a two-year cycle",
        "Assembly at its sixty-seventh session, through",
        "Assembly at its sixty-ninth session, through",
        At::Text("Requests the Secretary-General to submit"),
        Substantive,
    ),
    case(
        "report moved back a session",
        "Assembly at its sixty-seventh session, through",
        "Assembly at its sixty-sixth session, through",
        At::Text("Requests the Secretary-General to submit"),
        Substantive,
    ),
    case(
        "a second session added",
        "agenda of its sixty-seventh session",
        "agenda of its sixty-seventh and sixty-eighth sessions",
        At::Text("Decides to include"),
        Substantive,
    ),
    case(
        "the Forum's year moved by two",
        "Information Society Forum 2011 in Geneva",
        "Information Society Forum 2013 in Geneva",
        At::Text("Noting the organization of the World Summit"),
        Substantive,
    ),
    case(
        "the Forum's year moved back",
        "Information Society Forum 2011 in Geneva",
        "Information Society Forum 2010 in Geneva",
        At::Text("Noting the organization of the World Summit"),
        Substantive,
    ),
    // Deadlines, periods and durations, even when shifted by the gap.
    case(
        "review deadline moved by the gap",
        "to be held by the end of 2015",
        "to be held by the end of 2016",
        At::Text("Reaffirms the role of the General Assembly"),
        Substantive,
    ),
    case(
        "dates of a past meeting (a period) moved by the gap",
        "from 16 to 20 May 2011",
        "from 16 to 20 May 2012",
        At::Text("Noting the organization of the World Summit"),
        Substantive,
    ),
    case(
        "first phase held in another year",
        "from 10 to 12 December 2003",
        "from 10 to 12 December 2004",
        At::Text("Recalling further the Declaration of Principles"),
        Substantive,
    ),
    case(
        "a ten-year review becomes a five-year review",
        "ten-year review",
        "five-year review",
        At::Text("Recalling its decision that the desirability"),
        Substantive,
    ),
    case(
        "a deadline added",
        "a report on the status of the implementation",
        "by 31 July 2012 a report on the status of the implementation",
        At::Text("Requests the Secretary-General to submit"),
        Substantive,
    ),
    // Numbers, amounts, counts.
    case(
        "a percentage",
        "only 26 per cent",
        "only 30 per cent",
        At::Text("Emphasizing, however"),
        Substantive,
    ),
    case(
        "a decimal",
        "compared with 74 per cent",
        "compared with 74.5 per cent",
        At::Text("Emphasizing, however"),
        Substantive,
    ),
    case(
        "an amount with separators",
        "only 26 per cent",
        "only 18,318,600 dollars and 26 per cent",
        At::Text("Emphasizing, however"),
        Substantive,
    ),
    case(
        "a paragraph reference",
        "Recalls paragraph 22 of its resolution 65/141",
        "Recalls paragraph 23 of its resolution 65/141",
        At::Text("Recalls paragraph"),
        Substantive,
    ),
    case(
        "the predecessor replaced without its date (a part of it is meant)",
        "Recalls paragraph 22 of its resolution 65/141",
        "Recalls paragraph 22 of its resolution 66/184",
        At::Text("Recalls paragraph"),
        Substantive,
    ),
    // Other resolution and document symbols.
    case(
        "another resolution joins the recall list",
        "65/141 of 20 December 2010 and other relevant resolutions",
        "65/141 of 20 December 2010, 66/185 of 22 December 2011 and other relevant resolutions",
        At::Text("Recalling its resolutions 56/183"),
        Substantive,
    ),
    case(
        "a resolution of the list replaced",
        "63/202 of 19 December 2008",
        "63/203 of 19 December 2008",
        At::Text("Recalling its resolutions 56/183"),
        Substantive,
    ),
    case(
        "a resolution dropped from the list",
        "63/202 of 19 December 2008, ",
        "",
        At::Text("Recalling its resolutions 56/183"),
        Substantive,
    ),
    case(
        "an ECOSOC resolution replaced",
        "resolution 2011/16 of 26 July 2011",
        "resolution 2012/5 of 24 July 2012",
        At::Text("Recalling also Economic and Social Council"),
        Substantive,
    ),
    case(
        "a footnote report number changed in the same session",
        "7 A/66/64-E/2011/77.",
        "7 A/66/64-E/2011/78.",
        At::Note(7),
        Footnote,
    ),
    case(
        "a footnote report moved two sessions",
        "9 A/66/67-E/2011/79.",
        "9 A/68/67-E/2013/79.",
        At::Note(9),
        Footnote,
    ),
    case(
        "a committee document of another session in a footnote",
        "1 See A/C.2/59/3, annex.",
        "1 See A/C.2/60/3, annex.",
        At::Note(1),
        Footnote,
    ),
    case(
        "a footnote text changed in words",
        "1 See A/C.2/59/3, annex.",
        "1 See A/C.2/59/3, annexes I and II.",
        At::Note(1),
        Footnote,
    ),
    case(
        "the ordinal of a body that is not annual",
        "fourteenth session of the Commission on Science",
        "fifteenth session of the Commission on Science",
        At::Text("Noting the holding of the"),
        Substantive,
    ),
    // Lead phrases.
    lead(
        "Encourages → Urges",
        "9.\tEncourages strengthened",
        "9.\tUrges strengthened",
        Direction::Stronger,
    ),
    lead(
        "Encourages → Strongly encourages",
        "14.\tEncourages the United Nations funds",
        "14.\tStrongly encourages the United Nations funds",
        Direction::Stronger,
    ),
    lead(
        "Encourages → Calls upon",
        "9.\tEncourages strengthened",
        "9.\tCalls upon stakeholders to pursue strengthened",
        Direction::Stronger,
    ),
    lead(
        "Encourages → Decides",
        "14.\tEncourages the United Nations funds",
        "14.\tDecides that the United Nations funds",
        Direction::Stronger,
    ),
    lead(
        "Requests → Invites",
        "20.\tRequests the Secretary-General to submit",
        "20.\tInvites the Secretary-General to submit",
        Direction::Weaker,
    ),
    lead(
        "Welcomes → Welcomes with appreciation",
        "11.\tWelcomes the efforts undertaken by Tunisia",
        "11.\tWelcomes with appreciation the efforts undertaken by Tunisia",
        Direction::Stronger,
    ),
    lead(
        "Welcomes → Condemns",
        "11.\tWelcomes the efforts undertaken by Tunisia",
        "11.\tCondemns the efforts undertaken by Tunisia",
        Direction::Reversed,
    ),
    lead(
        "Welcomes → Notes with concern",
        "11.\tWelcomes the efforts undertaken by Tunisia",
        "11.\tNotes with concern the efforts undertaken by Tunisia",
        Direction::Reversed,
    ),
    lead(
        "Welcomes → Does not welcome",
        "11.\tWelcomes the efforts undertaken by Tunisia",
        "11.\tDoes not welcome the efforts undertaken by Tunisia",
        Direction::Reversed,
    ),
    lead(
        "Notes → Takes note with appreciation of",
        "17.\tNotes the report of the Chair",
        "17.\tTakes note with appreciation of the report of the Chair",
        Direction::Stronger,
    ),
    lead(
        "Expresses concern → Expresses grave concern",
        "2.\tExpresses concern regarding",
        "2.\tExpresses grave concern regarding",
        Direction::Stronger,
    ),
    lead(
        "Expressing concern → Expressing deep concern",
        "Expressing concern about the ongoing",
        "Expressing deep concern about the ongoing",
        Direction::Stronger,
    ),
    lead(
        "Reaffirms → Recognizes",
        "10.\tReaffirms the role of the General Assembly",
        "10.\tRecognizes the role of the General Assembly",
        Direction::Weaker,
    ),
    lead(
        "Decides → Takes note of",
        "21.\tDecides to include",
        "21.\tTakes note of the proposal to include",
        Direction::Weaker,
    ),
];

/// A/RES/66/184 as if adopted a year later as 67/210 on 20 December 2012, otherwise unchanged.
fn next_year(text: &str) -> String {
    let t = text
        .replacen("66/184.\tInformation", "67/210.\tInformation", 1)
        .replace("A/RES/66/184", "A/RES/67/210")
        .replace("Sixty-sixth session", "Sixty-seventh session")
        .replace("22 December 2011\n", "20 December 2012\n");
    assert_ne!(t, text);
    t
}

fn pair_at(c: &Comparison, at: At) -> &Pair {
    c.pairs
        .iter()
        .find(|p| {
            p.new.iter().any(|&i| {
                let q = &c.new.paragraphs[i];
                match at {
                    At::Text(t) => q.text.contains(t.trim_start_matches(|ch: char| {
                        ch.is_ascii_digit() || ch == '.' || ch == '\t'
                    })),
                    At::Note(n) => q.footnote_refs.iter().any(|r| r.number == n),
                }
            })
        })
        .expect("the edited paragraph")
}

#[test]
fn synthetic_edits_of_a_real_resolution_are_classified_as_documented() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let old = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_data/A_RES_66_184.txt"
    ))
    .unwrap();
    let base = next_year(&old);
    // The untouched next-year version: every pair unchanged, the gap one session.
    let c = compare_texts(&old, &base);
    assert_eq!(c.summary.session_gap, Some(1));
    assert_eq!(c.new.meta.symbol.as_deref(), Some("A/RES/67/210"));
    assert_eq!(c.summary.substantive, 0, "{:?}", c.summary);
    let mut failures = Vec::new();
    for case in CASES {
        assert!(
            base.contains(case.find),
            "{}: {:?} not found",
            case.what,
            case.find
        );
        let new = base.replacen(case.find, case.replace, 1);
        let c = compare_texts(&old, &new);
        let p = pair_at(&c, case.at);
        let mut problems = Vec::new();
        if p.class.kind != case.kind {
            problems.push(format!("kind {:?}, expected {:?}", p.class.kind, case.kind));
        }
        if let Some(d) = case.lead {
            match &p.class.lead_change {
                Some(l) if l.direction == d => {}
                other => problems.push(format!("lead {other:?}, expected {d:?}")),
            }
        }
        if let Some(reason) = case.reason {
            let reasons: Vec<String> = p
                .ops
                .iter()
                .filter_map(|o| o.routine_reason.clone())
                .chain(p.class.footnotes.iter().filter_map(|f| match f {
                    FootnoteChange::Changed { routine_reason, .. } => routine_reason.clone(),
                    _ => None,
                }))
                .collect();
            if !reasons.iter().any(|r| r.contains(reason)) {
                problems.push(format!("reasons {reasons:?}, expected {reason:?}"));
            }
        }
        // Nothing else in the document changed (a footnote may be cited by several paragraphs).
        let others = c
            .pairs
            .iter()
            .filter(|q| !std::ptr::eq(*q, p) && q.class.kind != ChangeKind::None)
            .count();
        if others != 0 && matches!(case.at, At::Text(_)) {
            problems.push(format!("{others} other pairs changed"));
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", case.what, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The same true rollover with the gap unknown or zero is substantive.
    let edit = |t: &str| {
        t.replacen(
            "agenda of its sixty-seventh session",
            "agenda of its sixty-eighth session",
            1,
        )
    };
    for (label, prefix, symbol) in [
        ("same session", "66/185.\tInformation", "A/RES/66/185"),
        ("unknown", "Information", ""),
    ] {
        let new = edit(&base)
            .replacen("67/210.\tInformation", prefix, 1)
            .replace("A/RES/67/210", symbol)
            .replace("Sixty-seventh session", "");
        // Without a symbol the session would come from the date: drop the dates too.
        let new = if symbol.is_empty() {
            new.replace("20 December 2012", "")
                .replace("6 February 2012", "")
        } else {
            new
        };
        let c = compare_texts(&old, &new);
        let gap = if label == "same session" {
            Some(0)
        } else {
            None
        };
        assert_eq!(c.summary.session_gap, gap, "{label}");
        let p = pair_at(&c, At::Text("Decides to include"));
        assert_eq!(p.class.kind, Substantive, "{label}");
    }
}
