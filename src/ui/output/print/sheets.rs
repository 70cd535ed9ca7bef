//! The evaluation sheets (施策評価シート), one per measure, each starting on a new page, laid out
//! like 北斗市's (seed 002): last year's projects with settled cost and content (計), the KPIs
//! in that year, outcomes and issues beside the rating, improvement points, next year's plan
//! summary and related measures, the 3-year plan (budget for the first year, direction for the
//! next two, 計) and notes.

use super::common::{indicator_table_with_sources, money, numbered, year_select, Toolbar};
use crate::locale::{self, tr, Language, YearStyle};
use crate::model::evaluation_sheet::{default_sheet_year, sheet, sheet_years, Listed, SheetData};
use crate::model::{FiscalYear, Goal, Id, Indicator, Measure, Strategy};
use crate::session::route::Report;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn SheetsReport(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let chosen = RwSignal::new(None::<FiscalYear>);
    let year = Memo::new(move |_| chosen.get().or_else(|| open.with(|o| o.as_ref().map(default_sheet_year))));
    let only_evaluated = RwSignal::new(false);
    let controls = move || {
        let years = open.with(|o| o.as_ref().map(sheet_years)).unwrap_or_default();
        let (lang, style) = (state.lang(), state.year_style());
        view! {
            {year_select("print-year", tr(lang, "評価する年度", "Fiscal year evaluated"), years, year.get_untracked(), None, lang, style, move |y| chosen.set(y))}
            <label class="inline">
                <input type="checkbox" data-testid="print-only-evaluated" prop:checked=move || only_evaluated.get() on:change=move |ev| only_evaluated.set(event_target_checked(&ev))/>
                {tr(lang, "この年度に評価のある施策だけ", "Only measures evaluated that year")}
            </label>
        }
    };
    let body = move || {
        let (lang, style, only) = (state.lang(), state.year_style(), only_evaluated.get());
        let year = year.get()?;
        open.with(|o| o.as_ref().map(|s| sheets(s, year, only, lang, style)))
    };
    view! {
        <Toolbar id=id report=Report::Sheets>{controls}</Toolbar>
        <article class="print-report paper" data-testid="print-report" data-report="sheets">{body}</article>
    }
}

fn sheets(s: &Strategy, year: FiscalYear, only_evaluated: bool, lang: Language, style: YearStyle) -> AnyView {
    let chosen: Vec<(&Goal, &Measure)> =
        s.measures().filter(|(_, m)| !only_evaluated || m.is_evaluated(year)).collect();
    let heading = crate::words::print::sheets_heading(&locale::year(year, lang, style), lang);
    if chosen.is_empty() {
        return view! {
            <header class="report-head">
                <p class="report-municipality">{s.municipality.name.clone()}</p>
                <h1>{s.title.clone()}</h1>
                <p class="report-kind">{heading}</p>
                {locale::framework_line(&s.national_framework, lang, style).map(|f| view! {
                    <p class="report-note" data-testid="print-national-frame">{tr(lang, "国の総合戦略: ", "National strategy: ")}{f}</p>
                })}
            </header>
            <p class="empty" data-testid="print-empty">{if only_evaluated {
                tr(lang, "この年度に評価のある施策はありません。", "No measure is evaluated in this year.")
            } else {
                tr(lang, "施策はまだありません。", "No measures yet.")
            }}</p>
        }
        .into_any();
    }
    let context = format!("{} {}", s.municipality.name, s.title);
    chosen
        .into_iter()
        .map(|(g, m)| sheet_view(s, g, m, sheet(s, m, year), &context, &heading, lang, style))
        .collect_view()
        .into_any()
}

/// 【再掲】 / ≪新規≫ marks and the type of a listed initiative.
fn initiative_cell(l: Listed<'_>, lang: Language) -> impl IntoView {
    let i = l.initiative;
    view! {
        <th scope="row" class="initiative" data-testid="initiative-name">
            {l.relisted.is_some().then(|| view! { <span class="mark relisted">{tr(lang, "【再掲】", "[Re-listed] ")}</span> })}
            {i.is_new.then(|| view! { <span class="mark new">{tr(lang, "≪新規≫", "[New] ")}</span> })}
            {numbered(&i.number, &i.title)}
        </th>
    }
}

