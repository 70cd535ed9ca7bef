//! The strategy's demographic KPIs tied to the vision: a series takes its target from the
//! 将来展望 (総人口, 合計特殊出生率, 社会増減数, 出生数 of a year), shown with the value before it
//! is taken; the series so linked, each saying where its target comes from; and what a later
//! change of the vision would change, listed and changed only when confirmed (one edit).

use crate::model::population::{
    apply_target_changes, take_target, target_changes, vision_value, Demographic, VisionTarget, HORIZON,
};
use crate::model::{Id, Strategy};
use crate::ui::browser::files;
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use crate::words::vision as words;
use leptos::prelude::*;

/// A series a target can be given: indicator id, series id, its name as listed.
fn series_list(s: &Strategy) -> Vec<(Id, Id, String)> {
    s.indicators
        .iter()
        .flat_map(|i| {
            i.series.iter().map(move |x| {
                let name = if x.label.is_empty() {
                    format!("{} {}", i.code, i.name)
                } else {
                    format!("{} {}（{}）", i.code, i.name, x.label)
                };
                (i.id.clone(), x.id.clone(), name.trim().to_owned())
            })
        })
        .collect()
}

fn figure_key(f: Demographic) -> &'static str {
    match f {
        Demographic::TotalPopulation => "total",
        Demographic::BirthRate => "birth_rate",
        Demographic::NetMigration => "net_migration",
        Demographic::Births => "births",
    }
}

