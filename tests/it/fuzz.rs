//! Property tests through the real IPC path: every command, called from every kind of window
//! with generated arguments, a mix of malformed bodies, raw bodies and well-typed hostile
//! values. Every call must answer; every failure must be a typed `AppError` or a rejection the
//! bindings can classify; no panic; and afterwards the app's tables are still bounded.
//!
//! `SWITCHBOARD_FUZZ_CASES` sets the cases per command (10,000 by default). A failing case is
//! shrunk and its seed kept in `it/fuzz.regressions`, which is replayed first on every run:
//! commit that file with the fix.

use proptest::{
    prelude::*,
    test_runner::{Config, FileFailurePersistence, RngAlgorithm, TestCaseError, TestRunner},
};
use serde_json::{json, Map, Value};
use switchboard_commands::{jobs::Jobs, ping::Pings, Limit, Switchboard, COMMAND_NAMES};
use switchboard_events::WindowLabel;
use tauri::{
    ipc::{InvokeBody, InvokeResponseBody},
    Manager,
};

use crate::harness::{invoke_body, start, TestApp};

/// The app's error kinds, then the plugin's own.
const KINDS: [&str; 9] = [
    "invalid_input",
    "window_not_found",
    "not_found",
    "forbidden",
    "limit_reached",
    "internal",
    "not_a_label",
    "not_a_page_event",
    "invalid_payload",
];

fn cases() -> u32 {
    std::env::var("SWITCHBOARD_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// Any JSON at all, a few levels deep.
fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::hash_map("[a-zA-Z_]{0,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that a hostile page would send: empty, blank, long, odd Unicode.
fn text() -> impl Strategy<Value = Value> {
    prop_oneof![
        ".{0,60}".prop_map(Value::from),
        Just(json!("")),
        Just(json!("   ")),
        (0usize..3_000).prop_map(|n| json!("é".repeat(n))),
        Just(json!("x".repeat(100_000))),
    ]
}

/// Numbers at and around every edge, and numbers that are not integers.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0i64..100).prop_map(Value::from),
        (0i64..70_000).prop_map(Value::from),
        Just(json!(u32::MAX)),
        Just(json!(u32::MAX as i64 + 1)),
        Just(json!(i32::MAX)),
        Just(json!(i32::MIN)),
        Just(json!(-1)),
        any::<i64>().prop_map(Value::from),
        Just(json!(1.5)),
    ]
}

/// Labels: real ones, ones that almost are, and nonsense.
fn label() -> impl Strategy<Value = Value> {
    prop_oneof![
        // Not "main": closing main quits the app, which is tested end to end.
        Just(json!("inspector")),
        (0u32..30).prop_map(|n| json!(format!("worker-{n}"))),
        "(worker-|main|inspector)[0-9a-z. -]{0,6}".prop_map(Value::from),
        junk(),
    ]
}

fn audience() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({ "to": "all" })),
        Just(json!({ "to": "workers" })),
        label().prop_map(|l| json!({ "to": "one", "label": l })),
        prop::collection::vec(label(), 0..30).prop_map(|ls| json!({ "to": "some", "labels": ls })),
        junk(),
    ]
}

fn channel() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u32..1_000).prop_map(|n| json!(format!("__CHANNEL__:{n}"))),
        "__CHANNEL__:.{0,12}".prop_map(Value::from),
        junk(),
    ]
}

/// One message of a `send_messages` list: its own keys, hostile values, or anything.
fn outgoing() -> impl Strategy<Value = Value> {
    prop_oneof![
        (audience(), text(), transport())
            .prop_map(|(a, t, tr)| json!({ "audience": a, "text": t, "transport": tr })),
        junk(),
    ]
}

fn transport() -> impl Strategy<Value = Value> {
    prop_oneof![Just(json!("event")), Just(json!("channel")), junk()]
}

