//! Lead-phrase strength on real lead phrases taken from the corpus.

use resdiff::diff::{
    Direction, KindChange, lead_change, lead_change_between, lead_entry, lead_strength,
};

/// (lead phrase, scale, rank). Every phrase is checked to start a paragraph in the corpus.
const REAL: &[(&str, &str, i32)] = &[
    ("Invites", "exhortation", 10),
    ("Also invites", "exhortation", 10),
    ("Further invites", "exhortation", 10),
    ("Encourages further", "exhortation", 20),
    ("Strongly encourages", "exhortation", 25),
    ("Calls upon", "exhortation", 30),
    ("Urgently calls upon", "exhortation", 35),
    ("Appeals to", "exhortation", 30),
    ("Urges", "exhortation", 40),
    ("Also urges", "exhortation", 40),
    ("We urge", "exhortation", 40),
    ("Strongly urges", "exhortation", 45),
    ("Demands that", "exhortation", 50),
    ("Decides", "decision", 60),
    ("Also decides", "decision", 60),
    ("Takes note of", "approval", 10),
    ("Taking note also", "approval", 10),
    ("Notes with appreciation", "approval", 20),
    ("Takes note with appreciation", "approval", 20),
    ("Welcoming also", "approval", 30),
    ("Welcomes with appreciation", "approval", 33),
    ("Commends", "approval", 35),
    ("Endorses", "approval", 40),
    ("Approves", "approval", 40),
    ("Noting with concern", "concern", 10),
    ("Notes with concern", "concern", 10),
    ("Expresses serious concern", "concern", 30),
    ("Deeply concerned", "concern", 30),
    ("Seriously concerned", "concern", 30),
    ("Expressing its deep concern", "concern", 30),
    ("Expresses deep concern", "concern", 30),
    ("Gravely concerned", "concern", 40),
    ("Expresses grave concern", "concern", 40),
    ("Alarmed", "concern", 40),
    ("Deeply alarmed", "concern", 50),
    ("Deplores", "concern", 55),
    ("Strongly condemns", "concern", 65),
    ("Condemns", "concern", 60),
    ("Acknowledges", "affirmation", 10),
    ("We recognize", "affirmation", 20),
    ("Reaffirms", "affirmation", 30),
    ("Reiterates", "affirmation", 30),
    ("Underlines", "affirmation", 40),
];

#[test]
fn real_lead_phrases_have_their_documented_rank() {
    for (phrase, scale, rank) in REAL {
        assert_eq!(
            lead_strength(phrase),
            Some((*scale, *rank)),
            "lead_strength({phrase:?})"
        );
    }
    // "concerns" as a noun does not put a phrase on the concern scale.
    assert_eq!(
        lead_strength("Recognizing the concerns of"),
        Some(("affirmation", 20))
    );
    for off_scale in ["Recalling also", "Bearing in mind", "Looking forward"] {
        assert_eq!(lead_strength(off_scale), None, "{off_scale}");
    }
}

