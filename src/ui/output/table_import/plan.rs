//! The plan of a town's table before anything changes: the counts, the new indicators (code,
//! name, unit, where they go), the rows matched to indicators the strategy has (and how), the
//! rows several indicators could be (each with a choice that plans again), then the values by
//! the CSV import's own preview tables (what changes, what is refused with its row and column
//! letter), and 「取り込む」 / 「やめる」.

use super::mapping::place_name;
use crate::format::table::{Placement, Resolution, TablePlan};
use crate::locale::{tr, Language, YearStyle};
use crate::model::{Id, Strategy};
use crate::session::csv_import::CsvPreview;
use crate::session::table_import::TableDraft;
use crate::ui::kit::panel::column_heads;
use crate::ui::output::value_tables::ValueTables;
use crate::words;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
#[allow(clippy::too_many_arguments)] // reason: a component's props
pub(super) fn PlanView(
    p: Arc<TablePlan>,
    /// The open strategy the plan was made against.
    s: crate::model::Strategy,
    /// The source as the heading names it.
    source: String,
    lang: Language,
    style: YearStyle,
    all: bool,
    show_all: RwSignal<bool>,
    draft: RwSignal<Option<TableDraft>>,
    apply: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H3>::new();
    // Shared by the parts below, not copied for each.
    let s = Arc::new(s);
    let values = Arc::new(CsvPreview {
        file: source.clone(),
        text: String::new(),
        plan: p.values.clone(),
        letters: p.letters.clone(),
        replanned: false,
    });
    let has_changes = !p.new_indicators.is_empty()
        || !p.new_measures.is_empty()
        || !p.values.changes.is_empty()
        || !p.values.texts.is_empty();
    let sheet = (!p.sheet.is_empty()).then(|| words::table_import::sheet(&p.sheet, lang));
    view! {
        <section class="csv-preview" data-testid="table-preview" aria-labelledby="table-preview-title">
            <h3 id="table-preview-title" tabindex="-1" node_ref=heading>
                {tr(lang, "取り込む前の確認", "Check before importing")}" "<span class="meta">{source}" "{sheet}</span>
            </h3>
            <PlanFacts p=p.clone() lang=lang/>
            <NewIndicators p=p.clone() s=s.clone() lang=lang/>
            <NewMeasures p=p.clone() s=s.clone() lang=lang/>
            <MatchedRows p=p.clone() s=s.clone() lang=lang/>
            <AmbiguousRows p=p.clone() s=s.clone() draft=draft lang=lang/>
            <ValueTables p=values lang=lang style=style all=all show_all=show_all/>
            <div class="actions">
                <button type="button" class="primary" data-testid="table-apply" disabled=!has_changes on:click=move |_| apply.run(())>
                    {tr(lang, "取り込む", "Import")}
                </button>
                <button type="button" data-testid="table-cancel" on:click=move |_| cancel.run(())>{tr(lang, "やめる", "Cancel")}</button>
                {has_changes.then(|| view! {
                    <span class="hint">{tr(lang, "取り込んだ後も「元に戻す」でまとめて戻せます。", "Undo takes the whole import back afterwards.")}</span>
                })}
            </div>
        </section>
    }
}

