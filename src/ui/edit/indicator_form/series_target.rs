//! The target of one series in its form: the kind of target (a value by a year, a direction
//! only, a value every year, a change from the baseline, an average or a total over years, a
//! bound) and that kind's fields. The kind chosen is kept even before a value exists, and the
//! last value and year typed are held in a draft (`session::series_draft::TargetDraft`), so
//! that switching kind keeps the value where it makes sense.

use super::series_form::*;
use crate::locale;
use crate::model::BoundSide;
use crate::model::{DesiredDirection, FiscalYear, Id, PlanPeriod, Target, YearBasis};
use crate::session::series_draft::ChangeBy;
use crate::session::series_draft::{shown_kind, PickedKind, TargetDraft, TargetKind};
use crate::ui::kit::bind::{self};
use crate::ui::kit::fields::{CheckField, NumberField, SelectField, YearField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use leptos::prelude::*;

/// The target of a series, its draft and how a draft is stored: what the fields of every kind
/// share (plain handles, copied into each).
#[derive(Clone, Copy)]
struct TargetEdit {
    period: Memo<Option<PlanPeriod>>,
    direction: Memo<DesiredDirection>,
    target: Memo<Option<Target>>,
    draft: RwSignal<TargetDraft>,
    shown_kind: Memo<TargetKind>,
    /// What the fields of the other kinds read: what is stored, else what the draft holds
    /// (typed before the target could be stored).
    shown_draft: Memo<TargetDraft>,
    write_target: Callback<Option<Target>>,
    /// Notes the kind picked (for a series without a stored target yet).
    choose: Callback<TargetKind>,
}

impl TargetEdit {
    fn new(ind: &Id, sid: &Id, state: Edits) -> TargetEdit {
        let period = bind::read(|s| Some(s.period));
        let direction = bind::indicator(ind, |i| i.direction);
        let target = read_series(ind, sid, |s| s.target.clone());
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
        let shown_draft = Memo::new(move |_| {
            let mut d = draft.get();
            d.remember(target.get().as_ref());
            d
        });
        let write_target = write_series(ind, sid, |s, t: Option<Target>| s.target = t);
        TargetEdit { period, direction, target, draft, shown_kind, shown_draft, write_target, choose }
    }

    /// Writes the target the draft makes for `kind`, when it differs from the stored one.
    fn store(self, kind: TargetKind) {
        let (Some(period), decrease) =
            (self.period.get_untracked(), self.direction.get_untracked() == DesiredDirection::Decrease)
        else {
            return;
        };
        let new = self.draft.with_untracked(|d| d.target(kind, period, decrease));
        if new != self.target.get_untracked() {
            self.write_target.run(new);
        }
        self.choose.run(kind);
    }

    /// A field of a kind typed: changes the draft and stores what it makes.
    fn change(self, change: &dyn Fn(&mut TargetDraft)) {
        let stored = self.target.get_untracked();
        self.draft.update(|d| {
            d.remember(stored.as_ref());
            change(d);
        });
        self.store(self.shown_kind.get_untracked());
    }

    /// A target typed in words in a target field (「5年間で累計15」, 「80%以上」): the kind and
    /// target the one reader says, as the CSV and a town's table read them (`year`: the target
    /// year typed already). `false` when the words say no target.
    fn typed_words(self, text: &str, year: Option<FiscalYear>) -> bool {
        let (Some(period), Some((kind, typed))) = (
            self.period.get_untracked(),
            self.period.get_untracked().and_then(|p| TargetDraft::read_words(text, year, p)),
        ) else {
            return false;
        };
        let decrease = self.direction.get_untracked() == DesiredDirection::Decrease;
        self.draft.set(typed);
        if let Some(new) =
            typed.target(kind, period, decrease).filter(|new| Some(new) != self.target.get_untracked().as_ref())
        {
            self.write_target.run(Some(new));
        }
        self.choose.run(kind);
        true
    }
}

/// The kind of target and the fields of the kind shown, with hints on what is not stored yet.
#[component]
pub(super) fn TargetFields(ind: Id, sid: Id, index: usize) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let unit = bind::indicator(&ind, |i| i.unit.clone());
    let edit = TargetEdit::new(&ind, &sid, state);
    let (draft, period) = (edit.draft, edit.period);
    let last_year = Memo::new(move |_| period.get().map(|p: PlanPeriod| p.last));

    let target_value = Memo::new(move |_| match edit.target.get() {
        Some(Target::Value { value, .. }) | Some(Target::PerYear { value }) => Some(value),
        _ => None,
    });
    let target_year = Memo::new(move |_| match edit.target.get() {
        Some(Target::Value { year, .. }) => year,
        _ => draft.get().year,
    });
    let on_target_kind = Callback::new(move |v: String| {
        draft.update(|d| d.remember(edit.target.get_untracked().as_ref()));
        edit.store(TargetKind::parse(&v));
    });
    let on_target_value = Callback::new(move |v: Option<f64>| {
        let year = target_year.get_untracked();
        draft.update(|d| (d.value, d.year) = (v, year));
        edit.store(edit.shown_kind.get_untracked());
    });
    let on_target_words = Callback::new(move |text: String| edit.typed_words(&text, target_year.get_untracked()));
    let on_target_year = Callback::new(move |y: Option<FiscalYear>| {
        draft.update(|d| d.year = y);
        if let Some(Target::Value { value, .. }) = edit.target.get_untracked() {
            edit.write_target.run(Some(Target::Value { value, year: y }));
        }
    });
    let target_kind_options = target_kind_options(state);
    let target_kind_value = Signal::derive(move || edit.shown_kind.get().as_str().to_owned());
    let (hint_ind, hint_sid) = (ind.clone(), sid.clone());

    view! {
        <SelectField label=form.label("目標の種類", "Kind of target") options=target_kind_options value=target_kind_value
            on_commit=on_target_kind testid=form.testid("target-kind")/>
        {move || {
            let u = unit.get();
            match edit.shown_kind.get() {
                TargetKind::Value => view! {
                    <NumberField label=form.label("目標値", "Target value") value=target_value on_commit=on_target_value on_words=on_target_words
                        unit=u testid=form.testid("target")/>
                    <YearField label=form.year_label("目標年度", "目標年", "Target year") value=target_year on_commit=on_target_year testid=form.testid("target-year") basis=form.basis/>
                    <p class="hint">{move || match (last_year.get(), form.basis.get()) {
                        (Some(y), YearBasis::Fiscal) => format!("{}{}{}", state.tr("目標年度が空欄のときは計画の最終年度（", "An empty target year means the plan's last year ("), year_text(state, y), state.tr("）です。", ").")),
                        // The plan's last fiscal year is still what is assumed: its value's year.
                        (Some(y), b) => format!("{}{}{}", state.tr("目標年が空欄のときは計画の最終年度の値（", "An empty target year means the value of the plan's last year ("), value_year_text(state, b, y), state.tr("）です。", ").")),
                        (None, _) => state.tr("目標年度が空欄のときは計画の最終年度です。", "An empty target year means the plan's last year.").to_owned(),
                    }}</p>
                }.into_any(),
                TargetKind::PerYear => {
                    let per = format!("{u}{}", state.tr("/年", "/year"));
                    view! {
                        <NumberField label=form.label("毎年の目標値", "Target every year") value=target_value on_commit=on_target_value on_words=on_target_words
                            unit=per testid=form.testid("target")/>
                        <p class="hint">{move || match edit.direction.get() {
                            DesiredDirection::Decrease => state.tr("各年度の実績値が目標値以下なら達成です（例: 0人/年）。", "Met in a year when the actual is at most the target (e.g. 0 people a year)."),
                            _ => state.tr("各年度の実績値が目標値以上なら達成です（例: 2件/年）。", "Met in a year when the actual is at least the target (e.g. 2 a year)."),
                        }}</p>
                    }.into_any()
                }
                TargetKind::Direction => view! {
                    <p class="hint" data-testid=form.testid("target-direction")>{move || match edit.direction.get() {
                        DesiredDirection::Increase => state.tr("↗ 実績値が当初値より増えれば達成です。", "↗ Met when the actual is above the baseline."),
                        DesiredDirection::Decrease => state.tr("↘ 実績値が当初値より減れば達成です。", "↘ Met when the actual is below the baseline."),
                        DesiredDirection::Maintain => state.tr("→ 実績値が当初値を下回らなければ達成です。", "→ Met when the actual does not fall below the baseline."),
                    }}</p>
                }.into_any(),
                TargetKind::Relative => view! {
                    <RelativeTarget ind=ind.clone() sid=sid.clone() index=index edit=edit/>
                }.into_any(),
                TargetKind::Average | TargetKind::Cumulative => {
                    let average = edit.shown_kind.get() == TargetKind::Average;
                    view! {
                        <SpanTarget ind=ind.clone() sid=sid.clone() index=index edit=edit average=average unit=u
                            on_words=on_target_words/>
                    }.into_any()
                }
                TargetKind::Bound => view! {
                    <BoundTarget ind=ind.clone() sid=sid.clone() index=index edit=edit unit=u on_words=on_target_words/>
                }.into_any(),
                TargetKind::None => view! {
                    <p class="hint">{state.text("目標がないため、達成状況は判定しません。", "Without a target, achievement is not assessed.")}</p>
                }.into_any(),
            }
        }}
        <TargetHints ind=hint_ind sid=hint_sid index=index edit=edit/>
    }
}

