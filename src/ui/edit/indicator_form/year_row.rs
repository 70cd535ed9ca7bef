//! One year of a series in the indicator form: its interim target, actual, provisional flag,
//! comment, the value's own source and the year's status. The year is written as the series'
//! values' years are (令和5年度, 令和5年, 令和5年4月1日現在).

use super::series_form::*;
use crate::format::csv::TypedValue;
use crate::model::{assess_in, FiscalYear, Id, PlanPeriod, YearBasis};
use crate::ui::kit::bind::{self};
use crate::ui::kit::fields::{CheckField, NumberField, TextField};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One fiscal year of a series: interim target, actual, provisional flag, comment, status.
#[component]
pub(super) fn YearRow(
    ind: Id,
    sid: Id,
    index: usize,
    year: FiscalYear,
    marks: Memo<(Option<FiscalYear>, Option<FiscalYear>)>,
    period: Memo<Option<PlanPeriod>>,
    extra: RwSignal<BTreeSet<FiscalYear>>,
    /// The year whose actual takes the focus once drawn (one just added).
    focus_actual: RwSignal<Option<FiscalYear>>,
    /// What the series' values' years are: the row's heading and its fields' labels follow it.
    basis: Memo<YearBasis>,
) -> impl IntoView {
    let state = use_speech();
    let direction = bind::indicator(&ind, |i| i.direction);
    let w = year.0;
    // A row the user has typed into stays while the form is open, even if its data is cleared.
    let keep = move || {
        if !extra.with_untracked(|e| e.contains(&year)) {
            extra.update(|e| {
                e.insert(year);
            });
        }
    };
    let cell_label = move |ja: &'static str, en: &'static str| {
        Signal::derive(move || format!("{} {}", value_year_text(state, basis.get(), year), state.tr(ja, en)))
    };

    let interim = read_series(&ind, &sid, move |s| s.interim.iter().find(|v| v.year == year).map(|v| v.value));
    let actual = read_series(&ind, &sid, move |s| s.actual(year).map(|a| a.value));
    let has_actual = Memo::new(move |_| actual.get().is_some());
    // Running totals (累計値): the year's own value, derived (this total less last year's).
    let running = read_series(&ind, &sid, |s| s.running_totals);
    let yearly = read_series(&ind, &sid, move |s| s.running_totals.then(|| s.yearly(year)).flatten());
    let provisional = read_series(&ind, &sid, move |s| s.actual(year).is_some_and(|a| a.provisional));
    let comment = read_series(&ind, &sid, move |s| s.actual(year).map(|a| a.comment.clone()).unwrap_or_default());

    let write_interim = write_series(&ind, &sid, move |s, v: Option<f64>| s.set_interim(year, v));
    let write_actual = write_series(&ind, &sid, move |s, v: Option<f64>| s.set_actual(year, v));
    let write_provisional = write_series(&ind, &sid, move |s, v: bool| s.set_provisional(year, v));
    let write_comment = write_series(&ind, &sid, move |s, v: String| s.set_comment(year, v));
    let source = read_series(&ind, &sid, move |s| s.actual(year).map(|a| a.source.clone()).unwrap_or_default());
    let write_source = write_series(&ind, &sid, move |s, v: String| s.set_source(year, v.trim().to_owned()));
    let on_interim = Callback::new(move |v: Option<f64>| {
        keep();
        write_interim.run(v);
    });
    let on_actual = Callback::new(move |v: Option<f64>| {
        keep();
        write_actual.run(v);
    });
    // 「2,408※」, 「1,820（速報）」: the value, its 速報 flag and its mark as comment, one edit.
    let write_marked = write_series(&ind, &sid, move |s, t: TypedValue| {
        if let Some(v) = t.value {
            s.write_actual(year, v, t.provisional, t.mark.as_deref());
        }
    });
    let on_marked = Callback::new(move |t: TypedValue| {
        keep();
        write_marked.run(t);
    });

    let actual_field = NodeRef::new();
    focus_when_drawn(actual_field, focus_actual, year);

    let status = derive_series(&ind, &sid, move |s, cx| s.actual(year).map(|_| assess_in(s, cx, year)));
    let outside = Memo::new(move |_| period.get().is_some_and(|p| !p.contains(year)));

    view! {
        <tr class:outside=move || outside.get() data-testid=format!("year-row-{index}-{w}")>
            <th scope="row">
                <span class="year" data-testid=format!("year-row-heading-{index}-{w}")>{move || value_year_text(state, basis.get(), year)}</span>
                {move || {
                    let (base, due) = marks.get();
                    view! {
                        {(base == Some(year)).then(|| view! { " "<span class="badge">{state.tr("当初", "baseline")}</span> })}
                        {(due == Some(year)).then(|| view! { " "<span class="badge">{state.tr("目標", "target")}</span> })}
                        {outside.get().then(|| view! { " "<span class="badge">{state.tr("期間外", "outside plan")}</span> })}
                    }
                }}
            </th>
            <td class="num">
                <NumberField label=cell_label("中間目標", "interim target") value=interim on_commit=on_interim testid=format!("interim-{index}-{w}")/>
            </td>
            <td class="num">
                <NumberField label=cell_label("実績値", "actual") value=actual on_commit=on_actual testid=format!("actual-{index}-{w}")
                    node_ref=actual_field on_marked=on_marked/>
                {move || (running.get() && has_actual.get()).then(|| view! {
                    <span class="derived" data-testid=format!("yearly-{index}-{w}")>{move || match yearly.get() {
                        Some(v) => crate::words::editor::running_total_with_yearly(v, state.lang()),
                        None => state.tr("累計（単年度の値は前年度がないため出せません）", "running total (no yearly value without the year before)").to_owned(),
                    }}</span>
                })}
            </td>
            <td>
                {move || if has_actual.get() {
                    view! {
                        <CheckField label=Signal::derive(move || state.tr("速報", "provisional").to_owned()) checked=provisional
                            on_commit=write_provisional testid=format!("provisional-{index}-{w}")/>
                    }.into_any()
                } else {
                    view! { <span class="empty" aria-hidden="true">"—"</span> }.into_any()
                }}
            </td>
            <td>
                {move || if has_actual.get() {
                    view! {
                        <TextField label=cell_label("コメント", "comment") value=comment on_commit=write_comment
                            testid=format!("comment-{index}-{w}")/>
                        <TextField label=cell_label("出典（この値のみ）", "source (this value)") value=source on_commit=write_source
                            testid=format!("value-source-{index}-{w}")/>
                    }.into_any()
                } else {
                    view! { <span class="empty" aria-hidden="true">"—"</span> }.into_any()
                }}
            </td>
            <td data-testid=format!("row-status-{index}-{w}")>
                {move || match status.get() {
                    Some(a) => assessment_view(state, &a, direction.get()).into_any(),
                    None => view! { <span class="empty">"—"</span> }.into_any(),
                }}
            </td>
        </tr>
    }
}
