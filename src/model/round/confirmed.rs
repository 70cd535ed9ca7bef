//! What a 確認 protects: once the planning section confirms a section's answer, the values of
//! the items the round asked of that section (`items`) are not to change unseen. A 確認 keeps
//! those values as they stood ([`ConfirmedValue`], in the event); [`confirmed_changes`] lists what
//! an incoming strategy (a folder member's version merged in, an imported file, a section's
//! workbook) would change of them, with who changed it, for the caller to show as a card;
//! [`keep_confirmed`] puts the confirmed values back into it, [`reconfirm`] accepts the new
//! ones as confirmed; [`OnConfirmed`] is the person's choice between the two.
//! [`changed_since_confirmed`] is the same rule against the strategy itself
//! (a section's own edit after its 確認). A 確認 from a file before the snapshot (no values
//! kept) covers the values as the strategy holds them now.

use super::data::{Answer, ConfirmedValue, ItemKind, Round, Step};
use super::items::items;
use crate::model::{EvaluationStage, FiscalYear, Id, Indicator, Strategy};

/// A change to a value a 確認 covers.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfirmedChange {
    pub round: Id,
    pub fiscal_year: FiscalYear,
    /// The section whose confirmed answer it changes.
    pub department: Id,
    pub kind: ItemKind,
    pub subject: Id,
    /// The KPI's, initiative's or measure's code and name, as the strategy gives them.
    pub name: String,
    /// The value as it stands here (the confirmed one).
    pub old: String,
    /// The value the incoming strategy has.
    pub new: String,
    /// Who made the change, as the caller knows them (the member's name, the file's author).
    pub by: String,
}

/// An item's value as text, the same in every member's copy: a KPI's actual of the year (each
/// breakdown's, labelled), its 要因分析, an initiative's 決算額 and 事業実績, next year's 予算額
/// and 方向性, a measure's 一次評価 rating; `None`: no such subject. Absent parts are 「—」.
pub fn value_of(s: &Strategy, year: FiscalYear, kind: ItemKind, subject: &Id) -> Option<String> {
    let dash = || "—".to_owned();
    let money = |m: Option<i64>| m.map(|m| m.to_string()).unwrap_or_else(dash);
    let text = |t: &str| if t.trim().is_empty() { dash() } else { t.to_owned() };
    match kind {
        ItemKind::Actual => s.indicator(subject).map(|i| actuals(i, year)),
        ItemKind::Cause => s.indicator(subject).map(|i| text(i.analysis(year).unwrap_or_default())),
        ItemKind::Result => initiative(s, subject)
            .map(|i| i.year(year).map(|y| format!("{} / {}", money(y.settled), text(&y.result))).unwrap_or_else(dash)),
        ItemKind::NextBudget => initiative(s, subject).map(|i| {
            let y = i.year(FiscalYear(year.0 + 1));
            let direction = y.and_then(|y| y.direction).map(|d| d.japanese().to_owned()).unwrap_or_else(dash);
            format!("{} / {direction}", money(y.and_then(|y| y.budget)))
        }),
        ItemKind::FirstEvaluation => s.measures().find(|(_, m)| &m.id == subject).map(|(_, m)| {
            m.evaluation(year, EvaluationStage::First).and_then(|e| e.rating.clone()).unwrap_or_else(dash)
        }),
    }
}

fn actuals(i: &Indicator, year: FiscalYear) -> String {
    let one = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".to_owned());
    let parts: Vec<String> = i
        .series
        .iter()
        .map(|se| {
            let v = one(se.actual(year).map(|a| a.value));
            if se.label.is_empty() {
                v
            } else {
                format!("{}: {v}", se.label)
            }
        })
        .collect();
    parts.join(", ")
}

fn initiative<'a>(s: &'a Strategy, id: &Id) -> Option<&'a crate::model::Initiative> {
    s.initiatives().map(|(_, i)| i).find(|i| &i.id == id)
}

/// The subject's code and name, for the card.
fn name_of(s: &Strategy, kind: ItemKind, subject: &Id) -> String {
    let named = |code: &str, name: &str| format!("{code} {name}").trim().to_owned();
    match kind {
        ItemKind::Actual | ItemKind::Cause => s.indicator(subject).map(|i| named(&i.code, &i.name)),
        ItemKind::Result | ItemKind::NextBudget => initiative(s, subject).map(|i| named(&i.number, &i.title)),
        ItemKind::FirstEvaluation => {
            s.measures().find(|(_, m)| &m.id == subject).map(|(_, m)| named(&m.number, &m.title))
        }
    }
    .unwrap_or_default()
}

