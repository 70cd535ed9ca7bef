//! The mapping of a town's table: the sheet (when the workbook has several), the header rows
//! (Excel's row numbers, editable), the table's first body rows with a dropdown of roles above
//! each column (proposed from the headers, or remembered for the layout: said so), and where
//! new indicators go when their row names no goal or measure. Every choice goes to the
//! `TableDraft`; 「取り込む内容を確認する」 shows the plan below.

use crate::format::table::{cell_text, ColumnRole, Grid, Mapping, Placement};
use crate::locale::{tr, Language, YearStyle};
use crate::model::{GoalKind, Strategy};
use crate::session::table_import::TableDraft;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use crate::words;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Excel's letter of a column (0 → A, 26 → AA).
pub(super) fn letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A goal or measure as the place picker and the plan name it: 「基本目標 1 稼ぐ産業と…」.
pub(super) fn place_name(s: &Strategy, place: &Placement, lang: Language) -> String {
    match place {
        Placement::Strategy => tr(lang, "（基本目標・施策には入れない）", "(no goal or measure)").to_owned(),
        Placement::Goal(id) => s.goals.iter().find(|g| &g.id == id).map_or_else(String::new, |g| {
            let kind = match g.kind {
                GoalKind::Basic => tr(lang, "基本目標", "Goal"),
                GoalKind::CrossCutting => tr(lang, "横断的な目標", "Cross-cutting goal"),
            };
            format!("{kind} {} {}", g.number, g.title)
        }),
        Placement::Measure(id) => s
            .measures()
            .find(|(_, m)| &m.id == id)
            .map_or_else(String::new, |(_, m)| format!("{} {} {}", tr(lang, "施策", "Measure"), m.number, m.title)),
    }
}

fn place_value(place: &Placement) -> String {
    match place {
        Placement::Strategy => "strategy".into(),
        Placement::Goal(id) => format!("goal:{id}"),
        Placement::Measure(id) => format!("measure:{id}"),
    }
}

/// Every place new indicators can go: nowhere in particular, then each goal and its measures.
fn places(s: &Strategy) -> Vec<Placement> {
    let mut out = vec![Placement::Strategy];
    for g in &s.goals {
        out.push(Placement::Goal(g.id.clone()));
        out.extend(g.measures.iter().map(|m| Placement::Measure(m.id.clone())));
    }
    out
}

#[component]
pub(super) fn MappingView(
    draft: RwSignal<Option<TableDraft>>,
    mappings: RwSignal<BTreeMap<String, Mapping>>,
    previewing: RwSignal<bool>,
    cancel: Callback<()>,
) -> impl IntoView {
    let speech = use_speech();
    let open = use_open();
    // Drawn anew only when the table's layout changes (another sheet, other header rows, a new
    // table) or the language: a role chosen changes only its dropdown's value.
    let layout = Memo::new(move |_| {
        draft.with(|d| d.as_ref().map(|d| (d.sheets.clone(), d.sheet, d.header_first, d.header_last)))
    });
    move || {
        // Read, not only tracked: a memo is computed (and follows the draft) only when read.
        layout.with(|_| ());
        let lang = speech.lang();
        let style = speech.year_style();
        let d = draft.get_untracked()?;
        let s = open.get_untracked()?;
        let sheet_names: Vec<String> = d.sheets.iter().map(|g| g.name.clone()).collect();
        let rows_in_sheet = d.grid().rows.len().max(1);
        let body_rows = d.shape().body.len();
        let columns = Columns {
            grid: d.grid().clone(),
            choices: ColumnRole::choices(&d.years(&s)),
            headers: d.headers.clone(),
            header_rows: (d.header_first..=d.header_last).collect(),
            sample: d.sample_rows(),
            body_rows,
        };
        let place_choices = places(&s);
        let place_labels: Vec<(String, String)> =
            place_choices.iter().map(|p| (place_value(p), place_name(&s, p, lang))).collect();
        Some(view! {
            <section class="csv-preview" data-testid="table-mapping" aria-labelledby="table-mapping-title">
                <h3 id="table-mapping-title">
                    {tr(lang, "列の対応を確かめる", "Check what each column holds")}" "
                    <span class="meta">{match &d.origin {
                        crate::session::table_import::CellSource::File(name) => name.clone(),
                        crate::session::table_import::CellSource::Pasted => tr(lang, "貼り付けたセル", "pasted cells").to_owned(),
                    }}</span>
                </h3>
                <SheetChoice draft=draft mappings=mappings previewing=previewing lang=lang names=sheet_names sheet=d.sheet/>
                <HeaderRows draft=draft mappings=mappings previewing=previewing lang=lang rows_in_sheet=rows_in_sheet body_rows=body_rows/>
                {(!d.header_found).then(|| view! {
                    <p class="preview-note" data-testid="table-no-header">{tr(lang,
                        "見出しの行が見つかりませんでした。1行目を見出しとしています。見出しの行の番号を指定してください。",
                        "No header row was found: the first row is taken as the header. Give the header rows' numbers.")}</p>
                })}
                {move || draft.with(|d| d.as_ref().is_some_and(|d| d.is_own())).then(|| view! {
                    <p class="preview-note" data-testid="table-own">{tr(lang,
                        "しるべで書き出した表です。列の対応はそのまま使えるので、下に取り込む内容を表示しています。",
                        "A table Shirube wrote: its columns are known, so what importing it would change is shown below.")}</p>
                })}
                {move || draft.with(|d| d.as_ref().is_some_and(|d| d.remembered)).then(|| view! {
                    <p class="preview-note" data-testid="table-remembered">{tr(lang,
                        "前回の対応を使っています（同じ形の表で確かめた列の対応です）。",
                        "Using the roles you confirmed last time for a table of this layout.")}</p>
                })}
                <p class="hint">{tr(lang,
                    "各列の上で、その列に何が書いてあるかを選んでください（見出しから推定しています）。取り込まない列は「無視」にします。",
                    "Above each column, choose what it holds (proposed from its header). Set columns not to import to Ignore.")}</p>
                <ColumnTable draft=draft lang=lang style=style columns=columns/>
                <PlaceChoice draft=draft lang=lang choices=place_choices labels=place_labels/>
                {move || (!draft.with(|d| d.as_ref().is_some_and(TableDraft::names_indicators))).then(|| view! {
                    <p class="preview-note" data-testid="table-no-name">{tr(lang,
                        "「指標名」か「指標番号」の列を選んでください。どの指標の行かが分かりません。",
                        "Choose the column of indicator names or codes: otherwise no row says which indicator it is.")}</p>
                })}
                <div class="actions">
                    <button type="button" class="primary" data-testid="table-check"
                        disabled=move || !draft.with(|d| d.as_ref().is_some_and(TableDraft::names_indicators))
                        on:click=move |_| previewing.set(true)>
                        {tr(lang, "取り込む内容を確認する", "Check what would be imported")}
                    </button>
                    <button type="button" data-testid="table-cancel-mapping" on:click=move |_| cancel.run(())>{tr(lang, "やめる", "Cancel")}</button>
                </div>
            </section>
        })
    }
}

