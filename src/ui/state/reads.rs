//! What components read from storage, one handle per feature (no component touches
//! the store): the version history ([`Versions`]), a town's own table's remembered mappings
//! ([`TableMappings`]) and a region with its towns ([`RegionReads`]). Each holds the store and
//! offers only its feature's reads; they change nothing shown, so they stay outside `AppState`'s
//! lists.

use super::*;
use crate::format::table::Mapping;
use crate::model::region::Region;
use crate::session::region::{load_towns, Towns};
use crate::storage::StoredVersion;
use std::collections::BTreeMap;

type TheStore = StoredValue<Rc<BrowserWorkbench>, LocalStorage>;

impl AppState {}

/// A strategy's kept versions (`storage::versions`).
#[derive(Clone, Copy)]
pub struct Versions(pub(super) TheStore);

impl Versions {
    /// Whether this storage keeps versions (not in `localStorage`: it is too small).
    pub fn kept(&self) -> bool {
        self.0.with_value(|b| b.store().keeps_history())
    }

    /// The kept versions, newest first.
    pub async fn list(&self, id: &Id) -> Result<Vec<StoredVersion>, StorageError> {
        self.0.get_value().store().versions(id).await
    }

    pub async fn version(&self, id: &Id, seq: u64) -> Result<Strategy, StorageError> {
        self.0.get_value().store().version(id, seq).await
    }

    /// The current version as stored, and the time it was saved (what a link to it records).
    pub async fn current(&self, id: &Id) -> Result<(Strategy, String), StorageError> {
        let store = self.0.get_value().store();
        let strategy = store.load(id).await?;
        Ok((strategy, store.head(id).await?.saved_at))
    }

    /// Where the current version stands in the history (its graph), without reading it.
    pub async fn place(&self, id: &Id) -> Result<crate::storage::StoredPlace, StorageError> {
        self.0.get_value().store().place(id).await
    }

    /// The current version's id, when it is named.
    pub async fn current_id(&self, id: &Id) -> Result<Option<crate::model::VersionId>, StorageError> {
        self.0.get_value().store().current_id(id).await
    }

    /// The time the current version was saved (its head alone is read).
    pub async fn current_saved_at(&self, id: &Id) -> Result<String, StorageError> {
        Ok(self.0.get_value().store().head(id).await?.saved_at)
    }

    /// Version `seq` and the one after it (`newer`; `None`: the current version), to compare.
    pub async fn with_next(
        &self,
        id: &Id,
        seq: u64,
        newer: Option<u64>,
    ) -> (Result<Strategy, StorageError>, Result<Strategy, StorageError>) {
        let store = self.0.get_value().store();
        let old = store.version(id, seq).await;
        let new = match newer {
            Some(n) => store.version(id, n).await,
            None => store.load(id).await,
        };
        (old, new)
    }

    /// Another stored strategy (as it is now) and this one's version `newer` (`None`: the
    /// current one), to compare across two strategies.
    pub async fn with_other(
        &self,
        other: &Id,
        id: &Id,
        newer: Option<u64>,
    ) -> (Result<Strategy, StorageError>, Result<Strategy, StorageError>) {
        let store = self.0.get_value().store();
        let old = store.load(other).await;
        let new = match newer {
            Some(n) => store.version(id, n).await,
            None => store.load(id).await,
        };
        (old, new)
    }
}

/// The column mappings remembered per table layout (`storage::preferences`).
#[derive(Clone, Copy)]
pub struct TableMappings(pub(super) TheStore);

impl TableMappings {
    pub async fn read(&self) -> BTreeMap<String, Mapping> {
        self.0.get_value().store().table_mappings().await
    }

    /// Remembers a layout's mapping. A convenience: a failure is not worth a message (the
    /// strategy itself is saved by the autosave, which says so when it fails).
    pub async fn remember(&self, key: &str, mapping: &Mapping) {
        let _ = self.0.get_value().store().remember_table_mapping(key, mapping).await;
    }
}

/// A stored region and its towns (`session::region::load_towns`).
#[derive(Clone, Copy)]
pub struct RegionReads(pub(super) TheStore);

impl RegionReads {
    pub async fn region(&self, id: &Id) -> Result<Region, StorageError> {
        self.0.get_value().store().load_region(id).await
    }

    /// The region's towns as stored, `progress(done, total)` as they are read.
    pub async fn towns(&self, region: &Region, progress: impl FnMut(usize, usize)) -> Result<Towns, Notice> {
        load_towns(&self.0.get_value().store(), region, progress).await
    }
}
