//! The rows of a section's workbook, derived from the round's items (`model::round::items`):
//! one per value asked, with the texts of its locked columns and the value the strategy holds.
//! The writer writes them; the reader compares a returned workbook's locked cells with them.

use super::{Field, Value, COLUMNS};
use crate::locale::{series_target, Language, YearStyle};
use crate::model::round::{items, ItemKind, Round, Subject};
use crate::model::{EvaluationStage, FiscalYear, Id, Strategy};

/// One row of the 回答 sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct BookRow {
    pub subject: Id,
    pub field: Field,
    /// The texts of the columns of [`COLUMNS`] (the 回答 column's is empty: see `value`).
    pub cells: [String; COLUMNS.len()],
    /// What the strategy holds now (written into the 回答 cell).
    pub value: Value,
}

/// The rows of `department`'s workbook, in the order of the round's items.
pub fn rows(s: &Strategy, round: &Round, department: &Id) -> Vec<BookRow> {
    let year = round.fiscal_year;
    let mut out = Vec::new();
    for item in items(s, round).into_iter().filter(|i| i.department == Some(department)) {
        match (item.kind, item.subject) {
            (ItemKind::Actual, Subject::Indicator(ind)) => {
                for se in &ind.series {
                    let value = se.actual(year).map_or(Value::None, |a| Value::Number(a.value));
                    let before = se.actual(FiscalYear(year.0 - 1)).map(|a| crate::locale::number(a.value));
                    let target = series_target(se, &ind.unit, Language::Ja, YearStyle::Japanese).unwrap_or_default();
                    let what = format!("実績値（{}）", year.japanese());
                    let cells =
                        texts(&ind.id, se.id.as_str(), ["", "", &ind.name, &se.label, &target, &ind.unit, &what]);
                    out.push(row(ind.id.clone(), Field::Actual(se.id.clone()), cells, before, value));
                }
            }
            (ItemKind::Cause, Subject::Indicator(ind)) => {
                let value = ind.analysis(year).map_or(Value::None, |t| Value::Text(t.to_owned()));
                let before = ind.analysis(FiscalYear(year.0 - 1)).map(str::to_owned);
                let what = format!("要因分析（{}）", year.japanese());
                let cells = texts(&ind.id, Field::Cause.key(), ["", "", &ind.name, "", "", "", &what]);
                out.push(row(ind.id.clone(), Field::Cause, cells, before, value));
            }
            (ItemKind::Result | ItemKind::NextBudget, Subject::Initiative(i)) => {
                let measure =
                    s.initiatives().find(|(_, x)| x.id == i.id).map(|(m, _)| m.title.clone()).unwrap_or_default();
                let (fields, y) = match item.kind {
                    ItemKind::Result => ([Field::Settled, Field::Result], year),
                    _ => ([Field::Budget, Field::Direction], FiscalYear(year.0 + 1)),
                };
                for field in fields {
                    let of = |y: FiscalYear| i.year(y).map_or(Value::None, |v| initiative_value(v, &field));
                    let before = text_of(&of(FiscalYear(y.0 - 1)));
                    let (label, unit) = match field {
                        Field::Settled => ("決算額", "千円"),
                        Field::Result => ("事業実績", ""),
                        Field::Budget => ("予算額", "千円"),
                        _ => ("方向性", ""),
                    };
                    let what = format!("{label}（{}）", y.japanese());
                    let cells = texts(&i.id, field.key(), [&measure, &i.title, "", "", "", unit, &what]);
                    out.push(row(i.id.clone(), field.clone(), cells, before, of(y)));
                }
            }
            (ItemKind::FirstEvaluation, Subject::Measure(m)) => {
                for field in [Field::Rating, Field::Improvements] {
                    let of = |y: FiscalYear| {
                        let e = m.evaluation(y, EvaluationStage::First);
                        match (&field, e) {
                            (Field::Rating, Some(e)) => e.rating.clone().map_or(Value::None, Value::Text),
                            (_, Some(e)) if !e.improvements.trim().is_empty() => Value::Text(e.improvements.clone()),
                            _ => Value::None,
                        }
                    };
                    let label = if field == Field::Rating { "一次評価" } else { "改善点及び方向性" };
                    let what = format!("{label}（{}）", year.japanese());
                    let cells = texts(&m.id, field.key(), [&m.title, "", "", "", "", "", &what]);
                    out.push(row(m.id.clone(), field.clone(), cells, text_of(&of(FiscalYear(year.0 - 1))), of(year)));
                }
            }
            _ => {}
        }
    }
    out
}

/// An initiative year's value of a field.
pub(super) fn initiative_value(y: &crate::model::InitiativeYear, field: &Field) -> Value {
    let money = |m: Option<i64>| m.map_or(Value::None, |m| Value::Number(m as f64));
    match field {
        Field::Settled => money(y.settled),
        Field::Budget => money(y.budget),
        Field::Result if !y.result.trim().is_empty() => Value::Text(y.result.clone()),
        Field::Direction => y.direction.map_or(Value::None, |d| Value::Text(d.japanese().to_owned())),
        _ => Value::None,
    }
}

/// A value as the 前年度 column shows it.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::None => None,
        Value::Number(n) => Some(crate::locale::number(*n)),
        Value::Text(t) => Some(t.clone()),
    }
}

/// The locked texts: id, key, then the seven columns from 施策 to 回答する項目.
fn texts(id: &Id, key: &str, middle: [&str; 7]) -> [String; COLUMNS.len()] {
    let mut cells: [String; COLUMNS.len()] = Default::default();
    cells[0] = id.as_str().to_owned();
    cells[1] = key.to_owned();
    for (at, t) in middle.iter().enumerate() {
        cells[2 + at] = t.trim().to_owned();
    }
    cells
}

fn row(subject: Id, field: Field, mut cells: [String; COLUMNS.len()], before: Option<String>, value: Value) -> BookRow {
    cells[super::ANSWER + 1] = before.unwrap_or_default().trim().to_owned();
    BookRow { subject, field, cells, value }
}
