//! What a series' values are, beside its figures: the year basis (値の時点: 年度, 年（暦年）, a
//! date 「4月1日現在」 with its month and day, or a month alone: 「6月現在」, 「3月末」), whether
//! the actuals are running totals (累計値), and the series' own source (出典), which overrides
//! the indicator's. A value's own source is edited in its year row.

use super::series_form::*;
use crate::locale;
use crate::model::{FiscalYear, Id, YearBasis};
use crate::ui::kit::fields::{CheckField, NumberField, SelectField, TextField};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// The select's values for the three bases.
const FISCAL: &str = "fiscal";
const CALENDAR: &str = "calendar";
const AS_OF: &str = "as_of";
const AS_OF_MONTH: &str = "as_of_month";
const MONTH_END: &str = "month_end";
/// The date a new 日付現在 basis starts with: 住民基本台帳 figures are mostly 「4月1日現在」.
const DEFAULT_AS_OF: YearBasis = YearBasis::AsOf { month: 4, day: 1 };

#[component]
pub(super) fn SeriesMeta(ind: Id, sid: Id, index: usize) -> impl IntoView {
    let state = use_speech();
    let form = SeriesForm::new(&ind, &sid, index);

    let write_basis = write_series(&ind, &sid, |s, b: YearBasis| s.year_basis = b);
    let basis_value = Signal::derive(move || {
        match form.basis.get() {
            YearBasis::Fiscal => FISCAL,
            YearBasis::Calendar => CALENDAR,
            YearBasis::AsOf { .. } => AS_OF,
            YearBasis::AsOfMonth { end: false, .. } => AS_OF_MONTH,
            YearBasis::AsOfMonth { end: true, .. } => MONTH_END,
        }
        .to_owned()
    });
    let basis_options = Signal::derive(move || {
        vec![
            (FISCAL.to_owned(), state.tr("年度", "Fiscal year").to_owned()),
            (CALENDAR.to_owned(), state.tr("年（暦年）", "Calendar year").to_owned()),
            (AS_OF.to_owned(), state.tr("日付現在", "As of a date").to_owned()),
            (AS_OF_MONTH.to_owned(), state.tr("月現在（日なし）", "As of a month").to_owned()),
            (MONTH_END.to_owned(), state.tr("月末", "End of a month").to_owned()),
        ]
    });
    let on_basis = Callback::new(move |v: String| {
        let new = match v.as_str() {
            CALENDAR => YearBasis::Calendar,
            // Keeps a date already set when the select is chosen again.
            AS_OF => match form.basis.get_untracked() {
                b @ YearBasis::AsOf { .. } => b,
                _ => DEFAULT_AS_OF,
            },
            // A month kept from the date or month already set; else 3月 (年度末).
            AS_OF_MONTH | MONTH_END => {
                let month = match form.basis.get_untracked() {
                    YearBasis::AsOf { month, .. } | YearBasis::AsOfMonth { month, .. } => month,
                    _ => 3,
                };
                YearBasis::AsOfMonth { month, end: v == MONTH_END }
            }
            _ => YearBasis::Fiscal,
        };
        write_basis.run(new);
    });
    // A month-only basis: its month (1–12; anything else is not stored).
    let month_only = Memo::new(move |_| match form.basis.get() {
        YearBasis::AsOfMonth { month, end } => Some((month, end)),
        _ => None,
    });
    let only_month_value = Signal::derive(move || month_only.get().map(|(m, _)| f64::from(m)));
    let on_only_month = Callback::new(move |v: Option<f64>| {
        let Some((_, end)) = month_only.get_untracked() else { return };
        if let Some(v) = v.filter(|v| v.fract() == 0.0 && (1.0..=12.0).contains(v)) {
            write_basis.run(YearBasis::AsOfMonth { month: v as u8, end });
        }
    });
    let running = read_series(&ind, &sid, |s| s.running_totals);
    let write_running = write_series(&ind, &sid, |s, v: bool| s.running_totals = v);
    let date = Memo::new(move |_| match form.basis.get() {
        YearBasis::AsOf { month, day } => Some((month, day)),
        _ => None,
    });
    // A month or day typed out of range (or cleared) is not stored: the date stays as it was.
    // A day its month never has (4月31日) is not stored either; a month picked that lacks the
    // day shown takes its own last day instead (1月31日 → 2月: 2月29日), so that the month can
    // be changed first. A file can still hold 「2月30日」: the checks list says so.
    let set_date = move |month: Option<f64>, day: Option<f64>| {
        let Some((m, d)) = date.get_untracked() else { return };
        let pick = |v: Option<f64>, current: u8, max: f64| match v {
            Some(v) if v.fract() == 0.0 && (1.0..=max).contains(&v) => v as u8,
            _ => current,
        };
        let (month, day) = (pick(month, m, 12.0), pick(day, d, 31.0));
        let new = if YearBasis::is_possible_day(month, day) {
            YearBasis::AsOf { month, day }
        } else if month != m {
            let last = (28..=day).rev().find(|d| YearBasis::is_possible_day(month, *d)).unwrap_or(28);
            YearBasis::AsOf { month, day: last }
        } else {
            return;
        };
        write_basis.run(new);
    };
    let month_value = Signal::derive(move || date.get().map(|(m, _)| f64::from(m)));
    let day_value = Signal::derive(move || date.get().map(|(_, d)| f64::from(d)));
    let on_month = Callback::new(move |v: Option<f64>| set_date(v, None));
    let on_day = Callback::new(move |v: Option<f64>| set_date(None, v));

    let source = read_series(&ind, &sid, |s| s.source.clone());
    let write_source = write_series(&ind, &sid, |s, v: String| s.source = v.trim().to_owned());

    view! {
        <div class="form-grid series-meta" data-testid=form.testid("series-meta")>
            <SelectField label=form.label("値の時点", "What a value's year means") options=basis_options value=basis_value
                on_commit=on_basis testid=form.testid("year-basis")/>
            {move || date.get().is_some().then(|| view! {
                <NumberField label=form.label("月", "Month") value=month_value on_commit=on_month testid=form.testid("as-of-month")/>
                <NumberField label=form.label("日", "Day") value=day_value on_commit=on_day testid=form.testid("as-of-day")/>
            })}
            {move || month_only.get().is_some().then(|| view! {
                <NumberField label=form.label("月", "Month") value=only_month_value on_commit=on_only_month testid=form.testid("as-of-month")/>
            })}
            <p class="hint" data-testid=form.testid("year-basis-note")>{move || {
                let example = locale::value_year(form.basis.get(), FiscalYear(2023), state.lang(), state.year_style());
                crate::words::editor::year_shown_as(&example, state.lang())
            }}</p>
            <CheckField label=form.label("実績値は累計値", "Actuals are running totals") checked=running
                on_commit=write_running testid=form.testid("running-totals")/>
            {move || running.get().then(|| view! {
                <p class="hint" data-testid=form.testid("running-totals-note")>{state.tr(
                    "実績値は表のとおり累計で記録し、各年度の値は前年度との差（差分）として表示します。累計の目標は累計値をそのまま比べます。",
                    "Actuals are kept as printed, as running totals; each year's own value is shown as the difference from the year before. A running-total target compares the running total itself.",
                )}</p>
            })}
            <TextField label=form.label("この系列の出典（指標の出典と異なるとき）", "This series' source (when not the indicator's)")
                value=source on_commit=write_source testid=form.testid("series-source")/>
        </div>
    }
}
