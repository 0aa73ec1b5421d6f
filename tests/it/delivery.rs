//! Events from Rust reach exactly the windows they target, none are lost to a window that is
//! still loading, and a page's bad payload hurts nobody.

use serde_json::{json, Value};
use switchboard_events::{CoreNoteAck, CounterChanged, DelayedPong, InboxMessage, WindowsChanged};
use tauri::{Emitter, Listener};
use tauri_plugin_switchboard::{lifecycle, Event};

use switchboard_commands::{Demo, Limit};

use crate::harness::{eventually, invoke_on, start, Inboxes, TestApp, INBOX};

const ALL: [&str; 4] = ["main", "inspector", "worker-1", "worker-2"];

/// main, inspector and two workers, all ready.
fn four_windows() -> TestApp {
    let t = start();
    t.open_worker();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    for label in ALL {
        t.ready(label);
    }
    t
}

fn texts(messages: &[Value]) -> Vec<String> {
    messages
        .iter()
        .map(|m| m["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn one_some_workers_all_reach_exactly_their_windows() {
    let t = four_windows();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    let send = |audience: Value, text: &str| {
        t.ok(
            "main",
            "send_message",
            json!({ "audience": audience, "text": text, "transport": "event" }),
        )
    };

    let sent = send(json!({ "to": "one", "label": "worker-1" }), "one");
    assert_eq!(
        sent,
        json!({ "emitted": ["worker-1"], "held": [], "notHeld": [] })
    );
    let reached = |text: &str| inbox.who_heard(|m| m["text"] == text);
    assert_eq!(reached("one"), "worker-1");
    for (audience, text, windows) in [
        (
            json!({ "to": "some", "labels": ["worker-2", "inspector", "worker-2"] }),
            "some",
            "inspector worker-2",
        ),
        (json!({ "to": "workers" }), "workers", "worker-1 worker-2"),
        (
            json!({ "to": "all" }),
            "all",
            "inspector main worker-1 worker-2",
        ),
    ] {
        send(audience, text);
        assert_eq!(reached(text), windows, "{text}");
    }
    // Each once: the named twice, too.
    assert_eq!(inbox.of("worker-2").len(), 3);

    assert_eq!(texts(&inbox.of("worker-1")), ["one", "workers", "all"]);
    let first = &inbox.of("worker-1")[0];
    assert_eq!(first["from"], "main");
    assert_eq!(
        first["audience"],
        json!({ "to": "one", "label": "worker-1" })
    );
}

#[test]
fn a_closed_or_unknown_target_is_an_error_and_nothing_is_sent() {
    let t = four_windows();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    let error = t
        .invoke("main", "send_message", json!({ "audience": { "to": "some", "labels": ["worker-1", "worker-9"] }, "text": "x", "transport": "event" }))
        .unwrap_err();
    assert_eq!(
        error,
        json!({ "kind": "window_not_found", "message": "window `worker-9` is not open", "label": "worker-9" })
    );
    assert_eq!(inbox.who_heard(|_| true), "");
}

#[test]
fn a_worker_replies_to_main_only() {
    let t = four_windows();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    t.ok("worker-2", "reply_to_main", json!({ "text": "done" }));
    assert_eq!(inbox.who_heard(|_| true), "main");
    assert_eq!(inbox.of("main")[0]["from"], "worker-2");
}

#[test]
fn events_for_a_loading_window_are_held_then_delivered_in_order() {
    let t = start();
    t.ready("main");
    let worker = t.open_worker();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &[&worker]);
    for i in 0..50 {
        let sent = t.ok(
            "main",
            "send_message",
            json!({ "audience": { "to": "one", "label": worker }, "text": format!("m{i}"), "transport": "event" }),
        );
        assert_eq!(
            sent,
            json!({ "emitted": [], "held": [worker], "notHeld": [] })
        );
    }
    assert!(inbox.of(&worker).is_empty(), "nothing before ready");
    let report = t.ready(&worker);
    // The 50 messages and the windows-changed broadcast from opening it.
    assert_eq!(report, json!({ "label": worker, "flushed": 51 }));
    let got = texts(&inbox.of(&worker));
    assert_eq!(got, (0..50).map(|i| format!("m{i}")).collect::<Vec<_>>());
    let seqs: Vec<u64> = inbox
        .of(&worker)
        .iter()
        .map(|m| m["seq"].as_u64().unwrap())
        .collect();
    assert!(seqs.windows(2).all(|w| w[0] + 1 == w[1]), "{seqs:?}");
    // After ready, straight through.
    let sent = t.ok(
        "main",
        "send_message",
        json!({ "audience": { "to": "all" }, "text": "late", "transport": "event" }),
    );
    assert_eq!(
        sent,
        json!({ "emitted": ["main", worker], "held": [], "notHeld": [] })
    );
}

#[test]
fn the_page_starting_to_load_keeps_what_is_held_and_a_reload_holds_again() {
    let t = start();
    t.ready("main");
    let worker = t.open_worker();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &[&worker]);
    let send = |text: &str| {
        t.ok(
            "main",
            "send_message",
            json!({ "audience": { "to": "one", "label": worker }, "text": text, "transport": "event" }),
        )
    };
    send("before the page loads");
    // The webview reports that its page started loading only after the command returned.
    lifecycle::page_started::<_, Demo>(t.app.handle(), &worker);
    send("while it loads");
    t.ready(&worker);
    assert_eq!(
        texts(&inbox.of(&worker)),
        ["before the page loads", "while it loads"]
    );
    // A reload: its listeners are gone until it is ready again.
    lifecycle::page_started::<_, Demo>(t.app.handle(), &worker);
    assert_eq!(send("during the reload")["held"], json!([worker]));
    t.ready(&worker);
    assert_eq!(inbox.of(&worker).len(), 3);
}

