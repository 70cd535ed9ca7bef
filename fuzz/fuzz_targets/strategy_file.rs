//! The strategy reader: any bytes, as the file input or a drop gives them, through
//! `format::open` (size, encoding, kind, JSON, migration, shape, rules). It must never panic, and
//! what it accepts must write out and read back as the same strategy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::{export, import, open, Opened};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(Opened::Strategy(read)) = open(bytes) {
        let again = import(&export(&read.strategy, "2026-11-23T00:00:00Z")).expect("an exported strategy imports");
        assert_eq!(again.strategy, read.strategy, "export then import changed the strategy");
    }
});
