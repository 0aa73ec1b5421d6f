//! The demo's vocabulary as the plugin's engine sees it, and the engine's types in it, so that
//! the rest of this crate names `Switchboard` or `Sent` without repeating the vocabulary.

use switchboard_events::{Audience, WindowLabel};
use tauri_plugin_switchboard as switchboard;

use crate::error::ErrorKind;

/// Switchboard's demo: its labels, audiences and error kinds.
pub struct Demo;

impl switchboard::Vocabulary for Demo {
    type Label = WindowLabel;
    type Audience = Audience;
    type ErrorKind = ErrorKind;
    const EVENTS: &'static [switchboard::EventInfo] = switchboard_events::EVENTS;
}

/// The engine in the demo's vocabulary: delivery to its windows and the live trace.
pub type Switchboard = switchboard::Switchboard<Demo>;
/// One line of the trace.
pub type TraceEntry = switchboard::Entry<Demo>;
/// What a command knows of its invocation (its caller, for the trace and the panic guard).
pub type Call<R> = switchboard::Call<R, Demo>;
/// What became of one send.
pub type Sent = switchboard::Sent<WindowLabel>;
