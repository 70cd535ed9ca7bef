//! Opinions pasted from Excel (a broken row listed with its number, nothing else lost) and
//! 「意見と市の考え方」 out as CSV (gathered opinions one row, no sender, formulas neutralised).

use super::*;
use crate::model::hearing::TownAnswer;
use crate::model::{DraftingStage, GoalKind, Hearing, HearingBody};

fn town() -> (Strategy, Id) {
    let mut s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
    s.stage = DraftingStage::Draft;
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, "2020-01-06"));
    (s, h)
}

fn goal_and_measure(s: &Strategy) -> (String, String) {
    let g = s.goals.iter().find(|g| g.kind == GoalKind::Basic && !g.measures.is_empty()).unwrap();
    (g.number.clone(), g.measures[0].number.clone())
}

#[test]
fn a_paste_with_a_header_and_a_broken_row() {
    let (mut s, h) = town();
    let (goal, measure) = goal_and_measure(&s);
    // Row 4: a line break Excel did not quote, so the opinion's second line is a row of its own;
    // row 6: an opinion with no text; row 7: a 対応 of no known word.
    let paste = format!(
        "番号\t該当箇所\t意見の内容\t提出者\t対応\r\n\
         1\t基本目標{goal}\t子育て支援の充実を\t山田 太郎\t\r\n\
         2\t施策{goal}-{measure}\t保育所を増やしてほしい。\t佐藤\t原案のとおり\r\n\
         特に駅の近くに\t\t\t\t\r\n\
         ３\tp.12\t=1+1 のような数式\t鈴木\t修正\r\n\
         4\t全体\t\t\t\r\n\
         5\t全体\t財源は\t\t検討中\r\n\
         \t\t\t\t\r\n\
         6\t\t公共交通を\t高橋\t参考とする\r\n"
    );
    let plan = plan_paste(&s, &paste);
    assert!(plan.header);
    assert_eq!(
        plan.broken,
        vec![
            BrokenRow { row: 4, problem: RowProblem::NotANumber { text: "特に駅の近くに".into() } },
            BrokenRow { row: 6, problem: RowProblem::NoText },
            BrokenRow { row: 7, problem: RowProblem::UnknownResponse { text: "検討中".into() } },
        ]
    );
    let rows: Vec<(usize, &str, &str)> =
        plan.opinions.iter().map(|o| (o.row, o.number.as_str(), o.text.as_str())).collect();
    assert_eq!(
        rows,
        vec![
            (2, "1", "子育て支援の充実を"),
            (3, "2", "保育所を増やしてほしい。"),
            (5, "3", "=1+1 のような数式"),
            (9, "6", "公共交通を")
        ]
    );
    assert!(matches!(plan.opinions[0].about, OpinionAbout::Goal(_)));
    let m = &s.goals.iter().find(|g| g.number == goal && g.kind == GoalKind::Basic).unwrap().measures[0];
    assert_eq!(plan.opinions[1].about, OpinionAbout::Measure(m.id.clone()));
    assert_eq!(item_named(&s, &format!("基本目標{goal}　施策{measure}")), OpinionAbout::Measure(m.id.clone()));
    assert_eq!((plan.opinions[2].about.clone(), plan.opinions[2].place.as_str()), (OpinionAbout::Whole, "p.12"));
    assert_eq!(
        plan.opinions.iter().map(|o| o.response).collect::<Vec<_>>(),
        vec![None, Some(Response::AsDrafted), Some(Response::Revise), Some(Response::Reference)]
    );
    let before = s.clone();
    let ids = take_in(&mut s, &h, &plan);
    assert_eq!(ids.len(), 4);
    assert_eq!(s.hearing_counts(&h).submitters, Some(4));
    assert!(crate::model::validate(&s).iter().all(|p| !p.path.starts_with("opinions")));
    assert_eq!(take_in(&mut before.clone(), &Id::new("hearing"), &plan), Vec::<Id>::new(), "no such hearing");
}

