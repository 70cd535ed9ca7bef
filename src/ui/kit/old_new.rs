//! 新旧対照表 on the 履歴 page: two versions chosen (改正後: the current one or a kept one;
//! 改正前: a kept one, also set by 「この版と比べる」 on a row, the drafts kept by name at each stage's
//! end offered first; or another strategy of the library, the previous period's — the one this
//! was carried from by 次期へ引き継ぐ — first as 「前期：…」, `session::compare_with`), and the table
//! between them — 箇所 | 改正後 | 改正前 | 備考, the changed words underlined and bold — with
//! 「Word で書き出す」 (the Word writer's part, fetched on the first press), 「CSV で書き出す」 and
//! 「印刷用に書き出す」 (an A4 landscape HTML page to print). Two strategies with nothing in common
//! get the refusal's words instead of a table. The table's texts are text nodes only.
//! A row changed by a 修正 linked to a version between two of this strategy's versions names
//! the opinions in its 備考 (`reflection::mark`, asked of the history's graph); an opinion's
//! 反映 asks for its change's table ([`AskedComparison`]).

use crate::format::old_new;
use crate::locale::{tr, Language};
use crate::model::compare::{self, Comparison, Piece};
use crate::model::hearing::reflection::{self, End, NoGraph};
use crate::model::{Id, Strategy, VersionId};
use crate::session::compare_with::{self, Other};
use crate::storage::{StorageError, StoredPlace, StoredVersion};
use crate::ui::browser::files;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_library, Facade, Library};
use crate::words;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What 改正前 is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Old {
    /// A kept version of this strategy, by number.
    Version(u64),
    /// Another strategy of the library, as it is now.
    Strategy(Id),
}

impl Old {
    /// The `<option>`'s value: 「v12」 or 「s<id>」 (ids are safe in any text).
    fn value(&self) -> String {
        match self {
            Old::Version(seq) => format!("v{seq}"),
            Old::Strategy(id) => format!("s{id}"),
        }
    }

    fn parse(v: &str) -> Option<Old> {
        match v.split_at_checked(1)? {
            ("v", seq) => seq.parse().ok().map(Old::Version),
            ("s", id) if !id.is_empty() => Some(Old::Strategy(Id::from(id))),
            _ => None,
        }
    }
}

/// A 新旧対照表 asked for from another page (an opinion's 反映: the version before its change
/// and the change's version, `None` the current one), shown when the 履歴 page opens. Provided
/// by the app.
#[derive(Clone, Copy)]
pub struct AskedComparison(pub RwSignal<Option<(Id, u64, Option<u64>)>>);

/// What is chosen and what came of it, shared with the rows' 「この版と比べる」.
#[derive(Clone, Copy)]
pub struct Comparing {
    /// 改正後: `None` for the current version.
    pub new: RwSignal<Option<u64>>,
    /// 改正前.
    pub old: RwSignal<Option<Old>>,
    pub result: RwSignal<Option<Result<Compared, String>>>,
    /// The kept versions' names, by number.
    pub names: RwSignal<Vec<(u64, String)>>,
    /// The library's other strategies, the previous period's first.
    pub others: RwSignal<Vec<Other>>,
}

/// A table made, with the two versions' names and the strategy's title.
#[derive(Clone)]
pub struct Compared {
    pub table: Comparison,
    pub title: String,
    pub municipality: String,
    pub new_name: String,
    pub old_name: String,
    /// The 改正後 version (the Word writer's part takes a strategy).
    pub strategy: Strategy,
}

impl Comparing {
    pub fn new() -> Comparing {
        Comparing {
            new: RwSignal::new(None),
            old: RwSignal::new(None),
            result: RwSignal::new(None),
            names: RwSignal::new(Vec::new()),
            others: RwSignal::new(Vec::new()),
        }
    }

