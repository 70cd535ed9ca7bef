//! The words of a grant (交付金) and its 効果検証 (`model::grant`): the programme, the タイプ, the
//! effect and 今後の方針 in the national form's Japanese, or in English; the grant period.

use super::{tr, year, Language, YearStyle};
use crate::model::{DigitalType, Grant, GrantEffect, GrantPolicy, GrantProgramme};

/// A programme's name: the official one in Japanese; the town's own words in both languages.
pub fn grant_programme(p: &GrantProgramme, lang: Language) -> String {
    match (lang, p) {
        (Language::Ja, p) | (Language::En, p @ GrantProgramme::Other(_)) => p.japanese().to_owned(),
        (Language::En, GrantProgramme::Promotion) => {
            "Regional Revitalisation Promotion Grant (地方創生推進交付金)".into()
        }
        (Language::En, GrantProgramme::BaseDevelopment) => {
            "Regional Revitalisation Base Development Grant (地方創生拠点整備交付金)".into()
        }
        (Language::En, GrantProgramme::DigitalGardenCity) => {
            "Digital Garden City Nation Grant (デジタル田園都市国家構想交付金)".into()
        }
        (Language::En, GrantProgramme::NewRegionalEconomy) => {
            "New Regional Economy and Living Environment Grant (第2世代交付金)".into()
        }
    }
}

pub fn grant_digital_type(t: DigitalType, lang: Language) -> &'static str {
    match lang {
        Language::Ja => t.japanese(),
        Language::En => match t {
            DigitalType::Implementation => "Digital implementation type",
            DigitalType::Promotion => "Regional revitalisation promotion type",
            DigitalType::BaseDevelopment => "Base development type",
            DigitalType::Telework => "Telework type",
            DigitalType::IndustrialInfrastructure => "Industrial-transition infrastructure type",
        },
    }
}

/// The programme with its タイプ: 「デジタル田園都市国家構想交付金（地方創生推進タイプ）」.
pub fn grant_name(g: &Grant, lang: Language) -> Option<String> {
    let p = g.programme.as_ref()?;
    let name = grant_programme(p, lang);
    Some(match (p, g.digital_type) {
        (GrantProgramme::DigitalGardenCity, Some(t)) => match lang {
            Language::Ja => format!("{name}（{}）", t.japanese()),
            Language::En => format!("{name}, {}", grant_digital_type(t, lang)),
        },
        _ => name,
    })
}

pub fn grant_effect(e: GrantEffect, lang: Language) -> &'static str {
    match lang {
        Language::Ja => e.japanese(),
        Language::En => match e {
            GrantEffect::VeryEffective => "Very effective for regional revitalisation",
            GrantEffect::Considerable => "Considerably effective for regional revitalisation",
            GrantEffect::Effective => "Effective for regional revitalisation",
            GrantEffect::NotEffective => "Not effective for regional revitalisation",
        },
    }
}

pub fn grant_policy(p: GrantPolicy, lang: Language) -> &'static str {
    match lang {
        Language::Ja => p.japanese(),
        Language::En => match p {
            GrantPolicy::Develop => "Develop further (additions etc.)",
            GrantPolicy::Improve => "Revise (improve) the project",
            GrantPolicy::Continue => "Continue the project",
            GrantPolicy::Stop => "Stop the project",
            GrantPolicy::End => "End of the project (as planned)",
        },
    }
}

/// 「令和5年度〜令和7年度」, 「令和5年度〜」; `None` without a period.
pub fn grant_period(g: &Grant, lang: Language, style: YearStyle) -> Option<String> {
    let y = |fy| year(fy, lang, style);
    match (g.first_year, g.last_year) {
        (Some(f), Some(l)) if f == l => Some(y(f)),
        (Some(f), Some(l)) => Some(format!("{}{}{}", y(f), tr(lang, "〜", " – "), y(l))),
        (Some(f), None) => Some(format!("{}{}", y(f), tr(lang, "〜", " –"))),
        (None, Some(l)) => Some(format!("{}{}", tr(lang, "〜", "– "), y(l))),
        (None, None) => None,
    }
}

/// 達成率 with one decimal: 「101.9」 (the CSV's cell too).
pub fn grant_rate(v: f64) -> String {
    format!("{:.1}", (v * 10.0).round() / 10.0)
}

/// 達成状況: 達成 / 未達成.
pub fn grant_achieved(achieved: bool, lang: Language) -> &'static str {
    match (achieved, lang) {
        (true, Language::Ja) => "達成",
        (false, Language::Ja) => "未達成",
        (true, Language::En) => "Reached",
        (false, Language::En) => "Not reached",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FiscalYear;

    #[test]
    fn a_grant_is_named_in_either_language() {
        let g = Grant {
            programme: Some(GrantProgramme::DigitalGardenCity),
            digital_type: Some(DigitalType::Promotion),
            first_year: Some(FiscalYear(2023)),
            last_year: Some(FiscalYear(2025)),
            ..Grant::default()
        };
        assert_eq!(grant_name(&g, Language::Ja).unwrap(), "デジタル田園都市国家構想交付金（地方創生推進タイプ）");
        assert!(grant_name(&g, Language::En).unwrap().ends_with(", Regional revitalisation promotion type"));
        assert_eq!(grant_period(&g, Language::Ja, YearStyle::Japanese).unwrap(), "令和5年度〜令和7年度");
        assert_eq!(grant_effect(GrantEffect::NotEffective, Language::Ja), "地方創生に効果がなかった");
        assert_eq!(grant_policy(GrantPolicy::Improve, Language::Ja), "事業内容の見直し（改善）");
        let own = Grant { programme: Some(GrantProgramme::Other("県の交付金".into())), ..Grant::default() };
        assert_eq!(grant_name(&own, Language::En).unwrap(), "県の交付金");
    }
}
