//! 「あなたの所属」: who the person is in this strategy — a section, or the planning section that
//! sees everything; kept in the preferences, never in the file. On 編集's sections and on 照会.

use crate::model::{Id, Role};
use crate::ui::kit::bind::{self, label};
use crate::ui::kit::fields::SelectField;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

/// The value of the planning section in the "who I am" choice.
const PLANNING: &str = "planning";

/// 「あなたの所属」: the planning section or one section of the list, for this strategy.
#[component]
pub fn WhoIAm() -> impl IntoView {
    let state = use_edits();
    let departments = bind::read(|s| s.departments.iter().map(|d| (d.id.clone(), d.name.clone())).collect::<Vec<_>>());
    let options = Signal::derive(move || {
        let mut o = vec![
            (String::new(), state.tr("（選んでいません）", "(not chosen)").to_owned()),
            (
                PLANNING.to_owned(),
                state.tr("企画課など（全体を取りまとめる）", "Planning section (sees everything)").to_owned(),
            ),
        ];
        o.extend(departments.get().into_iter().map(|(id, name)| (id.0, name)));
        o
    });
    let value = Signal::derive(move || match state.role() {
        None => String::new(),
        Some(Role::Planning) => PLANNING.to_owned(),
        Some(Role::Department(id)) => id.0,
    });
    let on_commit = Callback::new(move |v: String| {
        state.set_role(match v.as_str() {
            "" => None,
            PLANNING => Some(Role::Planning),
            _ => Some(Role::Department(Id(v))),
        })
    });
    view! {
        <div class="who-i-am" data-testid="who-i-am">
            <SelectField label=label(state, "あなたの所属（このパソコンに保存）", "Your section (kept on this computer)")
                options=options value=value on_commit=on_commit testid="who-i-am-select"/>
        </div>
    }
}
