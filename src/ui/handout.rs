//! The read-only hand-out (配布用 HTML): one self-contained HTML file holding the app and one
//! strategy file in `<script type="application/json" id="shirube-handout">`. When that element
//! is present, `ui::mount` starts this instead of the app: the strategy is read through the
//! normal `format::import`, and only the read-only view is mounted: the workshop's
//! presentation (`ui::workshop::Handout`: goals → measures → KPIs, moved with the keyboard). No storage at all: a
//! hand-out never reads or writes `localStorage` (every file:// page shares one origin in
//! Chromium, and a hand-out must not touch the single-file editor's data there). The language
//! switch lives in memory only.
//!
//! Also here: `HandoutButton`, the 「配布用 HTML」 button of the app, which asks
//! web/assemble.js (`ShirubeAssembler.downloadHandout`) to build the file from the app's own
//! pieces and offer it as a download.

use super::state::use_edits;
use super::workshop::Handout;
use crate::format;
use crate::locale::{tr, Language};
use crate::ui::speech::Speaks;
use crate::ui::state::Facade;
use crate::words;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The id of the element that holds the strategy file in a hand-out.
pub const ELEMENT_ID: &str = "shirube-handout";

/// The embedded strategy file's text, when this page is a hand-out (even an empty or broken
/// one: then the hand-out shows what is wrong; it never falls back to the editor).
pub fn embedded() -> Option<String> {
    let el = web_sys::window()?.document()?.get_element_by_id(ELEMENT_ID)?;
    Some(el.text_content().unwrap_or_default())
}

/// Mounts the hand-out of the strategy file `text`. Its code (the presentation with its charts)
/// is a wasm part of its own, fetched first (`parts::split!`, like the app's pages); the page
/// says so in both languages if it cannot be fetched.
pub fn mount(text: String) {
    // Not leptos::task::spawn_local: Leptos' executor is set up by mounting, which comes after.
    wasm_bindgen_futures::spawn_local(async move {
        if mount_now(text.clone()).await.is_err() && mount_now(text).await.is_err() {
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                body.set_text_content(Some(
                    "この配布用ファイルの一部を読み込めませんでした。再読み込みしてください。 / A part of this hand-out could not be loaded. Please reload.",
                ));
            }
        }
    });
}

crate::ui::browser::parts::split!(
    handout,
    fn mount_now(text: String) -> () {
        leptos::mount::mount_to_body(move || view! { <HandoutApp text=text.clone()/> });
    }
);

fn browser_language() -> Language {
    // `navigator.language` through Reflect: no extra web-sys feature for one string.
    let lang = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("navigator")).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("language")).ok())
        .and_then(|l| l.as_string())
        .unwrap_or_default();
    if lang.is_empty() || lang.starts_with("ja") {
        Language::Ja
    } else {
        Language::En
    }
}

fn set_document_lang(lang: Language) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", if lang == Language::Ja { "ja" } else { "en" });
    }
}

#[component]
fn HandoutApp(text: String) -> impl IntoView {
    let lang = RwSignal::new(browser_language());
    Effect::new(move |_| set_document_lang(lang.get()));
    let imported = format::import(&text);
    let toggle = move |_| lang.update(|l| *l = if *l == Language::Ja { Language::En } else { Language::Ja });
    // Built once: the presentation follows the language signal itself and keeps its place.
    let body = match imported {
        Ok(file) => view! { <Handout strategy=file.strategy lang=Signal::from(lang)/> }.into_any(),
        Err(e) => view! {
            <section class="panel" role="alert" data-testid="handout-error">
                <h1>{move || tr(lang.get(), "この配布用ファイルは読めません", "This hand-out cannot be read")}</h1>
                <ul>{move || words::import_error(&e, lang.get()).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </section>
        }.into_any(),
    };
    view! {
        <header class="topbar handout-header" data-testid="handout-header">
            <span class="brand">
                <span class="brand-mark" aria-hidden="true">"しるべ"</span>
                <span class="brand-name">"Shirube"</span>
            </span>
            <span class="badge" data-testid="read-only">{move || tr(lang.get(), "閲覧専用（配布用）", "Read-only hand-out")}</span>
            <div class="switches">
                <button type="button" data-testid="handout-language" on:click=toggle>
                    {move || tr(lang.get(), "English", "日本語")}
                </button>
            </div>
        </header>
        <main id="main" class="handout" data-testid="handout">{body}</main>
    }
}

/// Asks web/assemble.js to build the hand-out of `file_json` and offer it as `name`.
async fn download_handout(file_json: &str, name: &str) -> Result<(), String> {
    crate::ui::browser::files::load_assembler().await?;
    let window = web_sys::window().ok_or("no window")?;
    let assembler =
        js_sys::Reflect::get(&window, &JsValue::from_str("ShirubeAssembler")).map_err(|_| "no assembler")?;
    let f = js_sys::Reflect::get(&assembler, &JsValue::from_str("downloadHandout")).ok();
    let Some(f) = f.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) else {
        return Err("ShirubeAssembler.downloadHandout is missing (assemble.js was not loaded)".into());
    };
    let promise = f
        .call2(&assembler, &JsValue::from_str(file_json), &JsValue::from_str(name))
        .map_err(|e| crate::ui::browser::files::js_message(&e))?;
    let promise =
        promise.dyn_into::<js_sys::Promise>().map_err(|_| "downloadHandout returned no promise".to_owned())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| crate::ui::browser::files::js_message(&e))
}

/// 「配布用 HTML」: downloads the open strategy as a read-only hand-out (one HTML file that
/// opens from a USB stick or an e-mail, with no server and no storage).
#[component]
pub fn HandoutButton() -> impl IntoView {
    let state = use_edits();
    let busy = RwSignal::new(false);
    let make = move |_| {
        let Some(s) = state.open.get_untracked() else { return };
        state.flush();
        busy.set(true);
        let json = format::export(&s, &crate::ui::browser::files::now());
        let name = crate::ui::browser::files::file_name(
            &s.municipality.name,
            &s.title,
            &crate::ui::browser::files::today(),
            "handout.html",
        );
        leptos::task::spawn_local(async move {
            state.downloads().said(download_handout(&json, &name).await, name);
            busy.set(false);
        });
    };
    view! {
        <button type="button" data-testid="export-handout" disabled=move || busy.get()
            title=state.text("閲覧専用の HTML ファイル1つにまとめます（USB メモリやメールで配れます）", "One read-only HTML file (hand it out on a USB stick or by e-mail)")
            on:click=make>
            {move || if busy.get() { state.tr("作成中…", "Making…") } else { state.tr("配布用ファイル（閲覧専用 HTML）", "Hand-out file (read-only HTML)") }}
        </button>
    }
}
