//! A shared folder: the small interface the folder sync (`session::folder`) works
//! over — list the files, read one, write this member's own — and [`MemoryFolder`], a folder
//! held in memory (native tests, and the files of a folder read by hand through
//! `<input webkitdirectory>`). The browser's implementation over the File System Access API
//! (`FileSystemDirectoryHandle`) is `disk`; what the sync stores of the members' versions,
//! `taking`.
//!
//! The interface never deletes and never writes any file but the one it is asked to: nobody
//! writes another member's file.

#[cfg(target_arch = "wasm32")]
mod disk;
mod taking;
pub use taking::{Staged, TakenFrom, STAGED_BYTES};

#[cfg(target_arch = "wasm32")]
pub use disk::{
    folder_api_available, folder_test_delays, forget_folder, holding_lock, keep_folder, kept_folder, DiskFolder,
    Permission,
};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// One file the folder lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    /// Its size in bytes, as the folder says (a file too large is refused before it is read).
    pub bytes: u64,
    /// When it was last changed (milliseconds since 1970), where the folder says; `None`
    /// otherwise. A file whose size and time are what they were is not read again.
    pub modified: Option<u64>,
}

/// What went wrong with the folder itself (not with a file's content).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FolderError {
    /// The folder cannot be reached: the drive is gone, or permission was taken back.
    #[error("the folder cannot be reached: {detail}")]
    Unreachable { detail: String },
    /// One file cannot be read or written (locked, removed meanwhile, no room on the drive).
    #[error("{name}: {detail}")]
    File { name: String, detail: String },
}

/// A folder of files, asynchronous as the browser's is.
#[allow(async_fn_in_trait)] // reason: used on the page's one thread only, as `Backend`
pub trait Folder {
    /// Every file in the folder (not its subfolders), in no particular order.
    async fn list(&self) -> Result<Vec<FolderEntry>, FolderError>;
    /// A file's bytes.
    async fn read(&self, name: &str) -> Result<Vec<u8>, FolderError>;
    /// A file's first `bytes` bytes (all of it when it is shorter): its top, for a quiet poll.
    async fn read_start(&self, name: &str, bytes: usize) -> Result<Vec<u8>, FolderError>;
    /// Writes this member's own file whole (created, or replaced).
    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError>;
}

/// A folder in memory.
#[derive(Debug, Default)]
pub struct MemoryFolder {
    files: RefCell<BTreeMap<String, Vec<u8>>>,
    /// The names written through [`Folder::write`], in order (tests count the writes).
    written: RefCell<Vec<String>>,
    /// The names read through [`Folder::read`], in order.
    read: RefCell<Vec<String>>,
    /// The names whose start was read through [`Folder::read_start`], in order.
    started: RefCell<Vec<String>>,
    /// Each file's time of change (see `touch`).
    changes: RefCell<BTreeMap<String, u64>>,
    /// Files listed that cannot be read, with why (a file picked by hand that the browser
    /// would not read).
    unreadable: RefCell<BTreeMap<String, String>>,
}

impl MemoryFolder {
    pub fn new() -> MemoryFolder {
        MemoryFolder::default()
    }

    /// Puts a file in as another member (or the network drive) would.
    pub fn put(&self, name: &str, bytes: impl Into<Vec<u8>>) {
        self.files.borrow_mut().insert(name.to_owned(), bytes.into());
        self.touch(name);
    }

    /// Lists a file that cannot be read, saying why: reading it fails with that detail, as a
    /// folder's locked or vanished file does.
    pub fn put_unreadable(&self, name: &str, detail: &str) {
        self.unreadable.borrow_mut().insert(name.to_owned(), detail.to_owned());
        self.touch(name);
    }

    fn refuse(&self, name: &str) -> Option<FolderError> {
        let detail = self.unreadable.borrow().get(name)?.clone();
        Some(FolderError::File { name: name.to_owned(), detail })
    }

    /// A change's time: a count shared by every memory folder, so that a file put into a new
    /// folder (a folder read by hand again) never shows the time of another.
    fn touch(&self, name: &str) {
        static CLOCK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let now = CLOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.changes.borrow_mut().insert(name.to_owned(), now);
    }

    /// Takes a file out (a member who left, whose file was cleared away).
    pub fn take_out(&self, name: &str) -> Option<Vec<u8>> {
        self.files.borrow_mut().remove(name)
    }

    /// A file's bytes, if it is there.
    pub fn get(&self, name: &str) -> Option<Vec<u8>> {
        self.files.borrow().get(name).cloned()
    }

    /// Every file's name, sorted.
    pub fn names(&self) -> Vec<String> {
        self.files.borrow().keys().cloned().collect()
    }

    /// The names written through [`Folder::write`] since the folder was made, in order.
    pub fn writes(&self) -> Vec<String> {
        self.written.borrow().clone()
    }

    /// The names read through [`Folder::read`] since the folder was made, in order.
    pub fn reads(&self) -> Vec<String> {
        self.read.borrow().clone()
    }

    /// The names whose start was read through [`Folder::read_start`], in order.
    pub fn starts(&self) -> Vec<String> {
        self.started.borrow().clone()
    }
}

impl Folder for MemoryFolder {
    async fn list(&self) -> Result<Vec<FolderEntry>, FolderError> {
        let files = self.files.borrow();
        let changes = self.changes.borrow();
        let entry = |name: &String, bytes: usize| FolderEntry {
            name: name.clone(),
            bytes: bytes as u64,
            modified: changes.get(name).copied(),
        };
        let unreadable = self.unreadable.borrow();
        Ok(files.iter().map(|(name, b)| entry(name, b.len())).chain(unreadable.keys().map(|n| entry(n, 0))).collect())
    }

    async fn read(&self, name: &str) -> Result<Vec<u8>, FolderError> {
        self.read.borrow_mut().push(name.to_owned());
        if let Some(e) = self.refuse(name) {
            return Err(e);
        }
        self.get(name).ok_or_else(|| FolderError::File { name: name.to_owned(), detail: "not found".into() })
    }

    async fn read_start(&self, name: &str, bytes: usize) -> Result<Vec<u8>, FolderError> {
        self.started.borrow_mut().push(name.to_owned());
        if let Some(e) = self.refuse(name) {
            return Err(e);
        }
        let mut all =
            self.get(name).ok_or_else(|| FolderError::File { name: name.to_owned(), detail: "not found".into() })?;
        all.truncate(bytes);
        Ok(all)
    }

    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        self.files.borrow_mut().insert(name.to_owned(), bytes.to_vec());
        self.touch(name);
        self.written.borrow_mut().push(name.to_owned());
        Ok(())
    }
}

impl<F: Folder> Folder for std::rc::Rc<F> {
    async fn list(&self) -> Result<Vec<FolderEntry>, FolderError> {
        (**self).list().await
    }

    async fn read(&self, name: &str) -> Result<Vec<u8>, FolderError> {
        (**self).read(name).await
    }

    async fn read_start(&self, name: &str, bytes: usize) -> Result<Vec<u8>, FolderError> {
        (**self).read_start(name, bytes).await
    }

    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        (**self).write(name, bytes).await
    }
}
