//! What each pasted column of opinions holds: a heading is matched to one [`ColumnContent`], first
//! exactly against the headings real towns' パブリックコメント result tables use ([`HEADINGS`]),
//! then by the words it contains, the sender's words before 意見 (「意見提出者」 names a sender,
//! 「意見番号」 a number). A column nothing names, or two claiming one role, leaves the choice to
//! the officer ([`ToChoose`]), and nothing is taken until it is made.

use crate::model::half_width;

/// What a pasted column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnContent {
    /// 番号.
    Number,
    /// 該当箇所: published.
    Place,
    /// The opinion: published (or its summary).
    Text,
    /// 要旨: the town's summary, published in place of the text.
    Summary,
    /// Who sent it: internal, never published.
    Sender,
    /// 市の考え方: published.
    Answer,
    /// 対応 (修正する / 原案のとおり …): published.
    Response,
    /// Not taken in (受付日, 住所 …).
    Skip,
}

impl ColumnContent {
    pub const ALL: [ColumnContent; 8] = [
        ColumnContent::Number,
        ColumnContent::Place,
        ColumnContent::Text,
        ColumnContent::Summary,
        ColumnContent::Sender,
        ColumnContent::Answer,
        ColumnContent::Response,
        ColumnContent::Skip,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ColumnContent::Number => "number",
            ColumnContent::Place => "place",
            ColumnContent::Text => "text",
            ColumnContent::Summary => "summary",
            ColumnContent::Sender => "sender",
            ColumnContent::Answer => "answer",
            ColumnContent::Response => "response",
            ColumnContent::Skip => "skip",
        }
    }

    pub fn from_key(key: &str) -> Option<ColumnContent> {
        ColumnContent::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether what the column holds can reach a published page or file.
    pub fn published(self) -> bool {
        matches!(
            self,
            ColumnContent::Place
                | ColumnContent::Text
                | ColumnContent::Summary
                | ColumnContent::Answer
                | ColumnContent::Response
        )
    }
}

/// How a column's role was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleFoundBy {
    /// Its heading is one of [`HEADINGS`].
    Heading,
    /// Its heading contains a word that names the role.
    Words,
    /// No heading row: the role its place usually has.
    Position,
    /// Chosen by the officer.
    Chosen,
    /// Nothing names it.
    Unknown,
}

/// A pasted column: its heading (empty without a heading row) and its role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedColumn {
    pub heading: String,
    pub role: Option<ColumnContent>,
    pub found: RoleFoundBy,
}

impl PastedColumn {
    /// Whether its heading names a sender, so that it may be taken only as the sender's or not
    /// at all.
    pub fn names_a_sender(&self) -> bool {
        heading_role(&self.heading).is_some_and(|(r, _)| r == ColumnContent::Sender)
    }
}

/// Why nothing is taken yet: what the officer has to choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToChoose {
    /// A column (from 0) whose heading names no role.
    Unknown { column: usize },
    /// Columns claiming one role.
    Same { role: ColumnContent, columns: Vec<usize> },
    /// No column holds the opinion.
    NoOpinion,
    /// No heading row: the roles are guessed by place and must be confirmed.
    Guessed,
    /// A column headed as the sender's chosen for a role that is published.
    SenderPublished { column: usize },
}

