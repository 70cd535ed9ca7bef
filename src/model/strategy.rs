//! The strategy (総合戦略) itself: metadata, plan period, drafting stage, narrative sections, the
//! national framework it aligns with, its drafting schedule, its rating rule, and the goals and
//! indicators it holds.
//!
//! Goals and indicators (and, under them, measures and initiatives) are held behind `Arc` and
//! changed through `Arc::make_mut` (`goals_mut`, `goal_mut`, …): a copy of a strategy shares
//! everything that did not change, so an undo step, the autosave's text (`format::Rewriter`)
//! and a reactive update cost only what changed.

use super::{FiscalYear, Goal, Id, Indicator, Initiative, Measure, RatingRule, ScheduleItem, WorkshopSession};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Strategy {
    pub id: Id,
    /// e.g. 第2期北本市まち・ひと・しごと創生総合戦略
    pub title: String,
    pub municipality: Municipality,
    pub period: PlanPeriod,
    /// Changes of the plan period with their reasons (「計画期間を1年延長」), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub period_changes: Vec<super::PeriodChange>,
    #[serde(default)]
    pub stage: DraftingStage,
    /// 策定趣旨, 基本方針, 推進方策, 国の新たな視点 … in order.
    #[serde(default)]
    pub sections: Vec<NarrativeSection>,
    /// The town's sections (担当課 / 所管課) in its order (`model::department`). Absent from a
    /// file that has none, so older files read and write as they did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<super::Department>,
    #[serde(default)]
    pub national_framework: NationalFramework,
    /// Re-alignments to another national frame, each with the framework left and the goals'
    /// links then (`model::realign`), oldest first. Absent from a file that has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub framework_changes: Vec<super::realign::FrameworkChange>,
    #[serde(default)]
    pub schedule: Vec<ScheduleItem>,
    #[serde(default)]
    pub rating_rule: RatingRule,
    /// Basic goals (基本目標) and cross-cutting goals (横断的な目標), in display order.
    #[serde(default)]
    pub goals: Vec<Arc<Goal>>,
    /// Every indicator (数値目標・KPI) lives here once; goals and measures refer to it by id.
    #[serde(default)]
    pub indicators: Vec<Arc<Indicator>>,
    /// Residents' workshops and the ideas left there (付箋), kept apart from the strategy's own
    /// text. Absent from a file that has none, so files without workshops read and write as
    /// they always did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workshops: Vec<WorkshopSession>,
    /// The public pages' settings and what stays 非公開 (`model::publication`). Absent from a
    /// file that has none.
    /// Behind an `Arc`, as goals and indicators are: a copy of the strategy (every edit's undo
    /// step) shares it, and the start-up module's copying code stays small.
    #[serde(default, skip_serializing_if = "super::publication::is_unset")]
    pub publication: Arc<super::Publication>,
    /// The year's rounds (照会), one per fiscal year, in year order, with the sections' answers
    /// (`model::round`). Absent from a file that has none.
    /// Behind one `Arc`, as `publication` is: a copy of the strategy shares the list (the
    /// start-up module then copies a pointer, not a list).
    #[serde(default, skip_serializing_if = "super::round::is_empty")]
    pub rounds: Arc<Vec<super::round::Round>>,
    /// The hearings (意見聴取) of the drafts, each with its stage (`model::hearing`). Absent from
    /// a file that has none; behind one `Arc`, as `rounds` is.
    #[serde(default, skip_serializing_if = "super::hearing::is_empty")]
    pub hearings: Arc<Vec<super::Hearing>>,
    /// The opinions heard, each naming its hearing, with the town's answers. Absent from a file
    /// that has none.
    #[serde(default, skip_serializing_if = "super::hearing::is_empty")]
    pub opinions: Arc<Vec<super::Opinion>>,
    /// The 地方人口ビジョン: the base population, the assumptions, the scenarios and
    /// the 将来展望 chosen; absent until the town brings one in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Arc<super::population::PopulationVision>>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Municipality {
    /// 北本市
    pub name: String,
    /// 全国地方公共団体コード, 6 digits (with check digit), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The first and last fiscal year of the plan, both included (令和4年度から7年度までの4年間).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlanPeriod {
    pub first: FiscalYear,
    pub last: FiscalYear,
}

