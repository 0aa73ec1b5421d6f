//! Switchboard's event vocabulary: window labels, audiences and every typed event payload.
//!
//! This crate knows no commands and holds no state. It says *what* can be sent and *to whom*;
//! `switchboard-commands` decides *when* and keeps the delivery bookkeeping.

mod audience;
mod label;
mod payloads;
mod untrusted;

pub use audience::Audience;
pub use label::{LabelError, WindowKind, WindowLabel};
pub use payloads::*;
pub use untrusted::{listen_untrusted, parse_payload, PayloadError, MAX_PAYLOAD_BYTES};

/// Every event type, for `tauri_specta::Builder::events`. An event missing here panics when it
/// is first emitted, so this is the one list to extend when adding an event.
#[macro_export]
macro_rules! all_events {
    () => {
        ::tauri_specta::collect_events![
            $crate::InboxMessage,
            $crate::CounterChanged,
            $crate::WindowsChanged,
            $crate::DelayedPong,
            $crate::NoteToCore,
            $crate::CoreNoteAck,
            $crate::DirectNote,
        ]
    };
}