/// The sheet to read, when the workbook has several.
#[component]
fn SheetChoice(
    draft: RwSignal<Option<TableDraft>>,
    mappings: RwSignal<BTreeMap<String, Mapping>>,
    previewing: RwSignal<bool>,
    lang: Language,
    names: Vec<String>,
    sheet: usize,
) -> impl IntoView {
    let sheet_names = names;
    view! {
        {(sheet_names.len() > 1).then(|| view! {
            <p>
                <label for="table-sheet">{tr(lang, "シート", "Sheet")}</label>" "
                <select id="table-sheet" data-testid="table-sheet" style="font: inherit;"
                    on:change=move |ev| {
                        let Ok(i) = event_target_value(&ev).parse::<usize>() else { return };
                        previewing.set(false);
                        mappings.with_untracked(|m| draft.update(|d| if let Some(d) = d { d.choose_sheet(i, m) }));
                    }>
                    {sheet_names.iter().enumerate().map(|(i, n)| view! { <option value=i.to_string() selected=i == sheet>{n.clone()}</option> }).collect_view()}
                </select>
            </p>
        })}
    }
}

/// The header rows, as Excel numbers them (editable), and how many rows the body has.
#[component]
fn HeaderRows(
    draft: RwSignal<Option<TableDraft>>,
    mappings: RwSignal<BTreeMap<String, Mapping>>,
    previewing: RwSignal<bool>,
    lang: Language,
    rows_in_sheet: usize,
    body_rows: usize,
) -> impl IntoView {
    let header_input = move |first: bool| {
        let value = move || {
            draft.with(|d| {
                d.as_ref().map(|d| if first { d.header_first } else { d.header_last }).unwrap_or(1).to_string()
            })
        };
        view! {
            <input type="number" min="1" max=rows_in_sheet.to_string() inputmode="numeric" style="width: 5rem; font: inherit;"
                data-testid=if first { "table-header-first" } else { "table-header-last" }
                aria-label=if first { tr(lang, "見出しの最初の行", "First header row") } else { tr(lang, "見出しの最後の行", "Last header row") }
                prop:value=value
                on:change=move |ev| {
                    let Ok(n) = crate::model::half_width(&event_target_value(&ev)).trim().parse::<usize>() else { return };
                    previewing.set(false);
                    mappings.with_untracked(|m| draft.update(|d| if let Some(d) = d {
                        let (a, b) = if first { (n, d.header_last.max(n)) } else { (d.header_first, n) };
                        d.set_header_rows(a, b, m);
                    }));
                }/>
        }
    };
    view! {
        <p data-testid="table-header-rows">
            {tr(lang, "見出しの行: ", "Header rows: ")}
            {header_input(true)}" 〜 "{header_input(false)}
            {tr(lang, " 行目", "")}
            <span class="hint">" "{words::table_import::body_rows(body_rows, lang)}</span>
        </p>
    }
}

