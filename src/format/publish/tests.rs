//! The published folder read back as a resident's browser, a CSV reader and an auditor would:
//! every CSV value against the strategy, every byte searched for what must stay in, every link
//! followed, no script anywhere.

use super::page::latest_year;
use super::*;
use crate::model::{Evaluation, FiscalYear, Id, Initiative, InitiativeYear, Measure, Strategy};
use std::collections::BTreeMap;
use std::sync::Arc;

pub(super) const MADE_AT: &str = "2026-11-25T10:00:00Z";

/// 北本市 with measures: goal 1's measure has a KPI, an evaluation and an initiative with its
/// budgets; goal 2 is 非公開; one KPI is 非公開; internal notes carry a marker (「内部メモ」).
pub(super) fn kitamoto() -> Strategy {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    s.municipality.code = Some("112330".into());
    for (n, i) in s.indicators_mut().enumerate() {
        let base = i.series[0].baseline.as_ref().map_or(100.0, |b| b.value);
        i.series[0].actuals.push(crate::model::Actual::new(FiscalYear(2022), base + n as f64 * 1.5));
        let mut provisional = crate::model::Actual::new(FiscalYear(2023), base * 1.02 + 1234.0);
        provisional.provisional = true;
        provisional.comment = "内部メモ 速報の出どころ".into();
        i.series[0].actuals.push(provisional);
    }
    let kpi = s.indicators[0].id.clone();
    let mut initiative = Initiative::new("1", "空き家バンク");
    let mut year = InitiativeYear::new(FiscalYear(2023));
    (year.budget, year.settled) = (Some(1200), Some(1180));
    initiative.years.push(year);
    let mut measure = Measure::new("1-1", "移住の促進");
    measure.kpis.push(kpi);
    measure.initiatives.push(Arc::new(initiative));
    let mut e = Evaluation::new(FiscalYear(2023));
    e.outcomes = "転入が増えた。".into();
    e.notes = "内部メモ：課長に確認".into();
    measure.evaluations.push(e);
    let g0 = s.goals[0].id.clone();
    s.goal_mut(&g0).unwrap().measures.push(Arc::new(measure));
    let hidden_goal = s.goals[1].id.clone();
    s.goal_mut(&hidden_goal).unwrap().title = "内部メモ 非公開の目標".into();
    s.publication_mut().set_hidden(&hidden_goal, true);
    let hidden_kpi = s.goals[0].targets[1].clone();
    s.indicator_mut(&hidden_kpi).unwrap().name = "内部メモ 非公開の指標".into();
    s.publication_mut().set_hidden(&hidden_kpi, true);
    s.indicators_mut().for_each(|i| i.notes = "内部メモ 備考".into());
    s.workshops.push(crate::model::WorkshopSession::new("内部メモ ワークショップ", "2024-06-01"));
    s.publication_mut().site_url = "https://www.city.kitamoto.lg.jp/".into();
    s.publication_mut().licence = "CC BY 4.0".into();
    s
}

pub(super) fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[test]
fn every_csv_reads_back_with_its_described_header_and_the_town_first() {
    let s = kitamoto();
    let f = published_site(&s, MADE_AT);
    for (name, _, columns) in open_data::DESCRIPTIONS {
        let file = f.file(&format!("data/{name}")).unwrap_or_else(|| panic!("{name}"));
        assert!(file.bytes.starts_with("\u{feff}".as_bytes()), "{name}: BOM");
        let rows = read_csv(&file.bytes);
        let header: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        assert_eq!(rows[0].iter().map(|c| c.trim_start_matches('\u{feff}')).collect::<Vec<_>>(), header, "{name}");
        assert!(rows.len() > 1, "{name} has rows");
        for row in &rows[1..] {
            assert_eq!(row.len(), header.len(), "{name}: {row:?}");
            assert_eq!((row[0].as_str(), row[1].as_str()), ("112330", "北本市"), "{name}");
        }
    }
}

