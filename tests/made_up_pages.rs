//! What each page shows of the made-up example (しるべ町（架空）, the one that holds every target
//! kind, a revised target and a grant project), cell by cell, written to
//! `tests/e2e/made-up-pages.json` for `tests/e2e/made-up-pages.spec.ts`: the browser checks that
//! each page renders these cells, while the figures in them are the model's, locale's, charts'
//! and format's, tested natively. The cells are made with the calls the pages make (`ui/overview`,
//! `ui/print/common`, `ui/print/grants`, `ui/chart_view`, `ui/files_page`), in Japanese with
//! 令和 years, the page's defaults. `UPDATE_EXPECT=1 cargo test --test made_up_pages` rewrites
//! the file; otherwise a file that differs fails the test.

use serde_json::{json, Value};
use shirube::charts::{indicator, yearly, Words};
use shirube::locale::{self, footnote_mark, Footnotes, Language, YearStyle};
use shirube::model::{assess, Agreement, Context, Indicator, Strategy, Target};

const LANG: Language = Language::Ja;
const STYLE: YearStyle = YearStyle::Japanese;
const FILE: &str = "tests/e2e/made-up-pages.json";

fn made_up() -> Strategy {
    shirube::examples::by_key("made-up").expect("made-up").load().expect("the made-up example imports")
}

/// The goal's indicators, in the order its table lists them.
fn goal_indicators(s: &Strategy) -> Vec<&Indicator> {
    s.goals.iter().flat_map(|g| g.targets.iter()).filter_map(|id| s.indicator(id)).collect()
}

/// A row of the overview's goal table (`ui/overview::target_table`), each cell's text.
fn overview_rows(s: &Strategy) -> Vec<Value> {
    let mut rows = Vec::new();
    for ind in goal_indicators(s) {
        for series in &ind.series {
            let a = assess(series, Context { direction: ind.direction, period: s.period, rule: &s.rating_rule });
            let name =
                if series.label.is_empty() { ind.name.clone() } else { format!("{}（{}）", ind.name, series.label) };
            let baseline = series.baseline.as_ref().map_or("—".to_owned(), |b| match b.year {
                Some(y) => format!("{} ({})", locale::quantity(b.value, &ind.unit), locale::year(y, LANG, STYLE)),
                None => locale::quantity(b.value, &ind.unit),
            });
            let target = locale::series_target(series, &ind.unit, LANG, STYLE).unwrap_or_else(|| "—".to_owned());
            let revision = locale::revision_note(series, &ind.unit, ind.direction, LANG, STYLE).unwrap_or_default();
            let actual = match (a.actual, a.year) {
                (Some(v), Some(y)) => {
                    format!(
                        "{} ({})",
                        locale::quantity(v, &ind.unit),
                        locale::value_year(series.year_basis, y, LANG, STYLE)
                    )
                }
                _ => "—".to_owned(),
            };
            let actual = match locale::measured(series, &a, &ind.unit, LANG) {
                Some(m) => format!("{actual} {m}"),
                None => actual,
            };
            let progress = a.progress.map_or("—".to_owned(), |p| locale::progress(p, ind.direction, LANG));
            let verdict =
                a.year.and_then(|y| ind.verdict(y)).map(|v| locale::verdict_line(v, LANG)).unwrap_or_default();
            let status = format!("{} {}{verdict}", locale::status(a.status, LANG), locale::rating(&a));
            rows.push(json!({
                "code": ind.code,
                "name": name,
                "cells": [ind.code, name, baseline, format!("{target}{revision}"), actual, progress, status],
            }));
        }
    }
    rows
}

