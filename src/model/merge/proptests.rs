//! Property tests of the merge: random edits on both sides of a common version (values, yearly
//! cells, additions, removals, moves, references, votes), then the laws every merge keeps.

use super::flat::Flat;
use super::tests::{amounts, town};
use super::three_way::at;
use super::*;
use crate::model::Strategy;
use crate::model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;
use std::collections::BTreeSet;

/// One edit: what (`op`), which entities (`a`, `b`), and a value.
type Edit = (u8, usize, usize, i64);

fn ids<'a>(it: impl Iterator<Item = &'a Id>) -> Vec<Id> {
    it.cloned().collect()
}

fn nth(list: &[Id], n: usize) -> Option<Id> {
    (!list.is_empty()).then(|| list[n % list.len()].clone())
}

fn initiative_year(i: &mut Initiative, year: FiscalYear) -> &mut InitiativeYear {
    if i.year(year).is_none() {
        i.years.push(amounts(year.0, None, None));
    }
    i.years.iter_mut().find(|y| y.fiscal_year == year).unwrap()
}

fn apply(s: &mut Strategy, (op, a, b, v): Edit) {
    let goals = ids(s.goals.iter().map(|g| &g.id));
    let measures = ids(s.measures().map(|(_, m)| &m.id));
    let initiatives = ids(s.initiatives().map(|(_, i)| &i.id));
    let indicators = ids(s.indicators.iter().map(|i| &i.id));
    let year = FiscalYear(2020 + (b % 6) as i32);
    let text = |what: &str| format!("{what}{v}");
    let (goal, measure, project, indicator) =
        (nth(&goals, a), nth(&measures, a), nth(&initiatives, a), nth(&indicators, a));
    match op % 22 {
        0 => goal.map(|g| s.goal_mut(&g).unwrap().title = text("目標")).unwrap_or_default(),
        1 => measure.map(|m| s.measure_mut(&m).unwrap().title = text("施策")).unwrap_or_default(),
        2 => project.map(|i| s.initiative_mut(&i).unwrap().description = text("内容")).unwrap_or_default(),
        3 => indicator.map(|i| s.indicator_mut(&i).unwrap().unit = text("単位")).unwrap_or_default(),
        4 | 5 => {
            if let Some(i) = indicator {
                let ind = s.indicator_mut(&i).unwrap();
                let n = ind.series.len();
                let series = &mut ind.series[b % n];
                let value = (v % 7 != 0).then_some(v as f64);
                if op % 22 == 4 {
                    series.set_actual(year, value)
                } else {
                    series.set_interim(year, value)
                }
            }
        }
        6 => project
            .map(|i| initiative_year(s.initiative_mut(&i).unwrap(), year).budget = Some(v.abs()))
            .unwrap_or_default(),
        7 => project
            .map(|i| initiative_year(s.initiative_mut(&i).unwrap(), year).settled = Some(v.abs()))
            .unwrap_or_default(),
        8 => {
            if let Some(m) = measure {
                let m = s.measure_mut(&m).unwrap();
                let rating = Some(["A", "B", "C", "D"][v.unsigned_abs() as usize % 4].to_owned());
                match m.evaluations.iter_mut().find(|e| e.fiscal_year == year) {
                    Some(e) => e.rating = rating,
                    None => m.evaluations.push(Evaluation {
                        fiscal_year: year,
                        rating,
                        outcomes: text("成果"),
                        issues: String::new(),
                        improvements: String::new(),
                        next_plan: String::new(),
                        notes: String::new(),
                        evaluator: Evaluator::Internal,
                    }),
                }
            }
        }
        9 => {
            if let Some(m) = goal.and_then(|g| s.add_measure(&g)) {
                s.measure_mut(&m).unwrap().title = text("新施策");
            }
        }
        10 => {
            if let Some(i) = measure.and_then(|m| s.add_initiative(&m)) {
                s.initiative_mut(&i).unwrap().title = text("新事業");
            }
        }
        11 => {
            if let Some(m) = measure {
                let i = s.add_indicator_for(&m);
                s.indicator_mut(&i).unwrap().name = text("新指標");
            }
        }
        12 => goal.map(|g| s.remove_goal(&g)).map(drop).unwrap_or_default(),
        13 => measure.map(|m| s.remove_measure(&m)).map(drop).unwrap_or_default(),
        14 => project.map(|i| s.remove_initiative(&i)).map(drop).unwrap_or_default(),
        15 => indicator.map(|i| s.remove_indicator(&i)).map(drop).unwrap_or_default(),
        16 => {
            if let Some(m) = measure {
                s.move_measure(&m, v % 2 == 0);
            }
            if let Some(g) = nth(&goals, b) {
                s.move_goal(&g, v % 3 == 0);
            }
        }
        17 => {
            // An initiative moved to another measure.
            if let (Some(i), Some(to)) = (project, nth(&measures, b)) {
                let item = s.initiative(&i).cloned().unwrap();
                let from = s.initiatives().find(|(_, x)| x.id == i).map(|(m, _)| m.id.clone()).unwrap();
                s.measure_mut(&from).unwrap().initiatives.retain(|x| x.id != i);
                s.measure_mut(&to).unwrap().initiatives.push(item.into());
            }
        }
        18 => {
            if let (Some(m), Some(i)) = (measure, nth(&indicators, b)) {
                let kpis = &mut s.measure_mut(&m).unwrap().kpis;
                if !kpis.contains(&i) {
                    kpis.push(i);
                }
            }
        }
        19 => {
            let notes = ids(s.workshops.iter().flat_map(|w| w.notes.iter().map(|n| &n.id)));
            match (nth(&notes, a), v % 3) {
                (Some(n), 0 | 1) => drop(s.vote(&n)),
                _ => {
                    if let (Some(w), Some(g)) = (s.workshops.first().map(|w| w.id.clone()), goal) {
                        s.add_note(&w, NoteTarget::Goal(g), &text("付箋"));
                    }
                }
            }
        }
        20 => {
            if let Some(i) = indicator {
                let ind = s.indicator_mut(&i).unwrap();
                if ind.series.len() > 1 && v % 2 == 0 {
                    ind.series.remove(b % ind.series.len());
                } else {
                    let n = ind.series.len();
                    ind.series[b % n].target = Some(Target::Value { value: v as f64, year: Some(year) });
                }
            }
        }
        _ => {
            if let (Some(m), Some(other)) = (measure.clone(), nth(&measures, b)) {
                if m != other {
                    s.measure_mut(&m).unwrap().related.push(other);
                }
            }
            if let (Some(m), Some(i)) = (measure, nth(&initiatives, b)) {
                let relisted = &mut s.measure_mut(&m).unwrap().relisted;
                if !relisted.iter().any(|r| r.initiative == i) {
                    relisted.push(Relisting::all_years(i));
                }
            }
        }
    }
}

