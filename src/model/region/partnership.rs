//! 広域連携: the municipalities an initiative is carried out with (`Initiative::partners`),
//! checked one strategy at a time ([`partner_problems`], for `model::validation`) and across a
//! region ([`partnerships`]): each pair of towns with the initiatives each names the other in;
//! a pair named by only one side is unconfirmed, a partner outside the region cannot be checked.
//!
//! A partner is recognised as a town of the region by its 団体コード, else by its name (as a
//! [`key`]): towns write 「七飯町」 or 「012343」 or both. When two member strategies are of
//! the same municipality, the first in the region's order is taken.

use super::normalise::key;
use super::{initiatives_in, ItemPath};
use crate::model::{half_width, is_municipality_code, Id, Initiative, Partner, Problem, ProblemKind, Strategy};

/// The problems of an initiative's partners, at `place` (the initiative's path in the
/// strategy, `goals[0].measures[1].initiatives[2]`): a 団体コード that is not 6 digits with
/// the check digit (a warning, like the strategy's own code), a partner with neither code nor
/// name.
pub fn partner_problems(place: &str, initiative: &Initiative) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (k, p) in initiative.partners.iter().enumerate() {
        match &p.code {
            Some(code) if !is_municipality_code(code) => problems.push(Problem {
                path: format!("{place}.partners[{k}].code"),
                kind: ProblemKind::MunicipalityCodeInvalid { code: code.clone() },
            }),
            Some(_) => {}
            None if p.name.trim().is_empty() => {
                problems.push(Problem { path: format!("{place}.partners[{k}].name"), kind: ProblemKind::EmptyTitle })
            }
            None => {}
        }
    }
    problems
}

/// One side of a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Party {
    /// A town of the region: its strategy and municipality name.
    Town { strategy: Id, municipality: String },
    /// A municipality outside the region, as the town named it.
    Outside(Partner),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartnershipStatus {
    /// Each town names the other in at least one initiative.
    Confirmed,
    /// Only one of the two towns names the other.
    Unconfirmed,
    /// The partner is not a town of the region: its side cannot be seen.
    OutsideRegion,
}

/// Two municipalities working together, with the initiatives each names the other in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partnership {
    /// Always a town of the region (the earlier of the two in the region's order).
    pub first: Party,
    pub second: Party,
    pub first_side: Vec<ItemPath>,
    /// Empty when the second party does not name the first (or is outside the region).
    pub second_side: Vec<ItemPath>,
    pub status: PartnershipStatus,
}

/// The towns' 団体コード (half-width) and names (as keys), folded once.
struct Directory {
    codes: Vec<Option<String>>,
    names: Vec<String>,
}

impl Directory {
    fn of(towns: &[&Strategy]) -> Directory {
        Directory {
            codes: towns.iter().map(|t| t.municipality.code.as_deref().map(half_width)).collect(),
            names: towns.iter().map(|t| key(&t.municipality.name)).collect(),
        }
    }

    /// Which town a partner is: by code first (a code that fits no town still lets the name
    /// decide), else by name.
    fn resolve(&self, partner: &Partner) -> Option<usize> {
        let code = partner.code.as_deref().map(half_width).filter(|c| !c.is_empty());
        let by_code = code.and_then(|c| self.codes.iter().position(|t| t.as_deref() == Some(c.as_str())));
        let name = key(&partner.name);
        by_code.or_else(|| (!name.is_empty()).then(|| self.names.iter().position(|t| *t == name)).flatten())
    }
}

/// Every partnership named in `towns` (in the region's order), in the order first named.
pub fn partnerships(towns: &[&Strategy]) -> Vec<Partnership> {
    let directory = Directory::of(towns);
    let town =
        |t: usize| Party::Town { strategy: towns[t].id.clone(), municipality: towns[t].municipality.name.clone() };
    // (first town, second town or outside partner's identity) → partnership.
    let mut out: Vec<(usize, Result<usize, String>, Partnership)> = Vec::new();
    for (a, s) in towns.iter().enumerate() {
        for (g, m, initiative) in initiatives_in(s).filter(|(_, _, i)| !i.partners.is_empty()) {
            let path = ItemPath::to_initiative(s, g, m, initiative);
            for partner in &initiative.partners {
                let (first, second, on_first) = match directory.resolve(partner) {
                    Some(b) if b == a => continue,
                    Some(b) => (a.min(b), Ok(a.max(b)), a < b),
                    None => {
                        let identity = partner.code.as_deref().map(half_width).unwrap_or_else(|| key(&partner.name));
                        (a, Err(identity), true)
                    }
                };
                let at = match out.iter().position(|(f, s, _)| *f == first && *s == second) {
                    Some(i) => i,
                    None => {
                        let second_party = match &second {
                            Ok(b) => town(*b),
                            Err(_) => Party::Outside(partner.clone()),
                        };
                        let p = Partnership {
                            first: town(first),
                            second: second_party,
                            first_side: Vec::new(),
                            second_side: Vec::new(),
                            status: PartnershipStatus::Unconfirmed,
                        };
                        out.push((first, second, p));
                        out.len() - 1
                    }
                };
                let p = &mut out[at].2;
                let side = if on_first { &mut p.first_side } else { &mut p.second_side };
                if !side.contains(&path) {
                    side.push(path.clone());
                }
            }
        }
    }
    out.into_iter()
        .map(|(_, second, mut p)| {
            p.status = match second {
                Err(_) => PartnershipStatus::OutsideRegion,
                Ok(_) if !p.first_side.is_empty() && !p.second_side.is_empty() => PartnershipStatus::Confirmed,
                Ok(_) => PartnershipStatus::Unconfirmed,
            };
            p
        })
        .collect()
}
