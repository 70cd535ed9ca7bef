//! 反映 on an opinion answered 修正する: the version of the history that made the change, linked
//! (「反映：令和8年11月20日 14:22 の版（施策1-2 … を変更）」) with a button to its 新旧対照表 on the
//! 履歴 page, or said to be missing from this history; and the picker that links one — the
//! versions since the hearing, newest first, those that changed the opinion's item first
//! (`model::hearing::reflection`). The versions are read from storage again after every save.

use crate::format::opinions::place_cell;
use crate::locale::{self, tr, Language};
use crate::model::hearing::reflection::{self, Found, KeptVersion};
use crate::model::hearing::VersionLink;
use crate::model::{Id, Strategy};
use crate::session::route::Route;
use crate::storage::StoredVersion;
use crate::ui::browser::files;
use crate::ui::kit::old_new::AskedComparison;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_library, Edits, Library};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// How many versions since the hearing the picker reads (each, and the one before it, is read to
/// see whether it changed the item).
const OFFERED: usize = 12;

/// A version the picker offers: `seq` `None` for the current one.
#[derive(Clone, Debug, PartialEq)]
struct Offer {
    seq: Option<u64>,
    link: VersionLink,
    title: String,
    changed: bool,
}

/// The history as a link needs it: the kept versions and the current one's time.
type History = (Vec<StoredVersion>, String);

