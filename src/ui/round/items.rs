//! One item of the round with its fields, written straight into the strategy (each commit one
//! edit, saved by the autosave): a KPI's actual per breakdown, its 要因分析; an initiative's
//! 決算額 and 事業実績, next year's 予算額 and 方向性; a measure's 一次評価 with last year's 改善点
//! beside this year's. The editor's IME-safe fields (`editor::fields`).

use crate::model::round::{ItemKind, Subject};
use crate::model::{EvaluationStage, FiscalYear, Id, ProjectDirection, Strategy};
use crate::ui::kit::fields::{NumberField, NumberKind, SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use crate::words;
use leptos::either::{Either, EitherOf5};
use leptos::prelude::*;

/// Reads the open strategy.
fn read<T: Default>(state: Edits, f: impl Fn(&Strategy) -> Option<T>) -> T {
    state.open.with(|o| o.as_ref().and_then(f)).unwrap_or_default()
}

#[component]
/// `folded`: shown behind its title (a `<details>`), open when it is not filled yet; `None` shows
/// the fields as they are.
pub(super) fn ItemRow(kind: ItemKind, id: Id, year: FiscalYear, folded: Option<bool>) -> impl IntoView {
    let state = use_edits();
    let id_title = id.clone();
    let title = move || {
        read(state, |s| {
            let subject = match kind {
                ItemKind::Actual | ItemKind::Cause => Subject::Indicator(s.indicator(&id_title)?),
                ItemKind::Result | ItemKind::NextBudget => Subject::Initiative(s.initiative(&id_title)?),
                ItemKind::FirstEvaluation => Subject::Measure(s.measures().map(|(_, m)| m).find(|m| m.id == id_title)?),
            };
            Some(words::round::subject(subject, state.lang()))
        })
    };
    let fields = match kind {
        ItemKind::Actual => EitherOf5::A(actual(state, id.clone(), year)),
        ItemKind::Cause => EitherOf5::B(cause(state, id.clone(), year)),
        ItemKind::Result => EitherOf5::C(result(state, id.clone(), year)),
        ItemKind::NextBudget => EitherOf5::D(budget(state, id.clone(), FiscalYear(year.0 + 1))),
        ItemKind::FirstEvaluation => EitherOf5::E(evaluation(state, id.clone(), year)),
    };
    let heading = move || view! { {title.clone()}<span class="meta">" ・ "{move || words::round::item_kind(kind, state.lang())}</span> };
    match folded {
        None => Either::Left(view! {
            <li class="panel" data-testid="round-item" data-kind=format!("{kind:?}")>
                <h3>{heading()}</h3>
                {fields}
            </li>
        }),
        Some(filled) => Either::Right(view! {
            <li class="panel" data-testid="round-item" data-kind=format!("{kind:?}")>
                <details open=!filled data-testid="round-item-fold">
                    <summary><h3>{heading()}</h3></summary>
                    {fields}
                </details>
            </li>
        }),
    }
}

/// A KPI's actual of the year, one field per breakdown.
fn actual(state: Edits, id: Id, year: FiscalYear) -> impl IntoView {
    let id_read = id.clone();
    let series = read(state, |s| {
        Some(s.indicator(&id_read)?.series.iter().map(|x| (x.id.clone(), x.label.clone())).collect::<Vec<_>>())
    });
    let unit = read(state, |s| Some(s.indicator(&id)?.unit.clone()));
    series
        .into_iter()
        .enumerate()
        .map(|(at, (series, label))| {
            let (id_read, id_write) = (id.clone(), id.clone());
            let value = Signal::derive(move || {
                read(state, |s| Some(s.indicator(&id_read)?.series.get(at)?.actual(year).map(|a| a.value)))
            });
            let commit = Callback::new(move |v: Option<f64>| {
                state.edit(|s| {
                    if let Some(x) =
                        s.indicator_mut(&id_write).and_then(|i| i.series.iter_mut().find(|x| x.id == series))
                    {
                        x.set_actual(year, v);
                    }
                })
            });
            let label = Signal::derive(move || {
                let y = crate::locale::year(year, state.lang(), state.year_style());
                format!("{y} {}{label}", state.tr("実績値 ", "actual "))
            });
            view! { <NumberField label=label value=value on_commit=commit unit=unit.clone() testid="round-actual"/> }
        })
        .collect_view()
}

/// A KPI's 要因分析 of the year.
fn cause(state: Edits, id: Id, year: FiscalYear) -> impl IntoView {
    let id_read = id.clone();
    let value = Signal::derive(move || read(state, |s| Some(s.indicator(&id_read)?.analysis(year)?.to_owned())));
    let commit = Callback::new(move |text: String| {
        state.edit(|s| {
            if let Some(i) = s.indicator_mut(&id) {
                i.set_analysis(year, &text);
            }
        })
    });
    let label = Signal::derive(move || {
        state
            .tr("要因分析（目標の道筋に届かなかった理由と対策）", "Cause (why it misses its path, and what is done)")
            .to_owned()
    });
    view! { <TextField label=label value=value on_commit=commit multiline=true testid="round-cause"/> }
}

/// An initiative's 決算額 and 事業実績 of the year.
fn result(state: Edits, id: Id, year: FiscalYear) -> impl IntoView {
    let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id);
    let settled =
        Signal::derive(move || read(state, |s| Some(s.initiative(&a)?.year(year)?.settled.map(|v| v as f64))));
    let text = Signal::derive(move || read(state, |s| Some(s.initiative(&b)?.year(year)?.result.clone())));
    let set_settled = Callback::new(move |v: Option<f64>| {
        state.edit(|s| {
            s.initiative_mut(&c).into_iter().for_each(|i| i.edit_year(year, |y| y.settled = v.map(|v| v as i64)))
        })
    });
    let set_text = Callback::new(move |t: String| {
        state.edit(|s| s.initiative_mut(&d).into_iter().for_each(|i| i.edit_year(year, |y| y.result = t.clone())))
    });
    view! {
        <div class="form-grid">
            <NumberField label=Signal::derive(move || state.tr("決算額", "Settled cost").to_owned()) value=settled on_commit=set_settled
                kind=NumberKind::Money unit=state.tr("千円", "thousand yen") testid="round-settled"/>
            <TextField label=Signal::derive(move || state.tr("事業実績", "Result").to_owned()) value=text on_commit=set_text multiline=true testid="round-result"/>
        </div>
    }
}

