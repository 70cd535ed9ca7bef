//! The outline beside the editor: the strategy's settings, its goals with their measures and
//! initiatives, and its indicators; a search box and a filter (重点施策, an SDG, a rating,
//! indicators behind their path) narrow it to what matches.

use crate::charts::dashboard::status_colour;
use crate::locale::Language;
use crate::model::{GoalKind, Indicator, Measure, Sdg, Status, Strategy};
use crate::session::indicator_lines::IndicatorLines;
use crate::session::route::Selection;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// One line of the outline.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Line {
    selection: Selection,
    depth: u8,
    label: String,
    relisted: bool,
}

/// What the filter keeps.
#[derive(Clone, Debug, PartialEq)]
enum Filter {
    All,
    Priority,
    Sdg(Sdg),
    Rating(String),
    Behind,
}

impl Filter {
    fn parse(v: &str) -> Filter {
        match v.split_once(':') {
            Some(("sdg", n)) => n.parse().map(|n| Filter::Sdg(Sdg(n))).unwrap_or(Filter::All),
            Some(("rating", l)) => Filter::Rating(l.to_owned()),
            _ if v == "priority" => Filter::Priority,
            _ if v == "behind" => Filter::Behind,
            _ => Filter::All,
        }
    }
}

fn is_behind(s: &Strategy, ind: &Indicator) -> bool {
    s.progress(ind).status == Status::Behind
}

fn measure_kept(s: &Strategy, m: &Measure, filter: &Filter) -> bool {
    match filter {
        Filter::All => true,
        Filter::Priority => m.priority,
        Filter::Sdg(n) => m.sdgs.contains(n),
        Filter::Rating(label) => {
            m.evaluations.iter().map(|e| e.fiscal_year).max().and_then(|y| m.rating(y)) == Some(label.as_str())
        }
        Filter::Behind => m.kpis.iter().filter_map(|k| s.indicator(k)).any(|i| is_behind(s, i)),
    }
}

fn lines(s: &Strategy, lang: Language, query: &str, filter: &Filter) -> Vec<Line> {
    let q = query.trim().to_lowercase();
    let matches = |text: &str| q.is_empty() || text.to_lowercase().contains(&q);
    let mut out = Vec::new();
    for g in &s.goals {
        let kind = match (lang, g.kind) {
            (Language::Ja, k) => k.japanese(),
            (Language::En, GoalKind::Basic) => "Goal",
            (Language::En, GoalKind::CrossCutting) => "Cross-cutting",
        };
        let label = format!("{kind} {} {}", g.number, g.title);
        let goal_line = Line { selection: Selection::Goal(g.id.clone()), depth: 0, label, relisted: false };
        let mut children = Vec::new();
        for m in &g.measures {
            let mut grand = Vec::new();
            for i in &m.initiatives {
                let label = format!("{} {}", i.number, i.title);
                if matches(&label) {
                    grand.push(Line {
                        selection: Selection::Initiative(i.id.clone()),
                        depth: 2,
                        label,
                        relisted: false,
                    });
                }
            }
            for r in &m.relisted {
                if let Some(i) = s.initiative(&r.initiative) {
                    let label = format!("{} {}", crate::locale::tr(lang, "【再掲】", "[re-listed]"), i.title);
                    if matches(&label) {
                        grand.push(Line {
                            selection: Selection::Initiative(i.id.clone()),
                            depth: 2,
                            label,
                            relisted: true,
                        });
                    }
                }
            }
            let label = format!("{} {}", m.number, m.title);
            if !measure_kept(s, m, filter) {
                continue;
            }
            if matches(&label) || !grand.is_empty() || (filter != &Filter::All && q.is_empty()) {
                children.push(Line { selection: Selection::Measure(m.id.clone()), depth: 1, label, relisted: false });
                children.extend(grand);
            }
        }
        let goal_kept = match filter {
            Filter::All => true,
            Filter::Sdg(n) => g.sdgs.contains(n),
            Filter::Behind => g.targets.iter().filter_map(|t| s.indicator(t)).any(|i| is_behind(s, i)),
            Filter::Priority | Filter::Rating(_) => false,
        };
        if (goal_kept && matches(&goal_line.label)) || !children.is_empty() {
            out.push(goal_line);
            out.extend(children);
        }
    }
    out
}

/// Whether the outline shows its items or only its button (on a narrow screen).
#[derive(Clone, Copy, PartialEq)]
enum Fold {
    Open,
    Folded,
}

