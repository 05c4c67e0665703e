//! Routine-update detection (the annual rollover between two documents) and normalisation for
//! matching.

use resdiff::diff::{
    OpKind, Rollover, diff_words, is_routine_change, mark_routine, normalize_for_matching,
    routine_reason,
};
use resdiff::model::Metadata;

#[test]
fn normalize_replaces_routine_items() {
    assert_eq!(
        normalize_for_matching("Recalling its resolution 65/141 of 20 December 2010,"),
        "recalling its resolution <res> of <date>"
    );
    assert_eq!(
        normalize_for_matching("[on the report of the Second Committee (A/66/437)]"),
        "on the report of the second committee <doc>"
    );
    assert_eq!(
        normalize_for_matching("at its sixty-sixth session"),
        normalize_for_matching("at its  seventy-ninth   session")
    );
    assert_eq!(
        normalize_for_matching("at its eightieth session"),
        "at its <ord> session"
    );
    assert_eq!(
        normalize_for_matching("resolutions 57/270 B of 23 June 2003 and 2011/16"),
        "resolutions <res> of <date> and <res>"
    );
    assert_eq!(
        normalize_for_matching("A/66/64-E/2011/77 and A/C.2/80/L.17; E/2011/77"),
        "<doc> and <doc> <doc>"
    );
    assert_eq!(
        normalize_for_matching("Forum 2011 in December 2011, 26 per cent, 2030 Agenda"),
        "forum <year> in <date> <num> per cent <year> agenda"
    );
    assert_eq!(
        normalize_for_matching("18,318,600 dollars, 26%, GC(67)/RES/7"),
        "<num> dollars <num> <doc>"
    );
    assert_eq!(normalize_for_matching(""), "");
}

/// True when the word diff of `old` → `new` has changes and all of them are routine under `ro`.
fn all_routine(old: &str, new: &str, ro: &Rollover) -> bool {
    let mut ops = diff_words(old, new);
    mark_routine(&mut ops, ro);
    let changed: Vec<_> = ops.iter().filter(|o| o.op != OpKind::Equal).collect();
    !changed.is_empty() && changed.iter().all(|o| o.routine)
}

#[test]
fn routine_is_the_rollover_by_the_document_gap() {
    let annual = Rollover::with_gap(65, 1);
    assert!(is_routine_change(
        "sixty-sixth session",
        "sixty-seventh session",
        &annual
    ));
    assert!(is_routine_change("2010", "2011", &annual));
    assert!(is_routine_change("A/65/433", "A/66/437", &annual));
    assert!(is_routine_change("July 2010", "July 2011", &annual));
    assert!(!is_routine_change("2015", "2030", &annual));
    // A shift that is not the gap, or goes backwards.
    assert!(!is_routine_change(
        "sixty-sixth session",
        "sixty-eighth session",
        &annual
    ));
    assert!(!is_routine_change("2011", "2010", &annual));
    assert!(!is_routine_change("A/65/433", "A/67/437", &annual));
    // Any other resolution symbol, and numbers.
    assert!(!is_routine_change("65/141", "66/184", &annual));
    assert!(!is_routine_change("", ", 65/141", &annual));
    assert!(!is_routine_change(" and 2009/7", "", &annual));
    assert!(!is_routine_change(
        "",
        " at its sixty-seventh session",
        &annual
    ));
    assert!(!is_routine_change("paragraph 71 of ", "", &annual));
    assert!(!is_routine_change("Encourages", "Urges", &annual));
    assert!(!is_routine_change("26", "30", &annual));
    assert!(!is_routine_change(",", ";", &annual));
    assert!(is_routine_change(" ", "  ", &annual));
    // In context: a year in an ordinary clause is routine, a deadline or period is not, even
    // when shifted by the gap.
    assert!(all_routine(
        "the Forum held in July 2010 in Vilnius",
        "the Forum held in July 2011 in Vilnius",
        &annual
    ));
    for (old, new) in [
        (
            "to submit a report by 2010 on",
            "to submit a report by 2011 on",
        ),
        (
            "shall serve until July 2010 and",
            "shall serve until July 2011 and",
        ),
        ("no later than 2010, the", "no later than 2011, the"),
        (
            "for the period 2010–2011 the",
            "for the period 2011–2012 the",
        ),
        (
            "within the biennium 2010–2011 the",
            "within the biennium 2011–2012 the",
        ),
        (
            "by the end of its sixty-sixth session,",
            "by the end of its sixty-seventh session,",
        ),
    ] {
        assert!(!all_routine(old, new, &annual), "{old} → {new}");
    }
    // Gap 0 (same session) and unknown gap: nothing is routine.
    for ro in [Rollover::with_gap(80, 0), Rollover::default()] {
        assert!(!is_routine_change("2010", "2011", &ro));
        assert!(!is_routine_change(" ", "  ", &ro));
        assert!(!is_routine_change(
            "sixty-sixth session",
            "sixty-seventh session",
            &ro
        ));
    }
    assert_eq!(
        routine_reason("sixty-sixth session", "sixty-seventh session", &annual).as_deref(),
        Some("session +1 = document gap")
    );
    // The ordinal of an event the text calls annual moves with the gap; of another body it
    // does not count.
    let mut ops = diff_words(
        "at the fifteenth annual meeting of the Forum",
        "at the sixteenth annual meeting of the Forum",
    );
    mark_routine(&mut ops, &annual);
    assert!(ops.iter().any(|o| o.op != OpKind::Equal));
    for o in ops.iter().filter(|o| o.op != OpKind::Equal) {
        assert_eq!(
            o.routine_reason.as_deref(),
            Some("annual event +1 = document gap")
        );
    }
    assert!(!all_routine(
        "the fourteenth session of the Commission",
        "the fifteenth session of the Commission",
        &annual
    ));
}

