//! 担当課 in the CSV: written as the section that answers for each indicator (its
//! own, else its measure's) when the strategy lists sections; read back in both layouts as a
//! change from what to what — an existing section by name, a name the list does not hold added
//! as a new section — and the applied strategy's own file changes nothing. A town's own table
//! with a 担当課 (所管課) column is read the same way.

use super::super::{apply, indicators_long, indicators_wide, plan_import, TextEdit};
use crate::format::table::{apply_table, find_table, from_tsv, plan_table, propose_roles, ColumnRole, Placement};
use crate::locale::YearStyle;
use crate::model::Strategy;

fn kitamoto() -> Strategy {
    crate::examples::by_key("kitamoto").unwrap().load().unwrap()
}

fn section_of(s: &Strategy, name: &str) -> Option<String> {
    let i = s.indicators.iter().find(|i| i.name.contains(name)).unwrap();
    s.indicator_department(i).and_then(|o| s.department_name(o.department)).map(str::to_owned)
}

#[test]
fn the_section_column_is_written_and_read_back_by_name_in_both_layouts() {
    let s = kitamoto();
    for (layout, text) in
        [("wide", indicators_wide(&s, YearStyle::Japanese)), ("long", indicators_long(&s, YearStyle::Japanese))]
    {
        let header = text.lines().next().unwrap();
        assert!(header.trim_end().ends_with("担当課"), "{layout}: {header}");
        let births = text.lines().find(|l| l.contains("出生数")).unwrap();
        assert!(births.trim_end().ends_with("こども課"), "{layout}: {births}");
        // Births move to an existing section, greenhouse gases to a new one (every row of each).
        let edited: String = text
            .split_inclusive("\r\n")
            .map(|l| match l {
                l if l.contains("出生数") => l.replace("こども課", "健康づくり課"),
                l if l.contains("温室効果ガス") => l.replace("環境課", "ゼロカーボン推進室"),
                l => l.to_owned(),
            })
            .collect();
        let plan = plan_import(&s, &edited).unwrap();
        assert!(plan.refused.is_empty() && plan.ignored_columns.is_empty(), "{layout}: {:?}", plan.refused);
        let edits: Vec<&TextEdit> = plan.texts.iter().map(|t| &t.edit).collect();
        assert_eq!(
            edits,
            [
                &TextEdit::Department { from: "こども課".into(), to: "健康づくり課".into() },
                &TextEdit::Department { from: "環境課".into(), to: "ゼロカーボン推進室".into() },
            ],
            "{layout}: once per indicator, however many rows repeat it"
        );
        let mut after = s.clone();
        apply(&mut after, &plan);
        assert_eq!(section_of(&after, "出生数").as_deref(), Some("健康づくり課"));
        assert_eq!(section_of(&after, "温室効果ガス").as_deref(), Some("ゼロカーボン推進室"));
        assert_eq!(after.departments.len(), s.departments.len() + 1, "{layout}: the new section is added");
        assert!(crate::model::errors(&crate::model::validate(&after)).next().is_none());
        let again = plan_import(&after, &indicators_wide(&after, YearStyle::Japanese)).unwrap();
        assert!(again.texts.is_empty(), "{layout}: its own file changes nothing");
    }
}

/// A strategy without sections writes no 担当課 column: its files are as before.
#[test]
fn no_sections_no_column() {
    let mut s = kitamoto();
    s.departments.clear();
    s.indicators_mut().for_each(|i| i.department = None);
    assert!(!indicators_wide(&s, YearStyle::Japanese).contains("担当課"));
    assert!(!indicators_long(&s, YearStyle::Japanese).contains("担当課"));
}

/// A town's own KPI sheet with a 所管課 column: the column is proposed as the section, and each
/// row names its indicator's section; an empty cell changes nothing.
#[test]
fn a_towns_table_with_a_section_column_names_each_indicators_section() {
    let s = kitamoto();
    let g = from_tsv("指標番号\t指標名\t単位\t所管課\n7-2\t出生数\t人\tこども家庭課\n5-3\t市内有効求人倍率\t倍\t\n");
    let shape = find_table(&g).unwrap();
    let roles = propose_roles(&g, &shape).roles;
    assert_eq!(roles[3], ColumnRole::Department);
    let plan = plan_table(&s, &g, &shape, &roles, Placement::Strategy);
    assert_eq!(plan.values.texts.len(), 1, "{:?}", plan.values.texts);
    let mut after = s.clone();
    apply_table(&mut after, &plan);
    assert_eq!(section_of(&after, "出生数").as_deref(), Some("こども家庭課"));
    assert_eq!(section_of(&after, "有効求人倍率"), section_of(&s, "有効求人倍率"), "an empty cell changes nothing");
}

/// A long file whose rows of one indicator name two sections: the later is refused, naming the
/// first row, as for 出典.
#[test]
fn two_sections_for_one_indicator_are_refused_at_the_second() {
    let s = kitamoto();
    let text = indicators_long(&s, YearStyle::Japanese);
    let rows: Vec<&str> = text.split_inclusive("\r\n").collect();
    let second = rows.iter().enumerate().filter(|(_, l)| l.contains("出生数")).nth(1).unwrap().0;
    let edited: String = rows
        .iter()
        .enumerate()
        .map(|(k, l)| if k == second { l.replace("こども課", "健康づくり課") } else { l.to_string() })
        .collect();
    let plan = plan_import(&s, &edited).unwrap();
    assert_eq!(plan.refused.len(), 1, "{:?}", plan.refused);
    assert_eq!((plan.refused[0].row, plan.refused[0].column.as_str()), (second + 1, "担当課"));
    assert!(plan.texts.is_empty());
}
