//! Hash routes, so the built files work from any sub-path of any static host:
//! `#/` the strategy list, `#/s/<id>` a strategy's overview, `#/s/<id>/edit[/<kind>/<id>]` the
//! editor with what is selected in it, `#/s/<id>/dashboard` its charts,
//! `#/s/<id>/files` the outputs (Excel, CSV, JSON, print, public pages), `#/s/<id>/round` the
//! year's round, `#/s/<id>/shared` the shared folder, `#/s/<id>/history` the versions,
//! `#/s/<id>/drafting` the drafting stages and schedule, `#/s/<id>/print/targets|sheets|grants|tree`
//! printable reports,
//! `#/s/<id>/workshop` the residents' workshop presentation and `#/s/<id>/workshop/notes` the
//! ideas collected there; `#/r/<id>` a region's side-by-side page.

use crate::model::{Id, Strategy};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    List,
    Strategy(Id),
    /// The strategy's dashboard of charts.
    Dashboard(Id),
    /// The strategy's files: CSV export and import for Excel, JSON export, printable reports.
    Files(Id),
    /// 照会: the year's round, who has answered, what waits for the planning section.
    Round(Id),
    /// 共有: the shared folder and its members.
    Shared(Id),
    /// 履歴: the versions, restoring one, comparing two.
    History(Id),
    /// 策定: the drafting stages and their schedule.
    Drafting(Id),
    /// A printable A4 report of the strategy.
    Print(Id, Report),
    Edit(Id, Selection),
    /// The residents' workshop (住民ワークショップ): the presentation, or the ideas collected.
    Workshop(Id, WorkshopPage),
    /// A region's page: its towns side by side, the theme search, bringing files in.
    Region(Id),
    NotFound(String),
}

/// The pages of workshop mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkshopPage {
    /// The presentation for residents (large type, no editing).
    Present,
    /// The ideas (付箋) per goal, for the planning office: sessions, CSV, clearing.
    Notes,
}

/// The printable reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// 数値目標の状況: per goal, its direction and its indicators (北本市's summary, seed 001).
    Targets,
    /// 施策評価シート: one sheet per measure (北斗市's sheets, seed 002).
    Sheets,
    /// 交付金事業の効果検証: a fiscal year's grant projects, their KPIs and verdicts.
    Grants,
    /// 施策体系図: the tree 基本目標 → 施策 → 事業, drawn.
    Tree,
}

impl Report {
    fn segment(self) -> &'static str {
        match self {
            Report::Targets => "targets",
            Report::Sheets => "sheets",
            Report::Grants => "grants",
            Report::Tree => "tree",
        }
    }
}

/// What the editor shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// The strategy's own settings (title, period, sections …).
    Strategy,
    Goal(Id),
    Measure(Id),
    Initiative(Id),
    Indicator(Id),
}

impl Selection {
    fn segments(&self) -> Option<(&'static str, &Id)> {
        match self {
            Selection::Strategy => None,
            Selection::Goal(id) => Some(("goal", id)),
            Selection::Measure(id) => Some(("measure", id)),
            Selection::Initiative(id) => Some(("initiative", id)),
            Selection::Indicator(id) => Some(("indicator", id)),
        }
    }
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Route::List,
            ["s", id] if !id.is_empty() => Route::Strategy(Id::from(*id)),
            ["r", id] if !id.is_empty() => Route::Region(Id::from(*id)),
            ["s", id, "dashboard"] if !id.is_empty() => Route::Dashboard(Id::from(*id)),
            ["s", id, "files"] if !id.is_empty() => Route::Files(Id::from(*id)),
            ["s", id, "round"] if !id.is_empty() => Route::Round(Id::from(*id)),
            ["s", id, "shared"] if !id.is_empty() => Route::Shared(Id::from(*id)),
            ["s", id, "history"] if !id.is_empty() => Route::History(Id::from(*id)),
            ["s", id, "drafting"] if !id.is_empty() => Route::Drafting(Id::from(*id)),
            ["s", id, "print", "targets"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Targets),
            ["s", id, "print", "sheets"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Sheets),
            ["s", id, "print", "grants"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Grants),
            ["s", id, "print", "tree"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Tree),
            ["s", id, "edit"] if !id.is_empty() => Route::Edit(Id::from(*id), Selection::Strategy),
            ["s", id, "workshop"] if !id.is_empty() => Route::Workshop(Id::from(*id), WorkshopPage::Present),
            ["s", id, "workshop", "notes"] if !id.is_empty() => Route::Workshop(Id::from(*id), WorkshopPage::Notes),
            ["s", id, "edit", kind, item] if !id.is_empty() && !item.is_empty() => {
                let item = Id::from(*item);
                let selection = match *kind {
                    "goal" => Selection::Goal(item),
                    "measure" => Selection::Measure(item),
                    "initiative" => Selection::Initiative(item),
                    "indicator" => Selection::Indicator(item),
                    _ => return Route::NotFound(hash.to_owned()),
                };
                Route::Edit(Id::from(*id), selection)
            }
            _ => Route::NotFound(hash.to_owned()),
        }
    }

    /// The strategy this route shows, if any.
    pub fn strategy_id(&self) -> Option<&Id> {
        match self {
            Route::List | Route::NotFound(_) | Route::Region(_) => None,
            Route::Strategy(id)
            | Route::Dashboard(id)
            | Route::Files(id)
            | Route::Round(id)
            | Route::Shared(id)
            | Route::History(id)
            | Route::Drafting(id)
            | Route::Print(id, _)
            | Route::Edit(id, _)
            | Route::Workshop(id, _) => Some(id),
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::List | Route::NotFound(_) => "#/".to_owned(),
            Route::Strategy(id) => format!("#/s/{id}"),
            Route::Region(id) => format!("#/r/{id}"),
            Route::Dashboard(id) => format!("#/s/{id}/dashboard"),
            Route::Files(id) => format!("#/s/{id}/files"),
            Route::Round(id) => format!("#/s/{id}/round"),
            Route::Shared(id) => format!("#/s/{id}/shared"),
            Route::History(id) => format!("#/s/{id}/history"),
            Route::Drafting(id) => format!("#/s/{id}/drafting"),
            Route::Print(id, report) => format!("#/s/{id}/print/{}", report.segment()),
            Route::Workshop(id, WorkshopPage::Present) => format!("#/s/{id}/workshop"),
            Route::Workshop(id, WorkshopPage::Notes) => format!("#/s/{id}/workshop/notes"),
            Route::Edit(id, selection) => match selection.segments() {
                None => format!("#/s/{id}/edit"),
                Some((kind, item)) => format!("#/s/{id}/edit/{kind}/{item}"),
            },
        }
    }
}

