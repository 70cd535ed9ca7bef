//! The sheet 「施策評価シート」: each measure's evaluation sheet for the year the printed sheets
//! start on, in seed 002's layout (北斗市's 事務事業評価) — the goal and measure, 施策の概要 and
//! 関連施策, last year's projects with settled cost and results (計), the measure's KPIs in that
//! year (as the printed sheet lists them: 当初値, 目標値, the year's 実績, 進捗 and 達成状況 with
//! the town's verdict), the year's evaluations side by side (一次評価 in B, 二次評価 in C–D,
//! 外部評価 in E–F: who and when, 評価, 成果, 課題, 事業の改善点及び方向性), next year's plan
//! summary, the 3-year plan (budget of the first year, direction of the next two, 計) and 補足 —,
//! one measure to a printed page. The measure's section (担当課) is under its title.

use super::look::{cell as fitted, decimals, print_setup, wrapped_height, Looks};
use crate::locale::{self, Language, YearStyle};
use crate::model::evaluation_sheet::{default_sheet_year, sheet, Listed};
use crate::model::{assess_in, Evaluation, EvaluationStage, FiscalYear, Goal, Measure, Money, Strategy, Target};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// The sheet's name (the second).
pub const SHEET_EVALUATIONS: &str = "施策評価シート";

/// Columns A–F: 事業名 (or a label), 内容, an amount, two directions, 事業区分.
const WIDTHS: [f64; 6] = [28.0, 46.0, 14.0, 12.0, 14.0, 10.0];
const LAST: u16 = 5;

/// Rows written so far, and where each measure's page starts.
struct Cursor<'a> {
    ws: &'a mut Worksheet,
    looks: &'a Looks,
    row: u32,
}

impl Cursor<'_> {
    /// A line across the sheet.
    fn across(&mut self, text: &str, format: &Format) -> Result<(), XlsxError> {
        self.ws.merge_range(self.row, 0, self.row, LAST, &fitted(text), format)?;
        self.row += 1;
        Ok(())
    }

    /// A label in A and its text over B–F, as tall as the text needs.
    fn labelled(&mut self, label: &str, text: &str) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, 0, label, &self.looks.label)?;
        self.ws.merge_range(self.row, 1, self.row, LAST, &fitted(text), &self.looks.wrapped)?;
        let width: f64 = WIDTHS[1..].iter().sum();
        self.ws.set_row_height(self.row, wrapped_height(text, width).max(wrapped_height(label, WIDTHS[0])))?;
        self.row += 1;
        Ok(())
    }

    /// A label in A and one text per evaluation stage: B, C–D and E–F, as tall as the texts
    /// need.
    fn stages(&mut self, label: &str, texts: [&str; 3], format: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, 0, label, &self.looks.label)?;
        self.ws.write_string_with_format(self.row, 1, fitted(texts[0]), format)?;
        self.ws.merge_range(self.row, 2, self.row, 3, &fitted(texts[1]), format)?;
        self.ws.merge_range(self.row, 4, self.row, LAST, &fitted(texts[2]), format)?;
        let widths = [WIDTHS[1], WIDTHS[2] + WIDTHS[3], WIDTHS[4] + WIDTHS[5]];
        let height = texts
            .iter()
            .zip(widths)
            .map(|(t, w)| wrapped_height(t, w))
            .fold(wrapped_height(label, WIDTHS[0]), f64::max);
        if height > 20.0 {
            self.ws.set_row_height(self.row, height)?;
        }
        self.row += 1;
        Ok(())
    }

    /// Cells of one row from column A, with a format each; the row as tall as its wrapped texts.
    fn cells(&mut self, cells: &[(Value<'_>, &Format)], span: Span) -> Result<(), XlsxError> {
        let mut col: u16 = 0;
        let mut height: f64 = 0.0;
        for (value, format) in cells {
            let span = if span == Span::BToDMerged && col == 1 { 3 } else { 1 };
            let width: f64 = WIDTHS[col as usize..(col + span) as usize].iter().sum();
            match value {
                Value::Text(t) => {
                    if span > 1 {
                        self.ws.merge_range(self.row, col, self.row, col + span - 1, &fitted(t), format)?;
                    } else {
                        self.ws.write_string_with_format(self.row, col, fitted(t), format)?;
                    }
                    height = height.max(wrapped_height(t, width));
                }
                Value::Money(Some(m)) => {
                    self.ws.write_number_with_format(self.row, col, *m as f64, format)?;
                }
                Value::Number(Some(v)) | Value::Percent(Some(v)) if v.is_finite() => {
                    self.ws.write_number_with_format(self.row, col, *v, format)?;
                }
                Value::Money(None) | Value::Number(_) | Value::Percent(_) => {
                    self.ws.write_string_with_format(self.row, col, "", format)?;
                }
            }
            col += span;
        }
        if height > 20.0 {
            self.ws.set_row_height(self.row, height)?;
        }
        self.row += 1;
        Ok(())
    }

    /// The 計 row under a table of initiatives: the total in its third cell (the amounts'
    /// column), `columns` cells in all as the table has.
    fn total(&mut self, total: Option<Money>, columns: usize, span: Span) -> Result<(), XlsxError> {
        let looks = self.looks;
        let mut cells = [(Value::Text(""), &looks.text); 6];
        cells[0] = (Value::Text("計"), &looks.total_label);
        cells[2] = (Value::Money(total), &looks.money_total);
        self.cells(&cells[..columns], span)
    }
}

/// Whether a row's columns B to D are one merged cell (an initiative's name) or a cell each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Span {
    BToDMerged,
    OneEach,
}

