//! Turning text into the document model ([`crate::model::Resolution`]).
