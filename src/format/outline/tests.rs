//! Parsing, corrections and creation on small pastes: each numbering style, the noise dropped,
//! the lines a PDF broke, and pastes that are no outline at all.

use super::*;
use crate::model::{FiscalYear, GoalKind, PlanPeriod, Strategy};

const PERIOD: PlanPeriod = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) };

/// The outline as text, an item a line: its level (indented by depth), number and text.
fn levels(outline: &Outline) -> String {
    let line = |l: &OutlineLine| {
        let indent = match l.level {
            Level::Goal | Level::Heading => "",
            Level::Measure => "  ",
            Level::Initiative => "    ",
            Level::Body => "      ",
        };
        let words = [format!("{:?}", l.level), l.number.clone(), l.text.clone()];
        format!("{indent}{}\n", words.iter().filter(|w| !w.is_empty()).cloned().collect::<Vec<_>>().join(" "))
    };
    outline.lines.iter().map(line).collect()
}

fn one(line: &str) -> OutlineLine {
    let outline = parse_outline(line);
    assert_eq!(outline.lines.len(), 1, "{line}: {:?}", outline.lines);
    outline.lines.into_iter().next().expect("one line")
}

#[test]
fn each_numbering_style_as_towns_write_it() {
    let cases: &[(&str, Style, &str, &str)] = &[
        ("基本目標１　しごとをつくる", Style::Goal(GoalKind::Basic), "1", "しごとをつくる"),
        ("基本目標 1 しごとをつくる", Style::Goal(GoalKind::Basic), "1", "しごとをつくる"),
        ("基本目標1：しごとをつくる", Style::Goal(GoalKind::Basic), "1", "しごとをつくる"),
        ("基本目標Ⅱ ひとの流れ", Style::Goal(GoalKind::Basic), "2", "ひとの流れ"),
        ("横断的な目標 多様な人材の活躍", Style::Goal(GoalKind::CrossCutting), "", "多様な人材の活躍"),
        ("横断的な目標２ 新しい時代の流れ", Style::Goal(GoalKind::CrossCutting), "2", "新しい時代の流れ"),
        ("主要施策 ３ 健全な財政運営", Style::MainMeasure, "3", "健全な財政運営"),
        ("第1章 総論", Style::Chapter, "1", "総論"),
        ("第 2 基本目標に基づく施策", Style::Chapter, "2", "基本目標に基づく施策"),
        ("第三章 施策", Style::Chapter, "3", "施策"),
        ("1 企業立地", Style::Digit, "1", "企業立地"),
        ("１　企業立地", Style::Digit, "1", "企業立地"),
        ("2 人材不足の解消", Style::Digit, "2", "人材不足の解消"),
        ("1. 企業立地", Style::DigitDot, "1", "企業立地"),
        ("１．企業立地", Style::DigitDot, "1", "企業立地"),
        ("12、企業立地", Style::DigitDot, "12", "企業立地"),
        ("(1) 企業立地の促進", Style::DigitParen, "1", "企業立地の促進"),
        ("（１）企業立地の促進", Style::DigitParen, "1", "企業立地の促進"),
        ("1) 企業立地", Style::DigitHalfParen, "1", "企業立地"),
        ("１）企業立地", Style::DigitHalfParen, "1", "企業立地"),
        ("1-2 観光振興", Style::Hyphenated, "1-2", "観光振興"),
        ("１－２ 観光振興", Style::Hyphenated, "1-2", "観光振興"),
        ("① 出会いの場", Style::Circled, "1", "出会いの場"),
        ("⑫出会いの場", Style::Circled, "12", "出会いの場"),
        ("ア 出会いの場", Style::Kana, "ア", "出会いの場"),
        ("イ．出会いの場", Style::Kana, "イ", "出会いの場"),
        ("(ア) 出会いの場", Style::KanaParen, "ア", "出会いの場"),
        ("（ウ）出会いの場", Style::KanaParen, "ウ", "出会いの場"),
        ("・出会いの場", Style::Bullet('・'), "", "出会いの場"),
        ("● 出会いの場", Style::Bullet('●'), "", "出会いの場"),
        ("○出会いの場", Style::Bullet('○'), "", "出会いの場"),
        ("■ 出会いの場", Style::Bullet('■'), "", "出会いの場"),
        ("- 出会いの場", Style::Bullet('-'), "", "出会いの場"),
    ];
    for (line, style, number, text) in cases {
        let l = one(line);
        assert_eq!((l.style, l.number.as_str(), l.text.as_str()), (*style, *number, *text), "{line}");
    }
    assert_eq!(one("（１）企業立地").numbering, "（１）");
    assert_eq!(one("基本目標１　しごと").numbering, "基本目標１");
}

