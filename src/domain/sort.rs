//! Stable sorts for the short lists the widget sorts (tens of items).
//!
//! The standard library's stable sort (driftsort) is fast on long slices but adds about 4 KB
//! of Wasm for every place it is called with another element type or key; these insertion
//! sorts add a few hundred bytes each. O(n^2): use them only where n stays small.

use std::cmp::Ordering;

/// Sorts `v` by `key`, keeping the order of equal elements (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` with `compare`, keeping the order of equal elements (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}
