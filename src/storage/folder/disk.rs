//! The shared folder on disk (wasm32 only): [`DiskFolder`], a [`Folder`] over the File
//! System Access API's `FileSystemDirectoryHandle` (Chrome and Edge, in a secure context), the
//! folder's handle kept per strategy in an IndexedDB database of its own (`shirube-folders`: an
//! open tab of an older release, which never opens it, is not blocked by its upgrade), the
//! permission asked again after a restart, and the one writer per browser (Web Locks). The
//! only code of the app that touches the folder API.
//!
//! `showDirectoryPicker`, `queryPermission`, `requestPermission` and `navigator.locks` are bound
//! by hand below: web-sys has them only behind `--cfg=web_sys_unstable_apis`, which would apply
//! to the whole build. Writes go through `createWritable()`: the browser writes
//! `<name>.crswap` beside the file and swaps it in on `close()`, so a reader never sees half a
//! file (a leftover `.crswap` after a crash is not a member's file and is not read).

use super::{Folder, FolderEntry, FolderError};
use crate::storage::local::describe;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetFileOptions, FileSystemHandleKind};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = window, js_name = showDirectoryPicker)]
    fn show_directory_picker(options: &JsValue) -> Result<Promise, JsValue>;

    /// A handle's permission methods (Chromium's; not in web-sys's stable set).
    #[wasm_bindgen(extends = Object)]
    type PermissionHandle;
    #[wasm_bindgen(method, catch, js_name = queryPermission)]
    fn query_permission(this: &PermissionHandle, descriptor: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = requestPermission)]
    fn request_permission(this: &PermissionHandle, descriptor: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["navigator", "locks"], js_name = request)]
    fn lock_request(name: &str, options: &JsValue, callback: &Function) -> Result<Promise, JsValue>;
}

/// Whether this browser can keep a folder (`showDirectoryPicker` exists: Chrome and Edge over
/// https or on localhost; not Firefox, Safari or a page opened from `file://`).
pub fn folder_api_available() -> bool {
    let Some(w) = web_sys::window() else { return false };
    w.is_secure_context() && Reflect::get(&w, &"showDirectoryPicker".into()).is_ok_and(|f| f.is_function())
}

/// A folder the user picked, on a drive or a share.
#[derive(Clone, Debug)]
pub struct DiskFolder {
    handle: FileSystemDirectoryHandle,
    /// The JSON files as the last listing found them (the browser's `File`: a snapshot of the
    /// file then): a reading reads them from it, without asking the folder for each file again,
    /// and reads what the listing's size and time describe. One that changed since is read
    /// afresh (the browser refuses to read a snapshot of a file changed since).
    listed: std::rc::Rc<std::cell::RefCell<Vec<(String, web_sys::File)>>>,
}

/// Whether the page may read and write the folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// To be asked again, inside a click (after a restart of the browser).
    Prompt,
    Denied,
}

fn unreachable(e: &JsValue) -> FolderError {
    FolderError::Unreachable { detail: describe(e) }
}

fn file_error(name: &str, e: &JsValue) -> FolderError {
    FolderError::File { name: name.to_owned(), detail: describe(e) }
}

fn read_write() -> JsValue {
    let d = Object::new();
    let _ = Reflect::set(&d, &"mode".into(), &"readwrite".into());
    d.into()
}

impl DiskFolder {
    /// The folder of a handle the page holds (picked, kept, or, in the tests, one of the
    /// Origin Private File System).
    pub fn of(handle: FileSystemDirectoryHandle) -> DiskFolder {
        DiskFolder { handle, listed: Default::default() }
    }

    /// The file `name`'s bytes (its first `start` bytes, when given), from what the last
    /// listing found, or read afresh when it was not listed or has changed since.
    async fn bytes_of(&self, name: &str, start: Option<usize>) -> Result<Vec<u8>, FolderError> {
        let listed = self.listed.borrow().iter().find(|(n, _)| n == name).map(|(_, f)| f.clone());
        if let Some(file) = listed {
            if let Ok(bytes) = bytes_in(&file, start).await {
                return Ok(bytes);
            }
        }
        let handle = existing_file(&self.handle, name).await.map_err(|e| file_error(name, &e))?;
        let file = file_of(&handle).await.map_err(|e| file_error(name, &e))?;
        bytes_in(&file, start).await.map_err(|e| file_error(name, &e))
    }

    /// The folder's name (its last path segment, as the browser gives it).
    pub fn name(&self) -> String {
        self.handle.name()
    }

