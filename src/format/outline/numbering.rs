//! A line's numbering as towns write it: `基本目標１` / `基本目標 1：…` / `横断的な目標`,
//! `主要施策 １`, `第1章` / `第2`, `1` / `1.` / `１．`, `(1)` / `（１）` / `1)`, `1-2`, `①`, `ア` /
//! `(ア)`, bullets (`・` `●` `○` `■` …), the 【重点】 marker, and the headings that introduce a level
//! without being an item (`施策の基本的方向`, `[具体的取組]`, `数値目標` …). Full- and half-width
//! alike. Only says what a line's start is; which level a style stands for is `levels`' job.

use crate::model::{narrow, narrowed, GoalKind};

/// How an item is numbered. Two lines share a style when they were numbered the same way, so
/// they sit at the same level of the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `基本目標１` / `横断的な目標`: always a goal.
    Goal(GoalKind),
    /// `主要施策 １` (an evaluation sheet's title): always a measure.
    MainMeasure,
    /// `第1章` / `第2`.
    Chapter,
    /// `1` followed by a space.
    Digit,
    /// `1.` / `１．` / `1、`.
    DigitDot,
    /// `(1)` / `（１）`.
    DigitParen,
    /// `1)` / `１）`.
    DigitHalfParen,
    /// `1-2` / `１－２`.
    Hyphenated,
    /// `①` … `㊿`.
    Circled,
    /// `ア` / `ア．`.
    Kana,
    /// `(ア)` / `（ア）` / `ア)`.
    KanaParen,
    /// `・` `●` `○` `■` … (one style per mark), or a leading `- `.
    Bullet(char),
    /// A project's row on an evaluation sheet: its name, then a line with its amount (`sheet`).
    SheetRow,
    /// A heading that introduces a level without being an item.
    Heading(Introduces),
}

/// What a heading line introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Introduces {
    /// 施策の基本的方向, 主要施策 …: the next new numbering is a measure.
    Measures,
    /// 具体的取組, 主な事業 …: the next new numbering is an initiative.
    Initiatives,
    /// 数値目標, KPI: a table of indicators, kept as the heading's text (creates nothing).
    Targets,
    /// 第1章 above the goals: a part of the document the model has no level for.
    Section,
}

/// A line's recognised numbering.
#[derive(Clone, Debug, PartialEq)]
pub struct Numbered {
    pub style: Style,
    /// As written: `（１）`.
    pub written: String,
    /// For display, half-width: `1`, `1-2`, `ア`.
    pub number: String,
    /// The rest of the line, numbering and priority marks removed.
    pub rest: String,
    /// A 【重点】 / 【重点施策】 mark was on the line.
    pub priority: bool,
}

const KANA: &str = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const BULLETS: &[char] = &['・', '･', '●', '○', '◯', '■', '□', '◆', '◇', '◎', '▪', '•', '▶', '►', '➢'];
const ORDINAL_COUNTERS: &[char] =
    &['期', '回', '号', '条', '次', '位', '弾', '項', '款', '者', '種', '世', '代', '週', '日', '年', '月'];
const DELIMITERS: &[char] = &['：', ':', '．', '.', '、', '，', ',', ' ', '\u{3000}', '\t'];
/// A number followed by a space and then one of these is a quantity in a sentence the PDF broke
/// ("5 年間", "30 %"), not an outline number ("2 人材不足…" is one).
fn is_quantity(after_space: &str) -> bool {
    let mut chars = after_space.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else { return false };
    match first {
        '%' | '％' | 'の' | 'か' | 'ヵ' | 'ヶ' | '歳' | '倍' | '割' | '円' | '億' => true,
        '年' | '月' => second.is_none_or(|c| "間度後前以ぶまかにの、，。 ".contains(c)),
        c => c.is_ascii_digit(),
    }
}

/// Leading digits (ASCII or full-width, at most `max`): their value and the rest.
fn digits(s: &str, max: usize) -> Option<(u32, &str)> {
    let mut value: u32 = 0;
    let mut bytes = 0;
    for (n, c) in s.chars().enumerate() {
        let d = match narrow(c) {
            d @ '0'..='9' => d as u32 - '0' as u32,
            _ => break,
        };
        if n >= max {
            return None;
        }
        value = value.saturating_mul(10).saturating_add(d);
        bytes += c.len_utf8();
    }
    (bytes > 0).then(|| (value, s.get(bytes..).unwrap_or("")))
}

