//! Tests of the regional view on three hand-made towns of 渡島 — 七飯町, 北斗市 and 木古内町,
//! small enough to work every number out by hand — and on the two examples (北本市 and 北斗市
//! as two towns of one region). The CSV tests (`format::csv`) start from the same towns.

mod coverage;
mod frames;
mod matching;
mod partnership;
mod rollup;
mod search;

use crate::model::{
    Baseline, FiscalYear, Goal, GoalKind, Indicator, Initiative, InitiativeKind, InitiativeYear, Measure, Money,
    NationalGoal, Partner, PlanPeriod, RatingPreset, Sdg, Series, Strategy, Target,
};

pub(crate) const NANAE: &str = "013374";
pub(crate) const HOKUTO: &str = "012360";
pub(crate) const KIKONAI: &str = "013340";

fn fy(y: i32) -> FiscalYear {
    FiscalYear(y)
}

pub(crate) fn year(y: i32, budget: Option<Money>, settled: Option<Money>) -> InitiativeYear {
    InitiativeYear::with_amounts(fy(y), budget, settled)
}

pub(crate) fn initiative(
    number: &str,
    title: &str,
    kind: InitiativeKind,
    years: Vec<InitiativeYear>,
    partners: Vec<Partner>,
) -> Initiative {
    Initiative { kind: Some(kind), years, partners, ..Initiative::new(number, title) }
}

pub(crate) fn by_code(code: &str) -> Partner {
    Partner { code: Some(code.into()), name: String::new() }
}

pub(crate) fn by_name(name: &str) -> Partner {
    Partner { code: None, name: name.into() }
}

/// A value target from `baseline` in `from` to `target` in `to`, with actuals.
pub(crate) fn indicator(
    name: &str,
    baseline: f64,
    from: i32,
    target: f64,
    to: i32,
    actuals: &[(i32, f64)],
) -> Indicator {
    let mut ind = Indicator::new("", name, "");
    let s = &mut ind.series[0];
    s.baseline = Some(Baseline { value: baseline, year: Some(fy(from)) });
    s.target = Some(Target::Value { value: target, year: Some(fy(to)) });
    for (y, v) in actuals {
        s.set_actual(fy(*y), Some(*v));
    }
    ind
}

fn national(s: &mut Strategy, kind: GoalKind, number: &str, title: &str) -> crate::model::Id {
    let id = crate::model::Id::new("ng");
    s.national_framework.goals.push(NationalGoal { id: id.clone(), kind, number: number.into(), title: title.into() });
    id
}

pub(crate) const FLOW: &str = "地方とのつながりを築き、地方への新しいひとの流れをつくる";

fn town(name: &str, code: &str, first: i32, last: i32) -> Strategy {
    let mut s = Strategy::blank(&format!("{name}総合戦略"), name, PlanPeriod { first: fy(first), last: fy(last) });
    s.municipality.code = Some(code.into());
    s
}

fn measure(number: &str, title: &str, sdgs: &[u8], initiatives: Vec<Initiative>) -> Measure {
    Measure {
        sdgs: sdgs.iter().map(|n| Sdg(*n)).collect(),
        initiatives: initiatives.into_iter().map(Into::into).collect(),
        ..Measure::new(number, title)
    }
}

/// 七飯町, 2020–2024. As of 2023 its five indicators are: behind, on track, achieved, no data,
/// achieved (a breakdown whose second series has no data); three have a 2023 actual.
/// 2023: 予算額 1,000 + 500 + 2,000 = 3,500, 決算額 900 + 450 + 1,800 = 3,150 (千円).
pub(crate) fn nanae() -> Strategy {
    let mut s = town("七飯町", NANAE, 2020, 2024);
    let flow = national(&mut s, GoalKind::Basic, "2", FLOW);
    let mut g = Goal::new(GoalKind::Basic, "1", "移住・定住を促進する");
    g.subtitle = "～ひとの流れをつくる～".into();
    g.national_goal = Some(flow);
    g.sdgs = vec![Sdg(11)];
    g.measures.push(
        measure(
            "1-1",
            "移住プロモーション",
            &[8, 11],
            vec![
                initiative(
                    "(1)",
                    "移住体験住宅の運営",
                    InitiativeKind::Subsidised,
                    vec![year(2023, Some(1000), Some(900)), year(2024, Some(1200), None)],
                    vec![by_code(HOKUTO)],
                ),
                initiative(
                    "(2)",
                    "ＤＸによる窓口改革",
                    InitiativeKind::Standalone,
                    vec![year(2023, Some(500), Some(450))],
                    vec![],
                ),
            ],
        )
        .into(),
    );
    g.measures.push(
        measure(
            "1-2",
            "子育て支援の充実",
            &[3, 4],
            vec![initiative(
                "(1)",
                "子育て応援給付金",
                InitiativeKind::Subsidised,
                vec![year(2023, Some(2000), Some(1800))],
                vec![by_name("函館市")],
            )],
        )
        .into(),
    );
    s.goals.push(g.into());
    s.goals.push(Goal::new(GoalKind::CrossCutting, "1", "デジタル化を進める").into());
    // 2023 is 4/5 of the way from 2019 to 2024: 80 % of the way is due.
    let birth = indicator("合計特殊出生率", 1.2, 2019, 1.4, 2024, &[(2021, 1.25), (2023, 1.3)]); // 50 %: behind
    let social = indicator("社会増減数（人）", -100.0, 2019, 0.0, 2024, &[(2023, -10.0)]); // 90 %: on track
    let visitors = indicator("観光入込客数", 100_000.0, 2019, 120_000.0, 2024, &[(2022, 125_000.0)]); // achieved
    let mut consults = Indicator::new("", "移住相談件数", "件"); // no data
    consults.series[0].target = Some(Target::Direction);
    let mut health = indicator("健康寿命", 18.0, 2019, 19.0, 2024, &[(2023, 19.5)]); // achieved …
    health.series[0].label = "男性".into();
    let mut women = Series::new("女性"); // … and a series with no data, which does not count
    women.target = Some(Target::Value { value: 21.0, year: Some(fy(2024)) });
    health.series.push(women);
    s.indicators = [birth, social, visitors, consults, health].into_iter().map(Into::into).collect();
    let ids: Vec<_> = s.indicators.iter().map(|i| i.id.clone()).collect();
    let first = s.goals[0].measures[0].id.clone();
    s.measure_mut(&first).unwrap().kpis = ids;
    s
}