/// Arguments for `command`: mostly its own keys with hostile values, sometimes anything.
fn args(command: &str) -> BoxedStrategy<Value> {
    let fields: Vec<(&str, BoxedStrategy<Value>)> = match command {
        "greet" => vec![("name", text().boxed())],
        "counter_add" => vec![("delta", number().boxed())],
        "ping_later" => vec![("delayMs", number().boxed()), ("note", text().boxed())],
        "close_window" => vec![("label", label().boxed())],
        "send_message" => vec![
            ("audience", audience().boxed()),
            ("text", text().boxed()),
            ("transport", transport().boxed()),
        ],
        "send_burst" => vec![
            ("audience", audience().boxed()),
            ("text", text().boxed()),
            ("transport", transport().boxed()),
            // Small counts: a valid burst of thousands, ten thousand times, would only be slow.
            (
                "count",
                prop_oneof![
                    (0u32..4).prop_map(Value::from),
                    Just(json!(10_001)),
                    Just(json!(-1)),
                    Just(json!(1.5)),
                    junk(),
                ]
                .boxed(),
            ),
        ],
        "send_messages" => vec![(
            "messages",
            // (Lists over `messages_per_call` are refused in delivery.rs: thousands of them here
            // would only make the run slow.)
            prop_oneof![
                prop::collection::vec(outgoing(), 0..8).prop_map(Value::from),
                junk(),
            ]
            .boxed(),
        )],
        "reply_to_main" => vec![("text", text().boxed())],
        "start_job" => vec![
            ("steps", number().boxed()),
            ("stepMs", number().boxed()),
            ("onUpdate", channel().boxed()),
        ],
        "cancel_job" => vec![("job", number().boxed())],
        "fail_with" => vec![(
            "kind",
            prop_oneof![
                Just(json!("invalid_input")),
                Just(json!("not_found")),
                Just(json!("forbidden")),
                Just(json!("panic")),
                Just(json!("panic_after_await")),
                junk(),
            ]
            .boxed(),
        )],
        "download_json" | "download_raw" => {
            vec![("offset", number().boxed()), ("len", number().boxed())]
        }
        "download_chunks" => vec![
            ("len", number().boxed()),
            ("chunk", number().boxed()),
            ("onChunk", channel().boxed()),
        ],
        "upload_json" => vec![(
            "bytes",
            prop_oneof![
                prop::collection::vec(0u8..=255, 0..2_000).prop_map(Value::from),
                prop::collection::vec(number(), 0..20).prop_map(Value::from),
                junk(),
            ]
            .boxed(),
        )],
        "upload_raw" => vec![(
            "rawBody",
            prop::collection::vec(0u8..=255, 0..100)
                .prop_map(Value::from)
                .boxed(),
        )],
        "plugin:switchboard|subscribe_trace" => vec![("onEntries", channel().boxed())],
        "plugin:switchboard|window_ready" => vec![("inbox", channel().boxed())],
        "plugin:switchboard|relay" => vec![
            ("to", prop_oneof![Just(json!("main")), label()].boxed()),
            (
                "event",
                // The one page-to-page event, Rust's own (which must be refused), and any name.
                prop_oneof![
                    3 => Just(json!("direct-note")),
                    1 => Just(json!("inbox-message")),
                    1 => Just(json!("counter-changed")),
                    1 => junk(),
                ]
                .boxed(),
            ),
            (
                "payload",
                prop_oneof![text().prop_map(|text| json!({ "text": text })), junk()].boxed(),
            ),
        ],
        _ => vec![],
    };
    let typed = fields
        .into_iter()
        .map(|(key, values)| {
            // Each key may also be missing.
            prop::option::weighted(0.9, values).prop_map(move |v| (key, v))
        })
        .collect::<Vec<_>>()
        .prop_map(|pairs| {
            let object: Map<String, Value> = pairs
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
                .collect();
            Value::Object(object)
        });
    prop_oneof![4 => typed, 1 => junk()].boxed()
}

/// The verdict on one answer: fine, or why not.
fn check_answer(answer: &Result<Value, Value>) -> Result<(), String> {
    match answer {
        Ok(_) => Ok(()),
        // The framework's own rejections, each of which the bindings classify as a kind other
        // than `ipc_failure` (see `toRejection` in the guest package's `result.ts`).
        Err(Value::String(text))
            if text.contains("not allowed")
                || text.starts_with("invalid args")
                || text.starts_with("invalid channel value")
                || text.contains("not found") =>
        {
            Ok(())
        }
        Err(Value::Object(error))
            if error
                .get("kind")
                .and_then(Value::as_str)
                .is_some_and(|k| KINDS.contains(&k))
                && error.get("message").is_some_and(Value::is_string) =>
        {
            Ok(())
        }
        Err(other) => Err(format!(
            "an answer that is neither typed nor classified: {other}"
        )),
    }
}

