//! Writing new versions of a stored strategy: each one replaces the current version, which the
//! history keeps (`versions`), and names itself (`lineage`). One batch, one transaction, however
//! many versions: a save writes one; the shared folder's reading writes the versions it took
//! from several members one after another, in one transaction (`folder::taking`).

use super::decode::looks_like_envelope;
use super::json_out::to_json;
use super::store::Prepared;
use super::versions::{thin, Head, Named, Origin, StoredVersion, VersionReason};
use super::{keys, Backend, StorageError, Store, Write};
use crate::model::{Id, Strategy};

/// A version to write: the strategy, when and why, over which revision (`None`: whatever the
/// head is), and where it comes from (see [`Origin`]; `None`: an edit on top of the head).
#[derive(Clone, Copy)]
pub(super) struct NewVersion<'a> {
    pub prepared: &'a Prepared,
    pub now: &'a str,
    pub reason: VersionReason,
    pub base: Option<u64>,
    pub origin: Option<&'a Origin>,
    /// Written in the same batch (what the shared folder keeps beside a version it takes).
    pub also: &'a [Write],
}

/// What writing a [`NewVersion`] made: the head's new revision, and where the history keeps the
/// version it replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NewRevision {
    pub revision: u64,
    /// The number under which the history keeps the version it replaced (`None`: none kept —
    /// no history here, nothing replaced, or thinned away at once).
    pub kept: Option<u64>,
}

/// The text a new version replaces: its size known from the head (it stays in the backend),
/// read, or written by the version before it in the same batch.
enum Replaced<'a> {
    Known { bytes: usize },
    Read(String),
    Written(&'a str),
}

impl<B: Backend> Store<B> {
    /// Saves a strategy, whatever revision is stored (an action: create, rename, duplicate …).
    /// See [`Store::save_as`].
    pub async fn save(&self, strategy: &Strategy, now: &str) -> Result<(), StorageError> {
        self.save_as(strategy, now, VersionReason::Saved).await.map(|_| ())
    }

    /// Saves a strategy as its new current version, whatever revision is stored, and returns
    /// the new revision. One batch (one transaction): the envelope, the version it replaces
    /// (kept in the history, see `versions`), the head and the index. When the storage is full,
    /// the previously stored version is still there, intact, and `Err(QuotaExceeded)` says so.
    /// Another tab saving at the same moment makes the batch fail; it is then tried again.
    pub async fn save_as(&self, strategy: &Strategy, now: &str, reason: VersionReason) -> Result<u64, StorageError> {
        self.save_from(strategy, now, reason, None).await
    }

    /// [`Store::save_as`] saying where the new version comes from (a file's version, a merge:
    /// see [`Origin`]); without it the new version is an edit on top of the head.
    pub async fn save_from(
        &self,
        strategy: &Strategy,
        now: &str,
        reason: VersionReason,
        origin: Option<&Origin>,
    ) -> Result<u64, StorageError> {
        self.save_with(strategy, now, reason, origin, &[]).await
    }

    /// [`Store::save_from`] writing `also` in the same batch.
    pub(super) async fn save_with(
        &self,
        strategy: &Strategy,
        now: &str,
        reason: VersionReason,
        origin: Option<&Origin>,
        also: &[Write],
    ) -> Result<u64, StorageError> {
        let prepared = Prepared::of(strategy, now);
        let mut tries = 0;
        loop {
            let version = NewVersion { prepared: &prepared, now, reason, base: None, origin, also };
            match self.write_version(version).await {
                Err(StorageError::Conflict { .. }) if tries < 3 => tries += 1,
                other => return other.map(|w| w.revision),
            }
        }
    }

    /// Saves the open strategy over the revision it was loaded or last saved as (`base`): when
    /// another tab saved meanwhile, nothing is written and `Err(Conflict)` says so — the tab
    /// then asks the user which version to keep; when another tab deleted it, nothing is
    /// written and `Err(Deleted)` says so. Returns the new revision.
    pub async fn save_over(&self, strategy: &Strategy, now: &str, base: u64) -> Result<u64, StorageError> {
        self.save_prepared_over(Prepared::of(strategy, now), now, base).await
    }

    /// [`Store::save_over`] for a strategy [`Prepared`] beforehand (the autosave prepares the
    /// open strategy where it lives, without copying it).
    pub async fn save_prepared_over(&self, prepared: Prepared, now: &str, base: u64) -> Result<u64, StorageError> {
        let reason = VersionReason::Saved;
        let version = NewVersion { prepared: &prepared, now, reason, base: Some(base), origin: None, also: &[] };
        Ok(self.write_version(version).await?.revision)
    }

