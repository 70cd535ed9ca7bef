//! Files in and out of the browser: reading a picked file's text, offering text as a download,
//! and file names that are safe on Windows.

/// `北本市_第2期総合戦略_2026-11-21.shirube.json`: characters Windows refuses replaced, length kept sane.
pub fn file_name(municipality: &str, title: &str, date: &str, extension: &str) -> String {
    let clean = |s: &str| -> String {
        let s: String = s
            .chars()
            .map(|c| if c.is_control() || r#"\/:*?"<>|"#.contains(c) { '_' } else { c })
            .collect();
        let s = s.trim().trim_end_matches(['.', ' ']).to_owned();
        s.chars().take(60).collect()
    };
    let stem: Vec<String> = [clean(municipality), clean(title), clean(date)].into_iter().filter(|s| !s.is_empty()).collect();
    let stem = if stem.is_empty() { "shirube".to_owned() } else { stem.join("_") };
    format!("{stem}.{extension}")
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    /// The text of a file the user picked or dropped.
    pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|e| format!("{e:?}"))?;
        text.as_string().ok_or_else(|| "not text".to_owned())
    }

    /// Offers `text` as a download named `name`.
    pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
        let err = |e: JsValue| format!("{e:?}");
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
        let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.style().set_property("display", "none").map_err(err)?;
        let body = document.body().ok_or("no body")?;
        body.append_child(&a).map_err(err)?;
        a.click();
        body.remove_child(&a).map_err(err)?;
        // Revoke after the click has been handled.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
        }
        Ok(())
    }

    /// Runs `f` between two performance marks and records a measure named `name`, which the
    /// benchmark (and the browser's profiler) reads.
    pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
        let perf = web_sys::window().and_then(|w| w.performance());
        let (start, end) = (format!("{name}:start"), format!("{name}:end"));
        if let Some(p) = &perf {
            let _ = p.mark(&start);
        }
        let out = f();
        if let Some(p) = &perf {
            let _ = p.mark(&end);
            let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        }
        out
    }

    /// Now, as an ISO 8601 timestamp (UTC).
    pub fn now() -> String {
        String::from(js_sys::Date::new_0().to_iso_string())
    }

    /// An ISO timestamp shown in the user's local time, "2026/11/21 14:22".
    pub fn local_time(iso: &str) -> String {
        let d = js_sys::Date::new(&JsValue::from_str(iso));
        if d.get_time().is_nan() {
            return iso.to_owned();
        }
        format!("{:04}/{:02}/{:02} {:02}:{:02}", d.get_full_year(), d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes())
    }

    /// Today's local date, YYYY-MM-DD.
    pub fn today() -> String {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_on_windows() {
        assert_eq!(file_name("北本市", "第2期総合戦略", "2026-11-21", "shirube.json"), "北本市_第2期総合戦略_2026-11-21.shirube.json");
        assert_eq!(file_name("a/b", "x:y*?\"<>|", "d", "json"), "a_b_x_y_______d.json");
        assert_eq!(file_name("", "", "", "json"), "shirube.json");
        assert_eq!(file_name("町.", " 題 ", "d", "json"), "町_題_d.json");
        assert_eq!(file_name(&"長".repeat(100), "t", "d", "json").chars().count(), 60 + 1 + 1 + 1 + 1 + 5);
    }
}
