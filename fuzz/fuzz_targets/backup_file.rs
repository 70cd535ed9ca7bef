//! The reader of a backup of everything (`shirube-backup`): any JSON text, read entry by entry.
//! It must never panic, and what it accepts must write out and read back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::{export_everything, parse, read_everything, text_of, BackupToWrite, Saved};

fuzz_target!(|bytes: &[u8]| {
    let Ok(value) = text_of(bytes).and_then(parse) else { return };
    let Ok(all) = read_everything(value) else { return };
    let saved: Vec<Saved> =
        all.strategies.iter().map(|i| Saved { strategy: &i.strategy, saved_at: &i.exported_at }).collect();
    let kept: Vec<BackupToWrite> = all
        .backups
        .iter()
        .map(|b| BackupToWrite { strategy: &b.imported.strategy, taken_at: &b.taken_at, reason: &b.reason })
        .collect();
    let text = export_everything(&saved, &kept, &all.regions, &all.exported_at);
    let again = read_everything(parse(&text).expect("an exported backup is JSON")).expect("an exported backup reads");
    let strategies = |e: &shirube::format::Everything| e.strategies.iter().map(|i| i.strategy.clone()).collect::<Vec<_>>();
    assert_eq!(strategies(&again), strategies(&all), "export then import changed a strategy");
    assert_eq!(again.backups.len(), all.backups.len());
    assert_eq!(again.regions, all.regions, "export then import changed a region");
});
