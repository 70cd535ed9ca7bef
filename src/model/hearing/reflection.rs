//! 反映: where a 修正 shows. An opinion answered 修正する links the version of the history that
//! made the change ([`VersionLink`]); from it the opinion shows 「反映：…の版」 with the
//! 新旧対照表 of that change (the version before it against it, [`find`]), and a 新旧対照表
//! between two versions names, in the 備考 of each row, the opinions whose change lies between
//! them and concerns the row's item ([`mark`]).
//!
//! A link names its version by id when the version has one, and "between two versions" is asked
//! of the history's graph ([`between`]); versions kept before they were named are found and
//! ordered by the time they were saved, which a version keeps in every browser that has it. A
//! link to a version no longer in the history (thinned, or made in another browser) is [`Found::Missing`]
//! — said as such, never an error. An opinion about the whole strategy names no row.

use super::{Opinion, Response, VersionLink};
use crate::model::compare::Comparison;
use crate::model::{Id, Strategy};

/// A version as the history lists it: its number in this browser's history, the time it was
/// saved and its id when it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeptVersion<'a> {
    pub seq: u64,
    pub saved_at: &'a str,
    pub id: Option<crate::model::VersionId>,
}

/// Where a link's version is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A kept version (`seq`), with the kept version before it (`None`: it is the oldest kept).
    Kept { seq: u64, before: Option<u64> },
    /// The current version (not kept yet), with the kept version before it.
    Current { before: Option<u64> },
    /// Not in this history.
    Missing,
}

impl Found {
    /// The two versions of the change's 新旧対照表, 改正前 and 改正後 (`None`: the current
    /// version); none without a version before it.
    pub fn old_new(self) -> Option<(u64, Option<u64>)> {
        match self {
            Found::Kept { seq, before: Some(b) } => Some((b, Some(seq))),
            Found::Current { before: Some(b) } => Some((b, None)),
            _ => None,
        }
    }
}

/// The version a link names among the kept ones (any order) and the current one: by its id when
/// both have one, else by the time it was saved.
pub fn find(link: &VersionLink, kept: &[KeptVersion<'_>], current: Option<KeptVersion<'_>>) -> Found {
    let is = |v: &KeptVersion<'_>| match (link.id, v.id) {
        (Some(a), Some(b)) if a == b => true,
        _ => v.saved_at == link.saved_at,
    };
    let before =
        |at: &str| kept.iter().filter(|v| v.saved_at < at).max_by(|a, b| a.saved_at.cmp(b.saved_at)).map(|v| v.seq);
    if let Some(v) = kept.iter().find(|v| is(v)) {
        return Found::Kept { seq: v.seq, before: before(v.saved_at) };
    }
    match current {
        Some(c) if is(&c) => Found::Current { before: before(c.saved_at) },
        _ => Found::Missing,
    }
}

/// One end of a change compared: a version by the time it was saved, with its id when it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End<'a> {
    pub saved_at: &'a str,
    pub id: Option<crate::model::VersionId>,
}

impl<'a> End<'a> {
    /// A version known only by its time (kept before versions were named).
    pub fn at(saved_at: &'a str) -> End<'a> {
        End { saved_at, id: None }
    }
}

/// What the history's graph says of its versions (`history::Place` answers it).
pub trait Descent {
    /// Whether version `from` (`None`: the current version) is, or is made on, version `id`;
    /// `None` when the graph does not hold both.
    fn reaches(&self, from: Option<crate::model::VersionId>, id: crate::model::VersionId) -> Option<bool>;
}

/// No graph: every question is answered by the times.
pub struct NoGraph;

impl Descent for NoGraph {
    fn reaches(&self, _: Option<crate::model::VersionId>, _: crate::model::VersionId) -> Option<bool> {
        None
    }
}

/// Whether a link's version lies in the change from `old` to `new` (`None`: the current
/// version): `new` is, or is made on, it and `old` is not, as the graph says — a version taken
/// from another computer lies where the history puts it, whatever its clock said. Where the
/// graph cannot say (a version without an id, or beyond the graph): saved after `old`, and not
/// after `new`.
pub fn between(link: &VersionLink, old: End<'_>, new: Option<End<'_>>, graph: &impl Descent) -> bool {
    let by_graph = link.id.and_then(|l| {
        let in_new = match new {
            None => graph.reaches(None, l)?,
            Some(n) => graph.reaches(Some(n.id?), l)?,
        };
        Some(in_new && !graph.reaches(Some(old.id?), l)?)
    });
    by_graph.unwrap_or_else(|| {
        link.saved_at.as_str() > old.saved_at && new.is_none_or(|n| link.saved_at.as_str() <= n.saved_at)
    })
}

/// The opinions of `s` answered 修正する whose linked version lies between `old` and `new`.
pub fn revised_between<'a>(
    s: &'a Strategy,
    (old, new): (End<'a>, Option<End<'a>>),
    graph: &'a impl Descent,
) -> impl Iterator<Item = &'a Opinion> {
    s.opinions.iter().filter(move |o| {
        o.response == Some(Response::Revise) && o.version.as_ref().is_some_and(|l| between(l, old, new, graph))
    })
}

