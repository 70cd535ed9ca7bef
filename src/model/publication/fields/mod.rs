//! The one list of what goes out, field by field: every field of the strategy's types (as its
//! JSON names them) is [`Visibility::Published`] or [`Visibility::Internal`], and a published
//! field that holds another of the listed types names it, so the list can be walked from
//! `Strategy` down.
//!
//! [`keep_published`] walks a strategy's JSON by this list and removes every field it does not
//! mark published — internal fields, and fields this version does not know. The public copy
//! (`super::public_copy`) is made through it, so the public pages, the open-data CSVs and the
//! public JSON all show exactly what the list publishes; the JSON is stripped again after it is
//! written, since an emptied field would still be written as `""`.
//!
//! A test compares the list with the JSON Schema the types generate, both ways: a field added to
//! the model without a place here fails it, and so does a required field marked internal (the
//! public copy must still read as a strategy). Another checks the guide's sentence of what an
//! evaluation publishes against this list.
//!
//! Which items go out (非公開 goals, measures, initiatives, indicators) is a separate rule, by
//! id: `super::published`.

use serde_json::Value;

/// Whether a field goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// In the public pages, the open data and the public JSON.
    Published,
    /// Never in a public file.
    Internal,
}

/// A field of a type, by its JSON name.
#[derive(Clone, Copy, Debug)]
pub struct ListedField {
    pub name: &'static str,
    pub shown: Visibility,
    /// The listed type its value holds (itself, in a list, or absent), when published: the walk
    /// goes on into it. `None` for plain values (text, numbers, ids, plain enums).
    pub holds: Option<&'static str>,
}

/// A type of the model whose JSON is an object (a struct, or an enum's variants with fields:
/// their fields together), by its name in the JSON Schema.
#[derive(Clone, Copy, Debug)]
pub struct Type {
    pub name: &'static str,
    pub fields: &'static [ListedField],
}

use Visibility::{Internal, Published};

/// A published field of plain value.
const fn out(name: &'static str) -> ListedField {
    ListedField { name, shown: Published, holds: None }
}

/// A published field holding a listed type.
const fn out_of(name: &'static str, ty: &'static str) -> ListedField {
    ListedField { name, shown: Published, holds: Some(ty) }
}

/// An internal field (never walked into).
const fn inside(name: &'static str) -> ListedField {
    ListedField { name, shown: Internal, holds: None }
}

const fn ty(name: &'static str, fields: &'static [ListedField]) -> Type {
    Type { name, fields }
}

/// The type the walk starts from.
pub const ROOT: &str = "Strategy";

