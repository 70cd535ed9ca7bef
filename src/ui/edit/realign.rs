//! 「別の国の総合戦略に合わせ直す」 on the strategy's settings: choose another national
//! frame, see each goal's proposed national goal (`model::realign::propose`, from the words) and
//! correct it with a dropdown, see which goals have no counterpart and which national goals no
//! goal takes, and apply in one undo step. The earlier frame and links, kept in the strategy
//! (`framework_changes`), are listed below.

use crate::locale::{self, Language};
use crate::model::frames::{self, Frame};
use crate::model::realign::{propose, Realignment};
use crate::model::{GoalKind, Id};
use crate::ui::browser::files::today;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// A national goal of a frame in the dropdown's words: 「目標1 「強い経済」をつくる」.
fn goal_option(frame: &Frame, i: usize, lang: Language) -> String {
    let g = &frame.goals[i];
    let heading = match (lang, g.kind) {
        (Language::Ja, GoalKind::Basic) => frame.basic_heading,
        (Language::Ja, GoalKind::CrossCutting) => frame.cross_heading.unwrap_or("横断的な目標"),
        (Language::En, GoalKind::Basic) => "Goal ",
        (Language::En, GoalKind::CrossCutting) => "Cross-cutting ",
    };
    format!("{heading}{} {}", g.number, g.title)
}

