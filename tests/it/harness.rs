//! Starting the app on the mock runtime and talking to it as its windows would.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use serde_json::{json, Value};
use switchboard_app::persist::Keep;
use switchboard_commands::Switchboard;
use tauri::{
    ipc::{CallbackFn, InvokeBody, InvokeResponseBody},
    test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY},
    App, Listener, Manager, WebviewWindow,
};
use tauri_plugin_switchboard::{pace::Pacing, Event};

/// The channel id every test page gives `window_ready` as its private inbox.
pub const INBOX: u32 = 900;

/// What channels sent, by (window label, channel id).
pub type ChannelLog = Arc<Mutex<HashMap<(String, u32), Vec<Value>>>>;

/// The app on the mock runtime, with `main` open.
pub struct TestApp {
    pub app: App<MockRuntime>,
    pub channels: ChannelLog,
}

pub fn start() -> TestApp {
    start_with(Keep::Nothing)
}

/// The app on the mock runtime, keeping its workspace as `keep` says.
pub fn start_with(keep: Keep) -> TestApp {
    start_configured(keep, None)
}

/// The app on the mock runtime, its commands paced by `pacing`.
pub fn start_paced(pacing: Pacing) -> TestApp {
    start_configured(Keep::Nothing, Some(pacing))
}

fn start_configured(keep: Keep, pacing: Option<Pacing>) -> TestApp {
    let channels: ChannelLog = Arc::default();
    let log = channels.clone();
    let mut context = mock_context(noop_assets());
    // The real ACL, built by app/build.rs from app/capabilities/.
    std::mem::swap(
        context.runtime_authority_mut(),
        switchboard_app::context().runtime_authority_mut(),
    );
    let mut app = switchboard_app::configure(mock_builder(), keep, pacing)
        .channel_interceptor(move |webview, id, _index, body| {
            let message = match body {
                InvokeResponseBody::Json(json) => serde_json::from_str(json).unwrap(),
                InvokeResponseBody::Raw(bytes) => json!(bytes),
            };
            log.lock()
                .unwrap()
                .entry((webview.label().to_owned(), id.0))
                .or_default()
                .push(message);
            true
        })
        .build(context)
        .expect("the app builds on the mock runtime");
    // Runs `setup` (which opens main) and returns: on the mock runtime the loop itself does
    // nothing, so the busy-loop this is deprecated for cannot happen.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    TestApp { app, channels }
}

impl TestApp {
    pub fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        self.app
            .get_webview_window(label)
            .unwrap_or_else(|| panic!("no window {label}"))
    }

    /// Invokes `cmd` from window `label` as its page would; `Err` holds the rejection.
    pub fn invoke(&self, label: &str, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke_on(&self.window(label), cmd, args)
    }

    /// Invokes and expects success.
    pub fn ok(&self, label: &str, cmd: &str, args: Value) -> Value {
        self.invoke(label, cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} from {label} failed: {e}"))
    }

    /// Invokes and expects a command error; returns its `kind`.
    pub fn error_kind(&self, label: &str, cmd: &str, args: Value) -> String {
        let error = self
            .invoke(label, cmd, args)
            .expect_err("the call should fail");
        error["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("not a typed error: {error}"))
            .to_owned()
    }

    /// Announces `label` ready, as its page does once its listeners are registered, with
    /// channel [`INBOX`] as its private inbox.
    pub fn ready(&self, label: &str) -> Value {
        self.ok(
            label,
            "plugin:switchboard|window_ready",
            json!({ "inbox": format!("__CHANNEL__:{INBOX}") }),
        )
    }

    /// Opens a worker from main and returns its label.
    pub fn open_worker(&self) -> String {
        self.ok("main", "open_worker", json!({}))
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Subscribes the inspector to the trace, with channel `id`.
    pub fn subscribe_trace(&self, id: u32) -> Value {
        self.ok(
            "inspector",
            "plugin:switchboard|subscribe_trace",
            json!({ "onEntries": format!("__CHANNEL__:{id}") }),
        )
    }

    /// The trace entries channel `id` of window `label` has received, out of their batches,
    /// once what is pending has been sent.
    pub fn trace(&self, label: &str, id: u32) -> Vec<Value> {
        self.app.state::<Switchboard>().trace().flush();
        self.channel(label, id)
            .into_iter()
            .flat_map(|batch| match batch {
                Value::Array(entries) => entries,
                other => panic!("a trace message is a batch, not {other}"),
            })
            .collect()
    }

    /// Messages channel `id` of window `label` has received.
    pub fn channel(&self, label: &str, id: u32) -> Vec<Value> {
        self.channels
            .lock()
            .unwrap()
            .get(&(label.to_owned(), id))
            .cloned()
            .unwrap_or_default()
    }
}

/// Invokes `cmd` from `window` as its page would; `Err` holds the rejection. A window handle
/// can go to another thread, so pages can call at once.
pub fn invoke_on(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    invoke_body(window, cmd, InvokeBody::Json(args))
        .map(|body| body.deserialize::<Value>().unwrap())
}

/// Invokes `cmd` from `window` with `body` as the whole payload (raw bytes or JSON), and
/// returns the answer as it is (a raw response stays bytes).
pub fn invoke_body(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    body: InvokeBody,
) -> Result<InvokeResponseBody, Value> {
    let request = tauri::webview::InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body,
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request)
}

