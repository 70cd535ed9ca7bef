//! One conflict's card in words: its heading (where, and what of it; an item as
//! a whole named by its number and title, 施策 3-1「…」), the lead (what happened, and the common
//! version: 「元の版: 値なし」 for a yearly cell that was empty there), and each side's version —
//! for the side that edited what the other removed, what it did: 「名称を変更、KPI を1件追加」.

use super::{conflict_kind, MergeWords};
use crate::locale::{tr, Language};
use crate::model::merge::edited::{summary, Edit};
use crate::model::merge::{Change, Conflict, Entity, Field, Kind, Version};

/// How many of a side's edits a card lists before 「ほか N 件」.
const EDITS_LISTED: usize = 3;

/// The words of one conflict card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// 基本目標 2 ＞ 施策 2-1 ・ 名称, or 基本目標 3 ＞ 施策 3-1「…」 for the item as a whole.
    pub heading: String,
    /// What happened, with the common version: 「…編集しています（元の版: 値なし）」.
    pub lead: String,
    /// This computer's version.
    pub ours: String,
    /// The file's version.
    pub theirs: String,
}

impl MergeWords<'_> {
    /// The card of conflict `c`.
    pub fn card(&self, c: &Conflict) -> Card {
        let field = self.field(c.entity.kind, &c.field);
        let heading = match c.field {
            Field::Whole => self.item(&c.path),
            _ if self.ja() => format!("{} ・ {field}", self.place(&c.path)),
            _ => format!("{} · {field}", self.place(&c.path)),
        };
        let base = match &c.base {
            // Not in the common version: a value or row one side (or both) added.
            Version::Absent => tr(self.lang, "値なし", "no value").to_owned(),
            v => self.version(&c.field, v),
        };
        let lead = match self.lang {
            Language::Ja => format!("{}（元の版: {base}）", conflict_kind(c, self.lang)),
            Language::En => format!("{} (starting version: {base})", conflict_kind(c, self.lang)),
        };
        let unknown = c.base == Version::Unknown;
        let side = |v: &Version| {
            let words = match v {
                Version::Edited(changes) => self.edited(Some(&c.entity), changes),
                // With no common version, a side holds it or not: nobody is known to have removed it.
                Version::Absent if unknown => tr(self.lang, "なし", "absent").to_owned(),
                Version::Present if unknown => tr(self.lang, "あり", "present").to_owned(),
                v => self.version(&c.field, v),
            };
            match (&c.field, v) {
                (Field::Whole, _) | (_, Version::Edited(_)) => words,
                // 名称「…」 (no space before a Japanese quote), 目標値 30（令和6年度）.
                _ if words.starts_with('「') => format!("{field}{words}"),
                _ => format!("{field} {words}"),
            }
        };
        Card { heading, lead, ours: side(&c.ours), theirs: side(&c.theirs) }
    }

    /// What a side did to `root` (removed on the other side) and to what is under it or refers
    /// to it: 「名称を変更、KPI を1件追加、事業「…」の実績（令和5年度）を変更」, the first few and
    /// 「ほか N 件」.
    pub(super) fn edited(&self, root: Option<&Entity>, changes: &[Change]) -> String {
        let edits = summary(changes);
        let mut said: Vec<String> = edits.iter().take(EDITS_LISTED).map(|e| self.edit(root, e)).collect();
        let more = edits.len().saturating_sub(EDITS_LISTED);
        if more > 0 {
            said.push(match self.lang {
                Language::Ja => format!("ほか {more} 件"),
                Language::En => format!("{more} more"),
            });
        }
        if said.is_empty() {
            return tr(self.lang, "編集あり", "edited").to_owned();
        }
        said.join(if self.ja() { "、" } else { "; " })
    }

    /// What a member changed (the shared folder's members panel): the first few
    /// edits named, then how many more; empty when none.
    pub fn edits(&self, edits: &[Edit]) -> String {
        let mut said: Vec<String> = edits.iter().take(EDITS_LISTED).map(|e| self.edit(None, e)).collect();
        let more = edits.len().saturating_sub(EDITS_LISTED);
        if more > 0 {
            said.push(match self.lang {
                Language::Ja => format!("ほか {more} 件"),
                Language::En => format!("{more} more"),
            });
        }
        said.join(if self.ja() { "、" } else { "; " })
    }

    fn edit(&self, root: Option<&Entity>, edit: &Edit) -> String {
        let ja = self.ja();
        // Whose: nothing for the removed item itself, else its name (事業「…」).
        let whose = |entity: &Entity| (Some(entity) != root).then(|| self.entity_name(entity));
        match edit {
            Edit::Changed { entity, field: Field::Parent } => match (whose(entity), ja) {
                (None, true) => "別の目標・施策の下へ移動".to_owned(),
                (None, false) => "moved under another goal or measure".to_owned(),
                (Some(name), true) => format!("{name}を移動"),
                (Some(name), false) => format!("{name} moved"),
            },
            Edit::Changed { entity, field } => {
                let what = self.field(entity.kind, field);
                match (whose(entity), ja) {
                    (None, true) => format!("{what}を変更"),
                    (None, false) => format!("{what} changed"),
                    (Some(name), true) => format!("{name}の{what}を変更"),
                    (Some(name), false) => format!("{name}: {what} changed"),
                }
            }
            Edit::AddedEntries { entity, list, count } => {
                let list = self.list_name(list);
                match (whose(entity), ja) {
                    (None, true) => format!("{}を{count}件追加", spaced(&list)),
                    (None, false) => format!("{list}: {count} added"),
                    (Some(name), true) => format!("{name}に{}を{count}件追加", spaced(&list)),
                    (Some(name), false) => format!("{name}: {list}: {count} added"),
                }
            }
            Edit::Added { kind, count } => {
                let kind = self.kind_name(*kind);
                if ja {
                    format!("{}を{count}件追加", spaced(kind))
                } else {
                    format!("{kind}: {count} added")
                }
            }
        }
    }

    /// An entity by its number and title where either side has it (事業「…」), else its kind.
    fn entity_name(&self, entity: &Entity) -> String {
        let name = self.name_of(entity.id.as_str());
        if name == entity.id.as_str() {
            self.kind_name(entity.kind).to_owned()
        } else {
            name
        }
    }

    fn kind_name(&self, kind: Kind) -> &'static str {
        let (ja, en) = match kind {
            Kind::Strategy => ("戦略", "Strategy"),
            Kind::Section => ("本文の節", "Section"),
            Kind::Department => ("担当課", "Section (department)"),
            Kind::NationalGoal => ("国の総合戦略の目標", "National goal"),
            Kind::ScheduleItem => ("策定スケジュールの項目", "Schedule item"),
            Kind::Goal => ("目標", "Goal"),
            Kind::Measure => ("施策", "Measure"),
            Kind::Initiative => ("事業", "Initiative"),
            Kind::Indicator => ("指標", "Indicator"),
            Kind::Series => ("内訳", "Breakdown"),
            Kind::Workshop => ("ワークショップ", "Workshop"),
            Kind::Note => ("意見", "Idea"),
            Kind::Round => ("照会", "Round"),
            Kind::Answer => ("照会の回答", "Answer to the round"),
            Kind::Hearing => ("意見聴取", "Hearing"),
            Kind::Opinion => ("意見聴取の意見", "Opinion heard"),
            Kind::Vision => ("人口ビジョン", "Population vision"),
            Kind::Scenario => ("人口ビジョンのシナリオ", "Population vision's scenario"),
        };
        tr(self.lang, ja, en)
    }
}

