//! A version's id ([`VersionId`]): the 128 bits its 32 lowercase hexadecimal digits spell. A
//! version is named by its history (`history`), a content by its fingerprint: both are such ids.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A version's id (or a content's fingerprint): 128 bits, written as 32 lowercase hexadecimal
/// digits in files and storage, and read back only from exactly that. Ordered as its digits
/// are (the numbers' order is the texts').
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VersionId(u128);

/// Why a text is not a version id: it is not 32 lowercase hexadecimal digits. Its message
/// begins "not a version id" (a file's refusal, `ShapeProblem::NotVersionId`, is known by it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a version id (32 lowercase hexadecimal digits): {found:?}")]
pub struct NotVersionId {
    /// The text, cut to a length that fits in a message.
    pub found: String,
}

impl VersionId {
    /// The id whose 128 bits are `bits`.
    pub const fn from_bits(bits: u128) -> VersionId {
        VersionId(bits)
    }

    /// Its 128 bits.
    pub const fn bits(self) -> u128 {
        self.0
    }

    /// Its 32 digits as bytes, as [`fmt::Display`] writes them.
    pub fn digits(self) -> [u8; 32] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = DIGITS[(self.0 >> (124 - 4 * i) & 15) as usize];
        }
        out
    }

    /// The id `text` spells, when it is 32 lowercase hexadecimal digits.
    pub fn parse(text: &str) -> Result<VersionId, NotVersionId> {
        let hex = |b: &u8| matches!(b, b'0'..=b'9' | b'a'..=b'f');
        match text.len() == 32 && text.as_bytes().iter().all(hex) {
            true => u128::from_str_radix(text, 16).map(VersionId).map_err(|_| NotVersionId::of(text)),
            false => Err(NotVersionId::of(text)),
        }
    }

    /// An id made from `name` (a hash of it): tests name versions by words.
    #[cfg(test)]
    pub fn named(name: &str) -> VersionId {
        VersionId(xxhash_rust::xxh3::xxh3_128_with_seed(name.as_bytes(), 1))
    }
}

impl NotVersionId {
    fn of(text: &str) -> NotVersionId {
        const MAX: usize = 40;
        let found = match text.chars().count() <= MAX {
            true => text.to_owned(),
            false => text.chars().take(MAX).chain(['…']).collect(),
        };
        NotVersionId { found }
    }
}

impl fmt::Display for VersionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.digits();
        // Hexadecimal digits are ASCII.
        f.write_str(std::str::from_utf8(&digits).unwrap_or_default())
    }
}

impl FromStr for VersionId {
    type Err = NotVersionId;

    fn from_str(text: &str) -> Result<VersionId, NotVersionId> {
        VersionId::parse(text)
    }
}

impl Serialize for VersionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let digits = self.digits();
        s.serialize_str(std::str::from_utf8(&digits).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for VersionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<VersionId, D::Error> {
        struct Digits;
        impl serde::de::Visitor<'_> for Digits {
            type Value = VersionId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a version id: 32 lowercase hexadecimal digits")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<VersionId, E> {
                VersionId::parse(text).map_err(E::custom)
            }
        }
        d.deserialize_str(Digits)
    }
}

/// Written as a string, as it always was: the file's schema does not change.
impl JsonSchema for VersionId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_read_and_written_as_its_32_digits_and_nothing_else() {
        for text in ["0123456789abcdef".repeat(2), "f".repeat(32), "0".repeat(32), "9a".repeat(16)] {
            let id: VersionId = text.parse().unwrap();
            assert_eq!((id.to_string(), id.bits()), (text.clone(), u128::from_str_radix(&text, 16).unwrap()));
            assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<VersionId>(&format!("\"{text}\"")).unwrap(), id);
            // Every other byte at every place is refused.
            for at in 0..32 {
                for byte in (0..=127u8).filter(|b| !matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                    let mut b = text.as_bytes().to_vec();
                    b[at] = byte;
                    assert!(VersionId::parse(std::str::from_utf8(&b).unwrap()).is_err(), "{b:?}");
                }
            }
            assert!(VersionId::parse(&text[1..]).is_err() && VersionId::parse(&format!("{text}0")).is_err());
        }
        for bad in ["", "abc", "+0123456789abcdef0123456789abcde", "ABCDEF0123456789abcdef0123456789"] {
            let refused = serde_json::from_str::<VersionId>(&format!("\"{bad}\"")).unwrap_err().to_string();
            assert!(refused.starts_with("not a version id"), "{refused}");
        }
        assert!(serde_json::from_str::<VersionId>("3").is_err());
    }

    #[test]
    fn ids_are_ordered_as_their_digits() {
        let mut ids: Vec<VersionId> = (0..50).map(|i| VersionId::named(&i.to_string())).collect();
        let mut texts: Vec<String> = ids.iter().map(VersionId::to_string).collect();
        ids.sort();
        texts.sort();
        assert_eq!(ids.iter().map(VersionId::to_string).collect::<Vec<_>>(), texts);
        let long = VersionId::parse(&"x".repeat(100)).unwrap_err();
        assert_eq!(long.found.chars().count(), 41);
    }
}
