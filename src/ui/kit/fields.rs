//! The shared input components of the editor. Every one commits to the model only when the
//! user is done (the `change` event: blur, or Enter in a one-line field), never in the middle of
//! an IME composition, and never rewrites what the user is typing: a number that does not parse
//! stays in the field with a message next to it, and the stored value is left as it was.

use crate::format::csv::{read_typed_value, TypedValue};
use crate::locale;
use crate::model::{parse_money, FiscalYear, NumberError, Sdg, YearBasis};
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use crate::words;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A unique DOM id for a label's `for`.
fn field_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Marks a field as holding typed text that is not committed yet (Ctrl+Z then belongs to the
/// field, not to the strategy's undo).
fn mark_dirty(ev: &leptos::ev::Event) {
    if let Some(el) = target_element(ev) {
        let _ = el.set_attribute("data-dirty", "");
    }
}

/// Marks a field's typed text as committed (Ctrl+Z is the strategy's undo again).
fn mark_clean(ev: &leptos::ev::Event) {
    if let Some(el) = target_element(ev) {
        let _ = el.remove_attribute("data-dirty");
    }
}

fn target_element(ev: &leptos::ev::Event) -> Option<web_sys::Element> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// True for an Enter that finishes typing — not one that confirms an IME candidate (that Enter
/// only confirms it). The default is prevented so no form submits and no row is added.
fn is_commit_enter(ev: &leptos::ev::KeyboardEvent, composing: RwSignal<bool>) -> bool {
    let commit = ev.key() == "Enter" && !ev.is_composing() && !composing.get_untracked() && ev.key_code() != 229;
    if commit {
        ev.prevent_default();
    }
    commit
}

/// Whether a field is gone: one removed while it had the focus (the page changed under it)
/// still gets its `change` event, after its signals were disposed. Nothing to commit then.
fn gone(own: RwSignal<bool>) -> bool {
    own.try_get_untracked().is_none()
}

/// The one-line `<input>` of a text or number field: marked dirty while typed into, committed
/// on `change` and on an Enter that finishes typing — never in the middle of an IME composition.
#[allow(clippy::too_many_arguments)] // reason: the attributes of one element, from two fields
fn line_input(
    id: String,
    testid: String,
    placeholder: String,
    inputmode: Option<&'static str>,
    value: Signal<String>,
    invalid: Signal<bool>,
    composing: RwSignal<bool>,
    commit: impl Fn(&leptos::ev::Event) + Copy + Send + Sync + 'static,
    node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    view! {
        <input type="text" inputmode=inputmode id=id node_ref=node_ref data-testid=testid placeholder=placeholder
            prop:value=move || value.get()
            aria-invalid=move || invalid.get().then_some("true")
            on:compositionstart=move |_| composing.set(true)
            on:compositionend=move |_| composing.set(false)
            on:input=move |ev| mark_dirty(&ev)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if is_commit_enter(&ev, composing) { commit(&ev) }
            on:change=move |ev| commit(&ev)
        />
    }
}

/// A one-line or multi-line text field.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] testid: String,
    #[prop(optional, into)] placeholder: String,
    #[prop(optional, into)] problem: Option<Signal<Option<String>>>,
    /// The one-line input's ref, for a form that moves the focus to it (a multi-line field
    /// does not load it).
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let id = field_id("f");
    let composing = RwSignal::new(false);
    let commit = move |ev: &leptos::ev::Event| {
        if gone(composing) {
            return;
        }
        mark_clean(ev);
        let text = event_target_value(ev);
        if text != value.get_untracked() {
            on_commit.run(text);
        }
    };
    let problem = problem.unwrap_or_else(|| Signal::derive(|| None));
    let input = if multiline {
        view! {
            <textarea id=id.clone() data-testid=testid.clone() placeholder=placeholder.clone() rows="4"
                prop:value=move || value.get()
                aria-invalid=move || problem.get().is_some().then_some("true")
                on:compositionstart=move |_| composing.set(true)
                on:compositionend=move |_| composing.set(false)
                on:input=move |ev| mark_dirty(&ev)
                on:change=move |ev| commit(&ev)
            ></textarea>
        }
        .into_any()
    } else {
        let invalid = Signal::derive(move || problem.get().is_some());
        line_input(id.clone(), testid, placeholder, None, value, invalid, composing, commit, node_ref).into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {input}
            {move || problem.get().map(|p| view! { <p class="field-problem" role="alert">{p}</p> })}
        </div>
    }
}

/// How a number field reads what is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// Any number (indicator values).
    Decimal,
    /// Whole 千円 (money).
    Money,
}