/// The pages of an open strategy, by job: the navigation shown on every page of it, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// 概要
    Overview,
    /// 編集
    Edit,
    /// グラフ (the dashboard)
    Charts,
    /// 策定: stages, schedule, hearings and documents.
    Drafting,
    /// 照会: the year's round.
    Round,
    /// 共有: the shared folder.
    Shared,
    /// 履歴: versions, restore, compare.
    History,
    /// 出力: Excel, CSV, JSON, print, public pages, hand-out (the files page and its prints).
    Output,
    /// ワークショップ: the presentation and the ideas collected.
    Workshop,
}

impl Job {
    pub const ALL: [Job; 9] = [
        Job::Overview,
        Job::Edit,
        Job::Charts,
        Job::Drafting,
        Job::Round,
        Job::Shared,
        Job::History,
        Job::Output,
        Job::Workshop,
    ];

    /// The job whose page `route` is (a printed report belongs to 出力); none off a strategy.
    pub fn of(route: &Route) -> Option<Job> {
        Some(match route {
            Route::List | Route::NotFound(_) | Route::Region(_) => return None,
            Route::Strategy(_) => Job::Overview,
            Route::Edit(..) => Job::Edit,
            Route::Dashboard(_) => Job::Charts,
            Route::Drafting(_) => Job::Drafting,
            Route::Round(_) => Job::Round,
            Route::Shared(_) => Job::Shared,
            Route::History(_) => Job::History,
            Route::Files(_) | Route::Print(..) => Job::Output,
            Route::Workshop(..) => Job::Workshop,
        })
    }

    /// The page the navigation's item opens.
    pub fn route(self, id: Id) -> Route {
        match self {
            Job::Overview => Route::Strategy(id),
            Job::Edit => Route::Edit(id, Selection::Strategy),
            Job::Charts => Route::Dashboard(id),
            Job::Drafting => Route::Drafting(id),
            Job::Round => Route::Round(id),
            Job::Shared => Route::Shared(id),
            Job::History => Route::History(id),
            Job::Output => Route::Files(id),
            Job::Workshop => Route::Workshop(id, WorkshopPage::Present),
        }
    }

    /// A name for tests and styles: `nav-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Job::Overview => "overview",
            Job::Edit => "edit",
            Job::Charts => "charts",
            Job::Drafting => "drafting",
            Job::Round => "round",
            Job::Shared => "shared",
            Job::History => "history",
            Job::Output => "output",
            Job::Workshop => "workshop",
        }
    }
}

/// `("goals", 2)` for a path segment `goals[2]`.
fn segment(seg: &str) -> Option<(&str, usize)> {
    let (name, rest) = seg.split_once('[')?;
    Some((name, rest.strip_suffix(']')?.parse().ok()?))
}

/// The entity a validation path is about: the deepest goal, measure, initiative or indicator
/// it names; the strategy's settings otherwise.
pub fn selection_of(s: &Strategy, path: &str) -> Selection {
    let mut sel = Selection::Strategy;
    let (mut goal, mut measure) = (None, None);
    for seg in path.split('.') {
        match segment(seg) {
            Some(("goals", i)) => {
                goal = s.goals.get(i);
                if let Some(g) = goal {
                    sel = Selection::Goal(g.id.clone());
                }
            }
            Some(("measures", i)) => {
                measure = goal.and_then(|g| g.measures.get(i));
                if let Some(m) = measure {
                    sel = Selection::Measure(m.id.clone());
                }
            }
            Some(("initiatives", i)) => {
                if let Some(init) = measure.and_then(|m| m.initiatives.get(i)) {
                    sel = Selection::Initiative(init.id.clone());
                }
            }
            Some(("indicators", i)) => {
                if let Some(ind) = s.indicators.get(i) {
                    sel = Selection::Indicator(ind.id.clone());
                }
            }
            _ => {}
        }
    }
    sel
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{template, FiscalYear, PlanPeriod};

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
            Route::Shared(Id::from("s1")),
            Route::History(Id::from("s1")),
            Route::Drafting(Id::from("s1")),
            Route::Print(Id::from("s1"), Report::Targets),
            Route::Print(Id::from("s1"), Report::Sheets),
            Route::Print(Id::from("s1"), Report::Grants),
            Route::Print(Id::from("s1"), Report::Tree),
            Route::Edit(Id::from("s1"), Selection::Strategy),
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
        assert!(matches!(Route::parse("#/s/x/print/planet"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/s/"), Route::NotFound(_)));
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
}

// Native only: it uses the benchmark's generator.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod selected_problems {
    use super::{selection_of, Selection};
    use crate::model::{validate, validate_entity, Strategy, Structure};
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
                    Selection::Strategy => unreachable!(),
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
