//! The version history (版の履歴) of each strategy: every save keeps the version it replaces,
//! thinned as it ages, and a per-strategy head that numbers the versions — the revision a tab
//! checks before it saves, so that two tabs never silently overwrite each other.
//!
//! Keys: `shirube/v1/head/<id>` (JSON [`Head`]: the current revision and the kept versions'
//! metadata) and `shirube/v1/version/<id>/<revision>` (the envelope as it was). A save writes
//! the new envelope, the version it replaces, the head and the index in one batch (one
//! IndexedDB transaction), on the condition that the head is still what was read: a change
//! made meanwhile by another tab fails the batch ([`StorageError::Conflict`]), nothing written.
//!
//! Thinning ([`thin`]): every version of the last hour, then the newest of each day for 30
//! days, then the newest of each month; versions the user or a merge may need as a starting
//! point (imported, exported, merged, restored, kept from another tab), and those the strategy
//! names (the versions its hearings heard), are never thinned. In
//! `localStorage` (about 5 million characters per site) no history is kept: one town's strategy with a few
//! versions would fill it.
//!
//! The thinning rule is in `thinning`; `draft` stores the change a page could not save when it
//! went away.

mod draft;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod thinning;

pub use draft::DraftOutcome;
pub use thinning::{thin, Needed};

use super::decode::decode_as;
use super::{keys, Backend, BackendKind, StorageError, Store};
use crate::history::{legacy_chain, Made, Node};
use crate::model::{DraftingStage, Id, Strategy, VersionId};
use serde::{Deserialize, Serialize};

/// Why a version came to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionReason {
    /// Saved while editing (autosave, a rename, a CSV applied …).
    #[default]
    Saved,
    /// Came in from a file (import, replace, restore of a backup file).
    Imported,
    /// An older version or a backup brought back.
    Restored,
    /// This tab's unsaved edits, kept when the user took another tab's version instead.
    KeptFromTab,
    /// Written to a file (another machine may merge from it).
    Exported,
    /// Two machines' work merged.
    Merged,
    /// Written to the shared folder as this member's own file, by itself. Thinned as
    /// a save is: it is written every few minutes, and the file carries what a merge with it
    /// needs (`session::folder`).
    Synced,
    /// Another member's changes taken from the shared folder without a conflict
    /// ([`StoredVersion::merged_from`] names the person). Thinned as a save is: five people
    /// polling would otherwise pin a version for every change each of them makes.
    FolderMerged,
    /// The draft as it stood when the strategy moved on from this stage (素案 → 案 …), kept under
    /// its name ([`StoredVersion::label`]: 「素案（令和8年11月）」). Written `{"stage": "draft"}`;
    /// older heads, which have only the plain reasons, read as before.
    Stage(DraftingStage),
}

impl VersionReason {
    /// Never thinned: a later merge or the user may need it as a starting point. What the folder
    /// sync does by itself is thinned as saves are (see [`VersionReason::Synced`]).
    pub fn is_pinned(self) -> bool {
        !matches!(self, VersionReason::Saved | VersionReason::Synced | VersionReason::FolderMerged)
    }
}

/// One kept version, as the history lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredVersion {
    /// Its number among the strategy's kept versions (its key), never reused.
    pub seq: u64,
    pub saved_at: String,
    #[serde(default)]
    pub reason: VersionReason,
    pub title: String,
    /// The stored text's length (UTF-8 bytes): what the history costs.
    pub bytes: usize,
    /// Its id (`history`), when it was named: shared with another machine, taken from
    /// one, or a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<VersionId>,
    /// Kept by a release before version ids: its fingerprint, when it was shared (its id then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<VersionId>,
    /// For a [`VersionReason::FolderMerged`] version: the name of the member whose changes it
    /// took (田中), for its line in the history; for a [`VersionReason::Merged`] one, the
    /// member whose conflicting file the user decided on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_from: Option<String>,
    /// Its name, for a version kept under one (a [`VersionReason::Stage`] version:
    /// 「素案（令和8年11月）」): the history lists it by this name, and the 新旧対照表 offers it first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl StoredVersion {
    /// Whether it was kept under a name.
    pub fn is_named(&self) -> bool {
        self.label.as_deref().is_some_and(|l| !l.trim().is_empty())
    }
}

