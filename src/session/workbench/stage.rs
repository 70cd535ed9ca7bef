//! The strategy moving on to another drafting stage (素案 → 案 …) with its evidence: the draft as it
//! stood is kept in the history under its name (「素案（令和8年11月）」, pinned, never thinned),
//! then the stage changes as an edit (one undo step, saved by the autosave). Opinions stay with
//! the hearings of the stage they were heard on (`model::hearing`). A hearing's version heard is
//! the version stored when it is linked ([`Workbench::link_heard`]), a waiting change saved first.

use super::{NoticeChange, Outcome, Workbench};
use crate::locale::stage_version_label;
use crate::model::hearing::VersionLink;
use crate::model::{DraftingStage, Id};
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

    /// Links the hearing `hearing` of the open strategy to the version stored now (a waiting
    /// change saved first, so that the version is what the page shows): the version heard when
    /// the hearing is added, or when a document is made for it and the officer agrees. The link
    /// is an edit (one undo step); the history keeps the version however old
    /// (`storage::versions::Needed`). Nothing changes when it is already linked there, or when
    /// nothing is stored (the failure to save is what the flush said).
    pub async fn link_heard(&self, hearing: &Id) -> Outcome {
        let flushed = self.flush().await;
        let Some(id) = self.editing(|e| e.strategy().map(|s| s.id.clone())) else { return flushed };
        let saved_at = match self.store.head(&id).await {
            Ok(head) if !head.saved_at.is_empty() => head.saved_at,
            _ => return flushed,
        };
        let link = VersionLink { saved_at, id: None };
        self.edit_session(|e| {
            e.try_edit(|s| match s.hearing_mut(hearing) {
                Some(h) if h.heard.as_ref() != Some(&link) => {
                    h.heard = Some(link);
                    true
                }
                _ => false,
            })
        });
        flushed
    }
}
