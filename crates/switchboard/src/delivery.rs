//! What a send reports and how an event travels, shared by the [`Outbox`](crate::Outbox) that
//! sends and the [`Trace`](crate::Trace) that records it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use specta::Type;
use tauri::ipc::Channel;

/// What happened to one send. Rust knows that it handed the event to Tauri for a window (or,
/// over a Channel, queued it in the window's next batch), not that the page has shown it, so
/// it says "emitted", not "delivered".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Sent<L> {
    /// Windows it was emitted to (or queued for, in their next batch) at once.
    pub emitted: Vec<L>,
    /// Windows still loading, for which it is held until they are ready.
    pub held: Vec<L>,
    /// Windows still loading that already hold as many events as they may
    /// (the plugin's `HELD_EVENTS`): not sent to them. Send again once they are ready.
    pub not_held: Vec<L>,
}

impl<L> Default for Sent<L> {
    fn default() -> Self {
        Sent {
            emitted: Vec::new(),
            held: Vec::new(),
            not_held: Vec::new(),
        }
    }
}

/// How an event travels to a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// Tauri's `emit_to`: routed to the window, but a page with raw IPC access can listen in.
    Event,
    /// The window's own Channel: private to its page.
    Channel,
}

/// A page's own Channel: each message is a batch of deliveries, oldest first.
pub type Inbox = Channel<Vec<Delivery>>;

/// One event over a window's own Channel. Only the core writes to a Channel, so a page takes
/// what comes this way as the core's word: Rust's events (`from` is `null`) and page-to-page
/// events the plugin relayed, with the label of the window that really sent them.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Delivery {
    /// The event's name.
    pub name: &'static str,
    /// Its payload: the JSON of the event named by `name` (the page's dispatcher gives it that
    /// event's type).
    #[specta(type = Unknown)]
    pub payload: Box<RawValue>,
    /// The window that sent a relayed page-to-page event, as the core knows it; `null` for
    /// what Rust sends.
    pub from: Option<String>,
}

/// TypeScript's `unknown`, for a payload whose type depends on another field.
struct Unknown;

impl specta::Type for Unknown {
    fn definition(_: &mut specta::Types) -> specta::datatype::DataType {
        specta::datatype::DataType::Reference(specta_typescript::define("unknown"))
    }
}
