//! A stored strategy's versions as other machines see them (`history`): each named by
//! its content and its parents, the graph of those names kept beside the history
//! (`keys::graph`, bounded) even when thinning drops old contents, and which version was named
//! last (`keys::named`, apart from the head: naming the current version never changes what a
//! tab's save checks).
//!
//! A version is named when it leaves (written to a file: [`Store::export_file`],
//! [`Store::member_file`]) or arrives (a file's version taken as it is, a merge): a save over a
//! version nobody else has seen keeps that one's parents, so the graph grows by what was shared,
//! not by every keystroke. How another file's version stands against the current one, and what a
//! take or a merge makes, are `history::Place`'s rules ([`Ancestry`] holds the place); which
//! version to merge from is one run for every path (the shared folder, a folder read by hand,
//! and 統合する with a colleague's file: `history::MergeRun`), and [`Store::first_at_hand`]
//! gives the contents it asks for by id.

use super::ancestry::{taken_origin, Ancestry, KnownVersion, StoredPlace};
use super::folder::TakenFrom;
use super::versions::{Head, Named, VersionReason};
use super::{keys, Backend, Backup, StorageError, Store, Write};
use crate::format::{
    export_member_file, export_with_lineage, fingerprint, legacy_version, Author, CarriedBase, Imported, Lineage,
};
use crate::history::marks::{self, Sides, StoredMarks};
use crate::history::{self, FileVersion, Graph, Nodes, StoredAs, MAX_GRAPH};
use crate::model::merge::provenance::{Provenance, Tabled};
use crate::model::{Id, Strategy, VersionId};

/// How many of the nearest versions are looked at for the one a file carries whole.
const BASE_LOOKS: usize = 16;

/// A file's version: as its lineage names it (`Lineage::version`); a file that says nothing
/// (exported by hand from an older build) is named by its content alone.
pub fn file_version(file: &Imported) -> FileVersion {
    let fp = fingerprint(&file.strategy);
    match &file.lineage {
        Some(lineage) => lineage.version(fp),
        None => legacy_version(fp, &[]),
    }
}

/// [`file_version`], trying first the fingerprint that the file's own text gives (`written`, see
/// `format::written_strategy`): when the file's id is made from it, the file holds the version it
/// names, and its strategy need not be written out again to be named. `true` with it: the text
/// is that version's (it may be kept as it is).
pub fn file_version_written(file: &Imported, written: Option<VersionId>) -> (FileVersion, bool) {
    if let (Some(fp), Some(lineage)) = (written, &file.lineage) {
        let version = lineage.version(fp);
        if lineage.head == Some(version.id) {
            return (version, true);
        }
    }
    (file_version(file), false)
}

/// A new name for this browser in marks, and the write that keeps it.
fn new_marker() -> (String, Write) {
    let name = format!("b{}", uuid::Uuid::new_v4().simple());
    (name.clone(), Write::put(keys::MARKER.to_owned(), name))
}

impl<B: Backend> Store<B> {
    /// Which version of strategy `id` was last named (and the record's text, for a batch's
    /// condition).
    pub(super) async fn read_named(&self, id: &Id) -> Result<(Option<Named>, Option<String>), StorageError> {
        let text = self.backend.get(&keys::named(id)).await?;
        Ok((text.as_deref().and_then(|t| serde_json::from_str(t).ok()), text))
    }

    /// The stored graph of strategy `id`'s named versions (empty when unreadable: ancestry
    /// questions then find less in common, and a merge asks more, but nothing is lost).
    pub(super) async fn stored_graph(&self, id: &Id) -> Result<Graph, StorageError> {
        let text = self.backend.get(&keys::graph(id)).await?;
        let nodes = text.as_deref().and_then(Nodes::from_stored).unwrap_or_default();
        Ok(Graph::of_nodes(&nodes))
    }

