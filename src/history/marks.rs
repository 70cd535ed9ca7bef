//! Where each value was last set (`model::merge::provenance`) through a strategy's life here,
//! as pure rules that return what is to be kept: the marks an arrival keeps ([`arrival`]), those
//! a file leaves with ([`leaving`]), those of a version a merge or a take made ([`made`]).
//! Storage keeps what they return beside the version, in the version's own batch, and reads it
//! back as [`StoredMarks`]; nothing here reads or writes storage.

use super::VersionId;
use crate::model::merge::provenance::{Provenance, Tabled, Tables};
use crate::model::merge::SideMarks;
use crate::model::{Strategy, Timestamp};
use serde::{Deserialize, Serialize};

/// An event's number: the time `now` in seconds (a member's numbers only grow:
/// `Provenance::stamp` numbers an event above the last when the clock went back).
pub fn event_time(now: &str) -> u64 {
    Timestamp::parse(now).and_then(|t| t.unix_seconds()).unwrap_or(0)
}

/// A strategy's marks as storage keeps them.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredMarks {
    /// Not made yet: the strategy arrived from a file as version `arrived`, with the file's
    /// marks (`file`). Making them reads every value of the strategy (in a large one it doubled
    /// an import's time), and most imports are never written out nor merged: they are made
    /// when first needed ([`StoredMarks::made_of`]).
    Arrival { arrived: VersionId, file: Option<Provenance> },
    /// Made: the marks of the current version.
    Made(Provenance),
}

/// [`StoredMarks::Arrival`] as it is stored.
#[derive(Serialize, Deserialize)]
struct ArrivalText {
    arrived: VersionId,
    file: Option<Provenance>,
}

impl StoredMarks {
    /// Marks as stored (`None`: none kept; text that does not read: none either — a merge then
    /// falls back on the common version at hand, never on a wrong mark).
    pub fn read(text: Option<&str>) -> StoredMarks {
        let Some(text) = text else { return StoredMarks::Made(Provenance::default()) };
        if let Ok(ArrivalText { arrived, file }) = serde_json::from_str(text) {
            return StoredMarks::Arrival { arrived, file };
        }
        StoredMarks::Made(serde_json::from_str(text).unwrap_or_default())
    }

    /// The text storage keeps.
    pub fn text(&self) -> Result<String, serde_json::Error> {
        match self {
            StoredMarks::Arrival { arrived, file } => {
                serde_json::to_string(&ArrivalText { arrived: *arrived, file: file.clone() })
            }
            StoredMarks::Made(marks) => serde_json::to_string(marks),
        }
    }

    /// The version whose content [`StoredMarks::made_of`] needs, when the marks are not made yet.
    pub fn arrived(&self) -> Option<VersionId> {
        match self {
            StoredMarks::Arrival { arrived, .. } => Some(*arrived),
            StoredMarks::Made(_) => None,
        }
    }

    /// The marks, made when they were kept as an arrival: of the version the strategy arrived
    /// as (`arrived_as`), so that what was edited here since is this browser's at its next
    /// stamp. When that version is no longer kept, of the current one (`current`: edits since
    /// read as unknown).
    pub fn made_of(self, arrived_as: Option<&Strategy>, current: &Strategy) -> Provenance {
        match self {
            StoredMarks::Made(marks) => marks,
            StoredMarks::Arrival { file, .. } => Provenance::arrived(arrived_as.unwrap_or(current), file.as_ref()),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, StoredMarks::Made(m) if m.is_empty())
    }
}

/// What a strategy arriving from a file as version `arrived`, with the file's marks (`file`),
/// keeps: an arrival, when nothing is kept for it yet (`kept`); `None` keeps what is kept.
pub fn arrival(kept: &StoredMarks, arrived: VersionId, file: Option<Provenance>) -> Option<StoredMarks> {
    kept.is_empty().then_some(StoredMarks::Arrival { arrived, file })
}

