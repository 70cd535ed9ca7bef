//! 「意見と市の考え方」 as towns publish it, one sheet a hearing: its name and stage, the
//! 意見募集期間, 提出者数 and 意見件数, then one row an answer — 番号, 該当箇所, 意見の要旨, 対応,
//! 市の考え方 —, opinions gathered into one answer as one row (their numbers, places and texts
//! together). The CSV, the Word document, the print and the public page are all written from
//! it. A row holds no sender's name: the type has no place for one.

use super::csv::place_cell;
use crate::locale::{self, Language, YearStyle};
use crate::model::hearing::{ChangeLink, CommentPeriod, HearingCounts};
use crate::model::{DraftingStage, HearingBody, Id, Opinion, Response, Strategy};

/// One hearing's 「意見と市の考え方」.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerSheet {
    pub hearing: Id,
    pub stage: DraftingStage,
    pub body: HearingBody,
    /// When, as the town wrote it.
    pub when: String,
    /// A パブリックコメント's 意見募集期間.
    pub period: Option<CommentPeriod>,
    /// 意見件数 and 提出者数 (a number only).
    pub counts: HearingCounts,
    pub rows: Vec<AnswerRow>,
}

/// One answer: an opinion, or several gathered.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    /// 番号: the opinions' numbers (「3、7」 when gathered); an opinion without one is numbered
    /// by its place in its hearing.
    pub number: String,
    /// 該当箇所: the item's number and name, else as written, else 「全体」 (`place_cell`).
    pub place: String,
    /// 意見の要旨: each opinion's summary, else its text, one entry each.
    pub opinions: Vec<String>,
    pub response: Option<Response>,
    /// For 修正する: what was changed, in the town's words (「修正した内容」); empty otherwise.
    pub changed: String,
    /// 市の考え方.
    pub answer: String,
}

impl AnswerSheet {
    /// 「意見募集期間：令和7年12月1日～令和8年1月5日」, 「提出者数：14人」, 「意見件数：63件」: the lines
    /// above a hearing's table (the period only for a hearing that has one, 提出者数 when known).
    pub fn figures(&self) -> Vec<String> {
        let day = |d: &str| locale::date(d, Language::Ja, YearStyle::Japanese);
        let mut lines = Vec::new();
        match &self.period {
            Some(p) if !p.from.trim().is_empty() || !p.to.trim().is_empty() => {
                lines.push(format!("意見募集期間：{}～{}", day(p.from.trim()), day(p.to.trim())));
            }
            _ if !self.when.trim().is_empty() => lines.push(format!("時期：{}", day(self.when.trim()))),
            _ => {}
        }
        if let Some(n) = self.counts.submitters {
            lines.push(format!("提出者数：{n}人"));
        }
        lines.push(format!("意見件数：{}件", self.counts.opinions));
        lines
    }

    /// The heading the sheet goes out under: 「素案に対するパブリックコメント」, and for a meeting
    /// 「策定会議での骨子案への意見」 (a meeting is not held against the draft).
    pub fn heading(&self) -> String {
        match &self.body {
            HearingBody::PublicComment => format!("{}に対するパブリックコメント", self.stage.japanese()),
            HearingBody::Other(words) if words.trim().is_empty() => format!("{}への意見", self.stage.japanese()),
            body => format!("{}での{}への意見", body.japanese().trim(), self.stage.japanese()),
        }
    }
}

impl AnswerRow {
    /// The 対応 cell: 「修正する」, and below it what was changed (「（修正内容）施策1-2に追記」).
    pub fn response_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.response.map(|r| r.japanese().to_owned()).into_iter().collect();
        if !self.changed.trim().is_empty() {
            lines.push(format!("（修正内容）{}", self.changed.trim()));
        }
        lines
    }

    /// The opinions in one cell: the text itself, or 「・」 before each when gathered.
    pub fn opinion_text(&self) -> String {
        match self.opinions.as_slice() {
            [one] => one.clone(),
            many => many.iter().map(|o| format!("・{o}")).collect::<Vec<_>>().join("\n"),
        }
    }
}

/// The sheets of the hearings that have opinions (of `hearing` alone when given), in the
/// hearings' order.
pub fn answer_sheets(s: &Strategy, hearing: Option<&Id>) -> Vec<AnswerSheet> {
    s.hearings
        .iter()
        .filter(|h| hearing.is_none_or(|id| &h.id == id))
        .filter(|h| s.opinions_of(&h.id).next().is_some())
        .map(|h| AnswerSheet {
            hearing: h.id.clone(),
            stage: h.stage,
            body: h.body.clone(),
            when: h.when.clone(),
            period: h.period.clone(),
            counts: s.hearing_counts(&h.id),
            rows: rows(s, &h.id),
        })
        .collect()
}

/// A hearing's answers, one row each, gathered opinions together where the first of them is.
fn rows(s: &Strategy, hearing: &Id) -> Vec<AnswerRow> {
    let opinions: Vec<&Opinion> = s.opinions_of(hearing).collect();
    let number = |o: &Opinion| match o.number.trim() {
        "" => (opinions.iter().position(|x| x.id == o.id).unwrap_or(0) + 1).to_string(),
        n => n.to_owned(),
    };
    let mut written: Vec<&Id> = Vec::new();
    let mut out = Vec::new();
    for o in &opinions {
        if o.group.as_ref().is_some_and(|g| written.contains(&g)) {
            continue;
        }
        let members: Vec<&Opinion> = match &o.group {
            Some(g) => {
                written.push(g);
                opinions.iter().copied().filter(|x| x.group.as_ref() == Some(g)).collect()
            }
            None => vec![o],
        };
        let joined = |f: &dyn Fn(&Opinion) -> String| {
            let mut all: Vec<String> = members.iter().map(|m| f(m)).collect();
            all.dedup();
            all.join("、")
        };
        let answer = s.answer_of(o);
        out.push(AnswerRow {
            number: joined(&number),
            place: joined(&|m| place_cell(s, m)),
            opinions: members.iter().map(|m| m.shown().trim().to_owned()).collect(),
            response: answer.response,
            changed: match (&answer.response, &answer.change) {
                (Some(Response::Revise), Some(ChangeLink::Described(words))) => words.trim().to_owned(),
                _ => String::new(),
            },
            answer: answer.answer.trim().to_owned(),
        });
    }
    out
}
