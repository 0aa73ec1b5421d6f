//! The delayed reply: the command returns at once; a task sends [`DelayedPong`] back to the
//! calling window, and only to it, after the delay the caller chose.

use std::time::Duration;

use serde::Serialize;
use specta::Type;
use switchboard_events::{Audience, DelayedPong, WindowLabel};
use tauri::{async_runtime::JoinHandle, AppHandle, Manager, Runtime, State};

use tauri_plugin_switchboard::Owned;

use crate::{limits::Limit, AppError, Call, Switchboard};

/// The pings waiting for their delay, managed as Tauri state: at most
/// [`Limit::PendingPings`] per window, and all of a window's end when its page reloads or
/// closes (nobody would hear the pong).
#[derive(Debug, Default)]
pub struct Pings {
    pending: Owned<WindowLabel, JoinHandle<()>>,
}

impl Pings {
    /// Ends every ping of `owner`; called when its page reloads or its window closes.
    pub fn stop_all_of(&self, owner: WindowLabel) {
        self.pending.end_all_of(owner, JoinHandle::abort);
    }

    /// How many pings are waiting, for every window.
    pub fn count(&self) -> usize {
        self.pending.count()
    }

    /// How many pings are waiting for `owner`.
    pub fn pending_for(&self, owner: WindowLabel) -> usize {
        self.pending.count_of(owner)
    }
}

/// The immediate answer to `pingLater`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PingScheduled {
    /// When the pong will come, in milliseconds from now.
    pub due_in_ms: u32,
}

/// Sends a `DelayedPong` with `note` back to the calling window, and to it only, after
/// `delayMs` milliseconds (at most 60,000; at most 4 pings waiting per window).
#[tauri::command]
#[specta::specta]
pub async fn ping_later<R: Runtime>(
    call: Call<R>,
    // Tauri's own injected `AppHandle`: the spawned task needs one that it owns.
    app: AppHandle<R>,
    pings: State<'_, Pings>,
    delay_ms: u32,
    note: String,
) -> Result<PingScheduled, AppError> {
    call.run(|call| {
        let caller = call.caller;
        Limit::PingDelayMs.check(delay_ms as usize)?;
        Limit::PingNoteChars.check(note.chars().count())?;
        pings.pending.add(
            caller,
            |n| Limit::PendingPings.check(n),
            |id| {
                tauri::async_runtime::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(delay_ms.into())).await;
                    let pong = DelayedPong { note, delay_ms };
                    let to = Audience::One { label: caller };
                    if let Err(e) = app.state::<Switchboard>().send(&app, &to, &pong) {
                        // The caller may have closed meanwhile; nobody is left to tell but the log.
                        log::info!("delayed pong for {caller} not sent: {e}");
                    }
                    app.state::<Pings>().pending.remove(id);
                })
            },
        )?;
        Ok(PingScheduled {
            due_in_ms: delay_ms,
        })
    })
}
