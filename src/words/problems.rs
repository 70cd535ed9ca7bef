//! Problems in words: a validation problem with its place in the user's terms (基本目標 1「…」 ＞
//! 施策 1-1), and what is wrong with a refused file, line by line. Problems arrive as data
//! (`model::ProblemKind`, `format::ImportError`) and leave here as sentences.

use super::{serde_words, size};
use crate::format::{EnvelopeProblem, ImportError, JsonProblem, OtherKind, ShapeProblem};
use crate::locale::{tr, Language};
use crate::model::{items_on_path, Goal, GoalKind, Id, PathItemKind, Problem, ProblemKind, Strategy};

/// "基本目標 4" / "Basic goal 4".
pub fn goal_heading(g: &Goal, lang: Language) -> String {
    let kind = match (lang, g.kind) {
        (Language::Ja, k) => k.japanese(),
        (Language::En, GoalKind::Basic) => "Basic goal",
        (Language::En, GoalKind::CrossCutting) => "Cross-cutting goal",
    };
    if g.number.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind} {}", g.number)
    }
}

/// One validation problem, with its place in `strategy` in the user's terms, never a JSON path:
/// "基本目標 1「…」 ＞ 施策 1-1（名称未入力）: 名称が未入力です". (The path is for support:
/// the views put it in the element's `title`.)
pub fn problem(p: &Problem, strategy: &Strategy, lang: Language) -> String {
    format!("{}: {}", place(strategy, &p.path, lang), problem_kind(&p.kind, lang))
}

/// A problem's place in a file that was refused (no strategy to name its items from), by
/// position: "1番目の目標 ＞ 2番目の施策".
fn place_by_position(path: &str, lang: Language) -> String {
    let ja = lang == Language::Ja;
    let items: Vec<String> = path
        .split('.')
        .filter_map(|segment| {
            let (name, rest) = segment.split_once('[')?;
            let n = rest.strip_suffix(']')?.parse::<usize>().ok()? + 1;
            let (kind_ja, kind_en) = match name {
                "goals" => ("目標", "goal"),
                "measures" => ("施策", "measure"),
                "initiatives" => ("事業", "initiative"),
                "indicators" => ("指標", "indicator"),
                "strategies" => ("戦略", "strategy"),
                _ => return None,
            };
            Some(if ja { format!("{n}番目の{kind_ja}") } else { format!("{kind_en} {n}") })
        })
        .collect();
    joined(&items, lang)
}

/// Items on a path, outermost first, or the strategy's own settings when there is none.
fn joined(items: &[String], lang: Language) -> String {
    match (items.is_empty(), lang) {
        (true, Language::Ja) => "戦略の設定".to_owned(),
        (true, Language::En) => "Strategy settings".to_owned(),
        (false, Language::Ja) => items.join(" ＞ "),
        (false, Language::En) => items.join(" > "),
    }
}

/// The items on a problem's path (`model::items_on_path`), or the strategy's own settings.
pub fn place(strategy: &Strategy, path: &str, lang: Language) -> String {
    let ja = lang == Language::Ja;
    let items: Vec<String> = items_on_path(strategy, path)
        .into_iter()
        .map(|item| {
            let kind = match (item.kind, ja) {
                (PathItemKind::Goal(k), true) => k.japanese(),
                (PathItemKind::Goal(crate::model::GoalKind::Basic), false) => "Basic goal",
                (PathItemKind::Goal(crate::model::GoalKind::CrossCutting), false) => "Cross-cutting goal",
                (PathItemKind::Measure, true) => "施策",
                (PathItemKind::Measure, false) => "Measure",
                (PathItemKind::Initiative, true) => "事業",
                (PathItemKind::Initiative, false) => "Initiative",
                (PathItemKind::Indicator, true) => "指標",
                (PathItemKind::Indicator, false) => "Indicator",
            };
            let number = if item.number.trim().is_empty() { String::new() } else { format!(" {}", item.number.trim()) };
            let name = match (item.name.trim(), ja) {
                ("", true) => "（名称未入力）".to_owned(),
                ("", false) => " (no name yet)".to_owned(),
                (name, true) => format!("「{name}」"),
                (name, false) => format!(" “{name}”"),
            };
            format!("{kind}{number}{name}")
        })
        .collect();
    match settings_row(path, lang) {
        Some(row) if items.is_empty() => joined(&[joined(&[], lang), row], lang),
        _ => joined(&items, lang),
    }
}

