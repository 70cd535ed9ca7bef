//! The vision page's sentences built from values: the four standard scenarios' names, a typed
//! birth-rate path refused, why nothing or a scenario cannot be drawn, what a preview holds and
//! what was taken (Japanese first, English available).

use crate::locale::{number, tr, Language};
use crate::model::population::{AgeBand, AssumptionSource, Demographic, NotReady, ProjectionError, VisionTarget};
use crate::model::region::ScenarioKind;
use crate::session::vision::PathError;

fn pick(lang: Language, ja: String, en: String) -> String {
    match lang {
        Language::Ja => ja,
        Language::En => en,
    }
}

/// The names of `model::population::standard_scenarios`, in its order.
pub fn standard_names(base_year: u16, lang: Language) -> [String; 4] {
    let from = base_year + 10;
    match lang {
        Language::Ja => [
            "社人研推計準拠".to_owned(),
            "出生率上昇（2040年1.8・2050年2.07）".to_owned(),
            format!("社会移動均衡（{from}年～）"),
            "将来展望（出生率上昇＋毎年50人の転入超過）".to_owned(),
        ],
        Language::En => [
            "IPSS projection".to_owned(),
            "Birth rate rising (1.8 in 2040, 2.07 in 2050)".to_owned(),
            format!("Migration balanced (from {from})"),
            "Future outlook (birth rate rising, 50 net in-migrants a year)".to_owned(),
        ],
    }
}

pub fn path_error(e: &PathError, lang: Language) -> String {
    match e {
        PathError::Unreadable(t) => pick(
            lang,
            format!("「{t}」を読めません。「2040年 1.8、2050年 2.07」のように、年と出生率を書いてください。"),
            format!("「{t}」 cannot be read. Write each year and its rate, as in 「2040年 1.8、2050年 2.07」."),
        ),
        PathError::YearOutside { year, base_year } => pick(
            lang,
            format!("{year}年は、基準年（{base_year}年）より後で2070年までの年にしてください。"),
            format!("{year} must be after the base year ({base_year}) and no later than 2070."),
        ),
        PathError::RateOutside(r) => pick(
            lang,
            format!("出生率 {} は0より大きく10より小さい数にしてください。", number(*r)),
            format!("The rate {} must be above 0 and below 10.", number(*r)),
        ),
    }
}

/// Why no chart can be drawn yet.
pub fn not_ready(n: NotReady, lang: Language) -> &'static str {
    match n {
        NotReady::NoBase => tr(
            lang,
            "基準人口がまだありません。国勢調査の表か住民基本台帳の年齢別人口を取り込んでください。",
            "No base population yet. Bring in the census table or the 住民基本台帳 by age.",
        ),
        NotReady::NoAssumptions => tr(
            lang,
            "仮定値（生残率・純移動率・子ども女性比・0～4歳性比）がまだありません。社人研のブックか貼り付けたセルを取り込むか、2回の国勢調査から算出してください。",
            "No assumptions yet (survival, net migration, child-woman ratio, sex ratio). Bring in the 社人研's workbook or pasted cells, or derive them from two censuses.",
        ),
        NotReady::BaseGroups => tr(
            lang,
            "基準人口の年齢階級の数が合いません。もう一度取り込んでください。",
            "The base population's age groups do not fit. Bring it in again.",
        ),
    }
}

/// Why one scenario is not drawn.
pub fn projection_error(name: &str, e: &ProjectionError, lang: Language) -> String {
    match e {
        ProjectionError::NoBaseBirthRate => pick(
            lang,
            format!("「{name}」は、基準年の合計特殊出生率を入れると描けます。"),
            format!("「{name}」 is drawn once the base year's total fertility rate is entered."),
        ),
        ProjectionError::NoRates(y) => pick(
            lang,
            format!("「{name}」: {y}年からの期間の仮定値がありません（仮定値が基準年より後から始まっています）。"),
            format!("「{name}」: no assumptions for the period from {y} (they start after the base year)."),
        ),
        ProjectionError::RateCount(y) => pick(
            lang,
            format!(
                "「{name}」: {y}年からの期間の仮定値の年齢階級の数が、基準人口と合いません（85歳以上と90歳以上など）。"
            ),
            format!(
                "「{name}」: the assumptions from {y} do not have the base population's age groups (85+ and 90+?)."
            ),
        ),
        ProjectionError::BaseGroups => pick(
            lang,
            format!("「{name}」: 基準人口の年齢階級の数が合いません。"),
            format!("「{name}」: the base population's age groups do not fit."),
        ),
    }
}

