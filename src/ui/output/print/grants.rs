//! 「交付金事業の効果検証」: a fiscal year's grant projects on A4, the document a town
//! publishes every year — each project with its grant (programme, 地域再生計画, period, budget
//! and grant amount of the year), its KPIs (the grant plan's target, the actual, 達成率 and
//! 達成 / 未達成) and the town's 効果検証 (事業効果, 外部有識者の意見, 今後の方針 and its reason).
//! The figures are `Strategy::grant_report`'s; the same year's CSV (`format::csv::grants`) is
//! written from the files page, whose part already carries the CSV writer (here the print part
//! would carry a second one).

use super::common::{money, numbered, year_select, Toolbar};
use crate::locale::{self, tr, Language, YearStyle};
use crate::model::{FiscalYear, GrantProject, Id, Strategy};
use crate::session::route::Report;
use crate::ui::kit::panel::column_heads;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::prelude::*;

#[component]
pub fn GrantsReport(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let chosen = RwSignal::new(None::<FiscalYear>);
    let year = Memo::new(move |_| chosen.get().or_else(|| open.with(|o| o.as_ref().map(|s| s.default_grant_year()))));
    let controls = move || {
        let years = open.with(|o| o.as_ref().map(|s| s.grant_years())).unwrap_or_default();
        let (lang, style) = (state.lang(), state.year_style());
        view! {
            {year_select("print-year", tr(lang, "検証する年度", "Fiscal year reviewed"), years, year.get_untracked(), None, lang, style, move |y| chosen.set(y))}
        }
    };
    let body = move || {
        let (lang, style) = (state.lang(), state.year_style());
        let year = year.get()?;
        open.with(|o| o.as_ref().map(|s| report(s, year, lang, style)))
    };
    view! {
        <Toolbar id=id report=Report::Grants>{controls}</Toolbar>
        <article class="print-report paper" data-testid="print-report" data-report="grants">{body}</article>
    }
}

fn report(s: &Strategy, year: FiscalYear, lang: Language, style: YearStyle) -> impl IntoView {
    let y = locale::year(year, lang, style);
    let heading = crate::words::print::grants_heading(&y, lang);
    let projects = s.grant_report(year);
    let body = if projects.is_empty() {
        view! {
            <p class="empty" data-testid="print-empty">{tr(lang,
                "この年度の交付金事業はありません。事業の種類を「補助事業」にして、交付金を記入してください。",
                "No grant project in this year. Set an initiative's type to Subsidised and fill in its grant.")}</p>
        }
        .into_any()
    } else {
        projects.iter().map(|p| project(p, lang, style)).collect_view().into_any()
    };
    view! {
        <header class="report-head">
            <p class="report-municipality">{s.municipality.name.clone()}</p>
            <h1>{s.title.clone()}</h1>
            <crate::ui::kit::qr::PageQr address=s.publication.address.clone()/>
            <p class="report-kind" data-testid="print-grants-heading">{heading}</p>
            <p class="report-note">{tr(lang,
                "目標値は交付金の実施計画で定めたその年度の値、実績値は指標の実績です。達成率は 実績値÷目標値（減らす指標は 目標値÷実績値）。",
                "The target is the grant plan's for the year, the actual the indicator's. Achievement is actual ÷ target (target ÷ actual for an indicator that should fall).")}</p>
        </header>
        {body}
    }
}

