//! The towns side by side for a fiscal year (`model::region::side_by_side`): one row per town,
//! sortable by any column (`sort_rows`), the region's totals (管内計) under them, each town
//! opening its own overview; the same table as a CSV for Excel; and 印刷 (A4 landscape: the
//! region's name, the year and the table — `style/print.css`). On screen the headings wrap
//! and the table scrolls inside its own box, never wider than the page.

use super::loaded::Loaded;
use crate::format::csv;
use crate::locale::{self, tr, Language};
use crate::model::region::{opening_year, plan_years, side_by_side, sort_rows, Column, SideBySide, SortOrder};
use crate::model::{FiscalYear, Money, StatusMix};
use crate::session::route::Route;
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::{use_speech, Speaks, Speech};
use crate::ui::state::{use_downloads, Downloads};
use leptos::prelude::*;
use std::sync::Arc;

/// A column's heading and its name for the tests and the page's markup.
fn heading(c: Column, lang: Language) -> (&'static str, &'static str) {
    let (ja, en, key) = match c {
        Column::Municipality => ("自治体（団体コード）", "Municipality (code)", "municipality"),
        Column::Period => ("計画期間", "Plan period", "period"),
        Column::Stage => ("策定段階", "Stage", "stage"),
        Column::Goals => ("目標", "Goals", "goals"),
        Column::Measures => ("施策", "Measures", "measures"),
        Column::Initiatives => ("事業", "Initiatives", "initiatives"),
        Column::Indicators => ("指標", "Indicators", "indicators"),
        Column::Achieved => ("達成", "Achieved", "achieved"),
        Column::OnTrack => ("順調", "On track", "on_track"),
        Column::Behind => ("遅れ", "Behind", "behind"),
        Column::NoData => ("データなし", "No data", "no_data"),
        Column::ActualShare => ("実績入力率", "With an actual", "actual_share"),
        Column::Budget => ("予算額（千円）", "Budget (¥1,000)", "budget"),
        Column::Settled => ("決算額（千円）", "Settled (¥1,000)", "settled"),
    };
    (tr(lang, ja, en), key)
}

fn money(v: Option<Money>) -> String {
    v.map(|v| locale::number(v as f64)).unwrap_or_else(|| "—".to_owned())
}

fn share(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0}%", v * 100.0)).unwrap_or_else(|| "—".to_owned())
}

/// The figures after the first three columns, as the cells show them.
fn figures(
    counts: &crate::model::Counts,
    mix: &StatusMix,
    actual_share: Option<f64>,
    budget: Option<Money>,
    settled: Option<Money>,
) -> [String; 11] {
    [
        counts.goals.to_string(),
        counts.measures.to_string(),
        counts.initiatives.to_string(),
        counts.indicators.to_string(),
        mix.achieved.to_string(),
        mix.on_track.to_string(),
        mix.behind.to_string(),
        mix.no_data.to_string(),
        share(actual_share),
        money(budget),
        money(settled),
    ]
}

