//! 策定 (`#/s/<id>/drafting`): where the strategy stands in its drafting (策定方針 → 骨子案 → 素案 →
//! 案 → 策定済, seed 004) and its schedule by stage — each body's meeting or step, its agenda. The
//! stage and the schedule are edited in the editor's strategy settings, linked from here to the
//! schedule itself, as is 次期へ引き継ぐ (its form opened); the
//! strategy leaves as the document itself (「戦略の文書を作る（Word）」, `format::document`). Below
//! them, 意見聴取 (`hearings`): the hearings of each draft and the opinions heard, answered, each
//! with the version it heard (`heard`), which the document made for it can become.

mod confirm;
mod heard;
mod hearings;
mod opinion_book;
mod opinions;
mod paste;
mod reflection;

use super::speech::Speaks;
use super::state::{use_edits, Edits};
use crate::locale;
use crate::model::{DraftingStage, Id, ScheduleItem};
use crate::session::route::{Report, Route, Selection, SettingsPart};
use crate::ui::kit::fields::CheckField;
use crate::ui::kit::job_page::{JobHead, JobPage};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn DraftingPage() -> impl IntoView {
    view! {
        <JobPage class="drafting-page" testid="drafting-page" let:id>
            <Drafting id=id/>
        </JobPage>
    }
}

#[component]
fn Drafting(id: Id) -> impl IntoView {
    let state = use_edits();
    let edit = Route::Edit(id.clone(), Selection::Settings(SettingsPart::Schedule)).hash();
    view! {
        <JobHead title=("策定", "Drafting") lead=(
            "策定方針から策定済まで、各段階の案と、策定会議・懇談会・議会・パブリックコメントの予定です。",
            "The drafts from the drafting policy to adoption, and when each body hears them.",
        )>
            <a class="button" data-testid="drafting-edit" href=edit>{state.text("段階と予定を編集する", "Edit the stage and schedule")}</a>
        </JobHead>
        <Stages state=state/>
        <CarriedTexts state=state/>
        <DocumentExport state=state/>
        <Schedule state=state/>
        <NextPeriod state=state id=id/>
        <hearings::Hearings state=state/>
    }
}

/// After 次期へ引き継ぐ: the texts carried from the previous period that still name it, each a
/// link to its place, until rewritten (shown only while there are some).
#[component]
fn CarriedTexts(state: Edits) -> impl IntoView {
    let any = Memo::new(move |_| {
        state.open.with(|o| {
            o.as_ref().is_some_and(|s| {
                s.draft_gaps()
                    .iter()
                    .any(|g| matches!(g.kind, crate::model::draft_gaps::GapKind::NamesPreviousPeriod { .. }))
            })
        })
    });
    move || {
        any.get().then(|| view! {
            <section class="panel" data-testid="carried-texts">
                <h2>{state.text("前期から引き継いだ記述の見直し", "Texts carried from the previous period")}</h2>
                <p>{state.text(
                    "次の記述は前期の名称・期・年度を含んだまま引き継がれています。選ぶとその項目の編集に移ります。",
                    "These texts were carried with the previous period's title, number or years. Choose one to edit it.")}</p>
                <crate::ui::kit::draft_gaps::DraftGaps shown=crate::ui::kit::draft_gaps::GapsShown::CarriedTexts testid="carried-text-list"/>
            </section>
        })
    }
}

