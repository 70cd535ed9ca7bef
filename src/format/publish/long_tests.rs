//! The public pages with every field they show at its longest, the fixture of the phone's checks:
//! [`longest`] is 北本市 with a long town and strategy name, long goal, measure, initiative and
//! indicator names and units, a 出典 address of 100 characters, a KPI in every status with its
//! year note (「▲ 遅れ（令和元年度（2019年度）の実績による）」), a year table of 12 years with
//! eight-digit values and 速報値, three stages of evaluation and opinions with long places and
//! answers. It is written to `tests/e2e/long-values.json`, which `tests/e2e/phone.spec.ts`
//! imports into the app, publishes and reads at 320 and 375 px (`UPDATE_EXPECT=1 cargo test
//! long_values` rewrites it); here, each long value is checked to be on its page, in markup the
//! stylesheet lets wrap.

use super::tests::MADE_AT;
use super::*;
use crate::model::hearing::TownAnswer;
use crate::model::{
    Actual, Baseline, DraftingStage, Evaluation, EvaluationStage, FiscalYear, Hearing, HearingBody, Id, Initiative,
    Measure, Opinion, OpinionAbout, PlanPeriod, Response, Series, Strategy, Target,
};
use std::sync::Arc;

const FILE: &str = "tests/e2e/long-values.json";

pub(super) const TOWN: &str = "北海道上川郡東神楽町（ひがしかぐらちょう）";
pub(super) const TITLE: &str = "第3期東神楽町まち・ひと・しごと創生総合戦略（デジタル田園都市国家構想総合戦略）改訂版";
pub(super) const GOAL: &str =
    "結婚・出産・子育ての希望をかなえ、誰もが生涯にわたって安心して暮らし続けられる持続可能なまちをつくる";
pub(super) const MEASURE: &str =
    "妊娠期から子育て期までの切れ目のない相談・支援体制と子育て世帯の経済的負担の軽減を一体的に進める取組の推進";
pub(super) const UNIT: &str = "人（住民基本台帳に基づく各年度末時点の外国人住民を含む総数）";
pub(super) const SOURCE: &str =
    "https://www.town.higashikagura.lg.jp/soshiki/kikakuzaisei/toukei/jinkou/R06_juuminkihondaichou_jinkou_setai_nenpou.xlsx";
pub(super) const PLACE: &str = "第3章 基本目標1 施策1-1 具体的な取組（2）子育て世帯への経済的支援（p.28〜p.31）";
/// Eight digits and a decimal: the widest number a year table holds.
const BIG: f64 = 12_345_678.5;

/// A series with `actuals` (year, value), baseline 100 in 2018 and target 200 in 2029.
fn series(label: &str, actuals: &[(i32, f64)]) -> Series {
    let mut s = Series::new(label);
    s.baseline = Some(Baseline { value: 100.0, year: Some(FiscalYear(2018)) });
    s.target = Some(Target::Value { value: 200.0, year: Some(FiscalYear(2029)) });
    s.actuals = actuals.iter().map(|&(y, v)| Actual::new(FiscalYear(y), v)).collect();
    s
}

/// 北本市 with every field the public pages show at its longest (see the module doc).
pub(super) fn longest() -> Strategy {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    s.id = Id::from("strategy-10e9000000000000000000000000000a");
    (s.title, s.municipality.name) = (TITLE.into(), TOWN.into());
    s.period = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2029) };
    // Goal 1's two numerical targets and four more: one in each status, a year table of 12 years.
    let ids: Vec<Id> = s.indicators.iter().map(|i| i.id.clone()).collect();
    let ten_years: Vec<(i32, f64)> = (2019..=2028).map(|y| (y, 100.0 + f64::from(y - 2018) * 11.0)).collect();
    let kinds: [(&str, Vec<(i32, f64)>); 4] = [
        ("", ten_years),
        ("転入者のうち子育て世帯（18歳未満の子どもがいる世帯）", vec![(2019, 100.0)]),
        ("", vec![(2019, 120.0)]),
        ("", vec![]),
    ];
    for (k, (label, actuals)) in kinds.into_iter().enumerate() {
        let i = s.indicator_mut(&ids[k]).unwrap();
        i.name = format!("合計特殊出生率の向上に向けた子育て世代の転入超過数と出生数の推移（指標{}）", k + 1);
        (i.unit, i.source) = (UNIT.into(), SOURCE.into());
        i.series = vec![series(label, &actuals)];
        if k == 0 {
            let mut provisional = Actual::new(FiscalYear(2028), BIG);
            provisional.provisional = true;
            i.series[0].actuals.retain(|a| a.year != FiscalYear(2028));
            i.series[0].actuals.push(provisional);
        }
    }
    let mut measure = Measure::new("1-1", MEASURE);
    measure.priority = true;
    measure.summary = format!("{MEASURE}。{MEASURE}。");
    measure.kpis = ids[..4].to_vec();
    for n in 1..=3 {
        let title = format!("子育て世帯の住宅取得・リフォーム・家賃に対する補助と移住相談窓口の一体的な運営（{n}）");
        measure.initiatives.push(Arc::new(Initiative::new(&format!("1-1-{n}"), &title)));
    }
    for stage in EvaluationStage::ALL {
        let mut e = Evaluation::at(FiscalYear(2028), stage);
        e.rating = Some("B".into());
        e.outcomes = format!("{MEASURE}により、転入者数は目標を上回ったが、出生数は減少が続いている。");
        e.issues = "子育て世帯の転出超過が続く地区があり、地区ごとの原因の分析が必要である。".into();
        e.by = "東神楽町まち・ひと・しごと創生総合戦略推進有識者会議（外部評価委員会）".into();
        e.date = Some("2029-08-31".into());
        measure.evaluations.push(e);
    }
    let g0 = s.goals[0].id.clone();
    let goal = s.goal_mut(&g0).unwrap();
    (goal.title, goal.subtitle) = (GOAL.into(), format!("～{GOAL}～"));
    goal.targets = ids[..2].to_vec();
    goal.measures.push(Arc::new(measure));
    s.publication_mut().set_highlight(&g0, &format!("「{}」は令和9年度に増えました。", MEASURE));
    s.publication_mut().site_url = "https://www.town.higashikagura.lg.jp/".into();
    s.publication_mut().licence = "クリエイティブ・コモンズ 表示 4.0 国際 ライセンス（CC BY 4.0）".into();
    s.publication_mut().header = format!("{TOWN} 企画総務課 まちづくり推進係");
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, "令和8年12月"));
    for (k, text) in
        ["子育て支援の充実を求める", "保育所の待機児童をなくしてほしい", "公園を増やしてほしい"].iter().enumerate()
    {
        let mut o =
            Opinion::new(&h, &format!("{text}。{MEASURE}について、地区ごとの状況を踏まえた取組をお願いします。"));
        o.place = PLACE.into();
        if k == 1 {
            o.about = OpinionAbout::Goal(g0.clone()); // 該当箇所: the goal's number and name
        }
        let id = s.add_opinion(o).unwrap();
        let response = [Response::Revise, Response::AsDrafted, Response::Reference][k];
        let answer = TownAnswer {
            answer: format!("ご意見を踏まえ、{MEASURE}に地区ごとの取組を追記します。"),
            response: Some(response),
            change: None,
        };
        s.answer_opinion(&id, &answer);
    }
    s
}