    /// Lets the user pick a folder (read and write); `Ok(None)` when the picker was closed.
    pub async fn pick() -> Result<Option<DiskFolder>, FolderError> {
        let options = Object::new();
        let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
        let _ = Reflect::set(&options, &"id".into(), &"shirube-shared".into());
        let picked = match show_directory_picker(&options.into()) {
            Ok(p) => JsFuture::from(p).await,
            Err(e) => Err(e),
        };
        match picked {
            Ok(handle) => match handle.dyn_into::<FileSystemDirectoryHandle>() {
                Ok(handle) => Ok(Some(DiskFolder::of(handle))),
                Err(e) => Err(unreachable(&e)),
            },
            Err(e) if is_named(&e, "AbortError") => Ok(None),
            Err(e) => Err(unreachable(&e)),
        }
    }

    /// The permission as it stands, without asking.
    pub async fn permission(&self) -> Permission {
        let h: &PermissionHandle = self.handle.unchecked_ref();
        Self::answer(h.query_permission(&read_write())).await
    }

    /// The permission asked of the user: only inside a click.
    pub async fn ask_permission(&self) -> Permission {
        let h: &PermissionHandle = self.handle.unchecked_ref();
        Self::answer(h.request_permission(&read_write())).await
    }

    async fn answer(promise: Result<js_sys::Promise, JsValue>) -> Permission {
        let answer = match promise {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()),
            // A browser without the methods (an OPFS folder elsewhere): the folder itself says.
            Err(_) => return Permission::Granted,
        };
        match answer.as_deref() {
            Some("granted") => Permission::Granted,
            Some("prompt") => Permission::Prompt,
            _ => Permission::Denied,
        }
    }
}

fn is_named(e: &JsValue, name: &str) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == name)
}

/// The file `name` of `dir`, if it is there.
async fn existing_file(dir: &FileSystemDirectoryHandle, name: &str) -> Result<FileSystemFileHandle, JsValue> {
    file_handle(dir, name, FileSystemGetFileOptions::new()).await
}

/// The file `name` of `dir`, made when it is not there.
async fn file_made(dir: &FileSystemDirectoryHandle, name: &str) -> Result<FileSystemFileHandle, JsValue> {
    let options = FileSystemGetFileOptions::new();
    options.set_create(true);
    file_handle(dir, name, options).await
}

async fn file_handle(
    dir: &FileSystemDirectoryHandle,
    name: &str,
    options: FileSystemGetFileOptions,
) -> Result<FileSystemFileHandle, JsValue> {
    let h = JsFuture::from(dir.get_file_handle_with_options(name, &options)).await?;
    h.dyn_into::<FileSystemFileHandle>()
}

async fn file_of(handle: &FileSystemFileHandle) -> Result<web_sys::File, JsValue> {
    JsFuture::from(handle.get_file()).await?.dyn_into::<web_sys::File>()
}

/// A file's bytes (its first `start` bytes, when given); the browser refuses a snapshot of a
/// file changed since it was taken.
async fn bytes_in(file: &web_sys::File, start: Option<usize>) -> Result<Vec<u8>, JsValue> {
    let buffer = match start {
        Some(n) => file.slice_with_i32_and_i32(0, n.min(i32::MAX as usize) as i32)?.array_buffer(),
        None => file.array_buffer(),
    };
    Ok(Uint8Array::new(&JsFuture::from(buffer).await?).to_vec())
}

impl Folder for DiskFolder {
    async fn list(&self) -> Result<Vec<FolderEntry>, FolderError> {
        let entries = self.handle.entries();
        let mut files = Vec::new();
        loop {
            let next = entries.next().map_err(|e| unreachable(&e))?;
            let step = JsFuture::from(next).await.map_err(|e| unreachable(&e))?;
            if Reflect::get(&step, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            let pair: js_sys::Array =
                Reflect::get(&step, &"value".into()).map_err(|e| unreachable(&e))?.unchecked_into();
            let (Some(name), handle) = (pair.get(0).as_string(), pair.get(1)) else { continue };
            let Ok(handle) = handle.dyn_into::<FileSystemFileHandle>() else { continue };
            if web_sys::FileSystemHandle::kind(&handle) == FileSystemHandleKind::File {
                files.push((name, handle));
            }
        }
        // Only JSON files can be members' files: their size is asked here (a file too large is
        // refused before it is read), the others' not at all; all asked at once.
        let snapshots = files.iter().map(|(name, handle)| async move {
            match name.ends_with(".json") {
                true => file_of(handle).await.ok(),
                false => None,
            }
        });
        let snapshots = futures_util::future::join_all(snapshots).await;
        let entries = files
            .iter()
            .zip(&snapshots)
            .map(|((name, _), file)| FolderEntry {
                name: name.clone(),
                bytes: file.as_ref().map_or(0, |f| f.size() as u64),
                modified: file.as_ref().map(|f| f.last_modified() as u64),
            })
            .collect();
        *self.listed.borrow_mut() =
            files.into_iter().zip(snapshots).filter_map(|((name, _), file)| Some((name, file?))).collect();
        Ok(entries)
    }

    async fn read(&self, name: &str) -> Result<Vec<u8>, FolderError> {
        self.bytes_of(name, None).await
    }

    async fn read_start(&self, name: &str, bytes: usize) -> Result<Vec<u8>, FolderError> {
        self.bytes_of(name, Some(bytes)).await
    }

    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        // What was listed of it is not what it holds from now on.
        self.listed.borrow_mut().retain(|(n, _)| n != name);
        let handle = file_made(&self.handle, name).await.map_err(|e| unreachable(&e))?;
        let stream: web_sys::FileSystemWritableFileStream =
            JsFuture::from(handle.create_writable()).await.map_err(|e| unreachable(&e))?.unchecked_into();
        let written = match stream.write_with_u8_array(bytes) {
            Ok(p) => JsFuture::from(p).await.map(|_| ()),
            Err(e) => Err(e),
        };
        if let Err(e) = written {
            // The swap file is dropped; the file as it was stays.
            let _ = JsFuture::from(stream.abort()).await;
            return Err(unreachable(&e));
        }
        JsFuture::from(stream.close()).await.map(|_| ()).map_err(|e| unreachable(&e))
    }
}

