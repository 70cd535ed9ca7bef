//! Cells pasted out of Excel, LibreOffice or Google Sheets: the clipboard's `text/html` (its
//! first `<table>`, with `colspan`/`rowspan` as merged ranges) or its `text/plain` (tab-separated,
//! Excel's quoting), read into a [`Grid`]. A cell is the text it showed (`Cell::Text`); the cell
//! reader decides what 「12.3%」 or 「1,234」 means. Only where Excel's HTML also gives the value
//! (`x:num`) and it is the shown text's number is a cell a `Number` or `Percent`.
//!
//! The HTML is read by a small tokenizer made for this narrow job (tags, attributes, entities,
//! comments, `<style>` skipped), not a browser's parser: what it does not know it reads as text.

use super::grid::{Cell, Grid, MergedRange};
use super::sheet::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// The first table of the clipboard's HTML, or `None` when it has none (or no cell). Cells past
/// `MAX_ROWS`, `MAX_COLUMNS` or `MAX_CELLS` are left out (a paste that large is no KPI table).
pub fn from_html(html: &str) -> Option<Grid> {
    let mut table = TableReader::default();
    let mut depth = 0usize;
    let mut seen_table = false;
    for token in Tokens::new(html) {
        match token {
            Token::Start { name, .. } if name == "table" => {
                if depth == 0 && seen_table {
                    break;
                }
                seen_table = true;
                depth += 1;
                if depth > 1 {
                    table.text("\n");
                }
            }
            Token::End { name } if name == "table" && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ if depth == 0 => {}
            Token::Start { name, .. } if depth == 1 && name == "tr" => table.start_row(),
            Token::End { name } if depth == 1 && name == "tr" => table.end_row(),
            Token::Start { name, attrs } if depth == 1 && (name == "td" || name == "th") => table.start_cell(&attrs),
            Token::End { name } if depth == 1 && (name == "td" || name == "th") => table.end_cell(),
            Token::Start { name, .. } if name == "br" => table.text("\n"),
            Token::Start { name, .. } if matches!(name.as_str(), "p" | "div" | "tr") => table.line_break(),
            Token::Text(text) => table.text(&text),
            _ => {}
        }
    }
    table.finish()
}

/// Tab-separated text as Excel copies it: rows end in CRLF (or LF), the last one too; a cell
/// holding a line break, a tab or a quote is quoted with its quotes doubled. A field that only
/// starts with a quote (「"仮" の値」) is read as written. Every cell is `Text` or `Empty`.
pub fn from_tsv(text: &str) -> Grid {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (field, after) = match quoted_field(rest) {
            Some(quoted) => quoted,
            None => {
                let end = rest.find(['\t', '\n', '\r']).unwrap_or(rest.len());
                (rest.get(..end).unwrap_or_default().to_string(), rest.get(end..).unwrap_or_default())
            }
        };
        row.push(if field.is_empty() { Cell::Empty } else { Cell::Text(field) });
        rest = if let Some(next) = after.strip_prefix('\t') {
            if next.is_empty() {
                row.push(Cell::Empty);
            }
            next
        } else {
            let next = after.strip_prefix("\r\n").or_else(|| after.strip_prefix(['\n', '\r'])).unwrap_or(after);
            rows.push(std::mem::take(&mut row));
            next
        };
    }
    if !row.is_empty() {
        rows.push(row);
    }
    trim(&mut rows);
    Grid { name: String::new(), rows, merges: Vec::new() }
}

/// A field in quotes, its doubled quotes undone, and what follows its closing quote; `None` when
/// the text does not start with a quote or the quote is not closed before a tab or line end.
fn quoted_field(text: &str) -> Option<(String, &str)> {
    let mut rest = text.strip_prefix('"')?;
    let mut field = String::new();
    loop {
        let quote = rest.find('"')?;
        field.push_str(rest.get(..quote)?);
        let after = rest.get(quote + 1..)?;
        if let Some(more) = after.strip_prefix('"') {
            field.push('"');
            rest = more;
        } else if after.is_empty() || after.starts_with(['\t', '\n', '\r']) {
            return Some((field, after));
        } else {
            return None;
        }
    }
}

