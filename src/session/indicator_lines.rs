//! The editor outline's indicator lines ("code name" and status), kept between edits so that one
//! edit does not make a line for every indicator of a large strategy. The outline
//! (`ui::edit::outline`) shows them; the keeping is here, tested natively.

use crate::model::{Id, Indicator, PlanPeriod, RatingRule, Status, Strategy};
use std::collections::HashMap;
use std::sync::Arc;

/// The outline's line for each indicator ("code name" and status), kept between edits: it is
/// made again only for an indicator that changed (another `Arc`), or for all when the period or
/// the rating rule changed — so one edit does not assess every indicator of a large strategy.
/// Lines are matched to the indicators by position (an edit keeps the order), by id only when
/// the order changed; on an ordinary edit nothing is hashed and no text copied per indicator.
#[derive(Default)]
pub struct IndicatorLines {
    rules: Option<(PlanPeriod, RatingRule)>,
    /// The lines last made, in the strategy's order, with the indicator each was made from.
    lines: Vec<(Arc<Indicator>, Arc<IndicatorLine>)>,
    /// The serial number of the last line made.
    next: u64,
}

/// One indicator's line. `serial` is the outline list's key: a line made again (its indicator
/// changed) is a new item of the list, an unchanged one keeps its DOM.
#[derive(PartialEq, Eq)]
pub struct IndicatorLine {
    pub serial: u64,
    pub id: Id,
    pub label: String,
    pub status: Status,
}

impl IndicatorLines {
    pub fn update(&mut self, s: &Strategy) -> Vec<Arc<IndicatorLine>> {
        let rules = Some((s.period, s.rating_rule.clone()));
        if self.rules != rules {
            self.lines.clear();
            self.rules = rules;
        }
        let old = std::mem::take(&mut self.lines);
        let mut by_id: Option<HashMap<&Id, usize>> = None;
        for (k, i) in s.indicators.iter().enumerate() {
            let at = match old.get(k) {
                Some((was, _)) if was.id == i.id => Some(k),
                _ => by_id
                    .get_or_insert_with(|| old.iter().enumerate().map(|(n, (was, _))| (&was.id, n)).collect())
                    .get(&i.id)
                    .copied(),
            };
            let line = match at.map(|n| &old[n]) {
                Some((was, line)) if Arc::ptr_eq(was, i) => line.clone(),
                _ => {
                    self.next += 1;
                    let label = format!("{} {}", i.code, i.name).trim().to_owned();
                    Arc::new(IndicatorLine { serial: self.next, id: i.id.clone(), label, status: s.progress(i).status })
                }
            };
            self.lines.push((i.clone(), line));
        }
        self.lines.iter().map(|(_, line)| line.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    fn serials(lines: &[Arc<IndicatorLine>]) -> Vec<u64> {
        lines.iter().map(|l| l.serial).collect()
    }

    /// An edit makes one line again; a move keeps every line (matched by id); a change of the
    /// rating rule makes them all again; the labels and statuses are those of the strategy.
    #[test]
    fn indicator_lines_are_made_again_only_for_what_changed() {
        let mut s = crate::examples::EXAMPLES[0].load().unwrap();
        let mut kept = IndicatorLines::default();
        let first = kept.update(&s);
        assert_eq!(first.len(), s.indicators.len());
        for (line, i) in first.iter().zip(&s.indicators) {
            assert_eq!(
                (&line.id, &line.label, line.status),
                (&i.id, &format!("{} {}", i.code, i.name).trim().to_owned(), s.progress(i).status)
            );
        }
        assert_eq!(serials(&kept.update(&s)), serials(&first), "nothing changed, nothing made");

        let edited = s.indicators[1].id.clone();
        s.indicator_mut(&edited).unwrap().name.push_str("（改）");
        let after_edit = kept.update(&s);
        for (k, (a, b)) in first.iter().zip(&after_edit).enumerate() {
            assert_eq!(Arc::ptr_eq(a, b), k != 1, "line {k}");
        }
        assert!(after_edit[1].label.ends_with("（改）"));

        assert!(s.move_indicator(&edited, Direction::Up));
        let after_move = kept.update(&s);
        assert_eq!(after_move[0].id, edited);
        assert!(Arc::ptr_eq(&after_move[0], &after_edit[1]) && Arc::ptr_eq(&after_move[1], &after_edit[0]));
        assert_eq!(serials(&after_move[2..]), serials(&after_edit[2..]));

        s.rating_rule.tiers[0].min_percent -= 1.0;
        let after_rule = kept.update(&s);
        assert!(after_rule.iter().zip(&after_move).all(|(a, b)| !Arc::ptr_eq(a, b) && a.serial > b.serial));
    }
}
