//! Messages: main sends to one window, a set, the workers or all; a worker replies to main.

use std::sync::atomic::{AtomicU32, Ordering};

use switchboard_events::{Audience, InboxMessage, WindowLabel};
use tauri::{Runtime, State};

use crate::{outbox::Sent, AppError, Call, Outbox};

/// The longest message accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// Numbers messages; one sequence for the whole app, so order is visible across senders.
#[derive(Debug, Default)]
pub struct Sequence(AtomicU32);

/// Checks `text` and builds the event.
pub fn compose(
    seq: &Sequence,
    from: WindowLabel,
    audience: Audience,
    text: String,
) -> Result<InboxMessage, AppError> {
    if text.trim().is_empty() {
        return Err(AppError::invalid("message is empty"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::invalid(format!(
            "message is longer than {MAX_TEXT_CHARS} characters"
        )));
    }
    if let Audience::Some { labels } = &audience {
        if labels.is_empty() {
            return Err(AppError::invalid("no window chosen"));
        }
    }
    let seq = seq.0.fetch_add(1, Ordering::Relaxed) + 1;
    Ok(InboxMessage {
        seq,
        from,
        audience,
        text,
    })
}

fn send<R: Runtime>(
    call: &Call<R>,
    seq: &Sequence,
    outbox: &Outbox,
    audience: Audience,
    text: String,
) -> Result<Sent, AppError> {
    let message = compose(seq, call.caller, audience, text)?;
    outbox.send(&call.app, &message.audience, &message)
}

/// Sends `text` to `audience`. Fails, sending nothing, if it names a closed window.
#[tauri::command]
#[specta::specta]
pub async fn send_message<R: Runtime>(
    call: Call<R>,
    seq: State<'_, Sequence>,
    outbox: State<'_, Outbox>,
    audience: Audience,
    text: String,
) -> Result<Sent, AppError> {
    call.run(|call| send(call, &seq, &outbox, audience, text))
}

/// Sends `text` to `main`: the one message a worker may send.
#[tauri::command]
#[specta::specta]
pub async fn reply_to_main<R: Runtime>(
    call: Call<R>,
    seq: State<'_, Sequence>,
    outbox: State<'_, Outbox>,
    text: String,
) -> Result<Sent, AppError> {
    let main = Audience::One {
        label: WindowLabel::Main,
    };
    call.run(|call| send(call, &seq, &outbox, main, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_validates() {
        let seq = Sequence::default();
        let a = compose(&seq, WindowLabel::Main, Audience::All, "a".into()).unwrap();
        let b = compose(&seq, WindowLabel::Worker(1), Audience::All, "b".into()).unwrap();
        assert_eq!((a.seq, b.seq), (1, 2));
        let bad = |audience, text: &str| {
            compose(&seq, WindowLabel::Main, audience, text.into())
                .unwrap_err()
                .kind()
        };
        assert_eq!(bad(Audience::All, "  "), "invalid_input");
        assert_eq!(bad(Audience::All, &"x".repeat(1_001)), "invalid_input");
        assert_eq!(
            bad(Audience::Some { labels: vec![] }, "hi"),
            "invalid_input"
        );
    }
}
