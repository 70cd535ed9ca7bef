//! [`View`](super::view::View) for every model type the merge sees below the strategy, each
//! field named once; lists in the order of their `Shape::lists` (`merge::shape`).

use super::view::{entry_key_of, key_of, key_target, view, whole_view};
use crate::model::merge::findings::EntryKey;
use crate::model::population::NamedScenario;
use crate::model::round::{Analysis, Answer, Ask, Round};
use crate::model::{
    Actual, Department, Evaluation, Goal, Hearing, Highlight, Id, Indicator, Initiative, InitiativeYear, Measure,
    NarrativeSection, NationalGoal, Opinion, Relisting, ScheduleItem, Sdg, Series, WorkshopNote, WorkshopSession,
    YearValue,
};

view!(NarrativeSection { key: id, plain: [id, heading, body], lists: [], refs: [], sums: [] });
view!(Department { key: id, plain: [id, name], lists: [], refs: [], sums: [] });
view!(NationalGoal { key: id, plain: [id, kind, number, title], lists: [], refs: [], sums: [] });
view!(ScheduleItem { key: id, plain: [id, when, body, agenda, stage], lists: [], refs: [], sums: [] });
view!(Goal arc {
    key: id,
    plain: [id, kind, number, title, subtitle, direction, national_goal],
    lists: [sdgs, targets, measures],
    refs: [national_goal],
    sums: [],
    unknown
});
view!(Measure arc {
    key: id,
    plain: [id, number, title, summary, priority, department],
    lists: [sdgs, related, related_external, kpis, initiatives, relisted, evaluations],
    refs: [department],
    sums: [],
    unknown
});
view!(Initiative arc {
    key: id,
    plain: [id, number, title, description, kind, is_new, department, partners, grant],
    lists: [kpis, years],
    refs: [department],
    sums: [],
    unknown
});
view!(Indicator arc {
    key: id,
    plain: [id, code, name, unit, kind, direction, source, notes, department, verdicts, predecessor],
    lists: [series, analyses],
    refs: [department],
    sums: [],
    unknown
});
view!(Series {
    key: id,
    plain: [id, label, year_basis, source, running_totals, baseline, target, from_vision, target_history],
    lists: [interim, actuals],
    refs: [],
    sums: [],
    unknown
});
view!(WorkshopSession { key: id, plain: [id, name, date], lists: [notes], refs: [], sums: [] });
view!(WorkshopNote { key: id, plain: [id, target, text, votes], lists: [], refs: [], sums: [votes] });
view!(Round {
    key: id,
    plain: [id, fiscal_year, deadline, instructions, opened_by, opened],
    lists: [asks, answers],
    refs: [],
    sums: [],
    unknown
});
view!(Answer {
    key: id,
    plain: [id, department, step, by, via, at, comment, values],
    lists: [],
    refs: [department],
    sums: [],
    unknown
});
view!(Hearing {
    key: id,
    plain: [id, stage, body, when, period, submitters, heard, publish],
    lists: [],
    refs: [],
    sums: []
});
view!(Opinion {
    key: id,
    plain: [id, hearing, number, text, summary, about, place, sender, answer, response, group, change, version],
    lists: [],
    refs: [],
    sums: []
});

view!(YearValue { key: year(year), plain: [year, value], lists: [], refs: [], sums: [] });
view!(Actual { key: year(year), plain: [year, value, provisional, comment, source], lists: [], refs: [], sums: [] });
view!(Analysis { key: year(year), plain: [year, text], lists: [], refs: [], sums: [] });
view!(InitiativeYear {
    key: year(fiscal_year),
    plain: [fiscal_year, budget, settled, grant, direction, plan, result],
    lists: [],
    refs: [],
    sums: []
});
view!(Evaluation {
    key: year_stage(fiscal_year, stage),
    plain: [fiscal_year, rating, outcomes, issues, improvements, next_plan, notes, stage as "evaluator", by, date],
    lists: [],
    refs: [],
    sums: []
});
view!(NamedScenario { key: id, plain: [id, name, scenario], lists: [], refs: [], sums: [] });

view!(Relisting { key: refers(initiative), plain: [initiative, years], lists: [], refs: [], sums: [] });
view!(Highlight { key: refers(goal), plain: [goal, text], lists: [], refs: [], sums: [] });

whole_view!(Id, |id| EntryKey::Id(id.clone()), |id| Some(id.as_str()));
whole_view!(Sdg, |v| EntryKey::Value(super::view::json_of(v)), |_| None);
whole_view!(String, |v| EntryKey::Value(super::view::json_of(v)), |_| None);
whole_view!(Ask, |v| EntryKey::Value(super::view::json_of(v)), |_| None);