fn kind_cell(l: Listed<'_>, lang: Language) -> impl IntoView {
    let kind = l.initiative.kind.map(|k| match (lang, k) {
        (Language::Ja, k) => k.japanese(),
        (Language::En, crate::model::InitiativeKind::Standalone) => "Own",
        (Language::En, crate::model::InitiativeKind::Subsidised) => "Subsidised",
    });
    view! { <td class="kind">{kind.unwrap_or("")}</td> }
}

/// The year's evaluations side by side, one column per stage (一次評価, 二次評価, 外部評価), as
/// towns' sheets print them: the rating, who and when, 成果 (the committee's: 意見) and 課題; a
/// later stage's 改善点 in its column (the section's own is the box below).
fn stages_view(stages: &[Option<&crate::model::Evaluation>; 3], last: &str, lang: Language) -> impl IntoView {
    use crate::model::EvaluationStage;
    let none = stages.iter().all(Option::is_none);
    let columns = EvaluationStage::ALL
        .into_iter()
        .zip(stages.iter().copied())
        .map(|(stage, e)| {
            let first = stage == EvaluationStage::First;
            let id = |name: &str| if first { format!("sheet-{name}") } else { format!("sheet-{name}-{}", stage.as_str()) };
            let field = |f: fn(&crate::model::Evaluation) -> &String| {
                e.map(f).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
            };
            let who = e
                .map(|e| [e.by.trim(), e.date.as_deref().unwrap_or_default()].join(" ").trim().to_owned())
                .filter(|w| !w.is_empty());
            let (outcomes, issues) = (field(|e| &e.outcomes), field(|e| &e.issues));
            let improvements = (!first).then(|| field(|e| &e.improvements)).flatten();
            let opinion = if stage == EvaluationStage::External { tr(lang, "意見：", "Opinion: ") } else { "" };
            view! {
                <section class="box stage" data-stage=stage.as_str() data-testid=format!("sheet-stage-{}", stage.as_str())>
                    <h3>{tr(lang, stage.japanese(), stage.english())}</h3>
                    <p class="rating-mark" data-testid=id("rating")>{e.and_then(|e| e.rating.clone()).unwrap_or_else(|| "—".to_owned())}</p>
                    {who.map(|w| view! { <p class="evaluator" data-testid=id("by")><bdi>{w}</bdi></p> })}
                    {outcomes.map(|t| view! { <p class="prose" data-testid=id("outcomes")><span class="sub">{opinion}</span>{t}</p> })}
                    {issues.map(|t| view! { <p class="prose issues" data-testid=id("issues")><span class="sub">{tr(lang, "課題：", "Issues: ")}</span>{t}</p> })}
                    {improvements.map(|t| view! { <p class="prose"><span class="sub">{tr(lang, "改善点：", "Improvements: ")}</span>{t}</p> })}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="sheet-stages" data-testid="sheet-stages">
            <h3 class="stages-title">{tr(lang, "成果・課題と評価", "Outcomes, issues and evaluations")}</h3>
            {none.then(|| view! { <p class="empty">{crate::words::print::not_evaluated(last, lang)}</p> })}
            <div class="stage-columns">{columns}</div>
        </div>
    }
}

#[allow(clippy::too_many_arguments)] // reason: a view of distinct inputs, called from one place
fn sheet_view(
    s: &Strategy,
    g: &Goal,
    m: &Measure,
    d: SheetData<'_>,
    context: &str,
    heading: &str,
    lang: Language,
    style: YearStyle,
) -> impl IntoView {
    let y = |fy: FiscalYear| locale::year(fy, lang, style);
    let last = y(d.year);
    // The national goal the sheet's goal corresponds to, in its frame's terms.
    let national = g.national_goal.as_ref().and_then(|id| {
        let framework = &s.national_framework;
        framework.goals.iter().find(|n| &n.id == id).map(|n| locale::national_goal(framework, n, lang))
    });
    let [p1, p2, p3] = d.plan_years.map(y);
    // The section's own evaluation (一次評価) carries the sheet's improvements and next year's plan.
    let e = d.evaluations[0];
    let text = |f: fn(&crate::model::Evaluation) -> &String| e.map(f).filter(|t| !t.trim().is_empty()).cloned();
    let department = d.department.map(str::to_owned);

    let results = d
        .results
        .iter()
        .map(|r| {
            view! {
                <tr data-testid="result-row">
                    {initiative_cell(r.listed, lang)}
                    <td class="num" data-testid="result-settled">{money(r.settled)}</td>
                    <td class="prose">{r.result.to_owned()}</td>
                    {kind_cell(r.listed, lang)}
                </tr>
            }
        })
        .collect_view();
    let plan = d
        .plan
        .iter()
        .map(|r| {
            let dir = |k: usize| r.directions[k].map_or("—", |d| direction(d, lang));
            view! {
                <tr data-testid="plan-row">
                    {initiative_cell(r.listed, lang)}
                    <td class="prose">{r.plan.to_owned()}</td>
                    <td class="num" data-testid="plan-budget">{money(r.budget)}</td>
                    <td class="dir" data-testid="plan-direction-2">{dir(0)}</td>
                    <td class="dir" data-testid="plan-direction-3">{dir(1)}</td>
                    {kind_cell(r.listed, lang)}
                </tr>
            }
        })
        .collect_view();
    let none_row = |cols: &'static str| view! { <tr class="none"><td colspan=cols class="empty">{tr(lang, "事業なし", "No projects")}</td></tr> };

    let kpis: Vec<&Indicator> = m.kpis.iter().filter_map(|id| s.indicator(id)).collect();
    let related = d.related.clone();

    view! {
        <section class="sheet" data-testid="sheet" data-measure=m.id.to_string()>
            // A one-cell table whose head Chromium repeats on every page the sheet runs onto,
            // so a continued page still says which measure it belongs to.
            <table class="sheet-frame" role="presentation"><thead><tr><td>
            <header class="sheet-head"><crate::ui::kit::qr::PageQr address=s.publication.address.clone()/>
                <p class="sheet-context"><span>{context.to_owned()}</span><span class="sheet-kind">{heading.to_owned()}</span></p>
                <p class="sheet-goal">{words::goal_heading(g, lang)}" "<bdi>{g.title.clone()}</bdi></p>
                {national.map(|n| view! { <p class="sheet-national" data-testid="sheet-national">{n}</p> })}
                {department.map(|d| view! { <p class="sheet-department" data-testid="sheet-department">{tr(lang, "担当課：", "Section: ")}<bdi>{d}</bdi></p> })}
                <h2 class="sheet-title" data-testid="sheet-title">
                    <span class="sheet-label">{tr(lang, "主要施策", "Measure")}</span>" "{numbered(&m.number, &m.title)}
                    {m.priority.then(|| view! { <span class="mark priority">{tr(lang, "【重点施策】", " [Priority]")}</span> })}
                </h2>
            </header>
            </td></tr></thead><tbody><tr><td>

            <section class="sheet-block">
                <h3>{crate::words::print::projects_of(&last, lang)}</h3>
                <table class="report-table sheet-table results" data-testid="sheet-results">
                    <colgroup><col class="c-name"/><col class="c-money"/><col/><col class="c-kind"/></colgroup>
                    <thead><tr>
                        <th scope="col">{tr(lang, "事業名", "Project")}</th>
                        <th scope="col">{tr(lang, "決算額", "Settled")}<br/><span class="unit">{tr(lang, "（千円）", "(¥1,000)")}</span></th>
                        <th scope="col">{tr(lang, "内容", "Content")}</th>
                        <th scope="col">{tr(lang, "区分", "Type")}</th>
                    </tr></thead>
                    <tbody>
                        {results}
                        {d.results.is_empty().then(|| none_row("4"))}
                        <tr class="total">
                            <th scope="row">{tr(lang, "計", "Total")}</th>
                            <td class="num" data-testid="sheet-settled-total">{money(d.settled_total)}</td>
                            <td></td><td></td>
                        </tr>
                    </tbody>
                </table>
            </section>

            {(!kpis.is_empty()).then(|| view! {
                <section class="sheet-block">
                    <h3>{crate::words::print::kpis_of(&last, lang)}</h3>
                    {indicator_table_with_sources(s, &kpis, Some(d.year), lang, style)}
                </section>
            })}

            {stages_view(&d.evaluations, &last, lang)}

            <section class="box long">
                <h3>{tr(lang, "事業の改善点及び方向性", "Improvement points and direction")}</h3>
                <p class="prose" data-testid="sheet-improvements">{text(|e| &e.improvements).unwrap_or_default()}</p>
            </section>

            <section class="box long">
                <h3>{crate::words::print::plan_for(&p1, lang)}</h3>
                <dl class="sheet-facts">
                    <dt>{tr(lang, "施策の概要", "Summary")}</dt>
                    <dd class="prose" data-testid="sheet-next-plan">{text(|e| &e.next_plan).unwrap_or_default()}</dd>
                    <dt>{tr(lang, "関連施策", "Related measures")}</dt>
                    <dd data-testid="sheet-related">{if related.is_empty() { "—".to_owned() } else { related.join("、") }}</dd>
                </dl>
            </section>

            <section class="sheet-block">
                <h3>{tr(lang, "3ヵ年計画", "3-year plan")}</h3>
                <table class="report-table sheet-table plan" data-testid="sheet-plan">
                    <colgroup><col class="c-name"/><col/><col class="c-money"/><col class="c-dir"/><col class="c-dir"/><col class="c-kind"/></colgroup>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{tr(lang, "事業名", "Project")}</th>
                            <th scope="col" rowspan="2">{tr(lang, "内容", "Content")}</th>
                            <th scope="col" class="year" data-testid="plan-year-1">{p1}</th>
                            <th scope="col" class="year" data-testid="plan-year-2">{p2}</th>
                            <th scope="col" class="year" data-testid="plan-year-3">{p3}</th>
                            <th scope="col" rowspan="2">{tr(lang, "区分", "Type")}</th>
                        </tr>
                        <tr>
                            <th scope="col">{tr(lang, "予算額", "Budget")}<br/><span class="unit">{tr(lang, "（千円）", "(¥1,000)")}</span></th>
                            <th scope="col">{tr(lang, "方向性", "Direction")}</th>
                            <th scope="col">{tr(lang, "方向性", "Direction")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {plan}
                        {d.plan.is_empty().then(|| none_row("6"))}
                        <tr class="total">
                            <th scope="row">{tr(lang, "計", "Total")}</th>
                            <td></td>
                            <td class="num" data-testid="sheet-budget-total">{money(d.budget_total)}</td>
                            <td></td><td></td><td></td>
                        </tr>
                    </tbody>
                </table>
            </section>

            // 補足 only when there is something to add: an empty box would often take a page.
            {text(|e| &e.notes).map(|notes| view! {
                <section class="box notes">
                    <h3>{tr(lang, "補足", "Notes")}</h3>
                    <p class="prose" data-testid="sheet-notes">{notes}</p>
                </section>
            })}
            </td></tr></tbody></table>
        </section>
    }
}

fn direction(d: crate::model::ProjectDirection, lang: Language) -> &'static str {
    use crate::model::ProjectDirection::*;
    match lang {
        Language::Ja => d.japanese(),
        Language::En => match d {
            Expand => "Expand",
            Maintain => "Maintain",
            Reduce => "Reduce",
            Review => "Review",
            Consider => "Consider",
            Merge => "Merge",
            Abolish => "Abolish",
            End => "End",
        },
    }
}
