//! Stable sorting through one shared instantiation of the standard library's sort.
//!
//! `slice::sort_by_key` is generic over the element type and the key closure, so each call
//! site compiles its own copy of the standard library's driftsort: about 4 kB of wasm each,
//! 60 kB for the fifteen call sites the widget had (issue 14, `twiggy top`). These functions
//! sort a list of positions with `slice::sort_by` behind a `dyn` comparator, compiled once,
//! and then move the elements into that order; the generic part is the small permutation. Same
//! result as `sort_by_key` / `sort_by` (stable); keys are computed once per element.

use std::cmp::Ordering;

/// `v.sort_by_key(key)`, stable, each key computed once.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(v, &order);
}

/// `v.sort_by(cmp)`, stable.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// The positions `0..n` in the order `cmp` gives them (stable): the one place that sorts.
#[inline(never)]
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts the element that was at `order[i]` at `i`, for every `i`, by swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    for i in 0..order.len() {
        // Where the element that was at order[i] is now: the places before i are final, and
        // each swap at j < i moved what was at j to order[j].
        let mut j = order[i];
        while j < i {
            j = order[j];
        }
        v.swap(i, j);
    }
}
