//! The table of a series' years: one row per year (interim target, actual, provisional flag,
//! comment), a year added outside the plan period, and cells pasted from Excel into it.

use super::series_form::*;
use super::year_row::YearRow;
use crate::format::table::{from_html, from_tsv, read_year_block, YearBlock};
use crate::locale;
use crate::model::{FiscalYear, Id, PlanPeriod, Series, Target};
use crate::ui::kit::bind::{self, LastSeen};
use crate::ui::kit::fields::OutsideYearPicker;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use crate::words;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;

/// The table of years, with the report of a paste and the picker of a year to add.
#[component]
pub(super) fn YearTable(ind: Id, sid: Id, index: usize) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let unit = bind::indicator(&ind, |i| i.unit.clone());
    let period = bind::read(|s| Some(s.period));
    let last_year = Memo::new(move |_| period.get().map(|p: PlanPeriod| p.last));
    let baseline = read_series(&ind, &sid, |s| s.baseline.clone());
    let target = read_series(&ind, &sid, |s| s.target.clone());

    let extra = RwSignal::new(BTreeSet::<FiscalYear>::new());
    let rows = {
        let (ind, sid, seen) = (ind.clone(), sid.clone(), LastSeen::default());
        Memo::new(move |_| {
            let extra = extra.get();
            state
                .open
                .with(|o| {
                    o.as_ref().map(|s| {
                        let series = seen.indicator(s, &ind).and_then(|i| i.series.iter().find(|x| x.id == sid));
                        s.period.with(series.into_iter().flat_map(Series::years).chain(extra.iter().copied()))
                    })
                })
                .unwrap_or_default()
        })
    };
    let marks = Memo::new(move |_| {
        let base = baseline.get().and_then(|b| b.year);
        let due = match target.get() {
            Some(Target::Value { year, .. } | Target::Relative { year, .. }) => year.or(last_year.get()),
            other => other.as_ref().and_then(Target::due_year),
        };
        (base, due)
    });
    // The year whose actual takes the focus once its row is drawn: the one just added.
    let focus_actual = RwSignal::new(None::<FiscalYear>);
    let on_add_year = Callback::new(move |y: FiscalYear| {
        focus_actual.set(Some(y));
        extra.update(|e| {
            e.insert(y);
        });
    });

    // Cells pasted from Excel into a year's 中間目標 or 実績値 (more than one cell; one value is
    // typed into the field as it is): the values fill the years from that row, or go to the
    // years pasted with them; one undo step, and a line on what was set and what was not.
    let pasted = RwSignal::new(None::<(YearBlock, bool)>);
    let write_block = write_series(&ind, &sid, |s, (b, interim): (YearBlock, bool)| b.write_into(s, interim));
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some((block, interim)) = read_paste(&ev, index) else { return };
        extra.update(|e| e.extend(block.values.iter().map(|v| v.year).chain(block.no_value.iter().map(|(y, _)| *y))));
        if !block.values.is_empty() {
            write_block.run((block.clone(), interim));
        }
        pasted.set(Some((block, interim)));
    };

    let (row_ind, row_sid) = (ind.clone(), sid.clone());
    view! {
        <div class="table-wrap">
            <table class="year-table" data-testid=form.testid("year-table") on:paste=on_paste>
                <thead>
                    <tr>
                        <th scope="col">{move || locale::year_column(form.basis.get(), state.lang())}</th>
                        <th scope="col">{move || format!("{}{}", state.tr("中間目標", "Interim target"), unit_suffix(state, &unit.get()))}</th>
                        <th scope="col">{move || format!("{}{}", state.tr("実績値", "Actual"), unit_suffix(state, &unit.get()))}</th>
                        <th scope="col">{state.text("速報値", "Provisional")}</th>
                        <th scope="col">{state.text("コメント・出典", "Comment, source")}</th>
                        <th scope="col">{state.text("状況", "Status")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|y| *y let:year>
                        <YearRow ind=row_ind.clone() sid=row_sid.clone() index=index year=year marks=marks period=period extra=extra
                            focus_actual=focus_actual basis=form.basis/>
                    </For>
                </tbody>
            </table>
        </div>
        {move || pasted.get().map(|(b, interim)| view! {
            <div class="year-paste" role="status" data-testid=form.testid("year-paste")>
                {words::year_paste(&b, interim, form.basis.get(), state.lang(), state.year_style())
                    .into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
        })}
        <div class="add-year">
            <OutsideYearPicker shown=rows on_pick=on_add_year testid=form.testid("add-year") basis=form.basis/>
        </div>
    }
}

/// The cells pasted into a year's 中間目標 or 実績値 of series `index`, read from that row's year
/// on (`true` for 中間目標); `None`, and the browser pastes as usual, for a paste elsewhere or of
/// one value. A paste read here is not the browser's any more.
fn read_paste(ev: &web_sys::ClipboardEvent, index: usize) -> Option<(YearBlock, bool)> {
    let (interim, year) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("data-testid"))
        .and_then(|id| pasted_field(&id, index))?;
    let data = ev.clipboard_data()?;
    let html = data.get_data("text/html").unwrap_or_default();
    let grid = from_html(&html)
        .filter(|g| !g.rows.is_empty())
        .unwrap_or_else(|| from_tsv(&data.get_data("text/plain").unwrap_or_default()));
    if grid.rows.iter().flatten().filter(|c| !c.is_empty()).count() < 2 {
        return None;
    }
    ev.prevent_default();
    Some((read_year_block(&grid, year), interim))
}

/// The field cells were pasted into, from its test id: (`true` for 中間目標, the year), when it is
/// a year row's 中間目標 or 実績値 of this series (`interim-0-2024`, `actual-0-2024`).
fn pasted_field(testid: &str, index: usize) -> Option<(bool, FiscalYear)> {
    let (interim, rest) = match testid.split_once('-')? {
        ("interim", rest) => (true, rest),
        ("actual", rest) => (false, rest),
        _ => return None,
    };
    let (i, year) = rest.split_once('-')?;
    (i.parse::<usize>().ok()? == index).then_some((interim, FiscalYear(year.parse().ok()?)))
}
