//! 入力状況: a row per section — items asked, items filled, 未提出 / 提出済 (a workbook received
//! says so) / 確認済 / 差し戻し, late — with the planning section's 確認 and 差し戻し; and the 督促 list of what is missing, to
//! print or to send as a `mailto:` link per section (`words::round::reminder`: no mail is sent by
//! the app).

use crate::model::round::{changed_since_confirmed, tallies, AnswerStanding};
use crate::model::{Id, Role};
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use crate::words;
use leptos::either::Either;
use leptos::prelude::*;

/// One row of the table, as shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    department: Option<Id>,
    name: String,
    asked: usize,
    filled: usize,
    standing: AnswerStanding,
    /// The standing in words (a 提出 received in a workbook says so, with who took it in).
    standing_text: String,
    late: bool,
    last: Option<(String, String, String)>,
    missing: Vec<String>,
    mail: String,
    /// The items whose values changed after the section's answer was confirmed.
    changed: Vec<String>,
}

fn rows(state: Edits, round: &Id, today: &str) -> Vec<Row> {
    let (lang, style) = (state.lang(), state.year_style());
    state.open.with(|o| {
        let Some(s) = o.as_ref() else { return Vec::new() };
        let Some(r) = s.round(round) else { return Vec::new() };
        let changed = changed_since_confirmed(s);
        tallies(s, r, today)
            .iter()
            .map(|t| {
                let (subject, body) = words::round::reminder(s, r, t, style);
                Row {
                    department: t.department.cloned(),
                    name: words::round::department(s, t, lang),
                    asked: t.asked,
                    filled: t.filled,
                    standing: t.standing,
                    standing_text: words::round::standing_of(t.standing, t.last, lang),
                    late: t.late,
                    last: t.last.map(|a| {
                        (
                            words::round::event_by(a, lang),
                            crate::ui::browser::files::local_time(&a.at),
                            a.comment.clone(),
                        )
                    }),
                    missing: t.missing.iter().map(|i| words::round::item(i, lang)).collect(),
                    mail: words::round::mailto(&subject, &body),
                    changed: changed
                        .iter()
                        .filter(|c| &c.round == round && Some(&c.department) == t.department)
                        .map(|c| {
                            let (what, values) = words::round::confirmed_change(s, c, style, lang);
                            format!("{what} {values}")
                        })
                        .collect(),
                }
            })
            .collect()
    })
}

#[component]
pub(super) fn Status(round: Id, today: String, role: Memo<Option<Role>>, printing: RwSignal<bool>) -> impl IntoView {
    let state = use_edits();
    let round_rows = round.clone();
    let list = Memo::new(move |_| rows(state, &round_rows, &today));
    let planning = move || role.get() == Some(Role::Planning);
    let print = move |_| {
        printing.set(true);
        // After the page shows the list alone; `print` returns when the dialog closes.
        leptos::prelude::set_timeout(
            move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
                printing.set(false);
            },
            std::time::Duration::from_millis(50),
        );
    };
    view! {
        <TitledPanel testid="round-status" title=("入力状況", "Who has answered")>
            <div class="table-wrap">
                <table data-testid="round-status-table">
                    <thead><tr>
                        <th scope="col">{state.text("担当課", "Section")}</th>
                        <th scope="col" class="num">{state.text("依頼", "Asked")}</th>
                        <th scope="col" class="num">{state.text("入力済", "Filled")}</th>
                        <th scope="col">{state.text("状況", "Standing")}</th>
                        <th scope="col">{state.text("期限", "Deadline")}</th>
                        <th scope="col">{state.text("最終操作", "Last step")}</th>
                        <th scope="col">{state.text("督促・確認", "Remind or confirm")}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || list.get() key=|r| r.clone() let:r>
                            <StatusRow row=r round=round.clone() planning=Signal::derive(planning)/>
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" data-testid="round-print-reminders" on:click=print>{state.text("督促リストを印刷", "Print the reminder list")}</button>
            </div>
            <ReminderList list=list/>
        </TitledPanel>
    }
}

