//! What the shared folder's sync (`session::folder`) stores: a member's version taken as it is
//! (a fast-forward) or merged with this browser's, each over the revision it was made from and
//! naming the person. The [`Ancestry`] it works on moves on in memory as each is taken
//! ([`Staged`]), so that ten members' files are taken in one pass without reading the stored
//! strategy again, and stored together, in one transaction ([`Store::store_staged`]). Both are
//! [`VersionReason::FolderMerged`] versions, thinned as saves are (five people polling would
//! otherwise pin a version for every change each of them makes); undoing one is a new version on
//! top of the head, which reaches everyone as any change does.

use crate::format::{export_compact_around, export_compact_named};
use crate::history::FileVersion;
use crate::model::{Id, Strategy, VersionId};
use crate::storage::ancestry::{Ancestry, KnownVersion};
use crate::storage::versions::{Origin, VersionReason};
use crate::storage::writing::NewVersion;
use crate::storage::Prepared;
use crate::storage::{keys, Backend, StorageError, Store, Write};
use serde::{Deserialize, Serialize};

/// A version last taken from a member (`keys::taken`).
#[derive(Deserialize)]
struct TakenRecord {
    id: VersionId,
    strategy: Strategy,
}

/// [`TakenRecord`] as written.
#[derive(Serialize)]
struct TakenRecordOut<'a> {
    id: &'a VersionId,
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
    /// The record's write, and its length.
    pub(in crate::storage) fn record(&self) -> Result<(Write, usize), StorageError> {
        let key = keys::taken(&self.version.strategy.id, self.member);
        let text = match self.written {
            Some(text) => {
                format!("{{\"id\":{},\"strategy\":{text}}}", crate::storage::json_out::to_json(&self.version.id)?)
            }
            None => crate::storage::json_out::to_json(&TakenRecordOut {
                id: &self.version.id,
                strategy: &self.version.strategy,
            })?,
        };
        let bytes = text.len();
        Ok((Write::put(key, text), bytes))
    }
}

/// How much text the versions a reading takes may hold before they are stored: ten members'
/// versions of a town's strategy (~200 KB each, ~400 KB with the member's version kept beside
/// it) go in one transaction, and so do ten of a large strategy's (3.6 MB, ~7 MB with the
/// member's): one transaction writes each version once, where one a member would also write the
/// strategy again and copy the one it replaced. Memory holds what is staged until then, at most this much.
pub const STAGED_BYTES: usize = 80 << 20;

/// The versions a reading took from members and has not stored yet, each made on the one
/// before ([`Staged::take_version`], [`Staged::take_merge`]); [`Store::store_staged`] stores
/// them all in one batch.
pub struct Staged {
    versions: Vec<StagedVersion>,
    bytes: usize,
    /// How much text it holds before it is to be stored ([`Staged::is_full`]).
    limit: usize,
}

impl Default for Staged {
    fn default() -> Staged {
        Staged::holding(STAGED_BYTES)
    }
}

struct StagedVersion {
    prepared: Prepared,
    origin: Origin,
    /// What is kept beside it ([`TakenFrom`], the marks of where its values were last set).
    also: Vec<Write>,
    /// The id of the version it replaces.
    replaced: Option<VersionId>,
}

impl std::fmt::Debug for Staged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staged").field("versions", &self.versions.len()).field("bytes", &self.bytes).finish()
    }
}

impl StagedVersion {
    /// To write over `base` (only the first one's is looked at), with what it keeps beside it.
    fn new_version(&self, base: u64) -> NewVersion<'_> {
        NewVersion { also: self.also.as_slice(), ..self.new_version_alone(base) }
    }

    /// [`StagedVersion::new_version`] without what it keeps beside it.
    fn new_version_alone(&self, base: u64) -> NewVersion<'_> {
        NewVersion {
            prepared: &self.prepared,
            now: &self.prepared.summary.updated_at,
            reason: VersionReason::FolderMerged,
            base: Some(base),
            origin: Some(&self.origin),
            also: &[],
        }
    }
}

