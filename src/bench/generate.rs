//! Deterministic, seeded strategies of the sizes the benchmark needs: "town" (seed-sized),
//! "large" and "huge" (5 × large). Same size and seed → the same strategy, ids included.

use crate::model::*;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub goals: usize,
    pub measures: usize,
    pub initiatives: usize,
    pub indicators: usize,
    pub series_per_indicator: usize,
    /// Fiscal years with actuals per series (and years of budgets per initiative).
    pub years: usize,
    /// Fiscal years with an evaluation per measure.
    pub evaluation_years: usize,
}

impl Size {
    pub const TOWN: Size = Size {
        goals: 4,
        measures: 20,
        initiatives: 60,
        indicators: 40,
        series_per_indicator: 1,
        years: 5,
        evaluation_years: 2,
    };
    pub const LARGE: Size = Size {
        goals: 12,
        measures: 100,
        initiatives: 1000,
        indicators: 1000,
        series_per_indicator: 2,
        years: 10,
        evaluation_years: 5,
    };
    pub const HUGE: Size = Size {
        goals: 60,
        measures: 500,
        initiatives: 5000,
        indicators: 5000,
        series_per_indicator: 2,
        years: 10,
        evaluation_years: 5,
    };

    pub fn named(name: &str) -> Option<Size> {
        match name {
            "town" => Some(Size::TOWN),
            "large" => Some(Size::LARGE),
            "huge" => Some(Size::HUGE),
            _ => None,
        }
    }
}

const THEMES: [&str; 12] = [
    "地域産業の振興",
    "移住・定住の促進",
    "子育て支援の充実",
    "健康づくりの推進",
    "観光交流の拡大",
    "農林水産業の担い手確保",
    "防災力の向上",
    "脱炭素の推進",
    "デジタル化の推進",
    "地域コミュニティの活性化",
    "教育環境の充実",
    "公共交通の確保",
];
const ACTIONS: [&str; 8] =
    ["支援事業", "推進事業", "補助金", "促進事業", "整備事業", "啓発事業", "連携事業", "検討会議"];
const UNITS: [&str; 6] = ["人", "件", "%", "千円", "t-CO2", "団体"];

struct Gen(fastrand::Rng);

impl Gen {
    fn id(&mut self, prefix: &str) -> Id {
        Id(format!("{prefix}-{:032x}", self.0.u128(..)))
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.0.usize(..list.len())]
    }
}

/// Spreads `total` items over `groups` as evenly as possible: how many go into group `i`.
fn share(total: usize, groups: usize, i: usize) -> usize {
    total / groups + usize::from(i < total % groups)
}

