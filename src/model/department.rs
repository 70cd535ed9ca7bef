//! Sections (担当課 / 所管課): the town's own list of the sections that own its measures,
//! initiatives and KPIs, and the one rule of who owns what.
//!
//! Called `Department` in the code because `Strategy::sections` are the narrative's sections
//! (策定趣旨, 基本方針 …); the file names the list `departments` and an owner `department`.
//!
//! **Who owns what.** A measure owns what it names. An initiative without a section of its own
//! takes its measure's (the measure that owns it, not one that re-lists it: 【再掲】 is the same
//! project, answered once). A KPI without one takes the section of the first measure, in
//! document order, that lists it as a KPI and has a section; failing that, of the first
//! initiative that lists it and has one (its own or its measure's). A KPI used by several
//! measures of different sections is therefore answered by the first of them, and
//! [`Strategy::indicator_departments`] lists every section using it, so that a screen can say
//! so and the town can name the KPI's own section. A goal's 数値目標 that no measure lists has no
//! section until it names one: the planning section (企画課) answers it.

use super::{Id, Indicator, Initiative, Measure, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One section of the town hall (企画課, 子育て支援課 …), in the order the town lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Department {
    pub id: Id,
    /// 企画課
    pub name: String,
}

impl Department {
    pub fn new(name: &str) -> Department {
        Department { id: Id::new("dept"), name: name.to_owned() }
    }
}

/// Who a person is in the year's round: the planning section (企画課), which sees
/// everything, or one section of the strategy's list, which sees first what it owns. Kept in
/// the person's preferences per strategy, and in the `author` of their file in a shared folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
// Externally tagged (`"planning"`, `{"department": "dept-…"}`): serde's smallest form of an
// enum, read at every start with the preferences (the first visit's wasm is budgeted).
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 企画課 (the planning section): every section's items.
    Planning,
    /// One section (担当課), by its id in the strategy's list.
    Department(Id),
}

impl Role {
    /// Whether an item owned by `owner` is this person's to answer: every item for the planning
    /// section; for a section, what it owns (its own or taken from its measure).
    pub fn owns(&self, owner: Option<Owner<'_>>) -> bool {
        match self {
            Role::Planning => true,
            Role::Department(d) => owner.is_some_and(|o| o.department == d),
        }
    }

    /// The section's name in `s`, or `None` for the planning section and a section the list no
    /// longer holds.
    pub fn department_name<'a>(&self, s: &'a Strategy) -> Option<&'a str> {
        match self {
            Role::Planning => None,
            Role::Department(d) => s.department_name(d),
        }
    }
}

/// The section that owns an item, and whether the item names it itself or takes it from its
/// measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner<'a> {
    pub department: &'a Id,
    /// Taken from the measure (an initiative's, a KPI's), not named by the item itself.
    pub inherited: bool,
}

impl<'a> Owner<'a> {
    fn own(department: &'a Id) -> Owner<'a> {
        Owner { department, inherited: false }
    }
    fn inherited(self) -> Owner<'a> {
        Owner { inherited: true, ..self }
    }
}

/// A measure's section: its own.
pub fn measure_owner(measure: &Measure) -> Option<Owner<'_>> {
    measure.department.as_ref().map(Owner::own)
}

/// An initiative's section: its own, else that of `measure`, the measure that owns it.
pub fn initiative_owner<'a>(measure: &'a Measure, initiative: &'a Initiative) -> Option<Owner<'a>> {
    match &initiative.department {
        Some(d) => Some(Owner::own(d)),
        None => measure_owner(measure).map(Owner::inherited),
    }
}

impl Strategy {
    pub fn department(&self, id: &Id) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    /// The name of a section, `None` for an id the list does not hold.
    pub fn department_name(&self, id: &Id) -> Option<&str> {
        self.department(id).map(|d| d.name.as_str())
    }

