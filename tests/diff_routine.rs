//! Routine-update detection and normalisation for matching.

use resdiff::diff::{diff_words, is_routine_change, mark_routine, normalize_for_matching};

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
    assert_eq!(normalize_for_matching(""), "");
}

#[test]
fn routine_pairs() {
    assert!(is_routine_change("sixty-sixth", "sixty-seventh"));
    assert!(is_routine_change("65/141", "66/184"));
    assert!(is_routine_change("2010", "2011"));
    assert!(is_routine_change("A/65/433", "A/66/437"));
    assert!(is_routine_change("20 December 2010", "22 December 2011"));
    assert!(is_routine_change("and 64/187", ", 64/187 and 65/141"));
    assert!(!is_routine_change("2015", "2030"));
    // Pure insertions/deletions: symbols yes, time references no.
    assert!(is_routine_change("", ", 65/141"));
    assert!(is_routine_change(" and 2009/7", ""));
    assert!(!is_routine_change("", " at its sixty-seventh session"));
    assert!(!is_routine_change("paragraph 71 of ", ""));
    assert!(!is_routine_change("Encourages", "Urges"));
    assert!(!is_routine_change("26", "30"));
    assert!(!is_routine_change(",", ";"));
    assert!(is_routine_change(" ", "  "));
}

#[test]
fn mark_routine_flags_session_update() {
    let mut ops = diff_words(
        "Decides to include in the provisional agenda of its sixty-sixth session the item",
        "Decides to include in the provisional agenda of its sixty-seventh session the item",
    );
    mark_routine(&mut ops);
    assert!(
        ops.iter()
            .filter(|o| o.op != resdiff::diff::OpKind::Equal)
            .all(|o| o.routine)
    );
    let mut ops = diff_words("Encourages all States", "Urges all States");
    mark_routine(&mut ops);
    assert!(ops.iter().all(|o| !o.routine));
}