/// A word followed by a space before Japanese when it ends in Latin letters (KPI を, SDGs を).
fn spaced(word: &str) -> String {
    if word.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()) {
        format!("{word} ")
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::YearStyle;
    use crate::model::merge::{merge, Side};
    use crate::model::{FiscalYear, Indicator, Strategy};
    use std::sync::Arc;

    fn hokuto() -> Strategy {
        crate::examples::by_key("hokuto").unwrap().load().unwrap()
    }

    /// A removal against an edit names the item (施策 2-1「…」, not only its number)
    /// and what the editing side did (名称を変更、KPI を1件追加), in Japanese and English — not
    /// 「編集あり（2か所）」.
    #[test]
    fn a_removal_against_an_edit_names_the_item_and_what_was_done_to_it() {
        let base = hokuto();
        let (g, m) = (1, 0);
        let measure = base.goals[g].measures[m].clone();
        let mut ours = base.clone();
        assert!(ours.remove_measure(&measure.id));
        let mut theirs = base.clone();
        let kpi = Indicator::new("", "移住相談件数", "件");
        let kpi_id = kpi.id.clone();
        theirs.indicators.push(Arc::new(kpi));
        {
            let edited = theirs.measure_mut(&measure.id).unwrap();
            edited.title = "移住・定住の促進と受入体制の充実".into();
            edited.kpis.push(kpi_id);
        }
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let c = &merged.conflicts[0];
        let words = MergeWords { lang: Language::Ja, style: YearStyle::Japanese, ours: &ours, theirs: &theirs };
        let card = words.card(c);
        let goal = &base.goals[g];
        assert_eq!(
            card.heading,
            format!(
                "{} {} ＞ 施策 {}「移住・定住の促進と受入体制の充実」",
                goal.kind.japanese(),
                goal.number,
                measure.number
            )
        );
        assert_eq!(card.lead, "このパソコンで削除し、ファイルでは編集されています（元の版: 変更なし）");
        assert_eq!(card.ours, "なし（削除）");
        assert_eq!(card.theirs, "名称を変更、KPI を1件追加");
        let en = MergeWords { lang: Language::En, style: YearStyle::Western, ..words }.card(c);
        assert!(
            en.heading.ends_with(&format!("Measure {} “移住・定住の促進と受入体制の充実”", measure.number)),
            "{}",
            en.heading
        );
        assert_eq!(en.theirs, "Title changed; KPI: 1 added");
        assert_eq!(en.ours, "absent (removed)");
        // The other way round, with an initiative under it edited and one added: named, counted.
        let initiative = measure.initiatives[0].clone();
        let mut theirs = base.clone();
        theirs.initiative_mut(&initiative.id).unwrap().title = "移住相談窓口の運営（拡充）".into();
        theirs.add_initiative(&measure.id).unwrap();
        theirs.add_initiative(&measure.id).unwrap();
        let merged = merge(&base, &theirs, &ours);
        let c = &merged.conflicts[0];
        assert_eq!(c.kind, crate::model::merge::ConflictKind::RemovedEdited { removed_by: Side::Theirs });
        let words = MergeWords { lang: Language::Ja, style: YearStyle::Japanese, ours: &theirs, theirs: &ours };
        let card = words.card(c);
        // Named as the side that edited it has it.
        assert_eq!(card.ours, "事業「移住相談窓口の運営（拡充）」の名称を変更、事業を2件追加");
        assert_ne!(initiative.title, "移住相談窓口の運営（拡充）");
        assert_eq!(card.theirs, "なし（削除）");
    }

    /// A yearly cell both sides filled, empty in the common version, says
    /// 「元の版: 値なし」, not 「元の版: なし（削除）」.
    #[test]
    fn a_cell_empty_in_the_common_version_has_no_value_there() {
        let base = crate::model::merge::edits::town();
        let i = base.indicators.iter().position(|i| !i.series.is_empty()).unwrap();
        let series = &base.indicators[i].series[0];
        let year = (base.period.first.0..=base.period.last.0).map(FiscalYear).find(|y| series.actual(*y).is_none());
        let year = year.unwrap();
        let set = |value: f64| {
            let mut s = base.clone();
            Arc::make_mut(&mut s.indicators[i]).series[0].set_actual(year, Some(value));
            s
        };
        let (ours, theirs) = (set(10.0), set(12.0));
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let c = &merged.conflicts[0];
        let words = MergeWords { lang: Language::Ja, style: YearStyle::Japanese, ours: &ours, theirs: &theirs };
        let card = words.card(c);
        assert_eq!(card.lead, "両方で違う内容に変更されています（元の版: 値なし）");
        assert!(card.ours.ends_with(" 10") && card.theirs.ends_with(" 12"), "{card:?}");
        let en = MergeWords { lang: Language::En, ..words }.card(c);
        assert_eq!(en.lead, "Changed differently on both sides (starting version: no value)");
    }
}
