//! What a 新旧対照表's 改正前 can be besides a kept version of the same strategy: another strategy
//! of the library. The previous period's — the one this strategy was carried from by 次期へ引き継ぐ
//! (`Strategy::carried_from`) — comes first, then the others in the library's order. One with
//! nothing in common with this strategy is refused by `model::compare` (`Refusal::Unrelated`)
//! when compared, not left out here: the refusal says why.

use crate::model::{Id, Strategy};
use crate::storage::StrategySummary;

/// Another strategy to compare with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Other {
    pub id: Id,
    pub title: String,
    /// The previous period's strategy, this one's origin.
    pub previous: bool,
}

/// The library's other strategies, the previous period's first.
pub fn others(current: &Strategy, library: &[StrategySummary]) -> Vec<Other> {
    let origin = current.carried_from();
    let mut out: Vec<Other> = library
        .iter()
        .filter(|s| s.id != current.id)
        .map(|s| Other { id: s.id.clone(), title: s.title.clone(), previous: origin == Some(&s.id) })
        .collect();
    // A stable sort: the others keep the library's order.
    out.sort_by_key(|o| !o.previous);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, Indicator, NextPeriod, PlanPeriod};
    use std::sync::Arc;

    fn strategy(title: &str) -> Strategy {
        let mut s = Strategy::blank(title, "しるべ町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
        s.indicators = vec![Arc::new(Indicator::new("1", "出生数", "人"))];
        s
    }

    #[test]
    fn the_previous_period_comes_first_and_the_strategy_itself_not_at_all() {
        let first = strategy("第2期しるべ町総合戦略");
        let unrelated = strategy("隣町の総合戦略");
        let next = first.next_period(&NextPeriod {
            title: "第3期しるべ町総合戦略".into(),
            period: crate::model::following(first.period),
            indicators: vec![first.indicators[0].id.clone()],
            frame: None,
        });
        let library: Vec<StrategySummary> =
            [&unrelated, &next, &first].iter().map(|s| StrategySummary::of(s, "2026-11-28T00:00:00Z")).collect();
        let got = others(&next, &library);
        assert_eq!(
            got,
            vec![
                Other { id: first.id.clone(), title: first.title.clone(), previous: true },
                Other { id: unrelated.id.clone(), title: unrelated.title.clone(), previous: false },
            ]
        );
        // A strategy carried from nothing stored: the others in the library's order, none previous.
        let got = others(&first, &library);
        assert_eq!(got.iter().map(|o| &o.id).collect::<Vec<_>>(), vec![&unrelated.id, &next.id]);
        assert!(got.iter().all(|o| !o.previous));
    }
}
