//! The public pages' maker (`format::publish`: the pages, the SVG charts, the open data and the
//! zip) as a wasm part of its own, fetched the first time 「公開用ページを作る」 is pressed: neither
//! the first visit nor the files page downloads it. Installed at start-up as the workbook writer
//! is (`ui::workbook_writer`).

use crate::model::Strategy;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

type Publisher = fn(Strategy, String) -> Pin<Box<dyn Future<Output = Option<Result<Vec<u8>, String>>>>>;

thread_local! {
    static PUBLISHER: Cell<Option<Publisher>> = const { Cell::new(None) };
}

/// Lets the files page make the public pages: the app calls it once, at start-up.
pub fn install() {
    PUBLISHER.set(Some(|s, made_at| {
        Box::pin(async move {
            crate::ui::parts::load_twice(load_publisher_part).await.ok()?;
            publisher_part(s, made_at).await.ok()
        })
    }));
}

/// The zip of the public pages of `s`, made at `made_at`, or why it could not be written; `None`
/// when no app is running or the part could not be fetched (the banner says so).
pub async fn write(s: Strategy, made_at: String) -> Option<Result<Vec<u8>, String>> {
    let publisher = PUBLISHER.get()?;
    publisher(s, made_at).await
}

crate::ui::parts::split!(publisher, load: load_publisher_part,
    /// Makes the folder and zips it, timed as "shirube:publish" (the benchmark's figure).
    async fn publisher_part(s: Strategy, made_at: String) -> Result<Vec<u8>, String> {
        super::files::timed("shirube:publish", || {
            let folder = crate::format::publish::folder(&s, &made_at);
            crate::format::publish::zip(&folder, &made_at).map_err(|e| e.to_string())
        })
    }
);
