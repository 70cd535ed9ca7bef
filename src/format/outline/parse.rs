//! [`parse_outline`]: the pasted text, line by line, into an [`Outline`] — decorations and noise
//! out (`clean`), sheet rows found (`sheet`), each line classified (`numbering`), the text lines
//! joined under their item, then the levels (`levels`).

use super::clean::{
    contents_title, is_contents, is_page_number, join, split_subtitle, strip_decoration, subtitle_line, tidy_spaces,
};
use super::numbering::{heading, is_section_title, recognise, take_priority, Introduces, Numbered, Style};
use super::sheet::{bring_titles_up, could_be_name, rows, split_amount, OutlineEntry, SheetRow};
use super::{levels, DropReason, Dropped, Level, Outline, OutlineLine};
use std::collections::{HashMap, HashSet};

enum Kind {
    Heading(Introduces),
    Item(Numbered),
    Text,
    PageTop,
}

struct Line {
    no: usize,
    text: String,
    kind: Kind,
}

impl OutlineEntry for Line {
    fn style(&self) -> Option<Style> {
        match &self.kind {
            Kind::Item(n) => Some(n.style),
            Kind::Heading(intro) => Some(Style::Heading(*intro)),
            Kind::Text | Kind::PageTop => None,
        }
    }

    fn is_page_top(&self) -> bool {
        matches!(self.kind, Kind::PageTop)
    }
}

/// A line repeated this often (a running header, `基本目標 ４ …` on every sheet) is not text.
const HEADER_REPEATS: usize = 3;
/// … if it is at least this long (shorter repeated lines are a table's labels: `単独事業`).
const HEADER_MIN_CHARS: usize = 6;
/// Evaluation sheets' rows are read only in a paste that names their amount columns.
const SHEET_WORDS: &[&str] = &["決算額", "予算額", "事業費"];
/// A paste is a table of contents (its lines read as the outline, not dropped) when at least
/// this many of its lines, and half of them, are contents lines (leaders, a page number).
const CONTENTS_LINES: usize = 2;

