//! The demo's vocabulary: window labels, audiences and every typed event payload, each with
//! its route declared once, below, in the plugin's `events!` list.
//!
//! This crate knows no commands, holds no state and names no Tauri API (it reaches Tauri only
//! through the plugin, whose traits its types implement). It says *what*
//! can be sent, *which way* and *to whom*; the plugin's engine delivers it, and
//! `switchboard-commands` decides *when*.

mod audience;
mod label;
mod payloads;

pub use audience::Audience;
pub use label::{LabelError, WindowKind, WindowLabel, MAX_WORKER};
pub use payloads::*;

// The one list of events: a payload type becomes an event only here, so an event that is not
// listed cannot be sent (the Switchboard sends `Broadcast` or `Targeted` ones), listened to in Rust
// (`ToCore`) or used by a page (it is missing from `bindings/events.ts`).
tauri_plugin_switchboard::events! {
    InboxMessage = "inbox-message", Targeted;
    CounterChanged = "counter-changed", Broadcast, latest;
    WindowsChanged = "windows-changed", Targeted, latest;
    DelayedPong = "delayed-pong", Targeted;
    CoreNoteAck = "core-note-ack", Targeted;
    LaunchedAgain = "launched-again", Targeted;
    MenuChosen = "menu-chosen", Targeted;
    WorkspaceSaved = "workspace-saved", Targeted, latest;
    NoteToCore = "note-to-core", ToCore;
    DirectNote = "direct-note", PageToPage;
}

#[cfg(test)]
mod tests {
    use tauri_plugin_switchboard::{Event, Route};

    use super::*;

    #[test]
    fn names_are_unique_and_kebab_case_of_the_type() {
        let mut seen = std::collections::HashSet::new();
        for event in EVENTS {
            assert!(seen.insert(event.name), "{} twice", event.name);
            let mut kebab = String::new();
            for (i, c) in event.type_name.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    kebab.push('-');
                }
                kebab.push(c.to_ascii_lowercase());
            }
            assert_eq!(event.name, kebab, "{}", event.type_name);
        }
    }

    /// Every payload type in `payloads.rs` is an event of the list: one left out would compile
    /// (until something sends it) and be missing from the bindings.
    #[test]
    fn every_payload_type_is_registered() {
        let source = include_str!("payloads.rs");
        let declared: Vec<&str> = source
            .lines()
            .filter_map(|l| {
                l.strip_prefix("pub struct ")
                    .or_else(|| l.strip_prefix("pub enum "))
            })
            .map(|rest| rest.split([' ', '{', '(']).next().unwrap_or(rest))
            .collect();
        for name in &declared {
            assert!(
                EVENTS.iter().any(|e| e.type_name == *name),
                "{name} is not in the event list in lib.rs"
            );
        }
        assert_eq!(declared.len(), EVENTS.len(), "{declared:?}");
    }

    #[test]
    fn the_trait_and_the_list_agree() {
        let route = |name: &str| EVENTS.iter().find(|e| e.name == name).map(|e| e.route);
        assert_eq!(route(InboxMessage::NAME), Some(InboxMessage::ROUTE));
        assert_eq!(route(NoteToCore::NAME), Some(Route::ToCore));
        assert_eq!(route(CounterChanged::NAME), Some(Route::Broadcast));
        assert_eq!(route(DirectNote::NAME), Some(Route::PageToPage));
    }
}