/// The kept versions in the order a picker offers them: those kept under a name first (newest
/// first, as given), then the others as given.
pub fn named_first(versions: &[StoredVersion]) -> Vec<&StoredVersion> {
    let (named, rest): (Vec<&StoredVersion>, Vec<&StoredVersion>) = versions.iter().partition(|v| v.is_named());
    named.into_iter().chain(rest).collect()
}

/// What a strategy's head records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// The current version's revision (0: saved by a release without history).
    pub revision: u64,
    #[serde(default)]
    pub saved_at: String,
    #[serde(default)]
    pub reason: VersionReason,
    /// The `seq` the next kept version gets.
    #[serde(default)]
    pub next_seq: u64,
    /// Kept earlier versions, oldest first.
    #[serde(default)]
    pub versions: Vec<StoredVersion>,
    /// The size of the current version's text (`None`: written before this was recorded), so
    /// that keeping it as a version need not read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// The ids of the versions the current one is made on (`history`): one for a save,
    /// two for a merge. A save over a version nobody else has seen keeps that one's parents:
    /// only named versions (shared, taken, merged) are in the graph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<VersionId>,
    /// Written by a release before version ids: the current version's fingerprint, when it was
    /// shared as it is. Read, never written again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<VersionId>,
    /// Written by a release before version ids: the fingerprints of the shared versions the
    /// current one descends from, newest first. Read as a line of versions (their ids), and
    /// moved into the graph at the next save.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineage: Vec<VersionId>,
    /// The current version's [`StoredVersion::merged_from`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_from: Option<String>,
}

/// Where a version named at once comes from: a file's version taken as it is, or a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// The version (`history::Made`): its id and parents, the graph it brings (a file's), and
    /// the version it replaces when that one is named now (a merge is made on it).
    pub made: Made,
    /// The member whose changes it took, for a folder merge ([`StoredVersion::merged_from`]).
    pub merged_from: Option<String>,
    /// The strategy's graph with this version in it, as the graph record's text: made by the
    /// caller (`lineage::Ancestry`), so that the graph's code stays out of an everyday save.
    pub graph_text: String,
}

/// Which version of a strategy was last named, at which revision (`keys::named`): the current
/// one when `revision` is the head's. Apart from the head, so that naming the current version
/// (writing it to a file) never changes what a tab's save checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub revision: u64,
    pub id: VersionId,
}

impl Head {
    /// The versions the current one is made on; for a head written before ids, the newest
    /// shared version it descends from.
    pub fn tips(&self) -> Vec<VersionId> {
        crate::history::tips_of(&self.parents, &self.lineage)
    }

    /// The graph a head written before ids carries in its list: a line of fingerprints.
    pub fn legacy_graph(&self) -> Vec<Node> {
        legacy_chain(&self.lineage)
    }

    /// What the history's versions hold, in bytes.
    pub fn history_bytes(&self) -> usize {
        self.versions.iter().map(|v| v.bytes).sum()
    }
}

impl<B: Backend> Store<B> {
    /// Whether versions are kept (not in `localStorage`, see the module doc).
    pub fn keeps_history(&self) -> bool {
        self.backend.kind() != BackendKind::LocalStorage
    }

    /// The head of a stored strategy (the default for one saved before history existed).
    pub async fn head(&self, id: &Id) -> Result<Head, StorageError> {
        Ok(self.read_head(id).await?.0)
    }

    /// The head and its stored text (for the batch's condition).
    pub(super) async fn read_head(&self, id: &Id) -> Result<(Head, Option<String>), StorageError> {
        let text = self.backend.get(&keys::head(id)).await?;
        let head = text.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        Ok((head, text))
    }

