//! The document's outline: the strategy as an ordered list of [`Block`]s — the title, 第1
//! 基本的な考え方, the 施策体系図, 第2 基本目標ごとの施策 with the 数値目標・KPI tables — made once
//! and read by both the Word writer (`word`) and the A4 print page (`ui::output::print::document`), so
//! that the two cannot say different things.

use crate::locale::{self, Language, YearStyle};
use crate::model::{DraftingStage, Goal, Id, Indicator, Series, Strategy, Target};

const JA: Language = Language::Ja;

/// The columns of an indicator table (数値目標 or KPI).
pub const INDICATOR_COLUMNS: [&str; 4] = ["指標", "基準値", "目標値", "目標年度"];

/// What a heading heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// 「第1　基本的な考え方」 (Word's Heading 1).
    Part,
    /// A narrative section, 計画期間, 国の総合戦略 or 施策体系図 (Heading 2).
    Section,
    /// 「基本目標1　…」 (Heading 2); a printed goal starts a page.
    Goal,
    /// 「1　…」, a measure (Heading 3).
    Measure,
}

/// One block of the document, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The title with the stage (Word's Title).
    Title(String),
    Heading(Heading, String),
    /// A paragraph of text (one line of the strategy's text).
    Text(String),
    /// A caption above a table or list: 「【数値目標】」.
    Caption(String),
    /// An item of a list: 「(1)　企業誘致活動」, a national goal.
    Item(String),
    /// A table of indicators under [`INDICATOR_COLUMNS`], a row per series
    /// (the baseline's year on a line of its own).
    Indicators(Vec<[String; 4]>),
    /// The 施策体系図 (`format::measure_tree`'s figures).
    Tree,
    /// A table of text cells under its columns, the first cell of a row its name (the
    /// population vision's tables).
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// The strategy's document as blocks, fiscal years in this style.
pub fn outline(s: &Strategy, style: YearStyle) -> Vec<Block> {
    let mut out = vec![Block::Title(title(s))];
    basic_thinking(&mut out, s, style);
    goals(&mut out, s, style);
    population(&mut out, s);
    out
}

/// 第3 人口の将来展望 (`format::population::chapter`), when the strategy has a vision to project.
fn population(out: &mut Vec<Block>, s: &Strategy) {
    let Some(c) = s.population.as_deref().and_then(crate::format::population::chapter) else { return };
    out.push(Block::Heading(Heading::Part, "第3　人口の将来展望".to_owned()));
    out.push(Block::Heading(Heading::Section, "1　人口の現状".to_owned()));
    out.push(Block::Text(c.base));
    out.push(Block::Heading(Heading::Section, "2　将来人口の推計".to_owned()));
    out.push(Block::Text(c.source));
    out.push(Block::Caption("【総人口の将来推計】".to_owned()));
    out.push(Block::Table { columns: c.totals.columns, rows: c.totals.rows });
    out.push(Block::Heading(Heading::Section, "3　将来展望".to_owned()));
    out.extend(c.outlook.into_iter().map(Block::Text));
    if !c.groups.rows.is_empty() {
        out.push(Block::Caption(format!("【年齢3区分別人口（{}）】", c.groups_of)));
        out.push(Block::Table { columns: c.groups.columns, rows: c.groups.rows });
    }
}

/// Each non-empty line of `body` as a paragraph.
fn text(out: &mut Vec<Block>, body: &str) {
    out.extend(body.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).map(|l| Block::Text(l.to_owned())));
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
fn basic_thinking(out: &mut Vec<Block>, s: &Strategy, style: YearStyle) {
    out.push(Block::Heading(Heading::Part, "第1　基本的な考え方".to_owned()));
    let has_period = s.sections.iter().any(|x| x.heading.contains("期間"));
    let mut n = 0;
    let mut heading = |out: &mut Vec<Block>, text: &str| {
        n += 1;
        out.push(Block::Heading(Heading::Section, numbered(n, text)));
    };
    for (i, section) in s.sections.iter().enumerate() {
        heading(out, &section.heading);
        text(out, &section.body);
        if i == 0 && !has_period {
            heading(out, "計画期間");
            out.push(Block::Text(period_text(s, style)));
        }
    }
    if s.sections.is_empty() {
        heading(out, "計画期間");
        out.push(Block::Text(period_text(s, style)));
    }
    let framework = &s.national_framework;
    if let Some(line) = locale::framework_line(framework, JA, style) {
        heading(out, "国の総合戦略");
        out.push(Block::Text(format!("本戦略は、{line}を勘案して策定する。")));
        if !framework.goals.is_empty() {
            out.push(Block::Caption("【参考：国における目標】".to_owned()));
        }
        for g in &framework.goals {
            out.push(Block::Item(format!("・{}{}　{}", g.kind.japanese(), g.number.trim(), g.title.trim())));
        }
    }
}