/// A number field: full-width digits, commas and a leading minus are accepted; what does not
/// parse stays typed, with a message, and the stored value does not change. Empty = no value.
/// An indicator value (`Decimal`) is read as the CSV and Excel imports read a cell
/// (`format::csv::read_typed_value`): 「－」「調査中」 are no value, 「2,408※」 and
/// 「1,820（速報）」 the number, with the mark and 速報 kept where the field keeps them
/// (an actual) through `on_marked`, and a line under the field says how it was read.
#[component]
pub fn NumberField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<Option<f64>>,
    on_commit: Callback<Option<f64>>,
    #[prop(optional)] kind: Option<NumberKind>,
    #[prop(optional, into)] unit: String,
    #[prop(optional, into)] testid: String,
    /// The input's ref, for a form that moves the focus to it (a row just added).
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
    /// Takes a value with 速報 or a mark beside it instead of `on_commit`, where the field keeps
    /// them (an actual: its flag and comment, in one edit).
    #[prop(optional)]
    on_marked: Option<Callback<TypedValue>>,
    /// Takes what is typed when it is not a number (a target in words, 「80%以上」); `true`
    /// when it was taken, else the field says the number cannot be read.
    #[prop(optional)]
    on_words: Option<Callback<String, bool>>,
) -> impl IntoView {
    let state = use_speech();
    let kind = kind.unwrap_or(NumberKind::Decimal);
    let id = field_id("n");
    let error = RwSignal::new(None::<String>);
    // How a value with a mark, 速報 or a "no value" mark was read.
    let note = RwSignal::new(None::<String>);
    let composing = RwSignal::new(false);
    let shown = move |v: Option<f64>| v.map(locale::number).unwrap_or_default();
    let commit = move |ev: &leptos::ev::Event| {
        if gone(composing) || composing.get_untracked() {
            return;
        }
        mark_clean(ev);
        let text = event_target_value(ev);
        let parsed = match kind {
            NumberKind::Decimal => read_typed_value(&text),
            NumberKind::Money if text.trim().is_empty() => Ok(TypedValue::default()),
            NumberKind::Money => {
                parse_money(&text).map(|v| TypedValue { value: Some(v as f64), ..TypedValue::default() })
            }
        };
        match parsed {
            Ok(typed) => {
                let v = typed.value;
                error.set(None);
                note.set(words::typed_value_note(&typed, on_marked.is_some(), state.lang()));
                match on_marked {
                    Some(marked) if typed.provisional || typed.mark.is_some() => marked.run(typed),
                    _ if v != value.get_untracked() => on_commit.run(v),
                    _ => {}
                }
                // Show the normalised number (１，２３４ → 1,234) even when it did not change.
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.set_value(&shown(v));
                }
            }
            Err(_) if on_words.is_some_and(|w| w.run(text.clone())) => {
                error.set(None);
                note.set(None);
            }
            Err(e) => {
                let lang = state.lang();
                let msg = match (e, kind) {
                    (NumberError::NotANumber(t), NumberKind::Money) => crate::words::editor::not_an_amount(&t, lang),
                    (NumberError::NotANumber(t), _) => crate::words::editor::not_a_number(&t, lang),
                    (NumberError::Empty, _) => String::new(),
                };
                note.set(None);
                error.set(Some(msg));
            }
        }
    };
    view! {
        <div class="field number">
            <label for=id.clone()>{move || label.get()}</label>
            <span class="with-unit">
                {line_input(id, testid, String::new(), Some("decimal"), Signal::derive(move || shown(value.get())),
                    Signal::derive(move || error.get().is_some()), composing, commit, node_ref)}
                {(!unit.is_empty()).then(|| view! { <span class="unit">{unit.clone()}</span> })}
            </span>
            {move || error.get().map(|e| view! { <p class="field-problem" role="alert" data-testid="field-problem">{e}</p> })}
            {move || note.get().map(|n| view! { <p class="field-note" role="status" data-testid="field-note">{n}</p> })}
        </div>
    }
}

/// A fiscal-year field: 令和8年度, R8, 2026 …; shows how it was read. With the year basis of a
/// series, the year of its values: 令和8年 for a calendar-year series, 令和8年4月1日現在.
#[component]
pub fn YearField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<Option<FiscalYear>>,
    on_commit: Callback<Option<FiscalYear>>,
    #[prop(optional, into)] testid: String,
    /// The year basis of the series whose value's year this is (none: a fiscal year).
    #[prop(optional, into)]
    basis: MaybeProp<YearBasis>,
) -> impl IntoView {
    let state = use_speech();
    let id = field_id("y");
    let error = RwSignal::new(false);
    let basis = move || basis.get().unwrap_or_default();
    let shown = move |v: Option<FiscalYear>| {
        v.map(|y| locale::value_year(basis(), y, state.lang(), state.year_style())).unwrap_or_default()
    };
    view! {
        <div class="field year">
            <label for=id.clone()>{move || label.get()}</label>
            <input type="text" id=id data-testid=testid
                prop:value=move || shown(value.get())
                aria-invalid=move || error.get().then_some("true")
                on:input=move |ev| mark_dirty(&ev)
                on:change=move |ev| {
                    if gone(error) {
                        return;
                    }
                    mark_clean(&ev);
                    let text = event_target_value(&ev);
                    let parsed = if text.trim().is_empty() { Ok(None) } else { basis().read_year(&text).map(Some) };
                    match parsed {
                        Ok(y) => {
                            error.set(false);
                            if y != value.get_untracked() { on_commit.run(y); }
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.set_value(&shown(y));
                            }
                        }
                        Err(_) => error.set(true),
                    }
                }
            />
            {move || error.get().then(|| view! {
                <p class="field-problem" role="alert">{if basis().is_fiscal() {
                    state.tr("年度として読めません（例: 令和6年度, R6, 2024）。保存されている値は変わっていません。", "Not a fiscal year (e.g. 令和6年度, R6, 2024). The stored value is unchanged.")
                } else {
                    state.tr("年として読めません（例: 令和6年, 2024年）。保存されている値は変わっていません。", "Not a year (e.g. 令和6年, 2024). The stored value is unchanged.")
                }}</p>
            })}
        </div>
    }
}

