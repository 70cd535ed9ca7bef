//! The lineage of stored strategies (issue 19): which of their versions were shared with other
//! machines, so that a file coming back can be merged from the newest version both sides have.
//!
//! A version's fingerprint (`format::fingerprint`) is recorded when it is shared: written to a
//! file ([`Store::export_file`], which also pins it in the history as `Exported`) or taken from
//! one ([`Store::save_imported`], [`Store::replace`]). The head lists the shared versions the
//! current one descends from (`Head::lineage`); an export writes that list into the file, with
//! the newest of those versions whole when the strategy changed since. [`Store::common_base`]
//! finds, for an incoming file, the version to merge from.

use super::versions::{Head, Origin, VersionReason};
use super::{keys, Backend, Backup, StorageError, Store, Write};
use crate::format::{
    export_shared, export_with_lineage, fingerprint, prepend, Author, Fingerprinted, Imported, Lineage, LineageError,
};
use crate::model::{Id, Strategy};

/// At most this many versions without a recorded fingerprint (kept before this release) are
/// read to look for a file's ancestor.
const UNLABELLED_LOOKS: usize = 30;

impl Origin {
    /// A version read from a file: that version itself, descending from what the file says.
    pub fn of_file(strategy: &Strategy, lineage: Option<&Lineage>) -> Origin {
        Origin::of_fingerprint(fingerprint(strategy), lineage)
    }

    /// [`Origin::of_file`] where the file's strategy's fingerprint (`fp`) is known.
    pub fn of_fingerprint(fp: String, lineage: Option<&Lineage>) -> Origin {
        let rest = lineage.map(|l| l.versions.as_slice()).unwrap_or_default();
        Origin { lineage: prepend(Some(&fp), rest), fingerprint: Some(fp), merged_from: None }
    }
}

/// Where the version to merge from is, for a file whose strategy is stored here.
#[derive(Clone, Debug, PartialEq)]
pub enum Ancestor {
    /// The newest version both have: from this browser's history, or carried in the file.
    Found { base: Box<Strategy>, in_file: bool },
    /// Neither this browser nor the file has a version both descend from.
    NotFound,
    /// The file carries a base that is not what it says it is: the merge is refused.
    Mismatch(LineageError),
}

impl<B: Backend> Store<B> {
    /// The file text for stored strategy `id`, with its lineage, and the version it holds; the
    /// version is recorded as shared (pinned in the history once it is replaced, so that a file
    /// coming back can be merged from it).
    pub async fn export_file(&self, id: &Id, now: &str) -> Result<(String, Strategy), StorageError> {
        self.write_out(id, now, VersionReason::Exported, None, &[]).await
    }

    /// The file text for stored strategy `id` as a member's own file in a shared folder (issue
    /// 46): [`Store::export_file`] naming `author`, and the version it holds recorded as shared
    /// by a [`VersionReason::Synced`] write, which thinning may drop (the folder is written every
    /// few minutes). The file carries, whole, the newest shared version the strategy changed
    /// since, looked for in the history and then among `known` (the folder's files as read,
    /// this member's own last file among them: the history may have thinned it away).
    pub async fn shared_file(
        &self,
        id: &Id,
        now: &str,
        author: &Author,
        known: &[&Fingerprinted],
    ) -> Result<(String, Strategy), StorageError> {
        self.write_out(id, now, VersionReason::Synced, Some(author), known).await
    }

    async fn write_out(
        &self,
        id: &Id,
        now: &str,
        mark: VersionReason,
        author: Option<&Author>,
        known: &[&Fingerprinted],
    ) -> Result<(String, Strategy), StorageError> {
        let mut tries = 0;
        loop {
            let (head, head_text) = self.read_head(id).await?;
            let current = self.load(id).await?;
            let fp = fingerprint(&current);
            let base = match head.lineage.first() {
                Some(newest) if *newest != fp => match self.shared_version(id, &head, newest).await {
                    Some(found) => Some(found),
                    None => known
                        .iter()
                        .find(|k| k.strategy.id == current.id && k.fingerprint == *newest)
                        .map(|k| k.strategy.clone()),
                },
                _ => None,
            };
            let lineage = Lineage { versions: head.lineage.clone(), base };
            let text = match author {
                Some(author) => export_shared(&current, now, &lineage, author),
                None => export_with_lineage(&current, now, &lineage),
            };
            let mut marked = head;
            marked.lineage = prepend(Some(&fp), &marked.lineage);
            if marked.reason == VersionReason::Saved {
                marked.reason = mark;
            }
            marked.fingerprint = Some(fp);
            let batch = vec![
                Write::Expect { key: keys::head(id), value: head_text },
                Write::put(keys::head(id), super::store::to_json(&marked)?),
            ];
            match self.backend.apply(batch).await {
                // Another tab saved in between: export what is stored now.
                Err(StorageError::Conflict { .. }) if tries < 3 => tries += 1,
                Err(e) => return Err(e),
                Ok(()) => return Ok((text, current)),
            }
        }
    }

