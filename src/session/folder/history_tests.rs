//! The folder sync where a version named by its content parted members for good: a restore, a
//! conflict decided on one side, a value corrected several times, a value typed back, a member
//! away while the others shared hundreds of versions — and a poll where nothing changed, which
//! reads only the files' tops; a member's version kept in the batch that stores what was taken
//! from it.

use super::tests::{actual, assert_fixed_point, at, settle, three, MemberBrowser};
use super::*;
use crate::model::merge::Side;
use crate::model::FiscalYear;
use crate::model::Strategy;
use crate::storage::MemoryFolder;
use crate::testing::Wait;

#[test]
fn a_restore_after_a_merge_sticks_and_reaches_everyone() {
    let (folder, mut a, mut b, mut c) = three();
    b.edit(&at(10), |s| s.title = "佐藤の題名".into());
    b.poll(&folder, &at(11));
    let (r, _) = a.poll(&folder, &at(12));
    assert_eq!(a.strategy().title, "佐藤の題名", "{r:?}");
    // 「この版に戻す」: the version before B's change.
    let before = a.store.versions(&a.sync.strategy).wait().unwrap();
    let seq = r.taken[0].undo.unwrap();
    assert!(before.iter().any(|v| v.seq == seq));
    a.store.restore_version(&a.sync.strategy, seq, &at(13)).wait().unwrap();
    let restored = a.strategy();
    assert_ne!(restored.title, "佐藤の題名");
    // A's own next poll does not merge B's change back in.
    let (r, _) = a.poll(&folder, &at(14));
    assert!(r.taken.is_empty() && !r.stored, "{r:?}");
    assert_eq!(a.strategy(), restored);
    settle(&folder, &mut [&mut a, &mut b, &mut c], 15, 2);
    assert_eq!(b.strategy(), restored, "the restore reached the member whose change it took back");
    assert_fixed_point(&folder, &mut [&mut a, &mut b, &mut c], 20);
}

fn conflict_decided_on_one_side(side: Side) {
    let (folder, mut a, mut b, mut c) = three();
    a.edit(&at(10), |s| s.title = "田中の題名".into());
    b.edit(&at(10), |s| s.title = "佐藤の題名".into());
    a.poll(&folder, &at(11));
    b.poll(&folder, &at(11));
    let r = a.read(&folder, &at(12));
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    // A decides; B never does.
    let conflict = &r.conflicts[0];
    assert!(!conflict.theirs_took_ours, "B has taken nothing of A's yet");
    a.edit(&at(12), |s| s.title = "その後の題名".into());
    let stale = crate::session::folder::decide(&a.store, conflict, &[side], &at(13)).wait().unwrap();
    assert_eq!(stale, crate::session::folder::Decided::Stale, "an edit since the cards: nothing stored");
    assert_eq!(a.strategy().title, "その後の題名");
    a.edit(&at(12), |s| s.title = "田中の題名".into());
    let r = a.read(&folder, &at(12));
    let conflict = &r.conflicts[0];
    let stored = crate::session::folder::decide(&a.store, conflict, &[side], &at(13)).wait().unwrap();
    assert_eq!(stored, crate::session::folder::Decided::Stored);
    let decided = a.strategy().title;
    let head = a.store.head(&a.strategy().id).wait().unwrap();
    assert_eq!(head.reason, crate::storage::VersionReason::Merged);
    assert_eq!(head.merged_from.as_deref(), Some(conflict.by.as_str()), "the decision names the person");
    assert_eq!(decided, if side == Side::Ours { "田中の題名" } else { "佐藤の題名" });
    assert!(
        a.write(&folder, &at(14)),
        "a decision is a version of its own, written even when its content is one side's"
    );
    // B takes A's decision as it is: no card.
    let (r, _) = b.poll(&folder, &at(15));
    assert!(r.conflicts.is_empty(), "{:?}", r.members);
    assert_eq!(b.strategy().title, decided);
    settle(&folder, &mut [&mut a, &mut b, &mut c], 16, 2);
    assert_fixed_point(&folder, &mut [&mut a, &mut b, &mut c], 20);
}

#[test]
fn a_conflict_decided_on_one_side_for_its_own_wording_settles() {
    conflict_decided_on_one_side(Side::Ours);
}

