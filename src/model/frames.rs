//! The national frames (国の総合戦略) a town's strategy aligns with, newest first: each with a
//! stable key, its official name, the day the cabinet decided it (閣議決定), its period in fiscal
//! years and its goals in the national document's own wording. Data only: `template` lays a new
//! strategy out on a frame, and a strategy names the frame it aligns with by its key
//! (`NationalFramework::key`). Moving a strategy from one frame to another is `realign`.
//!
//! The wording of every goal is copied from the source cited beside its frame; the table test
//! below compares it with literal strings copied from the same sources. Where the stored pages
//! did not give the national document's own text, the comment says so.

use super::{FiscalYear, GoalKind, Id, NationalFramework, NationalGoal, PlanPeriod};

/// One national frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Stable and never reused: what a strategy file keeps (`national_framework.key`).
    pub key: &'static str,
    /// The official name, as the cabinet decision writes it.
    pub name: &'static str,
    /// The same in English, for the English UI.
    pub english: &'static str,
    /// 閣議決定, YYYY-MM-DD.
    pub decided: &'static str,
    /// First and last fiscal year; `None` when the document sets no span of fiscal years.
    pub years: Option<(i32, i32)>,
    /// What the document calls its basic goals (基本目標, 取組方針, 政策の柱 …).
    pub basic_heading: &'static str,
    /// What it calls its cross-cutting goals or foundations, when it has them.
    pub cross_heading: Option<&'static str>,
    /// Basic goals first, then cross-cutting goals or foundations, each in the document's order.
    pub goals: &'static [FrameGoal],
    /// Where the wording was taken from (address and title).
    pub source: &'static str,
}

/// One goal of a national frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameGoal {
    pub kind: GoalKind,
    /// "1", "2" … within its kind.
    pub number: &'static str,
    pub title: &'static str,
}

const fn basic(number: &'static str, title: &'static str) -> FrameGoal {
    FrameGoal { kind: GoalKind::Basic, number, title }
}

const fn cross(number: &'static str, title: &'static str) -> FrameGoal {
    FrameGoal { kind: GoalKind::CrossCutting, number, title }
}

pub const REGIONAL_2025: &str = "chihou-sousei-senryaku-2025";
pub const REGIONAL_2_0_VISION: &str = "chihou-sousei-2-0-kihon-koso";
pub const DIGITAL_GARDEN_CITY: &str = "digital-denen-toshi-2022";
pub const SECOND_PERIOD: &str = "machi-hito-shigoto-2";
pub const FIRST_PERIOD: &str = "machi-hito-shigoto-1";

