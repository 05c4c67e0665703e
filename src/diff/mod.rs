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
//! ` also`). Tokens are never split.

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
