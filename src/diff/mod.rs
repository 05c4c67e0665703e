//! Word-level diff inside a paragraph pair, and classification of what changed.
//!
//! - [`diff_words`] / [`diff_words_with`]: tokenise (words with internal `/ . -`, numbers,
//!   punctuation, whitespace runs), intern tokens, run Myers' linear-space diff under a deadline,
//!   then clean the result up so that it reads as a person would mark it up (see `cleanup` rules
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
//! # Routine updates
//!
//! Recognised routine items:
//! - **resolution / decision symbols** `65/141`, `2011/16`, `57/270 B` (a single capital letter
//!   after the symbol belongs to it);
//! - **document symbols**: a word with an all-capitals first component, a `/` and a digit
//!   (`A/66/437`, `A/C.2/80/L.17`, `E/2011/77`, `A/66/64-E/2011/77`; not `HIV/AIDS`);
//! - **dates**: `22 December 2011`, `December 2011`, `10 to 12 December 2003`, `16 and 17 June 2011`;
//! - **years**: four-digit numbers 1900–2099;
//! - **session ordinals**: ordinal words from `tenth` upwards (`fourteenth`, `sixty-sixth`,
//!   `seventy-ninth`, `eightieth`), any ordinal word directly before `session`, and numeric
//!   ordinals (`91st`); `first`…`ninth` elsewhere are ordinary words (`second phase`);
//! - **plain numbers**: for matching always; for routine changes only paragraph numbers
//!   (`paragraph 22`, `paragraphs 35 to 37 and 67 to 72`) — other numbers (`26 per cent`) are
//!   substantive.
//!
//! **Years and target years.** [`normalize_for_matching`] replaces every year, target years such
//! as `2030` included, because matching should see through them. [`is_routine_change`] is
//! stricter: when both sides carry the same number of years, each old/new pair must differ by at
//! most [`MAX_ROUTINE_YEAR_SHIFT`] (3) years — the annual, biennial or triennial cycle — so
//! `2010` → `2011` is routine but a moved target (`2015` → `2030`) is substantive.
//!
//! **Lists of symbols.** The most common routine update is a list of resolutions that grows by
//! one each year (`… 63/202 and 64/187` → `… 63/202, 64/187 and 65/141`). A changed span counts as
//! routine when every word on both sides is either a routine item or a connector word (`and`,
//! `of`, `its`, `resolution(s)`, `session`, …) and at least one routine item is involved, so items
//! may be added to or dropped from such lists. When one side has no word at all (a pure
//! insertion or deletion), it is routine only if it involves a symbol: adding or dropping a date,
//! year, session ordinal or paragraph reference (`at its sixty-sixth session`, `paragraph 71 of`)
//! changes the meaning and is substantive. [`mark_routine`] joins change runs separated only
//! by routine items and connectors into one cluster and judges the cluster as a whole. A change of
//! whitespace only is routine; a change of punctuation only is not.
//!
//! # Lead-phrase strength
//!
//! A lead phrase is placed on one of the scales below with a rank; a higher rank is stronger.
//! Only ranks on the **same** scale are compared.
//!
//! | scale | phrases, weakest → strongest (rank) |
//! |---|---|
//! | `exhortation` | Invites (10) < Encourages (20) < Calls upon / Calls on / Calls for / Appeals to (30) < Requests (35) < Urges (40) < Demands (50) |
//! | `approval` | Takes note of / Notes (10) < Notes / Takes note with appreciation or satisfaction (20) < Expresses appreciation, Appreciates (25) < Welcomes (30) < Welcomes with appreciation (33) < Commends (35) < Endorses, Approves (40) |
//! | `concern` | Notes with concern (10) < Concerned, Expresses concern (20) < Deeply / seriously / greatly concerned, deep / serious / great concern (30) < Gravely concerned, grave concern, Alarmed (40) < Deeply alarmed (50) < Deplores (55) < Condemns (60) |
//! | `affirmation` | Acknowledges (10) < Recognizes (20) < Affirms, Reaffirms, Reiterates (30) < Stresses, Emphasizes, Underlines, Underscores, Highlights (40) |
//!
//! Decisions:
//! - `Requests` is placed between `Calls upon` and `Urges`: in GA usage it is directive (mostly to
//!   the Secretary-General and UN bodies), stronger than an invitation or a call, but `Urges` is
//!   the stronger word where both are addressed to the same actor.
//! - `Reaffirms` ranks with `Affirms` (saying it again is not saying it more strongly).
//! - Adverbs of sequence (`also`, `further`, `again`, `once again`, `furthermore`, `moreover`,
//!   `however`, `therefore`, `in this regard`) are ignored; `We` at the start (outcome documents:
//!   `We urge`) is ignored too.
//! - `Strongly` (`Strongly encourages`, `Strongly urges`, `Strongly condemns`) adds 5, which
//!   places it between the phrase and the next step up.
//! - Verb forms are matched on their stem, so the operative verb (`Welcomes`), the preambular
//!   participle (`Welcoming`) and the base form (`We welcome`) have the same rank.

mod change;
mod classify;
mod cleanup;
mod engine;
mod lead;
mod myers;
mod op;
mod refs;
mod routine;
mod token;

pub use change::{ChangeKind, Classification, Direction, FootnoteChange, LeadChange};
pub use classify::classify;
pub use engine::{DiffOptions, DiffOutcome, diff_words, diff_words_with, similarity};
pub use lead::{lead_change, lead_strength};
pub use op::{DiffOp, OpKind, new_text, old_text};
pub use refs::extract_references;
pub use routine::{
    MAX_ROUTINE_YEAR_SHIFT, is_routine_change, mark_routine, normalize_for_matching,
};
