//! Where each value of a strategy was last set, so that a merge needs no content it may not
//! have. A mark per value (each field of each entity and yearly row, where it sits, the order of
//! each list, whether it is there at all) names the event that set it: a member and a number
//! that only grows (a dot). A version also counts, per member, the events it has seen (its
//! clock). When two versions differ in a value, the side whose event the other has seen is
//! the older one: the other changed it since, and its value is taken with no card. When both set
//! it and neither has seen the other's event, it is a card whatever the common version at hand
//! holds (one side may have set it back to that: [`super::Concurrent`]). Only where a side's mark
//! is unknown does the merge fall back to the common version at hand, as before.
//!
//! A mark also holds a hash of its value: a value changed after it was marked (an edit not yet
//! marked, a file changed by another program) is a new event nobody has seen, never an old one.
//! So a mark can only make a merge more exact, never take a change away.
//!
//! Marks are made when a strategy arrives from a file ([`Provenance::arrived`]: what is edited
//! after is then this browser's), when a version leaves the browser or is merged ([`Provenance::stamp`],
//! [`Provenance::merged`]) and travel beside the strategy in files (`format::Lineage`), not in
//! its content: a version's id names its content alone.
//!
//! Each of them reads a version as the merge's typed table (`typed::table`) and its values'
//! hashes, kept in runs sorted by place (`runs`): a caller that marks both sides and the merge
//! gives each version as a [`Tabled`], made once. The merge itself reads the marks on its own
//! tables, where the two sides differ (`base::exact_table`, from `merge_with`).

mod base;
mod places;
mod runs;
mod wire;

pub(super) use base::exact_table;
pub use wire::{MAX_MARKS, MAX_MEMBERS};

use super::findings::Side;
use super::typed::table::TypedTable;
use crate::model::Strategy;
use places::{values_of, ItemValues};
use runs::{Runs, Values};
use std::borrow::Cow;
use std::cell::OnceCell;

/// A version as the marks read it, its typed table made once, and its values by place (made
/// when first read, with each item's values: what a later version's unchanged items take).
#[derive(Clone, Debug)]
pub struct Tabled {
    table: TypedTable,
    values: OnceCell<(Values, ItemValues)>,
}

impl Tabled {
    pub fn of(strategy: &Strategy) -> Tabled {
        Tabled { table: TypedTable::of(strategy), values: OnceCell::new() }
    }

    /// `strategy` read beside versions read before (`like`, nearest first): an item the same
    /// as theirs takes their values, unread (`places::values_of`).
    pub fn of_like(strategy: &Strategy, like: &[&Tabled]) -> Tabled {
        let table = TypedTable::of(strategy);
        let known: Vec<_> = like.iter().map(|l| (&l.table, &l.item_values().1)).collect();
        let values = OnceCell::from(values_of(&table, &known));
        Tabled { table, values }
    }

    fn item_values(&self) -> &(Values, ItemValues) {
        self.values.get_or_init(|| values_of(&self.table, &[]))
    }

    fn values(&self) -> &Values {
        &self.item_values().0
    }
}

/// A version the marks read: a strategy (read for the one call) or one [`Tabled`] already.
pub trait Tables {
    fn tabled(&self) -> Cow<'_, Tabled>;
}

impl Tables for Strategy {
    fn tabled(&self) -> Cow<'_, Tabled> {
        Cow::Owned(Tabled::of(self))
    }
}

impl Tables for Tabled {
    fn tabled(&self) -> Cow<'_, Tabled> {
        Cow::Borrowed(self)
    }
}

/// One event: a member's, by the number it gave it (growing with time: see [`Provenance::stamp`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dot {
    pub member: String,
    pub counter: u64,
}

/// A value's mark: the hash of the value it was made for (0: not there, a removal), whether it
/// marks an item's presence (kept when the item goes, as its removal), and the event that set
/// it (`None`: unknown, marked before anyone counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    pub(super) value: u64,
    pub(super) presence: bool,
    pub(super) dot: Option<(u32, u64)>,
}

/// A version's marks and clock (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The members whose events are counted; a dot names one by its place here.
    pub(super) members: Vec<String>,
    /// Per member (as `members`), the highest event of theirs this version has seen.
    pub(super) clock: Vec<u64>,
    /// By the hash of the value's place.
    marks: Runs<Mark>,
}

/// Whose value a merge's base takes at one place where the two sides differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Seen {
    /// Ours has seen the event that set theirs: ours changed it since.
    ByOurs,
    /// Theirs has seen ours: theirs changed it since.
    ByTheirs,
    /// Neither has seen the other's, or a mark is unknown: the common version at hand decides.
    Unknown,
}