#[test]
fn a_closed_window_gets_nothing_and_sending_to_it_is_an_error() {
    let t = four_windows();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    // As when the real runtime reports worker-1 destroyed (the mock never does).
    lifecycle::closed::<_, Demo>(t.app.handle(), switchboard_events::WindowLabel::Worker(1));
    let error = t.error_kind(
        "main",
        "send_message",
        json!({ "audience": { "to": "one", "label": "worker-1" }, "text": "x", "transport": "event" }),
    );
    assert_eq!(error, "window_not_found");
    // Its page's `window_ready`, racing the close, marks nothing ready.
    let late = t.error_kind(
        "worker-1",
        "plugin:switchboard|window_ready",
        json!({ "inbox": "__CHANNEL__:9" }),
    );
    assert_eq!(late, "window_not_found");
    let sent = t.ok(
        "main",
        "send_message",
        json!({ "audience": { "to": "workers" }, "text": "workers", "transport": "event" }),
    );
    assert_eq!(
        sent,
        json!({ "emitted": ["worker-2"], "held": [], "notHeld": [] })
    );
    assert!(inbox.of("worker-1").is_empty());
}

#[test]
fn a_loading_window_holds_up_to_its_limit_and_only_the_latest_state() {
    let t = start();
    t.ready("main");
    let worker = t.open_worker();
    let to_worker = |text: String| {
        t.ok(
            "main",
            "send_message",
            json!({ "audience": { "to": "one", "label": worker }, "text": text, "transport": "event" }),
        )
    };
    let limit = Limit::HeldEvents.bound();
    for i in 0..limit {
        assert_eq!(to_worker(format!("m{i}"))["held"], json!([worker]));
    }
    // One more is not held, and the sender is told so.
    let refused = to_worker("one too many".into());
    assert_eq!(
        refused,
        json!({ "emitted": [], "held": [], "notHeld": [worker] })
    );
    // State-like events still get through, as their latest value only.
    for _ in 0..100 {
        t.ok("main", "counter_add", json!({ "delta": 1 }));
    }
    let counter = Inboxes::listen::<CounterChanged>(&t, &[&worker]);
    let inbox = Inboxes::listen::<InboxMessage>(&t, &[&worker]);
    let report = t.ready(&worker);
    // The messages, one counter value and one window list.
    assert_eq!(report["flushed"], json!(limit + 2));
    assert_eq!(inbox.of(&worker).len(), limit as usize);
    assert_eq!(counter.of(&worker), [json!({ "value": 100, "by": "main" })]);
}

#[test]
fn ready_ends_with_the_current_window_list() {
    let t = start();
    let lists = Inboxes::listen::<WindowsChanged>(&t, &["main"]);
    t.open_worker();
    t.open_worker();
    assert!(lists.of("main").is_empty(), "held until main is ready");
    t.ready("main");
    let got = lists.of("main");
    assert_eq!(
        got.len(),
        2,
        "the held announcements as their latest value, then the current list: {got:?}"
    );
    assert_eq!(
        got.last().unwrap()["open"],
        json!(["main", "worker-1", "worker-2"])
    );
}

