//! Example strategies a new user can open in one click, transcribed as data from the seeds:
//! 北本市 (seed 001) and 北斗市 (seeds 000 and 002); and one made up (しるべ町（架空）) with an
//! indicator of each target kind, which no seed has. Kept as Shirube files in
//! `public/examples/` and read through the real import, so they are checked like any file. The
//! app fetches them when asked (`dist/examples/`, inlined in the single file), so that they
//! stay out of the wasm's first download; native code and tests have them built in.

pub struct Example {
    pub key: &'static str,
    pub municipality: &'static str,
    /// Where the file is in `dist/`, relative to the page.
    pub path: &'static str,
    /// The file itself, for native code and tests.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub file: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        key: "kitamoto",
        municipality: "北本市",
        path: "examples/kitamoto.json",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        file: include_str!("../../public/examples/kitamoto.json"),
    },
    Example {
        key: "hokuto",
        municipality: "北斗市",
        path: "examples/hokuto.json",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        file: include_str!("../../public/examples/hokuto.json"),
    },
    Example {
        key: "made-up",
        municipality: "しるべ町（架空）",
        path: "examples/made-up-targets.json",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        file: include_str!("../../public/examples/made-up-targets.json"),
    },
];

#[cfg(any(test, not(target_arch = "wasm32")))]
impl Example {
    /// The example as a strategy.
    pub fn load(&self) -> Result<crate::model::Strategy, crate::format::ImportError> {
        crate::format::import(self.file).map(|i| i.strategy)
    }
}

pub fn by_key(key: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.key == key)
}

