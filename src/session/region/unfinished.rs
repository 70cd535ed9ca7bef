//! A bring-in left unfinished: the page was closed, reloaded or crashed while towns
//! were coming into a region. Its log (`storage::IntakeLog`) names what it stored; at the next
//! start the user sees which strategies came in and either keeps them (the region gets the
//! towns stored so far; bringing the same files in again goes on where it stopped: the towns
//! already here count as such) or undoes the bring-in as a whole (those strategies removed,
//! the region as it was before).

use crate::model::region::Region;
use crate::session::Notice;
use crate::storage::{Backend, IntakeLog, StorageError, Store};

/// How long a page waits before it takes a log it found for one left unfinished: a bring-in
/// running in another tab writes its log at least every 25 towns, well within this.
pub const STILL_MS: i32 = 8_000;

/// The log read again `STILL_MS` after `first`: it is a bring-in left unfinished when it has
/// not moved (returned); one that moved is still running (elsewhere), and one gone has ended.
pub fn stopped(first: &IntakeLog, later: Option<IntakeLog>) -> Option<IntakeLog> {
    later.filter(|later| later.beat == first.beat && later.started_at == first.started_at)
}

/// The notice for a bring-in left unfinished: the region, how far it went, and the strategies
/// it stored (as the strategy list names them).
pub async fn left_unfinished<B: Backend>(store: &Store<B>, log: &IntakeLog) -> Notice {
    let list = store.list().await.unwrap_or_default();
    let stored = log
        .adding
        .iter()
        .filter_map(|id| list.iter().find(|s| &s.id == id))
        .map(|s| format!("{} {}", s.municipality, s.title).trim().to_owned())
        .collect();
    Notice::BringInUnfinished { region: log.region_name.clone(), total: log.total, stored }
}

/// Undoes the bring-in left unfinished as a whole: the strategies it stored are removed (one
/// changed since is kept, and said), and the region is put back as it was (a region it created
/// is removed). The log goes only when all of that was done; a failure leaves it for another try.
pub async fn undo<B: Backend>(store: &Store<B>, now: &str) -> Result<Notice, Notice> {
    let Some(log) = store.intake_log().await.map_err(Notice::Storage)? else { return Ok(nothing_left()) };
    let removed = store.remove_brought_in(&log.adding).await.map_err(Notice::Storage)?;
    match &log.region_before {
        Some(before) => {
            let mut region = before.clone();
            // Towns changed since they came in stay towns of the region.
            region.members.extend(removed.changed.iter().filter(|id| !before.members.contains(id)).cloned());
            store.save_region(&region, now).await.map_err(Notice::Storage)?
        }
        None if removed.changed.is_empty() => match store.delete_region(&log.region, now).await {
            Ok(backup) => store.discard_region_backup(&backup.key).await.map_err(Notice::Storage)?,
            Err(StorageError::NotFound { .. }) => {}
            Err(e) => return Err(Notice::Storage(e)),
        },
        None => {
            let mut region = stored_or_new(store, &log).await?;
            region.members.retain(|id| removed.changed.contains(id));
            store.save_region(&region, now).await.map_err(Notice::Storage)?
        }
    }
    store.end_intake_log().await.map_err(Notice::Storage)?;
    Ok(Notice::BringInUndone { region: log.region_name, removed: removed.count, kept: removed.changed.len() })
}

/// Keeps what the bring-in left unfinished stored: every strategy it stored becomes a town of
/// the region (stored anew from the log when the page left before storing it).
pub async fn keep<B: Backend>(store: &Store<B>, now: &str) -> Result<Notice, Notice> {
    let Some(log) = store.intake_log().await.map_err(Notice::Storage)? else { return Ok(nothing_left()) };
    let mut region = stored_or_new(store, &log).await?;
    // Towns named by a region file but never stored are no towns yet (those of the region
    // before stay, stored or not).
    let before = log.region_before.as_ref().map_or(&[][..], |r| &r.members[..]);
    let mut named = Vec::with_capacity(region.members.len());
    for id in std::mem::take(&mut region.members) {
        if before.contains(&id) || store.has(&id).await.map_err(Notice::Storage)? {
            named.push(id);
        }
    }
    region.members = named;
    let mut towns = 0;
    for id in &log.adding {
        if store.has(id).await.map_err(Notice::Storage)? {
            towns += 1;
            if !region.members.contains(id) {
                region.members.push(id.clone());
            }
        }
    }
    store.save_region(&region, now).await.map_err(Notice::Storage)?;
    store.end_intake_log().await.map_err(Notice::Storage)?;
    Ok(Notice::BringInKept { region: region.name, towns })
}

/// The region as stored; when the page left before storing it, a new one with the log's id
/// and name (and the default indicator codes).
async fn stored_or_new<B: Backend>(store: &Store<B>, log: &IntakeLog) -> Result<Region, Notice> {
    match store.load_region(&log.region).await {
        Ok(region) => Ok(region),
        Err(StorageError::NotFound { .. }) => {
            let mut region = Region::new(&log.region_name);
            region.id = log.region.clone();
            Ok(region)
        }
        Err(e) => Err(Notice::Storage(e)),
    }
}

/// Another tab has decided meanwhile.
fn nothing_left() -> Notice {
    Notice::BringInDecided
}
