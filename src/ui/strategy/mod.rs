//! The strategies of this browser: the list (the first visit: `list`, with what it keeps besides
//! them, `kept`, how full storage is, `storage_usage`, and what opening from the shared folder
//! found, `folder_open`) and the form that creates one (`create_form`). An open strategy's
//! navigation between its pages is `kit::nav`.

pub(super) mod create_form;
pub(crate) mod folder_open;
pub(super) mod kept;
pub(super) mod list;
mod list_parts;
pub(super) mod storage_usage;