/// The counts: new indicators and measures, rows found, rows to choose for, values that change,
/// rows and cells refused, rows not read.
#[component]
fn PlanFacts(p: Arc<TablePlan>, lang: Language) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>{tr(lang, "新しい指標", "New indicators")}</dt>
            <dd data-testid="table-new-count" class="strong">{words::preview_count(p.new_indicators.len(), lang)}</dd>
            {(!p.new_measures.is_empty()).then(|| view! {
                <dt>{tr(lang, "新しい施策", "New measures")}</dt>
                <dd data-testid="table-new-measure-count" class="strong">{words::preview_count(p.new_measures.len(), lang)}</dd>
            })}
            <dt>{tr(lang, "見つかった指標", "Indicators found")}</dt>
            <dd data-testid="table-matched-count">{words::preview_count(p.matched.len(), lang)}</dd>
            <dt>{tr(lang, "どの指標か選ぶ行", "Rows to choose for")}</dt>
            <dd data-testid="table-ambiguous-count" class:warn=!p.ambiguous.is_empty()>{words::preview_count(p.ambiguous.len(), lang)}</dd>
            <dt>{tr(lang, "変わる値", "Values that change")}</dt>
            <dd data-testid="csv-change-count" class="strong">{words::preview_count(p.values.changes.len(), lang)}</dd>
            <dt>{tr(lang, "取り込めない行・セル", "Rows and cells refused")}</dt>
            <dd data-testid="csv-refused-count" class:warn=!p.values.refused.is_empty()>{words::preview_count(p.values.refused.len(), lang)}</dd>
            {(!p.skipped.is_empty()).then(|| view! {
                <dt>{tr(lang, "読まなかった行", "Rows not read")}</dt>
                <dd data-testid="table-skipped">{p.skipped.iter().map(|(row, why)| words::table_import::skipped_row(*row, *why, lang)).collect::<Vec<_>>().join(tr(lang, "、", ", "))}</dd>
            })}
        </dl>
    }
}

