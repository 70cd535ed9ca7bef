//! What an action tells the user (`session::Notice`) in words: a headline, the lines under it,
//! and whether it reports a failure. The notice area shows it; its buttons (undo, the tab
//! conflict's choice) are the UI's.

use crate::locale::{tr, Language};
use crate::session::Notice;

/// A notice put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeText {
    pub headline: String,
    pub lines: Vec<String>,
    /// Something went wrong (shown as an alert).
    pub error: bool,
}

/// What to do when storage is full, with what each way frees.
fn full_lines(room: Option<&crate::session::SpaceUse>, lang: Language) -> Vec<String> {
    use super::storage::size;
    let ja = lang == Language::Ja;
    let mut lines = vec![tr(
        lang,
        "開いている内容はこのタブに残っています。「書き出す」でファイルに保存すれば、変更は失われません。",
        "What is open stays in this tab. “Export” saves it to a file, so nothing is lost.",
    )
    .to_owned()];
    if let Some(u) = room {
        if u.version_count > 0 {
            let (n, s) = (u.version_count, size(u.versions as u64));
            lines.push(if ja {
                format!("古い版（版の履歴 {n} 件）を削除すると、約 {s} 空きます（「古い版を削除」）。")
            } else {
                format!(
                    "Deleting the old versions ({n} in the version history) frees about {s} (“Delete old versions”)."
                )
            });
        }
        if u.backup_count > 0 {
            let (n, s) = (u.backup_count, size(u.backups as u64));
            lines.push(if ja { format!("バックアップ {n} 件で {s} を使っています。不要なものは戦略の一覧の「バックアップ」で削除できます。") } else { format!("{n} backups take {s}. Delete those you no longer need under “Backups” on the strategy list.") });
        }
        if u.strategies > 0 {
            let (all, largest) = (size(u.strategies as u64), size(u.largest_strategy as u64));
            lines.push(if ja { format!("使わない戦略を削除しても空きます（戦略は合わせて {all}、最も大きいもので {largest}）。") } else { format!("Deleting strategies you no longer use frees room too (all strategies: {all}; the largest: {largest}).") });
        }
    }
    lines.push(
        tr(lang, "空きができたら、自動でもう一度保存します。", "Once there is room, it is saved again by itself.")
            .to_owned(),
    );
    lines
}

