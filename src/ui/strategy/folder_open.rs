//! What 「共有フォルダから開く」 shows on the strategy list when it did not simply open a
//! strategy: the choice among the folder's strategies (title, town, how many members' files),
//! or why nothing opened with each unreadable file and its reasons. In the `files` part, as the
//! opening itself (`state::folder_start`).

use crate::session::folder::{InFolder, RefusedFile};
use crate::ui::speech::Speaks;
use crate::ui::state::{open_from_folder, open_picked, use_folder_syncing, FolderSyncing, PickedFolder};
use leptos::prelude::*;
use leptos::task::spawn_local;

thread_local! {
    /// The last opening that had something to show ([`shown`]).
    static SHOWN: std::cell::RefCell<Option<PickedFolder>> = const { std::cell::RefCell::new(None) };
}

/// 「共有フォルダから開く」: whether there is something to show under the list's buttons (the
/// main module only keeps that flag and asks [`shown`] for the view: the views stay here).
pub async fn open(app: FolderSyncing) -> bool {
    let opening = open_from_folder(app).await;
    let show = !matches!(opening, PickedFolder::Done);
    SHOWN.with(|s| *s.borrow_mut() = show.then_some(opening));
    show
}

/// The view of the last opening with something to show.
pub fn shown() -> AnyView {
    match SHOWN.with(|s| s.borrow().clone()) {
        Some(PickedFolder::Nothing { said, refused }) => {
            view! { <NothingOpened said=said refused=refused/> }.into_any()
        }
        Some(PickedFolder::Choose(found)) => view! { <ChooseStrategy found=found/> }.into_any(),
        Some(PickedFolder::Done) | None => ().into_any(),
    }
}

#[component]
fn NothingOpened(said: String, refused: Vec<RefusedFile>) -> impl IntoView {
    let lang = use_folder_syncing().lang();
    view! {
        <div class="notice error" role="alert" data-testid="folder-open-said">
            <p>{said}</p>
            {(!refused.is_empty()).then(|| refused_files(refused, lang, "folder-open-refused"))}
        </div>
    }
}

/// The files of a folder that do not read, each with its reasons (`testid`: the list's, and
/// `<testid>-file` each file's).
pub fn refused_files(refused: Vec<RefusedFile>, lang: crate::locale::Language, testid: &'static str) -> impl IntoView {
    view! {
        <ul class="folder-refused" data-testid=testid>
            {refused.into_iter().map(|r| view! {
                <li data-testid=format!("{testid}-file")>
                    <code>{r.file.clone()}</code>
                    <ul>{crate::words::folder::refusal(&r.reason, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ChooseStrategy(found: Vec<InFolder>) -> impl IntoView {
    let app = use_folder_syncing();
    let said = RwSignal::new(None::<String>);
    let opening = RwSignal::new(false);
    let rows = found
        .into_iter()
        .map(|s| {
            let files = s.files.len();
            let label = format!("{}（{}）", s.title, s.municipality);
            let open = move |_| {
                if opening.get_untracked() {
                    return;
                }
                opening.set(true);
                let s = s.clone();
                spawn_local(async move {
                    let failed = open_picked(app, &s).await;
                    let _ = opening.try_set(false);
                    let _ = said.try_set(failed);
                });
            };
            view! {
                <li class="strategy-row" data-testid="folder-open-choice">
                    <span class="strong">{label}</span>
                    " "<span class="meta">{crate::words::folder::members_files(files, app.lang())}</span>
                    " "<button type="button" class="primary" data-testid="folder-open-choose" prop:disabled=move || opening.try_get().unwrap_or(true) on:click=open>
                        {app.text("この戦略を開く", "Open this strategy")}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="notice" role="status" data-testid="folder-open-choose-list">
            <p>{move || crate::words::folder::choose_strategy(app.lang())}</p>
            <ul class="strategy-list">{rows}</ul>
            {move || said.try_get().flatten().map(|t| view! { <p class="notice error" role="alert" data-testid="folder-open-said">{t}</p> })}
        </div>
    }
}