#[test]
fn every_yearly_value_of_the_open_data_is_the_strategys_and_every_one_is_there() {
    let s = kitamoto();
    let public = crate::model::public_copy(&s);
    let f = published_site(&s, MADE_AT);
    let rows = read_csv(&f.file("data/indicator_values.csv").unwrap().bytes);
    let col = |name: &str| rows[0].iter().position(|c| c.trim_start_matches('\u{feff}') == name).unwrap();
    let (id, label, west, wareki, kind, value) =
        (col("指標ID"), col("内訳"), col("年度（西暦）"), col("年度（和暦）"), col("区分"), col("値"));
    let mut from_csv: BTreeMap<(String, String, i32, String), f64> = BTreeMap::new();
    for r in &rows[1..] {
        let year: i32 = r[west].parse().unwrap();
        assert_eq!(r[wareki], FiscalYear(year).japanese());
        assert!(!r[value].contains(',') && r[value].parse::<f64>().is_ok(), "{:?}", r[value]);
        from_csv.insert((r[id].clone(), r[label].clone(), year, r[kind].clone()), r[value].parse().unwrap());
    }
    let mut expected = BTreeMap::new();
    for i in &public.indicators {
        for x in &i.series {
            for a in &x.actuals {
                expected.insert((i.id.0.clone(), x.label.clone(), a.year.0, "実績".to_owned()), a.value);
            }
            if let Some(b) = x.baseline.as_ref().filter(|b| b.year.is_some()) {
                expected.insert((i.id.0.clone(), x.label.clone(), b.year.unwrap().0, "基準値".to_owned()), b.value);
            }
        }
    }
    for (key, v) in &expected {
        assert_eq!(from_csv.get(key), Some(v), "{key:?}");
    }
    let actuals = from_csv.keys().filter(|k| k.3 == "実績" || k.3 == "基準値").count();
    assert_eq!(actuals, expected.len(), "no value the strategy does not hold");
    let budgets = read_csv(&f.file("data/budgets.csv").unwrap().bytes);
    assert_eq!(budgets[1][7..].to_vec(), vec!["2023", "令和5年度", "1200", "1180"]);
}

#[test]
fn nothing_hidden_and_no_internal_note_is_in_any_byte_of_the_folder_or_its_zip() {
    let s = kitamoto();
    let f = published_site(&s, MADE_AT);
    let zipped = zip(&f, MADE_AT).unwrap();
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
    assert_eq!(archive.len(), f.files.len());
    for n in 0..archive.len() {
        let mut entry = archive.by_index(n).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        let path = entry.name().unwrap().strip_prefix("kpi-2026-11-25/").unwrap().to_owned();
        assert_eq!(f.file(&path).unwrap().bytes, bytes, "{path}");
    }
    let hidden: Vec<&Id> = s.publication.hidden.iter().collect();
    for file in &f.files {
        let text = String::from_utf8_lossy(&file.bytes);
        for marker in ["内部メモ", "課長に確認", "ワークショップ"] {
            assert!(!text.contains(marker), "{} holds {marker}", file.path);
        }
        for id in &hidden {
            assert!(!text.contains(id.as_str()), "{} names hidden {id:?}", file.path);
        }
    }
    assert!(f.files.iter().any(|x| String::from_utf8_lossy(&x.bytes).contains("転入が増えた")), "the 成果 goes out");
}

/// Every `href="…"` and `src="…"` of an HTML text.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            out.push(rest[..rest.find('"').unwrap()].to_owned());
        }
    }
    out
}

/// `link` followed from the file at `from`, within the folder ("a/../b" → "b").
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in link.split('#').next().unwrap().split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn pages_have_no_script_and_every_link_is_relative_and_resolves() {
    let mut s = kitamoto();
    let g0 = s.goals[0].id.clone();
    s.goal_mut(&g0).unwrap().title = "<script>alert(1)</script><img src=x onerror=alert(1)>".into();
    s.publication_mut().set_highlight(&g0, "<a href=\"javascript:alert(1)\">x</a>");
    let f = published_site(&s, MADE_AT);
    let pages: Vec<&PublishedFile> = f.files.iter().filter(|x| x.path.ends_with(".html")).collect();
    assert!(pages.len() >= 4 + s.indicators.len() - 1);
    for page in &pages {
        let html = String::from_utf8(page.bytes.clone()).unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{}", page.path);
        assert_eq!(event_attributes(&html), Vec::<String>::new(), "{}", page.path);
        assert!(!lower.contains("href=\"javascript:"), "{}", page.path);
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"ja\">"), "{}", page.path);
        assert_eq!(html.matches("<h1>").count(), 1, "{}", page.path);
        assert_headings_in_order(&page.path, &html);
        for link in links(&html) {
            if link == "https://www.city.kitamoto.lg.jp/" || link.starts_with('#') {
                continue;
            }
            assert!(!link.contains("://") && !link.starts_with('/'), "{}: {link}", page.path);
            let target = resolve(&page.path, &link);
            assert!(f.file(&target).is_some(), "{} → {link} ({target})", page.path);
        }
    }
    let index = String::from_utf8(f.file("index.html").unwrap().bytes.clone()).unwrap();
    assert!(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is text, escaped");
}

