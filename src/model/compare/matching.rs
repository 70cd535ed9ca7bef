//! Which item of the new version is which of the old (see the module's text of `compare`).

use super::table::{FlatItem, PlaceKind};
use crate::model::Id;
use std::collections::HashMap;

pub(crate) struct ItemMatching {
    pub new_to_old: Vec<Option<usize>>,
    pub old_to_new: Vec<Option<usize>>,
    pub across_periods: bool,
}

/// Goals of any kind are one sort of item: a goal whose kind changed is the same goal.
fn sort(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Strategy => 0,
        PlaceKind::Section => 1,
        PlaceKind::Goal(_) => 2,
        PlaceKind::Measure => 3,
        PlaceKind::Initiative => 4,
        PlaceKind::Indicator => 5,
    }
}

impl ItemMatching {
    fn pair(&mut self, j: usize, i: usize) {
        self.new_to_old[j] = Some(i);
        self.old_to_new[i] = Some(j);
    }
}

/// The matching, or `None` when the two have nothing in common.
pub(crate) fn match_nodes(a: &[FlatItem], b: &[FlatItem]) -> Option<ItemMatching> {
    let mut m =
        ItemMatching { new_to_old: vec![None; b.len()], old_to_new: vec![None; a.len()], across_periods: false };
    m.pair(0, 0);
    let old_ids: HashMap<&Id, usize> = a.iter().enumerate().skip(1).map(|(i, n)| (&n.id, i)).collect();
    let mut common = 0;
    for (j, n) in b.iter().enumerate().skip(1) {
        if let Some(&i) = old_ids.get(&n.id) {
            if sort(a[i].kind) == sort(n.kind) && m.old_to_new[i].is_none() {
                m.pair(j, i);
                common += 1;
            }
        }
    }
    // Indicators carried by 次期へ引き継ぐ, through their predecessor.
    let mut carried = 0;
    for (j, n) in b.iter().enumerate() {
        if n.kind != PlaceKind::Indicator || m.new_to_old[j].is_some() {
            continue;
        }
        let Some(&i) = n.indicators.first().and_then(|p| old_ids.get(p)) else { continue };
        if a[i].kind == PlaceKind::Indicator && m.old_to_new[i].is_none() {
            m.pair(j, i);
            carried += 1;
        }
    }
    let same_strategy = a[0].id == b[0].id;
    if !same_strategy && common == 0 && carried == 0 {
        return None;
    }
    m.across_periods = !same_strategy;
    if !same_strategy {
        through_kpis(&mut m, a, b);
        under_matched_parents(&mut m, a, b);
    }
    Some(m)
}

/// Goals, measures and initiatives given fresh ids: each matched with the one old item of its
/// sort holding an old indicator its carried KPIs continue, when there is exactly one.
fn through_kpis(m: &mut ItemMatching, a: &[FlatItem], b: &[FlatItem]) {
    let new_ids: HashMap<&Id, usize> = b.iter().enumerate().map(|(j, n)| (&n.id, j)).collect();
    for (j, n) in b.iter().enumerate().skip(1) {
        if n.kind == PlaceKind::Indicator || m.new_to_old[j].is_some() {
            continue;
        }
        let olds: Vec<&Id> = n
            .indicators
            .iter()
            .filter_map(|id| new_ids.get(id))
            .filter_map(|&k| m.new_to_old[k])
            .map(|i| &a[i].id)
            .collect();
        if olds.is_empty() {
            continue;
        }
        let mut found = a.iter().enumerate().filter(|(i, o)| {
            m.old_to_new[*i].is_none() && sort(o.kind) == sort(n.kind) && o.indicators.iter().any(|x| olds.contains(&x))
        });
        if let (Some((i, _)), None) = (found.next(), found.next()) {
            m.pair(j, i);
        }
    }
}

/// What is still unmatched under a matched parent: by its number, else by its title.
fn under_matched_parents(m: &mut ItemMatching, a: &[FlatItem], b: &[FlatItem]) {
    for (j, n) in b.iter().enumerate().skip(1) {
        if m.new_to_old[j].is_some() {
            continue;
        }
        let Some(q) = n.parent.and_then(|p| m.new_to_old[p]) else { continue };
        let open =
            |i: &usize| m.old_to_new[*i].is_none() && a[*i].parent == Some(q) && sort(a[*i].kind) == sort(n.kind);
        let by = |key: fn(&FlatItem) -> &str| {
            let k = key(n).trim();
            (!k.is_empty()).then(|| (0..a.len()).find(|i| open(i) && key(&a[*i]).trim() == k)).flatten()
        };
        if let Some(i) = by(|x| &x.number).or_else(|| by(|x| &x.title)) {
            m.pair(j, i);
        }
    }
}
