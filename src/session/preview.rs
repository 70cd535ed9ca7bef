//! What a file the user picked or dropped would do, before anything is stored: what kind of file
//! it is, decided once ([`take`]: a strategy or backup to preview, or a region file to open as a
//! region), the import preview's content ([`Preview`], made by [`preview`] against what this
//! browser holds) and the dialog's flow ([`ImportFlow`]: reading → preview → confirm or cancel).
//!
//! The stale-preview rule: a file is read asynchronously (a large one takes a moment, and the
//! reading code is fetched on first use); if the user cancelled meanwhile, or picked another
//! file, the late result is dropped — it never replaces what the dialog shows now. Each read
//! carries a [`Ticket`]; only the current ticket's result is taken.

use super::flow::{Flow, Pending};
use crate::format::{self, Changes, Everything, ImportError, Imported, Opened};
use crate::model::merge::provenance::exact_base;
use crate::model::merge::{merge, Merge, Side};
use crate::model::round::{confirmed_changes, ConfirmedChange, OnConfirmed};
use crate::model::Strategy;
use crate::storage::{Ancestor, Backend, StorageError, Store};
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
            MergeOffer::Ready { .. } => ImportChoice::Merge,
            _ => ImportChoice::New,
        }
    }
}

/// Whether 統合する can be offered for a file, and what it would do.
#[derive(Clone, Debug)]
pub enum MergeOffer {
    /// The merge from the version both sides started from (`in_file`: the file carried it).
    Ready { merge: Arc<Merge>, in_file: bool },
    /// Neither this browser's history nor the file has a version both descend from.
    NoCommonVersion,
    /// The file carries a starting version that is not what it says it is.
    Mismatch,
    /// Reading this browser's history failed.
    Failed(StorageError),
}

