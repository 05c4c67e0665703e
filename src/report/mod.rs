//! Rendering a [`crate::compare::Comparison`] (and a parsed resolution) for people and programs.