#[test]
fn a_reload_ends_the_old_page_s_trace_subscription_and_jobs() {
    let t = four_windows();
    t.subscribe_trace(5);
    let job = t.ok(
        "worker-1",
        "start_job",
        json!({ "steps": 1000, "stepMs": 1000, "onUpdate": "__CHANNEL__:6" }),
    );
    lifecycle::page_started::<_, Demo>(t.app.handle(), "inspector");
    lifecycle::page_started::<_, Demo>(t.app.handle(), "worker-1");
    let before = t.trace("inspector", 5).len();
    t.ok("main", "counter_get", json!({}));
    assert_eq!(
        t.trace("inspector", 5).len(),
        before,
        "nothing more to the old page"
    );
    eventually("the job to stop", || !t.channel("worker-1", 6).is_empty());
    assert_eq!(
        t.channel("worker-1", 6),
        [json!({ "type": "cancelled", "job": job, "done": 0 })]
    );
}

#[test]
fn the_window_list_is_broadcast_when_one_opens() {
    let t = four_windows();
    let lists = Inboxes::listen::<WindowsChanged>(&t, &ALL);
    let worker = t.open_worker();
    for label in ALL {
        assert_eq!(
            lists.of(label).last().unwrap()["open"],
            json!(["main", "inspector", "worker-1", "worker-2", worker]),
            "{label}"
        );
    }
}

#[test]
fn a_counter_change_reaches_every_window() {
    let t = four_windows();
    let changes = Inboxes::listen::<CounterChanged>(&t, &ALL);
    t.ok("worker-1", "counter_add", json!({ "delta": 2 }));
    for label in ALL {
        assert_eq!(
            changes.of(label),
            [json!({ "value": 2, "by": "worker-1" })],
            "{label}"
        );
    }
    assert_eq!(t.ok("worker-2", "counter_get", json!({})), json!(2));
}

#[test]
fn the_delayed_pong_comes_back_to_the_caller_only() {
    let t = four_windows();
    let pongs = Inboxes::listen::<DelayedPong>(&t, &ALL);
    let asked = std::time::Instant::now();
    t.ok(
        "worker-2",
        "ping_later",
        json!({ "delayMs": 30, "note": "hi" }),
    );
    eventually("the pong", || !pongs.of("worker-2").is_empty());
    // Measured, not raced: the command returned at once and the pong came after the delay.
    assert!(asked.elapsed() >= std::time::Duration::from_millis(30));
    assert_eq!(
        pongs.of("worker-2"),
        [json!({ "note": "hi", "delayMs": 30 })]
    );
    assert_eq!(pongs.who_heard(|_| true), "worker-2");
}

