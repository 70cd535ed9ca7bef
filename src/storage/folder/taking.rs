//! What the shared folder's sync (`session::folder`) stores: a member's version taken as it is
//! (a fast-forward) or merged with this browser's, each over the revision it was made from and
//! naming the person; the [`Ancestry`] it works on is brought up to date in memory, so that ten
//! members' files are taken in one pass without reading the stored strategy again. Both are
//! [`VersionReason::FolderMerged`] versions, thinned as saves are (five people polling would
//! otherwise pin a version for every change each of them makes); undoing one is a new version on
//! top of the head, which reaches everyone as any change does.

use crate::storage::lineage::{Ancestry, KnownVersion};
use crate::storage::versions::{Origin, VersionReason};
use crate::storage::{keys, Backend, StorageError, Store, Write};
use serde::{Deserialize, Serialize};

/// A version last taken from a member (`keys::taken`).
#[derive(Deserialize)]
struct TakenRecord {
    id: String,
    strategy: Strategy,
}

/// [`TakenRecord`] as written.
#[derive(Serialize)]
struct TakenRecordOut<'a> {
    id: &'a str,
    strategy: &'a Strategy,
}

/// The version a member's file holds, kept (in the batch that stores what was taken from it) as
/// the one last taken from them, in place of the one before: a later file of theirs is most
/// likely merged from it, and the history keeps only what this browser made. One a member, so
/// bounded by the members.
pub struct TakenFrom<'a> {
    pub member: &'a str,
    pub version: &'a KnownVersion,
    /// Its strategy's JSON as the member's file holds it, when it is that version (stored as it
    /// is, not written out again).
    pub written: Option<&'a str>,
}

impl TakenFrom<'_> {
    fn record(&self) -> Result<Write, StorageError> {
        let key = keys::taken(&self.version.strategy.id, self.member);
        let text = match self.written {
            Some(text) => {
                format!("{{\"id\":{},\"strategy\":{text}}}", crate::storage::store::to_json(&self.version.id)?)
            }
            None => crate::storage::store::to_json(&TakenRecordOut {
                id: &self.version.id,
                strategy: &self.version.strategy,
            })?,
        };
        Ok(Write::put(key, text))
    }
}
use crate::format::{export_compact_named, FileVersion};
use crate::model::{Id, Strategy};
use crate::storage::Prepared;

impl<B: Backend> Store<B> {
    /// Stores a member's version (`strategy`, `theirs`) as it is, over `ancestry`'s revision
    /// (`Err(Conflict)`: saved meanwhile, nothing written — the next reading takes it again).
    /// Returns the number of the version it replaced in the history (`None` where no history is
    /// kept), which [`Store::undo_folder_merge`] brings back.
    pub async fn take_folder_version(
        &self,
        ancestry: &mut Ancestry,
        (theirs, by): (&FileVersion, &str),
        from: &TakenFrom<'_>,
        now: &str,
    ) -> Result<Option<u64>, StorageError> {
        let origin = ancestry.taken_origin(theirs, Some(by));
        let strategy = &from.version.strategy;
        self.store_on(ancestry, strategy, &Prepared::of(strategy, now), origin, from, now).await
    }

    /// Stores a member's changes merged without a conflict (`merged`, with `theirs`) as a
    /// version with two parents, over `ancestry`'s revision: see [`Store::take_folder_version`].
    pub async fn save_folder_merge(
        &self,
        ancestry: &mut Ancestry,
        merged: &Strategy,
        (theirs, by): (&FileVersion, &str),
        from: &TakenFrom<'_>,
        now: &str,
    ) -> Result<Option<u64>, StorageError> {
        // The text stored and the version's name from one serialisation.
        let (text, fp) = export_compact_named(merged, now);
        let origin = ancestry.merge_origin_of(&fp, theirs, Some(by));
        self.store_on(ancestry, merged, &Prepared::with_text(text, merged, now), origin, from, now).await
    }

    /// The version stored over `ancestry`'s revision, with `from` kept in the same batch —
    /// or, when storage has no room for both, the version alone (what `from` keeps is only a
    /// help in finding a version to merge from).
    async fn store_on(
        &self,
        ancestry: &mut Ancestry,
        strategy: &Strategy,
        prepared: &Prepared,
        origin: Origin,
        from: &TakenFrom<'_>,
        now: &str,
    ) -> Result<Option<u64>, StorageError> {
        let reason = (VersionReason::FolderMerged, &origin);
        let also: Vec<Write> = from.record().into_iter().collect();
        let written = match self.save_from_over(prepared, now, reason, ancestry.revision, &also).await {
            Err(StorageError::QuotaExceeded { .. }) if !also.is_empty() => {
                self.save_from_over(prepared, now, reason, ancestry.revision, &[]).await?
            }
            other => other?,
        };
        ancestry.advance(strategy.clone(), written.revision, origin, written.kept);
        Ok(written.kept)
    }

    /// The versions last taken from strategy `id`'s members (unreadable ones are left out: they
    /// only help find a version to merge from).
    pub async fn taken_versions(&self, id: &Id) -> Result<Vec<KnownVersion>, StorageError> {
        let prefix = keys::taken_of(id);
        let mut out = Vec::new();
        for key in self.backend.keys().await?.into_iter().filter(|k| k.starts_with(&prefix)) {
            let Some(text) = self.backend.get(&key).await? else { continue };
            if let Ok(r) = serde_json::from_str::<TakenRecord>(&text) {
                if r.strategy.id == *id {
                    out.push(KnownVersion { id: r.id, strategy: r.strategy });
                }
            }
        }
        Ok(out)
    }

    /// Undoes a change taken from the folder: the version it replaced (`seq`) becomes the
    /// current one again, as a new version on top of the head (it reaches every member, the
    /// one whose change it takes back too).
    pub async fn undo_folder_merge(&self, id: &Id, seq: u64, now: &str) -> Result<Strategy, StorageError> {
        self.restore_version(id, seq, now).await
    }
}
