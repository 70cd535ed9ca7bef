//! What the town publishes (公表): the settings of its public pages, the items it keeps
//! internal (非公開), and [`public_copy`], the one door everything published goes through.
//!
//! The public pages, their open data and the JSON beside them are all made from the public
//! copy, never from the strategy itself, so nothing internal can reach them by another path.
//! Two rules make it:
//! - which items go out ([`published`]): the goals, measures, initiatives and indicators marked
//!   非公開 stay in (a hidden goal or measure takes what sits under it along; an indicator goes
//!   out only when a published goal, measure or initiative refers to it);
//! - which fields go out ([`fields::FIELDS`], one list, field by field, checked against the
//!   types by a test): internal notes (an evaluation's 補足 and 改善点, an indicator's 備考, an
//!   actual's comment, the town's verdicts, the sections' 要因分析), residents' workshops, the
//!   drafting schedule, the year's rounds (照会) and who answered them, names of who wrote or
//!   opened anything, the list of what is hidden itself, and fields this version does not know
//!   (they may hold anything).
//!
//! Member names, form drafts and the version history are not part of a strategy at all.

pub mod fields;

use super::{Id, OpinionAbout, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;

/// The settings of the public pages (公開用ページ), kept with the strategy so every member
/// publishes the same way. Absent from a file that has none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Publication {
    /// Where the town puts the pages on its site (https://www.town.example.lg.jp/kpi/): the
    /// prints carry a QR code to it. Empty: no QR code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// A line above every page's title (e.g. the section that publishes it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub header: String,
    /// A line at the foot of every page (e.g. the contact: 企画課 0123-45-6789).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub footer: String,
    /// The town's own site, linked from every page as the way back.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub site_url: String,
    /// The licence of the open data, e.g. 「CC BY 4.0」; empty: none stated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence: String,
    /// Goals, measures, initiatives and indicators marked 非公開, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<Id>,
    /// 「この1年の主な動き」 of each goal, as the town wrote it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
}

impl Strategy {
    /// The publication settings, for changing (copied only when shared with an undo step).
    pub fn publication_mut(&mut self) -> &mut Publication {
        Arc::make_mut(&mut self.publication)
    }
}

/// Whether a strategy has no publication settings (its file then has no `publication`).
pub fn is_unset(p: &Arc<Publication>) -> bool {
    p.is_empty()
}

/// A goal's 「この1年の主な動き」 on the public index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Highlight {
    pub goal: Id,
    pub text: String,
}

/// The licences offered for the open data (the town may type another).
pub const LICENCES: [&str; 3] = ["CC BY 4.0", "CC0 1.0", "政府標準利用規約（第2.0版）"];

impl Publication {
    pub fn is_empty(&self) -> bool {
        *self == Publication::default()
    }

    pub fn is_hidden(&self, id: &Id) -> bool {
        self.hidden.contains(id)
    }

    /// Marks an item 非公開 (`hidden`) or published again.
    pub fn set_hidden(&mut self, id: &Id, hidden: bool) {
        self.hidden.retain(|h| h != id);
        if hidden {
            self.hidden.push(id.clone());
        }
    }

    /// The goal's 「この1年の主な動き」 ("" when none was written).
    pub fn highlight(&self, goal: &Id) -> &str {
        self.highlights.iter().find(|h| &h.goal == goal).map_or("", |h| h.text.as_str())
    }

    /// Sets (or with an empty text, removes) a goal's 「この1年の主な動き」.
    pub fn set_highlight(&mut self, goal: &Id, text: &str) {
        self.highlights.retain(|h| &h.goal != goal);
        if !text.trim().is_empty() {
            self.highlights.push(Highlight { goal: goal.clone(), text: text.trim().to_owned() });
        }
    }
}

/// `text` trimmed when it is an http(s) address — the only kind a published link or a printed
/// QR code is made of (`javascript:` and the like never are).
pub fn web_address(text: &str) -> Option<&str> {
    let text = text.trim();
    let scheme = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (scheme.starts_with("https://") || scheme.starts_with("http://")).then_some(text)
}

/// The ids of what goes out: the goals, measures and initiatives neither 非公開 nor under a
/// 非公開 goal or measure, and the indicators that one of them refers to and that are not 非公開.
/// The one rule of what is published: [`public_copy`] keeps these, the preview lists the rest.
#[derive(Debug, Default)]
pub struct Published {
    pub goals: HashSet<Id>,
    pub measures: HashSet<Id>,
    pub initiatives: HashSet<Id>,
    pub indicators: HashSet<Id>,
}