#[test]
fn a_paste_without_a_header_takes_the_usual_columns_once_confirmed_or_the_text_alone() {
    let (s, _) = town();
    let paste = "1\t全体\t人口減少対策を\t匿名\n2\t\t\"改行を\n含む意見\"\t\n";
    let plan = plan_paste(&s, paste);
    assert!(!plan.header && plan.to_choose == vec![ToChoose::Guessed] && plan.opinions.is_empty(), "{plan:?}");
    let roles: Vec<Option<ColumnContent>> = plan.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [ColumnContent::Number, ColumnContent::Place, ColumnContent::Text, ColumnContent::Sender].map(Some).to_vec()
    );
    let plan = plan_chosen(&s, paste, &Chosen { first_row: None, roles });
    assert!(plan.to_choose.is_empty() && plan.broken.is_empty(), "{plan:?}");
    assert_eq!(plan.opinions[1].text, "改行を\n含む意見");
    assert_eq!(plan.opinions[0].sender, "匿名");
    let plan = plan_paste(&s, "一つ目の意見\n二つ目の意見\n");
    assert_eq!(plan.opinions.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(), vec!["一つ目の意見", "二つ目の意見"]);
    let plan = plan_paste(&s, "意見\n一つ目の意見\n");
    assert!(plan.header && plan.opinions.len() == 1);
    let five =
        [ColumnContent::Number, ColumnContent::Place, ColumnContent::Text, ColumnContent::Sender].map(Some).to_vec();
    let plan = plan_chosen(&s, "1\t全体\t意見\t匿名\t余り\n", &Chosen { first_row: None, roles: five });
    assert_eq!(plan.to_choose, vec![ToChoose::Unknown { column: 4 }], "the fifth column has no role");
}

#[test]
fn answers_out_as_csv_gathered_rows_and_no_senders() {
    let (mut s, h) = town();
    let (goal, _) = goal_and_measure(&s);
    let paste = format!(
        "番号\t該当箇所\t意見\t提出者\n1\t基本目標{goal}\t子育て支援を\t山田 太郎\n2\t\t保育所を\t佐藤 花子\n3\t\t-駅前に駐輪場を\t鈴木 一郎\n"
    );
    let plan = plan_paste(&s, &paste);
    let ids = take_in(&mut s, &h, &plan);
    s.opinion_mut(&ids[1]).unwrap().summary = "保育所の増設".into();
    s.gather(&ids[..2]).unwrap();
    s.answer_opinion(
        &ids[0],
        &TownAnswer {
            answer: "素案に追記します。".into(),
            response: Some(Response::Revise),
            change: Some(crate::model::hearing::ChangeLink::Described("施策1-1に保育所の整備を追記".into())),
        },
    );
    s.answer_opinion(
        &ids[2],
        &TownAnswer { answer: "=参考にします".into(), response: Some(Response::Reference), change: None },
    );
    let other = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Assembly, ""));
    s.add_opinion(crate::model::Opinion::new(&other, "議会の意見")).unwrap();
    let csv = answers_csv(&s, Some(&h));
    assert!(csv.starts_with('\u{feff}'));
    let g = s.goals.iter().find(|g| g.number == goal && g.kind == GoalKind::Basic).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "番号,該当箇所,意見（要旨）,対応,市の考え方");
    assert_eq!(
        lines[1],
        format!("1、2,基本目標{goal} {}、全体,\"・子育て支援を\n・保育所の増設\",\"修正する\n（修正内容）施策1-1に保育所の整備を追記\",素案に追記します。", g.title)
    );
    assert_eq!(lines[2], "3,全体,'-駅前に駐輪場を,参考とする,'=参考にします");
    assert_eq!(lines.len(), 4, "one hearing only, and the file ends with a line break");
    for name in ["山田", "佐藤", "鈴木"] {
        assert!(!csv.contains(name), "no sender's name");
    }
    assert!(answers_csv(&s, None).contains("議会の意見"));
}

