//! A town's own table and outline in words: why a workbook cannot be read, what a
//! column holds (the role dropdown's labels), how a row found its indicator, what an outline's
//! line becomes, what creating the outline made, and what cells pasted into a series' years set.

use crate::format::outline::{Created, DropReason, Level};
use crate::format::table::{
    BlockReason, ColumnRole, HeaderYear, RowMatchedBy, SheetLimit, SkipReason, WorkbookError, WorkbookFormat, YearBlock,
};
use crate::locale::{tr, year, Language, YearStyle};
use crate::model::YearBasis;

/// Why a workbook cannot be read at all (nothing was changed: the UI says so beside it).
pub fn workbook_error(e: &WorkbookError, lang: Language) -> String {
    let ja = lang == Language::Ja;
    match e {
        WorkbookError::Empty => tr(lang, "ファイルが空です。", "The file is empty.").into(),
        WorkbookError::FileTooLarge { bytes, limit } => {
            let mb = |n: usize| crate::locale::number((n as f64 / 1_048_576.0 * 10.0).round() / 10.0);
            if ja {
                format!("ファイルが大きすぎます（{} MB。読み込めるのは {} MB まで）。", mb(*bytes), mb(*limit))
            } else {
                format!("The file is too large ({} MB; at most {} MB is read).", mb(*bytes), mb(*limit))
            }
        }
        WorkbookError::NotAWorkbook => tr(
            lang,
            "Excel（.xlsx・.xls）や OpenDocument（.ods）のブックではありません。CSV は上の「CSV から実績値・目標値を取り込む」で取り込めます。",
            "This is not an Excel (.xlsx, .xls) or OpenDocument (.ods) workbook. A CSV file is imported under \"Import actuals and targets from CSV\" above.",
        )
        .into(),
        WorkbookError::Encrypted => tr(
            lang,
            "パスワードで保護（暗号化）されたブックは読み込めません。Excel でパスワードを外して保存し直してください。",
            "A workbook encrypted with a password cannot be read. Remove the password in Excel and save it again.",
        )
        .into(),
        WorkbookError::UnpacksTooLarge { .. } => tr(
            lang,
            "ブックの中身が大きすぎるため読み込めません（展開すると上限を超えます）。必要なシートだけを別のブックに保存してください。",
            "The workbook unpacks to more than the limit, so it is not read. Save the sheet you need in a workbook of its own.",
        )
        .into(),
        WorkbookError::Unreadable { format, sheet, .. } => {
            let kind = match format {
                WorkbookFormat::Xls => ".xls",
                WorkbookFormat::Xlsx => ".xlsx",
                WorkbookFormat::Xlsb => ".xlsb",
                WorkbookFormat::Ods => ".ods",
            };
            match (sheet, ja) {
                (Some(s), true) => format!("{kind} のブックのシート「{s}」が壊れていて読めません。Excel で開いて保存し直してください。"),
                (None, true) => format!("{kind} のブックが壊れていて読めません。Excel で開いて保存し直してください。"),
                (Some(s), false) => format!("Sheet \"{s}\" of the {kind} workbook is damaged and cannot be read. Open it in Excel and save it again."),
                (None, false) => format!("The {kind} workbook is damaged and cannot be read. Open it in Excel and save it again."),
            }
        }
        WorkbookError::NoWorksheet => tr(
            lang,
            "ブックにワークシートがありません（グラフのシートだけです）。",
            "The workbook has no worksheet (only chart sheets).",
        )
        .into(),
        WorkbookError::SheetTooLarge { sheet, limit } => {
            let what = match (limit, ja) {
                (SheetLimit::Rows, true) => "行数が 100,000 行",
                (SheetLimit::Columns, true) => "列数が 1,000 列",
                (SheetLimit::Cells, true) => "セルの数が 300 万",
                (SheetLimit::Rows, false) => "100,000 rows",
                (SheetLimit::Columns, false) => "1,000 columns",
                (SheetLimit::Cells, false) => "3,000,000 cells",
            };
            if ja {
                format!("シート「{sheet}」は大きすぎます（{what}を超えています）。表の部分だけを別のシートにしてください。")
            } else {
                format!("Sheet \"{sheet}\" is too large (over {what}). Copy the table to a sheet of its own.")
            }
        }
    }
}

