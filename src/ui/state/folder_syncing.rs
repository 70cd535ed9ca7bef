//! The shared folder's context: what the folder sync of the files page may do with
//! the app — store a waiting change before a reading, follow a reading that stored (the open
//! strategy read again, an edit made meanwhile kept: as when another tab wrote), show a
//! member's conflicting file as the import's merge preview, and keep this member's id and name
//! in the preferences. The rules are `session::folder`'s; the folder itself is `storage`'s.

use super::*;
use crate::session::folder::Me;

#[derive(Clone, Copy)]
pub struct FolderSyncing {
    app: AppState,
}

pub fn use_folder_syncing() -> FolderSyncing {
    FolderSyncing { app: use_app() }
}

impl From<AppState> for FolderSyncing {
    fn from(app: AppState) -> FolderSyncing {
        FolderSyncing { app }
    }
}

impl Facade for FolderSyncing {
    fn app(&self) -> AppState {
        self.app
    }
}

impl FolderSyncing {
    pub fn store(&self) -> Rc<BrowserStore> {
        self.app.store()
    }

    /// The open strategy as shown.
    pub fn open_strategy(&self) -> Option<Strategy> {
        self.app.open.get_untracked()
    }

    /// The open strategy's id.
    pub fn open_id(&self) -> Option<Id> {
        self.app.open.with_untracked(|o| o.as_ref().map(|s| s.id.clone()))
    }

    /// What the autosave says (a write follows a save that settled).
    pub fn save_state(&self) -> RwSignal<SaveState> {
        self.app.save_state
    }

    /// This browser's member as the preferences hold it, making no id: until the folder is
    /// used (`me`), opening the files page stores nothing (the id is empty then, and every
    /// reading and writing takes [`FolderSyncing::me`] first).
    pub fn me_as_kept(&self) -> Me {
        let (id, name) = self.app.prefs.with_untracked(|p| (p.folder_member.clone(), p.folder_name.clone()));
        Me {
            id: id.filter(|id| crate::session::folder::is_member_id(id)).unwrap_or_default(),
            name: name.unwrap_or_default(),
            role: self.role(),
        }
    }

    /// Who the person said they are in the open strategy, written into their file.
    fn role(&self) -> Option<crate::model::Role> {
        let open = self.open_id()?;
        self.app.prefs.with_untracked(|p| p.role_in(&open))
    }

    /// 「あなたの所属: 市民課」, said beside the name (chosen in the strategy's settings).
    pub fn section_words(&self) -> String {
        use crate::model::Role;
        let role = self.app.open.with(|o| {
            let s = o.as_ref()?;
            let role = self.app.prefs.with(|p| p.role_in(&s.id))?;
            Some(match &role {
                Role::Planning => self.app.tr("企画課など（取りまとめ）", "the planning section").to_owned(),
                Role::Department(_) => role.department_name(s).unwrap_or_default().to_owned(),
            })
        });
        match role {
            Some(r) => format!("{}{r}", self.app.tr("あなたの所属: ", "Your section: ")),
            None => self
                .app
                .tr(
                    "あなたの所属: 選んでいません（戦略の設定の「担当課」で選べます）",
                    "Your section: not chosen (Strategy settings, Sections)",
                )
                .to_owned(),
        }
    }

    /// This browser's member: the id made once per browser profile (kept in the preferences),
    /// and the name given (empty until it is).
    pub fn me(&self) -> Me {
        let (id, name) = self.app.prefs.with_untracked(|p| (p.folder_member.clone(), p.folder_name.clone()));
        let id = match id {
            Some(id) if crate::session::folder::is_member_id(&id) => id,
            _ => {
                let id = crate::session::folder::new_member_id();
                let kept = id.clone();
                self.app.set_preferences(move |p| p.folder_member = Some(kept));
                id
            }
        };
        Me { id, name: name.unwrap_or_default(), role: self.role() }
    }

    /// This browser's member id from now on (the folder's reading found another PC writing
    /// under the old one).
    pub fn keep_member_id(&self, id: String) {
        self.app.set_preferences(move |p| p.folder_member = Some(id));
    }

    pub fn name(&self) -> Option<String> {
        self.app.prefs.with(|p| p.folder_name.clone()).filter(|n| !n.trim().is_empty())
    }

    pub fn set_name(&self, name: String) {
        self.app.set_preferences(move |p| p.folder_name = Some(name));
    }

    /// Keeps in the preferences that strategy `id` is connected to a folder in this browser (the
    /// app resumes its sync on any page of it: `folder_start::resume`).
    pub fn remember_folder(&self, id: &Id) {
        if self.has_folder(id) {
            return;
        }
        let id = id.clone();
        self.app.set_preferences(move |p| p.folder_strategies.push(id));
    }

    /// Takes strategy `id` off the preferences' connected strategies (「接続を解除」).
    pub fn forget_folder(&self, id: &Id) {
        if !self.has_folder(id) {
            return;
        }
        let id = id.clone();
        self.app.set_preferences(move |p| p.folder_strategies.retain(|s| *s != id));
    }

    /// Whether the page shown is a strategy's 共有 page (where the folder's section is).
    pub fn on_folder_page(&self) -> bool {
        matches!(self.app.route.get_untracked(), Route::Folder(_))
    }

    /// Whether strategy `id` is connected to a folder in this browser.
    pub fn has_folder(&self, id: &Id) -> bool {
        self.app.prefs.with_untracked(|p| p.folder_strategies.contains(id))
    }

    /// Shows a notice.
    pub fn say(&self, notice: Notice) {
        self.app.notice.set(Some(notice));
    }

    /// Takes away the notice asking to reconnect the folder (reconnected or disconnected).
    pub fn clear_folder_notice(&self) {
        if self.app.notice.with_untracked(|n| matches!(n, Some(Notice::FolderNeedsPermission { .. }))) {
            self.app.notice.set(None);
        }
    }

    /// A change waiting to be saved is stored first: a reading merges against what is stored,
    /// and the own file is written from it.
    pub async fn save_waiting(&self) {
        self.app.flush_now().await;
    }

    /// A reading stored a version: the open strategy follows it unless an edit waits (then the
    /// user is asked, as with another tab's write: nothing is overwritten), and the other tabs
    /// and the lists are told.
    pub async fn after_stored(&self, head: Option<(crate::model::Strategy, u64)>) {
        let outcome = self.app.bench().follow_stored(head).await;
        self.app.apply(outcome).await;
        self.app.written().await;
    }

    /// Strategies taken whole from a folder (a browser with nothing stored): the lists read
    /// again, and the first one's 共有 page opened (its sync starts there).
    pub async fn taken_whole(&self, id: Id) {
        self.app.written().await;
        self.app.navigate(Route::Folder(id));
    }
}
