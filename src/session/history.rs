//! Undo and redo: a bounded stack of earlier versions. Versions of a strategy share every goal,
//! measure and indicator that did not change (see `model::Strategy`), so a step costs little.

/// How many steps can be undone.
pub const UNDO_LIMIT: usize = 200;

#[derive(Clone, Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    limit: usize,
}

impl<T> History<T> {
    pub fn new(limit: usize) -> History<T> {
        History { undo: Vec::new(), redo: Vec::new(), limit }
    }

    /// A change was made; `before` is what it replaced. Redo is no longer possible.
    pub fn record(&mut self, before: T) {
        self.undo.push(before);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The version to go back to, given the current one (kept for redo).
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// (steps that can be undone, steps that can be redone)
    pub fn depths(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo_and_a_new_change_drops_redo() {
        let mut h = History::new(100);
        let mut current = 0;
        for next in 1..=3 {
            h.record(current);
            current = next;
        }
        current = h.undo(current).unwrap();
        current = h.undo(current).unwrap();
        assert_eq!(current, 1);
        current = h.redo(current).unwrap();
        assert_eq!(current, 2);
        assert_eq!(h.depths(), (2, 1));
        h.record(current);
        current = 9;
        assert_eq!(h.depths(), (3, 0));
        assert_eq!(h.redo(current), None);
        assert_eq!(h.undo(current), Some(2));
    }

    #[test]
    fn keeps_at_most_the_limit_and_at_least_a_hundred() {
        let mut h = History::new(UNDO_LIMIT);
        for v in 0..500 {
            h.record(v);
        }
        assert_eq!(h.depths(), (UNDO_LIMIT, 0));
        let mut current = 500;
        let mut steps = 0;
        while let Some(v) = h.undo(current) {
            current = v;
            steps += 1;
        }
        assert!(steps >= 100);
        assert_eq!(current, 500 - UNDO_LIMIT as i32);
    }
}
