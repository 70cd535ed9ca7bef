//! The frame every published page shares — `lang="ja"`, a title, a skip link, the town's header
//! and footer, the breadcrumb — and the small pieces the pages print alike: a year as
//! 「令和6年度（2024年度）」, a status in words with a symbol, the paths of the pages.

use crate::model::{FiscalYear, Goal, Id, Status, Strategy};
use maud::{html, Markup, DOCTYPE};

/// The stylesheet every page links (`style.css`): system fonts, 4.5:1 contrast, a visible focus
/// ring, reflowing at 320 px (long addresses, titles and units wrap), A4 when printed.
pub const STYLE: &str = include_str!("style.css");

/// What every page needs to know: the public strategy, the day the folder was made, and the
/// year of the latest actuals.
pub struct Site<'a> {
    pub s: &'a Strategy,
    pub date: &'a str,
    pub latest: Option<FiscalYear>,
}

impl<'a> Site<'a> {
    pub fn new(s: &'a Strategy, date: &'a str) -> Site<'a> {
        Site { s, date, latest: latest_year(s) }
    }
}

/// Where a page sits: at the folder's top, or one folder down (`goals/`, `kpi/`).
#[derive(Clone, Copy, PartialEq)]
pub enum Depth {
    Top,
    Nested,
}

impl Depth {
    /// The way from this page to the folder's top: "" or "../".
    pub fn root(self) -> &'static str {
        match self {
            Depth::Top => "",
            Depth::Nested => "../",
        }
    }
}

pub fn goal_path(goal: &Goal) -> String {
    format!("goals/{}.html", goal.id.as_str())
}

pub fn kpi_path(id: &Id) -> String {
    format!("kpi/{}.html", id.as_str())
}

/// 令和6年度（2024年度）
pub fn year(y: FiscalYear) -> String {
    format!("{}（{}年度）", y.japanese(), y.western())
}

/// A status as words with a symbol, so it is never told by colour alone: 「★ 達成」.
pub fn status(s: Status) -> String {
    format!("{} {}", symbol(s), crate::locale::status(s, crate::locale::Language::Ja))
}

pub fn symbol(s: Status) -> &'static str {
    match s {
        Status::Achieved => "★",
        Status::OnTrack => "●",
        Status::Behind => "▲",
        Status::NoData => "－",
    }
}

/// The CSS class a status is drawn with (a colour beside the words and symbol).
pub fn status_class(s: Status) -> &'static str {
    s.as_str()
}

/// The town's site when it is an http(s) address (anything else, `javascript:` included, is
/// never written as a link).
pub fn site_url(s: &Strategy) -> Option<&str> {
    crate::model::publication::web_address(&s.publication.site_url)
}

/// A whole page: `title` (before the strategy's title in `<title>`), the breadcrumb's links
/// (label and path from the folder's top) up to this page, and its main content.
pub fn frame(cx: &super::page::Site, depth: Depth, title: &str, crumbs: &[(&str, String)], main: Markup) -> String {
    let s = cx.s;
    let root = depth.root();
    let p = &s.publication;
    let page = html! {
        (DOCTYPE)
        html lang="ja" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " | " (s.title) }
                link rel="stylesheet" href={ (root) "style.css" };
            }
            body {
                a.skip href="#main" { "本文へ移動" }
                header.site {
                    @if !p.header.trim().is_empty() { p.lead { (p.header) } }
                    p.strategy { a href={ (root) "index.html" } { (s.municipality.name) " " (s.title) } }
                    @if let Some(note) = stage_note(s.stage) { p.stage role="note" { (note) } }
                    nav aria-label="現在位置" {
                        ol.crumbs {
                            @for (label, path) in crumbs { li { a href={ (root) (path) } { (label) } } }
                            li aria-current="page" { (title) }
                        }
                    }
                }
                main #main { (main) }
                footer.site {
                    @if !p.footer.trim().is_empty() { p { (p.footer) } }
                    ul.links {
                        @if let Some(url) = site_url(s) { li { a href=(url) { (s.municipality.name) "のホームページへ" } } }
                        li { a href={ (root) "data.html" } { "オープンデータ" } }
                        li { a href={ (root) "accessibility.html" } { "アクセシビリティ" } }
                    }
                    p.made { "このページは " (cx.date) " に作成しました。" }
                }
            }
        }
    };
    page.into_string()
}

/// What a page says of a strategy still being drafted: 「この戦略は素案の段階です（策定前）。内容は
/// 今後変わることがあります。」; nothing once 策定済.
pub fn stage_note(stage: crate::model::DraftingStage) -> Option<String> {
    (stage != crate::model::DraftingStage::Adopted)
        .then(|| format!("この戦略は{}の段階です（策定前）。内容は今後変わることがあります。", stage.japanese()))
}

/// 「令和6年度（2024年度）までの実績を掲載しています。」, or that there are no actuals yet.
pub fn as_of(cx: &Site) -> Markup {
    match cx.latest {
        Some(y) => html! { p.asof { (year(y)) "までの実績を掲載しています。" } },
        None => html! { p.asof { "実績はまだ掲載していません。" } },
    }
}

/// Text with its line breaks kept, as paragraphs.
pub fn paragraphs(text: &str) -> Markup {
    html! { @for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) { p { (line) } } }
}

/// The latest fiscal year in which a published indicator has an actual: the year the pages'
/// figures are "as of".
pub fn latest_year(s: &Strategy) -> Option<FiscalYear> {
    s.indicators.iter().flat_map(|i| i.series.iter()).filter_map(|x| x.latest_actual()).map(|a| a.year).max()
}