/// A role as the dropdown shows it: 「実績（令和4年度）」, 「実績（2022年）」.
pub fn column_role(role: ColumnRole, lang: Language, style: YearStyle) -> String {
    let ja = lang == Language::Ja;
    let calendar = |y: HeaderYear| {
        if y.calendar {
            match (lang, style) {
                (Language::Ja, YearStyle::Japanese) => y.year.japanese().replace("年度", "年"),
                (Language::Ja, YearStyle::Western) => format!("{}年", y.year.western()),
                (Language::En, _) => format!("{}", y.year.western()),
            }
        } else {
            year(y.year, lang, style)
        }
    };
    match role {
        ColumnRole::Actual(y) if ja => format!("実績（{}）", calendar(y)),
        ColumnRole::Actual(y) => format!("Actual ({})", calendar(y)),
        ColumnRole::Interim(y) if ja => format!("中間目標（{}）", year(y, lang, style)),
        ColumnRole::Interim(y) => format!("Interim target ({})", year(y, lang, style)),
        other => tr(
            lang,
            match other {
                ColumnRole::Goal => "基本目標",
                ColumnRole::Id => "指標ID（しるべ）",
                ColumnRole::Measure => "施策",
                ColumnRole::Code => "指標番号",
                ColumnRole::Name => "指標名",
                ColumnRole::Unit => "単位",
                ColumnRole::Series => "系列（男性・女性など）",
                ColumnRole::Baseline => "当初値",
                ColumnRole::BaselineYear => "当初値の年度",
                ColumnRole::Target => "目標値",
                ColumnRole::TargetYear => "目標年度",
                ColumnRole::Source => "出典",
                ColumnRole::Department => "担当課",
                ColumnRole::Notes => "備考",
                _ => "無視",
            },
            match other {
                ColumnRole::Goal => "Goal",
                ColumnRole::Id => "Indicator ID (Shirube)",
                ColumnRole::Measure => "Measure",
                ColumnRole::Code => "Code",
                ColumnRole::Name => "Indicator name",
                ColumnRole::Unit => "Unit",
                ColumnRole::Series => "Series (men, women …)",
                ColumnRole::Baseline => "Baseline",
                ColumnRole::BaselineYear => "Baseline year",
                ColumnRole::Target => "Target",
                ColumnRole::TargetYear => "Target year",
                ColumnRole::Source => "Source",
                ColumnRole::Department => "Section (担当課)",
                ColumnRole::Notes => "Notes",
                _ => "Ignore",
            },
        )
        .into(),
    }
}

/// A role as a short stable text, for a `<select>`'s option values: `actual-2022`,
/// `actual-2022-c` (a calendar year), `interim-2023`, `name`.
pub fn column_role_value(role: ColumnRole) -> String {
    match role {
        ColumnRole::Actual(y) if y.calendar => format!("actual-{}-c", y.year.western()),
        ColumnRole::Actual(y) => format!("actual-{}", y.year.western()),
        ColumnRole::Interim(y) => format!("interim-{}", y.western()),
        other => match other {
            ColumnRole::Goal => "goal",
            ColumnRole::Id => "id",
            ColumnRole::Measure => "measure",
            ColumnRole::Code => "code",
            ColumnRole::Name => "name",
            ColumnRole::Unit => "unit",
            ColumnRole::Series => "series",
            ColumnRole::Baseline => "baseline",
            ColumnRole::BaselineYear => "baseline-year",
            ColumnRole::Target => "target",
            ColumnRole::TargetYear => "target-year",
            ColumnRole::Source => "source",
            ColumnRole::Department => "department",
            ColumnRole::Notes => "notes",
            _ => "ignore",
        }
        .into(),
    }
}

/// How a row found its indicator: 「指標番号で」.
pub fn matched_by(by: RowMatchedBy, lang: Language) -> &'static str {
    match by {
        RowMatchedBy::Id => tr(lang, "指標IDが一致", "same ID"),
        RowMatchedBy::Code => tr(lang, "指標番号が一致", "same code"),
        RowMatchedBy::Name => tr(lang, "指標名が一致", "same name"),
        RowMatchedBy::Chosen => tr(lang, "選んだ指標", "chosen"),
    }
}

/// Why a body row is no indicator.
pub fn skip_reason(r: SkipReason, lang: Language) -> &'static str {
    match r {
        SkipReason::Blank => tr(lang, "指標名も指標番号もない行", "a row with neither name nor code"),
        SkipReason::Heading => {
            tr(lang, "見出しの行（下の行の置き場所として読みました）", "a heading (read as where the rows below go)")
        }
    }
}

/// What an outline's line becomes.
pub fn outline_level(level: Level, lang: Language) -> &'static str {
    match level {
        Level::Goal => tr(lang, "基本目標", "Goal"),
        Level::Measure => tr(lang, "施策", "Measure"),
        Level::Initiative => tr(lang, "取組", "Initiative"),
        Level::Body => tr(lang, "本文", "Text"),
        Level::Heading => tr(lang, "見出し", "Heading"),
    }
}

