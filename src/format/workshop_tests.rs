//! Workshop notes in the file format: version 1 stays as it was for strategies without
//! workshops, and a strategy with workshops survives export → import.

use super::{export, import};
use crate::model::{NoteTarget, Strategy};

fn example(key: &str) -> Strategy {
    crate::examples::by_key(key).unwrap().load().unwrap()
}

fn kitamoto() -> Strategy {
    example("kitamoto")
}

/// 北斗市: goals with measures (北本市's goals have numerical targets only).
fn hokuto() -> Strategy {
    example("hokuto")
}

#[test]
fn a_file_without_workshops_reads_and_writes_as_before() {
    let s = kitamoto();
    assert!(s.workshops.is_empty());
    let text = export(&s, "2025-07-12T00:00:00Z");
    assert!(!text.contains("\"workshops\""), "no workshops key when there are none");
    let back = import(&text).unwrap();
    assert_eq!(back.strategy, s);
    assert_eq!(export(&back.strategy, "2025-07-12T00:00:00Z"), text, "byte for byte");
}

#[test]
fn a_file_with_workshops_round_trips() {
    let mut s = hokuto();
    let goal = s.goals[0].id.clone();
    let measure = s.measures().next().unwrap().1.id.clone();
    let w = s.start_workshop("第1回 住民ワークショップ", "2025-07-12");
    let a = s.add_note(&w, NoteTarget::Goal(goal), "公園で朝市を").unwrap();
    s.add_note(&w, NoteTarget::Measure(measure), "=1+1 <script>alert(1)</script>").unwrap();
    s.vote(&a);
    s.start_workshop("第2回 住民ワークショップ", "2025-09-06");
    let text = export(&s, "2025-07-12T00:00:00Z");
    assert!(text.contains("\"workshops\""));
    let back = import(&text).unwrap();
    assert_eq!(back.strategy, s);
    assert!(back.problems.iter().all(|p| !p.path.contains("workshops")), "{:?}", back.problems);
    assert_eq!(back.strategy.workshops[0].notes[0].votes, 1);
}

#[test]
fn a_note_about_a_removed_measure_does_not_refuse_the_file() {
    let mut s = hokuto();
    let measure = s.measures().next().unwrap().1.id.clone();
    let w = s.start_workshop("第1回", "2025-07-12");
    s.add_note(&w, NoteTarget::Measure(measure.clone()), "残る").unwrap();
    s.remove_measure(&measure);
    let back = import(&export(&s, "2025-07-12T00:00:00Z")).unwrap();
    assert_eq!(back.strategy.workshops[0].notes.len(), 1);
    assert!(back.problems.iter().any(|p| p.path == "strategy.workshops[0].notes[0].target"), "{:?}", back.problems);
}