/// The `on…=` attributes of every tag. Text is escaped (`&lt;`), so every `<` opens a tag.
fn event_attributes(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter_map(|tag| tag.split('>').next())
        .flat_map(|tag| tag.split_whitespace().skip(1))
        .filter(|attr| attr.to_lowercase().starts_with("on") && attr.contains('='))
        .map(str::to_owned)
        .collect()
}

#[test]
fn an_event_attribute_would_be_found() {
    assert_eq!(event_attributes("<p>a onclick=b</p><img src=x onerror=alert(1)>"), vec!["onerror=alert(1)"]);
}

fn assert_headings_in_order(path: &str, html: &str) {
    let mut last = 0;
    for (at, _) in html.match_indices("<h") {
        let Some(level) = html[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else { continue };
        assert!(level <= last + 1, "{path}: h{level} after h{last}");
        last = level;
    }
}

#[test]
fn a_kpi_page_shows_each_actual_its_status_in_words_and_the_year_it_is_as_of() {
    let s = kitamoto();
    let public = crate::model::public_copy(&s);
    let f = published_site(&s, MADE_AT);
    let latest = latest_year(&public).unwrap();
    for i in &public.indicators {
        let page = String::from_utf8(f.file(&page::kpi_path(&i.id)).unwrap().bytes.clone()).unwrap();
        assert!(page.contains(&format!("{}までの実績を掲載しています", page::year(latest))));
        for x in &i.series {
            for a in &x.actuals {
                let cell = format!("<th scope=\"row\">{}</th>", page::year(a.year));
                let row = &page[page.find(&cell).unwrap_or_else(|| panic!("{} {:?}", i.name, a.year))..];
                let row = &row[..row.find("</tr>").unwrap()];
                assert!(row.contains(&crate::locale::number(a.value)), "{}: {row}", i.name);
            }
            let status = crate::model::assess(x, public.context_of(i)).status;
            assert!(page.contains(&page::status(status)), "{}", i.name);
        }
        assert!(page.contains("<svg") == i.series.iter().any(|x| !x.actuals.is_empty() || x.baseline.is_some()));
    }
}

#[test]
fn the_folder_for_kitamoto_is_under_a_megabyte_and_the_same_each_time() {
    let s = kitamoto();
    let f = published_site(&s, MADE_AT);
    assert!(f.bytes() < 1_000_000, "{} bytes", f.bytes());
    assert_eq!(zip(&f, MADE_AT).unwrap(), zip(&published_site(&s, MADE_AT), MADE_AT).unwrap());
}

#[test]
fn a_link_back_is_written_only_for_a_web_address() {
    let mut s = kitamoto();
    s.publication_mut().site_url = "javascript:alert(1)".into();
    let index = String::from_utf8(published_site(&s, MADE_AT).file("index.html").unwrap().bytes.clone()).unwrap();
    assert!(!index.contains("のホームページへ") && !index.contains("javascript"));
}

#[test]
fn the_outline_lists_what_stays_in() {
    let s = kitamoto();
    let o = outline(&s);
    let kinds: Vec<_> = o.withheld.iter().map(|w| (w.kind, w.title.as_str())).collect();
    assert!(kinds.contains(&(crate::model::merge::Kind::Goal, "内部メモ 非公開の目標")));
    assert!(kinds.contains(&(crate::model::merge::Kind::Indicator, "内部メモ 非公開の指標")));
    assert_eq!(o.published.goals, s.goals.len() - 1);
    // The preview counts exactly what the folder is made from.
    assert_eq!(o.published, crate::model::public_copy(&s).counts());
}

#[test]
fn a_draft_of_the_years_highlights_takes_the_outcomes_and_the_kpis_that_moved() {
    let s = kitamoto();
    let goal = &s.goals[0];
    let draft = draft_highlight(&s, goal);
    assert!(draft.starts_with("転入が増えた。"), "{draft}");
    assert!(draft.lines().count() <= DRAFT_LINES);
}

#[test]
fn a_kpi_page_shows_its_measures_evaluation_stage_by_stage_with_only_what_the_list_publishes() {
    use crate::model::EvaluationStage;
    let mut s = kitamoto();
    let measure = s.goals[0].measures[0].id.clone();
    let m = s.measure_mut(&measure).unwrap();
    m.edit_evaluation(FiscalYear(2023), EvaluationStage::Second, |e| {
        (e.by, e.rating, e.outcomes, e.notes) =
            ("内部メモ 推進本部".into(), Some("B".into()), "移住相談が倍増".into(), "内部メモ 二次".into());
        (e.improvements, e.next_plan, e.date) =
            ("内部メモ 改善点".into(), "内部メモ 次年度".into(), Some("2024-07-31".into()));
    });
    m.edit_evaluation(FiscalYear(2023), EvaluationStage::External, |e| {
        (e.by, e.outcomes, e.issues) = ("内部メモ 有識者会議".into(), "情報発信を強めるべき".into(), "担い手".into());
    });
    let kpi = s.goals[0].measures[0].kpis[0].clone();
    let f = published_site(&s, MADE_AT);
    let page = String::from_utf8(f.file(&page::kpi_path(&kpi)).unwrap().bytes.clone()).unwrap();
    let at = |text: &str| page.find(text).unwrap_or_else(|| panic!("{text} is on the page"));
    assert!(at("一次評価") < at("二次評価") && at("二次評価") < at("外部評価（有識者の意見）"));
    assert!(at("移住相談が倍増") < at("<h4>意見</h4>") && at("<h4>意見</h4>") < at("情報発信を強めるべき"));
    assert!(at("評価：B") < at("<h4>課題</h4>"));
    // 評価は「成果」「課題」と評価の記号だけ: no 改善点, 次年度実施計画, 補足, 評価者 or 評価日.
    assert!(!page.contains("内部メモ") && !page.contains("評価日") && !page.contains("2024-07-31"));
    for file in &f.files {
        assert!(!String::from_utf8_lossy(&file.bytes).contains("内部メモ"), "{}", file.path);
    }
    // The town's own words come first in the draft: the 二次評価's, not the committee's opinion.
    assert!(draft_highlight(&s, &s.goals[0]).starts_with("移住相談が倍増"), "{}", draft_highlight(&s, &s.goals[0]));
}

#[test]
fn the_index_explains_the_towns_rating_rule_as_a_table_of_its_labels() {
    let mut s = kitamoto();
    s.rating_rule = crate::model::RatingPreset::Marks.rule();
    let f = published_site(&s, MADE_AT);
    let index = f.files.iter().find(|x| x.path.ends_with("index.html") && !x.path.contains('/')).unwrap();
    let html = String::from_utf8(index.bytes.clone()).unwrap();
    let row = |label: &str, share: &str| format!("<tr><th scope=\"row\">{label}</th><td>{share}</td></tr>");
    for (label, share) in
        [("◎", "100%以上"), ("○", "80%以上100%未満"), ("△", "50%以上80%未満"), ("×", "50%未満"), ("−", "実績がない")]
    {
        assert!(html.contains(&row(label, share)), "no row {label} {share} in the index's 評価の基準");
    }
    assert!(html.contains("<caption>評価の基準</caption>") && html.contains("<caption>状況の表し方</caption>"));
    // Another town's labels make other rows: the table is the town's rule, not a fixed text.
    s.rating_rule = crate::model::RatingPreset::Sabc.rule();
    let f = published_site(&s, MADE_AT);
    let index = f.files.iter().find(|x| x.path.ends_with("index.html") && !x.path.contains('/')).unwrap();
    let html = String::from_utf8(index.bytes.clone()).unwrap();
    assert!(html.contains(&row("S", "120%以上")) && html.contains(&row("A", "100%以上120%未満")));
    assert!(!html.contains(&row("◎", "100%以上")));
}

/// Every key of `value`, the JSON of a `ty`, is one the list publishes, at every depth.
fn assert_only_published(value: &serde_json::Value, ty: &str, path: &str) {
    use crate::model::publication::fields::{is_published, type_named};
    match value {
        serde_json::Value::Array(items) => {
            items.iter().enumerate().for_each(|(n, v)| assert_only_published(v, ty, &format!("{path}[{n}]")))
        }
        serde_json::Value::Object(map) => {
            let Some(t) = type_named(ty) else { return };
            for (key, inner) in map {
                assert!(is_published(ty, key), "{path}.{key} ({ty}) is not published");
                if let Some(held) = t.fields.iter().find(|f| f.name == key).and_then(|f| f.holds) {
                    assert_only_published(inner, held, &format!("{path}.{key}"));
                }
            }
        }
        _ => {}
    }
}

#[test]
fn the_public_json_holds_only_what_the_list_publishes_and_reads_back_as_the_public_copy() {
    use crate::model::round::{Ask, Round};
    use crate::model::{EvaluationStage, Verdict};
    let mut s = kitamoto();
    let measure = s.goals[0].measures[0].id.clone();
    s.measure_mut(&measure).unwrap().edit_evaluation(FiscalYear(2023), EvaluationStage::First, |e| {
        (e.rating, e.issues, e.improvements, e.next_plan) =
            (Some("B".into()), "担い手の不足".into(), "内部メモ 改善点".into(), "内部メモ 次年度".into());
        (e.by, e.date) = ("内部メモ 企画課".into(), Some("2024-07-31".into()));
    });
    let i = s.indicators[0].id.clone();
    let indicator = s.indicator_mut(&i).unwrap();
    indicator.verdicts.push(Verdict {
        year: FiscalYear(2023),
        verdict: "内部メモ 達成".into(),
        comment: "内部メモ".into(),
    });
    indicator.set_analysis(FiscalYear(2023), "内部メモ 要因分析");
    s.open_round(Round::new(FiscalYear(2023), &[Ask::KpiActuals], "内部メモ 田中", "2024-05-01")).unwrap();
    // Fields this version does not know stay in too.
    let mut value = serde_json::to_value(&s).unwrap();
    value["later_field"] = "内部メモ".into();
    value["goals"][0]["later_field"] = "内部メモ".into();
    let s = Strategy::from_value(value).unwrap();

    let f = published_site(&s, MADE_AT);
    let text = String::from_utf8(f.file("data/strategy.json").unwrap().bytes.clone()).unwrap();
    assert!(!text.contains("内部メモ") && !text.contains("2024-07-31"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_only_published(&json["strategy"], crate::model::publication::fields::ROOT, "strategy");
    let evaluation = &json["strategy"]["goals"][0]["measures"][0]["evaluations"][0];
    assert_eq!((evaluation["rating"].as_str(), evaluation["issues"].as_str()), (Some("B"), Some("担い手の不足")));
    assert!(evaluation.get("improvements").is_none() && evaluation.get("notes").is_none());
    let back = crate::format::import(&text).unwrap().strategy;
    assert_eq!(back, crate::model::public_copy(&s), "the public JSON is the public copy");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]
    /// Any strategy (unknown fields, a schedule, evaluations by stage among it): its public JSON
    /// holds only what the list publishes and reads back as its public copy, which is valid.
    #[test]
    fn any_strategys_public_json_is_its_public_copy_of_published_fields(s in crate::format::proptests::strategy()) {
        let f = published_site(&s, MADE_AT);
        let text = String::from_utf8(f.file("data/strategy.json").unwrap().bytes.clone()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_only_published(&json["strategy"], crate::model::publication::fields::ROOT, "strategy");
        let public = crate::model::public_copy(&s);
        proptest::prop_assert_eq!(crate::format::import(&text).unwrap().strategy, public.clone());
        proptest::prop_assert!(public.schedule.is_empty() && public.unknown.is_empty());
        let errors = crate::model::validate(&public).into_iter().filter(|p| p.severity() == crate::model::Severity::Error);
        proptest::prop_assert_eq!(errors.count(), 0);
    }
}

#[test]
fn the_index_draws_the_measure_tree_as_named_svg_without_the_hidden_goal() {
    let s = kitamoto();
    let index = String::from_utf8(published_site(&s, MADE_AT).file("index.html").unwrap().bytes.clone()).unwrap();
    let tree = &index[index.find("<h2 id=\"measure-tree\">施策体系図</h2>").expect("the tree's heading")..];
    let tree = &tree[..tree.find("</section>").unwrap()];
    let shown = s.goals.len() - 1;
    assert_eq!(tree.matches("<svg").count(), shown, "a figure per public goal");
    assert_eq!(tree.matches(r#"role="img""#).count(), shown);
    assert_eq!(tree.matches("<title id=\"tree").count(), shown);
    assert!(tree.contains(">1-1　移住の促進</text>"), "{tree}");
    assert!(tree.contains("<desc id=\"tree1-desc\">"), "described in words");
    assert!(!tree.contains("内部メモ"));
}
