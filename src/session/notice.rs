//! What an action tells the user, as data: the session's actions and the UI's return it, and
//! `words::notice` puts it into words (Japanese or English).

use crate::format::ImportError;
use crate::model::Id;
use crate::storage::StorageError;

/// Something to tell the user, as data; `words::notice` puts it into words.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// `replaced`: the key of the backup of the version it replaced (undo restores it).
    Imported {
        title: String,
        as_copy: bool,
        migrated_from: Option<u64>,
        warnings: usize,
        replaced: Option<String>,
    },
    /// A file was merged with the stored strategy; `replaced`: the backup of the
    /// version before (undo restores it).
    Merged {
        title: String,
        taken: usize,
        kept: usize,
        conflicts: usize,
        replaced: Option<String>,
    },
    /// A merge that would not give a valid strategy: nothing was changed.
    MergeRefused {
        title: String,
        error: crate::model::merge::ResolveError,
    },
    /// A backup of everything was merged in.
    RestoredEverything(crate::storage::RestoreReport),
    ImportFailed {
        file: String,
        error: ImportError,
    },
    FileUnreadable {
        file: String,
        detail: String,
    },
    Deleted {
        title: String,
        backup_key: String,
    },
    /// A delete refused because storage has no room for the backup kept before it; the notice
    /// offers to download the strategy and then delete it without a backup.
    DeleteNeedsRoom {
        id: Id,
        title: String,
    },
    /// Deleted without a backup, after it was downloaded as `file`.
    DeletedAfterExport {
        title: String,
        file: String,
    },
    Restored {
        title: String,
    },
    Exported {
        file: String,
    },
    Storage(StorageError),
    Download(String),
    /// A CSV was dropped where no strategy is open: CSV values go into an open strategy.
    CsvNeedsStrategy {
        file: String,
    },
    /// Another tab saved the open strategy while this one had changes waiting: the notice
    /// offers to take the other tab's version or keep this one. `by`: the member whose changes
    /// the shared folder's sync took in when that is what was saved, not a tab.
    TabConflict {
        title: String,
        by: Option<String>,
    },
    /// The open strategy's shared folder, kept from an earlier visit, needs the
    /// browser's permission again: asked in a click (the notice's button).
    FolderNeedsPermission {
        folder: String,
    },
    /// Another tab deleted the open strategy: this tab no longer saves it. `backup_key`: the
    /// deletion's backup (undo restores it); `waiting`: this tab has changes not saved, which
    /// the user may keep as a new strategy.
    DeletedElsewhere {
        title: String,
        backup_key: Option<String>,
        waiting: bool,
    },
    /// The open strategy's change could not be saved: storage is full. What holds the room
    /// (`usage`, when it could be read) says what deleting would free; the change stays in the
    /// tab (export offered), and is saved again by itself once there is room.
    StorageFull {
        title: String,
        room: Option<SpaceUse>,
    },
    /// The strategy moved on to the stage `to`; the draft it had is kept in the history as
    /// `kept` (「素案（令和8年11月）」).
    StageMoved {
        kept: String,
        to: crate::model::DraftingStage,
    },
    /// Every kept version was deleted, to make room.
    VersionsDiscarded {
        count: usize,
    },
    /// A change left unsaved on closing, of a strategy deleted meanwhile (another tab): kept as
    /// a backup (restorable), not stored again.
    DraftKeptAsBackup {
        title: String,
    },
    /// Another tab deleted the region open here; `backup_key`: its region backup (undo).
    RegionDeletedElsewhere {
        name: String,
        backup_key: Option<String>,
    },
    /// The other tab's version of `title` was opened; `kept`: this tab's is in the version
    /// history (also said at start for a change left unsaved on closing).
    TookOtherTab {
        kept: bool,
        title: String,
    },
    /// The data of an earlier release was moved from `localStorage` into IndexedDB.
    MovedToIndexedDb(crate::storage::Moved),
    /// Towns' files were brought into a region: how many of each outcome; each
    /// file's own outcome is listed on the region's page.
    RegionBroughtIn {
        region: String,
        tally: crate::session::region::BringInTally,
    },
    /// A region was deleted; its towns stay stored. `backup_key`: the region backup (undo
    /// restores it).
    RegionDeleted {
        name: String,
        backup_key: String,
    },
    RegionRestored {
        name: String,
    },
    /// A town was taken out of a region; its strategy stays stored.
    RegionTownRemoved {
        region: String,
        town: String,
    },
    /// A region was downloaded as one file; `missing`: its towns not stored here (named in
    /// the file's region, without a strategy).
    RegionExported {
        file: String,
        missing: usize,
    },
    /// A bring-in of towns was left unfinished (the page closed or reloaded meanwhile; found at
    /// the next start): the region, how many files (or a region file's towns) it had, and the
    /// strategies it stored ("municipality title"). Keep or undo as a whole.
    BringInUnfinished {
        region: String,
        total: usize,
        stored: Vec<String>,
    },
    /// The unfinished bring-in was undone: strategies removed; `kept`: changed since, kept.
    BringInUndone {
        region: String,
        removed: usize,
        kept: usize,
    },
    /// What the unfinished bring-in stored was kept: `towns` strategies are the region's towns.
    BringInKept {
        region: String,
        towns: usize,
    },
    /// The unfinished bring-in had been kept or undone meanwhile (another tab).
    BringInDecided,
    /// A region file was opened as a region (new, or added to the stored one with its id):
    /// how many of each outcome, and every reading error with its file's name.
    RegionOpened {
        region: String,
        tally: crate::session::region::BringInTally,
        errors: Vec<(String, ImportError)>,
    },
}