/// Up to `n` edits; half the time on the first few entities only, so that both sides often
/// touch the same ones.
fn edits(n: usize) -> impl Gen<Value = Vec<Edit>> {
    let edit = (any::<u8>(), 0usize..64, 0usize..64, -3i64..2000);
    (proptest::collection::vec(edit, 0..n), any::<bool>()).prop_map(|(edits, near)| {
        let near = |i: usize| if near { i % 3 } else { i };
        edits.into_iter().map(|(op, a, b, v)| (op, near(a), near(b), v)).collect()
    })
}

fn edited(s: &Strategy, edits: &[Edit]) -> Strategy {
    let mut s = s.clone();
    for e in edits {
        apply(&mut s, *e);
    }
    s
}

fn has_errors(s: &Strategy) -> bool {
    errors(&validate(s)).next().is_some()
}

/// The values (of items all three versions have) that one side changed and the other did not:
/// the merged strategy has that side's value. Both changed differently: a conflict says so.
fn check_values(base: &Strategy, ours: &Strategy, theirs: &Strategy, m: &Merge) -> Result<(), TestCaseError> {
    let (fb, fo, ft) = (Flat::of(base), Flat::of(ours), Flat::of(theirs));
    let fm = Flat::of(&m.strategy());
    for (k, b) in &fb.items {
        let (Some(o), Some(t)) = (fo.items.get(k), ft.items.get(k)) else { continue };
        let names: BTreeSet<&String> = b.fields.keys().chain(o.fields.keys()).chain(t.fields.keys()).collect();
        for name in names {
            let (bv, ov, tv) = (b.fields.get(name), o.fields.get(name), t.fields.get(name));
            if ov != bv && tv != bv && ov != tv && !b.shape.sums.contains(&name.as_str()) {
                let (entity, field) = at(&ft, k, Some(name));
                prop_assert!(
                    m.conflicts
                        .iter()
                        .any(|c| c.kind == ConflictKind::BothChanged && c.entity == entity && c.field == field),
                    "no conflict for {entity:?} {field:?}"
                );
            } else if let Some(merged) = fm.items.get(k) {
                let expected = if ov != bv { ov } else { tv };
                if !b.shape.sums.contains(&name.as_str()) && b.shape.ref_fields.is_empty() {
                    prop_assert_eq!(merged.fields.get(name), expected, "{:?} {}", k, name);
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_merge_resolves_valid_and_sides_that_agree_merge_to_themselves(
        common in edits(6), here in edits(10), there in edits(10), picks in any::<u64>()
    ) {
        let base = edited(&town(), &common);
        let ours = edited(&base, &here);
        let theirs = edited(&base, &there);
        prop_assume!(!has_errors(&base) && !has_errors(&ours) && !has_errors(&theirs));

        let m = merge(&base, &ours, &theirs);
        let n = m.conflicts.len();
        let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 1 { Side::Theirs } else { Side::Ours }).collect();
        for choices in [vec![Side::Ours; n], vec![Side::Theirs; n], mixed] {
            let s = m.resolve(&choices);
            prop_assert!(s.is_ok(), "{:?} with {:?}", s, choices);
        }
        prop_assert_eq!(&m.resolve_all(Side::Ours).unwrap(), &m.strategy());
        check_values(&base, &ours, &theirs, &m)?;

        for x in [&ours, &theirs] {
            let same = merge(&base, x, x);
            prop_assert!(same.conflicts.is_empty());
            prop_assert_eq!(&same.strategy(), x);
        }
        let only_theirs = merge(&base, &base, &theirs);
        prop_assert!(only_theirs.conflicts.is_empty());
        prop_assert_eq!(&only_theirs.strategy(), &theirs);
        let only_ours = merge(&base, &ours, &base);
        prop_assert!(only_ours.conflicts.is_empty());
        prop_assert_eq!(&only_ours.strategy(), &ours);
    }
}