impl PlanPeriod {
    pub fn contains(self, year: FiscalYear) -> bool {
        self.first <= year && year <= self.last
    }
    pub fn years(self) -> impl Iterator<Item = FiscalYear> {
        (self.first.0..=self.last.0).map(FiscalYear)
    }
    pub fn len(self) -> usize {
        (self.last.0 - self.first.0 + 1).max(0) as usize
    }
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
    /// The years a form offers to add outside the period, earliest first: the ten before it (a
    /// baseline is often older than the plan: 平成27年度, 令和元年度) and the five after it.
    pub fn years_outside(self) -> impl Iterator<Item = FiscalYear> {
        (self.first.0 - YEARS_BEFORE..self.first.0).chain(self.last.0 + 1..=self.last.0 + YEARS_AFTER).map(FiscalYear)
    }
    /// The year a baseline printed without one is taken to be (the year before the plan), for
    /// the path and progress; the checks list says so (`BaselineYearUnknown`).
    pub fn assumed_baseline_year(self) -> FiscalYear {
        FiscalYear(self.first.0 - 1)
    }
    /// The year a value target without one is due (the plan's last); said in the checks list
    /// (`TargetYearUnknown`).
    pub fn assumed_target_year(self) -> FiscalYear {
        self.last
    }
    /// The rows of a year table or the choices of a year selector: the plan's years and these
    /// (the years with data, outside the plan too), in order, each once.
    pub fn with(self, years: impl IntoIterator<Item = FiscalYear>) -> Vec<FiscalYear> {
        let mut all: Vec<FiscalYear> = self.years().chain(years).collect();
        crate::sorting::natural(&mut all);
        all.dedup();
        all
    }
}

/// How far before and after the plan period a form offers years (`PlanPeriod::years_outside`).
const YEARS_BEFORE: i32 = 10;
const YEARS_AFTER: i32 = 5;

/// The places that refer to one indicator, in the strategy's order.
#[derive(Debug, Default)]
pub struct Uses<'a> {
    /// As a numerical target (数値目標).
    pub goals: Vec<&'a Goal>,
    /// As a KPI.
    pub measures: Vec<&'a Measure>,
    /// As a KPI of a project.
    pub initiatives: Vec<&'a Initiative>,
}

/// The document's drafting stage, in order: 策定方針 → 骨子案 → 素案 → 案 → 策定済.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DraftingStage {
    /// 策定方針
    Policy,
    /// 骨子案
    Outline,
    /// 素案
    Draft,
    /// 案
    Proposal,
    /// 策定済
    #[default]
    Adopted,
}

impl DraftingStage {
    pub const ALL: [DraftingStage; 5] = [
        DraftingStage::Policy,
        DraftingStage::Outline,
        DraftingStage::Draft,
        DraftingStage::Proposal,
        DraftingStage::Adopted,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            DraftingStage::Policy => "policy",
            DraftingStage::Outline => "outline",
            DraftingStage::Draft => "draft",
            DraftingStage::Proposal => "proposal",
            DraftingStage::Adopted => "adopted",
        }
    }
    pub fn japanese(self) -> &'static str {
        match self {
            DraftingStage::Policy => "策定方針",
            DraftingStage::Outline => "骨子案",
            DraftingStage::Draft => "素案",
            DraftingStage::Proposal => "案",
            DraftingStage::Adopted => "策定済",
        }
    }
}

/// A narrative section: a heading and its text, e.g. 策定趣旨.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NarrativeSection {
    pub id: Id,
    pub heading: String,
    #[serde(default)]
    pub body: String,
}

