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
//! point (imported, exported, merged, restored, kept from another tab) are never thinned. In
//! `localStorage` (about 5 million characters per site) no history is kept: one town's strategy with a few
//! versions would fill it.

use super::decode::decode_as;
use super::{keys, Backend, BackendKind, StorageError, Store};
use crate::model::{Id, Strategy};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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
    /// Two machines' work merged (issue 19).
    Merged,
}

impl VersionReason {
    /// Never thinned: a later merge or the user may need it as a starting point.
    pub fn is_pinned(self) -> bool {
        !matches!(self, VersionReason::Saved)
    }
}

/// One kept version, as the history lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Its number among the strategy's kept versions (its key), never reused.
    pub seq: u64,
    pub saved_at: String,
    #[serde(default)]
    pub reason: VersionReason,
    pub title: String,
    /// The stored text's length (UTF-8 bytes): what the history costs.
    pub bytes: usize,
    /// Its fingerprint (`format::fingerprint`), when it was shared with another machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
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
    pub versions: Vec<Version>,
    /// The size of the current version's text (`None`: written before this was recorded), so
    /// that keeping it as a version need not read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// The current version's fingerprint, when it was shared (exported or imported) as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The fingerprints of the shared versions the current one descends from, newest first
    /// (`format::Lineage::versions`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineage: Vec<String>,
}

/// Where a saved version comes from, for later merges (see `format::lineage`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origin {
    /// Its fingerprint, when it is a version another machine has too (a file's).
    pub fingerprint: Option<String>,
    /// The shared versions it descends from, newest first.
    pub lineage: Vec<String>,
}

impl Head {
    /// What the history's versions hold, in bytes.
    pub fn history_bytes(&self) -> usize {
        self.versions.iter().map(|v| v.bytes).sum()
    }
}

/// The versions (`seq`) to drop so that what is kept follows the thinning rule at `now` (ISO times).
pub fn thin(versions: &[Version], now: &str) -> Vec<u64> {
    let now_secs = unix_seconds(now);
    let mut kept_buckets: HashSet<String> = HashSet::new();
    let mut drop = Vec::new();
    // Newest first: the newest version of each bucket is the one kept.
    for v in versions.iter().rev() {
        if v.reason.is_pinned() {
            continue;
        }
        let age = match (now_secs, unix_seconds(&v.saved_at)) {
            (Some(now), Some(at)) => now.saturating_sub(at),
            // A time that does not read: keep it (nothing is dropped on a guess).
            _ => continue,
        };
        let bucket = if age < 3600 {
            continue;
        } else if age < 30 * 86_400 {
            format!("day {}", v.saved_at.get(..10).unwrap_or_default())
        } else {
            format!("month {}", v.saved_at.get(..7).unwrap_or_default())
        };
        if !kept_buckets.insert(bucket) {
            drop.push(v.seq);
        }
    }
    drop
}

/// Seconds since 1970 of an ISO time in UTC (`2026-11-22T15:59:50.421Z`); `None` when it does
/// not read. Local offsets are not written by Shirube (times are `Date.toISOString()`).
fn unix_seconds(iso: &str) -> Option<u64> {
    let num = |range: std::ops::Range<usize>| iso.get(range)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13).unwrap_or(0), num(14..16).unwrap_or(0), num(17..19).unwrap_or(0));
    // Days from civil (H. Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + hh * 3600 + mm * 60 + ss).ok()
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

    /// The kept versions of a strategy, newest first (the current one is not among them).
    pub async fn versions(&self, id: &Id) -> Result<Vec<Version>, StorageError> {
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

    /// Brings a kept version back: it becomes the current version (a new revision), and the
    /// one it replaces is kept in the history, so that a restore can itself be undone.
    pub async fn restore_version(&self, id: &Id, seq: u64, now: &str) -> Result<Strategy, StorageError> {
        let strategy = self.version(id, seq).await?;
        let head = self.head(id).await?;
        // A shared version brought back is that version again (a later merge may start from it).
        // What it descended from beyond that is not kept per version, and the current lineage
        // may name versions it does not contain (a merge since): it is not carried over.
        let fingerprint = head.versions.iter().find(|v| v.seq == seq).and_then(|v| v.fingerprint.clone());
        let origin = Origin { lineage: fingerprint.iter().cloned().collect(), fingerprint };
        self.save_from(&strategy, now, VersionReason::Restored, Some(&origin)).await?;
        Ok(strategy)
    }

    /// Keeps `strategy` (this tab's unsaved edits) as a version in the history without making
    /// it the current one: for when the user takes another tab's version instead.
    pub async fn keep_as_version(&self, strategy: &Strategy, now: &str) -> Result<(), StorageError> {
        let (mut head, head_text) = self.read_head(&strategy.id).await?;
        if !self.keeps_history() {
            return Ok(());
        }
        let text = crate::format::export_compact(strategy, now);
        let seq = head.next_seq;
        head.next_seq += 1;
        head.versions.push(Version {
            seq,
            saved_at: now.to_owned(),
            reason: VersionReason::KeptFromTab,
            title: strategy.title.clone(),
            bytes: text.len(),
            fingerprint: None,
        });
        let batch = vec![
            super::Write::Expect { key: keys::head(&strategy.id), value: head_text },
            super::Write::put(keys::version(&strategy.id, seq), text),
            super::Write::put(keys::head(&strategy.id), super::store::to_json(&head)?),
        ];
        self.backend.apply(batch).await
    }
}

