//! Files and folders dropped on a region's page: a bureau keeps the towns' files in a
//! folder, and drops the folder. Each dropped item is taken as an entry
//! (`DataTransferItem.webkitGetAsEntry`, asked during the drop event: the items are gone after
//! it); a folder is read with `createReader().readEntries()` again until it answers with none
//! (Chromium gives at most 100 entries a call), its sub-folders too. Which files are read is
//! `session::region::folder_file`'s rule. Called through `Reflect`, like `ui::browser::files`'s drop
//! helpers, so that no web-sys feature is added for an API every browser the app supports has.
//! Where entries are not offered, the drop's plain file list is used.

use crate::session::region::{folder_file, FolderFile};
use crate::ui::browser::files;
use crate::ui::state::PickedFiles;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The entries of a drop, taken now (during the event). `None`: the browser offers none — use
/// the drop's file list.
pub fn entries(ev: &web_sys::Event) -> Option<Vec<JsValue>> {
    let transfer = Reflect::get(ev, &JsValue::from_str("dataTransfer")).ok()?;
    let items = Reflect::get(&transfer, &JsValue::from_str("items")).ok()?;
    let length = Reflect::get(&items, &JsValue::from_str("length")).ok()?.as_f64()? as u32;
    let mut out = Vec::new();
    for i in 0..length {
        let item = Reflect::get_u32(&items, i).ok()?;
        // Only files: a drag can carry text or a link besides.
        if Reflect::get(&item, &JsValue::from_str("kind")).ok()?.as_string().as_deref() != Some("file") {
            continue;
        }
        let get = Reflect::get(&item, &JsValue::from_str("webkitGetAsEntry")).ok()?.dyn_into::<Function>().ok()?;
        let entry = get.call0(&item).ok()?;
        // A file without an entry (made by a script, or by a browser that gives none): the
        // file list then holds every dropped file, none left out.
        if entry.is_null() || entry.is_undefined() {
            return None;
        }
        out.push(entry);
    }
    Some(out)
}

/// Every file under the dropped entries (folders walked to the bottom), files in path order
/// ("渡島/北斗市.json"). A file dropped by
/// itself is read whatever its name (the user chose it: a wrong one is listed with its error);
/// a folder's files by `folder_file`.
pub async fn walk(entries: Vec<JsValue>) -> PickedFiles {
    let mut dropped = PickedFiles::default();
    // (entry, dropped by itself rather than found in a folder)
    let mut waiting: Vec<(JsValue, bool)> = entries.into_iter().map(|e| (e, true)).collect();
    while let Some((entry, chosen)) = waiting.pop() {
        let path = path(&entry);
        if flag(&entry, "isDirectory") {
            match read_folder(&entry).await {
                Ok(inside) => waiting.extend(inside.into_iter().map(|e| (e, false))),
                Err(said) => dropped.not_given.push((path, said)),
            }
            continue;
        }
        let what = if chosen { FolderFile::Read } else { folder_file(&name(&entry)) };
        match what {
            FolderFile::Hidden => {}
            FolderFile::PassOver => dropped.passed_over.push(path),
            FolderFile::Read => match call_back(&entry, "file").await {
                Ok(file) => match file.dyn_into::<web_sys::File>() {
                    Ok(file) => dropped.files.push((path, file)),
                    Err(_) => dropped.not_given.push((path, "not a file".to_owned())),
                },
                Err(said) => dropped.not_given.push((path, said)),
            },
        }
    }
    crate::sorting::by(&mut dropped.files, |a, b| a.0.cmp(&b.0));
    crate::sorting::natural(&mut dropped.passed_over);
    dropped
}

/// The drop's plain file list (no folders), for browsers without entries. Everything dropped
/// is read: a file the user chose one by one is listed with its error, as a picked one is.
pub fn plain(ev: &web_sys::Event) -> PickedFiles {
    let files = files::dropped_files(ev).into_iter().map(|f| (f.name(), f)).collect();
    PickedFiles { files, ..PickedFiles::default() }
}

/// All entries of a folder: `readEntries` answers in batches, and with none at the end.
async fn read_folder(folder: &JsValue) -> Result<Vec<JsValue>, String> {
    let create = Reflect::get(folder, &JsValue::from_str("createReader"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or("createReader is missing")?;
    let reader = create.call0(folder).map_err(|e| files::js_message(&e))?;
    let mut all = Vec::new();
    loop {
        let batch = Array::from(&call_back(&reader, "readEntries").await?);
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter());
    }
}

/// Calls `target.method(success, error)` (the entries API's callbacks) as a promise.
async fn call_back(target: &JsValue, method: &str) -> Result<JsValue, String> {
    let f = Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("{method} is missing"))?;
    let promise = Promise::new(&mut |resolve, reject| {
        if let Err(e) = f.call2(target, &resolve, &reject) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    JsFuture::from(promise).await.map_err(|e| {
        // A DOMException (NotReadableError …): its message, else its name.
        let message = files::js_message(&e);
        let named = Reflect::get(&e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
        if message.trim().is_empty() {
            named.unwrap_or(message)
        } else {
            message
        }
    })
}

fn flag(entry: &JsValue, name: &str) -> bool {
    Reflect::get(entry, &JsValue::from_str(name)).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

fn name(entry: &JsValue) -> String {
    Reflect::get(entry, &JsValue::from_str("name")).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// The entry's path in the drop, without the leading `/` ("渡島/北斗市.json").
fn path(entry: &JsValue) -> String {
    let full = Reflect::get(entry, &JsValue::from_str("fullPath")).ok().and_then(|v| v.as_string());
    match full {
        Some(p) if !p.is_empty() => p.trim_start_matches('/').to_owned(),
        _ => name(entry),
    }
}
