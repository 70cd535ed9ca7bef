//! What the parts of a series' form share: reading and writing one series of the indicator, the
//! labels, test ids and year words of its fields, the focus of a field just added, an
//! assessment's badges, and the kinds of target picked before a value is typed.

use crate::locale;
use crate::model::{Assessment, Context, DesiredDirection, FiscalYear, Id, Series, YearBasis};
use crate::session::series_draft::PickedKind;
use crate::ui::kit::bind::{self, LastSeen};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::html;
use leptos::prelude::*;

/// The kinds of target picked in this editor for series that have no target value yet, by
/// series id, with the undo/redo depths after picking (an undo since then makes the model
/// speak again). Held by the editor, not the form: a kind picked, then left for another item
/// before its value is typed, is still there on coming back instead of falling back to 「なし」.
#[derive(Clone, Copy, Default)]
pub struct PendingTargetKinds(pub(super) RwSignal<std::collections::HashMap<Id, PickedKind>>);

/// A value of one series of an indicator.
pub(super) fn read_series<T>(ind: &Id, sid: &Id, get: impl Fn(&Series) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let sid = sid.clone();
    bind::indicator(ind, move |i| i.series.iter().find(|s| s.id == sid).map(&get).unwrap_or_default())
}

/// Writes into one series of an indicator (one undo step).
pub(super) fn write_series<T: 'static>(
    ind: &Id,
    sid: &Id,
    f: impl Fn(&mut Series, T) + Send + Sync + 'static,
) -> Callback<T> {
    let sid = sid.clone();
    bind::write_indicator(ind, move |i, v| {
        if let Some(s) = i.series.iter_mut().find(|s| s.id == sid) {
            f(s, v)
        }
    })
}

/// Something computed from the series in the open strategy, with its indicator's context.
pub(super) fn derive_series<T>(
    ind: &Id,
    sid: &Id,
    f: impl Fn(&Series, Context<'_>) -> Option<T> + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let state = use_edits();
    let (ind, sid, seen) = (ind.clone(), sid.clone(), LastSeen::default());
    Memo::new(move |_| {
        state.open.with(|o| {
            o.as_ref().and_then(|s| {
                let i = seen.indicator(s, &ind)?;
                let series = i.series.iter().find(|x| x.id == sid)?;
                f(series, Context { direction: i.direction, period: s.period, rule: &s.rating_rule })
            })
        })
    })
}

pub(super) fn year_text(state: impl Speaks, y: FiscalYear) -> String {
    locale::year(y, state.lang(), state.year_style())
}

/// A value's year as its series writes it (`locale::value_year`): 令和5年度, 令和5年 (a calendar
/// year), 令和5年4月1日現在.
pub(super) fn value_year_text(state: impl Speaks, basis: YearBasis, y: FiscalYear) -> String {
    locale::value_year(basis, y, state.lang(), state.year_style())
}

/// What each part of a series' form labels itself with: words in the user's language, test ids
/// numbered by the series' place in the indicator, and years worded by the series' year basis.
#[derive(Clone, Copy)]
pub(super) struct SeriesForm {
    pub(super) speech: crate::ui::speech::Speech,
    pub(super) index: usize,
    pub(super) basis: Memo<YearBasis>,
}

impl SeriesForm {
    pub(super) fn new(ind: &Id, sid: &Id, index: usize) -> Self {
        SeriesForm { speech: crate::ui::speech::use_speech(), index, basis: read_series(ind, sid, |s| s.year_basis) }
    }

    pub(super) fn label(self, ja: &'static str, en: &'static str) -> Signal<String> {
        bind::label(self.speech, ja, en)
    }

    /// `what-2`: the test id of a field of the series at `index` 2.
    pub(super) fn testid(self, what: &str) -> String {
        format!("{what}-{}", self.index)
    }

    pub(super) fn year_label(self, fiscal: &'static str, other: &'static str, en: &'static str) -> Signal<String> {
        year_label(self.speech, self.basis, fiscal, other, en)
    }
}

/// A field's label naming a value's year: `fiscal` (「当初値の年度」) for a fiscal-year series,
/// `other` (「当初値の年」) for a calendar-year or as-of one; English says "year" for both.
pub(super) fn year_label(
    state: impl Speaks,
    basis: Memo<YearBasis>,
    fiscal: &'static str,
    other: &'static str,
    en: &'static str,
) -> Signal<String> {
    Signal::derive(move || state.tr(if basis.get().is_fiscal() { fiscal } else { other }, en).to_owned())
}

/// "（人）" / " (人)" after a column heading, or nothing without a unit.
pub(super) fn unit_suffix(state: impl Speaks, unit: &str) -> String {
    crate::words::editor::unit_suffix(unit, state.lang())
}

/// Focuses a field through its ref once it is drawn, when it is the one `asked` names (a series
/// or year just added); the request is then cleared, so the field drawn again later (after an
/// undo, another edit) leaves the focus where it is.
pub(super) fn focus_when_drawn<T: PartialEq + Send + Sync + 'static>(
    field: NodeRef<html::Input>,
    asked: RwSignal<Option<T>>,
    this: T,
) {
    field.on_load(move |input| {
        if asked.with_untracked(|a| a.as_ref() == Some(&this)) {
            asked.set(None);
            // After the frame is laid out, so that the browser can scroll the field into view.
            request_animation_frame(move || {
                let _ = input.focus();
            });
        }
    });
}

/// Status, progress and rating of an assessment.
pub(super) fn assessment_view(state: impl Speaks, a: &Assessment, direction: DesiredDirection) -> impl IntoView {
    let lang = state.lang();
    let progress = a
        .progress
        .map(|p| format!("{} {}", locale::tr(lang, "進捗", "Progress"), locale::progress(p, direction, lang)));
    view! {
        <span class=format!("status {}", a.status.as_str()) data-status=a.status.as_str()>{locale::status(a.status, lang)}</span>
        {progress.map(|p| view! { " "<span class="progress">{p}</span> })}
        " "<span class="badge rating" title=locale::tr(lang, "評価", "Rating")>{format!("{} {}", locale::tr(lang, "評価", "Rating"), locale::rating(a))}</span>
    }
}
