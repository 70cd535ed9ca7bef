//! The regional bureau's flows over stored regions and strategies: create, rename,
//! delete (kept as a region backup, which [`restore`] brings back) a region; bring in many
//! towns' files at once ([`bring_in`]) or a whole region file ([`open_region_file`]); replace a
//! town by a newer file after the preview ([`replace_town`]); remove a town; set or clear a
//! hand-made indicator match; edit the indicator codes; load the towns; export the region as one
//! `shirube-region` file ([`export`]); which files of a dropped folder are read ([`folder_file`]);
//! a bring-in left unfinished, kept or undone at the next start ([`unfinished`]).
//!
//! Each flow loads the region as stored, changes it and saves it whole (a region is small), and
//! returns what happened as data — the region as saved, a [`BroughtIn`], a backup — or the
//! failure as a [`Notice`]. A refused save changes nothing. Nothing here deletes a strategy:
//! a town removed from a region, or a deleted region's towns, stay in the strategy list.

mod bring_in;
mod folder;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
pub mod unfinished;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod unfinished_tests;

pub use bring_in::{BringInTally, BroughtIn, Cancel, Differs, FileOutcome, FileRead, TownOutcome, TownRef};
pub use folder::{folder_file, FolderFile};

use super::import::{confirm, Choice, Confirmed};
use super::preview::SameId;
use super::Notice;
use crate::format::{self, Imported, Saved};
use crate::model::region::Region;
use crate::model::{Id, Strategy};
use crate::storage::{Backend, RegionBackup, StorageError, Store};
use bring_in::Intake;

/// Stores a new, empty region (the default indicator codes) and returns it.
pub async fn create<B: Backend>(store: &Store<B>, name: &str, now: &str) -> Result<Region, Notice> {
    let region = Region::new(name);
    store.save_region(&region, now).await.map_err(Notice::Storage)?;
    Ok(region)
}

pub async fn rename<B: Backend>(store: &Store<B>, id: &Id, name: String, now: &str) -> Result<Region, Notice> {
    change(store, id, now, |r| r.name = name).await
}

/// Deletes a region, keeping it as a region backup (returned: the UI offers undo with
/// [`restore`]). With no room for the backup, nothing is deleted. Its towns stay stored.
pub async fn delete<B: Backend>(store: &Store<B>, id: &Id, now: &str) -> Result<RegionBackup, Notice> {
    store.delete_region(id, now).await.map_err(Notice::Storage)
}

/// Brings a region backup back (a live region with its id is backed up first).
pub async fn restore<B: Backend>(store: &Store<B>, backup_key: &str, now: &str) -> Result<Region, Notice> {
    store.restore_region_backup(backup_key, now).await.map_err(Notice::Storage)
}

/// Deletes a region backup for good.
pub async fn discard_backup<B: Backend>(store: &Store<B>, key: &str) -> Result<(), Notice> {
    store.discard_region_backup(key).await.map_err(Notice::Storage)
}

/// Removes a town from the region; its strategy stays stored, and the hand-made matches of its
/// indicators stay with the region (they count again if the town is brought back).
pub async fn remove_town<B: Backend>(store: &Store<B>, id: &Id, town: &Id, now: &str) -> Result<Region, Notice> {
    change(store, id, now, |r| r.members.retain(|m| m != town)).await
}

/// Puts a town's indicator under a matched key by hand (`None`: keeps it out of every match);
/// see `Region::set_match`.
pub async fn set_match<B: Backend>(
    store: &Store<B>,
    id: &Id,
    strategy: &Id,
    indicator: &Id,
    key: Option<String>,
    now: &str,
) -> Result<Region, Notice> {
    change(store, id, now, |r| r.set_match(strategy, indicator, key)).await
}

/// Forgets the hand-made match of an indicator: the automatic rules decide again.
pub async fn clear_match<B: Backend>(
    store: &Store<B>,
    id: &Id,
    strategy: &Id,
    indicator: &Id,
    now: &str,
) -> Result<Region, Notice> {
    change(store, id, now, |r| r.clear_match(strategy, indicator)).await
}

