//! The vision as towns publish it: the total by scenario with the target marked, the three age
//! groups of a scenario, and the pyramids of the base year and a chosen year side by side; each
//! chart drawn by the page's ECharts (`kit::chart_view`) with its table beside it and the table
//! as CSV (`format::csv`'s writer: BOM, CRLF). Where the assumptions are derived from censuses,
//! the page says so above the charts.

use crate::charts::{population, Figure, Words};
use crate::format::csv;
use crate::model::population::{
    project_scenarios, NamedScenario, NotReady, Projection, ProjectionError, TargetPopulation,
};
use crate::ui::browser::files;
use crate::ui::kit::chart_view::ChartView;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_downloads, Edits};
use leptos::prelude::*;
use std::sync::Arc;

/// Every scenario projected, owned, for the figures and the tables.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub base_year: u16,
    pub derived: bool,
    pub source: String,
    pub runs: Vec<(NamedScenario, Result<Projection, ProjectionError>)>,
    pub chosen: Option<crate::model::Id>,
    pub target: Option<TargetPopulation>,
    pub town: String,
}

impl Drawn {
    fn drawn(&self) -> Vec<(&NamedScenario, &Projection)> {
        self.runs.iter().filter_map(|(s, r)| r.as_ref().ok().map(|p| (s, p))).collect()
    }

    /// The scenario the three groups and the pyramid show: the one picked, else the 将来展望,
    /// else the first drawn.
    fn shown(&self, picked: Option<&crate::model::Id>) -> Option<(&NamedScenario, &Projection)> {
        let drawn = self.drawn();
        let find = |id: &crate::model::Id| drawn.iter().find(|(s, _)| &s.id == id).copied();
        picked.and_then(find).or_else(|| self.chosen.as_ref().and_then(find)).or_else(|| drawn.first().copied())
    }
}

/// The projections of the open strategy's vision, or why there are none.
pub fn drawn(state: Edits) -> Memo<Result<Arc<Drawn>, NotReady>> {
    Memo::new(move |_| {
        let lang = state.lang();
        state.open.with(|o| {
            let s = o.as_ref().ok_or(NotReady::NoBase)?;
            let v = s.population.as_deref().ok_or(NotReady::NoBase)?;
            // Timed for the benchmark: every scenario projected, in the browser.
            let p = files::timed("shirube:population-project", || project_scenarios(v))?;
            let source = v
                .assumptions
                .as_ref()
                .map(|a| crate::words::vision::assumption_source(&a.source, lang))
                .unwrap_or_default();
            Ok(Arc::new(Drawn {
                base_year: p.base_year,
                derived: p.derived,
                source,
                runs: p.runs.into_iter().map(|(s, r)| (s.clone(), r)).collect(),
                chosen: v.chosen.clone(),
                target: v.target,
                town: s.municipality.name.clone(),
            }))
        })
    })
}

