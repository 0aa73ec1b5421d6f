//! The Tauri shell: wiring only. Commands and events come from the registry in
//! `switchboard-commands`; window looks come from [`layout`]; what is kept between runs, and
//! where, from [`persist`]. [`configure`] is shared by [`run`] and the integration tests, so
//! both run the same app; [`run`] adds Tauri's plugins (one instance, the log, window
//! geometry) and the [`menu`], which need the real runtime.

pub mod layout;
pub mod logging;
pub mod menu;
pub mod persist;

use persist::{Keep, SaveGeometry};
use switchboard_commands::{
    registry::RegisteredRuntime,
    windows::{self, WindowFactory},
    workspace::{self, WorkspaceStore},
};
use switchboard_events::WindowLabel;
use tauri::{AppHandle, Manager, RunEvent, Runtime, WindowEvent, Wry};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// What of a window's geometry is kept: not its visibility or decorations, which the app sets.
const GEOMETRY: StateFlags = StateFlags::POSITION
    .union(StateFlags::SIZE)
    .union(StateFlags::MAXIMIZED);

/// Adds Switchboard's commands, state, listeners and window hooks to `builder`; restores the
/// workspace that `keep` names, and keeps it.
pub fn configure<R: RegisteredRuntime>(
    builder: tauri::Builder<R>,
    keep: Keep,
) -> tauri::Builder<R> {
    builder
        .invoke_handler(switchboard_commands::builder::<R>().invoke_handler())
        .setup(move |app| {
            switchboard_commands::manage_state(app);
            let loaded = persist::start(app.handle(), &keep);
            app.manage(layout::factory::<R>());
            app.state::<WindowFactory<R>>()
                .open(app.handle(), WindowLabel::Main)?;
            if let Some(loaded) = loaded {
                // A workspace that cannot be restored in full is not a reason not to start.
                match workspace::restore(app.handle(), &loaded.workspace) {
                    Ok(opened) if !opened.is_empty() => log::info!("restored {opened:?}"),
                    Ok(_) => {}
                    Err(e) => log::error!("workspace not fully restored: {e}"),
                }
            }
            switchboard_commands::notes::listen(app.handle());
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                windows::on_page_started(webview.app_handle(), webview.label());
            }
        })
        .on_window_event(|window, event| match event {
            WindowEvent::Destroyed => {
                let app = window.app_handle();
                // Workers and the inspector are driven from main; without it the app is done,
                // and the windows that close with it stay in the workspace.
                let quits = window.label() == WindowLabel::Main.to_string();
                if quits {
                    freeze(app);
                }
                windows::on_destroyed(app, window.label());
                if quits {
                    app.exit(0);
                }
            }
            WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
                if let Some(store) = window.app_handle().try_state::<WorkspaceStore>() {
                    store.geometry_changed();
                }
            }
            _ => {}
        })
}

/// The app is quitting: window closes from now on are not the user's.
fn freeze<R: Runtime>(app: &AppHandle<R>) {
    if let Some(store) = app.try_state::<WorkspaceStore>() {
        store.freeze();
    }
}

/// The app's context: config, embedded assets, and the ACL resolved from `capabilities/`.
/// The integration tests take its ACL, so they check the capabilities that ship.
pub fn context() -> tauri::Context<tauri::Wry> {
    tauri::generate_context!()
}

/// The single-instance plugin: a second start hands its arguments to this one and ends. One
/// instance per data folder: `--data-dir` gives a folder its own.
fn single_instance(keep: &Keep) -> tauri::plugin::TauriPlugin<Wry> {
    let mut plugin = tauri_plugin_single_instance::Builder::new()
        .callback(|app, argv, _cwd| windows::launched_again(app, argv));
    if let Keep::In(dir) = keep {
        use std::hash::{Hash, Hasher};
        let mut hash = std::collections::hash_map::DefaultHasher::new();
        dir.hash(&mut hash);
        plugin = plugin.dbus_id(format!("dev.switchboard.app.d{:016x}", hash.finish()));
    }
    plugin.build()
}

/// Runs the app. `--data-dir DIR` keeps the workspace, geometry and log in DIR.
pub fn run() {
    // Before the app and its log exist, stderr is the only place to say why it cannot start.
    let keep = Keep::from_args(std::env::args()).unwrap_or_else(|e| {
        eprintln!("switchboard: {e}");
        std::process::exit(2);
    });
    let mut geometry = tauri_plugin_window_state::Builder::new().with_state_flags(GEOMETRY);
    if let Some(file) = keep.geometry_file() {
        geometry = geometry.with_filename(file.display().to_string());
    }
    let builder = tauri::Builder::default()
        // First, so that a second start ends before anything else begins.
        .plugin(single_instance(&keep))
        .plugin(logging::plugin(&keep))
        .plugin(geometry.build())
        .menu(menu::build)
        .on_menu_event(menu::chosen)
        .manage(layout::FindScreen::<Wry>(layout::screen_of_main))
        .manage(SaveGeometry::<Wry>(Box::new(|app| {
            // On the main thread: the plugin holds its table's lock while it asks each window
            // where it is, and its own handler of a move takes that lock on the main thread.
            // From another thread the two wait for each other for ever (seen: the app hung).
            let handle = app.clone();
            let saved = app.run_on_main_thread(move || {
                if let Err(e) = handle.save_window_state(GEOMETRY) {
                    log::warn!("window geometry not saved: {e}");
                }
            });
            if let Err(e) = saved {
                log::warn!("window geometry not saved: {e}");
            }
        })));
    match configure(builder, keep).build(context()) {
        Ok(app) => {
            logging::open_tap(app.handle());
            app.run(|app, event| match event {
                RunEvent::ExitRequested { .. } => freeze(app),
                RunEvent::Exit => {
                    if let Some(store) = app.try_state::<WorkspaceStore>() {
                        store.finish();
                    }
                }
                _ => {}
            });
        }
        Err(e) => {
            eprintln!("switchboard: cannot start: {e}");
            std::process::exit(1);
        }
    }
}
