//! Notes from pages to the core: the page-to-Rust event. Payloads are untrusted: a bad one is
//! refused into the trace and the log, and the listener goes on
//! (docs/tauri-behaviour.md#listener-panics).

use std::sync::atomic::AtomicU32;

use switchboard_events::{Audience, CoreNoteAck, NoteToCore, WindowLabel};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_switchboard::{ids, listen_untrusted, Event, PayloadError};

use crate::{limits::Limit, AppError, Switchboard};

/// Notes read since start.
#[derive(Debug, Default)]
pub struct NotesRead(AtomicU32);

/// Checks a parsed note; returns its length in characters.
pub fn accept(note: &NoteToCore) -> Result<u32, AppError> {
    let chars = note.text.chars().count();
    if chars == 0 {
        return Err(AppError::invalid("the note is empty"));
    }
    Limit::CoreNoteChars.check(chars)?;
    Ok(chars as u32)
}

/// Why a note was refused.
#[derive(Debug, thiserror::Error)]
enum Refused {
    /// Its payload is not a note.
    #[error("{0}")]
    Malformed(#[from] PayloadError),
    /// A note, but not one the core accepts.
    #[error("{0}")]
    Rejected(AppError),
    /// Read, but `main` could not be told.
    #[error("acknowledgement not sent: {0}")]
    NotAcknowledged(AppError),
}

fn handle<R: Runtime>(
    app: &AppHandle<R>,
    payload: Result<NoteToCore, PayloadError>,
) -> Result<(), Refused> {
    let note = payload?;
    let chars = accept(&note).map_err(Refused::Rejected)?;
    let total = ids::take(&app.state::<NotesRead>().0).unwrap_or(u32::MAX);
    // Only `main` may emit (see its capability), so the acknowledgement goes there.
    app.state::<Switchboard>()
        .send(
            app,
            &Audience::One {
                label: WindowLabel::Main,
            },
            &CoreNoteAck { chars, total },
        )
        .map(drop)
        .map_err(|e| Refused::NotAcknowledged(e.into()))
}

/// Starts listening for [`NoteToCore`] from every page.
pub fn listen<R: Runtime>(app: &AppHandle<R>) {
    let handle_app = app.clone();
    listen_untrusted::<NoteToCore, R, _, _>(app, move |payload| {
        // Handled on a task, not inside the listener: an `emit_to` made while Tauri runs Rust
        // listeners loses its target (docs/tauri-behaviour.md#emit-inside-listener).
        let app = handle_app.clone();
        tauri::async_runtime::spawn(async move {
            if let Err(reason) = handle(&app, payload) {
                log::warn!("refused `{}`: {reason}", NoteToCore::NAME);
                app.state::<Switchboard>()
                    .trace()
                    .refused(NoteToCore::NAME, &reason.to_string());
            }
        });
    });
}
