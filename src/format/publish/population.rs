//! The public page 「人口ビジョン」 (`population.html`), written when the strategy has a vision to
//! project: the chapter 人口の将来展望 (`format::population::chapter`) as the document says it,
//! the total by scenario drawn as SVG (a line per scenario, each with its own dash and mark, the
//! target a diamond) beside its table, and the 将来展望's three age groups as a table. No script.

use super::chart::{diamond, fmt, round, ticks, value_axis};
use super::page::{frame, Depth, Site};
use crate::format::population::{chapter, Chapter, TextTable};
use crate::locale::number;
use crate::model::population::{persons, TargetPopulation};
use maud::{html, Markup};

/// The page's path in the folder.
pub const PATH: &str = "population.html";

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 40.0;
/// The legend's rows under the plot: a line sample and the scenario's name each.
const LEGEND_ROW: f64 = 20.0;
/// Each scenario's line: colour and dash (told apart without colour too).
const LINES: [(&str, &str); 6] = [
    ("#17517e", ""),
    ("#a4262c", "8 4"),
    ("#2e6b30", "3 3"),
    ("#6b3fa0", "10 3 2 3"),
    ("#8a5a00", "2 6"),
    ("#333333", "12 6"),
];

/// The page, `None` when the strategy has no vision to project.
pub fn page(cx: &Site) -> Option<String> {
    let c = chapter(cx.s.population.as_deref()?)?;
    let target = cx.s.population.as_deref().and_then(|v| v.target);
    let main = html! {
        h1 { "人口ビジョン（人口の将来展望）" }
        h2 { "人口の現状" }
        p { (c.base) }
        h2 { "将来人口の推計" }
        p class=[c.derived.then_some("note")] { (c.source) }
        figure {
            (totals_chart(&c, target))
            figcaption { "線の種類でシナリオを区別しています（図の下の凡例）。◆は目標人口です。数値は下の表のとおりです。" }
        }
        (table(&c.totals, "総人口の将来推計"))
        h2 { "将来展望" }
        @for line in &c.outlook { p { (line) } }
        @if !c.groups.rows.is_empty() {
            (table(&c.groups, &format!("年齢3区分別人口（{}）", c.groups_of)))
        }
    };
    Some(frame(cx, Depth::Top, "人口ビジョン", &[("進捗状況", "index.html".into())], main))
}

fn table(t: &TextTable, caption: &str) -> Markup {
    html! {
        div.table-wrap {
            table {
                caption { (caption) }
                thead { tr { @for c in &t.columns { th scope="col" { (c) } } } }
                tbody { @for r in &t.rows { tr {
                    @for (i, cell) in r.iter().enumerate() {
                        @if i == 0 { th scope="row" { (cell) } } @else { td.num { (cell) } }
                    }
                } } }
            }
        }
    }
}

/// The total by scenario, every 5 years, as lines; the target as a diamond.
fn totals_chart(c: &Chapter, target: Option<TargetPopulation>) -> Markup {
    let years: Vec<u16> = c.projections.first().map(|(_, p)| p.years.clone()).unwrap_or_default();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else { return html! {} };
    let values = c.projections.iter().flat_map(|(_, p)| p.totals().map(|(_, t)| persons(t) as f64));
    let (low, high, step) = value_axis(values.chain(target.map(|t| f64::from(t.population))));
    let x = |y: u16| LEFT + f64::from(y - first) / f64::from((last - first).max(1)) * (WIDTH - LEFT - RIGHT);
    let y = |v: f64| TOP + (high - v) / (high - low) * (HEIGHT - TOP - BOTTOM);
    let ticks = ticks(low, high, step);
    let description = c
        .projections
        .iter()
        .filter_map(|(name, p)| {
            p.totals().last().map(|(yr, t)| format!("{name}: {yr}年に{}人", number(persons(t) as f64)))
        })
        .collect::<Vec<_>>()
        .join("。");
    let height = HEIGHT + LEGEND_ROW * c.projections.len() as f64 + 8.0;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (WIDTH) " " (fmt(height)) } role="img" aria-labelledby="pop-title pop-desc" {
            title id="pop-title" { "総人口の将来推計" }
            desc id="pop-desc" { (description) "。" }
            @for t in &ticks {
                line x1=(LEFT) x2=(WIDTH - RIGHT) y1=(fmt(y(*t))) y2=(fmt(y(*t))) stroke="#d0d0d0" {}
                text x=(LEFT - 8.0) y=(fmt(y(*t) + 4.0)) text-anchor="end" font-size="12" fill="#333" { (number(round(*t))) }
            }
            @for yr in years.iter().step_by(2) {
                text x=(fmt(x(*yr))) y=(HEIGHT - BOTTOM + 18.0) text-anchor="middle" font-size="12" fill="#333" { (yr) }
            }
            text x="4" y=(TOP - 6.0) font-size="11" fill="#333" { "人" }
            @for (k, (name, p)) in c.projections.iter().enumerate() {
                @let (colour, dash) = LINES[k % LINES.len()];
                @let points = p.totals().map(|(yr, t)| format!("{},{}", fmt(x(yr)), fmt(y(persons(t) as f64)))).collect::<Vec<_>>().join(" ");
                @let row = HEIGHT + LEGEND_ROW * k as f64;
                polyline points=(points) fill="none" stroke=(colour) stroke-width="2.5" stroke-dasharray=(dash) {}
                line x1=(LEFT) x2=(LEFT + 40.0) y1=(fmt(row)) y2=(fmt(row)) stroke=(colour) stroke-width="2.5" stroke-dasharray=(dash) {}
                text x=(LEFT + 48.0) y=(fmt(row + 4.0)) font-size="12" fill="#333" { (name) }
            }
            @if let Some(t) = target.filter(|t| years.contains(&t.year)) {
                polygon points=(diamond(x(t.year), y(f64::from(t.population)))) fill="#c2185b" {}
            }
        }
    }
}
