//! Native tests of the storage usage rule and its wording.

use climb::domain::quota::{size_text, Usage, LOCAL_STORAGE_CHARS, WARN_PERCENT};

#[test]
fn usage_rounds_up_and_warns_from_eighty_percent() {
    let u = Usage::of(1, LOCAL_STORAGE_CHARS);
    assert_eq!(u.percent, 1, "any use shows");
    assert!(!u.near_full());
    assert_eq!(Usage::of(0, LOCAL_STORAGE_CHARS).percent, 0);
    let just_under = Usage::of(3_950_000, 5_000_000);
    assert_eq!(just_under.percent, 79);
    assert!(!just_under.near_full());
    let at = Usage::of(4_000_000, 5_000_000);
    assert_eq!(at.percent, WARN_PERCENT);
    assert!(at.near_full());
    assert_eq!(Usage::of(6_000_000, 5_000_000).percent, 120);
    assert_eq!(
        Usage::of(5, 0).percent,
        500,
        "a zero limit does not divide by zero"
    );
}

#[test]
fn sizes_read_as_bytes_kilobytes_and_megabytes() {
    assert_eq!(size_text(0), "0 B");
    assert_eq!(size_text(999), "999 B");
    assert_eq!(size_text(1_000), "1 KB");
    assert_eq!(size_text(120_400), "121 KB");
    assert_eq!(size_text(999_999), "1000 KB");
    assert_eq!(size_text(4_800_000), "4.8 MB");
    assert_eq!(size_text(5_000_000), "5.0 MB");
    assert_eq!(
        Usage::of(120_000, 5_000_000).text(),
        "120 KB of about 5.0 MB (3%)"
    );
}
