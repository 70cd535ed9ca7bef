//! What the tests that read the source as text share (`tests/layers.rs`, `tests/sentences.rs`):
//! the walk over a folder's Rust files, and a file's name as their lists write it.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir` (from the crate's root: `src`, `src/ui`), sorted.
pub fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out.sort();
    out
}

/// `src/…`, with forward slashes.
pub fn name(path: &Path) -> String {
    let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
