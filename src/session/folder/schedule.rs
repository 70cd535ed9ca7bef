//! When the shared folder is read and the own file written: plain data, as `autosave` is.
//! Events go in (connected, a save settled, a timer's tick, the page's focus, 今すぐ同期, a
//! reading or a write finished, the folder's permission lost); commands come out (read, write,
//! wake me at). The page only runs the timers and the I/O; the rules are tested natively.
//!
//! The rules:
//! * one job at a time: a reading and a write never run together (both use the one
//!   `FolderSync`, and a write names the version a reading may be storing);
//! * a reading asked for while a job runs (今すぐ同期 during a write, a focus, a poll) is not
//!   dropped: it runs when the job has finished, once however often it was asked;
//! * the folder is read every `poll_ms` while the page is visible, at once when connected, on
//!   focus and on 今すぐ同期;
//! * the own file is written `write_ms` after the last save settled (a later save moves the
//!   write on: only the latest one writes), at once after a reading that stored nothing (the
//!   first reading makes the file if it is missing) and `write_ms` after one that stored;
//! * a failed write is tried again `retry_ms` later; a reading that failed is tried at the next
//!   poll;
//! * a lost permission stops everything until the folder is connected again;
//! * a timer that fires for a time no longer wanted does nothing (no epochs, no tickets).

/// How long the schedule waits, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delays {
    /// Between two readings while the page is visible (30–60 s).
    pub poll_ms: f64,
    /// From a save settling to the own file written (10–30 s).
    pub write_ms: f64,
    /// From a failed write to the next try.
    pub retry_ms: f64,
}

impl Default for Delays {
    fn default() -> Self {
        Delays { poll_ms: 45_000.0, write_ms: 15_000.0, retry_ms: 30_000.0 }
    }
}

impl Delays {
    /// The test hook's delays (poll, write): a retry takes twice the write's, at most the
    /// usual one.
    pub fn shortened(poll_ms: f64, write_ms: f64) -> Delays {
        Delays { poll_ms, write_ms, retry_ms: Delays::default().retry_ms.min(write_ms.max(1_000.0) * 2.0) }
    }
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event {
    /// A folder is in use (connected, or reconnected after its permission was given again).
    Connected,
    /// 「接続を解除」: nothing more is read or written.
    Disconnected,
    /// A save of the strategy (or a version made another way: an undo) settled.
    SaveSettled,
    /// A timer asked for by [`Command::WakeAt`] fired; `visible`: whether the page is seen.
    Tick { visible: bool },
    /// The page got the focus.
    Focus,
    /// 今すぐ同期.
    SyncNow,
    /// The reading finished: `stored`, whether it stored a version; `ok`, whether it worked.
    ReadDone { stored: bool, ok: bool },
    /// The write finished.
    WriteDone(Written),
    /// The folder's permission is gone (asked again in a click).
    PermissionLost,
}

/// How a write ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Written {
    /// Written, or nothing to write.
    Done,
    /// Failed: tried again later.
    Failed,
    /// Not this tab's turn (another tab holds the lock), or not possible yet (no name): the
    /// next save or reading brings it back.
    Skipped,
}

/// What the page is to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    Read,
    Write,
    /// Send a [`Event::Tick`] at this time (ms, the clock the events come with).
    WakeAt(f64),
}

/// The job under way.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Job {
    Reading,
    Writing,
}

/// One strategy's schedule with its folder.
#[derive(Clone, Debug)]
pub struct Schedule {
    delays: Delays,
    connected: bool,
    running: Option<Job>,
    /// A reading asked for and not begun.
    read_wanted: bool,
    /// When the own file is to be written.
    write_at: Option<f64>,
    /// When the folder is next read, the page visible.
    poll_at: Option<f64>,
    /// The earliest wake asked for and not come yet.
    wake_at: Option<f64>,
}

impl Schedule {
    pub fn new(delays: Delays) -> Schedule {
        Schedule {
            delays,
            connected: false,
            running: None,
            read_wanted: false,
            write_at: None,
            poll_at: None,
            wake_at: None,
        }
    }

    pub fn is_connected(&self) -> bool {
        self.connected
    }

