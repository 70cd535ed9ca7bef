//! The open data beside the pages: one CSV per table, as the 総務省's rules for machine-readable
//! statistical tables and the Digital Agency's 自治体標準オープンデータセット ask — the
//! 全国地方公共団体コード and the municipality's name first, one value per cell, numbers without
//! commas or units (units in the header, or a 単位 column where rows differ), the 西暦 year with
//! the 和暦 beside it, no merged cells. The plan's own wording of a target (「3,000人（令和7年度）」)
//! is kept in a column that says so, 「目標（計画の表記）」, beside the number 「目標値」.
//!
//! UTF-8 with a BOM: Japanese Excel reads UTF-8 without one as Shift_JIS and garbles it, while
//! CSV readers (the `csv` crate, pandas' `utf-8-sig`, R's readr) take the BOM in their stride;
//! the app's own CSV export makes the same choice. Text cells are neutralised against formulas.

use crate::format::csv::cells::{number, text, Sheet};
use crate::model::{FiscalYear, Series, Strategy};

/// A file of the open data: its name, what it holds, and its columns with their meaning.
pub type Description = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

/// Every file (the data page prints them; the tests check every file's header against them).
pub const DESCRIPTIONS: &[Description] = &[
    (
        "goals.csv",
        "基本目標と施策の一覧です。",
        &[
            ("全国地方公共団体コード", "6桁の団体コード"),
            ("地方公共団体名", "団体名"),
            ("区分", "基本目標・横断的な目標・施策"),
            ("ID", "しるべの識別子（年度をまたいで変わりません）"),
            ("番号", "計画書での番号"),
            ("名称", "目標または施策の名称"),
            ("上位ID", "施策が属する目標のID"),
            ("重点施策", "重点施策なら「1」"),
        ],
    ),
    (
        "indicators.csv",
        "数値目標・KPIの一覧です。内訳（男性・女性など）がある指標は、内訳ごとに1行です。",
        &[
            ("全国地方公共団体コード", "6桁の団体コード"),
            ("地方公共団体名", "団体名"),
            ("指標ID", "しるべの識別子"),
            ("指標番号", "計画書での番号"),
            ("指標名", "指標の名称"),
            ("内訳", "内訳の名称（なければ空欄）"),
            ("単位", "値の単位"),
            ("種別", "アウトカム・アウトプット"),
            ("目指す方向", "増加・減少・維持"),
            ("基準値", "基準値（数値）"),
            ("基準年度（西暦）", "基準値の年度"),
            ("基準年度（和暦）", "基準値の年度（和暦）"),
            ("目標（計画の表記）", "計画書の書き方の目標（単位・カンマ・年度を含む文字。例：3,000人（令和7年度））"),
            ("目標値", "目標の数値（算出できるとき）"),
            ("目標年度（西暦）", "目標の年度"),
            ("目標年度（和暦）", "目標の年度（和暦）"),
            ("出典", "数値の出典"),
            ("最新実績年度（西暦）", "状況の判定に使った実績の年度"),
            ("最新実績年度（和暦）", "同じ年度（和暦）"),
            ("状況", "達成・順調・遅れ・データなし"),
            ("評価", "団体の評価基準による評価"),
        ],
    ),
    (
        "indicator_values.csv",
        "数値目標・KPIの年度ごとの値（基準値・中間目標・目標値・実績）です。",
        &[
            ("全国地方公共団体コード", "6桁の団体コード"),
            ("地方公共団体名", "団体名"),
            ("指標ID", "しるべの識別子"),
            ("指標名", "指標の名称"),
            ("内訳", "内訳の名称（なければ空欄）"),
            ("単位", "値の単位"),
            ("年度（西暦）", "値の年度"),
            ("年度（和暦）", "値の年度（和暦）"),
            ("区分", "基準値・中間目標・目標値・実績"),
            ("値", "数値"),
            ("速報値", "実績が速報値なら「1」"),
        ],
    ),
    (
        "budgets.csv",
        "施策ごとの事業の予算額と決算額です。",
        &[
            ("全国地方公共団体コード", "6桁の団体コード"),
            ("地方公共団体名", "団体名"),
            ("施策ID", "事業が属する施策のID"),
            ("施策番号", "施策の番号"),
            ("事業ID", "しるべの識別子"),
            ("事業番号", "事業の番号"),
            ("事業名", "事業の名称"),
            ("年度（西暦）", "年度"),
            ("年度（和暦）", "年度（和暦）"),
            ("予算額（千円）", "予算額"),
            ("決算額（千円）", "決算額"),
        ],
    ),
];

/// The columns that hold only numbers (or nothing): no comma, no unit, no word. The data page
/// says so column by column; every other column is text. A column named as a number (「…値」,
/// 「…（千円）」, 「…（西暦）」) is one of these, and the tests parse each of its cells.
pub const NUMERIC: &[&str] = &[
    "基準値",
    "基準年度（西暦）",
    "目標値",
    "目標年度（西暦）",
    "最新実績年度（西暦）",
    "年度（西暦）",
    "値",
    "速報値",
    "予算額（千円）",
    "決算額（千円）",
];

