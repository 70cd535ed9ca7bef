//! Pieces every entity form shares: the move up / move down / delete bar and its callbacks, a
//! select that adds what is picked, the panel for an entity that no longer exists, the list of
//! indicator references (a goal's 数値目標, a measure's or initiative's KPIs) with the choice to
//! pick an existing indicator or create one in place, the words the forms put around titles, and
//! the scroll to a panel landed on from another page.

use crate::locale;
use crate::locale::Language;
use crate::model::{Direction, FiscalYear, Goal, GoalKind, Id, InitiativeKind, Measure, Strategy};
use crate::session::route::Selection;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// "（無題）" when a title is still empty.
pub fn or_untitled(state: impl Speaks, text: String) -> String {
    if text.trim().is_empty() {
        state.tr("（無題）", "(untitled)").to_owned()
    } else {
        text
    }
}

/// A fiscal year in the user's language and year style.
pub fn year_label(state: impl Speaks, y: FiscalYear) -> String {
    locale::year(y, state.lang(), state.year_style())
}

/// A form's heading: "施策 1-2 移住の促進" — what it is, its number and its title (「（無題）」
/// while empty), an empty number left out.
pub fn entity_heading(state: impl Speaks, kind: &str, number: String, title: String) -> String {
    [kind.to_owned(), number, or_untitled(state, title)]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The kind of goal before its number where a form names the goal: 「基本目標」 / "Goal".
pub fn goal_kind(lang: Language, kind: GoalKind) -> &'static str {
    match (lang, kind) {
        (Language::Ja, k) => k.japanese(),
        (Language::En, GoalKind::Basic) => "Goal",
        (Language::En, GoalKind::CrossCutting) => "Cross-cutting goal",
    }
}

/// An initiative's 単独事業 / 補助事業 badge.
pub fn initiative_kind_badge(state: impl Speaks, kind: Option<InitiativeKind>) -> impl IntoView {
    kind.map(|k| {
        let text = match k {
            InitiativeKind::Standalone => state.tr("単独事業", "Standalone"),
            InitiativeKind::Subsidised => state.tr("補助事業", "Subsidised"),
        };
        view! { <span class="badge">{text}</span> }
    })
}

/// How the model moves or removes one kind of entity (`Strategy::move_measure`, …).
type MoveEntity = fn(&mut Strategy, &Id, Direction) -> bool;
type RemoveEntity = fn(&mut Strategy, &Id) -> bool;

/// The callbacks of one entity's [`EntityActions`]: a move that cannot happen records no undo
/// step; a delete is one undo step, after which `parent` (the strategy when there is none) opens.
pub fn entity_actions(
    id: &Id,
    go: Callback<Selection>,
    move_entity: MoveEntity,
    remove_entity: RemoveEntity,
    parent: impl Fn() -> Option<Selection> + Send + Sync + 'static,
) -> (Callback<Direction>, Callback<()>) {
    let state = use_edits();
    let on_move = {
        let id = id.clone();
        Callback::new(move |to: Direction| state.try_edit(|s| move_entity(s, &id, to)))
    };
    let id = id.clone();
    let on_delete = Callback::new(move |()| {
        let parent = parent();
        state.edit(|s| {
            remove_entity(s, &id);
        });
        go.run(parent.unwrap_or(Selection::Strategy));
    });
    (on_move, on_delete)
}

/// Move up, move down, delete — keyboard reachable buttons; focus stays on the button pressed.
#[component]
pub fn EntityActions(
    on_move: Callback<Direction>,
    on_delete: Callback<()>,
    #[prop(into)] delete_label: Signal<String>,
) -> impl IntoView {
    let state = use_edits();
    view! {
        <div class="entity-actions">
            <button type="button" data-testid="move-up" on:click=move |_| on_move.run(Direction::Up)>{state.text("↑ 上へ", "↑ Up")}</button>
            <button type="button" data-testid="move-down" on:click=move |_| on_move.run(Direction::Down)>{state.text("↓ 下へ", "↓ Down")}</button>
            <button type="button" class="danger" data-testid="delete" on:click=move |_| on_delete.run(())>{move || delete_label.get()}</button>
        </div>
    }
}

/// "New indicator" of an indicator list: creates one referenced from `holder` (a goal, measure
/// or initiative) in one undo step, and opens it.
pub fn create_indicator_for(holder: Id, go: Callback<Selection>) -> Callback<()> {
    let state = use_edits();
    Callback::new(move |()| {
        let mut made = None;
        state.edit(|s| made = Some(s.add_indicator_for(&holder)));
        if let Some(id) = made {
            go.run(Selection::Indicator(id));
        }
    })
}

