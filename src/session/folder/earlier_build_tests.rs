//! Files written by the build before this one, read by this one: their marks and a folder's
//! reading of them.

/// Files written by an earlier build (`tests/files/written-before/`: a shared folder's start file
/// and two members' files that `bench generate-folder town 7` wrote at 1f8917f4, before a mark's
/// value was hashed from the model's own type): every mark names its value as this build hashes
/// it (marking them again makes no event), and the folder takes both members with no card.
#[test]
fn files_written_by_an_earlier_build_read_the_same_and_merge_without_a_card() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/files/written-before");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .map(|name| (name.clone(), std::fs::read_to_string(format!("{dir}/{name}")).unwrap()))
        .collect();
    files.sort();
    let Some(at) = files.iter().position(|(n, _)| n == "start.json") else { panic!("no start file") };
    let (_, start) = files.remove(at);
    assert_eq!(files.len(), 2);
    for (name, text) in &files {
        let Ok(crate::format::Opened::Strategy(file)) = crate::format::open(text.as_bytes()) else { panic!("{name}") };
        let marks = file.lineage.as_ref().and_then(|l| l.provenance.clone()).expect("a member's file has marks");
        assert!(!marks.is_empty(), "{name}");
        // Read as it arrives here: each value keeps the file's mark only where the mark was
        // made for the value as this build hashes it.
        let arrived = crate::model::merge::provenance::Provenance::arrived(&file.strategy, Some(&marks));
        assert!(arrived.for_file() == marks, "{name}: a value hashed otherwise");
    }
    let (_, reading, stored) = crate::bench::folder::sync_natively(&start, &files, &Default::default());
    assert_eq!(reading.taken.len(), 2, "{:?}", reading.members);
    assert!(reading.conflicts.is_empty(), "{:?}", reading.conflicts);
    assert_ne!(stored.title, "", "stored");
}
