//! The population vision's tables for Excel, one file per table the page shows: the total by
//! scenario (one column per scenario, the target in a column of its own), the three age groups
//! of one scenario with their shares and 高齢化率, and a pyramid's year by sex. The same
//! conventions as every other CSV here (BOM, CRLF, text neutralised, numbers plain); persons
//! rounded as `model::population` rounds what is shown, shares to 0.1 %.

use super::cells::{number, text, Sheet};
use crate::model::population::{persons, Population, Projection, TargetPopulation};

fn count(v: f64) -> String {
    persons(v).to_string()
}

/// 年, then one column per scenario (its name), then 目標人口 when there is a target.
pub fn population_totals(scenarios: &[(&str, &Projection)], target: Option<TargetPopulation>) -> String {
    let mut sheet = Sheet::new();
    let mut head = vec!["年".to_owned()];
    head.extend(scenarios.iter().map(|(name, _)| text(name)));
    if target.is_some() {
        head.push("目標人口".to_owned());
    }
    sheet.row(head);
    let years: Vec<u16> = scenarios.first().map(|(_, p)| p.years.clone()).unwrap_or_default();
    for (i, &y) in years.iter().enumerate() {
        let mut row = vec![y.to_string()];
        row.extend(scenarios.iter().map(|(_, p)| p.populations.get(i).map(|p| count(p.total())).unwrap_or_default()));
        if let Some(t) = target {
            row.push(if t.year == y { t.population.to_string() } else { String::new() });
        }
        sheet.row(row);
    }
    sheet.finish()
}

/// 年, the three groups in persons, their shares (%) and 高齢化率 (%), for one scenario.
pub fn population_age_groups(p: &Projection) -> String {
    let mut sheet = Sheet::new();
    sheet.row([
        "年",
        "年少人口（0～14歳）",
        "生産年齢人口（15～64歳）",
        "老年人口（65歳以上）",
        "年少人口割合（%）",
        "生産年齢人口割合（%）",
        "高齢化率（%）",
    ]);
    for (y, pop) in p.years.iter().zip(&p.populations) {
        let t = pop.three_groups();
        let shares = t.shares().map(|s| s.map(number)).unwrap_or_default();
        let mut row = vec![y.to_string(), count(t.young), count(t.working), count(t.old)];
        row.extend(shares);
        sheet.row(row);
    }
    sheet.finish()
}

/// 年齢 (youngest first), 男, 女 of one year.
pub fn population_pyramid(p: &Population) -> String {
    let mut sheet = Sheet::new();
    sheet.row(["年齢", "男", "女"]);
    for g in 0..p.open.groups() {
        let band = p.open.band(g);
        let label = match band.high {
            Some(h) => format!("{}～{h}歳", band.low),
            None => format!("{}歳以上", band.low),
        };
        sheet.row([label, count(p.male[g]), count(p.female[g])]);
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::population::OpenAge;

    #[test]
    fn the_tables_go_out_with_a_bom_plain_numbers_and_neutralised_names() {
        let mut pop = Population::empty(OpenAge::From85);
        pop.male[0] = 10.4;
        pop.female[0] = 9.6;
        pop.male[17] = 3.5;
        let p = Projection { years: vec![2020, 2025], populations: vec![pop.clone(), pop.clone()] };
        let totals = population_totals(&[("=推計", &p)], Some(TargetPopulation { year: 2025, population: 30 }));
        assert_eq!(totals, "\u{feff}年,'=推計,目標人口\r\n2020,24,\r\n2025,24,30\r\n");
        let groups = population_age_groups(&p);
        assert!(groups.lines().nth(1).unwrap().starts_with("2020,20,0,4,85.1,0,14.9"), "{groups}");
        let pyramid = population_pyramid(&pop);
        assert!(pyramid.contains("0～4歳,10,10\r\n") && pyramid.ends_with("85歳以上,4,0\r\n"), "{pyramid}");
    }
}
