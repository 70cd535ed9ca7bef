//! The version a file carries whole (`lineage.base`), so that a browser that lacks it can still
//! merge: kept as the text the file holds until a merge needs it (`Lineage::carried`), then
//! checked and parsed once.
//! Most merges find their base at hand, and parsing and naming a large strategy is most of
//! reading a member's file.

use crate::model::Strategy;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A version carried whole: as read from a file, its JSON text; as written, the strategy.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // reason: one a file; fires on 64-bit only, not on wasm32
pub enum CarriedVersion {
    Text(Box<RawValue>),
    Strategy(Strategy),
}

impl From<Strategy> for CarriedVersion {
    fn from(s: Strategy) -> CarriedVersion {
        CarriedVersion::Strategy(s)
    }
}

impl CarriedVersion {
    /// The strategy (`None`: the text is not one).
    pub fn strategy(&self) -> Option<Strategy> {
        match self {
            CarriedVersion::Text(text) => serde_json::from_str(text.get()).ok(),
            CarriedVersion::Strategy(s) => Some(s.clone()),
        }
    }

    /// The hash of its text, when it is the text a file holds (see `format::written_strategy`).
    pub(super) fn written_fingerprint(&self) -> Option<crate::model::VersionId> {
        match self {
            CarriedVersion::Text(text) => Some(super::fingerprint::text_fingerprint(text.get())),
            CarriedVersion::Strategy(_) => None,
        }
    }
}

impl PartialEq for CarriedVersion {
    fn eq(&self, other: &CarriedVersion) -> bool {
        match (self, other) {
            (CarriedVersion::Text(a), CarriedVersion::Text(b)) => a.get() == b.get(),
            _ => self.strategy() == other.strategy(),
        }
    }
}

impl Serialize for CarriedVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CarriedVersion::Text(text) => text.serialize(serializer),
            CarriedVersion::Strategy(s) => s.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for CarriedVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CarriedVersion, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(CarriedVersion::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{fingerprint, Lineage, LineageError};
    use crate::history::{version_id, Node};
    use crate::model::VersionId;

    #[test]
    fn a_carried_base_must_be_the_named_version_of_the_same_strategy() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let mut base = s.clone();
        base.title = "元の版".into();
        let fp = fingerprint(&base);
        let good = Lineage { versions: vec![fp], base: Some(base.clone().into()), ..Lineage::default() };
        assert_eq!(good.checked_base(&s), Ok(Some((fp, base.clone()))), "an older file's");
        let wrong = Lineage { versions: vec![fingerprint(&s)], base: Some(base.clone().into()), ..Lineage::default() };
        assert_eq!(wrong.checked_base(&s), Err(LineageError::BaseMismatch));
        let other = crate::model::Strategy { id: crate::model::Id::new("str"), ..base.clone() };
        let foreign = Lineage { versions: vec![fingerprint(&other)], base: Some(other.into()), ..Lineage::default() };
        assert_eq!(foreign.checked_base(&s), Err(LineageError::OtherStrategy));
        assert_eq!(Lineage::default().checked_base(&s), Ok(None));
        // Named by its history: its id must be its content's with the parents the graph gives.
        let root = VersionId::from_bits(0);
        let id = version_id(fp, &[root]);
        let graph = vec![Node { id, parents: vec![root] }];
        let named =
            Lineage { base: Some(base.clone().into()), base_id: Some(id), graph: graph.into(), ..Lineage::default() };
        assert_eq!(named.checked_base(&s), Ok(Some((id, base.clone()))));
        let forged = Lineage { base_id: Some(version_id(fp, &[VersionId::from_bits(1)])), ..named };
        assert_eq!(forged.checked_base(&s), Err(LineageError::BaseMismatch));
    }

    /// Read from a file, the base stays text until asked for; then it is the same version,
    /// named by the text (compact, as this build writes it) or, indented, by its content.
    #[test]
    fn a_base_read_from_a_file_is_checked_and_parsed_when_asked_for() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let mut base = s.clone();
        base.title = "元の版".into();
        let root = VersionId::from_bits(0);
        let id = version_id(fingerprint(&base), &[root]);
        let graph = vec![Node { id, parents: vec![root] }];
        let lineage = Lineage {
            head: Some(VersionId::from_bits(u128::MAX / 15)),
            base: Some(base.clone().into()),
            base_id: Some(id),
            graph: graph.into(),
            ..Lineage::default()
        };
        let author = crate::format::Author { id: "m1".into(), name: "田中".into(), role: None };
        let compact = crate::format::export_member_file(&s, "t", &lineage, &author);
        let pretty = crate::format::export_with_lineage(&s, "t", &lineage);
        for text in [compact, pretty] {
            let read = crate::format::import(&text).unwrap().lineage.unwrap();
            assert!(matches!(read.base, Some(CarriedVersion::Text(_))), "kept as text");
            let carried = read.carried(&s).unwrap();
            assert_eq!(carried.get(VersionId::from_bits(2)), None, "another id: not checked");
            assert_eq!(carried.mismatch(), None);
            assert_eq!(carried.get(id), Some(base.clone()));
            assert_eq!(read.base.as_ref().unwrap(), &CarriedVersion::from(base.clone()), "the same version");
        }
        // Changed after it was written: refused, when asked for.
        let tampered = crate::format::export_with_lineage(&s, "t", &lineage).replacen("元の版", "書き換え", 1);
        let read = crate::format::import(&tampered).unwrap().lineage.unwrap();
        let carried = read.carried(&s).unwrap();
        assert_eq!(carried.get(id), None);
        assert_eq!(carried.mismatch(), Some(LineageError::BaseMismatch));
    }
}
