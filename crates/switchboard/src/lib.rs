//! Switchboard, the engine of a multi-window Tauri app's typed IPC, as a plugin any app adds.
//!
//! The app brings its vocabulary ([`Vocabulary`]): its window labels (a [`Label`]), its
//! audiences (an [`Audience`]) and its events, each a payload type declared once with its
//! [`Route`] in an [`events!`] list. The plugin knows no label, event or command of any app;
//! everything here is generic over them.
//!
//! - [`route`]: how each event travels, and the [`Event`] trait the list implements.
//! - [`label`], [`audience`], [`vocabulary`]: what the app's types must be; [`labels!`]
//!   declares labels that are, and [`Recipients`] is an audience for apps without their own.
//! - [`switchboard`]: the one managed state, [`Switchboard`], reached as
//!   `app.switchboard::<V>()`; every send goes through it.
//! - [`outbox`]: delivery of every event Rust sends to pages: audience to labels, the ready
//!   gate, held events, batches over each page's own Channel, `emit_to` as the routed option.
//! - [`trace`]: every command call and send, kept in a ring and streamed to subscribers.
//! - [`delivery`]: what a send reports and how an event travels.
//! - [`owned`]: per-window tables of what pages started.
//! - [`lifecycle`]: the only code that opens, readies, reloads and tears down a window's
//!   state, with the app's teardown hooks.
//! - `commands`: the plugin's commands, `window_ready`, `subscribe_trace` and `relay` (names in
//!   [`COMMANDS`]; `build.rs` makes a permission for each, `switchboard:allow-<name>`).
//! - [`call`]: [`Call`], for an app's commands traced and guarded like the plugin's own.
//! - [`untrusted`]: listening in Rust to what pages send, without trusting it; [`payload`]:
//!   reading a page's payload (bounded, parsed, and written again before it is relayed).
//! - [`error`]: what the engine refuses.
//! - [`bindings`]: writing an app's TypeScript bindings (the event list) and checking them.
//! - [`lane`]: the bulk lane, on which large responses take turns and wait for the main loop to
//!   be idle, so that one window's download leaves the others' calls room.
//! - [`pace`]: the app's commands paced, so that a window calling far faster than the others
//!   while they call is held to its share of the IPC path.
//! - [`ids`] and [`lock`]: numbering that never wraps, and locks that survive a panic.
//! - [`allocator`]: on Linux, WebKit in the app's process allocating with the system's
//!   allocator, so that its IPC threads cannot freeze every window by spinning on its own.
//!
//! An app adds it with `.plugin(Builder::<_, MyApp>::new().on_ready(..).on_teardown(..).build())`:
//! the plugin manages the [`Switchboard`], answers its commands, and follows every window's
//! page loads and closes.

use std::marker::PhantomData;

use tauri::{plugin::TauriPlugin, webview::PageLoadEvent, AppHandle, Manager, RunEvent, Runtime};

pub mod allocator;
pub mod audience;
pub mod bindings;
pub mod call;
mod command_names;
mod commands;
pub mod delivery;
pub mod error;
pub mod ids;
pub mod label;
pub mod labels;
pub mod lane;
pub mod lifecycle;
pub mod lock;
pub mod outbox;
pub mod owned;
pub mod pace;
pub mod payload;
pub mod route;
pub mod switchboard;
pub mod trace;
pub mod untrusted;
pub mod vocabulary;

#[cfg(test)]
mod testing;

pub use audience::{Audience, Recipients};
pub use call::Call;
pub use command_names::COMMANDS;
pub use commands::ReadyReport;
pub use delivery::{Delivery, Inbox, Sent, Transport};
pub use error::{Error, ErrorKind, Rejection};
pub use label::Label;
pub use lifecycle::Teardown;
pub use outbox::{Outbox, HELD_EVENTS};
pub use owned::Owned;
pub use payload::{normalize, parse_payload, PayloadError, MAX_PAYLOAD_BYTES};
pub use route::{Broadcast, Event, EventInfo, PageToPage, Route, Targeted, ToCore};
pub use switchboard::{Switchboard, SwitchboardExt};
pub use trace::{Entry, LogLevel, Trace, TraceEntry};
pub use untrusted::listen_untrusted;
pub use vocabulary::Vocabulary;

