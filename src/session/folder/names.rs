//! The names of the files in a shared folder: one file per member and strategy,
//! `shirube-<strategy id>-<member id>.json` (ASCII), and the member id, random per browser
//! profile and made of letters and digits only, so that the name splits at its last `-`.

use crate::model::{is_safe_id, Id};

const PREFIX: &str = "shirube-";
const SUFFIX: &str = ".json";

/// A fresh member id: `m` and 32 hexadecimal digits (kept in the preferences, made once per
/// browser profile).
pub fn new_member_id() -> String {
    format!("m{}", uuid::Uuid::new_v4().simple())
}

/// Whether `id` can be a member id: 1 to 64 ASCII letters and digits (no `-`, which separates
/// it from the strategy's id in a file's name).
pub fn is_member_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The own file's name of member `member` for strategy `strategy`.
pub fn file_name(strategy: &Id, member: &str) -> String {
    format!("{PREFIX}{}-{member}{SUFFIX}", strategy.as_str())
}

/// What a name in the folder is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// A member's file: the strategy and the member it names.
    Member { strategy: Id, member: String },
    /// Anything else (another program's file, a browser's `*.crswap` left over from a write
    /// cut short, a copy renamed by hand): not read.
    Other,
}

/// Reads a file's name.
pub fn name_of(name: &str) -> Name {
    let Some(middle) = name.strip_prefix(PREFIX).and_then(|n| n.strip_suffix(SUFFIX)) else {
        return Name::Other;
    };
    let Some((strategy, member)) = middle.rsplit_once('-') else { return Name::Other };
    if is_safe_id(strategy) && is_member_id(member) {
        Name::Member { strategy: Id::from(strategy), member: member.to_owned() }
    } else {
        Name::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_members_file_name_reads_back_and_anything_else_is_another_file() {
        let s = Id::new("str");
        let me = new_member_id();
        assert!(is_member_id(&me), "{me}");
        let name = file_name(&s, &me);
        assert!(name.is_ascii());
        assert_eq!(name_of(&name), Name::Member { strategy: s.clone(), member: me.clone() });
        for other in [
            format!("{name}.crswap"),
            format!("{}.crswap", name.trim_end_matches(".json")),
            "shirube-.json".to_owned(),
            "shirube-str-abc.json.bak".to_owned(),
            "北斗市.json".to_owned(),
            format!("shirube-{}-.json", s.as_str()),
            format!("shirube-{}-m_1.json", s.as_str()),
            format!("shirube-a/b-{me}.json"),
            "desktop.ini".to_owned(),
        ] {
            assert_eq!(name_of(&other), Name::Other, "{other}");
        }
    }
}