#[component]
pub fn RealignForm() -> impl IntoView {
    let state = use_edits();
    // The re-alignment being prepared: `None` while the panel is closed.
    let draft = RwSignal::new(None::<Realignment>);
    let current_key = move || state.open.with(|o| o.as_ref().and_then(|s| s.national_framework.key.clone()));
    let propose_onto = move |key: &str| {
        let Some(frame) = frames::by_key(key) else { return };
        state.open.with_untracked(|o| {
            if let Some(s) = o {
                draft.set(Some(propose(s, frame)));
            }
        });
    };
    let start = move |_| {
        // The newest frame other than the one the strategy follows.
        let current = current_key();
        if let Some(f) = frames::FRAMES.iter().find(|f| Some(f.key) != current.as_deref()) {
            propose_onto(f.key);
        }
    };
    let frame_options = move || {
        let (lang, style) = (state.lang(), state.year_style());
        let current = current_key();
        frames::FRAMES
            .iter()
            .filter(|f| Some(f.key) != current.as_deref())
            .map(|f| {
                let name = if lang == Language::Ja { f.name } else { f.english };
                (f.key.to_owned(), format!("{name}（{}）", locale::frame_summary(f, lang, style)))
            })
            .collect::<Vec<_>>()
    };
    let apply = move |_| {
        let Some(r) = draft.get_untracked() else { return };
        let date = today();
        state.edit(move |s| s.realign(&r, &date));
        draft.set(None);
    };
    // Each goal: its id, its words, its national goal now (in words).
    let goals = move || {
        let lang = state.lang();
        state
            .open
            .with(|o| {
                o.as_ref().map(|s| {
                    s.goals
                        .iter()
                        .map(|g| {
                            let kind = match lang {
                                Language::Ja => g.kind.japanese(),
                                Language::En if g.kind == GoalKind::Basic => "Basic goal",
                                Language::En => "Cross-cutting goal",
                            };
                            let now = g
                                .national_goal
                                .as_ref()
                                .and_then(|id| s.national_framework.goals.iter().find(|n| &n.id == id))
                                .map(|n| locale::national_goal(&s.national_framework, n, lang));
                            (g.id.clone(), format!("{kind} {} {}", g.number, g.title), now)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    let changes = move || state.open.with(|o| o.as_ref().map(|s| s.framework_changes.clone()).unwrap_or_default());
    view! {
        <div class="panel" data-testid="realign">
            <h2>{state.text("別の国の総合戦略に合わせ直す", "Re-align to another national strategy")}</h2>
            <p class="lead">{state.text(
                "国の総合戦略が新しくなったとき、この戦略の基本目標を新しい枠組みの目標に対応させ直します。言葉から対応を提案するので、目標ごとに確かめて直してください。前の枠組みと対応は記録として残り、「元に戻す」で取り消せます。",
                "When the national strategy changes, link this strategy's goals to the new frame's goals. A link is proposed from the words: check and correct each. The earlier frame and links are kept as a record; Undo takes it back.")}</p>
            {move || match draft.get() {
                None => view! {
                    <div class="actions">
                        <button type="button" data-testid="realign-start" on:click=start>
                            {state.text("合わせ直す枠組みを選ぶ…", "Choose a frame…")}
                        </button>
                    </div>
                }.into_any(),
                Some(r) => {
                    let lang = state.lang();
                    let frame = r.frame;
                    let rows = goals().into_iter().map(|(id, words, now)| {
                        let choice = r.choices.iter().find(|(g, _)| g == &id).and_then(|(_, c)| *c);
                        let proposed = choice.is_some();
                        let options = (0..frame.goals.len()).map(|i| {
                            let selected = choice == Some(i);
                            view! { <option value=i.to_string() selected=selected>{goal_option(frame, i, lang)}</option> }
                        }).collect_view();
                        let gid: Id = id.clone();
                        let now = now.unwrap_or_else(|| state.tr("国の目標との対応なし", "no national goal").to_owned());
                        view! {
                            <tr data-testid="realign-row" class:no-counterpart=!proposed>
                                <th scope="row">{words.clone()}<br/><span class="hint">{state.tr("いま: ", "Now: ")}{now}</span></th>
                                <td>
                                    <select data-testid="realign-choice" aria-label=words
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev).parse::<usize>().ok();
                                            draft.update(|d| if let Some(d) = d { d.choose(&gid, v) });
                                        }>
                                        <option value="" selected=!proposed>{state.tr("対応する目標なし", "No counterpart")}</option>
                                        {options}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view();
                    let without: Vec<String> = goals()
                        .into_iter()
                        .filter(|(id, _, _)| r.without_counterpart().any(|w| w == id))
                        .map(|(_, words, _)| words)
                        .collect();
                    let unused: Vec<String> = r.unused_national_goals().into_iter().map(|i| goal_option(frame, i, lang)).collect();
                    view! {
                        <div class="form-grid">
                            <div class="field whole-row">
                                <label for="realign-frame">{state.tr("新しい枠組み", "New frame")}</label>
                                <select id="realign-frame" data-testid="realign-frame"
                                    on:change=move |ev| propose_onto(&event_target_value(&ev))>
                                    {frame_options().into_iter().map(|(k, l)| {
                                        let selected = k == frame.key;
                                        view! { <option value=k selected=selected>{l}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                        </div>
                        <table class="realign-table" data-testid="realign-table">
                            <thead><tr>
                                <th scope="col">{state.tr("この戦略の目標", "This strategy's goal")}</th>
                                <th scope="col">{state.tr("新しい枠組みの目標（提案・選び直せます）", "New frame's goal (proposed; choose another)")}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <p data-testid="realign-without">{if without.is_empty() {
                            state.tr("どの目標にも対応する国の目標があります。", "Every goal has a national counterpart.").to_owned()
                        } else {
                            format!("{}{}", state.tr("対応する国の目標がない目標: ", "Goals without a national counterpart: "), without.join("、"))
                        }}</p>
                        {(!unused.is_empty()).then(|| view! {
                            <p data-testid="realign-unused">{state.tr("どの目標とも対応しない国の目標: ", "National goals no goal takes: ")}{unused.join("、")}</p>
                        })}
                        <div class="actions">
                            <button type="button" class="primary" data-testid="realign-apply" on:click=apply>
                                {state.tr("この対応で合わせ直す", "Re-align with these links")}
                            </button>
                            <button type="button" data-testid="realign-cancel" on:click=move |_| draft.set(None)>
                                {state.tr("やめる", "Cancel")}
                            </button>
                        </div>
                    }.into_any()
                }
            }}
            {move || {
                let lang = state.lang();
                let list = changes();
                (!list.is_empty()).then(|| view! {
                    <h3>{state.tr("これまでの枠組み", "Earlier frames")}</h3>
                    <ul data-testid="framework-changes">
                        {list.iter().map(|c| view! {
                            <li data-testid="framework-change">
                                {locale::framework_change(c, lang)}
                                <details>
                                    <summary>{state.tr("そのときの対応", "The links then")}</summary>
                                    <ul>{c.links.iter().map(|l| view! { <li>{locale::earlier_link(c, l, lang)}</li> }).collect_view()}</ul>
                                </details>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
