//! The population vision as towns publish it: the total population by scenario to 2070 with the
//! 将来展望's target marked, the three age groups (年少・生産年齢・老年) with 高齢化率, and a
//! population pyramid of one year (the page sets the base year's beside a chosen year's). Every
//! figure is rounded as `model::population` says (persons whole, shares to 0.1 %), in the chart
//! and its table alike; a projection on assumptions derived from censuses says so in its summary.

use super::common::{category_axis, colour, item_tooltip, point, value_axis};
use super::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::population::{persons, Population, Projection, TargetPopulation};
use charming::component::{Axis, Grid, Legend, LegendType};
use charming::element::{AxisLabel, AxisType, ItemStyle, LineStyle, NameLocation, Symbol};
use charming::series::{Bar, Line, Scatter};
use charming::Chart;
use serde_json::json;

/// 「2020年」 / 「2020」.
fn year(y: u16, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{y}年"),
        Language::En => y.to_string(),
    }
}

fn count(v: f64) -> String {
    locale::number(persons(v) as f64)
}

fn share(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |s| format!("{}%", locale::number(s)))
}

/// What the summary adds when the assumptions are not the 社人研's.
fn derived_note(derived: bool, lang: Language) -> &'static str {
    match derived {
        false => "",
        true => tr(
            lang,
            "（仮定値は社人研のものではなく、2回の国勢調査から算出したもの）",
            " (the assumptions are not the 社人研's: derived from two censuses)",
        ),
    }
}

/// The total population by scenario (`(name, projection)`, all from one base year), with the
/// 将来展望's target as a marked point.
pub fn totals(
    scenarios: &[(String, &Projection)],
    target: Option<TargetPopulation>,
    derived: bool,
    w: Words,
) -> Figure {
    let lang = w.lang;
    let years: Vec<u16> = scenarios.first().map(|(_, p)| p.years.clone()).unwrap_or_default();
    let labels: Vec<String> = years.iter().map(|y| year(*y, lang)).collect();
    let unit = tr(lang, "人", "persons");
    let mut chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(16).right(24).top(56).bottom(8))
        .x_axis(category_axis(labels.clone()))
        .y_axis(value_axis(unit).scale(true));
    let mut columns = vec![tr(lang, "シナリオ", "Scenario").to_owned()];
    columns.extend(labels.iter().cloned());
    let mut table = Table { columns, rows: Vec::new() };
    let mut legend = Vec::new();
    for (k, (name, p)) in scenarios.iter().enumerate() {
        let c = colour(k);
        let data = p.totals().map(|(y, t)| point(Some(persons(t)), &format!("{name} {}", year(y, lang)))).collect();
        chart = chart.series(
            Line::new()
                .name(name.as_str())
                .symbol(Symbol::Circle)
                .symbol_size(6)
                .item_style(ItemStyle::new().color(c))
                .line_style(LineStyle::new().color(c).width(2))
                .data(data),
        );
        legend.push(name.clone());
        let mut row = vec![name.clone()];
        row.extend(p.totals().map(|(_, t)| count(t)));
        table.rows.push(row);
    }
    let target_name = tr(lang, "目標人口", "Target population").to_owned();
    if let Some(t) = target.filter(|t| years.contains(&t.year)) {
        let data = years
            .iter()
            .map(|&y| {
                point((y == t.year).then_some(i64::from(t.population)), &format!("{target_name} {}", year(y, lang)))
            })
            .collect();
        chart = chart.series(
            Scatter::new()
                .name(target_name.as_str())
                .symbol(Symbol::Diamond)
                .symbol_size(16)
                .item_style(ItemStyle::new().color("#c2185b"))
                .data(data),
        );
        legend.push(target_name.clone());
        let mut row = vec![target_name.clone()];
        row.extend(
            years.iter().map(|&y| if y == t.year { locale::number(f64::from(t.population)) } else { String::new() }),
        );
        table.rows.push(row);
    }
    chart = chart.legend(Legend::new().type_(LegendType::Scroll).data(legend));
    let last = years.last().copied();
    let parts: Vec<String> = scenarios
        .iter()
        .filter_map(|(name, p)| {
            let (_, t) = p.totals().last()?;
            Some(match lang {
                Language::Ja => format!("{name} {}人", count(t)),
                Language::En => format!("{name} {}", count(t)),
            })
        })
        .collect();
    let target_part = match (target, lang) {
        (Some(t), Language::Ja) => {
            format!("。目標は{}に{}人", year(t.year, lang), locale::number(f64::from(t.population)))
        }
        (Some(t), Language::En) => format!("; the target is {} in {}", locale::number(f64::from(t.population)), t.year),
        (None, _) => String::new(),
    };
    let summary = match (last, lang) {
        (None, Language::Ja) => "推計がありません".to_owned(),
        (None, Language::En) => "No projection".to_owned(),
        (Some(y), Language::Ja) => {
            format!("{}の総人口は{}{target_part}{}", year(y, lang), parts.join("、"), derived_note(derived, lang))
        }
        (Some(y), Language::En) => {
            format!("The total population in {y}: {}{target_part}{}", parts.join(", "), derived_note(derived, lang))
        }
    };
    let name = tr(lang, "総人口の将来推計", "Projected total population").to_owned();
    Figure { chart, name, summary, table, patch: json!(null) }
}

