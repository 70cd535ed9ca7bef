//! The seeds pasted: 北斗市's 骨子案 (seed 000, its goals section) gives the bundled 北斗市
//! example's goals and measures; its evaluation sheets (seed 002, 基本計画32) give the example's
//! measures of that plan with their 重点施策 and projects. The excerpts are committed under
//! `fixtures/` (public municipal documents), so the tests run on a fresh clone.

use super::*;
use crate::examples::by_key;
use crate::model::Strategy;

const GOALS_000: &str = include_str!("fixtures/hokuto_goals_000.txt");
const SHEETS_002: &str = include_str!("fixtures/hokuto_sheets_002.txt");

fn hokuto() -> Strategy {
    by_key("hokuto").and_then(|e| e.load().ok()).expect("the 北斗市 example loads")
}

#[test]
fn dump() {
    for l in parse_outline(SHEETS_002).lines.iter().take(22) {
        eprintln!("{:?} {:?} [{}] {} | {} | {}", l.level, l.style, l.number, l.text, l.subtitle, l.body.chars().take(400).collect::<String>());
    }
    let _ = hokuto();
    let _ = GOALS_000;
    panic!();
}
