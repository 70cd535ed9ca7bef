//! One import flow for every file the user brings in — a strategy or backup file (JSON,
//! `preview::ImportFlow`) and an indicator CSV (`csv_import::CsvFlow`): a file is read under a
//! ticket, its preview shown only while that file is still wanted, then confirmed or cancelled.
//! A result that comes late — the user cancelled, or picked another file meanwhile (even one
//! with the same name) — is dropped, never shown over the newer one.

/// Which read a result belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

/// What the flow shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending<P> {
    /// A file being read.
    Reading { file: String, ticket: Ticket },
    /// A file read and checked, waiting for the user's choice.
    Ready(P),
}

/// At most one file at a time; `P` is the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow<P> {
    pub(super) pending: Option<Pending<P>>,
    issued: u64,
}

impl<P> Default for Flow<P> {
    fn default() -> Self {
        Flow { pending: None, issued: 0 }
    }
}

impl<P> Flow<P> {
    pub fn pending(&self) -> Option<&Pending<P>> {
        self.pending.as_ref()
    }

    /// The preview shown, if one is.
    pub fn ready_preview(&self) -> Option<&P> {
        match &self.pending {
            Some(Pending::Ready(p)) => Some(p),
            _ => None,
        }
    }

    /// A file starts being read; what was shown before (another file) is dropped.
    pub fn start(&mut self, file: &str) -> Ticket {
        self.issued += 1;
        let ticket = Ticket(self.issued);
        self.pending = Some(Pending::Reading { file: file.to_owned(), ticket });
        ticket
    }

    /// Whether the read with this ticket is still wanted (not cancelled, no other file since).
    pub fn wants(&self, ticket: Ticket) -> bool {
        matches!(&self.pending, Some(Pending::Reading { ticket: t, .. }) if *t == ticket)
    }

    /// The read finished with a preview: shown if still wanted. `false`: dropped.
    pub fn ready(&mut self, ticket: Ticket, preview: P) -> bool {
        let wanted = self.wants(ticket);
        if wanted {
            self.pending = Some(Pending::Ready(preview));
        }
        wanted
    }

    /// The read failed: the flow closes if it was still waiting for it. `false`: the failure
    /// belongs to a file no longer wanted, and is not to be shown.
    pub fn failed(&mut self, ticket: Ticket) -> bool {
        let wanted = self.wants(ticket);
        if wanted {
            self.pending = None;
        }
        wanted
    }

    /// Shows another preview in place of the one shown (the same file read again); nothing when
    /// none is shown.
    pub fn replace(&mut self, preview: P) {
        if let Some(Pending::Ready(p)) = &mut self.pending {
            *p = preview;
        }
    }

    /// Closes the flow; nothing was changed.
    pub fn cancel(&mut self) {
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_result_after_cancel_or_another_file_is_dropped() {
        let mut flow: Flow<&str> = Flow::default();
        let first = flow.start("実績.csv");
        flow.cancel();
        assert!(!flow.ready(first, "first"), "cancelled: the result is dropped");
        assert_eq!(flow.pending(), None);

        let a = flow.start("実績.csv");
        let b = flow.start("実績.csv");
        assert!(!flow.wants(a), "a second file (even with the same name) supersedes the first");
        assert!(!flow.ready(a, "a"), "the first file's late preview is not shown over the second");
        assert!(!flow.failed(a), "the first file's failure is not shown");
        assert!(flow.ready(b, "b"));
        assert_eq!(flow.ready_preview(), Some(&"b"));
        flow.replace("b read again");
        assert_eq!(flow.pending(), Some(&Pending::Ready("b read again")));
        assert!(!flow.failed(b), "a shown preview is not closed by a stale failure");
        flow.cancel();
        flow.replace("nothing shown");
        assert_eq!(flow.pending(), None);
    }
}
