//! The town's public progress pages (公表): a folder of plain static files that the town uploads
//! to its website as it is — an index, a page per goal and per KPI, 「意見と市の考え方」 when the
//! drafts were heard (`opinions`), 「人口ビジョン」 when it has a vision to project (`population`), an accessibility page, a data page, open-data CSVs and the
//! strategy's JSON — written as one zip.
//!
//! - Everything comes from [`public_copy`](crate::model::public_copy): what is 非公開 and every
//!   field the list of what is published (`model::publication::fields`) keeps in cannot reach a
//!   file by another path; the JSON is walked by the same list once more as it is written.
//! - No script at all: charts are SVG drawn here, each beside its table with a text alternative;
//!   every link between the pages is relative, so the folder works from any sub-folder of a site,
//!   a USB stick or `file://`. The only absolute link is the way back to the town's site, and it
//!   is written only when it is an `http(s)` address.
//! - Every status and rating comes from the app's own rules (`model::achievement`), and every page
//!   says which year's actuals it shows.
//! - The HTML is written with maud, which escapes every value it is given: the strategy's text
//!   never becomes markup.
//! - Accessibility: JIS X 8341-3:2016 AA (WCAG 2.0 AA) is the target; `pages::accessibility`
//!   says so on the folder's own page, and the e2e checks each page with axe-core.
//!
//! Pure Rust, tested natively; in the app it is a wasm part of its own (`ui::formats::publisher`).

mod chart;
#[cfg(test)]
mod long_tests;
mod open_data;
#[cfg(test)]
mod open_data_tests;
mod opinions;
#[cfg(test)]
mod opinions_tests;
mod page;
mod pages;
mod population;
#[cfg(test)]
mod population_tests;
#[cfg(test)]
mod reflow_tests;
#[cfg(test)]
mod tests;

use crate::model::{public_copy, EvaluationStage, Goal, Strategy};
use std::io::Write;

/// One file of the published folder: its path inside the folder (`kpi/ind-1.html`) and bytes.
#[derive(Clone, Debug)]
pub struct PublishedFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The published folder: the name it unpacks as, and its files.
#[derive(Clone, Debug)]
pub struct PublishedSite {
    /// The folder's name inside the zip (`kpi-2026-11-25`).
    pub name: String,
    pub files: Vec<PublishedFile>,
}

impl PublishedSite {
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.bytes.len()).sum()
    }
    pub fn file(&self, path: &str) -> Option<&PublishedFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

/// The published folder of `s`, made at `made_at` (RFC 3339: its date is printed on every page
/// and names the folder).
pub fn published_site(s: &Strategy, made_at: &str) -> PublishedSite {
    let public = public_copy(s);
    let date = made_at.get(..10).unwrap_or(made_at);
    let cx = page::Site::new(&public, date);
    let mut files = vec![
        text("index.html", pages::index(&cx)),
        text("accessibility.html", pages::accessibility(&cx)),
        text("data.html", pages::data(&cx)),
        text("style.css", page::STYLE.to_owned()),
    ];
    if let Some(page) = opinions::page(&cx) {
        files.push(text(opinions::PATH, page));
    }
    if let Some(page) = population::page(&cx) {
        files.push(text(population::PATH, page));
    }
    for goal in &public.goals {
        files.push(text(&page::goal_path(goal), pages::goal(&cx, goal)));
    }
    for indicator in &public.indicators {
        files.push(text(&page::kpi_path(&indicator.id), pages::kpi(&cx, indicator)));
    }
    for (name, csv) in open_data::tables(&public) {
        files.push(PublishedFile { path: format!("data/{name}"), bytes: csv });
    }
    files.push(text("data/strategy.json", super::export_published(&public, made_at)));
    PublishedSite { name: format!("kpi-{date}"), files }
}

fn text(path: &str, body: String) -> PublishedFile {
    PublishedFile { path: path.to_owned(), bytes: body.into_bytes() }
}

