//! The population vision's tables in words: why a census table or an assumption sheet cannot
//! be read, each problem with the cell it names (Japanese first, English available).

use crate::format::population::{AssumptionProblem, CensusProblem, RateItem};
use crate::locale::{number, Language};
use crate::model::population::Sex;

fn pick(lang: Language, ja: String, en: String) -> String {
    match lang {
        Language::Ja => ja,
        Language::En => en,
    }
}

fn sex(s: Sex, lang: Language) -> &'static str {
    match (s, lang) {
        (Sex::Male, Language::Ja) => "男",
        (Sex::Female, Language::Ja) => "女",
        (Sex::Male, Language::En) => "men",
        (Sex::Female, Language::En) => "women",
    }
}

/// Why the census (or 住民基本台帳) table cannot be the base population.
pub fn census_problem(p: &CensusProblem, lang: Language) -> String {
    match p {
        CensusProblem::NoSexColumns => pick(
            lang,
            "「男」「女」の列が見つかりません。見出しの行に「男」「女」と書かれた表を選んでください。".into(),
            "No 男 (men) and 女 (women) columns were found. Choose a table whose header row names them.".into(),
        ),
        CensusProblem::NoAgeRows => pick(
            lang,
            "「0～4歳」のような年齢の行が見つかりません。".into(),
            "No rows of ages such as 「0～4歳」 were found.".into(),
        ),
        CensusProblem::MissingGroup { low } => pick(
            lang,
            format!("{low}～{}歳の行がありません（各歳の表では5歳分がそろっていません）。", low + 4),
            format!("The row of ages {low}–{} is missing (or, in a table by single age, not all five ages are there).", low + 4),
        ),
        CensusProblem::Masked { address } => pick(
            lang,
            format!("{address} は「X」（秘匿）で、数が分かりません。推計には使えないため、住民基本台帳などの数を入れてください。"),
            format!("{address} is 「X」 (withheld): the count is unknown, so it cannot be projected. Enter a figure from the 住民基本台帳 or another source."),
        ),
        CensusProblem::Empty { address } => pick(
            lang,
            format!("{address} が空です。人数を入れてください（0人なら「0」か「-」）。"),
            format!("{address} is empty. Enter the count (「0」 or 「-」 for none)."),
        ),
        CensusProblem::NotACount { address, text } => pick(
            lang,
            format!("{address} の「{text}」は人数として読めません。"),
            format!("「{text}」 in {address} cannot be read as a count of persons."),
        ),
        CensusProblem::SumDiffers { sex: s, groups, total, address } => pick(
            lang,
            format!(
                "{}の年齢別の合計（年齢不詳を含む）{}人が、総数 {address} の {}人と合いません。",
                sex(*s, lang),
                number(*groups as f64),
                number(*total as f64)
            ),
            format!(
                "The {} by age (with age unknown) sum to {}, not the 総数 of {} in {address}.",
                sex(*s, lang),
                number(*groups as f64),
                number(*total as f64)
            ),
        ),
        CensusProblem::SexesDiffer { address, male, female, both } => pick(
            lang,
            format!("{address} の総数 {}人が、男 {}人と女 {}人の和と合いません。", number(*both as f64), number(*male as f64), number(*female as f64)),
            format!("The total {} in {address} is not men {} plus women {}.", number(*both as f64), number(*male as f64), number(*female as f64)),
        ),
    }
}

fn item(i: RateItem, lang: Language) -> &'static str {
    match (i, lang) {
        (RateItem::Survival, Language::Ja) => "生残率",
        (RateItem::Migration, Language::Ja) => "純移動率",
        (RateItem::ChildWomanRatio, Language::Ja) => "子ども女性比",
        (RateItem::SexRatio, Language::Ja) => "0～4歳性比",
        (RateItem::Survival, Language::En) => "survival rate",
        (RateItem::Migration, Language::En) => "net migration rate",
        (RateItem::ChildWomanRatio, Language::En) => "child-woman ratio",
        (RateItem::SexRatio, Language::En) => "sex ratio at 0–4",
    }
}

/// Why the assumption sheet cannot be read for the town.
pub fn assumption_problem(p: &AssumptionProblem, lang: Language) -> String {
    match p {
        AssumptionProblem::NoHeader => pick(
            lang,
            "「項目」の列と「2020→2025」のような期間の列がある見出しの行が見つかりません。".into(),
            "No header row with an 項目 column and period columns such as 「2020→2025」 was found.".into(),
        ),
        AssumptionProblem::TownNotFound { code } => pick(
            lang,
            format!("団体コード {code} の行がありません。町の都道府県のブックか確かめてください。"),
            format!("No rows have the local government code {code}. Check that this is the workbook of the town's prefecture."),
        ),
        AssumptionProblem::NotANumber { address, text } => pick(
            lang,
            format!("{address} の「{text}」は数として読めません。"),
            format!("「{text}」 in {address} cannot be read as a number."),
        ),
        AssumptionProblem::Empty { address } => {
            pick(lang, format!("{address} が空です。"), format!("{address} is empty."))
        }
        AssumptionProblem::Missing { item: i, sex: s, low, start } => {
            let who_ja = s.map(|s| format!("{}の", sex(s, Language::Ja))).unwrap_or_default();
            let who_en = s.map(|s| format!(" of {}", sex(s, Language::En))).unwrap_or_default();
            let age_ja = low.map(|a| format!("（{a}歳〜の階級へ）")).unwrap_or_default();
            let age_en = low.map(|a| format!(" reaching the group from {a}")).unwrap_or_default();
            pick(
                lang,
                format!("{start}→{}年の{who_ja}{}{age_ja}がありません。", start + 5, item(*i, Language::Ja)),
                format!("The {}{who_en}{age_en} for {start}→{} is missing.", item(*i, Language::En), start + 5),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_withheld_cell_is_named_in_japanese_and_in_english() {
        let p = CensusProblem::Masked { address: "国勢調査!D6".into() };
        assert!(census_problem(&p, Language::Ja).starts_with("国勢調査!D6 は「X」（秘匿）"));
        assert!(census_problem(&p, Language::En).starts_with("国勢調査!D6 is 「X」 (withheld)"));
        let m =
            AssumptionProblem::Missing { item: RateItem::Survival, sex: Some(Sex::Female), low: Some(15), start: 2020 };
        assert_eq!(assumption_problem(&m, Language::Ja), "2020→2025年の女の生残率（15歳〜の階級へ）がありません。");
    }
}