#[component]
fn StatusRow(row: Row, round: Id, planning: Signal<bool>) -> impl IntoView {
    let state = use_edits();
    let comment = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<String>);
    let department = row.department.clone();
    let act = move |confirm: bool| {
        let Some(d) = department.clone() else { return };
        let (by, at, text) = (super::who::me(state), crate::ui::browser::files::now(), comment.get_untracked());
        let mut said = None;
        state.try_edit(|s| {
            let done = if confirm { s.confirm(&round, &d, &by, &at) } else { s.send_back(&round, &d, &by, &at, &text) };
            done.map_err(|r| said = Some(words::round::refusal(&r, s, state.lang()))).is_ok()
        });
        refused.set(said);
    };
    let act_back = act.clone();
    let standing = row.standing;
    let can_act = row.department.is_some();
    view! {
        <tr data-testid="round-status-row" data-standing=format!("{standing:?}")>
            <th scope="row">{row.name.clone()}</th>
            <td class="num">{row.asked}</td>
            <td class="num">{row.filled}</td>
            <td>
                {(can_act).then(|| view! { <span class="badge" data-testid="round-status-standing">{row.standing_text.clone()}</span> })}
                {row.last.clone().filter(|l| !l.2.is_empty()).map(|l| view! { <p class="meta">{l.2}</p> })}
                {(!row.changed.is_empty()).then(|| view! {
                    <div class="warning" data-testid="round-changed-after-confirm">
                        <p class="strong">{state.text("確認後に変更されています", "Changed after it was confirmed")}</p>
                        <ul>{row.changed.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    </div>
                })}
            </td>
            <td>{row.late.then(|| view! { <span class="status behind" data-testid="round-late">{state.text("期限超過", "Late")}</span> })}</td>
            // The cell itself a table cell (`.meta` is a flex box: an empty one drew a box of its own).
            <td data-testid="round-last-step"><span class="meta">{row.last.clone().map_or_else(|| "—".to_owned(), |(by, at, _)| format!("{by} {at}"))}</span></td>
            <td>
                {(row.filled < row.asked && can_act).then(|| view! {
                    <a class="button quiet" data-testid="round-mailto" href=row.mail.clone()>{state.text("メールで督促", "Remind by mail")}</a>
                })}
                {move || (planning.get() && can_act).then(|| {
                    let (act, act_back) = (act.clone(), act_back.clone());
                    view! {
                        {(standing == AnswerStanding::Submitted).then(|| view! {
                            <button type="button" class="primary" data-testid="round-confirm" on:click=move |_| act(true)>{state.text("確認済にする", "Confirm")}</button>
                        })}
                        {matches!(standing, AnswerStanding::Submitted | AnswerStanding::Confirmed).then(|| view! {
                            <input type="text" size="10" data-testid="round-return-comment" aria-label=state.tr("差し戻しの理由", "Why it is sent back")
                                prop:value=move || comment.get() on:change=move |ev| comment.set(event_target_value(&ev))/>
                            <button type="button" data-testid="round-return" on:click=move |_| act_back(false)>{state.text("差し戻す", "Send back")}</button>
                        })}
                    }
                })}
                {move || refused.get().map(|r| view! { <p class="error" role="alert">{r}</p> })}
            </td>
        </tr>
    }
}

/// 督促: each section with missing items; its items shown on request (a large strategy's list
/// runs to thousands), or all of them (`all`: the printed list).
#[component]
fn ReminderList(list: Memo<Vec<Row>>, #[prop(optional)] all: bool) -> impl IntoView {
    let state = use_edits();
    view! {
        <div data-testid="round-reminders">
            <h3>{state.text("督促リスト（未入力の項目）", "Reminder list (items not filled in)")}</h3>
            {move || {
                let rows: Vec<Row> = list.get().into_iter().filter(|r| !r.missing.is_empty()).collect();
                if rows.is_empty() {
                    return Either::Left(view! { <p class="meta">{state.text("未入力の項目はありません。", "Nothing is missing.")}</p> });
                }
                Either::Right(rows.into_iter().map(|r| view! { <Reminder row=r all=all/> }).collect_view())
            }}
        </div>
    }
}

#[component]
fn Reminder(row: Row, all: bool) -> impl IntoView {
    let state = use_edits();
    let shown = RwSignal::new(all);
    let count = row.missing.len();
    let heading = crate::words::round::section_missing(&row.name, row.late, count, state.lang());
    let missing = row.missing;
    view! {
        <div data-testid="round-reminder">
            <h4>{heading}</h4>
            {(!all).then(|| view! {
                <button type="button" class="quiet" data-testid="round-reminder-toggle" aria-expanded=move || shown.get().to_string()
                    on:click=move |_| shown.set(!shown.get_untracked())>
                    {move || if shown.get() { state.tr("項目を閉じる", "Hide the items") } else { state.tr("項目を表示", "Show the items") }}
                </button>
            })}
            {move || shown.get().then(|| view! { <ul>{missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul> })}
        </div>
    }
}

/// The 督促 list alone, for printing.
#[component]
pub(super) fn Reminders(round: Id, today: String, printing: RwSignal<bool>) -> impl IntoView {
    let state = use_edits();
    let list = Memo::new(move |_| rows(state, &round, &today));
    view! {
        <section class="panel" data-testid="round-reminders-print">
            <ReminderList list=list all=true/>
            <div class="actions"><button type="button" on:click=move |_| printing.set(false)>{state.text("戻る", "Back")}</button></div>
        </section>
    }
}