impl Provenance {
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// How many values it marks (removals included).
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// The highest of `member`'s events this version has seen.
    pub fn seen_of(&self, member: &str) -> u64 {
        self.members.iter().position(|m| m == member).map_or(0, |i| self.clock[i])
    }

    fn member_index(&mut self, member: &str) -> u32 {
        match self.members.iter().position(|m| m == member) {
            Some(i) => i as u32,
            None => {
                self.members.push(member.to_owned());
                self.clock.push(0);
                (self.members.len() - 1) as u32
            }
        }
    }

    fn dot(&self, mark: &Mark) -> Option<Dot> {
        let (m, counter) = mark.dot?;
        Some(Dot { member: self.members.get(m as usize)?.clone(), counter })
    }

    /// Whether this version has seen `dot`.
    pub(super) fn has_seen(&self, dot: &Dot) -> bool {
        self.seen_of(&dot.member) >= dot.counter
    }

    /// A new event of `me`, numbered `at` (the time in milliseconds) or, should the clock have
    /// gone back, one above the last: a member's numbers only grow, so no two events share one.
    fn next_event(&mut self, me: &str, at: u64) -> (u32, u64) {
        let i = self.member_index(me);
        let counter = at.max(self.clock[i as usize] + 1);
        self.clock[i as usize] = counter;
        (i, counter)
    }

    /// The marks of `strategy` as `me` holds it now: what changed since these marks were made is
    /// marked as one new event of `me` (numbered `at` or above); the rest keeps its marks. With
    /// no marks yet, every value is marked unknown (nobody counted before).
    pub fn stamp(&self, strategy: &impl Tables, me: &str, at: u64) -> Provenance {
        self.stamp_values(strategy.tabled().values(), me, at)
    }

    fn stamp_values(&self, values: &Values, me: &str, at: u64) -> Provenance {
        let mut next = Provenance { members: self.members.clone(), clock: self.clock.clone(), marks: Runs::default() };
        let first = self.marks.is_empty();
        let mut event = None;
        let (v, m) = (&values.0, &self.marks.0);
        let mut out = Vec::with_capacity(v.len());
        let (mut i, mut j) = (0, 0);
        // Both runs walked side by side: each place has a value, a mark, or both.
        while i < v.len() || j < m.len() {
            let (vp, mp) = (v.get(i).map(|e| e.0), m.get(j).map(|e| e.0));
            if mp.is_none() || vp.is_some_and(|a| mp.is_some_and(|b| a <= b)) {
                let (place, (value, presence)) = v[i];
                let marked = match mp == Some(place) {
                    true => {
                        j += 1;
                        Some(m[j - 1].1)
                    }
                    false => None,
                };
                i += 1;
                let mark = match marked {
                    Some(mark) if mark.value == value => mark,
                    _ if first => Mark { value, presence, dot: None },
                    _ => Mark { value, presence, dot: Some(*event.get_or_insert_with(|| next.next_event(me, at))) },
                };
                out.push((place, mark));
                continue;
            }
            let (place, mark) = m[j];
            j += 1;
            if !mark.presence {
                // A value of an item that is gone: the item's removal says it.
                continue;
            }
            let removal = match mark.value {
                0 => mark,
                _ => {
                    Mark { value: 0, presence: true, dot: Some(*event.get_or_insert_with(|| next.next_event(me, at))) }
                }
            };
            out.push((place, removal));
        }
        next.marks = Runs::sorted(out);
        next
    }

    /// The marks of `strategy` as it arrives from a file in a browser that holds none for it
    /// (imported, opened from a folder, brought into a region): each value as the file it came in (`file`) marks it,
    /// else unknown. What is edited after is then a new event of this browser's at its next
    /// [`Provenance::stamp`], not unknown.
    pub fn arrived(strategy: &Strategy, file: Option<&Provenance>) -> Provenance {
        let flat = Tabled::of(strategy);
        let unknown = Provenance::default().stamp(&flat, "", 0);
        match file {
            // Every value as both hold it: the file's mark where it names this value, else
            // unknown — no new event is made (`merged` makes one only for a value neither held).
            Some(file) => Provenance::merged(&flat, (&flat, &unknown), (&flat, file), "", 0),
            None => unknown,
        }
    }

