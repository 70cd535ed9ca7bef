//! Progress of indicators, rolled up: one status per indicator (its series combined) and the
//! status mix of a goal's or a measure's indicators. Pure functions over the strategy.
//!
//! An indicator with several series (男性/女性) takes the worst status among the series that
//! have data (behind < on track < achieved); it has no data only when none of its series has.
//! A goal's mix counts its own numerical targets (数値目標) and its measures' KPIs, each
//! indicator once.

use super::{assess, Assessment, Context, Goal, Id, Indicator, Measure, Status, Strategy};

/// The assessment of every series of an indicator, in series order, and their combined status.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorProgress {
    pub series: Vec<Assessment>,
    pub status: Status,
}

/// How many indicators are in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusMix {
    pub achieved: usize,
    pub on_track: usize,
    pub behind: usize,
    pub no_data: usize,
}

impl StatusMix {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Achieved => self.achieved += 1,
            Status::OnTrack => self.on_track += 1,
            Status::Behind => self.behind += 1,
            Status::NoData => self.no_data += 1,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Achieved => self.achieved,
            Status::OnTrack => self.on_track,
            Status::Behind => self.behind,
            Status::NoData => self.no_data,
        }
    }

    pub fn total(&self) -> usize {
        self.achieved + self.on_track + self.behind + self.no_data
    }
}

/// Statuses from best to worst, the order they are counted and drawn in.
pub const STATUSES: [Status; 4] = [Status::Achieved, Status::OnTrack, Status::Behind, Status::NoData];

impl Strategy {
    /// The context the achievement maths needs for one of this strategy's indicators.
    pub fn context_of<'a>(&'a self, indicator: &Indicator) -> Context<'a> {
        Context { direction: indicator.direction, period: self.period, rule: &self.rating_rule }
    }

    /// Every series of the indicator assessed in its latest year with data, and the combined status.
    pub fn progress(&self, indicator: &Indicator) -> IndicatorProgress {
        let cx = self.context_of(indicator);
        let series: Vec<Assessment> = indicator.series.iter().map(|s| assess(s, cx)).collect();
        let status = combined(series.iter().map(|a| a.status));
        IndicatorProgress { series, status }
    }

    /// The combined status of the indicator with this id (no data when it does not exist).
    pub fn indicator_status(&self, id: &Id) -> Status {
        self.indicator(id).map_or(Status::NoData, |i| self.progress(i).status)
    }

    /// The status mix of a measure's KPIs.
    pub fn measure_mix(&self, measure: &Measure) -> StatusMix {
        self.mix_of(distinct(measure.kpis.iter()))
    }

    /// The status mix of a goal's numerical targets and its measures' KPIs, each counted once.
    pub fn goal_mix(&self, goal: &Goal) -> StatusMix {
        self.mix_of(self.goal_indicator_ids(goal))
    }

    /// The status mix of a goal's numerical targets (数値目標) alone.
    pub fn target_mix(&self, goal: &Goal) -> StatusMix {
        self.mix_of(distinct(goal.targets.iter()))
    }

    /// The status mix of a goal's measures' KPIs alone, each indicator once.
    pub fn kpi_mix(&self, goal: &Goal) -> StatusMix {
        self.mix_of(distinct(goal.measures.iter().flat_map(|m| m.kpis.iter())))
    }

    /// What a goal's status mix counts: its numerical targets, then its measures' KPIs, each
    /// indicator once (the dashboard lists them, the overview and workshop count them).
    pub fn goal_indicators(&self, goal: &Goal) -> Vec<&Indicator> {
        self.goal_indicator_ids(goal).into_iter().filter_map(|id| self.indicator(id)).collect()
    }

    fn goal_indicator_ids<'a>(&self, goal: &'a Goal) -> Vec<&'a Id> {
        distinct(goal.targets.iter().chain(goal.measures.iter().flat_map(|m| m.kpis.iter())))
    }

    fn mix_of(&self, ids: Vec<&Id>) -> StatusMix {
        let mut mix = StatusMix::default();
        for id in ids.into_iter().filter(|id| self.indicator(id).is_some()) {
            mix.add(self.indicator_status(id));
        }
        mix
    }
}

