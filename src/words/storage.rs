//! Storage in words: why storage failed and what that means for the user's data, how full it
//! is and by what, what moving an earlier release's data did, file sizes, and the kept versions.

use crate::locale::Language;
use crate::storage::StorageError;

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
        StorageError::Deleted { .. } => {
            if ja {
                "この戦略は別のタブ（またはウィンドウ）で削除されました。削除した戦略を作り直さないよう、このタブの変更は保存していません。"
                    .to_owned()
            } else {
                "This strategy was deleted in another tab (or window). This tab's changes are not saved, so that the deleted strategy is not created again.".to_owned()
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

/// The version history's lead: how many earlier versions, their size, and which are kept.
pub fn versions_kept(count: usize, size: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("以前の版 {count} 件（{size}）。1時間以内の版はすべて、30日以内は1日1版、それより前は1か月1版を残します。読み込んだ版・戻した版・段階を終えた版・意見聴取で聴いた版は消しません。"),
        Language::En => format!("{count} earlier versions ({size}). Every version of the last hour is kept, then one a day for 30 days, then one a month; imported and restored versions, those kept at a stage's end and the versions hearings heard are never dropped."),
    }
}

/// An earlier version shown, read-only.
pub fn version_of(when: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{when} の版です（読み取り専用）。編集するには「この版に戻す」を選んでください。"),
        Language::En => format!("The version of {when} (read-only). To edit it, choose \"Restore this version\"."),
    }
}

/// The history's line for a run of autosaves whose times do not read: 「自動保存 3件」.
pub fn autosaves_unread(count: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("自動保存 {count}件"),
        Language::En => format!("{count} autosaves"),
    }
}

/// A time on the user's clock, as the page reads it (the history's lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockTime {
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// The history's line for a run of autosaves, from the oldest to the newest: 「自動保存 32件（12月3日
/// 10:02～15:40）」, the day said once when both are on it.
pub fn autosaves(count: usize, oldest: ClockTime, newest: ClockTime, lang: Language) -> String {
    let same_day = (oldest.month, oldest.day) == (newest.month, newest.day);
    let clock = |t: ClockTime| format!("{}:{:02}", t.hour, t.minute);
    match lang {
        Language::Ja => {
            let day = |t: ClockTime| format!("{}月{}日", t.month, t.day);
            let to = if same_day { clock(newest) } else { format!("{} {}", day(newest), clock(newest)) };
            format!("自動保存 {count}件（{} {}～{to}）", day(oldest), clock(oldest))
        }
        Language::En => {
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let day = |t: ClockTime| format!("{} {}", MONTHS[(t.month.clamp(1, 12) - 1) as usize], t.day);
            let to = if same_day { clock(newest) } else { format!("{} {}", day(newest), clock(newest)) };
            format!("{count} autosaves ({} {}–{to})", day(oldest), clock(oldest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{Usage, BROWSER_LIMIT_UNITS};

    #[test]
    fn a_run_of_autosaves_says_how_many_and_from_when_to_when() {
        let at = |month, day, hour, minute| ClockTime { month, day, hour, minute };
        assert_eq!(
            autosaves(32, at(12, 3, 10, 2), at(12, 3, 15, 40), Language::Ja),
            "自動保存 32件（12月3日 10:02～15:40）"
        );
        assert_eq!(
            autosaves(3, at(12, 3, 9, 5), at(12, 5, 8, 0), Language::Ja),
            "自動保存 3件（12月3日 9:05～12月5日 8:00）"
        );
        assert_eq!(
            autosaves(32, at(12, 3, 10, 2), at(12, 3, 15, 40), Language::En),
            "32 autosaves (Dec 3 10:02–15:40)"
        );
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