    /// Every value of `strategy` marked as one event of `member`'s, numbered `at`: the most a
    /// version's marks can weigh (the benchmark's bound for a file).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn every_value_marked(strategy: &Strategy, member: &str, at: u64) -> Provenance {
        let unknown = Provenance::arrived(strategy, None);
        let mut all = Provenance::default();
        let dot = all.next_event(member, at);
        all.marks = Runs::sorted(
            unknown.marks.into_vec().into_iter().map(|(place, m)| (place, Mark { dot: Some(dot), ..m })).collect(),
        );
        all
    }

    /// The event that set a value as this version holds it (`value`: its hash, 0 when not
    /// there), when its mark was made for this value (`Ok(None)`: unknown, or no mark); a value
    /// changed since it was marked is a new event nobody else has seen (`Err`).
    pub(super) fn current(&self, place: u64, value: u64) -> Result<Option<Dot>, ()> {
        match self.marks.get(place) {
            Some(m) if m.value == value => Ok(self.dot(m)),
            Some(_) => Err(()),
            // Never marked (a file carries only the marks that name their event): unknown.
            None => Ok(None),
        }
    }

    /// The marks of `merged`, the merge of `ours` (marked `o`) and `theirs` (marked `t`) that
    /// `me` made: a value as one side held it keeps that side's mark when that side had seen
    /// the other's (the same value on both: the later mark, else ours', see [`Joined::later`]);
    /// anything else — a conflict decided, a value the common version at hand decided, votes
    /// added up — is a new event of `me`. The clock is both sides'.
    pub fn merged(
        merged: &impl Tables,
        (ours, o): (&impl Tables, &Provenance),
        (theirs, t): (&impl Tables, &Provenance),
        me: &str,
        at: u64,
    ) -> Provenance {
        let (m, ours, theirs) = (merged.tabled(), ours.tabled(), theirs.tabled());
        Provenance::merged_values([m.values(), ours.values(), theirs.values()], [o, t], me, at)
    }

    /// [`Provenance::merged`] of the three versions' values (merged, ours, theirs) and the two
    /// sides' marks. Dots are compared as numbers over both sides' members ([`Joined`]): a
    /// large strategy has some hundred thousand values, and naming each dot's member by its
    /// text cost more than the rest of the merge.
    fn merged_values([vm, vo, vt]: [&Values; 3], [o, t]: [&Provenance; 2], me: &str, at: u64) -> Provenance {
        let mut j = Joined::of(o, t);
        let mut out = Vec::with_capacity(vm.len().max(vo.len()).max(vt.len()));
        // Each place once, in rising order: every value of the three versions, and the removals
        // the sides' marks name.
        let (mut wm, mut wo, mut wt) = (vm.walk(), vo.walk(), vt.walk());
        // The removals among the marks (`ro`, `rt`), and the marks looked up (`lo`, `lt`).
        let (mut ro, mut rt) = (o.marks.walk(), t.marks.walk());
        let (mut lo, mut lt) = (o.marks.walk(), t.marks.walk());
        let mut event = None;
        loop {
            let removal = |m: &Mark| m.value == 0;
            let next = [
                wm.next_where(|_| true),
                wo.next_where(|_| true),
                wt.next_where(|_| true),
                ro.next_where(removal),
                rt.next_where(removal),
            ];
            let Some(place) = next.into_iter().flatten().min() else { break };
            let (em, eo, et) = (wm.at(place).copied(), wo.at(place).copied(), wt.at(place).copied());
            let (mo, mt) = (lo.at(place).copied(), lt.at(place).copied());
            for w in [&mut wm, &mut wo, &mut wt] {
                w.pass(place);
            }
            for w in [&mut ro, &mut rt] {
                w.pass(place);
            }
            let value_in = |e: Option<(u64, bool)>| e.map_or(0, |(h, _)| h);
            let (value, ov, tv) = (value_in(em), value_in(eo), value_in(et));
            let presence = [em, eo, et]
                .into_iter()
                .find_map(|e| e.map(|(_, p)| p))
                .or_else(|| [mo, mt].into_iter().find_map(|m| m.map(|m| m.presence)))
                .unwrap_or(false);
            if value == 0 && !presence {
                continue;
            }
            let (od, td) = (j.current_mark(Side::Ours, mo, ov), j.current_mark(Side::Theirs, mt, tv));
            let kept = match (value == ov, value == tv) {
                (true, true) => match (od, td) {
                    (Ok(a), Ok(b)) => Some(j.later(a, b)),
                    (Ok(a), Err(())) => Some(a),
                    (Err(()), Ok(b)) => Some(b),
                    (Err(()), Err(())) => None,
                },
                // Taken from one side: its mark, when it had seen what the other held.
                (true, false) => covering(od, td, |d| j.seen_by(Side::Ours, d)),
                (false, true) => covering(td, od, |d| j.seen_by(Side::Theirs, d)),
                (false, false) => None,
            };
            let dot = match kept {
                Some(dot) => dot,
                None => Some(*event.get_or_insert_with(|| j.next.next_event(me, at))),
            };
            out.push((place, Mark { value, presence, dot }));
        }
        j.next.marks = Runs::sorted(out);
        j.next
    }
}

