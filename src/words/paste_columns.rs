//! The words of a paste's columns: each role's name (「提出者（公表しません）」), how it was found,
//! and what is left for the officer to choose before anything is taken.

use crate::format::opinions::{ColumnContent, PastedColumn, RoleFoundBy, ToChoose};
use crate::locale::{tr, Language};

/// A role as the column's dropdown names it.
pub fn role(r: ColumnContent, lang: Language) -> &'static str {
    match r {
        ColumnContent::Number => tr(lang, "番号", "Number"),
        ColumnContent::Place => tr(lang, "該当箇所（公表）", "Place (published)"),
        ColumnContent::Text => tr(lang, "意見（公表）", "Opinion (published)"),
        ColumnContent::Summary => tr(lang, "意見の要旨（公表）", "Summary (published)"),
        ColumnContent::Sender => tr(lang, "提出者（公表しません）", "Sender (never published)"),
        ColumnContent::Answer => tr(lang, "市の考え方（公表）", "The town's answer (published)"),
        ColumnContent::Response => tr(lang, "対応（公表）", "Response (published)"),
        ColumnContent::Skip => tr(lang, "取り込まない", "Not taken"),
    }
}

/// How a column's role was found, said beside it.
pub fn found(f: RoleFoundBy, lang: Language) -> &'static str {
    match f {
        RoleFoundBy::Heading => tr(lang, "見出しから", "from its heading"),
        RoleFoundBy::Words => tr(lang, "見出しの語から（確かめてください）", "from a word of its heading (check it)"),
        RoleFoundBy::Position => tr(lang, "列の位置から（確かめてください）", "from its place (check it)"),
        RoleFoundBy::Chosen => tr(lang, "選んだとおり", "as chosen"),
        RoleFoundBy::Unknown => tr(lang, "分かりません（選んでください）", "unknown (choose one)"),
    }
}

/// A column's name: its heading, or 「3列目」.
pub fn column_name(columns: &[PastedColumn], i: usize, lang: Language) -> String {
    match columns.get(i).map(|c| c.heading.trim()).filter(|h| !h.is_empty()) {
        Some(h) => format!("「{h}」"),
        None if lang == Language::Ja => format!("{}列目", i + 1),
        None => format!("column {}", i + 1),
    }
}

/// What is left to choose, in a sentence.
pub fn to_choose(w: &ToChoose, columns: &[PastedColumn], lang: Language) -> String {
    let ja = lang == Language::Ja;
    let name = |i: usize| column_name(columns, i, lang);
    match (w, ja) {
        (ToChoose::Unknown { column }, true) => format!("{}の列が何か分かりません。選んでください。", name(*column)),
        (ToChoose::Unknown { column }, false) => format!("What {} holds is unknown: choose.", name(*column)),
        (ToChoose::Same { role: r, columns: cs }, true) => {
            let names: Vec<String> = cs.iter().map(|i| name(*i)).collect();
            format!("{}が同じ「{}」です。一つにしてください。", names.join("と"), role(*r, lang))
        }
        (ToChoose::Same { role: r, columns: cs }, false) => {
            let names: Vec<String> = cs.iter().map(|i| name(*i)).collect();
            format!("{} are all “{}”: keep one.", names.join(" and "), role(*r, lang))
        }
        (ToChoose::NoOpinion, true) => "意見の列がありません。どの列が意見か選んでください。".into(),
        (ToChoose::NoOpinion, false) => "No column holds the opinion: choose one.".into(),
        (ToChoose::Guessed, true) => {
            "見出しの行がないため、列の位置から読み方を推測しました。確かめてから取り込んでください。".into()
        }
        (ToChoose::Guessed, false) => {
            "There is no heading row, so the columns were guessed from their places: check them first.".into()
        }
        (ToChoose::SenderPublished { column }, true) => {
            format!(
                "{}は提出者の列です。公表される欄には入れられません（提出者か、取り込まないを選んでください）。",
                name(*column)
            )
        }
        (ToChoose::SenderPublished { column }, false) => {
            format!(
                "{} holds senders: it cannot go into a published field (choose sender or not taken).",
                name(*column)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_left_to_choose_names_the_columns() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let plan = crate::format::opinions::plan_paste(&s, "番号\t意見\tご意見の内容\t受付日\n1\tあ\tい\t12/1\n");
        let said: Vec<String> = plan.to_choose.iter().map(|w| to_choose(w, &plan.columns, Language::Ja)).collect();
        assert_eq!(
            said,
            vec![
                "「受付日」の列が何か分かりません。選んでください。",
                "「意見」と「ご意見の内容」が同じ「意見（公表）」です。一つにしてください。"
            ]
        );
        assert_eq!(role(ColumnContent::Sender, Language::Ja), "提出者（公表しません）");
    }
}