/// What [`ColumnTable`] shows of the table: its cells, the roles a column can be given, the
/// header rows and the first body rows.
struct Columns {
    grid: Grid,
    choices: Vec<ColumnRole>,
    headers: Vec<String>,
    header_rows: Vec<usize>,
    sample: Vec<usize>,
    body_rows: usize,
}

/// The table's columns, each with the dropdown of its role above it, its header rows and its
/// first body rows.
#[component]
fn ColumnTable(
    draft: RwSignal<Option<TableDraft>>,
    lang: Language,
    style: YearStyle,
    columns: Columns,
) -> impl IntoView {
    let Columns { grid, choices, headers, header_rows, sample, body_rows } = columns;
    let width = grid.width();
    let role_select = move |col: usize, header: String| role_dropdown(draft, &choices, col, header, lang, style);
    let cell = move |row: usize, col: usize| cell_text(grid.shown(row, col));
    let cell_for_body = cell.clone();
    view! {
        <div class="table-wrap">
            <table class="csv-changes" data-testid="table-columns">
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, "列", "Column")}</th>
                        {(0..width).map(|c| view! { <th scope="col" class="code">{letter(c)}</th> }).collect_view()}
                    </tr>
                    <tr>
                        <th scope="row">{tr(lang, "内容", "Holds")}</th>
                        {(0..width).map(|c| view! { <td>{role_select(c, headers.get(c).cloned().unwrap_or_default())}</td> }).collect_view()}
                    </tr>
                    {header_rows.iter().map(|r| {
                        let cell = cell.clone();
                        view! {
                            <tr data-testid="table-header-row">
                                <th scope="row" class="num">{*r}</th>
                                {(0..width).map(|c| view! { <th scope="col">{cell(r - 1, c)}</th> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </thead>
                <tbody>
                    {sample.iter().map(|r| {
                        let cell = cell_for_body.clone();
                        view! {
                            <tr data-testid="table-sample-row">
                                <th scope="row" class="num">{*r}</th>
                                {(0..width).map(|c| view! { <td>{cell(r - 1, c)}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(body_rows > sample.len()).then(|| view! {
            <p class="meta">{words::table_import::sample_shown(sample.len(), body_rows, lang)}</p>
        })}
    }
}

/// The dropdown of a column's role.
fn role_dropdown(
    draft: RwSignal<Option<TableDraft>>,
    choices: &[ColumnRole],
    col: usize,
    header: String,
    lang: Language,
    style: YearStyle,
) -> impl IntoView {
    let choices = choices.to_vec();
    let value =
        move || draft.with(|d| d.as_ref().and_then(|d| d.roles.get(col).copied()).map(words::column_role_value));
    let choices_for_change = choices.clone();
    let label = words::table_import::column_holds(&letter(col), &header, lang);
    view! {
        <select data-testid=format!("table-role-{}", letter(col)) aria-label=label style="font: inherit; min-width: 8.5rem;"
            on:change=move |ev| {
                let chosen = event_target_value(&ev);
                if let Some(role) = choices_for_change.iter().find(|r| words::column_role_value(**r) == chosen) {
                    draft.update(|d| if let Some(d) = d { d.set_role(col, *role) });
                }
            }>
            {choices.iter().map(|r| {
                let v = words::column_role_value(*r);
                let mine = v.clone();
                view! { <option value=v prop:selected=move || value().as_ref() == Some(&mine)>{words::column_role(*r, lang, style)}</option> }
            }).collect_view()}
        </select>
    }
}

/// Where new indicators go when their row names no goal or measure.
#[component]
fn PlaceChoice(
    draft: RwSignal<Option<TableDraft>>,
    lang: Language,
    choices: Vec<Placement>,
    labels: Vec<(String, String)>,
) -> impl IntoView {
    let (place_choices, place_labels) = (choices, labels);
    view! {
        <p>
            <label for="table-place">{tr(lang, "新しい指標の置き場所（行に基本目標・施策がないとき）", "Where new indicators go (when their row names no goal or measure)")}</label>" "
            <select id="table-place" data-testid="table-place" style="font: inherit; max-width: 100%;"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(p) = place_choices.iter().find(|p| place_value(p) == chosen) {
                        draft.update(|d| if let Some(d) = d { d.place = p.clone(); d.resolved.clear() });
                    }
                }>
                {place_labels.into_iter().map(|(v, l)| {
                    let mine = v.clone();
                    let current = move || draft.with(|d| d.as_ref().map(|d| place_value(&d.place)));
                    view! { <option value=v prop:selected=move || current().as_ref() == Some(&mine)>{l}</option> }
                }).collect_view()}
            </select>
        </p>
    }
}
