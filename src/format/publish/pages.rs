//! The published pages: the index, a page per goal, a page per KPI, the accessibility page and
//! the data page. Each is a function of the public strategy; [`super::page::frame`] wraps it.

use super::chart;
use super::page::{self, as_of, frame, goal_path, kpi_path, paragraphs, year, Depth, Site};
use crate::locale::{self, number, quantity, Language, YearStyle};
use crate::model::{
    EvaluationStage, Goal, Indicator, Measure, RatingRule, Series, Status, StatusMix, Target, STATUSES,
};
use maud::{html, Markup};

const JA: Language = Language::Ja;

pub fn index(cx: &Site) -> String {
    let s = cx.s;
    let main = html! {
        h1 { (s.title) }
        p { "計画期間：" (year(s.period.first)) "〜" (year(s.period.last)) }
        (as_of(cx))
        (rating_rule(cx))
        (measure_tree(cx))
        @for goal in &s.goals {
            section.goal-card aria-labelledby={ "g-" (goal.id.as_str()) } {
                h2 id={ "g-" (goal.id.as_str()) } { a href=(goal_path(goal)) { (goal_heading(goal)) } }
                @if !goal.subtitle.is_empty() { p { (goal.subtitle) } }
                (mix_list("数値目標", &s.target_mix(goal)))
                (mix_list("KPI", &s.kpi_mix(goal)))
                @let highlight = s.publication.highlight(&goal.id);
                @if !highlight.is_empty() {
                    h3 { "この1年の主な動き" }
                    (paragraphs(highlight))
                }
            }
        }
        @if !s.opinions.is_empty() {
            p { a href=(super::opinions::PATH) { "計画の案への意見と市の考え方" } }
        }
        @if s.population.as_deref().and_then(crate::format::population::chapter).is_some() {
            p { a href=(super::population::PATH) { "人口ビジョン（人口の将来展望）" } }
        }
    };
    frame(cx, Depth::Top, "進捗状況", &[], main)
}

/// The 施策体系図, drawn: a figure per goal, each SVG named and described in words (the goals'
/// cards below and their pages list the same measures as text).
fn measure_tree(cx: &Site) -> Markup {
    let figures = crate::format::measure_tree::figures(cx.s);
    html! {
        @if !figures.is_empty() {
            section aria-labelledby="measure-tree" {
                h2 id="measure-tree" { "施策体系図" }
                @for (k, f) in figures.iter().enumerate() {
                    figure.measure-tree { (crate::format::measure_tree::svg(&format!("tree{}", k + 1), f)) }
                }
                (tree_list(cx))
            }
        }
    }
}

/// The same tree as nested lists, shown instead of the figures on a narrow screen (the
/// stylesheet), where the figures' A4 type would be a few pixels high.
fn tree_list(cx: &Site) -> Markup {
    html! {
        ul.tree-list {
            @for goal in &cx.s.goals {
                li { (goal_heading(goal))
                    @if !goal.measures.is_empty() {
                        ul { @for m in &goal.measures {
                            li { "施策 " (m.number) " " (m.title)
                                @if !m.initiatives.is_empty() {
                                    ul { @for i in &m.initiatives { li { (i.number) " " (i.title) } } }
                                }
                            }
                        } }
                    }
                }
            }
        }
    }
}

fn goal_heading(goal: &Goal) -> String {
    format!("{} {} {}", goal.kind.japanese(), goal.number, goal.title)
}

/// 「数値目標：★ 達成 1・● 順調 0・▲ 遅れ 1・－ データなし 0」
fn mix_list(what: &str, mix: &StatusMix) -> Markup {
    html! {
        @if mix.total() > 0 {
            p { (what) "（" (mix.total()) "件）" }
            ul.counts {
                @for st in STATUSES { li class=(page::status_class(st)) { (page::status(st)) " " (mix.get(st)) "件" } }
            }
        }
    }
}