/// What the target still needs: a value before it is stored, a baseline for a direction only.
#[component]
fn TargetHints(ind: Id, sid: Id, index: usize, edit: TargetEdit) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let baseline = read_series(&ind, &sid, |s| s.baseline.clone());
    let from_vision = read_series(&ind, &sid, |s| s.from_vision);
    let outlook = bind::read(|s| {
        s.population.as_ref().and_then(|v| v.chosen_scenario().map(|c| c.name.clone())).unwrap_or_default()
    });
    view! {
        {move || from_vision.get().map(|link| view! {
            <p class="hint" data-testid=form.testid("target-from-vision")>{crate::words::vision::target_from(&outlook.get(), link, state.lang())}</p>
        })}
        {move || {
            let kind = edit.shown_kind.get();
            let relative_size = kind == TargetKind::Relative && edit.shown_draft.get().change_by != ChangeBy::Hold;
            let waiting = edit.target.get().is_none() && (kind.needs_value() || relative_size);
            waiting.then(|| view! {
                <p class="hint" data-testid=form.testid("target-missing")>{state.tr("目標値を入力するまで、目標は保存されません。", "The target is stored once a value is entered.")}</p>
            })
        }}
        {move || (edit.shown_kind.get() == TargetKind::Direction && baseline.get().is_none()).then(|| view! {
            <p class="hint">{state.tr("方向のみの目標は、当初値がないと判定できません。", "A direction-only target needs a baseline to be assessed.")}</p>
        })}
    }
}