/// A number as goals and chapters write it: digits, 一…十, Ⅰ…Ⅻ.
fn numeral(s: &str) -> Option<(u32, &str)> {
    if let Some(found) = digits(s, 3) {
        return Some(found);
    }
    let c = s.chars().next()?;
    let rest = s.get(c.len_utf8()..).unwrap_or("");
    let value = match c {
        'Ⅰ'..='Ⅻ' => c as u32 - 'Ⅰ' as u32 + 1,
        _ => "一二三四五六七八九十".chars().position(|k| k == c)? as u32 + 1,
    };
    Some((value, rest))
}

fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        '㉑'..='㉟' => Some(c as u32 - '㉑' as u32 + 21),
        '㊱'..='㊿' => Some(c as u32 - '㊱' as u32 + 36),
        _ => None,
    }
}

fn skip_spaces(s: &str) -> &str {
    s.trim_start()
}

/// After a number: a delimiter or a space, or the end. `None` when the number runs into words.
fn after_number(rest: &str) -> Option<&str> {
    let first = rest.chars().next()?;
    if !DELIMITERS.contains(&first) {
        return None;
    }
    Some(rest.trim_start_matches(DELIMITERS))
}

/// Removes the 【重点】 / 【重点施策】 marks; true when there was one.
pub fn take_priority(text: &str) -> (String, bool) {
    const MARKS: &[&str] = &[
        "【重点施策】",
        "【重点】",
        "［重点施策］",
        "［重点］",
        "[重点施策]",
        "[重点]",
        "〔重点施策〕",
        "〔重点〕",
        "（重点施策）",
        "（重点）",
        "(重点)",
        "★重点",
    ];
    let mut out = text.to_owned();
    let mut found = false;
    for mark in MARKS {
        if out.contains(mark) {
            out = out.replace(mark, " ");
            found = true;
        }
    }
    (out.split_whitespace().collect::<Vec<_>>().join(" "), found)
}

/// A document's own section of a goal, numbered like a measure in a table of contents:
/// `基本的方向`, `基本目標(数値目標)` (a heading word, or one in its last brackets).
pub fn is_section_title(title: &str) -> bool {
    if heading(title).is_some() {
        return true;
    }
    let inner =
        title.trim_end().strip_suffix([')', '）']).and_then(|t| t.rsplit_once(['(', '（'])).map(|(_, inner)| inner);
    inner.is_some_and(|inner| heading(inner).is_some())
}

/// The heading a whole line is, if any: `[具体的取組]`, `■ 数値目標`, `施策の基本的方向：`.
pub fn heading(text: &str) -> Option<Introduces> {
    const BRACKETS: &[char] = &[
        '[', ']', '［', '］', '【', '】', '〔', '〕', '＜', '＞', '<', '>', '《', '》', '≪', '≫', '(', ')', '（', '）',
        '〈', '〉', '：', ':',
    ];
    let bare: String = narrowed(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !BRACKETS.contains(c) && !BULLETS.contains(c))
        .collect();
    const MEASURES: &[&str] = &[
        "施策の基本的方向",
        "基本的方向",
        "施策の方向",
        "施策の展開",
        "主要施策",
        "主な施策",
        "具体的な施策",
        "基本的な施策",
    ];
    const INITIATIVES: &[&str] = &[
        "具体的取組",
        "具体的な取組",
        "具体的取組み",
        "具体的な取組み",
        "具体的な取り組み",
        "主な取組",
        "主な取組み",
        "主な取り組み",
        "具体的な事業",
        "主な事業",
        "主要事業",
    ];
    const TARGETS: &[&str] = &["数値目標", "重要業績評価指標", "KPI", "重要業績評価指標KPI", "成果指標", "評価指標"];
    if MEASURES.contains(&bare.as_str()) {
        Some(Introduces::Measures)
    } else if INITIATIVES.contains(&bare.as_str()) {
        Some(Introduces::Initiatives)
    } else if TARGETS.contains(&bare.as_str()) {
        Some(Introduces::Targets)
    } else {
        None
    }
}

/// The numbering at the start of `text` (already trimmed, decorations removed), if any.
pub fn recognise(text: &str) -> Option<Numbered> {
    let (style, number, rest) = style_of(text)?;
    let consumed = text.len().saturating_sub(rest.len());
    let written = text.get(..consumed).unwrap_or("").trim_end().to_owned();
    let (rest, priority) = take_priority(rest.trim());
    Some(Numbered { style, written, number, rest, priority })
}