#[test]
fn the_old_document_joins_or_replaces_its_predecessor() {
    let old = Metadata {
        symbol: Some("A/RES/65/141".into()),
        session: Some(65),
        date: Some("2010-12-20".into()),
        ..Metadata::default()
    };
    let new = Metadata {
        symbol: Some("A/RES/66/184".into()),
        session: Some(66),
        date: Some("2011-12-22".into()),
        ..Metadata::default()
    };
    let ro = Rollover::between(&old, &new);
    assert_eq!((ro.sessions, ro.years), (Some(1), Some(1)));
    assert_eq!(ro.old_symbol.as_deref(), Some("65/141"));
    assert_eq!(
        routine_reason(
            "and 64/187 of 21 December 2009",
            ", 64/187 of 21 December 2009 and 65/141 of 20 December 2010",
            &ro
        )
        .as_deref(),
        Some("65/141 (the old document) added to the list")
    );
    // Without a date it joins too, unless it names the place of a part of the document.
    assert!(is_routine_change("and 64/187", ", 64/187 and 65/141", &ro));
    assert!(!all_routine(
        "Recalls paragraph 22 of its resolution 64/187, and",
        "Recalls paragraph 22 of its resolution 65/141, and",
        &ro
    ));
    assert!(is_routine_change(
        "64/187 of 21 December 2009",
        "65/141 of 20 December 2010",
        &ro
    ));
    // Another resolution, or the old document with a wrong date, is substantive.
    assert!(!is_routine_change("and 64/187", ", 64/187 and 65/140", &ro));
    assert!(!is_routine_change(
        "64/187 of 21 December 2009",
        "65/141 of 21 December 2010",
        &ro
    ));
    assert!(!is_routine_change("63/202", "65/141", &ro));
    // The documents' own adoption dates (the stamp line).
    assert!(is_routine_change(
        "20 December 2010",
        "22 December 2011",
        &ro
    ));
    // A draft and its adopted text are in the same session: nothing is routine.
    let draft = Metadata {
        symbol: Some("A/C.2/66/L.12".into()),
        session: Some(66),
        date: Some("2011-11-01".into()),
        ..Metadata::default()
    };
    let ro = Rollover::between(&draft, &new);
    assert_eq!(ro.sessions, Some(0));
    assert!(!is_routine_change("2010", "2011", &ro));
    // Unknown session and date: nothing is routine.
    let ro = Rollover::between(&Metadata::default(), &new);
    assert_eq!(ro.sessions, None);
    assert!(!is_routine_change("2010", "2011", &ro));
    // Without a symbol, the session in progress on the date (a session opens in September).
    let undated = |date: &str| Metadata {
        date: Some(date.into()),
        ..Metadata::default()
    };
    let ro = Rollover::between(&undated("2010-12-20"), &undated("2011-12-22"));
    assert_eq!((ro.old_session, ro.sessions), (Some(65), Some(1)));
    let ro = Rollover::between(&undated("2025-10-06"), &undated("2025-12-19"));
    assert_eq!(ro.sessions, Some(0));
    let ro = Rollover::between(&undated("2024-07-01"), &undated("2024-09-20"));
    assert_eq!(ro.sessions, Some(1));
}

