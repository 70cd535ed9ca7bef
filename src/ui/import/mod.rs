//! Importing a strategy file: the preview shown before anything is stored (`preview`), in its
//! dialog (`dialog`), with what merging would change (`merge_preview`) and the values the planning
//! section confirmed that it would change (`confirmed`).

pub(super) mod confirmed;
pub(super) mod dialog;
pub(crate) mod merge_preview;
pub(super) mod preview;
