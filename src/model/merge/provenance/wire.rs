//! Marks as a file and storage hold them: the members, their clock and the marks packed in
//! one base64 text.

use super::runs::Runs;
use super::{Mark, Provenance};
use serde::{Deserialize, Serialize};

impl Provenance {
    /// The marks a file carries: those that name their event (a value with no mark reads as
    /// unknown, as its mark did).
    pub fn for_file(&self) -> Provenance {
        let marks = Runs::sorted(self.marks.iter().filter(|(_, m)| m.dot.is_some()).map(|(p, m)| (p, *m)).collect());
        Provenance { members: self.members.clone(), clock: self.clock.clone(), marks }
    }
}

/// At most this many members are counted in a file (a town's staff, with room to spare), and
/// this many marks (far above a town's strategy's values).
pub const MAX_MEMBERS: usize = 1_000;
pub const MAX_MARKS: usize = 1_000_000;

/// A provenance as written: the members, their clock, and the marks packed in one base64 text
/// (per mark: its place's 8 bytes, its value's 4, then a varint of the member's place + 1
/// (0: unknown) times two plus whether it marks a presence, and the event's number).
#[derive(Serialize, Deserialize, schemars::JsonSchema)]
struct Wire {
    members: Vec<String>,
    clock: Vec<u64>,
    marks: String,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn take_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

impl Serialize for Provenance {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use base64::Engine as _;
        let places = self.marks.iter();
        let mut bytes = Vec::with_capacity(self.marks.len() * 18);
        for (place, mark) in places {
            bytes.extend_from_slice(&place.to_le_bytes());
            bytes.extend_from_slice(&(mark.value as u32).to_le_bytes());
            let member = mark.dot.map_or(0, |(m, _)| u64::from(m) + 1);
            put_varint(&mut bytes, member * 2 + u64::from(mark.presence));
            if let Some((_, counter)) = mark.dot {
                put_varint(&mut bytes, counter);
            }
        }
        let marks = base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes);
        Wire { members: self.members.clone(), clock: self.clock.clone(), marks }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Provenance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Provenance, D::Error> {
        use base64::Engine as _;
        use serde::de::Error;
        let wire = Wire::deserialize(deserializer)?;
        if wire.members.len() != wire.clock.len() || wire.members.len() > MAX_MEMBERS {
            return Err(D::Error::custom("provenance: members and clock do not match"));
        }
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(wire.marks.as_bytes())
            .map_err(|_| D::Error::custom("provenance: marks are not base64"))?;
        let mut marks = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let bad = || D::Error::custom("provenance: a mark is cut");
            let place = u64::from_le_bytes(bytes.get(at..at + 8).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
            let value = u32::from_le_bytes(bytes.get(at + 8..at + 12).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
            at += 12;
            let flags = take_varint(&bytes, &mut at).ok_or_else(bad)?;
            let member = flags / 2;
            let dot = match member {
                0 => None,
                m if (m as usize) <= wire.members.len() => {
                    Some(((m - 1) as u32, take_varint(&bytes, &mut at).ok_or_else(bad)?))
                }
                _ => return Err(D::Error::custom("provenance: a mark names no member")),
            };
            marks.push((place, Mark { value: u64::from(value), presence: flags % 2 == 1, dot }));
            if marks.len() > MAX_MARKS {
                return Err(D::Error::custom("provenance: too many marks"));
            }
        }
        Ok(Provenance { members: wire.members, clock: wire.clock, marks: Runs::of(marks) })
    }
}

impl schemars::JsonSchema for Provenance {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Provenance".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Wire::json_schema(generator)
    }
}
