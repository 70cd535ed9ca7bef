//! The editor's context: what the editor's forms may do, and no more — read the open strategy,
//! its undo depths and save state, and change it: each change one undo step, saved by the
//! autosave; undo and redo. A form that takes `Edits` (`use_edits`) cannot delete, import,
//! navigate or touch storage.

use super::Shown;
use super::{AppState, Facade, SaveState};
use crate::model::Strategy;
use crate::session::editing::Editing;

#[derive(Clone, Copy)]
pub struct Edits {
    app: AppState,
    /// The open strategy, read only.
    pub open: Shown<Option<Strategy>>,
    /// (undo steps, redo steps).
    pub history_depths: Shown<(usize, usize)>,
    /// Bumped by every change of the open strategy (a form that keeps its own copy follows it).
    pub revision: Shown<u64>,
    /// What the autosave says.
    pub save_state: Shown<SaveState>,
}

impl Facade for Edits {
    fn app(&self) -> AppState {
        self.app
    }
}

impl Edits {
    pub fn edit(&self, f: impl FnOnce(&mut Strategy)) {
        self.app.edit(f);
    }

    pub fn try_edit(&self, f: impl FnOnce(&mut Strategy) -> bool) {
        self.app.try_edit(f);
    }

    /// Moves the open strategy on to `to` (素案 → 案 …): the draft as it stands is kept in the
    /// history under its name first (`session::workbench::stage`).
    pub fn move_stage(&self, to: crate::model::DraftingStage) {
        self.app.act(super::act::Action::MoveStage(to));
    }

    /// Links the hearing `hearing` to the version stored now, a waiting change saved first (its
    /// version heard, `session::workbench::stage`).
    pub fn link_heard(&self, hearing: crate::model::Id) {
        self.app.act(super::act::Action::LinkHeard(hearing));
    }

    /// Goes back one step.
    pub fn undo(&self) {
        self.app.with_editing(Editing::undo);
    }

    /// Goes forward again one undone step.
    pub fn redo(&self) {
        self.app.with_editing(Editing::redo);
    }

    /// Who the person said they are in the open strategy (a section, or the planning
    /// section), from the preferences; `None` when not said or no strategy is open.
    pub fn role(&self) -> Option<crate::model::Role> {
        use leptos::prelude::With;
        let open = self.app.open.with(|o| o.as_ref().map(|s| s.id.clone()))?;
        self.app.prefs.with(|p| p.role_in(&open))
    }

    /// Says who the person is in the open strategy (kept in the preferences, never in the file).
    pub fn set_role(&self, role: Option<crate::model::Role>) {
        use leptos::prelude::WithUntracked;
        let Some(open) = self.app.open.with_untracked(|o| o.as_ref().map(|s| s.id.clone())) else { return };
        self.app.set_preferences(move |p| p.set_role(&open, role));
    }

    /// Saves a waiting change now (before a print, a hand-out, an update of the app).
    pub fn flush(&self) {
        self.app.flush();
    }
}

pub fn use_edits() -> Edits {
    let app = super::use_app();
    Edits {
        app,
        open: Shown::of(app.open),
        history_depths: Shown::of(app.history_depths),
        revision: Shown::of(app.revision),
        save_state: Shown::of(app.save_state),
    }
}
