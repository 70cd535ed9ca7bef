//! The plan period's life on the strategy form: extending it with a reason (計画期間の延長,
//! kept as a record) and making the next period's strategy with the KPIs it carries
//! (次期へ引き継ぐ, `model::carry`).

use crate::locale;
use crate::model::frames;
use crate::model::{following, next_title, proposed_baseline, FiscalYear, Id, NextPeriod, PlanPeriod};
use crate::ui::browser::files::today;
use crate::ui::kit::bind::{self, label};
use crate::ui::kit::fields::{SelectField, TextField, YearField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_library};
use leptos::prelude::*;
use std::collections::HashSet;

/// 「計画期間を延長する」: the new last year and the reason, one edit; the changes so far listed.
#[component]
pub fn PeriodChanges() -> impl IntoView {
    let state = use_edits();
    let last = RwSignal::new(None::<FiscalYear>);
    let reason = RwSignal::new(String::new());
    let changes = bind::read(|s| s.period_changes.clone());
    let extend = move |_| {
        let Some(to) = last.get_untracked() else { return };
        let why = reason.get_untracked();
        state.edit(|s| {
            s.change_period_end(to, &why, &today());
        });
        last.set(None);
        reason.set(String::new());
    };
    view! {
        <div class="panel" data-testid="period-changes">
            <h2>{state.text("計画期間の延長・変更", "Extending or changing the plan period")}</h2>
            <p class="lead">{state.text(
                "期間を延ばすとき（「計画期間を1年延長」など）は、新しい最後の年度と理由を入れます。変更は記録され、報告書に載ります。",
                "To extend the plan (e.g. by a year), give the new last year and the reason: the change is kept and printed.")}</p>
            <div class="form-grid">
                <YearField label=label(state, "新しい最後の年度", "New last year") value=last testid="period-change-last"
                    on_commit=Callback::new(move |v| last.set(v))/>
                <TextField label=label(state, "理由", "Reason") value=reason testid="period-change-reason"
                    on_commit=Callback::new(move |v| reason.set(v))/>
            </div>
            <div class="actions">
                <button type="button" data-testid="period-change-apply" on:click=extend
                    disabled=move || last.with(Option::is_none) || reason.with(|r| r.trim().is_empty())>
                    {state.text("期間を変更する", "Change the period")}
                </button>
            </div>
            {move || {
                let (lang, style) = (state.lang(), state.year_style());
                let list = changes.get();
                (!list.is_empty()).then(|| view! {
                    <ul data-testid="period-change-list">
                        {list.iter().map(|c| view! { <li>{locale::period_change(c, lang, style)}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}

/// 「次期へ引き継ぐ」: the next strategy's title and period, the indicators to carry (each with
/// the baseline proposed from its last actual); made and opened as a new strategy, this one
/// left as it is.
#[component]
pub fn NextPeriodForm(
    /// Landed on from 策定 (「次期へ引き継ぐ…」): opened at once and scrolled into view.
    #[prop(optional)]
    landed: bool,
) -> impl IntoView {
    let state = use_edits();
    let library = use_library();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let first = RwSignal::new(None::<FiscalYear>);
    let last = RwSignal::new(None::<FiscalYear>);
    let chosen = RwSignal::new(HashSet::<Id>::new());
    // The national frame of the next strategy, by its key ("": this strategy's framework as it
    // is); the newest frame is proposed.
    let frame = RwSignal::new(frames::newest().key.to_owned());
    let start = move |_: ()| {
        state.open.with_untracked(|o| {
            if let Some(s) = o {
                let next = following(s.period);
                title.set(next_title(&s.title));
                first.set(Some(next.first));
                last.set(Some(next.last));
                chosen.set(s.indicators.iter().map(|i| i.id.clone()).collect());
            }
        });
        frame.set(frames::newest().key.to_owned());
        open.set(true);
    };
    let panel = NodeRef::<leptos::html::Div>::new();
    if landed {
        start(());
        super::common::land_on(panel);
    }
    let current_key = move || state.open.with(|o| o.as_ref().and_then(|s| s.national_framework.key.clone()));
    // A frame other than this strategy's: the goals' links to national goals are let go.
    let changes_frame = move || frame.with(|k| !k.is_empty() && current_key().as_deref() != Some(k.as_str()));
    let rows = Memo::new(move |_| {
        let (lang, style) = (state.lang(), state.year_style());
        state
            .open
            .with(|o| {
                o.as_ref().map(|s| {
                    s.indicators
                        .iter()
                        .map(|i| {
                            let proposed = i
                                .series
                                .iter()
                                .filter_map(|se| proposed_baseline(&se.actuals, se.baseline.as_ref()))
                                .map(|b| locale::baseline(&b, &i.unit, lang, style))
                                .collect::<Vec<_>>()
                                .join(" / ");
                            (i.id.clone(), format!("{} {}", i.code, i.name).trim().to_owned(), proposed)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    let make = move |_| {
        let (Some(f), Some(l)) = (first.get_untracked(), last.get_untracked()) else { return };
        if l < f {
            return;
        }
        let Some(current) = state.open.get_untracked() else { return };
        let wanted = chosen.get_untracked();
        let next = NextPeriod {
            title: title.get_untracked(),
            period: PlanPeriod { first: f, last: l },
            indicators: current.indicators.iter().map(|i| i.id.clone()).filter(|id| wanted.contains(id)).collect(),
            frame: frame.with_untracked(|k| frames::by_key(k)),
        };
        open.set(false);
        // Opened, it starts at its top (`ui::state`).
        library.add_and_open(current.next_period(&next));
    };
    view! {
        <div class="panel" data-testid="next-period" node_ref=panel>
            <h2>{state.text("次期へ引き継ぐ", "Into the next period")}</h2>
            <p class="lead">{state.text(
                "次期の総合戦略を、この戦略の目標・施策・事業と選んだ指標から作ります。指標は前期の実績を履歴として持ち、当初値は最後の実績から提案されます。この戦略はそのまま残ります。",
                "Makes the next period's strategy from this one's goals, measures and initiatives and the indicators you choose. Each indicator keeps the last period's actuals as history, its baseline proposed from the last actual. This strategy stays as it is.")}</p>
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" data-testid="next-period-start" on:click=move |_| start(())>{state.text("次期の戦略を準備する…", "Prepare the next strategy…")}</button>
            }>
                <div class="form-grid">
                    <TextField label=label(state, "次期の戦略の名前", "Next strategy's title") value=title testid="next-title"
                        on_commit=Callback::new(move |v| title.set(v))/>
                    <YearField label=label(state, "計画期間（最初の年度）", "Plan period: first year") value=first testid="next-first"
                        on_commit=Callback::new(move |v| first.set(v))/>
                    <YearField label=label(state, "計画期間（最後の年度）", "Plan period: last year") value=last testid="next-last"
                        on_commit=Callback::new(move |v| last.set(v))/>
                </div>
                <SelectField label=label(state, "国の総合戦略の枠組み", "National strategy's frame") options=Signal::derive(move || frame_options(state))
                    value=Signal::derive(move || frame.get()) testid="next-frame"
                    on_commit=Callback::new(move |v| frame.set(v))/>
                <Show when=changes_frame>
                    <p class="hint" data-testid="next-frame-note">{state.text(
                        "次期の戦略は選んだ枠組みの国の目標を持ちます。各目標と国の目標との対応は外れるので、次期の戦略で目標ごとに選び直してください。",
                        "The next strategy holds the chosen frame's national goals. Its goals lose their link to a national goal: choose one for each goal in the next strategy.")}</p>
                </Show>
                <fieldset class="carry-list">
                    <legend>{state.text("引き継ぐ指標（当初値の提案）", "Indicators to carry (proposed baseline)")}</legend>
                    <For each=move || rows.get() key=|r| r.0.clone() let:row>
                        {
                            let (id, name, proposed) = row;
                            let checked = {
                                let id = id.clone();
                                move || chosen.with(|c| c.contains(&id))
                            };
                            let toggle = move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    if on { c.insert(id.clone()); } else { c.remove(&id); }
                                });
                            };
                            view! {
                                <label class="inline carry-item" data-testid="carry-indicator">
                                    <input type="checkbox" prop:checked=checked on:change=toggle/>
                                    {name}
                                    <span class="hint">{if proposed.is_empty() { "—".to_owned() } else { format!("→ {proposed}") }}</span>
                                </label>
                            }
                        }
                    </For>
                </fieldset>
                <div class="actions">
                    <button type="button" class="primary" data-testid="next-period-make" on:click=make
                        disabled=move || first.get().zip(last.get()).is_none_or(|(f, l)| l < f) || title.with(|t| t.trim().is_empty())>
                        {state.text("次期の戦略を作って開く", "Make and open the next strategy")}
                    </button>
                    <button type="button" class="quiet" data-testid="next-period-cancel" on:click=move |_| open.set(false)>
                        {state.text("やめる", "Cancel")}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The national frames the next strategy may take, newest last, then this strategy's own as it is.
fn frame_options(state: crate::ui::state::Edits) -> Vec<(String, String)> {
    let (lang, style) = (state.lang(), state.year_style());
    let current = state.open.with(|o| {
        o.as_ref().and_then(|s| locale::framework_line(&s.national_framework, lang, style)).unwrap_or_default()
    });
    let keep = crate::words::editor::keep_frame(&current, lang);
    let mut options: Vec<(String, String)> = frames::FRAMES
        .iter()
        .map(|f| (f.key.to_owned(), format!("{}（{}）", f.name, locale::frame_summary(f, lang, style))))
        .collect();
    options.push((String::new(), keep));
    options
}