/// The three age groups of one scenario by year, stacked, with their shares and 高齢化率 in the
/// table.
pub fn age_groups(scenario: &str, p: &Projection, derived: bool, w: Words) -> Figure {
    let lang = w.lang;
    let labels: Vec<String> = p.years.iter().map(|y| year(*y, lang)).collect();
    let groups = [
        tr(lang, "年少人口（0～14歳）", "Young (0–14)"),
        tr(lang, "生産年齢人口（15～64歳）", "Working age (15–64)"),
        tr(lang, "老年人口（65歳以上）", "Old (65+)"),
    ];
    let three: Vec<_> = p.populations.iter().map(Population::three_groups).collect();
    let mut chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(16).right(24).top(56).bottom(8))
        .legend(Legend::new().data(groups.iter().map(|g| (*g).to_owned()).collect()))
        .x_axis(category_axis(labels.clone()))
        .y_axis(value_axis(tr(lang, "人", "persons")));
    for (k, g) in groups.iter().enumerate() {
        let data = three
            .iter()
            .zip(&p.years)
            .map(|(t, y)| {
                let v = [t.young, t.working, t.old][k];
                point(Some(persons(v)), &format!("{g} {}", year(*y, lang)))
            })
            .collect();
        chart = chart.series(Bar::new().name(*g).stack("age").item_style(ItemStyle::new().color(colour(k))).data(data));
    }
    let mut columns = vec![tr(lang, "区分", "Group").to_owned()];
    columns.extend(labels);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let mut row = vec![(*g).to_owned()];
        row.extend(three.iter().map(|t| count([t.young, t.working, t.old][k])));
        rows.push(row);
        let mut shares = vec![format!("{g}{}", tr(lang, "の割合", " share"))];
        shares.extend(three.iter().map(|t| share(t.shares().map(|s| s[k]))));
        rows.push(shares);
    }
    let mut ageing = vec![tr(lang, "高齢化率", "Ageing rate").to_owned()];
    ageing.extend(three.iter().map(|t| share(t.ageing_rate())));
    rows.push(ageing);
    let summary = match (three.first(), three.last(), p.years.first(), p.years.last()) {
        (Some(a), Some(b), Some(ya), Some(yb)) => match lang {
            Language::Ja => format!(
                "{scenario}: 高齢化率は{}の{}から{}に{}になります{}",
                year(*ya, lang),
                share(a.ageing_rate()),
                year(*yb, lang),
                share(b.ageing_rate()),
                derived_note(derived, lang)
            ),
            Language::En => format!(
                "{scenario}: the ageing rate goes from {} in {ya} to {} in {yb}{}",
                share(a.ageing_rate()),
                share(b.ageing_rate()),
                derived_note(derived, lang)
            ),
        },
        _ => tr(lang, "推計がありません", "No projection").to_owned(),
    };
    let name = match lang {
        Language::Ja => format!("年齢3区分別人口（{scenario}）"),
        Language::En => format!("Population by three age groups ({scenario})"),
    };
    Figure { chart, name, summary, table: Table { columns, rows }, patch: json!(null) }
}

