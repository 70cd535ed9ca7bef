//! The outline reader: any text pasted as a strategy's outline. Reading never panics;
//! the preview's corrections never panic, on any line or none; every item has a level a line
//! can be corrected to and back; and what `into_strategy` says it created is what the new
//! strategy holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::outline::{into_strategy, parse_outline, Level};
use shirube::model::{FiscalYear, PlanPeriod, Strategy};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let mut outline = parse_outline(text);
    let pasted = text.lines().count();
    assert!(outline.dropped.iter().all(|d| d.line >= 1 && d.line <= pasted), "a dropped line that was not pasted");
    let period = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) };
    let mut s = Strategy::blank("t", "m", period);
    let created = into_strategy(&outline, &mut s, None);
    let counts = s.counts();
    assert_eq!((created.goals, created.measures, created.initiatives), (counts.goals, counts.measures, counts.initiatives));
    // Corrections on every line and past the end.
    let n = outline.lines.len();
    for i in 0..=n {
        let before = outline.lines.get(i).map(|l| l.level);
        if outline.demote(i) {
            assert!(outline.promote(i), "a demoted line promotes back");
            assert_eq!(outline.lines.get(i).map(|l| l.level), before);
        }
        assert!(outline.lines.get(i).is_none_or(|l| l.level != Level::Heading || !outline.clone().promote(i)));
    }
    let first = bytes.first().copied().unwrap_or(0) as usize;
    outline.join_to_previous(first % (n + 1));
    let mut again = Strategy::blank("t", "m", period);
    let _ = into_strategy(&outline, &mut again, None);
});
