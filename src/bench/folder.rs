//! The shared folder's benchmark data: a strategy as every member started from it
//! and `members` members' own files, each written by the folder sync itself (author, lineage,
//! the shared version whole) after edits of fields no other member touches — what a browser
//! finds in the town hall's folder when ten sections have each done their part.

use super::generate::{edited_members, generate, Size};
use super::region::completed;
use crate::format::{self, fingerprint, Lineage, Opened};
use crate::history::{version_id, Node, MAX_GRAPH};
use crate::model::{Strategy, VersionId};
use crate::session::folder::{new_member_id, FolderSync, Me};
use crate::storage::{MemoryBackend, MemoryFolder, Store};

/// What the browser measured is given: the file it imports first, and the members' files.
pub struct FolderFiles {
    /// The planning section's own file of the strategy as generated (imported by the browser
    /// measured, so that it holds the version every member started from, with its lineage).
    pub start: String,
    /// (file name, text) of each member's own file.
    pub members: Vec<(String, String)>,
}

/// The files of a folder where `members` sections each made `edits` edits of their own.
pub fn generate_folder(size: Size, seed: u64, members: usize, edits: usize) -> FolderFiles {
    let base = generate(size, seed);
    let (started, edited) = ("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
    let planning = Store::new(MemoryBackend::new());
    completed(planning.save_imported(&a_years_history(&base, started), started)).expect("stored");
    let first = MemoryFolder::new();
    let mut sync = FolderSync::new(Me { id: new_member_id(), name: "企画課".into(), role: None }, base.id.clone());
    completed(sync.write(&planning, &first, started)).expect("written");
    let start = String::from_utf8(first.get(&sync.own_file()).expect("the own file")).expect("UTF-8");
    let Ok(Opened::Strategy(imported)) = format::open(start.as_bytes()) else { panic!("the start file reads") };
    let files = edited_members(&base, members, edits, seed)
        .into_iter()
        .enumerate()
        .map(|(k, strategy)| {
            let store = Store::new(MemoryBackend::new());
            completed(store.save_imported(&imported, started)).expect("imported");
            completed(store.save(&strategy, edited)).expect("edited");
            let folder = MemoryFolder::new();
            let me = Me { id: new_member_id(), name: format!("担当課{}", k + 1), role: None };
            let mut sync = FolderSync::new(me, base.id.clone());
            completed(sync.write(&store, &folder, edited)).expect("written");
            let name = sync.own_file();
            let text = String::from_utf8(folder.get(&name).expect("the own file")).expect("UTF-8");
            (name, text)
        })
        .collect();
    FolderFiles { start, members: files }
}

/// `strategy` as a file of a strategy shared for a year: its version made on a history of
/// [`MAX_GRAPH`] versions whose contents are gone (thinned), as ten members syncing every day
/// leave it — mostly saves, one in four a merge with a colleague's save made beside it. What
/// every member's file then carries, and what each reading walks.
pub fn a_years_history(strategy: &Strategy, at: &str) -> format::Imported {
    let mut graph: Vec<Node> = Vec::with_capacity(MAX_GRAPH);
    let mut made = |k: usize, parents: Vec<VersionId>| {
        let id = version_id(VersionId::from_bits(k as u128), &parents);
        graph.push(Node { id, parents });
        id
    };
    let mut head = made(0, Vec::new());
    let mut k = 1;
    while k + 2 < MAX_GRAPH {
        head = match k % 4 {
            0 => {
                let beside = made(k, vec![head]);
                k += 1;
                let ours = made(k, vec![head]);
                k += 1;
                made(k, vec![ours, beside])
            }
            _ => made(k, vec![head]),
        };
        k += 1;
    }
    graph.reverse();
    let parents = vec![head];
    let id = version_id(fingerprint(strategy), &parents);
    graph.insert(0, Node { id, parents });
    graph.truncate(MAX_GRAPH);
    let lineage = Lineage { graph: graph.into(), head: Some(id), ..Lineage::default() };
    let text = format::export_with_lineage(strategy, at, &lineage);
    let Ok(Opened::Strategy(imported)) = format::open(text.as_bytes()) else { panic!("a file with history reads") };
    imported
}

/// The sync a browser holding `start` makes of the `members`' files, natively (the benchmark's
/// reference figure beside the browser's): the time it took, what it said, and the strategy it
/// left stored.
pub fn sync_natively(
    start: &str,
    members: &[(String, String)],
    steps: &Steps,
) -> (std::time::Duration, crate::session::folder::FolderReading, crate::model::Strategy) {
    let Ok(Opened::Strategy(start)) = format::open(start.as_bytes()) else { panic!("the start file reads") };
    let store = Store::new(MemoryBackend::new());
    completed(store.save_imported(&start, "2026-01-03T00:00:00Z")).expect("imported");
    let folder = MemoryFolder::new();
    for (name, text) in members {
        folder.put(name, text.as_bytes());
    }
    let mut sync =
        FolderSync::new(Me { id: new_member_id(), name: "測る人".into(), role: None }, start.strategy.id.clone());
    let t = std::time::Instant::now();
    let reading = completed(sync.read_timed(&store, &folder, "2026-01-03T00:00:00Z", steps)).expect("read");
    let took = t.elapsed();
    (took, reading, completed(store.load(&start.strategy.id)).expect("stored"))
}

/// A stopwatch that sums each step's time by its name, natively (the browser's figures name
/// the same steps).
#[derive(Default)]
pub struct Steps(std::cell::RefCell<Vec<(String, std::time::Duration)>>);

impl Steps {
    fn add(&self, name: &str, took: std::time::Duration) {
        let name = name.trim_start_matches("shirube:folder-");
        let mut steps = self.0.borrow_mut();
        match steps.iter_mut().find(|(n, _)| n == name) {
            Some((_, sum)) => *sum += took,
            None => steps.push((name.to_owned(), took)),
        }
    }

    /// Each step's sum, in the order first met: "list 1, tops 2, … ms".
    pub fn summary(&self) -> String {
        let steps = self.0.borrow();
        let each: Vec<String> = steps.iter().map(|(n, d)| format!("{n} {:.0}", d.as_secs_f64() * 1e3)).collect();
        format!("{} ms", each.join(", "))
    }
}

impl crate::session::stopwatch::Stopwatch for Steps {
    fn timed<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        let t = std::time::Instant::now();
        let out = f();
        self.add(name, t.elapsed());
        out
    }

    async fn timed_wait<T>(&self, name: &str, f: impl std::future::Future<Output = T>) -> T {
        let t = std::time::Instant::now();
        let out = f.await;
        self.add(name, t.elapsed());
        out
    }
}

