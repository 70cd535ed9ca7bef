//! A strategy's overview (read-only), on 概要 and for a kept version on 履歴: its metadata and narrative, its goals with their
//! numerical targets and measures (with initiatives and the latest evaluation), and every
//! indicator in one table with its progress.

use super::status::mix_badges;
use crate::charts::dashboard::status_colour;
use crate::locale::{self, tr};
use crate::locale::{Language, YearStyle};
use crate::model::{assess, Agreement, Context, Goal, Id, Indicator, Measure, Strategy};
use crate::session::route::{Route, Selection};
use crate::ui::kit::panel::column_heads;
use crate::ui::state::use_library;
use crate::words;
use leptos::prelude::*;

/// The overview of `strategy`. `read_only`: a kept version shown from the history — no links to
/// the editor or other pages, which would open the current version.
#[component]
pub fn StrategyView(
    strategy: Strategy,
    lang: Language,
    style: YearStyle,
    #[prop(optional)] read_only: bool,
) -> impl IntoView {
    let library = use_library();
    let s = strategy;
    let counts = s.counts();
    let period = locale::period(s.period, lang, style);
    let stage = match lang {
        Language::Ja => s.stage.japanese().to_owned(),
        Language::En => s.stage.as_str().to_owned(),
    };
    // Each goal and measure opens in the editor from here (not from a kept version).
    let editable = (!read_only).then_some(&s.id);
    let goals = s.goals.iter().map(|g| goal_view(&s, g, editable, lang, style)).collect_view();
    let sections = s
        .sections
        .iter()
        .map(|sec| {
            view! {
                <details class="section">
                    <summary>{sec.heading.clone()}</summary>
                    <p class="prose">{sec.body.clone()}</p>
                </details>
            }
        })
        .collect_view();
    let indicators = indicator_table(&s, lang, style);
    let framework = locale::framework_line(&s.national_framework, lang, style);
    view! {
        <article class="overview" data-testid=if read_only { "version-overview" } else { "overview" }>
            {(!read_only).then(|| view! { <crate::ui::kit::nav::StrategyNav/> })}
            <header class="panel strategy-head">
                <p class="municipality" data-testid="municipality">{s.municipality.name.clone()}</p>
                <h1 data-testid="strategy-title">{s.title.clone()}</h1>
                <p class="meta">
                    <span>{tr(lang, "計画期間: ", "Plan period: ")}{period}</span>
                    <span class="badge">{stage}</span>
                </p>
                {framework.map(|f| view! { <p class="meta" data-testid="national-frame">{tr(lang, "国の総合戦略: ", "National strategy: ")}{f}</p> })}
                {s.period_changes.iter().map(|c| view! { <p class="meta" data-testid="period-change">{locale::period_change(c, lang, style)}</p> }).collect_view()}
                {s.framework_changes.iter().map(|c| view! { <p class="meta" data-testid="framework-change">{locale::framework_change(c, lang)}</p> }).collect_view()}
                <p class="meta" data-testid="strategy-counts">{crate::words::editor::strategy_counts(counts, lang)}</p>
                {(!read_only).then(|| view! { <div class="actions">
                    <a class="button primary" data-testid="edit" href=Route::Edit(s.id.clone(), crate::session::route::Selection::Strategy).hash()>{tr(lang, "編集する", "Edit")}</a>
                    <button type="button" data-testid="export" on:click=move |_| library.export_open()>{tr(lang, "ファイルに書き出す（JSON）", "Export to a file (JSON)")}</button>
                    <crate::ui::handout::HandoutButton/>
                </div> })}
            </header>
            {(!s.sections.is_empty()).then(|| view! { <section class="panel"><h2>{tr(lang, "基本的な考え方", "Basic approach")}</h2>{sections}</section> })}
            <section class="goals" aria-label=tr(lang, "目標", "Goals")>{goals}</section>
            <section class="panel">
                <h2>{tr(lang, "数値目標・KPI の一覧", "All numerical targets and KPIs")}</h2>
                {indicators}
            </section>
            {verdict_differences(&s, lang, style)}
        </article>
    }
}

/// 「編集する」 beside a goal or measure: opens it in the editor. Its accessible name says which
/// item (it starts with the visible words).
fn edit_link(strategy: Option<&Id>, selection: Selection, which: String, lang: Language) -> impl IntoView {
    strategy.map(|id| {
        let name = crate::words::editor::edit_item(&which, lang);
        view! {
            <a class="edit-link" data-testid="edit-item" href=Route::Edit(id.clone(), selection).hash() aria-label=name>
                {tr(lang, "編集する", "Edit")}
            </a>
        }
    })
}

