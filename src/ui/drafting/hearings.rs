//! 「意見聴取」 on the 策定 page: a hearing added for the strategy's current stage (策定会議, 懇談会,
//! 議会, パブリックコメント or a body the town names, and when), and every hearing listed, the
//! current stage's first, with the stage its opinions belong to, its counts and its opinions
//! (`opinions`) — typed, pasted, or from its workbook (`opinion_book`); a hearing is deleted with its opinions after a question.

use super::opinions::HearingOpinions;
use crate::locale::tr;
use crate::model::hearing::Publish;
use crate::model::{Hearing, HearingBody, Id};
use crate::ui::kit::fields::{SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use crate::words::hearing::{counts, hearing_name};
use leptos::prelude::*;

#[component]
pub fn Hearings(state: Edits) -> impl IntoView {
    let ids = Memo::new(move |_| {
        state.open.with(|o| {
            let Some(s) = o.as_ref() else { return Vec::new() };
            let (now, before): (Vec<&Hearing>, Vec<&Hearing>) = s.hearings.iter().partition(|h| h.stage == s.stage);
            now.into_iter().chain(before).map(|h| h.id.clone()).collect::<Vec<Id>>()
        })
    });
    view! {
        <section class="panel hearings" data-testid="hearings">
            <h2>{state.text("意見聴取", "Hearings")}</h2>
            <p>{state.text(
                "案を聴いた会議・手続と、そこで出た意見、市の考え方と対応を記録します。意見は聴いた段階に属します。提出者の名前は外に出ません。",
                "The bodies that heard a draft, the opinions heard, and the town's answers. Opinions belong to the stage they were heard on. Senders' names never go out.")}</p>
            <AddHearing state=state/>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <HearingCard state=state id=id/>
            </For>
        </section>
    }
}

/// The form that adds a hearing of the current stage.
#[component]
fn AddHearing(state: Edits) -> impl IntoView {
    let body = RwSignal::new(HearingBody::PublicComment.key().to_owned());
    let other = RwSignal::new(String::new());
    let when = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        let lang = state.lang();
        let mut o: Vec<(String, String)> = HearingBody::NAMED
            .iter()
            .map(|b| (b.key().to_owned(), tr(lang, b.japanese(), b.english()).to_owned()))
            .collect();
        o.push(("other".into(), tr(lang, "その他（名称を入力）", "Other (type its name)").into()));
        o
    });
    let add = move |_| {
        let Some(b) = HearingBody::from_key(&body.get_untracked(), &other.get_untracked()) else { return };
        if matches!(&b, HearingBody::Other(w) if w.is_empty()) {
            return;
        }
        let when = when.get_untracked();
        // The hearing records the version it hears: the one stored once it is added (the
        // officer can choose another on its card).
        let mut added = None;
        state.edit(|s| added = Some(s.add_hearing(Hearing::new(s.stage, b, &when))));
        if let Some(id) = added {
            state.link_heard(id);
        }
        other.set(String::new());
    };
    view! {
        <div class="add-hearing" data-testid="hearing-add-form">
            <SelectField label=Signal::derive(move || tr(state.lang(), "会議・手続", "Body").to_string()) options=options
                value=body on_commit=Callback::new(move |v| body.set(v)) testid="hearing-body"/>
            {move || (body.get() == "other").then(|| view! {
                <TextField label=Signal::derive(move || tr(state.lang(), "名称", "Name").to_string()) value=other
                    on_commit=Callback::new(move |v| other.set(v)) testid="hearing-other"/>
            })}
            <TextField label=Signal::derive(move || tr(state.lang(), "時期（日付または「12月議会」など）", "When (a date, or words)").to_string())
                value=when on_commit=Callback::new(move |v| when.set(v)) testid="hearing-when"/>
            <button type="button" class="button" data-testid="hearing-add" on:click=add>
                {state.text("この段階の意見聴取を加える", "Add a hearing of this stage")}
            </button>
        </div>
    }
}

