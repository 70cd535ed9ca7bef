//! The name field of the form shown, given to the forms as a context: an item without a name
//! opens with its name field focused.

use leptos::html;
use leptos::prelude::*;

/// The name field of the form shown (a goal's, measure's or initiative's title, an indicator's
/// name), given to the forms as a context.
#[derive(Clone, Copy)]
pub(super) struct NameField(pub(super) NodeRef<html::Input>);

impl NameField {
    /// Focuses the field when it is empty — and still on the page: a form without one (an item
    /// not found) leaves the ref on the last form's field, which is gone.
    pub(super) fn focus_if_unnamed(self) {
        if let Some(input) = self.0.try_get_untracked().flatten() {
            if input.is_connected() && input.value().trim().is_empty() {
                let _ = input.focus();
            }
        }
    }
}

/// The ref a form gives its name field, so that a new item opens with it focused; outside the
/// editor, a ref nobody reads.
pub(super) fn name_field() -> NodeRef<html::Input> {
    use_context::<NameField>().map_or_else(NodeRef::new, |f| f.0)
}
