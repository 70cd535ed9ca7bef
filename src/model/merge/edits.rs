//! A small town's strategy made by hand and random edits on it: what the merge's tests, its
//! property tests and its fuzzer (`fuzz/fuzz_targets/merge.rs`) start from. Native only; not
//! part of the app.

use crate::model::*;
use std::sync::Arc;

pub fn year(y: i32) -> FiscalYear {
    FiscalYear(y)
}

pub fn series(baseline: f64, target: f64, actuals: &[(i32, f64)]) -> Series {
    Series {
        baseline: Some(Baseline { value: baseline, year: Some(year(2019)) }),
        target: Some(Target::Value { value: target, year: Some(year(2024)) }),
        actuals: actuals.iter().map(|&(y, value)| Actual::new(year(y), value)).collect(),
        ..Series::new("")
    }
}

pub fn indicator(code: &str, name: &str, unit: &str, series: Vec<Series>) -> Indicator {
    Indicator { series, ..Indicator::new(code, name, unit) }
}

/// A project's year with these amounts and nothing else.
pub fn amounts(y: i32, budget: Option<Money>, settled: Option<Money>) -> InitiativeYear {
    InitiativeYear::with_amounts(year(y), budget, settled)
}

pub fn project(number: &str, title: &str, years: &[(i32, Option<Money>, Option<Money>)]) -> Initiative {
    Initiative {
        years: years.iter().map(|&(y, budget, settled)| amounts(y, budget, settled)).collect(),
        ..Initiative::new(number, title)
    }
}

pub fn evaluation(y: i32, rating: &str, outcomes: &str) -> Evaluation {
    Evaluation { rating: Some(rating.into()), outcomes: outcomes.into(), ..Evaluation::new(year(y)) }
}

/// A small town's strategy: 基本目標 1 with three measures, 基本目標 2 with two, KPIs with
/// actuals (one broken down by 男性/女性), projects with budgets and settled costs, an
/// evaluation, a re-listing, a related measure and a residents' workshop.
pub fn town() -> Strategy {
    let mut s = template::from_second_period(
        "第2期北斗市まち・ひと・しごと創生総合戦略",
        "北斗市",
        PlanPeriod { first: year(2020), last: year(2024) },
    );
    let jobs = indicator("1-1", "新規就業者数", "人", vec![series(120.0, 150.0, &[(2020, 125.0), (2021, 131.0)])]);
    let movers = indicator("2-1", "転入者数", "人", vec![series(1200.0, 1400.0, &[(2020, 1210.0), (2021, 1250.0)])]);
    let balance = indicator("2", "社会増減数", "人", vec![series(-150.0, 0.0, &[(2020, -120.0)])]);
    let health = indicator(
        "3-1",
        "65歳健康寿命",
        "年",
        vec![
            Series { label: "男性".into(), ..series(17.6, 18.0, &[(2021, 17.7)]) },
            Series { label: "女性".into(), ..series(20.6, 21.0, &[(2021, 20.7)]) },
        ],
    );
    let mut m11 = Measure::new("1-1", "企業立地等による雇用創出と地域経済の活性化");
    m11.kpis.push(jobs.id.clone());
    m11.initiatives
        .push(project("(1)", "企業誘致活動の推進", &[(2023, Some(1200), Some(1150)), (2024, Some(1300), None)]).into());
    let startup = project("(2)", "創業支援補助金", &[(2023, None, Some(800))]);
    let startup_id = startup.id.clone();
    m11.initiatives.push(startup.into());
    let mut m12 = Measure::new("1-2", "農林水産業の振興");
    m12.initiatives.push(project("(1)", "六次産業化支援事業", &[(2023, Some(2456), Some(2456))]).into());
    let m13 = Measure::new("1-3", "観光の振興");
    let mut m21 = Measure::new("2-1", "移住・定住の促進");
    m21.kpis.push(movers.id.clone());
    m21.initiatives.push(project("(1)", "移住相談窓口の運営", &[(2023, Some(500), Some(480))]).into());
    m21.evaluations.push(evaluation(2023, "B", "移住相談 48 件"));
    let mut m22 = Measure::new("2-2", "関係人口の創出");
    m22.relisted.push(Relisting::all_years(startup_id));
    m21.related.push(m22.id.clone());
    {
        let g1 = Arc::make_mut(&mut s.goals[0]);
        g1.targets.push(jobs.id.clone());
        g1.measures = vec![m11.into(), m12.into(), m13.into()];
        let g2 = Arc::make_mut(&mut s.goals[1]);
        g2.targets.push(balance.id.clone());
        g2.measures = vec![m21.into(), m22.into()];
        Arc::make_mut(&mut s.goals[2]).targets.push(health.id.clone());
    }
    let goal2 = NoteTarget::Goal(s.goals[1].id.clone());
    s.indicators = vec![jobs.into(), movers.into(), balance.into(), health.into()];
    let session = s.start_workshop("第1回 住民ワークショップ", "2025-07-12");
    let note = s.add_note(&session, goal2, "空き家を移住体験住宅に").unwrap();
    for _ in 0..3 {
        s.vote(&note);
    }
    assert_eq!(errors(&validate(&s)).count(), 0, "{:?}", validate(&s));
    s
}

