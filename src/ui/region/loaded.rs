//! A region and its towns as the region page read them from storage, and how the page names a
//! town's indicator.

use crate::model::region::{IndicatorRef, Region};
use crate::model::{Id, Strategy};

/// A region and its towns as stored, read once per visit (and again after a write).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub region: Region,
    /// The towns' strategies, in the region's order.
    pub towns: Vec<Strategy>,
    /// Members not stored (deleted since).
    pub missing: Vec<Id>,
}

impl Loaded {
    pub fn towns(&self) -> Vec<&Strategy> {
        self.towns.iter().collect()
    }
}

/// The town and indicator an [`IndicatorRef`] names: ("北斗市", "1-1 合計特殊出生率").
pub(super) fn described(r: &IndicatorRef, towns: &[Strategy]) -> (String, String) {
    let Some(s) = towns.iter().find(|s| s.id == r.strategy) else { return (String::new(), String::new()) };
    let name = s.indicator(&r.indicator).map(|i| numbered(&i.code, &i.name)).unwrap_or_default();
    (s.municipality.name.clone(), name)
}

pub(super) fn numbered(number: &str, title: &str) -> String {
    match number.trim() {
        "" => title.to_owned(),
        n => format!("{n} {title}"),
    }
}
