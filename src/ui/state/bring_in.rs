//! What a bring-in of towns' files into a region is given and shows: the files picked or
//! dropped, its progress and its result, with the user's answer to each newer version.

use crate::model::Id;
use crate::session::region::BroughtIn;
use leptos::prelude::*;

/// What bringing picked files in did: every file read, and those the browser would not give
/// (name, what it said).
#[derive(Clone, Debug, PartialEq)]
pub struct BringInResult {
    pub brought: BroughtIn,
    pub not_read: Vec<(String, String)>,
    /// A dropped folder's files that were not read (not `.json`), by path.
    pub passed_over: Vec<String>,
    /// The user's answer to each newer version held back (`BroughtIn::to_confirm`), by its
    /// file's name and the town's id; those not in it are still waiting.
    pub decided: Vec<((String, Id), Decision)>,
}

/// Files to bring into a region, as picked or dropped.
#[derive(Default)]
pub struct PickedFiles {
    /// Each file with the name it is listed by (its path, when it came in a dropped folder).
    pub files: Vec<(String, web_sys::File)>,
    /// A dropped folder's files that are not read (not `.json`), by path.
    pub passed_over: Vec<String>,
    /// Entries of a drop the browser would not give: (path, what it said).
    pub not_given: Vec<(String, String)>,
}

/// Where a bring-in shows itself: (done, total) while it runs, and what came of it.
pub type RegionIntake = (RwSignal<Option<(usize, usize)>>, RwSignal<Option<BringInResult>>);

/// What the user chose for a town's newer version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The file's version replaced the stored one (which is kept as a backup).
    Replaced,
    /// The stored version stays; the file's was not stored.
    Kept,
}

impl BringInResult {
    pub fn decision(&self, file: &str, town: &Id) -> Option<Decision> {
        self.decided.iter().find(|((f, t), _)| f == file && t == town).map(|(_, d)| *d)
    }
}
