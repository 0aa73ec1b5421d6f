//! Pacing through the real IPC path: while another window calls, a window calling faster than
//! its share waits its turn in order, and one with too many calls waiting is refused at once
//! with the text pages read as `too_many_calls`; every call is answered. A burst to a window
//! goes at the window's intake while another window calls, and arrives whole.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use switchboard_events::InboxMessage;
use tauri_plugin_switchboard::pace::{Pacing, TOO_MANY_CALLS};

use crate::harness::{invoke_on, start_paced, Inboxes};

/// One call at once, then one each 200 ms whatever the others do, at most two waiting; every
/// window counts as contended for a minute after another called.
const TIGHT: Pacing = Pacing {
    share: 5.0,
    slack: 0.0,
    memory: Duration::from_millis(100),
    burst: 1,
    contended: Duration::from_secs(60),
    active: 0.0,
    most_waiting: 2,
    flood: 1,
    behind: 0.0,
    intake: f64::INFINITY,
    intake_burst: 0.0,
};

#[test]
fn a_window_over_its_share_waits_in_order_and_one_call_too_many_is_refused() {
    let t = start_paced(TIGHT);
    let worker = t.open_worker();
    // main called (open_worker): worker-1 is held to its share from now on.
    let window = t.window(&worker);
    let began = Instant::now();
    let (answers, main_answered) = std::thread::scope(|s| {
        let calls: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let answer = invoke_on(&window, "counter_get", json!({}));
                    (answer, Instant::now())
                })
            })
            .collect();
        // main, within its share, is not put in worker-1's line.
        std::thread::sleep(Duration::from_millis(50));
        assert!(t.invoke("main", "counter_get", json!({})).is_ok());
        let main_answered = Instant::now();
        let answers: Vec<(Result<Value, Value>, Instant)> =
            calls.into_iter().map(|c| c.join().unwrap()).collect();
        (answers, main_answered)
    });
    let last = answers.iter().map(|(_, at)| *at).max().unwrap();
    assert!(main_answered < last, "main waited for worker-1's calls");
    let ok = answers.iter().filter(|(a, _)| a.is_ok()).count();
    let refused: Vec<_> = answers
        .iter()
        .filter_map(|(a, _)| a.as_ref().err())
        .collect();
    assert_eq!(ok, 3, "{answers:?}");
    assert_eq!(refused.len(), 1, "{answers:?}");
    let text = refused[0].as_str().unwrap_or_default();
    assert!(text.starts_with(TOO_MANY_CALLS), "{text}");
    assert!(text.contains(&format!("`{worker}`")), "{text}");
    // Two of them waited one and two intervals: without pacing all four answer at once.
    assert!(
        last - began >= Duration::from_millis(400),
        "{:?}",
        last - began
    );
}

#[test]
fn the_plugin_s_commands_are_paced_with_the_app_s() {
    let t = start_paced(TIGHT);
    let worker = t.open_worker();
    let window = t.window(&worker);
    let inbox = json!({ "inbox": format!("__CHANNEL__:{}", crate::harness::INBOX) });
    let answers: Vec<Result<Value, Value>> = std::thread::scope(|s| {
        let calls: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| invoke_on(&window, "plugin:switchboard|window_ready", inbox.clone()))
            })
            .collect();
        calls.into_iter().map(|c| c.join().unwrap()).collect()
    });
    let refused = answers
        .iter()
        .filter(|a| matches!(a, Err(Value::String(text)) if text.starts_with(TOO_MANY_CALLS)))
        .count();
    assert_eq!(refused, 1, "{answers:?}");
    assert_eq!(
        answers.iter().filter(|a| a.is_ok()).count(),
        3,
        "{answers:?}"
    );
}

/// No call waits; any call counts as calling for a minute; a window takes in 5,000 messages a
/// second while another calls, none at once.
const INTAKE: Pacing = Pacing {
    share: 1e9,
    slack: 1.5,
    memory: Duration::from_millis(100),
    burst: u32::MAX,
    contended: Duration::from_secs(60),
    active: 0.0,
    most_waiting: 256,
    flood: usize::MAX,
    behind: 0.5,
    intake: 5_000.0,
    intake_burst: 0.0,
};

/// Sends a burst of `count` from main to `worker` and says how long the call took and the
/// numbers the worker received, in order.
fn burst_to(t: &crate::harness::TestApp, worker: &str, count: u32) -> (Duration, Vec<u64>) {
    let inbox = Inboxes::listen::<InboxMessage>(t, &[worker]);
    let began = Instant::now();
    let audience = json!({ "to": "one", "label": worker });
    let burst = t.ok(
        "main",
        "send_burst",
        json!({ "audience": audience, "text": "paced", "transport": "channel", "count": count }),
    );
    let took = began.elapsed();
    let seqs: Vec<u64> = inbox
        .private(worker)
        .iter()
        .map(|m| m["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs.first().copied(), burst["first"].as_u64());
    assert_eq!(seqs.last().copied(), burst["last"].as_u64());
    (took, seqs)
}

#[test]
fn a_burst_goes_at_its_window_s_intake_while_another_window_calls_and_arrives_whole() {
    let t = start_paced(INTAKE);
    let worker = t.open_worker();
    t.ready(&worker);
    // main called (open_worker, and the burst itself): 1,500 messages at 5,000 a second take
    // 0.3 s, in three parts of 500.
    let (took, seqs) = burst_to(&t, &worker, 1_500);
    assert!(took >= Duration::from_millis(300), "{took:?}");
    assert_eq!(seqs.len(), 1_500);
    assert!(
        seqs.windows(2).all(|w| w[1] == w[0] + 1),
        "in order, none lost"
    );
}

#[test]
fn a_burst_while_no_other_window_calls_goes_at_once() {
    // Only 1,000,000 calls a second count as calling: nothing here does. At 10 messages a
    // second, the burst would take 150 s if it waited.
    let t = start_paced(Pacing {
        active: 1e6,
        intake: 10.0,
        ..INTAKE
    });
    let worker = t.open_worker();
    t.ready(&worker);
    let (took, seqs) = burst_to(&t, &worker, 1_500);
    assert!(took < Duration::from_secs(10), "{took:?}");
    assert_eq!(seqs.len(), 1_500);
}
