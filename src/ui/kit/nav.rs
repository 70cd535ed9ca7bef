//! The open strategy's navigation, on every page of it: its name, and its pages by job (概要, 編集,
//! グラフ, 人口ビジョン, 策定, 照会, 共有, 履歴, 出力, ワークショップ), the current one marked. On a narrow
//! screen the list folds behind one menu button.

use crate::session::route::Job;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_navigation, use_open};
use leptos::prelude::*;

/// The words of a job's item.
fn label(job: Job) -> (&'static str, &'static str) {
    match job {
        Job::Overview => ("概要", "Overview"),
        Job::Edit => ("編集", "Edit"),
        Job::Charts => ("グラフ", "Charts"),
        Job::Vision => ("人口ビジョン", "Population vision"),
        Job::Drafting => ("策定", "Drafting"),
        Job::Round => ("照会", "Round"),
        Job::Folder => ("共有", "Folder"),
        Job::History => ("履歴", "History"),
        Job::Output => ("出力", "Output"),
        Job::Workshop => ("ワークショップ", "Workshop"),
    }
}

/// The navigation of the strategy shown. Escape closes the folded menu and gives the focus back
/// to its button.
#[component]
pub fn StrategyNav() -> impl IntoView {
    let nav = use_navigation();
    let open = use_open();
    let id = Memo::new(move |_| nav.route.with(|r| r.strategy_id().cloned()));
    let current = Memo::new(move |_| nav.route.with(Job::of));
    let name = Memo::new(move |_| {
        open.with(|o| o.as_ref().map(|s| format!("{} {}", s.municipality.name, s.title)).unwrap_or_default())
    });
    // The page the menu was unfolded on: it is unfolded only there, so a page chosen folds it.
    let unfolded_on = RwSignal::new(None::<Option<Job>>);
    let unfolded = move || unfolded_on.get() == Some(current.get());
    let unfolded_here = move || unfolded_on.get_untracked() == Some(current.get_untracked());
    let toggle = NodeRef::<leptos::html::Button>::new();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && unfolded_here() {
            unfolded_on.set(None);
            if let Some(b) = toggle.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let items = move || {
        let id = id.get()?;
        Some(
            Job::ALL
                .into_iter()
                .map(|job| {
                    let (ja, en) = label(job);
                    let here = move || current.get() == Some(job);
                    view! {
                        <li>
                            <a
                                href=job.route(id.clone()).hash()
                                data-testid=format!("nav-{}", job.key())
                                aria-current=move || here().then_some("page")
                            >
                                {nav.text(ja, en)}
                            </a>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <nav class="strategy-nav" aria-label=nav.text("この戦略のページ", "This strategy's pages") data-testid="strategy-nav" on:keydown=on_key>
            <p class="strategy-nav-name" data-testid="strategy-nav-name">{name}</p>
            <button
                type="button"
                class="strategy-nav-toggle"
                node_ref=toggle
                aria-expanded=move || if unfolded() { "true" } else { "false" }
                aria-controls="strategy-nav-pages"
                data-testid="strategy-nav-toggle"
                on:click=move |_| unfolded_on.set((!unfolded_here()).then(|| current.get_untracked()))
            >
                {nav.text("メニュー", "Menu")}
            </button>
            <ul id="strategy-nav-pages" class="strategy-nav-pages" class:unfolded=unfolded>{items}</ul>
        </nav>
    }
}
