//! The import of a town's own table without the page (`ui::output::table_import` shows it):
//! what the user has chosen so far — the sheet, the header rows, each column's role, where new
//! indicators go, the answers for ambiguous rows — held as typed ([`TableDraft`]), and resolved
//! by pure functions into the table's shape, the roles' source (proposed from the headers, or a
//! mapping remembered for that layout) and the plan (`format::table::plan_table_resolved`).
//! Nothing here changes a strategy: the UI applies the plan with `format::table::apply_table` as
//! one undo step, then remembers the mapping.

use crate::format::table::{
    apply_mapping, find_table, layout_key, plan_table_resolved, propose_roles, remember, table_with_header, ColumnRole,
    Grid, HeaderYear, Mapping, Placement, Resolution, TablePlan, TableShape,
};
use crate::model::{FiscalYear, Strategy};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where the cells came from.
#[derive(Clone, Debug, PartialEq)]
pub enum CellSource {
    /// A workbook file, by its name.
    File(String),
    /// Cells pasted from Excel (or a web page's table).
    Pasted,
}

/// The rows of the body shown under the role choices.
pub const SAMPLE_ROWS: usize = 8;

/// A table being mapped: the sheets read, and what the user chose.
#[derive(Clone, Debug, PartialEq)]
pub struct TableDraft {
    pub origin: CellSource,
    pub sheets: Arc<Vec<Grid>>,
    /// The sheet shown (an index of `sheets`).
    pub sheet: usize,
    /// The header rows as Excel numbers them (1-based, inclusive).
    pub header_first: usize,
    pub header_last: usize,
    /// Whether a header was found in the sheet (else the first row is taken and the user is told).
    pub header_found: bool,
    pub roles: Vec<ColumnRole>,
    /// The header text of each column, as the dropdowns show it.
    pub headers: Vec<String>,
    /// The roles came from a mapping remembered for this layout.
    pub remembered: bool,
    /// Where new indicators go when their row names no goal or measure.
    pub place: Placement,
    /// Answers for ambiguous rows, by the row Excel shows.
    pub resolved: BTreeMap<usize, Resolution>,
}

impl TableDraft {
    /// The draft of freshly read sheets: the first sheet with a table found in it (else the
    /// first), its roles from the mapping remembered for its layout, else proposed.
    pub fn new(origin: CellSource, sheets: Vec<Grid>, mappings: &BTreeMap<String, Mapping>) -> TableDraft {
        let sheet = sheets.iter().position(|g| find_table(g).is_some()).unwrap_or(0);
        let mut draft = TableDraft {
            origin,
            sheets: Arc::new(sheets),
            sheet,
            header_first: 1,
            header_last: 1,
            header_found: false,
            roles: Vec::new(),
            headers: Vec::new(),
            remembered: false,
            place: Placement::Strategy,
            resolved: BTreeMap::new(),
        };
        draft.choose_sheet(sheet, mappings);
        draft
    }

    pub fn grid(&self) -> &Grid {
        static EMPTY: Grid = Grid { name: String::new(), rows: Vec::new(), merges: Vec::new() };
        self.sheets.get(self.sheet).unwrap_or(&EMPTY)
    }

    /// The table under the header rows chosen.
    pub fn shape(&self) -> TableShape {
        table_with_header(self.grid(), self.header_first.saturating_sub(1)..self.header_last)
    }

    /// Another sheet: its header found again, its roles proposed or remembered.
    pub fn choose_sheet(&mut self, sheet: usize, mappings: &BTreeMap<String, Mapping>) {
        self.sheet = sheet.min(self.sheets.len().saturating_sub(1));
        let found = find_table(self.grid());
        self.header_found = found.is_some();
        let header = found.map_or(0..1, |shape| shape.header_rows);
        self.header_first = header.start + 1;
        self.header_last = header.end.max(header.start + 1);
        self.resolved.clear();
        self.read_roles(mappings);
    }

    /// Header rows the user named (Excel's numbers; the last not before the first, both within
    /// the sheet): the roles are proposed (or remembered) again.
    pub fn set_header_rows(&mut self, first: usize, last: usize, mappings: &BTreeMap<String, Mapping>) {
        let rows = self.grid().rows.len().max(1);
        let first = first.clamp(1, rows);
        self.header_first = first;
        self.header_last = last.clamp(first, rows);
        self.header_found = true;
        self.resolved.clear();
        self.read_roles(mappings);
    }

    fn read_roles(&mut self, mappings: &BTreeMap<String, Mapping>) {
        let (grid, shape) = (self.grid(), self.shape());
        let remembered = mappings.get(&layout_key(grid, &shape)).filter(|m| m.header_rows == shape.header_rows.len());
        let mut columns = match remembered {
            Some(m) => apply_mapping(grid, &shape, m),
            None => propose_roles(grid, &shape),
        };
        let width = grid.width();
        columns.roles.resize(width, ColumnRole::Ignore);
        columns.headers.resize(width, String::new());
        self.remembered = remembered.is_some();
        self.roles = columns.roles;
        self.headers = columns.headers;
    }

