//! The lists on screen read again from the store — the strategies, backups, data set aside,
//! regions and how full storage is — after a write of this tab (the other tabs told) or of
//! another, each only where the write touched it.

use super::act::{perform, read_lists, Action};
use super::*;

impl AppState {
    /// After an action that may have changed any list.
    pub(super) async fn written(&self) {
        self.written_touching(Touched::EVERYTHING).await;
    }

    /// After this tab wrote: the other tabs are told, and the lists the write `touched` are
    /// read again.
    pub(super) async fn written_touching(&self, touched: Touched) {
        if let Some(channel) = self.channel.get_value() {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("changed"));
        }
        self.reread_touching(touched).await;
    }

    pub(super) async fn reread(&self) {
        self.reread_touching(Touched::EVERYTHING).await;
    }

    pub(super) async fn reread_touching(&self, touched: Touched) {
        let store = self.store();
        // Data stored under an id that breaks the id rule (before the rule) can be neither
        // listed nor opened: set aside first, it is listed with the unreadable data.
        if touched.garbage {
            let _ = store.set_aside_unsafe_ids().await;
        }
        // From the index; when it must be mended (a strategy it does not name), the action that
        // reads strategies does it.
        let list = match touched.strategies {
            false => None,
            true => match store.list_from_index().await {
                Ok(Some(list)) => Some(Ok(list)),
                Ok(None) => return perform(*self, Action::Relist).await,
                Err(e) => Some(Err(e)),
            },
        };
        self.reread_rest(list, touched).await;
    }

    /// [`AppState::reread`] with the list read and mended (`Store::list`).
    pub(super) async fn relist_now(self) {
        let list = self.store().list().await;
        self.reread_rest(Some(list), Touched::EVERYTHING).await;
    }

    pub(super) async fn reread_rest(&self, list: Option<Result<Vec<StrategySummary>, StorageError>>, touched: Touched) {
        let store = self.store();
        // Backups, data set aside and regions only where some are stored (and localStorage's use
        // where it is the storage, which any write changes): their reading is a part of its own.
        let local = store.kind() == BackendKind::LocalStorage;
        let bench = self.bench.get_value();
        let rest = match touched.more() {
            false if local => read_lists(bench.clone(), touched).await,
            false => Changed::default(),
            true => match store.holds_more_than_strategies().await {
                Ok(more) if more || local => read_lists(bench.clone(), touched).await,
                Ok(_) => bench.clear_more(touched, None),
                Err(e) => bench.clear_more(touched, Some(e)),
            },
        };
        let mut changed = bench.take_summaries(list);
        if let Some(e) = changed.error.take().or(rest.error) {
            self.notice.set(Some(Notice::Storage(e)));
        }
        let changed = Changed { summaries: changed.summaries, error: None, ..rest };
        // Only what changed: the region page reads all its towns again when the regions do.
        bench.lists(|l| {
            if changed.summaries {
                self.summaries.set(l.summaries.clone());
            }
            if changed.backups {
                self.backups.set(l.backups.clone());
            }
            if changed.garbage {
                self.garbage.set(l.garbage.clone());
            }
            if changed.regions {
                self.regions.set(l.regions.clone());
            }
            if changed.region_backups {
                self.region_backups.set(l.region_backups.clone());
            }
            if changed.usage {
                self.usage.set(l.usage.clone());
            }
        });
        // IndexedDB: what the browser says of the whole site (reading every value to measure it
        // would cost as much as reading every strategy); localStorage's use is `usage`.
        let estimate = match store.kind() {
            BackendKind::IndexedDb => crate::storage::estimate().await,
            BackendKind::LocalStorage | BackendKind::Memory => None,
        };
        if self.estimate.with_untracked(|e| *e != estimate) {
            self.estimate.set(estimate);
        }
    }
}
