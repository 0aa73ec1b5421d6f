//! Every event Rust sends to pages goes through the [`Outbox`] (by way of the
//! [`Switchboard`](crate::Switchboard), which traces each send): it resolves the audience,
//! refuses closed windows, and holds what is meant for a window that has not registered its
//! listeners yet.
//!
//! Tauri drops events emitted before a page listens
//! (docs/tauri-behaviour.md#lost-before-listening). So a window counts as not ready from the
//! moment its page starts loading until the page calls `window_ready`; events for it meanwhile
//! are queued and flushed, in order, by that call. Sends and flushes happen under one lock, so
//! nothing overtakes a held event.
//!
//! Two transports reach a window. [`Transport::Channel`] is the window's own `ipc::Channel`,
//! which its page hands over in `window_ready`: only that page receives it, whatever any other
//! page does, and only its webview does any work. Everything the app sends goes this way, in
//! batches (`Batches`): each Channel message is a script the webview runs on the main thread,
//! so what is sent while the main thread is busy goes out together, as one message.
//! [`Transport::Event`] is Tauri's `emit_to`, kept as the routed path that main's send box
//! demonstrates: routing only, since any page allowed to listen can register a listener that
//! hears other windows' events (docs/tauri-behaviour.md#routing-not-access), and it costs
//! main-thread work in every window listening to that event name
//! (docs/tauri-behaviour.md#emit-to-costs-every-window).

use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    sync::{Arc, Mutex, MutexGuard},
};

use serde::Serialize;
use serde_json::value::RawValue;
use tauri::{AppHandle, Emitter, EventTarget, Manager, Runtime};

use crate::{lock::lock, Audience, Delivery, Error, Event, Inbox, Sent, Transport, Vocabulary};

/// Most events held for one window that is still loading. Events whose latest value is all
/// that matters (`latest` in the event list) are kept as that value and do not count.
pub const HELD_EVENTS: u32 = 256;

/// What names an event on its way: its name, whether only its latest value matters, and the
/// window that sent it when the plugin relays a page's event.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) name: &'static str,
    /// Only the latest of these matters (the window list, the counter): holding a newer one
    /// replaces the older, and such events do not count against the limit.
    pub(crate) latest_only: bool,
    /// `None` for what Rust sends.
    pub(crate) from: Option<String>,
}

impl Heading {
    /// The heading of Rust's event `E`.
    pub(crate) fn of<E: Event>() -> Self {
        Heading {
            name: E::NAME,
            latest_only: E::LATEST_ONLY,
            from: None,
        }
    }
}

/// An event addressed and serialized, once, for all its windows: emitted at once to those that
/// are ready, held for those still loading.
#[derive(Debug, Clone)]
struct Envelope {
    heading: Heading,
    transport: Transport,
    /// Serialized once, when sent; copied as is into each delivery.
    payload: Box<RawValue>,
}

pub(crate) fn to_json<L>(event: &impl Serialize) -> Result<Box<RawValue>, Error<L>> {
    serde_json::value::to_raw_value(event).map_err(|e| Error::Internal(e.to_string()))
}

/// Holds `item` for a loading window. Returns false, holding nothing, when the queue is full.
fn hold(queue: &mut VecDeque<Envelope>, item: Envelope) -> bool {
    if item.heading.latest_only {
        queue.retain(|held| held.heading.name != item.heading.name);
    } else if queue
        .iter()
        .filter(|held| !held.heading.latest_only)
        .count()
        >= HELD_EVENTS as usize
    {
        return false;
    }
    queue.push_back(item);
    true
}

/// Deliveries waiting for the main thread, by the window and id of the Channel they go to
/// (ids are chosen by pages, so only the pair is sure to be unique). The first
/// delivery for a Channel asks the main thread to send the batch; whatever is added before it
/// runs goes in the same message, up to [`BATCH_MAX`]. Order is kept: one batch per Channel,
/// appended in sending order (every push happens under the Outbox's lock), and a window's
/// batch is sent before anything goes to it by `emit_to`.
struct Batches<L>(Arc<Mutex<BatchMap<L>>>);

impl<L> Default for Batches<L> {
    fn default() -> Self {
        Batches(Arc::default())
    }
}

impl<L> Clone for Batches<L> {
    fn clone(&self) -> Self {
        Batches(self.0.clone())
    }
}

/// A batch this large is sent at once, so that a flood makes many messages of bounded size
/// rather than one huge one.
pub const BATCH_MAX: usize = 500;

/// A Channel's key (window, id) -> the Channel and what waits for it.
type BatchMap<L> = HashMap<(L, u32), (Inbox, Vec<Delivery>)>;