    /// The user's role for a column. A role only one column can have (指標名, 単位, a year's
    /// actual …) is taken from the column that had it.
    pub fn set_role(&mut self, col: usize, role: ColumnRole) {
        if col >= self.roles.len() {
            return;
        }
        if role != ColumnRole::Ignore {
            for r in self.roles.iter_mut() {
                if *r == role {
                    *r = ColumnRole::Ignore;
                }
            }
        }
        self.roles[col] = role;
        self.resolved.clear();
    }

    /// The years a column's dropdown offers for 実績 and 中間目標: the plan period's, and any
    /// year a column's role already names.
    pub fn years(&self, s: &Strategy) -> Vec<HeaderYear> {
        let mut years: Vec<HeaderYear> = Vec::new();
        let (first, last) = (s.period.first.0, s.period.last.0);
        for y in first..=last {
            years.push(HeaderYear { year: FiscalYear(y), calendar: false });
        }
        for r in &self.roles {
            let named = match r {
                ColumnRole::Actual(y) => Some(*y),
                ColumnRole::Interim(y) => Some(HeaderYear { year: *y, calendar: false }),
                _ => None,
            };
            if let Some(y) = named.filter(|y| !years.contains(y)) {
                years.push(y);
            }
        }
        crate::sorting::by_key(&mut years, |y| (y.year, y.calendar));
        years
    }

    /// The first body rows (Excel's numbers), for the table under the dropdowns.
    pub fn sample_rows(&self) -> Vec<usize> {
        self.shape().body.take(SAMPLE_ROWS).map(|r| r + 1).collect()
    }

    /// What importing would do against the strategy as it is (changes nothing).
    pub fn plan(&self, s: &Strategy) -> TablePlan {
        plan_table_resolved(s, self.grid(), &self.shape(), &self.roles, self.place.clone(), &self.resolved)
    }

    /// The layout's key and the mapping to remember once the plan is applied.
    pub fn mapping(&self) -> (String, Mapping) {
        let (grid, shape) = (self.grid(), self.shape());
        (layout_key(grid, &shape), remember(grid, &shape, &self.roles))
    }

    /// Whether the table is one Shirube wrote (its workbook's KPI sheet, its wide CSV pasted):
    /// a column of 指標ID was found, so every role is proposed from Shirube's own headers and the
    /// plan can be shown at once.
    pub fn is_own(&self) -> bool {
        self.roles.contains(&ColumnRole::Id)
    }

