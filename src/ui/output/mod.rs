//! A strategy's files page (`#/s/<id>/files`): the committee's Excel workbook (`workbook_export`)
//! and CSV export for Excel (indicators wide and long, initiatives, evaluations, verdicts, a
//! year's grant review) in the user's year style, CSV import of actuals and targets with a
//! preview before anything changes (`csv_import`), a town's own table from a workbook or pasted
//! cells (`table_import`) and an outline pasted from Word or a PDF (`outline_import`), JSON
//! export, and links to the printable reports (`print`, the reports themselves).

mod csv_import;
mod outline_import;
pub(crate) mod print;
mod publish;
mod publish_items;
mod table_import;
mod value_tables;
mod workbook_export;

use super::state::{use_edits, use_library, Edits, Facade};
use crate::format::csv;
use crate::locale::{self, YearStyle};
use crate::model::{FiscalYear, Id, Strategy};
use crate::session::route::{Report, Route, Selection};
use crate::ui::browser::files;
use crate::ui::kit::not_found::StrategyNotFound;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use leptos::prelude::*;

#[component]
pub fn FilesPage() -> impl IntoView {
    let state = use_edits();
    // Only the id: an edit (an import) must not rebuild the page and lose what it shows.
    let open = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    move || match open.get() {
        Some(id) => view! { <Files id=id/> }.into_any(),
        None => view! { <StrategyNotFound/> }.into_any(),
    }
}

#[component]
fn Files(id: Id) -> impl IntoView {
    let state = use_edits();
    let library = use_library();
    let title = move || state.open.with(|o| o.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let municipality = move || state.open.with(|o| o.as_ref().map(|s| s.municipality.name.clone()).unwrap_or_default());
    let exports = [Export::Wide, Export::Long, Export::Initiatives, Export::Evaluations, Export::Verdicts];
    view! {
        <article class="files-page" data-testid="files-page">
            <crate::ui::kit::nav::StrategyNav/>
            <header class="panel strategy-head">
                <p class="municipality">{municipality}</p>
                <h1>{state.text("Excel・印刷", "Excel and print")}</h1>
                <p class="lead">{title}</p>
                <div class="actions">
                    <a class="button quiet" data-testid="edit" href=Route::Edit(id.clone(), Selection::Strategy).hash()>{state.text("編集する", "Edit")}</a>
                </div>
            </header>

            <TitledPanel testid="csv-export" title=("Excel に書き出す", "Export for Excel")>
                <p class="lead">{move || match state.year_style() {
                    YearStyle::Japanese => state.tr(
                        "CSV は UTF-8（BOM 付き）で、Excel でそのまま開けます。ブックも CSV も、年度は「令和6年度」のように書き出します（右上の「西暦で表示」で 2024 に切り替わります）。",
                        "The CSVs are UTF-8 with a BOM: Japanese Excel opens them as they are. In the workbook and the CSVs, fiscal years are written as 令和6年度 (switch to Western years at the top right for 2024).",
                    ),
                    YearStyle::Western => state.tr(
                        "CSV は UTF-8（BOM 付き）で、Excel でそのまま開けます。ブックも CSV も、年度は「2024」のように西暦で書き出します（右上の「和暦で表示」で令和に切り替わります）。",
                        "The CSVs are UTF-8 with a BOM: Japanese Excel opens them as they are. In the workbook and the CSVs, fiscal years are written as 2024 (switch to Japanese eras at the top right for 令和6年度).",
                    ),
                }}</p>
                <p class="hint" data-testid="csv-columns-explained">{state.text(
                    "「指標ID」の列は、しるべが指標を見分けるための記号です（取り込むときに使うので変えないでください）。「系列」の列は男性・女性などの内訳の名前です。",
                    "The 指標ID column is how Shirube tells indicators apart (it is used when the file is imported back: leave it as it is). The 系列 column names a breakdown such as 男性 / 女性.")}</p>
                <ul class="file-exports">
                    <workbook_export::WorkbookExport/>
                    {exports.into_iter().map(|which| view! {
                        <li>
                            <button type="button" data-testid=which.testid() on:click=move |_| export_csv(state, which)>
                                {move || which.label(state)}
                            </button>
                            <span class="hint">{move || which.hint(state)}</span>
                        </li>
                    }).collect_view()}
                    <GrantsCsv/>
                </ul>
            </TitledPanel>

            <csv_import::CsvImport/>

            <table_import::TableImport/>

            <outline_import::OutlineImport/>

            <publish::PublishPanel/>

            <TitledPanel testid="other-files" title=("印刷・ファイル", "Print and files")>
                <ul class="file-exports">
                    <li>
                        <a class="button" data-testid="to-print-targets" href=Route::Print(id.clone(), Report::Targets).hash()>
                            {state.text("数値目標の状況（印刷用）", "Numerical targets (printable)")}
                        </a>
                        <span class="hint">{state.text("基本目標ごとの方向性と数値目標・KPI の一覧（A4）", "Each goal's direction with its targets and KPIs (A4)")}</span>
                    </li>
                    <li>
                        <a class="button" data-testid="to-print-sheets" href=Route::Print(id.clone(), Report::Sheets).hash()>
                            {state.text("施策評価シート（印刷用）", "Evaluation sheets (printable)")}
                        </a>
                        <span class="hint">{state.text("施策ごとの評価シート（A4）", "One evaluation sheet per measure (A4)")}</span>
                    </li>
                    <li>
                        <a class="button" data-testid="to-print-grants" href=Route::Print(id.clone(), Report::Grants).hash()>
                            {state.text("交付金事業の効果検証（印刷用）", "Review of grant projects (printable)")}
                        </a>
                        <span class="hint">{state.text("年度ごとに、交付金を使った事業の KPI・目標値・実績値・達成率と効果検証（A4。CSV は上の「交付金事業の効果検証」）", "Per fiscal year, each grant project's KPIs, targets, actuals, achievement and review (A4; its CSV is among the CSV exports above)")}</span>
                    </li>
                    <li>
                        <a class="button" data-testid="to-print-opinions" href=Route::Print(id.clone(), Report::Opinions).hash()>
                            {state.text("意見と市の考え方（印刷用）", "Opinions and the town's answers (printable)")}
                        </a>
                        <span class="hint">{state.text("意見聴取ごとに、意見募集期間・提出者数・意見件数と、意見・対応・市の考え方の表（A4。Word と CSV は「策定」のページ）", "Per hearing, its period, senders and opinions, and the table of opinions, responses and answers (A4; Word and CSV are on the drafting page)")}</span>
                        <a class="button" data-testid="to-print-tree" href=Route::Print(id.clone(), Report::Tree).hash()>
                            {state.text("施策体系図（印刷用）", "Measures' tree (printable)")}
                        </a>
                        <span class="hint">{state.text("基本目標 → 施策 → 事業 の図（A4。戦略の Word 文書にも入ります）", "Goals → measures → initiatives as a figure (A4; the Word document has it too)")}</span>
                    </li>
                    <li>
                        <a class="button" data-testid="to-print-document" href=Route::Print(id.clone(), Report::Document).hash()>
                            {state.text("戦略の文書（印刷用）", "The strategy document (printable)")}
                        </a>
                        <span class="hint">{state.text("表題（段階付き）、第1 基本的な考え方、施策体系図、第2 基本目標ごとの施策（A4。Word の文書と同じ内容で、Word は「策定」のページ）", "Title with the stage, part 1, the measures' tree, part 2 (A4; the same content as the Word document, which is on the drafting page)")}</span>
                    </li>
                    <li>
                        <button type="button" data-testid="export-json" on:click=move |_| library.export_open()>
                            {state.text("ファイルに書き出す（JSON）", "Export to a file (JSON)")}
                        </button>
                        <span class="hint">{state.text("戦略のすべてを Shirube のファイルに保存します（別のパソコンやブラウザで取り込めます）", "Saves the whole strategy as a Shirube file (import it in another browser or computer)")}</span>
                    </li>
                </ul>
            </TitledPanel>
        </article>
    }
}

/// The CSV files the page writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    Wide,
    Long,
    Initiatives,
    Evaluations,
    Verdicts,
}