/// The database the folders' handles are kept in, apart from the app's data.
const DATABASE: &str = "shirube-folders";
const STORE: &str = "handles";

async fn handles_db() -> Option<Database> {
    crate::storage::indexed_db::open_with_store(DATABASE, STORE).await.ok()
}

/// Keeps the folder of a strategy for the next visit; `false` when it could not be kept (the
/// folder then stays connected in this page only).
pub async fn keep_folder(strategy: &str, folder: &DiskFolder) -> bool {
    let Some(db) = handles_db().await else { return false };
    let Ok(tx) = db.transaction(STORE).with_mode(TransactionMode::Readwrite).build() else { return false };
    let Ok(store) = tx.object_store(STORE) else { return false };
    let handle: JsValue = folder.handle.clone().into();
    if store.put(handle).with_key(strategy).primitive().is_err() {
        return false;
    }
    drop(store);
    tx.commit().await.is_ok()
}

/// Forgets the folder kept for a strategy (disconnected): nothing in the folder changes.
pub async fn forget_folder(strategy: &str) -> bool {
    let Some(db) = handles_db().await else { return false };
    let Ok(tx) = db.transaction(STORE).with_mode(TransactionMode::Readwrite).build() else { return false };
    let Ok(store) = tx.object_store(STORE) else { return false };
    if store.delete(strategy.to_owned()).primitive().is_err() {
        return false;
    }
    drop(store);
    tx.commit().await.is_ok()
}

/// The folder kept for a strategy, if one is.
pub async fn kept_folder(strategy: &str) -> Option<DiskFolder> {
    let db = handles_db().await?;
    let tx = db.transaction(STORE).build().ok()?;
    let store = tx.object_store(STORE).ok()?;
    let value: Option<JsValue> = store.get(strategy.to_owned()).primitive().ok()?.await.ok()?;
    let handle = value?.dyn_into::<FileSystemDirectoryHandle>().ok()?;
    Some(DiskFolder::of(handle))
}

/// Runs `job` holding the browser-wide lock `name` (Web Locks), so that one tab of this browser
/// writes at a time; `None` without running it when another tab holds it now. Where the
/// browser has no Web Locks, `job` runs as it is.
pub async fn holding_lock<T>(name: &str, job: impl std::future::Future<Output = T>) -> Option<T> {
    let mut granted_resolve: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| granted_resolve = Some(resolve));
    let mut release_resolve: Option<Function> = None;
    let release = Promise::new(&mut |resolve, _| release_resolve = Some(resolve));
    let (Some(granted_resolve), Some(release_resolve)) = (granted_resolve, release_resolve) else {
        return Some(job.await);
    };
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let _ = granted_resolve.call1(&JsValue::NULL, &JsValue::from_bool(!lock.is_null()));
        release.into()
    });
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    match lock_request(name, &options.into(), callback.unchecked_ref()) {
        Ok(_) => {}
        Err(_) => return Some(job.await),
    }
    let held = JsFuture::from(granted).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
    if !held {
        let _ = release_resolve.call0(&JsValue::NULL);
        return None;
    }
    let out = job.await;
    let _ = release_resolve.call0(&JsValue::NULL);
    Some(out)
}

/// The shared folder's test hook: `localStorage["shirube-test/folder-ms"] = "<poll ms>,<write
/// ms>"` (the e2e tests shorten the sync's delays with it; `ui::state::folder_sync`). Outside
/// the app's `shirube/` keys, which the app moves into IndexedDB at its start (under such a name
/// the hook would be gone before it is read).
pub fn folder_test_delays() -> Option<(i32, i32)> {
    let hook = web_sys::window()?.local_storage().ok()??.get_item("shirube-test/folder-ms").ok()??;
    let (poll, write) = hook.split_once(',')?;
    Some((poll.trim().parse().ok()?, write.trim().parse().ok()?))
}
