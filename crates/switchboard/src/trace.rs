//! The live IPC trace: every command call and every event Rust sends, and the log's records,
//! kept in a ring and streamed to subscribers over `ipc::Channel`, in batches.
//!
//! Each message to a page is a script its webview runs, and work on the main thread that all
//! windows share; one per entry made every command cost one in the inspector. New entries now
//! gather for [`BATCH_WINDOW`] (or until [`BATCH_SIZE`] of them) and go out as one message.
//! (Most of what the inspector cost was drawing each entry; the page draws in batches too.)

use std::{
    collections::VecDeque,
    sync::Mutex,
    time::{Duration, Instant},
};

use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tokio::sync::Notify;

use crate::{lock::lock, Sent, Transport, Vocabulary};

/// How many entries the trace keeps for late subscribers and exports.
pub const CAPACITY: usize = 500;

/// How long new entries gather before they are sent: short enough to look live.
pub const BATCH_WINDOW: Duration = Duration::from_millis(50);

/// A batch this large is sent at once, by the call that fills it, so that a burst cannot
/// grow a batch without bound between two flushes.
pub const BATCH_SIZE: usize = 500;

/// A subscriber's Channel: each message is a batch of entries, oldest first.
pub type Subscriber<V> = Channel<Vec<Entry<V>>>;

/// A trace entry in an app's vocabulary.
pub type Entry<V> =
    TraceEntry<<V as Vocabulary>::Label, <V as Vocabulary>::Audience, <V as Vocabulary>::ErrorKind>;

/// One line of the trace: `L` is the app's label type, `A` its audience, `K` its error kind.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TraceEntry<L, A, K> {
    /// A command ran (calls refused by Tauri's ACL never reach a command and are not here).
    #[serde(rename_all = "camelCase")]
    Command {
        /// Increasing from 1.
        id: u32,
        /// Milliseconds since the app started.
        at_ms: u32,
        /// The calling window.
        window: L,
        /// The command's name.
        command: String,
        /// How long it ran, in microseconds.
        duration_us: u32,
        /// `null` when it succeeded, else the error's kind.
        error: Option<K>,
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
        audience: A,
        /// How it travelled: Tauri's `emit_to`, or each window's own Channel.
        transport: Transport,
        /// Windows it was emitted to at once.
        emitted: Vec<L>,
        /// Windows not ready yet, for which it is held.
        held: Vec<L>,
        /// Windows not ready yet that could hold no more: not sent to them.
        not_held: Vec<L>,
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
    /// A record of the log, so that the inspector shows it beside the calls.
    #[serde(rename_all = "camelCase")]
    Log {
        /// Increasing from 1.
        id: u32,
        /// Milliseconds since the app started.
        at_ms: u32,
        /// How serious.
        level: LogLevel,
        /// Where it came from: a Rust module path.
        target: String,
        /// What it says.
        message: String,
    },
}

/// The level of a [`TraceEntry::Log`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum LogLevel {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl From<log::Level> for LogLevel {
    fn from(level: log::Level) -> Self {
        match level {
            log::Level::Error => LogLevel::Error,
            log::Level::Warn => LogLevel::Warn,
            log::Level::Info => LogLevel::Info,
            log::Level::Debug => LogLevel::Debug,
            log::Level::Trace => LogLevel::Trace,
        }
    }
}

/// The trace, managed as Tauri state.
pub struct Trace<V: Vocabulary> {
    started: Instant,
    inner: Mutex<Inner<V>>,
    /// Wakes the flusher (see `flush_in_batches`) when entries are pending.
    pending_entries: Notify,
}

struct Inner<V: Vocabulary> {
    next_id: u32,
    recent: VecDeque<Entry<V>>,
    subscribers: Vec<(V::Label, Subscriber<V>)>,
    /// Entries not yet sent to the subscribers, oldest first.
    pending: Vec<Entry<V>>,
}

impl<V: Vocabulary> Default for Inner<V> {
    fn default() -> Self {
        Inner {
            next_id: 0,
            recent: VecDeque::new(),
            subscribers: Vec::new(),
            pending: Vec::new(),
        }
    }
}

