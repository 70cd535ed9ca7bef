//! The QR code to the town's public pages, on the A4 reports and the workshop hand-out, when
//! the strategy's publication names an http(s) address (`format::qr`). Drawn as SVG from the
//! code's modules; the address is printed under it as well, for those who type it.

use crate::locale::tr;
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

#[component]
pub fn PageQr(#[prop(into)] address: String) -> impl IntoView {
    let state = use_speech();
    crate::format::qr::code(&address).map(|qr| {
        let side = qr.side();
        let label = move || tr(state.lang(), "進捗状況を公開しているページの QR コード", "QR code of the page where the progress is published");
        view! {
            <figure class="page-qr" data-testid="page-qr">
                // Its size as attributes (the print's stylesheet sets it on paper): the start-up
                // stylesheet carries nothing for it.
                <svg viewBox=format!("0 0 {side} {side}") width="112" height="112" role="img" aria-label=label shape-rendering="crispEdges">
                    <rect width=side height=side fill="#fff"></rect>
                    <path d=qr.path() fill="#000"></path>
                </svg>
                <figcaption>{move || tr(state.lang(), "進捗状況のページ", "Progress online")}<br/>{address.trim().to_owned()}</figcaption>
            </figure>
        }
    })
}
