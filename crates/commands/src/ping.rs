//! The delayed reply: the command returns at once; a task sends [`DelayedPong`] back to the
//! calling window, and only to it, after the delay the caller chose.

use std::time::Duration;

use serde::Serialize;
use specta::Type;
use switchboard_events::{Audience, DelayedPong};
use tauri::{AppHandle, Manager, Runtime};

use crate::{AppError, Call, Outbox};

/// The longest delay accepted, in milliseconds.
pub const MAX_DELAY_MS: u32 = 60_000;

/// The immediate answer to `pingLater`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PingScheduled {
    /// When the pong will come, in milliseconds from now.
    pub due_in_ms: u32,
}

/// Sends a `DelayedPong` with `note` back to the calling window, and to it only, after
/// `delayMs` milliseconds (at most 60,000).
#[tauri::command]
#[specta::specta]
pub async fn ping_later<R: Runtime>(
    call: Call<R>,
    // Tauri's own injected `AppHandle`: the spawned task needs one that it owns.
    app: AppHandle<R>,
    delay_ms: u32,
    note: String,
) -> Result<PingScheduled, AppError> {
    call.run(|call| {
        let caller = call.caller;
        if delay_ms > MAX_DELAY_MS {
            return Err(AppError::invalid(format!(
                "delay is over {MAX_DELAY_MS} ms"
            )));
        }
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(Duration::from_millis(delay_ms.into())).await;
            let pong = DelayedPong { note, delay_ms };
            if let Err(e) =
                app.state::<Outbox>()
                    .send(&app, &Audience::One { label: caller }, &pong)
            {
                // The caller may have closed meanwhile; nobody is left to tell but the log.
                eprintln!("switchboard: delayed pong for {caller} not sent: {e}");
            }
        });
        Ok(PingScheduled {
            due_in_ms: delay_ms,
        })
    })
}
