//! The regional bureau's pages: the regions on the strategy list (`list`, with the
//! region backups), and a region's page `#/r/<id>` — bringing towns' files in (`bring_in`, files
//! and folders dropped: `dropped`), a town's newer file (`replace`), the towns side by side for a
//! fiscal year (`side_by_side`), the theme search (`themes`), one indicator across towns
//! (`indicators`), SDG and national-goal coverage (`coverage`), 広域連携 (`partnerships`),
//! 補助事業 (`grants`), the towns' population visions and the 管内 total (`visions`), and renaming, taking a town out, deleting, exporting (`manage`). The
//! numbers and the search are `model::region`'s; the flows are `session::region`'s, run through
//! `state`.

mod bring_in;
mod coverage;
mod dropped;
mod grants;
mod indicators;
mod list;
mod loaded;
mod manage;
mod partnerships;
mod replace;
mod side_by_side;
mod themes;
mod visions;

pub use super::state::{use_library, use_navigation, use_notice_board, use_regions, BringInResult};
use crate::session::route::Route;
use crate::storage::StorageError;
use crate::ui::speech::Speaks;
use bring_in::BringIn;
pub use bring_in::{BringInProgress, BringInResults};
use leptos::prelude::*;
pub use list::RegionList;
use loaded::Loaded;
use manage::RegionManage;
pub use replace::NewerVersions;
use side_by_side::SideBySideTable;
use std::sync::Arc;
use themes::ThemeSearch;

/// What the page has read.
#[derive(Clone, Debug, PartialEq)]
enum Load {
    Reading,
    NotFound,
    Ready(Arc<Loaded>),
}

#[component]
pub fn RegionPage() -> impl IntoView {
    let state = use_regions();
    let board = use_notice_board();
    let library = use_library();
    let nav = use_navigation();
    // This page's own stylesheet (style/region-views.css) and the one it prints with
    // (style/print.css), neither part of the first visit.
    Effect::new(|_| {
        crate::ui::browser::stylesheet::enable("region-views");
        crate::ui::browser::stylesheet::enable("print");
    });
    let id = Memo::new(move |_| match nav.route.get() {
        Route::Region(id) => Some(id),
        _ => None,
    });
    let load = RwSignal::new(Load::Reading);
    // Kept by the page, not its parts: a bring-in's result and progress outlive the reading
    // again that follows the write.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let result = RwSignal::new(None::<BringInResult>);
    // While the page reads the region again (after a write, such as a bring-in of 179 towns),
    // the towns read so far and how many the region has (`None` before the region
    // itself is read): the header counts them as they come instead of the last reading's.
    let reading = RwSignal::new(None::<(usize, Option<usize>)>);

    // Storage is outside the reactive system: read the region again whenever the route, the
    // stored regions or the strategies' list change (each is set only when a reading finds it
    // changed: a town saved in another tab, a bring-in).
    Effect::new(move |_| {
        let Some(id) = id.get() else { return };
        state.regions.track();
        library.summaries.track();
        reading.set(Some((0, None)));
        leptos::task::spawn_local(async move {
            let reads = state.region_reads();
            // Timed (a performance measure, and its time on the page's thread) for the benchmark:
            // opening a region of many towns is mostly this reading and then drawing the page.
            let read = crate::ui::browser::files::timed_async("shirube:region-read", async {
                match reads.region(&id).await {
                    Ok(region) => match reads
                        .towns(&region, |done, total| {
                            reading.try_set(Some((done, Some(total))));
                        })
                        .await
                    {
                        Ok(t) => {
                            let towns = t.strategies.into_iter().map(|(s, _)| s).collect();
                            Load::Ready(Arc::new(Loaded { region, towns, missing: t.missing }))
                        }
                        Err(notice) => {
                            board.notice.set(Some(notice));
                            Load::NotFound
                        }
                    },
                    Err(StorageError::NotFound { .. }) => Load::NotFound,
                    Err(e) => {
                        board.notice.set(Some(crate::session::Notice::Storage(e)));
                        Load::NotFound
                    }
                }
            })
            .await;
            if load.try_with_untracked(|l| *l != read).unwrap_or(false) {
                load.try_set(read);
            }
            reading.try_set(None);
        });
    });

    let data = Memo::new(move |_| match load.get() {
        Load::Ready(d) => Some(d),
        _ => None,
    });

    view! {
        <article class="region-page" data-testid="region-page">
            <nav class="crumbs"><a href="#/">{state.text("← 戦略一覧", "← Strategies")}</a></nav>
            {move || match load.get() {
                Load::Reading => Some(view! {
                    <p class="page-loading">{state.tr("読み込み中…", "Loading…")}</p>
                }.into_any()),
                Load::NotFound => Some(view! {
                    <section class="panel" data-testid="region-not-found">
                        <h1>{state.tr("地域が見つかりません", "Region not found")}</h1>
                        <a href="#/">{state.tr("戦略一覧へ", "To the strategy list")}</a>
                    </section>
                }.into_any()),
                Load::Ready(_) => None,
            }}
            <Show when=move || data.with(Option::is_some)>
                <header class="panel strategy-head">
                    <p class="municipality">{state.text("地域（管内）", "Region")}</p>
                    <h1 data-testid="region-name">{move || data.with(|d| d.as_ref().map(|d| d.region.name.clone()))}</h1>
                    <p class="meta" data-testid="region-towns" aria-live="polite">{move || crate::words::region::towns_line(reading.get(), data.with(|d| d.as_ref().map(|d| d.towns.len())), state.lang())}</p>
                    {move || data.with(|d| d.as_ref().filter(|d| !d.missing.is_empty()).map(|d| view! {
                        <p class="meta warn">{crate::words::region::towns_missing(d.missing.len(), state.lang())}</p>
                    }))}
                </header>
                <BringIn id=id progress=progress result=result/>
                <NewerVersions result=result/>
                <SideBySideTable data=data/>
                <ThemeSearch data=data/>
                <indicators::MatchedIndicators data=data/>
                <coverage::Coverage data=data/>
                <partnerships::Partnerships data=data/>
                <grants::Grants data=data/>
                <visions::RegionVisions data=data/>
                <RegionManage data=data/>
            </Show>
        </article>
    }
}
