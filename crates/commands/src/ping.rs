//! The delayed reply: the command returns at once; a task sends [`DelayedPong`] back to the
//! calling window, and only to it, after the delay the caller chose.

use std::{
    collections::HashMap,
    sync::{atomic::AtomicU32, Mutex},
    time::Duration,
};

use serde::Serialize;
use specta::Type;
use switchboard_events::{Audience, DelayedPong, WindowLabel};
use tauri::{async_runtime::JoinHandle, AppHandle, Manager, Runtime, State};

use crate::{ids, limits::Limit, AppError, Call, Outbox};

/// What is waiting: by ping id, the window that asked and the task that will answer.
type Pending = HashMap<u32, (WindowLabel, JoinHandle<()>)>;

/// The pings waiting for their delay, managed as Tauri state: at most
/// [`Limit::PendingPings`] per window, and all of a window's end when its page reloads or
/// closes (nobody would hear the pong).
#[derive(Debug, Default)]
pub struct Pings {
    next: AtomicU32,
    pending: Mutex<Pending>,
}

impl Pings {
    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts the ping task that `spawn` makes for `owner`, if the owner may have one more.
    fn schedule(
        &self,
        owner: WindowLabel,
        spawn: impl FnOnce(u32) -> JoinHandle<()>,
    ) -> Result<(), AppError> {
        // Held across the spawn, so that a task that finishes at once removes an entry that
        // is already there.
        let mut pending = self.pending();
        let mine = pending.values().filter(|(who, _)| *who == owner).count();
        Limit::PendingPings.check(mine + 1)?;
        let id = ids::take(&self.next).ok_or_else(|| AppError::internal("ping ids are used up"))?;
        pending.insert(id, (owner, spawn(id)));
        Ok(())
    }

    fn finished(&self, id: u32) {
        self.pending().remove(&id);
    }

    /// Ends every ping of `owner`; called when its page reloads or its window closes.
    pub fn stop_all_of(&self, owner: WindowLabel) {
        self.pending().retain(|_, (who, task)| {
            let theirs = *who == owner;
            if theirs {
                task.abort();
            }
            !theirs
        });
    }

    /// How many pings are waiting, for every window.
    pub fn count(&self) -> usize {
        self.pending().len()
    }

    /// How many pings are waiting for `owner`.
    pub fn pending_for(&self, owner: WindowLabel) -> usize {
        self.pending()
            .values()
            .filter(|(who, _)| *who == owner)
            .count()
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
        pings.schedule(caller, |id| {
            tauri::async_runtime::spawn(async move {
                tokio::time::sleep(Duration::from_millis(delay_ms.into())).await;
                let pong = DelayedPong { note, delay_ms };
                let to = Audience::One { label: caller };
                if let Err(e) = app.state::<Outbox>().send(&app, &to, &pong) {
                    // The caller may have closed meanwhile; nobody is left to tell but the log.
                    eprintln!("switchboard: delayed pong for {caller} not sent: {e}");
                }
                app.state::<Pings>().finished(id);
            })
        })?;
        Ok(PingScheduled {
            due_in_ms: delay_ms,
        })
    })
}