#[test]
fn a_conflict_decided_on_one_side_for_the_other_wording_settles() {
    conflict_decided_on_one_side(Side::Theirs);
}

#[test]
fn a_value_corrected_five_times_while_another_edits_elsewhere_never_conflicts() {
    let (folder, mut a, mut b, mut c) = three();
    for i in 0..5u32 {
        a.edit(&at(10 + 3 * i), |s| actual(s, 1001.0 + f64::from(i)));
        b.edit(&at(10 + 3 * i), |s| s.title = format!("評価 {i}"));
        for d in [&mut a, &mut b, &mut c] {
            let (r, _) = d.poll(&folder, &at(11 + 3 * i));
            assert!(
                r.conflicts.is_empty(),
                "round {i}: {:?}",
                r.conflicts.iter().map(|c| &c.merge.conflicts).collect::<Vec<_>>()
            );
        }
    }
    settle(&folder, &mut [&mut a, &mut b, &mut c], 30, 2);
    let s = b.strategy();
    let year = s.indicators[0].series[0].actuals.iter().find(|x| x.year == FiscalYear(2023)).unwrap().value;
    assert_eq!((year, s.title.as_str()), (1005.0, "評価 4"), "every correction reached the colleague");
    assert_fixed_point(&folder, &mut [&mut a, &mut b, &mut c], 40);
}

#[test]
fn a_value_typed_back_reaches_the_others() {
    let (folder, mut a, mut b, mut c) = three();
    let original = a.strategy().title;
    a.edit(&at(10), |s| s.title = "変更".into());
    settle(&folder, &mut [&mut a, &mut b, &mut c], 11, 2);
    assert_eq!(b.strategy().title, "変更");
    b.edit(&at(15), |s| s.title = original.clone());
    settle(&folder, &mut [&mut b, &mut a, &mut c], 16, 2);
    assert_eq!(a.strategy().title, original, "typed back, and taken");
    b.edit(&at(20), |s| s.municipality.name = "別の市".into());
    settle(&folder, &mut [&mut b, &mut a, &mut c], 21, 2);
    assert_eq!((a.strategy().title, a.strategy().municipality.name), (original, "別の市".to_owned()));
    assert_fixed_point(&folder, &mut [&mut a, &mut b, &mut c], 30);
}

#[test]
fn a_member_away_while_the_others_share_300_versions_syncs_on_return() {
    let (folder, mut a, mut b, mut c) = three();
    // C is away: A and B share 300 versions between them.
    for i in 0..150u32 {
        a.edit(&format!("2026-12-02T{:02}:{:02}:00Z", i / 60, i % 60), |s| actual(s, f64::from(i)));
        let (r, _) = a.poll(&folder, &format!("2026-12-02T{:02}:{:02}:10Z", i / 60, i % 60));
        assert!(
            r.conflicts.is_empty(),
            "A, round {i}: {:?}",
            r.conflicts.iter().map(|c| &c.merge.conflicts).collect::<Vec<_>>()
        );
        b.edit(&format!("2026-12-02T{:02}:{:02}:20Z", i / 60, i % 60), |s| s.title = format!("版{i}"));
        let (r, _) = b.poll(&folder, &format!("2026-12-02T{:02}:{:02}:30Z", i / 60, i % 60));
        assert!(
            r.conflicts.is_empty(),
            "B, round {i}: {:?}",
            r.conflicts.iter().map(|c| &c.merge.conflicts).collect::<Vec<_>>()
        );
    }
    let graph = a.store.place(&a.sync.strategy).wait().unwrap().graph.len();
    assert!(graph >= 300, "{graph} versions named");
    // C edits offline and comes back.
    c.edit(&at(50), |s| s.municipality.name = "Cの市".into());
    let (r, _) = c.poll(&folder, &at(51));
    assert!(r.members.iter().all(|m| m.standing != MemberStanding::Unmerged), "{:?}", r.members);
    settle(&folder, &mut [&mut c, &mut a, &mut b], 52, 2);
    let s = a.strategy();
    assert_eq!((s.municipality.name.as_str(), s.title.as_str()), ("Cの市", "版149"));
    assert_fixed_point(&folder, &mut [&mut a, &mut b, &mut c], 56);
}