/// Replaces the indicator names the region matches towns on (合計特殊出生率 …).
pub async fn set_indicator_codes<B: Backend>(
    store: &Store<B>,
    id: &Id,
    codes: Vec<String>,
    now: &str,
) -> Result<Region, Notice> {
    change(store, id, now, |r| r.indicator_codes = codes).await
}

/// Brings many files into region `id` at once (see `bring_in`): `files` are (name, bytes) as
/// picked or dropped; `progress(done, total)` is called before the first file and after each.
/// `Err` only when the region cannot be read; every file's outcome is in the [`BroughtIn`].
pub async fn bring_in<B: Backend>(
    store: &Store<B>,
    id: &Id,
    files: Vec<(String, Vec<u8>)>,
    now: &str,
    progress: impl FnMut(usize, usize),
) -> Result<BroughtIn, Notice> {
    bring_in_until(store, id, files, now, progress, &Cancel::default()).await
}

/// [`bring_in`], stopped by `cancel` (then undone as a whole: `Err` says what that did).
pub async fn bring_in_until<B: Backend>(
    store: &Store<B>,
    id: &Id,
    files: Vec<(String, Vec<u8>)>,
    now: &str,
    mut progress: impl FnMut(usize, usize),
    cancel: &Cancel,
) -> Result<BroughtIn, Notice> {
    let region = store.load_region(id).await.map_err(Notice::Storage)?;
    let mut intake = Intake::new(store, region.clone(), Some(region), now, cancel).await.map_err(Notice::Storage)?;
    progress(0, files.len());
    let outcomes = intake.files(files, &mut progress).await;
    intake.finish(outcomes).await
}

/// Opens a region file as a region (same id, name, codes, matches and towns): each town is
/// brought in as by [`bring_in`], `progress(done, total)` counting towns. When a region with
/// the file's id is stored already, the file's towns are added to it, and its hand-made
/// matches where the stored region has none for that indicator; its name and codes stay.
/// `Err` when the file cannot be read as a region file (nothing changed) or the stored region
/// cannot be read.
pub async fn open_region_file<B: Backend>(
    store: &Store<B>,
    file: &str,
    bytes: &[u8],
    now: &str,
    progress: impl FnMut(usize, usize),
) -> Result<BroughtIn, Notice> {
    open_region_file_until(store, file, bytes, now, progress, &Cancel::default()).await
}

/// [`open_region_file`], stopped by `cancel` (then undone as a whole: `Err` says what that
/// did). The towns' files are read one group at a time, between the saves.
pub async fn open_region_file_until<B: Backend>(
    store: &Store<B>,
    file: &str,
    bytes: &[u8],
    now: &str,
    mut progress: impl FnMut(usize, usize),
    cancel: &Cancel,
) -> Result<BroughtIn, Notice> {
    let read =
        format::open_region_towns(bytes).map_err(|error| Notice::ImportFailed { file: file.to_owned(), error })?;
    let (region, before) = match store.load_region(&read.region.id).await {
        Ok(stored) => (stored.clone(), Some(stored)),
        Err(StorageError::NotFound { .. } | StorageError::Garbage { .. }) => (read.region.clone(), None),
        Err(e) => return Err(Notice::Storage(e)),
    };
    let mut intake = Intake::new(store, region, before, now, cancel).await.map_err(Notice::Storage)?;
    let (name, total, file_region) = (read.region.name.clone(), read.total(), read.region.clone());
    let towns = intake.region_file(file_region, read, total, Some(&mut progress)).await;
    let outcome = FileOutcome { file: file.to_owned(), read: FileRead::Region { name, towns } };
    intake.finish(vec![outcome]).await
}

