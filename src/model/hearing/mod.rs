//! Hearings (意見聴取) of a draft and the opinions heard there, with the town's answers.
//!
//! A draft (骨子案, 素案, 案) is heard by bodies the town names — 策定会議, 懇談会 (産官学金労言),
//! 議会, a パブリックコメント (with its 意見募集期間 and 提出者数), or any other. Each opinion names its
//! hearing, and so the stage it was heard on: opinions belong to the stage of their hearing, not
//! to the strategy's stage now. An opinion keeps its text as sent (and a summary beside it, the
//! original kept), the item it is about, and the town's answer (市の考え方) with its 対応.
//! Opinions gathered into one answer share a group id; the model writes a group's answer to
//! every member, and reads it from the first. A 修正 names the change it made: in words, and
//! by the version of the history that made it (`reflection`: 反映).
//!
//! Senders' names are internal: they count 提出者数 and never go out (`model::publication`
//! removes them from the public copy; the CSV never writes them).
//!
//! Hearings and opinions are two flat lists on the strategy, each behind one `Arc` (as
//! `rounds` is): a copy of the strategy shares them, and a file without them has neither key.

#[cfg(test)]
mod tests;

use super::{DraftingStage, Id};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One hearing of a draft: who heard it, on which stage, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Hearing {
    pub id: Id,
    /// The stage of the draft that was heard (its opinions belong to it).
    pub stage: DraftingStage,
    pub body: HearingBody,
    /// When: a date "2019-12-05", or the town's words (「R1.12 上旬」「12月議会」).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
    /// A パブリックコメント's 意見募集期間, from and to (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<CommentPeriod>,
    /// 提出者数 as the town recorded it (a パブリックコメント's 「63件（14人）」); without it, the
    /// distinct senders are counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitters: Option<u32>,
    /// The version of the draft that was heard: the one current when the hearing was added
    /// (kept in the history under the hearing's name), which the officer can change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heard: Option<VersionLink>,
    /// Whether its opinions go out on the public pages; undecided, a パブリックコメント's do
    /// and a meeting's stay in until the town says ([`Hearing::opinions_go_out`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<Publish>,
}

/// Whether a hearing's opinions go out on the public pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Publish {
    Out,
    In,
}

/// Who heard the draft: the bodies of seed 004, or another the town names.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HearingBody {
    /// 策定会議 (the town's drafting meeting, e.g. 総合戦略策定会議（次長級）)
    DraftingMeeting,
    /// 懇談会 (産官学金労言)
    Roundtable,
    /// 議会
    Assembly,
    /// パブリックコメント (意見公募)
    PublicComment,
    /// Another body, in the town's words.
    Other(String),
}

impl HearingBody {
    /// The named bodies, in the order the page offers them.
    pub const NAMED: [HearingBody; 4] =
        [HearingBody::DraftingMeeting, HearingBody::Roundtable, HearingBody::Assembly, HearingBody::PublicComment];

    /// The usual name; the town's words for another.
    pub fn japanese(&self) -> &str {
        match self {
            HearingBody::DraftingMeeting => "策定会議",
            HearingBody::Roundtable => "懇談会",
            HearingBody::Assembly => "議会",
            HearingBody::PublicComment => "パブリックコメント",
            HearingBody::Other(words) => words,
        }
    }

    pub fn english(&self) -> &str {
        match self {
            HearingBody::DraftingMeeting => "Drafting meeting",
            HearingBody::Roundtable => "Roundtable",
            HearingBody::Assembly => "Assembly",
            HearingBody::PublicComment => "Public comment",
            HearingBody::Other(words) => words,
        }
    }

    /// A stable key (`other` for the town's words), as a dropdown uses.
    pub fn key(&self) -> &'static str {
        match self {
            HearingBody::DraftingMeeting => "drafting_meeting",
            HearingBody::Roundtable => "roundtable",
            HearingBody::Assembly => "assembly",
            HearingBody::PublicComment => "public_comment",
            HearingBody::Other(_) => "other",
        }
    }

    /// The body a key names; `other` takes the town's words.
    pub fn from_key(key: &str, words: &str) -> Option<HearingBody> {
        Self::NAMED.into_iter().find(|b| b.key() == key).or_else(|| match key {
            "other" => Some(HearingBody::Other(words.trim().to_owned())),
            _ => None,
        })
    }
}

/// A パブリックコメント's 意見募集期間, both days included.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CommentPeriod {
    pub from: String,
    pub to: String,
}

/// One opinion heard, with the town's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Opinion {
    pub id: Id,
    /// The hearing it was heard at.
    pub hearing: Id,
    /// 番号, as the town numbers it ("1", "3-2"); the CSV numbers those without one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// The opinion as it was sent (the original, kept when it is summarised).
    pub text: String,
    /// 要旨: the town's summary, shown and published in place of the text when given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// What it is about.
    #[serde(default, skip_serializing_if = "OpinionAbout::is_whole")]
    pub about: OpinionAbout,
    /// 該当箇所 as the sender or the town wrote it (「p.12」「基本目標1」), kept beside `about`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Who sent it. Internal: counted for 提出者数, never published or written to a file that
    /// goes out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sender: String,
    /// 市の考え方: the town's answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub answer: String,
    /// 対応; none while unanswered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// Opinions gathered into one answer share this id (an id of no entity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
    /// For 修正する: the change it made, in words (「修正した内容」, published with the answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeLink>,
    /// For 修正する: the version of the history that made the change (`reflection`), beside the
    /// words. Internal: a version is this town's history, not the public's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<VersionLink>,
}

