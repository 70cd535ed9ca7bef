//! The form of one initiative (具体的取組 / 事業): number, title, description, 単独事業 / 補助事業,
//! 新規, KPIs, and per fiscal year its 予算額 / 交付金額 (a 補助事業's) / 決算額 (千円), 方向性, plan and
//! result; for a 補助事業 its grant and 効果検証 (`grant`). A year's
//! record is created when something is first written for it and dropped again when every field
//! of it is empty.

use super::common::{
    create_indicator_for, entity_actions, entity_heading, initiative_kind_badge, or_untitled, year_label,
    EntityActions, IndicatorRefs, Missing,
};
use super::grant::GrantSection;
use super::name_focus::name_field;
use crate::model::{FiscalYear, Id, InitiativeKind, InitiativeYear, ProjectDirection, Strategy};
use crate::session::route::Selection;
use crate::ui::kit::bind;
use crate::ui::kit::fields::{CheckField, NumberField, NumberKind, OutsideYearPicker, SelectField, TextField};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

fn kind_key(k: Option<InitiativeKind>) -> &'static str {
    match k {
        None => "",
        Some(InitiativeKind::Standalone) => "standalone",
        Some(InitiativeKind::Subsidised) => "subsidised",
    }
}

fn kind_from_key(key: &str) -> Option<InitiativeKind> {
    match key {
        "standalone" => Some(InitiativeKind::Standalone),
        "subsidised" => Some(InitiativeKind::Subsidised),
        _ => None,
    }
}

fn direction_key(d: ProjectDirection) -> &'static str {
    match d {
        ProjectDirection::Expand => "expand",
        ProjectDirection::Maintain => "maintain",
        ProjectDirection::Reduce => "reduce",
        ProjectDirection::Review => "review",
        ProjectDirection::Consider => "consider",
        ProjectDirection::Merge => "merge",
        ProjectDirection::Abolish => "abolish",
        ProjectDirection::End => "end",
    }
}

fn direction_english(d: ProjectDirection) -> &'static str {
    match d {
        ProjectDirection::Expand => "Expand",
        ProjectDirection::Maintain => "Maintain",
        ProjectDirection::Reduce => "Reduce",
        ProjectDirection::Review => "Review",
        ProjectDirection::Consider => "Under consideration",
        ProjectDirection::Merge => "Merge",
        ProjectDirection::Abolish => "Abolish",
        ProjectDirection::End => "Ended",
    }
}

fn write_year<V: 'static>(
    id: &Id,
    year: FiscalYear,
    f: impl Fn(&mut InitiativeYear, V) + Send + Sync + 'static,
) -> Callback<V> {
    bind::write_initiative(id, move |i, v| i.edit_year(year, |y| f(y, v)))
}

#[component]
pub fn InitiativeForm(id: Id, go: Callback<Selection>) -> impl IntoView {
    let exists = bind::initiative(&id, |_| true);
    move || {
        if exists.get() {
            view! { <InitiativeBody id=id.clone() go=go/> }.into_any()
        } else {
            view! { <Missing testid="initiative-missing" ja="この事業はありません（削除されたか、元に戻す操作で取り消されました）。" en="This initiative does not exist (it was deleted or undone)."/> }.into_any()
        }
    }
}

