//! The public pages' sentences, as the files page shows them before making the pages.

use crate::locale::Language;
use crate::model::Counts;

/// What the public pages will show.
pub fn published_counts(c: Counts, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("公開する：目標 {}・施策 {}・事業 {}・指標 {}", c.goals, c.measures, c.initiatives, c.indicators)
        }
        Language::En => format!(
            "Published: {} goals, {} measures, {} projects, {} indicators",
            c.goals, c.measures, c.initiatives, c.indicators
        ),
    }
}