    /// Reads the two chosen versions and compares them.
    pub fn run(self, state: Library, id: Id) {
        let names = self.names.get_untracked();
        let Some(old) = self.old.get_untracked() else { return };
        let new = self.new.get_untracked();
        let lang = state.lang();
        let name = |seq: Option<u64>| match seq {
            None => tr(lang, "現在の版", "The current version").to_owned(),
            Some(s) => names.iter().find(|(n, _)| *n == s).map(|(_, t)| t.clone()).unwrap_or_default(),
        };
        let new_name = name(new);
        let kept_name = match &old {
            Old::Version(seq) => name(Some(*seq)),
            Old::Strategy(_) => String::new(),
        };
        let other = match &old {
            Old::Strategy(other) => self.others.with_untracked(|o| o.iter().find(|o| &o.id == other).cloned()),
            Old::Version(_) => None,
        };
        spawn_local(async move {
            let (o, n, old_name, new_name, behind) = match (&old, other) {
                (Old::Version(seq), _) => {
                    let (o, n) = state.versions().with_next(&id, *seq, new).await;
                    let behind = opinions_behind(state, &id, *seq, new, n.as_ref().ok()).await;
                    (o, n, kept_name, new_name, behind)
                }
                // Across two strategies each name says which strategy it is.
                (Old::Strategy(other_id), other) => {
                    let (o, n) = state.versions().with_other(other_id, &id, new).await;
                    let old_name = match (&other, &o) {
                        (Some(other), _) => words::compared_strategy(other, lang),
                        (None, Ok(o)) => o.title.trim().to_owned(),
                        (None, Err(_)) => String::new(),
                    };
                    let new_name = match &n {
                        Ok(n) => format!("{}（{new_name}）", n.title.trim()),
                        Err(_) => new_name,
                    };
                    (o, n, old_name, new_name, None)
                }
            };
            self.result.set(Some(compared(o, n, (old_name, new_name), behind, lang)));
        });
    }
}

/// What the 備考 names opinions from: the strategy as it is now (its opinions' links, made after
/// their changes), the two versions (`None` for the current one: its time and id) and the
/// history's graph; none when a version is not in the history.
struct Behind {
    now: Strategy,
    old: (String, Option<VersionId>),
    new: Option<(String, Option<VersionId>)>,
    place: Option<StoredPlace>,
}

async fn opinions_behind(
    state: Library,
    id: &Id,
    old: u64,
    new: Option<u64>,
    current: Option<&Strategy>,
) -> Option<Behind> {
    let list = state.versions().list(id).await.ok()?;
    let at = |seq: u64| list.iter().find(|v| v.seq == seq).map(|v| (v.saved_at.clone(), v.id));
    let now = match (new, current) {
        (None, Some(s)) => s.clone(),
        _ => state.versions().current(id).await.ok()?.0,
    };
    let new = match new {
        Some(seq) => Some(at(seq)?),
        None => None,
    };
    let place = state.versions().place(id).await.ok();
    Some(Behind { now, old: at(old)?, new, place })
}

impl Behind {
    fn mark(&self, table: &mut Comparison) {
        fn end((at, id): &(String, Option<VersionId>)) -> End<'_> {
            End { saved_at: at.as_str(), id: *id }
        }
        let ends = (end(&self.old), self.new.as_ref().map(end));
        match &self.place {
            Some(place) => reflection::mark(table, &self.now, ends, &place.stand),
            None => reflection::mark(table, &self.now, ends, &NoGraph),
        }
    }
}

/// The table between the two read, or why there is none.
fn compared(
    o: Result<Strategy, StorageError>,
    n: Result<Strategy, StorageError>,
    (old_name, new_name): (String, String),
    behind: Option<Behind>,
    lang: Language,
) -> Result<Compared, String> {
    match (o, n) {
        (Ok(o), Ok(n)) => match compare::compare(&o, &n) {
            Ok(mut table) => Ok(Compared {
                table: {
                    if let Some(behind) = &behind {
                        behind.mark(&mut table);
                    }
                    table
                },
                title: n.title.clone(),
                municipality: n.municipality.name.clone(),
                new_name,
                old_name,
                strategy: n,
            }),
            Err(r) => Err(words::old_new_refusal(r, lang).to_owned()),
        },
        (Err(e), _) | (_, Err(e)) => Err(words::storage_error(&e, lang)),
    }
}