#[component]
fn InitiativeBody(id: Id, go: Callback<Selection>) -> impl IntoView {
    let state = use_speech();
    let label = move |ja, en| bind::label(state, ja, en);

    let number = bind::initiative(&id, |i| i.number.clone());
    let title = bind::initiative(&id, |i| i.title.clone());
    let is_new = bind::initiative(&id, |i| i.is_new);
    let kind = bind::initiative(&id, |i| i.kind);
    // The measure that owns it, and the measures that re-list it: (id, "number title").
    let owner = {
        let id = id.clone();
        bind::read(move |s| {
            s.initiatives()
                .find(|(_, i)| i.id == id)
                .map(|(m, _)| (m.id.clone(), format!("{} {}", m.number, m.title).trim().to_owned()))
        })
    };
    let relisted_in = {
        let id = id.clone();
        bind::read(move |s| {
            s.measures()
                .filter(|(_, m)| m.relisted.iter().any(|r| r.initiative == id))
                .map(|(_, m)| (m.id.clone(), format!("{} {}", m.number, m.title).trim().to_owned()))
                .collect::<Vec<_>>()
        })
    };

    let (on_move, on_delete) =
        entity_actions(&id, go, Strategy::move_initiative, Strategy::remove_initiative, move || {
            owner.get_untracked().map(|(m, _)| Selection::Measure(m))
        });
    let heading = move || entity_heading(state, state.tr("事業", "Initiative"), number.get(), title.get());
    let measure_button = move |mid: Id, text: String, testid: &'static str| {
        view! {
            <button type="button" class="link" data-testid=testid on:click=move |_| go.run(Selection::Measure(mid.clone()))>
                {format!("{} {}", state.tr("施策", "Measure"), or_untitled(state, text))}
            </button>
        }
    };
    let kind_options = Signal::derive(move || {
        vec![
            (String::new(), state.tr("未設定", "Not set").to_owned()),
            ("standalone".to_owned(), state.tr("単独事業", "Standalone (town's own)").to_owned()),
            ("subsidised".to_owned(), state.tr("補助事業", "Subsidised").to_owned()),
        ]
    });

    view! {
        <article class="initiative-form" data-testid="initiative-form">
            <header class="panel">
                <h1 data-testid="form-heading" tabindex="-1">{heading}</h1>
                <p class="meta">
                    {move || is_new.get().then(|| view! { <span class="badge new">{state.tr("新規", "New")}</span> })}
                    {move || initiative_kind_badge(state, kind.get())}
                </p>
                {move || owner.get().map(|(mid, text)| view! {
                    <p class="lead" data-testid="initiative-owner">
                        {state.tr("所属: ", "Under: ")}
                        {measure_button(mid, text, "initiative-owner-link")}
                    </p>
                })}
                {move || {
                    let list = relisted_in.get();
                    (!list.is_empty()).then(|| view! {
                        <p class="lead" data-testid="initiative-relisted-in">
                            {state.tr("再掲先: ", "Re-listed under: ")}
                            {list.into_iter().enumerate().map(|(n, (mid, text))| view! {
                                {(n > 0).then(|| state.tr("、", ", "))}
                                {measure_button(mid, text, "initiative-relisted-link")}
                            }).collect_view()}
                        </p>
                    })
                }}
                <EntityActions on_move=on_move on_delete=on_delete delete_label=label("この事業を削除", "Delete this initiative")/>
            </header>

            <section class="panel">
                <h2>{state.text("基本情報", "Basics")}</h2>
                <div class="form-grid">
                    <TextField label=label("番号", "Number") value=number
                        on_commit=bind::write_initiative(&id, |i, v: String| i.number = v) testid="initiative-number"/>
                    <TextField label=label("事業名", "Title") value=title
                        on_commit=bind::write_initiative(&id, |i, v: String| i.title = v) testid="initiative-title" node_ref=name_field()/>
                    <SelectField label=label("事業の種類", "Type") options=kind_options
                        value=Signal::derive(move || kind_key(kind.get()).to_owned())
                        on_commit=bind::write_initiative(&id, |i, v: String| i.kind = kind_from_key(&v)) testid="initiative-kind"/>
                    <super::departments::DepartmentPicker value=bind::initiative(&id, |i| i.department.clone())
                        inherited={
                            let id = id.clone();
                            bind::read(move |s| {
                                let (m, _) = s.initiatives().find(|(_, i)| i.id == id)?;
                                m.department.as_ref().and_then(|d| s.department_name(d)).map(str::to_owned)
                            })
                        }
                        testid="initiative-department"
                        on_commit=bind::write_initiative(&id, |i, v: Option<Id>| i.department = v)/>
                    <TextField label=label("事業の内容", "Description") multiline=true
                        value=bind::initiative(&id, |i| i.description.clone())
                        on_commit=bind::write_initiative(&id, |i, v: String| i.description = v) testid="initiative-description"/>
                </div>
                <CheckField label=label("新規事業", "New initiative") checked=is_new
                    on_commit=bind::write_initiative(&id, |i, v: bool| i.is_new = v) testid="initiative-new"/>
            </section>

            <section class="panel">
                <IndicatorRefs legend=label("KPI（重要業績評価指標）", "KPIs (key performance indicators)")
                    refs=bind::initiative(&id, |i| i.kpis.clone())
                    on_commit=bind::write_initiative(&id, |i, v| i.kpis = v)
                    on_create=create_indicator_for(id.clone(), go)
                    testid="initiative-kpis"/>
            </section>

            <YearTable id=id.clone()/>

            <GrantSection id=id.clone()/>
        </article>
    }
}