fn rating_rule(cx: &Site) -> Markup {
    html! {
        details {
            summary { "状況と評価の見方" }
            p { "状況は、基準値から目標値までの直線と比べて、その年度の実績がどこにあるかで示します。" }
            div.table-wrap {
                table {
                    caption { "状況の表し方" }
                    thead { tr { th scope="col" { "状況" } th scope="col" { "意味" } } }
                    tbody {
                        @for st in STATUSES {
                            tr { th scope="row" class=(page::status_class(st)) { (page::status(st)) } td { (status_meaning(st)) } }
                        }
                    }
                }
            }
            p { "評価は、その年度までに達成すべき分（基準値から目標値までの直線、または中間目標）に対する実績の割合で付けます。" }
            div.table-wrap {
                table {
                    caption { "評価の基準" }
                    thead { tr { th scope="col" { "評価" } th scope="col" { "達成すべき分に対する実績の割合" } } }
                    tbody { @for (label, share) in rating_bands(&cx.s.rating_rule) { tr { th scope="row" { (label) } td { (share) } } } }
                }
            }
        }
    }
}

fn status_meaning(st: Status) -> &'static str {
    match st {
        Status::Achieved => "目標値に届いた",
        Status::OnTrack => "直線の上にある",
        Status::Behind => "直線に届かない",
        Status::NoData => "実績または目標値がない",
    }
}

/// The town's rating rule as rows of the table 「評価の基準」: each label and the share of what
/// was due that earns it, from the best, then the label below every threshold and the one for no
/// data.
pub fn rating_bands(rule: &RatingRule) -> Vec<(String, String)> {
    let percent = |v: f64| format!("{}%", number(v));
    let mut rows: Vec<(String, String)> = rule
        .tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let share = match i.checked_sub(1).map(|above| rule.tiers[above].min_percent) {
                Some(upper) => format!("{}以上{}未満", percent(tier.min_percent), percent(upper)),
                None => format!("{}以上", percent(tier.min_percent)),
            };
            (tier.label.clone(), share)
        })
        .collect();
    let below = rule.tiers.last().map_or_else(|| "すべて".to_owned(), |t| format!("{}未満", percent(t.min_percent)));
    rows.push((rule.below.clone(), below));
    rows.push((rule.no_data.clone(), "実績がない".to_owned()));
    rows
}

pub fn goal(cx: &Site, goal: &Goal) -> String {
    let title = goal_heading(goal);
    let main = html! {
        h1 { (title) }
        @if !goal.subtitle.is_empty() { p { (goal.subtitle) } }
        (as_of(cx))
        @if !goal.direction.is_empty() { h2 { "方向性" } (paragraphs(&goal.direction)) }
        @if !goal.targets.is_empty() {
            h2 { "数値目標" }
            (indicator_table(cx, "数値目標の状況", goal.targets.iter()))
        }
        @if !goal.measures.is_empty() { h2 { "施策" } }
        @for m in &goal.measures { (measure(cx, m)) }
    };
    frame(cx, Depth::Nested, &title, &[("進捗状況", "index.html".into())], main)
}

fn measure(cx: &Site, m: &Measure) -> Markup {
    html! {
        h3 { "施策 " (m.number) " " (m.title) @if m.priority { "（重点施策）" } }
        @if !m.summary.is_empty() { (paragraphs(&m.summary)) }
        @if !m.kpis.is_empty() { (indicator_table(cx, &format!("施策 {} のKPI", m.number), m.kpis.iter())) }
        @if !m.initiatives.is_empty() {
            ul { @for i in &m.initiatives { li { (i.number) " " (i.title) } } }
        }
    }
}

