//! The workshop session ideas are written to, chosen on the presentation or the notes page.

use crate::model::Id;
use leptos::prelude::*;

/// The workshop session ideas are written to, when chosen (else the latest session): the
/// workshop's own context (one per feature), provided by the app so that it holds
/// across the presentation and the notes page.
#[derive(Clone, Copy)]
pub struct ChosenSession(pub RwSignal<Option<Id>>);

pub(super) fn use_chosen_session() -> RwSignal<Option<Id>> {
    expect_context::<ChosenSession>().0
}
