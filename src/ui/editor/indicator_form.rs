//! The form of one indicator (数値目標・KPI): where it is used, its code, name, unit, kind,
//! desired direction, source and notes, and its series — a single series or a breakdown
//! (男性/女性) — each with a baseline, a target (a value by a year, a direction only "↗", or a
//! value every year "0人/年"), and one table of fiscal years for interim targets and actuals.
//! The achievement shown next to each series is computed from the model, never stored.
//!
//! Missing is not zero: an empty number field means "no value", and clearing an actual removes
//! that year's actual. A year typed before the value it belongs to (a baseline year, a target
//! year) is held in the form and stored together with the value.

use super::bind::{self, LastSeen};
use super::common::{EntityActions, Missing};
use super::fields::{CheckField, NumberField, OutsideYearPicker, SelectField, TextField, YearField};
use crate::charts::indicator::chart as indicator_chart;
use crate::model::{
    assess, assess_in, Assessment, Baseline, Context, DesiredDirection, FiscalYear, Goal, Id, IndicatorKind,
    PlanPeriod, Series, Strategy, Target,
};
use crate::storage::Language;
use crate::ui::chart_view::{figure_of, ChartView};
use crate::ui::i18n;
use crate::ui::route::Selection;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The kinds of target picked in this editor for series that have no target value yet, by
/// series id, with the undo/redo depths after picking (an undo since then makes the model
/// speak again). Held by the editor, not the form: a kind picked, then left for another item
/// before its value is typed, is still there on coming back instead of falling back to 「なし」.
#[derive(Clone, Copy, Default)]
pub struct PendingTargetKinds(RwSignal<std::collections::HashMap<Id, PickedKind>>);

/// A kind picked, and the undo/redo depths just after picking it.
type PickedKind = (TargetKind, (usize, usize));

/// The kind of target a series has, as offered in the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum TargetKind {
    /// 数値目標: a value by a year.
    Value,
    /// 方向のみ ↗
    Direction,
    /// 毎年の目標 (/年)
    PerYear,
    /// なし
    #[default]
    None,
}

impl TargetKind {
    fn of(target: Option<&Target>) -> TargetKind {
        match target {
            Some(Target::Value { .. }) => TargetKind::Value,
            Some(Target::Direction) => TargetKind::Direction,
            Some(Target::PerYear { .. }) => TargetKind::PerYear,
            None => TargetKind::None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            TargetKind::Value => "value",
            TargetKind::Direction => "direction",
            TargetKind::PerYear => "per_year",
            TargetKind::None => "none",
        }
    }

    fn parse(s: &str) -> TargetKind {
        match s {
            "value" => TargetKind::Value,
            "direction" => TargetKind::Direction,
            "per_year" => TargetKind::PerYear,
            _ => TargetKind::None,
        }
    }
}

/// Changes to a series, as plain functions of the model.
mod ops {
    use super::TargetKind;
    use crate::model::{FiscalYear, PlanPeriod, Series, Target};
    use std::collections::BTreeSet;

    /// The target of a kind, made from the value and year the form holds; a value or per-year
    /// target without a value is no target (missing is not zero).
    pub fn target(kind: TargetKind, value: Option<f64>, year: Option<FiscalYear>) -> Option<Target> {
        match kind {
            TargetKind::None => None,
            TargetKind::Direction => Some(Target::Direction),
            TargetKind::Value => value.map(|value| Target::Value { value, year }),
            TargetKind::PerYear => value.map(|value| Target::PerYear { value }),
        }
    }

    /// The fiscal years of a series' table: the plan period, every year with data, the
    /// baseline and target years, and the years the user added.
    pub fn years(period: Option<PlanPeriod>, series: Option<&Series>, extra: &BTreeSet<FiscalYear>) -> Vec<FiscalYear> {
        let mut years: BTreeSet<FiscalYear> = extra.clone();
        if let Some(p) = period {
            years.extend(p.years());
        }
        if let Some(s) = series {
            years.extend(s.actuals.iter().map(|a| a.year));
            years.extend(s.interim.iter().map(|v| v.year));
            years.extend(s.baseline.as_ref().and_then(|b| b.year));
            if let Some(Target::Value { year: Some(y), .. }) = &s.target {
                years.insert(*y);
            }
        }
        years.into_iter().collect()
    }
}

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
    let state = use_app();
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

