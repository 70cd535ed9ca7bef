//! A measure's charts in its form: the status mix of its KPIs, each KPI's chart side by side,
//! and its initiatives' budget by fiscal year.

use crate::charts::{indicator, measure};
use crate::model::Id;
use crate::ui::kit::bind;
use crate::ui::kit::chart_view::{figure_of, ChartView};
use crate::ui::kit::status::mix_badges;
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

#[component]
pub fn MeasureCharts(id: Id) -> impl IntoView {
    let state = use_speech();
    let kpis = bind::measure(&id, |m| m.kpis.clone());
    let mix = {
        let id = id.clone();
        bind::read(move |s| s.measures().find(|(_, m)| m.id == id).map(|(_, m)| s.measure_mix(m)).unwrap_or_default())
    };
    let budget = figure_of(move |s, w| s.measures().find(|(_, m)| m.id == id).map(|(_, m)| measure::budgets(s, m, w)));
    view! {
        <section class="panel" data-testid="measure-charts">
            <h2>{state.text("KPI の達成状況", "KPI progress")}" "{move || mix_badges(state.lang(), mix.get())}</h2>
            <div class="kpi-charts">
                {move || kpis.get().into_iter().map(|kid| {
                    let figure = figure_of(move |s, w| s.indicator(&kid).map(|i| indicator::chart(s, i, w)));
                    view! { <ChartView figure=figure kind="indicator"/> }
                }).collect_view()}
            </div>
            <ChartView figure=budget kind="measure-budgets"/>
        </section>
    }
}
