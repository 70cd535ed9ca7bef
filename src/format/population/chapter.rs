//! The vision as the strategy's chapter 人口の将来展望 says it, in Japanese, made once and read
//! by the document (.docx and print, `format::document`) and the public pages
//! (`format::publish`): the base population in a sentence, where the assumptions came from
//! (said when they are not the 社人研's), the total by scenario every ten years, the
//! 将来展望 with its settings and target, and its three age groups. Figures rounded as
//! `model::population` says.

use crate::locale::number;
use crate::model::population::{
    persons, project_scenarios, AssumptionSource, PopulationSource, PopulationVision, Projection, Scenario, HORIZON,
};

/// A table of text cells: its columns' names and its rows, the first cell of each its name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What the chapter says.
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    /// 「2020年の人口は11,450人（男5,538人、女5,912人）、高齢化率は…」.
    pub base: String,
    /// Where the assumptions came from; derived ones are said to be not the 社人研's.
    pub source: String,
    pub derived: bool,
    /// 総人口の将来推計: シナリオ × years (the base year, then every ten years to 2070).
    pub totals: TextTable,
    /// The 将来展望 and what it assumes, and its target; empty when none is chosen.
    pub outlook: Vec<String>,
    /// 年齢3区分別人口 of the 将来展望 (or the first scenario drawn).
    pub groups: TextTable,
    /// The scenario the groups are of.
    pub groups_of: String,
    /// Every scenario drawn, with its projection, for a chart.
    pub projections: Vec<(String, Projection)>,
}

fn persons_text(v: f64) -> String {
    format!("{}人", number(persons(v) as f64))
}

fn share_text(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |s| format!("{}%", number(s)))
}

/// The years of the chapter's tables: the base year and every ten years after it, and 2070.
fn shown_years(base_year: u16) -> Vec<u16> {
    let mut years: Vec<u16> = (base_year..=HORIZON).step_by(10).collect();
    if years.last() != Some(&HORIZON) && base_year <= HORIZON {
        years.push(HORIZON);
    }
    years
}

/// A 合計特殊出生率 as towns write it: 「2.0」, 「1.8」, 「2.07」.
fn rate_text(r: f64) -> String {
    if ((r * 10.0).round() - r * 10.0).abs() < 1e-9 {
        format!("{r:.1}")
    } else {
        format!("{r:.2}")
    }
}

fn scenario_text(s: &Scenario) -> String {
    let path = |p: &[crate::model::population::RatePoint]| {
        p.iter().map(|r| format!("{}年に{}", r.year, rate_text(r.rate))).collect::<Vec<_>>().join("、")
    };
    match s {
        Scenario::Ipss => "社人研の仮定値のとおりに推計する。".to_owned(),
        Scenario::BirthRate { path: p } => format!("合計特殊出生率が{}まで上昇すると仮定する。", path(p)),
        Scenario::MigrationBalanced { from } => format!("{from}年以降、転入と転出が均衡する（純移動率0）と仮定する。"),
        Scenario::Vision { path: p, net_migrants_a_year, from } => {
            let births = if p.is_empty() {
                String::new()
            } else {
                format!("合計特殊出生率が{}まで上昇し、", path(p))
            };
            let moves = if *net_migrants_a_year >= 0.0 {
                format!("{from}年以降、毎年{}人の転入超過", number(*net_migrants_a_year))
            } else {
                format!("{from}年以降、毎年{}人の転出超過", number(-net_migrants_a_year))
            };
            format!("{births}{moves}があると仮定する。")
        }
    }
}

/// The chapter, when the vision has a base and assumptions.
pub fn chapter(v: &PopulationVision) -> Option<Chapter> {
    let p = project_scenarios(v).ok()?;
    let base = v.base.as_ref()?;
    let population = base.population()?;
    let (m, f) = (population.male.iter().sum::<f64>(), population.female.iter().sum::<f64>());
    let counted = match base.source {
        PopulationSource::Census => "国勢調査",
        PopulationSource::ResidentRegister => "住民基本台帳",
        PopulationSource::Pasted => "入力した表",
    };
    let base_text = format!(
        "{}年の人口は{}（男{}、女{}、年齢不詳を除く。{counted}による）で、高齢化率は{}である。",
        base.year,
        persons_text(m + f),
        persons_text(m),
        persons_text(f),
        share_text(population.three_groups().ageing_rate())
    );
    let source = match &v.assumptions.as_ref()?.source {
        AssumptionSource::Ipss { vintage } => format!(
            "推計は、国立社会保障・人口問題研究所（社人研）の{vintage}の仮定値（生残率・純移動率・子ども女性比・0～4歳性比）によるコーホート要因法で行った。"
        ),
        AssumptionSource::Pasted => "推計は、入力した仮定値（生残率・純移動率・子ども女性比・0～4歳性比）によるコーホート要因法で行った。".to_owned(),
        AssumptionSource::DerivedFromCensuses { earlier, later } => format!(
            "推計の仮定値は社人研のものではなく、{earlier}年と{later}年の国勢調査から算出した変化率（コーホート変化率）である。死亡と移動を分けていないため、社会移動を変えるシナリオは推計を変えない。"
        ),
    };
    let years = shown_years(p.base_year);
    let drawn = p.drawn();
    let mut totals = TextTable { columns: vec!["シナリオ".to_owned()], rows: Vec::new() };
    totals.columns.extend(years.iter().map(|y| format!("{y}年")));
    for (s, proj) in &drawn {
        let mut row = vec![s.name.clone()];
        row.extend(years.iter().map(|y| proj.at(*y).map(|pop| persons_text(pop.total())).unwrap_or_default()));
        totals.rows.push(row);
    }
    let chosen = v.chosen_scenario().and_then(|c| drawn.iter().find(|(s, _)| s.id == c.id));
    let mut outlook = Vec::new();
    if let Some((s, _)) = chosen {
        outlook.push(format!("本町の将来展望は「{}」とする。{}", s.name, scenario_text(&s.scenario)));
        if let Some(t) = v.target {
            outlook.push(format!("{}年に人口{}を目指す。", t.year, persons_text(f64::from(t.population))));
        }
    }
    let (groups_of, groups) = match chosen.or(drawn.first()) {
        Some((s, proj)) => (s.name.clone(), groups_table(proj, &years)),
        None => (String::new(), TextTable::default()),
    };
    let projections = drawn.iter().map(|(s, proj)| (s.name.clone(), (*proj).clone())).collect();
    Some(Chapter { base: base_text, source, derived: p.derived, totals, outlook, groups, groups_of, projections })
}

fn groups_table(p: &Projection, years: &[u16]) -> TextTable {
    let mut columns = vec!["区分".to_owned()];
    columns.extend(years.iter().map(|y| format!("{y}年")));
    let three: Vec<_> = years.iter().map(|y| p.at(*y).map(|pop| pop.three_groups())).collect();
    let row = |name: &str, f: &dyn Fn(&crate::model::population::ThreeGroups) -> String| {
        let mut r = vec![name.to_owned()];
        r.extend(three.iter().map(|t| t.as_ref().map(f).unwrap_or_default()));
        r
    };
    let rows = vec![
        row("年少人口（0～14歳）", &|t| persons_text(t.young)),
        row("生産年齢人口（15～64歳）", &|t| persons_text(t.working)),
        row("老年人口（65歳以上）", &|t| persons_text(t.old)),
        row("高齢化率", &|t| share_text(t.ageing_rate())),
    ];
    TextTable { columns, rows }
}
