//! The team's rhythm: a retro every few weeks, a covenant review every few months, a practice
//! period (the texts' two to three months of deliberate practice), and the weeks it takes a
//! break (holidays), which neither count nor break a streak.

use super::goals::week_start;
use super::meta::{entity, Meta};
use super::workspace::{Tx, Workspace};
use super::DomainError;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How often the team meets and reviews. One per workspace; should two browsers each have
/// made one, the latest written wins (see [`Rhythm::of`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rhythm {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    /// The team this belongs to (see [`super::teams`]); missing only in data older than
    /// teams, until restore settles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<super::meta::Id>,
    #[serde(flatten)]
    pub settings: RhythmSettings,
}
entity!(Rhythm, "rhythm");

/// What the team sets; every figure is kept within sensible bounds when it is used, so a
/// file with a 0 or a huge number reads as the nearest sensible rhythm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RhythmSettings {
    /// A retro every this many weeks.
    pub retro_weeks: u32,
    /// A covenant review every this many months.
    pub review_months: u32,
    /// The first day of the practice period, if the team has started one.
    #[serde(with = "super::iso::opt_date")]
    pub practice_start: Option<NaiveDate>,
    pub practice_weeks: u32,
    /// Mondays of the weeks off, sorted, each once.
    #[serde(with = "mondays")]
    pub breaks: Vec<NaiveDate>,
}

/// The rhythm the texts suggest: weekly retros, a covenant review each quarter, and twelve
/// weeks of practice.
impl Default for RhythmSettings {
    fn default() -> Self {
        RhythmSettings {
            retro_weeks: 1,
            review_months: 3,
            practice_start: None,
            practice_weeks: 12,
            breaks: Vec::new(),
        }
    }
}

impl RhythmSettings {
    pub fn retro_every(&self) -> u32 {
        self.retro_weeks.clamp(1, 12)
    }
    pub fn review_every(&self) -> u32 {
        self.review_months.clamp(1, 12)
    }
    pub fn practice_length(&self) -> u32 {
        self.practice_weeks.clamp(1, 52)
    }

    /// Whether the week holding `d` is a break.
    pub fn is_break(&self, d: NaiveDate) -> bool {
        self.breaks.binary_search(&week_start(d)).is_ok()
    }

    /// The practice week `today` falls in, counted from 1, and the period's length; `None`
    /// without a start. Week 0 is before the start; a week past the length, after the end.
    pub fn practice_week(&self, today: NaiveDate) -> Option<(i64, u32)> {
        let start = week_start(self.practice_start?);
        let week = (week_start(today) - start).num_weeks() + 1;
        Some((week.max(0), self.practice_length()))
    }

    /// The retro after one held on `last`: the rhythm's weeks later, moved past break weeks.
    pub fn retro_after(&self, last: NaiveDate) -> NaiveDate {
        let mut next = last + Duration::weeks(i64::from(self.retro_every()));
        // Bounded: a break list longer than a year still ends.
        for _ in 0..60 {
            if !self.is_break(next) {
                break;
            }
            next += Duration::weeks(1);
        }
        next
    }

    /// The covenant review a review or activation proposes, the rhythm's months after `today`.
    pub fn review_after(&self, today: NaiveDate) -> NaiveDate {
        today
            .checked_add_months(chrono::Months::new(self.review_every()))
            .unwrap_or(today + Duration::days(91))
    }

    /// The same settings within bounds, with the breaks sorted, each week once, given by its
    /// Monday.
    fn cleaned(mut self) -> Self {
        self.retro_weeks = self.retro_every();
        self.review_months = self.review_every();
        self.practice_weeks = self.practice_length();
        for d in &mut self.breaks {
            *d = week_start(*d);
        }
        self.breaks.sort();
        self.breaks.dedup();
        self.breaks.truncate(200);
        self
    }
}

impl Rhythm {
    /// The workspace's rhythm: of the live ones (one, unless two browsers each made one),
    /// the latest written; the suggested rhythm when the team has set none.
    pub fn of(ws: &Workspace) -> RhythmSettings {
        Self::latest(ws)
            .map(|r| r.settings.clone())
            .unwrap_or_default()
    }

