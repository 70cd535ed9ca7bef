//! What a column of a town's table holds ([`ColumnRole`]) and a year as a header writes it
//! ([`HeaderYear`]): the vocabulary the header words, the layout and the roles share.

use crate::model::FiscalYear;
use serde::{Deserialize, Serialize};

/// A year written in a header: the fiscal year of its number, and whether it was written as a
/// calendar year (「2022年」, 「令和4年」: the series' values are 年, not 年度).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HeaderYear {
    pub year: FiscalYear,
    pub calendar: bool,
}

/// What a column of a town's table holds; also what a header word names by itself
/// (`words::Word::Named`: every role but a year's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    Ignore,
    /// 指標ID: the indicator's id, as Shirube's own CSV and workbook write it; finds the row's
    /// indicator before its code or name does.
    Id,
    /// 基本目標: the goal the row's indicator sits under, by number or title.
    Goal,
    /// 施策: the measure the row's indicator is a KPI of, by number or title.
    Measure,
    /// 指標番号, No.
    Code,
    /// 指標名, KPI, 数値目標, 項目.
    Name,
    Unit,
    /// 系列, 内訳, 区分: which series of the indicator the row is (男性, 女性 …).
    Series,
    /// 基準値, 現状値, 当初値: a value, possibly with its year beside it (「1,234（H30）」).
    Baseline,
    /// 基準年度, or 年度 beside 基準値.
    BaselineYear,
    /// 目標値, 目標: a value or words (累計, 平均, 以上, 基準値から10%減少, ↗).
    Target,
    TargetYear,
    /// A year's actual; a calendar year (「2022年」) makes the series' values 年, not 年度.
    Actual(HeaderYear),
    /// 目標 under a year: that year's interim target.
    Interim(FiscalYear),
    /// 出典, 資料.
    Source,
    /// 担当課, 所管課: the indicator's section, by name.
    Department,
    /// 備考.
    Notes,
}

impl ColumnRole {
    /// Every role a column can be given, in a dropdown's order: the year roles of `years` after
    /// 目標年度 (each year's actual, then each year's interim target), then 出典, 担当課 and 備考.
    pub fn choices(years: &[HeaderYear]) -> Vec<ColumnRole> {
        let mut out = vec![
            ColumnRole::Ignore,
            ColumnRole::Goal,
            ColumnRole::Measure,
            ColumnRole::Id,
            ColumnRole::Code,
            ColumnRole::Name,
            ColumnRole::Unit,
            ColumnRole::Series,
            ColumnRole::Baseline,
            ColumnRole::BaselineYear,
            ColumnRole::Target,
            ColumnRole::TargetYear,
        ];
        out.extend(years.iter().map(|y| ColumnRole::Actual(*y)));
        let mut interim: Vec<ColumnRole> = Vec::new();
        for y in years {
            let r = ColumnRole::Interim(y.year);
            if !interim.contains(&r) {
                interim.push(r);
            }
        }
        out.extend(interim);
        out.extend([ColumnRole::Source, ColumnRole::Department, ColumnRole::Notes]);
        out
    }
}