/// A row of the strategy's own settings a path points into: "策定スケジュール 2行目".
fn settings_row(path: &str, lang: Language) -> Option<String> {
    let (table, rest) = [
        ("schedule[", ("策定スケジュール", "drafting schedule")),
        ("departments[", ("担当課", "sections")),
        ("rating_rule.tiers[", ("評価基準", "rating rule")),
        ("workshops[", ("ワークショップ", "workshop")),
    ]
    .into_iter()
    .find_map(|(prefix, names)| path.strip_prefix(prefix).map(|rest| (names, rest)))?;
    let n = rest.split(']').next()?.parse::<usize>().ok()? + 1;
    Some(match lang {
        Language::Ja => format!("{} {n}行目", table.0),
        Language::En => format!("{} row {n}", table.1),
    })
}

/// A reference to something the strategy does not hold (`what`: its kind in Japanese and
/// English), in words.
fn missing(id: &Id, what: (&str, &str), lang: Language) -> String {
    match lang {
        Language::Ja => format!("{} '{id}' が存在しません", what.0),
        Language::En => format!("{} '{id}' does not exist", what.1),
    }
}

pub fn problem_kind(k: &ProblemKind, lang: Language) -> String {
    use ProblemKind::*;
    let ja = lang == Language::Ja;
    match k {
        UnknownIndicator { id } => missing(id, ("指標", "indicator"), lang),
        UnknownMeasure { id } => missing(id, ("施策", "measure"), lang),
        UnknownInitiative { id } => missing(id, ("事業", "initiative"), lang),
        UnknownNationalGoal { id } => missing(id, ("国の目標", "national goal"), lang),
        UnknownDepartment { id } => missing(id, ("担当課", "section"), lang),
        DuplicateId { id, first } => {
            let first = place_by_position(first, lang);
            if ja {
                format!("ID '{id}' が重複しています（最初は {first}）")
            } else {
                format!("id '{id}' is used twice (first at {first})")
            }
        }
        UnsafeId { id } => {
            let id = shown_id(id);
            if ja {
                format!("ID {id} は使えません（{ID_RULE_JA}）")
            } else {
                format!("the id {id} cannot be used ({ID_RULE_EN})")
            }
        }
        PeriodReversed { first, last } => {
            if ja {
                format!("計画期間の終わり（{}）が始まり（{}）より前です", last.japanese(), first.japanese())
            } else {
                format!("the plan period ends ({}) before it starts ({})", last.english(), first.english())
            }
        }
        YearOutOfRange { year } => {
            if ja {
                format!("年度 {} は扱えない範囲です", year.0)
            } else {
                format!("fiscal year {} is out of range", year.0)
            }
        }
        DuplicateYear { year } => {
            if ja {
                format!("{} が重複しています", year.japanese())
            } else {
                format!("{} appears twice", year.english())
            }
        }
        NegativeMoney { value } => {
            if ja {
                format!("金額がマイナスです（{value}千円）")
            } else {
                format!("negative amount ({value} thousand yen)")
            }
        }
        NotFinite => tr(lang, "数値ではありません", "not a number").into(),
        InvalidSdg { number } => {
            if ja {
                format!("SDGs の番号 {number} は 1〜17 ではありません")
            } else {
                format!("SDG {number} is not between 1 and 17")
            }
        }
        IndicatorWithoutSeries => tr(lang, "指標に値の欄（内訳）がありません", "the indicator has no series").into(),
        EmptyRatingLabel => tr(lang, "評価基準に空のラベルがあります", "the rating rule has an empty label").into(),
        BadScheduleDate => tr(lang, "日付が正しくありません", "the date is not valid").into(),
        YearOutsidePeriod { year } => {
            if ja {
                format!("{} は計画期間の外です", year.japanese())
            } else {
                format!("{} is outside the plan period", year.english())
            }
        }
        BaselineMissing => tr(lang, "当初値がありません", "the baseline is missing").into(),
        // 「年度」 for fiscal years; a calendar-year or as-of series says 「年」 (「2019年」 is not 「2019年度」).
        BaselineYearUnknown { assumed, basis } => {
            let (fy, year) = (basis.is_fiscal(), assumed_year(*assumed, *basis, lang));
            match (ja, fy) {
                (true, true) => format!("当初値の年度が不明です。進み具合は{year}（計画の前年度）の値として計算しています"),
                (true, false) => format!("当初値の年が不明です。進み具合は{year}（計画の前の年）の値として計算しています"),
                (false, _) => format!("the baseline's year is unknown: progress takes it as {year} (the year before the plan)"),
            }
        }
        TargetYearUnknown { assumed, basis } => {
            let (fy, year) = (basis.is_fiscal(), assumed_year(*assumed, *basis, lang));
            match (ja, fy) {
                (true, true) => format!("目標年度が不明です。進み具合は{year}（計画の最終年度）を目標年度として計算しています"),
                (true, false) => format!("目標の年が不明です。進み具合は{year}（計画の最後の年）を目標の年として計算しています"),
                (false, _) => format!("the target's year is unknown: progress takes it as due in {year} (the plan's last year)"),
            }
        }
        RelativeTargetWithoutBaseline => tr(
            lang,
            "基準値からの増減で書かれた目標ですが、基準値がないため目標値を算出できず、進み具合も計算できません",
            "the target is a change from the baseline, but there is no baseline: its value and the progress cannot be worked out",
        )
        .into(),
        SpanReversed { from, to } => {
            if ja {
                format!("目標の期間が{}から{}までと、終わりが始まりより前になっています", from.japanese(), to.japanese())
            } else {
                format!("the target's span {}–{} ends before it starts", from.english(), to.english())
            }
        }
        IndicatorUnused => {
            tr(lang, "どの目標・施策からも参照されていない指標です", "no goal or measure uses this indicator").into()
        }
        UnknownRatingLabel { label } => {
            if ja {
                format!("評価 '{label}' は評価基準にありません")
            } else {
                format!("rating '{label}' is not in the rating rule")
            }
        }
        MunicipalityCodeInvalid { code } => {
            if ja {
                format!("団体コード '{code}' が正しくありません（6桁・検査数字）")
            } else {
                format!("local government code '{code}' is not valid (6 digits with check digit)")
            }
        }
        EmptyTitle => tr(lang, "名称が未入力です", "the name is not entered").into(),
        RelistedOwnInitiative { id } => {
            if ja {
                format!("事業 '{id}' は同じ施策の事業なので再掲できません")
            } else {
                format!("initiative '{id}' belongs to this measure and cannot be re-listed here")
            }
        }
        RatingThresholdsNotDescending => {
            tr(lang, "評価基準のしきい値が高い順になっていません", "rating thresholds are not in descending order")
                .into()
        }
        UnknownNoteTarget { id } => {
            if ja {
                format!("ワークショップの付箋の対象 '{id}' がありません（削除された目標・施策）")
            } else {
                format!("the goal or measure '{id}' of a workshop note no longer exists")
            }
        }
        BadWorkshopDate => workshop_date(lang).into(),
        DuplicateRound { .. } | BadRoundDate { .. } | BadEvaluationDate { .. } => super::round::problem(k, lang),
        UnknownHearing { .. } | UnknownOpinionItem { .. } | BadCommentPeriod => super::hearing::problem(k, lang),
        Population(p) => super::population::vision_problem(p, lang),
        RevisionDateInvalid { series, year, date } => {
            let of = series_of(series, lang);
            if ja {
                format!("{of}目標の修正（{}）の決定日「{date}」は実在する日付ではありません（YYYY-MM-DD）", year.japanese())
            } else {
                format!("{of}the date “{date}” of the target's revision ({}) is not a real date (YYYY-MM-DD)", year.english())
            }
        }
        RevisionDateOutsideYear { series, year, date } => {
            let (of, y) = (series_of(series, lang), year.0);
            if ja {
                let fy = year.japanese();
                format!("{of}目標の修正の決定日 {date} は、修正した年度（{fy}）の中にありません（{fy}は{y}年4月1日〜{}年3月31日）", y + 1)
            } else {
                format!(
                    "{of}the target's revision is dated {date}, outside the fiscal year it is recorded in ({}: 1 April {y} – 31 March {})",
                    year.english(),
                    y + 1
                )
            }
        }
        RevisionOutsidePeriod { series, year } => {
            let of = series_of(series, lang);
            if ja {
                format!("{of}目標の修正（{}）が計画期間の外です", year.japanese())
            } else {
                format!("{of}the target's revision ({}) is outside the plan period", year.english())
            }
        }
        ImpossibleAsOfDay { series, month, day: 0 } => {
            let of = series_of(series, lang);
            if ja {
                format!("{of}値の時点「{month}月現在」はありえない月です")
            } else {
                format!("{of}the values' month “as of month {month}” does not exist")
            }
        }
        ImpossibleAsOfDay { series, month, day } => {
            let of = series_of(series, lang);
            if ja {
                format!("{of}値の時点「{month}月{day}日現在」はありえない日付です")
            } else {
                format!("{of}the values' date “as of {month}/{day}” (month/day) is a day that does not exist")
            }
        }
    }
}

