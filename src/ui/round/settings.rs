//! The open round's 提出期限 and 依頼文 as the planning section edits them after opening: a date
//! field and a text field that commits when typing is done (never in an IME composition, as the
//! editor's fields), each one edit of the strategy. Everyone else reads them (`mine`).

use crate::model::Id;
use crate::ui::kit::fields::TextField;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

#[component]
pub(super) fn RoundSettings(round: Id) -> impl IntoView {
    let state = use_edits();
    let (read, write_deadline, write_text) = (round.clone(), round.clone(), round);
    let deadline = Signal::derive({
        let read = read.clone();
        move || state.open.with(|o| o.as_ref().and_then(|s| s.round(&read)?.deadline.clone()).unwrap_or_default())
    });
    let instructions = Signal::derive(move || {
        state.open.with(|o| o.as_ref().and_then(|s| Some(s.round(&read)?.instructions.clone())).unwrap_or_default())
    });
    let set_deadline = move |ev: leptos::ev::Event| {
        let day = event_target_value(&ev);
        state.edit(|s| {
            if let Some(r) = s.round_mut(&write_deadline) {
                r.deadline = Some(day).filter(|d| !d.is_empty());
            }
        });
    };
    let set_text = Callback::new(move |text: String| {
        state.edit(|s| {
            if let Some(r) = s.round_mut(&write_text) {
                r.instructions = text.trim().to_owned();
            }
        });
    });
    view! {
        <details class="round-settings" data-testid="round-settings">
            <summary>{state.text("提出期限・依頼文を変更する", "Change the deadline or the instructions")}</summary>
            <div class="field">
                <label for="round-edit-deadline">{state.text("提出期限", "Deadline")}</label>
                <input type="date" id="round-edit-deadline" data-testid="round-edit-deadline"
                    prop:value=move || deadline.get() on:change=set_deadline/>
            </div>
            <TextField label=Signal::derive(move || state.tr("依頼文（各課への説明）", "Instructions to the sections").to_owned())
                value=instructions on_commit=set_text multiline=true testid="round-edit-instructions"/>
        </details>
    }
}