impl<V: Vocabulary> Inner<V> {
    /// Sends the pending entries to every subscriber as one message. A send that fails means
    /// the app is going down; such a subscriber is dropped.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let batch = std::mem::take(&mut self.pending);
        self.subscribers
            .retain(|(_, channel)| channel.send(batch.clone()).is_ok());
    }
}

impl<V: Vocabulary> Default for Trace<V> {
    fn default() -> Self {
        Trace {
            started: Instant::now(),
            inner: Mutex::default(),
            pending_entries: Notify::new(),
        }
    }
}

fn saturating_u32(n: u128) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<V: Vocabulary> Trace<V> {
    /// Records a finished command call.
    pub fn command(
        &self,
        window: V::Label,
        command: &str,
        took: Duration,
        error: Option<V::ErrorKind>,
    ) {
        self.push(|id, at_ms| TraceEntry::Command {
            id,
            at_ms,
            window,
            command: command.to_owned(),
            duration_us: saturating_u32(took.as_micros()),
            error,
        });
    }

    /// Records an event sent by Rust, and what became of it.
    pub fn event(
        &self,
        name: &str,
        audience: &V::Audience,
        transport: Transport,
        sent: &Sent<V::Label>,
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

    /// Records a record of the log. Never call it where a lock of the trace may be held on
    /// this thread (from inside a logger, say): it takes that lock. See `app/src/logging.rs`.
    pub fn log(&self, level: LogLevel, target: &str, message: String) {
        self.push(|id, at_ms| TraceEntry::Log {
            id,
            at_ms,
            level,
            target: target.to_owned(),
            message,
        });
    }

    /// Sends every kept entry, oldest first, to `channel` of window `window` in one batch, then
    /// the new ones in batches as they come. Returns how many were sent now. A window has one
    /// subscription: a new one replaces the old, so a page looping this cannot multiply the
    /// work of every entry.
    pub(crate) fn subscribe(&self, window: V::Label, channel: Subscriber<V>) -> u32 {
        let mut inner = self.lock();
        inner.subscribers.retain(|(w, _)| *w != window);
        // Pending entries are also in `recent`: out to the others first, so that the new
        // subscriber gets each entry once.
        inner.flush();
        let kept: Vec<Entry<V>> = inner.recent.iter().cloned().collect();
        let sent = kept.len() as u32;
        if channel.send(kept).is_err() {
            return 0;
        }
        inner.subscribers.push((window, channel));
        sent
    }

    /// Sends the pending entries every [`BATCH_WINDOW`] while there are any; runs for as long
    /// as the app. Started once, by the plugin.
    pub(crate) async fn flush_in_batches(&self) {
        loop {
            self.pending_entries.notified().await;
            tokio::time::sleep(BATCH_WINDOW).await;
            self.flush();
        }
    }

    /// Sends the pending entries now instead of at the end of the batch window.
    pub fn flush(&self) {
        self.lock().flush();
    }

    /// Drops the subscriptions of a window that closed or reloaded. Needed because a channel
    /// to a page that has gone still accepts sends without error.
    pub(crate) fn unsubscribe(&self, window: V::Label) {
        self.lock().subscribers.retain(|(w, _)| *w != window);
    }

    /// How many subscriptions there are.
    pub fn subscribers(&self) -> usize {
        self.lock().subscribers.len()
    }

    /// The kept entries, oldest first.
    pub fn snapshot(&self) -> Vec<Entry<V>> {
        self.lock().recent.iter().cloned().collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<V>> {
        lock(&self.inner)
    }

    fn push(&self, make: impl FnOnce(u32, u32) -> Entry<V>) {
        let at_ms = saturating_u32(self.started.elapsed().as_millis());
        let mut inner = self.lock();
        // Ids stop at the top rather than wrap: at one entry per microsecond that takes an
        // hour, and a repeated id would be worse than a stuck one.
        inner.next_id = inner.next_id.saturating_add(1);
        let entry = make(inner.next_id, at_ms);
        if !inner.subscribers.is_empty() {
            inner.pending.push(entry.clone());
            if inner.pending.len() >= BATCH_SIZE {
                inner.flush();
            } else {
                self.pending_entries.notify_one();
            }
        }
        if inner.recent.len() == CAPACITY {
            inner.recent.pop_front();
        }
        inner.recent.push_back(entry);
    }
}
