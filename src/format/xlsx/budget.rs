//! The sheet 「予算・決算」: every initiative under its goal and measure with, per fiscal year,
//! its budget (予算額) and settled cost (決算額) in 千円 — a re-listed one (再掲) under each measure
//! that lists it, for the years it is listed — then each measure's 計, each goal's 計 and the
//! strategy's 合計, which count a re-listed initiative once (`Strategy::*_totals`: values, never
//! formulas). Each initiative names its section (担当課: its own, else its measure's).

use super::look::{cell as fitted, fit, print_setup, text_width, wrapped_height, Looks};
use crate::locale::{self, Language, YearStyle};
use crate::model::evaluation_sheet::listed;
use crate::model::{initiative_owner, FiscalYear, Money, Strategy, YearTotals};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// The sheet's name (the third).
pub const SHEET_BUDGET: &str = "予算・決算";

const FIRST: [&str; 7] = ["基本目標", "施策", "事業名", "事業区分", "新規", "再掲", "担当課"];
/// Under each year.
const UNDER_YEAR: [&str; 2] = ["予算額", "決算額"];
/// The columns whose words wrap (goal, measure, initiative) and their widths.
const WRAPPED: [(u16, f64); 3] = [(0, 22.0), (1, 26.0), (2, 32.0)];

/// The years shown: the plan period and every year some initiative has an amount in.
fn years(s: &Strategy) -> Vec<FiscalYear> {
    let amounts =
        s.initiatives().flat_map(|(_, i)| i.years.iter().filter(|y| y.budget.is_some() || y.settled.is_some()));
    s.period.with(amounts.map(|y| y.fiscal_year))
}

fn join(number: &str, title: &str) -> String {
    [number.trim(), title.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" ")
}

pub fn write(ws: &mut Worksheet, s: &Strategy, style: YearStyle, looks: &Looks) -> Result<(), XlsxError> {
    ws.set_name(SHEET_BUDGET)?;
    let years = years(s);
    let first = FIRST.len() as u16;
    for (c, h) in FIRST.iter().enumerate() {
        ws.merge_range(0, c as u16, 1, c as u16, h, &looks.header)?;
    }
    for (k, y) in years.iter().enumerate() {
        let c = first + 2 * k as u16;
        ws.merge_range(0, c, 0, c + 1, &format!("{}（千円）", locale::year(*y, Language::Ja, style)), &looks.header)?;
        for (j, under) in UNDER_YEAR.iter().enumerate() {
            ws.write_string_with_format(1, c + j as u16, *under, &looks.header)?;
            ws.set_column_width(c + j as u16, 12.0)?;
        }
    }
    for (c, w) in WRAPPED {
        ws.set_column_width(c, w)?;
    }
    ws.set_column_width(3, fit(text_width("補助事業")))?;
    ws.set_column_width(4, 6.0)?;
    ws.set_column_width(5, 6.0)?;
    ws.set_column_width(6, 14.0)?;

    let mut row: u32 = 2;
    let amounts = |ws: &mut Worksheet, row: u32, total: &dyn Fn(FiscalYear) -> YearTotals, format: &Format| {
        for (k, y) in years.iter().enumerate() {
            let t = total(*y);
            for (j, v) in [t.budget, t.settled].into_iter().enumerate() {
                money(ws, row, first + 2 * k as u16 + j as u16, v, format)?;
            }
        }
        Ok::<(), XlsxError>(())
    };
    for g in &s.goals {
        let goal = join(&g.number, &g.title);
        for m in &g.measures {
            let measure = join(&m.number, &m.title);
            for l in listed(s, m) {
                let i = l.initiative;
                // A re-listed initiative answers to its own measure's section, not this one's.
                let owner = match l.relisted {
                    Some(_) => s.initiative_department(&i.id),
                    None => initiative_owner(m, i),
                };
                let department = owner.and_then(|o| s.department_name(o.department)).unwrap_or_default();
                let texts = [
                    goal.as_str(),
                    measure.as_str(),
                    &join(&i.number, &i.title),
                    i.kind.map_or("", |k| k.japanese()),
                    if i.is_new { "○" } else { "" },
                    if l.relisted.is_some() { "○" } else { "" },
                    department,
                ];
                let mut height: f64 = 0.0;
                for (c, t) in texts.iter().enumerate() {
                    let format = if c < 3 { &looks.wrapped } else { &looks.centred };
                    ws.write_string_with_format(row, c as u16, fitted(t), format)?;
                    if let Some((_, w)) = WRAPPED.iter().find(|(col, _)| *col as usize == c) {
                        height = height.max(wrapped_height(t, *w));
                    }
                }
                let own = |y: FiscalYear| {
                    let year = i.year(y).filter(|_| l.covers(y));
                    YearTotals { budget: year.and_then(|x| x.budget), settled: year.and_then(|x| x.settled) }
                };
                amounts(ws, row, &own, &looks.money)?;
                if height > 20.0 {
                    ws.set_row_height(row, height)?;
                }
                row += 1;
            }
            total_row(ws, row, &format!("{measure} 計"), looks)?;
            amounts(ws, row, &|y| s.measure_totals(m, y), &looks.money_total)?;
            row += 1;
        }
        total_row(ws, row, &format!("{goal} 計（再掲を除く）"), looks)?;
        amounts(ws, row, &|y| s.goal_totals(g, y), &looks.money_total)?;
        row += 1;
    }
    total_row(ws, row, "合計（再掲を除く）", looks)?;
    amounts(ws, row, &|y| s.strategy_totals(y), &looks.money_total)?;

    ws.set_freeze_panes(2, 3)?;
    let heading = format!("{} {} — {SHEET_BUDGET}", s.municipality.name, s.title);
    print_setup(ws, &heading, Some((0, 1)))?;
    Ok(())
}

fn money(ws: &mut Worksheet, row: u32, col: u16, v: Option<Money>, format: &Format) -> Result<(), XlsxError> {
    match v {
        Some(v) => ws.write_number_with_format(row, col, v as f64, format)?,
        None => ws.write_string_with_format(row, col, "", format)?,
    };
    Ok(())
}

/// A total's label over the first columns.
fn total_row(ws: &mut Worksheet, row: u32, label: &str, looks: &Looks) -> Result<(), XlsxError> {
    ws.merge_range(row, 0, row, FIRST.len() as u16 - 1, &fitted(label), &looks.total_label)?;
    Ok(())
}