pub fn generate(size: Size, seed: u64) -> Strategy {
    let mut g = Gen(fastrand::Rng::with_seed(seed));
    let first = FiscalYear(2020);
    let period = PlanPeriod { first, last: FiscalYear(first.0 + size.years as i32 - 1) };
    let mut s = Strategy::blank("ベンチマーク町まち・ひと・しごと創生総合戦略", "ベンチマーク町", period);
    s.id = g.id("strategy");
    s.stage = DraftingStage::Adopted;
    s.sections.push(NarrativeSection {
        id: g.id("section"),
        heading: "策定趣旨".into(),
        body: "人口減少に歯止めをかけ、地域の活力を維持する。".repeat(5),
    });

    let indicators: Vec<Indicator> = (0..size.indicators)
        .map(|k| {
            let direction = if k % 5 == 4 { DesiredDirection::Decrease } else { DesiredDirection::Increase };
            let series = (0..size.series_per_indicator)
                .map(|si| {
                    let base = f64::from(g.0.u32(100..10_000));
                    let step = base
                        * 0.01
                        * f64::from(g.0.u32(1..5))
                        * if direction == DesiredDirection::Decrease { -1.0 } else { 1.0 };
                    Series {
                        id: g.id("series"),
                        label: match (size.series_per_indicator, si) {
                            (1, _) => String::new(),
                            (_, 0) => "男性".into(),
                            _ => "女性".into(),
                        },
                        year_basis: Default::default(),
                        source: String::new(),
                        running_totals: false,
                        baseline: Some(Baseline { value: base, year: Some(FiscalYear(first.0 - 1)) }),
                        target: Some(Target::Value { value: base + step * size.years as f64, year: None }),
                        interim: Vec::new(),
                        actuals: (0..size.years)
                            .map(|y| Actual {
                                year: FiscalYear(first.0 + y as i32),
                                value: (base + step * (y as f64 + 1.0) * f64::from(g.0.u32(60..130)) / 100.0).round(),
                                provisional: y + 1 == size.years,
                                comment: String::new(),
                                source: String::new(),
                            })
                            .collect(),
                        from_vision: None,
                        target_history: Vec::new(),
                        unknown: Default::default(),
                    }
                })
                .collect();
            Indicator {
                id: g.id("ind"),
                code: format!("{}-{}", k / 10 + 1, k % 10 + 1),
                name: format!("{}に関する指標{}", THEMES[k % THEMES.len()], k + 1),
                unit: g.pick(&UNITS).to_owned(),
                kind: if k % 3 == 0 { IndicatorKind::Output } else { IndicatorKind::Outcome },
                direction,
                source: "住民基本台帳".into(),
                notes: String::new(),
                department: None,
                series,
                verdicts: Vec::new(),
                analyses: Vec::new(),
                predecessor: None,
                unknown: Default::default(),
            }
        })
        .collect();

    let labels = ["A", "B", "C"];
    let mut measure_no = 0;
    let mut initiative_no = 0;
    for gi in 0..size.goals {
        let kind = if gi + 2 >= size.goals && size.goals > 4 { GoalKind::CrossCutting } else { GoalKind::Basic };
        let mut goal = Goal::new(kind, &(gi + 1).to_string(), &format!("{}をすすめる", THEMES[gi % THEMES.len()]));
        goal.id = g.id("goal");
        goal.subtitle = format!("～{}～", THEMES[(gi + 3) % THEMES.len()]);
        goal.direction = "地域の特色・強みを生かした取組を進めます。".repeat(3);
        goal.sdgs = vec![Sdg((gi % 17) as u8 + 1)];
        for mi in 0..share(size.measures, size.goals, gi) {
            let mut m = Measure::new(
                &(mi + 1).to_string(),
                &format!("{}の推進 {}", THEMES[measure_no % THEMES.len()], measure_no + 1),
            );
            m.id = g.id("measure");
            m.summary = "関係機関と連携し、効果的な施策を展開します。".into();
            m.priority = measure_no % 7 == 0;
            m.sdgs = vec![Sdg((measure_no % 17) as u8 + 1)];
            m.evaluations = (0..size.evaluation_years)
                .map(|y| Evaluation {
                    fiscal_year: FiscalYear(first.0 + y as i32),
                    rating: Some(g.pick(&labels).to_owned()),
                    outcomes: "・事業を計画どおり実施した。".into(),
                    issues: "・担い手不足が課題である。".into(),
                    improvements: "・関係団体との連携を強化する。".into(),
                    next_plan: "引き続き取組を進める。".into(),
                    ..Evaluation::new(FiscalYear(first.0 + y as i32))
                })
                .collect();
            for ii in 0..share(size.initiatives, size.measures, measure_no) {
                let mut init = Initiative::new(
                    &format!("({})", ii + 1),
                    &format!("{}{}", THEMES[initiative_no % THEMES.len()], g.pick(&ACTIONS)),
                );
                init.id = g.id("initiative");
                init.kind =
                    Some(if initiative_no % 4 == 0 { InitiativeKind::Subsidised } else { InitiativeKind::Standalone });
                init.years = (0..size.years)
                    .map(|y| InitiativeYear {
                        fiscal_year: FiscalYear(first.0 + y as i32),
                        budget: Some(i64::from(g.0.u32(100..50_000))),
                        settled: (y + 1 < size.years).then(|| i64::from(g.0.u32(100..50_000))),
                        grant: None,
                        direction: Some(ProjectDirection::ALL[g.0.usize(..4)]),
                        plan: "計画どおり実施する。".into(),
                        result: "実施した。".into(),
                    })
                    .collect();
                m.initiatives.push(init.into());
                initiative_no += 1;
            }
            goal.measures.push(m.into());
            measure_no += 1;
        }
        s.goals.push(goal.into());
    }
    // Every indicator is a KPI of one measure; every tenth is also a goal's numerical target.
    let measure_ids: Vec<(usize, Id)> = s
        .goals
        .iter()
        .enumerate()
        .flat_map(|(gi, goal)| goal.measures.iter().map(move |m| (gi, m.id.clone())))
        .collect();
    for (k, ind) in indicators.iter().enumerate() {
        let (gi, mid) = &measure_ids[k % measure_ids.len()];
        if let Some(m) = s.measure_mut(mid) {
            m.kpis.push(ind.id.clone());
        }
        if k % 10 == 0 {
            Arc::make_mut(&mut s.goals[*gi]).targets.push(ind.id.clone());
        }
    }
    s.indicators = indicators.into_iter().map(Arc::new).collect();
    s
}