/// The five stages in order, the strategy's own marked, those before it done; and the move to
/// the next one, asked first, which keeps the draft in the history under its name.
#[component]
fn Stages(state: Edits) -> impl IntoView {
    let current = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.stage)));
    move || {
        let current = current.get()?;
        let at = DraftingStage::ALL.iter().position(|s| *s == current).unwrap_or(0);
        let next = DraftingStage::ALL.get(at + 1).copied();
        Some(view! {
            <section class="panel">
                <h2>{state.text("策定の段階", "Drafting stages")}</h2>
                {next.map(|to| {
                    let lang = state.lang();
                    let (now, then) = (locale::stage(current, lang), locale::stage(to, lang));
                    let (label, question, yes) = match lang {
                        locale::Language::Ja => (
                            format!("「{then}」へ進める…"),
                            format!("履歴に残すもの：今の「{now}」を、意見を聴いた後の修正も含めたいまの形のまま「{now}（年月）」の名前で。意見聴取で聴いた版も、別に「策定会議（日付）で示した{now}」の名前で残っています。どちらも古くなっても消えません。そのうえで段階を「{then}」にします。新旧対照表では聴いた版が先頭に並び、今の版と比べると聴いた後の修正が表れます。聴いた意見は「{now}」の意見のままです。"),
                            format!("「{then}」へ進める"),
                        ),
                        locale::Language::En => (
                            format!("Move on to “{then}”…"),
                            format!("Kept in the history: the “{now}” as it stands now, revisions made after the hearings included, under its name; and, apart, the version each hearing heard, under the hearing's name. Neither is ever thinned. Then the stage becomes “{then}”. The versions heard come first in the comparison table; compared with the current one, they show the revisions made since. Opinions heard stay with “{now}”."),
                            format!("Move on to “{then}”"),
                        ),
                    };
                    view! {
                        <p class="stage-move">
                            <confirm::AskFirst state=state label=label question=question yes=yes class="button"
                                on_yes=Callback::new(move |()| state.move_stage(to)) testid="drafting-next-stage"/>
                        </p>
                    }
                })}
                <ol class="stages" data-testid="drafting-stages">
                    {DraftingStage::ALL.iter().enumerate().map(|(i, s)| {
                        let class = if i < at { "stage done" } else if i == at { "stage current" } else { "stage" };
                        view! {
                            <li class=class aria-current=(i == at).then_some("step") data-testid="drafting-stage">
                                {locale::stage(*s, state.lang())}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })
    }
}

/// 「戦略の文書を作る（Word）」: the strategy as the document itself (`format::document`), downloaded
/// as `<町>_<title>_<stage>.docx`. The writer is a part of its own (`ui::formats::document_writer`), fetched
/// on the first press; while it is fetched and the document written the button says so, and a
/// failure is said with nothing changed.
#[component]
fn DocumentExport(state: Edits) -> impl IntoView {
    let exporting = crate::ui::formats::exporters::Exporting::new();
    let (writing, failed) = (exporting.busy, exporting.failed);
    let contents = RwSignal::new(false);
    let made = RwSignal::new(false);
    let make = move |_| {
        made.set(true);
        let style = state.year_style();
        let listed = match contents.get_untracked() {
            true => crate::format::document::Contents::Listed,
            false => crate::format::document::Contents::Left,
        };
        exporting.start(state, move |s| {
            let name =
                crate::ui::browser::files::file_name(&s.municipality.name, s.title.trim(), s.stage.japanese(), "docx");
            (
                crate::ui::formats::exporters::Export::Document(
                    crate::ui::formats::document_writer::Document::Strategy(style, listed),
                ),
                name,
            )
        })
    };
    view! {
        <section class="panel" data-testid="drafting-document">
            <h2>{state.text("戦略の文書", "The strategy document")}</h2>
            <p>{state.text(
                "今の段階の戦略を、Word の文書（.docx）にします。表題に段階（素案・案など）が付き、第1 基本的な考え方、施策体系図、第2 基本目標ごとの施策（数値目標・KPI の表、主な取組）の順です。見出しは Word の見出しスタイルなので、ナビゲーションウィンドウや目次がそのまま使えます。",
                "Makes the strategy at its current stage into a Word document (.docx): the title with the stage, part 1 (the basic thinking), the measures' tree, and part 2 (each goal's measures with their targets, KPIs and main initiatives). Headings are Word heading styles, so the navigation pane and a table of contents work.",
            )}</p>
            <p>{state.text(
                "表題の下に作成した年月と市町村名（「令和8年12月　北本市」）が入り、各ページの下にページ番号が付きます。",
                "Under the title, the month it is made and the town; a page number at the foot of every page.",
            )}</p>
            <CheckField label=Signal::derive(move || state.tr("目次を付ける（Word で開くと目次が更新されます）", "Add a table of contents (Word fills it in on opening)").to_string())
                checked=Signal::derive(move || contents.get()) on_commit=Callback::new(move |on| contents.set(on)) testid="drafting-document-contents"/>
            <button type="button" data-testid="drafting-document-docx" on:click=make disabled=move || writing.get()>
                {move || if writing.get() {
                    state.tr("文書を作っています…", "Making the document…")
                } else {
                    state.tr("戦略の文書を作る（Word）", "Make the strategy document (Word)")
                }}
            </button>
            " "
            <a class="button" data-testid="drafting-document-print" href=move || state.open.with(|o| o.as_ref().map(|s| Route::Print(s.id.clone(), Report::Document).hash()))>
                {state.text("印刷用（A4）", "Printable (A4)")}
            </a>
            {move || failed.get().map(|detail| view! {
                <p class="notice error" role="alert" data-testid="drafting-document-error">
                    {state.tr("文書を作れませんでした。戦略は変わっていません。", "The document could not be made. The strategy is unchanged.")}
                    " "<span class="meta">{detail}</span>
                </p>
            })}
            {move || (made.get() && !writing.get() && failed.with(Option::is_none)).then(|| view! { <heard::DocumentForHearing state=state/> })}
        </section>
    }
}

/// The schedule, grouped by the stage each item works on (items with no stage last).
#[component]
fn Schedule(state: Edits) -> impl IntoView {
    let items = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.schedule.clone()).unwrap_or_default()));
    move || {
        let items = items.get();
        let lang = state.lang();
        let style = state.year_style();
        let body = if items.is_empty() {
            Either::Left(view! {
                <p data-testid="drafting-no-schedule">{state.text(
                    "まだ予定はありません。「予定を編集する」で加えます。",
                    "No schedule yet. Add it with “Edit the schedule”.")}</p>
            })
        } else {
            let groups = by_stage(&items);
            Either::Right(
                groups
                    .into_iter()
                    .map(|(stage, list)| {
                        let heading = match stage {
                            Some(s) => locale::stage(s, lang).to_owned(),
                            None => locale::tr(lang, "段階の定めのないもの", "Not tied to a stage").to_owned(),
                        };
                        view! {
                            <h3>{heading}</h3>
                            <table class="schedule-table" data-testid="drafting-schedule">
                                <thead><tr>
                                    <th scope="col">{locale::tr(lang, "時期", "When")}</th>
                                    <th scope="col">{locale::tr(lang, "会議・手続", "Body or step")}</th>
                                    <th scope="col">{locale::tr(lang, "議題", "Agenda")}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|x| view! {
                                        <tr data-testid="drafting-schedule-item">
                                            <td>{locale::schedule_when(&x.when, lang, style)}</td>
                                            <td>{x.body.clone()}</td>
                                            <td class="agenda">{x.agenda.clone()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                    })
                    .collect_view(),
            )
        };
        let edit = state.open.with_untracked(|o| {
            o.as_ref().map(|s| Route::Edit(s.id.clone(), Selection::Settings(SettingsPart::Schedule)).hash())
        });
        view! {
            <section class="panel" data-testid="drafting-schedule-panel">
                <h2>{state.text("策定スケジュール", "Drafting schedule")}</h2>
                {body}
                <p class="actions"><a class="button" data-testid="drafting-schedule-edit" href=edit>{state.text("予定を編集する", "Edit the schedule")}</a></p>
            </section>
        }
    }
}

/// 次期へ引き継ぐ: the next period's strategy made from this one, on the editor's form (opened at
/// once by the link).
#[component]
fn NextPeriod(state: Edits, id: crate::model::Id) -> impl IntoView {
    view! {
        <section class="panel" data-testid="drafting-next-period">
            <h2>{state.text("次期へ引き継ぐ", "Into the next period")}</h2>
            <p>{state.text(
                "この戦略の目標・施策・事業と選んだ指標から、次期の総合戦略を作ります（この戦略はそのまま残ります）。",
                "Makes the next period's strategy from this one's goals, measures, initiatives and the indicators you choose (this one stays as it is).")}</p>
            <a class="button" data-testid="drafting-next-period-start" href=Route::Edit(id, Selection::Settings(SettingsPart::NextPeriod)).hash()>
                {state.text("次期へ引き継ぐ…", "Into the next period…")}
            </a>
        </section>
    }
}

/// The schedule's items by the stage they work on, in the stages' order, as they are listed
/// within each; those with no stage last.
fn by_stage(items: &[ScheduleItem]) -> Vec<(Option<DraftingStage>, Vec<ScheduleItem>)> {
    let stages = DraftingStage::ALL.into_iter().map(Some).chain([None]);
    stages
        .filter_map(|stage| {
            let list: Vec<_> = items.iter().filter(|x| x.stage == stage).cloned().collect();
            (!list.is_empty()).then_some((stage, list))
        })
        .collect()
}
