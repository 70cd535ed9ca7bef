//! The scenarios' settings: each one's name and what it changes (a birth-rate path, 社会移動均衡
//! from a year, the 将来展望's path and net migrants a year), which is the 将来展望, its target
//! population, and the base 合計特殊出生率. Each field's change is one edit (one undo step).

use crate::model::population::{NamedScenario, PopulationVision, RatePoint, Scenario, TargetPopulation, HORIZON, STEP};
use crate::model::Id;
use crate::session::vision::{
    choose, read_path, remove_scenario, set_base_birth_rate, set_scenario, set_target, write_path,
};
use crate::ui::kit::fields::{NumberField, SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use leptos::prelude::*;

/// The vision's value read by `get` (the default when there is none).
fn vision_memo<T>(state: Edits, get: impl Fn(&PopulationVision) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    Memo::new(move |_| {
        state.open.with(|o| o.as_ref().and_then(|s| s.population.as_deref().map(&get))).unwrap_or_default()
    })
}

/// The years of the projection: the base year and every 5 years to 2070.
fn years(state: Edits) -> Memo<Vec<u16>> {
    vision_memo(state, |v| {
        v.base.as_ref().map(|b| (b.year..=HORIZON).step_by(usize::from(STEP)).collect()).unwrap_or_default()
    })
}

fn year_options(years: Memo<Vec<u16>>, lang: crate::locale::Language) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        years.get().into_iter().map(|y| (y.to_string(), crate::words::vision::calendar_year(y, lang))).collect()
    })
}

#[component]
pub fn ScenarioSettings(state: Edits) -> impl IntoView {
    let ids = vision_memo(state, |v| v.scenarios.iter().map(|s| s.id.clone()).collect::<Vec<Id>>());
    let years = years(state);
    let rate = vision_memo(state, |v| v.base_birth_rate);
    let target = vision_memo(state, |v| v.target);
    let add_kind = RwSignal::new("vision".to_owned());
    let add = move |_| {
        let base_year = years.get_untracked().first().copied().unwrap_or(2020);
        let lang = state.lang();
        let (name, scenario) = match add_kind.get_untracked().as_str() {
            "ipss" => (crate::words::vision::standard_names(base_year, lang)[0].clone(), Scenario::Ipss),
            "birth" => (
                state.tr("出生率上昇", "Birth rate rising").to_owned(),
                Scenario::BirthRate { path: crate::model::population::standard_path() },
            ),
            "balanced" => (
                state.tr("社会移動均衡", "Migration balanced").to_owned(),
                Scenario::MigrationBalanced { from: base_year + 2 * STEP },
            ),
            _ => (
                state.tr("将来展望（案）", "Future outlook (draft)").to_owned(),
                Scenario::Vision {
                    path: crate::model::population::standard_path(),
                    net_migrants_a_year: 0.0,
                    from: base_year,
                },
            ),
        };
        state.edit(move |s| {
            crate::session::vision::vision_mut(s).scenarios.push(NamedScenario {
                id: Id::new("scenario"),
                name,
                scenario,
            })
        });
    };
    view! {
        <NumberField label=crate::ui::kit::bind::label(state, "基準年の合計特殊出生率（出生率が上がるシナリオの基準）", "Base year's total fertility rate (the base of the rising birth rates)")
            value=rate testid="vision-birth-rate"
            on_commit=Callback::new(move |v: Option<f64>| state.edit(move |s| set_base_birth_rate(s, v)))/>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <ScenarioRow state=state id=id years=years/>
        </For>
        <div class="field-row">
            <div class="field">
                <label for="vision-add-kind">{state.text("追加するシナリオ", "Scenario to add")}</label>
                <select id="vision-add-kind" data-testid="vision-add-kind" on:change=move |ev| add_kind.set(event_target_value(&ev))>
                    <option value="vision" selected=true>{state.text("将来展望（出生率＋転入超過）", "Future outlook (births + net migrants)")}</option>
                    <option value="birth">{state.text("出生率上昇", "Birth rate rising")}</option>
                    <option value="balanced">{state.text("社会移動均衡", "Migration balanced")}</option>
                    <option value="ipss">{state.text("社人研推計準拠", "IPSS projection")}</option>
                </select>
            </div>
            <button type="button" class="button" data-testid="vision-add-scenario" on:click=add>{state.text("追加する", "Add")}</button>
        </div>
        <fieldset class="vision-target">
            <legend>{state.text("将来展望の目標人口", "The 将来展望's target population")}</legend>
            <div class="field-row">
                <SelectField label=crate::ui::kit::bind::label(state, "目標の年", "Target year")
                    options=Signal::derive(move || { let mut o = vec![(String::new(), state.tr("（なし）", "(none)").to_owned())]; o.extend(year_options(years, state.lang()).get()); o })
                    value=Signal::derive(move || target.get().map(|t| t.year.to_string()).unwrap_or_default())
                    testid="vision-target-year"
                    on_commit=Callback::new(move |y: String| {
                        let population = target.get_untracked().map_or(0, |t| t.population);
                        let t = y.parse().ok().map(|year| TargetPopulation { year, population });
                        state.edit(move |s| set_target(s, t));
                    })/>
                <NumberField label=crate::ui::kit::bind::label(state, "目標人口", "Target population") unit="人"
                    value=Signal::derive(move || target.get().map(|t| f64::from(t.population)))
                    testid="vision-target-population"
                    on_commit=Callback::new(move |v: Option<f64>| {
                        let year = target.get_untracked().map(|t| t.year).or_else(|| years.get_untracked().last().copied());
                        let t = year.zip(v).map(|(year, v)| TargetPopulation { year, population: v.max(0.0).round() as u32 });
                        state.edit(move |s| set_target(s, t));
                    })/>
            </div>
        </fieldset>
    }
}

