//! The header every Shirube file starts with — its format's name, its version, when and by what
//! it was written — one type for the three kinds of file (a strategy file, a backup of
//! everything, a region file): written first into a file's own fields, read from a parsed file,
//! and read in one pass over a file's text together with the file's other fields ([`Headed`]).

use crate::model::VersionId;
use serde::de::{self, value::BorrowedStrDeserializer, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::marker::PhantomData;

/// What this build writes as a file's generator.
pub const GENERATOR: &str = concat!("Shirube ", env!("CARGO_PKG_VERSION"));

/// A file's header: written by the strategy file's `EnvelopeRef` and flattened into the backup
/// and region files' own fields (`everything`, `region`); read from a parsed file by
/// [`Header::of`], and from a file's text by the quick readers of a current file ([`Headed`]).
///
/// The schema types (`Envelope`, `BackupFile`, `RegionFile`) spell these fields themselves:
/// each says what they hold in its own file (the format's name, what its version covers), which
/// is the text of the shipped schemas.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Header<'a> {
    pub format: &'a str,
    pub version: u64,
    /// A strategy file's version id (see `Envelope::head`), between the version and the date so
    /// that a quiet poll finds it in the first bytes; `None` in the other files.
    pub head: Option<VersionId>,
    pub exported_at: &'a str,
    pub generator: &'a str,
}

impl<'a> Header<'a> {
    /// The header this build writes for a file of `format` at `version`.
    pub fn new(format: &'a str, version: u64, exported_at: &'a str) -> Header<'a> {
        Header { format, version, head: None, exported_at, generator: GENERATOR }
    }

    /// The header of a parsed file, each field as far as the file gives it (an absent field, or
    /// one of another type, reads as empty or 0). The format and version are checked on their
    /// own (`import::check_header`), with errors that say what is wrong.
    pub fn of(file: &'a Value) -> Header<'a> {
        let text = |k: &str| file.get(k).and_then(Value::as_str).unwrap_or_default();
        Header {
            format: text("format"),
            version: file.get("version").and_then(Value::as_u64).unwrap_or_default(),
            head: file.get("head").and_then(Value::as_str).and_then(|h| VersionId::parse(h).ok()),
            exported_at: text("exported_at"),
            generator: text("generator"),
        }
    }

    /// Writes the header's fields first into a file's own (the strategy file's envelope goes on
    /// with its author, strategy and lineage).
    pub fn write_into<S: SerializeStruct>(&self, file: &mut S) -> Result<(), S::Error> {
        file.serialize_field("format", self.format)?;
        file.serialize_field("version", &self.version)?;
        if let Some(head) = &self.head {
            file.serialize_field("head", head)?;
        }
        file.serialize_field("exported_at", self.exported_at)?;
        file.serialize_field("generator", self.generator)
    }
}

impl Serialize for Header<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut file = serializer.serialize_struct("Header", 5)?;
        self.write_into(&mut file)?;
        file.end()
    }
}

/// A file read in one pass over its text, as the quick readers of a current file read it: its
/// header, and its other fields as `B` (a derived struct of them, which never sees the
/// header's). Not serde's flattening, which would first copy the whole file into a buffer: a
/// strategy would no longer be read straight from the text, nor a town's file in a region file
/// borrowed as a slice of it.
///
/// Anything in doubt is an error, for the quick readers to step aside for the full path, which
/// says what is wrong: a missing format or version, a header field of another type or given
/// twice, a key or a header text written with escapes (Shirube writes none there).
pub(super) struct Headed<'a, B> {
    pub header: Header<'a>,
    pub body: B,
}

impl<'de, B: Deserialize<'de>> Deserialize<'de> for Headed<'de, B> {
    fn deserialize<D: Deserializer<'de>>(file: D) -> Result<Self, D::Error> {
        file.deserialize_map(HeadedVisitor(PhantomData))
    }
}

struct HeadedVisitor<B>(PhantomData<B>);

