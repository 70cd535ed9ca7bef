//! The strategy's hierarchy as a sunburst: goals (inner ring) → measures → initiatives (outer
//! ring). Every node carries its entity's `id` (and `kind`: "goal" / "measure" /
//! "initiative"), so the UI can open it from a click (`params.data.id`).

use crate::charts::common::{colour, goal_label, measure_label, numbered};
use crate::charts::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::Strategy;
use charming::element::{Emphasis, EmphasisFocus, ItemStyle, Label};
use charming::series::{Sunburst, SunburstLevel, SunburstNode};
use charming::Chart;
use serde_json::{json, Value};

/// The sunburst of goals → measures → own initiatives (re-listings are not repeated). A node's
/// value is its number of initiatives, at least 1, so an empty measure or goal still shows.
pub fn hierarchy(s: &Strategy, w: Words) -> Figure {
    let total: f64 = s.goals.iter().map(|g| goal_value(g) as f64).sum::<f64>().max(1.0);
    let mut nodes = Vec::new();
    let mut ids = Vec::new();
    let mut rows = Vec::new();
    for (n, goal) in s.goals.iter().enumerate() {
        let mut measures = Vec::new();
        let mut measure_ids = Vec::new();
        for m in &goal.measures {
            let initiatives: Vec<SunburstNode> = m
                .initiatives
                .iter()
                .map(|i| SunburstNode::new(numbered(&i.number, &i.title)).value(1.0).item_style(shade(n, 0.5)))
                .collect();
            let initiative_ids: Vec<Value> =
                m.initiatives.iter().map(|i| node_id(i.id.as_str(), "initiative", Vec::new())).collect();
            let share = initiatives.len().max(1) as f64 / total;
            measures.push(
                SunburstNode::new(measure_label(m))
                    .value(initiatives.len().max(1) as f64)
                    .item_style(shade(n, 0.75))
                    .children(initiatives),
            );
            let node = node_id(m.id.as_str(), "measure", initiative_ids);
            measure_ids.push(label_shown_if(node, fits(&measure_label(m), MEASURE_RING, share)));
        }
        let initiatives: usize = goal.measures.iter().map(|m| m.initiatives.len()).sum();
        let value = goal_value(goal);
        let label = goal_label(goal, w.lang);
        nodes.push(SunburstNode::new(label.clone()).value(value as f64).item_style(shade(n, 1.0)).children(measures));
        ids.push(label_shown_if(
            node_id(goal.id.as_str(), "goal", measure_ids),
            fits(&label, GOAL_RING, value as f64 / total),
        ));
        rows.push(vec![label, locale::number(goal.measures.len() as f64), locale::number(initiatives as f64)]);
    }
    let counts = s.counts();
    rows.push(vec![
        tr(w.lang, "計", "Total").to_owned(),
        locale::number(counts.measures as f64),
        locale::number(counts.initiatives as f64),
    ]);
    let levels = vec![
        SunburstLevel::new(),
        SunburstLevel::new().r0("12%").r("42%"),
        SunburstLevel::new().r0("42%").r("72%"),
        SunburstLevel::new().r0("72%").r("80%").label(Label::new().show(false)),
    ];
    let series = Sunburst::new()
        .name(tr(w.lang, "目標・施策・事業", "Goals, measures, initiatives"))
        .radius(("0%", "80%"))
        .emphasis(Emphasis::new().focus(EmphasisFocus::Ancestor))
        .levels(levels)
        .data(nodes);
    let chart = Chart::new().tooltip(crate::charts::common::item_tooltip()).series(series);
    let columns =
        vec![tr(w.lang, "目標", "Goal"), tr(w.lang, "施策数", "Measures"), tr(w.lang, "事業数", "Initiatives")];
    let table = Table { columns: columns.into_iter().map(str::to_owned).collect(), rows };
    let summary = match w.lang {
        Language::Ja => format!("目標{}件, 施策{}件, 事業{}件", counts.goals, counts.measures, counts.initiatives),
        Language::En => {
            format!("{} goals, {} measures, {} initiatives", counts.goals, counts.measures, counts.initiatives)
        }
    };
    let name = tr(w.lang, "目標・施策・事業の構成", "Goals, measures and initiatives").to_owned();
    // Labels wrap within the ring's width; a label that would not fit its part is left out
    // (`fits`), never cut (tooltips and the table keep whole names).
    let ring = json!({ "label": { "width": LABEL_WIDTH, "overflow": "breakAll", "minAngle": 4 } });
    let patch = json!({ "series": [{ "data": ids, "levels": [null, ring, ring] }] });
    Figure { chart, name, summary, table, patch }
}

