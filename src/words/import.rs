//! The import preview's sentences: what a file holds, how it differs from what is stored, and
//! what each choice will do.

use crate::format::Changes;
use crate::locale::Language;
use crate::model::Counts;

/// 「基本目標等 2 ・施策 5 ・事業 12 ・指標 20」.
pub fn counts(c: Counts, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("基本目標等 {} ・施策 {} ・事業 {} ・指標 {}", c.goals, c.measures, c.initiatives, c.indicators)
        }
        Language::En => format!(
            "{} goals · {} measures · {} initiatives · {} indicators",
            c.goals, c.measures, c.initiatives, c.indicators
        ),
    }
}

/// One line for a change summary: "追加 2 ・削除 1 ・変更 3".
pub fn changes_line(c: Changes, lang: Language) -> String {
    let sum = |x: Counts| x.goals + x.measures + x.initiatives + x.indicators;
    let mut parts = Vec::new();
    for (n, ja, en) in
        [(sum(c.added), "追加", "added"), (sum(c.removed), "削除", "removed"), (sum(c.changed), "変更", "changed")]
    {
        if n > 0 {
            parts.push(match lang {
                Language::Ja => format!("{ja} {n}"),
                Language::En => format!("{n} {en}"),
            });
        }
    }
    if c.settings {
        parts.push(crate::locale::tr(lang, "設定の変更", "settings changed").to_owned());
    }
    if parts.is_empty() {
        parts.push(crate::locale::tr(lang, "並び順などの変更", "order or other changes").to_owned());
    }
    parts.join(if lang == Language::Ja { " ・" } else { ", " })
}

/// A file of an older format `from`, converted on import.
pub fn migration_note(from: u64, lang: Language) -> String {
    let now = crate::format::CURRENT_VERSION;
    match lang {
        Language::Ja => {
            format!("古い形式 (version {from}) のファイルです。取り込むときに現在の形式 (version {now}) に変換します。")
        }
        Language::En => {
            format!("This file is in an older format (version {from}); it is converted to version {now} on import.")
        }
    }
}

/// `count` fields the file holds that this version does not know: kept, and said so.
pub fn unknown_note(count: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!(
            "このファイルには、このバージョンのしるべが知らない項目が {count} 件あります（新しい版や別の道具で書かれたもの）。消さずに保管し、書き出すときにもそのまま残します。"
        ),
        Language::En => format!(
            "This file holds {count} fields this version of Shirube does not know (written by a newer version or another tool). They are kept as they are, and written back on export."
        ),
    }
}

/// The heading of the file's warnings.
pub fn warnings_heading(count: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("確認が必要な点が {count} 件あります（取り込みはできます）"),
        Language::En => format!("{count} points need checking (the file can still be imported)"),
    }
}

/// Under a list cut short: how many more there are.
pub fn and_more(more: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("ほか {more} 件"),
        Language::En => format!("and {more} more"),
    }
}

/// The choice of importing a copy beside the stored strategy `name`.
pub fn import_as_copy(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("新しい戦略として取り込む（別の ID のコピーになり、今の「{name}」はそのまま残ります）"),
        Language::En => format!("Import as a new strategy (a copy with new ids; the stored “{name}” stays as it is)"),
    }
}

/// The choice of replacing the stored strategy `name`.
pub fn replace(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{name}」を置き換える"),
        Language::En => format!("Replace “{name}”"),
    }
}

/// The choice of merging the file with the stored strategy `name`.
pub fn merge_with(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{name}」と統合する（両方の変更を残し、競合は箇所ごとに選ぶ）"),
        Language::En => format!("Merge with “{name}” (keep both sides' changes; choose at each conflict)"),
    }
}

/// The choices' legend: a strategy of the file's id is stored.
pub fn same_id_stored(title: &str, municipality: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("同じ ID の戦略「{title}」（{municipality}）がこのブラウザにあります"),
        Language::En => format!("A strategy with the same id, “{title}” ({municipality}), is stored in this browser"),
    }
}

/// What a merge waits for: `left` conflicts not yet chosen.
pub fn conflicts_left(left: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("あと {left} 件の競合を選ぶと統合できます。"),
        Language::En => format!("Choose {left} more conflicts to merge."),
    }
}

/// A backup's strategy with `problems` points to check, `errors` of them errors.
pub fn points_to_check(problems: usize, errors: usize, lang: Language) -> String {
    match lang {
        Language::Ja if errors > 0 => {
            format!("確認が必要な点 {problems} 件（うちエラー {errors} 件: 作業中のまま保存されていたもの）")
        }
        Language::Ja => format!("確認が必要な点 {problems} 件"),
        Language::En if errors > 0 => {
            format!("{problems} points to check ({errors} errors: saved as work in progress)")
        }
        Language::En => format!("{problems} points to check"),
    }
}

/// A backup's strategy that differs from the stored `title`.
pub fn differs(changes: Changes, title: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("内容が異なります（{}）: 「{title}」", changes_line(changes, lang)),
        Language::En => format!("differs ({}): “{title}”", changes_line(changes, lang)),
    }
}

/// What a backup file holds.
pub fn backup_holds(strategies: usize, backups: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("戦略 {strategies} 件、バックアップ {backups} 件が入っています。"),
        Language::En => format!("It holds {strategies} strategies and {backups} backups."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_line_names_only_what_changed_and_says_something_when_nothing_counted() {
        let one = Counts { goals: 1, measures: 1, initiatives: 0, indicators: 0 };
        let c = Changes { added: one, removed: Counts::default(), changed: one, settings: true, any: true };
        assert_eq!(changes_line(c, Language::Ja), "追加 2 ・変更 2 ・設定の変更");
        assert_eq!(changes_line(c, Language::En), "2 added, 2 changed, settings changed");
        let none = Changes {
            added: Counts::default(),
            removed: Counts::default(),
            changed: Counts::default(),
            settings: false,
            any: true,
        };
        assert_eq!(changes_line(none, Language::Ja), "並び順などの変更");
        assert_eq!(differs(none, "町の戦略", Language::En), "differs (order or other changes): “町の戦略”");
    }

    #[test]
    fn the_points_to_check_name_the_errors_only_when_there_are_some() {
        assert_eq!(points_to_check(3, 0, Language::Ja), "確認が必要な点 3 件");
        assert_eq!(
            points_to_check(3, 1, Language::Ja),
            "確認が必要な点 3 件（うちエラー 1 件: 作業中のまま保存されていたもの）"
        );
        assert_eq!(points_to_check(3, 1, Language::En), "3 points to check (1 errors: saved as work in progress)");
    }

    #[test]
    fn an_old_file_names_its_version_and_the_current_one() {
        let now = crate::format::CURRENT_VERSION;
        assert_eq!(
            migration_note(1, Language::En),
            format!("This file is in an older format (version 1); it is converted to version {now} on import.")
        );
    }
}