/// Headings of real towns' result tables (意見と市の考え方, 意見聴取の結果), each with its role.
pub const HEADINGS: &[(&str, ColumnContent)] = &[
    ("番号", ColumnContent::Number),
    ("No.", ColumnContent::Number),
    ("No", ColumnContent::Number),
    ("NO.", ColumnContent::Number),
    ("№", ColumnContent::Number),
    ("意見番号", ColumnContent::Number),
    ("項番", ColumnContent::Number),
    ("通し番号", ColumnContent::Number),
    ("整理番号", ColumnContent::Number),
    ("意見提出者", ColumnContent::Sender),
    ("提出者", ColumnContent::Sender),
    ("提出者名", ColumnContent::Sender),
    ("委員名", ColumnContent::Sender),
    ("委員", ColumnContent::Sender),
    ("氏名", ColumnContent::Sender),
    ("氏名（団体名）", ColumnContent::Sender),
    ("団体名", ColumnContent::Sender),
    ("住所・氏名", ColumnContent::Sender),
    ("発言者", ColumnContent::Sender),
    ("意見者", ColumnContent::Sender),
    ("意見", ColumnContent::Text),
    ("ご意見", ColumnContent::Text),
    ("意見要旨", ColumnContent::Text),
    ("意見の要旨", ColumnContent::Text),
    ("意見（要旨）", ColumnContent::Text),
    ("意見の概要", ColumnContent::Text),
    ("ご意見の概要", ColumnContent::Text),
    ("意見の内容", ColumnContent::Text),
    ("ご意見の内容", ColumnContent::Text),
    ("意見内容", ColumnContent::Text),
    ("意見等の概要", ColumnContent::Text),
    ("提出された意見", ColumnContent::Text),
    ("該当箇所", ColumnContent::Place),
    ("該当ページ", ColumnContent::Place),
    ("該当頁", ColumnContent::Place),
    ("該当項目", ColumnContent::Place),
    ("該当部分", ColumnContent::Place),
    ("素案の該当箇所", ColumnContent::Place),
    ("項目", ColumnContent::Place),
    ("ページ", ColumnContent::Place),
    ("市の考え方", ColumnContent::Answer),
    ("町の考え方", ColumnContent::Answer),
    ("村の考え方", ColumnContent::Answer),
    ("意見に対する市の考え方", ColumnContent::Answer),
    ("ご意見に対する市の考え方", ColumnContent::Answer),
    ("意見に対する町の考え方", ColumnContent::Answer),
    ("市の回答", ColumnContent::Answer),
    ("回答", ColumnContent::Answer),
    ("検討結果", ColumnContent::Answer),
    ("市の対応", ColumnContent::Answer),
    ("意見に対する市の対応", ColumnContent::Answer),
    ("対応", ColumnContent::Response),
    ("対応区分", ColumnContent::Response),
    ("反映区分", ColumnContent::Response),
    ("反映状況", ColumnContent::Response),
    ("反映の有無", ColumnContent::Response),
    ("修正の有無", ColumnContent::Response),
    ("要約", ColumnContent::Summary),
    ("市による要約", ColumnContent::Summary),
];

/// A heading as matched: full-width letters and digits folded, spaces, brackets around it and a
/// closing colon removed, 御意見 read as ご意見.
fn folded(heading: &str) -> String {
    let h: String = half_width(heading)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '【' | '】' | '［' | '］' | '[' | ']' | '※'))
        .collect();
    h.trim_end_matches([':', '：']).replace('御', "ご")
}

/// The role a heading names, and whether it is one of [`HEADINGS`] or found by its words.
pub fn heading_role(heading: &str) -> Option<(ColumnContent, RoleFoundBy)> {
    let h = folded(heading);
    if h.is_empty() {
        return None;
    }
    if let Some((_, role)) = HEADINGS.iter().find(|(known, _)| folded(known) == h) {
        return Some((*role, RoleFoundBy::Heading));
    }
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    let role = if has(&["提出者", "氏名", "名前", "委員", "団体", "発言者", "意見者", "法人名", "事業者名"])
    {
        ColumnContent::Sender
    } else if has(&["考え方", "回答", "検討結果", "見解"]) {
        ColumnContent::Answer
    } else if has(&["対応区分", "反映", "有無", "区分"]) || h == "対応" {
        ColumnContent::Response
    } else if has(&["対応"]) {
        ColumnContent::Answer
    } else if has(&["番号", "No", "NO", "no", "№", "項番"]) {
        ColumnContent::Number
    } else if has(&["該当", "箇所", "項目", "ページ", "頁"]) {
        ColumnContent::Place
    } else if has(&["要約"]) {
        ColumnContent::Summary
    } else if has(&["意見", "内容", "要旨", "概要", "提言"]) {
        ColumnContent::Text
    } else {
        return None;
    };
    Some((role, RoleFoundBy::Words))
}

