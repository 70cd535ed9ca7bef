//! Initiatives / projects (具体的取組 / 事業): type, new flag, KPIs, and per fiscal year the budget
//! (予算額), settled cost (決算額) and grant (交付金額) in 千円, direction, plan and result; the grant
//! a 補助事業 is carried out with (`model::grant`). Totals are computed here.

use super::{FiscalYear, Id, Measure, Strategy, YearTotals};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Money in thousands of yen (千円), as municipal budget tables write it.
pub type Money = i64;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Initiative {
    pub id: Id,
    /// Display number: "(1)", "1" …
    #[serde(default)]
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 単独事業 / 補助事業, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<InitiativeKind>,
    /// ≪新規≫
    #[serde(default)]
    pub is_new: bool,
    /// Its own section (担当課), by id; absent: its measure's (`model::department`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<super::Id>,
    #[serde(default)]
    pub kpis: Vec<Id>,
    /// One entry per fiscal year that has anything recorded.
    #[serde(default)]
    pub years: Vec<InitiativeYear>,
    /// 広域連携: the other municipalities this initiative is carried out with. Absent from a
    /// file that names none, so such files read and write as they always did (an older build
    /// keeps the field as an unknown one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// 交付金: the grant a 補助事業 is carried out with and its yearly 効果検証 (`model::grant`).
    /// Absent when none is named (older files read and write as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant: Option<super::Grant>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

/// A municipality an initiative is carried out with (広域連携), by its 団体コード, its name, or
/// both, as the town wrote it. A regional view matches it to the other towns' strategies
/// (`model::region::partnerships`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Partner {
    /// 全国地方公共団体コード, 6 digits, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// e.g. 七飯町
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    /// 単独事業
    Standalone,
    /// 補助事業
    Subsidised,
}

impl InitiativeKind {
    pub fn japanese(self) -> &'static str {
        match self {
            InitiativeKind::Standalone => "単独事業",
            InitiativeKind::Subsidised => "補助事業",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InitiativeYear {
    pub fiscal_year: FiscalYear,
    /// 予算額 (千円); missing is not zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
    /// 決算額 (千円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<Money>,
    /// 交付金額 (千円): the grant of the year, beside the budget (`model::grant`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<ProjectDirection>,
    /// 実施計画 / 内容
    #[serde(default)]
    pub plan: String,
    /// 事業実績
    #[serde(default)]
    pub result: String,
}

/// 方向性 of a project for a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectDirection {
    /// 拡充
    Expand,
    /// 維持
    Maintain,
    /// 縮小
    Reduce,
    /// 見直し
    Review,
    /// 検討
    Consider,
    /// 統合
    Merge,
    /// 廃止
    Abolish,
    /// 事業終了
    End,
}

impl ProjectDirection {
    pub const ALL: [ProjectDirection; 8] = [
        ProjectDirection::Expand,
        ProjectDirection::Maintain,
        ProjectDirection::Reduce,
        ProjectDirection::Review,
        ProjectDirection::Consider,
        ProjectDirection::Merge,
        ProjectDirection::Abolish,
        ProjectDirection::End,
    ];
    pub fn japanese(self) -> &'static str {
        match self {
            ProjectDirection::Expand => "拡充",
            ProjectDirection::Maintain => "維持",
            ProjectDirection::Reduce => "縮小",
            ProjectDirection::Review => "見直し",
            ProjectDirection::Consider => "検討",
            ProjectDirection::Merge => "統合",
            ProjectDirection::Abolish => "廃止",
            ProjectDirection::End => "事業終了",
        }
    }
    pub fn from_japanese(s: &str) -> Option<ProjectDirection> {
        Self::ALL.into_iter().find(|d| d.japanese() == s.trim())
    }
}

impl Initiative {
    pub fn new(number: &str, title: &str) -> Initiative {
        Initiative {
            id: Id::new("initiative"),
            number: number.to_owned(),
            title: title.to_owned(),
            description: String::new(),
            kind: None,
            is_new: false,
            department: None,
            kpis: Vec::new(),
            years: Vec::new(),
            partners: Vec::new(),
            grant: None,
            unknown: Default::default(),
        }
    }

    pub fn year(&self, year: FiscalYear) -> Option<&InitiativeYear> {
        self.years.iter().find(|y| y.fiscal_year == year)
    }

