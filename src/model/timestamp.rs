//! A moment as Shirube writes it: ISO 8601 in UTC, `2026-11-22T15:59:50.421Z`
//! (`Date.toISOString()` in the browser). The text stays what is stored and serialized; a
//! [`Timestamp`] is read from it where a time is compared or counted (a version's age, the days
//! since a member last wrote) and written to it by the native clock. Its civil-date arithmetic
//! is Howard Hinnant's days-from-civil and civil-from-days.

use std::fmt;

const SECONDS_PER_DAY: i64 = 86_400;
/// Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar.
const EPOCH_DAYS: i64 = 719_468;
const DAYS_PER_ERA: i64 = 146_097;

/// A moment, whole seconds in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Days since 1970-01-01 (negative before).
    day: i64,
    /// Seconds into that day.
    second: i64,
}

impl Timestamp {
    /// Reads an ISO time (`YYYY-MM-DD`, then `THH:MM:SS`, fractions and the `Z` ignored); a time
    /// of day that does not read counts as midnight. `None` when the date does not read. Local
    /// offsets are not written by Shirube.
    pub fn parse(iso: &str) -> Option<Timestamp> {
        let num = |range: std::ops::Range<usize>| iso.get(range)?.parse::<i64>().ok();
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hh, mm, ss) = (num(11..13).unwrap_or(0), num(14..16).unwrap_or(0), num(17..19).unwrap_or(0));
        Some(Timestamp { day: days_from_civil(y, m, d), second: hh * 3600 + mm * 60 + ss })
    }

    /// The moment `secs` seconds after 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds(secs: u64) -> Timestamp {
        let secs = i64::try_from(secs).unwrap_or(i64::MAX);
        Timestamp { day: secs.div_euclid(SECONDS_PER_DAY), second: secs.rem_euclid(SECONDS_PER_DAY) }
    }

    /// Seconds since 1970-01-01T00:00:00Z; `None` before it.
    pub fn unix_seconds(self) -> Option<u64> {
        u64::try_from(self.day.checked_mul(SECONDS_PER_DAY)?.checked_add(self.second)?).ok()
    }

    /// Calendar days from `earlier`'s date to this one's (a day's time does not count:
    /// 23:00 to the next day's 01:00 is one day).
    pub fn days_since(self, earlier: Timestamp) -> i64 {
        self.day - earlier.day
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the form the native clock writes.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = civil_from_days(self.day);
        let s = self.second;
        write!(f, "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * DAYS_PER_ERA + doe - EPOCH_DAYS
}

/// The date (year, month, day) `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + EPOCH_DAYS;
    let era = z.div_euclid(DAYS_PER_ERA);
    let doe = z.rem_euclid(DAYS_PER_ERA);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(iso: &str) -> Timestamp {
        Timestamp::parse(iso).unwrap()
    }

    #[test]
    fn reads_iso_times_as_seconds_since_1970() {
        assert_eq!(at("1970-01-01T00:00:00Z").unix_seconds(), Some(0));
        assert_eq!(at("2026-11-22T12:00:00.123Z").unix_seconds(), Some(1_795_348_800));
        assert_eq!(at("2000-02-29T00:00:00Z").unix_seconds(), Some(951_782_400));
        assert_eq!(
            at("2026-11-22").unix_seconds(),
            at("2026-11-22T00:00:00Z").unix_seconds(),
            "a date is its midnight"
        );
        assert_eq!(at("1969-12-31T23:59:59Z").unix_seconds(), None, "before 1970");
        assert_eq!(Timestamp::parse("R6-11-22"), None);
        assert_eq!(Timestamp::parse(""), None);
    }

    #[test]
    fn writes_the_text_the_native_clock_stores() {
        let text = |secs| Timestamp::from_unix_seconds(secs).to_string();
        assert_eq!(text(0), "1970-01-01T00:00:00Z");
        assert_eq!(text(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(text(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(text(4_107_542_399), "2100-02-28T23:59:59Z", "2100 is not a leap year");
    }

    #[test]
    fn text_and_seconds_go_round() {
        for secs in [0, 59, 86_399, 86_400, 951_782_399, 1_795_348_800, 4_102_444_800, 253_402_300_799] {
            let t = Timestamp::from_unix_seconds(secs);
            assert_eq!(at(&t.to_string()), t);
            assert_eq!(t.unix_seconds(), Some(secs));
        }
    }

    #[test]
    fn days_count_calendar_dates_not_hours() {
        assert_eq!(at("2026-03-01T23:00:00Z").days_since(at("2026-02-28T00:00:00Z")), 1);
        assert_eq!(at("2024-03-01T00:00:00Z").days_since(at("2024-02-28T23:59:59Z")), 2, "a leap year's 29th");
        assert_eq!(at("2026-01-01T00:00:01Z").days_since(at("2025-12-31T23:59:59Z")), 1);
        assert_eq!(at("2025-12-31").days_since(at("2026-01-01")), -1);
    }
}