    /// Deletes every kept version of every strategy (the current versions stay), to make room
    /// when storage is full; returns how many were deleted. One batch a strategy, on the
    /// condition that its head is still what was read (another tab saving meanwhile keeps that
    /// strategy's versions: a later call deletes them).
    pub async fn discard_versions(&self) -> Result<usize, StorageError> {
        let all = self.backend.keys().await?;
        let mut deleted = 0;
        for id in all.iter().filter_map(|k| keys::strategy_id(k)) {
            let (mut head, text) = self.read_head(&id).await?;
            let Some(text) = text else { continue };
            let prefix = keys::history_of(&id)[1].clone();
            let versions: Vec<&String> = all.iter().filter(|k| k.starts_with(&prefix)).collect();
            if versions.is_empty() && head.versions.is_empty() {
                continue;
            }
            head.versions.clear();
            let mut batch = vec![super::Write::Expect { key: keys::head(&id), value: Some(text) }];
            batch.extend(versions.iter().map(|k| super::Write::remove(k.as_str())));
            batch.push(super::Write::put(keys::head(&id), super::json_out::to_json(&head)?));
            match self.backend.apply(batch).await {
                Ok(()) => deleted += versions.len(),
                Err(StorageError::Conflict { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(deleted)
    }

    /// The kept versions of a strategy, newest first (the current one is not among them).
    pub async fn versions(&self, id: &Id) -> Result<Vec<StoredVersion>, StorageError> {
        let mut versions = self.head(id).await?.versions;
        versions.reverse();
        Ok(versions)
    }

    /// A kept version of a strategy.
    pub async fn version(&self, id: &Id, seq: u64) -> Result<Strategy, StorageError> {
        let key = keys::version(id, seq);
        let text = self.backend.get(&key).await?.ok_or_else(|| StorageError::not_found_key(&key))?;
        decode_as(&text, id).map(|(s, _)| s).ok_or_else(|| StorageError::not_found_key(&key))
    }

    /// Brings a kept version back: it becomes the current version (a new revision, on top of
    /// the head: it reaches everyone who shares the strategy, as any change does), and the one
    /// it replaces is kept in the history, so that a restore can itself be undone.
    pub async fn restore_version(&self, id: &Id, seq: u64, now: &str) -> Result<Strategy, StorageError> {
        let strategy = self.version(id, seq).await?;
        self.save_as(&strategy, now, VersionReason::Restored).await?;
        Ok(strategy)
    }

    /// Keeps `strategy` (this tab's unsaved edits) as a version in the history without making
    /// it the current one: for when the user takes another tab's version instead.
    pub async fn keep_as_version(&self, strategy: &Strategy, now: &str) -> Result<(), StorageError> {
        self.keep_version(strategy, now, VersionReason::KeptFromTab, None).await
    }

    /// Keeps `strategy` as the draft of its stage, under `label` (「素案（令和8年11月）」), pinned,
    /// without making it the current one: the strategy is moving on to the next stage.
    /// Where no history is kept (`localStorage`) nothing is written.
    pub async fn keep_stage_version(&self, strategy: &Strategy, now: &str, label: &str) -> Result<(), StorageError> {
        let reason = VersionReason::Stage(strategy.stage);
        self.keep_version(strategy, now, reason, Some(label.trim().to_owned())).await
    }

    async fn keep_version(
        &self,
        strategy: &Strategy,
        now: &str,
        reason: VersionReason,
        label: Option<String>,
    ) -> Result<(), StorageError> {
        let (mut head, head_text) = self.read_head(&strategy.id).await?;
        if !self.keeps_history() {
            return Ok(());
        }
        let text = crate::format::export_compact(strategy, now);
        let seq = head.next_seq;
        head.next_seq += 1;
        head.versions.push(StoredVersion {
            seq,
            saved_at: now.to_owned(),
            reason,
            title: strategy.title.clone(),
            bytes: text.len(),
            id: None,
            fingerprint: None,
            merged_from: None,
            label,
        });
        let batch = vec![
            super::Write::Expect { key: keys::head(&strategy.id), value: head_text },
            super::Write::put(keys::version(&strategy.id, seq), text),
            super::Write::put(keys::head(&strategy.id), super::json_out::to_json(&head)?),
        ];
        self.backend.apply(batch).await
    }
}
