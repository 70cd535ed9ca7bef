//! What a file the user picked or dropped would do, before anything is stored: what kind of file
//! it is, decided once ([`take`]: a strategy or backup to preview, or a region file to open as a
//! region), the import preview's content ([`Preview`], made by [`preview`] against what this
//! browser holds) and the dialog's flow ([`ImportFlow`]: reading → preview → confirm or cancel).
//!
//! The stale-preview rule: a file is read asynchronously (a large one takes a moment, and the
//! reading code is fetched on first use); if the user cancelled meanwhile, or picked another
//! file, the late result is dropped — it never replaces what the dialog shows now. Each read
//! carries a [`Ticket`]; only the current ticket's result is taken.

use super::at_hand::base_for_file;
use super::flow::{Flow, Pending};
use crate::format::{self, Changes, Everything, ImportError, Imported, Opened};
use crate::history::{MergeBase, MergeRun};
use crate::model::merge::{merge_unrelated, merge_with, Merge, Side};
use crate::model::round::{any_confirmed, confirmed_changes, ConfirmedChange, OnConfirmed};
use crate::model::Strategy;
use crate::storage::{Backend, StorageError, Store};
use std::sync::Arc;

/// A file read and checked, with how it stands against what is stored here (one at a time: the
/// size of the variants does not matter).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // reason: one preview at a time (see above)
pub enum Preview {
    /// One strategy; `existing` when one with the same id is stored and reads. `stored`: some
    /// strategy with the file's id is stored here, readable or not (then an add is a copy with
    /// fresh ids) — asked of the store when the preview is made, the one place of that rule.
    Strategy { file: String, bytes: usize, imported: Imported, existing: Option<Existing>, stored: bool },
    /// A backup of everything; `entries` says, for each of its strategies in order, how it
    /// stands against this browser.
    Everything { file: String, bytes: usize, all: Everything, entries: Vec<EntryStatus> },
}

/// The stored strategy with the same id as the file's.
#[derive(Clone, Debug, PartialEq)]
pub struct Existing {
    pub title: String,
    pub municipality: String,
    /// What replacing it with the file's version changes.
    pub changes: Changes,
    /// Whether the two can be merged, and what merging would do.
    pub merge: MergeOffer,
    /// What merging would change of values the planning section confirmed (every conflict
    /// taken from the file: the most the file can change): shown before anything is stored.
    pub confirmed: Vec<ConfirmedChange>,
}

impl Existing {
    /// The choice selected when the preview opens: 統合する when the file shares a
    /// version with this browser, else 新しい戦略として取り込む. Only the button changes
    /// anything.
    pub fn proposed(&self) -> ImportChoice {
        match self.merge {
            MergeOffer::Ready { from: MergeFrom::History | MergeFrom::File, .. } => ImportChoice::Merge,
            // With no version in common, every difference would be a card: a copy is proposed,
            // the merge is offered.
            _ => ImportChoice::New,
        }
    }
}

/// Whether 統合する can be offered for a file, and what it would do.
#[derive(Clone, Debug)]
pub enum MergeOffer {
    /// The merge, from the version both sides started from (`from`: where it was found).
    Ready { merge: Arc<Merge>, from: MergeFrom },
    /// The file carries a starting version that is not what it says it is.
    Mismatch,
    /// Reading this browser's history failed.
    Failed(StorageError),
}

/// Where a merge's common version was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeFrom {
    /// In this browser's history.
    History,
    /// In the file (this browser's history did not hold it).
    File,
    /// Nowhere (neither this browser's history nor the file holds a version both descend
    /// from): every difference is a conflict ([`crate::model::merge::merge_unrelated`]).
    Nowhere,
}

impl PartialEq for MergeOffer {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (MergeOffer::Ready { merge: a, from: x }, MergeOffer::Ready { merge: b, from: y }) => {
                Arc::ptr_eq(a, b) && x == y
            }
            (MergeOffer::Mismatch, MergeOffer::Mismatch) => true,
            (MergeOffer::Failed(a), MergeOffer::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// How one strategy of a backup file stands against this browser.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryStatus {
    /// Not stored here: it will be added.
    New,
    /// Stored here, identical.
    Same,
    /// Stored here with different content (`title` is the stored one's).
    Differs { title: String, changes: Changes },
}

/// What the user chose to do with a file whose strategy is stored here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// 新しい戦略として取り込む: a copy with new ids.
    New,
    /// 置き換える: the stored one is backed up and replaced.
    Replace,
    /// 統合する: both sides' changes, with the user's choice for each conflict.
    Merge,
}

