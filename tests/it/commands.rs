//! Every command through the IPC path, ok and error, as the frontend receives it.

use serde_json::json;
use tauri::Manager;
use tauri_plugin_switchboard::trace::{BATCH_SIZE, BATCH_WINDOW};

use crate::harness::{eventually, start};

#[test]
fn greet_names_the_calling_window_and_validates() {
    let t = start();
    let worker = t.open_worker();
    assert_eq!(
        t.ok(&worker, "greet", json!({ "name": "Ada" })),
        // The mock runtime gives windows no title; the real one shows "Worker 1".
        json!({ "message": "Hello, Ada! (asked by worker-1)", "window": "worker-1", "title": "" })
    );
    assert_eq!(
        t.invoke("main", "greet", json!({ "name": "  " })),
        Err(json!({ "kind": "invalid_input", "message": "name is empty" }))
    );
}

#[test]
fn framework_rejections_are_plain_strings_not_app_errors() {
    // The bindings classify these strings (see the guest package's `typedError`); here we pin what Tauri sends.
    let t = start();
    let bad_args = t
        .invoke("main", "greet", json!({ "name": 42 }))
        .unwrap_err();
    assert!(
        bad_args
            .as_str()
            .unwrap()
            .starts_with("invalid args `name` for command `greet`"),
        "{bad_args}"
    );
    let missing = t.invoke("main", "greet", json!({})).unwrap_err();
    assert!(
        missing.as_str().unwrap().starts_with("invalid args"),
        "{missing}"
    );
    let bad_label = t
        .invoke("main", "close_window", json!({ "label": "wrker-1" }))
        .unwrap_err();
    assert!(
        bad_label.as_str().unwrap().contains("not a window label"),
        "{bad_label}"
    );
    let unknown = t.invoke("main", "no_such_command", json!({})).unwrap_err();
    assert!(
        unknown.as_str().unwrap().contains("not allowed"),
        "{unknown}"
    );
}

#[test]
fn fail_with_returns_each_kind_and_a_panic_becomes_internal_before_or_after_an_await() {
    let t = start();
    t.ok("main", "open_inspector", json!({}));
    t.subscribe_trace(1);
    for kind in ["invalid_input", "not_found", "forbidden"] {
        assert_eq!(
            t.error_kind("main", "fail_with", json!({ "kind": kind })),
            kind
        );
    }
    // The promise settles: a panic inside the command is an `internal` error, not a hang, also
    // when the body panics in a later poll, after it awaited.
    for kind in ["panic", "panic_after_await"] {
        let panic = t
            .invoke("main", "fail_with", json!({ "kind": kind }))
            .unwrap_err();
        assert_eq!(
            panic,
            json!({ "kind": "internal", "message": "command `fail_with` failed unexpectedly" }),
            "{kind}"
        );
    }
    // Both are traced, like any call.
    let traced: Vec<_> = t
        .trace("inspector", 1)
        .into_iter()
        .filter(|e| e["command"] == "fail_with")
        .map(|e| e["error"].clone())
        .collect();
    assert_eq!(
        traced,
        [
            "invalid_input",
            "not_found",
            "forbidden",
            "internal",
            "internal"
        ]
    );
    // And the app goes on.
    assert_eq!(t.ok("main", "counter_get", json!({})), json!(0));
}

#[test]
fn counter_is_shared_and_refuses_overflow() {
    let t = start();
    let worker = t.open_worker();
    assert_eq!(
        t.ok(&worker, "counter_add", json!({ "delta": 5 })),
        json!(5)
    );
    assert_eq!(
        t.ok("main", "counter_add", json!({ "delta": -2 })),
        json!(3)
    );
    assert_eq!(t.ok(&worker, "counter_get", json!({})), json!(3));
    assert_eq!(
        t.error_kind("main", "counter_add", json!({ "delta": i32::MAX })),
        "invalid_input"
    );
    assert_eq!(t.ok("main", "counter_get", json!({})), json!(3));
}

#[test]
fn windows_open_list_and_close() {
    let t = start();
    assert_eq!(t.open_worker(), "worker-1");
    assert_eq!(t.open_worker(), "worker-2");
    assert_eq!(
        t.ok("main", "open_inspector", json!({})),
        json!("inspector")
    );
    // Opening it again brings it forward instead of failing.
    assert_eq!(
        t.ok("main", "open_inspector", json!({})),
        json!("inspector")
    );
    use switchboard_events::WindowLabel::*;
    assert_eq!(
        t.app.state::<switchboard_commands::Switchboard>().open(),
        [Main, Inspector, Worker(1), Worker(2)]
    );
    t.ok("main", "close_window", json!({ "label": "worker-1" }));
    // The mock runtime never reports a window destroyed, so what follows a close (the list,
    // the announcement) is checked end to end in the real webview instead.
    assert_eq!(
        t.error_kind("main", "close_window", json!({ "label": "worker-7" })),
        "window_not_found"
    );
    // Numbers are not reused.
    assert_eq!(t.open_worker(), "worker-3");
}

