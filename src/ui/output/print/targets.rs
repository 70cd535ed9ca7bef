//! The numerical-target report (数値目標の状況), laid out like 北本市's summary (seed 001): per
//! goal its heading, ■方向性 and a table of its indicators with baseline (year), target, actual,
//! progress and status, then its measures' KPIs, each measure named with its section (担当課), in the same table. Under
//! each indicator's rows, when chosen, its yearly table over the plan period (`charts::yearly`:
//! baseline, each year's target and actual); then, when chosen, each indicator's chart below the
//! section's tables (a canvas prints as an image). Each goal's sources are numbered at the end of
//! its section (※1 住民基本台帳 …), the table cells marked with them. A goal with neither a
//! target nor a measure's KPI is left out, and one line under the heading names every such goal.

use super::common::{footnotes, indicator_table, year_select, Toolbar, YearlyTables};
use super::years::actual_years;
use crate::charts::{indicator, Figure};
use crate::locale::{self, tr, Footnotes, Language, YearStyle};
use crate::model::{FiscalYear, Goal, Id, Indicator, Strategy};
use crate::session::route::Report;
use crate::ui::kit::chart_view::{figure_of, ChartView};
use crate::ui::kit::panel::column_heads;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn TargetsReport(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    // None: every series in its latest year with an actual.
    let as_of = RwSignal::new(None::<FiscalYear>);
    let charts = RwSignal::new(true);
    let yearly = RwSignal::new(true);
    let controls = move || {
        let years = open.with(|o| o.as_ref().map(actual_years)).unwrap_or_default();
        let (lang, style) = (state.lang(), state.year_style());
        view! {
            {year_select("print-as-of", tr(lang, "時点", "As of"), years, as_of.get_untracked(), Some(tr(lang, "最新の実績", "Latest actual")), lang, style, move |y| as_of.set(y))}
            <label class="inline">
                <input type="checkbox" data-testid="print-charts" prop:checked=move || charts.get() on:change=move |ev| charts.set(event_target_checked(&ev))/>
                {tr(lang, "グラフを含める", "Include charts")}
            </label>
            <label class="inline">
                <input type="checkbox" data-testid="print-years" prop:checked=move || yearly.get() on:change=move |ev| yearly.set(event_target_checked(&ev))/>
                {tr(lang, "年度別の表を含める", "Include the yearly tables")}
            </label>
        }
    };
    let body = move || {
        let shown = Shown { as_of: as_of.get(), charts: charts.get(), yearly: yearly.get() };
        let (lang, style) = (state.lang(), state.year_style());
        open.with(|o| o.as_ref().map(|s| report(s, shown, lang, style)))
    };
    view! {
        <Toolbar id=id report=Report::Targets>{controls}</Toolbar>
        <article class="print-report paper" data-testid="print-report" data-report="targets">{body}</article>
    }
}

/// What the toolbar chose: the year read, and whether charts and yearly tables are printed.
#[derive(Clone, Copy)]
struct Shown {
    /// None: every series in its latest year with an actual.
    as_of: Option<FiscalYear>,
    charts: bool,
    yearly: bool,
}

/// A goal with a numerical target or a measure's KPI: the others are left out of the report.
fn has_targets(s: &Strategy, g: &Goal) -> bool {
    let known = |ids: &[Id]| ids.iter().any(|id| s.indicator(id).is_some());
    known(&g.targets) || g.measures.iter().any(|m| known(&m.kpis))
}

