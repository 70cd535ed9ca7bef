//! The town's own verdict per fiscal year (効果検証) on the indicator form: one row per plan
//! year (and any other year with an actual or a verdict), the figures of that year beside the
//! verdict as written and the committee's comment, and a mark where the two differ
//! (`model::verdict`).

use crate::locale;
use crate::model::{Agreement, FiscalYear, Id};
use crate::ui::kit::bind;
use crate::ui::kit::fields::TextField;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::prelude::*;

/// One year's row as shown: the figures and the verdict, read from the open strategy.
#[derive(Clone, Debug, Default, PartialEq)]
struct Row {
    year: i32,
    figures: String,
    verdict: String,
    comment: String,
    differs: bool,
}

#[component]
pub fn Verdicts(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = state.lang();
            open.with(|o| {
                let Some(s) = o.as_ref() else { return Vec::new() };
                let Some(i) = s.indicator(&id) else { return Vec::new() };
                let years = s.period.with(
                    i.series
                        .iter()
                        .flat_map(|se| se.actuals.iter().map(|a| a.year))
                        .chain(i.verdicts.iter().map(|v| v.year)),
                );
                years
                    .into_iter()
                    .map(|y| {
                        let figures = s.figures_in(i, y).map_or_else(
                            || locale::tr(lang, "実績なし", "no actual").to_owned(),
                            |f| {
                                format!("{} {}", locale::status(f.status, lang), f.ratings.join("・")).trim().to_owned()
                            },
                        );
                        let v = i.verdict(y);
                        Row {
                            year: y.0,
                            figures,
                            verdict: v.map(|v| v.verdict.clone()).unwrap_or_default(),
                            comment: v.map(|v| v.comment.clone()).unwrap_or_default(),
                            differs: v.is_some_and(|v| matches!(s.agreement(i, v), Agreement::Differs { .. })),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let labels =
        Memo::new(move |_| open.with(|o| o.as_ref().map(|s| s.rating_rule.labels().join(" / ")).unwrap_or_default()));
    view! {
        <section class="panel" data-testid="indicator-verdicts">
            <h2>{state.text("町の評価（効果検証）", "The town's verdict (effect review)")}</h2>
            <p class="lead">{move || crate::words::editor::verdicts_lead(&labels.get(), state.lang())}</p>
            <table class="verdict-table">
                <thead><tr>
                    <th scope="col">{state.text("年度", "Year")}</th>
                    <th scope="col">{state.text("計算", "Figures")}</th>
                    <th scope="col">{state.text("町の評価", "Verdict")}</th>
                    <th scope="col">{state.text("委員会の意見など", "Comment")}</th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get().into_iter().map(|r| r.year) key=|y| *y let:year>
                        <VerdictRow id=id.clone() year=FiscalYear(year) rows=rows/>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn VerdictRow(id: Id, year: FiscalYear, rows: Memo<Vec<Row>>) -> impl IntoView {
    let state = use_speech();
    let row = Memo::new(move |_| rows.with(|r| r.iter().find(|r| r.year == year.0).cloned().unwrap_or_default()));
    let verdict = Signal::derive(move || row.with(|r| r.verdict.clone()));
    let comment = Signal::derive(move || row.with(|r| r.comment.clone()));
    let label = move |ja: &'static str, en: &'static str| {
        Signal::derive(move || format!("{} {}", locale::year(year, state.lang(), state.year_style()), state.tr(ja, en)))
    };
    let write_verdict = bind::write_indicator(&id, move |i, v: String| {
        let comment = i.verdict(year).map(|v| v.comment.clone()).unwrap_or_default();
        i.set_verdict(year, &v, &comment);
    });
    let write_comment = bind::write_indicator(&id, move |i, c: String| {
        let verdict = i.verdict(year).map(|v| v.verdict.clone()).unwrap_or_default();
        i.set_verdict(year, &verdict, &c);
    });
    view! {
        <tr data-testid="verdict-year" data-year=year.0>
            <th scope="row">{move || locale::year(year, state.lang(), state.year_style())}</th>
            <td data-testid="verdict-figures">{move || row.with(|r| r.figures.clone())}</td>
            <td>
                <TextField label=label("町の評価", "verdict") value=verdict testid=format!("verdict-{}", year.0) placeholder="達成"
                    on_commit=write_verdict/>
                {move || row.with(|r| r.differs).then(|| view! {
                    <span class="verdict-differs" data-testid="verdict-differs">{state.tr("計算と異なる", "Differs from the figures")}</span>
                })}
            </td>
            <td>
                <TextField label=label("委員会の意見など", "comment") value=comment testid=format!("verdict-comment-{}", year.0) multiline=true
                    on_commit=write_comment/>
            </td>
        </tr>
    }
}
