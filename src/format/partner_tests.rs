//! 広域連携 partners in the file format: an added optional field of version 1, with no version
//! bump — a file without it means "no partners" and is written as before; a file with it
//! round-trips; an older build keeps it as an unknown field (`model::unknown`).

use super::{export, import, read_quietly};
use crate::model::{Initiative, Partner, Strategy};

/// 北斗市: goals with measures and initiatives.
fn hokuto() -> Strategy {
    crate::examples::by_key("hokuto").unwrap().load().unwrap()
}

fn first_initiative(s: &mut Strategy) -> &mut Initiative {
    let id = s.initiatives().next().unwrap().1.id.clone();
    s.initiative_mut(&id).unwrap()
}

#[test]
fn a_file_without_partners_reads_as_none_and_writes_as_before() {
    let text = crate::examples::by_key("hokuto").unwrap().file;
    assert!(!text.contains("\"partners\""));
    let s = import(text).unwrap().strategy;
    assert!(s.initiatives().all(|(_, i)| i.partners.is_empty()));
    let written = export(&s, "2026-01-01T00:00:00Z");
    assert!(!written.contains("\"partners\""), "no partners key when there are none");
    assert_eq!(export(&import(&written).unwrap().strategy, "2026-01-01T00:00:00Z"), written, "byte for byte");
}

#[test]
fn a_file_with_partners_round_trips() {
    let mut s = hokuto();
    first_initiative(&mut s).partners = vec![
        Partner { code: Some("013374".into()), name: "七飯町".into() },
        Partner { code: None, name: "木古内町".into() },
        Partner { code: Some("012025".into()), name: String::new() },
    ];
    let text = export(&s, "2026-01-01T00:00:00Z");
    assert!(text.contains("\"partners\": [\n"));
    assert!(text.contains("\"code\": \"012025\"\n"), "a partner without a name has no name key");
    let back = import(&text).unwrap();
    assert_eq!(back.strategy, s);
    assert!(back.problems.iter().all(|p| !p.path.contains("partners")), "{:?}", back.problems);
    assert_eq!(read_quietly(&text).unwrap().strategy, s, "storage reads it back the quick way too");
}

#[test]
fn a_wrong_code_is_a_warning_not_a_refusal() {
    let mut s = hokuto();
    first_initiative(&mut s).partners = vec![Partner { code: Some("1337".into()), name: "七飯町".into() }];
    let back = import(&export(&s, "t")).unwrap();
    let place = back.problems.iter().find(|p| p.path.ends_with(".partners[0].code")).expect("the code's warning");
    assert!(place.path.starts_with("strategy.goals[0].measures[0].initiatives[0]"), "{}", place.path);
}

/// What an older build does with the field: a strategy type without it keeps it among the
/// unknown fields and writes it back — here the same mechanism on a field this build does
/// not know, under an initiative.
#[test]
fn an_unknown_field_beside_partners_is_kept() {
    let mut s = hokuto();
    let i = first_initiative(&mut s);
    i.partners = vec![Partner { code: None, name: "七飯町".into() }];
    i.unknown.insert("partner_budget_share".into(), serde_json::json!(0.5));
    let back = import(&export(&s, "t")).unwrap().strategy;
    assert_eq!(back, s);
}