    /// Writes into the record of one fiscal year: creates it when missing (keeping the years in
    /// order) and removes it when nothing is left in it, so an emptied year leaves no trace.
    pub fn edit_year(&mut self, year: FiscalYear, edit: impl FnOnce(&mut InitiativeYear)) {
        let at = match self.years.iter().position(|y| y.fiscal_year == year) {
            Some(at) => at,
            None => {
                let at = self.years.iter().position(|y| y.fiscal_year > year).unwrap_or(self.years.len());
                self.years.insert(at, InitiativeYear::new(year));
                at
            }
        };
        edit(&mut self.years[at]);
        if self.years[at].is_empty() {
            self.years.remove(at);
        }
    }
}

impl InitiativeYear {
    /// A year with nothing recorded yet.
    pub fn new(fiscal_year: FiscalYear) -> InitiativeYear {
        InitiativeYear::with_amounts(fiscal_year, None, None)
    }

    /// A year with these amounts (千円) and nothing else.
    pub fn with_amounts(fiscal_year: FiscalYear, budget: Option<Money>, settled: Option<Money>) -> InitiativeYear {
        InitiativeYear {
            fiscal_year,
            budget,
            settled,
            grant: None,
            direction: None,
            plan: String::new(),
            result: String::new(),
        }
    }

    /// Nothing recorded: no amount, no direction, no plan or result but white space.
    pub fn is_empty(&self) -> bool {
        self.budget.is_none()
            && self.settled.is_none()
            && self.grant.is_none()
            && self.direction.is_none()
            && self.plan.trim().is_empty()
            && self.result.trim().is_empty()
    }
}

fn add_year(total: &mut YearTotals, initiative: &Initiative, year: FiscalYear) {
    let add = |sum: &mut Option<Money>, v: Option<Money>| {
        if let Some(v) = v {
            *sum = Some(sum.unwrap_or(0) + v);
        }
    };
    if let Some(y) = initiative.year(year) {
        add(&mut total.budget, y.budget);
        add(&mut total.settled, y.settled);
    }
}

impl Strategy {
    /// 計 of a measure for a year: its own initiatives and the ones it re-lists for that year,
    /// as the evaluation sheet shows them.
    pub fn measure_totals(&self, measure: &Measure, year: FiscalYear) -> YearTotals {
        let mut total = YearTotals::default();
        for i in &measure.initiatives {
            add_year(&mut total, i, year);
        }
        for r in measure.relisted.iter().filter(|r| r.covers(year)) {
            if let Some(i) = self.initiative(&r.initiative) {
                add_year(&mut total, i, year);
            }
        }
        total
    }

    /// 計 of a goal for a year: each initiative counted once (re-listings are not added twice).
    pub fn goal_totals(&self, goal: &super::Goal, year: FiscalYear) -> YearTotals {
        let mut total = YearTotals::default();
        for i in goal.measures.iter().flat_map(|m| &m.initiatives) {
            add_year(&mut total, i, year);
        }
        total
    }

    /// 計 of the whole strategy for a year.
    pub fn strategy_totals(&self, year: FiscalYear) -> YearTotals {
        let mut total = YearTotals::default();
        for (_, i) in self.initiatives() {
            add_year(&mut total, i, year);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(i: &Initiative) -> Vec<i32> {
        i.years.iter().map(|y| y.fiscal_year.0).collect()
    }

    #[test]
    fn editing_a_year_creates_it_in_order_and_drops_it_when_emptied() {
        let mut i = Initiative::new("1", "事業");
        i.edit_year(FiscalYear(2024), |y| y.budget = Some(100));
        i.edit_year(FiscalYear(2022), |y| y.plan = "計画".into());
        i.edit_year(FiscalYear(2023), |y| y.direction = Some(ProjectDirection::Expand));
        assert_eq!(years(&i), [2022, 2023, 2024]);
        assert_eq!(i.year(FiscalYear(2024)).unwrap().budget, Some(100));

        i.edit_year(FiscalYear(2022), |y| y.plan = "  ".into());
        assert_eq!(years(&i), [2023, 2024], "white space alone leaves nothing in the year");
        i.edit_year(FiscalYear(2025), |_| {});
        assert_eq!(years(&i), [2023, 2024], "a write of nothing creates no year");
    }

    #[test]
    fn a_new_year_is_empty_until_something_is_written() {
        let mut y = InitiativeYear::new(FiscalYear(2023));
        assert!(y.is_empty());
        y.settled = Some(0);
        assert!(!y.is_empty(), "a settled cost of zero is a value");
        assert_eq!(InitiativeYear::with_amounts(FiscalYear(2023), None, Some(0)), y);
    }
}