/// The two selects, the button and the table; the library's other strategies come from the
/// open strategy (whose origin is offered first).
#[component]
pub fn OldNewTable(id: Id, versions: Vec<StoredVersion>, comparing: Comparing) -> impl IntoView {
    let state = use_library();
    let lang = state.lang();
    // The drafts kept by name at each stage's end first: those are what a 新旧対照表 is asked between.
    // Before them, the versions a hearing heard, by the hearing: 「策定会議（令和8年12月10日）で示した骨子案」.
    let style = state.year_style();
    let heard: Vec<(u64, String)> = crate::ui::state::use_open().with_untracked(|o| {
        o.as_ref()
            .map(|s| {
                s.hearings
                    .iter()
                    .filter_map(|h| {
                        let link = h.heard.as_ref()?;
                        let v = versions.iter().find(|v| v.saved_at == link.saved_at)?;
                        Some((v.seq, words::hearing::heard_version_name(h, lang, style)))
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let names: Vec<(u64, String)> = heard
        .iter()
        .cloned()
        .chain(
            crate::storage::named_first(&versions)
                .into_iter()
                .filter(|v| !heard.iter().any(|(seq, _)| *seq == v.seq))
                .map(|v| match v.label.as_deref().filter(|_| v.is_named()) {
                    Some(name) => (v.seq, format!("{name} ・ {}", files::local_time(&v.saved_at))),
                    None => (v.seq, format!("{} 「{}」", files::local_time(&v.saved_at), v.title)),
                }),
        )
        .collect();
    let others = crate::ui::state::use_open().with_untracked(|o| {
        o.as_ref().map(|s| state.summaries.with_untracked(|l| compare_with::others(s, l))).unwrap_or_default()
    });
    comparing.names.set(names.clone());
    comparing.others.set(others.clone());
    if comparing.old.get_untracked().is_none() {
        let previous = others.iter().find(|o| o.previous).map(|o| Old::Strategy(o.id.clone()));
        let first = names.first().map(|(s, _)| Old::Version(*s));
        let heard = heard.first().map(|(s, _)| Old::Version(*s));
        comparing.old.set(heard.or(previous).or(first).or_else(|| others.first().map(|o| Old::Strategy(o.id.clone()))));
    }
    // A comparison asked from an opinion's 反映: shown at once.
    if let Some(AskedComparison(asked)) = use_context::<AskedComparison>() {
        if let Some((_, old, new)) = asked.get_untracked().filter(|(s, _, _)| *s == id) {
            asked.set(None);
            comparing.old.set(Some(Old::Version(old)));
            comparing.new.set(new);
            comparing.run(state, id.clone());
        }
    }
    let parse = |v: String| v.parse::<u64>().ok();
    let option = move |old: Old, text: String| {
        let value = old.value();
        view! { <option value=value selected=move || comparing.old.with(|o| o.as_ref() == Some(&old))>{text}</option> }
    };
    let (previous, rest): (Vec<Other>, Vec<Other>) = others.into_iter().partition(|o| o.previous);
    let previous = previous
        .into_iter()
        .map(|o| option(Old::Strategy(o.id.clone()), words::compared_strategy(&o, lang)))
        .collect_view();
    // The versions heard come before the previous period's strategy, the other kept ones after it.
    let (heard_first, kept_after) = names.split_at(heard.len());
    let heard_options = heard_first.iter().map(|(seq, n)| option(Old::Version(*seq), n.clone())).collect_view();
    let kept = kept_after.iter().map(|(seq, n)| option(Old::Version(*seq), n.clone())).collect_view();
    let rest = (!rest.is_empty()).then(|| {
        let options = rest
            .into_iter()
            .map(|o| option(Old::Strategy(o.id.clone()), words::compared_strategy(&o, lang)))
            .collect_view();
        view! { <optgroup label=tr(lang, "別の戦略", "Other strategies")>{options}</optgroup> }
    });
    let new_options = names;
    view! {
        <section class="panel" data-testid="old-new" aria-labelledby="old-new-title">
            <h2 id="old-new-title">{tr(lang, "新旧対照表", "Comparison table (新旧対照表)")}</h2>
            <p class="meta">{tr(lang, "二つの版を選ぶと、変わった箇所だけを 改正後 | 改正前 | 備考 の表にします。変わった文字には下線と太字が付きます。改正前には、前期の戦略（次期へ引き継いだ元）や別の戦略も選べます。", "Choose two versions: only what changed is listed, as new | old | note, with the changed words underlined and bold. The old side can also be the previous period's strategy (the one this was carried from) or another strategy.")}</p>
            <div class="row-actions">
                <label>{tr(lang, "改正後", "New")}" "
                    <select data-testid="old-new-new" on:change=move |ev| comparing.new.set(parse(event_target_value(&ev)))>
                        <option value="current" selected=move || comparing.new.get().is_none()>{tr(lang, "現在の版", "The current version")}</option>
                        {new_options.into_iter().map(|(seq, n)| view! { <option value=seq.to_string() selected=move || comparing.new.get() == Some(seq)>{n}</option> }).collect_view()}
                    </select>
                </label>
                <label>{tr(lang, "改正前", "Old")}" "
                    <select data-testid="old-new-old" on:change=move |ev| comparing.old.set(Old::parse(&event_target_value(&ev)))>
                        {heard_options}{previous}{kept}{rest}
                    </select>
                </label>
                <button type="button" data-testid="old-new-run" on:click=move |_| comparing.run(state, id.clone())>{tr(lang, "比べる", "Compare")}</button>
            </div>
            {move || comparing.result.get().map(|r| match r {
                Err(e) => view! { <p class="error" role="alert" data-testid="old-new-refused">{e}</p> }.into_any(),
                Ok(c) => view! { <Shown compared=c/> }.into_any(),
            })}
        </section>
    }
}

/// The table made, and its two downloads.
#[component]
fn Shown(compared: Compared) -> impl IntoView {
    let state = use_library();
    let lang = state.lang();
    let style = state.year_style();
    let lines = old_new::lines(&compared.table, style);
    if lines.is_empty() {
        return view! { <p class="lead" data-testid="old-new-none">{tr(lang, "二つの版に違いはありません。", "The two versions do not differ.")}</p> }.into_any();
    }
    let c = StoredValue::new(compared);
    let csv = move |_| {
        c.with_value(|c| {
            let name =
                files::file_name(&c.municipality, &format!("{}_新旧対照表", c.title.trim()), &files::today(), "csv");
            state.downloads().csv(name, &old_new::csv(&c.table, style));
        })
    };
    let print = move |_| {
        c.with_value(|c| {
            let name =
                files::file_name(&c.municipality, &format!("{}_新旧対照表", c.title.trim()), &files::today(), "html");
            let page = old_new::html_page(&c.title, &c.new_name, &c.old_name, &c.table, style);
            state.downloads().save(name, "text/html;charset=utf-8", &page);
        })
    };
    let writing = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let word = move |_| {
        if writing.get_untracked() {
            return;
        }
        let Some((s, doc, name)) = c.with_value(|c| {
            let name =
                files::file_name(&c.municipality, &format!("{}_新旧対照表", c.title.trim()), &files::today(), "docx");
            let doc = crate::ui::formats::document_writer::OldNewDocument {
                table: c.table.clone(),
                title: c.title.clone(),
                new_name: c.new_name.clone(),
                old_name: c.old_name.clone(),
                style,
            };
            Some((c.strategy.clone(), doc, name))
        }) else {
            return;
        };
        writing.set(true);
        failed.set(None);
        spawn_local(async move {
            files::next_frame().await;
            let written = crate::ui::formats::exporters::write(
                s,
                crate::ui::formats::exporters::Export::Document(crate::ui::formats::document_writer::Document::OldNew(
                    Box::new(doc),
                )),
            )
            .await;
            let _ = writing.try_set(false);
            match written {
                Some(Ok(bytes)) => state.downloads().docx(name, &bytes),
                Some(Err(e)) => {
                    let _ = failed.try_set(Some(e));
                }
                None => {
                    let _ = failed.try_set(Some("no writer: the app is not running".to_owned()));
                }
            }
        });
    };
    let count = words::old_new_count(lines.len(), lang);
    view! {
        <p class="meta" role="status">{count}</p>
        <div class="row-actions">
            <button type="button" data-testid="old-new-docx" on:click=word disabled=move || writing.get()>
                {move || if writing.get() {
                    tr(lang, "Word の文書を作っています…", "Making the Word document…")
                } else {
                    tr(lang, "Word で書き出す", "Export as Word")
                }}
            </button>
            <button type="button" data-testid="old-new-csv" on:click=csv>{tr(lang, "CSV で書き出す", "Export as CSV")}</button>
            <button type="button" data-testid="old-new-print" on:click=print>{tr(lang, "印刷用に書き出す（HTML）", "Export for printing (HTML)")}</button>
        </div>
        {move || failed.get().map(|detail| view! {
            <p class="notice error" role="alert" data-testid="old-new-docx-error">
                {tr(lang, "Word の文書を作れませんでした。戦略は変わっていません。", "The Word document could not be made. The strategy is unchanged.")}
                " "<span class="meta">{detail}</span>
            </p>
        })}
        <div class="table-wrap">
            <table class="old-new" data-testid="old-new-table">
                <thead><tr>
                    <th scope="col">{tr(lang, "箇所", "Where")}</th>
                    <th scope="col">{tr(lang, "改正後", "New")}</th>
                    <th scope="col">{tr(lang, "改正前", "Old")}</th>
                    <th scope="col">{tr(lang, "備考", "Note")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr>
                            <th scope="row"><bdi>{l.place}</bdi></th>
                            <td>{pieces(l.new)}</td>
                            <td>{pieces(l.old)}</td>
                            <td>{l.note}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One column's text: the changes underlined and bold, as text nodes.
fn pieces(ps: Vec<Piece>) -> impl IntoView {
    ps.into_iter()
        .map(|p| match p {
            Piece::Same(s) => view! { <bdi>{s}</bdi> }.into_any(),
            Piece::Changed(s) => view! { <u><strong><bdi>{s}</bdi></strong></u> }.into_any(),
            Piece::Omitted => view! { <span>"（略）"</span> }.into_any(),
        })
        .collect_view()
}