/// What the macros expand to, reached through `$crate` so that the app need not name them.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use specta;
}

/// Builds the plugin for an app whose vocabulary is `V`.
pub struct Builder<R: Runtime, V: Vocabulary> {
    hooks: Vec<lifecycle::Hook<R, V::Label>>,
    on_ready: Vec<commands::ReadyHook<R, V::Label>>,
    vocabulary: PhantomData<V>,
}

impl<R: Runtime, V: Vocabulary> Default for Builder<R, V> {
    fn default() -> Self {
        Builder {
            hooks: Vec::new(),
            on_ready: Vec::new(),
            vocabulary: PhantomData,
        }
    }
}

impl<R: Runtime, V: Vocabulary> Builder<R, V> {
    /// A plugin with no hooks.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `hook` whenever a window's page state ends (its page reloads, or its window
    /// closes), after the engine has ended its own: end the app's per-window tables there.
    /// Hooks run in the order they were added.
    #[must_use]
    pub fn on_teardown(
        mut self,
        hook: impl Fn(&AppHandle<R>, V::Label, Teardown) + Send + Sync + 'static,
    ) -> Self {
        self.hooks.push(Box::new(hook));
        self
    }

    /// Runs `hook` whenever a window's page has announced that it is ready, after what was
    /// held for it was delivered: send it the state it starts from there (the window list,
    /// say), so that it ends with the current one whatever was held. An error of the hook is
    /// the answer to `window_ready` (the window stays ready).
    #[must_use]
    pub fn on_ready(
        mut self,
        hook: impl Fn(&AppHandle<R>, V::Label) -> Result<(), Error<V::Label>> + Send + Sync + 'static,
    ) -> Self {
        self.on_ready.push(Box::new(hook));
        self
    }

