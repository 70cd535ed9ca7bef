//! Bringing many towns' files into a region at once (issue 21): picked or dropped files, a
//! folder, a backup of everything, a region file. Each file goes through the real reading
//! (`format::open`, `format::open_region`) and each strategy in it is one town:
//!
//! - new here → stored (as the version the file holds) and made a town of the region;
//! - stored here, identical → made a town of the region;
//! - stored here, different → made a town of the region as stored, and the file's version is
//!   **not** stored: it comes back as [`TownOutcome::NeedsPreview`] with what replacing would
//!   change, for the usual preview; [`super::replace_town`] then replaces it after a backup;
//! - a file (or a region file's entry) that cannot be read → its error, with the file's name.
//!
//! The good files come in whatever the bad ones are. The region is saved once, at the end.

use crate::format::{self, Changes, EnvelopeProblem, ImportError, Imported, Opened, RegionRead, REGION_FORMAT_NAME};
use crate::model::region::Region;
use crate::model::{Id, Strategy};
use crate::storage::{Backend, StorageError, Store};
use std::collections::HashSet;

/// A strategy as the outcome names it.
#[derive(Clone, Debug, PartialEq)]
pub struct TownRef {
    pub id: Id,
    pub title: String,
    pub municipality: String,
}

impl TownRef {
    pub fn of(s: &Strategy) -> TownRef {
        TownRef { id: s.id.clone(), title: s.title.clone(), municipality: s.municipality.name.clone() }
    }
}

/// A file's version of a strategy stored here with different content.
#[derive(Clone, Debug, PartialEq)]
pub struct Differs {
    /// The file's version, read and checked (for the preview, and for
    /// [`super::replace_town`]).
    pub file: Imported,
    /// The stored version, which stays until the user confirms.
    pub stored: TownRef,
    /// What replacing the stored version by the file's changes.
    pub changes: Changes,
}

/// What bringing in one strategy did.
#[derive(Clone, Debug, PartialEq)]
pub enum TownOutcome {
    /// New here: stored, and a town of the region.
    Added(TownRef),
    /// Stored here already, identical: a town of the region.
    AlreadyHere(TownRef),
    /// A different version of a strategy stored here: a town of the region as stored; the
    /// file's version waits for the preview.
    NeedsPreview(Box<Differs>),
    /// Storage refused to store it (e.g. full): not a town of the region.
    NotStored { town: TownRef, error: StorageError },
    /// An entry of a region file that could not be read (an `ImportError::InEntry` naming it).
    Unreadable(ImportError),
}

impl TownOutcome {
    /// The strategy is a town of the region now.
    fn is_member(&self) -> Option<&Id> {
        match self {
            TownOutcome::Added(t) | TownOutcome::AlreadyHere(t) => Some(&t.id),
            TownOutcome::NeedsPreview(d) => Some(&d.stored.id),
            TownOutcome::NotStored { .. } | TownOutcome::Unreadable(_) => None,
        }
    }
}

/// What one file held, and what came of it.
#[derive(Clone, Debug, PartialEq)]
pub enum FileRead {
    /// A strategy file: one town.
    Strategy(TownOutcome),
    /// A backup of everything (`shirube-backup`): each of its strategies is a town (the
    /// backups it keeps are not).
    Backup(Vec<TownOutcome>),
    /// A region file (`shirube-region`): its name, and its towns. Its hand-made indicator
    /// matches of those towns come too, where the region has none for that indicator.
    Region { name: String, towns: Vec<TownOutcome> },
    /// Refused as a whole: nothing of it came in.
    Refused(ImportError),
}

/// One file brought in: its name, as the user picked it, and what came of it.
#[derive(Clone, Debug, PartialEq)]
pub struct FileOutcome {
    pub file: String,
    pub read: FileRead,
}

impl FileOutcome {
    /// Each strategy of the file, and what came of it (none for a refused file).
    pub fn towns(&self) -> &[TownOutcome] {
        match &self.read {
            FileRead::Strategy(t) => std::slice::from_ref(t),
            FileRead::Backup(towns) | FileRead::Region { towns, .. } => towns,
            FileRead::Refused(_) => &[],
        }
    }
}

/// What bringing files in did.
#[derive(Clone, Debug, PartialEq)]
pub struct BroughtIn {
    /// The region with its new towns, as saved (or as it would have been: see `saved`).
    pub region: Region,
    /// Every file, in the order given.
    pub files: Vec<FileOutcome>,
    /// Saving the region. When storage refused it, the strategies stored on the way stay
    /// stored (in the strategy list) without being towns of the region; bringing the same
    /// files in again makes them towns (they are then "already here").
    pub saved: Result<(), StorageError>,
}

/// How many of each outcome, over all files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: usize,
    pub already_here: usize,
    /// Different versions waiting for the preview.
    pub to_confirm: usize,
    /// Strategies storage refused.
    pub not_stored: usize,
    /// Files refused as a whole, and region files' entries that could not be read.
    pub unreadable: usize,
}

