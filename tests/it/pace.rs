//! Pacing through the real IPC path: while another window calls, a window calling faster than
//! its share waits its turn in order, and one with too many calls waiting is refused at once
//! with the text pages read as `too_many_calls`; every call is answered.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tauri_plugin_switchboard::pace::{Pacing, TOO_MANY_CALLS};

use crate::harness::{invoke_on, start_paced};

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