/// Every frame, newest first.
pub const FRAMES: [Frame; 5] = [
    // 「地方創生に関する総合戦略」(令和7年12月23日閣議決定), 2025〜2029年度 (令和7〜11年度).
    // Sources: TBS NEWS DIG via livedoor, 2025-12-23, https://news.livedoor.com/article/detail/30255391/
    // (「▼「強い経済」をつくること、▼「豊かな生活環境」を実現すること、▼「選ばれる地方」になること
    // などという3つの目標」); the period: 時事通信 via nippon.com, 2025-12-23,
    // https://www.nippon.com/ja/news/yjj2025122300297/ (「計画期間は２５～２９年度の５年間」).
    // The cabinet's own text was not among the stored pages: the titles are the news' words
    // without its 「こと」; check them against the 閣議決定 document.
    // Whether the strategy sets cross-cutting goals the stored pages do not say; none are listed.
    Frame {
        key: REGIONAL_2025,
        name: "地方創生に関する総合戦略",
        english: "Comprehensive Strategy on Regional Revitalisation (Regional Revitalisation 2.0)",
        decided: "2025-12-23",
        years: Some((2025, 2029)),
        basic_heading: "目標",
        cross_heading: None,
        goals: &[
            basic("1", "「強い経済」をつくる"),
            basic("2", "「豊かな生活環境」を実現する"),
            basic("3", "「選ばれる地方」になる"),
        ],
        source: "https://news.livedoor.com/article/detail/30255391/ (TBS, 2025-12-23); \
                 https://www.nippon.com/ja/news/yjj2025122300297/ (時事通信, 2025-12-23)",
    },
    // 地方創生2.0基本構想 (令和7年6月13日閣議決定), 「今後10年間を見据えた」: no span of fiscal years.
    // Source: 内閣官房「地方創生2.0 政策の5本柱」,
    // https://www.cas.go.jp/jp/seisaku/chihousousei2_0/concept/index.html (the five pillars, with
    // the second and third pillar's subtitles); the date: https://www.cas.go.jp/jp/seisaku/chihousousei2_0/about/index.html
    // and https://worldjpn.net/documents/texts/SDGs/20250613.O1J.html (「令和7年6月13日 閣議決定」).
    Frame {
        key: REGIONAL_2_0_VISION,
        name: "地方創生2.0基本構想",
        english: "Basic Concept of Regional Revitalisation 2.0",
        decided: "2025-06-13",
        years: None,
        basic_heading: "政策の柱",
        cross_heading: None,
        goals: &[
            basic("1", "安心して働き、暮らせる地方の生活環境の創生"),
            basic("2", "稼ぐ力を高め、付加価値創出型の新しい地方経済の創生～地方イノベーション創生構想～"),
            basic("3", "人や企業の地方分散～産官学の地方移転、都市と地方の交流等による創生～"),
            basic("4", "新時代のインフラ整備とAI・デジタルなどの新技術の徹底活用"),
            basic("5", "広域リージョン連携"),
        ],
        source: "https://www.cas.go.jp/jp/seisaku/chihousousei2_0/concept/index.html (内閣官房「地方創生2.0 政策の5本柱」)",
    },
    // デジタル田園都市国家構想総合戦略 (令和4年12月23日閣議決定), 2023〜2027年度 (令和5〜9年度).
    // Sources: 内閣官房 デジタル田園都市国家構想 (archived 2023-12-14),
    // https://megalodon.jp/ref/2023-1214-1002-56/https://www.cas.go.jp:443/jp/seisaku/digitaldenen/index.html
    // (「デジタルの力を活用した地方の社会課題解決」: 地方に仕事をつくる / 人の流れをつくる /
    // 結婚・出産子育ての希望をかなえる / 魅力的な地域をつくる — that page drops the 「・」 after 出産,
    // which 内閣府 https://www.chisou.go.jp/iikamo/column/column21.html writes);
    // the foundations: notes on the strategy's text (https://www.cas.go.jp/jp/seisaku/digital_denen/pdf/20221223_honbun.pdf),
    // https://scrapbox.io/jasoc/デジタル田園都市国家構想総合戦略 (「デジタル実装の前提となる3つの取組
    // (ハード・ソフトのデジタル基盤整備、デジタル人材の育成・確保、誰一人取り残されないための取組。
    // 以下「デジタル実装の基礎条件整備」)」); the date and years: the same notes
    // (「2023 年度から 2027 年度までの 5 か年」) and 住宅新報 https://www.jutaku-s.com/newsp/id/0000054143.
    Frame {
        key: DIGITAL_GARDEN_CITY,
        name: "デジタル田園都市国家構想総合戦略",
        english: "Comprehensive Strategy for the Vision for a Digital Garden City Nation",
        decided: "2022-12-23",
        years: Some((2023, 2027)),
        basic_heading: "取組方針",
        cross_heading: Some("デジタル実装の基礎条件整備"),
        goals: &[
            basic("1", "地方に仕事をつくる"),
            basic("2", "人の流れをつくる"),
            basic("3", "結婚・出産・子育ての希望をかなえる"),
            basic("4", "魅力的な地域をつくる"),
            cross("1", "ハード・ソフトのデジタル基盤整備"),
            cross("2", "デジタル人材の育成・確保"),
            cross("3", "誰一人取り残されないための取組"),
        ],
        source: "https://www.cas.go.jp/jp/seisaku/digitaldenen/index.html (内閣官房, archived 2023-12-14); \
                 https://www.cas.go.jp/jp/seisaku/digital_denen/pdf/20221223_honbun.pdf (本文)",
    },
    // 第2期「まち・ひと・しごと創生総合戦略」(令和元年12月20日閣議決定), 2020〜2024年度 (令和2〜6年度).
    // Source: the strategy's table of contents, https://pdfslide.net/documents/c2oeoeffccc-20011220-2014.html
    // (【基本目標1】…【横断的な目標2】); the second cross-cutting goal in full: 加古川市 quoting it,
    // https://www.city.kakogawa.lg.jp/section/ebook/contents/05_keikaku/028_matihito2021/pageindices/index5.html.
    // The same goals as seed 000 lists them (the template the app offered before frames).
    Frame {
        key: SECOND_PERIOD,
        name: "第2期「まち・ひと・しごと創生総合戦略」",
        english: "2nd-period Comprehensive Strategy for Overcoming Population Decline and Vitalising Local Economy",
        decided: "2019-12-20",
        years: Some((2020, 2024)),
        basic_heading: "基本目標",
        cross_heading: Some("横断的な目標"),
        goals: &[
            basic("1", "稼ぐ地域をつくるとともに、安心して働けるようにする"),
            basic("2", "地方とのつながりを築き、地方への新しいひとの流れをつくる"),
            basic("3", "結婚・出産・子育ての希望をかなえる"),
            basic("4", "ひとが集う、安心して暮らすことができる魅力的な地域をつくる"),
            cross("1", "多様な人材の活躍を推進する"),
            cross("2", "新しい時代の流れを力にする"),
        ],
        source: "https://pdfslide.net/documents/c2oeoeffccc-20011220-2014.html (第2期「まち・ひと・しごと創生総合戦略」目次)",
    },
    // まち・ひと・しごと創生総合戦略 (平成26年12月27日閣議決定), 2015〜2019年度 (平成27〜令和元年度).
    // Its title has no 「第1期」; the name here is the one the 2nd period's document and towns use.
    // Sources: the strategy's overview 「長期ビジョン」と「総合戦略」の全体像,
    // https://deploy.paperzz.com/doc/5364427/ (基本目標 「地方における安定した雇用を創出する」 …), and
    // 郡山市史 https://adeac.jp/koriyama-city/texthtml/d100020/ct00000002/ht000300 (the four goals);
    // the fourth as 首相官邸 writes it (「安心なくらし」, where 郡山市 writes 「暮らし」):
    // http://www.kantei.go.jp/jp/singi/sousei/mahishi_index.html — that page gives the first goal
    // in its policy package's words (「地方にしごとをつくり、安心して働けるようにする」).
    Frame {
        key: FIRST_PERIOD,
        name: "第1期「まち・ひと・しごと創生総合戦略」",
        english: "1st-period Comprehensive Strategy for Overcoming Population Decline and Vitalising Local Economy",
        decided: "2014-12-27",
        years: Some((2015, 2019)),
        basic_heading: "基本目標",
        cross_heading: None,
        goals: &[
            basic("1", "地方における安定した雇用を創出する"),
            basic("2", "地方への新しいひとの流れをつくる"),
            basic("3", "若い世代の結婚・出産・子育ての希望をかなえる"),
            basic("4", "時代に合った地域をつくり、安心なくらしを守るとともに、地域と地域を連携する"),
        ],
        source: "https://deploy.paperzz.com/doc/5364427/ (全体像); http://www.kantei.go.jp/jp/singi/sousei/mahishi_index.html (首相官邸)",
    },
];