/// The words of a notice.
pub fn notice(notice: &Notice, lang: Language) -> NoticeText {
    let error = matches!(
        *notice,
        Notice::ImportFailed { .. }
            | Notice::FileUnreadable { .. }
            | Notice::Storage(_)
            | Notice::Download(_)
            | Notice::CsvNeedsStrategy { .. }
            | Notice::DeleteNeedsRoom { .. }
            | Notice::TabConflict { .. }
            | Notice::DeletedElsewhere { .. }
            | Notice::RegionDeletedElsewhere { .. }
            | Notice::StorageFull { .. }
            | Notice::MergeRefused { .. }
            | Notice::BringInUnfinished { .. }
    ) || matches!(&notice, Notice::RestoredEverything(r) if r.error.is_some())
        || matches!(&notice, Notice::RegionBroughtIn { tally, .. } | Notice::RegionOpened { tally, .. } if tally.unreadable + tally.not_stored > 0);
    let (headline, lines): (String, Vec<String>) = match notice {
        Notice::Imported { title, as_copy, migrated_from, warnings, replaced } => {
            let mut lines = Vec::new();
            if replaced.is_some() {
                lines.push(tr(lang, "同じ ID の戦略を置き換えました。置き換える前の版はバックアップに残してあります（「元に戻す」で戻せます）。", "The strategy with the same id was replaced. The version before is kept as a backup (Undo brings it back).").to_owned());
            }
            if *as_copy {
                lines.push(tr(lang, "同じ ID の戦略がすでにあるため、既存のものは変更せず、コピーとして取り込みました。", "A strategy with the same id is already here: it was left unchanged and the file came in as a copy.").to_owned());
            }
            if let Some(v) = migrated_from {
                lines.push(match lang {
                    Language::Ja => format!("古い形式 (version {v}) のファイルを現在の形式に変換しました。"),
                    Language::En => format!("The file was converted from the older format (version {v})."),
                });
            }
            if *warnings > 0 {
                lines.push(match lang {
                    Language::Ja => format!("確認が必要な点が {warnings} 件あります。"),
                    Language::En => format!("{warnings} points need checking."),
                });
            }
            (format!("{}「{title}」", tr(lang, "取り込みました:", "Imported:")), lines)
        }
        Notice::Merged { title, taken, kept, conflicts, replaced: _ } => (
            format!("{}「{title}」", tr(lang, "統合しました:", "Merged:")),
            vec![
                match lang {
                    Language::Ja => format!("ファイルから取り込んだ変更 {taken} 件、このパソコンで残した変更 {kept} 件、選んだ競合 {conflicts} 件。"),
                    Language::En => format!("{taken} changes taken from the file, {kept} kept from this computer, {conflicts} conflicts chosen."),
                },
                tr(lang, "統合する前の版は版の履歴とバックアップに残してあります（「元に戻す」で戻せます）。次に書き出すファイルは、この版を共通の元の版として統合できます。", "The version before the merge is kept in the version history and as a backup (Undo brings it back). The next exported file can be merged from this version.").to_owned(),
            ],
        ),
        Notice::MergeRefused { title, error } => (
            format!("{}「{title}」", tr(lang, "統合できませんでした（何も変更していません）:", "Could not merge (nothing was changed):")),
            vec![match error {
                crate::model::merge::ResolveError::Invalid(problems) => match lang {
                    Language::Ja => format!("統合した結果にエラーが {} 件あるため、保存しませんでした。「置き換える」か「新しい戦略として取り込む」を選ぶか、どちらかで直してから、もう一度取り込んでください。", problems.len()),
                    Language::En => format!("The merged strategy would have {} errors, so it was not saved. Choose Replace or Import as new, or fix it on one side and import again.", problems.len()),
                },
                other => format!("{}: {other}", tr(lang, "統合の結果を作れませんでした", "The merged strategy could not be made")),
            }],
        ),
        Notice::ImportFailed { file, error } => (format!("{} {file}", tr(lang, "取り込めませんでした（何も変更していません）:", "Could not import (nothing was changed):")), super::import_error(error, lang)),
        Notice::FileUnreadable { file, detail } => (format!("{} {file}", tr(lang, "ファイルを読めませんでした:", "Could not read the file:")), vec![detail.clone()]),
        Notice::Deleted { title, .. } => (format!("{}「{title}」", tr(lang, "削除しました:", "Deleted:")), vec![tr(lang, "バックアップを残してあります。", "A backup was kept.").to_owned()]),
        Notice::DeleteNeedsRoom { title, .. } => (
            format!("{}「{title}」", tr(lang, "削除していません:", "Not deleted:")),
            vec![
                tr(lang, "ブラウザの保存領域がいっぱいで、削除の前に残すバックアップを保存できません。何も変更していません。", "Browser storage is full: the backup kept before a delete cannot be saved. Nothing was changed.").to_owned(),
                tr(lang, "「書き出してから削除」を押すと、この戦略をファイルに書き出してから、バックアップを残さずに削除します。あとで戻すときは、そのファイルを取り込んでください。", "“Export, then delete” downloads this strategy as a file, then deletes it without a backup. To bring it back later, import that file.").to_owned(),
            ],
        ),
        Notice::DeletedAfterExport { title, file } => (
            format!("{}「{title}」", tr(lang, "削除しました:", "Deleted:")),
            vec![match lang {
                Language::Ja => format!("バックアップは残していません。書き出したファイル {file} を取り込めば戻せます。"),
                Language::En => format!("No backup was kept. Importing the exported file {file} brings it back."),
            }],
        ),
        Notice::Restored { title } => (format!("{}「{title}」", tr(lang, "復元しました:", "Restored:")), vec![]),
        Notice::RestoredEverything(r) => (
            tr(lang, "バックアップから復元しました", "Restored from the backup").to_owned(),
            restore_lines(r, lang),
        ),
        Notice::Exported { file } => (format!("{} {file}", tr(lang, "書き出しました:", "Exported:")), vec![]),
        Notice::Storage(e) => (tr(lang, "保存領域のエラー", "Storage error").to_owned(), vec![super::storage_error(e, lang)]),
        Notice::Download(d) => (tr(lang, "ダウンロードできませんでした", "Download failed").to_owned(), vec![d.clone()]),
        Notice::TabConflict { title, by: Some(by) } => (
            match lang {
                Language::Ja => format!("共有フォルダの{by}さんの変更と重なりました:「{title}」"),
                Language::En => format!("{by}'s changes from the shared folder came in meanwhile: “{title}”"),
            },
            vec![
                match lang {
                    Language::Ja => format!("共有フォルダから{by}さんの変更を取り込んで保存しました。このタブの変更はまだ保存していません。どちらを残すか選んでください。"),
                    Language::En => format!("{by}'s changes were taken in from the shared folder and saved. This tab's changes are not saved yet. Choose which to keep."),
                },
                match lang {
                    Language::Ja => format!("「取り込んだ内容を使う」: 取り込んだ内容を開きます。このタブの変更は版の履歴に残します。「このタブの内容を残す」: このタブの内容を保存します。{by}さんの変更はこの版には入らず、版の履歴に残ります。"),
                    Language::En => format!("“Use what came in” opens it; this tab's changes are kept in the version history. “Keep this tab's version” saves it; {by}'s changes are not in it and stay in the version history."),
                },
            ],
        ),
        Notice::FolderNeedsPermission { folder } => (
            match lang {
                Language::Ja => format!("共有フォルダ「{folder}」に再接続してください"),
                Language::En => format!("Reconnect to the shared folder “{folder}”"),
            },
            vec![tr(lang, "ブラウザを開き直したため、フォルダを使う許可をもう一度求めます。再接続するまで、ほかの人の変更は取り込まず、自分のファイルも書きません。この戦略はこのブラウザに保存されています。", "The browser was restarted, so it asks again for permission to use the folder. Until you reconnect, the others' changes are not taken in and your own file is not written. This strategy is stored in this browser.").to_owned()],
        ),
        Notice::TabConflict { title, by: None } => (
            format!("{}「{title}」", tr(lang, "別のタブでも変更されました:", "Changed in another tab as well:")),
            vec![
                tr(lang, "この戦略は別のタブ（またはウィンドウ）で保存されました。このタブの変更はまだ保存していません。どちらを残すか選んでください。", "This strategy was saved in another tab (or window). This tab's changes are not saved yet. Choose which to keep.").to_owned(),
                tr(lang, "「別のタブの内容を使う」: 別のタブの内容を開きます。このタブの変更は版の履歴に残します。「このタブの内容を残す」: このタブの内容を保存します。別のタブの内容は版の履歴に残ります。", "“Use the other tab's version” opens it; this tab's changes are kept in the version history. “Keep this tab's version” saves it; the other tab's stays in the version history.").to_owned(),
            ],
        ),
        Notice::DeletedElsewhere { title, backup_key, waiting } => (
            format!("{}「{title}」", tr(lang, "別のタブで削除されました:", "Deleted in another tab:")),
            [
                Some(tr(lang, "この戦略は別のタブ（またはウィンドウ）で削除されました。このタブからは保存しません（削除した戦略を作り直さないため）。", "This strategy was deleted in another tab (or window). This tab no longer saves it (so that the deleted strategy is not created again).")),
                waiting.then(|| tr(lang, "このタブには保存していない変更があります。「新しい戦略として残す」で、このタブの内容を別の戦略として保存できます。", "This tab has changes that are not saved. “Keep as a new strategy” stores this tab's content as a strategy of its own.")),
                backup_key.is_some().then(|| tr(lang, "「削除を取り消す」で、削除される前の版を戻せます（バックアップから）。", "“Undo the deletion” brings back the version from before it was deleted (from its backup).")),
            ]
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect(),
        ),
        Notice::StorageFull { title, room } => (
            format!("{}「{title}」", tr(lang, "保存領域がいっぱいです。変更はまだ保存されていません:", "Storage is full. The changes are not saved yet:")),
            full_lines(room.as_ref(), lang),
        ),
        Notice::StageMoved { kept, to } => stage_moved(kept, *to, lang),
        Notice::VersionsDiscarded { count } => (
            if lang == Language::Ja { format!("古い版を {count} 件削除しました") } else { format!("{count} old versions deleted") },
            vec![tr(lang, "今の版はどれも残っています。", "Every current version is still there.").to_owned()],
        ),
        Notice::DraftKeptAsBackup { title } => (
            format!("{}「{title}」", tr(lang, "閉じる前の変更をバックアップに残しました:", "The change left unsaved on closing is kept as a backup:")),
            vec![tr(lang, "この戦略は別のタブで削除されていたため、作り直していません。変更はバックアップの一覧から戻せます。", "This strategy had been deleted in another tab, so it was not created again. The change can be brought back from the list of backups.").to_owned()],
        ),
        Notice::RegionDeletedElsewhere { name, backup_key } => (
            format!("{}「{name}」", tr(lang, "別のタブで地域が削除されました:", "Region deleted in another tab:")),
            [
                Some(tr(lang, "この地域は別のタブ（またはウィンドウ）で削除されました。町の戦略は残っています。", "This region was deleted in another tab (or window). Its towns' strategies are still stored.")),
                backup_key.is_some().then(|| tr(lang, "「元に戻す」で地域を戻せます（バックアップから）。", "Undo brings the region back (from its backup).")),
            ]
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect(),
        ),
        Notice::TookOtherTab { kept, title } => (
            format!("{}「{title}」", tr(lang, "別のタブで保存された内容を使っています:", "Using the version saved in another tab:")),
            vec![if *kept {
                tr(lang, "このタブの変更は版の履歴に残してあります。", "This tab's changes are kept in the version history.").to_owned()
            } else {
                tr(lang, "このブラウザでは版の履歴を保存できないため、このタブの変更は残っていません。", "This browser keeps no version history here, so this tab's changes were not kept.").to_owned()
            }],
        ),
        Notice::MovedToIndexedDb(m) => (
            tr(lang, "保存データを新しい保存先に移しました", "Stored data moved to the new storage").to_owned(),
            super::moved_lines(m, lang),
        ),
        Notice::RegionBroughtIn { region, tally } => (
            format!("{}「{region}」", tr(lang, "ファイルを取り込みました:", "Files brought in:")),
            tally_lines(tally, lang),
        ),
        Notice::RegionDeleted { name, .. } => (
            format!("{}「{name}」", tr(lang, "地域を削除しました:", "Region deleted:")),
            vec![tr(lang, "地域のバックアップを残してあります（「元に戻す」で戻せます）。地域の市町村の戦略は一覧に残っています。", "A backup of the region was kept (Undo brings it back). Its towns' strategies stay in the list.").to_owned()],
        ),
        Notice::RegionRestored { name } => (format!("{}「{name}」", tr(lang, "地域を復元しました:", "Region restored:")), vec![]),
        Notice::RegionTownRemoved { region, town } => (
            format!("{}「{region}」", tr(lang, "地域から外しました:", "Taken out of the region:")),
            vec![match lang {
                Language::Ja => format!("{town} の戦略は削除していません。戦略一覧に残っています。"),
                Language::En => format!("{town}'s strategy was not deleted: it stays in the strategy list."),
            }],
        ),
        Notice::RegionExported { file, missing } => (
            format!("{} {file}", tr(lang, "地域を書き出しました:", "Region exported:")),
            (*missing > 0)
                .then(|| match lang {
                    Language::Ja => format!("保存されていない市町村 {missing} 件は、ファイルに入っていません。"),
                    Language::En => format!("{missing} towns not stored here are not in the file."),
                })
                .into_iter()
                .collect(),
        ),
        Notice::RegionOpened { region, tally, errors } => {
            let mut lines = tally_lines(tally, lang);
            for (file, error) in errors {
                let words = super::import_error(error, lang).join(" ");
                lines.push(format!("{file}: {words}"));
            }
            (format!("{}「{region}」", tr(lang, "地域のファイルを開きました:", "Region file opened:")), lines)
        }
        Notice::BringInUnfinished { region, total, stored } => {
            let mut lines = vec![
                match lang {
                    Language::Ja => format!("前回、地域に {total} 件を取り込んでいる途中でページが閉じられました。それまでに取り込んだ戦略 {} 件が保存されています。", stored.len()),
                    Language::En => format!("Last time the page was closed while {total} were being brought into the region. The {} strategies brought in until then are stored.", stored.len()),
                },
                tr(lang, "「このまま残す」: 保存された戦略を地域の市町村にします。同じファイルをもう一度取り込むと、続きから入ります。「取り込みを取り消す」: 保存された戦略を削除し、地域を取り込む前に戻します（取り込んだ後に変更した戦略は残します）。", "“Keep them” makes the stored strategies towns of the region; bringing the same files in again goes on where it stopped. “Undo the bring-in” deletes them and puts the region back as it was (strategies changed since they came in are kept).").to_owned(),
            ];
            const LISTED: usize = 10;
            lines.extend(stored.iter().take(LISTED).cloned());
            if stored.len() > LISTED {
                lines.push(match lang {
                    Language::Ja => format!("ほか {} 件", stored.len() - LISTED),
                    Language::En => format!("and {} more", stored.len() - LISTED),
                });
            }
            (format!("{}「{region}」", tr(lang, "取り込みが途中で終わっています:", "A bring-in was left unfinished:")), lines)
        }
        Notice::BringInUndone { region, removed, kept } => {
            let mut lines = vec![match lang {
                Language::Ja => format!("取り込んだ戦略 {removed} 件を削除し、地域を取り込む前に戻しました。"),
                Language::En => format!("{removed} strategies it brought in were deleted and the region is as it was before."),
            }];
            if *kept > 0 {
                lines.push(match lang {
                    Language::Ja => format!("取り込んだ後に変更された戦略 {kept} 件は削除せず、地域に残しました。"),
                    Language::En => format!("{kept} strategies changed since they came in were not deleted and stay in the region."),
                });
            }
            (format!("{}「{region}」", tr(lang, "取り込みを取り消しました:", "Bring-in undone:")), lines)
        }
        Notice::BringInKept { region, towns } => (
            format!("{}「{region}」", tr(lang, "途中までの取り込みを残しました:", "The unfinished bring-in was kept:")),
            vec![match lang {
                Language::Ja => format!("取り込んだ戦略 {towns} 件を地域の市町村にしました。残りは、同じファイルをもう一度取り込むと入ります。"),
                Language::En => format!("{towns} strategies it brought in are towns of the region. Bring the same files in again for the rest."),
            }],
        ),
        Notice::BringInDecided => (
            tr(lang, "途中で終わった取り込みは、別のタブで処理済みです", "The unfinished bring-in was dealt with in another tab").to_owned(),
            vec![],
        ),
        Notice::CsvNeedsStrategy { file } => (
            format!("{} {file}", tr(lang, "CSV は取り込んでいません:", "The CSV was not imported:")),
            vec![tr(lang, "CSV の実績値・目標値は開いている戦略に取り込みます。戦略を開いてから、もう一度ドロップするか「Excel・印刷」で選んでください。何も変更していません。", "CSV values go into an open strategy. Open a strategy, then drop the file again or choose it under “Excel and print”. Nothing was changed.").to_owned()],
        ),
    };
    NoticeText { headline, lines, error }
}

