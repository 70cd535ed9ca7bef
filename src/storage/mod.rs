//! Browser storage: the only code that touches IndexedDB, `localStorage` and `navigator.storage`.
//!
//! Architecture invariant: never panics — storage can be missing, full, or hold garbage — and
//! every failure is a typed [`StorageError`] the UI shows; nothing is silently dropped; a save
//! is one batch (one IndexedDB transaction).
//!
//! * [`Backend`] is an asynchronous string key-value store with atomic batches ([`Write`]):
//!   `IndexedDb` and `LocalStorage` in the browser (chosen by `BrowserStore::browser`, which moves
//!   an earlier release's `localStorage` data into IndexedDB first, see [`move_data`]),
//!   [`MemoryBackend`] for native tests and as the fallback when the browser refuses storage.
//! * [`Store`] keeps strategies, their version history and revision ([`Head`], `versions`),
//!   backups, unreadable leftovers ("garbage") and the preferences under the keys in [`keys`].
//!   Every text it stores is a `format::export` envelope, read back through `format::import`.
//! * Files in and out ([`Store::replace`], [`Store::export_everything`],
//!   [`Store::restore_everything`]): a stored version is backed up before it is replaced.
//! * Lineage (`lineage`): each version named by its content and its parents, the graph of those
//!   names (kept when old contents are thinned), written into every file, and the one rule that
//!   says how a file's version stands against the stored one and which version to merge from.
//! * Whatever is unreadable is renamed to a garbage key (kept, offered for download), never
//!   deleted; every delete is preceded by a backup; a write refused for lack of space leaves the
//!   previous version intact; a save over a revision another tab replaced is refused.
//! * Regions ([`Store::regions`], `regions`): a regional bureau's set of towns (stored strategies
//!   named by id), each under its own key; a deleted region is kept as a region backup.
//! * A bring-in of many towns logs what it stores ([`IntakeLog`]), so that one left unfinished
//!   is listed and undone at the next start.
//! * The shared folder: the [`Folder`] interface the folder sync works over (list,
//!   read, write one's own file; [`MemoryFolder`] in memory), and what the sync asks of the
//!   store (`folder::taking`: a member's version taken or merged, and undone; `lineage`: [`Ancestry`],
//!   [`Store::member_file`], one's own file).
//! * [`Store::usage`] says how much of `localStorage`'s limit strategies, backups and the rest hold.
//! * No clock inside: timestamps (`now`) come from the caller; only garbage found while reading
//!   is stamped by the clock given to the store ([`Store::with_clock`]).

mod ancestry;
mod backend;
mod backups;
#[cfg(target_arch = "wasm32")]
mod browser;
mod decode;
mod deleting;
#[cfg(target_arch = "wasm32")]
mod drafts;
mod error;
mod folder;
mod garbage;
mod index;
#[cfg(target_arch = "wasm32")]
mod indexed_db;
mod intake_log;
mod json_in;
mod json_out;
pub mod keys;
mod lineage;
#[cfg(target_arch = "wasm32")]
mod local;
mod migrate;
mod preferences;
mod regions;
mod store;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod transfer;
mod usage;
mod versions;
mod writing;

pub use ancestry::{Ancestry, KnownVersion, StoredPlace};
pub use backend::{Backend, BackendKind, MemoryBackend, Write};
pub use backups::{Backup, BackupReason};
#[cfg(target_arch = "wasm32")]
pub use browser::{
    ask_persistence, estimate, install_writer, persistence, write, BrowserBackend, BrowserStore, Estimate,
    OpenedStorage, Opening, Persistence, WriteTarget, Writer,
};
#[cfg(target_arch = "wasm32")]
pub use drafts::{
    drafts, drop_draft, drop_kept_preferences, keep_draft, keep_preferences, kept_preferences, KeptDraft,
};
pub use error::{StorageError, BROWSER_LIMIT_UNITS};
#[cfg(target_arch = "wasm32")]
pub use folder::{
    folder_api_available, folder_test_delays, forget_folder, holding_lock, keep_folder, kept_folder, DiskFolder,
    Permission,
};
pub use folder::{Folder, FolderEntry, FolderError, MemoryFolder, Staged, TakenFrom, STAGED_BYTES};
pub use garbage::GarbageEntry;
#[cfg(target_arch = "wasm32")]
pub use indexed_db::{IndexedDb, DATABASE as INDEXED_DB_NAME};
pub use intake_log::{IntakeLog, Removed};
pub use lineage::{file_version, file_version_written};
#[cfg(target_arch = "wasm32")]
pub use local::LocalStorage;
pub use migrate::{move_data, Moved};
pub use preferences::Preferences;
pub use regions::{RegionBackup, StoredRegion};
pub use store::{Prepared, Store, StrategySummary};
pub use transfer::RestoreReport;
pub use usage::{Usage, NEARLY_FULL_PERCENT};
pub use versions::{named_first, thin, DraftOutcome, Head, Named, Origin, StoredVersion, VersionReason};