/// A パブリックコメント of five opinions from three senders, two gathered into one answer, all
/// answered; and a 議会 heard with no opinion.
pub(crate) fn answered_comment() -> (Strategy, Id) {
    let (mut s, h) = town();
    let (goal, _) = goal_and_measure(&s);
    let paste = format!(
        "番号\t該当箇所\t意見\t提出者\n1\t基本目標{goal}\t子育て支援を\t山田 太郎\n2\t\t保育所を\t佐藤 花子\n\
         3\tp.12\t駅前に駐輪場を\t山田 太郎\n4\t\t公共交通を\t鈴木 一郎\n5\t\t財源は\t佐藤 花子\n"
    );
    let plan = plan_paste(&s, &paste);
    let ids = take_in(&mut s, &h, &plan);
    s.opinion_mut(&ids[1]).unwrap().summary = "保育所の増設".into();
    s.gather(&[ids[0].clone(), ids[1].clone()]).unwrap();
    let answer = |text: &str, r| TownAnswer { answer: text.into(), response: Some(r), change: None };
    s.answer_opinion(&ids[0], &answer("素案に追記します。", Response::Revise));
    s.answer_opinion(&ids[2], &answer("参考にします。", Response::Reference));
    s.answer_opinion(&ids[3], &answer("原案のとおりとします。", Response::AsDrafted));
    s.answer_opinion(&ids[4], &answer("交付金を活用します。", Response::Other));
    s.hearing_mut(&h).unwrap().period =
        Some(crate::model::hearing::CommentPeriod { from: "2026-12-01".into(), to: "2027-01-05".into() });
    s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Assembly, "12月議会"));
    (s, h)
}

#[test]
fn a_hearings_sheet_counts_its_opinions_and_senders_and_answers_gathered_ones_in_one_row() {
    let (mut s, h) = answered_comment();
    let sheets = answer_sheets(&s, None);
    assert_eq!(sheets.len(), 1, "a hearing with no opinion has no sheet");
    let sheet = &sheets[0];
    assert_eq!(sheet.heading(), "素案に対するパブリックコメント");
    assert_eq!((sheet.counts.opinions, sheet.counts.submitters, sheet.counts.unanswered), (5, Some(3), 0));
    assert_eq!(sheet.counts.by_response, [2, 1, 1, 1]);
    assert_eq!(sheet.figures(), vec!["意見募集期間：令和8年12月1日～令和9年1月5日", "提出者数：3人", "意見件数：5件"]);
    let rows: Vec<(&str, Vec<&str>, Option<Response>)> = sheet
        .rows
        .iter()
        .map(|r| (r.number.as_str(), r.opinions.iter().map(String::as_str).collect(), r.response))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("1、2", vec!["子育て支援を", "保育所の増設"], Some(Response::Revise)),
            ("3", vec!["駅前に駐輪場を"], Some(Response::Reference)),
            ("4", vec!["公共交通を"], Some(Response::AsDrafted)),
            ("5", vec!["財源は"], Some(Response::Other)),
        ]
    );
    assert_eq!(sheet.rows[0].opinion_text(), "・子育て支援を\n・保育所の増設");
    assert_eq!(sheet.rows[1].place, "p.12");
    assert!(!format!("{sheets:?}").contains("山田") && !format!("{sheets:?}").contains("佐藤"), "no sender in a sheet");
    // The town's own count of senders wins over the names.
    s.hearing_mut(&h).unwrap().submitters = Some(14);
    assert!(answer_sheets(&s, Some(&h))[0].figures().contains(&"提出者数：14人".to_owned()));
}