fn goal_view(s: &Strategy, g: &Goal, editable: Option<&Id>, lang: Language, style: YearStyle) -> impl IntoView {
    let targets: Vec<&Indicator> = g.targets.iter().filter_map(|id| s.indicator(id)).collect();
    let measures = g.measures.iter().map(|m| measure_view(s, m, editable, lang, style)).collect_view();
    let heading = words::goal_heading(g, lang);
    let national = g.national_goal.as_ref().and_then(|id| {
        let framework = &s.national_framework;
        framework.goals.iter().find(|n| &n.id == id).map(|n| locale::national_goal(framework, n, lang))
    });
    view! {
        <section class="panel goal" data-testid="goal">
            <p class="goal-number">{heading.clone()}" "{mix_badges(lang, s.goal_mix(g))}
                {edit_link(editable, Selection::Goal(g.id.clone()), heading, lang)}</p>
            <h2 class="goal-title">{g.title.clone()}</h2>
            {(!g.subtitle.is_empty()).then(|| view! { <p class="subtitle">{format!("～{}～", g.subtitle)}</p> })}
            {national.map(|n| view! { <p class="meta" data-testid="goal-national">{n}</p> })}
            {(!g.sdgs.is_empty()).then(|| view! {
                <ul class="sdgs">{g.sdgs.iter().map(|sdg| view! {
                    <li class="sdg" style=format!("background:{};color:{}", sdg.colour(), sdg.text_colour()) title=sdg.japanese()>{sdg.0}</li>
                }).collect_view()}</ul>
            })}
            {(!g.direction.is_empty()).then(|| view! {
                <h3>{tr(lang, "方向性", "Direction")}</h3>
                <p class="prose">{g.direction.clone()}</p>
            })}
            {(!targets.is_empty()).then(|| view! {
                <h3>{tr(lang, "数値目標", "Numerical targets")}</h3>
                {target_table(s, &targets, lang, style)}
            })}
            {(!g.measures.is_empty()).then(|| view! {
                <h3>{tr(lang, "施策", "Measures")}</h3>
                <ol class="measures">{measures}</ol>
            })}
        </section>
    }
}

fn measure_view(s: &Strategy, m: &Measure, editable: Option<&Id>, lang: Language, style: YearStyle) -> impl IntoView {
    // The latest evaluated year's rating: its last stage's (`Measure::rating`).
    let latest = m.evaluations.iter().map(|e| e.fiscal_year).max().and_then(|y| m.rating(y).map(|r| (y, r.to_owned())));
    let department = m.department.as_ref().and_then(|d| s.department_name(d)).map(str::to_owned);
    let own = m.initiatives.iter().map(|i| {
        view! {
            <li>
                <span class="num">{i.number.clone()}</span>" "<bdi>{i.title.clone()}</bdi>
                {i.is_new.then(|| view! { <span class="badge new">{tr(lang, "新規", "New")}</span> })}
            </li>
        }
    });
    let relisted = m.relisted.iter().filter_map(|r| s.initiative(&r.initiative)).map(|i| {
        view! {
            <li class="relisted"><span class="badge">{tr(lang, "再掲", "Re-listed")}</span>" "<bdi>{i.title.clone()}</bdi></li>
        }
    });
    let items: Vec<_> = own.map(IntoAny::into_any).chain(relisted.map(IntoAny::into_any)).collect();
    view! {
        <li class="measure" data-testid="measure">
            <p class="measure-title">
                <span class="num">{m.number.clone()}</span>" "<bdi>{m.title.clone()}</bdi>
                {m.priority.then(|| view! { <span class="badge priority">{tr(lang, "重点施策", "Priority")}</span> })}
                {(!m.kpis.is_empty()).then(|| mix_badges(lang, s.measure_mix(m)))}
                {latest.map(|(y, r)| view! {
                    <span class="rating" title=tr(lang, "評価", "Rating")>{format!("{} {}", locale::year(y, lang, style), r)}</span>
                })}
                {department.map(|d| view! { <span class="badge department" title=tr(lang, "担当課", "Section")><bdi>{d}</bdi></span> })}
                {edit_link(editable, Selection::Measure(m.id.clone()), format!("{} {} {}", tr(lang, "施策", "Measure"), m.number, m.title).trim().to_owned(), lang)}
            </p>
            {(!m.summary.is_empty()).then(|| view! { <p class="summary">{m.summary.clone()}</p> })}
            {(!items.is_empty()).then(|| view! { <ul class="initiatives">{items}</ul> })}
        </li>
    }
}

