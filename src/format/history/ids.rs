//! A version's id as the graph keys it: the 128 bits its 32 lowercase hexadecimal digits spell,
//! read and written without a string in between. A file's compact graph holds the bytes, but
//! a history taken whole and format 1's lists are still keyed from their text, eight digits at
//! a time.

/// A version's id as the graph holds it: the 128 bits its 32 hexadecimal digits spell (every id
/// from a file or storage has that form, checked at the door), so that walking the graph hashes
/// and copies numbers, not strings. Another string (ids in tests, say) is keyed by its hash and
/// its text kept beside (`Graph::non_hex`).
pub(super) type Key = u128;

pub(super) fn key_of(id: &str) -> (Key, bool) {
    match digits(id) {
        Some(k) => (k, false),
        None => (xxhash_rust::xxh3::xxh3_128_with_seed(id.as_bytes(), 1), true),
    }
}

/// The number an id's 32 lowercase hexadecimal digits spell; `None` for another string.
pub(super) fn digits(id: &str) -> Option<Key> {
    digits_of(id.as_bytes())
}

/// [`digits`] of bytes.
pub(super) fn digits_of(bytes: &[u8]) -> Option<Key> {
    let ([a, b, c, d], []) = bytes.as_chunks::<8>() else { return None };
    let half = |x: &[u8; 8], y: &[u8; 8]| Some(u64::from(eight(x)?) << 32 | u64::from(eight(y)?));
    Some(Key::from(half(a, b)?) << 64 | Key::from(half(c, d)?))
}

/// The number 8 lowercase hexadecimal digits spell, read at once (a byte at a time cost ~9
/// instructions a digit, more than the rest of a file's graph's reading).
fn eight(digits: &[u8; 8]) -> Option<u32> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Each byte below 0x80, so that adding to it never carries into the next: its high bit
    // then says whether it is at least the number added is short of 0x80.
    let x = u64::from_le_bytes(*digits);
    let at_least = |lowest: u64| x.wrapping_add(ONES * (0x80 - lowest));
    let digit = at_least(b'0'.into()) & !at_least(u64::from(b'9') + 1);
    let letter = at_least(b'a'.into()) & !at_least(u64::from(b'f') + 1);
    if (digit | letter) & !x & HIGH != HIGH {
        return None;
    }
    // '0'–'9' are 0x30–0x39, 'a'–'f' 0x61–0x66: the low four bits, and 9 more for a letter.
    let v = (x & (ONES * 0x0f)) + (x >> 6 & ONES) * 9;
    // The first digit is the lowest byte and the most significant: pairs, fours, eights.
    let v = (v & 0x00ff_00ff_00ff_00ff) << 4 | v >> 8 & 0x00ff_00ff_00ff_00ff;
    let v = (v & 0x0000_ffff_0000_ffff) << 8 | v >> 16 & 0x0000_ffff_0000_ffff;
    Some(((v & 0xffff_ffff) << 16 | v >> 32) as u32)
}

/// An id's 32 lowercase hexadecimal digits, as [`format!`]`("{k:032x}")` writes them.
pub(super) fn written_id(k: Key) -> [u8; 32] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 32];
    for (half, part) in [(k >> 64) as u64, k as u64].into_iter().zip(out.chunks_exact_mut(16)) {
        for (i, b) in part.iter_mut().enumerate() {
            *b = DIGITS[(half >> (60 - 4 * i) & 15) as usize];
        }
    }
    out
}

/// [`written_id`] as a string.
pub(super) fn id_text(k: Key) -> String {
    written_id(k).iter().map(|b| char::from(*b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_and_written_as_their_digits_spell() {
        let plain = |b: &[u8]| {
            let digits = b.len() == 32 && b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
            digits.then(|| Key::from_str_radix(std::str::from_utf8(b).unwrap(), 16).unwrap())
        };
        let ids = ["0123456789abcdef".repeat(2), "f".repeat(32), "0".repeat(32), "9a".repeat(16)];
        for id in &ids {
            // Every byte at every place.
            for at in 0..32 {
                for byte in 0..=255u8 {
                    let mut b = id.as_bytes().to_vec();
                    b[at] = byte;
                    assert_eq!(digits_of(&b), plain(&b), "{b:?}");
                    if let Some(k) = plain(&b) {
                        assert_eq!(written_id(k).as_slice(), b.as_slice());
                        assert_eq!(id_text(k), format!("{k:032x}"));
                    }
                }
            }
            assert_eq!((digits_of(&id.as_bytes()[1..]), digits_of(format!("{id}0").as_bytes())), (None, None));
        }
    }
}