/// A change from the baseline: how it is written (％, points, hold), which way and how much,
/// by which year, and the target value it makes.
#[component]
fn RelativeTarget(ind: Id, sid: Id, index: usize, edit: TargetEdit) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let unit = bind::indicator(&ind, |i| i.unit.clone());
    let shown_draft = edit.shown_draft;
    let derived = read_series(&ind, &sid, |s| s.target_value());
    let on_change_by = Callback::new(move |v: String| edit.change(&|d| d.change_by = ChangeBy::parse(&v)));
    let on_change_way = Callback::new(move |v: String| edit.change(&|d| d.decrease = v == "decrease"));
    let on_change_size = Callback::new(move |v: Option<f64>| edit.change(&|d| d.change = v.map(f64::abs)));
    let on_kind_year = Callback::new(move |y: Option<FiscalYear>| edit.change(&|d| d.year = y));
    let change_by_value = Signal::derive(move || shown_draft.get().change_by.as_str().to_owned());
    let change_way_value =
        Signal::derive(move || if shown_draft.get().decrease { "decrease" } else { "increase" }.to_owned());
    let change_size = Signal::derive(move || shown_draft.get().change);
    let kind_year = Signal::derive(move || shown_draft.get().year);
    let (change_by_options, change_way_options) = (change_by_options(state), change_way_options(state));
    let size_unit = move || match shown_draft.get().change_by {
        ChangeBy::Points => state.tr("ポイント", "points").to_owned(),
        _ => "%".to_owned(),
    };
    view! {
        <SelectField label=form.label("増減の表し方", "How it changes") options=change_by_options value=change_by_value
            on_commit=on_change_by testid=form.testid("target-change-by")/>
        {move || (shown_draft.get().change_by != ChangeBy::Hold).then(|| view! {
            <SelectField label=form.label("向き", "Which way") options=change_way_options value=change_way_value
                on_commit=on_change_way testid=form.testid("target-change-way")/>
            <NumberField label=form.label("増減の大きさ", "Size of the change") value=change_size on_commit=on_change_size
                unit=size_unit() testid=form.testid("target-change")/>
        })}
        <YearField label=form.year_label("目標年度", "目標年", "Target year") value=kind_year on_commit=on_kind_year testid=form.testid("target-year") basis=form.basis/>
        <p class="hint" data-testid=form.testid("target-derived")>{move || match derived.get() {
            Some(v) => format!("{}{}", state.tr("目標値（基準値から算出）→ ", "Target value (from the baseline) → "), locale::quantity(v, &unit.get())),
            None => state.tr("基準値がないため、目標値を算出できません。", "Without a baseline the target value cannot be worked out.").to_owned(),
        }}</p>
    }
}

