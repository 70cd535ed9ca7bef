//! What the editor's forms may do, and no more: read the open strategy and its undo depths, and
//! change it — each change one undo step, saved by the autosave. A form that takes `Edits`
//! (`use_edits`) cannot delete, import, navigate or touch storage.

use super::AppState;
use crate::locale::{Language, YearStyle};
use crate::model::Strategy;
use crate::ui::speech::Speaks;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Edits {
    state: AppState,
    /// The open strategy, read only.
    pub open: ReadSignal<Option<Strategy>>,
    /// (undo steps, redo steps).
    pub history_depths: ReadSignal<(usize, usize)>,
}

impl Edits {
    pub fn edit(&self, f: impl FnOnce(&mut Strategy)) {
        self.state.edit(f);
    }

    pub fn try_edit(&self, f: impl FnOnce(&mut Strategy) -> bool) {
        self.state.try_edit(f);
    }
}

impl Speaks for Edits {
    fn lang(&self) -> Language {
        self.state.lang()
    }

    fn year_style(&self) -> YearStyle {
        self.state.year_style()
    }
}

pub fn use_edits() -> Edits {
    let state = super::use_app();
    Edits { state, open: state.open.read_only(), history_depths: state.history_depths.read_only() }
}