/// Every heading of the list gets its role, and so do the headings towns write around them.
#[test]
fn each_heading_towns_use_is_read_as_its_role() {
    assert!(HEADINGS.len() >= 20);
    for (heading, role) in HEADINGS {
        assert_eq!(heading_role(heading), Some((*role, RoleFoundBy::Heading)), "{heading}");
    }
    let cases = [
        ("意見提出者", ColumnContent::Sender),
        ("提出者", ColumnContent::Sender),
        ("委員名", ColumnContent::Sender),
        ("氏名", ColumnContent::Sender),
        ("団体名", ColumnContent::Sender),
        ("提出者（団体名）", ColumnContent::Sender),
        ("意見番号", ColumnContent::Number),
        ("番号", ColumnContent::Number),
        ("No.", ColumnContent::Number),
        ("Ｎｏ．", ColumnContent::Number),
        ("意見要旨", ColumnContent::Text),
        ("意見の概要", ColumnContent::Text),
        ("ご意見の内容", ColumnContent::Text),
        ("御意見の内容", ColumnContent::Text),
        ("いただいたご意見", ColumnContent::Text),
        ("該当箇所", ColumnContent::Place),
        ("該当ページ", ColumnContent::Place),
        ("素案の該当ページ", ColumnContent::Place),
        ("市の考え方", ColumnContent::Answer),
        ("ご意見に対する本市の考え方", ColumnContent::Answer),
        ("市の対応", ColumnContent::Answer),
        ("対応", ColumnContent::Response),
        ("計画への反映", ColumnContent::Response),
    ];
    for (heading, role) in cases {
        assert_eq!(heading_role(heading).map(|(r, _)| r), Some(role), "{heading}");
    }
    for unknown in ["受付日", "住所", "年代", ""] {
        assert_eq!(heading_role(unknown), None, "{unknown}");
    }
}

/// The three layouts a new officer pasted, each read into the right fields; the members' names
/// reach only the hidden sender, never 該当箇所, the sheets or the CSV.
#[test]
fn the_layouts_towns_paste_are_read_into_the_right_fields() {
    let (s, h) = town();
    let (goal, _) = goal_and_measure(&s);
    let layouts = [
        format!("No.\t委員名\t該当ページ\t意見要旨\n1\t山田 太郎\t基本目標{goal}\t子育て支援の充実を\n2\t佐藤 花子\tp.3\t公共交通を\n"),
        format!("No.\t意見提出者\t該当箇所\t意見の概要\n1\t山田 太郎\t基本目標{goal}\t子育て支援の充実を\n2\t佐藤 花子\tp.3\t公共交通を\n"),
        format!("意見番号\t該当箇所\t意見の概要\t提出者\n1\t基本目標{goal}\t子育て支援の充実を\t山田 太郎\n2\tp.3\t公共交通を\t佐藤 花子\n"),
    ];
    for paste in &layouts {
        let plan = plan_paste(&s, paste);
        assert!(plan.header && plan.to_choose.is_empty() && plan.broken.is_empty(), "{paste}: {plan:?}");
        let read: Vec<(&str, &str, &str, &str)> = plan
            .opinions
            .iter()
            .map(|o| (o.number.as_str(), o.place.as_str(), o.text.as_str(), o.sender.as_str()))
            .collect();
        assert_eq!(
            read,
            vec![
                ("1", format!("基本目標{goal}").as_str(), "子育て支援の充実を", "山田 太郎"),
                ("2", "p.3", "公共交通を", "佐藤 花子")
            ],
            "{paste}"
        );
        let mut taken = s.clone();
        let ids = take_in(&mut taken, &h, &plan);
        assert_eq!(ids.len(), 2);
        let out = format!("{:?}{}", answer_sheets(&taken, None), answers_csv(&taken, None));
        assert!(!out.contains("山田") && !out.contains("佐藤"), "no name goes out: {out}");
    }
}