/// The app's tables stay bounded whatever the pages sent.
fn check_invariants(t: &TestApp) {
    let mut open: Vec<WindowLabel> = t
        .app
        .webview_windows()
        .keys()
        .filter_map(|l| l.parse().ok())
        .collect();
    open.sort();
    assert!(open.contains(&WindowLabel::Main), "{open:?}");
    let workers = open.iter().filter(|l| l.is_worker()).count();
    assert!(workers <= Limit::OpenWorkers.bound() as usize, "{open:?}");
    let switchboard = t.app.state::<Switchboard>();
    let outbox = switchboard.outbox();
    // Both ways: no state for a gone window, and none missing for an open one (a send to it
    // would fail).
    assert_eq!(outbox.open(), open, "the Outbox's windows are Tauri's");
    let (jobs, pings) = (t.app.state::<Jobs>(), t.app.state::<Pings>());
    for label in &open {
        assert!(outbox.held_for(*label) <= Limit::HeldEvents.bound() as usize + 2);
        assert!(jobs.running_for(*label) <= Limit::JobsPerWindow.bound() as usize);
        assert!(pings.pending_for(*label) <= Limit::PendingPings.bound() as usize);
    }
    assert!(t.app.state::<Switchboard>().trace().subscribers() <= open.len());
    let counter = t.ok("main", "counter_get", json!({}));
    assert!(counter.is_i64(), "{counter}");
}

fn fuzz(command: &'static str) {
    let t = start();
    t.open_worker();
    t.ok("main", "open_inspector", json!({}));
    let windows = ["main", "worker-1", "inspector"].map(|l| t.window(l));
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "it/fuzz.regressions",
        ))),
        // ChaCha, the default, took half of a run unoptimized (perf, in the test profile); a
        // test's cases need no cryptographic generator.
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    });
    // Exports are real files in the app's data folder: remove the ones this run makes.
    let traces = t.app.path().app_data_dir().unwrap().join("traces");
    let before = files_in(&traces);
    // A page may send any command a raw body instead of JSON arguments (as `upload_raw`
    // takes its bytes): one call in four does.
    let body = prop_oneof![
        3 => args(command).prop_map(InvokeBody::Json),
        1 => prop::collection::vec(any::<u8>(), 0..300).prop_map(InvokeBody::Raw),
    ];
    let strategy = (0..windows.len(), body);
    // Outcomes: ok, a command's typed error, a rejection by the framework.
    let tally = std::cell::Cell::new([0u32; 3]);
    let outcome = runner.run(&strategy, |(window, body)| {
        // A raw answer (a download) is data like any other.
        let answer = invoke_body(&windows[window], command, body).map(|body| match body {
            InvokeResponseBody::Raw(bytes) => Value::from(bytes.len()),
            json => json.deserialize::<Value>().unwrap(),
        });
        let mut counts = tally.get();
        counts[match &answer {
            Ok(_) => 0,
            Err(Value::Object(_)) => 1,
            Err(_) => 2,
        }] += 1;
        tally.set(counts);
        check_answer(&answer).map_err(TestCaseError::fail)
    });
    let [ok, typed, rejected] = tally.get();
    // Read by `npm run soak` for docs/reliability.md.
    println!("fuzz: {command}: {} calls answered: {ok} ok, {typed} typed errors, {rejected} rejected by the framework", ok + typed + rejected);
    for made in files_in(&traces).difference(&before) {
        std::fs::remove_file(made).unwrap();
    }
    if let Err(failure) = outcome {
        panic!("{command}: {failure}");
    }
    check_invariants(&t);
}

fn files_in(dir: &std::path::Path) -> std::collections::BTreeSet<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// Every command, the app's and the plugin's, in one list.
fn every_command() -> Vec<&'static str> {
    let plugin = tauri_plugin_switchboard::COMMANDS
        .iter()
        .map(|c| &*format!("plugin:switchboard|{c}").leak());
    COMMAND_NAMES.iter().copied().chain(plugin).collect()
}

/// Every other command, from the `first`: two tests, so that the test runner gives each a
/// core of its own (the commands are independent: each gets an app of its own).
fn fuzz_every_other(first: usize) {
    for command in every_command().into_iter().skip(first).step_by(2) {
        fuzz(command);
    }
}

/// The case `fuzz.regressions` keeps, pinned: its seed replays a different case since the
/// strategy also makes raw bodies.
#[test]
fn window_ready_with_a_channel_reference_without_an_id_is_classified() {
    let t = start();
    let main = t.window("main");
    let answer = invoke_body(
        &main,
        "plugin:switchboard|window_ready",
        InvokeBody::Json(json!({ "inbox": "__CHANNEL__:" })),
    )
    .map(|body| body.deserialize::<Value>().unwrap());
    check_answer(&answer).unwrap();
    check_invariants(&t);
}

#[test]
fn every_command_answers_hostile_arguments_with_a_typed_error_and_stays_bounded_1_of_2() {
    fuzz_every_other(0);
}

#[test]
fn every_command_answers_hostile_arguments_with_a_typed_error_and_stays_bounded_2_of_2() {
    fuzz_every_other(1);
}