#[component]
pub fn Reflection(state: Edits, id: Id) -> impl IntoView {
    let library = use_library();
    let key = id.clone();
    let about = Memo::new(move |_| {
        state.open.with(|o| {
            let s = o.as_ref()?;
            let op = s.opinion(&key)?;
            Some((
                s.id.clone(),
                op.version.clone(),
                op.about.id().cloned(),
                place_cell(s, op),
                s.hearing(&op.hearing).cloned(),
            ))
        })
    });
    let history: RwSignal<Option<History>> = RwSignal::new(None);
    // Syncs with storage: each save may add or thin versions.
    Effect::new(move |_| {
        state.save_state.track();
        let Some(sid) = about.with(|a| a.as_ref().map(|a| a.0.clone())) else { return };
        spawn_local(async move {
            let list = library.versions().list(&sid).await.unwrap_or_default();
            let now = library.versions().current_saved_at(&sid).await.unwrap_or_default();
            let _ = history.try_set(Some((list, now)));
        });
    });
    let offered: RwSignal<Option<Result<Vec<Offer>, String>>> = RwSignal::new(None);
    let pick = move |_| {
        let Some((sid, _, item, _, Some(hearing))) = about.get_untracked() else { return };
        offered.set(Some(Ok(Vec::new())));
        spawn_local(async move {
            let found = offers(library, &sid, &hearing, item.as_ref()).await;
            let _ = offered.try_set(Some(found));
        });
    };
    let link_id = id.clone();
    let choose = move |link: Option<VersionLink>| {
        let id = link_id.clone();
        state.try_edit(move |s| s.link_version(&id, link));
        offered.set(None);
    };
    move || {
        let lang = state.lang();
        let (sid, link, _, place, _) = about.get()?;
        let shown = link.map(|link| {
            let found = history.with(|h| h.as_ref().map(|(list, now)| find(&link, list, now)));
            let when = when(&link.saved_at, lang, state.year_style());
            let line = crate::words::hearing::reflection(&when, &place, found == Some(Found::Missing), lang);
            let asked = use_context::<AskedComparison>();
            let table = found.and_then(Found::old_new).map(|(old, new)| {
                let href = Route::History(sid.clone()).hash();
                let sid = sid.clone();
                let ask = move |_| {
                    if let Some(AskedComparison(a)) = asked {
                        a.set(Some((sid.clone(), old, new)));
                    }
                };
                view! {
                    <a class="button" data-testid="opinion-reflection-table" href=href on:click=ask>
                        {tr(lang, "この修正の新旧対照表を見る", "See this change's comparison table")}
                    </a>
                }
            });
            view! {
                <p class="opinion-reflection" data-testid="opinion-reflection">{line}</p>
                {table}
                <button type="button" class="button" data-testid="opinion-unlink" on:click={
                    let choose = choose.clone();
                    move |_| choose(None)
                }>{tr(lang, "版との結び付けを外す", "Unlink the version")}</button>
            }
        });
        let choose = choose.clone();
        Some(view! {
            <div class="reflection">
                {shown}
                <button type="button" class="button" data-testid="opinion-pick-version" on:click=pick>
                    {tr(lang, "修正した版を履歴から選ぶ…", "Pick the version that made the change…")}
                </button>
                {move || offered.get().map(|o| match o {
                    Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="meta">{tr(lang, "版を読んでいます…", "Reading the versions…")}</p> }.into_any(),
                    Ok(list) => {
                        let choose = choose.clone();
                        view! {
                            <ul class="version-offers" data-testid="version-offers">
                                {list.into_iter().map(|o| {
                                    let choose = choose.clone();
                                    let mark = o.changed.then(|| view! { <strong class="badge">{tr(lang, "この項目が変わった版", "changed this item")}</strong> " " });
                                    let name = match o.seq {
                                        None => format!("{} {}", when(&o.link.saved_at, lang, state.year_style()), tr(lang, "（現在の版）", "(the current version)")),
                                        Some(_) => format!("{} 「{}」", when(&o.link.saved_at, lang, state.year_style()), o.title),
                                    };
                                    let link = o.link.clone();
                                    view! {
                                        <li data-testid="version-offer">
                                            {mark}
                                            <button type="button" on:click=move |_| choose(Some(link.clone()))>{name}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                })}
            </div>
        })
    }
}

/// Where `link` is among the kept versions and the current one.
fn find(link: &VersionLink, list: &[StoredVersion], now: &str) -> Found {
    let kept: Vec<KeptVersion<'_>> = list.iter().map(kept).collect();
    let current = (!now.is_empty()).then_some(KeptVersion { seq: u64::MAX, saved_at: now, id: None });
    reflection::find(link, &kept, current)
}

fn kept(v: &StoredVersion) -> KeptVersion<'_> {
    KeptVersion { seq: v.seq, saved_at: &v.saved_at, id: v.id }
}

/// 「令和8年11月20日 14:22」: a version's time, in the user's local time.
fn when(saved_at: &str, lang: Language, style: locale::YearStyle) -> String {
    let local = files::local_time(saved_at);
    match local.split_once(' ') {
        Some((day, time)) => format!("{} {time}", locale::date(&day.replace('/', "-"), lang, style)),
        None => local,
    }
}

/// The versions a 修正 heard at `hearing` may link: the current one and those kept since the
/// hearing, newest first, those that changed `item` (from the version before each) first.
async fn offers(
    library: Library,
    sid: &Id,
    hearing: &crate::model::Hearing,
    item: Option<&Id>,
) -> Result<Vec<Offer>, String> {
    let lang = library.lang();
    let failed = |e| crate::words::storage_error(&e, lang);
    let list = library.versions().list(sid).await.map_err(failed)?;
    let (current, now) = library.versions().current(sid).await.map_err(failed)?;
    // Named when it was shared or merged: a link to it is then found and placed by the graph.
    let now_id = library.versions().current_id(sid).await.ok().flatten();
    let all: Vec<KeptVersion<'_>> = list.iter().map(kept).collect();
    let before =
        |at: &str| all.iter().filter(|v| v.saved_at < at).max_by(|a, b| a.saved_at.cmp(b.saved_at)).map(|v| v.seq);
    let mut read: HashMap<u64, Strategy> = HashMap::new();
    let mut out = Vec::new();
    let current_offer = KeptVersion { seq: u64::MAX, saved_at: &now, id: now_id };
    for v in std::iter::once(current_offer).chain(reflection::since_hearing(&all, hearing, OFFERED)) {
        let changed = match (item, before(v.saved_at)) {
            (Some(item), Some(b)) => {
                let missing: Vec<u64> =
                    [b, v.seq].into_iter().filter(|s| *s != u64::MAX && !read.contains_key(s)).collect();
                for seq in missing {
                    if let Ok(s) = library.versions().version(sid, seq).await {
                        read.insert(seq, s);
                    }
                }
                let new = if v.seq == u64::MAX { Some(&current) } else { read.get(&v.seq) };
                match (read.get(&b), new) {
                    (Some(old), Some(new)) => reflection::item_changed(old, new, item),
                    _ => false,
                }
            }
            _ => false,
        };
        let title =
            list.iter().find(|x| x.seq == v.seq).map(|x| x.title.clone()).unwrap_or_else(|| current.title.clone());
        let seq = (v.seq != u64::MAX).then_some(v.seq);
        out.push((
            Offer { seq, link: VersionLink { saved_at: v.saved_at.to_owned(), id: v.id }, title, changed },
            changed,
        ));
    }
    Ok(reflection::changed_first(out).into_iter().map(|(o, _)| o).collect())
}
