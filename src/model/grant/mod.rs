//! 交付金: the national grant a 補助事業 is carried out with, and its yearly 効果検証.
//!
//! An initiative names its grant (`Initiative::grant`): the programme — 地方創生推進交付金,
//! 地方創生拠点整備交付金, デジタル田園都市国家構想交付金 with its タイプ, 新しい地方経済・生活環境創生交付金
//! (第2世代交付金), or the town's own words —, the 地域再生計画 it belongs to, the grant period, the
//! yearly target the grant plan set for each of the initiative's KPIs, and per fiscal year the
//! town's 効果検証: the effect in the national form's words, the outside experts' opinion
//! (外部有識者の意見) and 今後の方針. The grant amount of a year (交付金額, 千円) sits beside its
//! budget in `InitiativeYear::grant`. The actual of a KPI is the indicator's own actual of that
//! year: nothing is recorded twice.
//!
//! One verdict per project and year, not per KPI: the national form (事業実施結果報告, and the
//! 効果検証 sheets towns publish from it) lists a project's KPIs (up to four or five) with their
//! 目標値 and 実績値 and then gives the project one 事業効果, one 外部有識者の意見 and one 今後の方針.
//!
//! Wording, as the national form asks it (checked 2026-11):
//! - 事業効果: 「地方創生に非常に効果的であった」「地方創生に相当程度効果があった」「地方創生に効果が
//!   あった」「地方創生に効果がなかった」 — the 事業実施結果報告 of the 地方創生先行型 grant, its
//!   choices and criteria as 草津市 explained them (「本事業は地方創生に非常に効果的であった …
//!   指標が目標値を上回ったなどの場合」, https://expydoc.com/doc/11240987), and as towns filled it in
//!   (https://expydoc.com/doc/11952498: 事業効果 / 外部有識者からの意見 / 今後の方針); the later
//!   推進交付金 sheets keep the four (https://expydoc.com/doc/10933759).
//! - 今後の方針: 「追加等更に発展させる」「事業内容の見直し（改善）」「事業の継続」「事業の中止」 (the
//!   same 草津市 explanation); 「事業の終了」 (事業期間が終了し予定通り終了, as towns add it:
//!   https://expydoc.com/doc/10933759 「事業・期間の終了」).
//! - The types of デジタル田園都市国家構想交付金 (from 令和4年度補正, replacing 推進交付金 and 拠点整備交付金):
//!   デジタル実装タイプ, 地方創生推進タイプ, 地方創生拠点整備タイプ, 地方創生テレワークタイプ, 地域産業構造転換
//!   インフラ整備推進タイプ (https://machi.smrj.go.jp/support/4_0016.html,
//!   https://www.city.bibai.hokkaido.jp/soshiki/3/19851.html,
//!   http://www.city.kitakata.fukushima.jp/soshiki/kikaku/53443.html).
//!
//! In a file every field is optional and absent when empty, so a file without grants reads and
//! writes as before; the merge takes an initiative's `grant` as one value (as `partners`), and
//! the yearly amount with the year's row.

use super::{DesiredDirection, FiscalYear, Id, Indicator, Initiative, Money, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The grant an initiative is carried out with (see the module).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Grant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<GrantProgramme>,
    /// デジタル田園都市国家構想交付金's タイプ; meant with that programme only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_type: Option<DigitalType>,
    /// The name of the 地域再生計画 the project belongs to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub regional_plan: String,
    /// The grant period's first fiscal year (交付対象期間).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_year: Option<FiscalYear>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<FiscalYear>,
    /// The yearly target the grant plan set for a KPI (an indicator the initiative links).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<GrantTarget>,
    /// The town's 効果検証 per fiscal year, in year order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<GrantReview>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

/// The grant programme (交付金の種類), with the town's own words for any other.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantProgramme {
    /// 地方創生推進交付金 (平成28〜令和4年度)
    Promotion,
    /// 地方創生拠点整備交付金 (平成28〜令和4年度)
    BaseDevelopment,
    /// デジタル田園都市国家構想交付金 (令和4年度補正〜), with its タイプ in `Grant::digital_type`
    DigitalGardenCity,
    /// 新しい地方経済・生活環境創生交付金 (第2世代交付金, 令和7年度〜)
    NewRegionalEconomy,
    /// Another grant, in the town's words.
    Other(String),
}

