//! Storage's graph record: written as the compact string a file carries, and a record written as
//! a list of nodes (by the builds before format 2) read as it was.

use super::*;
use crate::history::{Node, Nodes};

#[test]
fn the_graph_record_is_written_compact_and_a_list_written_before_reads_as_it_did() {
    let (mem, store) = store();
    let mut s = template::from_second_period(
        "第2期しるべ町総合戦略",
        "しるべ町",
        PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
    );
    for (i, title) in ["一", "二", "三"].into_iter().enumerate() {
        s.title = title.into();
        store.save(&s, &format!("2026-01-0{}T09:00:00Z", i + 1)).wait().unwrap();
        store.export_file(&s.id, FOUND).wait().unwrap();
    }
    let record = mem.get(&keys::graph(&s.id)).wait().unwrap().expect("a graph record");
    let nodes = Nodes::from_stored(&record).expect("it reads");
    assert!(record.starts_with('"') && nodes.len() >= 3, "one compact string: {record}");
    let place = store.place(&s.id).wait().unwrap();
    // The same record as the build before wrote it.
    let list = serde_json::to_string(&nodes.iter().collect::<Vec<Node>>()).unwrap();
    mem.set(&keys::graph(&s.id), &list).wait().unwrap();
    let read = store.place(&s.id).wait().unwrap();
    assert_eq!((&read.id, &read.parents, &read.graph), (&place.id, &place.parents, &place.graph));
    assert!(nodes.iter().all(|n| read.holds(n.id)));
}
