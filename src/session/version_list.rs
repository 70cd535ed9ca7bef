//! 履歴's list of kept versions ([`listing`]): in the order they were saved, newest first, each
//! version with a name (a stage's draft, a hearing's version heard) on a line of its own, and
//! each run of two or more plain autosaves between them gathered into one line that opens to
//! its versions (「自動保存 32件（12月3日 10:02～15:40）」, worded in `words::storage`). The newest
//! kept version is always a line of its own: it is the one a person most often looks for (what
//! the last change replaced).

use crate::model::Timestamp;
use crate::storage::{StoredVersion, VersionReason};
use std::ops::Range;

/// The versions as the history lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    /// Every kept version, newest first by the time it was saved (then by its number).
    pub versions: Vec<StoredVersion>,
    /// The lines, in that order: each one version or a run of autosaves (indices into `versions`).
    pub lines: Vec<VersionLine>,
}

/// One line of the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionLine {
    /// A version on a line of its own.
    One(usize),
    /// Two or more plain autosaves in a row, none with a name (newest first).
    Saves(Range<usize>),
}

impl Listing {
    /// The version listed after `i`'s place, newer: `None` for the newest (the current version
    /// comes after it), to say what changed from `i` to the next.
    pub fn newer(&self, i: usize) -> Option<u64> {
        i.checked_sub(1).and_then(|n| self.versions.get(n)).map(|v| v.seq)
    }
}