#[component]
pub fn Outline(selection: Memo<Selection>, go: Callback<Selection>) -> impl IntoView {
    let state = use_edits();
    let query = RwSignal::new(String::new());
    let filter = RwSignal::new(Filter::All);
    // On a narrow screen (the stylesheet) the outline sits above the form and folds to its
    // button, so that the form is a tap away.
    let folded = RwSignal::new(Fold::Open);
    // An edit of an indicator's values does not make the goal, measure and initiative lines again.
    let goals = crate::ui::kit::bind::goals();
    let tree = Memo::new(move |_| {
        let q = query.get();
        let lang = state.lang();
        let f = filter.get();
        goals.with(|_| ());
        let make = |o: &Option<Strategy>| o.as_ref().map(|s| lines(s, lang, &q, &f)).unwrap_or_default();
        // Which measures have a KPI behind its path changes with any indicator's values.
        if f == Filter::Behind {
            state.open.with(make)
        } else {
            state.open.with_untracked(make)
        }
    });
    let kept = StoredValue::new(IndicatorLines::default());
    let indicators = Memo::new(move |_| {
        let q = query.get().trim().to_lowercase();
        let behind_only = filter.get() == Filter::Behind;
        let all = state.open.with(|o| o.as_ref().map(|s| kept.write_value().update(s))).unwrap_or_default();
        all.into_iter()
            .filter(|l| {
                (!behind_only || l.status == Status::Behind) && (q.is_empty() || l.label.to_lowercase().contains(&q))
            })
            .collect::<Vec<_>>()
    });
    let item = move |sel: Selection,
                     label: String,
                     class: &'static str,
                     testid: &'static str,
                     status: Option<Status>| {
        let current = {
            let sel = sel.clone();
            move || {
                selection
                    .try_with(|now| *now == sel || (sel == Selection::Strategy && now.is_settings()))
                    .unwrap_or(false)
            }
        };
        let target = sel.clone();
        view! {
            <li class=class>
                <button type="button" class="outline-item" data-testid=testid
                    aria-current=move || current().then_some("true")
                    on:click=move |_| go.run(target.clone())>
                    {status.map(|st| view! {
                        <span class="status-dot" style=format!("background:{}", status_colour(st)) data-status=st.as_str()
                            title=move || crate::locale::status(st, state.lang())></span>
                    })}
                    {if label.trim().is_empty() { state.tr("（無題）", "(untitled)").to_owned() } else { label }}
                </button>
            </li>
        }
    };
    let add_goal = move |kind: GoalKind| {
        let mut new_id = None;
        state.edit(|s| new_id = Some(s.add_goal(kind)));
        if let Some(id) = new_id {
            go.run(Selection::Goal(id));
        }
    };
    view! {
        <nav class="outline" class:folded=move || folded.get() == Fold::Folded aria-label=move || state.tr("目次", "Outline") data-testid="outline">
            <button type="button" class="outline-toggle" data-testid="outline-toggle"
                aria-expanded=move || if folded.get() == Fold::Open { "true" } else { "false" }
                on:click=move |_| folded.update(|f| *f = if *f == Fold::Open { Fold::Folded } else { Fold::Open })>
                {state.text("目次", "Outline")}
            </button>
            <label class="visually-hidden" for="outline-search">{state.text("検索", "Search")}</label>
            <input id="outline-search" type="search" data-testid="outline-search"
                placeholder=state.text("検索（名前・番号）", "Search (name, number)")
                on:input=move |ev| query.set(event_target_value(&ev)) />
            <label class="visually-hidden" for="outline-filter">{state.text("絞り込み", "Filter")}</label>
            <select id="outline-filter" data-testid="outline-filter" on:change=move |ev| filter.set(Filter::parse(&event_target_value(&ev)))>
                <option value="">{state.text("すべて表示", "Show all")}</option>
                <option value="priority">{state.text("重点施策", "Priority measures")}</option>
                <option value="behind">{state.text("遅れている指標", "Indicators behind")}</option>
                {move || state.open.with(|o| o.as_ref().map(|s| s.rating_rule.labels().into_iter().map(str::to_owned).collect::<Vec<_>>())).unwrap_or_default().into_iter().map(|l| {
                    let text = format!("{} {l}", state.tr("評価", "Rating"));
                    view! { <option value=format!("rating:{l}")>{text}</option> }
                }).collect_view()}
                {Sdg::all().map(|n| view! { <option value=format!("sdg:{}", n.0)>{move || format!("SDGs {} {}", n.0, if state.lang() == crate::locale::Language::Ja { n.japanese() } else { n.english() })}</option> }).collect_view()}
            </select>
            <ul class="outline-list">
                {move || item(Selection::Strategy, state.tr("戦略の設定・基本的な考え方", "Strategy settings").to_owned(), "depth-0", "outline-strategy", None)}
                // Keyed rows: an edit redraws only the rows whose text or status changed, not the
                // whole outline (a large strategy has over a thousand).
                <For each=move || tree.get() key=|l| l.clone() children=move |l| {
                    let class = match (l.depth, l.relisted) { (0, _) => "depth-0", (1, _) => "depth-1", (_, true) => "depth-2 relisted", _ => "depth-2" };
                    let testid = match l.selection { Selection::Goal(_) => "outline-goal", Selection::Measure(_) => "outline-measure", _ => "outline-initiative" };
                    item(l.selection, l.label, class, testid, None)
                }/>
            </ul>
            <div class="outline-add">
                <button type="button" data-testid="add-goal" on:click=move |_| add_goal(GoalKind::Basic)>{state.text("＋ 基本目標", "+ Basic goal")}</button>
                <button type="button" data-testid="add-cross-goal" on:click=move |_| add_goal(GoalKind::CrossCutting)>{state.text("＋ 横断的な目標", "+ Cross-cutting goal")}</button>
            </div>
            <h2 class="outline-heading">{state.text("数値目標・KPI", "Indicators")}</h2>
            <ul class="outline-list">
                <For each=move || indicators.get() key=|line| line.serial
                    children=move |line| item(Selection::Indicator(line.id.clone()), line.label.clone(), "depth-0", "outline-indicator", Some(line.status))/>
            </ul>
            <div class="outline-add">
                <button type="button" data-testid="add-indicator" on:click=move |_| {
                    let mut new_id = None;
                    state.edit(|s| new_id = Some(s.add_indicator()));
                    if let Some(id) = new_id { go.run(Selection::Indicator(id)); }
                }>{state.text("＋ 指標", "+ Indicator")}</button>
            </div>
        </nav>
    }
}