fn project(p: &GrantProject<'_>, lang: Language, style: YearStyle) -> impl IntoView {
    let g = p.grant;
    let i = p.initiative;
    let dash = || "—".to_owned();
    let review = p.review;
    let kpis = p
        .kpis
        .iter()
        .map(|k| {
            let unit = k.indicator.unit.clone();
            let q = |v: Option<f64>| v.map_or_else(dash, |v| locale::quantity(v, &unit));
            let achieved = k.achieved.map(|a| locale::grant_achieved(a, lang));
            view! {
                <tr data-testid="grant-kpi-row">
                    <td class="code">{k.indicator.code.clone()}</td>
                    <th scope="row" data-testid="grant-kpi-name">{k.indicator.name.clone()}</th>
                    <td class="num" data-testid="grant-kpi-target">{q(k.target)}</td>
                    <td class="num" data-testid="grant-kpi-actual">{q(k.actual)}</td>
                    <td class="num" data-testid="grant-kpi-rate">{k.achievement.map_or_else(dash, |r| format!("{}%", locale::grant_rate(r)))}</td>
                    <td class="dir" data-testid="grant-kpi-achieved" data-achieved=k.achieved.map(|a| a.to_string())>{achieved.unwrap_or("—")}</td>
                </tr>
            }
        })
        .collect_view();
    let none = p.kpis.is_empty().then(|| {
        view! { <tr class="none"><td colspan="6" class="empty">{tr(lang, "KPI が結び付けられていません", "No KPI linked")}</td></tr> }
    });
    let effect = review.and_then(|r| r.effect).map(|e| locale::grant_effect(e, lang));
    let policy = review.and_then(|r| r.policy).map(|x| locale::grant_policy(x, lang));
    let experts = review.map(|r| r.experts.trim().to_owned()).filter(|t| !t.is_empty());
    let reason = review.map(|r| r.reason.trim().to_owned()).filter(|t| !t.is_empty());
    view! {
        <section class="grant-project" data-testid="grant-project" data-initiative=i.id.to_string()>
            <h2 class="grant-title" data-testid="grant-title">{numbered(&i.number, &i.title)}</h2>
            <dl class="grant-facts">
                <dt>{tr(lang, "交付金", "Grant")}</dt>
                <dd data-testid="grant-programme">{locale::grant_name(g, lang).unwrap_or_else(dash)}</dd>
                <dt>{tr(lang, "地域再生計画", "Regional revitalisation plan")}</dt>
                <dd data-testid="grant-plan">{if g.regional_plan.trim().is_empty() { dash() } else { g.regional_plan.clone() }}</dd>
                <dt>{tr(lang, "交付対象期間", "Grant period")}</dt>
                <dd data-testid="grant-period">{locale::grant_period(g, lang, style).unwrap_or_else(dash)}</dd>
                <dt>{tr(lang, "予算額／交付金額（千円）", "Budget / grant (¥1,000)")}</dt>
                <dd data-testid="grant-amounts">{format!("{} ／ {}", money(p.budget), money(p.amount))}</dd>
            </dl>
            <table class="report-table grant-kpis" data-testid="grant-kpis">
                <colgroup><col class="c-code"/><col/><col class="c-value"/><col class="c-value"/><col class="c-rate"/><col class="c-done"/></colgroup>
                {column_heads(lang, &[
                    ("番号", "No."),
                    ("重要業績評価指標（KPI）", "KPI"),
                    ("目標値", "Target"),
                    ("実績値", "Actual"),
                    ("達成率", "Rate"),
                    ("達成状況", "Result"),
                ])}
                <tbody>{kpis}{none}</tbody>
            </table>
            <div class="grant-review">
                <section class="box">
                    <h3>{tr(lang, "事業効果", "Effect")}</h3>
                    <p data-testid="grant-effect">{effect.unwrap_or("—")}</p>
                </section>
                <section class="box">
                    <h3>{tr(lang, "今後の方針", "Next steps")}</h3>
                    <p data-testid="grant-policy">{policy.unwrap_or("—")}</p>
                    {reason.map(|t| view! { <p class="prose reason" data-testid="grant-reason">{t}</p> })}
                </section>
                <section class="box long">
                    <h3>{tr(lang, "外部有識者の意見", "Outside experts' opinion")}</h3>
                    <p class="prose" data-testid="grant-experts">{experts.unwrap_or_else(dash)}</p>
                </section>
            </div>
            {review.is_none().then(|| view! {
                <p class="empty" data-testid="grant-no-review">{tr(lang, "この年度の効果検証はまだ記入されていません。", "This year's review is not filled in yet.")}</p>
            })}
        </section>
    }
}