fn year_text(state: AppState, y: FiscalYear) -> String {
    i18n::year(y, state.lang(), state.year_style())
}

/// "（人）" / " (人)" after a column heading, or nothing without a unit.
fn unit_suffix(state: AppState, unit: &str) -> String {
    match (unit.is_empty(), state.lang()) {
        (true, _) => String::new(),
        (false, Language::Ja) => format!("（{unit}）"),
        (false, Language::En) => format!(" ({unit})"),
    }
}

/// Moves keyboard focus to the element with a test id once it has been drawn.
fn focus_later(testid: String) {
    request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("[data-testid=\"{testid}\"]")).ok().flatten());
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Status, progress and rating of an assessment.
fn assessment_view(state: AppState, a: &Assessment) -> impl IntoView {
    let lang = state.lang();
    let progress = a.progress.map(|p| format!("{} {:.0}%", i18n::tr(lang, "進捗", "Progress"), p * 100.0));
    view! {
        <span class=format!("status {}", a.status.as_str()) data-status=a.status.as_str()>{i18n::status(a.status, lang)}</span>
        {progress.map(|p| view! { " "<span class="progress">{p}</span> })}
        " "<span class="badge rating" title=i18n::tr(lang, "評価", "Rating")>{format!("{} {}", i18n::tr(lang, "評価", "Rating"), i18n::rating(a))}</span>
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
    let ja = lang == Language::Ja;
    let (targets, kpis) = Strategy::uses_among(goals, id);
    let mut out = Vec::new();
    for g in targets {
        let kind = match (ja, g.kind) {
            (true, k) => k.japanese(),
            (false, crate::model::GoalKind::Basic) => "Goal",
            (false, crate::model::GoalKind::CrossCutting) => "Cross-cutting goal",
        };
        out.push(Use {
            selection: Selection::Goal(g.id.clone()),
            role: i18n::tr(lang, "数値目標", "Numerical target"),
            label: format!("{kind} {} {}", g.number, g.title).trim().to_owned(),
            testid: "use-goal",
        });
    }
    for m in kpis {
        out.push(Use {
            selection: Selection::Measure(m.id.clone()),
            role: "KPI",
            label: format!("{} {} {}", i18n::tr(lang, "施策", "Measure"), m.number, m.title).trim().to_owned(),
            testid: "use-measure",
        });
    }
    for i in
        goals.iter().flat_map(|g| g.measures.iter()).flat_map(|m| m.initiatives.iter()).filter(|i| i.kpis.contains(id))
    {
        out.push(Use {
            selection: Selection::Initiative(i.id.clone()),
            role: "KPI",
            label: format!("{} {} {}", i18n::tr(lang, "事業", "Initiative"), i.number, i.title).trim().to_owned(),
            testid: "use-initiative",
        });
    }
    out
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
    let state = use_app();
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

    let on_move = {
        let id = id.clone();
        Callback::new(move |up: bool| {
            state.try_edit(|s| s.move_indicator(&id, up));
        })
    };
    let on_delete = {
        let id = id.clone();
        Callback::new(move |()| {
            state.edit(|s| {
                s.remove_indicator(&id);
            });
            go.run(Selection::Strategy);
        })
    };

    let code = bind::indicator(&id, |i| i.code.clone());
    let name = bind::indicator(&id, |i| i.name.clone());
    let unit = bind::indicator(&id, |i| i.unit.clone());
    let source = bind::indicator(&id, |i| i.source.clone());
    let notes = bind::indicator(&id, |i| i.notes.clone());
    let kind = bind::indicator(&id, |i| match i.kind {
        IndicatorKind::Outcome => "outcome".to_owned(),
        IndicatorKind::Output => "output".to_owned(),
    });
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
    let add_series = {
        let id = id.clone();
        move |_| {
            let mut n = 0;
            state.edit(|s| {
                if let Some(i) = s.indicator_mut(&id) {
                    i.series.push(Series::new(""));
                    n = i.series.len();
                }
            });
            if n > 0 {
                focus_later(format!("series-label-{}", n - 1));
            }
        }
    };
    let blocks_ind = id.clone();
    let chart_id = id.clone();

    view! {
        <section class="panel indicator-head" data-testid="indicator-form">
            <p class="meta">{move || state.tr("数値目標・KPI", "Indicator (numerical target / KPI)")}</p>
            <h1 data-testid="indicator-heading">
                {move || {
                    let h = heading.get();
                    if h.is_empty() { state.tr("（無題の指標）", "(untitled indicator)").to_owned() } else { h }
                }}
            </h1>
            <EntityActions on_move=on_move on_delete=on_delete delete_label=lbl("この指標を削除", "Delete this indicator")/>
            <h2>{move || state.tr("使われている場所", "Where it is used")}</h2>
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
            <h2>{move || state.tr("基本情報", "Basics")}</h2>
            <div class="form-grid">
                <TextField label=lbl("番号", "Code") value=code testid="indicator-code" placeholder="5-1"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.code = v)/>
                <TextField label=lbl("指標名", "Name") value=name testid="indicator-name"
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
                <TextField label=lbl("出典", "Source") value=source testid="indicator-source"
                    on_commit=bind::write_indicator(&id, |i, v: String| i.source = v)/>
                <TextField label=lbl("備考", "Notes") value=notes testid="indicator-notes" multiline=true
                    on_commit=bind::write_indicator(&id, |i, v: String| i.notes = v)/>
            </div>
        </section>

        <section class="panel" data-testid="indicator-series">
            <h2>{move || state.tr("当初値・目標値・実績値", "Baseline, target and actuals")}</h2>
            <p class="lead">{move || state.tr(
                "男性・女性などの内訳がある指標は、内訳ごとに値を入れます（「＋ 内訳を追加」）。空欄は「値なし」で、0 とは扱いません。",
                "An indicator with a breakdown (men / women …) has one series per part. An empty field means no value, not zero.")}</p>
            {move || {
                let ids = series_ids.get();
                let count = ids.len();
                ids.into_iter().enumerate().map(|(index, sid)| view! {
                    <SeriesBlock ind=blocks_ind.clone() sid=sid index=index count=count/>
                }).collect_view()
            }}
            <div class="actions">
                <button type="button" data-testid="add-series" on:click=add_series>
                    {move || state.tr("＋ 内訳を追加", "+ Add a breakdown (series)")}
                </button>
            </div>
        </section>
    }
}