/// What a 確認 of `department` in `round` keeps: each item the round asks of the section, with
/// its value in `s` now.
pub fn snapshot(s: &Strategy, round: &Round, department: &Id) -> Vec<ConfirmedValue> {
    items(s, round)
        .iter()
        .filter(|i| i.department == Some(department))
        .map(|i| {
            let subject = i.subject.id().clone();
            let value = value_of(s, round.fiscal_year, i.kind, &subject).unwrap_or_default();
            ConfirmedValue { kind: i.kind, subject, value }
        })
        .collect()
}

/// The values a standing 確認 covers: its snapshot, or for a 確認 without one (an older file),
/// the items as `s` holds them now.
fn covered(s: &Strategy, round: &Round, confirmed: &Answer) -> Vec<ConfirmedValue> {
    match confirmed.values.is_empty() {
        false => confirmed.values.clone(),
        true => snapshot(s, round, &confirmed.department),
    }
}

/// Every section of every round of `current` whose answer stands confirmed, with its 確認.
fn standing_confirmations(current: &Strategy) -> impl Iterator<Item = (&Round, &Answer)> {
    current.rounds.iter().flat_map(|r| {
        let mut departments: Vec<&Id> = r.answers.iter().map(|a| &a.department).collect();
        departments.dedup();
        crate::sorting::by(&mut departments, |a, b| a.cmp(b));
        departments.dedup();
        departments.into_iter().filter_map(move |d| r.latest(d).filter(|a| a.step == Step::Confirmed).map(|a| (r, a)))
    })
}

/// Whether any section's answer stands confirmed in `current` (else nothing can be changed of it).
pub fn any_confirmed(current: &Strategy) -> bool {
    standing_confirmations(current).next().is_some()
}

/// The changes `incoming` makes to values a 確認 of `current` covers, made by `by`: an item of
/// a confirmed section whose incoming value differs both from the value here and from the one
/// confirmed. Not a change: a section whose answer moved on in `incoming` (sent back, or
/// confirmed again with the new values — the planning section's own steps), a subject gone.
pub fn confirmed_changes(current: &Strategy, incoming: &Strategy, by: &str) -> Vec<ConfirmedChange> {
    let mut out = Vec::new();
    for (round, confirmed) in standing_confirmations(current) {
        let theirs = incoming.round(&round.id).and_then(|r| r.latest(&confirmed.department));
        if theirs.is_some_and(|a| a.id != confirmed.id) {
            continue;
        }
        let year = round.fiscal_year;
        for c in covered(current, round, confirmed) {
            let (Some(old), Some(new)) =
                (value_of(current, year, c.kind, &c.subject), value_of(incoming, year, c.kind, &c.subject))
            else {
                continue;
            };
            if new != old && new != c.value {
                out.push(ConfirmedChange {
                    round: round.id.clone(),
                    fiscal_year: year,
                    department: confirmed.department.clone(),
                    kind: c.kind,
                    name: name_of(incoming, c.kind, &c.subject),
                    subject: c.subject,
                    old,
                    new,
                    by: by.to_owned(),
                });
            }
        }
    }
    out
}

/// The values of `s` that differ from what their standing 確認 kept (a section's own edit after
/// its 確認, whatever the path): `old` the confirmed value, `by` empty. A 確認 without a
/// snapshot (an older file) says nothing.
pub fn changed_since_confirmed(s: &Strategy) -> Vec<ConfirmedChange> {
    let mut out = Vec::new();
    for (round, confirmed) in standing_confirmations(s) {
        for c in &confirmed.values {
            let Some(now) = value_of(s, round.fiscal_year, c.kind, &c.subject) else { continue };
            if now != c.value {
                out.push(ConfirmedChange {
                    round: round.id.clone(),
                    fiscal_year: round.fiscal_year,
                    department: confirmed.department.clone(),
                    kind: c.kind,
                    subject: c.subject.clone(),
                    name: name_of(s, c.kind, &c.subject),
                    old: c.value.clone(),
                    new: now,
                    by: String::new(),
                });
            }
        }
    }
    out
}

