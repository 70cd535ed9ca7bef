//! The CSV import in words: how a cell of a town's table was read, why a row or cell is not
//! imported, why a file cannot be read at all.

use crate::locale::{tr, Language};

/// Why a row or cell of an indicator CSV is not imported (the row and column are shown beside).
/// How a cell of a town's table was read (a "no value" mark, a number with a mark).
pub fn csv_reading(r: &crate::format::csv::CellReading, lang: Language) -> String {
    use crate::format::csv::CellReading;
    match (r, lang) {
        (CellReading::NoValue, Language::Ja) => "値なし（何も書き込みません）".into(),
        (CellReading::NoValue, Language::En) => "no value (nothing is written)".into(),
        (CellReading::Marked { mark }, Language::Ja) => {
            format!("数値を取り込みます（実績ならば「{mark}」をコメントに残します）")
        }
        (CellReading::Marked { mark }, Language::En) => {
            format!("the number is imported (for an actual, “{mark}” is kept as its comment)")
        }
        (CellReading::Provisional, Language::Ja) => "速報値として取り込みます".into(),
        (CellReading::Provisional, Language::En) => "imported as a provisional value".into(),
        (CellReading::CalendarYear, Language::Ja) => {
            "暦年（年）の書き方ですが、この指標の値の年は年度なので、その年度として取り込みます（暦年の値なら、値の時点の列に「年」と書くか、指標の「値の時点」を「年」にしてください）".into()
        }
        (CellReading::CalendarYear, Language::En) => "written as a calendar year, but this indicator's values are by fiscal year: imported as that fiscal year (for calendar-year values, write 年 in the 値の時点 column or set the indicator's year basis to calendar years)".into(),
    }
}

/// How a value typed into the editor was read, when it says more than a number: a "no value"
/// mark (the value is cleared), 速報 or a mark beside the number (`kept`: the field keeps them,
/// an actual's flag and comment; else they are not part of the value). As the import says it.
pub fn typed_value_note(t: &crate::format::csv::TypedValue, kept: bool, lang: Language) -> Option<String> {
    let ja = lang == Language::Ja;
    if let Some(mark) = &t.no_value {
        return Some(if ja {
            format!("「{mark}」は値なしとして読みました（値は空欄です）。")
        } else {
            format!("“{mark}” reads as no value (the value is empty).")
        });
    }
    let mut said = Vec::new();
    if t.provisional {
        said.push(match (kept, ja) {
            (true, true) => "速報値にしました。".to_owned(),
            (true, false) => "Marked provisional.".to_owned(),
            (false, true) => "「速報」は数値として読み、ここには残りません。".to_owned(),
            (false, false) => "“provisional” is not kept here; the number is read.".to_owned(),
        });
    }
    if let Some(mark) = &t.mark {
        said.push(match (kept, ja) {
            (true, true) => format!("「{mark}」はコメントが空ならコメントに残します。"),
            (true, false) => format!("“{mark}” is kept as the comment when it has none."),
            (false, true) => format!("「{mark}」は数値に含めず、ここには残りません。"),
            (false, false) => format!("“{mark}” is not part of the number and is not kept here."),
        });
    }
    (!said.is_empty()).then(|| said.join(" "))
}

