//! Switchboard, the engine of a multi-window Tauri app's typed IPC, as a plugin any app adds.
//!
//! The app brings its vocabulary ([`Vocabulary`]): its window labels (a [`Label`]), its
//! audiences (an [`Audience`]) and its events, each a payload type declared once with its
//! [`Route`] in an [`events!`] list. The plugin knows no label, event or command of any app;
//! everything here is generic over them.
//!
//! - [`route`]: how each event travels, and the [`Event`] trait the list implements.
//! - [`label`], [`audience`], [`vocabulary`]: what the app's types must be.
//! - [`outbox`]: delivery of every event Rust sends to pages: audience to labels, the ready
//!   gate, held events, batches over each page's own Channel, `emit_to` as the routed option.
//! - [`trace`]: every command call and send, kept in a ring and streamed to subscribers.
//! - [`delivery`]: what a send reports and how an event travels.
//! - [`owned`]: per-window tables of what pages started.
//! - [`untrusted`]: listening in Rust to what pages send, without trusting it.
//! - [`error`]: what the engine refuses.
//! - [`ids`] and [`lock`]: numbering that never wraps, and locks that survive a panic.

pub mod audience;
pub mod delivery;
pub mod error;
pub mod ids;
pub mod label;
pub mod lock;
pub mod outbox;
pub mod owned;
pub mod route;
pub mod trace;
pub mod untrusted;
pub mod vocabulary;

#[cfg(test)]
mod testing;

pub use audience::Audience;
pub use delivery::{Delivery, Inbox, Sent, Transport};
pub use error::Error;
pub use label::Label;
pub use outbox::{Outbox, HELD_EVENTS};
pub use owned::Owned;
pub use route::{Broadcast, Event, EventInfo, PageToPage, Route, Targeted, ToCore};
pub use trace::{Entry, LogLevel, Trace, TraceEntry};
pub use untrusted::{listen_untrusted, parse_payload, PayloadError, MAX_PAYLOAD_BYTES};
pub use vocabulary::Vocabulary;
