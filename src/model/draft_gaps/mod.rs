//! What a draft still lacks before it is adopted (策定済), for チェック結果 and for the review
//! after 次期へ引き継ぐ: KPIs without a 目標値 or 目標年度, and texts that still name the previous
//! period — its title, its 「第N期」, or its first or last year (「令和4年度から7年度までの4年間」) —
//! which the next period carries word for word. Each gap names where it is by a path as
//! validation's problems do (`sections[0]`, `goals[1].measures[0]`), so a page can lead to it.

use super::{half_width, FiscalYear, PlanPeriod, Strategy, Target};

/// The previous period: what a carried text may still name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviousPeriod {
    pub title: String,
    pub period: PlanPeriod,
}

/// A text of the strategy that may be carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CarriedText {
    Heading,
    Body,
    Title,
    Subtitle,
    Direction,
    Summary,
    Description,
}

/// How a text names the previous period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodMention {
    /// Its title.
    Title(String),
    /// Its 「第N期」.
    Ordinal(String),
    /// Its first or last year.
    Year(FiscalYear),
}

/// What a draft lacks.
#[derive(Clone, Debug, PartialEq)]
pub enum GapKind {
    /// A KPI series with no 目標値 (`series`: its label, empty when unnamed).
    NoTarget { series: String },
    /// A value target without its 目標年度.
    NoTargetYear { series: String },
    /// A text naming the previous period: which field, how, and the words around it.
    NamesPreviousPeriod { field: CarriedText, named: PeriodMention, excerpt: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub path: String,
    pub kind: GapKind,
}

/// The 「第N期」 of a title (half-width digits), if it has one.
fn ordinal(title: &str) -> Option<String> {
    let t = half_width(title);
    let start = t.find('第')?;
    let rest = &t[start + '第'.len_utf8()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && rest[digits.len()..].starts_with('期')).then(|| format!("第{digits}期"))
}

/// Every year a text names: 「令和4年度」「令和元年」「平成30年度」「2022年度」「R4」, and the second
/// year of a range written without its era (「令和4年度から7年度まで」, 「令和4〜7年度」).
fn years(text: &str) -> Vec<FiscalYear> {
    let t: Vec<char> = half_width(text).chars().collect();
    let mut out = Vec::new();
    let number = |i: usize| -> (Option<i32>, usize) {
        let mut j = i;
        while t.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
        if t.get(i) == Some(&'元') {
            return (Some(1), i + 1);
        }
        (t[i..j].iter().collect::<String>().parse().ok(), j)
    };
    let mut era: Option<i32> = None;
    let mut i = 0;
    while i < t.len() {
        let base = match (t[i], t.get(i + 1)) {
            ('令', Some('和')) => Some((2018, 2)),
            ('平', Some('成')) => Some((1988, 2)),
            ('R', Some(c)) if c.is_ascii_digit() || *c == '.' => Some((2018, 1)),
            _ => None,
        };
        if let Some((offset, skip)) = base {
            let start = i + skip + usize::from(t.get(i + skip) == Some(&'.'));
            if let (Some(n), end) = number(start) {
                out.push(FiscalYear(offset + n));
                era = Some(offset);
                i = end;
                continue;
            }
        }
        if t[i].is_ascii_digit() && (i == 0 || !t[i - 1].is_ascii_digit()) {
            let (n, end) = number(i);
            let after_year = t.get(end) == Some(&'年') && t.get(end + 1) != Some(&'間');
            match n {
                Some(n) if (1900..=2200).contains(&n) && after_year => out.push(FiscalYear(n)),
                Some(n) if n < 100 && after_year && era.is_some() => {
                    out.push(FiscalYear(era.unwrap_or_default() + n));
                }
                _ => {}
            }
            i = end.max(i + 1);
            continue;
        }
        if matches!(t[i], '。' | '\n') {
            era = None;
        }
        i += 1;
    }
    out
}

/// The words around a match: up to 12 characters either side.
fn excerpt(text: &str, at: usize, len: usize) -> String {
    let before: Vec<char> = text[..at].chars().collect();
    let from = before.len().saturating_sub(12);
    let head: String = before[from..].iter().collect();
    let tail: String = text[at + len..].chars().take(12).collect();
    let (open, close) = (if from > 0 { "…" } else { "" }, if text[at + len..].chars().count() > 12 { "…" } else { "" });
    format!("{open}{head}{}{tail}{close}", &text[at..at + len])
}

/// How `text` names `previous`, with the words around it; the first way found.
fn naming(text: &str, previous: &PreviousPeriod) -> Option<(PeriodMention, String)> {
    let title = previous.title.trim();
    if !title.is_empty() {
        if let Some(at) = text.find(title) {
            return Some((PeriodMention::Title(title.to_owned()), excerpt(text, at, title.len())));
        }
    }
    if let Some(n) = ordinal(title) {
        let folded = half_width(text);
        if let Some(at) = folded.find(&n) {
            return Some((PeriodMention::Ordinal(n.clone()), excerpt(&folded, at, n.len())));
        }
    }
    let ends = [previous.period.first, previous.period.last];
    let year = years(text).into_iter().find(|y| ends.contains(y))?;
    let folded = half_width(text);
    let found = [year.japanese(), format!("{}年", year.0)]
        .into_iter()
        .find_map(|w| folded.find(&w).map(|at| (at, w.len())))
        .unwrap_or((0, 0));
    Some((PeriodMention::Year(year), excerpt(&folded, found.0, found.1)))
}

impl Strategy {
    /// The period this strategy was carried from by 次期へ引き継ぐ: its carried indicators'
    /// predecessor's title and years.
    pub fn previous_period(&self) -> Option<PreviousPeriod> {
        let from = self.carried_from()?;
        let p = self.indicators.iter().filter_map(|i| i.predecessor.as_ref()).find(|p| &p.strategy == from)?;
        Some(PreviousPeriod { title: p.strategy_title.clone(), period: p.period })
    }