/// The file `longest()` exports to, its random ids made steady (numbered in the order they
/// first appear), so that the file changes only when the fixture does.
fn file_text() -> String {
    let text = crate::format::envelope::export(&longest(), MADE_AT);
    let known = crate::examples::by_key("kitamoto").unwrap().file;
    let mut out = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find(|c: char| c.is_ascii_hexdigit()) {
        let run = rest[at..].find(|c: char| !c.is_ascii_hexdigit()).map_or(rest.len() - at, |n| n);
        let word = &rest[at..at + run];
        let is_id = run == 32 && rest[..at].ends_with('-') && !known.contains(word) && !word.starts_with("10e9");
        out.push_str(&rest[..at]);
        if is_id {
            let n = seen.iter().position(|w| w == word).unwrap_or_else(|| {
                seen.push(word.to_owned());
                seen.len() - 1
            });
            out.push_str(&format!("{:032x}", n + 1));
        } else {
            out.push_str(word);
        }
        rest = &rest[at + run..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_long_values_file_is_up_to_date_and_imports() {
    let text = file_text();
    let back = crate::format::import(&text).expect("the fixture imports").strategy;
    assert_eq!(back.title, TITLE);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == text, "{FILE} is out of date: run `UPDATE_EXPECT=1 cargo test long_values` and commit it");
}

fn page_text(site: &PublishedSite, path: &str) -> String {
    String::from_utf8(site.file(path).unwrap_or_else(|| panic!("{path}")).bytes.clone()).unwrap()
}

#[test]
fn every_long_value_is_on_its_page_and_only_a_status_word_keeps_to_one_line() {
    let s = longest();
    let site = published_site(&s, MADE_AT);
    let g0 = &s.goals[0];
    let goal = page_text(&site, &page::goal_path(g0));
    for expected in [GOAL, MEASURE, "（重点施策）", "<td data-label=\"最新の実績\">"] {
        assert!(goal.contains(expected), "the goal page holds {expected}");
    }
    let notes = [
        ("achieved", "★ 達成", "令和10年度（2028年度）"),
        ("behind", "▲ 遅れ", "令和元年度（2019年度）"),
        ("on_track", "● 順調", "令和元年度（2019年度）"),
    ];
    for (k, (class, word, year)) in notes.iter().enumerate() {
        let kpi = page_text(&site, &page::kpi_path(&s.indicators[k].id));
        let line = format!("<dd class=\"{class}\"><span class=\"status\">{word}</span>（{year}の実績による）</dd>");
        assert!(kpi.contains(&line), "KPI {}: {line}", k + 1);
        assert!(kpi.contains(SOURCE) && kpi.contains(UNIT) && kpi.contains(GOAL), "KPI {}", k + 1);
    }
    let years = page_text(&site, &page::kpi_path(&s.indicators[0].id));
    assert_eq!(years.matches("年度）</th><td class=\"num\">").count(), 12, "baseline 2018, ten actuals, target 2029");
    assert!(years.contains("<span class=\"value\">12,345,678.5</span>（速報値）"));
    let opinions = page_text(&site, super::opinions::PATH);
    assert!(opinions.contains(&format!("<td data-label=\"該当箇所\">{PLACE}</td>")));
    let index = page_text(&site, "index.html");
    assert!(index.contains("<ul class=\"tree-list\">"), "the tree as lists for a narrow screen");
    assert!(index.contains(&format!("<li>施策 1-1 {MEASURE}<ul><li>1-1-1 ")));
}
