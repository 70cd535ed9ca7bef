//! Stylesheets only a lazily loaded page needs: index.html names them `disabled`, which a
//! browser neither fetches nor applies, so the first visit does not download them; the page
//! that uses one enables it when it is shown (the browser then fetches it once, from the
//! service worker when offline). The single-file hand-out inlines every stylesheet.

use wasm_bindgen::JsCast;

/// The stylesheet whose file name starts with `name` (Trunk adds a hash after it), if the page
/// links it (the single-file hand-out inlines its stylesheets instead).
fn link(name: &str) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("link[rel=stylesheet][href*=\"{name}-\"]")).ok().flatten()
}

/// Enables the stylesheet whose file name starts with `name`.
pub fn enable(name: &str) {
    if let Some(link) = link(name) {
        let _ = link.remove_attribute("disabled");
    }
}

/// [`enable`], then waits until the stylesheet is there (loaded, or failed to load; at most
/// 5 s): for a page laid out by it from its first frame — a report draws its charts at the
/// width of the paper its stylesheet gives it.
pub async fn enabled(name: &str) {
    let Some(link) = link(name) else { return };
    let _ = link.remove_attribute("disabled");
    let sheet = js_sys::Reflect::get(&link, &"sheet".into()).ok();
    if sheet.is_some_and(|s| !s.is_null() && !s.is_undefined()) {
        return;
    }
    let arrived = js_sys::Promise::new(&mut |resolve, _| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 5000);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(arrived).await;
}
