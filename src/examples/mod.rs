//! Example strategies a new user can open in one click, transcribed as data from the seeds:
//! 北本市 (seed 001) and 北斗市 (seeds 000 and 002). Stored as Shirube files and read through
//! the real import, so they are checked like any file.

use crate::format::{import, ImportError};
use crate::model::Strategy;

pub struct Example {
    pub key: &'static str,
    pub municipality: &'static str,
    pub file: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example { key: "kitamoto", municipality: "北本市", file: include_str!("kitamoto.json") },
    Example { key: "hokuto", municipality: "北斗市", file: include_str!("hokuto.json") },
];

impl Example {
    /// The example as a strategy.
    pub fn load(&self) -> Result<Strategy, ImportError> {
        import(self.file).map(|i| i.strategy)
    }
}

pub fn by_key(key: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.key == key)
}
