//! The event payloads. Each type is one event; its doc says who sends it and to whom.
//!
//! Payloads stay small (FACTS.md, 17): bulk or high-rate data goes over `ipc::Channel`.

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri_specta::Event;

use crate::{Audience, WindowLabel};

/// Rust to JS, targeted: a message for the windows in `audience`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct InboxMessage {
    /// One increasing sequence for the whole app, so that a receiver can see order and gaps.
    pub seq: u32,
    /// The window whose command sent it (taken from the IPC call, not from the page).
    pub from: WindowLabel,
    /// The audience it was sent to, as the sender chose it.
    pub audience: Audience,
    /// The text.
    pub text: String,
}

/// Rust to JS, broadcast: the shared counter changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
pub struct CounterChanged {
    /// The new value.
    pub value: i32,
    /// The window whose command changed it.
    pub by: WindowLabel,
}

/// Rust to JS, broadcast: a window opened or closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
pub struct WindowsChanged {
    /// Every open window, sorted (`main`, `inspector`, then workers by number).
    pub open: Vec<WindowLabel>,
}

/// Rust to JS, to the calling window only: the answer to `ping_later`, after its delay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct DelayedPong {
    /// The caller's note, echoed.
    pub note: String,
    /// The delay the caller asked for.
    pub delay_ms: u32,
}

/// JS to Rust: a note from a page to the core. Untrusted: Rust reads it with
/// [`crate::listen_untrusted`], which reports a malformed payload instead of panicking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
pub struct NoteToCore {
    /// The text (at most [`NoteToCore::MAX_CHARS`] characters).
    pub text: String,
}

impl NoteToCore {
    /// The longest text accepted.
    pub const MAX_CHARS: usize = 500;
}

/// Rust to JS, to `main` (the only window allowed to emit): the core read a [`NoteToCore`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
pub struct CoreNoteAck {
    /// Characters in the note that was read.
    pub chars: u32,
    /// Notes read since start.
    pub total: u32,
}

/// JS to JS: a note from one page to another window, sent with `emitTo(label)`.
///
/// Events carry no sender (FACTS.md, 2), so `from` is what the sending page says it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Event)]
pub struct DirectNote {
    /// The sending window, as it declares itself.
    pub from: WindowLabel,
    /// The text.
    pub text: String,
}
