//! The hash routes: each page's address read back as that page, old addresses kept.

use super::route::*;
use crate::model::{template, FiscalYear, Id, PlanPeriod};

#[test]
fn hashes_parse_and_print() {
    assert_eq!(Route::parse(""), Route::List);
    assert_eq!(Route::parse("#/"), Route::List);
    assert_eq!(Route::parse("#/s/strategy-1"), Route::Strategy(Id::from("strategy-1")));
    assert_eq!(Route::parse(&Route::Strategy(Id::from("x")).hash()), Route::Strategy(Id::from("x")));
    assert!(matches!(Route::parse("#/nope/1"), Route::NotFound(_)));
    for r in [
        Route::Dashboard(Id::from("s1")),
        Route::Files(Id::from("s1")),
        Route::Round(Id::from("s1")),
        Route::Folder(Id::from("s1")),
        Route::History(Id::from("s1")),
        Route::Drafting(Id::from("s1")),
        Route::Print(Id::from("s1"), Report::Targets),
        Route::Print(Id::from("s1"), Report::Sheets),
        Route::Print(Id::from("s1"), Report::Grants),
        Route::Print(Id::from("s1"), Report::Opinions),
        Route::Print(Id::from("s1"), Report::Tree),
        Route::Print(Id::from("s1"), Report::Document),
        Route::Edit(Id::from("s1"), Selection::Strategy),
        Route::Edit(Id::from("s1"), Selection::Settings(SettingsPart::Schedule)),
        Route::Edit(Id::from("s1"), Selection::Settings(SettingsPart::NextPeriod)),
        Route::Edit(Id::from("s1"), Selection::Goal(Id::from("goal-1"))),
        Route::Edit(Id::from("s1"), Selection::Measure(Id::from("measure-1"))),
        Route::Edit(Id::from("s1"), Selection::Initiative(Id::from("initiative-1"))),
        Route::Edit(Id::from("s1"), Selection::Indicator(Id::from("ind-1"))),
        Route::Workshop(Id::from("s1"), WorkshopPage::Present),
        Route::Workshop(Id::from("s1"), WorkshopPage::Notes),
        Route::Region(Id::from("region-1")),
    ] {
        assert_eq!(Route::parse(&r.hash()), r);
    }
    assert!(matches!(Route::parse("#/s/x/edit/planet/1"), Route::NotFound(_)));
    assert!(matches!(Route::parse("#/s/x/edit/planet"), Route::NotFound(_)));
    assert_eq!(
        Route::parse("#/s/x/edit/schedule"),
        Route::Edit(Id::from("x"), Selection::Settings(SettingsPart::Schedule))
    );
    assert!(matches!(Route::parse("#/s/x/print/planet"), Route::NotFound(_)));
    assert!(matches!(Route::parse("#/s/"), Route::NotFound(_)));
    // The folder's page by the code's word, and its old address still landing there.
    assert_eq!(Route::Folder(Id::from("s1")).hash(), "#/s/s1/folder");
    assert_eq!(Route::parse("#/s/s1/shared"), Route::Folder(Id::from("s1")));
    assert_eq!(Job::Folder.key(), "folder");
    assert_eq!(Route::parse("#/s/s1/workshop"), Route::Workshop(Id::from("s1"), WorkshopPage::Present));
    assert!(matches!(Route::parse("#/s/s1/workshop/other"), Route::NotFound(_)));
    assert_eq!(Route::parse("#/r/region-1"), Route::Region(Id::from("region-1")));
    assert_eq!(Route::Region(Id::from("region-1")).hash(), "#/r/region-1");
    assert_eq!(Route::Region(Id::from("region-1")).strategy_id(), None);
    assert!(matches!(Route::parse("#/r/"), Route::NotFound(_)));
    assert!(matches!(Route::parse("#/r/x/more"), Route::NotFound(_)));
}

