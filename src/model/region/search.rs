//! Themes across towns (取組事例): the bureau searches every town's goals, measures and
//! initiatives by words (移住, 子育て, 観光, DX …) and by SDG and national goal, to find a
//! practice to introduce elsewhere.
//!
//! The search runs on every keystroke over up to 179 towns, so the text is folded once, when
//! the region is opened ([`ThemeIndex::new`]): each item's title, subtitle, summary and
//! description as one [`key`] string; a search then folds only its own words and looks for
//! each of them in every item (all words must be there, in any field). An item carries its
//! own SDGs and its parents' (an initiative has none of its own) and its goal's national goal.

use super::coverage::NationalGoalKey;
use super::normalise::{fold, key};
use super::ItemPath;
use crate::model::{GoalKind, Id, Sdg, Strategy};

/// A number and a title, as the town wrote them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub number: String,
    pub title: String,
}

/// One item found, with its place: the goal it is under and, for a measure or an
/// initiative, the measure and initiative on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub path: ItemPath,
    pub goal_kind: GoalKind,
    pub goal: Label,
    pub measure: Option<Label>,
    pub initiative: Option<Label>,
}

/// The hits of one town, in the strategy's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TownHits {
    pub strategy: Id,
    pub municipality: String,
    pub hits: Vec<Hit>,
}

/// What the bureau asks for. With no word and no filter, nothing is found (not everything).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeQuery {
    /// Words separated by spaces (full-width ones too); every word must appear.
    pub words: String,
    pub sdg: Option<Sdg>,
    pub national_goal: Option<NationalGoalKey>,
}

struct Item {
    town: usize,
    hit: Hit,
    /// The item's text fields as keys, joined by '\u{1}' (which no key holds) so that a word
    /// never spans two fields.
    text: String,
    /// Bit n − 1 for SDG n: the item's and its parents'.
    sdgs: u32,
    national_goal: Option<usize>,
}

/// The folded text of every goal, measure and initiative of a region's towns.
pub struct ThemeIndex {
    towns: Vec<(Id, String)>,
    national_goals: Vec<NationalGoalKey>,
    items: Vec<Item>,
}

fn sdg_bits(sdgs: &[Sdg]) -> u32 {
    sdgs.iter().filter(|s| s.is_valid()).fold(0, |bits, s| bits | 1 << (s.0 - 1))
}

fn text_of(fields: &[&str]) -> String {
    let keys: Vec<String> = fields.iter().filter(|f| !f.is_empty()).map(|f| key(f)).collect();
    keys.join("\u{1}")
}

impl ThemeIndex {
    /// Folds the text of `towns` (in the region's order) once.
    pub fn new(towns: &[&Strategy]) -> ThemeIndex {
        let mut index = ThemeIndex { towns: Vec::new(), national_goals: Vec::new(), items: Vec::new() };
        for (t, s) in towns.iter().enumerate() {
            index.towns.push((s.id.clone(), s.municipality.name.clone()));
            for g in &s.goals {
                let national_goal = NationalGoalKey::of_goal(s, g).map(|k| index.national_goal_index(k));
                let goal = Label { number: g.number.clone(), title: g.title.clone() };
                let goal_sdgs = sdg_bits(&g.sdgs);
                let path = ItemPath { strategy: s.id.clone(), goal: g.id.clone(), measure: None, initiative: None };
                let hit = |path: ItemPath, measure: Option<Label>, initiative: Option<Label>| Hit {
                    path,
                    goal_kind: g.kind,
                    goal: goal.clone(),
                    measure,
                    initiative,
                };
                index.items.push(Item {
                    town: t,
                    hit: hit(path.clone(), None, None),
                    text: text_of(&[&g.title, &g.subtitle, &g.direction]),
                    sdgs: goal_sdgs,
                    national_goal,
                });
                for m in &g.measures {
                    let measure = Label { number: m.number.clone(), title: m.title.clone() };
                    let measure_sdgs = goal_sdgs | sdg_bits(&m.sdgs);
                    let path = ItemPath { measure: Some(m.id.clone()), ..path.clone() };
                    index.items.push(Item {
                        town: t,
                        hit: hit(path.clone(), Some(measure.clone()), None),
                        text: text_of(&[&m.title, &m.summary]),
                        sdgs: measure_sdgs,
                        national_goal,
                    });
                    for i in &m.initiatives {
                        let initiative = Label { number: i.number.clone(), title: i.title.clone() };
                        let path = ItemPath { initiative: Some(i.id.clone()), ..path.clone() };
                        index.items.push(Item {
                            town: t,
                            hit: hit(path, Some(measure.clone()), Some(initiative)),
                            text: text_of(&[&i.title, &i.description]),
                            sdgs: measure_sdgs,
                            national_goal,
                        });
                    }
                }
            }
        }
        index
    }

