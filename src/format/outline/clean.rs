//! What a pasted line carries that is not the strategy's text: the marks of a PDF converted to
//! Markdown (`## `, `**…**`, a leading `- `), page numbers (`- 3 -`, `３`), table-of-contents
//! lines (`第1章 基本目標 ……… 3`), and how the lines a PDF broke are joined again. Pure text
//! functions; which lines are dropped is decided in `mod.rs`.

/// A line without its Markdown marks, and whether it began with a list dash (`- `, `* `).
pub fn strip_decoration(line: &str) -> (String, bool) {
    let mut s = line.trim();
    let hashes = s.trim_start_matches('#');
    if hashes.len() < s.len() && hashes.starts_with(char::is_whitespace) {
        s = hashes.trim_start();
    }
    if let Some(rest) = s.strip_prefix("> ") {
        s = rest.trim_start();
    }
    let mut dash = false;
    for mark in ["- ", "* ", "+ "] {
        if let Some(rest) = s.strip_prefix(mark) {
            s = rest.trim_start();
            dash = true;
            break;
        }
    }
    let mut s = s.to_owned();
    loop {
        let before = s.len();
        for mark in ["**", "__"] {
            if let Some(rest) = s.strip_prefix(mark) {
                s = rest.to_owned();
            }
            if let Some(rest) = s.strip_suffix(mark) {
                s = rest.to_owned();
            }
        }
        s = s.trim().trim_end_matches('\\').trim().to_owned();
        if s.len() == before {
            break;
        }
    }
    (s, dash)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '–' | '—' | '―' | '‐' | '‒' | '−' | 'ー')
}

fn is_digit(c: char) -> bool {
    crate::model::narrow(c).is_ascii_digit()
}

/// `- 3 -`, `－３－`, `3`, `P.3`, `3 / 12`, `3ページ`.
pub fn is_page_number(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_matches(is_dash);
    let s = s.strip_prefix("P.").or_else(|| s.strip_prefix("p.")).or_else(|| s.strip_prefix("Ｐ．")).unwrap_or(s);
    let s = s.strip_suffix("ページ").or_else(|| s.strip_suffix("頁")).unwrap_or(s);
    let (page, of) = s.split_once(['/', '／']).map_or((s, None), |(a, b)| (a, Some(b)));
    let number = |t: &str| (1..=4).contains(&t.chars().count()) && t.chars().all(is_digit);
    number(page) && of.is_none_or(number)
}

/// A table-of-contents line: leaders (`……`, `・・・`, `....`) and then a page number.
pub fn is_contents(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed == "目次" {
        return true;
    }
    let Some(last) = trimmed.chars().last() else { return false };
    if !is_digit(last) {
        return false;
    }
    ["…", "‥", "・・・", "...", "・･･", "･･･", "．．．", "――"].iter().any(|leader| trimmed.contains(leader))
}

/// A table-of-contents line's title: the line without its leaders and trailing page number
/// (`施策1:農林業の振興 ............ 6` → `施策1:農林業の振興`); `None` for any other line.
pub fn contents_title(line: &str) -> Option<String> {
    if !is_contents(line) || line.trim() == "目次" {
        return None;
    }
    let is_leader = |c: char| matches!(c, '…' | '‥' | '・' | '･' | '.' | '．' | '―' | '·') || c.is_whitespace();
    let title = line.trim_end().trim_end_matches(is_digit).trim_end_matches(is_leader).trim();
    (!title.is_empty()).then(|| title.to_owned())
}

fn ends_paragraph(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？' | '!' | '?' | '」' | '』' | '～' | '〜' | '）' | ')' | ':' | '：')
}

fn starts_paragraph(c: char) -> bool {
    matches!(c, '・' | '･' | '●' | '○' | '■' | '◆' | '※' | '【' | '〔' | '＜' | '<' | '「' | '-')
}

/// Takes out the spaces a PDF's conversion puts between ASCII and Japanese (`SDGs の理念`,
/// `令和 2 年度`); a space between two ASCII words stays.
pub fn tidy_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            if let (Some(b), Some(a)) = (before, after) {
                let japanese = |c: &char| !c.is_ascii() && !c.is_whitespace();
                if (b.is_ascii_alphanumeric() && japanese(a)) || (japanese(b) && a.is_ascii_alphanumeric()) {
                    continue;
                }
            }
        }
        out.push(*c);
    }
    out
}

/// Joins a pasted line to the text above it: a new paragraph after a sentence's end or before a
/// bullet, else the same sentence broken by the PDF — glued for Japanese, with a space between
/// two ASCII words.
pub fn join(text: &mut String, line: &str) {
    let line = tidy_spaces(line.trim());
    let line = line.as_str();
    if line.is_empty() {
        return;
    }
    let (Some(last), Some(first)) = (text.chars().last(), line.chars().next()) else {
        text.push_str(line);
        return;
    };
    if ends_paragraph(last) || starts_paragraph(first) {
        text.push('\n');
    } else if last.is_ascii_graphic() && first.is_ascii_graphic() {
        text.push(' ');
    }
    text.push_str(line);
}

/// A title's ～subtitle～ at its end: `("title", "subtitle")`.
pub fn split_subtitle(title: &str) -> (String, String) {
    let marks: &[char] = &['～', '〜'];
    let t = title.trim();
    if let Some(inner) = t.strip_suffix(marks) {
        if let Some(at) = inner.rfind(marks) {
            let head = inner.get(..at).unwrap_or("").trim();
            let sub = inner.get(at..).unwrap_or("").trim_start_matches(marks).trim();
            if !sub.is_empty() {
                return (head.to_owned(), sub.to_owned());
            }
        }
    }
    (t.to_owned(), String::new())
}

/// A whole line that is a ～subtitle～: its words.
pub fn subtitle_line(line: &str) -> Option<String> {
    let (head, sub) = split_subtitle(line);
    (head.is_empty() && !sub.is_empty()).then_some(sub)
}