/// 「基本目標1　…」.
pub(super) fn goal_heading(g: &Goal) -> String {
    format!("{}{}　{}", g.kind.japanese(), g.number.trim(), g.title.trim())
}

/// 第2 基本目標ごとの施策: the 施策体系図, then each goal with its measures.
fn goals(out: &mut Vec<Block>, s: &Strategy, style: YearStyle) {
    out.push(Block::Heading(Heading::Part, "第2　基本目標ごとの施策".to_owned()));
    out.push(Block::Heading(Heading::Section, "施策体系図".to_owned()));
    out.push(Block::Tree);
    for g in &s.goals {
        out.push(Block::Heading(Heading::Goal, goal_heading(g)));
        let subtitle = g.subtitle.trim();
        if !subtitle.is_empty() {
            let subtitle = subtitle.trim_start_matches('～').trim_end_matches('～');
            out.push(Block::Text(format!("～{subtitle}～")));
        }
        if let Some(national) =
            g.national_goal.as_ref().and_then(|id| s.national_framework.goals.iter().find(|n| &n.id == id))
        {
            out.push(Block::Text(format!("（{}）", locale::national_goal(&s.national_framework, national, JA))));
        }
        text(out, &g.direction);
        if !g.targets.is_empty() {
            out.push(Block::Caption("【数値目標】".to_owned()));
            out.push(Block::Indicators(indicators(s, &g.targets, style)));
        }
        for m in &g.measures {
            let heading = format!("{}　{}", m.number.trim(), m.title.trim());
            out.push(Block::Heading(Heading::Measure, heading.trim().to_owned()));
            if !m.summary.trim().is_empty() {
                out.push(Block::Caption("【基本的方向】".to_owned()));
                text(out, &m.summary);
            }
            if !m.kpis.is_empty() {
                out.push(Block::Caption("【重要業績評価指標（KPI）】".to_owned()));
                out.push(Block::Indicators(indicators(s, &m.kpis, style)));
            }
            if !m.initiatives.is_empty() {
                out.push(Block::Caption("【主な取組】".to_owned()));
            }
            for i in &m.initiatives {
                let line = format!("{}　{}", i.number.trim(), i.title.trim());
                out.push(Block::Item(line.trim().to_owned()));
            }
        }
    }
}

/// The rows of an indicator table: a row per series of each indicator named.
fn indicators(s: &Strategy, ids: &[Id], style: YearStyle) -> Vec<[String; 4]> {
    ids.iter()
        .filter_map(|id| s.indicator(id))
        .flat_map(|ind| ind.series.iter().map(move |series| row(ind, series, style)))
        .collect()
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
            if series.from_vision.is_some() {
                written = format!("{written}（人口ビジョンの将来展望による）");
            }
            let every_year = matches!(t, Target::PerYear { .. } | Target::Bound { year: None, .. });
            (written, due.unwrap_or_else(|| if every_year { "毎年度".to_owned() } else { dash() }))
        }
    };
    [name, baseline, target, year]
}

/// The document's title: the strategy's, with the stage in brackets unless it is adopted.
pub fn title(s: &Strategy) -> String {
    let title = s.title.trim();
    match s.stage {
        DraftingStage::Adopted => title.to_owned(),
        stage => format!("{title}（{}）", stage.japanese()),
    }
}
