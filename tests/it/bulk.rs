//! Bulk transfer through the IPC path: raw and JSON downloads, Channel chunks, raw and JSON
//! uploads, their bounds, and the bulk lane large downloads wait in.

use serde_json::{json, Value};
use switchboard_commands::{bulk::payload_byte, Demo};
use switchboard_events::WindowLabel;
use tauri::ipc::{InvokeBody, InvokeResponseBody};
use tauri_plugin_switchboard::{
    lane::{SMALL_BYTES, TRANSFERS_PER_WINDOW},
    SwitchboardExt,
};

use crate::harness::{eventually, invoke_body, start};

fn pattern(offset: u32, len: u32) -> Vec<u8> {
    (0..len).map(|i| payload_byte(offset + i)).collect()
}

#[test]
fn downloads_are_the_pattern_raw_or_as_json() {
    let t = start();
    let raw = invoke_body(
        &t.window("main"),
        "download_raw",
        InvokeBody::Json(json!({ "offset": 1_000, "len": 70_000 })),
    );
    match raw {
        Ok(InvokeResponseBody::Raw(bytes)) => assert!(bytes == pattern(1_000, 70_000)),
        other => panic!("a raw download is raw bytes, not {other:?}"),
    }
    assert_eq!(
        t.ok("main", "download_json", json!({ "offset": 250, "len": 3 })),
        json!([250, 0, 1])
    );
    let limit = json!({ "kind": "limit_reached", "limit": "transfer_bytes" });
    let over = t
        .invoke(
            "main",
            "download_raw",
            json!({ "offset": 0, "len": (100 << 20) + 1 }),
        )
        .unwrap_err();
    assert_eq!(
        (&over["kind"], &over["limit"]),
        (&limit["kind"], &limit["limit"])
    );
    assert_eq!(
        t.error_kind(
            "main",
            "download_json",
            json!({ "offset": u32::MAX, "len": 2 })
        ),
        "invalid_input"
    );
}

#[test]
fn a_chunked_download_arrives_in_order_and_whole() {
    let t = start();
    let worker = t.open_worker();
    let len = (200 << 10) + 7;
    let sent = t.ok(
        &worker,
        "download_chunks",
        json!({ "len": len, "chunk": 64 << 10, "onChunk": "__CHANNEL__:5" }),
    );
    assert_eq!(sent, json!(4));
    let chunks = t.channel(&worker, 5);
    let sizes: Vec<usize> = chunks.iter().map(|c| c.as_array().unwrap().len()).collect();
    assert_eq!(sizes, [65_536, 65_536, 65_536, 7 + (8 << 10)]);
    let joined: Vec<u8> = chunks
        .iter()
        .flat_map(|c| {
            c.as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8)
        })
        .collect();
    assert!(joined == pattern(0, len));
    let small = t
        .invoke(
            &worker,
            "download_chunks",
            json!({ "len": len, "chunk": 1, "onChunk": "__CHANNEL__:6" }),
        )
        .unwrap_err();
    assert_eq!(small["limit"], "smallest_chunk_bytes");
    assert!(
        t.channel(&worker, 6).is_empty(),
        "nothing is sent when refused"
    );
}

#[test]
fn uploads_are_counted_and_summed_raw_or_as_json() {
    let t = start();
    let main = t.window("main");
    let bytes: Vec<u8> = (0..100_000u32).map(|i| (i % 256) as u8).collect();
    let sum: u32 = bytes.iter().map(|&b| u32::from(b)).sum();
    let expected = json!({ "bytes": 100_000, "sum": sum });
    let raw = invoke_body(&main, "upload_raw", InvokeBody::Raw(bytes.clone()))
        .map(|body| body.deserialize::<Value>().unwrap());
    assert_eq!(raw, Ok(expected.clone()));
    assert_eq!(
        t.ok("main", "upload_json", json!({ "bytes": bytes })),
        expected
    );

    // A JSON body where raw bytes are expected is Tauri-style "invalid args", typed by the
    // bindings as `invalid_args`, and the command does not run.
    let json_body = t
        .invoke("main", "upload_raw", json!({ "rawBody": [1, 2] }))
        .unwrap_err();
    assert!(
        json_body
            .as_str()
            .unwrap()
            .starts_with("invalid args for command upload_raw"),
        "{json_body}"
    );
    let over = invoke_body(
        &main,
        "upload_raw",
        InvokeBody::Raw(vec![0; (100 << 20) + 1]),
    )
    .unwrap_err();
    assert_eq!(over["limit"], "transfer_bytes");
}

#[test]
fn a_window_waits_for_the_bulk_lane_and_has_at_most_its_share_of_it() {
    // Large enough to take a turn.
    const LARGE: u32 = SMALL_BYTES as u32;
    let t = start();
    let worker = t.open_worker();
    let switchboard = t.app.switchboard::<Demo>();
    let queued = |label: WindowLabel| switchboard.lane().queued(label);
    // Someone holds the lane: main's downloads wait in it, each one counting.
    let held = tauri::async_runtime::block_on(switchboard.lane().turn(WindowLabel::Main))
        .expect("the lane is free");
    let download = |label: &str, offset: u32| {
        let window = t.window(label);
        std::thread::spawn(move || {
            invoke_body(
                &window,
                "download_raw",
                InvokeBody::Json(json!({ "offset": offset, "len": LARGE })),
            )
        })
    };
    let waiting: Vec<_> = (0..TRANSFERS_PER_WINDOW as u32 - 1)
        .map(|n| download("main", n * LARGE))
        .collect();
    eventually("main's downloads wait in the lane", || {
        queued(WindowLabel::Main) == TRANSFERS_PER_WINDOW
    });
    // One more from main is refused at once, by name; the worker's is not.
    let over = t
        .invoke("main", "download_raw", json!({ "offset": 0, "len": LARGE }))
        .unwrap_err();
    assert_eq!(
        (&over["kind"], &over["limit"], &over["bound"]),
        (
            &json!("limit_reached"),
            &json!("transfers_in_flight"),
            &json!(TRANSFERS_PER_WINDOW)
        )
    );
    // A small body takes no turn: it is answered while the lane is held.
    assert_eq!(
        t.ok("main", "download_json", json!({ "offset": 250, "len": 3 })),
        json!([250, 0, 1])
    );
    let chunked = t
        .invoke(
            "main",
            "download_chunks",
            json!({ "len": 70_000, "chunk": 64 << 10, "onChunk": "__CHANNEL__:7" }),
        )
        .unwrap_err();
    assert_eq!(chunked["limit"], "transfers_in_flight");
    let theirs = download(&worker, 0);
    eventually("the worker's download waits too", || {
        queued(WindowLabel::Worker(1)) == 1
    });
    // When the lane is free, every waiting download arrives whole, and the lane empties.
    drop(held);
    for (n, answer) in waiting.into_iter().enumerate() {
        let offset = n as u32 * LARGE;
        match answer.join().expect("the call returns") {
            Ok(InvokeResponseBody::Raw(bytes)) => assert!(bytes == pattern(offset, LARGE)),
            other => panic!("a waiting download is its bytes, not {other:?}"),
        }
    }
    assert!(matches!(
        theirs.join().expect("the call returns"),
        Ok(InvokeResponseBody::Raw(_))
    ));
    assert_eq!(queued(WindowLabel::Main), 0);
    assert_eq!(queued(WindowLabel::Worker(1)), 0);
    t.ok("main", "download_raw", json!({ "offset": 0, "len": 10 }));
}