    fn latest(ws: &Workspace) -> Option<&Rhythm> {
        ws.live::<Rhythm>()
            .max_by(|a, b| (a.meta.updated_at, &a.meta.id).cmp(&(b.meta.updated_at, &b.meta.id)))
    }
}

/// Sets the team's rhythm (making its record the first time).
pub(crate) fn apply(tx: &mut Tx, settings: &RhythmSettings) -> Result<String, DomainError> {
    let settings = settings.clone().cleaned();
    // The team's own rhythm (outside any team, the latest of all).
    let team = tx.team();
    let current = tx
        .ws()
        .live::<Rhythm>()
        .filter(|r| team.is_none() || r.team_id == team)
        .max_by(|a, b| (a.meta.updated_at, &a.meta.id).cmp(&(b.meta.updated_at, &b.meta.id)))
        .map(|r| r.meta.id.clone());
    match current {
        Some(id) => tx.update::<Rhythm>(&id, |r| r.settings = settings)?,
        None => {
            tx.insert(|meta| Rhythm {
                meta,
                team_id: team,
                settings,
            });
        }
    }
    Ok("change the rhythm".to_owned())
}

/// serde for the break weeks: dates as `YYYY-MM-DD`; an unreadable entry is left out.
mod mondays {
    use super::*;

    pub fn serialize<S: Serializer>(d: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(d.iter().map(super::super::iso::format_date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        let raw = Vec::<serde_json::Value>::deserialize(d)?;
        let mut out: Vec<NaiveDate> = raw
            .iter()
            .filter_map(|v| v.as_str().and_then(super::super::iso::parse_date))
            .map(week_start)
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        super::super::iso::parse_date(s).unwrap()
    }

    #[test]
    fn a_retro_falls_the_rhythms_weeks_later_and_skips_break_weeks() {
        let mut r = RhythmSettings {
            retro_weeks: 2,
            ..RhythmSettings::default()
        };
        assert_eq!(r.retro_after(day("2026-11-02")), day("2026-11-16"));
        r.breaks = vec![day("2026-11-16"), day("2026-11-23")];
        assert_eq!(r.retro_after(day("2026-11-04")), day("2026-12-02"));
    }

    #[test]
    fn unreadable_or_extreme_settings_read_as_the_nearest_sensible_rhythm() {
        let r: RhythmSettings = serde_json::from_str(
            r#"{"retroWeeks":0,"reviewMonths":4000000000,"practiceWeeks":0,
               "breaks":["2026-12-23", 7, "not a date", "2026-12-21"],"practiceStart":[1]}"#,
        )
        .unwrap();
        assert_eq!(r.retro_every(), 1);
        assert_eq!(r.review_every(), 12);
        assert_eq!(r.practice_length(), 1);
        assert_eq!(r.breaks, vec![day("2026-12-21")]);
        assert_eq!(r.practice_start, None);
        assert!(r.is_break(day("2026-12-27")));
        assert!(!r.is_break(day("2026-12-28")));
    }

    #[test]
    fn the_practice_week_counts_from_the_start_weeks_monday() {
        let r = RhythmSettings {
            practice_start: Some(day("2026-11-04")),
            ..RhythmSettings::default()
        };
        assert_eq!(r.practice_week(day("2026-11-02")), Some((1, 12)));
        assert_eq!(r.practice_week(day("2026-12-02")), Some((5, 12)));
        assert_eq!(r.practice_week(day("2026-10-30")), Some((0, 12)));
        assert_eq!(
            RhythmSettings::default().practice_week(day("2026-12-02")),
            None
        );
    }

    #[test]
    fn a_review_is_proposed_the_rhythms_months_on() {
        let r = RhythmSettings {
            review_months: 6,
            ..RhythmSettings::default()
        };
        assert_eq!(r.review_after(day("2026-08-31")), day("2027-02-28"));
    }
}
