//! Every key Shirube writes, and how the parts of a key are read back. All data lives under
//! `shirube/v1/`; the preferences sit apart (`shirube/prefs`) and are never exported.

use crate::model::{is_safe_id, Id};

/// JSON list of `StrategySummary`: a cache of the strategy keys, rebuilt whenever it is missing,
/// garbage or out of step with them.
pub const INDEX: &str = "shirube/v1/index";
/// `shirube/v1/strategy/<id>`: the `format::export` envelope.
pub const STRATEGY_PREFIX: &str = "shirube/v1/strategy/";
/// `shirube/v1/head/<id>`: the strategy's revision and its kept versions (`storage::versions`).
pub const HEAD_PREFIX: &str = "shirube/v1/head/";
/// `shirube/v1/named/<id>`: which version was last named, at which revision
/// (`storage::versions::Named`).
pub const NAMED_PREFIX: &str = "shirube/v1/named/";
/// `shirube/v1/graph/<id>`: the graph of the strategy's named versions (JSON list of
/// `history::Node`), bounded.
pub const GRAPH_PREFIX: &str = "shirube/v1/graph/";
/// `shirube/v1/marks/<id>`: where each value of the current version was last set, as this
/// browser last marked it (`model::merge::provenance`).
pub const MARKS_PREFIX: &str = "shirube/v1/marks/";
/// `shirube/v1/taken/<id>/<member>`: the version last taken from a member of a shared folder
/// (`storage::folder::taking`), whole: the version a later file of theirs is likely merged from.
pub const TAKEN_PREFIX: &str = "shirube/v1/taken/";
/// `shirube/v1/version/<id>/<seq>`: a kept earlier version (the envelope as it was).
pub const VERSION_PREFIX: &str = "shirube/v1/version/";
/// `shirube/v1/backup/<id>/<taken at>`: the envelope as it was.
pub const BACKUP_PREFIX: &str = "shirube/v1/backup/";
/// JSON list of `Backup`: the backups' metadata (their reason). A cache as well: every backup
/// key is listed whether or not this index knows it.
pub const BACKUP_INDEX: &str = "shirube/v1/backups";
/// `shirube/v1/region/<id>`: a regional bureau's region (`storage::regions`: the region and when
/// it was saved; its towns are stored strategies, named by id).
pub const REGION_PREFIX: &str = "shirube/v1/region/";
/// `shirube/v1/region-backup/<id>/<taken at>`: a region as it was before it was deleted or
/// replaced. Apart from the strategies' backups (`BACKUP_PREFIX`), which are all strategies.
pub const REGION_BACKUP_PREFIX: &str = "shirube/v1/region-backup/";
/// `shirube/v1/garbage/<found at>/<original key>`: unreadable text, kept for download.
pub const GARBAGE_PREFIX: &str = "shirube/v1/garbage/";
/// What the move from `localStorage` copied (JSON map: key → length and hash of its text).
pub const MOVED: &str = "shirube/v1/moved-from-local-storage";
/// Written and removed once when `localStorage` is opened, to find out whether writing works.
pub const PROBE: &str = "shirube/probe";
/// The log of a bring-in of towns under way (`storage::intake_log`; JSON), removed when it ends.
pub const INTAKE: &str = "shirube/intake";
/// The preferences (JSON).
pub const PREFERENCES: &str = "shirube/prefs";
/// This browser's name in the marks of where values were last set (`model::merge::provenance`),
/// made once.
pub const MARKER: &str = "shirube/marker";
/// The column roles the user confirmed for each layout of a town's table (JSON map: layout key →
/// `format::table::Mapping`), kept apart from the preferences so that the start page never reads
/// them (they are the table import's, a lazily loaded part) and never exported.
pub const TABLE_MAPPINGS: &str = "shirube/table-mappings";

pub fn strategy(id: &Id) -> String {
    format!("{STRATEGY_PREFIX}{id}")
}

pub fn head(id: &Id) -> String {
    format!("{HEAD_PREFIX}{id}")
}

/// `seq` zero-padded, so that the keys sort in order.
pub fn version(id: &Id, seq: u64) -> String {
    format!("{VERSION_PREFIX}{id}/{seq:010}")
}

pub fn named(id: &Id) -> String {
    format!("{NAMED_PREFIX}{id}")
}

pub fn graph(id: &Id) -> String {
    format!("{GRAPH_PREFIX}{id}")
}

pub fn marks(id: &Id) -> String {
    format!("{MARKS_PREFIX}{id}")
}

/// The keys of a strategy's history (its head and versions) start with this.
pub fn history_of(id: &Id) -> [String; 2] {
    [head(id), format!("{VERSION_PREFIX}{id}/")]
}

/// The keys of what names a strategy's versions (the last named one, the graph, the marks).
pub fn names_of(id: &Id) -> [String; 3] {
    [named(id), graph(id), marks(id)]
}

