//! A vocabulary for the plugin's own unit tests: windows `w0`, `w1`, ..., two audiences, two
//! events, and an app on Tauri's mock runtime with the plugin alone.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{Audience, Label, Vocabulary};

/// Window `w<n>`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, specta::Type,
)]
pub struct Win(pub u8);

impl fmt::Display for Win {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "w{}", self.0)
    }
}

impl FromStr for Win {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        s.strip_prefix('w')
            .and_then(|n| n.parse().ok())
            .map(Win)
            .ok_or(())
    }
}

impl Label for Win {
    type Kind = ();

    fn kind(self) {}
}

/// Everyone, or one window.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub enum To {
    All,
    One(Win),
}

impl Audience<Win> for To {
    fn all() -> Self {
        To::All
    }

    fn one(label: Win) -> Self {
        To::One(label)
    }

    fn resolve(&self, open: &[Win]) -> Vec<Win> {
        match self {
            To::All => open.to_vec(),
            To::One(label) => vec![*label],
        }
    }
}

/// The test vocabulary.
pub struct Test;

impl Vocabulary for Test {
    type Label = Win;
    type Audience = To;
    type ErrorKind = Kind;
}

/// The test vocabulary's error kinds: the plugin's own.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
pub struct Kind(pub &'static str);

impl From<&crate::Error<Win>> for Kind {
    fn from(e: &crate::Error<Win>) -> Self {
        Kind(e.kind())
    }
}

/// Rust to one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Note {
    pub text: String,
}

/// Rust to every window; only the latest matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Level {
    pub value: i32,
}

crate::events! {
    Note = "note", Targeted;
    Level = "level", Broadcast, latest;
}

/// An app on the mock runtime with only the plugin, whose teardown hook records what it is
/// told in `torn_down`.
pub fn app(
    torn_down: std::sync::Arc<std::sync::Mutex<Vec<(Win, crate::Teardown)>>>,
) -> tauri::App<tauri::test::MockRuntime> {
    let plugin = crate::Builder::<_, Test>::new()
        .on_teardown(move |_, label, why| torn_down.lock().unwrap().push((label, why)))
        .build();
    tauri::test::mock_builder()
        .plugin(plugin)
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .unwrap()
}

/// A page's Channel that keeps, in order, the names of the events it receives.
pub fn inbox(received: std::sync::Arc<std::sync::Mutex<Vec<String>>>) -> crate::Inbox {
    tauri::ipc::Channel::new(move |body| {
        if let tauri::ipc::InvokeResponseBody::Json(json) = body {
            let batch: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
            for delivery in batch {
                received
                    .lock()
                    .unwrap()
                    .push(delivery["name"].as_str().unwrap().to_owned());
            }
        }
        Ok(())
    })
}