/// What [`Store::apply_draft`] did with a change the page had not saved when it went away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftOutcome {
    /// It was already stored (the save started on the way out finished after all).
    AlreadyStored,
    /// Stored as the current version, over the revision it was made on.
    Saved,
    /// The strategy changed elsewhere since (another tab): the draft is kept in the history as
    /// this tab's changes, and the stored version stays current.
    KeptAsVersion { title: String },
}

impl<B: Backend> Store<B> {
    /// A change of strategy `text` (a file envelope) made on stored revision `base` that the
    /// page could not save before it went away (see `ui::app`): stored now, or kept in the
    /// history when the strategy changed since. Unreadable text is an error (the caller keeps it).
    pub async fn apply_draft(&self, text: &str, base: u64, now: &str) -> Result<DraftOutcome, StorageError> {
        let Some((draft, _)) = super::decode::decode(text) else {
            return Err(StorageError::Failed { detail: "the unsaved change kept on closing does not read".into() });
        };
        match self.load_current(&draft.id).await {
            Ok((stored, _)) if stored == draft => Ok(DraftOutcome::AlreadyStored),
            Ok((_, revision)) if revision == base => {
                self.save_over(&draft, now, base).await?;
                Ok(DraftOutcome::Saved)
            }
            Ok(_) => {
                self.keep_as_version(&draft, now).await?;
                Ok(DraftOutcome::KeptAsVersion { title: draft.title })
            }
            // Deleted meanwhile: the change brings it back (the delete's backup stays).
            Err(StorageError::NotFound { .. }) => {
                self.save(&draft, now).await?;
                Ok(DraftOutcome::Saved)
            }
            Err(e) => Err(e),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{template, FiscalYear, PlanPeriod};
    use crate::storage::{MemoryBackend, Write};
    use crate::testing::Wait;
    use std::rc::Rc;

    fn sample(title: &str) -> Strategy {
        template::from_second_period(title, "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
    }

    fn store() -> (Rc<MemoryBackend>, Store<Rc<MemoryBackend>>) {
        let mem = Rc::new(MemoryBackend::new());
        (mem.clone(), Store::new(mem))
    }

    fn titled(s: &Strategy, title: &str) -> Strategy {
        let mut s = s.clone();
        s.title = title.into();
        s
    }

    fn version(seq: u64, saved_at: &str, reason: VersionReason) -> Version {
        Version { seq, saved_at: saved_at.into(), reason, title: String::new(), bytes: 1, fingerprint: None }
    }

    #[test]
    fn every_save_keeps_the_version_it_replaces_and_a_restore_is_a_new_version() {
        let (_, store) = store();
        let v1 = sample("第1版");
        store.save(&v1, "2026-11-22T10:00:00Z").wait().unwrap();
        assert!(store.versions(&v1.id).wait().unwrap().is_empty(), "the first save replaces nothing");
        store.save(&titled(&v1, "第2版"), "2026-11-22T10:01:00Z").wait().unwrap();
        store.save(&titled(&v1, "第3版"), "2026-11-22T10:02:00Z").wait().unwrap();
        let versions = store.versions(&v1.id).wait().unwrap();
        let listed: Vec<(&str, &str)> = versions.iter().map(|v| (v.title.as_str(), v.saved_at.as_str())).collect();
        assert_eq!(listed, [("第2版", "2026-11-22T10:01:00Z"), ("第1版", "2026-11-22T10:00:00Z")], "newest first");
        assert_eq!(store.version(&v1.id, versions[1].seq).wait().unwrap(), v1);
        assert_eq!(store.head(&v1.id).wait().unwrap().revision, 3);

        let back = store.restore_version(&v1.id, versions[1].seq, "2026-11-22T10:03:00Z").wait().unwrap();
        assert_eq!(back, v1);
        assert_eq!(store.load(&v1.id).wait().unwrap(), v1);
        let versions = store.versions(&v1.id).wait().unwrap();
        assert_eq!(versions[0].title, "第3版", "what the restore replaced is kept: the restore can be undone");
        assert_eq!(store.head(&v1.id).wait().unwrap().reason, VersionReason::Restored);
        assert_eq!(store.list().wait().unwrap()[0].title, "第1版");
    }

    #[test]
    fn thinning_keeps_the_last_hour_then_one_a_day_then_one_a_month_and_every_pinned_one() {
        let now = "2026-11-22T12:00:00Z";
        let versions = [
            version(1, "2026-08-01T09:00:00Z", VersionReason::Saved), // August: dropped (2 is newer)
            version(2, "2026-08-20T09:00:00Z", VersionReason::Saved), // August's newest
            version(3, "2026-09-02T09:00:00Z", VersionReason::Imported), // pinned
            version(4, "2026-11-20T08:00:00Z", VersionReason::Saved), // 20 Nov: dropped
            version(5, "2026-11-20T18:00:00Z", VersionReason::Saved), // 20 Nov's newest
            version(6, "2026-11-22T10:30:00Z", VersionReason::Saved), // 22 Nov, over an hour: dropped
            version(7, "2026-11-22T10:59:00Z", VersionReason::Saved), // 22 Nov's newest over an hour
            version(8, "2026-11-22T11:10:00Z", VersionReason::Saved), // last hour: kept
            version(9, "2026-11-22T11:50:00Z", VersionReason::Saved), // last hour: kept
            version(10, "not a time", VersionReason::Saved),          // unreadable: kept
        ];
        let mut dropped = thin(&versions, now);
        dropped.sort();
        assert_eq!(dropped, [1, 4, 6]);
        assert!(thin(&versions[7..], now).is_empty());
        assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(unix_seconds("2026-11-22T12:00:00.123Z"), Some(1_795_348_800));
        assert_eq!(unix_seconds("2000-02-29T00:00:00Z"), Some(951_782_400));
    }

    #[test]
    fn a_save_thins_the_history_in_the_same_batch() {
        let (mem, store) = store();
        let s = sample("戦略");
        store.save(&titled(&s, "9時"), "2026-11-01T09:00:00Z").wait().unwrap();
        store.save(&titled(&s, "9時20分"), "2026-11-01T09:20:00Z").wait().unwrap();
        store.save(&titled(&s, "9時40分"), "2026-11-01T09:40:00Z").wait().unwrap();
        assert_eq!(store.versions(&s.id).wait().unwrap().len(), 2, "within the hour, every version");
        // Weeks later: of 1 November only the newest stays; the version replaced now is recent.
        store.save(&titled(&s, "今日"), "2026-11-22T09:00:00Z").wait().unwrap();
        let titles: Vec<String> = store.versions(&s.id).wait().unwrap().into_iter().map(|v| v.title).collect();
        assert_eq!(titles, ["9時40分"]);
        let stored_versions = mem.keys_now().into_iter().filter(|k| k.starts_with(keys::VERSION_PREFIX)).count();
        assert_eq!(stored_versions, 1, "the dropped versions' texts are removed too");
    }

    #[test]
    fn a_tab_saving_over_a_revision_another_tab_replaced_is_refused_and_nothing_is_written() {
        let (mem, a) = store();
        let b = Store::new(mem.clone());
        let s = sample("戦略");
        let base = a.save_as(&s, "2026-11-22T09:00:00Z", VersionReason::Saved).wait().unwrap();
        // Both tabs opened revision `base`. Tab A saves first.
        let after_a = a.save_over(&titled(&s, "タブAの題名"), "2026-11-22T09:01:00Z", base).wait().unwrap();
        assert_eq!(after_a, base + 1);
        let before = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
        let mut bs = s.clone();
        bs.municipality.name = "タブBの市町村".into();
        let refused = b.save_over(&bs, "2026-11-22T09:02:00Z", base).wait();
        assert_eq!(refused, Err(StorageError::Conflict { key: keys::head(&s.id) }));
        let after = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
        assert_eq!(after, before, "nothing written");
        // B chooses to take A's version; its own edit is kept in the history.
        b.keep_as_version(&bs, "2026-11-22T09:03:00Z").wait().unwrap();
        assert_eq!(b.load(&s.id).wait().unwrap().title, "タブAの題名");
        let kept = b.versions(&s.id).wait().unwrap();
        assert_eq!(kept[0].reason, VersionReason::KeptFromTab);
        assert_eq!(b.version(&s.id, kept[0].seq).wait().unwrap(), bs);
        // Or B keeps its own as the current version, over A's (A's stays in the history).
        let head = b.head(&s.id).wait().unwrap();
        b.save_over(&bs, "2026-11-22T09:04:00Z", head.revision).wait().unwrap();
        let titles: Vec<String> = b.versions(&s.id).wait().unwrap().into_iter().map(|v| v.title).collect();
        assert!(titles.contains(&"タブAの題名".to_owned()), "{titles:?}");
    }

    #[test]
    fn a_save_over_a_known_revision_keeps_the_replaced_text_without_reading_it() {
        let (mem, store) = store();
        let s = sample("戦略");
        let first = store.save_as(&s, "2026-11-22T09:00:00Z", VersionReason::Imported).wait().unwrap();
        let first_text = mem.get_now(&keys::strategy(&s.id)).unwrap();
        assert_eq!(store.head(&s.id).wait().unwrap().bytes, Some(first_text.len()));
        let reads = mem.reads_of(&keys::strategy(&s.id));
        store.save_over(&titled(&s, "改訂"), "2026-11-22T09:01:00Z", first).wait().unwrap();
        assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads, "the stored text was not read");
        let kept = store.versions(&s.id).wait().unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!((kept[0].bytes, kept[0].reason), (first_text.len(), VersionReason::Imported));
        assert_eq!(mem.get_now(&keys::version(&s.id, kept[0].seq)), Some(first_text), "copied as it was");
        // A save over no known revision (an action) reads and checks what it replaces.
        store.save(&titled(&s, "三訂"), "2026-11-22T09:02:00Z").wait().unwrap();
        assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads + 1);
        // A head written before sizes were recorded: the text is read once, then known again.
        let mut old_head: Head = serde_json::from_str(&mem.get_now(&keys::head(&s.id)).unwrap()).unwrap();
        old_head.bytes = None;
        mem.set_now(&keys::head(&s.id), &serde_json::to_string(&old_head).unwrap()).unwrap();
        let revision = store.head(&s.id).wait().unwrap().revision;
        assert_eq!(store.head(&s.id).wait().unwrap().bytes, None);
        let next = store.save_over(&titled(&s, "四訂"), "2026-11-22T09:03:00Z", revision).wait().unwrap();
        assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads + 2);
        store.save_over(&titled(&s, "五訂"), "2026-11-22T09:04:00Z", next).wait().unwrap();
        assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads + 2);
        let titles: Vec<String> = store.versions(&s.id).wait().unwrap().into_iter().map(|v| v.title).collect();
        assert_eq!(titles, ["四訂", "三訂", "改訂", "戦略"]);
    }

    #[test]
    fn a_copy_in_a_batch_takes_the_value_as_the_batch_found_it() {
        let (mem, _) = store();
        mem.set_now("current", "old").unwrap();
        let batch = vec![
            Write::Copy { from: "current".into(), to: "kept".into() },
            Write::put("current", "new"),
            Write::Copy { from: "absent".into(), to: "nothing".into() },
        ];
        mem.apply(batch).wait().unwrap();
        assert_eq!((mem.get_now("kept").as_deref(), mem.get_now("current").as_deref()), (Some("old"), Some("new")));
        assert_eq!(mem.get_now("nothing"), None);
    }

    #[test]
    fn the_condition_is_checked_inside_the_batch() {
        // Between reading the head and writing, another tab's save lands: the batch itself
        // fails (the IndexedDB transaction checks the head before writing).
        let (mem, store) = store();
        let s = sample("戦略");
        store.save(&s, "t1").wait().unwrap();
        let head_text = mem.get_now(&keys::head(&s.id));
        mem.set_now(&keys::head(&s.id), r#"{"revision":7}"#).unwrap();
        let batch = vec![Write::Expect { key: keys::head(&s.id), value: head_text }, Write::put("x", "y")];
        assert!(matches!(mem.apply(batch).wait(), Err(StorageError::Conflict { .. })));
        assert_eq!(mem.get_now("x"), None);
    }

    #[test]
    fn a_failed_batch_leaves_strategy_history_and_index_as_they_were() {
        let (mem, store) = store();
        let s = sample("第1版");
        store.save(&s, "2026-11-22T09:00:00Z").wait().unwrap();
        store.save(&titled(&s, "第2版"), "2026-11-22T09:01:00Z").wait().unwrap();
        let before = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
        mem.fail_batch(1);
        assert!(store.save(&titled(&s, "第3版"), "2026-11-22T09:02:00Z").wait().is_err());
        let after = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
        assert_eq!(after, before);
    }

    #[test]
    fn deleting_a_strategy_removes_its_history_and_its_backup_brings_the_strategy_back() {
        let (mem, store) = store();
        let s = sample("第1版");
        store.save(&s, "2026-11-22T09:00:00Z").wait().unwrap();
        store.save(&titled(&s, "第2版"), "2026-11-22T09:01:00Z").wait().unwrap();
        let backup = store.delete(&s.id, "2026-11-22T09:02:00Z").wait().unwrap();
        let left: Vec<String> = mem
            .keys_now()
            .into_iter()
            .filter(|k| k.starts_with(keys::HEAD_PREFIX) || k.starts_with(keys::VERSION_PREFIX))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        store.restore_backup(&backup.key, "2026-11-22T09:03:00Z").wait().unwrap();
        assert_eq!(store.load(&s.id).wait().unwrap().title, "第2版");
    }

    /// `localStorage` as the test sees it: the memory backend under another name.
    struct LocalLike(MemoryBackend);
    impl Backend for LocalLike {
        async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key).await
        }
        async fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.0.keys().await
        }
        async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
            self.0.apply(writes).await
        }
        fn kind(&self) -> BackendKind {
            BackendKind::LocalStorage
        }
    }

    #[test]
    fn a_change_left_unsaved_on_closing_is_stored_or_kept_in_the_history() {
        let (_, store) = store();
        let s = sample("第1版");
        let base = store.save_as(&s, "2026-11-22T09:00:00Z", VersionReason::Saved).wait().unwrap();
        let draft = titled(&s, "閉じる直前の変更");
        let text = crate::format::export_compact(&draft, "2026-11-22T09:01:00Z");
        // Nothing changed since: it becomes the current version.
        assert_eq!(store.apply_draft(&text, base, "2026-11-22T09:02:00Z").wait().unwrap(), DraftOutcome::Saved);
        assert_eq!(store.load(&s.id).wait().unwrap(), draft);
        // Applied again (the save on the way out had finished after all): nothing to do.
        assert_eq!(store.apply_draft(&text, base, "t").wait().unwrap(), DraftOutcome::AlreadyStored);
        // Another tab saved since the draft's revision: kept in the history, not over it.
        let other = titled(&s, "別のタブ");
        store.save(&other, "2026-11-22T09:03:00Z").wait().unwrap();
        let stale = titled(&s, "古い下書き");
        let text = crate::format::export_compact(&stale, "t");
        assert_eq!(
            store.apply_draft(&text, base, "2026-11-22T09:04:00Z").wait().unwrap(),
            DraftOutcome::KeptAsVersion { title: "古い下書き".into() }
        );
        assert_eq!(store.load(&s.id).wait().unwrap(), other);
        let kept = store.versions(&s.id).wait().unwrap();
        assert_eq!((kept[0].reason, kept[0].title.as_str()), (VersionReason::KeptFromTab, "古い下書き"));
        assert!(store.apply_draft("{oops", base, "t").wait().is_err());
    }

    #[test]
    fn local_storage_keeps_no_history_but_still_checks_revisions() {
        let store = Store::new(LocalLike(MemoryBackend::new()));
        let s = sample("第1版");
        let base = store.save_as(&s, "t1", VersionReason::Saved).wait().unwrap();
        store.save(&titled(&s, "第2版"), "t2").wait().unwrap();
        assert!(store.versions(&s.id).wait().unwrap().is_empty());
        assert!(!store.keeps_history());
        assert!(matches!(store.save_over(&s, "t3", base).wait(), Err(StorageError::Conflict { .. })));
    }
}
