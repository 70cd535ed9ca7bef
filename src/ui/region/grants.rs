//! 補助事業 across the region (`model::region::grants`): the initiatives each town marks
//! 補助事業, one row per initiative and fiscal year with its 交付金 (programme) and 予算額,
//! 交付金額 and 決算額 in 千円, narrowed by town, year and programme (`GrantFilter`: one
//! programme's projects across the towns) and by words in the initiative's name, with the
//! totals of the rows shown — what the bureau reads when advising on 地方創生関係交付金.

use super::loaded::Loaded;
use crate::locale::{self, tr};
use crate::model::region::{grants, key, GrantFilter, GrantRow, ProgrammeFilter};
use crate::model::{FiscalYear, GrantProgramme, Id, Money};
use crate::session::route::{Route, Selection};
use crate::ui::kit::panel::column_heads;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;
use std::sync::Arc;

fn money(v: Option<Money>) -> String {
    v.map(|v| locale::number(v as f64)).unwrap_or_else(|| "—".to_owned())
}

/// The sum of the amounts given; `None` when no row has one (missing is not zero).
/// How many rows are drawn before the user asks for all of them.
const ROWS_SHOWN: usize = 200;

fn total(rows: &[GrantRow], pick: fn(&GrantRow) -> Option<Money>) -> Option<Money> {
    rows.iter().filter_map(pick).fold(None, |sum, v| Some(sum.unwrap_or(0) + v))
}

/// The programme dropdown's value as a filter: a programme's key, `other` (the towns' own
/// words), `unnamed`, or empty for all.
fn programme_filter(value: &str) -> Option<ProgrammeFilter> {
    match value {
        "" => None,
        "other" => Some(ProgrammeFilter::Is(GrantProgramme::Other(String::new()))),
        "unnamed" => Some(ProgrammeFilter::Unnamed),
        key => GrantProgramme::from_key(key).map(ProgrammeFilter::Is),
    }
}

