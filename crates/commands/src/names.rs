// The name of every app command. `app/build.rs` includes this file to declare them in the
// AppManifest (so each is denied until a capability grants it), and a test checks that it
// matches the registry and the bindings. Plain Rust with no dependencies, for that include.

/// Every command in `registry::builder`, sorted.
pub const COMMAND_NAMES: &[&str] = &[
    "cancel_job",
    "close_window",
    "counter_add",
    "counter_get",
    "export_trace",
    "fail_with",
    "greet",
    "open_inspector",
    "open_worker",
    "ping_later",
    "reply_to_main",
    "send_message",
    "start_job",
    "subscribe_trace",
    "window_ready",
];
