//! The one component that draws a chart: a `charts::Figure` rendered by the page's ECharts, with
//! its accessible name, summary sentence, a "show as table" toggle and "save as PNG".
//!
//! The ECharts instance is created once when the element mounts, updated in place with
//! `setOption` (merge, series replaced) when the figure changes, resized with its box
//! (ResizeObserver), and disposed when the component goes away. ECharts itself is not loaded
//! with the page: the first chart shown adds its script (`load_echarts`), so pages without
//! charts, the start page among them, never download it. The number of live instances
//! is kept on `<html data-live-charts>` so leaks can be seen (and are tested).

use crate::charts::{Figure, Words};
use crate::locale::tr;
use crate::ui::speech::use_words;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (the global `echarts`, from the script `load_echarts` adds).
    type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(dom: &web_sys::HtmlElement, theme: JsValue, opts: &JsValue) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &ECharts, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &ECharts);

    #[wasm_bindgen(method)]
    fn dispose(this: &ECharts);

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &ECharts, opts: &JsValue) -> String;

    #[wasm_bindgen(method)]
    fn on(this: &ECharts, event: &str, handler: &js_sys::Function);
}

/// Whether the page has ECharts (the single file inlines it; otherwise `load_echarts` adds it).
fn echarts_present() -> bool {
    crate::ui::browser::files::global_present("echarts")
}

/// Loads the ECharts script once; index.html names it with a type browsers neither fetch nor run.
async fn load_echarts() -> Result<(), JsValue> {
    crate::ui::browser::files::load_deferred_script("echarts", "echarts.shirube").await
}

static LIVE: AtomicUsize = AtomicUsize::new(0);

fn count_live(delta: isize) {
    let n = if delta >= 0 {
        LIVE.fetch_add(delta as usize, Ordering::SeqCst) + delta as usize
    } else {
        LIVE.fetch_sub(delta.unsigned_abs(), Ordering::SeqCst) - delta.unsigned_abs()
    };
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-live-charts", &n.to_string());
    }
}

/// What lives as long as the chart element: the instance and the callbacks it holds.
struct Live {
    chart: ECharts,
    _observer: Option<web_sys::ResizeObserver>,
    _callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(o) = &self._observer {
            o.disconnect();
        }
        self.chart.dispose();
        count_live(-1);
    }
}

fn json(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// Creates the instance on `el`, with resize-following and, when given, node clicks reported
/// by the clicked data item's `id`.
fn start(el: &web_sys::HtmlElement, on_select: Option<Callback<String>>) -> Result<Live, JsValue> {
    let opts = json(&serde_json::json!({ "renderer": "canvas" }));
    let chart = echarts_init(el, JsValue::NULL, &opts)?;
    count_live(1);
    let mut callbacks: Vec<Closure<dyn FnMut(JsValue)>> = Vec::new();
    let this: &JsValue = chart.as_ref();
    let handle: ECharts = this.clone().unchecked_into();
    let resize = Closure::<dyn FnMut(JsValue)>::new(move |_| handle.resize());
    let observer = web_sys::ResizeObserver::new(resize.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(el);
    }
    callbacks.push(resize);
    if let Some(select) = on_select {
        let click = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let data = js_sys::Reflect::get(&params, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            if let Some(id) = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_string()) {
                select.run(id);
            }
        });
        chart.on("click", click.as_ref().unchecked_ref());
        callbacks.push(click);
    }
    Ok(Live { chart, _observer: observer, _callbacks: callbacks })
}

/// Offers the chart as a PNG download (white background, twice the screen resolution); the
/// file's name.
fn save_png(chart: &ECharts, name: &str) -> Result<String, JsValue> {
    let opts = json(&serde_json::json!({ "type": "png", "pixelRatio": 2, "backgroundColor": "#ffffff" }));
    let url = chart.get_data_url(&opts);
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    let file = crate::ui::browser::files::file_name("", name, "", "png");
    a.set_download(&file);
    a.click();
    Ok(file)
}

