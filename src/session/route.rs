//! Hash routes, so the built files work from any sub-path of any static host:
//! `#/` the strategy list, `#/s/<id>` a strategy's overview, `#/s/<id>/edit[/<kind>/<id>]` the
//! editor with what is selected in it, `#/s/<id>/dashboard` its charts,
//! `#/s/<id>/vision` the population vision (人口ビジョン),
//! `#/s/<id>/files` the outputs (Excel, CSV, JSON, print, public pages), `#/s/<id>/round` the
//! year's round, `#/s/<id>/folder` the shared folder (once `…/shared`), `#/s/<id>/history` the versions,
//! `#/s/<id>/drafting` the drafting stages and schedule, `#/s/<id>/print/targets|sheets|grants|tree|document`
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
    /// 人口ビジョン: the population, its projection by scenario, the 将来展望.
    Vision(Id),
    /// The strategy's files: CSV export and import for Excel, JSON export, printable reports.
    Files(Id),
    /// 照会: the year's round, who has answered, what waits for the planning section.
    Round(Id),
    /// 共有: the shared folder and its members.
    Folder(Id),
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
    /// 意見と市の考え方: each hearing's opinions with the town's answers.
    Opinions,
    /// 施策体系図: the tree 基本目標 → 施策 → 事業, drawn.
    Tree,
    /// The strategy document itself (the Word document's outline, on A4).
    Document,
}

impl Report {
    fn segment(self) -> &'static str {
        match self {
            Report::Targets => "targets",
            Report::Sheets => "sheets",
            Report::Grants => "grants",
            Report::Opinions => "opinions",
            Report::Tree => "tree",
            Report::Document => "document",
        }
    }
}

/// What the editor shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// The strategy's own settings (title, period, sections …).
    Strategy,
    /// The strategy's settings, scrolled to one of their parts (from 策定).
    Settings(SettingsPart),
    Goal(Id),
    Measure(Id),
    Initiative(Id),
    Indicator(Id),
}

/// A part of the strategy's settings that another page links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingsPart {
    /// 策定スケジュール
    Schedule,
    /// 次期へ引き継ぐ (the next period's form, opened)
    NextPeriod,
}

impl SettingsPart {
    const ALL: [SettingsPart; 2] = [SettingsPart::Schedule, SettingsPart::NextPeriod];

    /// Its route's last segment (`#/s/<id>/edit/schedule`).
    pub fn segment(self) -> &'static str {
        match self {
            SettingsPart::Schedule => "schedule",
            SettingsPart::NextPeriod => "next-period",
        }
    }
}

impl Selection {
    /// Whether it shows the strategy's settings (whole, or at one of their parts).
    pub fn is_settings(&self) -> bool {
        matches!(self, Selection::Strategy | Selection::Settings(_))
    }

    fn segments(&self) -> Option<(&'static str, &Id)> {
        match self {
            Selection::Strategy | Selection::Settings(_) => None,
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
            ["s", id, "vision"] if !id.is_empty() => Route::Vision(Id::from(*id)),
            ["s", id, "files"] if !id.is_empty() => Route::Files(Id::from(*id)),
            ["s", id, "round"] if !id.is_empty() => Route::Round(Id::from(*id)),
            ["s", id, "folder"] if !id.is_empty() => Route::Folder(Id::from(*id)),
            // The folder's page was `…/shared` until its word became the code's.
            ["s", id, "shared"] if !id.is_empty() => Route::Folder(Id::from(*id)),
            ["s", id, "history"] if !id.is_empty() => Route::History(Id::from(*id)),
            ["s", id, "drafting"] if !id.is_empty() => Route::Drafting(Id::from(*id)),
            ["s", id, "print", "targets"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Targets),
            ["s", id, "print", "sheets"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Sheets),
            ["s", id, "print", "grants"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Grants),
            ["s", id, "print", "opinions"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Opinions),
            ["s", id, "print", "tree"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Tree),
            ["s", id, "print", "document"] if !id.is_empty() => Route::Print(Id::from(*id), Report::Document),
            ["s", id, "edit"] if !id.is_empty() => Route::Edit(Id::from(*id), Selection::Strategy),
            ["s", id, "edit", part] if !id.is_empty() => {
                match SettingsPart::ALL.into_iter().find(|p| p.segment() == *part) {
                    Some(part) => Route::Edit(Id::from(*id), Selection::Settings(part)),
                    None => Route::NotFound(hash.to_owned()),
                }
            }
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
            | Route::Vision(id)
            | Route::Files(id)
            | Route::Round(id)
            | Route::Folder(id)
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
            Route::Vision(id) => format!("#/s/{id}/vision"),
            Route::Files(id) => format!("#/s/{id}/files"),
            Route::Round(id) => format!("#/s/{id}/round"),
            Route::Folder(id) => format!("#/s/{id}/folder"),
            Route::History(id) => format!("#/s/{id}/history"),
            Route::Drafting(id) => format!("#/s/{id}/drafting"),
            Route::Print(id, report) => format!("#/s/{id}/print/{}", report.segment()),
            Route::Workshop(id, WorkshopPage::Present) => format!("#/s/{id}/workshop"),
            Route::Workshop(id, WorkshopPage::Notes) => format!("#/s/{id}/workshop/notes"),
            Route::Edit(id, Selection::Settings(part)) => format!("#/s/{id}/edit/{}", part.segment()),
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
    /// 人口ビジョン: the population vision.
    Vision,
    /// 策定: stages, schedule, hearings and documents.
    Drafting,
    /// 照会: the year's round.
    Round,
    /// 共有: the shared folder.
    Folder,
    /// 履歴: versions, restore, compare.
    History,
    /// 出力: Excel, CSV, JSON, print, public pages, hand-out (the files page and its prints).
    Output,
    /// ワークショップ: the presentation and the ideas collected.
    Workshop,
}

impl Job {
    pub const ALL: [Job; 10] = [
        Job::Overview,
        Job::Edit,
        Job::Charts,
        Job::Vision,
        Job::Drafting,
        Job::Round,
        Job::Folder,
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
            Route::Vision(_) => Job::Vision,
            Route::Drafting(_) => Job::Drafting,
            Route::Round(_) => Job::Round,
            Route::Folder(_) => Job::Folder,
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
            Job::Vision => Route::Vision(id),
            Job::Drafting => Route::Drafting(id),
            Job::Round => Route::Round(id),
            Job::Folder => Route::Folder(id),
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
            Job::Vision => "vision",
            Job::Drafting => "drafting",
            Job::Round => "round",
            Job::Folder => "folder",
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