/// An average or a total over a span of years: the span and the value to reach.
#[component]
fn SpanTarget(
    ind: Id,
    sid: Id,
    index: usize,
    edit: TargetEdit,
    average: bool,
    unit: String,
    on_words: Callback<String, bool>,
) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let (shown_draft, period) = (edit.shown_draft, edit.period);
    let on_kind_value = Callback::new(move |v: Option<f64>| edit.change(&|d| d.value = v));
    let on_from = Callback::new(move |y: Option<FiscalYear>| edit.change(&|d| d.from = y));
    let on_to = Callback::new(move |y: Option<FiscalYear>| edit.change(&|d| d.to = y));
    let kind_value = Signal::derive(move || shown_draft.get().value);
    let from_year = Signal::derive(move || shown_draft.get().from.or(period.get().map(|p| p.first)));
    let to_year = Signal::derive(move || shown_draft.get().to.or(period.get().map(|p| p.last)));
    let (u, on_target_words) = (unit, on_words);
    let label = if average {
        form.label("期間の平均の目標値", "Average to reach")
    } else {
        form.label("期間の累計の目標値", "Total to reach")
    };
    view! {
        <YearField label=form.year_label("期間の初年度", "期間の最初の年", "First year of the span") value=from_year on_commit=on_from testid=form.testid("target-from") basis=form.basis/>
        <YearField label=form.year_label("期間の最終年度", "期間の最後の年", "Last year of the span") value=to_year on_commit=on_to testid=form.testid("target-to") basis=form.basis/>
        <NumberField label=label value=kind_value on_commit=on_kind_value on_words=on_target_words unit=u testid=form.testid("target")/>
        <p class="hint">{move || if average {
            state.tr("期間内の実績値の平均と比べます。期間が空欄のときは計画期間です。", "Compared with the mean of the span's actuals. An empty span is the plan period.")
        } else {
            state.tr("期間内の実績値の合計と比べ、経過した年数の割合まで達していれば順調です（「5年間で」は計画期間の5年間）。", "Compared with the sum of the span's actuals; on track when it reaches the share of the span passed (“in 5 years”: the plan period).")
        }}</p>
    }
}

