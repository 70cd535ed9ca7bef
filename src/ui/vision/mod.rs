//! 人口ビジョン: the town's population vision, a page of the strategy's navigation. Data in
//! (`base`: the census or 住民基本台帳 by age; `rates`: the 社人研's assumptions or ones derived
//! from two censuses; each from a file or pasted cells through `source`, previewed, taken only
//! when confirmed, one undo: `taken`), the scenarios' settings (`scenarios`), and the charts
//! with a table and a CSV each (`figures`); the demographic KPIs whose targets it gives (`kpis`).

mod base;
mod figures;
mod kpis;
mod rates;
mod scenarios;
mod source;
mod taken;

use crate::model::population::NotReady;
use crate::ui::kit::job_page::{JobHead, JobPage};
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use leptos::prelude::*;

#[component]
pub fn VisionPage() -> impl IntoView {
    let state = use_edits();
    view! {
        <JobPage class="vision" testid="vision-page" let:_id>
            <Vision state=state/>
        </JobPage>
    }
}

#[component]
fn Vision(state: Edits) -> impl IntoView {
    let taken = RwSignal::new(None::<taken::TakenIn>);
    let drawn = figures::drawn(state);
    let status = move || {
        let lang = state.lang();
        match drawn.get() {
            Err(n) => view! { <p class="notice" role="status" data-testid="vision-not-ready">{crate::words::vision::not_ready(n, lang)}</p> }.into_any(),
            Ok(d) => {
                let failed = d.runs.iter().filter_map(|(s, r)| r.as_ref().err().map(|e| crate::words::vision::projection_error(&s.name, e, lang))).collect::<Vec<_>>();
                view! {
                    <p class=if d.derived { "notice warn" } else { "hint" } data-testid="vision-source">{d.source.clone()}</p>
                    {(!failed.is_empty()).then(|| view! {
                        <ul class="notice warn" data-testid="vision-not-drawn">{failed.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    })}
                }.into_any()
            }
        }
    };
    // Whether each part is shown, as memos: an edit changes what is drawn, not whether the parts
    // are there, so the parts (their fields, their charts) are not made again by every edit.
    let ready = Memo::new(move |_| !matches!(drawn.get(), Err(NotReady::NoBase)));
    let projected = Memo::new(move |_| drawn.with(Result::is_ok));
    view! {
            <JobHead title=("人口ビジョン", "Population vision") lead=(
                "男女・5歳階級別の人口から、コーホート要因法で2070年までの人口を推計し、シナリオを比べて将来展望を選びます。",
                "From the population by sex and 5-year age group, the population to 2070 is projected by the cohort-component method; compare scenarios and choose the town's outlook.",
            )/>
            <TitledPanel testid="vision-base" title=("基準人口", "Base population")
                lead=("国勢調査の「男女，年齢（5歳階級）別人口」（e-Stat の CSV・Excel）か、住民基本台帳の年齢別人口を入れてください。各階級が総数と合うかを確かめ、取り込む前に確認します。", "Bring in the census's population by sex and 5-year age (e-Stat's CSV or Excel), or the 住民基本台帳 by age. The groups are checked against the totals, and shown before anything is taken.")>
                <base::BaseIntake state=state taken=taken/>
            </TitledPanel>
            <TitledPanel testid="vision-rates" title=("仮定値", "Assumptions")
                lead=("生残率・純移動率（男女・年齢別）、子ども女性比、0～4歳性比を5年ごとの期間について入れます。", "Survival and net migration rates by sex and age, the child-woman ratio and the sex ratio at 0–4, for each 5-year period.")>
                <rates::RatesIntake state=state taken=taken/>
            </TitledPanel>
            {move || ready.get().then(|| view! {
                <TitledPanel testid="vision-scenarios" title=("シナリオと将来展望", "Scenarios and the 将来展望")
                    lead=("出生率の道筋、社会移動の均衡、町の将来展望（出生率と毎年の転入超過）を決め、将来展望にするシナリオと目標人口を選びます。", "Set the birth-rate paths, migration balance and the town's own outlook (birth rate and net migrants a year); choose the outlook and its target population.")>
                    <scenarios::ScenarioSettings state=state/>
                </TitledPanel>
            })}
            <div class="vision-status" role="status">{status}</div>
            {move || projected.get().then(|| view! {
                <TitledPanel testid="vision-kpis" title=("KPIの目標を将来展望から", "KPI targets from the outlook")
                    lead=("総人口・合計特殊出生率・社会増減数・出生数の指標は、将来展望の値を目標にできます。人口ビジョンを後で変えても目標は自動では変わらず、変わる目標がここに一覧されます。", "A KPI of total population, fertility, net migration or births can take its target from the outlook. A later change of the vision changes no target by itself: the targets it would change are listed here.")>
                    <kpis::VisionKpis state=state/>
                </TitledPanel>
            })}
            {move || projected.get().then(|| view! { <div class="chart-grid vision-figures"><figures::Figures state=state drawn=drawn/></div> })}
    }
}
