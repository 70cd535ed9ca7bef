//! Each field of an item hashed as the file writes it, straight from the model's own value: the
//! hash of the field's JSON text, with no JSON value made on the way (what a mark holds of a
//! value, `provenance::places`). A field whose text holds an object is written once more from
//! its JSON value, whose keys are sorted, as files have always been hashed.
//!
//! The text is written as an export writes it (serde_json's compact writer into a `Vec<u8>`),
//! so that each type's writing code is the export's, not a copy of it in the download.

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};
use std::fmt::Display;
use std::io::{self, Write};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The XXH3 hash of `value`'s JSON text as a file holds it (an object's keys in order).
pub(in crate::model::merge) fn text_hash<T: Serialize + ?Sized>(value: &T) -> u64 {
    text_hash_in(&mut Vec::new(), value)
}

/// [`text_hash`], writing the text into `buf` (cleared first: one buffer for many values).
fn text_hash_in<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> u64 {
    buf.clear();
    if serde_json::to_writer(&mut *buf, value).is_ok() && !holds_object(buf) {
        return xxh3_64(buf);
    }
    buf.clear();
    let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    match serde_json::to_writer(&mut *buf, &value) {
        Ok(()) => xxh3_64(buf),
        Err(_) => Xxh3::new().digest(),
    }
}

/// Whether JSON text `text` holds an object: a `{` outside its strings.
fn holds_object(text: &[u8]) -> bool {
    if !text.contains(&b'{') {
        return false;
    }
    let (mut in_string, mut escaped) = (false, false);
    for &b in text {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') => in_string = false,
            (true, _) => {}
            (false, b'"') => in_string = true,
            (false, b'{') => return true,
            (false, _) => {}
        }
    }
    false
}

/// Each field of `value` (a struct, its unknown fields flattened into it) as the file writes it,
/// with its hash ([`text_hash`]), but the fields named in `lists` (the item's children) and the
/// fields the file leaves out. `Err` when `value` is not written as a struct or a map.
pub(in crate::model::merge) fn field_hashes<T: Serialize>(
    value: &T,
    lists: &[&str],
    out: &mut dyn FnMut(&str, u64),
) -> Result<(), Unwritable> {
    value.serialize(&mut Fields { lists, out, key: String::new(), buf: Vec::new() })
}

/// A writer that hashes what it is given (the same hash as of the bytes written at once).
pub(in crate::model::merge) struct Hashing(pub(in crate::model::merge) Xxh3);

impl Hashing {
    pub(in crate::model::merge) fn extend_from_slice(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

impl Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What [`field_hashes`] cannot split into fields.
#[derive(Debug)]
pub(in crate::model::merge) struct Unwritable;

impl Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not written as fields")
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: Display>(_: T) -> Self {
        Unwritable
    }
}

/// The serializer that splits a struct into its fields.
struct Fields<'a> {
    lists: &'a [&'a str],
    out: &'a mut dyn FnMut(&str, u64),
    /// A map's key, until its value comes.
    key: String,
    /// The text of the field being hashed (one buffer for all of them).
    buf: Vec<u8>,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if !self.lists.contains(&name) {
            (self.out)(name, text_hash_in(&mut self.buf, value));
        }
    }
}

/// The methods of a serializer for what is not a struct: [`Unwritable`].
macro_rules! not_fields {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), Unwritable> {
            Err(Unwritable)
        }
    )*};
}

impl<'a> Serializer for &mut Fields<'a> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Impossible<(), Unwritable>;
    type SerializeTuple = Impossible<(), Unwritable>;
    type SerializeTupleStruct = Impossible<(), Unwritable>;
    type SerializeTupleVariant = Impossible<(), Unwritable>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Unwritable>;

    not_fields!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unwritable> {
        Err(Unwritable)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unwritable> {
        Err(Unwritable)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        Err(Unwritable)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unwritable> {
        Err(Unwritable)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unwritable> {
        Err(Unwritable)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unwritable> {
        Err(Unwritable)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self, Unwritable> {
        Ok(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unwritable> {
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unwritable> {
        Err(Unwritable)
    }
}

impl SerializeStruct for &mut Fields<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Unwritable> {
        self.field(name, value);
        Ok(())
    }

    fn end(self) -> Result<(), Unwritable> {
        Ok(())
    }
}

impl SerializeMap for &mut Fields<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        self.key = match serde_json::to_value(key) {
            Ok(serde_json::Value::String(name)) => name,
            _ => return Err(Unwritable),
        };
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        let name = std::mem::take(&mut self.key);
        self.field(&name, value);
        Ok(())
    }

    fn end(self) -> Result<(), Unwritable> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::typed::table::TypedTable;

    fn json_hash(value: &serde_json::Value) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&serde_json::to_vec(value).unwrap())
    }

    /// Every item of the examples hashed field by field as its JSON value is: the same fields
    /// (none of its lists, none the file leaves out) and the same hashes, objects included.
    #[test]
    fn each_field_is_hashed_as_its_json_value_is() {
        let mut fields = 0;
        for example in crate::examples::EXAMPLES {
            let table = TypedTable::of(&example.load().unwrap());
            for item in table.items.values() {
                let json: Vec<(String, u64)> =
                    item.node.json().iter().map(|(n, v)| (n.clone(), json_hash(v))).collect();
                let mut typed = Vec::new();
                item.node.hash_values(&mut |name, hash| typed.push((name.to_owned(), hash)));
                typed.sort();
                assert_eq!(typed, json, "{:?}", item.node);
                fields += typed.len();
            }
        }
        assert!(fields > 1000, "{fields} fields");
    }

    /// An object's keys are hashed in order whatever order the type writes them in.
    #[test]
    fn an_object_is_hashed_with_its_keys_in_order() {
        #[derive(serde::Serialize)]
        struct Late {
            z: u8,
            a: u8,
        }
        assert_eq!(text_hash(&Late { z: 1, a: 2 }), xxhash_rust::xxh3::xxh3_64(br#"{"a":2,"z":1}"#));
        assert_eq!(text_hash("町"), xxhash_rust::xxh3::xxh3_64("\"町\"".as_bytes()));
        assert!(field_hashes(&3u8, &[], &mut |_, _| ()).is_err());
        // In a list too; a brace inside a text is not an object.
        let listed = vec![Late { z: 1, a: 2 }];
        assert_eq!(text_hash(&listed), xxhash_rust::xxh3::xxh3_64(br#"[{"a":2,"z":1}]"#));
        assert!(holds_object(br#"[{"z":1}]"#) && !holds_object(br#"["{\"z\":1}"]"#) && !holds_object(b"\"\\\\{\""));
    }
}