/// 北斗市, 2022–2025, rated ◎○△×: names 七飯町 back (a confirmed partnership) and 木古内町
/// (which does not name it back).
pub(crate) fn hokuto() -> Strategy {
    let mut s = town("北斗市", HOKUTO, 2022, 2025);
    s.rating_rule = RatingPreset::Marks.rule();
    let flow = national(&mut s, GoalKind::Basic, "2", FLOW);
    let mut g = Goal::new(GoalKind::Basic, "1", "観光でにぎわうまち");
    g.national_goal = Some(flow);
    g.sdgs = vec![Sdg(8)];
    g.direction = "新幹線駅を核に、観光客の移住体験を進める。".into();
    g.measures.push(
        measure(
            "1",
            "観光振興",
            &[8, 17],
            vec![
                initiative(
                    "(1)",
                    "広域観光周遊ルートの造成",
                    InitiativeKind::Subsidised,
                    vec![year(2023, Some(3000), Some(2500))],
                    vec![by_name("七飯町")],
                ),
                initiative(
                    "(2)",
                    "観光ＤＸ推進事業",
                    InitiativeKind::Standalone,
                    vec![year(2023, Some(700), None)],
                    vec![Partner { code: Some(KIKONAI.into()), name: "木古内町".into() }],
                ),
            ],
        )
        .into(),
    );
    s.goals.push(g.into());
    let birth = indicator("合計特殊　出生率", 1.3, 2021, 1.5, 2025, &[(2023, 1.5)]); // achieved
    let social = indicator("社会増減数", -50.0, 2021, 0.0, 2025, &[(2024, -40.0)]); // nothing by 2023
    let furusato = indicator("ふるさと納税寄附額", 1000.0, 2021, 2000.0, 2025, &[]);
    let satisfaction = indicator("観光客満足度", 60.0, 2021, 80.0, 2025, &[]);
    let visitors = indicator("観光客数（延べ）", 500_000.0, 2021, 600_000.0, 2025, &[(2023, 520_000.0)]);
    s.indicators = [birth, social, furusato, satisfaction, visitors].into_iter().map(Into::into).collect();
    s
}

/// 木古内町, 2020–2024, no national framework: names 七飯町, which does not name it back.
pub(crate) fn kikonai() -> Strategy {
    let mut s = town("木古内町", KIKONAI, 2020, 2024);
    let mut g = Goal::new(GoalKind::Basic, "1", "子育てしやすいまち");
    g.measures.push(
        measure(
            "1",
            "子育て世帯の移住支援",
            &[3],
            vec![initiative(
                "(1)",
                "子育て世帯移住支援金",
                InitiativeKind::Subsidised,
                vec![],
                vec![Partner { code: None, name: "七飯町".into() }],
            )],
        )
        .into(),
    );
    s.goals.push(g.into());
    let furusato = indicator("ふるさと納税 寄附額", 500.0, 2019, 900.0, 2024, &[(2023, 700.0)]);
    let movers = indicator("KPI：移住者数", 10.0, 2019, 30.0, 2024, &[(2023, 12.0)]);
    let mut consults = Indicator::new("", "移住相談件数", "件");
    consults.series[0].target = Some(Target::Direction);
    s.indicators = [furusato, movers, consults].into_iter().map(Into::into).collect();
    s
}

/// The three hand-made towns and a region holding them, in that order.
pub(crate) fn region() -> (super::Region, Vec<Strategy>) {
    let towns = vec![nanae(), hokuto(), kikonai()];
    let mut region = super::Region::new("渡島総合振興局管内");
    region.members = towns.iter().map(|s| s.id.clone()).collect();
    (region, towns)
}

/// The two examples, 北本市 then 北斗市.
pub(crate) fn examples() -> Vec<Strategy> {
    ["kitamoto", "hokuto"].iter().map(|k| crate::examples::by_key(k).unwrap().load().unwrap()).collect()
}
