//! The public pages' maker (`format::publish`: the pages, the SVG charts, the open data and the
//! zip) as a wasm part of its own, fetched the first time 「公開用ページを作る」 is pressed: neither
//! the first visit nor the files page downloads it. Reached through `ui::formats::exporters`.

use crate::model::Strategy;

crate::ui::browser::parts::split!(publisher, load: load_publisher_part,
    /// Makes the folder and zips it, timed as "shirube:publish" (the benchmark's figure).
    pub async fn publisher_part(s: Strategy, made_at: String) -> Result<Vec<u8>, String> {
        crate::ui::browser::files::timed("shirube:publish", || {
            let folder = crate::format::publish::published_site(&s, &made_at);
            crate::format::publish::zip(&folder, &made_at).map_err(|e| e.to_string())
        })
    }
);
