//! Bringing many towns' files into a region at once: picked or dropped files, a
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
//! The good files come in whatever the bad ones are. The region is saved as it grows, every
//! [`GROUP`] towns, beside a log (`storage::IntakeLog`) that names the new strategies before
//! they are stored: a bring-in left half-way is listed at the next start, and kept or undone
//! as a whole (`super::unfinished`).

use crate::format::{self, Changes, ImportError, Imported, Opened, RegionRead};
use crate::model::region::Region;
use crate::model::{Id, Strategy};
use crate::session::Notice;
use crate::storage::{Backend, IntakeLog, StorageError, Store};
use std::collections::{HashSet, VecDeque};

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
pub struct BringInTally {
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
    pub fn tally(&self) -> BringInTally {
        let mut t = BringInTally::default();
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

/// How many towns a bring-in looks at between two writes of its log ([`IntakeLog`]): each
/// write names the new strategies of the next ones, saves the region as it is so far, and
/// shows it is alive.
const GROUP: usize = 25;

/// A file read, before its strategies are brought in (a group of files is read first, so that
/// the log can name the strategies they hold before any is stored).
pub(super) enum Read {
    Strategy(Box<Imported>),
    Backup(Vec<Imported>),
    Region(RegionRead),
    Refused(ImportError),
}

impl Read {
    pub(super) fn of(bytes: &[u8]) -> Read {
        match format::open(bytes) {
            Ok(Opened::Strategy(imported)) => Read::Strategy(Box::new(imported)),
            Ok(Opened::Everything(all)) => Read::Backup(all.strategies),
            // `open` tells a region file by the format it names and leaves its reading here.
            Ok(Opened::Region) => match format::open_region(bytes) {
                Ok(read) => Read::Region(read),
                Err(e) => Read::Refused(e),
            },
            Err(e) => Read::Refused(e),
        }
    }

    /// The ids of the strategies it holds.
    fn ids(&self) -> Vec<&Id> {
        match self {
            Read::Strategy(i) => vec![&i.strategy.id],
            Read::Backup(all) => all.iter().map(|i| &i.strategy.id).collect(),
            Read::Region(r) => r.towns.iter().flatten().map(|i| &i.strategy.id).collect(),
            Read::Refused(_) => Vec::new(),
        }
    }
}

/// What a bring-in works with: the store, the ids stored here (read once, kept up to date as
/// towns are stored), the region it adds towns to, and its log.
pub(super) struct Intake<'a, B: Backend> {
    store: &'a Store<B>,
    stored: HashSet<Id>,
    pub(super) region: Region,
    now: &'a str,
    log: IntakeLog,
    /// `log.adding`, to look up.
    logged: HashSet<Id>,
    /// Strategies known to come next: the next write of the log names those not stored.
    ahead: VecDeque<Id>,
    /// Towns looked at since the log was last written.
    since_written: usize,
    /// The region as last stored (`None`: not stored yet).
    pub(super) saved: Option<Region>,
    cancel: Cancel,
}

/// Stops a running bring-in (the progress bar's 「取り消す」): it stops before its next town
/// and undoes what it did, as a whole (`super::unfinished::undo`). Clones share the request.
#[derive(Clone, Debug, Default)]
pub struct Cancel(std::rc::Rc<std::cell::Cell<bool>>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.set(true);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.get()
    }
}

impl<'a, B: Backend> Intake<'a, B> {
    /// `before`: the region as stored (`None`: the bring-in creates it).
    pub(super) async fn new(
        store: &'a Store<B>,
        region: Region,
        before: Option<Region>,
        now: &'a str,
        cancel: &Cancel,
    ) -> Result<Self, StorageError> {
        // Which ids are stored, from the list (one read) rather than one failed load per new
        // town, each of which would reconcile the strategy list again.
        let stored = store.list().await?.into_iter().map(|s| s.id).collect();
        let log = IntakeLog {
            region: region.id.clone(),
            region_name: region.name.clone(),
            region_before: before.clone(),
            adding: Vec::new(),
            total: 0,
            beat: 0,
            started_at: now.to_owned(),
        };
        let (logged, ahead) = (HashSet::new(), VecDeque::new());
        let cancel = cancel.clone();
        Ok(Intake { store, stored, region, now, log, logged, ahead, since_written: 0, saved: before, cancel })
    }

    /// Brings in files as picked, a group at a time (`progress(done, total)` after each file).
    pub(super) async fn files(
        &mut self,
        files: Vec<(String, Vec<u8>)>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Vec<FileOutcome> {
        let total = files.len();
        self.count(total);
        let mut outcomes = Vec::with_capacity(total);
        let mut files = files.into_iter();
        loop {
            let group: Vec<(String, Read)> = files.by_ref().take(GROUP).map(|(f, b)| (f, Read::of(&b))).collect();
            if group.is_empty() {
                return outcomes;
            }
            for (_, read) in &group {
                self.expect(read.ids());
            }
            for (file, read) in group {
                if self.cancel.is_cancelled() {
                    return outcomes;
                }
                outcomes.push(self.file(file, read).await);
                progress(outcomes.len(), total);
            }
        }
    }

    /// How many files (or a region file's towns) the bring-in has, as the log says it.
    fn count(&mut self, total: usize) {
        self.log.total = total;
    }

    /// Strategies that come next (the new ones are named by the log before they are stored).
    fn expect<'i>(&mut self, ids: impl IntoIterator<Item = &'i Id>) {
        for id in ids {
            if !self.stored.contains(id) {
                self.ahead.push_back(id.clone());
            }
        }
    }