    /// Whether a column names the indicators (a name or a code): without one nothing matches.
    pub fn names_indicators(&self) -> bool {
        self.roles.iter().any(|r| matches!(r, ColumnRole::Name | ColumnRole::Code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::table::{from_tsv, Cell, RowMatchedBy};

    fn kitamoto() -> Strategy {
        crate::examples::EXAMPLES[0].load().unwrap()
    }

    fn sheet() -> Grid {
        from_tsv(
            "北本市 KPI\n\n指標番号\t指標名\t単位\t基準値\t令和4年度\t担当課\n5-1\t就業者一人あたり市内純生産\t万円\t431.5\t440.1\t産業振興課\n\t移住相談件数\t件\t120\t130\t\n",
        )
    }

    #[test]
    fn a_draft_finds_the_header_proposes_roles_and_plans() {
        let s = kitamoto();
        let d = TableDraft::new(CellSource::Pasted, vec![sheet()], &BTreeMap::new());
        assert!(d.header_found && !d.remembered);
        assert_eq!((d.header_first, d.header_last), (3, 3));
        assert_eq!(d.roles[..4], [ColumnRole::Code, ColumnRole::Name, ColumnRole::Unit, ColumnRole::Baseline]);
        assert_eq!(d.headers[1], "指標名");
        assert_eq!(d.sample_rows(), [4, 5]);
        let plan = d.plan(&s);
        assert_eq!(plan.matched.len(), 1);
        assert_eq!(plan.matched[0].by, RowMatchedBy::Code);
        assert_eq!(plan.new_indicators.len(), 1);
        assert_eq!(plan.new_indicators[0].under, Placement::Strategy);
        assert_eq!(s.indicators.len(), kitamoto().indicators.len(), "planning changes nothing");
    }

    #[test]
    fn a_role_moves_from_the_column_that_had_it_and_the_mapping_is_remembered() {
        let mut d = TableDraft::new(CellSource::Pasted, vec![sheet()], &BTreeMap::new());
        d.set_role(5, ColumnRole::Name);
        assert_eq!((d.roles[1], d.roles[5]), (ColumnRole::Ignore, ColumnRole::Name));
        d.set_role(1, ColumnRole::Name);
        d.set_role(5, ColumnRole::Notes);
        let (key, mapping) = d.mapping();
        let mappings = BTreeMap::from([(key, mapping)]);
        let again = TableDraft::new(CellSource::Pasted, vec![sheet()], &mappings);
        assert!(again.remembered);
        assert_eq!(again.roles[5], ColumnRole::Notes);
        let fresh = TableDraft::new(CellSource::Pasted, vec![sheet()], &BTreeMap::new());
        assert_eq!(fresh.roles[5], ColumnRole::Department, "担当課 is proposed as the section");
    }

    #[test]
    fn header_rows_named_by_the_user_are_kept_within_the_sheet() {
        let mut d = TableDraft::new(CellSource::Pasted, vec![sheet()], &BTreeMap::new());
        d.set_header_rows(1, 1, &BTreeMap::new());
        assert_eq!(d.shape().header_rows, 0..1);
        d.set_header_rows(4, 2, &BTreeMap::new());
        assert_eq!((d.header_first, d.header_last), (4, 4), "the last not before the first");
        d.set_header_rows(0, 99, &BTreeMap::new());
        assert_eq!((d.header_first, d.header_last), (1, 5));
        let none = TableDraft::new(
            CellSource::Pasted,
            vec![Grid { rows: vec![vec![Cell::Text("x".into())]], ..Grid::default() }],
            &BTreeMap::new(),
        );
        assert!(!none.header_found);
        assert_eq!((none.header_first, none.header_last), (1, 1));
        let empty = TableDraft::new(CellSource::Pasted, Vec::new(), &BTreeMap::new());
        assert!(empty.roles.is_empty() && empty.plan(&kitamoto()).new_indicators.is_empty());
    }

    #[test]
    fn the_years_offered_are_the_plan_periods_and_the_columns() {
        let s = kitamoto();
        let d = TableDraft::new(CellSource::Pasted, vec![sheet()], &BTreeMap::new());
        let years: Vec<i32> = d.years(&s).iter().map(|y| y.year.0).collect();
        assert_eq!(years, (s.period.first.0..=s.period.last.0).collect::<Vec<_>>());
    }

    #[test]
    fn the_fixture_workbook_against_kitamoto_makes_five_indicators_under_the_goals_it_names() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src/format/table/fixtures/kpi.xlsx")).unwrap();
        let sheets = crate::format::table::read_workbook(&bytes).unwrap();
        let s = kitamoto();
        let mut d = TableDraft::new(CellSource::File("kpi.xlsx".into()), sheets, &BTreeMap::new());
        assert_eq!((d.sheet, d.header_first, d.header_last), (0, 3, 4), "the two-row header under the title");
        assert_eq!(d.headers[4], "令和4年度 実績");
        assert_eq!(d.sample_rows(), [5, 6, 7, 8, 9]);
        let plan = d.plan(&s);
        assert_eq!(plan.new_indicators.len(), 5);
        let goal = |n: &str| s.goals.iter().find(|g| g.number == n).map(|g| Placement::Goal(g.id.clone())).unwrap();
        assert!(plan.new_indicators[..3].iter().all(|n| n.under == goal("1")));
        assert!(plan.new_indicators[3..].iter().all(|n| n.under == goal("2")));
        assert_eq!((plan.values.changes.len(), plan.values.refused.len()), (23, 0));
        // 令和5年度 目標 (column H) not read: its five interim targets are not planned.
        d.set_role(7, ColumnRole::Ignore);
        assert_eq!(d.plan(&s).values.changes.len(), 18);
    }

    #[test]
    fn the_committees_workbook_is_recognised_and_changes_nothing() {
        let s = kitamoto();
        let bytes = crate::format::xlsx::committee_workbook(&s, crate::locale::YearStyle::Japanese).unwrap();
        let sheets = crate::format::table::read_workbook(&bytes).unwrap();
        let d = TableDraft::new(CellSource::File("kitamoto.xlsx".into()), sheets, &BTreeMap::new());
        assert!(d.is_own());
        assert_eq!((d.sheet, d.header_first, d.header_last, d.header_found), (0, 1, 2, true));
        let plan = d.plan(&s);
        assert!(plan.matched.iter().all(|m| m.by == RowMatchedBy::Id) && !plan.matched.is_empty());
        assert!(plan.values.changes.is_empty() && plan.values.texts.is_empty() && plan.new_indicators.is_empty());
        assert!(!TableDraft::new(CellSource::Pasted, vec![sheet()], &BTreeMap::new()).is_own(), "a town's own table");
    }
}
