//! What the shared folder's sync (issue 46, `session::folder`) asks of the store, beside the
//! lineage it shares with files (`lineage`): which versions this strategy descends from, the
//! version to merge a member's file from, a member's changes stored without a conflict as a
//! [`VersionReason::FolderMerged`] version (undone through the history, not a backup: five
//! people polling would fill storage with backups), and that undo.

use super::versions::{Origin, VersionReason};
use super::{Backend, StorageError, Store};
use crate::format::{fingerprint, prepend, Fingerprinted, Imported};
use crate::model::{Id, Strategy};

/// A stored strategy as the folder sync reads it: the current version, its revision (a merge
/// is stored over it, never over a save made meanwhile) and the versions it descends from.
#[derive(Clone, Debug)]
pub struct Ancestry {
    pub current: Strategy,
    pub revision: u64,
    /// The current version's fingerprint, then the shared versions it descends from (newest
    /// first).
    pub holds: Vec<String>,
    /// The fingerprints of the versions the history keeps (not all of them ancestors: a version
    /// brought back leaves newer ones behind).
    kept: Vec<String>,
}

impl Ancestry {
    /// Whether the current version is, or descends from, the version `fp` names: a file holding
    /// that version has nothing this strategy lacks.
    pub fn holds(&self, fp: &str) -> bool {
        self.holds.iter().any(|h| h == fp)
    }
}

impl<B: Backend> Store<B> {
    /// Stored strategy `id` with what it descends from.
    pub async fn ancestry(&self, id: &Id) -> Result<Ancestry, StorageError> {
        let head = self.head(id).await?;
        let current = self.load(id).await?;
        let holds = prepend(Some(&fingerprint(&current)), &head.lineage);
        let kept = head.versions.iter().rev().filter_map(|v| v.fingerprint.clone()).collect();
        Ok(Ancestry { current, revision: head.revision, holds, kept })
    }

    /// The version to merge a member's `file` from: the newest (in the file's own order: its
    /// strategy, then its lineage) of the versions it descends from that this strategy descends
    /// from too and that is at hand whole — kept in the history, among `known` (the folder's
    /// other files as read, this member's own last file among them), or carried by the file
    /// (`carried`: its base, checked against the fingerprint its lineage gives first).
    /// A carried version is taken only when this strategy descends from it: a file may carry a
    /// version this browser never had, and merging from it would take back what this browser
    /// changed since. `theirs`: the file's strategy's fingerprint. `None`: none is at hand.
    pub async fn folder_base(
        &self,
        ancestry: &Ancestry,
        file: &Imported,
        theirs: &str,
        carried: Option<&Strategy>,
        known: &[&Fingerprinted],
    ) -> Result<Option<Strategy>, StorageError> {
        let id = &ancestry.current.id;
        let listed = file.lineage.as_ref().map(|l| l.versions.as_slice()).unwrap_or_default();
        let carried = carried.zip(listed.first()).map(|(s, fp)| (fp.as_str(), s));
        let mut at_hand: Vec<(&str, &Strategy)> = known
            .iter()
            .map(|k| (k.fingerprint.as_str(), &k.strategy))
            .chain(carried)
            .filter(|(_, s)| &s.id == id)
            .collect();
        at_hand.push((ancestry.holds[0].as_str(), &ancestry.current));
        let head = self.head(id).await?;
        for fp in std::iter::once(theirs).chain(listed.iter().map(String::as_str)) {
            if let Some((_, s)) = at_hand.iter().find(|(f, _)| *f == fp) {
                if ancestry.holds(fp) {
                    return Ok(Some((*s).clone()));
                }
            }
            // A version of this strategy's own history: an ancestor unless a version was
            // brought back since (then it is not among what the current one holds).
            if ancestry.kept.iter().any(|k| k == fp) && ancestry.holds(fp) {
                if let Some(v) = head.versions.iter().rev().find(|v| v.fingerprint.as_deref() == Some(fp)) {
                    if let Ok(base) = self.version(id, v.seq).await {
                        return Ok(Some(base));
                    }
                }
            }
        }
        Ok(None)
    }

    /// Stores a member's changes merged without a conflict (`merged`, from `file`, whose
    /// strategy's fingerprint is `theirs`) as the new
    /// current version over `revision` (`Err(Conflict)`: saved meanwhile, nothing written — the
    /// next reading merges again). It descends from both sides' shared versions; its history
    /// line names `by`. Returns the number of the version it replaced in the history, which
    /// [`Store::undo_folder_merge`] brings back (`None` where no history is kept).
    pub async fn save_folder_merge(
        &self,
        merged: &Strategy,
        file: &Imported,
        theirs: &str,
        by: &str,
        revision: u64,
        now: &str,
    ) -> Result<Option<u64>, StorageError> {
        let head = self.head(&merged.id).await?;
        let theirs = Origin::of_fingerprint(theirs.to_owned(), file.lineage.as_ref());
        let origin = Origin {
            fingerprint: None,
            lineage: prepend(None, &[theirs.lineage, head.lineage].concat()),
            merged_from: Some(by.to_owned()),
        };
        let replaced = head.next_seq;
        self.save_from_over(merged, now, VersionReason::FolderMerged, &origin, revision).await?;
        let kept = self.head(&merged.id).await?.versions.iter().any(|v| v.seq == replaced);
        Ok(kept.then_some(replaced))
    }

    /// Undoes a folder merge: the version it replaced (`seq`) becomes the current one again, as
    /// a change made here — it keeps what the current version descends from, so the member's
    /// file is not merged in again at the next reading (the others do not receive it when they
    /// hold the content it brings back: see `session::folder::undo`).
    pub async fn undo_folder_merge(&self, id: &Id, seq: u64, now: &str) -> Result<Strategy, StorageError> {
        let before = self.version(id, seq).await?;
        self.save_as(&before, now, VersionReason::Restored).await?;
        Ok(before)
    }
}
