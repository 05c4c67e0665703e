//! Strength of lead phrases (scales documented on the `diff` module: "Lead-phrase strength").

use super::change::{Direction, KindChange, LeadChange};

const EXHORTATION: &str = "exhortation";
const APPROVAL: &str = "approval";
const CONCERN: &str = "concern";
const AFFIRMATION: &str = "affirmation";
const DECISION: &str = "decision";

/// (scale, words of the phrase (compared by stem), rank). Longest matching entry wins. The
/// polarity of a scale is given by [`scale_polarity`].
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
    (DECISION, &["decides"], 60),
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
    (APPROVAL, &["welcomes", "with", "satisfaction"], 33),
    (APPROVAL, &["commends"], 35),
    (APPROVAL, &["supports"], 35),
    (APPROVAL, &["endorses"], 40),
    (APPROVAL, &["approves"], 40),
    (CONCERN, &["regrets"], 15),
    (CONCERN, &["alarmed"], 40),
    (CONCERN, &["deeply", "alarmed"], 50),
    (CONCERN, &["deplores"], 55),
    (CONCERN, &["rejects"], 55),
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

/// Adverbs that add 5 to the rank of the phrase they qualify (`Strongly encourages`, `Urgently
/// calls upon`, `Strongly condemns`, `Unequivocally condemns`).
const BOOSTERS: &[&str] = &[
    "strongly",
    "urgently",
    "firmly",
    "earnestly",
    "unequivocally",
    "resolutely",
];

/// The polarity of a scale: +1 for approval, −1 for concern and condemnation, 0 for the scales
/// that do not judge (exhortation, affirmation, decision).
pub fn scale_polarity(scale: &str) -> i8 {
    match scale {
        APPROVAL => 1,
        CONCERN => -1,
        _ => 0,
    }
}

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
    "hereby",
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

/// Where a lead phrase stands in the lexicon: its scale, its rank on that scale, its polarity and
/// whether it is negated (`Does not welcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadEntry {
    /// Name of the scale (`exhortation`, `decision`, `approval`, `concern`, `affirmation`).
    pub scale: &'static str,
    /// Rank on the scale; higher is stronger.
    pub rank: i32,
    /// +1 approval, −1 concern or condemnation (or a negated approval), 0 neither.
    pub polarity: i8,
    /// True when the verb is negated (`Does not welcome`, `Does not support`).
    pub negated: bool,
}

/// The lexicon entry of a lead phrase (or of a paragraph's first words), if it is on a scale.
///
/// A negation (`Does not`, `Do not`, `Cannot`) keeps the verb's scale and rank and flips its
/// polarity, so `Does not welcome` is a disapproval.
pub fn lead_entry(lead: &str) -> Option<LeadEntry> {
    let mut boost = false;
    let mut negated = false;
    let stems: Vec<String> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .filter_map(|w| {
            let lower = w.to_lowercase();
            if BOOSTERS.contains(&lower.as_str()) {
                boost = true;
                None
            } else if matches!(lower.as_str(), "does" | "do" | "not" | "cannot") {
                negated |= lower != "does" && lower != "do";
                None
            } else if IGNORED.contains(&lower.as_str()) {
                None
            } else {
                Some(stem(&lower))
            }
        })
        .collect();
    let bonus = if boost { 5 } else { 0 };
    let found = concern_rank(&stems).map(|r| (CONCERN, r)).or_else(|| {
        TABLE
            .iter()
            .filter(|(_, phrase, _)| {
                phrase.len() <= stems.len() && phrase.iter().zip(&stems).all(|(p, s)| stem(p) == *s)
            })
            .max_by_key(|(_, phrase, _)| phrase.len())
            .map(|(scale, _, rank)| (*scale, *rank))
    });
    let (scale, rank) = found?;
    let polarity = scale_polarity(scale);
    Some(LeadEntry {
        scale,
        rank: rank + bonus,
        polarity: if negated {
            if polarity == 0 { -1 } else { -polarity }
        } else {
            polarity
        },
        negated,
    })
}