/// Worst status among series with data; no data when none has.
pub fn combined(statuses: impl IntoIterator<Item = Status>) -> Status {
    let rank = |s: Status| match s {
        Status::Behind => 0,
        Status::OnTrack => 1,
        Status::Achieved => 2,
        Status::NoData => 3,
    };
    statuses.into_iter().min_by_key(|s| rank(*s)).unwrap_or(Status::NoData)
}

fn distinct<'a>(ids: impl Iterator<Item = &'a Id>) -> Vec<&'a Id> {
    let mut seen: Vec<&Id> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Baseline, FiscalYear, GoalKind, PlanPeriod, Series, Target};

    fn series(label: &str, baseline: f64, target: f64, actual: Option<f64>) -> Series {
        let mut s = Series::new(label);
        s.baseline = Some(Baseline { value: baseline, year: Some(FiscalYear(2021)) });
        s.target = Some(Target::Value { value: target, year: Some(FiscalYear(2025)) });
        if let Some(v) = actual {
            s.set_actual(FiscalYear(2023), Some(v));
        }
        s
    }

    /// A strategy with one goal, one measure and indicators whose latest actuals give each status.
    fn strategy() -> (Strategy, Vec<Id>) {
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let goal = s.add_goal(GoalKind::Basic);
        let measure = s.add_measure(&goal).unwrap();
        // 2023 is half way from 2021 to 2025: 50 % expected.
        let cases = [
            vec![series("", 0.0, 100.0, Some(100.0))], // achieved
            vec![series("", 0.0, 100.0, Some(60.0))],  // on track
            vec![series("男性", 0.0, 100.0, Some(60.0)), series("女性", 0.0, 100.0, Some(10.0))], // behind (worst)
            vec![series("", 0.0, 100.0, None)],        // no data
            vec![series("男性", 0.0, 100.0, Some(100.0)), series("女性", 0.0, 100.0, None)], // achieved: no-data series ignored
        ];
        let mut ids = Vec::new();
        for (n, list) in cases.into_iter().enumerate() {
            let mut ind = Indicator::new(&format!("{n}"), &format!("指標{n}"), "人");
            ind.series = list;
            ids.push(ind.id.clone());
            s.indicators.push(ind.into());
        }
        let g = s.goal_mut(&goal).unwrap();
        g.targets = vec![ids[0].clone(), ids[1].clone()];
        let m = s.measure_mut(&measure).unwrap();
        m.kpis = ids[1..].to_vec();
        (s, ids)
    }

    #[test]
    fn an_indicator_takes_the_worst_status_of_its_series_with_data() {
        let (s, ids) = strategy();
        let statuses: Vec<Status> = ids.iter().map(|id| s.indicator_status(id)).collect();
        assert_eq!(statuses, vec![Status::Achieved, Status::OnTrack, Status::Behind, Status::NoData, Status::Achieved]);
        let unknown = Id::new("ind");
        assert_eq!(s.indicator_status(&unknown), Status::NoData);
    }

    #[test]
    fn goals_and_measures_count_each_indicator_once() {
        let (s, _) = strategy();
        let goal = &s.goals[0];
        let measure = &goal.measures[0];
        assert_eq!(s.measure_mix(measure), StatusMix { achieved: 1, on_track: 1, behind: 1, no_data: 1 });
        // The goal's targets (0, 1) and the measure's KPIs (1..5): indicator 1 is counted once.
        assert_eq!(s.goal_mix(goal), StatusMix { achieved: 2, on_track: 1, behind: 1, no_data: 1 });
        assert_eq!(s.goal_mix(goal).total(), 5);
        let listed: Vec<&Id> = s.goal_indicators(goal).iter().map(|i| &i.id).collect();
        assert_eq!(listed, s.indicators.iter().map(|i| &i.id).collect::<Vec<_>>(), "targets first, each once");
    }

    #[test]
    fn combined_status_of_nothing_is_no_data() {
        assert_eq!(combined([]), Status::NoData);
        assert_eq!(combined([Status::NoData, Status::OnTrack]), Status::OnTrack);
    }
}
