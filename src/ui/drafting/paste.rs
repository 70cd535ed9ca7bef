//! Opinions pasted from Excel cells: the plan follows the paste at once (on input, never during
//! an IME composition), lists every column with its role — a dropdown each, the first row as
//! headings or not — and says what is left to choose; 取り込む appears only when nothing is.

use crate::format::opinions::{plan_chosen, take_in, Chosen, ColumnContent, FirstRow};
use crate::locale::tr;
use crate::model::Id;
use crate::ui::kit::fields::CheckField;
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use crate::words::hearing::broken_row;
use crate::words::paste_columns;
use leptos::prelude::*;

#[component]
pub fn PasteOpinions(state: Edits, hearing: Id) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let chosen = RwSignal::new(Chosen::default());
    let composing = RwSignal::new(false);
    let plan = Memo::new(move |_| {
        let text = pasted.get();
        let chosen = chosen.get();
        (!text.trim().is_empty())
            .then(|| state.open.with(|o| o.as_ref().map(|s| plan_chosen(s, &text, &chosen))))
            .flatten()
    });
    let read = move |text: String| {
        if text != pasted.get_untracked() {
            chosen.set(Chosen::default());
            pasted.set(text);
        }
    };
    let take = move |_| {
        let (Some(plan), h) = (plan.get_untracked(), hearing.clone()) else { return };
        state.try_edit(move |s| !take_in(s, &h, &plan).is_empty());
        pasted.set(String::new());
        chosen.set(Chosen::default());
    };
    let set_role = move |col: usize, key: String| {
        let Some(p) = plan.get_untracked() else { return };
        let mut roles: Vec<Option<ColumnContent>> = p.columns.iter().map(|c| c.role).collect();
        if let Some(r) = roles.get_mut(col) {
            *r = ColumnContent::from_key(&key);
        }
        chosen.update(|c| c.roles = roles);
    };
    let confirm = move |_| {
        let Some(p) = plan.get_untracked() else { return };
        let roles: Vec<Option<ColumnContent>> =
            p.columns.iter().map(|c| c.role.or(Some(ColumnContent::Skip))).collect();
        chosen.update(|c| c.roles = roles);
    };
    view! {
        <details class="paste-opinions">
            <summary>{state.text("Excelから貼り付ける", "Paste from Excel")}</summary>
            <p>{state.text("見出しの行ごと貼り付けてください。見出し（意見提出者・該当箇所・意見の概要 など）から各列を読み、読めない列は選んでから取り込みます。提出者の列は公表されません。",
                "Paste with the heading row. Each column is read from its heading (sender, place, opinion …); a column that cannot be read is chosen before anything is taken. Senders are never published.")}</p>
            <div class="field">
                <label for="opinions-paste-cells">{state.text("貼り付けたセル", "Pasted cells")}</label>
                <textarea id="opinions-paste-cells" data-testid="opinions-paste" rows="4" prop:value=move || pasted.get()
                    on:compositionstart=move |_| composing.set(true)
                    on:compositionend=move |ev| { composing.set(false); read(event_target_value(&ev)); }
                    on:input=move |ev| if !composing.get_untracked() { read(event_target_value(&ev)) }
                    on:change=move |ev| read(event_target_value(&ev))></textarea>
            </div>
            {move || plan.get().map(|p| {
                let lang = state.lang();
                let columns = p.columns.clone();
                let rows = columns.iter().enumerate().map(|(i, c)| {
                    let sender_only = c.names_a_sender();
                    let options: Vec<ColumnContent> = ColumnContent::ALL.into_iter().filter(|r| !sender_only || matches!(r, ColumnContent::Sender | ColumnContent::Skip)).collect();
                    let value = c.role.map(ColumnContent::key).unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">{paste_columns::column_name(&columns, i, lang)}</th>
                            <td>
                                <select data-testid="opinions-column-role" aria-label=paste_columns::column_name(&columns, i, lang)
                                    on:change=move |ev| set_role(i, event_target_value(&ev))>
                                    <option value="" selected=value.is_empty() disabled=true>{tr(lang, "（選んでください）", "(choose)")}</option>
                                    {options.into_iter().map(|r| view! {
                                        <option value=r.key() selected=r.key() == value>{paste_columns::role(r, lang)}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                            <td class="meta">{paste_columns::found(c.found, lang)}</td>
                        </tr>
                    }
                }).collect_view();
                let waiting = !p.to_choose.is_empty();
                view! {
                    <table class="paste-columns" data-testid="opinions-columns">
                        <caption>{tr(lang, "各列の読み方", "What each column holds")}</caption>
                        <thead><tr>
                            <th scope="col">{tr(lang, "列", "Column")}</th>
                            <th scope="col">{tr(lang, "読み方", "Read as")}</th>
                            <th scope="col">{tr(lang, "根拠", "RoleFoundBy")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <CheckField label=Signal::derive(move || tr(state.lang(), "1行目は見出し", "The first row is headings").to_string())
                        checked=Signal::derive(move || plan.with(|p| p.as_ref().is_some_and(|p| p.header)))
                        on_commit=Callback::new(move |on: bool| chosen.update(|c| {
                            c.first_row = Some(if on { FirstRow::Headings } else { FirstRow::Data });
                            c.roles.clear();
                        }))
                        testid="opinions-first-row"/>
                    {waiting.then(|| view! {
                        <ul class="notice warning" data-testid="opinions-to-choose">
                            {p.to_choose.iter().map(|w| view! { <li>{paste_columns::to_choose(w, &columns, lang)}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="button" data-testid="opinions-confirm-columns" on:click=confirm>
                            {tr(lang, "この読み方にする（分からない列は取り込まない）", "Use these (unknown columns not taken)")}
                        </button>
                    })}
                    {(!waiting).then(|| view! {
                        <p data-testid="opinions-plan">{crate::words::hearing::paste_plan(p.opinions.len(), p.broken.len(), lang)}</p>
                        <ul class="broken-rows" data-testid="opinions-broken">
                            {p.broken.iter().map(|b| view! { <li>{broken_row(b, lang)}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="button" data-testid="opinions-take" on:click=take.clone()>
                            {tr(lang, "取り込む", "Take them in")}
                        </button>
                    })}
                }
            })}
        </details>
    }
}
