//! Values and marks kept sorted by place ([`Runs`]): marking a version and merging two sides'
//! marks walk the runs side by side in one pass, instead of looking each of some hundred
//! thousand places up in hash maps.

/// The values of a version by the hash of their place: each value's hash (never 0), and
/// whether the place is an item's presence.
pub(super) type Values = Runs<(u64, bool)>;

/// Entries sorted by place, one per place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Runs<V>(pub(super) Vec<(u64, V)>);

impl<V> Default for Runs<V> {
    fn default() -> Self {
        Runs(Vec::new())
    }
}

impl<V> Runs<V> {
    /// Entries in any order; of two for one place, the later is kept (as a map's insert would).
    pub(super) fn of(mut entries: Vec<(u64, V)>) -> Runs<V> {
        entries.reverse();
        entries.sort_by_key(|(place, _)| *place);
        entries.dedup_by_key(|(place, _)| *place);
        Runs(entries)
    }

    /// Entries already sorted by place, each place once (what [`Walk`]s emit).
    pub(super) fn sorted(entries: Vec<(u64, V)>) -> Runs<V> {
        debug_assert!(entries.windows(2).all(|w| w[0].0 < w[1].0), "runs out of order");
        Runs(entries)
    }

    pub(super) fn get(&self, place: u64) -> Option<&V> {
        self.0.binary_search_by_key(&place, |(p, _)| *p).ok().map(|i| &self.0[i].1)
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (u64, &V)> {
        self.0.iter().map(|(p, v)| (*p, v))
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn into_vec(self) -> Vec<(u64, V)> {
        self.0
    }

    /// A cursor that answers [`Walk::at`] for places asked in rising order.
    pub(super) fn walk(&self) -> Walk<'_, V> {
        Walk { run: &self.0, at: 0 }
    }
}

/// A cursor over one run, for places asked in rising order.
pub(super) struct Walk<'a, V> {
    run: &'a [(u64, V)],
    at: usize,
}

impl<'a, V> Walk<'a, V> {
    /// The entry at `place` (not below the last place asked).
    pub(super) fn at(&mut self, place: u64) -> Option<&'a V> {
        while self.run.get(self.at).is_some_and(|(p, _)| *p < place) {
            self.at += 1;
        }
        self.run.get(self.at).filter(|(p, _)| *p == place).map(|(_, v)| v)
    }

    /// The first place at or after the cursor whose entry `keep` accepts.
    pub(super) fn next_where(&mut self, keep: impl Fn(&V) -> bool) -> Option<u64> {
        while let Some((p, v)) = self.run.get(self.at) {
            if keep(v) {
                return Some(*p);
            }
            self.at += 1;
        }
        None
    }

    /// Past `place`.
    pub(super) fn pass(&mut self, place: u64) {
        while self.run.get(self.at).is_some_and(|(p, _)| *p <= place) {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_one_entry_a_place_the_later_as_a_map_would() {
        let r = Runs::of(vec![(5, 'a'), (1, 'b'), (5, 'c'), (3, 'd')]);
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![(1, &'b'), (3, &'d'), (5, &'c')]);
        assert_eq!(r.get(5), Some(&'c'));
        assert_eq!(r.get(4), None);
    }

    #[test]
    fn a_walk_answers_places_asked_in_rising_order() {
        let r = Runs::of(vec![(2, 'a'), (4, 'b'), (9, 'c')]);
        let mut w = r.walk();
        assert_eq!(w.at(1), None);
        assert_eq!(w.at(4), Some(&'b'));
        assert_eq!(w.at(8), None);
        assert_eq!(w.next_where(|v| *v == 'c'), Some(9));
        w.pass(9);
        assert_eq!(w.next_where(|_| true), None);
    }
}
