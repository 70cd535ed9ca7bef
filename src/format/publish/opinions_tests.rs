//! 「意見と市の考え方」 in the published folder: a page of its own with the counts and the table,
//! linked from the index; no sender's name, no 修正's note to itself and no original text that
//! was summarised in any file; an opinion about a 非公開 item placed as written.

use super::tests::{kitamoto, MADE_AT};
use super::*;
use crate::model::hearing::{ChangeLink, CommentPeriod, TownAnswer};
use crate::model::{DraftingStage, Hearing, HearingBody, Opinion, OpinionAbout, Response};

#[test]
fn the_opinions_page_has_the_counts_and_the_table_and_no_file_holds_a_sender() {
    let mut s = kitamoto();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, ""));
    s.hearing_mut(&h).unwrap().period = Some(CommentPeriod { from: "2026-12-01".into(), to: "2027-01-05".into() });
    let hidden_goal = s.goals[1].id.clone();
    let mut ids = Vec::new();
    for (text, sender, about) in [
        ("子育て支援の充実を 連絡先 090-0000-0000", "送信者 山田太郎", OpinionAbout::Goal(s.goals[0].id.clone())),
        ("保育所を増やしてほしい", "送信者 佐藤花子", OpinionAbout::Whole),
        ("非公開の目標について", "送信者 山田太郎", OpinionAbout::Goal(hidden_goal)),
    ] {
        let mut o = Opinion::new(&h, text);
        o.sender = sender.into();
        o.about = about;
        o.place = "p.8".into();
        ids.push(s.add_opinion(o).unwrap());
    }
    s.opinion_mut(&ids[0]).unwrap().summary = "子育て支援の充実".into();
    s.gather(&ids[..2]).unwrap();
    let change = Some(ChangeLink::Described("施策1-1の本文に保育所の整備を追記".into()));
    s.answer_opinion(
        &ids[0],
        &TownAnswer { answer: "素案に追記します。".into(), response: Some(Response::Revise), change },
    );
    // The version of the history it links is this town's, not the public's.
    let link = crate::model::hearing::VersionLink { saved_at: "2026-11-20T02:00:00.000Z".into(), id: None };
    assert!(s.link_version(&ids[0], Some(link)));
    let folder = published_site(&s, MADE_AT);
    let page = String::from_utf8(folder.file("opinions.html").expect("a page of its own").bytes.clone()).unwrap();
    for expected in [
        "素案に対するパブリックコメント",
        "意見募集期間：令和8年12月1日～令和9年1月5日",
        "提出者数：2人",
        "意見件数：3件",
        "<th scope=\"col\">市の考え方</th>",
        "<th scope=\"row\" data-label=\"番号\">1、2</th>",
        "<p>子育て支援の充実</p><p>保育所を増やしてほしい</p>",
        "<td data-label=\"対応\"><p>修正する</p><p>（修正内容）施策1-1の本文に保育所の整備を追記</p></td>",
        "素案に追記します。",
        "<td data-label=\"該当箇所\">p.8</td>",
    ] {
        assert!(page.contains(expected), "{expected} in {page}");
    }
    assert!(!page.contains("<script"));
    let index = String::from_utf8(folder.file("index.html").unwrap().bytes.clone()).unwrap();
    assert!(index.contains(r#"href="opinions.html""#));
    for f in &folder.files {
        let text = String::from_utf8_lossy(&f.bytes);
        for kept in ["送信者", "山田", "佐藤", "090-0000", "2026-11-20T02:00"] {
            assert!(!text.contains(kept), "{kept} in {}", f.path);
        }
    }
    // Without opinions there is no page, and no link to one.
    let quiet = super::published_site(&kitamoto(), MADE_AT);
    assert!(quiet.file("opinions.html").is_none());
    assert!(!String::from_utf8_lossy(&quiet.file("index.html").unwrap().bytes).contains("opinions.html"));
}

#[test]
fn the_public_copy_keeps_an_opinions_answer_and_never_its_sender() {
    let mut s = kitamoto();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Other("住民説明会".into()), "11月"));
    // A meeting's opinions go out once the town says so.
    s.hearing_mut(&h).unwrap().publish = Some(crate::model::hearing::Publish::Out);
    let mut o = Opinion::new(&h, "原文");
    (o.sender, o.summary, o.number) = ("山田".into(), "要旨".into(), "7".into());
    let id = s.add_opinion(o).unwrap();
    s.answer_opinion(&id, &TownAnswer { answer: "考え方".into(), response: Some(Response::AsDrafted), change: None });
    let public = crate::model::public_copy(&s);
    let o = &public.opinions[0];
    assert_eq!((o.text.as_str(), o.summary.as_str(), o.sender.as_str()), ("要旨", "", ""));
    assert_eq!((o.number.as_str(), o.answer.as_str(), o.response), ("7", "考え方", Some(Response::AsDrafted)));
    assert_eq!(public.hearings[0].body, HearingBody::Other("住民説明会".into()));
}

/// A meeting's opinions stay in until the town says they go out; a パブリックコメント's go out
/// unless the town keeps them in. Every page of a strategy not yet adopted names its stage.
#[test]
fn a_meetings_opinions_go_out_only_when_the_town_says_and_pages_name_the_stage() {
    use crate::model::hearing::Publish;
    let mut s = kitamoto();
    s.stage = DraftingStage::Outline;
    let meeting = s.add_hearing(Hearing::new(DraftingStage::Outline, HearingBody::DraftingMeeting, "2026-12-10"));
    let comment = s.add_hearing(Hearing::new(DraftingStage::Outline, HearingBody::PublicComment, ""));
    s.add_opinion(Opinion::new(&meeting, "委員の意見です")).unwrap();
    s.add_opinion(Opinion::new(&comment, "市民の意見です")).unwrap();
    let page = |s: &crate::model::Strategy| {
        let folder = published_site(s, MADE_AT);
        folder.file("opinions.html").map(|f| String::from_utf8(f.bytes.clone()).unwrap()).unwrap_or_default()
    };
    let shown = page(&s);
    assert!(shown.contains("市民の意見です") && !shown.contains("委員の意見です"), "{shown}");
    assert!(s.hearing_mut(&meeting).unwrap().asks_to_publish());
    s.hearing_mut(&meeting).unwrap().publish = Some(Publish::Out);
    s.hearing_mut(&comment).unwrap().publish = Some(Publish::In);
    let shown = page(&s);
    assert!(shown.contains("委員の意見です") && !shown.contains("市民の意見です"), "{shown}");
    let folder = published_site(&s, MADE_AT);
    for f in folder.files.iter().filter(|f| f.path.ends_with(".html")) {
        let text = String::from_utf8_lossy(&f.bytes);
        assert!(text.contains("この戦略は骨子案の段階です（策定前）。"), "{}", f.path);
    }
    s.stage = DraftingStage::Adopted;
    let folder = published_site(&s, MADE_AT);
    assert!(folder.files.iter().all(|f| !String::from_utf8_lossy(&f.bytes).contains("の段階です（策定前）")));
}