    /// Where each value of strategy `id` was last set, as this browser last marked it (none
    /// when unreadable: a merge then falls back on the common version at hand, as before).
    /// Marks kept as an arrival are made now (`history::marks::StoredMarks::made_of`).
    pub async fn marks(&self, id: &Id) -> Result<Provenance, StorageError> {
        let kept = self.kept_marks(id).await?;
        let (arrived, kept) = match kept {
            StoredMarks::Made(marks) => return Ok(marks),
            kept @ StoredMarks::Arrival { arrived, .. } => (arrived, kept),
        };
        let Ok(ancestry) = self.ancestry(id).await else { return Ok(Provenance::default()) };
        let content = self.content_of(&ancestry, arrived).await;
        Ok(kept.made_of(content.as_ref(), &ancestry.current))
    }

    /// The marks of strategy `id` as stored, made or not.
    async fn kept_marks(&self, id: &Id) -> Result<StoredMarks, StorageError> {
        Ok(StoredMarks::read(self.backend.get(&keys::marks(id)).await?.as_deref()))
    }

    /// The marks `strategy` arrives with, as version `arrived` (`history::marks::arrival`), to
    /// be written with that version (`None`: what is kept stays, or it is unreadable).
    pub(super) async fn arrival_marks(
        &self,
        strategy: &Strategy,
        arrived: VersionId,
        file: Option<Provenance>,
    ) -> Option<Write> {
        let kept = self.kept_marks(&strategy.id).await.ok()?;
        let text = marks::arrival(&kept, arrived, file)?.text().ok()?;
        Some(Write::put(keys::marks(&strategy.id), text))
    }

    /// This browser's name in marks, on every path that marks (a file exported or written to
    /// the shared folder, a merge, a take), made the first time it is asked for.
    pub async fn marker(&self) -> Result<String, StorageError> {
        let (name, made) = self.marker_made().await?;
        if let Some(write) = made {
            self.backend.apply(vec![write]).await?;
        }
        Ok(name)
    }

    /// [`Store::marker`], and when it is made now, the write that keeps it (stored in the batch
    /// of what it first marks).
    async fn marker_made(&self) -> Result<(String, Option<Write>), StorageError> {
        if let Some(name) = self.backend.get(keys::MARKER).await?.filter(|n| !n.is_empty() && n.len() <= 64) {
            return Ok((name, None));
        }
        let (name, write) = new_marker();
        Ok((name, Some(write)))
    }

    /// A new name for this browser in marks: its storage was copied to another PC (the shared
    /// folder found another PC writing under its member id), which goes on under the old one.
    pub async fn renew_marker(&self) -> Result<String, StorageError> {
        let (name, write) = new_marker();
        self.backend.apply(vec![write]).await?;
        Ok(name)
    }

    /// This browser's marks of `current` (made now, unnumbered) and the file's, each beside its
    /// version read as a table once, when the file carries marks: what makes a merge's base exact.
    /// Writes nothing (a preview changes nothing stored): what it marks now is numbered under a
    /// stand-in name, and dropped.
    pub async fn both_marks(&self, current: &Strategy, file: &Imported) -> Option<Sides> {
        let theirs = file.marks()?;
        let stored = self.marks(&file.strategy.id).await.ok()?;
        let o = Tabled::of(current);
        let ours = stored.stamp(&o, "preview", 0);
        let t = Tabled::of_like(&file.strategy, &[&o]);
        Some(Sides { ours: (o, ours), theirs: (t, theirs) })
    }

    /// The id of strategy `id`'s current version, when it is named: what a write compares with
    /// the file it last wrote, without reading the strategy.
    pub async fn current_id(&self, id: &Id) -> Result<Option<VersionId>, StorageError> {
        let head = self.head(id).await?;
        let (named, _) = self.read_named(id).await?;
        Ok(named.filter(|n| n.revision == head.revision).map(|n| n.id))
    }

    /// Where stored strategy `id`'s current version stands, without reading it.
    pub async fn place(&self, id: &Id) -> Result<StoredPlace, StorageError> {
        self.place_of(id, &self.head(id).await?).await
    }

    async fn place_of(&self, id: &Id, head: &Head) -> Result<StoredPlace, StorageError> {
        let mut graph = self.stored_graph(id).await?;
        graph.extend(head.legacy_graph());
        self.place_in(id, head, graph).await
    }

