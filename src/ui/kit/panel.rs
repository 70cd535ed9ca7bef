//! What many pages draw alike: a titled panel (a section named by its heading, with a lead
//! paragraph) and a table's column heads, each in the user's language.

use crate::locale::{tr, Language};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// A panel of a page: a `<section>` named by its `<h2>` (a landmark for screen readers), the
/// lead paragraph that says what the panel is for, then its content. The heading's id is the
/// test id and `-title`. Texts are `(Japanese, English)` pairs, spoken as the page speaks
/// (`use_speech`): one text closure's type for every panel, so its rendering is compiled once.
#[component]
pub fn TitledPanel(
    /// The section's `data-testid`.
    testid: &'static str,
    /// Classes beside `panel`.
    #[prop(optional)]
    class: &'static str,
    title: (&'static str, &'static str),
    #[prop(optional)] lead: Option<(&'static str, &'static str)>,
    children: Children,
) -> impl IntoView {
    let speech = use_speech();
    let title_id = format!("{testid}-title");
    let labelled_by = title_id.clone();
    let class = if class.is_empty() { "panel".to_owned() } else { format!("panel {class}") };
    view! {
        <section class=class data-testid=testid aria-labelledby=labelled_by>
            <h2 id=title_id>{speech.text(title.0, title.1)}</h2>
            {lead.map(|(ja, en)| view! { <p class="lead">{speech.text(ja, en)}</p> })}
            {children()}
        </section>
    }
}

/// A table's head of plain column heads, one per `(ja, en)` pair, in `lang`.
pub fn column_heads(lang: Language, heads: &[(&'static str, &'static str)]) -> impl IntoView {
    let cells = heads.iter().map(|&(ja, en)| view! { <th scope="col">{tr(lang, ja, en)}</th> }).collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}