/// Where the assumptions came from, as every page showing a result says it.
pub fn assumption_source(a: &AssumptionSource, lang: Language) -> String {
    match a {
        AssumptionSource::Ipss { vintage } => pick(
            lang,
            format!("仮定値は国立社会保障・人口問題研究所（社人研）の{vintage}によります。"),
            format!("The assumptions are the 社人研's ({vintage})."),
        ),
        AssumptionSource::Pasted => tr(lang, "仮定値は貼り付けた表によります。", "The assumptions are from pasted cells.").to_owned(),
        AssumptionSource::DerivedFromCensuses { earlier, later } => pick(
            lang,
            format!("仮定値は社人研のものではありません。{earlier}年と{later}年の国勢調査から算出した変化率（コーホート変化率）で、死亡と移動を分けていないため、社会移動を変えるシナリオは結果を変えません。"),
            format!("The assumptions are not the 社人研's: cohort change ratios derived from the censuses of {earlier} and {later}. They do not separate deaths from migration, so scenarios that change migration change nothing."),
        ),
    }
}

/// What the base population's preview holds.
pub fn base_preview(year: u16, total: u64, unknown: u64, sheet: &str, lang: Language) -> String {
    let from = if sheet.is_empty() { String::new() } else { format!("「{sheet}」") };
    match lang {
        Language::Ja => format!(
            "{from}{year}年の人口 {}人（年齢不詳 {}人は年齢別には入りません）。まだ取り込まれていません。",
            number(total as f64),
            number(unknown as f64)
        ),
        Language::En => format!(
            "{from}Population in {year}: {} (age unknown: {}, in no group). Nothing is taken yet.",
            number(total as f64),
            number(unknown as f64)
        ),
    }
}

/// What the assumptions' preview holds.
pub fn assumptions_preview(periods: &[u16], lang: Language) -> String {
    let (first, last) = (periods.first().copied().unwrap_or(0), periods.last().copied().unwrap_or(0));
    match lang {
        Language::Ja => format!(
            "{}期間（{first}→{}年 … {last}→{}年）の仮定値。最後の期間より後は、最後の期間の値を使います。まだ取り込まれていません。",
            periods.len(),
            first + 5,
            last + 5
        ),
        Language::En => format!(
            "Assumptions for {} periods ({first}→{} … {last}→{}); the last period's are used after it. Nothing is taken yet.",
            periods.len(),
            first + 5,
            last + 5
        ),
    }
}

/// A year of the projection (calendar years, as the census counts on 1 October): 「2020年」 / 「2020」.
pub fn calendar_year(y: u16, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{y}年"),
        Language::En => y.to_string(),
    }
}

/// An age group as a table's row names it: 「0～4歳」, 「90歳以上」 / 「0–4」, 「90+」.
pub fn age_band(band: AgeBand, lang: Language) -> String {
    match (band.high, lang) {
        (Some(h), Language::Ja) => format!("{}～{h}歳", band.low),
        (Some(h), Language::En) => format!("{}–{h}", band.low),
        (None, Language::Ja) => format!("{}歳以上", band.low),
        (None, Language::En) => format!("{}+", band.low),
    }
}

/// A demographic figure's name.
pub fn figure(f: Demographic, lang: Language) -> &'static str {
    match f {
        Demographic::TotalPopulation => tr(lang, "総人口", "total population"),
        Demographic::BirthRate => tr(lang, "合計特殊出生率", "total fertility rate"),
        Demographic::NetMigration => tr(lang, "社会増減数（年）", "net migration a year"),
        Demographic::Births => tr(lang, "出生数（年）", "births a year"),
    }
}

/// A figure's value as shown: persons whole, a rate to 0.01.
pub fn figure_value(f: Demographic, v: f64, lang: Language) -> String {
    match (f, lang) {
        (Demographic::BirthRate, _) => number(v),
        (_, Language::Ja) => format!("{}人", number(v)),
        (_, Language::En) => number(v),
    }
}

/// Where a KPI's target comes from: 「将来展望（…）の2030年の総人口」.
pub fn target_source(scenario: &str, link: VisionTarget, lang: Language) -> String {
    match lang {
        Language::Ja => format!("人口ビジョンの将来展望「{scenario}」の{}年の{}", link.year, figure(link.figure, lang)),
        Language::En => {
            format!("the population vision's outlook 「{scenario}」, {} in {}", figure(link.figure, lang), link.year)
        }
    }
}

