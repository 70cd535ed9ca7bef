//! One workbook's round trip into a page, over its `flow::Flow`: the file picked takes a ticket
//! (`pick`), its bytes are read, the reader's part opens them, the opened workbook is planned
//! against the open strategy, and the preview is shown (`read`) — only while that pick is still
//! the one wanted: a second pick during the read wins over the first finishing late. The round's
//! returned workbooks (`round_books`) and a hearing's opinion workbook (`opinion_book`) go this
//! way; another workbook is one call. The page supplies each step (the browser's read, the
//! reader's part, the plan) and holds the flow (`Holder`); what is taken in is its own.

use super::flow::{Flow, Ticket};
use std::future::Future;
use std::sync::Arc;

/// Where a page holds a flow: read and changed while the page is there, `None` once it is gone.
pub trait Holder<P> {
    /// Reads the flow without changing it.
    fn peek<T>(&self, f: impl FnOnce(&Flow<Arc<P>>) -> T) -> Option<T>;
    /// Changes the flow.
    fn change<T>(&self, f: impl FnOnce(&mut Flow<Arc<P>>) -> T) -> Option<T>;
}

/// How a read ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Landed {
    /// Its preview is shown.
    Shown,
    /// Another pick (or a cancel) came meanwhile, or the page is gone: nothing shown.
    Dropped,
    /// Nothing could be planned (the reader's part did not load, the strategy or its item is
    /// gone): the flow closed, and the page says the file was not read.
    Unread,
}

/// The file `name` picked: a ticket for its read, the flow showing it being read (whatever was
/// read or shown before is dropped); `None` once the page is gone.
pub fn pick<P>(flow: &impl Holder<P>, name: &str) -> Option<Ticket> {
    flow.change(|f| f.start(name))
}

/// The read under `ticket`: `bytes` (the file's), then `pause` (the page paints that it reads),
/// then `open` (the reader's part) and `plan` (against the strategy as it is now), each step only
/// while the pick is still wanted.
pub async fn read<P, B, R, O>(
    flow: &impl Holder<P>,
    ticket: Ticket,
    bytes: impl Future<Output = B>,
    pause: impl Future<Output = ()>,
    open: impl FnOnce(B) -> O,
    plan: impl FnOnce(R) -> Option<P>,
) -> Landed
where
    O: Future<Output = Option<R>>,
{
    let bytes = bytes.await;
    if flow.peek(|f| f.wants(ticket)) != Some(true) {
        return Landed::Dropped;
    }
    pause.await;
    match open(bytes).await.and_then(plan) {
        Some(p) => match flow.change(|f| f.ready(ticket, Arc::new(p))) {
            Some(true) => Landed::Shown,
            _ => Landed::Dropped,
        },
        None => match flow.change(|f| f.failed(ticket)) {
            Some(true) => Landed::Unread,
            _ => Landed::Dropped,
        },
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testing::Wait;
    use std::cell::RefCell;

    impl<P> Holder<P> for RefCell<Flow<Arc<P>>> {
        fn peek<T>(&self, f: impl FnOnce(&Flow<Arc<P>>) -> T) -> Option<T> {
            Some(f(&self.borrow()))
        }
        fn change<T>(&self, f: impl FnOnce(&mut Flow<Arc<P>>) -> T) -> Option<T> {
            Some(f(&mut self.borrow_mut()))
        }
    }

    /// Two picks of one use: the second is picked while the first is in the reader's part,
    /// then read to its preview; the first finishes last. `plan(n)` plans the `n`th pick.
    pub(crate) fn second_pick_wins<P>(plan: impl Fn(usize) -> Option<P>) -> Flow<Arc<P>> {
        let flow = RefCell::new(Flow::default());
        let first = pick(&flow, "一回目.xlsx").unwrap();
        let second = RefCell::new(None);
        let late = read(
            &flow,
            first,
            async {},
            async {},
            |()| async { Some(()) },
            |()| {
                // The second pick comes while the first is opened.
                *second.borrow_mut() = pick(&flow, "二回目.xlsx");
                plan(1)
            },
        );
        assert_eq!(late.wait(), Landed::Dropped, "the first pick's late read is not shown");
        let second = second.into_inner().unwrap();
        let shown = read(&flow, second, async {}, async {}, |()| async { Some(()) }, |()| plan(2)).wait();
        assert_eq!(shown, Landed::Shown);
        // A read of the first that fails late closes nothing either.
        let failed = read(&flow, first, async {}, async {}, |()| async { None::<()> }, |()| plan(1)).wait();
        assert_eq!(failed, Landed::Dropped);
        flow.into_inner()
    }

    #[test]
    fn a_read_lands_once_and_an_unreadable_file_is_said_once() {
        let flow: RefCell<Flow<Arc<&str>>> = RefCell::new(Flow::default());
        let t = pick(&flow, "a.xlsx").unwrap();
        let landed =
            read(&flow, t, async { 3 }, async {}, |n| async move { Some(n * 2) }, |n| (n == 6).then_some("six"));
        assert_eq!(landed.wait(), Landed::Shown);
        assert_eq!(flow.borrow().ready_preview().map(|p| **p), Some("six"));
        let t = pick(&flow, "b.xlsx").unwrap();
        assert_eq!(
            read(&flow, t, async {}, async {}, |()| async { None::<()> }, |()| Some("x")).wait(),
            Landed::Unread
        );
        assert_eq!(flow.borrow().pending(), None, "an unread file closes the flow");
        let t = pick(&flow, "c.xlsx").unwrap();
        flow.borrow_mut().cancel();
        let after_cancel = read(&flow, t, async {}, async {}, |()| async { Some(()) }, |()| Some("late"));
        assert_eq!(after_cancel.wait(), Landed::Dropped, "a cancelled read is not shown");
        assert_eq!(flow.borrow().pending(), None);
    }

    #[test]
    fn a_second_pick_during_a_read_wins_over_the_late_first() {
        let flow = second_pick_wins(Some);
        assert_eq!(flow.ready_preview().map(|p| **p), Some(2));
    }
}
