//! Words for a merge: where a conflict is (基本目標 2 ＞ 施策 2-1 ＞ KPI「転入者数」),
//! what of it (目標値, 実績値（令和6年度）) and each side's version (30（令和6年度まで）,
//! 削除, 名称を変更・KPI を1件追加). Conflicts arrive from `model::merge` as data and leave here as
//! sentences; `card` puts one conflict's card together.

mod card;

pub use card::Card;

use crate::locale::{self, tr, Language, YearStyle};
use crate::model::merge::{Conflict, ConflictKind, Crumb, EntryKey, Field, Kind, Side, Version};
use crate::model::{FiscalYear, GoalKind, PlanPeriod, Strategy};
use serde_json::Value;

/// How a conflict's words are put: the language, the year style, and the two sides'
/// strategies (to name what a moved item's parent is).
#[derive(Clone, Copy)]
pub struct MergeWords<'a> {
    pub lang: Language,
    pub style: YearStyle,
    pub ours: &'a Strategy,
    pub theirs: &'a Strategy,
}

/// How a place names its last step: by number (施策 3-1), or by number and title.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LastStep {
    Numbered,
    Titled,
}

impl MergeWords<'_> {
    fn ja(&self) -> bool {
        self.lang == Language::Ja
    }

    /// Where it is, outermost first; the strategy's own settings when it is about the strategy.
    pub fn place(&self, path: &[Crumb]) -> String {
        self.place_of(path, LastStep::Numbered)
    }

    /// Where it is, with the item itself named by its title too (施策 3-1「…」, not only its
    /// number): the heading of a card about the item as a whole.
    pub fn item(&self, path: &[Crumb]) -> String {
        self.place_of(path, LastStep::Titled)
    }

    fn place_of(&self, path: &[Crumb], last: LastStep) -> String {
        if path.is_empty() {
            return tr(self.lang, "戦略の設定", "Strategy settings").to_owned();
        }
        let mut parts = Vec::with_capacity(path.len());
        let mut parent: Option<Kind> = None;
        // An indicator's one unnamed series is the indicator itself: not a step of its own.
        let steps: Vec<&Crumb> =
            path.iter().filter(|c| !(c.entity.kind == Kind::Series && c.title.trim().is_empty())).collect();
        for (i, c) in steps.iter().enumerate() {
            parts.push(self.crumb(c, parent, last == LastStep::Titled && i + 1 == steps.len()));
            parent = Some(c.entity.kind);
        }
        parts.join(if self.ja() { " ＞ " } else { " > " })
    }

    fn crumb(&self, c: &Crumb, parent: Option<Kind>, named: bool) -> String {
        let ja = self.ja();
        let kind = match c.entity.kind {
            Kind::Strategy => return tr(self.lang, "戦略の設定", "Strategy settings").to_owned(),
            Kind::Goal => match (c.goal_kind.unwrap_or_default(), ja) {
                (k, true) => k.japanese(),
                (GoalKind::Basic, false) => "Basic goal",
                (GoalKind::CrossCutting, false) => "Cross-cutting goal",
            },
            Kind::Measure => tr(self.lang, "施策", "Measure"),
            Kind::Initiative => tr(self.lang, "事業", "Initiative"),
            Kind::Indicator => match parent {
                Some(Kind::Goal) => tr(self.lang, "数値目標", "Numerical target"),
                Some(Kind::Measure | Kind::Initiative) => "KPI",
                _ => tr(self.lang, "指標", "Indicator"),
            },
            Kind::Series => tr(self.lang, "内訳", "Breakdown"),
            Kind::Section => tr(self.lang, "本文の節", "Section"),
            Kind::Department => tr(self.lang, "担当課", "Section (department)"),
            Kind::NationalGoal => tr(self.lang, "国の総合戦略の目標", "National goal"),
            Kind::ScheduleItem => tr(self.lang, "策定スケジュール", "Drafting schedule"),
            Kind::Workshop => tr(self.lang, "ワークショップ", "Workshop"),
            Kind::Note => tr(self.lang, "意見", "Idea"),
            Kind::Round => tr(self.lang, "照会", "Round"),
            Kind::Answer => tr(self.lang, "照会の回答", "Answer to the round"),
            Kind::Hearing => tr(self.lang, "意見聴取", "Hearing"),
            Kind::Opinion => tr(self.lang, "意見聴取の意見", "Opinion heard"),
            Kind::Vision => tr(self.lang, "人口ビジョン", "Population vision"),
            Kind::Scenario => tr(self.lang, "シナリオ", "Scenario"),
        };
        let number = c.number.trim();
        let title = short(c.title.trim(), 30);
        // Goals and measures go by their number where they have one (基本目標 2 ＞ 施策 2-1).
        let by_number = matches!(c.entity.kind, Kind::Goal | Kind::Measure) && !number.is_empty();
        match (by_number, number.is_empty(), title.is_empty()) {
            (true, _, false) if named => quoted(&format!("{kind} {number} "), &title, self.lang),
            (true, ..) => format!("{kind} {number}"),
            (false, _, true) if !number.is_empty() => format!("{kind} {number}"),
            (false, _, true) => kind.to_owned(),
            (false, true, false) => quoted(&format!("{kind} "), &title, self.lang),
            (false, false, false) => quoted(&format!("{kind} {number} "), &title, self.lang),
        }
    }

    /// What of it: 名称, 目標値, 実績値（令和6年度）, 所属, or the item as a whole.
    pub fn field(&self, kind: Kind, field: &Field) -> String {
        match field {
            Field::Whole => tr(self.lang, "全体", "The whole item").to_owned(),
            Field::Parent => {
                tr(self.lang, "所属（どの目標・施策の下か）", "Where it sits (its goal or measure)").to_owned()
            }
            Field::Value(name) => self.value_name(kind, name),
            Field::Entry { list, key, field } => {
                let list_name = self.list_name(list);
                let key = match key {
                    EntryKey::Year(fy) => Some(locale::year(*fy, self.lang, self.style)),
                    EntryKey::Evaluation(fy, stage) => Some(format!(
                        "{} {}",
                        locale::year(*fy, self.lang, self.style),
                        tr(self.lang, stage.japanese(), stage.english())
                    )),
                    EntryKey::Id(id) => Some(self.name_of(id.as_str())),
                    EntryKey::Value(v) => Some(plain(v)),
                };
                let of = field.as_deref().map(|f| self.value_name(kind, f));
                let head = match of {
                    Some(of) if *list != "actuals" && *list != "interim" => format!("{list_name}・{of}"),
                    _ => list_name,
                };
                match (key, self.ja()) {
                    (Some(k), true) => format!("{head}（{k}）"),
                    (Some(k), false) => format!("{head} ({k})"),
                    (None, _) => head,
                }
            }
        }
    }

    fn list_name(&self, list: &str) -> String {
        let words = match list {
            "actuals" => ("実績値", "Actual"),
            "interim" => ("中間目標値", "Interim target"),
            "years" => ("年度ごとの予算・決算", "Yearly budget"),
            "evaluations" => ("施策評価", "Evaluation"),
            "kpis" => ("KPI", "KPI"),
            "targets" => ("数値目標", "Numerical target"),
            "related" => ("関連施策", "Related measure"),
            "related_external" => ("関連施策（他の計画）", "Related measure (other plans)"),
            "relisted" => ("再掲", "Re-listing"),
            "sdgs" => ("SDGs", "SDG"),
            _ => return list.to_owned(),
        };
        tr(self.lang, words.0, words.1).to_owned()
    }

    fn value_name(&self, kind: Kind, name: &str) -> String {
        let words = match (kind, name) {
            (Kind::Strategy, "title") => ("戦略の名前", "Title"),
            (Kind::Vision, "base") => ("基準人口", "Base population"),
            (Kind::Vision, "assumptions") => ("仮定値", "Assumptions"),
            (Kind::Vision, "base_birth_rate") => ("基準年の合計特殊出生率", "Base birth rate"),
            (Kind::Vision, "chosen") => ("将来展望とするシナリオ", "Scenario taken as the outlook"),
            (Kind::Vision, "target") => ("目標人口", "Target population"),
            (Kind::Scenario, "scenario") => ("シナリオの設定", "Scenario's settings"),
            (_, "title") => ("名称", "Title"),
            (_, "name") => ("名称", "Name"),
            (_, "municipality.name") => ("自治体名", "Municipality"),
            (_, "municipality.code") => ("団体コード", "Municipality code"),
            (_, "period") => ("計画期間", "Plan period"),
            (_, "stage") => ("策定段階", "Drafting stage"),
            (_, "rating_rule") => ("評価基準", "Rating rule"),
            (_, "national_framework.name") => ("国の総合戦略", "National strategy"),
            (_, "national_framework.key") => ("国の枠組み", "National frame"),
            (_, "number") => ("番号", "Number"),
            (_, "code") => ("番号", "Code"),
            (_, "subtitle") => ("副題", "Subtitle"),
            (_, "direction") => ("方向性", "Direction"),
            (_, "national_goal") => ("国の目標との対応", "National goal"),
            (_, "summary") => ("施策の概要", "Summary"),
            (_, "priority") => ("重点施策", "Priority"),
            (_, "description") => ("事業の内容", "Description"),
            (_, "kind") => ("種類", "Kind"),
            (_, "is_new") => ("新規", "New"),
            (_, "unit") => ("単位", "Unit"),
            (_, "source") => ("出典", "Source"),
            (_, "notes") => ("備考", "Notes"),
            (_, "label") => ("内訳の名前", "Breakdown label"),
            (_, "year_basis") => ("値の時点", "What a value's year means"),
            (_, "running_totals") => ("実績値は累計値", "Actuals are running totals"),
            (_, "baseline") => ("当初値", "Baseline"),
            (_, "target") => ("目標値", "Target"),
            (_, "value") => ("値", "Value"),
            (_, "provisional") => ("速報値", "Provisional"),
            (_, "comment") => ("コメント", "Comment"),
            (_, "budget") => ("予算額（千円）", "Budget (¥1,000)"),
            (_, "settled") => ("決算額（千円）", "Settled (¥1,000)"),
            (_, "plan") => ("計画", "Plan"),
            (_, "result") => ("実績", "Result"),
            (_, "rating") => ("評価", "Rating"),
            (_, "outcomes") => ("成果", "Outcomes"),
            (_, "issues") => ("課題", "Issues"),
            (_, "improvements") => ("改善点", "Improvements"),
            (_, "next_plan") => ("次年度の方針", "Next year's plan"),
            (_, "evaluator") => ("評価の段階", "Stage"),
            (_, "by") => ("評価者", "Evaluated by"),
            (_, "department") => ("担当課", "Section"),
            (_, "heading") => ("見出し", "Heading"),
            (_, "body") => ("本文", "Text"),
            (_, "when") => ("日付", "Date"),
            (_, "agenda") => ("議題", "Agenda"),
            (_, "date") => ("日付", "Date"),
            (_, "text") => ("意見", "Idea"),
            (_, "votes") => ("投票", "Votes"),
            _ => return name.to_owned(),
        };
        tr(self.lang, words.0, words.1).to_owned()
    }

    /// One side's version: 目標値 30（令和6年度まで）, 削除, 名称を変更、KPI を1件追加.
    pub fn version(&self, field: &Field, v: &Version) -> String {
        match v {
            Version::Absent => tr(self.lang, "なし（削除）", "absent (removed)").to_owned(),
            Version::Present => tr(self.lang, "変更なし", "unchanged").to_owned(),
            Version::Unknown => tr(self.lang, "不明", "unknown").to_owned(),
            Version::Edited(changes) => self.edited(None, changes),
            Version::Value(value) => match field {
                Field::Parent => value.as_str().map_or_else(|| plain(value), |id| self.name_of(id)),
                _ => self.value(value),
            },
        }
    }

    fn value(&self, v: &Value) -> String {
        let ja = self.ja();
        match v {
            Value::Null => tr(self.lang, "（空）", "(empty)").to_owned(),
            Value::Bool(b) => {
                tr(self.lang, if *b { "はい" } else { "いいえ" }, if *b { "yes" } else { "no" }).to_owned()
            }
            Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), locale::number),
            Value::String(s) if s.trim().is_empty() => tr(self.lang, "（空）", "(empty)").to_owned(),
            Value::String(s) => quoted("", &short(s, 80), self.lang),
            Value::Object(o) => {
                let year = |k: &str| o.get(k).and_then(Value::as_i64).map(|y| FiscalYear(y as i32));
                let num = o.get("value").and_then(Value::as_f64).map(locale::number);
                match (o.get("kind").and_then(Value::as_str), num, year("year")) {
                    (Some("direction"), ..) => tr(self.lang, "方向のみ", "direction only").to_owned(),
                    (Some("per_year"), Some(n), _) => match self.lang {
                        Language::Ja => format!("毎年 {n}"),
                        Language::En => format!("{n} every year"),
                    },
                    (_, Some(n), Some(y)) => {
                        let y = locale::year(y, self.lang, self.style);
                        if ja {
                            format!("{n}（{y}）")
                        } else {
                            format!("{n} ({y})")
                        }
                    }
                    (_, Some(n), None) => n,
                    _ => match (year("first"), year("last")) {
                        (Some(first), Some(last)) => locale::period(PlanPeriod { first, last }, self.lang, self.style),
                        _ => plain(v),
                    },
                }
            }
            Value::Array(items) => items.iter().map(|i| self.value(i)).collect::<Vec<_>>().join(", "),
        }
    }

    /// What an id names, from either side: 基本目標 2「…」, 施策 2-1「…」, 指標「…」.
    fn name_of(&self, id: &str) -> String {
        let ja = self.ja();
        for s in [self.ours, self.theirs] {
            for g in &s.goals {
                if g.id.as_str() == id {
                    return quoted(&format!("{} {} ", g.kind.japanese(), g.number), &g.title, self.lang);
                }
                for m in &g.measures {
                    if m.id.as_str() == id {
                        return quoted(
                            &format!("{} {} ", tr(self.lang, "施策", "Measure"), m.number),
                            &m.title,
                            self.lang,
                        );
                    }
                    if let Some(i) = m.initiatives.iter().find(|i| i.id.as_str() == id) {
                        return quoted(&format!("{} ", tr(self.lang, "事業", "Initiative")), &i.title, self.lang);
                    }
                }
            }
            if let Some(i) = s.indicators.iter().find(|i| i.id.as_str() == id) {
                return quoted(&format!("{} ", tr(self.lang, "指標", "Indicator")), &i.name, self.lang);
            }
            for i in &s.indicators {
                if let Some(series) = i.series.iter().find(|x| x.id.as_str() == id) {
                    let indicator = quoted(&format!("{} ", tr(self.lang, "指標", "Indicator")), &i.name, self.lang);
                    let label = quoted(&format!("{} ", tr(self.lang, "内訳", "breakdown")), &series.label, self.lang);
                    return if ja { format!("{indicator}・{label}") } else { format!("{indicator}, {label}") };
                }
            }
        }
        id.to_owned()
    }
}

