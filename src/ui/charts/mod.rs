//! A strategy's dashboard: the status mix of each goal's indicators, the rating distribution of
//! measures for a chosen fiscal year, budget and settled cost per goal and year, SDG coverage,
//! and the goals → measures → initiatives hierarchy (clicking a node opens it in the editor).

mod kpis;

use super::state::{use_edits, use_navigation};
use crate::charts::dashboard;
use crate::locale;
use crate::model::{FiscalYear, Id, Strategy};
use crate::session::route::{Route, Selection};
use crate::ui::browser::files;
use crate::ui::kit::chart_view::{figure_of, ChartView};
use crate::ui::kit::job_page::{JobHead, JobPage};
use crate::ui::speech::Speaks;
use kpis::KpiList;
use leptos::prelude::*;

/// Years to choose from: the plan period and every year with an evaluation.
fn rating_years(s: &Strategy) -> Vec<FiscalYear> {
    s.period.with(s.measures().flat_map(|(_, m)| m.evaluations.iter().map(|e| e.fiscal_year)))
}

/// Where a clicked node of the hierarchy lives in the editor.
fn selection_for(s: &Strategy, id: &Id) -> Option<Selection> {
    if s.goals.iter().any(|g| &g.id == id) {
        Some(Selection::Goal(id.clone()))
    } else if s.measures().any(|(_, m)| &m.id == id) {
        Some(Selection::Measure(id.clone()))
    } else {
        s.initiative(id).map(|_| Selection::Initiative(id.clone()))
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    view! {
        <JobPage class="dashboard" testid="dashboard" let:id>
            <Charts id=id/>
        </JobPage>
    }
}

#[component]
fn Charts(id: Id) -> impl IntoView {
    let state = use_edits();
    let nav = use_navigation();
    let chosen = RwSignal::new(None::<FiscalYear>);
    let year = Memo::new(move |_| {
        chosen
            .get()
            .or_else(|| state.open.with(|o| o.as_ref().map(|s| s.default_rating_year(files::current_fiscal_year()))))
    });
    let years = Memo::new(move |_| state.open.with(|o| o.as_ref().map(rating_years)).unwrap_or_default());

    let status = figure_of(|s, w| Some(dashboard::status_by_goal(s, w)));
    let ratings = figure_of(move |s, w| year.get().map(|y| dashboard::ratings(s, y, w)));
    let budget = figure_of(|s, w| Some(dashboard::budget_by_goal(s, w)));
    let sdgs = figure_of(|s, w| Some(dashboard::sdg_coverage(s, w)));
    let hierarchy = figure_of(|s, w| Some(dashboard::hierarchy(s, w)));
    let strategy_id = id.clone();
    let open_node = Callback::new(move |node: String| {
        let node = Id::from(node.as_str());
        let target = state.open.with_untracked(|o| o.as_ref().and_then(|s| selection_for(s, &node)));
        if let Some(sel) = target {
            nav.navigate(Route::Edit(strategy_id.clone(), sel));
        }
    });
    let on_year = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        chosen.set(v.parse().ok().map(FiscalYear));
    };

    let edit = Route::Edit(id.clone(), Selection::Strategy).hash();
    view! {
            <JobHead title=("ダッシュボード", "Dashboard")>
                <div class="actions">
                    <a class="button" data-testid="to-editor" href=edit>{state.text("編集する", "Edit")}</a>
                </div>
            </JobHead>
            <div class="chart-grid">
                <section class="panel"><ChartView figure=status kind="status-by-goal"/></section>
                <section class="panel"><KpiList id=id.clone()/></section>
                <section class="panel">
                    <label class="inline">
                        {state.text("評価の年度", "Fiscal year rated")}" "
                        <select data-testid="rating-year" on:change=on_year>
                            {move || {
                                let current = year.get();
                                years.get().into_iter().map(|y| view! {
                                    <option value=y.0.to_string() selected=Some(y) == current>{locale::year(y, state.lang(), state.year_style())}</option>
                                }).collect_view()
                            }}
                        </select>
                    </label>
                    <ChartView figure=ratings kind="ratings"/>
                </section>
                <section class="panel wide"><ChartView figure=budget kind="budget-by-goal"/></section>
                <section class="panel"><ChartView figure=sdgs kind="sdg-coverage"/></section>
                <section class="panel">
                    <p class="hint">{state.text("項目をクリックすると編集画面で開きます。", "Click a part to open it in the editor.")}</p>
                    <ChartView figure=hierarchy kind="hierarchy" on_select=open_node/>
                </section>
            </div>
    }
}
