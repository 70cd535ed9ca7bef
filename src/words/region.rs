//! The regional page's sentences: its heading count (it must say what is on screen), the
//! coverage tables' headings, the themes' and grants' counts, the partnerships.

use crate::locale::{tr, Language};
use crate::model::region::{NationalGoalColumn, TownFrame};
use crate::model::GoalKind;

/// The header's count: 「市町村 179」, or while the page reads the region again, the towns as
/// they come (「市町村 52/179（読み込み中…）」) — never the last reading's count (「市町村 0」
/// right after 179 towns were brought in). Once every town of the reading is drawn (`loaded`
/// reached the total), the count is what is on screen, even if the reading's last report of
/// progress (「169/179」) came before its last group.
pub fn towns_line(reading: Option<(usize, Option<usize>)>, loaded: Option<usize>, lang: Language) -> String {
    let drawn = |n: usize| match lang {
        Language::Ja => format!("市町村 {n}"),
        Language::En => format!("{n} towns"),
    };
    match (reading, loaded, lang) {
        (Some((_, Some(total))), Some(n), _) if n >= total => drawn(n),
        (Some((done, Some(total))), _, Language::Ja) => format!("市町村 {done}/{total}（読み込み中…）"),
        (Some((done, Some(total))), _, Language::En) => format!("{done} of {total} towns (reading…)"),
        (Some((_, None)), _, Language::Ja) => "市町村（読み込み中…）".to_owned(),
        (Some((_, None)), _, Language::En) => "Towns (reading…)".to_owned(),
        (None, Some(n), _) => drawn(n),
        (None, None, _) => String::new(),
    }
}

/// 「基本目標2」 / "Basic goal 2".
pub fn national_goal_name(kind: GoalKind, number: &str, lang: Language) -> String {
    let kind = match kind {
        GoalKind::Basic => tr(lang, "基本目標", "Basic goal"),
        GoalKind::CrossCutting => tr(lang, "横断的な目標", "Cross-cutting goal"),
    };
    match lang {
        Language::Ja => format!("{kind}{number}"),
        Language::En => format!("{kind} {number}"),
    }
}

/// A coverage column's heading in its frame's terms: 「目標1」 (the 2025 frame), 「取組方針2」,
/// 「基本目標3」.
pub fn coverage_column(frame: &TownFrame, kind: GoalKind, number: &str, lang: Language) -> String {
    match (frame, kind, lang) {
        (TownFrame::Frame(f), GoalKind::Basic, Language::Ja) => format!("{}{number}", f.basic_heading),
        (TownFrame::Frame(f), GoalKind::CrossCutting, Language::Ja) if f.cross_heading.is_some() => {
            format!("{}{number}", f.cross_heading.unwrap_or_default())
        }
        _ => national_goal_name(kind, number, lang),
    }
}

/// 「基本目標2 地方とのつながりを築き…」 / "Basic goal 2: …".
pub fn national_goal_label(c: &NationalGoalColumn, lang: Language) -> String {
    let name = national_goal_name(c.key.kind, &c.number, lang);
    match lang {
        Language::Ja => format!("{name} {}", c.title),
        Language::En => format!("{name}: {}", c.title),
    }
}

/// A coverage cell: a town's goals and measures under a national goal.
pub fn goals_and_measures(goals: usize, measures: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("目標 {goals}・施策 {measures}"),
        Language::En => format!("{goals} goals, {measures} measures"),
    }
}

/// 「12 市町村」 / "12 towns", "1 town".
pub fn town_count(towns: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{towns} 市町村"),
        Language::En if towns == 1 => "1 town".to_owned(),
        Language::En => format!("{towns} towns"),
    }
}

/// 「市町村 12」 / "12 towns": a region's towns in its list.
pub fn towns_in_region(towns: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("市町村 {towns}"),
        Language::En => format!("{towns} towns"),
    }
}

/// The caption of a frame's national-goal table.
pub fn national_goals_caption(heading: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{heading}: 市町村ごと、国の目標ごとの目標と施策の数"),
        Language::En => format!("{heading}: goals and measures per town and national goal"),
    }
}

/// The grants' total row.
pub fn grants_total(rows: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("計（{rows} 件）"),
        Language::En => format!("Total ({rows} rows)"),
    }
}

/// Under the grants' rows shown: how many more there are (a button to show them follows).
pub fn grants_hidden(hidden: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("ほかに {hidden} 件あります（計には含まれています）。市町村・年度・名称で絞り込むか、"),
        Language::En => format!("{hidden} more rows (counted in the total). Narrow by town, year or name, or "),
    }
}

