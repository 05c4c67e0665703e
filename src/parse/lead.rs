//! The lead phrase of a paragraph (`Recalling also`, `Deeply concerned`, `Further requests`).
//!
//! Rule: at the start of the paragraph text,
//! 1. any number of adverbs (`Also`, `Further`, `Again`, `Once again`, `Deeply`, `Strongly`, any
//!    capitalised word ending in `-ly`), then
//! 2. the head: a fixed multi-word lead (`Taking note`, `Bearing in mind`, `Calls upon`, `Takes
//!    note`, `Expressing concern`, …) or one word that is a participle (`-ing`, `-ed`), a
//!    preambular adjective (`Mindful`, `Aware`, `Conscious`, …) or, in operative paragraphs, a
//!    third-person verb ending in `s` (`Requests`, `Decides`), then
//! 3. any number of trailing qualifiers (`also`, `further`, `again`, `once again`, `with
//!    appreciation`, `with deep concern`, `in this regard`, …).
//!
//! The head must be the first or follow only adverbs; when nothing fits (`We recognize …`) the
//! lead is `None`. Leads are only taken from paragraphs that are sentences ([`is_sentence`]):
//! a heading (`Eightieth session of the General Assembly`) or a fragment (`Intentional damage to
//! and destruction of space systems;` as a list item) has none.

const ADVERBS: &[&str] = &[
    "also",
    "further",
    "again",
    "once",
    "deeply",
    "strongly",
    "gravely",
    "seriously",
    "firmly",
    "fully",
    "urgently",
    "profoundly",
    "still",
    "furthermore",
    "moreover",
    "equally",
    "most",
    "highly",
    "particularly",
    "recently",
    "earnestly",
    "solemnly",
    "ever",
];

const MULTI_HEADS: &[&str] = &[
    "taking note",
    "taking into account",
    "taking into consideration",
    "taking fully into account",
    "bearing in mind",
    "keeping in mind",
    "having considered",
    "having examined",
    "having adopted",
    "having heard",
    "having reviewed",
    "having regard",
    "expressing concern",
    "expressing deep concern",
    "expressing grave concern",
    "expressing serious concern",
    "expressing its appreciation",
    "expressing appreciation",
    "expressing its gratitude",
    "expressing its deep concern",
    "expressing its support",
    "expressing its concern",
    "calls upon",
    "calls on",
    "takes note",
    "takes into account",
    "bears in mind",
    "expresses concern",
    "expresses deep concern",
    "expresses grave concern",
    "expresses serious concern",
    "expresses its appreciation",
    "expresses appreciation",
    "expresses its gratitude",
    "expresses its deep concern",
    "expresses its concern",
    "expresses its support",
    "looks forward",
    "looking forward",
    "draws attention",
    "pays tribute",
    "calls for",
    "appeals to",
    "is convinced",
    "is aware",
];

const ADJECTIVES: &[&str] = &[
    "mindful",
    "aware",
    "conscious",
    "cognizant",
    "convinced",
    "concerned",
    "determined",
    "alarmed",
    "desirous",
    "guided",
    "aware",
    "appreciative",
    "confident",
    "grateful",
    "welcoming",
    "persuaded",
    "resolved",
    "fully",
    "dismayed",
    "disturbed",
    "shocked",
    "saddened",
    "outraged",
    "acknowledging",
    "emphasizing",
    "observing",
    "underlining",
];

/// Capitalised words ending in `-ed`/`-ing` that open a sentence without being a lead
/// (`United Nations …`, `Developing countries …`, `Revised estimates …`).
const NOT_PARTICIPLES: &[&str] = &[
    "united",
    "revised",
    "developing",
    "proposed",
    "related",
    "selected",
    "estimated",
    "based",
    "interested",
    "affected",
    "landlocked",
    "least",
    "during",
    "including",
    "according",
    "nothing",
    "something",
    "everything",
    "funding",
    "training",
    "financing",
    "meeting",
    "spending",
    "housing",
    "planning",
];

/// Words ending in `s` that are not third-person verbs (`States Parties shall …`).
const NOT_VERBS: &[&str] = &[
    "states",
    "parties",
    "nations",
    "members",
    "governments",
    "countries",
    "this",
    "its",
    "as",
    "is",
    "has",
    "was",
    "does",
    "thus",
    "various",
    "serious",
    "numerous",
    "previous",
    "always",
    "perhaps",
    "unless",
    "whereas",
    "towards",
    "afterwards",
    "less",
    "across",
    "progress",
    "access",
    "business",
    "process",
    "address",
    "success",
    "persons",
    "peoples",
    "women",
    "youths",
    "rights",
    "goals",
    "efforts",
    "measures",
    "activities",
    "organizations",
];