/// Why a pasted line was left out.
pub fn outline_dropped(reason: DropReason, lang: Language) -> &'static str {
    match reason {
        DropReason::PageNumber => tr(lang, "ページ番号", "page number"),
        DropReason::Contents => tr(lang, "目次の行", "table of contents"),
        DropReason::RunningHeader => tr(lang, "各ページの見出し", "running header"),
        DropReason::Amount => tr(lang, "事業の金額（別に取り込みます）", "a project's amount (imported elsewhere)"),
        DropReason::BeforeFirstItem => tr(lang, "最初の項目より前の文", "text before the first item"),
        DropReason::SectionHeading => {
            tr(lang, "文書の節の見出し（施策ではない）", "a section heading of the document (no measure)")
        }
    }
}

/// What creating an outline made: 「基本目標 4・施策 12・取組 38 を作成しました」.
pub fn outline_created(c: &Created, lang: Language) -> String {
    let mut parts = Vec::new();
    let ja = lang == Language::Ja;
    for (n, ja_word, en_one, en_many) in [
        (c.goals, "基本目標", "goal", "goals"),
        (c.measures, "施策", "measure", "measures"),
        (c.initiatives, "取組", "initiative", "initiatives"),
    ] {
        if n > 0 {
            parts.push(if ja {
                format!("{ja_word} {n}")
            } else {
                format!("{n} {}", if n == 1 { en_one } else { en_many })
            });
        }
    }
    let made = match (parts.is_empty(), ja) {
        (true, true) => "何も作成しませんでした。".to_owned(),
        (true, false) => "Nothing was created.".to_owned(),
        (false, true) => format!("{} を作成しました。", parts.join("・")),
        (false, false) => format!("Created {}.", parts.join(", ")),
    };
    match (c.skipped, ja) {
        (0, _) => made,
        (n, true) => format!("{made}置き場所のない {n} 行は作成していません。"),
        (n, false) => format!("{made} {n} lines with nowhere to go were not created."),
    }
}

/// What cells pasted into a series' year rows set (`interim`: the 中間目標 column, else 実績値),
/// and each cell that set nothing, by its place in the pasted range. Years as the series writes
/// them (`basis`).
pub fn year_paste(b: &YearBlock, interim: bool, basis: YearBasis, lang: Language, style: YearStyle) -> Vec<String> {
    let ja = lang == Language::Ja;
    let y = |fy| crate::locale::value_year(basis, fy, lang, style);
    let what = match (interim, ja) {
        (true, true) => "中間目標",
        (false, true) => "実績値",
        (true, false) => "interim targets",
        (false, false) => "actuals",
    };
    let mut lines = Vec::new();
    match (b.values.first(), b.values.last()) {
        (Some(first), Some(last)) => {
            let n = b.values.len();
            let span = if n == 1 { y(first.year) } else { format!("{}〜{}", y(first.year), y(last.year)) };
            lines.push(if ja {
                format!("{n} 年分の{what}を貼り付けました（{span}）。元に戻すで取り消せます。")
            } else {
                format!("Pasted {n} years' {what} ({span}). Undo takes them back.")
            });
        }
        _ => lines.push(tr(lang, "何も貼り付けていません。", "Nothing was pasted.").to_owned()),
    }
    for (year, text) in &b.no_value {
        lines.push(if ja {
            format!("{}:「{text}」は値なしとして読み、何も書いていません。", y(*year))
        } else {
            format!("{}: \"{text}\" reads as no value; nothing was written.", y(*year))
        });
    }
    for r in &b.refused {
        let why = match r.reason {
            BlockReason::NotANumber => tr(lang, "数値として読めません", "is not a number"),
            BlockReason::NotAYear => tr(lang, "年度として読めません", "is not a year"),
            BlockReason::SameYearTwice => tr(lang, "同じ年度の2つめの値です", "is a second value for the same year"),
            BlockReason::YearOutOfRange => tr(lang, "2200年度より後の年度になります", "falls after fiscal 2200"),
            BlockReason::NotALine => tr(
                lang,
                "貼り付けられるのは1行か1列の値（年度の行・列が前にあっても可）です",
                "only one row or one column of values can be pasted (with a row or column of years before it)",
            ),
        };
        lines.push(if ja {
            format!("貼り付けた範囲の {}「{}」: {why}。", r.cell, r.text)
        } else {
            format!("Cell {} of the pasted range (\"{}\") {why}.", r.cell, r.text)
        });
    }
    lines
}

/// The outline preview's heading count.
pub fn outline_items(items: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("（項目 {items}）"),
        Language::En => format!("({items} items)"),
    }
}

/// The outline's lines left out, counted.
pub fn outline_left_out(lines: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("省いた行（{lines} 行）"),
        Language::En => format!("Lines left out ({lines})"),
    }
}