/// The link to a region just read from its file.
pub fn open_region(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{name}」を開く"),
        Language::En => format!("Open “{name}”"),
    }
}

/// The question before a town is taken out of its region.
pub fn take_out_question(name: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{name} を地域から外しますか？ 戦略は削除しません（戦略一覧に残ります）。"),
        Language::En => {
            format!("Take {name} out of the region? Its strategy is not deleted (it stays in the strategy list).")
        }
    }
}

/// The region's towns whose strategies are not stored.
pub fn towns_missing(missing: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("保存されていない市町村が {missing} あります（削除されたか、読めませんでした）。"),
        Language::En => format!("{missing} towns are not stored (deleted, or unreadable)."),
    }
}

/// A partnership's side: a town's initiatives.
pub fn initiatives_of(town: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{town}の事業"),
        Language::En => format!("{town}'s initiatives"),
    }
}

/// A partnership named by one of its two towns only.
pub fn named_by_one(first: &str, second: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{first}と{second}のうち、一方の市町村だけが記載しています。"),
        Language::En => format!("Only one of {first} and {second} names this partnership."),
    }
}

/// The partnerships counted by standing.
pub fn partnerships_summary(
    all: usize,
    confirmed: usize,
    unconfirmed: usize,
    outside: usize,
    lang: Language,
) -> String {
    match lang {
        Language::Ja => format!("{all} 件（確認済み {confirmed}・未確認 {unconfirmed}・管外 {outside}）"),
        Language::En => {
            format!("{all} ({confirmed} confirmed, {unconfirmed} unconfirmed, {outside} outside the region)")
        }
    }
}

/// The side-by-side table's printed year: `year` as of `today`.
pub fn as_of(year: &str, today: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{year}の状況（{today} 現在）"),
        Language::En => format!("{year} (as of {today})"),
    }
}

/// The side-by-side table's total row.
pub fn region_total(towns: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("管内計（{towns} 市町村）"),
        Language::En => format!("Region total ({towns} towns)"),
    }
}

/// A theme's hits counted.
pub fn theme_hits(towns: usize, hits: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{towns} 市町村で {hits} 件"),
        Language::En => format!("{hits} in {towns} towns"),
    }
}

/// Under a theme's hits shown: how many more there are (a button to show them follows).
pub fn theme_hidden(left_out: usize, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!(
                "ほかに {left_out} 件あります（CSV にはすべて入ります）。言葉を足すか SDGs・国の基本目標で絞り込むか、"
            )
        }
        Language::En => format!("{left_out} more (all in the CSV). Add a word or an SDG / national goal, or "),
    }
}

/// The indicators no name matched, and how to match them.
pub fn unmatched_indicators(towns: usize, indicators: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{towns} 市町村に {indicators} 指標。照合先には、上の一覧の指標名か指標名リストの名称を入れます。"),
        Language::En => format!(
            "{indicators} indicators in {towns} towns. Match one with a name from the list above or from the bureau's list of names."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_says_what_is_on_screen() {
        let ja = |r, l| towns_line(r, l, Language::Ja);
        assert_eq!(ja(None, Some(179)), "市町村 179");
        assert_eq!(ja(Some((52, Some(179))), Some(0)), "市町村 52/179（読み込み中…）", "not the last reading's 0");
        assert_eq!(ja(Some((169, Some(179))), Some(179)), "市町村 179", "every town drawn: no 169/179");
        assert_eq!(ja(Some((0, None)), None), "市町村（読み込み中…）");
        assert_eq!(towns_line(Some((169, Some(179))), Some(179), Language::En), "179 towns");
        assert_eq!(towns_line(Some((52, Some(179))), Some(3), Language::En), "52 of 179 towns (reading…)");
        assert_eq!(ja(None, None), "");
    }

    #[test]
    fn one_town_is_a_town_and_a_national_goal_is_named_by_its_kind() {
        assert_eq!(town_count(1, Language::En), "1 town");
        assert_eq!(town_count(3, Language::En), "3 towns");
        assert_eq!(town_count(1, Language::Ja), "1 市町村");
        assert_eq!(national_goal_name(GoalKind::CrossCutting, "1", Language::Ja), "横断的な目標1");
        assert_eq!(national_goal_name(GoalKind::Basic, "2", Language::En), "Basic goal 2");
        let national = coverage_column(&TownFrame::Unset, GoalKind::Basic, "3", Language::Ja);
        assert_eq!(national, "基本目標3");
    }
}