    /// The kept version (or the current one) whose fingerprint is `fp`.
    async fn shared_version(&self, id: &Id, head: &Head, fp: &str) -> Option<Strategy> {
        if head.fingerprint.as_deref() == Some(fp) {
            return self.load(id).await.ok();
        }
        let seq = head.versions.iter().rev().find(|v| v.fingerprint.as_deref() == Some(fp))?.seq;
        self.version(id, seq).await.ok()
    }

    /// Stores a strategy read from a file under its own id (no strategy with that id is here),
    /// as the version the file holds.
    pub async fn save_imported(&self, imported: &Imported, now: &str) -> Result<u64, StorageError> {
        let origin = Origin::of_file(&imported.strategy, imported.lineage.as_ref());
        self.save_from(&imported.strategy, now, VersionReason::Imported, Some(&origin)).await
    }

    /// The version to merge `file` (whose strategy is stored here) from: the newest version in
    /// this browser's history that the file's strategy is or descends from; otherwise the base
    /// the file carries. A carried base that is not what the file says it is refuses the merge.
    pub async fn common_base(&self, file: &Imported) -> Result<Ancestor, StorageError> {
        let theirs = &file.strategy;
        let carried = match &file.lineage {
            Some(lineage) => match lineage.checked_base(theirs) {
                Ok(base) => base,
                Err(e) => return Ok(Ancestor::Mismatch(e)),
            },
            None => None,
        };
        let wanted = prepend(
            Some(&fingerprint(theirs)),
            file.lineage.as_ref().map(|l| l.versions.as_slice()).unwrap_or_default(),
        );
        let head = self.head(&theirs.id).await?;
        // The current version and the kept ones, newest first.
        if head.fingerprint.as_ref().is_some_and(|fp| wanted.contains(fp)) {
            return Ok(Ancestor::Found { base: Box::new(self.load(&theirs.id).await?), in_file: false });
        }
        for v in head.versions.iter().rev() {
            if v.fingerprint.as_ref().is_some_and(|fp| wanted.contains(fp)) {
                if let Ok(base) = self.version(&theirs.id, v.seq).await {
                    return Ok(Ancestor::Found { base: Box::new(base), in_file: false });
                }
            }
        }
        if let Some(base) = carried {
            return Ok(Ancestor::Found { base: Box::new(base.clone()), in_file: true });
        }
        // Versions kept before fingerprints were recorded: read and compare a few.
        let mut unlabelled = Vec::new();
        if head.fingerprint.is_none() {
            unlabelled.push(None);
        }
        unlabelled.extend(head.versions.iter().rev().filter(|v| v.fingerprint.is_none()).map(|v| Some(v.seq)));
        for seq in unlabelled.into_iter().take(UNLABELLED_LOOKS) {
            let version = match seq {
                None => self.load(&theirs.id).await,
                Some(seq) => self.version(&theirs.id, seq).await,
            };
            if let Ok(base) = version {
                if wanted.contains(&fingerprint(&base)) {
                    return Ok(Ancestor::Found { base: Box::new(base), in_file: false });
                }
            }
        }
        Ok(Ancestor::NotFound)
    }