impl GrantProgramme {
    /// The named programmes, newest first, as the editor offers them.
    pub const NAMED: [GrantProgramme; 4] = [
        GrantProgramme::NewRegionalEconomy,
        GrantProgramme::DigitalGardenCity,
        GrantProgramme::Promotion,
        GrantProgramme::BaseDevelopment,
    ];

    /// The official name; the town's words for another.
    pub fn japanese(&self) -> &str {
        match self {
            GrantProgramme::Promotion => "地方創生推進交付金",
            GrantProgramme::BaseDevelopment => "地方創生拠点整備交付金",
            GrantProgramme::DigitalGardenCity => "デジタル田園都市国家構想交付金",
            GrantProgramme::NewRegionalEconomy => "新しい地方経済・生活環境創生交付金（第2世代交付金）",
            GrantProgramme::Other(words) => words,
        }
    }

    /// A stable key (`other` for the town's words), as the editor's dropdown and the CSV use.
    pub fn key(&self) -> &'static str {
        match self {
            GrantProgramme::Promotion => "promotion",
            GrantProgramme::BaseDevelopment => "base_development",
            GrantProgramme::DigitalGardenCity => "digital_garden_city",
            GrantProgramme::NewRegionalEconomy => "new_regional_economy",
            GrantProgramme::Other(_) => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<GrantProgramme> {
        Self::NAMED.into_iter().find(|p| p.key() == key)
    }
}

/// デジタル田園都市国家構想交付金's タイプ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DigitalType {
    /// デジタル実装タイプ
    Implementation,
    /// 地方創生推進タイプ
    Promotion,
    /// 地方創生拠点整備タイプ
    BaseDevelopment,
    /// 地方創生テレワークタイプ
    Telework,
    /// 地域産業構造転換インフラ整備推進タイプ
    IndustrialInfrastructure,
}

impl DigitalType {
    pub const ALL: [DigitalType; 5] = [
        DigitalType::Implementation,
        DigitalType::Promotion,
        DigitalType::BaseDevelopment,
        DigitalType::Telework,
        DigitalType::IndustrialInfrastructure,
    ];

    pub fn japanese(self) -> &'static str {
        match self {
            DigitalType::Implementation => "デジタル実装タイプ",
            DigitalType::Promotion => "地方創生推進タイプ",
            DigitalType::BaseDevelopment => "地方創生拠点整備タイプ",
            DigitalType::Telework => "地方創生テレワークタイプ",
            DigitalType::IndustrialInfrastructure => "地域産業構造転換インフラ整備推進タイプ",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DigitalType::Implementation => "implementation",
            DigitalType::Promotion => "promotion",
            DigitalType::BaseDevelopment => "base_development",
            DigitalType::Telework => "telework",
            DigitalType::IndustrialInfrastructure => "industrial_infrastructure",
        }
    }

    pub fn from_key(key: &str) -> Option<DigitalType> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The grant plan's target for one KPI in one fiscal year (the KPI's 目標値 of that year).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GrantTarget {
    pub indicator: Id,
    pub year: FiscalYear,
    pub value: f64,
}

/// The town's 効果検証 of the project for one fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GrantReview {
    pub year: FiscalYear,
    /// 事業効果, in the national form's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<GrantEffect>,
    /// 外部有識者の意見 (the outside body's opinion), as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub experts: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<GrantPolicy>,
    /// 今後の方針の理由 / the town's own note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// 事業効果: the effect as the national form asks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantEffect {
    /// 地方創生に非常に効果的であった (指標が目標値を上回った、など)
    VeryEffective,
    /// 地方創生に相当程度効果があった (目標値を相当程度（7〜8割）達成した、など)
    Considerable,
    /// 地方創生に効果があった (事業開始前よりも改善した、など)
    Effective,
    /// 地方創生に効果がなかった (事業開始前よりも悪化した、など)
    NotEffective,
}

