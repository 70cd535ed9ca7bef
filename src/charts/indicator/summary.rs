//! The indicator chart's words: a target as the chart's table writes it, and the one-sentence
//! summary of a series (its latest actual, target, progress and status).

use super::Drawn;
use crate::locale::{self, tr, Language};
use crate::model::{Assessment, Target};

impl Drawn<'_> {
    /// "380人 (令和7年度)" ("380人 (令和7年)" for a calendar-year series), "380人 (年度不明:
    /// 令和7年度とみなす)" when the target gives no year
    /// (the plan's last year is assumed, and the chart says so), "↗ 増加", "0人/年".
    pub(super) fn target_text(&self, target: &Target) -> String {
        match target {
            Target::Value { value, year: Some(y) } => {
                format!("{} ({})", locale::quantity(*value, &self.ind.unit), self.value_year(*y))
            }
            Target::Value { value, year: None } => {
                let assumed = self.value_year(self.s.period.assumed_target_year());
                let when = match self.w.lang {
                    Language::Ja => format!("年度不明: {assumed}とみなす"),
                    Language::En => format!("year unknown: taken as {assumed}"),
                };
                format!("{} ({when})", locale::quantity(*value, &self.ind.unit))
            }
            _ => locale::series_target(self.series, &self.ind.unit, self.w.lang, self.w.years).unwrap_or_default(),
        }
    }

    /// "令和5年度 352人, 目標 380人 (令和7年度), 進捗 30%, 遅れ" (with the series label first
    /// when there are several).
    pub(super) fn summary(&self, a: &Assessment, several: bool) -> String {
        let lang = self.w.lang;
        let unit = &self.ind.unit;
        let latest = self.series.actuals.iter().filter(|a| a.value.is_finite()).max_by_key(|a| a.year);
        let mut words = Vec::new();
        words.push(match latest {
            Some(x) if x.provisional => format!(
                "{} {} ({})",
                self.value_year(x.year),
                locale::quantity(x.value, unit),
                tr(lang, "速報値", "provisional")
            ),
            Some(x) => format!("{} {}", self.value_year(x.year), locale::quantity(x.value, unit)),
            None => tr(lang, "実績なし", "no actuals").to_owned(),
        });
        let target = match &self.series.target {
            // A revised target says so: 「目標 1,800人 (令和7年度)（令和4年度に上方修正、当初 1,500人）」.
            Some(t) => format!(
                "{} {}{}",
                tr(lang, "目標", "target"),
                self.target_text(t),
                locale::revision_note(self.series, unit, self.ind.direction, lang, self.w.years).unwrap_or_default()
            ),
            None => tr(lang, "目標なし", "no target").to_owned(),
        };
        words.push(target);
        // What a span target compares: the mean or the running sum, said with its name.
        words.extend(locale::measured(self.series, a, unit, lang));
        if let Some(p) = a.progress.filter(|p| p.is_finite()) {
            words.push(format!("{} {}", tr(lang, "進捗", "progress"), locale::progress(p, self.ind.direction, lang)));
        }
        words.push(locale::status(a.status, lang).to_owned());
        let text = words.join(", ");
        if several {
            format!("{} {text}", self.label)
        } else {
            text
        }
    }
}
