//! What a draft still lacks (`model::draft_gaps`), listed with a link to each place: on 編集's
//! チェック結果 for a strategy not yet 策定済, and on 策定 as the review of the texts the next
//! period carried from the previous one.

use crate::session::route::{selection_of, Route};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_navigation};
use leptos::prelude::*;

/// Which gaps a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GapsShown {
    /// Everything a draft lacks.
    All,
    /// Only the texts naming the previous period.
    CarriedTexts,
}

#[component]
pub fn DraftGaps(shown: GapsShown, #[prop(into)] testid: String) -> impl IntoView {
    let state = use_edits();
    let nav = use_navigation();
    let gaps = Memo::new(move |_| {
        state.open.with(|o| {
            let Some(s) = o.as_ref() else { return Vec::new() };
            s.draft_gaps()
                .into_iter()
                .filter(|g| {
                    shown == GapsShown::All
                        || matches!(g.kind, crate::model::draft_gaps::GapKind::NamesPreviousPeriod { .. })
                })
                .map(|g| (crate::words::draft_gaps::gap(&g, s, state.lang()), s.id.clone(), selection_of(s, &g.path)))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = gaps.get();
        (!list.is_empty()).then(|| view! {
            <ul class="problems draft-gaps" data-testid=testid.clone()>
                {list.into_iter().map(|(text, sid, sel)| view! {
                    <li class="problem warning">
                        <button type="button" class="link" data-testid="draft-gap-link"
                            on:click=move |_| nav.navigate(Route::Edit(sid.clone(), sel.clone()))>{text}</button>
                    </li>
                }).collect_view()}
            </ul>
            <p class="meta">{state.tr("策定済にするまでに見直してください（策定済の戦略には出ません）。", "Review these before the strategy is adopted (they are not shown once it is).")}</p>
        })
    }
}