    /// Whether a reading or a write runs now.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Takes `event`, which happened at `now` (ms), and says what to do.
    pub fn on(&mut self, event: Event, now: f64) -> Vec<Command> {
        match event {
            Event::Connected => {
                self.connected = true;
                self.read_wanted = true;
                self.poll_at = Some(now + self.delays.poll_ms);
            }
            Event::Disconnected | Event::PermissionLost => {
                // A job under way finishes; its answer starts nothing.
                *self = Schedule { running: self.running, ..Schedule::new(self.delays) };
                return Vec::new();
            }
            Event::SaveSettled => self.write_at = Some(now + self.delays.write_ms),
            Event::Tick { visible } => {
                if self.wake_at.is_some_and(|at| at <= now) {
                    self.wake_at = None;
                }
                if self.poll_at.is_some_and(|at| at <= now) {
                    self.poll_at = Some(now + self.delays.poll_ms);
                    self.read_wanted |= visible;
                }
            }
            Event::Focus | Event::SyncNow => self.read_wanted = true,
            Event::ReadDone { stored, ok } => {
                self.finished(Job::Reading);
                if ok {
                    let after = if stored { self.delays.write_ms } else { 0.0 };
                    self.write_at = Some(self.write_at.map_or(now + after, |at| at.min(now + after)));
                }
            }
            Event::WriteDone(written) => {
                self.finished(Job::Writing);
                if written == Written::Failed {
                    self.write_at = Some(self.write_at.unwrap_or(now + self.delays.retry_ms));
                }
            }
        }
        if !self.connected {
            return Vec::new();
        }
        self.next(now)
    }

    fn finished(&mut self, job: Job) {
        if self.running == Some(job) {
            self.running = None;
        }
    }

