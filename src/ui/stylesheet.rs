//! Stylesheets only a lazily loaded page needs: index.html names them `disabled`, which a
//! browser neither fetches nor applies, so the first visit does not download them; the page
//! that uses one enables it when it is shown (the browser then fetches it once, from the
//! service worker when offline). The single-file hand-out inlines every stylesheet.

/// Enables the stylesheet whose file name starts with `name` (Trunk adds a hash after it).
pub fn enable(name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("link[rel=stylesheet][disabled][href*=\"{name}-\"]");
    if let Ok(Some(link)) = document.query_selector(&selector) {
        let _ = link.remove_attribute("disabled");
    }
}