/// The marks of `current` as it leaves in a file written by `me` at `now`, over the marks
/// kept (`kept`, made): what changed since is one new event of `me`'s. StoredMarks as they are and
/// written in the file (`Provenance::for_file`).
pub fn leaving(kept: &Provenance, current: &impl Tables, me: &str, now: &str) -> Provenance {
    kept.stamp(current, me, event_time(now))
}

/// The marks of `result`, which `me` made at `now` from `ours` (marked `o`, made before the
/// merge: [`leaving`]'s rule) and `theirs` (marked as their file says, `t`): a merge's, or a
/// take's (`result` is then `theirs`). See `Provenance::merged`.
pub fn made(
    result: &impl Tables,
    ours: (&impl Tables, &Provenance),
    theirs: (&impl Tables, &Provenance),
    me: &str,
    now: &str,
) -> Provenance {
    Provenance::merged(result, ours, theirs, me, event_time(now))
}

/// Both sides of a merge as the marks read them: each version read as a table once, with its
/// marks (this browser's made now, the file's as it came).
pub struct Sides {
    pub ours: (Tabled, Provenance),
    pub theirs: (Tabled, Provenance),
}

impl Sides {
    /// Both sides' marks as the merge reads them (ours', theirs').
    pub fn marks(&self) -> SideMarks<'_> {
        (&self.ours.1, &self.theirs.1)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::merge::provenance::Tabled;

    fn town() -> Strategy {
        crate::model::merge::edits::town()
    }

    #[test]
    fn kept_marks_read_back_as_written_and_an_arrival_is_made_only_when_asked() {
        let s = town();
        // The file's member changed the title: their event 100.
        let before = {
            let mut b = s.clone();
            b.title = "前の題名".into();
            b
        };
        let file = Provenance::arrived(&before, None).stamp(&Tabled::of(&s), "m-a", 100);
        assert_eq!(file.seen_of("m-a"), 100);
        let arrival = StoredMarks::Arrival { arrived: VersionId::from_bits(7), file: Some(file.clone()) };
        assert_eq!(StoredMarks::read(Some(&arrival.text().unwrap())), arrival);
        let made = StoredMarks::Made(file.clone());
        assert_eq!(StoredMarks::read(Some(&made.text().unwrap())), made);
        assert_eq!(StoredMarks::read(None), StoredMarks::Made(Provenance::default()));
        assert_eq!(StoredMarks::read(Some("not json")), StoredMarks::Made(Provenance::default()));
        assert_eq!(arrival.arrived(), Some(VersionId::from_bits(7)));
        // Made from the version it arrived as: a value edited since is this browser's next event.
        let mut edited = s.clone();
        edited.title.push_str("（改訂）");
        let marks = arrival.made_of(Some(&s), &edited);
        assert_eq!(marks, Provenance::arrived(&s, Some(&file)));
        let after = leaving(&marks, &Tabled::of(&edited), "b-here", "2026-11-29T08:00:00Z");
        assert!(after.seen_of("b-here") > 0, "the edit since the arrival is this browser's event");
        assert!(after.seen_of("m-a") >= 100, "the file's events are still seen");
    }

    #[test]
    fn an_arrival_is_kept_only_where_no_marks_are() {
        let s = town();
        let id = VersionId::from_bits(3);
        let none = StoredMarks::Made(Provenance::default());
        assert_eq!(arrival(&none, id, None), Some(StoredMarks::Arrival { arrived: id, file: None }));
        let marked = StoredMarks::Made(Provenance::arrived(&s, None));
        assert_eq!(arrival(&marked, id, None), None, "marks kept here stay");
        let pending = StoredMarks::Arrival { arrived: id, file: None };
        assert_eq!(arrival(&pending, VersionId::from_bits(4), None), None, "an arrival kept stays");
    }

    #[test]
    fn event_times_are_seconds_and_unreadable_times_zero() {
        assert_eq!(event_time("1970-01-01T00:01:00Z"), 60);
        assert_eq!(event_time("someday"), 0);
    }
}