/// A file picked or dropped on the strategy list, read: what the import does with it.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // reason: one file at a time, as `Preview`
pub enum Picked {
    /// A strategy or a backup: previewed, stored when the user confirms.
    Preview(Preview),
    /// A region file: opened as a region (`session::region::open_region_file`), its
    /// towns brought in one at a time — not previewed as a strategy.
    RegionFile,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
impl Picked {
    /// The preview, when it is one.
    pub fn into_preview(self) -> Option<Preview> {
        match self {
            Picked::Preview(p) => Some(p),
            Picked::RegionFile => None,
        }
    }
}

/// Reads a file picked or dropped for import (`format::open`, timed as "shirube:import") and
/// decides what it is: the one place where a region file is told from a strategy or a backup.
/// A file that does not read is refused with what is wrong and where.
pub async fn take<B: Backend>(
    store: &Store<B>,
    file: &str,
    bytes: &[u8],
    clock: &impl super::stopwatch::Stopwatch,
) -> Result<Picked, ImportError> {
    let opened = open_timed(bytes, clock)?;
    Ok(preview(store, file, bytes.len(), opened, clock).await)
}

/// `format::open`, timed as "shirube:import" (the benchmark's import figures).
pub(super) fn open_timed(bytes: &[u8], clock: &impl super::stopwatch::Stopwatch) -> Result<Opened, ImportError> {
    clock.timed("shirube:import", || format::open(bytes))
}

/// What importing a file (read by `format::open`) would do, against what is stored: for a
/// strategy, what replacing the stored one with the same id changes and what merging them
/// would do (from the newest version both descend from); for a backup, each strategy's state.
/// The merge is timed as "shirube:merge" (the benchmark's "merge alone").
pub async fn preview<B: Backend>(
    store: &Store<B>,
    file: &str,
    bytes: usize,
    opened: Opened,
    clock: &impl super::stopwatch::Stopwatch,
) -> Picked {
    Picked::Preview(match opened {
        Opened::Region => return Picked::RegionFile,
        Opened::Strategy(imported) => {
            // The stored strategy is read once, with its history (the largest read).
            let stored = match clock.timed_wait("shirube:preview-stored", store.ancestry(&imported.strategy.id)).await {
                Ok(ancestry) => {
                    let base = clock.timed_wait("shirube:preview-base", base_for_file(store, &ancestry, &imported));
                    let base = base.await;
                    Some((ancestry.current, Ok(base)))
                }
                Err(e) => store.load(&imported.strategy.id).await.ok().map(|stored| (stored, Err(e))),
            };
            // Where each value was last set, on both sides: a base other than the one nearest
            // version is made exact by them.
            let marks = match &stored {
                Some((current, Ok(Ok(Some(MergeBase { exact: false, .. }))))) => {
                    clock.timed_wait("shirube:preview-marks", store.both_marks(current, &imported)).await
                }
                _ => None,
            };
            let existing = stored.map(|(stored, base)| {
                let merge = match base {
                    Ok(Ok(Some(base))) => {
                        let in_file = base.in_file;
                        let marks = MergeRun::marks(&base, marks.as_ref());
                        let merge = clock
                            .timed("shirube:merge", || merge_with(&base.strategy, marks, &stored, &imported.strategy));
                        let from = if in_file { MergeFrom::File } else { MergeFrom::History };
                        MergeOffer::Ready { merge: Arc::new(merge), from }
                    }
                    Ok(Ok(None)) => {
                        let merge = clock.timed("shirube:merge", || merge_unrelated(&stored, &imported.strategy));
                        MergeOffer::Ready { merge: Arc::new(merge), from: MergeFrom::Nowhere }
                    }
                    Ok(Err(_)) => MergeOffer::Mismatch,
                    Err(e) => MergeOffer::Failed(e),
                };
                Existing {
                    title: stored.title.clone(),
                    municipality: stored.municipality.name.clone(),
                    changes: clock
                        .timed("shirube:preview-compare", || format::count_changes(&stored, &imported.strategy)),
                    confirmed: clock
                        .timed("shirube:preview-confirmed", || confirmed_in_merge(&stored, &merge, &imported)),
                    merge,
                }
            });
            // Stored but unreadable (a read error, text that does not read: set aside by `load`
            // if so), or readable: when the store cannot say, as stored (a copy loses nothing).
            let stored = existing.is_some() || store.has(&imported.strategy.id).await.unwrap_or(true);
            Preview::Strategy { file: file.to_owned(), bytes, imported, existing, stored }
        }
        Opened::Everything(all) => {
            let mut entries = Vec::with_capacity(all.strategies.len());
            for i in &all.strategies {
                entries.push(match store.load(&i.strategy.id).await {
                    Ok(stored) if stored == i.strategy => EntryStatus::Same,
                    Ok(stored) => EntryStatus::Differs {
                        changes: format::count_changes(&stored, &i.strategy),
                        title: stored.title,
                    },
                    Err(_) => EntryStatus::New,
                });
            }
            Preview::Everything { file: file.to_owned(), bytes, all, entries }
        }
    })
}

/// What merging `file` would change of values `stored` has confirmed, each conflict taken from
/// the file; named by the file's author.
fn confirmed_in_merge(stored: &Strategy, offer: &MergeOffer, file: &Imported) -> Vec<ConfirmedChange> {
    let MergeOffer::Ready { merge, .. } = offer else { return Vec::new() };
    // Nothing confirmed here: nothing to look for (the merged strategy is not built).
    if !any_confirmed(stored) {
        return Vec::new();
    }
    let Ok(merged) = merge.resolve(&vec![Side::Theirs; merge.conflicts.len()]) else { return Vec::new() };
    confirmed_changes(stored, &merged, &author_of(file))
}

/// Who wrote a file, as its envelope says (empty when it says nobody).
pub fn author_of(file: &Imported) -> String {
    file.author.as_ref().map(|a| a.name.trim().to_owned()).unwrap_or_default()
}

/// The import dialog's flow for strategy and backup files (`flow`).
pub type ImportFlow = Flow<Preview>;

/// Whether a strategy with a file's id is stored here (readable or not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SameId {
    /// Stored: a replace replaces it, an add is a copy with fresh ids.
    Stored,
    /// Not stored: the file's strategy is added under its own id.
    Free,
}