/// Under a target taken from the vision, in the editor: where it comes from, and where it is updated.
pub fn target_from(scenario: &str, link: VisionTarget, lang: Language) -> String {
    let source = target_source(scenario, link, lang);
    match lang {
        Language::Ja => format!("この目標は{source}です。人口ビジョンが変わると、人口ビジョンのページに一覧され、確かめてから更新します。"),
        Language::En => format!("This target is {source}. When the vision changes, it is listed on the vision's page and updated once confirmed."),
    }
}

/// The value a KPI would take, before it is taken.
pub fn target_offer(scenario: &str, link: VisionTarget, value: Option<f64>, lang: Language) -> String {
    let source = target_source(scenario, link, lang);
    match (value, lang) {
        (Some(v), Language::Ja) => {
            format!("{source}は {} です。この値を目標にします。", figure_value(link.figure, v, lang))
        }
        (Some(v), Language::En) => {
            format!("{source}: {}. This becomes the target.", figure_value(link.figure, v, lang))
        }
        (None, Language::Ja) => {
            format!("{source}は、いまの人口ビジョンからは出せません（推計の年の外か、出生率・将来展望が未設定です）。")
        }
        (None, Language::En) => format!(
            "{source} cannot be given by the vision now (outside the projection, or no birth rate or outlook set)."
        ),
    }
}

/// A listed change: 「人口 9,876 → 9,650」.
pub fn target_change(
    indicator: &str,
    f: Demographic,
    was: Option<f64>,
    becomes: Option<f64>,
    lang: Language,
) -> String {
    let shown = |v: Option<f64>| {
        v.map_or_else(|| tr(lang, "（値なし）", "(no value)").to_owned(), |v| figure_value(f, v, lang))
    };
    match (becomes, lang) {
        (Some(_), Language::Ja) => format!("{indicator}: 目標 {} → 将来展望では {}", shown(was), shown(becomes)),
        (Some(_), Language::En) => {
            format!("{indicator}: target {} → the outlook now gives {}", shown(was), shown(becomes))
        }
        (None, Language::Ja) => {
            format!("{indicator}: 目標 {}（将来展望からは出せなくなりました。変えません）", shown(was))
        }
        (None, Language::En) => {
            format!("{indicator}: target {} (the outlook no longer gives it; left as it is)", shown(was))
        }
    }
}

/// A kind of scenario as the region sums it.
pub fn scenario_kind(k: ScenarioKind, lang: Language) -> &'static str {
    match k {
        ScenarioKind::Ipss => tr(lang, "社人研推計準拠", "IPSS projection"),
        ScenarioKind::BirthRate => tr(lang, "出生率上昇", "Birth rate rising"),
        ScenarioKind::MigrationBalanced => tr(lang, "社会移動均衡", "Migration balanced"),
        ScenarioKind::Outlook => tr(lang, "各市町村の将来展望", "Each town's outlook"),
    }
}

/// A 管内 total's row name: 「社人研推計準拠（管内計・5市町村）」.
pub fn region_total_name(k: ScenarioKind, towns: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{}（管内計・{towns}市町村）", scenario_kind(k, lang)),
        Language::En => format!("{} (region total, {towns} towns)", scenario_kind(k, lang)),
    }
}

/// The earlier census is not five years before the base.
pub fn not_five_years(earlier: u16, later: u16, lang: Language) -> String {
    pick(
        lang,
        format!(
            "入れた表は{earlier}年のものです。基準年（{later}年）の5年前（{}年）の国勢調査を入れてください。",
            later.saturating_sub(5)
        ),
        format!(
            "The table is of {earlier}. Bring in the census of {}, five years before the base year ({later}).",
            later.saturating_sub(5)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_refused_and_a_derived_source_are_said_in_both_languages() {
        let e = PathError::YearOutside { year: 2015, base_year: 2020 };
        assert_eq!(path_error(&e, Language::Ja), "2015年は、基準年（2020年）より後で2070年までの年にしてください。");
        assert!(path_error(&e, Language::En).starts_with("2015 must be after"));
        let d = AssumptionSource::DerivedFromCensuses { earlier: 2015, later: 2020 };
        assert!(assumption_source(&d, Language::Ja).starts_with("仮定値は社人研のものではありません。2015年と2020年"));
        assert_eq!(standard_names(2020, Language::Ja)[2], "社会移動均衡（2030年～）");
    }
}