/// The sync of a folder that `generate-folder` wrote in `dir` (its start file and `share/`),
/// natively, alone (to profile it): what it took, as a line.
pub fn sync_folder_dir(dir: &str) -> Result<String, String> {
    let read = |p: String| std::fs::read_to_string(&p).map_err(|e| format!("{p}: {e}"));
    let start = read(format!("{dir}/folder-start.json"))?;
    let share = format!("{dir}/share");
    let mut names: Vec<String> = std::fs::read_dir(&share)
        .map_err(|e| format!("{share}: {e}"))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let members = names
        .into_iter()
        .map(|n| Ok((n.clone(), read(format!("{share}/{n}"))?)))
        .collect::<Result<Vec<(String, String)>, String>>()?;
    let steps = Steps::default();
    let (took, reading, _) = sync_natively(&start, &members, &steps);
    let standings: Vec<String> = reading.members.iter().map(|m| format!("{:?}", m.standing)).collect();
    Ok(format!(
        "folder sync natively (release): {:.0} ms for {} members' files; {} taken ({})\nsteps: {}",
        took.as_secs_f64() * 1e3,
        members.len(),
        reading.taken.len(),
        standings.join(", "),
        steps.summary()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::folder::MemberStanding;

    #[test]
    fn a_browser_that_started_from_the_start_file_takes_every_members_edits_without_a_conflict() {
        let files = generate_folder(Size::TOWN, 3, 4, 5);
        let Ok(Opened::Strategy(start)) = format::open(files.start.as_bytes()) else { panic!() };
        let (_, reading, merged) = sync_natively(&files.start, &files.members, &Steps::default());
        assert!(reading.conflicts.is_empty() && reading.refused.is_empty(), "{reading:?}");
        assert_eq!(reading.members.len(), 4);
        assert!(reading.members.iter().all(|m| m.standing == MemberStanding::Taken), "{:?}", reading.members);
        // Every field each member changed is in the merged strategy, as that member wrote it.
        let fields = |s: &crate::model::Strategy| -> Vec<String> {
            let titles = s.goals.iter().flat_map(|g| g.measures.iter()).flat_map(|m| m.initiatives.iter());
            let actuals = s
                .indicators
                .iter()
                .map(|i| format!("{}={:?}", i.id.as_str(), i.series[0].actuals.last().map(|a| a.value)));
            titles.map(|i| format!("{}={}", i.id.as_str(), i.title)).chain(actuals).collect()
        };
        let (base, got) = (fields(&start.strategy), fields(&merged));
        for (k, copy) in edited_members(&start.strategy, 4, 5, 3).iter().enumerate() {
            let changed: Vec<String> = fields(copy).into_iter().filter(|f| !base.contains(f)).collect();
            assert_eq!(changed.len(), 5, "member {k} made its 5 edits");
            for f in changed {
                assert!(got.contains(&f), "member {k}'s {f} is in the merged strategy");
            }
        }
    }

    #[test]
    fn every_file_carries_a_years_history_bounded_and_the_start_descends_from_it() {
        let files = generate_folder(Size::TOWN, 3, 2, 2);
        let lineage = |text: &str| {
            let Ok(Opened::Strategy(f)) = format::open(text.as_bytes()) else { panic!() };
            f.lineage.expect("a lineage")
        };
        let start = lineage(&files.start);
        assert_eq!(start.graph.len(), MAX_GRAPH, "the start file carries a full graph");
        let graph = crate::history::Graph::of_nodes(&start.graph);
        let head = start.head.expect("a head");
        let merges = start.graph.iter().filter(|n| n.parents.len() == 2).count();
        assert!(merges > MAX_GRAPH / 8, "{merges} merges");
        // The oldest version kept is reached from the head: one history, not scattered nodes.
        let oldest = &start.graph.iter().last().expect("nodes").id;
        assert!(graph.reaches(&[head], *oldest));
        for (name, text) in &files.members {
            let l = lineage(text);
            assert_eq!(l.graph.len(), MAX_GRAPH, "{name} carries the bounded graph");
            let g = crate::history::Graph::of_nodes(&l.graph);
            assert!(g.reaches(&[l.head.expect("a head")], head), "{name} descends from the start");
        }
    }
}
