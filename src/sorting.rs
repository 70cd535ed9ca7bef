//! Sorting that shares one copy of the sort's code. Every `sort_by` over another element type
//! or comparison makes the compiler write the whole stable sort again. Here the sort runs once,
//! over the items' positions with the comparison behind a `dyn`, and the items are then swapped
//! into that order. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut to = destinations(items.len(), &|a, b| compare(&items[a], &items[b]));
    // `to[i]`: where the item now at `i` belongs. Each swap puts one item in its place.
    for i in 0..items.len() {
        while to[i] != i {
            let j = to[i];
            items.swap(i, j);
            to.swap(i, j);
        }
    }
}

/// Sorts `items` stably by the key `key` gives.
pub fn by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order.
pub fn natural<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// Where each of `len` items goes when sorted by `compare` (of their positions): the one sort.
#[inline(never)]
fn destinations(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    let mut to = vec![0; len];
    for (place, &from) in order.iter().enumerate() {
        to[from] = place;
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_sort_does_and_keeps_equal_items_in_their_order() {
        // Pseudo-random pairs (key, original position): many equal keys test the stability.
        let mut seed = 12345u64;
        for len in [0usize, 1, 2, 3, 7, 20, 100, 1000] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            by_key(&mut ours, |x| x.0);
            let mut standard = items.clone();
            standard.sort_by_key(|x| x.0);
            assert_eq!(ours, standard, "{len} items");
        }
    }

    #[test]
    fn sorts_descending_and_naturally() {
        let mut words = vec!["c", "a", "b", "a"];
        natural(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
        let mut numbers = vec![3, 1, 2];
        by(&mut numbers, |a, b| b.cmp(a));
        assert_eq!(numbers, [3, 2, 1]);
    }
}