/// The national strategy the town's strategy aligns with, and its goals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NationalFramework {
    /// The built-in national frame it aligns with, by its stable key (`model::frames`), e.g.
    /// "chihou-sousei-senryaku-2025". Absent in files made before frames had keys (they name
    /// their framework by `name` only, and keep meaning just that) and in a strategy aligned
    /// with no built-in frame; a key this build does not know is kept as it is.
    /// `NationalFramework` keeps no unknown fields, so a build older than the key drops it on a
    /// round trip, and the file then names its framework by name only, as files did before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// e.g. 第2期「まち・ひと・しごと創生総合戦略」
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub goals: Vec<NationalGoal>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NationalGoal {
    pub id: Id,
    pub kind: super::GoalKind,
    /// "1", "2" …
    pub number: String,
    pub title: String,
}

impl Strategy {
    /// The strategy a JSON value holds, or where and why it does not read: the one place the
    /// model's derived deserialiser is compiled for a `serde_json::Value` (the import's full
    /// path after migrations, and the merge's result). Generic code is paid per deserialiser
    /// type in wasm: the merge's plain `serde_json::from_value` beside this made a third copy in
    /// the files and region visits. The other copy is the text's (`format`'s quick
    /// path, storage's reads): a new reader of a strategy goes through one of the two.
    #[inline(never)]
    pub fn from_value(value: serde_json::Value) -> Result<Strategy, serde_path_to_error::Error<serde_json::Error>> {
        serde_path_to_error::deserialize(value)
    }

    /// An empty strategy for a municipality and period, with the default rating rule.
    pub fn blank(title: &str, municipality: &str, period: PlanPeriod) -> Strategy {
        Strategy {
            id: Id::new("strategy"),
            title: title.to_owned(),
            municipality: Municipality { name: municipality.to_owned(), code: None },
            period,
            period_changes: Vec::new(),
            stage: DraftingStage::Policy,
            sections: Vec::new(),
            departments: Vec::new(),
            national_framework: NationalFramework::default(),
            framework_changes: Vec::new(),
            schedule: Vec::new(),
            rating_rule: RatingRule::default(),
            goals: Vec::new(),
            indicators: Vec::new(),
            workshops: Vec::new(),
            publication: Default::default(),
            rounds: Default::default(),
            hearings: Default::default(),
            opinions: Default::default(),
            population: None,
            unknown: Default::default(),
        }
    }

    pub fn indicator(&self, id: &Id) -> Option<&Indicator> {
        self.indicators.iter().map(|i| &**i).find(|i| &i.id == id)
    }

    /// Every measure with the goal it sits under.
    pub fn measures(&self) -> impl Iterator<Item = (&Goal, &Measure)> {
        self.goals.iter().flat_map(|g| g.measures.iter().map(move |m| (&**g, &**m)))
    }

    /// Every initiative with the measure that owns it (re-listings are not repeated).
    pub fn initiatives(&self) -> impl Iterator<Item = (&Measure, &Initiative)> {
        self.measures().flat_map(|(_, m)| m.initiatives.iter().map(move |i| (m, &**i)))
    }

    pub fn initiative(&self, id: &Id) -> Option<&Initiative> {
        self.initiatives().map(|(_, i)| i).find(|i| &i.id == id)
    }

