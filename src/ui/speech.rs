//! The language a view speaks in, as a narrow context: inside the app it follows the user's
//! preferences (`AppState`); a view shown without the app's state (the read-only hand-out)
//! provides its own `Speech`. A component that only shows things takes this (`use_speech`) and
//! the open strategy read only (`state::use_open`) instead of the whole `AppState`, so what it
//! can change is plain from its first lines.

use crate::charts::Words;
use crate::locale::{Language, YearStyle};
use leptos::prelude::*;

/// The language and fiscal-year style a view speaks in, as a narrow context: inside the app it
/// follows the user's preferences (`AppState`); a view shown without the app's state (the
/// read-only hand-out) provides its own with `provide_context(Speech(…))`.
#[derive(Clone, Copy)]
pub struct Speech(pub Signal<Words>);

/// What a piece of a view needs to put things into words: the language and the year style.
/// `Speech` has it, and so does the whole `AppState`; a helper that takes `impl Speaks` says it
/// changes nothing.
pub trait Speaks: Copy + Send + Sync + 'static {
    fn lang(&self) -> Language;

    fn year_style(&self) -> YearStyle;

    fn tr(&self, ja: &'static str, en: &'static str) -> &'static str {
        crate::locale::tr(self.lang(), ja, en)
    }

    /// Text that follows the language, for a view: `{state.text("保存", "Save")}`. One closure
    /// type for every such text, so that its rendering is compiled once, not once per text (a
    /// `move || state.tr(…)` of its own costs the wasm a copy of the text's render effect each).
    fn text(self, ja: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.tr(ja, en)
    }
}

impl Speaks for Speech {
    fn lang(&self) -> Language {
        self.0.with(|w| w.lang)
    }

    fn year_style(&self) -> YearStyle {
        self.0.with(|w| w.years)
    }
}

impl Speaks for super::state::AppState {
    fn lang(&self) -> Language {
        super::state::AppState::lang(self)
    }

    fn year_style(&self) -> YearStyle {
        super::state::AppState::year_style(self)
    }
}

/// A feature's context (`state::Library`, `state::Edits`, …) speaks as the app does.
impl<T: super::state::Facade> Speaks for T {
    fn lang(&self) -> Language {
        self.app().lang()
    }

    fn year_style(&self) -> YearStyle {
        self.app().year_style()
    }

    /// The app's own text closure: one type for every context, so its rendering is compiled once
    /// (a closure per context type would be compiled once per type, in the first visit).
    fn text(self, ja: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        self.app().text(ja, en)
    }
}

/// The language and year style to speak in (see [`use_words`]), with `tr` for inline text.
pub fn use_speech() -> Speech {
    Speech(use_words())
}

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
