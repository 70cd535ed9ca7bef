//! What the page last took in, said where it was taken, with the one step that takes it back.

use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use leptos::prelude::*;

/// What was taken in by the last confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakenIn {
    Base,
    Assumptions,
}

/// 「取り込みました」 and 「元に戻す」 under the intake that took it, until something else is read.
#[component]
pub fn TakenNote(state: Edits, taken: RwSignal<Option<TakenIn>>, shows: TakenIn) -> impl IntoView {
    let undo = move |_| {
        state.undo();
        taken.set(None);
    };
    move || {
        (taken.get() == Some(shows)).then(|| {
            view! {
                <div class="notice" role="status" data-testid="vision-taken">
                    <p>{state.text("取り込みました。取り込みは1回の操作です。", "Taken in, as one step.")}</p>
                    <button type="button" class="button" data-testid="vision-undo" on:click=undo>
                        {state.text("元に戻す", "Undo")}
                    </button>
                </div>
            }
        })
    }
}