impl GrantEffect {
    pub const ALL: [GrantEffect; 4] =
        [GrantEffect::VeryEffective, GrantEffect::Considerable, GrantEffect::Effective, GrantEffect::NotEffective];

    pub fn japanese(self) -> &'static str {
        match self {
            GrantEffect::VeryEffective => "地方創生に非常に効果的であった",
            GrantEffect::Considerable => "地方創生に相当程度効果があった",
            GrantEffect::Effective => "地方創生に効果があった",
            GrantEffect::NotEffective => "地方創生に効果がなかった",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            GrantEffect::VeryEffective => "very_effective",
            GrantEffect::Considerable => "considerable",
            GrantEffect::Effective => "effective",
            GrantEffect::NotEffective => "not_effective",
        }
    }

    pub fn from_key(key: &str) -> Option<GrantEffect> {
        Self::ALL.into_iter().find(|e| e.key() == key)
    }

    /// Reads the words as towns write them: the form's, with or without 「本事業は」, and
    /// 「非常に効果があった」 for the first.
    pub fn from_japanese(words: &str) -> Option<GrantEffect> {
        let w: String = words.split_whitespace().collect();
        let w = w.trim_start_matches("本事業は");
        let w = w.strip_suffix('。').unwrap_or(w);
        if w.contains("なかった") {
            return Some(GrantEffect::NotEffective);
        }
        if w.contains("非常に") {
            return Some(GrantEffect::VeryEffective);
        }
        if w.contains("相当程度") {
            return Some(GrantEffect::Considerable);
        }
        (w.starts_with("地方創生に") && w.ends_with("効果があった")).then_some(GrantEffect::Effective)
    }
}

/// 今後の方針.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantPolicy {
    /// 追加等更に発展させる
    Develop,
    /// 事業内容の見直し（改善）
    Improve,
    /// 事業の継続
    Continue,
    /// 事業の中止
    Stop,
    /// 事業の終了 (the period ended as planned)
    End,
}

impl GrantPolicy {
    pub const ALL: [GrantPolicy; 5] =
        [GrantPolicy::Develop, GrantPolicy::Improve, GrantPolicy::Continue, GrantPolicy::Stop, GrantPolicy::End];

    pub fn japanese(self) -> &'static str {
        match self {
            GrantPolicy::Develop => "追加等更に発展させる",
            GrantPolicy::Improve => "事業内容の見直し（改善）",
            GrantPolicy::Continue => "事業の継続",
            GrantPolicy::Stop => "事業の中止",
            GrantPolicy::End => "事業の終了",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            GrantPolicy::Develop => "develop",
            GrantPolicy::Improve => "improve",
            GrantPolicy::Continue => "continue",
            GrantPolicy::Stop => "stop",
            GrantPolicy::End => "end",
        }
    }

    pub fn from_key(key: &str) -> Option<GrantPolicy> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Reads the form's words and the usual short forms (継続, 改善, 見直し, 中止, 拡充 …).
    pub fn from_japanese(words: &str) -> Option<GrantPolicy> {
        let w: String = words.split_whitespace().collect();
        if let Some(p) = Self::ALL.into_iter().find(|p| p.japanese() == w) {
            return Some(p);
        }
        match w.as_str() {
            "発展" | "拡充" | "事業拡大" | "拡大" => Some(GrantPolicy::Develop),
            "改善" | "見直し" | "事業内容の見直し" | "事業内容の改善" | "改善し事業継続" => {
                Some(GrantPolicy::Improve)
            }
            "継続" | "現状通り事業継続" => Some(GrantPolicy::Continue),
            "中止" | "廃止" | "事業中止・廃止" => Some(GrantPolicy::Stop),
            "終了" | "事業終了" | "事業・期間の終了" => Some(GrantPolicy::End),
            _ => None,
        }
    }
}

impl GrantReview {
    pub fn new(year: FiscalYear) -> GrantReview {
        GrantReview { year, effect: None, experts: String::new(), policy: None, reason: String::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.effect.is_none()
            && self.policy.is_none()
            && self.experts.trim().is_empty()
            && self.reason.trim().is_empty()
    }
}

impl Grant {
    /// Nothing recorded (unknown fields count as something).
    pub fn is_empty(&self) -> bool {
        self.programme.is_none()
            && self.digital_type.is_none()
            && self.regional_plan.trim().is_empty()
            && self.first_year.is_none()
            && self.last_year.is_none()
            && self.targets.is_empty()
            && self.reviews.is_empty()
            && self.unknown.is_empty()
    }