/// `versions` (any order) as the history lists them; `named` says which carry a name besides
/// their own label (the versions a hearing heard).
pub fn listing(versions: &[StoredVersion], named: impl Fn(&StoredVersion) -> bool) -> Listing {
    let mut versions = versions.to_vec();
    // Newest first, to the millisecond written ("…:50.421Z"); a time that does not read sorts
    // last, as the oldest. Two saves of one second can be numbered out of their times' order.
    versions.sort_by_cached_key(|v| {
        let millis = v.saved_at.get(20..23).and_then(|f| f.parse::<u16>().ok()).unwrap_or(0);
        std::cmp::Reverse((Timestamp::parse(&v.saved_at).and_then(|t| t.unix_seconds()), millis, v.seq))
    });
    let gathered = |v: &StoredVersion| v.reason == VersionReason::Saved && !v.is_named() && !named(v);
    let mut lines = Vec::new();
    // The newest on its own line, whatever it is.
    if !versions.is_empty() {
        lines.push(VersionLine::One(0));
    }
    let mut i = 1;
    while i < versions.len() {
        let run = versions[i..].iter().take_while(|v| gathered(v)).count();
        if run >= 2 {
            lines.push(VersionLine::Saves(i..i + run));
            i += run;
        } else {
            lines.push(VersionLine::One(i));
            i += 1;
        }
    }
    Listing { versions, lines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DraftingStage;

    fn version(seq: u64, saved_at: &str, reason: VersionReason, label: Option<&str>) -> StoredVersion {
        StoredVersion {
            seq,
            saved_at: saved_at.into(),
            reason,
            title: String::new(),
            bytes: 1,
            id: None,
            fingerprint: None,
            merged_from: None,
            label: label.map(str::to_owned),
        }
    }

    fn save(seq: u64, at: &str) -> StoredVersion {
        version(seq, at, VersionReason::Saved, None)
    }

    /// Two saves of one second, numbered out of their times' order (a stage's move stored after
    /// an autosave timed later): listed by the milliseconds.
    #[test]
    fn saves_of_one_second_are_listed_by_their_milliseconds() {
        let (early, late) = (save(5, "2026-12-01T09:30:53.385Z"), save(4, "2026-12-01T09:30:53.989Z"));
        let listed = listing(&[early, late], |_| false);
        let seqs: Vec<u64> = listed.versions.iter().map(|v| v.seq).collect();
        assert_eq!(seqs, [4, 5]);
    }

    #[test]
    fn versions_are_listed_newest_first_by_time_whatever_order_the_head_kept_them_in() {
        // The head keeps a stage's draft where it was pushed: before the version its move replaced.
        let policy = version(
            1,
            "2026-12-01T09:30:00Z",
            VersionReason::Stage(DraftingStage::Policy),
            Some("策定方針（令和8年12月）"),
        );
        let versions =
            [save(0, "2026-12-01T09:00:00Z"), save(3, "2026-12-03T10:02:00Z"), policy, save(2, "2026-12-01T09:10:00Z")];
        let l = listing(&versions, |_| false);
        let seqs: Vec<u64> = l.versions.iter().map(|v| v.seq).collect();
        assert_eq!(seqs, [3, 1, 2, 0]);
        assert_eq!(l.lines, [VersionLine::One(0), VersionLine::One(1), VersionLine::Saves(2..4)]);
        assert_eq!((l.newer(0), l.newer(1), l.newer(3)), (None, Some(3), Some(2)));
    }

    #[test]
    fn runs_of_autosaves_are_gathered_between_named_versions_and_a_lone_one_stays_a_line() {
        let mut versions: Vec<StoredVersion> =
            (0..32).map(|i| save(10 + i, &format!("2026-12-03T{:02}:{:02}:00Z", 1 + i / 6, (i % 6) * 9))).collect();
        versions.push(version(
            50,
            "2026-12-04T09:00:00Z",
            VersionReason::Stage(DraftingStage::Outline),
            Some("骨子案（令和8年12月）"),
        ));
        versions.push(save(51, "2026-12-04T09:30:00Z"));
        versions.push(save(52, "2026-12-02T09:00:00Z"));
        versions.push(version(53, "2026-12-02T08:00:00Z", VersionReason::Imported, None));
        versions.push(save(54, "2026-12-01T08:00:00Z"));
        let heard = "2026-12-03T03:00:00Z";
        let l = listing(&versions, |v| v.saved_at == heard);
        let at = |i: usize| l.versions[i].saved_at.as_str();
        assert_eq!(l.lines.len(), 7);
        assert_eq!(l.lines[0], VersionLine::One(0), "the newest is a line of its own");
        assert_eq!(at(0), "2026-12-04T09:30:00Z");
        assert_eq!(l.lines[1], VersionLine::One(1), "the named draft");
        // The 32 saves of 3 December, the one a hearing heard taken out of their run.
        let VersionLine::Saves(newer) = l.lines[2].clone() else { panic!("{:?}", l.lines[2]) };
        let VersionLine::One(heard_at) = l.lines[3] else { panic!() };
        let VersionLine::Saves(older) = l.lines[4].clone() else { panic!() };
        assert_eq!(at(heard_at), heard);
        assert_eq!(newer.len() + older.len(), 32, "31 of 3 December's, and 2 December's next to them");
        assert_eq!(older.end, 35);
        assert_eq!(l.lines[5], VersionLine::One(35), "an import is never gathered");
        assert_eq!(l.lines[6], VersionLine::One(36), "a save alone between an import and the end");
    }

    #[test]
    fn the_newest_stays_a_line_of_its_own_before_the_run_it_would_start() {
        let versions =
            [save(1, "2026-12-03T10:00:00Z"), save(2, "2026-12-03T10:05:00Z"), save(3, "2026-12-03T10:09:00Z")];
        assert_eq!(listing(&versions, |_| false).lines, [VersionLine::One(0), VersionLine::Saves(1..3)]);
        assert_eq!(
            listing(&versions[..2], |_| false).lines,
            [VersionLine::One(0), VersionLine::One(1)],
            "one left: no run"
        );
    }

    #[test]
    fn an_unreadable_time_is_listed_last_and_nothing_is_lost() {
        let versions = [save(1, "not a time"), save(2, "2026-12-03T10:00:00Z"), save(3, "nor this")];
        let l = listing(&versions, |_| false);
        assert_eq!(l.versions.iter().map(|v| v.seq).collect::<Vec<_>>(), [2, 3, 1]);
        assert_eq!(l.lines, [VersionLine::One(0), VersionLine::Saves(1..3)]);
        assert_eq!(listing(&[], |_| false).lines, []);
    }
}
