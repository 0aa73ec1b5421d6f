//! Messages: main sends to one window, a set, the workers or all (once, several in one call,
//! or in a burst); a worker replies to main.

use std::{
    collections::BTreeMap,
    sync::atomic::{AtomicU32, Ordering},
};

use serde::{Deserialize, Serialize};
use specta::Type;
use switchboard_events::{Audience, InboxMessage, WindowLabel};
use tauri::{AppHandle, Runtime, State};

use tauri_plugin_switchboard::{ids, pace, Transport};

use crate::{limits::Limit, AppError, Call, Sent, Switchboard};

/// Numbers messages; one sequence for the whole app, so order is visible across senders.
#[derive(Debug, Default)]
pub struct Sequence(AtomicU32);

impl Sequence {
    fn next(&self) -> Result<u32, AppError> {
        ids::take(&self.0).ok_or_else(|| AppError::internal("message numbers are used up"))
    }

    /// Numbers go on after `last` (a restored workspace's highest), never back.
    pub fn continue_after(&self, last: u32) {
        self.0.fetch_max(last, Ordering::Relaxed);
    }
}

/// Checks `text` and `audience` and builds the event, still unnumbered (`seq` 0). An audience
/// that names windows keeps each once, in the order given.
pub fn compose(
    from: WindowLabel,
    mut audience: Audience,
    text: String,
) -> Result<InboxMessage, AppError> {
    if text.trim().is_empty() {
        return Err(AppError::invalid("message is empty"));
    }
    Limit::MessageChars.check(text.chars().count())?;
    if let Audience::Some { labels } = &mut audience {
        let mut seen = std::collections::HashSet::new();
        labels.retain(|label| seen.insert(*label));
        if labels.is_empty() {
            return Err(AppError::invalid("no window chosen"));
        }
        Limit::AudienceWindows.check(labels.len())?;
    }
    Ok(InboxMessage {
        seq: 0,
        from,
        audience,
        text,
    })
}

/// Sends a copy of `draft`, numbered under the Outbox's lock, so that sequence order is
/// sending order for every sender at once, and keeps it in the workspace's inboxes. Returns
/// its number and what became of it.
fn send_numbered<R: Runtime>(
    app: &AppHandle<R>,
    seq: &Sequence,
    switchboard: &Switchboard,
    draft: &InboxMessage,
    transport: Transport,
) -> Result<(u32, Sent), AppError> {
    let mut number = 0;
    let numbered = |number| InboxMessage {
        seq: number,
        ..draft.clone()
    };
    let sent = switchboard.send_with(app, &draft.audience, transport, || {
        number = seq.next()?;
        Ok::<_, AppError>(numbered(number))
    })?;
    crate::workspace::record_received(app, &sent, || numbered(number));
    Ok((number, sent))
}

fn send<R: Runtime>(
    (app, caller): (&AppHandle<R>, WindowLabel),
    seq: &Sequence,
    switchboard: &Switchboard,
    audience: Audience,
    text: String,
    transport: Transport,
) -> Result<Sent, AppError> {
    let draft = compose(caller, audience, text)?;
    send_numbered(app, seq, switchboard, &draft, transport).map(|(_, sent)| sent)
}

/// Sends `text` to `audience` by `transport`: `"event"` (Tauri's routing, which any page
/// allowed to listen can overhear) or `"channel"` (each window's own Channel, private to it).
/// Fails, sending nothing, if it names a closed window.
#[tauri::command]
#[specta::specta]
pub async fn send_message<R: Runtime>(
    call: Call<R>,
    seq: State<'_, Sequence>,
    switchboard: State<'_, Switchboard>,
    audience: Audience,
    text: String,
    transport: Transport,
) -> Result<Sent, AppError> {
    call.run(|call| {
        let from = (&call.app, call.caller);
        send(from, &seq, &switchboard, audience, text, transport)
    })
}

/// One message of a `sendMessages` call: the arguments of one `sendMessage`.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct Outgoing {
    /// Who it is for.
    pub audience: Audience,
    /// Its text.
    pub text: String,
    /// How it travels.
    pub transport: Transport,
}

/// What became of one message of a `sendMessages` call: what `sendMessage` would have
/// answered, in the shape of a command's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Sent.
    Ok {
        /// What became of it.
        data: Sent,
    },
    /// Not sent, and why.
    Error {
        /// Why.
        error: AppError,
    },
}

