//! The document's two parts: 第1 基本的な考え方 and 第2 基本目標ごとの施策, with the 施策体系図
//! and the 数値目標・KPI tables.

use super::look::{self, TEXT_WIDTH};
use crate::locale::{self, Language, YearStyle};
use crate::model::{Goal, Id, Indicator, Series, Strategy, Target};
use docx_rs::{Docx, Table, TableRow, WidthType};

const JA: Language = Language::Ja;

/// Each non-empty line of `text` as a paragraph in `style`.
fn text(mut docx: Docx, body: &str, style: &str) -> Docx {
    for line in body.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()) {
        docx = docx.add_paragraph(look::styled(style, line));
    }
    docx
}

/// 「1　策定趣旨」, unless the heading is numbered already.
fn numbered(n: usize, heading: &str) -> String {
    let heading = heading.trim();
    if heading.chars().next().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        heading.to_owned()
    } else {
        format!("{n}　{heading}")
    }
}

/// 「令和2年度から令和6年度までの5年間」.
pub fn period_text(s: &Strategy, style: YearStyle) -> String {
    let p = s.period;
    format!("{}から{}までの{}年間", locale::year(p.first, JA, style), locale::year(p.last, JA, style), p.len())
}

/// 第1 基本的な考え方: the narrative sections in order, 計画期間 (after the first section, unless
/// a section speaks of the period), and the national strategy with its goals.
pub fn basic_thinking(mut docx: Docx, s: &Strategy, style: YearStyle) -> Docx {
    docx = docx.add_paragraph(look::styled("Heading1", "第1　基本的な考え方"));
    let has_period = s.sections.iter().any(|x| x.heading.contains("期間"));
    let mut n = 0;
    let mut next = |docx: Docx, heading: &str| {
        n += 1;
        docx.add_paragraph(look::styled("Heading2", &numbered(n, heading)))
    };
    let period = |docx: Docx, next: &mut dyn FnMut(Docx, &str) -> Docx| {
        let docx = next(docx, "計画期間");
        docx.add_paragraph(look::styled("Normal", &period_text(s, style)))
    };
    for (i, section) in s.sections.iter().enumerate() {
        docx = next(docx, &section.heading);
        docx = text(docx, &section.body, "Normal");
        if i == 0 && !has_period {
            docx = period(docx, &mut next);
        }
    }
    if s.sections.is_empty() {
        docx = period(docx, &mut next);
    }
    let framework = &s.national_framework;
    if let Some(line) = locale::framework_line(framework, JA, style) {
        docx = next(docx, "国の総合戦略");
        docx = docx.add_paragraph(look::styled("Normal", &format!("本戦略は、{line}を勘案して策定する。")));
        if !framework.goals.is_empty() {
            docx = docx.add_paragraph(look::styled("TableCaption", "【参考：国における目標】"));
        }
        for g in &framework.goals {
            let line = format!("・{}{}　{}", g.kind.japanese(), g.number.trim(), g.title.trim());
            docx = docx.add_paragraph(look::styled("ListParagraph", &line));
        }
    }
    docx
}

/// 「基本目標1　…」.
pub(super) fn goal_heading(g: &Goal) -> String {
    format!("{}{}　{}", g.kind.japanese(), g.number.trim(), g.title.trim())
}

