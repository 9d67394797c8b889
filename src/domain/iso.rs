//! ISO 8601 text for instants and calendar dates, written and read by hand.
//!
//! chrono's own formatter and parser are general (strftime patterns, many layouts) and cost
//! about 15 KB of WebAssembly; Climb only needs the two RFC 3339 shapes below. Reading is
//! lenient: an unreadable value becomes a default instead of failing the whole record.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;

/// `2026-11-21T09:30:00Z`, with `.123` or nine fraction digits only when needed.
pub fn format_instant(t: &DateTime<Utc>) -> String {
    let nanos = t.nanosecond() % 1_000_000_000;
    let frac = if nanos == 0 {
        String::new()
    } else if nanos % 1_000_000 == 0 {
        format!(".{:03}", nanos / 1_000_000)
    } else {
        format!(".{nanos:09}")
    };
    format!(
        "{}T{:02}:{:02}:{:02}{frac}Z",
        format_date(&t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `2026-11-21`.
pub fn format_date(d: &NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Reads `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (y, rest) = s.split_at_checked(4)?;
    let rest = rest.strip_prefix('-')?;
    let (m, rest) = rest.split_at_checked(2)?;
    let d = rest.strip_prefix('-')?;
    if d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y)? as i32, digits(m)?, digits(d)?)
}

/// Reads RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; a space may replace the `T`.
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let date = parse_date(s.get(..10)?)?;
    let rest = s.get(10..)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (hms, rest) = rest.split_at_checked(8)?;
    let mut parts = hms.split(':');
    let (h, mi, se) = (parts.next()?, parts.next()?, parts.next()?);
    if h.len() != 2 || mi.len() != 2 || se.len() != 2 {
        return None;
    }
    let (frac, zone) = match rest.strip_prefix('.') {
        Some(r) => {
            let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            (&r[..end], &r[end..])
        }
        None => ("", rest),
    };
    let nanos = if frac.is_empty() {
        0
    } else {
        let nine: String = frac.chars().chain(std::iter::repeat('0')).take(9).collect();
        digits(&nine)?
    };
    let time = NaiveTime::from_hms_nano_opt(digits(h)?, digits(mi)?, digits(se)?, nanos)?;
    let local = NaiveDateTime::new(date, time);
    let offset_secs = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let (oh, om) = (zone.get(1..3)?, zone.get(4..6)?);
            if zone.len() != 6 || zone.get(3..4)? != ":" {
                return None;
            }
            sign * (digits(oh)? * 3600 + digits(om)? * 60) as i32
        }
    };
    let offset = FixedOffset::east_opt(offset_secs)?;
    let t = offset.from_local_datetime(&local).single()?;
    Some(t.with_timezone(&Utc))
}

/// serde for an instant; an unreadable value reads as the Unix epoch (it then loses every
/// merge tie, which is the safe side).
pub mod instant {
    use super::*;

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_instant(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        Ok(d.deserialize_any(LenientStr)?
            .as_deref()
            .and_then(parse_instant)
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH))
    }
}

/// serde for an optional calendar date; an unreadable value reads as no date.
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&format_date(d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(d.deserialize_any(LenientStr)?
            .as_deref()
            .and_then(parse_date))
    }
}

/// Accepts any JSON value: a string as itself, anything else as `None`.
struct LenientStr;

impl<'de> Visitor<'de> for LenientStr {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}