/// Puts back into `target` the values `changes` name, as `current` holds them (the planning
/// section keeps what it confirmed; everything else of `target` stays).
pub fn keep_confirmed(target: &mut Strategy, current: &Strategy, changes: &[ConfirmedChange]) {
    for c in changes {
        let year = c.fiscal_year;
        match c.kind {
            ItemKind::Actual => {
                let Some(ours) = current.indicator(&c.subject) else { continue };
                let Some(ind) = target.indicator_mut(&c.subject) else { continue };
                for se in &mut ind.series {
                    se.actuals.retain(|a| a.year != year);
                    let kept = ours.series.iter().find(|o| o.id == se.id).and_then(|o| o.actual(year)).cloned();
                    se.actuals.extend(kept);
                    crate::sorting::by_key(&mut se.actuals, |a| a.year);
                }
            }
            ItemKind::Cause => {
                let text = current.indicator(&c.subject).and_then(|i| i.analysis(year)).unwrap_or_default().to_owned();
                if let Some(ind) = target.indicator_mut(&c.subject) {
                    ind.set_analysis(year, &text);
                }
            }
            ItemKind::Result | ItemKind::NextBudget => {
                let next = c.kind == ItemKind::NextBudget;
                let at = if next { FiscalYear(year.0 + 1) } else { year };
                let ours = initiative(current, &c.subject).and_then(|i| i.year(at)).cloned();
                let ours = ours.unwrap_or_else(|| crate::model::InitiativeYear::new(at));
                let Some(measure) = target.initiatives().find(|(_, i)| i.id == c.subject).map(|(m, _)| m.id.clone())
                else {
                    continue;
                };
                let Some(m) = target.measure_mut(&measure) else { continue };
                let Some(i) = m.initiatives_mut().find(|i| i.id == c.subject) else { continue };
                i.edit_year(at, |y| match next {
                    true => (y.budget, y.direction) = (ours.budget, ours.direction),
                    false => (y.settled, y.result) = (ours.settled, ours.result.clone()),
                });
            }
            ItemKind::FirstEvaluation => {
                let ours = current
                    .measures()
                    .find(|(_, m)| m.id == c.subject)
                    .and_then(|(_, m)| m.evaluation(year, EvaluationStage::First))
                    .and_then(|e| e.rating.clone());
                let Some(m) = target.measure_mut(&c.subject) else { continue };
                match m.evaluations.iter_mut().find(|e| e.fiscal_year == year && e.stage == EvaluationStage::First) {
                    Some(e) => e.rating = ours,
                    None if ours.is_some() => {
                        let mut e = crate::model::Evaluation::new(year);
                        e.rating = ours;
                        m.evaluations.push(e);
                    }
                    None => {}
                }
            }
        }
    }
}

/// What taking in a strategy (an imported file, a folder member's version, the sections'
/// workbooks) does with its changes to values the planning section confirmed: the one choice
/// every path offers.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum OnConfirmed {
    /// The confirmed values stay (the incoming strategy's other changes are taken).
    #[default]
    Keep,
    /// The incoming values are taken and confirmed again, in this person's name.
    Take(String),
}

impl OnConfirmed {
    /// Whether the incoming values are taken.
    pub fn takes(&self) -> bool {
        matches!(self, OnConfirmed::Take(_))
    }

    /// Settles `changes` in `target` (the strategy after taking in): [`keep_confirmed`] puts
    /// back the values `current` holds, or [`reconfirm`] confirms the new ones at `at`.
    pub fn settle(&self, target: &mut Strategy, current: &Strategy, changes: &[ConfirmedChange], at: &str) {
        match self {
            OnConfirmed::Keep => keep_confirmed(target, current, changes),
            OnConfirmed::Take(by) => reconfirm(target, changes, by, at),
        }
    }
}

/// Accepts the changed values as confirmed: a new 確認 by `by` at `at` for each section
/// `changes` name, keeping the values `s` holds now (what the planning section took).
pub fn reconfirm(s: &mut Strategy, changes: &[ConfirmedChange], by: &str, at: &str) {
    let mut sections: Vec<(&Id, &Id)> = changes.iter().map(|c| (&c.round, &c.department)).collect();
    crate::sorting::by(&mut sections, |a, b| a.cmp(b));
    sections.dedup();
    for (round, department) in sections {
        s.record(round, department, Step::Confirmed, by, at, "");
    }
}