/// 「追加した戦略: 2 件」 / "Strategies added: 2", added to `lines` only when `n` is not 0.
fn count_line(lines: &mut Vec<String>, lang: Language, n: usize, ja: &str, en: &str) {
    if n > 0 {
        lines.push(match lang {
            Language::Ja => format!("{ja} {n} 件"),
            Language::En => format!("{en}: {n}"),
        });
    }
}

/// What bringing files into a region did, one line per outcome that happened.
fn tally_lines(t: &crate::session::region::BringInTally, lang: Language) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = |n, ja_text, en_text| count_line(&mut lines, lang, n, ja_text, en_text);
    line(t.added, "新しく追加した戦略:", "Strategies added");
    line(t.already_here, "すでにあった戦略（地域に加えました）:", "Strategies already here (now in the region)");
    line(
        t.to_confirm,
        "保存済みの版と内容が違う戦略（確認が必要です）:",
        "Strategies that differ from the stored version (to check)",
    );
    line(t.not_stored, "保存できなかった戦略:", "Strategies that could not be stored");
    line(t.unreadable, "読めなかったファイル:", "Files that could not be read");
    if lines.is_empty() {
        lines.push(tr(lang, "取り込む戦略はありませんでした。", "There was no strategy to bring in.").to_owned());
    }
    lines
}