/// A field the merge benchmarks edit: an initiative's title, or an indicator's latest actual.
enum Slot {
    Title(Id),
    Actual(Id),
}

/// Every editable field of `base`, spread over the whole strategy in an order of `seed`.
fn slots(base: &Strategy, seed: u64) -> Vec<Slot> {
    let mut slots: Vec<Slot> = base
        .goals
        .iter()
        .flat_map(|g| g.measures.iter())
        .flat_map(|m| m.initiatives.iter())
        .map(|i| Slot::Title(i.id.clone()))
        .chain(
            base.indicators
                .iter()
                .filter(|i| i.series.first().is_some_and(|s| !s.actuals.is_empty()))
                .map(|i| Slot::Actual(i.id.clone())),
        )
        .collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut slots);
    slots
}

/// Edits each slot: `side` appended to a title, `bump` added to an actual.
fn edit(s: &mut Strategy, slots: &[Slot], side: &str, bump: f64) {
    for slot in slots {
        match slot {
            Slot::Title(id) => {
                if let Some(i) = s.initiative_mut(id) {
                    i.title.push_str(side);
                }
            }
            Slot::Actual(id) => {
                if let Some(i) = s.indicator_mut(id) {
                    if let Some(a) = i.series[0].actuals.last_mut() {
                        a.value += bump;
                    }
                }
            }
        }
    }
}

/// Two machines' copies of `base` for the merge benchmark: each with `edits`
/// scattered edits — initiative titles and indicators' latest actuals, spread over the whole
/// strategy — of which `shared` touch the same fields with different values (the conflicts).
pub fn edited_pair(base: &Strategy, edits: usize, shared: usize, seed: u64) -> (Strategy, Strategy) {
    let slots = slots(base, seed);
    let take = (2 * edits - shared).min(slots.len());
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit(&mut ours, &slots[..edits.min(take)], "（このパソコン）", 1.0);
    edit(&mut theirs, &slots[take.saturating_sub(edits)..take], "（ファイル）", 2.0);
    (ours, theirs)
}

/// The shared folder's benchmark: `members` copies of `base`, each with `edits`
/// scattered edits of fields no other copy touches (a section's actuals and titles: no
/// conflicts), member `k`'s titles marked 「（担当課k）」. Fewer edits each where the strategy
/// has too few fields for them all (the town size): every member changes something.
pub fn edited_members(base: &Strategy, members: usize, edits: usize, seed: u64) -> Vec<Strategy> {
    let slots = slots(base, seed);
    let edits = edits.min(slots.len() / members.max(1)).max(1);
    (0..members)
        .map(|k| {
            let mut s = base.clone();
            let from = (k * edits).min(slots.len());
            let to = ((k + 1) * edits).min(slots.len());
            edit(&mut s, &slots[from..to], &format!("（担当課{}）", k + 1), (k + 1) as f64);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_as_named_and_valid() {
        for size in [Size::TOWN, Size::LARGE] {
            let s = generate(size, 1);
            let c = s.counts();
            assert_eq!(
                (c.goals, c.measures, c.initiatives, c.indicators),
                (size.goals, size.measures, size.initiatives, size.indicators)
            );
            assert!(s.indicators.iter().all(|i| i.series.len() == size.series_per_indicator
                && i.series.iter().all(|x| x.actuals.len() == size.years)));
            assert!(s.measures().all(|(_, m)| m.evaluations.len() == size.evaluation_years));
            let problems = validate(&s);
            let errors: Vec<_> = errors(&problems).collect();
            assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
        }
    }

    #[test]
    fn same_seed_same_strategy_other_seed_other_one() {
        let a = crate::format::export(&generate(Size::TOWN, 7), "t");
        let b = crate::format::export(&generate(Size::TOWN, 7), "t");
        let c = crate::format::export(&generate(Size::TOWN, 8), "t");
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn huge_is_five_times_large() {
        let (l, h) = (Size::LARGE, Size::HUGE);
        assert_eq!(
            (h.goals, h.measures, h.initiatives, h.indicators),
            (5 * l.goals, 5 * l.measures, 5 * l.initiatives, 5 * l.indicators)
        );
        assert_eq!(Size::named("huge"), Some(h));
        assert_eq!(Size::named("planet"), None);
    }
}
