//! The 17 Sustainable Development Goals, with their official Japanese short names and colours.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An SDG number, 1–17 (validation reports anything else).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Sdg(pub u8);

/// (Japanese short name, English short name, official colour) for SDG 1..=17.
const SDGS: [(&str, &str, &str); 17] = [
    ("貧困をなくそう", "No poverty", "#E5243B"),
    ("飢餓をゼロに", "Zero hunger", "#DDA63A"),
    ("すべての人に健康と福祉を", "Good health and well-being", "#4C9F38"),
    ("質の高い教育をみんなに", "Quality education", "#C5192D"),
    ("ジェンダー平等を実現しよう", "Gender equality", "#FF3A21"),
    ("安全な水とトイレを世界中に", "Clean water and sanitation", "#26BDE2"),
    ("エネルギーをみんなに そしてクリーンに", "Affordable and clean energy", "#FCC30B"),
    ("働きがいも経済成長も", "Decent work and economic growth", "#A21942"),
    ("産業と技術革新の基盤をつくろう", "Industry, innovation and infrastructure", "#FD6925"),
    ("人や国の不平等をなくそう", "Reduced inequalities", "#DD1367"),
    ("住み続けられるまちづくりを", "Sustainable cities and communities", "#FD9D24"),
    ("つくる責任 つかう責任", "Responsible consumption and production", "#BF8B2E"),
    ("気候変動に具体的な対策を", "Climate action", "#3F7E44"),
    ("海の豊かさを守ろう", "Life below water", "#0A97D9"),
    ("陸の豊かさも守ろう", "Life on land", "#56C02B"),
    ("平和と公正をすべての人に", "Peace, justice and strong institutions", "#00689D"),
    ("パートナーシップで目標を達成しよう", "Partnerships for the goals", "#19486A"),
];

impl Sdg {
    pub fn all() -> impl Iterator<Item = Sdg> {
        (1..=17).map(Sdg)
    }
    pub fn is_valid(self) -> bool {
        (1..=17).contains(&self.0)
    }
    fn entry(self) -> Option<&'static (&'static str, &'static str, &'static str)> {
        SDGS.get(usize::from(self.0).checked_sub(1)?)
    }
    pub fn japanese(self) -> &'static str {
        self.entry().map_or("", |e| e.0)
    }
    pub fn english(self) -> &'static str {
        self.entry().map_or("", |e| e.1)
    }
    pub fn colour(self) -> &'static str {
        self.entry().map_or("#888888", |e| e.2)
    }
    /// The colour of the number on a tile of `colour()`: white or black, whichever is readable
    /// (white alone fails WCAG AA on 10 of the 17 official colours).
    pub fn text_colour(self) -> &'static str {
        super::colour::text_on(self.colour())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn seventeen_goals_with_names_and_colours() {
        assert_eq!(Sdg::all().count(), 17);
        assert_eq!(Sdg(11).japanese(), "住み続けられるまちづくりを");
        assert_eq!(Sdg(13).colour(), "#3F7E44");
        assert!(!Sdg(0).is_valid() && !Sdg(18).is_valid());
        assert_eq!(Sdg(18).japanese(), "");
    }
}