/// What a restore of everything did, line by line (only what happened).
fn restore_lines(r: &crate::storage::RestoreReport, lang: Language) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = |n, ja_text, en_text| count_line(&mut lines, lang, n, ja_text, en_text);
    line(r.added, "追加した戦略:", "Strategies added");
    line(
        r.replaced,
        "置き換えた戦略（前の版はバックアップに残しました）:",
        "Strategies replaced (the versions before are kept as backups)",
    );
    line(r.kept, "このブラウザの内容のまま残した戦略:", "Strategies left as they were here");
    line(r.unchanged, "同じ内容だった戦略:", "Strategies that were the same");
    line(r.backups_added, "追加したバックアップ:", "Backups added");
    line(r.backups_present, "すでにあったバックアップ:", "Backups already here");
    line(r.regions_added, "追加した地域:", "Regions added");
    line(
        r.regions_present,
        "すでにあった地域（このブラウザの内容のまま）:",
        "Regions already here (left as they were)",
    );
    if let Some(e) = &r.error {
        lines.push(tr(lang, "途中で止まりました: ", "Stopped: ").to_owned() + &super::storage_error(e, lang));
    }
    if lines.is_empty() {
        lines.push(tr(lang, "変更はありませんでした。", "Nothing changed.").to_owned());
    }
    lines
}