#[test]
fn sentences_and_quantities_are_not_numbered() {
    for line in [
        "2015 年 9 月の国連サミット",
        "5 年間で達成する",
        "1.5倍に増やす",
        "基本目標に基づく施策",
        "アンケート調査",
        "第 2 期北斗市",
    ] {
        let outline = parse_outline(&format!("1 施策\n{line}"));
        assert_eq!(outline.lines.len(), 1, "{line}");
        assert!(outline.lines.first().is_some_and(|l| l.body.contains(&line.replace(' ', ""))), "{line}");
    }
}

#[test]
fn the_first_style_seen_is_the_top_level() {
    let outline = parse_outline("第1章 しごと\n1 企業立地\n(1) 誘致\n(2) 雇用\n・ 説明\n第2章 ひと\n1 移住");
    assert_eq!(
        levels(&outline),
        "\
Goal 1 しごと
  Measure 1 企業立地
    Initiative 1 誘致
    Initiative 2 雇用
      Body 説明
Goal 2 ひと
  Measure 1 移住
"
    );
    // The same styles the other way round: (1) is now the goal.
    let outline = parse_outline("(1) しごと\n① 企業立地\n(2) ひと");
    assert_eq!(outline.lines.iter().map(|l| l.level).collect::<Vec<_>>(), [Level::Goal, Level::Measure, Level::Goal]);
}

#[test]
fn goals_are_goals_and_headings_introduce_a_level() {
    let outline = parse_outline("第1章 総論\n基本目標1 しごと\n施策の基本的方向\n① 企業立地\n[具体的取組]\n・誘致");
    assert_eq!(
        outline.lines.iter().map(|l| l.level).collect::<Vec<_>>(),
        [Level::Heading, Level::Goal, Level::Heading, Level::Measure, Level::Heading, Level::Initiative]
    );
    // A 数値目標 table is the heading's text: its rows create nothing.
    let outline = parse_outline("基本目標1 しごと\n数値目標\n・転入者数 300人\n・転出者数 200人\n1 企業立地");
    assert_eq!(
        outline.lines.iter().map(|l| l.level).collect::<Vec<_>>(),
        [Level::Goal, Level::Heading, Level::Measure]
    );
    assert!(outline.lines.get(1).is_some_and(|l| l.body.contains("転入者数300人")));
}

#[test]
fn a_goals_subtitle_and_a_priority_mark() {
    let l = one("基本目標1 しごとをつくる ～安定した雇用を創出する～");
    assert_eq!((l.text.as_str(), l.subtitle.as_str()), ("しごとをつくる", "安定した雇用を創出する"));
    let outline = parse_outline("基本目標2 ひとを呼び込む\n～新しい人の流れをつくる～\n方向性の文。");
    let l = outline.lines.first().expect("the goal");
    assert_eq!((l.subtitle.as_str(), l.body.as_str()), ("新しい人の流れをつくる", "方向性の文。"));
    let l = one("(3) 市民や各種団体との連携【重点施策】");
    assert!(l.priority);
    assert_eq!(l.text, "市民や各種団体との連携");
    assert!(one("① 子育て支援【重点】").priority);
    assert!(!one("① 子育て支援").priority);
}

#[test]
fn a_pdf_line_break_is_joined() {
    let outline = parse_outline("1 企業立地\n立地適性に優れた新たな土地利用計画の策定や企業誘致に\nよって、雇用を創出します。\nSociety 5.0 and\nSDGs goals\n※次の段落");
    let body = outline.lines.first().map(|l| l.body.as_str());
    assert_eq!(
        body,
        Some("立地適性に優れた新たな土地利用計画の策定や企業誘致によって、雇用を創出します。\nSociety 5.0 and SDGs goals\n※次の段落")
    );
    // The spaces a PDF puts around ASCII in Japanese go; those between ASCII words stay.
    let outline = parse_outline("1 推進\nSDGs の理念に基づき、令和 2 年度から Society 5.0 を実現する。");
    assert_eq!(
        outline.lines.first().map(|l| l.body.as_str()),
        Some("SDGsの理念に基づき、令和2年度からSociety 5.0を実現する。")
    );
    // A title with no words on its line takes the next line.
    assert_eq!(one("基本目標１\n安定した雇用を創出する").text, "安定した雇用を創出する");
}