#[test]
fn a_quiet_poll_reads_only_the_tops_of_files_it_holds_and_nothing_of_files_unchanged_since() {
    let (folder, mut a, mut b, mut c) = three();
    a.edit(&at(10), |s| s.title = "A".into());
    settle(&folder, &mut [&mut a, &mut b, &mut c], 11, 3);
    let (reads, starts) = (folder.reads().len(), folder.starts().len());
    a.poll(&folder, &at(20));
    assert_eq!(folder.reads().len(), reads, "no file read whole");
    assert_eq!(folder.starts().len(), starts, "the files' size and time unchanged: not even their tops");
    // A fresh sync of the same member (a reload): the tops, and the others' files read whole
    // once to check that they are whole (a top says nothing of the rest).
    let mut again = FolderSync::new(a.sync.me.clone(), a.sync.strategy.clone());
    let r = again.read(&a.store, &folder, &at(21)).wait().unwrap();
    assert!(r.members.iter().all(|m| m.standing == MemberStanding::InStep && m.name.is_some()), "{:?}", r.members);
    assert_eq!(folder.reads().len(), reads + 2, "the two others' files read whole once");
    assert_eq!(folder.starts().len(), starts + 3, "the three files' tops");
    // Its next poll: nothing read at all.
    let r = again.read(&a.store, &folder, &at(22)).wait().unwrap();
    assert!(r.members.iter().all(|m| m.standing == MemberStanding::InStep), "{:?}", r.members);
    assert_eq!((folder.reads().len(), folder.starts().len()), (reads + 2, starts + 3));
}

#[test]
fn a_file_cut_or_corrupt_past_a_top_naming_a_version_held_is_listed_with_its_reason() {
    use crate::format::{ImportError, JsonProblem, TOP_BYTES};
    let (folder, mut a, b, _) = three();
    let b_file = b.sync.own_file();
    let good = folder.get(&b_file).unwrap();
    assert!(good.len() > TOP_BYTES + 1024, "a file longer than its top: {}", good.len());
    let (r, _) = a.poll(&folder, &at(10));
    assert!(r.members.iter().all(|m| m.standing == MemberStanding::InStep), "{:?}", r.members);
    let held = crate::format::peek_top(&good).unwrap().head.unwrap();
    let refusal = |r: &FolderReading| r.refused.iter().find(|x| x.file == b_file).map(|x| x.reason.clone());
    // Cut after its first KB (a copy the network drive broke off): its top still names the
    // version A holds.
    let cut = good[..1024].to_vec();
    assert_eq!(crate::format::peek_top(&cut).and_then(|t| t.head), Some(held), "the top survives the cut");
    folder.put(&b_file, cut);
    for minute in [11, 12] {
        let (r, _) = a.poll(&folder, &at(minute));
        assert!(
            matches!(
                refusal(&r),
                Some(FileRefusal::File(ImportError::NotJson { problem: JsonProblem::Truncated, .. }))
            ),
            "poll {minute}: {:?}",
            r.refused
        );
        let line = r.members.iter().find(|m| m.file == b_file).unwrap();
        assert_eq!(line.standing, MemberStanding::Refused, "not 「同じ内容です」");
    }
    // Corrupt past its top, the same size: bytes of the middle overwritten (with bytes no text
    // holds, so that it is broken wherever the middle falls).
    let mut corrupt = good.clone();
    let middle = TOP_BYTES + (corrupt.len() - TOP_BYTES) / 2;
    corrupt[middle..middle + 16].copy_from_slice(&[0xff; 16]);
    assert_eq!(crate::format::peek_top(&corrupt).and_then(|t| t.head), Some(held));
    folder.put(&b_file, corrupt);
    let (r, _) = a.poll(&folder, &at(13));
    assert!(matches!(refusal(&r), Some(FileRefusal::File(_))), "{:?}", r.refused);
    // Mended: read whole once more, then in step again.
    folder.put(&b_file, good);
    let (r, _) = a.poll(&folder, &at(14));
    assert!(r.refused.is_empty() && r.members.iter().all(|m| m.standing == MemberStanding::InStep), "{r:?}");
}

