//! Validation shown where the user is: the problems of the selected goal, measure, initiative or
//! indicator above its form.

use crate::model::{validate_where, Severity};
use crate::ui::i18n;
use crate::ui::route::{selection_of, Selection};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The problems of the selected entity itself (not of the entities under it).
#[component]
pub fn EntityProblems(selection: Memo<Selection>) -> impl IntoView {
    let state = use_app();
    let problems = Memo::new(move |_| {
        let sel = selection.get();
        let selected = match &sel {
            Selection::Goal(id) | Selection::Measure(id) | Selection::Initiative(id) | Selection::Indicator(id) => id.clone(),
            Selection::Strategy => return Vec::new(),
        };
        // Only the selected entity's own values are checked (with what needs the whole
        // strategy: duplicate ids, references): this runs after every edit.
        let wanted = |id: &crate::model::Id| *id == selected;
        state
            .open
            .with(|o| o.as_ref().map(|s| validate_where(s, &wanted).into_iter().filter(|p| selection_of(s, &p.path) == sel).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    move || {
        let list = problems.get();
        let lang = state.lang();
        (!list.is_empty()).then(|| view! {
            <div class="panel entity-problems" role="status" data-testid="entity-problems">
                <h2>{state.tr("確認が必要な点", "Points to check")}</h2>
                <ul class="problems">
                    {list.into_iter().map(|p| {
                        let class = if p.severity() == Severity::Error { "problem error" } else { "problem warning" };
                        view! { <li class=class>{i18n::problem(&p, lang)}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