pub fn csv_refusal(r: &crate::format::csv::RefusalReason, lang: Language) -> String {
    use crate::format::csv::RefusalReason::*;
    let ja = lang == Language::Ja;
    let fy = |y: crate::model::FiscalYear| if ja { y.japanese() } else { y.english() };
    match r {
        MissingIndicator => tr(lang, "指標ID も指標番号もありません", "Neither 指標ID (indicator id) nor 指標番号 (code) is given").into(),
        UnknownIndicatorId { id } => if ja { format!("指標ID「{id}」の指標はこの戦略にありません（別の戦略のファイルか、削除された指標です）") } else { format!("No indicator of this strategy has the id '{id}' (a file of another strategy, or a deleted indicator)") },
        UnknownIndicator { code } => if ja { format!("指標番号「{code}」の指標はありません") } else { format!("No indicator has the code '{code}'") },
        AmbiguousCode { code, count } => if ja { format!("指標番号「{code}」の指標が {count} つあります。指標ID の列でどれかを指定してください") } else { format!("{count} indicators have the code '{code}': give the 指標ID (indicator id) to say which") },
        UnknownSeries { label } if label.is_empty() => tr(lang, "この指標には系列が複数あります。系列（男性・女性など）を指定してください", "This indicator has several series: give the 系列 (series, such as 男性 / 女性)").into(),
        UnknownSeries { label } => if ja { format!("系列「{label}」はこの指標にありません") } else { format!("This indicator has no series '{label}'") },
        NotANumber { text } => if ja { format!("「{text}」は数値として読めません") } else { format!("'{text}' is not a number") },
        BadYear { text } if text.is_empty() => tr(lang, "年度がありません", "The fiscal year is missing").into(),
        BadYear { text } => if ja { format!("「{text}」は年度として読めません（2024、R6、令和6年度 のように書きます）") } else { format!("'{text}' is not a fiscal year (write 2024, R6 or 令和6年度)") },
        YearOutsidePeriod { year } => if ja { format!("{} は計画期間の外です（新しい値は計画期間内の年度にだけ入れられます）", fy(*year)) } else { format!("{} is outside the plan period (new values can only be given for years in the period)", fy(*year)) },
        YearDiffers { year, expected } => {
            let expected = expected.map(fy).unwrap_or_else(|| tr(lang, "年度なし", "no year").into());
            if ja { format!("年度 {} が登録されている年度（{expected}）と違います。年度を変えるときは編集画面で変更してください", fy(*year)) } else { format!("The year {} differs from the stored one ({expected}); change the year in the editor", fy(*year)) }
        }
        UnknownKind { text } => if ja { format!("区分「{text}」は 実績・目標・中間目標・当初値・修正前の目標 のどれでもありません") } else { format!("区分 (kind) '{text}' is none of 実績 (actual), 目標 (target), 中間目標 (interim target), 当初値 (baseline), 修正前の目標 (earlier target)") },
        BadFlag { text } => if ja { format!("速報の印「{text}」が読めません（速報値は ○、確定値は空欄）") } else { format!("The provisional marker '{text}' cannot be read (○ for provisional, empty for final)") },
        ProvisionalWithoutValue => tr(lang, "値がないのに速報の印があります", "A provisional marker without a value").into(),
        TargetKindDiffers => tr(lang, "目標の種類（値・毎年・方向のみ）が登録されているものと違います。種類を変えるときは編集画面で変更してください", "The kind of target (a value, per year, direction only) differs from the stored one; change it in the editor").into(),
        BadYearBasis { text } => if ja { format!("値の時点「{text}」が読めません（年度、年、4月1日現在 のように書きます）") } else { format!("値の時点 (what the year means) '{text}' cannot be read (write 年度, 年 or a day such as 4月1日現在)") },
        BadActualKind { text } => if ja { format!("実績の種類「{text}」が読めません（単年度 または 累計 と書きます）") } else { format!("実績の種類 (kind of actuals) '{text}' cannot be read (write 単年度 for yearly values or 累計 for running totals)") },
        BadDate { text } => if ja { format!("修正日「{text}」は日付として読めません（2022-06-15 のように書きます）") } else { format!("修正日 (date revised) '{text}' is not a date (write 2022-06-15)") },
        Conflicting { first_row } => if ja { format!("同じ系列のこの列が {first_row} 行目と違います（{first_row} 行目の内容を使います）") } else { format!("Row {first_row} says something else in this column for the same series (row {first_row} is used)") },
        Duplicate { first_row } => if ja { format!("同じ系列・区分・年度の値が {first_row} 行目にもあります（{first_row} 行目の値を使います）") } else { format!("Row {first_row} already gives a value for this series, kind and year (the value of row {first_row} is used)") },
    }
}

