//! Creating a strategy: title, municipality, plan period (typed as 令和8年度, R8 or 2026), and a
//! starting point — one of the national frames, newest first (`model::frames`: its goals become
//! the strategy's, linked to the frame's), or blank. The newest frame is chosen at first.

use crate::locale;
use crate::model::frames::{self, Frame};
use crate::model::{template, FiscalYear, PlanPeriod, Strategy};
use crate::ui::speech::Speaks;
use crate::ui::state::use_library;
use leptos::prelude::*;

#[component]
pub fn CreateForm(on_done: Callback<()>) -> impl IntoView {
    let state = use_library();
    let this_year = {
        let d = js_sys::Date::new_0();
        let y = d.get_full_year() as i32;
        if d.get_month() < 3 {
            y - 1
        } else {
            y
        }
    };
    let title = RwSignal::new(String::new());
    let municipality = RwSignal::new(String::new());
    let first = RwSignal::new(FiscalYear(this_year).japanese());
    let last = RwSignal::new(FiscalYear(this_year + 4).japanese());
    // The frame to start from, by its key; `None`: blank.
    let start = RwSignal::new(Some(frames::newest().key));
    // A field's problem shows once the field was left, or once 作成する was pressed: a new form
    // starts without red.
    let left_title = RwSignal::new(false);
    let left_municipality = RwSignal::new(false);
    let tried = RwSignal::new(false);

    let parsed = move |s: RwSignal<String>| FiscalYear::parse(&s.get());
    let period = move || match (parsed(first), parsed(last)) {
        (Ok(a), Ok(b)) if a <= b => Some(PlanPeriod { first: a, last: b }),
        _ => None,
    };
    let year_hint = move |s: RwSignal<String>| {
        let lang = state.lang();
        match parsed(s) {
            Ok(y) => format!("= {} / {}", y.japanese(), y.english()),
            Err(_) => locale::tr(
                lang,
                "年度として読めません（例: 令和8年度, R8, 2026）",
                "Not a fiscal year (e.g. 令和8年度, R8, 2026)",
            )
            .to_owned(),
        }
    };
    let problems = move || {
        let mut p = Vec::new();
        if title.get().trim().is_empty() {
            p.push((left_title, state.tr("戦略の名称が未入力です", "The strategy's name is not entered")));
        }
        if municipality.get().trim().is_empty() {
            p.push((left_municipality, state.tr("自治体名が未入力です", "The municipality is not entered")));
        }
        if parsed(first).is_ok() && parsed(last).is_ok() && period().is_none() {
            p.push((tried, state.tr("計画期間の終わりが始まりより前です", "The plan period ends before it starts")));
        }
        p
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(period) = period() else { return };
        if !problems().is_empty() {
            return;
        }
        let (t, m) = (title.get_untracked().trim().to_owned(), municipality.get_untracked().trim().to_owned());
        let strategy = match start.get_untracked().and_then(frames::by_key) {
            Some(frame) => template::from_frame(frame, &t, &m, period),
            None => Strategy::blank(&t, &m, period),
        };
        on_done.run(());
        state.add_and_open(strategy);
    };
    let text_field = move |id: &'static str,
                           label: (&'static str, &'static str),
                           value: RwSignal<String>,
                           placeholder: &'static str,
                           left: Option<RwSignal<bool>>| {
        view! {
            <label for=id>{move || state.tr(label.0, label.1)}</label>
            <input id=id type="text" placeholder=placeholder prop:value=value.get_untracked()
                on:change=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| if let Some(l) = left { l.set(true) }
                on:input=move |ev| value.set(event_target_value(&ev)) />
        }
    };
    view! {
        <form class="panel create-form" on:submit=submit data-testid="create-form">
            <h2>{state.text("新しい戦略", "New strategy")}</h2>
            <div class="grid2">
                {text_field("new-title", ("戦略の名称", "Name of the strategy"), title, "第3期〇〇町まち・ひと・しごと創生総合戦略", Some(left_title))}
                {text_field("new-municipality", ("自治体名", "Municipality"), municipality, "〇〇町", Some(left_municipality))}
                {text_field("new-first", ("計画期間（最初の年度）", "Plan period: first fiscal year"), first, "令和8年度", None)}
                <span class="hint" data-testid="first-hint">{move || year_hint(first)}</span>
                {text_field("new-last", ("計画期間（最後の年度）", "Plan period: last fiscal year"), last, "令和12年度", None)}
                <span class="hint">{move || year_hint(last)}</span>
            </div>
            <fieldset class="frame-choices" data-testid="create-start">
                <legend>{state.text("ひな形（国の総合戦略の枠組み）", "Start from (the national strategy's frame)")}</legend>
                {frames::FRAMES.iter().map(|frame| view! { <FrameChoice frame=frame start=start/> }).collect_view()}
                <label class="inline" data-testid="start-blank">
                    <input type="radio" name="template" prop:checked=move || start.get().is_none() on:change=move |_| start.set(None)/>
                    {state.text("白紙", "Blank")}
                </label>
            </fieldset>
            <ul class="field-problems" aria-live="polite" data-testid="create-problems">
                {move || {
                    let shown = tried.get();
                    problems().into_iter().filter(|(left, _)| shown || left.get()).map(|(_, p)| view! { <li>{p}</li> }).collect_view()
                }}
            </ul>
            <div class="actions">
                <button type="submit" class="primary" data-testid="create-submit">
                    {state.text("作成する", "Create")}
                </button>
                <button type="button" class="quiet" on:click=move |_| on_done.run(())>{state.text("やめる", "Cancel")}</button>
            </div>
        </form>
    }
}

/// One frame to start from: its name (the radio's label), its decision and period, and — when
/// chosen — the goals it lays out, in the national document's words.
#[component]
fn FrameChoice(frame: &'static Frame, start: RwSignal<Option<&'static str>>) -> impl IntoView {
    let state = use_library();
    let chosen = move || start.get() == Some(frame.key);
    let about = move || {
        let (lang, style) = (state.lang(), state.year_style());
        crate::words::editor::frame_about(frame, lang, style)
    };
    let heading = move |kind| match kind {
        crate::model::GoalKind::Basic => frame.basic_heading,
        crate::model::GoalKind::CrossCutting => frame.cross_heading.unwrap_or("横断的な目標"),
    };
    view! {
        <div class="frame-choice" data-testid=format!("start-{}", frame.key)>
            <label class="inline">
                <input type="radio" name="template" prop:checked=chosen on:change=move |_| start.set(Some(frame.key))/>
                {frame.name}
            </label>
            <span class="hint">{about}</span>
            <Show when=chosen>
                <ul class="frame-goals" data-testid="frame-goals">
                    {frame.goals.iter().map(|g| view! { <li>{format!("{}{} {}", heading(g.kind), g.number, g.title)}</li> }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