/// Sends each message as `sendMessage` would, in order, and answers with each one's outcome:
/// one command for many messages, as the page's `sendMessage` batches them (each call is main
/// thread work for the webview and the core alike). A message the core refuses costs no other;
/// a list that does not decode is refused whole, as `invalid_args`. While another window calls,
/// the answer waits until the receivers have had time to take the messages in (pace.rs).
#[tauri::command]
#[specta::specta]
pub async fn send_messages<R: Runtime>(
    call: Call<R>,
    seq: State<'_, Sequence>,
    switchboard: State<'_, Switchboard>,
    messages: Vec<Outgoing>,
) -> Result<Vec<Outcome>, AppError> {
    call.run_async(|call| {
        let (app, caller) = (call.app.clone(), call.caller);
        async move {
            Limit::MessagesPerCall.check(messages.len())?;
            let mut outcomes = Vec::with_capacity(messages.len());
            let mut messages = messages.into_iter().peekable();
            while messages.peek().is_some() {
                let mut reached = BTreeMap::<WindowLabel, usize>::new();
                for m in messages.by_ref().take(BURST_PART as usize) {
                    let sent = send(
                        (&app, caller),
                        &seq,
                        &switchboard,
                        m.audience,
                        m.text,
                        m.transport,
                    );
                    for window in sent.iter().flat_map(|sent| &sent.emitted) {
                        *reached.entry(*window).or_default() += 1;
                    }
                    outcomes.push(match sent {
                        Ok(data) => Outcome::Ok { data },
                        Err(error) => Outcome::Error { error },
                    });
                }
                // While another window calls, each receiver takes them at its intake
                // (pace.rs), and the rest of them waits.
                pace::intake_turn(&app, reached).await;
            }
            Ok(outcomes)
        }
    })
    .await
}

/// What a burst sent: its messages are numbered from `first` to `last`, in sending order
/// (another sender's messages may take numbers in between).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Burst {
    /// The first message's number.
    pub first: u32,
    /// The last message's number.
    pub last: u32,
    /// Messages not held for a window still loading, because it held as many as it may
    /// (one per message and window).
    pub not_held: u32,
}

/// Messages of a burst or a `sendMessages` call sent between two waits for the receivers'
/// intake: as many as go in one of the outbox's batches.
const BURST_PART: u32 = tauri_plugin_switchboard::outbox::BATCH_MAX as u32;

/// Sends `count` copies of `text` (1 to 10,000) to `audience` by `transport`, as fast as the
/// core can, or, while another window calls, as fast as the receivers take them in (pace.rs):
/// shows what a flood costs each way, and that nothing is lost, doubled or reordered. Stops
/// at the first failure (a window closed mid-way), with that error.
#[tauri::command]
#[specta::specta]
pub async fn send_burst<R: Runtime>(
    call: Call<R>,
    seq: State<'_, Sequence>,
    switchboard: State<'_, Switchboard>,
    audience: Audience,
    text: String,
    transport: Transport,
    count: u32,
) -> Result<Burst, AppError> {
    call.run_async(|call| {
        let (app, caller) = (call.app.clone(), call.caller);
        async move {
            if count == 0 {
                return Err(AppError::invalid("a burst has at least one message"));
            }
            Limit::MessagesPerCall.check(count as usize)?;
            let draft = compose(caller, audience, text)?;
            let (mut first, mut last, mut not_held) = (None, 0, 0);
            let mut left = count;
            while left > 0 {
                let part = left.min(BURST_PART);
                let mut reached = Vec::new();
                for _ in 0..part {
                    let (number, sent) =
                        send_numbered(&app, &seq, &switchboard, &draft, transport)?;
                    first.get_or_insert(number);
                    last = number;
                    not_held += sent.not_held.len() as u32;
                    reached = sent.emitted;
                }
                left -= part;
                // While another window calls, the receivers take the burst at their intake
                // (pace.rs), and the rest of it waits; after the last part too, so that the
                // next burst comes no sooner than they can take it.
                pace::intake_turn(&app, reached.into_iter().map(|w| (w, part as usize))).await;
            }
            first
                .map(|first| Burst {
                    first,
                    last,
                    not_held,
                })
                .ok_or_else(|| AppError::internal("a burst sent nothing"))
        }
    })
    .await
}

/// Sends `text` to `main`: the one message a worker may send.
#[tauri::command]
#[specta::specta]
pub async fn reply_to_main<R: Runtime>(
    call: Call<R>,
    seq: State<'_, Sequence>,
    switchboard: State<'_, Switchboard>,
    text: String,
) -> Result<Sent, AppError> {
    let main = Audience::One {
        label: WindowLabel::Main,
    };
    call.run(|call| {
        let from = (&call.app, call.caller);
        send(from, &seq, &switchboard, main, text, Transport::Channel)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_keeps_each_named_window_once() {
        let bad = |audience, text: &str| {
            compose(WindowLabel::Main, audience, text.into())
                .unwrap_err()
                .kind()
        };
        assert_eq!(bad(Audience::All, "  "), "invalid_input");
        assert_eq!(bad(Audience::All, &"x".repeat(1_001)), "limit_reached");
        assert_eq!(
            bad(Audience::Some { labels: vec![] }, "hi"),
            "invalid_input"
        );
        let many = (1..=19).map(WindowLabel::Worker).collect();
        assert_eq!(bad(Audience::Some { labels: many }, "hi"), "limit_reached");
        // Ten thousand copies of one label are one window.
        let copies = vec![WindowLabel::Worker(1); 10_000];
        let message = compose(
            WindowLabel::Main,
            Audience::Some { labels: copies },
            "hi".into(),
        );
        assert_eq!(
            message.unwrap().audience,
            Audience::Some {
                labels: vec![WindowLabel::Worker(1)]
            }
        );
    }

    #[test]
    fn the_sequence_ends_with_an_error_not_a_wrap() {
        let seq = Sequence(AtomicU32::new(u32::MAX - 1));
        assert_eq!(seq.next(), Ok(u32::MAX));
        assert_eq!(seq.next().unwrap_err().kind(), "internal");
    }
}