/// Why a CSV file cannot be read at all.
pub fn csv_error(e: &crate::format::csv::CsvError, lang: Language) -> String {
    use crate::format::csv::CsvError::*;
    let ja = lang == Language::Ja;
    match e {
        Encoding => tr(lang, "文字コードが UTF-8 でも Shift_JIS でもないため読めません。Excel では「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」で保存してください", "The file is neither UTF-8 nor Shift_JIS text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\" or \"CSV (Comma delimited)\"").into(),
        Empty => tr(lang, "ファイルが空です", "The file is empty").into(),
        UnknownLayout { header } => {
            const SHOWN: usize = 12;
            let cut = |c: &String| if c.chars().count() > 30 { format!("{}…", c.chars().take(30).collect::<String>()) } else { c.clone() };
            let mut cells: Vec<String> = header.iter().take(SHOWN).map(|c| if ja { format!("「{}」", cut(c)) } else { format!("\"{}\"", cut(c)) }).collect();
            if header.len() > SHOWN {
                cells.push(if ja { format!("ほか {} 列", header.len() - SHOWN) } else { format!("and {} more", header.len() - SHOWN) });
            }
            let found = cells.join(if ja { "" } else { ", " });
            if ja {
                format!("指標の CSV（横長または縦長）として読めません。1行目の見出し: {found}。見出しに 指標ID（または 指標番号）と、年度の列、または 区分・値 の列が必要です")
            } else {
                format!("This is not an indicator CSV (wide or long layout). Header row: {found}. It needs 指標ID (or 指標番号) and year columns, or 区分 and 値 columns")
            }
        }
        MissingColumn { column } if column == "指標ID" => tr(lang, "指標を指定する列「指標ID」（または「指標番号」）がありません", "The column 指標ID (indicator id) or 指標番号 (code) is missing").into(),
        MissingColumn { column } => if ja { format!("必要な列「{column}」がありません") } else { format!("The column '{column}' is missing") },
        DuplicateColumn { name, first, second } => if ja { format!("見出し「{name}」の列が2つあります（{first}列目と{second}列目）。どちらの値を取り込むか決められないため、1つにしてから取り込んでください") } else { format!("The heading '{name}' is there twice (columns {first} and {second}). Which one to import cannot be decided: keep one, then import again") },
        UnclosedQuote { row } => if ja { format!("{row} 行目で始まる \" で囲まれたセルが閉じられていません") } else { format!("A quoted cell that starts on row {row} is not closed") },
        CellTooLong { row, column, chars } => {
            let letter = crate::format::csv::column_letter(column.saturating_sub(1));
            let max = crate::format::csv::MAX_CELL_CHARS;
            if ja {
                format!("{row} 行目の {letter} 列（{column}列目）のセルが長すぎます（{chars} 文字。1つのセルは {max} 文字まで）。表の一部ではない文章が入っていないか確かめてください")
            } else {
                format!("Row {row}, column {letter} (column {column}): the cell is too long ({chars} characters; a cell holds at most {max}). Check that no text other than the table's got into it")
            }
        }
        TooManyColumns { row, columns } => {
            let max = crate::format::csv::MAX_COLUMNS;
            if ja {
                format!("{row} 行目の列が多すぎます（{columns} 列。{max} 列まで）。指標の表だけを CSV にしてください")
            } else {
                format!("Row {row} has too many columns ({columns}; at most {max}). Save only the indicator table as CSV")
            }
        }
        Csv { line, detail } => if ja { format!("{line} 行目が CSV として読めません") } else { format!("Line {line} cannot be read as CSV ({detail})") },
    }
}