/// Reads a pasted outline. Never panics; an empty or unreadable paste gives an empty outline.
pub fn parse_outline(text: &str) -> Outline {
    let mut dropped = Vec::new();
    let pasted: Vec<(usize, &str, String, bool)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let raw = raw.trim();
            let (stripped, dash) = strip_decoration(raw);
            (!stripped.is_empty()).then_some((i + 1, raw, stripped, dash))
        })
        .collect();
    let contents = pasted.iter().filter(|(_, raw, _, _)| is_contents(raw)).count();
    let toc = contents >= CONTENTS_LINES && contents * 2 >= pasted.len();
    let texts: Vec<&str> = pasted.iter().map(|(_, _, s, _)| s.as_str()).collect();
    let sheet = SHEET_WORDS.iter().any(|w| text.contains(w));
    let row = if sheet {
        rows(&texts, |i| {
            texts.get(i).is_some_and(|s| could_be_name(s) && recognise(s).is_none() && heading(s).is_none())
        })
    } else {
        vec![SheetRow::None; texts.len()]
    };
    let mut kept: Vec<(usize, String, bool, SheetRow)> = Vec::new();
    for ((no, raw, stripped, dash), row) in pasted.into_iter().zip(row) {
        if let (SheetRow::Amount, Some((amount, words))) = (row, split_amount(raw)) {
            // The amount is left out; words run into it are the next cell's, kept as text.
            dropped.push(Dropped { line: no, text: amount.to_owned(), reason: DropReason::Amount, item: None });
            if !words.is_empty() {
                kept.push((no, words.to_owned(), false, SheetRow::None));
            }
            continue;
        }
        if let Some(title) = contents_title(&stripped).filter(|_| toc && row == SheetRow::None) {
            kept.push((no, title, dash, row));
            continue;
        }
        let reason = match row {
            SheetRow::Amount => Some(DropReason::Amount),
            SheetRow::Name => None,
            SheetRow::None if is_page_number(raw) => Some(DropReason::PageNumber),
            SheetRow::None if is_contents(raw) => Some(DropReason::Contents),
            SheetRow::None => None,
        };
        match reason {
            Some(reason) => dropped.push(Dropped { line: no, text: raw.to_owned(), reason, item: None }),
            None => kept.push((no, stripped, dash, row)),
        }
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut repeats: HashMap<String, usize> = HashMap::new();
    for (_, s, _, row) in &kept {
        if *row == SheetRow::None && heading(s).is_none() {
            *repeats.entry(squeeze(s)).or_default() += 1;
        }
    }
    let is_header = |s: &str| {
        let key = squeeze(s);
        key.chars().count() >= HEADER_MIN_CHARS
            && !key.ends_with('。')
            && repeats.get(&key).is_some_and(|n| *n >= HEADER_REPEATS)
    };
    let mut entries: Vec<Line> = Vec::with_capacity(kept.len());
    for (no, text, dash, row) in kept {
        let kind = if row == SheetRow::Name {
            let (rest, priority) = take_priority(&text);
            let n = Numbered { style: Style::SheetRow, written: String::new(), number: String::new(), rest, priority };
            Kind::Item(n)
        } else if is_header(&text) {
            dropped.push(Dropped { line: no, text: text.clone(), reason: DropReason::RunningHeader, item: None });
            Kind::PageTop
        } else if let Some(intro) = heading(&text) {
            Kind::Heading(intro)
        } else if let Some(n) = recognise(&text) {
            Kind::Item(n)
        } else if dash {
            let (rest, priority) = take_priority(&text);
            Kind::Item(Numbered {
                style: Style::Bullet('-'),
                written: "-".into(),
                number: String::new(),
                rest,
                priority,
            })
        } else {
            Kind::Text
        };
        entries.push(Line { no, text, kind });
    }
    let has_goals = entries.iter().any(|e| matches!(e.style(), Some(Style::Goal(_))));
    if has_goals {
        for e in &mut entries {
            if matches!(e.style(), Some(Style::Chapter)) {
                e.kind = Kind::Heading(Introduces::Section);
            }
        }
    }
    bring_titles_up(&mut entries);
    let mut lines = gather(entries, toc, &mut dropped);
    levels::assign(&mut lines);
    repeated_rows_are_text(&mut lines);
    crate::sorting::by_key(&mut dropped, |d| d.line);
    Outline { lines, dropped }
}

fn heading_line(line: usize, intro: Introduces, title: &str) -> OutlineLine {
    let (text, subtitle) = split_subtitle(&tidy_spaces(title));
    let (numbering, number, body) = (String::new(), String::new(), String::new());
    let style = Style::Heading(intro);
    OutlineLine { line, text, numbering, style, level: Level::Body, number, subtitle, priority: false, body }
}

fn new_line(line: usize, style: Style, numbering: String, number: String, title: &str, priority: bool) -> OutlineLine {
    let (text, subtitle) = split_subtitle(&tidy_spaces(title));
    OutlineLine { line, text, numbering, style, level: Level::Body, number, subtitle, priority, body: String::new() }
}