/// The scale and rank of a lead phrase (or of a paragraph's first words), if it is on a scale.
///
/// `lead_strength("Urges")` is `Some(("exhortation", 40))`, `lead_strength("Strongly urges")`
/// `Some(("exhortation", 45))`, `lead_strength("Recalling")` is `None`.
pub fn lead_strength(lead: &str) -> Option<(&'static str, i32)> {
    lead_entry(lead).map(|e| (e.scale, e.rank))
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The change between two lead phrases; `None` when they are equal ignoring case and spacing.
///
/// - `Reversed` when one phrase approves and the other expresses concern, condemns or withholds
///   approval (`Welcomes` → `Condemns`, `Welcomes` → `Notes with concern`, `Welcomes` → `Does
///   not welcome`);
/// - `Stronger` / `Weaker` when both are on the same scale with different ranks, or when one of
///   them is a decision (`Decides` outranks every other operative lead: `Encourages` →
///   `Decides` is stronger, `Decides` → `Takes note of` weaker);
/// - otherwise `Neutral`; `scale` names the shared scale (`decision` for a comparison with a
///   decision; absent when there is none).
///
/// The paragraphs' kinds are not known here: [`lead_change_between`] adds the move between
/// preamble and operative part.
pub fn lead_change(old_lead: &str, new_lead: &str) -> Option<LeadChange> {
    if squash(old_lead) == squash(new_lead) {
        return None;
    }
    let (direction, scale) = match (lead_entry(old_lead), lead_entry(new_lead)) {
        (Some(o), Some(n)) if o.polarity * n.polarity < 0 => (Direction::Reversed, None),
        (Some(o), Some(n)) if o.scale == n.scale && o.negated == n.negated => {
            let d = match n.rank.cmp(&o.rank) {
                std::cmp::Ordering::Greater => Direction::Stronger,
                std::cmp::Ordering::Less => Direction::Weaker,
                std::cmp::Ordering::Equal => Direction::Neutral,
            };
            (d, Some(o.scale.to_string()))
        }
        (Some(o), Some(n))
            if !o.negated && !n.negated && (o.scale == DECISION) != (n.scale == DECISION) =>
        {
            let d = if n.scale == DECISION {
                Direction::Stronger
            } else {
                Direction::Weaker
            };
            (d, Some(DECISION.to_string()))
        }
        _ => (Direction::Neutral, None),
    };
    Some(LeadChange {
        old: old_lead.trim().to_string(),
        new: new_lead.trim().to_string(),
        direction,
        scale,
        kind_change: None,
    })
}

/// [`lead_change`] between two paragraphs whose kinds are given (`true` = operative). A move
/// between preamble and operative part is reported as its own `kind_change`
/// (`operative_to_preambular` = demotion, `preambular_to_operative` = promotion) and never as a
/// strength change of the verb: the direction is then `reversed` when the polarity flips and
/// `neutral` otherwise. A move with the same lead words (`Recognizes` → `Recognizing`) is still
/// reported.
pub fn lead_change_between(
    old_lead: &str,
    old_operative: bool,
    new_lead: &str,
    new_operative: bool,
) -> Option<LeadChange> {
    let kind_change = match (old_operative, new_operative) {
        (true, false) => Some(KindChange::OperativeToPreambular),
        (false, true) => Some(KindChange::PreambularToOperative),
        _ => None,
    };
    let Some(kind_change) = kind_change else {
        if old_lead.trim().is_empty() || new_lead.trim().is_empty() {
            return None; // no lead on one side: nothing to compare
        }
        return lead_change(old_lead, new_lead);
    };
    if old_lead.trim().is_empty() && new_lead.trim().is_empty() {
        return None;
    }
    let base = lead_change(old_lead, new_lead);
    let direction = match &base {
        Some(c) if c.direction == Direction::Reversed => Direction::Reversed,
        _ => Direction::Neutral,
    };
    Some(LeadChange {
        old: old_lead.trim().to_string(),
        new: new_lead.trim().to_string(),
        direction,
        scale: None,
        kind_change: Some(kind_change),
    })
}