    /// Where the version `head` stands in `graph` (the stored graph, read).
    async fn place_in(&self, id: &Id, head: &Head, graph: Graph) -> Result<StoredPlace, StorageError> {
        let (named, _) = self.read_named(id).await?;
        let named = named.filter(|n| n.revision == head.revision).map(|n| n.id);
        let stand = history::Place::of_head(named, &head.parents, head.fingerprint, &head.lineage, graph);
        Ok(StoredPlace { stand, revision: head.revision })
    }

    /// Stored strategy `id` with its place in the history.
    pub async fn ancestry(&self, id: &Id) -> Result<Ancestry, StorageError> {
        let head = self.head(id).await?;
        let place = self.place_of(id, &head).await?;
        self.ancestry_in(id, head, place).await
    }

    /// [`Store::ancestry`] from `place`, read before ([`Store::place`]): its graph is not read
    /// again when nothing was saved since (a year's graph is 4,096 nodes). A version named
    /// meanwhile (another tab writing its file) is named again alike: its id is its content's
    /// and parents'.
    pub async fn ancestry_from(&self, id: &Id, place: StoredPlace) -> Result<Ancestry, StorageError> {
        let head = self.head(id).await?;
        let place = match place.revision == head.revision {
            true => self.place_in(id, &head, place.stand.graph).await?,
            false => self.place_of(id, &head).await?,
        };
        self.ancestry_in(id, head, place).await
    }

    async fn ancestry_in(&self, id: &Id, head: Head, place: StoredPlace) -> Result<Ancestry, StorageError> {
        let current = self.load(id).await?;
        let kept = head.versions.iter().rev().filter_map(|v| v.id.or(v.fingerprint).map(|id| (id, v.seq))).collect();
        Ok(Ancestry { current, place, kept })
    }

    /// Names the current version of strategy `id` if it is not named yet (recording its id and
    /// its node; the head is not touched), and returns it with its place in the history and the
    /// marks it leaves with, made by `marker` at `now` (`history::marks::leaving`), kept in the
    /// same batch.
    async fn name_current(&self, id: &Id, (marker, now): (&str, &str)) -> Result<(Ancestry, Provenance), StorageError> {
        let mut tries = 0;
        loop {
            let (head, head_text) = self.read_head(id).await?;
            let (_, named_text) = self.read_named(id).await?;
            let mut ancestry = self.ancestry(id).await?;
            if ancestry.revision() != head.revision {
                // Saved between the two reads (another tab): read again.
                if tries >= 3 {
                    return Err(StorageError::Conflict { key: keys::head(id) });
                }
                tries += 1;
                continue;
            }
            let leaving = marks::leaving(&self.marks(id).await?, &ancestry.current, marker, now);
            let mut batch = vec![
                Write::Expect { key: keys::head(id), value: head_text },
                Write::put(keys::marks(id), super::json_out::to_json(&leaving)?),
            ];
            let node = ancestry.named().1;
            if let Some(node) = &node {
                ancestry.place.graph.add(node.id, &node.parents);
                let named = Named { revision: head.revision, id: node.id };
                batch.extend([
                    Write::Expect { key: keys::named(id), value: named_text },
                    Write::put(keys::named(id), super::json_out::to_json(&named)?),
                    Write::put(keys::graph(id), ancestry.place.graph.bounded(&[node.id], MAX_GRAPH).stored_text()),
                ]);
            }
            match self.backend.apply(batch).await {
                // Saved or named meanwhile (another tab): named again from what is stored now.
                Err(StorageError::Conflict { .. }) if tries < 3 => tries += 1,
                Err(e) => return Err(e),
                Ok(()) => {
                    if let Some(node) = node {
                        ancestry.place.id = Some(node.id);
                    }
                    return Ok((ancestry, leaving));
                }
            }
        }
    }

    /// The content of version `version` of `ancestry`'s strategy, if this browser still has it.
    pub async fn content_of(&self, ancestry: &Ancestry, version: VersionId) -> Option<Strategy> {
        if ancestry.place.id == Some(version) {
            return Some(ancestry.current.clone());
        }
        let seq = ancestry.kept.iter().find(|(id, _)| *id == version)?.1;
        self.version(&ancestry.current.id, seq).await.ok()
    }