/// 第2 基本目標ごとの施策: the 施策体系図 (a paragraph for each of its `figures`, drawn in by
/// `figure::put_in`), then each goal with its measures.
pub fn goals(mut docx: Docx, s: &Strategy, figures: usize, style: YearStyle) -> Docx {
    docx = docx.add_paragraph(look::styled("Heading1", "第2　基本目標ごとの施策"));
    docx = docx.add_paragraph(look::styled("Heading2", "施策体系図"));
    for n in 0..figures {
        docx = docx.add_paragraph(super::figure::placeholder(n));
    }
    for g in &s.goals {
        docx = docx.add_paragraph(look::styled("Heading2", &goal_heading(g)));
        let subtitle = g.subtitle.trim();
        if !subtitle.is_empty() {
            let subtitle = subtitle.trim_start_matches('～').trim_end_matches('～');
            docx = docx.add_paragraph(look::styled("Normal", &format!("～{subtitle}～")));
        }
        if let Some(national) =
            g.national_goal.as_ref().and_then(|id| s.national_framework.goals.iter().find(|n| &n.id == id))
        {
            let line = format!("（{}）", locale::national_goal(&s.national_framework, national, JA));
            docx = docx.add_paragraph(look::styled("Normal", &line));
        }
        docx = text(docx, &g.direction, "Normal");
        if !g.targets.is_empty() {
            docx = docx.add_paragraph(look::styled("TableCaption", "【数値目標】"));
            docx = docx.add_table(indicators(s, &g.targets, style));
        }
        for m in &g.measures {
            let heading = format!("{}　{}", m.number.trim(), m.title.trim());
            docx = docx.add_paragraph(look::styled("Heading3", heading.trim()));
            if !m.summary.trim().is_empty() {
                docx = docx.add_paragraph(look::styled("TableCaption", "【基本的方向】"));
                docx = text(docx, &m.summary, "Normal");
            }
            if !m.kpis.is_empty() {
                docx = docx.add_paragraph(look::styled("TableCaption", "【重要業績評価指標（KPI）】"));
                docx = docx.add_table(indicators(s, &m.kpis, style));
            }
            if !m.initiatives.is_empty() {
                docx = docx.add_paragraph(look::styled("TableCaption", "【主な取組】"));
            }
            for i in &m.initiatives {
                let line = format!("{}　{}", i.number.trim(), i.title.trim());
                docx = docx.add_paragraph(look::styled("ListParagraph", line.trim()));
            }
        }
    }
    docx
}

/// A table of indicators (数値目標 or KPI): 指標 | 基準値 | 目標値 | 目標年度, a row per series.
fn indicators(s: &Strategy, ids: &[Id], style: YearStyle) -> Table {
    // 35 %, 23 %, 23 %, 19 %: a baseline's year (「（平成30年度）」) fits on its line.
    let widths =
        [TEXT_WIDTH * 35 / 100, TEXT_WIDTH * 23 / 100, TEXT_WIDTH * 23 / 100, TEXT_WIDTH - TEXT_WIDTH * 81 / 100];
    let mut rows = vec![look::header_row(&["指標", "基準値", "目標値", "目標年度"], &widths)];
    for ind in ids.iter().filter_map(|id| s.indicator(id)) {
        for series in &ind.series {
            let [name, baseline, target, year] = row(ind, series, style);
            rows.push(TableRow::new(vec![
                look::cell(&[name], widths[0], false),
                look::cell(&baseline.lines().map(str::to_owned).collect::<Vec<_>>(), widths[1], true),
                look::cell(&[target], widths[2], true),
                look::cell(&[year], widths[3], false),
            ]));
        }
    }
    Table::new(rows).set_grid(widths.to_vec()).width(TEXT_WIDTH, WidthType::Dxa)
}

/// One series' row: its name (with the breakdown's label), its baseline with the year on a line
/// of its own, its target as written (a relative one with the value it comes to) and the year it
/// is due: 「毎年度」 for one that holds every year, 「—」 where none is written.
pub fn row(ind: &Indicator, series: &Series, style: YearStyle) -> [String; 4] {
    let dash = || "—".to_owned();
    let unit = ind.unit.as_str();
    let basis = series.year_basis;
    let name = match series.label.trim() {
        "" => ind.name.trim().to_owned(),
        label => format!("{}（{label}）", ind.name.trim()),
    };
    let baseline = match &series.baseline {
        Some(b) => match b.year {
            Some(y) => format!("{}\n（{}）", locale::quantity(b.value, unit), locale::value_year(basis, y, JA, style)),
            None => locale::quantity(b.value, unit),
        },
        None => dash(),
    };
    let (target, year) = match &series.target {
        None => (dash(), dash()),
        Some(t) => {
            let due = t.due_year().map(|y| locale::value_year(basis, y, JA, style));
            let without_year = match t.clone() {
                Target::Value { value, .. } => Target::Value { value, year: None },
                Target::Relative { change, .. } => Target::Relative { change, year: None },
                Target::Bound { value, side, hold, .. } => Target::Bound { value, side, hold, year: None },
                other => other,
            };
            let mut written = locale::target_in(&without_year, unit, basis, JA, style);
            if let (Target::Relative { .. }, Some(v)) = (t, series.target_value()) {
                written = format!("{written} → {}", locale::quantity(v, unit));
            }
            let every_year = matches!(t, Target::PerYear { .. } | Target::Bound { year: None, .. });
            (written, due.unwrap_or_else(|| if every_year { "毎年度".to_owned() } else { dash() }))
        }
    };
    [name, baseline, target, year]
}
