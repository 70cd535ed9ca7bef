//! Members who share a strategy through files, each merging the others' from a common version
//! that may be far older than where they met (the first version: the worst base at hand), with
//! the marks of [`Provenance`] making the base exact. Checked against what really happened
//! (which edit set each value, and which edits each member had seen):
//! * no card unless both sides set the value with neither having seen the other's edit;
//! * no value taken silently from a side that had not seen the other's edit (no silent swap);
//! * once edits stop, every member holds the same content within a few rounds.

use super::edits::town;
use super::provenance::Provenance;
use super::{begin_listing, merge, merge_with, ConflictKind, Side, Version};
use crate::model::{Id, Measure, Strategy};
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// What one member holds: the strategy, its marks as last made, and (the test's own record)
/// which edit set each value and which edits it has seen.
#[derive(Clone)]
struct Member {
    name: String,
    strategy: Strategy,
    marks: Provenance,
    setters: HashMap<String, u64>,
    seen: HashSet<u64>,
}

/// A member's file: what it held when it wrote it.
type File = Member;

/// The values the test follows: each goal's and measure's title, and each measure's presence.
fn values(s: &Strategy) -> HashMap<String, String> {
    let mut v = HashMap::default();
    for g in &s.goals {
        v.insert(format!("title:{}", g.id), g.title.clone());
        for m in &g.measures {
            v.insert(format!("title:{}", m.id), m.title.clone());
            v.insert(format!("presence:{}", m.id), "there".into());
        }
    }
    v
}

/// The entity a value is about.
fn entity_of(key: &str) -> &str {
    key.split_once(':').map_or(key, |(_, id)| id)
}

struct World {
    members: Vec<Member>,
    files: Vec<Option<File>>,
    /// The last edit's number (edit 0: the first version, seen by all).
    events: u64,
    /// The first version: every merge's base at hand, the oldest there is.
    first: Strategy,
    /// Whether a value taken silently must have been the later one (see [`World::take`]).
    strict: bool,
}

#[derive(Clone, Debug)]
enum Step {
    Title(usize, usize),
    /// The member's file written, then a title set back to what the first version holds: a new
    /// setting of an old wording (between two markings, a value set and set back is no change).
    Revert(usize, usize),
    Add(usize),
    Remove(usize, usize),
    Write(usize),
    Take(usize, usize),
}

/// A random step; `items`: measures added and removed too (else titles only).
fn step(members: usize, items: bool) -> impl Gen<Value = Step> {
    let items = u32::from(items);
    prop_oneof![
        3 => (0..members, 0usize..16).prop_map(|(m, a)| Step::Title(m, a)),
        1 => (0..members, 0usize..16).prop_map(|(m, a)| Step::Revert(m, a)),
        items => (0..members).prop_map(Step::Add),
        items => (0..members, 0usize..16).prop_map(|(m, a)| Step::Remove(m, a)),
        3 => (0..members).prop_map(Step::Write),
        4 => (0..members, 0..members).prop_map(|(a, b)| Step::Take(a, b)),
    ]
}

impl World {
    fn new(n: usize) -> World {
        let first = town();
        let setters = values(&first).into_keys().map(|k| (k, 0)).collect();
        let members = (0..n)
            .map(|i| Member {
                name: format!("member-{i}"),
                strategy: first.clone(),
                marks: Provenance::default().stamp(&first, &format!("member-{i}"), 1),
                setters: HashMap::clone(&setters),
                seen: [0].into_iter().collect(),
            })
            .collect();
        World { members, files: vec![None; n], events: 0, first, strict: true }
    }

    fn event(&mut self) -> u64 {
        self.events += 1;
        self.events
    }

