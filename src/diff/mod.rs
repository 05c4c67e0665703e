//! Word-level diff inside a paragraph pair, and classification of what changed.

mod change;
mod op;

pub use change::{ChangeKind, Classification, Direction, FootnoteChange, LeadChange};
pub use op::{DiffOp, OpKind, new_text, old_text};
