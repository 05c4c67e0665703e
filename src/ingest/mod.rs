//! Reading a file into text: format and encoding detection, normalisation.
