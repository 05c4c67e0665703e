//! Word-level diff inside a paragraph pair, and classification of what changed.
//!
//! - [`diff_words`] / [`diff_words_with`]: tokenise (words with internal `/ . -`, whole numbers
//!   with separators and `%` such as `18,318,600` and `26%`, symbols such as `GC(67)/RES/7`,
//!   punctuation, whitespace runs), intern tokens, pin every run of [`ANCHOR_WORDS`] or more
//!   shared words as equal text (longest first, in order), run `similar`'s Myers search on the
//!   gaps under a deadline, then clean the result up so that it reads as a person would mark it up (see `cleanup` rules
//!   below). The ops always reproduce both texts exactly ([`old_text`], [`new_text`]).
//! - [`similarity`]: word-based similarity of a diff.
//!
//! Cleanup rules: adjacent runs of the same kind are merged; within a change all deletions come
//! before all insertions; an equal "island" between two changes is folded into the change when it
//! is no longer than the change on each side (whitespace between two changed words always is),
//! or when it holds only whitespace, punctuation and up to three common function words and is no
//! longer than both changes together; lone edits slide to word boundaries (`also ` rather than
//! ` also`); finally each change is re-aligned on its content words only, so that a growing list
//! reads `75/202[- and-]{+,+} 76/189{+ and 77/150+}` rather than a rewrite of ` and 76/189`.
//! Tokens are never split. When the deadline ([`DiffOptions::deadline`]) passes, the rest of the
//! search falls back to one deletion plus one insertion per unsolved part (exact but coarser) and
//! [`DiffOutcome::timed_out`] is set.
//!
//! # Routine updates: the annual rollover, nothing else
//!
//! A change is *routine* only when it is the annual rollover between the two documents, so that
//! muting it can never hide a real change. The documents' gap comes from their metadata
//! ([`Rollover::between`]): the session from the symbol (else the session in progress on the
//! adoption or issue date), the year from the
//! adoption (drafts: issue) date. When the session gap is unknown, or zero (a draft, its revision
//! and the adopted text are of one session), **nothing** is routine.
//!
//! With a known positive gap `g`, a change cluster is routine when every word it touches on
//! either side is a connector word (`and`, `of`, `its`, `the`, `resolution(s)`, `decision(s)`,
//! `session(s)`, `as`, `well`, `also`) or is explained by one of these rules, each of which names
//! itself in [`DiffOp::routine_reason`]:
//!
//! | rule | example (gap 1) | `routine_reason` |
//! |---|---|---|
//! | a General Assembly session ordinal moved by exactly `g`: an ordinal before `session(s)` within three of the old document's session | `at its seventy-ninth session` → `eightieth` | `session +1 = document gap` |
//! | the ordinal of an event the text calls annual (`annual` within four words), moved by `g` | `the fifteenth annual meeting` → `sixteenth` | `annual event +1 = document gap` |
//! | a year moved by the gap (in sessions or in years) | `Forum 2024` → `Forum 2025` | `year +1 = document gap` |
//! | a date with the same day and month and the year moved by the gap | `held in July 2024` → `July 2025` | `date: year +1 = document gap` |
//! | the two documents' own adoption dates (the stamp line) | `on 19 December 2023` → `on 17 December 2024` | `adoption date of the old → the new document` |
//! | a document symbol of the same series moved from the old document's session by `g` (serial free; year components by the year gap) | `A/78/62-E/2023/53` → `A/79/72-E/2024/54` | `report A/78/…-E/2023/… → A/79/…-E/2024/…: session +1 = document gap` |
//! | the old document joins a list, with its own adoption date if a date is printed | `… and 77/150` → `…, 77/150 and 78/132 of 19 December 2023` | `78/132 (the old document) added to the list` |
//! | the old document's predecessor (session = old session − `g`) replaced by the old document, with its own adoption date if a date is printed | `77/150 of 14 December 2022` → `78/132 of 19 December 2023` | `77/150 (the predecessor) replaced by 78/132 (the old document)` |
//! | whitespace only | | `whitespace only` |
//!
//! Everything else is substantive, in particular: a shift that differs from the gap or goes
//! backwards (`seventy-ninth` → `eighty-first` with a gap of 1: a deferral); a date, year or
//! ordinal that is a **time limit, period or duration** even when shifted by the gap (a
//! time-limit word before it — `by`, `until`, `till`, `before`, `within`, `through`, `from`, `to`,
//! `for` before a year (`for the year 2024 and subsequent years`),
//! `since`, `between`, `no later than`, `period`, `biennium`, `deadline`, `extend(ed)`, `expire`,
//! … — looking back over `the`, `its`, `end of`, …; a period word right after it; or a dash to
//! another year, `2024–2025`); money, counts, percentages and every other number (paragraph
//! numbers included); any other resolution or document symbol (an ECOSOC resolution, a
//! competing GA resolution, a report of another session); the old document with another date, or
//! as the place of a part of it (`paragraph 22 of its resolution 65/141` is another text); the ordinal of a
//! body that is not the General Assembly and not called annual (`the twenty-sixth session of the
//! Commission on Science and Technology for Development`). Adding or dropping a date, year, ordinal
//! or symbol alone is substantive.
//!
//! [`mark_routine`] joins change runs separated only by equal text made of routine items and
//! connector words into one cluster and judges the cluster as a whole, with the full texts as
//! context. A footnote whose text changed only by the rollover carries the reason too
//! ([`FootnoteChange::Changed`]). For **matching** (the aligner), [`normalize_for_matching`]
//! still replaces every symbol, date, year, ordinal and number by a placeholder, target years
//! such as `2030` included, because matching should see through them.
//!
//! # Lead-phrase strength
//!
//! A lead phrase is looked up in a lexicon ([`lead_entry`]): a scale, a rank on it (higher is
//! stronger) and a polarity (+1 approval, −1 concern or condemnation, 0 neither).
//!
//! | scale | polarity | phrases, weakest → strongest (rank) |
//! |---|---|---|
//! | `exhortation` | 0 | Invites (10) < Encourages (20) < Strongly encourages (25) < Calls upon / Calls on / Calls for / Appeals to (30) < Urgently calls upon, Requests (35) < Urges (40) < Strongly urges (45) < Demands (50) |
//! | `decision` | 0 | Decides (60) |
//! | `approval` | +1 | Takes note of / Notes (10) < Notes / Takes note with appreciation or satisfaction (20) < Expresses appreciation, Appreciates (25) < Welcomes (30) < Welcomes with appreciation / satisfaction (33) < Commends, Supports (35) < Endorses, Approves (40) |
//! | `concern` | −1 | Notes with concern (10) < Regrets (15) < Concerned, Expresses concern (20) < Deeply / seriously / greatly concerned, deep / serious / great concern (30) < Gravely concerned, grave concern, Alarmed (40) < Deeply alarmed (50) < Deplores, Rejects (55) < Condemns (60) < Strongly condemns (65) |
//! | `affirmation` | 0 | Acknowledges (10) < Recognizes (20) < Affirms, Reaffirms, Reiterates (30) < Stresses, Emphasizes, Underlines, Underscores, Highlights (40) |
//!
//! [`LeadChange::direction`] ([`lead_change`]):
//! - `reversed` when the polarities are opposite: approval ↔ concern or condemnation, or a
//!   negated approval (`Welcomes` → `Condemns`, `Welcomes` → `Notes with concern`, `Welcomes` →
//!   `Does not welcome`). A negation (`Does not`, `Do not`) keeps the verb's rank and flips its
//!   polarity;
//! - `stronger` / `weaker` on the same scale by rank; between a decision and any other lead the
//!   decision is stronger (`Encourages … to discuss the establishment` → `Decides to establish`
//!   is stronger, `Decides to finalize` → `Takes note of` weaker), with `scale` = `decision`;
//! - `neutral` otherwise (same rank, or different scales such as `Welcomes` → `Urges`).
//!
//! A paragraph that moved between preamble and operative part ([`lead_change_between`]) is
//! reported with [`LeadChange::kind_change`] — `operative_to_preambular` (a demotion: the
//! Assembly no longer acts on it) or `preambular_to_operative` (a promotion) — and **never** as a
//! strength change of the verb: its direction is `neutral`, or `reversed` when the polarity
//! flips (`Further recognizes` (OP) → `Reaffirming` (PP) is a demotion, not "stronger").
//!
//! Decisions:
//! - `Requests` is placed between `Calls upon` and `Urges`: in GA usage it is directive (mostly to
//!   the Secretary-General and UN bodies), stronger than an invitation or a call, but `Urges` is
//!   the stronger word where both are addressed to the same actor.
//! - `Decides` is the Assembly acting itself, so it outranks every exhortation.
//! - `Reaffirms` ranks with `Affirms` (saying it again is not saying it more strongly); likewise
//!   adverbs of sequence (`also`, `further`, `again`, `once again`, `furthermore`, `moreover`,
//!   `however`, `therefore`, `in this regard`) are ignored, so `Once again calls upon` ranks with
//!   `Calls upon`; `We` at the start (outcome documents: `We urge`) is ignored too.
//! - Intensifying adverbs (`Strongly`, `Urgently`, `Firmly`, `Earnestly`, `Unequivocally`,
//!   `Resolutely`) add 5, which places the phrase between itself and the next step up.
//! - Verb forms are matched on their stem, so the operative verb (`Welcomes`), the preambular
//!   participle (`Welcoming`) and the base form (`We welcome`) have the same rank.
//! - Leads are only taken from paragraphs that are sentences (the parser's `lead`; nothing is
//!   guessed from a heading such as `Eightieth session of the General Assembly` or a list item).

mod change;
mod classify;
mod cleanup;
mod engine;
mod lead;
mod op;
mod refs;
mod routine;
mod script;
mod token;

pub use change::{ChangeKind, Classification, Direction, FootnoteChange, KindChange, LeadChange};
pub use classify::classify;
pub(crate) use classify::classify_annotated;
pub use engine::{DiffOptions, DiffOutcome, diff_words, diff_words_with, similarity};
pub use lead::{
    LeadEntry, lead_change, lead_change_between, lead_entry, lead_strength, scale_polarity,
};
pub use op::{DiffOp, OpKind, new_text, old_text};
pub use refs::extract_references;
pub(crate) use refs::references_of;
pub(crate) use routine::{Item, annotate, matching_text_of};
pub use routine::{
    Rollover, Ymd, is_routine_change, mark_routine, normalize_for_matching, routine_reason,
};
pub use script::ANCHOR_WORDS;