/// A choice among fixed options (value, label).
#[component]
pub fn SelectField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    let id = field_id("s");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v != value.get_untracked() { on_commit.run(v); }
                }
            >
                {move || {
                    let current = value.get();
                    options.get().into_iter().map(|(v, l)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

/// 「計画期間外の年度を追加」: the years around the plan period that are not shown yet
/// (`PlanPeriod::years_outside`), as a list to pick from; picking one shows its row and the
/// list goes back to its prompt. The same words wherever a form has yearly rows.
#[component]
pub fn OutsideYearPicker(
    /// The years the form shows now (they are not offered again).
    #[prop(into)]
    shown: Signal<Vec<FiscalYear>>,
    on_pick: Callback<FiscalYear>,
    #[prop(optional, into)] testid: String,
    /// The year basis of the series the rows are of (none: fiscal years).
    #[prop(optional, into)]
    basis: MaybeProp<YearBasis>,
) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let id = field_id("y");
    let basis = move || basis.get().unwrap_or_default();
    let years = move || {
        let shown = shown.get();
        open.with(|o| o.as_ref().map(|s| s.period.years_outside().filter(|y| !shown.contains(y)).collect::<Vec<_>>()))
            .unwrap_or_default()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || if basis().is_fiscal() {
                state.tr("計画期間外の年度を追加", "Add a year outside the plan period")
            } else {
                state.tr("計画期間外の年を追加", "Add a year outside the plan period")
            }}</label>
            <select id=id data-testid=testid
                on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        on_pick.run(FiscalYear(y));
                    }
                    if let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                        select.set_value("");
                    }
                }
            >
                <option value="" selected>{move || if basis().is_fiscal() {
                    state.tr("年度を選ぶ…", "Choose a year…")
                } else {
                    state.tr("年を選ぶ…", "Choose a year…")
                }}</option>
                {move || years().into_iter().map(|y| view! {
                    <option value=y.0.to_string()>{locale::value_year(basis(), y, state.lang(), state.year_style())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn CheckField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] checked: Signal<bool>,
    on_commit: Callback<bool>,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    view! {
        <label class="inline check">
            <input type="checkbox" data-testid=testid prop:checked=move || checked.get()
                on:change=move |ev| on_commit.run(event_target_checked(&ev)) />
            {move || label.get()}
        </label>
    }
}

/// The 17 SDGs as coloured tiles that can be switched on and off.
#[component]
pub fn SdgPicker(#[prop(into)] value: Signal<Vec<Sdg>>, on_commit: Callback<Vec<Sdg>>) -> impl IntoView {
    let state = use_speech();
    view! {
        <fieldset class="sdg-picker">
            <legend>{state.text("SDGs（持続可能な開発目標）", "SDGs (Sustainable Development Goals)")}</legend>
            {Sdg::all().map(|sdg| {
                let on = move || value.with(|v| v.contains(&sdg));
                let name = move || match state.lang() {
                    crate::locale::Language::Ja => sdg.japanese(),
                    crate::locale::Language::En => sdg.english(),
                };
                view! {
                    <label class="sdg-tile" class:on=on style=format!("--sdg:{};--sdg-text:{}", sdg.colour(), sdg.text_colour()) title=name>
                        <input type="checkbox" class="visually-hidden" data-testid=format!("sdg-{}", sdg.0)
                            prop:checked=on
                            on:change=move |ev| {
                                let mut v = value.get_untracked();
                                if event_target_checked(&ev) { if !v.contains(&sdg) { v.push(sdg); crate::sorting::natural(&mut v); } } else { v.retain(|s| *s != sdg); }
                                on_commit.run(v);
                            } />
                        <span class="sdg-number" aria-hidden="true">{sdg.0}</span>
                        <span class="visually-hidden">{move || format!("SDG {} {}", sdg.0, name())}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