impl BroughtIn {
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for f in &self.files {
            if let FileRead::Refused(_) = f.read {
                t.unreadable += 1;
            }
            for town in f.towns() {
                match town {
                    TownOutcome::Added(_) => t.added += 1,
                    TownOutcome::AlreadyHere(_) => t.already_here += 1,
                    TownOutcome::NeedsPreview(_) => t.to_confirm += 1,
                    TownOutcome::NotStored { .. } => t.not_stored += 1,
                    TownOutcome::Unreadable(_) => t.unreadable += 1,
                }
            }
        }
        t
    }

    /// Every reading error with its file's name: refused files, and region files' entries
    /// (whose error names the entry).
    pub fn errors(&self) -> impl Iterator<Item = (&str, &ImportError)> {
        self.files.iter().flat_map(|f| {
            let whole = match &f.read {
                FileRead::Refused(e) => Some((f.file.as_str(), e)),
                _ => None,
            };
            let entries = f.towns().iter().filter_map(move |t| match t {
                TownOutcome::Unreadable(e) => Some((f.file.as_str(), e)),
                _ => None,
            });
            whole.into_iter().chain(entries)
        })
    }

    /// The different versions waiting for the preview, with their file's name.
    pub fn to_confirm(&self) -> impl Iterator<Item = (&str, &Differs)> {
        self.files.iter().flat_map(|f| {
            f.towns().iter().filter_map(move |t| match t {
                TownOutcome::NeedsPreview(d) => Some((f.file.as_str(), &**d)),
                _ => None,
            })
        })
    }
}

/// What a bring-in works with: the store, the ids stored here (read once, kept up to date as
/// towns are stored), and the region it adds towns to.
pub(super) struct Intake<'a, B: Backend> {
    store: &'a Store<B>,
    stored: HashSet<Id>,
    pub(super) region: Region,
    now: &'a str,
}

impl<'a, B: Backend> Intake<'a, B> {
    pub(super) async fn new(store: &'a Store<B>, region: Region, now: &'a str) -> Result<Self, StorageError> {
        // Which ids are stored, from the list (one read) rather than one failed load per new
        // town, each of which would reconcile the strategy list again.
        let stored = store.list().await?.into_iter().map(|s| s.id).collect();
        Ok(Intake { store, stored, region, now })
    }

    /// Reads one file and brings in each strategy it holds.
    pub(super) async fn file(&mut self, file: String, bytes: &[u8]) -> FileOutcome {
        let read = match format::open(bytes) {
            Ok(Opened::Strategy(imported)) => FileRead::Strategy(self.town(imported).await),
            Ok(Opened::Everything(all)) => {
                let mut towns = Vec::with_capacity(all.strategies.len());
                for imported in all.strategies {
                    towns.push(self.town(imported).await);
                }
                FileRead::Backup(towns)
            }
            // `open` reads strategy and backup files; a region file is told by the format it
            // names (read once more: a region file comes one at a time, not by the hundred).
            Err(e) if is_region_file(&e) => match format::open_region(bytes) {
                Ok(read) => {
                    let name = read.region.name.clone();
                    FileRead::Region { name, towns: self.region_file(read, &mut |_, _| {}).await }
                }
                Err(e) => FileRead::Refused(e),
            },
            Err(e) => FileRead::Refused(e),
        };
        FileOutcome { file, read }
    }

    /// Brings in a region file's towns (`progress` after each), then its hand-made matches of
    /// the towns that came in, where the region has none for that indicator.
    pub(super) async fn region_file(
        &mut self,
        read: RegionRead,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Vec<TownOutcome> {
        let total = read.towns.len();
        let mut towns = Vec::with_capacity(total);
        progress(0, total);
        for (done, town) in read.towns.into_iter().enumerate() {
            towns.push(match town {
                Ok(imported) => self.town(imported).await,
                Err(e) => TownOutcome::Unreadable(e),
            });
            progress(done + 1, total);
        }
        let came_in: HashSet<&Id> = towns.iter().filter_map(TownOutcome::is_member).collect();
        for m in read.region.matches {
            let decided =
                self.region.matches.iter().any(|own| own.strategy == m.strategy && own.indicator == m.indicator);
            if came_in.contains(&m.strategy) && !decided {
                self.region.matches.push(m);
            }
        }
        towns
    }

    /// Brings in one strategy read from a file.
    async fn town(&mut self, imported: Imported) -> TownOutcome {
        let outcome = if self.stored.contains(&imported.strategy.id) {
            match self.store.load(&imported.strategy.id).await {
                Ok(stored) if stored == imported.strategy => TownOutcome::AlreadyHere(TownRef::of(&stored)),
                Ok(stored) => TownOutcome::NeedsPreview(Box::new(Differs {
                    changes: format::compare(&stored, &imported.strategy),
                    stored: TownRef::of(&stored),
                    file: imported,
                })),
                // Gone meanwhile, or unreadable (now kept as garbage): nothing to replace.
                Err(StorageError::NotFound { .. } | StorageError::Garbage { .. }) => self.add(imported).await,
                Err(error) => TownOutcome::NotStored { town: TownRef::of(&imported.strategy), error },
            }
        } else {
            self.add(imported).await
        };
        if let Some(id) = outcome.is_member() {
            if !self.region.members.contains(id) {
                self.region.members.push(id.clone());
            }
        }
        outcome
    }

    async fn add(&mut self, imported: Imported) -> TownOutcome {
        let town = TownRef::of(&imported.strategy);
        match self.store.save_imported(&imported, self.now).await {
            Ok(_) => {
                self.stored.insert(town.id.clone());
                TownOutcome::Added(town)
            }
            Err(error) => TownOutcome::NotStored { town, error },
        }
    }
}

/// `format::open`'s answer to a region file: a file of another format than the two it reads
/// (the strategy list's import sends such a file to [`super::open_region_file`]).
pub fn is_region_file(e: &ImportError) -> bool {
    matches!(e, ImportError::NotAnEnvelope { problem: EnvelopeProblem::WrongFormat { found }, .. } if found == REGION_FORMAT_NAME)
}