/// What a word change of the import is about: 「値の時点」, 「出典（令和4年度の実績）」 (「令和4年」
/// for a calendar-year series),
/// 「町の評価（令和4年度）」, 「修正前の目標（令和4年度に修正）」.
pub fn csv_text_what(c: &crate::format::csv::TextChange, lang: Language, style: crate::locale::YearStyle) -> String {
    use crate::format::csv::{SourceOf, TextEdit};
    let fy = |y| crate::locale::year(y, lang, style);
    match (&c.edit, lang) {
        (TextEdit::YearBasis { .. }, _) => tr(lang, "値の時点", "What the year means").into(),
        (TextEdit::RunningTotals { .. }, _) => tr(lang, "実績の種類", "Kind of actuals").into(),
        (TextEdit::Source { of: SourceOf::Indicator, .. }, _) => tr(lang, "出典（指標）", "Source (indicator)").into(),
        (TextEdit::Source { of: SourceOf::Series, .. }, _) => tr(lang, "出典（系列）", "Source (series)").into(),
        (TextEdit::Source { of: SourceOf::Actual(y), .. }, Language::Ja) => {
            format!("出典（{}の実績）", crate::locale::value_year(c.basis, *y, lang, style))
        }
        (TextEdit::Source { of: SourceOf::Actual(y), .. }, Language::En) => {
            format!("Source (actual of {})", crate::locale::value_year(c.basis, *y, lang, style))
        }
        (TextEdit::Department { .. }, _) => tr(lang, "担当課", "Section").into(),
        (TextEdit::Verdict { to, .. }, Language::Ja) => format!("町の評価（{}）", fy(to.year)),
        (TextEdit::Verdict { to, .. }, Language::En) => format!("Town's verdict ({})", fy(to.year)),
        (TextEdit::Revision { to, .. }, Language::Ja) => format!("修正前の目標（{}に修正）", fy(to.year)),
        (TextEdit::Revision { to, .. }, Language::En) => format!("Earlier target (revised in {})", fy(to.year)),
    }
}

/// Whether a series' actuals are running totals, in a few words: 累計値 / 単年度の値.
pub fn actual_kind(running_totals: bool, lang: Language) -> &'static str {
    match running_totals {
        true => tr(lang, "累計値", "running totals"),
        false => tr(lang, "単年度の値", "yearly values"),
    }
}

/// The two sides of a word change, as now and after the import ("—" for nothing yet).
pub fn csv_text_sides(
    c: &crate::format::csv::TextChange,
    lang: Language,
    style: crate::locale::YearStyle,
) -> (String, String) {
    use crate::format::csv::TextEdit;
    let unit = c.unit.as_str();
    let shown = |s: &str| if s.trim().is_empty() { "—".to_owned() } else { s.to_owned() };
    let verdict = |v: &crate::model::Verdict| match v.comment.trim() {
        "" => v.verdict.clone(),
        comment => format!("{}（{comment}）", v.verdict),
    };
    let revision = |r: &crate::model::TargetRevision| {
        let target = crate::locale::target(&r.target, unit, lang, style);
        let when = r.date.as_deref().map_or(String::new(), |d| format!(" {d}"));
        match r.reason.trim() {
            "" => format!("{target}{when}"),
            reason => format!("{target}{when}: {reason}"),
        }
    };
    match &c.edit {
        TextEdit::YearBasis { from, to } => {
            (crate::locale::year_basis(*from, lang), crate::locale::year_basis(*to, lang))
        }
        TextEdit::RunningTotals { to } => (actual_kind(!*to, lang).to_owned(), actual_kind(*to, lang).to_owned()),
        TextEdit::Source { from, to, .. } | TextEdit::Department { from, to } => (shown(from), shown(to)),
        TextEdit::Verdict { from, to } => (from.as_ref().map_or("—".to_owned(), verdict), verdict(to)),
        TextEdit::Revision { from, to } => (from.as_ref().map_or("—".to_owned(), revision), revision(to)),
    }
}

/// A count in an import's preview: 「9 件」 / 「9」.
pub fn preview_count(n: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{} 件", crate::locale::number(n as f64)),
        Language::En => crate::locale::number(n as f64),
    }
}

/// A CSV import undone.
pub fn csv_undone(file: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{file}」の取り込みを元に戻しました。"),
        Language::En => format!("The import of \"{file}\" was undone."),
    }
}

/// A CSV import the user cancelled.
pub fn csv_cancelled(file: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{file}」は取り込みませんでした。何も変わっていません。"),
        Language::En => format!("\"{file}\" was not imported. Nothing changed."),
    }
}

/// A CSV file refused.
pub fn csv_refused(file: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{file}」は取り込めません。何も変わっていません。"),
        Language::En => format!("\"{file}\" cannot be imported. Nothing changed."),
    }
}

/// Under a preview's rows: how many are not shown.
pub fn rows_not_shown(hidden: usize, lang: Language) -> String {
    let n = crate::locale::number(hidden as f64);
    match lang {
        Language::Ja => format!("ほか {n} 行は省略しています。"),
        Language::En => format!("{n} more rows are not shown."),
    }
}