impl Export {
    fn testid(self) -> &'static str {
        match self {
            Export::Wide => "export-csv-wide",
            Export::Long => "export-csv-long",
            Export::Initiatives => "export-csv-initiatives",
            Export::Evaluations => "export-csv-evaluations",
            Export::Verdicts => "export-csv-verdicts",
        }
    }

    fn label(self, state: Edits) -> &'static str {
        match self {
            Export::Wide => state.tr("指標（横長：年度が列）", "Indicators (wide: a column per year)"),
            Export::Long => state.tr("指標（縦長：1行1値）", "Indicators (long: one value per row)"),
            Export::Initiatives => state.tr(
                "事業（年度別 予算額・決算額・方向性）",
                "Initiatives (budget, settled cost and direction per year)",
            ),
            Export::Evaluations => state.tr("施策評価（年度別）", "Measure evaluations (per year)"),
            Export::Verdicts => state.tr("指標の町の評価（効果検証）", "The town's verdicts on indicators"),
        }
    }

    fn hint(self, state: Edits) -> &'static str {
        match self {
            Export::Wide => state.tr("1行に1つの内訳（「系列」の列: 男性・女性など。内訳のない指標は空欄）。当初値・目標値と、年度ごとの実績値（速報値は ○）。実績を入力して取り込めます。", "One row per series: baseline, target, and each year's actual (○ = provisional). Fill in actuals and import it back."),
            Export::Long => state.tr("1行に1つの値（当初値・目標・修正前の目標・中間目標・実績）。ピボットテーブルやグラフ向き。取り込めます。", "One row per value (baseline, target, earlier targets, interim target, actual), for pivot tables and charts. Can be imported back."),
            Export::Initiatives => state.tr("事業ごと・年度ごとに1行（千円）。再掲の行は ○ 印付き（合計するときは除いてください）。", "One row per initiative and year (thousand yen). Re-listed rows are marked ○ (leave them out when summing)."),
            Export::Evaluations => state.tr("施策ごと・評価年度ごとに1行（評価・成果・課題・改善点など）。", "One row per measure and evaluated year (rating, outcomes, issues, improvements …)."),
            Export::Verdicts => state.tr("指標ごと・年度ごとに1行（町の評価、その年度の計算、異なるときは ○、委員会の意見）。実績のある年度は評価が空欄でも行があり、評価と意見を書き込んで取り込めます。", "One row per indicator and year with a verdict or an actual: the verdict (empty until given), that year's figures, ○ where they differ, the comment. Fill in verdicts and import it back."),
        }
    }

    /// The part of the file name after the strategy's title.
    fn kind(self, state: Edits) -> &'static str {
        match self {
            Export::Wide => state.tr("指標（横長）", "indicators-wide"),
            Export::Long => state.tr("指標（縦長）", "indicators-long"),
            Export::Initiatives => state.tr("事業", "initiatives"),
            Export::Evaluations => state.tr("施策評価", "evaluations"),
            Export::Verdicts => state.tr("町の評価", "verdicts"),
        }
    }

    /// The file's text: UTF-8 with a BOM, CRLF rows, formulas neutralised.
    fn text(self, s: &Strategy, style: YearStyle) -> String {
        match self {
            Export::Wide => csv::indicators_wide(s, style),
            Export::Long => csv::indicators_long(s, style),
            Export::Initiatives => csv::initiatives(s, style),
            Export::Evaluations => csv::evaluations(s, style),
            Export::Verdicts => csv::verdicts(s, style),
        }
    }
}

