//! Creating a strategy: title, municipality, plan period (typed as 令和8年度, R8 or 2026), and a
//! starting point — blank, or the national 2nd-period framework (4 basic + 2 cross-cutting goals).

use super::state::use_app;
use crate::locale;
use crate::model::{template, FiscalYear, PlanPeriod, Strategy};
use leptos::prelude::*;

#[component]
pub fn CreateForm(on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
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
    let from_template = RwSignal::new(true);
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
        let strategy = if from_template.get_untracked() {
            template::from_second_period(&t, &m, period)
        } else {
            Strategy::blank(&t, &m, period)
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
            <h2>{move || state.tr("新しい戦略", "New strategy")}</h2>
            <div class="grid2">
                {text_field("new-title", ("戦略の名称", "Name of the strategy"), title, "第3期〇〇町まち・ひと・しごと創生総合戦略", Some(left_title))}
                {text_field("new-municipality", ("自治体名", "Municipality"), municipality, "〇〇町", Some(left_municipality))}
                {text_field("new-first", ("計画期間（最初の年度）", "Plan period: first fiscal year"), first, "令和8年度", None)}
                <span class="hint" data-testid="first-hint">{move || year_hint(first)}</span>
                {text_field("new-last", ("計画期間（最後の年度）", "Plan period: last fiscal year"), last, "令和12年度", None)}
                <span class="hint">{move || year_hint(last)}</span>
            </div>
            <fieldset>
                <legend>{move || state.tr("ひな形", "Start from")}</legend>
                <label class="inline">
                    <input type="radio" name="template" prop:checked=move || from_template.get() on:change=move |_| from_template.set(true)/>
                    {move || state.tr("国の第2期総合戦略の枠組み（基本目標4つ＋横断的な目標2つ）", "The national 2nd-period framework (4 basic + 2 cross-cutting goals)")}
                </label>
                <label class="inline">
                    <input type="radio" name="template" prop:checked=move || !from_template.get() on:change=move |_| from_template.set(false)/>
                    {move || state.tr("白紙", "Blank")}
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
                    {move || state.tr("作成する", "Create")}
                </button>
                <button type="button" class="quiet" on:click=move |_| on_done.run(())>{move || state.tr("やめる", "Cancel")}</button>
            </div>
        </form>
    }
}
