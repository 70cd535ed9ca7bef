//! What the files of many strategies share — a backup of everything (`everything`) and a region
//! file (`region`): the strategies to write (`Saved`), and the reading of their
//! entries (the array, an entry's place in an error, the first entry of an id, a region's ids).
//! Both read from here, and neither from the other.

use super::import::{ImportError, Imported};
use super::EnvelopeProblem;
use crate::model::region::Region;
use crate::model::{Problem, ProblemKind, Strategy};
use serde_json::Value;
use std::collections::HashMap;

/// A stored strategy to write: the strategy and when it was last saved.
pub struct Saved<'a> {
    pub strategy: &'a Strategy,
    pub saved_at: &'a str,
}

/// Takes the array under `key` out of the file; missing is an error.
pub(super) fn take_array(value: &mut Value, key: &str) -> Result<Vec<Value>, ImportError> {
    match value.get_mut(key).map(Value::take) {
        None => Err(ImportError::NotAnEnvelope { path: key.to_owned(), problem: EnvelopeProblem::Missing }),
        taken => array(key, taken),
    }
}

/// Takes the array under `key` out of the file; missing is none.
pub(super) fn take_optional_array(value: &mut Value, key: &str) -> Result<Vec<Value>, ImportError> {
    match value.get_mut(key).map(Value::take) {
        None => Ok(Vec::new()),
        taken => array(key, taken),
    }
}

fn array(key: &str, taken: Option<Value>) -> Result<Vec<Value>, ImportError> {
    match taken {
        Some(Value::Array(items)) => Ok(items),
        _ => Err(ImportError::NotAnEnvelope { path: key.to_owned(), problem: EnvelopeProblem::NotAnArray }),
    }
}

pub(super) fn in_entry(path: &str, error: ImportError) -> ImportError {
    ImportError::InEntry { path: path.to_owned(), error: Box::new(error) }
}

/// Entry `i` of a file's `strategies` (a backup's, a region file's) is the first with its
/// strategy's id, which is noted in `first`; one an earlier entry has is refused as a
/// duplicate, naming that entry.
pub(super) fn first_of_its_id(
    first: &mut HashMap<crate::model::Id, usize>,
    i: usize,
    imported: &Imported,
) -> Result<(), ImportError> {
    if let Some(j) = first.get(&imported.strategy.id) {
        let problem = Problem {
            path: "strategy.id".into(),
            kind: ProblemKind::DuplicateId { id: imported.strategy.id.clone(), first: format!("strategies[{j}]") },
        };
        return Err(ImportError::Invalid { problems: vec![problem] });
    }
    first.insert(imported.strategy.id.clone(), i);
    Ok(())
}

/// A region with an id that breaks the id rule refuses the file, with the id's path (`at` is
/// the region's own place in the file: `region`, `regions[1]`).
pub(super) fn refuse_unsafe_region(at: &str, region: &Region) -> Result<(), ImportError> {
    match region.first_unsafe_id() {
        Some((path, id)) => Err(ImportError::UnsafeId { path: format!("{at}.{path}"), id }),
        None => Ok(()),
    }
}
