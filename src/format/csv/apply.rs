//! Applying a confirmed plan through the model's setters (undo is the UI's snapshot).

use super::{CellChange, CellKind, CsvPlan};
use crate::model::{Baseline, Series, Strategy, Target};

/// Writes every change of the plan, values first, then words (`texts`: an actual's source needs
/// its actual); returns how many were written. A change whose indicator or series is gone (the
/// strategy changed after the plan was made) is skipped. Only the indicators that change are
/// copied (copy-on-write).
pub fn apply(s: &mut Strategy, plan: &CsvPlan) -> usize {
    let mut written = 0;
    for c in &plan.changes {
        let Some(indicator) = s.indicator_mut(&c.indicator) else { continue };
        let Some(series) = indicator.series.iter_mut().find(|x| x.id == c.series) else { continue };
        write(series, c);
        written += 1;
    }
    written + super::texts::apply(s, &plan.texts)
}

fn write(x: &mut Series, c: &CellChange) {
    let v = &c.value;
    match (v.kind, v.year) {
        (CellKind::Actual, Some(year)) => x.write_actual(year, v.to, v.to_provisional, c.mark.as_deref()),
        (CellKind::Interim, Some(year)) => x.set_interim(year, Some(v.to)),
        (CellKind::Actual | CellKind::Interim, None) => {}
        (CellKind::Baseline, year) => {
            let year = year.or(x.baseline.as_ref().and_then(|b| b.year));
            x.baseline = Some(Baseline { value: v.to, year });
        }
        (CellKind::Target, year) => {
            let kept = match x.target {
                Some(Target::Value { year, .. }) => year,
                _ => None,
            };
            x.target = Some(Target::Value { value: v.to, year: year.or(kept) });
        }
        (CellKind::TargetPerYear, _) => x.target = Some(Target::PerYear { value: v.to }),
        (CellKind::TargetWritten, _) => {
            if let Some(t) = &v.written {
                x.target = Some(t.clone());
            }
        }
    }
}
