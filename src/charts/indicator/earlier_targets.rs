//! A revised target's earlier targets on the indicator's chart (`model::target_revision`): each
//! drawn the way its kind is drawn, but as a thin grey dashed line behind the current target,
//! named 「当初の目標」 / 「修正前の目標（令和3年度まで）」; its table row says what it was. The
//! current target is drawn as before, and the status is judged against it only.

use super::{named, Drawn};
use crate::charts::Table;
use crate::locale;
use crate::model::Series;
use charming::element::{ItemStyle, LineStyle, LineStyleType};
use charming::series::Line;

const EARLIER_GREY: &str = "#8c8c8c";

impl Drawn<'_> {
    /// The earlier targets of this series as grey lines, with their legend names.
    pub(super) fn earlier_targets(&self, several: bool, table: &mut Table) -> Vec<(String, Line)> {
        let (lang, style) = (self.w.lang, self.w.years);
        (0..self.series.target_history.len())
            .filter_map(|k| {
                let label = locale::earlier_target_label(self.series, k, lang, style);
                let name = if several { named(&self.label, &label, lang) } else { label.clone() };
                // The series as it was: the same baseline, with the earlier target.
                let old = Series {
                    target: Some(self.series.target_history[k].target.clone()),
                    from_vision: None,
                    target_history: Vec::new(),
                    ..self.series.clone()
                };
                let drawn = Drawn {
                    s: self.s,
                    ind: self.ind,
                    series: &old,
                    axis: self.axis,
                    labels: self.labels,
                    w: self.w,
                    colour: EARLIER_GREY,
                    label: self.label.clone(),
                };
                let row = table.rows.len();
                let line = drawn.target(&name, table)?;
                if let (Some(r), Some(t)) = (table.rows.get_mut(row), old.target.as_ref()) {
                    r[1] = format!("{label}: {}", drawn.target_text(t));
                }
                let line = line
                    .item_style(ItemStyle::new().color(EARLIER_GREY))
                    .line_style(LineStyle::new().color(EARLIER_GREY).width(1).type_(LineStyleType::Dashed))
                    .symbol_size(4)
                    .z(1);
                Some((name, line))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::chart;
    use crate::charts::testing::*;
    use crate::model::{FiscalYear, Target};

    fn migrants(s: &crate::model::Strategy) -> &crate::model::Indicator {
        s.indicators.iter().find(|i| i.code == "1-12").unwrap()
    }

    /// しるべ町（架空） 1-12 移住者数: 1,200人 (令和2年度) → 1,500人 (令和7年度), revised in 令和4年度
    /// to 1,800人.
    #[test]
    fn the_original_target_is_a_thin_grey_dashed_line_behind_the_current_one() {
        let s = example("made-up");
        let f = chart(&s, migrants(&s), JA);
        let o = f.option();
        let axis = strings(&o["xAxis"]["data"]);
        let at = |y: &str| axis.iter().position(|a| a == y).unwrap();
        let old = series(&o, "当初の目標");
        assert_eq!(old["lineStyle"]["type"], "dashed");
        assert_eq!(old["lineStyle"]["color"], super::EARLIER_GREY);
        assert_eq!(old["lineStyle"]["width"].as_f64(), Some(1.0), "thinner than the current target's 1.5");
        assert_eq!(values(old)[at("R7")], Some(1500.0));
        assert_eq!(values(old)[at("R2")], Some(1200.0), "from the same baseline");
        let current = series(&o, "目標");
        assert_eq!(values(current)[at("R7")], Some(1800.0));
        assert!(legend(&o).contains(&"当初の目標".to_owned()));
        let row = f.table.rows.iter().find(|r| r[1].starts_with("当初の目標")).expect("a row for the original target");
        assert_eq!(row[1], "当初の目標: 1,500人 (令和7年度)");
        assert!(row[at("R7") + 2].starts_with("1,500"));
        let now = f.table.rows.iter().find(|r| r[1].starts_with("目標")).unwrap();
        assert_eq!(now[1], "目標: 1,800人 (令和7年度)");
        assert!(f.summary.contains("目標 1,800人 (令和7年度)（令和4年度に上方修正、当初 1,500人）"), "{}", f.summary);
        assert!(f.summary.ends_with("順調"), "status against 1,800: 60 % of the way, the path expects 60 %");
        assert_numbers_in_table(&f, None);
        assert_accessible(&f);
    }

    #[test]
    fn a_second_revision_is_named_with_the_years_it_held() {
        let mut s = example("made-up");
        let id = migrants(&s).id.clone();
        s.indicator_mut(&id).unwrap().series[0].revise_target(
            Target::Value { value: 1700.0, year: Some(FiscalYear(2025)) },
            FiscalYear(2024),
            None,
            "見直し".into(),
        );
        let f = chart(&s, migrants(&s), JA);
        let o = f.option();
        assert!(legend(&o).contains(&"当初の目標".to_owned()));
        let second = series(&o, "修正前の目標（令和5年度まで）");
        assert!(values(second).contains(&Some(1800.0)));
        assert!(f.summary.contains("（令和6年度に下方修正、当初 1,500人）"), "{}", f.summary);
    }

    #[test]
    fn an_unrevised_target_draws_no_earlier_line() {
        let s = example("made-up");
        let f = chart(&s, &s.indicators[0], JA);
        assert!(legend(&f.option()).iter().all(|l| !l.contains("目標（") && l != "当初の目標"));
        assert!(!f.summary.contains("修正"));
    }
}