/// 「内訳「男性」の」 / "series “男性”: " before a problem of one series; nothing for an unnamed one
/// (an indicator without a breakdown).
fn series_of(label: &str, lang: Language) -> String {
    match (label.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Language::Ja) => format!("内訳「{label}」の"),
        (false, Language::En) => format!("series “{label}”: "),
    }
}

const ID_RULE_JA: &str = "ID に使えるのは半角の英数字と「-」「_」だけで、1〜128 文字です";
const ID_RULE_EN: &str = "an id is 1 to 128 characters of A–Z, a–z, 0–9, “-” and “_”";

/// An id as a message shows it: quoted, cut short, with what cannot be seen (control and
/// direction characters) written as its code point; `''` for an empty one.
fn shown_id(id: &crate::model::Id) -> String {
    if id.as_str().is_empty() {
        return "''".to_owned();
    }
    let mut out: String = id
        .as_str()
        .chars()
        .take(64)
        .map(|c| {
            if c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
            {
                format!("U+{:04X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    if id.as_str().chars().count() > 64 {
        out.push('…');
    }
    format!("'{out}'")
}

/// At most this many problems are listed for a file; the rest are counted.
const MAX_PROBLEM_LINES: usize = 30;

/// What went wrong with a file, in one or more lines.
pub fn import_error(e: &ImportError, lang: Language) -> Vec<String> {
    let ja = lang == Language::Ja;
    let one = |s: String| vec![s];
    match e {
        ImportError::TooLarge { bytes, limit } => one(if ja {
            format!("ファイルが大きすぎます（{}）。読み込めるのは {} までです", size(*bytes), size(*limit))
        } else {
            format!("The file is too large ({}). The limit is {}", size(*bytes), size(*limit))
        }),
        ImportError::Empty => one(tr(lang, "ファイルが空です", "The file is empty").into()),
        ImportError::NotUtf8 { offset } => one(if ja {
            format!("UTF-8 のテキストではありません（{} バイト目）。Shift_JIS などで保存したファイルは、UTF-8 で保存し直してください", offset + 1)
        } else {
            format!("This is not UTF-8 text (byte {}). Save the file as UTF-8 and try again", offset + 1)
        }),
        ImportError::OtherKind { kind } => one(match kind {
            OtherKind::Csv => tr(lang, "JSON ではありません（CSV ファイルのようです）。ここで取り込めるのは Shirube の JSON ファイルです。指標の CSV は、戦略の「Excel・印刷」のページから取り込めます", "This is not JSON (it looks like a CSV file). Only Shirube JSON files can be imported here; an indicator CSV is imported on the strategy's \"Excel and print\" page"),
            OtherKind::Zip => tr(lang, "JSON ではありません（Excel などの ZIP 形式のファイルのようです）", "This is not JSON (it looks like an Excel or other ZIP file)"),
            OtherKind::OfficeBinary => tr(lang, "JSON ではありません（古い Excel / Word のファイルのようです）", "This is not JSON (it looks like an old Excel or Word file)"),
            OtherKind::Pdf => tr(lang, "JSON ではありません（PDF ファイルのようです）", "This is not JSON (it looks like a PDF file)"),
        }.into()),
        ImportError::NotJson { line, column, problem, near, .. } => {
            let place = if ja { format!("{line}行目 {column}文字目") } else { format!("line {line}, column {column}") };
            let near = if near.is_empty() { String::new() } else if ja { format!("、付近: {near}") } else { format!(", near: {near}") };
            one(match (problem, ja) {
                (JsonProblem::TooDeep, true) => format!("JSON として読めません: 入れ子が深すぎます（{place}）"),
                (JsonProblem::TooDeep, false) => format!("This is not valid JSON: nested too deeply ({place})"),
                (JsonProblem::Truncated, true) => format!("JSON として読めません: ファイルが途中で終わっています（{place}）"),
                (JsonProblem::Truncated, false) => format!("This is not valid JSON: the file ends too early ({place})"),
                (JsonProblem::NumberOutOfRange, true) => format!("JSON として読めません: 数値が大きすぎます（{place}{near}）"),
                (JsonProblem::NumberOutOfRange, false) => format!("This is not valid JSON: a number is too large ({place}{near})"),
                (JsonProblem::Syntax, true) => format!("JSON として読めません（{place}{near}）"),
                (JsonProblem::Syntax, false) => format!("This is not valid JSON ({place}{near})"),
            })
        }
        ImportError::NotAnEnvelope { path, problem } => one(match problem {
            EnvelopeProblem::WrongFormat { found } => if ja { format!("Shirube のファイルではありません（format が '{found}'）") } else { format!("This is not a Shirube file (format is '{found}')") },
            EnvelopeProblem::Missing if path == "format" => tr(lang, "Shirube のファイルではありません（format がありません）", "This is not a Shirube file (no format field)").into(),
            EnvelopeProblem::Missing => if ja { format!("{path}: 必須の項目がありません") } else { format!("{path}: required field is missing") },
            EnvelopeProblem::NotAnObject if path.is_empty() => tr(lang, "Shirube のファイルではありません（JSON オブジェクトではありません）", "This is not a Shirube file (not a JSON object)").into(),
            EnvelopeProblem::NotAnObject => if ja { format!("{path}: オブジェクトではありません") } else { format!("{path}: not an object") },
            EnvelopeProblem::NotAnArray => if ja { format!("{path}: 配列ではありません") } else { format!("{path}: not an array") },
            EnvelopeProblem::BadVersion => tr(lang, "version: 正しいバージョン番号ではありません", "version: not a valid version number").into(),
        }),
        ImportError::NewerVersion { version } => one(if ja {
            format!("このファイルは新しいバージョンの Shirube で作成されています (version {version})")
        } else {
            format!("This file was made by a newer version of Shirube (version {version})")
        }),
        ImportError::Migration { from, detail } => one(if ja {
            format!("古い形式 (version {from}) からの変換に失敗しました: {detail}")
        } else {
            format!("Converting from the old format (version {from}) failed: {detail}")
        }),
        ImportError::Shape { path, problem } => one(match problem {
            ShapeProblem::MissingField { field } => if ja { format!("{path}: 必須の項目 '{field}' がありません") } else { format!("{path}: required field '{field}' is missing") },
            ShapeProblem::InvalidType { found, expected } => if ja { format!("{path}: 値の型が違います（{} ではなく {} が必要です）", serde_words::found(found), serde_words::expected(expected)) } else { format!("{path}: wrong type ({found}, expected {expected})") },
            ShapeProblem::InvalidValue { found, expected } => if ja { format!("{path}: 使えない値です（{} ではなく {} が必要です）", serde_words::found(found), serde_words::expected(expected)) } else { format!("{path}: value not allowed ({found}, expected {expected})") },
            ShapeProblem::UnknownVariant { found, expected } => if ja { format!("{path}: '{found}' は使えない値です（{}）", serde_words::variants(expected)) } else { format!("{path}: '{found}' is not allowed ({expected})") },
            ShapeProblem::DamagedGraph { detail } => super::history::damaged(path, detail, lang),
            ShapeProblem::NotVersionId { found } => super::history::not_a_version_id(path, found, lang),
            ShapeProblem::Other { detail } => if ja { format!("{path}: 値を読み取れません") } else { format!("{path}: {detail}") },
        }),
        ImportError::Invalid { problems } => {
            let mut lines: Vec<String> = problems
                .iter()
                .take(MAX_PROBLEM_LINES)
                .map(|p| format!("{}: {}", place_by_position(&p.path, lang), problem_kind(&p.kind, lang)))
                .collect();
            if problems.len() > MAX_PROBLEM_LINES {
                let rest = problems.len() - MAX_PROBLEM_LINES;
                lines.push(if ja { format!("ほか {rest} 件") } else { format!("and {rest} more") });
            }
            lines
        }
        ImportError::UnsafeId { path, id } => one(if ja {
            format!("{path}: ID {} は使えません（{ID_RULE_JA}）。ファイルを作ったツールで ID を直してから取り込んでください", shown_id(id))
        } else {
            format!("{path}: the id {} cannot be used ({ID_RULE_EN}). Correct the id with the tool that made the file, then import it again", shown_id(id))
        }),
        ImportError::TooManyVersions { path, list, limit } => one(super::history::too_many(path, *list, *limit, lang)),
        // The entry's place in front of each line: "4番目の戦略: …".
        ImportError::InEntry { path, error } => {
            let entry = place_by_position(path, lang);
            import_error(error, lang).into_iter().map(|line| format!("{entry}: {line}")).collect()
        }
    }
}

/// The year an unknown one is taken as: 「令和3年度」 / 「令和3年」, "FY2021" / "CY2021".
fn assumed_year(y: crate::model::FiscalYear, basis: crate::model::YearBasis, lang: Language) -> String {
    let style =
        if lang == Language::Ja { crate::locale::YearStyle::Japanese } else { crate::locale::YearStyle::Western };
    crate::locale::value_year(basis, y, lang, style)
}

/// A workshop session's date that is no day.
fn workshop_date(lang: Language) -> &'static str {
    tr(lang, "ワークショップの日付が正しくありません", "the workshop's date is not valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, YearBasis};

    #[test]
    fn an_unknown_year_is_said_as_the_series_writes_its_years() {
        let baseline = |basis| ProblemKind::BaselineYearUnknown { assumed: FiscalYear(2021), basis };
        let target = |basis| ProblemKind::TargetYearUnknown { assumed: FiscalYear(2025), basis };
        assert_eq!(
            problem_kind(&baseline(YearBasis::Fiscal), Language::Ja),
            "当初値の年度が不明です。進み具合は令和3年度（計画の前年度）の値として計算しています"
        );
        assert_eq!(
            problem_kind(&baseline(YearBasis::Calendar), Language::Ja),
            "当初値の年が不明です。進み具合は令和3年（計画の前の年）の値として計算しています"
        );
        assert_eq!(
            problem_kind(&target(YearBasis::Calendar), Language::En),
            "the target's year is unknown: progress takes it as due in CY2025 (the plan's last year)"
        );
        assert_eq!(
            problem_kind(&target(YearBasis::Fiscal), Language::En),
            "the target's year is unknown: progress takes it as due in FY2025 (the plan's last year)"
        );
    }

    #[test]
    fn a_settings_row_is_placed_under_the_settings() {
        let s = Strategy::blank(
            "町",
            "町",
            crate::model::PlanPeriod { first: crate::model::FiscalYear(2020), last: crate::model::FiscalYear(2024) },
        );
        assert_eq!(place(&s, "schedule[1].when", Language::Ja), "戦略の設定 ＞ 策定スケジュール 2行目");
        assert_eq!(
            place(&s, "rating_rule.tiers[0].min_percent", Language::En),
            "Strategy settings > rating rule row 1"
        );
        assert_eq!(place(&s, "period", Language::Ja), "戦略の設定");
        assert_eq!(place(&s, "schedule[x]", Language::Ja), "戦略の設定");
    }
}
