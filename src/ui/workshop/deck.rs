//! What every page of the presentation reads (`Deck`): shared by the pages and the parts they are
//! made of, apart from both, so that neither imports the other.

use super::focus::FocusTargets;
use crate::charts::Words;
use crate::model::Strategy;
use crate::session::workshop_nav::DeckPlace;
use leptos::prelude::*;

/// What every page reads: the strategy without its notes (`plan`: a page is built again when it
/// changes) and with them (`strategy`: note counts and ideas), the place, and the words; and
/// where it registers its focus targets.
#[derive(Clone, Copy)]
pub(super) struct Deck {
    pub plan: Memo<Strategy>,
    pub strategy: Signal<Strategy>,
    pub place: RwSignal<DeckPlace>,
    pub words: Signal<Words>,
    pub focus: FocusTargets,
}