/// The printed 数値目標の状況 (`ui/print/common::indicator_table` with the yearly tables, every
/// series in its latest year): each indicator's rows, then its yearly table's rows (headings
/// included).
fn print_target_rows(s: &Strategy) -> Vec<Value> {
    let mut notes = Footnotes::default();
    let indicators = goal_indicators(s);
    let labelled = indicators.iter().any(|i| i.series.iter().any(|x| !x.label.is_empty()));
    let mut out = Vec::new();
    for ind in indicators {
        let cx = s.context_of(ind);
        let sources = notes.indicator(ind);
        let mut rows = Vec::new();
        for (k, series) in ind.series.iter().enumerate() {
            let a = assess(series, cx);
            let basis = series.year_basis;
            let when = |y| format!("({})", locale::value_year(basis, y, LANG, STYLE));
            let baseline = series.baseline.as_ref().map_or("—".to_owned(), |b| locale::quantity(b.value, &ind.unit));
            let baseline_year = series.baseline.as_ref().and_then(|b| b.year).map(when).unwrap_or_default();
            let (target, target_year) = match &series.target {
                Some(Target::Value { value, year }) => (locale::quantity(*value, &ind.unit), year.map(when)),
                Some(_) => (locale::series_target(series, &ind.unit, LANG, STYLE).unwrap_or_default(), None),
                None => ("—".to_owned(), None),
            };
            let revision = locale::revision_note(series, &ind.unit, ind.direction, LANG, STYLE).unwrap_or_default();
            let actual = a.actual.map_or("—".to_owned(), |v| locale::quantity(v, &ind.unit));
            let actual_year = a.actual.and(a.year).map(when).unwrap_or_default();
            let value_mark = a
                .actual
                .and(a.year)
                .and_then(|y| sources.value(&series.id, y))
                .map(|n| footnote_mark(&[n]))
                .unwrap_or_default();
            let measured = locale::measured(series, &a, &ind.unit, LANG).map(|m| format!("({m})")).unwrap_or_default();
            let provisional = a.year.and_then(|y| series.actual(y)).is_some_and(|x| x.provisional);
            let provisional = if provisional { "（速報値）" } else { "" };
            let progress = a.progress.map_or("—".to_owned(), |p| locale::progress(p, ind.direction, LANG));
            let verdict = a
                .year
                .filter(|_| k == 0)
                .and_then(|y| ind.verdict(y))
                .map(|v| {
                    let differs = matches!(s.agreement(ind, v), Agreement::Differs { .. });
                    format!("{}{}", locale::verdict_line(v, LANG), if differs { "（計算と異なる）" } else { "" })
                })
                .unwrap_or_default();
            let status = format!("{} {}{verdict}", locale::status(a.status, LANG), locale::rating(&a));
            let mut cells = Vec::new();
            if k == 0 {
                cells.push(ind.code.clone());
                cells.push(format!("{}{}", ind.name, footnote_mark(&sources.name)));
            }
            if labelled {
                cells.push(series.label.clone());
            }
            cells.extend([
                format!("{baseline}{baseline_year}"),
                format!("{target}{}{revision}", target_year.unwrap_or_default()),
                format!("{actual}{value_mark}{actual_year}{measured}{provisional}"),
                progress,
                status,
            ]);
            rows.push(cells);
        }
        out.push(json!({ "code": ind.code, "name": ind.name, "rows": rows, "years": year_table(s, ind) }));
    }
    out
}

/// An indicator's yearly table (`ui/print/common::year_table`): each row's th and td texts.
fn year_table(s: &Strategy, ind: &Indicator) -> Vec<Vec<String>> {
    let t = yearly::table(s, ind, Words { lang: LANG, years: STYLE });
    let labelled = t.series.iter().any(|x| !x.label.is_empty());
    let mut head = Vec::new();
    if labelled {
        head.push("区分".to_owned());
    }
    head.push("基準値".to_owned());
    head.push(t.unit.clone().unwrap_or_default());
    head.extend(t.headings.iter().cloned());
    let mut rows = vec![head];
    for series in &t.series {
        for (k, row) in series.rows.iter().enumerate() {
            let mut cells = Vec::new();
            if k == 0 {
                if labelled {
                    cells.push(series.label.clone());
                }
                cells.push(series.baseline.clone());
            }
            cells.push(row.head.clone());
            cells.extend(row.cells.iter().cloned());
            rows.push(cells);
        }
    }
    rows
}

/// Each indicator's chart (`charts::indicator`, drawn in the editor and under the printed
/// report's tables): its summary, and its table's rows (the heading row first).
fn charts(s: &Strategy) -> Vec<Value> {
    goal_indicators(s)
        .into_iter()
        .map(|ind| {
            let f = indicator::chart(s, ind, Words { lang: LANG, years: STYLE });
            let mut rows = vec![f.table.columns.clone()];
            rows.extend(f.table.rows.iter().cloned());
            json!({ "code": ind.code, "name": ind.name, "summary": f.summary, "table": rows })
        })
        .collect()
}