/// A table of indicators: name (linked to its page), baseline, target, latest actual, status.
fn indicator_table<'a>(cx: &Site, caption: &str, ids: impl Iterator<Item = &'a crate::model::Id>) -> Markup {
    let s = cx.s;
    let rows: Vec<(&Indicator, &Series)> =
        ids.filter_map(|id| s.indicator(id)).flat_map(|i| i.series.iter().map(move |x| (i, x))).collect();
    html! {
        div.table-wrap {
            table.cards {
                caption { (caption) }
                thead { tr { th scope="col" { "指標" } th scope="col" { "基準値" } th scope="col" { "目標" }
                    th scope="col" { "最新の実績" } th scope="col" { "状況" } } }
                tbody {
                    @for (i, series) in rows {
                        @let a = crate::model::assess(series, s.context_of(i));
                        tr {
                            th scope="row" data-label="指標" { a href={ "../" (kpi_path(&i.id)) } { (series_name(i, series)) } }
                            td data-label="基準値" { (baseline(series, &i.unit)) }
                            td data-label="目標" { (target(series, &i.unit)) }
                            td data-label="最新の実績" { @match (a.year, a.actual) { (Some(y), Some(v)) => { (quantity(v, &i.unit)) "（" (y.japanese()) "）" }
                                _ => "－" } }
                            td.status data-label="状況" class=(page::status_class(a.status)) { (page::status(a.status)) }
                        }
                    }
                }
            }
        }
    }
}

/// 「7-2 出生数」: the indicator's code (when it has one) and name.
fn indicator_name(i: &Indicator) -> String {
    if i.code.is_empty() {
        i.name.clone()
    } else {
        format!("{} {}", i.code, i.name)
    }
}

/// 「7-2 出生数（男性）」: the indicator's name and the series' label (when it has one).
fn series_name(i: &Indicator, series: &Series) -> String {
    match series.label.is_empty() {
        true => indicator_name(i),
        false => format!("{}（{}）", indicator_name(i), series.label),
    }
}

fn baseline(series: &Series, unit: &str) -> String {
    series.baseline.as_ref().map_or("－".into(), |b| locale::baseline(b, unit, JA, YearStyle::Japanese))
}

/// The target as the plan prints it, its year in full-width brackets as the baseline's beside it
/// (a relative one with the value it comes to).
fn target(series: &Series, unit: &str) -> String {
    match &series.target {
        Some(t @ Target::Value { .. }) => locale::target_printed(t, unit, series.year_basis, YearStyle::Japanese),
        _ => locale::series_target(series, unit, JA, YearStyle::Japanese).unwrap_or_else(|| "－".into()),
    }
}

pub fn kpi(cx: &Site, i: &Indicator) -> String {
    let s = cx.s;
    let title = indicator_name(i);
    let uses = s.uses_of(&i.id);
    let goals: Vec<&Goal> = s
        .goals
        .iter()
        .map(|g| &**g)
        .filter(|g| g.targets.contains(&i.id) || g.measures.iter().any(|m| uses.measures.iter().any(|u| u.id == m.id)))
        .collect();
    let crumbs: Vec<(&str, String)> = std::iter::once(("進捗状況", "index.html".to_owned()))
        .chain(goals.first().map(|g| (g.title.as_str(), goal_path(g))))
        .collect();
    let main = html! {
        h1 { (title) }
        (as_of(cx))
        dl.facts {
            dt { "単位" } dd { @if i.unit.is_empty() { "－" } @else { (i.unit) } }
            dt { "種別" } dd { (i.kind.japanese()) }
            dt { "目指す方向" } dd { (i.direction.japanese()) }
            dt { "出典" } dd { @if i.source.is_empty() { "－" } @else { (i.source) } }
            dt { "関連する目標・施策" }
            dd { ul { @for g in &goals { li { a href={ "../" (goal_path(g)) } { (goal_heading(g)) } } }
                      @for m in &uses.measures { li { "施策 " (m.number) " " (m.title) } } } }
        }
        @for (n, series) in i.series.iter().enumerate() { (series_block(cx, i, series, n)) }
        @for m in &uses.measures { (last_evaluation(m)) }
    };
    frame(cx, Depth::Nested, &title, &crumbs, main)
}

