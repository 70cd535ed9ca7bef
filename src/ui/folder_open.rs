//! What 「共有フォルダから開く」 shows on the strategy list when it did not simply open a
//! strategy: the choice among the folder's strategies (title, town, how many members' files),
//! or why nothing opened with each unreadable file and its reasons. In the `files` part, as the
//! opening itself (`state::folder_start`).

use crate::session::folder::{InFolder, Refused};
use crate::ui::speech::Speaks;
use crate::ui::state::{open_picked, use_sharing, Opening};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The view of an opening, to show under the list's buttons (`None`: nothing to show).
pub fn opening_view(opening: Opening) -> Option<ViewFn> {
    match opening {
        Opening::Done => None,
        Opening::Nothing { said, refused } => {
            Some(ViewFn::from(move || view! { <NothingOpened said=said.clone() refused=refused.clone()/> }))
        }
        Opening::Choose(found) => Some(ViewFn::from(move || view! { <ChooseStrategy found=found.clone()/> })),
    }
}

#[component]
fn NothingOpened(said: String, refused: Vec<Refused>) -> impl IntoView {
    let lang = use_sharing().lang();
    view! {
        <div class="notice error" role="alert" data-testid="folder-open-said">
            <p>{said}</p>
            {(!refused.is_empty()).then(|| refused_files(refused, lang, "folder-open-refused"))}
        </div>
    }
}

/// The files of a folder that do not read, each with its reasons (`testid`: the list's, and
/// `<testid>-file` each file's).
pub fn refused_files(refused: Vec<Refused>, lang: crate::locale::Language, testid: &'static str) -> impl IntoView {
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
    let app = use_sharing();
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
                    " "<span class="meta">{match app.lang() {
                        crate::locale::Language::Ja => format!("メンバーのファイル {files} 件"),
                        crate::locale::Language::En => format!("{files} members' files"),
                    }}</span>
                    " "<button type="button" class="primary" data-testid="folder-open-choose" prop:disabled=move || opening.get() on:click=open>
                        {app.text("この戦略を開く", "Open this strategy")}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="notice" role="status" data-testid="folder-open-choose-list">
            <p>{app.text(
                "このフォルダには複数の戦略のファイルがあります。開く戦略を選んでください（選んだ戦略だけを、このブラウザに保存して共有フォルダにつなぎます）。",
                "This folder holds files of several strategies. Choose the one to open (only that one is stored in this browser and connected to the folder).",
            )}</p>
            <ul class="strategy-list">{rows}</ul>
            {move || said.get().map(|t| view! { <p class="notice error" role="alert" data-testid="folder-open-said">{t}</p> })}
        </div>
    }
}