fn report(s: &Strategy, shown: Shown, lang: Language, style: YearStyle) -> impl IntoView {
    let when = crate::words::print::measured_by(shown.as_of.map(|y| locale::year(y, lang, style)).as_deref(), lang);
    let (with, without): (Vec<&Goal>, Vec<&Goal>) = s.goals.iter().map(|g| &**g).partition(|g| has_targets(s, g));
    let goals = with.iter().map(|g| goal_section(s, g, shown, lang, style)).collect_view();
    // The goals without a target or KPI (a template's 横断的な目標, a goal still being drafted),
    // named once rather than each printed with an empty table.
    let left_out = (!without.is_empty()).then(|| {
        let names: Vec<String> =
            without.iter().map(|g| format!("{} {}", words::goal_heading(g, lang), g.title)).collect();
        let text = crate::words::print::goals_without_targets(&names, lang);
        view! { <p class="report-note" data-testid="print-goals-without-targets">{text}</p> }
    });
    let none = (!s.goals.is_empty() && with.is_empty()).then(|| {
        view! { <p class="empty" data-testid="print-no-targets">{tr(lang, "数値目標・KPI はまだありません。", "No numerical targets or KPIs yet.")}</p> }
    });
    view! {
        <header class="report-head">
            <p class="report-municipality">{s.municipality.name.clone()}</p>
            <h1 data-testid="print-title">{s.title.clone()}</h1>
            <crate::ui::kit::qr::PageQr address=s.publication.address.clone()/>
            <p class="report-kind">
                {tr(lang, "数値目標の状況", "Numerical targets")}
                " ・ "{tr(lang, "計画期間 ", "Plan period ")}{locale::period(s.period, lang, style)}
                " ・ "{when}
            </p>
            {locale::framework_line(&s.national_framework, lang, style).map(|f| view! {
                <p class="report-note" data-testid="print-national-frame">{tr(lang, "国の総合戦略: ", "National strategy: ")}{f}</p>
            })}
            {s.period_changes.iter().map(|c| view! { <p class="report-note" data-testid="print-period-change">{locale::period_change(c, lang, style)}</p> }).collect_view()}
            {s.framework_changes.iter().map(|c| view! { <p class="report-note" data-testid="print-framework-change">{locale::framework_change(c, lang)}</p> }).collect_view()}
            <p class="report-note" data-testid="rating-rule">{locale::rating_rule(&s.rating_rule, lang)}</p>
            {locale::assumed_years(s, lang, style).map(|t| view! { <p class="report-note" data-testid="assumed-years">{t}</p> })}
        </header>
        {s.goals.is_empty().then(|| view! { <p class="empty">{tr(lang, "目標はまだありません。", "No goals yet.")}</p> })}
        {none}
        {left_out}
        {goals}
        {verdicts(s, lang, style)}
    }
}