/// The item an opinion is about, by id, or the whole strategy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OpinionAbout {
    /// The strategy as a whole (全体).
    #[default]
    Whole,
    Goal(Id),
    Measure(Id),
    /// A 数値目標 or KPI.
    Indicator(Id),
    /// A narrative section (策定趣旨, 基本方針 …).
    Section(Id),
}

impl OpinionAbout {
    pub fn is_whole(&self) -> bool {
        matches!(self, OpinionAbout::Whole)
    }
    pub fn id(&self) -> Option<&Id> {
        match self {
            OpinionAbout::Whole => None,
            OpinionAbout::Goal(id)
            | OpinionAbout::Measure(id)
            | OpinionAbout::Indicator(id)
            | OpinionAbout::Section(id) => Some(id),
        }
    }
    pub fn id_mut(&mut self) -> Option<&mut Id> {
        match self {
            OpinionAbout::Whole => None,
            OpinionAbout::Goal(id)
            | OpinionAbout::Measure(id)
            | OpinionAbout::Indicator(id)
            | OpinionAbout::Section(id) => Some(id),
        }
    }
}

/// 対応: what the draft does about an opinion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// 修正する
    Revise,
    /// 原案のとおり
    AsDrafted,
    /// 参考とする
    Reference,
    /// その他
    Other,
}

impl Response {
    pub const ALL: [Response; 4] = [Response::Revise, Response::AsDrafted, Response::Reference, Response::Other];
    pub fn japanese(self) -> &'static str {
        match self {
            Response::Revise => "修正する",
            Response::AsDrafted => "原案のとおり",
            Response::Reference => "参考とする",
            Response::Other => "その他",
        }
    }
    pub fn english(self) -> &'static str {
        match self {
            Response::Revise => "Revise",
            Response::AsDrafted => "As drafted",
            Response::Reference => "Take as reference",
            Response::Other => "Other",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Response::Revise => "revise",
            Response::AsDrafted => "as_drafted",
            Response::Reference => "reference",
            Response::Other => "other",
        }
    }
    pub fn from_key(key: &str) -> Option<Response> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// The change a 修正 made: a version of the history (its id), or the town's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeLink {
    /// A version's id in the strategy's history.
    Version(String),
    /// What was changed, in words (「施策2-1の本文に追記」).
    Described(String),
}

/// The version of the history a 修正 was made in: the time the version was saved (which every
/// copy of the history keeps for it) and its id when it had one (shared or taken from a file).
/// A link outlives its version: thinned, or never in this browser's history, it is shown as
/// such (`reflection::find`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VersionLink {
    /// The version's `saved_at` (an ISO 8601 time, "2026-11-20T01:02:03.456Z").
    pub saved_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<crate::model::VersionId>,
}

/// A hearing's figures: 意見件数, 提出者数 and the opinions by 対応.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HearingCounts {
    /// 意見件数: every opinion, gathered ones each counted.
    pub opinions: usize,
    /// 提出者数: as recorded; else the distinct senders when every opinion names one; else
    /// unknown.
    pub submitters: Option<usize>,
    /// Opinions by 対応, in [`Response::ALL`]'s order.
    pub by_response: [usize; 4],
    /// Opinions without a 対応 yet.
    pub unanswered: usize,
}

/// Whether a strategy has none (its file then has no key).
pub fn is_empty<T>(list: &Arc<Vec<T>>) -> bool {
    list.is_empty()
}

impl Hearing {
    /// A hearing of `stage` by `body`, when given.
    pub fn new(stage: DraftingStage, body: HearingBody, when: &str) -> Hearing {
        Hearing {
            id: Id::new("hearing"),
            stage,
            body,
            when: when.trim().to_owned(),
            period: None,
            submitters: None,
            heard: None,
            publish: None,
        }
    }

    /// Whether its opinions go out: as the town chose; undecided, a パブリックコメント's do (they
    /// were sent to be published), a meeting's do not until the town says.
    pub fn opinions_go_out(&self) -> bool {
        match self.publish {
            Some(p) => p == Publish::Out,
            None => self.body == HearingBody::PublicComment,
        }
    }

    /// Whether the town has still to say if its opinions go out (a meeting's, undecided).
    pub fn asks_to_publish(&self) -> bool {
        self.publish.is_none() && self.body != HearingBody::PublicComment
    }
}

impl Opinion {
    /// An opinion heard at `hearing`, unanswered, about the whole strategy.
    pub fn new(hearing: &Id, text: &str) -> Opinion {
        Opinion {
            id: Id::new("opinion"),
            hearing: hearing.clone(),
            number: String::new(),
            text: text.trim().to_owned(),
            summary: String::new(),
            about: OpinionAbout::Whole,
            place: String::new(),
            sender: String::new(),
            answer: String::new(),
            response: None,
            group: None,
            change: None,
            version: None,
        }
    }

    /// What is shown and published: the summary (要旨) when given, else the text.
    pub fn shown(&self) -> &str {
        if self.summary.trim().is_empty() {
            &self.text
        } else {
            &self.summary
        }
    }
}

mod ops;
pub mod reflection;
pub use ops::TownAnswer;