/// Trailing empty cells of each row, then trailing empty rows, dropped.
fn trim(rows: &mut Vec<Vec<Cell>>) {
    for row in rows.iter_mut() {
        while row.last().is_some_and(|c| *c == Cell::Empty) {
            row.pop();
        }
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
}

/// The table being read: its rows, the cell being read, and the rowspans still covering columns
/// of the rows below.
#[derive(Default)]
struct TableReader {
    rows: Vec<Vec<Cell>>,
    merges: Vec<MergedRange>,
    /// (first column, last column, last row) of each rowspan not yet passed.
    spans: Vec<(usize, usize, usize)>,
    row: Option<usize>,
    next_col: usize,
    cell: Option<OpenCell>,
    cells: usize,
    any_cell: bool,
}

struct OpenCell {
    text: String,
    /// Excel's `x:num`: the cell's value as a number.
    number: Option<f64>,
    row: usize,
    col: usize,
}

impl TableReader {
    fn start_row(&mut self) {
        self.end_row();
        let row = self.rows.len();
        self.rows.push(Vec::new());
        self.row = Some(row);
        self.next_col = 0;
        self.spans.retain(|&(_, _, last_row)| last_row >= row);
    }

    fn end_row(&mut self) {
        self.end_cell();
        self.row = None;
    }

    fn start_cell(&mut self, attrs: &[(String, String)]) {
        self.end_cell();
        let row = match self.row {
            Some(row) => row,
            None => {
                self.start_row();
                self.rows.len().saturating_sub(1)
            }
        };
        let attr = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim());
        let span = |name: &str, max: usize| attr(name).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, max);
        let colspan = span("colspan", MAX_COLUMNS);
        let rowspan = span("rowspan", MAX_ROWS);
        let mut col = self.next_col;
        while let Some(&(_, last, _)) =
            self.spans.iter().find(|&&(first, last, last_row)| (first..=last).contains(&col) && last_row >= row)
        {
            col = last + 1;
        }
        let last_col = col.saturating_add(colspan - 1);
        let last_row = row.saturating_add(rowspan - 1);
        self.next_col = last_col.saturating_add(1);
        if rowspan > 1 {
            self.spans.push((col, last_col, last_row));
        }
        if colspan > 1 || rowspan > 1 {
            self.merges.push(MergedRange { first_row: row, first_col: col, last_row, last_col });
        }
        let number =
            attr("x:num").filter(|v| !v.is_empty()).and_then(|v| v.parse::<f64>().ok()).filter(|n| n.is_finite());
        self.cell = Some(OpenCell { text: String::new(), number, row, col });
    }

    fn end_cell(&mut self) {
        let Some(open) = self.cell.take() else { return };
        self.any_cell = true;
        let text = tidy(&open.text);
        let cell = cell_of(text, open.number);
        if cell == Cell::Empty || open.row >= MAX_ROWS || open.col >= MAX_COLUMNS {
            return;
        }
        let Some(cells) = self.rows.get_mut(open.row) else { return };
        if cells.len() <= open.col {
            let added = open.col + 1 - cells.len();
            if self.cells + added > MAX_CELLS {
                return;
            }
            self.cells += added;
            cells.resize(open.col + 1, Cell::Empty);
        }
        if let Some(slot) = cells.get_mut(open.col) {
            *slot = cell;
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(cell) = self.cell.as_mut() {
            cell.text.push_str(text);
        }
    }

    /// A `<p>` or `<div>` inside a cell starts a new line, unless it is the cell's first.
    fn line_break(&mut self) {
        if let Some(cell) = self.cell.as_mut() {
            if !cell.text.trim().is_empty() {
                cell.text.push('\n');
            }
        }
    }

    fn finish(mut self) -> Option<Grid> {
        self.end_row();
        if !self.any_cell {
            return None;
        }
        let mut rows = self.rows;
        trim(&mut rows);
        Some(Grid { name: String::new(), rows, merges: self.merges })
    }
}

