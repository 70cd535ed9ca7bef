//! The strategy moving on to another drafting stage (素案 → 案 …) with its evidence: the draft as it
//! stood is kept in the history under its name (「素案（令和8年11月）」, pinned, never thinned),
//! then the stage changes as an edit (one undo step, saved by the autosave). Opinions stay with
//! the hearings of the stage they were heard on (`model::hearing`).

use super::{NoticeChange, Outcome, Workbench};
use crate::locale::stage_version_label;
use crate::model::DraftingStage;
use crate::session::lists::Touched;
use crate::session::Notice;
use crate::storage::Backend;

impl<B: Backend> Workbench<B> {
    /// Moves the open strategy to `to`: a waiting change is saved first, the draft kept under its
    /// stage's name, then the stage set. A draft that cannot be kept changes nothing (the
    /// failure is said); a strategy already at `to`, or none open, neither.
    pub async fn move_stage(&self, to: DraftingStage) -> Outcome {
        let flushed = self.flush().await;
        let Some(draft) = self.editing(|e| e.strategy().filter(|s| s.stage != to).cloned()) else { return flushed };
        let now = self.now();
        let label = stage_version_label(draft.stage, &now);
        if let Err(e) = self.store.keep_stage_version(&draft, &now, &label).await {
            return flushed.then(Outcome::with_notice(NoticeChange::Show(Notice::Storage(e)), Touched::NOTHING));
        }
        let moved = self.edit_session(|e| {
            e.try_edit(|s| {
                s.id == draft.id && s.stage != to && {
                    s.stage = to;
                    true
                }
            })
        });
        let notice = match moved {
            Some(_) => Notice::StageMoved { kept: label, to },
            None => return flushed,
        };
        flushed.then(Outcome::with_notice(NoticeChange::Show(notice), Touched::SAVE))
    }
}
