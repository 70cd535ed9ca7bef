//! A measure's evaluations (施策評価) in its form: one fiscal year and one stage at a time —
//! 一次評価 (the section's own), 二次評価 (the planning section's or an internal body's) and
//! 外部評価 (the committee's opinion), each with who wrote it and when (`model::measure`).

use crate::model::EvaluationStage;
use crate::model::{Evaluation, FiscalYear, Id};
use crate::ui::edit::common::year_label;
use crate::ui::kit::bind;
use crate::ui::kit::fields::{SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// The stage's words in the user's language.
fn stage_words(state: impl Speaks, stage: EvaluationStage) -> String {
    state.tr(stage.japanese(), stage.english()).to_owned()
}

/// The evaluation of one fiscal year and stage at a time.
#[component]
pub(super) fn Evaluations(id: Id) -> impl IntoView {
    let state = use_edits();
    // (year, stage, rating) of every evaluation the measure holds.
    let evaluated = bind::measure(&id, |m| {
        m.evaluations.iter().map(|e| (e.fiscal_year, e.stage, e.rating.clone())).collect::<Vec<_>>()
    });
    let period = bind::read(|s| Some(s.period));
    let years = Memo::new(move |_| {
        let evaluated_years = evaluated.with(|e| e.iter().map(|(y, _, _)| *y).collect::<Vec<_>>());
        period.get().map(|p| p.with(evaluated_years)).unwrap_or_default()
    });
    // Starts on the latest evaluated year, else the plan's first year; on the 一次評価.
    let year = RwSignal::new(
        evaluated
            .with_untracked(|e| e.iter().map(|(y, _, _)| *y).max())
            .or_else(|| period.get_untracked().map(|p| p.first)),
    );
    let stage = RwSignal::new(EvaluationStage::First);
    let has = Memo::new(move |_| {
        let (y, st) = (year.get(), stage.get());
        y.is_some_and(|y| evaluated.with(|e| e.iter().any(|(x, s, _)| *x == y && *s == st)))
    });

    let add = {
        let id = id.clone();
        move |_| {
            let Some(y) = year.get_untracked() else { return };
            let st = stage.get_untracked();
            state.edit(|s| {
                if let Some(m) = s.measure_mut(&id) {
                    m.edit_evaluation(y, st, |_| {});
                }
            });
        }
    };
    let stage_options = move || {
        let (y, current) = (year.get(), stage.get());
        let evaluated = evaluated.get();
        EvaluationStage::ALL
            .into_iter()
            .map(|st| {
                let mark = match evaluated.iter().find(|(x, s, _)| Some(*x) == y && *s == st) {
                    Some((_, _, Some(r))) => format!("（{}: {r}）", state.tr("評価", "rating")),
                    Some((_, _, None)) => state.tr("（記入あり）", " (started)").to_owned(),
                    None => String::new(),
                };
                view! { <option value=st.as_str() selected=current == st>{format!("{}{mark}", stage_words(state, st))}</option> }
            })
            .collect_view()
    };

    view! {
        <section class="panel" data-testid="measure-evaluations">
            <h2>{state.text("施策評価", "Evaluation")}</h2>
            <p class="lead">{state.text(
                "年度ごとに、担当課の一次評価、企画課・推進本部などの二次評価、外部評価（委員会の意見）を分けて記録します。",
                "Each year's evaluation in three stages, kept apart: the section's own (first), the planning section's or an internal body's (second), and the external committee's opinion.")}</p>
            <div class="form-grid">
                <div class="field">
                    <label for="evaluation-year">{state.text("評価する年度", "Fiscal year evaluated")}</label>
                    <select id="evaluation-year" data-testid="evaluation-year"
                        prop:value=move || year.get().map(|y| y.0.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            year.set(v.parse::<i32>().ok().map(FiscalYear));
                        }>
                        {move || {
                            let current = year.get();
                            let evaluated = evaluated.get();
                            years.get().into_iter().map(|y| {
                                let stages = evaluated.iter().filter(|(x, _, _)| *x == y).count();
                                let mark = if stages > 0 { format!("（{stages}{}）", state.tr("段階", " stages")) } else { String::new() };
                                view! { <option value=y.0.to_string() selected=current == Some(y)>{format!("{}{mark}", year_label(state, y))}</option> }
                            }).collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="evaluation-stage">{state.text("評価の段階", "Stage")}</label>
                    <select id="evaluation-stage" data-testid="evaluation-stage"
                        prop:value=move || stage.get().as_str()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(st) = EvaluationStage::ALL.into_iter().find(|s| s.as_str() == v) {
                                stage.set(st);
                            }
                        }>
                        {stage_options}
                    </select>
                </div>
            </div>
            {move || match (year.get(), has.get()) {
                (None, _) => view! {
                    <p class="empty">{state.tr("計画期間が設定されていません。", "The plan period is not set.")}</p>
                }.into_any(),
                (Some(y), true) => view! { <EvaluationFields id=id.clone() year=y stage=stage.get()/> }.into_any(),
                (Some(y), false) => view! {
                    <p class="empty">{format!("{} {}{}", year_label(state, y), stage_words(state, stage.get()), state.tr("はまだありません。", ": none yet."))}</p>
                    <button type="button" class="primary" data-testid="add-evaluation" on:click=add.clone()>
                        {format!("{}{}", stage_words(state, stage.get()), state.tr("を追加", ": add"))}
                    </button>
                }.into_any(),
            }}
        </section>
    }
}

type ReadText = fn(&Evaluation) -> String;
type WriteText = fn(&mut Evaluation, String);

#[component]
fn EvaluationFields(id: Id, year: FiscalYear, stage: EvaluationStage) -> impl IntoView {
    let state = use_edits();
    let y = year;
    let read = |get: ReadText| bind::measure(&id, move |m| m.evaluation(y, stage).map(get).unwrap_or_default());
    let write = |set: WriteText| {
        bind::write_measure(&id, move |m, v: String| {
            if m.evaluation(y, stage).is_some() {
                m.edit_evaluation(y, stage, |e| set(e, v));
            }
        })
    };
    let text = move |ja: &'static str, en: &'static str, get: ReadText, set: WriteText, testid: &'static str| {
        view! {
            <TextField label=bind::label(state, ja, en) multiline=true value=read(get) on_commit=write(set) testid=testid/>
        }
    };

    let rating = read(|e| e.rating.clone().unwrap_or_default());
    let labels = bind::read(|s| s.rating_rule.labels().into_iter().map(str::to_owned).collect::<Vec<_>>());
    let rating_options = Signal::derive(move || {
        let mut o = vec![(String::new(), state.tr("未評価", "Not rated").to_owned())];
        o.extend(labels.get().into_iter().map(|l| (l.clone(), l)));
        // A rating the rule no longer has stays visible (validation reports it).
        let current = rating.get();
        if !current.is_empty() && !o.iter().any(|(v, _)| v == &current) {
            o.push((
                current.clone(),
                format!("{current} {}", state.tr("（評価基準にない）", "(not in the rating rule)")),
            ));
        }
        o
    });
    let remove = {
        let id = id.clone();
        move |_| {
            state.edit(|s| {
                if let Some(m) = s.measure_mut(&id) {
                    m.remove_evaluation(y, stage);
                }
            })
        }
    };
    let (outcomes_ja, outcomes_en) = match stage {
        EvaluationStage::External => ("意見", "Opinion"),
        _ => ("成果", "Outcomes"),
    };

    view! {
        <div class="form-grid" data-testid="evaluation">
            <SelectField label=bind::label(state, "評価", "Rating") options=rating_options value=rating
                on_commit=write(|e, v| e.rating = (!v.is_empty()).then_some(v)) testid="evaluation-rating"/>
            <TextField label=bind::label(state, "評価者", "Evaluated by") value=read(|e| e.by.clone())
                on_commit=write(|e, v| e.by = v.trim().to_owned()) testid="evaluation-by"
                placeholder=state.tr("例: 子育て支援課、推進本部、外部評価委員会", "e.g. the section, 推進本部, the committee")/>
            <TextField label=bind::label(state, "評価日（YYYY-MM-DD）", "Date (YYYY-MM-DD)") value=read(|e| e.date.clone().unwrap_or_default())
                on_commit=write(|e, v| e.date = Some(crate::model::half_width(v.trim())).filter(|d| !d.is_empty())) testid="evaluation-date"/>
            {text(outcomes_ja, outcomes_en, |e| e.outcomes.clone(), |e, v| e.outcomes = v, "evaluation-outcomes")}
            {text("課題", "Issues", |e| e.issues.clone(), |e, v| e.issues = v, "evaluation-issues")}
            {text("事業の改善点及び方向性", "Improvements and direction", |e| e.improvements.clone(), |e, v| e.improvements = v, "evaluation-improvements")}
            {text("次年度の実施計画（施策の概要）", "Next year's plan", |e| e.next_plan.clone(), |e, v| e.next_plan = v, "evaluation-next-plan")}
            {text("補足", "Notes", |e| e.notes.clone(), |e, v| e.notes = v, "evaluation-notes")}
        </div>
        <div class="row-actions">
            <button type="button" class="danger" data-testid="delete-evaluation" on:click=remove>
                {move || format!("{} {}{}", year_label(state, y), stage_words(state, stage), state.tr("を削除", ": delete"))}
            </button>
        </div>
    }
}
