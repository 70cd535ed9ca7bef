//! A workbook's round trip into a page in one call (`session::round_trip` over the page's
//! flow): the pick's ticket, the read in the background, the page painted before the reader's
//! part opens the bytes, the preview shown or 「読み込めませんでした」 said once, only while that
//! pick is still the one wanted.

use crate::session::flow::Flow;
use crate::session::round_trip::{self, Holder, Landed};
use leptos::prelude::*;
use std::future::Future;
use std::sync::Arc;

/// The page's flow, read untracked (a check is no change) and changed while the page is there.
struct Held<P: Send + Sync + 'static>(RwSignal<Flow<Arc<P>>>);

impl<P: Send + Sync + 'static> Holder<P> for Held<P> {
    fn peek<T>(&self, f: impl FnOnce(&Flow<Arc<P>>) -> T) -> Option<T> {
        self.0.try_with_untracked(f)
    }
    fn change<T>(&self, f: impl FnOnce(&mut Flow<Arc<P>>) -> T) -> Option<T> {
        self.0.try_update(f)
    }
}

/// The file `name` picked into `flow`: `bytes` read, opened by `open` (the reader's part),
/// planned by `plan`; `unread` into `outcome` when nothing could be planned. `false`: the page
/// is gone and nothing was started. What was said before is cleared.
pub fn pick_workbook<P, O, B, R, F>(
    flow: RwSignal<Flow<Arc<P>>>,
    outcome: RwSignal<Option<O>>,
    unread: O,
    name: &str,
    bytes: impl Future<Output = B> + 'static,
    open: impl FnOnce(B) -> F + 'static,
    plan: impl FnOnce(R) -> Option<P> + 'static,
) -> bool
where
    P: Send + Sync + 'static,
    O: Send + Sync + 'static,
    F: Future<Output = Option<R>> + 'static,
{
    let held = Held(flow);
    let Some(ticket) = round_trip::pick(&held, name) else { return false };
    outcome.set(None);
    leptos::task::spawn_local(async move {
        let landed = round_trip::read(&held, ticket, bytes, super::files::next_frame(), open, plan).await;
        if landed == Landed::Unread {
            let _ = outcome.try_set(Some(unread));
        }
    });
    true
}
