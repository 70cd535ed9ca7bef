//! The form of one indicator (数値目標・KPI): where it is used, its code, name, unit, kind,
//! desired direction, source and notes, and its series — a single series or a breakdown
//! (男性/女性) — each with a baseline, a target (a value by a year, a direction only "↗", or a
//! value every year "0人/年"), and one table of fiscal years for interim targets and actuals.
//! The achievement shown next to each series is computed from the model, never stored.
//!
//! Missing is not zero: an empty number field means "no value", and clearing an actual removes
//! that year's actual. A year typed before the value it belongs to (a baseline year, a target
//! year) is held in the form and stored together with the value.

use super::common::{entity_actions, goal_kind, EntityActions, Missing};
use crate::charts::indicator::chart as indicator_chart;
use crate::locale;
use crate::locale::Language;
use crate::model::{DesiredDirection, Goal, Id, IndicatorKind, Series, Strategy};
use crate::session::route::Selection;
use crate::ui::kit::bind::{self, LastSeen};
use crate::ui::kit::chart_view::{figure_of, ChartView};
use crate::ui::kit::fields::{SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;
use std::sync::Arc;

mod series;
pub(super) mod series_form;
mod series_meta;
mod series_target;
mod series_years;
mod target_history;
mod verdicts;
mod year_row;
use series::SeriesBlock;
use verdicts::Verdicts;

/// One place where the indicator is used.
#[derive(Clone, Debug, PartialEq)]
struct Use {
    selection: Selection,
    role: &'static str,
    label: String,
    testid: &'static str,
}

fn uses_in(goals: &[Arc<Goal>], id: &Id, lang: Language) -> Vec<Use> {
    let uses = Strategy::uses_among(goals, id);
    let place = |selection, role, kind: &str, number: &str, title: &str, testid| Use {
        selection,
        role,
        label: format!("{kind} {number} {title}").trim().to_owned(),
        testid,
    };
    let target = locale::tr(lang, "数値目標", "Numerical target");
    let (measure, initiative) = (locale::tr(lang, "施策", "Measure"), locale::tr(lang, "事業", "Initiative"));
    (uses.goals.iter())
        .map(|g| place(Selection::Goal(g.id.clone()), target, goal_kind(lang, g.kind), &g.number, &g.title, "use-goal"))
        .chain(
            uses.measures
                .iter()
                .map(|m| place(Selection::Measure(m.id.clone()), "KPI", measure, &m.number, &m.title, "use-measure")),
        )
        .chain(uses.initiatives.iter().map(|i| {
            place(Selection::Initiative(i.id.clone()), "KPI", initiative, &i.number, &i.title, "use-initiative")
        }))
        .collect()
}

#[component]
pub fn IndicatorForm(id: Id, go: Callback<Selection>) -> impl IntoView {
    let exists = {
        let (id, seen) = (id.clone(), LastSeen::default());
        bind::read(move |s| seen.indicator(s, &id).is_some())
    };
    move || {
        if exists.get() {
            view! { <IndicatorEditor id=id.clone() go=go/> }.into_any()
        } else {
            view! { <Missing testid="indicator-not-found" ja="この指標はありません（削除されたか、元に戻す操作で取り消されました）。" en="This indicator does not exist (it was deleted or undone)."/> }.into_any()
        }
    }
}

#[component]
fn IndicatorEditor(id: Id, go: Callback<Selection>) -> impl IntoView {
    let state = use_edits();
    let lbl = move |ja: &'static str, en: &'static str| bind::label(state, ja, en);

    let heading = bind::indicator(&id, |i| format!("{} {}", i.code, i.name).trim().to_owned());
    let uses = {
        let id = id.clone();
        // From the goals alone: editing this indicator's values does not look through them again.
        let goals = bind::goals();
        Memo::new(move |_| {
            let lang = state.lang();
            goals.with(|g| g.as_deref().map(|g| uses_in(g, &id, lang))).unwrap_or_default()
        })
    };

    let (on_move, on_delete) = entity_actions(&id, go, Strategy::move_indicator, Strategy::remove_indicator, || None);

    let code = bind::indicator(&id, |i| i.code.clone());
    let name = bind::indicator(&id, |i| i.name.clone());
    let unit = bind::indicator(&id, |i| i.unit.clone());
    let source = bind::indicator(&id, |i| i.source.clone());
    let notes = bind::indicator(&id, |i| i.notes.clone());
    let kind = bind::indicator(&id, |i| i.kind.as_str().to_owned());
    let direction = bind::indicator(&id, |i| match i.direction {
        DesiredDirection::Increase => "increase".to_owned(),
        DesiredDirection::Decrease => "decrease".to_owned(),
        DesiredDirection::Maintain => "maintain".to_owned(),
    });
    let kind_options = Signal::derive(move || {
        vec![
            ("outcome".to_owned(), state.tr("アウトカム指標", "Outcome").to_owned()),
            ("output".to_owned(), state.tr("アウトプット指標", "Output").to_owned()),
        ]
    });
    let direction_options = Signal::derive(move || {
        vec![
            ("increase".to_owned(), state.tr("増加 ↗（多いほどよい）", "Increase ↗ (more is better)").to_owned()),
            ("decrease".to_owned(), state.tr("減少 ↘（少ないほどよい）", "Decrease ↘ (less is better)").to_owned()),
            (
                "maintain".to_owned(),
                state.tr("維持 →（下回らなければよい）", "Maintain → (not falling is enough)").to_owned(),
            ),
        ]
    });

    let series_ids = bind::indicator(&id, |i| i.series.iter().map(|s| s.id.clone()).collect::<Vec<Id>>());
    // The series whose label takes the focus when its block is drawn: the one just added.
    let focus_label = RwSignal::new(None::<Id>);
    let add_series = {
        let id = id.clone();
        move |_| {
            let series = Series::new("");
            focus_label.set(Some(series.id.clone()));
            state.edit(|s| {
                if let Some(i) = s.indicator_mut(&id) {
                    i.series.push(series);
                }
            });
        }
    };
    let blocks_ind = id.clone();
    let chart_id = id.clone();

    view! {
        <section class="panel indicator-head" data-testid="indicator-form">
            <p class="meta">{state.text("数値目標・KPI", "Indicator (numerical target / KPI)")}</p>
            <h1 data-testid="indicator-heading">
                {move || {
                    let h = heading.get();
                    if h.is_empty() { state.tr("（無題の指標）", "(untitled indicator)").to_owned() } else { h }
                }}
            </h1>
            <EntityActions on_move=on_move on_delete=on_delete delete_label=lbl("この指標を削除", "Delete this indicator")/>
            <h2>{state.text("使われている場所", "Where it is used")}</h2>
            {move || {
                let list = uses.get();
                if list.is_empty() {
                    view! {
                        <p class="empty" data-testid="indicator-unused">
                            {state.tr("どの目標・施策からも使われていません。目標の「数値目標」や施策の「KPI」から追加できます。", "No goal or measure uses this indicator yet. Add it from a goal's numerical targets or a measure's KPIs.")}
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="uses" data-testid="indicator-uses">
                            {list.into_iter().map(|u| {
                                let target = u.selection.clone();
                                view! {
                                    <li>
                                        <span class="badge">{u.role}</span>" "
                                        <button type="button" class="quiet" data-testid=u.testid on:click=move |_| go.run(target.clone())>{u.label}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>

        <section class="panel" data-testid="indicator-chart">
            <ChartView figure={
                let seen = LastSeen::default();
                figure_of(move |s, w| seen.indicator(s, &chart_id).map(|i| indicator_chart(s, i, w)))
            } kind="indicator"/>
        </section>

        <section class="panel">
            <h2>{state.text("基本情報", "Basics")}</h2>
            <div class="form-grid">
                <TextField label=lbl("番号", "Code") value=code testid="indicator-code" placeholder="5-1"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.code = v)/>
                <TextField label=lbl("指標名", "Name") value=name testid="indicator-name" node_ref=crate::ui::edit::name_focus::name_field()
                    on_commit=bind::write_indicator(&id, |i, v: String| i.name = v)/>
                <TextField label=lbl("単位", "Unit") value=unit testid="indicator-unit" placeholder="人, %, 件, t-CO2"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.unit = v.trim().to_owned())/>
                <SelectField label=lbl("種類", "Kind") options=kind_options value=kind testid="indicator-kind"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.kind = if v == "output" { IndicatorKind::Output } else { IndicatorKind::Outcome })/>
                <SelectField label=lbl("望ましい方向", "Desired direction") options=direction_options value=direction testid="indicator-direction"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.direction = match v.as_str() {
                        "decrease" => DesiredDirection::Decrease,
                        "maintain" => DesiredDirection::Maintain,
                        _ => DesiredDirection::Increase,
                    })/>
                <super::departments::IndicatorDepartment id=id.clone()/>
                <TextField label=lbl("出典", "Source") value=source testid="indicator-source"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.source = v)/>
                <TextField label=lbl("備考", "Notes") value=notes testid="indicator-notes" multiline=true
                    on_commit=bind::write_indicator(&id, |i, v: String| i.notes = v)/>
            </div>
        </section>

        <section class="panel" data-testid="indicator-series">
            <h2>{state.text("当初値・目標値・実績値", "Baseline, target and actuals")}</h2>
            <p class="lead">{state.text(
                "男性・女性などの内訳がある指標は、内訳ごとに値を入れます（「＋ 内訳を追加」）。空欄は「値なし」で、0 とは扱いません。",
                "An indicator with a breakdown (men / women …) has one series per part. An empty field means no value, not zero.")}</p>
            {move || {
                let ids = series_ids.get();
                let count = ids.len();
                ids.into_iter().enumerate().map(|(index, sid)| view! {
                    <SeriesBlock ind=blocks_ind.clone() sid=sid index=index count=count focus_label=focus_label/>
                }).collect_view()
            }}
            <div class="actions">
                <button type="button" data-testid="add-series" on:click=add_series>
                    {state.text("＋ 内訳を追加", "+ Add a breakdown (series)")}
                </button>
            </div>
        </section>

        <Verdicts id=id.clone()/>
    }
}
