//! The strategy's own settings: title, municipality, plan period, drafting stage, national
//! framework, narrative sections, the sections (担当課) and who the person is among them, rating
//! rule, drafting schedule — and the list of every problem
//! the strategy has, each a link to where it is.

use super::common::EntityActions;
use super::period::{NextPeriodForm, PeriodChanges};
use super::realign::RealignForm;
use crate::model::edit::move_item;
use crate::model::{
    validate, DraftingStage, FiscalYear, Id, MonthPart, RatingPreset, ScheduleItem, ScheduleWhen, Severity,
};
use crate::session::route::SettingsPart;
use crate::ui::kit::bind::{self, label};
use crate::ui::kit::fields::{NumberField, SelectField, TextField, YearField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_navigation};
use crate::words;
use leptos::prelude::*;

#[component]
pub fn StrategyForm(
    /// The part landed on from another page (策定), scrolled into view.
    #[prop(optional)]
    at: Option<SettingsPart>,
) -> impl IntoView {
    let state = use_edits();
    let nav = use_navigation();
    let title = bind::read(|s| s.title.clone());
    let municipality = bind::read(|s| s.municipality.name.clone());
    let code = bind::read(|s| s.municipality.code.clone().unwrap_or_default());
    let first = bind::read(|s| Some(s.period.first));
    let last = bind::read(|s| Some(s.period.last));
    let stage = bind::read(|s| s.stage.as_str().to_owned());
    let framework = bind::read(|s| s.national_framework.name.clone());
    // The built-in frame the strategy names by its key, said under the name field.
    let frame_key = bind::read(|s| s.national_framework.key.clone());
    let frame_note = move || {
        let (lang, style) = (state.lang(), state.year_style());
        frame_key.get().map(|key| {
            let frame = crate::model::frames::by_key(&key).ok_or(key.as_str());
            crate::words::editor::frame_line(frame, lang, style)
        })
    };
    let problems = Memo::new(move |_| state.open.with(|o| o.as_ref().map(validate)).unwrap_or_default());
    let code_problem = Signal::derive(move || {
        let lang = state.lang();
        problems.with(|p| p.iter().find(|p| p.path == "municipality.code").map(|p| words::problem_kind(&p.kind, lang)))
    });
    let period_problem = move || {
        let lang = state.lang();
        problems.with(|p| p.iter().find(|p| p.path == "period").map(|p| words::problem_kind(&p.kind, lang)))
    };
    let stages = Signal::derive(move || {
        DraftingStage::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    if state.lang() == crate::locale::Language::Ja {
                        s.japanese().to_owned()
                    } else {
                        s.as_str().to_owned()
                    },
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <div class="panel" data-testid="strategy-form">
            <h1>{state.text("戦略の設定", "Strategy settings")}</h1>
            <div class="form-grid">
                <TextField label=label(state, "戦略の名前", "Title") value=title testid="strategy-title-field"
                    on_commit=bind::write(|s, v: String| s.title = v)/>
                <TextField label=label(state, "自治体名", "Municipality") value=municipality testid="municipality-field"
                    on_commit=bind::write(|s, v: String| s.municipality.name = v)/>
                <TextField label=label(state, "団体コード（6桁、任意）", "Local government code (6 digits, optional)") value=code testid="municipality-code"
                    problem=code_problem
                    on_commit=bind::write(|s, v: String| s.municipality.code = Some(crate::model::half_width(&v)).filter(|c| !c.is_empty()))/>
                <YearField label=label(state, "計画期間（最初の年度）", "Plan period: first year") value=first testid="period-first"
                    on_commit=bind::write(|s, v: Option<FiscalYear>| if let Some(v) = v { s.period.first = v })/>
                <YearField label=label(state, "計画期間（最後の年度）", "Plan period: last year") value=last testid="period-last"
                    on_commit=bind::write(|s, v: Option<FiscalYear>| if let Some(v) = v { s.period.last = v })/>
                {move || period_problem().map(|p| view! { <p class="field-problem" role="alert">{p}</p> })}
                <SelectField label=label(state, "策定段階", "Drafting stage") options=stages value=stage testid="stage"
                    on_commit=Callback::new(move |v: String| if let Some(st) = DraftingStage::ALL.into_iter().find(|x| x.as_str() == v) { state.move_stage(st) })/>
                <TextField label=label(state, "国の総合戦略", "National strategy") value=framework
                    on_commit=bind::write(|s, v: String| s.national_framework.name = v)/>
                {move || frame_note().map(|n| view! { <p class="hint" data-testid="national-frame-key">{n}</p> })}
            </div>
        </div>
        <PeriodChanges/>
        <NationalGoals/>
        <RealignForm/>
        <Sections/>
        <super::departments::Departments/>
        <RatingRuleForm/>
        <Schedule landed=at == Some(SettingsPart::Schedule)/>
        <NextPeriodForm landed=at == Some(SettingsPart::NextPeriod)/>
        <div class="panel" data-testid="problems">
            <h2>{state.text("チェック結果", "Checks")}</h2>
            {move || {
                let lang = state.lang();
                let list = problems.get();
                let lacking = state.open.with(|o| o.as_ref().is_some_and(|s| !s.draft_gaps().is_empty()));
                if list.is_empty() && lacking {
                    view! { <p>{state.tr("誤りはありません。策定済にするまでに、次の点を見直してください。", "No errors. Before adoption, review the points below.")}</p> }.into_any()
                } else if list.is_empty() {
                    view! { <p class="ok">{state.tr("問題はありません。", "No problems found.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="problems">
                            {list.into_iter().map(|p| {
                                let class = if p.severity() == Severity::Error { "problem error" } else { "problem warning" };
                                let target = state.open.with_untracked(|o| o.as_ref().map(|s| (s.id.clone(), crate::session::route::selection_of(s, &p.path), words::problem(&p, s, lang))));
                                let text = target.as_ref().map(|t| t.2.clone()).unwrap_or_default();
                                view! {
                                    <li class=class>
                                        <button type="button" class="link" data-testid="problem-link" title=p.path.clone() on:click=move |_| {
                                            if let Some((sid, sel, _)) = target.clone() { nav.navigate(crate::session::route::Route::Edit(sid, sel)); }
                                        }>{text}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <crate::ui::kit::draft_gaps::DraftGaps shown=crate::ui::kit::draft_gaps::GapsShown::All testid="draft-gaps"/>
        </div>
    }
}

/// Narrative sections (策定趣旨, 基本方針 …): add, edit, reorder, remove.
#[component]
fn Sections() -> impl IntoView {
    let state = use_edits();
    let ids = bind::read(|s| s.sections.iter().map(|x| x.id.clone()).collect::<Vec<Id>>());
    view! {
        <div class="panel" data-testid="sections">
            <h2>{state.text("基本的な考え方（本文の節）", "Narrative sections")}</h2>
            {move || ids.get().into_iter().enumerate().map(|(i, id)| {
                let (hid, bid, mid, did) = (id.clone(), id.clone(), id.clone(), id.clone());
                let heading = bind::read(move |s| s.sections.iter().find(|x| x.id == hid).map(|x| x.heading.clone()).unwrap_or_default());
                let body = bind::read(move |s| s.sections.iter().find(|x| x.id == bid).map(|x| x.body.clone()).unwrap_or_default());
                let (w1, w2) = (id.clone(), id.clone());
                view! {
                    <div class="section-edit" data-testid="section">
                        <TextField label=label(state, "見出し", "Heading") value=heading testid=format!("section-heading-{i}")
                            on_commit=bind::write(move |s, v: String| if let Some(x) = s.sections.iter_mut().find(|x| x.id == w1) { x.heading = v })/>
                        <TextField label=label(state, "本文", "Text") value=body multiline=true testid=format!("section-body-{i}")
                            on_commit=bind::write(move |s, v: String| if let Some(x) = s.sections.iter_mut().find(|x| x.id == w2) { x.body = v })/>
                        <EntityActions delete_label=label(state, "この節を削除", "Delete this section")
                            on_move=Callback::new(move |to| state.try_edit(|s| move_item(&mut s.sections, |x| x.id == mid, to)))
                            on_delete=Callback::new(move |_| state.edit(|s| s.sections.retain(|x| x.id != did)))/>
                    </div>
                }
            }).collect_view()}
            <button type="button" data-testid="add-section" on:click=move |_| state.edit(|s| { s.add_section(); })>
                {state.text("＋ 節を追加", "+ Add a section")}
            </button>
        </div>
    }
}

/// The rating rule: a preset, or the town's own labels and thresholds.
#[component]
fn RatingRuleForm() -> impl IntoView {
    let state = use_edits();
    let tiers = bind::read(|s| s.rating_rule.tiers.len());
    let below = bind::read(|s| s.rating_rule.below.clone());
    let no_data = bind::read(|s| s.rating_rule.no_data.clone());
    let preset_name = |p: RatingPreset| match p {
        RatingPreset::Abcd => "A / B / C / D",
        RatingPreset::Sabc => "S / A / B / C / −",
        RatingPreset::Marks => "◎ / ○ / △ / ×",
    };
    view! {
        <div class="panel" data-testid="rating-rule">
            <h2>{state.text("評価基準", "Rating rule")}</h2>
            <p class="lead">{state.text("進捗率（当初値から目標値までのうち達成した割合）で評価を決めます。", "The rating follows progress (the share of the way from baseline to target).")}</p>
            <div class="actions">
                {RatingPreset::ALL.into_iter().map(|p| view! {
                    <button type="button" data-testid=format!("rating-preset-{}", preset_name(p).chars().next().unwrap_or('x'))
                        on:click=move |_| state.edit(|s| s.rating_rule = p.rule())>{preset_name(p)}</button>
                }).collect_view()}
            </div>
            <div class="form-grid">
                {move || (0..tiers.get()).map(|i| {
                    let l = bind::read(move |s| s.rating_rule.tiers.get(i).map(|t| t.label.clone()).unwrap_or_default());
                    let m = bind::read(move |s| s.rating_rule.tiers.get(i).map(|t| t.min_percent));
                    view! {
                        <TextField label=label(state, "評価", "Label") value=l testid=format!("tier-label-{i}")
                            on_commit=bind::write(move |s, v: String| if let Some(t) = s.rating_rule.tiers.get_mut(i) { t.label = v })/>
                        <div class="field-with-action">
                            <NumberField label=label(state, "進捗率がこれ以上（%）", "Progress at least (%)") value=m unit="%" testid=format!("tier-min-{i}")
                                on_commit=bind::write(move |s, v: Option<f64>| if let (Some(t), Some(v)) = (s.rating_rule.tiers.get_mut(i), v) { t.min_percent = v })/>
                            <button type="button" class="quiet" data-testid=format!("remove-tier-{i}")
                                on:click=move |_| state.try_edit(|s| i < s.rating_rule.tiers.len() && s.rating_rule.tiers.len() > 1 && { s.rating_rule.tiers.remove(i); true })>
                                {state.text("この段階を削除", "Remove this level")}
                            </button>
                        </div>
                    }
                }).collect_view()}
                <div class="actions">
                    <button type="button" data-testid="add-tier" on:click=move |_| state.edit(|s| {
                        let min = s.rating_rule.tiers.last().map_or(100.0, |t| (t.min_percent - 20.0).max(0.0));
                        s.rating_rule.tiers.push(crate::model::RatingTier { label: String::new(), min_percent: min });
                    })>{state.text("＋ 段階を追加", "+ Add a level")}</button>
                </div>
                <TextField label=label(state, "それ未満", "Below every threshold") value=below testid="tier-below"
                    on_commit=bind::write(|s, v: String| s.rating_rule.below = v)/>
                <TextField label=label(state, "データなし", "No data") value=no_data testid="tier-no-data"
                    on_commit=bind::write(|s, v: String| s.rating_rule.no_data = v)/>
            </div>
        </div>
    }
}

/// The drafting schedule: a date, or fiscal year + month + 上旬/中旬/下旬; body, agenda, stage. Each
/// step is a card with its fields labelled, those of how it is dated only (so that nothing is cut
/// at 1280 px: 「第1回 総合戦略策定会議」, the stage and 旬 whole).
#[component]
fn Schedule(
    /// Landed on from 策定 (「段階と予定を編集する」): scrolled into view.
    landed: bool,
) -> impl IntoView {
    let state = use_edits();
    let panel = NodeRef::<leptos::html::Div>::new();
    if landed {
        super::common::land_on(panel);
    }
    let ids = bind::read(|s| s.schedule.iter().map(|x| x.id.clone()).collect::<Vec<Id>>());
    view! {
        <div class="panel" data-testid="schedule" node_ref=panel>
            <h2>{state.text("策定スケジュール", "Drafting schedule")}</h2>
            <ul class="schedule-items">
                {move || ids.get().into_iter().map(|id| view! { <ScheduleStep id=id/> }).collect_view()}
            </ul>
            <button type="button" data-testid="add-schedule" on:click=move |_| state.edit(|s| {
                let fiscal_year = FiscalYear(s.period.first.0 - 1);
                s.schedule.push(ScheduleItem { id: Id::new("schedule"), when: ScheduleWhen::Period { fiscal_year, month: 4, part: None }, body: String::new(), agenda: String::new(), stage: None });
            })>{state.text("＋ 予定を追加", "+ Add a step")}</button>
        </div>
    }
}

/// One step of the schedule, as a card: how it is dated and when, its stage, the meeting or step
/// and its agenda.
#[component]
fn ScheduleStep(id: Id) -> impl IntoView {
    let state = use_edits();
    let item = move |id: &Id| {
        let id = id.clone();
        move |s: &crate::model::Strategy| s.schedule.iter().find(|x| x.id == id).cloned()
    };
    let get = item(&id);
    let when = bind::read(move |s| get(s).map(|x| x.when));
    let get = item(&id);
    let body = bind::read(move |s| get(s).map(|x| x.body).unwrap_or_default());
    let get = item(&id);
    let agenda = bind::read(move |s| get(s).map(|x| x.agenda).unwrap_or_default());
    let get = item(&id);
    let stage = bind::read(move |s| get(s).and_then(|x| x.stage).map(|x| x.as_str().to_owned()).unwrap_or_default());
    let dated = Signal::derive(move || matches!(when.get(), Some(ScheduleWhen::Date { .. })));
    let by = Signal::derive(move || if dated.get() { "date".to_owned() } else { "period".to_owned() });
    let date = Signal::derive(move || match when.get() {
        Some(ScheduleWhen::Date { date }) => date,
        _ => String::new(),
    });
    let bys = Signal::derive(move || {
        vec![
            ("period".to_owned(), state.tr("年度・月・旬", "Year, month, part").to_owned()),
            ("date".to_owned(), state.tr("日付", "Date").to_owned()),
        ]
    });
    let fy = Signal::derive(move || match when.get() {
        Some(ScheduleWhen::Period { fiscal_year, .. }) => Some(fiscal_year),
        _ => None,
    });
    let month = Signal::derive(move || match when.get() {
        Some(ScheduleWhen::Period { month, .. }) => Some(f64::from(month)),
        _ => None,
    });
    let part = Signal::derive(move || match when.get() {
        Some(ScheduleWhen::Period { part: Some(p), .. }) => format!("{p:?}"),
        _ => String::new(),
    });
    let upd = move |id: Id, f: Box<dyn Fn(&mut ScheduleItem) + Send + Sync>| {
        state.edit(move |s| {
            if let Some(x) = s.schedule.iter_mut().find(|x| x.id == id) {
                f(x)
            }
        })
    };
    let (i1, i2, i3, i4, i5, i6, i7, i8, i9) =
        (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id);
    let parts = Signal::derive(move || {
        vec![
            (String::new(), "—".to_owned()),
            ("Early".into(), MonthPart::Early.japanese().into()),
            ("Middle".into(), MonthPart::Middle.japanese().into()),
            ("Late".into(), MonthPart::Late.japanese().into()),
        ]
    });
    let stages = Signal::derive(move || {
        std::iter::once((String::new(), "—".to_owned()))
            .chain(DraftingStage::ALL.iter().map(|s| (s.as_str().to_owned(), s.japanese().to_owned())))
            .collect::<Vec<_>>()
    });
    let set_by = Callback::new(move |v: String| {
        let id = i8.clone();
        state.edit(move |s| {
            let first = FiscalYear(s.period.first.0 - 1);
            if let Some(x) = s.schedule.iter_mut().find(|x| x.id == id) {
                x.when = if v == "date" {
                    ScheduleWhen::Date { date: String::new() }
                } else {
                    ScheduleWhen::Period { fiscal_year: x.when.fiscal_year().unwrap_or(first), month: 4, part: None }
                };
            }
        })
    });
    view! {
        <li class="schedule-item" data-testid="schedule-item">
            <div class="schedule-by"><SelectField label=label(state, "時期の指定方法", "Dated by") options=bys value=by testid="schedule-by" on_commit=set_by/></div>
            {move || if dated.get() {
                let i9 = i9.clone();
                view! {
                    <div class="schedule-date"><TextField label=label(state, "日付（例: 2026-12-10）", "Date (e.g. 2026-12-10)") value=date placeholder="2026-12-10" testid="schedule-date"
                        on_commit=Callback::new(move |v: String| upd(i9.clone(), Box::new(move |x| if let ScheduleWhen::Date { date } = &mut x.when { *date = v.trim().to_owned() })))/></div>
                }.into_any()
            } else {
                let (i1, i2, i3) = (i1.clone(), i2.clone(), i3.clone());
                view! {
                    <div class="schedule-year"><YearField label=label(state, "年度", "Fiscal year") value=fy testid="schedule-year" on_commit=Callback::new(move |v: Option<FiscalYear>| upd(i1.clone(), Box::new(move |x| if let (Some(v), ScheduleWhen::Period { fiscal_year, .. }) = (v, &mut x.when) { *fiscal_year = v })))/></div>
                    <div class="schedule-month"><NumberField label=label(state, "月", "Month") value=month testid="schedule-month" on_commit=Callback::new(move |v: Option<f64>| upd(i2.clone(), Box::new(move |x| if let (Some(v), ScheduleWhen::Period { month, .. }) = (v, &mut x.when) { *month = v.clamp(1.0, 12.0) as u8 })))/></div>
                    <div class="schedule-part"><SelectField label=label(state, "旬", "Part") options=parts value=part testid="schedule-part" on_commit=Callback::new(move |v: String| upd(i3.clone(), Box::new(move |x| if let ScheduleWhen::Period { part, .. } = &mut x.when {
                        *part = match v.as_str() { "Early" => Some(MonthPart::Early), "Middle" => Some(MonthPart::Middle), "Late" => Some(MonthPart::Late), _ => None };
                    })))/></div>
                }.into_any()
            }}
            <div class="schedule-stage"><SelectField label=label(state, "段階", "Stage") options=stages value=stage testid="schedule-stage" on_commit=Callback::new(move |v: String| upd(i6.clone(), Box::new(move |x| x.stage = DraftingStage::ALL.into_iter().find(|s| s.as_str() == v))))/></div>
            <div class="schedule-body"><TextField label=label(state, "会議・手続", "Meeting / step") value=body testid="schedule-body" on_commit=Callback::new(move |v: String| upd(i4.clone(), Box::new(move |x| x.body = v.clone())))/></div>
            <div class="schedule-agenda"><TextField label=label(state, "議題", "Agenda") value=agenda multiline=true testid="schedule-agenda" on_commit=Callback::new(move |v: String| upd(i5.clone(), Box::new(move |x| x.agenda = v.clone())))/></div>
            <div class="schedule-delete"><button type="button" class="danger" on:click=move |_| { let id = i7.clone(); state.edit(move |s| s.schedule.retain(|x| x.id != id)) }>{state.text("削除", "Delete")}</button></div>
        </li>
    }
}

/// The national framework's goals that the town's goals correspond to (the template fills them
/// in; a town aligned with another framework edits them here).
#[component]
fn NationalGoals() -> impl IntoView {
    let state = use_edits();
    let ids = bind::read(|s| s.national_framework.goals.iter().map(|g| g.id.clone()).collect::<Vec<Id>>());
    let kinds = Signal::derive(move || {
        vec![
            ("basic".to_owned(), state.tr("基本目標", "Basic goal").to_owned()),
            ("cross_cutting".to_owned(), state.tr("横断的な目標", "Cross-cutting goal").to_owned()),
        ]
    });
    view! {
        <div class="panel" data-testid="national-goals">
            <h2>{state.text("国の総合戦略の目標", "Goals of the national strategy")}</h2>
            {move || ids.get().into_iter().map(|id| {
                let get = move |id: Id| move |s: &crate::model::Strategy| s.national_framework.goals.iter().find(|g| g.id == id).cloned();
                let (g1, g2, g3) = (get(id.clone()), get(id.clone()), get(id.clone()));
                let kind = bind::read(move |s| g1(s).map(|g| if g.kind == crate::model::GoalKind::Basic { "basic" } else { "cross_cutting" }.to_owned()).unwrap_or_default());
                let number = bind::read(move |s| g2(s).map(|g| g.number).unwrap_or_default());
                let title = bind::read(move |s| g3(s).map(|g| g.title).unwrap_or_default());
                let upd = move |id: Id| move |f: Box<dyn Fn(&mut crate::model::NationalGoal) + Send + Sync>| {
                    let id = id.clone();
                    state.edit(move |s| if let Some(g) = s.national_framework.goals.iter_mut().find(|g| g.id == id) { f(g) });
                };
                let (u1, u2, u3) = (upd(id.clone()), upd(id.clone()), upd(id.clone()));
                let (mid, did) = (id.clone(), id.clone());
                view! {
                    <div class="section-edit" data-testid="national-goal">
                        <div class="form-grid">
                            <SelectField label=label(state, "種類", "Kind") options=kinds value=kind
                                on_commit=Callback::new(move |v: String| u1(Box::new(move |g| g.kind = if v == "basic" { crate::model::GoalKind::Basic } else { crate::model::GoalKind::CrossCutting })))/>
                            <TextField label=label(state, "番号", "Number") value=number
                                on_commit=Callback::new(move |v: String| u2(Box::new(move |g| g.number = v.clone())))/>
                            <TextField label=label(state, "目標", "Title") value=title testid="national-goal-title"
                                on_commit=Callback::new(move |v: String| u3(Box::new(move |g| g.title = v.clone())))/>
                        </div>
                        <EntityActions delete_label=label(state, "この目標を削除", "Delete this goal")
                            on_move=Callback::new(move |to| state.try_edit(|s| move_item(&mut s.national_framework.goals, |g| g.id == mid, to)))
                            on_delete=Callback::new(move |_| state.edit(|s| {
                                s.national_framework.goals.retain(|g| g.id != did);
                                for g in s.goals.iter_mut() {
                                    if g.national_goal.as_ref() == Some(&did) { std::sync::Arc::make_mut(g).national_goal = None; }
                                }
                            }))/>
                    </div>
                }
            }).collect_view()}
            <button type="button" data-testid="add-national-goal" on:click=move |_| state.edit(|s| {
                let number = (s.national_framework.goals.len() + 1).to_string();
                s.national_framework.goals.push(crate::model::NationalGoal { id: Id::new("ng"), kind: crate::model::GoalKind::Basic, number, title: String::new() });
            })>{state.text("＋ 国の目標を追加", "+ Add a national goal")}</button>
        </div>
    }
}
