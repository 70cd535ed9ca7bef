//! Which level each numbering style stands for, decided as Word outlines are read: the order in
//! which styles first appear. `基本目標` / `横断的な目標` are always goals and `主要施策` always a
//! measure; any other style, the first time it is seen, sits one level below the item just above
//! it — or at the level a heading just introduced (`[具体的取組]` → initiatives) — and keeps that
//! level for the rest of the paste. The first style of a paste is so the top level. A style
//! deeper than initiatives is body text of the item above it.

use super::numbering::{Introduces, Style};
use super::{Level, OutlineLine};

impl Level {
    /// One level down (a goal's child is a measure); body text stays body text.
    pub fn below(self) -> Level {
        match self {
            Level::Goal => Level::Measure,
            Level::Measure => Level::Initiative,
            Level::Initiative | Level::Body | Level::Heading => Level::Body,
        }
    }

    /// One level up; a goal stays a goal.
    pub fn above(self) -> Level {
        match self {
            Level::Goal | Level::Measure => Level::Goal,
            Level::Initiative => Level::Measure,
            Level::Body => Level::Initiative,
            Level::Heading => Level::Heading,
        }
    }

    /// 0 for a goal … 3 for body text; a heading has none.
    pub fn depth(self) -> Option<u8> {
        match self {
            Level::Goal => Some(0),
            Level::Measure => Some(1),
            Level::Initiative => Some(2),
            Level::Body => Some(3),
            Level::Heading => None,
        }
    }

    pub(super) fn from_depth(depth: u8) -> Level {
        match depth {
            0 => Level::Goal,
            1 => Level::Measure,
            2 => Level::Initiative,
            _ => Level::Body,
        }
    }
}

fn introduced(intro: Introduces) -> Option<Level> {
    match intro {
        Introduces::Measures => Some(Level::Measure),
        Introduces::Initiatives => Some(Level::Initiative),
        Introduces::Targets | Introduces::Section => None,
    }
}

/// Sets every line's level from its style (see the module's doc).
pub fn assign(lines: &mut [OutlineLine]) {
    let mut known: Vec<(Style, Level)> = Vec::new();
    let mut hint: Option<Level> = None;
    let mut last: Option<Level> = None;
    for line in lines.iter_mut() {
        let level = match line.style {
            Style::Heading(intro) => {
                hint = introduced(intro);
                line.level = Level::Heading;
                continue;
            }
            Style::Goal(_) => Level::Goal,
            Style::MainMeasure => Level::Measure,
            style => match known.iter().find(|(s, _)| *s == style) {
                Some((_, level)) => *level,
                None => {
                    let level = hint.unwrap_or_else(|| last.map_or(Level::Goal, Level::below));
                    known.push((style, level));
                    level
                }
            },
        };
        line.level = level;
        hint = None;
        last = Some(level);
    }
}
