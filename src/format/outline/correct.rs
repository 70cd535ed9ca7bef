//! The corrections the preview offers before anything is created: a line one level up or down,
//! or joined to the line above (a title the PDF broke, or a paragraph that looked numbered).
//! Each returns whether it changed anything; an index out of range changes nothing.

use super::clean::join;
use super::{Level, Outline, OutlineLine};

impl Outline {
    /// Line `i` one level up (initiative → measure → goal; body text → initiative).
    pub fn promote(&mut self, i: usize) -> bool {
        self.set_level(i, Level::above)
    }

    /// Line `i` one level down (goal → measure → initiative → body text of the item above).
    pub fn demote(&mut self, i: usize) -> bool {
        self.set_level(i, Level::below)
    }

    fn set_level(&mut self, i: usize, to: impl Fn(Level) -> Level) -> bool {
        let Some(line) = self.lines.get_mut(i) else { return false };
        if line.level == Level::Heading {
            return false;
        }
        let level = to(line.level);
        let changed = level != line.level;
        line.level = level;
        changed
    }

    /// The dropped line `i` taken back into the tree (a section heading that is a measure after
    /// all), at its place in the paste, as a measure; false when it cannot be.
    pub fn take_back(&mut self, i: usize) -> bool {
        let Some(item) = self.dropped.get(i).and_then(|d| d.item.clone()) else { return false };
        self.dropped.remove(i);
        let at = self.lines.iter().position(|l| l.line > item.line).unwrap_or(self.lines.len());
        self.lines.insert(at, OutlineLine { level: Level::Measure, ..item });
        true
    }

    /// Line `i` becomes part of the line above: its numbering and title are joined to that
    /// line's title, its subtitle and body to that line's body, its 重点 mark kept.
    pub fn join_to_previous(&mut self, i: usize) -> bool {
        if i == 0 || i >= self.lines.len() {
            return false;
        }
        let line = self.lines.remove(i);
        let Some(previous) = self.lines.get_mut(i - 1) else { return false };
        let written = [line.numbering.as_str(), line.text.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        join(&mut previous.text, &written);
        if !line.subtitle.is_empty() {
            join(&mut previous.body, &format!("～{}～", line.subtitle));
        }
        join(&mut previous.body, &line.body);
        previous.priority |= line.priority;
        true
    }
}