/// The frame with this key (`None` for a key this build does not know: a newer build's frame).
pub fn by_key(key: &str) -> Option<&'static Frame> {
    FRAMES.iter().find(|f| f.key == key)
}

/// The newest frame, which 次期へ引き継ぐ proposes.
pub fn newest() -> &'static Frame {
    &FRAMES[0]
}

impl Frame {
    /// The frame's period, when it sets one.
    pub fn period(&self) -> Option<PlanPeriod> {
        self.years.map(|(first, last)| PlanPeriod { first: FiscalYear(first), last: FiscalYear(last) })
    }

    /// How many basic and cross-cutting goals (or foundations) it has.
    pub fn counts(&self) -> (usize, usize) {
        let basic = self.goals.iter().filter(|g| g.kind == GoalKind::Basic).count();
        (basic, self.goals.len() - basic)
    }

    /// The frame as a strategy holds it: its key, name and goals, each goal with a fresh id.
    pub fn national_framework(&self) -> NationalFramework {
        NationalFramework {
            key: Some(self.key.to_owned()),
            name: self.name.to_owned(),
            goals: self
                .goals
                .iter()
                .map(|g| NationalGoal {
                    id: Id::new("ng"),
                    kind: g.kind,
                    number: g.number.to_owned(),
                    title: g.title.to_owned(),
                })
                .collect(),
        }
    }
}