/// A column as Excel shows it: `H列「値」` / `H "値"` (without the letter when the file has no
/// such column: the plan then names the standard one).
pub fn csv_column_name(letter: Option<&str>, name: &str, lang: Language) -> String {
    match (letter, lang) {
        (Some(l), Language::Ja) => format!("{l}列「{name}」"),
        (Some(l), Language::En) => format!("{l} \"{name}\""),
        (None, Language::Ja) => format!("「{name}」"),
        (None, Language::En) => format!("\"{name}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::csv::read_typed_value;

    #[test]
    fn a_typed_value_is_said_as_the_import_says_it_where_it_says_more_than_a_number() {
        let note = |t: &str, kept: bool, lang| typed_value_note(&read_typed_value(t).unwrap(), kept, lang);
        assert_eq!(note("1,234", true, Language::Ja), None);
        assert_eq!(note("－", true, Language::Ja).unwrap(), "「－」は値なしとして読みました（値は空欄です）。");
        assert_eq!(
            note("2,408※（速報）", true, Language::Ja).unwrap(),
            "速報値にしました。 「※」はコメントが空ならコメントに残します。"
        );
        assert_eq!(
            note("35.2＊1", false, Language::En).unwrap(),
            "“＊1” is not part of the number and is not kept here."
        );
    }

    /// The preview's word changes of a long file an officer edited (北本市's 7-2 出生数 by
    /// calendar year, its sources and an earlier target), each said as what and from → to, in
    /// both languages; the town's own words stay as written.
    #[test]
    fn a_long_files_word_changes_are_said_in_either_language() {
        use crate::format::csv::plan_import;
        use crate::locale::YearStyle;
        let s = crate::format::import(include_str!("../../public/examples/kitamoto.json")).unwrap().strategy;
        let births = "ind-8dd0c54e4a424cf0beb688bbe419ceff,7-2,出生数,,人";
        let file = [
            "指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,値の時点,出典,修正年度,修正日,修正理由".to_owned(),
            format!("{births},,当初値,340,,年,人口動態統計,,,"),
            format!("{births},令和5年,実績,352,,年,保健所の集計,,,"),
            format!("{births},,修正前の目標,360,,年,人口動態統計,令和4年度,2022-06-15,上方修正"),
        ]
        .join("\r\n");
        let plan = plan_import(&s, &file).unwrap();
        let said = |lang| -> Vec<[String; 3]> {
            plan.texts
                .iter()
                .map(|c| {
                    let (from, to) = csv_text_sides(c, lang, YearStyle::Japanese);
                    [csv_text_what(c, lang, YearStyle::Japanese), from, to]
                })
                .collect()
        };
        let rows = |r: &[[&str; 3]]| r.iter().map(|x| x.map(str::to_owned)).collect::<Vec<_>>();
        assert_eq!(
            said(Language::Ja),
            rows(&[
                ["値の時点", "年度", "年（暦年）"],
                ["出典（指標）", "—", "人口動態統計"],
                ["出典（令和5年の実績）", "—", "保健所の集計"],
                ["修正前の目標（令和4年度に修正）", "—", "360人 2022-06-15: 上方修正"],
            ])
        );
        assert_eq!(
            said(Language::En),
            rows(&[
                ["What the year means", "fiscal year", "calendar year"],
                ["Source (indicator)", "—", "人口動態統計"],
                ["Source (actual of CY2023 (R5))", "—", "保健所の集計"],
                ["Earlier target (revised in FY2022 (R4))", "—", "360人 2022-06-15: 上方修正"],
            ])
        );
    }

    #[test]
    fn a_column_is_named_with_its_letter_when_the_file_has_it() {
        assert_eq!(csv_column_name(Some("H"), "値", Language::Ja), "H列「値」");
        assert_eq!(csv_column_name(None, "値", Language::En), "\"値\"");
        assert_eq!(rows_not_shown(1200, Language::Ja), "ほか 1,200 行は省略しています。");
        assert_eq!(preview_count(3, Language::Ja), "3 件");
    }
}