    /// The section of the initiative with this id (see the module doc).
    pub fn initiative_department(&self, id: &Id) -> Option<Owner<'_>> {
        self.initiatives().find(|(_, i)| &i.id == id).and_then(|(m, i)| initiative_owner(m, i))
    }

    /// The section that answers for an indicator (see the module doc: its own, else the first
    /// measure's that lists it, else the first initiative's).
    pub fn indicator_department<'a>(&'a self, indicator: &'a Indicator) -> Option<Owner<'a>> {
        match &indicator.department {
            Some(d) => Some(Owner::own(d)),
            None => {
                self.inherited_indicator_department(&indicator.id).map(|d| Owner { department: d, inherited: true })
            }
        }
    }

    /// The section an indicator takes when it names none: the first measure's that lists it,
    /// else the first initiative's (a form shows it as what an empty choice means).
    pub fn inherited_indicator_department(&self, id: &Id) -> Option<&Id> {
        let by_measure = self.measures().filter(|(_, m)| m.kpis.contains(id)).find_map(|(_, m)| measure_owner(m));
        by_measure
            .or_else(|| {
                self.initiatives().filter(|(_, i)| i.kpis.contains(id)).find_map(|(m, i)| initiative_owner(m, i))
            })
            .map(|o| o.department)
    }

    /// Every section whose measures or initiatives list this indicator, each once, in document
    /// order: more than one means the KPI is shared and answered by the first unless it names
    /// its own.
    pub fn indicator_departments(&self, id: &Id) -> Vec<&Id> {
        let mut found: Vec<&Id> = Vec::new();
        for (_, m) in self.measures() {
            let direct = m.kpis.contains(id).then(|| measure_owner(m)).flatten();
            let through = m.initiatives.iter().filter(|i| i.kpis.contains(id)).filter_map(|i| initiative_owner(m, i));
            for owner in direct.into_iter().chain(through) {
                if !found.contains(&owner.department) {
                    found.push(owner.department);
                }
            }
        }
        found
    }

    /// Adds a section at the end of the list.
    pub fn add_department(&mut self, name: &str) -> Id {
        let d = Department::new(name);
        let id = d.id.clone();
        self.departments.push(d);
        id
    }

    /// Removes a section and every reference to it: what it owned then belongs to its
    /// measure's section, or to none. False when there is no such section.
    pub fn remove_department(&mut self, id: &Id) -> bool {
        let before = self.departments.len();
        self.departments.retain(|d| &d.id != id);
        if self.departments.len() == before {
            return false;
        }
        let names = |d: &Option<Id>| d.as_ref() == Some(id);
        for g in self.goals_mut() {
            for m in g.measures_mut() {
                if names(&m.department) {
                    m.department = None;
                }
                for i in m.initiatives_mut().filter(|i| names(&i.department)) {
                    i.department = None;
                }
            }
        }
        for ind in self.indicators_mut().filter(|i| names(&i.department)) {
            ind.department = None;
        }
        true
    }

    /// Moves a section up or down the list.
    pub fn move_department(&mut self, id: &Id, to: super::Direction) -> bool {
        super::edit::move_item(&mut self.departments, |d| &d.id == id, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{template, Direction, FiscalYear, PlanPeriod};
    use std::sync::Arc;

    /// 施策 1 (商工観光課) lists the KPI 「観光入込客数」, 施策 2 (企画課) lists it too; 施策 2's
    /// initiative has a section of its own.
    fn town() -> (Strategy, [Id; 3], [Id; 2]) {
        let period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) };
        let mut s = template::from_second_period("戦略", "しるべ町", period);
        let planning = s.add_department("企画課");
        let tourism = s.add_department("商工観光課");
        let child = s.add_department("子育て支援課");
        let visitors = Indicator::new("1-1", "観光入込客数", "人");
        let births = Indicator::new("1-2", "出生数", "人");
        let (v, b) = (visitors.id.clone(), births.id.clone());
        s.indicators.push(Arc::new(visitors));
        s.indicators.push(Arc::new(births));
        let mut first = Measure::new("1", "観光の振興");
        first.department = Some(tourism.clone());
        first.kpis.push(v.clone());
        first.initiatives.push(Arc::new(Initiative::new("(1)", "観光PR")));
        let mut second = Measure::new("2", "移住の促進");
        second.department = Some(planning.clone());
        second.kpis.push(v.clone());
        let mut own = Initiative::new("(1)", "子育て世帯の移住支援");
        own.department = Some(child.clone());
        own.kpis.push(b.clone());
        second.initiatives.push(Arc::new(own));
        let goal = s.goals_mut().next().unwrap();
        goal.measures.push(Arc::new(first));
        goal.measures.push(Arc::new(second));
        (s, [planning, tourism, child], [v, b])
    }

    #[test]
    fn an_initiative_without_a_section_takes_its_measures() {
        let (s, [_, tourism, child], _) = town();
        let (pr, moving) = {
            let mut it = s.initiatives().map(|(_, i)| i.id.clone());
            (it.next().unwrap(), it.next().unwrap())
        };
        assert_eq!(s.initiative_department(&pr), Some(Owner { department: &tourism, inherited: true }));
        assert_eq!(s.initiative_department(&moving), Some(Owner { department: &child, inherited: false }));
    }

    #[test]
    fn a_kpi_of_several_measures_is_answered_by_the_first_unless_it_names_its_own() {
        let (mut s, [planning, tourism, child], [visitors, births]) = town();
        let owner =
            |s: &Strategy, id: &Id| s.indicator_department(s.indicator(id).unwrap()).map(|o| o.department.clone());
        assert_eq!(owner(&s, &visitors), Some(tourism.clone()), "the first measure in document order");
        assert_eq!(s.indicator_departments(&visitors), [&tourism, &planning], "both sections that use it");
        assert_eq!(owner(&s, &births), Some(child.clone()), "through the initiative that lists it");
        s.indicator_mut(&visitors).unwrap().department = Some(planning.clone());
        let o = s.indicator_department(s.indicator(&visitors).unwrap()).unwrap();
        assert_eq!((o.department, o.inherited), (&planning, false));
    }

    #[test]
    fn a_kpi_no_measure_lists_has_no_section() {
        let (mut s, _, _) = town();
        let alone = Indicator::new("0-1", "人口", "人");
        s.indicators.push(Arc::new(alone.clone()));
        assert_eq!(s.indicator_department(&alone), None);
        assert!(s.indicator_departments(&alone.id).is_empty());
    }

    #[test]
    fn the_planning_section_owns_everything_a_section_what_is_its_own() {
        let (s, [planning, tourism, child], [visitors, births]) = town();
        let owner = |id: &Id| s.indicator_department(s.indicator(id).unwrap());
        assert!(Role::Planning.owns(owner(&visitors)) && Role::Planning.owns(None));
        assert!(Role::Department(tourism.clone()).owns(owner(&visitors)), "inherited from its first measure");
        assert!(!Role::Department(planning.clone()).owns(owner(&visitors)), "the second measure's section does not");
        assert!(Role::Department(child.clone()).owns(owner(&births)));
        assert!(!Role::Department(child.clone()).owns(None), "nobody's item is the planning section's");
        assert_eq!(Role::Department(child).department_name(&s), Some("子育て支援課"));
        assert_eq!(Role::Planning.department_name(&s), None);
        let json = serde_json::to_string(&Role::Department(tourism.clone())).unwrap();
        assert_eq!(json, format!(r#"{{"department":"{}"}}"#, tourism.as_str()));
        assert_eq!(serde_json::to_string(&Role::Planning).unwrap(), r#""planning""#);
    }

    #[test]
    fn removing_a_section_leaves_no_reference_to_it() {
        let (mut s, [planning, tourism, child], [visitors, _]) = town();
        s.indicator_mut(&visitors).unwrap().department = Some(tourism.clone());
        assert!(s.remove_department(&tourism));
        assert!(!s.remove_department(&tourism), "already gone");
        assert_eq!(s.departments.iter().map(|d| d.id.clone()).collect::<Vec<_>>(), [planning.clone(), child]);
        let text = serde_json::to_string(&s).unwrap();
        assert!(!text.contains(tourism.as_str()), "no reference is left");
        let owner = s.indicator_department(s.indicator(&visitors).unwrap()).unwrap();
        assert_eq!(owner.department, &planning, "the KPI now follows its next measure");
        assert!(s.move_department(&planning, Direction::Down));
        assert_eq!(s.departments[1].id, planning);
    }
}
