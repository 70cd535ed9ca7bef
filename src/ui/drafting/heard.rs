//! A hearing's version heard on its card: the version it records (「策定会議（令和8年12月10日）で
//! 示した骨子案」), chosen among the versions stored now — the current one, those kept under a
//! name, then the newest saves — and 「今の版にする」, which links the version stored now (a
//! waiting change saved first). The history keeps whichever is chosen (`storage::versions::Needed`).

use crate::locale::tr;
use crate::model::hearing::VersionLink;
use crate::model::Id;
use crate::storage::StoredVersion;
use crate::ui::browser::files;
use crate::ui::kit::fields::SelectField;
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How many unnamed saves the choice offers (newest first): a day's autosaves are tens.
const SAVES_OFFERED: usize = 30;

/// The version heard of the hearing `hearing`, and the choice of another.
#[component]
pub fn HeardVersion(state: Edits, hearing: Id) -> impl IntoView {
    let library = crate::ui::state::use_library();
    // (the current version's time, the kept versions newest first), read again after each save.
    let stored: RwSignal<Option<(String, Vec<StoredVersion>)>> = RwSignal::new(None);
    let sid = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    Effect::new(move |_| {
        state.save_state.track();
        let Some(id) = sid.get() else { return };
        spawn_local(async move {
            let versions = library.versions();
            let current = versions.current_saved_at(&id).await.unwrap_or_default();
            let kept = versions.list(&id).await.unwrap_or_default();
            let _ = stored.try_set(Some((current, kept)));
        });
    });
    let key = hearing.clone();
    let heard =
        Memo::new(move |_| state.open.with(|o| o.as_ref().and_then(|s| s.hearing(&key)).and_then(|h| h.heard.clone())));
    let key = hearing.clone();
    let name = Memo::new(move |_| {
        let (lang, style) = (state.lang(), state.year_style());
        state.open.with(|o| {
            o.as_ref().and_then(|s| s.hearing(&key)).map(|h| crate::words::hearing::heard_version_name(h, lang, style))
        })
    });
    let options = Signal::derive(move || {
        let lang = state.lang();
        let Some((current, kept)) = stored.get() else { return Vec::new() };
        let mut out: Vec<(String, String)> = Vec::new();
        if !current.is_empty() {
            out.push((
                current.clone(),
                format!("{}（{}）", tr(lang, "今の版", "The current version"), files::local_time(&current)),
            ));
        }
        let (named, saves): (Vec<&StoredVersion>, Vec<&StoredVersion>) = kept.iter().partition(|v| v.is_named());
        for v in named {
            out.push((
                v.saved_at.clone(),
                format!("{} ・ {}", v.label.as_deref().unwrap_or_default(), files::local_time(&v.saved_at)),
            ));
        }
        for v in saves.into_iter().take(SAVES_OFFERED) {
            out.push((v.saved_at.clone(), format!("{} 「{}」", files::local_time(&v.saved_at), v.title)));
        }
        // The version heard, when it is not among them (made elsewhere, or older than those offered).
        if let Some(link) = heard.get().filter(|l| !out.iter().any(|(at, _)| *at == l.saved_at)) {
            let missing = match kept.iter().any(|v| v.saved_at == link.saved_at) {
                true => files::local_time(&link.saved_at),
                false => format!(
                    "{}（{}）",
                    files::local_time(&link.saved_at),
                    tr(lang, "この履歴にはありません", "not in this history")
                ),
            };
            out.insert(0, (link.saved_at.clone(), missing));
        }
        if heard.get().is_none() {
            out.insert(0, (String::new(), tr(lang, "（まだ決めていません）", "(not chosen yet)").to_owned()));
        }
        out
    });
    let value = Signal::derive(move || heard.get().map(|l| l.saved_at).unwrap_or_default());
    let key = hearing.clone();
    let choose = Callback::new(move |at: String| {
        let id = stored.with_untracked(|s| {
            s.as_ref().and_then(|(_, kept)| kept.iter().find(|v| v.saved_at == at).and_then(|v| v.id))
        });
        let link = (!at.is_empty()).then_some(VersionLink { saved_at: at, id });
        let key = key.clone();
        state.edit(move |s| {
            if let Some(h) = s.hearing_mut(&key) {
                h.heard = link;
            }
        });
    });
    let now = move |_| state.link_heard(hearing.clone());
    view! {
        <div class="heard-version" data-testid="hearing-heard-version">
            {move || heard.get().is_some().then(|| view! {
                <p class="meta" data-testid="hearing-heard">
                    {move || tr(state.lang(), "聴いた版：", "Version heard: ")}{move || name.get()}
                    {move || tr(state.lang(), "（履歴に残り、新旧対照表で最初に選べます）", " (kept in the history, offered first in the comparison table)")}
                </p>
            })}
            <SelectField label=Signal::derive(move || tr(state.lang(), "聴いた版（意見聴取で示した版）", "Version heard (the one shown at the hearing)").to_owned())
                options=options value=value on_commit=choose testid="hearing-heard-choice"/>
            <button type="button" data-testid="hearing-heard-now" on:click=now>{state.text("今の版にする", "Make it the current version")}</button>
        </div>
    }
}

/// After the strategy's document is made: the hearings of the current stage, each offered to take
/// the version the document was made from as its version heard (the document is what they are
/// shown). Nothing changes unless the officer presses one.
#[component]
pub fn DocumentForHearing(state: Edits) -> impl IntoView {
    let hearings = Memo::new(move |_| {
        let (lang, style) = (state.lang(), state.year_style());
        state.open.with(|o| {
            o.as_ref()
                .map(|s| {
                    s.hearings_on(s.stage)
                        .map(|h| (h.id.clone(), crate::words::hearing::heard_version_name(h, lang, style)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let linked = RwSignal::new(Vec::<Id>::new());
    move || {
        let list = hearings.get();
        (!list.is_empty()).then(|| view! {
            <div class="notice" data-testid="drafting-document-heard">
                <p>{state.text(
                    "この文書を意見聴取で示すときは、その意見聴取の「聴いた版」をこの文書の版にできます（履歴に残り、新旧対照表で比べられます）。",
                    "If this document is what a hearing is shown, make it that hearing's version heard (kept in the history, compared in the comparison table).")}</p>
                <ul>
                    {list.into_iter().map(|(id, name)| {
                        let done = { let id = id.clone(); move || linked.with(|l| l.contains(&id)) };
                        let press = move |_| {
                            state.link_heard(id.clone());
                            linked.update(|l| l.push(id.clone()));
                        };
                        view! {
                            <li>
                                <button type="button" data-testid="drafting-document-heard-link" disabled=done.clone() on:click=press>
                                    {crate::words::hearing::document_as_heard(&name, state.lang())}
                                </button>
                                {move || done().then(|| view! { <span class="meta" role="status">{tr(state.lang(), " 聴いた版にしました。", " Linked.")}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}
