//! Words: every text the user reads, Japanese first with English available. Errors and
//! problems arrive here as data and leave as sentences; nothing below `ui` holds UI text.

use crate::format::{EnvelopeProblem, ImportError, JsonProblem, OtherKind, ShapeProblem};
use crate::model::{items_on_path, Goal, GoalKind, PathItemKind, Problem, ProblemKind, Strategy};
use crate::storage::StorageError;

pub use crate::locale::{
    assumed_years, number, period, quantity, rating, rating_rule, status, target, tr, year, Language, YearStyle,
};

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

pub fn problem_kind(k: &ProblemKind, lang: Language) -> String {
    use ProblemKind::*;
    let ja = lang == Language::Ja;
    match k {
        DuplicateId { id, first } => {
            let first = place_by_position(first, lang);
            if ja {
                format!("ID '{id}' が重複しています（最初は {first}）")
            } else {
                format!("id '{id}' is used twice (first at {first})")
            }
        }
        UnknownIndicator { id } => {
            if ja {
                format!("指標 '{id}' が存在しません")
            } else {
                format!("indicator '{id}' does not exist")
            }
        }
        UnknownMeasure { id } => {
            if ja {
                format!("施策 '{id}' が存在しません")
            } else {
                format!("measure '{id}' does not exist")
            }
        }
        UnknownInitiative { id } => {
            if ja {
                format!("事業 '{id}' が存在しません")
            } else {
                format!("initiative '{id}' does not exist")
            }
        }
        UnknownNationalGoal { id } => {
            if ja {
                format!("国の目標 '{id}' が存在しません")
            } else {
                format!("national goal '{id}' does not exist")
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
        BaselineYearUnknown { assumed } => {
            if ja {
                format!(
                    "当初値の年度が不明です。進み具合は{}（計画の前年度）の値として計算しています",
                    assumed.japanese()
                )
            } else {
                format!(
                    "the baseline's year is unknown: progress takes it as {} (the year before the plan)",
                    assumed.english()
                )
            }
        }
        TargetYearUnknown { assumed } => {
            if ja {
                format!(
                    "目標年度が不明です。進み具合は{}（計画の最終年度）を目標年度として計算しています",
                    assumed.japanese()
                )
            } else {
                format!(
                    "the target's year is unknown: progress takes it as due in {} (the plan's last year)",
                    assumed.english()
                )
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
        BadWorkshopDate => {
            tr(lang, "ワークショップの日付が正しくありません", "the workshop's date is not valid").into()
        }
    }
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
            ShapeProblem::InvalidType { found, expected } => if ja { format!("{path}: 値の型が違います（{found} ではなく {expected} が必要です）") } else { format!("{path}: wrong type ({found}, expected {expected})") },
            ShapeProblem::UnknownVariant { found, expected } => if ja { format!("{path}: '{found}' は使えない値です（{expected}）") } else { format!("{path}: '{found}' is not allowed ({expected})") },
            ShapeProblem::Other { detail } => format!("{path}: {detail}"),
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
        // The entry's place in front of each line: "4番目の戦略: …".
        ImportError::InEntry { path, error } => {
            let entry = place_by_position(path, lang);
            import_error(error, lang).into_iter().map(|line| format!("{entry}: {line}")).collect()
        }
    }
}

/// A file size for people: "20.0 MB", "512 KB", "300 バイト".
pub fn size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    if bytes >= GB {
        let tenths = (bytes * 10 + GB / 2) / GB;
        format!("{}.{} GB", tenths / 10, tenths % 10)
    } else if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1024 {
        format!("{} KB", (bytes + 512) / 1024)
    } else {
        format!("{bytes} B")
    }
}

/// What moving an earlier release's data from `localStorage` into IndexedDB did.
pub fn moved_lines(m: &crate::storage::Moved, lang: Language) -> Vec<String> {
    let ja = lang == Language::Ja;
    let mut lines = vec![if ja {
        format!("以前の版が localStorage に保存していたデータ {} 件を IndexedDB に移し、読み戻して確かめました。保存できる量が大きくなり、版の履歴も残せるようになります。", m.copied)
    } else {
        format!("{} entries an earlier version kept in localStorage were moved into IndexedDB and read back to check them. There is much more room now.", m.copied)
    }];
    if m.kept_aside > 0 {
        lines.push(if ja {
            format!("{} 件は新しい保存先の内容と異なっていたため、新しい方を使い、古い方は「読めなかった保存データ」に残してあります。", m.kept_aside)
        } else {
            format!("{} entries differed from what the new storage held: the newer is used, the other is kept under “Stored data that could not be read”.", m.kept_aside)
        });
    }
    if let Some(e) = &m.left_behind {
        lines.push(if ja {
            format!("localStorage から古いコピーを消せませんでした（{}）。データは新しい保存先にあります。次回の起動時にもう一度消します。", storage_error(e, lang))
        } else {
            format!("The old copy could not be removed from localStorage ({}). The data is in the new storage; the next start tries again.", storage_error(e, lang))
        });
    }
    lines
}

/// The whole site's storage: "約 12 MB を使用（上限 約 30 GB）".
pub fn site_usage(usage: u64, quota: u64, lang: Language) -> String {
    if lang == Language::Ja {
        format!("このサイトのデータは約 {} です（このブラウザが使わせてくれる上限は約 {}）。", size(usage), size(quota))
    } else {
        format!("This site's data takes about {} (this browser allows about {}).", size(usage), size(quota))
    }
}

/// Why the app runs on `localStorage` instead of IndexedDB, and what that means.
pub fn indexed_db_problem(e: &StorageError, lang: Language) -> String {
    if lang == Language::Ja {
        format!("このブラウザでは IndexedDB を使えないため、localStorage（1サイト約500万文字まで）に保存しています: {}。データは失われていません。容量に注意し、こまめにファイルに書き出してください。", storage_error(e, lang))
    } else {
        format!("IndexedDB cannot be used in this browser, so data is kept in localStorage (about 5 million characters per site): {}. No data was lost. Mind the room, and export to files regularly.", storage_error(e, lang))
    }
}

pub fn storage_error(e: &StorageError, lang: Language) -> String {
    let ja = lang == Language::Ja;
    match e {
        StorageError::Unavailable { detail } => {
            if ja {
                format!("ブラウザの保存領域が使えません（{detail}）。変更はこのタブの中だけにあり、保存されません。エクスポートでファイルに保存してください。")
            } else {
                format!("Browser storage is unavailable ({detail}). Changes live only in this tab and are not saved: export them to a file.")
            }
        }
        StorageError::QuotaExceeded { bytes, .. } => {
            if ja {
                format!("ブラウザの保存領域がいっぱいです（{} を保存できませんでした）。保存済みの内容は変更していません。開いている内容はこのタブに残っています。不要な戦略やバックアップを削除するか、ファイルに書き出してください。", size(*bytes as u64))
            } else {
                format!("Browser storage is full ({} could not be saved). Nothing stored was changed; what is open stays in this tab. Delete strategies or backups you no longer need, or export to a file.", size(*bytes as u64))
            }
        }
        StorageError::TooLarge { bytes, .. } => {
            if ja {
                format!("この戦略はブラウザの保存領域に入りきらない大きさです（{}。ブラウザが1つのサイトに保存できるのは約500万文字までで、他のデータを削除しても保存できません）。保存済みの内容は変更していません。開いている内容はこのタブに残っています。ファイルに書き出して保管してください。", size(*bytes as u64))
            } else {
                format!("This strategy is too large for browser storage ({}; a browser keeps about 5 million characters per site, so deleting other data does not make room). Nothing stored was changed; what is open stays in this tab. Export it to a file to keep it.", size(*bytes as u64))
            }
        }
        StorageError::Garbage { key, kept_as } => {
            if ja {
                format!("保存データ '{key}' が読めませんでした。消さずに '{kept_as}' として残してあります（ダウンロードできます）。")
            } else {
                format!("Stored data '{key}' could not be read. It was kept as '{kept_as}' (you can download it).")
            }
        }
        StorageError::NotFound { id } => {
            if ja {
                format!("戦略 '{id}' は保存されていません")
            } else {
                format!("strategy '{id}' is not stored")
            }
        }
        StorageError::Conflict { .. } => {
            if ja {
                "別のタブ（またはウィンドウ）がこの戦略を先に保存しました。このタブの変更はまだ保存していません。"
                    .to_owned()
            } else {
                "Another tab (or window) saved this strategy first. This tab's changes are not saved yet.".to_owned()
            }
        }
        StorageError::Failed { detail } => {
            if ja {
                format!("保存に失敗しました: {detail}")
            } else {
                format!("Saving failed: {detail}")
            }
        }
    }
}

/// `units` as a share of the browser's storage: "62%"; under 10 %, one decimal ("2.6%"), so
/// that small shares still add up; "0.1% 未満" for a little, "0.0%" for nothing.
pub fn share(u: &crate::storage::Usage, units: usize, lang: Language) -> String {
    match u.per_mille(units) {
        0 if units > 0 => {
            if lang == Language::Ja {
                "0.1% 未満".to_owned()
            } else {
                "under 0.1%".to_owned()
            }
        }
        t if t < 100 => format!("{}.{}%", t / 10, t % 10),
        _ => format!("{}%", u.percent(units)),
    }
}

/// One entry's share, beside it in a list: "保存領域の 12%".
pub fn share_of_storage(u: &crate::storage::Usage, units: usize, lang: Language) -> String {
    let share = share(u, units, lang);
    if lang == Language::Ja {
        format!("保存領域の {share}")
    } else {
        format!("{share} of storage")
    }
}

/// How much of the browser's storage is used, and by what.
pub fn storage_usage(u: &crate::storage::Usage, lang: Language) -> String {
    let [used, strategies, backups, other] = [u.used(), u.strategies, u.backups, u.other].map(|n| share(u, n, lang));
    if lang == Language::Ja {
        format!("約 {used} を使用しています（戦略 {strategies}・バックアップ {backups}・その他 {other}）。ブラウザが 1 つのサイトに保存できるのは約 500 万文字です。")
    } else {
        format!("About {used} used (strategies {strategies}, backups {backups}, other {other}). A browser keeps about 5 million characters per site.")
    }
}

/// The largest strategy leaves no room for its own backup.
pub fn no_room_for_backup(u: &crate::storage::Usage, lang: Language) -> String {
    let largest = share(u, u.largest_strategy, lang);
    if lang == Language::Ja {
        format!("いちばん大きな戦略は保存領域の {largest} を使っているため、削除や置き換えの前にバックアップを残す余裕がありません。先にその戦略をファイルに書き出してください。")
    } else {
        format!("The largest strategy takes {largest} of storage, so there is no room for the backup kept before deleting or replacing it. Export it to a file first.")
    }
}

/// Why a row or cell of an indicator CSV is not imported (the row and column are shown beside).
/// How a cell of a town's table was read (a "no value" mark, a number with a mark).
pub fn csv_reading(r: &crate::format::csv::Reading, lang: Language) -> String {
    use crate::format::csv::Reading;
    match (r, lang) {
        (Reading::NoValue, Language::Ja) => "値なし（何も書き込みません）".into(),
        (Reading::NoValue, Language::En) => "no value (nothing is written)".into(),
        (Reading::Marked { mark }, Language::Ja) => {
            format!("数値を取り込みます（実績ならば「{mark}」をコメントに残します）")
        }
        (Reading::Marked { mark }, Language::En) => {
            format!("the number is imported (for an actual, “{mark}” is kept as its comment)")
        }
        (Reading::Provisional, Language::Ja) => "速報値として取り込みます".into(),
        (Reading::Provisional, Language::En) => "imported as a provisional value".into(),
    }
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
        UnknownKind { text } => if ja { format!("区分「{text}」は 実績・目標・中間目標・当初値 のどれでもありません") } else { format!("区分 (kind) '{text}' is none of 実績 (actual), 目標 (target), 中間目標 (interim target), 当初値 (baseline)") },
        BadFlag { text } => if ja { format!("速報の印「{text}」が読めません（速報値は ○、確定値は空欄）") } else { format!("The provisional marker '{text}' cannot be read (○ for provisional, empty for final)") },
        ProvisionalWithoutValue => tr(lang, "値がないのに速報の印があります", "A provisional marker without a value").into(),
        TargetKindDiffers => tr(lang, "目標の種類（値・毎年・方向のみ）が登録されているものと違います。種類を変えるときは編集画面で変更してください", "The kind of target (a value, per year, direction only) differs from the stored one; change it in the editor").into(),
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
        UnclosedQuote { row } => if ja { format!("{row} 行目で始まる \" で囲まれたセルが閉じられていません") } else { format!("A quoted cell that starts on row {row} is not closed") },
        Csv { line, detail } => if ja { format!("{line} 行目が CSV として読めません（{detail}）") } else { format!("Line {line} cannot be read as CSV ({detail})") },
    }
}

/// The language and fiscal-year style a view speaks in, as a narrow context: inside the app it
/// follows the user's preferences (`AppState`); a view shown without the app's state (the
/// read-only hand-out) provides its own with `provide_context(Speech(…))`.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy)]
pub struct Speech(pub leptos::prelude::Signal<crate::charts::Words>);

/// The words to speak in: a `Speech` context when there is one, else the app's preferences,
/// else Japanese with Japanese eras.
#[cfg(target_arch = "wasm32")]
pub fn use_words() -> leptos::prelude::Signal<crate::charts::Words> {
    use crate::charts::Words;
    use leptos::prelude::*;
    if let Some(Speech(words)) = use_context::<Speech>() {
        return words;
    }
    match use_context::<super::state::AppState>() {
        Some(state) => Signal::derive(move || Words { lang: state.lang(), years: state.year_style() }),
        None => Signal::stored(Words { lang: Language::Ja, years: YearStyle::Japanese }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{Usage, BROWSER_LIMIT_UNITS};

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

    #[test]
    fn storage_usage_in_words() {
        let u = Usage {
            strategies: BROWSER_LIMIT_UNITS * 3 / 5,
            backups: BROWSER_LIMIT_UNITS / 20,
            other: 100,
            limit: BROWSER_LIMIT_UNITS,
            ..Usage::default()
        };
        assert_eq!(share(&u, 0, Language::Ja), "0.0%");
        assert_eq!(share(&u, BROWSER_LIMIT_UNITS / 2001, Language::Ja), "0.1% 未満");
        assert_eq!(share(&u, BROWSER_LIMIT_UNITS / 2001, Language::En), "under 0.1%");
        assert_eq!(share(&u, BROWSER_LIMIT_UNITS / 1999, Language::En), "0.1%");
        assert_eq!(share(&u, BROWSER_LIMIT_UNITS * 26 / 1000, Language::En), "2.6%");
        assert_eq!(share(&u, BROWSER_LIMIT_UNITS * 616 / 1000, Language::En), "62%");
        assert_eq!(storage_usage(&u, Language::Ja), "約 65% を使用しています（戦略 60%・バックアップ 5.0%・その他 0.1% 未満）。ブラウザが 1 つのサイトに保存できるのは約 500 万文字です。");
        assert_eq!(storage_usage(&u, Language::En), "About 65% used (strategies 60%, backups 5.0%, other under 0.1%). A browser keeps about 5 million characters per site.");
        assert_eq!(share_of_storage(&u, BROWSER_LIMIT_UNITS / 10, Language::Ja), "保存領域の 10%");
        assert_eq!(share_of_storage(&u, BROWSER_LIMIT_UNITS / 10, Language::En), "10% of storage");
        let u = Usage { largest_strategy: BROWSER_LIMIT_UNITS * 2 / 5, ..u };
        assert!(
            no_room_for_backup(&u, Language::Ja).starts_with("いちばん大きな戦略は保存領域の 40% を使っているため、")
        );
        assert!(no_room_for_backup(&u, Language::En).starts_with("The largest strategy takes 40% of storage, "));
    }
}