    /// 「デジタル田園都市国家構想交付金（デジタル実装タイプ）」: the programme with its タイプ.
    pub fn programme_name(&self) -> Option<String> {
        let p = self.programme.as_ref()?;
        Some(match (p, self.digital_type) {
            (GrantProgramme::DigitalGardenCity, Some(t)) => format!("{}（{}）", p.japanese(), t.japanese()),
            _ => p.japanese().to_owned(),
        })
    }

    /// Whether the grant period covers `year`; a period not given covers every year.
    pub fn covers(&self, year: FiscalYear) -> bool {
        self.first_year.is_none_or(|f| f <= year) && self.last_year.is_none_or(|l| year <= l)
    }

    pub fn target(&self, indicator: &Id, year: FiscalYear) -> Option<f64> {
        self.targets.iter().find(|t| &t.indicator == indicator && t.year == year).map(|t| t.value)
    }

    /// Sets (or with `None`, removes) a KPI's target of a year; targets stay sorted by year.
    pub fn set_target(&mut self, indicator: &Id, year: FiscalYear, value: Option<f64>) {
        self.targets.retain(|t| !(&t.indicator == indicator && t.year == year));
        if let Some(value) = value {
            self.targets.push(GrantTarget { indicator: indicator.clone(), year, value });
        }
        crate::sorting::by_key(&mut self.targets, |t| t.year);
    }

    pub fn review(&self, year: FiscalYear) -> Option<&GrantReview> {
        self.reviews.iter().find(|r| r.year == year)
    }

    /// Writes into the review of a year: creates it (in year order) and drops it when emptied.
    pub fn edit_review(&mut self, year: FiscalYear, edit: impl FnOnce(&mut GrantReview)) {
        let at = match self.reviews.iter().position(|r| r.year == year) {
            Some(at) => at,
            None => {
                let at = self.reviews.iter().position(|r| r.year > year).unwrap_or(self.reviews.len());
                self.reviews.insert(at, GrantReview::new(year));
                at
            }
        };
        edit(&mut self.reviews[at]);
        if self.reviews[at].is_empty() {
            self.reviews.remove(at);
        }
    }

    /// The years the grant names: its period, and every year with a target or a review.
    pub fn years(&self) -> impl Iterator<Item = FiscalYear> + '_ {
        let period = match (self.first_year, self.last_year) {
            (Some(f), Some(l)) if l >= f && l.0 - f.0 <= 20 => (f.0..=l.0).map(FiscalYear).collect(),
            (Some(f), _) => vec![f],
            (_, Some(l)) => vec![l],
            _ => Vec::new(),
        };
        period.into_iter().chain(self.targets.iter().map(|t| t.year)).chain(self.reviews.iter().map(|r| r.year))
    }
}

impl Initiative {
    /// Writes into the initiative's grant: creates it when missing and removes it when nothing
    /// is left in it.
    pub fn edit_grant(&mut self, edit: impl FnOnce(&mut Grant)) {
        let mut grant = self.grant.take().unwrap_or_default();
        edit(&mut grant);
        self.grant = (!grant.is_empty()).then_some(grant);
    }
}

/// One KPI's line of the 効果検証 report.
#[derive(Clone, Debug, PartialEq)]
pub struct GrantKpiRow<'a> {
    pub indicator: &'a Indicator,
    /// The grant plan's target of the year.
    pub target: Option<f64>,
    /// The indicator's actual of the year (`grant_actual`).
    pub actual: Option<f64>,
    /// 達成率 in %: actual ÷ target (target ÷ actual for a KPI that should fall).
    pub achievement: Option<f64>,
    /// Whether the actual reached the target (at most the target, for one that should fall).
    pub achieved: Option<bool>,
}

