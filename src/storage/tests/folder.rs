//! The memory folder as a folder read by hand gives it: a file the browser would not read is
//! listed, and reading it fails with why, so that the reading lists it as refused.

use super::*;

#[test]
fn a_file_that_would_not_read_is_listed_and_its_reading_fails_with_why() {
    let folder = MemoryFolder::new();
    folder.put("shirube-strategy-s-m1.json", b"{}".to_vec());
    folder.put_unreadable("shirube-strategy-s-m2.json", "NotReadableError");
    let mut names: Vec<String> = folder.list().wait().unwrap().into_iter().map(|e| e.name).collect();
    names.sort();
    assert_eq!(names, ["shirube-strategy-s-m1.json", "shirube-strategy-s-m2.json"]);
    let why = FolderError::File { name: "shirube-strategy-s-m2.json".into(), detail: "NotReadableError".into() };
    assert_eq!(folder.read("shirube-strategy-s-m2.json").wait(), Err(why.clone()));
    assert_eq!(folder.read_start("shirube-strategy-s-m2.json", 4096).wait(), Err(why));
    assert_eq!(folder.read("shirube-strategy-s-m1.json").wait(), Ok(b"{}".to_vec()));
}