#[test]
fn mark_routine_flags_session_update_with_its_reason() {
    let ro = Rollover::with_gap(66, 1);
    let mut ops = diff_words(
        "Decides to include in the provisional agenda of its sixty-sixth session the item",
        "Decides to include in the provisional agenda of its sixty-seventh session the item",
    );
    mark_routine(&mut ops, &ro);
    let changed: Vec<_> = ops.iter().filter(|o| o.op != OpKind::Equal).collect();
    assert!(!changed.is_empty());
    for o in changed {
        assert!(o.routine);
        assert_eq!(
            o.routine_reason.as_deref(),
            Some("session +1 = document gap")
        );
    }
    let mut ops = diff_words("Encourages all States", "Urges all States");
    mark_routine(&mut ops, &ro);
    assert!(ops.iter().all(|o| !o.routine && o.routine_reason.is_none()));
}

/// The README's measured-quality rows on routine marking, over every series pair of the corpus
/// (`series.tsv`, each consecutive pair of a series' symbols, oldest first), read from the
/// compare JSON as `examples/routine_sweep.rs` reads it: routine ops by rule (an op with a
/// combined reason counts once per rule; numbers and symbols in a reason read `#`) and the
/// paragraph pairs by change kind.
#[test]
fn routine_ops_by_rule_over_the_series_pairs() {
    use std::collections::BTreeMap;
    let Some(corpus) = resdiff::corpus::dir_or_skip("routine ops over the series pairs") else {
        return;
    };
    let (mut doc_pairs, mut changed_ops, mut routine_ops) = (0usize, 0usize, 0usize);
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (old, new) in resdiff::corpus::series_pairs(&corpus).unwrap() {
        let c = resdiff::compare_files(
            &resdiff::corpus::text_path(&corpus, &old),
            &resdiff::corpus::text_path(&corpus, &new),
        )
        .unwrap();
        doc_pairs += 1;
        let json = resdiff::report::comparison_json(&c);
        for p in json["pairs"].as_array().unwrap() {
            *kinds
                .entry(p["change"].as_str().unwrap().to_string())
                .or_default() += 1;
            for op in p["ops"].as_array().unwrap() {
                changed_ops += usize::from(op["op"] != "equal");
                if op["routine"] != true {
                    continue;
                }
                routine_ops += 1;
                let reason = op["routine_reason"].as_str().unwrap();
                for part in reason.split("; ") {
                    let rule: Vec<&str> = part
                        .split(' ')
                        .map(|w| match w.chars().any(|c| c.is_ascii_digit()) {
                            true if w.ends_with(':') => "#:",
                            true => "#",
                            false => w,
                        })
                        .collect();
                    *by_rule.entry(rule.join(" ")).or_default() += 1;
                }
            }
        }
    }
    println!(
        "{doc_pairs} series pairs, {changed_ops} changed runs, {routine_ops} routine: \
         {by_rule:#?}\nparagraph pairs by change kind: {kinds:?}"
    );
    assert_eq!(doc_pairs, 178);
    assert_eq!(changed_ops, 10_200);
    assert_eq!(routine_ops, 1_351);
    let rules: Vec<(&str, usize)> = by_rule.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        rules,
        [
            ("# (the old document) added to the list", 162),
            ("# (the predecessor) replaced by # (the old document)", 322),
            ("annual event # = document gap", 6),
            ("date: year # = document gap", 140),
            ("report # → #: session # = document gap", 4),
            ("session # = document gap", 533),
            ("year # = document gap", 184),
        ]
    );
    let kinds: Vec<(&str, usize)> = kinds.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        kinds,
        [
            ("footnote", 57),
            ("none", 5_804),
            ("routine", 441),
            ("substantive", 3_138)
        ]
    );
}
