//! A conflict with a colleague in the shared folder, as a card of its own: who (佐藤さん), each
//! place both changed with the two values side by side (あなた / 佐藤さん), whether the colleague
//! has already taken an earlier version of ours, and that one's own choice reaches them. Nothing
//! is stored until every place is chosen; the choice is stored by `session::folder::decide`
//! (through `FolderSyncing::decide_conflict`), a version naming the person in the history.

use crate::model::merge::Side;
use crate::model::Id;
use crate::session::folder::Conflicted;
use crate::ui::import::merge_preview::{conflict_cards, SideNames};
use crate::ui::speech::Speaks;
use crate::ui::state::use_folder_syncing;
use crate::words::merge::MergeWords;
use leptos::prelude::*;

#[component]
pub fn FolderConflict(id: Id, conflict: Conflicted) -> impl IntoView {
    let app = use_folder_syncing();
    let (lang, style) = (app.lang(), app.year_style());
    let merge = conflict.merge.clone();
    let n = merge.conflicts.len();
    let choices = RwSignal::new(vec![None; n]);
    let words = MergeWords { lang, style, ours: &merge.ours, theirs: &conflict.imported.strategy };
    let by = conflict.by.clone();
    let said = crate::words::folder::conflict(&by, n, conflict.theirs_took_ours, lang);
    let sides = SideNames {
        ours: app.tr("あなた（このパソコン）", "You (this computer)").to_owned(),
        theirs: said.them.clone(),
    };
    let cards = conflict_cards(&merge, &words, choices, &sides);
    let all = move |side: Side| choices.set(vec![Some(side); n]);
    let ready = move || choices.with(|c| c.iter().all(Option::is_some));
    let decide = move |_| {
        let sides: Vec<Side> = choices.get_untracked().into_iter().flatten().collect();
        if sides.len() == n {
            app.decide_conflict(&id, conflict.clone(), sides);
        }
    };
    view! {
        <section class="panel folder-conflict" data-testid="folder-conflict" aria-labelledby="folder-conflict-title">
            <h3 id="folder-conflict-title" data-testid="folder-conflict-title">{said.title}</h3>
            <p data-testid="folder-conflict-lead">{said.lead}</p>
            <p class="meta" data-testid="folder-conflict-them">{said.their_side}</p>
            <div class="actions">
                <button type="button" data-testid="merge-all-ours" on:click=move |_| all(Side::Ours)>{app.text("すべて自分の内容", "All: mine")}</button>
                <button type="button" data-testid="merge-all-theirs" on:click=move |_| all(Side::Theirs)>{said.all_theirs}</button>
            </div>
            <ol class="conflicts" data-testid="conflicts">{cards}</ol>
            <div class="actions">
                <button type="button" class="primary" data-testid="folder-conflict-decide" prop:disabled=move || !ready() on:click=decide>
                    {app.text("選んだ内容で統合する", "Merge as chosen")}
                </button>
            </div>
            <p class="meta">{said.reaches}</p>
        </section>
    }
}
