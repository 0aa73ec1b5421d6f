//! The whole matrix, window kind x command: allowed or refused by the capabilities, as
//! ARCHITECTURE.md's table says. "Allowed" means the command ran (it may still fail on its
//! own terms); "refused" means Tauri's ACL stopped it before it ran.

use serde_json::{json, Value};
use switchboard_commands::COMMAND_NAMES;

use crate::harness::start;

/// Arguments that deserialize for each command, so that only the ACL can refuse the call.
fn args(command: &str) -> Value {
    match command {
        "greet" => json!({ "name": "x" }),
        "counter_add" => json!({ "delta": 0 }),
        "ping_later" => json!({ "delayMs": 0, "note": "n" }),
        "close_window" => json!({ "label": "worker-99" }),
        "send_message" => json!({ "audience": { "to": "one", "label": "main" }, "text": "m" }),
        "reply_to_main" => json!({ "text": "r" }),
        "start_job" => json!({ "steps": 1, "stepMs": 0, "onUpdate": "__CHANNEL__:1" }),
        "cancel_job" => json!({ "job": 999 }),
        "fail_with" => json!({ "kind": "not_found" }),
        "subscribe_trace" => json!({ "onEntry": "__CHANNEL__:2" }),
        _ => json!({}),
    }
}

const MAIN: &[&str] = &[
    "cancel_job",
    "close_window",
    "counter_add",
    "counter_get",
    "fail_with",
    "greet",
    "open_inspector",
    "open_worker",
    "ping_later",
    "send_message",
    "start_job",
    "window_ready",
];
const WORKER: &[&str] = &[
    "cancel_job",
    "counter_add",
    "counter_get",
    "fail_with",
    "greet",
    "ping_later",
    "reply_to_main",
    "start_job",
    "window_ready",
];
const INSPECTOR: &[&str] = &["export_trace", "subscribe_trace", "window_ready"];

fn refused_by_acl(result: &Result<Value, Value>) -> bool {
    matches!(result, Err(Value::String(text)) if text.contains("not allowed"))
}

#[test]
fn each_window_kind_gets_exactly_its_commands() {
    let t = start();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    let mut wrong = Vec::new();
    for (label, granted) in [
        ("main", MAIN),
        ("worker-1", WORKER),
        ("inspector", INSPECTOR),
    ] {
        for command in COMMAND_NAMES {
            let result = t.invoke(label, command, args(command));
            let allowed = !refused_by_acl(&result);
            if allowed != granted.contains(command) {
                wrong.push(format!("{label} {command}: allowed={allowed} ({result:?})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the matrix differs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_main_may_emit_events_from_its_page() {
    let t = start();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    let emit = |label: &str| {
        t.invoke(
            label,
            "plugin:event|emit",
            json!({ "event": "note-to-core", "payload": { "text": "x" } }),
        )
    };
    assert!(!refused_by_acl(&emit("main")), "{:?}", emit("main"));
    assert!(refused_by_acl(&emit("worker-1")));
    assert!(refused_by_acl(&emit("inspector")));
    let emit_to = t.invoke(
        "worker-1",
        "plugin:event|emit_to",
        json!({ "target": { "kind": "AnyLabel", "label": "main" }, "event": "direct-note", "payload": {} }),
    );
    assert!(refused_by_acl(&emit_to), "{emit_to:?}");
}

#[test]
fn a_refused_call_leaves_the_app_working() {
    let t = start();
    let worker = t.open_worker();
    assert!(refused_by_acl(&t.invoke(
        &worker,
        "send_message",
        args("send_message")
    )));
    assert_eq!(
        t.ok(&worker, "counter_add", json!({ "delta": 1 })),
        json!(1)
    );
}
