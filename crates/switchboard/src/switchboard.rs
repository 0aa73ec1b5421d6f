//! The plugin's one managed state: the [`Outbox`] and the [`Trace`] of an app's vocabulary,
//! reached as `app.switchboard::<V>()` ([`SwitchboardExt`]). Every send goes through it, so
//! that each is delivered and traced alike.

use tauri::{Emitter, Manager, Runtime, State};

use crate::{
    lane::Lane,
    outbox::{to_json, Heading},
    Audience, Broadcast, Error, Outbox, Route, Sent, Targeted, Trace, Transport, Vocabulary,
};

/// The engine of an app whose vocabulary is `V`, managed by the plugin.
pub struct Switchboard<V: Vocabulary> {
    outbox: Outbox<V>,
    trace: Trace<V>,
    lane: Lane<V::Label>,
}

impl<V: Vocabulary> Default for Switchboard<V> {
    fn default() -> Self {
        Switchboard {
            outbox: Outbox::default(),
            trace: Trace::default(),
            lane: Lane::default(),
        }
    }
}

impl<V: Vocabulary> Switchboard<V> {
    /// Delivery to each window: its readiness, what is held for it.
    pub fn outbox(&self) -> &Outbox<V> {
        &self.outbox
    }

    /// The bulk lane, which large responses take turns on.
    pub fn lane(&self) -> &Lane<V::Label> {
        &self.lane
    }

    /// The live trace of calls, sends and log records.
    pub fn trace(&self) -> &Trace<V> {
        &self.trace
    }

    /// The open windows, sorted.
    pub fn open(&self) -> Vec<V::Label> {
        self.outbox.open()
    }

    /// Sends a targeted `event` to `audience`, over each window's Channel. Fails, sending
    /// nothing, if the audience names a window that is not open.
    pub fn send<R, M, E>(
        &self,
        app: &M,
        audience: &V::Audience,
        event: &E,
    ) -> Result<Sent<V::Label>, Error<V::Label>>
    where
        R: Runtime,
        M: Manager<R> + Emitter<R>,
        E: Targeted,
    {
        let delivered = self.outbox.deliver::<R, M, _>(
            app,
            audience,
            Heading::of::<E>(),
            Transport::Channel,
            || to_json(event),
        );
        self.traced(E::NAME, audience, Transport::Channel, delivered)
    }

    /// Sends a broadcast `event` to every open window, over each window's Channel.
    pub fn broadcast<R, M, E>(&self, app: &M, event: &E) -> Result<Sent<V::Label>, Error<V::Label>>
    where
        R: Runtime,
        M: Manager<R> + Emitter<R>,
        E: Broadcast,
    {
        let all = V::Audience::all();
        let delivered = self.outbox.deliver::<R, M, _>(
            app,
            &all,
            Heading::of::<E>(),
            Transport::Channel,
            || to_json(event),
        );
        self.traced(E::NAME, &all, Transport::Channel, delivered)
    }

    /// Sends a targeted event by `transport`, built by `make` once the audience is known to be
    /// open, under the same lock as every send: whatever `make` numbers is numbered in sending
    /// order, and a send that fails takes no number. `make` fails with the app's own error.
    pub fn send_with<R, M, E, Err>(
        &self,
        app: &M,
        audience: &V::Audience,
        transport: Transport,
        make: impl FnOnce() -> Result<E, Err>,
    ) -> Result<Sent<V::Label>, Err>
    where
        R: Runtime,
        M: Manager<R> + Emitter<R>,
        E: Targeted,
        Err: From<Error<V::Label>>,
    {
        let delivered =
            self.outbox
                .deliver::<R, M, Err>(app, audience, Heading::of::<E>(), transport, || {
                    Ok(to_json(&make()?)?)
                });
        self.traced(E::NAME, audience, transport, delivered)
    }

    /// Relays page `from`'s event `event` to window `to`, over `to`'s Channel, with `from` as
    /// its sender: a page cannot name another. Refused, sending nothing, unless `to` is an open
    /// window of the app, `event` one of its page-to-page events and `payload` of that event's
    /// type; what is passed on is the payload parsed and written again, not the page's text.
    /// Held while `to` loads, like Rust's sends, and traced like them.
    pub fn relay<R, M>(
        &self,
        app: &M,
        from: V::Label,
        to: &str,
        event: &str,
        payload: &str,
    ) -> Result<Sent<V::Label>, Error<V::Label>>
    where
        R: Runtime,
        M: Manager<R> + Emitter<R>,
    {
        let to: V::Label = to.parse().map_err(|_| Error::NotALabel(to.to_owned()))?;
        let info = V::EVENTS
            .iter()
            .find(|e| e.name == event && e.route == Route::PageToPage)
            .ok_or_else(|| Error::NotAPageEvent(event.to_owned()))?;
        let payload = (info.normalize)(payload).map_err(Error::InvalidPayload)?;
        let audience = V::Audience::one(to);
        let heading = Heading {
            name: info.name,
            latest_only: info.latest_only,
            from: Some(from.to_string()),
        };
        let delivered = self.outbox.deliver::<R, M, Error<V::Label>>(
            app,
            &audience,
            heading,
            Transport::Channel,
            || Ok(payload),
        );
        self.traced(info.name, &audience, Transport::Channel, delivered)
    }

    /// Records a send of the event `name` that happened in the trace, and hands back what
    /// became of it.
    fn traced<Err>(
        &self,
        name: &str,
        audience: &V::Audience,
        transport: Transport,
        delivered: Result<(Sent<V::Label>, usize), Err>,
    ) -> Result<Sent<V::Label>, Err> {
        let (sent, bytes) = delivered?;
        self.trace.event(name, audience, transport, &sent, bytes);
        Ok(sent)
    }
}

/// `app.switchboard::<V>()` on anything that reaches the app's state (an `AppHandle`, a
/// window, a webview). Like `Manager::state`, it panics if the plugin was not added.
pub trait SwitchboardExt<R: Runtime> {
    /// The engine of vocabulary `V`.
    fn switchboard<V: Vocabulary>(&self) -> State<'_, Switchboard<V>>;
}

impl<R: Runtime, M: Manager<R>> SwitchboardExt<R> for M {
    fn switchboard<V: Vocabulary>(&self) -> State<'_, Switchboard<V>> {
        self.state::<Switchboard<V>>()
    }
}
