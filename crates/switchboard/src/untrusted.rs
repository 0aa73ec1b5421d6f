//! Listening in Rust to events that pages send, without trusting their payloads.
//!
//! A panic in a Rust listener poisons Tauri's listener lock, so that every later Rust listener
//! stops (docs/tauri-behaviour.md#listener-panics). Here a bad payload becomes a [`PayloadError`] handed to the handler, and a panic in
//! the handler itself is caught and logged. Only [`ToCore`] events can be listened to: the
//! route says pages send them.

use std::panic::{catch_unwind, AssertUnwindSafe};

use tauri::{EventId, Listener, Runtime};

use crate::{parse_payload, PayloadError, ToCore};

/// Listens for `E` from every page and hands each payload, parsed or refused, to `handler`.
pub fn listen_untrusted<E, R, L, F>(listener: &L, handler: F) -> EventId
where
    E: ToCore,
    R: Runtime,
    L: Listener<R>,
    F: Fn(Result<E, PayloadError>) + Send + Sync + 'static,
{
    listener.listen_any(E::NAME, move |event| {
        let parsed = parse_payload::<E>(event.payload());
        if catch_unwind(AssertUnwindSafe(|| handler(parsed))).is_err() {
            log::error!("the handler of event `{}` panicked; listener kept", E::NAME);
        }
    })
}
