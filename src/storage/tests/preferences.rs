//! The preferences: a round trip, defaults for missing fields, garbage kept aside.

use super::*;
use crate::locale::{Language, YearStyle};

/// Who I am is said per strategy: the planning section in one, a section in another,
/// nothing in a third; unsaying removes it.
#[test]
fn who_i_am_is_kept_per_strategy() {
    use crate::model::Role;
    let (a, b, c) = (Id::from("strategy-a"), Id::from("strategy-b"), Id::from("strategy-c"));
    let mut p = Preferences::default();
    p.set_role(&a, Some(Role::Planning));
    p.set_role(&b, Some(Role::Department(Id::from("dept-kosodate"))));
    assert_eq!(p.role_in(&a), Some(Role::Planning));
    assert_eq!(p.role_in(&b), Some(Role::Department(Id::from("dept-kosodate"))));
    assert_eq!(p.role_in(&c), None);
    p.set_role(&Id::from("strategy"), Some(Role::Planning));
    assert_eq!(p.role_in(&a), Some(Role::Planning), "a strategy whose id starts another's is another");
    assert_eq!(p.role_in(&Id::from("strategy")), Some(Role::Planning));
    p.set_role(&Id::from("strategy"), None);
    let (_, store) = store();
    store.save_preferences(&p).wait().unwrap();
    let mut back = store.preferences().wait();
    assert_eq!(back, p);
    back.set_role(&a, None);
    assert_eq!((back.role_in(&a), back.roles.len()), (None, 1));
    back.set_role(&b, Some(Role::Planning));
    assert_eq!((back.role_in(&b), back.roles.len()), (Some(Role::Planning), 1), "said again: replaced");
}

#[test]
fn preferences_round_trip_and_fall_back_to_defaults() {
    let (mem, store) = store();
    assert_eq!(store.preferences().wait(), Preferences::default());
    assert_eq!(
        Preferences::default(),
        Preferences {
            language: Language::Ja,
            year_style: YearStyle::Japanese,
            last_opened: None,
            ..Preferences::default()
        }
    );
    let p = Preferences {
        language: Language::En,
        year_style: YearStyle::Western,
        last_opened: Some(Id::from("strategy-1")),
        folder_member: Some("m-1".into()),
        folder_name: Some("田中".into()),
        folder_strategies: vec![Id::from("strategy-1")],
        roles: vec!["strategy-1=dept-1".to_owned()],
    };
    store.save_preferences(&p).wait().unwrap();
    assert_eq!(store.preferences().wait(), p);
    assert!(mem.get(keys::PREFERENCES).wait().unwrap().unwrap().contains("\"western\""));

    assert!(mem.get(keys::PREFERENCES).wait().unwrap().unwrap().contains("\"roles\":[\"strategy-1=dept-1\"]"));

    // Written by an older build: missing fields take their defaults.
    mem.set(keys::PREFERENCES, r#"{"language":"en"}"#).wait().unwrap();
    assert_eq!(store.preferences().wait(), Preferences { language: Language::En, ..Preferences::default() });
    assert!(store.garbage().wait().unwrap().is_empty());

    for garbage in ["", "nope", "[1]", "null", r#"{"language":"fr"}"#, r#"{"last_opened":5}"#] {
        let (mem, store) = self::store();
        mem.set(keys::PREFERENCES, garbage).wait().unwrap();
        assert_eq!(store.preferences().wait(), Preferences::default(), "{garbage:?}");
        let kept = store.garbage().wait().unwrap();
        assert_eq!(kept.len(), 1, "{garbage:?}");
        assert_eq!(kept[0].original_key, keys::PREFERENCES);
        assert_eq!(store.garbage_text(&kept[0].key).wait().unwrap(), garbage);
        assert_eq!(store.preferences().wait(), Preferences::default(), "{garbage:?}: still the defaults");
        store.save_preferences(&p).wait().unwrap();
        assert_eq!(store.preferences().wait(), p);
    }
}

#[test]
fn table_mappings_are_remembered_per_layout_beside_the_preferences() {
    use crate::format::table::{ColumnRole, Mapping, Remembered};
    let (mem, store) = store();
    assert!(store.table_mappings().wait().is_empty());
    let one =
        Mapping { header_rows: 1, columns: vec![Remembered { header: "指標名".into(), role: ColumnRole::Name }] };
    let two = Mapping { header_rows: 2, columns: vec![Remembered { header: "番号".into(), role: ColumnRole::Code }] };
    store.remember_table_mapping("t1-a", &one).wait().unwrap();
    store.remember_table_mapping("t2-b", &two).wait().unwrap();
    store.remember_table_mapping("t1-a", &two).wait().unwrap();
    let all = store.table_mappings().wait();
    assert_eq!(all.len(), 2);
    assert_eq!((&all["t1-a"], &all["t2-b"]), (&two, &two));
    assert_eq!(store.preferences().wait(), Preferences::default(), "the preferences are not touched");
    mem.set(keys::TABLE_MAPPINGS, "nope").wait().unwrap();
    assert!(store.table_mappings().wait().is_empty(), "unreadable: none remembered");
}