/// A bound (80%以上): its value and side, whether it is written as 維持, and an optional year.
#[component]
fn BoundTarget(
    ind: Id,
    sid: Id,
    index: usize,
    edit: TargetEdit,
    unit: String,
    on_words: Callback<String, bool>,
) -> impl IntoView {
    let state = use_edits();
    let form = SeriesForm::new(&ind, &sid, index);
    let (shown_draft, direction) = (edit.shown_draft, edit.direction);
    let on_kind_value = Callback::new(move |v: Option<f64>| edit.change(&|d| d.value = v));
    let on_kind_year = Callback::new(move |y: Option<FiscalYear>| edit.change(&|d| d.year = y));
    let on_side = Callback::new(move |v: String| {
        let side = if v == "at_most" { BoundSide::AtMost } else { BoundSide::AtLeast };
        edit.change(&|d| d.side = Some(side))
    });
    let on_hold = Callback::new(move |v: bool| edit.change(&|d| d.hold = v));
    let kind_value = Signal::derive(move || shown_draft.get().value);
    let kind_year = Signal::derive(move || shown_draft.get().year);
    let side_value = Signal::derive(move || {
        let default =
            if direction.get() == DesiredDirection::Decrease { BoundSide::AtMost } else { BoundSide::AtLeast };
        match shown_draft.get().side.unwrap_or(default) {
            BoundSide::AtLeast => "at_least".to_owned(),
            BoundSide::AtMost => "at_most".to_owned(),
        }
    });
    let hold_checked = Signal::derive(move || shown_draft.get().hold);
    let side_options = side_options(state);
    let (u, on_target_words) = (unit, on_words);
    view! {
        <NumberField label=form.label("境界の値", "Bound") value=kind_value on_commit=on_kind_value on_words=on_target_words unit=u testid=form.testid("target")/>
        <SelectField label=form.label("以上・以下", "Side") options=side_options value=side_value
            on_commit=on_side testid=form.testid("target-side")/>
        <CheckField label=form.label("「維持（…以上）」と書く", "Written as “maintain (…)”") checked=hold_checked
            on_commit=on_hold testid=form.testid("target-hold")/>
        <YearField label=form.year_label("目標年度（任意）", "目標年（任意）", "Target year (optional)") value=kind_year on_commit=on_kind_year testid=form.testid("target-year") basis=form.basis/>
        <p class="hint">{state.text("その年度の実績値が境界を満たせば、当初値にかかわらず達成です。", "Met in a year when the actual keeps the bound, whatever the baseline.")}</p>
    }
}

/// The kinds of target, in the select's order.
fn target_kind_options(state: Edits) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
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
    })
}

/// How a change from the baseline is written.
fn change_by_options(state: Edits) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        vec![
            (ChangeBy::Percent.as_str().to_owned(), state.tr("基準値の％", "% of the baseline").to_owned()),
            (ChangeBy::Points.as_str().to_owned(), state.tr("ポイント", "Points").to_owned()),
            (ChangeBy::Hold.as_str().to_owned(), state.tr("現状維持", "Hold the baseline").to_owned()),
        ]
    })
}

/// Which way a change from the baseline goes.
fn change_way_options(state: Edits) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        vec![
            ("increase".to_owned(), state.tr("増加・上昇", "Up").to_owned()),
            ("decrease".to_owned(), state.tr("減少・低下", "Down").to_owned()),
        ]
    })
}

/// The sides of a bound.
fn side_options(state: Edits) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        vec![
            ("at_least".to_owned(), state.tr("以上", "At least").to_owned()),
            ("at_most".to_owned(), state.tr("以下", "At most").to_owned()),
        ]
    })
}