/// A chart with its name, summary, table alternative and PNG export. `on_select` receives the
/// id of a clicked node (the hierarchy chart).
#[component]
pub fn ChartView(
    #[prop(into)] figure: Signal<Figure>,
    /// A stable name for tests and styles ("indicator", "status-by-goal" …).
    kind: &'static str,
    #[prop(optional)] on_select: Option<Callback<String>>,
) -> impl IntoView {
    // The app's preferences, or the words of a view shown without the app (the hand-out).
    let words = use_words();
    let lang = move || words.get().lang;
    let el = NodeRef::<Div>::new();
    let live: StoredValue<Option<Live>, LocalStorage> = StoredValue::new_local(None);
    let (show_table, set_show_table) = signal(false);
    let (failed, set_failed) = signal(false);
    let (echarts_ready, set_echarts_ready) = signal(echarts_present());
    if !echarts_ready.get_untracked() {
        leptos::task::spawn_local(async move {
            // The component may be gone by then: try_set does nothing on a disposed signal.
            match load_echarts().await {
                Ok(()) => set_echarts_ready.try_set(true),
                Err(_) => set_failed.try_set(true),
            };
        });
    }

    // Sync the figure into ECharts: create once, then merge updates in place.
    Effect::new(move |_| {
        let option = figure.with(Figure::option);
        let Some(div) = el.get() else { return };
        if !echarts_ready.get() {
            return;
        }
        if live.with_value(Option::is_none) {
            match start(&div, on_select) {
                Ok(l) => live.set_value(Some(l)),
                Err(_) => {
                    set_failed.set(true);
                    return;
                }
            }
        }
        // Handed to ECharts at the next frame, not inside this effect: an edit's other DOM
        // updates (its status, the outline) do not wait for the chart, which was about half of an
        // edit's time with "large" open (`BENCH_PROFILE=edit`). The chart is drawn in that frame.
        request_animation_frame(move || {
            let merge = json(&serde_json::json!({ "replaceMerge": ["series"] }));
            // The chart may have gone meanwhile (its page closed): then there is nothing to draw.
            let _ = live.try_with_value(|l| {
                if let Some(l) = l {
                    if l.chart.set_option(&json(&option), &merge).is_err() {
                        set_failed.try_set(true);
                    }
                }
            });
        });
    });
    on_cleanup(move || live.set_value(None));

    let name = move || figure.with(|f| f.name.clone());
    let summary = move || figure.with(|f| f.summary.clone());
    let label = move || figure.with(|f| format!("{}: {}", f.name, f.summary));
    let table = move || figure.with(|f| figure_table(f, "chart-table", Some("chart-table")));
    // In the app, a notice names the file (the hand-out has no notices).
    let downloads = crate::ui::state::try_use_downloads();
    let png = move |_| {
        let n = name();
        let saved = live.with_value(|l| l.as_ref().map(|l| save_png(&l.chart, &n)));
        match (downloads, saved) {
            (Some(d), Some(Ok(file))) => d.said(Ok(()), file),
            (Some(d), Some(Err(e))) => d.said(Err(crate::ui::browser::files::js_message(&e)), n),
            _ => {}
        }
    };
    view! {
        <figure class="chart" data-chart=kind data-testid="chart">
            <figcaption>
                <span class="chart-name">{name}</span>
                <span class="chart-actions">
                    <button type="button" class="quiet small" data-testid="chart-table-toggle"
                        aria-pressed=move || show_table.get().to_string()
                        on:click=move |_| set_show_table.update(|v| *v = !*v)>
                        {move || if show_table.get() { tr(lang(), "グラフで表示", "Show as chart") } else { tr(lang(), "表で表示", "Show as table") }}
                    </button>
                    <button type="button" class="quiet small" data-testid="chart-png" on:click=png disabled=failed>
                        {move || tr(lang(), "画像として保存（PNG）", "Save as an image (PNG)")}
                    </button>
                </span>
            </figcaption>
            <div class="chart-canvas" node_ref=el role="img" aria-label=label data-testid="chart-canvas"
                class:hidden=move || show_table.get() || failed.get()></div>
            {move || failed.get().then(|| view! {
                <p class="notice warn" role="status">{tr(lang(), "グラフを表示できません。表で表示しています。", "The chart cannot be drawn; it is shown as a table.")}</p>
            })}
            <p class="chart-summary" data-testid="chart-summary">{summary}</p>
            {move || (show_table.get() || failed.get()).then(table)}
        </figure>
    }
}

/// A figure built from the open strategy in the user's words; recomputed when either changes,
/// and only passed on to ECharts when it differs from the last one.
pub fn figure_of(
    build: impl Fn(&crate::model::Strategy, Words) -> Option<Figure> + Send + Sync + 'static,
) -> Memo<Figure> {
    let state = use_speech();
    let open = use_open();
    Memo::new(move |_| {
        let words = Words { lang: state.lang(), years: state.year_style() };
        open.with(|o| o.as_ref().and_then(|s| build(s, words))).unwrap_or_default()
    })
}

/// A figure's table: its name as the caption, the first column as row headings, the rest as
/// numbers (`class`: the page's table style; `testid` when tests look for it).
pub fn figure_table(f: &Figure, class: &'static str, testid: Option<&'static str>) -> impl IntoView {
    let head = f.table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
    let rows = f
        .table
        .rows
        .iter()
        .map(|r| {
            let cells = r
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        view! { <th scope="row">{c.clone()}</th> }.into_any()
                    } else {
                        view! { <td class="num">{c.clone()}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! { <table class=class data-testid=testid><caption>{f.name.clone()}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table> }
}
