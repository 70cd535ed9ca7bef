//! A browser with nothing stored of a strategy (a new PC, a cleared profile) and a shared
//! folder: the strategies the folder holds members' files of, and one taken whole
//! from its most complete file, with its lineage, so that later merges find their base.

use super::files::read_file;
use super::names::{name_of, Name};
use super::reading::{RefusedFile, SyncError};
use super::sync::MemberFile;
use crate::history::FileVersion;
use crate::history::Graph;
use crate::model::{Id, Strategy, VersionId};
use crate::session::stopwatch::Untimed;
use crate::storage::{file_version, Backend, Folder, Store};

/// A strategy a folder holds members' files of, for a browser that has none of it.
#[derive(Clone, Debug, PartialEq)]
pub struct InFolder {
    pub id: Id,
    pub title: String,
    pub municipality: String,
    /// Its members' files that read, the most complete first ([`take_whole`] takes it).
    pub files: Vec<String>,
}

/// Every strategy the folder holds members' files of (each file read through the import's
/// checks), and the files that do not read.
pub async fn strategies_in<F: Folder>(folder: &F) -> Result<(Vec<InFolder>, Vec<RefusedFile>), SyncError> {
    let (reads, refused) = read_all(folder, None).await?;
    let mut out: Vec<InFolder> = Vec::new();
    for group in group_by_strategy(reads) {
        let first = &group[0].imported.strategy;
        out.push(InFolder {
            id: first.id.clone(),
            title: first.title.clone(),
            municipality: first.municipality.name.clone(),
            files: group.iter().map(|r| r.file.clone()).collect(),
        });
    }
    Ok((out, refused))
}

/// Every member's file that reads (of `only` this strategy, when given), and those that do not.
async fn read_all<F: Folder>(folder: &F, only: Option<&Id>) -> Result<(Vec<MemberFile>, Vec<RefusedFile>), SyncError> {
    let mut reads = Vec::new();
    let mut refused = Vec::new();
    for entry in folder.list().await.map_err(SyncError::Folder)? {
        let Name::Member { strategy, member } = name_of(&entry.name) else { continue };
        if only.is_some_and(|id| *id != strategy) {
            continue;
        }
        match read_file(folder, &entry, &member, &strategy, &Untimed).await {
            Ok(read) => reads.push(read),
            Err(r) => refused.push(r),
        }
    }
    Ok((reads, refused))
}

/// The files grouped by strategy, each group the most complete file first: the one whose
/// strategy is or descends from the most of the others', then the newest written.
fn group_by_strategy(reads: Vec<MemberFile>) -> Vec<Vec<MemberFile>> {
    let mut groups: Vec<Vec<MemberFile>> = Vec::new();
    for read in reads {
        match groups.iter_mut().find(|g| g[0].imported.strategy.id == read.imported.strategy.id) {
            Some(g) => g.push(read),
            None => groups.push(vec![read]),
        }
    }
    for group in &mut groups {
        let versions: Vec<FileVersion> = group.iter().map(|r| file_version(&r.imported)).collect();
        let ids: Vec<VersionId> = versions.iter().map(|v| v.id).collect();
        let holds = |v: &FileVersion, id: VersionId| Graph::of_nodes(&v.graph).reaches(&[v.id], id);
        let mut scored: Vec<(usize, MemberFile)> =
            group.drain(..).zip(&versions).map(|(r, v)| (ids.iter().filter(|id| holds(v, **id)).count(), r)).collect();
        crate::sorting::by(&mut scored, |(a, ra), (b, rb)| {
            b.cmp(a)
                .then_with(|| rb.imported.exported_at.cmp(&ra.imported.exported_at))
                .then_with(|| ra.file.cmp(&rb.file))
        });
        group.extend(scored.into_iter().map(|(_, r)| r));
    }
    groups
}

/// For a browser with nothing stored of strategy `id` (a new PC, a cleared profile): stores it
/// whole from the most complete member's file, as the version that file holds, with its
/// lineage — later merges with the others' files find their base. Returns the strategy and the
/// file it came from; `None` when no member's file of it reads.
pub async fn take_whole<B: Backend, F: Folder>(
    store: &Store<B>,
    folder: &F,
    id: &Id,
    now: &str,
) -> Result<Option<(Strategy, String)>, SyncError> {
    let (reads, _) = read_all(folder, Some(id)).await?;
    let Some(best) = group_by_strategy(reads).into_iter().next().and_then(|g| g.into_iter().next()) else {
        return Ok(None);
    };
    store.save_imported(&best.imported, now).await.map_err(SyncError::Storage)?;
    Ok(Some((best.imported.strategy, best.file)))
}
