//! The event payloads. Each type is one event; its doc says who sends it and to whom, and its
//! route is declared in the crate's event list.
//!
//! Payloads stay small (docs/tauri-behaviour.md#event-size): bulk or high-rate data goes over
//! an `ipc::Channel`.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Audience, WindowLabel};

/// Rust to pages, targeted: a message for the windows in `audience`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
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

/// Rust to pages, broadcast: the shared counter changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CounterChanged {
    /// The new value.
    pub value: i32,
    /// The window whose command changed it.
    pub by: WindowLabel,
}

/// Rust to pages: the open windows changed (to all), or a page has just become ready (to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WindowsChanged {
    /// Every open window, sorted (`main`, `inspector`, then workers by number).
    pub open: Vec<WindowLabel>,
}

/// Rust to pages, to the calling window only: the answer to a delayed ping, after its delay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DelayedPong {
    /// The caller's note, echoed.
    pub note: String,
    /// The delay the caller asked for.
    pub delay_ms: u32,
}

/// Rust to main: the app was started again while it ran; the second start ended at once and
/// handed over its command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LaunchedAgain {
    /// Its arguments, without the program's name (at most 16, each at most 200 characters).
    pub args: Vec<String>,
}

/// Rust to main: the workspace file was written (or a write failed), after a change to the
/// open windows or an inbox. Latest only: each one says all there is to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkspaceSaved {
    /// The open windows besides main, as written.
    pub windows: Vec<WindowLabel>,
    /// Messages kept in all inboxes, as written.
    pub messages: u32,
    /// Writes since the app started, this one included.
    pub writes: u32,
    /// Why this write failed (the file keeps what the last good write put there).
    pub error: Option<String>,
}

/// Rust to main: a choice in the app menu (or its shortcut). Main's page acts on it through
/// the same commands as its buttons, so that the ACL checks it and the trace shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum MenuChosen {
    /// New worker (Ctrl+N).
    NewWorker,
    /// Inspector (Ctrl+I).
    Inspector,
    /// Close window (Ctrl+W): the window that had the focus.
    CloseWindow {
        /// That window.
        label: WindowLabel,
    },
    /// Quit (Ctrl+Q).
    Quit,
}

/// A page to Rust: a note to the core. Untrusted: a malformed or oversized payload is refused
/// into the trace, never a panic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NoteToCore {
    /// The text (1 to 500 characters).
    pub text: String,
}

impl NoteToCore {
    /// The longest text accepted (the field's doc says it too, for TypeScript).
    pub const MAX_CHARS: usize = 500;
}

/// Rust to pages, to `main` (the only window allowed to emit): the core read a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CoreNoteAck {
    /// Characters in the note that was read.
    pub chars: u32,
    /// Notes read since start.
    pub total: u32,
}

/// Page to page: a note from one page to another window, sent to it by label.
///
/// It holds no sender: the plugin relays it over the receiving page's own Channel with the
/// label of the window that sent it, as the core knows it. A field the sending page filled in
/// would be whatever that page says (Tauri's events carry no sender,
/// docs/tauri-behaviour.md#routing-not-access).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DirectNote {
    /// The text.
    pub text: String,
}
