//! The Tauri shell: wiring only. The engine is Switchboard's plugin; commands and events come
//! from the registry in `switchboard-commands`; window looks come from [`layout`]; what is kept between runs, and
//! where, from [`persist`]. [`configure`] is shared by [`run`] and the integration tests, so
//! both run the same app; [`run`] adds what needs the real runtime: Tauri's plugins (one
//! instance, the log, window geometry), the [`menu`] and the [`desktop`]'s screens.

pub mod desktop;
pub mod layout;
pub mod logging;
pub mod menu;
pub mod persist;

use persist::Keep;
use switchboard_commands::{
    registry::RegisteredRuntime,
    restore,
    windows::{self, WindowFactory},
    workspace::WorkspaceStore,
    Demo,
};
use switchboard_events::WindowLabel;
use tauri::{AppHandle, Manager, RunEvent, Runtime, WindowEvent, Wry};
use tauri_plugin_switchboard::{
    pace::{paced, Pace, Pacing},
    Teardown,
};

/// The engine's plugin, with the demo's teardown after its own.
fn switchboard<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_switchboard::Builder::<R, Demo>::new()
        // Closing main quits the app: the windows that close with it stay in the workspace.
        .on_teardown(|app, label, why| {
            if why == Teardown::Close && label == WindowLabel::Main {
                freeze(app);
            }
        })
        .on_teardown(windows::torn_down)
        .on_ready(windows::on_ready)
        .build()
}

/// Adds Switchboard's plugin, commands, state, listeners and window hooks to `builder`;
/// restores the workspace that `keep` names, and keeps it. The app's commands are paced by
/// `pacing` when given (`run` gives [`Pacing::DEFAULT`]; the integration tests, which call
/// from one thread as fast as they can, give none unless they test it).
pub fn configure<R: RegisteredRuntime>(
    builder: tauri::Builder<R>,
    keep: Keep,
    pacing: Option<Pacing>,
) -> tauri::Builder<R> {
    builder
        .plugin(switchboard())
        .invoke_handler(paced(switchboard_commands::builder::<R>().invoke_handler()))
        .setup(move |app| {
            switchboard_commands::manage_state(app);
            if let Some(pacing) = pacing {
                app.manage(Pace::new(pacing));
            }
            let loaded = persist::start(app.handle(), &keep);
            app.manage(layout::factory::<R>());
            app.state::<WindowFactory<R>>()
                .open(app.handle(), WindowLabel::Main)?;
            if let Some(loaded) = loaded {
                // A workspace that cannot be restored in full is not a reason not to start.
                match restore::restore(app.handle(), &loaded.workspace) {
                    Ok(opened) if !opened.is_empty() => log::info!("restored {opened:?}"),
                    Ok(_) => {}
                    Err(e) => log::error!("workspace not fully restored: {e}"),
                }
            }
            switchboard_commands::notes::listen(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| match event {
            WindowEvent::Destroyed => {
                let app = window.app_handle();
                // Workers and the inspector are driven from main; without it the app is done,
                // and the windows that close with it stay in the workspace. (The plugin forgets
                // each closed window and runs the teardown.)
                if window.label() == WindowLabel::Main.to_string() {
                    freeze(app);
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
    if let Some(id) = keep.instance_id() {
        plugin = plugin.dbus_id(id);
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
    let builder = tauri::Builder::default()
        // First, so that a second start ends before anything else begins.
        .plugin(single_instance(&keep))
        .plugin(logging::plugin(&keep))
        .plugin(persist::geometry_plugin(&keep))
        .menu(menu::build)
        .on_menu_event(menu::chosen)
        .manage(desktop::real());
    match configure(builder, keep, Some(Pacing::DEFAULT)).build(context()) {
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
