//! The population vision's readers (format::population): any bytes, as lossy UTF-8, read as a
//! CSV and as pasted cells into a census table and an assumption sheet. Reading must never
//! panic; what is read has one count per group; and a projection of what both readers accept
//! never panics and gives no negative group.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::population::{grid_from_csv, read_assumptions, read_census};
use shirube::format::table::from_tsv;
use shirube::model::population::{project, AssumptionSource, Population, Scenario};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for grid in [from_tsv(&text), grid_from_csv(&text)] {
        let census = read_census(&grid);
        if let Ok(c) = &census {
            assert_eq!(c.male.len(), c.open.groups());
            assert_eq!(c.female.len(), c.open.groups());
        }
        for code in [None, Some("019992")] {
            let Ok(a) = read_assumptions(&grid, code, AssumptionSource::Pasted) else { continue };
            let Ok(c) = &census else { continue };
            let base = Population {
                open: c.open,
                male: c.male.iter().map(|&v| f64::from(v)).collect(),
                female: c.female.iter().map(|&v| f64::from(v)).collect(),
            };
            let Some(start) = a.periods.first().map(|p| p.start) else { continue };
            let vision = Scenario::Vision { path: vec![], net_migrants_a_year: -50.0, from: start };
            for scenario in [Scenario::Ipss, vision] {
                if let Ok(p) = project(&base, start, &a, &scenario, Some(1.4)) {
                    for pop in &p.populations {
                        assert!(pop.male.iter().chain(&pop.female).all(|v| !(*v < 0.0)), "a negative group");
                    }
                }
            }
        }
    }
});