#[test]
fn a_job_streams_progress_over_its_channel_and_can_be_cancelled_by_its_owner() {
    let t = start();
    let worker = t.open_worker();
    let job = t.ok(
        &worker,
        "start_job",
        json!({ "steps": 3, "stepMs": 20, "onUpdate": "__CHANNEL__:7" }),
    );
    eventually("the job to finish", || t.channel(&worker, 7).len() == 4);
    let updates = t.channel(&worker, 7);
    assert_eq!(
        updates[0],
        json!({ "type": "progress", "job": job, "done": 1, "total": 3 })
    );
    assert_eq!(updates[3], json!({ "type": "finished", "job": job }));

    let long = t.ok(
        &worker,
        "start_job",
        json!({ "steps": 1000, "stepMs": 1000, "onUpdate": "__CHANNEL__:8" }),
    );
    assert_eq!(
        t.error_kind("main", "cancel_job", json!({ "job": long })),
        "forbidden"
    );
    t.ok(&worker, "cancel_job", json!({ "job": long }));
    eventually("the cancel to arrive", || !t.channel(&worker, 8).is_empty());
    assert_eq!(
        t.channel(&worker, 8),
        vec![json!({ "type": "cancelled", "job": long, "done": 0 })]
    );
    eventually("the job to be gone", || {
        t.invoke(&worker, "cancel_job", json!({ "job": long }))
            .is_err()
    });
    assert_eq!(
        t.error_kind(&worker, "cancel_job", json!({ "job": long })),
        "not_found"
    );
    assert_eq!(
        t.error_kind(
            &worker,
            "start_job",
            json!({ "steps": 0, "stepMs": 20, "onUpdate": "__CHANNEL__:9" })
        ),
        "invalid_input"
    );
}

/// Entries reach the inspector in batches: many calls cost a few messages, each entry comes
/// once and in order, and a burst larger than a batch is split rather than held back. The
/// flusher sends what is pending without anyone asking.
#[test]
fn the_trace_streams_in_batches_each_entry_once_in_order() {
    let t = start();
    t.ok("main", "open_inspector", json!({}));
    t.subscribe_trace(4);
    let replayed = t.channel("inspector", 4).len();
    let calls = 2 * BATCH_SIZE + 100;
    let started = std::time::Instant::now();
    for _ in 0..calls {
        t.ok("main", "counter_get", json!({}));
    }
    // Two full batches went out from the calls that filled them; the rest waits for the
    // flusher, at most one batch window later.
    let counted = || {
        t.channel("inspector", 4)
            .iter()
            .skip(replayed)
            .flat_map(|batch| batch.as_array().unwrap().clone())
            .filter(|e| e["command"] == "counter_get")
            .count()
    };
    eventually("the flusher to send the rest", || counted() == calls);
    // At most one message per full batch and one per batch window that passed (a slow machine
    // lets more windows pass), plus the call of `subscribe_trace` itself.
    let windows = started.elapsed().as_millis() / BATCH_WINDOW.as_millis() + 1;
    let bound = calls / BATCH_SIZE + windows as usize + 1;
    let batches = t.channel("inspector", 4).len() - replayed;
    assert!(
        batches <= bound,
        "{batches} messages for {calls} entries (at most {bound})"
    );
    let ids: Vec<u64> = t
        .trace("inspector", 4)
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "once, in order");
}

#[test]
fn the_trace_streams_commands_and_events_and_exports_to_a_file() {
    let t = start();
    t.ok("main", "open_inspector", json!({}));
    t.ok("main", "greet", json!({ "name": "Ada" }));
    t.subscribe_trace(3);
    t.error_kind("main", "fail_with", json!({ "kind": "not_found" }));
    let trace = t.trace("inspector", 3);
    let commands: Vec<_> = trace
        .iter()
        .filter(|e| e["type"] == "command")
        .map(|e| {
            (
                e["window"].clone(),
                e["command"].clone(),
                e["error"].clone(),
            )
        })
        .collect();
    assert!(
        commands.contains(&(json!("main"), json!("greet"), json!(null))),
        "{trace:?}"
    );
    assert!(
        commands.contains(&(json!("main"), json!("fail_with"), json!("not_found"))),
        "{trace:?}"
    );
    let opened = trace
        .iter()
        .find(|e| e["type"] == "event" && e["name"] == "windows-changed")
        .unwrap();
    assert_eq!(opened["audience"], json!({ "to": "all" }));
    assert!(opened["bytes"].as_u64().unwrap() > 0);
    let ids: Vec<u64> = trace.iter().map(|e| e["id"].as_u64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "in order: {ids:?}");

    let exported = t.ok("inspector", "export_trace", json!({}));
    let path = exported["path"].as_str().unwrap();
    // In the app's own data folder, owner-only, and a second export right after gets a name
    // of its own.
    let data = t.app.path().app_data_dir().unwrap();
    assert!(
        std::path::Path::new(path).starts_with(data.join("traces")),
        "{path}"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let again = t.ok("inspector", "export_trace", json!({}));
    assert_ne!(again["path"], exported["path"]);
    std::fs::remove_file(again["path"].as_str().unwrap()).unwrap();
    let report: switchboard_commands::report::TraceReport =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(
        report.lines.len() as u64,
        exported["entries"].as_u64().unwrap()
    );
    assert!(report
        .lines
        .iter()
        .any(|l| l.name == "greet" && l.subject == "main"));
    std::fs::remove_file(path).unwrap();
}

#[test]
fn ping_later_validates_its_delay() {
    let t = start();
    assert_eq!(
        t.ok("main", "ping_later", json!({ "delayMs": 0, "note": "n" })),
        json!({ "dueInMs": 0 })
    );
    assert_eq!(
        t.error_kind(
            "main",
            "ping_later",
            json!({ "delayMs": 60_001, "note": "n" })
        ),
        "limit_reached"
    );
}