fn series_block(cx: &Site, i: &Indicator, series: &Series, n: usize) -> Markup {
    let s = cx.s;
    let a = crate::model::assess(series, s.context_of(i));
    let name = series_name(i, series);
    let chart = chart::series_chart(&format!("chart{n}"), &format!("{name}の推移"), series, &i.unit, s.period);
    // Years the town did not write are shown as the achievement maths takes them, and said so.
    let assumed = series.baseline.as_ref().is_some_and(|b| b.year.is_none())
        || series
            .target
            .as_ref()
            .is_some_and(|t| t.due_year().is_none() && chart::target_year(series, s.period).is_some());
    let mut years: Vec<crate::model::FiscalYear> = series
        .actuals
        .iter()
        .map(|a| a.year)
        .chain(series.interim.iter().map(|v| v.year))
        .chain(series.baseline.as_ref().map(|_| chart::baseline_year(series, s.period)))
        .chain(chart::target_year(series, s.period))
        .collect();
    years.sort();
    years.dedup();
    html! {
        @if !series.label.is_empty() { h2 { (series.label) } } @else { h2 { "推移" } }
        dl.facts {
            dt { "基準値" } dd { (baseline(series, &i.unit)) }
            dt { "目標" } dd { (target(series, &i.unit))
                @if series.from_vision.is_some() { a href="../population.html" { "（人口ビジョンの将来展望による）" } } }
            dt { "状況" } dd class=(page::status_class(a.status)) { span.status { (page::status(a.status)) }
                @if let Some(y) = a.year { "（" (year(y)) "の実績による）" } }
            dt { "評価" } dd { (locale::rating(&a)) }
            @if let Some(p) = a.progress { dt { "進捗率" } dd { (locale::progress(p, i.direction, JA)) } }
        }
        div.chart-and-table {
            @if let Some(chart) = chart { figure { (chart) (chart::legend()) } }
            div.table-wrap {
                table.years {
                    caption { (name) "の年度別の値" @if !i.unit.is_empty() { "（単位：" (i.unit) "）" } }
                    thead { tr { th scope="col" { "年度" } th scope="col" { "目標値・中間目標" }
                        th scope="col" { "実績" } } }
                    tbody {
                        @for y in years {
                            tr {
                                th scope="row" { (year(y)) }
                                td.num { span.value { (year_target(series, y, s.period)) } }
                                td.num { @match series.actual(y) {
                                    Some(a) if a.provisional => { span.value { (number(a.value)) } "（速報値）" }
                                    Some(a) => span.value { (number(a.value)) },
                                    None => @if series.baseline.is_some() && chart::baseline_year(series, s.period) == y {
                                        span.value { (number(series.baseline.as_ref().map_or(0.0, |b| b.value))) } "（基準値）" }
                                        @else { "－" },
                                } }
                            }
                        }
                    }
                }
                @if assumed { p.note { "年度の記載がない基準値は計画期間の前年度、目標値は計画期間の最終年度のものとして示しています。" } }
            }
        }
    }
}

/// The target a year has in the table: its interim target, or the final target's value in its
/// due year.
fn year_target(series: &Series, y: crate::model::FiscalYear, period: crate::model::PlanPeriod) -> String {
    if let Some(v) = series.interim.iter().find(|v| v.year == y) {
        return number(v.value);
    }
    match (chart::target_year(series, period), series.target_value()) {
        (Some(due), Some(v)) if due == y => number(v),
        _ => "－".into(),
    }
}

/// The latest evaluated year of a measure the KPI belongs to, stage by stage (一次評価, 二次評価,
/// 外部評価), as towns' sheets put them side by side: the rating and the 成果・課題 (the
/// committee's 意見). Who and when are printed only where the list of what is published
/// (`model::publication::fields`) lets them through the public copy: it does not (the guide
/// tells the town an evaluation publishes its 成果, 課題 and rating).
fn last_evaluation(m: &Measure) -> Markup {
    let written = |e: &&crate::model::Evaluation| !e.outcomes.is_empty() || !e.issues.is_empty() || e.rating.is_some();
    let Some(latest) = m.evaluations.iter().filter(written).map(|e| e.fiscal_year).max() else {
        return html! {};
    };
    html! {
        h2 { "施策 " (m.number) " の評価（" (year(latest)) "）" }
        @for e in m.evaluations_of(latest).filter(|e| written(e)) {
            h3 { (stage_name(e.stage)) @if !e.by.is_empty() { "（" (e.by) "）" } }
            @if let Some(d) = &e.date { p { "評価日：" (d) } }
            @if let Some(r) = &e.rating { p { "評価：" (r) } }
            @if !e.outcomes.is_empty() {
                h4 { @if e.stage == EvaluationStage::External { "意見" } @else { "成果" } }
                (paragraphs(&e.outcomes))
            }
            @if !e.issues.is_empty() { h4 { "課題" } (paragraphs(&e.issues)) }
        }
    }
}

