//! Property test: any grid — header words, values, marks, merges anywhere, rows of any length —
//! is found, proposed, planned and applied without a panic, and applying adds exactly the
//! planned new indicators.

use crate::format::table::*;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;

fn cell() -> impl Gen<Value = Cell> {
    let words = prop::sample::select(vec![
        "指標名",
        "指標番号",
        "基準値",
        "目標値",
        "年度",
        "令和4年度",
        "R5",
        "2022年",
        "実績",
        "目標",
        "単位",
        "基本目標",
        "施策",
        "備考",
        "出典",
        "計",
        "※注",
        "5-1",
        "6-3",
        "3-1",
        "出生数",
        "1,234（H30）",
        "－",
        "2,408※",
        "▲40",
        "↗",
        "累計 60（令和4〜7年度）",
        "80以上",
        "基準値から10%減少",
        "(",
        "（）",
        "1-",
        "基本目標2",
        "",
    ]);
    prop_oneof![
        Just(Cell::Empty),
        words.prop_map(|w| Cell::Text(w.to_owned())),
        any::<String>().prop_map(Cell::Text),
        any::<f64>().prop_map(Cell::Number),
        any::<f64>().prop_map(|shown| Cell::Percent { shown }),
        (any::<i32>(), any::<u32>(), any::<u32>()).prop_map(|(year, month, day)| Cell::Date { year, month, day }),
        any::<bool>().prop_map(Cell::Bool),
        Just(Cell::Error("#DIV/0!".into())),
    ]
}

fn grid() -> impl Gen<Value = Grid> {
    let merge =
        (0usize..12, 0usize..9, 0usize..12, 0usize..9).prop_map(|(first_row, first_col, last_row, last_col)| {
            MergedRange { first_row, first_col, last_row, last_col }
        });
    (prop::collection::vec(prop::collection::vec(cell(), 0..9), 0..12), prop::collection::vec(merge, 0..4))
        .prop_map(|(rows, merges)| Grid { name: String::new(), rows, merges })
}

fn role() -> impl Gen<Value = ColumnRole> {
    let years = [
        HeaderYear { year: crate::model::FiscalYear(2022), calendar: true },
        HeaderYear { year: crate::model::FiscalYear(2023), calendar: false },
    ];
    prop::sample::select(ColumnRole::choices(&years))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_grid_is_planned_without_a_panic(g in grid(), roles in prop::collection::vec(role(), 0..10), header in 0usize..4) {
        let s = crate::examples::EXAMPLES[0].load().unwrap();
        let shape = find_table(&g).unwrap_or_else(|| table_with_header(&g, header..header + 1));
        let proposed = propose_roles(&g, &shape);
        prop_assert_eq!(proposed.roles.len(), g.width());
        let _ = layout_key(&g, &shape);
        let _ = apply_mapping(&g, &shape, &remember(&g, &shape, &roles));
        for roles in [&proposed.roles, &roles] {
            let plan = plan_table(&s, &g, &shape, roles, Placement::Strategy);
            let mut after = s.clone();
            apply_table(&mut after, &plan);
            prop_assert_eq!(after.indicators.len(), s.indicators.len() + plan.new_indicators.len());
        }
    }
}