impl NationalFramework {
    /// The built-in frame this one names by its key (`None`: no key, as in files made before
    /// frames had keys, or a key this build does not know).
    pub fn frame(&self) -> Option<&'static Frame> {
        self.key.as_deref().and_then(by_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use GoalKind::{Basic as B, CrossCutting as C};

    /// A goal as the table writes it: kind, number, title.
    type Row = (GoalKind, &'static str, &'static str);
    /// A frame's name, 閣議決定 and fiscal years.
    type Decision = (&'static str, &'static str, Option<(i32, i32)>);

    /// Each frame's goals against the wording copied from the source cited beside it (literal
    /// strings, not the constants above: a typo in either makes this fail).
    #[test]
    fn each_frames_goals_are_the_cited_wording() {
        let expected: [(&str, &[Row]); 5] = [
            (
                "chihou-sousei-senryaku-2025",
                &[
                    (B, "1", "「強い経済」をつくる"),
                    (B, "2", "「豊かな生活環境」を実現する"),
                    (B, "3", "「選ばれる地方」になる"),
                ],
            ),
            (
                "chihou-sousei-2-0-kihon-koso",
                &[
                    (B, "1", "安心して働き、暮らせる地方の生活環境の創生"),
                    (B, "2", "稼ぐ力を高め、付加価値創出型の新しい地方経済の創生～地方イノベーション創生構想～"),
                    (B, "3", "人や企業の地方分散～産官学の地方移転、都市と地方の交流等による創生～"),
                    (B, "4", "新時代のインフラ整備とAI・デジタルなどの新技術の徹底活用"),
                    (B, "5", "広域リージョン連携"),
                ],
            ),
            (
                "digital-denen-toshi-2022",
                &[
                    (B, "1", "地方に仕事をつくる"),
                    (B, "2", "人の流れをつくる"),
                    (B, "3", "結婚・出産・子育ての希望をかなえる"),
                    (B, "4", "魅力的な地域をつくる"),
                    (C, "1", "ハード・ソフトのデジタル基盤整備"),
                    (C, "2", "デジタル人材の育成・確保"),
                    (C, "3", "誰一人取り残されないための取組"),
                ],
            ),
            (
                "machi-hito-shigoto-2",
                &[
                    (B, "1", "稼ぐ地域をつくるとともに、安心して働けるようにする"),
                    (B, "2", "地方とのつながりを築き、地方への新しいひとの流れをつくる"),
                    (B, "3", "結婚・出産・子育ての希望をかなえる"),
                    (B, "4", "ひとが集う、安心して暮らすことができる魅力的な地域をつくる"),
                    (C, "1", "多様な人材の活躍を推進する"),
                    (C, "2", "新しい時代の流れを力にする"),
                ],
            ),
            (
                "machi-hito-shigoto-1",
                &[
                    (B, "1", "地方における安定した雇用を創出する"),
                    (B, "2", "地方への新しいひとの流れをつくる"),
                    (B, "3", "若い世代の結婚・出産・子育ての希望をかなえる"),
                    (B, "4", "時代に合った地域をつくり、安心なくらしを守るとともに、地域と地域を連携する"),
                ],
            ),
        ];
        assert_eq!(FRAMES.len(), expected.len(), "a frame without its table row");
        for (frame, (key, goals)) in FRAMES.iter().zip(expected) {
            assert_eq!(frame.key, key, "frames are newest first");
            let found: Vec<Row> = frame.goals.iter().map(|g| (g.kind, g.number, g.title)).collect();
            assert_eq!(found, goals, "{}", frame.name);
        }
    }

    #[test]
    fn names_dates_and_periods_are_the_cabinet_decisions() {
        let found: Vec<Decision> = FRAMES.iter().map(|f| (f.name, f.decided, f.years)).collect();
        assert_eq!(
            found,
            [
                ("地方創生に関する総合戦略", "2025-12-23", Some((2025, 2029))),
                ("地方創生2.0基本構想", "2025-06-13", None),
                ("デジタル田園都市国家構想総合戦略", "2022-12-23", Some((2023, 2027))),
                ("第2期「まち・ひと・しごと創生総合戦略」", "2019-12-20", Some((2020, 2024))),
                ("第1期「まち・ひと・しごと創生総合戦略」", "2014-12-27", Some((2015, 2019))),
            ]
        );
    }

    #[test]
    fn frames_are_newest_first_with_unique_keys() {
        assert!(FRAMES.windows(2).all(|w| w[0].decided > w[1].decided));
        let mut keys: Vec<&str> = FRAMES.iter().map(|f| f.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), FRAMES.len());
        assert_eq!(newest().key, REGIONAL_2025);
        assert_eq!(by_key("machi-hito-shigoto-2").map(|f| f.counts()), Some((4, 2)));
        assert_eq!(by_key("a-newer-builds-frame"), None);
    }

    #[test]
    fn a_strategy_holds_a_frame_by_its_key_with_fresh_goal_ids() {
        let frame = by_key(DIGITAL_GARDEN_CITY).unwrap();
        let (a, b) = (frame.national_framework(), frame.national_framework());
        assert_eq!(a.frame(), Some(frame));
        assert_eq!(a.goals.len(), 7);
        assert!(a.goals.iter().zip(&b.goals).all(|(x, y)| x.id != y.id && x.title == y.title));
        assert_eq!(NationalFramework::default().frame(), None);
    }
}