#[component]
pub fn Figures(state: Edits, drawn: Memo<Result<Arc<Drawn>, NotReady>>) -> impl IntoView {
    let picked = RwSignal::new(None::<crate::model::Id>);
    let year = RwSignal::new(None::<u16>);
    let words = move || Words { lang: state.lang(), years: state.year_style() };
    let ok = move || drawn.get().ok();
    let totals = Memo::new(move |_| {
        ok().map(|d| {
            let named: Vec<(String, &Projection)> = d.drawn().into_iter().map(|(s, p)| (s.name.clone(), p)).collect();
            population::totals(&named, d.target, d.derived, words())
        })
        .unwrap_or_default()
    });
    let groups = Memo::new(move |_| {
        ok().and_then(|d| {
            d.shown(picked.get().as_ref()).map(|(s, p)| population::age_groups(&s.name, p, d.derived, words()))
        })
        .unwrap_or_default()
    });
    let later_year =
        move |d: &Drawn| year.get().filter(|y| *y > d.base_year).unwrap_or(crate::model::population::HORIZON);
    let base_pyramid = Memo::new(move |_| {
        ok().and_then(|d| {
            d.shown(None).and_then(|(_, p)| p.at(d.base_year)).map(|pop| population::pyramid(pop, d.base_year, words()))
        })
        .unwrap_or_default()
    });
    let later_pyramid = Memo::new(move |_| {
        ok().and_then(|d| {
            let y = later_year(&d);
            d.shown(picked.get().as_ref()).and_then(|(_, p)| p.at(y)).map(|pop| population::pyramid(pop, y, words()))
        })
        .unwrap_or_default()
    });
    let downloads = use_downloads();
    let save = move |kind: &'static str| {
        let Some(d) = ok() else { return };
        let (middle, text) = match kind {
            "totals" => {
                let named: Vec<(&str, &Projection)> =
                    d.drawn().into_iter().map(|(s, p)| (s.name.as_str(), p)).collect();
                (totals.get_untracked().name, csv::population_totals(&named, d.target))
            }
            "groups" => match d.shown(picked.get_untracked().as_ref()) {
                Some((_, p)) => (groups.get_untracked().name, csv::population_age_groups(p)),
                None => return,
            },
            _ => {
                let y = if kind == "base" { d.base_year } else { later_year(&d) };
                match d
                    .shown(if kind == "base" { None } else { picked.get_untracked() }.as_ref())
                    .and_then(|(_, p)| p.at(y))
                {
                    Some(pop) => (
                        if kind == "base" { base_pyramid } else { later_pyramid }.get_untracked().name,
                        csv::population_pyramid(pop),
                    ),
                    None => return,
                }
            }
        };
        downloads.csv(files::file_name(&d.town, &middle, &files::today(), "csv"), &text);
    };
    let scenario_options = move || {
        ok().map(|d| {
            let current = d.shown(picked.get().as_ref()).map(|(s, _)| s.id.clone());
            d.drawn()
                .into_iter()
                .map(|(s, _)| {
                    let selected = Some(&s.id) == current.as_ref();
                    view! { <option value=s.id.to_string() selected=selected>{s.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let year_options = move || {
        ok().map(|d| {
            let current = later_year(&d);
            let lang = state.lang();
            (d.base_year + 5..=crate::model::population::HORIZON).step_by(5).map(|y| view! {
                <option value=y.to_string() selected=y == current>{crate::words::vision::calendar_year(y, lang)}</option>
            }).collect_view()
        })
    };
    view! {
        <section class="panel wide" data-testid="vision-totals">
            <ChartView figure=totals kind="population-totals"/>
            <TableBeside figure=totals.into() testid="vision-totals" on_csv=Callback::new(move |()| save("totals"))/>
        </section>
        <section class="panel wide" data-testid="vision-groups">
            <div class="field">
                <label for="vision-shown-scenario">{state.text("年齢3区分・人口ピラミッドのシナリオ", "Scenario of the age groups and pyramid")}</label>
                <select id="vision-shown-scenario" data-testid="vision-shown-scenario"
                    on:change=move |ev| picked.set(Some(crate::model::Id::from(event_target_value(&ev).as_str())))>{scenario_options}</select>
            </div>
            <ChartView figure=groups kind="population-groups"/>
            <TableBeside figure=groups.into() testid="vision-groups" on_csv=Callback::new(move |()| save("groups"))/>
        </section>
        <div class="vision-pyramids">
            <section class="panel" data-testid="vision-pyramid-base">
                <ChartView figure=base_pyramid kind="population-pyramid"/>
                <TableBeside figure=base_pyramid.into() testid="vision-pyramid-base" on_csv=Callback::new(move |()| save("base"))/>
            </section>
            <section class="panel" data-testid="vision-pyramid-later">
                <div class="field">
                    <label for="vision-pyramid-year">{state.text("比べる年", "Year to compare")}</label>
                    <select id="vision-pyramid-year" data-testid="vision-pyramid-year"
                        on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>{year_options}</select>
                </div>
                <ChartView figure=later_pyramid kind="population-pyramid"/>
                <TableBeside figure=later_pyramid.into() testid="vision-pyramid-later" on_csv=Callback::new(move |()| save("later"))/>
            </section>
        </div>
    }
}

/// A figure's table, always shown beside its chart, with its CSV download.
#[component]
fn TableBeside(figure: Signal<Figure>, testid: &'static str, on_csv: Callback<()>) -> impl IntoView {
    let state = crate::ui::speech::use_speech();
    let table = move || figure.with(|f| crate::ui::kit::chart_view::figure_table(f, "vision-table", None));
    view! {
        <div class="table-wrap" data-testid=format!("{testid}-table")>{table}</div>
        <div class="actions">
            <button type="button" class="button quiet small" data-testid=format!("{testid}-csv") on:click=move |_| on_csv.run(())>
                {state.text("表をCSVで保存", "Save the table as CSV")}
            </button>
        </div>
    }
}
