//! The live IPC trace: every command call and every event Rust sends, kept in a ring and
//! streamed to subscribers over `ipc::Channel` (one message per entry, not one event each).

use std::{
    collections::VecDeque,
    sync::Mutex,
    time::{Duration, Instant},
};

use serde::Serialize;
use specta::Type;
use switchboard_events::{Audience, WindowLabel};
use tauri::{ipc::Channel, Manager, State};

use crate::{
    limits::Limit,
    outbox::{Sent, Transport},
    report::TraceReport,
    AppError, Call,
};

/// How many entries the trace keeps for late subscribers and exports.
pub const CAPACITY: usize = 500;

/// One line of the trace.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TraceEntry {
    /// A command ran (calls refused by Tauri's ACL never reach a command and are not here).
    #[serde(rename_all = "camelCase")]
    Command {
        /// Increasing from 1.
        id: u32,
        /// Milliseconds since the app started.
        at_ms: u32,
        /// The calling window.
        window: WindowLabel,
        /// The command's name.
        command: String,
        /// How long it ran, in microseconds.
        duration_us: u32,
        /// `null` when it succeeded, else the error's kind.
        error: Option<String>,
    },
    /// Rust sent an event.
    #[serde(rename_all = "camelCase")]
    Event {
        /// Increasing from 1.
        id: u32,
        /// Milliseconds since the app started.
        at_ms: u32,
        /// The event's name.
        name: String,
        /// Who it was for.
        audience: Audience,
        /// How it travelled: Tauri's `emit_to`, or each window's own Channel.
        transport: Transport,
        /// Windows it was emitted to at once.
        emitted: Vec<WindowLabel>,
        /// Windows not ready yet, for which it is held.
        held: Vec<WindowLabel>,
        /// Windows not ready yet that could hold no more: not sent to them.
        not_held: Vec<WindowLabel>,
        /// Size of the JSON payload.
        bytes: u32,
    },
    /// A page sent an event that Rust refused.
    #[serde(rename_all = "camelCase")]
    Refused {
        /// Increasing from 1.
        id: u32,
        /// Milliseconds since the app started.
        at_ms: u32,
        /// The event's name.
        name: String,
        /// Why.
        reason: String,
    },
}

/// The trace, managed as Tauri state.
pub struct Trace {
    started: Instant,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next_id: u32,
    recent: VecDeque<TraceEntry>,
    subscribers: Vec<(WindowLabel, Channel<TraceEntry>)>,
    /// When the exports of the last minute were made.
    exports: VecDeque<Instant>,
}

impl Default for Trace {
    fn default() -> Self {
        Trace {
            started: Instant::now(),
            inner: Mutex::default(),
        }
    }
}