/// The strategy moved on to `to`, its draft kept in the history as `kept`.
fn stage_moved(kept: &str, to: crate::model::DraftingStage, lang: Language) -> (String, Vec<String>) {
    let stage = crate::locale::stage(to, lang);
    match lang {
        Language::Ja => (
            format!("段階を「{stage}」にしました"),
            vec![format!("それまでの版を「{kept}」として履歴に残しました（消えません）。")],
        ),
        Language::En => (
            format!("Stage set to “{stage}”"),
            vec![format!("The version before is kept in the history as “{kept}” (never thinned).")],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{RestoreReport, StorageError};

    #[test]
    fn an_import_that_replaced_says_the_backup_and_what_was_converted() {
        let n = Notice::Imported {
            title: "第2期北本市総合戦略".into(),
            as_copy: false,
            migrated_from: Some(0),
            warnings: 2,
            replaced: Some("backup-key".into()),
        };
        let ja = notice(&n, Language::Ja);
        assert_eq!(ja.headline, "取り込みました:「第2期北本市総合戦略」");
        assert!(!ja.error);
        assert_eq!(ja.lines.len(), 3, "{:?}", ja.lines);
        assert!(
            ja.lines[0].contains("バックアップ") && ja.lines[1].contains("version 0") && ja.lines[2].contains("2 件")
        );
        let en = notice(&n, Language::En);
        assert!(en.headline.starts_with("Imported:") && en.lines[2] == "2 points need checking.");
    }

    #[test]
    fn a_restore_stopped_by_storage_is_an_error_and_says_what_it_did_before() {
        let report = RestoreReport {
            added: 2,
            error: Some(StorageError::QuotaExceeded { key: "k".into(), bytes: 10 }),
            ..RestoreReport::default()
        };
        let said = notice(&Notice::RestoredEverything(report), Language::Ja);
        assert!(said.error);
        assert_eq!(said.lines[0], "追加した戦略: 2 件");
        assert!(said.lines[1].starts_with("途中で止まりました: "), "{:?}", said.lines);
        let nothing = notice(&Notice::RestoredEverything(RestoreReport::default()), Language::En);
        assert_eq!((nothing.error, nothing.lines.as_slice()), (false, ["Nothing changed.".to_owned()].as_slice()));
        assert!(notice(&Notice::TabConflict { title: "町".into(), by: None }, Language::Ja).error);
        let folder = notice(&Notice::TabConflict { title: "町".into(), by: Some("田中".into()) }, Language::Ja);
        assert!(
            folder.error && folder.headline.contains("田中さん") && !folder.headline.contains("別のタブ"),
            "{folder:?}"
        );
    }

    #[test]
    fn region_notices_say_what_came_in_and_offer_undo_words() {
        use crate::session::region::BringInTally;
        let tally = BringInTally { added: 4, unreadable: 1, ..BringInTally::default() };
        let said = notice(&Notice::RegionBroughtIn { region: "渡島管内".into(), tally }, Language::Ja);
        assert!(said.error, "a file that could not be read is an alert");
        assert_eq!(said.headline, "ファイルを取り込みました:「渡島管内」");
        assert_eq!(said.lines, ["新しく追加した戦略: 4 件", "読めなかったファイル: 1 件"]);
        let clean = notice(
            &Notice::RegionBroughtIn {
                region: "R".into(),
                tally: BringInTally { already_here: 2, ..BringInTally::default() },
            },
            Language::En,
        );
        assert!(!clean.error);
        assert_eq!(clean.lines, ["Strategies already here (now in the region): 2"]);
        let deleted = notice(&Notice::RegionDeleted { name: "渡島管内".into(), backup_key: "k".into() }, Language::Ja);
        assert!(!deleted.error && deleted.headline.contains("渡島管内") && deleted.lines[0].contains("元に戻す"));
        let restored = notice(&Notice::RegionRestored { name: "R".into() }, Language::En);
        assert_eq!(restored.headline, "Region restored:「R」");
        let removed = notice(&Notice::RegionTownRemoved { region: "R".into(), town: "北斗市".into() }, Language::Ja);
        assert!(!removed.error && removed.lines[0].contains("戦略一覧に残っています"));
        let exported = notice(&Notice::RegionExported { file: "f.json".into(), missing: 0 }, Language::En);
        assert_eq!((exported.headline.as_str(), exported.lines.len()), ("Region exported: f.json", 0));
        let missing = notice(&Notice::RegionExported { file: "f.json".into(), missing: 2 }, Language::Ja);
        assert_eq!(missing.lines, ["保存されていない市町村 2 件は、ファイルに入っていません。"]);
        let error = crate::format::ImportError::Empty;
        let opened = notice(
            &Notice::RegionOpened {
                region: "渡島管内".into(),
                tally: BringInTally { added: 2, unreadable: 1, ..BringInTally::default() },
                errors: vec![("r.json".into(), error.clone())],
            },
            Language::Ja,
        );
        assert!(opened.error, "an entry that could not be read is an alert");
        assert_eq!(opened.headline, "地域のファイルを開きました:「渡島管内」");
        assert_eq!(opened.lines[..2], ["新しく追加した戦略: 2 件", "読めなかったファイル: 1 件"]);
        assert!(opened.lines[2].starts_with("r.json: "), "{:?}", opened.lines);
        let report = RestoreReport { regions_added: 2, regions_present: 1, ..RestoreReport::default() };
        let lines = notice(&Notice::RestoredEverything(report), Language::Ja).lines;
        assert_eq!(lines, ["追加した地域: 2 件", "すでにあった地域（このブラウザの内容のまま）: 1 件"]);
    }
}