/// The printed 交付金事業の効果検証 of the report's own year (`ui/print/grants`).
fn grants(s: &Strategy) -> Value {
    let year = s.default_grant_year();
    let dash = || "—".to_owned();
    let money = |v: Option<i64>| v.map_or_else(dash, |v| locale::number(v as f64));
    let projects: Vec<Value> = s
        .grant_report(year)
        .iter()
        .map(|p| {
            let kpis: Vec<Vec<String>> = p
                .kpis
                .iter()
                .map(|k| {
                    let q = |v: Option<f64>| v.map_or_else(dash, |v| locale::quantity(v, &k.indicator.unit));
                    vec![
                        k.indicator.code.clone(),
                        k.indicator.name.clone(),
                        q(k.target),
                        q(k.actual),
                        k.achievement.map_or_else(dash, |r| format!("{}%", locale::grant_rate(r))),
                        k.achieved.map_or("—", |a| locale::grant_achieved(a, LANG)).to_owned(),
                    ]
                })
                .collect();
            let review = p.review;
            let title = match p.initiative.number.trim() {
                "" => p.initiative.title.clone(),
                n => format!("{n} {}", p.initiative.title),
            };
            json!({
                "title": title,
                "programme": locale::grant_name(p.grant, LANG).unwrap_or_else(dash),
                "plan": if p.grant.regional_plan.trim().is_empty() { dash() } else { p.grant.regional_plan.clone() },
                "period": locale::grant_period(p.grant, LANG, STYLE).unwrap_or_else(dash),
                "amounts": format!("{} ／ {}", money(p.budget), money(p.amount)),
                "kpis": kpis,
                "effect": review.and_then(|r| r.effect).map_or("—", |e| locale::grant_effect(e, LANG)),
                "policy": review.and_then(|r| r.policy).map_or("—", |x| locale::grant_policy(x, LANG)),
                "experts": review.map(|r| r.experts.trim().to_owned()).filter(|t| !t.is_empty()).unwrap_or_else(dash),
                // 今後の方針's reason, a line of its own only when there is one.
                "reason": review.map(|r| r.reason.trim().to_owned()).filter(|t| !t.is_empty()),
                // In English (the page's language switched): the words the report chooses.
                "en": {
                    "programme": locale::grant_name(p.grant, Language::En).unwrap_or_else(dash),
                    "effect": review.and_then(|r| r.effect).map_or("—", |e| locale::grant_effect(e, Language::En)),
                    "policy": review.and_then(|r| r.policy).map_or("—", |x| locale::grant_policy(x, Language::En)),
                    "achieved": p.kpis.iter().map(|k| k.achieved.map_or("—", |a| locale::grant_achieved(a, Language::En))).collect::<Vec<_>>(),
                },
            })
        })
        .collect();
    json!({
        "year": year.0,
        "heading": format!("{} 交付金事業の効果検証", locale::year(year, LANG, STYLE)),
        "heading_en": format!("Review of grant projects, {}", locale::year(year, Language::En, STYLE)),
        "projects": projects,
    })
}

/// The files page's CSV downloads (`ui/files_page`), by their buttons' test ids; the grants'
/// of the year the page picks first.
fn csv(s: &Strategy) -> Value {
    use shirube::format::csv;
    json!({
        "export-csv-wide": csv::indicators_wide(s, STYLE),
        "export-csv-long": csv::indicators_long(s, STYLE),
        "export-csv-initiatives": csv::initiatives(s, STYLE),
        "export-csv-evaluations": csv::evaluations(s, STYLE),
        "export-csv-verdicts": csv::verdicts(s, STYLE),
        "export-csv-grants": csv::grants(s, s.default_grant_year(), STYLE),
    })
}

fn table() -> Value {
    let s = made_up();
    json!({
        "example": "made-up",
        "title": s.title,
        "overview": overview_rows(&s),
        "print_targets": print_target_rows(&s),
        "charts": charts(&s),
        "print_grants": grants(&s),
        "csv": csv(&s),
    })
}

#[test]
fn the_made_up_examples_pages_table_is_up_to_date() {
    let text = serde_json::to_string_pretty(&table()).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "{FILE} is out of date: run `UPDATE_EXPECT=1 cargo test --test made_up_pages` and commit it"
    );
}

/// The table holds every indicator of the example, each page's cells filled in.
#[test]
fn the_table_covers_every_indicator_on_every_page() {
    let s = made_up();
    let t = table();
    let codes = |page: &str| -> Vec<String> {
        t[page].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap().to_owned()).collect()
    };
    let all: Vec<String> = s.indicators.iter().map(|i| i.code.clone()).collect();
    assert_eq!(codes("overview"), all);
    assert_eq!(codes("print_targets"), all);
    assert_eq!(codes("charts"), all);
    assert!(t["overview"].as_array().unwrap().iter().all(|r| r["cells"].as_array().unwrap().len() == 7));
    assert_eq!(t["print_grants"]["projects"][0]["kpis"].as_array().unwrap().len(), 3);
    assert!(t["csv"].as_object().unwrap().values().all(|v| v.as_str().is_some_and(|c| c.starts_with('\u{feff}'))));
}
