//! 「意見と市の考え方」 as CSV, in the shape towns publish it: 番号, 該当箇所, 意見（要旨）, 対応,
//! 市の考え方. Opinions gathered into one answer are one row (their numbers, places and texts
//! together). Senders' names are never written. UTF-8 with BOM, text cells neutralised
//! (`csv::cells`).

use crate::format::csv::cells::{text, Sheet};
use crate::model::{Id, Opinion, OpinionAbout, Strategy};

const HEADER: [&str; 5] = ["番号", "該当箇所", "意見（要旨）", "対応", "市の考え方"];

/// The item an opinion is about, as 該当箇所 says it: the item's number and name when it is in the
/// strategy, else 該当箇所 as written, else 「全体」.
pub fn place_cell(s: &Strategy, o: &Opinion) -> String {
    let item = match &o.about {
        OpinionAbout::Whole => None,
        OpinionAbout::Goal(id) => {
            s.goals.iter().find(|g| &g.id == id).map(|g| format!("{}{} {}", g.kind.japanese(), g.number, g.title))
        }
        OpinionAbout::Measure(id) => {
            s.measures().find(|(_, m)| &m.id == id).map(|(_, m)| format!("施策{} {}", m.number, m.title))
        }
        OpinionAbout::Indicator(id) => s.indicator(id).map(|i| format!("指標{} {}", i.code, i.name)),
        OpinionAbout::Section(id) => s.sections.iter().find(|x| &x.id == id).map(|x| x.heading.clone()),
    };
    match item {
        Some(item) => item.trim().to_owned(),
        None if !o.place.trim().is_empty() => o.place.trim().to_owned(),
        None => "全体".to_owned(),
    }
}

/// The opinions of a hearing (all hearings' when `None`, in the hearings' order), one row an
/// answer (`answers`).
pub fn answers_csv(s: &Strategy, hearing: Option<&Id>) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for row in super::answer_sheets(s, hearing).iter().flat_map(|h| &h.rows) {
        sheet.row([
            text(&row.number),
            text(&row.place),
            text(&row.opinion_text()),
            text(&row.response_lines().join("\n")),
            text(&row.answer),
        ]);
    }
    sheet.finish()
}