impl<L: crate::Label> Batches<L> {
    fn lock(&self) -> MutexGuard<'_, BatchMap<L>> {
        lock(&self.0)
    }

    /// Adds `delivery` to the batch for `label`'s `inbox`; false if the app can no longer send
    /// anything.
    fn push<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        label: L,
        inbox: &Inbox,
        delivery: Delivery,
    ) -> bool {
        let key = (label, inbox.id());
        let (first, full) = {
            let mut batches = self.lock();
            let (_, batch) = batches
                .entry(key)
                .or_insert_with(|| (inbox.clone(), Vec::new()));
            batch.push(delivery);
            (batch.len() == 1, batch.len() >= BATCH_MAX)
        };
        if full {
            // Queued now, so before anything pushed after it; the task scheduled for this
            // batch sends the next one, or finds nothing.
            self.send(key);
        }
        // Outside the lock: on the main thread the task runs at once.
        if first {
            let batches = self.clone();
            if app.run_on_main_thread(move || batches.send(key)).is_err() {
                self.lock().remove(&key);
                return false;
            }
        }
        true
    }

    /// Sends at once what waits for `label`, so that an event sent to it by another way
    /// comes after.
    fn send_now(&self, label: L) {
        let keys: Vec<_> = self
            .lock()
            .keys()
            .filter(|k| k.0 == label)
            .copied()
            .collect();
        for key in keys {
            self.send(key);
        }
    }

    /// Sends the batch for `key` as one message. Taking a batch and handing it to its Channel
    /// happen under one lock, so that no later batch, and no `emit_to` after `send_now`, can
    /// be handed over first. (Handing over only queues a script: nothing here waits on a page.)
    fn send(&self, key: (L, u32)) {
        let mut batches = self.lock();
        let Some((inbox, batch)) = batches.remove(&key) else {
            return;
        };
        if let Err(e) = inbox.send(batch) {
            log::warn!("a batch of events not sent: {e}");
        }
    }
}

enum Readiness {
    /// Its page listens; events over its Channel go to `inbox`.
    Ready(Inbox),
    Loading(VecDeque<Envelope>),
}

/// The delivery state of every open window, managed as Tauri state.
///
/// The Outbox keeps its own list of open windows rather than asking Tauri on each send:
/// listing Tauri's windows clones a handle to each, and a burst spent most of its time there.
/// A window is open from `mark_loading` (called before it is built) until
/// `remove`; a send naming any other window fails.
pub struct Outbox<V: Vocabulary> {
    windows: Mutex<BTreeMap<V::Label, Readiness>>,
    batches: Batches<V::Label>,
}

impl<V: Vocabulary> Default for Outbox<V> {
    fn default() -> Self {
        Outbox {
            windows: Mutex::default(),
            batches: Batches::default(),
        }
    }
}

/// Emits one event to one window, by its transport: over its Channel, in the next batch. A
/// failure (the window vanished mid-send) is logged and reported as not emitted; it does not
/// stop the others.
fn emit<R: Runtime, L: crate::Label>(
    app: &AppHandle<R>,
    batches: &Batches<L>,
    label: L,
    inbox: &Inbox,
    envelope: &Envelope,
) -> bool {
    let emitted = match envelope.transport {
        // `labeled` reaches window, webview and webview-window listeners of that label alone.
        Transport::Event => {
            batches.send_now(label);
            app.emit_to(
                EventTarget::labeled(label.to_string()),
                envelope.heading.name,
                &envelope.payload,
            )
            .map_err(|e| e.to_string())
        }
        Transport::Channel => {
            let delivery = Delivery {
                name: envelope.heading.name,
                payload: envelope.payload.clone(),
                from: envelope.heading.from.clone(),
            };
            match batches.push(app, label, inbox, delivery) {
                true => Ok(()),
                false => Err("the app is shutting down".to_owned()),
            }
        }
    };
    if let Err(e) = &emitted {
        log::warn!("`{}` not emitted to {label}: {e}", envelope.heading.name);
    }
    emitted.is_ok()
}

