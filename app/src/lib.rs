//! The Tauri shell: wiring only. Commands and events come from the registry in
//! `switchboard-commands`; window looks come from [`layout`]. [`configure`] is shared by
//! [`run`] and the integration tests, so both run the same app.

pub mod layout;

use switchboard_commands::{registry::RegisteredRuntime, windows};
use switchboard_events::WindowLabel;
use tauri::{Manager, RunEvent, WindowEvent};

/// Adds Switchboard's commands, state, listeners and window hooks to `builder`.
pub fn configure<R: RegisteredRuntime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .invoke_handler(switchboard_commands::builder::<R>().invoke_handler())
        .setup(|app| {
            switchboard_commands::manage_state(app);
            let factory = layout::factory::<R>();
            factory.open(app.handle(), WindowLabel::Main)?;
            app.manage(factory);
            switchboard_commands::notes::listen(app.handle());
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                windows::on_page_started(webview.app_handle(), webview.label());
            }
        })
        .on_window_event(|window, event| {
            if let WindowEvent::Destroyed = event {
                windows::on_destroyed(window.app_handle(), window.label());
                // Workers and the inspector are driven from main; without it the app is done.
                if window.label() == WindowLabel::Main.to_string() {
                    window.app_handle().exit(0);
                }
            }
        })
}

/// The app's context: config, embedded assets, and the ACL resolved from `capabilities/`.
/// The integration tests take its ACL, so they check the capabilities that ship.
pub fn context() -> tauri::Context<tauri::Wry> {
    tauri::generate_context!()
}

/// Runs the app.
pub fn run() {
    let app = configure(tauri::Builder::default()).build(context());
    match app {
        Ok(app) => app.run(|_, _: RunEvent| {}),
        Err(e) => {
            eprintln!("switchboard: cannot start: {e}");
            std::process::exit(1);
        }
    }
}
