//! The regional view's tables for Excel (`model::region`): the side-by-side table with the
//! region's totals, the theme search's hits, and one matched indicator's numbers per town and
//! fiscal year. The same conventions as every other CSV here: BOM, CRLF, text neutralised,
//! numbers plain, years in the user's style.
//!
//! A 団体コード is written as its six digits; Excel opening the file drops the leading 0 of a
//! Hokkaido code (012360 → 12360) unless the column is imported as text — a prefix that kept
//! it would itself be a formula or a visible mark.

use super::cells::{number, text, year, Sheet, YEAR};
use crate::locale::YearStyle;
use crate::model::region::{IndicatorTable, ItemPathKind, MatchedIndicator, SideBySide, TownHits};
use crate::model::{Counts, DraftingStage, Money, Municipality, PlanPeriod, StatusMix};

const SIDE_BY_SIDE: [&str; 16] = [
    YEAR,
    "市区町村",
    "団体コード",
    "計画期間",
    "策定段階",
    "目標数",
    "施策数",
    "事業数",
    "指標数",
    "達成",
    "順調",
    "遅れ",
    "データなし",
    "実績入力率（%）",
    "予算額（千円）",
    "決算額（千円）",
];

/// The region's total row, under the towns.
const TOTAL: &str = "管内計";

/// The side-by-side table as shown (rows in the order given: sort them first), then the
/// region's totals as a row 「管内計」.
pub fn side_by_side_table(table: &SideBySide, style: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(SIDE_BY_SIDE);
    let fy = year(table.year, style);
    for r in &table.rows {
        let head =
            [fy.clone(), text(&r.municipality.name), code(&r.municipality), period(r.period, style), stage(r.stage)];
        sheet.row(head.into_iter().chain(figures(&r.counts, &r.mix, r.actual_share(), r.budget, r.settled)));
    }
    let t = &table.totals;
    let head = [fy, TOTAL.to_owned(), String::new(), String::new(), String::new()];
    sheet.row(head.into_iter().chain(figures(&t.counts, &t.mix, t.actual_share(), t.budget, t.settled)));
    sheet.finish()
}

fn code(m: &Municipality) -> String {
    m.code.as_deref().map(text).unwrap_or_default()
}

fn period(p: PlanPeriod, style: YearStyle) -> String {
    format!("{}～{}", year(p.first, style), year(p.last, style))
}

fn stage(s: DraftingStage) -> String {
    s.japanese().to_owned()
}

fn figures(
    c: &Counts,
    mix: &StatusMix,
    share: Option<f64>,
    budget: Option<Money>,
    settled: Option<Money>,
) -> Vec<String> {
    let n = |v: usize| v.to_string();
    let money = |v: Option<Money>| v.map(|v| v.to_string()).unwrap_or_default();
    vec![
        n(c.goals),
        n(c.measures),
        n(c.initiatives),
        n(c.indicators),
        n(mix.achieved),
        n(mix.on_track),
        n(mix.behind),
        n(mix.no_data),
        // One decimal of a percent: 2 of 3 → 66.7.
        share.map(|s| number((s * 1000.0).round() / 10.0)).unwrap_or_default(),
        money(budget),
        money(settled),
    ]
}

const HITS: [&str; 8] = ["市区町村", "区分", "目標番号", "目標名", "施策番号", "施策名", "事業番号", "事業名"];

/// The theme search's hits, town by town: what was found (目標 / 施策 / 事業) and where.
pub fn theme_hits(found: &[TownHits]) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HITS);
    for town in found {
        for h in &town.hits {
            let kind = match h.path.kind() {
                ItemPathKind::Goal => h.goal_kind.japanese(),
                ItemPathKind::Measure => "施策",
                ItemPathKind::Initiative => "事業",
            };
            let label = |l: Option<&crate::model::region::Label>| match l {
                Some(l) => [text(&l.number), text(&l.title)],
                None => [String::new(), String::new()],
            };
            let row = [text(&town.municipality), kind.to_owned()]
                .into_iter()
                .chain(label(Some(&h.goal)))
                .chain(label(h.measure.as_ref()))
                .chain(label(h.initiative.as_ref()));
            sheet.row(row);
        }
    }
    sheet.finish()
}

const MATCHED: [&str; 7] = ["指標", "市区町村", "指標番号", "指標名", "系列", "単位", "区分"];
const ACTUAL: &str = "実績値";
const TARGET: &str = "目標値";

/// One matched indicator's table: per town and series a row of actuals and a row of targets,
/// one column per fiscal year of `table`.
pub fn matched_indicator(group: &MatchedIndicator, table: &IndicatorTable, style: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(MATCHED.iter().map(|c| (*c).to_owned()).chain(table.years.iter().map(|y| year(*y, style))));
    for r in &table.rows {
        let head =
            [text(&group.name), text(&r.municipality), text(&r.code), text(&r.name), text(&r.series), text(&r.unit)];
        let values = |pick: fn(&crate::model::region::TableCell) -> Option<f64>| {
            r.cells.iter().map(move |c| pick(c).map(number).unwrap_or_default())
        };
        sheet.row(head.iter().cloned().chain([ACTUAL.to_owned()]).chain(values(|c| c.actual)));
        sheet.row(head.iter().cloned().chain([TARGET.to_owned()]).chain(values(|c| c.target)));
    }
    sheet.finish()
}
