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
use crate::model::{
    assess, assess_in, Assessment, Baseline, Context, DesiredDirection, FiscalYear, Goal, Id, IndicatorKind,
    PlanPeriod, Series, Strategy, Target, YearBasis,
};
use crate::session::route::Selection;
use crate::ui::kit::bind::{self, LastSeen};
use crate::ui::kit::chart_view::{figure_of, ChartView};
use crate::ui::kit::fields::{CheckField, NumberField, OutsideYearPicker, SelectField, TextField, YearField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

mod series;
mod series_meta;
mod series_target;
mod series_years;
mod target_history;
mod verdicts;
mod year_row;
use crate::session::series_draft::{shown_kind, BaselineDraft, PickedKind, TargetDraft, TargetKind};
use series::SeriesBlock;
use series_meta::SeriesMeta;
use verdicts::Verdicts;

/// The kinds of target picked in this editor for series that have no target value yet, by
/// series id, with the undo/redo depths after picking (an undo since then makes the model
/// speak again). Held by the editor, not the form: a kind picked, then left for another item
/// before its value is typed, is still there on coming back instead of falling back to 「なし」.
#[derive(Clone, Copy, Default)]
pub struct PendingTargetKinds(RwSignal<std::collections::HashMap<Id, PickedKind>>);

/// A value of one series of an indicator.
fn read_series<T>(ind: &Id, sid: &Id, get: impl Fn(&Series) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let sid = sid.clone();
    bind::indicator(ind, move |i| i.series.iter().find(|s| s.id == sid).map(&get).unwrap_or_default())
}

/// Writes into one series of an indicator (one undo step).
fn write_series<T: 'static>(ind: &Id, sid: &Id, f: impl Fn(&mut Series, T) + Send + Sync + 'static) -> Callback<T> {
    let sid = sid.clone();
    bind::write_indicator(ind, move |i, v| {
        if let Some(s) = i.series.iter_mut().find(|s| s.id == sid) {
            f(s, v)
        }
    })
}

/// Something computed from the series in the open strategy, with its indicator's context.
fn derive_series<T>(
    ind: &Id,
    sid: &Id,
    f: impl Fn(&Series, Context<'_>) -> Option<T> + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let state = use_edits();
    let (ind, sid, seen) = (ind.clone(), sid.clone(), LastSeen::default());
    Memo::new(move |_| {
        state.open.with(|o| {
            o.as_ref().and_then(|s| {
                let i = seen.indicator(s, &ind)?;
                let series = i.series.iter().find(|x| x.id == sid)?;
                f(series, Context { direction: i.direction, period: s.period, rule: &s.rating_rule })
            })
        })
    })
}

fn year_text(state: impl Speaks, y: FiscalYear) -> String {
    locale::year(y, state.lang(), state.year_style())
}

/// A value's year as its series writes it (`locale::value_year`): 令和5年度, 令和5年 (a calendar
/// year), 令和5年4月1日現在.
fn value_year_text(state: impl Speaks, basis: YearBasis, y: FiscalYear) -> String {
    locale::value_year(basis, y, state.lang(), state.year_style())
}

/// What each part of a series' form labels itself with: words in the user's language, test ids
/// numbered by the series' place in the indicator, and years worded by the series' year basis.
#[derive(Clone, Copy)]
struct SeriesForm {
    speech: crate::ui::speech::Speech,
    index: usize,
    basis: Memo<YearBasis>,
}

impl SeriesForm {
    fn new(ind: &Id, sid: &Id, index: usize) -> Self {
        SeriesForm { speech: crate::ui::speech::use_speech(), index, basis: read_series(ind, sid, |s| s.year_basis) }
    }

    fn label(self, ja: &'static str, en: &'static str) -> Signal<String> {
        bind::label(self.speech, ja, en)
    }

    /// `what-2`: the test id of a field of the series at `index` 2.
    fn testid(self, what: &str) -> String {
        format!("{what}-{}", self.index)
    }

    fn year_label(self, fiscal: &'static str, other: &'static str, en: &'static str) -> Signal<String> {
        year_label(self.speech, self.basis, fiscal, other, en)
    }
}

/// A field's label naming a value's year: `fiscal` (「当初値の年度」) for a fiscal-year series,
/// `other` (「当初値の年」) for a calendar-year or as-of one; English says "year" for both.
fn year_label(
    state: impl Speaks,
    basis: Memo<YearBasis>,
    fiscal: &'static str,
    other: &'static str,
    en: &'static str,
) -> Signal<String> {
    Signal::derive(move || state.tr(if basis.get().is_fiscal() { fiscal } else { other }, en).to_owned())
}

/// "（人）" / " (人)" after a column heading, or nothing without a unit.
fn unit_suffix(state: impl Speaks, unit: &str) -> String {
    crate::words::editor::unit_suffix(unit, state.lang())
}

/// Focuses a field through its ref once it is drawn, when it is the one `asked` names (a series
/// or year just added); the request is then cleared, so the field drawn again later (after an
/// undo, another edit) leaves the focus where it is.
fn focus_when_drawn<T: PartialEq + Send + Sync + 'static>(
    field: NodeRef<html::Input>,
    asked: RwSignal<Option<T>>,
    this: T,
) {
    field.on_load(move |input| {
        if asked.with_untracked(|a| a.as_ref() == Some(&this)) {
            asked.set(None);
            // After the frame is laid out, so that the browser can scroll the field into view.
            request_animation_frame(move || {
                let _ = input.focus();
            });
        }
    });
}

/// Status, progress and rating of an assessment.
fn assessment_view(state: impl Speaks, a: &Assessment, direction: DesiredDirection) -> impl IntoView {
    let lang = state.lang();
    let progress = a
        .progress
        .map(|p| format!("{} {}", locale::tr(lang, "進捗", "Progress"), locale::progress(p, direction, lang)));
    view! {
        <span class=format!("status {}", a.status.as_str()) data-status=a.status.as_str()>{locale::status(a.status, lang)}</span>
        {progress.map(|p| view! { " "<span class="progress">{p}</span> })}
        " "<span class="badge rating" title=locale::tr(lang, "評価", "Rating")>{format!("{} {}", locale::tr(lang, "評価", "Rating"), locale::rating(a))}</span>
    }
}

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
                <TextField label=lbl("指標名", "Name") value=name testid="indicator-name" node_ref=crate::ui::edit::name_field()
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
