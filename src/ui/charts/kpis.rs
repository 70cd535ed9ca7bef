//! The dashboard's list of what each goal's status counts: per goal, its numerical targets and
//! its measures' KPIs (each once), with the latest actual, the target and the status badge,
//! each opening its indicator in the editor. Open by default for a town-size strategy; a large
//! one shows the list on request (it would be thousands of rows).

use crate::locale::{self, tr, Language, YearStyle};
use crate::model::{Goal, Id, Indicator, Strategy};
use crate::session::route::{Route, Selection};
use crate::ui::kit::status::indicator_badge;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use crate::words;
use leptos::prelude::*;

/// Up to this many indicators the list is open when the dashboard opens.
const OPEN_UP_TO: usize = 60;

#[component]
pub fn KpiList(id: Id) -> impl IntoView {
    let state = use_speech();
    let strategy = use_open();
    let count = Memo::new(move |_| strategy.with(|o| o.as_ref().map_or(0, |s| s.indicators.len())));
    let open = RwSignal::new(count.get_untracked() <= OPEN_UP_TO);
    let body = move || {
        open.get().then(|| {
            let (lang, style) = (state.lang(), state.year_style());
            strategy.with(|o| o.as_ref().map(|s| goals(s, &id, lang, style)))
        })
    };
    view! {
        <details class="kpi-list" data-testid="dashboard-kpis" prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>
                {state.text("目標ごとの数値目標・KPI", "Targets and KPIs by goal")}
                " "<span class="hint">{move || crate::words::editor::kpi_count(count.get(), state.lang())}</span>
            </summary>
            {body}
        </details>
    }
}

fn goals(s: &Strategy, id: &Id, lang: Language, style: YearStyle) -> AnyView {
    let sections = s.goals.iter().map(|g| goal(s, g, id, lang, style)).collect_view();
    view! {
        {sections}
        <p class="hint">{locale::rating_rule(&s.rating_rule, lang)}</p>
        {locale::assumed_years(s, lang, style).map(|t| view! { <p class="hint" data-testid="assumed-years">{t}</p> })}
    }
    .into_any()
}

fn goal(s: &Strategy, g: &Goal, id: &Id, lang: Language, style: YearStyle) -> AnyView {
    let indicators = s.goal_indicators(g);
    let rows = indicators.iter().map(|ind| row(s, ind, id, lang, style)).collect_view();
    view! {
        <section class="kpi-goal" data-testid="dashboard-kpi-goal">
            <h3>{words::goal_heading(g, lang)}</h3>
            {if indicators.is_empty() {
                view! { <p class="empty">{tr(lang, "数値目標・KPI はありません。", "No numerical targets or KPIs.")}</p> }.into_any()
            } else {
                view! { <ul>{rows}</ul> }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn row(s: &Strategy, ind: &Indicator, id: &Id, lang: Language, style: YearStyle) -> AnyView {
    let progress = s.progress(ind);
    let href = Route::Edit(id.clone(), Selection::Indicator(ind.id.clone())).hash();
    // The first series with data (as the badge), else the first: its latest actual and target.
    let first = ind.series.iter().zip(&progress.series).find(|(_, a)| a.status == progress.status).or(ind
        .series
        .iter()
        .zip(&progress.series)
        .next());
    let facts = first.map(|(series, a)| {
        let actual = match (a.actual, a.year) {
            (Some(v), Some(y)) => format!("{} {}", locale::year(y, lang, style), locale::quantity(v, &ind.unit)),
            _ => tr(lang, "実績なし", "no actual").to_owned(),
        };
        let target = locale::series_target(series, &ind.unit, lang, style).unwrap_or_else(|| "—".to_owned());
        crate::words::editor::kpi_line(&series.label, &actual, &target, lang)
    });
    view! {
        <li data-testid="dashboard-kpi">
            <a href=href><bdi>{ind.code.clone()}</bdi>" "<bdi>{ind.name.clone()}</bdi></a>" "
            {indicator_badge(lang, &progress)}
            {facts.map(|f| view! { <span class="kpi-facts">{f}</span> })}
        </li>
    }
    .into_any()
}
