//! What is done with hearings and opinions: adding them, answering, gathering several into one
//! answer, and their counts.

use super::{ChangeLink, Hearing, HearingCounts, Opinion, Response, VersionLink};
use crate::model::{DraftingStage, Id, Strategy};
use std::sync::Arc;

/// The town's answer to an opinion (or to a group of them): 市の考え方, 対応 and, for 修正する,
/// the change it made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TownAnswer {
    pub answer: String,
    pub response: Option<Response>,
    pub change: Option<ChangeLink>,
}

impl TownAnswer {
    pub fn of(o: &Opinion) -> TownAnswer {
        TownAnswer { answer: o.answer.clone(), response: o.response, change: o.change.clone() }
    }
    fn write(&self, o: &mut Opinion) {
        o.answer = self.answer.trim().to_owned();
        o.response = self.response;
        // A change is the trace of a 修正; another 対応 has none.
        o.change = if self.response == Some(Response::Revise) { self.change.clone() } else { None };
        if self.response != Some(Response::Revise) {
            o.version = None;
        }
    }
}

impl Strategy {
    pub fn hearings_mut(&mut self) -> &mut Vec<Hearing> {
        Arc::make_mut(&mut self.hearings)
    }

    pub fn opinions_mut(&mut self) -> &mut Vec<Opinion> {
        Arc::make_mut(&mut self.opinions)
    }

    pub fn hearing(&self, id: &Id) -> Option<&Hearing> {
        self.hearings.iter().find(|h| &h.id == id)
    }

    pub fn hearing_mut(&mut self, id: &Id) -> Option<&mut Hearing> {
        self.hearings_mut().iter_mut().find(|h| &h.id == id)
    }

    pub fn opinion(&self, id: &Id) -> Option<&Opinion> {
        self.opinions.iter().find(|o| &o.id == id)
    }

    pub fn opinion_mut(&mut self, id: &Id) -> Option<&mut Opinion> {
        self.opinions_mut().iter_mut().find(|o| &o.id == id)
    }

    /// Adds a hearing last and returns its id.
    pub fn add_hearing(&mut self, hearing: Hearing) -> Id {
        let id = hearing.id.clone();
        self.hearings_mut().push(hearing);
        id
    }

    /// The versions the hearings heard ([`Hearing::heard`]): the history keeps them however old
    /// (`storage::versions::thin`).
    pub fn versions_heard(&self) -> impl Iterator<Item = &VersionLink> {
        self.hearings.iter().filter_map(|h| h.heard.as_ref())
    }

    /// The hearings of one stage, in the order they were added.
    pub fn hearings_on(&self, stage: DraftingStage) -> impl Iterator<Item = &Hearing> {
        self.hearings.iter().filter(move |h| h.stage == stage)
    }

    /// Removes a hearing with its opinions; false when there is none.
    pub fn remove_hearing(&mut self, id: &Id) -> bool {
        let before = self.hearings.len();
        self.hearings_mut().retain(|h| &h.id != id);
        if self.hearings.len() == before {
            return false;
        }
        if self.opinions.iter().any(|o| &o.hearing == id) {
            self.opinions_mut().retain(|o| &o.hearing != id);
        }
        true
    }

    /// The opinions heard at a hearing, in their order.
    pub fn opinions_of<'a>(&'a self, hearing: &'a Id) -> impl Iterator<Item = &'a Opinion> {
        self.opinions.iter().filter(move |o| &o.hearing == hearing)
    }

    /// The stage an opinion was heard on (its hearing's); `None` when its hearing is gone.
    pub fn stage_of(&self, opinion: &Opinion) -> Option<DraftingStage> {
        self.hearing(&opinion.hearing).map(|h| h.stage)
    }

    /// Adds an opinion last; `None` when its text is blank or its hearing does not exist.
    pub fn add_opinion(&mut self, mut opinion: Opinion) -> Option<Id> {
        opinion.text = opinion.text.trim().to_owned();
        if opinion.text.is_empty() || self.hearing(&opinion.hearing).is_none() {
            return None;
        }
        let id = opinion.id.clone();
        self.opinions_mut().push(opinion);
        Some(id)
    }

    /// 番号: as the town numbers the opinion, else by its place in its hearing (from 1).
    pub fn opinion_number(&self, opinion: &Opinion) -> String {
        match opinion.number.trim() {
            "" => (self.opinions_of(&opinion.hearing).position(|x| x.id == opinion.id).unwrap_or(0) + 1).to_string(),
            n => n.to_owned(),
        }
    }

    /// Removes an opinion; false when there is none.
    pub fn remove_opinion(&mut self, id: &Id) -> bool {
        let before = self.opinions.len();
        self.opinions_mut().retain(|o| &o.id != id);
        self.opinions.len() != before
    }