/// What a notice does when the user goes to another page: the rule `ui::state` applies to every
/// page the user takes (a link, the navigation, the browser's back), not to where an action
/// itself leads (an import opens what it imported, and says so there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnLeaving {
    /// It only said what was done: it closes, instead of pushing every page down until 閉じる
    /// (on a phone it took half the screen).
    Close,
    /// It offers an undo, asks for a decision or says what failed: it stays until answered or
    /// closed.
    Stay,
}

impl Notice {
    /// Whether the notice closes when the user goes to another page (see [`OnLeaving`]).
    pub fn on_leaving(&self) -> OnLeaving {
        match self {
            Notice::Imported { replaced: None, .. }
            | Notice::Merged { replaced: None, .. }
            | Notice::DeletedAfterExport { .. }
            | Notice::Restored { .. }
            | Notice::Exported { .. }
            | Notice::StageMoved { .. }
            | Notice::VersionsDiscarded { .. }
            | Notice::TookOtherTab { .. }
            | Notice::MovedToIndexedDb(_)
            | Notice::RegionRestored { .. }
            | Notice::RegionTownRemoved { .. }
            | Notice::RegionExported { .. }
            | Notice::BringInUndone { .. }
            | Notice::BringInKept { .. }
            | Notice::BringInDecided => OnLeaving::Close,
            Notice::RestoredEverything(report) if report.error.is_none() => OnLeaving::Close,
            Notice::RegionBroughtIn { tally, .. } if tally.unreadable + tally.not_stored == 0 => OnLeaving::Close,
            Notice::RegionOpened { tally, errors, .. }
                if errors.is_empty() && tally.unreadable + tally.not_stored == 0 =>
            {
                OnLeaving::Close
            }
            Notice::Imported { replaced: Some(_), .. }
            | Notice::Merged { replaced: Some(_), .. }
            | Notice::MergeRefused { .. }
            | Notice::RestoredEverything(_)
            | Notice::ImportFailed { .. }
            | Notice::FileUnreadable { .. }
            | Notice::Deleted { .. }
            | Notice::DeleteNeedsRoom { .. }
            | Notice::Storage(_)
            | Notice::Download(_)
            | Notice::CsvNeedsStrategy { .. }
            | Notice::TabConflict { .. }
            | Notice::FolderNeedsPermission { .. }
            | Notice::DeletedElsewhere { .. }
            | Notice::StorageFull { .. }
            | Notice::DraftKeptAsBackup { .. }
            | Notice::RegionDeletedElsewhere { .. }
            | Notice::RegionBroughtIn { .. }
            | Notice::RegionDeleted { .. }
            | Notice::BringInUnfinished { .. }
            | Notice::RegionOpened { .. } => OnLeaving::Stay,
        }
    }
}

/// What holds the room of a full storage, as the storage-full notice says it (from
/// `storage::Usage`, without its list of backups).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpaceUse {
    pub version_count: usize,
    pub versions: usize,
    pub backup_count: usize,
    pub backups: usize,
    pub strategies: usize,
    pub largest_strategy: usize,
}

impl From<&crate::storage::Usage> for SpaceUse {
    fn from(u: &crate::storage::Usage) -> SpaceUse {
        SpaceUse {
            version_count: u.version_count,
            versions: u.versions,
            backup_count: u.backup_sizes.len(),
            backups: u.backups,
            strategies: u.strategies,
            largest_strategy: u.largest_strategy,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_that_only_reports_closes_on_leaving_and_one_that_offers_or_asks_stays() {
        let imported = |replaced: Option<&str>| Notice::Imported {
            title: "北本市".into(),
            as_copy: false,
            migrated_from: None,
            warnings: 0,
            replaced: replaced.map(str::to_owned),
        };
        let cases = [
            (Notice::Exported { file: "kitamoto.json".into() }, OnLeaving::Close),
            (
                Notice::StageMoved {
                    kept: "素案（令和8年11月）".into(), to: crate::model::DraftingStage::Draft
                },
                OnLeaving::Close,
            ),
            (imported(None), OnLeaving::Close),
            (imported(Some("backup/1")), OnLeaving::Stay), // its 元に戻す
            (Notice::Deleted { title: "北本市".into(), backup_key: "backup/2".into() }, OnLeaving::Stay),
            (Notice::Download("blocked".into()), OnLeaving::Stay),
            (Notice::TabConflict { title: "北本市".into(), by: None }, OnLeaving::Stay),
            (Notice::StorageFull { title: "北本市".into(), room: None }, OnLeaving::Stay),
            (Notice::BringInUnfinished { region: "管内".into(), total: 3, stored: vec![] }, OnLeaving::Stay),
        ];
        for (notice, expected) in cases {
            assert_eq!(notice.on_leaving(), expected, "{notice:?}");
        }
    }
}
