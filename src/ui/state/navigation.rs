//! The pages' context: the route shown, and going to another page; the app following a route
//! (opening the strategy it names).

use super::act::Action;
use super::*;

#[derive(Clone, Copy)]
pub struct Navigation {
    app: AppState,
    pub route: Shown<Route>,
}

impl Facade for Navigation {
    fn app(&self) -> AppState {
        self.app
    }
}

impl Navigation {
    /// Goes to a route (the hashchange listener then applies it).
    pub fn navigate(&self, route: Route) {
        self.app.navigate(route);
    }
}

pub fn use_navigation() -> Navigation {
    let app = super::use_app();
    Navigation { app, route: Shown::of(app.route) }
}

impl AppState {
    /// Goes to a route (the hashchange listener then applies it).
    pub(super) fn navigate(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&route.hash());
        }
        self.follow_route(route);
    }

    /// The route the user took (a link, the navigation, the browser's back): a notice that only
    /// reported what was done closes on another page (`session::OnLeaving`). The hash change of
    /// [`AppState::navigate`] arrives here too, on the route already followed.
    pub fn apply_route(&self, route: Route) {
        let closes =
            |n: &Option<Notice>| n.as_ref().is_some_and(|n| n.on_leaving() == crate::session::OnLeaving::Close);
        if self.route.with_untracked(|r| r != &route) && self.notice.with_untracked(closes) {
            self.notice.set(None);
        }
        self.follow_route(route);
    }

    /// Makes the state follow a route: opening a strategy loads it from the store.
    pub(super) fn follow_route(&self, route: Route) {
        if let Some(id) = route.strategy_id().cloned() {
            // The hash change of `navigate` applies the same route again: one load is enough
            // (two would race, e.g. both moving the same unreadable text aside).
            let already = self.is_open(&id) || self.loading.with_value(|l| l.as_ref() == Some(&id));
            if !already {
                self.loading.set_value(Some(id.clone()));
                self.act(Action::Open(id));
            }
        }
        self.route.set(route);
    }

    /// Loads the strategy of the route (an action: `actions`); another route taken meanwhile
    /// is left alone.
    pub(super) async fn open_now(self, id: Id) {
        let _loading = Loading(self.loading);
        self.commit_field();
        let still_wanted = || self.route.with_untracked(|r| r.strategy_id() == Some(&id));
        // Timed as "shirube:open" (reading from storage and decoding; its ":thread" measure is
        // the decoding's share, the rest is IndexedDB's), for the benchmark's breakdown.
        let outcome = files::timed_async("shirube:open", self.bench().open(&id, still_wanted)).await;
        self.apply(outcome).await;
    }

    pub(super) fn is_open(&self, id: &Id) -> bool {
        self.bench.with_value(|b| b.editing(|e| e.is_open(id)))
    }
}

/// Clears `AppState::loading` when the load ends, however it ends.
struct Loading(StoredValue<Option<Id>>);

impl Drop for Loading {
    fn drop(&mut self) {
        self.0.set_value(None);
    }
}