/// The round figure at or above `m` that an axis ends at: 1, 2, 2.5 or 5 times a power of ten.
fn axis_end(m: f64) -> f64 {
    if m <= 0.0 || !m.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(m.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|k| k * power).find(|end| *end >= m).unwrap_or(10.0 * power)
}

/// The pyramid of one year: men to the left, women to the right, the youngest at the bottom.
/// Each sex has a grid of its own, the men's axis inverted, so both show counts as they are
/// (no minus on the left) and end at the same figure; the table has the counts as they are.
pub fn pyramid(p: &Population, at: u16, w: Words) -> Figure {
    let lang = w.lang;
    let n = p.open.groups();
    let labels: Vec<String> = (0..n)
        .map(|g| {
            let b = p.open.band(g);
            match (b.high, lang) {
                (Some(h), Language::Ja) => format!("{}～{h}歳", b.low),
                (Some(h), Language::En) => format!("{}–{h}", b.low),
                (None, Language::Ja) => format!("{}歳以上", b.low),
                (None, Language::En) => format!("{}+", b.low),
            }
        })
        .collect();
    let (men, women) = (tr(lang, "男性", "Men"), tr(lang, "女性", "Women"));
    let bars = |values: &[f64], who: &str| {
        values.iter().zip(&labels).map(|(v, l)| point(Some(persons(*v)), &format!("{who} {l}"))).collect()
    };
    let end = axis_end(p.male.iter().chain(&p.female).map(|v| persons(*v) as f64).fold(0.0, f64::max));
    let unit = tr(lang, "人", "persons");
    // Three labels a side (0, half, the end): they fit a phone's half width too; the unit under
    // each side's labels (at the axis' end the chart's edge would cut it off).
    let count_axis = |grid: f64| {
        let axis = Axis::new().type_(AxisType::Value).grid_index(grid).min(0).max(end).interval(end / 2.0);
        axis.name(unit).name_location(NameLocation::Middle).name_gap(24)
    };
    let age_axis = |grid: f64| Axis::new().type_(AxisType::Category).grid_index(grid).data(labels.clone());
    let chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(8).right("50%").top(40).bottom(44))
        .grid(Grid::new().contain_label(true).left("50%").right(16).top(40).bottom(44))
        .legend(Legend::new().data(vec![men.to_owned(), women.to_owned()]))
        .x_axis(count_axis(0.0).inverse(true))
        .x_axis(count_axis(1.0))
        .y_axis(age_axis(0.0))
        .y_axis(age_axis(1.0).axis_label(AxisLabel::new().show(false)))
        .series(
            Bar::new()
                .name(men)
                .x_axis_index(0)
                .y_axis_index(0)
                .item_style(ItemStyle::new().color("#1f5fa8"))
                .data(bars(&p.male, men)),
        )
        .series(
            Bar::new()
                .name(women)
                .x_axis_index(1)
                .y_axis_index(1)
                .item_style(ItemStyle::new().color("#c2185b"))
                .data(bars(&p.female, women)),
        );
    let columns = vec![tr(lang, "年齢", "Age").to_owned(), men.to_owned(), women.to_owned()];
    let rows = (0..n).rev().map(|g| vec![labels[g].clone(), count(p.male[g]), count(p.female[g])]).collect();
    let (m, f) = (p.male.iter().sum::<f64>(), p.female.iter().sum::<f64>());
    let summary = match lang {
        Language::Ja => format!(
            "{}: 男性{}人、女性{}人、高齢化率{}",
            year(at, lang),
            count(m),
            count(f),
            share(p.three_groups().ageing_rate())
        ),
        Language::En => {
            format!("{at}: {} men, {} women, ageing rate {}", count(m), count(f), share(p.three_groups().ageing_rate()))
        }
    };
    let name = match lang {
        Language::Ja => format!("人口ピラミッド（{}）", year(at, lang)),
        Language::En => format!("Population pyramid ({at})"),
    };
    // A label that would still overlap its neighbour is left out, and the middle's 0 is written
    // once (on the men's side).
    let patch = json!({"xAxis": [
        {"axisLabel": {"hideOverlap": true}},
        {"axisLabel": {"hideOverlap": true, "showMinLabel": false}}
    ]});
    Figure { chart, name, summary, table: Table { columns, rows }, patch }
}

#[cfg(test)]
mod tests;