impl SameId {
    /// As the preview found it (`stored`: some strategy with the file's id is stored here).
    pub fn of(stored: bool) -> SameId {
        if stored {
            SameId::Stored
        } else {
            SameId::Free
        }
    }
}

/// A confirmed strategy import, ready for [`super::import::confirm_previewed`].
#[derive(Debug)]
pub struct Confirmation {
    pub file: Imported,
    /// The preview's merge, when the user chose to merge.
    pub merge: Option<(Arc<Merge>, Vec<Side>)>,
    /// Replace the stored version (there is a readable one).
    pub replace: bool,
    /// Some strategy with the file's id is stored here (then an add is a copy with fresh ids).
    pub same_id: SameId,
    /// What a merge does with changes to confirmed values.
    pub on_confirmed: OnConfirmed,
}

impl Flow<Preview> {
    /// The user confirmed the strategy in the preview with `choice` (and one side per conflict
    /// when merging). `None` (nothing taken, the dialog stays) when no strategy preview is
    /// shown, or a merge was chosen that is not offered.
    pub fn confirm(&mut self, choice: ImportChoice, sides: Vec<Side>) -> Option<Confirmation> {
        self.confirm_with(choice, sides, OnConfirmed::Keep)
    }

    /// [`Flow::confirm`], saying what a merge does with changes to confirmed values.
    pub fn confirm_with(&mut self, choice: ImportChoice, sides: Vec<Side>, on: OnConfirmed) -> Option<Confirmation> {
        let Some(Pending::Ready(Preview::Strategy { imported, existing, stored, .. })) = &self.pending else {
            return None;
        };
        let merge = match choice {
            ImportChoice::Merge => match existing.as_ref().map(|e| &e.merge) {
                Some(MergeOffer::Ready { merge, .. }) => Some((merge.clone(), sides)),
                _ => return None,
            },
            _ => None,
        };
        // Replace needs a readable stored version (else it is added as a copy, as it is when
        // only listed).
        let confirmation = Confirmation {
            replace: choice == ImportChoice::Replace && existing.is_some(),
            same_id: SameId::of(*stored),
            file: imported.clone(),
            merge,
            on_confirmed: on,
        };
        self.pending = None;
        Some(confirmation)
    }

    /// The user confirmed restoring the backup file in the preview: its content, and the
    /// dialog closes. `None` when no backup preview is shown.
    pub fn confirm_restore(&mut self) -> Option<Everything> {
        match self.pending.take() {
            Some(Pending::Ready(Preview::Everything { all, .. })) => Some(all),
            other => {
                self.pending = other;
                None
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "preview_tests.rs"]
mod tests;