fn stage_name(stage: EvaluationStage) -> &'static str {
    match stage {
        EvaluationStage::External => "外部評価（有識者の意見）",
        other => other.japanese(),
    }
}

pub fn accessibility(cx: &Site) -> String {
    let main = html! {
        h1 { "アクセシビリティ" }
        h2 { "目標とする適合レベル" }
        p { "このページ群は、日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の適合レベルAAに準拠することを目標としています。" }
        h2 { "配慮していること" }
        ul {
            li { "すべてのグラフに、同じ値を示す表と、文章による説明を付けています。" }
            li { "状況は色だけでなく、記号（★ ● ▲ －）と言葉で示しています。" }
            li { "文字と背景のコントラスト比は 4.5:1 以上です。キーボードで操作でき、フォーカスの位置が見えます。" }
            li { "スクリプトを使っていません。" }
            li { "画面の幅が 320 ピクセルでも（1280 ピクセルの画面で 400% に拡大しても）、横に動かさずに読めます。列の多い表は、狭い画面では1行ずつ、各欄に見出しを付けて縦に並べます。施策体系図は、狭い画面では入れ子の箇条書きで示します。" }
        }
        h2 { "試験の方法" }
        p { "作成した " (cx.date) " に、作成ツール（しるべ）の自動試験で、すべてのページを axe-core（WCAG 2.1 の A・AA の基準）で確認し、違反がないことを確かめています。" }
        p { "自動試験で確かめられない項目（文章の分かりやすさなど）は、公開する団体が確認してください。" }
    };
    frame(cx, Depth::Top, "アクセシビリティ", &[("進捗状況", "index.html".into())], main)
}

pub fn data(cx: &Site) -> String {
    let licence = cx.s.publication.licence.trim();
    let main = html! {
        h1 { "オープンデータ" }
        p { "このページ群の数値を、機械判読に適した CSV 形式で公開しています。" }
        p { "文字コードは UTF-8 で、ファイルの先頭に BOM（EF BB BF の3バイト）を付けています（Excel で文字化けせずに開くためです）。BOM を読み飛ばさないプログラムで読むときは、先頭の3バイトを除くか、BOM 付きの UTF-8 として読んでください（例：Python では encoding=\"utf-8-sig\"）。" }
        p { "ライセンス：" @if licence.is_empty() { "記載なし（利用条件は団体にお問い合わせください）" } @else { (licence) } }
        p { "各ファイルの1列目は全国地方公共団体コード、2列目は団体名です。種類が「数値」の列には、数値だけを入れています（カンマや単位を付けず、空欄は値がないことを示します）。単位は列名または「単位」列に示します。年度は西暦と和暦の両方の列があります。「目標（計画の表記）」の列は、計画書の書き方のままの文字です。" }
        @for (file, what, columns) in super::open_data::DESCRIPTIONS {
            h2 { a href={ "data/" (file) } { (file) } }
            p { (what) }
            div.table-wrap { table {
                caption { (file) " の列" }
                thead { tr { th scope="col" { "列名" } th scope="col" { "種類" } th scope="col" { "内容" } } }
                tbody { @for (name, meaning) in *columns { tr {
                    th scope="row" { (name) }
                    td { @if super::open_data::NUMERIC.contains(name) { "数値" } @else { "文字" } }
                    td { (meaning) }
                } } }
            } }
        }
        h2 { a href="data/strategy.json" { "strategy.json" } }
        p { "戦略の全体（公開する項目のみ）を、しるべのファイル形式（JSON）で収めています。" }
    };
    frame(cx, Depth::Top, "オープンデータ", &[("進捗状況", "index.html".into())], main)
}