/// The sentence a conflict card leads with.
pub fn conflict_kind(c: &Conflict, lang: Language) -> &'static str {
    let by = |side: Side, ours: &'static str, theirs: &'static str| if side == Side::Ours { ours } else { theirs };
    let unknown = c.base == Version::Unknown;
    match (c.kind, lang) {
        // No common version known: which side changed it cannot be told.
        (ConflictKind::BothChanged, _) if unknown => {
            tr(lang, "このパソコンとファイルで内容が違います", "Different on this computer and in the file")
        }
        (ConflictKind::RemovedEdited { removed_by } | ConflictKind::Dangling { removed_by }, _) if unknown => {
            match removed_by {
                Side::Ours => tr(lang, "ファイルにだけあります", "Only in the file"),
                Side::Theirs => tr(lang, "このパソコンにだけあります", "Only on this computer"),
            }
        }
        (ConflictKind::BothChanged, _) => {
            tr(lang, "両方で違う内容に変更されています", "Changed differently on both sides")
        }
        (ConflictKind::RemovedEdited { removed_by }, Language::Ja) => by(
            removed_by,
            "このパソコンで削除し、ファイルでは編集されています",
            "ファイルで削除され、このパソコンでは編集しています",
        ),
        (ConflictKind::RemovedEdited { removed_by }, Language::En) => by(
            removed_by,
            "Removed on this computer, edited in the file",
            "Removed in the file, edited on this computer",
        ),
        (ConflictKind::Dangling { removed_by }, Language::Ja) => by(
            removed_by,
            "このパソコンで削除したものを、ファイルでは新たに参照しています",
            "ファイルで削除されたものを、このパソコンでは新たに参照しています",
        ),
        (ConflictKind::Dangling { removed_by }, Language::En) => by(
            removed_by,
            "Removed on this computer, newly referred to in the file",
            "Removed in the file, newly referred to on this computer",
        ),
    }
}