    /// The job to begin, if none runs, and the wake for what is due later.
    fn next(&mut self, now: f64) -> Vec<Command> {
        let mut commands = Vec::new();
        if self.running.is_none() {
            if self.read_wanted {
                self.read_wanted = false;
                self.running = Some(Job::Reading);
                commands.push(Command::Read);
            } else if self.write_at.is_some_and(|at| at <= now) {
                self.write_at = None;
                self.running = Some(Job::Writing);
                commands.push(Command::Write);
            }
        }
        // While a job runs, its end brings the next step; the poll's time goes on meanwhile.
        let due = [self.poll_at, if self.running.is_none() { self.write_at } else { None }];
        if let Some(at) = due.into_iter().flatten().reduce(f64::min) {
            let at = at.max(now);
            if self.wake_at.is_none_or(|w| at < w || w < now) {
                self.wake_at = Some(at);
                commands.push(Command::WakeAt(at));
            }
        }
        commands
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: Delays = Delays { poll_ms: 45_000.0, write_ms: 15_000.0, retry_ms: 30_000.0 };

    fn connected() -> Schedule {
        let mut s = Schedule::new(D);
        assert_eq!(s.on(Event::Connected, 0.0), vec![Command::Read, Command::WakeAt(45_000.0)]);
        s
    }

    fn jobs(commands: &[Command]) -> Vec<Command> {
        commands.iter().copied().filter(|c| !matches!(c, Command::WakeAt(_))).collect()
    }

    #[test]
    fn a_sync_now_during_a_write_runs_after_the_write() {
        let mut s = connected();
        s.on(Event::ReadDone { stored: false, ok: true }, 10.0);
        assert!(s.is_busy(), "the first reading's write runs at once");
        assert_eq!(jobs(&s.on(Event::SyncNow, 20.0)), vec![], "not while the write runs");
        assert_eq!(jobs(&s.on(Event::SyncNow, 21.0)), vec![], "asked twice");
        assert_eq!(jobs(&s.on(Event::WriteDone(Written::Done), 30.0)), vec![Command::Read]);
        assert_eq!(jobs(&s.on(Event::ReadDone { stored: false, ok: true }, 40.0)), vec![Command::Write]);
        assert_eq!(jobs(&s.on(Event::WriteDone(Written::Done), 50.0)), vec![], "read once however often asked");
    }

    #[test]
    fn the_first_reading_writes_at_once_and_one_that_stored_after_a_while() {
        let mut s = connected();
        assert_eq!(jobs(&s.on(Event::ReadDone { stored: false, ok: true }, 5.0)), vec![Command::Write]);
        s.on(Event::WriteDone(Written::Done), 6.0);
        s.on(Event::Focus, 7.0);
        let after = s.on(Event::ReadDone { stored: true, ok: true }, 8.0);
        assert_eq!(after, vec![Command::WakeAt(15_008.0)]);
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 15_007.0)), vec![], "not yet");
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 15_008.0)), vec![Command::Write]);
    }

    #[test]
    fn only_the_latest_save_writes() {
        let mut s = connected();
        s.on(Event::ReadDone { stored: false, ok: true }, 1.0);
        s.on(Event::WriteDone(Written::Done), 2.0);
        s.on(Event::SaveSettled, 1_000.0);
        s.on(Event::SaveSettled, 9_000.0);
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 16_000.0)), vec![], "the first save's time has passed");
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 24_000.0)), vec![Command::Write]);
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 24_001.0)), vec![], "one write");
    }

    #[test]
    fn a_failed_write_is_tried_again_later_and_a_skipped_one_waits_for_the_next_save() {
        let mut s = connected();
        s.on(Event::ReadDone { stored: false, ok: true }, 1.0);
        assert_eq!(s.on(Event::WriteDone(Written::Failed), 2.0), vec![Command::WakeAt(30_002.0)]);
        assert_eq!(jobs(&s.on(Event::Tick { visible: false }, 30_002.0)), vec![Command::Write], "hidden too");
        assert_eq!(jobs(&s.on(Event::WriteDone(Written::Skipped), 30_003.0)), vec![]);
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 44_000.0)), vec![], "nothing due");
    }

    #[test]
    fn the_folder_is_polled_while_the_page_is_visible() {
        let mut s = connected();
        s.on(Event::ReadDone { stored: false, ok: true }, 1.0);
        s.on(Event::WriteDone(Written::Done), 2.0);
        assert_eq!(jobs(&s.on(Event::Tick { visible: false }, 45_000.0)), vec![], "hidden: not read");
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 89_999.0)), vec![]);
        let at_poll = s.on(Event::Tick { visible: true }, 90_000.0);
        assert_eq!(at_poll, vec![Command::Read, Command::WakeAt(135_000.0)]);
        // A failed reading is tried at the next poll, and writes nothing meanwhile.
        assert_eq!(jobs(&s.on(Event::ReadDone { stored: false, ok: false }, 90_100.0)), vec![]);
    }

    #[test]
    fn a_stale_timer_does_nothing_and_wakes_are_not_asked_twice() {
        let mut s = connected();
        s.on(Event::ReadDone { stored: false, ok: true }, 1.0);
        s.on(Event::WriteDone(Written::Done), 2.0);
        assert_eq!(s.on(Event::SaveSettled, 100.0), vec![Command::WakeAt(15_100.0)]);
        assert_eq!(s.on(Event::SaveSettled, 200.0), vec![], "the wake at 15,100 comes first and finds it not due");
        assert_eq!(s.on(Event::Tick { visible: true }, 15_100.0), vec![Command::WakeAt(15_200.0)]);
        assert_eq!(jobs(&s.on(Event::Tick { visible: true }, 15_200.0)), vec![Command::Write]);
    }

    #[test]
    fn nothing_runs_after_a_disconnection_or_a_lost_permission_until_connected_again() {
        for gone in [Event::Disconnected, Event::PermissionLost] {
            let mut s = connected();
            s.on(Event::SaveSettled, 10.0);
            assert_eq!(s.on(gone, 20.0), vec![]);
            assert!(s.is_busy(), "the reading under way finishes");
            assert_eq!(s.on(Event::ReadDone { stored: true, ok: true }, 30.0), vec![]);
            for e in [Event::Tick { visible: true }, Event::SyncNow, Event::Focus, Event::SaveSettled] {
                assert_eq!(s.on(e, 100_000.0), vec![], "{e:?}");
            }
            assert_eq!(jobs(&s.on(Event::Connected, 200_000.0)), vec![Command::Read]);
        }
    }

    #[test]
    fn a_save_during_a_reading_writes_after_it() {
        let mut s = connected();
        s.on(Event::SaveSettled, 5.0);
        assert_eq!(jobs(&s.on(Event::ReadDone { stored: false, ok: true }, 6.0)), vec![Command::Write]);
    }
}