/// The folder as a zip, every file under the folder's name, dated `made_at`'s day.
pub fn zip(folder: &PublishedSite, made_at: &str) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip_time(made_at));
    for file in &folder.files {
        out.start_file(format!("{}/{}", folder.name, file.path), options)?;
        out.write_all(&file.bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The zip entries' time: `made_at`'s date and time (the zip format's range), else 1980-01-01.
pub(crate) fn zip_time(made_at: &str) -> zip::DateTime {
    let n = |r: std::ops::Range<usize>| made_at.get(r).and_then(|t| t.parse::<u16>().ok());
    let parts = (n(0..4), n(5..7), n(8..10), n(11..13), n(14..16), n(17..19));
    let (Some(y), Some(mo), Some(d), h, mi, s) = parts else { return zip::DateTime::default() };
    let time = (h.unwrap_or(0) as u8, mi.unwrap_or(0) as u8, s.unwrap_or(0) as u8);
    zip::DateTime::from_date_and_time(y, mo as u8, d as u8, time.0, time.1, time.2).unwrap_or_default()
}

/// A draft of a goal's 「この1年の主な動き」 for the town to rewrite: the first sentence of each
/// of its measures' 成果 in the latest evaluated year (the 二次評価's, else the 一次評価's), then the KPIs whose latest actual moved
/// from the year before, at most [`DRAFT_LINES`] lines.
pub fn draft_highlight(s: &Strategy, goal: &Goal) -> String {
    let evaluated = goal.measures.iter().flat_map(|m| m.evaluations.iter().map(|e| e.fiscal_year)).max();
    // The town's own words: the 二次評価's 成果, else the section's (the committee's is an opinion).
    let outcomes = goal.measures.iter().filter_map(|m| {
        let own = m
            .evaluations_of(evaluated?)
            .filter(|e| e.stage != EvaluationStage::External && !e.outcomes.trim().is_empty());
        let text = own.last()?.outcomes.trim();
        let first = text.split_inclusive(['。', '\n']).next()?.trim();
        (!first.is_empty()).then(|| first.to_owned())
    });
    let moved = s.goal_indicators(goal).into_iter().flat_map(|i| {
        i.series.iter().filter_map(move |series| {
            let latest = series.latest_actual()?;
            let before = series.actuals.iter().filter(|a| a.year < latest.year).max_by_key(|a| a.year)?;
            let (from, to) = (before.value, latest.value);
            let name =
                if series.label.is_empty() { i.name.clone() } else { format!("{}（{}）", i.name, series.label) };
            (from != to).then(|| {
                format!(
                    "「{name}」は{}の{}から{}の{}になりました。",
                    before.year.japanese(),
                    crate::locale::quantity(from, &i.unit),
                    latest.year.japanese(),
                    crate::locale::quantity(to, &i.unit)
                )
            })
        })
    });
    outcomes.chain(moved).take(DRAFT_LINES).collect::<Vec<_>>().join("\n")
}

/// How many lines a drafted 「この1年の主な動き」 has at most.
pub const DRAFT_LINES: usize = 4;

/// What the preview lists before the folder is made: how much goes out, and what stays in
/// (非公開, or under a 非公開 goal or measure, or a KPI no published item uses).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublishedOutline {
    pub published: crate::model::Counts,
    /// What stays in, in the strategy's order.
    pub withheld: Vec<Withheld>,
}

/// An item that stays in: its kind, display number and title.
#[derive(Clone, Debug, PartialEq)]
pub struct Withheld {
    pub kind: crate::model::merge::Kind,
    pub number: String,
    pub title: String,
}

/// What [`folder`] would publish of `s` and what it keeps in: from the ids alone
/// (`model::publication::published`), with no copy of the strategy, since the files page draws it
/// again after every change.
pub fn outline(s: &Strategy) -> PublishedOutline {
    use crate::model::merge::Kind;
    let p = crate::model::publication::published(s);
    let item = |kind, number: &str, title: &str| Withheld { kind, number: number.to_owned(), title: title.to_owned() };
    let mut withheld = Vec::new();
    for goal in &s.goals {
        if !p.goals.contains(&goal.id) {
            withheld.push(item(Kind::Goal, &goal.number, &goal.title));
        }
        for m in goal.measures.iter().filter(|m| !p.measures.contains(&m.id)) {
            withheld.push(item(Kind::Measure, &m.number, &m.title));
        }
    }
    for (_, i) in s.initiatives().filter(|(_, i)| !p.initiatives.contains(&i.id)) {
        withheld.push(item(Kind::Initiative, &i.number, &i.title));
    }
    let indicators = s.indicators.iter().filter(|i| p.indicators.contains(&i.id)).count();
    for i in s.indicators.iter().filter(|i| !p.indicators.contains(&i.id)) {
        withheld.push(item(Kind::Indicator, &i.code, &i.name));
    }
    let published = crate::model::Counts {
        goals: p.goals.len(),
        measures: p.measures.len(),
        initiatives: p.initiatives.len(),
        indicators,
    };
    PublishedOutline { published, withheld }
}
