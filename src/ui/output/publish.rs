//! 「公開用ページ」 on the files page: the public pages' settings (address, the town's site,
//! header and footer lines, the licence), which items go out (`publish_items`), what the folder
//! will hold and keep in, and 「公開用ページを作る」, which writes the zip with the maker fetched
//! as a part of its own (`ui::formats::publisher`). Every setting is an edit of the strategy: one undo
//! step, autosaved, shared with the other members.

use super::publish_items::PublishItems;
use crate::format::publish::{outline, Withheld};
use crate::model::merge::Kind;
use crate::model::Publication;
use crate::ui::browser::files;
use crate::ui::kit::fields::TextField;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use leptos::prelude::*;

#[component]
pub fn PublishPanel() -> impl IntoView {
    view! {
        <TitledPanel testid="publish" title=("公開用ページ", "Public pages")
            lead=("進捗状況を住民向けのページ（HTML）とオープンデータ（CSV）にまとめた zip を作ります。展開したフォルダを、そのまま町のホームページの好きな場所に載せられます。スクリプトは使わず、JIS X 8341-3 の AA を目標にしています。", "Makes a zip of pages for residents (HTML) and open data (CSV) showing the progress. Upload the unpacked folder to any place on the town's website as it is. The pages use no script and aim at JIS X 8341-3 AA.")>
            <Settings/>
            <PublishItems/>
            <Outline/>
            <MakeButton/>
        </TitledPanel>
    }
}

/// A setting of the publication, read and written through `Publication`.
fn setting(
    state: Edits,
    get: fn(&Publication) -> &String,
    set: fn(&mut Publication, String),
) -> (Signal<String>, Callback<String>) {
    let value = Signal::derive(move || {
        state.open.with(|o| o.as_ref().map(|s| get(&s.publication).clone()).unwrap_or_default())
    });
    let commit = Callback::new(move |v: String| state.edit(|s| set(s.publication_mut(), v.trim().to_owned())));
    (value, commit)
}

/// Says what is wrong with an address that is not http(s) (nothing for an empty one).
fn address_problem(state: Edits, value: Signal<String>) -> Signal<Option<String>> {
    Signal::derive(move || {
        let v = value.get();
        (!v.trim().is_empty() && crate::model::publication::web_address(&v).is_none()).then(|| {
            state
                .tr(
                    "「https://」または「http://」で始まるアドレスを入力してください（このままでは使いません）。",
                    "Enter an address starting with https:// or http:// (this one is not used).",
                )
                .to_owned()
        })
    })
}

#[component]
fn Settings() -> impl IntoView {
    let state = use_edits();
    let label = move |ja: &'static str, en: &'static str| Signal::derive(move || state.tr(ja, en).to_owned());
    let (address, set_address) = setting(state, |p| &p.address, |p, v| p.address = v);
    let (site, set_site) = setting(state, |p| &p.site_url, |p, v| p.site_url = v);
    let (header, set_header) = setting(state, |p| &p.header, |p, v| p.header = v);
    let (footer, set_footer) = setting(state, |p| &p.footer, |p, v| p.footer = v);
    let (licence, set_licence) = setting(state, |p| &p.licence, |p, v| p.licence = v);
    let no_code = move || state.open.with(|o| o.as_ref().is_some_and(|s| s.municipality.code.is_none()));
    view! {
        <div class="publish-settings" data-testid="publish-settings">
            <TextField label=label("公開するアドレス（印刷物の QR コードになります）", "Where the pages will be (the prints carry a QR code to it)")
                value=address on_commit=set_address testid="publish-address" placeholder="https://www.town.example.lg.jp/kpi/"
                problem=address_problem(state, address)/>
            <TextField label=label("町のホームページ（各ページから戻るリンク）", "The town's website (a link back from every page)")
                value=site on_commit=set_site testid="publish-site" placeholder="https://www.town.example.lg.jp/"
                problem=address_problem(state, site)/>
            <TextField label=label("ページ上部の一行", "A line at the top of every page") value=header on_commit=set_header
                testid="publish-header" placeholder="企画課"/>
            <TextField label=label("ページ下部の一行（問い合わせ先など）", "A line at the foot of every page (contact)") value=footer
                on_commit=set_footer testid="publish-footer" placeholder="お問い合わせ：企画課 0123-45-6789"/>
            <TextField label=label("オープンデータのライセンス", "Licence of the open data") value=licence on_commit=set_licence
                testid="publish-licence" placeholder=crate::model::publication::LICENCES.join(" / ")/>
            {move || no_code().then(|| view! {
                <p class="notice" data-testid="publish-no-code">{state.tr(
                    "全国地方公共団体コードがまだありません。オープンデータの1列目が空になります（戦略の編集画面で入力できます）。",
                    "The local-government code is not set: the open data's first column will be empty (set it in the strategy's editor).")}</p>
            })}
        </div>
    }
}

/// What the folder will hold, and what stays in.
#[component]
fn Outline() -> impl IntoView {
    let state = use_edits();
    let shown = Memo::new(move |_| state.open.with(|o| o.as_ref().map(outline)));
    let kind = move |k: Kind| match k {
        Kind::Goal => state.tr("目標", "Goal"),
        Kind::Measure => state.tr("施策", "Measure"),
        Kind::Initiative => state.tr("事業", "Project"),
        _ => state.tr("指標", "Indicator"),
    };
    view! {
        <div class="publish-outline" data-testid="publish-outline">
            {move || shown.get().map(|o| {
                let c = o.published;
                let counts = crate::words::publish::published_counts(c, state.lang());
                view! {
                    <p data-testid="publish-counts">{counts}</p>
                    <p class="hint">{state.tr(
                        "公開しないもの：非公開にした項目と、その下の項目。評価の「補足」、指標の「備考」、実績の注記、ワークショップ、策定スケジュール、版の履歴、共同作業のメンバー名。",
                        "Never published: items marked private and what is under them; evaluations' notes, indicators' remarks, notes on actuals, workshops, the drafting schedule, the version history, members' names.")}</p>
                    {(!o.withheld.is_empty()).then(|| view! {
                        <p>{state.tr("非公開：", "Private:")}</p>
                        <ul data-testid="publish-withheld">
                            {o.withheld.into_iter().map(|Withheld { kind: k, number, title }| view! {
                                <li>{kind(k)}" "{number}" "{title}</li>
                            }).collect_view()}
                        </ul>
                    })}
                }
            })}
        </div>
    }
}

#[component]
fn MakeButton() -> impl IntoView {
    let state = use_edits();
    let exporting = crate::ui::formats::exporters::Exporting::new();
    let (making, failed) = (exporting.busy, exporting.failed);
    let make = move |_| {
        exporting.start(state, |s| {
            let title = format!("{} 公開用ページ", s.title.trim());
            let name = files::file_name(&s.municipality.name, &title, &files::today(), "zip");
            (crate::ui::formats::exporters::Export::PublicPages(files::now()), name)
        })
    };
    view! {
        <p>
            <button type="button" class="primary" data-testid="publish-make" on:click=make disabled=move || making.get()>
                {move || if making.get() { state.tr("作っています…", "Making…") } else { state.tr("公開用ページを作る（zip）", "Make the public pages (zip)") }}
            </button>
        </p>
        {move || failed.get().map(|detail| view! {
            <p class="notice error" role="alert" data-testid="publish-error">
                {state.tr("公開用ページを作れませんでした。戦略は変わっていません。", "The public pages could not be made. The strategy is unchanged.")}
                " "<span class="meta">{detail}</span>
            </p>
        })}
    }
}
