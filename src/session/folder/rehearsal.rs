//! A reading rehearsed in memory: two members' files of a strategy of a few items written,
//! taken and merged both ways, touching nothing of the user's. Run once while the page is idle
//! after a folder is connected, so that the browser compiles the reading's code before the
//! first reading that matters (V8 compiles WebAssembly function by function, on its first
//! call; docs/perf.md). The
//! caller gives the stores, the folder and the clock, of the types its real readings use, so
//! that the very functions they run are compiled (and no second copy of them is built).

use super::{take_whole, FolderSync, Me, SyncError};
use crate::model::{
    Actual, Evaluation, FiscalYear, Goal, GoalKind, Indicator, Initiative, Measure, PlanPeriod, Series, Strategy,
};
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Backend, Folder, Store};
use std::sync::Arc;

const AT: [&str; 4] = ["2026-01-01T09:00:00Z", "2026-01-01T09:01:00Z", "2026-01-01T09:02:00Z", "2026-01-01T09:03:00Z"];

/// One member's browser in the rehearsal.
struct MemberBrowser<B: Backend> {
    store: Store<B>,
    sync: FolderSync,
}

impl<B: Backend> MemberBrowser<B> {
    fn new(member: &str, strategy: &Strategy, store: Store<B>) -> MemberBrowser<B> {
        let me = Me { id: member.into(), name: member.into(), role: None };
        MemberBrowser { store, sync: FolderSync::new(me, strategy.id.clone()) }
    }

    async fn edit(&self, at: &str, f: impl FnOnce(&mut Strategy)) -> Result<(), SyncError> {
        let mut s = self.store.load(&self.sync.strategy).await.map_err(SyncError::Storage)?;
        f(&mut s);
        self.store.save(&s, at).await.map_err(SyncError::Storage)?;
        Ok(())
    }
}

/// A strategy of one goal, one measure with a project, and one indicator.
fn small() -> Strategy {
    let mut s = Strategy::blank("練習", "練習町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    let mut indicator = Indicator::new("1", "転入者数", "人");
    indicator.series.push(Series { actuals: vec![Actual::new(FiscalYear(2025), 100.0)], ..Series::new("") });
    let mut measure = Measure::new("1", "施策");
    measure.kpis.push(indicator.id.clone());
    measure.initiatives.push(Arc::new(Initiative::new("1", "事業")));
    let mut goal = Goal::new(GoalKind::Basic, "1", "基本目標");
    goal.measures.push(Arc::new(measure));
    s.goals.push(Arc::new(goal));
    s.indicators.push(Arc::new(indicator));
    s
}

/// Two members, each with one of `stores` (empty, in memory), sharing `folder` (empty, in
/// memory): A writes the strategy, B takes it whole; each changes something else; B reads A's
/// change in (a merge) and writes; A reads B's (a fast-forward). What each reading took.
pub async fn rehearse<B: Backend, F: Folder>(
    stores: [Store<B>; 2],
    folder: &F,
    clock: &impl Stopwatch,
) -> Result<[usize; 2], SyncError> {
    let s = small();
    let [store_a, store_b] = stores;
    let (mut a, mut b) = (MemberBrowser::new("m1", &s, store_a), MemberBrowser::new("m2", &s, store_b));
    a.store.save(&s, AT[0]).await.map_err(SyncError::Storage)?;
    a.sync.write(&a.store, folder, AT[0]).await?;
    take_whole(&b.store, folder, &s.id, AT[1]).await?;
    b.sync.read_timed(&b.store, folder, AT[1], clock).await?;
    a.edit(AT[2], |s| Arc::make_mut(&mut s.indicators[0]).series[0].actuals.push(Actual::new(FiscalYear(2026), 110.0)))
        .await?;
    a.sync.write(&a.store, folder, AT[2]).await?;
    b.edit(AT[2], |s| {
        let measure = Arc::make_mut(&mut Arc::make_mut(&mut s.goals[0]).measures[0]);
        measure.evaluations.push(Evaluation { outcomes: "順調".into(), ..Evaluation::new(FiscalYear(2025)) });
    })
    .await?;
    let by_b = b.sync.read_timed(&b.store, folder, AT[3], clock).await?.taken.len();
    b.sync.write(&b.store, folder, AT[3]).await?;
    let by_a = a.sync.read_timed(&a.store, folder, AT[3], clock).await?.taken.len();
    Ok([by_b, by_a])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::session::stopwatch::Untimed;
    use crate::storage::{MemoryBackend, MemoryFolder};
    use crate::testing::Wait;

    #[test]
    fn the_rehearsal_merges_each_members_change_into_the_others() {
        let stores = [Store::new(MemoryBackend::new()), Store::new(MemoryBackend::new())];
        let folder = MemoryFolder::new();
        assert_eq!(
            rehearse(stores, &folder, &Untimed).wait().unwrap(),
            [1, 1],
            "each reading takes the other's version"
        );
        assert_eq!(folder.writes().len(), 3, "A's first file, A's edit, B's merge");
    }
}