#[component]
pub fn SideBySideTable(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_speech();
    let downloads = use_downloads();
    let chosen = RwSignal::new(None::<FiscalYear>);
    let sort = RwSignal::new(None::<(Column, SortOrder)>);
    let years = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| plan_years(&d.towns())).unwrap_or_default()));
    let year = Memo::new(move |_| {
        chosen
            .get()
            .or_else(|| data.with(|d| d.as_ref().and_then(|d| opening_year(&d.towns(), files::current_fiscal_year()))))
    });
    let table = Memo::new(move |_| {
        let year = year.get()?;
        let mut t = data.with(|d| d.as_ref().map(|d| side_by_side(&d.towns(), year)))?;
        if let Some((column, order)) = sort.get() {
            sort_rows(&mut t.rows, column, order);
        }
        Some(t)
    });
    let click = move |c: Column| {
        sort.update(|s| {
            *s = match *s {
                Some((was, SortOrder::Ascending)) if was == c => Some((c, SortOrder::Descending)),
                _ => Some((c, SortOrder::Ascending)),
            }
        })
    };
    let on_year = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
            chosen.set(Some(FiscalYear(y)));
        }
    };

    view! {
        <TitledPanel testid="side-by-side" title=("市町村の比較", "Towns side by side")
            lead=("指標の達成状況は、選んだ年度までの最新の実績で、各市町村の評価のしかたで判定します。見出しを押すと並べ替えます。", "Each indicator's status uses its latest actual up to the chosen year, by each town's own rule. Click a heading to sort.")>
            <div class="actions">
                <label for="side-by-side-year">{state.text("年度", "Fiscal year")}</label>
                <select id="side-by-side-year" data-testid="side-by-side-year" on:change=on_year>
                    {move || {
                        let (lang, style) = (state.lang(), state.year_style());
                        let now = year.get();
                        years.get().into_iter().map(|y| view! {
                            <option value=y.0.to_string() selected=now == Some(y)>{locale::year(y, lang, style)}</option>
                        }).collect_view()
                    }}
                </select>
                <button type="button" data-testid="side-by-side-csv" disabled=move || table.with(Option::is_none)
                    on:click=move |_| if let (Some(t), Some(d)) = (table.get_untracked(), data.get_untracked()) { download(state, downloads, &d.region.name, &t) }>
                    {state.text("CSV を書き出す（Excel 用）", "Export CSV (for Excel)")}
                </button>
                <button type="button" data-testid="side-by-side-print" disabled=move || table.with(Option::is_none) on:click=move |_| print_page()>
                    {state.text("印刷（A4 横）", "Print (A4 landscape)")}
                </button>
            </div>
            <p class="print-only" data-testid="side-by-side-print-year">{move || {
                let (lang, style) = (state.lang(), state.year_style());
                year.get().map(|y| crate::words::region::as_of(&locale::year(y, lang, style), &files::today(), lang))
            }}</p>
            {move || {
                let lang = state.lang();
                let style = state.year_style();
                let t = table.get()?;
                let (sorted, order) = sort.get().unzip();
                Some(view! {
                    // Focusable and named: a box that scrolls must be reachable by keyboard.
                    <div class="table-wrap side-by-side-wrap" tabindex="0" role="region"
                        aria-label=tr(lang, "市町村の比較（横にスクロールできます）", "Towns side by side (scrolls sideways)")>
                        <table class="side-by-side" data-testid="side-by-side-table">
                            <caption class="visually-hidden">{tr(lang, "市町村の比較", "Towns side by side")}</caption>
                            <thead><tr>
                                {Column::ALL.into_iter().map(|c| {
                                    let (label, key) = heading(c, lang);
                                    let aria = (sorted == Some(c)).then_some(match order { Some(SortOrder::Descending) => "descending", _ => "ascending" });
                                    view! {
                                        <th scope="col" aria-sort=aria data-col=key>
                                            <button type="button" class="sort" data-testid=format!("sort-{key}") on:click=move |_| click(c)>
                                                // A break before the unit: "予算額" / "（千円）" (the headings wrap whole words only).
                                                {label.replacen('（', "\u{200B}（", 1)}{match aria { Some("ascending") => " ▲", Some(_) => " ▼", None => "" }}
                                            </button>
                                        </th>
                                    }
                                }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {t.rows.iter().map(|r| {
                                    let stage = match lang { Language::Ja => r.stage.japanese(), Language::En => r.stage.as_str() };
                                    let cells = figures(&r.counts, &r.mix, r.actual_share(), r.budget, r.settled);
                                    view! {
                                        <tr data-testid="town-row" data-id=r.strategy.to_string()>
                                            <th scope="row" data-col="municipality">
                                                <a href=Route::Strategy(r.strategy.clone()).hash() data-testid="town-link">{r.municipality.name.clone()}</a>
                                                {r.municipality.code.clone().map(|c| view! { " "<span class="code">{format!("（{c}）")}</span> })}
                                            </th>
                                            <td data-col="period" class="period">{format!("{}〜{}", locale::year(r.period.first, lang, style), locale::year(r.period.last, lang, style))}</td>
                                            <td data-col="stage">{stage}</td>
                                            {cells.into_iter().zip(Column::ALL.into_iter().skip(3)).map(|(v, c)| view! {
                                                <td class="num" data-col=heading(c, lang).1>{v}</td>
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                            <tfoot>
                                <tr data-testid="region-totals">
                                    <th scope="row" colspan="3">{crate::words::region::region_total(t.totals.towns, lang)}</th>
                                    {figures(&t.totals.counts, &t.totals.mix, t.totals.actual_share(), t.totals.budget, t.totals.settled)
                                        .into_iter().zip(Column::ALL.into_iter().skip(3)).map(|(v, c)| view! {
                                            <td class="num" data-col=heading(c, lang).1>{v}</td>
                                        }).collect_view()}
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                })
            }}
            <Show when=move || data.with(|d| d.as_ref().is_some_and(|d| d.towns.is_empty()))>
                <p class="empty" data-testid="region-empty">{state.text(
                    "まだ市町村がありません。上の「ファイルを選ぶ」で市町村のファイルを取り込んでください。",
                    "No town yet. Bring the towns' files in with “Choose files” above.")}</p>
            </Show>
        </TitledPanel>
    }
}

/// The browser's print dialog (the print stylesheet leaves the region's name and this table).
fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Downloads the table as shown (its order, its year) with the totals row, named
/// `渡島総合振興局管内_比較表_令和6年度_2026-11-23.csv`.
fn download(state: Speech, downloads: Downloads, region: &str, t: &SideBySide) {
    let style = state.year_style();
    let text = csv::side_by_side_table(t, style);
    let middle =
        format!("{}_{}", tr(state.lang(), "比較表", "side-by-side"), locale::year(t.year, state.lang(), style));
    let name = files::file_name(region, &middle, &files::today(), "csv");
    downloads.csv(name, &text);
}
