//! The language a view speaks in, as a narrow context: inside the app it follows the user's
//! preferences (`AppState`); a view shown without the app's state (the read-only hand-out)
//! provides its own `Speech`.

use crate::charts::Words;
use crate::locale::{Language, YearStyle};
use leptos::prelude::*;

/// The language and fiscal-year style a view speaks in, as a narrow context: inside the app it
/// follows the user's preferences (`AppState`); a view shown without the app's state (the
/// read-only hand-out) provides its own with `provide_context(Speech(…))`.
#[derive(Clone, Copy)]
pub struct Speech(pub Signal<Words>);

/// The words to speak in: a `Speech` context when there is one, else the app's preferences,
/// else Japanese with Japanese eras.
pub fn use_words() -> Signal<Words> {
    if let Some(Speech(words)) = use_context::<Speech>() {
        return words;
    }
    match use_context::<super::state::AppState>() {
        Some(state) => Signal::derive(move || Words { lang: state.lang(), years: state.year_style() }),
        None => Signal::stored(Words { lang: Language::Ja, years: YearStyle::Japanese }),
    }
}
