//! The arithmetic of the benchmark: median and p95 of samples, ratios, the budgets each figure is
//! held to, and the printed table. Input is what `tests/bench/run.mjs` measured in Chromium.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The median (mean of the two middle values for an even count); None for no samples.
pub fn median(samples: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// The 95th percentile by nearest rank: the smallest sample with at least 95 % of the samples
/// at or below it.
pub fn p95(samples: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((0.95 * v.len() as f64).ceil() as usize).clamp(1, v.len());
    Some(v[rank - 1])
}

/// The largest sample; None for no samples.
pub fn maximum(samples: &[f64]) -> Option<f64> {
    samples.iter().copied().filter(|x| x.is_finite()).max_by(f64::total_cmp)
}

pub fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

/// The median of `a[i] / b[i]`: each pair measured in one page (an import and JSON.parse of the
/// same file), so that what slows a whole page (another core busy, a collection) counts on both
/// sides. None unless both have the same number of samples.
pub fn paired_ratio(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() {
        return None;
    }
    let ratios: Vec<f64> = a.iter().zip(b).filter_map(|(&a, &b)| ratio(Some(a), Some(b))).collect();
    median(&ratios)
}

/// What the browser run measured.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Raw {
    pub machine: BTreeMap<String, serde_json::Value>,
    /// Every file of dist/: (name, raw bytes, gzip -9 bytes).
    pub files: Vec<FileSize>,
    /// The files the first visit loaded.
    pub first_visit: Vec<String>,
    /// The files a visit fetched that went on from the list to a strategy and its dashboard.
    #[serde(default)]
    pub dashboard_visit: Vec<String>,
    /// Samples per figure, in milliseconds (or bytes for memory).
    pub samples: BTreeMap<String, Vec<f64>>,
    /// Why a figure has no samples (e.g. the feature it measures is not built yet).
    #[serde(default)]
    pub missing: BTreeMap<String, String>,
    /// What a figure is of, beside it (e.g. the merge's counts of changes and conflicts).
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// Reads run.mjs's raw.json. A sample that is not a number (a null: a measure the page did not
/// give, as an older run.mjs wrote it) is left out and its figure listed as missing with that
/// reason, so that the report is still made.
pub fn read_raw(text: &str) -> Result<Raw, serde_json::Error> {
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    let mut gave_none = Vec::new();
    if let Some(samples) = value.get_mut("samples").and_then(serde_json::Value::as_object_mut) {
        for (key, series) in samples.iter_mut() {
            if let Some(list) = series.as_array_mut() {
                let before = list.len();
                list.retain(serde_json::Value::is_number);
                if list.len() < before {
                    gave_none.push((key.clone(), before - list.len(), before));
                }
            }
        }
    }
    let mut raw: Raw = serde_json::from_value(value)?;
    for (key, none, of) in gave_none {
        raw.missing.entry(key).or_insert_with(|| format!("not measured ({none} of {of} samples not a number)"));
    }
    Ok(raw)
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct FileSize {
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Measurement {
    pub name: String,
    pub unit: &'static str,
    pub n: usize,
    pub median: Option<f64>,
    pub p95: Option<f64>,
    /// The value held to the budget (median, p95 or a ratio) and the budget.
    pub budget: Option<(f64, &'static str)>,
    pub met: Option<bool>,
    pub note: Option<String>,
    /// Why the figure has no value: the reason run.mjs gave (`Raw::missing`), or what it is
    /// computed from that is missing. None when it has a value, or when it does not apply (its
    /// note says why: huge's refusal when huge was imported).
    pub missing: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    pub machine: BTreeMap<String, serde_json::Value>,
    pub files: Vec<FileSize>,
    pub figures: Vec<Measurement>,
}

/// 人口ビジョン in Chromium (`visionBench`): the page drawn, and the four scenarios in it; the
/// region's visions (`regionVisionBench`).
fn vision_figures(raw: &Raw) -> Vec<Measurement> {
    vec![
        figure(
            raw,
            "vision_page",
            "人口ビジョン drawn (a made-up town's four scenarios): click → four charts",
            "ms",
            Some((200.0, Held::Median)),
        ),
        figure(
            raw,
            "vision_four_scenarios",
            "  the four scenarios projected to 2070, in the page",
            "ms",
            Some((20.0, Held::Median)),
        ),
        // The region's towns with visions (`regionVisionBench`): the app's measure of every
        // town's scenarios projected and grouped, and the page until its tables are drawn.
        figure(
            raw,
            "visions_region",
            "region: every town's vision projected and grouped (人口ビジョン（管内）, app's measure)",
            "ms",
            Some((500.0, Held::Median)),
        ),
        single_or(
            "  … the slowest (max)",
            "ms",
            maximum(raw.samples.get("visions_region").map(Vec::as_slice).unwrap_or(&[])),
            None,
            None,
            why_none(raw, &["visions_region"]),
        ),
        figure(raw, "visions_region_page", "  navigation → every town's row and the 管内 totals drawn", "ms", None),
    ]
}

/// The shared folder: ten members' files of large, each with edits of its own, then of the
/// town size.
fn folder_figures(raw: &Raw) -> Vec<Measurement> {
    vec![
        figure(
            raw,
            "folder_sync_large",
            "shared folder: 10 members' files of large, 今すぐ同期 → all merged and shown",
            "ms",
            Some((2000.0, Held::Median)),
        ),
        figure(raw, "folder_sync_large_read", "  the reading (session::folder, waits included)", "ms", None),
        figure(raw, "folder_sync_large_thread", "  … of it on the page's thread", "ms", None),
        figure(
            raw,
            "folder_sync_large_longest_task",
            "  the page's longest task meanwhile (longtask)",
            "ms",
            Some((100.0, Held::P95)),
        ),
        figure(raw, "folder_sync_large_open", "  … the longest file's reading (format::open, 16.8 MB)", "ms", None),
        figure(raw, "folder_sync_large_merge", "  … the longest merge (model::merge)", "ms", None),
        figure(
            raw,
            "folder_quiet_poll_large",
            "shared folder: the same 10 files again, nothing changed: 今すぐ同期 → shown",
            "ms",
            Some((50.0, Held::Median)),
        ),
        figure(raw, "folder_quiet_poll_large_read", "  the reading (the files' tops only)", "ms", None),
        figure(
            raw,
            "folder_sync_town",
            "shared folder: 10 members' files of the town size, 今すぐ同期 → all merged and shown",
            "ms",
            Some((250.0, Held::Median)),
        ),
        figure(raw, "folder_sync_town_thread", "  … of it on the page's thread", "ms", None),
    ]
}

/// The year's round: 照会・共同作業 with "large" and 20 sections; 20 sections' returned
/// workbooks of the town size read back at once.
fn round_figures(raw: &Raw) -> [Measurement; 3] {
    [
        figure(
            raw,
            "round_status_large",
            "照会・共同作業 with large: the 入力状況 table drawn",
            "ms",
            Some((200.0, Held::Median)),
        ),
        figure(
            raw,
            "round_books_town",
            "20 sections' workbooks of the town size read back at once: picked → preview",
            "ms",
            Some((2000.0, Held::Median)),
        ),
        figure(raw, "round_books_town_cold", "  the first pick, the reader's wasm part fetched too", "ms", None),
    ]
}

/// The drafting round's outputs of large: the strategy's document (Word) and a 新旧対照表 between
/// two versions, on screen and as Word.
fn drafting_figures(raw: &Raw) -> [Measurement; 7] {
    [
        figure(
            raw,
            "document_large",
            "the document of large (Word): clicked → download offered (warm)",
            "ms",
            Some((2000.0, Held::Median)),
        ),
        figure(raw, "document_large_write", "  writing it (format::document, wasm)", "ms", None),
        figure(raw, "document_large_cold", "  the first click, the writer's wasm part fetched too", "ms", None),
        figure(
            raw,
            "old_new_large",
            "新旧対照表 between two versions of large: この版と比べる → the table drawn",
            "ms",
            Some((1000.0, Held::Median)),
        ),
        figure(raw, "old_new_docx_large", "  its Word file: clicked → download offered (warm)", "ms", None),
        figure(raw, "old_new_docx_large_write", "  writing it (wasm)", "ms", None),
        figure(raw, "document_large_bytes", "  the document's .docx", "B", None),
    ]
}

/// The files page's exports of large: the committee's workbook, and the public pages (公開用ページ)
/// made and zipped, with 北本市's folder.
fn export_figures(raw: &Raw) -> Vec<Measurement> {
    vec![
        // The committee's workbook.
        figure(raw, "workbook_large", "committee workbook of large: clicked → download offered (warm)", "ms", None),
        figure(raw, "workbook_large_write", "  writing it (format::xlsx, wasm)", "ms", None),
        figure(raw, "workbook_large_cold", "  the first click, the writer's wasm part fetched too", "ms", None),
        figure(
            raw,
            "publish_large",
            "public pages of large: clicked → zip offered (warm)",
            "ms",
            Some((PUBLISH_BUDGET_MS, Held::Median)),
        ),
        figure(raw, "publish_large_make", "  making the folder and the zip (format::publish, wasm)", "ms", None),
        figure(raw, "publish_large_cold", "  the first click, the maker's wasm part fetched too", "ms", None),
        figure(raw, "publish_large_bytes", "  the zip of large", "B", None),
        figure(
            raw,
            "publish_kitamoto_bytes",
            "  the unpacked folder of 北本市",
            "B",
            Some((PUBLISH_KITAMOTO_BUDGET_BYTES, Held::Median)),
        ),
    ]
}

/// Where a visit's time went (`tests/bench/run.mjs`, `visitBreakdown`), under `key_…`.
fn breakdown(raw: &Raw, key: &str) -> Vec<Measurement> {
    let rows: [(&str, &str, &'static str); 8] = [
        ("parts_files", "  wasm files fetched", " files"),
        ("parts_bytes", "  … their bytes as served (uncompressed here)", "B"),
        ("parts_from", "  … first fetched at", "ms"),
        ("parts", "  … first fetch → last instantiated", "ms"),
        ("open_from", "  strategy opened from", "ms"),
        ("open", "  … opening: IndexedDB read + decoding", "ms"),
        ("open_decode", "  … of which decoding (the page's thread)", "ms"),
        ("draw", "  opened → drawn", "ms"),
    ];
    rows.iter().map(|(part, name, unit)| figure(raw, &format!("{key}_{part}"), name, unit, None)).collect()
}

/// A figure from a sample series; `held` picks which statistic a budget applies to.
fn figure(raw: &Raw, key: &str, name: &str, unit: &'static str, budget: Option<(f64, Held)>) -> Measurement {
    let samples = raw.samples.get(key).map(Vec::as_slice).unwrap_or(&[]);
    let (median, p95) = (median(samples), p95(samples));
    let (budget, met) = match budget {
        Some((limit, held)) => {
            let value = match held {
                Held::Median => median,
                Held::P95 => p95,
            };
            (Some((limit, held.as_str())), value.map(|v| v <= limit))
        }
        None => (None, None),
    };
    // What run.mjs says beside a figure is keyed as its samples are (the merge's counts, the
    // region's files); so is why it has none.
    let (note, missing) = match (median, raw.missing.get(key)) {
        (None, why) => (raw.notes.get(key).cloned(), Some(why.cloned().unwrap_or_else(|| "no samples".into()))),
        (Some(_), Some(why)) => (Some(format!("not in every run: {why}")), None),
        (Some(_), None) => (raw.notes.get(key).cloned(), None),
    };
    Measurement { name: name.into(), unit, n: samples.len(), median, p95, budget, met, note, missing }
}

/// Why a figure computed from the samples of `keys` has no value: the first of them without
/// samples, with the reason run.mjs gave.
fn why_none(raw: &Raw, keys: &[&str]) -> Option<String> {
    keys.iter().find(|k| raw.samples.get(**k).is_none_or(|v| v.is_empty())).map(|k| match raw.missing.get(*k) {
        Some(why) => format!("{k}: {why}"),
        None => format!("{k}: no samples"),
    })
}

#[derive(Clone, Copy)]
enum Held {
    Median,
    P95,
}

impl Held {
    fn as_str(self) -> &'static str {
        match self {
            Held::Median => "median",
            Held::P95 => "p95",
        }
    }
}

/// A figure of one value (a size, a ratio, a maximum); `why` is why it has none when it has none.
fn single(
    name: &str,
    unit: &'static str,
    value: Option<f64>,
    budget: Option<f64>,
    note: Option<String>,
) -> Measurement {
    single_or(name, unit, value, budget, note, None)
}

fn single_or(
    name: &str,
    unit: &'static str,
    value: Option<f64>,
    budget: Option<f64>,
    note: Option<String>,
    why: Option<String>,
) -> Measurement {
    Measurement {
        name: name.into(),
        unit,
        n: usize::from(value.is_some()),
        median: value,
        p95: value,
        budget: budget.map(|b| (b, "value")),
        met: budget.and_then(|b| value.map(|v| v <= b)),
        note,
        missing: value.is_none().then(|| why.unwrap_or_else(|| "could not be computed".into())),
    }
}

/// Budgets from the size issues (33, 54), in bytes as `scripts/size-gate.mjs` counts them: the
/// first visit and a visit that goes on to a dashboard.
pub const APP_GZIP_BUDGET: f64 = 220_000.0;
pub const DASHBOARD_VISIT_GZIP_BUDGET: f64 = 650_000.0;
/// The regional view's (a region of 179 town-size strategies): all files brought in,
/// the side-by-side page opened, one keystroke of the theme search.
pub const REGION_BRING_IN_BUDGET_MS: f64 = 10_000.0;
pub const REGION_OPEN_BUDGET_MS: f64 = 1_000.0;
/// The public pages of "large" made and zipped, on 2 cores.
pub const PUBLISH_BUDGET_MS: f64 = 3_000.0;
/// The unpacked public folder of 北本市.
pub const PUBLISH_KITAMOTO_BUDGET_BYTES: f64 = 1_000_000.0;
pub const REGION_KEYSTROKE_BUDGET_MS: f64 = 100.0;

pub fn report(raw: &Raw) -> BenchReport {
    let gz =
        |pred: &dyn Fn(&FileSize) -> bool| raw.files.iter().filter(|f| pred(f)).map(|f| f.gzip as f64).sum::<f64>();
    let is_app = |f: &FileSize| {
        let n = f.file.as_str();
        n.ends_with(".wasm")
            || (n.ends_with(".js") && !n.contains("echarts"))
            || n.ends_with(".css")
            || n == "index.html"
    };
    let first = |f: &FileSize| raw.first_visit.iter().any(|v| v == &f.file);
    let all = |k: &str| raw.samples.get(k).map(Vec::as_slice).unwrap_or(&[]);
    let m = |k: &str| median(all(k));
    let per_page = |a: &str, b: &str| paired_ratio(all(a), all(b));
    // A ratio of two figures: without a value, the first of them that has none says why.
    let ratio_of = |name: &str, value: Option<f64>, budget: Option<f64>, of: [&str; 2]| {
        let why = why_none(raw, &of).unwrap_or_else(|| format!("{} and {} unpaired", of[0], of[1]));
        single_or(name, "×", value, budget, None, Some(why))
    };
    // Huge is either imported or refused (over the app's limit): the figure of the other does not
    // apply.
    let mut refused = figure(raw, "import_huge_refused", "huge file refused (file chosen → error shown)", "ms", None);
    if refused.n == 0 && !all("import_huge").is_empty() {
        refused.missing = None;
        refused.note = Some("does not apply: the app imported huge".into());
    }
    let mut figures = Vec::new();
    figures.extend([
        // The wasm is cut into parts loaded when a page first opens: the budget holds for what the
        // first visit loads; the whole app (every page's parts) is reported beside it.
        single(
            "app gzip, first visit (wasm + js + css + html loaded, without ECharts)",
            "B",
            Some(gz(&|f| is_app(f) && first(f))),
            Some(APP_GZIP_BUDGET),
            None,
        ),
        single(
            "app gzip, every page (all wasm parts + js + css + html, without ECharts)",
            "B",
            Some(gz(&is_app)),
            None,
            None,
        ),
        // What a visit that goes on to a strategy and its dashboard really fetched (measured from
        // the page's responses: every wasm part, the example, ECharts), with its largest files.
        single(
            "visit: list → strategy → dashboard, every file fetched (gzip)",
            "B",
            Some(gz(&|f| raw.dashboard_visit.contains(&f.file))),
            Some(DASHBOARD_VISIT_GZIP_BUDGET),
            Some(largest(raw, &raw.dashboard_visit)),
        ),
        // The usual visit (service worker installed, the list open, a click) and a deep
        // link with nothing cached, each with where its time went (the page's own measures).
        figure(
            raw,
            "usual_visit_editor_large",
            "usual visit: list → click → editor drawn, large, service worker installed",
            "ms",
            Some((500.0, Held::Median)),
        ),
    ]);
    figures.extend(breakdown(raw, "usual_visit_large"));
    figures.extend([figure(
        raw,
        "navigation_interactive_large",
        "deep link → editor interactive, large in IndexedDB, nothing cached",
        "ms",
        Some((1200.0, Held::Median)),
    )]);
    figures.extend(breakdown(raw, "navigation_large"));
    figures.extend([
        figure(raw, "import_large", "import large, cold (parse+migrate+validate+store)", "ms", None),
        figure(raw, "import_large_warm", "import large, warm (the same file again, another id)", "ms", None),
        figure(raw, "json_parse_large", "JSON.parse of the same large file", "ms", None),
        ratio_of(
            "import / JSON.parse, large, cold (median of each page's)",
            per_page("import_large", "json_parse_large"),
            Some(6.0),
            ["import_large", "json_parse_large"],
        ),
        ratio_of(
            "import / JSON.parse, large, warm (median of each page's)",
            per_page("import_large_warm", "json_parse_large"),
            Some(3.0),
            ["import_large_warm", "json_parse_large"],
        ),
        // Where the import's time goes, and the part no faster code removes: the stored value put
        // into IndexedDB by itself.
        figure(raw, "import_large_read", "  cold: reading (parse + migrate + validate)", "ms", None),
        figure(raw, "import_large_store", "  cold: storing (serialise + one IndexedDB transaction)", "ms", None),
        figure(raw, "import_large_store_thread", "  cold: storing, on the page's thread", "ms", None),
        figure(raw, "import_large_read_again", "  warm: reading", "ms", None),
        figure(raw, "import_large_store_again_thread", "  warm: storing, on the page's thread", "ms", None),
        figure(raw, "idb_put_large", "  the stored value put alone, page's thread", "ms", None),
        figure(raw, "idb_done_large", "  … until its transaction completed (strict)", "ms", None),
        figure(raw, "import_huge", "import huge", "ms", None),
        refused,
        figure(raw, "json_parse_huge", "JSON.parse of the same huge file", "ms", None),
        ratio_of(
            "import / JSON.parse, huge (median of each page's)",
            per_page("import_huge", "json_parse_huge"),
            Some(3.0),
            ["import_huge", "json_parse_huge"],
        ),
        figure(raw, "edit_dom_large", "edit one actual → DOM, large", "ms", Some((16.0, Held::P95))),
        figure(raw, "edit_chart_large", "edit one actual → chart, large", "ms", Some((50.0, Held::P95))),
        figure(raw, "edit_dom_town", "edit one actual → DOM, town (large is 25× town)", "ms", None),
        ratio_of(
            "edit large / edit town (median)",
            ratio(m("edit_dom_large"), m("edit_dom_town")),
            None,
            ["edit_dom_large", "edit_dom_town"],
        ),
        figure(raw, "edit_dom_huge", "edit one actual → DOM, huge (5× large)", "ms", None),
        ratio_of(
            "edit huge / edit large (median)",
            ratio(m("edit_dom_huge"), m("edit_dom_large")),
            None,
            ["edit_dom_huge", "edit_dom_large"],
        ),
        figure(raw, "autosave_large", "autosave large (serialise + transaction committed)", "ms", None),
        figure(raw, "autosave_large_thread", "autosave large, on the page's thread", "ms", Some((30.0, Held::Median))),
        figure(raw, "dashboard_large", "dashboard with large: all charts drawn", "ms", Some((1000.0, Held::Median))),
        figure(
            raw,
            "merge_large_preview",
            "merge two edited copies of large: file picked → preview with 統合する",
            "ms",
            Some((200.0, Held::Median)),
        ),
        figure(raw, "merge_large", "  the merge itself (model::merge, wasm)", "ms", None),
    ]);
    figures.extend(folder_figures(raw).into_iter().chain(vision_figures(raw)));
    figures.extend([
        // A town's own workbook: 1,000 rows picked → mapping → 確認する → preview.
        figure(
            raw,
            "table_1000",
            "town's workbook, 1,000 rows: picked → mapping → preview (warm)",
            "ms",
            Some((1000.0, Held::Median)),
        ),
        figure(raw, "table_1000_read", "  picked → mapping drawn (read, table found, roles)", "ms", None),
        figure(raw, "table_1000_preview", "  確認する → preview drawn (1,000 new indicators planned)", "ms", None),
        figure(raw, "table_1000_cold", "  the first pick, the reader's wasm part fetched too", "ms", None),
        figure(raw, "js_heap_large", "JS heap after loading large", "B", None),
        figure(raw, "wasm_memory_large", "wasm memory after loading large", "B", None),
        // The regional view: 179 town files brought in at once (file input's change event →
        // every file's result shown), with when the reading ended and when the table had them all.
        figure(
            raw,
            "region_bring_in",
            "region: bring in every town's file (picked → every result shown)",
            "ms",
            Some((REGION_BRING_IN_BUDGET_MS, Held::Median)),
        ),
        figure(raw, "region_bring_in_read", "  the files read (progress bar at half)", "ms", None),
        figure(raw, "region_bring_in_rows", "  the side-by-side table with every town", "ms", None),
        figure(
            raw,
            "region_open",
            "region: open side by side (navigation → all rows drawn)",
            "ms",
            Some((REGION_OPEN_BUDGET_MS, Held::Median)),
        ),
        figure(raw, "region_open_page", "  navigation → the region's name shown", "ms", None),
        figure(raw, "region_open_read", "  reading the region and its towns (app's measure)", "ms", None),
        figure(raw, "region_open_read_thread", "  … of which on the page's thread", "ms", None),
        figure(raw, "region_open_draw", "  read → all rows drawn (drawing the page)", "ms", None),
        figure(
            raw,
            "region_theme_keystroke",
            "region: theme search per keystroke (median)",
            "ms",
            Some((REGION_KEYSTROKE_BUDGET_MS, Held::Median)),
        ),
        // The budget is per keystroke: the slowest is held to it too.
        single_or(
            "region: theme search, the slowest keystroke (max)",
            "ms",
            maximum(all("region_theme_keystroke")),
            Some(REGION_KEYSTROKE_BUDGET_MS),
            None,
            why_none(raw, &["region_theme_keystroke"]),
        ),
        figure(raw, "region_theme_keystroke_frame", "  theme search keystroke → the next frame drawn", "ms", None),
        figure(raw, "region_js_heap", "region: JS heap after opening", "B", None),
        figure(raw, "region_wasm_memory", "region: wasm memory after opening", "B", None),
    ]);
    figures.extend(export_figures(raw).into_iter().chain(round_figures(raw)).chain(drafting_figures(raw)));
    for f in &mut figures {
        // run.mjs may also key a reason or a note by the figure's printed name.
        if let (Some(_), Some(why)) = (&f.missing, raw.missing.get(&f.name)) {
            f.missing = Some(why.clone());
        }
        if f.note.is_none() {
            f.note = raw.notes.get(&f.name).cloned();
        }
    }
    BenchReport { machine: raw.machine.clone(), files: raw.files.clone(), figures }
}

/// The three largest of `files` (gzip), for a size figure's note.
fn largest(raw: &Raw, files: &[String]) -> String {
    let mut sizes: Vec<&FileSize> = raw.files.iter().filter(|f| files.contains(&f.file)).collect();
    sizes.sort_by(|a, b| b.gzip.cmp(&a.gzip).then_with(|| a.file.cmp(&b.file)));
    let top: Vec<String> =
        sizes.iter().take(3).map(|f| format!("{} {}", f.file, show(Some(f.gzip as f64), "B"))).collect();
    format!("largest: {}", top.join(", "))
}

fn show(v: Option<f64>, unit: &str) -> String {
    match (v, unit) {
        (None, _) => "—".into(),
        (Some(v), "B") => format!("{:.1} KB", v / 1024.0),
        (Some(v), "ms") => format!("{v:.1} ms"),
        (Some(v), _) => format!("{v:.2}{unit}"),
    }
}

/// The printed table.
pub fn table(r: &BenchReport) -> String {
    let mut out = String::new();
    let machine: Vec<String> = r.machine.iter().map(|(k, v)| format!("{k}={v}")).collect();
    out += &format!("machine: {}\n\n", machine.join(" "));
    out += &format!("{:<58} {:>12} {:>12}\n", "dist/ file", "bytes", "gzip -9");
    for f in &r.files {
        out += &format!("{:<58} {:>12} {:>12}\n", f.file, f.raw, f.gzip);
    }
    out += &format!("\n{:<58} {:>4} {:>12} {:>12}  {}\n", "figure", "n", "median", "p95", "budget");
    for f in &r.figures {
        let budget = match (f.budget, f.met) {
            (Some((b, held)), Some(met)) => {
                format!("{} ≤ {} → {}", held, show(Some(b), f.unit), if met { "met" } else { "NOT met" })
            }
            (Some((b, held)), None) => format!("{} ≤ {} → no figure", held, show(Some(b), f.unit)),
            _ => String::new(),
        };
        let note = match (&f.missing, &f.note) {
            (Some(why), Some(note)) => format!("  (MISSING: {why}; {note})"),
            (Some(why), None) => format!("  (MISSING: {why})"),
            (None, Some(note)) => format!("  ({note})"),
            (None, None) => String::new(),
        };
        out += &format!(
            "{:<58} {:>4} {:>12} {:>12}  {budget}{note}\n",
            f.name,
            f.n,
            show(f.median, f.unit),
            show(f.p95, f.unit)
        );
    }
    let missing = missing(r);
    if !missing.is_empty() {
        out += &format!("\n{} of {} figures missing:\n", missing.len(), r.figures.len());
        for f in missing {
            out += &format!("  {}: {}\n", f.name.trim_start(), f.missing.as_deref().unwrap_or_default());
        }
    }
    out
}

/// The figures without a value (that apply).
pub fn missing(r: &BenchReport) -> Vec<&Measurement> {
    r.figures.iter().filter(|f| f.missing.is_some()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[1.0, f64::NAN, 3.0]), Some(2.0));
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(p95(&hundred), Some(95.0));
        assert_eq!(p95(&[7.0]), Some(7.0));
        assert_eq!(p95(&(1..=20).map(f64::from).collect::<Vec<_>>()), Some(19.0));
        assert_eq!(p95(&[]), None);
        assert_eq!(maximum(&[2.0, f64::NAN, 9.0, 4.0]), Some(9.0));
        assert_eq!(maximum(&[]), None);
    }

    #[test]
    fn ratios_and_budgets() {
        assert_eq!(ratio(Some(6.0), Some(2.0)), Some(3.0));
        assert_eq!(ratio(Some(6.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(2.0)), None);
        assert_eq!(paired_ratio(&[6.0, 10.0, 9.0], &[2.0, 2.0, 1.0]), Some(5.0), "3, 5, 9");
        assert_eq!(paired_ratio(&[6.0, 10.0], &[2.0, 0.0]), Some(3.0), "a zero JSON.parse gives no ratio");
        assert_eq!(paired_ratio(&[6.0, 10.0], &[2.0]), None, "unpaired samples");
        let mut raw = Raw::default();
        raw.files = vec![
            FileSize { file: "index.html".into(), raw: 1000, gzip: 500 },
            FileSize { file: "app_bg.wasm".into(), raw: 900_000, gzip: 400 * 1024 },
            FileSize { file: "echarts.min.js".into(), raw: 1_000_000, gzip: 333_000 },
            FileSize { file: "wasm-0123/split_editor_page.wasm".into(), raw: 300_000, gzip: 100 * 1024 },
        ];
        raw.first_visit = vec!["index.html".into(), "app_bg.wasm".into()];
        raw.dashboard_visit =
            vec!["index.html".into(), "app_bg.wasm".into(), "echarts.min.js".into(), "examples/x.json".into()];
        // Per page 2×, 3×, 4×: the median is 3× (met), though median over median is 32 / 10.
        raw.samples.insert("import_large".into(), vec![20.0, 36.0, 32.0]);
        raw.samples.insert("json_parse_large".into(), vec![10.0, 12.0, 8.0]);
        raw.samples.insert("import_large_warm".into(), vec![25.0, 15.0, 40.0]);
        raw.samples.insert("edit_dom_large".into(), (1..=100).map(|i| if i >= 95 { 40.0 } else { 5.0 }).collect());
        let r = report(&raw);
        let get = |name: &str| r.figures.iter().find(|f| f.name.starts_with(name)).unwrap().clone();
        assert_eq!(get("app gzip, first visit").median, Some((500 + 400 * 1024) as f64));
        assert_eq!(get("app gzip, first visit").met, Some(false), "400 KB > 220 KB");
        assert_eq!(
            get("app gzip, every page").median,
            Some((500 + 500 * 1024) as f64),
            "the editor's part counts here"
        );
        assert_eq!(get("app gzip, every page").met, None);
        // The dashboard visit counts what it fetched (a file not in dist/ counts nothing), and
        // names its largest files.
        let visit = get("visit: list → strategy → dashboard");
        assert_eq!(visit.median, Some((500 + 400 * 1024 + 333_000) as f64));
        assert_eq!(visit.met, Some(false), "743 KB > 500 KB");
        assert_eq!(
            visit.note.as_deref(),
            Some("largest: app_bg.wasm 400.0 KB, echarts.min.js 325.2 KB, index.html 0.5 KB")
        );
        assert_eq!(get("import / JSON.parse, large, cold").median, Some(3.0));
        assert_eq!(get("import / JSON.parse, large, cold").met, Some(true));
        let warm = get("import / JSON.parse, large, warm");
        assert_eq!((warm.median, warm.met), (Some(2.5), Some(true)), "per page 2.5, 1.25, 5");
        let edit = get("edit one actual → DOM, large");
        assert_eq!((edit.median, edit.p95, edit.met), (Some(5.0), Some(40.0), Some(false)));
        assert_eq!(get("edit huge / edit large").median, None, "no huge edits measured, no ratio");
        assert_eq!(get("dashboard").met, None);
        let t = table(&r);
        assert!(t.contains("NOT met") && t.contains("met"), "{t}");
    }

    #[test]
    fn a_missing_figure_is_listed_with_why_and_a_null_sample_does_not_stop_the_report() {
        let text = r#"{"machine": {}, "files": [], "first_visit": [],
            "samples": {"merge_large_preview": [40.0, 50.0], "merge_large": [null, null], "edit_dom_large": [5.0],
                        "import_huge": [900.0], "json_parse_huge": [300.0], "dashboard_large": [500.0, null]},
            "missing": {"edit_dom_huge": "opened, not stored"}}"#;
        let raw = read_raw(text).unwrap();
        assert_eq!(raw.samples["merge_large"], Vec::<f64>::new());
        let r = report(&raw);
        let get = |name: &str| r.figures.iter().find(|f| f.name.starts_with(name)).unwrap().clone();
        let merge = get("  the merge itself");
        assert_eq!((merge.n, merge.median), (0, None));
        assert_eq!(merge.missing.as_deref(), Some("not measured (2 of 2 samples not a number)"));
        assert_eq!(get("merge two edited copies").missing, None);
        let dashboard = get("dashboard with large");
        assert_eq!((dashboard.median, dashboard.missing.as_deref()), (Some(500.0), None));
        assert_eq!(dashboard.note.as_deref(), Some("not in every run: not measured (1 of 2 samples not a number)"));
        assert_eq!(get("edit one actual → DOM, huge").missing.as_deref(), Some("opened, not stored"));
        assert_eq!(get("edit huge / edit large").missing.as_deref(), Some("edit_dom_huge: opened, not stored"));
        assert_eq!(get("edit large / edit town").missing.as_deref(), Some("edit_dom_town: no samples"));
        // Huge was imported: its refusal does not apply, and is not missing.
        let refused = get("huge file refused");
        assert_eq!((refused.median, refused.missing), (None, None));
        assert_eq!(get("import / JSON.parse, huge").median, Some(3.0));
        assert_eq!(get("JS heap after loading large").missing.as_deref(), Some("no samples"));
        let t = table(&r);
        assert!(t.contains("(MISSING: not measured (2 of 2 samples not a number))"), "{t}");
        assert!(t.contains(" figures missing:\n"), "{t}");
        assert!(missing(&r).iter().any(|f| f.name == "  the merge itself (model::merge, wasm)"));
        assert!(!missing(&r).iter().any(|f| f.name.starts_with("huge file refused")));
    }

    #[test]
    fn the_regions_figures_and_budgets() {
        let mut raw = Raw::default();
        raw.samples.insert("region_bring_in".into(), vec![8000.0, 12_000.0, 9000.0]);
        raw.samples.insert("region_open".into(), vec![700.0]);
        raw.samples.insert("region_theme_keystroke".into(), vec![20.0, 30.0, 150.0]);
        raw.samples.insert("region_js_heap".into(), vec![5e6]);
        raw.notes.insert("region_bring_in".into(), "179 files".into());
        let r = report(&raw);
        let get = |name: &str| r.figures.iter().find(|f| f.name.starts_with(name)).unwrap().clone();
        let bring = get("region: bring in every town's file");
        assert_eq!((bring.median, bring.met, bring.note.as_deref()), (Some(9000.0), Some(true), Some("179 files")));
        assert_eq!(get("region: open side by side").met, Some(true));
        assert_eq!(get("region: theme search per keystroke").met, Some(true), "median 30 ms");
        let slowest = get("region: theme search, the slowest keystroke");
        assert_eq!((slowest.median, slowest.met), (Some(150.0), Some(false)));
        assert_eq!(get("region: JS heap after opening").median, Some(5e6));
        assert_eq!(get("region: JS heap after opening").met, None, "reported, no budget");
        assert!(table(&r).contains("region: open side by side"));
    }
}
