//! A measure's yearly tables in its form: 予算額 / 決算額 計 per fiscal year (computed from its
//! initiatives) and its evaluation (施策評価) for each fiscal year.

use super::*;
use crate::ui::speech::Speaks;

/// 予算額 / 決算額 計 per fiscal year: computed from the initiatives, never typed.
#[component]
pub(super) fn Totals(id: Id) -> impl IntoView {
    let state = use_edits();
    // (year, budget, settled); None when no initiative has a value for that year.
    let rows = bind::read(move |s| {
        let Some((_, m)) = find(s, &id) else { return Vec::new() };
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

/// The evaluation (施策評価) of one fiscal year at a time.
#[component]
pub(super) fn Evaluations(id: Id) -> impl IntoView {
    let state = use_edits();
    let evaluated =
        bind::measure(&id, |m| m.evaluations.iter().map(|e| (e.fiscal_year, e.rating.clone())).collect::<Vec<_>>());
    let period = bind::read(|s| Some(s.period));
    let years = Memo::new(move |_| {
        let evaluated_years = evaluated.with(|e| e.iter().map(|(y, _)| *y).collect::<Vec<_>>());
        period.get().map(|p| p.with(evaluated_years)).unwrap_or_default()
    });
    // Starts on the latest evaluated year, else the plan's first year.
    let year = RwSignal::new(
        evaluated
            .with_untracked(|e| e.iter().map(|(y, _)| *y).max())
            .or_else(|| period.get_untracked().map(|p| p.first)),
    );
    let has = Memo::new(move |_| year.get().is_some_and(|y| evaluated.with(|e| e.iter().any(|(x, _)| *x == y))));

    let add = {
        let id = id.clone();
        move |_| {
            let Some(y) = year.get_untracked() else { return };
            state.edit(|s| {
                if let Some(m) = s.measure_mut(&id) {
                    if m.evaluation(y).is_none() {
                        m.evaluations.push(Evaluation::new(y));
                        crate::sorting::by_key(&mut m.evaluations, |e| e.fiscal_year);
                    }
                }
            });
        }
    };

    view! {
        <section class="panel" data-testid="measure-evaluations">
            <h2>{state.text("施策評価", "Evaluation")}</h2>
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
                            let mark = match evaluated.iter().find(|(x, _)| *x == y) {
                                Some((_, Some(r))) => format!("（{}: {r}）", state.tr("評価", "rating")),
                                Some((_, None)) => state.tr("（記入あり）", " (started)").to_owned(),
                                None => String::new(),
                            };
                            view! { <option value=y.0.to_string() selected=current == Some(y)>{format!("{}{mark}", year_label(state, y))}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            {move || match (year.get(), has.get()) {
                (None, _) => view! {
                    <p class="empty">{state.tr("計画期間が設定されていません。", "The plan period is not set.")}</p>
                }.into_any(),
                (Some(y), true) => view! { <EvaluationFields id=id.clone() year=y/> }.into_any(),
                (Some(y), false) => view! {
                    <p class="empty">{format!("{}{}", year_label(state, y), state.tr("の評価はまだありません。", ": no evaluation yet."))}</p>
                    <button type="button" class="primary" data-testid="add-evaluation" on:click=add.clone()>
                        {state.tr("この年度の評価を追加", "Add an evaluation for this year")}
                    </button>
                }.into_any(),
            }}
        </section>
    }
}

type ReadText = fn(&Evaluation) -> String;
type WriteText = fn(&mut Evaluation, String);

#[component]
fn EvaluationFields(id: Id, year: FiscalYear) -> impl IntoView {
    let state = use_edits();
    let y = year;
    let read = |get: ReadText| bind::measure(&id, move |m| m.evaluation(y).map(get).unwrap_or_default());
    let write = |set: WriteText| {
        bind::write_measure(&id, move |m, v: String| {
            if let Some(e) = m.evaluations.iter_mut().find(|e| e.fiscal_year == y) {
                set(e, v)
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
    let evaluator = bind::measure(&id, move |m| {
        match m.evaluation(y).map(|e| e.evaluator).unwrap_or_default() {
            Evaluator::Internal => "internal",
            Evaluator::External => "external",
        }
        .to_owned()
    });
    let evaluator_options = Signal::derive(move || {
        vec![
            ("internal".to_owned(), state.tr("内部評価（庁内）", "Internal (town office)").to_owned()),
            ("external".to_owned(), state.tr("外部評価（有識者会議など）", "External (review committee)").to_owned()),
        ]
    });
    let remove = {
        let id = id.clone();
        move |_| {
            state.edit(|s| {
                if let Some(m) = s.measure_mut(&id) {
                    m.evaluations.retain(|e| e.fiscal_year != y);
                }
            })
        }
    };

    view! {
        <div class="form-grid" data-testid="evaluation">
            <SelectField label=bind::label(state, "評価", "Rating") options=rating_options value=rating
                on_commit=write(|e, v| e.rating = (!v.is_empty()).then_some(v)) testid="evaluation-rating"/>
            <SelectField label=bind::label(state, "評価者", "Evaluated by") options=evaluator_options value=evaluator
                on_commit=bind::write_measure(&id, move |m, v: String| {
                    if let Some(e) = m.evaluations.iter_mut().find(|e| e.fiscal_year == y) {
                        e.evaluator = if v == "external" { Evaluator::External } else { Evaluator::Internal };
                    }
                })
                testid="evaluation-evaluator"/>
            {text("成果", "Outcomes", |e| e.outcomes.clone(), |e, v| e.outcomes = v, "evaluation-outcomes")}
            {text("課題", "Issues", |e| e.issues.clone(), |e, v| e.issues = v, "evaluation-issues")}
            {text("事業の改善点及び方向性", "Improvements and direction", |e| e.improvements.clone(), |e, v| e.improvements = v, "evaluation-improvements")}
            {text("次年度の実施計画（施策の概要）", "Next year's plan", |e| e.next_plan.clone(), |e, v| e.next_plan = v, "evaluation-next-plan")}
            {text("補足", "Notes", |e| e.notes.clone(), |e, v| e.notes = v, "evaluation-notes")}
        </div>
        <div class="row-actions">
            <button type="button" class="danger" data-testid="delete-evaluation" on:click=remove>
                {move || format!("{}{}", year_label(state, y), state.tr("の評価を削除", ": delete this evaluation"))}
            </button>
        </div>
    }
}