fn saturating_u32(n: u128) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Trace {
    /// Records a finished command call.
    pub fn command(&self, window: WindowLabel, command: &str, took: Duration, error: Option<&str>) {
        self.push(|id, at_ms| TraceEntry::Command {
            id,
            at_ms,
            window,
            command: command.to_owned(),
            duration_us: saturating_u32(took.as_micros()),
            error: error.map(str::to_owned),
        });
    }

    /// Records an event sent by Rust, and what became of it.
    pub fn event(
        &self,
        name: &str,
        audience: &Audience,
        transport: Transport,
        sent: &Sent,
        bytes: usize,
    ) {
        self.push(|id, at_ms| TraceEntry::Event {
            id,
            at_ms,
            name: name.to_owned(),
            audience: audience.clone(),
            transport,
            emitted: sent.emitted.clone(),
            held: sent.held.clone(),
            not_held: sent.not_held.clone(),
            bytes: saturating_u32(bytes as u128),
        });
    }

    /// Records an event from a page that was refused.
    pub fn refused(&self, name: &str, reason: &str) {
        self.push(|id, at_ms| TraceEntry::Refused {
            id,
            at_ms,
            name: name.to_owned(),
            reason: reason.to_owned(),
        });
    }

    /// Sends every kept entry, oldest first, to `channel` of window `window`, then every new
    /// one as it comes. Returns how many were sent now. A window has one subscription: a new
    /// one replaces the old, so a page looping this cannot multiply the work of every entry.
    pub fn subscribe(&self, window: WindowLabel, channel: Channel<TraceEntry>) -> u32 {
        let mut inner = self.lock();
        inner.subscribers.retain(|(w, _)| *w != window);
        let mut sent = 0;
        for entry in &inner.recent {
            if channel.send(entry.clone()).is_err() {
                return sent;
            }
            sent += 1;
        }
        inner.subscribers.push((window, channel));
        sent
    }

    /// Drops the subscriptions of a window that closed or reloaded. Needed because a channel
    /// to a page that has gone still accepts sends without error.
    pub fn unsubscribe(&self, window: WindowLabel) {
        self.lock().subscribers.retain(|(w, _)| *w != window);
    }

    /// How many subscriptions there are.
    pub fn subscribers(&self) -> usize {
        self.lock().subscribers.len()
    }

    /// Counts an export for the [`Limit::TraceExports`] limit: at most that many a minute, so
    /// that a page looping exports cannot fill the disk.
    pub fn count_export(&self) -> Result<(), AppError> {
        let mut inner = self.lock();
        let now = Instant::now();
        inner
            .exports
            .retain(|at| now.duration_since(*at) < Duration::from_secs(60));
        Limit::TraceExports.check(inner.exports.len() + 1)?;
        inner.exports.push_back(now);
        Ok(())
    }

    /// The kept entries, oldest first.
    pub fn snapshot(&self) -> Vec<TraceEntry> {
        self.lock().recent.iter().cloned().collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A poisoned lock only means a panic elsewhere mid-push; the ring is still usable.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn push(&self, make: impl FnOnce(u32, u32) -> TraceEntry) {
        let at_ms = saturating_u32(self.started.elapsed().as_millis());
        let mut inner = self.lock();
        // Ids stop at the top rather than wrap: at one entry per microsecond that takes an
        // hour, and a repeated id would be worse than a stuck one.
        inner.next_id = inner.next_id.saturating_add(1);
        let entry = make(inner.next_id, at_ms);
        // A send that fails means the app is going down; such a subscriber is dropped too.
        inner
            .subscribers
            .retain(|(_, channel)| channel.send(entry.clone()).is_ok());
        if inner.recent.len() == CAPACITY {
            inner.recent.pop_front();
        }
        inner.recent.push_back(entry);
    }
}

/// Where an exported trace was written.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ExportedTrace {
    /// The file's path.
    pub path: String,
    /// Entries written.
    pub entries: u32,
}

/// Streams the trace to the calling window: the kept entries now, then each new one.
/// Returns how many kept entries were sent.
#[tauri::command]
#[specta::specta]
pub async fn subscribe_trace<R: tauri::Runtime>(
    call: Call<R>,
    trace: State<'_, Trace>,
    on_entry: Channel<TraceEntry>,
) -> Result<u32, AppError> {
    call.run(|call| Ok(trace.subscribe(call.caller, on_entry)))
}

/// Writes the kept trace as JSON (the `TraceReport` type, generated by ts-rs) to a new file in
/// the `traces` folder of the app's data folder, readable by the user only.
#[tauri::command]
#[specta::specta]
pub async fn export_trace<R: tauri::Runtime>(
    call: Call<R>,
    trace: State<'_, Trace>,
) -> Result<ExportedTrace, AppError> {
    call.run_async(|call| {
        let counted = trace.count_export();
        let report = TraceReport::from_entries(&trace.snapshot());
        let dir = call.app.path().app_data_dir().map(|d| d.join("traces"));
        async move {
            counted?;
            let dir = dir.map_err(AppError::from)?;
            // File work blocks; it runs on the blocking pool, not on the async runtime.
            tauri::async_runtime::spawn_blocking(move || report.write_to(&dir))
                .await
                .map_err(|e| AppError::internal(format!("export stopped: {e}")))?
        }
    })
    .await
}
