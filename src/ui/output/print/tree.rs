//! 「施策体系図」 on A4: the tree 基本目標 → 施策 → 事業 drawn as the Word document and the public
//! pages draw it (`format::measure_tree`'s figures, a figure per goal), black on white, each
//! figure an SVG named and described in words. The SVG is built as elements, its texts as text
//! nodes.

use super::common::Toolbar;
use crate::format::measure_tree::{self, TreeColumn, TreeFigure};
use crate::locale::tr;
use crate::model::Id;
use crate::session::route::Report;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::prelude::*;

#[component]
pub fn TreeReport(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let body = move || {
        let lang = state.lang();
        open.with(|o| {
            o.as_ref().map(|s| {
                let figures = measure_tree::figures(s);
                let empty = figures.is_empty().then(|| {
                    view! { <p class="empty" data-testid="print-empty">{tr(lang, "基本目標がありません。", "There are no goals.")}</p> }
                });
                view! {
                    <header class="report-head">
                        <h1>{format!("{}　施策体系図", s.title.trim())}</h1>
                    </header>
                    {empty}
                    {figures.into_iter().enumerate().map(|(k, f)| figure(k + 1, f)).collect_view()}
                }
            })
        })
    };
    view! {
        <Toolbar id=id report=Report::Tree>""</Toolbar>
        <article class="print-report paper" data-testid="print-report" data-report="tree">{body}</article>
    }
}

fn n(v: f64) -> String {
    format!("{:.1}", v)
}

/// One figure: the goal's box thick-lined and shaded, the measures' plain, the initiatives'
/// dashed, the lines between them.
pub(super) fn figure(k: usize, f: TreeFigure) -> impl IntoView {
    let (title_id, desc_id) = (format!("tree{k}-title"), format!("tree{k}-desc"));
    let labelled = format!("{title_id} {desc_id}");
    let view_box = format!("0 0 {} {}", n(measure_tree::WIDTH + 2.0), n(f.height + 2.0));
    let (line, pad) = (measure_tree::LINE, measure_tree::PAD);
    let lines = f
        .segments
        .iter()
        .map(|s| view! { <line x1=n(s.x1) y1=n(s.y1) x2=n(s.x2) y2=n(s.y2) stroke="#000" stroke-width="1"></line> })
        .collect_view();
    let boxes = f
        .nodes
        .into_iter()
        .map(|b| {
            let (fill, width, dash) = match b.level {
                TreeColumn::Goal => ("#e6e6e6", "2", None),
                TreeColumn::Measure => ("#fff", "1", None),
                TreeColumn::Initiative => ("#fff", "0.8", Some("3 2")),
            };
            let texts = b
                .lines
                .into_iter()
                .enumerate()
                .map(|(i, t)| view! { <text x=n(b.x + pad) y=n(b.y + pad + line * (i as f64 + 0.78)) fill="#000">{t}</text> })
                .collect_view();
            view! {
                <rect x=n(b.x) y=n(b.y) width=n(b.width) height=n(b.height) fill=fill stroke="#000" stroke-width=width stroke-dasharray=dash></rect>
                {texts}
            }
        })
        .collect_view();
    view! {
        <figure class="measure-tree" data-testid="print-tree-figure">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox=view_box role="img" aria-labelledby=labelled
                font-size=n(measure_tree::FONT) font-family="'BIZ UDPGothic','Yu Gothic','Noto Sans JP',sans-serif">
                <title id=title_id>{f.title}</title>
                <desc id=desc_id>{f.description}</desc>
                <g transform="translate(1 1)">{lines}{boxes}</g>
            </svg>
        </figure>
    }
}
