//! One series of an indicator in its form: the label, baseline, target and the achievement
//! computed from them, and the table of years (interim targets, actuals, provisional flags,
//! comments), one row per year. Every year of a value is written by the series' year basis
//! (令和5年 for a calendar-year series); only the year a target was revised in is a fiscal year.
//!
//! Each part is a component of its own that reads and writes the series by its ids: the head
//! (label, order, removal), the baseline, the target (`series_target`), the achievement, and
//! the table of years (`series_years`).

use super::series_form::*;
use super::series_meta::SeriesMeta;
use super::series_target::TargetFields;
use super::series_years::YearTable;
use crate::model::Direction;
use crate::model::{assess, Baseline, FiscalYear, Id};
use crate::session::series_draft::BaselineDraft;
use crate::ui::kit::bind::{self};
use crate::ui::kit::fields::{NumberField, TextField, YearField};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// One series: its label, baseline, target, achievement and the table of years.
#[component]
pub(super) fn SeriesBlock(
    ind: Id,
    sid: Id,
    index: usize,
    count: usize,
    /// The series whose label takes the focus once drawn (one just added).
    focus_label: RwSignal<Option<Id>>,
) -> impl IntoView {
    view! {
        <fieldset class="series" data-testid=format!("series-{index}")>
            <SeriesHead ind=ind.clone() sid=sid.clone() index=index count=count focus_label=focus_label/>
            <div class="form-grid">
                <BaselineFields ind=ind.clone() sid=sid.clone() index=index/>
                <TargetFields ind=ind.clone() sid=sid.clone() index=index/>
            </div>
            <super::target_history::TargetHistory ind=ind.clone() sid=sid.clone() index=index/>
            <SeriesStatus ind=ind.clone() sid=sid.clone() index=index/>
            <SeriesMeta ind=ind.clone() sid=sid.clone() index=index/>
            <YearTable ind=ind sid=sid index=index/>
        </fieldset>
    }
}

/// The series' legend and head: its label (with the focus when it was just added), and moving
/// or deleting it among several.
#[component]
fn SeriesHead(ind: Id, sid: Id, index: usize, count: usize, focus_label: RwSignal<Option<Id>>) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);

    // Label, order, removal.
    let label_field = NodeRef::new();
    focus_when_drawn(label_field, focus_label, sid.clone());
    let label = read_series(&ind, &sid, |s| s.label.clone());
    let write_label = write_series(&ind, &sid, |s, v: String| s.label = v.trim().to_owned());
    let move_series = {
        let sid = sid.clone();
        bind::write_indicator(&ind, move |i, to: Direction| {
            crate::model::edit::move_item(&mut i.series, |s| s.id == sid, to);
        })
    };
    let remove_series = {
        let sid = sid.clone();
        bind::write_indicator(&ind, move |i, (): ()| {
            if i.series.len() > 1 {
                i.series.retain(|s| s.id != sid);
            }
        })
    };
    let title = move || {
        let l = label.get();
        match (l.is_empty(), count) {
            (false, _) => l,
            (true, 1) => state.tr("値", "Values").to_owned(),
            (true, _) => {
                format!("{} {}{}", state.tr("内訳", "Breakdown"), index + 1, state.tr("（名前なし）", " (unnamed)"))
            }
        }
    };
    let label_placeholder = if count > 1 { "男性, 女性, 児童 …" } else { "" };

    view! {
        <legend>{title}</legend>
        <div class="series-head">
            <TextField label=form.label("内訳の名前", "Breakdown label") value=label on_commit=write_label
                testid=form.testid("series-label") placeholder=label_placeholder node_ref=label_field/>
            {move || (count > 1 && label.get().is_empty()).then(|| view! {
                <p class="hint">{state.tr("内訳が複数あるときは名前を付けてください（例: 男性）。", "With several series, give each a label (e.g. men).")}</p>
            })}
            {(count <= 1).then(|| view! {
                <p class="hint">{state.text("内訳のない指標では空欄のままで構いません。", "Leave empty when the indicator has no breakdown.")}</p>
            })}
            {(count > 1).then(|| view! {
                <div class="entity-actions">
                    <button type="button" data-testid=form.testid("series-up") disabled={index == 0}
                        on:click=move |_| move_series.run(Direction::Up)>{state.text("↑ 上へ", "↑ Up")}</button>
                    <button type="button" data-testid=form.testid("series-down") disabled={index + 1 >= count}
                        on:click=move |_| move_series.run(Direction::Down)>{state.text("↓ 下へ", "↓ Down")}</button>
                    <button type="button" class="danger" data-testid=form.testid("remove-series")
                        on:click=move |_| remove_series.run(())>{state.text("この内訳を削除", "Delete this breakdown")}</button>
                </div>
            })}
        </div>
    }
}