#[test]
fn every_job_opens_a_page_of_its_own_that_is_its_job() {
    let id = Id::from("s1");
    let mut hashes = std::collections::BTreeSet::new();
    for job in Job::ALL {
        let route = job.route(id.clone());
        assert_eq!(Job::of(&route), Some(job), "{job:?}");
        assert_eq!(route.strategy_id(), Some(&id));
        assert!(hashes.insert(route.hash()), "{job:?} shares a page");
    }
    // Every page that existed before the navigation still opens, under the job that holds it.
    for (hash, job) in [
        ("#/s/s1", Job::Overview),
        ("#/s/s1/edit/goal/g1", Job::Edit),
        ("#/s/s1/dashboard", Job::Charts),
        ("#/s/s1/files", Job::Output),
        ("#/s/s1/print/sheets", Job::Output),
        ("#/s/s1/round", Job::Round),
        ("#/s/s1/workshop/notes", Job::Workshop),
    ] {
        assert_eq!(Job::of(&Route::parse(hash)), Some(job), "{hash}");
    }
    assert_eq!(Job::of(&Route::List), None);
    assert_eq!(Job::of(&Route::Region(id)), None);
}

#[test]
fn paths_lead_to_their_entity() {
    let mut s =
        template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
    let g = s.goals[1].id.clone();
    let m = s.add_measure(&g).unwrap();
    let i = s.add_initiative(&m).unwrap();
    let ind = s.add_indicator();
    assert_eq!(selection_of(&s, "goals[1].title"), Selection::Goal(g));
    assert_eq!(selection_of(&s, "goals[1].measures[0].kpis[0]"), Selection::Measure(m));
    assert_eq!(selection_of(&s, "goals[1].measures[0].initiatives[0].years[0].budget"), Selection::Initiative(i));
    assert_eq!(selection_of(&s, "indicators[0].series[0].target.year"), Selection::Indicator(ind));
    assert_eq!(selection_of(&s, "period"), Selection::Strategy);
    assert_eq!(selection_of(&s, "goals[9].title"), Selection::Strategy);
}

