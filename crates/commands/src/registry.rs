//! The one registry of commands and events, for the app, the tests and the exporter.

use tauri::{Manager, Runtime};

use crate::{counter::Counter, jobs::Jobs, messages::Sequence, trace::Trace, Outbox};

include!("names.rs");

/// The typed registry of every command and event, for runtime `R` (`tauri::Wry` in the app,
/// `tauri::test::MockRuntime` in tests).
///
/// A macro because `collect_commands!` cannot take an enclosing generic (FACTS.md, 5).
macro_rules! commands_for {
    ($r:ty) => {
        tauri_specta::collect_commands![
            crate::greeting::greet::<$r>,
            crate::counter::counter_get::<$r>,
            crate::counter::counter_add::<$r>,
            crate::ping::ping_later::<$r>,
            crate::windows::window_ready::<$r>,
            crate::windows::open_worker::<$r>,
            crate::windows::open_inspector::<$r>,
            crate::windows::close_window::<$r>,
            crate::messages::send_message::<$r>,
            crate::messages::reply_to_main::<$r>,
            crate::jobs::start_job::<$r>,
            crate::jobs::cancel_job::<$r>,
            crate::errors_demo::fail_with::<$r>,
            crate::trace::subscribe_trace::<$r>,
            crate::trace::export_trace::<$r>,
        ]
    };
}

/// Picks the command list for a runtime.
pub trait RegisteredRuntime: Runtime {
    /// Every command, for this runtime.
    fn commands() -> tauri_specta::Commands<Self>;
}

impl RegisteredRuntime for tauri::Wry {
    fn commands() -> tauri_specta::Commands<Self> {
        commands_for!(tauri::Wry)
    }
}

#[cfg(feature = "test")]
impl RegisteredRuntime for tauri::test::MockRuntime {
    fn commands() -> tauri_specta::Commands<Self> {
        commands_for!(tauri::test::MockRuntime)
    }
}

/// The tauri-specta builder with every command, event and extra type.
pub fn builder<R: RegisteredRuntime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .commands(R::commands())
        .events(switchboard_events::all_events!())
        .typ::<crate::Rejection>()
        // One TypeScript type per Rust type: no `_Serialize` / `_Deserialize` pairs.
        .disable_serde_phases()
}

/// Manages the state every command needs, except the app's [`crate::windows::WindowFactory`].
pub fn manage_state<R: Runtime>(app: &impl Manager<R>) {
    app.manage(Trace::default());
    app.manage(Outbox::default());
    app.manage(Counter::default());
    app.manage(Sequence::default());
    app.manage(Jobs::default());
    app.manage(crate::notes::NotesRead::default());
}
