//! Sections (担当課) in the editor: the strategy's list of sections (add, rename,
//! reorder, remove), who the person is in this strategy (`kit::who_i_am`), and the section picker of
//! the measure, initiative and indicator forms, which says what an empty choice means (the
//! measure's section, by `model::department`'s rule).

use super::common::EntityActions;
use crate::model::Id;
use crate::ui::kit::bind::{self, label};
use crate::ui::kit::fields::{SelectField, TextField};
use crate::ui::kit::who_i_am::WhoIAm;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// The strategy's sections and who the person is among them.
#[component]
pub(super) fn Departments() -> impl IntoView {
    let state = use_edits();
    let ids = bind::read(|s| s.departments.iter().map(|d| d.id.clone()).collect::<Vec<Id>>());
    view! {
        <div class="panel" data-testid="departments">
            <h2>{state.text("担当課", "Sections")}</h2>
            <p class="lead">{state.text(
                "施策・事業・KPIを担当する課の一覧です。事業とKPIは、担当課を選ばなければ施策の担当課になります。",
                "The town's sections that own measures, initiatives and KPIs. An initiative or KPI without one takes its measure's.")}</p>
            <WhoIAm/>
            <ol class="department-list">
                {move || ids.get().into_iter().enumerate().map(|(i, id)| {
                    let (nid, wid, mid, did) = (id.clone(), id.clone(), id.clone(), id);
                    let name = bind::read(move |s| s.department_name(&nid).unwrap_or_default().to_owned());
                    view! {
                        <li class="department-edit" data-testid="department">
                            <TextField label=label(state, "課の名前", "Section's name") value=name testid=format!("department-name-{i}")
                                placeholder=state.tr("例: 子育て支援課", "e.g. 子育て支援課")
                                on_commit=bind::write(move |s, v: String| if let Some(d) = s.departments.iter_mut().find(|d| d.id == wid) { d.name = v.trim().to_owned() })/>
                            <EntityActions delete_label=label(state, "この課を削除", "Delete this section")
                                on_move=Callback::new(move |to| state.try_edit(|s| s.move_department(&mid, to)))
                                on_delete=Callback::new(move |_| state.try_edit(|s| s.remove_department(&did)))/>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" data-testid="add-department" on:click=move |_| state.edit(|s| { s.add_department(""); })>
                {state.text("＋ 担当課を追加", "+ Add a section")}
            </button>
        </div>
    }
}

/// A form's section field: the strategy's sections, and an empty choice that says what it
/// means (`inherited`: the measure's section's name, for an initiative or a KPI).
#[component]
pub(super) fn DepartmentPicker(
    /// The section the item names itself.
    #[prop(into)]
    value: Signal<Option<Id>>,
    /// The name of the section it takes when it names none (`None`: it then has none).
    #[prop(into)]
    inherited: Signal<Option<String>>,
    on_commit: Callback<Option<Id>>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let state = use_edits();
    let departments = bind::read(|s| s.departments.iter().map(|d| (d.id.clone(), d.name.clone())).collect::<Vec<_>>());
    let options = Signal::derive(move || {
        let empty = match inherited.get() {
            Some(name) => format!("{}{name}）", state.tr("（施策と同じ: ", "(as its measure: ")),
            None => state.tr("（未設定）", "(none)").to_owned(),
        };
        let mut o = vec![(String::new(), empty)];
        o.extend(departments.get().into_iter().map(|(id, name)| (id.0, name)));
        // A section the list no longer holds stays visible (validation reports it).
        if let Some(id) = value.get().filter(|id| !o.iter().any(|(v, _)| *v == id.0)) {
            o.push((id.0.clone(), format!("{} {}", id.0, state.tr("（一覧にない）", "(not in the list)"))));
        }
        o
    });
    let shown = Signal::derive(move || value.get().map(|id| id.0).unwrap_or_default());
    view! {
        <SelectField label=label(state, "担当課", "Section") options=options value=shown testid=testid
            on_commit=Callback::new(move |v: String| on_commit.run((!v.is_empty()).then_some(Id(v))))/>
    }
}

/// An indicator's section field, and a hint when measures of several sections use it (the
/// first answers for it unless it names its own: `model::department`).
#[component]
pub(super) fn IndicatorDepartment(id: Id) -> impl IntoView {
    let state = use_edits();
    let inherited = {
        let id = id.clone();
        bind::read(move |s| s.inherited_indicator_department(&id).and_then(|d| s.department_name(d)).map(str::to_owned))
    };
    let shared = {
        let id = id.clone();
        bind::read(move |s| {
            let names: Vec<&str> =
                s.indicator_departments(&id).into_iter().filter_map(|d| s.department_name(d)).collect();
            (names.len() > 1).then(|| names.join("、"))
        })
    };
    view! {
        <DepartmentPicker value=bind::indicator(&id, |i| i.department.clone()) inherited=inherited
            testid="indicator-department" on_commit=bind::write_indicator(&id, |i, v: Option<Id>| i.department = v)/>
        {move || shared.get().map(|names| view! {
            <p class="hint" data-testid="indicator-shared-departments">{format!("{}{names}{}",
                state.tr("この指標は複数の課の施策で使われています（", "Measures of several sections use this indicator ("),
                state.tr("）。担当課を選ばなければ最初の施策の課が回答します。", "). Unless it names its own, the first measure's section answers for it."))}</p>
        })}
    }
}