/// A heading row of unknown words is never read as an opinion, and nothing is taken until every
/// column has a role; a column headed as the sender's cannot be chosen for a published role.
#[test]
fn a_paste_with_unknown_headings_takes_nothing_until_the_roles_are_chosen() {
    let (s, h) = town();
    let paste = "受付日\t区分\t住所\t寄せられた声\n12/1\t個人\t本町\t子育て支援を\n";
    let plan = plan_paste(&s, paste);
    assert!(plan.header, "a row of words is a heading");
    let roles: Vec<Option<ColumnContent>> = plan.columns.iter().map(|c| c.role).collect();
    assert_eq!(roles, vec![None, Some(ColumnContent::Response), None, None]);
    assert_eq!(
        plan.to_choose,
        vec![ToChoose::Unknown { column: 0 }, ToChoose::Unknown { column: 2 }, ToChoose::Unknown { column: 3 }]
    );
    assert!(plan.opinions.is_empty() && plan.broken.is_empty());
    assert!(take_in(&mut s.clone(), &h, &plan).is_empty());
    let chosen = Chosen {
        first_row: None,
        roles: [ColumnContent::Skip, ColumnContent::Skip, ColumnContent::Skip, ColumnContent::Text].map(Some).to_vec(),
    };
    let plan = plan_chosen(&s, paste, &chosen);
    assert!(plan.to_choose.is_empty(), "{plan:?}");
    assert_eq!(plan.opinions.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(), vec!["子育て支援を"]);
    // Two columns claiming the opinion: both listed, nothing read.
    let two = plan_paste(&s, "番号\t意見\tご意見の内容\n1\tあ\tい\n");
    assert_eq!(two.to_choose, vec![ToChoose::Same { role: ColumnContent::Text, columns: vec![1, 2] }]);
    assert!(two.opinions.is_empty());
    // A first row of headings chosen as data is read as an opinion.
    let roles = [ColumnContent::Skip, ColumnContent::Skip, ColumnContent::Skip, ColumnContent::Text].map(Some).to_vec();
    let data = Chosen { first_row: Some(FirstRow::Data), roles };
    assert_eq!(plan_chosen(&s, paste, &data).opinions.len(), 2);
    // The members' names may not be published.
    let names = "No.\t委員名\t意見要旨\n1\t山田 太郎\t子育て支援を\n";
    let wrong = Chosen {
        first_row: None,
        roles: [ColumnContent::Number, ColumnContent::Place, ColumnContent::Text].map(Some).to_vec(),
    };
    let plan = plan_chosen(&s, names, &wrong);
    assert_eq!(plan.to_choose, vec![ToChoose::SenderPublished { column: 1 }]);
    assert!(plan.opinions.is_empty());
}

/// Two opinion columns, one of them only its 要旨: the 要旨 is the summary.
#[test]
fn a_summary_column_beside_the_opinion_is_the_summary() {
    let (s, _) = town();
    let plan = plan_paste(&s, "番号\tご意見の内容\t意見の要旨\n1\t長い意見の本文です。\t短い要旨\n");
    assert!(plan.to_choose.is_empty(), "{plan:?}");
    assert_eq!(
        (plan.opinions[0].text.as_str(), plan.opinions[0].summary.as_str()),
        ("長い意見の本文です。", "短い要旨")
    );
}

#[test]
fn a_meetings_sheet_is_headed_as_opinions_heard_there() {
    let sheet = |body: HearingBody| {
        let (mut s, _) = town();
        let h = s.add_hearing(Hearing::new(DraftingStage::Outline, body, "2026-12-10"));
        s.add_opinion(crate::model::Opinion::new(&h, "意見")).unwrap();
        answer_sheets(&s, Some(&h))[0].heading()
    };
    assert_eq!(sheet(HearingBody::DraftingMeeting), "策定会議での骨子案への意見");
    assert_eq!(sheet(HearingBody::PublicComment), "骨子案に対するパブリックコメント");
    assert_eq!(sheet(HearingBody::Other(String::new())), "骨子案への意見");
}