/// Every fiscal year of the plan period, plus any other year with data or asked for: budget,
/// settled cost, direction, plan, result.
#[component]
fn YearTable(id: Id) -> impl IntoView {
    let state = use_speech();
    // Years outside the plan period the user asked to show (not stored until written).
    let extra = RwSignal::new(Vec::<FiscalYear>::new());
    let years = {
        let id = id.clone();
        bind::read(move |s| {
            let recorded = s.initiative(&id).into_iter().flat_map(|i| i.years.iter().map(|y| y.fiscal_year));
            s.period.with(recorded.chain(extra.get()))
        })
    };
    // 交付金額 beside the budget, for a 補助事業 or where one is recorded.
    let with_grant = bind::initiative(&id, |i| {
        i.kind == Some(InitiativeKind::Subsidised) || i.grant.is_some() || i.years.iter().any(|y| y.grant.is_some())
    });
    view! {
        <section class="panel">
            <h2>{state.text("年度別の予算・決算・方向性", "By fiscal year: budget, settled cost, direction")}</h2>
            <div class="table-wrap">
                <table class="year-table" data-testid="initiative-years">
                    <thead>
                        <tr>
                            <th scope="col">{state.text("年度", "Fiscal year")}</th>
                            <th scope="col">{state.text("予算額（千円）", "Budget (¥1,000)")}</th>
                            {move || with_grant.get().then(|| view! { <th scope="col">{state.tr("交付金額（千円）", "Grant (¥1,000)")}</th> })}
                            <th scope="col">{state.text("決算額（千円）", "Settled (¥1,000)")}</th>
                            <th scope="col">{state.text("方向性", "Direction")}</th>
                            <th scope="col">{state.text("計画（実施内容）", "Plan")}</th>
                            <th scope="col">{state.text("実績", "Result")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || years.get() key=|y| *y children={
                            let id = id.clone();
                            move |y: FiscalYear| view! { <YearRow id=id.clone() year=y with_grant=with_grant/> }
                        }/>
                    </tbody>
                </table>
            </div>
            <div class="row-actions">
                <OutsideYearPicker shown=years testid="add-year"
                    on_pick=Callback::new(move |y: FiscalYear| extra.update(|e| if !e.contains(&y) { e.push(y) }))/>
            </div>
        </section>
    }
}

#[component]
fn YearRow(id: Id, year: FiscalYear, with_grant: Memo<bool>) -> impl IntoView {
    let state = use_speech();
    let y = year;
    let cell_label = move |ja: &'static str, en: &'static str| {
        Signal::derive(move || format!("{} {}", year_label(state, y), state.tr(ja, en)))
    };
    let budget = bind::initiative(&id, move |i| i.year(y).and_then(|x| x.budget).map(|v| v as f64));
    let settled = bind::initiative(&id, move |i| i.year(y).and_then(|x| x.settled).map(|v| v as f64));
    let grant = bind::initiative(&id, move |i| i.year(y).and_then(|x| x.grant).map(|v| v as f64));
    let id_grant = id.clone();
    let direction = bind::initiative(&id, move |i| {
        i.year(y).and_then(|x| x.direction).map(direction_key).unwrap_or_default().to_owned()
    });
    let plan = bind::initiative(&id, move |i| i.year(y).map(|x| x.plan.clone()).unwrap_or_default());
    let result = bind::initiative(&id, move |i| i.year(y).map(|x| x.result.clone()).unwrap_or_default());
    let direction_options =
        Signal::derive(move || {
            let ja = state.lang() == crate::locale::Language::Ja;
            let mut o = vec![(String::new(), "—".to_owned())];
            o.extend(ProjectDirection::ALL.into_iter().map(|d| {
                (direction_key(d).to_owned(), if ja { d.japanese() } else { direction_english(d) }.to_owned())
            }));
            o
        });
    view! {
        <tr data-testid=format!("year-{}", y.0)>
            <th scope="row">{move || year_label(state, y)}</th>
            <td>
                <NumberField label=cell_label("予算額（千円）", "budget (thousand yen)") value=budget kind=NumberKind::Money
                    on_commit=write_year(&id, y, |x, v: Option<f64>| x.budget = v.map(|v| v as i64)) testid=format!("budget-{}", y.0)/>
            </td>
            {move || with_grant.get().then(|| view! {
                <td>
                    <NumberField label=cell_label("交付金額（千円）", "grant (thousand yen)") value=grant kind=NumberKind::Money
                        on_commit=write_year(&id_grant, y, |x, v: Option<f64>| x.grant = v.map(|v| v as i64)) testid=format!("grant-amount-{}", y.0)/>
                </td>
            })}
            <td>
                <NumberField label=cell_label("決算額（千円）", "settled cost (thousand yen)") value=settled kind=NumberKind::Money
                    on_commit=write_year(&id, y, |x, v: Option<f64>| x.settled = v.map(|v| v as i64)) testid=format!("settled-{}", y.0)/>
            </td>
            <td>
                <SelectField label=cell_label("方向性", "direction") options=direction_options value=direction
                    on_commit=write_year(&id, y, |x, v: String| x.direction = ProjectDirection::ALL.into_iter().find(|d| direction_key(*d) == v))
                    testid=format!("direction-{}", y.0)/>
            </td>
            <td>
                <TextField label=cell_label("計画", "plan") multiline=true value=plan
                    on_commit=write_year(&id, y, |x, v: String| x.plan = v) testid=format!("plan-{}", y.0)/>
            </td>
            <td>
                <TextField label=cell_label("実績", "result") multiline=true value=result
                    on_commit=write_year(&id, y, |x, v: String| x.result = v) testid=format!("result-{}", y.0)/>
            </td>
        </tr>
    }
}
