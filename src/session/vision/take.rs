//! What the vision page changes: each function is one edit of the strategy (so one undo step),
//! and none is called before the user confirms what a preview showed.

use crate::model::population::{
    standard_scenarios, Assumptions, BasePopulation, PopulationVision, Scenario, TargetPopulation,
};
use crate::model::{Id, Strategy};
use std::sync::Arc;

/// The strategy's vision, made empty when it has none.
pub fn vision_mut(s: &mut Strategy) -> &mut PopulationVision {
    Arc::make_mut(s.population.get_or_insert_with(Default::default))
}

/// Takes a base population. A vision without scenarios gets the four standard ones (named by
/// `names`, see `model::population::standard_scenarios`) and the last, the town's own, as its
/// 将来展望.
pub fn take_base(s: &mut Strategy, base: BasePopulation, names: [String; 4]) {
    let v = vision_mut(s);
    if v.scenarios.is_empty() {
        v.scenarios = standard_scenarios(base.year, names);
        v.chosen = v.scenarios.last().map(|s| s.id.clone());
    }
    v.base = Some(base);
}

pub fn take_assumptions(s: &mut Strategy, assumptions: Assumptions) {
    vision_mut(s).assumptions = Some(assumptions);
}

pub fn set_base_birth_rate(s: &mut Strategy, rate: Option<f64>) {
    vision_mut(s).base_birth_rate = rate.filter(|r| r.is_finite() && *r > 0.0);
}

/// Sets a scenario's name and settings; `false` when there is no such scenario.
pub fn set_scenario(s: &mut Strategy, id: &Id, name: String, scenario: Scenario) -> bool {
    let v = vision_mut(s);
    let Some(found) = v.scenarios.iter_mut().find(|n| &n.id == id) else { return false };
    if found.name == name && found.scenario == scenario {
        return false;
    }
    found.name = name;
    found.scenario = scenario;
    true
}

/// Removes a scenario; when it was the 将来展望, none is chosen.
pub fn remove_scenario(s: &mut Strategy, id: &Id) -> bool {
    let v = vision_mut(s);
    let before = v.scenarios.len();
    v.scenarios.retain(|n| &n.id != id);
    if v.chosen.as_ref() == Some(id) {
        v.chosen = None;
    }
    v.scenarios.len() != before
}

/// Chooses the 将来展望 (`None`: none chosen).
pub fn choose(s: &mut Strategy, id: Option<Id>) {
    vision_mut(s).chosen = id;
}

pub fn set_target(s: &mut Strategy, target: Option<TargetPopulation>) {
    vision_mut(s).target = target;
}
