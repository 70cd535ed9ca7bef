//! Parsing, corrections and creation on small pastes: each numbering style, the noise dropped.
