//! The small stable sorts of src/domain/sort.rs give exactly what the standard library's
//! stable sorts give, equal elements included.

use std::cmp::Ordering;

use biodpia::domain::sort::{sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    #[test]
    fn sort_by_key_matches_std(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..80)) {
        let mut ours = v.clone();
        let mut std = v;
        sort_by_key(&mut ours, |x| x.0);
        std.sort_by_key(|x| x.0);
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_by_matches_std(v in proptest::collection::vec((0u8..4, 0u8..4, any::<u16>()), 0..80)) {
        let cmp = |a: &(u8, u8, u16), b: &(u8, u8, u16)| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1));
        let mut ours = v.clone();
        let mut std = v;
        sort_by(&mut ours, cmp);
        std.sort_by(cmp);
        prop_assert_eq!(ours, std);
    }
}

#[test]
fn equal_keys_keep_their_order() {
    let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
    sort_by_key(&mut v, |x| x.0);
    assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]);
    let mut w = vec![3, 1, 2];
    sort_by(&mut w, |a, b| b.cmp(a));
    assert_eq!(w, [3, 2, 1]);
    let mut empty: Vec<u8> = vec![];
    sort_by(&mut empty, |_, _| Ordering::Less);
    assert!(empty.is_empty());
}
