//! The app menu: New worker (Ctrl+N), Inspector (Ctrl+I), Close window (Ctrl+W) and Quit
//! (Ctrl+Q). A choice does nothing in Rust: it goes to main's page, which calls the command its
//! buttons call (quitting is closing main), so that the ACL checks it and the trace shows it
//! like any other call.

use switchboard_commands::Switchboard;
use switchboard_events::{Audience, MenuChosen, WindowLabel};
use tauri::{
    menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu},
    AppHandle, Manager, Runtime,
};

/// Each item: its id, its text and its shortcut.
const ITEMS: [(&str, &str, &str); 4] = [
    ("new-worker", "&New worker", "CmdOrCtrl+N"),
    ("inspector", "&Inspector", "CmdOrCtrl+I"),
    ("close-window", "&Close window", "CmdOrCtrl+W"),
    ("quit", "&Quit", "CmdOrCtrl+Q"),
];

/// The menu every window shows.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |(id, text, shortcut): (&str, &str, &str)| {
        MenuItem::with_id(app, id, text, true, Some(shortcut))
    };
    let [new_worker, inspector, close, quit] = ITEMS.map(item);
    let windows = Submenu::with_items(
        app,
        "&Window",
        true,
        &[
            &new_worker?,
            &inspector?,
            &PredefinedMenuItem::separator(app)?,
            &close?,
            &quit?,
        ],
    )?;
    Menu::with_items(app, &[&windows])
}

/// Hands a choice to main's page.
pub fn chosen<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let choice = match event.id().as_ref() {
        "new-worker" => MenuChosen::NewWorker,
        "inspector" => MenuChosen::Inspector,
        "quit" => MenuChosen::Quit,
        "close-window" => match focused(app) {
            Some(label) => MenuChosen::CloseWindow { label },
            None => return,
        },
        other => {
            log::warn!("menu item `{other}` is not handled");
            return;
        }
    };
    let main = Audience::One {
        label: WindowLabel::Main,
    };
    if let Err(e) = app.state::<Switchboard>().send(app, &main, &choice) {
        log::warn!("menu choice {choice:?} not handed to main: {e}");
    }
}

/// The window that has the keyboard's focus, if it is one of ours.
fn focused<R: Runtime>(app: &AppHandle<R>) -> Option<WindowLabel> {
    app.webview_windows()
        .into_iter()
        .find(|(_, window)| window.is_focused().unwrap_or(false))
        .and_then(|(label, _)| label.parse().ok())
}