#[component]
pub fn VisionKpis(state: Edits) -> impl IntoView {
    let list = Memo::new(move |_| state.open.with(|o| o.as_ref().map(series_list)).unwrap_or_default());
    let picked = RwSignal::new(None::<(Id, Id)>);
    let figure = RwSignal::new(Demographic::TotalPopulation);
    let year = RwSignal::new(None::<u16>);
    let years = Memo::new(move |_| {
        state.open.with(|o| {
            let Some(s) = o.as_ref() else { return Vec::new() };
            let base = s.population.as_ref().and_then(|v| v.base.as_ref()).map_or(2020, |b| b.year);
            let mut ys: Vec<u16> = (base..=HORIZON).step_by(5).collect();
            ys.extend(
                s.period.first.0.max(i32::from(base)) as u16
                    ..=s.period.last.0.clamp(i32::from(base), i32::from(HORIZON)) as u16,
            );
            ys.sort_unstable();
            ys.dedup();
            ys
        })
    });
    let link = Memo::new(move |_| {
        let y = year.get().or_else(|| state.open.with(|o| o.as_ref().map(|s| s.period.last.0 as u16)))?;
        Some(VisionTarget { figure: figure.get(), year: y })
    });
    let chosen_name = Memo::new(move |_| {
        state
            .open
            .with(|o| o.as_ref().and_then(|s| s.population.as_ref()?.chosen_scenario().map(|c| c.name.clone())))
            .unwrap_or_default()
    });
    let offer = move || {
        let l = link.get()?;
        let value =
            state.open.with(|o| o.as_ref().and_then(|s| vision_value(s.population.as_deref()?, l.figure, l.year)));
        Some((l, value))
    };
    let take = move |_| {
        let (Some((i, x)), Some(l)) = (
            picked.get_untracked().or_else(|| list.get_untracked().first().map(|(i, x, _)| (i.clone(), x.clone()))),
            link.get_untracked(),
        ) else {
            return;
        };
        state.try_edit(move |s| take_target(s, &i, &x, l).is_some());
    };
    let changes = Memo::new(move |_| state.open.with(|o| o.as_ref().map(target_changes)).unwrap_or_default());
    let linked = Memo::new(move |_| {
        state.open.with(|o| {
            let Some(s) = o.as_ref() else { return Vec::new() };
            let names = series_list(s);
            s.indicators
                .iter()
                .flat_map(|i| i.series.iter().filter_map(|x| Some((x.id.clone(), x.from_vision?))))
                .filter_map(|(sid, l)| names.iter().find(|n| n.1 == sid).map(|n| (n.2.clone(), l)))
                .collect::<Vec<_>>()
        })
    });
    let confirm = move |_| {
        let listed = changes.get_untracked();
        // Kept in each series' history as a hand revision is: this fiscal year, today, why.
        let (year, today) = (files::current_fiscal_year(), files::today());
        let reason = state.tr("人口ビジョンの将来展望の見直しに伴う修正", "Revised with the population vision");
        state.try_edit(move |s| apply_target_changes(s, &listed, year, Some(&today), reason) > 0);
    };
    view! {
        <div class="field-row">
            <div class="field">
                <label for="vision-kpi-series">{state.text("指標", "Indicator")}</label>
                <select id="vision-kpi-series" data-testid="vision-kpi-series" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    picked.set(v.split_once('|').map(|(i, x)| (Id::from(i), Id::from(x))));
                }>
                    {move || {
                        let current = picked.get();
                        list.get().into_iter().map(|(i, x, name)| {
                            let selected = current.as_ref() == Some(&(i.clone(), x.clone()));
                            view! { <option value=format!("{i}|{x}") selected=selected>{name}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="vision-kpi-figure">{state.text("将来展望のどの値か", "Which figure")}</label>
                <select id="vision-kpi-figure" data-testid="vision-kpi-figure" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(f) = Demographic::ALL.into_iter().find(|f| figure_key(*f) == v) { figure.set(f) }
                }>
                    {Demographic::ALL.into_iter().map(|f| view! {
                        <option value=figure_key(f) selected=move || figure.get() == f>{move || words::figure(f, state.lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="vision-kpi-year">{state.text("目標の年", "Target year")}</label>
                <select id="vision-kpi-year" data-testid="vision-kpi-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                    {move || {
                        let current = link.get().map(|l| l.year);
                        years.get().into_iter().map(|y| view! { <option value=y.to_string() selected=Some(y) == current>{words::calendar_year(y, state.lang())}</option> }).collect_view()
                    }}
                </select>
            </div>
        </div>
        {move || offer().map(|(l, value)| view! {
            <p role="status" data-testid="vision-kpi-offer">{words::target_offer(&chosen_name.get(), l, value, state.lang())}</p>
            <button type="button" class="button primary" data-testid="vision-kpi-take" disabled=value.is_none() || list.get().is_empty() on:click=take>
                {state.text("この値を目標にする", "Take this as the target")}
            </button>
        })}
        <ul class="vision-linked" data-testid="vision-kpi-linked">
            {move || linked.get().into_iter().map(|(name, l)| view! {
                <li>{name}": "{words::target_source(&chosen_name.get(), l, state.lang())}</li>
            }).collect_view()}
        </ul>
        {move || (!changes.get().is_empty()).then(|| {
            let lang = state.lang();
            let names = state.open.with_untracked(|o| o.as_ref().map(series_list)).unwrap_or_default();
            view! {
                <div class="notice warn" data-testid="vision-kpi-changes">
                    <p>{state.text("人口ビジョンが変わったため、次の目標は将来展望と合わなくなりました。確かめてから更新してください（自動では変えません）。",
                        "The vision has changed: these targets no longer match the outlook. Check them, then update (nothing changes by itself).")}</p>
                    <ul>{changes.get().into_iter().map(|c| {
                        let name = names.iter().find(|n| n.1 == c.series).map(|n| n.2.clone()).unwrap_or_default();
                        view! { <li>{words::target_change(&name, c.link.figure, c.was, c.becomes, lang)}</li> }
                    }).collect_view()}</ul>
                    <button type="button" class="button" data-testid="vision-kpi-update" on:click=confirm>
                        {state.text("将来展望の値に更新する", "Update them to the outlook")}
                    </button>
                </div>
            }
        })}
    }
}
