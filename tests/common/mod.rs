//! Generators shared by the property tests of the saved formats (tests/codec.rs, tests/import.rs).

use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, leaning on the keys and strings of the saved formats.
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u64..4).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop_oneof![Just("choice"), Just("multi"), Just("text"), Just("in_place"), Just("kind_changed")]
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    "\\PC{0,6}",
                    Just("format".to_string()),
                    Just("title".to_string()),
                    Just("answers".to_string()),
                    Just("plan".to_string()),
                    Just("signoff".to_string()),
                    Just("retired".to_string()),
                    Just("choice".to_string()),
                    Just("multi".to_string()),
                    Just("status".to_string()),
                    Just("question".to_string()),
                    Just("answer".to_string()),
                    Just("reason".to_string()),
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
