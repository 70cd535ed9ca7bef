//! Hearings and opinions in the file format: added optional fields of version 1 with no version
//! bump — files without them read and write byte for byte as before; a file with them
//! round-trips.

use super::{export, import};
use crate::model::hearing::{ChangeLink, CommentPeriod, TownAnswer};
use crate::model::{DraftingStage, Hearing, HearingBody, Opinion, OpinionAbout, Response};

const AT: &str = "2026-01-01T00:00:00Z";

#[test]
fn files_without_hearings_read_and_write_byte_for_byte_as_before() {
    for example in crate::examples::EXAMPLES {
        let s = import(example.file).unwrap().strategy;
        assert!(s.hearings.is_empty() && s.opinions.is_empty(), "{}", example.key);
        let text = export(&s, AT);
        assert!(!text.contains("\"hearings\"") && !text.contains("\"opinions\""), "no key when there is nothing");
        assert_eq!(export(&import(&text).unwrap().strategy, AT), text, "{}: byte for byte", example.key);
    }
}

#[test]
fn a_file_with_hearings_and_opinions_round_trips() {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let mut comment = Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, "2020-01-06");
    comment.period = Some(CommentPeriod { from: "2020-01-06".into(), to: "2020-02-05".into() });
    comment.submitters = Some(14);
    let h = s.add_hearing(comment);
    s.add_hearing(Hearing::new(DraftingStage::Outline, HearingBody::Other("市民説明会".into()), "R1.8 下旬"));
    let mut o = Opinion::new(&h, "=1+1 子育て支援を <b>");
    o.about = OpinionAbout::Goal(s.goals[0].id.clone());
    o.sender = "北本 花子".into();
    o.summary = "子育て支援の充実".into();
    let a = s.add_opinion(o).unwrap();
    let b = s.add_opinion(Opinion::new(&h, "保育所を")).unwrap();
    s.gather(&[a.clone(), b]).unwrap();
    let change = Some(ChangeLink::Described("基本目標1の方向性に追記".into()));
    s.answer_opinion(&a, &TownAnswer { answer: "追記します。".into(), response: Some(Response::Revise), change });
    let text = export(&s, AT);
    let back = import(&text).unwrap();
    assert_eq!(back.strategy, s);
    assert!(back.problems.iter().all(|p| !p.path.starts_with("opinions") && !p.path.starts_with("hearings")));
    assert_eq!(export(&back.strategy, AT), text, "byte for byte");
}