#[test]
fn two_members_who_made_the_strategy_alike_before_writing_anything_are_in_step() {
    let s = crate::model::merge::edits::town();
    let folder = MemoryFolder::new();
    let (mut a, mut b) = (MemberBrowser::new("田中", &s.id), MemberBrowser::new("佐藤", &s.id));
    a.store.save(&s, &at(0)).wait().unwrap();
    b.store.save(&s, &at(0)).wait().unwrap();
    assert!(a.write(&folder, &at(1)));
    a.edit(&at(2), |s| s.title = "A".into());
    a.write(&folder, &at(3));
    let (r, _) = b.poll(&folder, &at(4));
    assert!(r.members.iter().all(|m| m.standing == MemberStanding::Taken), "{:?}", r.members);
    assert_eq!(b.strategy().title, "A");
    settle(&folder, &mut [&mut a, &mut b], 5, 2);
    assert_fixed_point(&folder, &mut [&mut a, &mut b], 10);
}

#[test]
fn a_member_quiet_for_two_weeks_is_away_and_names_are_the_files_and_bounded() {
    let (folder, mut a, b, _) = three();
    let b_file = b.sync.own_file();
    // B's file says another member wrote it, with a name of a million characters.
    let text = String::from_utf8(folder.get(&b_file).unwrap()).unwrap();
    let forged = text.replacen(&format!("\"id\":\"{}\"", b.sync.me.id), "\"id\":\"mother\"", 1);
    folder.put(&b_file, forged.replacen("佐藤", &"長".repeat(1_000_000), 1));
    a.edit("2026-12-20T08:00:00Z", |s| s.title = "A".into());
    a.poll(&folder, "2026-12-20T09:00:00Z");
    let (r, _) = a.poll(&folder, "2026-12-20T09:01:00Z");
    let line = r.members.iter().find(|m| m.file == b_file).unwrap();
    assert_eq!(line.name, None, "a name the file's own name disagrees with is not shown");
    assert_eq!(line.standing, MemberStanding::Away, "{line:?}");
    let c_line = r.members.iter().find(|m| m.file != b_file).unwrap();
    assert!(c_line.name.as_deref().is_some_and(|n| n.chars().count() <= 41));
    assert_eq!(reading::days_between("2026-02-28T00:00:00Z", "2026-03-01T23:00:00Z"), Some(1));
    assert_eq!(reading::bounded_name(&"長".repeat(100)).chars().count(), 41);
}

#[test]
fn a_second_pc_writing_under_the_same_member_id_is_taken_as_another_member_and_nothing_is_lost() {
    let (folder, mut a, mut b, mut c) = three();
    // A's browser profile copied to a second PC: the same member id, storage of its own.
    let mut copy = MemberBrowser::with_id("田中", &a.sync.me.id, &a.sync.strategy);
    let (got, _) = take_whole(&copy.store, &folder, &a.sync.strategy, &at(5)).wait().unwrap().unwrap();
    assert_eq!(got, a.strategy());
    copy.poll(&folder, &at(6));
    copy.edit(&at(7), |s| s.title = "二台目の題名".into());
    assert!(copy.write(&folder, &at(8)), "the copy writes A's file name");
    a.edit(&at(9), |s| s.municipality.name = "一台目の市".into());
    let old_id = a.sync.me.id.clone();
    let old_marker = a.store.marker().wait().unwrap();
    let r = a.read(&folder, &at(10));
    assert_eq!(r.renamed_from.as_deref(), Some(old_id.as_str()), "{r:?}");
    assert_ne!(a.sync.me.id, old_id, "A goes on under a new id");
    assert_ne!(a.store.marker().wait().unwrap(), old_marker, "and marks its events under a new name");
    assert!(r.stored && r.conflicts.is_empty(), "{r:?}");
    let said = crate::words::folder::reading(&r, crate::locale::Language::Ja).join("");
    assert!(said.contains("新しいメンバーID"), "{said}");
    assert!(a.write(&folder, &at(11)));
    let copy_file = file_name(&a.sync.strategy, &old_id);
    let in_copy_file = crate::format::open(&folder.get(&copy_file).unwrap()).unwrap();
    let crate::format::Opened::Strategy(in_copy_file) = in_copy_file else { panic!("a strategy file") };
    assert_eq!(in_copy_file.strategy.title, "二台目の題名", "the copy's file is not overwritten");
    settle(&folder, &mut [&mut a, &mut b, &mut c, &mut copy], 12, 3);
    let s = b.strategy();
    assert_eq!(
        (s.title.as_str(), s.municipality.name.as_str()),
        ("二台目の題名", "一台目の市"),
        "both PCs' edits reach everyone"
    );
    assert_fixed_point(&folder, &mut [&mut a, &mut b, &mut c, &mut copy], 20);
}