/// The choice of placing an outline's items as the measures of the goal `name`.
pub fn outline_as_measures_of(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{name} の施策として"),
        Language::En => format!("As measures of {name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FiscalYear;

    #[test]
    fn every_workbook_error_is_worded_in_both_languages() {
        let errors = [
            WorkbookError::Empty,
            WorkbookError::FileTooLarge { bytes: 70 * 1_048_576, limit: 64 * 1_048_576 },
            WorkbookError::NotAWorkbook,
            WorkbookError::Unreadable { format: WorkbookFormat::Xls, sheet: None, detail: "x".into() },
            WorkbookError::Encrypted,
            WorkbookError::UnpacksTooLarge { packed: 10, unpacked: 1 << 33 },
            WorkbookError::Unreadable { format: WorkbookFormat::Xlsx, sheet: Some("KPI".into()), detail: "x".into() },
            WorkbookError::Unreadable { format: WorkbookFormat::Ods, sheet: None, detail: "x".into() },
            WorkbookError::NoWorksheet,
            WorkbookError::SheetTooLarge { sheet: "KPI".into(), limit: SheetLimit::Cells },
        ];
        for e in &errors {
            let (ja, en) = (workbook_error(e, Language::Ja), workbook_error(e, Language::En));
            assert!(!ja.is_empty() && !en.is_empty() && ja != en, "{e:?}");
            assert!(!en.chars().any(|c| ('ぁ'..='ん').contains(&c)), "{e:?}: {en}");
        }
        assert_eq!(
            workbook_error(&errors[3], Language::Ja),
            ".xls のブックが壊れていて読めません。Excel で開いて保存し直してください。"
        );
        assert!(workbook_error(&errors[1], Language::Ja).contains("70 MB"));
        assert!(workbook_error(&errors[6], Language::Ja).contains("シート「KPI」"));
    }

    #[test]
    fn roles_have_labels_values_and_choices() {
        let r4 = HeaderYear { year: FiscalYear(2022), calendar: false };
        let c22 = HeaderYear { year: FiscalYear(2022), calendar: true };
        assert_eq!(column_role(ColumnRole::Actual(r4), Language::Ja, YearStyle::Japanese), "実績（令和4年度）");
        assert_eq!(column_role(ColumnRole::Actual(c22), Language::Ja, YearStyle::Western), "実績（2022年）");
        assert_eq!(
            column_role(ColumnRole::Interim(FiscalYear(2023)), Language::Ja, YearStyle::Japanese),
            "中間目標（令和5年度）"
        );
        assert_eq!(column_role(ColumnRole::Ignore, Language::Ja, YearStyle::Japanese), "無視");
        assert_eq!(column_role(ColumnRole::BaselineYear, Language::En, YearStyle::Japanese), "Baseline year");
        let choices = ColumnRole::choices(&[r4, c22]);
        assert_eq!(choices.len(), 15 + 2 + 1, "15 roles, a year's actual twice (年度 and 年), its interim once");
        let values: std::collections::HashSet<String> = choices.iter().map(|r| column_role_value(*r)).collect();
        assert_eq!(values.len(), choices.len(), "each choice has its own value");
        assert!(values.contains("actual-2022-c") && values.contains("interim-2022"));
    }

    #[test]
    fn what_an_outline_created_is_said() {
        let c = Created { goals: 4, measures: 12, initiatives: 38, skipped: 0 };
        assert_eq!(outline_created(&c, Language::Ja), "基本目標 4・施策 12・取組 38 を作成しました。");
        assert_eq!(outline_created(&c, Language::En), "Created 4 goals, 12 measures, 38 initiatives.");
        let none = Created { skipped: 2, ..Created::default() };
        assert_eq!(
            outline_created(&none, Language::Ja),
            "何も作成しませんでした。置き場所のない 2 行は作成していません。"
        );
    }

    #[test]
    fn what_pasted_year_cells_set_is_said_with_each_cell_that_set_nothing() {
        use crate::format::table::{from_tsv, read_year_block};
        let b = read_year_block(&from_tsv("120\t－\t多い\t140\n"), FiscalYear(2022));
        let ja = year_paste(&b, false, YearBasis::Fiscal, Language::Ja, YearStyle::Japanese);
        assert_eq!(
            ja,
            vec![
                "2 年分の実績値を貼り付けました（令和4年度〜令和7年度）。元に戻すで取り消せます。",
                "令和5年度:「－」は値なしとして読み、何も書いていません。",
                "貼り付けた範囲の C1「多い」: 数値として読めません。",
            ]
        );
        let en = year_paste(&b, true, YearBasis::Fiscal, Language::En, YearStyle::Western);
        assert_eq!(en[0], "Pasted 2 years' interim targets (FY2022〜FY2025). Undo takes them back.");
        assert_eq!(en[2], "Cell C1 of the pasted range (\"多い\") is not a number.");
    }
}
