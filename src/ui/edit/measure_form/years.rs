//! A measure's yearly table in its form: 予算額 / 決算額 計 per fiscal year (computed from its
//! initiatives). Its evaluations are in `evaluations`.

use crate::locale;
use crate::model::{Id, Money};
use crate::ui::edit::common::{find_measure, year_label};
use crate::ui::kit::bind;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// 予算額 / 決算額 計 per fiscal year: computed from the initiatives, never typed.
#[component]
pub(super) fn Totals(id: Id) -> impl IntoView {
    let state = use_edits();
    // (year, budget, settled); None when no initiative has a value for that year.
    let rows = bind::read(move |s| {
        let Some((_, m)) = find_measure(s, &id) else { return Vec::new() };
        let relisted = m.relisted.iter().filter_map(|r| s.initiative(&r.initiative));
        let recorded =
            m.initiatives.iter().map(|i| &**i).chain(relisted).flat_map(|i| i.years.iter().map(|y| y.fiscal_year));
        s.period
            .with(recorded)
            .into_iter()
            .map(|y| {
                let t = s.measure_totals(m, y);
                let (budget, settled) = (t.budget, t.settled);
                (y, budget, settled)
            })
            .collect::<Vec<_>>()
    });
    let money = |v: Option<Money>| v.map(|v| locale::number(v as f64)).unwrap_or_else(|| "—".to_owned());
    view! {
        <section class="panel">
            <h2>{state.text("予算額・決算額 計（千円）", "Budget and settled totals (thousand yen)")}</h2>
            <p class="lead">{state.text("この施策の事業（再掲を含む）から自動で計算します。", "Computed from this measure's initiatives (re-listed ones included).")}</p>
            <div class="table-wrap">
                <table class="year-table" data-testid="measure-totals">
                    <thead>
                        <tr>
                            <th scope="col">{state.text("年度", "Fiscal year")}</th>
                            <th scope="col">{state.text("予算額 計", "Budget total")}</th>
                            <th scope="col">{state.text("決算額 計", "Settled total")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|(y, b, st)| view! {
                            <tr>
                                <th scope="row">{year_label(state, y)}</th>
                                <td class="num" data-testid=format!("total-budget-{}", y.0)>{money(b)}</td>
                                <td class="num" data-testid=format!("total-settled-{}", y.0)>{money(st)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