impl<V: Vocabulary> Outbox<V> {
    fn lock(&self) -> MutexGuard<'_, BTreeMap<V::Label, Readiness>> {
        lock(&self.windows)
    }

    /// Marks `label` open and loading: what is sent to it from now on is held until its page
    /// is ready. Called before a window is built and whenever its page starts (re)loading.
    /// What is already held stays held: a new window's page reports that it started loading
    /// after the window was opened, and events may have been sent to it in between.
    pub(crate) fn mark_loading(&self, label: V::Label) {
        let mut windows = self.lock();
        if !matches!(windows.get(&label), Some(Readiness::Loading(_))) {
            windows.insert(label, Readiness::Loading(VecDeque::new()));
        }
    }

    /// Removes a closed window, dropping anything held for it; returns how many were dropped.
    /// Sends naming it fail from now on.
    pub(crate) fn remove(&self, label: V::Label) -> usize {
        match self.lock().remove(&label) {
            Some(Readiness::Loading(queue)) => queue.len(),
            _ => 0,
        }
    }

    /// The open windows, sorted.
    pub fn open(&self) -> Vec<V::Label> {
        self.lock().keys().copied().collect()
    }

    /// Marks `label` ready, with `inbox` as its private Channel, and delivers what was held for
    /// it, in order. Returns how many.
    pub(crate) fn ready<R: Runtime>(
        &self,
        app: &impl Manager<R>,
        label: V::Label,
        inbox: Inbox,
    ) -> Result<u32, Error<V::Label>> {
        let mut windows = self.lock();
        let ready = Readiness::Ready(inbox.clone());
        // A window closed while its page was getting ready: nothing to mark.
        let state = windows
            .get_mut(&label)
            .ok_or(Error::WindowNotFound(label))?;
        let held = std::mem::replace(state, ready);
        let Readiness::Loading(queue) = held else {
            return Ok(0);
        };
        let app = app.app_handle();
        Ok(queue
            .iter()
            .filter(|item| emit(app, &self.batches, label, &inbox, item))
            .count() as u32)
    }

    /// Sends the event `heading` names, whose payload `payload` makes once the targets are
    /// known to be open (under the lock, so a close, a ready or another send cannot
    /// interleave). Returns what became of it and the payload's size, for the trace.
    pub(crate) fn deliver<R, M, Err>(
        &self,
        app: &M,
        audience: &V::Audience,
        heading: Heading,
        transport: Transport,
        payload: impl FnOnce() -> Result<Box<RawValue>, Err>,
    ) -> Result<(Sent<V::Label>, usize), Err>
    where
        R: Runtime,
        M: Manager<R> + Emitter<R>,
        Err: From<Error<V::Label>>,
    {
        let mut sent = Sent::default();
        let bytes;
        {
            // Under the lock, so that a close, a ready or another send cannot interleave.
            let mut windows = self.lock();
            let open: Vec<V::Label> = windows.keys().copied().collect();
            let targets = audience.resolve(&open);
            if let Some(missing) = targets.iter().find(|l| !windows.contains_key(l)) {
                return Err(Error::WindowNotFound(*missing).into());
            }
            let payload = payload()?;
            bytes = payload.get().len();
            let item = Envelope {
                heading,
                transport,
                payload,
            };
            for label in targets {
                // Every target is in the map (checked above); `else` only keeps this total.
                let Some(state) = windows.get_mut(&label) else {
                    continue;
                };
                match state {
                    Readiness::Ready(inbox) => {
                        if emit(app.app_handle(), &self.batches, label, inbox, &item) {
                            sent.emitted.push(label);
                        }
                    }
                    Readiness::Loading(queue) => {
                        if hold(queue, item.clone()) {
                            sent.held.push(label);
                        } else {
                            sent.not_held.push(label);
                        }
                    }
                }
            }
        }
        Ok((sent, bytes))
    }

    /// How many events are held, for every window still loading.
    pub fn held_total(&self) -> usize {
        self.lock()
            .values()
            .map(|state| match state {
                Readiness::Loading(queue) => queue.len(),
                _ => 0,
            })
            .sum()
    }

    /// How many events are held for `label` (0 when it is ready or unknown).
    pub fn held_for(&self, label: V::Label) -> usize {
        match self.lock().get(&label) {
            Some(Readiness::Loading(queue)) => queue.len(),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Test, Win};

    #[test]
    fn a_window_is_open_from_mark_loading_until_removed() {
        let outbox = Outbox::<Test>::default();
        outbox.mark_loading(Win(2));
        outbox.mark_loading(Win(0));
        outbox.mark_loading(Win(2));
        assert_eq!(outbox.open(), [Win(0), Win(2)]);
        assert_eq!(outbox.remove(Win(2)), 0);
        assert_eq!(outbox.remove(Win(2)), 0);
        assert_eq!(outbox.open(), [Win(0)]);
    }

    #[test]
    fn a_full_queue_refuses_messages_but_keeps_the_latest_state() {
        let item = |name, latest_only| Envelope {
            heading: Heading {
                name,
                latest_only,
                from: None,
            },
            transport: Transport::Event,
            payload: to_json::<Win>(&()).unwrap(),
        };
        let mut queue = VecDeque::new();
        for _ in 0..HELD_EVENTS {
            assert!(hold(&mut queue, item("inbox-message", false)));
        }
        assert!(!hold(&mut queue, item("inbox-message", false)));
        assert!(hold(&mut queue, item("counter-changed", true)));
        assert!(hold(&mut queue, item("counter-changed", true)));
        assert_eq!(queue.len(), HELD_EVENTS as usize + 1);
    }
}
