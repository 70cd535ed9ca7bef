//! Native tests of the store against [`MemoryBackend`], by subject: `saving` (round trips, a full
//! storage), `garbage` (in every key, lost indexes, arbitrary text), `backups` (delete and
//! restore), `backend` (the memory backend, a failing one), `folder` (the memory folder),
//! `graph_record` (compact, or a list as written before), `preferences`, `regions` and `usage`.
//! Here: the store and the strategies they share. The version history, transfers, lineage and the
//! move from `localStorage` are tested beside their code.

use super::*;
use crate::format::export_compact as export;
use crate::model::{
    template, Actual, Baseline, FiscalYear, Id, Indicator, Initiative, InitiativeYear, Measure, NarrativeSection,
    PlanPeriod, ProjectDirection, Strategy, Target,
};
use crate::testing::Wait;
use std::rc::Rc;

mod backend;
mod backups;
mod folder;
mod garbage;
mod graph_record;
mod lineage;
mod preferences;
mod regions;
mod saving;
mod usage;

const FOUND: &str = "2026-01-02T03:04:05Z";

type MemStore = Store<Rc<MemoryBackend>>;

fn store() -> (Rc<MemoryBackend>, MemStore) {
    let mem = Rc::new(MemoryBackend::new());
    let store = Store::new(mem.clone()).with_clock(|| FOUND.to_owned());
    (mem, store)
}

fn sample(title: &str, municipality: &str) -> Strategy {
    let mut s = template::from_second_period(
        title,
        municipality,
        PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
    );
    s.goals_mut().next().unwrap().measures.push(Measure::new("1", "企業立地等による雇用創出").into());
    s
}

/// A fuller strategy: sections, an indicator with a baseline, a target and actuals, a KPI, an
/// initiative with budgets — Japanese text and markup-looking text included.
fn rich(title: &str) -> Strategy {
    let mut s = sample(title, "北本市");
    s.sections.push(NarrativeSection {
        id: Id::new("section"),
        heading: "策定趣旨".into(),
        body: "人口減少に歯止めをかける。\n<b>太字</b> & \"引用\"".into(),
    });
    let mut ind = Indicator::new("1-1", "市内企業の新規雇用者数", "人");
    ind.series[0].baseline = Some(Baseline { value: 120.0, year: Some(FiscalYear(2019)) });
    ind.series[0].target = Some(Target::Value { value: 150.0, year: Some(FiscalYear(2024)) });
    ind.series[0].actuals.push(Actual {
        year: FiscalYear(2021),
        value: 131.5,
        provisional: true,
        comment: "速報値".into(),
        source: String::new(),
    });
    let mut init = Initiative::new("(1)", "企業誘致推進事業");
    init.years.push(InitiativeYear {
        fiscal_year: FiscalYear(2021),
        budget: Some(12_345),
        settled: Some(11_000),
        grant: None,
        direction: Some(ProjectDirection::ALL[0]),
        plan: "計画".into(),
        result: "実績".into(),
    });
    init.kpis.push(ind.id.clone());
    let goal = s.goals_mut().next().unwrap();
    goal.targets.push(ind.id.clone());
    let measure = goal.measures_mut().next().unwrap();
    measure.kpis.push(ind.id.clone());
    measure.initiatives.push(init.into());
    s.indicators.push(ind.into());
    s
}

fn ids(list: &[StrategySummary]) -> Vec<Id> {
    list.iter().map(|s| s.id.clone()).collect()
}