impl<'de, B: Deserialize<'de>> Visitor<'de> for HeadedVisitor<B> {
    type Value = Headed<'de, B>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Shirube file")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut rest = Rest { map, header: Fields::default() };
        let body = B::deserialize(&mut rest)?;
        Ok(Headed { header: rest.header.done()?, body })
    }
}

/// The header's fields as the file gives them, each at most once.
#[derive(Default)]
struct Fields<'a> {
    format: Option<&'a str>,
    version: Option<u64>,
    head: Option<Option<VersionId>>,
    exported_at: Option<&'a str>,
    generator: Option<&'a str>,
}

impl<'de> Fields<'de> {
    /// Reads the value of `key` when it is a header field; `false` when it is not (its value is
    /// then still to be read).
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        fn once<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
            field: &mut Option<T>,
            name: &'static str,
            map: &mut A,
        ) -> Result<(), A::Error> {
            if field.is_some() {
                return Err(de::Error::duplicate_field(name));
            }
            *field = Some(map.next_value()?);
            Ok(())
        }
        match key {
            "format" => once(&mut self.format, "format", map)?,
            "version" => once(&mut self.version, "version", map)?,
            "head" => once(&mut self.head, "head", map)?,
            "exported_at" => once(&mut self.exported_at, "exported_at", map)?,
            "generator" => once(&mut self.generator, "generator", map)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The header; the format and version must be there, the rest reads as absent or empty.
    fn done<E: de::Error>(self) -> Result<Header<'de>, E> {
        Ok(Header {
            format: self.format.ok_or_else(|| E::missing_field("format"))?,
            version: self.version.ok_or_else(|| E::missing_field("version"))?,
            head: self.head.flatten(),
            exported_at: self.exported_at.unwrap_or_default(),
            generator: self.generator.unwrap_or_default(),
        })
    }
}

/// The file's map as the body's deserialiser sees it: the header's fields are taken out into
/// `header` as they come.
struct Rest<'de, A> {
    map: A,
    header: Fields<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<&'de str>()? {
            if !self.header.read(key, &mut self.map)? {
                return seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for &mut Rest<'de, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        n: u32,
        #[serde(default)]
        list: Vec<String>,
    }

    fn read(text: &str) -> Option<Headed<'_, Body>> {
        serde_json::from_str(text).ok()
    }

    /// The header's fields wherever they stand among the body's, which reads as if they were
    /// not there (unknown fields ignored as before).
    #[test]
    fn the_header_and_the_body_are_read_in_one_pass() {
        let text = r#"{"n": 1, "format": "f", "version": 2, "other": {"x": [1]}, "head": "00000000000000000000000000000007",
            "exported_at": "2026-11-26T00:00:00Z", "generator": "Shirube 0.1.0", "list": ["a"]}"#;
        let file = read(text).unwrap();
        let header = Header { head: Some(VersionId::from_bits(7)), ..Header::new("f", 2, "2026-11-26T00:00:00Z") };
        assert_eq!(file.header, header);
        assert_eq!(file.body, Body { n: 1, list: vec!["a".into()] });
        let bare = read(r#"{"format": "f", "version": 2, "n": 3}"#).unwrap();
        assert_eq!(bare.header, Header { generator: "", ..Header::new("f", 2, "") });
    }

    /// What the full path must decide instead: the quick read fails.
    #[test]
    fn anything_in_doubt_fails() {
        for text in [
            r#"{"version": 2, "n": 1}"#,
            r#"{"format": "f", "n": 1}"#,
            r#"{"format": "f", "version": 2}"#,
            r#"{"format": "f", "version": "2", "n": 1}"#,
            r#"{"format": "f", "version": 2, "version": 2, "n": 1}"#,
            r#"{"format": "f", "version": 2, "n": 1, "n": 1}"#,
            r#"{"format": "f", "version": 2, "n": 1, "exported_at": null}"#,
            r#"{"format": "\u0066", "version": 2, "n": 1}"#,
            r#"{"format": "f", "version": 2, "\u006e": 1}"#,
            r#"[1, 2]"#,
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
