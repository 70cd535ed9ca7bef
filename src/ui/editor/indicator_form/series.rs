//! One series of an indicator in its form: the label, baseline, target and the achievement
//! computed from them, and the table of years (interim targets, actuals, provisional flags,
//! comments), one row per year. Every year of a value is written by the series' year basis
//! (令和5年 for a calendar-year series); only the year a target was revised in is a fiscal year.

use super::year_row::YearRow;
use super::*;
use crate::format::table::{from_html, from_tsv, read_year_block, YearBlock};
use crate::model::BoundSide;
use crate::session::series_draft::ChangeBy;
use crate::ui::speech::Speaks;
use crate::words;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;

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
    let state = use_edits();
    let lbl = move |ja: &'static str, en: &'static str| bind::label(state, ja, en);
    let tid = move |what: &str| format!("{what}-{index}");

    let unit = bind::indicator(&ind, |i| i.unit.clone());
    let direction = bind::indicator(&ind, |i| i.direction);
    let period = bind::read(|s| Some(s.period));
    // What the series' values' years are: every year shown below is written by it (令和5年 for a
    // calendar-year series), except the fiscal year a target was revised in.
    let basis = read_series(&ind, &sid, |s| s.year_basis);
    let ylbl =
        move |fiscal: &'static str, other: &'static str, en: &'static str| year_label(state, basis, fiscal, other, en);
    let last_year = Memo::new(move |_| period.get().map(|p: PlanPeriod| p.last));

    // Label, order, removal.
    let label_field = NodeRef::new();
    focus_when_drawn(label_field, focus_label, sid.clone());
    let label = read_series(&ind, &sid, |s| s.label.clone());
    let write_label = write_series(&ind, &sid, |s, v: String| s.label = v.trim().to_owned());
    let move_series = {
        let sid = sid.clone();
        bind::write_indicator(&ind, move |i, up: bool| {
            crate::model::edit::move_item(&mut i.series, |s| s.id == sid, up);
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

    // Target: the kind chosen (even before a value exists), and the last value and year typed,
    // so that switching kind keeps the value where it makes sense.
    let target = read_series(&ind, &sid, |s| s.target.clone());
    // The kind picked while no target is stored yet (数値目標 before its value is typed), with
    // the undo/redo depths after picking it: an undo since then makes the model speak again.
    let pending = use_context::<PendingTargetKinds>().unwrap_or_default().0;
    let chosen = {
        let sid = sid.clone();
        Memo::new(move |_| pending.with(|p| p.get(&sid).copied()))
    };
    let choose = {
        let sid = sid.clone();
        Callback::new(move |kind: TargetKind| {
            pending.update(|p| {
                p.insert(sid.clone(), PickedKind { kind, depths: state.history_depths.get_untracked() });
            })
        })
    };
    let draft = RwSignal::new(TargetDraft::of(target.get_untracked().as_ref()));
    let shown_kind =
        Memo::new(move |_| target.with(|t| shown_kind(t.as_ref(), chosen.get(), state.history_depths.get())));
    let target_value = Memo::new(move |_| match target.get() {
        Some(Target::Value { value, .. }) | Some(Target::PerYear { value }) => Some(value),
        _ => None,
    });
    let target_year = Memo::new(move |_| match target.get() {
        Some(Target::Value { year, .. }) => year,
        _ => draft.get().year,
    });
    let write_target = write_series(&ind, &sid, |s, t: Option<Target>| s.target = t);
    // Writes the target the draft makes for `kind`, when it differs from the stored one.
    let store_target = move |kind: TargetKind| {
        let (Some(period), decrease) =
            (period.get_untracked(), direction.get_untracked() == DesiredDirection::Decrease)
        else {
            return;
        };
        let new = draft.with_untracked(|d| d.target(kind, period, decrease));
        if new != target.get_untracked() {
            write_target.run(new);
        }
        choose.run(kind);
    };
    let on_target_kind = Callback::new(move |v: String| {
        draft.update(|d| d.remember(target.get_untracked().as_ref()));
        store_target(TargetKind::parse(&v));
    });
    let on_target_value = Callback::new(move |v: Option<f64>| {
        let year = target_year.get_untracked();
        draft.update(|d| (d.value, d.year) = (v, year));
        store_target(shown_kind.get_untracked());
    });
    // A target typed in words in a target field (「5年間で累計15」, 「80%以上」): the kind and target
    // the one reader says, as the CSV and a town's table read them.
    let on_target_words = Callback::new(move |text: String| {
        let (Some(period), Some((kind, typed))) = (
            period.get_untracked(),
            period.get_untracked().and_then(|p| TargetDraft::read_words(&text, target_year.get_untracked(), p)),
        ) else {
            return false;
        };
        let decrease = direction.get_untracked() == DesiredDirection::Decrease;
        draft.set(typed);
        if let Some(new) =
            typed.target(kind, period, decrease).filter(|new| Some(new) != target.get_untracked().as_ref())
        {
            write_target.run(Some(new));
        }
        choose.run(kind);
        true
    });
    let on_target_year = Callback::new(move |y: Option<FiscalYear>| {
        draft.update(|d| d.year = y);
        if let Some(Target::Value { value, .. }) = target.get_untracked() {
            write_target.run(Some(Target::Value { value, year: y }));
        }
    });
    // The fields of the other kinds read what is stored, else what the draft holds (typed before
    // the target could be stored); a field typed changes the draft and stores what it makes.
    let shown_draft = Memo::new(move |_| {
        let mut d = draft.get();
        d.remember(target.get().as_ref());
        d
    });
    let update_draft = move |change: &dyn Fn(&mut TargetDraft)| {
        let stored = target.get_untracked();
        draft.update(|d| {
            d.remember(stored.as_ref());
            change(d);
        });
        store_target(shown_kind.get_untracked());
    };
    let on_change_by = Callback::new(move |v: String| update_draft(&|d| d.change_by = ChangeBy::parse(&v)));
    let on_change_way = Callback::new(move |v: String| update_draft(&|d| d.decrease = v == "decrease"));
    let on_change_size = Callback::new(move |v: Option<f64>| update_draft(&|d| d.change = v.map(f64::abs)));
    let on_kind_value = Callback::new(move |v: Option<f64>| update_draft(&|d| d.value = v));
    let on_kind_year = Callback::new(move |y: Option<FiscalYear>| update_draft(&|d| d.year = y));
    let on_from = Callback::new(move |y: Option<FiscalYear>| update_draft(&|d| d.from = y));
    let on_to = Callback::new(move |y: Option<FiscalYear>| update_draft(&|d| d.to = y));
    let on_side = Callback::new(move |v: String| {
        let side = if v == "at_most" { BoundSide::AtMost } else { BoundSide::AtLeast };
        update_draft(&|d| d.side = Some(side))
    });
    let on_hold = Callback::new(move |v: bool| update_draft(&|d| d.hold = v));
    let change_by_value = Signal::derive(move || shown_draft.get().change_by.as_str().to_owned());
    let change_way_value =
        Signal::derive(move || if shown_draft.get().decrease { "decrease" } else { "increase" }.to_owned());
    let change_size = Signal::derive(move || shown_draft.get().change);
    let kind_value = Signal::derive(move || shown_draft.get().value);
    let kind_year = Signal::derive(move || shown_draft.get().year);
    let from_year = Signal::derive(move || shown_draft.get().from.or(period.get().map(|p| p.first)));
    let to_year = Signal::derive(move || shown_draft.get().to.or(period.get().map(|p| p.last)));
    let side_value = Signal::derive(move || {
        let default =
            if direction.get() == DesiredDirection::Decrease { BoundSide::AtMost } else { BoundSide::AtLeast };
        match shown_draft.get().side.unwrap_or(default) {
            BoundSide::AtLeast => "at_least".to_owned(),
            BoundSide::AtMost => "at_most".to_owned(),
        }
    });
    let hold_checked = Signal::derive(move || shown_draft.get().hold);
    let derived = read_series(&ind, &sid, |s| s.target_value());
    let change_by_options = Signal::derive(move || {
        vec![
            (ChangeBy::Percent.as_str().to_owned(), state.tr("基準値の％", "% of the baseline").to_owned()),
            (ChangeBy::Points.as_str().to_owned(), state.tr("ポイント", "Points").to_owned()),
            (ChangeBy::Hold.as_str().to_owned(), state.tr("現状維持", "Hold the baseline").to_owned()),
        ]
    });
    let change_way_options = Signal::derive(move || {
        vec![
            ("increase".to_owned(), state.tr("増加・上昇", "Up").to_owned()),
            ("decrease".to_owned(), state.tr("減少・低下", "Down").to_owned()),
        ]
    });
    let side_options = Signal::derive(move || {
        vec![
            ("at_least".to_owned(), state.tr("以上", "At least").to_owned()),
            ("at_most".to_owned(), state.tr("以下", "At most").to_owned()),
        ]
    });
    let target_kind_options = Signal::derive(move || {
        vec![
            (
                TargetKind::Value.as_str().to_owned(),
                state.tr("数値目標（年度までに達成する値）", "A value by a year").to_owned(),
            ),
            (
                TargetKind::Direction.as_str().to_owned(),
                state
                    .tr("方向のみ ↗（当初値から良い方向へ）", "Direction only ↗ (better than the baseline)")
                    .to_owned(),
            ),
            (TargetKind::PerYear.as_str().to_owned(), state.tr("毎年の目標（/年）", "Every year (/year)").to_owned()),
            (
                TargetKind::Relative.as_str().to_owned(),
                state
                    .tr(
                        "基準値からの増減（10%減少・5ポイント上昇・現状維持）",
                        "A change from the baseline (−10 %, +5 points, hold)",
                    )
                    .to_owned(),
            ),
            (
                TargetKind::Average.as_str().to_owned(),
                state.tr("期間の平均（令和3〜8年度の平均）", "An average over years").to_owned(),
            ),
            (
                TargetKind::Cumulative.as_str().to_owned(),
                state.tr("期間の累計（5年間で30人）", "A total over years").to_owned(),
            ),
            (
                TargetKind::Bound.as_str().to_owned(),
                state.tr("以上・以下（80%以上）", "A bound (at least 80 %)").to_owned(),
            ),
            (TargetKind::None.as_str().to_owned(), state.tr("なし", "None").to_owned()),
        ]
    });
    let target_kind_value = Signal::derive(move || shown_kind.get().as_str().to_owned());

    // Achievement in the latest year with an actual (derived, never stored).
    let latest = derive_series(&ind, &sid, |s, cx| {
        let provisional = s.latest_actual().is_some_and(|a| a.provisional);
        Some((assess(s, cx), provisional))
    });

    // The table of years.
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
        let Some((interim, year)) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-testid"))
            .and_then(|id| pasted_field(&id, index))
        else {
            return;
        };
        let Some(data) = ev.clipboard_data() else { return };
        let html = data.get_data("text/html").unwrap_or_default();
        let grid = from_html(&html)
            .filter(|g| !g.rows.is_empty())
            .unwrap_or_else(|| from_tsv(&data.get_data("text/plain").unwrap_or_default()));
        if grid.rows.iter().flatten().filter(|c| !c.is_empty()).count() < 2 {
            return;
        }
        ev.prevent_default();
        let block = read_year_block(&grid, year);
        extra.update(|e| e.extend(block.values.iter().map(|v| v.year).chain(block.no_value.iter().map(|(y, _)| *y))));
        if !block.values.is_empty() {
            write_block.run((block.clone(), interim));
        }
        pasted.set(Some((block, interim)));
    };

    let (row_ind, row_sid) = (ind.clone(), sid.clone());
    let label_placeholder = if count > 1 { "男性, 女性, 児童 …" } else { "" };

    view! {
        <fieldset class="series" data-testid=tid("series")>
            <legend>{title}</legend>
            <div class="series-head">
                <TextField label=lbl("内訳の名前", "Breakdown label") value=label on_commit=write_label
                    testid=tid("series-label") placeholder=label_placeholder node_ref=label_field/>
                {move || (count > 1 && label.get().is_empty()).then(|| view! {
                    <p class="hint">{state.tr("内訳が複数あるときは名前を付けてください（例: 男性）。", "With several series, give each a label (e.g. men).")}</p>
                })}
                {(count <= 1).then(|| view! {
                    <p class="hint">{state.text("内訳のない指標では空欄のままで構いません。", "Leave empty when the indicator has no breakdown.")}</p>
                })}
                {(count > 1).then(|| view! {
                    <div class="entity-actions">
                        <button type="button" data-testid=tid("series-up") disabled={index == 0}
                            on:click=move |_| move_series.run(true)>{state.text("↑ 上へ", "↑ Up")}</button>
                        <button type="button" data-testid=tid("series-down") disabled={index + 1 >= count}
                            on:click=move |_| move_series.run(false)>{state.text("↓ 下へ", "↓ Down")}</button>
                        <button type="button" class="danger" data-testid=tid("remove-series")
                            on:click=move |_| remove_series.run(())>{state.text("この内訳を削除", "Delete this breakdown")}</button>
                    </div>
                })}
            </div>

            <div class="form-grid">
                {move || {
                    let u = unit.get();
                    view! {
                        <NumberField label=lbl("当初値（基準値）", "Baseline") value=base_value on_commit=on_base_value
                            unit=u testid=tid("baseline")/>
                    }
                }}
                <YearField label=ylbl("当初値の年度", "当初値の年", "Baseline year") value=base_year on_commit=on_base_year testid=tid("baseline-year") basis=basis/>
                {move || {
                    let fiscal = basis.get().is_fiscal();
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
                <SelectField label=lbl("目標の種類", "Kind of target") options=target_kind_options value=target_kind_value
                    on_commit=on_target_kind testid=tid("target-kind")/>
                {move || {
                    let u = unit.get();
                    match shown_kind.get() {
                        TargetKind::Value => view! {
                            <NumberField label=lbl("目標値", "Target value") value=target_value on_commit=on_target_value on_words=on_target_words
                                unit=u testid=tid("target")/>
                            <YearField label=ylbl("目標年度", "目標年", "Target year") value=target_year on_commit=on_target_year testid=tid("target-year") basis=basis/>
                            <p class="hint">{move || match (last_year.get(), basis.get()) {
                                (Some(y), YearBasis::Fiscal) => format!("{}{}{}", state.tr("目標年度が空欄のときは計画の最終年度（", "An empty target year means the plan's last year ("), year_text(state, y), state.tr("）です。", ").")),
                                // The plan's last fiscal year is still what is assumed: its value's year.
                                (Some(y), b) => format!("{}{}{}", state.tr("目標年が空欄のときは計画の最終年度の値（", "An empty target year means the value of the plan's last year ("), value_year_text(state, b, y), state.tr("）です。", ").")),
                                (None, _) => state.tr("目標年度が空欄のときは計画の最終年度です。", "An empty target year means the plan's last year.").to_owned(),
                            }}</p>
                        }.into_any(),
                        TargetKind::PerYear => {
                            let per = format!("{u}{}", state.tr("/年", "/year"));
                            view! {
                                <NumberField label=lbl("毎年の目標値", "Target every year") value=target_value on_commit=on_target_value on_words=on_target_words
                                    unit=per testid=tid("target")/>
                                <p class="hint">{move || match direction.get() {
                                    DesiredDirection::Decrease => state.tr("各年度の実績値が目標値以下なら達成です（例: 0人/年）。", "Met in a year when the actual is at most the target (e.g. 0 people a year)."),
                                    _ => state.tr("各年度の実績値が目標値以上なら達成です（例: 2件/年）。", "Met in a year when the actual is at least the target (e.g. 2 a year)."),
                                }}</p>
                            }.into_any()
                        }
                        TargetKind::Direction => view! {
                            <p class="hint" data-testid=tid("target-direction")>{move || match direction.get() {
                                DesiredDirection::Increase => state.tr("↗ 実績値が当初値より増えれば達成です。", "↗ Met when the actual is above the baseline."),
                                DesiredDirection::Decrease => state.tr("↘ 実績値が当初値より減れば達成です。", "↘ Met when the actual is below the baseline."),
                                DesiredDirection::Maintain => state.tr("→ 実績値が当初値を下回らなければ達成です。", "→ Met when the actual does not fall below the baseline."),
                            }}</p>
                        }.into_any(),
                        TargetKind::Relative => {
                            let size_unit = move || match shown_draft.get().change_by {
                                ChangeBy::Points => state.tr("ポイント", "points").to_owned(),
                                _ => "%".to_owned(),
                            };
                            view! {
                                <SelectField label=lbl("増減の表し方", "How it changes") options=change_by_options value=change_by_value
                                    on_commit=on_change_by testid=tid("target-change-by")/>
                                {move || (shown_draft.get().change_by != ChangeBy::Hold).then(|| view! {
                                    <SelectField label=lbl("向き", "Which way") options=change_way_options value=change_way_value
                                        on_commit=on_change_way testid=tid("target-change-way")/>
                                    <NumberField label=lbl("増減の大きさ", "Size of the change") value=change_size on_commit=on_change_size
                                        unit=size_unit() testid=tid("target-change")/>
                                })}
                                <YearField label=ylbl("目標年度", "目標年", "Target year") value=kind_year on_commit=on_kind_year testid=tid("target-year") basis=basis/>
                                <p class="hint" data-testid=tid("target-derived")>{move || match derived.get() {
                                    Some(v) => format!("{}{}", state.tr("目標値（基準値から算出）→ ", "Target value (from the baseline) → "), locale::quantity(v, &unit.get())),
                                    None => state.tr("基準値がないため、目標値を算出できません。", "Without a baseline the target value cannot be worked out.").to_owned(),
                                }}</p>
                            }.into_any()
                        }
                        TargetKind::Average | TargetKind::Cumulative => {
                            let average = shown_kind.get() == TargetKind::Average;
                            let label = if average { lbl("期間の平均の目標値", "Average to reach") } else { lbl("期間の累計の目標値", "Total to reach") };
                            view! {
                                <YearField label=ylbl("期間の初年度", "期間の最初の年", "First year of the span") value=from_year on_commit=on_from testid=tid("target-from") basis=basis/>
                                <YearField label=ylbl("期間の最終年度", "期間の最後の年", "Last year of the span") value=to_year on_commit=on_to testid=tid("target-to") basis=basis/>
                                <NumberField label=label value=kind_value on_commit=on_kind_value on_words=on_target_words unit=u testid=tid("target")/>
                                <p class="hint">{move || if average {
                                    state.tr("期間内の実績値の平均と比べます。期間が空欄のときは計画期間です。", "Compared with the mean of the span's actuals. An empty span is the plan period.")
                                } else {
                                    state.tr("期間内の実績値の合計と比べ、経過した年数の割合まで達していれば順調です（「5年間で」は計画期間の5年間）。", "Compared with the sum of the span's actuals; on track when it reaches the share of the span passed (“in 5 years”: the plan period).")
                                }}</p>
                            }.into_any()
                        }
                        TargetKind::Bound => view! {
                            <NumberField label=lbl("境界の値", "Bound") value=kind_value on_commit=on_kind_value on_words=on_target_words unit=u testid=tid("target")/>
                            <SelectField label=lbl("以上・以下", "Side") options=side_options value=side_value
                                on_commit=on_side testid=tid("target-side")/>
                            <CheckField label=lbl("「維持（…以上）」と書く", "Written as “maintain (…)”") checked=hold_checked
                                on_commit=on_hold testid=tid("target-hold")/>
                            <YearField label=ylbl("目標年度（任意）", "目標年（任意）", "Target year (optional)") value=kind_year on_commit=on_kind_year testid=tid("target-year") basis=basis/>
                            <p class="hint">{state.text("その年度の実績値が境界を満たせば、当初値にかかわらず達成です。", "Met in a year when the actual keeps the bound, whatever the baseline.")}</p>
                        }.into_any(),
                        TargetKind::None => view! {
                            <p class="hint">{state.text("目標がないため、達成状況は判定しません。", "Without a target, achievement is not assessed.")}</p>
                        }.into_any(),
                    }
                }}
                {move || {
                    let kind = shown_kind.get();
                    let relative_size = kind == TargetKind::Relative && shown_draft.get().change_by != ChangeBy::Hold;
                    let waiting = target.get().is_none() && (kind.needs_value() || relative_size);
                    waiting.then(|| view! {
                        <p class="hint" data-testid=tid("target-missing")>{state.tr("目標値を入力するまで、目標は保存されません。", "The target is stored once a value is entered.")}</p>
                    })
                }}
                {move || (shown_kind.get() == TargetKind::Direction && baseline.get().is_none()).then(|| view! {
                    <p class="hint">{state.tr("方向のみの目標は、当初値がないと判定できません。", "A direction-only target needs a baseline to be assessed.")}</p>
                })}
            </div>
            <super::target_history::TargetHistory ind=row_ind.clone() sid=row_sid.clone() index=index/>

            <p class="series-status" data-testid=tid("series-status") aria-live="polite">
                <span class="series-status-label">{state.text("最新の達成状況", "Latest achievement")}</span>": "
                {move || match latest.get() {
                    Some((a, provisional)) => {
                        let when = a.year.map(|y| value_year_text(state, basis.get(), y));
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

            <SeriesMeta ind=row_ind.clone() sid=row_sid.clone() index=index/>
            <div class="table-wrap">
                <table class="year-table" data-testid=tid("year-table") on:paste=on_paste>
                    <thead>
                        <tr>
                            <th scope="col">{move || locale::year_column(basis.get(), state.lang())}</th>
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
                                focus_actual=focus_actual basis=basis/>
                        </For>
                    </tbody>
                </table>
            </div>
            {move || pasted.get().map(|(b, interim)| view! {
                <div class="year-paste" role="status" data-testid=tid("year-paste")>
                    {words::year_paste(&b, interim, basis.get(), state.lang(), state.year_style())
                        .into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
            })}
            <div class="add-year">
                <OutsideYearPicker shown=rows on_pick=on_add_year testid=tid("add-year") basis=basis/>
            </div>
        </fieldset>
    }
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
