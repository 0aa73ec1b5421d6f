//! The one registry of commands and events, for the app, the tests and the exporter.
//!
//! Commands are listed once, in `command_list.rs`, with the window kinds that may call them;
//! events are listed once, in `switchboard-events`. Everything else (the command lists for
//! each runtime, the names `app/build.rs` declares, the expected permissions, the bindings) is
//! derived from those two lists.

use switchboard_events::{WindowKind, EVENTS};
use tauri::{Manager, Runtime};

use tauri_plugin_switchboard::{trace, HELD_EVENTS};

use crate::{counter::Counter, jobs::Jobs, messages::Sequence};

/// Picks the command list for a runtime.
pub trait RegisteredRuntime: Runtime {
    /// Every command, for this runtime.
    fn commands() -> tauri_specta::Commands<Self>;
}

/// The window kind a name in `command_list.rs` stands for.
macro_rules! window_kind {
    (main) => {
        WindowKind::Main
    };
    (worker) => {
        WindowKind::Worker
    };
    (inspector) => {
        WindowKind::Inspector
    };
}

/// Expands the list once per runtime: `collect_commands!` cannot name a generic parameter of an
/// enclosing function (docs/tauri-behaviour.md#collect-commands-generic).
macro_rules! command_list {
    ($($group:ident::$command:ident: $($who:ident)+;)*) => {
        /// Every command's name, in registry order.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($command)),*];

        /// Every command with the window kinds whose capability must grant it.
        pub const COMMAND_GRANTS: &[(&str, &[WindowKind])] =
            &[$((stringify!($command), &[$(window_kind!($who)),+])),*];

        impl RegisteredRuntime for tauri::Wry {
            fn commands() -> tauri_specta::Commands<Self> {
                tauri_specta::collect_commands![$(crate::$group::$command::<tauri::Wry>),*]
            }
        }

        #[cfg(feature = "test")]
        impl RegisteredRuntime for tauri::test::MockRuntime {
            fn commands() -> tauri_specta::Commands<Self> {
                tauri_specta::collect_commands![
                    $(crate::$group::$command::<tauri::test::MockRuntime>),*
                ]
            }
        }
    };
}

include!("command_list.rs");

/// The tauri-specta builder with every command and every type pages see (the plugin's
/// commands' too, which the frontend calls through `frontend/src/lib/plugin.ts`). Events are not
/// given to tauri-specta: its event objects offer a global `listen` and an untyped `emitTo`,
/// so the generator (`crates/bindings`) writes Switchboard's own event list instead, from `EVENTS`.
pub fn builder<R: RegisteredRuntime>() -> tauri_specta::Builder<R> {
    let event_types = tauri_plugin_switchboard::bindings::event_types(EVENTS);
    tauri_specta::Builder::<R>::new()
        .commands(R::commands())
        .types(&event_types)
        .typ::<tauri_plugin_switchboard::Rejection>()
        // What the plugin's own commands take and answer, for its TypeScript calls.
        .typ::<tauri_plugin_switchboard::ReadyReport<switchboard_events::WindowLabel>>()
        .typ::<tauri_plugin_switchboard::Delivery>()
        .typ::<crate::TraceEntry>()
        // The inspector keeps as many rows as the core keeps entries.
        .constant("TRACE_CAPACITY", trace::CAPACITY)
        // The typed mock of the core holds as many events for a loading window as the core.
        .constant("HELD_EVENTS", HELD_EVENTS)
        // One TypeScript type per Rust type: no `_Serialize` / `_Deserialize` pairs.
        .disable_serde_phases()
}

/// Manages the state every command needs, except what the plugin manages (the Outbox, the
/// trace) and the app's [`crate::windows::WindowFactory`].
pub fn manage_state<R: Runtime>(app: &impl Manager<R>) {
    app.manage(Counter::default());
    app.manage(Sequence::default());
    app.manage(Jobs::default());
    app.manage(crate::ping::Pings::default());
    app.manage(crate::notes::NotesRead::default());
    app.manage(crate::report::Exports::default());
}