    /// The content of the first of `ids` at hand (their order: nearest first), and whether it came
    /// from the file: among `known`, held whole (a file picked by hand is checked already), in
    /// this browser's history, or carried by the file (`carried`, checked only then). A
    /// version's id names its content: each holds the same. `None`: none is.
    pub async fn first_at_hand(
        &self,
        ancestry: &Ancestry,
        ids: &[VersionId],
        carried: Option<&CarriedBase<'_>>,
        known: &[&KnownVersion],
    ) -> Option<(Strategy, bool)> {
        for &base in ids {
            // At hand first: reading it from the history parses it.
            if let Some(k) = known.iter().find(|k| k.id == base && k.strategy.id == ancestry.current.id) {
                return Some((k.strategy.clone(), false));
            }
            if let Some(s) = carried.and_then(|c| c.checked(base)) {
                // Said to come from the file only when the history lacks it.
                let in_history = ancestry.place.id == Some(base) || ancestry.kept.iter().any(|(id, _)| *id == base);
                return Some((s, !in_history));
            }
            if let Some(s) = self.content_of(ancestry, base).await {
                return Some((s, false));
            }
            if let Some(s) = carried.and_then(|c| c.get(base)) {
                return Some((s, true));
            }
        }
        None
    }

    /// The file text for stored strategy `id`, with its history, and the version it holds
    /// (named now if it was not).
    pub async fn export_file(&self, id: &Id, now: &str) -> Result<(String, Strategy), StorageError> {
        let (text, ancestry) = self.write_out(id, now, None, Some(&[])).await?;
        Ok((text, ancestry.current))
    }

    /// The file text for stored strategy `id` as a member's own file in a shared folder,
    /// naming `author`, with the version it holds, carrying whole the nearest version others
    /// may lack. `known`: versions at hand whole (this member's own last file: the history may
    /// have thinned it away).
    pub async fn member_file(
        &self,
        id: &Id,
        now: &str,
        author: &Author,
        known: &[&KnownVersion],
    ) -> Result<(String, Ancestry), StorageError> {
        self.write_out(id, now, Some(author), Some(known)).await
    }

    /// [`Store::member_file`] without the version others may lack (for a file that would be
    /// too large for the others with it).
    pub async fn member_file_without_base(
        &self,
        id: &Id,
        now: &str,
        author: &Author,
    ) -> Result<(String, Ancestry), StorageError> {
        self.write_out(id, now, Some(author), None).await
    }

    /// The file text; `base`: the versions at hand whole to carry the nearest version others
    /// may lack from, first of all (`None`: no such version carried).
    async fn write_out(
        &self,
        id: &Id,
        now: &str,
        author: Option<&Author>,
        base: Option<&[&KnownVersion]>,
    ) -> Result<(String, Ancestry), StorageError> {
        // A file says where each value was last set, marked now.
        let marker = self.marker().await?;
        let (ancestry, marks) = self.name_current(id, (&marker, now)).await?;
        let (head, _) = ancestry.named();
        let graph = ancestry.place.graph.bounded(&[head], MAX_GRAPH);
        let mut carried = None;
        if let Some(known) = base {
            // The version last written out first (what the others took from this member
            // lately), then the nearest at hand.
            carried = known
                .iter()
                .find(|k| k.strategy.id == *id && graph.below_first(k.id))
                .map(|k| (k.id, k.strategy.clone()));
            for node in graph.iter().skip(1).take(BASE_LOOKS) {
                if carried.is_some() {
                    break;
                }
                if let Some(s) = self.content_of(&ancestry, node.id).await.filter(|s| s.id == *id) {
                    carried = Some((node.id, s));
                }
            }
        }
        let (base_id, base) = carried.unzip();
        let provenance = Some(marks.for_file()).filter(|m| !m.is_empty());
        let lineage =
            Lineage { head: Some(head), graph, base: base.map(Into::into), base_id, versions: Vec::new(), provenance };
        let text = match author {
            Some(author) => export_member_file(&ancestry.current, now, &lineage, author),
            None => export_with_lineage(&ancestry.current, now, &lineage),
        };
        Ok((text, ancestry))
    }