/// An initiative's 予算額 and 方向性 of `next`.
fn budget(state: Edits, id: Id, next: FiscalYear) -> impl IntoView {
    let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id);
    let amount = Signal::derive(move || read(state, |s| Some(s.initiative(&a)?.year(next)?.budget.map(|v| v as f64))));
    let direction =
        Signal::derive(move || read(state, |s| Some(s.initiative(&b)?.year(next)?.direction?.japanese().to_owned())));
    let set_amount = Callback::new(move |v: Option<f64>| {
        state.edit(|s| {
            s.initiative_mut(&c).into_iter().for_each(|i| i.edit_year(next, |y| y.budget = v.map(|v| v as i64)))
        })
    });
    let set_direction = Callback::new(move |v: String| {
        let d2 = ProjectDirection::from_japanese(&v);
        state.edit(|s| s.initiative_mut(&d).into_iter().for_each(|i| i.edit_year(next, |y| y.direction = d2)))
    });
    let options = Signal::derive(move || {
        let mut o = vec![(String::new(), state.tr("（未選択）", "(not chosen)").to_owned())];
        o.extend(ProjectDirection::ALL.iter().map(|d| (d.japanese().to_owned(), d.japanese().to_owned())));
        o
    });
    let y = move || crate::locale::year(next, state.lang(), state.year_style());
    view! {
        <div class="form-grid">
            <NumberField label=Signal::derive(move || format!("{} {}", y(), state.tr("予算額", "budget"))) value=amount on_commit=set_amount
                kind=NumberKind::Money unit=state.tr("千円", "thousand yen") testid="round-budget"/>
            <SelectField label=Signal::derive(move || format!("{} {}", y(), state.tr("方向性", "direction"))) options=options value=direction
                on_commit=set_direction testid="round-direction"/>
        </div>
    }
}

/// A measure's 一次評価 of the year: its rating and 改善点, last year's 改善点 beside.
fn evaluation(state: Edits, id: Id, year: FiscalYear) -> impl IntoView {
    let (a, b, c, d, e) = (id.clone(), id.clone(), id.clone(), id.clone(), id);
    let first = EvaluationStage::First;
    let rating = Signal::derive(move || {
        read(state, |s| s.measures().find(|(_, m)| m.id == a)?.1.evaluation(year, first)?.rating.clone())
    });
    let improvements = Signal::derive(move || {
        read(state, |s| Some(s.measures().find(|(_, m)| m.id == b)?.1.evaluation(year, first)?.improvements.clone()))
    });
    let before = move || {
        read(state, |s| {
            let m = s.measures().find(|(_, m)| m.id == e)?.1;
            Some(m.evaluation(FiscalYear(year.0 - 1), first)?.improvements.clone())
        })
    };
    let set_rating = Callback::new(move |v: String| {
        let v = Some(v).filter(|v| !v.is_empty());
        state.edit(|s| {
            s.measure_mut(&c).into_iter().for_each(|m| m.edit_evaluation(year, first, |x| x.rating = v.clone()))
        })
    });
    let set_improvements = Callback::new(move |t: String| {
        state.edit(|s| {
            s.measure_mut(&d).into_iter().for_each(|m| m.edit_evaluation(year, first, |x| x.improvements = t.clone()))
        })
    });
    let options = Signal::derive(move || {
        let mut o = vec![(String::new(), state.tr("（未評価）", "(not rated)").to_owned())];
        o.extend(read(state, |s| {
            Some(s.rating_rule.labels().into_iter().map(|l| (l.to_owned(), l.to_owned())).collect::<Vec<_>>())
        }));
        o
    });
    view! {
        <div class="form-grid">
            <SelectField label=Signal::derive(move || state.tr("一次評価", "First evaluation").to_owned()) options=options value=rating
                on_commit=set_rating testid="round-rating"/>
            <div class="field" data-testid="round-improvements-before">
                <span class="meta">{state.text("前年度の改善点", "Last year's improvements")}</span>
                <p class="prose">{move || Some(before()).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| state.tr("（なし）", "(none)").to_owned())}</p>
            </div>
            <TextField label=Signal::derive(move || state.tr("今年度の改善点及び方向性", "This year's improvements").to_owned())
                value=improvements on_commit=set_improvements multiline=true testid="round-improvements"/>
        </div>
    }
}
