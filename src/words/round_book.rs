//! The sections' workbooks of the year's round in words: why a returned workbook was refused
//! (saying where), an answer that could not be read, a value typed into a locked column, and
//! each change of the preview as 「項目：旧 → 新」, the preview's summary and what taking the
//! workbooks in did (`session::round_books`).

use crate::format::round_book::{AnswerChange, AnswerField, AnswerValue, BadValue, BookRefusal, Ignored};
use crate::locale::{tr, Language};
use crate::model::round::Subject;
use crate::model::{Id, Strategy};

/// Why a workbook was refused whole.
pub fn refused(r: &BookRefusal, lang: Language) -> String {
    let ja = matches!(lang, Language::Ja);
    match r {
        BookRefusal::Unreadable(e) => super::table::workbook_error(e, lang),
        BookRefusal::TooLarge(bytes) if ja => format!("zip の中のブックが大きすぎます（{}）。", super::size(*bytes as u64)),
        BookRefusal::TooLarge(bytes) => format!("A workbook in the zip is too large ({}).", super::size(*bytes as u64)),
        BookRefusal::SheetMissing(sheet) if ja => format!("シート「{sheet}」がありません（名前が変えられたか、削除されました）。配った照会用のブックのまま返してください。"),
        BookRefusal::SheetMissing(sheet) => format!("The sheet 「{sheet}」 is missing (renamed or deleted). Please return the round's workbook as it was handed out."),
        BookRefusal::NotARoundBook => tr(lang, "照会用のブックではありません（「依頼」シートに戦略ID・照会IDがありません）。", "Not a round's workbook (its 「依頼」 sheet holds no strategy and round ids).").to_owned(),
        BookRefusal::OtherStrategy => tr(lang, "別の戦略の照会用のブックです。", "A round's workbook of another strategy.").to_owned(),
        BookRefusal::OtherRound(Some(y)) if ja => format!("別の照会（{}）のブックです。いまの照会のブックを使ってください。", y.japanese()),
        BookRefusal::OtherRound(Some(y)) => format!("A workbook of another round ({}). Please use this round's workbook.", y.japanese()),
        BookRefusal::OtherRound(None) => tr(lang, "別の照会のブックです。いまの照会のブックを使ってください。", "A workbook of another round. Please use this round's workbook.").to_owned(),
        BookRefusal::UnknownSection(id) if ja => format!("担当課（ID {id}）がこの戦略の担当課の一覧にありません。"),
        BookRefusal::UnknownSection(id) => format!("The section (id {id}) is not in this strategy's list of sections."),
        BookRefusal::ColumnMoved { cell, expected, found } if ja => {
            format!("{cell} の見出しが「{expected}」ではなく「{found}」です（列が移動・追加・削除されました）。")
        }
        BookRefusal::ColumnMoved { cell, expected, found } => {
            format!("The header at {cell} is 「{found}」, not 「{expected}」 (a column was moved, added or deleted).")
        }
        BookRefusal::RowsMissing { expected, found, missing } if ja => {
            format!("回答の行が {expected} 行のはずが {found} 行です（行が削除されました。ない行: {}）。", ids(missing))
        }
        BookRefusal::RowsMissing { expected, found, missing } => {
            format!("The answers have {found} rows, not {expected} (rows were deleted; missing: {}).", ids(missing))
        }
        BookRefusal::IdMissing { cell } if ja => format!("{cell} の ID が消されています。"),
        BookRefusal::IdMissing { cell } => format!("The id at {cell} was deleted."),
        BookRefusal::UnknownId { cell, id } if ja => format!("{cell} の ID「{id}」はこの照会の項目にありません（ID が書き換えられました）。"),
        BookRefusal::UnknownId { cell, id } => format!("The id 「{id}」 at {cell} is no item of this round (the id was changed)."),
        BookRefusal::OtherSection { cell, id } if ja => format!("{cell} の ID「{id}」は別の課の項目です。"),
        BookRefusal::OtherSection { cell, id } => format!("The id 「{id}」 at {cell} is another section's item."),
        BookRefusal::Duplicate { cell, id } if ja => format!("{cell} の ID「{id}」の行が2つあります。"),
        BookRefusal::Duplicate { cell, id } => format!("The id 「{id}」 at {cell} has two rows."),
        BookRefusal::SectionTwice(other) if ja => format!("同じ課のブックが「{other}」と2つあります。1つだけにしてください。"),
        BookRefusal::SectionTwice(other) => format!("The same section's workbook came twice (also 「{other}」). Please pick one."),
    }
}

fn ids(missing: &[(Id, AnswerField)]) -> String {
    missing.iter().map(|(id, f)| format!("{} {}", id.as_str(), f.key())).collect::<Vec<_>>().join("、")
}