    /// Brings in each strategy of one file read.
    async fn file(&mut self, file: String, read: Read) -> FileOutcome {
        let read = match read {
            Read::Strategy(imported) => FileRead::Strategy(self.town(*imported).await),
            Read::Backup(all) => {
                let mut towns = Vec::with_capacity(all.len());
                for imported in all {
                    towns.push(self.town(imported).await);
                }
                FileRead::Backup(towns)
            }
            Read::Region(read) => {
                let name = read.region.name.clone();
                let total = read.towns.len();
                let towns = self.region_file(read.region, read.towns.into_iter(), total, None).await;
                FileRead::Region { name, towns }
            }
            Read::Refused(e) => FileRead::Refused(e),
        };
        FileOutcome { file, read }
    }

    /// Brings in a region file's `total` towns, read a group at a time from `read` (a large
    /// file is read town by town, between the saves: see `format::RegionTowns`; `progress`
    /// before the first and after each, when it is the bring-in's one file), then `region`'s
    /// hand-made matches of the towns that came in, where the region has none for that
    /// indicator. Stops before the next town when cancelled.
    pub(super) async fn region_file(
        &mut self,
        region: Region,
        mut read: impl Iterator<Item = Result<Imported, ImportError>>,
        total: usize,
        mut progress: Option<&mut dyn FnMut(usize, usize)>,
    ) -> Vec<TownOutcome> {
        let mut towns = Vec::with_capacity(total);
        if progress.is_some() {
            self.count(total);
        }
        loop {
            let group: Vec<_> = read.by_ref().take(GROUP).collect();
            if group.is_empty() {
                break;
            }
            self.expect(group.iter().flatten().map(|i| &i.strategy.id));
            for town in group {
                if let Some(progress) = progress.as_mut() {
                    progress(towns.len(), total);
                }
                if self.cancel.is_cancelled() {
                    return towns;
                }
                towns.push(match town {
                    Ok(imported) => self.town(imported).await,
                    Err(e) => TownOutcome::Unreadable(e),
                });
            }
        }
        if let Some(progress) = progress.as_mut() {
            progress(total, total);
        }
        let came_in: HashSet<&Id> = towns.iter().filter_map(TownOutcome::is_member).collect();
        for m in region.matches {
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
                    changes: format::count_changes(&stored, &imported.strategy),
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
        self.since_written += 1;
        if self.since_written >= GROUP {
            self.write_log(None).await;
        }
        outcome
    }

    async fn add(&mut self, imported: Imported) -> TownOutcome {
        let town = TownRef::of(&imported.strategy);
        if !self.logged.contains(&town.id) {
            self.write_log(Some(&town.id)).await;
        }
        match self.store.save_imported(&imported, self.now).await {
            Ok(_) => {
                self.stored.insert(town.id.clone());
                TownOutcome::Added(town)
            }
            Err(error) => TownOutcome::NotStored { town, error },
        }
    }

    /// Writes the log, naming `next` and the new strategies of the next group, after saving
    /// the region as it is so far. Best effort: a bring-in goes on when storage refuses these
    /// writes (the strategies' own saves then say why).
    async fn write_log(&mut self, next: Option<&Id>) {
        let mut next = next.cloned();
        let mut named = 0;
        while named < GROUP {
            let Some(id) = next.take().or_else(|| self.ahead.pop_front()) else { break };
            if !self.stored.contains(&id) && self.logged.insert(id.clone()) {
                self.log.adding.push(id);
                named += 1;
            }
        }
        // The region so far: a region file's region names all its towns, and only those
        // stored (or towns before) are its towns yet.
        let mut so_far = self.region.clone();
        let before = self.log.region_before.as_ref().map_or(&[][..], |r| &r.members[..]);
        so_far.members.retain(|m| self.stored.contains(m) || before.contains(m));
        if self.saved.as_ref() != Some(&so_far) && self.store.save_region(&so_far, self.now).await.is_ok() {
            self.saved = Some(so_far);
        }
        self.log.beat += 1;
        self.since_written = 0;
        let _ = self.store.write_intake_log(&self.log).await;
    }

    /// Ends the bring-in: saves the region when it changed (always when it is new) and removes
    /// the log. Cancelled: undoes it as a whole instead, and `Err` says what that did.
    pub(super) async fn finish(mut self, files: Vec<FileOutcome>) -> Result<BroughtIn, Notice> {
        if self.cancel.is_cancelled() {
            if self.log.beat == 0 && self.saved == self.log.region_before {
                // Nothing stored yet: nothing to undo.
                return Err(Notice::BringInUndone { region: self.region.name, removed: 0, kept: 0 });
            }
            self.write_log(None).await;
            return Err(super::unfinished::undo(self.store, self.now).await.unwrap_or_else(|refused| refused));
        }
        let saved = match &self.saved {
            Some(s) if *s == self.region => Ok(()),
            _ => self.store.save_region(&self.region, self.now).await,
        };
        if self.log.beat > 0 {
            let _ = self.store.end_intake_log().await;
        }
        Ok(BroughtIn { region: self.region, files, saved })
    }
}