/// Replaces a stored town by the file's version the user confirmed in the preview (a
/// [`Differs`]'s `file`): the stored version is backed up first, and the notice carries the
/// backup's key (undo restores it). Returns the strategy now stored. A refused replace changes
/// nothing.
pub async fn replace_town<B: Backend>(
    store: &Store<B>,
    file: Imported,
    now: &str,
) -> Result<(Notice, Strategy), Notice> {
    match confirm(store, file, Choice::Replace, SameId::Stored, now).await? {
        Confirmed::InPlace { strategy, notice } => Ok((notice, strategy)),
        // Not reached with `exists`; kept total rather than assumed.
        Confirmed::Added { strategy, notice, saved } => saved.map(|_| (notice, strategy)).map_err(Notice::Storage),
    }
}

/// The region's towns as stored, in the region's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Towns {
    /// Each town's strategy and when it was last saved.
    pub strategies: Vec<(Strategy, String)>,
    /// Members not stored (deleted since, or unreadable — kept as garbage).
    pub missing: Vec<Id>,
}

/// Loads the region's towns (`progress(done, total)` before the first and after each).
pub async fn load_towns<B: Backend>(
    store: &Store<B>,
    region: &Region,
    mut progress: impl FnMut(usize, usize),
) -> Result<Towns, Notice> {
    let saved_at = store.list().await.map_err(Notice::Storage)?;
    let total = region.members.len();
    let mut towns = Towns { strategies: Vec::with_capacity(total), missing: Vec::new() };
    progress(0, total);
    for (done, id) in region.members.iter().enumerate() {
        match store.load(id).await {
            Ok(s) => {
                let at = saved_at.iter().find(|x| &x.id == id).map(|x| x.updated_at.clone()).unwrap_or_default();
                towns.strategies.push((s, at));
            }
            Err(StorageError::NotFound { .. } | StorageError::Garbage { .. }) => towns.missing.push(id.clone()),
            Err(e) => return Err(Notice::Storage(e)),
        }
        progress(done + 1, total);
    }
    Ok(towns)
}

/// A region file to download.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedRegion {
    pub text: String,
    pub region: Region,
    /// Members whose strategy is not stored: named in the file's region, without a file.
    pub missing: Vec<Id>,
}

/// The region as one `shirube-region` file: the region as stored and its towns' current
/// stored versions, each with when it was last saved.
pub async fn export<B: Backend>(store: &Store<B>, id: &Id, now: &str) -> Result<ExportedRegion, Notice> {
    let region = store.load_region(id).await.map_err(Notice::Storage)?;
    let towns = load_towns(store, &region, |_, _| {}).await?;
    let saved: Vec<Saved<'_>> =
        towns.strategies.iter().map(|(s, at)| Saved { strategy: s, saved_at: at.as_str() }).collect();
    let text = format::export_region(&region, &saved, now);
    Ok(ExportedRegion { text, region, missing: towns.missing })
}

/// Another tab wrote: when region `id` (open here) is no longer stored, what to tell this tab,
/// with the deletion's region backup (undo) when there is one.
pub async fn deleted_elsewhere<B: Backend>(store: &Store<B>, id: &Id) -> Option<Notice> {
    match store.load_region(id).await {
        Err(StorageError::NotFound { .. }) => {}
        _ => return None,
    }
    let backup = store.region_backups().await.ok().and_then(|all| {
        all.into_iter().find(|b| &b.region_id == id && b.reason == crate::storage::BackupReason::Deleted)
    });
    Some(match backup {
        Some(b) => Notice::RegionDeletedElsewhere { name: b.name, backup_key: Some(b.key) },
        None => Notice::RegionDeletedElsewhere { name: id.to_string(), backup_key: None },
    })
}

/// Loads region `id`, changes it and saves it; returns it as saved.
async fn change<B: Backend>(
    store: &Store<B>,
    id: &Id,
    now: &str,
    f: impl FnOnce(&mut Region),
) -> Result<Region, Notice> {
    let mut region = store.load_region(id).await.map_err(Notice::Storage)?;
    f(&mut region);
    store.save_region(&region, now).await.map_err(Notice::Storage)?;
    Ok(region)
}
