//! Files in and out of the browser: reading a picked or dropped file's bytes (refused by its
//! size first), fetching a file that comes with the app, offering text as a download, and file
//! names that are safe on Windows.

/// `北本市_第2期総合戦略_2026-11-21.shirube.json`: safe on Windows — characters it refuses
/// (`\ / : * ? " < > |` and control characters) replaced by `_`, no part ending in a dot or a
/// space, names Windows reserves for devices (CON, PRN, AUX, NUL, COM1–9, LPT1–9) prefixed with
/// `_`, each part at most 60 characters.
pub fn file_name(municipality: &str, title: &str, date: &str, extension: &str) -> String {
    let clean = |s: &str| -> String {
        let s: String = s.chars().map(|c| if c.is_control() || r#"\/:*?"<>|"#.contains(c) { '_' } else { c }).collect();
        let s: String = s.trim().chars().take(60).collect();
        s.trim_end_matches(['.', ' ']).trim_start().to_owned()
    };
    let stem: Vec<String> =
        [clean(municipality), clean(title), clean(date)].into_iter().filter(|s| !s.is_empty()).collect();
    let stem = if stem.is_empty() { "shirube".to_owned() } else { stem.join("_") };
    let stem = if is_reserved_on_windows(&stem) { format!("_{stem}") } else { stem };
    format!("{stem}.{extension}")
}

/// CON, PRN, AUX, NUL, COM0–9, LPT0–9 (also with superscript digits), in any case: Windows
/// refuses these as a file name, with any extension.
fn is_reserved_on_windows(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or_default().trim_end().to_ascii_uppercase();
    if ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(&base.as_str()) {
        return true;
    }
    let mut chars = base.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: String = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && rest.chars().count() == 1
        && rest.chars().all(|c| c.is_ascii_digit() || "¹²³".contains(c))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    /// The bytes of a file the user picked or dropped. A file over the import's size limit is
    /// refused by its size, before anything is read (`Err(Ok(…))`); `Err(Err(…))` is what the
    /// browser said when reading failed. Bytes, not `File.text()`: invalid UTF-8 must be an
    /// error, not silently replaced.
    pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, Result<crate::format::ImportError, String>> {
        read_bytes_up_to(file, crate::format::MAX_FILE_BYTES).await
    }

    /// [`read_bytes`] with the lower size limit of a kind of file (a KPI table's CSV).
    pub async fn read_bytes_up_to(
        file: &web_sys::File,
        limit: u64,
    ) -> Result<Vec<u8>, Result<crate::format::ImportError, String>> {
        crate::format::check_size_within(file.size() as u64, limit).map_err(Ok)?;
        let buffer =
            wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| Err(js_message(&e)))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// The files a drag carries, if it carries files (`dataTransfer.files`; read through
    /// `Reflect` so that no extra web-sys feature is needed).
    pub fn dropped_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
        let Ok(transfer) = js_sys::Reflect::get(ev, &JsValue::from_str("dataTransfer")) else { return Vec::new() };
        let Ok(files) = js_sys::Reflect::get(&transfer, &JsValue::from_str("files")) else { return Vec::new() };
        let Some(files) = files.dyn_ref::<web_sys::FileList>() else { return Vec::new() };
        (0..files.length()).filter_map(|i| files.get(i)).collect()
    }

    /// Whether a drag (dragenter / dragover) carries files, not text or a link.
    pub fn drag_has_files(ev: &web_sys::Event) -> bool {
        let types = js_sys::Reflect::get(ev, &JsValue::from_str("dataTransfer"))
            .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("types")))
            .ok()
            .map(|t| js_sys::Array::from(&t));
        types.is_some_and(|t| t.iter().any(|v| v.as_string().as_deref() == Some("Files")))
    }

    /// Tells the browser that a drop here is a copy (the cursor shows "+").
    pub fn set_drop_effect_copy(ev: &web_sys::Event) {
        if let Ok(transfer) = js_sys::Reflect::get(ev, &JsValue::from_str("dataTransfer")) {
            let _ = js_sys::Reflect::set(&transfer, &JsValue::from_str("dropEffect"), &JsValue::from_str("copy"));
        }
    }

    /// Waits `ms` milliseconds (a timer: it also runs in a hidden tab, unlike a frame).
    pub async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            } else {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Resolves after the browser has had a chance to paint (a frame, then a task), so that a
    /// message shown before long synchronous work is seen.
    pub async fn next_frame() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let Some(w) = web_sys::window() else {
                let _ = resolve.call0(&JsValue::NULL);
                return;
            };
            let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
                }
            });
            if w.request_animation_frame(after_paint.unchecked_ref()).is_err() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(after_paint.unchecked_ref(), 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// What a JavaScript error says, as text.
    pub fn js_message(e: &JsValue) -> String {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"))
    }

    /// Offers `text` as a download named `name`.
    pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
        offer(name, mime, &JsValue::from_str(text))
    }

    /// Offers `bytes` (a workbook) as a download named `name`.
    pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
        offer(name, mime, &js_sys::Uint8Array::from(bytes))
    }

    fn offer(name: &str, mime: &str, content: &JsValue) -> Result<(), String> {
        let err = |e: JsValue| format!("{e:?}");
        let parts = js_sys::Array::of1(content);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
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

    thread_local! {
        /// One load per deferred script, shared by everyone waiting for it.
        static SCRIPT_LOADS: std::cell::RefCell<Vec<(&'static str, js_sys::Promise)>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Whether the page has the global `name` (an object: a loaded library).
    pub fn global_present(name: &str) -> bool {
        web_sys::window().is_some_and(|w| js_sys::Reflect::get(&w, &name.into()).is_ok_and(|e| e.is_object()))
    }

    /// Loads, once, a script that index.html names with a type browsers neither fetch nor run
    /// (`application/x-shirube-deferred`, its file name holding `file`), unless the page already
    /// has its global (the single file inlines such scripts): ECharts with the first chart, the
    /// assembler with the first hand-out. The first visit downloads neither.
    pub async fn load_deferred_script(global: &'static str, file: &'static str) -> Result<(), JsValue> {
        if global_present(global) {
            return Ok(());
        }
        let promise = SCRIPT_LOADS.with(|cell| -> Result<js_sys::Promise, JsValue> {
            if let Some((_, p)) = cell.borrow().iter().find(|(g, _)| *g == global) {
                return Ok(p.clone());
            }
            let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
            let selector = format!(r#"script[type="application/x-shirube-deferred"][src*="{file}"]"#);
            let deferred =
                document.query_selector(&selector)?.ok_or_else(|| format!("no script {file} named in the page"))?;
            let script: web_sys::HtmlScriptElement = document.create_element("script")?.unchecked_into();
            for attr in ["src", "integrity", "crossorigin"] {
                if let Some(v) = deferred.get_attribute(attr) {
                    script.set_attribute(attr, &v)?;
                }
            }
            let promise = js_sys::Promise::new(&mut |resolve, reject| {
                script.set_onload(Some(&resolve));
                script.set_onerror(Some(&reject));
            });
            document.head().ok_or("no head")?.append_child(&script)?;
            cell.borrow_mut().push((global, promise.clone()));
            Ok(promise)
        })?;
        let loaded = wasm_bindgen_futures::JsFuture::from(promise).await;
        if loaded.is_err() {
            // Let a later attempt try again (the network may be back).
            SCRIPT_LOADS.with(|cell| cell.borrow_mut().retain(|(g, _)| *g != global));
            return Err(JsValue::from_str(&format!("{file}: the script could not be loaded")));
        }
        Ok(())
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// `web/assemble.js`: a file of `dist/` (relative to the page), answered from the
        /// page's inlined block in the single file, fetched otherwise.
        #[wasm_bindgen(catch, js_namespace = ShirubeAssembler, js_name = fetchFile)]
        fn fetch_file_js(path: &str) -> Result<js_sys::Promise, JsValue>;
    }

    /// The bytes of a file that comes with the app (`dist/<path>`); `Err` is what the browser
    /// said (offline with nothing cached, the server gave an error). Where the page has the
    /// assembler (the single file inlines it, and the example files with it), the assembler
    /// answers; a hosted page fetches the file itself, so that opening an example does not
    /// download the assembler.
    pub async fn fetch_file(path: &str) -> Result<Vec<u8>, String> {
        let response = if global_present("ShirubeAssembler") {
            fetch_file_js(path).map_err(|e| js_message(&e))?
        } else {
            web_sys::window().ok_or("no window")?.fetch_with_str(path)
        };
        let response: web_sys::Response =
            wasm_bindgen_futures::JsFuture::from(response).await.map_err(|e| js_message(&e))?.unchecked_into();
        if !response.ok() {
            return Err(format!("{path}: HTTP {}", response.status()));
        }
        let buffer = response.array_buffer().map_err(|e| js_message(&e))?;
        let buffer = wasm_bindgen_futures::JsFuture::from(buffer).await.map_err(|e| js_message(&e))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// web/assemble.js (`ShirubeAssembler`), loaded when first needed.
    pub async fn load_assembler() -> Result<(), String> {
        load_deferred_script("ShirubeAssembler", "assemble-").await.map_err(|e| js_message(&e))
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

    /// [`timed`] as the session's [`Stopwatch`](crate::session::stopwatch::Stopwatch).
    pub struct PerformanceMarks;

    impl crate::session::stopwatch::Stopwatch for PerformanceMarks {
        fn timed<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
            timed(name, f)
        }

        /// A task of its own (setTimeout 0), not a microtask: input and drawing come in between.
        async fn yield_now(&self) {
            sleep(0).await
        }

        async fn timed_wait<T>(&self, name: &str, f: impl std::future::Future<Output = T>) -> T {
            timed_async(name, f).await
        }
    }

    /// [`timed`] for a future: the measure `name` spans its whole run, waits included; a second
    /// one, `name:thread`, is the time its steps held the page's thread (the sum of its polls:
    /// serialising, handing text to the browser — not the browser's writing, which runs beside).
    pub async fn timed_async<T>(name: &str, f: impl std::future::Future<Output = T>) -> T {
        let perf = web_sys::window().and_then(|w| w.performance());
        let clock = || perf.as_ref().map_or(0.0, web_sys::Performance::now);
        let (start, end) = (format!("{name}:start"), format!("{name}:end"));
        if let Some(p) = &perf {
            let _ = p.mark(&start);
        }
        let began = clock();
        let mut on_thread = 0.0;
        let mut f = std::pin::pin!(f);
        let out = std::future::poll_fn(|cx| {
            let t = clock();
            let poll = f.as_mut().poll(cx);
            on_thread += clock() - t;
            poll
        })
        .await;
        if let Some(p) = &perf {
            let _ = p.mark(&end);
            let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
            // performance.measure(name, { start, duration }): not in web-sys's typed options.
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"start".into(), &began.into());
            let _ = js_sys::Reflect::set(&options, &"duration".into(), &on_thread.into());
            if let Ok(measure) = js_sys::Reflect::get(p, &"measure".into()) {
                let _ =
                    measure.unchecked_into::<js_sys::Function>().call2(p, &format!("{name}:thread").into(), &options);
            }
        }
        out
    }

    /// Now, as an ISO 8601 timestamp (UTC).
    pub fn now() -> String {
        String::from(js_sys::Date::new_0().to_iso_string())
    }

    /// An ISO timestamp on the user's clock (`None` when it does not read).
    pub fn clock_time(iso: &str) -> Option<crate::words::ClockTime> {
        let d = js_sys::Date::new(&JsValue::from_str(iso));
        (!d.get_time().is_nan()).then(|| crate::words::ClockTime {
            month: d.get_month() + 1,
            day: d.get_date(),
            hour: d.get_hours(),
            minute: d.get_minutes(),
        })
    }

    /// An ISO timestamp shown in the user's local time, "2026/11/21 14:22".
    pub fn local_time(iso: &str) -> String {
        let d = js_sys::Date::new(&JsValue::from_str(iso));
        if d.get_time().is_nan() {
            return iso.to_owned();
        }
        format!(
            "{:04}/{:02}/{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }

    /// Strict Shift_JIS by the browser's own decoder (WHATWG Shift_JIS = Windows-31J): the text,
    /// or `None` when the bytes are not Shift_JIS (or the browser has no such decoder).
    pub fn shift_jis(bytes: &[u8]) -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }

    /// The fiscal year today falls in (local time; April to March).
    pub fn current_fiscal_year() -> crate::model::FiscalYear {
        let d = js_sys::Date::new_0();
        crate::model::FiscalYear::of_date(d.get_full_year() as i32, d.get_month() + 1)
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
        assert_eq!(
            file_name("北本市", "第2期総合戦略", "2026-11-21", "shirube.json"),
            "北本市_第2期総合戦略_2026-11-21.shirube.json"
        );
        assert_eq!(file_name("a/b", "x:y*?\"<>|", "d", "json"), "a_b_x_y_______d.json");
        assert_eq!(file_name("", "", "", "json"), "shirube.json");
        assert_eq!(file_name("町.", " 題 ", "d", "json"), "町_題_d.json");
        assert_eq!(file_name(&"長".repeat(100), "t", "d", "json").chars().count(), 60 + 1 + 1 + 1 + 1 + 5);
        // Every character Windows refuses, and control characters.
        assert_eq!(file_name(r#"\/:*?"<>|"#, "a\tb\nc\u{0}", "", "json"), "__________a_b_c_.json");
        // No part ends in a dot or a space (also after cutting to 60 characters).
        assert_eq!(file_name("町 . .", "題...", "", "json"), "町_題.json");
        assert_eq!(file_name(&format!("{}.x", "a".repeat(59)), "t", "", "json"), format!("{}_t.json", "a".repeat(59)));
        // Names reserved for devices, whatever the case, with or without an extension.
        for reserved in ["CON", "con", "Prn", "AUX", "NUL", "COM1", "com9", "LPT1", "lpt3", "COM¹", "CON ", "NUL."] {
            assert_eq!(
                file_name(reserved, "", "", "json"),
                format!("_{}.json", reserved.trim_end_matches(['.', ' '])),
                "{reserved:?}"
            );
        }
        assert_eq!(file_name("CON", "", "", "shirube.json"), "_CON.shirube.json");
        // Only whole names are reserved.
        assert_eq!(file_name("CON", "題", "", "json"), "CON_題.json");
        assert_eq!(file_name("CONSOLE", "", "", "json"), "CONSOLE.json");
        assert_eq!(file_name("COM10", "", "", "json"), "COM10.json");
        assert_eq!(file_name("...", "   ", "", "json"), "shirube.json");
    }
}