/// Rows of targets: code, name (series), baseline, target, latest actual, progress, status.
fn target_table(s: &Strategy, indicators: &[&Indicator], lang: Language, style: YearStyle) -> impl IntoView {
    let rows = indicators
        .iter()
        .flat_map(|ind| ind.series.iter().map(move |series| (*ind, series)))
        .map(|(ind, series)| {
            let cx = Context { direction: ind.direction, period: s.period, rule: &s.rating_rule };
            let a = assess(series, cx);
            let name = if series.label.is_empty() { ind.name.clone() } else { format!("{}（{}）", ind.name, series.label) };
            let baseline = series.baseline.as_ref().map_or("—".to_owned(), |b| match b.year {
                Some(y) => format!("{} ({})", locale::quantity(b.value, &ind.unit), locale::year(y, lang, style)),
                None => locale::quantity(b.value, &ind.unit),
            });
            let target = locale::series_target(series, &ind.unit, lang, style).unwrap_or_else(|| "—".to_owned());
            let revision = locale::revision_note(series, &ind.unit, ind.direction, lang, style)
                .map(|note| view! { <span class="revision" data-testid="overview-revision">{note}</span> });
            let actual = match (a.actual, a.year) {
                // The value's year as the series writes it: 令和5年度, 令和5年, 令和5年4月1日現在.
                (Some(v), Some(y)) => {
                    format!("{} ({})", locale::quantity(v, &ind.unit), locale::value_year(series.year_basis, y, lang, style))
                }
                _ => "—".to_owned(),
            };
            // A span target's running sum or mean beside the year's actual.
            let actual = match locale::measured(series, &a, &ind.unit, lang) {
                Some(m) => format!("{actual} {m}"),
                None => actual,
            };
            let progress = a.progress.map_or("—".to_owned(), |p| locale::progress(p, ind.direction, lang));
            let verdict = a.year.and_then(|y| ind.verdict(y)).map(|v| {
                let differs = matches!(s.agreement(ind, v), Agreement::Differs { .. });
                view! { <span class="verdict" data-testid="cell-verdict" data-differs=differs.to_string()>{locale::verdict_line(v, lang)}</span> }
            });
            view! {
                <tr data-testid="target-row">
                    <td class="code">{ind.code.clone()}</td>
                    <td>{name}</td>
                    <td class="num">{baseline}</td>
                    <td class="num" data-testid="overview-target">{target}{revision}</td>
                    <td class="num" data-testid="overview-actual">{actual}</td>
                    <td class="num">{progress}</td>
                    <td><span class=format!("status {}", a.status.as_str()) style=format!("--status:{}", status_colour(a.status))>{locale::status(a.status, lang)}" "{locale::rating(&a).to_owned()}</span>{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="targets">
                {column_heads(lang, &[
                    ("番号", "Code"),
                    ("指標", "Indicator"),
                    ("当初値", "Baseline"),
                    ("目標値", "Target"),
                    ("最新の実績", "Latest actual"),
                    ("進捗", "Progress"),
                    ("状況", "Status"),
                ])}
                <tbody>{rows}</tbody>
            </table>
            <p class="hint" data-testid="rating-rule">{locale::rating_rule(&s.rating_rule, lang)}</p>
            {locale::assumed_years(s, lang, style).map(|t| view! { <p class="hint" data-testid="assumed-years">{t}</p> })}
        </div>
    }
}

fn indicator_table(s: &Strategy, lang: Language, style: YearStyle) -> AnyView {
    if s.indicators.is_empty() {
        return view! { <p class="empty">{tr(lang, "指標はまだありません。", "No indicators yet.")}</p> }.into_any();
    }
    let all: Vec<&Indicator> = s.indicators.iter().map(|i| &**i).collect();
    let used_in = s
        .indicators
        .iter()
        .map(|ind| {
            let uses = s.uses_of(&ind.id);
            let places: Vec<String> = uses
                .goals
                .iter()
                .map(|g| words::goal_heading(g, lang))
                .chain(uses.measures.iter().map(|m| format!("{} {}", tr(lang, "施策", "Measure"), m.number)))
                .collect();
            view! { <li><span class="code">{ind.code.clone()}</span>" "<bdi>{ind.name.clone()}</bdi>" — "{places.join("、")}</li> }
        })
        .collect_view();
    view! {
        <div data-testid="indicator-table">
            {target_table(s, &all, lang, style)}
            <details class="section">
                <summary>{tr(lang, "指標が使われている場所", "Where each indicator is used")}</summary>
                <ul class="uses">{used_in}</ul>
            </details>
        </div>
    }
    .into_any()
}

/// Where the town's own verdict (効果検証) and the figures disagree: a planning officer checks
/// these before the report goes to the committee.
fn verdict_differences(s: &Strategy, lang: Language, style: YearStyle) -> Option<impl IntoView> {
    let found = s.verdict_differences();
    (!found.is_empty()).then(|| {
        view! {
            <section class="panel" data-testid="verdict-differences">
                <h2>{tr(lang, "町の評価と計算が異なる指標", "Where the town's verdict differs from the figures")}</h2>
                <ul>{found.iter().map(|d| view! { <li data-testid="verdict-difference">{locale::difference(d, lang, style)}</li> }).collect_view()}</ul>
            </section>
        }
    })
}
