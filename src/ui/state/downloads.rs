//! Saving a file to the user's downloads and saying how it went (「書き出しました: …」 or why
//! not): all a page that only exports needs of the app state (`use_downloads`).

use super::files;
use crate::session::Notice;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Downloads {
    notice: RwSignal<Option<Notice>>,
}

impl Downloads {
    pub(super) fn new(notice: RwSignal<Option<Notice>>) -> Downloads {
        Downloads { notice }
    }

    /// Says how the download of `file` went.
    pub fn said(&self, result: Result<(), String>, file: String) {
        self.notice.set(Some(match result {
            Ok(()) => Notice::Exported { file },
            Err(e) => Notice::Download(e),
        }));
    }

    /// Downloads `text` as `file` and says how it went.
    pub fn save(&self, file: String, mime: &str, text: &str) {
        self.said(files::download(&file, mime, text), file);
    }

    /// An Excel workbook (.xlsx).
    pub fn xlsx(&self, file: String, bytes: &[u8]) {
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        self.said(files::download_bytes(&file, mime, bytes), file);
    }

    /// A Word document (.docx).
    pub fn docx(&self, file: String, bytes: &[u8]) {
        let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        self.said(files::download_bytes(&file, mime, bytes), file);
    }

    /// A zip (the public pages' folder).
    pub fn zip(&self, file: String, bytes: &[u8]) {
        self.said(files::download_bytes(&file, "application/zip", bytes), file);
    }

    /// A CSV for Excel (UTF-8; the text carries its BOM).
    pub fn csv(&self, file: String, text: &str) {
        self.save(file, "text/csv;charset=utf-8", text);
    }
}

pub fn use_downloads() -> Downloads {
    super::use_app().downloads()
}

/// [`use_downloads`] where the app may be absent (a chart in the read-only hand-out, which has
/// no notices).
pub fn try_use_downloads() -> Option<Downloads> {
    use_context::<super::AppState>().map(|app| app.downloads())
}