/// What of `s` is published (see [`Published`]).
pub fn published(s: &Strategy) -> Published {
    let hidden = &s.publication.hidden;
    let shown = |id: &&Id| !hidden.contains(id);
    let mut p = Published::default();
    for goal in s.goals.iter().filter(|g| shown(&&g.id)) {
        p.goals.insert(goal.id.clone());
        p.indicators.extend(goal.targets.iter().filter(shown).cloned());
        for measure in goal.measures.iter().filter(|m| shown(&&m.id)) {
            p.measures.insert(measure.id.clone());
            p.indicators.extend(measure.kpis.iter().filter(shown).cloned());
            for initiative in measure.initiatives.iter().filter(|i| shown(&&i.id)) {
                p.initiatives.insert(initiative.id.clone());
                p.indicators.extend(initiative.kpis.iter().filter(shown).cloned());
            }
        }
    }
    p
}

/// The strategy as it may go out: only the items [`published`] names, and of them only the
/// fields [`fields::FIELDS`] publishes. Everything published is made from this copy.
pub fn public_copy(s: &Strategy) -> Strategy {
    let p = published(s);
    let mut out = s.clone();
    out.goals.retain(|g| p.goals.contains(&g.id));
    for goal in out.goals_mut() {
        goal.targets.retain(|t| p.indicators.contains(t));
        goal.measures.retain(|m| p.measures.contains(&m.id));
        for measure in goal.measures.iter_mut().map(Arc::make_mut) {
            measure.kpis.retain(|k| p.indicators.contains(k));
            measure.related.retain(|r| p.measures.contains(r));
            measure.initiatives.retain(|i| p.initiatives.contains(&i.id));
            measure.relisted.retain(|r| p.initiatives.contains(&r.initiative));
            for initiative in measure.initiatives_mut() {
                initiative.kpis.retain(|k| p.indicators.contains(k));
            }
        }
    }
    out.indicators.retain(|i| p.indicators.contains(&i.id));
    Arc::make_mut(&mut out.publication).highlights.retain(|h| p.goals.contains(&h.goal));
    // An opinion goes out as its 要旨 when the town wrote one: the text as sent stays in.
    // 提出者数 counted from the senders while they are there: the public copy has no names.
    let counted: Vec<Option<u32>> =
        out.hearings.iter().map(|h| s.hearing_counts(&h.id).submitters.map(|n| n as u32)).collect();
    for (h, n) in out.hearings_mut().iter_mut().zip(counted) {
        h.submitters = h.submitters.or(n);
    }
    // A hearing whose opinions stay in (a meeting's, until the town says) publishes none.
    let kept_in: Vec<crate::model::Id> =
        out.hearings.iter().filter(|h| !h.opinions_go_out()).map(|h| h.id.clone()).collect();
    out.opinions_mut().retain(|o| !kept_in.contains(&o.hearing));
    // An opinion about an item that stays in is, publicly, about its 該当箇所 as written.
    for o in out.opinions_mut().iter_mut() {
        if !o.summary.trim().is_empty() {
            o.text = std::mem::take(&mut o.summary);
        }
        let hidden = match &o.about {
            OpinionAbout::Goal(id) => !p.goals.contains(id),
            OpinionAbout::Measure(id) => !p.measures.contains(id),
            OpinionAbout::Indicator(id) => !p.indicators.contains(id),
            OpinionAbout::Whole | OpinionAbout::Section(_) => false,
        };
        if hidden {
            o.about = OpinionAbout::Whole;
        }
    }
    published_fields(&out)
}

/// `s` with only the fields [`fields::FIELDS`] publishes: its JSON walked by the list, read back.
/// The list keeps every field a strategy needs (a test checks it against the types); should the
/// copy still not read, nothing goes out but the strategy's title, municipality and period.
fn published_fields(s: &Strategy) -> Strategy {
    let mut value = serde_json::to_value(s).unwrap_or_default();
    fields::keep_published(&mut value, fields::ROOT);
    Strategy::from_value(value)
        .unwrap_or_else(|_| Strategy { id: s.id.clone(), ..Strategy::blank(&s.title, &s.municipality.name, s.period) })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod address_tests {
    use super::web_address;

    #[test]
    fn only_http_and_https_addresses_are_web_addresses() {
        assert_eq!(web_address(" https://www.town.example.lg.jp/kpi/ "), Some("https://www.town.example.lg.jp/kpi/"));
        assert_eq!(web_address("HTTP://example.jp"), Some("HTTP://example.jp"));
        for bad in ["javascript:alert(1)", "www.example.jp", "", "https:/x", "ftp://example.jp", "data:text/html,x"] {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }
}