#[derive(Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    Money(Option<Money>),
    /// A KPI's value in its unit's number format (none: an empty cell).
    Number(Option<f64>),
    /// 進捗 as a % cell (none: an empty cell).
    Percent(Option<f64>),
}

/// An initiative as the sheet names it: 【再掲】, ≪新規≫, its number and title.
fn initiative_name(l: &Listed<'_>) -> String {
    let i = l.initiative;
    let mut name = String::new();
    if l.relisted.is_some() {
        name.push_str("【再掲】");
    }
    if i.is_new {
        name.push_str("≪新規≫");
    }
    name.push_str(
        &[i.number.trim(), i.title.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" "),
    );
    name
}

fn kind(l: &Listed<'_>) -> &'static str {
    l.initiative.kind.map_or("", |k| k.japanese())
}

fn numbered(kind: &str, number: &str, title: &str) -> String {
    [kind, number.trim(), title.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" ")
}

pub fn write(ws: &mut Worksheet, s: &Strategy, style: YearStyle, looks: &Looks) -> Result<(), XlsxError> {
    ws.set_name(SHEET_EVALUATIONS)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let year = default_sheet_year(s);
    let y = |fy| locale::year(fy, Language::Ja, style);
    let mut at = Cursor { ws, looks, row: 0 };
    at.across(&format!("{} 施策評価シート（{} {}）", y(year), s.municipality.name, s.title), &looks.title)?;
    let mut breaks: Vec<u32> = Vec::new();
    for (g, m) in s.measures() {
        if at.row > 1 {
            breaks.push(at.row);
        }
        measure(&mut at, s, g, m, year, style)?;
        at.row += 1;
    }
    if s.measures().next().is_none() {
        at.across("施策がありません。", &looks.text)?;
    }
    let breaks: Vec<u32> = breaks.into_iter().take(1023).collect();
    at.ws.set_page_breaks(&breaks)?;
    let heading = format!("{} {} — {SHEET_EVALUATIONS}", s.municipality.name, s.title);
    print_setup(at.ws, &heading, None)?;
    Ok(())
}

fn measure(
    at: &mut Cursor<'_>,
    s: &Strategy,
    g: &Goal,
    m: &Measure,
    year: FiscalYear,
    style: YearStyle,
) -> Result<(), XlsxError> {
    let looks = at.looks;
    let y = |fy| locale::year(fy, Language::Ja, style);
    let d = sheet(s, m, year);
    at.across(&numbered(g.kind.japanese(), &g.number, &g.title), &looks.section)?;
    let priority = if m.priority { " 【重点施策】" } else { "" };
    at.across(&format!("{}{priority}", numbered("主要施策", &m.number, &m.title)), &looks.title)?;
    at.labelled("施策の概要", &m.summary)?;
    at.labelled("関連施策", &d.related.join("、"))?;
    if let Some(department) = d.department {
        at.labelled("担当課", department)?;
    }

    at.across(&format!("{} 事業実績", y(d.year)), &looks.section)?;
    let (h, w, money, c) = (&looks.header, &looks.wrapped, &looks.money, &looks.centred);
    at.cells(
        &[
            (Value::Text("事業名"), h),
            (Value::Text("内容"), h),
            (Value::Text("決算額（千円）"), h),
            (Value::Text("事業区分"), h),
        ],
        Span::BToDMerged,
    )?;
    for r in &d.results {
        let name = initiative_name(&r.listed);
        at.cells(
            &[
                (Value::Text(&name), w),
                (Value::Text(r.result), w),
                (Value::Money(r.settled), money),
                (Value::Text(kind(&r.listed)), c),
            ],
            Span::BToDMerged,
        )?;
    }
    at.total(d.settled_total, 4, Span::BToDMerged)?;

    kpis(at, s, m, d.year, style)?;

    evaluations(at, &d.evaluations)?;
    // Next year's plan is the section's (一次評価), else the first stage that wrote one.
    let next_plan = d.evaluations.iter().flatten().map(|e| e.next_plan.trim()).find(|t| !t.is_empty());
    at.across(&format!("{} 実施計画", y(d.plan_years[0])), &looks.section)?;
    at.labelled("施策の概要", next_plan.unwrap_or_default())?;

    at.across("3ヵ年計画", &looks.section)?;
    let [p1, p2, p3] = d.plan_years.map(y);
    let heads = [format!("{p1} 予算額（千円）"), format!("{p2} 方向性"), format!("{p3} 方向性")];
    at.cells(
        &[
            (Value::Text("事業名"), h),
            (Value::Text("内容"), h),
            (Value::Text(&heads[0]), h),
            (Value::Text(&heads[1]), h),
            (Value::Text(&heads[2]), h),
            (Value::Text("事業区分"), h),
        ],
        Span::OneEach,
    )?;
    for r in &d.plan {
        let name = initiative_name(&r.listed);
        let dir = |k: usize| r.directions[k].map_or("", |d| d.japanese());
        at.cells(
            &[
                (Value::Text(&name), w),
                (Value::Text(r.plan), w),
                (Value::Money(r.budget), money),
                (Value::Text(dir(0)), c),
                (Value::Text(dir(1)), c),
                (Value::Text(kind(&r.listed)), c),
            ],
            Span::OneEach,
        )?;
    }
    at.total(d.budget_total, 6, Span::OneEach)?;
    let notes: Vec<&str> = d.evaluations.iter().flatten().map(|e| e.notes.trim()).filter(|t| !t.is_empty()).collect();
    at.labelled("補足", &notes.join("\n"))?;
    Ok(())
}

/// The year's evaluations side by side, one column per stage (一次評価, 二次評価, 外部評価), a
/// row per field; an empty column where a stage has not been written.
fn evaluations(at: &mut Cursor<'_>, stages: &[Option<&Evaluation>; 3]) -> Result<(), XlsxError> {
    let looks = at.looks;
    let heads = EvaluationStage::ALL.map(EvaluationStage::japanese);
    at.stages("評価の段階", heads, &looks.header)?;
    let field = |f: fn(&Evaluation) -> &str| stages.map(|e| e.map_or("", |e| f(e).trim()));
    let who: [String; 3] = stages.map(|e| {
        e.map(|e| {
            [e.by.trim(), e.date.as_deref().unwrap_or_default()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
    });
    at.stages("評価者・評価日", [&who[0], &who[1], &who[2]], &looks.wrapped)?;
    at.stages("評価", field(|e| e.rating.as_deref().unwrap_or_default()), &looks.centred)?;
    at.stages("成果", field(|e| &e.outcomes), &looks.wrapped)?;
    at.stages("課題", field(|e| &e.issues), &looks.wrapped)?;
    at.stages("事業の改善点及び方向性", field(|e| &e.improvements), &looks.wrapped)?;
    Ok(())
}

/// 「KPI（令和N年度）」: a row per series of the measure's KPIs, as the printed sheet's table —
/// 指標 (番号, 名称, 系列), 達成状況 with the rating and the town's verdict of the year, 当初値,
/// 目標値 (a target in words as written), the year's 実績 and 進捗. Nothing when the measure has
/// no KPI.
fn kpis(at: &mut Cursor<'_>, s: &Strategy, m: &Measure, year: FiscalYear, style: YearStyle) -> Result<(), XlsxError> {
    let looks = at.looks;
    let y = |fy| locale::year(fy, Language::Ja, style);
    let indicators: Vec<_> = m.kpis.iter().filter_map(|id| s.indicator(id)).collect();
    if indicators.is_empty() {
        return Ok(());
    }
    let h = &looks.header;
    at.across(&format!("KPI（{}）", y(year)), &looks.section)?;
    let actual = format!("{}の実績", y(year));
    at.cells(
        &[
            (Value::Text("指標"), h),
            (Value::Text("達成状況・評価"), h),
            (Value::Text("当初値"), h),
            (Value::Text("目標値"), h),
            (Value::Text(&actual), h),
            (Value::Text("進捗"), h),
        ],
        Span::OneEach,
    )?;
    for ind in indicators {
        let cx = s.context_of(ind);
        for (k, series) in ind.series.iter().enumerate() {
            let a = assess_in(series, cx, year);
            let name = [ind.code.trim(), ind.name.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>();
            let mut name = name.join(" ");
            if !series.label.trim().is_empty() {
                name.push_str(&format!("（{}）", series.label.trim()));
            }
            let mut status = format!("{} {}", locale::status(a.status, Language::Ja), locale::rating(&a));
            if let Some(v) = ind.verdict(year).filter(|_| k == 0) {
                status.push('\n');
                status.push_str(&locale::verdict_line(v, Language::Ja));
            }
            let number = looks.number(&ind.unit, places(series));
            let target_words = match &series.target {
                Some(Target::Value { .. }) | None => None,
                Some(_) => locale::series_target(series, &ind.unit, Language::Ja, style),
            };
            let target = match (&series.target, &target_words) {
                (Some(Target::Value { value, .. }), _) => Value::Number(Some(*value)),
                (_, Some(words)) => Value::Text(words),
                _ => Value::Number(None),
            };
            let target_format = if matches!(target, Value::Text(_)) { &looks.wrapped } else { &number };
            at.cells(
                &[
                    (Value::Text(&name), &looks.wrapped),
                    (Value::Text(&status), &looks.wrapped),
                    (Value::Number(series.baseline.as_ref().map(|b| b.value)), &number),
                    (target, target_format),
                    (Value::Number(a.actual), &number),
                    (Value::Percent(a.progress), &looks.percent),
                ],
                Span::OneEach,
            )?;
        }
    }
    Ok(())
}

/// The decimals a series' values are written with (its baseline, target and actuals).
fn places(series: &crate::model::Series) -> usize {
    let values = series.actuals.iter().map(|a| a.value).chain(series.baseline.as_ref().map(|b| b.value));
    values.chain(series.target_value()).filter(|v| v.is_finite()).map(decimals).max().unwrap_or(0)
}
