//! Revising a series' target mid-plan on the indicator form (`model::target_revision`):
//! 「目標値を修正する」 keeps the target as it is now, the new target is entered in the usual
//! target fields above, and 「修正として記録」 asks for the fiscal year (and optionally the date)
//! and the reason and records the kept target as the earlier one — one undo step. Below, the
//! earlier targets with their reasons, each removable.
//!
//! Why this shape: the target fields write as they are typed (each its own undo step), and a
//! new target of another kind needs all of them; repeating them in a second form would double
//! the editor. Editing the target without 「目標値を修正する」 stays a plain correction.

use super::series_form::{read_series, write_series, SeriesForm};
use crate::locale;
use crate::model::{is_revision_date, FiscalYear, Id, Target};
use crate::ui::kit::bind;
use crate::ui::kit::fields::{TextField, YearField};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// A revision being entered: the target as it was when 「目標値を修正する」 was pressed, and
/// what has been typed since.
#[derive(Clone, Debug, Default, PartialEq)]
struct Revising {
    before: Option<Target>,
    year: Option<FiscalYear>,
    date: String,
    reason: String,
}

/// The revise button, the form to record a revision, and the list of earlier targets.
#[component]
pub(super) fn TargetHistory(ind: Id, sid: Id, index: usize) -> impl IntoView {
    let state = use_speech();
    let form = SeriesForm::new(&ind, &sid, index);

    let target = read_series(&ind, &sid, |s| s.target.clone());
    let unit = bind::indicator(&ind, |i| i.unit.clone());
    // The target's year is a value's year (令和7年 for a calendar-year series); the year it was
    // revised in is the town's fiscal year, whatever the basis (a decision of a fiscal year).
    let texts = {
        let sid = sid.clone();
        bind::indicator(&ind, move |i| {
            let Some(s) = i.series.iter().find(|s| s.id == sid) else { return Vec::new() };
            // Read here so that the list follows the language and year style.
            let (lang, style) = (state.lang(), state.year_style());
            (0..s.target_history.len())
                .filter_map(|k| locale::revision(s, k, &i.unit, i.direction, lang, style))
                .collect::<Vec<_>>()
        })
    };
    let revising = RwSignal::new(None::<Revising>);
    let record = write_series(&ind, &sid, |s, r: (Target, FiscalYear, Option<String>, String)| {
        s.record_revision(r.0, r.1, r.2, r.3);
    });
    let remove = write_series(&ind, &sid, |s, k: usize| s.remove_revision(k));

    let start = move |_| revising.set(Some(Revising { before: target.get_untracked(), ..Default::default() }));
    let changed = move || revising.with(|r| r.as_ref().is_some_and(|r| r.before.is_some() && r.before != target.get()));
    let date_ok = move || revising.with(|r| r.as_ref().is_none_or(|r| is_revision_date(&r.date)));
    let ready = move || changed() && date_ok() && revising.with(|r| r.as_ref().is_some_and(|r| r.year.is_some()));
    let on_record = move |_| {
        let Some(r) = revising.get_untracked() else { return };
        let (Some(before), Some(year)) = (r.before, r.year) else { return };
        let date = Some(r.date.trim().to_owned()).filter(|d| !d.is_empty());
        record.run((before, year, date, r.reason.trim().to_owned()));
        revising.set(None);
    };
    let on_year =
        Callback::new(move |y: Option<FiscalYear>| revising.update(|r| r.iter_mut().for_each(|r| r.year = y)));
    let on_date = Callback::new(move |d: String| revising.update(|r| r.iter_mut().for_each(|r| r.date = d.clone())));
    let on_reason =
        Callback::new(move |t: String| revising.update(|r| r.iter_mut().for_each(|r| r.reason = t.clone())));
    let year = Signal::derive(move || revising.with(|r| r.as_ref().and_then(|r| r.year)));
    let date = Signal::derive(move || revising.with(|r| r.as_ref().map(|r| r.date.clone()).unwrap_or_default()));
    let reason = Signal::derive(move || revising.with(|r| r.as_ref().map(|r| r.reason.clone()).unwrap_or_default()));
    let before_text = move || {
        let t = revising.with(|r| r.as_ref().and_then(|r| r.before.clone()))?;
        Some(locale::target_in(&t, &unit.get(), form.basis.get(), state.lang(), state.year_style()))
    };

    view! {
        <div class="target-history" data-testid=form.testid("target-history")>
            {move || revising.with(|r| r.is_none()).then(|| view! {
                <button type="button" class="secondary" data-testid=form.testid("target-revise") disabled=move || target.with(|t| t.is_none())
                    on:click=start>{state.text("目標値を修正する", "Revise the target")}</button>
            })}
            {move || revising.with(|r| r.is_some()).then(|| view! {
                <div class="revision-form" data-testid=form.testid("target-revision-form")>
                    <p class="hint">
                        {move || format!("{}{}", state.tr("修正前の目標: ", "Target before the revision: "), before_text().unwrap_or_default())}
                        <br/>
                        {state.text(
                            "上の欄で新しい目標を入力し、修正した年度と理由を入れて「修正として記録」を押してください。修正前の目標は履歴として残り、グラフと報告書に載ります。",
                            "Enter the new target in the fields above, then the year and the reason, and press “Record as a revision”. The earlier target is kept and shown on the chart and in the report.")}
                    </p>
                    <YearField label=form.label("修正した年度", "Year of the revision") value=year on_commit=on_year testid=form.testid("target-revision-year")/>
                    <TextField label=form.label("決定日（任意、YYYY-MM-DD）", "Date decided (optional, YYYY-MM-DD)") value=date on_commit=on_date
                        testid=form.testid("target-revision-date") placeholder="2022-06-01"/>
                    <TextField label=form.label("理由", "Reason") value=reason on_commit=on_reason testid=form.testid("target-revision-reason")
                        placeholder="国の方針変更に伴い"/>
                    {move || (!date_ok()).then(|| view! {
                        <p class="hint" role="alert">{state.tr("日付は 2022-06-01 の形で入力してください。", "Give the date as 2022-06-01.")}</p>
                    })}
                    {move || (!changed()).then(|| view! {
                        <p class="hint" data-testid=form.testid("target-revision-unchanged")>{state.tr("目標はまだ変わっていません。", "The target has not changed yet.")}</p>
                    })}
                    <div class="actions">
                        <button type="button" data-testid=form.testid("target-revision-record") disabled=move || !ready() on:click=on_record>
                            {state.text("修正として記録", "Record as a revision")}
                        </button>
                        <button type="button" class="secondary" data-testid=form.testid("target-revision-cancel") on:click=move |_| revising.set(None)>
                            {state.text("やめる", "Cancel")}
                        </button>
                    </div>
                </div>
            })}
            {move || (!texts.with(Vec::is_empty)).then(|| view! {
                <div class="earlier-targets">
                    <h4>{state.text("修正前の目標", "Earlier targets")}</h4>
                    <ul data-testid=form.testid("target-revisions")>
                        {texts.get().into_iter().enumerate().map(|(k, text)| view! {
                            <li data-testid=format!("target-revision-{index}-{k}")>
                                <span>{text}</span>" "
                                <button type="button" class="secondary small" data-testid=format!("target-revision-remove-{index}-{k}")
                                    on:click=move |_| remove.run(k)>{state.text("削除", "Delete")}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </div>
    }
}
