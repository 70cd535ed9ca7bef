//! The top bar: the app's name, the autosave state, the storage warning, and the language and
//! year-style switches.

use crate::locale::{Language, YearStyle};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_app, SaveState};
use crate::words;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang();
    // With no strategy open nothing has been saved or is waiting: the state says nothing (a
    // 「保存済み」 on the first screen would claim a save that never happened).
    let anything_open = Memo::new(move |_| state.open.with(Option::is_some));
    let save_text = move || match state.save_state.get() {
        SaveState::Saved { .. } if !anything_open.get() => String::new(),
        SaveState::Saved { at: Some(_) } => state.tr("保存済み", "Saved").to_owned(),
        SaveState::Saved { at: None } => state.tr("保存済み", "Saved").to_owned(),
        SaveState::Pending => state.tr("保存中…", "Saving…").to_owned(),
        SaveState::Failed(e) => {
            format!("{} {}", state.tr("保存できませんでした:", "Not saved:"), words::storage_error(&e, lang()))
        }
        SaveState::NotPersistent => state
            .tr("保存されません（ブラウザの保存領域が使えません）", "Not being saved (browser storage unavailable)")
            .to_owned(),
    };
    let save_class = move || match state.save_state.get() {
        SaveState::Saved { .. } if !anything_open.get() => "save-state idle",
        SaveState::Saved { .. } => "save-state saved",
        SaveState::Pending => "save-state pending",
        SaveState::Failed(_) | SaveState::NotPersistent => "save-state failed",
    };
    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"しるべ"</span>
                <span class="brand-name">"Shirube"</span>
            </a>
            <span class=save_class role="status" aria-live="polite" data-testid="save-state">{save_text}</span>
            <div class="switches">
                <button
                    type="button"
                    data-testid="year-style"
                    on:click=move |_| state.set_preferences(|p| p.year_style = match p.year_style {
                        YearStyle::Japanese => YearStyle::Western,
                        YearStyle::Western => YearStyle::Japanese,
                    })
                    title=state.text("年度の表示を切り替える", "Switch the fiscal-year display")
                >
                    {move || match state.year_style() {
                        YearStyle::Japanese => state.tr("西暦で表示", "Western years"),
                        YearStyle::Western => state.tr("和暦で表示", "Japanese eras"),
                    }}
                </button>
                <button
                    type="button"
                    data-testid="language"
                    lang=move || if lang() == Language::Ja { "en" } else { "ja" }
                    on:click=move |_| state.set_preferences(|p| p.language = match p.language {
                        Language::Ja => Language::En,
                        Language::En => Language::Ja,
                    })
                >
                    {move || if lang() == Language::Ja { "English" } else { "日本語" }}
                </button>
            </div>
        </header>
        {move || state.storage_problem.get().map(|e| view! {
            <div class="banner warning" role="alert" data-testid="storage-banner">{words::storage_error(&e, lang())}</div>
        })}
        {move || state.storage_problem.with(Option::is_none).then(|| state.indexed_db_problem.get()).flatten().map(|e| view! {
            <div class="banner warning" role="status" data-testid="indexed-db-banner">{words::indexed_db_problem(&e, lang())}</div>
        })}
    }
}