    /// The opinions sharing one answer with this one (itself included), in their order; itself
    /// alone when it is in no group.
    pub fn gathered_with<'a>(&'a self, opinion: &'a Opinion) -> Vec<&'a Opinion> {
        match &opinion.group {
            None => vec![opinion],
            Some(g) => self.opinions.iter().filter(|o| o.group.as_ref() == Some(g)).collect(),
        }
    }

    /// The answer an opinion has: its group's (the first member's) when it is gathered.
    pub fn answer_of(&self, opinion: &Opinion) -> TownAnswer {
        TownAnswer::of(self.gathered_with(opinion)[0])
    }

    /// Answers an opinion, and every opinion gathered with it; false when there is none.
    pub fn answer_opinion(&mut self, id: &Id, answer: &TownAnswer) -> bool {
        let Some(group) = self.opinion(id).map(|o| o.group.clone()) else { return false };
        for o in self.opinions_mut().iter_mut() {
            if &o.id == id || (group.is_some() && o.group == group) {
                answer.write(o);
            }
        }
        true
    }

    /// Links a 修正 to the version of the history that made it (`None`: unlinks), for the opinion
    /// and every opinion gathered with it; false when there is none, or it is not answered
    /// 修正する (only a 修正 has a change).
    pub fn link_version(&mut self, id: &Id, link: Option<VersionLink>) -> bool {
        let Some(o) = self.opinion(id) else { return false };
        if self.answer_of(o).response != Some(Response::Revise) {
            return false;
        }
        let group = o.group.clone();
        for o in self.opinions_mut().iter_mut() {
            if &o.id == id || (group.is_some() && o.group == group) {
                o.version = link.clone();
            }
        }
        true
    }

    /// Gathers these opinions into one answer: a new group (the groups they were in are taken
    /// whole), answered with the first answer among them, in the list's order. `None` when
    /// fewer than two opinions are named.
    pub fn gather(&mut self, ids: &[Id]) -> Option<Id> {
        let named: Vec<&Opinion> = self.opinions.iter().filter(|o| ids.contains(&o.id)).collect();
        let groups: Vec<Id> = named.iter().filter_map(|o| o.group.clone()).collect();
        let members: Vec<Id> = self
            .opinions
            .iter()
            .filter(|o| ids.contains(&o.id) || o.group.as_ref().is_some_and(|g| groups.contains(g)))
            .map(|o| o.id.clone())
            .collect();
        if members.len() < 2 {
            return None;
        }
        let first = |o: &&Opinion| members.contains(&o.id);
        let answered = self.opinions.iter().filter(first).find(|o| o.response.is_some() || !o.answer.trim().is_empty());
        let answer = answered.or_else(|| self.opinions.iter().find(first)).map(TownAnswer::of).unwrap_or_default();
        let version = answered.and_then(|o| o.version.clone());
        let group = Id::new("group");
        for o in self.opinions_mut().iter_mut().filter(|o| members.contains(&o.id)) {
            o.group = Some(group.clone());
            answer.write(o);
            o.version = if o.response == Some(Response::Revise) { version.clone() } else { None };
        }
        Some(group)
    }

    /// Takes an opinion out of its group, keeping the answer it had; a group left with one
    /// opinion is no group.
    pub fn ungather(&mut self, id: &Id) -> bool {
        let Some(group) = self.opinion(id).and_then(|o| o.group.clone()) else { return false };
        let rest = self.opinions.iter().filter(|o| o.group.as_ref() == Some(&group) && &o.id != id).count();
        for o in self.opinions_mut().iter_mut() {
            if &o.id == id || (rest < 2 && o.group.as_ref() == Some(&group)) {
                o.group = None;
            }
        }
        true
    }

    /// 意見件数, 提出者数 and the opinions by 対応, of one hearing.
    pub fn hearing_counts(&self, hearing: &Id) -> HearingCounts {
        let opinions: Vec<&Opinion> = self.opinions_of(hearing).collect();
        let mut counts = HearingCounts { opinions: opinions.len(), ..Default::default() };
        for o in &opinions {
            match o.response {
                Some(r) => counts.by_response[Response::ALL.iter().position(|x| *x == r).unwrap_or(3)] += 1,
                None => counts.unanswered += 1,
            }
        }
        let recorded = self.hearing(hearing).and_then(|h| h.submitters).map(|n| n as usize);
        counts.submitters = recorded.or_else(|| {
            let senders: Option<Vec<&str>> =
                opinions.iter().map(|o| Some(o.sender.trim()).filter(|s| !s.is_empty())).collect();
            senders.map(|mut s| {
                s.sort_unstable();
                s.dedup();
                s.len()
            })
        });
        counts
    }
}