    fn run(&mut self, s: &Step) -> Result<(), TestCaseError> {
        if let Step::Revert(m, _) = *s {
            self.run(&Step::Write(m))?;
        }
        match *s {
            Step::Title(m, a) | Step::Revert(m, a) => {
                let e = self.event();
                let member = &mut self.members[m];
                let mut ids: Vec<Id> = member.strategy.goals.iter().map(|g| g.id.clone()).collect();
                ids.extend(member.strategy.measures().map(|(_, x)| x.id.clone()));
                let id = ids[a % ids.len()].clone();
                let first = values(&self.first).remove(&format!("title:{id}"));
                let title = match (s, first) {
                    (Step::Revert(..), Some(first)) => first,
                    _ => format!("題{e}"),
                };
                if values(&member.strategy).get(&format!("title:{id}")) == Some(&title) {
                    // Already that wording: no setting.
                    return Ok(());
                }
                match member.strategy.goal_mut(&id) {
                    Some(g) => g.title = title,
                    None => member.strategy.measure_mut(&id).expect("listed").title = title,
                }
                member.setters.insert(format!("title:{id}"), e);
                member.seen.insert(e);
            }
            Step::Add(m) => {
                let e = self.event();
                let member = &mut self.members[m];
                let measure = Measure::new(&format!("9-{e}"), &format!("題{e}"));
                let id = measure.id.clone();
                Arc::make_mut(&mut member.strategy.goals[0]).measures.push(Arc::new(measure));
                member.setters.insert(format!("title:{id}"), e);
                member.setters.insert(format!("presence:{id}"), e);
                member.seen.insert(e);
            }
            Step::Remove(m, a) => {
                let e = self.event();
                let member = &mut self.members[m];
                let ids: Vec<(usize, Id)> = member
                    .strategy
                    .goals
                    .iter()
                    .enumerate()
                    .flat_map(|(gi, g)| g.measures.iter().map(move |x| (gi, x.id.clone())))
                    .filter(|(_, id)| !member.strategy.measures().any(|(_, x)| x.related.contains(id)))
                    .collect();
                if ids.is_empty() {
                    return Ok(());
                }
                let (gi, id) = ids[a % ids.len()].clone();
                let before = member.strategy.clone();
                let goal = Arc::make_mut(&mut member.strategy.goals[gi]);
                goal.measures.retain(|x| x.id != id);
                if crate::model::errors(&crate::model::validate(&member.strategy)).next().is_some() {
                    // A removal the editor would not make (something still refers to it).
                    member.strategy = before;
                    return Ok(());
                }
                member.setters.insert(format!("presence:{id}"), e);
                member.seen.insert(e);
            }
            Step::Write(m) => {
                let at = self.event();
                let member = &mut self.members[m];
                member.marks = member.marks.stamp(&member.strategy, &member.name, at);
                let mut file = member.clone();
                file.marks = file.marks.for_file();
                self.files[m] = Some(file);
            }
            Step::Take(a, b) if a != b => {
                if let Some(file) = self.files[b].clone() {
                    let at = self.event();
                    self.take(a, &file, at)?;
                }
            }
            Step::Take(..) => {}
        }
        Ok(())
    }

    /// Member `a` merges `file` from the first version, made exact by the marks; each card is
    /// decided the same way whoever decides (the greater value; an edit over a removal).
    fn take(&mut self, a: usize, file: &File, at: u64) -> Result<(), TestCaseError> {
        let me = self.members[a].clone();
        let ours_marks = me.marks.stamp(&me.strategy, &me.name, at);
        // Merged in one order whoever merges (as the shared folder does), so that two members
        // making the same merge make the same content.
        let (a_side, b_side) = ((&me.strategy, &ours_marks), (&file.strategy, &file.marks));
        let (first, second) = match me.name < file.name {
            true => (a_side, b_side),
            false => (b_side, a_side),
        };
        let m = merge_with(&self.first, Some((first.1, second.1)), first.0, second.0);
        // As a folder's reading merges, listing one side's changes: the same cards and content.
        let listed = begin_listing(&self.first, first.0, second.0, Side::Theirs, Some((first.1, second.1))).finish();
        prop_assert_eq!(&listed.conflicts, &m.conflicts);
        prop_assert_eq!(&listed.taken, &m.taken);
        prop_assert_eq!(listed.strategy(), m.strategy());
        let (vo, vt) = (values(&me.strategy), values(&file.strategy));
        let mut keys: Vec<&String> = vo.keys().chain(vt.keys()).collect();
        keys.sort();
        keys.dedup();
        let later = |k: &String| later(k, (&me, &vo), (file, &vt));
        let concurrent: HashSet<&str> =
            keys.iter().filter(|k| vo.get(**k) != vt.get(**k) && later(k).is_none()).map(|k| entity_of(k)).collect();
        for c in m.conflicts.iter().filter(|c| c.kind == ConflictKind::BothChanged) {
            prop_assert!(
                concurrent.contains(c.entity.id.as_str()),
                "a card for {:?} {:?}, which only one side changed since the other saw it ({} ← {})",
                c.entity,
                c.field,
                me.name,
                file.name
            );
        }
        let choices: Vec<Side> = m.conflicts.iter().map(choose).collect();
        let merged = m.resolve(&choices).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let vm = values(&merged);
        let carded: HashSet<&str> = m.conflicts.iter().map(|c| c.entity.id.as_str()).collect();
        let decision = self.event();
        let member = &mut self.members[a];
        for k in keys {
            let (o, t, got) = (vo.get(k), vt.get(k), vm.get(k));
            if o == t {
                // The same value: its later setting (a decision over another value is one).
                let (mine, theirs) =
                    (me.setters.get(k).copied().unwrap_or(0), file.setters.get(k).copied().unwrap_or(0));
                if file.seen.contains(&mine) && !me.seen.contains(&theirs) {
                    member.setters.insert(k.clone(), theirs);
                }
                continue;
            }
            if removed_on_one_side(k, &vo, &vt) {
                // The title of an item one side removed: as the side it was kept from set it.
                if got.is_some() && got == t && o.is_none() {
                    member.setters.insert(k.clone(), file.setters.get(k).copied().unwrap_or(0));
                }
                continue;
            }
            match later(k) {
                Some(Side::Ours) => {
                    prop_assert!(
                        !self.strict || got == o,
                        "{} lost its later {} to {}'s older one",
                        me.name,
                        k,
                        file.name
                    )
                }
                Some(Side::Theirs) => {
                    prop_assert!(
                        !self.strict || got == t,
                        "{} kept its older {} over {}'s later one",
                        me.name,
                        k,
                        file.name
                    );
                    member.setters.insert(k.clone(), file.setters.get(k).copied().unwrap_or(0));
                }
                None => {
                    prop_assert!(
                        carded.contains(entity_of(k)) || k.starts_with("presence:") || !self.strict,
                        "{} took {} silently, though neither side had seen the other's ({} ← {})",
                        me.name,
                        k,
                        me.name,
                        file.name
                    );
                    member.setters.insert(k.clone(), decision);
                }
            }
        }
        member.seen.extend(file.seen.iter().copied());
        member.seen.insert(decision);
        member.marks =
            Provenance::merged(&merged, (&me.strategy, &ours_marks), (&file.strategy, &file.marks), &me.name, at);
        member.strategy = merged;
        Ok(())
    }
}