/// The indicators the table creates, each with where it goes.
#[component]
fn NewIndicators(p: Arc<TablePlan>, s: Arc<Strategy>, lang: Language) -> impl IntoView {
    let new_rows = p
        .new_indicators
        .iter()
        .map(|n| {
            // Under a measure this table creates: its number and title, marked new.
            let made = p.new_measures.iter().find(|m| n.under == Placement::Measure(m.measure.id.clone()));
            let under = match made {
                Some(m) => format!(
                    "{} {} {}{}",
                    tr(lang, "施策", "Measure"),
                    m.measure.number,
                    m.measure.title,
                    tr(lang, "（新規）", " (new)")
                ),
                None => place_name(&s, &n.under, lang),
            };
            let unknown = n.unknown_place.as_deref().map(|u| words::table_import::place_not_found(u, lang));
            view! {
                <tr data-testid="table-new">
                    <td class="num">{n.row}</td>
                    <td class="code">{n.indicator.code.clone()}</td>
                    <td>{n.indicator.name.clone()}</td>
                    <td>{n.indicator.unit.clone()}</td>
                    <td>{under}{unknown}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {(!p.new_indicators.is_empty()).then(|| view! {
            <h4>{tr(lang, "新しく作る指標", "Indicators to be created")}</h4>
            <div class="table-wrap">
                <table class="csv-changes" data-testid="table-new-indicators">
                    {column_heads(lang, &[
                        ("行", "Row"),
                        ("指標番号", "Code"),
                        ("指標名", "Name"),
                        ("単位", "Unit"),
                        ("置き場所", "Goes under"),
                    ])}
                    <tbody>{new_rows}</tbody>
                </table>
            </div>
        })}
    }
}

/// The measures the table creates, each under its goal.
#[component]
fn NewMeasures(p: Arc<TablePlan>, s: Arc<Strategy>, lang: Language) -> impl IntoView {
    let measure_rows = p
        .new_measures
        .iter()
        .map(|m| {
            let goal = place_name(&s, &Placement::Goal(m.goal.clone()), lang);
            view! {
                <tr data-testid="table-new-measure">
                    <td class="num">{m.row}</td>
                    <td class="code">{m.measure.number.clone()}</td>
                    <td>{m.measure.title.clone()}</td>
                    <td>{goal}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {(!p.new_measures.is_empty()).then(|| view! {
            <h4>{tr(lang, "新しく作る施策", "Measures to be created")}</h4>
            <div class="table-wrap">
                <table class="csv-changes" data-testid="table-new-measures">
                    {column_heads(lang, &[
                        ("行", "Row"),
                        ("番号", "Number"),
                        ("施策名", "Title"),
                        ("置き場所", "Goes under"),
                    ])}
                    <tbody>{measure_rows}</tbody>
                </table>
            </div>
        })}
    }
}

/// The rows matched to indicators the strategy has, and how each was found.
#[component]
fn MatchedRows(p: Arc<TablePlan>, s: Arc<Strategy>, lang: Language) -> impl IntoView {
    let indicator =
        |id: &Id| s.indicator(id).map(|i| (i.code.clone(), i.name.clone(), i.unit.clone())).unwrap_or_default();
    let matched_rows = p
        .matched
        .iter()
        .map(|m| {
            let (code, name, _) = indicator(&m.indicator);
            view! {
                <tr data-testid="table-matched">
                    <td class="num">{m.row}</td>
                    <td><span class="code">{code}</span>" "{name}</td>
                    <td>{words::matched_by(m.by, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {(!p.matched.is_empty()).then(|| view! {
            <h4>{tr(lang, "この戦略の指標と一致した行", "Rows matched to this strategy's indicators")}</h4>
            <div class="table-wrap">
                <table class="csv-changes" data-testid="table-matched-indicators">
                    {column_heads(lang, &[
                        ("行", "Row"),
                        ("指標", "Indicator"),
                        ("見つけ方", "Found by"),
                    ])}
                    <tbody>{matched_rows}</tbody>
                </table>
            </div>
        })}
    }
}

/// The rows several indicators could be, each with a choice that plans again (through `draft`).
#[component]
fn AmbiguousRows(
    p: Arc<TablePlan>,
    s: Arc<Strategy>,
    draft: RwSignal<Option<TableDraft>>,
    lang: Language,
) -> impl IntoView {
    let indicator =
        |id: &Id| s.indicator(id).map(|i| (i.code.clone(), i.name.clone(), i.unit.clone())).unwrap_or_default();
    let ambiguous_rows = p
        .ambiguous
        .iter()
        .map(|a| {
            let row = a.row;
            let options: Vec<(String, String)> = a
                .candidates
                .iter()
                .map(|id| {
                    let (code, name, unit) = indicator(id);
                    (id.as_str().to_owned(), format!("{code} {name}（{unit}）"))
                })
                .collect();
            let label = words::table_import::indicator_of_row(row, lang);
            view! {
                <tr data-testid="table-ambiguous">
                    <td class="num">{row}</td>
                    <td>{words::table_import::ambiguous(a.by, a.candidates.len(), lang)}</td>
                    <td>
                        <select data-testid="table-ambiguous-choice" aria-label=label style="font: inherit; max-width: 100%;"
                            on:change=move |ev| {
                                let chosen = event_target_value(&ev);
                                let answer = match chosen.as_str() {
                                    "" => None,
                                    "new" => Some(Resolution::New),
                                    id => Some(Resolution::Existing(Id::from(id))),
                                };
                                draft.update(|d| if let Some(d) = d {
                                    match answer {
                                        Some(a) => { d.resolved.insert(row, a); }
                                        None => { d.resolved.remove(&row); }
                                    }
                                });
                            }>
                            <option value="" selected>{tr(lang, "選んでください（選ぶまで取り込みません）", "Choose (not imported until you do)")}</option>
                            {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                            <option value="new">{tr(lang, "新しい指標として", "As a new indicator")}</option>
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {(!p.ambiguous.is_empty()).then(|| view! {
            <h4>{tr(lang, "どの指標か選んでください", "Choose which indicator")}</h4>
            <div class="table-wrap">
                <table class="csv-changes" data-testid="table-ambiguous-rows">
                    {column_heads(lang, &[
                        ("行", "Row"),
                        ("一致", "Matches"),
                        ("指標", "Indicator"),
                    ])}
                    <tbody>{ambiguous_rows}</tbody>
                </table>
            </div>
        })}
    }
}
