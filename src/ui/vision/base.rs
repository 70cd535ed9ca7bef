//! The base population in: the census table (e-Stat's CSV or workbook, or pasted cells) or the
//! 住民基本台帳 by age, read into a preview of every group by sex, its year found in the title
//! or typed, and taken only by 「基準人口として取り込む」 (one edit, so one undo).

use super::source::{SourceRead, TableSource};
use super::taken::{TakenIn, TakenNote};
use crate::format::population::CensusProblem;
use crate::locale::{number, tr, Language};
use crate::model::population::{BasePopulation, PopulationSource};
use crate::session::vision::{read_base, take_base, BaseReading};
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use crate::words::population::census_problem;
use leptos::prelude::*;

/// The year guessed when a table's title names none: the latest census.
const GUESSED_YEAR: u16 = 2020;

/// A reading: the sheets' base population, or why not (a file's problem, or the cells named).
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Read(BaseReading),
    File(String),
    Cells(Vec<CensusProblem>),
}

fn source_key(s: PopulationSource) -> &'static str {
    match s {
        PopulationSource::Census => "census",
        PopulationSource::ResidentRegister => "register",
        PopulationSource::Pasted => "pasted",
    }
}

#[component]
pub fn BaseIntake(state: Edits, taken: RwSignal<Option<TakenIn>>) -> impl IntoView {
    let source = RwSignal::new(PopulationSource::Census);
    let read = RwSignal::new(None::<SourceRead>);
    let year = RwSignal::new(None::<u16>);
    let outcome = Memo::new(move |_| {
        read.with(|r| {
            let r = r.as_ref()?;
            Some(match &r.sheets {
                Err(e) => Outcome::File(e.clone()),
                Ok(sheets) => match read_base(sheets, source.get(), GUESSED_YEAR) {
                    Ok(mut reading) => {
                        if let Some(y) = year.get() {
                            reading.base.year = y;
                        }
                        Outcome::Read(reading)
                    }
                    Err(problems) => Outcome::Cells(problems),
                },
            })
        })
    });
    let on_read = Callback::new(move |r: SourceRead| {
        year.set(None);
        taken.set(None);
        read.set(Some(r));
    });
    let take = move |base: BasePopulation| {
        let names = crate::words::vision::standard_names(base.year, state.lang());
        state.edit(move |s| take_base(s, base, names));
        read.set(None);
        taken.set(Some(TakenIn::Base));
    };
    let on_source = move |ev: leptos::ev::Event| {
        source.set(match event_target_value(&ev).as_str() {
            "register" => PopulationSource::ResidentRegister,
            "pasted" => PopulationSource::Pasted,
            _ => PopulationSource::Census,
        })
    };
    let options = [
        (PopulationSource::Census, ("国勢調査", "Census")),
        (PopulationSource::ResidentRegister, ("住民基本台帳", "Resident register")),
        (PopulationSource::Pasted, ("その他（手入力など）", "Other (typed …)")),
    ];
    view! {
        <div class="field">
            <label for="vision-base-source">{state.text("基準人口の出典", "Source of the base population")}</label>
            <select id="vision-base-source" data-testid="vision-base-source" on:change=on_source>
                {options.into_iter().map(|(s, (ja, en))| view! {
                    <option value=source_key(s) selected=move || source.get() == s>{state.text(ja, en)}</option>
                }).collect_view()}
            </select>
        </div>
        <TableSource state=state key="vision-base" on_read=on_read/>
        {move || outcome.get().map(|o| match o {
            Outcome::File(e) => view! { <p class="notice warn" role="alert" data-testid="vision-base-problems">{e}</p> }.into_any(),
            Outcome::Cells(problems) => problem_list(&problems, state.lang()).into_any(),
            Outcome::Read(r) => preview(state, r, year, take).into_any(),
        })}
        <TakenNote state=state taken=taken shows=TakenIn::Base/>
    }
}

fn problem_list(problems: &[CensusProblem], lang: Language) -> impl IntoView {
    view! {
        <div class="notice warn" role="alert" data-testid="vision-base-problems">
            <p>{tr(lang, "この表は基準人口として読めません。表はそのままで、何も取り込んでいません。", "This table cannot be read as the base population. It is left as it is; nothing was taken.")}</p>
            <ul>{problems.iter().map(|p| view! { <li>{census_problem(p, lang)}</li> }).collect_view()}</ul>
        </div>
    }
}

fn preview(
    state: Edits,
    r: BaseReading,
    year: RwSignal<Option<u16>>,
    take: impl Fn(BasePopulation) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = state.lang();
    let b = r.base.clone();
    let total = b.male.iter().chain(&b.female).map(|&v| u64::from(v)).sum::<u64>();
    let unknown = u64::from(r.unknown_age[0]) + u64::from(r.unknown_age[1]);
    let rows = (0..b.open.groups())
        .map(|g| {
            let band = b.open.band(g);
            let label = crate::words::vision::age_band(band, lang);
            let (m, f) = (f64::from(b.male[g]), f64::from(b.female[g]));
            view! { <tr><th scope="row">{label}</th><td class="num">{number(m)}</td><td class="num">{number(f)}</td><td class="num">{number(m + f)}</td></tr> }
        })
        .collect_view();
    let base = r.base.clone();
    view! {
        <div class="vision-preview" data-testid="vision-base-preview">
            <p role="status" data-testid="vision-base-summary">{crate::words::vision::base_preview(b.year, total, unknown, &r.sheet, lang)}</p>
            <div class="field">
                <label for="vision-base-year">{tr(lang, "基準年（10月1日現在など、表の時点）", "Base year (the table's date)")}</label>
                <input id="vision-base-year" data-testid="vision-base-year" type="number" inputmode="numeric" min="1950" max="2070"
                    prop:value=b.year.to_string()
                    on:change=move |ev| year.set(event_target_value(&ev).trim().parse().ok().filter(|y| (1950..=2070).contains(y)))/>
            </div>
            <div class="table-wrap">
                <table class="vision-table">
                    <caption>{tr(lang, "取り込む前の確認（男女・5歳階級別）", "Check before taking (by sex and 5-year group)")}</caption>
                    {crate::ui::kit::panel::column_heads(lang, &[("年齢", "Age"), ("男", "Men"), ("女", "Women"), ("計", "Total")])}
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" class="button primary" data-testid="vision-base-take" on:click=move |_| take(base.clone())>
                    {tr(lang, "基準人口として取り込む", "Take as the base population")}
                </button>
            </div>
        </div>
    }
}