#[component]
pub fn Grants(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_speech();
    let town = RwSignal::new(None::<Id>);
    let year = RwSignal::new(None::<FiscalYear>);
    let programme = RwSignal::new(None::<ProgrammeFilter>);
    let words = RwSignal::new(String::new());
    let all_rows = RwSignal::new(false);
    // Every year any row has, for the year filter.
    let years = Memo::new(move |_| {
        data.with(|d| {
            let mut years: Vec<FiscalYear> = d
                .as_ref()
                .map(|d| grants(&d.towns(), &GrantFilter::default()).into_iter().filter_map(|r| r.year).collect())
                .unwrap_or_default();
            crate::sorting::natural(&mut years);
            years.dedup();
            years
        })
    });
    let rows = Memo::new(move |_| {
        let filter = GrantFilter { year: year.get(), town: town.get(), programme: programme.get() };
        let found = words.with(|w| w.split_whitespace().map(key).filter(|w| !w.is_empty()).collect::<Vec<_>>());
        data.with(|d| {
            d.as_ref()
                .map(|d| grants(&d.towns(), &filter))
                .unwrap_or_default()
                .into_iter()
                .filter(|r| {
                    let text = key(&format!(
                        "{} {} {} {}",
                        r.municipality,
                        r.number,
                        r.title,
                        r.programme.as_deref().unwrap_or("")
                    ));
                    found.iter().all(|w| text.contains(w.as_str()))
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <TitledPanel testid="region-grants" class="region-section" title=("補助事業", "Subsidised initiatives")
            lead=("各市町村が「補助事業」とした事業を、交付金の種類と年度ごとの予算額・交付金額・決算額（千円）とともに示します。「交付金」で選ぶと、その交付金の事業を市町村をまたいで並べます。", "The initiatives each town marks as subsidised, with their grant programme and their budget, grant and settled cost per fiscal year (¥1,000). Choose a grant to list its projects across the towns.")>
            <div class="region-filters">
                <div class="field">
                    <label for="grants-town">{state.text("市町村", "Town")}</label>
                    <select id="grants-town" data-testid="grants-town"
                        on:change=move |ev| { let v = event_target_value(&ev); town.set((!v.is_empty()).then(|| Id::from(v.as_str()))) }>
                        <option value="">{state.text("すべて", "All")}</option>
                        {move || data.get().map(|d| d.towns.iter().map(|s| view! {
                            <option value=s.id.to_string() selected=town.get_untracked().as_ref() == Some(&s.id)>{s.municipality.name.clone()}</option>
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="grants-year">{state.text("年度", "Fiscal year")}</label>
                    <select id="grants-year" data-testid="grants-year"
                        on:change=move |ev| year.set(event_target_value(&ev).parse::<i32>().ok().map(FiscalYear))>
                        <option value="">{state.text("すべて", "All")}</option>
                        {move || {
                            let (lang, style) = (state.lang(), state.year_style());
                            years.get().into_iter().map(|y| view! {
                                <option value=y.0.to_string() selected=year.get_untracked() == Some(y)>{locale::year(y, lang, style)}</option>
                            }).collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="grants-programme">{state.text("交付金", "Grant")}</label>
                    <select id="grants-programme" data-testid="grants-programme"
                        on:change=move |ev| programme.set(programme_filter(&event_target_value(&ev)))>
                        <option value="">{state.text("すべて", "All")}</option>
                        {move || {
                            let lang = state.lang();
                            GrantProgramme::NAMED.iter().map(|p| view! {
                                <option value=p.key()>{locale::grant_programme(p, lang)}</option>
                            }).collect_view()
                        }}
                        <option value="other">{state.text("その他の交付金", "Other grants")}</option>
                        <option value="unnamed">{state.text("交付金の記入なし", "No grant named")}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="grants-words">{state.text("事業名の言葉", "Words in the name")}</label>
                    <input id="grants-words" type="search" data-testid="grants-words" prop:value=move || words.get()
                        on:input=move |ev| words.set(event_target_value(&ev))/>
                </div>
            </div>
            {move || {
                let (lang, style) = (state.lang(), state.year_style());
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="empty" data-testid="grants-none">{tr(lang, "該当する補助事業はありません。", "No subsidised initiative found.")}</p> }.into_any();
                }
                let (budget, settled, grant) =
                    (total(&rows, |r| r.budget), total(&rows, |r| r.settled), total(&rows, |r| r.grant));
                let count = rows.len();
                // The totals are of every row; a region's first screenful of rows is drawn (179
                // towns have some 13,000), the rest on asking or by narrowing the filters.
                let hidden = if all_rows.get() { 0 } else { count.saturating_sub(ROWS_SHOWN) };
                let rows: Vec<GrantRow> = rows.into_iter().take(count - hidden).collect();
                view! {
                    // Drawn only when scrolled near: a region of 179 towns has some 13,000 rows
                    // here (94,000 elements, most of the page), whose style and layout otherwise
                    // slowed opening the page and every keystroke of the theme search above.
                    <div class="scroll-box" style="content-visibility: auto; contain-intrinsic-size: auto 30rem">
                        <table class="region-grants" data-testid="grants-table">
                            <caption class="visually-hidden">{tr(lang, "補助事業", "Subsidised initiatives")}</caption>
                            {column_heads(lang, &[
                                ("市区町村", "Municipality"),
                                ("事業", "Initiative"),
                                ("交付金", "Grant"),
                                ("年度", "Fiscal year"),
                                ("予算額（千円）", "Budget (¥1,000)"),
                                ("交付金額（千円）", "Grant (¥1,000)"),
                                ("決算額（千円）", "Settled (¥1,000)"),
                            ])}
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let href = r.path.initiative.clone().map(|i| Route::Edit(r.path.strategy.clone(), Selection::Initiative(i)).hash());
                                    let title = if r.number.trim().is_empty() { r.title.clone() } else { format!("{} {}", r.number, r.title) };
                                    view! {
                                        <tr data-testid="grant-row" data-town=r.path.strategy.to_string()>
                                            <th scope="row">{r.municipality.clone()}</th>
                                            <td><a href=href>{title}</a></td>
                                            <td data-col="programme">{r.programme.clone().unwrap_or_else(|| "—".to_owned())}</td>
                                            <td>{r.year.map(|y| locale::year(y, lang, style)).unwrap_or_else(|| "—".to_owned())}</td>
                                            <td class="num" data-col="budget">{money(r.budget)}</td>
                                            <td class="num" data-col="grant">{money(r.grant)}</td>
                                            <td class="num" data-col="settled">{money(r.settled)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                            <tfoot>
                                <tr data-testid="grants-totals">
                                    <th scope="row" colspan="4">{crate::words::region::grants_total(count, lang)}</th>
                                    <td class="num" data-col="budget">{money(budget)}</td>
                                    <td class="num" data-col="grant">{money(grant)}</td>
                                    <td class="num" data-col="settled">{money(settled)}</td>
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                    {(hidden > 0).then(|| view! {
                        <p class="meta" data-testid="grants-hidden">
                            {crate::words::region::grants_hidden(hidden, lang)}
                            <button type="button" class="link" data-testid="grants-show-all" on:click=move |_| all_rows.set(true)>
                                {tr(lang, "すべて表示する", "show them all")}
                            </button>
                        </p>
                    })}
                }.into_any()
            }}
        </TitledPanel>
    }
}
