//! Where a file's strategy comes from, so that two machines' work can be merged (issue 19).
//!
//! A version is named across machines by its fingerprint: the XXH3-128 hash of the strategy's JSON
//! as this build writes it (the same strategy reads back the same, so both machines compute the
//! same name without agreeing on anything). A file's `lineage` lists the fingerprints of the
//! versions its strategy descends from that were shared with another machine (exported or
//! imported), newest first, and may carry the newest of them whole (`base`), for a browser that
//! does not have it. The receiving browser merges from the newest version both have.

use crate::model::Strategy;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// At most this many ancestors are listed: a five-year plan exchanged weekly stays under it.
pub const MAX_ANCESTORS: usize = 200;

/// The `lineage` of a strategy file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Lineage {
    /// Fingerprints (see [`fingerprint`]) of versions this strategy descends from that were
    /// shared with another machine, newest first.
    #[serde(default)]
    pub versions: Vec<String>,
    /// The version `versions[0]` names, whole: a browser that does not have it can still merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Strategy>,
}

/// A strategy with its fingerprint, computed once: a fingerprint serialises the whole strategy
/// (about 15 ms natively for the benchmark's "large", several times that in the browser), and a
/// reading of the shared folder compares each file with several versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Fingerprinted {
    pub fingerprint: String,
    pub strategy: Strategy,
}

impl Fingerprinted {
    pub fn of(strategy: Strategy) -> Fingerprinted {
        Fingerprinted { fingerprint: fingerprint(&strategy), strategy }
    }
}

/// The name of a version: 32 hexadecimal digits, the XXH3-128 hash of its JSON, hashed as it
/// is written (no copy of the text). A name, not a seal: it tells versions apart (a 128-bit
/// collision between two versions of one strategy is not a practical concern); it does not
/// prove a file untouched.
pub fn fingerprint(strategy: &Strategy) -> String {
    struct Hashing(xxhash_rust::xxh3::Xxh3);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hashing = Hashing(xxhash_rust::xxh3::Xxh3::new());
    // Serialising plain data with string keys cannot fail (see `envelope::export_compact`).
    let _ = serde_json::to_writer(&mut hashing, strategy);
    format!("{:032x}", hashing.0.digest128())
}

/// `first`, then `rest` without repeats, at most [`MAX_ANCESTORS`]: a lineage after sharing
/// (`first` is what was shared).
pub fn prepend(first: Option<&str>, rest: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(rest.len() + 1);
    for fp in first.into_iter().chain(rest.iter().map(String::as_str)) {
        if out.len() == MAX_ANCESTORS {
            break;
        }
        if !out.iter().any(|o| o == fp) {
            out.push(fp.to_owned());
        }
    }
    out
}

/// Why the ancestor a file names cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineageError {
    /// The carried `base` is not the version the file says it is (`versions[0]`).
    #[error("the file's base version is not the version it names")]
    BaseMismatch,
    /// The carried `base` is another strategy's (another id).
    #[error("the file's base version is another strategy's")]
    OtherStrategy,
}

impl Lineage {
    /// The carried base, checked: it must be the version `versions[0]` names, of the same
    /// strategy. `Ok(None)` when the file carries none.
    pub fn checked_base(&self, strategy: &Strategy) -> Result<Option<&Strategy>, LineageError> {
        let Some(base) = &self.base else { return Ok(None) };
        if base.id != strategy.id {
            return Err(LineageError::OtherStrategy);
        }
        if self.versions.first().map(String::as_str) != Some(fingerprint(base).as_str()) {
            return Err(LineageError::BaseMismatch);
        }
        Ok(Some(base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_strategy_has_the_same_fingerprint_after_a_trip_through_a_file() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let fp = fingerprint(&s);
        assert_eq!(fp.len(), 32);
        assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));
        let back = crate::format::import(&crate::format::export(&s, "2026-11-23T00:00:00Z")).unwrap().strategy;
        assert_eq!(fingerprint(&back), fp);
        let mut edited = s.clone();
        edited.title.push('改');
        assert_ne!(fingerprint(&edited), fp);
    }

    #[test]
    fn prepend_puts_the_shared_version_first_once_and_keeps_the_list_bounded() {
        let rest: Vec<String> = ["b", "a", "b"].map(String::from).to_vec();
        assert_eq!(prepend(Some("a"), &rest), ["a", "b"]);
        assert_eq!(prepend(None, &rest), ["b", "a"]);
        let long: Vec<String> = (0..MAX_ANCESTORS + 5).map(|i| i.to_string()).collect();
        let out = prepend(Some("new"), &long);
        assert_eq!((out.len(), out[0].as_str(), out[1].as_str()), (MAX_ANCESTORS, "new", "0"));
    }

    #[test]
    fn a_carried_base_must_be_the_named_version_of_the_same_strategy() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let mut base = s.clone();
        base.title = "元の版".into();
        let good = Lineage { versions: vec![fingerprint(&base)], base: Some(base.clone()) };
        assert_eq!(good.checked_base(&s), Ok(Some(&base)));
        let wrong = Lineage { versions: vec![fingerprint(&s)], base: Some(base.clone()) };
        assert_eq!(wrong.checked_base(&s), Err(LineageError::BaseMismatch));
        let other = crate::model::Strategy { id: crate::model::Id::new("str"), ..base.clone() };
        let foreign = Lineage { versions: vec![fingerprint(&other)], base: Some(other) };
        assert_eq!(foreign.checked_base(&s), Err(LineageError::OtherStrategy));
        assert_eq!(Lineage::default().checked_base(&s), Ok(None));
    }
}
