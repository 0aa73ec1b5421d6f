//! Limits and lifecycle: what one page can ask for is bounded, each bound is a typed
//! `limit_reached` error naming it, and what a page started ends with the page.

use serde_json::{json, Value};
use switchboard_commands::{jobs::Jobs, ping::Pings, Demo, Limit};
use switchboard_events::{InboxMessage, WindowLabel};
use tauri::Manager;
use tauri_plugin_switchboard::lifecycle;

use crate::harness::{invoke_on, start, Inboxes};

fn limit_of(error: Value) -> String {
    assert_eq!(error["kind"], "limit_reached", "{error}");
    error["limit"].as_str().unwrap().to_owned()
}

#[test]
fn a_window_has_at_most_four_pings_waiting_and_they_end_with_its_page() {
    let t = start();
    let worker = t.open_worker();
    let label: WindowLabel = worker.parse().unwrap();
    let ping = || {
        t.invoke(
            &worker,
            "ping_later",
            json!({ "delayMs": 60_000, "note": "n" }),
        )
    };
    for _ in 0..Limit::PendingPings.bound() {
        ping().unwrap();
    }
    assert_eq!(limit_of(ping().unwrap_err()), "pending_pings");
    // Other windows are not affected by this one's pings.
    t.ok(
        "main",
        "ping_later",
        json!({ "delayMs": 60_000, "note": "n" }),
    );
    let pings = t.app.state::<Pings>();
    assert_eq!(pings.pending_for(label), 4);
    lifecycle::page_started::<_, Demo>(t.app.handle(), &worker);
    assert_eq!(
        pings.pending_for(label),
        0,
        "a reload ends the old page's pings"
    );
    assert_eq!(pings.pending_for(WindowLabel::Main), 1);
    ping().unwrap();
    let long_note = json!({ "delayMs": 0, "note": "x".repeat(201) });
    let refused = t.invoke(&worker, "ping_later", long_note).unwrap_err();
    assert_eq!(limit_of(refused), "ping_note_chars");
}

#[test]
fn a_window_runs_at_most_two_jobs_and_steps_are_not_too_short() {
    let t = start();
    let worker = t.open_worker();
    let job = |step_ms: u32, channel: u32| {
        t.invoke(
            &worker,
            "start_job",
            json!({ "steps": 100, "stepMs": step_ms, "onUpdate": format!("__CHANNEL__:{channel}") }),
        )
    };
    assert_eq!(limit_of(job(0, 1).unwrap_err()), "shortest_step_ms");
    job(1_000, 2).unwrap();
    job(1_000, 3).unwrap();
    assert_eq!(limit_of(job(1_000, 4).unwrap_err()), "jobs_per_window");
    let jobs = t.app.state::<Jobs>();
    assert_eq!(jobs.running_for(worker.parse().unwrap()), 2);
}

#[test]
fn at_most_sixteen_workers_are_open_at_once() {
    let t = start();
    for _ in 0..Limit::OpenWorkers.bound() {
        t.open_worker();
    }
    let refused = t.invoke("main", "open_worker", json!({})).unwrap_err();
    assert_eq!(limit_of(refused), "open_workers");
}

#[test]
fn an_audience_names_each_window_once_and_no_more_windows_than_can_be_open() {
    let t = start();
    t.ready("main");
    let copies = vec!["main"; 10_000];
    let sent = t.ok(
        "main",
        "send_message",
        json!({ "audience": { "to": "some", "labels": copies }, "text": "once", "transport": "event" }),
    );
    assert_eq!(sent["emitted"], json!(["main"]));
    let many: Vec<String> = (1..=19).map(|n| format!("worker-{n}")).collect();
    let refused = t
        .invoke(
            "main",
            "send_message",
            json!({ "audience": { "to": "some", "labels": many }, "text": "x", "transport": "event" }),
        )
        .unwrap_err();
    assert_eq!(limit_of(refused), "audience_windows");
}

/// Sequence numbers are taken in sending order, so a window sees them rising even when many
/// pages send at once.
#[test]
fn concurrent_senders_reach_a_window_in_sequence_order() {
    let t = start();
    t.ready("main");
    let worker = t.open_worker();
    t.ready(&worker);
    let inbox = Inboxes::listen::<InboxMessage>(&t, &[&worker]);
    let (threads, each) = (8, 250);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let main = t.window("main");
            let worker = worker.clone();
            scope.spawn(move || {
                for i in 0..each {
                    let to = json!({ "to": "one", "label": worker });
                    let args =
                        json!({ "audience": to, "text": format!("m{i}"), "transport": "event" });
                    invoke_on(&main, "send_message", args).unwrap();
                }
            });
        }
    });
    let seqs: Vec<u64> = inbox
        .of(&worker)
        .iter()
        .map(|m| m["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs.len(), threads * each);
    let out_of_order = seqs.windows(2).filter(|w| w[0] >= w[1]).count();
    assert_eq!(
        out_of_order, 0,
        "{out_of_order} arrived after a later number"
    );
}

/// The inspector can see the core's tables, and they fall back when a page goes.
#[test]
fn core_stats_count_what_pages_started_and_what_ended_with_them() {
    let t = start();
    let worker = t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    for _ in 0..3 {
        t.ok(
            &worker,
            "ping_later",
            json!({ "delayMs": 60_000, "note": "n" }),
        );
    }
    let job = json!({ "steps": 100, "stepMs": 1_000, "onUpdate": "__CHANNEL__:5" });
    t.ok(&worker, "start_job", job);
    let stats = t.ok("inspector", "core_stats", json!({}));
    assert_eq!(
        (stats["pings"].as_u64(), stats["jobs"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(stats["openWindows"], 3);
    lifecycle::page_started::<_, Demo>(t.app.handle(), &worker);
    let stats = t.ok("inspector", "core_stats", json!({}));
    assert_eq!(
        (stats["pings"].as_u64(), stats["jobs"].as_u64()),
        (Some(0), Some(0)),
        "{stats}"
    );
    assert!(stats["residentKib"].as_u64().unwrap() > 1_000, "{stats}");
}