/// An answer that could not be read, with its cell.
pub fn bad(cell: &str, problem: &BadValue, lang: Language) -> String {
    let ja = matches!(lang, Language::Ja);
    match problem {
        BadValue::NotANumber(t) if ja => format!("{cell}: 「{t}」は数値として読めません。"),
        BadValue::NotANumber(t) => format!("{cell}: 「{t}」 is not a number."),
        BadValue::NotWhole(t) if ja => format!("{cell}: 「{t}」: 金額は千円単位の整数で書いてください。"),
        BadValue::NotWhole(t) => format!("{cell}: 「{t}」: amounts are whole thousands of yen."),
        BadValue::NotARating(t, scale) if ja => {
            format!("{cell}: 「{t}」は評価の区分（{}）にありません。", scale.join("・"))
        }
        BadValue::NotARating(t, scale) => {
            format!("{cell}: 「{t}」 is not a rating of the scale ({}).", scale.join(", "))
        }
        BadValue::NotADirection(t) if ja => format!("{cell}: 「{t}」は方向性の選択肢にありません。"),
        BadValue::NotADirection(t) => format!("{cell}: 「{t}」 is not one of the directions."),
        BadValue::Unexpected(t) if ja => format!("{cell}: 「{t}」は読めない値です。"),
        BadValue::Unexpected(t) => format!("{cell}: 「{t}」 cannot be read here."),
    }
}

/// A value typed into a locked column, not taken.
pub fn ignored(i: &Ignored, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("{}（{}の列）:「{}」は企画課の列への記入のため、取り込みません。", i.cell, i.column, i.typed)
        }
        Language::En => format!(
            "{} ({} column): 「{}」 is in a planning section's column and is not taken.",
            i.cell, i.column, i.typed
        ),
    }
}

/// What a field is, as a change's line names it.
pub fn field(f: &AnswerField, s: &Strategy, subject: &Id, lang: Language) -> String {
    match f {
        AnswerField::Actual(series) => {
            let label = s
                .indicator(subject)
                .and_then(|i| i.series.iter().find(|x| &x.id == series))
                .map(|x| x.label.trim().to_owned())
                .unwrap_or_default();
            let word = tr(lang, "実績値", "actual");
            if label.is_empty() {
                word.to_owned()
            } else {
                format!("{word}（{label}）")
            }
        }
        AnswerField::Cause => tr(lang, "要因分析", "cause").to_owned(),
        AnswerField::Settled => tr(lang, "決算額", "settled cost").to_owned(),
        AnswerField::Result => tr(lang, "事業実績", "result").to_owned(),
        AnswerField::Budget => tr(lang, "翌年度の予算額", "next year's budget").to_owned(),
        AnswerField::Direction => tr(lang, "翌年度の方向性", "next year's direction").to_owned(),
        AnswerField::Rating => tr(lang, "一次評価", "first evaluation").to_owned(),
        AnswerField::Improvements => tr(lang, "改善点及び方向性", "improvements").to_owned(),
    }
}

/// The subject a change is about: 「KPI 1-1 観光入込客数」.
pub fn subject(s: &Strategy, id: &Id, lang: Language) -> String {
    let found = s
        .indicator(id)
        .map(Subject::Indicator)
        .or_else(|| s.initiative(id).map(Subject::Initiative))
        .or_else(|| s.measures().map(|(_, m)| m).find(|m| &m.id == id).map(Subject::Measure));
    found.map_or_else(|| id.as_str().to_owned(), |x| super::round::subject(x, lang))
}

/// A value as the preview shows it.
pub fn value(v: &AnswerValue, lang: Language) -> String {
    match v {
        AnswerValue::None => tr(lang, "（なし）", "(none)").to_owned(),
        AnswerValue::Number(n) => crate::locale::number(*n),
        AnswerValue::Text(t) => t.clone(),
    }
}

/// One change: 「KPI 1-1 観光入込客数 実績値：（なし） → 1,234」.
pub fn change(c: &AnswerChange, s: &Strategy, lang: Language) -> String {
    format!(
        "{} {}：{} → {}",
        subject(s, &c.subject, lang),
        field(&c.field, s, &c.subject, lang),
        value(&c.old, lang),
        value(&c.new, lang)
    )
}

/// Section names as a list: 「こども課、市民協働課」.
fn sections(names: &[String], lang: Language) -> String {
    names.join(tr(lang, "、", ", "))
}

/// The confirmed values a take would keep: 「（確認済の値 1 件は保ちます）」, nothing when none.
fn kept_note(kept: usize, lang: Language) -> String {
    match (lang, kept) {
        (_, 0) => String::new(),
        (Language::Ja, _) => format!("（確認済の値 {kept} 件は保ちます）"),
        (Language::En, _) => format!(" ({kept} confirmed values kept)"),
    }
}

