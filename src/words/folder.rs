//! The shared folder in words: a kept version's line in the history (a folder merge
//! names the person), why a member's file changed nothing, how a member stands, what a reading
//! did, and why the folder could not be used.

use super::problems::import_error;
use crate::locale::{tr, Language};
use crate::session::folder::{FileRefusal, FolderReading, MemberStanding, SyncError};
use crate::storage::{FolderError, StoredVersion, VersionReason};

/// Why a kept version came to be, for its line in the history.
pub fn version_reason(v: &StoredVersion, lang: Language) -> String {
    let ja = lang == Language::Ja;
    match v.reason {
        VersionReason::Saved => tr(lang, "保存", "saved").to_owned(),
        VersionReason::Imported => tr(lang, "ファイルから読み込み", "imported from a file").to_owned(),
        VersionReason::Restored => tr(lang, "以前の版に戻した", "restored").to_owned(),
        VersionReason::KeptFromTab => tr(lang, "別のタブと競合した変更", "changes from a tab in conflict").to_owned(),
        VersionReason::Exported => tr(lang, "ファイルに書き出した版", "exported to a file").to_owned(),
        VersionReason::Merged => match v.merged_from.as_deref() {
            Some(name) if ja => format!("{name}さんとの競合を選んで統合しました"),
            Some(name) => format!("conflict with {name} decided and merged"),
            None => tr(lang, "ファイルと統合", "merged with a file").to_owned(),
        },
        VersionReason::Synced => tr(lang, "共有フォルダに書き込んだ版", "written to the shared folder").to_owned(),
        VersionReason::Stage(stage) if ja => format!("{}の段階を終えて残した版", stage.japanese()),
        VersionReason::Stage(stage) => format!("kept when the {} stage ended", crate::locale::stage(stage, lang)),
        VersionReason::FolderMerged => match v.merged_from.as_deref() {
            Some(name) if ja => format!("{name}さんの変更を取り込みました"),
            Some(name) => format!("{name}’s changes taken in"),
            None => {
                tr(lang, "共有フォルダの変更を取り込みました", "changes taken in from the shared folder").to_owned()
            }
        },
    }
}

/// Why a member's file changed nothing: the first line, then what the import says.
pub fn refusal(reason: &FileRefusal, lang: Language) -> Vec<String> {
    match reason {
        FileRefusal::Unreadable(e) => vec![
            tr(lang, "このファイルを読み込めませんでした。", "This file could not be read.").to_owned(),
            folder_error(e, lang),
        ],
        FileRefusal::File(e) => {
            let mut lines = vec![tr(
                lang,
                "このファイルは取り込めません。何も変更していません。",
                "This file cannot be taken in. Nothing was changed.",
            )
            .to_owned()];
            lines.extend(import_error(e, lang));
            lines
        }
        FileRefusal::NotAStrategy => vec![tr(
            lang,
            "戦略のファイルではありません（全体のバックアップか管内のファイルです）。",
            "Not a strategy file (a backup of everything, or a region file).",
        )
        .to_owned()],
        FileRefusal::OtherStrategy { .. } => vec![tr(
            lang,
            "ファイル名とは別の戦略が入っています。何も変更していません。",
            "It holds another strategy than its name says. Nothing was changed.",
        )
        .to_owned()],
        FileRefusal::BaseMismatch => vec![tr(
            lang,
            "ファイルに含まれる元の版が、ファイル自身の記録と一致しません。統合しませんでした。",
            "The starting version inside the file is not the one it names. It was not merged.",
        )
        .to_owned()],
    }
}

/// How a member stands, for the members panel.
pub fn standing(s: &MemberStanding, lang: Language) -> &'static str {
    match s {
        MemberStanding::InStep => tr(lang, "同じ内容です", "in step"),
        MemberStanding::Behind => {
            tr(lang, "こちらの変更をまだ取り込んでいません", "has yet to take this computer’s changes")
        }
        MemberStanding::Away => tr(lang, "しばらく更新がありません", "no update for a while"),
        MemberStanding::Taken => tr(lang, "変更を取り込みました", "changes taken in"),
        MemberStanding::Conflicts => tr(lang, "変更が競合しています", "changes in conflict"),
        MemberStanding::ConfirmedChanged => tr(lang, "確認済の値を変更しています", "changes confirmed values"),
        MemberStanding::Unmerged => tr(
            lang,
            "統合すると正しくない戦略になるため、取り込みませんでした",
            "not taken: merging would not give a valid strategy",
        ),
        MemberStanding::Refused => tr(lang, "ファイルを取り込めません", "file cannot be taken in"),
    }
}

