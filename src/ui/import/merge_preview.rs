//! The 統合する part of the import preview: what merging the file with this
//! computer's version would do — changes taken from the file, changes kept from here — and one
//! card per conflict, side by side (このパソコン / ファイル), each with a choice. Nothing is
//! applied until every conflict is chosen.

use crate::locale::tr;
use crate::locale::{Language, YearStyle};
use crate::model::merge::{Conflict, Merge, Side};
use crate::model::Strategy;
use crate::session::preview::{MergeFrom, MergeOffer};
use crate::words::merge::{Card, MergeWords};
use leptos::prelude::*;
use std::sync::Arc;

/// Why 統合する cannot be chosen, when it cannot.
pub fn merge_unavailable(offer: &MergeOffer, lang: Language) -> Option<String> {
    let text = match offer {
            MergeOffer::Ready { .. } => return None,
            MergeOffer::Mismatch => tr(
                lang,
                "統合できません: ファイルに入っている元の版が、ファイル自身の示す版と一致しません（ファイルが書き換えられた可能性があります）。",
                "Cannot merge: the starting version inside the file is not the version the file names (the file may have been altered).",
            )
            .to_owned(),
            MergeOffer::Failed(e) => format!(
                "{} {}",
                tr(lang, "統合できません: 版の履歴を読めませんでした。", "Cannot merge: the version history could not be read."),
                crate::words::storage_error(e, lang)
            ),
        };
    Some(text)
}

/// What merging would do, and the conflict cards. `choices` holds one answer per conflict
/// (`None`: not chosen yet).
#[component]
pub fn MergePanel(
    merge: Arc<Merge>,
    from: MergeFrom,
    theirs: Strategy,
    choices: RwSignal<Vec<Option<Side>>>,
    lang: Language,
    style: YearStyle,
) -> impl IntoView {
    let (taken, kept, conflicts) = (merge.taken.len(), merge.kept.len(), merge.conflicts.len());
    let summary = crate::words::merge::summary(taken, kept, conflicts, lang);
    let words = MergeWords { lang, style, ours: &merge.ours, theirs: &theirs };
    let sides = SideNames {
        ours: tr(lang, "このパソコン", "This computer").to_owned(),
        theirs: tr(lang, "ファイル", "File").to_owned(),
    };
    let cards = conflict_cards(&merge, &words, choices, &sides);
    let all = move |side: Side| choices.set(vec![Some(side); conflicts]);
    view! {
        <div class="merge-panel" data-testid="merge-panel">
            <p data-testid="merge-summary">{summary}</p>
            {(from == MergeFrom::File).then(|| view! { <p class="meta">{tr(lang,
                "元の版（二人が作業を始めた版）は、このブラウザの履歴になかったため、ファイルに入っているものを使います。",
                "The starting version was not in this browser's history: the one inside the file is used.")}</p> })}
            {(from == MergeFrom::Nowhere).then(|| view! { <p class="meta" data-testid="merge-no-common">{tr(lang,
                "二人が作業を始めた元の版が、このブラウザの履歴にもファイルにも見つかりません。どちらが変えたかが分からないため、違う箇所はすべて、どちらの内容を残すか選んでください。",
                "The version both started from is neither in this browser's history nor in the file. Who changed what cannot be told, so choose, for every place that differs, which to keep.")}</p> })}
            {(conflicts == 0).then(|| view! { <p class="meta">{tr(lang,
                "競合はありません。両方の変更をすべて残します。",
                "No conflicts: every change from both sides is kept.")}</p> })}
            {(conflicts > 0).then(|| view! {
                <p>{match from {
                    MergeFrom::Nowhere => tr(lang,
                        "箇所ごとに、どちらの内容を残すか選んでください（すべて選ぶまで統合しません）。",
                        "Choose, for each place, which to keep (nothing is merged until every one is chosen)."),
                    _ => tr(lang,
                        "両方で違う内容にした箇所があります。箇所ごとに、どちらの内容を残すか選んでください（すべて選ぶまで統合しません）。",
                        "Some places were changed differently on both sides. Choose, for each, which to keep (nothing is merged until every one is chosen)."),
                }}</p>
                <div class="actions">
                    <button type="button" data-testid="merge-all-ours" on:click=move |_| all(Side::Ours)>{tr(lang, "すべてこのパソコンの内容", "All: this computer's")}</button>
                    <button type="button" data-testid="merge-all-theirs" on:click=move |_| all(Side::Theirs)>{tr(lang, "すべてファイルの内容", "All: the file's")}</button>
                </div>
                <ol class="conflicts" data-testid="conflicts">{cards}</ol>
            })}
            <p class="meta">{tr(lang,
                "統合した結果は新しい版として保存します。今の版は版の履歴とバックアップに残り、「元に戻す」で戻せます。",
                "The merged strategy is saved as a new version; the current one stays in the version history and as a backup (Undo brings it back).")}</p>
        </div>
    }
}

/// What the two sides of a conflict card are called: このパソコン / ファイル for a file,
/// あなた / 佐藤さん for a member of the shared folder.
pub struct SideNames {
    pub ours: String,
    pub theirs: String,
}

/// One card per conflict of `merge`, in order.
pub fn conflict_cards(
    merge: &Merge,
    words: &MergeWords<'_>,
    choices: RwSignal<Vec<Option<Side>>>,
    sides: &SideNames,
) -> Vec<AnyView> {
    merge.conflicts.iter().enumerate().map(|(i, c)| conflict_card(i, c, words, choices, sides).into_any()).collect()
}

/// One conflict: where, what, both versions side by side, and the choice (the words are
/// `words::merge`'s card).
fn conflict_card(
    i: usize,
    c: &Conflict,
    words: &MergeWords<'_>,
    choices: RwSignal<Vec<Option<Side>>>,
    sides: &SideNames,
) -> impl IntoView {
    let Card { heading, lead, ours, theirs } = words.card(c);
    let name = format!("conflict-{i}");
    let side = move |s: Side| {
        let checked = move || choices.with(|c| c.get(i).copied().flatten() == Some(s));
        let choose = move |_| {
            choices.update(|c| {
                if let Some(slot) = c.get_mut(i) {
                    *slot = Some(s);
                }
            })
        };
        (checked, choose)
    };
    let (ours_checked, choose_ours) = side(Side::Ours);
    let (theirs_checked, choose_theirs) = side(Side::Theirs);
    view! {
        <li class="conflict-card" data-testid="conflict-card" class:chosen=move || choices.with(|c| c.get(i).copied().flatten().is_some())>
            <p class="strong" data-testid="conflict-place">{heading}</p>
            <p class="meta" data-testid="conflict-lead">{lead}</p>
            <div class="conflict-sides">
                <label class="conflict-side" class:checked=ours_checked>
                    <input type="radio" name=name.clone() data-testid="conflict-ours" prop:checked=ours_checked on:change=choose_ours/>
                    <span data-testid="conflict-ours-words"><b>{sides.ours.clone()}</b>": "{ours}</span>
                </label>
                <label class="conflict-side" class:checked=theirs_checked>
                    <input type="radio" name=name data-testid="conflict-theirs" prop:checked=theirs_checked on:change=choose_theirs/>
                    <span data-testid="conflict-theirs-words"><b>{sides.theirs.clone()}</b>": "{theirs}</span>
                </label>
            </div>
        </li>
    }
}