#[test]
fn a_members_changes_are_stored_with_their_version_kept_in_one_batch_or_alone_when_there_is_no_room_for_both() {
    for room_for_both in [true, false] {
        let (folder, mut a, mut b, _c) = three();
        let id = a.sync.strategy.clone();
        a.edit(&at(3), |s| actual(s, 111.0));
        assert!(a.write(&folder, &at(4)));
        b.edit(&at(3), |s| s.title.push_str("（改）"));
        if !room_for_both {
            // Room for the merge (a copy of the version it replaces, and a little) but not for
            // A's version kept beside it too.
            let text = b.mem.get_now(&crate::storage::keys::strategy(&id)).unwrap().len();
            b.mem.set_quota(Some(b.mem.used_bytes() + text * 3 / 2));
        }
        let batches = b.mem.batches();
        let r = b.read(&folder, &at(5));
        assert_eq!(r.taken.len(), 1, "{:?}", r.members);
        assert_eq!(b.mem.batches() - batches, 1, "one batch (room for both: {room_for_both})");
        let s = b.strategy();
        assert!(s.title.ends_with("（改）") && s.indicators[0].series[0].actuals.iter().any(|x| x.value == 111.0));
        let revision = b.store.head(&id).wait().unwrap().revision;
        assert!(r.head == Some((s, revision)), "the open strategy follows the version stored as it is");
        let kept = b.store.taken_versions(&id).wait().unwrap();
        let theirs = r.members.iter().find(|m| m.member == a.sync.me.id).and_then(|m| m.version).unwrap();
        match room_for_both {
            true => assert_eq!(kept.iter().map(|k| k.id).collect::<Vec<_>>(), vec![theirs]),
            false => assert!(kept.is_empty(), "no room: the merge alone"),
        }
    }
}

#[test]
fn several_members_changes_are_stored_in_one_batch_each_its_own_version_with_its_own_undo() {
    let (folder, mut a, mut b, mut c) = three();
    let id = a.sync.strategy.clone();
    a.edit(&at(3), |s| actual(s, 111.0));
    assert!(a.write(&folder, &at(4)));
    c.edit(&at(3), |s| s.title.push_str("（改）"));
    assert!(c.write(&folder, &at(4)));
    b.edit(&at(3), |s| s.municipality.name = "Bの市".into());
    let (batches, versions) = (b.mem.batches(), b.store.versions(&id).wait().unwrap().len());
    let r = b.read(&folder, &at(5));
    assert_eq!(r.taken.len(), 2, "{:?}", r.members);
    assert_eq!(b.mem.batches() - batches, 1, "both members' versions in one batch");
    assert_eq!(b.store.versions(&id).wait().unwrap().len(), versions + 2, "each its own version in the history");
    let has_a = |s: &Strategy| s.indicators[0].series[0].actuals.iter().any(|x| x.value == 111.0);
    let has_c = |s: &Strategy| s.title.ends_with("（改）");
    let s = b.strategy();
    assert!(has_a(&s) && has_c(&s) && s.municipality.name == "Bの市");
    let revision = b.store.head(&id).wait().unwrap().revision;
    assert!(r.head == Some((s, revision)), "the open strategy follows the last version stored");
    let kept = b.store.taken_versions(&id).wait().unwrap();
    assert_eq!(kept.len(), 2, "each member's version kept beside, in the same batch");
    // The second one's undo brings back the first one's version; the first one's, B's own.
    let undos: Vec<u64> = r.taken.iter().map(|t| t.undo.expect("each has an undo")).collect();
    assert_ne!(undos[0], undos[1]);
    let first_was_a = r.taken[0].by == "田中";
    let back = undo(&b.store, &id, undos[1], &at(6)).wait().unwrap();
    assert_eq!((has_a(&back), has_c(&back)), (first_was_a, !first_was_a), "{:?}", r.taken);
    assert_eq!(back.municipality.name, "Bの市");
    let back = undo(&b.store, &id, undos[0], &at(7)).wait().unwrap();
    assert!(!has_a(&back) && !has_c(&back) && back.municipality.name == "Bの市");
}

