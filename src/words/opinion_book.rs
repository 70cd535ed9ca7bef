//! A hearing's workbook (意見記入用のブック) read back, in words: why it was refused (saying
//! where), a row not taken (with its cell), each opinion it adds or changes, the preview's
//! summary and what taking it in did (`session::opinion_book`).

use crate::format::opinions::book::{
    BadRow, BookProblem, Edited, Fields, Reading, Refused, COLUMNS, NUMBER, PLACE, RESPONSE, SENDER, SUMMARY, TEXT,
};
use crate::format::opinions::PastedOpinion;
use crate::locale::{tr, Language};
use crate::model::Strategy;

/// Why a workbook was refused whole; nothing of it is taken.
pub fn refused(r: &Refused, s: &Strategy, lang: Language) -> String {
    let ja = lang == Language::Ja;
    match r {
        Refused::Unreadable(e) => super::table::workbook_error(e, lang),
        Refused::SheetMissing(sheet) if ja => {
            format!("シート「{sheet}」がありません（名前が変えられたか、削除されました）。配った意見記入用のブックのまま返してください。")
        }
        Refused::SheetMissing(sheet) => {
            format!("The sheet 「{sheet}」 is missing (renamed or deleted). Please use the workbook as it was made.")
        }
        Refused::NotAnOpinionBook => tr(
            lang,
            "意見記入用のブックではありません（「情報」シートに戦略ID・意見聴取IDがありません）。",
            "Not a hearing's opinion workbook (its 「情報」 sheet holds no strategy and hearing ids).",
        )
        .to_owned(),
        Refused::OtherStrategy => {
            tr(lang, "別の戦略の意見記入用のブックです。", "An opinion workbook of another strategy.").to_owned()
        }
        Refused::OtherHearing(Some(id)) => {
            let name = s.hearing(id).map(|h| super::hearing::hearing_name(h, lang)).unwrap_or_default();
            match lang {
                Language::Ja => {
                    format!("別の意見聴取（{name}）のブックです。その意見聴取のところで読み込んでください。")
                }
                Language::En => format!("A workbook of another hearing ({name}). Please read it in at that hearing."),
            }
        }
        Refused::OtherHearing(None) => tr(
            lang,
            "この戦略にない意見聴取のブックです（削除された意見聴取か、IDが書き換えられました）。",
            "A workbook of a hearing this strategy does not have (deleted, or its id was changed).",
        )
        .to_owned(),
        Refused::ColumnMoved { cell, expected, found } if ja => {
            format!("{cell} の見出しが「{expected}」ではなく「{found}」です（列が移動・追加・削除されました）。")
        }
        Refused::ColumnMoved { cell, expected, found } => {
            format!("The header at {cell} is 「{found}」, not 「{expected}」 (a column was moved, added or deleted).")
        }
    }
}

/// A row not taken, with its cell.
pub fn bad(b: &BadRow, lang: Language) -> String {
    let cell = &b.cell;
    match (&b.problem, lang) {
        (BookProblem::NoText, Language::Ja) => format!("{cell}: 意見が空です（この行は取り込みません）。"),
        (BookProblem::NoText, Language::En) => format!("{cell}: the opinion is empty (the row is not taken)."),
        (BookProblem::UnknownResponse(t), Language::Ja) => {
            format!("{cell}: 対応「{t}」が読めません（修正する・原案のとおり・参考とする・その他）。この行は取り込みません。")
        }
        (BookProblem::UnknownResponse(t), Language::En) => format!(
            "{cell}: the response 「{t}」 is not one of 修正する, 原案のとおり, 参考とする, その他. The row is not taken."
        ),
        (BookProblem::UnknownId(id), Language::Ja) => {
            format!("{cell}: ID「{id}」の意見がありません（削除されたか、IDが書き換えられました）。この行は取り込みません。")
        }
        (BookProblem::UnknownId(id), Language::En) => {
            format!("{cell}: there is no opinion 「{id}」 (deleted, or the id was changed). The row is not taken.")
        }
        (BookProblem::OtherHearing(id), Language::Ja) => {
            format!("{cell}: ID「{id}」は別の意見聴取の意見です。この行は取り込みません。")
        }
        (BookProblem::OtherHearing(id), Language::En) => {
            format!("{cell}: 「{id}」 is an opinion of another hearing. The row is not taken.")
        }
        (BookProblem::Duplicate(id), Language::Ja) => format!("{cell}: ID「{id}」の行が2つあります。2つ目の行は取り込みません。"),
        (BookProblem::Duplicate(id), Language::En) => {
            format!("{cell}: the opinion 「{id}」 has two rows. The second is not taken.")
        }
        (BookProblem::AlreadyRecorded, Language::Ja) => {
            format!("{cell}: この意見は記録済みです（番号・意見・提出者が同じ。ブックを2回読み込んだときなど）。この行は取り込みません。")
        }
        (BookProblem::AlreadyRecorded, Language::En) => format!(
            "{cell}: this opinion is already recorded (the same number, text and sender: the workbook read in twice?). The row is not taken."
        ),
    }
}

