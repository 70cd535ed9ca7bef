//! What each pasted column of opinions holds: a heading is matched to one [`Role`], first
//! exactly against the headings real towns' パブリックコメント result tables use ([`HEADINGS`]),
//! then by the words it contains, the sender's words before 意見 (「意見提出者」 names a sender,
//! 「意見番号」 a number). A column nothing names, or two claiming one role, leaves the choice to
//! the officer ([`ToChoose`]), and nothing is taken until it is made.

use crate::model::half_width;

/// What a pasted column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
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

impl Role {
    pub const ALL: [Role; 8] =
        [Role::Number, Role::Place, Role::Text, Role::Summary, Role::Sender, Role::Answer, Role::Response, Role::Skip];

    pub fn key(self) -> &'static str {
        match self {
            Role::Number => "number",
            Role::Place => "place",
            Role::Text => "text",
            Role::Summary => "summary",
            Role::Sender => "sender",
            Role::Answer => "answer",
            Role::Response => "response",
            Role::Skip => "skip",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether what the column holds can reach a published page or file.
    pub fn published(self) -> bool {
        matches!(self, Role::Place | Role::Text | Role::Summary | Role::Answer | Role::Response)
    }
}

/// How a column's role was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
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
    pub role: Option<Role>,
    pub found: Found,
}

impl PastedColumn {
    /// Whether its heading names a sender, so that it may be taken only as the sender's or not
    /// at all.
    pub fn names_a_sender(&self) -> bool {
        heading_role(&self.heading).is_some_and(|(r, _)| r == Role::Sender)
    }
}

/// Why nothing is taken yet: what the officer has to choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToChoose {
    /// A column (from 0) whose heading names no role.
    Unknown { column: usize },
    /// Columns claiming one role.
    Same { role: Role, columns: Vec<usize> },
    /// No column holds the opinion.
    NoOpinion,
    /// No heading row: the roles are guessed by place and must be confirmed.
    Guessed,
    /// A column headed as the sender's chosen for a role that is published.
    SenderPublished { column: usize },
}

/// Headings of real towns' result tables (意見と市の考え方, 意見聴取の結果), each with its role.
pub const HEADINGS: &[(&str, Role)] = &[
    ("番号", Role::Number),
    ("No.", Role::Number),
    ("No", Role::Number),
    ("NO.", Role::Number),
    ("№", Role::Number),
    ("意見番号", Role::Number),
    ("項番", Role::Number),
    ("通し番号", Role::Number),
    ("整理番号", Role::Number),
    ("意見提出者", Role::Sender),
    ("提出者", Role::Sender),
    ("提出者名", Role::Sender),
    ("委員名", Role::Sender),
    ("委員", Role::Sender),
    ("氏名", Role::Sender),
    ("氏名（団体名）", Role::Sender),
    ("団体名", Role::Sender),
    ("住所・氏名", Role::Sender),
    ("発言者", Role::Sender),
    ("意見者", Role::Sender),
    ("意見", Role::Text),
    ("ご意見", Role::Text),
    ("意見要旨", Role::Text),
    ("意見の要旨", Role::Text),
    ("意見（要旨）", Role::Text),
    ("意見の概要", Role::Text),
    ("ご意見の概要", Role::Text),
    ("意見の内容", Role::Text),
    ("ご意見の内容", Role::Text),
    ("意見内容", Role::Text),
    ("意見等の概要", Role::Text),
    ("提出された意見", Role::Text),
    ("該当箇所", Role::Place),
    ("該当ページ", Role::Place),
    ("該当頁", Role::Place),
    ("該当項目", Role::Place),
    ("該当部分", Role::Place),
    ("素案の該当箇所", Role::Place),
    ("項目", Role::Place),
    ("ページ", Role::Place),
    ("市の考え方", Role::Answer),
    ("町の考え方", Role::Answer),
    ("村の考え方", Role::Answer),
    ("意見に対する市の考え方", Role::Answer),
    ("ご意見に対する市の考え方", Role::Answer),
    ("意見に対する町の考え方", Role::Answer),
    ("市の回答", Role::Answer),
    ("回答", Role::Answer),
    ("検討結果", Role::Answer),
    ("市の対応", Role::Answer),
    ("意見に対する市の対応", Role::Answer),
    ("対応", Role::Response),
    ("対応区分", Role::Response),
    ("反映区分", Role::Response),
    ("反映状況", Role::Response),
    ("反映の有無", Role::Response),
    ("修正の有無", Role::Response),
    ("要約", Role::Summary),
    ("市による要約", Role::Summary),
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
pub fn heading_role(heading: &str) -> Option<(Role, Found)> {
    let h = folded(heading);
    if h.is_empty() {
        return None;
    }
    if let Some((_, role)) = HEADINGS.iter().find(|(known, _)| folded(known) == h) {
        return Some((*role, Found::Heading));
    }
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    let role = if has(&["提出者", "氏名", "名前", "委員", "団体", "発言者", "意見者", "法人名", "事業者名"])
    {
        Role::Sender
    } else if has(&["考え方", "回答", "検討結果", "見解"]) {
        Role::Answer
    } else if has(&["対応区分", "反映", "有無", "区分"]) || h == "対応" {
        Role::Response
    } else if has(&["対応"]) {
        Role::Answer
    } else if has(&["番号", "No", "NO", "no", "№", "項番"]) {
        Role::Number
    } else if has(&["該当", "箇所", "項目", "ページ", "頁"]) {
        Role::Place
    } else if has(&["要約"]) {
        Role::Summary
    } else if has(&["意見", "内容", "要旨", "概要", "提言"]) {
        Role::Text
    } else {
        return None;
    };
    Some((role, Found::Words))
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
            let (role, found) = heading_role(h).map_or((None, Found::Unknown), |(r, f)| (Some(r), f));
            PastedColumn { heading: h.trim().to_owned(), role, found }
        })
        .collect();
    let texts: Vec<usize> = (0..out.len()).filter(|&i| out[i].role == Some(Role::Text)).collect();
    let brief: Vec<usize> = texts.iter().copied().filter(|&i| summarises(&out[i].heading)).collect();
    if texts.len() == 2 && brief.len() == 1 {
        out[brief[0]].role = Some(Role::Summary);
    }
    out
}