/// The smallest criss-cross in the folder: A: X1, B: Y1; B takes A's file;
/// A: X2 and takes B's; B: Y2 and is shown A's older file; A: X3. B never touched A's field.
#[test]
fn after_the_issues_criss_cross_a_field_only_one_member_changed_is_no_card() {
    let (folder, mut a, mut b, _) = three();
    fn name(s: &mut Strategy, i: usize) -> &mut String {
        &mut std::sync::Arc::make_mut(&mut s.indicators[i]).name
    }
    a.edit(&at(10), |s| *name(s, 0) = "X1".into());
    a.write(&folder, &at(10));
    b.edit(&at(10), |s| *name(s, 1) = "Y1".into());
    b.write(&folder, &at(10));
    b.read(&folder, &at(11));
    a.edit(&at(12), |s| *name(s, 0) = "X2".into());
    a.read(&folder, &at(12));
    b.edit(&at(13), |s| *name(s, 1) = "Y2".into());
    b.read(&folder, &at(13));
    b.write(&folder, &at(13));
    a.edit(&at(14), |s| *name(s, 0) = "X3".into());
    a.write(&folder, &at(14));
    let r = b.read(&folder, &at(15));
    let cards: Vec<_> =
        r.conflicts.iter().flat_map(|c| c.merge.conflicts.iter().map(|x| (&x.base, &x.ours, &x.theirs))).collect();
    assert!(cards.is_empty(), "{cards:?}");
    assert_eq!((b.strategy().indicators[0].name.as_str(), b.strategy().indicators[1].name.as_str()), ("X3", "Y2"));
}

/// A criss-cross whose nearest version B never held whole: A's X1 reached B only inside C's
/// merge, so B cannot build the virtual base and falls back to an older common version ("the
/// meeting version is not stored": base 新規就業者数, B's X1 from C's merge, A's X2). A's file
/// carries its merge, written last, not X1. The files' marks decide it: no card.
#[test]
fn a_criss_cross_whose_nearest_version_came_inside_anothers_merge_gives_no_false_card() {
    fn name(s: &mut Strategy, i: usize) -> &mut String {
        &mut std::sync::Arc::make_mut(&mut s.indicators[i]).name
    }
    let (folder, mut a, mut b, mut c) = three();
    a.edit(&at(10), |s| *name(s, 0) = "X1".into());
    a.write(&folder, &at(10));
    b.edit(&at(10), |s| *name(s, 1) = "Y1".into());
    b.write(&folder, &at(10));
    c.edit(&at(11), |s| *name(s, 2) = "Z1".into());
    // C takes A's X1 alone (B's file out of the folder meanwhile), and writes its merge.
    let b_file = b.sync.own_file();
    let b_text = folder.take_out(&b_file).unwrap();
    c.read(&folder, &at(11));
    c.write(&folder, &at(11));
    let a_text = folder.take_out(&a.sync.own_file()).unwrap();
    // B takes C's merge (A's X1 inside it), not A's file.
    b.read(&folder, &at(12));
    folder.put(&a.sync.own_file(), a_text);
    folder.put(&b_file, b_text);
    // A takes B's Y1 (written before B took C's), then corrects X.
    let c_text = folder.take_out(&c.sync.own_file()).unwrap();
    a.read(&folder, &at(13));
    // A writes its merge: its next file carries that one whole, not X1.
    a.write(&folder, &at(13));
    folder.put(&c.sync.own_file(), c_text);
    a.edit(&at(14), |s| *name(s, 0) = "X2".into());
    a.write(&folder, &at(14));
    b.edit(&at(15), |s| *name(s, 1) = "Y2".into());
    let r = b.read(&folder, &at(16));
    let cards: Vec<_> =
        r.conflicts.iter().flat_map(|c| c.merge.conflicts.iter().map(|x| (&x.base, &x.ours, &x.theirs))).collect();
    // B never changed indicator 0's name since their common history: A's correction is taken
    // with no card, though the version where their nearest ones met was never stored here
    // (the marks of where each value was last set make the merge's base exact).
    assert!(cards.is_empty(), "a false card: {cards:?}");
    assert_eq!(name(&mut b.strategy(), 0).as_str(), "X2", "A's correction taken");
    assert_eq!(name(&mut b.strategy(), 1).as_str(), "Y2", "B's own edit kept");
}