/// What a reading did, in one line each (empty when it did nothing to tell).
pub fn reading(r: &FolderReading, lang: Language) -> Vec<String> {
    let mut lines: Vec<String> = r.taken.iter().map(|t| taken(&t.by, lang)).collect();
    let ja = lang == Language::Ja;
    lines.extend(r.conflicts.iter().map(|c| {
        if ja {
            format!("{}さんの変更がこのパソコンの変更と競合しています。どちらを残すか選んでください。", c.by)
        } else {
            format!("{}’s changes conflict with this computer’s. Choose which to keep.", c.by)
        }
    }));
    lines.extend(r.held_back.iter().map(|h| match ja {
        true => format!("{}さんの変更は確認済の値を変えるため、取り込まずに保留しています。", h.by),
        false => format!("{}’s changes alter confirmed values: held back, not taken.", h.by),
    }));
    if r.renamed_from.is_some() {
        lines.push(
            tr(
                lang,
                "別のパソコンが、このパソコンと同じメンバーIDで共有フォルダに書き込んでいました（ブラウザのプロファイルをコピーした場合など）。その変更はほかの人の変更として取り込み、このパソコンには新しいメンバーIDを付けました。",
                "Another PC was writing to the shared folder under this PC's member id (a copied browser profile, for instance). Its changes were taken in as another member's, and this PC now has a new member id.",
            )
            .to_owned(),
        );
    }
    if r.other_tab {
        lines.push(
            tr(
                lang,
                "このブラウザの別のタブが同時に戦略を保存したため、読み込みを途中で止めました。このタブはその内容に合わせ、次の同期で続けます（失われた変更はありません）。",
                "Another tab of this browser saved the strategy meanwhile, so this reading stopped early. This tab follows it and goes on at the next sync (nothing was lost).",
            )
            .to_owned(),
        );
    }
    if !r.refused.is_empty() {
        let n = r.refused.len();
        lines.push(if ja {
            format!("共有フォルダの {n} 件のファイルは取り込めません（何も変更していません）。")
        } else {
            format!("{n} files in the shared folder cannot be taken in (nothing was changed).")
        });
    }
    lines
}

/// A member's changes taken in without a conflict (this reading's, or the list of recent ones).
pub fn taken(by: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{by}さんの変更を取り込みました。"),
        Language::En => format!("{by}’s changes were taken in."),
    }
}

/// Why the folder could not be used.
pub fn sync_error(e: &SyncError, lang: Language) -> String {
    match e {
        SyncError::Folder(e) => folder_error(e, lang),
        SyncError::Storage(e) => super::storage::storage_error(e, lang),
        SyncError::TooLarge { bytes } => match lang {
            Language::Ja => format!(
                "自分のファイルが {} MB になり、ほかの人が読み込める大きさ（{} MB）を超えるため、共有フォルダに書き込んでいません。データはこのブラウザに残っています。古い年度の実績や不要な文書を整理してください。",
                bytes / 1_048_576,
                crate::format::MAX_FILE_BYTES / 1_048_576
            ),
            Language::En => format!(
                "Your own file would be {} MB, more than the others can read ({} MB), so it was not written to the shared folder. The data stays in this browser. Remove what is no longer needed.",
                bytes / 1_048_576,
                crate::format::MAX_FILE_BYTES / 1_048_576
            ),
        },
    }
}

/// A conflict card's words for a colleague (`by`, `places` places both changed).
pub struct ConflictWords {
    pub title: String,
    pub lead: String,
    /// Whether they have taken an earlier version of ours (and so decided on it).
    pub their_side: String,
    /// Their side's label on each card.
    pub them: String,
    pub all_theirs: String,
    /// What a decision does, and that it reaches them.
    pub reaches: String,
}

/// The words of a conflict with `by`; `took_ours`: their version is a merge with one of ours.
pub fn conflict(by: &str, places: usize, took_ours: bool, lang: Language) -> ConflictWords {
    match lang {
        Language::Ja => ConflictWords {
            title: format!("{by}さんの変更と競合しています"),
            lead: format!("同じ箇所（{places} か所）を、あなたと{by}さんが違う内容にしました。箇所ごとに、残す内容を選んでください。すべて選ぶまで、何も保存しません。"),
            their_side: if took_ours {
                format!("{by}さんは、あなたの以前の版をすでに取り込んで（競合があれば選んで）います。そのあと、二人が同じ箇所をまた違う内容にしました。")
            } else {
                format!("{by}さんはまだ選んでいません。{by}さんの画面にも同じ競合が表示されています。どちらかが選べば、もう一人にも届きます。")
            },
            them: format!("{by}さん"),
            all_theirs: format!("すべて{by}さんの内容"),
            reaches: format!("選んだ内容は新しい版として保存し、次の同期で{by}さんにも届きます（{by}さんの画面の競合も消えます）。今の版は版の履歴に残ります。"),
        },
        Language::En => ConflictWords {
            title: format!("Your changes conflict with {by}’s"),
            lead: format!("You and {by} changed the same {places} place(s) differently. Choose, for each, what to keep. Nothing is saved until every one is chosen."),
            their_side: if took_ours {
                format!("{by} has already taken an earlier version of yours (deciding any conflict); since then you both changed the same place again.")
            } else {
                format!("{by} has not chosen yet and sees the same conflict. Whoever chooses first, the choice reaches the other.")
            },
            them: by.to_owned(),
            all_theirs: format!("All: {by}’s"),
            reaches: format!("Your choice is saved as a new version and reaches {by} at the next sync (their conflict goes too). The current version stays in the history."),
        },
    }
}

