//! Workshop notes export: one row per sticky note (付箋) of every session, for the planning office
//! after a residents' workshop. Sessions in order; within a session, notes grouped by goal and
//! measure in the strategy's order, then notes whose goal or measure no longer exists (with
//! empty goal and measure cells).

use super::cells::*;
use crate::model::{Goal, Measure, NoteTarget, Strategy, WorkshopNote, WorkshopSession};

const HEADER: [&str; 6] = ["ワークショップ", "日付", "目標", "施策", "付箋", "票数"];

fn goal_cell(g: &Goal) -> String {
    text(&format!("{} {} {}", g.kind.japanese(), g.number, g.title).trim().replace("  ", " "))
}

fn measure_cell(m: &Measure) -> String {
    text(format!("{} {}", m.number, m.title).trim())
}

/// Columns: ワークショップ, 日付, 目標 (区分・番号・名称), 施策 (番号・名称; empty for a note on a
/// goal), 付箋, 票数. Text cells are neutralised against formulas; 票数 is a plain number.
pub fn workshop_notes(s: &Strategy) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for w in &s.workshops {
        let row = |sheet: &mut Sheet, goal: String, measure: String, n: &WorkshopNote| {
            sheet.row([text(&w.name), text(&w.date), goal, measure, text(&n.text), n.votes.to_string()]);
        };
        let placed = |n: &&WorkshopNote| s.place_of(&n.target).is_some();
        for g in &s.goals {
            for n in w.notes_about(&NoteTarget::Goal(g.id.clone())) {
                row(&mut sheet, goal_cell(g), String::new(), n);
            }
            for m in &g.measures {
                for n in w.notes_about(&NoteTarget::Measure(m.id.clone())) {
                    row(&mut sheet, goal_cell(g), measure_cell(m), n);
                }
            }
        }
        for n in w.notes.iter().filter(|n| !placed(n)) {
            row(&mut sheet, String::new(), String::new(), n);
        }
    }
    sheet.finish()
}

/// Notes of one session, in the same layout (for a session's own file).
pub fn session_notes(s: &Strategy, session: &WorkshopSession) -> String {
    let only = Strategy { workshops: vec![session.clone()], ..s.clone() };
    workshop_notes(&only)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, GoalKind, PlanPeriod};

    #[test]
    fn notes_in_strategy_order_with_formulas_neutralised() {
        let mut s = Strategy::blank("戦略", "北本市", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let g = s.add_goal(GoalKind::Basic);
        s.goal_mut(&g).unwrap().title = "しごとをつくる".into();
        let m = s.add_measure(&g).unwrap();
        s.measure_mut(&m).unwrap().title = "創業支援".into();
        let gone = s.add_measure(&g).unwrap();
        let w = s.start_workshop("第1回 住民ワークショップ", "2025-07-12");
        let on_measure = s.add_note(&w, NoteTarget::Measure(m.clone()), "=HYPERLINK(\"http://x\")").unwrap();
        s.add_note(&w, NoteTarget::Measure(gone.clone()), "消えた施策へ").unwrap();
        s.add_note(&w, NoteTarget::Goal(g.clone()), "駅前に, \"ベンチ\"\nを").unwrap();
        s.vote(&on_measure);
        s.vote(&on_measure);
        s.remove_measure(&gone);
        let csv = workshop_notes(&s);
        assert!(csv.starts_with('\u{feff}'), "BOM");
        assert!(csv.ends_with("\r\n"));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "ワークショップ,日付,目標,施策,付箋,票数");
        assert_eq!(
            lines[1],
            "第1回 住民ワークショップ,2025-07-12,基本目標 1 しごとをつくる,,\"駅前に, \"\"ベンチ\"\"\nを\",0"
        );
        assert_eq!(lines[2], "第1回 住民ワークショップ,2025-07-12,基本目標 1 しごとをつくる,1 創業支援,\"'=HYPERLINK(\"\"http://x\"\")\",2");
        assert_eq!(lines[3], "第1回 住民ワークショップ,2025-07-12,,,消えた施策へ,0");
        assert_eq!(lines.len(), 5, "three notes, a header and the final line end");
        let one = session_notes(&s, &s.workshops[0]);
        assert_eq!(one, csv);
    }

    #[test]
    fn no_sessions_gives_the_header_only() {
        let s = Strategy::blank("戦略", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        assert_eq!(workshop_notes(&s), "\u{feff}ワークショップ,日付,目標,施策,付箋,票数\r\n");
    }
}