#[test]
fn page_numbers_contents_and_running_headers_are_dropped() {
    let text = "目次\n基本目標1 しごと ……… 3\n基本目標1 しごと\n- 3 -\n1 企業立地\n第2期総合戦略（案）\n本文。\n－４－\n第2期総合戦略（案）\n2 観光\n5\n第2期総合戦略（案）\n3 産業";
    let outline = parse_outline(text);
    assert_eq!(
        outline.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
        ["しごと", "企業立地", "観光", "産業"]
    );
    let reasons: Vec<(usize, DropReason)> = outline.dropped.iter().map(|d| (d.line, d.reason)).collect();
    assert_eq!(
        reasons,
        [
            // 「目次」 itself is the table of contents' (it was text before the first item).
            (1, DropReason::Contents),
            (2, DropReason::Contents),
            (4, DropReason::PageNumber),
            (6, DropReason::RunningHeader),
            (8, DropReason::PageNumber),
            (9, DropReason::RunningHeader),
            (11, DropReason::PageNumber),
            (12, DropReason::RunningHeader),
        ]
    );
    assert_eq!(outline.lines.get(1).map(|l| l.body.as_str()), Some("本文。"));
}

#[test]
fn promote_demote_and_join() {
    let mut outline = parse_outline("1 しごと\n(1) 企業立地\n(2) 誘致の\n(3) 促進");
    assert!(outline.promote(1));
    assert_eq!(outline.lines.get(1).map(|l| l.level), Some(Level::Goal));
    assert!(!outline.promote(1), "a goal stays a goal");
    assert!(outline.demote(1) && outline.demote(1) && outline.demote(1));
    assert_eq!(outline.lines.get(1).map(|l| l.level), Some(Level::Body));
    assert!(!outline.demote(1), "body text stays body text");
    assert!(outline.promote(1));
    assert_eq!(outline.lines.get(1).map(|l| l.level), Some(Level::Initiative));
    assert!(outline.join_to_previous(3));
    assert_eq!(outline.lines.len(), 3);
    assert_eq!(outline.lines.get(2).map(|l| l.text.as_str()), Some("誘致の(3) 促進"));
    assert!(!outline.join_to_previous(0) && !outline.join_to_previous(9) && !outline.promote(9) && !outline.demote(9));
}

#[test]
fn into_a_new_strategy_and_under_a_goal() {
    let period = PERIOD;
    let mut outline = parse_outline("① 外れた施策\n基本目標1 しごと\n方向性。\n1 企業立地【重点】\n概要。\n(1) 誘致\n説明。\n・補足\n横断的な目標 人材");
    assert!(outline.demote(0), "a measure before any goal");
    let mut s = Strategy::blank("t", "m", period);
    let created = into_strategy(&outline, &mut s, None);
    assert_eq!(created, Created { goals: 2, measures: 1, initiatives: 1, skipped: 1 });
    let goal = s.goals.first().expect("a goal");
    assert_eq!((goal.number.as_str(), goal.title.as_str(), goal.direction.as_str()), ("1", "しごと", "方向性。"));
    let m = goal.measures.first().expect("a measure");
    assert_eq!((m.title.as_str(), m.summary.as_str(), m.priority), ("企業立地", "概要。", true));
    let i = m.initiatives.first().expect("an initiative");
    assert_eq!((i.number.as_str(), i.title.as_str(), i.description.as_str()), ("1", "誘致", "説明。\n・ 補足"));
    assert_eq!(s.goals.get(1).map(|g| g.kind), Some(GoalKind::CrossCutting));
    // Under a goal that is not there, nothing is created.
    let mut t = Strategy::blank("t", "m", period);
    let missing = crate::model::Id::from("goal-gone");
    assert_eq!(into_strategy(&outline, &mut t, Some(&missing)).skipped, 5);
    assert!(t.goals.is_empty());
}

#[test]
fn an_empty_or_garbage_paste_gives_an_empty_outline() {
    for text in ["", "\n\n  \n", "\u{3000}\t", "- 3 -\n４\n", "……… 12", "**\n##\n> ", "\u{0}\u{FFFF}\u{10FFFF}"]
    {
        let outline = parse_outline(text);
        assert!(outline.lines.is_empty(), "{text:?}: {:?}", outline.lines);
    }
    // Whatever it is, it never panics and every item has a level.
    for text in
        ["(", "（", "第", "基本目標", "主要施策", "1-", "①", "ア)", "(ア", "～", "～～", "1\n300\n決算額", "-・\n-"]
    {
        let outline = parse_outline(text);
        let mut s = Strategy::blank("t", "m", PERIOD);
        let _ = into_strategy(&outline, &mut s, None);
    }
}

/// A PDF's table of contents pasted as copied — dot leaders, page numbers, 「基本目標1:」,
/// 「施策1:」, full-width colons — is read as the outline; the document's own section headings
/// ((1)基本目標(数値目標), (2)基本的方向) are set aside, listed with the dropped lines.
const CONTENTS: &str = "目次
第1章 総合戦略の基本的な考え方 ............................................ 1
基本目標1: 創意工夫で地域の活力を起こす産業交流のまち............................ 6
(1)基本目標(数値目標)........................................................ 6
(2)基本的方向 .................................................................. 6
施策1:農林業の振興 ............................................................... 6
施策2：観光の振興 ……………………………………………………………… 8
基本目標2: 若い世代が住み続けたいまち........................................... 10
(1)基本目標(数値目標)........................................................ 10
施策1:子育て支援の充実 ........................................................... 11
";

