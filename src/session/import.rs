//! Confirming an import the user previewed: what is stored for each choice, and what the notice
//! says. A file whose strategy is new here is stored as the version the file holds (a later
//! merge's starting point); one already here is stored as a copy with fresh ids, in place of the
//! stored one (which is backed up first: undo restores that backup), or merged with it. What is
//! backed up is what is stored when the user confirms, not what the preview compared with: a
//! save made meanwhile (this tab's autosave, another tab) is in the backup, never lost.

pub use super::preview::author_of;
use super::preview::SameId;
use super::Notice;
use crate::format::Imported;
use crate::model::merge::{Merge, Side};
use crate::model::round::{confirmed_changes, OnConfirmed};
use crate::model::Strategy;
use crate::storage::{Backend, StorageError, Store, VersionReason};

/// What the user chose in the preview.
#[derive(Clone, Debug)]
pub enum Choice<'a> {
    /// Beside the stored strategy, with fresh ids (or under its own id, if none is stored).
    Add,
    /// In place of the stored strategy with its id.
    Replace,
    /// The preview's merge of the stored strategy and the file, one side per conflict, and
    /// what it does with changes to confirmed values.
    Merge(&'a Merge, Vec<Side>, OnConfirmed),
}

/// What was stored: the strategy to open and the notice. A replace or merge that storage
/// refused changed nothing and is an `Err` of [`confirm`].
#[derive(Debug)]
pub enum Confirmed {
    /// Stored as a new strategy (under its own id, or a copy). `saved`: the store's answer (the
    /// revision) — the UI opens it even where storage refused it: it lives in memory then, and
    /// the failure is shown.
    Added { strategy: Strategy, notice: Notice, saved: Result<u64, StorageError> },
    /// Stored in place of the strategy with its id (replaced or merged).
    InPlace { strategy: Strategy, notice: Notice },
}

/// Stores a previewed file as the user chose; `same_id`: whether a strategy with the file's id is
/// stored here.
pub async fn confirm<B: Backend>(
    store: &Store<B>,
    file: Imported,
    choice: Choice<'_>,
    same_id: SameId,
    now: &str,
) -> Result<Confirmed, Notice> {
    let exists = same_id == SameId::Stored;
    let warnings = file.problems.len();
    let migrated_from = file.migrated_from;
    let title = file.strategy.title.clone();
    match choice {
        Choice::Merge(merge, sides, on) => {
            let mut merged = merge
                .resolve(&sides)
                .map_err(|error| Notice::MergeRefused { title: file.strategy.title.clone(), error })?;
            let changes = confirmed_changes(&merge.ours, &merged, &author_of(&file));
            on.settle(&mut merged, &merge.ours, &changes, now);
            let replaced =
                store.save_merged((&merged, &merge.ours), &file, None, now).await.map_err(Notice::Storage)?;
            let (taken, kept, conflicts) = (merge.taken.len(), merge.kept.len(), merge.conflicts.len());
            let notice = Notice::Merged {
                title: merged.title.clone(),
                taken,
                kept,
                conflicts,
                replaced: replaced.map(|b| b.key),
            };
            Ok(Confirmed::InPlace { strategy: merged, notice })
        }
        Choice::Replace if exists => {
            let replaced = store.replace(&file.strategy, now, file.lineage.as_ref()).await.map_err(Notice::Storage)?;
            let replaced = replaced.map(|b| b.key);
            let notice = Notice::Imported { title, as_copy: false, migrated_from, warnings, replaced };
            Ok(Confirmed::InPlace { strategy: file.strategy, notice })
        }
        Choice::Add | Choice::Replace => {
            let notice = Notice::Imported { title, as_copy: exists, migrated_from, warnings, replaced: None };
            if exists {
                let copy = file.strategy.duplicate();
                let saved = store.save_as(&copy, now, VersionReason::Imported).await;
                Ok(Confirmed::Added { strategy: copy, notice, saved })
            } else {
                let saved = store.save_imported(&file, now).await;
                Ok(Confirmed::Added { strategy: file.strategy, notice, saved })
            }
        }
    }
}

