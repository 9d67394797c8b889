//! Native tests of typed text: trimmed, cut by characters, folded to one line.
#![cfg(not(target_arch = "wasm32"))]

use climb::domain::typed::{one_line, required, trimmed};
use proptest::prelude::*;

#[test]
fn typed_text_is_trimmed_and_cut_by_characters() {
    assert_eq!(trimmed("  Ship it \n", 100), "Ship it");
    assert_eq!(trimmed("ééé", 2), "éé", "a character is never split");
    assert_eq!(required("   ", 10), None);
    assert_eq!(required(" a ", 10).as_deref(), Some("a"));
    assert_eq!(one_line(" Ana \n  Lima\t", 80).as_deref(), Some("Ana Lima"));
    assert_eq!(one_line("\n\t ", 80), None);
}

proptest! {
    #[test]
    fn no_text_panics_or_passes_its_limit(raw in "\\PC{0,300}", max in 0usize..50) {
        let t = trimmed(&raw, max);
        prop_assert!(t.chars().count() <= max);
        prop_assert!(raw.contains(t.as_str()));
        if let Some(l) = one_line(&raw, max) {
            prop_assert!(l.chars().count() <= max && !l.contains('\n') && !l.starts_with(' '));
        }
    }
}