/// A cell's text as shown: HTML's runs of spaces and line ends made one space, the line breaks of
/// `<br>` kept, each line trimmed.
fn tidy(raw: &str) -> String {
    raw.split('\n')
        .map(|line| line.split([' ', '\t', '\r', '\u{c}']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_string()
}

/// The shown text, or the number of Excel's `x:num` when the text shows that very number
/// (「1,234」 for 1234, 「12.3%」 for 0.123); a date shows another (「2024/4/1」 for 45383).
fn cell_of(text: String, number: Option<f64>) -> Cell {
    if text.is_empty() {
        return Cell::Empty;
    }
    let Some(value) = number else { return Cell::Text(text) };
    let (digits, percent) = match text.strip_suffix('%') {
        Some(d) => (d, true),
        None => (text.as_str(), false),
    };
    let digits: String = digits.chars().filter(|&c| c != ',').collect();
    let Ok(shown) = digits.parse::<f64>() else { return Cell::Text(text) };
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()).min(15) as i32;
    let value_shown = if percent { value * 100.0 } else { value };
    if (value_shown - shown).abs() > 0.5 * 10f64.powi(-decimals) + 1e-9 {
        return Cell::Text(text);
    }
    if percent {
        let rounded = (value_shown * 1e9).round() / 1e9;
        Cell::Percent { shown: if rounded.is_finite() { rounded } else { value_shown } }
    } else {
        Cell::Number(value)
    }
}

/// One piece of HTML.
#[derive(Debug, PartialEq)]
enum Token {
    /// A start tag, its name and attribute names lowercased, values with entities decoded.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    /// Text, entities decoded.
    Text(String),
}

/// The tokens of an HTML text, with comments, doctypes and the contents of `<style>`, `<script>`
/// and `<title>` left out.
struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Tokens { rest: html }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(lt) = self.rest.find('<') else {
                let text = std::mem::take(&mut self.rest);
                return Some(Token::Text(decode_entities(text)));
            };
            if lt > 0 {
                let text = self.rest.get(..lt).unwrap_or_default();
                self.rest = self.rest.get(lt..).unwrap_or_default();
                return Some(Token::Text(decode_entities(text)));
            }
            let after = self.rest.get(1..).unwrap_or_default();
            if let Some(comment) = after.strip_prefix("!--") {
                self.rest = comment.find("-->").and_then(|end| comment.get(end + 3..)).unwrap_or_default();
                continue;
            }
            if after.starts_with(['!', '?']) {
                self.rest = after.find('>').and_then(|end| after.get(end + 1..)).unwrap_or_default();
                continue;
            }
            let (closing, tag) = match after.strip_prefix('/') {
                Some(tag) => (true, tag),
                None => (false, after),
            };
            if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
                self.rest = after;
                return Some(Token::Text("<".to_string()));
            }
            let name_end = tag.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(tag.len());
            let name = tag.get(..name_end).unwrap_or_default().to_ascii_lowercase();
            let (attrs, rest) = attributes(tag.get(name_end..).unwrap_or_default());
            self.rest = rest;
            if closing {
                return Some(Token::End { name });
            }
            if matches!(name.as_str(), "style" | "script" | "title") {
                self.rest = skip_raw_text(self.rest, &name);
            }
            return Some(Token::Start { name, attrs });
        }
    }
}

/// The rest of the document after the closing tag of a raw-text element (`</style>`).
fn skip_raw_text<'a>(rest: &'a str, name: &str) -> &'a str {
    let closing = format!("</{name}");
    let lower = rest.to_ascii_lowercase();
    match lower.find(&closing) {
        Some(at) => {
            let after = rest.get(at..).unwrap_or_default();
            after.find('>').and_then(|end| after.get(end + 1..)).unwrap_or_default()
        }
        None => "",
    }
}

/// A tag's attributes (`colspan=2`, `x:num="0.123"`, `style='…'`, `nowrap`), up to its `>`, and
/// the text after it.
fn attributes(mut rest: &str) -> (Vec<(String, String)>, &str) {
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return (attrs, rest);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (attrs, after);
        }
        let name_end =
            rest.find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/')).unwrap_or(rest.len()).max(1);
        let name = rest.get(..name_end).unwrap_or_default().to_ascii_lowercase();
        rest = rest.get(name_end..).unwrap_or_default().trim_start_matches(|c: char| c.is_ascii_whitespace());
        let value = match rest.strip_prefix('=') {
            None => String::new(),
            Some(after) => {
                let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
                let (raw, next) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let inner = after.get(1..).unwrap_or_default();
                        match inner.find(q) {
                            Some(end) => {
                                (inner.get(..end).unwrap_or_default(), inner.get(end + 1..).unwrap_or_default())
                            }
                            None => (inner, ""),
                        }
                    }
                    _ => {
                        let end = after.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(after.len());
                        (after.get(..end).unwrap_or_default(), after.get(end..).unwrap_or_default())
                    }
                };
                rest = next;
                decode_entities(raw)
            }
        };
        attrs.push((name, value));
    }
}

/// `&amp;`, `&nbsp;` (as a space), `&#12345;`, `&#x3042;` and a few more decoded; an entity it
/// does not know is kept as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = after.get(..end)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "yen" => '¥',
                _ => {
                    let code = match name.strip_prefix(['#']) {
                        Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(hex.get(1..)?, 16).ok()?,
                        Some(dec) => dec.parse::<u32>().ok()?,
                        None => return None,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
