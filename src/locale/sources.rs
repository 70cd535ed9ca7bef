//! Sources (出典) as a printed report gives them: each distinct source numbered once in order of
//! first use (※1 住民基本台帳, ※2 市民意識調査 …), the indicator's name marked with the numbers
//! of the indicator's and its series' sources, a value marked only when its own source differs
//! from its series'.

use crate::model::{FiscalYear, Id, Indicator};

/// The numbered sources of a report or a section, in order of first use.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footnotes {
    sources: Vec<String>,
}

/// The footnote numbers of one indicator: for its name, and for values with a source of their own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceMark {
    pub name: Vec<usize>,
    values: Vec<(Id, FiscalYear, usize)>,
}

impl SourceMark {
    /// The number of a value's own source, if it has one that differs from its series'.
    pub fn value(&self, series: &Id, year: FiscalYear) -> Option<usize> {
        self.values.iter().find(|(s, y, _)| s == series && *y == year).map(|(_, _, n)| *n)
    }
}

/// 「※1」, 「※1,3」; empty for no numbers.
pub fn footnote_mark(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    format!("※{}", list.join(","))
}

impl Footnotes {
    /// The number of a source, numbering it if it is new; none for an empty one. Sources that
    /// differ only in surrounding spaces are one.
    pub fn number(&mut self, source: &str) -> Option<usize> {
        let s = source.trim();
        if s.is_empty() {
            return None;
        }
        match self.sources.iter().position(|x| x == s) {
            Some(i) => Some(i + 1),
            None => {
                self.sources.push(s.to_owned());
                Some(self.sources.len())
            }
        }
    }

    /// Numbers an indicator's sources: the indicator's (when a series uses it), each series' own,
    /// then each value's own that differs from its series'.
    pub fn indicator(&mut self, ind: &Indicator) -> SourceMark {
        let mut mark = SourceMark::default();
        for x in &ind.series {
            if let Some(n) = self.number(x.source_or(&ind.source)) {
                if !mark.name.contains(&n) {
                    mark.name.push(n);
                }
            }
        }
        for x in &ind.series {
            let own = x.source_or(&ind.source).trim();
            for a in x.actuals.iter().filter(|a| !a.source.trim().is_empty() && a.source.trim() != own) {
                if let Some(n) = self.number(&a.source) {
                    mark.values.push((x.id.clone(), a.year, n));
                }
            }
        }
        mark
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// (number, source) in number order.
    pub fn entries(&self) -> impl Iterator<Item = (usize, &str)> {
        self.sources.iter().enumerate().map(|(i, s)| (i + 1, s.as_str()))
    }

    /// The printed lines: 「※1 住民基本台帳」.
    pub fn lines(&self) -> Vec<String> {
        self.entries().map(|(n, s)| format!("※{n} {s}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Series;

    #[test]
    fn shared_sources_have_one_number_and_distinct_ones_the_next() {
        let mut population = Indicator::new("1-1", "総人口", "人");
        population.source = "住民基本台帳".into();
        population.series[0].set_actual(FiscalYear(2022), Some(65_000.0));
        population.series[0].set_actual(FiscalYear(2023), Some(64_500.0));
        // The census year's value comes from the census, not the register.
        population.series[0].set_source(FiscalYear(2022), "国勢調査".into());
        // A value whose source is its series' own gets no mark.
        population.series[0].set_source(FiscalYear(2023), " 住民基本台帳 ".into());

        let mut satisfaction = Indicator::new("2-1", "住み続けたいと思う市民の割合", "%");
        satisfaction.source = "市民意識調査".into();
        let mut visitors = Series::new("日帰り");
        visitors.source = "観光入込客数調査".into();
        satisfaction.series.push(visitors);

        let mut households = Indicator::new("3-1", "世帯数", "世帯");
        households.source = "住民基本台帳".into();

        let mut notes = Footnotes::default();
        let p = notes.indicator(&population);
        let s = notes.indicator(&satisfaction);
        let h = notes.indicator(&households);
        assert_eq!(p.name, [1]);
        assert_eq!(p.value(&population.series[0].id, FiscalYear(2022)), Some(2));
        assert_eq!(p.value(&population.series[0].id, FiscalYear(2023)), None);
        assert_eq!(s.name, [3, 4], "the indicator's source for the first series, the second's own");
        assert_eq!(h.name, [1], "a shared source keeps its number");
        assert_eq!(notes.lines(), ["※1 住民基本台帳", "※2 国勢調査", "※3 市民意識調査", "※4 観光入込客数調査"]);
        assert_eq!(footnote_mark(&s.name), "※3,4");
        assert_eq!(footnote_mark(&[]), "");
    }

    #[test]
    fn no_source_no_footnote() {
        let mut notes = Footnotes::default();
        let mark = notes.indicator(&Indicator::new("1", "指標", "人"));
        assert!(mark.name.is_empty() && notes.is_empty());
    }
}
