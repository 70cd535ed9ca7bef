//! Moving data in and out as files: replacing a strategy by an imported version (the stored one
//! is backed up first), everything this browser holds as one backup file, and restoring such a
//! file by merging it in — new ids are added, identical ones left alone, different ones replaced
//! only when the user said so (after a backup of the stored version). The regional bureau's
//! regions travel in the same file: a region with a new id is added, one stored here already is
//! left as it is (a region is never replaced by a restore). Nothing is ever overwritten without
//! a backup, and nothing is deleted.

use super::ancestry::taken_origin;
use super::decode::{decode, decode_as};
use super::versions::Origin;
use super::{keys, Backend, Backup, BackupReason, StorageError, Store, VersionReason, Write};
use crate::format::{
    export_compact, export_everything, fingerprint, legacy_version, BackupToWrite, Everything, Lineage, Saved,
};
use crate::history::marks::StoredMarks;
use crate::model::{Id, Strategy};
use std::collections::HashSet;

/// What [`Store::restore_everything`] did. When it stopped on a storage error (storage full),
/// `error` says so and the counts say how far it got; everything counted is stored, and every
/// stored version it replaced was backed up first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestoreReport {
    /// New ids, stored.
    pub added: usize,
    /// Stored versions replaced by the file's (each backed up first).
    pub replaced: usize,
    /// Already stored, identical.
    pub unchanged: usize,
    /// Stored and different, left as they were (not chosen for replacing).
    pub kept: usize,
    /// Backups from the file stored.
    pub backups_added: usize,
    /// Backups from the file already here (same strategy, time and content).
    pub backups_present: usize,
    /// Regions with new ids, stored.
    pub regions_added: usize,
    /// Regions with an id stored here: left as they are (identical or not).
    pub regions_present: usize,
    pub error: Option<StorageError>,
}

impl BackupReason {
    /// The word in a backup file.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Deleted => "deleted",
            BackupReason::Replaced => "replaced",
            BackupReason::Manual => "manual",
        }
    }

    /// From a backup file's word; anything unknown is kept as `Manual`.
    pub fn parse(word: &str) -> BackupReason {
        match word {
            "deleted" => BackupReason::Deleted,
            "replaced" => BackupReason::Replaced,
            _ => BackupReason::Manual,
        }
    }
}

impl<B: Backend> Store<B> {
    /// Stores `strategy` in place of the stored strategy with the same id, after keeping a
    /// backup of that one (reason `Replaced`), which it returns (`None` when nothing readable
    /// was stored under the id; unreadable text is kept as garbage by [`Store::save`]). If the
    /// new version cannot be written, the backup is removed again: nothing changed.
    /// The new version is the file's, as its `lineage` names it (see [`Store::save_imported`]).
    pub async fn replace(
        &self,
        strategy: &Strategy,
        now: &str,
        lineage: Option<&Lineage>,
    ) -> Result<Option<Backup>, StorageError> {
        let fp = fingerprint(strategy);
        let version = lineage.map(|l| l.version(fp)).unwrap_or_else(|| legacy_version(fp, &[]));
        let origin = match self.has(&strategy.id).await? {
            true => self.place(&strategy.id).await?.taken_origin(&version, None),
            false => taken_origin(&version, None),
        };
        // It arrives as the file's version, with the file's marks; the replaced one's go.
        let file = lineage.and_then(|l| l.provenance.clone()).filter(|p| !p.is_empty());
        let arrival = StoredMarks::Arrival { arrived: version.id, file }
            .text()
            .map_err(|e| StorageError::Failed { detail: e.to_string() })?;
        let marks = Write::put(keys::marks(&strategy.id), arrival);
        self.replace_as(strategy, now, VersionReason::Imported, &origin, &[marks]).await
    }

    /// [`Store::replace`] by a version of a given origin (a file's, a merge's).
    pub(super) async fn replace_as(
        &self,
        strategy: &Strategy,
        now: &str,
        reason: VersionReason,
        origin: &Origin,
        also: &[Write],
    ) -> Result<Option<Backup>, StorageError> {
        let key = keys::strategy(&strategy.id);
        let (backup, mut writes) = match self.backend.get(&key).await? {
            Some(text) => match decode_as(&text, &strategy.id) {
                Some((live, _)) => {
                    let (backup, writes) = self.backup_writes(&live, &text, BackupReason::Replaced, now).await?;
                    (Some(backup), writes)
                }
                None => (None, Vec::new()),
            },
            None => (None, Vec::new()),
        };
        // The backup, the version and what is kept beside it in one batch: all or nothing.
        writes.extend_from_slice(also);
        self.save_with(strategy, now, reason, Some(origin), &writes).await?;
        Ok(backup)
    }

