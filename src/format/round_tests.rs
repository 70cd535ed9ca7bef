//! The year's round and the KPIs' 要因分析 in the file format: added optional fields of version
//! 1, with no version bump — files without them read and write byte for byte as before; a file
//! with them round-trips; an older build keeps them as unknown fields (`model::unknown`).

use super::{export, import};
use crate::model::round::{Ask, Round};
use crate::model::FiscalYear;

const AT: &str = "2026-01-01T00:00:00Z";

#[test]
fn files_without_rounds_read_and_write_byte_for_byte_as_before() {
    for example in crate::examples::EXAMPLES {
        let s = import(example.file).unwrap().strategy;
        assert!(s.rounds.is_empty() && s.indicators.iter().all(|i| i.analyses.is_empty()), "{}", example.key);
        let text = export(&s, AT);
        assert!(!text.contains("\"rounds\"") && !text.contains("\"analyses\""), "no key when there is nothing");
        assert_eq!(export(&import(&text).unwrap().strategy, AT), text, "{}: byte for byte", example.key);
    }
}

#[test]
fn a_file_with_a_round_and_its_answers_round_trips() {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let planning = s.add_department("企画課");
    let mut round = Round::new(FiscalYear(2024), &[Ask::KpiActuals, Ask::FirstEvaluations], "企画 花子", "2025-04-10");
    round.deadline = Some("2025-04-25".into());
    round.instructions = "4月25日までに入力してください。".into();
    let id = s.open_round(round).unwrap();
    let submitted = s.submit(&id, &planning, "企画 花子", "2025-04-20T01:02:03.000Z");
    assert_eq!(submitted, Ok(()));
    s.send_back(&id, &planning, "企画 一郎", "2025-04-21T01:02:03.000Z", "決算額を確認").unwrap();
    let kpi = s.indicators[0].id.clone();
    s.indicator_mut(&kpi).unwrap().set_analysis(FiscalYear(2024), "イベントの中止");
    let text = export(&s, AT);
    assert!(text.contains("\"step\": \"returned\""), "{text}");
    assert!(text.contains("\"asks\": [\n") && text.contains("\"kpi_actuals\""));
    let back = import(&text).unwrap().strategy;
    assert_eq!(back, s);
    assert_eq!(export(&back, AT), text, "byte for byte");
}
