//! The form of one measure (施策): its number, title, summary, 重点施策 flag, SDGs, related
//! measures, KPIs, its initiatives (own and re-listed), the computed 予算額 / 決算額 計 per fiscal
//! year, and its evaluation (施策評価) for each fiscal year.

use super::common::{
    create_indicator_for, entity_actions, entity_heading, find_measure, goal_kind, initiative_kind_badge, or_untitled,
    EntityActions, IndicatorRefs, Missing, PickSelect,
};
use super::measure_charts::MeasureCharts;
use super::name_focus::name_field;
use crate::model::{FiscalYear, GoalKind, Id, InitiativeKind, Relisting, Strategy};
use crate::session::route::Selection;
use crate::ui::kit::bind;
use crate::ui::kit::fields::{CheckField, SdgPicker, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

mod evaluations;
mod years;
use evaluations::Evaluations;
use years::Totals;

/// Splits what was typed into the outside related measures: commas (half or full width), 、 and
/// line breaks separate them.
fn split_external(text: &str) -> Vec<String> {
    text.split([',', '、', '，', '\n']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

#[component]
pub fn MeasureForm(id: Id, go: Callback<Selection>) -> impl IntoView {
    let exists = bind::measure(&id, |_| true);
    move || {
        if exists.get() {
            view! { <MeasureBody id=id.clone() go=go/> }.into_any()
        } else {
            view! { <Missing testid="measure-missing" ja="この施策はありません（削除されたか、元に戻す操作で取り消されました）。" en="This measure does not exist (it was deleted or undone)."/> }.into_any()
        }
    }
}

/// One own initiative as the measure lists it.
#[derive(Clone, PartialEq)]
struct OwnRow {
    id: Id,
    number: String,
    title: String,
    is_new: bool,
    kind: Option<InitiativeKind>,
}

/// One re-listing as the measure lists it.
#[derive(Clone, PartialEq)]
struct RelistRow {
    id: Id,
    /// Number and title of the initiative, when it exists.
    found: Option<(String, String)>,
    /// "number title" of the measure that owns it.
    owner: String,
    years: Vec<FiscalYear>,
}

#[component]
fn MeasureBody(id: Id, go: Callback<Selection>) -> impl IntoView {
    let state = use_edits();
    let label = move |ja, en| bind::label(state, ja, en);

    let number = bind::measure(&id, |m| m.number.clone());
    let title = bind::measure(&id, |m| m.title.clone());
    let priority = bind::measure(&id, |m| m.priority);
    let goal = {
        let id = id.clone();
        bind::read(move |s| {
            find_measure(s, &id).map(|(g, _)| (g.id.clone(), g.kind, g.number.clone(), g.title.clone()))
        })
    };

    let (on_move, on_delete) = entity_actions(&id, go, Strategy::move_measure, Strategy::remove_measure, move || {
        goal.get_untracked().map(|(g, ..)| Selection::Goal(g))
    });
    let heading = move || entity_heading(state, state.tr("施策", "Measure"), number.get(), title.get());
    let goal_line = move || {
        goal.get().map(|(gid, kind, n, t)| {
            let text = format!("{} {n} {}", goal_kind(state.lang(), kind), or_untitled(state, t));
            view! {
                <p class="lead">
                    {state.tr("所属: ", "Under: ")}
                    <button type="button" class="link" data-testid="measure-goal" on:click=move |_| go.run(Selection::Goal(gid.clone()))>{text}</button>
                </p>
            }
        })
    };

    view! {
        <article class="measure-form" data-testid="measure-form">
            <header class="panel">
                <h1 data-testid="form-heading" tabindex="-1">{heading}</h1>
                {move || priority.get().then(|| view! {
                    <p class="meta"><span class="badge priority" data-testid="measure-priority-badge">{state.tr("重点施策", "Priority")}</span></p>
                })}
                {goal_line}
                <EntityActions on_move=on_move on_delete=on_delete delete_label=label("この施策を削除", "Delete this measure")/>
            </header>

            <section class="panel">
                <h2>{state.text("基本情報", "Basics")}</h2>
                <div class="form-grid">
                    <TextField label=label("番号", "Number") value=number
                        on_commit=bind::write_measure(&id, |m, v: String| m.number = v) testid="measure-number"/>
                    <TextField label=label("施策名", "Title") value=title
                        on_commit=bind::write_measure(&id, |m, v: String| m.title = v) testid="measure-title" node_ref=name_field()/>
                    <super::departments::DepartmentPicker value=bind::measure(&id, |m| m.department.clone())
                        inherited=Signal::derive(|| None::<String>) testid="measure-department"
                        on_commit=bind::write_measure(&id, |m, v: Option<Id>| m.department = v)/>
                    <TextField label=label("施策の概要（基本的方向）", "Summary") multiline=true
                        value=bind::measure(&id, |m| m.summary.clone())
                        on_commit=bind::write_measure(&id, |m, v: String| m.summary = v) testid="measure-summary"/>
                </div>
                <CheckField label=label("重点施策", "Priority measure") checked=priority
                    on_commit=bind::write_measure(&id, |m, v: bool| m.priority = v) testid="measure-priority"/>
                <SdgPicker value=bind::measure(&id, |m| m.sdgs.clone())
                    on_commit=bind::write_measure(&id, |m, v| m.sdgs = v)/>
            </section>

            <RelatedMeasures id=id.clone()/>

            <section class="panel">
                <IndicatorRefs legend=label("KPI（重要業績評価指標）", "KPIs (key performance indicators)")
                    refs=bind::measure(&id, |m| m.kpis.clone())
                    on_commit=bind::write_measure(&id, |m, v| m.kpis = v)
                    on_create=create_indicator_for(id.clone(), go)
                    testid="measure-kpis"/>
            </section>

            <MeasureCharts id=id.clone()/>
            <Initiatives id=id.clone() go=go/>
            <Totals id=id.clone()/>
            <Evaluations id=id.clone()/>
        </article>
    }
}

/// 関連施策: measures of this strategy (by id) and ones outside it (as written).
#[component]
fn RelatedMeasures(id: Id) -> impl IntoView {
    let state = use_edits();
    let related = bind::measure(&id, |m| m.related.clone());
    // Every measure of the strategy: (id, "number title", goal kind, goal number).
    let all = bind::read(|s| {
        s.measures()
            .map(|(g, m)| {
                (m.id.clone(), format!("{} {}", m.number, m.title).trim().to_owned(), g.kind, g.number.clone())
            })
            .collect::<Vec<_>>()
    });
    // "［基本目標 1］ 2 施策名"
    let describe = move |label: String, kind: GoalKind, goal: String| {
        format!("［{} {goal}］ {}", goal_kind(state.lang(), kind), or_untitled(state, label))
    };
    let name_of = move |mid: &Id| {
        all.with(|a| a.iter().find(|(i, ..)| i == mid).map(|(_, l, k, g)| describe(l.clone(), *k, g.clone())))
            .unwrap_or_else(|| format!("{mid} ({})", state.tr("見つかりません", "not found")))
    };
    let options = {
        let id = id.clone();
        Signal::derive(move || {
            let current = related.get();
            all.get()
                .into_iter()
                .filter(|(m, ..)| m != &id && !current.contains(m))
                .map(|(m, l, k, g)| (m.to_string(), describe(l, k, g)))
                .collect::<Vec<_>>()
        })
    };
    let set_related = bind::write_measure(&id, |m, v: Vec<Id>| m.related = v);
    let external = bind::measure(&id, |m| m.related_external.clone());
    let external_text = Signal::derive(move || external.get().join("、"));
    let set_external = bind::write_measure(&id, |m, v: Vec<String>| m.related_external = v);

    view! {
        <section class="panel">
            <fieldset class="refs" data-testid="measure-related">
                <legend>{state.text("関連施策（この戦略の施策）", "Related measures (in this strategy)")}</legend>
                <ul>
                    {move || related.get().into_iter().map(|rid| {
                        let remove = rid.clone();
                        view! {
                            <li>
                                <span>{name_of(&rid)}</span>
                                <button type="button" class="quiet" data-testid="remove-related" on:click=move |_| {
                                    let mut v = related.get_untracked();
                                    v.retain(|x| x != &remove);
                                    set_related.run(v);
                                }>{state.text("外す", "Remove")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="refs-add">
                    <PickSelect label=bind::label(state, "関連施策を追加", "Add a related measure")
                        placeholder=bind::label(state, "関連施策を追加…", "Add a related measure…")
                        options=options testid="measure-related-add"
                        on_pick=Callback::new(move |v: String| {
                            let mut list = related.get_untracked();
                            let mid = Id::from(v.as_str());
                            if !list.contains(&mid) {
                                list.push(mid);
                                set_related.run(list);
                            }
                        })/>
                </div>
            </fieldset>
            <TextField label=bind::label(state, "関連施策（戦略の外：総合計画など。「、」区切り）", "Related measures outside this strategy (e.g. the comprehensive plan; separated by commas)")
                value=external_text placeholder="1-26、2-3" testid="measure-related-external"
                on_commit=Callback::new(move |text: String| {
                    let v = split_external(&text);
                    if v != external.get_untracked() {
                        set_external.run(v);
                    }
                })/>
        </section>
    }
}

/// The measure's initiatives: its own (open, add) and the ones it re-lists from other measures.
#[component]
fn Initiatives(id: Id, go: Callback<Selection>) -> impl IntoView {
    let state = use_edits();
    let own = bind::measure(&id, |m| {
        m.initiatives
            .iter()
            .map(|i| OwnRow {
                id: i.id.clone(),
                number: i.number.clone(),
                title: i.title.clone(),
                is_new: i.is_new,
                kind: i.kind,
            })
            .collect::<Vec<_>>()
    });
    let relisted = {
        let id = id.clone();
        bind::read(move |s| {
            let Some((_, m)) = find_measure(s, &id) else { return Vec::new() };
            m.relisted
                .iter()
                .map(|r| {
                    let owner = s.initiatives().find(|(_, i)| i.id == r.initiative);
                    RelistRow {
                        id: r.initiative.clone(),
                        found: owner.map(|(_, i)| (i.number.clone(), i.title.clone())),
                        owner: owner
                            .map(|(m, _)| format!("{} {}", m.number, m.title).trim().to_owned())
                            .unwrap_or_default(),
                        years: r.years.clone(),
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    // Initiatives of other measures that are not re-listed here yet: (id, label).
    let candidates = {
        let id = id.clone();
        bind::read(move |s| {
            let here: Vec<Id> = find_measure(s, &id)
                .map(|(_, m)| m.relisted.iter().map(|r| r.initiative.clone()).collect())
                .unwrap_or_default();
            s.initiatives()
                .filter(|(m, i)| m.id != id && !here.contains(&i.id))
                .map(|(m, i)| {
                    (
                        i.id.clone(),
                        format!("{} {}", i.number, i.title).trim().to_owned(),
                        format!("{} {}", m.number, m.title).trim().to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let candidate_options = Signal::derive(move || {
        candidates
            .get()
            .into_iter()
            .map(|(i, l, m)| {
                (i.to_string(), format!("{} ({} {m})", or_untitled(state, l), state.tr("施策", "measure")))
            })
            .collect::<Vec<_>>()
    });
    let add = {
        let id = id.clone();
        move |_| {
            let mut new_id = None;
            state.edit(|s| new_id = s.add_initiative(&id));
            if let Some(nid) = new_id {
                go.run(Selection::Initiative(nid));
            }
        }
    };
    let relist = {
        let id = id.clone();
        Callback::new(move |v: String| {
            let iid = Id::from(v.as_str());
            state.edit(|s| {
                let owned_here = find_measure(s, &id).is_some_and(|(_, m)| m.initiatives.iter().any(|i| i.id == iid));
                if let Some(m) = s.measure_mut(&id) {
                    if !owned_here && !m.relisted.iter().any(|r| r.initiative == iid) {
                        m.relisted.push(Relisting::all_years(iid.clone()));
                    }
                }
            });
        })
    };
    let unlist = {
        let id = id.clone();
        Callback::new(move |iid: Id| {
            state.edit(|s| {
                if let Some(m) = s.measure_mut(&id) {
                    m.relisted.retain(|r| r.initiative != iid);
                }
            });
        })
    };
    view! {
        <section class="panel" data-testid="measure-initiatives">
            <h2>{state.text("具体的取組（事業）", "Initiatives")}</h2>
            <ul class="initiatives">
                {move || own.get().into_iter().map(|r| {
                    let target = r.id.clone();
                    let text = format!("{} {}", r.number, or_untitled(state, r.title)).trim().to_owned();
                    view! {
                        <li>
                            <button type="button" class="link" data-testid="initiative-link" on:click=move |_| go.run(Selection::Initiative(target.clone()))>{text}</button>
                            {r.is_new.then(|| view! { <span class="badge new">{state.tr("新規", "New")}</span> })}
                            {initiative_kind_badge(state, r.kind)}
                        </li>
                    }
                }).collect_view()}
                {move || relisted.get().into_iter().map(|r| {
                    let target = r.id.clone();
                    let remove = r.id.clone();
                    let years = view! { <RelistYears measure=id.clone() initiative=r.id.clone()/> };
                    let main = match r.found {
                        Some((n, t)) => {
                            let text = format!("{}{} {}", state.tr("【再掲】", "[Re-listed] "), n, or_untitled(state, t));
                            let owner = format!(" {} {}", state.tr("← 施策", "← measure"), r.owner);
                            view! {
                                <button type="button" class="link" data-testid="relisted-link" on:click=move |_| go.run(Selection::Initiative(target.clone()))>{text}</button>
                                <span class="num">{owner}</span>
                            }.into_any()
                        }
                        None => view! {
                            <span class="error">{format!("{}{} ({})", state.tr("【再掲】", "[Re-listed] "), r.id, state.tr("見つかりません", "not found"))}</span>
                        }.into_any(),
                    };
                    view! {
                        <li class="relisted">
                            {main}
                            {years}
                            <button type="button" class="quiet" data-testid="remove-relisting" on:click=move |_| unlist.run(remove.clone())>
                                {state.tr("再掲をやめる", "Stop re-listing")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || (own.with(Vec::is_empty) && relisted.with(Vec::is_empty)).then(|| view! {
                <p class="empty">{state.tr("事業はまだありません。", "No initiatives yet.")}</p>
            })}
            <div class="row-actions">
                <button type="button" data-testid="add-initiative" on:click=add>{state.text("＋ 事業を追加", "+ Add an initiative")}</button>
                <PickSelect label=bind::label(state, "再掲する事業を選ぶ", "Re-list an initiative of another measure")
                    placeholder=bind::label(state, "再掲する事業を選ぶ…", "Re-list an initiative of another measure…")
                    options=candidate_options on_pick=relist testid="relist-initiative"/>
            </div>
        </section>
    }
}

/// The fiscal years a re-listing covers, typed as "R6、R7" or "2024, 2025"; empty = every year.
#[component]
fn RelistYears(measure: Id, initiative: Id) -> impl IntoView {
    let state = use_edits();
    let problem = RwSignal::new(None::<String>);
    let (m2, i2) = (measure.clone(), initiative.clone());
    let value = bind::read(move |s| {
        let years = find_measure(s, &measure)
            .and_then(|(_, m)| m.relisted.iter().find(|r| r.initiative == initiative).map(|r| r.years.clone()));
        years.unwrap_or_default().iter().map(|y| y.short()).collect::<Vec<_>>().join("、")
    });
    let commit = Callback::new(move |text: String| {
        let parsed: Result<Vec<FiscalYear>, String> = text
            .split(|c: char| c == ',' || c == '、' || c == '，' || c.is_whitespace())
            .filter(|t| !t.trim().is_empty())
            .map(|t| FiscalYear::parse(t).map_err(|_| t.to_owned()))
            .collect();
        match parsed {
            Ok(mut years) => {
                crate::sorting::natural(&mut years);
                years.dedup();
                problem.set(None);
                let (m, i) = (m2.clone(), i2.clone());
                state.edit(move |s| {
                    if let Some(r) = s.measure_mut(&m).and_then(|m| m.relisted.iter_mut().find(|r| r.initiative == i)) {
                        r.years = years;
                    }
                });
            }
            Err(bad) => problem.set(Some(crate::words::editor::not_a_fiscal_year(&bad, state.lang()))),
        }
    });
    view! {
        <TextField label=bind::label(state, "再掲する年度（空欄はすべての年度）", "Re-listed for (empty = every year)")
            value=value on_commit=commit problem=Signal::derive(move || problem.get()) testid="relist-years"/>
    }
}