    /// Where an indicator is used: the goals (as 数値目標), measures and initiatives (as KPI)
    /// that refer to it.
    pub fn uses_of(&self, indicator: &Id) -> Uses<'_> {
        Strategy::uses_among(&self.goals, indicator)
    }

    /// [`Strategy::uses_of`] among these goals (the editor keeps the goals apart from the rest).
    pub fn uses_among<'a>(goals: &'a [Arc<Goal>], indicator: &Id) -> Uses<'a> {
        let measures = || goals.iter().flat_map(|g| g.measures.iter()).map(|m| &**m);
        Uses {
            goals: goals.iter().map(|g| &**g).filter(|g| g.targets.contains(indicator)).collect(),
            measures: measures().filter(|m| m.kpis.contains(indicator)).collect(),
            initiatives: measures()
                .flat_map(|m| m.initiatives.iter())
                .map(|i| &**i)
                .filter(|i| i.kpis.contains(indicator))
                .collect(),
        }
    }

    /// Every goal, for changing (copy-on-write: a goal shared with an undo snapshot is copied
    /// only when it is changed).
    pub fn goals_mut(&mut self) -> impl Iterator<Item = &mut Goal> {
        self.goals.iter_mut().map(Arc::make_mut)
    }

    pub fn indicators_mut(&mut self) -> impl Iterator<Item = &mut Indicator> {
        self.indicators.iter_mut().map(Arc::make_mut)
    }

    pub fn goal_mut(&mut self, id: &Id) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| &g.id == id).map(Arc::make_mut)
    }

    pub fn indicator_mut(&mut self, id: &Id) -> Option<&mut Indicator> {
        self.indicators.iter_mut().find(|i| &i.id == id).map(Arc::make_mut)
    }

    /// The measure with this id, copying only the goal and measure on its path.
    pub fn measure_mut(&mut self, id: &Id) -> Option<&mut Measure> {
        let (gi, mi) = self
            .goals
            .iter()
            .enumerate()
            .find_map(|(gi, g)| g.measures.iter().position(|m| &m.id == id).map(|mi| (gi, mi)))?;
        Some(Arc::make_mut(&mut Arc::make_mut(&mut self.goals[gi]).measures[mi]))
    }

    /// The initiative with this id (in the measure that owns it), copying only its path.
    pub fn initiative_mut(&mut self, id: &Id) -> Option<&mut Initiative> {
        let owner = self.initiatives().find(|(_, i)| &i.id == id).map(|(m, _)| m.id.clone())?;
        let measure = self.measure_mut(&owner)?;
        measure.initiatives.iter_mut().find(|i| &i.id == id).map(Arc::make_mut)
    }

    /// Counts shown in lists and import previews.
    pub fn counts(&self) -> Counts {
        Counts {
            goals: self.goals.len(),
            measures: self.measures().count(),
            initiatives: self.initiatives().count(),
            indicators: self.indicators.len(),
        }
    }

    /// A copy with fresh ids everywhere (references rewritten), e.g. to start the next period
    /// from the last. Ids are never shared between two strategies in one browser.
    pub fn duplicate(&self) -> Strategy {
        super::renew_ids(self)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub goals: usize,
    pub measures: usize,
    pub initiatives: usize,
    pub indicators: usize,
}

impl Strategy {
    /// The fiscal year a rating view opens on: the latest year with an evaluation; with none
    /// yet, the current fiscal year (`today`) within the plan period — not the plan's last year,
    /// which would show a future year with nothing rated.
    pub fn default_rating_year(&self, today: FiscalYear) -> FiscalYear {
        let evaluated = self.measures().flat_map(|(_, m)| m.evaluations.iter().map(|e| e.fiscal_year)).max();
        evaluated.unwrap_or_else(|| today.clamp(self.period.first, self.period.last))
    }

    /// Whether the progress of some series takes a year as assumed — (a baseline's, a value
    /// target's) — because the town's table gives none (`PlanPeriod::assumed_*_year`). The
    /// same series the checks list names (`BaselineYearUnknown`, `TargetYearUnknown`).
    pub fn assumes_years(&self) -> (bool, bool) {
        let mut assumed = (false, false);
        for series in self.indicators.iter().flat_map(|i| i.series.iter()) {
            // A relative target without a baseline has no path, so nothing is assumed for it.
            let year = match &series.target {
                Some(super::Target::Value { year, .. }) => year,
                Some(super::Target::Relative { year, .. }) if series.baseline.is_some() => year,
                _ => continue,
            };
            assumed.0 |= series.baseline.as_ref().is_some_and(|b| b.year.is_none());
            assumed.1 |= year.is_none();
        }
        assumed
    }
}