    /// Stores a strategy read from a file under its own id (no strategy with that id is here),
    /// as the version the file holds.
    pub async fn save_imported(&self, imported: &Imported, now: &str) -> Result<u64, StorageError> {
        let version = file_version(imported);
        let origin = taken_origin(&version, None);
        // Its marks as it arrives (the file's), so that what is edited here after is this
        // browser's own event at its first file, not unknown.
        let marks = self.arrival_marks(&imported.strategy, version.id, imported.marks()).await;
        self.save_with(&imported.strategy, now, VersionReason::Imported, Some(&origin), marks.as_slice()).await
    }

    /// Stores the merge (`merged`) of this browser's version (`ours`, as the merge read it) and
    /// `file`'s as the new current version (`Merged`, pinned), with a backup of the version it
    /// replaces (which the history keeps too): the merge can be undone. A merge that only takes
    /// the file's version (this browser had nothing the file lacks) stores that version as it
    /// is. `by`: the member whose file it is, when it came from the shared folder (a conflict
    /// decided), named in the history. Beside it, in its batch: its marks
    /// (`history::marks::made`, by this browser's marker) and the file's version as the one last
    /// taken from its author (as the folder keeps a member's: a later merge with them after a
    /// criss-cross needs it as a nearest version, and the history keeps only what this browser
    /// made). Refused ([`StorageError::Conflict`], nothing stored) when the current version is
    /// no longer `ours`: saved since the merge was made (a folder's reading in the background
    /// while 統合する's preview was open, another tab), it would be lost under the merge.
    pub async fn save_merged(
        &self,
        (merged, ours): (&Strategy, &Strategy),
        file: &Imported,
        by: Option<&str>,
        now: &str,
    ) -> Result<Option<Backup>, StorageError> {
        let ancestry = self.ancestry(&merged.id).await?;
        if ancestry.current != *ours {
            return Err(StorageError::Conflict { key: keys::head(&merged.id) });
        }
        let theirs = file_version(file);
        let start = ancestry.start(&theirs);
        let origin = match start.stored_as(|| *merged == ancestry.current, || *merged == file.strategy) {
            StoredAs::Nothing => return Ok(None),
            StoredAs::Taken => ancestry.taken_origin(&theirs, by),
            StoredAs::Merge => ancestry.merge_origin(merged, &theirs, by),
        };
        let mut also = self.merged_marks((merged, ours), file, now).await?;
        let author = file.author.as_ref().map(|a| a.id.as_str()).filter(|a| crate::model::is_safe_id(a));
        let version = KnownVersion { id: theirs.id, strategy: file.strategy.clone() };
        let taken = TakenFrom { member: author.unwrap_or("file"), version: &version, written: None };
        also.push(taken.record()?.0);
        self.replace_as(merged, now, VersionReason::Merged, &origin, &also).await
    }

    /// The write that keeps the marks of `merged`, made now of `ours` and `file`'s by this
    /// browser's marker (and the marker, when it is made now). A file without marks has every
    /// value unknown (else what it brought would be marked as this browser's own edit at the next
    /// stamp).
    async fn merged_marks(
        &self,
        (merged, ours): (&Strategy, &Strategy),
        file: &Imported,
        now: &str,
    ) -> Result<Vec<Write>, StorageError> {
        let (marker, marker_made) = self.marker_made().await?;
        // Ours read as a table once, for its marks made now and the merged version's.
        let ours = Tabled::of(ours);
        let ours_marks = marks::leaving(&self.marks(&merged.id).await?, &ours, &marker, now);
        let theirs = Tabled::of_like(&file.strategy, &[&ours]);
        let result = Tabled::of_like(merged, &[&ours, &theirs]);
        let made =
            marks::made(&result, (&ours, &ours_marks), (&theirs, &file.marks().unwrap_or_default()), &marker, now);
        let marks = Write::put(keys::marks(&merged.id), super::json_out::to_json(&made)?);
        Ok([Some(marks), marker_made].into_iter().flatten().collect())
    }
}
