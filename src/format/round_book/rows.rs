//! The rows of a section's workbook, derived from the round's items (`model::round::items`):
//! one per value asked, with the texts of its locked columns and the value the strategy holds.
//! The writer writes them; the reader compares a returned workbook's locked cells with them.

use super::{AnswerField, AnswerValue, COLUMNS};
use crate::locale::{series_target, Language, YearStyle};
use crate::model::round::{items, ItemKind, Round, Subject};
use crate::model::{EvaluationStage, FiscalYear, Id, Strategy};

/// One row of the 回答 sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct BookRow {
    pub subject: Id,
    pub field: AnswerField,
    /// The texts of the columns of [`COLUMNS`] (the 回答 column's is empty: see `value`).
    pub cells: [String; COLUMNS.len()],
    /// What the strategy holds now (written into the 回答 cell).
    pub value: AnswerValue,
}

/// The rows of `department`'s workbook, in the order of the round's items.
pub fn rows(s: &Strategy, round: &Round, department: &Id) -> Vec<BookRow> {
    let year = round.fiscal_year;
    let mut out = Vec::new();
    for item in items(s, round).into_iter().filter(|i| i.department == Some(department)) {
        match (item.kind, item.subject) {
            (ItemKind::Actual, Subject::Indicator(ind)) => {
                for se in &ind.series {
                    let value = se.actual(year).map_or(AnswerValue::None, |a| AnswerValue::Number(a.value));
                    let before = se.actual(FiscalYear(year.0 - 1)).map(|a| crate::locale::number(a.value));
                    let target = series_target(se, &ind.unit, Language::Ja, YearStyle::Japanese).unwrap_or_default();
                    let what = format!("実績値（{}）", year.japanese());
                    let cells =
                        texts(&ind.id, se.id.as_str(), ["", "", &ind.name, &se.label, &target, &ind.unit, &what]);
                    out.push(row(ind.id.clone(), AnswerField::Actual(se.id.clone()), cells, before, value));
                }
            }
            (ItemKind::Cause, Subject::Indicator(ind)) => {
                let value = ind.analysis(year).map_or(AnswerValue::None, |t| AnswerValue::Text(t.to_owned()));
                let before = ind.analysis(FiscalYear(year.0 - 1)).map(str::to_owned);
                let what = format!("要因分析（{}）", year.japanese());
                let cells = texts(&ind.id, AnswerField::Cause.key(), ["", "", &ind.name, "", "", "", &what]);
                out.push(row(ind.id.clone(), AnswerField::Cause, cells, before, value));
            }
            (ItemKind::Result | ItemKind::NextBudget, Subject::Initiative(i)) => {
                let measure =
                    s.initiatives().find(|(_, x)| x.id == i.id).map(|(m, _)| m.title.clone()).unwrap_or_default();
                let (fields, y) = match item.kind {
                    ItemKind::Result => ([AnswerField::Settled, AnswerField::Result], year),
                    _ => ([AnswerField::Budget, AnswerField::Direction], FiscalYear(year.0 + 1)),
                };
                for field in fields {
                    let of = |y: FiscalYear| i.year(y).map_or(AnswerValue::None, |v| initiative_value(v, &field));
                    let before = text_of(&of(FiscalYear(y.0 - 1)));
                    let (label, unit) = match field {
                        AnswerField::Settled => ("決算額", "千円"),
                        AnswerField::Result => ("事業実績", ""),
                        AnswerField::Budget => ("予算額", "千円"),
                        _ => ("方向性", ""),
                    };
                    let what = format!("{label}（{}）", y.japanese());
                    let cells = texts(&i.id, field.key(), [&measure, &i.title, "", "", "", unit, &what]);
                    out.push(row(i.id.clone(), field.clone(), cells, before, of(y)));
                }
            }
            (ItemKind::FirstEvaluation, Subject::Measure(m)) => {
                for field in [AnswerField::Rating, AnswerField::Improvements] {
                    let of = |y: FiscalYear| {
                        let e = m.evaluation(y, EvaluationStage::First);
                        match (&field, e) {
                            (AnswerField::Rating, Some(e)) => {
                                e.rating.clone().map_or(AnswerValue::None, AnswerValue::Text)
                            }
                            (_, Some(e)) if !e.improvements.trim().is_empty() => {
                                AnswerValue::Text(e.improvements.clone())
                            }
                            _ => AnswerValue::None,
                        }
                    };
                    let label = if field == AnswerField::Rating { "一次評価" } else { "改善点及び方向性" };
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
pub(super) fn initiative_value(y: &crate::model::InitiativeYear, field: &AnswerField) -> AnswerValue {
    let money = |m: Option<i64>| m.map_or(AnswerValue::None, |m| AnswerValue::Number(m as f64));
    match field {
        AnswerField::Settled => money(y.settled),
        AnswerField::Budget => money(y.budget),
        AnswerField::Result if !y.result.trim().is_empty() => AnswerValue::Text(y.result.clone()),
        AnswerField::Direction => y.direction.map_or(AnswerValue::None, |d| AnswerValue::Text(d.japanese().to_owned())),
        _ => AnswerValue::None,
    }
}

/// A value as the 前年度 column shows it.
fn text_of(v: &AnswerValue) -> Option<String> {
    match v {
        AnswerValue::None => None,
        AnswerValue::Number(n) => Some(crate::locale::number(*n)),
        AnswerValue::Text(t) => Some(t.clone()),
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

fn row(
    subject: Id,
    field: AnswerField,
    mut cells: [String; COLUMNS.len()],
    before: Option<String>,
    value: AnswerValue,
) -> BookRow {
    cells[super::ANSWER + 1] = before.unwrap_or_default().trim().to_owned();
    BookRow { subject, field, cells, value }
}