/// Catches event `E` as each window's page hears it: over Tauri's window-scoped listener
/// (`emit_to`) and over its private inbox (the Channel the app sends its own events by).
pub struct Inboxes {
    name: &'static str,
    routed: Arc<Mutex<HashMap<String, Vec<Value>>>>,
    channels: ChannelLog,
}

impl Inboxes {
    pub fn listen<E: Event>(app: &TestApp, labels: &[&str]) -> Self {
        let routed: Arc<Mutex<HashMap<String, Vec<Value>>>> = Arc::default();
        for label in labels {
            let (log, key) = (routed.clone(), label.to_string());
            log.lock().unwrap().insert(key.clone(), Vec::new());
            app.window(label).listen(E::NAME, move |event| {
                let payload = serde_json::from_str(event.payload()).unwrap();
                log.lock().unwrap().get_mut(&key).unwrap().push(payload);
            });
        }
        Inboxes {
            name: E::NAME,
            routed,
            channels: app.channels.clone(),
        }
    }

    /// What `label` has heard so far: routed events first, then private ones, each in the
    /// order they came.
    pub fn of(&self, label: &str) -> Vec<Value> {
        let mut heard = self.routed(label);
        heard.extend(self.private(label));
        heard
    }

    /// What `label` has heard over `emit_to`.
    pub fn routed(&self, label: &str) -> Vec<Value> {
        self.routed.lock().unwrap()[label].clone()
    }

    /// What `label` has heard over its private inbox.
    pub fn private(&self, label: &str) -> Vec<Value> {
        let channels = self.channels.lock().unwrap();
        // Each message on the inbox is a batch of deliveries.
        let inbox = channels
            .get(&(label.to_owned(), INBOX))
            .into_iter()
            .flatten()
            .flat_map(|batch| batch.as_array().cloned().unwrap_or_default());
        inbox
            .filter(|d| d["name"] == self.name)
            .map(|d| d["payload"].clone())
            .collect()
    }

    /// The windows that heard a payload `keep` accepts: their labels, sorted, space-separated.
    pub fn who_heard(&self, keep: impl Fn(&Value) -> bool) -> String {
        let mut labels: Vec<String> = self.routed.lock().unwrap().keys().cloned().collect();
        labels.sort();
        labels.retain(|l| self.of(l).iter().any(&keep));
        labels.join(" ")
    }
}

/// Waits until `done` holds, for events sent from spawned tasks; panics after 5 s.
pub fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}
