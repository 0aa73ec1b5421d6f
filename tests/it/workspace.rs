//! The workspace across a restart: the windows that were open come back, each with the last
//! messages of its inbox, delivered when its page is ready; numbers go on; a window the user
//! closed stays closed, and windows closed by quitting come back.

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use serde_json::json;
use switchboard_app::persist::Keep;
use switchboard_commands::{
    workspace::{self, WorkspaceStore},
    Demo,
};
use switchboard_events::{InboxMessage, WindowLabel, WorkspaceSaved};
use tauri::Manager;
use tauri_plugin_switchboard::lifecycle;

use crate::harness::{eventually, start_with, Inboxes, TestApp};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("switchboard-it-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn send(t: &TestApp, audience: serde_json::Value, text: &str) {
    t.ok(
        "main",
        "send_message",
        json!({ "audience": audience, "text": text, "transport": "channel" }),
    );
}

/// Waits until the writer has written the workspace with `text` in it: what a crash right
/// then would leave.
fn written(dir: &Path, text: &str) {
    let file = dir.join("workspace.json");
    for _ in 0..200 {
        if std::fs::read_to_string(&file).is_ok_and(|f| f.contains(text)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{text} never written to {}", file.display());
}

#[test]
fn windows_and_inboxes_come_back_after_a_crash_and_numbers_go_on() {
    let dir = scratch("restore");
    {
        let t = start_with(Keep::In(dir.clone()));
        for label in ["main", "worker-1", "worker-2"] {
            if label != "main" {
                assert_eq!(t.open_worker(), label);
            }
            t.ready(label);
        }
        t.ok("main", "open_inspector", json!({}));
        t.ready("inspector");
        send(&t, json!({ "to": "one", "label": "worker-1" }), "one");
        send(&t, json!({ "to": "all" }), "all");
        // The user closes worker-2 (the mock runtime never reports it destroyed).
        lifecycle::closed::<_, Demo>(t.app.handle(), WindowLabel::Worker(2));
        send(&t, json!({ "to": "workers" }), "last");
        written(&dir, "last");
        // Dropped without `finish`: as a crash leaves it.
    }

    let t = start_with(Keep::In(dir.clone()));
    let mut open: Vec<_> = t.app.webview_windows().into_keys().collect();
    open.sort();
    assert_eq!(open, ["inspector", "main", "worker-1"]);
    let inbox = Inboxes::listen::<InboxMessage>(&t, &["main", "worker-1", "inspector"]);
    let saved = Inboxes::listen::<WorkspaceSaved>(&t, &["main"]);
    for label in ["main", "worker-1", "inspector"] {
        t.ready(label);
    }
    let texts = |label: &str| -> Vec<String> {
        inbox
            .private(label)
            .iter()
            .map(|m| m["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(texts("worker-1"), ["one", "all", "last"]);
    assert_eq!(texts("main"), ["all"]);
    assert_eq!(texts("inspector"), ["all"]);
    // Numbers go on after the last one kept, and worker numbers after the highest open.
    let seqs: Vec<u64> = inbox
        .private("worker-1")
        .iter()
        .map(|m| m["seq"].as_u64().unwrap())
        .collect();
    send(&t, json!({ "to": "one", "label": "worker-1" }), "new");
    assert_eq!(
        inbox.private("worker-1").last().unwrap()["seq"].as_u64(),
        Some(seqs.last().unwrap() + 1)
    );
    assert_eq!(t.open_worker(), "worker-2");

    // Main hears of each write.
    eventually("main told of the write with worker-2", || {
        saved.private("main").last().map(|w| w["windows"].clone())
            == Some(json!(["worker-1", "inspector", "worker-2"]))
    });
    let last = saved.private("main").pop().unwrap();
    // Worker-1's four, and "all" in main and in the inspector.
    assert_eq!(
        (last["messages"].clone(), last["error"].clone()),
        (json!(6), json!(null))
    );
    // What main's page reads about it.
    let status = t.ok("main", "workspace_status", json!({}));
    assert_eq!(
        status["path"],
        json!(dir.join("workspace.json").display().to_string())
    );
    assert_eq!(
        status["workspace"]["windows"],
        json!(["worker-1", "inspector", "worker-2"])
    );
    assert_eq!(status["setAside"], json!(null));
    t.app.state::<WorkspaceStore>().finish();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn windows_that_close_because_the_app_quits_come_back() {
    let dir = scratch("quit");
    {
        let t = start_with(Keep::In(dir.clone()));
        t.open_worker();
        t.ok("main", "open_inspector", json!({}));
        let store = t.app.state::<WorkspaceStore>();
        // What the app does when main closes: freeze, then every window goes.
        store.freeze();
        for label in [
            WindowLabel::Worker(1),
            WindowLabel::Inspector,
            WindowLabel::Main,
        ] {
            lifecycle::closed::<_, Demo>(t.app.handle(), label);
        }
        store.finish();
    }
    let loaded = workspace::load(&dir.join("workspace.json"));
    assert_eq!(
        loaded.workspace.windows,
        [WindowLabel::Worker(1), WindowLabel::Inspector]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Main closing is what quits: the plugin's teardown freezes the workspace before main's close
/// is recorded (which would forget main's inbox), so main's history and the windows that close
/// after it are kept, with no freeze by hand.
#[test]
fn closing_main_freezes_the_workspace_before_anything_is_forgotten() {
    let dir = scratch("main-closes");
    {
        let t = start_with(Keep::In(dir.clone()));
        t.open_worker();
        t.ok(
            "main",
            "send_message",
            json!({ "audience": { "to": "one", "label": "main" }, "text": "kept", "transport": "channel" }),
        );
        for label in [WindowLabel::Main, WindowLabel::Worker(1)] {
            lifecycle::closed::<_, Demo>(t.app.handle(), label);
        }
        t.app.state::<WorkspaceStore>().finish();
    }
    let loaded = workspace::load(&dir.join("workspace.json"));
    assert_eq!(loaded.workspace.windows, [WindowLabel::Worker(1)]);
    let main: Vec<&str> = loaded.workspace.inboxes[&WindowLabel::Main]
        .iter()
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(main, ["kept"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_workspace_is_set_aside_and_the_app_starts_fresh() {
    let dir = scratch("corrupt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("workspace.json"),
        "{\"format\": 1, \"windows\": [\"worker-1\"",
    )
    .unwrap();
    let t = start_with(Keep::In(dir.clone()));
    let open: Vec<_> = t.app.webview_windows().into_keys().collect();
    assert_eq!(open, ["main"]);
    let status = t.ok("main", "workspace_status", json!({}));
    let aside = status["setAside"]["path"].as_str().unwrap();
    assert!(aside.contains("workspace.json.set-aside-"), "{aside}");
    assert!(status["setAside"]["reason"]
        .as_str()
        .unwrap()
        .starts_with("not JSON"));
    assert!(std::fs::read_to_string(aside).unwrap().contains("worker-1"));
    t.app.state::<WorkspaceStore>().finish();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_data_folder_holds_exported_traces_too() {
    let dir = scratch("traces");
    let t = start_with(Keep::In(dir.clone()));
    t.ok("main", "open_inspector", json!({}));
    let exported = t.ok("inspector", "export_trace", json!({}));
    let path = Path::new(exported["path"].as_str().unwrap());
    assert!(path.starts_with(dir.join("traces")), "{}", path.display());
    assert!(path.exists());
    t.app.state::<WorkspaceStore>().finish();
    let _ = std::fs::remove_dir_all(&dir);
}