/// One series: its label, baseline, target, achievement and the table of years.
#[component]
fn SeriesBlock(ind: Id, sid: Id, index: usize, count: usize) -> impl IntoView {
    let state = use_app();
    let lbl = move |ja: &'static str, en: &'static str| bind::label(state, ja, en);
    let tid = move |what: &str| format!("{what}-{index}");

    let unit = bind::indicator(&ind, |i| i.unit.clone());
    let direction = bind::indicator(&ind, |i| i.direction);
    let period = bind::read(|s| Some(s.period));
    let last_year = Memo::new(move |_| period.get().map(|p: PlanPeriod| p.last));

    // Label, order, removal.
    let label = read_series(&ind, &sid, |s| s.label.clone());
    let write_label = write_series(&ind, &sid, |s, v: String| s.label = v.trim().to_owned());
    let move_series = {
        let sid = sid.clone();
        bind::write_indicator(&ind, move |i, up: bool| {
            crate::model::edit::move_item(&mut i.series, |s| s.id == sid, up);
        })
    };
    let remove_series = {
        let sid = sid.clone();
        bind::write_indicator(&ind, move |i, (): ()| {
            if i.series.len() > 1 {
                i.series.retain(|s| s.id != sid);
            }
        })
    };
    let title = move || {
        let l = label.get();
        match (l.is_empty(), count) {
            (false, _) => l,
            (true, 1) => state.tr("値", "Values").to_owned(),
            (true, _) => {
                format!("{} {}{}", state.tr("内訳", "Breakdown"), index + 1, state.tr("（名前なし）", " (unnamed)"))
            }
        }
    };

    // Baseline: a year typed before the value is held here and stored with the value.
    let baseline = read_series(&ind, &sid, |s| s.baseline.clone());
    let base_pending = RwSignal::new(None::<FiscalYear>);
    let base_value = Memo::new(move |_| baseline.get().map(|b| b.value));
    let base_year = Memo::new(move |_| match baseline.get() {
        Some(b) => b.year,
        None => base_pending.get(),
    });
    let write_baseline = write_series(&ind, &sid, |s, b: Option<Baseline>| s.baseline = b);
    let on_base_value = Callback::new(move |v: Option<f64>| {
        let current = baseline.get_untracked();
        let new = match v {
            Some(value) => {
                Some(Baseline { value, year: current.as_ref().map_or(base_pending.get_untracked(), |b| b.year) })
            }
            None => {
                base_pending.set(current.and_then(|b| b.year));
                None
            }
        };
        write_baseline.run(new);
    });
    let on_base_year = Callback::new(move |y: Option<FiscalYear>| {
        base_pending.set(y);
        if let Some(b) = baseline.get_untracked() {
            write_baseline.run(Some(Baseline { value: b.value, year: y }));
        }
    });

    // Target: the kind chosen (even before a value exists), and the last value and year typed,
    // so that switching kind keeps the value where it makes sense.
    let target = read_series(&ind, &sid, |s| s.target.clone());
    // The kind picked while no target is stored yet (数値目標 before its value is typed), with
    // the undo/redo depths after picking it: an undo since then makes the model speak again.
    let pending = use_context::<PendingTargetKinds>().unwrap_or_default().0;
    let chosen = {
        let sid = sid.clone();
        Memo::new(move |_| pending.with(|p| p.get(&sid).copied()))
    };
    let choose = {
        let sid = sid.clone();
        Callback::new(move |k: TargetKind| {
            pending.update(|p| {
                p.insert(sid.clone(), (k, state.history_depths.get_untracked()));
            })
        })
    };
    let memory = RwSignal::new(match target.get_untracked() {
        Some(Target::Value { value, year }) => (Some(value), year),
        Some(Target::PerYear { value }) => (Some(value), None),
        _ => (None, None),
    });
    let shown_kind = Memo::new(move |_| match target.get() {
        Some(t) => TargetKind::of(Some(&t)),
        None => match chosen.get() {
            Some((k, (undo, redo))) => {
                let (undo_now, redo_now) = state.history_depths.get();
                if undo_now >= undo && redo_now <= redo {
                    k
                } else {
                    TargetKind::None
                }
            }
            None => TargetKind::None,
        },
    });
    let target_value = Memo::new(move |_| match target.get() {
        Some(Target::Value { value, .. }) | Some(Target::PerYear { value }) => Some(value),
        _ => None,
    });
    let target_year = Memo::new(move |_| match target.get() {
        Some(Target::Value { year, .. }) => year,
        _ => memory.get().1,
    });
    let write_target = write_series(&ind, &sid, |s, t: Option<Target>| s.target = t);
    let remember = move |t: &Option<Target>| match t {
        Some(Target::Value { value, year }) => memory.set((Some(*value), *year)),
        Some(Target::PerYear { value }) => memory.update(|m| m.0 = Some(*value)),
        _ => {}
    };
    let on_target_kind = Callback::new(move |v: String| {
        let to = TargetKind::parse(&v);
        let current = target.get_untracked();
        remember(&current);
        let (value, year) = memory.get_untracked();
        let new = ops::target(to, value, year);
        if new != current {
            write_target.run(new);
        }
        choose.run(to);
    });
    let on_target_value = Callback::new(move |v: Option<f64>| {
        memory.update(|m| m.0 = v);
        let kind = shown_kind.get_untracked();
        let new = ops::target(kind, v, target_year.get_untracked());
        if new != target.get_untracked() {
            write_target.run(new);
        }
        choose.run(kind);
    });
    let on_target_year = Callback::new(move |y: Option<FiscalYear>| {
        memory.update(|m| m.1 = y);
        if let Some(Target::Value { value, .. }) = target.get_untracked() {
            write_target.run(Some(Target::Value { value, year: y }));
        }
    });
    let target_kind_options = Signal::derive(move || {
        vec![
            (
                TargetKind::Value.as_str().to_owned(),
                state.tr("数値目標（年度までに達成する値）", "A value by a year").to_owned(),
            ),
            (
                TargetKind::Direction.as_str().to_owned(),
                state
                    .tr("方向のみ ↗（当初値から良い方向へ）", "Direction only ↗ (better than the baseline)")
                    .to_owned(),
            ),
            (TargetKind::PerYear.as_str().to_owned(), state.tr("毎年の目標（/年）", "Every year (/year)").to_owned()),
            (TargetKind::None.as_str().to_owned(), state.tr("なし", "None").to_owned()),
        ]
    });
    let target_kind_value = Signal::derive(move || shown_kind.get().as_str().to_owned());

    // Achievement in the latest year with an actual (derived, never stored).
    let latest = derive_series(&ind, &sid, |s, cx| {
        let provisional = s.latest_actual().is_some_and(|a| a.provisional);
        Some((assess(s, cx), provisional))
    });

    // The table of years.
    let extra = RwSignal::new(BTreeSet::<FiscalYear>::new());
    let rows = {
        let (ind, sid, seen) = (ind.clone(), sid.clone(), LastSeen::default());
        Memo::new(move |_| {
            let extra = extra.get();
            state
                .open
                .with(|o| {
                    o.as_ref().map(|s| {
                        let series = seen.indicator(s, &ind).and_then(|i| i.series.iter().find(|x| x.id == sid));
                        ops::years(Some(s.period), series, &extra)
                    })
                })
                .unwrap_or_default()
        })
    };
    let marks = Memo::new(move |_| {
        let base = baseline.get().and_then(|b| b.year);
        let due = match target.get() {
            Some(Target::Value { year, .. }) => year.or(last_year.get()),
            _ => None,
        };
        (base, due)
    });
    let on_add_year = Callback::new(move |y: FiscalYear| {
        extra.update(|e| {
            e.insert(y);
        });
        focus_later(format!("actual-{index}-{}", y.0));
    });

    let (row_ind, row_sid) = (ind.clone(), sid.clone());
    let label_placeholder = if count > 1 { "男性, 女性, 児童 …" } else { "" };

    view! {
        <fieldset class="series" data-testid=tid("series")>
            <legend>{title}</legend>
            <div class="series-head">
                <TextField label=lbl("内訳の名前", "Breakdown label") value=label on_commit=write_label
                    testid=tid("series-label") placeholder=label_placeholder/>
                {move || (count > 1 && label.get().is_empty()).then(|| view! {
                    <p class="hint">{state.tr("内訳が複数あるときは名前を付けてください（例: 男性）。", "With several series, give each a label (e.g. men).")}</p>
                })}
                {(count <= 1).then(|| view! {
                    <p class="hint">{move || state.tr("内訳のない指標では空欄のままで構いません。", "Leave empty when the indicator has no breakdown.")}</p>
                })}
                {(count > 1).then(|| view! {
                    <div class="entity-actions">
                        <button type="button" data-testid=tid("series-up") disabled={index == 0}
                            on:click=move |_| move_series.run(true)>{move || state.tr("↑ 上へ", "↑ Up")}</button>
                        <button type="button" data-testid=tid("series-down") disabled={index + 1 >= count}
                            on:click=move |_| move_series.run(false)>{move || state.tr("↓ 下へ", "↓ Down")}</button>
                        <button type="button" class="danger" data-testid=tid("remove-series")
                            on:click=move |_| remove_series.run(())>{move || state.tr("この内訳を削除", "Delete this breakdown")}</button>
                    </div>
                })}
            </div>

            <div class="form-grid">
                {move || {
                    let u = unit.get();
                    view! {
                        <NumberField label=lbl("当初値（基準値）", "Baseline") value=base_value on_commit=on_base_value
                            unit=u testid=tid("baseline")/>
                    }
                }}
                <YearField label=lbl("当初値の年度", "Baseline year") value=base_year on_commit=on_base_year testid=tid("baseline-year")/>
                {move || {
                    let hint = match (baseline.get().is_some(), base_pending.get().is_some()) {
                        (false, true) => Some(state.tr("年度は当初値を入力すると一緒に保存されます。", "The year is stored once a baseline value is entered.")),
                        (true, _) if baseline.get().is_some_and(|b| b.year.is_none()) => Some(state.tr(
                            "年度が空欄のときは、計画期間の前年度の値として扱います。",
                            "Without a year, the baseline counts as the year before the plan period.")),
                        _ => None,
                    };
                    hint.map(|h| view! { <p class="hint">{h}</p> })
                }}
                <SelectField label=lbl("目標の種類", "Kind of target") options=target_kind_options value=target_kind_value
                    on_commit=on_target_kind testid=tid("target-kind")/>
                {move || {
                    let u = unit.get();
                    match shown_kind.get() {
                        TargetKind::Value => view! {
                            <NumberField label=lbl("目標値", "Target value") value=target_value on_commit=on_target_value
                                unit=u testid=tid("target")/>
                            <YearField label=lbl("目標年度", "Target year") value=target_year on_commit=on_target_year testid=tid("target-year")/>
                            <p class="hint">{move || match last_year.get() {
                                Some(y) => format!("{}{}{}", state.tr("目標年度が空欄のときは計画の最終年度（", "An empty target year means the plan's last year ("), year_text(state, y), state.tr("）です。", ").")),
                                None => state.tr("目標年度が空欄のときは計画の最終年度です。", "An empty target year means the plan's last year.").to_owned(),
                            }}</p>
                        }.into_any(),
                        TargetKind::PerYear => {
                            let per = format!("{u}{}", state.tr("/年", "/year"));
                            view! {
                                <NumberField label=lbl("毎年の目標値", "Target every year") value=target_value on_commit=on_target_value
                                    unit=per testid=tid("target")/>
                                <p class="hint">{move || match direction.get() {
                                    DesiredDirection::Decrease => state.tr("各年度の実績値が目標値以下なら達成です（例: 0人/年）。", "Met in a year when the actual is at most the target (e.g. 0 people a year)."),
                                    _ => state.tr("各年度の実績値が目標値以上なら達成です（例: 2件/年）。", "Met in a year when the actual is at least the target (e.g. 2 a year)."),
                                }}</p>
                            }.into_any()
                        }
                        TargetKind::Direction => view! {
                            <p class="hint" data-testid=tid("target-direction")>{move || match direction.get() {
                                DesiredDirection::Increase => state.tr("↗ 実績値が当初値より増えれば達成です。", "↗ Met when the actual is above the baseline."),
                                DesiredDirection::Decrease => state.tr("↘ 実績値が当初値より減れば達成です。", "↘ Met when the actual is below the baseline."),
                                DesiredDirection::Maintain => state.tr("→ 実績値が当初値を下回らなければ達成です。", "→ Met when the actual does not fall below the baseline."),
                            }}</p>
                        }.into_any(),
                        TargetKind::None => view! {
                            <p class="hint">{move || state.tr("目標がないため、達成状況は判定しません。", "Without a target, achievement is not assessed.")}</p>
                        }.into_any(),
                    }
                }}
                {move || {
                    let waiting = target.get().is_none() && matches!(shown_kind.get(), TargetKind::Value | TargetKind::PerYear);
                    waiting.then(|| view! {
                        <p class="hint" data-testid=tid("target-missing")>{state.tr("目標値を入力するまで、目標は保存されません。", "The target is stored once a value is entered.")}</p>
                    })
                }}
                {move || (shown_kind.get() == TargetKind::Direction && baseline.get().is_none()).then(|| view! {
                    <p class="hint">{state.tr("方向のみの目標は、当初値がないと判定できません。", "A direction-only target needs a baseline to be assessed.")}</p>
                })}
            </div>

            <p class="series-status" data-testid=tid("series-status") aria-live="polite">
                <span class="series-status-label">{move || state.tr("最新の達成状況", "Latest achievement")}</span>": "
                {move || match latest.get() {
                    Some((a, provisional)) => {
                        let when = a.year.map(|y| year_text(state, y));
                        view! {
                            {when.map(|w| view! { <span class="year">{w}</span>" " })}
                            {provisional.then(|| view! { <span class="badge">{state.tr("速報値", "provisional")}</span>" " })}
                            {assessment_view(state, &a)}
                            {a.expected.filter(|_| a.progress.is_some() && a.status != crate::model::Status::Achieved).map(|e| view! {
                                " "<span class="expected">{format!("{}{:.0}%{}", state.tr("（計画線では ", "(the straight path expects "), e * 100.0, state.tr("）", ")"))}</span>
                            })}
                        }.into_any()
                    }
                    None => view! { <span class="empty">"—"</span> }.into_any(),
                }}
            </p>

            <div class="table-wrap">
                <table class="year-table" data-testid=tid("year-table")>
                    <thead>
                        <tr>
                            <th scope="col">{move || state.tr("年度", "Fiscal year")}</th>
                            <th scope="col">{move || format!("{}{}", state.tr("中間目標", "Interim target"), unit_suffix(state, &unit.get()))}</th>
                            <th scope="col">{move || format!("{}{}", state.tr("実績値", "Actual"), unit_suffix(state, &unit.get()))}</th>
                            <th scope="col">{move || state.tr("速報値", "Provisional")}</th>
                            <th scope="col">{move || state.tr("コメント", "Comment")}</th>
                            <th scope="col">{move || state.tr("状況", "Status")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|y| *y let:year>
                            <YearRow ind=row_ind.clone() sid=row_sid.clone() index=index year=year marks=marks period=period extra=extra/>
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="add-year">
                <OutsideYearPicker shown=rows on_pick=on_add_year testid=tid("add-year")/>
            </div>
        </fieldset>
    }
}

/// One fiscal year of a series: interim target, actual, provisional flag, comment, status.
#[component]
fn YearRow(
    ind: Id,
    sid: Id,
    index: usize,
    year: FiscalYear,
    marks: Memo<(Option<FiscalYear>, Option<FiscalYear>)>,
    period: Memo<Option<PlanPeriod>>,
    extra: RwSignal<BTreeSet<FiscalYear>>,
) -> impl IntoView {
    let state = use_app();
    let w = year.0;
    // A row the user has typed into stays while the form is open, even if its data is cleared.
    let keep = move || {
        if !extra.with_untracked(|e| e.contains(&year)) {
            extra.update(|e| {
                e.insert(year);
            });
        }
    };
    let cell_label = move |ja: &'static str, en: &'static str| {
        Signal::derive(move || format!("{} {}", year_text(state, year), state.tr(ja, en)))
    };

    let interim = read_series(&ind, &sid, move |s| s.interim.iter().find(|v| v.year == year).map(|v| v.value));
    let actual = read_series(&ind, &sid, move |s| s.actual(year).map(|a| a.value));
    let has_actual = Memo::new(move |_| actual.get().is_some());
    let provisional = read_series(&ind, &sid, move |s| s.actual(year).is_some_and(|a| a.provisional));
    let comment = read_series(&ind, &sid, move |s| s.actual(year).map(|a| a.comment.clone()).unwrap_or_default());

    let write_interim = write_series(&ind, &sid, move |s, v: Option<f64>| s.set_interim(year, v));
    let write_actual = write_series(&ind, &sid, move |s, v: Option<f64>| s.set_actual(year, v));
    let write_provisional = write_series(&ind, &sid, move |s, v: bool| s.set_provisional(year, v));
    let write_comment = write_series(&ind, &sid, move |s, v: String| s.set_comment(year, v));
    let on_interim = Callback::new(move |v: Option<f64>| {
        keep();
        write_interim.run(v);
    });
    let on_actual = Callback::new(move |v: Option<f64>| {
        keep();
        write_actual.run(v);
    });

    let status = derive_series(&ind, &sid, move |s, cx| s.actual(year).map(|_| assess_in(s, cx, year)));
    let outside = Memo::new(move |_| period.get().is_some_and(|p| !p.contains(year)));

    view! {
        <tr class:outside=move || outside.get() data-testid=format!("year-row-{index}-{w}")>
            <th scope="row">
                <span class="year">{move || year_text(state, year)}</span>
                {move || {
                    let (base, due) = marks.get();
                    view! {
                        {(base == Some(year)).then(|| view! { " "<span class="badge">{state.tr("当初", "baseline")}</span> })}
                        {(due == Some(year)).then(|| view! { " "<span class="badge">{state.tr("目標", "target")}</span> })}
                        {outside.get().then(|| view! { " "<span class="badge">{state.tr("期間外", "outside plan")}</span> })}
                    }
                }}
            </th>
            <td class="num">
                <NumberField label=cell_label("中間目標", "interim target") value=interim on_commit=on_interim testid=format!("interim-{index}-{w}")/>
            </td>
            <td class="num">
                <NumberField label=cell_label("実績値", "actual") value=actual on_commit=on_actual testid=format!("actual-{index}-{w}")/>
            </td>
            <td>
                {move || if has_actual.get() {
                    view! {
                        <CheckField label=Signal::derive(move || state.tr("速報", "provisional").to_owned()) checked=provisional
                            on_commit=write_provisional testid=format!("provisional-{index}-{w}")/>
                    }.into_any()
                } else {
                    view! { <span class="empty" aria-hidden="true">"—"</span> }.into_any()
                }}
            </td>
            <td>
                {move || if has_actual.get() {
                    view! {
                        <TextField label=cell_label("コメント", "comment") value=comment on_commit=write_comment
                            testid=format!("comment-{index}-{w}")/>
                    }.into_any()
                } else {
                    view! { <span class="empty" aria-hidden="true">"—"</span> }.into_any()
                }}
            </td>
            <td data-testid=format!("row-status-{index}-{w}")>
                {move || match status.get() {
                    Some(a) => assessment_view(state, &a).into_any(),
                    None => view! { <span class="empty">"—"</span> }.into_any(),
                }}
            </td>
        </tr>
    }
}
