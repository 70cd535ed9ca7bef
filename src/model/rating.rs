//! The rating rule (評価基準): labels and progress thresholds, part of each strategy's settings
//! because towns differ (A/B/C/D, S/A/B/C/−, ◎/○/△/×).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RatingRule {
    /// From best to worst: a label applies when progress (in %) is at least its threshold.
    pub tiers: Vec<RatingTier>,
    /// The label below every threshold (e.g. "C").
    pub below: String,
    /// The label when there is no data to rate (e.g. "D").
    pub no_data: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RatingTier {
    pub label: String,
    /// Minimum progress in percent (100 = target reached).
    pub min_percent: f64,
}

/// The presets offered when a town sets its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingPreset {
    /// A ≥ 100 %, B ≥ 80 %, C below, D no data
    Abcd,
    /// S ≥ 120 %, A ≥ 100 %, B ≥ 80 %, C below, − no data
    Sabc,
    /// ◎ ≥ 100 %, ○ ≥ 80 %, △ ≥ 50 %, × below, − no data
    Marks,
}

impl RatingPreset {
    pub const ALL: [RatingPreset; 3] = [RatingPreset::Abcd, RatingPreset::Sabc, RatingPreset::Marks];

    pub fn rule(self) -> RatingRule {
        let tier = |label: &str, min_percent: f64| RatingTier { label: label.into(), min_percent };
        match self {
            RatingPreset::Abcd => {
                RatingRule { tiers: vec![tier("A", 100.0), tier("B", 80.0)], below: "C".into(), no_data: "D".into() }
            }
            RatingPreset::Sabc => RatingRule {
                tiers: vec![tier("S", 120.0), tier("A", 100.0), tier("B", 80.0)],
                below: "C".into(),
                no_data: "−".into(),
            },
            RatingPreset::Marks => RatingRule {
                tiers: vec![tier("◎", 100.0), tier("○", 80.0), tier("△", 50.0)],
                below: "×".into(),
                no_data: "−".into(),
            },
        }
    }
}

impl Default for RatingRule {
    fn default() -> Self {
        RatingPreset::Abcd.rule()
    }
}

impl RatingRule {
    /// The label for a progress ratio (1.0 = 100 %).
    pub fn label_for_progress(&self, progress: f64) -> &str {
        let percent = progress * 100.0;
        self.tiers.iter().find(|t| percent >= t.min_percent - 1e-9).map_or(self.below.as_str(), |t| t.label.as_str())
    }

    /// The label for a met / not met target that has no progress ratio (direction-only,
    /// per-year, maintain): the label of 100 % when met, the lowest label when not.
    pub fn label_for_met(&self, met: bool) -> &str {
        if met {
            self.label_for_progress(1.0)
        } else {
            &self.below
        }
    }

    /// Every label, best first, the no-data label last.
    pub fn labels(&self) -> Vec<&str> {
        self.tiers.iter().map(|t| t.label.as_str()).chain([self.below.as_str(), self.no_data.as_str()]).collect()
    }

    pub fn is_label(&self, label: &str) -> bool {
        self.labels().contains(&label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_thresholds() {
        let cases: &[(RatingPreset, f64, &str)] = &[
            (RatingPreset::Abcd, 1.0, "A"),
            (RatingPreset::Abcd, 1.3, "A"),
            (RatingPreset::Abcd, 0.8, "B"),
            (RatingPreset::Abcd, 0.7999, "C"),
            (RatingPreset::Abcd, -0.5, "C"),
            (RatingPreset::Sabc, 1.2, "S"),
            (RatingPreset::Sabc, 1.0, "A"),
            (RatingPreset::Marks, 0.5, "△"),
            (RatingPreset::Marks, 0.49, "×"),
        ];
        for (preset, progress, label) in cases {
            assert_eq!(preset.rule().label_for_progress(*progress), *label, "{preset:?} {progress}");
        }
    }

    #[test]
    fn met_and_not_met_use_top_and_bottom() {
        let rule = RatingPreset::Sabc.rule();
        assert_eq!(rule.label_for_met(true), "A");
        assert_eq!(rule.label_for_met(false), "C");
        assert_eq!(rule.labels(), ["S", "A", "B", "C", "−"]);
    }
}