    pub(super) async fn write_version(&self, version: NewVersion<'_>) -> Result<NewRevision, StorageError> {
        let written = self.write_versions(&[version]).await?;
        written.first().copied().ok_or_else(|| StorageError::Failed { detail: "nothing was written".into() })
    }

    /// Writes `versions` one after another in one batch: the first over its `base`, each next
    /// one over the one before it (their own `base` is not looked at). All or nothing.
    pub(super) async fn write_versions(&self, versions: &[NewVersion<'_>]) -> Result<Vec<NewRevision>, StorageError> {
        let Some(first) = versions.first() else { return Ok(Vec::new()) };
        // Naming the current version (a write to a file) changes the `named` record, which a
        // save checks, never the head: a save that meets one is simply made again.
        let (named, mut tries) = (keys::named(&first.prepared.summary.id), 0);
        loop {
            match self.write_versions_once(versions).await {
                Err(StorageError::Conflict { key }) if key == named && tries < 3 => tries += 1,
                other => return other,
            }
        }
    }

    async fn write_versions_once(&self, versions: &[NewVersion<'_>]) -> Result<Vec<NewRevision>, StorageError> {
        let (Some(first), Some(last)) = (versions.first(), versions.last()) else { return Ok(Vec::new()) };
        let id = &first.prepared.summary.id;
        let key = keys::strategy(id);
        // The head, the name of the current version, the index and every key: one read.
        let (found, all) = self.backend.glance(&[&keys::head(id), &keys::named(id), keys::INDEX]).await?;
        let [head_text, named_text, index_text]: [Option<String>; 3] =
            found.try_into().map_err(|_| StorageError::Failed { detail: "a read gave too few values".into() })?;
        let mut head: Head = head_text.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        let mut head_is_new = head_text.is_none();
        // Saved over the revision this tab opened, and gone: deleted meanwhile (another tab).
        // Storing it would bring back what the user deleted, unasked.
        // (Base 0: this tab never saw it stored — e.g. an import storage had no room for —,
        // so storing it now is its first save, not a comeback.)
        if first.base.is_some_and(|b| b > 0) && head_is_new && !all.contains(&key) {
            return Err(StorageError::Deleted { id: id.clone() });
        }
        if first.base.is_some_and(|base| base != head.revision) {
            return Err(StorageError::Conflict { key: keys::head(id) });
        }
        let mut named: Option<Named> = named_text.as_deref().and_then(|t| serde_json::from_str(t).ok());
        let mut entries = self.summaries_of(&all, index_text).await?;
        let mut batch = vec![
            Write::Expect { key: keys::head(id), value: head_text },
            Write::Expect { key: keys::named(id), value: named_text },
        ];
        // What the first version replaces. Saved over the revision this tab loaded or last saved
        // (the head's condition above holds it), the stored text is what this tab read or
        // wrote: it is kept as a version by a copy inside the backend, not read (for a large
        // strategy the read is most of a save's time). Otherwise it is read and looked at first.
        let mut replaced = match (first.base, head.bytes) {
            (Some(_), Some(bytes)) => Some(Replaced::Known { bytes }),
            _ => self.backend.get(&key).await?.map(Replaced::Read),
        };
        let (mut out, mut naming, mut also) = (Vec::with_capacity(versions.len()), Vec::new(), Vec::new());
        for version in versions {
            let NewVersion { prepared, now, reason, origin, .. } = *version;
            let Prepared { text, summary, needed } = prepared;
            // The version replaced, when it was named: the new one is made on it.
            let replaced_id = named
                .as_ref()
                .filter(|n| !head_is_new && n.revision == head.revision)
                .map(|n| n.id)
                .or_else(|| origin.and_then(|o| o.made.names_replaced.as_ref()).map(|n| n.id));
            // The number the replaced version is kept under.
            let mut made = None;
            match replaced.take() {
                // Never overwrite what the user has not seen: keep it as garbage first.
                Some(Replaced::Read(old)) if !looks_like_envelope(&old) => {
                    self.quarantine(&key, &old).await?;
                }
                Some(old) if self.keeps_history() => {
                    let seq = head.next_seq;
                    head.next_seq += 1;
                    made = Some(seq);
                    let (bytes, write) = match old {
                        Replaced::Known { bytes } => {
                            (bytes, Write::Copy { from: key.clone(), to: keys::version(id, seq) })
                        }
                        Replaced::Read(old) => (old.len(), Write::put(keys::version(id, seq), old)),
                        Replaced::Written(old) => (old.len(), Write::put(keys::version(id, seq), old)),
                    };
                    head.versions.push(kept_version(&head, seq, bytes, replaced_id, &entries, id));
                    batch.push(write);
                }
                _ => {}
            }
            head.bytes = Some(text.len());
            let dropped = thin(&head.versions, now, needed);
            head.versions.retain(|v| !dropped.contains(&v.seq));
            let kept = made.filter(|&seq| head.versions.iter().any(|v| v.seq == seq));
            batch.extend(dropped.iter().map(|&seq| Write::remove(keys::version(id, seq))));
            if head_is_new {
                // A head starting anew (a new strategy, or one stored again after a deletion)
                // counts from a number of its own: a tab that opened the deleted one never takes
                // this one for the revision it opened, and so never saves over it unasked.
                head.revision = fresh_revision(text, now);
            }
            head.revision += 1;
            head.saved_at = now.to_owned();
            head.reason = reason;
            head.merged_from = origin.and_then(|o| o.merged_from.clone());
            let (writes, named_now) = name_new_version(id, &mut head, head_is_new, replaced_id, origin)?;
            naming = writes;
            named = named_now.or(named);
            entries.retain(|e| &e.id != id);
            entries.push(summary.clone());
            also.extend(version.also.iter().cloned());
            replaced = Some(Replaced::Written(text));
            head_is_new = false;
            out.push(NewRevision { revision: head.revision, kept });
        }
        // Written after the strategy: a write refused for room then names the strategy's size.
        batch.push(Write::put(key, last.prepared.text.as_str()));
        batch.push(Write::put(keys::head(id), to_json(&head)?));
        batch.push(Write::put(keys::INDEX, to_json(&entries)?));
        batch.extend(naming);
        batch.extend(also);
        self.backend.apply(batch).await?;
        Ok(out)
    }
}

/// The history's entry for the version a new one replaces, kept as `seq`: the head's current
/// version, with its title from the index.
fn kept_version(
    head: &Head,
    seq: u64,
    bytes: usize,
    id: Option<crate::model::VersionId>,
    entries: &[super::StrategySummary],
    strategy: &Id,
) -> StoredVersion {
    let summary = entries.iter().find(|e| &e.id == strategy);
    StoredVersion {
        seq,
        saved_at: if head.saved_at.is_empty() {
            summary.map(|e| e.updated_at.clone()).unwrap_or_default()
        } else {
            head.saved_at.clone()
        },
        reason: head.reason,
        title: summary.map(|e| e.title.clone()).unwrap_or_default(),
        bytes,
        id,
        fingerprint: head.fingerprint,
        merged_from: head.merged_from.clone(),
        label: None,
    }
}

/// A new version's parents in `head` (made by `write_versions`, at `head.revision`), what its
/// batch writes to name it, and the name it then has: `origin`'s parents when it is named at once (its id recorded,
/// the graph `origin` carries written; a head written before ids then leaves its list of
/// fingerprints, which the graph holds), else the version it replaces when that one was named
/// (`replaced_id`), else that one's own parents (nobody else has seen it). No graph code here:
/// an everyday save does not carry it (`lineage` makes the graph's text).
fn name_new_version(
    id: &Id,
    head: &mut Head,
    head_is_new: bool,
    replaced_id: Option<crate::model::VersionId>,
    origin: Option<&Origin>,
) -> Result<(Vec<Write>, Option<Named>), StorageError> {
    head.fingerprint = None;
    let Some(o) = origin else {
        head.parents = crate::history::made_on(head_is_new, replaced_id, || head.tips());
        return Ok((Vec::new(), None));
    };
    head.lineage.clear();
    head.parents.clone_from(&o.made.parents);
    let named = Named { revision: head.revision, id: o.made.id };
    let writes = vec![Write::put(keys::named(id), to_json(&named)?), Write::put(keys::graph(id), o.graph_text.clone())];
    Ok((writes, Some(named)))
}

/// Where the revisions of a head starting anew count from: a number from the text and the time
/// (below 2^40, exact in JavaScript too), so that two lives of one strategy id do not share
/// revisions.
fn fresh_revision(text: &str, now: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (text, now).hash(&mut h);
    h.finish() & ((1 << 40) - 1)
}
