//! The 新旧対照表 ([`crate::model::compare`]) as the town hands it out: CSV for Excel (UTF-8
//! with BOM, text neutralised against formulas; columns 箇所, 改正後, 改正前, 備考, the changed
//! words between 【】 since a cell has no underline) and an A4 print page whose changed words are
//! underlined and bold, so they still show on a black-and-white copy.
//!
//! A new item's text is wholly marked, and its 改正前 says 「（新設）」; a removed item's 改正後
//! says 「（削除）」. A target's year is in full-width brackets, as a baseline's is
//! (「20件（令和11年度）」 beside 「12件（令和7年度）」). A row changed by a 修正 names the opinions behind it in its 備考
//! (`model::hearing::reflection::mark` fills them in).

use super::csv::cells::{text as cell, Sheet};
use crate::locale::{self, Language, YearStyle};
use crate::model::compare::{
    text, ChangedField, ComparedValue, Comparison, Note, OldNewRow, Piece, PlaceKind, PlaceStep,
};
use crate::model::hearing::reflection;

const HEADER: [&str; 4] = ["箇所", "改正後", "改正前", "備考"];

/// A row in words: its place and field, each column's pieces, and the 備考.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub place: String,
    pub new: Vec<Piece>,
    pub old: Vec<Piece>,
    /// 追加・変更・削除・新設, and the opinions behind the change (「変更（意見 No.3 による修正）」).
    pub note: String,
}

/// 「基本目標 2 ＞ 施策 2-1 ＞ KPI 出生数」: numbers where there are, else titles.
pub fn place(steps: &[PlaceStep]) -> String {
    let step = |s: &PlaceStep| {
        let named = |word: &str| match s.number.trim() {
            "" => format!("{word}「{}」", s.title.trim()),
            n => format!("{word} {n}"),
        };
        match s.kind {
            PlaceKind::Strategy => "戦略".to_owned(),
            PlaceKind::Section => format!("「{}」", s.title.trim()),
            PlaceKind::Goal(k) => named(k.japanese()),
            PlaceKind::Measure => named("施策"),
            PlaceKind::Initiative => named("事業"),
            PlaceKind::Indicator => format!("指標「{}」", s.title.trim()),
        }
    };
    let out: Vec<String> = steps.iter().map(step).collect();
    if out.is_empty() {
        "戦略".to_owned()
    } else {
        out.join(" ＞ ")
    }
}

pub fn field(f: &ChangedField) -> String {
    let series = |word: &str, label: &str| match label.trim() {
        "" => word.to_owned(),
        l => format!("{word}（{l}）"),
    };
    match f {
        ChangedField::Title => "名称".into(),
        ChangedField::Number => "番号".into(),
        ChangedField::Subtitle => "副題".into(),
        ChangedField::Direction => "基本的方向".into(),
        ChangedField::Summary => "概要".into(),
        ChangedField::Description => "内容".into(),
        ChangedField::Heading => "見出し".into(),
        ChangedField::Body => "本文".into(),
        ChangedField::Name => "指標名".into(),
        ChangedField::Unit => "単位".into(),
        ChangedField::Baseline(l) => series("基準値", l),
        ChangedField::Target(l) => series("目標値", l),
        ChangedField::Place => "位置".into(),
    }
}

pub fn note(n: Note) -> &'static str {
    match n {
        Note::New => "新設",
        Note::Added => "追加",
        Note::Changed => "変更",
        Note::Moved => "変更（移動）",
        Note::Removed | Note::Cleared => "削除",
    }
}

/// A value in words (Japanese, as the document is).
pub fn value(v: &ComparedValue, style: YearStyle) -> String {
    match v {
        ComparedValue::Text(t) => t.trim().to_owned(),
        ComparedValue::Baseline { baseline, unit } => locale::baseline(baseline, unit, Language::Ja, style),
        ComparedValue::Target { target, unit, basis } => locale::target_printed(target, unit, *basis, style),
        ComparedValue::Place(steps) => place(steps),
    }
}

/// The row in words, its texts compared by characters.
pub fn line(r: &OldNewRow, style: YearStyle) -> Line {
    let new = r.new.as_ref().map(|v| value(v, style)).unwrap_or_default();
    let old = r.old.as_ref().map(|v| value(v, style)).unwrap_or_default();
    let whole = |t: String| if t.is_empty() { Vec::new() } else { vec![Piece::Changed(t)] };
    let (new, old) = match r.note {
        Note::New => (whole(new), vec![Piece::Same("（新設）".into())]),
        Note::Removed => (vec![Piece::Same("（削除）".into())], whole(old)),
        Note::Cleared => (Vec::new(), whole(old)),
        Note::Added => (whole(new), Vec::new()),
        _ => text::diff(&old, &new),
    };
    let note = match reflection::note_words(&r.opinions) {
        words if words.is_empty() => note(r.note).to_owned(),
        words => format!("{}（{words}）", note(r.note)),
    };
    Line { place: format!("{}：{}", place(&r.place), field(&r.field)), new, old, note }
}

/// Every row in words.
pub fn lines(t: &Comparison, style: YearStyle) -> Vec<Line> {
    t.rows.iter().map(|r| line(r, style)).collect()
}

/// The CSV: 箇所, 改正後, 改正前, 備考; changes between 【】.
pub fn csv(t: &Comparison, style: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for l in lines(t, style) {
        let new = text::plain(&l.new, "【", "】");
        let old = text::plain(&l.old, "【", "】");
        sheet.row([cell(&l.place), cell(&new), cell(&old), cell(&l.note)]);
    }
    sheet.finish()
}

/// The table as an HTML fragment: changed words as `<u><strong>`, every text escaped.
pub fn html_table(t: &Comparison, style: YearStyle) -> maud::Markup {
    let pieces = |ps: &[Piece]| {
        maud::html! {
            @for p in ps {
                @match p {
                    Piece::Same(s) => (s),
                    Piece::Changed(s) => u { strong { (s) } },
                    Piece::Omitted => "（略）",
                }
            }
        }
    };
    maud::html! {
        table.old-new {
            thead { tr { th scope="col" { "箇所" } th scope="col" { "改正後" } th scope="col" { "改正前" } th scope="col" { "備考" } } }
            tbody {
                @for l in lines(t, style) {
                    tr { th scope="row" { (l.place) } td { (pieces(&l.new)) } td { (pieces(&l.old)) } td { (l.note) } }
                }
            }
        }
    }
}

/// A page to print (A4 landscape): the title, the two versions' names and the table.
pub fn html_page(title: &str, new_name: &str, old_name: &str, t: &Comparison, style: YearStyle) -> String {
    const STYLE: &str = "@page{size:A4 landscape;margin:15mm}body{font-family:'BIZ UDPGothic','Yu Gothic',\
        'Noto Sans JP',sans-serif;font-size:10.5pt;color:#000}table{border-collapse:collapse;width:100%}\
        th,td{border:1px solid #000;padding:4px;vertical-align:top;text-align:left;white-space:pre-wrap}\
        thead{display:table-header-group}tr{break-inside:avoid}u{text-decoration-thickness:2px}\
        th[scope=row]{width:18%;font-weight:normal}td:last-child{width:8%}";
    maud::html! {
        (maud::DOCTYPE)
        html lang="ja" {
            head { meta charset="utf-8"; title { (title) "　新旧対照表" } style { (maud::PreEscaped(STYLE)) } }
            body {
                h1 { (title) "　新旧対照表" }
                p { "改正後：" (new_name) "　改正前：" (old_name) "　（変更箇所は下線・太字）" }
                (html_table(t, style))
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests;