// Native only: it uses the benchmark's generator.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod selected_problems {
    use crate::model::{validate, validate_entity, Strategy, Structure};
    use crate::session::route::{selection_of, Selection};
    use serde_json::json;

    /// Every entity of the strategy, as the editor selects it.
    fn selections(s: &Strategy) -> Vec<Selection> {
        let mut out = Vec::new();
        for g in &s.goals {
            out.push(Selection::Goal(g.id.clone()));
            for m in &g.measures {
                out.push(Selection::Measure(m.id.clone()));
                out.extend(m.initiatives.iter().map(|i| Selection::Initiative(i.id.clone())));
            }
        }
        out.extend(s.indicators.iter().map(|i| Selection::Indicator(i.id.clone())));
        out
    }

    /// A generated strategy with a problem of every kind the editor shows on an entity.
    fn broken() -> Strategy {
        let s = crate::bench::generate::generate(crate::bench::generate::Size::named("town").unwrap(), 5);
        let mut v = serde_json::to_value(&s).unwrap();
        let first_indicator = v["indicators"][0]["id"].clone();
        v["goals"][0]["title"] = json!(" ");
        v["goals"][0]["sdgs"] = json!([18]);
        v["goals"][1]["targets"].as_array_mut().unwrap().push(json!("ind-missing"));
        let m = &mut v["goals"][0]["measures"][0];
        m["title"] = json!("");
        m["related"] = json!(["measure-missing"]);
        m["evaluations"] = json!([{"fiscal_year": 2021, "rating": "Z"}, {"fiscal_year": 2021}]);
        let i = &mut v["goals"][0]["measures"][0]["initiatives"][0];
        i["title"] = json!("");
        i["years"] = json!([{"fiscal_year": 2021, "budget": -5}, {"fiscal_year": 2021}]);
        i["id"] = first_indicator; // the same id as an indicator: a duplicate
        let ind = &mut v["indicators"][1];
        ind["name"] = json!("");
        ind["series"][0]["actuals"] = json!([{"year": 1800, "value": 1.0}, {"year": 1800, "value": 2.0}]);
        v["indicators"][2]["series"] = json!([]);
        // A series id and a measure id that were defined before (an indicator's series, a
        // section), a goal outside the national framework, references that lead nowhere, an
        // initiative re-listed by its own measure, one re-listed that does not exist.
        let series_id = v["indicators"][3]["series"][0]["id"].clone();
        v["indicators"][4]["series"][0]["id"] = series_id;
        v["goals"][1]["measures"][0]["id"] = v["sections"][0]["id"].clone();
        v["goals"][2]["national_goal"] = json!("national-missing");
        v["goals"][1]["measures"][1]["kpis"].as_array_mut().unwrap().push(json!("ind-gone"));
        v["goals"][1]["measures"][1]["initiatives"][0]["kpis"] = json!(["ind-nowhere"]);
        let own = v["goals"][1]["measures"][1]["initiatives"][1]["id"].clone();
        v["goals"][1]["measures"][1]["relisted"] =
            json!([{"initiative": own}, {"initiative": "init-missing", "years": [2021, 2021]}]);
        // An indicator nobody refers to any more.
        let last = v["indicators"].as_array().unwrap().last().unwrap()["id"].clone();
        for g in v["goals"].as_array_mut().unwrap() {
            g["targets"].as_array_mut().unwrap().retain(|r| *r != last);
            for m in g["measures"].as_array_mut().unwrap() {
                m["kpis"].as_array_mut().unwrap().retain(|r| *r != last);
                for i in m["initiatives"].as_array_mut().unwrap() {
                    if let Some(k) = i["kpis"].as_array_mut() {
                        k.retain(|r| *r != last);
                    }
                }
            }
        }
        serde_json::from_value(v).unwrap()
    }

    /// Checking only the selected entity's own values (what the editor's 「確認が必要な点」 does
    /// after every edit, `ui/editor/problems.rs`) finds exactly the problems it shows for it when
    /// everything is checked — on every entity of the examples, a generated
    /// strategy and one broken in many places.
    #[test]
    fn the_selected_entitys_problems_are_the_same_when_only_it_is_checked() {
        let mut strategies: Vec<Strategy> = crate::examples::EXAMPLES.iter().map(|e| e.load().unwrap()).collect();
        strategies.push(broken());
        let mut shown = 0;
        for s in &strategies {
            let all = validate(s);
            let structure = Structure::of(s);
            for sel in selections(s) {
                let id = match &sel {
                    Selection::Goal(id)
                    | Selection::Measure(id)
                    | Selection::Initiative(id)
                    | Selection::Indicator(id) => id.clone(),
                    Selection::Strategy | Selection::Settings(_) => unreachable!(),
                };
                let of = |list: Vec<crate::model::Problem>| {
                    list.into_iter().filter(|p| selection_of(s, &p.path) == sel).collect::<Vec<_>>()
                };
                let expected = of(all.clone());
                assert_eq!(of(validate_entity(s, &structure, &id)), expected, "{sel:?}");
                shown += expected.len();
            }
        }
        assert!(shown >= 25, "the broken strategy shows problems on its entities ({shown})");
        // Every kind the broken strategy was given is among them.
        let kinds: std::collections::BTreeSet<String> = validate(&broken())
            .iter()
            .map(|p| format!("{:?}", p.kind).split([' ', '{', '(']).next().unwrap().to_owned())
            .collect();
        for kind in [
            "DuplicateId",
            "UnknownIndicator",
            "UnknownMeasure",
            "UnknownInitiative",
            "RelistedOwnInitiative",
            "UnknownNationalGoal",
            "IndicatorUnused",
            "DuplicateYear",
            "IndicatorWithoutSeries",
        ] {
            assert!(kinds.contains(kind), "{kind} not in {kinds:?}");
        }
    }
}