/// The preview's summary, as the card's choice stands: 「3 件のブックから、1 件の値が変わります
/// （確認済の値 1 件は保ちます）。こども課、市民協働課の提出として記録します（ワークブックで受領）。
/// まだ保存していません。」 (`made`: the values taking in changes, `kept`: the confirmed ones it
/// keeps, `submitted`: the sections whose 提出 it records).
pub fn summary(books: usize, made: usize, kept: usize, submitted: &[String], lang: Language) -> String {
    let mut out = match lang {
        Language::Ja => format!("{books} 件のブックから、{made} 件の値が変わります{}。", kept_note(kept, lang)),
        Language::En => format!("{made} values change, from {books} workbooks{}.", kept_note(kept, lang)),
    };
    if !submitted.is_empty() {
        out += &match lang {
            Language::Ja => format!("{}の提出として記録します（ワークブックで受領）。", sections(submitted, lang)),
            Language::En => format!(" Recorded as submitted by {} (workbook received).", sections(submitted, lang)),
        };
    }
    out + tr(lang, "まだ保存していません。", " Nothing is stored yet.")
}

/// What taking the workbooks in did: 「1 件の値を取り込みました。確認済の値 1 件は保ちました
/// （元に戻すで取り消せます）。こども課の提出を記録しました（ワークブックで受領）。」
pub fn taken(made: usize, kept: usize, submitted: &[String], lang: Language) -> String {
    let mut out = match (lang, kept) {
        (Language::Ja, 0) => format!("{made} 件の値を取り込みました（元に戻すで取り消せます）。"),
        (Language::Ja, _) => {
            format!("{made} 件の値を取り込みました。確認済の値 {kept} 件は保ちました（元に戻すで取り消せます）。")
        }
        (Language::En, 0) => format!("{made} values taken in (Undo takes them back out)."),
        (Language::En, _) => {
            format!("{made} values taken in; {kept} confirmed values kept (Undo takes them back out).")
        }
    };
    if !submitted.is_empty() {
        out += &match lang {
            Language::Ja => format!("{}の提出を記録しました（ワークブックで受領）。", sections(submitted, lang)),
            Language::En => format!(" Submission recorded for {} (workbook received).", sections(submitted, lang)),
        };
    }
    out
}

/// The workbooks could not be opened at all.
pub fn unread(lang: Language) -> &'static str {
    tr(
        lang,
        "ブックを読み込めませんでした。戦略は変わっていません。",
        "The workbooks could not be read. The strategy is unchanged.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_says_where_in_japanese_and_english() {
        let moved = BookRefusal::ColumnMoved { cell: "回答!C1".into(), expected: "施策", found: "事業".into() };
        assert_eq!(
            refused(&moved, Language::Ja),
            "回答!C1 の見出しが「施策」ではなく「事業」です（列が移動・追加・削除されました）。"
        );
        assert!(refused(&moved, Language::En).starts_with("The header at 回答!C1 is 「事業」"));
        let bad = bad("回答!J5", &BadValue::NotARating("Z".into(), vec!["A".into(), "B".into()]), Language::Ja);
        assert_eq!(bad, "回答!J5: 「Z」は評価の区分（A・B）にありません。");
    }

    #[test]
    fn the_summary_and_the_outcome_name_the_sections_whose_submission_is_recorded() {
        let two = ["こども課".to_owned(), "市民協働課".to_owned()];
        assert_eq!(
            summary(3, 15, 0, &two, Language::Ja),
            "3 件のブックから、15 件の値が変わります。こども課、市民協働課の提出として記録します（ワークブックで受領）。まだ保存していません。"
        );
        assert_eq!(summary(1, 0, 0, &[], Language::En), "0 values change, from 1 workbooks. Nothing is stored yet.");
        assert_eq!(
            taken(15, 0, &two[..1], Language::Ja),
            "15 件の値を取り込みました（元に戻すで取り消せます）。こども課の提出を記録しました（ワークブックで受領）。"
        );
        assert_eq!(
            taken(2, 0, &two, Language::En),
            "2 values taken in (Undo takes them back out). Submission recorded for こども課, 市民協働課 (workbook received)."
        );
    }

    #[test]
    fn the_counts_say_what_changes_and_what_was_kept() {
        assert_eq!(
            summary(2, 2, 0, &[], Language::Ja),
            "2 件のブックから、2 件の値が変わります。まだ保存していません。"
        );
        assert_eq!(
            summary(1, 1, 1, &[], Language::Ja),
            "1 件のブックから、1 件の値が変わります（確認済の値 1 件は保ちます）。まだ保存していません。"
        );
        assert_eq!(
            taken(1, 1, &[], Language::Ja),
            "1 件の値を取り込みました。確認済の値 1 件は保ちました（元に戻すで取り消せます）。"
        );
        assert_eq!(taken(3, 0, &[], Language::En), "3 values taken in (Undo takes them back out).");
    }
}