#[test]
fn members_with_no_version_in_common_get_every_difference_as_a_card_and_then_converge() {
    // A and B each began the same strategy on their own: no version is common to them.
    let s = crate::model::merge::edits::town();
    let folder = MemoryFolder::new();
    let mut a = MemberBrowser::new("田中", &s.id);
    a.store.save(&s, &at(0)).wait().unwrap();
    let mut b = MemberBrowser::new("佐藤", &s.id);
    let mut theirs = s.clone();
    theirs.title = "佐藤の題名".into();
    let goal = crate::model::Goal::new(crate::model::GoalKind::Basic, "9", "佐藤だけの目標");
    theirs.goals.push(std::sync::Arc::new(goal));
    b.store.save(&theirs, &at(0)).wait().unwrap();
    assert!(a.write(&folder, &at(1)) && b.write(&folder, &at(1)));
    let r = b.read(&folder, &at(2));
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    let cards = &r.conflicts[0].merge.conflicts;
    assert_eq!(cards.len(), 2, "the title and the goal only B holds: {cards:?}");
    assert!(cards.iter().all(|c| c.base == crate::model::merge::Version::Unknown), "{cards:?}");
    assert!(r.taken.is_empty() && b.strategy() == theirs, "nothing taken silently");
    assert!(r.members.iter().any(|m| m.standing == MemberStanding::Conflicts), "{:?}", r.members);
    // B keeps A's title and its own goal.
    let choices: Vec<Side> = cards
        .iter()
        .map(|c| if c.field == crate::model::merge::Field::Whole { Side::Ours } else { Side::Theirs })
        .collect();
    let stored = crate::session::folder::decide(&b.store, &r.conflicts[0], &choices, &at(3)).wait().unwrap();
    assert_eq!(stored, crate::session::folder::Decided::Stored);
    let decided = b.strategy();
    assert_eq!((decided.title.as_str(), decided.goals.len()), (s.title.as_str(), s.goals.len() + 1));
    b.write(&folder, &at(4));
    settle(&folder, &mut [&mut a, &mut b], 5, 2);
    assert_eq!(a.strategy(), decided, "A takes B's decision with no card of its own");
    assert_fixed_point(&folder, &mut [&mut a, &mut b], 10);
}

#[test]
fn a_browser_marks_its_events_under_one_name_in_the_folder_and_in_a_file_it_exports() {
    let (folder, mut a, _b, _c) = three();
    let marker = a.store.marker().wait().unwrap();
    a.edit(&at(3), |s| s.title = "フォルダーで".into());
    assert!(a.write(&folder, &at(4)));
    let read = |bytes: &[u8]| match crate::format::open(bytes).unwrap() {
        crate::format::Opened::Strategy(file) => file.marks().unwrap(),
        _ => panic!("a strategy file"),
    };
    let in_folder = read(&folder.get(&a.sync.own_file()).unwrap());
    assert!(in_folder.seen_of(&marker) > 0, "the folder's file names this browser's marker");
    assert_eq!(in_folder.seen_of(&a.sync.me.id), 0, "not its member id");
    a.edit(&at(5), |s| s.title = "書き出しで".into());
    let (text, _) = a.store.export_file(&a.sync.strategy, &at(6)).wait().unwrap();
    let exported = read(text.as_bytes());
    assert!(exported.seen_of(&marker) > in_folder.seen_of(&marker), "the export's event is the same name's, later");
    assert_eq!(exported.seen_of(&a.sync.me.id), 0, "no second name for this browser");
}