#[test]
fn a_malformed_note_is_refused_and_later_notes_still_arrive() {
    let t = four_windows();
    let acks = Inboxes::listen::<CoreNoteAck>(&t, &ALL);
    t.subscribe_trace(1);
    let main = t.window("main");
    // As a page's `emit` does: raw JSON, here of the wrong shape, too long, and not JSON at all.
    main.emit(switchboard_events::NoteToCore::NAME, json!({ "txt": 1 }))
        .unwrap();
    main.emit(
        switchboard_events::NoteToCore::NAME,
        json!({ "text": "x".repeat(501) }),
    )
    .unwrap();
    main.emit(switchboard_events::NoteToCore::NAME, "not an object")
        .unwrap();
    main.emit(
        switchboard_events::NoteToCore::NAME,
        json!({ "text": "fine" }),
    )
    .unwrap();
    eventually("the good note's ack", || !acks.of("main").is_empty());
    assert_eq!(acks.of("main"), [json!({ "chars": 4, "total": 1 })]);
    assert_eq!(acks.who_heard(|_| true), "main");
    let refused: Vec<_> = t
        .trace("inspector", 1)
        .into_iter()
        .filter(|e| e["type"] == "refused")
        .collect();
    assert_eq!(refused.len(), 3, "{refused:?}");
    let reasons: Vec<&str> = refused
        .iter()
        .map(|e| e["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons
            .iter()
            .filter(|r| r.contains("malformed payload"))
            .count()
            == 2,
        "{reasons:?}"
    );
    // Rust listeners still work after the bad ones.
    main.emit(
        switchboard_events::NoteToCore::NAME,
        json!({ "text": "again" }),
    )
    .unwrap();
    eventually("the second ack", || acks.of("main").len() == 2);
}

/// The private path: over each window's own Channel, a message reaches its window and nothing
/// else, not even a listener that hears every event (as a page with raw IPC access can make).
/// The same message over `emit_to` is overheard.
#[test]
fn a_private_message_reaches_only_its_window_while_an_event_is_overheard() {
    let t = four_windows();
    let overheard = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = overheard.clone();
    t.app.listen_any(InboxMessage::NAME, move |event| {
        log.lock().unwrap().push(event.payload().to_owned());
    });
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    let send = |transport: &str, text: &str| {
        t.ok(
            "main",
            "send_message",
            json!({ "audience": { "to": "one", "label": "worker-1" }, "text": text, "transport": transport }),
        )
    };

    let sent = send("channel", "for worker-1 alone");
    assert_eq!(sent["emitted"], json!(["worker-1"]));
    let private = inbox.private("worker-1");
    assert_eq!(private.len(), 1, "{private:?}");
    assert_eq!(private[0]["text"], "for worker-1 alone");
    for label in ["main", "inspector", "worker-2"] {
        assert!(inbox.private(label).is_empty(), "{label}");
    }
    assert!(
        overheard.lock().unwrap().is_empty(),
        "no event was emitted at all"
    );
    assert!(ALL.iter().all(|label| inbox.routed(label).is_empty()));

    send("event", "routed, not private");
    assert_eq!(
        overheard.lock().unwrap().len(),
        1,
        "a listener of its own hears it"
    );
    assert_eq!(inbox.routed("worker-1").len(), 1);
}

/// Held for a loading window, a private message keeps its transport when flushed.
#[test]
fn a_held_private_message_is_flushed_over_the_channel() {
    let t = start();
    t.ready("main");
    let worker = t.open_worker();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &[&worker]);
    let to = json!({ "to": "one", "label": worker });
    let sent = t.ok(
        "main",
        "send_message",
        json!({ "audience": to, "text": "early", "transport": "channel" }),
    );
    assert_eq!(sent["held"], json!([worker]));
    t.ready(&worker);
    let private = inbox.private(&worker);
    assert_eq!(private.len(), 1, "{private:?}");
    assert_eq!(private[0]["text"], "early");
}