const TRAILERS: &[&str] = &[
    "also",
    "further",
    "again",
    "once again",
    "once more",
    "in this regard",
    "in this context",
    "in particular",
    "with appreciation",
    "with great appreciation",
    "with deep appreciation",
    "with concern",
    "with deep concern",
    "with grave concern",
    "with serious concern",
    "with great concern",
    "with particular concern",
    "with satisfaction",
    "with interest",
    "with regret",
    "with deep regret",
    "with alarm",
    "with gratitude",
    "with deep gratitude",
    "with great satisfaction",
    "with approval",
];

/// True when `text` reads as a sentence of a resolution: at least four words (or fewer before a
/// colon that opens sub-paragraphs: `Decides:`), a capital first letter and a clause-ending mark
/// at the end (`,` `;` `.` `:` — a preambular paragraph ends with
/// a comma, an operative one with a semicolon or a full stop, one that introduces sub-paragraphs
/// with a colon).
pub fn is_sentence(text: &str) -> bool {
    let t = text.trim();
    // A paragraph that introduces sub-paragraphs may be as short as `Decides:`.
    (t.split_whitespace().nth(3).is_some() || t.ends_with(':'))
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.ends_with([',', ';', '.', ':'])
}

/// Whether a lead found by [`lead_phrase`] opens with a head that only starts a preambular
/// paragraph: a participle in `-ing` (`Welcoming`, `Deeply regretting`), an adjective head
/// (`Mindful`, `Gravely concerned`) or a fixed multi-word head (`Bearing in mind`). Capitalised
/// words in `-ed` are left out: outside a lead they are names as often as not.
pub fn is_preambular_head(lead: &str) -> bool {
    let lower: Vec<String> = lead
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let mut i = 0;
    while lower.get(i).is_some_and(|w| {
        ADVERBS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ly") && w != "rely")
    }) {
        i += 1;
    }
    let Some(head) = lower.get(i) else {
        return false;
    };
    let rest = lower[i..].join(" ");
    (head.ends_with("ing") && head.len() > 4 && !NOT_PARTICIPLES.contains(&head.as_str()))
        || ADJECTIVES.contains(&head.as_str())
        || MULTI_HEADS.iter().any(|m| rest.starts_with(m))
}

/// Whether the paragraph is read as preambular or operative (changes which heads are accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadStyle {
    /// Participles and adjectives (`Recalling`, `Mindful`).
    Preambular,
    /// Third-person verbs (`Requests`), with participles also accepted.
    Operative,
}

/// The lead phrase at the start of `text`, if any (see the module docs for the rule).
pub fn lead_phrase(text: &str, style: LeadStyle) -> Option<String> {
    let words = word_spans(text, 12);
    let first = words.first()?;
    if !first.1.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.1.to_lowercase()).collect();
    let mut i = 0;
    // Adverbs ("Once again" counts as one).
    while i < lower.len() {
        let w = lower[i].as_str();
        let is_adv = ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly") && w != "rely");
        if !is_adv {
            break;
        }
        if w == "once"
            && lower
                .get(i + 1)
                .is_some_and(|n| n == "again" || n == "more")
        {
            i += 2;
        } else if w == "once" {
            return None;
        } else {
            i += 1;
        }
    }
    // Head.
    let mut end = None;
    // A negated verb (`Does not welcome`, `Do not support`) is a head of three words.
    if lower.get(i).is_some_and(|w| w == "does" || w == "do")
        && lower.get(i + 1).is_some_and(|w| w == "not")
        && lower
            .get(i + 2)
            .is_some_and(|w| w.chars().all(char::is_alphabetic))
    {
        end = Some(i + 3);
    }
    for m in MULTI_HEAD_WORDS.iter().filter(|_| end.is_none()) {
        if let Some(n) = phrase_at(&lower, i, m) {
            end = Some(i + n);
            break;
        }
    }
    if end.is_none() {
        let w = lower.get(i)?.as_str();
        let raw = words.get(i)?.1;
        let participle = ((w.ends_with("ing") && w.len() > 4)
            || (w.ends_with("ed") && w.len() > 4))
            && !NOT_PARTICIPLES.contains(&w);
        let verb = style == LeadStyle::Operative
            && !NOT_VERBS.contains(&w)
            && w.ends_with('s')
            && w.len() > 3
            && !w.ends_with("ss")
            && raw.chars().all(|c| c.is_alphabetic() || c == '-');
        if participle || ADJECTIVES.contains(&w) || verb {
            end = Some(i + 1);
        } else if i > 0 && ADVERBS.contains(&lower[i - 1].as_str()) {
            // "Further requests" where the verb is unusual: accept a lower-case word.
            return None;
        }
    }
    let mut end = end?;
    // Trailers.
    'outer: loop {
        for t in TRAILER_WORDS.iter() {
            if let Some(n) = phrase_at(&lower, end, t) {
                end += n;
                continue 'outer;
            }
        }
        break;
    }
    let last = words.get(end - 1)?;
    let stop = last.0 + last.1.len();
    Some(text.get(..stop)?.to_string())
}