#[test]
fn a_table_of_contents_is_read_as_the_outline() {
    let o = parse_outline(CONTENTS);
    assert_eq!(
        levels(&o),
        "\
Heading 第1章 総合戦略の基本的な考え方
Goal 1 創意工夫で地域の活力を起こす産業交流のまち
  Measure 1 農林業の振興
  Measure 2 観光の振興
Goal 2 若い世代が住み続けたいまち
  Measure 1 子育て支援の充実
"
    );
    let dropped: Vec<(usize, &str, DropReason)> =
        o.dropped.iter().map(|d| (d.line, d.text.as_str(), d.reason)).collect();
    assert_eq!(
        dropped,
        vec![
            (1, "目次", DropReason::Contents),
            (4, "(1)基本目標(数値目標)", DropReason::SectionHeading),
            (5, "(2)基本的方向", DropReason::SectionHeading),
            (9, "(1)基本目標(数値目標)", DropReason::SectionHeading),
        ]
    );
}

/// The outline of the next two tests' contents: what their numbered sections do not change.
const TWO_GOALS: &str = "\
Goal 1 しごとをつくる
  Measure 1 企業立地の促進
  Measure 2 観光の振興
Goal 2 ひとの流れをつくる
  Measure 1 移住の促進
";

#[test]
fn a_goals_own_numbered_sections_before_its_measures_are_never_taken_as_measures() {
    // (3) is not a heading word: it was once taken as a measure, the last of the sections.
    let o = parse_outline(
        "目次
基本目標1: しごとをつくる.................... 6
(1)数値目標.................................. 6
(2)基本的方向................................ 6
(3)講ずべき施策の概要....................... 7
施策1:企業立地の促進........................ 7
施策2:観光の振興............................ 8
基本目標2: ひとの流れをつくる................ 10
(1)数値目標.................................. 10
(2)施策の展開................................ 10
施策1:移住の促進............................ 11
(3)重点プロジェクト.......................... 12
",
    );
    assert_eq!(levels(&o), TWO_GOALS);
    let sections: Vec<&str> =
        o.dropped.iter().filter(|d| d.reason == DropReason::SectionHeading).map(|d| d.text.as_str()).collect();
    assert_eq!(
        sections,
        [
            "(1)数値目標",
            "(2)基本的方向",
            "(3)講ずべき施策の概要",
            "(1)数値目標",
            "(2)施策の展開",
            "(3)重点プロジェクト"
        ]
    );
}

#[test]
fn a_goal_without_measure_lines_keeps_its_numbered_items_as_measures() {
    let o = parse_outline(
        "目次
基本目標1: しごとをつくる.................... 6
(1)企業立地の促進............................ 7
(2)観光の振興................................ 8
基本目標2: ひとの流れをつくる................ 10
施策1:移住の促進............................ 11
① 空き家バンク............................... 11
",
    );
    assert_eq!(levels(&o), format!("{TWO_GOALS}    Initiative 1 空き家バンク\n"));
}

#[test]
fn a_section_heading_of_a_table_of_contents_can_be_taken_back_as_a_measure() {
    let mut o = parse_outline(CONTENTS);
    let at = o.dropped.iter().position(|d| d.text == "(2)基本的方向").expect("dropped");
    assert!(o.take_back(at));
    assert_eq!(
        levels(&o),
        "\
Heading 第1章 総合戦略の基本的な考え方
Goal 1 創意工夫で地域の活力を起こす産業交流のまち
  Measure 2 基本的方向
  Measure 1 農林業の振興
  Measure 2 観光の振興
Goal 2 若い世代が住み続けたいまち
  Measure 1 子育て支援の充実
"
    );
    assert!(o.dropped.iter().all(|d| d.text != "(2)基本的方向"));
    // A line dropped for another reason has nothing to take back.
    assert!(!o.take_back(0));
    assert_eq!(o.dropped[0].text, "目次");
}

#[test]
fn a_few_contents_lines_above_a_document_are_still_left_out() {
    let o = parse_outline(
        "目次\n基本目標１ しごとをつくる………3\n\n基本目標１ しごとをつくる\n地域の産業を育てる。\n（１）企業立地の促進\n（２）観光の振興\n① 観光資源の磨き上げ\n② 誘客の促進\n",
    );
    assert_eq!(o.dropped.iter().filter(|d| d.reason == DropReason::Contents).count(), 2);
    assert_eq!(levels(&o).lines().next(), Some("Goal 1 しごとをつくる"));
    assert_eq!(o.lines.len(), 5);
}