impl Staged {
    /// Nothing staged; full when it holds `limit` bytes of text or more.
    pub fn holding(limit: usize) -> Staged {
        Staged { versions: Vec::new(), bytes: 0, limit }
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    pub fn len(&self) -> usize {
        self.versions.len()
    }

    /// Whether what is staged is to be stored now, before anything more is taken.
    pub fn is_full(&self) -> bool {
        self.bytes >= self.limit
    }

    /// Whether version `id` is one staged here (made by this reading, and seen by nobody).
    pub fn holds(&self, id: VersionId) -> bool {
        self.versions.iter().any(|v| v.origin.made.id == id)
    }

    /// The marks of where each value of the version staged last was set
    /// (`model::merge::provenance`), kept beside it in its batch.
    pub fn keep_marks(
        &mut self,
        id: &crate::model::Id,
        marks: &crate::model::merge::provenance::Provenance,
    ) -> Result<(), StorageError> {
        let text = serde_json::to_string(marks).map_err(|e| StorageError::Failed { detail: e.to_string() })?;
        if let Some(last) = self.versions.last_mut() {
            self.bytes += text.len();
            last.also.push(Write::put(crate::storage::keys::marks(id), text));
        }
        Ok(())
    }

    /// A member's version (`from`, `theirs`) taken as it is (a fast-forward), on top of
    /// `ancestry`, which moves on to it in memory. Returns the version it replaces, at hand for
    /// a later merge of this reading (it is not stored before [`Store::store_staged`]).
    pub fn take_version(
        &mut self,
        ancestry: &mut Ancestry,
        (theirs, by): (&FileVersion, &str),
        from: &TakenFrom<'_>,
        now: &str,
    ) -> Result<Option<KnownVersion>, StorageError> {
        let origin = ancestry.staged_taken_origin(theirs, Some(by));
        let strategy = &from.version.strategy;
        // Stored as the member's file holds it, when it does (not written out again).
        let prepared = match from.written {
            Some(body) => Prepared::with_text(export_compact_around(body, now), strategy, now),
            None => Prepared::of(strategy, now),
        };
        self.stage(ancestry, strategy.clone(), prepared, origin, from)
    }

    /// A member's changes merged without a conflict (`merged`, with `theirs`): a version with
    /// two parents, on top of `ancestry` (see [`Staged::take_version`]).
    pub fn take_merge(
        &mut self,
        ancestry: &mut Ancestry,
        merged: Strategy,
        (theirs, by): (&FileVersion, &str),
        from: &TakenFrom<'_>,
        now: &str,
    ) -> Result<Option<KnownVersion>, StorageError> {
        // The text stored and the version's name from one serialisation.
        let (text, fp) = export_compact_named(&merged, now);
        let origin = ancestry.staged_merge_origin(fp, theirs, Some(by));
        let prepared = Prepared::with_text(text, &merged, now);
        self.stage(ancestry, merged, prepared, origin, from)
    }

    fn stage(
        &mut self,
        ancestry: &mut Ancestry,
        strategy: Strategy,
        prepared: Prepared,
        origin: Origin,
        from: &TakenFrom<'_>,
    ) -> Result<Option<KnownVersion>, StorageError> {
        let (also, bytes) = from.record()?;
        self.bytes += prepared.text.len() + bytes;
        let also = vec![also];
        let (replaced, old) = ancestry.advance(strategy, origin.clone());
        self.versions.push(StagedVersion { prepared, origin, also, replaced });
        Ok(replaced.map(|id| KnownVersion { id, strategy: old }))
    }
}

impl<B: Backend> Store<B> {
    /// Stores what `staged` holds over `ancestry`'s revision, in one batch (all or nothing),
    /// with what each keeps beside it — or, when storage has no room for that, without it (it
    /// only helps find a version to merge from). `Err(Conflict)`: saved meanwhile, nothing
    /// written — the next reading takes it again. Returns, for each, the
    /// number of the version it replaced in the history (`None` where no history is kept),
    /// which [`Store::undo_folder_merge`] brings back. `staged` is empty afterwards.
    pub async fn store_staged(
        &self,
        ancestry: &mut Ancestry,
        staged: &mut Staged,
    ) -> Result<Vec<Option<u64>>, StorageError> {
        let mut versions = std::mem::take(&mut staged.versions);
        staged.bytes = 0;
        // Staged without their graph record's text: the last one writes it (`ancestry` has moved
        // on to it), made once here.
        if let Some(last) = versions.last_mut() {
            last.origin.graph_text = ancestry.graph_text();
        }
        let base = ancestry.revision();
        let all = |made: fn(&StagedVersion, u64) -> NewVersion<'_>| -> Vec<NewVersion<'_>> {
            versions.iter().map(|v| made(v, base)).collect()
        };
        let written = match self.write_versions(&all(StagedVersion::new_version)).await {
            Err(StorageError::QuotaExceeded { .. }) => {
                self.write_versions(&all(StagedVersion::new_version_alone)).await?
            }
            other => other?,
        };
        for (v, w) in versions.into_iter().zip(&written) {
            ancestry.stored(w.revision, v.replaced.zip(w.kept));
        }
        Ok(written.iter().map(|w| w.kept).collect())
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