    /// Every text that names `previous`, in the strategy's order: sections, then each goal, its
    /// measures and their initiatives.
    pub fn texts_naming(&self, previous: &PreviousPeriod) -> Vec<Gap> {
        let mut out = Vec::new();
        let mut look = |path: String, field: CarriedText, text: &str| {
            if let Some((named, excerpt)) = naming(text, previous) {
                out.push(Gap { path, kind: GapKind::NamesPreviousPeriod { field, named, excerpt } });
            }
        };
        for (i, x) in self.sections.iter().enumerate() {
            look(format!("sections[{i}]"), CarriedText::Heading, &x.heading);
            look(format!("sections[{i}]"), CarriedText::Body, &x.body);
        }
        for (gi, g) in self.goals.iter().enumerate() {
            let at = format!("goals[{gi}]");
            look(at.clone(), CarriedText::Title, &g.title);
            look(at.clone(), CarriedText::Subtitle, &g.subtitle);
            look(at.clone(), CarriedText::Direction, &g.direction);
            for (mi, m) in g.measures.iter().enumerate() {
                let at = format!("{at}.measures[{mi}]");
                look(at.clone(), CarriedText::Title, &m.title);
                look(at.clone(), CarriedText::Summary, &m.summary);
                for (ii, x) in m.initiatives.iter().enumerate() {
                    look(format!("{at}.initiatives[{ii}]"), CarriedText::Title, &x.title);
                    look(format!("{at}.initiatives[{ii}]"), CarriedText::Description, &x.description);
                }
            }
        }
        out
    }

    /// What this draft lacks (nothing once 策定済): each KPI series without a 目標値 or its 目標年度,
    /// then the texts naming the previous period when it was carried from one.
    pub fn draft_gaps(&self) -> Vec<Gap> {
        if self.stage == super::DraftingStage::Adopted {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            for x in &ind.series {
                let series = x.label.clone();
                let kind = match &x.target {
                    None => GapKind::NoTarget { series },
                    Some(Target::Value { year: None, .. }) => GapKind::NoTargetYear { series },
                    Some(_) => continue,
                };
                out.push(Gap { path: format!("indicators[{i}]"), kind });
            }
        }
        if let Some(previous) = self.previous_period() {
            out.extend(self.texts_naming(&previous));
        }
        out
    }
}

#[cfg(test)]
mod tests;