/// The columns of a paste without a heading row: the opinion alone in one column, else
/// 番号 | 該当箇所 | 意見 | 提出者 by place.
pub fn by_position(width: usize) -> Vec<PastedColumn> {
    let guess = |role| PastedColumn { heading: String::new(), role: Some(role), found: Found::Position };
    if width <= 1 {
        return vec![guess(Role::Text)];
    }
    let usual = [Role::Number, Role::Place, Role::Text, Role::Sender];
    (0..width).map(|i| guess(usual.get(i).copied().unwrap_or(Role::Skip))).collect()
}

/// The roles chosen by the officer, one a column (`None` or a missing one: left as proposed).
pub fn choose(columns: &mut [PastedColumn], roles: &[Option<Role>]) {
    for (c, r) in columns.iter_mut().zip(roles) {
        let Some(r) = r else { continue };
        if c.role != Some(*r) || c.found != Found::Heading {
            c.found = Found::Chosen;
        }
        c.role = Some(*r);
    }
}

/// What is left to choose before the columns can be read: nothing when every column has a role
/// found by its heading or chosen, one column holds the opinion, no role but 取り込まない is
/// claimed twice, and no column headed as a sender's would be published.
pub fn to_choose(columns: &[PastedColumn]) -> Vec<ToChoose> {
    let mut out = Vec::new();
    if columns.len() > 1 && columns.iter().any(|c| c.found == Found::Position) {
        out.push(ToChoose::Guessed);
    }
    for (i, c) in columns.iter().enumerate() {
        if c.role.is_none() {
            out.push(ToChoose::Unknown { column: i });
        }
        if c.names_a_sender() && c.role.is_some_and(Role::published) {
            out.push(ToChoose::SenderPublished { column: i });
        }
    }
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Skip) {
        let claiming: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].role == Some(role)).collect();
        if claiming.len() > 1 {
            out.push(ToChoose::Same { role, columns: claiming });
        }
    }
    if !out.iter().any(|w| matches!(w, ToChoose::Unknown { .. } | ToChoose::Same { role: Role::Text, .. }))
        && !columns.iter().any(|c| c.role == Some(Role::Text))
    {
        out.push(ToChoose::NoOpinion);
    }
    out
}