#[test]
fn real_lead_phrases_occur_in_the_corpus() {
    let Some(dir) = resdiff::corpus::dir_or_skip("diff_lead") else {
        return;
    };
    let files = resdiff::corpus::text_files(&dir).unwrap();
    let starts: Vec<String> = files
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(|l| {
                    let l = l.trim_start();
                    let l = l.trim_start_matches(|c: char| c.is_ascii_digit());
                    l.trim_start_matches(['.', ' ', '\t']).to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for (phrase, _, _) in REAL {
        assert!(
            starts.iter().any(|s| s.starts_with(phrase)),
            "{phrase:?} starts no paragraph in the corpus"
        );
    }
    // Of the operative-paragraph starts on the exhortation scale, the share classified must be
    // high: count lines starting with the bare verbs.
    let on_scale = starts
        .iter()
        .filter(|s| {
            ["Urges ", "Invites ", "Encourages ", "Calls upon "]
                .iter()
                .any(|v| s.starts_with(v))
        })
        .filter(|s| lead_strength(s).is_some_and(|(scale, _)| scale == "exhortation"))
        .count();
    assert!(on_scale > 1000, "{on_scale}");
}

#[test]
fn lead_changes() {
    let c = lead_change("Encourages", "Urges").unwrap();
    assert_eq!(c.direction, Direction::Stronger);
    assert_eq!(c.scale.as_deref(), Some("exhortation"));
    let c = lead_change("Strongly urges", "Calls upon").unwrap();
    assert_eq!(c.direction, Direction::Weaker);
    let c = lead_change("Welcomes", "Takes note of").unwrap();
    assert_eq!(
        (c.direction, c.scale.as_deref()),
        (Direction::Weaker, Some("approval"))
    );
    let c = lead_change("Concerned", "Gravely concerned").unwrap();
    assert_eq!(c.direction, Direction::Stronger);
    // Same rank, same scale: neutral but the scale is named.
    let c = lead_change("Invites", "Also invites").unwrap();
    assert_eq!(
        (c.direction, c.scale.as_deref()),
        (Direction::Neutral, Some("exhortation"))
    );
    // Different scales: neutral, no scale.
    let c = lead_change("Welcomes", "Urges").unwrap();
    assert_eq!((c.direction, c.scale), (Direction::Neutral, None));
    let c = lead_change("Recalling", "Recalling also").unwrap();
    assert_eq!(c.direction, Direction::Neutral);
    assert_eq!(lead_change("Calls upon", "calls  upon"), None);
    // Compound forms: an urgent call is stronger; saying it again is not.
    let c = lead_change("Calls upon", "Urgently calls upon").unwrap();
    assert_eq!(c.direction, Direction::Stronger);
    let c = lead_change("Calls upon", "Once again calls upon").unwrap();
    assert_eq!(c.direction, Direction::Neutral);
    // A decision outranks every other operative lead.
    let c = lead_change("Encourages", "Decides").unwrap();
    assert_eq!(
        (c.direction, c.scale.as_deref()),
        (Direction::Stronger, Some("decision"))
    );
    let c = lead_change("Decides", "Takes note of").unwrap();
    assert_eq!(c.direction, Direction::Weaker);
    // Approval ↔ concern, condemnation or withheld approval: reversed.
    for (old, new) in [
        ("Welcomes", "Condemns"),
        ("Welcomes", "Notes with concern"),
        ("Welcomes", "Does not welcome"),
        ("Expresses deep concern", "Welcomes with appreciation"),
    ] {
        let c = lead_change(old, new).unwrap();
        assert_eq!(c.direction, Direction::Reversed, "{old} → {new}");
    }
    let e = lead_entry("Does not welcome").unwrap();
    assert!(e.negated && e.polarity < 0);
    assert_eq!(lead_entry("Welcomes").unwrap().polarity, 1);
}

#[test]
fn moves_between_preamble_and_operative_part_are_kind_changes() {
    // "Further recognizes" (OP) → "Reaffirming" (PP): a demotion, not a stronger verb.
    let c = lead_change_between("Further recognizes", true, "Reaffirming", false).unwrap();
    assert_eq!(c.kind_change, Some(KindChange::OperativeToPreambular));
    assert_eq!(c.direction, Direction::Neutral);
    // "Decides" (OP) → "Recalling" (PP): a demotion.
    let c = lead_change_between("Decides", true, "Recalling", false).unwrap();
    assert_eq!(c.kind_change, Some(KindChange::OperativeToPreambular));
    assert_eq!(c.direction, Direction::Neutral);
    // The same verb moved up: a promotion, reported even though the stem is the same.
    let c = lead_change_between("Recognizing", false, "Recognizes", true).unwrap();
    assert_eq!(c.kind_change, Some(KindChange::PreambularToOperative));
    // A reversal stays a reversal across the move.
    let c = lead_change_between("Welcoming", false, "Condemns", true).unwrap();
    assert_eq!(c.direction, Direction::Reversed);
    // Same part: no kind change.
    let c = lead_change_between("Encourages", true, "Urges", true).unwrap();
    assert_eq!((c.kind_change, c.direction), (None, Direction::Stronger));
}