    /// Stores the merge of this browser's version and `file`'s as the new current version
    /// (`Merged`, pinned), after a backup of the version it replaces (which the history keeps
    /// too): the merge can be undone. It descends from both sides' shared versions.
    pub async fn save_merged(
        &self,
        merged: &Strategy,
        file: &Imported,
        now: &str,
    ) -> Result<Option<Backup>, StorageError> {
        let head = self.head(&merged.id).await?;
        let theirs = Origin::of_file(&file.strategy, file.lineage.as_ref());
        let origin = Origin {
            fingerprint: None,
            lineage: prepend(None, &[theirs.lineage, head.lineage].concat()),
            merged_from: None,
        };
        self.replace_as(merged, now, VersionReason::Merged, &origin).await
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{import, read};
    use crate::model::merge::{merge, Side};
    use crate::model::{template, FiscalYear, PlanPeriod};
    use crate::storage::MemoryBackend;
    use crate::testing::Wait;

    fn laptop() -> Store<MemoryBackend> {
        Store::new(MemoryBackend::new())
    }

    fn sample() -> Strategy {
        template::from_second_period("戦略", "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
    }

    fn edited(s: &Strategy, edit: impl FnOnce(&mut Strategy)) -> Strategy {
        let mut s = s.clone();
        edit(&mut s);
        s
    }

    fn file(text: &str) -> Imported {
        read(text).unwrap()
    }

    /// Two laptops start from one file, each edits, one sends its file back: the other finds
    /// the version both started from in its own history, merges, and its next file lets the
    /// first laptop merge from the version it sent.
    #[test]
    fn two_laptops_merge_from_the_version_they_shared_back_and_forth() {
        let (a, b) = (laptop(), laptop());
        let s0 = sample();
        a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
        let (text0, exported) = a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap();
        assert_eq!(exported, s0);
        assert_eq!(file(&text0).lineage, Some(Lineage::default()), "the first file descends from nothing shared");
        b.save_imported(&file(&text0), "2026-11-23T09:02:00Z").wait().unwrap();

        let a1 = edited(&s0, |s| s.title = "Aの題名".into());
        a.save(&a1, "2026-11-23T10:00:00Z").wait().unwrap();
        let b1 = edited(&s0, |s| s.municipality.name = "Bの市".into());
        b.save(&b1, "2026-11-23T10:00:00Z").wait().unwrap();
        let (text1, _) = b.export_file(&s0.id, "2026-11-23T10:05:00Z").wait().unwrap();
        let from_b = file(&text1);
        let lineage = from_b.lineage.clone().unwrap();
        assert_eq!(lineage.versions, [fingerprint(&s0)]);
        assert_eq!(lineage.base.as_ref(), Some(&s0), "changed since: the shared version travels whole");

        let Ancestor::Found { base, in_file } = a.common_base(&from_b).wait().unwrap() else { panic!() };
        assert_eq!((&*base, in_file), (&s0, false), "A kept the version it exported");
        let m = merge(&base, &a1, &from_b.strategy);
        assert!(m.conflicts.is_empty());
        let merged = m.resolve_all(Side::Ours).unwrap();
        assert_eq!((merged.title.as_str(), merged.municipality.name.as_str()), ("Aの題名", "Bの市"));
        let backup = a.save_merged(&merged, &from_b, "2026-11-23T10:10:00Z").wait().unwrap();
        assert_eq!(a.backup_strategy(&backup.unwrap().key).wait().unwrap(), a1, "the merge can be undone");
        assert_eq!(a.head(&s0.id).wait().unwrap().reason, VersionReason::Merged);

        // B edits on, then takes A's merged file: it merges from the version it sent.
        let b2 = edited(&b1, |s| s.period.last = FiscalYear(2025));
        b.save(&b2, "2026-11-23T11:00:00Z").wait().unwrap();
        let (text2, _) = a.export_file(&s0.id, "2026-11-23T11:05:00Z").wait().unwrap();
        let from_a = file(&text2);
        assert_eq!(from_a.lineage.as_ref().unwrap().versions[0], fingerprint(&b1));
        let Ancestor::Found { base, in_file } = b.common_base(&from_a).wait().unwrap() else { panic!() };
        assert_eq!((&*base, in_file), (&b1, false));
        let again = merge(&base, &b2, &from_a.strategy).resolve_all(Side::Ours).unwrap();
        assert_eq!((again.title.as_str(), again.period.last), ("Aの題名", FiscalYear(2025)));
    }

    /// A merge undone (its backup restored) or an older version brought back must not keep the
    /// merged-in file's versions as its ancestors: a later file would be merged from a version
    /// this one does not contain, and the other laptop's edits would look removed.
    #[test]
    fn undoing_a_merge_forgets_the_versions_it_brought_in() {
        let (a, b) = (laptop(), laptop());
        let s0 = sample();
        a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
        b.save_imported(&file(&a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap().0), "t").wait().unwrap();
        let b1 = edited(&s0, |s| s.municipality.name = "Bの市".into());
        b.save(&b1, "2026-11-23T10:00:00Z").wait().unwrap();
        let from_b = file(&b.export_file(&s0.id, "2026-11-23T10:01:00Z").wait().unwrap().0);
        let a1 = edited(&s0, |s| s.title = "A".into());
        a.save(&a1, "2026-11-23T10:02:00Z").wait().unwrap();
        let merged = merge(&s0, &a1, &from_b.strategy).resolve_all(Side::Ours).unwrap();
        let backup = a.save_merged(&merged, &from_b, "2026-11-23T10:03:00Z").wait().unwrap().unwrap();
        assert!(a.head(&s0.id).wait().unwrap().lineage.contains(&fingerprint(&b1)));
        a.restore_backup(&backup.key, "2026-11-23T10:04:00Z").wait().unwrap();
        assert_eq!(a.load(&s0.id).wait().unwrap(), a1);
        assert!(
            !a.head(&s0.id).wait().unwrap().lineage.contains(&fingerprint(&b1)),
            "undone: B's version is not an ancestor"
        );
        // Nor when the version before the merge is brought back from the history.
        a.save_merged(&merged, &from_b, "2026-11-23T10:05:00Z").wait().unwrap();
        let before =
            a.versions(&s0.id).wait().unwrap().into_iter().find(|v| v.reason != VersionReason::Merged).unwrap();
        a.restore_version(&s0.id, before.seq, "2026-11-23T10:06:00Z").wait().unwrap();
        assert!(!a.head(&s0.id).wait().unwrap().lineage.contains(&fingerprint(&b1)));
    }

    #[test]
    fn a_browser_without_the_shared_version_merges_from_the_one_the_file_carries() {
        let (a, c) = (laptop(), laptop());
        let s0 = sample();
        a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
        a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap();
        a.save(&edited(&s0, |s| s.title = "A".into()), "2026-11-23T09:02:00Z").wait().unwrap();
        let from_a = file(&a.export_file(&s0.id, "2026-11-23T09:03:00Z").wait().unwrap().0);
        // C has the strategy from elsewhere (a USB copy of the stored data), with no history.
        c.save(&edited(&s0, |s| s.municipality.name = "C".into()), "2026-11-23T09:04:00Z").wait().unwrap();
        assert_eq!(
            c.common_base(&from_a).wait().unwrap(),
            Ancestor::Found { base: Box::new(s0.clone()), in_file: true }
        );
        // A base that is not the version the file names refuses the merge.
        let mut tampered = from_a.clone();
        tampered.lineage.as_mut().unwrap().base.as_mut().unwrap().title = "書き換え".into();
        assert_eq!(c.common_base(&tampered).wait().unwrap(), Ancestor::Mismatch(LineageError::BaseMismatch));
        // No lineage and nothing in common: nothing to merge from.
        let plain = import(&crate::format::export(&from_a.strategy, "t")).unwrap();
        assert_eq!(c.common_base(&plain).wait().unwrap(), Ancestor::NotFound);
    }

    #[test]
    fn an_exported_version_outlives_the_thinning_and_an_unlabelled_old_one_is_still_found() {
        let a = laptop();
        let s0 = sample();
        a.save(&s0, "2026-11-01T09:00:00Z").wait().unwrap();
        let from_a = file(&a.export_file(&s0.id, "2026-11-01T09:01:00Z").wait().unwrap().0);
        for (i, day) in ["02", "02", "03", "03"].iter().enumerate() {
            let s = edited(&s0, |s| s.title = format!("版{i}"));
            a.save(&s, &format!("2026-11-{day}T09:0{i}:00Z")).wait().unwrap();
        }
        let kept = a.versions(&s0.id).wait().unwrap();
        assert!(kept.iter().any(|v| v.reason == VersionReason::Exported && v.fingerprint.is_some()), "{kept:?}");
        assert_eq!(
            a.common_base(&from_a).wait().unwrap(),
            Ancestor::Found { base: Box::new(s0.clone()), in_file: false }
        );

        // A version kept by a release that recorded no fingerprints: read and recognised.
        let old = laptop();
        old.save(&s0, "2026-11-01T09:00:00Z").wait().unwrap();
        old.save(&edited(&s0, |s| s.title = "後".into()), "2026-11-01T09:05:00Z").wait().unwrap();
        let returning = import(&crate::format::export(&s0, "t")).unwrap();
        assert_eq!(old.common_base(&returning).wait().unwrap(), Ancestor::Found { base: Box::new(s0), in_file: false });
    }
}