/// 「text」 in Japanese, “text” in English, after `lead`.
fn quoted(lead: &str, text: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{}「{text}」", lead.trim_end()),
        Language::En => format!("{lead}“{text}”"),
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A value as plain text (a string without quotes).
fn plain(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// A merge's preview in one line: the changes taken from the file, those kept, the conflicts.
pub fn summary(taken: usize, kept: usize, conflicts: usize, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("ファイルから取り込む変更 {taken} 件 ・ このパソコンで残す変更 {kept} 件 ・ 競合 {conflicts} 件")
        }
        Language::En => {
            format!("{taken} changes taken from the file · {kept} kept from this computer · {conflicts} conflicts")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::{merge, Entity};
    use crate::model::Target;

    fn hokuto() -> Strategy {
        crate::examples::by_key("hokuto").unwrap().load().unwrap()
    }

    /// A real edit on each side of the same KPI target: the card says where, what, and both
    /// values, in Japanese and in English.
    #[test]
    fn a_conflict_on_a_kpi_target_reads_as_place_field_and_both_values() {
        // 北斗市's measure 2-1 with a KPI (転入者数), as a town would add it.
        let mut base = hokuto();
        let (gi, mi) = (1, 0);
        let kpi = crate::model::Indicator::new("", "転入者数", "人");
        let ind = kpi.id.clone();
        base.indicators.push(std::sync::Arc::new(kpi));
        let goal = std::sync::Arc::make_mut(&mut base.goals[gi]);
        std::sync::Arc::make_mut(&mut goal.measures[mi]).kpis.push(ind.clone());
        let set = |value: f64| {
            let mut s = base.clone();
            let i = s.indicators.iter_mut().find(|i| i.id == ind).unwrap();
            std::sync::Arc::make_mut(i).series[0].target = Some(Target::Value { value, year: Some(FiscalYear(2024)) });
            s
        };
        let (ours, theirs) = (set(30.0), set(35.0));
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.conflicts.len(), 1);
        let c = &m.conflicts[0];
        let words = MergeWords { lang: Language::Ja, style: YearStyle::Japanese, ours: &ours, theirs: &theirs };
        let g = &base.goals[gi];
        let measure = &g.measures[mi];
        let name = &base.indicators.iter().find(|i| i.id == ind).unwrap().name;
        let place = words.place(&c.path);
        assert!(
            place.starts_with(&format!("{} {} ＞ 施策 {} ＞ KPI", g.kind.japanese(), g.number, measure.number)),
            "{place}"
        );
        assert!(place.ends_with(&format!("KPI「{name}」")), "{place}");
        assert_eq!(words.field(c.entity.kind, &c.field), "目標値");
        assert_eq!(words.version(&c.field, &c.ours), "30（令和6年度）");
        assert_eq!(words.version(&c.field, &c.theirs), "35（令和6年度）");
        assert_eq!(conflict_kind(c, Language::Ja), "両方で違う内容に変更されています");
        let en = MergeWords { lang: Language::En, style: YearStyle::Western, ..words };
        assert!(en.place(&c.path).contains(&format!("KPI “{name}”")), "{}", en.place(&c.path));
        assert_eq!(en.version(&c.field, &c.theirs), "35 (FY2024)");
    }

    #[test]
    fn yearly_rows_removals_and_moves_are_named() {
        let s = hokuto();
        let words = MergeWords { lang: Language::Ja, style: YearStyle::Japanese, ours: &s, theirs: &s };
        let actual =
            Field::Entry { list: "actuals", key: EntryKey::Year(FiscalYear(2023)), field: Some("value".into()) };
        assert_eq!(words.field(Kind::Series, &actual), "実績値（令和5年度）");
        let budget =
            Field::Entry { list: "years", key: EntryKey::Year(FiscalYear(2022)), field: Some("budget".into()) };
        assert_eq!(words.field(Kind::Initiative, &budget), "年度ごとの予算・決算・予算額（千円）（令和4年度）");
        assert_eq!(words.version(&Field::Whole, &Version::Absent), "なし（削除）");
        let g = &s.goals[1];
        let parent = words.version(&Field::Parent, &Version::Value(Value::String(g.id.0.clone())));
        assert_eq!(parent, format!("{} {}「{}」", g.kind.japanese(), g.number, g.title));
        let title = Entity { kind: Kind::Strategy, id: s.id.clone() };
        assert_eq!(words.field(title.kind, &Field::Value("title".into())), "戦略の名前");
        assert_eq!(words.place(&[]), "戦略の設定");
    }
}
