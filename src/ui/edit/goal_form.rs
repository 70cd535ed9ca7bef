//! The form of one goal (基本目標 / 横断的な目標): number, kind, title, subtitle, direction,
//! national counterpart, SDGs, numerical targets, and its measures.

use super::common::{create_indicator_for, EntityActions, IndicatorRefs};
use super::name_focus::name_field;
use crate::locale;
use crate::model::{GoalKind, Id, Sdg};
use crate::session::route::Selection;
use crate::ui::kit::bind::{self, label};
use crate::ui::kit::fields::{SdgPicker, SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

#[component]
pub fn GoalForm(id: Id, go: Callback<Selection>) -> impl IntoView {
    let state = use_edits();
    let exists = bind::goal(&id, |_| true);
    let number = bind::goal(&id, |g| g.number.clone());
    let kind =
        bind::goal(&id, |g| if g.kind == GoalKind::Basic { "basic".to_owned() } else { "cross_cutting".to_owned() });
    let title = bind::goal(&id, |g| g.title.clone());
    let subtitle = bind::goal(&id, |g| g.subtitle.clone());
    let direction = bind::goal(&id, |g| g.direction.clone());
    let national = bind::goal(&id, |g| g.national_goal.as_ref().map(|n| n.to_string()).unwrap_or_default());
    let sdgs = bind::goal(&id, |g| g.sdgs.clone());
    let targets = bind::goal(&id, |g| g.targets.clone());
    let totals = {
        let id = id.clone();
        bind::read(move |s| {
            let Some(g) = s.goals.iter().find(|g| g.id == id) else { return Vec::new() };
            let recorded = g
                .measures
                .iter()
                .flat_map(|m| m.initiatives.iter().flat_map(|i| i.years.iter().map(|y| y.fiscal_year)));
            s.period.with(recorded).into_iter().map(|y| (y, s.goal_totals(g, y))).collect::<Vec<_>>()
        })
    };
    let measures = bind::goal(&id, |g| {
        g.measures.iter().map(|m| (m.id.clone(), format!("{} {}", m.number, m.title), m.priority)).collect::<Vec<_>>()
    });
    let national_options = Memo::new(move |_| {
        let none = (String::new(), state.tr("（対応なし）", "(none)").to_owned());
        let mut v = vec![none];
        state.open.with(|o| {
            if let Some(s) = o {
                v.extend(
                    s.national_framework
                        .goals
                        .iter()
                        .map(|n| (n.id.to_string(), format!("{} {} {}", n.kind.japanese(), n.number, n.title))),
                );
            }
        });
        v
    });
    let kinds = Signal::derive(move || {
        vec![
            ("basic".to_owned(), state.tr("基本目標", "Basic goal").to_owned()),
            ("cross_cutting".to_owned(), state.tr("横断的な目標", "Cross-cutting goal").to_owned()),
        ]
    });
    let heading = move || {
        let k = if kind.get() == "basic" {
            state.tr("基本目標", "Basic goal")
        } else {
            state.tr("横断的な目標", "Cross-cutting goal")
        };
        format!("{k} {} {}", number.get(), title.get())
    };
    let mix = {
        let id = id.clone();
        bind::read(move |s| s.goals.iter().find(|g| g.id == id).map(|g| s.goal_mix(g)).unwrap_or_default())
    };
    let (mid, did, aid, cid) = (id.clone(), id.clone(), id.clone(), id.clone());
    view! {
        {move || (!exists.get()).then(|| view! { <p class="notice" role="status">{state.tr("この目標はありません（削除されたか、元に戻されました）。", "This goal does not exist (deleted or undone).")}</p> })}
            <div class="panel" data-testid="goal-form" class:gone=move || !exists.get()>
                <h1 data-testid="form-heading" tabindex="-1">{heading}</h1>
                <p class="meta">{state.text("数値目標・KPI の達成状況: ", "Indicator status: ")}{move || crate::ui::kit::status::mix_badges(state.lang(), mix.get())}</p>
                <EntityActions delete_label=label(state, "この目標を削除", "Delete this goal")
                    on_move={ let id = mid.clone(); Callback::new(move |to| state.try_edit(|s| s.move_goal(&id, to))) }
                    on_delete={ let id = did.clone(); Callback::new(move |_| { state.edit(|s| { s.remove_goal(&id); }); go.run(Selection::Strategy); }) }/>
                <div class="form-grid">
                    <SelectField label=label(state, "種類", "Kind") options=kinds value=kind testid="goal-kind"
                        on_commit=bind::write_goal(&id, |g, v: String| g.kind = if v == "basic" { GoalKind::Basic } else { GoalKind::CrossCutting })/>
                    <TextField label=label(state, "番号", "Number") value=number testid="goal-number"
                        on_commit=bind::write_goal(&id, |g, v: String| g.number = v)/>
                    <TextField label=label(state, "目標", "Title") value=title testid="goal-title" node_ref=name_field()
                        on_commit=bind::write_goal(&id, |g, v: String| g.title = v)/>
                    <TextField label=label(state, "副題（～…～）", "Subtitle (～…～)") value=subtitle testid="goal-subtitle"
                        on_commit=bind::write_goal(&id, |g, v: String| g.subtitle = v.trim().trim_start_matches('～').trim_end_matches('～').to_owned())/>
                    <TextField label=label(state, "方向性", "Direction") value=direction multiline=true testid="goal-direction"
                        on_commit=bind::write_goal(&id, |g, v: String| g.direction = v)/>
                    <SelectField label=label(state, "国の目標との対応", "National goal") options=national_options value=national testid="goal-national"
                        on_commit=bind::write_goal(&id, |g, v: String| g.national_goal = (!v.is_empty()).then(|| Id::from(v.as_str())))/>
                </div>
                <SdgPicker value=sdgs on_commit=bind::write_goal(&id, |g, v: Vec<Sdg>| g.sdgs = v)/>
                <IndicatorRefs legend=label(state, "数値目標", "Numerical targets") refs=targets testid="goal-targets"
                    on_commit=bind::write_goal(&id, |g, v: Vec<Id>| g.targets = v)
                    on_create=create_indicator_for(cid.clone(), go)/>
                <h2>{state.text("施策", "Measures")}</h2>
                <ol class="children" data-testid="goal-measures">
                    {move || measures.get().into_iter().map(|(mid, label, priority)| view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| go.run(Selection::Measure(mid.clone()))>
                                {if label.trim().is_empty() { state.tr("（無題）", "(untitled)").to_owned() } else { label }}
                            </button>
                            {priority.then(|| view! { <span class="badge priority">{state.tr("重点施策", "Priority")}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
                <button type="button" data-testid="add-measure" on:click=move |_| {
                    let mut new_id = None;
                    state.edit(|s| new_id = s.add_measure(&aid));
                    if let Some(m) = new_id { go.run(Selection::Measure(m)); }
                }>{state.text("＋ 施策を追加", "+ Add a measure")}</button>
            </div>
            <div class="panel">
                <h2>{state.text("予算額・決算額 計（千円）", "Budget and settled totals (thousand yen)")}</h2>
                <p class="lead">{state.text("この目標の施策の事業から自動で計算します（再掲は二重に数えません）。", "Computed from the initiatives of this goal's measures (re-listed ones counted once).")}</p>
                <table class="year-table" data-testid="goal-totals">
                    <thead><tr>
                        <th scope="col">{state.text("年度", "Fiscal year")}</th>
                        <th scope="col">{state.text("予算額 計", "Budget")}</th>
                        <th scope="col">{state.text("決算額 計", "Settled")}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let money = |v: Option<i64>| v.map(|v| locale::number(v as f64)).unwrap_or_else(|| "—".to_owned());
                            totals.get().into_iter().map(|(y, t)| view! {
                                <tr>
                                    <th scope="row">{locale::year(y, state.lang(), state.year_style())}</th>
                                    <td class="num" data-testid=format!("goal-budget-{}", y.0)>{money(t.budget)}</td>
                                    <td class="num" data-testid=format!("goal-settled-{}", y.0)>{money(t.settled)}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
    }
}
