//! Giving a whole strategy fresh ids while keeping every reference pointing at the same thing
//! (used when a strategy is duplicated, so two strategies never share an id).

use super::{Id, Strategy};
use std::collections::HashMap;

struct Renewer(HashMap<Id, Id>);

impl Renewer {
    /// The new id for `old`, made on first sight, keeping the readable prefix.
    fn renew(&mut self, old: &mut Id) {
        let prefix = old.as_str().split('-').next().unwrap_or("id").to_owned();
        let new = self.0.entry(old.clone()).or_insert_with(|| Id::new(&prefix)).clone();
        *old = new;
    }
    /// References are rewritten only when they point at something that was renewed; a
    /// dangling reference stays as it was (validation reports it).
    fn rewrite(&self, reference: &mut Id) {
        if let Some(new) = self.0.get(reference) {
            *reference = new.clone();
        }
    }
    fn rewrite_all(&self, references: &mut [Id]) {
        references.iter_mut().for_each(|r| self.rewrite(r));
    }
}

pub(crate) fn renew_ids(original: &Strategy) -> Strategy {
    let mut s = original.clone();
    let mut r = Renewer(HashMap::new());
    // First every definition …
    r.renew(&mut s.id);
    s.sections.iter_mut().for_each(|x| r.renew(&mut x.id));
    s.national_framework.goals.iter_mut().for_each(|x| r.renew(&mut x.id));
    for c in s.framework_changes.iter_mut() {
        c.from.goals.iter_mut().for_each(|x| r.renew(&mut x.id));
    }
    s.schedule.iter_mut().for_each(|x| r.renew(&mut x.id));
    s.departments.iter_mut().for_each(|x| r.renew(&mut x.id));
    for ind in s.indicators_mut() {
        r.renew(&mut ind.id);
        ind.series.iter_mut().for_each(|x| r.renew(&mut x.id));
    }
    for g in s.goals_mut() {
        r.renew(&mut g.id);
        for m in g.measures_mut() {
            r.renew(&mut m.id);
            m.initiatives_mut().for_each(|i| r.renew(&mut i.id));
        }
    }
    for w in s.workshops.iter_mut() {
        r.renew(&mut w.id);
        w.notes.iter_mut().for_each(|n| r.renew(&mut n.id));
    }
    for round in s.rounds_mut() {
        r.renew(&mut round.id);
        round.answers.iter_mut().for_each(|a| r.renew(&mut a.id));
    }
    s.hearings_mut().iter_mut().for_each(|h| r.renew(&mut h.id));
    for o in s.opinions_mut() {
        r.renew(&mut o.id);
        // A group is no entity: its id is renewed here, the same for every member.
        o.group.iter_mut().for_each(|g| r.renew(g));
    }
    // … then every reference.
    for link in s.framework_changes.iter_mut().flat_map(|c| c.links.iter_mut()) {
        r.rewrite(&mut link.goal);
        if let Some(n) = &mut link.national_goal {
            r.rewrite(n);
        }
    }
    for w in s.workshops.iter_mut() {
        for n in w.notes.iter_mut() {
            match &mut n.target {
                super::NoteTarget::Goal(id) | super::NoteTarget::Measure(id) => r.rewrite(id),
            }
        }
    }
    for o in s.opinions_mut() {
        r.rewrite(&mut o.hearing);
        o.about.id_mut().into_iter().for_each(|id| r.rewrite(id));
    }
    let rewrite_owner = |r: &Renewer, d: &mut Option<Id>| d.iter_mut().for_each(|d| r.rewrite(d));
    for round in s.rounds_mut() {
        round.answers.iter_mut().for_each(|a| r.rewrite(&mut a.department));
    }
    for ind in s.indicators_mut() {
        rewrite_owner(&r, &mut ind.department);
    }
    for g in s.goals_mut() {
        if let Some(n) = &mut g.national_goal {
            r.rewrite(n);
        }
        r.rewrite_all(&mut g.targets);
        for m in g.measures_mut() {
            rewrite_owner(&r, &mut m.department);
            r.rewrite_all(&mut m.kpis);
            r.rewrite_all(&mut m.related);
            m.relisted.iter_mut().for_each(|x| r.rewrite(&mut x.initiative));
            m.initiatives_mut().for_each(|i| {
                rewrite_owner(&r, &mut i.department);
                r.rewrite_all(&mut i.kpis);
                for t in i.grant.iter_mut().flat_map(|g| g.targets.iter_mut()) {
                    r.rewrite(&mut t.indicator);
                }
            });
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, Goal, GoalKind, Indicator, Initiative, Measure, PlanPeriod};

    #[test]
    fn duplicate_renews_every_id_and_keeps_references() {
        let mut s = Strategy::blank("戦略", "北本市", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let ind = Indicator::new("7-2", "出生数", "人");
        let mut g = Goal::new(GoalKind::Basic, "3", "子育て");
        g.targets.push(ind.id.clone());
        let mut m1 = Measure::new("1", "a");
        let init = Initiative::new("1", "x");
        let mut m2 = Measure::new("2", "b");
        m2.relisted.push(crate::model::Relisting::all_years(init.id.clone()));
        m2.related.push(m1.id.clone());
        m1.initiatives.push(init.into());
        m1.kpis.push(ind.id.clone());
        let section = s.add_department("企画課");
        m1.department = Some(section.clone());
        g.measures = vec![m1.into(), m2.into()];
        s.goals.push(g.into());
        s.indicators.push(ind.into());

        let d = s.duplicate();
        assert_ne!(d.id, s.id);
        assert_ne!(d.indicators[0].id, s.indicators[0].id);
        assert_ne!(d.indicators[0].series[0].id, s.indicators[0].series[0].id);
        assert_eq!(d.goals[0].targets, vec![d.indicators[0].id.clone()]);
        assert_eq!(d.goals[0].measures[0].kpis, vec![d.indicators[0].id.clone()]);
        assert_eq!(d.goals[0].measures[1].relisted[0].initiative, d.goals[0].measures[0].initiatives[0].id);
        assert_eq!(d.goals[0].measures[1].related, vec![d.goals[0].measures[0].id.clone()]);
        assert_ne!(d.departments[0].id, section);
        assert_eq!(d.goals[0].measures[0].department.as_ref(), Some(&d.departments[0].id));
        assert!(d.goals[0].measures[0].initiatives[0].id.as_str().starts_with("initiative-"));
        assert!(crate::model::validate(&d).is_empty());
    }

    #[test]
    fn duplicate_renews_workshop_ids_and_keeps_note_targets() {
        let mut s = Strategy::blank("戦略", "北本市", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let g = s.add_goal(GoalKind::Basic);
        let m = s.add_measure(&g).unwrap();
        let w = s.start_workshop("第1回", "2025-07-12");
        s.add_note(&w, crate::model::NoteTarget::Goal(g), "a").unwrap();
        s.add_note(&w, crate::model::NoteTarget::Measure(m), "b").unwrap();
        let d = s.duplicate();
        assert_ne!(d.workshops[0].id, s.workshops[0].id);
        assert_ne!(d.workshops[0].notes[0].id, s.workshops[0].notes[0].id);
        assert_eq!(d.workshops[0].notes[0].target, crate::model::NoteTarget::Goal(d.goals[0].id.clone()));
        assert_eq!(
            d.workshops[0].notes[1].target,
            crate::model::NoteTarget::Measure(d.goals[0].measures[0].id.clone())
        );
    }
}