/// A goal's value in the sunburst: its measures' initiatives, each measure at least 1.
fn goal_value(goal: &crate::model::Goal) -> usize {
    goal.measures.iter().map(|m| m.initiatives.len().max(1)).sum::<usize>().max(1)
}

/// The geometry the dashboard draws the sunburst at (a 440 px high canvas, `style/main.css`;
/// radius 80 % of half of it = 176 px): a ring's inner and outer radius in px, from `levels`.
const GOAL_RING: (f64, f64) = (0.12 * 220.0, 0.42 * 220.0);
const MEASURE_RING: (f64, f64) = (0.42 * 220.0, 0.72 * 220.0);
/// A label's line length: the ring's thickness less a little padding.
const LABEL_WIDTH: f64 = 60.0;
/// ECharts' default label font is 12 px; a line is about 14 px high.
const LINE_HEIGHT: f64 = 14.0;

/// The width of a text at 12 px: full-width (CJK) characters 12 px, others about 7 px.
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if (c as u32) < 0x1100 { 7.0 } else { 12.0 }).sum()
}

/// Whether a label wrapped to the ring's width fits the arc of a part taking `share` of the
/// circle (radial labels stack their lines along the arc, measured at the ring's middle).
fn fits(label: &str, ring: (f64, f64), share: f64) -> bool {
    let lines = (text_width(label) / LABEL_WIDTH).ceil().max(1.0);
    let arc = share * std::f64::consts::TAU * (ring.0 + ring.1) / 2.0;
    lines * LINE_HEIGHT + 4.0 <= arc
}

/// The n-th goal's colour (as in the other charts), paler on outer rings. Every node has its
/// colour set, since ECharts would otherwise pick its own palette for the outer rings.
fn shade(n: usize, opacity: f64) -> ItemStyle {
    ItemStyle::new().color(colour(n)).opacity(opacity)
}

/// The patch of one node: its id and kind, and its children's (no `children` key for a leaf).
fn node_id(id: &str, kind: &str, children: Vec<Value>) -> Value {
    let mut node = json!({ "id": id, "kind": kind });
    if !children.is_empty() {
        node["children"] = Value::Array(children);
    }
    node
}

