//! The population vision (地方人口ビジョン): a town's population by sex and 5-year age group,
//! projected by the cohort-component method (コーホート要因法) in 5-year steps to 2070 under
//! scenarios, its three age groups, and the town's 将来展望.
//!
//! # The method, formula by formula
//!
//! Sources read for it (public pages, found through the project's reference search):
//! - the 社人研's own description of its municipal projection, 『日本の地域別将来推計人口
//!   (平成25年3月推計)』 (ipss.go.jp, as mirrored at yumpu.com/xx/document/view/12004686): the
//!   base population by sex × 5-year age from the census, and four assumptions — 生残率, 純移動率,
//!   子ども女性比 (the 0–4 population over women 15–49) and 0～4歳性比;
//! - 美幌町's 「将来人口の見通し」 (expydoc.com/doc/7617157) summarising the same 社人研 method
//!   with those four assumptions by name, and the 公益財団法人 豊田都市交通研究所's report
//!   (ttri.or.jp, H30 no. 9, p. 19): 5-year groups aged by 生残率 and 純移動率, 0–4 from women
//!   and the sex ratio;
//! - the 厚生労働省's guide to projections for 次世代育成支援行動計画
//!   (mhlw.go.jp/topics/bukyoku/seisaku/syousika/030819/2b.html): births from women 15–49 by a
//!   children-to-women ratio (婦人子ども比);
//! - the product's own choices below: rates relative to the group at the start of the period,
//!   the open group from the last two groups, the scenarios.
//!
//! With `P(s, x, t)` the population of sex `s` in age group `x` (0 = 0–4, 1 = 5–9, …, the last
//! the open group: 85+ or 90+) at year `t`, and the rates of the period `t → t+5`, indexed by the
//! group the cohort reaches (`x+5`), as the 社人研's tables index them:
//!
//! 1. **Ageing** (x+5 below the open group):
//!    `P(s, x+5, t+5) = P(s, x, t) × (S(s, x+5) + M(s, x+5))` — 生残率 `S` plus 純移動率 `M`, the
//!    net migrants of the period over the group at the *start* of the period.
//! 2. **The open group** from the last two groups:
//!    `P(s, ω, t+5) = (P(s, ω−5, t) + P(s, ω, t)) × (S(s, ω) + M(s, ω))`.
//! 3. **Births** (0–4): `B = W(t+5) × CWR` with `W(t+5)` the women 15–49 already projected for
//!    `t+5` and `CWR` the period's 子ども女性比; split by the 0～4歳性比 `R` (boys per 100 girls):
//!    `P(男, 0–4, t+5) = B × R / (100 + R)`, `P(女, 0–4, t+5) = B × 100 / (100 + R)`.
//! 4. **No group is negative**: a result below 0 (only possible with a rate sum below 0, or
//!    with the 将来展望's net out-migration larger than a group) is set to 0.
//!
//! Rates for a period the assumptions do not reach (the 社人研's tables stop at 2050) are those
//! of the last period given, held constant: our choice, said wherever the result is shown.
//!
//! # Scenarios (`Scenario`)
//! - **社人研準拠**: the assumptions as given.
//! - **Birth rate path**: a 合計特殊出生率 rising along points (e.g. 1.8 in 2040, 2.07 in 2050),
//!   linear from the base year's rate to the first point and between points, held after the last;
//!   the 子ども女性比 of the period ending in year `y` is scaled by `path(y) ÷ base rate`.
//! - **社会移動均衡 from a year**: 純移動率 0 in every period starting in or after that year.
//! - **The town's 将来展望**: a birth-rate path, and from a year, `N` net migrants a year: the
//!   period's `5 × N` net migrants spread over the sexes and groups in proportion to the net
//!   migrants the assumptions give each (`|M| × P`, so the ages that move most get most), or to
//!   the population when the assumptions give none; they replace the assumptions' migration.
//!
//! # Rounding
//! Every figure is computed unrounded (f64) from the base year to 2070; only what is shown is
//! rounded: persons to whole persons (half away from zero) from the unrounded value, so the
//! groups shown may differ from the total shown by a person or two, as in the 社人研's tables;
//! shares and 高齢化率 to 0.1 %, from the unrounded figures.
//!
//! # A town without the 社人研's assumptions
//! `derive_from_censuses` makes them from two censuses five years apart (cohort change ratios,
//! コーホート変化率): the whole change is one ratio, kept as 生残率 with 純移動率 0, so
//! scenarios that change migration change nothing; `Assumptions::is_derived` says so, and every
//! page that shows such a result must say it.

mod age;
mod check;
mod derive;
mod project;
mod run;
mod scenario;
mod targets;
mod vision;

pub use age::{AgeBand, OpenAge, Population, Sex, ThreeGroups, HORIZON, STEP};
pub use check::{check, VisionProblem};
pub use derive::{derive_from_censuses, DeriveError};
pub use project::{flows, project, PeriodFlows, Projection, ProjectionError};
pub use run::{project_scenarios, standard_path, standard_scenarios, NotReady, Projected};
pub use scenario::{rate_on_path, RatePoint, Scenario};
pub use targets::{
    apply_target_changes, take_target, target_changes, vision_value, Demographic, TargetChange, VisionTarget,
};
pub use vision::{
    AssumptionSource, Assumptions, BasePopulation, NamedScenario, PeriodRates, PopulationSource, PopulationVision,
    TargetPopulation,
};

/// A count of persons as shown: rounded half away from zero from the unrounded figure.
pub fn persons(value: f64) -> i64 {
    value.round() as i64
}

/// A share in per cent to 0.1 %, from unrounded figures (`None` when the whole is 0).
pub fn share(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| (part / whole * 1000.0).round() / 10.0)
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
