//! Validation shown where the user is: the problems of the selected goal, measure, initiative or
//! indicator above its form.

use crate::model::{validate_entity, ProblemKind, Severity, Structure};
use crate::session::route::{selection_of, Selection};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use crate::words;
use leptos::prelude::*;

/// The problems of the selected entity itself (not of the entities under it).
#[component]
pub fn EntityProblems(selection: Memo<Selection>) -> impl IntoView {
    let state = use_edits();
    // Where every id is and who refers to whom, kept while edits leave ids and references as
    // they are (most edits: values and titles); made again when it no longer fits.
    let structure = StoredValue::new(None::<Structure>);
    let problems = Memo::new(move |_| {
        let sel = selection.get();
        let selected = match &sel {
            Selection::Goal(id) | Selection::Measure(id) | Selection::Initiative(id) | Selection::Indicator(id) => {
                id.clone()
            }
            Selection::Strategy | Selection::Settings(_) => return Vec::new(),
        };
        // Only the selected entity is checked (what needs the whole strategy — duplicate ids,
        // references — comes from the kept structure): this runs after every edit.
        state
            .open
            .with(|o| {
                let s = o.as_ref()?;
                if !structure.with_value(|st| st.as_ref().is_some_and(|st| st.fits(s))) {
                    structure.set_value(Some(Structure::of(s)));
                }
                let problems = structure.with_value(|st| st.as_ref().map(|st| validate_entity(s, st, &selected)));
                Some(
                    problems
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|p| selection_of(s, &p.path) == sel)
                        .collect::<Vec<_>>(),
                )
            })
            .unwrap_or_default()
    });
    // A form opened on an item without a name (one just added) starts without red: its
    // problems show once something is committed (the undo depth moves), not before the user
    // has typed anything. The strategy's list of every problem still has them.
    let opened = Memo::new(move |_| (selection.get(), state.history_depths.get_untracked().0));
    let quiet = Memo::new(move |_| {
        let (_, depth) = opened.get();
        state.history_depths.get().0 == depth
            && problems.with(|list| list.iter().any(|p| matches!(p.kind, ProblemKind::EmptyTitle)))
    });
    move || {
        if quiet.get() {
            return None;
        }
        let list = problems.get();
        let lang = state.lang();
        (!list.is_empty()).then(|| view! {
            <div class="panel entity-problems" role="status" data-testid="entity-problems">
                <h2>{state.tr("確認が必要な点", "Points to check")}</h2>
                <ul class="problems">
                    {list.into_iter().map(|p| {
                        let class = if p.severity() == Severity::Error { "problem error" } else { "problem warning" };
                        let text = state.open.with_untracked(|o| o.as_ref().map(|s| words::problem(&p, s, lang))).unwrap_or_default();
                        view! { <li class=class title=p.path.clone()>{text}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}