/// One hearing: its name, counts, a パブリックコメント's period and 提出者数, and its opinions.
#[component]
fn HearingCard(state: Edits, id: Id) -> impl IntoView {
    let key = id.clone();
    let hearing = Memo::new(move |_| state.open.with(|o| o.as_ref().and_then(|s| s.hearing(&key).cloned())));
    let key = id.clone();
    let line = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.hearing_counts(&key))));
    let set = move |f: fn(&mut Hearing, String)| {
        let id = id.clone();
        Callback::new(move |v: String| {
            let id = id.clone();
            state.edit(move |s| {
                if let Some(h) = s.hearing_mut(&id) {
                    f(h, v)
                }
            })
        })
    };
    let period = |h: &Hearing, to: bool| {
        h.period.as_ref().map(|p| if to { p.to.clone() } else { p.from.clone() }).unwrap_or_default()
    };
    let set_publish = set(|h, v| {
        h.publish = match v.as_str() {
            "out" => Some(Publish::Out),
            "in" => Some(Publish::In),
            _ => None,
        }
    });
    let (set_from, set_to, set_count) = (
        set(|h, v| h.period.get_or_insert_with(Default::default).from = v.trim().to_owned()),
        set(|h, v| h.period.get_or_insert_with(Default::default).to = v.trim().to_owned()),
        set(|h, v| h.submitters = crate::model::half_width(&v).trim().parse().ok()),
    );
    move || {
        let h = hearing.get()?;
        let lang = state.lang();
        let public = h.body == HearingBody::PublicComment;
        let id = h.id.clone();
        Some(view! {
            <article class="hearing" data-testid="hearing">
                <h3 data-testid="hearing-name">{hearing_name(&h, lang)}</h3>
                <p class="meta" data-testid="hearing-stage">{crate::words::hearing::heard_on(h.stage, lang)}</p>
                <p data-testid="hearing-counts">{move || line.get().map(|c| counts(&c, lang))}</p>
                <super::heard::HeardVersion state=state hearing=id.clone()/>
                <SelectField label=Signal::derive(move || tr(state.lang(), "意見を公表ページに載せるか", "Do its opinions go on the public pages").to_string())
                    options=Signal::derive(move || {
                        let lang = state.lang();
                        let undecided = match hearing.get().is_some_and(|h| h.body == HearingBody::PublicComment) {
                            true => tr(lang, "載せる（パブリックコメントの既定）", "Yes (a public comment's default)"),
                            false => tr(lang, "まだ決めていません（載せません）", "Not decided yet (they stay in)"),
                        };
                        vec![
                            (String::new(), undecided.to_owned()),
                            ("out".to_owned(), tr(lang, "載せる", "Yes").to_owned()),
                            ("in".to_owned(), tr(lang, "載せない", "No").to_owned()),
                        ]
                    })
                    value=Signal::derive(move || match hearing.get().and_then(|h| h.publish) {
                        Some(Publish::Out) => "out".to_owned(),
                        Some(Publish::In) => "in".to_owned(),
                        None => String::new(),
                    })
                    on_commit=set_publish testid="hearing-publish"/>
                {h.asks_to_publish().then(|| view! {
                    <p class="notice warning" data-testid="hearing-publish-ask">
                        {tr(lang, "会議の意見は、公表するか決めるまで公表ページに載りません。", "A meeting's opinions stay off the public pages until you decide.")}
                    </p>
                })}
                <super::confirm::AskFirst state=state testid="hearing-delete"
                    label=Signal::derive(move || tr(state.lang(), "この意見聴取を削除…", "Delete this hearing…").to_owned())
                    question=Signal::derive(move || match (state.lang(), line.get().map(|c| c.opinions).unwrap_or(0)) {
                        (crate::locale::Language::Ja, n) => format!("この意見聴取と、その意見 {n}件を削除します（元に戻すで戻せます）。"),
                        (crate::locale::Language::En, n) => format!("This hearing and its {n} opinions are deleted (Undo brings them back)."),
                    })
                    yes=Signal::derive(move || tr(state.lang(), "削除する", "Delete").to_owned())
                    on_yes=Callback::new({ let id = id.clone(); move |()| { let id = id.clone(); state.try_edit(move |s| s.remove_hearing(&id)) } })/>
                {public.then(|| view! {
                    <div class="comment-period">
                        <TextField label=Signal::derive(move || tr(lang, "意見募集期間（開始）", "Comment period from").to_string())
                            value=Signal::derive(move || hearing.get().map(|h| period(&h, false)).unwrap_or_default()) on_commit=set_from testid="hearing-from"/>
                        <TextField label=Signal::derive(move || tr(lang, "意見募集期間（終了）", "Comment period to").to_string())
                            value=Signal::derive(move || hearing.get().map(|h| period(&h, true)).unwrap_or_default()) on_commit=set_to testid="hearing-to"/>
                        <TextField label=Signal::derive(move || tr(lang, "提出者数（空欄なら提出者から数えます）", "Senders (blank: counted)").to_string())
                            value=Signal::derive(move || hearing.get().and_then(|h| h.submitters).map(|n| n.to_string()).unwrap_or_default())
                            on_commit=set_count testid="hearing-submitters"/>
                    </div>
                })}
                <super::opinion_book::OpinionWorkbook state=state hearing=id.clone()/>
                <HearingOpinions state=state hearing=id/>
            </article>
        })
    }
}
