//! A button whose action is asked about first, as the workshop's 「付箋を消す…」 is: pressed, it
//! shows the question with the action's button and 「やめる」 in its place (the question is an
//! alert, read out at once); either answer puts the button back.

use crate::locale::tr;
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use leptos::prelude::*;

/// `label`: the button, ending in 「…」; `question`: what will happen; `yes`: the action's word.
/// `testid` names the button; the question is `<testid>-question`, its buttons `<testid>-yes` and
/// `<testid>-no`.
#[component]
pub fn AskFirst(
    state: Edits,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] yes: Signal<String>,
    on_yes: Callback<()>,
    testid: &'static str,
    /// The button's class (`danger` for a deletion).
    #[prop(default = "quiet small")]
    class: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let ids = (format!("{testid}-question"), format!("{testid}-yes"), format!("{testid}-no"));
    move || {
        let (q, y, n) = ids.clone();
        if asking.get() {
            view! {
                <span class="ask-first" role="alert" data-testid=q>
                    {question.get()}" "
                    <button type="button" class="danger small" data-testid=y on:click=move |_| { asking.set(false); on_yes.run(()) }>
                        {yes.get()}
                    </button>" "
                    <button type="button" class="quiet small" data-testid=n on:click=move |_| asking.set(false)>
                        {tr(state.lang(), "やめる", "Cancel")}
                    </button>
                </span>
            }
            .into_any()
        } else {
            view! { <button type="button" class=class data-testid=testid on:click=move |_| asking.set(true)>{label.get()}</button> }.into_any()
        }
    }
}