pub fn taken(id: &Id, member: &str) -> String {
    format!("{TAKEN_PREFIX}{id}/{member}")
}

/// The keys of the versions last taken from a strategy's folder members start with this.
pub fn taken_of(id: &Id) -> String {
    format!("{TAKEN_PREFIX}{id}/")
}

/// The strategy id a key belongs to, if it is a strategy key under an id that keeps the id rule
/// (`model::is_safe_id`; one that does not is set aside: [`unsafe_id_key`]).
pub fn strategy_id(key: &str) -> Option<Id> {
    key.strip_prefix(STRATEGY_PREFIX).filter(|id| is_safe_id(id)).map(Id::from)
}

/// Whether `key` is a strategy's, a region's or their history's or backups' under an id that
/// breaks the id rule (stored before the rule: `""`, `a/b`, `../strategy/x`): such data can be
/// neither listed nor opened, and is set aside as unreadable data (`Store::set_aside_unsafe_ids`).
pub fn unsafe_id_key(key: &str) -> bool {
    let whole = |prefix: &str| key.strip_prefix(prefix).map(|id| !is_safe_id(id));
    // `<id>/<seq or stamp>`: the id is all before the last `/`.
    let with_tail =
        |prefix: &str| key.strip_prefix(prefix).map(|rest| rest.rsplit_once('/').is_none_or(|(id, _)| !is_safe_id(id)));
    whole(STRATEGY_PREFIX)
        .or_else(|| whole(HEAD_PREFIX))
        .or_else(|| whole(NAMED_PREFIX))
        .or_else(|| whole(GRAPH_PREFIX))
        .or_else(|| whole(MARKS_PREFIX))
        .or_else(|| whole(REGION_PREFIX))
        .or_else(|| with_tail(VERSION_PREFIX))
        .or_else(|| with_tail(TAKEN_PREFIX))
        .or_else(|| with_tail(BACKUP_PREFIX))
        .or_else(|| with_tail(REGION_BACKUP_PREFIX))
        .unwrap_or(false)
}

/// `stamp` is made key-safe with [`stamp`].
pub fn backup(id: &Id, stamp: &str) -> String {
    format!("{BACKUP_PREFIX}{id}/{stamp}")
}

/// The time a backup key was stamped with (without the `#n` that keeps keys distinct).
pub fn backup_taken_at(key: &str) -> Option<String> {
    let (_, stamp) = key.strip_prefix(BACKUP_PREFIX)?.rsplit_once('/')?;
    Some(unstamp(stamp))
}

pub fn region(id: &Id) -> String {
    format!("{REGION_PREFIX}{id}")
}

/// The region id a key belongs to, if it is a region key.
pub fn region_id(key: &str) -> Option<Id> {
    key.strip_prefix(REGION_PREFIX).filter(|id| is_safe_id(id)).map(Id::from)
}

/// `stamp` is made key-safe with [`stamp`].
pub fn region_backup(id: &Id, stamp: &str) -> String {
    format!("{REGION_BACKUP_PREFIX}{id}/{stamp}")
}

/// The time a region backup key was stamped with (without the `#n` that keeps keys distinct).
pub fn region_backup_taken_at(key: &str) -> Option<String> {
    let (_, stamp) = key.strip_prefix(REGION_BACKUP_PREFIX)?.rsplit_once('/')?;
    Some(unstamp(stamp))
}

pub fn garbage(stamp: &str, original_key: &str) -> String {
    format!("{GARBAGE_PREFIX}{stamp}/{original_key}")
}

/// `(original key, found at)` of a garbage key; a malformed one gives the whole rest as key.
pub fn garbage_parts(key: &str) -> Option<(String, String)> {
    let rest = key.strip_prefix(GARBAGE_PREFIX)?;
    Some(match rest.split_once('/') {
        Some((stamp, original)) => (original.to_owned(), unstamp(stamp)),
        None => (rest.to_owned(), String::new()),
    })
}

/// A time as a key segment: no `/` (it separates segments) and no `#` (it numbers duplicates).
pub fn stamp(time: &str) -> String {
    let s: String = time.chars().map(|c| if c == '/' || c == '#' { '-' } else { c }).collect();
    if s.is_empty() {
        "-".to_owned()
    } else {
        s
    }
}

/// The `n`-th distinct variant of a stamp: `t`, `t#2`, `t#3` …
pub fn numbered(stamp: &str, n: usize) -> String {
    if n <= 1 {
        stamp.to_owned()
    } else {
        format!("{stamp}#{n}")
    }
}

fn unstamp(stamp: &str) -> String {
    let time = stamp.split('#').next().unwrap_or_default();
    if time == "-" {
        String::new()
    } else {
        time.to_owned()
    }
}