/// An opinion the workbook adds: 「6行目: 3 保育所を増やしてほしい。（施策1-1）」.
pub fn added(a: &PastedOpinion, lang: Language) -> String {
    let place = match (a.place.trim(), lang) {
        ("", _) => String::new(),
        (p, Language::Ja) => format!("（{p}）"),
        (p, Language::En) => format!(" ({p})"),
    };
    let number = if a.number.is_empty() { String::new() } else { format!("{} ", a.number) };
    match lang {
        Language::Ja => format!("{}行目: {number}{}{place}", a.row, a.text),
        Language::En => format!("row {}: {number}{}{place}", a.row, a.text),
    }
}

/// An opinion the workbook changes, column by column: 「3行目（番号 1）: 対応 （未回答） → 修正する」.
pub fn edited(e: &Edited, lang: Language) -> String {
    let value = |f: &Fields, c: usize| -> String {
        let t = match c {
            NUMBER => f.number.clone(),
            TEXT => f.text.clone(),
            SUMMARY => f.summary.clone(),
            PLACE => f.place.clone(),
            SENDER => f.sender.clone(),
            RESPONSE => f.response.map(|r| tr(lang, r.japanese(), r.english()).to_owned()).unwrap_or_default(),
            _ => f.answer.clone(),
        };
        if t.is_empty() {
            tr(lang, "（空欄）", "(empty)").to_owned()
        } else {
            t
        }
    };
    let parts: Vec<String> = e
        .columns()
        .into_iter()
        .map(|c| format!("{} {} → {}", COLUMNS[c], value(&e.before, c), value(&e.after, c)))
        .collect();
    let number = e.before.number.trim();
    match (lang, number) {
        (Language::Ja, "") => format!("{}行目: {}", e.row, parts.join("、")),
        (Language::Ja, n) => format!("{}行目（番号 {n}）: {}", e.row, parts.join("、")),
        (Language::En, "") => format!("row {}: {}", e.row, parts.join("; ")),
        (Language::En, n) => format!("row {} (no. {n}): {}", e.row, parts.join("; ")),
    }
}

/// The preview's summary.
pub fn summary(r: &Reading, lang: Language) -> String {
    let (a, e, b, u) = (r.added.len(), r.edited.len(), r.bad.len(), r.unchanged);
    match lang {
        Language::Ja => {
            let mut out = format!(
                "新しい意見 {a} 件を加え、記録済みの意見 {e} 件の回答・内容を変えます（変わらない意見 {u} 件）。"
            );
            if b > 0 {
                out.push_str(&format!("取り込めない行が {b} 行あります（ほかの行は取り込みます）。"));
            }
            out
        }
        Language::En => {
            let mut out = format!("Adds {a} new opinions and changes {e} recorded ones ({u} unchanged).");
            if b > 0 {
                out.push_str(&format!(" {b} rows cannot be taken (the other rows are)."));
            }
            out
        }
    }
}

/// What taking the workbook in did.
pub fn taken(added: usize, edited: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("意見 {added} 件を加え、{edited} 件を変えました（元に戻すで取り消せます）。"),
        Language::En => format!("{added} opinions added and {edited} changed (Undo takes them back out)."),
    }
}

/// The reader's part did not load.
pub fn unread(lang: Language) -> &'static str {
    tr(
        lang,
        "ブックを読み込めませんでした。戦略は変わっていません。",
        "The workbook could not be read. The strategy is unchanged.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::opinions::book::Edited;
    use crate::model::{Id, Response};

    #[test]
    fn a_workbooks_rows_in_words_with_their_places() {
        let bad = BadRow { cell: "意見!G8".into(), problem: BookProblem::UnknownResponse("検討中".into()) };
        assert_eq!(
            super::bad(&bad, Language::Ja),
            "意見!G8: 対応「検討中」が読めません（修正する・原案のとおり・参考とする・その他）。この行は取り込みません。"
        );
        let before = Fields { number: "1".into(), text: "子育て".into(), ..Fields::default() };
        let after = Fields { response: Some(Response::Revise), answer: "追記します".into(), ..before.clone() };
        let e = Edited { row: 4, id: Id::from("o"), before, after };
        assert_eq!(
            edited(&e, Language::Ja),
            "4行目（番号 1）: 対応 （空欄） → 修正する、市の考え方 （空欄） → 追記します"
        );
        assert_eq!(edited(&e, Language::En), "row 4 (no. 1): 対応 (empty) → Revise; 市の考え方 (empty) → 追記します");
        let r = Reading { unchanged: 2, ..Reading::default() };
        assert_eq!(
            summary(&r, Language::Ja),
            "新しい意見 0 件を加え、記録済みの意見 0 件の回答・内容を変えます（変わらない意見 2 件）。"
        );
        assert_eq!(taken(2, 1, Language::En), "2 opinions added and 1 changed (Undo takes them back out).");
    }
}
