//! Pairing the paragraphs of two resolutions.