/// A list of indicator references.
#[component]
pub fn IndicatorRefs(
    #[prop(into)] legend: Signal<String>,
    /// The references as stored.
    #[prop(into)]
    refs: Signal<Vec<Id>>,
    /// Replaces the references.
    on_commit: Callback<Vec<Id>>,
    /// Creates a new indicator, adds a reference to it, and opens it.
    on_create: Callback<()>,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    let state = use_edits();
    // Made again only when an indicator changed, not after every edit of the form.
    let indicators = crate::ui::kit::bind::indicators();
    let names = Memo::new(move |_| {
        indicators.with(|list| {
            list.iter()
                .flatten()
                .map(|i| (i.id.clone(), format!("{} {}", i.code, i.name).trim().to_owned()))
                .collect::<Vec<_>>()
        })
    });
    let name_of = move |id: &Id| {
        names.with(|n| n.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone())).unwrap_or_else(|| id.to_string())
    };
    // The progress of each referenced indicator, shown beside its name.
    let progress = Memo::new(move |_| {
        let ids = refs.get();
        state
            .open
            .with(|o| {
                o.as_ref()
                    .map(|s: &Strategy| ids.iter().map(|id| s.indicator(id).map(|i| s.progress(i))).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    view! {
        <fieldset class="refs" data-testid=testid>
            <legend>{move || legend.get()}</legend>
            <ul>
                {move || refs.get().into_iter().enumerate().map(|(n, id)| {
                    let badge = progress.with(|p| p.get(n).cloned().flatten()).map(|p| crate::ui::kit::status::indicator_badge(state.lang(), &p));
                    let remove = id.clone();
                    let href = state.open.with_untracked(|o| o.as_ref().map(|s| crate::session::route::Route::Edit(s.id.clone(), Selection::Indicator(id.clone())).hash())).unwrap_or_default();
                    view! {
                        <li>
                            <a href=href>{name_of(&id)}</a>" "{badge}
                            <button type="button" class="quiet" data-testid="remove-ref" on:click=move |_| {
                                let mut v = refs.get_untracked();
                                v.retain(|x| x != &remove);
                                on_commit.run(v);
                            }>{state.text("外す", "Remove")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="refs-add">
                <PickSelect label=Signal::derive(move || state.tr("既存の指標を追加", "Add an existing indicator").to_owned())
                    placeholder=Signal::derive(move || state.tr("既存の指標を追加…", "Add an existing indicator…").to_owned())
                    options=Signal::derive(move || {
                        let current = refs.get();
                        names.get().into_iter().filter(|(id, _)| !current.contains(id)).map(|(id, name)| (id.to_string(), name)).collect::<Vec<_>>()
                    })
                    testid="add-ref"
                    on_pick=Callback::new(move |v: String| {
                        let mut list = refs.get_untracked();
                        let id = Id::from(v.as_str());
                        if !list.contains(&id) { list.push(id); on_commit.run(list); }
                    })/>
                <button type="button" data-testid="create-ref" on:click=move |_| on_create.run(())>{state.text("＋ 新しい指標をつくる", "+ New indicator")}</button>
            </div>
        </fieldset>
    }
}

/// A select that offers choices to add: picking one runs `on_pick` and the select goes back to
/// its placeholder.
#[component]
pub fn PickSelect(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] placeholder: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    on_pick: Callback<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    view! {
        <select data-testid=testid aria-label=move || label.get()
            disabled=move || options.with(|o| o.is_empty())
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(sel) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok()) {
                    sel.set_value("");
                }
                if !v.is_empty() {
                    on_pick.run(v);
                }
            }>
            <option value="">{move || placeholder.get()}</option>
            {move || options.get().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
        </select>
    }
}

/// Where a form stood for an entity that no longer exists (deleted, or its creation undone).
#[component]
pub fn Missing(#[prop(into)] testid: String, ja: &'static str, en: &'static str) -> impl IntoView {
    let state = use_edits();
    view! {
        <section class="panel" data-testid=testid>
            <p class="empty">{move || state.tr(ja, en)}</p>
        </section>
    }
}

/// Scrolls the panel `panel` into view once it is on the page (a part of the settings landed on
/// from another page), its top under the page's header.
pub fn land_on(panel: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            request_animation_frame(move || el.scroll_into_view());
        }
    });
}

/// The measure with this id and the goal it sits under.
pub(super) fn find_measure<'a>(s: &'a Strategy, id: &Id) -> Option<(&'a Goal, &'a Measure)> {
    s.measures().find(|(_, m)| &m.id == id)
}