/// Two sides' marks read over one list of members (the merged version's): a dot is a member's
/// place in it and a number, compared without reading a name.
struct Joined {
    /// Per side, each of its members' place in `next.members`.
    places: [Vec<u32>; 2],
    /// Per side, its clock over `next.members`.
    clocks: [Vec<u64>; 2],
    /// The merged version's marks, its members and clock both sides'.
    next: Provenance,
}

type JoinedDot = (u32, u64);

impl Joined {
    fn of(o: &Provenance, t: &Provenance) -> Joined {
        let mut next = Provenance::default();
        let places = [o, t].map(|p| p.members.iter().map(|m| next.member_index(m)).collect::<Vec<u32>>());
        next.clock = vec![0; next.members.len()];
        let mut clocks = [vec![0; next.members.len()], vec![0; next.members.len()]];
        for (side, p) in [o, t].iter().enumerate() {
            for (i, seen) in p.clock.iter().enumerate() {
                let at = places[side][i] as usize;
                clocks[side][at] = *seen;
                next.clock[at] = next.clock[at].max(*seen);
            }
        }
        Joined { places, clocks, next }
    }

    fn index(side: Side) -> usize {
        match side {
            Side::Ours => 0,
            Side::Theirs => 1,
        }
    }

    /// [`Provenance::current`] of one side's mark at a place (`mark`), its dot over the joined
    /// members.
    fn current_mark(&self, side: Side, mark: Option<Mark>, value: u64) -> Result<Option<JoinedDot>, ()> {
        let i = Self::index(side);
        match mark {
            Some(m) if m.value == value => {
                Ok(m.dot.and_then(|(member, counter)| Some((*self.places[i].get(member as usize)?, counter))))
            }
            Some(_) => Err(()),
            None => Ok(None),
        }
    }

    /// Whether `side`'s version has seen the event `dot`.
    fn seen_by(&self, side: Side, (member, counter): JoinedDot) -> bool {
        self.clocks[Self::index(side)].get(member as usize).is_some_and(|seen| *seen >= counter)
    }

    /// The mark of a value both sides hold alike, ours' `a` and theirs' `b`: theirs' when it is
    /// the later (theirs had seen ours', not ours theirs'), else ours'.
    fn later(&self, a: Option<JoinedDot>, b: Option<JoinedDot>) -> Option<JoinedDot> {
        match (a, b) {
            (Some(x), Some(y)) if self.seen_by(Side::Theirs, x) && !self.seen_by(Side::Ours, y) => Some(y),
            // Neither saw the other's (both set it alike): ours' stays, the setting this version
            // had. Taking theirs' instead (say the greater by name, the same whoever merges)
            // drops it: a member who changes the value having seen only theirs' setting would be
            // taken with no card, though it had not seen this version's.
            (Some(x), Some(_)) => Some(x),
            (x, None) => x,
            (None, y) => y,
        }
    }
}

/// The winner's mark of a value a merge took from it, when the winner (whose clock says which
/// events it had seen: `win_saw`) had seen the loser's event: then it still names the value's
/// last event.
fn covering<D: Copy>(
    win: Result<Option<D>, ()>,
    lose: Result<Option<D>, ()>,
    win_saw: impl Fn(D) -> bool,
) -> Option<Option<D>> {
    match (win, lose) {
        (Ok(Some(w)), Ok(Some(l))) if win_saw(l) => Some(Some(w)),
        // The loser held nothing there that anyone counted: the winner's mark stands.
        (Ok(Some(w)), Ok(None)) => Some(Some(w)),
        // The winner's value uncounted, but taken over an event of the loser's (a removal the
        // item was kept against, by a card or by what the winner had seen): this merge's event,
        // else the loser's event reads as the later one to whoever holds it next.
        (Ok(None), Ok(Some(_))) => None,
        // Nobody counted the winner's value either: still unknown, not this merge's event (which
        // would claim the value for the member merging, and set it against its real author's
        // next change).
        (Ok(None), _) => Some(None),
        _ => None,
    }
}
