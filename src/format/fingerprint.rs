//! A content's name: the XXH3-128 hash of a strategy's JSON as this build writes it (the same
//! strategy reads back the same, so two machines name it alike without agreeing on anything).

use crate::model::{Strategy, VersionId};

/// The fingerprint of a strategy's JSON text as it stands: [`fingerprint`]'s hash, without
/// writing the strategy out (equal to it when the text is what this build writes).
pub(super) fn text_fingerprint(text: &str) -> VersionId {
    VersionId::from_bits(xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// The name of a content: 32 hexadecimal digits, the XXH3-128 hash of its JSON, hashed as it
/// is written (no copy of the text). A name, not a seal: it tells versions apart (a 128-bit
/// collision between two versions of one strategy is not a practical concern); it does not
/// prove a file untouched.
pub fn fingerprint(strategy: &Strategy) -> VersionId {
    struct Hashing(xxhash_rust::xxh3::Xxh3);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hashing = Hashing(xxhash_rust::xxh3::Xxh3::new());
    // The serialiser writes token by token; the hash takes them a buffer at a time (a call per
    // token cost as much as the hashing itself).
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut hashing);
    // Serialising plain data with string keys cannot fail (see `envelope::export_compact`).
    let _ = serde_json::to_writer(&mut buffered, strategy);
    let _ = std::io::Write::flush(&mut buffered);
    drop(buffered);
    VersionId::from_bits(hashing.0.digest128())
}