/// Names in each row of `table` (the 新旧対照表 from version `old` to `new`: [`between`]) the opinions of `s` behind it: those whose 修正 lies between the two and that are
/// about the row's item or an item it is under. `s` is the strategy as it is now (a link is made
/// after its change, so the compared versions need not hold it).
pub fn mark(table: &mut Comparison, s: &Strategy, ends: (End<'_>, Option<End<'_>>), graph: &impl Descent) {
    let behind: Vec<(&Id, String)> =
        revised_between(s, ends, graph).filter_map(|o| Some((o.about.id()?, s.opinion_number(o)))).collect();
    if behind.is_empty() {
        return;
    }
    for row in &mut table.rows {
        for (about, number) in &behind {
            if row.items.contains(about) && !row.opinions.contains(number) {
                row.opinions.push(number.clone());
            }
        }
    }
}

/// 「意見 No.3 による修正」 (「意見 No.3、No.7 による修正」): the 備考's words for the opinions behind
/// a row; empty for none.
pub fn note_words(numbers: &[String]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let list: Vec<String> = numbers.iter().map(|n| format!("No.{n}")).collect();
    format!("意見 {} による修正", list.join("、"))
}

/// Whether the item `id` (or one under it) changed from `old` to `new`: a row of their
/// 新旧対照表 concerns it. False for two unrelated strategies.
pub fn item_changed(old: &Strategy, new: &Strategy, id: &Id) -> bool {
    crate::model::compare::compare(old, new).is_ok_and(|t| t.rows.iter().any(|r| r.items.contains(id)))
}

/// The versions a 修正 heard at `hearing` may link: those saved on or after the day it was
/// heard (its 意見募集期間's first day, else its 時期 when that is a date; every version
/// otherwise), newest first, at most `limit` (each is read to see whether it changed the item).
pub fn since_hearing<'a>(kept: &[KeptVersion<'a>], hearing: &super::Hearing, limit: usize) -> Vec<KeptVersion<'a>> {
    let day = hearing
        .period
        .as_ref()
        .map(|p| p.from.trim())
        .filter(|d| is_day(d))
        .or(Some(hearing.when.trim()).filter(|d| is_day(d)));
    let mut out: Vec<KeptVersion<'a>> =
        kept.iter().copied().filter(|v| day.is_none_or(|d| v.saved_at.get(..10).is_some_and(|a| a >= d))).collect();
    out.sort_by(|a, b| b.saved_at.cmp(a.saved_at));
    out.truncate(limit);
    out
}

/// The order a picker offers them in: those that changed the item first, each part as given.
pub fn changed_first<T>(versions: Vec<(T, bool)>) -> Vec<(T, bool)> {
    let (changed, rest): (Vec<_>, Vec<_>) = versions.into_iter().partition(|(_, c)| *c);
    changed.into_iter().chain(rest).collect()
}

/// "2026-11-20".
fn is_day(s: &str) -> bool {
    s.len() == 10 && s.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() })
}

#[cfg(test)]
#[path = "reflection_tests.rs"]
mod tests;