/// `phrases` split into words, once per process.
fn split_phrases(phrases: &'static [&'static str]) -> Vec<Vec<&'static str>> {
    phrases.iter().map(|p| p.split(' ').collect()).collect()
}

static MULTI_HEAD_WORDS: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| split_phrases(MULTI_HEADS));
static TRAILER_WORDS: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| split_phrases(TRAILERS));

/// The number of words of `phrase` when `words` has them from `at` on, else `None`.
fn phrase_at(words: &[String], at: usize, phrase: &[&str]) -> Option<usize> {
    let here = words.get(at..at + phrase.len())?;
    here.iter()
        .zip(phrase)
        .all(|(w, p)| w == p)
        .then_some(phrase.len())
}

/// The first `max` words (split at single spaces) with their byte offsets, up to the first
/// punctuation that ends a lead (`,`, `;`, `:`, `(`, an opening quote). Scans only as far as those
/// words reach, not the whole paragraph.
fn word_spans(text: &str, max: usize) -> Vec<(usize, &str)> {
    let mut words = Vec::with_capacity(max);
    let mut start = None;
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        match c {
            ',' | ';' | ':' | '(' | '“' | '"' => {
                end = i;
                break;
            }
            ' ' => {
                if let Some(s) = start.take() {
                    words.push((s, &text[s..i]));
                    if words.len() == max {
                        return words;
                    }
                }
            }
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
            }
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..end]));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp(t: &str) -> Option<String> {
        lead_phrase(t, LeadStyle::Preambular)
    }
    fn op(t: &str) -> Option<String> {
        lead_phrase(t, LeadStyle::Operative)
    }

    #[test]
    fn leads() {
        assert_eq!(
            pp("Recalling also its resolutions").as_deref(),
            Some("Recalling also")
        );
        assert_eq!(
            pp("Deeply concerned that").as_deref(),
            Some("Deeply concerned")
        );
        assert_eq!(
            pp("Taking note with appreciation of the report").as_deref(),
            Some("Taking note with appreciation")
        );
        assert_eq!(
            pp("Bearing in mind that").as_deref(),
            Some("Bearing in mind")
        );
        assert_eq!(pp("Mindful of the need").as_deref(), Some("Mindful"));
        assert_eq!(
            pp("Noting with grave concern that").as_deref(),
            Some("Noting with grave concern")
        );
        assert_eq!(
            pp("Emphasizing, however, that").as_deref(),
            Some("Emphasizing")
        );
        assert_eq!(
            op("Further requests the Secretary-General").as_deref(),
            Some("Further requests")
        );
        assert_eq!(op("Calls upon all States").as_deref(), Some("Calls upon"));
        assert_eq!(op("Decides to include").as_deref(), Some("Decides"));
        assert_eq!(
            op("Also recognizes that").as_deref(),
            Some("Also recognizes")
        );
        assert_eq!(
            op("Once again urges States").as_deref(),
            Some("Once again urges")
        );
        assert_eq!(op("We recognize that"), None);
        assert_eq!(op("States Parties shall"), None);
        assert_eq!(op("United Nations entities shall"), None);
        assert_eq!(pp("Developing countries need"), None);
        assert_eq!(op("Re-emphasizes that").as_deref(), Some("Re-emphasizes"));
        assert_eq!(pp("Ever mindful that").as_deref(), Some("Ever mindful"));
        assert_eq!(
            op("Takes note with appreciation of").as_deref(),
            Some("Takes note with appreciation")
        );
        assert_eq!(
            op("Does not welcome the decision").as_deref(),
            Some("Does not welcome")
        );
        assert_eq!(
            pp("Looking forward to the convening of the Summit,").as_deref(),
            Some("Looking forward")
        );
    }

    #[test]
    fn sentences() {
        assert!(is_sentence("Recalling its resolution 77/150,"));
        assert!(is_sentence("Decides to include the item in the agenda."));
        assert!(is_sentence("Decides:"));
        assert!(!is_sentence("Eightieth session of the General Assembly"));
        assert!(!is_sentence("intentional damage to space systems;"));
        assert!(!is_sentence("Looking ahead,"));
    }
}
