//! The towns' population visions side by side (`model::region::visions`): each town's base,
//! its 社人研準拠 and 将来展望 populations in 2050 and 2070 and its target, then the 管内 total
//! of each kind of scenario by year. A town whose assumptions are derived from censuses is
//! marked so; one without a vision says it has none.

use super::loaded::Loaded;
use crate::locale::{number, tr};
use crate::model::population::{persons, Projection};
use crate::model::region::{region_totals, town_visions, ScenarioKind};
use crate::ui::browser::files;
use crate::ui::kit::panel::{column_heads, TitledPanel};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;
use std::sync::Arc;

fn at(p: Option<&Projection>, year: u16) -> String {
    p.and_then(|p| p.at(year)).map(|pop| number(persons(pop.total()) as f64)).unwrap_or_else(|| "—".to_owned())
}

#[component]
pub fn RegionVisions(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_speech();
    // Timed (shirube:region-visions) for the benchmark: every town's scenarios projected.
    let visions = Memo::new(move |_| {
        data.with(|d| d.as_ref().map(|d| files::timed("shirube:region-visions", || town_visions(&d.towns()))))
            .unwrap_or_default()
    });
    let table = move || {
        let lang = state.lang();
        let vs = visions.get();
        if vs.iter().all(|v| v.base.is_none()) {
            return view! { <p class="empty" data-testid="region-visions-empty">{tr(lang, "人口ビジョンのある市町村はまだありません。", "No town has a population vision yet.")}</p> }.into_any();
        }
        let rows = vs
            .iter()
            .map(|v| {
                let (ipss, outlook) = (v.of(ScenarioKind::Ipss), v.of(ScenarioKind::Outlook));
                let base = v
                    .base
                    .map(|(y, t)| format!("{} ({y})", number(persons(t) as f64)))
                    .unwrap_or_else(|| tr(lang, "（なし）", "(none)").to_owned());
                let target =
                    v.target.map(|t| format!("{} ({})", number(f64::from(t.population)), t.year)).unwrap_or_default();
                let name = if v.derived {
                    format!(
                        "{}{}",
                        v.municipality,
                        tr(lang, "（仮定値は国勢調査から算出）", " (assumptions from censuses)")
                    )
                } else {
                    v.municipality.clone()
                };
                view! {
                    <tr data-testid="region-vision-town">
                        <th scope="row">{name}</th>
                        <td class="num">{base}</td>
                        <td class="num">{at(ipss, 2050)}</td><td class="num">{at(ipss, 2070)}</td>
                        <td class="num">{at(outlook, 2050)}</td><td class="num">{at(outlook, 2070)}</td>
                        <td class="num">{target}</td>
                    </tr>
                }
            })
            .collect_view();
        let totals = region_totals(&vs);
        let years: Vec<u16> =
            totals.first().map(|t| t.years.iter().copied().filter(|y| y % 10 == 0).collect()).unwrap_or_default();
        let total_rows = totals.iter().map(|t| {
            let cells = years.iter().map(|y| {
                let v = t.years.iter().position(|x| x == y).map(|i| number(persons(t.totals[i]) as f64)).unwrap_or_else(|| "—".to_owned());
                view! { <td class="num">{v}</td> }
            }).collect_view();
            view! { <tr data-testid="region-vision-total"><th scope="row">{crate::words::vision::region_total_name(t.kind, t.towns, lang)}</th>{cells}</tr> }
        }).collect_view();
        let year_heads = years
            .iter()
            .map(|y| view! { <th scope="col">{crate::words::vision::calendar_year(*y, lang)}</th> })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="report-table" data-testid="region-visions">
                    <caption>{tr(lang, "市町村ごとの人口ビジョン", "Each town's vision")}</caption>
                    {column_heads(lang, &[("市町村", "Town"), ("基準人口（年）", "Base (year)"), ("社人研準拠 2050年", "IPSS 2050"), ("社人研準拠 2070年", "IPSS 2070"),
                        ("将来展望 2050年", "Outlook 2050"), ("将来展望 2070年", "Outlook 2070"), ("目標人口（年）", "Target (year)")])}
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="report-table" data-testid="region-vision-totals">
                    <caption>{tr(lang, "管内の総人口（シナリオ別）", "The region's population by scenario")}</caption>
                    <thead><tr><th scope="col">{tr(lang, "シナリオ", "Scenario")}</th>{year_heads}</tr></thead>
                    <tbody>{total_rows}</tbody>
                </table>
            </div>
        }.into_any()
    };
    view! {
        <TitledPanel testid="region-vision" title=("人口ビジョン（管内）", "Population visions (region)")
            lead=("各市町村の人口ビジョンを並べ、シナリオの種類ごとに管内の合計を示します。将来展望は各市町村が選んだシナリオです。", "Each town's vision side by side, and the region's total by kind of scenario; the outlook is each town's chosen scenario.")>
            {table}
        </TitledPanel>
    }
}
