//! The pages' context: the route shown, and going to another page.

use super::Shown;
use super::{AppState, Facade, Route};

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