/// The longest part of a file name `files::file_name` keeps.
const NAME_PART: usize = 60;

/// 「交付金事業の効果検証」 of a chosen fiscal year as CSV (`csv::grants`, the rows of the printed
/// report), the year first the report's own (the latest with a review).
#[component]
fn GrantsCsv() -> impl IntoView {
    let state = use_edits();
    let chosen = RwSignal::new(None::<FiscalYear>);
    let years = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.grant_years()).unwrap_or_default()));
    let year =
        Memo::new(move |_| chosen.get().or_else(|| state.open.with(|o| o.as_ref().map(|s| s.default_grant_year()))));
    let export = move |_| {
        let (Some(s), Some(y)) = (state.open.get_untracked(), year.get_untracked()) else { return };
        let style = state.year_style();
        let kind =
            format!("{}_{}", state.tr("交付金事業の効果検証", "grant-review"), locale::year(y, state.lang(), style));
        let room = NAME_PART.saturating_sub(kind.chars().count() + 1);
        let title: String = s.title.trim().chars().take(room).collect();
        let title = title.trim();
        let middle = if title.is_empty() { kind } else { format!("{title}_{kind}") };
        let name = files::file_name(&s.municipality.name, &middle, &files::today(), "csv");
        state.downloads().csv(name, &csv::grants(&s, y, style));
    };
    view! {
        <li>
            // The button and its year are one cell of the list's two-column grid (button, hint).
            <span class="export-with-year">
            <button type="button" data-testid="export-csv-grants" on:click=export>
                {state.text("交付金事業の効果検証", "Review of grant projects")}
            </button>
            <label class="inline">
                {state.text("年度", "Fiscal year")}" "
                <select data-testid="export-grants-year" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok().map(FiscalYear))>
                    {move || {
                        let (lang, style, current) = (state.lang(), state.year_style(), year.get());
                        years.get().into_iter().map(|y| view! {
                            <option value=y.0.to_string() selected=Some(y) == current>{locale::year(y, lang, style)}</option>
                        }).collect_view()
                    }}
                </select>
            </label>
            </span>
            <span class="hint">{state.text(
                "交付金事業ごと・KPI ごとに1行（目標値・実績値・達成率・達成状況・事業効果・外部有識者の意見・今後の方針）。印刷用の「交付金事業の効果検証」と同じ内容です。",
                "One row per grant project and KPI (target, actual, achievement, result, effect, experts' opinion, next steps): the printable review's rows.")}</span>
        </li>
    }
}

/// Downloads one CSV file of the open strategy, named
/// `北本市_第2期…総合戦略_指標（横長）_2026-11-21.csv` (the title is shortened so that the
/// kind always fits).
fn export_csv(state: Edits, which: Export) {
    let Some(s) = state.open.get_untracked() else { return };
    let text = which.text(&s, state.year_style());
    let kind = which.kind(state);
    let room = NAME_PART.saturating_sub(kind.chars().count() + 1);
    let title: String = s.title.trim().chars().take(room).collect();
    let title = title.trim();
    let middle = if title.is_empty() { kind.to_owned() } else { format!("{title}_{kind}") };
    let name = files::file_name(&s.municipality.name, &middle, &files::today(), "csv");
    state.downloads().csv(name, &text);
}