/// A node's patch with its label hidden when it does not fit.
fn label_shown_if(mut node: Value, label_fits: bool) -> Value {
    if !label_fits {
        node["label"] = json!({ "show": false });
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::{FiscalYear, GoalKind, Initiative, PlanPeriod};

    /// Goal 1 (title XSS) with a measure of 2 initiatives and an empty measure; goal 2 empty.
    fn strategy() -> Strategy {
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let g1 = s.add_goal(GoalKind::Basic);
        s.add_goal(GoalKind::CrossCutting);
        s.goal_mut(&g1).unwrap().title = XSS.into();
        let m1 = s.add_measure(&g1).unwrap();
        s.add_measure(&g1).unwrap();
        s.measure_mut(&m1).unwrap().initiatives =
            vec![Initiative::new("(1)", "空き家バンク").into(), Initiative::new("(2)", XSS).into()];
        s
    }

    #[test]
    fn every_node_carries_its_id_and_empty_ones_still_show() {
        let s = strategy();
        let f = hierarchy(&s, JA);
        let o = f.option();
        let data = &o["series"][0]["data"];
        assert_eq!(o["series"][0]["type"], "sunburst");
        assert_eq!(data[0]["name"], format!("基本目標1 {XSS}"));
        assert_eq!(data[0]["id"], s.goals[0].id.as_str());
        assert_eq!(data[0]["kind"], "goal");
        assert_eq!(data[0]["itemStyle"]["color"], "#0072B2");
        // 2 initiatives + an empty measure counted as 1.
        assert_eq!(data[0]["value"], 3.0);
        let m1 = &data[0]["children"][0];
        assert_eq!(m1["id"], s.goals[0].measures[0].id.as_str());
        assert_eq!(m1["kind"], "measure");
        assert_eq!(m1["value"], 2.0);
        assert_eq!(m1["children"][1]["name"], format!("(2) {XSS}"));
        assert_eq!(m1["children"][1]["id"], s.goals[0].measures[0].initiatives[1].id.as_str());
        assert_eq!(m1["children"][1]["kind"], "initiative");
        assert_eq!(m1["children"][0]["value"], 1.0);
        assert_eq!(
            (m1["itemStyle"]["color"].as_str(), m1["itemStyle"]["opacity"].as_f64()),
            (Some("#0072B2"), Some(0.75))
        );
        assert_eq!(m1["children"][0]["itemStyle"]["color"], "#0072B2", "a goal's colour all the way out");
        assert_eq!(data[1]["itemStyle"]["color"], "#D55E00");
        assert_eq!(o["series"][0]["levels"][1]["label"]["overflow"], "breakAll", "wrapped, never cut");
        // Goal 1 takes 3 of 4 parts: its label fits; goal 2 (a quarter, 92 px of arc at the
        // ring's middle) fits «横断的な目標1» on two lines; a measure of 1/4 fits too.
        assert_eq!(data[0].get("label"), None);
        assert_eq!(data[1].get("label"), None);
        let empty = &data[0]["children"][1];
        assert_eq!(
            (empty["value"].as_f64(), empty["id"].as_str()),
            (Some(1.0), Some(s.goals[0].measures[1].id.as_str()))
        );
        assert!(empty.get("children").is_none());
        assert_eq!((data[1]["value"].as_f64(), data[1]["id"].as_str()), (Some(1.0), Some(s.goals[1].id.as_str())));
        assert_eq!(
            f.table.rows,
            [
                vec![format!("基本目標1 {XSS}"), "2".into(), "2".into()],
                vec!["横断的な目標1".into(), "0".into(), "0".into()],
                vec!["計".into(), "2".into(), "2".into()]
            ]
        );
        assert_eq!(f.summary, "目標2件, 施策2件, 事業2件");
        assert_accessible(&f);
    }

    #[test]
    fn a_label_that_does_not_fit_its_part_is_hidden_not_cut() {
        // Five full-width characters are one 60 px line: 18 px of arc needed.
        assert!(fits("基本目標1", GOAL_RING, 0.25));
        assert!(fits("基本目標1", GOAL_RING, 0.05), "{} px of arc", 0.05 * std::f64::consts::TAU * 59.4);
        assert!(!fits("基本目標1", GOAL_RING, 0.04));
        // A long measure title (304 px) wraps to 6 lines (88 px): an eighth of the circle (98 px
        // of arc) holds it, a tenth (79 px) or a thirtieth does not.
        let title = "1-2 地域の魅力を生かした観光の振興と交流人口の拡大";
        assert!(fits(title, MEASURE_RING, 0.125));
        assert!(!fits(title, MEASURE_RING, 0.1));
        assert!(!fits(title, MEASURE_RING, 1.0 / 30.0));
        // In a strategy: 30 measures under one goal, one of them long — only that one is hidden.
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let g = s.add_goal(GoalKind::Basic);
        for k in 0..30 {
            let m = s.add_measure(&g).unwrap();
            s.measure_mut(&m).unwrap().title = if k == 0 { title.into() } else { "短い".into() };
        }
        let o = hierarchy(&s, JA).option();
        let measures = o["series"][0]["data"][0]["children"].as_array().unwrap();
        let hidden: Vec<usize> =
            (0..measures.len()).filter(|k| measures[*k]["label"]["show"] == serde_json::json!(false)).collect();
        assert_eq!(hidden, [0]);
    }

    /// 北斗市: 4 goals, 30 measures, 97 initiatives (the file's counts); every node's id is the
    /// entity's and every id is there once.
    #[test]
    fn hokuto_ids_match_the_model() {
        let s = example("hokuto");
        let f = hierarchy(&s, EN);
        let o = f.option();
        let mut seen = Vec::new();
        fn walk<'a>(node: &'a Value, depth: usize, seen: &mut Vec<(usize, &'a str)>) {
            seen.push((depth, node["id"].as_str().expect("every node has an id")));
            for child in node["children"].as_array().into_iter().flatten() {
                walk(child, depth + 1, seen);
            }
        }
        for goal in o["series"][0]["data"].as_array().unwrap() {
            walk(goal, 0, &mut seen);
        }
        let expected: Vec<(usize, &str)> = s
            .goals
            .iter()
            .flat_map(|g| {
                std::iter::once((0, g.id.as_str())).chain(g.measures.iter().flat_map(|m| {
                    std::iter::once((1, m.id.as_str())).chain(m.initiatives.iter().map(|i| (2, i.id.as_str())))
                }))
            })
            .collect();
        assert_eq!(seen, expected);
        assert_eq!(seen.iter().filter(|(d, _)| *d == 2).count(), 97);
        assert_eq!(f.summary, "4 goals, 30 measures, 97 initiatives");
        assert_eq!(f.table.rows.last().unwrap(), &["Total", "30", "97"]);
        // The measure that only re-lists initiatives still shows, with value 1.
        let relisting_only = s.goals[3].measures.iter().position(|m| m.initiatives.is_empty()).unwrap();
        assert_eq!(o["series"][0]["data"][3]["children"][relisting_only]["value"], 1.0);
    }
}