    fn national_goal_index(&mut self, key: NationalGoalKey) -> usize {
        match self.national_goals.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                self.national_goals.push(key);
                self.national_goals.len() - 1
            }
        }
    }

    /// How many goals, measures and initiatives the index holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items that have every word and pass the filters, grouped by town (towns without a
    /// hit are left out), in the region's and the strategies' order.
    pub fn search(&self, query: &ThemeQuery) -> Vec<TownHits> {
        let words: Vec<String> = fold(&query.words).split_whitespace().map(key).filter(|w| !w.is_empty()).collect();
        let sdg = query.sdg.filter(|s| s.is_valid()).map(|s| sdg_bits(&[s]));
        // Err: a national goal no town has, which nothing can match.
        let national_goal =
            query.national_goal.as_ref().map(|k| self.national_goals.iter().position(|n| n == k).ok_or(()));
        if words.is_empty() && sdg.is_none() && national_goal.is_none() {
            return Vec::new();
        }
        let mut out: Vec<TownHits> = Vec::new();
        for item in &self.items {
            let found = sdg.is_none_or(|bit| item.sdgs & bit != 0)
                && national_goal.is_none_or(|n| n.is_ok_and(|n| item.national_goal == Some(n)))
                && words.iter().all(|w| item.text.contains(w.as_str()));
            if !found {
                continue;
            }
            let (strategy, municipality) = &self.towns[item.town];
            match out.last_mut() {
                Some(last) if &last.strategy == strategy => last.hits.push(item.hit.clone()),
                _ => out.push(TownHits {
                    strategy: strategy.clone(),
                    municipality: municipality.clone(),
                    hits: vec![item.hit.clone()],
                }),
            }
        }
        out
    }
}

/// What a search shows: its first hits, and the totals over every hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchShown {
    /// The first hits, town by town in order (a town cut short keeps the hits that fit).
    pub towns: Vec<TownHits>,
    /// Hits found but not in `towns`.
    pub left_out: usize,
    /// Towns with a hit, over all hits (not only those shown).
    pub town_count: usize,
    /// Every hit.
    pub hit_count: usize,
}

/// The first `limit` hits, town by town in order (a town cut short keeps the hits that fit),
/// and how many were left out: a word's first character can find thousands of items over 179
/// towns, more than a page can show while the bureau types. The counts are over all hits, so
/// the summary says the same whether all are shown or not.
pub fn first_hits(found: &[TownHits], limit: usize) -> SearchShown {
    let mut room = limit;
    let mut shown = Vec::new();
    let mut left_out = 0;
    let mut hit_count = 0;
    for town in found {
        let take = town.hits.len().min(room);
        room -= take;
        hit_count += town.hits.len();
        left_out += town.hits.len() - take;
        if take > 0 {
            shown.push(TownHits { hits: town.hits[..take].to_vec(), ..town.clone() });
        }
    }
    let town_count = found.iter().filter(|t| !t.hits.is_empty()).count();
    SearchShown { towns: shown, left_out, town_count, hit_count }
}