/// Items and headings as lines, each with the text lines under it. Under a 数値目標 heading,
/// bulleted lines and rows are the table's: text of the heading, up to the next numbered item.
/// In a table of contents (`toc`), a numbered line titled as the document's own section of a
/// goal is dropped, with what it would be in the tree (`Outline::take_back`).
fn gather(entries: Vec<Line>, toc: bool, dropped: &mut Vec<Dropped>) -> Vec<OutlineLine> {
    let sections = if toc { goal_sections(&entries) } else { HashSet::new() };
    let mut lines: Vec<OutlineLine> = Vec::new();
    let mut in_targets = false;
    for e in entries {
        match e.kind {
            Kind::PageTop => {}
            Kind::Heading(intro) => {
                lines.push(heading_line(e.no, intro, &e.text));
                in_targets = intro == Introduces::Targets;
            }
            Kind::Item(n) if sections.contains(&e.no) || (toc && is_section_title(&n.rest)) => {
                let item = new_line(e.no, n.style, n.written, n.number, &n.rest, n.priority);
                dropped.push(Dropped {
                    line: e.no,
                    text: e.text,
                    reason: DropReason::SectionHeading,
                    item: Some(item),
                });
            }
            Kind::Item(n) if !(in_targets && matches!(n.style, Style::Bullet(_) | Style::SheetRow)) => {
                in_targets = false;
                lines.push(new_line(e.no, n.style, n.written, n.number, &n.rest, n.priority));
            }
            Kind::Item(_) | Kind::Text => match lines.last_mut() {
                Some(last) => attach(last, &e.text),
                None => {
                    dropped.push(Dropped { line: e.no, text: e.text, reason: DropReason::BeforeFirstItem, item: None })
                }
            },
        }
    }
    lines
}

/// In a table of contents, the lines (by number) that are a goal's own document sections:
/// under a goal whose items are 施策N lines, every numbered line beside them that is not one —
/// a line before its first 施策N, or one after it in a style seen before it (`(1) 基本目標`,
/// `(2) 基本的方向`, `(3) 具体的な施策`, then `施策1`). A style first seen below a 施策N line
/// is that measure's own items.
fn goal_sections(entries: &[Line]) -> HashSet<usize> {
    let mut sections = HashSet::new();
    let mut block: Vec<&Line> = Vec::new();
    let mut flush = |block: &mut Vec<&Line>| {
        let styles = |l: &&Line| match &l.kind {
            Kind::Item(n) => Some(n.style),
            _ => None,
        };
        if let Some(first) = block.iter().position(|l| styles(l) == Some(Style::MainMeasure)) {
            let before: HashSet<Style> = block[..first].iter().filter_map(styles).collect();
            for (i, l) in block.iter().enumerate() {
                match styles(l) {
                    Some(Style::MainMeasure) | None => {}
                    Some(style) if i < first || before.contains(&style) => {
                        sections.insert(l.no);
                    }
                    Some(_) => {}
                }
            }
        }
        block.clear();
    };
    for e in entries {
        match &e.kind {
            Kind::Item(n) if matches!(n.style, Style::Goal(_)) => flush(&mut block),
            Kind::Heading(_) => flush(&mut block),
            Kind::Item(_) => block.push(e),
            Kind::Text | Kind::PageTop => {}
        }
    }
    flush(&mut block);
    sections
}

/// A text line under an item: its title when it had none, its ～subtitle～, or its body.
fn attach(item: &mut OutlineLine, text: &str) {
    if item.text.is_empty() && item.body.is_empty() && !matches!(item.style, Style::Heading(_)) {
        let (title, priority) = take_priority(text);
        let (title, subtitle) = split_subtitle(&tidy_spaces(&title));
        item.text = title;
        item.priority |= priority;
        if item.subtitle.is_empty() {
            item.subtitle = subtitle;
        }
    } else if let Some(sub) = subtitle_line(text).filter(|_| item.body.is_empty() && item.subtitle.is_empty()) {
        item.subtitle = sub;
    } else {
        join(&mut item.body, text);
    }
}

/// A project listed again on the same sheet (last year's result, then next year's plan) is the
/// same project: the repeat is text of the item above it.
fn repeated_rows_are_text(lines: &mut [OutlineLine]) {
    let mut names: HashSet<String> = HashSet::new();
    for line in lines.iter_mut() {
        match line.level {
            Level::Goal | Level::Measure if line.style != Style::SheetRow => names.clear(),
            _ => {}
        }
        if line.style == Style::SheetRow && !names.insert(line.text.clone()) {
            line.level = Level::Body;
        }
    }
}
