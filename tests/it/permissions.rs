//! The whole matrix, window kind x command: allowed or refused by the capabilities, as the
//! command list (`crates/commands/src/command_list.rs`) says each may be called. "Allowed"
//! means the command ran (it may still fail on its own terms); "refused" means Tauri's ACL
//! stopped it before it ran. Tauri checks the ACL before it decodes arguments, so a command
//! missing from `args()` below still counts as allowed when granted (its call fails later, as
//! `invalid args`). And the event plugin's commands, which no list declares.

use serde_json::{json, Value};
use switchboard_commands::{COMMAND_GRANTS, COMMAND_NAMES};
use switchboard_events::WindowLabel;

use crate::harness::start;

/// Arguments that deserialize for each command, so that an allowed call runs.
fn args(command: &str) -> Value {
    match command {
        "greet" => json!({ "name": "x" }),
        "counter_add" => json!({ "delta": 0 }),
        "ping_later" => json!({ "delayMs": 0, "note": "n" }),
        "close_window" => json!({ "label": "worker-99" }),
        "send_message" => {
            json!({ "audience": { "to": "one", "label": "main" }, "text": "m", "transport": "event" })
        }
        "send_messages" => json!({ "messages": [] }),
        "plugin:switchboard|window_ready" => json!({ "inbox": "__CHANNEL__:3" }),
        "reply_to_main" => json!({ "text": "r" }),
        "start_job" => json!({ "steps": 1, "stepMs": 20, "onUpdate": "__CHANNEL__:1" }),
        "cancel_job" => json!({ "job": 999 }),
        "fail_with" => json!({ "kind": "not_found" }),
        "plugin:switchboard|subscribe_trace" => json!({ "onEntries": "__CHANNEL__:2" }),
        "plugin:switchboard|relay" => {
            json!({ "to": "main", "event": "direct-note", "payload": { "text": "n" } })
        }
        _ => json!({}),
    }
}

fn refused_by_acl(result: &Result<Value, Value>) -> bool {
    matches!(result, Err(Value::String(text)) if text.contains("not allowed"))
}

#[test]
fn each_window_kind_gets_exactly_the_commands_the_list_grants_it() {
    let t = start();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    let mut wrong = Vec::new();
    for label in [
        WindowLabel::Main,
        WindowLabel::Worker(1),
        WindowLabel::Inspector,
    ] {
        for (command, kinds) in COMMAND_GRANTS {
            let granted = kinds.contains(&label.kind());
            let result = t.invoke(&label.to_string(), command, args(command));
            let allowed = !refused_by_acl(&result);
            if allowed != granted {
                wrong.push(format!("{label} {command}: allowed={allowed} ({result:?})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "app/capabilities/*.json differ from crates/commands/src/command_list.rs:\n{}",
        wrong.join("\n")
    );
    assert_eq!(COMMAND_GRANTS.len(), COMMAND_NAMES.len());
    assert!(
        COMMAND_GRANTS.iter().all(|(_, kinds)| !kinds.is_empty()),
        "a command no window may call"
    );
}

#[test]
fn the_event_plugin_grants_listen_to_all_emit_to_main_alone_and_unlisten_to_none() {
    let t = start();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    let listen = json!({ "event": "inbox-message", "target": { "kind": "Any" }, "handler": 1 });
    let unlisten = json!({ "event": "inbox-message", "eventId": 1 });
    let emit = json!({ "event": "note-to-core", "payload": { "text": "x" } });
    let emit_to =
        json!({ "target": { "kind": "App" }, "event": "note-to-core", "payload": { "text": "x" } });
    let mut wrong = Vec::new();
    for label in ["main", "worker-1", "inspector"] {
        let main = label == "main";
        for (command, body, granted) in [
            ("plugin:event|listen", &listen, true),
            // Tauri's unlisten removes ids from every window: no page gets it.
            ("plugin:event|unlisten", &unlisten, false),
            // Pages send with a target; a plain emit is not needed by anyone.
            ("plugin:event|emit", &emit, false),
            ("plugin:event|emit_to", &emit_to, main),
        ] {
            let allowed = !refused_by_acl(&t.invoke(label, command, body.clone()));
            if allowed != granted {
                wrong.push(format!("{label} {command}: allowed={allowed}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Switchboard's plugin: every window may announce that it is ready; only the inspector may
/// subscribe to the trace; only main may have a note relayed to another window.
#[test]
fn the_switchboard_plugin_grants_ready_to_all_the_trace_to_the_inspector_and_relay_to_main() {
    let t = start();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    let mut wrong = Vec::new();
    for label in ["main", "worker-1", "inspector"] {
        for command in tauri_plugin_switchboard::COMMANDS {
            let granted = match *command {
                "window_ready" => true,
                "subscribe_trace" => label == "inspector",
                "relay" => label == "main",
                other => panic!("a plugin command this test does not know: {other}"),
            };
            let command = format!("plugin:switchboard|{command}");
            let result = t.invoke(label, &command, args(&command));
            let allowed = !refused_by_acl(&result);
            if allowed != granted {
                wrong.push(format!("{label} {command}: allowed={allowed} ({result:?})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(tauri_plugin_switchboard::COMMANDS.len(), 3);
}

/// Tauri's plugins (the log, window geometry, one instance) and its window and menu APIs are
/// used from Rust only: no capability grants a page any of them. (Switchboard's own plugin is
/// granted command by command, as checked above, never as a set.)
#[test]
fn no_window_is_granted_a_plugin_or_the_window_and_menu_apis() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/capabilities");
    let mut granted = Vec::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let capability: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for permission in capability["permissions"].as_array().unwrap() {
            let name = permission.as_str().unwrap_or_default();
            let plugin = [
                "log:",
                "window-state:",
                "single-instance:",
                "core:window:",
                "core:menu:",
            ]
            .iter()
            .any(|prefix| name.starts_with(prefix));
            let ours = ["allow-", "core:event:", "switchboard:allow-"];
            if plugin || !ours.iter().any(|prefix| name.starts_with(prefix)) {
                granted.push(format!("{}: {name}", path.display()));
            }
        }
    }
    assert!(granted.is_empty(), "{}", granted.join("\n"));
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
