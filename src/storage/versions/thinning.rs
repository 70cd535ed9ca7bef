//! Thinning the history as it ages ([`thin`]): every version of the last hour, then the newest
//! of each day for 30 days, then the newest of each month; pinned versions are never thinned.

use super::Version;
use std::collections::HashSet;

/// The versions (`seq`) to drop so that what is kept follows the thinning rule at `now` (ISO times).
pub fn thin(versions: &[Version], now: &str) -> Vec<u64> {
    let now_secs = unix_seconds(now);
    let mut kept_buckets: HashSet<String> = HashSet::new();
    let mut drop = Vec::new();
    // Newest first: the newest version of each bucket is the one kept.
    for v in versions.iter().rev() {
        if v.reason.is_pinned() {
            continue;
        }
        let age = match (now_secs, unix_seconds(&v.saved_at)) {
            (Some(now), Some(at)) => now.saturating_sub(at),
            // A time that does not read: keep it (nothing is dropped on a guess).
            _ => continue,
        };
        let bucket = if age < 3600 {
            continue;
        } else if age < 30 * 86_400 {
            format!("day {}", v.saved_at.get(..10).unwrap_or_default())
        } else {
            format!("month {}", v.saved_at.get(..7).unwrap_or_default())
        };
        if !kept_buckets.insert(bucket) {
            drop.push(v.seq);
        }
    }
    drop
}

/// Seconds since 1970 of an ISO time in UTC (`2026-11-22T15:59:50.421Z`); `None` when it does
/// not read. Local offsets are not written by Shirube (times are `Date.toISOString()`).
pub(super) fn unix_seconds(iso: &str) -> Option<u64> {
    let num = |range: std::ops::Range<usize>| iso.get(range)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13).unwrap_or(0), num(14..16).unwrap_or(0), num(17..19).unwrap_or(0));
    // Days from civil (H. Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + hh * 3600 + mm * 60 + ss).ok()
}