#[cfg(test)]
mod tests {

    /// 北本市 lists 3-2 under two goals; an initiative can name a KPI too.
    #[test]
    fn an_indicators_uses_are_its_goals_measures_and_initiatives() {
        let s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
        let activity = s.indicators.iter().find(|i| i.name.contains("地域活動に参加")).unwrap().id.clone();
        let before = s.uses_of(&activity);
        assert_eq!((before.goals.len(), before.initiatives.len()), (2, 0));
        let mut s = s;
        let mut project = crate::model::Initiative::new("1", "地域活動の担い手育成");
        project.kpis.push(activity.clone());
        let title = project.title.clone();
        let mut measure = crate::model::Measure::new("1-1", "地域活動の推進");
        measure.initiatives.push(Arc::new(project));
        s.goals_mut().next().unwrap().measures.push(Arc::new(measure));
        let after = s.uses_of(&activity);
        assert_eq!(after.initiatives.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), [title.as_str()]);
    }

    #[test]
    fn the_rating_year_is_the_latest_evaluated_else_this_year_within_the_plan() {
        use crate::model::{template, Evaluation, Measure, PlanPeriod};
        let mut s =
            template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2031) });
        assert_eq!(s.default_rating_year(FiscalYear(2026)), FiscalYear(2026), "this year, not 2031");
        assert_eq!(s.default_rating_year(FiscalYear(2040)), FiscalYear(2031), "after the plan: its last year");
        assert_eq!(s.default_rating_year(FiscalYear(2020)), FiscalYear(2025), "before the plan: its first year");
        let mut m = Measure::new("1", "移住・定住の促進");
        let evaluated = |year| Evaluation { rating: Some("B".into()), ..Evaluation::new(FiscalYear(year)) };
        m.evaluations.push(evaluated(2027));
        m.evaluations.push(evaluated(2026));
        s.goals_mut().next().unwrap().measures.push(m.into());
        assert_eq!(s.default_rating_year(FiscalYear(2026)), FiscalYear(2027), "the latest evaluated year");
    }

    use super::*;

    #[test]
    fn a_year_table_has_the_plan_and_the_years_with_data_in_order_once() {
        let p = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2022) };
        let years: Vec<i32> = p.with([2024, 2015, 2021, 2024].map(FiscalYear)).iter().map(|y| y.0).collect();
        assert_eq!(years, [2015, 2020, 2021, 2022, 2024]);
        assert_eq!(p.with([]), p.years().collect::<Vec<_>>());
    }

    #[test]
    fn years_outside_the_period_are_the_ten_before_and_five_after() {
        let p = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) };
        let years: Vec<i32> = p.years_outside().map(|y| y.0).collect();
        assert_eq!(years, [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2030, 2031, 2032, 2033, 2034]);
        assert!(p.years_outside().all(|y| !p.contains(y)));
    }
    use crate::model::{template, FiscalYear, Measure};

    /// A copy of a strategy shares every goal, measure and indicator with it; changing one
    /// measure copies only that measure and its goal (what makes undo snapshots cheap).
    #[test]
    fn copies_share_what_was_not_changed() {
        let mut s =
            template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
        for g in s.goals_mut() {
            g.measures.push(Measure::new("1", "施策").into());
        }
        let target = s.goals[1].measures[0].id.clone();
        let before = s.clone();
        s.measure_mut(&target).unwrap().title = "変更".into();
        assert_eq!(before.goals[1].measures[0].title, "施策");
        assert_eq!(s.goals[1].measures[0].title, "変更");
        assert!(!Arc::ptr_eq(&before.goals[1], &s.goals[1]));
        assert!(!Arc::ptr_eq(&before.goals[1].measures[0], &s.goals[1].measures[0]));
        for i in [0, 2, 3, 4, 5] {
            assert!(Arc::ptr_eq(&before.goals[i], &s.goals[i]), "goal {i} is shared");
        }
    }
}
