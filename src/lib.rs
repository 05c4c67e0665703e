//! resdiff: compare versions of UN General Assembly resolutions.
//!
//! Data flows one way: bytes → text ([`ingest`]) → [`model::Resolution`] ([`parse`]) →
//! [`compare::Comparison`] ([`align`], [`diff`], [`compare`]) → views and reports ([`report`]).
//! Nothing in the engine depends on the GUI ([`app`], behind the default `gui` feature).

pub mod align;
#[cfg(feature = "gui")]
pub mod app;
pub mod compare;
pub mod corpus;
pub mod diff;
pub mod ingest;
pub mod model;
pub mod parse;
pub mod report;
