//! The public page 「意見と市の考え方」 (`opinions.html`), written when the strategy has opinions:
//! for each hearing, its 意見募集期間, 提出者数 and 意見件数, then the table 番号 | 該当箇所 | 意見の
//! 要旨 | 対応 | 市の考え方 (`format::opinions::answer_sheets`, made from the public copy, which
//! holds no sender).

use super::page::{frame, Depth, Site};
use crate::format::opinions::answer_sheets;
use maud::html;

/// The page's path in the folder.
pub const PATH: &str = "opinions.html";

/// The page, `None` when no hearing has an opinion.
pub fn page(cx: &Site) -> Option<String> {
    let sheets = answer_sheets(cx.s, None);
    if sheets.is_empty() {
        return None;
    }
    let main = html! {
        h1 { "意見と市の考え方" }
        p { "計画の案についてお寄せいただいた意見と、それに対する市の考え方です。同じ趣旨の意見はまとめてお答えしています。提出された方のお名前は掲載していません。" }
        @for (i, sheet) in sheets.iter().enumerate() {
            section aria-labelledby={ "h-" (i) } {
                h2 id={ "h-" (i) } { (sheet.heading()) }
                ul.facts-list { @for line in sheet.figures() { li { (line) } } }
                div.table-wrap {
                    table.opinions.cards {
                        caption { (sheet.heading()) "の意見と市の考え方" }
                        thead { tr {
                            th scope="col" { "番号" } th scope="col" { "該当箇所" } th scope="col" { "意見の要旨" }
                            th scope="col" { "対応" } th scope="col" { "市の考え方" }
                        } }
                        tbody { @for r in &sheet.rows { tr {
                            th scope="row" data-label="番号" { (r.number) }
                            td data-label="該当箇所" { (r.place) }
                            td data-label="意見の要旨" { @for o in &r.opinions { p { (o) } } }
                            td data-label="対応" { @for line in r.response_lines() { p { (line) } } }
                            td data-label="市の考え方" { @for line in r.answer.lines().filter(|l| !l.trim().is_empty()) { p { (line) } } }
                        } } }
                    }
                }
            }
        }
    };
    Some(frame(cx, Depth::Top, "意見と市の考え方", &[("進捗状況", "index.html".into())], main))
}