    /// The strategy a backup holds.
    pub async fn backup_strategy(&self, key: &str) -> Result<Strategy, StorageError> {
        if !key.starts_with(keys::BACKUP_PREFIX) {
            return Err(StorageError::not_found_key(key));
        }
        let text = self.backend.get(key).await?.ok_or_else(|| StorageError::not_found_key(key))?;
        match decode(&text) {
            Some((strategy, _)) => Ok(strategy),
            None => {
                let kept_as = self.quarantine(key, &text).await.unwrap_or_else(|_| key.to_owned());
                let _ = self.backups().await;
                Err(StorageError::Garbage { key: key.to_owned(), kept_as })
            }
        }
    }

    /// Every stored strategy, every backup and every region, as one backup file (see
    /// `format::everything`; region backups are not in it). Unreadable entries met on the way
    /// are moved to garbage as everywhere else, and left out.
    pub async fn export_everything(&self, now: &str) -> Result<String, StorageError> {
        let summaries = self.list().await?;
        let mut strategies = Vec::with_capacity(summaries.len());
        for s in &summaries {
            match self.load(&s.id).await {
                Ok(strategy) => strategies.push((strategy, s.updated_at.clone())),
                Err(StorageError::NotFound { .. } | StorageError::Garbage { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        let mut backups = Vec::new();
        for b in self.backups().await? {
            match self.backup_strategy(&b.key).await {
                Ok(strategy) => backups.push((strategy, b)),
                Err(StorageError::NotFound { .. } | StorageError::Garbage { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        let saved: Vec<Saved<'_>> = strategies.iter().map(|(s, at)| Saved { strategy: s, saved_at: at }).collect();
        let kept: Vec<BackupToWrite<'_>> = backups
            .iter()
            .map(|(s, b)| BackupToWrite { strategy: s, taken_at: &b.taken_at, reason: b.reason.as_str() })
            .collect();
        let regions: Vec<_> = self.regions().await?.into_iter().map(|r| r.region).collect();
        Ok(export_everything(&saved, &kept, &regions, now))
    }

    /// Merges a backup file in: strategies with new ids are added; identical ones are left
    /// alone; different ones are replaced only when their id is in `replace` (the stored
    /// version is backed up first) and kept as they are otherwise. The file's backups are added
    /// unless the same one is already here, and its regions unless one with the same id is.
    /// Stops at the first storage error (see [`RestoreReport`]).
    pub async fn restore_everything(&self, all: &Everything, replace: &HashSet<Id>, now: &str) -> RestoreReport {
        let mut report = RestoreReport::default();
        if let Err(e) = self.merge(all, replace, now, &mut report).await {
            report.error = Some(e);
        }
        report
    }

    async fn merge(
        &self,
        all: &Everything,
        replace: &HashSet<Id>,
        now: &str,
        report: &mut RestoreReport,
    ) -> Result<(), StorageError> {
        for entry in &all.strategies {
            let strategy = &entry.strategy;
            let saved_at = if entry.exported_at.is_empty() { now } else { entry.exported_at.as_str() };
            let stored = self.backend.get(&keys::strategy(&strategy.id)).await?;
            match stored.as_deref().and_then(|text| decode_as(text, &strategy.id)) {
                // Nothing readable there (unreadable text is kept as garbage by `save`).
                None => {
                    self.save_as(strategy, saved_at, VersionReason::Imported).await?;
                    report.added += 1;
                }
                Some((live, _)) if &live == strategy => report.unchanged += 1,
                Some(_) if replace.contains(&strategy.id) => {
                    self.replace(strategy, now, None).await?;
                    report.replaced += 1;
                }
                Some(_) => report.kept += 1,
            }
        }
        let mut present: Vec<Backup> = self.backups().await?;
        for kept in &all.backups {
            let strategy = &kept.imported.strategy;
            let mut same = false;
            for b in present.iter().filter(|b| b.strategy_id == strategy.id && b.taken_at == kept.taken_at) {
                let text = self.backend.get(&b.key).await.ok().flatten();
                if text.and_then(|t| decode(&t)).is_some_and(|(s, _)| &s == strategy) {
                    same = true;
                    break;
                }
            }
            if same {
                report.backups_present += 1;
                continue;
            }
            let text = export_compact(strategy, &kept.taken_at);
            let backup = self.store_backup(strategy, &text, BackupReason::parse(&kept.reason), &kept.taken_at).await?;
            present.push(backup);
            report.backups_added += 1;
        }
        for region in &all.regions {
            match self.load_region(&region.id).await {
                Ok(_) => report.regions_present += 1,
                // Unreadable text under its id is kept as garbage by `save_region`.
                Err(StorageError::NotFound { .. } | StorageError::Garbage { .. }) => {
                    self.save_region(region, now).await?;
                    report.regions_added += 1;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{open, Opened};
    use crate::model::{template, FiscalYear, Measure, PlanPeriod};
    use crate::storage::{Backend, MemoryBackend};
    use crate::testing::Wait;
    use std::rc::Rc;

    fn store() -> (Rc<MemoryBackend>, Store<Rc<MemoryBackend>>) {
        let mem = Rc::new(MemoryBackend::new());
        (mem.clone(), Store::new(mem).with_clock(|| "2026-01-01T00:00:00Z".to_owned()))
    }

    fn sample(title: &str) -> Strategy {
        let mut s = template::from_second_period(
            title,
            "しるべ町",
            PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
        );
        s.goals_mut().next().unwrap().measures.push(Measure::new("1", "施策").into());
        s
    }

    fn everything(text: &str) -> Everything {
        match open(text.as_bytes()) {
            Ok(Opened::Everything(e)) => e,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn replace_backs_up_the_stored_version_and_restore_brings_it_back() {
        let (_, store) = store();
        let old = sample("旧");
        store.save(&old, "t1").wait().unwrap();
        let mut new = old.clone();
        new.title = "新".into();
        let backup = store.replace(&new, "t2", None).wait().unwrap().expect("a backup");
        assert_eq!(
            (backup.reason, backup.title.as_str(), backup.taken_at.as_str()),
            (BackupReason::Replaced, "旧", "t2")
        );
        assert_eq!(store.load(&old.id).wait().unwrap(), new);
        assert_eq!(store.backups().wait().unwrap(), vec![backup.clone()]);
        assert_eq!(store.backup_strategy(&backup.key).wait().unwrap(), old);
        store.restore_backup(&backup.key, "t3").wait().unwrap();
        assert_eq!(store.load(&old.id).wait().unwrap(), old);
        // Replacing an id that is not stored just stores it.
        let other = sample("別");
        assert_eq!(store.replace(&other, "t4", None).wait().unwrap(), None);
        assert_eq!(store.load(&other.id).wait().unwrap(), other);
    }

    #[test]
    fn replace_that_does_not_fit_changes_nothing() {
        let mem = Rc::new(MemoryBackend::new());
        let store = Store::new(mem.clone());
        let old = sample("旧");
        store.save(&old, "t1").wait().unwrap();
        let snapshot = || {
            let mut all: Vec<(String, Option<String>)> =
                mem.keys().wait().unwrap().into_iter().map(|k| (k.clone(), mem.get(&k).wait().unwrap())).collect();
            all.sort();
            all
        };
        let before = snapshot();
        let mut new = old.clone();
        new.sections.push(crate::model::NarrativeSection {
            id: Id::new("section"),
            heading: "長".into(),
            body: "あ".repeat(50_000),
        });
        // SpaceUse for the backup, not for the new version as well.
        mem.set_quota(Some(mem.used_bytes() * 2 + 2_000));
        assert!(matches!(store.replace(&new, "t2", None).wait(), Err(StorageError::QuotaExceeded { .. })));
        assert_eq!(snapshot(), before);
    }

    #[test]
    fn everything_round_trips_into_an_empty_store() {
        let (_, here) = store();
        let (a, b, gone) = (sample("A"), sample("B"), sample("消したもの"));
        here.save(&a, "2026-02-01T00:00:00Z").wait().unwrap();
        here.save(&b, "2026-02-02T00:00:00Z").wait().unwrap();
        here.save(&gone, "2026-02-03T00:00:00Z").wait().unwrap();
        let deleted = here.delete(&gone.id, "2026-02-04T00:00:00Z").wait().unwrap();
        let mut region = crate::model::region::Region::new("渡島総合振興局管内");
        region.members = vec![a.id.clone(), b.id.clone()];
        here.save_region(&region, "2026-02-04T00:00:00Z").wait().unwrap();
        let text = here.export_everything("2026-02-05T00:00:00Z").wait().unwrap();

        let (_, there) = store();
        let report = there.restore_everything(&everything(&text), &HashSet::new(), "2026-03-01T00:00:00Z").wait();
        assert_eq!(report, RestoreReport { added: 2, backups_added: 1, regions_added: 1, ..RestoreReport::default() });
        assert_eq!(there.load_region(&region.id).wait().unwrap(), region);
        assert_eq!(there.load(&a.id).wait().unwrap(), a);
        assert_eq!(there.load(&b.id).wait().unwrap(), b);
        assert_eq!(there.list().wait().unwrap(), here.list().wait().unwrap(), "same summaries, same saved times");
        let backups = there.backups().wait().unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(
            (backups[0].reason, backups[0].taken_at.as_str()),
            (BackupReason::Deleted, deleted.taken_at.as_str())
        );
        assert_eq!(there.backup_strategy(&backups[0].key).wait().unwrap(), gone);

        // Restoring the same file again changes nothing.
        let again = there.restore_everything(&everything(&text), &HashSet::new(), "2026-03-02T00:00:00Z").wait();
        assert_eq!(
            again,
            RestoreReport { unchanged: 2, backups_present: 1, regions_present: 1, ..RestoreReport::default() }
        );
        // A region stored here with the same id is left as it is, never replaced by a restore.
        let renamed = crate::model::region::Region { name: "渡島".into(), ..region.clone() };
        there.save_region(&renamed, "2026-03-03T00:00:00Z").wait().unwrap();
        let third = there.restore_everything(&everything(&text), &HashSet::new(), "2026-03-04T00:00:00Z").wait();
        assert_eq!(third.regions_present, 1);
        assert_eq!(there.load_region(&region.id).wait().unwrap(), renamed);
        assert_eq!(there.backups().wait().unwrap().len(), 1);
    }

    #[test]
    fn different_versions_are_replaced_only_when_chosen_and_backed_up_first() {
        let (_, here) = store();
        let (a, b) = (sample("A"), sample("B"));
        here.save(&a, "t").wait().unwrap();
        here.save(&b, "t").wait().unwrap();
        let text = here.export_everything("t").wait().unwrap();

        let (_, there) = store();
        let (mut a2, mut b2) = (a.clone(), b.clone());
        a2.title = "A（こちらで編集）".into();
        b2.title = "B（こちらで編集）".into();
        there.save(&a2, "t").wait().unwrap();
        there.save(&b2, "t").wait().unwrap();
        let choose: HashSet<Id> = [a.id.clone()].into();
        let report = there.restore_everything(&everything(&text), &choose, "2026-04-01T00:00:00Z").wait();
        assert_eq!(report, RestoreReport { replaced: 1, kept: 1, ..RestoreReport::default() });
        assert_eq!(there.load(&a.id).wait().unwrap(), a);
        assert_eq!(there.load(&b.id).wait().unwrap(), b2, "not chosen: left as it was");
        let backups = there.backups().wait().unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].reason, BackupReason::Replaced);
        assert_eq!(there.backup_strategy(&backups[0].key).wait().unwrap(), a2);
    }

    #[test]
    fn a_full_storage_stops_the_restore_and_says_how_far_it_got() {
        let (_, here) = store();
        for i in 0..5 {
            let mut s = sample(&format!("戦略{i}"));
            s.sections.push(crate::model::NarrativeSection {
                id: Id::new("section"),
                heading: "本文".into(),
                body: "あ".repeat(20_000),
            });
            here.save(&s, "t").wait().unwrap();
        }
        let text = here.export_everything("t").wait().unwrap();
        let mem = Rc::new(MemoryBackend::with_quota(150_000));
        let there = Store::new(mem.clone());
        let report = there.restore_everything(&everything(&text), &HashSet::new(), "t").wait();
        assert!(matches!(report.error, Some(StorageError::QuotaExceeded { .. })));
        assert!(report.added >= 1 && report.added < 5, "{report:?}");
        assert_eq!(there.list().wait().unwrap().len(), report.added);
    }
}
