//! The index of stored strategies (`keys::INDEX`: each one's title, counts and when it was
//! saved, so that the list needs no strategy read), kept in step with the strategy keys
//! actually present.

use super::decode::decode_as;
use super::store::{Store, StrategySummary};
use super::{keys, Backend, StorageError};
use crate::model::Id;

impl<B: Backend> Store<B> {
    /// Brings the index in step with the strategy keys, best effort: the index is a cache, and
    /// the next `list` does the same.
    pub(super) async fn refresh_index(&self) {
        let _ = self.summaries().await;
    }

    /// The index, reconciled with the strategy keys actually present: entries for keys it does
    /// not know are read from the strategies, entries without a key are dropped. Written back
    /// when it changed (best effort). Unreadable strategies met on the way go to garbage.
    pub(super) async fn summaries(&self) -> Result<Vec<StrategySummary>, StorageError> {
        let (mut index, all) = self.backend.glance(&[keys::INDEX]).await?;
        self.summaries_of(&all, index.pop().flatten()).await
    }

    /// [`Store::summaries`] from what a read found: every key, and the index's text.
    pub(super) async fn summaries_of(
        &self,
        all: &[String],
        index: Option<String>,
    ) -> Result<Vec<StrategySummary>, StorageError> {
        let ids: Vec<Id> = all.iter().filter_map(|k| keys::strategy_id(k)).collect();
        let (stored, writable) = match index {
            None => (None, true),
            Some(text) => match super::json_in::parse::<Vec<StrategySummary>>(&text) {
                Some(index) => (Some(index), true),
                None => (None, self.quarantine(keys::INDEX, &text).await.is_ok()),
            },
        };
        let mut changed = stored.is_none() && !ids.is_empty();
        let stored = stored.unwrap_or_default();
        let mut out: Vec<StrategySummary> = Vec::with_capacity(ids.len());
        for id in &ids {
            if let Some(known) = stored.iter().find(|s| &s.id == id) {
                out.push(known.clone());
                continue;
            }
            changed = true;
            let key = keys::strategy(id);
            let Some(text) = self.backend.get(&key).await? else { continue };
            match decode_as(&text, id) {
                Some((strategy, saved_at)) => out.push(StrategySummary::of(&strategy, &saved_at)),
                None => {
                    let _ = self.quarantine(&key, &text).await;
                }
            }
        }
        changed |= out.len() != stored.len();
        if changed && writable {
            let _ = self.write_json(keys::INDEX, &out).await;
        }
        Ok(out)
    }
}