/// The baseline's value and year, with a hint on a year typed before its value.
#[component]
fn BaselineFields(ind: Id, sid: Id, index: usize) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let unit = bind::indicator(&ind, |i| i.unit.clone());

    // Baseline: a year typed before the value is held in the draft and stored with the value.
    let baseline = read_series(&ind, &sid, |s| s.baseline.clone());
    let base_draft = RwSignal::new(BaselineDraft::default());
    let base_value = Memo::new(move |_| baseline.get().map(|b| b.value));
    let base_year = Memo::new(move |_| baseline.with(|b| base_draft.get().year(b.as_ref())));
    let write_baseline = write_series(&ind, &sid, |s, b: Option<Baseline>| s.baseline = b);
    let on_base_value = Callback::new(move |v: Option<f64>| {
        let current = baseline.get_untracked();
        let new = base_draft.try_update(|d| d.value_typed(current.as_ref(), v)).flatten();
        write_baseline.run(new);
    });
    let on_base_year = Callback::new(move |y: Option<FiscalYear>| {
        let current = baseline.get_untracked();
        if let Some(Some(b)) = base_draft.try_update(|d| d.year_typed(current.as_ref(), y)) {
            write_baseline.run(Some(b));
        }
    });

    view! {
        {move || {
            let u = unit.get();
            view! {
                <NumberField label=form.label("当初値（基準値）", "Baseline") value=base_value on_commit=on_base_value
                    unit=u testid=form.testid("baseline")/>
            }
        }}
        <YearField label=form.year_label("当初値の年度", "当初値の年", "Baseline year") value=base_year on_commit=on_base_year testid=form.testid("baseline-year") basis=form.basis/>
        {move || {
            let fiscal = form.basis.get().is_fiscal();
            let hint = match (baseline.get().is_some(), base_draft.get().year.is_some()) {
                (false, true) if fiscal => Some(state.tr("年度は当初値を入力すると一緒に保存されます。", "The year is stored once a baseline value is entered.")),
                (false, true) => Some(state.tr("年は当初値を入力すると一緒に保存されます。", "The year is stored once a baseline value is entered.")),
                (true, _) if baseline.get().is_some_and(|b| b.year.is_none()) => Some(if fiscal {
                    state.tr("年度が空欄のときは、計画期間の前年度の値として扱います。", "Without a year, the baseline counts as the year before the plan period.")
                } else {
                    state.tr("年が空欄のときは、計画期間の前年度にあたる年の値として扱います。", "Without a year, the baseline counts as the year before the plan period.")
                }),
                _ => None,
            };
            hint.map(|h| view! { <p class="hint">{h}</p> })
        }}
    }
}

/// The achievement in the latest year with an actual (derived, never stored).
#[component]
fn SeriesStatus(ind: Id, sid: Id, index: usize) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let direction = bind::indicator(&ind, |i| i.direction);
    let latest = derive_series(&ind, &sid, |s, cx| {
        let provisional = s.latest_actual().is_some_and(|a| a.provisional);
        Some((assess(s, cx), provisional))
    });

    view! {
        <p class="series-status" data-testid=form.testid("series-status") aria-live="polite">
            <span class="series-status-label">{state.text("最新の達成状況", "Latest achievement")}</span>": "
            {move || match latest.get() {
                Some((a, provisional)) => {
                    let when = a.year.map(|y| value_year_text(state, form.basis.get(), y));
                    view! {
                        {when.map(|w| view! { <span class="year">{w}</span>" " })}
                        {provisional.then(|| view! { <span class="badge">{state.tr("速報値", "provisional")}</span>" " })}
                        {assessment_view(state, &a, direction.get())}
                        {a.expected.filter(|_| a.progress.is_some() && a.status != crate::model::Status::Achieved).map(|e| view! {
                            " "<span class="expected">{format!("{}{:.0}%{}", state.tr("（計画線では ", "(the straight path expects "), e * 100.0, state.tr("）", ")"))}</span>
                        })}
                    }.into_any()
                }
                None => view! { <span class="empty">"—"</span> }.into_any(),
            }}
        </p>
    }
}