/// Every table of the public strategy `s`: file name and bytes.
pub fn tables(s: &Strategy) -> Vec<(&'static str, Vec<u8>)> {
    let writers: [fn(&Strategy, &mut Sheet); 4] = [goals, indicators, indicator_values, budgets];
    DESCRIPTIONS
        .iter()
        .zip(writers)
        .map(|((name, _, columns), write)| {
            let mut sheet = Sheet::new();
            sheet.row(columns.iter().map(|(c, _)| *c));
            write(s, &mut sheet);
            (*name, sheet.finish().into_bytes())
        })
        .collect()
}

/// The first two cells of every row: the municipality's code and name.
fn town(s: &Strategy) -> [String; 2] {
    [s.municipality.code.clone().unwrap_or_default(), text(&s.municipality.name)]
}

fn years(y: Option<FiscalYear>) -> [String; 2] {
    y.map_or([String::new(), String::new()], |y| [y.western().to_string(), y.japanese()])
}

fn opt(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite()).map(number).unwrap_or_default()
}

fn goals(s: &Strategy, sheet: &mut Sheet) {
    for g in &s.goals {
        let row = [
            g.kind.japanese().to_owned(),
            g.id.0.clone(),
            text(&g.number),
            text(&g.title),
            String::new(),
            String::new(),
        ];
        sheet.row(town(s).into_iter().chain(row));
        for m in &g.measures {
            let priority = if m.priority { "1" } else { "" };
            let row =
                ["施策".to_owned(), m.id.0.clone(), text(&m.number), text(&m.title), g.id.0.clone(), priority.into()];
            sheet.row(town(s).into_iter().chain(row));
        }
    }
}

fn indicators(s: &Strategy, sheet: &mut Sheet) {
    for i in &s.indicators {
        for series in &i.series {
            let a = crate::model::assess(series, s.context_of(i));
            let baseline = series.baseline.as_ref();
            let target = series.target.as_ref().map(|t| {
                crate::locale::target_printed(t, &i.unit, series.year_basis, crate::locale::YearStyle::Japanese)
            });
            let row = [
                vec![i.id.0.clone(), text(&i.code), text(&i.name), text(&series.label), text(&i.unit)],
                vec![i.kind.japanese().to_owned(), i.direction.japanese().to_owned()],
                vec![opt(baseline.map(|b| b.value))],
                years(baseline.and_then(|b| b.year)).to_vec(),
                vec![text(&target.unwrap_or_default()), opt(series.target_value())],
                years(series.target.as_ref().and_then(|t| t.due_year())).to_vec(),
                vec![text(series.source_or(&i.source))],
                years(a.actual.and(a.year)).to_vec(),
                vec![
                    crate::locale::status(a.status, crate::locale::Language::Ja).to_owned(),
                    text(a.rating.as_deref().unwrap_or("")),
                ],
            ];
            sheet.row(town(s).into_iter().chain(row.into_iter().flatten()));
        }
    }
}

fn indicator_values(s: &Strategy, sheet: &mut Sheet) {
    for i in &s.indicators {
        for series in &i.series {
            for (year, kind, value, provisional) in values(series) {
                let row = [i.id.0.clone(), text(&i.name), text(&series.label), text(&i.unit)]
                    .into_iter()
                    .chain(years(Some(year)))
                    .chain([kind.to_owned(), number(value), if provisional { "1" } else { "" }.to_owned()]);
                sheet.row(town(s).into_iter().chain(row));
            }
        }
    }
}

/// A series' values by year: the baseline, interim targets, the final target's value and the
/// actuals, in year order (and in that order within a year).
fn values(series: &Series) -> Vec<(FiscalYear, &'static str, f64, bool)> {
    let mut out: Vec<(FiscalYear, &'static str, f64, bool)> = Vec::new();
    if let Some(b) = series.baseline.as_ref().filter(|b| b.value.is_finite()) {
        out.extend(b.year.map(|y| (y, "基準値", b.value, false)));
    }
    out.extend(series.interim.iter().filter(|v| v.value.is_finite()).map(|v| (v.year, "中間目標", v.value, false)));
    if let (Some(y), Some(v)) = (series.target.as_ref().and_then(|t| t.due_year()), series.target_value()) {
        out.push((y, "目標値", v, false));
    }
    out.extend(series.actuals.iter().filter(|a| a.value.is_finite()).map(|a| (a.year, "実績", a.value, a.provisional)));
    out.sort_by_key(|(y, _, _, _)| *y);
    out
}

fn budgets(s: &Strategy, sheet: &mut Sheet) {
    for (m, i) in s.initiatives() {
        for y in i.years.iter().filter(|y| y.budget.is_some() || y.settled.is_some()) {
            let money = |v: Option<crate::model::Money>| v.map(|m| m.to_string()).unwrap_or_default();
            let row = [m.id.0.clone(), text(&m.number), i.id.0.clone(), text(&i.number), text(&i.title)]
                .into_iter()
                .chain(years(Some(y.fiscal_year)))
                .chain([money(y.budget), money(y.settled)]);
            sheet.row(town(s).into_iter().chain(row));
        }
    }
}