#[cfg(test)]
mod made_up_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{assess, Context, GoalKind, Status, Strategy, Target};

    fn load(key: &str) -> Strategy {
        by_key(key).unwrap().load().unwrap_or_else(|e| panic!("{key} does not import: {e:?}"))
    }

    /// The path the app fetches is where Trunk copies the file (`public/examples` → `dist/examples`).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_example_is_fetched_from_the_file_it_was_built_from() {
        for e in EXAMPLES {
            let on_disk =
                std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public").join(e.path));
            assert_eq!(on_disk.as_deref().ok(), Some(e.file), "{}", e.path);
        }
    }

    #[test]
    fn every_example_imports_without_errors() {
        for e in EXAMPLES {
            let s = e.load().unwrap_or_else(|err| panic!("{}: {err:?}", e.key));
            assert_eq!(s.municipality.name, e.municipality);
        }
    }

    /// 北本市 (seed 001): 4 basic + 2 cross-cutting goals, the numerical-target tables with their
    /// breakdowns, one indicator under two goals, direction-only and per-year targets.
    #[test]
    fn kitamoto_holds_the_summary() {
        let s = load("kitamoto");
        let kinds: Vec<GoalKind> = s.goals.iter().map(|g| g.kind).collect();
        assert_eq!(kinds.iter().filter(|k| **k == GoalKind::Basic).count(), 4);
        assert_eq!(kinds.iter().filter(|k| **k == GoalKind::CrossCutting).count(), 2);
        assert_eq!((s.period.first.0, s.period.last.0), (2022, 2025));
        let by_name =
            |name: &str| s.indicators.iter().find(|i| i.name.contains(name)).unwrap_or_else(|| panic!("{name}"));
        let births = by_name("出生数");
        assert_eq!(births.code, "7-2");
        assert_eq!(births.series[0].baseline.as_ref().map(|b| b.value), Some(340.0));
        assert_eq!(births.series[0].target, Some(Target::Value { value: 380.0, year: None }));
        let health = by_name("65歳健康寿命");
        let labels: Vec<&str> = health.series.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["男性", "女性"]);
        assert_eq!(health.series[0].baseline.as_ref().and_then(|b| b.year).map(|y| y.0), Some(2019));
        let pupils = by_name("学習の機会");
        assert_eq!(pupils.series.iter().map(|x| x.label.as_str()).collect::<Vec<_>>(), ["児童", "生徒"]);
        assert_eq!(by_name("ふるさと納税").series[0].target, Some(Target::Direction));
        assert_eq!(by_name("負傷者数").series[0].target, Some(Target::PerYear { value: 0.0 }));
        let ghg = by_name("温室効果ガス");
        assert_eq!(ghg.series[0].baseline.as_ref().map(|b| b.value), Some(272_000.0));
        assert_eq!(ghg.series[0].target, Some(Target::Value { value: 246_500.0, year: None }));
        // 3-2 地域活動に参加している市民の割合: one indicator, under basic goal 4 and cross-cutting goal 1.
        let activity = by_name("地域活動に参加");
        assert_eq!(s.uses_of(&activity.id).goals.len(), 2, "3-2 is listed under two goals");
        // Every goal has its numerical targets.
        assert!(s.goals.iter().all(|g| !g.targets.is_empty()));
        // The seed's own figures feed the maths: no actuals yet, so no data.
        let cx = Context { direction: births.direction, period: s.period, rule: &s.rating_rule };
        assert_eq!(assess(&births.series[0], cx).status, Status::NoData);
    }

    /// Both examples name their sections (担当課): every measure of 北斗市 has one, a project
    /// run by another section (ふるさと納税: 水産商工労働課 beside 企画課, as seed 002 says) names
    /// its own, and every initiative and KPI of theirs resolves to one; 北本市's numerical
    /// targets, with no measures above them, name theirs.
    #[test]
    fn both_examples_name_plausible_sections() {
        let s = load("hokuto");
        assert!(s.departments.len() >= 8);
        assert!(s.measures().all(|(_, m)| m.department.as_ref().and_then(|d| s.department_name(d)).is_some()));
        assert!(s.initiatives().all(|(_, i)| s.initiative_department(&i.id).is_some()));
        let (_, gift) = s.initiatives().find(|(_, i)| i.title.contains("ふるさと納税")).expect("ふるさと納税");
        let owner = s.initiative_department(&gift.id).unwrap();
        assert_eq!((s.department_name(owner.department), owner.inherited), (Some("水産商工労働課"), false));
        let membership = s.measures().find(|(_, m)| m.title == "町内会等への加入促進").unwrap().1;
        assert_eq!(membership.department.as_ref().and_then(|d| s.department_name(d)), Some("市民課"));

        let s = load("kitamoto");
        let names =
            |i: &crate::model::Indicator| s.indicator_department(i).and_then(|o| s.department_name(o.department));
        assert!(s.indicators.iter().all(|i| names(i).is_some()), "every numerical target has its section");
        let births = s.indicators.iter().find(|i| i.name.contains("出生数")).unwrap();
        assert_eq!(names(births), Some("こども課"));
        let used: std::collections::BTreeSet<_> = s.indicators.iter().filter_map(|i| i.department.clone()).collect();
        assert_eq!(used.len(), s.departments.len(), "no section of the list is left unused");
    }

    /// 北斗市 (seeds 000 and 002): the outline's goals, measures and initiatives, and the
    /// evaluation sheets of 基本目標4 with ratings, settled costs, budgets and directions.
    #[test]
    fn hokuto_holds_outline_and_evaluation_sheets() {
        let s = load("hokuto");
        assert_eq!(s.goals.len(), 4);
        assert_eq!((s.period.first.0, s.period.last.0), (2020, 2024));
        let first = &s.goals[0].measures[0];
        assert_eq!(first.title, "企業立地等による雇用創出と地域経済の活性化");
        assert_eq!(first.initiatives.len(), 4);
        let goal4 = &s.goals[3];
        let rated: Vec<_> = goal4
            .measures
            .iter()
            .filter_map(|m| m.evaluation(crate::model::FiscalYear(2023), crate::model::EvaluationStage::First))
            .collect();
        assert!(rated.len() >= 3, "the evaluation sheets of goal 4 are there");
        let membership = goal4.measures.iter().find(|m| m.title == "町内会等への加入促進").expect("主要施策 1");
        assert_eq!(
            membership
                .evaluation(crate::model::FiscalYear(2023), crate::model::EvaluationStage::First)
                .and_then(|e| e.rating.as_deref()),
            Some("C")
        );
        let totals = s.measure_totals(membership, crate::model::FiscalYear(2023));
        assert_eq!(totals.settled, Some(300), "令和5年度 計 300 (千円)");
        assert_eq!(
            s.measure_totals(membership, crate::model::FiscalYear(2024)).budget,
            Some(2_300),
            "令和6年度 計 2,300"
        );
        let facilities = goal4.measures.iter().find(|m| m.title == "コミュニティ施設の適切な管理").expect("主要施策 2");
        assert_eq!(facilities.related_external, ["1-26"]);
        assert_eq!(s.measure_totals(facilities, crate::model::FiscalYear(2023)).settled, Some(5_347));
        assert_eq!(s.measure_totals(facilities, crate::model::FiscalYear(2024)).budget, Some(5_251));
        // 35-1 re-lists ふるさと納税制度の活用 only in its 3-year plan: its 令和5 計 stays 6,032.
        let promotion = goal4.measures.iter().find(|m| m.title == "ほくとらしさの情報発信").expect("主要施策 35-1");
        assert_eq!(s.measure_totals(promotion, crate::model::FiscalYear(2023)).settled, Some(6_032));
        assert_eq!(s.measure_totals(promotion, crate::model::FiscalYear(2024)).budget, Some(204_551));
        // The goal's 計 counts a re-listed initiative once.
        let owned: i64 = goal4
            .measures
            .iter()
            .flat_map(|m| &m.initiatives)
            .filter_map(|i| i.year(crate::model::FiscalYear(2024)).and_then(|y| y.budget))
            .sum();
        assert_eq!(s.goal_totals(goal4, crate::model::FiscalYear(2024)).budget, Some(owned));
        // A year with no amounts has no total, not a zero one.
        assert_eq!(s.goal_totals(goal4, crate::model::FiscalYear(2019)).budget, None);
    }
}