/// A title of a measure one side removed: its presence says what happens to it.
fn removed_on_one_side(k: &str, vo: &HashMap<String, String>, vt: &HashMap<String, String>) -> bool {
    let presence = format!("presence:{}", entity_of(k));
    k.starts_with("title:") && vo.get(&presence) != vt.get(&presence)
}

/// Which side set a value they hold differently after having seen the other's edit of it
/// (`None`: neither saw the other's). A removal is later than an item's edits only when the
/// remover had seen them all; an item kept is later than a removal its keeper had seen.
fn later(
    k: &String,
    (ours, vo): (&Member, &HashMap<String, String>),
    (theirs, vt): (&Member, &HashMap<String, String>),
) -> Option<Side> {
    let setter = |m: &Member, k: &str| m.setters.get(k).copied().unwrap_or(0);
    if let Some(id) = k.strip_prefix("presence:") {
        let title = format!("title:{id}");
        let (kept, removed, keeper) = match vo.contains_key(k) {
            true => (ours, theirs, Side::Ours),
            false => (theirs, ours, Side::Theirs),
        };
        let _ = vt;
        if [k.as_str(), &title].iter().all(|key| removed.seen.contains(&setter(kept, key))) {
            return Some(keeper.other());
        }
        return removed_seen_by(kept, setter(removed, k)).then_some(keeper);
    }
    match (ours.seen.contains(&setter(theirs, k)), theirs.seen.contains(&setter(ours, k))) {
        (true, _) => Some(Side::Ours),
        (false, true) => Some(Side::Theirs),
        (false, false) => None,
    }
}

fn removed_seen_by(m: &Member, removal: u64) -> bool {
    m.seen.contains(&removal)
}

/// The same decision whoever decides: the greater value, an edit over a removal.
fn choose(c: &super::Conflict) -> Side {
    match (&c.kind, &c.ours, &c.theirs) {
        (ConflictKind::BothChanged, Version::Value(o), Version::Value(t)) => match o.as_str() >= t.as_str() {
            true => Side::Ours,
            false => Side::Theirs,
        },
        (ConflictKind::RemovedEdited { removed_by } | ConflictKind::Dangling { removed_by }, _, _) => {
            removed_by.other()
        }
        _ => Side::Ours,
    }
}

/// Runs `steps`, then everyone writes and takes everyone's file until all hold the same:
/// within four rounds. Every take checked as [`World::take`] says.
fn converges(steps: &[Step], strict: bool) -> Result<(), TestCaseError> {
    let mut w = World::new(5);
    w.strict = strict;
    for s in steps {
        w.run(s)?;
    }
    for round in 0.. {
        let first = &w.members[0].strategy;
        if w.members.iter().all(|m| m.strategy == *first) {
            return Ok(());
        }
        prop_assert!(round < 4, "not the same after {round} rounds");
        for i in 0..5 {
            w.run(&Step::Write(i))?;
        }
        for i in 0..5 {
            for j in 0..5 {
                w.run(&Step::Take(i, j))?;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Five members editing values: no false card, the same content at the end.
    #[test]
    fn five_members_editing_values_converge_with_no_false_card(
        steps in proptest::collection::vec(step(5, false), 1..40)
    ) {
        converges(&steps, true)?;
    }

    /// Five members adding and removing measures too: the same content at the end, and no card
    /// for a value only one side changed since the other saw it.
    #[test]
    fn five_members_adding_and_removing_converge_with_no_false_card(
        steps in proptest::collection::vec(step(5, true), 1..40)
    ) {
        converges(&steps, true)?;
    }
}

/// The cases real use found, and the cases random edits rarely reach, one by one.
#[path = "provenance_cases.rs"]
mod cases;
