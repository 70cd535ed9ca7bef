//! Where the workshop presentation stands and how keys and swipes move it; the presenter
//! (`ui::workshop::presenter`) shows the place and sends the moves. Tested natively.
//!
//! Three levels: the goals (cards), one goal (its measures, then its numerical targets), one
//! measure (its KPIs). At every level the presenter moves between the items shown
//! (← → PageUp PageDown, as a clicker sends them; Home End), drills into the current one
//! (Enter ↓) and goes back up (Esc Backspace ↑). On a measure, ← → go to the previous / next
//! measure of the same goal, like slides.

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
    Into,
    Back,
}

impl Move {
    /// The move a key (`KeyboardEvent.key`) asks for, if any.
    pub fn of_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowRight" | "PageDown" => Move::Next,
            "ArrowLeft" | "PageUp" => Move::Previous,
            "Home" => Move::First,
            "End" => Move::Last,
            "Enter" | "ArrowDown" => Move::Into,
            "Escape" | "Backspace" | "ArrowUp" => Move::Back,
            _ => return None,
        })
    }
}

/// The move a finger's swipe asks for, on a tablet in the hall: a quick, mostly sideways
/// stroke of at least `SWIPE_MIN_PX` moves like ← → (a swipe to the left shows the next item,
/// as pages turn); anything else — a tap, a slow drag, a vertical scroll — asks for nothing.
pub fn swipe(dx: f64, dy: f64, millis: f64) -> Option<Move> {
    if dx.abs() < SWIPE_MIN_PX || dx.abs() < 2.0 * dy.abs() || millis > SWIPE_MAX_MS {
        return None;
    }
    Some(if dx < 0.0 { Move::Next } else { Move::Previous })
}

/// How far (CSS px) and how fast (ms) a stroke must be to count as a swipe.
const SWIPE_MIN_PX: f64 = 60.0;
const SWIPE_MAX_MS: f64 = 800.0;

/// The level shown, by positions in the strategy (goal index, measure index in that goal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeckLevel {
    Goals,
    Goal(usize),
    Measure(usize, usize),
}

/// The level shown and the item that is current on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeckPlace {
    pub level: DeckLevel,
    pub item: usize,
}

impl Default for DeckPlace {
    fn default() -> Self {
        DeckPlace { level: DeckLevel::Goals, item: 0 }
    }
}

/// What the presentation needs to know about the strategy's shape to move: for each goal, its
/// number of measures and of items on its page (measures first, then numerical targets), and
/// for each measure its number of KPIs.
pub trait DeckShape {
    fn goals(&self) -> usize;
    fn measures(&self, goal: usize) -> usize;
    fn goal_items(&self, goal: usize) -> usize;
    fn measure_items(&self, goal: usize, measure: usize) -> usize;
}

impl DeckShape for crate::model::Strategy {
    fn goals(&self) -> usize {
        self.goals.len()
    }
    fn measures(&self, goal: usize) -> usize {
        self.goals.get(goal).map_or(0, |g| g.measures.len())
    }
    fn goal_items(&self, goal: usize) -> usize {
        self.goals
            .get(goal)
            .map_or(0, |g| g.measures.len() + g.targets.iter().filter(|t| self.indicator(t).is_some()).count())
    }
    fn measure_items(&self, goal: usize, measure: usize) -> usize {
        self.goals
            .get(goal)
            .and_then(|g| g.measures.get(measure))
            .map_or(0, |m| m.kpis.iter().filter(|k| self.indicator(k).is_some()).count())
    }
}

impl DeckPlace {
    /// The number of items on this place's level.
    fn items(self, s: &impl DeckShape) -> usize {
        match self.level {
            DeckLevel::Goals => s.goals(),
            DeckLevel::Goal(g) => s.goal_items(g),
            DeckLevel::Measure(g, m) => s.measure_items(g, m),
        }
    }

    /// Where a move leads. A move that cannot be made leaves the place as it is.
    pub fn step(self, mv: Move, s: &impl DeckShape) -> DeckPlace {
        let n = self.items(s);
        let last = n.saturating_sub(1);
        match (self.level, mv) {
            // On a measure, ← → are the goal's other measures.
            (DeckLevel::Measure(g, m), Move::Next) if m + 1 < s.measures(g) => {
                DeckPlace { level: DeckLevel::Measure(g, m + 1), item: 0 }
            }
            (DeckLevel::Measure(g, m), Move::Previous) if m > 0 => {
                DeckPlace { level: DeckLevel::Measure(g, m - 1), item: 0 }
            }
            (DeckLevel::Measure(..), Move::Next | Move::Previous) => self,
            (_, Move::Next) => DeckPlace { item: (self.item + 1).min(last), ..self },
            (_, Move::Previous) => DeckPlace { item: self.item.saturating_sub(1), ..self },
            (_, Move::First) => DeckPlace { item: 0, ..self },
            (_, Move::Last) => DeckPlace { item: last, ..self },
            (DeckLevel::Goals, Move::Into) if self.item < n => DeckPlace { level: DeckLevel::Goal(self.item), item: 0 },
            (DeckLevel::Goal(g), Move::Into) if self.item < s.measures(g) => {
                DeckPlace { level: DeckLevel::Measure(g, self.item), item: 0 }
            }
            (_, Move::Into) => self,
            (DeckLevel::Goals, Move::Back) => self,
            (DeckLevel::Goal(g), Move::Back) => DeckPlace { level: DeckLevel::Goals, item: g },
            (DeckLevel::Measure(g, m), Move::Back) => DeckPlace { level: DeckLevel::Goal(g), item: m },
        }
    }

