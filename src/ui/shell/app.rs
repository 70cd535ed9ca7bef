//! The root component: creates the app state, follows the URL hash, and lays out the page.
//! `mount` starts the read-only hand-out instead when the page carries one (`handout`).

use crate::locale::Language;
use crate::session::route::{Route, Selection};
use crate::ui::import::preview::ImportPreview;
use crate::ui::shell::header::Header;
use crate::ui::shell::notices::Notices;
use crate::ui::shell::pages;
use crate::ui::shell::update_prompt::UpdatePrompt;
use crate::ui::speech::Speaks;
use crate::ui::state::{AppState, SaveState, Start};
use crate::ui::strategy::list::StrategyList;
use leptos::prelude::*;

pub fn mount() {
    // A hand-out (配布用 HTML) holds a strategy file: show it read-only, with no storage at all.
    if let Some(file) = crate::ui::handout::embedded() {
        crate::ui::handout::mount(file);
        return;
    }
    // Storage answers asynchronously (IndexedDB): open it, then show the page. (Leptos' own
    // task executor is set up by the mount, so this first task goes to the browser directly.)
    crate::ui::state::install_writer();
    crate::ui::shell::pages::start_loading(&Route::parse(&current_hash()));
    wasm_bindgen_futures::spawn_local(async {
        let start = Start::open().await;
        leptos::mount::mount_to_body(move || view! { <App start/> });
    });
}

/// The URL's hash: the route (static hosting has no server-side routes).
fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page, once storage is open.
#[component]
fn App(start: Start) -> impl IntoView {
    crate::ui::state::install_actions();
    crate::ui::state::install_folder_start();
    crate::ui::formats::workbook_reader::install();
    crate::ui::formats::exporters::install();
    let state = AppState::new(start);
    provide_context(state);
    provide_context(crate::ui::workshop::ChosenSession(RwSignal::new(None)));
    provide_context(crate::ui::kit::old_new::AskedComparison(RwSignal::new(None)));
    state.start_autosave();

    // The URL hash is the route (static hosting has no server-side routes).
    state.apply_route(Route::parse(&current_hash()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| state.apply_route(Route::parse(&current_hash())));
    // Save a waiting change before the page goes away.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| state.keep_unsaved());
    // Warn before leaving while a save failed or is waiting.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        state.keep_unsaved();
        if matches!(state.save_state.get_untracked(), SaveState::Failed(_)) {
            ev.prevent_default();
        }
    });
    // Another tab changed the stored strategies: show the new list, and reload the open
    // strategy unless this tab has a change of its own waiting.
    let _ = window_event_listener(leptos::ev::storage, move |_| state.follow_other_tab());
    // IndexedDB has no `storage` event: the tabs tell each other on a BroadcastChannel.
    state.on_other_tabs(move || state.follow_other_tab());
    // A strategy connected to a shared folder in this browser syncs on every page of it, not
    // only its files page (the sync's code is fetched only then).
    let open_id = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    Effect::new(move |_| {
        let syncing = crate::ui::state::FolderSyncing::from(state);
        if let Some(id) = open_id.get().filter(|id| syncing.has_folder(id)) {
            crate::ui::state::resume_folder(syncing, id);
        }
    });
    // The document's language follows the user's choice (screen readers, fonts).
    Effect::new(move |_| {
        let lang = match state.lang() {
            Language::Ja => "ja",
            Language::En => "en",
        };
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang);
        }
    });

    // The page shown: the route, except that moving within the editor (another goal, measure …)
    // keeps the editor and lets it follow the selection instead of building it again.
    let page = Memo::new(move |_| match state.route.get() {
        Route::Edit(id, _) => Route::Edit(id, Selection::Strategy),
        route => route,
    });

    view! {
        <Header/>
        <main id="main">
            <UpdatePrompt/>
            <crate::ui::shell::missing_part::MissingPart/>
            <Notices/>
            <ImportPreview/>
            {move || match page.get() {
                Route::List => view! { <StrategyList/> }.into_any(),
                Route::Strategy(_) => crate::ui::kit::lazy::lazy_page(pages::overview_page),
                Route::Dashboard(_) => crate::ui::kit::lazy::lazy_page(pages::dashboard_page),
                Route::Vision(_) => crate::ui::kit::lazy::lazy_page(pages::vision_page),
                Route::Files(_) => crate::ui::kit::lazy::lazy_page(|| pages::files_page(pages::FilesPart::Files)),
                Route::Round(_) => crate::ui::kit::lazy::lazy_page(|| pages::files_page(pages::FilesPart::Round)),
                Route::Folder(_) => crate::ui::kit::lazy::lazy_page(|| pages::files_page(pages::FilesPart::Folder)),
                Route::History(_) => crate::ui::kit::lazy::lazy_page(|| pages::files_page(pages::FilesPart::History)),
                Route::Drafting(_) => crate::ui::kit::lazy::lazy_page(|| pages::files_page(pages::FilesPart::Drafting)),
                Route::Print(_, report) => crate::ui::kit::lazy::lazy_page(move || pages::print_page(report)),
                Route::Edit(_, _) => crate::ui::kit::lazy::lazy_page(pages::editor_page),
                Route::Workshop(_, page) => crate::ui::kit::lazy::lazy_page(move || pages::workshop_page(page)),
                Route::Region(_) => crate::ui::kit::lazy::lazy_page(pages::region_page),
                Route::NotFound(hash) => view! {
                    <section class="panel" data-testid="not-found">
                        <h1>{state.text("ページが見つかりません", "Page not found")}</h1>
                        <p><code>{hash.clone()}</code></p>
                        <a href="#/">{state.text("戦略一覧へ", "To the strategy list")}</a>
                    </section>
                }.into_any(),
            }}
        </main>
    }
}
