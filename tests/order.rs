//! domain::order: the shared stable sort gives exactly what the standard library's stable
//! sorts give (issue 14: one instantiation of the sort instead of one per call site).
use biodpia::domain::order::{sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    #[test]
    fn sort_by_key_is_std_sort_by_key(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)) {
        let mut ours = v.clone();
        let mut std = v.clone();
        sort_by_key(&mut ours, |x| x.0);
        std.sort_by_key(|x| x.0);
        prop_assert_eq!(ours, std, "stable: equal keys keep their order");
    }

    #[test]
    fn sort_by_is_std_sort_by(v in proptest::collection::vec((0u8..4, any::<u16>()), 0..60)) {
        let mut ours = v.clone();
        let mut std = v.clone();
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        std.sort_by(|a, b| b.0.cmp(&a.0));
        prop_assert_eq!(ours, std);
    }
}

#[test]
fn small_cases() {
    let mut empty: Vec<String> = Vec::new();
    sort_by_key(&mut empty, |s| s.len());
    assert!(empty.is_empty());
    let mut v = vec!["ccc", "a", "bb", "d", "ee"];
    sort_by_key(&mut v, |s| s.len());
    assert_eq!(v, ["a", "d", "bb", "ee", "ccc"]);
    sort_by(&mut v, |a, b| b.cmp(a));
    assert_eq!(v, ["ee", "d", "ccc", "bb", "a"]);
}