/// Stores what the user confirmed in the preview ([`super::preview::ImportFlow::confirm`]).
pub async fn confirm_previewed<B: Backend>(
    store: &Store<B>,
    confirmation: super::preview::Confirmation,
    now: &str,
) -> Result<Confirmed, Notice> {
    let super::preview::Confirmation { file, merge, replace, same_id, on_confirmed } = confirmation;
    let choice = match &merge {
        Some((m, sides)) => Choice::Merge(m, sides.clone(), on_confirmed),
        None if replace => Choice::Replace,
        None => Choice::Add,
    };
    confirm(store, file, choice, same_id, now).await
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{export, import};
    use crate::model::merge::edits::town;
    use crate::model::merge::merge;
    use crate::testing::{memory_store, Wait};

    /// The strategy as a file from another machine reads it.
    fn file_of(s: &Strategy) -> Imported {
        import(&export(s, "2026-11-02T09:00:00Z")).unwrap()
    }

    fn retitled(s: &Strategy, title: &str) -> Strategy {
        let mut s = s.clone();
        s.title = title.into();
        s
    }

    #[test]
    fn a_new_strategy_is_stored_under_its_own_id() {
        let s = town();
        let (_, store) = memory_store(&[]);
        let done = confirm(&store, file_of(&s), Choice::Add, SameId::Free, "t").wait().unwrap();
        let Confirmed::Added { strategy, notice, saved: Ok(_) } = done else { panic!("{done:?}") };
        assert_eq!(strategy, s);
        assert!(matches!(notice, Notice::Imported { as_copy: false, replaced: None, .. }));
        assert_eq!(store.load(&s.id).wait().unwrap(), s);
    }

    #[test]
    fn added_beside_the_stored_one_it_gets_fresh_ids_and_the_stored_one_stays() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let file = file_of(&retitled(&s, "ファイルの版"));
        let done = confirm(&store, file, Choice::Add, SameId::Stored, "t").wait().unwrap();
        let Confirmed::Added { strategy: copy, notice, saved: Ok(_) } = done else { panic!("{done:?}") };
        assert_ne!(copy.id, s.id);
        assert!(matches!(notice, Notice::Imported { as_copy: true, .. }));
        assert_eq!(store.load(&s.id).wait().unwrap(), s);
        assert_eq!(store.load(&copy.id).wait().unwrap().title, "ファイルの版");
    }

    #[test]
    fn a_replace_backs_up_what_is_stored_at_that_moment_and_undo_brings_it_back() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let file = file_of(&retitled(&s, "ファイルの版"));
        // The preview was made; then this tab's autosave stored a later edit.
        let later = retitled(&s, "プレビューの後の編集");
        store.save(&later, "2026-11-02T10:00:00Z").wait().unwrap();

        let done = confirm(&store, file, Choice::Replace, SameId::Stored, "t").wait().unwrap();
        assert_eq!(store.load(&s.id).wait().unwrap().title, "ファイルの版");
        let Confirmed::InPlace { notice: Notice::Imported { replaced: Some(backup), as_copy: false, .. }, .. } = done
        else {
            panic!("{done:?}")
        };
        // Undo (the notice's button) restores the backup: the edit made after the preview.
        let restored = store.restore_backup(&backup, "t2").wait().unwrap();
        assert_eq!(restored, later);
        assert_eq!(store.load(&s.id).wait().unwrap(), later);
    }

    #[test]
    fn a_replace_storage_refuses_changes_nothing() {
        let s = town();
        let (mem, store) = memory_store(&[&s]);
        mem.set_quota(Some(mem.used_bytes() + 10));
        let file = file_of(&retitled(&s, "ファイルの版"));
        let refused = confirm(&store, file, Choice::Replace, SameId::Stored, "t").wait();
        assert!(matches!(refused, Err(Notice::Storage(StorageError::QuotaExceeded { .. }))), "{refused:?}");
        assert_eq!(store.load(&s.id).wait().unwrap(), s);
        assert!(store.backups().wait().unwrap().is_empty());
    }

    #[test]
    fn a_merge_stores_the_chosen_sides_and_can_be_undone() {
        let base = town();
        let (_, store) = memory_store(&[&base]);
        let ours = retitled(&base, "このパソコンの名称");
        store.save(&ours, "t1").wait().unwrap();
        let mut theirs = retitled(&base, "ファイルの名称");
        theirs.municipality.code = Some("013366".into());
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.conflicts.len(), 1, "the title changed on both sides");

        let done = confirm(
            &store,
            file_of(&theirs),
            Choice::Merge(&m, vec![Side::Theirs], OnConfirmed::Keep),
            SameId::Stored,
            "t2",
        )
        .wait()
        .unwrap();
        let stored = store.load(&base.id).wait().unwrap();
        assert_eq!((stored.title.as_str(), stored.municipality.code.as_deref()), ("ファイルの名称", Some("013366")));
        let Confirmed::InPlace { notice: Notice::Merged { conflicts: 1, replaced: Some(backup), .. }, .. } = done
        else {
            panic!("{done:?}")
        };
        assert_eq!(store.restore_backup(&backup, "t3").wait().unwrap(), ours);
    }

    #[test]
    fn a_merge_with_the_wrong_number_of_choices_is_refused_and_changes_nothing() {
        let base = town();
        let (_, store) = memory_store(&[&base]);
        let ours = retitled(&base, "このパソコンの名称");
        store.save(&ours, "t1").wait().unwrap();
        let theirs = retitled(&base, "ファイルの名称");
        let m = merge(&base, &ours, &theirs);
        let refused =
            confirm(&store, file_of(&theirs), Choice::Merge(&m, vec![], OnConfirmed::Keep), SameId::Stored, "t2")
                .wait();
        assert!(matches!(refused, Err(Notice::MergeRefused { .. })), "{refused:?}");
        assert_eq!(store.load(&base.id).wait().unwrap(), ours);
    }

    /// A file that changes a value the planning section confirmed: merged, the value stays
    /// unless taken, and taken, it is confirmed again in the name of who took it.
    fn merged_over_a_confirmation(on: OnConfirmed) -> (Strategy, f64) {
        let (base, round, section, jobs) = crate::model::merge::edits::confirmed_town();
        let (_, store) = memory_store(&[&base]);
        let mut theirs = retitled(&base, "ファイルの名称");
        theirs.indicator_mut(&jobs).unwrap().series[0].set_actual(crate::model::FiscalYear(2023), Some(149.0));
        let m = merge(&base, &base, &theirs);
        confirm(&store, file_of(&theirs), Choice::Merge(&m, vec![], on), SameId::Stored, "t2").wait().unwrap();
        let stored = store.load(&base.id).wait().unwrap();
        assert_eq!(stored.title, "ファイルの名称", "the file's other changes are taken");
        let latest = stored.round(&round).unwrap().latest(&section).unwrap().clone();
        assert_eq!(latest.step, crate::model::round::Step::Confirmed);
        let value = stored.indicator(&jobs).unwrap().series[0].actual(crate::model::FiscalYear(2023)).unwrap().value;
        assert_eq!(latest.values[0].value, value.to_string(), "the value stored is the one confirmed");
        (stored, value)
    }

    #[test]
    fn a_merged_file_does_not_change_a_confirmed_value_unless_taken() {
        assert_eq!(merged_over_a_confirmation(OnConfirmed::Keep).1, 148.0);
        let (taken, value) = merged_over_a_confirmation(OnConfirmed::Take("田中".into()));
        assert_eq!(value, 149.0);
        assert_eq!(taken.rounds[0].answers.last().unwrap().by, "田中", "confirmed again by who took it");
    }
}
