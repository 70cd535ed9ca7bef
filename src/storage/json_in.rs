//! Reading a stored record, by any parser ([`Store::read_parsed`]: serde_json's for most), and
//! the small JSON records the first visit needs (the strategies' index, the
//! preferences, the drafts kept on closing) in the page: the browser's `JSON.parse`, then the
//! value handed to the record's `Deserialize` by [`Value`], a deserializer whose errors say
//! nothing. serde_json's reader would bring its code (a float parser among it) into the
//! start-up module for these alone, and a deserializer whose errors are words (as
//! serde-wasm-bindgen's) Rust's float formatting (serde words a wrong number with its value). Natively (the tests, the benchmark's generator) serde_json reads them. Either way a
//! text that is not JSON, or not the record, is `None`. The strategies themselves and every other
//! record are read by serde_json (`format`, `Store::read_json`).
//!
//! [`Value`] reads what these records hold: objects, arrays, strings, whole numbers (and others,
//! as `f64`), booleans, null, and enums written as their variant's name. An enum variant with
//! data (`{"Variant": …}`) is not read: a record holding one reads as unreadable.

use super::{Backend, StorageError, Store};
use serde::de::DeserializeOwned;

impl<B: Backend> Store<B> {
    /// The record under `key` as `parse` reads it: `None` when missing or garbage (garbage is
    /// moved away). The flag says whether `key` may be overwritten — false when garbage sits
    /// there because even moving it failed.
    pub(super) async fn read_parsed<T>(
        &self,
        key: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<(Option<T>, bool), StorageError> {
        let Some(text) = self.backend.get(key).await? else { return Ok((None, true)) };
        match parse(&text) {
            Some(value) => Ok((Some(value), true)),
            None => Ok((None, self.quarantine(key, &text).await.is_ok())),
        }
    }

    /// [`Store::read_json`] for the records the first visit reads (the index, the preferences):
    /// parsed in the page ([`parse`]), so that the start-up module has no JSON reader of its own.
    pub(super) async fn read_record<T: DeserializeOwned>(&self, key: &str) -> Result<(Option<T>, bool), StorageError> {
        self.read_parsed(key, parse::<T>).await
    }
}

/// The record `text` holds, if it is one.
#[cfg(target_arch = "wasm32")]
pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    T::deserialize(page::Value(value)).ok()
}

/// The record `text` holds, if it is one.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[cfg(target_arch = "wasm32")]
mod page {
    use js_sys::{Array, Object, Reflect};
    use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
    use wasm_bindgen::{JsCast, JsValue};

    /// A record that could not be read. It carries no words: building them would bring
    /// formatting code (of floats, too) into the start-up module.
    #[derive(Debug)]
    pub struct Unreadable;

    impl std::fmt::Display for Unreadable {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("unreadable record")
        }
    }

    impl std::error::Error for Unreadable {}

    impl de::Error for Unreadable {
        fn custom<T: std::fmt::Display>(_: T) -> Unreadable {
            Unreadable
        }
    }

    /// A value `JSON.parse` made, as serde reads it.
    pub struct Value(pub JsValue);

    impl<'de> de::Deserializer<'de> for Value {
        type Error = Unreadable;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
            let v = self.0;
            if v.is_null() || v.is_undefined() {
                visitor.visit_unit()
            } else if let Some(b) = v.as_bool() {
                visitor.visit_bool(b)
            } else if let Some(n) = v.as_f64() {
                if !js_sys::Number::is_safe_integer(&v) {
                    visitor.visit_f64(n)
                } else if n >= 0.0 {
                    visitor.visit_u64(n as u64)
                } else {
                    visitor.visit_i64(n as i64)
                }
            } else if let Some(s) = v.as_string() {
                visitor.visit_string(s)
            } else if Array::is_array(&v) {
                let items = v.unchecked_into::<Array>();
                visitor.visit_seq(Items { items, next: 0 })
            } else if v.is_object() {
                let keys = Object::keys(v.unchecked_ref::<Object>());
                visitor.visit_map(Entries { object: v, keys, next: 0 })
            } else {
                Err(Unreadable)
            }
        }

        fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
            if self.0.is_null() || self.0.is_undefined() {
                visitor.visit_none()
            } else {
                visitor.visit_some(self)
            }
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            visitor: V,
        ) -> Result<V::Value, Unreadable> {
            visitor.visit_newtype_struct(self)
        }

        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            _: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Unreadable> {
            let name = self.0.as_string().ok_or(Unreadable)?;
            visitor.visit_enum(IntoDeserializer::<Unreadable>::into_deserializer(name))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
        }
    }

    /// An array's items.
    struct Items {
        items: Array,
        next: u32,
    }

    impl<'de> de::SeqAccess<'de> for Items {
        type Error = Unreadable;

        fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Unreadable> {
            if self.next >= self.items.length() {
                return Ok(None);
            }
            let item = self.items.get(self.next);
            self.next += 1;
            seed.deserialize(Value(item)).map(Some)
        }
    }

    /// An object's own entries, in its keys' order.
    struct Entries {
        object: JsValue,
        keys: Array,
        next: u32,
    }

    impl<'de> de::MapAccess<'de> for Entries {
        type Error = Unreadable;

        fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Unreadable> {
            if self.next >= self.keys.length() {
                return Ok(None);
            }
            seed.deserialize(Value(self.keys.get(self.next))).map(Some)
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unreadable> {
            let key = self.keys.get(self.next);
            self.next += 1;
            let value = Reflect::get(&self.object, &key).map_err(|_| Unreadable)?;
            seed.deserialize(Value(value))
        }
    }
}