/// A folder picked to open a strategy from holds none that reads (`refused` files do not).
pub fn nothing_to_open(refused: usize, lang: Language) -> String {
    match (lang, refused) {
        (Language::Ja, 0) => "このフォルダには、読み込める戦略のファイルがありません。".to_owned(),
        (Language::Ja, n) => format!("このフォルダの戦略のファイル {n} 件は、どれも読み込めません。理由はファイルごとに下に示します（何も変更していません）。"),
        (Language::En, 0) => "This folder holds no strategy file that can be read.".to_owned(),
        (Language::En, n) => format!("None of the {n} strategy files in this folder can be read. The reasons are below, file by file (nothing was changed)."),
    }
}

/// A folder picked to open a strategy from holds several: the one to open is chosen.
pub fn choose_strategy(lang: Language) -> &'static str {
    tr(
        lang,
        "このフォルダには複数の戦略のファイルがあります。開く戦略を選んでください（選んだ戦略だけを、このブラウザに保存して共有フォルダにつなぎます）。",
        "This folder holds files of several strategies. Choose the one to open (only that one is stored in this browser and connected to the folder).",
    )
}

/// The strategy changed while the cards were shown: read again.
pub fn conflict_stale(lang: Language) -> &'static str {
    tr(
        lang,
        "競合を表示している間に戦略が変わったため、何も保存せずに読み直しました。もう一度選んでください。",
        "The strategy changed while the conflict was shown: nothing was saved, and the folder was read again. Choose once more.",
    )
}

/// Connected, but the person gave no name: their own file is not written.
pub fn no_name(lang: Language) -> &'static str {
    tr(
        lang,
        "名前が入力されていないため、自分のファイルを共有フォルダに書き込んでいません。ほかの人に変更を届けるには、「あなたの名前」を入力してください。ほかの人の変更は取り込みます。",
        "Your own file is not written to the shared folder, because no name is entered. Enter “Your name” so that your changes reach the others. Their changes are still taken in.",
    )
}

fn folder_error(e: &FolderError, lang: Language) -> String {
    match e {
        FolderError::Unreachable { .. } => tr(
            lang,
            "共有フォルダに書き込めません。ネットワークドライブにつながっているか確かめてください。データはこのブラウザに残っています。",
            "The shared folder cannot be written to. Check that the network drive is connected. The data stays in this browser.",
        )
        .to_owned(),
        FolderError::File { name, .. } => {
            if lang == Language::Ja {
                format!("共有フォルダのファイル「{name}」を読み書きできません。")
            } else {
                format!("The file “{name}” in the shared folder cannot be read or written.")
            }
        }
    }
}

/// How many members' files a strategy in the folder has.
pub fn members_files(files: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("メンバーのファイル {files} 件"),
        Language::En => format!("{files} members' files"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_merge_names_the_person_in_the_history() {
        let v = StoredVersion {
            seq: 3,
            saved_at: "t".into(),
            reason: VersionReason::FolderMerged,
            title: "戦略".into(),
            bytes: 1,
            id: None,
            fingerprint: None,
            merged_from: Some("田中".into()),
            label: None,
        };
        assert_eq!(version_reason(&v, Language::Ja), "田中さんの変更を取り込みました");
        assert_eq!(version_reason(&v, Language::En), "田中’s changes taken in");
        let decided = StoredVersion { reason: VersionReason::Merged, ..v.clone() };
        assert_eq!(version_reason(&decided, Language::Ja), "田中さんとの競合を選んで統合しました");
        let merged = StoredVersion { merged_from: None, ..decided };
        assert_eq!(version_reason(&merged, Language::Ja), "ファイルと統合");
        let newer = FileRefusal::File(crate::format::ImportError::NewerVersion { version: 9 });
        assert!(refusal(&newer, Language::Ja).len() >= 2);
    }
}