/// Every type of a strategy with its fields: what goes out and what stays in.
pub const FIELDS: &[Type] = &[
    ty(
        "Strategy",
        &[
            out("id"),
            out("title"),
            out_of("municipality", "Municipality"),
            out_of("period", "PlanPeriod"),
            out_of("period_changes", "PeriodChange"),
            out("stage"),
            out_of("sections", "NarrativeSection"),
            out_of("departments", "Department"),
            out_of("national_framework", "NationalFramework"),
            out_of("framework_changes", "FrameworkChange"),
            out_of("goals", "Goal"),
            out_of("indicators", "Indicator"),
            out_of("rating_rule", "RatingRule"),
            out_of("publication", "Publication"),
            // 照会: who asked, who answered and what they sent.
            inside("rounds"),
            // The drafting schedule (策定スケジュール).
            inside("schedule"),
            // Residents' workshops and their notes.
            inside("workshops"),
            // 意見聴取: the hearings and the opinions heard, answered (「意見と市の考え方」, a page
            // of its own). Senders' names and the version a 修正 links stay in (see `Opinion`).
            out_of("hearings", "Hearing"),
            out_of("opinions", "Opinion"),
            // 地方人口ビジョン: published as the vision page shows it; its working notes stay in.
            out_of("population", "PopulationVision"),
        ],
    ),
    ty(
        "PopulationVision",
        &[
            out_of("assumptions", "Assumptions"),
            out_of("base", "BasePopulation"),
            out("base_birth_rate"),
            out("chosen"),
            inside("notes"),
            out_of("scenarios", "NamedScenario"),
            out_of("target", "TargetPopulation"),
        ],
    ),
    ty("BasePopulation", &[out("female"), out("male"), out("open"), out("source"), out("year")]),
    ty("Assumptions", &[out_of("periods", "PeriodRates"), out_of("source", "AssumptionSource")]),
    ty("AssumptionSource", &[out("earlier"), out("kind"), out("later"), out("vintage")]),
    ty(
        "PeriodRates",
        &[
            out("child_woman_ratio"),
            out("migration_female"),
            out("migration_male"),
            out("sex_ratio"),
            out("start"),
            out("survival_female"),
            out("survival_male"),
        ],
    ),
    ty("NamedScenario", &[out("id"), out("name"), out_of("scenario", "Scenario")]),
    ty("Scenario", &[out("from"), out("kind"), out("net_migrants_a_year"), out_of("path", "RatePoint")]),
    ty("RatePoint", &[out("rate"), out("year")]),
    ty("TargetPopulation", &[out("population"), out("year")]),
    ty("VisionTarget", &[out("figure"), out("year")]),
    ty("Municipality", &[out("code"), out("name")]),
    ty("PlanPeriod", &[out("first"), out("last")]),
    ty("PeriodChange", &[out("date"), out_of("from", "PlanPeriod"), out("reason"), out_of("to", "PlanPeriod")]),
    ty("NarrativeSection", &[out("body"), out("heading"), out("id")]),
    ty("Department", &[out("id"), out("name")]),
    ty("NationalFramework", &[out_of("goals", "NationalGoal"), out("key"), out("name")]),
    ty("NationalGoal", &[out("id"), out("kind"), out("number"), out("title")]),
    ty(
        "FrameworkChange",
        &[out("date"), out_of("from", "NationalFramework"), out_of("links", "EarlierLink"), out("to_key")],
    ),
    ty("EarlierLink", &[out("goal"), out("kind"), out("national_goal"), out("number"), out("title")]),
    ty(
        "Goal",
        &[
            out("direction"),
            out("id"),
            out("kind"),
            out_of("measures", "Measure"),
            out("national_goal"),
            out("number"),
            out("sdgs"),
            out("subtitle"),
            out("targets"),
            out("title"),
        ],
    ),
    ty(
        "Measure",
        &[
            out("department"),
            out_of("evaluations", "Evaluation"),
            out("id"),
            out_of("initiatives", "Initiative"),
            out("kpis"),
            out("number"),
            out("priority"),
            out("related"),
            out("related_external"),
            out_of("relisted", "Relisting"),
            out("sdgs"),
            out("summary"),
            out("title"),
        ],
    ),
    ty("Relisting", &[out("initiative"), out("years")]),
    // The guide: 評価は「成果」「課題」と評価の記号だけを載せます (a test checks the sentence).
    ty(
        "Evaluation",
        &[
            out("fiscal_year"),
            // The stage (一次・二次・外部評価).
            out("evaluator"),
            out("rating"),
            // 成果 (外部評価: 意見)
            out("outcomes"),
            // 課題
            out("issues"),
            // 事業の改善点及び方向性
            inside("improvements"),
            // 次年度実施計画
            inside("next_plan"),
            // 補足
            inside("notes"),
            // 評価者: who wrote it.
            inside("by"),
            // 評価日
            inside("date"),
        ],
    ),
    ty(
        "Initiative",
        &[
            out("department"),
            out("description"),
            out_of("grant", "Grant"),
            out("id"),
            out("is_new"),
            out("kind"),
            out("kpis"),
            out("number"),
            out_of("partners", "Partner"),
            out("title"),
            out_of("years", "InitiativeYear"),
        ],
    ),
    ty("Partner", &[out("code"), out("name")]),
    ty(
        "InitiativeYear",
        &[
            out("budget"),
            out("direction"),
            out("fiscal_year"),
            out("grant"),
            out("plan"),
            out("result"),
            out("settled"),
        ],
    ),
    ty(
        "Grant",
        &[
            out("digital_type"),
            out("first_year"),
            out("last_year"),
            out_of("programme", "GrantProgramme"),
            out("regional_plan"),
            out_of("reviews", "GrantReview"),
            out_of("targets", "GrantTarget"),
        ],
    ),
    ty("GrantProgramme", &[out("other")]),
    // A grant's yearly 効果検証 is what the town publishes (the national form's 事業効果, the
    // external experts' opinion, the policy and its reason): all of it goes out.
    ty("GrantReview", &[out("effect"), out("experts"), out("policy"), out("reason"), out("year")]),
    ty("GrantTarget", &[out("indicator"), out("value"), out("year")]),
    ty(
        "Indicator",
        &[
            // 要因分析, as the sections wrote it.
            inside("analyses"),
            out("code"),
            out("department"),
            out("direction"),
            out("id"),
            out("kind"),
            out("name"),
            // 備考
            inside("notes"),
            out_of("predecessor", "Predecessor"),
            out_of("series", "Series"),
            out("source"),
            out("unit"),
            // The town's 効果検証 as written.
            inside("verdicts"),
        ],
    ),
    ty(
        "Predecessor",
        &[
            out("indicator"),
            out_of("period", "PlanPeriod"),
            out_of("series", "PastSeries"),
            out("strategy"),
            out("strategy_title"),
        ],
    ),
    ty(
        "PastSeries",
        &[out_of("actuals", "Actual"), out_of("baseline", "Baseline"), out("label"), out_of("target", "Target")],
    ),
    ty(
        "Series",
        &[
            out_of("actuals", "Actual"),
            out_of("baseline", "Baseline"),
            // Where the target came from: published, so the public page can say so.
            out_of("from_vision", "VisionTarget"),
            out("id"),
            out_of("interim", "YearValue"),
            out("label"),
            out("running_totals"),
            out("source"),
            out_of("target", "Target"),
            out_of("target_history", "TargetRevision"),
            out_of("year_basis", "YearBasis"),
        ],
    ),
    // An actual's comment (注記) stays in.
    ty("Actual", &[inside("comment"), out("provisional"), out("source"), out("value"), out("year")]),
    ty("Baseline", &[out("value"), out("year")]),
    ty("YearValue", &[out("value"), out("year")]),
    ty(
        "Target",
        &[
            out("kind"),
            out("value"),
            out("year"),
            out_of("change", "RelativeChange"),
            out("from"),
            out("to"),
            out("hold"),
            out("side"),
        ],
    ),
    ty("RelativeChange", &[out("percent"), out("points")]),
    ty("TargetRevision", &[out("date"), out("reason"), out_of("target", "Target"), out("year")]),
    ty("YearBasis", &[out("as_of"), out("as_of_month")]),
    ty("RatingRule", &[out("below"), out("no_data"), out_of("tiers", "RatingTier")]),
    ty("RatingTier", &[out("label"), out("min_percent")]),
    ty(
        "Publication",
        &[
            out("address"),
            out("footer"),
            out("header"),
            // The list of what is 非公開 itself.
            inside("hidden"),
            out_of("highlights", "Highlight"),
            out("licence"),
            out("site_url"),
        ],
    ),
    ty("Highlight", &[out("goal"), out("text")]),
    // Under internal fields only: nothing of these goes out.
    ty("Analysis", &[inside("text"), inside("year")]),
    ty("Verdict", &[inside("comment"), inside("verdict"), inside("year")]),
    ty(
        "Round",
        &[
            inside("answers"),
            inside("asks"),
            inside("deadline"),
            inside("fiscal_year"),
            inside("id"),
            inside("instructions"),
            inside("opened"),
            // A person's name.
            inside("opened_by"),
        ],
    ),
    ty(
        "Answer",
        &[
            inside("at"),
            // A person's name.
            inside("by"),
            inside("comment"),
            inside("department"),
            inside("id"),
            inside("step"),
            inside("values"),
            inside("via"),
        ],
    ),
    ty("ConfirmedValue", &[inside("kind"), inside("subject"), inside("value")]),
    ty(
        "Hearing",
        &[
            out_of("body", "HearingBody"),
            // The version heard: this town's history, internal.
            inside("heard"),
            out("id"),
            out_of("period", "CommentPeriod"),
            // Whether its opinions go out: the choice itself is the town's.
            inside("publish"),
            out("stage"),
            // 提出者数: a number, no name.
            out("submitters"),
            out("when"),
        ],
    ),
    ty("HearingBody", &[out("other")]),
    ty("CommentPeriod", &[out("from"), out("to")]),
    ty(
        "Opinion",
        &[
            out_of("about", "OpinionAbout"),
            // 市の考え方 and 対応.
            out("answer"),
            // What a 修正 changed, in words (「修正内容」 under 修正する), or (older files) a
            // version's id.
            out_of("change", "ChangeLink"),
            // Opinions answered together, one row of the table.
            out("group"),
            out("hearing"),
            out("id"),
            out("number"),
            // 該当箇所 as written.
            out("place"),
            out("response"),
            // Who sent it: never out, anywhere.
            inside("sender"),
            // 意見の要旨; the public copy writes it in place of the text (`public_copy`).
            out("summary"),
            out("text"),
            // The version of this town's history that made a 修正 (反映): internal.
            inside("version"),
        ],
    ),
    ty("ChangeLink", &[out("described"), out("version")]),
    ty("VersionLink", &[inside("id"), inside("saved_at")]),
    ty("OpinionAbout", &[out("goal"), out("indicator"), out("measure"), out("section")]),
    ty("ScheduleItem", &[inside("agenda"), inside("body"), inside("id"), inside("stage"), inside("when")]),
    ty("ScheduleWhen", &[inside("date"), inside("kind"), inside("fiscal_year"), inside("month"), inside("part")]),
    ty("WorkshopSession", &[inside("date"), inside("id"), inside("name"), inside("notes")]),
    ty("WorkshopNote", &[inside("id"), inside("target"), inside("text"), inside("votes")]),
    ty("NoteTarget", &[inside("goal"), inside("measure")]),
];

/// The listed type named `name`.
pub fn type_named(name: &str) -> Option<&'static Type> {
    FIELDS.iter().find(|t| t.name == name)
}

/// Whether the field `field` of the type `ty` goes out (a field the list does not name does not).
pub fn is_published(ty: &str, field: &str) -> bool {
    type_named(ty).and_then(|t| t.fields.iter().find(|f| f.name == field)).is_some_and(|f| f.shown == Published)
}

/// Removes from `value`, the JSON of a `ty` (or a list of them, or null), every field the list
/// does not mark published, at every depth.
pub fn keep_published(value: &mut Value, ty: &str) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|item| keep_published(item, ty)),
        Value::Object(map) => {
            let Some(t) = type_named(ty) else { return };
            map.retain(|key, inner| match t.fields.iter().find(|f| f.name == key) {
                Some(f) if f.shown == Published => {
                    if let Some(holds) = f.holds {
                        keep_published(inner, holds);
                    }
                    true
                }
                _ => false,
            });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
