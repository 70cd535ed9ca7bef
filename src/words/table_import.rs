//! The table import page's sentences: where the table came from, what its preview counts, and
//! what importing it did.

use crate::format::table::{RowMatchedBy, SkipReason};
use crate::locale::{tr, Language};
use crate::session::table_import::CellSource;

/// A source as the messages name it: 「kpi.xlsx」, 「貼り付けたセル」.
pub fn source_name(o: &CellSource, lang: Language) -> String {
    match (o, lang) {
        (CellSource::File(name), Language::Ja) => format!("「{name}」"),
        (CellSource::File(name), Language::En) => format!("\"{name}\""),
        (CellSource::Pasted, _) => tr(lang, "貼り付けたセル", "The pasted cells").to_owned(),
    }
}

/// What an import took in.
pub fn applied(source: &CellSource, indicators: usize, values: usize, lang: Language) -> String {
    let source = source_name(source, lang);
    match lang {
        Language::Ja => format!("{source}から 新しい指標 {indicators} 件と {values} 件の値を取り込みました。"),
        Language::En => format!("{source} imported: {indicators} new indicators and {values} values."),
    }
}

/// An import undone.
pub fn undone(source: &CellSource, lang: Language) -> String {
    let source = source_name(source, lang);
    match lang {
        Language::Ja => format!("{source}の取り込みを元に戻しました。"),
        Language::En => format!("The import of {} was undone.", source.to_lowercase()),
    }
}

/// An import the user cancelled.
pub fn cancelled(source: &CellSource, lang: Language) -> String {
    let source = source_name(source, lang);
    match lang {
        Language::Ja => format!("{source}は取り込みませんでした。何も変わっていません。"),
        Language::En => format!("{source} were not imported. Nothing changed."),
    }
}

/// An import refused.
pub fn refused(source: &CellSource, lang: Language) -> String {
    let source = source_name(source, lang);
    match lang {
        Language::Ja => format!("{source}は取り込めません。何も変わっていません。"),
        Language::En => format!("{source} cannot be imported. Nothing changed."),
    }
}

/// The sheet the table was read from.
pub fn sheet(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("シート「{name}」"),
        Language::En => format!("sheet \"{name}\""),
    }
}

/// A row not read, and why.
pub fn skipped_row(row: usize, why: SkipReason, lang: Language) -> String {
    let why = super::skip_reason(why, lang);
    match lang {
        Language::Ja => format!("{row} 行目（{why}）"),
        Language::En => format!("row {row} ({why})"),
    }
}

/// A new indicator's place, named but not found.
pub fn place_not_found(place: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("（「{place}」は見つかりませんでした）"),
        Language::En => format!(" (\"{place}\" was not found)"),
    }
}

/// The label of the choice of a row's indicator.
pub fn indicator_of_row(row: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{row} 行目の指標"),
        Language::En => format!("The indicator of row {row}"),
    }
}

/// How an ambiguous row found its `candidates`.
pub fn ambiguous(by: RowMatchedBy, candidates: usize, lang: Language) -> String {
    let by = super::matched_by(by, lang);
    match lang {
        Language::Ja => format!("{by}（{candidates} 件の候補）"),
        Language::En => format!("{by} ({candidates} candidates)"),
    }
}

/// Beside the header rows' inputs: how many rows the table's body has.
pub fn body_rows(rows: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("（表の本体は {rows} 行）"),
        Language::En => format!("(the table's body: {rows} rows)"),
    }
}

/// Under a sample of the table: how much of it is shown.
pub fn sample_shown(shown: usize, rows: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("最初の {shown} 行を表示しています（全 {rows} 行）。"),
        Language::En => format!("The first {shown} of {rows} rows are shown."),
    }
}

/// The label of a column's role choice: column `letter` headed `header`.
pub fn column_holds(letter: &str, header: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{letter}列「{header}」の内容"),
        Language::En => format!("What column {letter} \"{header}\" holds"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_named_by_its_file_or_as_pasted_cells() {
        let file = CellSource::File("kpi.xlsx".to_owned());
        assert_eq!(
            applied(&file, 2, 30, Language::Ja),
            "「kpi.xlsx」から 新しい指標 2 件と 30 件の値を取り込みました。"
        );
        assert_eq!(undone(&CellSource::Pasted, Language::En), "The import of the pasted cells was undone.");
        assert_eq!(
            cancelled(&CellSource::Pasted, Language::Ja),
            "貼り付けたセルは取り込みませんでした。何も変わっていません。"
        );
    }
}
