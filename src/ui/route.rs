//! Hash routes, so the built files work from any sub-path of any static host:
//! `#/` the strategy list, `#/s/<id>` a strategy's overview, `#/s/<id>/edit[/<kind>/<id>]` the
//! editor with what is selected in it, `#/s/<id>/dashboard` its charts,
//! `#/s/<id>/files` CSV and files, `#/s/<id>/print/targets|sheets` printable reports,
//! `#/s/<id>/workshop` the residents' workshop presentation and `#/s/<id>/workshop/notes` the
//! ideas collected there.

use crate::model::{Id, Strategy};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    List,
    Strategy(Id),
    /// The strategy's dashboard of charts.
    Dashboard(Id),
    /// The strategy's files: CSV export and import for Excel, JSON export, printable reports.
    Files(Id),
    /// A printable A4 report of the strategy.
    Print(Id, Report),
    Edit(Id, Selection),
    /// The residents' workshop (住民ワークショップ): the presentation, or the ideas collected.
    Workshop(Id, WorkshopPage),
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
}

impl Report {
    fn segment(self) -> &'static str {
        match self {
            Report::Targets => "targets",
            Report::Sheets => "sheets",
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
            ["s", id, "dashboard"] if !id.is_empty() => Route::Dashboard(Id::from(*id)),
            ["s", id, "files"] if !id.is_empty() => Route::Files(Id::from(*id)),
            ["s", id, "print", "targets"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Targets),
            ["s", id, "print", "sheets"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Sheets),
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
            Route::List | Route::NotFound(_) => None,
            Route::Strategy(id) | Route::Dashboard(id) | Route::Files(id) | Route::Print(id, _) | Route::Edit(id, _) | Route::Workshop(id, _) => Some(id),
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::List | Route::NotFound(_) => "#/".to_owned(),
            Route::Strategy(id) => format!("#/s/{id}"),
            Route::Dashboard(id) => format!("#/s/{id}/dashboard"),
            Route::Files(id) => format!("#/s/{id}/files"),
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
            Route::Print(Id::from("s1"), Report::Targets),
            Route::Print(Id::from("s1"), Report::Sheets),
            Route::Edit(Id::from("s1"), Selection::Strategy),
            Route::Edit(Id::from("s1"), Selection::Goal(Id::from("goal-1"))),
            Route::Edit(Id::from("s1"), Selection::Measure(Id::from("measure-1"))),
            Route::Edit(Id::from("s1"), Selection::Initiative(Id::from("initiative-1"))),
            Route::Edit(Id::from("s1"), Selection::Indicator(Id::from("ind-1"))),
            Route::Workshop(Id::from("s1"), WorkshopPage::Present),
            Route::Workshop(Id::from("s1"), WorkshopPage::Notes),
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert!(matches!(Route::parse("#/s/x/edit/planet/1"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/s/"), Route::NotFound(_)));
        assert_eq!(Route::parse("#/s/s1/workshop"), Route::Workshop(Id::from("s1"), WorkshopPage::Present));
        assert!(matches!(Route::parse("#/s/s1/workshop/other"), Route::NotFound(_)));
    }

    #[test]
    fn paths_lead_to_their_entity() {
        let mut s = template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
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
