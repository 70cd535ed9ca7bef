//! The order of the items under one parent after a merge: both sides' moves where they do not
//! cross, otherwise the file's order (no conflict); what only one side has (added, or moved in)
//! right after the item it follows there.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hash;

/// The order of `members` (the merged list's items), from the three versions' lists.
pub(super) fn order<'a, K: Clone + Eq + Hash + Ord>(
    members: &'a [K],
    base: &'a [K],
    ours: &'a [K],
    theirs: &'a [K],
) -> Vec<K> {
    let wanted: HashSet<&K> = members.iter().collect();
    let positions = |list: &'a [K]| -> HashMap<&'a K, usize> {
        list.iter().filter(|k| wanted.contains(k)).enumerate().map(|(i, k)| (k, i)).collect()
    };
    let (pb, po, pt) = (positions(base), positions(ours), positions(theirs));
    let common = |list: &'a [K]| -> Vec<&'a K> {
        list.iter().filter(|k| pb.contains_key(k) && po.contains_key(k) && pt.contains_key(k)).collect()
    };
    let (cb, co, ct) = (common(base), common(ours), common(theirs));
    let anchors = if co == cb {
        ct
    } else if ct == cb {
        co
    } else {
        both_moved(&ct, |a, b| {
            let before = |p: &HashMap<&K, usize>| p[a] < p[b];
            let (b_, o, t) = (before(&pb), before(&po), before(&pt));
            if o != b_ && t == b_ {
                o
            } else {
                t
            }
        })
        .unwrap_or(ct)
    };
    // What is not in all three goes after the item it follows in the file, else here, else in
    // the common version.
    let mut placed: HashSet<&K> = anchors.iter().copied().collect();
    let mut after: HashMap<Option<&K>, Vec<&K>> = HashMap::default();
    for list in [theirs, ours, base] {
        let mut previous = None;
        for k in list.iter().filter(|k| wanted.contains(k)) {
            if placed.insert(k) {
                after.entry(previous).or_default().push(k);
            }
            previous = Some(k);
        }
    }
    let mut rest: Vec<&K> = members.iter().filter(|k| !placed.contains(k)).collect();
    crate::sorting::natural(&mut rest);
    let mut out = Vec::with_capacity(members.len());
    let mut stack: Vec<&K> =
        anchors.iter().rev().chain(after.get(&None).into_iter().flatten().rev()).copied().collect();
    while let Some(k) = stack.pop() {
        out.push(k.clone());
        if let Some(next) = after.get(&Some(k)) {
            stack.extend(next.iter().rev());
        }
    }
    out.extend(rest.into_iter().cloned());
    out
}

/// The order in which each pair keeps the side's relation `before` prefers, when one exists
/// (the relations do not cross).
fn both_moved<'a, K>(file: &[&'a K], before: impl Fn(&K, &K) -> bool) -> Option<Vec<&'a K>> {
    let n = file.len();
    let mut wins: Vec<(usize, usize)> =
        (0..n).map(|i| ((0..n).filter(|&j| j != i && before(file[i], file[j])).count(), i)).collect();
    crate::sorting::by(&mut wins, |a, b| b.cmp(a));
    // A tournament is an order exactly when its scores are n-1, n-2, …, 0.
    wins.iter()
        .enumerate()
        .all(|(rank, (w, _))| *w == n - 1 - rank)
        .then(|| wins.iter().map(|(_, i)| file[*i]).collect())
}

#[cfg(test)]
mod tests {
    use super::order;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn merged(base: &str, ours: &str, theirs: &str, members: &str) -> String {
        order(&chars(members), &chars(base), &chars(ours), &chars(theirs)).into_iter().collect()
    }

    #[test]
    fn one_side_moved_takes_that_side() {
        assert_eq!(merged("abcd", "abcd", "dabc", "abcd"), "dabc");
        assert_eq!(merged("abcd", "bacd", "abcd", "abcd"), "bacd");
        assert_eq!(merged("abcd", "bacd", "bacd", "abcd"), "bacd");
    }

    #[test]
    fn moves_that_do_not_cross_are_both_kept() {
        // Here a moved after b; in the file d moved before c.
        assert_eq!(merged("abcd", "bacd", "abdc", "abcd"), "badc");
    }

    #[test]
    fn crossing_moves_take_the_files_order() {
        // Here a moved after b, there c before b: b < a, c < b and a < c make a circle.
        assert_eq!(merged("abc", "bac", "acb", "abc"), "acb");
        // Here c went first, there a went last: c < b < a keeps both.
        assert_eq!(merged("abc", "cab", "bca", "abc"), "cba");
    }

    #[test]
    fn additions_follow_what_they_follow_on_their_side() {
        assert_eq!(merged("ac", "abc", "acd", "abcd"), "abcd");
        assert_eq!(merged("ac", "xac", "ac", "acx"), "xac");
        assert_eq!(merged("ab", "ab", "ba", "ab"), "ba");
    }
}