fn style_of(text: &str) -> Option<(Style, String, &str)> {
    for (label, kind) in [
        ("基本目標", GoalKind::Basic),
        ("横断的な目標", GoalKind::CrossCutting),
        ("横断的目標", GoalKind::CrossCutting),
    ] {
        if let Some(after) = text.strip_prefix(label) {
            return match numeral(skip_spaces(after)) {
                Some((n, rest)) => {
                    let rest = if rest.is_empty() { rest } else { after_number(rest)? };
                    Some((Style::Goal(kind), n.to_string(), rest))
                }
                None if after.is_empty() => Some((Style::Goal(kind), String::new(), after)),
                None => after_number(after).map(|rest| (Style::Goal(kind), String::new(), rest)),
            };
        }
    }
    // 「主要施策 ３」 (an evaluation sheet), 「施策1:」 (a table of contents).
    for label in ["主要施策", "施策"] {
        if let Some((n, rest)) = text.strip_prefix(label).and_then(|after| numeral(skip_spaces(after))) {
            let rest = if rest.is_empty() { rest } else { after_number(rest)? };
            return Some((Style::MainMeasure, n.to_string(), rest));
        }
    }
    if let Some(after) = text.strip_prefix('第') {
        let (n, rest) = numeral(skip_spaces(after))?;
        let rest = match skip_spaces(rest).strip_prefix('章') {
            Some(after_chapter) => after_chapter.trim_start_matches(DELIMITERS),
            None if rest.is_empty() => rest,
            // 第2期, 第3回: an ordinal in a sentence, not a chapter.
            None if skip_spaces(rest).starts_with(ORDINAL_COUNTERS) => return None,
            None => after_number(rest)?,
        };
        return Some((Style::Chapter, n.to_string(), rest));
    }
    let first = text.chars().next()?;
    let after_first = text.get(first.len_utf8()..).unwrap_or("");
    if let Some(n) = circled(first) {
        return Some((Style::Circled, n.to_string(), after_first.trim_start_matches(DELIMITERS)));
    }
    if BULLETS.contains(&first) {
        let mark = if first == '･' { '・' } else { first };
        return Some((Style::Bullet(mark), String::new(), after_first.trim_start()));
    }
    if first == '(' || first == '（' {
        return in_parens(after_first);
    }
    if let Some((n, rest)) = digits(text, 2) {
        return after_digits(n, rest);
    }
    kana(first, after_first)
}

fn close(s: &str) -> Option<&str> {
    s.strip_prefix(')').or_else(|| s.strip_prefix('）')).map(str::trim_start)
}

fn in_parens(inner: &str) -> Option<(Style, String, &str)> {
    if let Some((n, rest)) = digits(inner, 2) {
        return Some((Style::DigitParen, n.to_string(), close(rest)?));
    }
    let k = inner.chars().next().filter(|k| KANA.contains(*k))?;
    let rest = close(inner.get(k.len_utf8()..).unwrap_or(""))?;
    Some((Style::KanaParen, k.to_string(), rest))
}

fn after_digits(n: u32, rest: &str) -> Option<(Style, String, &str)> {
    let next = rest.chars().next();
    match next {
        None => Some((Style::Digit, n.to_string(), rest)),
        Some(')' | '）') => Some((Style::DigitHalfParen, n.to_string(), rest.get(next?.len_utf8()..)?.trim_start())),
        Some('-' | '－' | '−' | '‐' | 'ー') => {
            let (m, rest) = digits(rest.get(next?.len_utf8()..)?, 3)?;
            let rest = if rest.is_empty() { rest } else { after_number(rest)? };
            Some((Style::Hyphenated, format!("{n}-{m}"), rest))
        }
        Some('.' | '．' | '、' | '，') => {
            let rest = rest.get(next?.len_utf8()..)?;
            if rest.chars().next().is_some_and(|c| narrow(c).is_ascii_digit()) {
                return None; // 1.5倍
            }
            Some((Style::DigitDot, n.to_string(), rest.trim_start()))
        }
        Some(c) if c.is_whitespace() => {
            let rest = rest.trim_start();
            if is_quantity(rest) {
                return None; // "5 年間", "1 000"
            }
            Some((Style::Digit, n.to_string(), rest))
        }
        Some(_) => None,
    }
}

fn kana(first: char, after: &str) -> Option<(Style, String, &str)> {
    if !KANA.contains(first) {
        return None;
    }
    let next = after.chars().next()?;
    match next {
        ')' | '）' => Some((Style::KanaParen, first.to_string(), after.get(next.len_utf8()..)?.trim_start())),
        '.' | '．' | '、' => Some((Style::Kana, first.to_string(), after.get(next.len_utf8()..)?.trim_start())),
        c if c.is_whitespace() => Some((Style::Kana, first.to_string(), after.trim_start())),
        _ => None,
    }
}