/// The town's verdicts (効果検証) with the committee's comments, and where they differ from the
/// figures: after the tables, as the town's report puts its commentary.
fn verdicts(s: &Strategy, lang: Language, style: YearStyle) -> Option<impl IntoView> {
    let recorded: Vec<(&Indicator, &crate::model::Verdict)> =
        s.indicators.iter().flat_map(|i| i.verdicts.iter().map(move |v| (&**i, v))).collect();
    if recorded.is_empty() {
        return None;
    }
    // Each verdict compared once: the rows' 計算 cells and the count above them.
    let computed: Vec<Option<crate::model::Computed>> = recorded
        .iter()
        .map(|(i, v)| match s.agreement(i, v) {
            crate::model::Agreement::Differs { computed } => Some(computed),
            _ => None,
        })
        .collect();
    let differing = computed.iter().flatten().count();
    let rows = recorded
        .into_iter()
        .zip(computed)
        .map(|((i, v), differs)| {
            view! {
                <tr data-testid="verdict-row">
                    <td>{super::common::numbered(&i.code, &i.name)}</td>
                    <td>{locale::year(v.year, lang, style)}</td>
                    <td>{v.verdict.clone()}</td>
                    <td>{differs.map(|c| locale::computed(&c, lang))}</td>
                    <td class="prose">{v.comment.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <section class="print-verdicts" data-testid="print-verdicts">
            <h2>{tr(lang, "町の評価（効果検証）", "The town's verdicts")}</h2>
            <p class="report-note">{match (lang, differing) {
                (Language::Ja, 0) => "町の評価はすべて計算と一致しています（比べられるもの）。".to_owned(),
                (Language::Ja, n) => format!("計算と異なる評価が {n} 件あります（「計算」の欄）。"),
                (Language::En, 0) => "Every comparable verdict agrees with the figures.".to_owned(),
                (Language::En, n) => format!("{n} verdicts differ from the figures (see “Computed”)."),
            }}</p>
            <table class="report-table verdicts">
                {column_heads(lang, &[
                    ("指標", "Indicator"),
                    ("年度", "Year"),
                    ("町の評価", "Verdict"),
                    ("計算", "Computed"),
                    ("委員会の意見など", "Comment"),
                ])}
                <tbody>{rows}</tbody>
            </table>
        </section>
    })
}

fn goal_section(s: &Strategy, g: &Goal, shown: Shown, lang: Language, style: YearStyle) -> impl IntoView {
    let Shown { as_of, charts: with_charts, yearly } = shown;
    let yearly = if yearly { YearlyTables::Printed } else { YearlyTables::Left };
    let targets: Vec<&Indicator> = g.targets.iter().filter_map(|id| s.indicator(id)).collect();
    // The measures' KPIs under their goal, each measure named (a town that sets its KPIs on the
    // measures, as most do, finds them here rather than an empty table).
    let kpis: Vec<(String, Vec<&Indicator>)> = g
        .measures
        .iter()
        .map(|m| {
            let mut label = format!("{} {}", tr(lang, "施策", "Measure"), super::common::numbered(&m.number, &m.title));
            // Its section (担当課), as towns' summaries name who answers for each measure.
            if let Some(name) = m.department.as_ref().and_then(|d| s.department_name(d)) {
                label.push_str(&format!("{}{name}", tr(lang, "　担当課：", " — section: ")));
            }
            (label, m.kpis.iter().filter_map(|id| s.indicator(id)).collect::<Vec<_>>())
        })
        .filter(|(_, k)| !k.is_empty())
        .collect();
    let charted: Vec<&Indicator> = targets.iter().chain(kpis.iter().flat_map(|(_, k)| k.iter())).copied().collect();
    let charts = (with_charts && !charted.is_empty()).then(|| {
        let figures = charted
            .iter()
            .map(|ind| {
                let id = ind.id.clone();
                let figure = figure_of(move |s, w| s.indicator(&id).map(|i| still(indicator::chart(s, i, w))));
                view! { <div class="print-chart"><ChartView figure=figure kind="indicator"/></div> }
            })
            .collect_view();
        view! { <div class="print-charts" data-testid="print-charts-of-goal">{figures}</div> }
    });
    // One numbering per goal: the tables are built here, in order, so the numbers run down the page.
    let mut notes = Footnotes::default();
    // A goal without either is not printed (`report` names it once).
    let main_table = match targets.is_empty() {
        false => indicator_table(s, &targets, as_of, yearly, lang, style, &mut notes).into_any(),
        true => view! { <p class="empty">{tr(lang,
        "この目標に直接の数値目標はありません（施策の KPI を下に示します）。",
        "No numerical targets on this goal itself (its measures' KPIs follow).")}</p> }
        .into_any(),
    };
    let kpi_tables = kpis
        .iter()
        .map(|(label, k)| {
            let table = indicator_table(s, k, as_of, yearly, lang, style, &mut notes);
            view! {
                <h4 class="print-measure" data-testid="print-kpi-measure">{label.clone()}</h4>
                {table}
            }
        })
        .collect_view();
    let sources = footnotes(&notes, lang);
    view! {
        <section class="print-goal" data-testid="print-goal">
            <div class="goal-lead">
                <h2 class="print-goal-title" data-testid="print-goal-title">
                    <span class="goal-label">{words::goal_heading(g, lang)}</span>" "<bdi>{g.title.clone()}</bdi>
                </h2>
                {(!g.subtitle.is_empty()).then(|| view! { <p class="subtitle">{format!("～{}～", g.subtitle)}</p> })}
                {(!g.direction.is_empty()).then(|| view! {
                    <h3 class="mark">{tr(lang, "■方向性", "■ Direction")}</h3>
                    <p class="prose" data-testid="print-goal-direction">{g.direction.clone()}</p>
                })}
                <h3 class="mark">{tr(lang, "■数値目標", "■ Numerical targets")}</h3>
            </div>
            {main_table}
            {(!kpis.is_empty()).then(|| view! {
                <h3 class="mark">{tr(lang, "■施策の KPI（重要業績評価指標）", "■ Measures' KPIs")}</h3>
                {kpi_tables}
            })}
            {sources}
            {charts}
        </section>
    }
}

/// The figure without ECharts' entry animation, so that a print or PDF never catches a chart
/// half drawn.
fn still(mut f: Figure) -> Figure {
    match &mut f.patch {
        serde_json::Value::Object(map) => {
            map.insert("animation".into(), serde_json::Value::Bool(false));
        }
        other => *other = serde_json::json!({ "animation": false }),
    }
    f
}