    /// The plugin: it manages the [`Switchboard`] (and starts the trace's batches), answers
    /// its commands (`window_ready`, `subscribe_trace`), and follows page loads and window
    /// closes through [`lifecycle`].
    pub fn build(self) -> TauriPlugin<R> {
        let hooks = lifecycle::Hooks::<R, V>(self.hooks);
        let bodies = commands::Bodies::<R>::new::<V>(self.on_ready);
        tauri::plugin::Builder::new("switchboard")
            // Paced with the app's own commands when the app manages a `Pace`.
            .invoke_handler(pace::paced(tauri::generate_handler![
                commands::window_ready,
                commands::subscribe_trace,
                commands::relay
            ]))
            .setup(move |app, _api| {
                app.manage(Switchboard::<V>::default());
                app.manage(bodies);
                let handle = app.clone();
                tauri::async_runtime::spawn(async move {
                    handle.switchboard::<V>().trace().flush_in_batches().await;
                });
                app.manage(hooks);
                Ok(())
            })
            .on_page_load(|webview, payload| {
                if payload.event() == PageLoadEvent::Started {
                    lifecycle::page_started::<R, V>(webview.app_handle(), webview.label());
                }
            })
            .on_event(|app, event| {
                if let RunEvent::WindowEvent {
                    label,
                    event: tauri::WindowEvent::Destroyed,
                    ..
                } = event
                {
                    lifecycle::destroyed::<R, V>(app, label);
                }
            })
            .build()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use crate::{
        lifecycle,
        testing::{self, Level, Note, Test, Win},
        Error, SwitchboardExt, Teardown, TraceEntry,
    };

    /// An app on the mock runtime with only the plugin, whose teardown hook records what it is
    /// told in `torn_down`.
    fn app(torn_down: Arc<Mutex<Vec<(Win, Teardown)>>>) -> tauri::App<tauri::test::MockRuntime> {
        let plugin = crate::Builder::<_, Test>::new()
            .on_teardown(move |_, label, why| torn_down.lock().unwrap().push((label, why)))
            .build();
        tauri::test::mock_builder()
            .plugin(plugin)
            .build(tauri::test::mock_context(tauri::test::noop_assets()))
            .unwrap()
    }

    /// A page's Channel that keeps, in order, the names of the events it receives, each
    /// relayed one with its sender (`chat from w0`).
    fn inbox(received: Arc<Mutex<Vec<String>>>) -> crate::Inbox {
        tauri::ipc::Channel::new(move |body| {
            if let tauri::ipc::InvokeResponseBody::Json(json) = body {
                let batch: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
                for delivery in batch {
                    let name = delivery["name"].as_str().unwrap();
                    received
                        .lock()
                        .unwrap()
                        .push(match delivery["from"].as_str() {
                            Some(from) => format!("{name} from {from}"),
                            None => name.to_owned(),
                        });
                }
            }
            Ok(())
        })
    }

    /// The plugin alone, with a vocabulary of its tests: a window opened is held for until its
    /// page is ready, then gets what was held, in order; a close runs the app's hook and later
    /// sends to it fail; every send is in the trace.
    #[test]
    fn the_plugin_holds_delivers_traces_and_tears_down_for_any_vocabulary() {
        let torn_down = Arc::new(Mutex::new(Vec::new()));
        let app = app(torn_down.clone());
        let app = app.handle();
        let switchboard = app.switchboard::<Test>();
        let to_w1 = testing::To::One(Win(1));
        let note = |text: &str| Note { text: text.into() };

        lifecycle::opening::<_, Test>(app, Win(1));
        let sent = switchboard.send(app, &to_w1, &note("first")).unwrap();
        assert_eq!((sent.emitted, sent.held), (vec![], vec![Win(1)]));
        switchboard.broadcast(app, &Level { value: 1 }).unwrap();
        switchboard.broadcast(app, &Level { value: 2 }).unwrap();

        let received = Arc::new(Mutex::new(Vec::new()));
        let flushed = lifecycle::ready::<_, Test>(app, Win(1), inbox(received.clone()));
        // The latest level replaced the first while held.
        assert_eq!(flushed, Ok(2));
        let sent = switchboard.send(app, &to_w1, &note("second")).unwrap();
        assert_eq!(sent.emitted, [Win(1)]);
        assert_eq!(*received.lock().unwrap(), ["note", "level", "note"]);

        let traced: Vec<String> = switchboard
            .trace()
            .snapshot()
            .into_iter()
            .filter_map(|e| match e {
                TraceEntry::Event { name, .. } => Some(name),
                _ => None,
            })
            .collect();
        let listed: Vec<&str> = testing::EVENTS.iter().map(|e| e.name).collect();
        assert_eq!(listed, ["note", "level", "chat"]);
        assert_eq!(traced, ["note", "level", "level", "note"]);

        lifecycle::closed::<_, Test>(app, Win(1));
        assert_eq!(*torn_down.lock().unwrap(), [(Win(1), Teardown::Close)]);
        assert_eq!(
            switchboard.send(app, &to_w1, &note("third")),
            Err(Error::WindowNotFound(Win(1)))
        );
        assert!(switchboard.open().is_empty());
    }

    /// A page's event is relayed only if it is one of the app's page-to-page events, of its
    /// type, to an open window; it goes with the sender's label, held for a loading window
    /// like Rust's events. Anything else is refused and sends nothing.
    #[test]
    fn relay_passes_on_page_events_alone_with_their_sender() {
        let app = app(Arc::default());
        let app = app.handle();
        let switchboard = app.switchboard::<Test>();
        lifecycle::opening::<_, Test>(app, Win(1));
        let chat = r#"{ "text": "hi", "from": "w2" }"#;
        let sent = switchboard.relay(app, Win(0), "w1", "chat", chat).unwrap();
        assert_eq!(sent.held, [Win(1)]);
        let relay = |to, event, payload| switchboard.relay(app, Win(0), to, event, payload);
        assert_eq!(
            relay("w1", "note", r#"{"text":"x"}"#),
            Err(Error::NotAPageEvent("note".into()))
        );
        assert_eq!(
            relay("x1", "chat", chat),
            Err(Error::NotALabel("x1".into()))
        );
        assert!(matches!(
            relay("w1", "chat", r#"{"txt":1}"#),
            Err(Error::InvalidPayload(_))
        ));
        assert_eq!(
            relay("w2", "chat", chat),
            Err(Error::WindowNotFound(Win(2)))
        );

        let received = Arc::new(Mutex::new(Vec::new()));
        assert_eq!(
            lifecycle::ready::<_, Test>(app, Win(1), inbox(received.clone())),
            Ok(1)
        );
        assert_eq!(*received.lock().unwrap(), ["chat from w0"]);
    }
}
