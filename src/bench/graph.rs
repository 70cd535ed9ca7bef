//! What a year's graph costs in a town file, natively: the file's and its graph's bytes, and the
//! median time to read the graph alone, to key it ([`Graph::of_nodes`]) and to read the whole
//! file (`format::open`); beside them, the graph as a list of nodes read by serde's derive and
//! keyed, and its ids keyed from their text ([`Graph::of`]), as storage keys what a reading takes. `bench graph-read <file>` prints it; a folder's file written by
//! `generate-folder` is a town file after a year of ten people.

use crate::format::{self, Opened};
use crate::history::{Graph, Node, Nodes};
use std::time::Instant;

/// The file's sizes and reading times, as a few lines.
pub fn measure(text: &str, runs: usize) -> Result<String, String> {
    let Ok(Opened::Strategy(read)) = format::open(text.as_bytes()) else { return Err("not a strategy file".into()) };
    let lineage = read.lineage.clone().ok_or("the file has no lineage")?;
    let graph_text = serde_json::to_string(&lineage.graph).map_err(|e| e.to_string())?;
    let time = |f: &mut dyn FnMut()| {
        let mut samples: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    };
    let nodes = time(&mut || {
        std::hint::black_box(serde_json::from_str::<Nodes>(&graph_text).ok());
    });
    let keyed = time(&mut || {
        std::hint::black_box(Graph::of_nodes(&lineage.graph));
    });
    let listed: Vec<Node> = lineage.graph.iter().collect();
    let list_text = serde_json::to_string(&listed).map_err(|e| e.to_string())?;
    let list = time(&mut || {
        std::hint::black_box(serde_json::from_str::<Vec<Node>>(&list_text).ok().map(Nodes::from));
    });
    let texts = time(&mut || {
        std::hint::black_box(Graph::of(listed.iter().cloned()));
    });
    let file = time(&mut || {
        std::hint::black_box(format::open(text.as_bytes()).ok());
    });
    // The marks: as the file carries them, and as they would be with every value marked (each
    // value set by a counted event: a year in which everything was edited).
    let marks = read.marks().map_or(0, |m| serde_json::to_string(&m).map_or(0, |t| t.len()));
    let values = crate::model::merge::provenance::Provenance::arrived(&read.strategy, None).len();
    let every = crate::model::merge::provenance::Provenance::every_value_marked(&read.strategy, "bench", 1_790_000_000);
    let every = serde_json::to_string(&every).map_or(0, |t| t.len());
    Ok(format!(
        "file {} bytes, its graph {} bytes ({} nodes), its marks {marks} bytes; every one of its {values} values marked: {every} bytes\nmedian of {runs}: graph read {nodes:.3} ms, keyed {keyed:.3} ms, file read {file:.3} ms\n\
         the list ({} bytes) read by derive {list:.3} ms, its ids keyed from text {texts:.3} ms",
        text.len(),
        graph_text.len(),
        lineage.graph.len(),
        list_text.len(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::history::{Node, MAX_GRAPH};

    /// A varint's bytes: 7 bits a byte.
    fn varint_len(v: u64) -> usize {
        (64 - v.leading_zeros() as usize).div_ceil(7).max(1)
    }

    #[test]
    fn a_years_graph_takes_a_quarter_of_its_list() {
        let s = crate::bench::generate::generate(crate::bench::generate::Size::named("town").unwrap(), 1);
        let file = crate::bench::folder::a_years_history(&s, "2026-01-01T00:00:00Z");
        let lineage = file.lineage.unwrap();
        let nodes: Vec<Node> = lineage.graph.iter().collect();
        assert_eq!(nodes.len(), MAX_GRAPH);
        // The bound the encoding gives: per node its 16 bytes and its count of parents; per
        // parent the varint of its place relative to the node's (zigzag: under 2 × MAX_GRAPH),
        // or 17 bytes when the list does not hold it; base64 writes 4 characters for 3 bytes.
        let place = varint_len(2 * MAX_GRAPH as u64);
        let bytes: usize = nodes
            .iter()
            .map(|n| {
                let parents: usize =
                    n.parents.iter().map(|p| if lineage.graph.contains(*p) { place } else { 17 }).sum();
                16 + varint_len(n.parents.len() as u64) + parents
            })
            .sum();
        let bound = bytes.div_ceil(3) * 4;
        let compact = lineage.graph.compact().len();
        let list = serde_json::to_string(&nodes).unwrap().len();
        let text = crate::format::export_with_lineage(&file.strategy, "2026-01-01T00:00:00Z", &lineage);
        println!(
            "a year's graph of {} nodes: {compact} bytes (bound {bound}), as format 1's list {list}; the town file {} bytes, {} with the list",
            nodes.len(),
            text.len(),
            text.len() - compact + list
        );
        assert!(compact <= bound, "{compact} > {bound}");
        assert!(compact <= 120_000, "the budget of a year's graph: {compact}");
        assert!(compact * 3 < list, "{compact} against {list}");
    }
}
