//! Listening in Rust to events that pages send, without trusting their payloads.
//!
//! A panic in a Rust listener poisons Tauri's listener lock, so that every later Rust listener
//! stops (docs/tauri-behaviour.md#listener-panics). Here a bad payload becomes a [`PayloadError`] handed to the handler, and a panic in
//! the handler itself is caught and logged. Only [`ToCore`] events can be listened to: the
//! route says pages send them.

use std::panic::{catch_unwind, AssertUnwindSafe};

use serde::de::DeserializeOwned;
use tauri::{EventId, Listener, Runtime};

use crate::ToCore;

/// Why a page's event payload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// Larger than events may be.
    #[error("payload of {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// Bytes received.
        size: usize,
        /// Bytes allowed.
        limit: usize,
    },
    /// Not the JSON shape of the event type.
    #[error("malformed payload: {0}")]
    Malformed(String),
}

/// Largest event payload accepted from a page, in bytes of JSON: events travel inline in a
/// script, and bulk data belongs on a Channel.
pub const MAX_PAYLOAD_BYTES: usize = 8 * 1024;

/// Parses one raw payload as `E`.
pub fn parse_payload<E: DeserializeOwned>(raw: &str) -> Result<E, PayloadError> {
    if raw.len() > MAX_PAYLOAD_BYTES {
        return Err(PayloadError::TooLarge {
            size: raw.len(),
            limit: MAX_PAYLOAD_BYTES,
        });
    }
    serde_json::from_str(raw).map_err(|e| PayloadError::Malformed(e.to_string()))
}

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

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize, specta::Type)]
    struct Note {
        text: String,
    }

    #[test]
    fn parses_good_and_reports_bad() {
        assert_eq!(
            parse_payload::<Note>(r#"{"text":"hi"}"#),
            Ok(Note { text: "hi".into() })
        );
        assert!(matches!(
            parse_payload::<Note>(r#"{"txt":1}"#),
            Err(PayloadError::Malformed(_))
        ));
        assert!(matches!(
            parse_payload::<Note>("not json"),
            Err(PayloadError::Malformed(_))
        ));
        let big = format!(r#"{{"text":"{}"}}"#, "x".repeat(MAX_PAYLOAD_BYTES));
        assert!(matches!(
            parse_payload::<Note>(&big),
            Err(PayloadError::TooLarge { .. })
        ));
    }
}
