//! The dashboard's charts of a whole strategy: indicator status per goal, the measures'
//! ratings, budgets per goal, SDG coverage and the goal → measure → initiative hierarchy.

mod budget;
mod hierarchy;
mod ratings;
mod sdg;
mod status;

pub use budget::budget_by_goal;
pub use hierarchy::hierarchy;
pub use ratings::ratings;
pub use sdg::sdg_coverage;
pub use status::{status_by_goal, status_colour};
