//! The import's dialog: the modal box every step of the import preview is shown in (labelled,
//! Escape cancels, the focus moved into it), and its first step, a file being read. In the
//! files' part with the previews, fetched with the first file taken: the start page holds none
//! of it.

use crate::ui::speech::Speaks;
use crate::ui::state::{use_importing, Importing};
use leptos::prelude::*;

/// A dialog: a labelled, modal box; Escape cancels.
pub(in crate::ui) fn dialog(state: Importing, title: String, testid: &'static str, body: AnyView) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // Move the focus into the dialog when it opens (keyboard and screen-reader users): after
    // the frame, once the dialog is in the document (its view may arrive as a lazily loaded part).
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            request_animation_frame(move || {
                let _ = el.focus();
            });
        }
    });
    view! {
        <div class="modal-backdrop" on:keydown=move |ev| if ev.key() == "Escape" { state.cancel_import() }>
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="import-preview-title" tabindex="-1"
                data-testid=testid node_ref=node>
                <h2 id="import-preview-title">{title}</h2>
                {body}
            </div>
        </div>
    }
}

fn reading(state: Importing, file: String) -> impl IntoView {
    let body = view! {
        <p class="meta" data-testid="preview-file">{file}</p>
        <p aria-live="polite">{state.tr("ファイルを読み込んで確認しています…", "Reading and checking the file…")}</p>
        <div class="actions">
            <button type="button" on:click=move |_| state.cancel_import()>{state.tr("キャンセル", "Cancel")}</button>
        </div>
    };
    dialog(state, state.tr("ファイルを読み込んでいます", "Reading the file").into(), "import-reading", body.into_any())
}

crate::ui::browser::parts::split!(
    files,
    /// The dialog while a file is read and checked.
    pub(super) fn reading_dialog(file: String) -> AnyView {
        reading(use_importing(), file).into_any()
    }
);