    /// The same place made valid for a strategy that changed shape (a goal removed meanwhile).
    pub fn clamp(self, s: &impl DeckShape) -> DeckPlace {
        let level = match self.level {
            DeckLevel::Goal(g) if g >= s.goals() => return DeckPlace::default(),
            DeckLevel::Measure(g, _) if g >= s.goals() => return DeckPlace::default(),
            DeckLevel::Measure(g, m) if m >= s.measures(g) => DeckLevel::Goal(g),
            l => l,
        };
        let place = DeckPlace { level, ..self };
        DeckPlace { item: place.item.min(place.items(s).saturating_sub(1)), ..place }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_sideways_stroke_turns_the_page_and_nothing_else_does() {
        assert_eq!(swipe(-120.0, 10.0, 200.0), Some(Move::Next), "to the left: the next item");
        assert_eq!(swipe(90.0, -20.0, 300.0), Some(Move::Previous), "to the right: the one before");
        assert_eq!(swipe(-30.0, 0.0, 100.0), None, "too short (a tap that slid)");
        assert_eq!(swipe(-120.0, 80.0, 200.0), None, "more a scroll than a swipe");
        assert_eq!(swipe(-120.0, 0.0, 1500.0), None, "a slow drag");
        assert_eq!(swipe(0.0, 0.0, 50.0), None, "a tap");
    }

    /// Goals with (measures, numerical targets); every measure has 2 KPIs.
    struct Fake(Vec<(usize, usize)>);
    impl DeckShape for Fake {
        fn goals(&self) -> usize {
            self.0.len()
        }
        fn measures(&self, g: usize) -> usize {
            self.0[g].0
        }
        fn goal_items(&self, g: usize) -> usize {
            self.0[g].0 + self.0[g].1
        }
        fn measure_items(&self, _: usize, _: usize) -> usize {
            2
        }
    }

    fn walk(s: &Fake, keys: &[&str]) -> DeckPlace {
        keys.iter().fold(DeckPlace::default(), |p, k| p.step(Move::of_key(k).unwrap(), s))
    }

    #[test]
    fn keys_move_between_items_drill_in_and_back() {
        let s = Fake(vec![(0, 2), (3, 1), (1, 0)]);
        assert_eq!(walk(&s, &["ArrowRight"]), DeckPlace { level: DeckLevel::Goals, item: 1 });
        assert_eq!(
            walk(&s, &["PageDown", "PageDown", "PageDown"]),
            DeckPlace { level: DeckLevel::Goals, item: 2 },
            "stops at the last"
        );
        assert_eq!(walk(&s, &["PageUp"]), DeckPlace::default(), "stops at the first");
        assert_eq!(walk(&s, &["ArrowRight", "Enter"]), DeckPlace { level: DeckLevel::Goal(1), item: 0 });
        assert_eq!(walk(&s, &["ArrowRight", "ArrowDown", "End"]), DeckPlace { level: DeckLevel::Goal(1), item: 3 });
        // Into a measure, then ← → go through the goal's measures like slides.
        assert_eq!(
            walk(&s, &["ArrowRight", "Enter", "ArrowRight", "Enter"]),
            DeckPlace { level: DeckLevel::Measure(1, 1), item: 0 }
        );
        assert_eq!(
            walk(&s, &["ArrowRight", "Enter", "Enter", "ArrowRight", "ArrowRight", "ArrowRight"]),
            DeckPlace { level: DeckLevel::Measure(1, 2), item: 0 }
        );
        assert_eq!(
            walk(&s, &["ArrowRight", "Enter", "Enter", "ArrowLeft"]),
            DeckPlace { level: DeckLevel::Measure(1, 0), item: 0 }
        );
        // Back returns to the item one came from.
        assert_eq!(
            walk(&s, &["ArrowRight", "Enter", "ArrowRight", "Enter", "Escape"]),
            DeckPlace { level: DeckLevel::Goal(1), item: 1 }
        );
        assert_eq!(
            walk(&s, &["ArrowRight", "Enter", "ArrowRight", "Enter", "Backspace", "ArrowUp"]),
            DeckPlace { level: DeckLevel::Goals, item: 1 }
        );
        assert_eq!(walk(&s, &["Escape"]), DeckPlace::default());
        // A numerical target is an item but not a page of its own; a goal without measures has no measure page.
        assert_eq!(walk(&s, &["Enter", "Enter"]), DeckPlace { level: DeckLevel::Goal(0), item: 0 });
        assert_eq!(
            walk(&s, &["ArrowRight", "Enter", "End", "Enter"]),
            DeckPlace { level: DeckLevel::Goal(1), item: 3 }
        );
        assert_eq!(Move::of_key("a"), None);
        assert_eq!(Move::of_key(" "), None);
    }

    #[test]
    fn an_empty_strategy_goes_nowhere() {
        let s = Fake(vec![]);
        assert_eq!(walk(&s, &["ArrowRight", "Enter", "End"]), DeckPlace::default());
    }

    #[test]
    fn a_place_is_clamped_when_the_strategy_shrinks() {
        let s = Fake(vec![(2, 0)]);
        assert_eq!(
            DeckPlace { level: DeckLevel::Measure(0, 5), item: 1 }.clamp(&s),
            DeckPlace { level: DeckLevel::Goal(0), item: 1 }
        );
        assert_eq!(DeckPlace { level: DeckLevel::Goal(3), item: 1 }.clamp(&s), DeckPlace::default());
        assert_eq!(
            DeckPlace { level: DeckLevel::Goals, item: 7 }.clamp(&s),
            DeckPlace { level: DeckLevel::Goals, item: 0 }
        );
    }
}