impl PartialEq for MergeOffer {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (MergeOffer::Ready { merge: a, in_file: x }, MergeOffer::Ready { merge: b, in_file: y }) => {
                Arc::ptr_eq(a, b) && x == y
            }
            (MergeOffer::NoCommonVersion, MergeOffer::NoCommonVersion) => true,
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
pub enum Taken {
    /// A strategy or a backup: previewed, stored when the user confirms.
    Preview(Preview),
    /// A region file: opened as a region (`session::region::open_region_file`), its
    /// towns brought in one at a time — not previewed as a strategy.
    RegionFile,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
impl Taken {
    /// The preview, when it is one.
    pub fn into_preview(self) -> Option<Preview> {
        match self {
            Taken::Preview(p) => Some(p),
            Taken::RegionFile => None,
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
) -> Result<Taken, ImportError> {
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
) -> Taken {
    Taken::Preview(match opened {
        Opened::Region => return Taken::RegionFile,
        Opened::Strategy(imported) => {
            // The stored strategy is read once, with its history (the largest read).
            let stored = match store.ancestry(&imported.strategy.id).await {
                Ok(ancestry) => Some((ancestry.current.clone(), Ok(store.common_base_in(ancestry, &imported).await))),
                Err(e) => store.load(&imported.strategy.id).await.ok().map(|stored| (stored, Err(e))),
            };
            // Where each value was last set, on both sides: a base other than the one nearest
            // version is made exact by them.
            let marks = match &stored {
                Some((current, Ok(Ancestor::Found { exact: false, .. }))) => store.both_marks(current, &imported).await,
                _ => None,
            };
            let existing = stored.map(|(stored, base)| {
                let merge = match base {
                    Ok(Ancestor::Found { base, in_file, .. }) => {
                        let exact = |[(fo, o), (ft, t)]: &[_; 2]| Box::new(exact_base(&base, (fo, o), (ft, t)));
                        let base = marks.as_ref().map(exact).unwrap_or(base);
                        let merge = clock.timed("shirube:merge", || merge(&base, &stored, &imported.strategy));
                        MergeOffer::Ready { merge: Arc::new(merge), in_file }
                    }
                    Ok(Ancestor::NotFound) => MergeOffer::NoCommonVersion,
                    Ok(Ancestor::Mismatch(_)) => MergeOffer::Mismatch,
                    Err(e) => MergeOffer::Failed(e),
                };
                Existing {
                    title: stored.title.clone(),
                    municipality: stored.municipality.name.clone(),
                    changes: format::compare(&stored, &imported.strategy),
                    confirmed: confirmed_in_merge(&stored, &merge, &imported),
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
                    Ok(stored) => {
                        EntryStatus::Differs { changes: format::compare(&stored, &i.strategy), title: stored.title }
                    }
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
    let Ok(merged) = merge.resolve(&vec![Side::Theirs; merge.conflicts.len()]) else { return Vec::new() };
    confirmed_changes(stored, &merged, &author_of(file))
}

/// Who wrote a file, as its envelope says (empty when it says nobody).
pub fn author_of(file: &Imported) -> String {
    file.author.as_ref().map(|a| a.name.trim().to_owned()).unwrap_or_default()
}

/// The import dialog's flow for strategy and backup files (`flow`).
pub type ImportFlow = Flow<Preview>;

/// A confirmed strategy import, ready for [`super::import::confirm_previewed`].
#[derive(Debug)]
pub struct Confirmation {
    pub file: Imported,
    /// The preview's merge, when the user chose to merge.
    pub merge: Option<(Arc<Merge>, Vec<Side>)>,
    /// Replace the stored version (there is a readable one).
    pub replace: bool,
    /// Some strategy with the file's id is stored here (then an add is a copy with fresh ids).
    pub exists: bool,
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
            exists: *stored,
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
mod tests {
    use super::*;
    use crate::format::{export, open};
    use crate::model::merge::edits::town;
    use crate::session::stopwatch::Untimed;
    use crate::storage::{MemoryBackend, VersionReason};
    use crate::testing::{memory_store, Wait};

    const NOW: &str = "2025-05-01T09:00:00Z";

    fn opened(s: &crate::model::Strategy) -> Opened {
        open(export(s, NOW).as_bytes()).expect("an exported strategy reads back")
    }

    /// `base` stored here (as imported) and exported; the other laptop that imported the file,
    /// to change and export back.
    fn shared_with_a_laptop(
        base: &crate::model::Strategy,
    ) -> (Store<std::rc::Rc<MemoryBackend>>, Store<std::rc::Rc<MemoryBackend>>) {
        let (_, store) = memory_store(&[]);
        store.save_as(base, NOW, VersionReason::Imported).wait().unwrap();
        let text = store.export_file(&base.id, NOW).wait().unwrap().0;
        let (_, laptop) = memory_store(&[]);
        let Opened::Strategy(shared) = open(text.as_bytes()).unwrap() else { panic!("a strategy file") };
        laptop.save_imported(&shared, NOW).wait().unwrap();
        (store, laptop)
    }

    #[test]
    fn a_file_of_a_newer_format_is_refused_and_nothing_stored_changes() {
        use crate::storage::Backend;
        let s = town();
        let (mem, store) = memory_store(&[&s]);
        let text = store.export_file(&s.id, NOW).wait().unwrap().0;
        let current = format!("\"version\": {}", crate::format::CURRENT_VERSION);
        let newer = text.replacen(&current, &format!("\"version\": {}", crate::format::CURRENT_VERSION + 1), 1);
        assert_ne!(newer, text);
        let stored = || {
            let mut keys = mem.keys().wait().unwrap();
            keys.sort();
            keys.into_iter().map(|k| (k.clone(), mem.get(&k).wait().unwrap())).collect::<Vec<_>>()
        };
        let before = stored();
        let refused = take(&store, "新しい.json", newer.as_bytes(), &Untimed).wait();
        let version = crate::format::CURRENT_VERSION + 1;
        assert_eq!(refused, Err(ImportError::NewerVersion { version }));
        assert_eq!(stored(), before, "nothing stored changed");
    }

    #[test]
    fn a_late_result_after_cancel_or_another_file_is_dropped() {
        let s = town();
        let (_, store) = memory_store(&[]);
        let mut flow = ImportFlow::default();

        let first = flow.start("a.shirube.json");
        flow.cancel();
        let p = preview(&store, "a.shirube.json", 10, opened(&s), &Untimed).wait().into_preview().unwrap();
        assert!(!flow.ready(first, p.clone()), "cancelled: the result is dropped");
        assert_eq!(flow.pending(), None);

        let a = flow.start("a.shirube.json");
        let b = flow.start("a.shirube.json");
        assert!(!flow.wants(a), "a second file (even with the same name) supersedes the first");
        assert!(!flow.failed(a), "the first file's failure is not shown");
        assert!(flow.wants(b));
        assert!(flow.ready(b, p.clone()));
        assert_eq!(flow.pending(), Some(&Pending::Ready(p)));
    }

    #[test]
    fn a_new_strategy_has_nothing_to_compare_and_is_added_under_its_id() {
        let s = town();
        let (_, store) = memory_store(&[]);
        let mut flow = ImportFlow::default();
        let t = flow.start("f");
        assert!(flow.ready(t, preview(&store, "f", 1, opened(&s), &Untimed).wait().into_preview().unwrap()));
        let c = flow.confirm(ImportChoice::Replace, vec![]).expect("a preview is shown");
        assert!(!c.replace && !c.exists, "nothing stored: the replace choice adds it");
        assert!(c.merge.is_none());
        assert_eq!(flow.pending(), None, "confirming closes the dialog");
        assert!(flow.confirm(ImportChoice::New, vec![]).is_none(), "nothing left to confirm");
    }

    #[test]
    fn whether_the_files_id_is_stored_is_asked_of_the_store_when_the_preview_is_made() {
        let s = town();
        // Stored and readable: compared, and an add is a copy.
        let (mem, store) = memory_store(&[&s]);
        let mut flow = ImportFlow::default();
        let t = flow.start("f");
        flow.ready(t, preview(&store, "f", 1, opened(&s), &Untimed).wait().into_preview().unwrap());
        let c = flow.confirm(ImportChoice::New, vec![]).unwrap();
        assert!(c.exists && !c.replace);
        // Stored but unreadable: nothing to compare (the reading sets the text aside, listed with
        // the unreadable data), yet the store still names the id, so an add is a copy — asked of
        // the store, whatever the list on screen shows.
        mem.set_now(&crate::storage::keys::strategy(&s.id), "{ not a strategy").unwrap();
        let t = flow.start("f");
        let p = preview(&store, "f", 1, opened(&s), &Untimed).wait().into_preview().unwrap();
        assert!(matches!(&p, Preview::Strategy { existing: None, stored: true, .. }), "not compared, stored");
        flow.ready(t, p);
        let c = flow.confirm(ImportChoice::Replace, vec![]).unwrap();
        assert!(c.exists && !c.replace, "nothing readable to replace: added as a copy");
        assert_eq!(store.garbage().wait().unwrap().len(), 1, "the unreadable text is kept aside");
    }

    #[test]
    fn a_stored_strategy_is_compared_and_a_merge_is_offered_from_the_shared_version() {
        let base = town();
        // The other laptop imports the file and changes the title; this one changes the town.
        let (store, laptop) = shared_with_a_laptop(&base);
        let mut renamed = base.clone();
        renamed.title = "別の名前".into();
        laptop.save(&renamed, NOW).wait().unwrap();
        let theirs = open(laptop.export_file(&base.id, NOW).wait().unwrap().0.as_bytes()).unwrap();
        let mut ours = base.clone();
        ours.municipality.name = "別の町".into();
        store.save(&ours, NOW).wait().unwrap();

        let p = preview(&store, "f", 1, theirs, &Untimed).wait().into_preview().unwrap();
        let Preview::Strategy { existing: Some(existing), .. } = &p else { panic!("compared: {p:?}") };
        assert_eq!(existing.municipality, "別の町", "what is stored now");
        assert!(existing.changes.settings, "the title differs");
        let MergeOffer::Ready { merge, in_file } = &existing.merge else { panic!("{:?}", existing.merge) };
        assert!(!in_file, "the shared version was found in this browser's history");
        assert!(merge.conflicts.is_empty(), "different fields changed: {:?}", merge.conflicts);
        assert_eq!(existing.proposed(), ImportChoice::Merge, "統合する is selected when the preview opens");

        let mut flow = ImportFlow::default();
        let t = flow.start("f");
        assert!(flow.ready(t, p));
        let c = flow.confirm(ImportChoice::Merge, vec![]).expect("merge offered");
        assert!(c.exists && !c.replace);
        let (m, sides) = c.merge.expect("the preview's merge");
        assert!(sides.is_empty() && m.conflicts.is_empty());
    }

    #[test]
    fn merge_cannot_be_confirmed_where_it_is_not_offered_and_the_dialog_stays() {
        let s = town();
        let (_, store) = memory_store(&[]);
        // Stored under the same id, but with no shared version (saved directly, never exported).
        let mut other = s.clone();
        other.title = "手元の版".into();
        store.save_as(&other, NOW, VersionReason::Saved).wait().unwrap();
        let mut file = opened(&s);
        if let Opened::Strategy(f) = &mut file {
            f.lineage = None;
        }
        let p = preview(&store, "f", 1, file, &Untimed).wait().into_preview().unwrap();
        let Preview::Strategy { existing: Some(existing), .. } = &p else { panic!("compared: {p:?}") };
        assert_eq!(existing.proposed(), ImportChoice::New, "no shared version: a copy is proposed");
        let mut flow = ImportFlow::default();
        let t = flow.start("f");
        assert!(flow.ready(t, p));
        assert!(flow.confirm(ImportChoice::Merge, vec![]).is_none());
        assert!(matches!(flow.pending(), Some(Pending::Ready(_))), "the dialog stays open");
        let c = flow.confirm(ImportChoice::Replace, vec![]).expect("replace is always offered");
        assert!(c.replace && c.exists);
    }

    #[test]
    fn a_backup_file_says_for_each_strategy_whether_it_is_new_the_same_or_different() {
        let same = town();
        let mut changed = town().duplicate();
        let fresh = town().duplicate();
        let (_, store) = memory_store(&[]);
        store.save_as(&same, NOW, VersionReason::Saved).wait().unwrap();
        store.save_as(&changed, NOW, VersionReason::Saved).wait().unwrap();
        changed.title = "変えた題".into();
        let (_, there) = memory_store(&[]);
        for s in [&same, &changed, &fresh] {
            there.save_as(s, NOW, VersionReason::Saved).wait().unwrap();
        }
        let backup = there.export_everything(NOW).wait().unwrap();
        let p = preview(&store, "b", 1, open(backup.as_bytes()).unwrap(), &Untimed).wait().into_preview().unwrap();
        let Preview::Everything { entries, .. } = &p else { panic!("{p:?}") };
        let Preview::Everything { all, .. } = &p else { unreachable!() };
        let status =
            |id: &crate::model::Id| &entries[all.strategies.iter().position(|i| &i.strategy.id == id).unwrap()];
        assert_eq!(status(&same.id), &EntryStatus::Same);
        assert!(matches!(status(&changed.id), EntryStatus::Differs { changes, .. } if changes.settings));
        assert_eq!(status(&fresh.id), &EntryStatus::New);

        let mut flow = ImportFlow::default();
        assert!(flow.confirm_restore().is_none(), "nothing shown");
        let t = flow.start("b");
        assert!(flow.ready(t, p));
        assert!(flow.confirm(ImportChoice::New, vec![]).is_none(), "not a strategy preview");
        assert_eq!(flow.confirm_restore().map(|a| a.strategies.len()), Some(3));
        assert_eq!(flow.pending(), None);
    }

    #[test]
    fn the_preview_lists_what_a_merge_would_change_of_confirmed_values() {
        let (base, _, _, jobs) = crate::model::merge::edits::confirmed_town();
        let (store, laptop) = shared_with_a_laptop(&base);
        let mut changed = base.clone();
        changed.indicator_mut(&jobs).unwrap().series[0].set_actual(crate::model::FiscalYear(2023), Some(149.0));
        laptop.save(&changed, NOW).wait().unwrap();
        let theirs = open(laptop.export_file(&base.id, NOW).wait().unwrap().0.as_bytes()).unwrap();
        let p = preview(&store, "f", 1, theirs, &Untimed).wait().into_preview().unwrap();
        let Preview::Strategy { existing: Some(e), .. } = p else { panic!("compared") };
        let listed: Vec<(&str, &str)> = e.confirmed.iter().map(|c| (c.old.as_str(), c.new.as_str())).collect();
        assert_eq!(listed, [("148", "149")]);
    }
}
