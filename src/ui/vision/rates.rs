//! The assumptions in: the 社人研's workbook (the town's rows found by its 団体コード) or pasted
//! cells; or, for a town without them, derived from an earlier census five years before the
//! base (and said so). A preview of the periods and their rates, taken only when confirmed.

use super::source::{SourceRead, TableSource};
use super::taken::{TakenIn, TakenNote};
use crate::locale::{number, tr, Language};
use crate::model::population::{derive_from_censuses, AssumptionSource, Assumptions, DeriveError, PopulationSource};
use crate::session::vision::{read_base, read_rates, take_assumptions};
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use leptos::prelude::*;

/// How the assumptions come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    /// The 社人研's workbook or pasted cells.
    Table,
    /// Derived from an earlier census.
    Derived,
}

#[component]
pub fn RatesIntake(state: Edits, taken: RwSignal<Option<TakenIn>>) -> impl IntoView {
    let way = RwSignal::new(Way::Table);
    let read = RwSignal::new(None::<SourceRead>);
    let vintage = RwSignal::new("令和5年推計".to_owned());
    let code = RwSignal::new(
        state.open.with_untracked(|o| o.as_ref().and_then(|s| s.municipality.code.clone())).unwrap_or_default(),
    );
    let base = Memo::new(move |_| state.open.with(|o| o.as_ref().and_then(|s| s.population.as_ref()?.base.clone())));
    let outcome = Memo::new(move |_| {
        let lang = state.lang();
        read.with(|r| {
            let r = r.as_ref()?;
            let sheets = match &r.sheets {
                Ok(s) => s,
                Err(e) => return Some(Err(vec![e.clone()])),
            };
            Some(match way.get() {
                Way::Table => {
                    let named = vintage.get().trim().to_owned();
                    let source = if named.is_empty() {
                        AssumptionSource::Pasted
                    } else {
                        AssumptionSource::Ipss { vintage: named }
                    };
                    let code = code.get();
                    let code = Some(code.trim()).filter(|c| !c.is_empty());
                    read_rates(sheets, code, source).map_err(|ps| {
                        ps.iter().map(|p| crate::words::population::assumption_problem(p, lang)).collect()
                    })
                }
                Way::Derived => derived(sheets, base.get(), lang),
            })
        })
    });
    let on_read = Callback::new(move |r: SourceRead| {
        taken.set(None);
        read.set(Some(r));
    });
    let take = move |a: Assumptions| {
        state.edit(move |s| take_assumptions(s, a));
        read.set(None);
        taken.set(Some(TakenIn::Assumptions));
    };
    let choose = move |w: Way| {
        way.set(w);
        read.set(None);
    };
    view! {
        <fieldset class="vision-way">
            <legend>{state.text("仮定値の出どころ", "Where the assumptions come from")}</legend>
            <label class="inline"><input type="radio" name="vision-way" data-testid="vision-way-table" checked=move || way.get() == Way::Table
                on:change=move |_| choose(Way::Table)/>{state.text("社人研のブック・貼り付けた表", "The 社人研's workbook or pasted cells")}</label>
            <label class="inline"><input type="radio" name="vision-way" data-testid="vision-way-derived" checked=move || way.get() == Way::Derived
                on:change=move |_| choose(Way::Derived)/>{state.text("2回の国勢調査から算出（社人研の仮定値がない町）", "Derived from two censuses (no 社人研 assumptions)")}</label>
        </fieldset>
        {move || (way.get() == Way::Table).then(|| view! {
            <div class="field-row">
                <div class="field">
                    <label for="vision-code">{state.text("団体コード（町の行を探します）", "Local government code (finds the town's rows)")}</label>
                    <input type="text" id="vision-code" data-testid="vision-code" inputmode="numeric" prop:value=move || code.get()
                        on:change=move |ev| code.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="vision-vintage">{state.text("社人研の推計の名前（社人研のものでなければ空欄）", "The 社人研 projection's name (empty if not the 社人研's)")}</label>
                    <input type="text" id="vision-vintage" data-testid="vision-vintage" prop:value=move || vintage.get()
                        on:change=move |ev| vintage.set(event_target_value(&ev))/>
                </div>
            </div>
        })}
        {move || (way.get() == Way::Derived).then(|| view! {
            <p class="hint">{state.text(
                "基準人口の5年前の国勢調査の表を入れてください。年齢ごとの変化率を、死亡と移動を分けずに仮定値とします。結果を示すところには、社人研の仮定値でないことが書かれます。",
                "Bring in the census five years before the base. The change of each cohort (deaths and migration together) becomes the assumptions; every result shown says they are not the 社人研's.")}</p>
        })}
        <TableSource state=state key="vision-rates" on_read=on_read/>
        {move || outcome.get().map(|o| match o {
            Err(problems) => view! {
                <div class="notice warn" role="alert" data-testid="vision-rates-problems">
                    <p>{state.tr("仮定値として読めません。表はそのままで、何も取り込んでいません。", "These cannot be read as the assumptions. Nothing was taken.")}</p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
            Ok(a) => preview(state.lang(), a, take).into_any(),
        })}
        <TakenNote state=state taken=taken shows=TakenIn::Assumptions/>
    }
}

/// The assumptions derived from the earlier census in `sheets` and the base already taken.
fn derived(
    sheets: &[crate::format::table::Grid],
    base: Option<crate::model::population::BasePopulation>,
    lang: Language,
) -> Result<Assumptions, Vec<String>> {
    let base = base.ok_or_else(|| {
        vec![tr(lang, "先に基準人口を取り込んでください。", "Take the base population in first.").to_owned()]
    })?;
    let earlier = read_base(sheets, PopulationSource::Census, base.year.saturating_sub(5))
        .map_err(|ps| ps.iter().map(|p| crate::words::population::census_problem(p, lang)).collect::<Vec<_>>())?;
    derive_from_censuses(&earlier.base, &base).map_err(|e| {
        vec![match e {
            DeriveError::NotFiveYears { earlier, later } => crate::words::vision::not_five_years(earlier, later, lang),
            DeriveError::Groups => tr(
                lang,
                "2つの表の年齢階級（85歳以上・90歳以上）が合いません。",
                "The two tables' age groups (85+ or 90+) differ.",
            )
            .to_owned(),
            DeriveError::NoChildren => tr(
                lang,
                "基準人口に0～4歳か15～49歳の女性がいないため、比を作れません。",
                "The base has no children 0–4 or no women 15–49: no ratio can be made.",
            )
            .to_owned(),
        }]
    })
}

fn preview(lang: Language, a: Assumptions, take: impl Fn(Assumptions) + Copy + Send + Sync + 'static) -> impl IntoView {
    let starts: Vec<u16> = a.periods.iter().map(|p| p.start).collect();
    let rows = a
        .periods
        .iter()
        .map(|p| {
            let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
            let cell = |v: f64| number((v * 10000.0).round() / 10000.0);
            view! {
                <tr>
                    <th scope="row">{format!("{}→{}", p.start, p.start + 5)}</th>
                    <td class="num">{cell(p.child_woman_ratio)}</td>
                    <td class="num">{cell(p.sex_ratio)}</td>
                    <td class="num">{cell(mean(&p.survival_female))}</td>
                    <td class="num">{cell(mean(&p.migration_female))}</td>
                </tr>
            }
        })
        .collect_view();
    let source = crate::words::vision::assumption_source(&a.source, lang);
    view! {
        <div class="vision-preview" data-testid="vision-rates-preview">
            <p role="status" data-testid="vision-rates-summary">{crate::words::vision::assumptions_preview(&starts, lang)}</p>
            <p class="hint" data-testid="vision-rates-source">{source}</p>
            <div class="table-wrap">
                <table class="vision-table">
                    <caption>{tr(lang, "取り込む前の確認（期間ごと）", "Check before taking (by period)")}</caption>
                    {crate::ui::kit::panel::column_heads(lang, &[("期間", "Period"), ("子ども女性比", "Child-woman ratio"), ("0～4歳性比", "Sex ratio 0–4"), ("生残率（女・平均）", "Survival (women, mean)"), ("純移動率（女・平均）", "Net migration (women, mean)")])}
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" class="button primary" data-testid="vision-rates-take" on:click=move |_| take(a.clone())>
                    {tr(lang, "仮定値として取り込む", "Take as the assumptions")}
                </button>
            </div>
        </div>
    }
}