/// One grant project in the 効果検証 report of a fiscal year.
#[derive(Clone, Debug, PartialEq)]
pub struct GrantProject<'a> {
    pub initiative: &'a Initiative,
    pub grant: &'a Grant,
    /// 予算額 and 交付金額 of the year (千円).
    pub budget: Option<Money>,
    pub amount: Option<Money>,
    pub kpis: Vec<GrantKpiRow<'a>>,
    pub review: Option<&'a GrantReview>,
}

/// The actual of a KPI for the report: the indicator's one series', or with a breakdown the
/// series labelled 計 / 合計 / 総数 / 全体 (a grant target is one figure); none otherwise.
pub fn grant_actual(indicator: &Indicator, year: FiscalYear) -> Option<f64> {
    let series = match indicator.series.as_slice() {
        [one] => one,
        many => many.iter().find(|s| matches!(s.label.trim(), "計" | "合計" | "総数" | "全体"))?,
    };
    series.actuals.iter().find(|a| a.year == year).map(|a| a.value)
}

/// 達成率 (%) and whether the target is reached, by the indicator's desired direction.
pub fn grant_achievement(direction: DesiredDirection, target: f64, actual: f64) -> (Option<f64>, bool) {
    match direction {
        DesiredDirection::Decrease => {
            ((actual != 0.0).then(|| target / actual * 100.0).filter(|r| r.is_finite()), actual <= target)
        }
        DesiredDirection::Increase | DesiredDirection::Maintain => {
            ((target != 0.0).then(|| actual / target * 100.0).filter(|r| r.is_finite()), actual >= target)
        }
    }
}

impl Strategy {
    /// The 「交付金事業の効果検証」 of a fiscal year: every initiative with a grant whose period
    /// covers the year (or that has a target, a review or an amount in it), in the strategy's
    /// order, each with its linked KPIs (target, actual, 達成率) and the year's review.
    pub fn grant_report(&self, year: FiscalYear) -> Vec<GrantProject<'_>> {
        self.initiatives()
            .filter_map(|(_, i)| i.grant.as_ref().map(|g| (i, g)))
            .filter(|(i, g)| {
                let in_period = (g.first_year.is_some() || g.last_year.is_some()) && g.covers(year);
                in_period
                    || g.targets.iter().any(|t| t.year == year)
                    || g.review(year).is_some()
                    || i.year(year).is_some_and(|y| y.grant.is_some())
            })
            .map(|(i, g)| {
                let kpis = i
                    .kpis
                    .iter()
                    .filter_map(|id| self.indicator(id))
                    .map(|ind| {
                        let target = g.target(&ind.id, year);
                        let actual = grant_actual(ind, year);
                        let (achievement, achieved) = match (target, actual) {
                            (Some(t), Some(a)) => {
                                let (rate, reached) = grant_achievement(ind.direction, t, a);
                                (rate, Some(reached))
                            }
                            _ => (None, None),
                        };
                        GrantKpiRow { indicator: ind, target, actual, achievement, achieved }
                    })
                    .collect();
                let y = i.year(year);
                GrantProject {
                    initiative: i,
                    grant: g,
                    budget: y.and_then(|y| y.budget),
                    amount: y.and_then(|y| y.grant),
                    kpis,
                    review: g.review(year),
                }
            })
            .collect()
    }

    /// The years the report offers: the plan period and every year a grant names.
    pub fn grant_years(&self) -> Vec<FiscalYear> {
        let named =
            self.initiatives().filter_map(|(_, i)| i.grant.as_ref()).flat_map(|g| g.years().collect::<Vec<_>>());
        self.period.with(named)
    }

    /// The year the report opens on: the latest with a review, else the latest a grant names
    /// up to the plan's last year, else the plan's last year.
    pub fn default_grant_year(&self) -> FiscalYear {
        let grants = || self.initiatives().filter_map(|(_, i)| i.grant.as_ref());
        grants()
            .flat_map(|g| g.reviews.iter().map(|r| r.year))
            .max()
            .or_else(|| grants().flat_map(|g| g.years().collect::<Vec<_>>()).filter(|y| *y <= self.period.last).max())
            .unwrap_or(self.period.last)
    }
}

#[cfg(test)]
mod tests;