/// One edit: what (`op`), which entities (`a`, `b`), and a value.
pub type RandomEdit = (u8, usize, usize, i64);

fn ids<'a>(it: impl Iterator<Item = &'a Id>) -> Vec<Id> {
    it.cloned().collect()
}

fn nth(list: &[Id], n: usize) -> Option<Id> {
    (!list.is_empty()).then(|| list[n % list.len()].clone())
}

fn initiative_year(i: &mut Initiative, year: FiscalYear) -> &mut InitiativeYear {
    if i.year(year).is_none() {
        i.years.push(amounts(year.0, None, None));
    }
    i.years.iter_mut().find(|y| y.fiscal_year == year).unwrap()
}
pub fn apply(s: &mut Strategy, (op, a, b, v): RandomEdit) {
    let goals = ids(s.goals.iter().map(|g| &g.id));
    let measures = ids(s.measures().map(|(_, m)| &m.id));
    let initiatives = ids(s.initiatives().map(|(_, i)| &i.id));
    let indicators = ids(s.indicators.iter().map(|i| &i.id));
    let year = FiscalYear(2020 + (b % 6) as i32);
    let text = |what: &str| format!("{what}{v}");
    let (goal, measure, project, indicator) =
        (nth(&goals, a), nth(&measures, a), nth(&initiatives, a), nth(&indicators, a));
    match op % 22 {
        0 => goal.map(|g| s.goal_mut(&g).unwrap().title = text("目標")).unwrap_or_default(),
        1 => measure.map(|m| s.measure_mut(&m).unwrap().title = text("施策")).unwrap_or_default(),
        2 => project.map(|i| s.initiative_mut(&i).unwrap().description = text("内容")).unwrap_or_default(),
        3 => indicator.map(|i| s.indicator_mut(&i).unwrap().unit = text("単位")).unwrap_or_default(),
        4 | 5 => {
            if let Some(i) = indicator {
                let ind = s.indicator_mut(&i).unwrap();
                let n = ind.series.len();
                let series = &mut ind.series[b % n];
                let value = (v % 7 != 0).then_some(v as f64);
                if op % 22 == 4 {
                    series.set_actual(year, value)
                } else {
                    series.set_interim(year, value)
                }
            }
        }
        6 => project
            .map(|i| initiative_year(s.initiative_mut(&i).unwrap(), year).budget = Some(v.abs()))
            .unwrap_or_default(),
        7 => project
            .map(|i| initiative_year(s.initiative_mut(&i).unwrap(), year).settled = Some(v.abs()))
            .unwrap_or_default(),
        // Sections (担当課): one added, named by a measure, a project or a KPI, or removed.
        8 if v % 5 == 0 => {
            let departments = ids(s.departments.iter().map(|d| &d.id));
            match (nth(&departments, b), b % 4) {
                (None, _) | (_, 0) => drop(s.add_department(&text("課"))),
                (Some(d), 1) => {
                    measure.into_iter().for_each(|m| s.measure_mut(&m).unwrap().department = Some(d.clone()))
                }
                (Some(d), 2) => {
                    project.into_iter().for_each(|i| s.initiative_mut(&i).unwrap().department = Some(d.clone()))
                }
                (Some(d), _) if v % 2 == 0 => drop(s.remove_department(&d)),
                (Some(d), _) => {
                    indicator.into_iter().for_each(|i| s.indicator_mut(&i).unwrap().department = Some(d.clone()))
                }
            }
        }
        // An evaluation of a year at one of its stages (一次, 二次, 外部).
        8 => {
            if let Some(m) = measure {
                let m = s.measure_mut(&m).unwrap();
                let rating = Some(["A", "B", "C", "D"][v.unsigned_abs() as usize % 4].to_owned());
                let stage = EvaluationStage::ALL[(v.unsigned_abs() as usize / 4) % 3];
                let fresh = m.evaluation(year, stage).is_none();
                m.edit_evaluation(year, stage, |e| {
                    e.rating = rating;
                    if fresh {
                        e.outcomes = text("成果");
                    }
                });
            }
        }
        9 => {
            if let Some(m) = goal.and_then(|g| s.add_measure(&g)) {
                s.measure_mut(&m).unwrap().title = text("新施策");
            }
        }
        10 => {
            if let Some(i) = measure.and_then(|m| s.add_initiative(&m)) {
                s.initiative_mut(&i).unwrap().title = text("新事業");
            }
        }
        11 => {
            if let Some(m) = measure {
                let i = s.add_indicator_for(&m);
                s.indicator_mut(&i).unwrap().name = text("新指標");
            }
        }
        12 => goal.map(|g| s.remove_goal(&g)).map(drop).unwrap_or_default(),
        13 => measure.map(|m| s.remove_measure(&m)).map(drop).unwrap_or_default(),
        14 => project.map(|i| s.remove_initiative(&i)).map(drop).unwrap_or_default(),
        15 => indicator.map(|i| s.remove_indicator(&i)).map(drop).unwrap_or_default(),
        16 => {
            if let Some(m) = measure {
                s.move_measure(&m, if v % 2 == 0 { Direction::Up } else { Direction::Down });
            }
            if let Some(g) = nth(&goals, b) {
                s.move_goal(&g, if v % 3 == 0 { Direction::Up } else { Direction::Down });
            }
        }
        17 => {
            // An initiative moved to another measure.
            if let (Some(i), Some(to)) = (project, nth(&measures, b)) {
                let item = s.initiative(&i).cloned().unwrap();
                let from = s.initiatives().find(|(_, x)| x.id == i).map(|(m, _)| m.id.clone()).unwrap();
                s.measure_mut(&from).unwrap().initiatives.retain(|x| x.id != i);
                s.measure_mut(&to).unwrap().initiatives.push(item.into());
            }
        }
        18 => {
            if let (Some(m), Some(i)) = (measure, nth(&indicators, b)) {
                let kpis = &mut s.measure_mut(&m).unwrap().kpis;
                if !kpis.contains(&i) {
                    kpis.push(i);
                }
            }
        }
        19 => {
            let notes = ids(s.workshops.iter().flat_map(|w| w.notes.iter().map(|n| &n.id)));
            match (nth(&notes, a), v % 3) {
                (Some(n), 0 | 1) => drop(s.vote(&n)),
                _ => {
                    if let (Some(w), Some(g)) = (s.workshops.first().map(|w| w.id.clone()), goal) {
                        s.add_note(&w, NoteTarget::Goal(g), &text("付箋"));
                    }
                }
            }
        }
        20 => {
            if let Some(i) = indicator {
                let ind = s.indicator_mut(&i).unwrap();
                if ind.series.len() > 1 && v % 2 == 0 {
                    ind.series.remove(b % ind.series.len());
                } else {
                    let n = ind.series.len();
                    ind.series[b % n].target = Some(Target::Value { value: v as f64, year: Some(year) });
                }
            }
        }
        _ => {
            if let (Some(m), Some(other)) = (measure.clone(), nth(&measures, b)) {
                if m != other {
                    s.measure_mut(&m).unwrap().related.push(other);
                }
            }
            if let (Some(m), Some(i)) = (measure, nth(&initiatives, b)) {
                let relisted = &mut s.measure_mut(&m).unwrap().relisted;
                if !relisted.iter().any(|r| r.initiative == i) {
                    relisted.push(Relisting::all_years(i));
                }
            }
        }
    }
}
pub fn edited(s: &Strategy, edits: &[RandomEdit]) -> Strategy {
    let mut s = s.clone();
    for e in edits {
        apply(&mut s, *e);
    }
    s
}

/// 北斗市 with a 商工課 that owns 1-1 and its KPI 新規就業者数; a round of 2023 asking the KPIs'
/// actuals, 商工課's answered (148) and confirmed. Its id, the round's, the section's, the KPI's.
pub fn confirmed_town() -> (Strategy, Id, Id, Id) {
    let mut s = town();
    let section = s.add_department("商工課");
    let m = s.measures().find(|(_, m)| m.number == "1-1").unwrap().1.id.clone();
    let jobs = s.measures().find(|(_, m)| m.number == "1-1").unwrap().1.kpis[0].clone();
    s.measure_mut(&m).unwrap().department = Some(section.clone());
    let round = s
        .open_round(crate::model::round::Round::new(
            FiscalYear(2023),
            &[crate::model::round::Ask::KpiActuals],
            "企画 花子",
            "2024-04-10",
        ))
        .unwrap();
    s.indicator_mut(&jobs).unwrap().series[0].set_actual(FiscalYear(2023), Some(148.0));
    s.submit(&round, &section, "佐藤", "2024-04-20T01:00:00Z").unwrap();
    s.confirm(&round, &section, "田中", "2024-04-21T01:00:00Z").unwrap();
    (s, round, section, jobs)
}
