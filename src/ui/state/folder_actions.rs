//! The shared folder's actions as the page offers them (connect, reconnect, disconnect,
//! 今すぐ同期, a conflict decided, a change to confirmed values decided, 元に戻す on a change taken in, a folder read by hand, the own
//! file downloaded): each hands its event to the strategy's `PageSync` (`folder_sync`) or
//! runs its one step, and shows what came of it.

use super::folder_sync::{current, sync_for, AnyFolder, PageSync, Recent, SyncView};
use super::{Facade, FolderSyncing};
use crate::model::merge::Side;
use crate::model::round::OnConfirmed;
use crate::model::Id;
use crate::session::folder::schedule::Event;
use crate::session::folder::{Decided, FolderSync, SyncError};
use crate::storage::{DiskFolder, MemoryFolder, Permission};
use crate::ui::browser::files;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

impl FolderSyncing {
    /// The sync of strategy `id` (started the first time: its kept folder looked up), as shown.
    pub fn folder_sync(&self, id: &Id) -> SyncView {
        sync_for(*self, id).shown.clone()
    }

    /// 「接続を解除」: the folder no longer read or written, and forgotten.
    pub fn disconnect_folder(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move { s.disconnect(app).await });
    }

    /// 「共有フォルダにつなぐ」: the picker, then the folder used.
    pub fn connect_folder(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move {
            match DiskFolder::pick().await {
                Ok(Some(folder)) => s.connect(app, folder).await,
                Ok(None) => {}
                Err(e) => {
                    s.shown.problem.set(Some(crate::words::folder::sync_error(&SyncError::Folder(e), app.app().lang())))
                }
            }
        });
    }

    /// 「共有フォルダに再接続」: the permission asked at once, inside the click.
    pub fn reconnect_folder(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        let Some(folder) = s.waiting.borrow_mut().take() else { return };
        spawn_local(async move {
            match folder.ask_permission().await {
                Permission::Granted => s.connect(app, folder).await,
                _ => *s.waiting.borrow_mut() = Some(folder),
            }
        });
    }

    /// 「元に戻す」 on a change taken in lately: the version before it comes back, as a new
    /// version on top of the head — it reaches every member, the one whose change it takes back
    /// too.
    pub fn undo_taken(&self, id: &Id, recent: Recent) {
        let (app, Some(s), Some(seq)) = (*self, current(id), recent.undo) else { return };
        let id = id.clone();
        spawn_local(async move {
            app.save_waiting().await;
            match crate::session::folder::undo(&app.store(), &id, seq, &files::now()).await {
                Ok(_) => {
                    s.shown.recent.update(|r| r.retain(|x| *x != recent));
                    app.after_stored(None).await;
                    s.on(app, Event::SaveSettled);
                }
                Err(e) => s.shown.problem.set(Some(crate::words::storage_error(&e, app.app().lang()))),
            }
        });
    }

    /// A conflict with a member decided as `sides`: stored as a version naming them, then the
    /// folder read again (their card goes) and the own file written. Cards made against a
    /// strategy that changed since are read again instead, and that is said.
    pub fn decide_conflict(&self, id: &Id, conflict: crate::session::folder::Conflicted, sides: Vec<Side>) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move {
            app.save_waiting().await;
            let decided = crate::session::folder::decide(&app.store(), &conflict, &sides, &files::now()).await;
            after_deciding(app, &s, decided).await;
        });
    }

    /// A member's version that changes confirmed values, decided: the confirmed values kept;
    /// stored as a version naming them, then the folder read again and the own file written (as
    /// a conflict decided).
    pub fn keep_confirmed(&self, id: &Id, held: crate::session::folder::HeldBack) {
        self.decide_confirmed(id, held, |_| OnConfirmed::Keep);
    }

    /// [`Self::keep_confirmed`], the change taken instead, confirmed again in this person's name.
    pub fn take_confirmed(&self, id: &Id, held: crate::session::folder::HeldBack) {
        self.decide_confirmed(id, held, OnConfirmed::Take);
    }

    /// Stores the choice `on` makes of this person's name.
    fn decide_confirmed(&self, id: &Id, held: crate::session::folder::HeldBack, on: fn(String) -> OnConfirmed) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move {
            app.save_waiting().await;
            let on = on(app.name().unwrap_or_default());
            let decided = crate::session::folder::decide_confirmed(&app.store(), &held, &on, &files::now()).await;
            after_deciding(app, &s, decided).await;
        });
    }

    /// 今すぐ同期.
    pub fn sync_now(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        s.on(app, Event::SyncNow);
    }

    /// 「フォルダを読み込む」: the files of a folder picked by hand, read as the folder would be.
    pub fn read_folder_by_hand(&self, id: &Id, picked: Vec<web_sys::File>) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        // Said at once (「同期しています…」): the files are read, and a poll may be finishing.
        s.shown.busy.set(true);
        spawn_local(async move {
            let memory = MemoryFolder::new();
            // A file the browser would not read is listed with why, as a folder's locked file is.
            for f in picked {
                match files::read_bytes(&f).await {
                    Ok(bytes) => memory.put(&f.name(), bytes),
                    Err(e) => {
                        memory.put_unreadable(&f.name(), &e.map_or_else(|detail| detail, |refused| refused.to_string()))
                    }
                }
            }
            let mut sync = s.sync_free().await;
            app.save_waiting().await;
            sync.me = app.me();
            let read = sync.read(&app.store(), &AnyFolder::Memory(memory), &files::now()).await;
            *s.sync.borrow_mut() = Some(sync);
            s.took(app, read).await;
            s.shown.busy.set(false);
        });
    }

    /// 「自分のファイルを書き出す」: this member's own file, downloaded under its name.
    pub fn export_own_file(&self, id: &Id) {
        let (app, id) = (*self, id.clone());
        spawn_local(async move {
            app.save_waiting().await;
            let memory = MemoryFolder::new();
            let mut sync = FolderSync::new(app.me(), id);
            let name = sync.own_file();
            let written = sync.write(&app.store(), &memory, &files::now()).await;
            let text = memory.get(&name).and_then(|b| String::from_utf8(b).ok());
            match (written, text) {
                (Ok(_), Some(text)) => app.downloads().save(name, "application/json", &text),
                (Err(e), _) => app.downloads().said(Err(crate::words::folder::sync_error(&e, app.app().lang())), name),
                _ => {}
            }
        });
    }
}

/// After a card's choice: stored, the folder is read again (and the own file written); the
/// strategy changed while the card was shown, nothing was stored and that is said, then read
/// again for fresh cards; a storage failure, said.
async fn after_deciding(app: FolderSyncing, s: &Rc<PageSync>, decided: Result<Decided, crate::session::Notice>) {
    match decided {
        Ok(Decided::Stored) => {
            app.after_stored(None).await;
            s.on(app, Event::SyncNow);
        }
        Ok(Decided::Stale) => {
            s.shown.problem.set(Some(crate::words::folder::conflict_stale(app.app().lang()).to_owned()));
            s.on(app, Event::SyncNow);
        }
        Err(notice) => app.say(notice),
    }
}
