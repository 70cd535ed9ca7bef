//! Who is answering on 照会: the name an answer, a 提出 or a round is made in.

use crate::model::Role;
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;

/// Who is answering, for an answer's `by`: the name given for the shared folder, else the
/// section's name.
pub(super) fn me(state: Edits) -> String {
    let name = crate::ui::state::use_folder_syncing().name();
    name.unwrap_or_else(|| {
        state
            .open
            .with_untracked(|o| {
                let s = o.as_ref()?;
                Some(match state.role()? {
                    Role::Planning => state.tr("企画課", "Planning section").to_owned(),
                    r => r.department_name(s)?.to_owned(),
                })
            })
            .unwrap_or_default()
    })
}
