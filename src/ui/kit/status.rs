//! Status badges: an indicator's status (達成 / 順調 / 遅れ / データなし) with its rating and
//! progress, and the status mix of a goal's or measure's indicators. The colour is the one the
//! charts use for the same status (`charts::dashboard::status_colour`).

use crate::charts::dashboard::status_colour;
use crate::locale;
use crate::locale::Language;
use crate::model::{IndicatorProgress, Status, StatusMix, STATUSES};
use leptos::prelude::*;

/// "達成 A 102%" for an indicator; the rating and progress of its first series with data.
pub fn indicator_badge(lang: Language, p: &IndicatorProgress) -> impl IntoView {
    let first = p.series.iter().find(|a| a.status == p.status).or(p.series.first());
    let mut text = locale::status(p.status, lang).to_owned();
    if let Some(a) = first.filter(|a| a.status != Status::NoData) {
        text.push(' ');
        text.push_str(locale::rating(a));
        if let Some(progress) = a.progress {
            text.push_str(&format!(" {:.0}%", progress * 100.0));
        }
    }
    view! {
        <span class=format!("status {}", p.status.as_str()) style=format!("--status:{}", status_colour(p.status))
            data-testid="status-badge" data-status=p.status.as_str()>{text}</span>
    }
}

/// "達成 2 ・ 順調 1 ・ 遅れ 1 ・ データなし 0" — only the statuses that occur, in a fixed order.
pub fn mix_badges(lang: Language, mix: StatusMix) -> impl IntoView {
    let parts = STATUSES
        .into_iter()
        .filter(|s| mix.get(*s) > 0)
        .map(|s| view! {
            <span class=format!("status {}", s.as_str()) style=format!("--status:{}", status_colour(s)) data-status=s.as_str()>
                {format!("{} {}", locale::status(s, lang), mix.get(s))}
            </span>
        })
        .collect_view();
    let title = match lang {
        Language::Ja => "指標の達成状況",
        Language::En => "Status of the indicators",
    };
    view! { <span class="status-mix" title=title data-testid="status-mix">{parts}</span> }
}
