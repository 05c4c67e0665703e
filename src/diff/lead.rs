//! Strength of lead phrases (scales documented on the `diff` module: "Lead-phrase strength").

use super::change::{Direction, LeadChange};

const EXHORTATION: &str = "exhortation";
const APPROVAL: &str = "approval";
const CONCERN: &str = "concern";
const AFFIRMATION: &str = "affirmation";

/// (scale, words of the phrase (compared by stem), rank). Longest matching entry wins.
const TABLE: &[(&str, &[&str], i32)] = &[
    (EXHORTATION, &["invites"], 10),
    (EXHORTATION, &["encourages"], 20),
    (EXHORTATION, &["calls", "upon"], 30),
    (EXHORTATION, &["calls", "on"], 30),
    (EXHORTATION, &["calls", "for"], 30),
    (EXHORTATION, &["appeals", "to"], 30),
    (EXHORTATION, &["requests"], 35),
    (EXHORTATION, &["urges"], 40),
    (EXHORTATION, &["demands"], 50),
    (APPROVAL, &["takes", "note"], 10),
    (APPROVAL, &["notes"], 10),
    (APPROVAL, &["takes", "note", "with", "appreciation"], 20),
    (APPROVAL, &["takes", "note", "with", "satisfaction"], 20),
    (APPROVAL, &["notes", "with", "appreciation"], 20),
    (APPROVAL, &["notes", "with", "satisfaction"], 20),
    (APPROVAL, &["expresses", "appreciation"], 25),
    (APPROVAL, &["expresses", "its", "appreciation"], 25),
    (APPROVAL, &["appreciates"], 25),
    (APPROVAL, &["welcomes"], 30),
    (APPROVAL, &["welcomes", "with", "appreciation"], 33),
    (APPROVAL, &["commends"], 35),
    (APPROVAL, &["endorses"], 40),
    (APPROVAL, &["approves"], 40),
    (CONCERN, &["alarmed"], 40),
    (CONCERN, &["deeply", "alarmed"], 50),
    (CONCERN, &["deplores"], 55),
    (CONCERN, &["condemns"], 60),
    (AFFIRMATION, &["acknowledges"], 10),
    (AFFIRMATION, &["recognizes"], 20),
    (AFFIRMATION, &["recognises"], 20),
    (AFFIRMATION, &["affirms"], 30),
    (AFFIRMATION, &["reaffirms"], 30),
    (AFFIRMATION, &["reiterates"], 30),
    (AFFIRMATION, &["stresses"], 40),
    (AFFIRMATION, &["emphasizes"], 40),
    (AFFIRMATION, &["emphasises"], 40),
    (AFFIRMATION, &["underlines"], 40),
    (AFFIRMATION, &["underscores"], 40),
    (AFFIRMATION, &["highlights"], 40),
];

const IGNORED: &[&str] = &[
    "also",
    "further",
    "again",
    "once",
    "furthermore",
    "moreover",
    "however",
    "therefore",
    "in",
    "this",
    "regard",
    "we",
];

/// Crude English stem: drops `ing`, `ed`, `es`, `e`, `s` so that verb forms meet.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "e"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 3
        {
            return s.to_string();
        }
    }
    if !w.ends_with("ss")
        && let Some(s) = w.strip_suffix('s')
        && s.chars().count() >= 2
    {
        return s.to_string();
    }
    w
}

/// Rank on the concern scale for phrases built around "concern".
fn concern_rank(stems: &[String]) -> Option<i32> {
    let pos = stems.iter().take(5).position(|s| s == "concern")?;
    let before = stems.get(..pos).unwrap_or_default();
    let is_any = |s: &String, words: &[&str]| words.iter().any(|w| stem(w) == *s);
    let deep = ["deeply", "deep", "seriously", "serious", "great", "greatly"];
    let grave = ["grave", "gravely"];
    let glue = ["notes", "with", "expresses", "its", "are", "remains"];
    if !before
        .iter()
        .all(|s| is_any(s, &deep) || is_any(s, &grave) || is_any(s, &glue))
    {
        return None;
    }
    // "notes"/"noting" stem to "not".
    let mut rank = if before.first().is_some_and(|s| s == "not") {
        10
    } else {
        20
    };
    if before.iter().any(|s| is_any(s, &deep)) {
        rank += 10;
    }
    if before.iter().any(|s| is_any(s, &grave)) {
        rank += 20;
    }
    Some(rank)
}

/// The scale and rank of a lead phrase (or of a paragraph's first words), if it is on a scale.
///
/// `lead_strength("Urges")` is `Some(("exhortation", 40))`, `lead_strength("Strongly urges")`
/// `Some(("exhortation", 45))`, `lead_strength("Recalling")` is `None`.
pub fn lead_strength(lead: &str) -> Option<(&'static str, i32)> {
    let mut strongly = false;
    let stems: Vec<String> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .filter_map(|w| {
            let lower = w.to_lowercase();
            if lower == "strongly" {
                strongly = true;
                None
            } else if IGNORED.contains(&lower.as_str()) {
                None
            } else {
                Some(stem(&lower))
            }
        })
        .collect();
    let bonus = if strongly { 5 } else { 0 };
    if let Some(rank) = concern_rank(&stems) {
        return Some((CONCERN, rank + bonus));
    }
    TABLE
        .iter()
        .filter(|(_, phrase, _)| {
            phrase.len() <= stems.len() && phrase.iter().zip(&stems).all(|(p, s)| stem(p) == *s)
        })
        .max_by_key(|(_, phrase, _)| phrase.len())
        .map(|(scale, _, rank)| (*scale, rank + bonus))
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The change between two lead phrases; `None` when they are equal ignoring case and spacing.
///
/// The direction is `Stronger`/`Weaker` when both phrases are on the same scale with different
/// ranks, otherwise `Neutral`; `scale` names the shared scale (absent when there is none).
pub fn lead_change(old_lead: &str, new_lead: &str) -> Option<LeadChange> {
    if squash(old_lead) == squash(new_lead) {
        return None;
    }
    let (direction, scale) = match (lead_strength(old_lead), lead_strength(new_lead)) {
        (Some((so, ro)), Some((sn, rn))) if so == sn => {
            let d = match rn.cmp(&ro) {
                std::cmp::Ordering::Greater => Direction::Stronger,
                std::cmp::Ordering::Less => Direction::Weaker,
                std::cmp::Ordering::Equal => Direction::Neutral,
            };
            (d, Some(so.to_string()))
        }
        _ => (Direction::Neutral, None),
    };
    Some(LeadChange {
        old: old_lead.trim().to_string(),
        new: new_lead.trim().to_string(),
        direction,
        scale,
    })
}