/// One scenario: its name, its settings by kind, 「将来展望にする」 and 「削除」.
#[component]
fn ScenarioRow(state: Edits, id: Id, years: Memo<Vec<u16>>) -> impl IntoView {
    let key = id.clone();
    let named = vision_memo(state, move |v| v.scenarios.iter().find(|s| s.id == key).cloned());
    let chosen_key = id.clone();
    let chosen = vision_memo(state, move |v| v.chosen.as_ref() == Some(&chosen_key));
    let base_year = Memo::new(move |_| years.get().first().copied().unwrap_or(2020));
    let write = {
        let id = id.clone();
        move |name: String, scenario: Scenario| {
            let id = id.clone();
            state.try_edit(move |s| set_scenario(s, &id, name, scenario));
        }
    };
    let path_problem = RwSignal::new(None::<String>);
    let with = move |f: &dyn Fn(&NamedScenario) -> (String, Scenario)| named.get_untracked().map(|n| f(&n));
    let on_name = {
        let write = write.clone();
        Callback::new(move |name: String| {
            if let Some((_, s)) = with(&|n| (n.name.clone(), n.scenario.clone())) {
                write(name, s)
            }
        })
    };
    let on_path = {
        let write = write.clone();
        Callback::new(move |text: String| match read_path(&text, base_year.get_untracked()) {
            Err(e) => path_problem.set(Some(crate::words::vision::path_error(&e, state.lang()))),
            Ok(path) => {
                path_problem.set(None);
                if let Some(n) = named.get_untracked() {
                    write(n.name.clone(), with_path(&n.scenario, path));
                }
            }
        })
    };
    let on_from = {
        let write = write.clone();
        Callback::new(move |y: String| {
            let (Some(n), Ok(year)) = (named.get_untracked(), y.parse::<u16>()) else { return };
            write(n.name.clone(), with_from(&n.scenario, year));
        })
    };
    let on_net = Callback::new(move |v: Option<f64>| {
        let Some(n) = named.get_untracked() else { return };
        if let Scenario::Vision { path, from, .. } = n.scenario.clone() {
            write(n.name.clone(), Scenario::Vision { path, from, net_migrants_a_year: v.unwrap_or(0.0) });
        }
    });
    let (choose_id, remove_id) = (id.clone(), id.clone());
    let kind = Memo::new(move |_| named.get().map(|n| std::mem::discriminant(&n.scenario)));
    let text_of = move || named.get().map(|n| n.name).unwrap_or_default();
    let path_text = move || named.get().and_then(|n| n.scenario.path().map(write_path)).unwrap_or_default();
    let from_text = move || named.get().and_then(|n| from_of(&n.scenario)).map(|y| y.to_string()).unwrap_or_default();
    let net = move || {
        named.get().and_then(|n| match n.scenario {
            Scenario::Vision { net_migrants_a_year, .. } => Some(net_migrants_a_year),
            _ => None,
        })
    };
    view! {
        <fieldset class="vision-scenario" data-testid="vision-scenario">
            <legend>{text_of}</legend>
            <TextField label=crate::ui::kit::bind::label(state, "名前", "Name") value=Signal::derive(text_of) on_commit=on_name testid="vision-scenario-name"/>
            {move || kind.get().map(|_| {
                let s = named.get_untracked().map(|n| n.scenario).unwrap_or(Scenario::Ipss);
                let has_path = matches!(s, Scenario::BirthRate { .. } | Scenario::Vision { .. });
                let has_from = matches!(s, Scenario::MigrationBalanced { .. } | Scenario::Vision { .. });
                let is_vision = matches!(s, Scenario::Vision { .. });
                view! {
                    {matches!(s, Scenario::Ipss).then(|| view! { <p class="hint">{state.text("仮定値のとおりに推計します。", "Projected on the assumptions as they are.")}</p> })}
                    {has_path.then(|| view! {
                        <TextField label=crate::ui::kit::bind::label(state, "合計特殊出生率の道筋（例: 2040年 1.8、2050年 2.07）", "Birth-rate path (e.g. 2040年 1.8、2050年 2.07)")
                            value=Signal::derive(path_text) on_commit=on_path testid="vision-scenario-path"
                            problem=Signal::derive(move || path_problem.get())/>
                    })}
                    {has_from.then(|| view! {
                        <SelectField label=crate::ui::kit::bind::label(state, if is_vision { "転入超過を見込む年から" } else { "社会移動が均衡する年から" }, if is_vision { "Net migrants from" } else { "Balanced from" })
                            options=year_options(years, state.lang()) value=Signal::derive(from_text) on_commit=on_from testid="vision-scenario-from"/>
                    })}
                    {is_vision.then(|| view! {
                        <NumberField label=crate::ui::kit::bind::label(state, "毎年の転入超過（転出超過は負の数）", "Net in-migrants a year (negative: out)") unit="人"
                            value=Signal::derive(net) on_commit=on_net testid="vision-scenario-net"/>
                    })}
                }
            })}
            <div class="actions">
                <label class="inline">
                    <input type="radio" name="vision-chosen" data-testid="vision-choose" checked=move || chosen.get()
                        on:change=move |_| { let id = choose_id.clone(); state.edit(move |s| choose(s, Some(id))) }/>
                    {state.text("これを将来展望にする", "Take this as the 将来展望")}
                </label>
                <button type="button" class="button quiet small" data-testid="vision-remove-scenario"
                    on:click=move |_| { let id = remove_id.clone(); state.try_edit(move |s| remove_scenario(s, &id)) }>
                    {state.text("削除", "Remove")}
                </button>
            </div>
        </fieldset>
    }
}

fn with_path(s: &Scenario, path: Vec<RatePoint>) -> Scenario {
    match s.clone() {
        Scenario::Vision { net_migrants_a_year, from, .. } => Scenario::Vision { path, net_migrants_a_year, from },
        _ => Scenario::BirthRate { path },
    }
}

fn with_from(s: &Scenario, year: u16) -> Scenario {
    match s.clone() {
        Scenario::Vision { path, net_migrants_a_year, .. } => {
            Scenario::Vision { path, net_migrants_a_year, from: year }
        }
        _ => Scenario::MigrationBalanced { from: year },
    }
}

fn from_of(s: &Scenario) -> Option<u16> {
    match s {
        Scenario::MigrationBalanced { from } | Scenario::Vision { from, .. } => Some(*from),
        _ => None,
    }
}