/// Whether a heading says the column is a summary (要旨, 概要, 要約).
fn summarises(heading: &str) -> bool {
    let h = folded(heading);
    ["要旨", "概要", "要約"].iter().any(|w| h.contains(w))
}

/// Whether the first row of a paste is a heading row: a known heading in it, or at least two
/// cells that are all words (short, no sentence's end, no figure). A row of words is a heading,
/// never an opinion.
pub fn is_heading_row(row: &[String]) -> bool {
    let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    if filled.iter().any(|c| heading_role(c).is_some()) {
        return true;
    }
    let word = |c: &str| {
        let c = half_width(c);
        c.chars().count() <= 20 && !c.contains('。') && !c.chars().any(|x| x.is_ascii_digit())
    };
    filled.len() >= 2 && filled.iter().all(|c| word(c))
}

/// The columns read from a heading row, with the summary told from the opinion when two
/// columns name the opinion and one of them only says 要旨 or 概要.
pub fn from_headings(row: &[String]) -> Vec<PastedColumn> {
    let mut out: Vec<PastedColumn> = row
        .iter()
        .map(|h| {
            let (role, found) = heading_role(h).map_or((None, RoleFoundBy::Unknown), |(r, f)| (Some(r), f));
            PastedColumn { heading: h.trim().to_owned(), role, found }
        })
        .collect();
    let texts: Vec<usize> = (0..out.len()).filter(|&i| out[i].role == Some(ColumnContent::Text)).collect();
    let brief: Vec<usize> = texts.iter().copied().filter(|&i| summarises(&out[i].heading)).collect();
    if texts.len() == 2 && brief.len() == 1 {
        out[brief[0]].role = Some(ColumnContent::Summary);
    }
    out
}

/// The columns of a paste without a heading row: the opinion alone in one column, else
/// 番号 | 該当箇所 | 意見 | 提出者 by place.
pub fn by_position(width: usize) -> Vec<PastedColumn> {
    let guess = |role| PastedColumn { heading: String::new(), role: Some(role), found: RoleFoundBy::Position };
    if width <= 1 {
        return vec![guess(ColumnContent::Text)];
    }
    let usual = [ColumnContent::Number, ColumnContent::Place, ColumnContent::Text, ColumnContent::Sender];
    (0..width).map(|i| guess(usual.get(i).copied().unwrap_or(ColumnContent::Skip))).collect()
}

/// The roles chosen by the officer, one a column (`None` or a missing one: left as proposed).
pub fn choose(columns: &mut [PastedColumn], roles: &[Option<ColumnContent>]) {
    for (c, r) in columns.iter_mut().zip(roles) {
        let Some(r) = r else { continue };
        if c.role != Some(*r) || c.found != RoleFoundBy::Heading {
            c.found = RoleFoundBy::Chosen;
        }
        c.role = Some(*r);
    }
}

/// What is left to choose before the columns can be read: nothing when every column has a role
/// found by its heading or chosen, one column holds the opinion, no role but 取り込まない is
/// claimed twice, and no column headed as a sender's would be published.
pub fn to_choose(columns: &[PastedColumn]) -> Vec<ToChoose> {
    let mut out = Vec::new();
    if columns.len() > 1 && columns.iter().any(|c| c.found == RoleFoundBy::Position) {
        out.push(ToChoose::Guessed);
    }
    for (i, c) in columns.iter().enumerate() {
        if c.role.is_none() {
            out.push(ToChoose::Unknown { column: i });
        }
        if c.names_a_sender() && c.role.is_some_and(ColumnContent::published) {
            out.push(ToChoose::SenderPublished { column: i });
        }
    }
    for role in ColumnContent::ALL.into_iter().filter(|r| *r != ColumnContent::Skip) {
        let claiming: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].role == Some(role)).collect();
        if claiming.len() > 1 {
            out.push(ToChoose::Same { role, columns: claiming });
        }
    }
    if !out.iter().any(|w| matches!(w, ToChoose::Unknown { .. } | ToChoose::Same { role: ColumnContent::Text, .. }))
        && !columns.iter().any(|c| c.role == Some(ColumnContent::Text))
    {
        out.push(ToChoose::NoOpinion);
    }
    out
}