/// A storm: 10,000 targeted messages at full rate from four senders to three workers, over both
/// transports. Each worker gets exactly its own, each once, in sequence order; none leaks.
#[test]
fn a_storm_of_targeted_messages_is_delivered_exactly_once_in_order_and_nowhere_else() {
    let t = four_windows();
    t.open_worker();
    t.ready("worker-3");
    let workers = ["worker-1", "worker-2", "worker-3"];
    let everyone = ["main", "inspector", "worker-1", "worker-2", "worker-3"];
    let inbox = Inboxes::listen::<InboxMessage>(&t, &everyone);
    // `npm run soak` makes it larger.
    let total_wanted: usize = std::env::var("SWITCHBOARD_STORM_MESSAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let (senders, each) = (4, total_wanted / 4);
    let started = std::time::Instant::now();
    std::thread::scope(|scope| {
        for sender in 0..senders {
            let main = t.window("main");
            scope.spawn(move || {
                for i in 0..each {
                    let to = workers[(i + sender) % workers.len()];
                    let transport = if i % 2 == 0 { "event" } else { "channel" };
                    let args = json!({
                        "audience": { "to": "one", "label": to },
                        "text": format!("{to}/{sender}/{i}"),
                        "transport": transport,
                    });
                    invoke_on(&main, "send_message", args).unwrap();
                }
            });
        }
    });
    let mut total = 0;
    for worker in workers {
        let mut got: Vec<Value> = inbox.of(worker);
        got.sort_by_key(|m| m["seq"].as_u64());
        let texts = texts(&got);
        assert!(
            texts.iter().all(|t| t.starts_with(worker)),
            "a message leaked to {worker}"
        );
        let unique: std::collections::BTreeSet<&String> = texts.iter().collect();
        assert_eq!(unique.len(), texts.len(), "duplicates at {worker}");
        total += texts.len();
        // Per transport, arrival order is sequence order.
        for arrived in [inbox.routed(worker), inbox.private(worker)] {
            let seqs: Vec<u64> = arrived.iter().map(|m| m["seq"].as_u64().unwrap()).collect();
            assert!(
                seqs.windows(2).all(|w| w[0] < w[1]),
                "out of order at {worker}"
            );
        }
    }
    assert_eq!(total, senders * each, "lost messages");
    println!(
        "storm: {total} messages to 3 workers from {senders} senders in {:.2} s: 0 lost, 0 duplicated, 0 out of order, 0 leaked",
        started.elapsed().as_secs_f64()
    );
    for other in ["main", "inspector"] {
        assert!(inbox.of(other).is_empty());
    }
}

#[test]
fn a_burst_arrives_whole_in_order_and_only_at_its_window_each_way() {
    let t = four_windows();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    t.subscribe_trace(7);
    let mut numbers = Vec::new();
    for transport in ["channel", "event"] {
        let burst = t.ok(
            "main",
            "send_burst",
            json!({
                "audience": { "to": "one", "label": "worker-2" },
                "text": transport,
                "transport": transport,
                "count": 1_000,
            }),
        );
        numbers.push((
            burst["first"].as_u64().unwrap(),
            burst["last"].as_u64().unwrap(),
        ));
    }
    // Nothing else was sending: each burst's numbers follow one another.
    assert_eq!(numbers[0].1 - numbers[0].0, 999);
    assert_eq!(numbers[1].0, numbers[0].1 + 1);
    for (arrived, text) in [
        (inbox.private("worker-2"), "channel"),
        (inbox.routed("worker-2"), "event"),
    ] {
        let seqs: Vec<u64> = arrived.iter().map(|m| m["seq"].as_u64().unwrap()).collect();
        assert_eq!(seqs.len(), 1_000, "{text}");
        assert!(
            seqs.windows(2).all(|w| w[1] == w[0] + 1),
            "{text}: in order, none lost"
        );
        assert!(texts(&arrived).iter().all(|t| t == text));
    }
    assert_eq!(inbox.who_heard(|_| true), "worker-2");
    // The trace has an entry for each message, each once.
    let sends = t
        .trace("inspector", 7)
        .into_iter()
        .filter(|e| e["type"] == "event" && e["name"] == "inbox-message")
        .count();
    assert_eq!(sends, 2_000);

    let bad = |count: Value| {
        t.error_kind(
            "main",
            "send_burst",
            json!({ "audience": { "to": "all" }, "text": "x", "transport": "channel", "count": count }),
        )
    };
    assert_eq!(bad(json!(0)), "invalid_input");
    assert_eq!(bad(json!(10_001)), "limit_reached");

    // A window still loading holds what it may; the burst says how many were not held.
    let loading = t.open_worker();
    let burst = t.ok(
        "main",
        "send_burst",
        json!({
            "audience": { "to": "one", "label": loading },
            "text": "early",
            "transport": "channel",
            "count": 300,
        }),
    );
    let held = Limit::HeldEvents.bound();
    assert_eq!(burst["notHeld"], json!(300 - held));
}

#[test]
fn send_messages_sends_each_in_order_and_answers_each_as_send_message_would() {
    let t = four_windows();
    let inbox = Inboxes::listen::<InboxMessage>(&t, &ALL);
    let to = |label: &str| json!({ "to": "one", "label": label });
    let message = |audience: Value, text: &str, transport: &str| json!({ "audience": audience, "text": text, "transport": transport });
    let outcomes = t.ok(
        "main",
        "send_messages",
        json!({ "messages": [
            message(to("worker-1"), "first", "channel"),
            message(to("worker-9"), "to nobody", "channel"),
            message(to("worker-1"), "  ", "channel"),
            message(to("worker-2"), "second", "event"),
            message(to("worker-1"), "third", "channel"),
        ] }),
    );
    let kinds: Vec<&str> = outcomes
        .as_array()
        .unwrap()
        .iter()
        .map(|o| match o["status"].as_str().unwrap() {
            "ok" => "ok",
            _ => o["error"]["kind"].as_str().unwrap(),
        })
        .collect();
    assert_eq!(
        kinds,
        ["ok", "window_not_found", "invalid_input", "ok", "ok"]
    );
    assert_eq!(
        outcomes[0]["data"],
        json!({ "emitted": ["worker-1"], "held": [], "notHeld": [] })
    );
    // The failures took no number: the three sent follow one another, in the order given.
    let seq = |m: &Value| m["seq"].as_u64().unwrap();
    let worker1 = inbox.private("worker-1");
    let worker2 = inbox.routed("worker-2");
    assert_eq!(texts(&worker1), ["first", "third"]);
    assert_eq!(texts(&worker2), ["second"]);
    assert_eq!(seq(&worker2[0]), seq(&worker1[0]) + 1);
    assert_eq!(seq(&worker1[1]), seq(&worker2[0]) + 1);

    let many = vec![message(to("main"), "x", "channel"); 10_001];
    assert_eq!(
        t.error_kind("main", "send_messages", json!({ "messages": many })),
        "limit_reached"
    );
    assert_eq!(
        t.ok("main", "send_messages", json!({ "messages": [] })),
        json!([])
    );
}

/// What window `label`'s page got over its own Channel as `direct-note`: each note's text and
/// its sender, as the plugin stamped it.
fn notes_to(t: &TestApp, label: &str) -> Vec<(String, Value)> {
    t.channel(label, INBOX)
        .into_iter()
        .flat_map(|batch| batch.as_array().cloned().unwrap_or_default())
        .filter(|d| d["name"] == "direct-note")
        .map(|d| {
            (
                d["payload"]["text"].as_str().unwrap().to_owned(),
                d["from"].clone(),
            )
        })
        .collect()
}

/// A page's note is relayed by the plugin to one window's Channel with the label of the page
/// that really sent it: a `from` of the page's own is not passed on, and the note reaches no
/// one else.
#[test]
fn a_relayed_note_carries_its_true_sender_and_reaches_its_window_alone() {
    let t = four_windows();
    let relay = |payload: Value| {
        t.invoke(
            "main",
            "plugin:switchboard|relay",
            json!({ "to": "worker-1", "event": "direct-note", "payload": payload }),
        )
    };
    let sent = relay(json!({ "text": "psst" })).unwrap();
    assert_eq!(sent["emitted"], json!(["worker-1"]), "{sent}");
    // A sender field of the page's own is dropped when the payload is read as a `DirectNote`.
    relay(json!({ "text": "claims worker-2", "from": "worker-2" })).unwrap();
    assert_eq!(
        notes_to(&t, "worker-1"),
        [
            ("psst".to_owned(), json!("main")),
            ("claims worker-2".to_owned(), json!("main"))
        ]
    );
    let delivered: Vec<Value> = t
        .channel("worker-1", INBOX)
        .into_iter()
        .flat_map(|batch| batch.as_array().cloned().unwrap_or_default())
        .filter(|d| d["name"] == "direct-note")
        .collect();
    assert!(
        delivered.iter().all(|d| d["payload"].get("from").is_none()),
        "{delivered:?}"
    );
    for label in ["main", "inspector", "worker-2"] {
        assert_eq!(notes_to(&t, label), [], "{label}");
    }
}

/// The plugin relays page-to-page events only, of their type, to an open window of the app:
/// anything else is a typed error and nothing is sent; Rust's own events cannot be sent this
/// way.
#[test]
fn relay_refuses_rust_s_events_bad_payloads_and_labels_and_sends_nothing() {
    let t = four_windows();
    let relay = |to: &str, event: &str, payload: Value| {
        t.error_kind(
            "main",
            "plugin:switchboard|relay",
            json!({ "to": to, "event": event, "payload": payload }),
        )
    };
    let forged_message = json!({
        "seq": 999_999, "from": "main", "audience": { "to": "all" }, "text": "forged", "at": 0
    });
    for (event, payload) in [
        (InboxMessage::NAME, forged_message),
        (
            CounterChanged::NAME,
            json!({ "value": 424_242, "by": "main" }),
        ),
        (WindowsChanged::NAME, json!({ "open": ["main"] })),
        (DelayedPong::NAME, json!({ "note": "forged", "delayMs": 0 })),
        (switchboard_events::NoteToCore::NAME, json!({ "text": "x" })),
        ("no-such-event", json!({})),
    ] {
        assert_eq!(
            relay("worker-1", event, payload),
            "not_a_page_event",
            "{event}"
        );
    }
    for payload in [
        json!({ "txt": 1 }),
        json!("text"),
        json!({ "text": "x".repeat(9000) }),
    ] {
        assert_eq!(relay("worker-1", "direct-note", payload), "invalid_payload");
    }
    let note = json!({ "text": "n" });
    assert_eq!(relay("wrker-1", "direct-note", note.clone()), "not_a_label");
    assert_eq!(relay("worker-9", "direct-note", note), "window_not_found");
    for label in ALL {
        assert_eq!(notes_to(&t, label), [], "{label}");
    }
}
