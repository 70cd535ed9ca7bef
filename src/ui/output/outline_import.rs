//! A strategy's outline pasted from Word or a PDF: the text is read when the user is
//! done (on `change`, or when an IME composition ends — never mid-composition), into the
//! proposed tree of `format::outline` (each line's level, number and title); each line can go
//! one level up or down or be joined to the line above; then 「作成する」 creates the goals,
//! measures and initiatives in this strategy, or under one of its goals, as one undo step, and
//! says what it created.

use crate::format::outline::{into_strategy, parse_outline, Created, Level, Outline};
use crate::locale::tr;
use crate::model::{GoalKind, Id};
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn OutlineImport() -> impl IntoView {
    let edits = use_edits();
    let outline = RwSignal::new(None::<Outline>);
    let composing = RwSignal::new(false);
    let under = RwSignal::new(None::<Id>);
    let created = RwSignal::new(None::<Created>);
    let read = move |text: String| {
        let parsed = (!text.trim().is_empty()).then(|| parse_outline(&text));
        if parsed.as_ref() != outline.get_untracked().as_ref() {
            created.set(None);
            outline.set(parsed);
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        // A paste or a drop is a whole text at once; typing is read on `change`.
        let whole = js_sys::Reflect::get(&ev, &"inputType".into())
            .ok()
            .and_then(|t| t.as_string())
            .is_some_and(|t| t == "insertFromPaste" || t == "insertFromDrop");
        if whole && !composing.get_untracked() {
            read(event_target_value(&ev));
        }
    };
    let create = move |_| {
        let Some(o) = outline.get_untracked() else { return };
        let target = under.get_untracked();
        let mut made = Created::default();
        edits.try_edit(|s| {
            made = into_strategy(&o, s, target.as_ref());
            made.goals + made.measures + made.initiatives > 0
        });
        created.set(Some(made));
        outline.set(None);
    };
    let goals = move || {
        edits.open.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.goals
                        .iter()
                        .map(|g| {
                            let kind = match g.kind {
                                GoalKind::Basic => edits.tr("基本目標", "Goal"),
                                GoalKind::CrossCutting => edits.tr("横断的な目標", "Cross-cutting goal"),
                            };
                            (g.id.clone(), format!("{kind} {} {}", g.number, g.title))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        <TitledPanel testid="outline-import" class="csv-import" title=("目次・骨子を貼り付け（Word・PDF）", "Paste an outline (Word, PDF)")
            lead=("総合戦略の目次や骨子を Word や PDF からコピーして貼り付けると、番号の付け方から基本目標・施策・取組を読み取ります。階層を直してから作成します。", "Copy the strategy's outline from Word or a PDF and paste it here: goals, measures and initiatives are read from their numbering. Correct the levels, then create them.")>
            <div class="field">
                <label for="outline-text">{move || edits.tr("目次・骨子", "Outline")}</label>
                <textarea id="outline-text" data-testid="outline-text" rows="6" style="width: 100%; font: inherit;"
                    on:compositionstart=move |_| composing.set(true)
                    on:compositionend=move |ev| {
                        composing.set(false);
                        read(event_target_value(&ev));
                    }
                    on:input=on_input
                    on:change=move |ev| read(event_target_value(&ev))
                ></textarea>
            </div>
            {move || created.get().map(|c| view! {
                <p class="notice" role="status" data-testid="outline-created">{words::outline_created(&c, edits.lang())}" "
                    {edits.tr("編集画面の「元に戻す」でまとめて戻せます。", "Undo in the editor takes all of it back.")}</p>
            })}
            {move || {
                let lang = edits.lang();
                outline.with(|o| o.as_ref().map(|o| {
                    let items = o.lines.iter().filter(|l| !matches!(l.level, Level::Body | Level::Heading)).count();
                    let lines = o.lines.iter().enumerate().map(|(i, l)| {
                        let depth = l.level.depth().unwrap_or(0);
                        let indent = format!("padding-left: {}rem", 1.5 * f32::from(depth));
                        let level = l.level;
                        view! {
                            <li data-testid="outline-line" data-level=format!("{level:?}").to_lowercase() style=indent>
                                <span class="badge" data-testid="outline-level">{words::outline_level(level, lang)}</span>" "
                                <span class="code">{l.number.clone()}</span>" "
                                <span data-testid="outline-title">{l.text.clone()}</span>
                                {(!l.subtitle.is_empty()).then(|| view! { <span class="meta">" ～"{l.subtitle.clone()}"～"</span> })}
                                " "
                                <span class="notice-actions" style="display: inline-flex; gap: 0.3rem;">
                                    <button type="button" class="quiet" data-testid="outline-promote"
                                        disabled=matches!(level, Level::Goal | Level::Heading)
                                        on:click=move |_| outline.update(|o| if let Some(o) = o { o.promote(i); })>
                                        {tr(lang, "上の階層へ", "Up a level")}
                                    </button>
                                    <button type="button" class="quiet" data-testid="outline-demote"
                                        disabled=matches!(level, Level::Body | Level::Heading)
                                        on:click=move |_| outline.update(|o| if let Some(o) = o { o.demote(i); })>
                                        {tr(lang, "下の階層へ", "Down a level")}
                                    </button>
                                    <button type="button" class="quiet" data-testid="outline-join" disabled=i == 0
                                        on:click=move |_| outline.update(|o| if let Some(o) = o { o.join_to_previous(i); })>
                                        {tr(lang, "前の行につなげる", "Join to the line above")}
                                    </button>
                                </span>
                            </li>
                        }
                    }).collect_view();
                    let dropped = o.dropped.iter().enumerate().map(|(i, d)| view! {
                        <li data-testid="outline-dropped">{d.line}": "{d.text.clone()}" （"{words::outline_dropped(d.reason, lang)}"）"
                            // A table of contents' section heading that is a measure after all.
                            {d.item.is_some().then(|| view! {
                                " "<button type="button" class="quiet" data-testid="outline-take-back"
                                    on:click=move |_| outline.update(|o| if let Some(o) = o { o.take_back(i); })>
                                    {tr(lang, "施策として戻す", "Take back as a measure")}
                                </button>
                            })}
                        </li>
                    }).collect_view();
                    let dropped_count = o.dropped.len();
                    view! {
                        <section class="csv-preview" data-testid="outline-preview" aria-labelledby="outline-preview-title">
                            <h3 id="outline-preview-title">{tr(lang, "読み取った骨子", "The outline as read")}" "
                                <span class="meta">{words::outline_items(items, lang)}</span>
                            </h3>
                            <ul class="plain" data-testid="outline-tree" style="list-style: none; padding-left: 0;">{lines}</ul>
                            {(dropped_count > 0).then(|| view! {
                                <details>
                                    <summary>{words::outline_left_out(dropped_count, lang)}</summary>
                                    <ul>{dropped}</ul>
                                </details>
                            })}
                            <p>
                                <label for="outline-under">{tr(lang, "作成する場所", "Create")}</label>" "
                                <select id="outline-under" data-testid="outline-under" style="font: inherit; max-width: 100%;"
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        under.set(v.strip_prefix("goal:").map(Id::from));
                                    }>
                                    <option value="" prop:selected=move || under.with(Option::is_none)>{tr(lang, "この戦略の基本目標として", "As goals of this strategy")}</option>
                                    {goals().into_iter().map(|(id, name)| {
                                        let mine = id.clone();
                                        view! {
                                            <option value=format!("goal:{id}") prop:selected=move || under.with(|u| u.as_ref() == Some(&mine))>
                                                {words::outline_as_measures_of(&name, lang)}
                                            </option>
                                        }
                                    }).collect_view()}
                                </select>
                            </p>
                            <div class="actions">
                                <button type="button" class="primary" data-testid="outline-create" disabled=items == 0 on:click=create>
                                    {tr(lang, "作成する", "Create")}
                                </button>
                                <button type="button" data-testid="outline-cancel" on:click=move |_| outline.set(None)>{tr(lang, "やめる", "Cancel")}</button>
                            </div>
                        </section>
                    }
                }))
            }}
        </TitledPanel>
    }
}
